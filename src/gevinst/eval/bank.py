"""Question banks (shared/eval/FORMAT.md): loaded and validated, a malformed bank refused with the line."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class BankError(ValueError):
    """A malformed question bank; the message names the line and the problem."""


# A misspelt field («sourcez:») would otherwise be ignored and its check silently pass.
QUESTION_FIELDS = frozenset({"id", "question", "answerable", "expect", "tags", "history"})
EXPECT_FIELDS = frozenset({"numbers", "phrases", "any_phrases", "sources", "tool"})
BANK_FIELDS = frozenset({"version", "questions"})


@dataclass(frozen=True)
class SourceSpec:
    doc_id: str
    first_page: int | None = None
    last_page: int | None = None

    @classmethod
    def parse(cls, text: str) -> SourceSpec:
        m = re.fullmatch(r"([^#\s]+)(?:#p(\d+)(?:-(\d+))?)?", text.strip())
        if not m:
            raise ValueError(f"ugyldig kilde '{text}' (forventet 'doc-id', 'doc-id#p39' eller 'doc-id#p39-41')")
        first = int(m.group(2)) if m.group(2) else None
        last = int(m.group(3)) if m.group(3) else first
        return cls(m.group(1), first, last)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answerable: bool
    numbers: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    any_phrases: list[list[str]] = field(default_factory=list)
    sources: list[SourceSpec] = field(default_factory=list)
    tool: str | None = None
    tags: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)  # earlier questions, for follow-ups


class _LineLoader(yaml.SafeLoader):
    pass


def _mapping_with_line(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Hashable, Any]:
    data = loader.construct_mapping(node, deep=True)
    data["__line__"] = node.start_mark.line + 1
    return data


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def load_bank(path: Path) -> list[Question]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except UnicodeDecodeError as exc:
        raise BankError(f"{path}: filen er ikke UTF-8 (byte {exc.start}); gem banken som UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"linje {mark.line + 1}" if mark else "ukendt linje"
        raise BankError(f"{path}: {where}: ikke gyldig YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise BankError(f"{path}: linje 1: banken skal have 'version' og en liste 'questions'")
    if unknown := _unknown(data, BANK_FIELDS):
        raise BankError(f"{path}: linje 1: ukendt felt {unknown} (tilladt: {', '.join(sorted(BANK_FIELDS))})")
    if not data["questions"]:
        raise BankError(f"{path}: linje 1: banken har ingen spørgsmål")
    seen: set[str] = set()
    out = []
    for raw in data["questions"]:
        line = raw.get("__line__", "?") if isinstance(raw, dict) else "?"
        try:
            q = _question(raw)
        except (KeyError, TypeError, ValueError) as exc:
            qid = f" (spørgsmål '{raw['id']}')" if isinstance(raw, dict) and "id" in raw else ""
            raise BankError(f"{path}: linje {line}: {exc.args[0] if exc.args else exc}{qid}") from None
        if q.id in seen:
            raise BankError(f"{path}: linje {line}: id '{q.id}' findes allerede")
        seen.add(q.id)
        out.append(q)
    return out


def _question(raw: Any) -> Question:
    if not isinstance(raw, dict):
        raise TypeError("hvert spørgsmål skal være en mapping")
    for key in ("id", "question", "answerable"):
        if key not in raw:
            raise KeyError(f"feltet '{key}' mangler")
    if unknown := _unknown(raw, QUESTION_FIELDS):
        raise KeyError(f"ukendt felt {unknown} (tilladt: {', '.join(sorted(QUESTION_FIELDS))})")
    if not isinstance(raw["answerable"], bool):
        raise TypeError("'answerable' skal være true eller false")
    expect = raw.get("expect") or {}
    if not isinstance(expect, dict):
        raise TypeError(f"'expect' skal være en mapping med {', '.join(sorted(EXPECT_FIELDS))}, ikke {_kind(expect)}")
    if unknown := _unknown(expect, EXPECT_FIELDS):
        raise KeyError(f"ukendt felt {unknown} under 'expect' (tilladt: {', '.join(sorted(EXPECT_FIELDS))})")
    for key in ("numbers", "phrases", "any_phrases", "sources", "tags", "history"):
        value = (raw if key in ("tags", "history") else expect).get(key)
        if value is not None and not isinstance(value, list):
            raise TypeError(f"'{key}' skal være en liste, ikke {_kind(value)}")
    if expect.get("tool") is not None and not isinstance(expect["tool"], str):
        raise TypeError(f"'tool' skal være navnet på en beregning, ikke {_kind(expect['tool'])}")
    any_phrases = expect.get("any_phrases") or []
    if not all(isinstance(group, list) for group in any_phrases):
        raise TypeError("'any_phrases' skal være en liste af lister")
    return Question(
        id=str(raw["id"]),
        question=str(raw["question"]),
        answerable=raw["answerable"],
        numbers=[str(n) for n in expect.get("numbers") or []],
        phrases=[str(p) for p in expect.get("phrases") or []],
        any_phrases=[[str(p) for p in group] for group in any_phrases],
        sources=[SourceSpec.parse(str(s)) for s in expect.get("sources") or []],
        tool=expect.get("tool"),
        tags=[str(t) for t in raw.get("tags") or []],
        history=[str(h) for h in raw.get("history") or []],
    )


def _unknown(data: dict[str, Any], allowed: frozenset[str]) -> str:
    return ", ".join(f"'{k}'" for k in data if k not in allowed and k != "__line__")


def _kind(value: Any) -> str:
    return {list: "en liste", dict: "en mapping", str: "tekst", bool: "true/false"}.get(type(value), f"'{value}'")
