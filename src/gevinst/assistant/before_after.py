"""A time per task stated as it is now and as it will be («Opgaven tager 2 timer i dag og 1,5 time fremover»,
"takes 50 minutes today and will take 35 minutes"): one saving in minutes, as «fra 45 til 30 minutter» is.
Used by quantities.py."""

from __future__ import annotations

import re
from dataclasses import replace

from gevinst.assistant.query import QuantityMention, UnitKind

# Words between the two times that say the first is how it is and the second how it will be.
_NOW_THEN = re.compile(
    r"(?<![\wæøå])(?:i dag|nu|today|now|currently|at present)(?![\wæøå]).*?(?<![\wæøå])"
    r"(?:fremover|fremadrettet|i fremtiden|bagefter|efter|med det nye|med den nye|will|with the new|in future|"
    r"afterwards|after)(?![\wæøå])",
    re.IGNORECASE | re.DOTALL,
)
_TIMES = (UnitKind.MINUTES, UnitKind.HOURS)
_LONGEST = 120  # characters between the two times: one statement, not two questions


def time_drops(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """Two times in a row, the first «i dag» and the second «fremover», are the minutes saved per task."""
    out: list[QuantityMention] = []
    skip = False
    for n, q in enumerate(found):
        if skip:
            skip = False
            continue
        nxt = found[n + 1] if n + 1 < len(found) else None
        if _pair(q, nxt) and nxt is not None:
            first, second = in_minutes(q.value, q.unit), in_minutes(nxt.value, nxt.unit)
            said = text[max(0, q.start - 20) : nxt.end + 25]  # «tager i dag 45 minutter, med den nye 30 minutter»
            if first > second and _NOW_THEN.search(said):
                drop = first - second
                # a time saved: no longer what the task takes («tager i dag …», which the words before it say)
                saved = replace(q, value=drop, unit=UnitKind.MINUTES, text=text[q.start : nxt.end], end=nxt.end)
                out.append(replace(saved, before="", after=nxt.after))
                skip = True
                continue
        out.append(q)
    return out


def _pair(q: QuantityMention, nxt: QuantityMention | None) -> bool:
    """Two times per task close together; a time per week or month is a team's hours, not a task's."""
    times = nxt is not None and q.unit in _TIMES and nxt.unit in _TIMES and q.per is None and nxt.per is None
    return times and nxt is not None and nxt.start - q.end <= _LONGEST


def in_minutes(value: float, unit: UnitKind | None) -> float:
    """A time in minutes: an hour counts sixty (a time said in minutes, or with no unit of time, as it is)."""
    return value * 60 if unit is UnitKind.HOURS else value
