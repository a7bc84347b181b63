"""What the reports cannot know, though their passages are on the topic: what happened after a report was
written, what a report itself says is not known yet, and a figure a report leaves as a template's placeholder
(«potentialet i forslaget udgør XXX»). All are refusals whose passages look relevant — the term coverage and
the meaning of the lead are high — so the calibrated score alone answers them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gevinst.assistant import figure_kind, lexicon, question_cues
from gevinst.assistant.candidate import Candidate
from gevinst.assistant.query import Asks, Query
from gevinst.assistant.question_text import numbered_parties
from gevinst.assistant.retrieval import Retrieved
from gevinst.index import textnorm
from gevinst.types import Chunk


def after_publication(query: Query, retrieved: Retrieved, lead: Candidate) -> bool:
    """A question of what happened in a year after the lead passage's report was published («Hvad sparede
    kommunerne i regnskab 2012?» of a 2009 report): the report can only have planned or forecast it."""
    published = retrieved.published.get(retrieved.chunks[lead.passage].doc_id)
    if published is None or not query.happened:
        return False
    # a year's accounts close after it ends: «regnskabet for 2014» is not in a report of 2014
    return any(int(y) > published for y in query.years) or any(int(y) >= published for y in query.accounts_years)


def estimate_for_actual(query: Query, retrieved: Retrieved, lead: Candidate) -> bool:
    """A figure question of what actually came of something («Hvad var kommunens faktiske e-handelsprocent?»)
    whose leading sentence gives only an estimate or a target («Et positivt skøn ville være … ca. 90 %»)."""
    if not query.actual or query.asks is not Asks.FIGURE:
        return False
    sentence = retrieved.chunks[lead.passage].text[lead.start : lead.end]
    if question_cues.estimate_pattern().search(sentence):
        return True
    # «… har realiseret 600 mio. kr. i 2013, og at de i 2014 budgetterer med 780 mio. kr.»: the clause that dates
    # the year asked plans it («budgetterer»), though the sentence also tells what came of another year
    budgeted = question_cues.estimate_pattern("budgeted")
    if budgeted.search(query.text):  # «… og hvor meget budgetterede kommunerne med for 2014?» asks the plan too
        return False
    return any(any(y in clause for y in query.years) and budgeted.search(clause) for clause in _CLAUSE.split(sentence))


_CLAUSE = re.compile(r",\s+(?:og|mens|men|hvor)\s|;\s")


def other_figure(query: Query, retrieved: Retrieved, lead: Candidate) -> bool:
    """A figure question whose leading sentence states another amount than the one asked (a saving for a
    price: «Hvad koster en licens?» — «… en besparelse på 1,32 mio. kr. ved brugen af systemet»; extra costs for
    a saving) or another budget year («budget 2020» — «… 5 % i B18 ift. B14»)."""
    if query.asks is not Asks.FIGURE:
        return False
    sentence = retrieved.chunks[lead.passage].text[lead.start : lead.end]
    # the name asked about says who, not which amount: «Udbetaling Danmark» is no payment, «Fællesindkøb» no cost
    unnamed = (
        re.sub(r"\b(?:" + "|".join(map(re.escape, query.names)) + r")\b", " ", sentence) if query.names else sentence
    )
    return figure_kind.states_other_amount(query.amount, unnamed) or figure_kind.other_budget_year(
        query.budget_years, sentence
    )


# Places named in a row («(Frederikshavn, Gentofte, Ishøj, Ringsted, Silkeborg og Svendborg)»): three or more
# capitalised names, the last joined by og/samt/and
_NAMED_IN_A_ROW = re.compile(r"[A-ZÆØÅ][\wæøå-]+(?:,\s+[A-ZÆØÅ][\wæøå-]+)+,?\s+(?:og|samt|and)\s+[A-ZÆØÅ][\wæøå-]+")


def one_of_many(query: Query, retrieved: Retrieved, lead: Candidate) -> bool:
    """A figure question about one party whose lead names it only in a row of several («… i seks kommuner
    (Frederikshavn, Gentofte, Ishøj, …) konkluderer, at alle seks …»): its figure is the group's, not that party's."""
    parts = lexicon.word_set("name_parts")  # «Gentofte Kommunes» names Gentofte
    names = [n for n in lexicon.specific_names(query.names) if n.lower() not in parts]
    if query.asks is not Asks.FIGURE or len(names) != 1 or query.compares:
        return False
    sentence = retrieved.chunks[lead.passage].text[lead.start : lead.end]
    stem = names[0].rstrip("s") if names[0].endswith("s") and len(names[0]) > 4 else names[0]
    named = re.compile(rf"\b{re.escape(stem)}")
    outside = _NAMED_IN_A_ROW.sub(lambda m: " " if named.search(m.group(0)) else m.group(0), sentence)
    return outside != sentence and not named.search(outside)


def year_not_stated(query: Query, retrieved: Retrieved, chosen: list[Candidate]) -> Candidate | None:
    """For a figure question about a year: the first chosen sentence that states a figure, when it names years
    and not that one («Hvad sparede de i 2016?» — «… i 2014 … besparelser på 175 mio. kr.»; a sentence that
    only dates something else, «flyttede til Hjørring i 2016», states no figure). The refusal quotes it, so
    the manager sees which year the source does give."""
    asked = asked_years(query)
    first = first_stating(chosen)
    if first is None:
        return None
    return (
        first if figure_kind.other_year(asked, retrieved.chunks[first.passage].text[first.start : first.end]) else None
    )


def first_stating(chosen: list[Candidate]) -> Candidate | None:
    """The first chosen sentence that states a figure (of any kind): the nearest the sources give."""
    return next((c for c in chosen if c.fit > 0), None)


def other_years_only(query: Query, retrieved: Retrieved, chosen: list[Candidate]) -> bool:
    """A figure question about a year whose chosen sentences name years, but never that one."""
    asked = set(asked_years(query))
    if not asked:
        return False
    named = [figure_kind.years_named(retrieved.chunks[c.passage].text[c.start : c.end]) for c in chosen]
    return not any(asked & years for years in named) and any(named)


_MUNICIPALITY = re.compile(r"\b([A-ZÆØÅ][\wæøå]+(?:-[A-ZÆØÅ][\wæøå]+)?) Kommunes?\b")


@dataclass(frozen=True)
class Parties:
    """For a figure question about named parties: the index tokens of each party asked about, of the
    municipalities the read passages name («X Kommune») other than those («Holbæks» is Holbæk), and whether a
    party asked is itself one the passages name as a municipality («Varde Kommune»)."""

    asked: tuple[frozenset[str], ...] = ()
    others: tuple[frozenset[str], ...] = ()
    municipality: bool = False


def parties_of(query: Query, read: list[Chunk], municipal: frozenset[str] = frozenset()) -> Parties:
    """`read`: the passages evidence reads; `municipal`: the names the corpus writes before «Kommune», which name
    a municipality without it too («Slagelse har gennemført …»)."""
    names = lexicon.specific_names(query.names)
    if query.asks is not Asks.FIGURE or not names:
        return Parties()
    asked = tuple(_numbered(n) or frozenset(textnorm.tokens(n)) for n in names)
    everyone = set().union(*asked)
    named = [frozenset(textnorm.tokens(m.group(1))) for c in read for m in _MUNICIPALITY.finditer(c.text)]
    named += [frozenset(textnorm.tokens(p)) for c in read for p in places_named(c.text, municipal)]
    named += [_numbered(party) for c in read for party in numbered_parties(c.text)]
    others = tuple(sorted({t for t in named if t and not t & everyone}, key=sorted))
    return Parties(asked, others, any(t & everyone for t in named))


def places_named(text: str, places: frozenset[str]) -> set[str]:
    """The corpus's municipalities (`Casing.places`) the text names, standing alone («Slagelse har …»)."""
    return {m.group(0) for m in _places(places).finditer(text)}


