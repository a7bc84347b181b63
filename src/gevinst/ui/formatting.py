"""How the UI and the brief write things: a citation's place, quotes in whole sentences, Danish numbers,
calculator tables with Danish headings, and an answer's leading sentence."""

from __future__ import annotations

from typing import Any

from gevinst.danish_numbers import format_kr, format_number, format_pct
from gevinst.sentences import sentence_spans
from gevinst.ui.safe_text import escape_markdown

QUOTE_CHARS = 420
USER_SOURCES = ("dit tal", "dit input")  # a figure the user gave (the calculators' word; «dit input» in older briefs)


def where(c: dict[str, Any]) -> str:
    """A citation's place: its page, or its section where the report has no pages (never «s. –»)."""
    if c.get("page") is not None:
        return f"s. {c['page']}"
    return f"afsnit {c['section']}" if c.get("section") else "uden sidetal"


def pages_of(first: int, last: int) -> str:
    return f"s. {first}" if first == last else f"s. {first}–{last}"


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """The passage in whole sentences up to `limit` characters; «…» marks what was left out."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    kept = ""
    for _start, end in sentence_spans(text):
        if kept and end > limit:
            break
        kept = text[:end]
        if end > limit:  # one sentence longer than the limit: cut at a word, and say so
            kept = text[: text.rfind(" ", 0, limit)]
            break
    return kept.rstrip() + " …"


def lead_and_rest(answer: str) -> tuple[str, str]:
    """The answer's leading sentence (with its [n] markers) and what follows it."""
    answer = answer.strip()
    first_line, _, after = answer.partition("\n")
    spans = sentence_spans(first_line)
    if not spans:
        return answer, ""
    end = spans[0][1]
    while end < len(first_line) and first_line[end] in " []0123456789,":  # its markers «[1] [2]»
        end += 1
    rest = (first_line[end:].strip() + ("\n" + after if after else "")).strip()
    return first_line[:end].strip(), rest


def rest_markdown(text: str) -> str:
    """The answer after its lead as Markdown, every word of it escaped: a listed line («- …») is an item, other
    lines are lines of a paragraph, and a line after an item starts a new paragraph (it would otherwise run on
    as part of the item: «… [1] Også relevant:»)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out: list[str] = []
    for previous, line in zip(["", *lines], lines):
        item = line.startswith("- ")
        rendered = f"- {escape_markdown(line[2:])}" if item else escape_markdown(line) + "  "
        after_item = previous.startswith("- ") and not item
        out.append(("\n\n" if after_item else "\n" if out else "") + rendered)
    return "".join(out)


def number(value: Any, unit: str = "") -> str:
    """30000.0 kr. → «30.000 kr.», 17.0 % → «17 %», 4.8 årsværk → «4,8 årsværk»."""
    if not isinstance(value, int | float):  # text the calculator wrote («2, 2, 2 %») may carry its unit already
        text = str(value)
        return text if unit and text.endswith(unit) else f"{text} {unit}".strip()
    if unit == "kr.":
        return format_kr(value)
    if unit == "%":
        return format_pct(value)
    places = 0 if float(value).is_integer() else 2
    text = format_number(value, places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text} {unit}".strip()


def column_label(key: str) -> str:
    """A calculator table's column key as a heading: «andel_pct» → «Andel (%)», «år» → «År»."""
    words = key.removesuffix("_pct").replace("_", " ")
    return words[:1].upper() + words[1:] + (" (%)" if key.endswith("_pct") else "")


def cell(key: str, value: Any) -> str:
    if isinstance(value, str) or key == "år":
        return str(value)
    if key.endswith("_pct"):
        return format_pct(value)
    return format_kr(value)


def table_rows(table: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """A calculator's yearly or per-task table with Danish headings and Danish numbers."""
    if not table:
        return [], []
    keys = list(table[0])
    return [column_label(k) for k in keys], [[cell(k, row[k]) for k in keys] for row in table]


def source_name(assumption: dict[str, Any], titles: dict[str, str]) -> str:
    """An assumption's source by the report's title and place, never its document id."""
    doc_id = assumption.get("doc_id") or ""
    if not doc_id:
        source = str(assumption.get("source") or "")
        own = source.startswith(USER_SOURCES)  # «dit tal», or «dit tal: 2.000 om måneden × 12» when scaled
        return source[:1].upper() + source[1:] if own else source
    return f"{titles.get(doc_id, doc_id)}, {where(assumption)}"
