"""What a sentence states for a how/why question: a reason or a means (sentence_kind.kind_fit)."""

from __future__ import annotations

import pytest

from gevinst.assistant.parse import parse_query
from gevinst.assistant.sentence_kind import kind_fit

METHOD_QUESTION = "Hvordan opnås gevinsten?"

MEANS = [
    ("ved-at", "Gevinsten opnås ved at samle opgaverne i én enhed.", 1.0),
    ("ved-komma-at", "Den økonomiske effekt forventes opnået ved, at der er færre unge i efterværn.", 1.0),
    ("passive-ved", "Gevinsten realiseres ved en samling af opgaverne i én enhed.", 1.0),
    ("participle-ved", "Utrygheden er imødegået bl.a. ved en beslutning om naturlig afgang.", 1.0),
    ("noun-ved", "Potentialet ved digitalisering er stort i de fleste kommuner.", 0.2),
    ("no-means", "Gevinsten er beregnet for 2016.", 0.2),
    ("subject-between", "Personalemæssigt er besparelsen opnået ved en hurtigere sagsbehandling.", 1.0),
    ("a-solution-stated", "En mulig løsning er at opsætte en fælles smartphone på hver arbejdsplads.", 1.0),
    ("solved-by", "Problemet kan løses med en fælles smartphone på arbejdspladsen.", 1.0),
    ("a-compound-solution-is-no-means", "Den fælles back office-løsning er dyr i drift.", 0.2),
    ("english-solution", "One solution is a shared smartphone at each workplace.", 1.0),
    ("a-danish-town-is-no-english-by", "Administrationen skulle samles i Viborg by i et nyt rådhus.", 0.2),
    ("english-by-means-of", "The saving was achieved by means of shorter case handling.", 1.0),
]


@pytest.mark.parametrize(("sentence", "fit"), [c[1:] for c in MEANS], ids=[c[0] for c in MEANS])
def test_a_sentence_that_states_a_means_fits_a_how_question(sentence: str, fit: float) -> None:
    assert kind_fit(parse_query(METHOD_QUESTION)[0], sentence) == fit


# A means marker followed only by the question's own words restates what is asked, it does not say how.
SENDING_QUESTION = "Hvordan fik kommunen medarbejderne til at sende digital post?"
RESTATED = [
    ("restates-the-question", "I 2013 sendte kommunen 75 pct. af posten via digital post.", 0.2),
    ("a-means-of-its-own", "Kommunen fik medarbejderne i gang via en konkurrence med præmier.", 1.0),
    ("a-new-word-after-the-marker", "Kommunen sendte brevene via digital post og fjernprint gennem doc2mail.", 1.0),
]


@pytest.mark.parametrize(("sentence", "fit"), [c[1:] for c in RESTATED], ids=[c[0] for c in RESTATED])
def test_a_means_that_only_restates_the_question_is_no_means(sentence: str, fit: float) -> None:
    assert kind_fit(parse_query(SENDING_QUESTION)[0], sentence) == fit


REASON_QUESTION = "Hvorfor kommer gevinsterne ikke med det samme?"
REASONS = [
    ("marker", "Gevinsterne kommer senere, fordi medarbejderne først skal lære systemet.", "", 1.0),
    (
        "before-a-consequence",
        "Det er først, når der er opbygget en ny kultur, at en fælles løsning skaber værdi.",
        "Det vil derfor ofte tage flere år, før en ny organisation er i fuld drift.",
        1.0,
    ),
    ("the-consequence", "Det vil derfor ofte tage flere år, før en ny organisation er i fuld drift.", "", 0.5),
    ("no-reason", "Gevinsterne er opgjort i 2016-priser.", "Tabellen viser dem for hvert år.", 0.0),
    # causal connectives and idioms of reports: «som følge af», «eftersom», «i og med», «X afspejler, at …», «skal ses
    # på baggrund af / i lyset af»
    ("som-folge-af", "Udgifterne faldt som følge af færre sager på området.", "", 1.0),
    ("eftersom", "Gevinsten kommer sent, eftersom systemet først tages i brug i 2019.", "", 1.0),
    ("i-og-med", "Kvaliteten stiger, i og med at sagerne samles hos færre medarbejdere.", "", 1.0),
    ("afspejler", "Målet afspejler, at mindre kommuner vil blive sårbare ved færre medarbejdere.", "", 1.0),
    ("ses-paa-baggrund-af", "Problemerne skal ses på baggrund af stigende kompleksitet i lovgivningen.", "", 1.0),
    ("i-lyset-af", "Forslaget skal ses i lyset af de stigende udgifter.", "", 1.0),
    ("data-basis-is-no-reason", "Tallene er opgjort på baggrund af regnskaberne for 2016.", "", 0.0),
]


