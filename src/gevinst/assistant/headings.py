"""Run-in headings: a report's list of headed paragraphs loses its line breaks in the PDF text, so each item's
heading runs into its first sentence («Kommunikation Uddannelse af medarbejderne …»). In Danish only names and
line starts are capitalised: a common noun phrase capitalised, then a capitalised sentence start, is a heading
stuck to its sentence; «Administrativ Service er …» is a name. Which words are common nouns the corpus itself
tells (written in lower case elsewhere), counted once when the retriever is built."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from gevinst.assistant.candidate import Candidate
from gevinst.assistant.lexicon import word_set
from gevinst.assistant.opening import new_text_start
from gevinst.assistant.sentence_shape import is_noise, opens_list
from gevinst.index.textnorm import fold, stopwords
from gevinst.sentences import sentence_spans

MAX_HEADING_WORDS = 5  # «Italesættelse af ingen nulfejls-kultur»; a longer run is a sentence
MAX_ITEMS = 8  # items quoted of a headed list
COMPOUND_TAIL = 5  # the shortest last part a compound is known by («sikring»)
MAX_BODY = 5  # sentences of one item's paragraph; more, and the list has ended
_CAPITAL = re.compile(r"[A-ZÆØÅ][a-zæøåé-]*")
_LOWER = re.compile(r"[a-zæøåé][a-zæøåé-]*")
_WORD = re.compile(r"\S+")
# function words a heading can hold («Dialog og samskabelse», «Italesættelse af ingen …»); a verb or a pronoun
# makes the run a sentence
_HEADING_JOINS = frozenset(fold(w) for w in "og af i for til på med ved om eller ingen mellem uden over under".split())


@dataclass(frozen=True)
class Casing:
    common: frozenset[str]  # words (lower case) the corpus writes in lower case at least as often as capitalised
    names: frozenset[tuple[str, str]]  # capitalised pairs written mid-sentence («i Administrativ Service»)
    capitalised: frozenset[str]  # words (lower case) written capitalised mid-sentence: names, or part of one
    municipal: frozenset[str] = frozenset()  # names the corpus writes before «Kommune»: «Hvidovre», «Ringkøbing-Skjern»
    _places: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)

    def is_common(self, word: str) -> bool:
        """A common word; a compound written nowhere else in lower case by its last part («kvalitetssikring»:
        «sikring»), unless the corpus capitalises it mid-sentence."""
        word = word.lower()
        if word in self.common:
            return True
        tails = (word[at:] for at in range(3, len(word) - COMPOUND_TAIL + 1))
        return word not in self.capitalised and any(t in self.common for t in tails)

    def __post_init__(self) -> None:
        # read per question by evidence, borrowing and the refusal rule: derived once, with the casing
        places = frozenset(
            w for w in self.municipal if re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", w) and not self.is_common(w)
        )
        object.__setattr__(self, "_places", places)

    def places(self) -> frozenset[str]:
        """The municipalities' names («Slagelse»): of the words before «Kommune», those that are words, not
        abbreviations («Nr.») or common words capitalised («Resultat Kommune …» in a table)."""
        return self._places


# «Af Jørgen Sunesen, projektleder, Viborg Kommune …»: the author and their title, heading an example
_AUTHOR = r"(?:[A-ZÆØÅ][\wæøå.-]*\s+){0,3}[A-ZÆØÅ][\wæøå-]*"
# «Af Jørgen Sunesen, projektleder, …», «Af Anne Dyrberg & Johannes Engers Gregersen, konsulenter, …»
_BYLINE = re.compile(rf"(?<![\w-])Af {_AUTHOR}(?:\s*(?:&|og)\s*{_AUTHOR})*,\s*[^,.]{{1,60}},")


def without_byline(sentence: str) -> str:
    """The sentence without the byline it holds: who wrote a text is not a party the text tells of."""
    return _BYLINE.sub(" ", sentence)


def names_someone(
    sentence: str,
    asked: str,
    casing: Casing,
    abbreviations: bool = True,
    municipalities: bool = True,
    only_municipalities: bool = False,
) -> bool:
    """The sentence names a party the question `asked` does not: an abbreviation («KMD») or a capitalised word
    the corpus does not write in lower case («… kommer fra Acubiz», «i regi af Fonden for Velfærdsteknologi»); at
    the sentence's start (or after a heading's number: «Eksempel 08 Borgmestrene …») only one followed by another
    capitalised word («Slagelse Kommune har …»). A common word
    capitalised as a heading run into the sentence («Fælleskommunal selvbetjeningshotline …») is no name. Without
    `abbreviations`, «KL» and «KOMBIT» name nobody: a place asked is written out. Without `municipalities`, a
    municipality («Hvidovre», which the corpus writes «Hvidovre Kommune») names nobody: a business is asked. With
    `only_municipalities`, only a municipality names one: «Hvilken kommune …?» is not answered by «Østdanmark»."""
    low = asked.lower()
    for m in re.finditer(r"(?<![\w-])[A-ZÆØÅ][\wæøåÆØÅ&-]*", sentence):
        word = m.group(0)
        if word.lower() in word_set("name_parts") or word.lower()[:5] in low:
            continue
        municipal = word in casing.municipal or word in word_set("municipalities")
        if (not municipalities and municipal) or any(ch.isdigit() for ch in word):
            continue  # «CO2-udledning» names nobody
        if only_municipalities:
            if municipal:
                return True
            continue
        # at a sentence's or an item's start a word is capitalised anyway: a name only when a capitalised word
        # follows («Slagelse Kommune har …», «Peter Karm fortæller»; not «- Oplæring af medarbejdere …»)
        # a heading's number ends it too («Eksempel 08 Borgmestrene fra …»)
        before = sentence[: m.start()].rstrip()
        opening = not before or before[-1] in ".!?:-–•" or bool(re.search(r"(?<![\d.,])\d{1,2}$", before))
        if len(word) > 1 and word.isupper():
            if abbreviations:
                return True
        elif not casing.is_common(word) and (not opening or re.match(r"\s+[A-ZÆØÅ]", sentence[m.end() :])):
            return True
    return False


def casing_of(texts: Iterable[str]) -> Casing:
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()  # capitalised after a lower-case word: mid-sentence, so a name
    names: set[tuple[str, str]] = set()
    municipal: set[str] = set()
    for text in texts:
        words = _WORD.findall(text)
        for before, word, after in zip(["."] + words, words, [*words[1:], "."]):
            if after.rstrip(",.;:") in ("Kommune", "Kommunes") and word[:1].isupper():
                municipal.add(word)
            if _LOWER.fullmatch(word.rstrip(",.;:")):
                lower[word.rstrip(",.;:")] += 1
            elif _CAPITAL.fullmatch(word) and _LOWER.fullmatch(before):
                capital[word.lower()] += 1
                if _CAPITAL.fullmatch(after.rstrip(",.;:")):
                    names.add((word, after.rstrip(",.;:")))
    common = frozenset(w for w, n in lower.items() if n >= capital[w])  # a compound may be written once
    return Casing(common, frozenset(names), frozenset(capital), frozenset(municipal))


def run_in_heading(sentence: str, casing: Casing) -> int:
    """The length of the heading the sentence opens with (up to its first sentence's start), else 0."""
    words = list(_WORD.finditer(sentence))
    if len(words) < 3 or not _is_common(words[0].group(), casing) or fold(words[0].group().lower()) in stopwords():
        return 0
    for k in range(1, min(MAX_HEADING_WORDS + 1, len(words) - 1)):
        word, previous, after = words[k].group(), words[k - 1].group(), words[k + 1].group()
        if _CAPITAL.fullmatch(word):
            starts = _is_common(word, casing) or fold(word.lower()) in stopwords()
            named = (previous, word) in casing.names or (word, after.rstrip(",.;:")) in casing.names
            ends_well = fold(previous.lower()) not in stopwords()
            return words[k].start() if starts and not named and ends_well else 0
        if not _LOWER.fullmatch(word) or (fold(word) in stopwords() and fold(word) not in _HEADING_JOINS):
            return 0
    return 0


def _is_common(word: str, casing: Casing) -> bool:
    return bool(_CAPITAL.fullmatch(word)) and len(word) > 1 and casing.is_common(word)


def headed_list(lead: Candidate, texts: list[str], following: dict[int, int], casing: Casing) -> list[Candidate]:
    """The items of the list of headed paragraphs the lead opens (its next sentence is headed) or is the first of:
    each item's heading and first sentence, read on into the report's next passages, until the items stop (an item's
    paragraph runs past MAX_BODY sentences, a sentence opens another list or asks a question) or MAX_ITEMS. Fewer
    than two items: no such list."""
    items: list[Candidate] = []
    own = run_in_heading(texts[lead.passage][lead.start : lead.end], casing)
    count, body = (1 if own else 0), 0
    passage: int | None = lead.passage
    start = lead.end
    while passage is not None and count < MAX_ITEMS:
        text = texts[passage]
        for s, e in sentence_spans(text):
            sentence = text[s:e].strip()
            if s < start or not sentence:
                continue
            heading = run_in_heading(sentence, casing)
            if sentence.endswith("?") or opens_list(sentence) or is_noise(sentence) or not (heading or count):
                return _enough(items, own)  # a section's own question («Effekt Økonomiske …?») ends the list
            if heading:
                skip = len(text[s:e]) - len(text[s:e].lstrip())
                items.append(Candidate(passage, s + skip, e, 0.0, 0.0, opened=True, heading=heading))
                count, body = count + 1, 0
            elif (body := body + 1) > MAX_BODY:
                return _enough(items, own)
            if count >= MAX_ITEMS:
                return _enough(items, own)
        passage, start = _next(passage, texts, following)
    return _enough(items, own)


def _enough(items: list[Candidate], own: int) -> list[Candidate]:
    return items if len(items) + (1 if own else 0) >= 2 else []


def _next(passage: int, texts: list[str], following: dict[int, int]) -> tuple[int | None, int]:
    """The report's next passage and where its new text starts (passages overlap)."""
    after = following.get(passage)
    if after is None:
        return None, 0
    return after, new_text_start(texts[after], texts[passage])


def headed(lead: Candidate, text: str, casing: Casing) -> Candidate:
    """The lead with its run-in heading marked, when it has one."""
    return replace(lead, heading=run_in_heading(text[lead.start : lead.end], casing))
