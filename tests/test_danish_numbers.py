"""Reading quantities from Danish (and English) text: units shared across ranges and lists."""

from __future__ import annotations

import pytest

from gevinst.danish_numbers import find_quantities

CASES = [
    ("range-shares-unit", "15-25 %", False, [(15, "percent"), (25, "percent")]),
    ("list-shares-unit", "ned med 6, 4 og 2 pct. over tre år", False, [(6, "percent"), (4, "percent"), (2, "percent")]),
    ("year-before-comma-keeps-no-unit", "I 2015, 45 % af sagerne", False, [(2015, "plain"), (45, "percent")]),
    ("english-range-shares-scale", "DKK 3-4m", True, [(3e6, "amount"), (4e6, "amount")]),
    ("danish-range-shares-scale", "3-4 mio. kr.", False, [(3e6, "amount"), (4e6, "amount")]),
    # a year before «og» and a far smaller figure is no range or pair with it («3 % i 2027 og 2 % i 2028»)
    (
        "year-before-og-keeps-no-unit",
        "3 % i 2027 og 2 % i 2028",
        False,
        [(3, "percent"), (2027, "plain"), (2, "percent"), (2028, "plain")],
    ),
    (
        "year-before-og-no-scale",
        "i 2026 og 3 mio. kr. i 2027",
        False,
        [(2026, "plain"), (3e6, "amount"), (2027, "plain")],
    ),
    (
        "currency-before-the-number",
        "fra papir (kr. 120) til digital (DKK 30)",
        False,
        [(120, "amount"), (30, "amount")],
    ),
    ("a-range-of-four-digit-amounts", "2000-3000 kr.", False, [(2000, "amount"), (3000, "amount")]),
    # the genitive before a noun («40 procents effektivisering») is a percentage too
    ("percent-genitive", "40 procents effektivisering", False, [(40, "percent")]),
]


@pytest.mark.parametrize(("text", "english", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quantities_and_their_units(text: str, english: bool, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.kind) for q in find_quantities(text, english=english)] == expected
