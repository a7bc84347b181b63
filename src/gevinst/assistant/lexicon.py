"""The lexicon (lexicon.yaml) as typed lookups: generic words, question words, what a question asks for,
calculation cues, unit nouns and the English → Danish glossary. Loaded once, on first use."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml

from gevinst.assistant.query import Asks, UnitKind
from gevinst.calculators.spec import Period
from gevinst.index import textnorm


@cache
def lexicon_data() -> dict[str, Any]:
    """lexicon.yaml, read once."""
    text = resources.files("gevinst.assistant").joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


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


def _phrase_pattern(phrase: str) -> str:
    """A phrase of the lexicon as a pattern; «…» stands for one to four words («hvad bør … indeholde»: «hvad
    bør strategien indeholde», «hvad skal den indeholde»). The words never end in «ud»: «hvad har de fået ud af
    det» asks what came of it, not what it has. A «*» lets a word begin with more letters (a compound)."""
    return r"\s+\S+(?:\s+\S+){0,3}(?<!\bud)\s+".join(
        re.escape(part.strip()).replace(r"\ ", r"\s+").replace(r"\*", r"[\wæøå]*") for part in phrase.split("…")
    )


@cache
def _asks_patterns() -> list[tuple[Asks, re.Pattern[str]]]:
    order = [Asks.REASON, Asks.METHOD, Asks.LIST, Asks.FIGURE]
    out = []
    for kind in order:
        phrases = sorted(lexicon_data()["asks"][kind.value], key=len, reverse=True)
        out.append((kind, re.compile(r"\b(?:" + "|".join(_phrase_pattern(p) for p in phrases) + r")\b")))
    return out


def asks_of(text: str) -> Asks:
    """What the question asks for; the earliest cue wins, so «Hvor meget … og hvorfor» asks for a figure."""
    low = text.lower()
    best: tuple[int, int, Asks] | None = None
    for rank, (kind, pattern) in enumerate(_asks_patterns()):
        m = pattern.search(low)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, kind)
    return best[2] if best else Asks.FACT


def asks_in_past(text: str, kinds: tuple[str, ...] = ("happened", "stated")) -> bool:
    """The last sentence (the question) uses a past-tense verb of the given kinds: of what a report's example
    did (`happened`) or of what a report said (`stated`)."""
    last = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text.strip())[-1].lower()
    words = set(re.findall(r"[\wæøå']+", last))
    return any(words & frozenset(lexicon_data()["past_tense"][kind]) for kind in kinds)


def asks_per_year(text: str) -> bool:
    """The last sentence (the question) asks for a yearly figure («Hvad sparer vi om året?», «… a year?»)."""
    last = re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text.strip())[-1].lower()
    pattern = dict((p, pat) for p, pat in _period_search())[Period.YEAR]
    return bool(pattern.search(last))


@cache
def _period_search() -> list[tuple[Period, re.Pattern[str]]]:
    return [
        (Period(kind), re.compile(r"(?<![\wæøå])(?:" + "|".join(re.escape(p) for p in words) + r")(?![\wæøå])"))
        for kind, words in lexicon_data()["periods"].items()
    ]


def asks_what_happened(text: str) -> bool:
    """A question of what happened («Hvad sparede …», «What did … achieve») and not of what a report said."""
    return asks_in_past(text, ("happened",)) and not asks_in_past(text, ("stated",))


@cache
def not_yet_pattern(past: bool = True) -> re.Pattern[str]:
    """A source's words that what is asked is not in it; with `past`, also that it is not known yet."""
    cues = lexicon_data()["not_covered"] + (lexicon_data()["not_yet"] if past else [])
    return re.compile("|".join(cues), re.IGNORECASE)


@cache
def _compute_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon_data()["compute"]["cues"], key=len, reverse=True)
    alternatives = [re.escape(c[:-1]) + r"[\wæøå]*" if c.endswith("*") else re.escape(c) for c in cues]
    return re.compile(r"(?<![\wæøå'])(?:" + "|".join(alternatives) + r")(?![\wæøå])")


