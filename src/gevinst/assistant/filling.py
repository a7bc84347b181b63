"""Fill a declared calculator's inputs from the numbers a question states, and pick the calculator the
question supplies best. Nothing here is written for one calculator: every input is filled by its declared
unit kind and cue words (calculators/spec.py), judged against the words nearest each number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gevinst.assistant import question_cues, staffing, yearly
from gevinst.assistant.cues import Context, affinity, contexts, cue_pattern, goal_hits, reports_figure
from gevinst.assistant.placing import ACCEPTS, Aside, accepts, larger_first, per_year, put, range_end
from gevinst.assistant.query import Language, QuantityMention, Query, UnitKind
from gevinst.assistant.rows import read_rows
from gevinst.calculators import SPECS, Input, Kind, Spec

# A report's figure weighs less than the asker's own for the same input (below 1, above ½: it still fills an
# input no other figure names).
REPORTED = 0.7


@dataclass(frozen=True)
class Filling:
    spec: Spec
    arguments: dict[str, Any]
    missing: tuple[str, ...]  # labels of what the question does not give
    used: frozenset[int]  # indexes of the question's figures this calculator uses
    goal: int  # how many of the calculator's goal cues the question says
    affinity: float  # how well the cue words around the numbers fit the inputs they fill
    # the high end of a range («10-15 %») for an input the calculator has no high end for: it runs twice
    highs: tuple[tuple[str, float], ...] = ()
    # how a figure given per month or week was scaled to a year (input → «dit tal: 2.000 om måneden × 12»)
    scaled: tuple[tuple[str, str], ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing


# What a calculator that runs only when the question names it lacks when the question does not
GOAL_UNSAID = "at spørgsmålet beder om netop denne beregning"


def usable(spec: Spec, q: QuantityMention) -> bool:
    """Could any input of the calculator take this figure?"""
    lists = {Kind.AMOUNT_LIST: UnitKind.AMOUNT, Kind.PERCENT_LIST: UnitKind.PERCENT, Kind.TASKS: UnitKind.PERCENT}
    return any(q.unit in ACCEPTS.get(i.kind, ()) or lists.get(i.kind) is q.unit for i in spec.inputs)


def uses_every_figure(filling: Filling, query: Query) -> bool:
    """Every figure of the question the calculator could take is used (or restates one used); one it cannot take
    is context («en kommune med 95.000 indbyggere» in a business case)."""
    figures = query.figures
    restated = {n for n, q in enumerate(figures) if any(_same(q, figures[m]) for m in filling.used if m < n)}
    return all(n in filling.used or n in restated for n, q in enumerate(figures) if usable(filling.spec, q))


def _same(a: QuantityMention, b: QuantityMention) -> bool:
    """The same figure stated again («… 14 mio. kr. … 5 % af de oprindelige 14 mio.»)."""
    return a.unit is b.unit and a.value == b.value and a.high == b.high


def _list_values(inp: Input, figures: tuple[QuantityMention, ...]) -> tuple[list[float], list[float], set[int]]:
    wanted = UnitKind.AMOUNT if inp.kind is Kind.AMOUNT_LIST else UnitKind.PERCENT
    picked = [(n, q) for n, q in enumerate(figures) if q.unit is wanted]
    lows = [q.value for _, q in picked]
    highs = [q.high if q.high is not None else q.value for _, q in picked]
    return lows, highs, {n for n, _ in picked}


def fill(spec: Spec, query: Query) -> Filling:
    figures = query.figures
    near = contexts(query.text, figures)
    args: dict[str, Any] = {}
    aside = Aside()  # high ends the calculator has no input for, and figures scaled to a year
    aside.in_year, used = yearly.weeks_in_year(query)
    repeated = False
    for inp in spec.inputs:
        if inp.kind is Kind.AMOUNT_LIST and inp.required:
            lows, high_ends, idx = _list_values(inp, figures)
            if len(lows) >= 2:  # a total or a list needs at least two figures
                args[inp.name], used = lows, used | idx
                if high_ends != lows and any(i.name == f"{inp.name}_high" for i in spec.inputs):
                    args[f"{inp.name}_high"] = high_ends
        elif inp.kind is Kind.PERCENT_LIST:
            lows, _, idx = _list_values(inp, figures)
            stated = [figures[n] for n in sorted(idx)]
            years = yearly.stated_years(query, used | idx, stated)
            # one percentage in no year («Hvad frigør 1,5 %?») is a percentage of an amount, not a yearly list; nor
            # are several in a question that speaks of no year («… til 85 % … 10 % billigere»)
            several = len(lows) > 1 and yearly.speaks_of_years(query)
            if several or (lows and (years is not None or goal_hits(spec, query.text))):
                lows = yearly.increments(lows, stated, query.text)
                args[inp.name], used = yearly.spread(lows, years), used | idx | (years.used if years else set())
                repeated = repeated or bool(years and years.yearly) or yearly.one_year_each(query, stated)
        elif inp.per_head and (staff := staffing.staff_hours(figures, used, query.language is Language.EN)) is not None:
            args[inp.name], used = staff[0], used | staff[1]
        elif inp.kind is Kind.TASKS:
            tasks, idx = read_rows(inp, query.text, figures, near)
            if tasks:
                args[inp.name], used = tasks, used | idx
    # the high end of a range («5-10 %») comes with its low end (_take_range_end), never as a figure of its own
    scalars = [i for i in spec.inputs if i.kind in ACCEPTS and not range_end(spec, i)]
    own_first = [REPORTED if reports_figure(query.text, q) else 1.0 for q in figures]
    options = [
        [
            (inp, a * own_first[n])
            for inp in scalars
            if inp.name not in args and accepts(inp, q) and (a := affinity(inp, near[n])) > 0
        ]
        if n not in used
        else []
        for n, q in enumerate(figures)
    ]
    fit, assignment = _best_assignment(spec, options)
    yearly_ask = question_cues.asks_per_year(query.text)
    for n, inp in sorted(assignment.items()):
        put(spec, inp, figures[n], args, aside, yearly_ask)
        used.add(n)
    placed = {inp.name: n for n, inp in assignment.items()}  # input → the figure that fills it
    for inp in scalars:  # required inputs still open take the remaining numbers of their kind in order
        if inp.required and inp.name not in args:
            free = next((n for n, q in enumerate(figures) if n not in used and accepts(inp, q)), None)
            if free is not None:
                put(spec, inp, figures[free], args, aside, yearly_ask)
                used.add(free)
                placed[inp.name] = free
            else:
                _give_up_one(spec, inp, figures, near, assignment, args, aside)
    _one_of_by_size(spec, figures, args, used, aside)
    if query.computes:  # only a question that asks to compute lends its figures to presets' places
        _only_open(spec, scalars, figures, args, used, aside)
    larger_first(spec, args)
    low = query.text.lower()
    for inp in spec.inputs:  # a report preset the question names by its cue («telefon og mail»)
        named = next((p for cues, p in inp.named_presets if any(cue_pattern(c).search(low) for c in cues)), None)
        if named is not None and inp.name not in args:
            args[inp.name] = named
    missing = tuple(i.label for i in spec.required if i.name not in args)
    missing += tuple(
        " eller ".join(spec.input(n).label.lower() for n in group)
        for group in spec.one_of
        if not any(n in args for n in group)
    )
    # a percentage stated per year over stated years («2 % om året i 2018, 2019 og 2020») is a yearly cut
    cued = {inp.name for inp in assignment.values()}
    together = bool(spec.named_together) and cued.issuperset(spec.named_together)
    goal = (
        goal_hits(spec, query.text) or _counts_the_same(spec, query.text, figures, placed) or int(repeated or together)
    )
    if spec.needs_goal and not goal:
        missing += (GOAL_UNSAID,)
    return Filling(
        spec, args, missing, frozenset(used), goal, fit, tuple(aside.highs.items()), tuple(aside.scaled.items())
    )


def _counts_the_same(spec: Spec, text: str, figures: tuple[QuantityMention, ...], placed: dict[str, int]) -> int:
    """The inputs of `spec.same_noun` filled by figures that count the same noun («40 sager», «70 sager»); a
    later count whose noun is left out («… på 80 sager. Vi har 120.») counts the noun just said."""
    if not all(name in placed for name in spec.same_noun):
        return 0
    shown = sorted(placed[name] for name in spec.same_noun)
    named = {figures[n].noun for n in shown if not _elided(text, figures, n, shown[0])}
    return int(len(named) == 1 and next(iter(named)).isalpha())


# A clause that ends right after its number: «vi har 650.», «we have 450;», «vi har 650 – hvad …»
_ENDS_CLAUSE = re.compile(r"\s*(?:[.?!]\s*(?:$|[A-ZÆØÅ])|[,;:]\s|\s[–—-]\s|$)")


def _elided(text: str, figures: tuple[QuantityMention, ...], n: int, first: int) -> bool:
    """The figure counts with no noun of its own, after a figure that names one: the noun is left out."""
    q = figures[n]
    return n != first and not q.noun and bool(_ENDS_CLAUSE.match(text, q.end))


def _give_up_one(
    spec: Spec,
    inp: Input,
    figures: tuple[QuantityMention, ...],
    near: list[Context],
    assignment: dict[int, Input],
    args: dict[str, Any],
    aside: Aside,
) -> None:
    """A required input no figure is left for takes one from an adding input that took two or more: the one its
    cues name least («et projekt på 4 mio. kr. med en årlig gevinst på 1,1 mio. kr.» is an investment and a gain,
    not two gains)."""
    held = [n for n, a in assignment.items() if a.adds and accepts(inp, figures[n])]
    donors = [n for n in held if sum(a is assignment[n] for a in assignment.values()) >= 2]
    if not donors:
        return
    n = min(donors, key=lambda k: (affinity(assignment[k], near[k]), k))
    adding = assignment.pop(n)
    args[adding.name] -= figures[n].value * per_year(adding, figures[n])
    aside.scaled.pop(adding.name, None)
    assignment[n] = inp
    put(spec, inp, figures[n], args, aside)


def _one_of_by_size(
    spec: Spec, figures: tuple[QuantityMention, ...], args: dict[str, Any], used: set[int], aside: Aside
) -> None:
    """An «exactly one of» group still open takes a free figure of the size only one of its inputs has."""
    for group in spec.one_of:
        if any(name in args for name in group):
            continue
        for n, q in enumerate(figures):
            fits = [
                i
                for i in map(spec.input, group)
                if n not in used and i.typical and accepts(i, q) and i.typical[0] <= q.value < i.typical[1]
            ]
            if len(fits) == 1:
                put(spec, fits[0], q, args, aside)
                used.add(n)
                break


def _only_open(
    spec: Spec,
    scalars: list[Input],
    figures: tuple[QuantityMention, ...],
    args: dict[str, Any],
    used: set[int],
    aside: Aside,
) -> None:
    """A figure the question gives that no cue placed fills the one input still open for its kind: the user's
    own figure goes before a preset («Et hjemmebesøg koster 300 kr.» is the old channel's price)."""
    for n, q in enumerate(figures):
        if n in used:
            continue
        taken = set(args)
        open_ = [
            i
            for i in scalars
            if i.name not in taken
            and accepts(i, q)
            and not any(i.name in g and taken & (set(g) - {i.name}) for g in spec.one_of)
        ]
        if len(open_) == 1:
            put(spec, open_[0], q, args, aside)
            used.add(n)


def _best_assignment(spec: Spec, options: list[list[tuple[Input, float]]]) -> tuple[float, dict[int, Input]]:
    """The assignment of numbers to inputs with the highest total cue affinity: each input takes one number
    (an adding input may take several), and of an «exactly one of» group only one input is filled."""
    best: tuple[float, dict[int, Input]] = (0.0, {})

    def clash(inp: Input, taken: dict[int, Input]) -> bool:
        names = {i.name for i in taken.values()}
        if inp.name in names and not inp.adds:
            return True
        return any(inp.name in g and any(n in names for n in g if n != inp.name) for g in spec.one_of)

    def walk(n: int, total: float, taken: dict[int, Input]) -> None:
        nonlocal best
        if n == len(options):
            if total > best[0] + 1e-9:
                best = (total, dict(taken))
            return
        for inp, score in options[n]:
            if not clash(inp, taken):
                # a second figure for an adding input counts half: two figures are more often two inputs
                again = inp.adds and any(i.name == inp.name for i in taken.values())
                taken[n] = inp
                walk(n + 1, total + (score / 2 if again else score), taken)
                del taken[n]
        walk(n + 1, total, taken)

    if sum(len(o) for o in options) <= 24:
        walk(0, 0.0, {})
    return best


def rank(query: Query) -> list[Filling]:
    """Every calculator filled from the question, best first: complete before incomplete, then the ones the
    question asks for by name, then the ones that use more of the question's numbers with better-fitting cues."""
    figures = len(query.figures) or 1
    fillings = [fill(spec, query) for spec in SPECS.values()]
    return sorted(
        fillings,
        key=lambda f: (f.complete, f.goal > 0, len(f.used) / figures, f.goal, f.affinity, -len(f.spec.inputs)),
        reverse=True,
    )
