"""A row of a flattened table is read only when it clearly is one; its unit only from the table's own header or
caption; the figures verbatim."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from gevinst.assistant.extractive import extremes_line, table_row_line
from gevinst.assistant.parse import parse_query
from gevinst.assistant.table_rows import best_row, extremes, rows_named
from gevinst.types import Chunk

PERCENT_TABLE = (
    "Kommune Antal udsat skolestart i 2015 (%) Antal udsat skolestart i 2016 (%) Billund 7,09 6,05 NN "
    "Tabel Sammenligningsgrundlag, enhedsudgifter."
)
CAPTION_TABLE = (
    "De fremgår af tabel for de deltagende kommuner. Tabel Nettodriftsudgifter til anbringelser, 2014 i 17-pl, "
    "1000 kr. Kommune Nettoudgifter pr. helårsanbragt Aabenraa 537 Varde 594 Holbæk 884 København 860 "
    "Realisering Arbejdstilrettelæggelsen er afgørende."
)
YEARS_TABLE = "Tabel Udgifter til vejdrift, mio. kr. Kommune 2015 2016 Aarhus 12,5 13,1 Odense 10,2 11,0"
HEADER_SCALE = "Tabel Nøgletal. Kommune Udgift pr. sag (1.000 kr.) Aabenraa 537 Varde 594 NN"
MIXED_TABLE = "Tabel Udgifter, 1000 kr. Kommune Udgift Andel (%) Aarhus 120 4,5 Odense 98 3,2"

READ = {
    "every column in percent": (PERCENT_TABLE, "Billund", ("7,09", "6,05"), "%", 2),
    "a caption's scale over a run": (CAPTION_TABLE, "Holbæk", ("884",), "t.kr.", 1),
    "a genitive name": (CAPTION_TABLE, "Holbæks", ("884",), "t.kr.", 1),
    "a genitive with an apostrophe": (CAPTION_TABLE, "Varde's", ("594",), "t.kr.", 1),
    "years as columns": (YEARS_TABLE, "Odense", ("10,2", "11,0"), "mio. kr.", 2),
    "a header's scale over its one column": (HEADER_SCALE, "Varde", ("594",), "t.kr.", 1),
}


@pytest.mark.parametrize(("text", "name", "figures", "unit", "columns"), READ.values(), ids=READ.keys())
def test_a_table_row_is_read(text: str, name: str, figures: tuple[str, ...], unit: str, columns: int) -> None:
    (row,) = rows_named(text, name)
    assert (row.figures, row.unit, len(row.columns)) == (figures, unit, columns)
    assert all(f in text for f in row.figures)


REJECTED = {
    "prose: a name then a number": ("Sidste år havde Holbæk 884 anbragte børn. Det er mange.", "Holbæk"),
    "prose: a number in brackets": ("Kommune Udgift Holbæk 884 (2014) blev brugt.", "Holbæk"),
    "the name absent": (PERCENT_TABLE, "Vejle"),
    "a name without figures": (PERCENT_TABLE, "NN"),
    "a header that does not split into the row's figures": (
        "Kommune Udgift (%) Antal børn Billund 7,09 6,05 NN",
        "Billund",
    ),
    "a numbered name opening a sentence": (
        "Kommune 2 har estimeret udgiften. Kommune 2 Beregninger baseret på.",
        "Kommune",
    ),
    "one row of one figure": ("Kommune Udgift Holbæk 884 Realisering af planen.", "Holbæk"),
    "two units: neither unit nor labels": (MIXED_TABLE, "Aarhus"),
    "a column's scale beside shares": (
        "Tabel Nøgletal. Kommune Udgifter (tusinde kr.) Andel i pct Nyborg 21,66 32,39 2 Varde 33,93 44,56 3",
        "Nyborg",
    ),
    "caption and header not apart": ("Se Tabel 3 Udgifter Kommune Billund 7,09 6,05 NN", "Billund"),
}


@pytest.mark.parametrize(("text", "name"), REJECTED.values(), ids=REJECTED.keys())
def test_no_row_is_read(text: str, name: str) -> None:
    assert rows_named(text, name) == []


TWO_TABLES = (
    "Tabel Andel med udsat børnehavestart. Kommune Udsat børnehavestart 2015 dagpleje (%) Udsat børnehavestart "
    "2016 dagpleje (%) Billund 0,33 0,42 NN Tabel Andel med udsat skolestart. " + PERCENT_TABLE
)
CHOICE = {
    "the table sharing the question's words": (("billund", "udsat", "skolestart"), ("7,09", "6,05")),
    "no table shares a word": (("billund", "budget"), None),
    "two tables share as many words": (("billund", "udsat"), None),
}


@pytest.mark.parametrize(("terms", "figures"), CHOICE.values(), ids=CHOICE.keys())
def test_the_row_of_the_table_the_question_is_about(terms: tuple[str, ...], figures: tuple[str, ...] | None) -> None:
    found = best_row({0: TWO_TABLES}, ("Billund",), terms)
    assert (found[1].figures if found else None) == figures


LINES = {
    "a figure question": (
        "Hvad var Holbæks nettodriftsudgift pr. helårsanbragt i 2014?",
        "Holbæk: 884 t.kr. (Nettoudgifter pr. helårsanbragt) – Tabel Nettodriftsudgifter til anbringelser, "
        "2014 i 17-pl, 1000 kr. [2]",
    ),
    "not a figure question": ("Hvorfor er Holbæks udgift til anbringelser høj?", ""),
}


@pytest.mark.parametrize(("question", "line"), LINES.values(), ids=LINES.keys())
def test_the_line_cites_the_passage_of_the_row(question: str, line: str) -> None:
    chunks = [Chunk("d", "t", 1, "s", 0, 12, "Anden tekst.", "a"), Chunk("d", "t", 2, "s", 0, 99, CAPTION_TABLE, "b")]
    chosen = [SimpleNamespace(passage=0), SimpleNamespace(passage=1)]
    assert table_row_line(parse_query(question)[0], chosen, chunks) == line  # type: ignore[arg-type]


TIED_TABLE = "Tabel Udgift pr. sag, 1000 kr. Kommune Udgift Aabenraa 537 Varde 884 Holbæk 884 København 860 NN"
TWO_ROWS = "Tabel Udgift pr. sag, 1000 kr. Kommune Udgift Aabenraa 537 Holbæk 884 NN"
ENDS = {
    "the highest and the lowest row": (CAPTION_TABLE, ("anbring",), ("Holbæk", "Aabenraa")),
    "a table the question does not name": (CAPTION_TABLE, ("vejdrift",), None),
    "a tie at the top": (TIED_TABLE, ("udgift",), None),
    "two rows are no ranking": (TWO_ROWS, ("udgift",), None),
    "rows of several figures": (YEARS_TABLE, ("udgift",), None),
}


@pytest.mark.parametrize(("text", "terms", "ends"), ENDS.values(), ids=ENDS.keys())
def test_the_ends_of_a_table(text: str, terms: tuple[str, ...], ends: tuple[str, str] | None) -> None:
    found = extremes({0: text}, terms)
    assert (None if found is None else (found[1].label, found[2].label)) == ends


EXTREMES = {
    "highest and lowest": (
        "Hvilken kommune havde de højeste og de laveste nettodriftsudgifter til anbringelser?",
        "Højest: Holbæk 884 t.kr.; Lavest: Aabenraa 537 t.kr. – Tabel Nettodriftsudgifter til anbringelser, "
        "2014 i 17-pl, 1000 kr. [2]",
    ),
    "the lowest only": (
        "Which municipality had the lowest net expenditure on placements (anbringelser)?",
        "Lowest: Aabenraa 537 t.kr. – Tabel Nettodriftsudgifter til anbringelser, 2014 i 17-pl, 1000 kr. [2]",
    ),
    "no ranking asked": ("Hvad var nettodriftsudgifterne til anbringelser?", ""),
}


@pytest.mark.parametrize(("question", "line"), EXTREMES.values(), ids=EXTREMES.keys())
def test_a_ranking_question_is_answered_by_the_ends_of_the_table(question: str, line: str) -> None:
    chunks = [Chunk("d", "t", 1, "s", 0, 12, "Anden tekst.", "a"), Chunk("d", "t", 2, "s", 0, 99, CAPTION_TABLE, "b")]
    chosen = [SimpleNamespace(passage=0), SimpleNamespace(passage=1)]
    assert extremes_line(parse_query(question)[0], chosen, chunks) == line  # type: ignore[arg-type]
