"""Numbers as a Danish reader reads them: parsing, formatting and matching by value.

Shared by the answerer (which numbers a passage states), the number guard and the evaluation scorers, so
that "2,5 mio. kr." and "2.500.000 kr." are the same amount everywhere and "40 %" never equals "40 kr.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

_NUM = (
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # Danish with thousands dots: 1.234.567,5
    r"|\d{1,3}(?:,\d{3})+\.\d+"  # English with both: 1,234.5
    r"|\d+,\d+"  # Danish decimal: 2,5
    r"|\d+\.\d{1,2}(?!\d)"  # English decimal: 2.5, 13.8
    r"|\d+)"
)
_PERCENT = r"(?P<pct>%|pct\.?|procents?\b|percent\b|per cent\b)"
_SCALE = (
    r"(?P<scale>mio\.?|millioner\b|million(?:s)?\b|mill\.|mia\.?|milliarder\b|milliard\b|billion(?:s)?\b"
    r"|t\.\s?kr\.?|tkr\.?|tusind\b|thousand\b)"
)
_CURRENCY = r"(?P<{name}>kr\.?|kroner\b|DKK\b)"
_QUANTITY = re.compile(  # «kr. 120» and «DKK 30» put the currency first
    rf"(?:(?P<pre>DKK|kr\.?)\s?)?(?<![\w.,\[])(?P<num>{_NUM})(?![\d\]])"
    rf"(?:\s?{_PERCENT}|\s?{_SCALE}(?:\s?{_CURRENCY.format(name='cur')})?|\s?{_CURRENCY.format(name='cur2')})?",
    re.IGNORECASE,
)
# English questions write «31,000», «26.3 million», «DKK 4.2m», «DKK 1.5bn».
_NUM_EN = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)"
_SCALE_EN = r"(?P<scale>m\b|mn\b|bn\b|k\b|million(?:s)?\b|billion(?:s)?\b|thousand\b|mio\.?|mia\.?)"
_QUANTITY_EN = re.compile(
    rf"(?:(?P<pre>DKK|kr\.?)\s?)?(?<![\w.,\[])(?P<num>{_NUM_EN})(?![\d\]])"
    rf"(?:\s?{_PERCENT}|\s?{_SCALE_EN}(?:\s?{_CURRENCY.format(name='cur')})?|\s?{_CURRENCY.format(name='cur2')})?",
    re.IGNORECASE,
)
# Joins a bare number to the next one so that it shares its unit: a range (15-25 %), a pair (5 og 10 %), a
# series (10/5/5 pct.) or a change (35 → 70 pct.).
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|til|to|og|and|/|→|->)\s*$", re.IGNORECASE)
_LIST_JOIN = re.compile(r"^\s*(?:og|and)\s*$", re.IGNORECASE)
_DASH_JOIN = re.compile(r"^\s*(?:-|–|—|til|to)\s*$", re.IGNORECASE)
_COMMA = re.compile(r"^\s*,\s*$")
_SCALES = {
    "mio": 1e6,
    "mil": 1e6,
    "mia": 1e9,
    "bil": 1e9,
    "t": 1e3,
    "tk": 1e3,
    "tu": 1e3,
    "th": 1e3,
    "bn": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
}


@dataclass(frozen=True)
class Quantity:
    value: float
    kind: str  # percent | amount | plain
    text: str
    start: int
    end: int
    resolution: float  # value of one unit in the last written digit, after scaling
    currency: bool = False  # written with kroner («kr.», «DKK»), not only a scale («5,8 mio. indbyggere»)

    def matches(self, other: Quantity) -> bool:
        """Does `other` (found in an answer) state this expected quantity?"""
        if (self.kind == "percent") != (other.kind == "percent"):
            return False
        diff = abs(self.value - other.value)
        return diff <= 0.005 * abs(self.value) + 1e-9 or diff <= self.resolution / 2 + 1e-9


def parse_number(token: str) -> tuple[float, float]:
    """Value and resolution (one unit of the last digit) of a bare number token."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        token = token.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", token):
        token = token.replace(",", "")
    else:
        token = token.replace(",", ".")
    decimals = len(token.split(".")[1]) if "." in token else 0
    return float(token), 10.0**-decimals


