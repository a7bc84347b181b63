"""The lexicon (lexicon.yaml) as typed lookups: generic words, question words, unit nouns, markers and the
words the glossary and the calculators read. Loaded once, on first use. What a question's phrases signal (what
it asks for, whether it asks to compute) is read from the same data by question_cues.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml

from gevinst.assistant.query import UnitKind
from gevinst.calculators.spec import Period
from gevinst.index import textnorm


@cache
def lexicon_data() -> dict[str, Any]:
    """lexicon.yaml, read once."""
    text = resources.files("gevinst.assistant").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


@cache
def word_set(key: str) -> frozenset[str]:
    """A plain word list of lexicon.yaml («comparatives», «negations», «money_nouns», …) as a set."""
    return frozenset(lexicon_data()[key])


@cache
def _units_of(key: str) -> dict[str, str]:
    return {noun: kind for kind, nouns in lexicon_data()[key].items() for noun in nouns}


def measure_unit(noun: str) -> str | None:
    """The unit of measure a noun names that is no count, time or kroner («km» → distance, «ton» → weight, «euro»
    → euro), or None; `noun` may be two words («square metres»)."""
    return _units_of("measure_units").get(noun.lower().strip(".,;:)")) or other_currency(noun)


@cache
def measure_kinds() -> frozenset[str]:
    """The units of measure and currencies a figure may be asked in besides counts, time and kroner."""
    return frozenset(lexicon_data()["measure_units"]) | frozenset(lexicon_data()["other_currencies"])


def other_currency(noun: str) -> str | None:
    """The currency other than kroner a word names («euro», «€», «USD»), or None."""
    return _units_of("other_currencies").get(noun.lower().strip(".,;:)"))


@cache
def generic_terms() -> frozenset[str]:
    """Index tokens (stemmed, folded) of the generic words of both languages."""
    words = " ".join(lexicon_data()["generic"].values())
    return frozenset(t for w in words.split() for t in textnorm.tokens(w))


@cache
def focus_skip() -> frozenset[str]:
    return frozenset(lexicon_data()["focus_skip"].split())


@cache
def calendar_names() -> frozenset[str]:
    return frozenset(lexicon_data()["calendar_names"].split())


@cache
def question_words() -> frozenset[str]:
    return frozenset(lexicon_data()["question_words"].split())


@cache
def ownership_words() -> frozenset[str]:
    return frozenset(lexicon_data()["compute"]["ownership"])


@cache
def seconds_nouns() -> frozenset[str]:
    return frozenset(lexicon_data()["seconds_nouns"])


@cache
def _unit_nouns() -> dict[str, UnitKind]:
    return {w: UnitKind(kind) for kind, words in lexicon_data()["unit_nouns"].items() for w in words}


def unit_noun(noun: str) -> UnitKind | None:
    """The unit a noun counts in, also as the head of a compound («socialrådgiverårsværk», «AC-årsværk»)."""
    word = noun.lower().rstrip(".")
    units = _unit_nouns()
    if word in units:
        return units[word]
    head = compound_head(word, units)
    return units[head] if head is not None else None


@cache
def _people_served() -> frozenset[str]:
    return frozenset(lexicon_data()["people_served"])


def _words(text: str) -> list[str]:
    return re.findall(r"[\wæøå]+", text.lower())


def states_duration(before: str, after: str) -> bool:
    """The words around a time say how long a task takes («… og hver tager 45 minutter»): a verb of duration
    among the last three words before it, and no word after it that makes it a difference («tager 20 minutter
    kortere tid», «bruger 8 minutter mindre»)."""
    took = set(_words(before)[-3:]) & word_set("duration_verbs")
    return bool(took) and not set(_words(after)[:3]) & word_set("less_words")


def per_hour(after: str) -> bool:
    """The words right after an amount price it per hour («380 kr. i timen»)."""
    return any(after.lower().lstrip().startswith(p) for p in word_set("hour_phrases"))


def per_day(after: str) -> bool:
    """The words after a figure (past its unit word) state it per day («… en halv time om dagen»)."""
    text = " ".join(re.findall(r"[\wæøå.]+", after.lower())[:4])  # the full stop of «pr. dag» kept
    return any(p in text for p in word_set("day_phrases"))


def states_whole(before: str) -> bool:
    """The words right before an amount make it a group's total («… koster tilsammen 2,1 mio. kr.»)."""
    tail = " ".join(_words(before)[-2:])
    return any(tail.endswith(w) for w in word_set("whole_words"))


def states_wage(before: str) -> bool:
    """The words right before an amount make it what a person earns («… som hver tjener 31.000 kr.»)."""
    tail = f" {' '.join(_words(before)[-3:])} "
    return any(f" {w} " in tail for w in word_set("wage_words"))


def counts_people_served(noun: str, after: str) -> bool:
    """The count's noun, or the first words after it, name the people a service is for («300 borgere», «150
    anbragte børn»): never its staff."""
    return any(map(serves_people, [noun, *_words(after)[:2]]))


def serves_people(noun: str) -> bool:
    """The noun counts the people a service is for («borgere», «unge», «plejehjemsbeboere»), never its staff."""
    word = noun.lower().rstrip(".")
    return word in _people_served() or compound_head(word, _people_served()) is not None


# A compound's head is a whole word; a head this short («år», «t») ends too many other words.
_SHORTEST_HEAD = 4
_SHORTEST_MODIFIER = 3


