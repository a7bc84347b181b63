"""`gevinst eval BANK.yaml [MORE.yaml …] [--out --report --summary --min-* --hide-failures]` and `gevinst eval compare A B --bank BANK`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gevinst.eval.bank import BankError, Question, load_bank
from gevinst.eval.report import html_report, print_side_by_side, print_table, summary_json
from gevinst.eval.runner import EvalRun, compare, run_bank, write_jsonl
from gevinst.settings import Settings


def run_eval_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.bank == "compare":
        return _compare(args)
    paths = [Path(args.bank), *(Path(x) for x in args.extra)]
    try:
        banks = [load_bank(p) for p in paths]
    except (BankError, OSError) as exc:
        print(f"Fejl: {_describe(exc)}", file=sys.stderr)
        return 2
    from gevinst.assistant import IndexMissing, build_assistant
    from gevinst.assistant.local_model import ModelMissing

    try:
        assistant = build_assistant(settings)
        runs = [_run(questions, assistant.answer, path.name) for questions, path in zip(banks, paths)]
    except (IndexMissing, ModelMissing) as exc:
        print(f"Fejl: {exc}", file=sys.stderr)
        return 2
    for run in runs:
        print_table(run, show_failures=not getattr(args, "hide_failures", False))
    if len(runs) > 1:
        print_side_by_side([p.name for p in paths], [r.summary for r in runs])
    try:
        _write(args, runs, paths)
    except OSError as exc:
        print(f"Fejl: {_describe(exc)}", file=sys.stderr)
        return 2
    return max(_thresholds(run.summary, args) for run in runs)


def _run(questions: list[Question], answer: Any, name: str) -> EvalRun:
    from tqdm import tqdm

    bar = tqdm(total=len(questions), desc=name, file=sys.stderr)
    run = run_bank(questions, answer, lambda i, n: bar.update(1))
    bar.close()
    return run


def _write(args: argparse.Namespace, runs: list[EvalRun], paths: list[Path]) -> None:
    """--out, --report and --summary; with several banks the bank's name goes before the suffix."""
    for run, path in zip(runs, paths):
        if out := _target(args.out, path, len(runs)):
            write_jsonl(run.records, out)
        if out := _target(args.report, path, len(runs)):
            out.write_text(html_report(run), encoding="utf-8")
        if out := _target(args.summary, path, len(runs)):
            out.write_text(json.dumps(summary_json(run), ensure_ascii=False, indent=1))


def _target(given: str | None, bank: Path, banks: int) -> Path | None:
    if not given:
        return None
    out = Path(given)
    return out if banks == 1 else out.with_name(f"{out.stem}-{bank.stem}{out.suffix}")


def _describe(exc: Exception) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"filen eller mappen findes ikke: {exc.filename}"
    if isinstance(exc, OSError):
        return f"{exc.filename} kan ikke læses eller skrives ({exc.strerror})"
    return str(exc)


def _thresholds(summary: dict[str, Any], args: argparse.Namespace) -> int:
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


def _records(path: Path) -> list[dict[str, Any]]:
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
        except ValueError as exc:  # a JSONDecodeError, or an integer past Python's digit limit
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            raise BankError(f"{path}: linje {number}: ikke gyldig JSON ({reason})") from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise BankError(f"{path}: linje {number}: en svarpost skal være et JSON-objekt med 'id'")
        records.append(record)
    return records
