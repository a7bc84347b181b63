"""The local model (llamacpp, the packaged Qwen2.5 1.5B) against the extractive default, on the same questions:
correctness, refusal accuracy, tool use, seconds per answer, and the numbers the guard flagged. Every flagged
number is printed with the passages it was checked against, so a person can judge whether the guard was right.

    python bench/llm.py eval/dev.yaml [eval/heldout.yaml ...] [--sample 30] [--seed 16] [--out DIR]

A fixed sample of N questions per bank (the same seed gives the same questions; --sample 0 takes the whole bank).
Uses the live index (GEVINST_INDEX_DIR, default var/index); run `gevinst ingest` first. Slow: a local answer
takes 10–60 s on two shared cores."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from gevinst.assistant.service import Assistant
from gevinst.danish_numbers import find_quantities, quantity_supported
from gevinst.eval import load_bank
from gevinst.eval.bank import Question
from gevinst.eval.scoring import Score, percentile, score
from gevinst.settings import get_settings
from gevinst.types import Answer

BACKENDS = ("extractive", "llamacpp")


@dataclass
class Outcome:
    question: Question
    answer: Answer
    score: Score
    seconds: float


@dataclass
class Run:
    bank: str
    backend: str
    outcomes: list[Outcome] = field(default_factory=list)


def sample(questions: list[Question], n: int, seed: int) -> list[Question]:
    if not n or n >= len(questions):
        return questions
    chosen = set(random.Random(seed).sample(range(len(questions)), n))
    return [q for i, q in enumerate(questions) if i in chosen]


def ask_all(assistant: Assistant, bank: str, backend: str, questions: list[Question]) -> Run:
    run = Run(bank, backend)
    for i, q in enumerate(questions, start=1):
        started = time.perf_counter()
        answer = assistant.answer(q.question, q.history)
        seconds = time.perf_counter() - started
        run.outcomes.append(Outcome(q, answer, score(q, answer.to_record(q.id)), seconds))
        print(f"\r{bank} {backend}: {i}/{len(questions)} ({seconds:.1f} s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return run


def flagged(answer: Answer) -> list[str]:
    """The numbers the guard flagged: in the answer shown, or in the model's answer it replaced."""
    return answer.unsupported_numbers + (answer.rejected.numbers if answer.rejected else [])


def _share(hits: list[bool]) -> str:
    return f"{sum(hits)}/{len(hits)}" if hits else "–"


def row(run: Run) -> list[str]:
    scores = [o.score for o in run.outcomes]
    seconds = [o.seconds for o in run.outcomes]
    flags = [n for o in run.outcomes for n in flagged(o.answer)]
    fell_back = sum("indbyggede svarmotor" in o.answer.notice for o in run.outcomes)
    return [
        run.bank,
        run.backend,
        str(len(scores)),
        _share([s.correct for s in scores if s.correct is not None]),
        _share([s.refusal_ok for s in scores]),
        _share([s.source_hit for s in scores if s.source_hit is not None]),
        _share([s.tool_ok for s in scores if s.tool_ok is not None]),
        f"{statistics.mean(seconds):.1f} / {percentile(seconds, 50):.1f} / {max(seconds):.1f}",
        f"{len(flags)} in {sum(bool(flagged(o.answer)) for o in run.outcomes)}",
        str(fell_back),
    ]


HEADER = [
    "bank",
    "backend",
    "n",
    "correct",
    "refusal ok",
    "source hit",
    "tool used",
    "s/answer mean/p50/max",
    "guard flags (answers)",
    "fell back",
]


def print_table(runs: list[Run]) -> None:
    rows = [HEADER, ["---"] * len(HEADER), *(row(r) for r in runs)]
    for r in rows:
        print("| " + " | ".join(r) + " |")


def print_flags(runs: list[Run], assistant: Assistant) -> None:
    """Each flagged number, the answer sentence around it, what it was checked against, and whether an
    uncited retrieved passage states it (a citation slip rather than an invention)."""
    for run in runs:
        for o in run.outcomes:
            numbers = flagged(o.answer)
            if not numbers:
                continue
            print(f"\n### {run.bank} · {run.backend} · {o.question.id}: {o.question.question}")
            if o.answer.rejected:
                print(f"model's answer (not shown; the embedded answer replaced it): {o.answer.rejected.text}")
                print(f"shown instead: {o.answer.text}")
            else:
                print(f"answer: {o.answer.text}")
            print(f"flagged: {', '.join(numbers)}")
            for c in o.answer.rejected.cited if o.answer.rejected else o.answer.citations:
                print(f"  checked against [{c.n}] {c.doc_id} s. {c.page}: «{c.snippet[:300]}»")
            if not (o.answer.rejected.cited if o.answer.rejected else o.answer.citations):
                print("  checked against: no cited passage (only the question and tool results)")
            for t in o.answer.tool_calls:
                print(f"  tool {t.name}({t.arguments}) → {t.result.get('display', t.result.get('error'))}")
            chunks = assistant.retrieve(o.question.question).chunks
            for number in numbers:
                q = find_quantities(number)
                found = [
                    f"{ch.doc_id} s. {ch.page}"  # by place: the model read a shorter list, numbered its own way
                    for ch in chunks
                    if q and quantity_supported(q[0], find_quantities(ch.text))
                ]
                where = f"stated in retrieved passage(s): {'; '.join(found)}" if found else "in no retrieved passage"
                print(f"  {number}: {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("banks", nargs="+", type=Path, help="question banks (eval/dev.yaml, eval/heldout.yaml)")
    parser.add_argument("--sample", type=int, default=30, help="questions per bank, a fixed sample (0: all)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--out", type=Path, help="write each run's answer records as JSONL here")
    args = parser.parse_args()
    from gevinst.index import open_index

    settings = get_settings()
    index = open_index(settings)
    assistants = {
        b: Assistant(settings.model_copy(update={"llm": settings.llm.model_copy(update={"backend": b})}), index)
        for b in args.backends.split(",")
    }
    runs = []
    for path in args.banks:
        bank = load_bank(path)
        questions = sample(bank, args.sample, args.seed)
        print(
            f"{path}: {len(questions)} of {len(bank)} questions (seed {args.seed}): "
            + " ".join(q.id for q in questions)
        )
        for backend, assistant in assistants.items():
            runs.append(ask_all(assistant, path.name, backend, questions))
    print()
    print_table(runs)
    print_flags(runs, next(iter(assistants.values())))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for r in runs:
            with (args.out / f"{Path(r.bank).stem}-{r.backend}.jsonl").open("w", encoding="utf-8") as fh:
                for o in r.outcomes:
                    fh.write(json.dumps(o.answer.to_record(o.question.id), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
