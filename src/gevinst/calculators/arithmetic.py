"""The arithmetic managers ask that no report method covers: a percentage of an amount, a total or a
difference of stated figures (also of ranges), the change from one amount to another in percent, and a yearly
amount over several years. Each shows its formula with the figures put in."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from gevinst.calculators.base import MAX_AMOUNT, CalcInput, CalcResult, kr, num, pct
from gevinst.calculators.spec import Input, Kind, Period, Spec


class PercentRangeBase(CalcInput):
    @model_validator(mode="after")
    def _range(self) -> PercentRangeBase:
        high = getattr(self, "pct_high", None)
        if high is not None and high < getattr(self, "pct", 0):
            raise ValueError("procentens høje ende må ikke være mindre end den lave")
        return self


def _percent_of(i: Any) -> CalcResult:
    value = i.amount * i.pct / 100
    high = i.amount * i.pct_high / 100 if i.pct_high is not None else None
    if high is None or i.pct_high == i.pct:
        formula = f"{pct(i.pct)} af {kr(i.amount)} = {kr(i.amount)} × {pct(i.pct)} = {kr(value)}."
    else:  # «5-10 %»: both ends, each with its own step
        share = f"{pct(i.pct).removesuffix(' %')}–{pct(i.pct_high)}"
        formula = (
            f"{share} af {kr(i.amount)} = {kr(i.amount)} × {pct(i.pct)} = {kr(value)} til "
            f"{kr(i.amount)} × {pct(i.pct_high)} = {kr(high)}."
        )
    return CalcResult(
        "percent_of", value, "kr.", "Procentdel af beløbet", formula, [], {"low": value, "high": high}, high=high
    )


PERCENT_OF = Spec(
    "percent_of",
    "Procent af et beløb",
    "En procentdel af et beløb («12 % af et budget på 45 mio. kr.»); procenten kan være et interval («5-10 %»)",
    (
        Input("amount", "Beløb", Kind.AMOUNT, ("budget", "beløb", "udgift", "lønsum", "af", "of"), le=MAX_AMOUNT),
        Input("pct", "Procent", Kind.PERCENT, ("%", "procent", "percent"), le=1000),
        Input("pct_high", "Procent, høj ende", Kind.PERCENT, (), False, le=1000),
    ),
    _percent_of,
    (
        "% af",
        "procent af",
        "pct. af",
        "ud af",
        "del af",  # «en tredjedel af», «to femtedele af», «halvdelen af»
        "dele af",
        "delen af",
        "% of",
        "third of",
        "quarter of",
        "half of",
        "fifth of",
        "percent of",
        "procentdel",
        "i kroner",
        "in kroner",
        "in dkk",
        "hvor mange penge",
        "hvor mange kroner",
        "how many kroner",
    ),
    PercentRangeBase,
)


class RangesBase(CalcInput):
    @model_validator(mode="after")
    def _ranges(self) -> RangesBase:
        lows, highs = getattr(self, "amounts", []), getattr(self, "amounts_high", None)
        if len(lows) < 2:
            raise ValueError("angiv mindst to beløb")
        if highs is not None and len(highs) != len(lows):
            raise ValueError("angiv en høj ende for hvert beløb (eller ingen)")
        if any(v < 0 for v in [*lows, *(highs or [])]):
            raise ValueError("beløbene må ikke være negative")
        if any(v > MAX_AMOUNT for v in [*lows, *(highs or [])]):
            raise ValueError("et beløb er urimeligt stort")
        return self


def _range_text(low: float, high: float) -> str:
    return kr(low) if low == high else f"{kr(low).removesuffix(' kr.')}–{kr(high)}"


def _total(i: Any) -> CalcResult:
    highs = i.amounts_high or i.amounts
    low, high = sum(i.amounts), sum(highs)
    parts = " + ".join(_range_text(a, b) for a, b in zip(i.amounts, highs, strict=True))
    result = _range_text(low, high)
    return CalcResult(
        "total", low, "kr.", "I alt", f"I alt = {parts} = {result}.", [], {"low": low, "high": high}, high=high
    )


TOTAL = Spec(
    "total",
    "Sum af beløb",
    "Summen af oplyste beløb; hvert beløb kan være et interval («120-150 mio. kr. og 40-60 mio. kr.»)",
    (
        Input("amounts", "Beløb (lav ende ved intervaller)", Kind.AMOUNT_LIST),
        Input("amounts_high", "Høj ende af intervallerne", Kind.AMOUNT_LIST, (), False),
    ),
    _total,
    (
        "i alt",
        "samlet",
        "samled",
        "læg sammen",
        "lægge sammen",
        "lægger … sammen",  # «Lægger vi de tre forslag sammen, …»
        "lægge … sammen",
        "tilsammen",
        "til sammen",
        "sammenlagt",
        "lagt sammen",
        "summen",
        "total",
        "in total",
        "altogether",
        "combined",
        "add up",
    ),
    RangesBase,
)


def _difference(i: Any) -> CalcResult:
    a_high = i.a if i.a_high is None else i.a_high
    b_high = i.b if i.b_high is None else i.b_high
    low, high = i.a - b_high, a_high - i.b
    result = _range_text(low, high) if low >= 0 else f"{kr(low)} til {kr(high)}"
    return CalcResult(
        "difference",
        low,
        "kr.",
        "Forskel",
        f"Forskel = {_range_text(i.a, a_high)} − {_range_text(i.b, b_high)} = {result}.",
        [],
        {"low": low, "high": high},
        high=high,
    )


DIFFERENCE = Spec(
    "difference",
    "Forskel mellem to beløb",
    "Forskellen a − b mellem to oplyste beløb; hvert kan være et interval",
    (
        Input("a", "Første beløb", Kind.AMOUNT, (), le=MAX_AMOUNT),
        Input("b", "Beløb der trækkes fra", Kind.AMOUNT, (), le=MAX_AMOUNT),
        Input("a_high", "Første beløbs høje ende", Kind.AMOUNT, (), False, le=MAX_AMOUNT),
        Input("b_high", "Andet beløbs høje ende", Kind.AMOUNT, (), False, le=MAX_AMOUNT),
    ),
    _difference,
    (
        "forskel",
        "forskellen",
        "difference",
        # «steget fra 41,2 mio. kr. til 52,75 mio. kr. Hvor stor er stigningen?»: a change between two amounts
        "stigning",
        "steget",
        "faldet",
        "increase",
        "risen",
        "decrease",
        "afvig",
        "deviation",
        "billigere",  # «Hvor meget billigere er den nye løsning end den gamle?»
        "dyrere",
        "cheaper",
        "more expensive",
        "hvor meget mere",
        "hvor meget mindre",
        "how much more",
        "how much less",
        "mere end",
        "mindre end",
        "more than",
        "less than",
        "hvor meget større",
        "hvor meget mindre",
        # «680 mio. kr. med regelændringer, men kun 380 mio. kr. uden. Hvor meget afhænger af dem?»
        "hvor meget afhænger",
        "how much depends",
        "how much hinges",
        "er vi over",
        "sparer vi",
        "we save",
        "over budget",
        "overskrid",
        "merforbrug",
        "how much over",
        # below a budget as above it: «Hvor meget er vi under budget?», «hvor langt under budgettet»
        "under budget",
        "er vi under",
        "langt under",
        "mindreforbrug",
        "how much under",
        "how far under",
        "mangler vi",
        "fra hinanden",
        "apart",
        "shortfall",
        "short of",
        "far short",
        "fall short",
        "falls short",
        "fell short",
    ),
    larger_first=("a", "b"),
)


def _over_years(i: Any) -> CalcResult:
    value = i.yearly * i.pct / 100 * i.years
    share = f" × {pct(i.pct)}" if i.pct != 100 else ""  # «7 % på en kontrakt på 18 mio. kr. om året»
    return CalcResult(
        "over_years",
        value,
        "kr.",
        "Beløb over perioden",
        f"Beløb = {kr(i.yearly)} om året{share} × {num(i.years)} år = {kr(value)}.",
        [],
    )


# A yearly amount over a number of years («Hvor meget sparer vi i alt over fire år, hvis besparelsen er 750.000 kr.
# om året?»): the budget period of a municipality is four years, and a contract runs for several.
OVER_YEARS = Spec(
    "over_years",
    "Beløb over flere år",
    "Et årligt beløb over et antal år («750.000 kr. om året i alt over fire år»)",
    (
        Input(
            "yearly",
            "Beløb pr. år",
            Kind.AMOUNT,
            ("om året", "årlig", "pr. år", "a year", "per year", "annual"),
            le=MAX_AMOUNT,
            period=Period.YEAR,
        ),
        Input("years", "Antal år", Kind.YEARS, ("år", "years"), gt=0, ge=None, le=100),
        Input("pct", "Andel af beløbet", Kind.PERCENT, ("%", "procent", "percent"), False, default=100, le=100),
    ),
    _over_years,
    (
        "i alt over",
        "samlet over",
        "tilsammen over",
        "til sammen over",
        "over en periode",
        "over perioden",
        "årig periode",  # «over en 5-årig periode», «over en fireårig periode»
        "årige periode",
        "year period",
        "budgetperiode",  # «over budgetperioden», «over en fireårig budgetperiode»
        "kontraktperiode",
        "in total over",
        "altogether over",
        "over the period",
        "over a period",
    ),
    needs_goal=True,
)


def _percent_change(i: Any) -> CalcResult:
    change = (i.after - i.before) / i.before * 100
    word = "fald" if change < 0 else "stigning"
    return CalcResult(
        "percent_change",
        change,
        "%",
        f"Ændring i procent ({word})",
        f"Ændring = ({kr(i.after)} − {kr(i.before)}) / {kr(i.before)} = {pct(change)}.",
        [],
        {"change": i.after - i.before},
    )


# How many percent an amount moved («Hvor stor er besparelsen i procent, hvis udgiften falder fra 12,5 mio. kr. til
# 10,9 mio. kr.?»): reckoned from the amount it moved from.
PERCENT_CHANGE = Spec(
    "percent_change",
    "Ændring i procent",
    "Hvor mange procent et beløb er steget eller faldet fra et beløb til et andet",
    (
        Input(
            "before",
            "Beløb før",
            Kind.AMOUNT,
            ("fra", "from", "i dag", "today", "før", "before"),
            gt=0,
            ge=None,
            le=MAX_AMOUNT,
        ),
        Input("after", "Beløb efter", Kind.AMOUNT, ("til", "to", "fremover", "efter", "after"), le=MAX_AMOUNT),
    ),
    _percent_change,
    (
        "i procent",
        "hvor mange procent",
        "hvor meget i procent",
        "procentvis",
        "how many percent",
        "what percentage",
        "by what percentage",
        "in percent",
    ),
    needs_goal=True,
)
