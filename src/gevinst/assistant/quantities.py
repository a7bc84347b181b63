"""The numbers a question states, each with its unit kind, the noun it counts and the words around it."""

from __future__ import annotations

import re
from dataclasses import replace

from gevinst.assistant import before_after, lexicon
from gevinst.assistant.number_words import find_number_words
from gevinst.assistant.query import QuantityMention, UnitKind
from gevinst.calculators.spec import Period
from gevinst.danish_numbers import Quantity, find_quantities

_NEXT_WORD = re.compile(r"\s*-?([^\W\d_][\w-]*)(?:\s+([^\W\d_][\w-]*))?")
_RANGE = re.compile(r"^\s*(?:-|–|—|til|to)\s*$", re.IGNORECASE)
_FROM = re.compile(r"(?<![\wæøå])(?:fra|from)\s*$")
# «mellem 5 og 10 %», «between 5 and 10%»: «og» joins a range only after «mellem»/«between».
_BETWEEN = re.compile(r"(?<![\wæøå])(?:mellem|between)\s*$")
# «forskellen mellem 2,8 og 3,4 mio. kr.», "the difference between": two figures compared, not a range
_DIFFERENCE = re.compile(r"(?<![\wæøå])(?:forskel\w*|difference|gap)\s+(?:mellem|between)\s*$")
_AND = re.compile(r"^\s*(?:og|and)\s*$", re.IGNORECASE)
_NAMING = (UnitKind.LABEL, UnitKind.YEAR)
# A minus sign is written right against its number; a dash with a space after it is a bullet or a dash.
_SIGN = re.compile(r"(?:^|[\s(])([-−])$")


def _unit_of(kind: str, value: float, noun: str, before: str, second: str = "", bare: bool = False) -> UnitKind:
    if bare and lexicon.labels_number(before):  # «i år 1 og 5 %»: the 1 names a year even when a unit follows
        return UnitKind.LABEL
    if kind == "minutes":  # time said in words («et kvarter»)
        return UnitKind.MINUTES
    if kind == "share":
        return UnitKind.PERCENT
    if kind == "fraction":  # «3/4 årsværk» counts its noun; «3/5 af tiden» is a share; «side 3/4» names pages
        return UnitKind.LABEL if lexicon.labels_number(before) else lexicon.unit_noun(noun) or UnitKind.PERCENT
    if kind == "percent":
        return UnitKind.PERCENT
    if kind == "amount":
        return UnitKind.AMOUNT
    unit = lexicon.unit_noun(noun) or (lexicon.unit_noun(second) if second else None)  # «1.400 effektive timer»
    if unit is not None:
        return unit
    if kind == "plain" and lexicon.labels_number(before):
        return UnitKind.LABEL
    # a year is written as four bare digits: «2.000 indkøb», «2,000 purchases» count
    if bare and value.is_integer() and 1900 <= value <= 2100 and not noun.startswith(("kr", "dkk")):
        return UnitKind.YEAR
    if kind == "plain" and lexicon.names_amount(before):
        return UnitKind.AMOUNT
    return UnitKind.COUNT


_PER_UNIT = re.compile(r"\s*(?:pr\.?|per|à)\s+[\wæøå-]+")


def _period(low: str, end: int, words: re.Match[str] | None) -> Period | None:
    """The period a number is stated per, right after it or after the noun it counts («700 indkøb om
    måneden», «90 eksterne tolkeopgaver om måneden»)."""
    ends = [end] + ([words.end(1)] if words else []) + ([words.end(2)] if words and words.group(2) else [])
    per_unit = _PER_UNIT.match(low, end)  # «79 kr. pr. bruger om måneden»
    ends += [per_unit.end()] if per_unit else []
    return next((p for e in ends if (p := lexicon.period_after(low[e : e + 20])) is not None), None)


# The unit right after the first time of «fra en time til 40 minutter»
_OWN_TIME_UNIT = re.compile(r"^\s*([^\W\d_]+)(?=\s)")


