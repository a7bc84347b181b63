"""The question read once: a table of questions → the parts of the `Query` each stage relies on."""

from __future__ import annotations

import pytest

from gevinst.assistant.parse import parse_query
from gevinst.assistant.query import Asks, Language, Named, UnitKind
from gevinst.calculators import Period

CASES = [
    # id, question, language, asks, names
    (
        "figure-saving",
        "Hvad sparede Ringkøbing-Skjern ved at samle debitoropgaverne?",
        Language.DA,
        Asks.FIGURE,
        ("Ringkøbing-Skjern",),
    ),
    (
        "figure-compound",
        "Hvilken e-handelsgrad opnåede Nordfyns Kommune ved udgangen af 2016?",
        Language.DA,
        Asks.FIGURE,
        ("Nordfyns", "Kommune"),
    ),
    (
        "figure-compound-noun",
        "Hvad er effektiviseringspotentialet ved bedre planlægning på skoleområdet?",
        Language.DA,
        Asks.FIGURE,
        (),
    ),
    ("figure-compound-saving", "Hvad er lønbesparelsen ved den nye vagtplan?", Language.DA, Asks.FIGURE, ()),
    # Danish adjectives take -t with a neuter noun: «hvor stort et potentiale» asks as «hvor stor en besparelse»
    ("figure-neuter-stort", "Hvor stort et potentiale er der ved at samle lønopgaverne?", Language.DA, Asks.FIGURE, ()),
    ("figure-neuter-hoejt", "Hvor højt er sygefraværet i hjemmeplejen?", Language.DA, Asks.FIGURE, ()),
    ("figure-neuter-langt", "Hvor langt et forløb tilbydes borgerne?", Language.DA, Asks.FIGURE, ()),
    ("figure-neuter-lavt", "Hvor lavt et niveau nåede fraværet ned på?", Language.DA, Asks.FIGURE, ()),
    ("fact-not-a-figure-noun", "Hvad er gevinstrealisering?", Language.DA, Asks.FACT, ()),
    ("list", "Hvilke forslag giver KL til en fælles back office-funktion?", Language.DA, Asks.LIST, ("KL",)),
    ("reason", "Hvorfor er gevinsterne mindre i små kommuner?", Language.DA, Asks.REASON, ()),
    ("reason-background", "Hvad var baggrunden for, at kommunen samlede opgaverne?", Language.DA, Asks.REASON, ()),
    ("reason-grunden", "Hvad er grunden til, at gevinsterne udebliver?", Language.DA, Asks.REASON, ()),
    ("reason-af-hvilken-grund", "Af hvilken grund udebliver gevinsterne?", Language.DA, Asks.REASON, ()),
    ("english-reason-for-what", "For what reason were the tasks merged?", Language.EN, Asks.REASON, ()),
    ("reason-forklaringen", "Hvad er forklaringen på, at gevinsterne udebliver?", Language.DA, Asks.REASON, ()),
    ("reason-ligger-bag", "Hvad ligger der bag, at kommunen samlede opgaverne?", Language.DA, Asks.REASON, ()),
    ("reason-begrundelsen", "Hvad er begrundelsen for at samle opgaverne?", Language.DA, Asks.REASON, ()),
    ("reason-kan-det-vaere", "Hvordan kan det være, at gevinsterne udebliver?", Language.DA, Asks.REASON, ()),
    ("reason-skyldtes", "Hvad skyldtes det, at gevinsterne udeblev?", Language.DA, Asks.REASON, ()),
    ("english-how-come", "How come the savings did not materialise?", Language.EN, Asks.REASON, ()),
    ("english-what-explains", "What explains the lower savings?", Language.EN, Asks.REASON, ()),
    (
        "method-fremgangsmaaden",
        "Hvad er fremgangsmåden, når gevinsterne skal realiseres?",
        Language.DA,
        Asks.METHOD,
        (),
    ),
    (
        "english-what-should-do",
        "What should the municipality do to realise the benefits?",
        Language.EN,
        Asks.METHOD,
        (),
    ),
    ("english-in-what-way", "In what way can the municipality realise the benefits?", Language.EN, Asks.METHOD, ()),
    ("list-kan-du-naevne", "Kan du nævne de forslag, der er på ældreområdet?", Language.DA, Asks.LIST, ()),
    ("list-oversigt", "Giv mig en oversigt over forslagene på ældreområdet.", Language.DA, Asks.LIST, ()),
    ("list-hvad-for-nogle", "Hvad for nogle forslag er der på ældreområdet?", Language.DA, Asks.LIST, ()),
    ("list-taeller-med", "Hvad tæller med i business casen?", Language.DA, Asks.LIST, ()),
    ("english-list-include", "What does the business case include?", Language.EN, Asks.LIST, ()),
    ("english-list-kinds-of", "What kinds of tasks can be merged?", Language.EN, Asks.LIST, ()),
    ("english-how-should", "How should the municipality approach implementation?", Language.EN, Asks.METHOD, ()),
    ("figure-budget", "Hvad var budgettet for projektet?", Language.DA, Asks.FIGURE, ()),
    # «Hvad skal der til, før …» asks a condition as often as a means: not a how
    ("fact-what-it-takes", "Hvad skal der til, før en foranstaltning kan forlænges?", Language.DA, Asks.FACT, ()),
    ("method", "Hvordan har Vejle Kommune frigjort ressourcer?", Language.DA, Asks.METHOD, ("Vejle", "Kommune")),
    ("reason-where-from", "Hvor kommer gevinsten fra, når man samler opgaverne?", Language.DA, Asks.REASON, ()),
    ("method-do-to", "Hvad kan kommunen selv gøre for at få mere ud af forløbene?", Language.DA, Asks.METHOD, ()),
    ("fact", "Hvem har ansvaret for kravspecifikationen af KSD?", Language.DA, Asks.FACT, ("KSD",)),
    (
        "english-figure",
        "How much did Ringkøbing-Skjern save by merging debtor tasks?",
        Language.EN,
        Asks.FIGURE,
        ("Ringkøbing-Skjern",),
    ),
    # the English of «gevinst», «udgift», «investering» asks for a figure as the Danish does
    (
        "english-figure-gain",
        "What efficiency gain is expected from shared documentation?",
        Language.EN,
        Asks.FIGURE,
        (),
    ),
    ("english-figure-expenditure", "What is the expenditure on interpreting?", Language.EN, Asks.FIGURE, ()),
    ("english-figure-investment", "What investment does the new platform require?", Language.EN, Asks.FIGURE, ()),
    ("english-reason", "Why are shadow functions a problem?", Language.EN, Asks.REASON, ()),
    (
        "calculation",
        "Vi har 25 årsværk til en årsværkspris på 450.000 kr. Hvad koster de samlet om året?",
        Language.DA,
        Asks.CALCULATION,
        (),
    ),
]


