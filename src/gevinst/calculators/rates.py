"""Rates no report method covers: a report example's amount per case scaled to our own count, and a caseload
(cases per full-time employee). Each shows its formula with the figures put in."""

from __future__ import annotations

from typing import Any

from gevinst.calculators.base import MAX_AMOUNT, CalcResult, kr, num
from gevinst.calculators.spec import Input, Kind, Spec


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
        "on our",
        "to our",
        # «Ruller vi det ud til 450 borgere …»: the example rolled out to our count
        "ruller … ud",
        "rulle … ud",
        "udrul",
        "roll out",
        "roll … out",
        "rolled out",
        "for us",
        "cost us",  # «What would that cost us?»: the example's amount per unit at our count
        "costs us",
        "koste os",
        "koster os",
        "tilsvarende",
        "samme forhold",
        "skaler",
        "forholdsmæssigt",
        # «hvis vi fordeler dem efter indbyggertal …, hvad er så vores andel?»: a national sum shared out by size
        "fordeler … efter",
        "fordelt efter",
        "vores andel",
        "our share",
        "samme niveau",
        "same rate",
        # «… sparede 3,5 mio. kr., svarende til 9 årsværk. Hvis vi frigør 6 årsværk på samme måde …»: the example's
        # amount corresponds to its count, and ours is the same unit
        "svarende til",
        "på samme måde",
        # «… hvis gevinsten pr. udlæg er den samme»: the amount per unit holds for our count too
        "er den samme",
        "er det samme",
        "er uændret",
        "is the same",
        "stays the same",
        "remains the same",
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
    # an amount and two counts fit too many questions: scale only when the question speaks of an example, or counts
    # the same thing twice
    needs_goal=True,
    same_noun=("example_count", "own_count"),
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
            per_head=True,
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
        # «hvor mange sager har hver fuldtidsansat»: each, not per
        "hver fuldtid",
        "har en fuldtid",  # «hvor mange sager har en fuldtidsrådgiver»
        "a full-time",
        "hver medarbejder",
        "hver ansat",
        "each full-time",
        "each employee",
        "per employee",
    ),
)
