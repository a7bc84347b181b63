"""How/why answers (evidence.choose): what a reason or a means brings into the answer."""

from __future__ import annotations

import pytest

from gevinst.assistant.evidence import Candidate

from .test_evidence import _choose

FEW_TERMS = (
    "Med de nye regler er tjenesteplan og opgørelsesperiode adskilt på døgnområdet. "
    "Kommunen har mange medarbejdere på døgnområdet i dag. "
    "Planlægges en medarbejder med færre timer før sommeren, kan ferien afvikles, idet der er plads til vagterne."
)


def _three(text: str, relevance: float) -> list[Candidate]:
    from gevinst.sentences import sentence_spans

    (a, b), _, (c, d) = sentence_spans(text)
    return [Candidate(0, a, b, 0.45, 1.3, 1.0), Candidate(0, c, d, relevance, 0.8, 1.0, previous=b + 1)]


CASES = [
    ("how-few-terms-quoted", "Hvordan kan reglerne udnyttes i ferieplanlægningen?", 0.12, True),
    ("how-no-terms-left-out", "Hvordan kan reglerne udnyttes i ferieplanlægningen?", 0.05, False),
    ("fact-few-terms-left-out", "Hvad gælder for reglerne i ferieplanlægningen?", 0.12, False),
]


@pytest.mark.parametrize(("question", "relevance", "quoted"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_means_that_shares_few_of_the_questions_words_still_supports_a_how_answer(
    question: str, relevance: float, quoted: bool
) -> None:
    """A reason or a means is new matter: it repeats fewer of the question's words than a fact does."""
    chosen = _choose(question, FEW_TERMS, _three(FEW_TERMS, relevance))
    assert chosen[0].startswith("Med de nye regler")
    assert any(c.startswith("Planlægges") for c in chosen) is quoted


POINTS_BACK = (
    "De frigivne ressourcer er blevet brugt til at etablere Aktiv Rådgivning i jobcentrets modtagelse. "
    "{next} et 14 dages intensivt forløb for alle jobklare kontanthjælpsmodtagere, som ansøger om kontanthjælp, "
    "hvor de, der har behov, dagligt er i kontakt med en af jobcentrets medarbejdere, som bistår med jobsøgning. "
    "Kommunen har i øvrigt mange andre tilbud til ledige borgere i jobcentret."
)
CONTINUES = [
    ("opens-by-pointing-back", "Det er", True),
    ("opens-by-this", "Dette er", True),
    ("long-and-new", "Kommunen tilbyder", False),
]


@pytest.mark.parametrize(("opening", "quoted"), [c[1:] for c in CONTINUES], ids=[c[0] for c in CONTINUES])
def test_a_long_sentence_that_points_back_to_the_lead_continues_it(opening: str, quoted: bool) -> None:
    from .test_evidence import _found

    text = POINTS_BACK.format(next=opening)
    found = _found(text, {"De frigivne": 2.0, opening: 0.6, "Kommunen har": 0.4})
    chosen = _choose("Hvad går Aktiv Rådgivning ud på?", text, found)
    assert chosen[0].startswith("De frigivne")
    assert (len(chosen) > 1 and chosen[1].startswith(opening)) is quoted


RUNS_ON = (
    "Det er først, når medarbejderne har taget den nye organisering til sig, at en fælles løsning skaber værdi. "
    "Det vil ofte tage flere år, før en ny organisation er i fuld drift. "
    "I den mellemliggende tid kan der opleves udfordringer. "
    "Serviceniveauet kan i en periode være lavere end forventet. "
    "{fourth} vil de forventede økonomiske gevinster ofte udeblive i opstartsfasen. "
    "Lokal opbakning er afgørende for succes med nye fælles løsninger."
)
RUN_ON_CASES = [
    ("og-points-back", "Og samtidig", True),
    ("men-points-back", "Men samtidig", True),
    ("later-point-of-an-enumeration", "For det andet", True),
    ("new-matter", "I mange kommuner", False),
]


@pytest.mark.parametrize(("fourth", "quoted"), [c[1:] for c in RUN_ON_CASES], ids=[c[0] for c in RUN_ON_CASES])
def test_the_leads_paragraph_runs_on_past_three_sentences_while_they_point_back(fourth: str, quoted: bool) -> None:
    from .test_evidence import _found

    text = RUNS_ON.format(fourth=fourth)
    found = _found(text, {"Det er først": 2.0, "Lokal": 0.4})
    chosen = _choose("Hvorfor kommer gevinsterne ved en fælles løsning ikke med det samme?", text, found)
    assert chosen[0].startswith("Det er først")
    assert any(c.startswith(fourth) for c in chosen[:5]) is quoted


PARAGRAPH_FIRST = (
    "Ejendomsdriften samles i én enhed for hele kommunen. "
    "Samles ejendomsadministrationen i en stabsenhed, er det vigtigt at skabe klarhed om enhedens beføjelser."
)
PARAGRAPH_SECOND = (
    "Det er erfaringen fra Holbæk, at der uden en sådan klarhed let opstår modstand i organisationen. "
    "Tabellen nedenfor viser kommunens budgetterede besparelser for de kommende fire år i alt."
)
PARAGRAPH_CASES = [
    ("lead-ends-its-passage", PARAGRAPH_FIRST, {0: 1}, True),
    ("no-next-passage", PARAGRAPH_FIRST, {}, False),
    (
        "lead-does-not-end-its-passage",
        PARAGRAPH_FIRST + " Enheden har sin egen leder og sit eget budget.",
        {0: 1},
        False,
    ),
]


@pytest.mark.parametrize(
    ("first", "following", "quoted"), [c[1:] for c in PARAGRAPH_CASES], ids=[c[0] for c in PARAGRAPH_CASES]
)
def test_the_leads_paragraph_goes_on_in_the_reports_next_passage(
    first: str, following: dict[int, int], quoted: bool
) -> None:
    """A lead that ends its passage: the report's next passage holds the rest of its paragraph."""
    from dataclasses import replace

    from gevinst.assistant import evidence
    from gevinst.assistant.parse import parse_query
    from gevinst.assistant.retrieval import Retrieved
    from gevinst.types import Chunk

    from .test_evidence import _found

    chunks = [
        Chunk("doc", "Rapport", 7, "Afsnit", 0, len(t), t, f"h{p}") for p, t in enumerate([first, PARAGRAPH_SECOND])
    ]
    found = _found(first, {"Samles": 2.0, "Ejendomsdriften": 0.5})
    found += [replace(c, passage=1) for c in _found(PARAGRAPH_SECOND, {"Det er": 0.6, "Tabellen": 0.2})]
    question = "Hvorfor er det vigtigt at skabe klarhed om beføjelser, når ejendomsadministrationen samles?"
    chosen = evidence.choose(parse_query(question)[0], found, Retrieved(chunks, 1.0, [], following=following))
    texts = [chunks[c.passage].text[c.start : c.end] for c in chosen]
    assert texts[0].startswith("Samles")
    assert (len(texts) > 1 and texts[1].startswith("Det er erfaringen") and chosen[1].opened) is quoted


PAGES = [
    (1, "Kommunen samlede ejendomsadministrationen i én stabsenhed i 2011."),
    (2, "Svendborg Kommune har også samlet sin ejendomsadministration."),
    (3, "Tabellen viser de budgetterede besparelser for ejendomsadministrationen."),
    (1, "Uden klarhed om beføjelserne opstår der let modstand i organisationen."),
]
PAGE_CASES = [
    ("why-counts-pages", "Hvorfor er det vigtigt at skabe klarhed, når ejendomsadministrationen samles?", True),
    ("fact-counts-passages", "Hvad skete der, da ejendomsadministrationen blev samlet i kommunen?", False),
]


@pytest.mark.parametrize(("question", "quoted"), [c[1:] for c in PAGE_CASES], ids=[c[0] for c in PAGE_CASES])
def test_a_how_or_why_counts_a_pages_passages_as_one_source(question: str, quoted: bool) -> None:
    """The cap on sources quoted: a reason in another passage of the lead's page is not crowded out by two other
    pages' sentences."""
    from gevinst.assistant import evidence
    from gevinst.assistant.parse import parse_query
    from gevinst.assistant.retrieval import Retrieved
    from gevinst.types import Chunk

    chunks = [Chunk("doc", "Rapport", page, "Afsnit", 0, len(t), t, f"h{p}") for p, (page, t) in enumerate(PAGES)]
    found = [
        Candidate(p, 0, len(t), 0.4, score, 0.5) for p, ((_, t), score) in enumerate(zip(PAGES, (2, 1.5, 1.4, 1.2)))
    ]
    chosen = evidence.choose(parse_query(question)[0], found, Retrieved(chunks, 1.0, []))
    assert chosen[0].passage == 0
    assert any(c.passage == 3 for c in chosen) is quoted


PARAGRAPH_LONG = (
    "Når kommunerne har nedbragt udgifterne til administration, skyldes det især investeringer i digitalisering. "
    "Kommunikationen med borgerne foregår i stigende grad {means} digital post og selvbetjeningsløsninger, og "
    "kommunernes it-systemer udvikles og forbedres løbende, så sagsbehandlingen bliver hurtigere og kræver færre "
    "medarbejdere i de administrative afdelinger end tidligere. "
    "Kommunerne udnytter også de stordriftsfordele, som sammenlægningen af kommunerne gjorde mulige."
)
WHY_CUT = "Hvorfor har kommunerne nedbragt udgifterne til administration?"
LONG_CASES = [
    ("why-quotes-a-long-means", WHY_CUT, "via", True),
    ("how-quotes-a-long-means", "Hvordan har kommunerne nedbragt udgifterne til administration?", "via", True),
    ("why-stops-before-a-long-aside", WHY_CUT, "i", False),
    ("fact-stops-before-a-long-means", "Hvad skete der med kommunernes udgifter til administration?", "via", False),
]


@pytest.mark.parametrize(("question", "means", "quoted"), [c[1:] for c in LONG_CASES], ids=[c[0] for c in LONG_CASES])
def test_a_how_or_why_leads_paragraph_runs_on_through_a_long_sentence(question: str, means: str, quoted: bool) -> None:
    """A reason or a means is explained over the lead's paragraph: a long next sentence that states no reason word
    («Kommunikationen … foregår i stigende grad via digital post …») still belongs to it."""
    from .test_evidence import _found

    text = PARAGRAPH_LONG.format(means=means)
    chosen = _choose(question, text, _found(text, {"Når": 2.0}))
    assert chosen[0].startswith("Når kommunerne")
    assert any(c.startswith("Kommunikationen") for c in chosen) is quoted


CONCLUSION = (
    "Fælles løsninger udgør ofte en stor forandring for medarbejdere såvel som for brugere. "
    "{lead} "
    "Ellers risikerer resultatet at blive mere bureaukrati uden værdi for borgerne."
)
WHY_FOCUS = "Hvorfor kræver en ændring af opgaveløsningen stort ledelsesmæssigt fokus?"
CONCLUSION_CASES = [
    (
        "why-derfor-in-its-clause",
        WHY_FOCUS,
        "Hvis en ændring af opgaveløsningen skal lykkes, kræver det derfor et stort ledelsesmæssigt fokus.",
        True,
    ),
    (
        "why-no-conclusion",
        WHY_FOCUS,
        "Hvis en ændring af opgaveløsningen skal lykkes, kræver det et stort ledelsesmæssigt fokus.",
        False,
    ),
    (
        "why-og-derfor-own-reason",
        WHY_FOCUS,
        "Ledelsen sætter retningen, og derfor kræver en ændring af opgaveløsningen et stort ledelsesmæssigt fokus.",
        False,
    ),
    (
        "fact-derfor",
        "Hvad kræver en ændring af opgaveløsningen?",
        "Hvis en ændring af opgaveløsningen skal lykkes, kræver det derfor et stort ledelsesmæssigt fokus.",
        False,
    ),
]


@pytest.mark.parametrize(
    ("question", "lead", "led_in"), [c[1:] for c in CONCLUSION_CASES], ids=[c[0] for c in CONCLUSION_CASES]
)
def test_a_why_answered_by_a_conclusion_is_led_in_by_its_reason(question: str, lead: str, led_in: bool) -> None:
    """«… kræver det derfor …» concludes from the sentence before it: that sentence is the reason a why asks for."""
    from .test_evidence import _found

    text = CONCLUSION.format(lead=lead)
    chosen = _choose(question, text, _found(text, {lead[:12]: 2.0, "Ellers": 0.5}))
    assert chosen[0].startswith("Fælles løsninger") is led_in
    assert lead in chosen[0]


FIRST_ITEM_AFTER = (
    "Der er især to forandringer med det nye system, der ændrer kravene til personalets kompetencer. "
    "{first} "
    "Der kommer mange flere automatiske valideringer og derfor færre fejl i sagerne. "
    "(2.) "
    "Kravet til medarbejdernes kendskab til digitale selvbetjeningsløsninger øges."
)
FIRST_ITEM_CASES = [
    ("how-bare-number-item", "Hvordan ændrer systemet kravene til kompetencer?", "(1.)", True),
    ("fact-number-item", "Hvad ændrer systemet ved kravene til kompetencer?", "1.", True),
    ("no-item-follows", "Hvordan ændrer systemet kravene til kompetencer?", "Det er vigtigt.", False),
]


@pytest.mark.parametrize(
    ("question", "first", "listed"), [c[1:] for c in FIRST_ITEM_CASES], ids=[c[0] for c in FIRST_ITEM_CASES]
)
def test_a_lead_followed_by_a_lists_first_item_opens_the_list(question: str, first: str, listed: bool) -> None:
    """«Der er især to forandringer …» then «(1.)»: the items are the answer; an item's number left alone by the
    sentence split is quoted with its item."""
    from .test_evidence import _found

    text = FIRST_ITEM_AFTER.format(first=first)
    chosen = _choose(question, text, _found(text, {"Der er især": 2.0}))
    assert chosen[0].startswith("Der er især")
    assert any(c.startswith("(2.) Kravet") for c in chosen) is listed


STEPS = (
    "Administrativ Service samler bogføring og løn for hele kommunen i én enhed. "
    "Enheden arbejder med styring af løn og regnskab i den daglige drift. "
    "Leverancerne til kommunens enheder står i en serviceaftale med enheden. "
    "Den daglige drift i enheden er organiseret i faste teams med fælles viden. "
    "Planlægningen sker på en tavle, der giver overblik over enhedens opgaver. "
    "Medarbejderne prioriteres løbende, så der er ressourcer nok, når der er travlt."
)
STEP_CASES = [
    ("how-longer-paragraph", "Hvordan sørger Administrativ Service for ressourcer nok i driften?", True),
    ("why-three-sentences", "Hvorfor har Administrativ Service ressourcer nok i driften?", False),
    ("fact-three-sentences", "Hvad laver Administrativ Service i driften?", False),
]


@pytest.mark.parametrize(("question", "quoted"), [c[1:] for c in STEP_CASES], ids=[c[0] for c in STEP_CASES])
def test_a_how_quotes_a_longer_paragraph(question: str, quoted: bool) -> None:
    """A means is told step by step: the fifth sentence after the lead is still the lead's answer to a how."""
    from .test_evidence import _found

    chosen = _choose(question, STEPS, _found(STEPS, {"Administrativ": 2.0}))
    assert chosen[0].startswith("Administrativ")
    assert any(c.startswith("Planlægningen") and c in chosen[1:6] for c in chosen) is quoted


RECOMMENDED = (
    "Budgetopfølgningen digitaliseres ved at indføre en fælles styringsløsning for hele kommunen. "
    "KLK anbefaler, at projektet forankres i en projektorganisation, hvor direktionen er styregruppe."
)
RECOMMENDED_CASES = [
    ("recommendation-asked", "Hvordan anbefales det at organisere projektet?", "KLK anbefaler"),
    ("means-asked", "Hvordan digitaliseres budgetopfølgningen?", "Budgetopfølgningen"),
]


@pytest.mark.parametrize(
    ("question", "lead"), [c[1:] for c in RECOMMENDED_CASES], ids=[c[0] for c in RECOMMENDED_CASES]
)
def test_a_how_that_asks_what_is_recommended_is_led_by_a_recommendation(question: str, lead: str) -> None:
    from .test_evidence import _found

    found = _found(RECOMMENDED, {"Budgetopfølgningen": 1.3, "KLK": 1.2}, {"Budget": 1.0, "KLK": 1.0})
    assert _choose(question, RECOMMENDED, found)[0].startswith(lead)
