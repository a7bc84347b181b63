"""`parse_query`: the one place a question's text is read. Everything after it consumes the `Query`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from gevinst.assistant import figure_kind, glossary, lexicon, question_cues
from gevinst.assistant.conversation import cited, is_follow_up, language_of, standalone_query
from gevinst.assistant.figure_asked import asks_number_of, asks_part_of_stated_whole, how_many, names_unit, word_group
from gevinst.assistant.number_words import small_number
from gevinst.assistant.quantities import read_quantities, spell_fractions
from gevinst.assistant.query import Asks, Language, Named, QuantityMention, Query, UnitKind
from gevinst.assistant.question_text import clean_question, names_in
from gevinst.assistant.sentence_kind import (
    asks_calculation,
    asks_change,
    asks_comparison,
    names_drawbacks,
    recommends,
)
from gevinst.index import textnorm


def _english_search_text(text: str) -> tuple[str, list[str]]:
    """The question with the Danish of both glossaries appended (what BM25 searches for), and the hand glossary's
    Danish alternatives of each word (the terms a passage is asked to cover). The corpus glossary only widens the
    search: as coverage terms its broad entries pulled the evidence toward passages that merely restate the
    question's setting and lowered the coverage the refusal score reads."""
    searched = _glossary_danish(text.lower(), hand_only=False)
    return (f"{text} {' '.join(searched)}" if searched else text), _glossary_danish(text.lower(), hand_only=True)


def _glossary_danish(low: str, hand_only: bool) -> list[str]:
    # a phrase («building blocks», «foster families») is read as one: its words are not read alone
    phrases, low = glossary.phrases_in(low, hand_only)
    danish = [d for w in re.findall(r"[a-z][a-z-]*", low) if (d := glossary.danish_for(w, hand_only))]
    return danish + [glossary.words()[p] for p in phrases]


def term_groups(words: list[str]) -> tuple[tuple[str, ...], ...]:
    """One group of index tokens per question word (or per English word's Danish alternatives); a group
    whose tokens all appeared already is dropped."""
    groups: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for word in words:
        group = word_group(word)
        if group and not set(group) <= seen:
            groups.append(group)
            seen.update(group)
    return tuple(groups)


# «Hvad er de tre hovedgrupper …», «What are the barriers …», «What conditions …» ask for a list as «hvilke»
# does; a word after «what» that is no noun the glossary knows («What is …», «What does …») names no focus.
_ASKS_WHICH = re.compile(
    r"\b(?:hvilke|hvilken|hvilket|which|eksempler på|examples of|hvad er de|hvad var de|what are the|what were the"
    r"|what|nævn|nævne|opregn|list|name)\s+([\wæøå-]+(?:\s+[\wæøå-]+){0,3})",
    re.IGNORECASE,
)


def _focus(text: str, language: Language) -> tuple[str, ...]:
    """The index tokens of the noun a «hvilke/hvilken/which …» or «Nævn …» question asks about: the first word after the
    question word that is not a determiner, a general adjective or a number word."""
    m = _ASKS_WHICH.search(text)
    if m is None:
        return ()
    skip = lexicon.focus_skip()
    words = [w for w in m.group(1).lower().split() if w not in skip and small_number(w) is None]
    if not words:
        return ()
    noun = words[0]
    if language is Language.EN:
        return _english_head(words)
    # «Hvilke faglige spor …»: a word in -e before a content word is an adjective, the word after it the noun;
    # not a noun in the definite plural («Hvilke af forslagene handler …»)
    if noun.endswith("e") and not noun.endswith("ne") and len(words) > 1 and word_group(words[1]):
        noun = words[1]
    return word_group(noun)


# Words that end an English noun phrase after «which/what»: the verb or preposition that follows it.
_PHRASE_END = frozenset(
    "does do did is are was were would could should can will has have had for of in on to and or".split()
)


def _english_head(words: list[str]) -> tuple[str, ...]:
    """The head of the English noun phrase after «which/what»: its last noun, since English puts the noun that
    names the things asked for last («Which case areas …» asks for areas, «What development opportunities …» for
    opportunities); a first word the glossary does not know (or only as a general word) is taken alone."""
    groups: list[tuple[str, ...]] = []
    for word in words:
        if word in _PHRASE_END or (groups and word.endswith("ed")):  # «Which municipalities joined …»
            break
        group = word_group(glossary.danish_for(word) or "")
        if not group:
            break
        groups.append(group)
    return groups[-1] if groups else ()


def _topic(text: str, language: Language) -> tuple[str, ...]:
    noun = question_cues.topic_noun(text) if language is Language.DA else None
    return tuple(t for t in textnorm.tokens(noun or "") if t not in lexicon.generic_terms())


