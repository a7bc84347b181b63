"""The embedded answerer: the sentences that answer the query, verbatim from the passages (so every number
is exactly as the source writes it), the answering sentence first, each marked with [n]."""

from __future__ import annotations

from dataclasses import replace

from gevinst.assistant import evidence
from gevinst.assistant.candidate import quoted
from gevinst.assistant.query import Asks, Language, Query
from gevinst.assistant.refusal import judge
from gevinst.assistant.retrieval import HybridRetriever, Retrieved
from gevinst.assistant.table_rows import best_row, extremes
from gevinst.settings import RetrievalSettings
from gevinst.types import Answer, Chunk, Citation


class ExtractiveBackend:
    """Composes the answer from the retrieved passages without a model; refuses on weak evidence."""

    def __init__(self, retriever: HybridRetriever, settings: RetrievalSettings) -> None:
        self.retriever = retriever
        self.settings = settings

    def choose(self, query: Query, retrieved: Retrieved) -> list[evidence.Candidate]:
        return evidence.choose(query, evidence.candidates(query, retrieved, self.retriever), retrieved)

    def weak(self, query: Query, retrieved: Retrieved) -> bool:
        """The one evidence rule, also applied before a model is asked."""
        return judge(query, retrieved, self.choose(query, retrieved), self.settings) is not None

    def reading(self, query: Query, retrieved: Retrieved) -> Retrieved:
        """The retrieved passages a model should read, in `evidence.reading_order` (all of them when no
        sentence was chosen); the model's [n] then number this list."""
        found = evidence.candidates(query, retrieved, self.retriever)
        order = evidence.reading_order(found, evidence.choose(query, found, retrieved))
        if not order:
            return retrieved
        tokens = [retrieved.tokens[p] for p in order] if retrieved.tokens else []
        return replace(retrieved, chunks=[retrieved.chunks[p] for p in order], tokens=tokens)

    def compose(self, query: Query, retrieved: Retrieved) -> Answer:
        chosen = self.choose(query, retrieved)
        if verdict := judge(query, retrieved, chosen, self.settings):
            return refusal(query, retrieved, verdict.said, lacking=verdict.lacking)
        for later in query.also:  # a second question gets its own answering sentence(s), after the first's
            found = evidence.candidates(later, retrieved, self.retriever)
            part = evidence.lead_with_what_it_opens(later, found, retrieved)
            at = _after_paragraph(chosen)
            # the second part's answer belongs with the first's, before what is «also relevant»
            chosen[at:at] = [replace(c, opened=True) for c in part if not any(evidence.overlaps(c, s) for s in chosen)]
        text, citations = compose(chosen, retrieved.chunks, query)
        if row := table_row_line(query, chosen, retrieved.chunks) or extremes_line(query, chosen, retrieved.chunks):
            text = f"{row}\n\n{text}"
        return Answer(query.raw, text, False, citations=citations)


def table_row_line(query: Query, chosen: list[evidence.Candidate], chunks: list[Chunk]) -> str:
    """A figure question about a name that heads a row of a flattened table in a quoted passage: the row's
    figures on one line, with the table's own unit, cited; "" otherwise."""
    if query.asks is not Asks.FIGURE or not query.names:
        return ""
    order = list(dict.fromkeys(c.passage for c in chosen))  # the [n] of each passage, as `compose` numbers them
    found = best_row({p: chunks[p].text for p in order}, query.names, query.terms)
    if found is None:
        return ""
    passage, row = found
    return f"{row.line()} [{order.index(passage) + 1}]"


_ENDS = {Language.DA: {"high": "Højest", "low": "Lavest"}, Language.EN: {"high": "Highest", "low": "Lowest"}}


def extremes_line(query: Query, chosen: list[evidence.Candidate], chunks: list[Chunk]) -> str:
    """A question asking for the highest or lowest («hvilken kommune havde de højeste …») over a flattened table
    in a quoted passage: the table's extreme rows asked for on one line, with the table's unit, cited; "" else."""
    if not query.extremes:
        return ""
    order = list(dict.fromkeys(c.passage for c in chosen))
    found = extremes({p: chunks[p].text for p in order}, query.terms)
    if found is None:
        return ""
    passage, high, low = found
    words = _ENDS.get(query.language, _ENDS[Language.DA])
    ends = [(end, row) for end, row in (("high", high), ("low", low)) if end in query.extremes]
    said = "; ".join(f"{words[end]}: {row.label} {row.figures[0]} {row.unit}".rstrip() for end, row in ends)
    caption = high.caption or high.header
    return f"{said} – {caption} [{order.index(passage) + 1}]"


def _after_paragraph(chosen: list[evidence.Candidate]) -> int:
    """The place after the lead and the sentences that run on from it in its passage."""
    at = 1
    while at < len(chosen) and (
        chosen[at].opened or (chosen[at].passage == chosen[0].passage and chosen[at].previous == chosen[at - 1].start)
    ):
        at += 1
    return at


def refusal(
    query: Query, retrieved: Retrieved, said: evidence.Candidate | None = None, lacking: str | None = None
) -> Answer:
    """The refusal with the nearest passages; when the source itself says that what is asked is not known yet,
    its own words first: the manager learns why, not only that. With `lacking` (a statistic: "average"), `said`
    is the nearest figure the source gives instead."""
    if said is None:
        nearest = nearest_citations(retrieved.chunks)
        return Answer(query.raw, refusal_text(nearest, query.language), True, citations=nearest)
    chunk = retrieved.chunks[said.passage]
    sentence = chunk.text[said.start : said.end].strip()
    others = [c for i, c in enumerate(retrieved.chunks) if i != said.passage]
    nearest = [Citation(1, chunk.doc_id, chunk.title, chunk.page, chunk.section, sentence)]
    nearest += [replace(c, n=c.n + 1) for c in nearest_citations(others, 2)]
    text = refusal_text(nearest, query.language, said=sentence, lacking=lacking)
    return Answer(query.raw, text, True, citations=nearest)


