"""The ask, calc, eval and ui commands (kept apart so cli.py stays short)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from gevinst.settings import Settings


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from gevinst.assistant import build_assistant
    from gevinst.assistant.local_model import ModelMissing
    from gevinst.index import IndexMissing

    try:
        assistant = build_assistant(settings)
        result = assistant.answer(" ".join(args.question))  # the vectors are opened at the first question
    except (IndexMissing, ModelMissing) as exc:
        print(f"Fejl: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_record(), ensure_ascii=False, indent=1))
        return 0
    if result.notice:
        print(f"({result.notice})")
    print(result.text)
    if result.citations:
        print("\nKilder:" if not result.refused else "\nNærmeste passager:")
        for c in result.citations:
            where = f"s. {c.page}" if c.page is not None else (c.section or "–")
            print(f"  [{c.n}] {c.title} ({c.doc_id}), {where}\n      «{_short(c.snippet)}»")
    return 0


def _short(text: str, limit: int = 220) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _input_note(inp: Any) -> str:
    """« = 17 (KOMBIT/KL 2014 …)» for a preset, « = 10» for a plain default, « (påkrævet)» for a required input."""
    if inp.preset is not None:
        value = inp.preset.value if not isinstance(inp.preset.value, list) else "tabel"
        return f" = {value} ({inp.preset.source})"
    if inp.default is not None:
        return f" = {inp.default}"
    return " (påkrævet)" if inp.required else " (valgfri)"


def cmd_calc(args: argparse.Namespace, settings: Settings) -> int:
    from gevinst.calculators import SPECS, CalculatorInputError, get_calculator, parse_cli_value, run_calculator, show

    if args.name == "list":
        for spec in SPECS.values():
            print(f"{spec.name}: {spec.title} – {spec.description}")
            for inp in spec.inputs:
                print(f"    {inp.name}{_input_note(inp)}  – {inp.label}" + (f" ({inp.help})" if inp.help else ""))
        return 0
    try:
        calc = get_calculator(args.name)
        values: dict[str, Any] = {}
        for pair in args.params:
            key, sep, raw = pair.partition("=")
            if not sep:
                raise CalculatorInputError(f"Parameteren '{pair}' skal skrives som navn=værdi")
            known = next((i for i in calc.spec.inputs if i.name == key.strip()), None)
            values[key.strip()] = parse_cli_value(known or key.strip(), raw)
        result = run_calculator(calc.name, values)
    except CalculatorInputError as exc:
        print(f"Fejl: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
        return 0
    print(f"{result.label}: {result.display}\n{result.formula}\nForudsætninger:")
    for a in result.assumptions:
        kind = calc.spec.input(a.name).kind if a.name != "method" else None
        shown = a.value if isinstance(a.value, str) or kind is None else show(a.value, kind)
        print(f"  - {a.label}: {shown} ({a.source})")
    for row in result.table:
        print("  " + ", ".join(f"{k}: {v}" for k, v in row.items()))
    for w in result.warnings:
        print(f"Bemærk: {w}")
    return 0


def cmd_ui(args: argparse.Namespace, settings: Settings) -> int:
    import subprocess
    from pathlib import Path

    app = Path(__file__).parent / "ui" / "app.py"
    print(f"Gevinst kører på http://{settings.ui.host}:{settings.ui.port}", flush=True)
    return subprocess.call(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(app),
            "--server.address",
            settings.ui.host,
            "--server.port",
            str(settings.ui.port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--client.toolbarMode",
            "minimal",
            "--server.maxUploadSize",
            str(int(settings.upload.max_mb)),
        ]
    )


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from gevinst.eval.cli import run_eval_command

    return run_eval_command(args, settings)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ask", help="stil et spørgsmål til rapporterne")
    p.add_argument("question", nargs="+")
    p.add_argument("--json", action="store_true", help="udskriv svarposten som JSON")
    p.set_defaults(func=cmd_ask)
    p = sub.add_parser("calc", help="beregn en besparelse: 'gevinst calc list' viser beregningerne")
    p.add_argument("name", help="beregningens navn, eller 'list'")
    p.add_argument("params", nargs="*", help="navn=værdi")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_calc)
    p = sub.add_parser("ui", help="start browser-appen")
    p.set_defaults(func=cmd_ui)
    p = sub.add_parser("eval", help="kør en spørgsmålsbank: gevinst eval BANK.yaml | gevinst eval compare A B")
    p.add_argument("bank", help="spørgsmålsbank (YAML), eller 'compare'")
    p.add_argument(
        "extra", nargs="*", help="flere banker side om side (fx eval/heldout.yaml); ved compare: to JSONL-filer"
    )
    p.add_argument(
        "--hide-failures",
        action="store_true",
        help="vis ikke de fejlede spørgsmål (en held-out-bank, der er set, er brugt)",
    )
    p.add_argument("--out", help="skriv svarposter (JSONL)")
    p.add_argument("--report", help="skriv HTML-rapport")
    p.add_argument("--summary", help="skriv JSON-opsummering")
    p.add_argument("--min-correct", type=float, default=0.0)
    p.add_argument("--min-source-hit", type=float, default=0.0)
    p.add_argument("--min-refusal", type=float, default=0.0)
    p.add_argument("--min-tool", type=float, default=0.0)
    p.add_argument("--against", dest="out_bank", help="ved compare: spørgsmålsbanken")
    p.set_defaults(func=cmd_eval)
