import pytest

from gevinst.assistant.candidate import Candidate, quoted
from gevinst.assistant.headings import MAX_ITEMS, casing_of, headed_list, run_in_heading

# the corpus tells which words are common (written in lower case) and which capitalised pairs are names
CORPUS = [
    "God kommunikation og en tidlig dialog med borgerne giver færre klager; uddannelse af medarbejderne hjælper.",
    "Opgaven løses i Administrativ Service, og kommunen har samlet sikring og digitalisering.",
    "Medarbejderne i Slagelse Kommune arbejder med samskabelse, service og netværk; der skal være et netværk.",
    "Der er i arbejdet med sagerne fokus på effekt og netværk, og uddannelse gives.",
]
CASING = casing_of(CORPUS)


@pytest.mark.parametrize(
    ("sentence", "heading"),
    [
        pytest.param("Kommunikation Uddannelse af medarbejderne i at skrive kort.", "Kommunikation", id="one-word"),
        pytest.param(
            "Dialog og samskabelse Tidlig dialog giver hurtigere sager.", "Dialog og samskabelse", id="phrase"
        ),
        pytest.param("Netværk I arbejdet med sagerne skal der være fokus.", "Netværk", id="function-word-start"),
        pytest.param("Kvalitetssikring Der skal være skabeloner.", "Kvalitetssikring", id="compound-by-its-tail"),
        pytest.param("Administrativ Service er samlet i én enhed.", "", id="name-pair"),
        pytest.param("Slagelse Kommune har samlet opgaven.", "", id="place-name"),
        pytest.param("Medarbejderne arbejder i Administrativ Service med sager.", "", id="name-mid-sentence"),
        pytest.param("Kommunen har Service som mål.", "", id="verb-before-capital"),
        pytest.param("Der er fokus på Effekt af indsatsen.", "", id="function-word-first"),
        pytest.param("Dialog med borgerne giver færre klager.", "", id="ordinary-sentence"),
    ],
)
def test_run_in_heading(sentence: str, heading: str) -> None:
    at = run_in_heading(sentence, CASING)
    assert sentence[:at].strip() == heading


FIRST = (
    "Følgende punkter tjener som inspiration til den videre proces. Kommunikation Uddannelse af medarbejderne i "
    "at skrive kort. Den gode telefonsamtale kan også hjælpe. Netværk I arbejdet med sagerne deles skabeloner."
)
SECOND = "I arbejdet med sagerne deles skabeloner. Dialog og samskabelse Tidlig dialog giver hurtigere sager."
NEXT_SECTION = (
    "Dialog og samskabelse Tidlig dialog giver hurtigere sager. Effekt Hvad er gevinsten? Kommunikation Mere."
)


def _items(texts: list[str], following: dict[int, int], lead_end: int) -> list[str]:
    lead = Candidate(0, 0, lead_end, 1.0, 1.0)
    return [quoted(c, texts[c.passage]) for c in headed_list(lead, texts, following, CASING)]


@pytest.mark.parametrize(
    ("texts", "following", "expected"),
    [
        pytest.param(
            [FIRST, SECOND],
            {0: 1},
            [
                "Kommunikation: Uddannelse af medarbejderne i at skrive kort.",
                "Netværk: I arbejdet med sagerne deles skabeloner.",
                "Dialog og samskabelse: Tidlig dialog giver hurtigere sager.",
            ],
            id="into-next-passage",
        ),
        pytest.param([FIRST, SECOND], {}, 2, id="passage-end"),
        pytest.param([FIRST, NEXT_SECTION], {0: 1}, 3, id="stops-at-question"),
        pytest.param(["Følgende gælder. Dialog med borgerne giver færre klager. Netværk Der deles."], {}, 0, id="none"),
        pytest.param(["Ét punkt. Kommunikation Uddannelse af medarbejderne gives."], {}, 0, id="one-item-no-list"),
        pytest.param(
            ["Punkter. " + " ".join(f"Netværk Der deles skabelon {n}." for n in range(12))], {}, MAX_ITEMS, id="cap"
        ),
    ],
)
def test_headed_list(texts: list[str], following: dict[int, int], expected: list[str] | int) -> None:
    lead_end = texts[0].index(".") + 1
    items = _items(texts, following, lead_end)
    assert (items if isinstance(expected, list) else len(items)) == expected


LEAD = "Borgerne vil føle større tilfredshed med sagsbehandlingen, når de får adgang til data om sagerne."


@pytest.mark.parametrize(
    ("question", "items"),
    [
        pytest.param("Hvilke punkter bør ledelsen fokusere på i sagsbehandlingen?", 2, id="list-question"),
        pytest.param("Hvad giver sagsbehandlingen borgerne?", 0, id="other-question"),
    ],
)
def test_a_supporting_sentence_that_opens_headed_paragraphs_brings_their_headings(question: str, items: int) -> None:
    """The lead is about another matter; a supporting sentence of another passage («Følgende punkter tjener …»)
    opens a list of headed paragraphs: a list question quotes their headings too, as a lead's would be."""
    from dataclasses import replace

    from gevinst.assistant import evidence
    from gevinst.assistant.parse import parse_query
    from gevinst.assistant.retrieval import Retrieved
    from gevinst.types import Chunk

    from .test_evidence import _found

    chunks = [Chunk("doc", "Rapport", 1, "Afsnit", 0, len(t), t, "h") for t in (LEAD, FIRST)]
    retrieved = Retrieved(chunks, 1.0, [], casing=CASING)
    found = _found(LEAD, {"Borgerne": 2.0}) + [
        replace(c, passage=1) for c in _found(FIRST, {"Følgende": 1.5, "Den gode": 0.1, "Netværk": 0.1})
    ]
    chosen = evidence.choose(parse_query(question)[0], found, retrieved)
    assert sum(1 for c in chosen if c.heading) == items


