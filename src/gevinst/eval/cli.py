"""`gevinst eval BANK.yaml [--out --report --summary --min-*]` and `gevinst eval compare A B --bank BANK`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gevinst.eval.bank import BankError, load_bank
from gevinst.eval.report import html_report, print_table, summary_json
from gevinst.eval.runner import compare, read_jsonl, run_bank, write_jsonl
from gevinst.settings import Settings


def run_eval_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.bank == "compare":
        return _compare(args)
    try:
        questions = load_bank(Path(args.bank))
    except (BankError, OSError) as exc:
        print(f"Fejl: {exc}", file=sys.stderr)
        return 2
    from tqdm import tqdm

    from gevinst.assistant import build_assistant

    assistant = build_assistant(settings)
    bar = tqdm(total=len(questions), desc="Spørgsmål", file=sys.stderr)
    run = run_bank(questions, assistant.answer, lambda i, n: bar.update(1))
    bar.close()
    print_table(run)
    if args.out:
        write_jsonl(run.records, Path(args.out))
    if args.report:
        Path(args.report).write_text(html_report(run), encoding="utf-8")
    if args.summary:
        Path(args.summary).write_text(json.dumps(summary_json(run), ensure_ascii=False, indent=1))
    return _thresholds(run.summary, args)


def _thresholds(summary: dict, args: argparse.Namespace) -> int:  # type: ignore[type-arg]
    failed = []
    for key, minimum in (("answer_correctness", args.min_correct), ("source_hit", args.min_source_hit),
                         ("refusal_accuracy", args.min_refusal), ("tool_use", args.min_tool)):
        value = summary.get(key)
        if minimum and value is not None and value < minimum:
            failed.append(f"{key} {value:.3f} < {minimum}")
    for line in failed:
        print(f"Under tærsklen: {line}", file=sys.stderr)
    return 1 if failed else 0


def _compare(args: argparse.Namespace) -> int:
    if len(args.extra) != 2 or not args.out_bank:
        print("Brug: gevinst eval compare A.jsonl B.jsonl --against BANK.yaml", file=sys.stderr)
        return 2
    questions = {q.id: q for q in load_bank(Path(args.out_bank))}
    changes = compare(questions, read_jsonl(Path(args.extra[0])), read_jsonl(Path(args.extra[1])))
    for qid, change in changes:
        print(f"{change:10} {qid}")
    print(f"{sum(c == 'bedre' for _, c in changes)} bedre, {sum(c == 'dårligere' for _, c in changes)} dårligere")
    return 0
