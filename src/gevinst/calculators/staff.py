"""Staff-time methods: the price of an hour, task-weighted potential, FTE savings, time saved, benchmark gaps.
Each is declared once (`Spec`) beside its arithmetic; `spec.py` validates, fills presets and lists assumptions."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import Field, model_validator

from gevinst.calculators.base import KLK, KOMBIT, MAX_AMOUNT, CalcInput, CalcResult, kl_fte_price, kr, pct
from gevinst.calculators.spec import Input, Kind, Period, Preset, Spec
from gevinst.danish_numbers import format_number

SEC_23 = "2.3 Klare forudsætninger"


def _kombit(value: Any, what: str) -> Preset:
    return Preset(value, f"KOMBIT/KL 2014, afsnit 2.3 Klare forudsætninger: {what}", KOMBIT, None, SEC_23)


PENSION = Input(
    "pension_pct",
    "Pension",
    Kind.PERCENT,
    ("pension",),
    False,
    _kombit(17, "pension 17 %"),
    le=100,
    only_with="monthly_salary",
)
OVERHEAD = Input(
    "overhead",
    "Overhead pr. årsværk",
    Kind.AMOUNT,
    ("overhead",),
    False,
    _kombit(120000, "overhead 120.000 kr. pr. årsværk"),
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


def num(value: float, places: int = 2) -> str:
    text = format_number(value, places)
    return text.rstrip("0").rstrip(",") if "," in text else text


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
            _kombit(1924, "52 × 37 = 1.924 løntimer"),
            ge=1,
            le=8784,
        ),
        Input(
            "effective_share_pct",
            "Effektive timer i % af løntimerne",
            Kind.PERCENT,
            ("effektiv", "effective", "productive"),
            False,
            _kombit(60, "60 % effektiv tid"),
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
        "paid hour",
        "productive hour",
        "effective hour",
        "hour of",
    ),
)


class Task(CalcInput):
    name: str = ""
    share_pct: float = Field(ge=0, le=100)
    efficiency_pct: float = Field(ge=0, le=100)


KSD_TASKS = [
    Task(name="Journaliser og fordel", share_pct=18, efficiency_pct=85),
    Task(name="Valider og indberet", share_pct=17, efficiency_pct=65),
    Task(name="Sagsspecifikke henvendelser", share_pct=11, efficiency_pct=40),
    Task(name="Kontakt ved fejl og mangler", share_pct=7, efficiency_pct=65),
    Task(name="Kontroller timer", share_pct=4, efficiency_pct=65),
    Task(name="Afslag pga. uarbejdsdygtighed", share_pct=3, efficiency_pct=0),
    Task(name="Partshøring på manglende oplysningsskema", share_pct=2, efficiency_pct=85),
]


class TasksBase(CalcInput):
    @model_validator(mode="after")
    def _shares(self) -> TasksBase:
        total = sum(t.share_pct for t in getattr(self, "tasks", []))
        if not getattr(self, "tasks", None):
            raise ValueError("angiv mindst én opgave")
        if total > 100 + 1e-9:
            raise ValueError(f"opgavernes andele summerer til {total:g} %; de må højst summere til 100 %")
        return self


def _tasks(i: Any) -> CalcResult:
    rows = [
        {
            "Opgave": t.name,
            "Andel af tiden": pct(t.share_pct),
            "Effektivisering": pct(t.efficiency_pct),
            "Bidrag": pct(t.share_pct * t.efficiency_pct / 100),
        }
        for t in i.tasks
    ]
    total = sum(t.share_pct * t.efficiency_pct / 100 for t in i.tasks)
    steps = " + ".join(f"{pct(t.share_pct)} × {pct(t.efficiency_pct)}" for t in i.tasks)
    return CalcResult(
        "task_weighted_potential",
        total,
        "%",
        "Samlet effektiviseringspotentiale",
        f"Potentiale = Σ (opgavens andel af tiden × effektivisering) = {steps} = {pct(total)} af den effektive arbejdstid.",
        [],
        {"share_covered_pct": sum(t.share_pct for t in i.tasks)},
        rows,
        ["KL og KOMBIT runder KSD-tabellens bidrag og skriver 40 %; de præcise produkter summerer til 39,6 %."]
        if list(i.tasks) == KSD_TASKS
        else [],
    )


TASK_WEIGHTED = Spec(
    "task_weighted_potential",
    "Vægtet effektiviseringspotentiale",
    "Effektiviseringspotentiale vægtet efter opgavernes andel af tiden (KOMBIT/KL 2014 §2.3)",
    (
        Input(
            "tasks",
            "Opgaver med andel af tiden og effektivisering",
            Kind.TASKS,
            (),
            False,
            _kombit(KSD_TASKS, "KSD-tabellens syv opgaver"),
            columns=(
                (
                    "share_pct",
                    (
                        "af tiden",
                        "af arbejdstiden",
                        "fylder",
                        "andel",
                        "tidsforbrug",
                        "of the time",
                        "of their time",
                        "of the team",
                        "of our time",
                        "take",
                        "share",
                    ),
                ),
                (
                    "efficiency_pct",
                    (
                        "effektivis",
                        "potentiale",
                        "automatiser",
                        "digitaliser",
                        "spare",
                        "reducer",
                        "frigør",
                        "gevinst",
                        "efficien",
                        "automat",
                        "potential",
                        "save",
                        "cut",
                        "reduc",
                    ),
                ),
            ),
        ),
    ),
    _tasks,
    (
        "vægtet",
        "vægtede",
        "vægtning",
        "opgavernes andel",
        "weighted",
        "af tiden",
        "af arbejdstiden",
        "of the time",
        "of their time",
    ),
    TasksBase,
    needs_goal=True,
)


class FteBase(CalcInput):
    @model_validator(mode="after")
    def _cost(self) -> FteBase:
        if (getattr(self, "monthly_salary", None) is None) == (getattr(self, "annual_cost_per_fte", None) is None):
            raise ValueError("angiv enten månedsløn (monthly_salary) eller årsværkspris (annual_cost_per_fte)")
        return self


def phase_in_table(full: float, years: int) -> list[dict[str, Any]]:
    """Linear phase-in: year t has t/years of the full effect; the increments add up to the full effect."""
    rows, previous = [], 0.0
    for year in range(1, years + 1):
        value = full * year / years
        rows.append(
            {
                "år": year,
                "andel": pct(100 * year / years),
                "besparelse": round(value, 2),
                "stigning": round(value - previous, 2),
            }
        )
        previous = value
    return rows


def _fte(i: Any) -> CalcResult:
    if i.monthly_salary is not None:
        cost = annual_cost(i.monthly_salary, i.pension_pct, i.overhead)
        cost_step = (
            f"årsværkspris = {kr(i.monthly_salary)} × 12 × (1 + {pct(i.pension_pct)}) + {kr(i.overhead)} = {kr(cost)}; "
        )
    else:
        cost, cost_step = float(i.annual_cost_per_fte), ""
    full = i.fte * cost * i.efficiency_pct / 100
    realisable = full * i.realisable_pct / 100
    warnings = (
        ["Over 85 % effektivisering ligger over de højeste opgaveniveauer i rapporterne."]
        if i.efficiency_pct > 85
        else []
    )
    return CalcResult(
        "fte_savings",
        full,
        "kr.",
        "Besparelse pr. år ved fuld effekt",
        f"{cost_step}besparelse = {num(i.fte)} årsværk × {kr(cost)} × {pct(i.efficiency_pct)} = {kr(full)} om året"
        + (f"; heraf kan {pct(i.realisable_pct)} hentes nu = {kr(realisable)}" if i.realisable_pct < 100 else "")
        + (f"; indfaset lineært over {i.phase_in_years} år" if i.phase_in_years > 1 else "")
        + ".",
        [],
        {"annual_cost_per_fte": cost, "fte_freed": i.fte * i.efficiency_pct / 100, "realisable": realisable},
        phase_in_table(realisable, i.phase_in_years),
        warnings,
    )


FTE_SAVINGS = Spec(
    "fte_savings",
    "Besparelse ved færre årsværk",
    "Besparelse ved at frigøre en andel af en gruppe årsværk, med indfasning (KOMBIT/KL 2014 §2.3)",
    (
        Input(
            "fte",
            "Årsværk på opgaven",
            Kind.FTE,
            ("årsværk", "fuldtidsstillinger", "medarbejdere", "ansatte", "fte", "employees", "staff"),
            gt=0,
            ge=None,
            le=1e6,
        ),
        Input(
            "efficiency_pct",
            "Effektivisering",
            Kind.PERCENT,
            ("effektivis", "potentiale", "frigør", "spare", "efficiency", "reduc", "free up", "mindre tid", "gevinst"),
            le=100,
        ),
        replace(SALARY, required=False),
        Input(
            "annual_cost_per_fte",
            "Årsværkspris",
            Kind.AMOUNT,
            (
                "årsværkspris",
                "pr. årsværk",
                "per årsværk",
                "om året",
                "årsløn",
                "pris",
                "per fte",
                "a year",
                "per year",
                "annual",
            ),
            False,
            gt=0,
            ge=None,
            le=MAX_AMOUNT,
            named_presets=(kl_fte_price(),),
            typical=(150_000, 5_000_000),
            period=Period.YEAR,
        ),
        Input(
            "phase_in_years",
            "Indfasning",
            Kind.YEARS,
            ("indfas", "over", "phase"),
            False,
            default=1,
            ge=1,
            le=30,
            integer=True,
            help="år til fuld effekt",
        ),
        PENSION,
        OVERHEAD,
        Input(
            "realisable_pct",
            "Andel der kan hentes nu",
            Kind.PERCENT,
            ("uden regelændring", "kan hentes", "realis", "realiz", "without rule"),
            False,
            default=100,
            le=100,
        ),
    ),
    _fte,
    ("årsværk", "fuldtidsstilling", "medarbejdere", "fte", "full-time", "staff"),
    FteBase,
    one_of=(("monthly_salary", "annual_cost_per_fte"),),
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
        ),
        Input(
            "effective_hours_per_fte",
            "Effektive timer pr. årsværk",
            Kind.HOURS,
            ("årsværk", "effektive timer"),
            False,
            gt=0,
            ge=None,
            le=8784,
        ),
    ),
    _time,
    ("minut", "minutes", "tid", "time saved", "timer"),
    method=Preset("tid × volumen", "KL/KLK 2017, s. 36", KLK, 36),
)


def _benchmark(i: Any) -> CalcResult:
    own = i.own_fte / i.cases * 1000
    excess = (own - i.target_per_1000) * i.cases / 1000
    amount = excess * i.annual_cost_per_fte if i.annual_cost_per_fte else None
    return CalcResult(
        "benchmark_gap",
        excess,
        "årsværk",
        "Merforbrug i forhold til benchmark",
        f"Eget niveau = {num(i.own_fte)} / {num(i.cases)} × 1.000 = {num(own)} årsværk pr. 1.000 sager; merforbrug = "
        f"({num(own, 3)} − {num(i.target_per_1000)}) × {num(i.cases / 1000, 3)} = {num(excess)} årsværk"
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
        Input("own_fte", "Egne årsværk", Kind.FTE, ("årsværk", "medarbejdere", "fte", "staff"), gt=0, ge=None, le=1e6),
        Input("cases", "Antal sager", Kind.COUNT, ("sager", "cases", "borgere", "modtagere"), gt=0, ge=None, le=1e9),
        Input(
            "target_per_1000",
            "Benchmark: årsværk pr. 1.000 sager",
            Kind.COUNT,
            ("pr. 1.000", "per 1,000", "per 1.000", "pr. tusind", "per thousand", "benchmark", "niveau", "bedste"),
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
        "sammenligning",
        "gabet",
        "gap",
    ),
    method=Preset("afstand til benchmark", "KL/KLK 2017, s. 59–60", KLK, 59),
)