@pytest.mark.parametrize("question,language,asks,names", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_query_parts(question: str, language: Language, asks: Asks, names: tuple[str, ...]) -> None:
    query = parse_query(question)[0]
    assert (query.language, query.asks, query.names) == (language, asks, names)


@pytest.mark.parametrize(
    ("word", "danish"),
    [
        ("hours", "timer"),
        ("hour", "timer"),
        ("realised", "realisere realiseret"),
        ("enquiries", "henvendelse henvendelser"),
        ("planned", "plan"),
        ("investing", "investere investering"),
        ("shares", "andel"),
        ("zebra", None),
        ("fleet", "bilpark vognpark bilflåde flåde"),
        ("benefits", "gevinster fordele"),
        ("drawbacks", "ulemper"),
    ],
    ids=[
        "listed",
        "plural-listed",
        "past",
        "ies-plural",
        "doubled-consonant",
        "ing",
        "plural",
        "unknown",
        "the-reports-words-for-a-fleet",
        "benefits-are-also-advantages",
        "drawbacks",
    ],
)
def test_an_english_word_finds_its_danish_in_any_regular_form(word: str, danish: str | None) -> None:
    from gevinst.assistant import glossary

    assert glossary.danish_for(word) == danish


@pytest.mark.parametrize(
    ("question", "present", "absent"),
    [
        ("What are the building blocks of the effort?", "element", "bygning"),
        ("How is the pay of foster families managed?", "plejefamili", None),
        ("What share of notifications led to a child welfare investigation?", "bornefag", "velfard"),
        ("Nationally, how many notifications were there?", "underretning", None),
        ("Which municipalities put day-treatment services out to tender?", "dagbehandling", None),
        ("What does day treatment cost?", "dagbehandling", None),
        ("How small did the deviation between budget follow-up and final accounts get?", "afvig", None),
        ("Who owns the car fleet?", "vognpark", None),
        ("What about staff swapping shifts voluntarily?", "vagt", None),
        ("Which colour-coded lists flag the cases, red or yellow?", "gul", None),
        ("Why centralise inter-municipal billing in the finance department?", "mellemkommunal", None),
    ],
    ids=[
        "phrase-not-its-words",
        "phrase-as-compound",
        "child-welfare-investigation",
        "notifications-nationally",
        "hyphenated-compound",
        "day-treatment-phrase",
        "deviation-accounts-follow-up",
        "fleet",
        "swapping-shifts",
        "colours-and-lists",
        "inter-municipal-billing",
    ],
)
def test_an_english_phrase_is_read_as_one(question: str, present: str, absent: str | None) -> None:
    query = parse_query(question)[0]
    assert present in query.terms
    assert absent is None or absent not in query.terms


def test_a_currency_code_is_no_name_the_passages_must_mention() -> None:
    from gevinst.assistant import lexicon

    query = parse_query("What does an hour cost at a monthly salary of DKK 25,000?")[0]
    assert all(n.lower() in lexicon.generic_names() for n in query.names)


def test_english_terms_are_danish_alternatives_grouped_by_word() -> None:
    query = parse_query("What did the municipalities save on purchases?")[0]
    assert ("kommun",) in query.groups or any("kommun" in g for g in query.groups)
    assert any("indkob" in g for g in query.groups)
    assert "what" not in query.terms and "save" not in query.search_text.split()[-1:]


def test_compound_word_is_one_term_group() -> None:
    query = parse_query("Hvad koster LED-belysning?")[0]
    group = next(g for g in query.groups if "belysning" in g)
    assert {"led", "belysning"} <= set(group)


QUANTITIES = [
    ("fte-and-amount", "25 årsværk til 450.000 kr.", [(25, UnitKind.FTE), (450000, UnitKind.AMOUNT)]),
    ("year-is-not-a-figure", "i 2016 sparede de 3,5 mio. kr.", [(2016, UnitKind.YEAR), (3500000, UnitKind.AMOUNT)]),
    (
        "percent-minutes-years",
        "12 % og 8 minutter over 3 år",
        [(12, UnitKind.PERCENT), (8, UnitKind.MINUTES), (3, UnitKind.YEARS)],
    ),
    ("negative", "en besparelse på -2 mio. kr.", [(-2000000, UnitKind.AMOUNT)]),
    ("words-then-mio", "Vi bruger halvanden mio. kr. om året", [(1500000, UnitKind.AMOUNT)]),
    ("words-then-mia", "en lønsum på to mia.", [(2e9, UnitKind.AMOUNT)]),
    ("vulgar-fraction", "Investering 1½ mio. kr.", [(1500000, UnitKind.AMOUNT)]),
    ("vulgar-fraction-alone", "en udgift på ¾ mio. kr.", [(750000, UnitKind.AMOUNT)]),
    ("dash-bullets-are-no-minus", "- 12 årsværk - 18 % effektivisering", [(12, UnitKind.FTE), (18, UnitKind.PERCENT)]),
    (
        "number-words",
        "otte årsværk til femogtyve procent over to år",
        [(8, UnitKind.FTE), (25, UnitKind.PERCENT), (2, UnitKind.YEARS)],
    ),
    ("small-word-counts-only-with-a-unit", "de to tal og fire opgaver", []),
    # a small number word counts when a figure in digits counts the same noun: the example's count beside ours
    (
        "small-word-counts-what-a-figure-counts",
        "Et projekt sparede 3 mio. kr. på fem plejecentre. Hvad giver det på vores 12 plejecentre?",
        [(3e6, UnitKind.AMOUNT), (5, UnitKind.COUNT), (12, UnitKind.COUNT)],
    ),
    ("words-are-not-years", "Vi har to tusind sager", [(2000, UnitKind.COUNT)]),
    ("hyphenated-unit", "the 8-year NPV at 4 percent", [(8, UnitKind.YEARS), (4, UnitKind.PERCENT)]),
    ("amount-word-before", "Månedsløn 32.000, pris 450", [(32000, UnitKind.AMOUNT), (450, UnitKind.AMOUNT)]),
    ("hours-abbreviated", "fuldtid 37 t", [(37, UnitKind.HOURS)]),
    (
        "slash-shares-the-unit",
        "10/5/5 pct.",
        [(10, UnitKind.PERCENT), (5, UnitKind.PERCENT), (5, UnitKind.PERCENT)],
    ),
    ("arrow-shares-the-unit", "35 → 70 pct.", [(35, UnitKind.PERCENT), (70, UnitKind.PERCENT)]),
    (
        "numbered-with-slash",
        "udbud nr. 2024/117 med 640 brugere",
        [(2024, UnitKind.LABEL), (117, UnitKind.LABEL), (640, UnitKind.COUNT)],
    ),
    ("thousands-dot-is-no-year", "Hvis vi flytter 2.000 indkøb årligt", [(2000, UnitKind.COUNT)]),
    (
        "english-thousands-comma-is-no-year",
        "If we move 2,000 purchases a year to e-commerce, what do we save?",
        [(2000, UnitKind.COUNT)],
    ),
    ("seconds-are-minutes", "Saving 90 seconds per invoice", [(1.5, UnitKind.MINUTES)]),
    ("sekunder-are-minutes", "30 sekunder pr. opkald", [(0.5, UnitKind.MINUTES)]),
    ("per-year-is-a-rate-not-years", "we process 2800 a year", [(2800, UnitKind.COUNT)]),
    ("om-aaret-is-a-rate", "14.500 om året", [(14500, UnitKind.COUNT)]),
    ("quarter-of-an-hour", "saves a quarter of an hour per permit", [(15, UnitKind.MINUTES)]),
    ("et-kvarter", "sparer et kvarter pr. sag", [(15, UnitKind.MINUTES)]),
    ("half-an-hour", "saves half an hour per case", [(30, UnitKind.MINUTES)]),
    ("compound-head-fte", "22 socialrådgiverårsværk og 3 AC-årsværk", [(22, UnitKind.FTE), (3, UnitKind.FTE)]),
    ("compound-head-hours", "520 socialrådgivertimer om ugen", [(520, UnitKind.HOURS)]),
    (
        "derived-word-is-no-compound",
        "200 forestillinger og 40 indstillinger",
        [(200, UnitKind.COUNT), (40, UnitKind.COUNT)],
    ),
    # the first figure of a change counts what the second does
    (
        "change-from-to-hours",
        "når et fleksjob går fra 5 til 9 timer om ugen",
        [(5, UnitKind.HOURS), (9, UnitKind.HOURS)],
    ),
    # millions of people are a count; an ordinal names something
    ("people-in-millions", "5,8 mio. indbyggere i alt", [(5_800_000, UnitKind.COUNT)]),
    ("ordinal-is-a-label", "efter det fyldte 18. år", [(18, UnitKind.LABEL)]),
    # a number in a report's anonymised case names it
    ("numbered-municipality", "Kommune 3 har 4.000 ansatte", [(3, UnitKind.LABEL), (4000, UnitKind.FTE)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in QUANTITIES], ids=[c[0] for c in QUANTITIES])
def test_quantities_with_unit_kinds(text: str, expected: list[tuple[float, UnitKind]]) -> None:
    assert [(q.value, q.unit) for q in parse_query(text)[0].quantities] == expected


def test_range_is_one_quantity_with_a_high_end() -> None:
    (q,) = parse_query("et potentiale på 120-150 mio. kr.")[0].quantities
    assert (q.value, q.high, q.unit) == (120_000_000, 150_000_000, UnitKind.AMOUNT)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("5-10 %", 5, 10), ("mellem 5 og 10 %", 5, 10), ("5 til 10 pct.", 5, 10), ("between 5 and 10%", 5, 10)],
    ids=["dash", "mellem-og", "til", "between-and"],
)
def test_a_percentage_range_is_one_quantity(text: str, low: float, high: float) -> None:
    (q,) = parse_query(f"Vi kan spare {text}")[0].quantities
    assert (q.value, q.high, q.unit) == (low, high, UnitKind.PERCENT)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("18 mio. kr. om året", Period.YEAR),
        ("18 mio. kr. årligt", Period.YEAR),
        ("DKK 3.6 million a year", Period.YEAR),
        ("29.800 kr./md.", Period.MONTH),
        ("34.200 kr. om måneden", Period.MONTH),
        ("450.000 kr. til IT", None),
    ],
    ids=["om-aaret", "aarligt", "a-year", "slash-md", "om-maaneden", "none"],
)
def test_the_period_an_amount_is_stated_per(text: str, per: Period | None) -> None:
    (q,) = parse_query(f"Vi har {text}")[0].quantities
    assert q.per is per


