"""One CLI: gevinst ingest | ask | calc | eval | ui.

Exit status: 0 done, 1 some input failed, 2 usage or configuration, 130 interrupted (Ctrl-C). Every error is
one line on stderr, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from gevinst.settings import Settings, get_settings, settings_error


class _ProgressBars:
    """A tqdm bar per ingest stage; `close()` ends any left open (Ctrl-C), so no bar is redrawn after the
    one line that says what happened."""

    def __init__(self) -> None:
        self._bars: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if stage not in self._bars:
            desc, unit = (
                ("Indlejrer sætninger", "sætning") if stage == "sentences" else ("Indlejrer passager", "passage")
            )
            self._bars[stage] = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr)
        self._bars[stage].n = done
        self._bars[stage].refresh()
        if done >= total:
            self._bars.pop(stage).close()

    def close(self) -> None:
        while self._bars:
            self._bars.popitem()[1].close()


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from gevinst.index.store import read_manifest
    from gevinst.ingest import IndexBusy, IngestError, ingest

    if args.list:
        return _list_index(read_manifest(settings.index_dir))
    paths = [Path(p) for p in args.paths] or [settings.reports_dir]
    bars = _ProgressBars()
    try:
        report = ingest(paths, settings, rebuild=args.rebuild, progress=bars)
    except (IndexBusy, IngestError) as exc:
        print(f"Fejl: {exc}", file=sys.stderr)
        return 2
    finally:
        bars.close()
    for name, reason in report.failed:
        print(f"FEJL {name}: {reason}", file=sys.stderr)
    for name, reason in report.skipped:
        print(f"Sprunget over {name}: {reason}", file=sys.stderr)
    for doc_id, count in report.restored.items():
        print(f"{doc_id} havde mistet æ/ø/å (OCR): {count} ord genskabt; originalen vises på siden")
    print(
        f"Nye: {len(report.added)}, ændrede: {len(report.changed)}, uændrede: {len(report.unchanged)}, "
        f"fejl: {len(report.failed)}; {report.chunks} passager, {report.embedded} nye indlejringer, "
        f"{report.seconds:.1f} s" + ("" if report.wrote_generation else " (indekset var allerede opdateret)")
    )
    return 0 if report.ok else 1


def _list_index(manifest: dict[str, Any] | None) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    if not manifest:
        print("Intet indeks endnu; kør 'gevinst ingest'.")
        return 1
    table = Table(title=escape(f"Indekseret ({manifest['generation']}, {manifest['embedding_key']})"))
    for col in ("dokument-id", "titel", "sider", "passager", "indekseret"):
        table.add_column(col)
    for d in manifest["documents"]:  # titles come from the documents: shown as text, never as rich markup
        cells = (d["doc_id"], d["title"][:60], str(d["pages"] or "–"), str(d["chunks"]), d["ingested_at"])
        table.add_row(*(escape(str(cell)) for cell in cells))
    Console(width=140).print(table)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gevinst", description="Gevinst: svar med kilder fra rapporterne")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest", help="indeksér rapporter (PDF, .txt, .md)")
    p.add_argument("paths", nargs="*", help="filer eller mapper; standard: de medfølgende rapporter")
    p.add_argument("--rebuild", action="store_true", help="byg indekset forfra")
    p.add_argument("--list", action="store_true", help="vis hvad der er indekseret")
    p.set_defaults(func=cmd_ingest)
    from gevinst import cli_commands

    cli_commands.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from pydantic import ValidationError

    try:
        args = build_parser().parse_args(argv)
        code = int(args.func(args, get_settings()))
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at interpreter exit
        return code
    except KeyboardInterrupt:
        print("Afbrudt (Ctrl-C); indekset er uændret, hvis en indeksering var i gang.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `gevinst calc list | head -1`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ValidationError as exc:
        print(settings_error(exc), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, never a traceback
        print(f"Uventet fejl ({type(exc).__name__}): {str(exc).splitlines()[0] if str(exc) else ''}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
