"""Danish text that lost its æ, ø and å (OCR, ASCII folding): recognised by general signals, repaired word
by word against a Danish word list (wordlist.py).

A word is changed only when the form as written is not Danish and a restored form is, or when the restored
form is far more common than the written one («pa» → «på», «vaere» → «være»; «for» and «sager» stay).
The substitutes are the ones OCR and transliteration make (SUBSTITUTES), as far as the document's own words
show them. Words the list lacks are judged by their known parts: inflection endings («løsning» + «erne»),
verbal nouns («hæft» + «else»), compounds («boligstøtte» + «området») opened by a bound prefix («hid» +
«rører») or closed by a derivational suffix («forretnings» + «mæssige») that no list has as words.
Detection of a text that lost its letters, and where this runs: restore.py."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from gevinst.ingest.ocr_slips import SlipRepair
from gevinst.ingest.wordlist import LETTERS, WordList

# Each Danish letter and what ASCII folding or OCR may write in its place (all seen in kl-2009; corpus-notes.md
# A). A document is restored only with the substitutes its own words give evidence of (learn_substitutes).
SUBSTITUTES = {
    "æ": ("ae", "a", "e", "ea", "ee", "eae", "z", "x", "zx", "ax", "az", "xa", "za", "ze"),
    "ø": ("oe", "o", "e", "eo", "s", "g"),
    "å": ("aa", "a", "é", "i", "d", "ia", "ai"),
}
MIN_EVIDENCE = 2  # distinct words a substitute must explain (or one per 20 000 words of a long document)

MARGIN = 1.0  # Zipf points a restored form must gain over a written form that is itself a word
DOMAIN_COMMON = 10  # occurrences in the undamaged reports of a form they prefer (the written form: none)
MAX_EDITS = 4
MAX_PARTS = 4
MIN_HEAD = 4  # the last part of a compound has at least this many letters ...
MIN_MODIFIER = 3  # ... the others at least this many; a three-letter one must be common and come first («års»)
SHORT_MODIFIER_ZIPF = 4.5  # (a common three-letter head follows a modifier of MIN_STEM letters: «nøgle|tal»)
MIN_STEM = 5  # an inflection ending is recognised after a known word of at least this many letters
MAX_WORD = 40  # longer letter runs are not words (and would cost time for nothing)
# Danish inflection endings: «løsning» + «erne», «afgørelse» + «r», «forvalte» + «s».
ENDINGS = frozenset(
    "e r n t s er en et es ne re rs ns ts de te st ere ene ens ers ets ede ende erne ernes endes este ste rne nde ndes".split()
)
# Danish derivational suffixes with æ/ø/å that head compounds («forretnings|mæssig», «umulig|gør»,
# «synlig|gørelse») but are no words of their own (or too short to close a compound); inflection endings follow.
SUFFIXES = frozenset("mæssig mæssighed gør gørelse gørende".split())
# Danish bound prefixes that open compounds («hid|røre», «ærke|fjende») but are no words of their own.
PREFIXES = frozenset("hid ærke".split())
SUFFIX_ZIPF = 4.0  # a suffix or prefix weighs as a rare but real word
# Danish nouns made of a verb: its stem (the infinitive without «e») + one of these, inflected or not
# («hæfte» → «hæftelse|n», «køre» → «køring|er», «høste» → «høstning|en»); lists lack most of them.
NOMINALISERS = ("ing", "ning", "else")
MIN_VERB_STEM = 4  # letters of the stem; a three-letter one must be a common verb («kør|ing», not «sær|ing»)


@dataclass(frozen=True)
class Part:
    end: int  # offset in the written word where the part ends
    text: str  # the part as restored
    edits: int  # letters restored in it
    zipf: float  # frequency of the known word (of its stem when inflected)
    inflected: bool  # a known word with an inflection ending after it
    suffix: bool = False  # a derivational suffix: closes a compound however short ...
    bound: bool = False  # ... and, when no word of its own, comes only last
    prefix: bool = False  # a bound prefix: comes only first, never alone


@dataclass(frozen=True)
class Analysis:
    """A reading of a word as known parts, letters restored on the way."""

    text: str
    parts: tuple[str, ...]
    edits: int
    rarest: float  # Zipf of the rarest part
    total: float  # Zipf of the parts, summed: breaks ties («læse» beats «løse» before «vanskeligheder»)
    inflected: bool  # the last part carries an inflection ending
    short_head: bool  # the last part is too short to close a compound
    short_first: bool = False  # the first part is a three-letter word («års») ...
    loose: bool = False  # ... and one that is not first makes the reading too loose to restore letters by

    def shape(self) -> float:
        """How much of a stretch the reading is: a listed word 1, with an ending 1.5, two parts 2, …"""
        return len(self.parts) + 0.5 * self.inflected

    def rank(self) -> tuple[float, float, float]:
        return (self.shape(), -(self.rarest - 0.5 * self.edits), -self.total)


class Restorer:
    """Restores one word (lower case, letters only) at a time; the answer per word is cached."""

    def __init__(self, words: WordList, substitutes: dict[str, tuple[str, ...]] = SUBSTITUTES) -> None:
        self._words = words
        self._cache: dict[str, str] = {}
        # without the undamaged reports (their word counts) nothing vouches for a repair
        self._slips = SlipRepair(lambda form: self.analyses(form), words.count) if words.counts else None
        self.substitutes = substitutes
        self._patterns: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first written char → (written, letter)
        self._suffix_prefixes = frozenset(s[:i] for s in SUFFIXES for i in range(1, len(s) + 1))
        self._prefix_prefixes = frozenset(s[:i] for s in PREFIXES for i in range(1, len(s) + 1))
        for letter, written in substitutes.items():
            for w in written:
                self._patterns[w[0]].append((w, letter))

    def restore(self, word: str, after_hyphen: bool = False) -> str:
        """After a hyphen a word may be a suffix alone, closing the compound the hyphen opened («it-mæssigt»)."""
        key = ("-" if after_hyphen else "") + word
        if key not in self._cache:
            self._cache[key] = self._decide(word, after_hyphen)
        return self._cache[key]

    def _decide(self, word: str, after_hyphen: bool = False) -> str:
        """A listed word changes only for a listed word far more frequent in general Danish («vaere», «pa»; not
        «lege» for «læge»); another word changes when a restored reading is less of a stretch than the best
        reading of the word as written (or there is none)."""
        analyses = self.analyses(word, after_hyphen)
        general = self._words.general_frequency
        if written := general(word):
            listed = [a for a in analyses if len(a.parts) == 1 and not a.inflected and a.edits]
            best = max(listed, key=lambda a: general(a.text) - 0.1 * a.edits, default=None)
            if best and (general(best.text) >= written + MARGIN or self._domain_prefers(best.text, word)):
                return best.text
            return word
        if not analyses:  # no reading at all: perhaps one OCR slip beside the lost letters (ocr_slips.py)
            return (self._slips(word) if self._slips else None) or word
        plain = min((a for a in analyses if not a.edits), key=Analysis.rank, default=None)
        best = min((a for a in analyses if a.edits and not a.loose), key=Analysis.rank, default=None)
        if best and (plain is None or best.shape() < plain.shape() or _far_likelier(best, plain)):
            return best.text
        return word

    def _domain_prefers(self, restored: str, written: str) -> bool:
        """The corpus's undamaged reports use the restored form often and the written form never («får», «far»;
        not «bør» for «bor», which a report uses once)."""
        return not self._words.count(written) and self._words.count(restored) >= DOMAIN_COMMON

    def analyses(self, word: str, after_hyphen: bool = False) -> list[Analysis]:
        """Readings of `word` as one to MAX_PARTS known words (a linking «s» between them, an inflection ending
        after the last, which may be a suffix), letters restored on the way: dynamic programming over the start
        offsets. A suffix alone is a reading only `after_hyphen`."""
        readings: dict[int, list[Analysis]] = {len(word): [Analysis("", (), 0, 99.0, 0.0, False, False)]}
        for start in range(len(word) - 1, -1, -1):
            found: dict[str, Analysis] = {}
            for part in self._parts_from(word, start, start > 0 or after_hyphen):
                links = [(part.end, "")]
                if word.startswith("s", part.end) and part.end + 1 < len(word):
                    links.append((part.end + 1, "s"))
                for nxt, link in links:
                    for rest in readings.get(nxt, []):
                        a = _join(part, link, rest)
                        if a and (a.text not in found or a.rank() < found[a.text].rank()):
                            found[a.text] = a
            readings[start] = sorted(found.values(), key=Analysis.rank)[:12]
        return [a for a in readings.get(0, []) if len(a.parts) == 1 or not a.short_head]

    def _parts_from(self, word: str, start: int, suffixes: bool) -> list[Part]:
        """Known words (and `suffixes`) that `word[start:]` begins with, letters restored on the way; a known
        word followed by an inflection ending that closes `word` («løsning|erne») is one too, and so is a verbal
        noun that closes it («hæft|else|n»)."""
        out: dict[tuple[int, str], Part] = {}
        stack = [(start, "", 0)]
        while stack:
            i, built, edits = stack.pop()
            for p in self._known(word, i, built, edits, suffixes, start == 0):  # «første» is listed, and «først» + «e»:
                known = out.get((p.end, p.text))  # keep the lesser stretch
                if known is None or (known.edits, known.inflected) > (p.edits, p.inflected):
                    out[(p.end, p.text)] = p
            if i == len(word):
                continue
            steps = [(1, word[i], 0)]
            if edits < MAX_EDITS:
                steps += [(len(w), letter, 1) for w, letter in self._patterns.get(word[i], ()) if word.startswith(w, i)]
            for length, letters, cost in steps:
                grown = built + letters
                if (
                    self._words.has_prefix(grown)
                    or (suffixes and grown in self._suffix_prefixes)
                    or (start == 0 and grown in self._prefix_prefixes)
                ):
                    stack.append((i + length, built + letters, edits + cost))
        return list(out.values())

    def _known(self, word: str, i: int, built: str, edits: int, suffixes: bool, first: bool) -> list[Part]:
        """`built` (the letters before offset `i`, restored) as a known word, suffix or (`first`) prefix, and as
        one inflected or made a verbal noun by what closes `word`."""
        zipf = self._words.frequency(built) if built else 0.0
        out = (
            [Part(i, built, edits, SUFFIX_ZIPF, False, prefix=True)] if first and not zipf and built in PREFIXES else []
        )
        suffix = suffixes and built in SUFFIXES
        if zipf or suffix:
            flags = (suffix, not zipf)
            out.append(Part(i, built, edits, zipf or SUFFIX_ZIPF, False, *flags))
            if i < len(word) and word[i:] in ENDINGS and len(built) >= MIN_STEM:
                out.append(Part(len(word), built + word[i:], edits, zipf or SUFFIX_ZIPF, True, *flags))
        verb = self._words.frequency(built + "e") if len(built) >= MIN_MODIFIER else 0.0
        if verb and (len(built) >= MIN_VERB_STEM or verb >= SHORT_MODIFIER_ZIPF):
            rest = word[i:]
            if any(rest.startswith(n) and (rest == n or rest[len(n) :] in ENDINGS) for n in NOMINALISERS):
                out.append(Part(len(word), built + rest, edits, verb, True))
        return out


def learn_substitutes(words: list[str], wordlist: WordList) -> dict[str, tuple[str, ...]]:
    """The substitutes this document's OCR or folding made: those that by one change turn at least
    MIN_EVIDENCE of its words into listed words, where the word as written is unlisted or far rarer
    («nedvendigt» → «nødvendigt» is evidence for e → ø, «pa» → «på» for a → å). A clean text folded to ASCII
    shows «oe», «ae», «aa» and never «e» for ø, so its «visiteret» stays."""
    evidence: dict[tuple[str, str], float] = defaultdict(float)
    for word in {w.lower() for w in words}:
        listed = wordlist.frequency(word) > 0  # a listed word («pa», «mia») is weaker evidence: it counts half
        floor = wordlist.general_frequency(word) + MARGIN if listed else 0.0
        for letter, written in SUBSTITUTES.items():
            for w in written:
                at = word.find(w)
                while at >= 0:
                    changed = word[:at] + letter + word[at + len(w) :]
                    if wordlist.frequency(changed) and wordlist.general_frequency(changed) >= floor:
                        evidence[(letter, w)] += 0.5 if listed else 1.0
                        break
                    at = word.find(w, at + 1)
    needed = max(MIN_EVIDENCE, len(words) / 20_000)
    return {
        letter: tuple(w for w in written if evidence[(letter, w)] >= needed) for letter, written in SUBSTITUTES.items()
    }


def _common_short(part: Part) -> bool:
    """A three-letter word common enough to be a part of a compound («års», «tal», «mål»), or a prefix."""
    return len(part.text) == MIN_MODIFIER and (part.zipf >= SHORT_MODIFIER_ZIPF or part.prefix)


def _far_likelier(restored: Analysis, written: Analysis) -> bool:
    """As much a stretch, the same modifiers, and the head restored far more frequent
    («vanskelig|gøre» over English «gore»; a modifier, as in «fore|ligge», stays)."""
    same_modifiers = restored.parts[:-1] == written.parts[:-1]  # so the totals differ by the heads' frequencies
    return same_modifiers and restored.shape() == written.shape() and restored.total >= written.total + MARGIN


def _join(part: Part, link: str, rest: Analysis) -> Analysis | None:
    """`part` (+ a linking «s») in front of the reading `rest` of what follows it, or None when not allowed."""
    if not rest.parts:
        if part.prefix:
            return None
        short = len(part.text) < MIN_HEAD and not part.suffix and not _common_short(part)
        return Analysis(part.text, (part.text,), part.edits, part.zipf, part.zipf, part.inflected, short)
    if part.inflected or part.bound or rest.short_head:  # an ending or a suffix closes the word
        return None
    if len(rest.parts) >= MAX_PARTS or part.edits + rest.edits > MAX_EDITS:
        return None
    if len(part.text) < MIN_MODIFIER or (len(part.text) == MIN_MODIFIER and not _common_short(part)):
        return None
    if len(rest.parts) == 1 and len(rest.text) == MIN_MODIFIER and rest.text not in SUFFIXES:
        if len(part.text) < MIN_STEM:  # a three-letter head needs a long modifier: «nøgle|tal», not «bor|ære»
            return None
    return Analysis(
        part.text + link + rest.text,
        (part.text + link, *rest.parts),
        part.edits + rest.edits,
        min(part.zipf, rest.rarest),
        part.zipf + rest.total,
        rest.inflected,
        False,
        len(part.text) == MIN_MODIFIER,
        rest.loose or rest.short_first,
    )


def with_case_of(written: str, restored: str) -> str:
    if written.isupper() and len(written) > 1:
        return restored.upper()
    if written[0].isupper():
        return restored[0].upper() + restored[1:]
    return restored


@dataclass(frozen=True)
class Change:
    start: int  # offsets of the written word in the original text
    end: int
    written: str
    restored: str


def repair_text(text: str, restorer: Restorer) -> tuple[str, list[Change]]:
    """The text with each word restored where the word list says so, and the changes made."""
    out: list[str] = []
    changes: list[Change] = []
    last = 0
    for m in LETTERS.finditer(text):
        word = m.group(0)
        if not _restorable(word):
            continue
        after_hyphen = m.start() >= 2 and text[m.start() - 1] == "-" and text[m.start() - 2].isalpha()
        restored = with_case_of(word, restorer.restore(word.lower(), after_hyphen))
        if restored != word:
            out.append(text[last : m.start()])
            out.append(restored)
            changes.append(Change(m.start(), m.end(), word, restored))
            last = m.end()
    out.append(text[last:])
    return "".join(out), changes


def _restorable(word: str) -> bool:
    """Single letters, acronyms («KL», «IT», «CPR») and mixed case («eIndkomst») are left alone."""
    if len(word) < 2 or len(word) > MAX_WORD:
        return False
    return len(word) > 4 if word.isupper() else word[1:].islower()
