"""Evidence by general rules: which sentences of the retrieved passages answer the query (whether the evidence
is too weak to answer at all is refusal.py's one rule, shared by the extractive and the LLM backends).

A sentence is scored by its own relevance to the query (IDF-weighted terms, compounds included), the rank
of its passage, and what the question asks for: a figure → a sentence stating a quantity of the kind asked;
«hvorfor» → a reason; «hvordan» → a means; «hvilke» → list items. The same sentence in two overlapping
chunks is one candidate."""

from __future__ import annotations

import re
from dataclasses import replace

from gevinst.assistant.blocks import in_block
from gevinst.assistant.candidate import CALIBRATED_SPAN, CHOOSING_SPAN, Candidate, closeness, overlaps
from gevinst.assistant.figure_kind import other_year
from gevinst.assistant.headings import headed, headed_list, names_someone, run_in_heading, without_byline
from gevinst.assistant.leading import lead_of
from gevinst.assistant.opening import (
    FOLLOWING_SENTENCES,
    continuation,
    ends_passage,
    new_text_start,
    numbered_siblings,
    runs_past,
)
from gevinst.assistant.query import Asks, Named, Query
from gevinst.assistant.retrieval import HybridRetriever, Retrieved
from gevinst.assistant.sentence_kind import kind_fit
from gevinst.assistant.sentence_shape import LIST_ITEM, heads_list, is_noise, names_focus, opens_list
from gevinst.assistant.unknown import asked_years, parties_of, party_told
from gevinst.index import textnorm
from gevinst.sentences import addresses_reader, sentence_spans
from gevinst.types import Chunk

MAX_PASSAGES_READ = 5
SUPPORT_FLOOR = 0.5  # a sentence at least this share of the lead's score supports the answer
FOCUS_WEIGHT = 0.1  # a sentence naming the noun a «hvilke …» question asks about
BLOCK_WEIGHT = 0.3  # a sentence inside the numbered block the question names («eksempel 3»)
# The least own relevance of a supporting sentence. A reason or a means is new matter: it repeats fewer of the
# question's words than a fact does (0.15 → 0.1 for how/why: dev banks 350 → 351).
# An answer other than a list quotes up to six sentences: the figure or reason asked for often stands in the
# fifth or sixth relevant sentence (on the development banks four sentences answered 986 of 1108 questions,
# six 994, and none was lost).
MAX_SENTENCES, MAX_CHARS = 6, 1350
SUPPORT_RELEVANCE = 0.15
SUPPORT_RELEVANCE_HOW = 0.1


def _group_weights(query: Query, retriever: HybridRetriever) -> list[tuple[tuple[str, ...], float]]:
    return [(g, max(retriever.idf(t) for t in g)) for g in query.groups]


def _relevance(tokens: set[str], groups: list[tuple[tuple[str, ...], float]], total: float) -> float:
    """Share of the query's weighted term groups the text states. A whole token counts fully; a long query
    stem inside a compound («borgerservic» in «borgerservicecent») counts 0.7."""
    got = 0.0
    for group, w in groups:
        if tokens.intersection(group):
            got += w
        elif any(len(term) >= 6 and any(term in t for t in tokens) for term in group):
            got += 0.7 * w
    return got / total if total else 0.0


def question_figures(query: Query) -> set[str]:
    """The index tokens of the figures the question states; a range's both ends («"2-8-16"», «15-25 %»)."""
    written = (q.text.split()[0] for q in query.quantities if q.text[:1].isdigit())
    return {textnorm.number_token(end) for text in written for end in re.split(r"[-–—]", text) if end}


def _read(query: Query, retrieved: Retrieved) -> list[tuple[int, Chunk]]:
    """The passages read for sentences: the first MAX_PASSAGES_READ and, for a how, a later one from a page among
    theirs. A means is told step by step over a page cut into overlapping passages; the ranking may place the page's
    passage with the steps («I beregningen kan … lægges til grund, at ca. 25 % …») below the rest of its page. (For
    every kind of question, dev banks 370 → 368, dev7 199 → 198: a figure or a list is stated in one place.)"""
    first = retrieved.chunks[:MAX_PASSAGES_READ]
    if query.asks is not Asks.METHOD:
        return list(enumerate(first))
    pages = {(c.doc_id, c.page) for c in first if c.page is not None}
    return [(p, c) for p, c in enumerate(retrieved.chunks) if p < MAX_PASSAGES_READ or (c.doc_id, c.page) in pages]


