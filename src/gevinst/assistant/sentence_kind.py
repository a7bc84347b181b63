"""What a sentence states, for the question's kind: a figure of the kind asked (digits or words, «seks
måneder»), a reason («fordi»), a means («ved at»), list items. Read by evidence.py when it scores sentences."""

from __future__ import annotations

import re
from functools import cache

from gevinst.assistant import lexicon
from gevinst.assistant.figure_stated import figure_fit
from gevinst.assistant.query import Asks, Query
from gevinst.assistant.sentence_shape import (
    LIST_ITEM,
    names_one_of,
    opens_list,
    points_back,
    runs_lines_together,
    states_rate,
)
from gevinst.index import textnorm

# «… som budgetlægning, bogføring og vedligehold …»: things named in a row, the last joined by og/eller.
_ENUMERATION = re.compile(r"[\wæøå]+, [\wæøå -]{2,40}? (?:og|eller|samt|and|or) [\wæøå]+")


@cache
def _markers(kind: str) -> re.Pattern[str]:
    words = sorted(lexicon.markers(kind), key=len, reverse=True)
    # a comma may stand between the words of a marker («opnået ved, at …» is «ved at»)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r",?\s+") for w in words)
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])")


# A passive verb («opnås», «realiseres», «hentes») or an auxiliary and a participle («er imødegået», «blev opnået»)
# followed by «ved» tells by what means a thing is done («… er imødegået bl.a. ved en beslutning om …»); a noun
# before «ved» («potentialet ved digitalisering») does not.
_BY_MEANS = re.compile(
    r"(?<![\w-])(?:[a-zæøå]{2,}(?:es|ås)"
    # the subject may stand between them («Personalemæssigt er besparelsen opnået ved …»)
    r"|(?:er|var|blev|bliver|blive|være|været|har|havde)\s+(?:[a-zæøå]+en\s+)?[a-zæøå]{3,}(?:et|t))"
    r"\s+(?:(?:bl\.a\.|blandt andet|primært|især|fx|typisk|alene|bedst|derfor|dels)\s+)?ved\b"
)


def kind_fit(query: Query, sentence: str, following: str = "") -> float:
    """How well the sentence states what the question asks for (0 … 1); `following` is the next sentence of its
    passage."""
    low = sentence.lower()
    if query.asks is Asks.FIGURE:
        fit = figure_fit(query, sentence)
        # a figure asked per unit is a rate: a count or a share of the whole («omkring 1 årsværk») is another figure
        return min(fit, 0.3) if query.per_unit and not states_rate(low) else fit
    if query.asks is Asks.REASON:
        # a question that compares is answered by the sentences that compare, reason word or not
        if query.compares:
            return 1.0 if compares(low) else 0.5 * reason_fit(low, following)
        return reason_fit(low, following)
    if query.asks is Asks.METHOD:
        if query.asks_change and _directions(low) >= 2:
            return 1.0  # how something moves is told by its directions («færre udgifter …, stiger …, falder …»)
        if query.calculates:  # how a figure is worked out: a sentence stating the calculation, before other means
            return 1.0 if states_calculation(low) else 0.6 if _markers("method").search(low) else 0.2
        if query.recommends and recommends(low):
            return 1.0  # what is recommended is a recommendation («Det anbefales, at projektet forankres …»)
        return 1.0 if _names_means(low, query) or _BY_MEANS.search(low) else 0.2
    if query.asks is Asks.LIST:
        listing = (
            sentence.count(",") >= 2
            or names_items(sentence)
            or opens_list(sentence, query.focus)
            or names_one_of(sentence, query.focus)
        )
        # «… nogle af de markante fordele er blevet tydelige. Det er fordele som bl.a. A, B samt C.»: the sentence
        # says what the items are, the next one names them, pointing back
        named_next = points_back(following) and names_items(following)
        return 1.0 if listing or named_next else 0.2
    return 0.5


