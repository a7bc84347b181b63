"""Hybrid retrieval: BM25 and dense candidates, fused by weight, boosted by exact numbers and names,
near-duplicates collapsed so the chapter is cited rather than the overview that repeats it."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import numpy as np

from gevinst.assistant import figure_kind, glossary, lexicon
from gevinst.assistant.blocks import block_starts, in_block
from gevinst.assistant.headings import Casing, casing_of, run_in_heading
from gevinst.assistant.query import Asks, Language, Query
from gevinst.assistant.sentence_shape import LIST_ITEM, opens_list
from gevinst.index import textnorm
from gevinst.sentences import sentence_spans
from gevinst.settings import RetrievalSettings
from gevinst.types import Chunk

# A list is carried on from the passages an answer's lead may come from (evidence.MAX_PASSAGES_READ) when it
# starts this near their end (opening.LIST_AFTER_COLON: the most of a list a lead quotes).
LIST_PASSAGES = 5
LIST_TAIL_CHARS = 700


class SearchIndex(Protocol):
    chunks: list[Chunk]

    def dense(self, query: str, k: int) -> list[tuple[int, float]]: ...
    def lexical_scores(self, query: str) -> np.ndarray: ...


@dataclass(frozen=True)
class Retrieved:
    chunks: list[Chunk]
    coverage: float  # IDF-weighted share of the question's terms found in the best passages
    missing_terms: list[str]
    missing_entities: list[str] = field(default_factory=list)  # names in the question no passage mentions
    best_dense: float = 0.0  # cosine similarity of the question and the nearest passage (e5)
    tokens: list[set[str]] = field(default_factory=list)  # each passage's index tokens (publisher included)
    published: dict[str, int] = field(default_factory=dict)  # the year each report was published, when known
    # passage → the passage that follows it in its report (a list that runs past a passage's end goes on there):
    # retrieved, or carried after the retrieved ones for that list alone
    following: dict[int, int] = field(default_factory=dict)
    casing: Casing | None = None  # which words the corpus writes in lower case (run-in headings: headings.py)
    weights: tuple[float, ...] = ()  # the IDF of each of the query's term groups (its rarest spelling's)

    def passage_tokens(self) -> list[set[str]]:
        """Each passage's index tokens, its report's title and section included; tokens of its text where the
        retrieval carries none (a retrieval built by hand)."""
        return self.tokens or [set(textnorm.tokens(f"{c.title} {c.section} {c.text}")) for c in self.chunks]


class HybridRetriever:
    def __init__(self, index: SearchIndex, settings: RetrievalSettings) -> None:
        self.index = index
        self.settings = settings
        # A passage also «mentions» its report's publisher: «ifølge Finansministeriet» names the FM report.
        publisher = _publishers(index)
        self._published = _published(index)
        self._tokens = [
            set(textnorm.tokens(f"{c.title} {publisher.get(c.doc_id, '')} {c.section} {c.text}")) for c in index.chunks
        ]
        df: Counter[str] = Counter(t for toks in self._tokens for t in toks)
        n = max(len(self._tokens), 1)
        self._idf = {t: math.log(1 + n / d) for t, d in df.items()}
        self._idf_unknown = math.log(1 + n)
        self._vocab_by_start: dict[str, list[str]] = {}
        for t in self._idf:
            self._vocab_by_start.setdefault(t[:3], []).append(t)
        self._position = {c.sha: i for i, c in enumerate(index.chunks)}
        self.casing = casing_of(c.text for c in index.chunks)

    def with_compounds(self, query: Query) -> Query:
        """Danish compounds the passages do not write as one word («debitoropgaverne» where a report says
        «debitor» and «opgaver») gain their parts as alternatives in their term group."""
        groups = tuple(g + self._parts(g) for g in query.groups)
        english = query.language is not Language.DA
        joined = self._joined(query.text) if english else []
        if joined:
            query = replace(query, search_text=f"{query.search_text} {' '.join(joined)}")
            # as in parse: only the hand glossary's compounds are terms a passage must cover
            covered = self._joined(query.text, hand_only=True)
            groups += tuple((t,) for t in dict.fromkeys(textnorm.tokens(" ".join(covered))))
        if groups == query.groups:
            return query
        return replace(query, term_groups=groups, terms=tuple(dict.fromkeys(t for g in groups for t in g)))

    def _joined(self, text: str, hand_only: bool = False) -> list[str]:
        """The Danish compounds of an English question's two-word phrases that the passages write as one word:
        «job centre» → «jobcenter», «administration share» → «administrationsandel»."""
        words = re.findall(r"[a-z]+", text.lower())
        danish = [(glossary.danish_for(w, hand_only) or "").split()[:1] for w in words]
        out = []
        for (first,), (second,) in (p for p in zip(danish, danish[1:]) if p[0] and p[1]):
            for compound in (first + second, f"{first}s{second}"):
                if " " not in compound and all(t in self._idf for t in textnorm.tokens(compound)):
                    out.append(compound)
                    break
        return out

    def _parts(self, group: tuple[str, ...]) -> tuple[str, ...]:
        word = max(group, key=len)
        if word in self._idf or len(word) < 9 or "-" in word:
            return ()
        for cut in range(len(word) - 4, 4, -1):  # the longest known head with a known (or stem-like) rest
            # the head as the index stems it on its own: «bygherre|udgift» has the head «bygher» («bygherrens»)
            head, rest = _stem(word[:cut]), word[cut:].lstrip("s")
            if (
                head in self._idf
                and len(rest) >= 3
                and (rest in self._idf or any(t.startswith(rest) for t in self._vocab_by_start.get(rest[:3], ())))
            ):
                return (head, rest) if rest in self._idf else (head,)
        return ()

    def sentence_meaning(self, query: Query, chunk: Chunk) -> dict[int, float]:
        """Sentence start → the e5 cosine similarity of the sentence and the question, made at ingest
        (unrelated Danish text sits near 0.75). Empty when the index has no sentence vectors."""
        similarities = getattr(self.index, "sentence_similarities", None)
        position = self._position.get(chunk.sha)
        if similarities is None or position is None:
            return {}
        return dict(similarities(query.text, position))

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._idf_unknown)

    def retrieve(self, query: Query | str, k: int | None = None) -> Retrieved:
        """The top passages for a parsed query (a plain string is parsed first), with the evidence signals."""
        if isinstance(query, str):
            from gevinst.assistant.parse import parse_query

            query = parse_query(query)[0]
        k = k or self.settings.top_k
        if not self.index.chunks:
            return Retrieved([], 0.0, [])
        scores, best_dense = self.fused_scores(query)
        order = [int(i) for i in np.argsort(-scores) if scores[i] > 0]
        picked = self._dedup(order, k)
        for i, nxt in self._blocks_run_on(query, picked):  # read right after the passage it continues
            picked.insert(picked.index(i) + 1, nxt)
        listing = query.asks is Asks.LIST
        read = picked[:LIST_PASSAGES]
        if listing:  # a headed list runs over several passages: one that continues a read passage is read on too
            read += [i for i in picked[LIST_PASSAGES:] if i - 1 in read]
        carried = [*picked, *(i + 1 for i in read if self._list_runs_on(i, picked, listing))]
        chunks = [replace(self.index.chunks[i], score=round(float(scores[i]), 4)) for i in carried]
        coverage, missing = self.coverage(query.groups, picked[:3])
        seen = set().union(*(self._tokens[i] for i in picked[:5])) if picked else set()
        absent = [n for n in lexicon.specific_names(query.names) if not set(textnorm.tokens(n)) & seen]
        published = {c.doc_id: self._published[c.doc_id] for c in chunks if c.doc_id in self._published}
        # A calendar year the question asks about is an entity too: no passage about it, no answer about it; but a
        # report speaks of its own year without writing it («KL i 2009» about KL's report of 2009).
        own_years = {str(self._published.get(self.index.chunks[i].doc_id)) for i in picked[:5]}
        spanned = (
            figure_kind.years_named(" ".join(self.index.chunks[i].text for i in picked[:5])) if query.years else ()
        )
        absent += [y for y in query.years if y not in seen and y not in own_years and y not in spanned]
        same_report = [i for i in carried if i + 1 in carried and self._same_report(i, i + 1)]
        following = {carried.index(i): carried.index(i + 1) for i in same_report}
        tokens = [self._tokens[i] for i in carried]
        weights = tuple(max((self.idf(t) for t in group), default=0.0) for group in query.groups)
        return Retrieved(
            chunks, coverage, missing, absent, best_dense, tokens, published, following, self.casing, weights
        )

    def _same_report(self, i: int, j: int) -> bool:
        return self.index.chunks[i].doc_id == self.index.chunks[j].doc_id

    def _list_runs_on(self, i: int, picked: list[int], headed: bool = False) -> bool:
        """The passage's last lines hold a list (an item, or a sentence that opens one) that may go on in its
        report's next passage, which the ranking did not pick: the answerer reads on there only while the list
        does (evidence.runs_past), so the next passage is carried for it. For a list question, a paragraph with a
        run-in heading («Digitalisering Der skal …») may be an item of a headed list too (headings.headed_list)."""
        chunks = self.index.chunks
        if i + 1 in picked or i + 1 >= len(chunks) or not self._same_report(i, i + 1):
            return False
        text = chunks[i].text
        tail = [text[s:e] for s, e in sentence_spans(text) if s >= len(text) - LIST_TAIL_CHARS]
        return any(LIST_ITEM.match(t) or opens_list(t) or (headed and run_in_heading(t, self.casing)) for t in tail)

    def blocks(self, chunk: Chunk) -> list[tuple[int, str, str]]:
        """The numbered blocks that start in the passage; a passage that starts inside the block its report's
        previous passage opened last has that block at offset 0."""
        own = block_starts(chunk.text)
        i = self._position.get(chunk.sha)
        if not i or (own and own[0][0] == 0):
            return own
        previous = self.index.chunks[i - 1]
        opened = block_starts(previous.text) if previous.doc_id == chunk.doc_id else []
        return [(0, *opened[-1][1:]), *own] if opened else own

    def _blocks_run_on(self, query: Query, picked: list[int]) -> list[tuple[int, int]]:
        """(picked passage, the passage after it) where the picked one's last numbered block is the one the
        question names: the block («Eksempel 3 …») runs on there, with the figures the question asks for."""
        extra: list[tuple[int, int]] = []
        chunks = self.index.chunks
        for i in picked if query.labels else []:
            nxt = i + 1
            if nxt in picked or nxt >= len(chunks) or chunks[nxt].doc_id != chunks[i].doc_id:
                continue
            if in_block(query.labels, block_starts(chunks[i].text), len(chunks[i].text)) > 0:
                extra.append((i, nxt))
        return extra

    def fused_scores(self, query: Query) -> tuple[np.ndarray, float]:
        """Weighted fusion of min-max-normalised BM25 and dense scores, and the best raw dense similarity."""
        n = len(self.index.chunks)
        w = self.settings.lexical_weight
        # BM25 sees only the glossary's Danish words of a foreign question, unless it cites the reports' own term
        # («joint needs assessment (fællesvisitation)»); e5 reads the question.
        if query.language is not Language.DA and not query.cited:
            w *= self.settings.foreign_lexical_share
        lexical = self.index.lexical_scores(query.search_text)
        top = np.argsort(-lexical)[: self.settings.candidates]
        lex = np.zeros(n, dtype=np.float32)
        if lexical.max() > 0:
            lex[top] = lexical[top] / lexical.max()
        dense = np.zeros(n, dtype=np.float32)
        best_dense = 0.0
        if w < 1:
            hits = self.index.dense(query.text, self.settings.candidates)
            if hits:
                sims = np.array([s for _, s in hits], dtype=np.float32)
                floor, best_dense = float(sims.min()), float(sims.max())
                for i, s in hits:
                    dense[i] = (s - floor) / (best_dense - floor) if best_dense > floor else 1.0
        fused = w * lex + (1 - w) * dense
        return fused * self._boosts(query, np.nonzero(fused)[0]), best_dense

    def _boosts(self, query: Query, candidates: np.ndarray) -> np.ndarray:
        """Passages that state the question's own numbers or name its names rank higher; overview pages
        that only repeat a chapter rank lower."""
        boost = np.ones(len(self.index.chunks), dtype=np.float32)
        numbers = {textnorm.number_token(q.text.split()[0]) for q in query.quantities if q.text[:1].isdigit()}
        names = {n.lower() for n in query.names}
        for i in candidates:
            chunk = self.index.chunks[i]
            text = chunk.text.lower()
            hits = sum(1 for x in numbers if x in self._tokens[i]) + sum(1 for e in names if e in text)
            boost[i] = 1.0 + 0.08 * min(hits, 4)
            if chunk.role == "overview":
                boost[i] *= 0.8
        return boost

    def _dedup(self, order: list[int], k: int) -> list[int]:
        picked: list[int] = []
        for i in order:
            dup = next((j for j in picked if _jaccard(self._tokens[i], self._tokens[j]) > 0.6), None)
            if dup is None:
                picked.append(i)
            elif self.index.chunks[dup].role == "overview" and self.index.chunks[i].role != "overview":
                picked[picked.index(dup)] = i  # the chapter replaces the overview that repeats it
            if len(picked) >= k:
                break
        return picked

    def coverage(self, groups: tuple[tuple[str, ...], ...], best: list[int]) -> tuple[float, list[str]]:
        """IDF-weighted share of the query's term groups that the `best` passages contain (a group counts
        when any of its members is there), and the first member of each group that is missing."""
        if not groups:
            return 0.0, []
        found = set().union(*(self._tokens[i] for i in best)) if best else set()
        weights = [max(self.idf(t) for t in g) for g in groups]
        missing = [(g, w) for g, w in zip(groups, weights) if not found.intersection(g)]
        return 1 - sum(w for _, w in missing) / sum(weights), [g[0] for g, _ in missing]


def _documents(index: SearchIndex) -> list[dict[str, Any]]:
    """The manifest's documents (none for an index without a manifest, as in tests)."""
    manifest = getattr(index, "manifest", None) or {}
    return list(manifest.get("documents", []))


def _publishers(index: SearchIndex) -> dict[str, str]:
    return {d["doc_id"]: str(d.get("publisher") or "") for d in _documents(index)}


def _published(index: SearchIndex) -> dict[str, int]:
    return {d["doc_id"]: d["year"] for d in _documents(index) if isinstance(d.get("year"), int)}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _stem(word: str) -> str:
    tokens = textnorm.tokens(word)
    return tokens[0] if len(tokens) == 1 else word
