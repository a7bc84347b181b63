"""Calculation questions in wordings written for the routing issue (blind, not used to write the router):
each goes to the right calculator with the right arguments, and lookups that merely contain numbers go to
the reports. routing_cases.yaml holds the table; the same questions are in eval/heldout.yaml."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from gevinst.assistant.answerers import AnswerContext
from gevinst.assistant.parse import parse_query
from gevinst.assistant.retrieval import Retrieved
from gevinst.assistant.routing import background_citations, choose, method_report_passage
from gevinst.calculators import CalcResult, CalculatorInputError
from gevinst.calculators.base import Assumption
from gevinst.calculators.spec import resolve
from gevinst.settings import Settings
from gevinst.types import Chunk


def _same(expected: Any, got: Any) -> bool:
    if isinstance(expected, list):
        return isinstance(got, list) and len(got) == len(expected) and all(map(_same, expected, got))
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(_same(v, got.get(k)) for k, v in expected.items())
    if isinstance(expected, int | float) and isinstance(got, int | float):
        return math.isclose(float(expected), float(got), rel_tol=1e-6)
    return bool(expected == got)


def routed(case: dict[str, Any]) -> tuple[bool, str]:
    # a follow-up case lists the conversation's earlier questions, as the chat passes them
    filling = choose(parse_query(case["question"], case.get("history") or ())[0])
    if case["tool"] is None:
        return filling is None, f"routed to {filling.spec.name}" if filling else ""
    if filling is None or not filling.complete:
        return False, "not routed" if filling is None else f"{filling.spec.name} missing {filling.missing}"
    try:  # compare what the calculator runs with: the question's figures and the presets it chose or left
        inputs, _, _ = resolve(filling.spec, filling.arguments)
    except CalculatorInputError as exc:
        return False, f"{filling.spec.name}: {exc}"
    args = inputs.model_dump()
    ok = filling.spec.name == case["tool"] and all(_same(v, args.get(k)) for k, v in (case.get("args") or {}).items())
    return ok, f"{filling.spec.name} {args}"


TABLES = {
    # tuned on: written blind by a helper for development, studied case by case
    "dev": ("routing_dev.yaml", 0.95, 1.0),
    # a second development table written late, on purpose harder (number words, terse questions, stray figures);
    # studied case by case for the general causes (47/48 calculations, 16/16 lookups)
    "dev-hard": ("routing_dev2.yaml", 0.95, 0.95),
    # a third development table, written blind late in the work and studied case by case (50/56 at writing)
    "dev-3": ("routing_dev3.yaml", 0.85, 0.95),
    # a fourth, per cause (compound unit nouns, percentage ranges, yearly amounts, «svarende til» scaling, tasks in
    # any order; later payback idioms with a running cost, «er den samme» scaling, «hver fuldtidsansat», «N år i
    # træk»), 2–3 wordings each, written before the fix
    "dev-4": ("routing_dev4.yaml", 1.0, 1.0),
    # a fifth, in five batches each committed before it was run (issue 11): figures before or after the question,
    # «pr. md.», «mio./mia./tusind», number words and fractions, parentheses, bullet lists, English, «Hvad frigør
    # det?», stray years, dates and page numbers, lookups of what a report's own example computed; studied case by
    # case (calculations 34/43, 15/20, 12/15, 10/12, 5/6 at writing; lookups 13/13, 7/8, 5/5, 4/4, 2/2)
    "dev-5": ("routing_dev5.yaml", 1.0, 1.0),
    # a sixth, written whole before it was run (session 22): other verbs, number words and fractions («hver anden»,
    # «3/5 af tiden»), periods («om måneden», «om ugen»), two sentences, English, what-if follow-ups with history;
    # studied case by case (calculations 49/87 at writing, 85/87 after; lookups 34/34)
    "dev-6": ("routing_dev6.yaml", 0.95, 1.0),
    # a seventh (session 24), written whole in two batches, each committed before it was run: trades as staff and
    # people served never as staff, «hver anden uge», «3 ud af 10», «fra en time til 40 minutter», «i dag …
    # fremover», «læg … sammen», «forskellen mellem», English payback; studied case by case (calculations 31/37 and
    # 16/24 at writing, 58/61 after; lookups 12/12 and 6/6)
    "dev-7": ("routing_dev7.yaml", 0.9, 1.0),
    # an eighth (session 29), one section per general cause seen in development bank 17 (calculations in varied
    # wordings), each in 2–3 wordings of our own: tasks stated column by column, «steget fra … til …», «Kommune 3»,
    # a sentence ending after «pct.», yearly cuts per calendar year, cue words of other wordings
    "dev-8": ("routing_dev8.yaml", 1.0, 1.0),
    # a ninth (session 32), written before it was run: calculations in wordings of our own, a share of the people
    # served that no longer needs the service, which one calculator takes with every other figure (14/17 at writing,
    # 17/17 after; lookups 4/4), årsværk at a monthly salary (0/4 at writing, 4/4 after) the level after a cut
    # («det nye budget», 0/3 at writing, 3/3 after) a yearly amount over several years (0/5 at writing, 5/5 after)
    # hours a year as årsværk (0/4 at writing, 4/4 after) and a change in percent (0/4 at writing, 4/4 after)
    "dev-9": ("routing_dev9.yaml", 1.0, 1.0),
    # a tenth (session 33), probes of our own written before they were run (26/30 at writing): a span of years as one
    # adjective («en fireårig budgetperiode», 0/3 at writing) and the årsværk freed asked without a price (0/3)
    "dev-10": ("routing_dev10.yaml", 1.0, 1.0),
    # an eleventh (session 34), 30 probes of our own written before they were run (28/30 at writing): a monthly wage of
    # staff is a salary (1/3 at writing), an offer is a payback's investment (0/2 at writing)
    "dev-11": ("routing_dev11.yaml", 1.0, 1.0),
    # measured only (held-out, never studied case by case): the floors sit just under the measured shares
    # (35/40 calculations, 11/12 lookups); the target is 0.9
    "heldout": ("routing_cases.yaml", 0.85, 0.9),
}


def _cases(name: str) -> list[dict[str, Any]]:
    path = Path(__file__).parent / TABLES[name][0]
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["cases"])


# a table written per cause may be smaller than a bank of questions
SMALLEST = {"dev-4": (15, 4), "dev-8": (15, 4), "dev-9": (15, 4), "dev-10": (15, 4), "dev-11": (15, 4)}


@pytest.mark.parametrize("table", TABLES)
def test_the_table_is_large_enough(table: str) -> None:
    cases = _cases(table)
    calculations, lookups = SMALLEST.get(table, (40, 10))
    assert (
        sum(c["tool"] is not None for c in cases) >= calculations and sum(c["tool"] is None for c in cases) >= lookups
    )


@pytest.mark.parametrize("table", TABLES)
def test_calculations_reach_the_right_calculator_with_the_right_arguments(table: str) -> None:
    results = [routed(c)[0] for c in _cases(table) if c["tool"] is not None]
    share = sum(results) / len(results)
    print(f"routing {table}: {sum(results)}/{len(results)} = {share:.2f}")
    assert share >= TABLES[table][1]


@pytest.mark.parametrize("table", TABLES)
def test_lookups_with_numbers_go_to_the_reports(table: str) -> None:
    results = [routed(c)[0] for c in _cases(table) if c["tool"] is None]
    share = sum(results) / len(results)
    print(f"lookups {table}: {sum(results)}/{len(results)} answered from the reports")
    assert share >= TABLES[table][2]


class _Searches:
    """A retriever that finds the report's passage only for a search in the example's own words: the whole
    question, led by the asker's figures, finds an unrelated passage."""

    def __init__(self, passage: Chunk, other: Chunk) -> None:
        self.passage, self.other = passage, other

    def retrieve(self, query: Any, k: int = 5) -> Retrieved:
        own = any(w in query.text.lower().split() for w in ("vi", "we", "our"))
        return Retrieved([self.other] if own else [self.passage, self.other], 0.3, [])


