"""Small named cleaning steps, each a pure function over text. Per-document rules compose them (profiles.py).

Every step fixes one problem listed in shared/docs/corpus-notes.md and is tested on a real excerpt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LOWER = "a-zæøåéü"
_UPPER = "A-ZÆØÅÉ"
_KEEP_HYPHEN_BEFORE = {"og", "eller", "samt", "til", "and", "or"}


def normalize_whitespace(text: str) -> str:
    """CRLF, soft hyphens, non-breaking spaces and trailing blanks; runs of spaces fold to one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "").replace("\u00a0", " ")
    # Per line, not re.sub(r"[ \t]*\n"): that regex rescans a long run of blanks from every position in it.
    lines = text.split("\n")
    text = "\n".join([line.rstrip(" \t") for line in lines[:-1]] + lines[-1:])
    return re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)


# HTML elements a scrape leaves in a text («<p>…</p> <ul style="…"> • …» in kombit's table cells); a «<http://…>»
# link or «3 < 5» is text, not one of these.
_MARKUP = re.compile(
    r"</?(?:p|ul|ol|li|br|div|span|strong|em|b|i|u|a|h[1-6]|table|thead|tbody|tr|td|th|sup|sub|font)"
    r"(?:\s[^<>\n]*)?/?>",
    re.IGNORECASE,
)


def strip_markup(text: str) -> str:
    """HTML tags left by a scrape go (the words between them stay); a tag's place is one space."""
    stripped, found = _MARKUP.subn(" ", text)
    return re.sub(r"(?<=\S) {2,}", " ", stripped) if found else text


