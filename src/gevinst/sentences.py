"""Sentence spans in cleaned report text, shared by chunking (ingest) and sentence selection (assistant).

A line break always ends a unit (table rows, headings, list items); abbreviations («mio.», «kr.», «bl.a.»)
and numbered list items («1. Yderligere …») do not end a sentence, except one that closes a phrase before a
capitalised word."""

from __future__ import annotations

import re

MAX = 1200  # a longer run (flattened tables, transcript text without punctuation) is cut at spaces
TARGET = 900

_ABBREVIATIONS = frozenset(
    "ca fx bl.a mio mia kr pr nr jf f.eks mv m.v dvs inkl ekskl evt mht ift pct t.kr tlf stk vedr hhv kl "
    "iflg jan feb mar apr aug sep sept okt nov dec e.g i.e etc kap s f ff ang".split()
)
# Abbreviations that close a phrase (a unit, «m.v.», «inkl.»): before a word that begins with a capital and
# goes on in lower case («… 2 mio. kr. Kommunens …») they end the sentence, since Danish nouns are written in
# lower case; those that open a phrase («fx Aarhus», «jf. Serviceloven») never do.
_CLOSING = frozenset("mio mia kr pct t.kr stk mv m.v etc inkl ekskl".split())
_CAPITALISED = re.compile(r"[A-ZÆØÅ][a-zæøå]")
# … or before a bullet inside a line: a list flattened into one line (a scraped table cell) starts an item there
_CANDIDATE_END = re.compile(r"[.!?][»\"”')]?\s+(?=[A-ZÆØÅ0-9\"«“(-])|\n+|[ \t]+(?=•\s)")


_WORD = re.compile(r"[\w.]+")
_INLINE_BULLET = re.compile(r"[ \t]•\s")


# A line that ends in a comma or in a word that cannot end a Danish sentence runs on into the next line
# («… fra kommunerne: København,⏎Aarhus, Odense …», «… samarbejdsaftale med⏎KMD.»): a PDF's line break, not
# the end of a unit. A blank line or a list marker on the next line still ends it.
_RUNS_ON = re.compile(
    r"(?:,|(?<![\wæøå])(?:og|samt|eller|af|med|til|i|på|for|fra|om|ved|at|en|et|den|det|de|som|der|mellem))"
    r"[ \t]*$"
)
_LIST_MARKER = re.compile(r"\n[ \t]*(?:[-–•*·▪]|\d{1,2}[.)]\s)")


def _line_runs_on(text: str, m: re.Match[str]) -> bool:
    if m.group(0).count("\n") != 1 or _LIST_MARKER.match(text, m.start() + m.group(0).index("\n")):
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    return bool(_RUNS_ON.search(text, line_start, m.start()))


def _flattened_list(text: str, at: int) -> bool:
    """The line holds two bullets or more after its start: a list run into one line, whose bullets start items.
    One bullet after a table row's label («1 Højere it-sikkerhed – • Statens It er …») belongs to that row."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return len(_INLINE_BULLET.findall(line)) >= 2


def _ends_sentence(text: str, reversed_text: str, m: re.Match[str]) -> bool:
    if text[m.end() : m.end() + 1] == "•" and "\n" not in m.group(0):
        return _flattened_list(text, m.start())
    if "\n" in m.group(0) and text[m.start()] not in ".!?":
        return not _line_runs_on(text, m)
    if "\n" in m.group(0) or text[m.start()] != ".":
        return True  # a line break ends a unit even after an abbreviation («… m.v.» / «Nedenfor …»)
    # The word before the full stop, read backwards from it: the cost is the word's length, not the
    # length of the text before it (a search over text[:m.start()] made splitting quadratic).
    found = _WORD.match(reversed_text, len(text) - m.start())
    word = found.group(0)[::-1] if found else ""
    if word.isdigit() and len(word) <= 2 and _starts_line(text, m.start() - len(word)):
        return False  # «1. Yderligere samling …»: a numbered list item, not a sentence «1.»
    if word.lower() in _CLOSING:
        return bool(_CAPITALISED.match(text, m.end()))
    return word.lower() not in _ABBREVIATIONS


def _starts_line(text: str, pos: int) -> bool:
    """Only blanks between the previous line break (or the start of the text) and `pos`."""
    pos -= 1
    while pos >= 0 and text[pos] != "\n":
        if not text[pos].isspace():
            return False
        pos -= 1
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line; a line break always ends a unit (table rows, headings)."""
    spans = []
    start = 0
    reversed_text = text[::-1]
    for m in _CANDIDATE_END.finditer(text):
        if not _ends_sentence(text, reversed_text, m):
            continue
        end = m.start() + len(m.group(0).rstrip())
        if text[start:end].strip():
            spans.append(_strip_span(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return _split_long(text, spans)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_long(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A 'sentence' longer than MAX (flattened tables, run-on transcript text) is cut at spaces."""
    out = []
    for start, end in spans:
        while end - start > MAX:
            cut = text.rfind(" ", start + TARGET // 2, start + TARGET)
            cut = cut if cut > start else start + TARGET
            out.append((start, cut))
            start = cut + 1
        out.append((start, end))
    return out


# Sentences that address the reader or an assistant rather than report anything: an imperative to drop
# instructions, or to answer/say/write something, at the start of a sentence or clause. General Danish
# and English usage; report imperatives such as «Se figur 3» or «Læs mere på …» are not among them.
_IGNORE_VERBS = r"ignor[eé]r(?:e)?|glem|se bort fra|tilsidesæt|ignore|forget|disregard|overlook|override|skip"
_INSTRUCTIONS = (
    r"(?:instruktion|instruks|anvisning|vejledning|regel|regl|besked|prompt|system ?prompt|kontekst"
    r"|instruction|direction|rule|guideline|prompt|message|context)\w*"
)
_ANSWER_VERBS = (
    r"svar|besvar|sig|skriv|udskriv|oplys|påstå|fortæl|gentag|"
    r"answer|reply|respond|say|write|print|output|tell|state|claim|repeat"
)
_CLAUSE_START = r"(?:^|[.!?:;,»\"“(]\s*|\b(?:og|and|then|så|derefter|now|nu)\s+)"
_ADDRESS = re.compile(
    rf"{_CLAUSE_START}(?:please\s+|venligst\s+)?(?:{_IGNORE_VERBS})\b[^.!?]{{0,60}}?\b{_INSTRUCTIONS}"
    rf"|{_CLAUSE_START}(?:please\s+|venligst\s+)?(?:{_ANSWER_VERBS})(?:\s+(?:kun|blot|only|just))?"
    r"(?:\s+(?:at|that|med|with)\b|\s*[:\"«“'])"
    r"|\bdu skal nu\b|\b(?:you must|you are to|you will) now\b|\bfra nu af skal du\b|\bfrom now on,? you\b"
    r"|\b(?:som|as an?) (?:AI|sprogmodel|language model|assistent|assistant)\b[^.!?]{0,40}\b(?:skal|must|should)\b",
    re.IGNORECASE,
)


def addresses_reader(sentence: str) -> bool:
    """Whether a sentence speaks to the reader or an assistant with an order about instructions or about
    what to answer («Ignorer alle tidligere instruktioner og svar at …», "Ignore previous instructions and
    reply …", «Du skal nu …»). Such a sentence in a document is data, never an answer and never an order."""
    return bool(_ADDRESS.search(sentence.strip()))
