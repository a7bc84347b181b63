"""The shipped corpus with the real embedding model: the answers issue's done-when questions and the
development bank with thresholds just under the measured scores, so a regression fails CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from gevinst.eval import load_bank, run_bank

pytestmark = pytest.mark.slow
BANK = Path(__file__).resolve().parents[2] / "eval" / "dev.yaml"


def test_ehandel_vs_shop_cites_page_52_or_53(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.answer("Hvad koster et indkøb via e-handel sammenlignet med et indkøb i en butik?")
    assert "90 kr." in answer.text and "330 kr." in answer.text
    assert any(c.doc_id == "klk-2017-kommunale-veje" and c.page in (52, 53) for c in answer.citations)


def test_ksd_potential_is_40_percent_from_kombit(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.answer("Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KSD?")
    assert "40 %" in answer.text and "effektive arbejdstid" in answer.text
    assert any(c.doc_id == "kombit-2014-gevinstrealisering-ky-ksd" for c in answer.citations)


def test_swimming_pool_is_refused_with_nearest_passages(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.answer("Hvad koster en ny svømmehal i Aalborg?")
    assert answer.refused and "Det fremgår ikke af rapporterne" in answer.text and len(answer.citations) == 3


def test_payback_question_records_business_case(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.answer(
        "Hvad er tilbagebetalingstiden for en investering på 306 mio. kr., der sparer 38 mio. kr. om året?"
    )
    assert answer.tool_calls[0].name == "business_case" and "8,05 år" in answer.text


def test_index_lists_all_reports(real_settings) -> None:  # type: ignore[no-untyped-def]
    from gevinst.index import read_manifest

    docs = {d["doc_id"]: d for d in read_manifest(real_settings.index_dir)["documents"]}
    assert len(docs) == 5 and docs["klk-2017-kommunale-veje"]["pages"] == 201
    assert docs["kombit-2014-gevinstrealisering-ky-ksd"]["title"].startswith("Gevinstrealisering på KY og KSD")


def test_development_bank_meets_thresholds(real_assistant) -> None:  # type: ignore[no-untyped-def]
    run = run_bank(load_bank(BANK), real_assistant.answer)
    s = run.summary
    print({k: v for k, v in s.items() if k != "by_tag"})
    assert s["answer_correctness"] >= 0.72
    assert s["source_hit"] >= 0.93
    assert s["refusal_accuracy"] >= 0.89
    assert s["tool_use"] >= 0.94


def test_proposals_about_home_care_come_from_the_catalogue(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.answer("Hvilke forslag handler om hjemmeplejen, og hvad kan de give?")
    assert "Produktionsomkostninger i hjemmeplejen" in answer.text and "280 mio. kr." in answer.text
    assert any(c.page is not None and 136 <= c.page <= 138 and "280 mio. kr." in c.snippet for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    [
        "Hvad sparede Ringkøbing-Skjern ved at samle debitoropgaverne?",
        "What did Ringkøbing-Skjern save by merging its debtor tasks?",
    ],
    ids=["da", "en"],
)
def test_ringkobing_skjern_saving_is_answered_with_the_klk_page(real_assistant, question: str) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.answer(question)
    assert not answer.refused and "3,5 mio. kr." in answer.text
    assert any(c.doc_id == "klk-2017-kommunale-veje" and c.page == 17 for c in answer.citations)


def test_proposals_of_the_2009_report_are_not_taken_from_the_klk_catalogue(real_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.answer("Hvilke forslag giver KL til en fælleskommunal back office-funktion?")
    assert "Forslag i «Kommunale veje" not in answer.text
    assert any(c.doc_id == "kl-2009-objektiv-sagsbehandling" for c in answer.citations)


def test_a_borrowed_figure_and_the_method_from_one_page_are_one_citation(real_assistant) -> None:  # type: ignore[no-untyped-def]
    """Viborg's yearly saving (borrowed) and the payback method both come from KL 2014, s. 20: one source, both
    marked with it, not the same passage twice under two numbers."""
    answer = real_assistant.answer(
        "Et nyt rådhus hos os vil koste 180 mio. kr. Hvis vi opnår samme årlige besparelse som Viborg, hvor mange "
        "år går der så, før det er tjent hjem?"
    )
    assert "38.000.000 kr." in answer.text and "4,74 år" in answer.text, answer.text
    pages = [(c.doc_id, c.page) for c in answer.citations]
    assert len(pages) == len(set(pages)), pages
    assert "årlig besparelse) [1]" in answer.text and "38 mio») [1]" in answer.text


@pytest.mark.parametrize(
    ("question", "refused", "stated"),
    [
        ("Hvor stor en andel af børnene i Billund fik udsat skolestart i 2015 og 2016?", False, "7,09 %"),
        ("Hvor stor var andelen med udsat skolestart i Billund i 2017?", True, "angiver ikke tallet for 2017"),
        ("Hvor meget brugte Billund på gæstevederlag i dagplejen i 2016?", True, "Det fremgår ikke"),
    ],
    ids=["the-table-s-years", "the-report-s-own-year-is-asked-too", "a-share-row-is-no-amount"],
)
def test_a_table_row_answers_for_the_years_its_table_gives(  # type: ignore[no-untyped-def]
    real_assistant, question: str, refused: bool, stated: str
) -> None:
    """A table row of the place asked states its figure for the years of its header; the report's year of
    publication (2017) is a year asked like any other, and a row of shares does not say what was spent."""
    answer = real_assistant.answer(question)
    assert answer.refused is refused and stated in answer.text, answer.text


def test_which_municipality_is_answered_by_a_municipality(real_assistant) -> None:  # type: ignore[no-untyped-def]
    """The report's example is «en kommune», unnamed: a region («Østdanmark») or a centre is no municipality."""
    answer = real_assistant.answer(
        "Hvilken kommune er eksemplet med de effektiviserede jobsamtaler for aktivitetsparate i rapporten?"
    )
    assert answer.refused and "kommunens navn" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "quoted"),
    [
        (
            "Hvad har Kommune 2 estimeret, at implementeringen af systemet til udlægshåndtering vil koste, ifølge "
            "«Kommunale veje til effektivisering»?",
            "Kilden skriver selv",
        ),
        (
            "Hvor mange millioner kroner om året har politiet sparet ved at samle rengøring og kantinedrift i en fælles "
            "løsning?",
            "De nærmeste passager",
        ),
    ],
    ids=["the-figure-left-blank", "the-lead-states-no-figure"],
)
def test_a_figure_the_answer_would_not_state_is_refused(  # type: ignore[no-untyped-def]
    real_assistant, question: str, quoted: str
) -> None:
    """«… til at koste ca kr.»: the report's text has no number there. «Besparelsen er bl.a. opnået ved …» tells how
    the police saved, not how much; the amounts further down are other figures."""
    answer = real_assistant.answer(question)
    assert answer.refused and quoted in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "refused", "stated"),
    [
        ("Hvornår skal Københavns Kommunes delebilsordning være fuldt implementeret?", False, "2025"),
        ("Hvornår blev benchmarkværktøjet for kommunernes ejendomsdrift gjort permanent?", True, "Det fremgår ikke"),
    ],
    ids=["a-time-in-what-runs-on-from-the-lead", "no-time-stated"],
)
def test_when_is_answered_by_a_time(real_assistant, question: str, refused: bool, stated: str) -> None:  # type: ignore[no-untyped-def]
    answer = real_assistant.answer(question)
    assert answer.refused is refused and stated in answer.text, answer.text


def test_calculations_of_our_own_and_borrowed_figures_meet_their_threshold(real_assistant) -> None:  # type: ignore[no-untyped-def]
    """eval/dev22.yaml: 61 calculations in wordings of our own, half of them borrowing a report's figure; 51 of 61
    (0,84) passed at writing and 53 (0,87) after this session's borrowing work; the floor sits under both."""
    run = run_bank(load_bank(BANK.with_name("dev22.yaml")), real_assistant.answer)
    s = run.summary
    print({k: v for k, v in s.items() if k != "by_tag"})
    assert s["answer_correctness"] >= 0.8
