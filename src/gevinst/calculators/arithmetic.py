"""The arithmetic managers ask that no report method covers: a percentage of an amount, a total or a
difference of stated figures (also of ranges), a report example's rate scaled to our own volume, and a
caseload. Each shows its formula with the figures put in."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from gevinst.calculators.base import MAX_AMOUNT, CalcInput, CalcResult, kr, pct
from gevinst.calculators.spec import Input, Kind, Spec
from gevinst.calculators.staff import num


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
        "% of",
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
        "afvig",
        "deviation",
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
        "er vi over",
        "sparer vi",
        "we save",
        "over budget",
        "overskrid",
        "merforbrug",
        "how much over",
        "mangler vi",
        "fra hinanden",
        "apart",
        "shortfall",
        "short of",
    ),
    larger_first=("a", "b"),
)


def _rate(i: Any) -> CalcResult:
    per_unit = i.example_amount / i.example_count
    value = per_unit * i.own_count
    return CalcResult(
        "rate_scaling",
        value,
        "kr.",
        "Skaleret til jeres volumen",
        f"Pr. enhed = {kr(i.example_amount)} / {num(i.example_count)} = {kr(per_unit)}; "
        f"× {num(i.own_count)} = {kr(value)}.",
        [],
        {"per_unit": per_unit},
        warnings=["Skaleringen antager, at beløbet følger antallet lineært."],
    )


RATE_SCALING = Spec(
    "rate_scaling",
    "Eksempel skaleret til egen volumen",
    "Et eksempels beløb pr. sag skaleret til vores antal (3 mio. kr. over 40 sager → vores 90 sager)",
    (
        Input(
            "example_amount",
            "Eksemplets beløb",
            Kind.AMOUNT,
            ("sparede", "sparet", "besparelse", "gevinst", "saved"),
            le=MAX_AMOUNT,
        ),
        Input(
            "example_count",
            "Eksemplets antal",
            Kind.COUNT,
            ("på", "over", "ved", "for", "across", "svarende til", "corresponding to", "equivalent to"),
            gt=0,
            ge=None,
            le=1e9,
        ),
        Input("own_count", "Vores antal", Kind.COUNT, ("vi", "vores", "os", "we", "our"), gt=0, ge=None, le=1e9),
    ),
    _rate,
    (
        "for vores",
        "hos os",
        "for os",
        "for our",
        "for us",
        "tilsvarende",
        "samme forhold",
        "skaler",
        "forholdsmæssigt",
        "samme niveau",
        "same rate",
        # «… sparede 3,5 mio. kr., svarende til 9 årsværk. Hvis vi frigør 6 årsværk på samme måde …»: the example's
        # amount corresponds to its count, and ours is the same unit
        "svarende til",
        "på samme måde",
        "corresponding to",
        "equivalent to",
        "the same way",
        "scale",
        "proportional",
        "pr. sag",
        "per case",
        "eksempel",
        "eksempl",
        "example",
    ),
    # an amount and two counts fit too many questions: scale only when the question speaks of an example
    needs_goal=True,
)


def _caseload(i: Any) -> CalcResult:
    staff = i.weekly_hours / i.hours_per_fte
    value = i.cases / staff
    return CalcResult(
        "cases_per_fte",
        value,
        "sager pr. fuldtidsansat",
        "Sager pr. fuldtidsansat",
        f"Fuldtidsansatte = {num(i.weekly_hours)} timer / {num(i.hours_per_fte)} timer = {num(staff)}; "
        f"sager pr. fuldtidsansat = {num(i.cases)} / {num(staff)} = {num(value, 1)}.",
        [],
        {"fte": staff},
    )


CASES_PER_FTE = Spec(
    "cases_per_fte",
    "Sager pr. fuldtidsansat",
    "Sagstal: åbne sager pr. fuldtidsansat ud fra ugentlige timer",
    (
        Input("cases", "Åbne sager", Kind.COUNT, ("sager", "cases", "borgere", "børn"), gt=0, ge=None, le=1e9),
        Input(
            "weekly_hours",
            "Timer om ugen i alt",
            Kind.HOURS,
            ("om ugen", "ugentlig", "pr. uge", "a week", "per week", "weekly"),
            gt=0,
            ge=None,
            le=1e7,
        ),
        Input(
            "hours_per_fte",
            "Timer pr. fuldtidsansat om ugen",
            Kind.HOURS,
            ("fuldtid", "fuld tid", "full-time", "full time"),
            False,
            default=37,
            gt=0,
            ge=None,
            le=168,
        ),
    ),
    _caseload,
    (
        "sager pr.",
        "sager per",
        "sagstal",
        "caseload",
        "cases per",
        "per medarbejder",
        "pr. medarbejder",
        "pr. fuldtid",
        "per full-time",
    ),
)
