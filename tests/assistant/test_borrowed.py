"""A figure the question borrows from a report («samme besparelse … som Vejles …»): the percentage comes from the
passage's clause that shares the question's words, and is shown and cited as the report's figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.settings import Settings

from ..conftest import assistant_over

DOCS = {
    "flaade.txt": (
        "# Flådestyring i Vejle\n\n"
        "Vejle Kommune har indført elektronisk kørebog i hjemmeplejen. Business casen viser en besparelse på 3,5 % "
        "af lønbudgettet for hjemmeplejens personale, 8 % på brændstof og et lavere CO2-udslip på 12 %.\n\n"
        "## Indkøb\n\nE-handel giver typisk 5-10 % lavere priser end køb i butik.\n"
    ),
}


@pytest.fixture
def assistant(settings: Settings, tmp_path: Path):  # type: ignore[no-untyped-def]
    return assistant_over(settings, tmp_path / "docs", DOCS)


CASES = [
    # id, question, the figure the answer computes (None: no figure is borrowed)
    (
        "same-saving-as-a-named-example",
        "Lønbudgettet for vores hjemmeplejepersonale er 60 mio. kr. Hvad svarer det til, hvis vi opnår samme "
        "besparelse på lønbudgettet som Vejles elektroniske kørebog?",
        "2.100.000 kr.",
    ),
    (
        "english-same-as",
        "Our home care staff payroll is DKK 20 million. What would we save with the same saving on the payroll as "
        "Vejle's electronic logbook?",
        "700.000 kr.",
    ),
]


@pytest.mark.parametrize(("question", "figure"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_borrowed_percentage_comes_from_the_report(assistant, question: str, figure: str) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer(question)
    assert answer.tool_calls and answer.tool_calls[0].name == "percent_of", answer.text
    assert figure in answer.text
    assert "3,5 %" in answer.text and "dit tal)" in answer.text  # the amount is the user's, the share the report's
    assert any(c.doc_id == "flaade" for c in answer.citations)


def test_a_question_that_borrows_nothing_is_not_completed_from_a_passage(assistant) -> None:  # type: ignore[no-untyped-def]
    answer = assistant.answer("Lønbudgettet for vores hjemmeplejepersonale er 60 mio. kr. Hvad svarer det til?")
    assert not any(c.name == "percent_of" for c in answer.tool_calls)


MORE_DOCS = {
    "raadhus.txt": (
        "# Viborgs nye rådhus\n\n"
        "Rådhuset kostede 306 mio. kr. Det gav en samlet besparelse efter indflytning i nyt rådhus på 38 mio. kr. "
        "om året.\n"
    ),
    "gladsaxe.txt": (
        "# Gladsaxes rådhus\n\nModerniseringen af rådhuset gav en årlig besparelse på husleje og diverse udgifter "
        "på 4,5 mio. kr.\n"
    ),
    "loen.txt": (
        "# Centralisering af løn og regnskab\n\n"
        "Forslaget forventes at reducere ressourcerne, der anvendes til at løse opgaverne, med 15-25%.\n"
    ),
    "udlaeg.txt": (
        "# Udlæg\n\n"
        "Kommune 1 har regnet på en app til udlæg. Det svarer til en årlig besparelse på 235 kr. per medarbejder. "
        "I Aabenraa gav en gennemgang af 52 sager en årlig besparelse på 2 mio. kr.\n"
    ),
}

BORROWED = [
    # id, question, what the answer states (the report's figure and the result), or None: asked for what it lacks
    (
        "an-amount-borrowed-for-a-business-case",
        "Et nyt rådhus hos os vil koste 180 mio. kr. Hvis vi opnår samme årlige besparelse som Viborg, hvor mange "
        "år går der så, før det er tjent hjem?",
        ("38.000.000 kr.", "4,74 år"),
    ),
    (
        "english-the-named-example-s-amount",
        "A new town hall would cost us DKK 180 million. If we get the same yearly saving as Viborg, how many years "
        "until it pays back?",
        ("38.000.000 kr.", "4,74"),
    ),
    (
        "a-range-of-percentages-named-as-the-reports",
        "Vi bruger 32 mio. kr. om året på løn og regnskab. Hvad svarer rapportens potentiale ved centralisering af "
        "løn og regnskab til i kroner for os?",
        ("4.800.000–8.000.000 kr.",),
    ),
    (
        "a-rate-stated-per-unit",
        "Kommune 1 i rapporten regnede med en årlig besparelse pr. medarbejder på appen til udlæg. Hvad giver det "
        "for os med 6.800 ansatte?",
        ("235 kr.", "1.598.000 kr."),
    ),
    (
        "a-total-is-scaled-by-its-count-not-taken-for-a-rate",
        "Hvis vi gennemgår 140 sager ligesom Aabenraa og får samme årlige besparelse pr. sag, hvad giver det os?",
        ("2.000.000 kr. / 52", "5.384.615 kr."),
    ),
    (
        "an-example-counting-something-else-is-not-borrowed",
        "Hvis vi gennemgår 140 plejehjem ligesom Aabenraa og får samme årlige besparelse pr. plejehjem, hvad giver "
        "det os?",
        None,
    ),
]


@pytest.mark.parametrize(("question", "states"), [c[1:] for c in BORROWED], ids=[c[0] for c in BORROWED])
def test_an_amount_or_a_range_is_borrowed_as_the_report_states_it(
    settings: Settings, tmp_path: Path, question: str, states: tuple[str, ...] | None
) -> None:
    answer = assistant_over(settings, tmp_path / "docs", MORE_DOCS).answer(question)
    if states is None:  # the example counts cases, not care homes: asked for, not computed
        assert not answer.tool_calls and "kr." not in answer.text, answer.text
        return
    assert answer.tool_calls, answer.text
    assert all(s in answer.text for s in states), answer.text
    assert "(dit tal)" in answer.text and {"raadhus", "loen", "udlaeg"} & {c.doc_id for c in answer.citations}
    assert "høj ende: 25 % (dit tal)" not in answer.text  # both ends of a range are the report's


STAFF_DOCS = {
    "refusion.txt": (
        "# Effektivisering af refusionshjemtagning\n\n"
        "KLK foreslår en samling af refusionsopgaverne. "
        "Forslaget forventes at reducere personaleomkostningerne til refusionshåndtering med 10 % i det første år. "
        "Forslaget forventes at reducere det samlede antal tabte refusioner med 50 % i det første år.\n"
    ),
    "loen.txt": (
        "# Centralisering af løn og regnskab\n\n"
        "KLK foreslår at samle løn og regnskab. "
        "Forslaget forventes at reducere ressourcerne, der anvendes til at løse opgaverne, med 15-25%.\n"
    ),
}

EXPECTED = [
    # id, question naming a source's expectation without its figure, what the answer states
    (
        "what-a-source-expects-beats-a-complete-product",
        "Vi har 10 årsværk på løn og regnskab til 520.000 kr. pr. årsværk. Hvad sparer vi, hvis vi opnår den "
        "effektivisering, KLK forventer ved at samle løn og regnskab?",
        ("780.000 kr.", "1.300.000 kr.", "15 %"),
    ),
    (
        "a-share-of-staff-from-the-clause-about-staff",
        "Vi har 18 årsværk på refusioner. Hvad sparer vi første år med KLK's forventning, når et årsværk koster "
        "480.000 kr.?",
        ("864.000 kr.", "10 %"),
    ),
]


@pytest.mark.parametrize(("question", "states"), [c[1:] for c in EXPECTED], ids=[c[0] for c in EXPECTED])
def test_a_sources_expectation_completes_the_staff_saving(
    settings: Settings, tmp_path: Path, question: str, states: tuple[str, ...]
) -> None:
    """«den effektivisering, KLK forventer» borrows the report's share of staff costs: the saving is årsværk × price
    × that share, never årsværk × price (a complete product the question did not ask for), and the share is the one
    of staff costs (10 %), not of lost refunds (50 %)."""
    answer = assistant_over(settings, tmp_path / "docs", STAFF_DOCS).answer(question)
    assert answer.tool_calls and answer.tool_calls[0].name == "fte_savings", answer.text
    assert all(s in answer.text for s in states), answer.text


OTHER_DOCS = {
    "kombit.txt": (
        "# Potentiale for KY og KSD\n\n"
        "KOMBIT beskriver gevinsterne ved KY og KSD. KL og KOMBIT er nået frem til et effektiviseringspotentiale på "
        "40 % på KSD af den effektive arbejdstid.\n"
    ),
}


def test_another_systems_figure_is_not_borrowed_and_the_calculation_asks(settings: Settings, tmp_path: Path) -> None:
    """«KOMBIT's mål for KY» is not the 40 % the passage states for KSD; with no figure for KY found, the saving asks
    for the share rather than compute 30 årsværk × 500.000 kr. as a saving."""
    answer = assistant_over(settings, tmp_path / "docs", OTHER_DOCS).answer(
        "Vi har 30 årsværk på ydelsesområdet til 500.000 kr. pr. årsværk. Hvad sparer vi, hvis vi når KOMBIT's mål "
        "for KY?"
    )
    assert not answer.tool_calls, answer.text
    assert "40 %" not in answer.text and "15.000.000" not in answer.text


BORROWS = [
    # id, question, whether it takes a figure from a report
    ("same-per-unit-as", "Hvad giver det, hvis vi får samme besparelse pr. medarbejder som Kommune 1?", True),
    ("what-a-source-expects", "Hvad sparer vi, hvis vi opnår den effektivisering, KLK forventer?", True),
    ("a-sources-norm", "Hvor mange årsværk ligger vi over KLK's sagsnorm?", True),
    ("a-sources-prices", "Hvad sparer vi med Favrskovs priser?", True),
    ("english-without-that", "What do we save with the reduction KLK expects?", True),
    ("our-own-expectation", "Hvad sparer vi på 12 mio. kr., som vi forventer at skære 10 % af?", False),
    ("no-source", "Hvad sparer vi, hvis vi effektiviserer 10 %?", False),
    ("english-prices", "What would we save at Favrskov's prices?", True),
    ("a-target-by-its-system", "Hvad er KY-målet værd for os med 12 årsværk til 500.000 kr. stykket?", True),
    ("a-compound-of-our-own", "Hvad er vores sparemål værd med 12 årsværk?", False),
    ("a-potential-by-its-system", "Hvad vil KOMBIT's KSD-potentiale betyde i kroner for vores 9 årsværk?", True),
    (
        "a-name-in-the-genitive",
        "Hvad sparer vi på 12.000 breve, hvis vi regner med Favrskovs besparelse pr. brev?",
        True,
    ),
    ("according-to-a-source", "Vores jobcenter bruger 20 mio. kr. på møder. Hvad er potentialet ifølge KLK?", True),
    ("english-a-systems-target", "If we match the KSD target with 10 caseworkers, what do we save?", True),
    ("if-the-saving", "Hvis besparelsen er 10 % af 4 mio. kr., hvad sparer vi?", False),
    ("our-saving", "Vores besparelse er 2 mio. kr. om året. Hvad giver det over 4 år?", False),
    ("according-to-ourselves", "Hvad sparer vi ifølge vores egne tal på 4 mio. kr.?", False),
    (
        "a-statement-giving-the-sources-figure",
        "Ifølge eksemplet giver det kommunen 114 kr. om måneden. Vi har 65 fleksjob. Hvad giver det os?",
        False,
    ),
]


@pytest.mark.parametrize(("question", "borrows"), [c[1:] for c in BORROWS], ids=[c[0] for c in BORROWS])
def test_a_question_borrows_when_it_names_a_sources_figure(question: str, borrows: bool) -> None:
    from gevinst.assistant.parse import parse_query

    assert parse_query(question)[0].borrows is borrows


def test_a_report_figure_named_by_its_preset_is_not_borrowed_again(settings: Settings, tmp_path: Path) -> None:
    """«Deloittes årsværkspris» is the calculator's own named preset (480.000 kr.): 25 årsværk × 480.000 kr. runs,
    not a staff saving that asks for a share."""
    answer = assistant_over(settings, tmp_path / "docs", STAFF_DOCS).answer(
        "Vi har 25 årsværk i ydelsesadministrationen. Hvad svarer de til i kroner med Deloittes årsværkspris?"
    )
    assert answer.tool_calls and "12.000.000 kr." in answer.text, answer.text


NAMED_DOCS = {
    "kombit.txt": (
        "# Potentiale for KY og KSD\n\n"
        "Baseret på tidsmålinger forventer KOMBIT og KL, at effektiviseringspotentialet på landsplan er 40 % for KSD "
        "og 20 % for KY af den effektive arbejdstid.\n"
    ),
    "post.txt": (
        "# Digital post i Favrskov\n\n"
        "Favrskov Kommune sender breve som digital post. Hver gang et brev kan sendes digitalt, sparer kommunen ca. "
        "14 kr. Sendes brevet via fjernprint, er besparelsen for kommunen ca. 8 kr. per brev.\n\n"
        "## Indkøb i Hjørring\n\nHjørring Kommune har regnet på indkøb: et køb i butik koster 330 kr., og et køb via "
        "e-handel koster 90 kr.\n"
    ),
}

NAMED = [
    # id, question, what the answer states, what it must not state
    (
        "the-figure-beside-the-system-asked",
        "Vi har 20 årsværk på sygedagpenge til 541.200 kr. pr. årsværk. Hvad giver KOMBIT's forventede "
        "effektivisering på KSD?",
        ("4.329.600 kr.", "40 %"),
        "2.164.800",
    ),
    (
        "a-potential-named-by-its-system",
        "Hvad vil KOMBIT's KSD-potentiale betyde i kroner for vores 9 årsværk, når et årsværk koster 541.200 kr.?",
        ("1.948.320 kr.", "40 %"),
        "4.870.800",
    ),
    (
        "english-a-systems-target",
        "If we match the KSD target with 10 caseworkers at DKK 541,200 each, what do we save?",
        ("2.164.800",),
        "5.412.000",
    ),
    (
        "a-price-of-each-letter",
        "Vi sender 30.000 breve om året. Hvad sparer vi, hvis de går fra papir til digital post med Favrskovs priser?",
        ("420.000 kr.", "14 kr."),
        "240.000",
    ),
]


@pytest.mark.parametrize(("question", "states", "not_stated"), [c[1:] for c in NAMED], ids=[c[0] for c in NAMED])
def test_a_borrowed_figure_is_the_one_of_what_the_question_names(
    settings: Settings, tmp_path: Path, question: str, states: tuple[str, ...], not_stated: str
) -> None:
    """Of «40 % for KSD og 20 % for KY» the figure beside the system asked; «Hver gang et brev kan sendes digitalt,
    sparer kommunen ca. 14 kr.» prices one letter as «8 kr. per brev» does."""
    answer = assistant_over(settings, tmp_path / "docs", NAMED_DOCS).answer(question)
    assert answer.tool_calls, answer.text
    assert all(s in answer.text for s in states) and not_stated not in answer.text, answer.text


def test_another_municipalitys_default_prices_are_not_used_for_the_one_named(
    settings: Settings, tmp_path: Path
) -> None:
    """«at Favrskov's prices» with no Favrskov price found: the channel shift asks for the prices rather than compute
    with its defaults, which are Hjørring's (330 kr. and 90 kr.); named Hjørring, it computes with them."""
    network = "# Netværket\n\nFavrskov Kommune og Hjørring Kommune deltog i netværket om digitalisering.\n"
    assistant = assistant_over(settings, tmp_path / "docs", {"netvaerk.txt": network})
    favrskov = assistant.answer(
        "We send 50,000 letters a year. What would we save by switching from paper to digital post at Favrskov's prices?"
    )
    assert not favrskov.tool_calls and "12.000.000" not in favrskov.text, favrskov.text
    hjoerring = assistant.answer("Hvad sparer vi ved at flytte 2.000 indkøb fra butik til e-handel med Hjørrings tal?")
    assert "480.000 kr." in hjoerring.text, hjoerring.text


