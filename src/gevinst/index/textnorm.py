"""Lexical normalisation shared by the index side and the query side.

Danish letters and their ASCII spellings fold to one form (a question typed without æ/ø/å still matches;
ingest restores the letters of a document that lost them), Danish stems are taken before folding, and number
tokens are written one way ("2.003" and "2003" are the same token)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|%|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_FOLD = str.maketrans({"æ": "a", "ø": "o", "å": "a", "é": "e", "ü": "u", "ä": "a", "ö": "o"})


@cache
def _stemmer() -> Any:  # PyStemmer ships no type hints
    import Stemmer

    return Stemmer.Stemmer("danish")


# Function words bm25s's Danish list lacks (forms of listed ones: «dens», «dets», «selve»; «inden», «mens»).
_MORE_STOPWORDS = "inden mens medens selve dens dets dennes dettes overens kunnet".split()
# Stems of question words and «kr.»: every form of them says nothing about a passage.
_STOP_STEMS = frozenset({"kr", "hvad", "hvilk", "hvor", "hvorn"})


@cache
def stopwords() -> frozenset[str]:
    """Folded surface words that are no tokens. A word is judged as written, not by its stem: «varighed»,
    «møder» and «endelig» stem to «var», «mod» and «end» but are content words."""
    from bm25s.stopwords import STOPWORDS_DANISH

    return frozenset(fold(w) for w in [*STOPWORDS_DANISH, *_MORE_STOPWORDS])


def fold(word: str) -> str:
    word = word.translate(_FOLD)
    word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    return word.replace("ae", "a").replace("oe", "o").replace("aa", "a")


def number_token(token: str) -> str:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        token = token.replace(".", "")
    return token.rstrip(",.")


def tokens(text: str) -> list[str]:
    out = []
    stem = _stemmer().stemWord
    stops = stopwords()
    for raw in _TOKEN.findall(text.lower()):
        if raw[0].isdigit():
            out.append(number_token(raw))
            continue
        if raw == "%":
            out.append("pct")
            continue
        parts = [raw] + (raw.split("-") if "-" in raw else [])
        if "-" in raw:
            parts.append(raw.replace("-", ""))
        for part in parts:
            word = fold(stem(part))
            if part.isdigit() or (word and len(word) > 1 and fold(part) not in stops and word not in _STOP_STEMS):
                out.append(word)
    return [("pct" if t in {"procent", "pct"} else t) for t in out]
