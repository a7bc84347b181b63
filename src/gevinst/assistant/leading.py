"""The sentence that leads an answer: chosen among the ranked candidates by what the question asks (the
figure stated as what it measures, the drawbacks it asks about), from a passage about its most specific name,
led in by the sentence before it when it points back or concludes, and by its list's head when it is an item."""

from __future__ import annotations

from dataclasses import replace

from gevinst.assistant import lexicon
from gevinst.assistant.candidate import Candidate
from gevinst.assistant.opening import list_opener, points_back
from gevinst.assistant.query import Asks, Query
from gevinst.assistant.refusal import passages_naming
from gevinst.assistant.retrieval import Retrieved
from gevinst.assistant.sentence_kind import draws_conclusion, names_drawbacks, recommends
from gevinst.assistant.sentence_shape import LIST_ITEM, is_fragment, is_noise, titles_list


def lead_of(query: Query, ranked: list[Candidate], retrieved: Retrieved) -> Candidate:
    """The sentence that answers: from a passage about the question's most specific name, stating a figure
    when a figure is asked for, a whole sentence rather than a fragment, led in by the sentence before it when
    it opens by pointing back («Det gav …»). `ranked` is best first and not empty."""

    def text(c: Candidate) -> str:
        return retrieved.chunks[c.passage].text[c.start : c.end]

    leaders = ranked
    named = passages_naming(query, retrieved)
    if named is not None:
        leaders = [c for c in leaders if c.passage in named] or leaders
    if query.asks is Asks.FIGURE:
        best_relevance = max(c.relevance for c in ranked)
        # a figure about another matter (a fifth as relevant as the best sentence) never leads, stated or not
        leaders = [c for c in leaders if c.relevance >= 0.2 * best_relevance] or leaders
        stating = [c for c in leaders if c.fit > 0]
        best_fit = max((c.fit for c in stating), default=0.0)
        leaders = [c for c in stating if c.fit == best_fit] or leaders
        # among them the figure stated as what the question measures: a saving asked, a saving stated
        measured = [c for c in leaders if query.measures & lexicon.measures_named(text(c))]
        leaders = measured or leaders
    if query.asks is Asks.LIST:  # «Hvilke fordele …?» is led by the list titled so («Fordele ved …: Medarbejderen …»)
        best_relevance = max(c.relevance for c in ranked)
        # (a title alone on its line, «Hovedprincipperne … er:», leads with its first item, below)
        titled = [
            c
            for c in leaders
            if titles_list(text(c), query.focus)
            and not text(c).rstrip().endswith(":")
            and c.relevance >= 0.2 * best_relevance
        ]
        leaders = titled or leaders
    if query.drawbacks:  # a question of drawbacks is led by a sentence that names them
        best_relevance = max(c.relevance for c in ranked)
        naming = [c for c in leaders if names_drawbacks(text(c)) and c.relevance >= 0.2 * best_relevance]
        leaders = naming or leaders
    if query.recommends:  # what is recommended is led by a recommendation («Det anbefales, at …»)
        best_relevance = max(c.relevance for c in ranked)
        recommending = [
            c for c in leaders if c.fit >= 1.0 and recommends(text(c)) and c.relevance >= 0.2 * best_relevance
        ]
        leaders = recommending or leaders
    lead = next((c for c in leaders if not is_fragment(text(c))), leaders[0])
    chunk_text = retrieved.chunks[lead.passage].text
    # a why answered by a conclusion («… kræver det derfor …») is led in by the sentence it concludes from: the reason
    concludes = query.asks is Asks.REASON and draws_conclusion(text(lead))
    if (
        (points_back(text(lead)) or concludes)
        and lead.previous >= 0
        and _leads_in(chunk_text[lead.previous : lead.start])
    ):
        lead = _led_in(lead, ranked)
    opener = list_opener(retrieved.chunks[lead.passage].text, lead.start) if LIST_ITEM.match(text(lead)) else None
    if opener is not None:  # an item of a list leads with what the list is («Hovedprincipperne … er:»)
        lead = replace(lead, start=opener, previous=-1)
    return lead


def _led_in(lead: Candidate, ranked: list[Candidate]) -> Candidate:
    """The lead joined with the sentence before it, which names what the lead points back to: the two are one
    statement, as relevant and as close in meaning as the better of them."""
    before = next((c for c in ranked if c.passage == lead.passage and c.start == lead.previous), None)
    if before is None:
        return replace(lead, start=lead.previous, previous=-1)
    meaning = max((m for m in (lead.meaning, before.meaning) if m is not None), default=None)
    relevance = max(lead.relevance, before.relevance)
    return replace(lead, start=lead.previous, previous=-1, relevance=relevance, meaning=meaning)


def _leads_in(sentence: str) -> bool:
    """The sentence before a lead that points back can lead it in when it is a whole sentence: not a page
    break's fragment («1 forhandlingerne om finansloven for 2010.»), nor a heading or list item without a full
    stop («Økonomisk fripladstilskud»)."""
    text = sentence.strip()
    return text[-1:] in (".", "!", ":", ";") and not (is_fragment(text) or is_noise(text))