def _names_means(low: str, query: Query) -> bool:
    """A means marker that names something the question does not: «… sende 75 pct. af posten … via digital post»
    does not tell how Favrskov got its staff to send digital post; the means it names is the question's own."""
    asked = set(query.terms)
    for marker in _markers("method").finditer(low):
        after = [t for t in textnorm.tokens(low[marker.end() : marker.end() + 80]) if t not in _marker_tokens()][:2]
        if not after or not set(after) <= asked:
            return True
    return False


@cache
def _marker_tokens() -> frozenset[str]:
    """The method markers' own words, read from the lexicon on first use (not at import)."""
    return frozenset(textnorm.tokens(" ".join(lexicon.markers("method"))))


def names_items(sentence: str) -> bool:
    """The sentence names items: a list item, things named in a row («A, B og C») or a list's lines run together."""
    return bool(LIST_ITEM.match(sentence) or _ENUMERATION.search(sentence) or runs_lines_together(sentence))


# «anbefales», «KLK anbefaler», «foreslås», «recommends»: a recommendation, asked or stated. Not «bør» / «should»: a
# «Hvordan bør jobcentret styre …?» asks for a means, and «bør» is in any sentence of advice (dev4 lost one).
_RECOMMENDS = re.compile(r"(?<![\w-])(?:anbefal|foreslå|foreslog|recommend|suggest|advise)", re.IGNORECASE)


def recommends(text: str) -> bool:
    """The text asks for or states a recommendation («Hvordan anbefales det at organisere …», «Det anbefales,
    at …», «How do KL suggest …»)."""
    return bool(_RECOMMENDS.search(text))


def gives_reason_or_means(sentence: str) -> bool:
    """The sentence states a reason («fordi», «skyldes») or a means («via», «ved at», «… opnås ved …»): a why is
    often explained by a means («… foregår i stigende grad via digital post …») and a how by a reason."""
    low = sentence.lower()
    return bool(_markers("reason").search(low) or _markers("method").search(low) or _BY_MEANS.search(low))


def reason_fit(sentence: str, following: str) -> float:
    """A reason marker («fordi», «idet») gives a reason. A sentence that says it follows from the one before
    («Det vil derfor tage flere år …») gives a consequence, whose reason is that one: the sentence a
    consequence follows from gives the reason, and the consequence itself half."""
    if follows_on(following):
        return 1.0
    fit = 1.0 if _markers("reason").search(sentence.lower()) else 0.0
    return min(fit, 0.5) if follows_on(sentence) else fit


# «… billigere end …», «hurtigere end»: a comparative adjective the word list does not name, before «end»
_COMPARED = re.compile(r"[a-zæøå]{3,}ere\s+end\b")


@cache
def _changes(side: str) -> re.Pattern[str]:
    words = sorted(lexicon.change_words(side), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def _directions(low: str) -> int:
    """How many words of direction or comparison the (lower-case) sentence states."""
    words = re.findall(r"[a-zæøå]+", low)
    return len(_changes("stated").findall(low)) + sum(1 for w in words if w in lexicon.word_set("comparatives"))


# «mere», «flere», «færre» … count as often as they compare («Hvorfor skal flere opgaver samles?»): in a question
# they compare only before «end» / «than»
_AMOUNTS = frozenset({"mere", "flere", "færre", "mindre", "more", "less", "fewer"})
_AMOUNT_THAN = re.compile(r"\b(?:mere|flere|færre|mindre|more|less|fewer)\b[^.?!]{0,60}\b(?:end|than)\b")


@cache
def _calculation(side: str) -> re.Pattern[str]:
    """Word beginnings; a long one also as a compound's head («potentialeberegning», «forudsætningerne»)."""
    words = sorted(lexicon.calculation_words(side), key=len, reverse=True)
    alternatives = "|".join(("[a-zæøå]*" if len(w) >= 6 and " " not in w else "") + re.escape(w) for w in words)
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")")


