"""Every checked example of shared/docs/calculators.md, exactly."""

from __future__ import annotations

import pytest

from gevinst.calculators import (
    avoided_cost,
    baseline_reduction,
    benchmark_gap,
    business_case,
    cases_per_fte,
    channel_shift,
    compliance_savings,
    fte_savings,
    hourly_cost,
    task_weighted_potential,
    time_savings,
    unit_rate_scaling,
)
from gevinst.danish_numbers import round_half_up


@pytest.mark.parametrize(
    ("salary", "annual", "paid", "effective"),
    [(25000, 471000, 245, 408), (30000, 541200, 281, 469), (35000, 611400, 318, 530)],
    ids=["25000", "30000", "35000-misprint-530-is-per-effective-hour"],
)
def test_hourly_cost(salary: int, annual: int, paid: int, effective: int) -> None:
    r = hourly_cost(salary)
    assert r.figures["annual_cost"] == annual
    assert round_half_up(r.value) == paid  # 611.400 / 1.924 = 318, not the report's 530
    assert round_half_up(r.figures["per_effective_hour"]) == effective
    assert r.display == f"{paid} kr."
    sources = {a.name: a for a in r.assumptions}
    assert sources["pension_pct"].source == "KOMBIT/KL 2014, afsnit 2.3 Klare forudsætninger: pension 17 %"
    assert sources["overhead"].doc_id.startswith("kombit") and sources["overhead"].section == "2.3 Klare forudsætninger"
    assert sources["monthly_salary"].source == "dit tal"


def test_task_weighted_potential_ksd_table() -> None:
    r = task_weighted_potential()
    assert r.value == pytest.approx(39.6)
    assert [row["Bidrag"] for row in r.table] == ["15,3 %", "11,1 %", "4,4 %", "4,6 %", "2,6 %", "0 %", "1,7 %"]


def test_fte_savings_ksd_example() -> None:
    r = fte_savings(fte=12, monthly_salary=30000, efficiency_pct=40)
    assert r.value == 2597760 and r.to_dict()["value"] == 2597760
    assert r.display == "2.597.760 kr."
    # the årsværk freed is a figure a manager plans by, so the shown calculation states it
    assert "frigjorte årsværk = 12 årsværk × 40 % = 4,8 årsværk" in r.formula


def test_fte_savings_kl09_model2_digitalisation() -> None:
    r = fte_savings(fte=2003, annual_cost_per_fte=480000, efficiency_pct=50, realisable_pct=17)
    assert r.value == 480720000 and r.figures["realisable"] == pytest.approx(81722400)


def test_fte_to_kroner_kl09() -> None:
    assert fte_savings(fte=354, annual_cost_per_fte=480000, efficiency_pct=100).value == 169920000  # ≈ 170 mio.


def test_baseline_reduction_adds_on_the_original_baseline() -> None:
    r = baseline_reduction(1_000_000, [10, 10])
    assert [row["besparelse"] for row in r.table] == [100000, 200000] and r.value == 200000
    # «hvor meget sparer vi hvert år?»: the shown calculation gives each year's saving, not only the last
    assert "år 1: 100.000 kr., år 2: 200.000 kr." in r.formula
    # «hvor lander lønsummen?»: what is left to spend after the last year
    assert "niveau derefter = 1.000.000 kr. − 200.000 kr. = 800.000 kr." in r.formula
    loen = baseline_reduction(10_000_000, [10, 5, 5, 5])
    assert loen.value == 2_500_000 and not loen.warnings  # 25 % is inside the report's 15-25 %


def test_time_savings_five_minutes_at_306_kr() -> None:
    r = time_savings(minutes_saved_per_unit=5, units_per_year=1, hourly_rate=306)
    assert r.value == pytest.approx(25.5)


def test_unit_rate_scaling_235_kr_times_2762() -> None:
    assert unit_rate_scaling(235, 2762).value == 649070


def test_channel_shift_hjoerring() -> None:
    r = channel_shift(6000)  # the prices left at Hjørring's presets are cited as the report's
    assert r.value == 1440000
    assert {a.name: a.page for a in r.assumptions if a.doc_id} == {"cost_from": 52, "cost_to": 52}


def test_channel_shift_of_a_share_of_the_volume() -> None:
    """«38.000 opkald …, hvis halvdelen flytter»: only the share that moves saves."""
    r = channel_shift(38000, 55, 9, 50)
    assert r.value == pytest.approx(874000)
    assert "50 %" in r.formula


