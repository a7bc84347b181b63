"""The calculator form's text read into arguments, and results shown in Danish: tables of cases with ids."""

from __future__ import annotations

from typing import Any

import pytest

from gevinst.calculators import SPECS, run_calculator
from gevinst.ui.calc_format import (
    assumption_rows,
    chart_series,
    comparison_points,
    comparison_rows,
    formula_steps,
    scenario,
    table_rows,
)
from gevinst.ui.calc_input import clean_message, placeholder, preset_text, read_form

READ_CASES = [
    # (id, calculator, typed fields, expected arguments)
    ("danish-thousands", "hourly_cost", {"monthly_salary": "35.000"}, {"monthly_salary": 35000.0}),
    (
        "with-unit",
        "hourly_cost",
        {"monthly_salary": "35.000 kr.", "pension_pct": "17 %"},
        {"monthly_salary": 35000.0, "pension_pct": 17.0},
    ),
    ("scale-word", "percent_of", {"amount": "45 mio. kr.", "pct": "12"}, {"amount": 45e6, "pct": 12.0}),
    ("danish-decimal", "percent_of", {"amount": "100", "pct": "2,5"}, {"amount": 100.0, "pct": 2.5}),
    ("blank-is-preset", "hourly_cost", {"monthly_salary": "30000", "pension_pct": "  "}, {"monthly_salary": 30000.0}),
    (
        "integer-field",
        "fte_savings",
        {"fte": "12", "efficiency_pct": "40", "monthly_salary": "30000", "phase_in_years": "3"},
        {"fte": 12.0, "efficiency_pct": 40.0, "monthly_salary": 30000.0, "phase_in_years": 3},
    ),
    (
        "percent-list-semicolons",
        "baseline_reduction",
        {"baseline": "100 mio.", "yearly_pcts": "10; 5; 5"},
        {"baseline": 1e8, "yearly_pcts": [10.0, 5.0, 5.0]},
    ),
    (
        "percent-list-commas",
        "baseline_reduction",
        {"baseline": "1000", "yearly_pcts": "10,5,5"},
        {"baseline": 1000.0, "yearly_pcts": [10.0, 5.0, 5.0]},
    ),
    (
        "tasks-lines",
        "task_weighted_potential",
        {"tasks": "Journaliser; 18; 85\n20; 50"},
        {
            "tasks": [
                {"name": "Journaliser", "share_pct": 18.0, "efficiency_pct": 85.0},
                {"name": "Opgave 2", "share_pct": 20.0, "efficiency_pct": 50.0},
            ]
        },
    ),
]


@pytest.mark.parametrize(("calc", "typed", "expected"), [c[1:] for c in READ_CASES], ids=[c[0] for c in READ_CASES])
def test_form_text_becomes_arguments(calc: str, typed: dict[str, str], expected: dict[str, Any]) -> None:
    reading = read_form(SPECS[calc], typed)
    assert reading.ok, reading.problems
    assert reading.arguments == expected


PROBLEM_CASES = [
    # (id, calculator, typed fields, the Danish message expected)
    ("all-empty", "fte_savings", {}, "Udfyld de markerede felter: Årsværk på opgaven, Effektivisering."),
    ("one-of-none", "fte_savings", {"fte": "12", "efficiency_pct": "40"}, "Udfyld enten Månedsløn eller Årsværkspris."),
    (
        "one-of-both",
        "fte_savings",
        {"fte": "1", "efficiency_pct": "4", "monthly_salary": "1", "annual_cost_per_fte": "1"},
        "Udfyld kun ét af felterne Månedsløn og Årsværkspris.",
    ),
    ("words", "hourly_cost", {"monthly_salary": "mange penge"}, "Månedsløn: «mange penge» er ikke et tal"),
    ("nan", "hourly_cost", {"monthly_salary": "nan"}, "Månedsløn: «nan» er ikke et tal"),
    ("infinity", "hourly_cost", {"monthly_salary": "-inf"}, "Månedsløn: «-inf» er ikke et tal"),
    ("overflow", "hourly_cost", {"monthly_salary": "1e400"}, "Månedsløn: «1e400» er urimeligt stort"),
    (
        "negative",
        "hourly_cost",
        {"monthly_salary": "-35000"},
        "Månedsløn: skal være større end 0 kr. (du skrev «-35000»)",
    ),
    ("negative-ge-zero", "percent_of", {"amount": "-1", "pct": "5"}, "Beløb: må ikke være negativ"),
    ("huge", "hourly_cost", {"monthly_salary": "9" * 30}, "Månedsløn: må højst være 10.000.000 kr."),
    ("over-100-percent", "hourly_cost", {"monthly_salary": "1", "pension_pct": "140"}, "Pension: må højst være 100 %"),
    (
        "not-whole",
        "fte_savings",
        {"fte": "1", "efficiency_pct": "4", "monthly_salary": "1", "phase_in_years": "2,5"},
        "Indfasning: skal være et helt tal",
    ),
    ("huge-list", "total", {"amounts": "1e20; 5"}, "Beløb (lav ende ved intervaller): er urimeligt stort"),
    ("bad-task-line", "task_weighted_potential", {"tasks": "bare tekst"}, "linje 1: skriv «opgave; andel af tiden"),
    (
        "task-percent",
        "task_weighted_potential",
        {"tasks": "A; 150; 10"},
        "linje 1: en procent skal ligge mellem 0 og 100",
    ),
]


