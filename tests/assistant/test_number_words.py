"""Numbers written in words: a table of phrases → (value, kind) as a reader reads them."""

from __future__ import annotations

import pytest

from gevinst.assistant.number_words import find_number_words

CASES = [
    # id, text, english, [(value, kind), ...]
    ("compound-tens", "femogtyve procent", False, [(25, "percent")]),
    ("hundred-and", "to hundrede og tyve åbne sager", False, [(220, "plain")]),
    ("bare-hundred", "hundrede og tres timer", False, [(160, "plain")]),
    ("thousand-hundred", "tre tusind fem hundrede sager", False, [(3500, "plain")]),
    ("thousands", "femogtyve tusind breve", False, [(25000, "plain")]),
    ("million-is-amount", "femogfyrre millioner kroner", False, [(45e6, "amount")]),
    ("one-and-a-half", "halvanden million", False, [(1.5e6, "amount")]),
    ("quarter", "en kvart million", False, [(250_000, "amount")]),
    ("three-and-a-half", "tre en halv million", False, [(3.5e6, "amount")]),
    ("two-and-a-half", "to og en halv million", False, [(2.5e6, "amount")]),
    ("millions-and-thousands", "to millioner otte hundrede tusind", False, [(2.8e6, "amount")]),
    ("half-billion", "en halv milliard i lønsum", False, [(5e8, "amount")]),
    ("one-million", "til en million kroner stykket", False, [(1e6, "amount")]),
    ("kroner", "seksten kroner", False, [(16, "amount")]),
    ("pct", "syv pct. af indkøbet", False, [(7, "percent")]),
    ("percent-genitive", "fyrre procents effektivisering", False, [(40, "percent")]),
    # a decimal said in words
    ("decimal-komma", "to komma fire millioner", False, [(2.4e6, "amount")]),
    ("decimal-komma-percent", "tre komma fem procent", False, [(3.5, "percent")]),
    ("decimal-point", "two point five million", True, [(2.5e6, "amount")]),
    ("komma-alone-is-no-decimal", "to, komma og fire", False, [(2, "plain"), (4, "plain")]),
    ("fractions", "halvdelen af tiden og en fjerdedel", False, [(50, "percent"), (25, "percent")]),
    ("three-quarters", "tre fjerdedele", False, [(75, "percent")]),
    ("article-is-not-one", "et budget på", False, []),
    ("millions-alone-are-no-figure", "hvor mange millioner kroner", False, []),
    ("two-numbers", "fem og tre procent", False, [(5, "plain"), (3, "percent")]),
    ("sentence-end-splits", "hundrede. Tre", False, [(100, "plain"), (3, "plain")]),
    ("en-hyphenated", "twenty-five percent", True, [(25, "percent")]),
    ("en-half-a-million", "half a million", True, [(5e5, "amount")]),
    ("en-hundred-and", "two hundred and twenty cases", True, [(220, "plain")]),
    ("en-thirds", "two thirds of the time", True, [(200 / 3, "percent")]),
    ("en-article", "a year", True, []),
    ("en-to-is-a-preposition", "move to e-commerce", True, []),
    # one in N: «hver anden», «hvert fjerde», «en ud af ti», «every other», «one in ten»; not how often
    ("every-second", "hver anden sag", False, [(50, "percent")]),
    ("every-fourth-neuter", "hvert fjerde barn", False, [(25, "percent")]),
    ("one-out-of", "en ud af ti borgere", False, [(10, "percent")]),
    ("twentieth", "en tyvendedel", False, [(5, "percent")]),
    ("every-other-week-is-how-often", "hver anden uge", False, []),
    ("en-every-other", "every other case", True, [(50, "percent")]),
    ("en-one-in", "one in ten placements", True, [(10, "percent")]),
    ("one-and-a-half-neuter", "halvandet minut", False, [(1.5, "plain")]),
    # a span of years written as one adjective: the number word is read, the span is its unit noun
    ("span-adjective", "en fireårig budgetperiode", False, [(4, "plain")]),
    ("span-adjective-plural", "treårige kontrakter", False, [(3, "plain")]),
    ("span-adjective-compound-number", "en femogtyveårig periode", False, [(25, "plain")]),
    ("an-adjective-that-is-no-number", "en langvarig periode og en mangeårig indsats", False, []),
]


@pytest.mark.parametrize(("text", "english", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_number_phrases(text: str, english: bool, expected: list[tuple[float, str]]) -> None:
    got = [(q.value, q.kind) for q in find_number_words(text, english)]
    assert len(got) == len(expected)
    assert all(k == ek and v == pytest.approx(ev, rel=1e-3) for (v, k), (ev, ek) in zip(got, expected, strict=True))
