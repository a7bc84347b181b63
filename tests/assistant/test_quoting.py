"""A calculation cites the sentences that state its report defaults and method, not the passage's start."""

from __future__ import annotations

import pytest

from gevinst.assistant.quoting import QUOTE_CHARS, stating_quote
from gevinst.calculators.base import Assumption

PAGE = (
    "Endelig kan der måles markante produktivitetseffekter. I Københavns Kommune styres efter KPI er. "
    "Pension udgør 17 % af lønnen, og overhead er 120.000 kr. pr. årsværk. Realisering sker over tre år. "
    "Besparelsen beregnes som procenter af det oprindelige udgangspunkt, der lægges til år for år."
)


def _default(value: float | str) -> Assumption:
    return Assumption("x", "x", value, "", "rapport", "doc", 22)


CASES = {
    "default values": ([_default(17.0), _default(120000.0)], "Pension udgør 17 %"),
    "a method by its words": (
        [_default("procenter lægges til på det oprindelige udgangspunkt")],
        "Besparelsen beregnes",
    ),
    "nothing stated: the start": ([_default(99.0)], "Endelig kan der"),
}


@pytest.mark.parametrize(("assumptions", "opening"), CASES.values(), ids=CASES.keys())
def test_the_quote_opens_on_the_stating_sentence(assumptions: list[Assumption], opening: str) -> None:
    quote = stating_quote(PAGE, assumptions)
    assert quote.startswith(opening) and len(quote) <= QUOTE_CHARS
