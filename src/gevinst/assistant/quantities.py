"""The numbers a question states, each with its unit kind, the noun it counts and the words around it."""

from __future__ import annotations

import re

from gevinst.assistant import lexicon
from gevinst.assistant.query import QuantityMention, UnitKind
from gevinst.danish_numbers import find_quantities

_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w-]*)")
_RANGE = re.compile(r"^\s*(?:-|–|—|til|to)\s*$", re.IGNORECASE)
_SIGN = re.compile(r"(?:^|[\s(])([-−])\s?$")


def _unit_of(kind: str, value: float, noun: str, before: str) -> UnitKind:
    if kind == "percent":
        return UnitKind.PERCENT
    if kind == "amount":
        return UnitKind.AMOUNT
    unit = lexicon.unit_noun(noun)
    if unit is not None:
        return unit
    if value.is_integer() and 1900 <= value <= 2100 and not noun.startswith(("kr", "dkk")):
        return UnitKind.YEAR
    return UnitKind.COUNT


def is_negated(before: str) -> bool:
    """A minus sign written right before a number («-2 mio. kr.», «(-12 årsværk»), not a range's dash (1-2 år)
    nor a hyphen inside a word."""
    return bool(_SIGN.search(before))


def read_quantities(text: str) -> tuple[QuantityMention, ...]:
    """«120-150 mio. kr.» is one mention with `high`; a leading minus sign is kept («-2 mio. kr.»)."""
    low = text.lower()
    found = find_quantities(text)
    out: list[QuantityMention] = []
    skip = -1
    for i, q in enumerate(found):
        if i == skip:
            continue
        high = None
        end = q.end
        if i + 1 < len(found) and _RANGE.match(text[q.end : found[i + 1].start]) and found[i + 1].kind == q.kind:
            high, end, skip = found[i + 1].value, found[i + 1].end, i + 1
        before = low[max(0, q.start - 60) : q.start]
        value = -q.value if is_negated(before) else q.value
        m = _NEXT_WORD.match(low, end)
        noun = m.group(1) if m else ""
        out.append(
            QuantityMention(
                value,
                _unit_of(q.kind, q.value, noun, before),
                text[q.start : end],
                q.start,
                end,
                noun,
                before,
                low[end : end + 40],
                high,
            )
        )
    return tuple(out)
