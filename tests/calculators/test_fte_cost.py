"""The yearly cost of a number of årsværk at a monthly salary, priced as an årsværk with KOMBIT's pension and
overhead."""

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