def test_lookup_with_a_number_does_not_ask_to_compute() -> None:
    query = parse_query("Hvad er tilbagebetalingstiden for energirenoveringen af de 14 skoler?")[0]
    assert not query.computes and query.asks is not Asks.CALCULATION


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ('Hvad dækker Favrskovs business case "2-8-16" over?', ("2-8-16", "Favrskovs")),
        ("Hvad er «skyggefunktioner», og hvorfor er de et problem?", ("skyggefunktioner",)),
    ],
    ids=["quoted-figures", "guillemets"],
)
def test_quoted_phrases_are_names_the_answer_must_mention(question: str, names: tuple[str, ...]) -> None:
    assert parse_query(question)[0].names == names


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("What did the TTA (Back to Work) project find?", ("TTA",)),
        ("Hvad sparede Udbetaling Danmark (UDK) på administration?", ("Udbetaling", "Danmark")),
        ("Hvor mange børnefaglige undersøgelser (BFU) gennemførte Varde?", ("Varde",)),
        ("What share of notifications led to a child welfare investigation (BFU)?", ()),
        ("Hvad sparede KMD (Kommunedata) og Holbæk (2014)?", ("KMD", "Holbæk")),
    ],
    ids=[
        "english-gloss-of-an-abbreviation",
        "abbreviation-after-a-name",
        "abbreviation-after-its-words",
        "english-abbreviation-after-its-words",
        "only-the-bracket-is-skipped",
    ],
)
def test_words_in_brackets_after_a_name_gloss_it(question: str, names: tuple[str, ...]) -> None:
    """«TTA (Back to Work)»: the bracket says the name again in other words (translated, spelt out or cut
    short); the passage may use either, so only the name itself must be mentioned."""
    assert parse_query(question)[0].names == names


