"""Sweep the lexical weight (and the refusal threshold) over the development bank and print the scores.

    python bench/tune_fusion.py [--bank eval/dev.yaml]

Uses the live index (GEVINST_INDEX_DIR); nothing is written."""

from __future__ import annotations

import argparse
from pathlib import Path

from gevinst.assistant.service import Assistant
from gevinst.eval import load_bank, run_bank
from gevinst.index import open_index
from gevinst.settings import RetrievalSettings, get_settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bank", default="eval/dev.yaml")
    parser.add_argument("--weights", default="0,0.3,0.4,0.5,0.6,0.7,0.8,1")
    parser.add_argument("--thresholds", default="0.6")
    args = parser.parse_args()
    settings = get_settings()
    index = open_index(settings)
    questions = load_bank(Path(args.bank))
    print(f"{'weight':>6} {'refusal_t':>9} {'correct':>8} {'source':>7} {'refusal':>8} {'tool':>6}")
    for w in (float(x) for x in args.weights.split(",")):
        for t in (float(x) for x in args.thresholds.split(",")):
            tuned = settings.model_copy(
                update={
                    "retrieval": RetrievalSettings(
                        **{**settings.retrieval.model_dump(), "lexical_weight": w, "refusal_threshold": t}
                    )
                }
            )
            s = run_bank(questions, Assistant(tuned, index).answer).summary
            print(
                f"{w:>6.2f} {t:>9.2f} {s['answer_correctness']:>8.3f} {s['source_hit']:>7.3f} "
                f"{s['refusal_accuracy']:>8.3f} {s['tool_use']:>6.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