def test_a_users_own_figure_is_never_cited_as_a_reports() -> None:
    """330 kr. typed by the user is the user's figure, even though Hjørring's shop price is also 330 kr."""
    r = channel_shift(6000, 330, 90)
    given = [a for a in r.assumptions if a.name in ("volume", "cost_from", "cost_to")]
    assert len(given) == 3 and all(a.source == "dit tal" and not a.doc_id for a in given)


def test_compliance_savings() -> None:
    assert compliance_savings(100_000_000, 60, 80, 10).value == pytest.approx(2_000_000)


def test_a_rise_in_compliance_in_points_is_the_same_method() -> None:
    """From 60 % to 80 % is a rise of 20 procentpoint: the same saving, and the formula shows the points."""
    from gevinst.calculators import compliance_gain

    r = compliance_gain(purchase_volume=100_000_000, share_gain_pct=20, price_saving_pct=10)
    assert r.value == pytest.approx(compliance_savings(100_000_000, 60, 80, 10).value)
    assert "20 procentpoint" in r.formula


def test_benchmark_gap_fte_per_1000_cases() -> None:
    r = benchmark_gap(own_fte=81.49, cases=2948, target_per_1000=24.43)
    assert r.figures["own_per_1000"] == pytest.approx(27.64, abs=0.005)
    assert r.value == pytest.approx(9.47, abs=0.005)


def test_benchmark_gap_from_a_norm_of_cases_per_fte() -> None:
    """«Normen er 50 sager pr. årsværk» is 1.000 / 50 = 20 årsværk pr. 1.000 sager; 30 årsværk on 1.200 sager are
    25 pr. 1.000, so 5 × 1,2 = 6 årsværk over."""
    r = benchmark_gap(own_fte=30, cases=1200, cases_per_fte=50)
    assert r.value == pytest.approx(6)
    assert "1.000 / 50" in r.formula


def test_avoided_cost_brobygning() -> None:
    assert avoided_cost(volume=120, unit_cost=40000).value == 1200000


def test_business_case_viborg_payback() -> None:
    r = business_case(306_000_000, 38_000_000)
    assert r.value == pytest.approx(8.05, abs=0.005)
    assert r.figures["payback_year"] == 9


def test_business_case_subtracts_the_yearly_running_cost() -> None:
    r = business_case(1_200_000, 500_000, annual_cost=100_000)
    assert r.value == 3 and r.figures["annual_net"] == 400_000
    assert "(500.000 kr. − 100.000 kr.)" in r.formula
    assert {a.name: a.source for a in r.assumptions}["annual_cost"] == "dit tal"


def test_business_case_without_a_running_cost_keeps_the_gain_as_the_net() -> None:
    r = business_case(1_200_000, 500_000)
    assert r.value == 2.4 and r.figures["annual_net"] == 500_000


@pytest.mark.parametrize(
    ("cases", "weekly_hours", "hours_per_fte", "fte", "per_fte"),
    [(276, 222, 37, 6, 46), (350, 370, None, 10, 35), (120, 300, 30, 10, 12)],
    ids=["37-hours-given", "37-hours-default", "30-hour-week"],
)
def test_cases_per_fte_turns_weekly_hours_into_full_time_staff(
    cases: int, weekly_hours: int, hours_per_fte: int | None, fte: int, per_fte: int
) -> None:
    r = cases_per_fte(cases=cases, weekly_hours=weekly_hours, hours_per_fte=hours_per_fte)
    assert r.figures["fte"] == pytest.approx(fte) and r.value == pytest.approx(per_fte)
    origin = {a.name: a.source for a in r.assumptions}["hours_per_fte"]
    assert origin == ("dit tal" if hours_per_fte else "standard")


def test_business_case_npv_with_discount_rate() -> None:
    r = business_case(100, 50, years=3, discount_rate_pct=10)
    assert r.figures["npv"] == pytest.approx(-100 + 50 / 1.1 + 50 / 1.21 + 50 / 1.331)
    assert r.figures["result"] == 50


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ({"annual_cost_per_fte": 480000}, {"annual_cost_per_fte"}),
        ({"monthly_salary": 30000}, {"monthly_salary", "pension_pct", "overhead"}),
    ],
    ids=["yearly-price-given", "monthly-salary-given"],
)
def test_assumptions_list_only_the_inputs_the_calculation_used(given: dict[str, int], shown: set[str]) -> None:
    """Given a yearly price per FTE, pension and overhead are not part of the sum and are not shown (or cited)."""
    r = fte_savings(fte=2003, efficiency_pct=50, **given)
    listed = {a.name for a in r.assumptions} & {"annual_cost_per_fte", "monthly_salary", "pension_pct", "overhead"}
    assert listed == shown
