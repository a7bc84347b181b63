"""Every cleaning step on real excerpts of the corpus (line numbers from shared/docs/corpus-notes.md)."""

import pytest

from gevinst.ingest import cleaning


def test_markdown_emphasis_is_stripped_fm_l93() -> None:
    text = "Boks 1.1 **Udbetaling Danmark: Færre penge til administration**\nSe *figur 2.1* nedenfor."
    assert cleaning.strip_markdown_emphasis(text) == (
        "Boks 1.1 Udbetaling Danmark: Færre penge til administration\nSe figur 2.1 nedenfor."
    )


def test_line_hyphenation_joins_words_but_keeps_real_hyphens_kl09() -> None:
    text = "Kommunalreformen og Kvalitetsre-\nformen. Sagsbehand-\n\nling”. Indkøb via it-\nindkeb og KOM-\nBIT."
    out = cleaning.join_line_hyphenation(text)
    assert "Kvalitetsreformen." in out
    assert "Sagsbehandling”." in out
    assert "it-indkeb" in out
    assert "KOMBIT" in out


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("over to tredjedele be-\nskaftiger sig", "over to tredjedele beskaftiger sig"),
        ("i den en-\nkelte kommune", "i den enkelte kommune"),
        ("de mange mu-\nligheder", "de mange muligheder"),
        ("en ny ud-\nvikling", "en ny udvikling"),
        ("indkøb af it-\nudvikling", "indkøb af it-udvikling"),
        ("mere e-\nhandel", "mere e-handel"),
        # OCR that lost æ/ø/å (kl-2009): the rest is a word once its letters are restored, and so is the whole
        ("it-\nonsker, gennemforelse", "it-onsker, gennemforelse"),
        ("hos it-\nleverandererne.", "hos it-leverandererne."),
        ("it-\nindkeb og", "it-indkeb og"),
        ("over to tredjedele be-\nskxftiger sig", "over to tredjedele beskxftiger sig"),
    ],
    ids=[
        "rest-is-no-word",
        "rest-is-no-word-2",
        "joined-is-a-word",
        "joined-is-a-word-2",
        "prefix-it",
        "prefix-e",
        "prefix-it-rest-restored",
        "prefix-it-rest-restored-inflected",
        "prefix-it-rest-restored-2",
        "joined-restored-is-a-word",
    ],
)
def test_a_short_syllable_before_a_line_break_joins_unless_it_is_a_prefix(text: str, joined: str) -> None:
    from gevinst.ingest.restore import is_word_once_restored

    assert cleaning.join_line_hyphenation(text, is_word_once_restored) == joined


def test_line_hyphenation_keeps_hyphen_before_og() -> None:
    assert cleaning.join_line_hyphenation("drifts-\nog kapacitetsstyring") == "drifts- og kapacitetsstyring"


def test_inline_hyphenation_residue_kl14_l216() -> None:
    out = cleaning.join_inline_hyphenation("diver- se til- bud og E- handel, beskæftigelses- og sundhed")
    assert out == "diverse tilbud og E-handel, beskæftigelses- og sundhed"


def test_bare_page_numbers_are_dropped_kl09_l1066() -> None:
    text = "I forbindelse med\n27\nberegningen af potentialet"
    assert cleaning.drop_page_number_lines(text) == "I forbindelse med\nberegningen af potentialet"


def test_unwrap_joins_wrapped_lines_and_double_spaced_box_kl09_l1178() -> None:
    text = "354 arsvark eller 170 mio.\n\nkr. arligt i kommunerne\n\nNy sætning."
    out = cleaning.unwrap_lines(text)
    assert "170 mio. kr. arligt" in out
    assert "\n\nNy sætning." in out


def test_sentence_cut_by_page_gap_is_joined_kl09_l49() -> None:
    text = "Efter salget af KMD har\n\n\n\nkommunerne etableret KOMBIT"
    assert cleaning.join_paragraphs_broken_by_blank_runs(text) == "Efter salget af KMD har kommunerne etableret KOMBIT"


