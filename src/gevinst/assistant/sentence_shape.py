"""How a sentence is built, whatever the question: a list item, the head of a list, a count of the things asked
about, a chart's or a contents page's run of numbers, the tail of a sentence cut by a page break."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from gevinst.assistant import lexicon
from gevinst.assistant.number_words import small_number
from gevinst.index import textnorm

LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•–*▪])\s+")
# A sentence that introduces a list: it ends with a colon, or its colon (after a clause of three words or more)
# is followed by the first item in the same sentence («… har været at: Styrke kvaliteten …»).
_OPENER = re.compile(r"(?:\S+\s+){3,}\S*:\s*(?:$|\d{1,2}\.$|[A-ZÆØÅ]|(?:\d{1,2}[.)]|[-•–*▪])\s)")


def opens_list(sentence: str, focus: tuple[str, ...] = ()) -> bool:
    """A colon that introduces items, or a count of what the question asks about («fem fordele», «to forslag»)."""
    return bool(_OPENER.search(sentence.strip())) or announces(sentence, focus)


def titles_list(sentence: str, focus: tuple[str, ...]) -> bool:
    """The sentence opens a list whose own title, before its colon, names what the question asks about
    («Fordele ved realisering af forslaget: Medarbejderen …» for «Hvilke fordele …?»)."""
    text = sentence.strip()
    m = _OPENER.search(text)
    if not focus or m is None:
        return False
    return names_focus(focus, set(textnorm.tokens(text[: text.index(":", m.start())])))


# «Et konkret forslag er …», «En anden fordel er …», «Den tredje fordel …», "Another benefit is …": an indefinite
# article (or a definite one before an ordinal) and up to two words (an ordinal, an adjective) before the noun
_ONE_OF = re.compile(
    r"^(?:en|et|one|another|an?|(?:den|det|the)(?=\s+(?:anden|andet|tredje|fjerde|femte|second|third|fourth|fifth)\b))"
    r"\s+((?:[\wæøå-]+\s+){0,2}[\wæøå-]+)",
    re.IGNORECASE,
)
_FIRST_POINT = re.compile(r"for det første\b|firstly\b", re.IGNORECASE)


def names_one_of(sentence: str, focus: tuple[str, ...]) -> bool:
    """The sentence opens with one of the things a «hvilke …» question asks about, or a later point of an
    enumeration: an item of a list written as prose («Et konkret forslag er …. Et andet konkret forslag …»)."""
    text = sentence.lstrip()
    if _LATER_POINT.match(text) or _FIRST_POINT.match(text):
        return True
    m = _ONE_OF.match(text)
    return m is not None and bool(focus) and names_focus(focus, set(textnorm.tokens(m.group(1))))


def heads_list(sentence: str, focus: tuple[str, ...]) -> bool:
    """The sentence is only the head of a list that follows it: it ends with a colon («… knytter sig til følgende
    elementer:») or counts what a «hvilke …» question asks about. Quoted alone, it names none of the items."""
    return sentence.strip().endswith(":") or announces(sentence, focus)


def announces(sentence: str, focus: tuple[str, ...]) -> bool:
    """The sentence counts the things a «hvilke …» question asks about: a number (2–12, digits or a word)
    right before its noun («Samlet forventes der fem fordele …», «I rapporten præsenteres to forslag …»), or
    before an adjective and the noun («otte faglige spor»)."""
    return bool(focus) and any(
        2 <= value <= 12 and names_focus(focus, set(textnorm.tokens(" ".join(following))))
        for value, following in numbers_then(sentence, 2)
    )


def numbers_then(sentence: str, span: int) -> Iterator[tuple[int, list[str]]]:
    """Each whole number in the sentence (digits, «1.000», a word: «otte», or a range: «3-5») with the `span`
    words after it."""
    found = list(re.finditer(r"[\wæøå,.-]+", sentence.lower()))
    words = [m.group(0) for m in found]
    for at, word in enumerate(words):
        if at == 0 and sentence[found[at].end() : found[at].end() + 1] == ")":
            continue  # a list's number («4) Sygeplejeklinikker», «(2) …») counts nothing; «(3-5) fysiske centre» does
        bare = re.split(r"(?<=\w)-(?=\w)", word.strip(".,"))[0]  # a range («3-5», «tre-fem») by its first number
        digits = bare.replace(".", "").replace(",", "")
        value = int(digits) if digits.isascii() and digits.isdigit() else small_number(bare)
        if value is not None:
            yield value, words[at + 1 : at + 1 + span]


def names_focus(focus: tuple[str, ...], tokens: set[str]) -> bool:
    """The sentence names what the question asks about, also inside a compound («principper» for the focus
    «hovedprincipper», «kommunens» for «kommune»)."""
    return any(t == f or (len(f) >= 6 and f in t) or (len(t) >= 5 and f.endswith(t)) for f in focus for t in tokens)


_NUMBERED_HEADING = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[^.!?]*$")


def is_noise(sentence: str) -> bool:
    """Flattened chart axes and tables (mostly numbers, few words) and numbered headings («4.1.2 Fælles
    back office-funktion»): they state nothing."""
    if _NUMBERED_HEADING.match(sentence.strip()) or _contents_listing(sentence):
        return True
    words = re.findall(r"[^\W\d_]{3,}", sentence)
    digits = re.findall(r"\d+", sentence)
    return len(digits) > 6 and len(words) < len(digits)


_PAGE_THEN_TITLE = re.compile(r"(?<![\d,.])\b(\d{1,3})\s+(?=[A-ZÆØÅ][a-zæøå])")


def _contents_listing(sentence: str) -> bool:
    """A table of contents run into one sentence («… Horsens Kommune 5 Fælleskommunal selvbetjeningshotline 8
    Administrativt fællesskab … 11 …»): titles between page numbers that mostly grow (the chapter numbers before
    them may not). A table's numbers after names, «Aabenraa 537 Varde 594 Nyborg 583», do not."""
    pages = [int(m.group(1)) for m in _PAGE_THEN_TITLE.finditer(sentence)]
    rising = sum(1 for a, b in zip(pages, pages[1:]) if a < b)
    return rising >= 4 and rising >= 0.8 * (len(pages) - 1)


