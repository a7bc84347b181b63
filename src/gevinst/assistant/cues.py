"""Cue words near a question's numbers: which words belong to a number (back to the previous number, forward
to the end of its clause) and how strongly a calculator input's cue words name it. Read by filling.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gevinst.assistant import lexicon, question_cues
from gevinst.assistant.query import QuantityMention
from gevinst.calculators import Input, Spec

# A clause ends at a conjunction, a comma or semicolon, or a full stop that ends a sentence (not «pr. 1.000»).
_CLAUSE_END = re.compile(r"\s+(?:og|eller|men|and|or|but)\s+|[,;:?!](?:\s|$)|\.(?=\s+[A-ZÆØÅ]|\s*$)")
_WINDOW = 60


@dataclass(frozen=True)
class Context:
    """The words that belong to one number: back to the previous number, forward to the end of its clause."""

    before: str
    after: str
    noun: str = ""


@cache
def cue_pattern(cue: str) -> re.Pattern[str]:
    # A cue matches at the start of a word (so «effektivis» matches «effektivisering»); short cues whole words.
    # Danish compounds put the head last («digitaliseringsgevinsten»), so a long cue may also end a compound.
    tail = r"(?![\wæøå])" if len(cue) <= 3 and cue[-1:].isalpha() else ""
    head = "" if (len(cue) >= 6 and cue[0].isalpha()) or not cue[0].isalnum() else r"(?<![\wæøå])"
    return re.compile(head + question_cues.gapped(cue) + tail)


def contexts(text: str, figures: tuple[QuantityMention, ...]) -> list[Context]:
    low = text.lower()
    out = []
    for n, q in enumerate(figures):
        start = max(figures[n - 1].end if n else 0, q.start - _WINDOW)
        stop = figures[n + 1].start if n + 1 < len(figures) else len(low)
        after = text[q.end : min(stop, q.end + _WINDOW)]
        if text[q.end - 1 : q.end] == "." and re.match(r"\s+[A-ZÆØÅ]", after):  # «… 35 pct. Målet er 60 pct.»
            out.append(Context(low[start : q.start], ""))
            continue
        cut = _CLAUSE_END.search(after)
        out.append(Context(low[start : q.start], (after[: cut.start()] if cut else after).lower(), q.noun))
    return out


def affinity(inp: Input, ctx: Context) -> float:
    """Cue words near the number: the nearer, the stronger (1 next to it, ½ some words away). A cue that is the
    head of the compound noun right after the number names it too («720 børnesager» for «sager»)."""
    return strength(inp.cues, ctx)


def strength(cues: tuple[str, ...], ctx: Context) -> float:
    """How strongly any of the cue words names the number whose context this is."""
    best = 1.0 if ctx.noun and lexicon.compound_head(ctx.noun, cues) else 0.0
    for cue in cues:
        pattern = cue_pattern(cue)
        for m in pattern.finditer(ctx.before):
            best = max(best, _head(ctx.before, m) / (1 + (len(ctx.before) - m.end()) / 15))
        hit = pattern.search(ctx.after)
        if hit:
            best = max(best, _head(ctx.after, hit) / (1 + hit.start() / 15))
    return best


def _head(text: str, m: re.Match[str]) -> float:
    """A cue that ends its word is the word's head («drift», «driftsbesparelse» for «besparelse»); one that
    only starts a longer compound is a modifier and counts a quarter («drift» in «driftsbesparelser»): less
    than a second figure for an adding input (½), which the compound's head names."""
    rest = text[m.end() :].split()[0] if m.end() < len(text) and text[m.end()].isalpha() else ""
    return 0.25 if len(rest) > 6 else 1.0


# The clause a number stands in, back to its start: a comma, semicolon, colon, full stop or «men»/«but».
_CLAUSE_START = re.compile(r".*(?:[,;:.!?]\s|\s(?:men|but)\s)", re.DOTALL)


def reports_figure(text: str, q: QuantityMention) -> bool:
    """The number stands in a clause that gives it as a report's («Rapporten regner med 6 minutter …») and
    not as the asker's own («… men vi sparer 4 minutter»): when both compete for one input, ours wins."""
    before = text[: q.start].lower()
    m = _CLAUSE_START.match(before)
    clause = before[m.end() :] if m else before
    words = set(re.findall(r"[\wæøå]+", clause))
    reported = any(w.startswith(lexicon.report_words()) for w in words)
    return reported and not words & lexicon.ownership_words()


def goal_hits(spec: Spec, text: str) -> int:
    low = text.lower()
    return sum(1 for cue in spec.goal_cues if cue_pattern(cue).search(low))
