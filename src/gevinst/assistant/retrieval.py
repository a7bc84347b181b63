"""Hybrid retrieval: BM25 and dense candidates, fused by weight, boosted by exact numbers and names,
near-duplicates collapsed so the chapter is cited rather than the overview that repeats it."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Protocol

import numpy as np

from gevinst.index import textnorm
from gevinst.index.lexical import OCR_DOCUMENTS
from gevinst.settings import RetrievalSettings
from gevinst.types import Chunk

_ENTITY = re.compile(r"\b(?:[A-ZÆØÅ]{2,}[a-zæøå]?|[A-ZÆØÅ][a-zæøå]+(?= Kommune)|e-handel|[A-ZÆØÅ][a-zæøå]{3,}s?)\b")
_QUESTION_WORDS = {"Hvad", "Hvilke", "Hvilket", "Hvilken", "Hvor", "Hvordan", "Hvorfor", "Hvem", "Hvis", "What",
                   "How", "Which", "Why", "Who", "Og", "And", "Kan", "Er", "Is", "Does", "Ifølge", "According"}


class SearchIndex(Protocol):
    chunks: list[Chunk]

    def dense(self, query: str, k: int) -> list[tuple[int, float]]: ...
    def lexical_scores(self, query: str) -> np.ndarray: ...


# Words every question uses ("ifølge", "koster", "hvor mange"): their absence from a passage says nothing.
_GENERIC = (
    "ifølge koster kostede mange meget lang lange sparer spare giver give giv brugt bruger bruge samlede samlet "
    "højeste laveste opnået opnå henholdsvis sammenlignet forventer forventes stor store størrelse udviklet "
    "udvikling fylder mest antal problem problemer går gør hvilke hvilken hvilket hvad hvordan hvorfor sigter "
    "kroner kr år året årligt nye ny tid lang according what which does how many much large expect"
)
_ENTITY_WORD = re.compile(r"(?<![.?!]\s)(?<!^)\b([A-ZÆØÅ][a-zæøå]{2,}|[A-ZÆØÅ]{2,})\b")


_GENERIC_NAMES = {"kommune", "kommunen", "municipality", "municipalitie", "region", "kl", "danmark", "denmark"}


@cache
def _generic_terms() -> frozenset[str]:
    return frozenset(t for w in _GENERIC.split() for t in textnorm.tokens(w))


@dataclass(frozen=True)
class Retrieved:
    chunks: list[Chunk]
    coverage: float  # IDF-weighted share of the question's terms found in the best passages
    missing_terms: list[str]
    missing_entities: list[str] = field(default_factory=list)  # names in the question no passage mentions


class HybridRetriever:
    def __init__(self, index: SearchIndex, settings: RetrievalSettings) -> None:
        self.index = index
        self.settings = settings
        self._tokens = [set(textnorm.tokens(f"{c.title} {c.section} {c.text}", ocr=c.doc_id in OCR_DOCUMENTS))
                        for c in index.chunks]
        df: Counter[str] = Counter(t for toks in self._tokens for t in toks)
        n = max(len(self._tokens), 1)
        self._idf = {t: math.log(1 + n / d) for t, d in df.items()}
        self._idf_unknown = math.log(1 + n)
        self._position = {c.sha: i for i, c in enumerate(index.chunks)}

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._idf_unknown)

    def retrieve(self, query: str, k: int | None = None) -> Retrieved:
        k = k or self.settings.top_k
        if not self.index.chunks:
            return Retrieved([], 0.0, [])
        scores = self.fused_scores(query)
        order = [int(i) for i in np.argsort(-scores) if scores[i] > 0]
        picked = self._dedup(order, k)
        chunks = [replace(self.index.chunks[i], score=round(float(scores[i]), 4)) for i in picked]
        coverage, missing = self.coverage(query, picked[:3])
        seen = set().union(*(self._tokens[i] for i in picked[:5])) if picked else set()
        absent = [e for e in dict.fromkeys(_ENTITY_WORD.findall(query)) if e not in _QUESTION_WORDS
                  and e.lower().rstrip("s") not in _GENERIC_NAMES and not set(textnorm.tokens(e)) & seen]
        return Retrieved(chunks, coverage, missing, absent)

    def retrieve_for(self, query: str, coverage_query: str, k: int | None = None) -> Retrieved:
        """Retrieve with `query` but judge the evidence by the terms of `coverage_query` (English questions
        are searched with their Danish glossary terms added, and judged on those)."""
        found = self.retrieve(query, k)
        ids = [self._position[c.sha] for c in found.chunks[:3]]
        coverage, missing = self.coverage(coverage_query, ids)
        return Retrieved(found.chunks, coverage, missing, found.missing_entities)

    def fused_scores(self, query: str) -> np.ndarray:
        n = len(self.index.chunks)
        w = self.settings.lexical_weight
        lexical = self.index.lexical_scores(query)
        top = np.argsort(-lexical)[: self.settings.candidates]
        lex = np.zeros(n, dtype=np.float32)
        if lexical.max() > 0:
            lex[top] = lexical[top] / lexical.max()
        dense = np.zeros(n, dtype=np.float32)
        if w < 1:
            hits = self.index.dense(query, self.settings.candidates)
            if hits:
                sims = np.array([s for _, s in hits], dtype=np.float32)
                floor, best = float(sims.min()), float(sims.max())
                for (i, s) in hits:
                    dense[i] = (s - floor) / (best - floor) if best > floor else 1.0
        fused = w * lex + (1 - w) * dense
        return fused * self._boosts(query, np.nonzero(fused)[0])

    def _boosts(self, query: str, candidates: np.ndarray) -> np.ndarray:
        boost = np.ones(len(self.index.chunks), dtype=np.float32)
        numbers = {textnorm.number_token(x) for x in re.findall(r"\d+(?:[.,]\d+)*", query)}
        entities = {e.lower() for e in _ENTITY.findall(query) if e not in _QUESTION_WORDS}
        for i in candidates:
            chunk = self.index.chunks[i]
            text = chunk.text.lower()
            toks = self._tokens[i]
            hits = sum(1 for x in numbers if x in toks) + sum(1 for e in entities if e in text)
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

    def query_terms(self, query: str) -> list[str]:
        generic = _generic_terms()
        return [t for t in dict.fromkeys(textnorm.tokens(query)) if not t.isdigit() and t != "pct" and t not in generic]

    def coverage(self, query: str, best: list[int]) -> tuple[float, list[str]]:
        terms = self.query_terms(query)
        if not terms:
            return 0.0, []
        found = set().union(*(self._tokens[i] for i in best)) if best else set()
        total = sum(self.idf(t) for t in terms)
        missing = [t for t in terms if t not in found]
        return 1 - sum(self.idf(t) for t in missing) / total, missing


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0
