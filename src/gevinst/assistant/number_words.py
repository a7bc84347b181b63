"""Numbers written in words, as a Danish or English reader reads them: «femogtyve», «to hundrede og tyve», «tre
tusind fem hundrede», «halvanden million», «en kvart million», «tre en halv million», «twenty-five», «half a
million»; and the fractions that state a share («halvdelen», «en fjerdedel», «two thirds» → 50 %, 25 %, 66,7 %).

A phrase takes the unit written after it («tolv procent», «seksten kroner»); «million» and «milliard» make an
amount, as they do after digits (danish_numbers). Only questions are read this way, never the reports."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gevinst.danish_numbers import Quantity

_DA_SMALL = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11,
    "tolv": 12, "tretten": 13, "fjorten": 14, "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
}  # fmt: skip
_DA_TENS = {
    "tyve": 20, "tredive": 30, "fyrre": 40, "fyrretyve": 40, "halvtreds": 50, "halvtredsindstyve": 50, "tres": 60,
    "tresindstyve": 60, "halvfjerds": 70, "halvfjerdsindstyve": 70, "firs": 80, "firsindstyve": 80, "halvfems": 90,
    "halvfemsindstyve": 90,
}  # fmt: skip
_EN_SMALL = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# «en», «et», «a» and «one» are numbers only before a multiplier or a fraction («en million», «a thousand»).
_ONE = {"en", "et", "én", "ét", "one", "a", "an"}
_HUNDRED = {"hundrede", "hundred"}
_LARGE = {
    "tusind": 1e3, "tusinde": 1e3, "thousand": 1e3, "million": 1e6, "millioner": 1e6, "millions": 1e6,
    "milliard": 1e9, "milliarder": 1e9, "billion": 1e9, "billions": 1e9, "mio": 1e6, "mia": 1e9,
}  # fmt: skip
_HALF = {"halv": 0.5, "half": 0.5, "kvart": 0.25, "quarter": 0.25}
_AND = {"og", "and"}
_POINT = {"komma", "point"}  # a decimal said in words: «to komma fire millioner», «one point five million»
# A part of one a report may write before a unit («et halvt årsværk», «halvanden måned», «a quarter of an hour»)
_PART_OF_ONE = {
    "halv": 0.5, "halvt": 0.5, "halve": 0.5, "half": 0.5, "kvart": 0.25, "quarter": 0.25, "halvanden": 1.5,
    "halvandet": 1.5,
}  # fmt: skip
_ORDINAL = {
    "halv": 2, "tredje": 3, "fjerde": 4, "femte": 5, "sjette": 6, "syvende": 7, "ottende": 8, "niende": 9, "tiende": 10,
    "tyvende": 20, "anden": 2,
    "half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "other": 2, "second": 2,
}  # fmt: skip
_FRACTION_DA = re.compile(r"^(halv|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende|tyvende)del(?:e|en|ene)?$")
# «hver anden sag», «hver tiende», «every other case», «every third»: one in N
_EVERY = {"hver", "hvert", "every"}
# «hver anden uge», «every other week» is how often, not a share
_SPANS = {"uge", "måned", "dag", "år", "gang", "week", "month", "day", "year", "time"}
_FRACTION_EN = re.compile(r"^(half|third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?$")
_COMPOUND = re.compile(r"^(en|et|to|tre|fire|fem|seks|syv|otte|ni)og(" + "|".join(_DA_TENS) + r")$")
_WORD = re.compile(r"[a-zæøåéA-ZÆØÅÉ]+")
_GAP = re.compile(r"\s+|-")
_UNIT = re.compile(r"\s*(?:(?P<pct>%|procents?\b|pct\.?|percent\b|per cent\b)|(?P<cur>kroner\b|kr\.?|dkk\b))", re.I)


@dataclass(frozen=True)
class _Token:
    word: str
    start: int
    end: int
    joined: bool  # only a space or a hyphen separates it from the next word («to hundrede», «twenty-five»)


def _tokens(text: str) -> list[_Token]:
    found = list(_WORD.finditer(text))
    tokens = [
        _Token(
            m.group(0).lower(),
            m.start(),
            m.end(),
            n + 1 < len(found) and _GAP.fullmatch(text[m.end() : found[n + 1].start()]) is not None,
        )
        for n, m in enumerate(found)
    ]
    return [part for t in tokens for part in _span_adjective(t)]


# «en fireårig budgetperiode», «treårige kontrakter»: a number word and a span of time written as one adjective
_SPAN_ADJECTIVE = re.compile(r"^([a-zæøå]+?)(årige?)$")


def _span_adjective(token: _Token) -> list[_Token]:
    """The number word and the span of a one-word adjective of time («fireårig» → «fire», «årig»)."""
    m = _SPAN_ADJECTIVE.match(token.word)
    if m is None or _small(m.group(1), False) is None:
        return [token]
    at = token.start + m.end(1)
    return [_Token(m.group(1), token.start, at, True), _Token(m.group(2), at, token.end, token.joined)]


def small_number(word: str, english: bool = False) -> int | None:
    """The value of one number word below a hundred («seks», «femogtyve», «twelve»), else None."""
    return _small(word.lower(), english)


def _small(word: str, english: bool) -> int | None:
    if english:
        return _EN_SMALL.get(word)
    if word in _DA_SMALL:
        return _DA_SMALL[word]
    if word in _DA_TENS:
        return _DA_TENS[word]
    m = _COMPOUND.match(word)
    return (1 if m.group(1) in ("en", "et") else _DA_SMALL[m.group(1)]) + _DA_TENS[m.group(2)] if m else None


def _fraction(tokens: list[_Token], i: int, english: bool) -> tuple[float, int] | None:
    """«halvdelen», «en fjerdedel», «tre fjerdedele», «two thirds», «half of»: a share in percent and the index
    after the phrase."""
    word = tokens[i].word
    nxt = tokens[i + 1].word if tokens[i].joined else ""
    after = tokens[i + 2].word if nxt and i + 2 < len(tokens) and tokens[i + 1].joined else ""
    if word in _EVERY and nxt in _ORDINAL and nxt not in ("halv", "half", "quarter") and after not in _SPANS:
        return 100 / _ORDINAL[nxt], i + 2
    if word in _ONE and nxt in ("in", "ud") and after:  # «one in ten», «en ud af ti»
        j = i + 3 if nxt == "ud" and after == "af" else i + 2
        n = _small(tokens[j].word, english) if j < len(tokens) and tokens[j - 1].joined else None
        if n is not None and n > 1:
            return 100 / n, j + 1
    if not english and (m := _FRACTION_DA.match(word)):
        return 100 / _ORDINAL[m.group(1)], i + 1
    if english and word == "half" and nxt == "of":
        return 50.0, i + 1
    count = 1 if word in _ONE else _small(word, english)
    m = (_FRACTION_EN if english else _FRACTION_DA).match(nxt) if count is not None and nxt else None
    if count is None or m is None or (english and i + 2 < len(tokens) and tokens[i + 2].word in _LARGE):
        return None  # «a quarter million» is an amount, read by _read
    return count * 100 / _ORDINAL[m.group(1)], i + 2


@dataclass
class _Reading:
    total: float = 0.0
    current: float = 0.0  # the group below the last «tusind»/«million» read
    words: int = 0
    large: bool = False  # a «million» or «milliard» was read: an amount, as after digits
    point: bool = False  # «komma»/«point» was read: the next digit word is a tenth («to komma fire» is 2,4)


def _step(r: _Reading, word: str, nxt: str, english: bool) -> int | None:
    """Read one word into the reading: how many words it took (None: the phrase ends before it)."""
    value = _small(word, english)
    if r.point:  # «to komma fire millioner»: one decimal, read as digits are
        r.point = False
        if value is None or value >= 10:
            return None
        r.current += value / 10
        return 1
    if word in _POINT and r.words and r.current and not r.current % 1 and (_small(nxt, english) or 10) < 10:
        r.point = True
        return 1
    tens_then_ones = english and r.current % 100 >= 20 and not r.current % 10 and value is not None and value < 10
    if value is not None and (not r.current % 100 or tens_then_ones):
        r.current += value
    elif word in _ONE and (nxt in _HALF or ((nxt in _HUNDRED or nxt in _LARGE) and not r.current % 100)):
        r.current += 0 if nxt in _HALF else 1  # «en million»; «en halv» is the article of the half
    elif word in _HALF and (r.words or (word == "half" and nxt in ("a", "an"))):
        r.current += _HALF[word]
        return 2 if word == "half" and nxt in ("a", "an") else 1  # «half a million»
    elif word in ("halvanden", "halvandet"):  # «halvandet minut»
        r.current += 1.5
    elif word in _HUNDRED:
        r.current = (r.current or 1) * 100
    elif word in _LARGE and (r.words or _LARGE[word] < 1e6):  # «millioner» alone («hvor mange millioner») is none
        r.total += (r.current or 1) * _LARGE[word]
        r.current, r.large = 0.0, r.large or _LARGE[word] >= 1e6
    elif word in _AND and r.words and (_small(nxt, english) is not None or nxt in _ONE or nxt in _HALF):
        pass
    else:
        return None
    return 1


def _read(tokens: list[_Token], i: int, english: bool) -> tuple[_Reading, int]:
    """The longest number phrase starting at token i, and the index after it."""
    r = _Reading()
    j = i
    while j < len(tokens):
        nxt = tokens[j + 1].word if tokens[j].joined else ""
        took = _step(r, tokens[j].word, nxt, english)
        if took is None:
            break
        r.words += took
        j += took
        if not tokens[j - 1].joined:
            break
    while j > i and tokens[j - 1].word in _ONE | _AND:  # «fem og …», «… og en» read too far
        j -= 1
    return r, j


def find_number_words(text: str, english: bool = False) -> list[Quantity]:
    """Every number phrase in words, with its unit (percent, amount or plain) and position."""
    tokens = _tokens(text)
    out: list[Quantity] = []
    i = 0
    while i < len(tokens):
        fraction = _fraction(tokens, i, english)
        if fraction is not None:
            value, j = fraction
            start, end = tokens[i].start, tokens[j - 1].end
            out.append(Quantity(round(value, 4), "percent", text[start:end], start, end, 0.01))
            i = j
            continue
        reading, j = _read(tokens, i, english)
        value = reading.total + reading.current
        if j == i or value <= 0:
            i += 1
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        if tokens[j - 1].word in ("mio", "mia") and text.startswith(".", end):  # «halvanden mio. kr.»
            end += 1
        unit = _UNIT.match(text, end)
        kind = "amount" if reading.large else "plain"
        if unit:
            kind, end = ("percent" if unit.group("pct") else "amount"), unit.end()
        out.append(Quantity(value, kind, text[start:end], start, end, 1.0))
        i = j
    return out


def part_of_one(word: str) -> float | None:
    """A word for a part of one («halvt», «halvanden», «quarter»), read before a unit noun; else None."""
    return _PART_OF_ONE.get(word.lower())
