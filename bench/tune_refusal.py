"""The refusal threshold, chosen on the development bank: for each threshold, how many answerable questions
would be refused (wrong refusals) and how many unanswerable ones answered. Prints the table and the score of
every question, so the choice can be checked by eye. Run over a held-out bank only to report, never to choose.

    python bench/tune_refusal.py eval/dev.yaml
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gevinst.assistant import build_assistant, evidence
from gevinst.assistant.parse import parse_query
from gevinst.eval.bank import load_bank
from gevinst.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("bank", type=Path)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    assistant = build_assistant(Settings())
    rows = []
    for q in load_bank(args.bank):
        if "calculation" in q.tags:
            continue
        query = parse_query(q.question)[0]
        retrieved = assistant.retriever.retrieve(query)
        chosen = evidence.choose(query, evidence.candidates(query, retrieved, assistant.retriever), retrieved)
        score = evidence.evidence_score(retrieved, chosen[0] if chosen else None)
        rows.append(
            (
                q.id,
                q.answerable,
                score,
                bool(retrieved.missing_entities),
                retrieved.coverage,
                chosen[0].relevance if chosen else 0.0,
                retrieved.best_dense,
            )
        )
    if args.verbose:
        for r in sorted(rows, key=lambda r: r[2]):
            print(
                f"{r[0]:40s} answerable={r[1]!s:5s} score={r[2]:.3f} rule_refuses={r[3]!s:5s} "
                f"coverage={r[4]:.2f} sentence={r[5]:.2f} dense={r[6]:.3f}"
            )
    answerable = [r for r in rows if r[1]]
    unanswerable = [r for r in rows if not r[1]]
    print(f"{len(answerable)} answerable, {len(unanswerable)} unanswerable (calculations left out)")
    print("threshold  wrong refusals  unanswerable answered")
    for t in [x / 20 for x in range(4, 17)]:
        wrong = sum(1 for r in answerable if r[3] or r[2] < t)
        missed = sum(1 for r in unanswerable if not r[3] and r[2] >= t)
        print(f"{t:9.2f}  {wrong:3d} ({wrong / max(len(answerable), 1):5.1%})   {missed:3d} of {len(unanswerable)}")


if __name__ == "__main__":
    main()
