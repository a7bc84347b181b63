"""Per-document cleaning rules, composed from the named steps in cleaning.py.

A document gets the rules of its kind: recognised by its id (the shipped reports) or by its shape
(a klk-style page transcript, a 'Transkript:' scrape). Anything else gets the generic text or PDF rules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from gevinst.ingest import cleaning, klk
from gevinst.ingest.document import CleanDocument, CleanPage, heading_sections
from gevinst.ingest.loaders import LoadedFile
from gevinst.ingest.pages import join_across_pages
from gevinst.ingest.restore import is_word_once_restored


def clean_loaded(loaded: LoadedFile, title: str) -> CleanDocument:
    # markup a scrape left is no report content, whatever the document's kind
    pages = [(page, cleaning.strip_markup(text)) for page, text in loaded.pages]
    if loaded.kind == "pdf":
        return clean_pdf(loaded.doc_id, title, pages)  # type: ignore[arg-type]
    text = pages[0][1]
    rule = TEXT_RULES.get(loaded.doc_id)
    if rule is None:
        if klk.looks_like_klk(text):
            rule = klk.clean_klk
        elif re.search(r"(?m)^Transkript:\s*$", text):
            rule = clean_transcript
        else:
            rule = clean_plain_text
    return rule(loaded.doc_id, title, text)


def _single_page(doc_id: str, title: str, text: str, unnumbered: bool = False) -> CleanDocument:
    text = cleaning.collapse_blank_runs(text)
    return CleanDocument(doc_id, title, [CleanPage(None, text, heading_sections(text, unnumbered))])


def clean_kombit(doc_id: str, title: str, text: str) -> CleanDocument:
    """Clean text with tab tables and a tabbed table of contents; no pages, so sections are cited."""
    text = cleaning.normalize_whitespace(text)
    text = re.sub(r"(?m)^\d+(?:\.\d+)*\t[^\t\n]+\t\d+$\n?", "", text)  # table of contents
    text = cleaning.drop_url_footnotes(text)
    text = cleaning.strip_markdown_emphasis(text)
    text = cleaning.tabs_to_cells(text)
    return _single_page(doc_id, title, text)  # (its collapse_blank_runs folds the runs of blank lines)


def clean_fm(doc_id: str, title: str, text: str) -> CleanDocument:
    """Duplicated cover pages, converter emphasis, box labels on their own line, a colophon at the end."""
    text = cleaning.normalize_whitespace(text)
    lines = text.split("\n")
    body_start = next((i for i, ln in enumerate(lines) if len(ln) > 150), 0)
    text = "\n".join(lines[body_start:])
    text = re.split(r"(?m)^\d{4}/\d{2}:\d+\s*$", text)[0]  # publication number starts the colophon
    text = cleaning.remove_continuation_markers(text)
    text = cleaning.strip_markdown_emphasis(text)
    text = cleaning.merge_box_labels(text)
    text = text.replace("\t", " – ")
    text = cleaning.normalize_bullets(text)
    return _single_page(doc_id, title, text, unnumbered=True)


def clean_ocr_report(doc_id: str, title: str, text: str) -> CleanDocument:
    """kl-2009: OCR with hard-wrapped lines, hyphenation across lines and blank lines, bare page numbers."""
    text = cleaning.normalize_whitespace(text)
    text = cleaning.drop_page_number_lines(text)
    text = cleaning.join_line_hyphenation(text, is_word_once_restored)
    text = cleaning.join_paragraphs_broken_by_blank_runs(text)
    text = cleaning.normalize_bullets(text)
    text = cleaning.unwrap_lines(text)
    return _single_page(doc_id, title, text)


def clean_transcript(doc_id: str, title: str, text: str) -> CleanDocument:
    """kl-2014: scraped 'related documents' above 'Transkript:'; then one page per line, the transcript's
    page number glued to the first word. Examples ('Eksempel 01 …') become sections."""
    text = cleaning.normalize_whitespace(text)
    text = re.split(r"(?m)^Transkript:\s*$", text, maxsplit=1)[-1]
    raw = []
    for line in text.split("\n"):
        m = re.match(r"^(\d{1,3}) (.+)$", line.strip())
        if m:
            raw.append((int(m.group(1)), cleaning.join_inline_hyphenation(m.group(2)).strip()))
    pages = []
    section = ""
    for page, body in join_across_pages(raw):
        m = re.match(r"^(Eksempel \d{2}) (.+?) \1\b", body)
        if m:
            section = f"{m.group(1)} {m.group(2)}"
        elif page <= 4:
            section = "Bedre og billigere administration i kommunerne"
        pages.append(CleanPage(page, body, [(0, section)] if section else [], "overview" if page == 2 else "body"))
    return CleanDocument(doc_id, title, pages, f"1–{pages[-1].page}" if pages else "")


def clean_plain_text(doc_id: str, title: str, text: str) -> CleanDocument:
    text = cleaning.normalize_whitespace(text)
    text = cleaning.strip_markdown_emphasis(text)
    text = cleaning.join_line_hyphenation(text, is_word_once_restored)
    text = cleaning.tabs_to_cells(text)
    text = cleaning.unwrap_lines(text)
    return _single_page(doc_id, title, text)


def clean_pdf(doc_id: str, title: str, pages: list[tuple[int, str]]) -> CleanDocument:
    """Pages from pypdf: running headers and footers (lines repeated on most pages) and bare page
    numbers go; hyphenation and hard wraps are joined within and across pages."""
    repeated = _running_lines(pages)
    cleaned = []
    for page, text in pages:
        lines = [ln for ln in cleaning.normalize_whitespace(text).split("\n") if _norm(ln) not in repeated]
        body = cleaning.drop_page_number_lines("\n".join(lines))
        body = cleaning.join_line_hyphenation(body, is_word_once_restored)
        body = cleaning.unwrap_lines(body)
        cleaned.append((page, cleaning.collapse_blank_runs(body)))
    out = []
    current = ""  # a section runs on over the following pages until the next heading
    for page, body in join_across_pages(cleaned):
        sections = heading_sections(body)
        if current and (not sections or sections[0][0] > 0):
            sections.insert(0, (0, current))
        if sections:
            current = sections[-1][1]
        out.append(CleanPage(page, body, sections))
    return CleanDocument(doc_id, title, out, f"1–{len(pages)}")


def _norm(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _running_lines(pages: list[tuple[int, str]]) -> set[str]:
    """Lines (digits folded) that open or close at least half of the pages, on documents of 3+ pages."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for _, text in pages:
        lines = [ln for ln in text.split("\n") if ln.strip()]
        counts.update({_norm(ln) for ln in lines[:2] + lines[-2:]})
    return {line for line, n in counts.items() if n >= max(3, len(pages) // 2) and line}


TEXT_RULES: dict[str, Callable[[str, str, str], CleanDocument]] = {
    "kombit-2014-gevinstrealisering-ky-ksd": clean_kombit,
    "fm-2017-faelles-loesninger": clean_fm,
    "kl-2009-objektiv-sagsbehandling": clean_ocr_report,
    "kl-2014-10-gode-eksempler": clean_transcript,
    "klk-2017-kommunale-veje": klk.clean_klk,
}
