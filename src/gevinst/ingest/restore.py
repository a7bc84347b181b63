"""Lost æ/ø/å restored at ingest, in any document whose words show the loss (danish_letters.py), and the
glyph slips of its OCR repaired («1» for «i»; ocr_glyphs.py).

The restorer trusts wordfreq's Danish list and the words of the corpus's undamaged documents; a damaged
document's own words never count. Each page keeps its original text, so the page view can show it."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from gevinst.ingest.danish_letters import MARGIN, Change, Restorer, learn_substitutes, repair_text
from gevinst.ingest.document import CleanDocument, CleanPage
from gevinst.ingest.ocr_glyphs import GlyphContext, apply_changes, glyph_slips
from gevinst.ingest.wordlist import LETTERS, WordList, corpus_words, danish_wordlist, is_danish_word
from gevinst.types import Chunk

_DANISH = re.compile("[æøå]")
_ASCII = {"æ": ("ae", "a", "e"), "ø": ("oe", "o"), "å": ("aa", "a")}  # how plain ASCII writes them
# A text lost its letters when it has enough words, Danish ones (function words are about 0.3 of Danish
# prose, under 0.05 of English), few words with æ/ø/å (100-200 per 1000 in Danish prose) and many ASCII
# stand-ins of common words (under 1 per 1000 in the shipped reports that kept their letters; 58 in kl-2009).
MIN_WORDS = 150
MIN_DANISH = 0.12
MAX_WITH_LETTERS = 50.0
MIN_STAND_INS = 10.0


def is_word_once_restored(word: str) -> bool:
    """A Danish word, inflected or not, as written or once its lost letters are restored («onsker» → «ønsker»,
    «leverandererne» → «leverandørerne»). Cleaning asks before any restoring (a line-end «it-» + «onsker» is no
    «itonsker»), so general Danish and every substitute judge, not the document's own."""
    return is_danish_word(word) or any(len(a.parts) == 1 for a in _general_restorer().analyses(word.lower()))


@cache
def _general_restorer() -> Restorer:
    return Restorer(danish_wordlist())


def lost_letters(doc: CleanDocument) -> bool:
    return letter_signal("\n".join(p.text for p in doc.pages)).lost_letters


@dataclass(frozen=True)
class LetterSignal:
    """How a text's words look: enough words, Danish ones, yet (almost) none with æ/ø/å and many written as
    their ASCII stand-ins («pa», «ogsa», «vaere»)."""

    words: int
    danish: float  # share of the words that are Danish function words (they have no æ/ø/å)
    with_letters: float  # words with æ, ø or å, per 1000 words
    stand_ins: float  # ASCII stand-ins of common Danish words with æ/ø/å, per 1000 words

    @property
    def lost_letters(self) -> bool:
        return (
            self.words >= MIN_WORDS
            and self.danish >= MIN_DANISH
            and self.with_letters < MAX_WITH_LETTERS
            and self.stand_ins >= MIN_STAND_INS
        )


def letter_signal(text: str) -> LetterSignal:
    words = [w.lower() for w in LETTERS.findall(text)]
    n = max(len(words), 1)
    function_words, stand_ins = _reference_words()
    return LetterSignal(
        len(words),
        sum(w in function_words for w in words) / n,
        1000 * sum(any(c in "æøå" for c in w) for w in words) / n,
        1000 * sum(w in stand_ins for w in words) / n,
    )


@cache
def _reference_words() -> tuple[frozenset[str], frozenset[str]]:
    """The 40 most frequent Danish words without æ/ø/å, and the ASCII spellings of frequent words with them
    that are not themselves more frequent words («pa» for «på»; not «for», which is commoner than «før»)."""
    zipf = danish_wordlist().zipf
    ranked = sorted(zipf, key=zipf.__getitem__, reverse=True)
    function_words = frozenset([w for w in ranked if not _DANISH.search(w) and len(w) > 1][:40])
    stand_ins = set()
    for word in ranked[:3000]:
        for ascii_form in _ascii_forms(word) if _DANISH.search(word) else ():
            if zipf.get(ascii_form, 0.0) < zipf[word] - MARGIN:
                stand_ins.add(ascii_form)
    return function_words, frozenset(stand_ins)


def _ascii_forms(word: str) -> set[str]:
    forms = {""}
    for ch in word:
        forms = {f + o for f in forms for o in _ASCII.get(ch, (ch,))}
    return forms


def restore_batch(
    fresh: list[CleanDocument], chunks: dict[str, list[Chunk]], restored_before: Iterable[str] = ()
) -> list[tuple[CleanDocument, int]]:
    """The documents of `fresh` that lost their letters, restored (with the count of words changed). The
    corpus's words come from the chunks of every other document except those `restored_before`."""
    damaged = [doc for doc in fresh if lost_letters(doc)]
    if not damaged:
        return []
    skip = {doc.doc_id for doc in damaged} | set(restored_before)
    undamaged = [c.text for doc_id, cs in chunks.items() if doc_id not in skip for c in cs]
    words, glyphs = danish_wordlist(corpus_words(undamaged)), GlyphContext.learn(undamaged)
    return [restore_document(doc, restorer_for(doc, words), glyphs) for doc in damaged]


def restorer_for(doc: CleanDocument, words: WordList) -> Restorer:
    """A restorer with the substitutes the document's own words show."""
    text_words = [w for page in doc.pages for w in LETTERS.findall(page.text)]
    return Restorer(words, learn_substitutes(text_words, words))


def restore_document(
    doc: CleanDocument, restorer: Restorer, glyphs: GlyphContext | None = None
) -> tuple[CleanDocument, int]:
    """The document with its words restored page by page (and its OCR's glyph slips repaired, given the
    `glyphs` of the undamaged reports), and how many words changed."""
    pages = []
    changed = 0
    for page in doc.pages:
        text, changes = repaired(page.text, restorer, glyphs)
        changed += len(changes)
        pages.append(
            _restored_page(page, text, changes, lambda t: repaired(t, restorer, glyphs)[0]) if changes else page
        )
    return replace(doc, title=repaired(doc.title, restorer, glyphs)[0], pages=pages), changed


def repaired(text: str, restorer: Restorer, glyphs: GlyphContext | None) -> tuple[str, list[Change]]:
    """`text` with its lost letters restored and its glyph slips repaired (ocr_glyphs.py), and the changes made
    (offsets of `text`)."""
    restored, changes = repair_text(text, restorer)
    if glyphs is None or not (slips := glyph_slips(text, glyphs, restorer.restore)):
        return restored, changes
    changes = sorted(changes + slips, key=lambda c: c.start)
    return apply_changes(text, changes), changes


def _restored_page(page: CleanPage, text: str, changes: list[Change], repair: Callable[[str], str]) -> CleanPage:
    ends, deltas, shifts = [], [], []
    delta = 0  # original − restored, after the changes so far
    for c in changes:
        restored_end = c.start - delta + len(c.restored)
        delta += (c.end - c.start) - len(c.restored)
        ends.append(c.end)
        deltas.append(delta)
        shifts.append((restored_end, delta))

    def moved(offset: int) -> int:  # an offset of the original (never inside a word) in the restored text
        i = bisect_right(ends, offset)
        return offset - (deltas[i - 1] if i else 0)

    sections = [(moved(offset), repair(title)) for offset, title in page.sections]
    return CleanPage(page.page, text, sections, page.role, original=page.text, shifts=shifts)