def _chunk(doc_id: str, text: str) -> Chunk:
    return Chunk(doc_id, doc_id, 1, "", 0, len(text), text, doc_id)


BACKGROUND = [
    # id, question, the report passage the example's figure stands in
    (
        "report-names-a-share",
        "KOMBIT nævner en reduktion af personalet med 40 % på området. Vi har 8 årsværk til 480.000 kr. Hvad sparer "
        "vi om året?",
        "Reduktion af personale med 40 % eller andet budgetmål.",
    ),
    (
        "municipality-saved",
        "Varde sparede 1,1 mio. kr. om året på 400 forløb. Vi har 650 forløb. Hvad kan vi forvente at spare?",
        "Projektet har ledt til årlige besparelser på 1,1 mio. kr.",
    ),
    (
        "english-example",
        "Aarhus saved DKK 900,000 across 300 cases. We have 450 cases. What can we expect to save?",
        "Aarhus Kommune sparede 900.000 kr. om året på sagerne.",
    ),
]


@pytest.mark.parametrize(("question", "stated"), [c[1:] for c in BACKGROUND], ids=[c[0] for c in BACKGROUND])
def test_a_figure_given_as_someone_elses_cites_the_passage_stating_it(question: str, stated: str) -> None:
    passage, other = _chunk("report", stated), _chunk("other", "Et andet afsnit om noget helt andet.")
    context = AnswerContext(None, _Searches(passage, other), Settings())  # type: ignore[arg-type]
    cited = background_citations(parse_query(question)[0], context)
    assert [c.doc_id for c in cited] == ["report"]


