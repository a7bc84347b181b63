"""Glyph slips of OCR beside lost æ/ø/å: the preposition «i» read as the digit «1».

OCR that lost the Danish letters (restore.py flags it) also reads thin glyphs wrongly, and the slips look like
data: «administreres 1 dag af cirka 2.000 årsværk» reads like a count. (kl-2009's «KI.» for «KL» is left: the same
text writes «KL» 24 times, so no general signal tells the slip, and repairing it lowered dev2/dev5 and dev8.)
Only a flagged document is repaired: a clean report's «1» is a number. A «1» stays a number beside words that
count (a numbering noun before it, «punkt 1»; a unit after it, «1 mio.», «1 år»; «og», «til», a dash after it);
which words count is learned from the corpus's undamaged reports (they write a number beside them more often
than «i»), so «1 dag» becomes «i dag» and «1 år» stays."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gevinst.ingest.danish_letters import Change
from gevinst.ingest.wordlist import LETTERS

MIN_COUNTED = 3  # times the undamaged reports write a number beside a word before it counts as a counting word
# Danish nouns that number what follows them («punkt 1 og 4», «Figur 1», «Kommune 1», «bilag 1»): a number
# after them is a label, however rarely the reports happen to use the noun.
NUMBERING = frozenset(
    "afsnit bilag boks del eksempel fase figur kapitel kategori kolonne kommune linje model niveau note nr nummer "
    "område paragraf pkt punkt række scenarie side spørgsmål stk tabel tema trin type version år".split()
)
CONNECTIVES = frozenset(("og", "til", "eller"))  # «1 og 4», «fra 1 til 5»: a number in a list or range
_ONE = re.compile(r"(?<!\S)1(?!\S)")
_PREVIOUS = re.compile(r"(\S+)\s+$")
_NEXT = re.compile(r"\s+(\S+)")
_ABBREVIATED = re.compile(r"(?:[^\W\d_]+\.){2,}")  # «f.eks.», «bl.a.»: a full stop that ends no sentence
_OPENING, _CLOSING = "(\"“'‘", ",:\"”'’"
_YEAR = re.compile(r"(?:19|20)\d\d[,.;:)]?")
_NUMBER = r"\d[\d.,]*"


@dataclass(frozen=True)
class GlyphContext:
    """What the undamaged reports show: the words they write a number beside."""

    before_numbers: frozenset[str]  # «på», «med», «fra», «bilag»: a number follows them more often than «i»
    after_numbers: frozenset[str]  # «mio», «kr», «år», «årsværk», «pct»: they follow a number more often than «i»

    @classmethod
    def learn(cls, texts: Iterable[str]) -> GlyphContext:
        before_number, before_i, after_number, after_i = (Counter[str]() for _ in range(4))
        for text in texts:
            before_number.update(w.lower() for w in re.findall(rf"([^\W\d_]+)[ \t]+{_NUMBER}(?!\S)", text))
            before_i.update(w.lower() for w in re.findall(r"([^\W\d_]+)[ \t]+i(?!\S)", text))
            after_number.update(w.lower() for w in re.findall(rf"(?<!\S){_NUMBER}[ \t]+([^\W\d_]+)", text))
            after_i.update(w.lower() for w in re.findall(r"(?<!\S)[iI][ \t]+([^\W\d_]+)", text))
        return cls(_counting(before_number, before_i), _counting(after_number, after_i))


def _counting(with_number: Counter[str], with_i: Counter[str]) -> frozenset[str]:
    return frozenset(w for w, n in with_number.items() if n >= MIN_COUNTED and n > with_i[w])


def glyph_slips(text: str, context: GlyphContext, restore: Callable[[str], str] = str) -> list[Change]:
    """The slips in `text` (offsets of `text`), sorted. `restore` gives a lower-case word its lost letters back,
    so the neighbours of a «1» are judged as the reports would write them («arsvark» → «årsværk»)."""
    return [Change(m.start(), m.end(), "1", "i") for m in _ONE.finditer(text) if _is_i(text, m, context, restore)]


def apply_changes(text: str, changes: list[Change]) -> str:
    """`text` with the (sorted, disjoint) changes made."""
    out, last = [], 0
    for c in changes:
        out += [text[last : c.start], c.restored]
        last = c.end
    return "".join(out) + text[last:]


def _is_i(text: str, one: re.Match[str], context: GlyphContext, restore: Callable[[str], str]) -> bool:
    """A «1» between a word (not one ending a sentence, not a counting one) and a word no number counts, or a
    year; before a name only after a lower-case word («projekter 1 KOMBIT»; not «Eksempel 1 Borgeren»)."""
    before = _PREVIOUS.search(text, max(0, one.start() - 80), one.start())
    after = _NEXT.match(text, one.end())
    if not before or not after:
        return False
    previous, following = before.group(1), after.group(1)
    word = _word_before(previous)
    punctuated = word != previous.lstrip(_OPENING)
    if word is None or (word.isalpha() and _counts(restore(word.lower()), punctuated, context)):
        return False
    if _YEAR.fullmatch(following):
        return True
    head = LETTERS.match(following)
    if not head or head.end() < len(following.rstrip(",.;:)-")) and following[head.end()] not in "-’'":
        return False  # «1 %», «1-2», «1,5»
    if head.group(0)[0].isupper():
        return word[0].islower()
    lower = head.group(0)
    return lower not in CONNECTIVES and restore(lower) not in context.after_numbers


def _word_before(previous: str) -> str | None:
    """The word before a «1» without its quotes and comma, a dash, or an abbreviation («f.eks.»); None for a
    sentence's end, a number («80-120 1 0») or a figure's label («G 1»)."""
    if previous in ("-", "–") or _ABBREVIATED.fullmatch(previous):
        return previous
    word = previous.lstrip(_OPENING).rstrip(_CLOSING)
    return word if LETTERS.fullmatch(word) and len(word) > 1 else None


def _counts(word: str, punctuated: bool, context: GlyphContext) -> bool:
    """A word a number after which is a label or a count («punkt 1», «på 1»); after a comma or colon it
    is no longer next to the number («stilling til, i hvilket»)."""
    return word in NUMBERING or (not punctuated and word in context.before_numbers)
