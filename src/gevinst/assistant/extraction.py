"""Parameters for the calculators, read from a question as a manager writes it, in Danish or English.

Each reader looks for a number with its unit and the words around it («12 årsværk», «månedsløn på 30.000
kr.», «40 %», «en investering på 306 mio. kr.», «sparer 38 mio. kr. om året», «over 3 år»)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gevinst.assistant.quantities import is_negated
from gevinst.danish_numbers import Quantity, find_quantities


@dataclass(frozen=True)
class Found:
    q: Quantity
    before: str  # up to 60 characters before the number, lower case
    after: str  # up to 40 characters after it


def quantities(text: str) -> list[Found]:
    """Signed: a calculator refuses «-2 mio. kr.» where it needs a positive figure, instead of reading 2 mio."""
    low = text.lower()
    out = []
    for q in find_quantities(text):
        before = low[max(0, q.start - 60) : q.start]
        out.append(Found(replace(q, value=-q.value) if is_negated(before) else q, before, low[q.end : q.end + 40]))
    return out


def _near(f: Found, words: str, before: bool = True, after: bool = True, span: int = 40) -> bool:
    pattern = re.compile(words)
    return bool((before and pattern.search(f.before[-span:])) or (after and pattern.search(f.after[:span])))


def take(found: list[Found], kind: str | None, words: str, **kw: object) -> Quantity | None:
    for f in found:
        if (kind is None or f.q.kind == kind) and _near(f, words, **kw):  # type: ignore[arg-type]
            return f.q
    return None


def fte(found: list[Found]) -> float | None:
    q = take(found, None, r"^\s*(?:årsværk|fuldtidsstillinger|medarbejdere|fte|full-time)", before=False)
    return q.value if q and q.kind != "percent" else None


def monthly_salary(found: list[Found]) -> float | None:
    q = take(found, "amount", r"månedsløn|monthly salary|løn på|salary of|om måneden|pr\. måned|a month")
    return q.value if q else None


def annual_cost_per_fte(found: list[Found]) -> float | None:
    q = take(found, "amount", r"årsværkspris|pr\. årsværk|per fte|årsværket koster|pris pr\. årsværk|årsløn")
    return q.value if q else None


def percent(found: list[Found], words: str, **kw: object) -> float | None:
    q = take(found, "percent", words, **kw)
    return q.value if q else None


def efficiency_pct(found: list[Found]) -> float | None:
    skip = r"pension|overhead|uden regelændring|kan hentes|realiser|diskont|rente|fejlvisit|andel"
    for f in found:
        if f.q.kind == "percent" and not _near(f, skip, span=50):
            return f.q.value
    return None


def years(text: str, words: str = r"over|i løbet af|indfas\w*|years|år til|within") -> int | None:
    m = re.search(rf"(?:{words})\D{{0,20}}?(\d+|to|tre|fire|fem|two|three|four|five) (?:år|years?)", text.lower())
    if not m:
        return None
    words_map = {"to": 2, "tre": 3, "fire": 4, "fem": 5, "two": 2, "three": 3, "four": 4, "five": 5}
    return words_map.get(m.group(1)) or int(m.group(1))


def amounts(found: list[Found]) -> list[Found]:
    return [f for f in found if f.q.kind == "amount"]


def investment(found: list[Found]) -> float | None:
    q = take(found, "amount", r"investering|investere|kost(?:ede|er|et)\b|anlæg|invest|costs?\b|cost of", after=False)
    return q.value if q else None


def annual_gains(found: list[Found], skip: float | None) -> float | None:
    """All yearly savings named in the question add up («25 mio. kr. … og 13 mio. kr. om året»)."""
    total, hit = 0.0, False
    for f in amounts(found):
        if skip is not None and f.q.value == skip:
            continue
        if _near(f, r"om året|årligt|årlig|pr\. år|a year|per year|annual|sparer|besparelse|saves?|saving"):
            total += f.q.value
            hit = True
    return total if hit else None


def plain_count(found: list[Found], words: str) -> float | None:
    for f in found:
        if f.q.kind == "plain" and _near(f, words, before=False, span=30):
            return f.q.value
    return None
