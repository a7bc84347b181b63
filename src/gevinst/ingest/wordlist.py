"""A Danish word list with frequencies: wordfreq's Danish data (shipped in its wheel, read offline) joined
with the words of the corpus's own undamaged documents, which adds the domain's compounds and names.

Frequencies are on wordfreq's Zipf scale (log10 of occurrences per billion words; its list starts at 3)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
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
    zipf: dict[str, float]  # lower-case word → Zipf frequency, corpus words raised by CORPUS_BONUS
    prefixes: frozenset[str]  # every beginning of a word in the list
    general: dict[str, float]  # wordfreq's frequencies alone
    counts: Counter[str] = field(default_factory=Counter)  # occurrences in the corpus's undamaged documents

    def frequency(self, word: str) -> float:
        """0 for a word not in the list."""
        return self.zipf.get(word, 0.0)

    def general_frequency(self, word: str) -> float:
        """The frequency in general Danish (wordfreq), without the corpus's bonus."""
        return self.general.get(word, CORPUS_ZIPF if word in self.zipf else 0.0)

    def count(self, word: str) -> int:
        """Occurrences in the corpus's undamaged documents."""
        return self.counts[word]

    def has_prefix(self, prefix: str) -> bool:
        return prefix in self.prefixes


def is_danish_word(word: str) -> bool:
    """In wordfreq's Danish list (general Danish, no corpus words)."""
    return word.lower() in _wordfreq_danish()


def corpus_words(texts: Iterable[str]) -> Counter[str]:
    """Lower-case letter runs of two or more letters, counted."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in LETTERS.findall(text.lower()) if len(w) > 1)
    return counts


def danish_wordlist(extra: Iterable[str] = ()) -> WordList:
    """wordfreq's Danish words joined with `extra` words (the corpus's own, counted when a Counter), which get
    CORPUS_BONUS."""
    general = _wordfreq_danish()
    zipf = dict(general)
    for word in set(extra):
        zipf[word] = max(zipf.get(word, 0.0), CORPUS_ZIPF) + CORPUS_BONUS
    prefixes = frozenset(word[:i] for word in zipf for i in range(1, len(word) + 1))
    counts = extra if isinstance(extra, Counter) else Counter()
    return WordList(zipf, prefixes, general, counts)
