"""What a leading sentence opens, quoted with it: the list it introduces (by a colon, by counting what the
question asks about, or as the first item of a bulleted list) or the rest of its paragraph."""

from __future__ import annotations

import re
from dataclasses import replace

from gevinst.assistant.candidate import Candidate
from gevinst.assistant.query import Asks
from gevinst.assistant.sentence_kind import gives_reason_or_means
from gevinst.assistant.sentence_shape import LIST_ITEM, is_fragment, is_noise, opens_list, points_back
from gevinst.sentences import sentence_spans

LIST_AFTER_COLON = 700  # characters of the list a lead opens (500 cut the fourth of five counted items on dev3)
NEXT_SENTENCE_MAX = 200
SHORT_OPENER = 25  # shorter sentences are not scored (evidence.candidates); one that opens a list still runs on
FOLLOWING_POINTING_BACK = 5  # beyond three, sentences that point back («Og samtidig …») still run it on
FOLLOWING_SENTENCES = 3  # the lead's paragraph: dev 77.8 → 83.3, dev2 75.3 → 78.5 (1 → 2 → 3; 4 and 6 add nothing)
# A how is answered over a longer paragraph (a means is told step by step): 3 → 5 lifted the how/why questions of
# all banks 194 → 196 (dev8, heldout), none lower.
FOLLOWING_STEPS = 5
NUMBER_GAP = 2  # an item numbered this near a quoted one is of its list (the item between may be in a passage not read)
_NUMBERED = re.compile(r"\s*(\d{1,2})[.)]\s+[A-ZÆØÅ]")
_NUMBER_BEFORE = re.compile(r"(?:^|\s)(\d{1,2})[.)]\s*$")
_FIRST_ITEM = re.compile(r"\s*\(?1[.)]\)?(?:\s|$)")
_BARE_NUMBER = re.compile(r"\s*\(?\d{1,2}[.)]\)?\s*")  # an item's number the sentence split left alone: «(2.)»


def new_text_start(passage: str, before: str) -> int:
    """Where the text of a report's next passage starts that `before`, the passage it follows, does not already
    hold: passages overlap, so its first sentences may repeat the end of the one before."""
    start = 0
    for s, e in sentence_spans(passage):
        if passage[s:e].strip() not in before:
            break
        start = e
    return start


def list_opener(passage: str, start: int) -> int | None:
    """The start of the sentence that opens the list the item at `start` belongs to, when it is near."""
    before = [s for s in sentence_spans(passage) if s[0] < start]
    while before and LIST_ITEM.match(passage[before[-1][0] : before[-1][1]]):
        before.pop()
    if before and opens_list(passage[before[-1][0] : before[-1][1]]) and start - before[-1][0] <= LIST_AFTER_COLON:
        return before[-1][0]
    return None


def continuation(
    lead: Candidate,
    found: list[Candidate],
    passage: str,
    focus: tuple[str, ...],
    running: int | None = None,
    asks: Asks | None = None,
) -> list[Candidate]:
    """What the leading sentence opens is quoted with it: the list it introduces (up to LIST_AFTER_COLON
    characters, short items included, until the next sentence that opens a list of its own or, in a bulleted
    list, the first line that is not an item and is not followed by one), else the next sentences of its
    paragraph while they are short or state what is asked (a long «Der er i stedet brug for …, fx …» after «Det
    handler ikke om kurser.») — the detail that completes the lead («Forventeligt med en effekt på mellem
    20-30%.»), and the list such a sentence opens in turn. For a how or a why (`asks`), a long sentence that
    states a reason or a means, of either kind, goes on too; a how's paragraph is longer."""
    known = {c.start: c for c in found if c.passage == lead.passage}
    explains = asks in (Asks.REASON, Asks.METHOD)
    paragraph = FOLLOWING_STEPS if asks is Asks.METHOD else FOLLOWING_SENTENCES
    out: list[Candidate] = []
    lead_text = passage[lead.start : lead.end]
    listing, used = opens_list(lead_text, focus) or bool(LIST_ITEM.match(lead_text)), 0
    if running is not None:  # a list that runs on from the passage before, `running` characters of it quoted
        listing, used = True, running
    bulleted = any(LIST_ITEM.match(line) for line in lead_text.split("\n")[1:])
    last_end, body = lead.end, None  # body: the sentences quoted of the item a heading item («- Data:») opens
    spans = [s for s in sentence_spans(passage) if s[0] >= lead.end]
    # followed by a list's first item («Der er især to forandringer …» «(1.)» «Der kommer …»), the lead opens it
    listing = listing or bool(spans and _FIRST_ITEM.match(passage[spans[0][0] : spans[0][1]]))
    number: int | None = None  # the start of an item's number split from its sentence, quoted with it
    for at, (start, end) in enumerate(spans):
        text = passage[start:end]
        if listing and _BARE_NUMBER.fullmatch(text):
            number = start if number is None else number
            continue
        c = known.get(start) or Candidate(lead.passage, start, end, 0.0, 0.0)
        explained = explains and gives_reason_or_means(text)  # a how or why: a long sentence that explains goes on
        if listing:
            used += end - start
            new_line = "\n" in passage[last_end:start]
            item = bool(LIST_ITEM.match(text))
            body = 0 if item and _heads_item(text) else None if item else body
            if body is not None and not item and not (body and "\n\n" in passage[last_end:start]):
                # an item's own text after its heading («- Digital kommunikation:» «Selvbetjeningsløsninger …:
                # Ansøgninger, …») is of the list, whatever colon it holds, until its paragraph ends
                if used > LIST_AFTER_COLON or is_noise(text):
                    break
                body += 1
                out.append(replace(c, opened=True))
                last_end = end
                continue
            body = None if not item else body
            if used > LIST_AFTER_COLON or opens_list(text) or is_noise(text):
                break
            item_next = at + 1 < len(spans) and LIST_ITEM.match(passage[spans[at + 1][0] : spans[at + 1][1]])
            if bulleted and new_line and not LIST_ITEM.match(text) and not item_next:
                break  # the bulleted list has ended (a line between two items is one whose marker was lost)
            bulleted = bulleted or bool(LIST_ITEM.match(text))
        elif not _short_opener(text) and (
            (len(out) >= paragraph and not (points_back(text) and len(out) < FOLLOWING_POINTING_BACK))
            or start not in known
            or (end - start > NEXT_SENTENCE_MAX and c.fit < 1.0 and not points_back(text) and not explained)
            or c.relevance <= 0
            or is_fragment(text)
        ):
            break
        out.append(replace(c, start=c.start if number is None else number, opened=True))
        number = None
        listing, last_end = listing or opens_list(text) or _short_opener(text), end
    return out


