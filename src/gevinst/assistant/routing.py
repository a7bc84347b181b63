"""Calculation questions go to the calculators. The router fills, it does not match: every declared
calculator is filled from the `Query`'s numbers (filling.py); the question goes to the one it supplies best,
when it asks for something to be computed. The answer shows the result, every step with its factors,
the assumptions (a user's own figure is «dit tal», a default names its report) and cites the passages the
defaults come from."""

from __future__ import annotations

import math
import time
from dataclasses import replace
from functools import cache, partial

from gevinst.assistant import borrowed
from gevinst.assistant.answerers import AnswerContext, Deferred
from gevinst.assistant.filling import GOAL_UNSAID, Filling, rank, uses_every_figure
from gevinst.assistant.query import Asks, Language, QuantityMention, Query, UnitKind
from gevinst.assistant.quoting import stating_quote
from gevinst.assistant.refusal import passages_naming
from gevinst.assistant.retrieval import Retrieved
from gevinst.calculators import (
    SPECS,
    CalcResult,
    CalculatorInputError,
    Kind,
    run_calculator,
    show,
)
from gevinst.calculators.base import Assumption
from gevinst.danish_numbers import Quantity, find_quantities
from gevinst.types import Answer, Chunk, Citation, ToolCall

# A passage's fused score (min-max-normalised word and meaning match, see HybridRetriever.fused_scores) at which
# it is among the best by both: 1.0 is the best on each; 0.8 leaves room for either to be a little lower.
CLEARLY_FOUND = 0.8


def choose(query: Query, ranked: list[Filling] | None = None) -> Filling | None:
    """The calculator to run (complete) or to ask about (incomplete), or None: the question goes to retrieval.
    `ranked`: the calculators already filled from the question (`rank`), best first."""
    if not query.figures:
        return None
    ranked = rank(query) if ranked is None else ranked
    best = ranked[0] if ranked else None
    if best is None:
        return None
    if (query.past or query.about_example) and not query.own:  # «Hvad sparede Holbæk …?», «i KLK's eksempel 1»
        return None
    # a figure asked of the asker's own figures that one calculator uses every one of («Hvor meget henter vi,
    # hvis besparelsen er 185 kr. pr. udlæg? Vi behandler 9.400 udlæg om året.») is theirs to compute
    own_figures = query.own and query.asks is Asks.FIGURE and len(best.used) >= 2
    if (
        best.complete
        and (best.used or best.goal)
        and (query.computes or ((best.goal or own_figures) and uses_every_figure(best, query)))
    ):
        return _named_instead(best, ranked) or _every_figure_instead(best, ranked, query) or best
    if query.computes and not best.complete:
        asked = next((f for f in ranked if f.goal and f.used), None)
        return asked
    return None


def _named_instead(best: Filling, ranked: list[Filling]) -> Filling | None:
    """A calculator the question names (its goal words) that takes as many figures as the complete one, one of
    them a figure that one leaves out, but lacks an input: asked for what it lacks rather than computing what the
    question did not ask («300 borgere … 15 % … årsværkspris 480.000 kr.» names årsværk and gives none: not
    300 × 480.000 kr.)."""
    return next(
        (
            f
            for f in ranked
            if not f.complete and f.goal >= max(best.goal, 1) and f.used - best.used and len(f.used) >= len(best.used)
        ),
        None,
    )


def _every_figure_instead(best: Filling, ranked: list[Filling], query: Query) -> Filling | None:
    """The calculator that uses every figure of the question and lacks only being named, when the complete best
    leaves one of them out: «320 borgere … 10 % kan klare sig selv … 95.000 kr. pr. borger» is not 320 × 95.000 kr.
    without the 10 % (which that calculator cannot take), nor «35 % af arbejdet for 5 bogholdere, der hver koster
    470.000 kr.» 35 % of one salary. Only a share, an amount or staff left out counts so: a stray count («300 brugere
    fordelt på 6 afdelinger») is context."""
    left_out = [q for n, q in enumerate(query.figures) if n not in best.used]
    if not any(q.unit in (UnitKind.PERCENT, UnitKind.AMOUNT, UnitKind.FTE) for q in left_out):
        return None
    # staff left out is taken by a complete calculator too: staff counted so is no stray figure
    staff = any(q.unit is UnitKind.FTE for q in left_out)
    return next(
        (
            replace(f, missing=())
            for f in ranked
            if (f.missing == (GOAL_UNSAID,) or (staff and f.complete))
            and f.used > best.used
            and len(f.used) == len(query.figures)
        ),
        None,
    )


