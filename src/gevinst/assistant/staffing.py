"""Hours stated per head: «seks medarbejdere på 37 timer og én på 30 timer om ugen» are 6 × 37 + 30 = 252 hours
in all. Read for an input that takes a team's total hours (`Input.per_head`). Used by filling.py."""

from __future__ import annotations

import re

from gevinst.assistant.number_words import small_number
from gevinst.assistant.query import QuantityMention, UnitKind

_WORD = re.compile(r"[\wæøå.,-]+")
_ON = {"på", "à", "with", "at", "working", "on"}  # «seks medarbejdere på 37 timer», «five caseworkers at 37 hours»
_ONE = {"én", "ét", "en", "et", "one"}  # «… og én på 30 timer»: one person, written as the article


def staff_hours(
    figures: tuple[QuantityMention, ...], used: set[int], english: bool = False
) -> tuple[float, set[int]] | None:
    """The total hours of a team stated per head, and the figures it takes; None unless some hours figure has
    a head count of two or more before it (a single «37 timer» is a full-time week, not a team)."""
    total, taken, team = 0.0, set[int](), False
    for n, q in enumerate(figures):
        if q.unit is not UnitKind.HOURS or n in used:
            continue
        words = _WORD.findall(q.before)
        if not words or words[-1] not in _ON:
            continue
        # the head count right before «på», or before the noun it counts
        heads, at = next(
            (h for w in words[-3:-1][::-1] if (h := _heads(w, figures, n, english))[0] is not None), (None, set())
        )
        if heads is None:
            continue
        total, taken, team = total + heads * q.value, taken | at | {n}, team or heads >= 2
    return (total, taken) if team else None


def _heads(low: str, figures: tuple[QuantityMention, ...], n: int, english: bool) -> tuple[float | None, set[int]]:
    """The head count a word before the hours states: a figure in digits right before, a number word, or «én»."""
    prev = figures[n - 1] if n else None
    if prev is not None and prev.unit in (UnitKind.FTE, UnitKind.COUNT) and prev.text.lower() == low:
        return prev.value, {n - 1}
    if low in _ONE:
        return 1.0, set()
    value = small_number(low, english)
    return (float(value), set()) if value is not None else (None, set())