@pytest.mark.parametrize(
    ("calc", "typed", "message"), [c[1:] for c in PROBLEM_CASES], ids=[c[0] for c in PROBLEM_CASES]
)
def test_bad_form_text_is_told_in_danish(calc: str, typed: dict[str, str], message: str) -> None:
    reading = read_form(SPECS[calc], typed)
    assert not reading.ok
    text = " ".join(reading.problems)
    assert message in text, text
    assert not any(i.name in text.split() for i in SPECS[calc].inputs if len(i.name) > 3)


def test_a_calculators_own_message_loses_its_code_names() -> None:
    spec = SPECS["task_weighted_potential"]
    arguments = read_form(spec, {"tasks": "A; 60; 10\nB; 60; 10"}).arguments
    with pytest.raises(ValueError) as caught:
        run_calculator(spec.name, arguments)
    assert clean_message(spec, str(caught.value)) == (
        "Ugyldigt input – opgavernes andele summerer til 120 %; de må højst summere til 100 %"
    )
    fte = SPECS["fte_savings"]
    assert clean_message(fte, "Ugyldigt input – monthly_salary: skal være større end 0 (fik -5)") == (
        "Ugyldigt input – Månedsløn: skal være større end 0 (fik -5)"
    )
    assert clean_message(fte, "angiv enten månedsløn (monthly_salary) eller årsværkspris (annual_cost_per_fte)") == (
        "angiv enten månedsløn eller årsværkspris"
    )


def test_an_empty_field_names_its_preset_in_words() -> None:
    spec = SPECS["hourly_cost"]
    pension = spec.input("pension_pct")
    assert preset_text(pension) == "Tomt felt = 17 % (KOMBIT/KL 2014, afsnit 2.3 Klare forudsætninger: pension 17 %)"
    assert placeholder(pension) == "17 % (forudsætning)"
    assert preset_text(SPECS["fte_savings"].input("phase_in_years")) == "Tomt felt = 1 år (standard)"
    assert preset_text(spec.input("monthly_salary")) == ""
    assert placeholder(SPECS["task_weighted_potential"].input("tasks")).startswith("Journaliser og fordel; 18; 85\n")


def _result(name: str, **args: Any) -> dict[str, Any]:
    return run_calculator(name, args).to_dict()


def test_results_read_in_danish() -> None:
    fte = _result("fte_savings", fte=12, monthly_salary=30000, efficiency_pct=40, phase_in_years=2)
    assert formula_steps(fte["formula"])[1] == "Besparelse = 12 årsværk × 541.200 kr. × 40 % = 2.597.760 kr. om året"
    rows = {r["Forudsætning"]: r for r in assumption_rows(fte)}
    assert rows["Månedsløn"]["Værdi"] == "30.000 kr." and rows["Månedsløn"]["Kilde"] == "dit tal"
    assert rows["Pension"]["Værdi"] == "17 %" and rows["Pension"]["Kilde"].startswith("KOMBIT/KL 2014, afsnit 2.3")
    assert rows["Indfasning"]["Værdi"] == "2 år"
    assert table_rows(fte["table"])[1] == {
        "År": "2",
        "Andel": "100 %",
        "Besparelse": "2.597.760 kr.",
        "Stigning": "1.298.880 kr.",
    }
    title, unit, points = chart_series(fte["table"]) or ("", "", [])
    assert (title, unit, [p["x"] for p in points]) == ("Besparelse", "kr.", ["År 1", "År 2"])
    assert points[0]["tekst"] == "1.298.880 kr."
    tasks = _result("task_weighted_potential")
    assert chart_series(tasks["table"])[2][0] == {"x": "Journaliser og fordel", "y": 15.3, "tekst": "15,3 %"}
    assert chart_series(_result("percent_of", amount=100, pct=5)["table"]) is None


def test_scenarios_side_by_side() -> None:
    saved = [
        scenario("A", "Kanalskift", _result("channel_shift", volume=1000)),
        scenario("B", "Sum af beløb", _result("total", amounts=[120e6, 40e6], amounts_high=[150e6, 60e6])),
        scenario("C", "Sager pr. fuldtidsansat", _result("cases_per_fte", cases=300, weekly_hours=370)),
    ]
    rows = {r[""]: r for r in comparison_rows(saved)}
    assert rows["Resultat"]["B"] == "I alt: 160.000.000–210.000.000 kr."
    assert rows["Pris pr. styk i den gamle kanal"] == {
        "": "Pris pr. styk i den gamle kanal",
        "A": "330 kr. (KL/KLK 2017, s. 52)",
        "B": "–",
        "C": "–",
    }
    assert rows["Timer pr. fuldtidsansat om ugen"]["C"] == "37 timer (standard)"
    groups = comparison_points(saved)
    assert list(groups) == ["kr.", "sager pr. fuldtidsansat"]
    assert [(p["x"], p["y"], p["y2"]) for p in groups["kr."]] == [("A", 240000.0, None), ("B", 160e6, 210e6)]
