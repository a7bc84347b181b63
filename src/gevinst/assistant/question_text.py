"""The question's surface, read before anything else: its text cleaned, and the names it mentions."""

from __future__ import annotations

import re
import unicodedata

from gevinst.assistant import glossary, lexicon
from gevinst.index import textnorm

# A name: an abbreviation (KSD, KL), a capitalised word not opening a sentence, or a hyphenated compound
# of capitalised parts (Ringkøbing-Skjern).
_NAME = re.compile(r"\b[A-ZÆØÅ][\wæøåÆØÅ]*(?:-[A-ZÆØÅ][\wæøå]*)*\b")
_SENTENCE_START = re.compile(r"(?:^|[.?!:]\s+|[«\"(]\s*)$")


def clean_question(raw: str, limit: int) -> tuple[str, str]:
    """Control characters removed, whitespace folded, cut at `limit` characters (with a notice)."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in raw)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        return text[:limit], f"Spørgsmålet var {len(text)} tegn langt og blev forkortet til {limit}."
    return text, ""


# A bracket right after a name says the name again in other words: «TTA (Back to Work)», «Udbetaling Danmark
# (UDK)»; so does an abbreviation in brackets after the words it stands for, «børnefaglige undersøgelser (BFU)».
# A passage may use either form, so the words in it are not names the passage must mention.
_GLOSS = re.compile(r"\b(?:[A-ZÆØÅ]{2,}|[A-ZÆØÅ][\wæøå]+)\s*\(([^()]{1,60})\)|[\wæøå]\s*\(([A-ZÆØÅ]{2,}s?)\)")
_QUOTED = re.compile(r"[\"«“„']([^\"»”'“]{2,40})[\"»”'“]")


def names_in(text: str, english: bool = False) -> tuple[str, ...]:
    """Proper names and abbreviations, and what the question puts in quotes («"2-8-16"», «"skyggefunktioner"»):
    the passage that answers must mention them. In an English question the English name of a Danish institution
    or place, capitalised («the Ministry of Finance», «North Jutland»), is the Danish name the reports write."""
    out: list[str] = [m.group(1).strip() for m in _QUOTED.finditer(text) if len(m.group(1).split()) <= 4]
    question_words = lexicon.question_words()
    glosses = [m.span(1) if m.group(1) else m.span(2) for m in _GLOSS.finditer(text)]
    named = glossary.english_names_in(text) if english else []
    out += [danish for start, end, danish in named if _NAME.search(text[start:end])]
    glosses += [(start, end) for start, end, _ in named]
    for m in _NAME.finditer(text):
        word = m.group(0)
        if any(start <= m.start() < end for start, end in glosses):
            continue
        opens = bool(_SENTENCE_START.search(text[: m.start()]))
        if word.lower() in question_words or word.lower() in lexicon.calendar_names():
            continue
        if opens and not (word.isupper() and len(word) > 1) and "-" not in word:
            continue
        # a word the index does not keep («Den» in «Den Fælles Dataenhed») no passage can be found to mention
        if len(word) < 2 or not textnorm.tokens(word):
            continue
        out.append(word)
    out += numbered_parties(text)
    out += places_by_adjective(text)
    return tuple(dict.fromkeys(out))


def places_by_adjective(text: str) -> list[str]:
    """The regions and places the question names by their adjective, in lower case («de fynske kommuner»)."""
    places = lexicon.word_set("place_adjectives")
    return [w for w in re.findall(r"[a-zæøå]+", text) if w in places or (w.endswith("e") and w[:-1] in places)]


_NUMBERED_PARTY = re.compile(r"\b(?:Kommune|Municipality) (\d{1,2})\b")


def numbered_parties(text: str) -> list[str]:
    """A report's numbered, unnamed parties, as the reports write them («Kommune 3»; "Municipality 3" in English):
    one party each, named by its number."""
    return [f"Kommune {m.group(1)}" for m in _NUMBERED_PARTY.finditer(text)]
