"""Staff and the people they serve: a count of staff (årsværk, medarbejdere, sagsbehandlere, caseworkers …) may
fill an input of årsværk; a count of the people served (borgere, unge, børn, citizens, pupils …) never does, even
when no better figure is there (the calculator then asks for the årsværk)."""

from __future__ import annotations

import pytest

from gevinst.assistant.parse import parse_query
from gevinst.assistant.placing import accepts
from gevinst.assistant.query import UnitKind
from gevinst.assistant.routing import choose
from gevinst.calculators import SPECS

STAFF_INPUTS = [("fte_savings", "fte"), ("benchmark_gap", "own_fte")]

COUNTS = [
    # id, figure as a question states it, staff (True) or people served (False)
    ("aarsvaerk", "Vi har 12 årsværk.", True),
    ("medarbejdere", "Vi har 12 medarbejdere.", True),
    ("ansatte", "Afdelingen har 12 ansatte.", True),
    ("fuldtidsstillinger", "Der er 12 fuldtidsstillinger.", True),
    ("sagsbehandlere", "Vores 12 sagsbehandlere har travlt.", True),
    ("caseworkers", "We have 12 caseworkers.", True),
    ("employees", "We have 12 employees.", True),
    ("fte", "We have 12 FTE.", True),
    ("borgere", "Vi betjener 300 borgere.", False),
    ("unge", "Vi har 120 unge i forløb.", False),
    ("boern", "Der er 40 børn i institutionen.", False),
    ("aeldre", "Vi har 250 ældre i hjemmeplejen.", False),
    ("elever", "Skolen har 600 elever.", False),
    ("served-after-an-adjective", "Vi har 150 anbragte børn.", False),
    ("brugere", "Systemet har 900 brugere.", False),
    ("compound-beboere", "Der bor 80 plejehjemsbeboere her.", False),
    ("citizens", "We serve 1,500 citizens.", False),
    ("pupils", "The school has 600 pupils.", False),
    ("clients", "We have 300 clients.", False),
]


@pytest.mark.parametrize(("text", "staff"), [c[1:] for c in COUNTS], ids=[c[0] for c in COUNTS])
@pytest.mark.parametrize(("calculator", "name"), STAFF_INPUTS, ids=[n for _, n in STAFF_INPUTS])
def test_only_staff_fill_an_input_of_aarsvaerk(text: str, staff: bool, calculator: str, name: str) -> None:
    figure = parse_query(text)[0].figures[0]
    assert accepts(SPECS[calculator].input(name), figure) is staff


SERVED_ONLY = [
    # id, question whose only head count is of the people served
    (
        "unge-no-staff",
        "Vi har 120 unge i forløb og kan effektivisere 10 %. Hvad sparer vi med 500.000 kr. pr. årsværk?",
    ),
    (
        "citizens-no-staff",
        "We serve 1,500 citizens. What do we save with a 10% efficiency gain at DKK 500,000 per FTE?",
    ),
    ("borgere-no-staff", "Vi har 300 borgere og kan effektivisere 15 %. Årsværkspris 480.000 kr. Hvad sparer vi?"),
]


@pytest.mark.parametrize("question", [c[1] for c in SERVED_ONLY], ids=[c[0] for c in SERVED_ONLY])
def test_people_served_are_never_taken_for_staff(question: str) -> None:
    chosen = choose(parse_query(question)[0])
    assert chosen is not None and chosen.spec.name == "fte_savings" and not chosen.complete


TRADES = [
    ("bogholdere", "Vi har 5 bogholdere."),
    ("socialraadgivere", "Vi har 8 socialrådgivere."),
    ("compound-trade", "Vi har 4 lønbogholdere."),
    ("accountants", "We have 6 accountants."),
]


@pytest.mark.parametrize("text", [c[1] for c in TRADES], ids=[c[0] for c in TRADES])
def test_staff_named_by_their_trade_count_as_staff(text: str) -> None:
    """«5 bogholdere» are 5 årsværk, not a stray count: a calculation that leaves them out is not the one asked."""
    assert parse_query(text)[0].figures[0].unit is UnitKind.FTE
