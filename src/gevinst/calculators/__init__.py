"""Deterministic savings calculators: pure functions over validated inputs. No LangChain here."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from gevinst.calculators.base import CalcResult, CalculatorInputError, validate
from gevinst.calculators.money import (
    AvoidedCostInput,
    BaselineReductionInput,
    BusinessCaseInput,
    ChannelShiftInput,
    ComplianceInput,
    UnitRateInput,
    avoided_cost,
    baseline_reduction,
    business_case,
    channel_shift,
    compliance_savings,
    unit_rate_scaling,
)
from gevinst.calculators.staff import (
    BenchmarkGapInput,
    FteSavingsInput,
    HourlyCostInput,
    TaskWeightedInput,
    TimeSavingsInput,
    benchmark_gap,
    fte_savings,
    hourly_cost,
    task_weighted_potential,
    time_savings,
)


@dataclass(frozen=True)
class Calculator:
    name: str
    description: str
    inputs: type[BaseModel]
    run: Callable[..., CalcResult]


CALCULATORS: dict[str, Calculator] = {
    c.name: c
    for c in [
        Calculator(
            "hourly_cost",
            "Pris pr. løntime og pr. effektiv time ud fra månedsløn (KOMBIT/KL §2.3)",
            HourlyCostInput,
            hourly_cost,
        ),
        Calculator(
            "task_weighted_potential",
            "Effektiviseringspotentiale vægtet efter opgavernes andel af tiden",
            TaskWeightedInput,
            task_weighted_potential,
        ),
        Calculator(
            "fte_savings",
            "Besparelse ved at frigøre en andel af en gruppe årsværk, med indfasning",
            FteSavingsInput,
            fte_savings,
        ),
        Calculator(
            "baseline_reduction",
            "Besparelse som årlige procenter af et udgangspunkt (klk s. 15, 22)",
            BaselineReductionInput,
            baseline_reduction,
        ),
        Calculator(
            "time_savings",
            "Sparede minutter pr. sag × antal sager → timer, kroner, årsværk (klk s. 36)",
            TimeSavingsInput,
            time_savings,
        ),
        Calculator(
            "unit_rate_scaling", "Beløb pr. enhed × antal enheder (klk s. 36, 42)", UnitRateInput, unit_rate_scaling
        ),
        Calculator(
            "channel_shift",
            "Kanalskift: antal × (pris i gammel kanal − pris i ny) (Hjørring, klk s. 52–53)",
            ChannelShiftInput,
            channel_shift,
        ),
        Calculator(
            "compliance_savings",
            "Øget compliance/e-handelsandel × prisbesparelse × indkøbsvolumen (klk s. 46)",
            ComplianceInput,
            compliance_savings,
        ),
        Calculator(
            "benchmark_gap",
            "Merforbrug af årsværk mod et benchmark pr. 1.000 sager (klk s. 59–60)",
            BenchmarkGapInput,
            benchmark_gap,
        ),
        Calculator(
            "avoided_cost",
            "Undgåede udgifter: antal × andel der undgås × pris (brobygning, klk s. 87)",
            AvoidedCostInput,
            avoided_cost,
        ),
        Calculator(
            "business_case",
            "Tilbagebetalingstid, resultat og nutidsværdi for en investering",
            BusinessCaseInput,
            business_case,
        ),
    ]
}


def get_calculator(name: str) -> Calculator:
    try:
        return CALCULATORS[name]
    except KeyError:
        raise CalculatorInputError(f"Ukendt beregning '{name}'. Mulige: {', '.join(CALCULATORS)}") from None


def run_calculator(name: str, arguments: dict[str, Any]) -> CalcResult:
    calc = get_calculator(name)
    unknown = set(arguments) - set(calc.inputs.model_fields)
    if unknown:
        raise CalculatorInputError(
            f"Ukendt parameter {', '.join(sorted(unknown))} til {name}; mulige: {', '.join(calc.inputs.model_fields)}"
        )
    validate(calc.inputs, arguments)  # a missing or out-of-range input is named before anything is computed
    try:
        result = calc.run(**arguments)
    except ArithmeticError:  # decimal.InvalidOperation, OverflowError: inputs far outside any real case
        raise CalculatorInputError(_TOO_LARGE) from None
    if not all(math.isfinite(v) and abs(v) <= MAX_RESULT for v in _figures(result)):
        raise CalculatorInputError(_TOO_LARGE)
    return result


MAX_RESULT = 1e15  # a million mia. kr.: no municipal figure comes near; beyond it an input was mistyped
_TOO_LARGE = (
    "Ugyldigt input – resultatet bliver for stort til at regne med; kontrollér enhederne "
    "(fx timer pr. år og beløb i kr.)"
)


def _figures(result: CalcResult) -> list[float]:
    return [float(v) for v in (result.value, *result.figures.values()) if isinstance(v, int | float)]


def parse_cli_value(field: str, raw: str) -> Any:
    """key=value from the command line: Danish or English numbers, lists with ',' or ';'."""
    if field == "tasks":
        tasks = []
        for item in re.split(r"[;,]", raw):
            share, _, eff = item.partition(":")
            tasks.append(
                {"share_pct": parse_number_text(share, field), "efficiency_pct": parse_number_text(eff, field)}
            )
        return tasks
    if field == "yearly_pcts":
        parts = raw.split(";") if ";" in raw else raw.split(",")
        return [parse_number_text(p, field) for p in parts]
    return parse_number_text(raw, field)


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
    "CalcResult",
    "Calculator",
    "CalculatorInputError",
    "avoided_cost",
    "baseline_reduction",
    "benchmark_gap",
    "business_case",
    "channel_shift",
    "compliance_savings",
    "fte_savings",
    "get_calculator",
    "hourly_cost",
    "parse_cli_value",
    "run_calculator",
    "task_weighted_potential",
    "time_savings",
    "unit_rate_scaling",
]