@pytest.mark.parametrize(
    "question",
    ["Vi har 8 årsværk til 480.000 kr. og sparer 40 %. Hvad sparer vi om året?", "Hvad er 40 % af 480.000 kr.?"],
    ids=["our-figures", "figures-in-the-asking-sentence"],
)
def test_a_question_of_only_the_askers_figures_cites_no_stray_passage(question: str) -> None:
    passage, other = _chunk("report", "Et årsværk koster 480.000 kr."), _chunk("other", "Noget andet.")
    context = AnswerContext(None, _Searches(passage, other), Settings())  # type: ignore[arg-type]
    assert background_citations(parse_query(question)[0], context) == []


class _Ranked:
    """A retriever that returns the given passages, ranked as given, with the names no passage mentions."""

    def __init__(self, *chunks: Chunk, missing: tuple[str, ...] = ()) -> None:
        self.chunks, self.missing = list(chunks), list(missing)

    def retrieve(self, query: Any, k: int = 5) -> Retrieved:
        return Retrieved(self.chunks, 0.3, [], self.missing)


def _found(score: float, missing: tuple[str, ...] = ()) -> _Ranked:
    """A retriever whose best passage is found by words and meaning with the given fused score."""
    best = replace(_chunk("report", "Udlæg håndteres med en app og Eurocard."), score=score)
    return _Ranked(best, _chunk("other", "Noget andet."), missing=missing)


@pytest.mark.parametrize(("score", "cited"), [(1.0, ["report"]), (0.6, [])], ids=["clearly-found", "found-faintly"])
def test_a_calculation_cites_the_passage_telling_of_its_case(score: float, cited: list[str]) -> None:
    """The asker's own figures for a case the reports tell of («udlæg med app og Eurocard»): the passage best found
    by both words and meaning is cited as background, though its words cover little of the question."""
    question = (
        "En app til udlæg med Eurocard koster 900.000 kr. og sparer 300.000 kr. om året. Hvornår er den tjent hjem?"
    )
    context = AnswerContext(None, _found(score), Settings())  # type: ignore[arg-type]
    assert [c.doc_id for c in background_citations(parse_query(question)[0], context)] == cited


@pytest.mark.parametrize(
    ("missing", "cited"), [(("2025",), ["report"]), (("Gentofte",), [])], ids=["askers-own-year", "a-name-unknown"]
)
def test_a_calculations_own_years_are_no_case_the_reports_must_tell_of(
    missing: tuple[str, ...], cited: list[str]
) -> None:
    """«… 900.000 kr. i 2025 …»: no passage writes 2025, but the case (udlæg med app) is still the reports'; a name
    no passage mentions («Gentofte») is a case they do not tell of."""
    question = "En app til udlæg med Eurocard i Gentofte koster 900.000 kr. i 2025 og sparer 300.000 kr. om året."
    context = AnswerContext(None, _found(1.0, missing), Settings())  # type: ignore[arg-type]
    assert [c.doc_id for c in background_citations(parse_query(question)[0], context)] == cited


ALA = "Samling af opkrævning og debitor à la Ringkøbing-Skjern: "
OWN = "Vores opkrævning fylder 40 % af tiden og kan effektiviseres 25 %. Vægtet potentiale?"
NAMED_CASE = [
    # id, question, the top passage (text, fused score), the score of a passage stating two of the question's shares
    ("names-the-case", ALA + OWN, ("Ringkøbing-Skjern samlede opkrævning.", 1.0), 0.4, ["case"]),
    ("case-found-faintly", ALA + OWN, ("Ringkøbing-Skjern samlede opkrævning.", 0.5), 0.4, ["coincidence"]),
    ("shares-far-down", OWN, ("Opkrævning og debitor kan samles.", 1.0), 0.4, ["case"]),
    ("shares-found-well", OWN, ("Opkrævning og debitor kan samles.", 1.0), 0.7, ["coincidence"]),
]


@pytest.mark.parametrize(
    ("question", "top", "other_score", "cited"), [c[1:] for c in NAMED_CASE], ids=[c[0] for c in NAMED_CASE]
)
def test_a_calculation_cites_the_case_it_names_before_a_passage_that_happens_to_state_its_shares(
    question: str, top: tuple[str, float], other_score: float, cited: list[str]
) -> None:
    """«… à la Ringkøbing-Skjern: opkrævning 40 % af tiden, effektiviseres 25 %»: the clearly found passage naming
    Ringkøbing-Skjern is the case; a passage far down the ranking that states 40 % and 25 % is a coincidence."""
    case = replace(_chunk("case", top[0]), score=top[1])
    other = replace(_chunk("coincidence", "Andel 40 % og effekt 25 % i et andet projekt."), score=other_score)
    context = AnswerContext(None, _Ranked(case, other), Settings())  # type: ignore[arg-type]
    assert [c.doc_id for c in background_citations(parse_query(question)[0], context)] == cited


def _result(method_page: int) -> CalcResult:
    method = Assumption("method", "Metode", "compliance", "", f"Rapporten, s. {method_page}", "report", method_page)
    return CalcResult("compliance_savings", 1.0, "kr.", "Besparelse", "a × b", [method])


def _scored(doc_id: str, page: int, score: float) -> Chunk:
    return replace(_chunk(doc_id, f"Afsnit på side {page}."), page=page, score=score)


METHOD_PASSAGES = [
    # id, retrieved (doc, page, fused score), the method's page, the passage cited: (doc, page) or None
    ("method-report-example-page", [("other", 9, 1.0), ("report", 53, 0.92)], 46, ("report", 53)),
    ("found-only-faintly", [("other", 9, 1.0), ("report", 53, 0.6)], 46, None),
    ("only-other-reports", [("other", 9, 1.0), ("other", 10, 0.95)], 46, None),
    ("the-method-page-itself", [("report", 46, 1.0), ("report", 47, 0.9)], 46, None),
]


@pytest.mark.parametrize(
    ("retrieved", "page", "expected"), [c[1:] for c in METHOD_PASSAGES], ids=[c[0] for c in METHOD_PASSAGES]
)
def test_a_calculation_cites_the_best_found_passage_of_its_methods_report(
    retrieved: list[tuple[str, int, float]], page: int, expected: tuple[str, int] | None
) -> None:
    found = Retrieved([_scored(*r) for r in retrieved], 0.3, [])
    cited = method_report_passage(_result(page), found)
    assert ((cited.doc_id, cited.page) if cited else None) == expected


def _run_with(question: str) -> dict[str, Any]:
    """The arguments the calculation the question is routed to runs with; none when it runs none (it asks, or the
    question goes to the reports)."""
    filling = choose(parse_query(question)[0])
    return dict(filling.arguments) if filling is not None and filling.complete else {}


TAKES = [
    # id, question, the minutes saved per task the calculation runs with (None: it asks for them)
    (
        "takes",
        "Vi behandler 4.200 ansøgninger om året, og hver tager 45 minutter. Hvis digitalisering halverer tiden, hvor "
        "mange timer sparer vi?",
        None,
    ),
    (
        "takes-english",
        "Each of our 5,000 yearly cases takes 30 minutes. If a robot halves that, what do we save?",
        None,
    ),
    (
        "takes-less",
        "Hver ansøgning tager 20 minutter kortere tid, og vi får 3.000 om året. Hvor mange timer sparer vi?",
        20,
    ),
    (
        "uses-less",
        "Hver sagsbehandler bruger 20 minutter mindre pr. sag, og vi har 12.000 sager om året. Hvad sparer vi?",
        20,
    ),
    (
        "before-after",
        "Opgaven tager 2 timer i dag og 1,5 time fremover. Vi løser den 400 gange om året. Hvad sparer vi?",
        30,
    ),
]


