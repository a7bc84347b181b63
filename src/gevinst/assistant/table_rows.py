"""A table row read from a flattened table: the reports' tables reach the index as one run of text («Kommune
Antal udsat skolestart i 2015 (%) Antal udsat skolestart i 2016 (%) Billund 7,09 6,05 NN …», «Tabel
Nettodriftsudgifter …, 1000 kr. Kommune Nettoudgifter pr. helårsanbragt Aabenraa 537 … Holbæk 884 …»). When a
figure question names an entity that heads such a row, the row's figures are stated on one line with the unit
the table itself gives, so the manager need not hunt the run for them. Every figure is copied from the passage;
the unit only from the table's own header or caption; a row that is not clearly a table row gives nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gevinst.danish_numbers import parse_number
from gevinst.index import textnorm

_NUM = re.compile(r"(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?")
_WORD = re.compile(r"[^\W\d_][\w\-]*")
# A sentence ends at a full stop before a capital; «pr. helårsanbragt» and «1.4 i» do not end one.
_SENTENCE_END = re.compile(r"[.!?:]\s+(?=[A-ZÆØÅ])")
_CAPTION = re.compile(r"\b(?:Tabel|Table)\b")
_PERCENT_COLUMN = re.compile(r"\(\s*%\s*\)|\(\s*pct\.?\s*\)")
# A caption's or header's unit, as the table gives it, and how the answer writes it.
_UNITS = (
    (re.compile(r"\b1[.]?000\s*kr\b|\bt\.\s?kr\b|\btkr\b|\btusinde? kr", re.I), "t.kr."),
    (re.compile(r"\bmio\.?\s*kr\b|\bmillioner kr", re.I), "mio. kr."),
    (re.compile(r"\bmia\.?\s*kr\b|\bmilliarder kr", re.I), "mia. kr."),
)
_SHARE_WORD = re.compile(r"%|\bpct\b|\bprocent", re.I)
_MAX_HEADER_WORDS = 40


@dataclass(frozen=True)
class TableRow:
    label: str  # the row's name as the passage writes it
    figures: tuple[str, ...]  # verbatim
    unit: str  # "%", "t.kr.", … or "" when the table does not settle one for every column
    columns: tuple[str, ...]  # one label per figure, or () when the header does not split cleanly
    header: str
    caption: str

    def line(self) -> str:
        """«Billund: 7,09 % (Antal udsat skolestart i 2015); 6,05 % (…)»"""
        cells = [f"{f} {self.unit}".rstrip() for f in self.figures]
        if self.columns:
            cells = [f"{c} ({label})" for c, label in zip(cells, self.columns)]
        said = f"{self.label}: {'; '.join(cells)}"
        return f"{said} – {self.caption}" if self.caption else said


def rows_named(text: str, name: str) -> list[TableRow]:
    """Every table row of `text` headed by `name` (or its genitive's stem, «Holbæks», «Varde's» → «Varde»)."""
    bare = re.sub(r"['’]s?$", "", name)  # «Varde's», «Aars'»
    names = {bare, bare[:-1]} if bare == name and name.endswith("s") and len(name) > 3 else {bare}
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    out = []
    for i, (word, _, _) in enumerate(tokens):
        if word in names and (row := _row_at(text, tokens, i)) is not None:
            out.append(row)
    return out


def _is_num(token: str) -> bool:
    return bool(_NUM.fullmatch(token))


def _figures_after(tokens: list[tuple[str, int, int]], i: int) -> int:
    n = i + 1
    while n < len(tokens) and _is_num(tokens[n][0]):
        n += 1
    return n - i - 1


def _row_at(text: str, tokens: list[tuple[str, int, int]], i: int) -> TableRow | None:
    """The row headed by token i, when it is one: figures right after the name, no running prose after them
    («Holbæk 884 borgere fik …» is a sentence), and a table around it: another row of as many figures, or a
    header that splits into as many columns."""
    k = _figures_after(tokens, i)
    if not k:
        return None
    after = tokens[i + k + 1][0] if i + k + 1 < len(tokens) else ""
    if after and not after[:1].isupper():
        return None
    start = _run_start(tokens, i, k)
    header, caption = _header(text, tokens[start][1])
    if not header or len(header.split()) > _MAX_HEADER_WORDS:
        return None
    columns = _columns(header, k)
    neighbours = start < i or _figures_after(tokens, i + k + 1) == k
    if not (neighbours or k > 1 and columns):  # one name and one figure alone is no table
        return None
    figures = tuple(t for t, _, _ in tokens[i + 1 : i + k + 1])
    unit = _unit(header, caption, k)
    if not (unit or columns):  # bare figures in a row of unknown columns say no more than the quoted run
        return None
    return TableRow(tokens[i][0], figures, unit, columns, header, caption)


def _run_start(tokens: list[tuple[str, int, int]], i: int, k: int) -> int:
    """The first row of the run the row at i belongs to: rows of one capitalised name and k figures."""
    start = i
    while (j := start - k - 1) >= 0 and _WORD.fullmatch(tokens[j][0]) and tokens[j][0][:1].isupper():
        if _figures_after(tokens, j) != k or _years(tokens[j + 1 : start]) and not _years(tokens[i + 1 : i + k + 1]):
            break  # «Kommune 2015 2016 Aarhus 12,5 13,1»: a row of years over rows of figures is the header
        start = j
    return start


def _years(tokens: list[tuple[str, int, int]]) -> bool:
    return all(re.fullmatch(r"(?:19|20)\d\d", t) for t, _, _ in tokens)


def _header(text: str, run_start: int) -> tuple[str, str]:
    """The header (from the last sentence end before the first row) and the caption (the sentence before it,
    from «Tabel» on) of the table whose rows start at `run_start`."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, run_start + 1)]  # the capital after may be the row's
    begin = ends[-1] if ends else 0
    header = text[begin:run_start].strip()
    caption = ""
    if ends:
        before = text[ends[-2] if len(ends) > 1 else 0 : begin]
        if found := list(_CAPTION.finditer(before)):
            caption = before[found[-1].start() :].strip()
    if found := list(_CAPTION.finditer(header)):  # no full stop between the caption and the header
        caption, header = header[found[-1].start() :], ""
    return header, caption


