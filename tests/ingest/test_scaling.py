"""Per-text ingest steps take time in proportion to the text: each case runs a step on a few MB of text that
made a quadratic step run for hours; the generous timeout is a hang guard, not a speed target (those live
in bench/ingest_scaling.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[2] / "src")

DANISH = textwrap.dedent("""
    import random
    rng = random.Random(1)
    words = "kommunen besparelse årsværk bl.a. mio. kr. fx e-handel indkøb gevinsten potentialet og i på".split()
    text = "\\n\\n".join(
        " ".join(f"{' '.join(rng.choice(words) for _ in range(12)).capitalize()}." for _ in range(6))
        for _ in range(4200))
""")

CASES = {
    # 2 MB of report text through cleaning and chunking; the sentence splitter searched all text before
    # every full stop (400 KB took 188 s)
    "sentences": DANISH
    + textwrap.dedent("""
        from gevinst.ingest.chunking import chunk_document
        from gevinst.ingest.profiles import clean_plain_text
        assert len(text) > 2_000_000
        assert len(chunk_document(clean_plain_text("x", "t", text))) > 1000
    """),
    "long-word-hyphenation": textwrap.dedent("""
        from gevinst.ingest.cleaning import join_line_hyphenation
        assert join_line_hyphenation("a" * 2_000_000 + " Kvalitetsre-\\nformen") .endswith(" Kvalitetsreformen")
    """),
    "blank-run": textwrap.dedent("""
        from gevinst.ingest.cleaning import normalize_whitespace
        assert normalize_whitespace("a" + " " * 2_000_000 + "b \\nc") == "a b\\nc"
    """),
    "long-word-on-a-page": textwrap.dedent("""
        from gevinst.ingest.pages import join_across_pages
        pages = join_across_pages([(1, "a" * 2_000_000 + " vurde-"), (2, "ringen og mere")])
        assert pages[0][1].endswith(" vurderingen") and pages[1][1] == "og mere"
    """),
    # 2 MB of report text that lost its æ/ø/å, and 30 000 word types the word list lacks: detected, the
    # substitutes learned, and restored word by word (each type judged once)
    "lost-letters": DANISH
    + textwrap.dedent("""
        from collections import Counter
        from gevinst.ingest.danish_letters import Restorer, learn_substitutes, repair_text
        from gevinst.ingest.restore import letter_signal
        from gevinst.ingest.wordlist import LETTERS, danish_wordlist
        odd = " ".join("".join(rng.choice("abdefgiklmnoprstuv") for _ in range(rng.randint(5, 14))) for _ in range(30_000))
        text = (text + " " + odd).translate(str.maketrans("æøå", "aoa"))
        assert letter_signal(text).stand_ins > 10
        words = danish_wordlist(Counter(dict.fromkeys("kommunen besparelse årsværk indkøb gevinsten".split(), 20)))
        learn_substitutes(LETTERS.findall(text), words)
        restored, changes = repair_text(text, Restorer(words))
        assert " årsværk " in restored and len(changes) > 10_000
    """),
    # klk-shaped upload: pages 2-3 (the contents) of 2 MB and 20 000 chapter pages
    "contents-searched-per-page": DANISH
    + textwrap.dedent("""
        from gevinst.ingest.klk import clean_klk
        head = "{} Kommunale veje til effektivisering Side {} af 231 {}"
        lines = [head.format(1, 1, "x"), head.format(2, 2, text.replace("\\n", " ")), head.format(3, 3, "y")]
        lines += [f"{p} Kommunale veje til effektivisering Side {p} af Kommunen og mere {p}" for p in range(4, 20_004)]
        assert len(clean_klk("k", "t", "\\n".join(lines)).pages) == 20_003
    """),
}


@pytest.mark.parametrize("code", CASES.values(), ids=CASES.keys())
def test_step_finishes_on_megabytes_of_text(code: str) -> None:
    env = {**os.environ, "PYTHONPATH": SRC}
    try:
        run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=90)
    except subprocess.TimeoutExpired:
        pytest.fail("did not finish in 90 s (quadratic in the text length)")
    assert run.returncode == 0, run.stderr
