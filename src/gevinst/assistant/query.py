"""The question, read once. `parse_query` builds a frozen `Query` that retrieval, the answerers, the router
and the refusal rule consume; nothing downstream re-reads the question text with its own regexes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gevinst.calculators.spec import Period


class Language(StrEnum):
    DA = "da"
    EN = "en"


class Amount(StrEnum):
    """The amount a figure question asks: a saving or a price (figure_kind.py reads it)."""

    SAVING = "saving"  # «hvad sparede …», «hvor stor en besparelse»
    PRICE = "price"  # «hvad koster …», «hvad betaler …»


class Asks(StrEnum):
    """What the question asks for; it decides which sentences answer it."""

    FIGURE = "figure"  # «hvor meget/mange», «hvad koster», «hvilket potentiale»
    LIST = "list"  # «hvilke …», «nævn», «which …»
    REASON = "reason"  # «hvorfor», «why»
    METHOD = "method"  # «hvordan», «how did», «på hvilken måde»
    CALCULATION = "calculation"  # asks us to compute with figures it gives
    FACT = "fact"  # anything else: «hvad er …», «hvem …», «hvornår …»


class Named(StrEnum):
    """What a question asking who or which asks to be named."""

    ANYONE = "anyone"  # «Hvem …?», "Who …?": a person (a text's author too) or a party
    PARTY = "party"  # «Hvilke kommuner …», «Hvilken organisation …»
    COMPANY = "company"  # «Hvilken leverandør …», «Hvilket arkitektfirma …»: a business, never a municipality
    PERSON = "person"  # «Hvem var formand …?»: a person, never a municipality or an abbreviation
    PLACE = "place"  # «I hvilken by …», "Which country …": a place, never an abbreviation
    MUNICIPALITY = "municipality"  # «Hvilken kommune …», "Which municipalities …": a municipality by its name


class UnitKind(StrEnum):
    """The kind of a number in a question, from its own unit or the word after it."""

    AMOUNT = "amount"  # kr.
    PERCENT = "percent"
    FTE = "fte"  # årsværk, fuldtidsstillinger
    HOURS = "hours"
    MINUTES = "minutes"
    YEARS = "years"
    COUNT = "count"  # a plain count of things (sager, borgere, indkøb …)
    YEAR = "year"  # a calendar year («i 2016»): not a figure to calculate with
    LABEL = "label"  # a number that names something («model 2», «side 52», «fase 3»): not a figure either


@dataclass(frozen=True)
class QuantityMention:
    """A number as the question states it, with what it counts and the words around it."""

    value: float
    unit: UnitKind
    text: str  # as written («450.000 kr.»)
    start: int
    end: int
    noun: str  # the word that follows the number, lower case («årsværk», «sager», «hjemmebesøg»), or ""
    before: str  # up to 60 characters before the number, lower case
    after: str  # up to 40 characters after it, lower case
    high: float | None = None  # the upper end of a range («120-150 mio. kr.»)
    per: Period | None = None  # the period it is stated per, right after it («om året», «kr./md.», «a year»)


@dataclass(frozen=True)
class Query:
    raw: str  # the question as typed (control characters removed, whitespace folded)
    text: str  # stand-alone text after the conversation (a follow-up completed from the last question)
    language: Language
    search_text: str  # what retrieval searches with (an English question carries its Danish terms)
    terms: tuple[str, ...]  # normalised content terms that the evidence must cover (no question or generic words)
    names: tuple[str, ...]  # proper names and abbreviations the question mentions («Ringkøbing-Skjern», «KSD»)
    quantities: tuple[QuantityMention, ...]
    asks: Asks
    computes: bool  # the question asks us to compute something («hvad sparer vi», «beregn», «hvad bliver»)
    follow_up: bool = False
    # The question sentence asks about the past («Hvad sparede …?», «What did … save?»): a report's example,
    # not a calculation of the asker's own.
    past: bool = False
    # … and of what happened («Hvad sparede …?»), not of what a report said («Hvad forventede KL …?»): a report
    # published before the year asked about cannot know it.
    happened: bool = False
    # It asks what actually came of something («den faktiske besparelse», «the actual saving»): a report's estimate
    # or target («Et positivt skøn ville være …», «Målet …») does not answer it.
    actual: bool = False
    # The years whose accounts it asks about («i regnskabet for 2014»): a year's accounts close after it ends, so
    # a report published that year or before cannot state them.
    accounts_years: tuple[str, ...] = ()
    # The years that name a report, not the figure asked («KL's rapport fra 2009», «2014-rapporten»).
    report_years: tuple[str, ...] = ()
    own: bool = False  # it speaks of the asker's own situation («vi», «vores», «we», «our»)
    # It takes a report's figure for its own («samme besparelse … som Københavns GPS-flådestyring»): the one
    # percentage its calculator lacks comes from the retrieved passage (borrowed.py).
    borrows: bool = False
    # It asks about a report's worked example («i KLK's eksempel 1», «in the report's example»): a lookup of
    # what the report computed, not a calculation of the asker's own.
    about_example: bool = False
    # A figure asked for outright («hvor meget/mange …», «how much …»), not only by naming its kind («Hvad
    # kræver det af investering …?»): only then does a passage without a figure mean the sources do not answer.
    figure_outright: bool = False
    # The later questions of a question that asks two («Hvor mange …, og hvilke kommuner …?»), each read on its
    # own (with the whole question's names), so the answer quotes a sentence for each.
    also: tuple[Query, ...] = ()
    # A calculation's statements of someone else's figures («KOMBIT nævner en reduktion af personalet med 40 %»,
    # «Varde sparede 1,1 mio. kr.»: a sentence that does not ask and has no «vi», «vores», «our»), read as one
    # query of their own, so the passage stating the example the question builds on can be searched for.
    reported: tuple[Query, ...] = ()
    # `terms` grouped by the question word they come from («LED-belysning» → led, belysning, ledbelysning;
    # English «estimate» → skøn, vurdering): a group is covered when any of its members is.
    term_groups: tuple[tuple[str, ...], ...] = ()
    # A later part of a two-part question («…, og hvad er resultatet?»): the index tokens of the part's own words.
    # The first part, in brackets, only keeps its topic; its many words would outweigh what the part asks.
    own_terms: frozenset[str] = frozenset()
    # The noun a «hvilke/hvilken/which …» question asks about («Hvilke formål …» → formål, «Hvilken kommune …»
    # → kommune), as index tokens (Danish for an English question): the sentence naming it answers.
    focus: tuple[str, ...] = ()
    # The unit a «hvor mange …»/"how many …" question names right after it («hvor mange kroner» → amount,
    # «hvor mange år» → years), when the noun is a unit: only a sentence stating that kind answers it.
    unit_asked: str | None = None
    # The index tokens of what a «hvor mange …» question counts («hvor mange dagtilbud» → dagtilbud): a number
    # before that noun states the figure asked, however small.
    counted: tuple[str, ...] = ()
    # What the asker quotes or puts in brackets: in an English question, the reports' own Danish terms.
    cited: tuple[str, ...] = ()
    # The numbered blocks the question names («KLK's eksempel 3» → ("eksempel", "3")): answered inside that block.
    labels: tuple[tuple[str, str], ...] = ()
    # The statistic a figure is asked as («den gennemsnitlige besparelse» → "average"): stated, or not answered.
    statistic: str | None = None
    # It asks its figure per unit («hvor mange sager pr. årsværk», «sparer pr. borger»): a rate is stated, or not
    # answered.
    per_unit: bool = False
    # The ends of a ranking it asks for («de højeste og de laveste …» → high, low): a table's extreme rows answer.
    extremes: frozenset[str] = frozenset()
    # It asks for a measure's drawbacks, risks or barriers («Hvad er ulemperne ved …?»): the sentence naming them
    # answers it, not the one stating the gains.
    drawbacks: bool = False
    # The quantity kinds its words ask for («hvor mange årsværk» → fte, count; «besparelse» → amount).
    quantity_kinds: frozenset[str] = frozenset()
    # It compares («Hvorfor blev X en bedre løsning end Y?»): the sentences that compare give the reasons.
    compares: bool = False
    # It asks how something moves («… udgifterne at flytte sig», «påvirker»): sentences stating directions answer.
    asks_change: bool = False
    # A how that asks how a figure is worked out («Hvordan beregner vi gevinsten?»): the calculation answers it.
    calculates: bool = False
    # A how that asks what is recommended («Hvordan anbefales det at …», «Hvordan bør vi …»): a recommendation answers.
    recommends: bool = False
    # A price is asked («Hvad betaler …», «what does it cost»): stated in kroner, not in hours or a share.
    price: bool = False
    # What its figure measures («Hvad forventede … at spare» → saving): the sentence stating it as such answers it.
    measures: frozenset[str] = frozenset()
    # The numbered stages the question asks about («anden fase» → ("fase", 2)): another stage's figures do not answer.
    stages: frozenset[tuple[str, int]] = frozenset()
    # The amount asked: a saving («hvad sparede …») or a price («hvad koster …»), not both.
    amount: Amount | None = None
    # The budget years it names by label («budget 2020», «B2020», «B20» → "2020").
    budget_years: tuple[str, ...] = ()
    # It asks who or which party («Hvem betalte …?», «Hvilken leverandør …») or place («I hvilken by …»): a
    # sentence naming one answers it.
    asks_name: Named | None = None
    # The role whose holder a question asking a person wants named («Hvem var formand …?» → "formand"): a sentence
    # naming someone answers it only with the role in it.
    role: str = ""
    # «Hvor mange af de ca. 230 arbejdspladser …?»: a part of a whole whose figure the question states
    part_asked: bool = False
    # The index tokens of the noun a Danish question asks about as its subject («Hvordan håndteres momsen …» →
    # moms): a passage that never names it does not answer.
    topic: tuple[str, ...] = ()

    @property
    def groups(self) -> tuple[tuple[str, ...], ...]:
        return self.term_groups or tuple((t,) for t in self.terms)

    @property
    def years(self) -> tuple[str, ...]:
        """The calendar years the question names («i 2020» → "2020")."""
        return tuple(str(int(q.value)) for q in self.quantities if q.unit is UnitKind.YEAR)

    @property
    def figures(self) -> tuple[QuantityMention, ...]:
        """Numbers to calculate with: calendar years excluded."""
        return tuple(q for q in self.quantities if q.unit not in (UnitKind.YEAR, UnitKind.LABEL))