def test_years_are_entities_not_figures() -> None:
    query = parse_query("Hvor mange årsværk brugte kommunerne på indkøb i 2016?")[0]
    assert query.years == ("2016",) and not query.figures


@pytest.mark.parametrize(
    ("question", "past", "own"),
    [
        ("Hvad sparede Holbæk ved at spare 5 minutter pr. faktura?", True, False),
        ("Hvad sparede vi, da vi flyttede 6.000 indkøb til e-handel?", True, True),
        ("Hvad sparer vi med 12 årsværk og 40 %?", False, True),
    ],
    ids=["report-example", "our-own-past", "our-own-present"],
)
def test_past_and_own_are_read_once(question: str, past: bool, own: bool) -> None:
    query = parse_query(question)[0]
    assert (query.past, query.own) == (past, own)


@pytest.mark.parametrize(
    ("question", "computes"),
    [
        ("14 årsværk, 29.000 kr./md., 30 % – besparelse?", True),
        ("25 årsværk, 450.000 kr. hver – samlet?", True),
        ("Indkøb 340 mio., e-handel 35 → 70 pct., prisfordel 6 pct. Besparelse?", True),
        ("Vi har 12 årsværk og 40 %. Beregn besparelsen.", True),
        ("KL's overslag lød på 510–680 mio. kr. – hvad var tallet under de gældende regler?", False),
        ("Hvor mange årsværk brugte Holbæk på 5.000 fakturaer og 3 minutter pr. faktura?", False),
        ("Favrskov sparede 16 kr. pr. brev – kilde?", False),
        ("Budgettet er 14 mio. kr., og vi skærer 4 %. Hvad løber det op i?", True),
        ("Tolv årsværk, 20 % effektivisering, 30.000 kr. om måneden. Hvad frigør det?", True),
        ("15 % på 9 årsværk til 0,5 mio. kr. – hvad er det værd?", True),
        ("Saving 2 minutes per invoice across 120,000 invoices a year – how many hours is that?", True),
        ("The target was DKK 6m but we realised DKK 4.2m. How far short are we?", True),
        ("At DKK 1,250 per pupil and 3,400 pupils, what's the total cost?", True),
        ("Hvad løb Hjørrings besparelse ved e-handel op i ifølge rapporten (s. 52)?", False),
        ("Rapporten nævner 37 timer om ugen; hvad bygger den på?", False),
        ("What do 250 licences at DKK 1,800 each come to?", True),
        ("What's the total saving the 2014 report lists for the 10 good examples?", False),
        ("Hvad er de 5 minutter pr. transaktion værd ifølge rapporten?", False),
        ("Hvad er Gladsaxes samlede gevinst beregnet til over 30 år?", False),
        ("Hvordan blev beregningen af de 4 % lavet?", False),
        ("Beregn, hvad 12 årsværk ved 30 % effektivisering frigør.", True),
    ],
    ids=[
        "terse-dash",
        "terse-total",
        "terse-sentence",
        "imperative",
        "dash-then-question",
        "cue-is-whole-words",
        "one-figure",
        "what-it-runs-up-to",
        "what-it-frees",
        "what-it-is-worth",
        "points-back-to-the-figures",
        "how-far-are-we",
        "whats-the-total",
        "a-report-s-figure-run-up-to",
        "a-report-pointed-back-to",
        "what-they-come-to",
        "a-report-s-total",
        "a-report-s-figure-worth",
        "a-report-s-calculation",
        "how-a-report-calculated",
        "beregn-asks-to",
    ],
)
def test_what_asks_to_compute(question: str, computes: bool) -> None:
    assert parse_query(question)[0].computes is computes


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken pris pr. løntime trykte KOMBIT-tabellen ved en månedsløn på 35.000 kr.?",
        "Hvilket beløb pr. medarbejder regnede rapporten med for 2.762 medarbejdere?",
        "Hvor mange årsværk kom Holbæk frem til med 5 minutter pr. faktura?",
        "How many FTE did the report say 354 FTE corresponded to?",
    ],
    ids=["printed", "reckoned", "arrived-at", "english-said"],
)
def test_reporting_verbs_in_the_past_ask_about_a_report(question: str) -> None:
    query = parse_query(question)[0]
    assert query.past and not query.happened