@pytest.mark.parametrize(("sentence", "following", "fit"), [c[1:] for c in REASONS], ids=[c[0] for c in REASONS])
def test_a_reason_is_stated_by_a_marker_or_by_the_sentence_a_consequence_follows_from(
    sentence: str, following: str, fit: float
) -> None:
    assert kind_fit(parse_query(REASON_QUESTION)[0], sentence, following) == fit


COMPARING_QUESTION = "Hvorfor blev den nye løsning bedre for kommunen end den gamle?"
PLAIN_QUESTION = "Hvorfor valgte kommunen den nye løsning?"
COMPARISONS = [
    ("compares", COMPARING_QUESTION, "Løsningen var billigere i licenser og drift.", 1.0),
    ("ere-end", COMPARING_QUESTION, "Driften er blevet stabilere end før omlægningen.", 1.0),
    ("reason-without-comparison", COMPARING_QUESTION, "Kommunen skiftede, fordi leverandøren lukkede.", 0.5),
    ("plain-question", PLAIN_QUESTION, "Løsningen var billigere i licenser og drift.", 0.0),
    ("plain-question-reason", PLAIN_QUESTION, "Kommunen skiftede, fordi leverandøren lukkede.", 1.0),
    ("amount-word-counts", "Hvorfor skal flere opgaver samles i fælles løsninger?", "Løsningen var billigere.", 0.0),
    ("amount-word-than", "Hvorfor arbejder borgeren flere timer end før?", "Løsningen var billigere.", 1.0),
    ("frem-for", "Hvorfor valgte kommunen den nye løsning frem for den gamle?", "Løsningen var billigere.", 1.0),
    ("rather-than", "Why did the council choose the new system rather than the old?", "Løsningen var billigere.", 1.0),
]


@pytest.mark.parametrize(("question", "sentence", "fit"), [c[1:] for c in COMPARISONS], ids=[c[0] for c in COMPARISONS])
def test_a_why_that_compares_is_answered_by_the_sentences_that_compare(
    question: str, sentence: str, fit: float
) -> None:
    assert kind_fit(parse_query(question)[0], sentence) == fit


MOVING_QUESTION = "Hvordan forventes udgifterne at flytte sig, når plejen ydes i eget hjem?"
MOVES = [
    ("directions", MOVING_QUESTION, "Udgifterne stiger i hjemmeplejen, men falder for plejeboliger.", 1.0),
    ("fewer-and-rises", MOVING_QUESTION, "Effekten er færre udgifter i alt, selv om hjemmeplejen stiger.", 1.0),
    ("one-direction", MOVING_QUESTION, "Det kræver øget kendskab til omkostningerne i plejen.", 0.2),
    (
        "not-asked-how-it-moves",
        "Hvordan opnås gevinsten i plejen?",
        "Udgifterne stiger i hjemmeplejen, men falder.",
        0.2,
    ),
]


@pytest.mark.parametrize(("question", "sentence", "fit"), [c[1:] for c in MOVES], ids=[c[0] for c in MOVES])
def test_a_how_that_asks_how_something_moves_is_answered_by_its_directions(
    question: str, sentence: str, fit: float
) -> None:
    assert kind_fit(parse_query(question)[0], sentence) == fit


CALCULATION_QUESTION = "Hvordan beregner vi kommunens gevinst ved en mere præcis visitation?"
CALCULATIONS = [
    (
        "states-the-calculation",
        CALCULATION_QUESTION,
        "Besparelsen fremkommer ved at gange antallet af unge med den gennemsnitlige pris på forløbet.",
        1.0,
    ),
    ("compound-head", CALCULATION_QUESTION, "Potentialeberegningen bygger på tal fra 2016.", 1.0),
    ("based-on", "How is the saving calculated?", "The saving is based on five minutes per claim.", 1.0),
    (
        "how-it-comes-about",
        "Hvordan fremkommer den økonomiske gevinst ved forslaget?",
        "Gevinsten er differencen på nettoudgiften pr. måned ganget med antal børn.",
        1.0,
    ),
    (
        "english-derived",
        "How is the saving derived?",
        "Kommunen har sparet 2 mio. kr. ved at styrke visitationen til forløbene.",
        0.6,
    ),
    (
        "only-a-means",
        CALCULATION_QUESTION,
        "Kommunen har sparet 2 mio. kr. ved at styrke visitationen til forløbene.",
        0.6,
    ),
    ("neither", CALCULATION_QUESTION, "Visitationen er en væsentlig effektiviseringsmulighed.", 0.2),
    ("times-is-no-calculation", CALCULATION_QUESTION, "Sagsbehandlerne mødes fire gange om året.", 0.2),
    # a how that asks no calculation keeps the means a full fit
    ("not-asked", METHOD_QUESTION, "Kommunen har sparet 2 mio. kr. ved at styrke visitationen.", 1.0),
]