SEARCH_DOCS = {
    "post.txt": (
        "# Digital post i Favrskov\n\n"
        "Favrskov Kommune sender breve som digital post, og digitale breve sparer kommunen penge hvert år.\n\n"
        "## Breve\n\nFavrskov Kommune sender mange breve digitalt; breve på papir er blevet færre hvert år.\n\n"
        "## Udrulning\n\nI Favrskov Kommune sender alle afdelinger nu breve som digital post i stedet for papir.\n\n"
        "## Organisering\n\nFavrskov Kommune har digitaliseringsagenter i hver afdeling, og borgerservice hjælper.\n\n"
        "## Regnestykket\n\nFavrskov Kommune: hver gang et brev kan sendes digitalt, sparer kommunen ca. 14 kr.\n\n"
        "## Indkøb i Hjørring\n\nHjørring Kommune har regnet på indkøb: et køb i butik koster 330 kr., og et køb "
        "via e-handel koster 90 kr.\n"
    ),
}


def test_a_figure_the_questions_passages_do_not_state_is_searched_for(settings: Settings, tmp_path: Path) -> None:
    """The question's own words find the Favrskov passages about letters first, none of which states a price; a
    search for the source and what is lacking («Favrskovs Beløb pr. enhed breve») finds the 14 kr. a letter,
    which beats the channel shift on Hjørring's prices (30.000 × 240 kr.)."""
    answer = assistant_over(settings, tmp_path / "docs", SEARCH_DOCS).answer(
        "Vi sender 30.000 breve om året. Hvad sparer vi ved at sende dem digitalt i stedet for på papir, hvis vi "
        "regner med Favrskovs besparelse pr. brev?"
    )
    assert "420.000 kr." in answer.text and "14 kr." in answer.text, answer.text
    assert "7.200.000" not in answer.text
