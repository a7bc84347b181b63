"""What a question's phrases signal, read from the lexicon (lexicon.yaml): what it asks for, whether it asks in
the past tense of what happened, whether it asks us to compute, and for what period. Read by parse.py (once per
question), unknown.py and the calculators' filling."""

from __future__ import annotations

import re
from functools import cache

from gevinst.assistant.lexicon import (
    compound_head,
    lexicon_data,
    question_words,
    report_words,
    wanted_quantity_kinds,
    word_set,
)
from gevinst.assistant.query import Asks, Named
from gevinst.calculators.spec import Period


def _phrase_pattern(phrase: str) -> str:
    """A phrase of the lexicon as a pattern; «…» stands for one to four words («hvad bør … indeholde»: «hvad
    bør strategien indeholde», «hvad skal den indeholde»). The words never end in «ud»: «hvad har de fået ud af
    det» asks what came of it, not what it has. A «*» lets a word begin with more letters (a compound)."""
    return r"\s+\S+(?:\s+\S+){0,3}(?<!\bud)\s+".join(
        re.escape(part.strip()).replace(r"\ ", r"\s+").replace(r"\*", r"[\wæøå]*") for part in phrase.split("…")
    )


@cache
def _asks_patterns() -> list[tuple[Asks, re.Pattern[str]]]:
    order = [Asks.REASON, Asks.METHOD, Asks.LIST, Asks.FIGURE]
    out = []
    for kind in order:
        phrases = sorted(lexicon_data()["asks"][kind.value], key=len, reverse=True)
        out.append((kind, re.compile(r"\b(?:" + "|".join(_phrase_pattern(p) for p in phrases) + r")\b")))
    return out


def asks_of(text: str) -> Asks:
    """What the question asks for; the earliest cue wins, so «Hvor meget … og hvorfor» asks for a figure."""
    low = text.lower()
    best: tuple[int, int, Asks] | None = None
    for rank, (kind, pattern) in enumerate(_asks_patterns()):
        m = pattern.search(low)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, kind)
    return best[2] if best else Asks.FACT


def _last_sentence(text: str) -> str:
    """The question's last sentence (the question itself, after any statements before it), lower case."""
    return re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", text.strip())[-1].lower()


def asks_in_past(text: str, kinds: tuple[str, ...] = ("happened", "stated")) -> bool:
    """The last sentence (the question) uses a past-tense verb of the given kinds: of what a report's example
    did (`happened`) or of what a report said (`stated`)."""
    last = _last_sentence(text)
    words = set(re.findall(r"[\wæøå']+", last))
    return any(words & frozenset(lexicon_data()["past_tense"][kind]) for kind in kinds)


def asks_per_year(text: str) -> bool:
    """The last sentence (the question) asks for a yearly figure («Hvad sparer vi om året?», «… a year?»)."""
    last = _last_sentence(text)
    pattern = dict((p, pat) for p, pat in _period_search())[Period.YEAR]
    return bool(pattern.search(last))


def asks_name(text: str) -> Named | None:
    """What the question (its last sentence) asks to be named: who («Hvem betalte …?») or which party
    («Hvilken leverandør …», «Hvilke kommuner …», "Which supplier …", one word may stand between), or which place
    («I hvilken by …»). None when it asks neither, or names the candidates itself («Hvem har ansvaret – KOMBIT
    eller kommunen?»)."""
    last = _last_sentence(text)
    words = re.findall(r"[\wæøå]+", last)
    if not words or any(
        w in word_set("alternatives") and not _joins_asked_nouns(words, i) for i, w in enumerate(words)
    ):
        return None
    nouns, companies = word_set("name_nouns"), word_set("company_nouns")
    if words[0] in word_set("name_questions"):
        # «Hvem var leverandør …?» asks a business, «Hvem var formand …?» a person, by the noun it asks for
        asked = set(words[1:4])
        if asked & companies:
            return Named.COMPANY
        return Named.PERSON if role_asked(last) else Named.ANYONE
    # a compound of one counts («Hvilket arkitektfirma …», «Hvilken it-leverandør …»)
    for i, word in enumerate(words):
        following = set(words[i + 1 : i + 3]) if word in word_set("which_words") else set()
        if following & word_set("place_nouns"):
            return Named.PLACE
        if following & word_set("municipality_nouns"):
            return Named.MUNICIPALITY
        if following & companies or any(compound_head(w, companies) for w in following):
            return Named.COMPANY
        if following & nouns or any(compound_head(w, nouns) for w in following):
            return Named.PARTY
    return None


