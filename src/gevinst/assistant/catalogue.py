"""«Hvilke forslag handler om hjemmeplejen?»: answered from a report's proposal catalogue (built by ingest:
title, area, pages, the potential as the report states it), each line cited.

The catalogue answers only a list question about proposals whose best passages come from the catalogued
report itself, and only with proposals that share the question's own topic words; a question about
proposals in another report goes to retrieval."""

from __future__ import annotations

from gevinst.assistant import lexicon
from gevinst.assistant.answerers import AnswerContext
from gevinst.assistant.query import Asks, Language, Query
from gevinst.assistant.sentence_shape import announces
from gevinst.index import textnorm
from gevinst.sentences import sentence_spans
from gevinst.types import Answer, Chunk, Citation, Proposal


def _stems(text: str) -> set[str]:
    return {t for t in textnorm.tokens(text) if len(t) >= 4 and not t.isdigit()}


def _topic_terms(query: Query, ignore: str) -> set[str]:
    """The question's own topic words. The words of the report's title («… til effektivisering») describe
    every proposal in it, so they select none."""
    cue = {t for w in lexicon.catalogue_words() for t in textnorm.tokens(w)}
    title = _stems(ignore)
    return {t for t in query.terms if len(t) >= 4 and t not in cue and not any(t in w or w in t for w in title)}


def _names_area(term: str, area: str) -> bool:
    """A question names an area as an area: «ældreområdet», «dagtilbudsområdet» — the area's word inside a
    compound. The bare word («hjælp til ældre») is a topic, not the area."""
    return len(area) >= 4 and area in term and term != area


def _names_whole_area(topic: set[str], area: str) -> bool:
    """The area inside a compound («ældreområdet»), or every word of an area of several («udsatte børn og
    unge»): a question about its proposals names the whole area, not one word it shares with a topic."""
    words = _stems(area)
    return any(_names_area(t, a) for a in words for t in topic) or (len(words) >= 2 and words <= topic)


def _title_hits(topic: set[str], title: str) -> int:
    """How many topic words the title states: as a title word, or as a stem of five letters or more inside
    one («indkøb» in «indkøbskultur»; «hjem» is too short to find in «hjemmeplejen»)."""
    stems, words = _stems(title), textnorm.fold(title.lower()).split()
    return sum(1 for t in topic if t in stems or (len(t) >= 5 and any(t in w for w in words)))


def matching_proposals(query: Query, proposals: list[Proposal], ignore: str = "") -> list[Proposal]:
    """The proposals of the area the question names («dagtilbudsområdet»), else those whose titles share
    the most of its topic words (a stem inside a compound counts: «indkøb» in «indkøbskultur»); `ignore` is
    the report's title."""
    topic = _topic_terms(query, ignore)
    if not topic:
        return []
    in_area = [p for p in proposals if _names_whole_area(topic, p.area)]
    if in_area:
        return in_area
    scored = [(_title_hits(topic, p.title), p) for p in proposals]
    best = max((score for score, _ in scored), default=0)
    if best * 3 < len(topic):  # one shared word of many is a coincidence («borgere»), not the topic
        return []
    return [p for score, p in scored if best and score == best]


def _cite(p: Proposal, chunks: list[Chunk]) -> tuple[Chunk | None, str]:
    pages = [c for c in chunks if c.doc_id == p.doc_id and c.page is not None and p.first_page <= c.page <= p.last_page]
    potential = p.potential
    for c in pages:
        if potential and potential in c.text:
            return c, potential
    # a long statement may run across two passages: cite the passage where it begins, from there on
    head = potential[:60]
    for c in pages:
        if head and head in c.text:
            start = c.text.index(head)
            return c, c.text[start : start + len(potential)]
    return (pages[0] if pages else None), ""


def _focus_ends_in(query: Query, words: tuple[str, ...]) -> bool:
    cue = {t for w in words for t in textnorm.tokens(w)}
    return any(f.endswith(c) for f in query.focus for c in cue)


def asks_for_proposals(query: Query) -> bool:
    """A list question about proposals as such: the noun it asks about («Hvilke effektiviseringsforslag …») is a
    catalogue word, or it names none («Nævn forslagene …»). «Which refund areas does the proposal bring
    together?» asks for what one proposal holds, which its passages list, not for proposals."""
    if query.asks is not Asks.LIST or not lexicon.mentions_catalogue(query.text):
        return False
    return not query.focus or _focus_ends_in(query, lexicon.catalogue_words())


def asks_inside(query: Query, chosen: list[Proposal]) -> bool:
    """«Hvilke tiltag …» about one proposal's topic asks for that proposal's measures, which its passages list;
    measures of a whole area, or of several proposals, are the proposals themselves."""
    return len(chosen) == 1 and _focus_ends_in(query, lexicon.measure_words())