@pytest.mark.parametrize(
    ("question", "sentence", "fit"), [c[1:] for c in CALCULATIONS], ids=[c[0] for c in CALCULATIONS]
)
def test_a_how_that_asks_how_a_figure_is_worked_out_is_answered_by_the_calculation(
    question: str, sentence: str, fit: float
) -> None:
    assert kind_fit(parse_query(question)[0], sentence) == fit


LIST_QUESTION = "Hvilke opgaver kan kommunen overveje at udlicitere?"
# A list whose line breaks the PDF text lost runs its items together, each opening with a capital inside the
# sentence: in Danish only names and line starts are capitalised there, so three or more capitals standing alone
# between lower-case words are a list's lines (names of several words, «Slagelse Kommune», are no lines).
FLATTENED = [
    (
        "items-run-together",
        "Områder der kan udliciteres Facility management Bygherrerådgivning og styring Køb og salg af ejendomme "
        "Leje af bilflåde og maskiner Rottebekæmpelse i kommunen",
        1.0,
    ),
    ("prose", "Kommunen kan udlicitere opgaven, når markedet for den fungerer godt.", 0.2),
    (
        "names-of-several-words",
        "I Slagelse Kommune og hos Udbetaling Danmark er opgaverne samlet i en central enhed hos ATP.",
        0.2,
    ),
    ("two-names-alone", "Både Favrskov og Vejle har udliciteret rengøringen af skolerne.", 0.2),
]


@pytest.mark.parametrize(("sentence", "fit"), [c[1:] for c in FLATTENED], ids=[c[0] for c in FLATTENED])
def test_a_list_whose_lines_run_together_fits_a_list_question(sentence: str, fit: float) -> None:
    assert kind_fit(parse_query(LIST_QUESTION)[0], sentence) == fit


# A list written as prose: each item opens with one of the things asked about, or a later point
PROSE_ITEMS = [
    ("one-of-them", "Et konkret forslag er anvendelsen af standardindsatsplaner i sygeplejen.", 1.0),
    ("an-ordinal-one", "Et tredje konkrete forslag handler om en stringent anvendelse af adviser.", 1.0),
    ("a-later-point", "For det andet skal medarbejderne have adgang til data.", 1.0),
    ("one-of-something-else", "En beskrivelse af metoden findes som bilag 1 fra arbejdsgruppen.", 0.2),
    ("no-item", "Det handler om, at organisationen træffer klare valg i dokumentationen.", 0.2),
]


@pytest.mark.parametrize(("sentence", "fit"), [c[1:] for c in PROSE_ITEMS], ids=[c[0] for c in PROSE_ITEMS])
def test_an_item_of_a_list_written_as_prose_fits_a_list_question(sentence: str, fit: float) -> None:
    question = "Hvilke konkrete forslag til at effektivisere dokumentationen i sygeplejen nævnes?"
    assert kind_fit(parse_query(question)[0], sentence) == fit


HEAD_OF_NEXT = "Først efter samlingen af administrationen er nogle af de markante fordele blevet tydelige."
NAMED_NEXT = [
    (
        "next-points-back-and-names-them",
        "Det er fordele som bl.a. øget vidensdeling og dialog, lettere beslutningsveje samt nemmere mødeafvikling.",
        1.0,
    ),
    ("next-points-back-names-none", "Det har medarbejderne også bemærket i den daglige drift.", 0.2),
    ("next-names-them-anew", "Kommunen har vidensdeling, lettere beslutningsveje samt nemmere mødeafvikling.", 0.2),
]


@pytest.mark.parametrize(("following", "fit"), [c[1:] for c in NAMED_NEXT], ids=[c[0] for c in NAMED_NEXT])
def test_a_sentence_whose_next_sentence_names_its_items_heads_a_list(following: str, fit: float) -> None:
    """«… nogle af de markante fordele er blevet tydelige. Det er fordele som bl.a. A, B samt C.»: the items are
    named in the next sentence, which points back to the one that says what they are."""
    assert kind_fit(parse_query("Hvilke fordele blev tydelige efter samlingen?")[0], HEAD_OF_NEXT, following) == fit


RECOMMENDATIONS = [
    (
        "recommended-asked-and-stated",
        "Hvordan anbefales det at organisere projektet?",
        "Det anbefales, at direktionen er styregruppe for projektet.",
        1.0,
    ),
    (
        "bor-asks-a-means",
        "Hvordan bør vi vurdere normeringen?",
        "Det bør indgå i vurderingen, hvor mange sager der er.",
        0.2,
    ),
    (
        "suggest-asked",
        "How do KL suggest we get started?",
        "KL og KOMBIT anbefaler, at kommunen laver et gevinsttræ.",
        1.0,
    ),
    (
        "recommended-asked-none-stated",
        "Hvordan anbefales det at organisere projektet?",
        "Projektet har en styregruppe.",
        0.2,
    ),
    (
        "not-asked",
        "Hvordan er projektet organiseret?",
        "Det anbefales, at direktionen er styregruppe for projektet.",
        0.2,
    ),
]


