"""The figure gate (assistant/figure_gate.py), fitted on the development banks. For every non-calculation
question that asks a figure outright, passes the hard rules and whose lead states a figure of the kind asked
(the questions the evidence score lets through): the gate's signals, and whether the question is answerable.
A logistic model (classes balanced) is fitted leaving each bank out in turn; the table shows, per threshold,
the answerable questions refused and the unanswerable ones caught by the left-out fits — the estimate of what
a new bank sees. Copy the weights of the fit on all banks into figure_gate.CALIBRATION and the threshold into
retrieval.figure_probability. Run over a held-out bank only to report, never to choose.

    python bench/tune_figure_gate.py eval/dev.yaml eval/dev[2-9].yaml eval/dev1?.yaml eval/dev2?.yaml eval/heldout.yaml
"""

from __future__ import annotations

import argparse
from dataclasses import astuple, fields
from pathlib import Path

import numpy as np

from gevinst.assistant import build_assistant, evidence, figure_gate, refusal
from gevinst.assistant.parse import parse_query
from gevinst.assistant.query import Asks
from gevinst.eval.bank import load_bank
from gevinst.settings import Settings

NAMES = [f.name for f in fields(figure_gate.FigureSignals)]


def signals(banks: list[Path]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    assistant = build_assistant(Settings())
    retriever = assistant.retriever
    rows, labels, groups = [], [], []
    for bank in banks:
        for q in load_bank(bank):
            query = retriever.with_compounds(parse_query(q.question)[0])
            if "calculation" in q.tags or query.computes or query.asks is not Asks.FIGURE or not query.figure_outright:
                continue
            retrieved = retriever.retrieve(query)
            chosen = evidence.choose(query, evidence.candidates(query, retrieved, retriever), retrieved)
            if (
                not chosen
                or refusal.hard_refusal(query, retrieved, chosen)
                or not refusal.figure_stated(query, chosen[0])
            ):
                continue
            rows.append(astuple(figure_gate.signals(query, retrieved, chosen[0])))
            labels.append(int(q.answerable))
            groups.append(bank.stem)
    return np.asarray(rows, dtype=float), np.asarray(labels), np.asarray(groups)


def fit(x: np.ndarray, y: np.ndarray, steps: int = 4000, l2: float = 0.01) -> np.ndarray:
    """Raw-scale weights (bias last) of a balanced logistic fit on standardised signals."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    xs = np.c_[(x - mu) / sd, np.ones(len(x))]
    w = np.zeros(xs.shape[1])
    balance = np.where(y == 0, (y == 1).sum() / max((y == 0).sum(), 1), 1.0)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-xs @ w))
        w -= 0.5 * (xs.T @ ((p - y) * balance) / balance.sum() + l2 * np.r_[w[:-1], 0])
    raw = w[:-1] / sd
    return np.r_[raw, w[-1] - float(raw @ mu)]


def probability(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("banks", type=Path, nargs="+")
    args = ap.parse_args()
    x, y, groups = signals(args.banks)
    left_out = np.zeros(len(y))
    for g in sorted(set(groups)):
        train = groups != g
        left_out[~train] = probability(fit(x[train], y[train]), x[~train])
    print(f"{len(y)} questions whose lead states the figure asked, {int((y == 0).sum())} unanswerable")
    print("threshold  answerable refused  unanswerable caught   (fits that left the bank out)")
    for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        print(f"{t:9.2f}  {int(((left_out < t) & (y == 1)).sum()):18d}  {int(((left_out < t) & (y == 0)).sum()):19d}")
    w = fit(x, y)
    print("weights:", ", ".join(f'"{n}": {v:.3f}' for n, v in zip([*NAMES, "bias"], w, strict=True)))


if __name__ == "__main__":
    main()
