"""A Danish word list with frequencies: wordfreq's Danish data (shipped in its wheel, read offline) joined
with the words of the corpus's own undamaged documents, which adds the domain's compounds and names.

Frequencies are on wordfreq's Zipf scale (log10 of occurrences per billion words; its list starts at 3)."""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

LETTERS = re.compile(r"[^\W\d_]+")
CORPUS_ZIPF = 3.0  # a word seen in an undamaged report is at least a rare but real word ...
CORPUS_BONUS = 1.0  # ... and weighs more than one the reports never use («årligt» beats «ærligt»)


@cache
def _wordfreq_danish() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return {w: math.log10(f * 1e9) for w, f in get_frequency_dict("da").items() if w.isalpha()}


@dataclass(frozen=True)
class WordList:
    zipf: dict[str, float]  # lower-case word → Zipf frequency
    ordered: tuple[str, ...]  # the same words sorted, for prefix tests by bisection

    def frequency(self, word: str) -> float:
        """0 for a word not in the list."""
        return self.zipf.get(word, 0.0)

    def has_prefix(self, prefix: str) -> bool:
        i = bisect_left(self.ordered, prefix)
        return i < len(self.ordered) and self.ordered[i].startswith(prefix)


def corpus_words(texts: Iterable[str]) -> Counter[str]:
    """Lower-case letter runs of two or more letters, counted."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in LETTERS.findall(text.lower()) if len(w) > 1)
    return counts


def danish_wordlist(extra: Iterable[str] = ()) -> WordList:
    """wordfreq's Danish words joined with `extra` words (the corpus's own), which get CORPUS_BONUS."""
    zipf = dict(_wordfreq_danish())
    for word in set(extra):
        zipf[word] = max(zipf.get(word, 0.0), CORPUS_ZIPF) + CORPUS_BONUS
    return WordList(zipf, tuple(sorted(zipf)))
