"""The proposal catalogue of `klk-2017-kommunale-veje`: one `Proposal` per chapter, its sections (mål, indhold,
potentiale) as the report writes them, and the proposals whose chapters lie beyond the file's last page (201),
which only the report's overview (pp. 7–13) and table of contents name. See shared/docs/corpus-notes.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gevinst.sentences import sentence_spans
from gevinst.types import Proposal

# The chapter template's headings, each followed by its text (a capital letter); the report has no line breaks.
HEADINGS = (
    "Indhold og formål",
    "Motivation for forslaget",
    "Potentiale",
    "Konkretisering af forslaget",
    "Kommunale erfaringer med forslagene",
    "Data og business case",
    "Data, business case og effekt",
    "Delelementer, businesscase og effekt",
    "Delelement, businesscase og effekt",
    "Overblik",
    "Effekt",
    "Implementering",
)
_HEADING = re.compile(r"\b(" + "|".join(re.escape(h) for h in HEADINGS) + r") (?=[A-ZÆØÅ0-9])")
_EFFECT_HEADINGS = {h for h in HEADINGS if "effekt" in h.lower() or "business" in h.lower()}
# The template's unfilled blanks («udgør XXX», «X ressourcer», «fra kr. XXX i 2016 til YYY»)
PLACEHOLDER = re.compile(r"\b(?:X{1,8}|Y{2,4})\b")
_FIGURE = re.compile(r"\d+(?:,\d+)?(?:\s?-\s?\d+(?:,\d+)?)? ?(?:%|mio\. kr|mia\. kr|kr\.|årsværk)")
_POTENTIAL_WORDS = re.compile(
    r"potentiale|besparelse|spare|effektivis|gevinst|rationale|reduc|reduk|nedbring|frigø", re.IGNORECASE
)
# An estimate («forventes», «vurderes», «kan»), not a finding or a past result («viser», «har medført»)
_ESTIMATE = re.compile(r"forvent|vurder|estimer|skøn|potentiale|\b(?:kan|vil|kunne)\b", re.IGNORECASE)
_EXAMPLE = re.compile(r"\b(?:fx|f\.eks\.|eksempel)\b", re.IGNORECASE)
_GOAL = re.compile(r"\b[Ff]ormål|\bForslaget (?:går ud på|handler om|fokuserer på|omhandler)")
# A sentence about a named municipality («I Aabenraa Kommune …», «Holbæk Kommune forventer …») gives its
# example, not the proposal's own potential; one that cites a municipality late («… bl.a. Københavns Kommune
# til at være 5-10 %») may state it.
_MUNICIPALITY = re.compile(r"\b[A-ZÆØÅ][\wæøå]+(?:-[A-ZÆØÅ][\wæøå]+)? Kommunes?\b|\bKommune \d|\bKK\b")
_CONTENT_CHARS = 900
_SUBJECT_CHARS = 60
_OVERVIEW_LABELS = re.compile(r"Titel (?:med link til|på) forslag|Resumé af forslag|Mulige gevinster")


@dataclass(frozen=True)
class Chapter:
    title: str
    track: str
    first_page: int
    last_page: int
    text: str  # the chapter's pages, joined


def area_name(track: str) -> str:
    """«VOKSEN HANDICAP OG PSYKIATRI» → «Voksen handicap og psykiatri», as the report names its tracks in text."""
    return track.capitalize()


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text)]


def without_placeholders(text: str) -> list[str]:
    """The text's sentences, less those that are the template's unfilled blanks."""
    return [s for s in sentences(text) if not PLACEHOLDER.search(s)]


def sections(text: str) -> dict[str, str]:
    """Heading → its text, up to the next heading; "" → the opening before the first heading."""
    found = list(_HEADING.finditer(text))
    out = {"": text[: found[0].start()] if found else text}
    for m, nxt in zip(found, [*found[1:], None]):
        out.setdefault(m.group(1), text[m.end() : nxt.start() if nxt else len(text)])
    return out


def _clip(parts: list[str], limit: int = _CONTENT_CHARS) -> str:
    """Whole sentences up to `limit` characters (at least one): a field never ends mid-sentence."""
    kept: list[str] = []
    for part in parts:
        if kept and sum(len(k) + 1 for k in kept) + len(part) > limit:
            break
        kept.append(part)
    return " ".join(kept)


def _states_potential(sentence: str) -> bool:
    """A figure, a word of savings and an estimate, not an example or a named municipality's result."""
    return bool(
        _FIGURE.search(sentence)
        and _POTENTIAL_WORDS.search(sentence)
        and _ESTIMATE.search(sentence)
        and not _EXAMPLE.search(sentence)
        and not _MUNICIPALITY.search(sentence[:_SUBJECT_CHARS])
    )


