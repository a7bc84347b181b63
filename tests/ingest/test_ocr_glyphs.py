"""Glyph slips of OCR in a document that lost its æ/ø/å: «i» read as «1». The context (which words count things)
is learned from the shipped reports that kept their letters."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from gevinst.ingest import ingest
from gevinst.ingest.catalog import load_catalog
from gevinst.ingest.ocr_glyphs import GlyphContext, apply_changes, glyph_slips
from gevinst.settings import Settings

from ..conftest import REPORTS
from .test_corpus import chunks
from .test_restore import text_of

KL09 = "kl-2009-objektiv-sagsbehandling"


@cache
def context() -> GlyphContext:
    return GlyphContext.learn(c.text for d in load_catalog(REPORTS) if d != KL09 for c in chunks(d))


def repaired(text: str) -> str:
    return apply_changes(text, glyph_slips(text, context()))


# (as OCR wrote it in kl-2009 or could have, repaired); letters already restored, as restore.py runs it
SLIPS = {
    "preposition between words": ("det også 1 væsentlig udstrækning", "det også i væsentlig udstrækning"),
    "before a definite noun": ("nødvendige 1 kampen mod", "nødvendige i kampen mod"),
    "«i dag» after a verb": (
        "administreres 1 dag af cirka 2.000 årsværk",
        "administreres i dag af cirka 2.000 årsværk",
    ),
    "after a comma": ("stilling til, 1 hvilket omfang", "stilling til, i hvilket omfang"),
    "after a colon": ("Forberedelsesfase: 1 forberedelsesfasen", "Forberedelsesfase: i forberedelsesfasen"),
    "across a line break": ("vil indgå\n\n1 forhandlingerne", "vil indgå\n\ni forhandlingerne"),
    "before a name": ("projekter 1 KOMBIT, idet", "projekter i KOMBIT, idet"),
    "before a year": ("har KL 1 2008 anslået", "har KL i 2008 anslået"),
    "after an abbreviation": ("Det er f.eks. 1 dag årsag", "Det er f.eks. i dag årsag"),
    "after a closing quote": ("som “objektive” 1 statens analyse", "som “objektive” i statens analyse"),
    "after «(Se»": ("(Se 1 øvrigt afsnit 4.2.4", "(Se i øvrigt afsnit 4.2.4"),
    # real numbers stay
    "numbering noun before, «og» after": ("(punkt 1 og 4)", "(punkt 1 og 4)"),
    "numbering noun, capitalised": ("Figur 1 illustrerer", "Figur 1 illustrerer"),
    "a unit after": ("en besparelse på 1 mio. kr.", "en besparelse på 1 mio. kr."),
    "a counted noun after": ("omkring 1 årsværk", "omkring 1 årsværk"),
    "a count after «på»": ("på 1 medarbejder", "på 1 medarbejder"),
    "«1 år»": ("varer 1 år mere", "varer 1 år mere"),
    "a range": ("fra 1 til 5", "fra 1 til 5"),
    "a dash after": ("uge 1 - 5", "uge 1 - 5"),
    "percent": ("har 1 pct. flere", "har 1 pct. flere"),
    "in a table row": ("80-120 1 0", "80-120 1 0"),
    "a figure label": ("G 1 vejledning", "G 1 vejledning"),
    "after a full stop (a sentence may open with a number)": ("sager. 1 dag senere", "sager. 1 dag senere"),
}


@pytest.mark.parametrize(("written", "expected"), SLIPS.values(), ids=SLIPS.keys())
def test_glyph_slips_are_repaired_and_real_numbers_stay(written: str, expected: str) -> None:
    assert repaired(written) == expected


def test_the_changes_keep_the_offsets_of_the_text_as_written() -> None:
    text = "det også 1 væsentlig grad, sagde 1 og 2 af kommunerne"
    for change in glyph_slips(text, context()):
        assert text[change.start : change.end] == change.written


def test_an_ocr_damaged_upload_reads_i_and_an_undamaged_one_keeps_its_numbers(
    settings: Settings, small_corpus: Path
) -> None:
    from gevinst.assistant import build_assistant

    lossy = str.maketrans("æøåÆØÅ", "aoaAOA")
    damaged = text_of("fm-2017-faelles-loesninger")[:6000].translate(lossy)
    damaged += "\n\nDet vil ogsa 1 vaesentlig udstraekning reducere omkostningerne.\n"
    (small_corpus / "faelles.txt").write_text(damaged, encoding="utf-8")
    (small_corpus / "besparelse.txt").write_text(
        "# Besparelse\n\nKommunen har opnået en besparelse på 1 mio. kr. i 2016.\n", encoding="utf-8"
    )
    report = ingest([small_corpus], settings)
    assert report.ok and list(report.restored) == ["faelles"]
    chunk_texts = [c.text for c in build_assistant(settings).index.chunks]
    assert any("også i væsentlig udstrækning" in t for t in chunk_texts)
    assert any("besparelse på 1 mio. kr." in t for t in chunk_texts)