@pytest.mark.parametrize(
    ("question", "happened"),
    [
        ("Hvor meget sparede Horsens Kommune i 2018?", True),
        ("Hvilke nye tal meldte KOMBIT ud i maj?", True),
        ("What did Vejle achieve with video conferencing?", True),
        ("Hvad forventede KL, at kommunerne sparede i 2012?", False),
        ("Hvor meget sparer kommunerne i 2012?", False),
        ("Which areas did the government want to discuss in the 2018 negotiations?", False),
        ("What did the city council plan to save in 2016?", False),
        ("What did KL propose for 2012?", False),
    ],
    ids=[
        "saved",
        "announced",
        "english-did",
        "what-was-expected",
        "present",
        "english-wanted",
        "english-planned",
        "english-proposed",
    ],
)
def test_a_question_of_what_happened_is_told_from_one_of_what_a_report_said(question: str, happened: bool) -> None:
    assert parse_query(question)[0].happened is happened


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("Hvilke formål havde kommunen med samlingen?", ("formal",)),
        ("Hvilke konkrete anbefalinger kom der?", ("anbefaling",)),
        ("Hvilke fem fordele forventes der?", ("fordel",)),
        ("Hvilken kommune har udviklet datamodellen?", ("kommun",)),
        ("Which municipality developed the model?", ("kommun",)),
        ("Hvordan har kommunen gjort det?", ()),
        ("Hvilke faglige spor er forslagene inddelt efter?", ("spor",)),
        ("Hvilke fordele forventes der?", ("fordel",)),
        ("Giv eksempler på opgaver fra oversigten.", ("opgav",)),
        ("Hvad er de tre hovedgrupper af funktionalitet?", ("hovedgrup",)),
        ("What conditions should be met first?", ("beting", "forudsatning")),
        ("What are the main barriers?", ("barri",)),
        ("What is the saving?", ()),
        ("Which case areas does the model cover?", ("omrad",)),
        ("Which municipal models are described?", ("model",)),
        ("Which municipalities joined forces?", ("kommun",)),
        ("Which benefits does it bring?", ("gevinst", "fordel")),
        ("Nævn indikatorer, som kommunen kan følge.", ("indikator",)),
        ("Nævn de fordele, ministeriet fremhæver.", ("fordel",)),
        ("Hvilke af forslagene handler om indkøb?", ("forslag",)),
    ],
    ids=[
        "noun",
        "adjective-skipped",
        "number-word-skipped",
        "singular",
        "english-via-glossary",
        "no-which",
        "adjective-in-e-then-noun",
        "noun-in-e-then-verb",
        "examples-of",
        "hvad-er-de-counted-noun",
        "english-what-noun",
        "english-what-are-the",
        "english-what-is-no-noun",
        "english-noun-noun-head-last",
        "english-adjective-then-head",
        "english-verb-in-ed-ends-phrase",
        "english-phrase-ends-at-verb",
        "naevn-noun",
        "naevn-de-noun",
        "hvilke-af-a-definite-plural",
    ],
)
def test_the_noun_a_which_question_asks_about(question: str, focus: tuple[str, ...]) -> None:
    assert parse_query(question)[0].focus == focus


def test_an_english_question_keeps_the_danish_term_it_cites() -> None:
    query = parse_query("Who leads the cross-cutting track (tværgående indsatser) in the network?")[0]
    assert query.language is Language.EN
    assert ("indsats",) in query.term_groups or any("indsats" in g for g in query.term_groups)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("Hvad skal der etableres, og hvor lang er implementeringshorisonten?", Asks.FACT, Asks.FIGURE),
        ('Hvad er "skyggefunktioner", og hvorfor er de et problem?', Asks.FACT, Asks.REASON),
        ("Hvor mange årsværk bruger kommunerne, og hvilke områder fylder mest?", Asks.FIGURE, Asks.LIST),
    ],
    ids=["what-then-how-long", "what-then-why", "how-many-then-which"],
)
def test_each_part_of_a_two_part_question_asks_what_it_asks(question: str, first: Asks, second: Asks) -> None:
    query = parse_query(question)[0]
    assert (query.asks, query.also[0].asks) == (first, second)


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("Hvor mange kroner sparer kommunen årligt?", "amount"),
        ("Hvor mange penge har kommunen frigjort?", "amount"),
        ("Hvor mange år holder effekten?", "years"),
        ("Hvor mange årsværk bruger kommunerne?", "fte"),
        ("How many hours a week are saved?", "hours"),
        ("Hvor mange sygeplejeklinikker har kommunerne?", None),
        ("Hvor meget sparede kommunen?", None),
        ("Hvad kostede et forløb i kroner i Aabenraa?", "amount"),
        ("What did the project cost in DKK?", "amount"),
        ("Hvad sparer kommunen i timer om ugen?", "hours"),
        ("Hvad sparer kommunen i år?", None),
        ("How many weeks does a course last?", "duration"),
        ("Hvor mange måneder tager implementeringen?", "duration"),
        ("Hvor mange procent af lønsummen kan kommunen spare?", "percent"),
        ("How many percent of the invoices are electronic?", "percent"),
        ("Hvad er den årlige CO2-reduktion i ton?", "weight"),
        ("Hvor mange kWh sparer renoveringen?", "energy"),
        ("How many square metres does the town hall cover?", "area"),
        ("Hvad er Finlands besparelse i euro?", "euro"),
        ("Hvor mange euro sparede Finland?", "euro"),
        ("Med hvilken kalkulationsrente er tilbagebetalingstiden beregnet?", "percent"),
        ("Hvilken andel af sagerne blev digitale?", "percent"),
        ("What share of the resources can be saved?", "percent"),
        ("Hvilken besparelse fik Holbæk?", None),
    ],
    ids=[
        "kroner",
        "penge",
        "years",
        "fte",
        "english-hours",
        "a-count-of-things",
        "no-how-many",
        "in-kroner",
        "english-in-dkk",
        "in-hours",
        "this-year-is-no-unit",
        "english-weeks",
        "months",
        "hvor-mange-procent",
        "english-how-many-percent",
        "in-tons",
        "how-many-kwh",
        "english-square-metres",
        "in-euro",
        "how-many-euro",
        "which-rate-in-a-compound",
        "which-share",
        "english-what-share",
        "which-saving-names-no-unit",
    ],
)
def test_the_unit_a_how_many_question_names(question: str, unit: str | None) -> None:
    assert parse_query(question)[0].unit_asked == unit


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("Hvor mange lønregistre pr. årsværk håndterede de?", ("lonregistr",)),
        ("How many acute hospitals will there be?", ("akut", "sygehus")),
        ("Hvor mange af borgerne havde tilmeldt sig?", ()),
        ("Hvor mange skal jobcentret reducere med om måneden?", ()),
    ],
    ids=["noun-not-per", "adjective-then-noun", "how-many-of-asks-a-share", "how-many-then-a-verb"],
)
def test_what_a_how_many_question_counts(question: str, counted: tuple[str, ...]) -> None:
    assert parse_query(question)[0].counted == counted