def stated_potential(parts: dict[str, str]) -> str:
    """The report's own statement of the potential: in the «Potentiale» section, else the chapter's opening,
    else its content, else its effect and business-case sections; a sentence with a figure and a word of
    savings stated as an estimate. "" when the chapter states none."""
    order = ["Potentiale", "", "Indhold og formål", *sorted(_EFFECT_HEADINGS)]
    for heading in order:
        for sentence in without_placeholders(parts.get(heading, "")):
            if _states_potential(sentence) and len(sentence) < 400:
                return sentence
    return ""


def chapter_proposal(doc_id: str, chapter: Chapter) -> Proposal:
    parts = sections(chapter.text.removeprefix(chapter.title).strip())
    content = without_placeholders(parts.get("Indhold og formål", ""))
    goal = next((s for s in content if _GOAL.search(s)), content[0] if content else "")
    content = [s for s in content if s != goal]  # each sentence in one field
    potential_section = without_placeholders(parts.get("Potentiale", ""))
    if not potential_section:  # the opening box states it («Samlet besparelse på 20 % over 3-4 år»)
        potential_section = [s for s in without_placeholders(parts[""]) if _states_potential(s)]
    return Proposal(
        doc_id,
        chapter.title,
        area_name(chapter.track),
        chapter.first_page,
        chapter.last_page,
        potential=stated_potential(parts),
        goal=goal,
        content=_clip(content),
        potential_section=_clip(potential_section),
    )


def tracks_in_contents(toc: str) -> list[str]:
    """The tracks the table of contents lists, in order: runs of capitalised words («SKOLE OG DAGTILBUD»)."""
    found = re.findall(r"\b[A-ZÆØÅ]{5,}(?: (?:OG|[A-ZÆØÅ]{2,}))*\b", toc)
    return [t for t in found if t != "INDLEDNING"]


def _restore_paragraph_sign(title: str) -> str:
    """The transcript drops every «§» (none is left in the file): a title never ends on a bare count, so
    «Gentænkning af 85» is «Gentænkning af § 85»."""
    return re.sub(r"\baf (\d{1,3}[a-z]?)$", r"af § \1", title)


def overview_proposals(doc_id: str, track: str, page: int, text: str, toc: str) -> list[Proposal]:
    """The proposals of a track whose chapters are not in the file, from its overview page: the titles (each
    named in the table of contents, less the figures the transcript dropped there) and, when each title has
    one, the summary sentence that follows them in the same order."""
    rest = _OVERVIEW_LABELS.sub(" ", text.split(track, 1)[1])
    segments = re.findall(r"[A-ZÆØÅ][^A-ZÆØÅ]*", re.sub(r"\s+", " ", rest))
    folded_toc = " " + re.sub(r"\s+", " ", toc) + " "
    titles: list[str] = []
    for segment in (s.strip() for s in segments):
        words = [w for w in segment.split() if not w.isdigit()]
        if re.search(r"[.,:;]", segment) or f" {' '.join(words)} " not in folded_toc:
            break
        titles.append(segment)
    after = rest[rest.index(titles[-1]) + len(titles[-1]) :] if titles else ""
    summaries = sentences(after)[: len(titles)]
    if len(summaries) < len(titles):
        summaries = [""] * len(titles)
    return [
        Proposal(doc_id, _restore_paragraph_sign(t), area_name(track), page, page, content=s, chapter_in_file=False)
        for t, s in zip(titles, summaries)
    ]


def build_catalogue(doc_id: str, chapters: list[Chapter], overview: dict[int, str], toc: str) -> list[Proposal]:
    """Every chapter's proposal, then those of the tracks the contents list but the file has no chapter of."""
    proposals = [chapter_proposal(doc_id, c) for c in chapters]
    with_chapters = {c.track for c in chapters}
    for track in tracks_in_contents(toc):
        if track in with_chapters:
            continue
        page = next((p for p, text in sorted(overview.items()) if track in text), None)
        if page is not None:
            proposals += overview_proposals(doc_id, track, page, overview[page], toc)
    return proposals