def candidates(query: Query, retrieved: Retrieved, retriever: HybridRetriever) -> list[Candidate]:
    weights = _group_weights(query, retriever)
    meaning_weight = retriever.settings.sentence_meaning_weight
    total = sum(w for _, w in weights)
    top_score = max((c.score for c in retrieved.chunks), default=0.0) or 1.0
    numbers = question_figures(query)
    years = asked_years(query)
    parties = parties_of(
        query, retrieved.chunks[:MAX_PASSAGES_READ], retrieved.casing.places() if retrieved.casing else frozenset()
    )
    seen: set[str] = set()
    out: list[Candidate] = []
    for p, chunk in _read(query, retrieved):
        prior = chunk.score / top_score if chunk.score else 1 / (1 + p)
        passage_relevance = _relevance(set(textnorm.tokens(chunk.text)), weights, total)
        meaning = retriever.sentence_meaning(query, chunk)
        blocks = retriever.blocks(chunk) if query.labels else []
        before: list[float] = []  # own relevance of the preceding sentences: a sentence continues their topic
        previous = -1
        another = False  # the passage last named another municipality than the one asked about
        spans = sentence_spans(chunk.text)
        for at, (start, end) in enumerate(spans):
            sentence = chunk.text[start:end].strip()
            toks = set(textnorm.tokens(sentence))
            own = _relevance(toks, weights, total)
            context = max([0.5 * passage_relevance] + [w * r for w, r in zip((0.8, 0.6), reversed(before[-2:]))])
            before.append(own)
            previous, prev_start = start, previous
            key = re.sub(r"\W+", " ", sentence.lower()).strip()
            # a report's own question («5. Hvilke investeringer …?») answers nothing; a sentence that opens a list
            # and runs on into its first item's question («… forud for etableringen: 1) Volumen … Hvor mange …?»)
            # names what the list is
            asks_itself = sentence.endswith("?") and not opens_list(sentence)
            block = in_block(query.labels, blocks, end, start)  # -1: another numbered block than the one asked
            if len(sentence) < 25 or key in seen or asks_itself or block < 0:
                continue
            if is_noise(sentence) or addresses_reader(sentence):
                continue
            seen.add(key)
            relevance = 0.7 * own + 0.3 * context
            following = chunk.text[slice(*spans[at + 1])] if at + 1 < len(spans) else ""
            fit = kind_fit(query, sentence, following)
            another = party_told(parties, sentence, toks, another)
            if query.asks_name and retrieved.casing is not None:  # who: a sentence naming a party answers
                # a byline («Af Jørgen Sunesen, projektleder, …») names who wrote the text: a «hvem», no «hvilket firma»
                told = sentence if query.asks_name in (Named.ANYONE, Named.PERSON) else without_byline(sentence)
                named = names_someone(
                    told,
                    query.text,
                    retrieved.casing,
                    abbreviations=query.asks_name not in (Named.PLACE, Named.PERSON),
                    municipalities=query.asks_name not in (Named.COMPANY, Named.PERSON),
                    only_municipalities=query.asks_name is Named.MUNICIPALITY,
                )
                # «Hvem var formand …?»: a name with the role asked («arbejdsmarkedsdirektør Peter Karm»)
                named = named and (not query.role or query.role in sentence.lower())
                fit = 1.0 if named else min(fit, 0.3)
            if (years and other_year(years, sentence)) or another:
                # «i 2016» is not answered by «… i 2014 … 175 mio. kr.», nor Holbæk's figure by Vejle's
                fit = min(fit, 0.3)
            similarity = meaning.get(start)
            score = relevance + 0.35 * fit + 0.2 * prior + meaning_weight * closeness(similarity, CHOOSING_SPAN)
            score += 0.1 * sum(1 for n in query.names if n.lower() in sentence.lower())
            score += 0.1 * sum(1 for x in numbers if x in toks)  # the question's own figures stated here
            score += FOCUS_WEIGHT * names_focus(query.focus, toks)
            score += BLOCK_WEIGHT * block
            if len(sentence) > 450:
                score -= 0.15
            out.append(
                Candidate(
                    p,
                    start,
                    end,
                    relevance,
                    score,
                    fit,
                    bool(LIST_ITEM.match(sentence)),
                    prev_start,
                    closeness(similarity, CALIBRATED_SPAN) if similarity is not None else None,
                )
            )
    return out


