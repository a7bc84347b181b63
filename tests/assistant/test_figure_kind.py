"""Which amount a question asks and a sentence states, and which budget year a label names: a figure of another
kind or year does not answer, however well its sentence matches the topic."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.assistant import figure_kind
from gevinst.assistant.figure_kind import Amount
from gevinst.assistant.parse import parse_query
from gevinst.settings import Settings

from ..conftest import assistant_over, refused_by_rule

ASKED = {
    "saving-da": ("Hvor mange kroner har kommunen sparet ved den centrale afregning?", Amount.SAVING),
    "saving-noun": ("Hvor stor en besparelse gav det nye system?", Amount.SAVING),
    "price-da": ("Hvad koster en licens pr. medarbejder om året?", Amount.PRICE),
    "price-en": ("How much does a licence cost per employee?", Amount.PRICE),
    "both": ("Hvad koster systemet, og hvad sparer det?", None),
    "neither": ("Hvor mange årsværk bruger Nyborg på afregningen?", None),
}


@pytest.mark.parametrize(("question", "amount"), ASKED.values(), ids=ASKED.keys())
def test_the_amount_asked(question: str, amount: Amount | None) -> None:
    assert parse_query(question)[0].amount == amount


STATED = {
    "saving-for-price": (
        Amount.PRICE,
        "Kommunen regner med en besparelse på 1,3 mio. kr. årligt ved brugen af X.",
        True,
    ),
    "price-stated": (Amount.PRICE, "En licens koster 300 kr. om året og giver en besparelse på 1 mio. kr.", False),
    "licence-cost-stated": (Amount.PRICE, "Licensudgifterne udgør 0,5 mio. kr. og sparer 2 mio. kr.", False),
    "extra-cost-for-saving": (Amount.SAVING, "Det svarer i Nyborg til merudgifter til 2 mio. kr. om året.", True),
    "extra-cost-and-saving": (
        Amount.SAVING,
        "Merudgifterne på 1 mio. kr. giver en nettobesparelse på 3 mio. kr.",
        False,
    ),
    "saving-stated": (Amount.SAVING, "Kommunen sparede 2 mio. kr. om året.", False),
    "nothing-asked": (None, "Det svarer til merudgifter på 2 mio. kr. om året.", False),
}


@pytest.mark.parametrize(("asked", "sentence", "other"), STATED.values(), ids=STATED.keys())
def test_a_sentence_stating_another_amount(asked: Amount | None, sentence: str, other: bool) -> None:
    assert figure_kind.states_other_amount(asked, sentence) is other


BUDGETS = {
    "budget-year": ("i budget 2020 i forhold til B14", ("2020", "2014")),
    "long-label": ("fra B2019 til B2021", ("2019", "2021")),
    "budget-year-word": ("budgetåret 2022", ("2022",)),
    "no-label": ("i 2020 og i år", ()),
    "not-a-label": ("model B2 og Bb12", ()),
}


@pytest.mark.parametrize(("text", "years"), BUDGETS.values(), ids=BUDGETS.keys())
def test_budget_years_by_label(text: str, years: tuple[str, ...]) -> None:
    assert figure_kind.budget_years(text) == years


OTHER_YEAR = {
    "another-budget-year": (("2020", "2014"), "Kommunen har indregnet en besparelse på 5% i B18 ift. B14.", True),
    "the-year-asked": (("2018", "2014"), "Kommunen har indregnet en besparelse på 5% i B18 ift. B14.", False),
    "year-written-out": (("2020",), "Besparelsen i B20 svarer til 5 % af budgettet i 2020.", False),
    "no-labels-in-sentence": (("2020",), "Kommunen har indregnet en besparelse på 5 %.", False),
    "no-year-asked": ((), "Kommunen har indregnet en besparelse på 5% i B18 ift. B14.", False),
}


@pytest.mark.parametrize(("asked", "sentence", "other"), OTHER_YEAR.values(), ids=OTHER_YEAR.keys())
def test_another_budget_year(asked: tuple[str, ...], sentence: str, other: bool) -> None:
    assert figure_kind.other_budget_year(asked, sentence) is other


DOCS = {
    "udlaeg.txt": (
        "# Udlægssystemet\n\nKommunen har regnet med en samlet besparelse på 1,3 mio. kr. årligt på baggrund af "
        "kortere tidsforbrug ved brugen af udlægssystemet.\n"
    ),
    "afregning.txt": (
        "# Mellemkommunal afregning\n\nDen centrale mellemkommunale afregning svarer i Nyborg til merudgifter "
        "på 2 mio. kr. om året.\n"
    ),
    "ejendom.txt": (
        "# Ejendomsdrift\n\nSvendborg Kommune har indregnet en besparelse på ejendomsdriften på 5 % i B18 ift. B14.\n"
    ),
    "skoler.txt": "# Skolernes it\n\nI 2020 afsatte kommunen 2 mio. kr. til skolernes it.\n",
    "udbetaling.txt": (
        "# Fælles løsninger\n\nUdbetaling Danmark har opnået besparelser på ca. 300 mio. kr. årligt for de opgaver, "
        "der blev overført fra kommunerne.\n"
    ),
}

# (question, refused by rule)
REFUSED = {
    "price-answered-by-a-saving": ("Hvad koster en licens til udlægssystemet om året?", True),
    "english-price-answered-by-a-saving": (
        "How much does a licence for the expense system (udlægssystemet) cost?",
        True,
    ),
    "saving-asked-of-the-saving": ("Hvor meget sparer kommunen årligt ved brugen af udlægssystemet?", False),
    "saving-answered-by-extra-costs": (
        "Hvor mange kroner om året har Nyborg sparet ved den centrale mellemkommunale afregning?",
        True,
    ),
    "extra-costs-asked": ("Hvor store merudgifter har Nyborg ved den mellemkommunale afregning?", False),
    "saving-asked-without-how-much": ("Hvad er Nyborgs årlige besparelse ved den mellemkommunale afregning?", True),
    "another-budget-year": ("Hvor stor en besparelse på ejendomsdriften har Svendborg indregnet i budget 2020?", True),
    "the-budget-year-stated": ("Hvor stor en besparelse på ejendomsdriften har Svendborg indregnet i B18?", False),
    "price-of-a-name-that-reads-as-a-payment": (
        "Hvor stort et bidrag betaler en kommune til Udbetaling Danmark om året?",
        True,
    ),
    "saving-of-that-name": ("Hvor meget har Udbetaling Danmark sparet om året?", False),
}


@pytest.mark.parametrize(("question", "refused"), REFUSED.values(), ids=REFUSED.keys())
def test_a_figure_of_another_kind_or_year_is_refused(
    settings: Settings, tmp_path: Path, question: str, refused: bool
) -> None:
    assert refused_by_rule(assistant_over(settings, tmp_path / "docs", DOCS), question) is refused


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("i 2014 og i 2016", {"2014", "2016"}),
        ("i perioden 2010-2012", {"2010", "2011", "2012"}),
        ("i 2013–15", {"2013", "2014", "2015"}),
        ("skoleåret 2015/16", {"2015", "2016"}),
        ("besparelsen er 2.014 kr.", set()),
        ("1.250 lønregistre", set()),
    ],
    ids=["two-years", "span", "short-span", "school-year", "an-amount", "a-count"],
)
def test_the_years_a_text_names(text: str, years: set[str]) -> None:
    assert figure_kind.years_named(text) == years
