"""`gevinst eval BANK.yaml [--out --report --summary --min-*]` and `gevinst eval compare A B --bank BANK`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from gevinst.eval.bank import BankError, load_bank
from gevinst.eval.report import html_report, print_table, summary_json
from gevinst.eval.runner import compare, run_bank, write_jsonl
from gevinst.settings import Settings


def run_eval_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.bank == "compare":
        return _compare(args)
    try:
        questions = load_bank(Path(args.bank))
    except (BankError, OSError) as exc:
        print(f"Fejl: {_describe(exc)}", file=sys.stderr)
        return 2
    from tqdm import tqdm

    from gevinst.assistant import IndexMissing, build_assistant

    try:
        assistant = build_assistant(settings)
        bar = tqdm(total=len(questions), desc="Spørgsmål", file=sys.stderr)
        run = run_bank(questions, assistant.answer, lambda i, n: bar.update(1))
        bar.close()
    except IndexMissing as exc:
        print(f"Fejl: {exc}", file=sys.stderr)
        return 2
    print_table(run)
    try:
        if args.out:
            write_jsonl(run.records, Path(args.out))
        if args.report:
            Path(args.report).write_text(html_report(run), encoding="utf-8")
        if args.summary:
            Path(args.summary).write_text(json.dumps(summary_json(run), ensure_ascii=False, indent=1))
    except OSError as exc:
        print(f"Fejl: {_describe(exc)}", file=sys.stderr)
        return 2
    return _thresholds(run.summary, args)


def _describe(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"filen eller mappen findes ikke: {exc.filename}"
    if isinstance(exc, OSError):
        return f"{exc.filename} kan ikke læses eller skrives ({exc.strerror})"
    return str(exc)


def _thresholds(summary: dict, args: argparse.Namespace) -> int:  # type: ignore[type-arg]
    failed = []
    for key, option, minimum in (
        ("answer_correctness", "--min-correct", args.min_correct),
        ("source_hit", "--min-source-hit", args.min_source_hit),
        ("refusal_accuracy", "--min-refusal", args.min_refusal),
        ("tool_use", "--min-tool", args.min_tool),
    ):
        value = summary.get(key)
        if minimum and value is None:  # a gate that nothing measured must not pass
            failed.append(f"{key}: ingen spørgsmål i banken måler det, så {option} {minimum} kan ikke holdes")
        elif minimum and value < minimum:
            failed.append(f"{key} {value:.3f} < {minimum}")
    for line in failed:
        print(f"Under tærsklen: {line}", file=sys.stderr)
    return 1 if failed else 0


def _compare(args: argparse.Namespace) -> int:
    if len(args.extra) != 2 or not args.out_bank:
        print("Brug: gevinst eval compare A.jsonl B.jsonl --against BANK.yaml", file=sys.stderr)
        return 2
    try:
        questions = {q.id: q for q in load_bank(Path(args.out_bank))}
        changes = compare(questions, _records(Path(args.extra[0])), _records(Path(args.extra[1])))
    except (BankError, OSError) as exc:
        print(f"Fejl: {_describe(exc)}", file=sys.stderr)
        return 2
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        print(f"Fejl: svarposterne kan ikke sammenlignes med banken ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 2
    for qid, change in changes:
        print(f"{change:10} {qid}")
    print(f"{sum(c == 'bedre' for _, c in changes)} bedre, {sum(c == 'dårligere' for _, c in changes)} dårligere")
    return 0


def _records(path: Path) -> list[dict]:  # type: ignore[type-arg]
    """Answer records, one JSON object with an 'id' per line; a bad line is refused with its number."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise BankError(f"{path}: filen er ikke UTF-8 (byte {exc.start})") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise BankError(f"{path}: linje {number}: ikke gyldig JSON ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise BankError(f"{path}: linje {number}: en svarpost skal være et JSON-objekt med 'id'")
        records.append(record)
    return records
