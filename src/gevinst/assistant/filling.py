"""Fill a declared calculator's inputs from the numbers a question states, and pick the calculator the
question supplies best. Nothing here is written for one calculator: every input is filled by its declared
unit kind and cue words (calculators/spec.py), judged against the words nearest each number."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from gevinst.assistant.query import QuantityMention, Query, UnitKind
from gevinst.calculators import SPECS, Input, Kind, Spec

# Which kinds of stated number can fill which kind of input.
_ACCEPTS: dict[Kind, tuple[UnitKind, ...]] = {
    Kind.AMOUNT: (UnitKind.AMOUNT,),
    Kind.PERCENT: (UnitKind.PERCENT,),
    Kind.COUNT: (UnitKind.COUNT, UnitKind.FTE),
    Kind.FTE: (UnitKind.FTE, UnitKind.COUNT),
    Kind.HOURS: (UnitKind.HOURS,),
    Kind.MINUTES: (UnitKind.MINUTES,),
    Kind.YEARS: (UnitKind.YEARS,),
}
_CLAUSE_END = re.compile(r"\s+(?:og|eller|men|and|or|but)\s+|[,.;:?!](?:\s|$)")
_WINDOW = 60


@dataclass(frozen=True)
class Filling:
    spec: Spec
    arguments: dict[str, Any]
    missing: tuple[str, ...]  # labels of what the question does not give
    used: frozenset[int]  # indexes of the question's figures this calculator uses
    goal: int  # how many of the calculator's goal cues the question says
    affinity: float  # how well the cue words around the numbers fit the inputs they fill

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class _Context:
    """The words that belong to one number: back to the previous number, forward to the end of its clause."""

    before: str
    after: str
    noun: str = ""
    pos: tuple[int, int] = field(default=(0, 0))


@cache
def _cue_pattern(cue: str) -> re.Pattern[str]:
    # A cue matches at the start of a word (so «effektivis» matches «effektivisering»); short cues whole words.
    tail = r"(?![\wæøå])" if len(cue) <= 3 and cue[-1:].isalpha() else ""
    return re.compile(r"(?<![\wæøå])" + re.escape(cue) + tail)


def _contexts(text: str, figures: tuple[QuantityMention, ...]) -> list[_Context]:
    low = text.lower()
    out = []
    for n, q in enumerate(figures):
        start = max(figures[n - 1].end if n else 0, q.start - _WINDOW)
        stop = figures[n + 1].start if n + 1 < len(figures) else len(low)
        after = low[q.end : min(stop, q.end + _WINDOW)]
        cut = _CLAUSE_END.search(after, len(q.noun) + 1 if q.noun else 0)
        out.append(_Context(low[start : q.start], after[: cut.start()] if cut else after, q.noun))
    return out


def _affinity(inp: Input, ctx: _Context) -> float:
    """Cue words near the number: the nearer, the stronger (1 next to it, ½ some words away)."""
    best = 0.0
    for cue in inp.cues:
        pattern = _cue_pattern(cue)
        for m in pattern.finditer(ctx.before):
            best = max(best, 1 / (1 + (len(ctx.before) - m.end()) / 15))
        m = pattern.search(ctx.after)
        if m:
            best = max(best, 1 / (1 + m.start() / 15))
    return best


def goal_hits(spec: Spec, text: str) -> int:
    low = text.lower()
    return sum(1 for cue in spec.goal_cues if _cue_pattern(cue).search(low))


def _list_values(inp: Input, figures: tuple[QuantityMention, ...]) -> tuple[list[float], list[float], set[int]]:
    wanted = UnitKind.AMOUNT if inp.kind is Kind.AMOUNT_LIST else UnitKind.PERCENT
    picked = [(n, q) for n, q in enumerate(figures) if q.unit is wanted]
    lows = [q.value for _, q in picked]
    highs = [q.high if q.high is not None else q.value for _, q in picked]
    return lows, highs, {n for n, _ in picked}


def fill(spec: Spec, query: Query) -> Filling:
    figures = query.figures
    contexts = _contexts(query.text, figures)
    args: dict[str, Any] = {}
    used: set[int] = set()
    affinity = 0.0
    scalars = [i for i in spec.inputs if i.kind in _ACCEPTS]
    for inp in spec.inputs:
        if inp.kind is Kind.AMOUNT_LIST and inp.required:
            lows, highs, idx = _list_values(inp, figures)
            args[inp.name], used = lows, used | idx
            if highs != lows and any(i.name == f"{inp.name}_high" for i in spec.inputs):
                args[f"{inp.name}_high"] = highs
        elif inp.kind is Kind.PERCENT_LIST:
            lows, _, idx = _list_values(inp, figures)
            if lows:
                args[inp.name], used = lows, used | idx
    pairs = sorted(
        (
            (_affinity(inp, contexts[n]), -n, k, n, inp)
            for k, inp in enumerate(scalars)
            for n, q in enumerate(figures)
            if q.unit in _ACCEPTS[inp.kind]
        ),
        key=lambda p: (p[0], p[1], -p[2]),
        reverse=True,
    )
    for score, _, _, n, inp in pairs:  # strongest cue first
        if score > 0 and n not in used and inp.name not in args and not _rival_given(spec, inp, args):
            args[inp.name], affinity = figures[n].value, affinity + score
            used.add(n)
            _take_range_end(spec, inp, figures[n], args)
    for inp in scalars:  # required inputs still open take the remaining numbers of their kind in order
        if inp.required and inp.name not in args:
            n = next((n for n, q in enumerate(figures) if n not in used and q.unit in _ACCEPTS[inp.kind]), None)
            if n is not None:
                args[inp.name] = figures[n].value
                used.add(n)
                _take_range_end(spec, inp, figures[n], args)
    missing = tuple(i.label for i in spec.required if i.name not in args)
    missing += tuple(
        " eller ".join(spec.input(n).label.lower() for n in group)
        for group in spec.one_of
        if not any(n in args for n in group)
    )
    return Filling(spec, args, missing, frozenset(used), goal_hits(spec, query.text), affinity)


def _take_range_end(spec: Spec, inp: Input, q: QuantityMention, args: dict[str, Any]) -> None:
    if q.high is not None and any(i.name == f"{inp.name}_high" for i in spec.inputs):
        args[f"{inp.name}_high"] = q.high


def _rival_given(spec: Spec, inp: Input, args: dict[str, Any]) -> bool:
    """Another input of the same «exactly one of» group is filled already (månedsløn or årsværkspris)."""
    return any(inp.name in group and any(n in args for n in group if n != inp.name) for group in spec.one_of)


def rank(query: Query) -> list[Filling]:
    """Every calculator filled from the question, best first: complete before incomplete, then the ones the
    question asks for by name, then the ones that use more of the question's numbers with better-fitting cues."""
    figures = len(query.figures) or 1
    fillings = [fill(spec, query) for spec in SPECS.values() if _routable(spec)]
    return sorted(
        fillings,
        key=lambda f: (f.complete, f.goal > 0, len(f.used) / figures, f.goal, f.affinity, -len(f.spec.inputs)),
        reverse=True,
    )


def _routable(spec: Spec) -> bool:
    return not any(i.required and i.kind is Kind.TASKS for i in spec.inputs) and any(
        i.kind is not Kind.TASKS for i in spec.inputs
    )