def compose(chosen: list[evidence.Candidate], chunks: list[Chunk], query: Query) -> tuple[str, list[Citation]]:
    """The leading sentence, then the supporting ones (list items as a list), with [n] markers."""
    numbers: dict[int, int] = {}
    spans: dict[int, list[evidence.Candidate]] = {}
    for s in chosen:
        numbers.setdefault(s.passage, len(numbers) + 1)
        spans.setdefault(s.passage, []).append(s)
    lines = []
    for i, s in enumerate(chosen):
        sentence = quoted(s, chunks[s.passage].text)
        marked = f"{sentence} [{numbers[s.passage]}]"
        if i > 0 and not s.opened and chosen[i - 1].opened:
            # the lead's own list or paragraph ends here; what follows comes from elsewhere in the reports
            lines.append("Also relevant:" if query.language is Language.EN else "Også relevant:")
        as_item = i > 0 and (s.list_item or query.asks is Asks.LIST)
        lines.append(f"- {marked.lstrip('-•–*▪ ')}" if as_item else marked)
    if query.language is Language.EN:
        lines.insert(0, "From the reports (quoted in Danish):")
    citations = [_citation(n, chunks[p], spans[p]) for p, n in numbers.items()]
    return _blocks(lines), citations


def _blocks(lines: list[str]) -> str:
    """Markdown: consecutive list items form one list; every other line is its own paragraph (a plain line
    right after an item would otherwise continue the item)."""
    out = lines[:1]
    for previous, line in zip(lines, lines[1:]):
        together = line.startswith("- ") and previous.startswith("- ")
        out.append(("\n" if together else "\n\n") + line)
    return "".join(out)


def _citation(n: int, chunk: Chunk, spans: list[evidence.Candidate]) -> Citation:
    """The snippet is the first quoted sentence (a verbatim slice of the passage, whole sentences only)."""
    first = min(spans, key=lambda s: s.start)
    last = max((s for s in spans if s.end - first.start <= 700), key=lambda s: s.end, default=first)
    return Citation(n, chunk.doc_id, chunk.title, chunk.page, chunk.section, chunk.text[first.start : last.end].strip())


def nearest_citations(chunks: list[Chunk], count: int = 3) -> list[Citation]:
    return [
        Citation(i + 1, c.doc_id, c.title, c.page, c.section, c.text[:300].strip())
        for i, c in enumerate(chunks[:count])
    ]


# What a statistic, a party's or a place's name is called in a refusal that says the sources do not state it.
_LACKING = {
    "average": ("et gennemsnit", "an average"),
    "maximum": ("et maksimum", "a maximum"),
    "minimum": ("et minimum", "a minimum"),
    "party": ("navnet", "the name"),
    "anyone": ("navnet", "the name"),
    "company": ("navnet", "the name"),
    "person": ("navnet", "the name"),
    "municipality": ("kommunens navn", "the municipality's name"),
    # what actually came of it, where the source gives an estimate or a budget; the figure asked, where the source
    # states one the figure gate does not take for it
    "actual": ("det faktiske resultat", "the actual result"),
    "figure": ("netop det tal, der spørges om", "the very figure asked for"),
    # a figure asked in a unit of measure or a currency the sources do not state it in
    "distance": ("afstanden", "the distance"),
    "weight": ("tallet som vægt (fx i ton)", "the figure as a weight (e.g. in tonnes)"),
    "energy": ("tallet som energi (fx i kWh)", "the figure as energy (e.g. in kWh)"),
    "area": ("tallet som areal (fx i m²)", "the figure as an area (e.g. in m²)"),
    "volume": ("tallet som rumfang (fx i liter)", "the figure as a volume (e.g. in litres)"),
    "euro": ("beløbet i euro", "the amount in euros"),
    "dollar": ("beløbet i dollar", "the amount in dollars"),
    "place": ("stedet", "the place"),
}


def refusal_text(
    citations: list[Citation], language: Language | str, said: str = "", lacking: str | None = None
) -> str:
    """The refusal; `said`: the source's own sentence that the matter is not known yet, quoted as [1], or with
    `lacking` the sentence with the nearest figure the source gives instead of the statistic asked for."""
    markers = "".join(f"[{c.n}]" for c in citations)
    da, en = _LACKING.get(lacking or "", ("", ""))
    if lacking and lacking.startswith(("year:", "for:")):  # a figure of another year or party than the one asked
        whose = lacking.split(":", 1)[1]
        da, en = f"tallet for {whose}", f"the figure for {whose}"
    if language == Language.EN:
        own = f"The source itself says (in Danish): «{said}» [1]. " if said else ""
        if said and lacking:
            own = f"The reports do not state {en}; the nearest figure they give (in Danish): «{said}» [1]. "
        return (
            "The reports do not answer this question, so I will not guess. "
            + own
            + (f"The nearest passages are listed below {markers}." if citations else "")
        )
    own = f"Kilden skriver selv: «{said}» [1]. " if said else ""
    if said and lacking:
        own = f"Rapporterne angiver ikke {da}; nærmest kommer: «{said}» [1]. "
    return (
        "Det fremgår ikke af rapporterne, så jeg vil ikke gætte. "
        + own
        + (f"De nærmeste passager står nedenfor {markers}." if citations else "")
    )
