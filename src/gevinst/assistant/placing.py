"""Putting one stated figure into one calculator input: which kinds of figure an input accepts, scaling a
count given per month or week to a year, a range's high end, and the larger of two figures first where the
calculator compares them. Used by filling.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gevinst.assistant import lexicon
from gevinst.assistant.query import QuantityMention, UnitKind
from gevinst.calculators import PER_YEAR, Input, Kind, Origin, Period, Spec
from gevinst.danish_numbers import format_number

_PERIOD_TEXT = {
    Period.QUARTER: "i kvartalet",
    Period.MONTH: "om måneden",
    Period.FORTNIGHT: "hver anden uge",
    Period.WEEK: "om ugen",
    Period.YEAR: "om året",
}


@dataclass
class Aside:
    """What placing figures notes beside the calculator's arguments: the high end of a range the calculator has
    no input for (it runs again with it), and how a figure was scaled to a year (input → «dit tal: 2.000 om
    måneden × 12»), which the answer's assumptions show."""

    highs: dict[str, float] = field(default_factory=dict)
    scaled: dict[str, str] = field(default_factory=dict)
    # how many of a period the asker's year has, when the question says («i 46 arbejdsuger»): not 52
    in_year: dict[Period, float] = field(default_factory=dict)


# Which kinds of stated number can fill which kind of input.
ACCEPTS: dict[Kind, tuple[UnitKind, ...]] = {
    Kind.AMOUNT: (UnitKind.AMOUNT,),
    Kind.PERCENT: (UnitKind.PERCENT,),
    Kind.COUNT: (UnitKind.COUNT, UnitKind.FTE),
    Kind.FTE: (UnitKind.FTE, UnitKind.COUNT),
    Kind.HOURS: (UnitKind.HOURS,),
    Kind.MINUTES: (UnitKind.MINUTES,),
    Kind.YEARS: (UnitKind.YEARS,),
}


def accepts(inp: Input, q: QuantityMention) -> bool:
    """The figure's kind fits the input, and so does the period it is stated per: 18 mio. kr. «om året» is no
    monthly salary, 34.000 kr. «om måneden» no yearly price; a yearly count that scales takes one per month or week."""
    period_ok = inp.period is None or q.per is None or q.per is inp.period or inp.scales
    # nor is a figure far from the input's usual size: 420 kr. is an hourly rate, never a monthly salary
    size_ok = inp.typical is None or inp.typical[0] / 2 <= abs(q.value) < inp.typical[1] * 2
    # a count of the people served («300 borgere», «150 anbragte børn») is never staff
    served = inp.kind is Kind.FTE and q.unit is UnitKind.COUNT and lexicon.counts_people_served(q.noun, q.after)
    # «hver tager 45 minutter» is no time saved per task, nor «en halv time om dagen» (a time per day, per head)
    took = inp.saving and (lexicon.states_duration(q.before, q.after) or q.per is not None or lexicon.per_day(q.after))
    whole = inp.each and lexicon.states_whole(q.before)  # «koster tilsammen 2,1 mio. kr.» is no price of one
    hourly = inp.untimed and lexicon.per_hour(q.after)  # «380 kr. i timen» prices hours, not heads
    # «som hver tjener 31.000 kr. om måneden»: a monthly wage is a salary (fte_cost adds pension and overhead), no
    # price of one to multiply by twelve
    wage = inp.each and q.per is Period.MONTH and lexicon.states_wage(q.before)
    # a rise in points is a count of points («10 procentpoint»), and a share's level («til 85 %») is none
    points = inp.points and q.unit is UnitKind.COUNT and q.noun in lexicon.word_set("point_nouns")
    level = inp.points and not points
    return (
        (q.unit in ACCEPTS.get(inp.kind, ()) or points)
        and period_ok
        and size_ok
        and not (served or took or whole or hourly or wage or level)
    )


def per_year(
    inp: Input, q: QuantityMention, yearly_ask: bool = False, in_year: dict[Period, float] | None = None
) -> float:
    """«1.500 henvendelser om måneden» fill a yearly count as 18.000; an amount per month fills an input of no
    period as a yearly one when the question asks per year («… en halv million om måneden. Hvad sparer vi om
    året?»). `in_year`: the periods the question says its year has («40 sager om ugen i 46 arbejdsuger»)."""
    if q.per is None:
        return 1
    asked = yearly_ask and inp.period is None and inp.kind is Kind.AMOUNT
    return (in_year or {}).get(q.per, PER_YEAR[q.per]) if inp.scales or asked else 1


def larger_first(spec: Spec, args: dict[str, Any]) -> None:
    if len(spec.larger_first) != 2:
        return
    a, b = spec.larger_first
    if isinstance(args.get(a), float) and isinstance(args.get(b), float) and args[a] < args[b]:
        args[a], args[b] = args[b], args[a]
        high_a, high_b = args.pop(f"{a}_high", None), args.pop(f"{b}_high", None)
        if high_b is not None:
            args[f"{a}_high"] = high_b
        if high_a is not None:
            args[f"{b}_high"] = high_a


def put(
    spec: Spec, inp: Input, q: QuantityMention, args: dict[str, Any], aside: Aside, yearly_ask: bool = False
) -> None:
    factor = per_year(inp, q, yearly_ask, aside.in_year)
    if inp.adds and isinstance(args.get(inp.name), float):
        args[inp.name] += q.value * factor
        aside.scaled.pop(inp.name, None)  # a sum of figures: no one figure's scaling tells how it came about
        return
    args[inp.name] = q.value * factor
    if factor != 1 and q.per is not None:
        aside.scaled[inp.name] = f"{Origin.USER.value}: {format_number(q.value)} {_PERIOD_TEXT[q.per]} × {factor:g}"
    take_range_end(spec, inp, q, args, aside.highs, factor)


def range_end(spec: Spec, inp: Input) -> bool:
    return inp.name.endswith("_high") and any(i.name == inp.name.removesuffix("_high") for i in spec.inputs)


def take_range_end(
    spec: Spec, inp: Input, q: QuantityMention, args: dict[str, Any], highs: dict[str, float], factor: float = 1
) -> None:
    """A range's high end goes to the input's own high end; a calculator without one runs again with it."""
    if q.high is None:
        return
    if any(i.name == f"{inp.name}_high" for i in spec.inputs):
        args[f"{inp.name}_high"] = q.high * factor
    else:
        highs[inp.name] = q.high * factor