def answer_calculation(query: Query, context: AnswerContext) -> Answer | Deferred | None:
    ranked = rank(query) if query.figures else []

    @cache
    def found_for_query() -> Retrieved:  # once: a borrowed figure and the calculation's citations read the same
        return context.retriever.retrieve(query, k=5)

    search = partial(context.retriever.retrieve, k=5)  # a borrowed figure's own search, where those do not state it
    filling = choose(query, ranked)
    filling = borrowed.settle(query, ranked, filling, found_for_query, search)  # «… som Københavns …»: the report's
    if filling is None:
        return None
    if not filling.complete:
        asking = Answer(query.raw, _ask_for(filling, query.language), False)
        # a calculation of the asker's own («vi», «vores») asks for what it lacks; any other («Hvis en borger …
        # går én time op, hvad giver det?») may be the report's own example: asked for only when the reports are silent
        return asking if query.own else Deferred(asking)
    started = time.perf_counter()
    high_args = {**filling.arguments, **dict(filling.highs)}
    try:
        result = run_calculator(filling.spec.name, filling.arguments)
        high = run_calculator(filling.spec.name, high_args) if filling.highs else None
    except CalculatorInputError as exc:
        return Answer(query.raw, f"Beregningen kunne ikke udføres: {exc}", False)
    calc_ms = (time.perf_counter() - started) * 1000
    result = _with_scaling_shown(result, filling)
    retrieved = found_for_query()
    found = preset_citations(result, context)
    example = method_report_passage(result, retrieved)
    for c in ([example] if example else []) + background_citations(query, context, retrieved=retrieved):
        if (c.doc_id, c.page) not in {(f.doc_id, f.page) for f in found}:
            found.append(c)
    citations = [Citation(n, c.doc_id, c.title, c.page, c.section, c.snippet) for n, c in enumerate(found, start=1)]
    also = _high_end(filling, high, query.language) if high is not None else None
    text = compose_calculation(result, citations, query.language, also)
    calls = [ToolCall(filling.spec.name, dict(filling.arguments), result.to_dict())]
    if high is not None:
        calls.append(ToolCall(filling.spec.name, high_args, high.to_dict()))
    return Answer(query.raw, text, False, citations, calls, {"calculate": calc_ms})


def _with_scaling_shown(result: CalcResult, filling: Filling) -> CalcResult:
    """A yearly input the question gave per month or week says so (`Filling.scaled`): «dit tal: 2.000 om
    måneden × 12», not only the 24.000 the calculator was given, so the manager can check the step."""
    notes = dict(filling.scaled)
    if not notes:
        return result
    shown = [replace(a, source=notes[a.name]) if a.name in notes else a for a in result.assumptions]
    return replace(result, assumptions=shown)


def _high_end(filling: Filling, high: CalcResult, language: Language) -> str:
    """The same calculation with the high end of the question's range («10-15 %»): the second result."""
    ends = ", ".join(f"{filling.spec.input(n).label} {show(v, filling.spec.input(n).kind)}" for n, v in filling.highs)
    english = language is Language.EN
    lead, how = ("With the high end", "How") if english else ("Med den høje ende", "Sådan")
    return f"{lead} ({ends}): {high.label}: {high.display.removesuffix('.')}. {how}: {high.formula}"


