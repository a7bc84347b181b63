"""Properties every calculator keeps (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gevinst.calculators import (
    avoided_cost,
    baseline_reduction,
    channel_shift,
    compliance_savings,
    fte_savings,
    time_savings,
    unit_rate_scaling,
)

pcts = st.floats(min_value=0, max_value=100, allow_nan=False)
volumes = st.floats(min_value=0, max_value=1e6, allow_nan=False)
positive = st.floats(min_value=0.1, max_value=1e4, allow_nan=False)


@given(fte=positive, salary=st.floats(min_value=1000, max_value=100000), a=pcts, b=pcts)
def test_fte_savings_monotone_in_efficiency(fte: float, salary: float, a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert (
        fte_savings(fte=fte, monthly_salary=salary, efficiency_pct=lo).value
        <= fte_savings(fte=fte, monthly_salary=salary, efficiency_pct=hi).value + 1e-6
    )


@given(fte=positive, eff=pcts, years=st.integers(min_value=1, max_value=10))
def test_phase_in_increments_add_up_to_the_full_effect(fte: float, eff: float, years: int) -> None:
    r = fte_savings(fte=fte, annual_cost_per_fte=500000, efficiency_pct=eff, phase_in_years=years)
    assert sum(row["stigning"] for row in r.table) == pytest.approx(r.value, rel=1e-6, abs=0.05)
    assert r.table[-1]["besparelse"] == pytest.approx(r.value, abs=0.01)


@given(volume=volumes, k=st.integers(min_value=1, max_value=5))
def test_linear_in_volume(volume: float, k: int) -> None:
    assert channel_shift(volume * k, 330, 90).value == pytest.approx(k * channel_shift(volume, 330, 90).value)
    assert avoided_cost(volume * k, 40000).value == pytest.approx(k * avoided_cost(volume, 40000).value)
    assert unit_rate_scaling(235, volume * k).value == pytest.approx(k * unit_rate_scaling(235, volume).value)
    assert time_savings(5, volume * k).value == pytest.approx(k * time_savings(5, volume).value)
    assert compliance_savings(volume * k, 10, 50, 5).value == pytest.approx(
        k * compliance_savings(volume, 10, 50, 5).value
    )


@given(a=pcts, b=pcts)
def test_monotone_in_percentages(a: float, b: float) -> None:
    lo, hi = sorted((a, b))
    assert avoided_cost(100, 1000, lo).value <= avoided_cost(100, 1000, hi).value
    assert compliance_savings(1e6, 0, hi, lo).value <= compliance_savings(1e6, 0, hi, hi).value + 1e-9


@given(pct_list=st.lists(st.floats(min_value=0, max_value=10), min_size=1, max_size=8))
def test_baseline_phase_in_ends_at_the_full_effect(pct_list: list[float]) -> None:
    r = baseline_reduction(1_000_000, pct_list)
    assert r.table[-1]["besparelse"] == pytest.approx(r.value, abs=0.01)
    assert all(x["besparelse"] <= y["besparelse"] + 1e-9 for x, y in zip(r.table, r.table[1:]))