@cache
def _places(municipal: frozenset[str]) -> re.Pattern[str]:
    """A municipality's name as the corpus writes it before «Kommune», standing alone in a sentence."""
    words = sorted(municipal, key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words)) or '$^'})(?![\w-])")


def _numbered(text: str) -> frozenset[str]:
    """The numbered parties in `text` as tokens of their own («Kommune 3» → "kommune#3"): one party by its number,
    not the word «kommune» all of them share."""
    return frozenset("kommune#" + party.split()[-1] for party in numbered_parties(text))


def party_told(parties: Parties, sentence: str, tokens: set[str], before: bool) -> bool:
    """Whether a sentence tells of others than the municipality asked about: it names another and not the one
    asked, it names none and the passage last named another («Holbæk Kommune har samlet … . Besparelsen er
    1,3 mio. kr.»), or it opens with municipalities in the plural («Kommunerne har fra tre til fem klinikker»
    does not say how many Varde has)."""
    tokens = tokens | _numbered(sentence)
    if not parties.asked or any(n <= tokens for n in parties.asked):
        return False
    if parties.municipality and _many_municipalities().match(sentence.lower()):
        return True
    return bool(parties.others) and (before or any(o <= tokens for o in parties.others))


@cache
def _many_municipalities() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon.lexicon_data()["many_municipalities"])
    return re.compile(rf"\W*(?:{words})(?![\w-])")


