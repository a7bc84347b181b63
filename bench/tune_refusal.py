"""The refusal rule, calibrated on the development banks. For every non-calculation question: the hard rules
(refusal.hard_refusal: a name or year no passage mentions, a lead passage without the question's most specific
name, what the source says it does not know, a figure question without a relevant figure) and the soft signals
(term coverage, dense similarity, the meaning of the leading sentence, English). A logistic model is fitted to the soft signals (answerable = 1); the table shows wrong
refusals and refused unanswerable questions per threshold. Copy the weights (coverage, dense, meaning, english, bias) into refusal.CALIBRATION and the
threshold into retrieval.refusal_probability. Run over a held-out bank only to report, never to choose.

    python bench/tune_refusal.py eval/dev.yaml eval/dev2.yaml
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from gevinst.assistant import build_assistant, evidence, refusal
from gevinst.assistant.candidate import CALIBRATED_SPAN, closeness
from gevinst.assistant.parse import parse_query
from gevinst.eval.bank import load_bank
from gevinst.settings import Settings


def features(banks: list[Path]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    assistant = build_assistant(Settings())
    rows, labels, hard = [], [], []
    for q in (q for bank in banks for q in load_bank(bank)):
        query = assistant.retriever.with_compounds(parse_query(q.question)[0])
        if "calculation" in q.tags or query.computes:
            continue
        retrieved = assistant.retriever.retrieve(query)
        found = evidence.candidates(query, retrieved, assistant.retriever)
        chosen = evidence.choose(query, found, retrieved)
        lead = chosen[0] if chosen else None
        dense = closeness(retrieved.best_dense, CALIBRATED_SPAN)
        english = float(query.language.value == "en")
        rows.append([retrieved.coverage, dense, (lead.meaning or 0.0) if lead else 0.0, english])
        labels.append(int(q.answerable))
        hard.append(refusal.hard_refusal(query, retrieved, chosen))
    return np.asarray(rows), np.asarray(labels), np.asarray(hard)


def fit(x: np.ndarray, y: np.ndarray, steps: int = 30000) -> np.ndarray:
    xb = np.c_[x, np.ones(len(x))]
    w = np.zeros(xb.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xb @ w))
        w -= 0.5 * (xb.T @ (p - y) / len(y) + 0.001 * np.r_[w[:-1], 0])
    return w


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("banks", type=Path, nargs="+")
    args = ap.parse_args()
    x, y, hard = features(args.banks)
    w = fit(x, y)
    print(f"{len(y)} questions, {int((y == 0).sum())} unanswerable")
    print("weights: coverage {:.2f}, dense {:.2f}, meaning {:.2f}, english {:.2f}, bias {:.2f}".format(*w))
    p = 1 / (1 + np.exp(-(np.c_[x, np.ones(len(x))] @ w)))
    english = x[:, 3] == 1
    print(f"english: {int(english.sum())} questions, {int((english & (y == 0)).sum())} unanswerable")
    print("threshold  wrong refusals  refused unanswerable  wrong refusals (english)")
    for t in (0.3, 0.4, 0.5, 0.55, 0.6, 0.7):
        refused = (p < t) | hard
        print(
            f"{t:9.2f}  {(refused & (y == 1)).sum() / (y == 1).sum():14.3f}  "
            f"{(refused & (y == 0)).sum() / max((y == 0).sum(), 1):20.3f}  "
            f"{(refused & (y == 1) & english).sum() / max((english & (y == 1)).sum(), 1):24.3f}"
        )


if __name__ == "__main__":
    main()