def _time_drop(low: str, q: Quantity, nxt: Quantity | None, before: str, gap: str) -> float | None:
    """«fra 12 til 9 minutter», «from 12 to 9 minutes»: a time per unit that falls, read as the minutes saved;
    the unit is written once, after the second number."""
    if nxt is None or not _FROM.search(before) or q.kind not in ("plain", "minutes"):
        return None
    # the first time may name its own unit («fra en time til 40 minutter», «fra 2 timer til 90 minutter»)
    own = None if _RANGE.match(gap) else _OWN_TIME_UNIT.match(gap)
    if not _RANGE.match(gap[own.end() :] if own else gap):
        return None
    m = _NEXT_WORD.match(low, nxt.end)
    unit = UnitKind.MINUTES if nxt.kind == "minutes" else lexicon.unit_noun(m.group(1)) if m else None
    if unit not in (UnitKind.MINUTES, UnitKind.HOURS):
        return None
    second = before_after.in_minutes(nxt.value, unit)
    first_unit = UnitKind.MINUTES if q.kind == "minutes" else lexicon.unit_noun(own.group(1)) if own else unit
    first = before_after.in_minutes(q.value, first_unit)
    return first - second if first > second else None  # «fra 2 til 1,5 timer» saves 30 minutes


def is_negated(before: str) -> bool:
    """A minus sign written right before a number («-2 mio. kr.», «(-12 årsværk»), not a range's dash (1-2 år)
    nor a hyphen inside a word."""
    return bool(_SIGN.search(before))


# Spans of time said in words: «et kvarter», «a quarter of an hour», «en halv time», «half an hour» (minutes).
_TIME_WORDS = [
    (re.compile(r"(?<![\wæøå])(?:et|ét|ca\.?\s+et)\s+kvarter(?![\wæøå])", re.IGNORECASE), 15.0),
    (re.compile(r"(?<![\wæøå])tre\s+kvarter(?![\wæøå])", re.IGNORECASE), 45.0),
    (re.compile(r"(?<![\wæøå])(?:a|one)\s+quarter\s+of\s+an\s+hour(?![\w])", re.IGNORECASE), 15.0),
    (re.compile(r"(?<![\wæøå])(?:en\s+halv\s+time|half\s+an\s+hour)(?![\wæøå])", re.IGNORECASE), 30.0),
    # «fra en time til 40 minutter»: one hour, where a time falls from it (elsewhere «en time» is any hour)
    (re.compile(r"(?<=fra )(?:en|én)\s+time(?![\wæøå])", re.IGNORECASE), 60.0),
    (re.compile(r"(?<=from )(?:an|one)\s+hour(?![\w])", re.IGNORECASE), 60.0),
]


_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}
_FRACTION = re.compile(r"(\d*)([½¼¾])")


def spell_fractions(text: str, english: bool) -> str:
    """«1½ mio.» is «1,5 mio.» («1.5» in English), «¾ mio.» is «0,75 mio.»: the glyphs written as decimals."""
    mark = "." if english else ","

    def decimal(m: re.Match[str]) -> str:
        return (m.group(1) or "0") + mark + str(_FRACTIONS[m.group(2)]).split(".")[1]

    return _FRACTION.sub(decimal, text)


def _time_words(text: str) -> list[Quantity]:
    found = [(m, minutes) for pattern, minutes in _TIME_WORDS for m in pattern.finditer(text)]
    return [Quantity(minutes, "minutes", m.group(0), m.start(), m.end(), 1.0) for m, minutes in found]


# «3/5 af tiden», «3/4 årsværk»: a small fraction, not a date («3/11-2025», «den 1/5») nor a number («2024/117»)
_SLASH = re.compile(r"(?<![\d/.,-])(?<!den )(\d{1,2})/(\d{1,2})(?![\d/]|[-.]\d)")


def _slash_fractions(text: str) -> list[Quantity]:
    """A share in percent, as «tre femtedele» is; before a unit noun the fraction of that unit (read_quantities)."""
    found = ((m, int(m.group(1)), int(m.group(2))) for m in _SLASH.finditer(text))
    return [
        Quantity(100 * a / b, "fraction", m.group(0), m.start(), m.end(), 1.0) for m, a, b in found if 0 < a < b <= 12
    ]