def asks_calculation(question: str) -> bool:
    """The question asks how a figure is worked out («Hvordan beregner vi …», «how is the saving calculated»)."""
    return bool(_calculation("asked").search(question.lower()))


def states_calculation(low: str) -> bool:
    """The (lower-case) sentence states how a figure is worked out («… fremkommer ved at gange …», «beregningen»)."""
    return bool(_calculation("stated").search(low))


def asks_change(question: str) -> bool:
    """The question asks how something moves («Hvordan forventes udgifterne at flytte sig …?», «påvirker»)."""
    return bool(_changes("asked").search(question.lower()))


# «Hvorfor valgte Vejle X frem for at opgradere …?»: a choice between two, whose reasons are what makes one better
_RATHER = re.compile(r"\b(?:frem ?for|rather than|instead of)\b")


def asks_comparison(question: str) -> bool:
    """The question compares: a comparative other than an amount word («bedre», «billigere», «ringere»), a «-ere
    end», an amount word before «end» («flere timer end …») or a choice of one thing «frem for» another."""
    low = question.lower()
    named = set(re.findall(r"[a-zæøå]+", low)) & (lexicon.word_set("comparatives") - _AMOUNTS)
    return bool(named or _COMPARED.search(low) or _AMOUNT_THAN.search(low) or _RATHER.search(low))


def compares(text: str) -> bool:
    """The text compares: a comparative («billigere», «bedre», «færre») or a «-ere end» («stabilere end»)."""
    low = text.lower()
    return bool(set(re.findall(r"[a-zæøå]+", low)) & lexicon.word_set("comparatives") or _COMPARED.search(low))


def follows_on(sentence: str) -> bool:
    """A consequence word among the sentence's first four words («Derfor …», «Det vil derfor …»)."""
    return bool({w.lower().strip(",:.") for w in sentence.split()[:4]} & lexicon.word_set("consequence_words"))


# Before a consequence word, these keep the reason in the sentence itself («…, og derfor …»).
_JOINING = frozenset({"og", "men", "eller", "and", "but", "or"})


def draws_conclusion(sentence: str) -> bool:
    """A consequence word in the sentence's own clause («Hvis …, kræver det derfor …», «… anbefaler KLK derfor, at
    …»): the sentence concludes from the one before it, which states the reason. After «og» or a comma («…, og
    derfor …») it joins the sentence's own reason; «således at» is «so that»."""
    words = sentence.split()
    for at, word in enumerate(words):
        if word.lower().strip(",:.") not in lexicon.word_set("consequence_words"):
            continue
        before = words[at - 1] if at else ""
        after = words[at + 1].lower() if at + 1 < len(words) else ""
        if not (before.endswith(",") or before.lower() in _JOINING or after == "at"):
            return True
    return False


@cache
def _statistic_stated(kind: str) -> re.Pattern[str]:
    stems = lexicon.lexicon_data()["statistics"][kind]["stated"]
    # a long stem may end a compound («landsgennemsnittet» states an average); a short one starts its word
    starts = "|".join(re.escape(w) for w in stems if len(w) < 8)
    inside = "|".join(re.escape(w) for w in stems if len(w) >= 8)
    return re.compile(r"\b(?:" + starts + ")" + (f"|{inside}" if inside else ""))


def states_statistic(kind: str, sentence: str) -> bool:
    """The sentence states that statistic («i gennemsnit», «gns.», «op til»)."""
    return bool(_statistic_stated(kind).search(sentence.lower()))


@cache
def _drawbacks() -> re.Pattern[str]:
    return re.compile(r"(?<![\wæøå])(?:" + "|".join(re.escape(w) for w in lexicon.lexicon_data()["drawbacks"]) + ")")


def names_drawbacks(text: str) -> bool:
    """The text names drawbacks, risks or barriers («Ulemper ved …», «risikoen for …», «What are the risks»)."""
    return bool(_drawbacks().search(text.lower()))