def _ask_for(filling: Filling, language: Language) -> str:
    missing = "; ".join(m.lower() for m in filling.missing)
    if language is Language.EN:
        return f"To calculate «{filling.spec.title}» I need: {missing}. Add it to the question and I will calculate."
    return (
        f"For at regne «{filling.spec.title}» ud mangler jeg: {missing}. Skriv det i spørgsmålet, så regner jeg igen."
    )


def compose_calculation(
    result: CalcResult, citations: list[Citation], language: Language | str, high_end: str | None = None
) -> str:
    """The result, its steps, the high end of a range (when the question gave one) right after them, then the
    assumptions both share and the background passages."""
    spec = SPECS[result.name]
    english = str(language) == Language.EN.value
    head = f"{result.label}: {result.display}" + ("" if not english else f" ({spec.title})")
    lines = [head if head.endswith(".") else head + "."]
    lines.append(("Sådan er det regnet: " if not english else "How it is calculated: ") + result.formula)
    if high_end:
        lines.append(high_end)
    lines.append("Forudsætninger:" if not english else "Assumptions:")
    cited: set[int] = set()
    for a in result.assumptions:
        kind = spec.input(a.name).kind if a.name != "method" else Kind.COUNT
        value = a.value if isinstance(a.value, str) else show(a.value, kind)
        cite = next((c.n for c in citations if a.doc_id and _same_passage(c, a)), None)
        lines.append(f"- {a.label}: {value} ({a.source})" + (f" [{cite}]" if cite else ""))
        if cite:
            cited.add(cite)
    lines += [f"Bemærk: {w}" for w in result.warnings]
    # every other passage is background, also one of the report a default comes from (its worked example)
    background = [c for c in citations if c.n not in cited]
    if background:
        lines.append(
            ("Baggrund i rapporterne: " if not english else "Background in the reports: ")
            + " ".join(f"[{c.n}]" for c in background)
        )
    return "\n".join(lines)


def background_citations(
    query: Query, context: AnswerContext, count: int = 2, retrieved: Retrieved | None = None
) -> list[Citation]:
    """The report passages the question itself points to (the example it builds on): first the clearly found best
    passage when it names the case the question names; then those that state two or more of the question's own
    figures and rank near the best, else the best ones when retrieval finds them clearly (the two best when the
    question's words are covered, else the best when it leads by words and meaning); cited as background, never
    as the source of a figure the user gave."""
    retrieved = retrieved or context.retriever.retrieve(query, k=5)
    if _names_missing(query, retrieved):
        return []
    named = passages_naming(query, retrieved) or set()
    # «à la Ringkøbing-Skjern»: the clearly found passage naming the case comes first
    first = [c for i, c in enumerate(retrieved.chunks[:1]) if i in named and c.score >= CLEARLY_FOUND]
    chunks = first + [c for c in _telling(query, context, retrieved, count) if c not in first]
    return [_background(c) for c in chunks[:count]]


def _telling(query: Query, context: AnswerContext, retrieved: Retrieved, count: int) -> list[Chunk]:
    top = max((c.score for c in retrieved.chunks), default=0.0)
    # a passage far down the ranking that happens to state 15 % and 40 % is a coincidence, not the case asked of
    chunks = [c for c in retrieved.chunks if _states_figures(c.text, query.figures) >= 2 and c.score >= top / 2]
    chunks = chunks[:count]
    if not chunks:
        chunks = _stating_reported(query, context)[:count]
    if not chunks and retrieved.coverage >= max(0.7, context.settings.retrieval.refusal_threshold):
        chunks = retrieved.chunks[:count]
    # else the passage that is best by both words and meaning: where the reports tell of the case the question
    # builds on («udlægshåndtering med app», «puljebiler»), even when its figures are the asker's own
    if not chunks:
        chunks = [c for c in retrieved.chunks[:1] if c.score >= CLEARLY_FOUND]
    return chunks


def _background(c: Chunk) -> Citation:
    return Citation(0, c.doc_id, c.title, c.page, c.section, c.text[:500].strip())