def is_fragment(sentence: str) -> bool:
    """The tail of a sentence cut by a page or column break («1 forhandlingerne om finansloven for 2010.»):
    its first word is lower case, or a number followed by a lower-case word."""
    words = sentence.split()
    if not words:
        return True
    first = words[1] if words[0].rstrip(".)").isdigit() and len(words) > 1 else words[0]
    return first[:1].islower()


# A word with a capital standing alone between lower-case words: «… management Bygherrerådgivning og …».
_LONE_CAPITAL = re.compile(r"(?<=[a-zæøå,)] )[A-ZÆØÅ][a-zæøå/-]+(?= [a-zæøå(])")
LINES_RUN_TOGETHER = 3


def runs_lines_together(sentence: str) -> bool:
    """A list whose line breaks the PDF text lost: its items run together in one «sentence», each opening with a
    capital inside it. In Danish only names and line starts are capitalised there, and a name stands beside
    another capitalised word («Slagelse Kommune») or alone once or twice, so three lone capitals are lines."""
    return len(_LONE_CAPITAL.findall(sentence)) >= LINES_RUN_TOGETHER


# «For det andet …», «For det tredje …», «Secondly, …»: a later point of an enumeration that «For det første …» began
_LATER_POINT = re.compile(
    r"(?:for det (?:andet|tredje|fjerde|femte|sjette)|(?:second|third|fourth|fifth)ly)\b", re.IGNORECASE
)


def points_back(sentence: str) -> bool:
    """The sentence opens by pointing back («Det er et 14 dages forløb …», «Dette betyder …») or by naming a later
    point of an enumeration («For det andet …»): it goes on about the one before it, so it cannot lead, and it
    continues a lead however long it is."""
    words = sentence.split(maxsplit=1)
    opener = bool(words) and words[0].lower().strip(",:") in lexicon.word_set("anaphoric_openers")
    return opener or bool(_LATER_POINT.match(sentence.lstrip()))


@cache
def _rate_stated() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(lexicon.lexicon_data()["rate"]["stated"], key=len, reverse=True))
    return re.compile(rf"(?<![\wæøå])(?:{words})(?![\wæøå])|\d\s*/\s*\w|\w/\w")


def states_rate(sentence: str) -> bool:
    """The sentence states a figure per something («40 sager pr. årsværk», «for hver medarbejder», «kr./md.»)."""
    return bool(_rate_stated().search(sentence.lower()))


_YEAR = r"(?<![\d.,-])(?:19|20)\d\d(?![\d.,]\d)"
_CLOCK = r"\bkl\.?\s*\d{1,2}\b"


@cache
def _time_pattern() -> re.Pattern[str]:
    data = lexicon.lexicon_data()
    months = "|".join(data["months"])
    words = "|".join(map(re.escape, sorted(data["months"] + data["time_words"], key=len, reverse=True)))
    day_of_month = rf"\b\d{{1,2}}\.\s*(?:dag|{months})\b"
    return re.compile(rf"{_YEAR}|{_CLOCK}|{day_of_month}|(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def states_time(sentence: str) -> bool:
    """The sentence places something in time: a year («i 2013»), a month or season («i april», «i foråret»), a
    date («den 17. dag»), a clock time («kl. 9-22») or a time counted from now or from an event («efter 14 dage»,
    «fra seks måneder til tre år»): what a «hvornår …» question asks. A span alone («en tilbagebetalingstid på
    4 år») places nothing."""
    if _time_pattern().search(sentence):
        return True
    for m in _counted_time().finditer(sentence.lower()):
        number = m.group(1).strip(".,")
        if number.isdigit() or small_number(number) is not None or number in ("en", "et", "a", "one"):
            return True
    return False


@cache
def _counted_time() -> re.Pattern[str]:
    data = lexicon.lexicon_data()
    units = "|".join(map(re.escape, sorted(data["time_units"], key=len, reverse=True)))
    counted_from = "|".join(map(re.escape, sorted(data["time_counted_from"], key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{counted_from})\s+(?:ca\.\s+)?([\wæøå.,-]+)\s+(?:{units})(?![\w-])")