def test_tab_tables_keep_one_row_per_line_kombit() -> None:
    text = "Journaliser og fordel (scan, fordel, opret sag, stamdata mv.)\t18%\t85%\t15%"
    assert (
        cleaning.tabs_to_cells(text)
        == "Journaliser og fordel (scan, fordel, opret sag, stamdata mv.) | 18% | 85% | 15%"
    )


def test_html_left_by_a_scrape_is_stripped_kombit_l305() -> None:
    """A scraped table cell keeps its HTML («<p>…</p> <ul style="…"> • …»): markup is not report content; the
    words, the bullets and a «<http://…>» link of the text itself stay."""
    text = (
        "God service til borgere\t<p>Service og kvalitet er uklare mål. Fx:</p> "
        '<ul style="list-style-type: none"> • Sagsbehandlingstiden skal reduceres<br/> • Flere korrekte '
        "udbetalinger</ul>\n¹ <http://www.kl.dk/id154639/> og 3 < 5"
    )
    assert cleaning.strip_markup(text) == (
        "God service til borgere\t Service og kvalitet er uklare mål. Fx: • Sagsbehandlingstiden skal "
        "reduceres • Flere korrekte udbetalinger \n¹ <http://www.kl.dk/id154639/> og 3 < 5"
    )


def test_bullets_are_normalised_kl09() -> None:
    out = cleaning.normalize_bullets("e Forenkling af regler\n¢ Digital selvbetjening\n-\n")
    assert out.splitlines() == ["- Forenkling af regler", "- Digital selvbetjening"]


def test_empty_bullets_removed_klk_l410() -> None:
    assert cleaning.remove_empty_bullets("Nøgletal o o o o Antallet af sager") == "Nøgletal Antallet af sager"


def test_continuation_marker_removed_fm_l97() -> None:
    assert cleaning.remove_continuation_markers("administration.\nfortsættes...\nBoks") == "administration.\nBoks"


def test_url_footnote_removed_kombit() -> None:
    text = "Samlet*\n¹ <http://www.kl.dk/Beskaftigelse-og-integration1/Tidsmaling-id154639/>\nTre centrale"
    assert cleaning.drop_url_footnotes(text) == "Samlet*\nTre centrale"


def test_box_labels_merge_with_their_title_fm_l133() -> None:
    out = cleaning.merge_box_labels("Boks 1.3\n\nNy sygehusstruktur og samling af den akutte behandling\n")
    assert out.startswith("Boks 1.3 Ny sygehusstruktur")


def test_whitespace_normalisation() -> None:
    assert cleaning.normalize_whitespace("a\u00a0b  c\u00adx \r\nd") == "a b cx\nd"


# «mellem» + two bare numbers + a unit: the range's dash was lost in the scrape (corpus-notes: en dashes lost)
LOST_RANGE_DASHES = {
    "amount range klk-p148": (
        "ligger således mellem 3 15 mio. kr. (2015-tal)",
        "ligger således mellem 3-15 mio. kr. (2015-tal)",
    ),
    "percent range": ("et potentiale mellem 15 25 % af ressourcerne", "et potentiale mellem 15-25 % af ressourcerne"),
    "decimal range": ("mellem 1,5 2,5 årsværk", "mellem 1,5-2,5 årsværk"),
    "kept: «og» range": ("mellem 3 og 15 mio. kr.", "mellem 3 og 15 mio. kr."),
    "kept: years without a unit": ("mellem 2015 2017 og senere", "mellem 2015 2017 og senere"),
    "kept: a table row": ("Billund 7,09 6,05 NN", "Billund 7,09 6,05 NN"),
}


@pytest.mark.parametrize(("text", "cleaned"), LOST_RANGE_DASHES.values(), ids=LOST_RANGE_DASHES.keys())
def test_a_range_that_lost_its_dash_gets_it_back(text: str, cleaned: str) -> None:
    assert cleaning.restore_range_dashes(text) == cleaned