def strip_markdown_emphasis(text: str) -> str:
    """«**Udbetaling Danmark: …**» and «*boks 1.1*» from the converter: keep the words, drop the stars."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    return re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])", r"\1", text)


def join_line_hyphenation(text: str, is_word: Callable[[str], bool] | None = None) -> str:
    """«Kvalitetsre-» + «formen» → «Kvalitetsreformen», also across one blank line; keeps «it-» + «indkøb».
    After a syllable of one or two letters the hyphen stays (a prefix like «it-», «e-») unless `is_word` says the
    joined form is a word («om-» + «råder», «mu-» + «ligheder») or the part after it is none («be-» + «skæftiger»,
    «en-» + «kelte»); for OCR that lost æ/ø/å, `is_word` judges a word by its letters restored («it-» + «onsker»)."""

    def fix(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if right.lower() in _KEEP_HYPHEN_BEFORE:
            return f"{left}- {right}"
        short = len(left) <= 2 and left.islower()
        if short and is_word is not None:
            short = not is_word(left + right) and is_word(right)
        keep = short or (left.isupper() and right.islower())
        return f"{left}-{right}" if keep else f"{left}{right}"

    # The look-behind starts a match only at a word's first letter (else a long word is rescanned from
    # each of its letters); a match from inside a word would have failed from its start too.
    letters = f"{_LOWER}{_UPPER}"
    return re.sub(rf"(?<![{letters}])([{letters}]+)-[ \t]*\n(?:[ \t]*\n)?[ \t]*([{letters}]+)", fix, text)


def join_inline_hyphenation(text: str) -> str:
    """Converter residue «diver- se», «til- bud» → «diverse», «tilbud»; «E- handel» → «E-handel»."""
    text = re.sub(rf"\b([{_UPPER}][{_LOWER}]{{0,3}})- ([{_LOWER}{_UPPER}]{{2,}})", r"\1-\2", text)

    def fix(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        return m.group(0) if right in _KEEP_HYPHEN_BEFORE else left + right

    return re.sub(rf"\b([{_LOWER}]{{3,}})- ([{_LOWER}]{{2,}})\b", fix, text)


def drop_page_number_lines(text: str) -> str:
    """Bare page numbers on a line of their own (OCR) are not data: «15», «27», «32»."""
    return re.sub(r"(?m)^[ \t]*\d{1,3}[ \t]*$\n?", "", text)


def unwrap_lines(text: str) -> str:
    """Hard-wrapped paragraphs become one line; a line starting in lower case continues the previous one,
    even across a single blank line (double-spaced boxes: «354 arsvark eller 170 mio.» / «kr. arligt»)."""
    text = re.sub(rf"(?<=[^\s.:;!?])\n[ \t]*(?=[{_LOWER}0-9(\"“”‘’'—–-])", " ", text)
    text = re.sub(rf"(?<=\S)\n[ \t]*(?=[{_LOWER}])", " ", text)
    text = re.sub(rf"(?<=[^\s.:;!?])\n\n[ \t]*(?=[{_LOWER}])", " ", text)
    text = re.sub(rf"(?<=\S)\n\n[ \t]*(?=[{_LOWER}])", " ", text)
    return text


def join_paragraphs_broken_by_blank_runs(text: str) -> str:
    """Page breaks show as 3+ blank lines; a sentence cut there («Efter salget af KMD har» /
    «kommunerne etableret KOMBIT») is joined when the first part does not end a sentence."""
    return re.sub(rf"(?<=[{_LOWER},])\n(?:[ \t]*\n){{2,}}[ \t]*(?=[{_LOWER}])", " ", text)


def collapse_blank_runs(text: str) -> str:
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def tabs_to_cells(text: str) -> str:
    """Tab-separated table rows stay one line, cells joined by « | » so a row remains one unit."""
    return "\n".join(
        " | ".join(c.strip() for c in line.split("\t")) if "\t" in line else line for line in text.split("\n")
    )


def normalize_bullets(text: str) -> str:
    """OCR and converter bullet glyphs («e », «o », «* », «¢», «°», «•», a lone «.») become «- »."""
    text = re.sub(r"(?m)^[ \t]*(?:[•¢°*·]|[eo](?= [A-ZÆØÅa-zæøå]{2})|\.(?= [A-ZÆØÅ]))[ \t]+", "- ", text)
    return re.sub(r"(?m)^[ \t]*-[ \t]*$\n?", "", text)


def remove_empty_bullets(text: str) -> str:
    """Flattened empty bullet lists «o o o o» carry nothing."""
    return re.sub(r"(?:\bo ){2,}(?:o\b)?", "", text)


def remove_continuation_markers(text: str) -> str:
    """«fortsættes...» inside a box that continues after a figure."""
    return re.sub(r"(?im)^[ \t]*fortsættes\.{2,}[ \t]*$\n?", "", text)


def drop_url_footnotes(text: str) -> str:
    """Footnote lines that hold only a link («¹ <http://www.kl.dk/…>»)."""
    return re.sub(r"(?m)^[ \t]*[¹²³⁴⁵⁶⁷⁸⁹0-9]*[ \t]*<?https?://\S+>?[ \t]*$\n?", "", text)


def merge_box_labels(text: str) -> str:
    """«Boks 1.3» / blank / «Ny sygehusstruktur …» → «Boks 1.3 Ny sygehusstruktur …» (one heading)."""
    return re.sub(r"(?m)^((?:Boks|Figur|Tabel) \d+(?:\.\d+)?)[ \t]*\n(?:[ \t]*\n)?(?=\S)", r"\1 ", text)


# «mellem 3 15 mio. kr.»: Danish writes a range «mellem 3 og 15» or «mellem 3-15»; two bare numbers after
# «mellem» before a unit are a range whose dash the scrape lost (klk, corpus-notes: en dashes lost).
_LOST_RANGE_DASH = re.compile(
    r"\b(mellem \d+(?:,\d+)?) (\d+(?:,\d+)?)(?= (?:%|pct\b|procent\b|mio\b|mia\b|t\.kr\b|kr\b|årsværk\b|timer\b"
    r"|dage\b|uger\b|måneder\b|år\b))",
    re.IGNORECASE,
)


def restore_range_dashes(text: str) -> str:
    return _LOST_RANGE_DASH.sub(r"\1-\2", text)
