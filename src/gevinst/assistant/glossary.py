"""The English glossary: each English word (or phrase) of a question and the Danish words the reports use
for it, kept as data: the hand glossary in lexicon.yaml, and under it the corpus glossary (glossary_corpus.yaml,
the reports' most frequent words translated; see its header). A word is found in any of its regular English forms."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from gevinst.assistant.lexicon import lexicon_data


@cache
def hand_words() -> dict[str, str]:
    """The hand glossary of lexicon.yaml: English word or phrase (lower case) → the Danish words, space-separated;
    the first is the reports'. The English names of Danish institutions and places are phrases of it too."""
    named = {name: danish.lower() for name, danish in english_names().items()}
    return {**named, **{str(k).lower(): str(v) for k, v in lexicon_data()["glossary"].items()}}


@cache
def english_names() -> dict[str, str]:
    """The English names of Danish institutions and places (lexicon.yaml `english_names`, lower case) → the
    Danish name the reports write («ministry of finance» → «Finansministeriet»)."""
    return {str(k).lower(): str(v) for k, v in lexicon_data()["english_names"].items()}


@cache
def _names_pattern() -> re.Pattern[str]:
    names = sorted(english_names(), key=len, reverse=True)
    alternatives = (re.escape(n).replace(r"\ ", r"[ -]+") for n in names)
    return re.compile(r"\b(?:(?:the\s+)?danish\s+)?(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def english_names_in(text: str) -> list[tuple[int, int, str]]:
    """Each English name of a Danish institution or place in a text, as its span and the Danish name; «the
    Danish» before it is part of the span."""
    names = english_names()
    out = []
    for m in _names_pattern().finditer(text):
        said = re.sub(r"[ -]+", " ", m.group(0).lower())
        name = names.get(said) or names[re.sub(r"^(?:the )?danish ", "", said)]  # «Danish Regions» is a name
        out.append((m.start(), m.end(), name))
    return out


@cache
def corpus_words() -> dict[str, str]:
    """The corpus glossary (glossary_corpus.yaml), in the same form."""
    text = resources.files("gevinst.assistant").joinpath("glossary_corpus.yaml").read_text(encoding="utf-8")
    return {str(k).lower(): str(v) for k, v in (yaml.safe_load(text) or {}).items()}


@cache
def words() -> dict[str, str]:
    """Both glossaries; the hand entry wins where both list a word."""
    return {**corpus_words(), **hand_words()}


def danish_for(word: str, hand_only: bool = False) -> str | None:
    """The glossary's Danish for an English word, or for another form of it («hour» → «hours», «realised» →
    «realise», «planned» → «plan», «enquiries» → «enquiry»): the glossary lists one form of most words. The hand
    glossary is asked first in every form, so a word it knows keeps its hand entry («planned» → «plan», not the
    corpus glossary's «planned»); `hand_only` asks the hand glossary alone."""
    forms = english_forms(word)
    for known in (hand_words(),) if hand_only else (hand_words(), corpus_words()):
        for form in forms:
            if form in known:
                return known[form]
    return None


def english_forms(word: str) -> list[str]:
    """The word and the regular forms it may be an inflection of or have: plural, past, -ing."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # planned → plan
            if stem.endswith("i"):
                forms.append(stem[:-1] + "y")  # applied → apply
    forms += [word + "s", word + "es"]
    return list(dict.fromkeys(forms))


@cache
def _phrases(hand_only: bool) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The pattern of the glossary's phrases, a hyphen read as a space («day-care» is «day care»), and each phrase
    so read → its key."""
    keys = {_spaced(p): p for p in (hand_words() if hand_only else words()) if " " in p}
    alternatives = (re.escape(p).replace(r"\ ", "[ -]") for p in sorted(keys, key=len, reverse=True))
    return (re.compile(r"\b(?:" + "|".join(alternatives) + r")\b") if keys else None), keys


def _spaced(text: str) -> str:
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)


def phrases_in(low: str, hand_only: bool = False) -> tuple[list[str], str]:
    """The glossary's phrases in a lower-case text (as their keys), and the text with them blanked out (their
    words are not read alone)."""
    pattern, keys = _phrases(hand_only)
    if pattern is None:
        return [], low
    return [keys[_spaced(m.group(0))] for m in pattern.finditer(low)], pattern.sub(" ", low)