@pytest.mark.parametrize(
    "question",
    [
        "Hvad betaler Billund Kommune i årlig licens for systemet?",
        "Hvad betalte kommunen for konsulentbistanden?",
        "What does the municipality pay for the licence?",
        "What did Vejle pay for the new system?",
        "Hvad skal en kommune betale for at bruge systemet?",
        "Hvad kommer den nye løsning til at koste om året?",
        "I hvilket år blev servicecentret oprettet?",
        "Which year did the municipalities merge their payroll?",
    ],
    ids=[
        "betaler",
        "betalte",
        "english-does-pay",
        "english-did-pay",
        "skal-betale",
        "kommer-til-at-koste",
        "which-year",
        "english-which-year",
    ],
)
def test_what_one_pays_or_the_year_asked_is_a_figure_asked_outright(question: str) -> None:
    """«Hvad betaler …» asks for an amount as «hvad koster …» does, «I hvilket år …» for a year: a sentence
    without one does not answer it."""
    query = parse_query(question)[0]
    assert (query.asks, query.figure_outright) == (Asks.FIGURE, True)


@pytest.mark.parametrize(
    ("question", "when"),
    [
        ("Hvornår blev Vejle frikommune?", True),
        ("Vi overvejer det samme. Hvornår skal ordningen være fuldt implementeret?", True),
        ("When did the municipality close the office?", True),
        ("Hvornår kan det betale sig at outsource en driftsopgave?", False),
        ("Hvordan finder vi ud af, hvornår det er tid til at skifte?", False),
        ("When the unit moved, how many jobs moved with it?", False),
        ("På hvilken dato gik systemet i drift i den sidste kommune?", True),
        ("On what date did the system go live?", True),
    ],
    ids=[
        "hvornaar",
        "after-a-statement",
        "english-when-did",
        "on-what-condition",
        "hvornaar-in-a-clause",
        "english-when-clause",
        "paa-hvilken-dato",
        "english-on-what-date",
    ],
)
def test_a_question_opening_with_when_asks_a_time(question: str, when: bool) -> None:
    assert ("when" in parse_query(question)[0].quantity_kinds) is when


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("Hvem betalte for den fælles hotline?", Named.ANYONE),
        ("Hvilken leverandør står bag appen?", Named.COMPANY),
        ("Hvilke kommuner deltog i arbejdsgruppen?", Named.MUNICIPALITY),
        ("Hvilke organisationer deltog i arbejdsgruppen?", Named.PARTY),
        ("Which IT supplier did the municipality choose?", Named.COMPANY),
        ("Hvem har ansvaret – KOMBIT eller kommunen?", None),
        ("Hvilke gevinster giver en fælles hotline?", None),
        ("I hvilken by blev centret placeret?", Named.PLACE),
        ("Hvilket arkitektfirma tegnede rådhuset?", Named.COMPANY),
        ("Hvilken effektivisering gav det?", None),
        ("Hvem var leverandør af den gamle platform?", Named.COMPANY),
        ("Hvem var formand for arbejdsgruppen?", Named.PERSON),
        ("Who was the chair of the working group?", Named.PERSON),
        ("Hvilken arkitekt eller totalrådgiver stod for rådhuset?", Named.COMPANY),
        ("Which municipality is the example from?", Named.MUNICIPALITY),
    ],
    ids=[
        "hvem",
        "hvilken-leverandoer",
        "hvilke-kommuner",
        "hvilke-organisationer",
        "english-one-word-between",
        "names-the-candidates",
        "not-a-party",
        "a-place",
        "a-compound-of-a-party-noun",
        "no-party-noun",
        "hvem-asks-a-business-by-its-noun",
        "hvem-asks-a-person-by-its-noun",
        "english-who-asks-a-person",
        "two-nouns-asked-are-no-candidates",
        "english-which-municipality",
    ],
)
def test_a_question_asking_who_or_which_party(question: str, asks: Named | None) -> None:
    assert parse_query(question)[0].asks_name is asks


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Hvem var formand for arbejdsgruppen?", "formand"),
        ("Who is the finance and labour market director quoted in the case?", "direktør"),
        ("Hvem var projektleder på rådhuset?", "leder"),
        ("Hvem betalte for den fælles hotline?", ""),
    ],
    ids=["formand", "english-director", "a-compound-of-a-role", "no-role"],
)
def test_a_question_asking_a_person_names_the_role(question: str, role: str) -> None:
    assert parse_query(question)[0].role == role


