"""Cleaned documents: pages of text with their section headings, ready for chunking."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from gevinst.types import Proposal

SECTION_SEP = " › "
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3}) +([A-ZÆØÅ(][^\n]{1,100})$")
_BOX = re.compile(r"^((?:Boks|Figur|Tabel) \d+(?:\.\d+)?)(?: +([^\n]{0,120}))?$")
_MD = re.compile(r"^(#{1,6}) +(.+)$")


@dataclass
class CleanPage:
    page: int | None
    text: str
    sections: list[tuple[int, str]] = field(default_factory=list)  # (offset, heading path), sorted
    role: str = "body"  # body | overview
    original: str = ""  # the text before lost letters were restored (restore.py); empty when none were
    shifts: list[tuple[int, int]] = field(default_factory=list)  # (end of a restored word in text, original − text)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def section_at(self, offset: int) -> str:
        """The heading path in force at `offset`. A binary search: chunking asks once per chunk, and a
        scan of every heading each time made chunking quadratic on long texts with many headings.
        (`sections` is complete when the page is made; nothing appends to it later.)"""
        if self._starts is None:
            self._starts = [start for start, _ in self.sections]
        i = bisect_right(self._starts, offset)
        return self.sections[i - 1][1] if i else ""

    def original_offset(self, offset: int) -> int:
        """Where `offset` of the text (never inside a word) falls in the original text."""
        i = bisect_right(self.shifts, (offset, float("inf")))
        return offset + (self.shifts[i - 1][1] if i else 0)


@dataclass
class CleanDocument:
    doc_id: str
    title: str
    pages: list[CleanPage]
    pages_available: str = ""
    proposals: list[Proposal] = field(default_factory=list)


def is_heading_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 110 or stripped.endswith((".", ",", ";", ":", "?")):
        return False
    return bool(_NUMBERED.match(stripped) or _BOX.match(stripped) or _MD.match(stripped))


def heading_sections(text: str, unnumbered: bool = False) -> list[tuple[int, str]]:
    """Heading paths at the offsets where each heading starts.

    Numbered headings nest by their numbering (2 › 2.3); Boks/Figur labels and (optionally) short
    unnumbered title lines between blank lines nest under the last numbered heading."""
    sections: list[tuple[int, str]] = []
    stack: list[tuple[int, str]] = []  # (level, title)
    offset = 0
    lines = text.split("\n")
    for i, line in enumerate(lines):
        stripped = line.strip()
        level, title = _heading_level(stripped, lines, i, unnumbered)
        if level:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            sections.append((offset, SECTION_SEP.join(t for _, t in stack)))
        offset += len(line) + 1
    return sections


def _heading_level(stripped: str, lines: list[str], i: int, unnumbered: bool) -> tuple[int, str]:
    if not is_heading_line(stripped) and not (unnumbered and _is_title_line(lines, i)):
        return 0, ""
    if m := _MD.match(stripped):
        return len(m.group(1)), m.group(2).strip()
    if m := _NUMBERED.match(stripped):
        if len(stripped) > 90 or _looks_like_data(m.group(2)):
            return 0, ""
        return m.group(1).count(".") + 1, stripped
    return 8, stripped  # boxes, figures and unnumbered titles: below any numbered heading


def _looks_like_data(rest: str) -> bool:
    words = rest.split()
    digits = sum(any(ch.isdigit() for ch in w) for w in words)
    return digits > len(words) / 3


def _is_title_line(lines: list[str], i: int) -> bool:
    stripped = lines[i].strip()
    before = lines[i - 1].strip() if i > 0 else ""
    after = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return (
        3 <= len(stripped) <= 80
        and stripped[0].isupper()
        and not stripped.endswith((".", ",", ";", ":", "?", "!"))
        and not stripped.startswith(("-", "•"))
        and " | " not in stripped
        and not before
        and not after
    )
