"""Whether a sentence states the figure a question asks for: a quantity of the kind asked (digits or words, «seks
måneder»), a number of the thing counted, a calendar year or a time; read by sentence_kind for a figure question."""

from __future__ import annotations

import re
from functools import cache

from gevinst.assistant import lexicon
from gevinst.assistant.number_words import part_of_one, small_number
from gevinst.assistant.query import Query
from gevinst.assistant.sentence_shape import names_focus, numbers_then, states_time
from gevinst.danish_numbers import Quantity, find_quantities
from gevinst.index import textnorm


def figure_fit(query: Query, sentence: str) -> float:
    """1 for a quantity of the kind asked (or any stated quantity when the question names no kind, a calendar
    year when it asks «i hvilket år», a time when it asks «hvornår»), 0.5 for another kind, 0.3 for a bare count;
    otherwise years, list numbers and single digits without a unit say nothing."""
    kinds = query.quantity_kinds
    if _counts_asked(query.counted, sentence, _own_counts(query.text)) or ("year" in kinds and _dates(sentence)):
        return 1.0
    # the year a «Hvornår forventede KOMBIT i 2014, at …?» names is its subject, not the time asked
    if "when" in kinds:  # a sentence without a time is no worse for stating another figure
        return 1.0 if states_time(re.sub("|".join(query.years) or "$^", " ", sentence)) else 0.5
    if "year" in kinds:  # «I hvilket år nås besparelsen på 20 mio. kr.?»: the amount is its subject
        return min(_other_figure_fit(query, sentence), 0.5)
    return _other_figure_fit(query, sentence)


def _other_figure_fit(query: Query, sentence: str) -> float:
    # «Hvor mange af de ca. 230 arbejdspladser …?» is not answered by the 230 it states, nor «Hvor mange af de 19
    # borgere …?» by a count above 19 («en gennemgang af 52 sager»): a part is no larger than its whole
    whole = {q.value for q in query.figures} if query.part_asked else set()
    read = [
        _quantity_kind(sentence, q)
        for q in find_quantities(sentence)
        if q.value not in whole and not (whole and q.kind == "plain" and q.value > max(whole))
    ]
    kinds = [k for k in read if k is not None] + _spelled_kinds(sentence)
    if not kinds:
        return 0.0
    # A unit named right after «hvor mange» is what is asked («hvor mange penge» asks for kroner, not a count).
    wanted = (
        frozenset({"years", "duration"} if query.unit_asked in ("years", "duration") else {query.unit_asked})
        if query.unit_asked
        else query.quantity_kinds | ({"amount"} if query.price else set())
    )
    if wanted & {"years", "duration"}:  # a span of time in years or in months answers «hvor lang tid», «varighed»
        wanted = wanted | {"years", "duration"}
    # «hvor mange lønregistre» is answered by a number of them (above), not by a count of other things
    counting = bool(query.counted) and not query.unit_asked
    if counting:
        wanted = wanted - {"count"}
    if any(k in wanted or (not wanted and not counting and k != "count") for k in kinds):
        return 1.0
    # A saving or a share may be stated in another unit (kroner for «hvor meget», årsværk, hours), not as a span of
    # time: «fra 16 års alderen», «over tre år» say nothing of how much
    spans = {"years", "duration"} if wanted and not wanted & {"years", "duration"} else set()
    # … and a number of things or people («hvor mange af de 19 borgere») is not stated in kroner
    other = spans | ({"amount"} if wanted == {"count"} else set())
    return 0.5 if any(k != "count" and k not in other for k in kinds) else 0.3


_CALENDAR_YEAR = re.compile(r"(?<![\d.,-])(?:19|20)\d\d(?![\d.,]\d)")


def _dates(sentence: str) -> bool:
    """The sentence names a calendar year («I 2015 blev …»): what «i hvilket år» asks."""
    return bool(_CALENDAR_YEAR.search(sentence))


def _counts_asked(counted: tuple[str, ...], sentence: str, own: frozenset[tuple[int, str]] = frozenset()) -> bool:
    """A number (digits or a word) right before what the question counts, or before a word and it («bestående
    af 8 dagtilbud», «fra ca. 40 til ca. 20 sygehuse», «12 nye stillinger»), or before the head of the compound
    it counts («syv forslag» for «effektiviseringsforslag»); not a count the question states itself (`own`:
    «… i Holbæks fire administrative centre?» is not answered by «de fire administrative centre»)."""
    return bool(counted) and any(
        names_focus(counted, set(textnorm.tokens(word)))
        for value, following in numbers_then(sentence, 5)
        if not 1900 <= value <= 2100  # «i 2016 gennemført»: a year counts nothing
        and (value, _first_token(following)) not in own
        for word in _counted_words(following)
    )


@cache  # read for every sentence a figure question weighs: the question's own counts are found once
def _own_counts(question: str) -> frozenset[tuple[int, str]]:
    """The counts the question states, each with the word it counts."""
    return frozenset((value, _first_token(following)) for value, following in numbers_then(question, 1))


def _first_token(words: list[str]) -> str:
    tokens = textnorm.tokens(" ".join(words[:1]))
    return tokens[0] if tokens else ""


_PARTITIVE = frozenset({"af", "of"})
_DETERMINERS = frozenset({"de", "disse", "dem", "vores", "the", "these", "those", "our"})


def _counted_words(following: list[str]) -> list[str]:
    """The two words after a number that name what it counts; a partitive counts the noun after «af (de)»
    («otte af de deltagende kommuner», «three of the municipalities»)."""
    if following[:1] and following[0] in _PARTITIVE:
        following = [w for w in following[1:] if w not in _DETERMINERS]
    return following[:2]


def _quantity_kind(sentence: str, q: Quantity) -> str | None:
    after = sentence[q.end : q.end + 20].lower().split()
    if q.kind == "amount":  # «30 mio. euro», «€ 40 mio.»: an amount in another currency than kroner
        before = sentence[max(0, q.start - 2) : q.start].strip()
        return (lexicon.other_currency(after[0]) if after else None) or lexicon.other_currency(before) or q.kind
    if q.kind != "plain":
        return q.kind
    kind = _noun_kind(after[0]) if after else None
    if kind is not None:
        return kind
    if (q.value.is_integer() and 1900 <= q.value <= 2100) or (q.value < 10 and "," not in q.text):
        return None
    return "count"


def _spelled_kinds(sentence: str) -> list[str]:
    """Figures written in words: a number word before a unit («seks måneder», «et til to år», «et halvt
    årsværk»)."""
    words = re.findall(r"[\wæøå]+", sentence.lower())
    out = []
    for word, noun in zip(words, words[1:]):
        number = small_number(word) is not None or part_of_one(word) is not None
        kind = _noun_kind(noun) if number else None
        if kind is not None:
            out.append(kind)
    return out


def _noun_kind(word: str) -> str | None:
    """What the noun after a number counts: a unit («årsværk», «timer», «år»), a span of time («måneder») or
    another unit of measure («km», «ton», «kWh»)."""
    noun = word.strip(".,;:)")
    unit = lexicon.unit_noun(noun)
    if unit is not None:
        return unit.value
    if noun in lexicon.word_set("duration_nouns"):
        return "duration"
    return lexicon.measure_unit(noun)