@pytest.mark.parametrize(
    ("question", "sentence", "fit"), [c[1:] for c in RECOMMENDATIONS], ids=[c[0] for c in RECOMMENDATIONS]
)
def test_a_how_that_asks_what_is_recommended_is_answered_by_a_recommendation(
    question: str, sentence: str, fit: float
) -> None:
    assert kind_fit(parse_query(question)[0], sentence) == fit


@pytest.mark.parametrize(
    ("question", "sentence", "fit"),
    [
        (
            "Hvor mange sager pr. årsværk kan en sagsbehandler klare?",
            "I mindre kommuner er der omkring 1 årsværk.",
            0.3,
        ),
        ("Hvor mange sager pr. årsværk kan en sagsbehandler klare?", "Normen er 40 sager pr. årsværk.", 1.0),
        ("Hvor meget sparer kommunen pr. borger?", "Det giver en effektivisering på 10 %.", 0.3),
        ("Hvor meget sparer kommunen pr. borger?", "Udgiften faldt med 220 kr. pr. borger.", 1.0),
        ("How much is saved per employee?", "Gevinsten er 1.200 kr. for hver medarbejder.", 1.0),
        ("Hvor meget sparer kommunen pr. år?", "Kommunen sparer 3 mio. kr.", 1.0),
        ("Hvad sparede Slagelse pr. 1. marts?", "Slagelse sparede 3 mio. kr.", 1.0),
    ],
    ids=[
        "count-without-rate",
        "count-per-unit",
        "percent-without-rate",
        "amount-per-citizen",
        "english-for-each",
        "per-year-is-a-period",
        "pr-a-date",
    ],
)
def test_a_figure_asked_per_unit_is_stated_per_unit(question: str, sentence: str, fit: float) -> None:
    """«Hvor mange sager pr. årsværk» is not answered by «omkring 1 årsværk»: the figure asked is a rate."""
    assert kind_fit(parse_query(question)[0], sentence) == fit


@pytest.mark.parametrize(
    ("sentence", "fit"),
    [("Besparelsen når 20 mio. kr. i 2019.", 1.0), ("År Besparelse 10 mio. kr. 13 mio. kr. 20 mio. kr.", 0.5)],
    ids=["year-stated", "amounts-without-years"],
)
def test_a_year_asked_is_stated_by_a_year_not_by_the_amount_it_names(sentence: str, fit: float) -> None:
    query = parse_query("I hvilket år når Holbæk Kommune den fulde besparelse på 20 mio. kr.?")[0]
    assert kind_fit(query, sentence) == fit


@pytest.mark.parametrize(
    ("sentence", "placed"),
    [
        ("I oktober 2013 nåede Favrskov målet.", True),
        ("De budgetansvarlige skal være færdige den 17. dag i måneden.", True),
        ("Potentialet kan høstes fra seks måneder til tre år.", True),
        ("Centraliseringen skete først i 4. kvartal.", True),
        ("Hotlinen havde åbent fra kl. 9-22.", True),
        ("Kommunen sparer 1,32 mio. kr. årligt.", False),
        ("Der er 3.500 sager og 12 medarbejdere.", False),
        ("Værktøjet er efterspurgt af mange kommuner.", False),
    ],
    ids=["month-year", "day-of-month", "months-in-words", "quarter", "clock", "yearly-amount", "counts", "no-time"],
)
def test_a_sentence_placing_a_thing_in_time(sentence: str, placed: bool) -> None:
    from gevinst.assistant.sentence_shape import states_time

    assert states_time(sentence) is placed


@pytest.mark.parametrize(
    ("question", "sentence", "fit"),
    [
        ("Hvor mange job flyttede til Hjørring?", "Det flyttede ca. 230 arbejdspladser til Hjørring.", 1.0),
        ("Hvor mange medarbejdere har centret?", "Centret har i dag 40 ansatte.", 1.0),
        ("Hvor mange job flyttede til Hjørring?", "Det flyttede ca. 230 sager til Hjørring.", 0.3),
    ],
    ids=["job-as-arbejdspladser", "medarbejdere-as-ansatte", "another-thing"],
)
def test_a_count_is_stated_in_words_that_count_the_same_things(question: str, sentence: str, fit: float) -> None:
    assert kind_fit(parse_query(question)[0], sentence) == fit