def choose(query: Query, found: list[Candidate], retrieved: Retrieved) -> list[Candidate]:
    """The leading sentence first with what it opens, then the supporting ones in reading order."""
    if not found:
        return []
    listing = query.asks is Asks.LIST
    max_sentences, max_passages, max_chars = (7, 4, 1500) if listing else (MAX_SENTENCES, 3, MAX_CHARS)
    ranked = sorted(found, key=lambda c: -c.score)
    lead = lead_of(query, ranked, retrieved)
    lead, opened = _opened(query, lead, found, retrieved)
    chosen = [lead, *opened]
    # what the lead opens is part of it: the other points keep their room
    max_sentences += len(opened)
    max_chars += sum(c.end - c.start for c in opened)
    floor = SUPPORT_FLOOR * lead.score
    least = SUPPORT_RELEVANCE_HOW if query.asks in (Asks.REASON, Asks.METHOD) else SUPPORT_RELEVANCE
    for c in ranked:
        if c.score < floor or c.relevance < least or any(overlaps(c, s) for s in chosen):
            continue
        sources = {_source(query, retrieved, s.passage) for s in chosen}
        if _source(query, retrieved, c.passage) not in sources and len(sources) >= max_passages:
            continue
        chosen.append(c)
        if len(chosen) >= max_sentences or sum(s.end - s.start for s in chosen) > max_chars:
            break
    # The retriever's best passage (hybrid ranking, reliably the right page) is quoted too, by its best
    # relevant sentence, when the sentence ranking alone preferred its neighbours.
    if all(c.passage != 0 for c in chosen):
        top = [c for c in ranked if c.passage == 0 and c.relevance >= 0.15 and not any(overlaps(c, s) for s in chosen)]
        if top and top[0].score >= floor:
            chosen.append(top[0])
    if listing:  # a numbered list quoted in part brings its other items
        texts, reports = [c.text for c in retrieved.chunks], [c.doc_id for c in retrieved.chunks]
        chosen += numbered_siblings(chosen, found, texts, reports)
    rest = sorted(chosen[1 + len(opened) :], key=lambda s: (s.passage, s.start))
    return [lead, *opened, *_with_their_lists(query, rest, found, retrieved, [lead, *opened])]


def _opened(
    query: Query, lead: Candidate, found: list[Candidate], retrieved: Retrieved
) -> tuple[Candidate, list[Candidate]]:
    """The lead and what it opens. A list question's lead that opens a list of headed paragraphs, or is its first
    item, brings each item's heading and first sentence (a paragraph quoted whole would crowd the later items out)."""
    text = retrieved.chunks[lead.passage].text
    if query.asks is Asks.LIST and retrieved.casing is not None:
        texts = [c.text for c in retrieved.chunks]
        if items := headed_list(lead, texts, retrieved.following, retrieved.casing):
            return headed(lead, text, retrieved.casing), items
    opened = continuation(lead, found, text, query.focus, asks=query.asks)
    return lead, opened + _run_on(query, lead, opened, found, retrieved)


def _source(query: Query, retrieved: Retrieved, passage: int) -> tuple[str, int] | int:
    """For a how or why, passages of one report page are one source (the page is cut into overlapping passages):
    the cap on sources quoted counts pages, so a page's reason in its next passage is not crowded out by other
    pages. A figure or a list is stated in one place; its cap counts passages."""
    chunk = retrieved.chunks[passage]
    explains = query.asks in (Asks.REASON, Asks.METHOD)
    return (chunk.doc_id, chunk.page) if explains and chunk.page is not None else passage


