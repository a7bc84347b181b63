"""The benchmark gap: årsværk used beyond a benchmark per 1.000 cases, and what they cost (KL/KLK 2017 s. 59–60)."""

from __future__ import annotations

from typing import Any

from gevinst.calculators.base import KLK, MAX_AMOUNT, CalcResult, kr, num
from gevinst.calculators.spec import Input, Kind, Preset, Spec


def _benchmark(i: Any) -> CalcResult:
    own = i.own_fte / i.cases * 1000
    # a norm of cases per FTE («40 sager pr. årsværk») is the benchmark turned over: 1.000 / 40 = 25 per 1.000 cases
    target = i.target_per_1000 if i.target_per_1000 is not None else 1000 / i.cases_per_fte
    norm = "" if i.target_per_1000 is not None else f"benchmark = 1.000 / {num(i.cases_per_fte)} sager pr. årsværk = "
    norm += f"{num(target, 3)} årsværk pr. 1.000 sager; " if norm else ""
    excess = (own - target) * i.cases / 1000
    amount = excess * i.annual_cost_per_fte if i.annual_cost_per_fte else None
    return CalcResult(
        "benchmark_gap",
        excess,
        "årsværk",
        "Merforbrug i forhold til benchmark",
        f"Eget niveau = {num(i.own_fte)} / {num(i.cases)} × 1.000 = {num(own)} årsværk pr. 1.000 sager; {norm}"
        f"merforbrug = ({num(own, 3)} − {num(target, 3)}) × {num(i.cases / 1000, 3)} = {num(excess)} årsværk"
        + (f"; × {kr(i.annual_cost_per_fte)} = {kr(amount)}" if amount is not None else "")
        + ".",
        [],
        {"own_per_1000": own, "excess_fte": excess, "amount": amount},
        warnings=["Du ligger under benchmark; der er intet merforbrug at hente."] if excess < 0 else [],
    )


BENCHMARK_GAP = Spec(
    "benchmark_gap",
    "Afstand til benchmark",
    "Merforbrug af årsværk mod et benchmark pr. 1.000 sager (klk s. 59–60)",
    (
        Input(
            "own_fte",
            "Egne årsværk",
            Kind.FTE,
            (
                "årsværk",
                "medarbejdere",
                "fuldtid",
                "stillinger",
                "ansatte",
                "sagsbehandler",
                "rådgiver",
                "fte",
                "staff",
            ),
            gt=0,
            ge=None,
            le=1e6,
        ),
        Input("cases", "Antal sager", Kind.COUNT, ("sager", "cases", "borgere", "modtagere"), gt=0, ge=None, le=1e9),
        Input(
            "target_per_1000",
            "Benchmark: årsværk pr. 1.000 sager",
            Kind.COUNT,
            ("pr. 1.000", "per 1,000", "per 1.000", "pr. tusind", "per thousand", "benchmark", "niveau", "bedste"),
            False,
            le=1e6,
        ),
        Input(
            "cases_per_fte",
            "Benchmark: sager pr. årsværk",
            Kind.COUNT,
            (
                "sager pr. årsværk",
                "sager pr. medarbejder",
                "sager pr. sagsbehandler",
                "sager pr. rådgiver",
                "sager pr. fuldtidsansat",
                "cases per fte",
                "cases per caseworker",
                "cases per employee",
                # «et årsværk klarer 70 sager», «hver sagsbehandler håndterer 70»: what one worker handles
                "et årsværk",
                "klarer",
                "håndterer",
                "one fte",
                "handles",
                # a caseload norm is cases per worker by definition («en sagsnorm på 40 sager»)
                "sagsnorm",
                "caseload",
            ),
            False,
            gt=0,
            ge=None,
            le=1e6,
        ),
        Input(
            "annual_cost_per_fte",
            "Årsværkspris",
            Kind.AMOUNT,
            ("årsværk", "pris", "per fte"),
            False,
            gt=0,
            ge=None,
            le=MAX_AMOUNT,
            each=True,
        ),
    ),
    _benchmark,
    (
        "benchmark",
        "pr. 1.000",
        "per 1,000",
        "per 1.000",
        "pr. tusind",
        "per thousand",
        "merforbrug",
        # «Normen er 40 sager pr. årsværk. Hvor mange årsværk ligger vi over normen?»
        "norm",
        "sagsnorm",
        "caseload norm",
        "sammenligning",
        "gabet",
        "gap",
        "for mange",  # «Hvor mange årsværk har vi for mange?»
        "too many",
    ),
    method=Preset("afstand til benchmark", "KL/KLK 2017, s. 59–60", KLK, 59),
    one_of=(("target_per_1000", "cases_per_fte"),),
)
