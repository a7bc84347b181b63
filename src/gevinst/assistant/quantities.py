"""The numbers a question states, each with its unit kind, the noun it counts and the words around it."""

from __future__ import annotations

import re

from gevinst.assistant import lexicon
from gevinst.assistant.query import QuantityMention, UnitKind
from gevinst.danish_numbers import find_quantities

_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w-]*)(?:\s+([^\W\d_][\w-]*))?")
_RANGE = re.compile(r"^\s*(?:-|–|—|til|to)\s*$", re.IGNORECASE)
_FROM = re.compile(r"(?<![\wæøå])(?:fra|from)\s*$")
_SIGN = re.compile(r"(?:^|[\s(])([-−])\s?$")


def _unit_of(kind: str, value: float, noun: str, before: str, second: str = "", bare: bool = False) -> UnitKind:
    if bare and lexicon.labels_number(before):  # «i år 1 og 5 %»: the 1 names a year even when a unit follows
        return UnitKind.LABEL
    if kind == "percent":
        return UnitKind.PERCENT
    if kind == "amount":
        return UnitKind.AMOUNT
    unit = lexicon.unit_noun(noun) or (lexicon.unit_noun(second) if second else None)  # «1.400 effektive timer»
    if unit is not None:
        return unit
    if kind == "plain" and lexicon.labels_number(before):
        return UnitKind.LABEL
    if value.is_integer() and 1900 <= value <= 2100 and not noun.startswith(("kr", "dkk")):
        return UnitKind.YEAR
    return UnitKind.COUNT


def is_negated(before: str) -> bool:
    """A minus sign written right before a number («-2 mio. kr.», «(-12 årsværk»), not a range's dash (1-2 år)
    nor a hyphen inside a word."""
    return bool(_SIGN.search(before))


def read_quantities(text: str, english: bool = False) -> tuple[QuantityMention, ...]:
    """«120-150 mio. kr.» is one mention with `high`; a leading minus sign is kept («-2 mio. kr.»)."""
    low = text.lower()
    found = find_quantities(text, english)
    out: list[QuantityMention] = []
    skip = -1
    for i, q in enumerate(found):
        if i == skip:
            continue
        high = None
        end = q.end
        before = low[max(0, q.start - 60) : q.start]
        joined = _RANGE.match(text[q.end : found[i + 1].start]) if i + 1 < len(found) else None
        if joined and found[i + 1].kind == q.kind and not _FROM.search(before):  # «fra 35 % til 70 %» is a change
            high, end, skip = found[i + 1].value, found[i + 1].end, i + 1
        value = -q.value if is_negated(before) else q.value
        m = _NEXT_WORD.match(low, end)
        noun, second = (m.group(1), m.group(2) or "") if m else ("", "")
        out.append(
            QuantityMention(
                value,
                _unit_of(q.kind, q.value, noun, before, second, bare=text[q.start : q.end].strip().isdigit()),
                text[q.start : end],
                q.start,
                end,
                noun,
                before,
                low[end : end + 40],
                high,
            )
        )
    out += _number_words(text, english, {q.start for q in out})
    return tuple(sorted(out, key=lambda q: q.start))


def _number_words(text: str, english: bool, taken: set[int]) -> list[QuantityMention]:
    """«i tre år», «two years»: a small number written as a word, when a unit noun follows it."""
    low = text.lower()
    out = []
    for m in re.finditer(r"(?<![\wæøå])([a-zæøå]+)(?=\s+([a-zæøå-]+)(?:\s+([a-zæøå-]+))?)", low):
        value = lexicon.number_word(m.group(1), english)
        unit = lexicon.unit_noun(m.group(2)) or (lexicon.unit_noun(m.group(3)) if m.group(3) else None)
        if value is None or unit is None or m.start() in taken:
            continue
        before = low[max(0, m.start() - 60) : m.start()]
        end = m.end(1)
        out.append(
            QuantityMention(
                float(value), unit, text[m.start(1) : end], m.start(1), end, m.group(2), before, low[end : end + 40]
            )
        )
    return out