def _run_on(
    query: Query, lead: Candidate, opened: list[Candidate], found: list[Candidate], retrieved: Retrieved
) -> list[Candidate]:
    """The rest of the lead's list from the report's next passage, when the list runs past its passage's end; the
    rest of its paragraph, when the lead and what it opens end its passage («Det er erfaringen …, at der uden en
    sådan klarhed let opstår modstand …» opens the next passage)."""
    text = retrieved.chunks[lead.passage].text
    used = runs_past(lead, opened, text, query.focus)
    after = retrieved.following.get(lead.passage)
    room = FOLLOWING_SENTENCES - len(opened) if used is None and ends_passage(lead, opened, text) else 0
    if (used is None and room <= 0) or after is None:
        return []
    following = retrieved.chunks[after].text
    start = new_text_start(following, text)  # what the lead's passage already holds is quoted
    run = continuation(Candidate(after, start, start, 0.0, 0.0), found, following, query.focus, running=used)
    return run if used is not None else run[:room]


def _with_their_lists(
    query: Query, rest: list[Candidate], found: list[Candidate], retrieved: Retrieved, taken: list[Candidate]
) -> list[Candidate]:
    """A supporting sentence that only heads a list («… følgende elementer:») brings its items, as the lead does:
    alone it names none of them."""
    out: list[Candidate] = []
    taken = [*taken, *rest]
    for c in rest:
        out.append(c)
        text = retrieved.chunks[c.passage].text
        headed_items = _headed_items(query, c, retrieved)
        if not headed_items and not heads_list(text[c.start : c.end], query.focus):
            continue
        items = [
            replace(i, opened=False)
            for i in headed_items or continuation(c, found, text, query.focus)
            if not any(overlaps(i, s) for s in taken)
        ]
        out += items
        taken += items
    return out


def _headed_items(query: Query, c: Candidate, retrieved: Retrieved) -> list[Candidate]:
    """A list question's supporting sentence followed by headed paragraphs («Følgende punkter tjener som
    inspiration …» «Kommunikation Uddannelse af …»): their headings, as a lead would bring them; else none."""
    casing = retrieved.casing
    texts = [chunk.text for chunk in retrieved.chunks]
    if query.asks is not Asks.LIST or casing is None or run_in_heading(texts[c.passage][c.start : c.end], casing):
        return []
    return headed_list(c, texts, retrieved.following, casing)


def _tokens(c: Candidate, retrieved: Retrieved) -> set[str]:
    return set(textnorm.tokens(retrieved.chunks[c.passage].text[c.start : c.end]))


def reading_order(found: list[Candidate], chosen: list[Candidate]) -> list[int]:
    """The passages worth a model's reading: the lead's first, then those with a sentence that could support the
    answer (the floor `choose` keeps supporting sentences by), best first. Shown all six retrieved passages, a
    1.5B model took the figure from a passage about another matter that shared the question's name and verb."""
    if not chosen:
        return []
    lead = chosen[0].passage
    best: dict[int, float] = {}
    for c in found:
        best[c.passage] = max(best.get(c.passage, c.score), c.score)
    floor = SUPPORT_FLOOR * chosen[0].score
    return [lead, *sorted((p for p, s in best.items() if s >= floor and p != lead), key=lambda p: -best[p])]


def lead_with_what_it_opens(query: Query, found: list[Candidate], retrieved: Retrieved) -> list[Candidate]:
    """Only the leading sentence and what it opens (for the second question of a two-part question)."""
    if not found:
        return []
    ranked = sorted(found, key=lambda c: -c.score)
    # the part is answered by a sentence in its own words («…, og hvad er resultatet?» → «Resultatet er …»): the
    # first part's words, in brackets, outnumber them in every sentence about the topic
    own = [(g, 1.0) for g in query.groups if query.own_terms.intersection(g)]
    stating = [c for c in ranked if own and _relevance(_tokens(c, retrieved), own, len(own)) > 0]
    lead = lead_of(query, stating or ranked, retrieved)
    return [lead, *continuation(lead, found, retrieved.chunks[lead.passage].text, query.focus)]