def _columns(header: str, k: int) -> tuple[str, ...]:
    """The header's column labels, one per figure, when it splits cleanly: by «(%)» after every column, or into k
    years; the first word heads the column of names («Kommune»). One figure: the rest of the header."""
    words = header.split()
    if len(words) < 2 or not words[1][:1].isupper() and not _is_num(words[1]):
        return ()
    rest = " ".join(words[1:])
    if k == 1:
        return (rest,)
    parts = _PERCENT_COLUMN.split(rest)
    if len(parts) == k + 1 and not parts[-1].strip():
        return tuple(p.strip() for p in parts[:-1])
    if len(words) == k + 1 and _years([(w, 0, 0) for w in words[1:]]):
        return tuple(words[1:])
    return ()


def _unit(header: str, caption: str, k: int) -> str:
    """«%» when every column says «(%)»; a money scale when it is the only unit given and covers every column:
    the caption's, or the header's when it has one column. A header that also speaks of percentages
    («Udgifter (tusinde kr.) Andel i pct») mixes units, so no unit is given."""
    percents = len(_PERCENT_COLUMN.findall(header))
    if percents == k and not any(p.search(f"{caption} {header}") for p, _ in _UNITS):
        return "%"
    if _SHARE_WORD.search(header):
        return ""
    money = {unit for pattern, unit in _UNITS if pattern.search(caption if k > 1 else f"{caption} {header}")}
    return money.pop() if len(money) == 1 else ""


def best_row(texts: dict[int, str], names: tuple[str, ...], terms: tuple[str, ...]) -> tuple[int, TableRow] | None:
    """The row named in the question, in one of the passages `texts` (by their place), whose table (header and
    caption) shares most of the question's other words; none when no table shares a word, or two rows with
    different figures share as many."""
    named = {t for name in names for t in textnorm.tokens(name)}
    wanted = set(terms) - named

    def shared(row: TableRow) -> int:
        return len(wanted & set(textnorm.tokens(f"{row.caption} {row.header}")))

    rows = [(shared(r), p, r) for p, text in texts.items() for name in names for r in rows_named(text, name)]
    best = max((s for s, _, _ in rows), default=0)
    top = [(p, r) for s, p, r in rows if s == best]
    if not best or len({r.figures for _, r in top}) != 1:
        return None
    return top[0]


def table_runs(text: str) -> list[list[TableRow]]:
    """The runs of one-figure rows in `text` («Aabenraa 537 Varde 594 … Holbæk 884»), each run under one header."""
    tokens = [(m.group(0), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    runs: dict[tuple[str, str], list[TableRow]] = {}
    for i, (word, _, _) in enumerate(tokens):
        if _WORD.fullmatch(word) and word[:1].isupper() and (row := _row_at(text, tokens, i)) and len(row.figures) == 1:
            runs.setdefault((row.header, row.caption), []).append(row)
    return list(runs.values())


def extremes(texts: dict[int, str], terms: tuple[str, ...]) -> tuple[int, TableRow, TableRow] | None:
    """The highest and the lowest row of the table, in one of the passages `texts` (by their place), whose caption
    and header share most of the question's words: a ranking question («hvilken kommune havde de højeste …») is
    answered by the table's ends. None when no table of three rows or more shares a word, or two tie."""

    def shared(row: TableRow) -> int:
        return len(set(terms) & set(textnorm.tokens(f"{row.caption} {row.header}")))

    runs = [(shared(run[0]), p, run) for p, text in texts.items() for run in table_runs(text) if len(run) >= 3]
    best = max((s for s, _, _ in runs), default=0)
    top = [(p, run) for s, p, run in runs if s == best]
    if not best or len(top) != 1:
        return None
    passage, run = top[0]
    ranked = sorted(((parse_number(r.figures[0])[0], r) for r in run), key=lambda valued: valued[0])
    if ranked[0][0] == ranked[1][0] or ranked[-1][0] == ranked[-2][0]:
        return None  # a tie at either end names no one row
    return passage, ranked[-1][1], ranked[0][1]
