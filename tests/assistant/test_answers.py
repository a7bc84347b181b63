"""The assistant end to end on a tiny hash-embedded index: cited answers, refusals, follow-ups, calculations."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from gevinst.assistant.conversation import language_of, standalone_query
from gevinst.assistant.guard import flatten
from gevinst.danish_numbers import find_quantities, quantity_supported
from gevinst.types import Answer


def _check_citations(answer: Answer, assistant) -> None:  # type: ignore[no-untyped-def]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert markers and markers <= {c.n for c in answer.citations}
    texts = [c.text for c in assistant.index.chunks]
    for citation in answer.citations:
        assert any(citation.snippet in t for t in texts), "snippet must be a verbatim slice of a passage"


def test_cited_answer_keeps_numbers_as_written(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer("Hvad koster et køb via e-handel og i butik?")
    assert not answer.refused
    assert "90 kr." in answer.text and "330 kr." in answer.text
    _check_citations(answer, small_assistant)
    record = answer.to_record()
    assert set(record) == {"question", "answer", "refused", "citations", "tool_calls", "timings_ms"}
    assert record["citations"][0]["doc_id"] == "indkoeb" and record["citations"][0]["page"] is None
    assert record["citations"][0]["section"].startswith("Indkøb i kommunen")
    assert {"retrieve", "answer", "total"} <= set(record["timings_ms"])


def test_unanswered_question_is_refused_in_danish_with_nearest_passages(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer("Hvad koster en ny svømmehal i Aalborg?")
    assert answer.refused and answer.text.startswith("Det fremgår ikke af rapporterne")
    assert answer.citations and "[1]" in answer.text
    assert not [q for q in find_quantities(answer.text)]  # a refusal states no figure


def test_follow_up_is_rewritten_from_history() -> None:
    first = "Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KSD?"
    assert (
        standalone_query("og for KY?", [first]) == "Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KY?"
    )
    assert standalone_query("og via e-handel?", [("Hvad koster et køb i butik?", "330 kr.")]).startswith(
        "Hvad koster et køb i butik"
    )
    assert standalone_query("Hvad er KSD?", [first]) == "Hvad er KSD?"  # a full question stands alone


WHAT_IF = [
    # id, earlier question, follow-up, the question it stands for
    (
        "percent-replaces-percent",
        "Hvad sparer vi ved 25 % effektivisering på 10 årsværk til 480.000 kr. pr. årsværk?",
        "Og hvis vi kun når 15 %?",
        "Hvad sparer vi ved 15 % effektivisering på 10 årsværk til 480.000 kr. pr. årsværk?",
    ),
    (
        "amount-replaces-amount",
        "Hvad koster en løntime ved 28.500 kr. om måneden?",
        "Hvad hvis lønnen er 31.000 kr.?",
        "Hvad koster en løntime ved 31.000 kr. om måneden?",
    ),
    (
        "en-what-if",
        "What do we save with 25% efficiency on 10 FTEs at DKK 480k each?",
        "What if we only reach 15%?",
        "What do we save with 15% efficiency on 10 FTEs at DKK 480k each?",
    ),
    (  # two amounts earlier: which one the new amount replaces is not known, so the follow-up is appended
        "two-of-a-kind-appends",
        "Investering 2 mio. kr., gevinst 500.000 kr. om året. Tilbagebetalingstid?",
        "Og hvis den koster 3 mio. kr.?",
        "Investering 2 mio. kr., gevinst 500.000 kr. om året. Tilbagebetalingstid – hvis den koster 3 mio. kr.?",
    ),
]


@pytest.mark.parametrize(("earlier", "follow_up", "expected"), [c[1:] for c in WHAT_IF], ids=[c[0] for c in WHAT_IF])
def test_a_what_if_follow_up_changes_the_earlier_figure(earlier: str, follow_up: str, expected: str) -> None:
    assert standalone_query(follow_up, [earlier]) == expected


def test_follow_up_through_the_assistant(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(
        "og for KY?", history=[{"role": "user", "content": "Hvilket potentiale forventer KOMBIT og KL for KSD?"}]
    )
    assert "20 %" in answer.text and not answer.refused


def test_language_detection() -> None:
    assert language_of("What does a purchase cost in a shop?") == "en"
    assert language_of("Hvad koster et indkøb i en butik?") == "da"
    assert language_of("Who leads the cross-cutting track (tværgående indsatser) in the network?") == "en"
    assert language_of("What does «gæstevederlag i dagplejen» cost the municipality?") == "en"
    assert language_of("Hvad betyder «business case» for en kommune?") == "da"
    # a Danish name with æ/ø/å («FællesSprog III», «Køge») says nothing about the language asked in
    assert language_of("Nationally, what efficiency gain is expected from FællesSprog III?") == "en"
    assert language_of("How much did Ringkøbing-Skjern save?") == "en"


LANGUAGES = [
    # id, question, language: English function words outweigh the words both languages share («for», «over»)
    (
        "en-payback",
        "Payback time for a DKK 3m investment that saves DKK 900,000 a year, with a 4% discount rate?",
        "en",
    ),
    ("en-we-our", "If we move 40% of our calls online, what would we save?", "en"),
    ("en-years", "Over 8 years, from 2025: payback on DKK 2m?", "en"),
    ("da-over-years", "Hvad er tilbagebetalingstiden over 8 år for en investering på 2 mio. kr.?", "da"),
    ("da-it-system", "Hvad koster et nyt IT-system til 3 mio. kr. for kommunen?", "da"),
]


@pytest.mark.parametrize(("question", "language"), [c[1:] for c in LANGUAGES], ids=[c[0] for c in LANGUAGES])
def test_language_of_a_calculation_question(question: str, language: str) -> None:
    assert language_of(question) == language
    assert language_of("Hvad sparede Kerteminde?") == "da"


def test_bad_questions_get_clear_answers(small_assistant) -> None:  # type: ignore[no-untyped-def]
    assert small_assistant.answer("").refused
    assert small_assistant.answer("?!?...").text.startswith("Skriv et spørgsmål")
    long = small_assistant.answer("e-handel " * 20000)
    assert "forkortet" in long.notice
    weird = small_assistant.answer("Hvad koster\x00 e-handel\x1b[31m <script>alert(1)</script>?")
    assert "\x00" not in weird.question or weird.text  # answered without crashing


def test_calculation_question_calls_the_calculator_and_cites_default_sources(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(
        "Hvad sparer vi med 12 årsværk på sygedagpengeområdet til en månedsløn på 30.000 kr., hvis KSD frigør 40 %?"
    )
    assert [t.name for t in answer.tool_calls] == ["fte_savings"]
    assert answer.tool_calls[0].arguments == {"fte": 12, "monthly_salary": 30000, "efficiency_pct": 40}
    assert "2.597.760 kr." in answer.text
    assert "12 årsværk × 541.200 kr. × 40 % = 2.597.760 kr." in answer.text  # the shown step is the calculation
    assert "Pension: 17 % (KOMBIT/KL 2014, afsnit 2.3" in answer.text
    assert "Overhead pr. årsværk: 120.000 kr. (KOMBIT/KL 2014" in answer.text
    assert "Effektivisering: 40 % (dit tal)" in answer.text and "Indfasning: 1 år (standard)" in answer.text
    assert "fte_savings" not in answer.text and "kombit-2014" not in answer.text
    assert answer.to_record()["tool_calls"][0]["result"]["value"] == 2597760


def test_a_range_the_calculator_has_no_high_end_for_gives_two_results(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(
        "Vi har 12 årsværk til en årsværkspris på 500.000 kr. og kan effektivisere 10-15 %. Hvad sparer vi?"
    )
    assert [t.name for t in answer.tool_calls] == ["fte_savings", "fte_savings"]
    assert [t.arguments["efficiency_pct"] for t in answer.tool_calls] == [10, 15]
    assert "600.000 kr." in answer.text and "900.000 kr." in answer.text
    assert "Med den høje ende (Effektivisering 15 %)" in answer.text


def test_the_high_end_line_of_an_english_answer_is_english(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(
        "We have 12 FTEs at 500,000 kr. per FTE and can make them 10-15% more efficient. What do we save?"
    )
    line = next(x for x in answer.text.split("\n") if x.startswith("With the high end"))
    assert "How:" in line and "Sådan" not in line


SCALED = {
    "month-to-year-da": (
        "Vi behandler ca. 2.000 ansøgninger om måneden, og hver tager 5 minutter kortere. Hvor mange timer frigør det?",
        "(dit tal: 2.000 om måneden × 12)",
    ),
    "week-to-year-en": (
        "We move 200 calls a week from phone (40 kr.) to chat (12 kr.). What do we save per year?",
        "(dit tal: 200 om ugen × 52)",
    ),
}


@pytest.mark.parametrize(("question", "shown"), SCALED.values(), ids=SCALED.keys())
def test_a_figure_scaled_to_a_year_shows_how(small_assistant, question: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    """The assumptions say that a count given per month or week was scaled to a year, not only its yearly sum."""
    assert shown in small_assistant.answer(question).text


def test_payback_question(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(
        "Hvad er tilbagebetalingstiden for en investering på 306 mio. kr., der sparer 38 mio. kr. om året?"
    )
    assert answer.tool_calls[0].name == "business_case"
    assert (
        answer.tool_calls[0].arguments["investment"] == 306e6 and answer.tool_calls[0].arguments["annual_gain"] == 38e6
    )
    assert "8,05 år" in answer.text


def test_missing_parameter_is_asked_for_not_guessed(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer("Hvad sparer vi med 12 årsværk, hvis KSD frigør 40 %?")
    assert not answer.tool_calls and "månedsløn" in answer.text and "mangler" in answer.text


QUESTIONS = st.sampled_from(
    [
        "Hvad koster et køb via e-handel?",
        "Hvilken e-handelsgrad nåede Nordfyns Kommune?",
        "Hvad er potentialet for KY?",
        "Hvor mange løntimer er der om året?",
        "Hvad udgør pension?",
        "Hvad sparer vi med 3 årsværk til en månedsløn på 25.000 kr., hvis de effektiviseres med 20 %?",
        "Hvad er tilbagebetalingstiden for en investering på 5 mio. kr., der sparer 1 mio. kr. om året?",
        "Hvad koster en løntime ved en månedsløn på 40.000 kr.?",
        "Hvad koster en svømmehal?",
    ]
)


@hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=QUESTIONS, suffix=st.sampled_from(["", " i 2016", " for KSD", " ca. 40 %"]))
def test_every_number_in_an_answer_is_in_a_cited_snippet_or_a_tool_result(
    small_assistant, question: str, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(question + suffix)
    evidence_text = (
        " ".join(c.snippet for c in answer.citations)
        + " "
        + " ".join(str(t.arguments) + " " + flatten(t.result) for t in answer.tool_calls)
    )
    evidence = find_quantities(evidence_text)
    body = re.sub(r"\[\d+\]", "", answer.text)
    body = re.sub(r"\([a-z0-9-]+ (?:§[\d.]+ [^)]*|s\. \d+(?:–\d+)?|kap\. [\d.]+)\)", "", body)  # source labels
    for q in find_quantities(body):
        assert quantity_supported(q, evidence), f"{q.text!r} in {answer.text!r}"


def test_a_year_is_not_a_figure_to_calculate_with(small_assistant) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer("Hvor mange årsværk har Region Hovedstaden sparet på rengøring i 2022?")
    assert not answer.tool_calls and "mangler jeg" not in answer.text and answer.refused


@pytest.mark.parametrize(
    ("answer", "flagged"),
    [
        ("Forslagene er:\n1. Indkøb koster 90 kr. [1]\n2. Noget andet [1]", []),
        ("Se passage 6.1 og afsnit 2 [1]: e-handel koster 90 kr.", []),
        ("Forslagene er:\n1. Indkøb koster 454 mio. kr. [1]", ["454 mio. kr."]),
        ("Kommunen har 2 centre og sparer 90 kr. [1]", ["2"]),
        ("Potentialet er 90 kr., se figur 2 og tabel 3 [1]", []),
    ],
    ids=[
        "list-numbers",
        "passage-and-section-numbers",
        "invented-figure-in-a-list",
        "a-bare-count-is-still-checked",
        "figure-and-table-numbers",
    ],
)
def test_the_guard_checks_figures_not_list_or_passage_numbers(answer: str, flagged: list[str]) -> None:
    from gevinst.assistant.guard import guard
    from gevinst.types import Chunk

    passage = Chunk("d", "T", 1, "", 0, 0, "Køb via e-handel koster 90 kr. pr. indkøb.", "x")
    assert guard(answer, [passage], [], "Hvad koster et indkøb?").unsupported == flagged


def test_a_calculation_on_a_reports_own_figures_cites_that_report_as_background(small_assistant) -> None:  # type: ignore[no-untyped-def]
    """Two of the question's figures stand in one passage: the question builds on that example, so the
    answer cites it as background (the figures stay «dit tal»)."""
    answer = small_assistant.answer("Vi flytter 6.000 køb fra 330 kr. til 90 kr. pr. stk. Hvad sparer vi om året?")
    assert answer.tool_calls and answer.tool_calls[0].name == "channel_shift"
    assert [c.doc_id for c in answer.citations] == ["indkoeb"]
    assert "Baggrund i rapporterne" in answer.text and "(dit tal)" in answer.text


# A calculation that lacks an input asks for it, when it is the asker's own («vi», «vores») or the reports do not
# answer the question themselves; otherwise a question in a calculation's words about a report's own figure is
# answered from the report.
INCOMPLETE = [
    ("report-answers", "Hvad kan en kommune spare på KSD med 12 årsværk?", "40 %"),
    ("own-calculation", "Hvad kan vi spare på KSD med vores 12 årsværk?", "mangler jeg"),
    ("report-silent", "Hvad giver det at gå fra 52 % e-handel til 80 %?", "mangler jeg"),
]


@pytest.mark.parametrize(("question", "shown"), [c[1:] for c in INCOMPLETE], ids=[c[0] for c in INCOMPLETE])
def test_an_incomplete_calculation_asks_only_when_the_reports_do_not_answer(
    small_assistant, question: str, shown: str
) -> None:  # type: ignore[no-untyped-def]
    answer = small_assistant.answer(question)
    assert shown in answer.text and not answer.refused and not answer.tool_calls
    assert ("mangler jeg" in answer.text) == (shown == "mangler jeg")
