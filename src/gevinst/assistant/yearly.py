"""Yearly percentages of a baseline as a question states them: one percentage repeated over a number of years
(«2 % om året i tre år», «… om året i 2018, 2019 og 2020»), a first year's percentage and one for the years after
it («10 % i år 1 og 5 % i hvert af de tre følgende år»), and a level reached rather than a further cut («5 % det
første år stigende til 10 % det næste»). Used by filling.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gevinst.assistant import lexicon
from gevinst.assistant.query import QuantityMention, Query, UnitKind
from gevinst.calculators import Period

_WORD = re.compile(r"[\wæøå]+")


@dataclass(frozen=True)
class Years:
    """How many years the question's percentages run over."""

    count: int
    following: bool  # the years after the first («de tre følgende år»), not all of them
    used: frozenset[int]  # the indexes of the figures that state them
    yearly: bool  # one percentage stated per year («2 % om året») repeated over them: a yearly cut by definition


def stated_years(query: Query, used: set[int], pcts: list[QuantityMention]) -> Years | None:
    """«i tre år», «i hvert af de to følgende år»; else, for one percentage stated per year, the calendar years
    named after it («om året i 2018, 2019 og 2020»)."""
    yearly = len(pcts) == 1 and pcts[0].per is Period.YEAR
    for n, q in enumerate(query.figures):
        if n not in used and q.unit is UnitKind.YEARS and q.value.is_integer() and 1 < q.value <= 30:
            beside = set(_WORD.findall(q.before)[-2:] + _WORD.findall(q.after)[:1])
            return Years(int(q.value), bool(beside & lexicon.word_set("following_years")), frozenset({n}), yearly)
    if not yearly:
        return None
    named = {
        y
        for q in query.quantities
        if q.unit is UnitKind.YEAR and q.start > pcts[0].start
        for y in range(int(q.value), int(q.high if q.high is not None else q.value) + 1)
    }
    return Years(len(named), False, frozenset(), True) if 1 < len(named) <= 30 else None


def speaks_of_years(query: Query) -> bool:
    """The question speaks of years: a year word («om året», «i år 1», «over fire år») or a calendar year."""
    words = set(_WORD.findall(query.text.lower()))
    return bool(words & lexicon.word_set("year_words")) or any(q.unit is UnitKind.YEAR for q in query.quantities)


def weeks_in_year(query: Query) -> tuple[dict[Period, float], set[int]]:
    """The working weeks a question gives its year («40 sager om ugen i 46 arbejdsuger», «in 46 weeks»), when
    it states a figure per week, and the index of the figure that says so."""
    weekly = any(q.per is Period.WEEK for q in query.figures)
    weeks = lexicon.word_set("week_nouns")
    for n, q in enumerate(query.figures):
        noun = q.noun.lower()
        named = noun in weeks or lexicon.compound_head(noun, weeks)
        if weekly and q.unit is UnitKind.COUNT and 1 <= q.value <= 52 and named:
            return {Period.WEEK: q.value}, {n}
    return {}, set()


def one_year_each(query: Query, pcts: list[QuantityMention]) -> bool:
    """Each percentage is followed by a calendar year of its own, later each time («6 % i 2025, 5 % i 2026 og 4 %
    i 2027»): a cut planned year by year."""
    years = [q for q in query.quantities if q.unit is UnitKind.YEAR]
    found = []
    for k, p in enumerate(pcts):
        stop = pcts[k + 1].start if k + 1 < len(pcts) else len(query.text)
        found.append(next((q.value for q in years if p.end <= q.start < stop), None))
    dated = [y for y in found if y is not None]
    return len(pcts) > 1 and len(dated) == len(pcts) and all(b > a for a, b in zip(dated, dated[1:]))


def increments(pcts: list[float], figures: list[QuantityMention], text: str) -> list[float]:
    """A percentage the cut rises to («5 % … stigende til 10 %») is a level: the year adds the difference."""
    out, level = pcts[:1], sum(pcts[:1])
    for k in range(1, len(pcts)):
        between = text[figures[k - 1].end : figures[k].start].lower()
        rise = pcts[k] - level if lexicon.rising_to().search(between) else pcts[k]
        out.append(rise if rise > 0 else pcts[k])
        level += out[-1]
    return out


def spread(pcts: list[float], years: Years | None) -> list[float]:
    """One percentage for N years repeats; a first-year percentage and a second for «the N following years» is
    the first plus N of the second, and for N years in all the first plus N − 1."""
    if years is None or len(pcts) > 2:
        return pcts
    if len(pcts) == 1:
        return pcts * years.count
    rest = years.count if years.following else years.count - 1
    return [pcts[0], *[pcts[1]] * max(rest, 1)]
