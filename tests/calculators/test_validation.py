"""Nonsense input is refused in Danish, naming the field and the allowed range; never a traceback."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from gevinst.calculators import (
    CalculatorInputError,
    fte_savings,
    hourly_cost,
    parse_cli_value,
    run_calculator,
    task_weighted_potential,
)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: fte_savings(fte=-3, monthly_salary=30000, efficiency_pct=40), "(fte): må ikke være negativ (fik -3)"),
        (
            lambda: run_calculator("business_case", {"investment": 5e6, "annual_gain": -2e6}),
            "(annual_gain): må ikke være negativ (fik -2.000.000)",
        ),
        (lambda: fte_savings(fte=3, monthly_salary=30000, efficiency_pct=140), "(efficiency_pct): må højst være 100"),
        (lambda: fte_savings(fte=3, efficiency_pct=40), "Mangler input – månedsløn eller årsværkspris"),
        (lambda: hourly_cost(30000, annual_hours=0), "(annual_hours): skal være mindst 1"),
        (lambda: hourly_cost(float("nan")), "endeligt tal"),
        (lambda: hourly_cost(float("inf")), "endeligt tal"),
        (lambda: hourly_cost("tredive tusind"), "(monthly_salary): skal være et tal"),  # type: ignore[arg-type]
        (lambda: hourly_cost(1e30), "(monthly_salary): må højst være"),
        (
            lambda: task_weighted_potential(
                [{"share_pct": 80, "efficiency_pct": 5}, {"share_pct": 30, "efficiency_pct": 5}]
            ),
            "summerer til 110 %",
        ),
        (lambda: run_calculator("fte_savings", {"fte": 1, "salary": 3}), "Ukendt parameter salary"),
        (lambda: run_calculator("magic", {}), "Ukendt beregning"),
        (lambda: fte_savings(fte=12, monthly_salary=30000), "Mangler input – Effektivisering"),
        (lambda: hourly_cost(1e7, annual_hours=1.0, effective_share_pct=1e-9), "urimeligt stort"),
        (lambda: parse_cli_value("fte", "NaN"), "endeligt tal"),
        (lambda: parse_cli_value("fte", "tolv"), "skal være et tal"),
    ],
    ids=[
        "negative-fte",
        "negative-gain",
        "pct-over-100",
        "no-cost",
        "zero-hours",
        "nan",
        "inf",
        "string",
        "huge",
        "shares-over-100",
        "unknown-param",
        "unknown-calculator",
        "required-missing",
        "result-overflows",
        "cli-nan",
        "cli-word",
    ],
)
def test_invalid_input_is_explained(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CalculatorInputError, match=re.escape(message)):
        call()


def _gevinst(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gevinst.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "GEVINST_EMBEDDING__BACKEND": "hash"},
    )


def test_cli_fte_savings_json_value() -> None:
    run = _gevinst("calc", "fte_savings", "fte=12", "monthly_salary=30.000", "efficiency_pct=40", "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["value"] == 2597760 and data["display"] == "2.597.760 kr."
    assert {a["name"] for a in data["assumptions"]} >= {"pension_pct", "overhead", "efficiency_pct"}


def test_cli_bad_input_exit_2_with_message() -> None:
    run = _gevinst("calc", "fte_savings", "fte=-1", "monthly_salary=30000", "efficiency_pct=400")
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "(efficiency_pct): må højst være 100" in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fte_savings", "fte=12", "monthly_salary=30000"], "Mangler input – Effektivisering (efficiency_pct)"),
        (["hourly_cost", "monthly_salary=1e7", "effective_share_pct=1e-300"], "urimeligt stort"),
    ],
    ids=["missing-required", "result-overflows"],
)
def test_cli_input_errors_are_one_line_exit_2(args: list[str], message: str) -> None:
    run = _gevinst("calc", *args)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert run.stderr.startswith(("Fejl: Ugyldigt input – ", "Fejl: Mangler input – ")) and message in run.stderr


def test_cli_list_shows_every_calculator_with_defaults() -> None:
    run = _gevinst("calc", "list")
    for name in (
        "hourly_cost",
        "task_weighted_potential",
        "fte_savings",
        "baseline_reduction",
        "time_savings",
        "unit_rate_scaling",
        "channel_shift",
        "compliance_savings",
        "benchmark_gap",
        "avoided_cost",
        "business_case",
        "percent_of",
        "total",
        "difference",
        "rate_scaling",
        "cases_per_fte",
    ):
        assert f"{name}:" in run.stdout
    assert "pension_pct = 17 (KOMBIT/KL 2014, afsnit 2.3" in run.stdout and "overhead = 120000 (KOMBIT" in run.stdout
    assert "efficiency_pct (påkrævet)" in run.stdout


def test_cli_lists_parse() -> None:
    assert parse_cli_value("yearly_pcts", "10,5,5,5") == [10, 5, 5, 5]
    assert parse_cli_value("tasks", "18:85;17:65") == [
        {"share_pct": 18, "efficiency_pct": 85},
        {"share_pct": 17, "efficiency_pct": 65},
    ]
    assert parse_cli_value("investment", "306.000.000") == 306000000


def test_rate_scaling_caveat_is_a_warning_not_a_table_row() -> None:
    r = run_calculator("rate_scaling", {"example_amount": 3e6, "example_count": 40, "own_count": 90})
    assert r.value == 6750000 and r.table == []
    assert r.warnings == ["Skaleringen antager, at beløbet følger antallet lineært."]
