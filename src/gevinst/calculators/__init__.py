"""Deterministic savings calculators: pure functions over validated inputs, each declared once (spec.py).
No LangChain here."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from gevinst.calculators.arithmetic import DIFFERENCE, OVER_YEARS, PERCENT_CHANGE, PERCENT_OF, TOTAL
from gevinst.calculators.base import CalcResult, CalculatorInputError
from gevinst.calculators.benchmark import BENCHMARK_GAP
from gevinst.calculators.business_case import BUSINESS_CASE
from gevinst.calculators.fte import FTE_COST, FTE_FREED, FTE_SAVINGS
from gevinst.calculators.money import AVOIDED_COST, BASELINE_REDUCTION, UNIT_RATE_SCALING
from gevinst.calculators.rates import CASES_PER_FTE, RATE_SCALING
from gevinst.calculators.shifts import CHANNEL_SHIFT, COMPLIANCE_GAIN, COMPLIANCE_SAVINGS
from gevinst.calculators.spec import PER_YEAR, Input, Kind, Origin, Period, Preset, Spec, public, run, show
from gevinst.calculators.staff import HOURLY_COST, HOURS_TO_FTE, TIME_SAVINGS
from gevinst.calculators.tasks import TASK_WEIGHTED

SPECS: dict[str, Spec] = {
    s.name: s
    for s in [
        HOURLY_COST,
        TASK_WEIGHTED,
        FTE_SAVINGS,
        FTE_COST,
        FTE_FREED,
        BASELINE_REDUCTION,
        TIME_SAVINGS,
        HOURS_TO_FTE,
        UNIT_RATE_SCALING,
        CHANNEL_SHIFT,
        COMPLIANCE_SAVINGS,
        COMPLIANCE_GAIN,
        BENCHMARK_GAP,
        AVOIDED_COST,
        BUSINESS_CASE,
        PERCENT_OF,
        TOTAL,
        DIFFERENCE,
        PERCENT_CHANGE,
        OVER_YEARS,
        RATE_SCALING,
        CASES_PER_FTE,
    ]
}


@dataclass(frozen=True)
class Calculator:
    """A declared calculator as the CLI, the UI and the LLM tools see it."""

    spec: Spec

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def description(self) -> str:
        return self.spec.description

    @property
    def inputs(self) -> type[BaseModel]:
        return self.spec.model


CALCULATORS: dict[str, Calculator] = {name: Calculator(spec) for name, spec in SPECS.items()}


def get_calculator(name: str) -> Calculator:
    try:
        return CALCULATORS[name]
    except KeyError:
        raise CalculatorInputError(f"Ukendt beregning '{name}'. Mulige: {', '.join(CALCULATORS)}") from None


def run_calculator(name: str, arguments: dict[str, Any]) -> CalcResult:
    return run(get_calculator(name).spec, arguments)


def _function(name: str) -> Callable[..., CalcResult]:
    return public(SPECS[name])


hourly_cost = _function("hourly_cost")
task_weighted_potential = _function("task_weighted_potential")
fte_savings = _function("fte_savings")
fte_cost = _function("fte_cost")
fte_freed = _function("fte_freed")
baseline_reduction = _function("baseline_reduction")
time_savings = _function("time_savings")
hours_to_fte = _function("hours_to_fte")
unit_rate_scaling = _function("unit_rate_scaling")
channel_shift = _function("channel_shift")
compliance_savings = _function("compliance_savings")
compliance_gain = _function("compliance_gain")
benchmark_gap = _function("benchmark_gap")
avoided_cost = _function("avoided_cost")
business_case = _function("business_case")
percent_of = _function("percent_of")
total = _function("total")
difference = _function("difference")
over_years = _function("over_years")
percent_change = _function("percent_change")
rate_scaling = _function("rate_scaling")
cases_per_fte = _function("cases_per_fte")


def parse_cli_value(spec_input: Input | str, raw: str) -> Any:
    """key=value from the command line: Danish or English numbers, lists with ';' (or ',' between plain numbers)."""
    kind = spec_input.kind if isinstance(spec_input, Input) else None
    name = spec_input.name if isinstance(spec_input, Input) else spec_input
    if kind is Kind.TASKS or name == "tasks":
        tasks = []
        for item in re.split(r"[;,]", raw):
            share, _, eff = item.partition(":")
            tasks.append({"share_pct": parse_number_text(share, name), "efficiency_pct": parse_number_text(eff, name)})
        return tasks
    if kind in (Kind.PERCENT_LIST, Kind.AMOUNT_LIST) or name == "yearly_pcts":
        parts = raw.split(";") if ";" in raw else raw.split(",")
        return [parse_number_text(p, name) for p in parts]
    return parse_number_text(raw, name)


def parse_number_text(raw: str, field: str) -> float:
    from gevinst.danish_numbers import parse_number

    text = raw.strip().replace(" ", "").rstrip("%").removesuffix("kr.").removesuffix("kr")
    if text.lower() in {"nan", "inf", "-inf", "infinity"}:
        raise CalculatorInputError(f"Ugyldigt input – {field}: skal være et endeligt tal (fik '{raw}')")
    negative = text.startswith("-")
    try:
        value, _ = parse_number(text.lstrip("-+"))
    except ValueError:
        raise CalculatorInputError(f"Ugyldigt input – {field}: skal være et tal (fik '{raw}')") from None
    if not math.isfinite(value):
        raise CalculatorInputError(f"Ugyldigt input – {field}: skal være et endeligt tal (fik '{raw}')")
    return -value if negative else value


__all__ = [
    "CALCULATORS",
    "SPECS",
    "CalcResult",
    "Calculator",
    "CalculatorInputError",
    "Input",
    "Kind",
    "Origin",
    "Period",
    "PER_YEAR",
    "Preset",
    "Spec",
    "avoided_cost",
    "baseline_reduction",
    "benchmark_gap",
    "business_case",
    "cases_per_fte",
    "channel_shift",
    "compliance_gain",
    "compliance_savings",
    "difference",
    "fte_cost",
    "fte_freed",
    "fte_savings",
    "get_calculator",
    "hourly_cost",
    "hours_to_fte",
    "over_years",
    "parse_cli_value",
    "percent_change",
    "percent_of",
    "rate_scaling",
    "run_calculator",
    "show",
    "task_weighted_potential",
    "time_savings",
    "total",
    "unit_rate_scaling",
]
