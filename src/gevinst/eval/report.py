"""Reports: a terminal table (rich), and a self-contained HTML page with inline SVG charts."""

from __future__ import annotations

import html
from typing import Any

from gevinst.eval.runner import EvalRun


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f} %"


def print_table(run: EvalRun, show_failures: bool = True) -> None:
    from rich.console import Console
    from rich.table import Table

    s = run.summary
    table = Table(title=f"Evaluering: {s['questions']} spørgsmål")
    for col in ("mål", "værdi"):
        table.add_column(col)
    for key, label in (
        ("answer_correctness", "svar korrekte"),
        ("source_hit", "kilde ramt"),
        ("refusal_accuracy", "afvisning korrekt"),
        ("tool_use", "beregner brugt"),
    ):
        table.add_row(label, _pct(s[key]))
    table.add_row("latens p50 / p95", f"{s['latency_p50_ms']} / {s['latency_p95_ms']} ms")
    tags = Table(title="Pr. tag")
    for col in ("tag", "spørgsmål", "bestået", "korrekte", "kilde ramt"):
        tags.add_column(col)
    for tag, t in s["by_tag"].items():
        tags.add_row(tag, str(t["questions"]), str(t["passed"]), _pct(t["answer_correctness"]), _pct(t["source_hit"]))
    console = Console(width=120)
    console.print(table)
    console.print(tags)
    failed = [sc for sc in run.scores if sc.problems]
    if failed and not show_failures:
        console.print(f"Fejlede: {len(failed)} (ikke vist)")
    elif failed:
        console.print(f"[bold]Fejlede ({len(failed)}):[/bold]")
        for sc in failed:
            console.print(f"  {sc.id}: {'; '.join(sc.problems)}", markup=False)


def _bar_chart(rows: list[tuple[str, float]], width: int = 520) -> str:
    height = 22 * len(rows) + 10
    bars = []
    for i, (label, value) in enumerate(rows):
        y = 5 + 22 * i
        w = max(0.0, min(1.0, value)) * (width - 200)
        bars.append(
            f'<text x="0" y="{y + 14}" font-size="12">{html.escape(label)}</text>'
            f'<rect x="150" y="{y}" width="{w:.1f}" height="16" fill="#2b6cb0"/>'
            f'<text x="{155 + w:.1f}" y="{y + 13}" font-size="11">{100 * value:.0f} %</text>'
        )
    return f'<svg width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>'


def html_report(run: EvalRun) -> str:
    s = run.summary
    by_id = {q.id: q for q in run.questions}
    records = {r["id"]: r for r in run.records}
    tag_rows = [(tag, t["passed"] / t["questions"]) for tag, t in s["by_tag"].items()]
    slow = sorted(run.scores, key=lambda sc: -sc.latency_ms)[:5]
    failures = []
    for sc in (sc for sc in run.scores if sc.problems):
        q, r = by_id[sc.id], records[sc.id]
        cites = "".join(
            f"<li>[{c['n']}] {html.escape(c['doc_id'])} s. {c['page'] if c['page'] is not None else '–'}"
            f" – {html.escape(c['snippet'][:200])}</li>"
            for c in r["citations"]
        )
        failures.append(
            f"<tr><td><b>{html.escape(sc.id)}</b><br>{html.escape(q.question)}<br><i>Forventet:</i> "
            f"{html.escape(', '.join(q.numbers + q.phrases) or '–')}; kilder: "
            f"{html.escape(', '.join(x.doc_id + (f'#p{x.first_page}' if x.first_page else '') for x in q.sources) or '–')}"
            f"<br><i>Problemer:</i> {html.escape('; '.join(sc.problems))}</td>"
            f"<td>{html.escape(r['answer'])}<ul>{cites}</ul></td></tr>"
        )
    metrics = "".join(
        f"<tr><td>{label}</td><td>{_pct(s[key])}</td></tr>"
        for key, label in (
            ("answer_correctness", "Svar korrekte"),
            ("source_hit", "Kilde ramt"),
            ("refusal_accuracy", "Afvisning korrekt"),
            ("tool_use", "Beregner brugt"),
        )
    )
    slow_rows = "".join(f"<tr><td>{html.escape(sc.id)}</td><td>{sc.latency_ms:.0f} ms</td></tr>" for sc in slow)
    return f"""<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Gevinst – evaluering</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}td{{vertical-align:top;padding:4px 8px;
border-bottom:1px solid #ddd}}table{{border-collapse:collapse}}</style></head><body>
<h1>Evaluering: {s["questions"]} spørgsmål</h1><table>{metrics}
<tr><td>Latens p50 / p95</td><td>{s["latency_p50_ms"]} / {s["latency_p95_ms"]} ms</td></tr></table>
<h2>Bestået pr. tag</h2>{_bar_chart(tag_rows)}
<h2>Langsomste spørgsmål</h2><table>{slow_rows}</table>
<h2>Fejl ({len(failures)})</h2><table><tr><th>Spørgsmål og forventning</th><th>Svar og kilder</th></tr>
{"".join(failures)}</table></body></html>"""


def summary_json(run: EvalRun) -> dict[str, Any]:
    return {**run.summary, "failures": {sc.id: sc.problems for sc in run.scores if sc.problems}}


METRICS = (
    ("answer_correctness", "svar korrekte"),
    ("source_hit", "kilde ramt"),
    ("refusal_accuracy", "afvisning korrekt"),
    ("tool_use", "beregner brugt"),
)


def print_side_by_side(names: list[str], summaries: list[dict[str, Any]]) -> None:
    """Banks side by side, with the gap of each to the first (dev − held-out: a large gap means the rules
    learned the development questions, not the task)."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Banker side om side")
    table.add_column("mål")
    for name in names:
        table.add_column(name)
    for name in names[1:]:
        table.add_column(f"{names[0]} − {name}")
    for key, label in METRICS:
        values = [s.get(key) for s in summaries]
        gaps = [_gap(values[0], v) for v in values[1:]]
        table.add_row(label, *[_pct(v) for v in values], *gaps)
    Console(width=140).print(table)


def _gap(first: float | None, other: float | None) -> str:
    if first is None or other is None:
        return "–"
    return f"{(first - other) * 100:+.1f} point"
