"""The weight of sentence meaning (e5 similarity of question and sentence, made at ingest) in choosing evidence,
chosen on the development banks: answer correctness and wrong refusals for each weight. Run over a held-out
bank only to report, never to choose.

    python bench/tune_meaning.py eval/dev.yaml eval/dev2.yaml --weights 0 0.2 0.4 0.6
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gevinst.assistant import build_assistant
from gevinst.eval.bank import load_bank
from gevinst.eval.runner import run_bank
from gevinst.settings import Settings


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("banks", type=Path, nargs="+")
    ap.add_argument("--weights", type=float, nargs="+", default=[0.0, 0.2, 0.4, 0.6])
    args = ap.parse_args()
    questions = [q for bank in args.banks for q in load_bank(bank)]
    base = Settings()
    print(f"{len(questions)} questions from {', '.join(map(str, args.banks))}")
    print(f"{'weight':>6}  {'correct':>7}  {'wrong refusals':>14}  {'refused unanswerable':>20}")
    for weight in args.weights:
        settings = base.model_copy(
            update={"retrieval": base.retrieval.model_copy(update={"sentence_meaning_weight": weight})}
        )
        assistant = build_assistant(settings)
        run = run_bank(questions, assistant.answer)
        records, summary = run.records, run.summary
        answerable = [r for q, r in zip(questions, records, strict=True) if q.answerable]
        unanswerable = [r for q, r in zip(questions, records, strict=True) if not q.answerable]
        wrong = sum(r["refused"] for r in answerable) / max(len(answerable), 1)
        right = sum(r["refused"] for r in unanswerable) / max(len(unanswerable), 1)
        print(f"{weight:>6.2f}  {summary['answer_correctness']:>7.3f}  {wrong:>14.3f}  {right:>20.3f}")


if __name__ == "__main__":
    main()
