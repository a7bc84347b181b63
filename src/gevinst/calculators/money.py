"""Money methods: yearly reductions of a baseline, an amount per unit × a count, and avoided costs.
Each is declared once (`Spec`) beside its arithmetic."""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from gevinst.calculators.base import MAX_AMOUNT, CalcInput, CalcResult, kl_fte_price, kr, num, pct
from gevinst.calculators.presets import klk
from gevinst.calculators.spec import Input, Kind, Period, Spec


class YearlyBase(CalcInput):
    @model_validator(mode="after")
    def _sum(self) -> YearlyBase:
        pcts = getattr(self, "yearly_pcts", [])
        if not pcts:
            raise ValueError("angiv mindst én årlig procent")
        if len(pcts) > 30:
            raise ValueError("højst 30 år")
        if any(p < 0 or p > 100 for p in pcts):
            raise ValueError("hver årlig procent skal ligge mellem 0 og 100")
        if sum(pcts) > 100:
            raise ValueError(f"de årlige procenter summerer til {sum(pcts):g} %; højst 100 %")
        return self


def _baseline(i: Any) -> CalcResult:
    rows, cumulative = [], 0.0
    for year, p in enumerate(i.yearly_pcts, start=1):
        cumulative += p
        rows.append(
            {
                "år": year,
                "reduktion": pct(p),
                "akkumuleret": pct(cumulative),
                "besparelse": round(i.baseline * cumulative / 100, 2),
            }
        )
    full = i.baseline * cumulative / 100
    steps = " + ".join(pct(p) for p in i.yearly_pcts)
    return CalcResult(
        "baseline_reduction",
        full,
        "kr.",
        "Besparelse ved fuld effekt",
        "Besparelse i år t = udgangspunkt × summen af de årlige procenter til og med år t (lagt til på det "
        f"oprindelige udgangspunkt): {kr(i.baseline)} × ({steps}) = {kr(i.baseline)} × {pct(cumulative)} = {kr(full)}"
        + _year_by_year(rows)
        # what is left to spend: «hvor lander lønsummen?», «udgiftsniveauet efter år tre»
        + f"; niveau derefter = {kr(i.baseline)} − {kr(full)} = {kr(i.baseline - full)}"
        + ".",
        [],
        {"total_pct": cumulative},
        rows,
        []
        if 15 <= cumulative <= 25
        else [
            "Rapporten angiver 15–25 % ved centralisering af løn og regnskab (s. 15); "
            f"din samlede reduktion er {pct(cumulative)}."
        ],
    )


def _year_by_year(rows: list[dict[str, Any]]) -> str:
    """Each year's saving when there are several: what «hvad sparer vi hvert år?» asks."""
    if len(rows) < 2:
        return ""
    return "; år for år: " + ", ".join(f"år {r['år']}: {kr(r['besparelse'])}" for r in rows)


BASELINE_REDUCTION = Spec(
    "baseline_reduction",
    "Reduktion af et udgangspunkt",
    "Besparelse som årlige procenter af et udgangspunkt (klk s. 15, 22)",
    (
        Input(
            "baseline",
            "Udgangspunkt",
            Kind.AMOUNT,
            ("udgangspunkt", "lønsum", "budget", "udgift", "baseline", "payroll", "spending"),
            le=MAX_AMOUNT,
        ),
        Input(
            "yearly_pcts",
            "Reduktion pr. år",
            Kind.PERCENT_LIST,
            ("år 1", "år 2", "første år", "andet år", "yderligere", "year 1", "year 2"),
        ),
    ),
    _baseline,
    (
        "år 1",
        "år 2",
        "første år",
        "andet år",
        "yderligere",
        "year one",
        "year 1",
        "the first year",
        "hvert år",
        "de følgende år",
        # «2 % om året i tre år i træk»: one yearly cut repeated, not one percentage of the amount
        "i træk",
        "in a row",
        "consecutive",
        # «reduktionerne lægges oven i hinanden»: cuts stacked year on year
        "oven i hinanden",
        "on top of each other",
        # the level after the cut, which this calculation shows («hvad er det nye budget?»)
        "nye budget",
        "nyt budget",
        "nye niveau",
        "nyt niveau",
        "new budget",
        "new level",
    ),
    YearlyBase,
    method=klk("procenter lægges til på det oprindelige udgangspunkt", 22),
)