def test_a_month_is_no_name_the_passages_must_mention() -> None:
    query = parse_query("How many municipalities took part in the KOMBIT workshops in May 2014?")[0]
    assert query.names == ("KOMBIT",)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("I hvilket år blev Den Fælles Dataenhed oprettet?", ("Fælles", "Dataenhed")),
        ("Hvad sparede kommunen ved Det Fælles Indkøb?", ("Fælles", "Indkøb")),
    ],
    ids=["den-in-a-name", "det-in-a-name"],
)
def test_an_article_in_a_name_is_no_name_the_passages_must_mention(question: str, names: tuple[str, ...]) -> None:
    """«Den Fælles Dataenhed»: the article is no word the index keeps, so no passage could ever be found to
    mention it; the name's other words are."""
    assert parse_query(question)[0].names == names


@pytest.mark.parametrize(
    "question",
    ["Giv eksempler på opgaver fra oversigten.", "Give examples of tasks the unit took over."],
    ids=["da", "en"],
)
def test_asking_for_examples_asks_for_a_list(question: str) -> None:
    assert parse_query(question)[0].asks is Asks.LIST


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        pytest.param("Hvad indgår i KLK's forslag på området for udsatte børn og unge?", Asks.LIST, id="indgaar"),
        pytest.param("Hvad har skole- og dagtilbudssporet af forslag?", Asks.LIST, id="hvad-har-af"),
        pytest.param("Vi laver en strategi. Hvad bør den indeholde ifølge KLK?", Asks.LIST, id="boer-indeholde"),
        pytest.param("Hvad omfatter ordningen?", Asks.LIST, id="omfatter"),
        pytest.param("Hvad har kommunen fået ud af projektet?", Asks.FACT, id="ud-af-asks-what-came-of-it"),
        pytest.param("Hvad har kommunen opnået?", Asks.FACT, id="hvad-har-a-fact"),
    ],
)
def test_danish_phrasings_that_ask_for_what_something_contains(question: str, asks: Asks) -> None:
    assert parse_query(question)[0].asks is asks


@pytest.mark.parametrize(
    ("question", "statistic"),
    [
        ("Hvad var den gennemsnitlige besparelse pr. kommune?", "average"),
        ("What is the average number of cases per social worker?", "average"),
        ("Hvad er det maksimale fleksbidrag pr. måned?", "maximum"),
        ("Hvad er minimumsbeløbet?", None),
        ("Hvor meget sparede kommunerne over gennemsnittet?", None),
        ("What could the schools save if sick leave fell to the average or to the minimum level?", None),
        ("How much would we save if absence came down to the national average?", None),
        ("Hvad sparer vi, hvis fraværet falder til det gennemsnitlige niveau?", None),
        ("Hvor meget faldt fraværet til i gennemsnit?", "average"),
        ("What was the reduction on average in the municipalities?", "average"),
        ("What is the maximum subsidy for municipalities above average?", "maximum"),
    ],
    ids=[
        "average",
        "english-average",
        "maximum",
        "compound-is-not-asked",
        "the-average-as-a-benchmark",
        "fell-to-the-average-names-a-level",
        "to-the-national-average",
        "til-det-gennemsnitlige-niveau",
        "til-i-gennemsnit-is-asked",
        "on-average-is-asked",
        "a-level-then-a-statistic",
    ],
)
def test_the_statistic_a_figure_is_asked_as(question: str, statistic: str | None) -> None:
    assert parse_query(question)[0].statistic == statistic


@pytest.mark.parametrize(
    ("question", "drawbacks"),
    [
        ("Hvad er ulemperne ved at centralisere lønopgaverne?", True),
        ("Hvilke risici er der ved at outsource driften?", True),
        ("Hvilke barrierer har kommunerne mødt?", True),
        ("What are the drawbacks of a shared service centre?", True),
        ("Hvad er fordelene ved at centralisere lønopgaverne?", False),
        ("Hvad sparede kommunen ved at samle debitorerne?", False),
    ],
    ids=["ulemper", "risici", "barrierer", "english", "benefits", "figure"],
)
def test_a_question_of_drawbacks_is_read_as_such(question: str, drawbacks: bool) -> None:
    from gevinst.assistant.parse import parse_query

    assert parse_query(question)[0].drawbacks is drawbacks


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        ("Hvad koster anden fase af udrulningen?", {("fase", 2)}),
        ("Udrulning af LED-belysning, 1. fase: business case på første fase", {("fase", 1)}),
        ("What does phase 2 cost, and the second stage?", {("fase", 2), ("etape", 2)}),
        ("Det sker i en anden fase af projektet.", set()),
        ("Fasen 2014 og første år", set()),
    ],
    ids=["ordinal-word", "digit-and-word", "english", "another-is-no-ordinal", "year-and-other-nouns"],
)
def test_the_stages_a_text_names(text: str, stages: set[tuple[str, int]]) -> None:
    from gevinst.assistant.question_cues import stages as named

    assert named(text) == stages


