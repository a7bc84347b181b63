"""What a figure question asks its figure as: the unit or the thing a «hvor mange …» / «Hvad var antallet af …»
question counts, and the unit it names («i kroner», «i årsværk»)."""

from __future__ import annotations

import re
from functools import cache

from gevinst.assistant import glossary, lexicon
from gevinst.assistant.query import Language, UnitKind
from gevinst.index import textnorm


def word_group(words: str) -> tuple[str, ...]:
    """The index tokens of words, without digits and generic words: one group of a question's terms."""
    generic = lexicon.generic_terms()
    return tuple(
        t for t in dict.fromkeys(textnorm.tokens(words)) if not t.isdigit() and t != "pct" and t not in generic
    )


# «Hvad var antallet af netværksmøder …?» asks what «Hvor mange netværksmøder …?» asks; not «antallet af» inside
# a question about something else («korrigeret for antallet af sager», «nedbringe antallet af …»)
_NUMBER_OF = (
    r"(?:hvad|hvor stort) (?:er|var|bliver|blev) (?:det (?:samlede|totale|årlige) )?antallet af"
    r"|what (?:is|was|will be) the (?:total |annual )?number of"
)
_HOW_MANY = re.compile(rf"\b(?:hvor mange|how many|{_NUMBER_OF})\s+([\wæøå-]+)(?:\s+([\wæøå-]+))?", re.IGNORECASE)


# «… i kroner», «… in DKK»: the unit a figure is asked in (not «i år», this year).
_IN_UNIT = re.compile(r"\b(?:i|in|målt i|opgjort i|measured in)\s+([\wæøå²³€$]+)(?:\s+([\wæøå]+))?", re.IGNORECASE)


# «Med hvilken kalkulationsrente …?», "What share …": the noun a «hvilken» asks for
_WHICH = re.compile(r"\b(?:hvilken|hvilket|which|what)\s+([\wæøå-]+)", re.IGNORECASE)


def how_many(text: str, language: Language) -> tuple[str | None, tuple[str, ...]]:
    """The unit a «hvor mange …» question names (when its noun is a unit other than a count) and the index
    tokens of that noun; else the unit it asks its figure in («i kroner»), or a percentage when it asks which
    rate or share («Hvilken rente …?»)."""
    m = _HOW_MANY.search(text)
    if m is None:
        return _in_unit(text) or _which_rate(text), ()
    noun = m.group(1).lower()
    if noun in lexicon.word_set("measure_nouns"):
        return None, ()
    measure = _measure_named(m.group(1), m.group(2))
    # the word after it too: the noun when the first is an adjective («how many acute hospitals», «hvor mange
    # nye stillinger»); a verb after the noun adds tokens no number stands before. Not after a word that is no
    # noun: «hvor mange af borgerne» asks a share, «hvor mange skal jobcentret …» asks a number of anything.
    groups = [word_group((glossary.danish_for(w) or w) if language is Language.EN else w) for w in m.groups() if w]
    second = (
        groups[1] if len(groups) > 1 and groups[0] and m.group(2).lower() not in lexicon.word_set("per_words") else ()
    )
    counted = tuple(dict.fromkeys(groups[0] + second + _same_things(groups[0])))
    if measure is not None:  # «hvor mange ton», «how many square metres», «hvor mange euro»
        return measure, counted
    if noun.rstrip(".") in lexicon.word_set("money_nouns"):
        return UnitKind.AMOUNT.value, counted
    if noun in lexicon.word_set("percent_nouns"):  # «hvor mange procent» is answered by a share, not «5-10 år»
        return UnitKind.PERCENT.value, counted
    if noun in lexicon.word_set("duration_nouns"):  # «hvor mange uger», «how many months»: a span of time
        return "duration", counted
    unit = lexicon.unit_noun(noun)
    return (unit.value if unit is not None and unit is not UnitKind.COUNT else None), counted


def _same_things(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The index tokens of the words that count the same things («job» — «arbejdspladser», «stillinger»)."""
    return tuple(t for group in _same_count() if set(group) & set(tokens) for t in group)


@cache
def _same_count() -> list[tuple[str, ...]]:
    return [tuple(t for w in group for t in textnorm.tokens(w)) for group in lexicon.lexicon_data()["same_count"]]


def names_unit(text: str) -> bool:
    """The question names the unit it asks its figure in («i kroner», «i euro», «i årsværk», «målt i timer»), or
    asks which rate («Med hvilken rente …?»)."""
    return _which_rate(text) is not None or any(
        m.group(1).lower() in lexicon.word_set("money_nouns")
        or lexicon.unit_noun(m.group(1)) is not None
        or _measure_named(m.group(1), m.group(2)) is not None
        for m in _IN_UNIT.finditer(text)
    )


def _measure_named(word: str, following: str | None) -> str | None:
    """The unit of measure a word names, or it and the word after it («square metres»)."""
    two = lexicon.measure_unit(f"{word} {following}") if following else None
    return two or lexicon.measure_unit(word)


def _in_unit(text: str) -> str | None:
    for m in _IN_UNIT.finditer(text):
        noun = m.group(1).lower()
        measure = _measure_named(m.group(1), m.group(2))
        if measure is not None:  # «i ton», «in square metres», «i euro»
            return measure
        if noun in lexicon.word_set("money_nouns"):
            return UnitKind.AMOUNT.value
        unit = lexicon.unit_noun(noun)
        if unit in (UnitKind.HOURS, UnitKind.MINUTES):  # not «i årsværk»: a share of them answers it too
            return unit.value
    return None


def _which_rate(text: str) -> str | None:
    rates = lexicon.word_set("rate_nouns")
    asked = (m.group(1).lower() for m in _WHICH.finditer(text))
    return UnitKind.PERCENT.value if any(w in rates or lexicon.compound_head(w, rates) for w in asked) else None


def asks_number_of(text: str) -> bool:
    """«Hvad var antallet af X …?», «What is the number of X …?»: asked as «Hvor mange X …?» is."""
    return bool(re.search(rf"\b(?:{_NUMBER_OF})\s", text, re.IGNORECASE))


# «Hvor mange af de ca. 230 arbejdspladser …?», «Hvor stor en del af potentialet på 290 mio. kr. …?», "How many of the
# 40 …": a part of a whole the question states
_PART_OF = re.compile(
    r"\b(?:hvor mange|hvor stor en (?:del|andel)|hvor stor del|how many|what (?:share|part|proportion)|how much)"
    r"\s+(?:af|of)\b",
    re.IGNORECASE,
)


def asks_part_of_stated_whole(text: str) -> bool:
    """The question asks a part of something it states a figure for: that figure is the whole, not the answer."""
    return bool(_PART_OF.search(text))