NAMES_CORPUS = [
    "Kommunen har en fond til udvikling. Fonden for Velfærdsteknologi støttede projektet, og fonden er stor.",
    "Løsningen er fælleskommunal. Kommunen bruger Acubiz til udlæg, og en leverandør har leveret appen.",
    "Frederikssund Kommune deltog sammen med KMD. Borgerne ringer til hotlinen om aftenen.",
    "I Holbæk Kommune ringer borgerne om dagen.",
]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Projektet var i regi af Fonden for Velfærdsteknologi.", True),
        ("Appen til udlæg kommer fra Acubiz.", True),
        ("Holbæk Kommune har samlet udlæggene.", True),
        ("Oplæring af medarbejderne sker løbende.", False),
        ("Systemet er udviklet af KMD.", True),
        ("Fælleskommunal hotline Hotlinen hjælper borgerne med selvbetjening.", False),
        ("En leverandør har leveret appen til kommunen.", False),
        ("Frederikssund Kommune har samlet udlæggene.", False),
        ("Eksempel 08 Borgmestrene fra de seks kommuner anbefalede det.", False),
        ("Eksempel 08 Acubiz Systems leverede appen.", True),
    ],
    ids=[
        "name-inside",
        "unknown-word-inside",
        "name-at-start",
        "unknown-word-at-start",
        "abbreviation",
        "run-in-heading",
        "no-name",
        "the-name-asked",
        "a-word-after-a-headings-number",
        "a-name-after-a-headings-number",
    ],
)
def test_a_sentence_names_a_party(sentence: str, named: bool) -> None:
    from gevinst.assistant.headings import names_someone

    asked = "Hvem samlede udlæggene i Frederikssund?"
    assert names_someone(sentence, asked, casing_of(NAMES_CORPUS)) is named


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Holbæk Kommune har samlet udlæggene.", True),
        ("En kortlægning i Østdanmark har vist det samme.", False),
        ("Udlæggene samles af KMD.", False),
        ("Appen til udlæg kommer fra Acubiz.", False),
    ],
    ids=["a-municipality", "a-region-is-none", "an-abbreviation-is-none", "a-business-is-none"],
)
def test_a_municipality_asked_is_named_by_a_municipality(sentence: str, named: bool) -> None:
    from gevinst.assistant.headings import names_someone

    asked = "Hvilken kommune samlede udlæggene?"
    assert names_someone(sentence, asked, casing_of(NAMES_CORPUS), only_municipalities=True) is named


def test_a_place_is_never_an_abbreviation() -> None:
    from gevinst.assistant.headings import names_someone

    casing = casing_of(NAMES_CORPUS)
    asked = "I hvilken by ligger centret?"
    assert not names_someone("Centret drives af KMD og KL.", asked, casing, abbreviations=False)
    assert names_someone("Centret ligger i Frederikssund.", asked, casing, abbreviations=False)


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Udskiftningen er sket på skolerne i Holbæk og Frederikssund.", False),
        ("Belysningen er leveret af Acubiz.", True),
        ("Udskiftningen nedbragte CO2-udledningen.", False),
        ("Gruppen havde folk fra Mariagerfjord og Århus.", False),
    ],
    ids=["municipalities", "a-business", "a-word-with-a-digit", "municipalities-never-written-with-kommune"],
)
def test_a_company_asked_is_named_by_no_municipality(sentence: str, named: bool) -> None:
    """«Hvilket firma …?»: a municipality the reports write «… Kommune» is no business, nor is «CO2»."""
    from gevinst.assistant.headings import names_someone

    asked = "Hvilket firma leverede belysningen?"
    assert names_someone(sentence, asked, casing_of(NAMES_CORPUS), municipalities=False) is named


@pytest.mark.parametrize(
    "sentence",
    [
        "Af Jørgen Sunesen, projektleder, Viborg Kommune.",
        "Af Anne Dyrberg & Johannes Engers Gregersen, konsulenter, Vejle Kommune.",
        "Af Anne Dyrberg og Johannes Gregersen, konsulenter, Vejle Kommune.",
    ],
    ids=["one-author", "two-authors-with-ampersand", "two-authors-with-og"],
)
def test_a_byline_of_several_authors_names_no_party(sentence: str) -> None:
    from gevinst.assistant.headings import names_someone, without_byline

    asked = "Hvilken leverandør havde platformen?"
    assert not names_someone(without_byline(sentence), asked, casing_of(NAMES_CORPUS), municipalities=False)