def _names_missing(query: Query, retrieved: Retrieved) -> list[str]:
    """The question's names no passage mentions, but not its years: in a calculation the years are the asker's own
    budget years («6 % i 2025, 5 % i 2026»), not a case the reports must tell of."""
    return [m for m in retrieved.missing_entities if m not in query.years]


def method_report_passage(result: CalcResult, retrieved: Retrieved) -> Citation | None:
    """The best retrieved passage of the report the calculation's method or defaults come from, when retrieval
    ranks it at the top by both words and meaning (fused score ≥ CLEARLY_FOUND): the page where that report works
    this kind of calculation or its example (the compliance formula on the e-handel pages), which the method's own
    page reference need not be. None when that best passage is a page the assumptions already cite."""
    sources = [a for a in result.assumptions if a.doc_id]
    if retrieved.missing_entities or not sources:
        return None
    best = next((c for c in retrieved.chunks if c.doc_id in {a.doc_id for a in sources}), None)
    if best is None or best.score < CLEARLY_FOUND:
        return None
    if any(a.doc_id == best.doc_id and _cites(a, best.page, best.section) for a in sources):
        return None
    return Citation(0, best.doc_id, best.title, best.page, best.section, best.text[:500].strip())


def _cites(a: Assumption, page: int | None, section: str) -> bool:
    """The assumption's reference covers this page (or next one, where its passage runs on) or section."""
    if a.page is not None:
        return page in (a.page, a.page + 1)
    return not a.section or a.section in section


def _stating_reported(query: Query, context: AnswerContext) -> list[Chunk]:
    """The passages that state a figure the question gives as someone else's (`Query.reported`), looked up on
    their own, so the example the question builds on is found and cited even when the question's own figures
    lead the search elsewhere."""
    found: list[Chunk] = []
    for reported in query.reported:
        retrieved = context.retriever.retrieve(reported, k=5)
        if not retrieved.missing_entities:
            found += [c for c in retrieved.chunks if _states_figures(c.text, reported.figures) >= 1]
    return found


def _states_figures(text: str, figures: tuple[QuantityMention, ...]) -> int:
    """How many of the figures (not years) the passage states, by value and kind."""
    stated = find_quantities(text)
    wanted = [f for f in figures if f.unit is not UnitKind.LABEL]
    return sum(1 for f in wanted if any(_same(f, q) for q in stated))


def _same(figure: QuantityMention, q: Quantity) -> bool:
    amount = figure.unit is UnitKind.AMOUNT
    percent = figure.unit is UnitKind.PERCENT
    kind_ok = (q.kind == "amount") == amount and (q.kind == "percent") == percent
    return kind_ok and math.isclose(q.value, figure.value, rel_tol=1e-9)


def _same_passage(cited: Citation, a: Assumption) -> bool:
    """A default from a page already cited (or its section, where the report has no pages): one citation for
    both, though one names the page's section and the other does not (a borrowed figure and the method)."""
    if cited.doc_id != a.doc_id:
        return False
    if a.page is None:
        return cited.section == a.section
    return cited.page in (a.page, a.page + 1)


def preset_citations(result: CalcResult, context: AnswerContext) -> list[Citation]:
    """The passage each report default (or the method) comes from: in its document and page or section, the
    passage that states the most of that report's values."""
    out: list[Citation] = []
    for a in result.assumptions:
        if not a.doc_id or any(_same_passage(c, a) for c in out):
            continue
        values = [
            show(x.value, Kind.COUNT)
            for x in result.assumptions
            if x.doc_id == a.doc_id and not isinstance(x.value, str)
        ]
        pool = [
            c
            for c in context.index.chunks
            if c.doc_id == a.doc_id
            and (a.page is None or c.page in (a.page, a.page + 1))
            and (not a.section or a.section in c.section)
        ]
        if pool:
            best = max(pool, key=lambda c: sum(v.split()[0] in c.text for v in values if v))
            stated = [x for x in result.assumptions if x.doc_id == a.doc_id]
            out.append(Citation(0, a.doc_id, best.title, best.page, a.section, stating_quote(best.text, stated)))
    return out