def role_asked(text: str) -> str:
    """The role a question asks the holder of («Hvem var formand …?» → formand, "Who is the … director?" →
    direktør; «projektleder» is a leder), in the Danish the reports use; "" when it asks none."""
    roles = lexicon_data()["person_roles"]
    for word in re.findall(r"[\wæøå]+", _last_sentence(text).lower()):
        for role, forms in roles.items():
            if word in forms or compound_head(word, [role]):
                return str(role)
    return ""


def _joins_asked_nouns(words: list[str], at: int) -> bool:
    """«Hvilken arkitekt eller totalrådgiver …»: the «eller» joins two nouns of what is asked, so the question
    does not name its candidates itself (as «…, KOMBIT eller kommunen?» does)."""
    return at >= 2 and words[at - 2] in word_set("which_words")


def asks_time(text: str) -> bool:
    """The question (its last sentence) opens by asking when («Hvornår blev …?», "When did …?"), not on what
    condition something pays («Hvornår kan det betale sig …?»): a point or span in time answers it."""
    last = _last_sentence(text).lstrip(" \"'«»-–(")
    return bool(_time_asked().match(last)) and not any(c in last for c in lexicon_data()["time_conditions"])


@cache
def _time_asked() -> re.Pattern[str]:
    cues = "|".join(re.escape(cue) for cue in sorted(lexicon_data()["time_asked"], key=len, reverse=True))
    return re.compile(rf"(?:{cues})(?![\wæøå])")


@cache
def _period_search() -> list[tuple[Period, re.Pattern[str]]]:
    return [
        (Period(kind), re.compile(r"(?<![\wæøå])(?:" + "|".join(re.escape(p) for p in words) + r")(?![\wæøå])"))
        for kind, words in lexicon_data()["periods"].items()
    ]


def asks_what_happened(text: str) -> bool:
    """A question of what happened («Hvad sparede …», «What did … achieve») and not of what a report said."""
    return asks_in_past(text, ("happened",)) and not asks_in_past(text, ("stated",))


def asks_actual(text: str) -> bool:
    """The question sentence asks what actually came of something («faktisk», «den faktiske …», «actual»)."""
    last = _last_sentence(text)
    return bool(set(re.findall(r"[\wæøå]+", last)) & frozenset(lexicon_data()["actual"]["asked"]))


@cache
def estimate_pattern(kind: str = "estimates") -> re.Pattern[str]:
    """A sentence's words that it gives an estimate or a target, not what came of it; with "budgeted", that it
    plans a year's budget («budgetterer med …»)."""
    words = "|".join(re.escape(w) for w in lexicon_data()["actual"][kind])
    return re.compile(r"(?<![\wæøå])(?:" + words + r")", re.IGNORECASE)


@cache
def _accounts_pattern() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon_data()["accounts"])
    return re.compile(r"(?<![\wæøå])(?:" + words + r")\s+(?:for\s+)?(?:(?:år|året|the year)\s+)?(\d{4})\b", re.I)


def accounts_years(text: str) -> tuple[str, ...]:
    """The years whose accounts the question asks about («i regnskabet for 2014» → "2014")."""
    return tuple(m.group(1) for m in _accounts_pattern().finditer(text))


@cache
def _report_year_pattern() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in lexicon_data()["report_nouns"])
    # «rapporten fra 2009», «KL's rapport om administration fra 2009», «the 2014 report», «2014-rapporten»
    named_after = rf"(?<![\wæøå])(?:{nouns})[\wæøå]*(?:\s+[\wæøå'’-]+){{0,3}}?\s+(?:fra|from|of|af)\s+(\d{{4}})\b"
    named_before = rf"\b(\d{{4}})(?:-|\s+)(?:{nouns})"
    return re.compile(f"{named_after}|{named_before}", re.IGNORECASE)


def report_years(text: str) -> tuple[str, ...]:
    """The years by which the question names a report («KL's rapport fra 2009» → "2009"): the report's, not the
    year its figure is asked for."""
    return tuple(m.group(1) or m.group(2) for m in _report_year_pattern().finditer(text))


@cache
def not_yet_pattern(past: bool = True) -> re.Pattern[str]:
    """A source's words that what is asked is not in it; with `past`, also that it is not known yet."""
    cues = lexicon_data()["not_covered"] + (lexicon_data()["not_yet"] if past else [])
    return re.compile("|".join(cues), re.IGNORECASE)


@cache
def _borrow_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in lexicon_data()["compute"]["borrows"]]


@cache
def _named_borrow_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in lexicon_data()["compute"]["borrows_named"]]