# «i KLK's eksempel 1», «ifølge KLK-rapporten», "according to the report": what a report's own example computed
_REPORT_EXAMPLE = re.compile(
    r"\b(?:eksempel|example)\s+\d{1,2}\b|\b(?:rapportens|[A-ZÆØÅ]{2,}[´'’]?s|the report'?s)\s+(?:eksempel|example)\b"
    r"|\b(?:ifølge|according to)\s+(?:the\s+)?[\wæøå'’-]*(?:rapport|report)"
)


_MORE_NUMBERS = re.compile(r"^[a-z]?\s*(?:,|og|and|eller|or|-|–)\s*\d")
_BLOCK_LETTER = re.compile(r"^[a-z](?![\wæøå])")  # «model 1B»: the letter written onto the number


def _labels(quantities: Sequence[QuantityMention]) -> tuple[tuple[str, str], ...]:
    """The numbered block named by a label number and the noun before it («eksempel 3», «example 2»); not
    blocks named in a row («model 1A, 1B og 2»), which the answer compares rather than stays inside."""
    blocks = lexicon.block_labels()
    named = [
        (blocks[noun], q.text.lower() + (letter.group() if (letter := _BLOCK_LETTER.match(q.after)) else ""))
        for q in quantities
        if q.unit is UnitKind.LABEL
        and (noun := (q.before.split() or [""])[-1]) in blocks
        and not _MORE_NUMBERS.match(q.after)
    ]
    return tuple(named)


def _computes(text: str, figures: int) -> bool:
    said = question_cues.says_compute(text) or question_cues.asks_for_result(text)
    return (figures > 0 and said) or (figures > 1 and question_cues.is_terse(text))


# «…, og hvilke kommuner …?», «… and how long …?»: a second question joined to the first.
_SECOND_QUESTION = re.compile(
    r",?\s+(?:og|and)\s+(?=(?:hvilke|hvilken|hvilket|hvad|hvor|hvordan|hvorfor|hvem|hvornår|which|what|how|why|who"
    r"|when)\b)",
    re.IGNORECASE,
)


def _later_questions(text: str) -> tuple[Query, ...]:
    """The question after «, og hvilke …» read on its own, the first one after it in brackets: it keeps the
    second about the same thing («… og hvilke kommuner var med til at forberede dem?» is about KOMBIT's
    workshops) while the second's own words ask what it asks."""
    m = _SECOND_QUESTION.search(text)
    if m is None:
        return ()
    second = text[m.end() :].strip().rstrip("?")
    return (parse_query(second, split=False, context=text[: m.start()].strip())[0],)


# A sentence of the question: up to a full stop, question or exclamation mark followed by a capital, or the end
_SENTENCE = re.compile(r".+?(?:[.?!](?=\s+[A-ZÆØÅ])|$)", re.DOTALL)


def _reported(text: str, language: Language) -> tuple[Query, ...]:
    """The sentences of a calculation that state someone else's figures (no «vi», «vores», «our»; not the one
    that asks, whose figures are the asker's), read as one query when they state a figure."""
    own = lexicon.ownership_words()
    statements = [
        m.group(0).strip()
        for m in _SENTENCE.finditer(text)
        if not m.group(0).rstrip().endswith("?") and not own & set(re.findall(r"[\wæøå]+", m.group(0).lower()))
    ]
    if not statements:
        return ()
    reported = parse_query(" ".join(statements), split=False, language=language)[0]
    return (reported,) if reported.figures else ()


_WORD = re.compile(r"[\wæøåÆØÅ]+(?:-[\wæøåÆØÅ]+)*")


def _word_groups(text: str, language: Language) -> tuple[tuple[str, ...], ...]:
    """The term groups of a text's own words (an English text's Danish glossary terms)."""
    if language is Language.EN:
        return term_groups(_english_search_text(text)[1])
    return term_groups(_WORD.findall(text))


