"""Restoring lost æ/ø/å word by word: damaged words from kl-2009 (corpus-notes.md A) and words that must stay.

The restorer is built as ingest builds it: wordfreq's Danish list, the words of the four reports that kept
their letters, and the substitutes kl-2009's own words show."""

from __future__ import annotations

from functools import cache

import pytest

from gevinst.ingest.catalog import load_catalog
from gevinst.ingest.danish_letters import Restorer, repair_text
from gevinst.ingest.restore import restorer_for
from gevinst.ingest.wordlist import corpus_words, danish_wordlist

from ..conftest import REPORTS
from .test_corpus import chunks, cleaned

KL09 = "kl-2009-objektiv-sagsbehandling"


@cache
def restorer() -> Restorer:
    others = [doc_id for doc_id in load_catalog(REPORTS) if doc_id != KL09]
    return restorer_for(cleaned(KL09), danish_wordlist(corpus_words(c.text for d in others for c in chunks(d))))


# (as OCR wrote it in kl-2009, restored): every kind of substitute the notes list, and the quotes
DAMAGED = {
    "oe→ø (issue)": ("opgoerelser", "opgørelser"),
    "a→å (issue)": ("arligt", "årligt"),
    "a→æ (issue)": ("afhangigt", "afhængigt"),
    "e→ø (issue)": ("nedvendigt", "nødvendigt"),
    "a→å, o→ø, compound": ("boligstotteomradet", "boligstøtteområdet"),
    "listed stand-in pa": ("pa", "på"),
    "stand-in ogsa": ("ogsa", "også"),
    "ae→æ vaere": ("vaere", "være"),
    "listed stand-in vare": ("vare", "være"),
    "a→æ vasentlig": ("vasentlig", "væsentlig"),
    "a→æ fallesskab": ("fallesskab", "fællesskab"),
    "o→ø hoj": ("hoj", "høj"),
    "o→ø storre": ("storre", "større"),
    "é→å béde": ("béde", "både"),
    "é→å ogsé": ("ogsé", "også"),
    "é→å fé": ("fé", "få"),
    "i→å ridighed": ("ridighed", "rådighed"),
    "i→å siledes": ("siledes", "således"),
    "i→å bestiende": ("bestiende", "bestående"),
    "d→å sd": ("sd", "så"),
    "d→å drsager": ("drsager", "årsager"),
    "d→å ogsd": ("ogsd", "også"),
    "e→ø ensket": ("ensket", "ønsket"),
    "e→ø felgende": ("felgende", "følgende"),
    "e→ø lesning": ("lesning", "løsning"),
    "e→ø leveranderer": ("leveranderer", "leverandører"),
    "s→ø skonomisk": ("skonomisk", "økonomisk"),
    "g→ø lgsning": ("lgsning", "løsning"),
    "g→ø understgttelsen": ("understgttelsen", "understøttelsen"),
    "g→ø tidsforlgb": ("tidsforlgb", "tidsforløb"),
    "oe→ø noedvendige": ("noedvendige", "nødvendige"),
    "eo→ø fremmeode": ("fremmeode", "fremmøde"),
    "e→æ legges": ("legges", "lægges"),
    "ee→æ feelles": ("feelles", "fælles"),
    "ee→æ regeleendringer": ("regeleendringer", "regelændringer"),
    "z→æ fzlles": ("fzlles", "fælles"),
    "x→æ fxlles": ("fxlles", "fælles"),
    "zx→æ fzxlleskommunal": ("fzxlleskommunal", "fælleskommunal"),
    "ax→æ faxlles": ("faxlles", "fælles"),
    "az→æ forudsaztter": ("forudsaztter", "forudsætter"),
    "x→æ a→å malsxtningen": ("malsxtningen", "målsætningen"),
    "ia→å forhiand": ("forhiand", "forhånd"),
    "two letters tvargiende": ("tvargiende", "tværgående"),
    "inflected understottelsen": ("understottelsen", "understøttelsen"),
    "linking s selvbetjeningslosninger": ("selvbetjeningslosninger", "selvbetjeningsløsninger"),
    "compound lesevanskeligheder": ("lesevanskeligheder", "læsevanskeligheder"),
    "corpus word årligt over ærligt": ("arligt", "årligt"),
    # Derivational suffixes are heads of compounds though no list has them as words (-mæssig, -gøre, -gørelse)
    "suffix -mæssige": ("forretningsmassige", "forretningsmæssige"),
    "suffix -mæssige, ae": ("forretningsmaessige", "forretningsmæssige"),
    "suffix -mæssigt": ("begrebsmaessigt", "begrebsmæssigt"),
    "suffix -mæssig, not in the report": ("lovmassig", "lovmæssig"),
    "suffix -gørelse": ("statsliggorelse", "statsliggørelse"),
    "suffix -gørelsen, not in the report": ("synliggorelsen", "synliggørelsen"),
    "suffix -gør": ("umuliggor", "umuliggør"),
    # A compound as much a stretch either way, its head far more frequent restored
    "head -gøre over English gore": ("vanskeliggore", "vanskeliggøre"),
    "head hjælp over hjalp": ("selvhjalp", "selvhjælp"),
    "head -gøre over gore, a rarer modifier": ("ugyldiggore", "ugyldiggøre"),
    # A listed word the undamaged reports never use, for one they use often
    "domain: får over far": ("far", "får"),
    "domain: møder over moder": ("moder", "møder"),
    "domain: høste over hoste": ("hoste", "høste"),
    # A common three-letter head closes a compound after a modifier of five letters or more
    "short head mål": ("ledermal", "ledermål"),
    "short head mål, after kommune": ("kommunemal", "kommunemål"),
    # A verbal noun: a verb's stem + «-else», «-ing», «-ning», inflected, which the lists lack
    "verbal noun -else": ("hzftelsen", "hæftelsen"),
    "verbal noun -ing, a compound's head": ("sammenkeoringer", "sammenkøringer"),
    "verbal noun -ning": ("indhestningen", "indhøstningen"),
    "verbal noun -ning, uninflected": ("indhestning", "indhøstning"),
    "verbal noun -ning, a compound's head": ("skavvridning", "skævvridning"),
    # A bound prefix, no word of its own, opens a compound
    "prefix hid-": ("hidrorer", "hidrører"),
    "prefix ærke-": ("erkefjende", "ærkefjende"),
    # One OCR slip beside the lost letters: the letter dropped, misread as a letter no substitute has, two
    # letters for one, or a stray letter in a compound whose letters were restored
    "æ dropped": ("flles", "fælles"),
    "æ misread as w": ("fwlles", "fælles"),
    "æ read as two letters": ("rackke", "række"),
    "æ dropped at the start": ("ndring", "ændring"),
    "a stray letter in a compound": ("boligstottecomradet", "boligstøtteområdet"),
}


