"""The arithmetic calculators with a range: a percentage range gives both ends («5–10 % af 18 mio. kr.»)."""

from __future__ import annotations

import pytest

from gevinst.calculators import CalculatorInputError, run_calculator


@pytest.mark.parametrize(
    ("args", "low", "high", "display"),
    [
        ({"amount": 18e6, "pct": 5, "pct_high": 10}, 900_000, 1_800_000, "900.000–1.800.000 kr."),
        ({"amount": 18e6, "pct": 5}, 900_000, None, "900.000 kr."),
        ({"amount": 18e6, "pct": 5, "pct_high": 5}, 900_000, 900_000, "900.000 kr."),
    ],
    ids=["range", "one-percentage", "equal-ends"],
)
def test_percent_of_a_range_gives_both_ends(
    args: dict[str, float], low: float, high: float | None, display: str
) -> None:
    result = run_calculator("percent_of", args)
    assert result.value == pytest.approx(low)
    assert result.high == (None if high is None else pytest.approx(high))
    assert result.display == display
    if high is not None and high != low:
        assert "5–10 %" in result.formula and "1.800.000 kr." in result.formula


def test_percent_of_a_range_upside_down_is_one_clear_line() -> None:
    with pytest.raises(CalculatorInputError, match="høj"):
        run_calculator("percent_of", {"amount": 18e6, "pct": 10, "pct_high": 5})


@pytest.mark.parametrize(
    ("args", "value", "formula"),
    [
        ({"yearly": 750000, "years": 4}, 3_000_000, "Beløb = 750.000 kr. om året × 4 år = 3.000.000 kr."),
        (
            {"yearly": 12_000_000, "years": 3, "pct": 8},
            2_880_000,
            "Beløb = 12.000.000 kr. om året × 8 % × 3 år = 2.880.000 kr.",
        ),
    ],
    ids=["a-yearly-saving", "a-share-of-a-yearly-amount"],
)
def test_a_yearly_amount_over_several_years(args: dict[str, float], value: float, formula: str) -> None:
    r = run_calculator("over_years", args)
    assert r.value == pytest.approx(value)
    assert r.formula == formula


@pytest.mark.parametrize(
    ("before", "after", "change", "label"),
    [
        (12_500_000, 10_900_000, -12.8, "Ændring i procent (fald)"),
        (41_200_000, 52_750_000, 28.03, "Ændring i procent (stigning)"),
    ],
    ids=["fall", "rise"],
)
def test_the_change_in_percent_is_reckoned_from_the_first_amount(
    before: float, after: float, change: float, label: str
) -> None:
    r = run_calculator("percent_change", {"before": before, "after": after})
    assert r.value == pytest.approx(change, abs=0.01)
    assert r.label == label
