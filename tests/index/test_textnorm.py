"""Index tokens: the same on the index and the query side; function words are none, content words are."""

from __future__ import annotations

import pytest

from gevinst.index.textnorm import tokens

CASES = {
    "a content word whose stem is a function word («var»)": ("varigheden", ["var"]),
    "«møder» stems to «mod»": ("møder", ["mod"]),
    "«endelig» stems to «end»": ("endelig", ["end"]),
    "function words are no tokens": ("de var inden for og mens", []),
    "question words in every form": ("hvilke hvornår hvad", []),
    "kroner": ("kr.", []),
    "folded and stemmed": ("Kommunerne", ["kommun"]),
    "numbers written one way": ("2.003 og 40 %", ["2003", "40", "pct"]),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_tokens(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected
