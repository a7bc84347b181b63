"""One OCR slip beside lost æ/ø/å: a word no reading explains, repaired by one change at a time.

OCR that loses the Danish letters also slips on them now and then: drops one («flles»), reads one as a letter no
substitute covers («fwlles») or as two letters («rackke»), or leaves a stray letter in a long compound
(«boligstottecomradet»). Such a word has no reading as written, so the restorer (danish_letters.py) leaves it.
Here each one-letter change is tried; a repair is kept only when the corpus's undamaged reports vouch for it,
because one free edit can turn many an unknown word into some Danish word («urealiserede» → «realiserede»)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

DANISH = "æøå"
COMMON_IN_REPORTS = 10  # uses in the undamaged reports of a one-word repair (a slip makes any rare word likely)
COMPOUND_RESTORED = 2  # letters a compound repair restores besides the slip: its damage must be the letters'
BUDGET = 400  # words per document tried: a text with more unreadable words is no OCR of Danish


class Reading(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def parts(self) -> tuple[str, ...]: ...
    @property
    def edits(self) -> int: ...
    @property
    def loose(self) -> bool: ...


def slips(word: str) -> Iterator[str]:
    """Each form one slip away: a Danish letter put in, or put for one or two letters, or one letter taken out."""
    for i in range(len(word) + 1):
        for letter in DANISH:
            yield word[:i] + letter + word[i:]
            if i < len(word):
                yield word[:i] + letter + word[i + 1 :]
            if i < len(word) - 1:
                yield word[:i] + letter + word[i + 2 :]
        if i < len(word):
            yield word[:i] + word[i + 1 :]


def repair_slip(word: str, readings: Callable[[str], Sequence[Reading]], uses: Callable[[str], int]) -> str | None:
    """The one repair the undamaged reports vouch for: one listed word they use COMMON_IN_REPORTS times, or a
    compound of words they use whose letters were lost (COMPOUND_RESTORED restored besides the slip); None when
    there is none or more than one."""
    found = set()
    for form in slips(word):
        for reading in readings(form):
            if reading.loose or not any(c in DANISH for c in reading.text):
                continue
            if len(reading.parts) == 1 and reading.parts[0] == reading.text:
                if uses(reading.text) >= COMMON_IN_REPORTS:
                    found.add(reading.text)
            elif reading.edits >= COMPOUND_RESTORED and all(uses(p) for p in reading.parts):
                found.add(reading.text)
    return found.pop() if len(found) == 1 else None


class SlipRepair:
    """repair_slip for one document, within BUDGET words: each try reads a word's hundreds of one-slip forms."""

    def __init__(self, readings: Callable[[str], Sequence[Reading]], uses: Callable[[str], int]) -> None:
        self._readings = readings
        self._uses = uses
        self._tries = 0

    def __call__(self, word: str) -> str | None:
        if self._tries >= BUDGET:
            return None
        self._tries += 1
        return repair_slip(word, self._readings, self._uses)
