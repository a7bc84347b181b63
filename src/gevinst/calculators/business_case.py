"""The business case of an investment: simple payback time, the result after N years and the net present value
(KL 2014 s. 20)."""

from __future__ import annotations

from typing import Any

from gevinst.calculators.base import KL14, MAX_AMOUNT, CalcResult, kr, num, pct
from gevinst.calculators.spec import Input, Kind, Period, Preset, Spec


def _business(i: Any) -> CalcResult:
    net = i.annual_gain - i.annual_cost
    payback = i.investment / net if net > 0 else None
    rows, cumulative, npv = [], -i.investment, -i.investment
    payback_year = None
    for year in range(1, i.years + 1):
        cumulative += net
        npv += net / (1 + i.discount_rate_pct / 100) ** year
        if payback_year is None and cumulative >= 0:
            payback_year = year
        rows.append(
            {
                "år": year,
                "gevinst": i.annual_gain,
                "drift": i.annual_cost,
                "netto": net,
                "akkumuleret": round(cumulative, 2),
                "nutidsværdi": round(npv, 2),
            }
        )
    warnings = (
        [] if payback is not None else ["Gevinsten dækker ikke driftsudgiften; investeringen tjenes aldrig hjem."]
    )
    if payback is not None and payback > i.years:
        warnings.append(f"Tilbagebetalingstiden ({num(payback, 1)} år) er længere end beregningens {i.years} år.")
    net_text = f"({kr(i.annual_gain)} − {kr(i.annual_cost)})" if i.annual_cost else kr(net)
    return CalcResult(
        "business_case",
        payback,
        "år",
        "Simpel tilbagebetalingstid",
        f"Tilbagebetalingstid = {kr(i.investment)} / {net_text}"
        + (f" = {num(payback)} år" if payback is not None else " (ingen tilbagebetaling)")
        + f"; resultat efter {i.years} år = {kr(cumulative)}"
        + (f"; nutidsværdi ved {pct(i.discount_rate_pct)} = {kr(npv)}" if i.discount_rate_pct else "")
        + ".",
        [],
        {
            "annual_net": net,
            "payback_year": payback_year,
            "result": cumulative,
            "npv": npv if i.discount_rate_pct else None,
        },
        rows,
        warnings,
    )


BUSINESS_CASE = Spec(
    "business_case",
    "Business case og tilbagebetalingstid",
    "Tilbagebetalingstid, resultat og nutidsværdi for en investering",
    (
        Input(
            "investment",
            "Investering",
            Kind.AMOUNT,
            (
                "investe",
                "anlæg",
                "etabler",
                "kost",
                "engangs",
                "implement",
                "købe",  # «købe en robot til 900.000 kr.»
                "tilbud",  # «et tilbud på en robot til 1,2 mio. kr.»: what it is offered for
                "indfør",  # «indføre en softwarerobot for 1,8 mio. kr.»
                "introduc",
                "invest",
                "upfront",
                "one-off",
                "cost",
                "buy",
            ),
            le=MAX_AMOUNT,
        ),
        Input(
            "annual_gain",
            "Årlig gevinst",
            Kind.AMOUNT,
            (
                "spare",
                "besparelse",
                "lavere",
                "mindre",
                "færre",
                "reduc",
                "gevinst",
                "om året",
                "årlig",
                "hvert år",
                "pr. år",
                "save",
                "saving",
                "a year",
                "per year",
                "annual",
            ),
            le=MAX_AMOUNT,
            adds=True,
            period=Period.YEAR,
            scales=True,
        ),
        Input(
            "annual_cost",
            "Årlig drift",
            Kind.AMOUNT,
            # a compound's head names it («driftsudgifter», «driftsomkostninger»), not «drift» as its modifier
            (
                "drift",
                "driftsudgift",
                "driftsomkostning",
                "løbende",
                "licen",
                "running",
                "to run",
                "operating",
                "maintenance",
                "vedligehold",
            ),
            False,
            default=0,
            le=MAX_AMOUNT,
            period=Period.YEAR,
            scales=True,
        ),
        Input(
            "years",
            "År i beregningen",
            Kind.YEARS,
            ("over", "horisont", "periode", "horizon", "år", "year", "years"),
            False,
            default=10,
            ge=1,
            le=50,
            integer=True,
        ),
        Input(
            "discount_rate_pct",
            "Diskonteringsrente",
            Kind.PERCENT,
            ("diskont", "rente", "discount"),
            False,
            default=0,
            le=50,
        ),
    ),
    _business,
    (
        "tilbagebetal",
        "tjent hjem",
        "tjene sig hjem",
        "tjener sig hjem",
        "tjenes hjem",
        "tjent sig hjem",  # «før den har tjent sig hjem»: the idiom in every tense
        "tjente sig hjem",
        "tjent ind",  # «hvornår er investeringen tjent ind?»: the same idiom with «ind»
        "tjenes ind",
        "tjene sig ind",
        "tjener sig ind",
        "tjent sig ind",
        "tjente sig ind",
        "betaler sig hjem",
        "betale sig hjem",
        "betalt sig hjem",
        "betalte sig hjem",
        # «Investering …, årlig besparelse … Hvor mange år går der?»: the years an investment takes to earn back
        "hvor mange år går der",
        "hvor lang tid går der",
        "how many years until",
        "how many years before",
        "how long until",
        "how long before",
        "payback",
        "pay back",
        "pays back",
        "paid back",
        "pay for itself",
        "pays for itself",
        "paid for itself",
        "break even",
        "breaks even",
        "nutidsværdi",
        "npv",
        "net present value",
        "resultatet over",
        "resultatet efter",
        "result after",
        "business case",
        "betalt tilbage",  # «hvor mange år før den er betalt tilbage?»
        "betales tilbage",
        "betaler … tilbage",
        "invest",  # «What does a DKK 2m investment give over four years, if it saves …?»
        "nettogevinst",  # «Hvad er nettogevinsten over fire år?»: gains less running costs less the investment
        "net gain",
        "net benefit",
        "betale sig",  # «Kan det betale sig over otte år?»
        "betaler sig",
        "pay off",
        "pays off",
    ),
    needs_goal=True,
    method=Preset("simpel tilbagebetalingstid", "KL 2014, s. 20: investering / årlig besparelse", KL14, 20),
)