def borrows_figure(text: str) -> bool:
    """The question takes a report's figure for its own («… hvis vi opnår samme besparelse som Københavns …»)."""
    low = text.lower()
    return any(p.search(low) for p in _borrow_patterns()) or any(p.search(text) for p in _named_borrow_patterns())


@cache
def _compute_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon_data()["compute"]["cues"], key=len, reverse=True)
    alternatives = [re.escape(c[:-1]) + r"[\wæøå]*" if c.endswith("*") else re.escape(c) for c in cues]
    return re.compile(r"(?<![\wæøå'])(?:" + "|".join(alternatives) + r")(?![\wæøå])")


def says_compute(text: str) -> bool:
    """A phrase asks for a result of the asker's own situation or a calculation as such («beregn», «hvad
    sparer vi», «if we»); matched on whole words, so «hvor mange år» is not «hvor mange årsværk»."""
    return bool(_compute_pattern().search(text.lower()))


def is_terse(text: str) -> bool:
    """The question after the figures is a few words with no question word («… – besparelse?», «Vægtet
    potentiale?»): it asks for the result."""
    last = re.split(r"(?<=[.!?:])\s+(?=[A-ZÆØÅ])|\s[–—-]\s", text.strip())[-1]
    words = re.findall(r"[\wæøå]+", last.lower())
    limit = int(lexicon_data()["compute"]["terse_words"])
    return last.endswith("?") and 0 < len(words) <= limit and not set(words) & question_words()


@cache
def _result_pattern() -> re.Pattern[str]:
    cues = sorted(lexicon_data()["compute"]["result_cues"], key=len, reverse=True)
    return re.compile(r"(?<![\wæøå'])(?:" + "|".join(map(gapped, cues)) + r")(?![\wæøå])")


# «…» in a cue: the words between its parts, within one sentence («løber en løntime op i», «lægger vi de tre
# forslag … sammen»)
_GAP = r"\s+[^?!]{1,80}?\s+"


def gapped(cue: str) -> str:
    """The cue as a pattern, «…» standing for the words between its parts."""
    return _GAP.join(re.escape(part.strip()) for part in cue.split("…"))


def asks_for_result(text: str) -> bool:
    """The question asks what figures come to («Hvad løber det op i?», «what's the total») or ends pointing
    back to the figures before it («… Hvad frigør det?», «… how many hours is that?»), and names no report
    («Rapporten nævner 37 timer; hvad bygger den på?»): a report's figures are looked up, not computed."""
    low = text.strip().lower()
    words = re.findall(r"[\wæøå']+", low)
    if not words or any(w.startswith(report_words()) for w in words):
        return False
    pointing = low.endswith("?") and words[-1] in lexicon_data()["compute"]["points_back"]
    return pointing or bool(_result_pattern().search(low))


@cache
def _statistics_asked() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (str(kind), re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words["asked"]) + r")\b"))
        for kind, words in lexicon_data()["statistics"].items()
    ]


# «Hvad er den årlige pris pr. bruger …?», «What is the price of …?»: the price asked by its noun
_PRICE_NAMED = re.compile(
    r"\b(?:hvad (?:er|var|bliver|blev) (?:den |det )?(?:[\wæøå-]+ )?pris(?:en)?|what (?:is|was) the (?:[a-z-]+ )?price)\b"
)


def price_named(text: str) -> bool:
    """The question asks for a price by its noun («Hvad er prisen …», «Hvad var den årlige pris …»)."""
    return bool(_PRICE_NAMED.search(text.lower()))


def asks_price(text: str) -> bool:
    """The question asks what something costs or what one pays («Hvad koster …», «Hvad betaler …», «What does
    it cost», «Hvad er prisen …»): answered by an amount in kroner. Not when it names another measure of the cost
    («hvor meget tid koster det», «hvor mange årsværk koster opgaven», «hvad koster det i procent af budgettet»)."""
    words = set(re.findall(r"[\wæøå]+", text.lower()))
    cues = lexicon_data()["price"]
    other = wanted_quantity_kinds(text) - {"amount", "count"}
    asked = bool(words & frozenset(cues["verbs"])) or price_named(text)
    return asked and not other and not words & frozenset(cues["other_measures"])


def extremes_asked(text: str) -> frozenset[str]:
    """The ends of a ranking the question asks for: "high" («den højeste», «flest»), "low" («den laveste»)."""
    words = set(re.findall(r"[\wæøå]+", text.lower()))
    return frozenset(end for end, said in lexicon_data()["extremes"].items() if words & set(said))