@pytest.mark.parametrize(("written", "restored"), DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_words_are_restored(written: str, restored: str) -> None:
    assert restorer().restore(written) == restored


# Words that are Danish as written (also where a restored form exists: «for»/«før», «sager»/«søger»,
# «lege»/«læge»), English words of the reports, names and compounds the list lacks.
KEEP = {
    "function words": "at af for den det de der som til med men har kan ikke".split(),
    "participles": "visiteret vurderet".split(),
    "listed words with a listed neighbour": "sager andre bor satte lege tre mener hele selv sted store".split(),
    "english": "back office shared service business case best practice software data management design".split(),
    "names": "Deloitte Deloittes KOMBIT Gladsaxe Horsens Vejle Hjørring Jensen Nielsen Aarhus Odense".split(),
    "acronyms": "KL IT KMD ATP CPR".split(),
    "inflected or compound, unlisted": "forvaltes intentionerne begrundelserne administrerbare kolliderer".split(),
    "compounds with a listed reading": "tilbagebetalingstiden digitaliseringsgevinsten forvaltningsretlige".split(),
    "a modifier restored is no likelier head (fore/føre)": "foreligge foreliggende".split(),
    "listed words the reports use (mail/mål, lege/læge, sager/søger)": "mail lege sager".split(),
    "a short head after a short modifier (bor|ære, ene|tæl)": "boraere enetel".split(),
    "a short head read either way (kvartal|smal, kvartals|mål)": ["kvartalsmal"],
    "a bound prefix is no word alone, nor its compound a stretch over a listed word": "hid hidtil".split(),
    "a three-letter verb stem that is no common verb (harmoni|sær|ing)": ["harmonisering"],
    "a slip that would leave no Danish letter, or a word the reports hardly use": (
        "urealiserede ukompliceret tforslaget opbrydning meddel skeles beriger digitaliseringsgev".split()
    ),
    "already Danish": "værdi årsværk økonomi nødvendigt fælleskommunal".split(),
}


@pytest.mark.parametrize("words", KEEP.values(), ids=KEEP.keys())
def test_words_that_are_danish_as_written_stay(words: list[str]) -> None:
    assert {w: repair_text(w, restorer())[0] for w in words} == {w: w for w in words}


def test_case_and_punctuation_are_kept() -> None:
    text = "Pa baggrund af «opgoerelser» (arligt) - KOMBIT's BOLIGSTOTTE: Nedvendigt!"
    restored, changes = repair_text(text, restorer())
    assert restored == "På baggrund af «opgørelser» (årligt) - KOMBIT's BOLIGSTØTTE: Nødvendigt!"
    assert [(text[c.start : c.end], c.restored) for c in changes] == [
        ("Pa", "På"), ("opgoerelser", "opgørelser"), ("arligt", "årligt"), ("BOLIGSTOTTE", "BOLIGSTØTTE"),
        ("Nedvendigt", "Nødvendigt"),
    ]  # fmt: skip


# A suffix written after a hyphen closes the compound the hyphen opened («it-mæssigt»); alone it is no word
HYPHENATED = {
    "-mæssigt after a hyphen": ("de it-massigt svagt stillede", "de it-mæssigt svagt stillede"),
    "-mæssige after a hyphen": ("it-massige omkostninger", "it-mæssige omkostninger"),
    "a word after a hyphen as before": ("hjxlp-til-selvbetjening", "hjælp-til-selvbetjening"),
    "a suffix alone stays": ("massigt og massige", "massigt og massige"),
}


@pytest.mark.parametrize(("written", "restored"), HYPHENATED.values(), ids=HYPHENATED.keys())
def test_a_suffix_after_a_hyphen_is_restored(written: str, restored: str) -> None:
    assert repair_text(written, restorer())[0] == restored
