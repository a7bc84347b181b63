"""Årsværk in kroner and hours: the yearly cost of a number of årsværk at a monthly salary, priced with KOMBIT's
pension and overhead, the årsværk a number of hours a year make, and the årsværk a share of the time frees."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("fte", "salary", "pension", "expected"),
    [(6, 31000, None, 3_331_440), (1, 30000, None, 541_200), (5, 30000, 12, 2_616_000)],
    ids=["six-at-31000", "one-is-the-kombit-price", "own-pension"],
)
def test_fte_cost_prices_an_aarsvaerk_from_the_monthly_salary(
    fte: float, salary: float, pension: float | None, expected: float
) -> None:
    """6 årsværk at 31.000 kr. a month cost 6 × (31.000 × 12 × 1,17 + 120.000) = 3.331.440 kr. a year: the
    KOMBIT årsværkspris of 30.000 kr. a month is 541.200 kr."""
    from gevinst.calculators import fte_cost

    r = fte_cost(fte=fte, monthly_salary=salary, **({"pension_pct": pension} if pension is not None else {}))
    assert r.value == pytest.approx(expected)
    assert r.unit == "kr."


@pytest.mark.parametrize(
    ("args", "fte"),
    [({"hours": 2400}, 1.2474), ({"hours": 3500, "hours_per_fte": 1628}, 2.1499)],
    ids=["kombit", "own"],
)
def test_hours_a_year_as_aarsvaerk(args: dict[str, float], fte: float) -> None:
    """2.400 timer om året are 2.400 / 1.924 (KOMBIT's 52 × 37 løntimer) = 1,25 årsværk."""
    from gevinst.calculators import hours_to_fte

    r = hours_to_fte(**args)
    assert r.value == pytest.approx(fte, abs=1e-4)
    assert r.unit == "årsværk"


@pytest.mark.parametrize(
    ("fte", "share", "freed"), [(11, 30, 3.3), (24, 15, 3.6), (9, 20, 1.8)], ids=["eleven", "twentyfour", "nine"]
)
def test_the_aarsvaerk_a_share_of_the_time_frees_need_no_price(fte: float, share: float, freed: float) -> None:
    """11 fuldtidsstillinger of which 30 % of the work is made more efficient free 11 × 30 % = 3,3 årsværk."""
    from gevinst.calculators import fte_freed

    r = fte_freed(fte=fte, efficiency_pct=share)
    assert r.value == pytest.approx(freed)
    assert r.unit == "årsværk"
    assert f"{share:g} %" in r.formula