# «3 ud af 10 sager», «2 out of 5 calls»: a share in percent whatever it counts (never 0,3 of a unit)
_OUT_OF = re.compile(r"(?<![\d.,])(\d{1,4})\s+(?:ud\s+af|out\s+of)\s+(\d{1,4})(?![\d%]|[.,]\d)", re.IGNORECASE)


def _out_of(text: str) -> list[Quantity]:
    found = ((m, int(m.group(1)), int(m.group(2))) for m in _OUT_OF.finditer(text))
    return [Quantity(100 * a / b, "share", m.group(0), m.start(), m.end(), 1.0) for m, a, b in found if 0 < a <= b]


def _overlaps(q: Quantity, others: list[Quantity]) -> bool:
    return any(q.start < o.end and o.start < q.end for o in others)


def _found(text: str, english: bool) -> list[tuple[Quantity, bool]]:
    """Numbers in digits and in words («femogtyve procent»), in order; (quantity, written in words)."""
    slashes = _slash_fractions(text) + _out_of(text)
    digits = [q for q in find_quantities(text, english) if not _overlaps(q, slashes)] + slashes
    times = [t for t in _time_words(text) if not _overlaps(t, digits)]
    words = [w for w in find_number_words(text, english) if not _overlaps(w, digits) and not _overlaps(w, times)]
    return sorted([(q, False) for q in digits] + [(q, True) for q in [*words, *times]], key=lambda p: p[0].start)


def _small_word(q: Quantity, in_words: bool) -> bool:
    """«to», «fire», «ten» alone: a number only when a unit noun follows («to år»), not in «de to tal»."""
    return in_words and q.kind == "plain" and not re.search(r"[\s-]", q.text) and q.value < 13


def _unit_noun(noun: str, second: str) -> bool:
    return lexicon.unit_noun(noun) is not None or lexicon.unit_noun(second) is not None


def _counted(noun: str, low: str, found: list[tuple[Quantity, bool]]) -> bool:
    """A figure in digits counts the same noun («fire skoler … vores 11 skoler»): the word is a count too."""
    if len(noun) < 3:
        return False
    return any(not words and low[q.end :].lstrip().startswith(noun) for q, words in found)


def read_quantities(text: str, english: bool = False) -> tuple[QuantityMention, ...]:
    """«120-150 mio. kr.» is one mention with `high`; a leading minus sign is kept («-2 mio. kr.»)."""
    low = text.lower()
    found = _found(text, english)
    out: list[QuantityMention] = []
    skip = -1
    for i, (q, in_words) in enumerate(found):
        if i == skip:
            continue
        high = None
        end = q.end
        before = low[max(0, q.start - 60) : q.start]
        nxt = found[i + 1][0] if i + 1 < len(found) else None
        gap = text[q.end : nxt.start] if nxt is not None else ""
        between = _BETWEEN.search(before) and not _DIFFERENCE.search(before)  # «forskellen mellem 2 og 3»: two
        joined = nxt is not None and (_RANGE.match(gap) or (between and _AND.match(gap)))
        if joined and nxt is not None and nxt.kind == q.kind and not _FROM.search(before):  # «fra 35 % til 70 %»
            high, end, skip = nxt.value, nxt.end, i + 1
        drop = _time_drop(low, q, nxt, before, gap)
        if drop is not None and nxt is not None:  # «falder fra 12 til 9 minutter»: 3 minutes saved on each
            words = _NEXT_WORD.match(low, nxt.end)
            noun = words.group(1) if words else ""
            after = low[nxt.end : nxt.end + 40]
            out.append(
                QuantityMention(drop, UnitKind.MINUTES, text[q.start : nxt.end], q.start, nxt.end, noun, before, after)
            )
            skip = i + 1
            continue
        # «fra 5 til 9 timer»: the first figure of a change counts what the second does
        changing = nxt is not None and q.kind == nxt.kind == "plain" and _FROM.search(before) and _RANGE.match(gap)
        m = _NEXT_WORD.match(low, nxt.end if nxt is not None and changing else end)
        noun, second = (m.group(1), m.group(2) or "") if m else ("", "")
        if noun in lexicon.word_set("per_words"):  # «2.800 a year», «14.500 om året»: a rate, not a span of years
            second = ""
        if _small_word(q, in_words) and not _counted(noun, low, found) and not _unit_noun(noun, second):
            continue
        unit = _unit_of(q.kind, q.value, noun, before, second, bare=text[q.start : q.end].strip().isdigit())
        if q.kind == "plain" and _ORDINAL_AFTER.match(text, q.end):  # «efter det fyldte 18. år» names a year of age
            unit = UnitKind.LABEL
        if unit is UnitKind.AMOUNT and not q.currency and lexicon.serves_people(noun):
            unit = UnitKind.COUNT  # «5,8 mio. indbyggere» counts people, it is no amount
        if out and out[-1].unit in _NAMING and text[out[-1].end : q.start] == "/":  # «nr. 2024/117» names one thing
            unit = UnitKind.LABEL
        if in_words and unit is UnitKind.YEAR:  # «to tusind sager» is a count, not the year 2000
            unit = UnitKind.COUNT
        value = -q.value if is_negated(before) else q.value
        if q.kind == "fraction" and unit is not UnitKind.PERCENT:  # «3/4 årsværk» is 0,75 årsværk
            value /= 100
        if q.kind == "plain" and noun.rstrip(".") in lexicon.seconds_nouns():  # «90 seconds» is 1,5 minutes
            unit, value = UnitKind.MINUTES, value / 60
        per = _period(low, end, m)
        out.append(
            QuantityMention(
                value, unit, text[q.start : end], q.start, end, noun, before, low[end : end + 40], high, per
            )
        )
    return _percent_units(text, _listed_amounts(text, before_after.time_drops(text, out)))