class CatalogueAnswerer:
    def answer(self, query: Query, context: AnswerContext) -> Answer | None:
        proposals = getattr(context.index, "proposals", None)
        if not proposals or not asks_for_proposals(query):
            return None
        top = context.retriever.retrieve(query, k=3).chunks
        catalogued = {p.doc_id for p in proposals}
        if not top or top[0].doc_id not in catalogued:
            return None
        own = [p for p in proposals if p.doc_id == top[0].doc_id]
        chosen = matching_proposals(query, own, ignore=top[0].title)
        if not chosen or asks_inside(query, chosen):
            return None
        return _listing(chosen, context.index.chunks, query)


def overview(chosen: list[Proposal], chunks: list[Chunk]) -> tuple[Chunk, str] | None:
    """The report's own overview of the chosen proposals (its résumé of a track): the passage outside their
    chapters that names the most of their titles, at least two, and describes them (a table of contents names
    them too but states nothing: no sentence ends in it); with its text from the first title named."""
    if len(chosen) < 2:
        return None
    doc = chosen[0].doc_id
    best: tuple[int, Chunk] | None = None
    for c in chunks:
        if c.doc_id != doc or c.page is None or any(p.first_page <= c.page <= p.last_page for p in chosen):
            continue
        named = sum(1 for p in chosen if p.title in c.text)
        if named >= 2 and ". " in c.text and (best is None or named > best[0]):
            best = (named, c)
    if best is None:
        return None
    chunk = best[1]
    start = min(chunk.text.index(p.title) for p in chosen if p.title in chunk.text)
    return chunk, chunk.text[start:]


def introduction(chosen: list[Proposal], chunks: list[Chunk]) -> Chunk | None:
    """The introduction of the one area all the chosen proposals belong to: the first passage of the report's
    section headed by the area's name (before its proposals' own sections)."""
    areas = {p.area.lower() for p in chosen}
    if len(chosen) < 2 or len(areas) != 1:
        return None
    doc, area = chosen[0].doc_id, areas.pop()
    return next((c for c in chunks if c.doc_id == doc and (c.section or "").lower() == area), None)


def counted(passage: str) -> str:
    """The passage's first sentence that counts the proposals («I rapporten præsenteres to forslag, der går på
    tværs af …»): what the report itself says of them together; "" when none does."""
    words = lexicon.catalogue_words()
    return next((passage[a:b].strip() for a, b in sentence_spans(passage) if announces(passage[a:b], words)), "")


def _framing(chosen: list[Proposal], chunks: list[Chunk]) -> list[tuple[str, str, Chunk, str, str]]:
    """The passages that present the chosen proposals together, cited before them: (Danish label, English
    label, passage, quote, what the answer says of it): the introduction's sentence that counts them, less the
    section's heading, is said in the answer."""
    out: list[tuple[str, str, Chunk, str, str]] = []
    summary = overview(chosen, chunks)
    if summary is not None:
        out.append(("rapportens overblik", "the report's overview", summary[0], summary[1], ""))
    intro = introduction(chosen, chunks)
    if intro is not None:
        said = counted(intro.text).removeprefix(intro.section or "").strip()
        out.append(("afsnittets indledning", "the section's introduction", intro, said or intro.text, said))
    return out


def _listing(chosen: list[Proposal], chunks: list[Chunk], query: Query) -> Answer | None:
    lines: list[str] = []
    citations: list[Citation] = []
    framing = _framing(chosen, chunks)
    for n, (_, _, frame, said, _) in enumerate(framing, 1):
        citations.append(Citation(n, frame.doc_id, frame.title, frame.page, frame.section, said[:300]))
    for p in chosen:
        chunk, stated = _cite(p, chunks)
        if chunk is None:
            continue
        n = len(citations) + 1
        citations.append(Citation(n, chunk.doc_id, chunk.title, chunk.page, chunk.section, stated or chunk.text[:300]))
        first, last = p.first_page, p.last_page
        where = f"s. {first}" if first == last else f"s. {first}–{last}"
        lines.append(
            f"- {p.title} ({p.area.capitalize()}, {where}): "
            f"{p.potential if stated else 'potentialet er ikke angivet som et tal'} [{n}]"
        )
    if not lines:
        return None
    title = citations[0].title
    danish = query.language is Language.DA
    lead = (
        f"Forslag i «{title}», med potentialet som rapporten angiver det"
        if danish
        else f"Proposals in «{title}», potential as stated"
    )
    if framing:
        where = "; ".join(
            f"{da if danish else en}, {'s.' if danish else 'p.'} {chunk.page} [{n}]"
            for n, (da, en, chunk, _, _) in enumerate(framing, 1)
        )
        lead += f" ({where})"
    counts = [f"{count} [{n}]" for n, (*_, count) in enumerate(framing, 1) if count]
    return Answer(query.raw, "\n".join([lead + ":", *counts, *lines]), False, citations)
