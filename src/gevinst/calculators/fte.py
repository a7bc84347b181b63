"""FTE savings: freeing a share of a group of årsværk, priced by salary or by the price of an årsværk, with
what can be realised now and a linear phase-in (KOMBIT/KL 2014 §2.3)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from pydantic import model_validator

from gevinst.calculators.base import MAX_AMOUNT, CalcInput, CalcResult, kl_fte_price, kr, num, pct
from gevinst.calculators.spec import Input, Kind, Period, Spec
from gevinst.calculators.staff import OVERHEAD, PENSION, SALARY, annual_cost


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


def _priced(i: Any) -> tuple[float, str]:
    """The price of an årsværk from the monthly salary (pension, overhead) and the step that shows it."""
    cost = annual_cost(i.monthly_salary, i.pension_pct, i.overhead)
    return (
        cost,
        f"årsværkspris = {kr(i.monthly_salary)} × 12 × (1 + {pct(i.pension_pct)}) + {kr(i.overhead)} = {kr(cost)}; ",
    )


def _fte(i: Any) -> CalcResult:
    if i.monthly_salary is not None:
        cost, cost_step = _priced(i)
    else:
        cost, cost_step = float(i.annual_cost_per_fte), ""
    full = i.fte * cost * i.efficiency_pct / 100
    freed = i.fte * i.efficiency_pct / 100
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
        # the årsværk freed is what a manager plans staffing by, beside the kroner
        + f"; frigjorte årsværk = {num(i.fte)} årsværk × {pct(i.efficiency_pct)} = {num(freed)} årsværk"
        + ".",
        [],
        {"annual_cost_per_fte": cost, "fte_freed": freed, "realisable": realisable},
        phase_in_table(realisable, i.phase_in_years),
        warnings,
    )


def _fte_cost(i: Any) -> CalcResult:
    """What a number of årsværk cost a year, a monthly salary priced as an årsværk (pension, overhead)."""
    cost, cost_step = _priced(i)
    total = i.fte * cost
    return CalcResult(
        "fte_cost",
        total,
        "kr.",
        "Udgift pr. år",
        f"{cost_step[0].upper()}{cost_step[1:]}udgift = {num(i.fte)} årsværk × {kr(cost)} = {kr(total)} om året.",
        [],
        {"annual_cost_per_fte": cost},
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
            ("årsværk", "fuldtidsstillinger", "medarbejdere", "ansatte", "fte", "ftes", "employees", "staff"),
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
            about=("personale", "lønsum", "løn", "årsværk", "medarbejder", "arbejdstid", "tid", "ressource", "staff"),
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
            each=True,
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
    ("årsværk", "fuldtidsstilling", "medarbejdere", "ansatte", "fte", "ftes", "full-time", "staff", "employees"),
    FteBase,
    one_of=(("monthly_salary", "annual_cost_per_fte"),),
)


# The årsværk a calculation of staff alone takes, labelled without fte_savings' «på opgaven»
_STAFF = replace(FTE_SAVINGS.input("fte"), label="Årsværk")


def _fte_freed(i: Any) -> CalcResult:
    """The årsværk a share of a group's time frees, without a price: what a manager plans staffing by."""
    freed = i.fte * i.efficiency_pct / 100
    return CalcResult(
        "fte_freed",
        freed,
        "årsværk",
        "Frigjorte årsværk",
        f"Frigjorte årsværk = {num(i.fte)} årsværk × {pct(i.efficiency_pct)} = {num(freed)} årsværk.",
        [],
    )


# The årsværk a share of the time frees («Vi har 11 fuldtidsstillinger … 30 % … Hvor mange årsværk frigør det?»):
# fte_savings prices them and needs a salary or a price; asked for the årsværk alone, none is needed.
FTE_FREED = Spec(
    "fte_freed",
    "Frigjorte årsværk",
    "Antal årsværk, som en andel af tiden frigør (uden pris)",
    (_STAFF, FTE_SAVINGS.input("efficiency_pct")),
    _fte_freed,
    # the årsværk a share frees, not any count of årsværk asked («Hvor mange årsværk ligger vi over normen?» is a gap)
    (
        "hvor mange årsværk frigør",
        "hvor mange årsværk … frigør",
        "hvor mange årsværk kan frigøres",
        "hvor mange årsværk svarer det til",
        "frigjorte årsværk",
        "antal frigjorte",
        "hvor mange stillinger … frigør",
        "hvor mange medarbejdere … frigør",
        "how many fte … free",
        "how many ftes … free",
        "how many full-time … free",
        "how many staff … free",
        "how many positions … free",
    ),
    needs_goal=True,
)


# The yearly cost of a number of årsværk at a monthly salary («Hvad koster 6 årsværk, når en medarbejder tjener
# 31.000 kr. om måneden?»: not 6 × 31.000 kr.); given the price of an årsværk, unit_rate_scaling multiplies.
FTE_COST = Spec(
    "fte_cost",
    "Udgift til årsværk",
    "Den årlige udgift til et antal årsværk ved en månedsløn, med pension og overhead (KOMBIT/KL 2014)",
    (_STAFF, SALARY, PENSION, OVERHEAD),
    _fte_cost,
    # «Hvad vil 6 årsværk koste?», "What do 4 caseworkers cost?": not «What do we save …?»
    (
        "hvad koster",
        "hvad vil … koste",
        "lønudgift",
        "samlet udgift",
        "samlede … udgift",  # «den samlede årlige udgift til 8 sagsbehandlere»
        "årlige udgift",
        "what do … cost?",
        "what does … cost?",
        "what would … cost?",
        "what will … cost?",
        "cost a year",
        "cost per year",
        "cost in total",
    ),
    needs_goal=True,
)
