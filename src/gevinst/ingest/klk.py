"""Rules for `klk-2017-kommunale-veje`: a web transcript of a 231-page PDF, one page per line.

Its page headers ('N Kommunale veje til effektivisering Side N af 231'), the viewer wrapper above them,
the scraped 'Læs mere' teasers after page 201, chapter titles recovered from the table of contents and
the chapters of the proposal catalogue (built in klk_catalogue.py). See shared/docs/corpus-notes.md, klk parts A and B.
"""

from __future__ import annotations

import re

from gevinst.ingest import cleaning
from gevinst.ingest.document import SECTION_SEP, CleanDocument, CleanPage
from gevinst.ingest.klk_catalogue import Chapter, build_catalogue
from gevinst.ingest.pages import join_across_pages

PAGE_HEADER = re.compile(
    r"^(?P<page>\d+) (?:(?P<label>.*?) )?Kommunale veje til effektivisering "
    r"(?:Side (?P=page) af(?P<total> 231)?|24\. maj 2017)\s*(?P<body>.*)$"
)
TOC_PAGES = (2, 3)
OVERVIEW_PAGES = range(5, 14)
NOT_PROPOSALS = {"INDLEDNING", "Resumé og overblik"}


def looks_like_klk(text: str) -> bool:
    return sum(1 for line in text.split("\n")[:40] if PAGE_HEADER.match(line)) >= 3


def split_pages(text: str) -> list[tuple[int, bool, str]]:
    """(page, header lacks the total, body) for every page line. Everything before the first header is the
    viewer wrapper; the first non-empty line after the pages that is not a page line starts the scraped
    teasers of other documents, and nothing from there on is report content."""
    pages: list[tuple[int, bool, str]] = []
    for line in text.split("\n"):
        line = line.strip()
        m = PAGE_HEADER.match(line)
        if m:
            pages.append((int(m.group("page")), m.group("total") is None, m.group("body")))
        elif pages and line:
            break
    return pages


_TITLE_WORDS = 12


def toc_phrases(toc: str, bodies: list[str]) -> set[tuple[str, ...]]:
    """Which runs of a page's first words (up to 12) stand as whole words in the table of contents.
    One pass over the contents for all pages: searching the contents once per page was quadratic."""
    wanted = {
        tuple(words[:k]) for words in (b.split() for b in bodies) for k in range(1, min(len(words), _TITLE_WORDS) + 1)
    }
    tokens = toc.split(" ")  # whole words: bounded by single spaces or the ends, as the contents show them
    found = set()
    for i in range(len(tokens)):
        for k in range(1, _TITLE_WORDS + 1):
            run = tuple(tokens[i : i + k])
            if len(run) < k or run not in wanted:
                break  # `wanted` holds every shorter run of a wanted run, so no longer one is wanted
            found.add(run)
    return found


def chapter_title(body: str, phrases: set[tuple[str, ...]]) -> str:
    """The longest run of the body's first words that the table of contents also holds."""
    words = body.split()
    best = ""
    for k in range(1, min(len(words), _TITLE_WORDS) + 1):
        if tuple(words[:k]) in phrases:
            best = " ".join(words[:k])
        else:
            break
    if best and not best.isupper():  # «Resumé og overblik ADMINISTRATION»: the track is the next title
        kept: list[str] = []
        for word in best.split():
            if word.isupper() and len(word) >= 5 and kept:
                break
            kept.append(word)
        best = " ".join(kept)
    return best


def clean_klk(doc_id: str, title: str, text: str) -> CleanDocument:
    raw = split_pages(cleaning.normalize_whitespace(text))
    toc = " ".join(body for page, _, body in raw if page in TOC_PAGES)
    bodies = [(p, _clean_body(body)) for p, _, body in raw]
    bodies = join_across_pages(bodies)
    opens = {p for p, lacks_total, _ in raw if lacks_total and p not in TOC_PAGES}
    phrases = toc_phrases(toc, [body for page, body in bodies if page in opens])
    pages: list[CleanPage] = []
    chapters: list[tuple[str, str, list[tuple[int, str]]]] = []  # (title, track, its pages), in one pass
    track, chapter = "", ""
    for page, body in bodies:
        if page in opens and (found := chapter_title(body, phrases)):
            if found.isupper():
                track, chapter = found, ""
            else:
                chapter = found
                if chapter not in NOT_PROPOSALS and track not in NOT_PROPOSALS:
                    chapters.append((chapter, track, []))
        if chapters and chapter == chapters[-1][0]:
            chapters[-1][2].append((page, body))
        section = SECTION_SEP.join(s for s in (track, chapter) if s)
        role = "overview" if page in OVERVIEW_PAGES else "body"
        pages.append(CleanPage(page, body, [(0, section)] if section else [], role))
    spans = [Chapter(t, tr, ps[0][0], ps[-1][0], " ".join(b for _, b in ps)) for t, tr, ps in chapters]
    overview = {page: body for page, body in bodies if page in OVERVIEW_PAGES}
    last = raw[-1][0] if raw else 0
    return CleanDocument(
        doc_id, title, pages, f"1–{last}" if last else "", build_catalogue(doc_id, spans, overview, toc)
    )


def _clean_body(body: str) -> str:
    body = cleaning.join_inline_hyphenation(body)
    body = cleaning.remove_empty_bullets(body)
    body = cleaning.restore_range_dashes(body)
    return re.sub(r" {2,}", " ", body).strip()
