"""Staff-time methods: the price of an hour and time saved, with the staff inputs (salary, pension, overhead) and
the annual cost of an årsværk that fte.py shares. Each is declared once (`Spec`) beside its arithmetic; `spec.py`
validates, fills presets and lists assumptions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from gevinst.calculators.base import KLK, CalcResult, kr, num, pct
from gevinst.calculators.presets import kombit
from gevinst.calculators.spec import Input, Kind, Period, Preset, Spec

PENSION = Input(
    "pension_pct",
    "Pension",
    Kind.PERCENT,
    ("pension",),
    False,
    kombit(17, "pension 17 %"),
    le=100,
    only_with="monthly_salary",
)
OVERHEAD = Input(
    "overhead",
    "Overhead pr. årsværk",
    Kind.AMOUNT,
    ("overhead",),
    False,
    kombit(120000, "overhead 120.000 kr. pr. årsværk"),
    le=1e8,
    only_with="monthly_salary",
)
SALARY = Input(
    "monthly_salary",
    "Månedsløn",
    Kind.AMOUNT,
    ("månedsløn", "løn", "måned", "md", "mdr", "monthly", "a month", "per month", "salary"),
    gt=0,
    le=1e7,
    help="uden pension",
    typical=(5_000, 150_000),
    period=Period.MONTH,
)


def annual_cost(monthly_salary: float, pension_pct: float, overhead: float) -> float:
    return monthly_salary * 12 * (1 + pension_pct / 100) + overhead


def _hourly(i: Any) -> CalcResult:
    cost = annual_cost(i.monthly_salary, i.pension_pct, i.overhead)
    effective = i.annual_hours * i.effective_share_pct / 100
    per_paid, per_effective = cost / i.annual_hours, cost / effective
    return CalcResult(
        "hourly_cost",
        per_paid,
        "kr.",
        "Pris pr. løntime",
        f"Årsomkostning = {kr(i.monthly_salary)} × 12 × (1 + {pct(i.pension_pct)}) + {kr(i.overhead)} = {kr(cost)}; "
        f"pris pr. løntime = {kr(cost)} / {num(i.annual_hours)} løntimer = {kr(per_paid)}; pris pr. effektiv time = "
        f"{kr(cost)} / {num(effective, 1)} effektive timer = {kr(per_effective)}.",
        [],
        {
            "annual_cost": cost,
            "per_paid_hour": per_paid,
            "per_effective_hour": per_effective,
            "effective_hours": effective,
        },
        warnings=[
            "Rapportens tabel angiver 530 kr. pr. løntime ved 35.000 kr.; det er prisen pr. effektiv time "
            "(611.400 / 1.924 = 318 kr. pr. løntime)."
        ]
        if i.monthly_salary == 35000
        else [],
    )


HOURLY_COST = Spec(
    "hourly_cost",
    "Pris på en time",
    "Pris pr. løntime og pr. effektiv time ud fra månedsløn (KOMBIT/KL 2014 §2.3)",
    (
        SALARY,
        PENSION,
        OVERHEAD,
        Input(
            "annual_hours",
            "Løntimer pr. år",
            Kind.HOURS,
            ("løntimer", "timer om året", "hours a year", "paid hours", "betalte timer"),
            False,
            kombit(1924, "52 × 37 = 1.924 løntimer"),
            ge=1,
            le=8784,
        ),
        Input(
            "effective_share_pct",
            "Effektive timer i % af løntimerne",
            Kind.PERCENT,
            ("effektiv", "effective", "productive"),
            False,
            kombit(60, "60 % effektiv tid"),
            gt=0,
            ge=None,
            le=100,
        ),
    ),
    _hourly,
    (
        "timepris",
        "løntime",
        "pris på en time",
        "pris pr. time",
        "pris for en time",
        "hourly",
        "per hour",
        "an hour",
        "en time",
        "effektiv time",
        "arbejdstime",  # «Hvad løber en arbejdstime op i …?»
        "times arbejde",
        "paid hour",
        "productive hour",
        "effective hour",
        "hour of",
    ),
)


def _time(i: Any) -> CalcResult:
    hours = i.minutes_saved_per_unit / 60 * i.units_per_year
    amount = hours * i.hourly_rate if i.hourly_rate else None
    fte = hours / i.effective_hours_per_fte if i.effective_hours_per_fte else None
    formula = f"Timer = {num(i.minutes_saved_per_unit)} min. / 60 × {num(i.units_per_year)} = {num(hours, 1)} timer"
    if amount is not None:
        formula += f"; kroner = {num(hours, 1)} timer × {kr(i.hourly_rate)} = {kr(amount)}"
    if fte is not None:
        formula += f"; årsværk = {num(hours, 1)} timer / {num(i.effective_hours_per_fte)} = {num(fte)} årsværk"
    return CalcResult(
        "time_savings",
        amount if amount is not None else hours,
        "kr." if amount is not None else "timer",
        "Sparet tid pr. år",
        formula + ".",
        [],
        {"hours": hours, "fte": fte, "amount": amount},
        warnings=[]
        if fte is not None
        else ["Rapporten angiver ikke effektive timer pr. årsværk; angiv dem for at få årsværk."],
    )


TIME_SAVINGS = Spec(
    "time_savings",
    "Sparet tid",
    "Sparede minutter pr. sag × antal sager → timer, kroner, årsværk (klk s. 36)",
    (
        Input(
            "minutes_saved_per_unit",
            "Minutter sparet pr. sag",
            Kind.MINUTES,
            ("minut", "minutes"),
            saving=True,
            gt=0,
            ge=None,
            le=1e5,
        ),
        Input(
            "units_per_year",
            "Antal sager pr. år",
            Kind.COUNT,
            ("om året", "årligt", "pr. år", "a year", "per year", "sager", "fakturaer", "transaktioner", "ansøgninger"),
            le=1e9,
            period=Period.YEAR,
            scales=True,
        ),
        Input(
            "hourly_rate",
            "Timepris",
            Kind.AMOUNT,
            ("time", "hour", "timepris", "timeløn"),
            False,
            gt=0,
            ge=None,
            le=1e5,
            each=True,
        ),
        Input(
            "effective_hours_per_fte",
            "Effektive timer pr. årsværk",
            Kind.HOURS,
            ("årsværk", "effektive timer", "effective hours", "fte"),
            False,
            gt=0,
            ge=None,
            le=8784,
        ),
    ),
    _time,
    ("minut", "minutes", "tid", "time saved", "timer", "hours"),
    method=Preset("tid × volumen", "KL/KLK 2017, s. 36", KLK, 36),
)


def _hours_fte(i: Any) -> CalcResult:
    fte = i.hours / i.hours_per_fte
    return CalcResult(
        "hours_to_fte",
        fte,
        "årsværk",
        "Årsværk",
        f"Årsværk = {num(i.hours)} timer om året / {num(i.hours_per_fte)} timer pr. årsværk = {num(fte)} årsværk.",
        [],
    )


# The årsværk a number of hours a year make («Vi bruger 2.400 timer om året på manuel kontering. Hvor mange årsværk
# svarer det til?»): KOMBIT's 1.924 løntimer unless the question gives its own hours per årsværk.
HOURS_TO_FTE = Spec(
    "hours_to_fte",
    "Timer omregnet til årsværk",
    "Et antal timer om året omregnet til årsværk (KOMBIT/KL 2014: 52 × 37 = 1.924 løntimer pr. årsværk)",
    (
        Input(
            "hours",
            "Timer om året",
            Kind.HOURS,
            ("timer", "hours"),
            gt=0,
            ge=None,
            le=1e9,
            scales=True,
        ),
        replace(
            HOURLY_COST.input("annual_hours"),
            name="hours_per_fte",
            label="Timer pr. årsværk",
            cues=("pr. årsværk", "per årsværk", "et årsværk er", "årsværk er", "per fte", "an fte is"),
        ),
    ),
    _hours_fte,
    ("hvor mange årsværk", "antal årsværk", "i årsværk", "svarer det til", "how many ftes", "how many fte", "in ftes"),
    needs_goal=True,
)