# A whole number with a full stop and a word in lower case after it is an ordinal («det 18. år», «3. kvartal»)
_ORDINAL_AFTER = re.compile(r"\.\s+[a-zæøå]")


# An amount per percent («1,3 mio. kr. for hver procent af indbyggerne», «pr. procentpoint», «per percentage
# point»): the question's percentages count those units.
_PER_PERCENT = re.compile(
    r"(?<![\wæøå])(?:pr\.|per|for\s+hver|for\s+hvert|for\s+each|for\s+every|hver|hvert|each|every)\s+"
    r"(?:procent(?:point|enhed)?|pct\.?(?:-?point)?|%-?point|percent(?:age)?(?:\s+point)?)(?![\wæøå])",
    re.IGNORECASE,
)


def _percent_units(text: str, found: tuple[QuantityMention, ...]) -> tuple[QuantityMention, ...]:
    if not (_PER_PERCENT.search(text) and any(q.unit is UnitKind.AMOUNT for q in found)):
        return found
    return tuple(
        replace(q, unit=UnitKind.COUNT, noun="procentpoint") if q.unit is UnitKind.PERCENT else q for q in found
    )


# The separators of a list of figures: «1,2 mio., 750.000 og 300.000 kr.»
_LIST_GAP = re.compile(r"^\s*(?:,|;|\+|og|and|,\s*og|,\s*and)\s*$", re.IGNORECASE)


def _listed_amounts(text: str, found: list[QuantityMention]) -> tuple[QuantityMention, ...]:
    """A bare number listed among amounts is an amount: the list writes its unit once («1,2 mio., 750.000, 2,5
    mio. og 300.000 kr.»)."""
    out = list(found)
    for n, q in enumerate(found):
        if q.unit is not UnitKind.COUNT or q.noun not in ("", "og", "and"):  # «4.000 sager» counts cases
            continue
        neighbours = [found[k] for k in (n - 1, n + 1) if 0 <= k < len(found)]
        listed = [o for o in neighbours if _LIST_GAP.match(text[min(o.end, q.end) : max(o.start, q.start)])]
        if listed and all(o.unit is UnitKind.AMOUNT for o in listed) and q.value >= 1000:
            out[n] = replace(q, unit=UnitKind.AMOUNT)
    return tuple(out)
