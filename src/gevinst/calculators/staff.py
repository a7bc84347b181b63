"""Staff-time methods: the price of an hour, task-weighted potential, FTE savings, time saved, benchmark gaps."""

from __future__ import annotations

from pydantic import Field, model_validator

from gevinst.calculators.base import (
    KL09,
    KLK,
    KOMBIT,
    MAX_AMOUNT,
    Assumption,
    CalcInput,
    CalcResult,
    kr,
    pct,
    user,
    validate,
)
from gevinst.danish_numbers import format_number

SEC_23 = "2.3 Klare forudsætninger"


def _kombit(name: str, label: str, value: float, unit: str) -> Assumption:
    return Assumption(name, label, value, unit, f"{KOMBIT} §{SEC_23}", KOMBIT, None, SEC_23)


class HourlyCostInput(CalcInput):
    monthly_salary: float = Field(gt=0, le=1e7, description="Månedsløn i kr. (uden pension)")
    pension_pct: float = Field(17, ge=0, le=100, description="Pension i % af lønnen")
    overhead: float = Field(120000, ge=0, le=1e8, description="Overhead pr. årsværk i kr. (den del der kan høstes)")
    annual_hours: float = Field(1924, gt=0, le=8784, description="Løntimer pr. år (52 × 37 = 1.924)")
    effective_share_pct: float = Field(60, gt=0, le=100, description="Effektive timer i % af løntimerne")


def annual_cost(monthly_salary: float, pension_pct: float, overhead: float) -> float:
    return monthly_salary * 12 * (1 + pension_pct / 100) + overhead