def compound_head(word: str, heads: Iterable[str]) -> str | None:
    """The longest of `heads` that is the head (last part) of the Danish compound `word`: after a hyphen
    («AC-årsværk») or closed up after a modifier of a few letters («børnesager», «socialrådgivertimer»). A verbal
    particle in front makes a derived word rather than a compound («forestillinger», «indstillinger»)."""
    word = word.lower()
    if "-" in word:
        last = word.rsplit("-", 1)[1]
        return last if last in set(heads) else None
    found = [
        h
        for h in heads
        if len(h) >= _SHORTEST_HEAD
        and h.isalpha()
        and word.endswith(h)
        and len(word) - len(h) >= _SHORTEST_MODIFIER
        and word[: -len(h)] not in derivation_prefixes()
    ]
    return max(found, key=len) if found else None


@cache
def derivation_prefixes() -> frozenset[str]:
    return frozenset(lexicon_data()["derivation_prefixes"])


@cache
def _label_before() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon_data()["label_nouns"])
    return re.compile(r"(?<![\wæøå])(?:" + words + r")\s*$")


@cache
def _amount_before() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon_data()["amount_words"])
    return re.compile(r"(?<![\wæøå])(?:" + words + r")\s*(?:på|er|of|is|:)?\s*$")


def names_amount(before: str) -> bool:
    """The word just before a bare number says it is an amount («Månedsløn 32.000», «a budget of 45.000»)."""
    return bool(_amount_before().search(before.lower()))


def labels_number(before: str) -> bool:
    """The word just before a number names what it numbers («model 2», «side 52»)."""
    return bool(_label_before().search(before.lower()))


@cache
def block_labels() -> dict[str, str]:
    """A word that names a numbered block → the Danish noun the reports write it with."""
    return {word: noun for noun, words in lexicon_data()["block_labels"].items() for word in words}


@cache
def markers(kind: str) -> tuple[str, ...]:
    return tuple(lexicon_data()["markers"][kind])


@cache
def change_words(side: str) -> tuple[str, ...]:
    """`asked`: a question's words for how something moves; `stated`: a sentence's words for a direction."""
    return tuple(lexicon_data()["change"][side])


@cache
def calculation_words(side: str) -> tuple[str, ...]:
    """`asked`: a question's word beginnings for working a figure out; `stated`: a sentence's for its calculation."""
    return tuple(lexicon_data()["calculation"][side])


@cache
def _quantity_kind_patterns() -> dict[str, re.Pattern[str]]:
    # A Danish word has no left boundary, as it may end a compound («e-handelsgrad», «indkøbspris»); an English
    # word is whole («again» is no «gain», «separate» no «rate»).
    tails, whole = lexicon_data()["quantity_kinds"], lexicon_data()["quantity_kinds_whole"]

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    def pattern(kind: str) -> re.Pattern[str]:
        parts = [alternation(tails[kind])] if tails.get(kind) else []
        parts += [rf"(?<![\w-])(?:{alternation(whole[kind])})"] if whole.get(kind) else []
        return re.compile(rf"(?:{'|'.join(parts)})(?![\w-])")

    return {kind: pattern(kind) for kind in {**tails, **whole}}


def wanted_quantity_kinds(text: str) -> frozenset[str]:
    """The quantity kinds a figure question asks for («hvor mange årsværk» → fte and count)."""
    low = text.lower()
    return frozenset(kind for kind, pattern in _quantity_kind_patterns().items() if pattern.search(low))


@cache
def _measure_stems() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each measure's Danish stems (inside a word) and English stems (starting one)."""
    english = lexicon_data()["measures_english"]
    return {kind: (tuple(stems), tuple(english[kind])) for kind, stems in lexicon_data()["measures"].items()}


def measures_named(text: str) -> frozenset[str]:
    """What the text's figures measure by its words («spare», «besparelse» → saving; «udgifterne» → cost), a
    stem inside a word counting («nettobesparelse», «it-investeringer»); not in an idiom («kan det betale sig»)."""
    low = text.lower()
    for idiom in lexicon_data()["measure_idioms"]:
        low = low.replace(idiom, " ")
    words = re.findall(r"[\wæøå-]+", low)
    return frozenset(
        kind
        for kind, (stems, english) in _measure_stems().items()
        if any(s in w for w in words for s in stems) or any(w.startswith(english) for w in words)
    )


@cache
def report_words() -> tuple[str, ...]:
    return tuple(lexicon_data()["report_words"])


@cache
def rising_to() -> re.Pattern[str]:
    words = sorted(lexicon_data()["rising_to"], key=len, reverse=True)
    return re.compile(r"(?<![\wæøå])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\wæøå])")


@cache
def _periods() -> list[tuple[Period, re.Pattern[str]]]:
    return [
        (
            Period(kind),
            re.compile(
                r"^\s*(?:" + "|".join(re.escape(p) for p in sorted(words, key=len, reverse=True)) + r")(?![\wæøå])"
            ),
        )
        for kind, words in lexicon_data()["periods"].items()
    ]


def period_after(text: str) -> Period | None:
    """The period a number is stated per, from the words right after it («om året», «/md.», «a year»)."""
    low = text.lower()
    return next((period for period, pattern in _periods() if pattern.match(low)), None)


@cache
def catalogue_words() -> tuple[str, ...]:
    return tuple(lexicon_data()["catalogue_words"])


@cache
def measure_words() -> tuple[str, ...]:
    return tuple(lexicon_data()["measure_words"])


def mentions_catalogue(text: str) -> bool:
    """A catalogue word, also as the head of a compound («effektiviseringsforslag», «spareideer»)."""
    words = set(re.findall(r"[\wæøå]+", text.lower()))
    return any(w.endswith(c) for w in words for c in catalogue_words())


@cache
def generic_names() -> frozenset[str]:
    return frozenset(lexicon_data()["generic_names"])


def specific_names(names: Iterable[str]) -> list[str]:
    """The names a passage must mention: not the generic ones every report uses («KL», «Kommune»)."""
    generic = generic_names()
    return [n for n in names if n.lower() not in generic]