def says_compute(text: str) -> bool:
    """A phrase asks for a result of the asker's own situation or a calculation as such («beregn», «hvad
    sparer vi», «if we»); matched on whole words, so «hvor mange år» is not «hvor mange årsværk»."""
    return bool(_compute_pattern().search(text.lower()))


def is_terse(text: str) -> bool:
    """The question after the figures is a few words with no question word («… – besparelse?», «Vægtet
    potentiale?»): it asks for the result."""
    last = re.split(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ])|\s[–—-]\s", text.strip())[-1]
    words = re.findall(r"[\wæøå]+", last.lower())
    limit = int(lexicon_data()["compute"]["terse_words"])
    return last.endswith("?") and 0 < len(words) <= limit and not set(words) & question_words()


@cache
def _result_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon_data()["compute"]["result_cues"], key=len, reverse=True)
    return re.compile(r"(?<![\wæøå'])(?:" + "|".join(map(gapped, cues)) + r")(?![\wæøå])")


# «…» in a cue: the words between its parts, within one sentence («løber en løntime op i», «lægger vi de tre
# forslag … sammen»)
_GAP = r"\s+[^?!]{1,80}?\s+"


def gapped(cue: str) -> str:
    """The cue as a pattern, «…» standing for the words between its parts."""
    return _GAP.join(re.escape(part.strip()) for part in cue.split("…"))


def asks_for_result(text: str) -> bool:
    """The question asks what figures come to («Hvad løber det op i?», «what's the total») or ends pointing
    back to the figures before it («… Hvad frigør det?», «… how many hours is that?»), and names no report
    («Rapporten nævner 37 timer; hvad bygger den på?»): a report's figures are looked up, not computed."""
    low = text.strip().lower()
    words = re.findall(r"[\wæøå']+", low)
    if not words or any(w.startswith(report_words()) for w in words):
        return False
    pointing = low.endswith("?") and words[-1] in lexicon_data()["compute"]["points_back"]
    return pointing or bool(_result_pattern().search(low))


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
def consequence_words() -> frozenset[str]:
    return frozenset(lexicon_data()["consequence_words"])


@cache
def anaphoric_openers() -> frozenset[str]:
    return frozenset(lexicon_data()["anaphoric_openers"])


@cache
def _quantity_kind_patterns() -> dict[str, re.Pattern[str]]:
    # No left boundary: the word may end a compound («e-handelsgrad», «nettobesparelse», «indkøbspris»).
    return {
        kind: re.compile(r"(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])")
        for kind, words in lexicon_data()["quantity_kinds"].items()
    }


def wanted_quantity_kinds(text: str) -> frozenset[str]:
    """The quantity kinds a figure question asks for («hvor mange årsværk» → fte and count)."""
    low = text.lower()
    return frozenset(kind for kind, pattern in _quantity_kind_patterns().items() if pattern.search(low))


@cache
def money_nouns() -> frozenset[str]:
    return frozenset(lexicon_data()["money_nouns"])


@cache
def report_words() -> tuple[str, ...]:
    return tuple(lexicon_data()["report_words"])


@cache
def per_words() -> frozenset[str]:
    return frozenset(lexicon_data()["per_words"])


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
def negations() -> frozenset[str]:
    return frozenset(lexicon_data()["negations"])


@cache
def duration_nouns() -> frozenset[str]:
    return frozenset(lexicon_data()["duration_nouns"])


@cache
def catalogue_words() -> tuple[str, ...]:
    return tuple(lexicon_data()["catalogue_words"])


def mentions_catalogue(text: str) -> bool:
    """A catalogue word, also as the head of a compound («effektiviseringsforslag», «spareideer»)."""
    words = set(re.findall(r"[\wæøå]+", text.lower()))
    return any(w.endswith(c) for w in words for c in catalogue_words())


@cache
def generic_names() -> frozenset[str]:
    return frozenset(lexicon_data()["generic_names"])
