"""Ask every question of a bank through `Assistant.answer` (the chat's own path) and score the records."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gevinst.eval.bank import Question
from gevinst.eval.scoring import Score, score, summarise
from gevinst.types import Answer


@dataclass
class EvalRun:
    questions: list[Question]
    records: list[dict[str, Any]]
    scores: list[Score]
    summary: dict[str, Any]


def run_bank(
    questions: list[Question],
    ask: Callable[[str, list[str]], Answer],
    progress: Callable[[int, int], None] | None = None,
) -> EvalRun:
    records, scores = [], []
    for i, q in enumerate(questions, start=1):
        record = ask(q.question, q.history).to_record(q.id)
        records.append(record)
        scores.append(score(q, record))
        if progress:
            progress(i, len(questions))
    return EvalRun(questions, records, scores, summarise(scores))


def write_jsonl(records: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def compare(
    questions: dict[str, Question], before: list[dict[str, Any]], after: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    """(question id, 'bedre' | 'dårligere') for every question whose pass/fail changed between two runs."""
    old = {r["id"]: r for r in before}
    changes = []
    for record in after:
        qid = record.get("id")
        if qid not in old or qid not in questions:
            continue
        was = not score(questions[qid], old[qid]).problems
        now = not score(questions[qid], record).problems
        if was != now:
            changes.append((qid, "bedre" if now else "dårligere"))
    return changes