def parse_query(
    question: str,
    history: Sequence[object] = (),
    limit: int = 2000,
    split: bool = True,
    context: str = "",
    language: Language | None = None,
) -> tuple[Query, str]:
    """The `Query` and a notice (e.g. that the question was cut). `context`: the question a later part of a
    two-part question belongs to, appended in brackets to keep its topic; the part's own words say what it asks.
    `language`: a part's is the whole question's (one short sentence is too little to tell)."""
    part = question
    if context:
        question = f"{question} ({context})?"
    raw, notice = clean_question(question, limit)
    language = language or Language(language_of(raw))
    follow_up = bool(history) and is_follow_up(raw)
    text = spell_fractions(standalone_query(raw, history), language is Language.EN)
    names = names_in(text, english=language is Language.EN)
    if language is Language.EN:  # «Copenhagen» is «København» in the reports
        exonyms = glossary.hand_words()
        names = tuple(exonyms.get(n.lower(), n).split()[0].capitalize() if n.lower() in exonyms else n for n in names)
        search_text, danish = _english_search_text(text)
        groups = term_groups([*danish, *cited(text), *names])
    else:
        search_text, groups = text, _word_groups(text, language)
    terms = tuple(dict.fromkeys(t for g in groups for t in g))
    quantities = read_quantities(text, english=language is Language.EN)
    # A question that asks two things asks, in its first part, what that part asks («Hvad skal der etableres
    # …, og hvor lang er implementeringshorisonten?» asks first for what is established, not for a figure).
    second = _SECOND_QUESTION.search(text) if split else None
    first = text[: second.start()] if second else text
    own: frozenset[str] = frozenset()
    if context:  # what the part asks, by its own words (the context in brackets is only its topic)
        first = spell_fractions(clean_question(part, limit)[0], language is Language.EN)
        # a word of degree («hvorfor ikke mere?») names nothing a sentence must state
        degree = set(textnorm.tokens(" ".join(lexicon.word_set("comparatives"))))
        own = frozenset(t for g in _word_groups(first, language) for t in g if t not in degree)
    asks = question_cues.asks_of(first)
    outright = asks is Asks.FIGURE
    # «Hvornår blev …?» asks a point in time, whatever amount its subject names (figure_fit: "when")
    when = frozenset({"when"}) if question_cues.asks_time(first) else frozenset()
    kinds = lexicon.wanted_quantity_kinds(first) | when
    unit_asked, counted = how_many(first, language)
    # «Hvilken e-handelsgrad opnåede …?» asks for a figure; so does "Which year …?", though "which" opens a list,
    # and «Hvad er CO2-reduktionen i ton?», which names the unit it asks in
    if (asks is Asks.FACT and (kinds or unit_asked)) or (asks is Asks.LIST and "year" in kinds):
        asks = Asks.FIGURE
        # «Hvad var besparelsen i årsværk?» names the unit its figure is asked in: asked outright, as «Hvor mange
        # årsværk …?» is; so is the calendar year «I hvilket år …?» asks for
        outright = names_unit(first) or bool({"year", "when"} & kinds)
    outright = outright or (asks is Asks.FIGURE and asks_number_of(first))
    outright = outright or (asks is Asks.FIGURE and question_cues.price_named(first))  # «Hvad er prisen …?»
    statistic, price = question_cues.statistic_asked(first), question_cues.asks_price(text)
    figures = [q for q in quantities if q.unit not in (UnitKind.YEAR, UnitKind.LABEL)]
    computes = _computes(text, len(figures))
    if computes:
        asks = Asks.CALCULATION
    asks_name = question_cues.asks_name(first)
    query = Query(
        raw,
        text,
        language,
        search_text,
        terms,
        names,
        quantities,
        asks,
        computes,
        follow_up=follow_up,
        term_groups=groups,
        own_terms=own,
        past=question_cues.asks_in_past(text),
        happened=question_cues.asks_what_happened(text),
        actual=question_cues.asks_actual(text),
        accounts_years=question_cues.accounts_years(text),
        report_years=question_cues.report_years(text),
        own=bool(set(re.findall(r"[\wæøå]+", text.lower())) & lexicon.ownership_words()),
        borrows=question_cues.borrows_figure(text),
        about_example=bool(_REPORT_EXAMPLE.search(text)),
        figure_outright=outright,
        focus=_focus(text, language),
        unit_asked=unit_asked,
        counted=counted,
        cited=tuple(cited(text)),
        labels=_labels(quantities),
        statistic=statistic,
        # «den gennemsnitlige besparelse pr. kommune» asks an average, which its own rule holds to
        per_unit=question_cues.rate_asked(first) and statistic is None,
        extremes=question_cues.extremes_asked(first),
        drawbacks=names_drawbacks(first),
        quantity_kinds=lexicon.wanted_quantity_kinds(text) | when,
        compares=asks_comparison(text),
        asks_change=asks_change(text),
        calculates=asks is Asks.METHOD and asks_calculation(first),
        recommends=asks is Asks.METHOD and recommends(first),
        price=price,
        amount=figure_kind.amount_asked(text, price),
        budget_years=figure_kind.budget_years(text),
        topic=_topic(text, language),
        asks_name=asks_name,
        role=question_cues.role_asked(first) if asks_name is Named.PERSON else "",
        part_asked=asks_part_of_stated_whole(text),
        stages=frozenset(question_cues.stages(text)),
        measures=lexicon.measures_named(first),
        also=_later_questions(text) if split and not computes else (),
        reported=_reported(text, language) if split and figures else (),
    )
    return query, notice