@pytest.mark.parametrize(("question", "saved"), [c[1:] for c in TAKES], ids=[c[0] for c in TAKES])
def test_the_time_a_task_takes_is_no_time_saved(question: str, saved: float | None) -> None:
    """«… hver tager 45 minutter. Hvis digitalisering halverer tiden …» is not 45 minutes saved per task: the
    calculation asks for the minutes saved rather than compute 4.200 × 45 minutes."""
    assert _run_with(question).get("minutes_saved_per_unit") == saved


WHOLES = [
    # id, question, the input that must not take the group's total
    (
        "staff-together",
        "Vores 4 administrative medarbejdere på skolerne koster tilsammen 2,1 mio. kr. om året. Hvis vi samler dem og "
        "sparer en fjerdedel, hvad er besparelsen?",
        "annual_cost_per_fte",
    ),
    (
        "courses-in-total",
        "Vi har 85 unge i brobygning, der koster i alt 3,2 mio. kr. Kan vi undgå hver fjerde, hvad giver det så?",
        "unit_cost",
    ),
    (
        "english-altogether",
        "Our 6 payroll clerks cost altogether DKK 3.3 million a year. What do we save by cutting 10% of their work?",
        "annual_cost_per_fte",
    ),
]


@pytest.mark.parametrize(("question", "price"), [c[1:] for c in WHOLES], ids=[c[0] for c in WHOLES])
def test_a_groups_total_is_no_price_of_one(question: str, price: str) -> None:
    """«4 medarbejdere … koster tilsammen 2,1 mio. kr.»: 2,1 mio. kr. is not the price of one årsværk, so the saving
    is never 4 × 2,1 mio. kr. × 25 %."""
    assert price not in _run_with(question)


PER_HEAD = [
    # id, question, an input and the value it must not run with
    (
        "half-an-hour-a-day",
        "Vi sparer 30 minutter om dagen pr. medarbejder, og vi er 12 medarbejdere. Hvor mange timer sparer vi om året "
        "med 220 arbejdsdage?",
        {"minutes_saved_per_unit": 30},
    ),
    (
        "hourly-price-times-heads",
        "Hver af vores 14 sagsbehandlere kan spare en halv time om dagen. Hvad er det værd om året ved 380 kr. i timen "
        "og 220 arbejdsdage?",
        {"minutes_saved_per_unit": 30, "rate": 380},
    ),
    ("english-per-hour", "How much do our 14 caseworkers cost in total at DKK 380 per hour?", {"rate": 380}),
]


@pytest.mark.parametrize(("question", "wrong"), [c[1:] for c in PER_HEAD], ids=[c[0] for c in PER_HEAD])
def test_a_time_per_day_and_a_price_per_hour_are_not_per_case(question: str, wrong: dict[str, float]) -> None:
    """«30 minutter om dagen pr. medarbejder» is no time saved per case (12 × 220 days, not 220 cases), and «380 kr. i
    timen» no price per head: neither runs a calculation that reads them so (110 timer, 14 × 380 kr.)."""
    ran = _run_with(question)
    assert all(ran.get(name) != value for name, value in wrong.items())


LEVELS = [
    # id, question: a share's level and a price saving, in a question that speaks of no year
    (
        "compliance-to-a-level",
        "Hvad sparer vi ved at hæve compliance til 85 % på et indkøb af 400 mio. kr., når aftalerne er 10 % billigere?",
    ),
    (
        "e-commerce-up-to",
        "Vores e-handelsgrad skal op på 90 % på et indkøb af 150 mio. kr., og aftalepriserne er 6 % lavere. Hvad giver "
        "det?",
    ),
]


@pytest.mark.parametrize("question", [c[1] for c in LEVELS], ids=[c[0] for c in LEVELS])
def test_a_shares_level_is_no_yearly_cut_and_no_rise_in_points(question: str) -> None:
    """«hæve compliance til 85 % … 10 % billigere» is no two yearly cuts of a budget (85 % + 10 % of 400 mio. kr.),
    and 85 % is the share's goal, not a rise of 85 procentpoint: the calculation asks for today's share."""
    filling = choose(parse_query(question)[0])
    assert filling is not None and filling.spec.name == "compliance_savings" and not filling.complete
