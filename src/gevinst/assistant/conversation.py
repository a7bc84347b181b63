"""Conversation context and language: a follow-up becomes a stand-alone query (rule-based)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gevinst.assistant.quantities import read_quantities
from gevinst.assistant.query import UnitKind

_EN = {
    "the",
    "what",
    "how",
    "does",
    "is",
    "of",
    "which",
    "why",
    "and",
    "to",
    "in",
    "for",
    "are",
    "much",
    "many",
    "according",
    "when",
    "do",
    "did",
    "cost",
    "save",
    "municipality",
    "municipalities",
    # function words of a calculation question («Payback time for a DKK 3m investment that saves … with …»)
    "that",
    "with",
    "we",
    "our",
    "if",
    "from",
    "this",
    "would",
    "an",
    "saves",
    "year",
    "years",
}
_DA = {
    "hvad",
    "hvor",
    "og",
    "er",
    "det",
    "af",
    "til",
    "for",
    "som",
    "hvilke",
    "hvilket",
    "hvordan",
    "hvorfor",
    "en",
    "et",
    "de",
    "på",
    "med",
    "om",
    "kommune",
    "kommunen",
    "kommunerne",
    "vi",
    "der",
    "har",
}
_FOLLOW_UP_START = re.compile(
    r"^\s*(?:og|men|hvad med|hvordan med|hvad hvis|samme|også|and|what about|how about|what if|same)\b", re.IGNORECASE
)
_REFERS_BACK = re.compile(r"\b(?:den|det|dem|deres|denne|dette|heraf|dér|it|they|them|that|this)\b", re.IGNORECASE)
_ENTITY = re.compile(r"\b(?:[A-ZÆØÅ]{2,}|[A-ZÆØÅ][a-zæøå]+ Kommune|[A-ZÆØÅ][a-zæøå]+s? kommune)\b")


# A Danish term the asker quotes or explains in brackets («the cross-cutting track (tværgående indsatser)»)
# says nothing about the language the question is asked in.
_CITED = re.compile(r"\([^)]*\)|«[^»]*»|\"[^\"]*\"|“[^”]*”")


def cited(text: str) -> list[str]:
    """What the asker quotes or puts in brackets: in an English question, the reports' own Danish terms."""
    return [m.group(0).strip('()«»"“”') for m in _CITED.finditer(text)]


def language_of(text: str) -> str:
    uncited = _CITED.sub(" ", text)
    own = uncited if uncited.strip() else text
    words = re.findall(r"[a-zæøå]+", own.lower())
    en = sum(w in _EN for w in words)
    # æ/ø/å count for Danish in ordinary words only: a name («FællesSprog», «Ringkøbing») is written so in English too
    ordinary = " ".join(w for w in own.split() if not w[:1].isupper())
    da = sum(w in _DA for w in words) + 2 * len(re.findall(r"[æøå]", ordinary.lower()))
    return "en" if en > da else "da"


def previous_questions(history: Sequence[object]) -> list[str]:
    """Questions from history given as strings, (question, answer) pairs or {'role', 'content'} dicts."""
    out = []
    for turn in history:
        if isinstance(turn, str):
            out.append(turn)
        elif isinstance(turn, dict):
            if turn.get("role", "user") == "user" and turn.get("content"):
                out.append(str(turn["content"]))
            elif "question" in turn:
                out.append(str(turn["question"]))
        elif isinstance(turn, (tuple, list)) and turn:
            out.append(str(turn[0]))
        elif hasattr(turn, "question"):
            out.append(str(turn.question))
    return out


def is_follow_up(question: str) -> bool:
    words = re.findall(r"\w+", question)
    return bool(_FOLLOW_UP_START.match(question)) or (len(words) <= 5 and bool(_REFERS_BACK.search(question)))


def standalone_query(question: str, history: Sequence[object]) -> str:
    """«og for KY?» after «Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KSD?» becomes
    «Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KY?»."""
    previous = previous_questions(history)
    if not previous or not is_follow_up(question):
        return question
    last = previous[-1]
    changed = _with_new_figures(last, question)
    if changed is not None:
        return changed
    new_entities = [e for e in _ENTITY.findall(question)]
    old_entities = [e for e in _ENTITY.findall(last) if e not in new_entities]
    if new_entities and old_entities:
        return _replace_last(last, old_entities[-1], new_entities[-1])
    rest = _FOLLOW_UP_START.sub("", question).strip(" ?")
    return f"{last.rstrip(' ?')} – {rest}?" if rest else last


def _with_new_figures(last: str, question: str) -> str | None:
    """«Og hvis vi kun når 15 %?» after «Hvad sparer vi ved 25 % effektivisering på 10 årsværk …?»: the earlier
    question with the follow-up's figures in place of the one figure of the same kind each replaces; None when a
    figure has no single earlier figure of its kind to replace."""
    naming = (UnitKind.LABEL, UnitKind.YEAR)
    new = [q for q in read_quantities(question, language_of(question) == "en") if q.unit not in naming]
    old = [q for q in read_quantities(last, language_of(last) == "en") if q.unit not in naming]
    swaps = []
    for q in new:
        same = [o for o in old if o.unit is q.unit]
        if len(same) != 1:
            return None
        swaps.append((same[0], q))
    if not swaps or len({o.start for o, _ in swaps}) < len(swaps):
        return None
    for o, q in sorted(swaps, key=lambda s: s[0].start, reverse=True):
        last = last[: o.start] + q.text + last[o.end :]
    return last


def _replace_last(text: str, old: str, new: str) -> str:
    idx = text.rfind(old)
    return text[:idx] + new + text[idx + len(old) :]