@cache
def _level_before() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in lexicon_data()["statistic_levels"])
    articles = r"(?:the|a|an|det|den|de|et|en)\s+(?:[\wæøå-]+\s+)?"
    return re.compile(r"(?<![\wæøå])(?:" + words + r")\s+(?:" + articles + r")?$")


@cache
def _rate_asked() -> re.Pattern[str]:
    rate = lexicon_data()["rate"]
    words = "|".join(re.escape(w) for w in rate["asked"])
    periods = "|".join(re.escape(w) for w in rate["periods"])
    # not a period («pr. år») and not a date («pr. 1. marts»); «pr. 1.000 borgere» is a rate
    return re.compile(rf"(?<![\wæøå])(?:{words})\s+(?!(?:{periods})\b)(?!\d{{1,2}}\.\s)\S", re.IGNORECASE)


def rate_asked(text: str) -> bool:
    """The question asks its figure per unit («pr. årsværk», «pr. borger», "per employee")."""
    return bool(_rate_asked().search(text))


def statistic_asked(text: str) -> str | None:
    """The statistic a question asks its figure as («gennemsnitlige» → "average"), if any; not a level the
    figure is measured against or moves to («falder til det gennemsnitlige niveau», «fell to the average»)."""
    low = text.lower()
    for kind, pattern in _statistics_asked():
        if any(" " in m.group(0) or not _level_before().search(low[: m.start()]) for m in pattern.finditer(low)):
            return kind
    return None


@cache
def _stage_patterns() -> tuple[dict[str, str], dict[str, int], re.Pattern[str]]:
    nouns = {word: noun for noun, words in lexicon_data()["stages"].items() for word in words}
    ordinals = {str(w): int(n) for w, n in lexicon_data()["ordinals"].items()}
    noun = "|".join(map(re.escape, sorted(nouns, key=len, reverse=True)))
    ordinal = "|".join(map(re.escape, sorted(ordinals, key=len, reverse=True)))
    # «en anden fase», «et andet trin» is another one, not the second
    before = rf"(?<![\wæøå])(?<!\ben )(?<!\bet )(?:(?P<digit>\d{{1,2}})\.|(?P<word>{ordinal}))\s+(?P<noun>{noun})\b"
    after = rf"(?<![\wæøå])(?P<noun2>{noun})\s+(?P<digit2>\d{{1,2}})(?![\d.,]\d)"
    return nouns, ordinals, re.compile(f"{before}|{after}")


def stages(text: str) -> set[tuple[str, int]]:
    """The numbered stages a text names: «anden fase», «1. fase», «fase 2», «the second phase» → ("fase", n)."""
    nouns, ordinals, pattern = _stage_patterns()
    out = set()
    for m in pattern.finditer(text.lower()):
        noun = nouns[m.group("noun") or m.group("noun2")]
        number = m.group("digit") or m.group("digit2")
        out.add((noun, int(number) if number else ordinals[m.group("word")]))
    return out


# The noun a Danish question is about, as the subject it asks of: «Hvad er den gennemsnitlige ventetid på …»,
# «Hvordan skal forældrebetalingen … beregnes», «Hvordan håndteres momsen …». Adjectives in -e before it are
# skipped; after «hvad er den …» the noun must be followed by a preposition or end the clause («det helt præcist»
# names none).
_TOPIC = (
    re.compile(
        r"(?:^|(?<=[.!?:]\s))(?:hvad er|hvad var|hvor stor er|hvor stort er|hvor høj er|hvor lang er)\s+(?:den|det|de)\s+"
        r"(?:[\wæøå-]+e\s+)*([\wæøå-]+)(?=\s+(?:på|i|for|ved|af|til|med|hos|efter|blandt|om|under)\b|\s*[?,])"
    ),
    re.compile(
        r"(?:^|(?<=[.!?:]\s))hvordan\s+(?:skal|kan|bør|vil|må)\s+(?:man\s+|vi\s+)?(?:[\wæøå-]+e\s+)?([\wæøå-]+(?:en|et|ne))\b"
    ),
    re.compile(r"(?:^|(?<=[.!?:]\s))hvordan\s+[\wæøå]+es\s+(?:den\s+|det\s+|de\s+)?([\wæøå-]+)"),
)


def topic_noun(text: str) -> str | None:
    """The noun a Danish question asks about as its subject, lower case, if it has that form; not a noun that
    names only the figure's form («det højeste trin»)."""
    low = text.lower().strip()
    for pattern in _TOPIC:
        m = pattern.search(low)
        if m:
            return None if m.group(1) in lexicon_data()["topic_skip"] else m.group(1)
    return None