def nobody_named(query: Query, retrieved: Retrieved, chosen: list[Candidate]) -> Candidate | None:
    """The lead, when a question asking who or which party («Hvem …?», «Hvilken leverandør …?») finds no chosen
    sentence naming one (evidence's fit 1 for such a sentence): the refusal quotes it, so the manager sees what
    the source does say."""
    if query.asks_name is None or retrieved.casing is None or not chosen or any(c.fit >= 1.0 for c in chosen):
        return None
    return chosen[0]


def asked_years(query: Query) -> tuple[str, ...]:
    """The calendar years a figure question asks its figure for; not a year that names a report («KL's rapport
    fra 2009»). A report's year of publication may be the year asked («andelen … i 2017» of a report of 2017)."""
    if query.asks is not Asks.FIGURE:
        return ()
    return tuple(y for y in query.years if y not in query.report_years)


def said_not_yet(query: Query, retrieved: Retrieved, chosen: list[Candidate]) -> Candidate | None:
    """The sentence in which the source says that what a past-tense question asks about is not known yet
    («anbefalingerne … er endnu ikke offentliggjorte»), or that what any question asks about is not in the
    report («hvorfor det ikke indgår i denne rapport»): the lead or a sentence that runs on from it. A
    question of why or how is answered by such a sentence and is not held to this; nor is a question whose
    lead, or a sentence after it, already states what is asked (by its kind) before the source says what is
    not known yet."""
    if not chosen or query.asks in (Asks.REASON, Asks.METHOD):
        return None
    text = retrieved.chunks[chosen[0].passage].text
    run = [chosen[0]]
    for c in chosen[1:]:
        if c.passage != run[-1].passage or c.start < run[-1].end or text[run[-1].end : c.start].strip(" \n-•–*"):
            break
        run.append(c)
    for c in run:
        if question_cues.not_yet_pattern(query.past).search(text[c.start : c.end]):
            return c
        if c.fit >= 1.0:
            return None  # a sentence before it states what is asked: what is not known yet is something else
    return None


# A template's placeholder («… er XXX»); a unit with no number where the figure would stand: the report (or the
# text the PDF gave) left it blank («lønindtægten er på kr. pr. måned», «en effektivisering på % af …»).
_PLACEHOLDER = re.compile(r"\b(?:X{3,}|Y{3,})\b")
_BLANK = re.compile(
    r"(?<![\wæøå])(?:på|er|med|til|ca\.?|cirka|omkring|af|blot|kun)\s+(?:kr\.?|%|pct\.?|procent|mio\.\s*kr\.?)"
    r"(?![\wæøå])(?!\.?\s*\d)"
)


def left_blank(query: Query, retrieved: Retrieved, chosen: list[Candidate]) -> Candidate | None:
    """A figure question whose best sentence, scored at least as high as the lead, has a placeholder or a blank
    where the figure would stand («Visitationens samlede økonomiske ramme i kommunen er XXX», «… er på kr. pr.
    måned»): the report does not state it, and the figure the lead states is about something else."""
    if not chosen or query.asks is not Asks.FIGURE:
        return None
    lead = chosen[0]

    def blank(c: Candidate) -> bool:
        text = retrieved.chunks[c.passage].text[c.start : c.end]
        # a unit without its number is blank only where no figure of the kind asked is stated: «… gevinst på 114
        # kr. om måneden modsvares af en gevinst for borgeren på kr. …» states the one asked
        return bool(_PLACEHOLDER.search(text) or (lead.fit < 1.0 and c.fit < 1.0 and _BLANK.search(text)))

    return next((c for c in chosen if c.score >= lead.score and blank(c)), None)


def not_stated(query: Query, retrieved: Retrieved, chosen: list[Candidate]) -> Candidate | None:
    """The source's own sentence that what is asked is not known yet or left blank, if there is one."""
    return said_not_yet(query, retrieved, chosen) or left_blank(query, retrieved, chosen)