def _scale_of(word: str | None) -> float:
    if not word:
        return 1.0
    w = word.lower().replace(" ", "")
    for prefix in ("mio", "mia", "mil", "bil", "tk", "tu", "th", "t", "bn", "mn", "m", "k"):
        if w.startswith(prefix):
            if prefix == "mil" and w.startswith("milliard"):
                return 1e9
            return _SCALES[prefix]
    return 1.0


@dataclass(frozen=True)
class _Match:
    """One number as found, before its unit is settled: a bare range end may still take its neighbour's unit."""

    match: re.Match[str]
    value: float
    resolution: float
    pct: str | None
    scale: str | None
    currency: str | None

    def has_unit(self) -> bool:
        return bool(self.pct or self.scale or self.currency)


def _year_before_smaller(cur: _Match, nxt: _Match) -> bool:
    """«3 % i 2027 og 2 % i 2028»: a year written as four bare digits is no end of a range or a pair with a
    figure a tenth its size or less («2000-3000 kr.» still is one)."""
    year = cur.match.group("num").isdigit() and 1900 <= cur.value <= 2100
    return year and nxt.value * 10 <= cur.value


def _share_units(raw: list[_Match], text: str) -> None:
    """A bare number joined by a dash/"til"/"og" to a number with a unit takes that unit (15-25 %); in a list
    the commas join too («6, 4 og 2 pct.»); a range's scale reaches a low end with only a currency («DKK 3-4m»)."""
    listed: set[int] = set()  # numbers that took their unit through «og»/«and»/a comma: a list
    for i in range(len(raw) - 2, -1, -1):
        cur, nxt = raw[i], raw[i + 1]
        between = text[cur.match.end() : nxt.match.start()]
        if cur.has_unit():
            # not to a low end written out in full: «DKK 800,000 to DKK 1.1 million» is no 800,000 million
            low_end = cur.value < 1000
            if cur.currency and not cur.scale and not cur.pct and nxt.scale and low_end and _DASH_JOIN.match(between):
                raw[i] = replace(cur, scale=nxt.scale)
            continue
        if not nxt.has_unit() or _year_before_smaller(cur, nxt):
            continue
        if _RANGE_JOIN.match(between):
            raw[i] = replace(cur, pct=nxt.pct, scale=nxt.scale, currency=nxt.currency)
            if _LIST_JOIN.match(between):
                listed.add(i)
        elif _COMMA.match(between) and i + 1 in listed:
            raw[i] = replace(cur, pct=nxt.pct, scale=nxt.scale, currency=nxt.currency)
            listed.add(i)


def find_quantities(text: str, english: bool = False) -> list[Quantity]:
    """Every number in `text` with its unit; a range's unit applies to both ends. `english` reads a question
    written in English («31,000 kr.», «DKK 4.2m»); the reports are always read the Danish way."""
    raw: list[_Match] = []
    for m in (_QUANTITY_EN if english else _QUANTITY).finditer(text):
        num = m.group("num")
        value, resolution = (float(num.replace(",", "")), 1.0) if english else parse_number(num)
        if english and "." in num:
            resolution = 10.0 ** -len(num.split(".")[1])
        currency = m.group("cur") or m.group("cur2") or m.group("pre")
        raw.append(_Match(m, value, resolution, m.group("pct"), m.group("scale"), currency))
    _share_units(raw, text)
    out = []
    for r in raw:
        factor = _scale_of(r.scale)
        kind = "percent" if r.pct else ("amount" if (r.scale or r.currency) else "plain")
        m = r.match
        resolution = r.resolution * factor
        out.append(Quantity(r.value * factor, kind, m.group(0), m.start(), m.end(), resolution, bool(r.currency)))
    return out


def quantity_supported(q: Quantity, evidence: list[Quantity]) -> bool:
    """A number in an answer is supported when some evidence quantity states it (same kind, close value)."""
    return any(e.matches(q) or q.matches(e) for e in evidence)


def round_half_up(value: float | Decimal, places: int = 0) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    return Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)


def format_number(value: float | Decimal, places: int = 0) -> str:
    """Danish notation: 2.597.760 and 8,05."""
    d = round_half_up(value, places)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    body = ".".join(groups)
    return f"{sign}{body},{frac}" if places > 0 and frac else f"{sign}{body}"


def format_kr(value: float | Decimal) -> str:
    return f"{format_number(value)} kr."


def format_pct(value: float | Decimal, places: int = 1) -> str:
    text = format_number(value, places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text} %"