def _heads_item(item: str) -> bool:
    """A list item that is only its heading, its text on the lines after it («- Korrekte data:**»)."""
    return item.rstrip(" *\n").endswith(":")


def _short_opener(sentence: str) -> bool:
    """A sentence too short to be scored that only opens a list («De gennemgås nedenfor:», «Det drejer sig om:»):
    the list it opens goes on about the sentence before it, so it runs that sentence on."""
    text = sentence.strip()
    return text.endswith(":") and len(text) < SHORT_OPENER


def runs_past(lead: Candidate, opened: list[Candidate], passage: str, focus: tuple[str, ...]) -> int | None:
    """The characters quoted of the list the lead opens, when that list is still going where its passage ends
    (a report's list often runs on into the next passage, «2) Styring …» after «1) Volumen …»); else None."""
    text = passage[lead.start : lead.end]
    if not (opens_list(text, focus) or LIST_ITEM.match(text)):
        return None
    spans = sentence_spans(passage)
    used = sum(c.end - c.start for c in opened)
    last = (opened[-1] if opened else lead).end
    return used if spans and last >= spans[-1][1] and used < LIST_AFTER_COLON else None


def ends_passage(lead: Candidate, opened: list[Candidate], passage: str) -> bool:
    """The lead and what it opens reach the end of their passage: its paragraph may go on in the next one."""
    spans = sentence_spans(passage)
    return bool(spans) and (opened[-1] if opened else lead).end >= spans[-1][1]


def item_number(passage: str, start: int, end: int) -> int | None:
    """The number of the numbered item a sentence is («3. Drøftelse af …»), also when the sentence split left the
    number at the end of the sentence before («… 1.» «Alle indsatser har klare mål …»)."""
    if m := _NUMBERED.match(passage[start:end]):
        return int(m.group(1))
    m = _NUMBER_BEFORE.search(passage[max(0, start - 6) : start])
    return int(m.group(1)) if m else None


def numbered_siblings(
    chosen: list[Candidate], found: list[Candidate], texts: list[str], reports: list[str]
) -> list[Candidate]:
    """The other items of a numbered list the answer quotes items of, from the passages read of the same report:
    a list's items («1. Yderligere samling af basal it-drift», «2. Etablering af …») share no words with each
    other or the question, so the sentence ranking leaves some out, and a list quoted in part misleads. An item
    joins when its number is near a quoted one's (NUMBER_GAP), so numbered lines elsewhere in the report do not."""
    quoted: dict[str, set[int]] = {}
    for c in chosen:
        if (n := item_number(texts[c.passage], c.start, c.end)) is not None:
            quoted.setdefault(reports[c.passage], set()).add(n)
    out: list[Candidate] = []
    for report, numbers in quoted.items():
        pool: dict[int, Candidate] = {}
        for c in sorted(found, key=lambda c: -c.score):
            n = item_number(texts[c.passage], c.start, c.end)
            if reports[c.passage] == report and n is not None and n not in numbers and n not in pool:
                pool[n] = c
        joined = True
        while joined:
            near = [n for n in pool if any(abs(n - m) <= NUMBER_GAP for m in numbers)]
            joined = bool(near)
            for n in near:
                numbers.add(n)
                c = pool.pop(n)
                if not any(c.passage == s.passage and c.start < s.end and s.start < c.end for s in [*chosen, *out]):
                    out.append(replace(c, opened=False))
    return out