@pytest.mark.parametrize(
    ("question", "price"),
    [
        ("Hvad betaler Billund Kommune i licens for systemet?", True),
        ("What did the project cost?", True),
        ("Hvor meget tid koster det at registrere en faktura?", False),
        ("Hvor mange årsværk koster opgaven?", False),
        ("Hvad koster det i procent af budgettet?", False),
        ("Hvor meget sparede kommunen?", False),
    ],
    ids=["betaler", "english-cost", "time-cost", "fte-cost", "percent-cost", "a-saving-is-no-price"],
)
def test_a_price_asked(question: str, price: bool) -> None:
    from gevinst.assistant.question_cues import asks_price

    assert asks_price(question) is price


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        pytest.param("Hvilken e-handelsgrad nåede kommunen?", {"percent"}, id="da-compound-tail"),
        pytest.param("Hvor stor var nettobesparelsen?", {"amount"}, id="da-compound-amount"),
        pytest.param("What was the gain from the merger?", {"amount"}, id="en-gain"),
        pytest.param("Did the municipality try the model again?", set(), id="en-again-is-no-gain"),
        pytest.param("Which separate units were merged?", set(), id="en-separate-is-no-rate"),
        pytest.param("What was the error rate?", {"percent"}, id="en-rate"),
        pytest.param("How many staff were moved?", {"fte", "count"}, id="en-staff"),
    ],
)
def test_the_quantity_kinds_a_question_asks_for(question: str, kinds: set[str]) -> None:
    # Danish words may end a compound; an English word is whole («again» holds no «gain»).
    assert parse_query(question)[0].quantity_kinds == frozenset(kinds)


@pytest.mark.parametrize(
    ("question", "reported"),
    [
        pytest.param(
            "Varde sparede 1,1 mio. kr. på 400 forløb. Vi har 650 forløb. Hvad kan vi spare?",
            "Varde sparede 1,1 mio. kr. på 400 forløb.",
            id="another-municipality",
        ),
        pytest.param(
            "Aarhus saved DKK 900,000 across 300 cases. We have 450 cases. What can we expect to save?",
            "Aarhus saved DKK 900,000 across 300 cases.",
            id="english-keeps-its-language",
        ),
        pytest.param("Vi har 8 årsværk til 480.000 kr. Hvad sparer vi ved 40 %?", None, id="only-our-figures"),
        pytest.param("Hvad er 40 % af 480.000 kr.?", None, id="the-asking-sentence"),
        pytest.param("Hvad sparede Holbæk?", None, id="no-figure"),
    ],
)
def test_someone_elses_figures_are_read_as_a_query_of_their_own(question: str, reported: str | None) -> None:
    query = parse_query(question)[0]
    assert [r.text for r in query.reported] == ([reported] if reported else [])
    assert all(r.language is query.language and r.figures for r in query.reported)


@pytest.mark.parametrize(
    ("question", "measures"),
    [
        pytest.param("Hvor meget kan kommunen spare på indkøb?", {"saving"}, id="da-spare"),
        pytest.param("Hvor store var nettobesparelserne?", {"saving"}, id="da-stem-inside-a-word"),
        pytest.param("How much did the municipality save?", {"saving"}, id="en-save"),
        pytest.param("How much was spent on the new system?", {"cost"}, id="en-spent"),
        pytest.param("How many cases were reopened again?", set(), id="en-again-is-no-gain"),
        pytest.param("Kan den betale sig?", set(), id="da-idiom"),
    ],
)
def test_what_a_figure_question_measures(question: str, measures: set[str]) -> None:
    assert parse_query(question)[0].measures == frozenset(measures)


@pytest.mark.parametrize(
    ("question", "per_unit"),
    [
        ("Hvor mange sager pr. årsværk kan en sagsbehandler klare?", True),
        ("How much is saved per employee?", True),
        ("Hvor mange årsværk pr. 1.000 indbyggere havde kommunerne?", True),
        ("Hvor meget sparer kommunen pr. år?", False),
        ("Hvad sparede Slagelse pr. 1. marts?", False),
        ("Hvad var den gennemsnitlige besparelse pr. kommune?", False),
    ],
    ids=["per-fte", "english-per", "per-thousand", "per-year", "pr-a-date", "average-per"],
)
def test_a_figure_asked_per_unit(question: str, per_unit: bool) -> None:
    assert parse_query(question)[0].per_unit is per_unit


def test_an_interest_rate_is_a_figure() -> None:
    query = parse_query("Hvilken rente fik kommunen på lånet til rådhuset?")[0]
    assert query.asks is Asks.FIGURE and query.figure_outright and "percent" in query.quantity_kinds


@pytest.mark.parametrize(
    ("question", "years", "report_years"),
    [
        ("Hvad sparede kommunerne ifølge KL's rapport fra 2009?", ("2009",), ("2009",)),
        ("Hvad viste KL's undersøgelse af administrationen fra 2009?", ("2009",), ("2009",)),
        ("I 2014-rapporten, hvad sparede Viborg?", ("2014",), ("2014",)),
        ("What does the 2014 report say about savings in 2013?", ("2014", "2013"), ("2014",)),
        ("Hvor stor var andelen med udsat skolestart i Billund i 2017?", ("2017",), ()),
        ("Hvad sparede de fra 2015 til 2017?", ("2015", "2017"), ()),
    ],
    ids=["rapport-fra", "words-between", "year-rapporten", "english-year-report", "the-figure-s-year", "a-span"],
)
def test_a_year_that_names_a_report_is_not_the_year_asked(
    question: str, years: tuple[str, ...], report_years: tuple[str, ...]
) -> None:
    query = parse_query(question)[0]
    assert query.years == years
    assert query.report_years == report_years


@pytest.mark.parametrize(
    ("question", "outright"),
    [
        ("Hvornår blev benchmarkværktøjet gjort permanent?", True),
        ("I hvilket år blev enheden oprettet?", True),
        ("Hvad var besparelsen?", False),
    ],
    ids=["when", "which-year", "a-figure-not-named"],
)
def test_a_time_asked_is_a_figure_asked_outright(question: str, outright: bool) -> None:
    assert parse_query(question)[0].figure_outright is outright


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Hvad betaler Kommune 3 om året til leverandøren?", "Kommune 3"),
        ("What did Municipality 2 expect to save?", "Kommune 2"),
    ],
    ids=["da", "en"],
)
def test_a_numbered_party_is_named_by_its_number(question: str, named: str) -> None:
    assert named in parse_query(question)[0].names
