"""Which amount a figure is: a saving, a price or an extra cost, and which budget year a label names
(«B18», «B2020», «budget 2020»). A question asking one kind is not answered by a sentence stating another,
however well the sentence matches the question's topic."""

from __future__ import annotations

import re

from gevinst.assistant.lexicon import lexicon_data
from gevinst.assistant.query import Amount


def amount_asked(text: str, price: bool) -> Amount | None:
    """The amount a question asks (`price`: it asks what something costs, question_cues.asks_price); None
    when it asks both or neither («hvad koster det, og hvad sparer det»)."""
    words = set(re.findall(r"[\wæøå]+", text.lower()))
    saving = bool(words & frozenset(lexicon_data()["amount_kinds"]["asked_saving"]))
    if saving == price:
        return None
    return Amount.SAVING if saving else Amount.PRICE


def _names(sentence: str, key: str) -> bool:
    low = sentence.lower()
    return any(part in low for part in lexicon_data()["amount_kinds"][key])


def states_other_amount(asked: Amount | None, sentence: str) -> bool:
    """The sentence states another amount than the one asked: a saving and no price or cost when a price is
    asked; an extra cost («merudgifter») and no saving when a saving is asked."""
    if asked is Amount.PRICE:
        return _names(sentence, "saving") and not _names(sentence, "cost")
    if asked is Amount.SAVING:
        return _names(sentence, "extra_cost") and not _names(sentence, "saving")
    return False


# «budget 2020», «budgetåret 2020», «B2020», «B18»: a budget year written as a label
_BUDGET_LABEL = re.compile(r"\b(?:budget(?:året|år)?\s+(\d{4})|B(\d{4}|\d{2}))\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# «2010-2012», «2010–12», «2015/16»: every year from the first to the last
_YEARS = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?:\s?[-–/]\s?((?:19|20)?\d\d))?(?![\d.,]\d)")


def years_named(text: str) -> frozenset[str]:
    """The calendar years a text names, a span counting every year in it."""
    years: set[int] = set()
    for m in _YEARS.finditer(text):
        first = int(m.group(1))
        last = int(m.group(2)) if m.group(2) and len(m.group(2)) == 4 else first // 100 * 100 + int(m.group(2) or 0)
        years.update(range(first, last + 1) if first < last <= first + 30 else (first,))
    return frozenset(map(str, years))


def other_year(asked: tuple[str, ...], sentence: str) -> bool:
    """The question asks about a year and the sentence stating its figure names years, but not that one: «Hvad
    sparede de i 2016?» is not answered by «… i 2014 … besparelser på 175 mio. kr.»."""
    named = years_named(sentence)
    return bool(asked) and bool(named) and not set(asked) & named


def budget_years(text: str) -> tuple[str, ...]:
    """The budget years a text names by label, as four-digit years («B18» → "2018")."""
    found = (m.group(1) or m.group(2) for m in _BUDGET_LABEL.finditer(text))
    return tuple(dict.fromkeys(y if len(y) == 4 else f"20{y}" for y in found))


def other_budget_year(asked: tuple[str, ...], sentence: str) -> bool:
    """The question asks about a budget year («budget 2020») and the sentence names budget years by label but
    not that one («… 5 % i B18 ift. B14»): its figure is another year's."""
    labelled = budget_years(sentence)
    if not asked or not labelled:
        return False
    named = set(labelled) | set(_YEAR.findall(sentence))
    return not set(asked) <= named