def hourly_cost(monthly_salary: float, pension_pct: float = 17, overhead: float = 120000,
                annual_hours: float = 1924, effective_share_pct: float = 60) -> CalcResult:
    i = validate(HourlyCostInput, dict(locals()))
    cost = annual_cost(i.monthly_salary, i.pension_pct, i.overhead)
    effective = i.annual_hours * i.effective_share_pct / 100
    per_paid, per_effective = cost / i.annual_hours, cost / effective
    return CalcResult(
        "hourly_cost", per_paid, "kr.", "Pris pr. løntime",
        f"Årsomkostning = månedsløn × 12 × (1 + pension) + overhead = {kr(cost)}; pris pr. løntime = "
        f"årsomkostning / {format_number(i.annual_hours, 1)} løntimer = {kr(per_paid)}; pris pr. effektiv time = "
        f"årsomkostning / {format_number(effective, 1)} effektive timer = {kr(per_effective)}.",
        [user("monthly_salary", "Månedsløn", i.monthly_salary, "kr."),
         _kombit("pension_pct", "Pension", i.pension_pct, "%"),
         _kombit("overhead", "Overhead pr. årsværk", i.overhead, "kr."),
         _kombit("annual_hours", "Løntimer pr. år (52 × 37)", i.annual_hours, "timer"),
         _kombit("effective_share_pct", "Effektive timer af løntimerne", i.effective_share_pct, "%")],
        {"annual_cost": cost, "per_paid_hour": per_paid, "per_effective_hour": per_effective,
         "effective_hours": effective},
        warnings=["Rapportens tabel angiver 530 kr. pr. løntime ved 35.000 kr.; det er prisen pr. effektiv time "
                  "(611.400 / 1.924 = 318 kr. pr. løntime)."] if i.monthly_salary == 35000 else [],
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


class TaskWeightedInput(CalcInput):
    tasks: list[Task] = Field(default_factory=lambda: list(KSD_TASKS), min_length=1)

    @model_validator(mode="after")
    def _shares(self) -> TaskWeightedInput:
        total = sum(t.share_pct for t in self.tasks)
        if total > 100 + 1e-9:
            raise ValueError(f"opgavernes andele summerer til {total:g} %; de må højst summere til 100 %")
        return self


def task_weighted_potential(tasks: list[Task] | list[dict] | None = None) -> CalcResult:  # type: ignore[type-arg]
    i = validate(TaskWeightedInput, {"tasks": tasks})
    rows = [{"opgave": t.name, "andel_pct": t.share_pct, "effektivisering_pct": t.efficiency_pct,
             "bidrag_pct": round(t.share_pct * t.efficiency_pct / 100, 2)} for t in i.tasks]
    total = sum(t.share_pct * t.efficiency_pct / 100 for t in i.tasks)
    source = f"{KOMBIT} §{SEC_23}" if tasks is None else "dit input"
    return CalcResult(
        "task_weighted_potential", total, "%", "Samlet effektiviseringspotentiale",
        "Potentiale = Σ (opgavens andel af den effektive arbejdstid × effektivisering af opgaven) = "
        f"{pct(total)} af den samlede effektive arbejdstid.",
        [Assumption("tasks", "Opgaver, andele og effektivisering", f"{len(i.tasks)} opgaver", "", source,
                    KOMBIT if tasks is None else "", None, SEC_23 if tasks is None else "")],
        {"share_covered_pct": sum(t.share_pct for t in i.tasks)}, rows,
        ["KL og KOMBIT runder KSD-tabellens bidrag og skriver 40 %; de præcise produkter summerer til 39,6 %."]
        if tasks is None else [],
    )


class FteSavingsInput(CalcInput):
    fte: float = Field(gt=0, le=1e6, description="Årsværk på opgaven")
    monthly_salary: float | None = Field(None, gt=0, le=1e7, description="Månedsløn i kr.")
    annual_cost_per_fte: float | None = Field(None, gt=0, le=1e8, description="Årsomkostning pr. årsværk i kr.")
    efficiency_pct: float = Field(ge=0, le=100, description="Effektivisering i %")
    phase_in_years: int = Field(1, ge=1, le=30, description="År til fuld effekt")
    pension_pct: float = Field(17, ge=0, le=100, description="Pension i %")
    overhead: float = Field(120000, ge=0, le=1e8, description="Overhead pr. årsværk i kr.")
    realisable_pct: float = Field(100, ge=0, le=100, description="Andel af gevinsten der kan hentes nu, i %")

    @model_validator(mode="after")
    def _cost(self) -> FteSavingsInput:
        if (self.monthly_salary is None) == (self.annual_cost_per_fte is None):
            raise ValueError("angiv enten monthly_salary (månedsløn) eller annual_cost_per_fte (årsomkostning)")
        return self


def fte_savings(fte: float, efficiency_pct: float, monthly_salary: float | None = None,
                annual_cost_per_fte: float | None = None, phase_in_years: int = 1, pension_pct: float = 17,
                overhead: float = 120000, realisable_pct: float = 100) -> CalcResult:
    i = validate(FteSavingsInput, dict(locals()))
    if i.monthly_salary is not None:
        cost = annual_cost(i.monthly_salary, i.pension_pct, i.overhead)
        cost_assumptions = [user("monthly_salary", "Månedsløn", i.monthly_salary, "kr."),
                            _kombit("pension_pct", "Pension", i.pension_pct, "%"),
                            _kombit("overhead", "Overhead pr. årsværk", i.overhead, "kr.")]
        cost_text = f"årsomkostning pr. årsværk (løn × 12 × (1 + pension) + overhead) = {kr(cost)}"
    else:
        cost = float(i.annual_cost_per_fte or 0)
        src = (Assumption("annual_cost_per_fte", "Årsværkspris (Deloitte/KL)", cost, "kr.", f"{KL09} kap. 4.4",
                          KL09, None, "4.4 Effektiviseringspotentiale") if cost == 480000
               else user("annual_cost_per_fte", "Årsomkostning pr. årsværk", cost, "kr."))
        cost_assumptions = [src]
        cost_text = f"årsomkostning pr. årsværk = {kr(cost)}"
    full = i.fte * cost * i.efficiency_pct / 100
    realisable = full * i.realisable_pct / 100
    table = phase_in_table(realisable, i.phase_in_years)
    warnings = []
    if i.efficiency_pct > 85:
        warnings.append("Over 85 % effektivisering ligger over de højeste opgaveniveauer i rapporterne.")
    return CalcResult(
        "fte_savings", full, "kr.", "Besparelse pr. år ved fuld effekt",
        f"Besparelse = {i.fte:g} årsværk × {cost_text} × {pct(i.efficiency_pct)} = {kr(full)} om året"
        + (f"; heraf kan {pct(i.realisable_pct)} hentes nu = {kr(realisable)}" if i.realisable_pct < 100 else "")
        + (f", indfaset lineært over {i.phase_in_years} år." if i.phase_in_years > 1 else "."),
        [user("fte", "Årsværk", i.fte, "årsværk"), *cost_assumptions,
         _kombit("efficiency_pct", "Effektivisering", i.efficiency_pct, "%") if i.efficiency_pct in (40, 20)
         else user("efficiency_pct", "Effektivisering", i.efficiency_pct, "%"),
         user("phase_in_years", "Indfasning", i.phase_in_years, "år")]
        + ([user("realisable_pct", "Andel der kan hentes nu", i.realisable_pct, "%")] if i.realisable_pct < 100 else []),
        {"annual_cost_per_fte": cost, "fte_freed": i.fte * i.efficiency_pct / 100, "realisable": realisable},
        table, warnings,
    )


def phase_in_table(full: float, years: int) -> list[dict[str, float | int]]:
    """Linear phase-in: year t has t/years of the full effect; the increments add up to the full effect."""
    rows, previous = [], 0.0
    for year in range(1, years + 1):
        value = full * year / years
        rows.append({"år": year, "andel_pct": round(100 * year / years, 2), "besparelse": round(value, 2),
                     "stigning": round(value - previous, 2)})
        previous = value
    return rows


class TimeSavingsInput(CalcInput):
    minutes_saved_per_unit: float = Field(gt=0, le=1e5, description="Minutter sparet pr. sag/transaktion")
    units_per_year: float = Field(ge=0, le=1e9, description="Antal sager/transaktioner pr. år")
    hourly_rate: float | None = Field(None, gt=0, le=1e5, description="Timepris i kr.")
    effective_hours_per_fte: float | None = Field(None, gt=0, le=8784, description="Effektive timer pr. årsværk")


def time_savings(minutes_saved_per_unit: float, units_per_year: float, hourly_rate: float | None = None,
                 effective_hours_per_fte: float | None = None) -> CalcResult:
    i = validate(TimeSavingsInput, dict(locals()))
    hours = i.minutes_saved_per_unit / 60 * i.units_per_year
    amount = hours * i.hourly_rate if i.hourly_rate else None
    fte = hours / i.effective_hours_per_fte if i.effective_hours_per_fte else None
    formula = f"Timer = {i.minutes_saved_per_unit:g} min / 60 × {i.units_per_year:g} = {hours:.1f} timer"
    if amount is not None:
        formula += f"; kroner = timer × {kr(i.hourly_rate or 0)} = {kr(amount)}"
    if fte is not None:
        formula += f"; årsværk = timer / {i.effective_hours_per_fte:g} = {fte:.2f}"
    assumptions = [user(k, k, v, "") for k, v in i.model_dump().items() if v is not None]
    return CalcResult("time_savings", amount if amount is not None else hours, "kr." if amount is not None else "timer",
                      "Sparet tid pr. år", formula + ".", assumptions, {"hours": hours, "fte": fte, "amount": amount},
                      warnings=[] if fte is not None else
                      ["Rapporten angiver ikke effektive timer pr. årsværk; angiv dem for at få årsværk."])


class BenchmarkGapInput(CalcInput):
    own_fte: float = Field(gt=0, le=1e6, description="Egne årsværk")
    cases: float = Field(gt=0, le=1e9, description="Antal sager (eller anden volumen)")
    target_per_1000: float = Field(ge=0, le=1e6, description="Målt niveau: årsværk pr. 1.000 sager")
    annual_cost_per_fte: float | None = Field(None, gt=0, le=MAX_AMOUNT, description="Årsomkostning pr. årsværk")


def benchmark_gap(own_fte: float, cases: float, target_per_1000: float,
                  annual_cost_per_fte: float | None = None) -> CalcResult:
    i = validate(BenchmarkGapInput, dict(locals()))
    own = i.own_fte / i.cases * 1000
    excess = (own - i.target_per_1000) * i.cases / 1000
    amount = excess * i.annual_cost_per_fte if i.annual_cost_per_fte else None
    return CalcResult(
        "benchmark_gap", excess, "årsværk", "Merforbrug i forhold til benchmark",
        f"Eget niveau = {i.own_fte:g} / {i.cases:g} × 1.000 = {own:.2f} årsværk pr. 1.000; merforbrug = "
        f"({own:.3f} − {i.target_per_1000:g}) × {i.cases / 1000:g} = {excess:.2f} årsværk"
        + (f" = {kr(amount)}" if amount is not None else "") + ".",
        [user("own_fte", "Egne årsværk", i.own_fte, "årsværk"), user("cases", "Antal sager", i.cases, ""),
         Assumption("target_per_1000", "Benchmark (årsværk pr. 1.000 sager)", i.target_per_1000, "", f"{KLK} s. 59–60",
                    KLK, 59, "") if i.target_per_1000 == 24.43 else
         user("target_per_1000", "Benchmark (årsværk pr. 1.000 sager)", i.target_per_1000, "")],
        {"own_per_1000": own, "excess_fte": excess, "amount": amount},
        warnings=["Du ligger under benchmark; der er intet merforbrug at hente."] if excess < 0 else [],
    )
