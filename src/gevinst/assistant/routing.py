"""Calculation questions go to the calculators: recognise the method, read the parameters from the
question, fill the rest from the documented defaults, call the calculator, and answer with the figure,
the formula, every assumption and citations of the passages the defaults come from."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from gevinst.assistant import extraction as ex
from gevinst.calculators import CalcResult, CalculatorInputError, run_calculator
from gevinst.danish_numbers import find_quantities, format_number
from gevinst.types import Answer, Citation, ToolCall

Args = dict[str, Any]
_CALC_HINT = re.compile(
    r"hvad (?:sparer|koster|giver|er tilbagebetalingstiden)|hvor (?:meget|mange|lang)|beregn|regn|"
    r"tilbagebetal|payback|how much|what (?:is|would)|calculate|hvad bliver", re.IGNORECASE)


def _fte(q: str, f: list[ex.Found]) -> tuple[Args, list[str]]:
    args: Args = {"fte": ex.fte(f), "monthly_salary": ex.monthly_salary(f),
                  "efficiency_pct": ex.efficiency_pct(f), "phase_in_years": ex.years(q)}
    if args["monthly_salary"] is None:
        args["annual_cost_per_fte"] = ex.annual_cost_per_fte(f)
    args["pension_pct"] = ex.percent(f, r"pension")
    args["realisable_pct"] = ex.percent(f, r"uden regelændring|kan hentes|realiser|without rule")
    q_overhead = ex.take(f, "amount", r"overhead")
    args["overhead"] = q_overhead.value if q_overhead else None
    missing = [label for key, label in (("fte", "antal årsværk"),
                                        ("efficiency_pct", "effektivisering i procent")) if args[key] is None]
    if args["monthly_salary"] is None and args.get("annual_cost_per_fte") is None:
        missing.append("månedsløn eller årsværkspris")
    return args, missing


def _hourly(q: str, f: list[ex.Found]) -> tuple[Args, list[str]]:
    hours = ex.plain_count(f, r"^\s*(?:løntimer|timer|hours)")
    overhead = ex.take(f, "amount", r"overhead")
    args = {"monthly_salary": ex.monthly_salary(f) or next((x.q.value for x in ex.amounts(f)
                                                            if overhead is None or x.q.value != overhead.value), None),
            "pension_pct": ex.percent(f, r"pension"), "overhead": overhead.value if overhead else None,
            "annual_hours": hours}
    return args, [] if args["monthly_salary"] else ["månedsløn"]


def _business(q: str, f: list[ex.Found]) -> tuple[Args, list[str]]:
    inv = ex.investment(f)
    gain = ex.annual_gains(f, inv)
    rate = ex.percent(f, r"diskont|rente|discount")
    span = ex.years(q, r"over|i|for|beregnet over|horisont")
    args = {"investment": inv, "annual_gain": gain, "discount_rate_pct": rate, "years": span}
    missing = [label for key, label in (("investment", "investeringens størrelse"),
                                        ("annual_gain", "den årlige besparelse"))
               if args[key] is None]
    return args, missing


def _channel(q: str, f: list[ex.Found]) -> tuple[Args, list[str]]:
    costs = [x.q.value for x in ex.amounts(f) if x.q.value < 100000]
    volume = next((x.q.value for x in f if x.q.kind == "plain"), None)
    args: Args = {"volume": volume}
    if len(costs) >= 2:
        args.update(cost_from=costs[0], cost_to=costs[1])
    elif re.search(r"telefon|mail", q, re.IGNORECASE):
        args.update(cost_from=175)
    return args, [] if volume is not None else ["antal indkøb der flyttes pr. år"]


def _avoided(q: str, f: list[ex.Found]) -> tuple[Args, list[str]]:
    unit = ex.take(f, "amount", r"pr\. forløb|pris|per course|each|pr\. sag")
    args = {"volume": next((x.q.value for x in f if x.q.kind == "plain"), None),
            "unit_cost": unit.value if unit else None,
            "avoided_share_pct": ex.percent(f, r".")}
    missing = [m for k, m in (("volume", "antal forløb pr. år"), ("unit_cost", "pris pr. forløb")) if args[k] is None]
    return args, missing


def _unit_rate(q: str, f: list[ex.Found]) -> tuple[Args, list[str]]:
    rate = next((x.q.value for x in ex.amounts(f)), None)
    count = next((x.q.value for x in f if x.q.kind == "plain"), None)
    return {"rate": rate, "count": count}, [] if rate is not None and count is not None else ["beløb pr. enhed og antal"]


def _time(q: str, f: list[ex.Found]) -> tuple[Args, list[str]]:
    minutes = ex.plain_count(f, r"^\s*(?:minutter|min\b|minutes)")
    units = next((x.q.value for x in f if x.q.kind == "plain" and x.q.value != minutes), None)
    rate = ex.take(f, "amount", r"time|hour")
    args = {"minutes_saved_per_unit": minutes, "units_per_year": units, "hourly_rate": rate.value if rate else None}
    return args, [] if minutes is not None and units is not None else ["sparede minutter pr. sag og antal sager pr. år"]


# (calculator, what the question must say, parameter reader), tried in order.
ROUTES: list[tuple[str, re.Pattern[str], Callable[[str, list[ex.Found]], tuple[Args, list[str]]]]] = [
    ("business_case", re.compile(r"tilbagebetal|tjent hjem|tjener sig hjem|payback|pay back|nutidsværdi", re.I), _business),
    ("hourly_cost", re.compile(r"løntime|timepris|pris (?:på|pr\.) (?:en )?time|per hour|hourly", re.I), _hourly),
    ("avoided_cost", re.compile(r"fejlvisit|undgå|avoid", re.I), _avoided),
    ("channel_shift", re.compile(r"flytte[rs]?\b.*(?:e-handel|digital|selvbetjening)|kanalskift|moved? to", re.I), _channel),
    ("time_savings", re.compile(r"minutter.*(?:sag|transaktion|faktura)|minutes per", re.I), _time),
    ("fte_savings", re.compile(r"årsværk|fuldtidsstilling|full-time|\bfte\b", re.I), _fte),
    ("unit_rate_scaling", re.compile(r"kr\. pr\. (?:medarbejder|indbygger|ansat).*\d", re.I), _unit_rate),
]


def has_figures(question: str) -> bool:
    """A number to calculate with; a year («i 2022») is not one."""
    return any(not (q.kind == "plain" and q.value.is_integer() and 1900 <= q.value <= 2100)
               for q in find_quantities(question))


def is_calculation_question(question: str) -> bool:
    return bool(_CALC_HINT.search(question) and has_figures(question)
                and any(trigger.search(question) for _, trigger, _ in ROUTES))


def answer_calculation(question: str, assistant: Any, language: str) -> Answer | None:
    if not _CALC_HINT.search(question) or not has_figures(question):
        return None
    route = next(((name, reader) for name, trigger, reader in ROUTES if trigger.search(question)), None)
    if route is None:
        return None
    name, reader = route
    args, missing = reader(question, ex.quantities(question))
    args = {k: v for k, v in args.items() if v is not None}
    if missing:
        text = ("For at regne det ud mangler jeg: " + "; ".join(missing) + ". Skriv det i spørgsmålet, så regner "
                "jeg igen." if language == "da" else "To calculate this I need: " + "; ".join(missing) + ".")
        return Answer(question, text, False)
    started = time.perf_counter()
    try:
        result = run_calculator(name, args)
    except CalculatorInputError as exc:
        return Answer(question, f"Beregningen kunne ikke udføres: {exc}", False)
    calc_ms = (time.perf_counter() - started) * 1000
    citations = source_citations(result, assistant) + background_citations(question, assistant)
    citations = [Citation(i + 1, c.doc_id, c.title, c.page, c.section, c.snippet) for i, c in enumerate(citations)]
    text = compose_calculation(result, citations, language)
    call = ToolCall(name, args, result.to_dict())
    return Answer(question, text, False, citations, [call], {"calculate": calc_ms})


def compose_calculation(result: CalcResult, citations: list[Citation], language: str) -> str:
    by_source: dict[tuple[str, int | None], int] = {}
    for c in citations:
        by_source.setdefault((c.doc_id, c.page), c.n)
    lines = [f"{result.label}: {result.display} (beregnet med {result.name})." if language == "da"
             else f"{result.label} (calculated with {result.name}): {result.display}."]
    lines.append(("Sådan: " if language == "da" else "How: ") + result.formula.replace("kr..", "kr."))
    parts = []
    for a in result.assumptions:
        value = a.value if isinstance(a.value, str) else format_number(a.value, 2).rstrip("0").rstrip(",")
        marker = next((f" [{n}]" for (doc, page), n in by_source.items() if doc == a.doc_id and
                       (a.page is None or page == a.page)), "") if a.doc_id else ""
        parts.append(f"{a.label} {value} {a.unit}".rstrip() + f" ({a.source}){marker}")
    lines.append(("Antagelser: " if language == "da" else "Assumptions: ") + "; ".join(parts) + ".")
    if result.table and "år" in result.table[0] and len(result.table) > 1:
        key = next(k for k in ("besparelse", "akkumuleret") if k in result.table[0])
        lines.append("År for år: " + "; ".join(f"år {r['år']}: {format_number(r[key])} kr." for r in result.table) + ".")
    lines += [f"Bemærk: {w}" for w in result.warnings]
    background = [c for c in citations if (c.doc_id, c.page) not in
                  {(a.doc_id, a.page) for a in result.assumptions if a.doc_id}]
    if background:
        lines.append("Baggrund i rapporterne: " + " ".join(f"[{c.n}]" for c in background))
    return "\n".join(lines)


def source_citations(result: CalcResult, assistant: Any) -> list[Citation]:
    """The passage each default comes from: in the cited document and page/section, the chunk that
    states the most of the assumption values."""
    out: list[Citation] = []
    seen = set()
    for a in result.assumptions:
        if not a.doc_id or (a.doc_id, a.page, a.section) in seen:
            continue
        seen.add((a.doc_id, a.page, a.section))
        values = [format_number(x.value) for x in result.assumptions if not isinstance(x.value, str) and x.doc_id == a.doc_id]
        pool = [c for c in assistant.index.chunks if c.doc_id == a.doc_id and
                (a.page is None or c.page in (a.page, a.page + 1)) and (not a.section or a.section in c.section)]
        if pool:
            best = max(pool, key=lambda c: sum(v in c.text for v in values))
            out.append(Citation(0, best.doc_id, best.title, best.page, best.section, best.text[:500].strip()))
    return out


def background_citations(question: str, assistant: Any, count: int = 2) -> list[Citation]:
    """Passages the question itself points to (Viborg's town hall, Hjørring's purchase prices)."""
    retrieved = assistant.retriever.retrieve(question, k=count)
    if retrieved.coverage < max(0.7, assistant.settings.retrieval.refusal_threshold):
        return []
    return [Citation(0, c.doc_id, c.title, c.page, c.section, c.text[:500].strip()) for c in retrieved.chunks]
