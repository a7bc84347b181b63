"""Calculators declared once. Each calculator states its inputs here — name, Danish label, unit kind, the cue
words that name the input in a question, required or defaulted, and for a default the named preset it comes
from. The pydantic model, the CLI help, the UI form, the tool schema for LLM backends, the chat's router and
the assumptions shown with every result all read this declaration."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, ValidationError, create_model

from gevinst.calculators.base import Assumption, CalcInput, CalcResult, CalculatorInputError, explain
from gevinst.danish_numbers import format_number, format_pct

RESULT_LIMIT = 1e15  # far beyond any municipal figure; larger means an input was mistyped


class Kind(StrEnum):
    """What an input measures; decides which numbers of a question can fill it and how it is shown."""

    AMOUNT = "amount"  # kr.
    PERCENT = "percent"
    COUNT = "count"
    FTE = "fte"
    HOURS = "hours"
    MINUTES = "minutes"
    YEARS = "years"
    PERCENT_LIST = "percent_list"  # yearly percentages
    AMOUNT_LIST = "amount_list"
    TASKS = "tasks"


class Period(StrEnum):
    """What a stated amount is per: a salary per month, a price per year. An amount a question states «om året»
    cannot fill an input that is per month."""

    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    FORTNIGHT = "fortnight"  # «hver anden uge», «every two weeks»
    WEEK = "week"


# How many of each period a year holds: a yearly count or amount stated per month or week is scaled up.
PER_YEAR = {Period.YEAR: 1, Period.QUARTER: 4, Period.MONTH: 12, Period.FORTNIGHT: 26, Period.WEEK: 52}


UNIT_TEXT = {
    Kind.AMOUNT: "kr.",
    Kind.PERCENT: "%",
    Kind.COUNT: "",
    Kind.FTE: "årsværk",
    Kind.HOURS: "timer",
    Kind.MINUTES: "min.",
    Kind.YEARS: "år",
    Kind.PERCENT_LIST: "%",
    Kind.AMOUNT_LIST: "kr.",
    Kind.TASKS: "",
}


class Origin(StrEnum):
    USER = "dit tal"
    PRESET = "forudsætning"
    DEFAULT = "standard"


@dataclass(frozen=True)
class Preset:
    """A default taken from a report, named in words («KOMBIT/KL 2014, §2.3») and cited by its passage."""

    value: Any
    source: str
    doc_id: str
    page: int | None = None
    section: str = ""


@dataclass(frozen=True)
class Input:
    name: str
    label: str
    kind: Kind
    cues: tuple[str, ...] = ()  # words (Danish and English) that name this input next to its number
    required: bool = True
    preset: Preset | None = None  # the report default used when the question does not give the input
    default: Any = None  # a neutral default that is no report's figure (0 % discount, 10 years)
    ge: float | None = 0
    gt: float | None = None
    le: float | None = None
    integer: bool = False
    help: str = ""
    adds: bool = False  # several stated figures for this input add up («sparer 25 mio. … og 13 mio. … om året»)
    # Other report presets a question can choose by naming them («telefon og mail» → Hjørring's 175 kr.)
    named_presets: tuple[tuple[tuple[str, ...], Preset], ...] = ()
    # The usual size of a stated value: places a figure no cue word places between the inputs of an «exactly
    # one of» group (a monthly salary of 34.000 kr., a yearly cost per FTE of 480.000 kr.)
    typical: tuple[float, float] | None = None
    # The input takes part only when this other input is given (pension and overhead turn a monthly salary
    # into a yearly price; given the yearly price, they are neither used nor shown as assumptions).
    only_with: str | None = None
    period: Period | None = None  # the amount is per this period (a monthly salary, a yearly price)
    # A team's total hours, which a question may state per head («seks medarbejdere på 37 timer og én på 30»)
    per_head: bool = False
    # A yearly figure that may be stated per month or week («1.500 henvendelser om måneden») and is scaled to a
    # year; not a yearly price, where a monthly amount is a salary, a different thing.
    scales: bool = False
    # A table input's columns, each with the cue words that name its figure in a question («fylder 30 % af tiden»
    # is a task's share, «kan effektiviseres 40 %» its potential)
    columns: tuple[tuple[str, tuple[str, ...]], ...] = ()
    saving: bool = False  # a time saved: never the time a task takes («hver tager 45 minutter»)
    each: bool = False  # the price of one unit: never an amount stated as a group's total («tilsammen 2,1 mio. kr.»)
    untimed: bool = False  # a price of a thing counted, never of an hour («380 kr. i timen» × 14 medarbejdere)
    points: bool = False  # a rise stated in percentage points («10 procentpoint»), never a share's level («til 85 %»)
    # Word stems that mark a report's clause as stating this input, when a question borrows it («personale» for a
    # share of staff costs: «reducere personaleomkostningerne … med 10 %», not «tabte refusioner med 50 %»)
    about: tuple[str, ...] = ()

    @property
    def fallback(self) -> Any:
        return self.preset.value if self.preset is not None else self.default


Compute = Callable[[Any], CalcResult]


@dataclass(frozen=True)
class Spec:
    name: str
    title: str  # Danish, for people: «Besparelse ved færre årsværk»
    description: str
    inputs: tuple[Input, ...]
    compute: Compute
    goal_cues: tuple[str, ...] = ()  # words that say the question asks for this calculation
    base: type[CalcInput] = CalcInput  # carries cross-field validators
    method: Preset | None = None  # where the method itself comes from
    one_of: tuple[tuple[str, ...], ...] = ()  # groups of optional inputs of which exactly one must be given
    larger_first: tuple[str, ...] = ()  # two inputs a question's figures fill largest first (a − b ≥ 0)
    needs_goal: bool = False  # only when the question names it: its inputs alone fit too many questions
    # Two inputs that, counting the same noun, say the question asks for this calculation («… 500.000 kr. på 40
    # sager. Vi har 70 sager.»: the example's count and ours)
    same_noun: tuple[str, ...] = ()
    # Inputs that, all named by their own cue words, say the question asks for this calculation («fra papir (145
    # kr.) til digital (38 kr.)»: the old channel's price and the new's; «i dag 55 %, målet er 80 %»)
    named_together: tuple[str, ...] = ()
    model: type[BaseModel] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "model", build_model(self))

    def input(self, name: str) -> Input:
        return next(i for i in self.inputs if i.name == name)

    @property
    def required(self) -> tuple[Input, ...]:
        return tuple(i for i in self.inputs if i.required)


def _annotation(inp: Input) -> Any:
    if inp.kind in (Kind.PERCENT_LIST, Kind.AMOUNT_LIST):
        return list[float]
    if inp.kind is Kind.TASKS:
        from gevinst.calculators.tasks import Task

        return list[Task]
    base: Any = int if inp.integer else float
    return base if inp.required else base | None


def build_model(spec: Spec) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for inp in spec.inputs:
        bounds = {"ge": inp.ge, "gt": inp.gt, "le": inp.le} if inp.kind not in (Kind.TASKS,) else {}
        if inp.kind in (Kind.PERCENT_LIST, Kind.AMOUNT_LIST):
            bounds = {}
        kwargs: dict[str, Any] = {k: v for k, v in bounds.items() if v is not None}
        info = Field(... if inp.required else None, description=inp.label, **kwargs)
        fields[inp.name] = (_annotation(inp), info)
    model: type[BaseModel] = create_model(f"{spec.name.title().replace('_', '')}Input", __base__=spec.base, **fields)
    return model


def resolve(spec: Spec, given: Mapping[str, Any]) -> tuple[BaseModel, dict[str, Origin], dict[str, Preset]]:
    """The validated inputs (presets and defaults filled in) and where each value came from."""
    unknown = set(given) - {i.name for i in spec.inputs}
    if unknown:
        raise CalculatorInputError(
            f"Ukendt parameter {', '.join(sorted(unknown))} til {spec.title}; mulige: "
            + ", ".join(i.name for i in spec.inputs)
        )
    values: dict[str, Any] = {}
    origins: dict[str, Origin] = {}
    chosen: dict[str, Preset] = {}
    for inp in spec.inputs:
        value = given.get(inp.name)
        if isinstance(value, Preset):  # a report preset the question named
            values[inp.name], origins[inp.name] = value.value, Origin.PRESET
            chosen[inp.name] = value
        elif value is not None:
            values[inp.name], origins[inp.name] = value, Origin.USER
        elif inp.preset is not None:
            values[inp.name], origins[inp.name] = inp.preset.value, Origin.PRESET
        elif inp.default is not None:
            values[inp.name], origins[inp.name] = inp.default, Origin.DEFAULT
    missing = [f"{i.label} ({i.name})" for i in spec.required if i.name not in values]
    missing += [
        " eller ".join(spec.input(n).label.lower() for n in group)
        for group in spec.one_of
        if not any(n in values for n in group)
    ]
    if missing:
        raise CalculatorInputError("Mangler input – " + "; ".join(missing) + f" til «{spec.title}»")
    try:
        return spec.model(**values), origins, chosen
    except ValidationError as exc:
        raise CalculatorInputError(_labelled(spec, explain(exc))) from None


def _labelled(spec: Spec, message: str) -> str:
    for inp in spec.inputs:
        message = message.replace(f"– {inp.name}:", f"– {inp.label} ({inp.name}):").replace(
            f"; {inp.name}:", f"; {inp.label} ({inp.name}):"
        )
    return message


def show(value: Any, kind: Kind) -> str:
    """A value in Danish notation with its unit («541.200 kr.», «40 %», «12 årsværk»)."""
    if isinstance(value, list):
        if kind is Kind.TASKS:
            return f"{len(value)} opgaver"
        return ", ".join(format_number(float(v), 2).rstrip("0").rstrip(",") for v in value) + f" {UNIT_TEXT[kind]}"
    if value is None:
        return "–"
    if kind is Kind.PERCENT:
        return format_pct(float(value))
    places = 0 if kind is Kind.AMOUNT else 2
    text = format_number(float(value), places)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return f"{text} {UNIT_TEXT[kind]}".strip()


def assumptions(
    spec: Spec, inputs: BaseModel, origins: Mapping[str, Origin], chosen: Mapping[str, Preset] | None = None
) -> list[Assumption]:
    """Every input that was used, with where it came from: «dit tal», a named preset, or a standard value."""
    out = []
    for inp in spec.inputs:
        value = getattr(inputs, inp.name)
        if value is None or inp.name not in origins:
            continue
        if inp.only_with is not None and inp.only_with not in origins:
            continue
        origin = origins[inp.name]
        shown = value if not isinstance(value, list) else show(value, inp.kind)
        preset = (chosen or {}).get(inp.name) or inp.preset
        if origin is Origin.PRESET and preset is not None:
            p = preset
            out.append(
                Assumption(inp.name, inp.label, shown, UNIT_TEXT[inp.kind], p.source, p.doc_id, p.page, p.section)
            )
        else:
            out.append(Assumption(inp.name, inp.label, shown, UNIT_TEXT[inp.kind], origin.value))
    if spec.method is not None:
        m = spec.method
        out.append(Assumption("method", "Metode", m.value, "", m.source, m.doc_id, m.page, m.section))
    return out


def run(spec: Spec, given: Mapping[str, Any]) -> CalcResult:
    inputs, origins, chosen = resolve(spec, given)
    too_large = CalculatorInputError(
        f"Ugyldigt input – resultatet af «{spec.title}» bliver urimeligt stort med disse tal; tjek dem (fx et meget "
        "lille antal timer eller en meget lille andel)."
    )
    try:
        result = spec.compute(inputs)
    except (ArithmeticError, ValueError):  # a float overflow reaching the Danish formatting (Decimal of inf)
        raise too_large from None
    numbers = [result.value, result.high, *(v for v in result.figures.values() if isinstance(v, float | int))]
    if any(v is not None and not (math.isfinite(v) and abs(v) <= RESULT_LIMIT) for v in numbers):
        raise too_large
    result.formula = result.formula.replace("kr..", "kr.")
    result.assumptions = assumptions(spec, inputs, origins, chosen)
    return result


def public(spec: Spec) -> Callable[..., CalcResult]:
    """A plain function over a declared calculator: positional arguments in declaration order."""

    def call(*args: Any, **kwargs: Any) -> CalcResult:
        names = [i.name for i in spec.inputs]
        if len(args) > len(names):
            raise CalculatorInputError(f"{spec.name} tager højst {len(names)} input")
        kwargs.update(zip(names, args, strict=False))
        return run(spec, kwargs)

    return call