def _unit_rate(i: Any) -> CalcResult:
    value = i.rate * i.count
    return CalcResult(
        "unit_rate_scaling", value, "kr.", "Beløb i alt", f"Beløb = {kr(i.rate)} × {num(i.count)} = {kr(value)}.", []
    )


UNIT_RATE_SCALING = Spec(
    "unit_rate_scaling",
    "Beløb pr. enhed × antal",
    "Beløb pr. enhed × antal enheder (klk s. 36, 42)",
    (
        Input(
            "rate",
            "Beløb pr. enhed",
            Kind.AMOUNT,
            ("pr.", "per", "hver", "each", "årsværkspris", "pris", "stykpris", "koster", "costs"),
            le=MAX_AMOUNT,
            named_presets=(kl_fte_price(),),
            each=True,
            untimed=True,
        ),
        Input("count", "Antal enheder", Kind.COUNT, ("antal", "medarbejdere", "ansatte", "borgere", "årsværk"), le=1e9),
    ),
    _unit_rate,
    (
        "hvad koster",
        "what does it cost",
        "what do they cost",
        "pr. medarbejder",
        "pr. ansat",
        "pr. indbygger",
        "pr. borger",
        "pr. årsværk",
        "per employee",
        "per resident",
        "per fte",
        "samlet",
        "i alt",
        "in total",
        "altogether",
    ),
)


def _avoided(i: Any) -> CalcResult:
    value = i.volume * i.avoided_share_pct / 100 * i.unit_cost
    return CalcResult(
        "avoided_cost",
        value,
        "kr.",
        "Undgåede udgifter pr. år",
        f"Undgået udgift = {num(i.volume)} × {pct(i.avoided_share_pct)} × {kr(i.unit_cost)} = {kr(value)} om året.",
        [],
        {"avoided_units": i.volume * i.avoided_share_pct / 100},
    )


AVOIDED_COST = Spec(
    "avoided_cost",
    "Undgåede udgifter",
    "Undgåede udgifter: antal × andel der undgås × pris (brobygning, klk s. 87)",
    (
        Input(
            "volume",
            "Antal forløb pr. år",
            Kind.COUNT,
            ("forløb", "sager", "om året", "courses", "cases"),
            le=1e9,
            period=Period.YEAR,
            scales=True,
        ),
        Input(
            "unit_cost",
            "Pris pr. forløb",
            Kind.AMOUNT,
            ("pr.", "per", "koster", "pris", "each", "cost"),
            le=1e8,
            each=True,
        ),
        Input(
            "avoided_share_pct",
            "Andel der kan undgås",
            Kind.PERCENT,
            (
                "fejl",
                "undgå",
                "unødvendig",
                "forkert",
                "forebyg",
                "forhindr",
                "wrong",
                "avoid",
                "prevent",
                "unnecessary",
            ),
            False,
            klk(25, 87, "omkring 25 % fejlvisiteret (brobygning)"),
            le=100,
        ),
    ),
    _avoided,
    (
        "undgå",
        "undgår",
        "fejlvisit",
        "forkert visiteret",
        "unødvendige",
        "unødig",
        "forebyg",
        "forhindr",
        "avoid",
        "prevent",
        "unnecessary",
        # «hvis en fjerdedel ikke burde være visiteret», «should not have been referred»: a share that should not
        # have happened is avoided
        "ikke burde",
        "burde ikke",
        "ikke skulle have",
        "skulle ikke have",
        "should not have",
        "shouldn't have",
        "should not be",
        "shouldn't be",
    ),
    needs_goal=True,
)
