"""A figure the question borrows from a report: «Lønbudgettet … er 45 mio. kr. Hvad svarer det til, hvis vi opnår
samme besparelse på lønbudgettet som Københavns GPS-flådestyring?» gives our amount and takes the report's
percentage; «… 180 mio. kr. Hvis vi opnår samme årlige besparelse som Viborg, hvornår er det tjent hjem?» takes
its amount. The one percentage (or range of percentages) or amount a calculator still lacks is read from the
retrieved passages, in the clause that shares the most of the question's words and states one figure of that
kind, and is shown and cited as the report's figure, never as the user's."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import replace
from itertools import chain

from gevinst.assistant.filling import Filling, uses_every_figure
from gevinst.assistant.lexicon import specific_names
from gevinst.assistant.query import Query
from gevinst.assistant.retrieval import Retrieved
from gevinst.assistant.unknown import places_named
from gevinst.calculators import Kind, Preset
from gevinst.danish_numbers import find_quantities
from gevinst.index.textnorm import tokens
from gevinst.sentences import sentence_spans
from gevinst.types import Chunk

# A clause of a passage: between commas, semicolons, colons and sentence ends
_CLAUSE = re.compile(r"[^,;:.!?]+(?:[.,]\d[^,;:.!?]*)*")
_LEAST_SHARED = 2  # the question's words a clause's sentence must share to be the one it points to
_PASSAGES = 3


def settle(
    query: Query,
    ranked: list[Filling],
    chosen: Filling | None,
    retrieve: Callable[[], Retrieved],
    search: Callable[[str], Retrieved] | None = None,
) -> Filling | None:
    """The calculation to run or ask about, given the one `chosen` from the question's own figures: completed with
    the report's figure when it lacks one («samme besparelse som Københavns …»), and when the question borrows
    («den effektivisering, KLK forventer») the named calculator completed so, even where another the question does
    not name is complete without it (10 årsværk × 520.000 kr. is no saving); when the report's figure is not
    found, that calculator asks for it rather than compute what the question did not ask. `retrieve`: the
    question's passages, read at most once; `search`: a search of its own for the figure, where those passages
    do not state it."""
    # a complete calculation that already takes a report's figure by name («Deloittes årsværkspris») borrows nothing
    named_preset = chosen is not None and any(isinstance(v, Preset) for v in chosen.arguments.values())
    if chosen is not None and chosen.complete and (not query.borrows or named_preset):
        return chosen
    borrowing = borrow(query, ranked, retrieve, search)
    # a complete calculation on another municipality's defaults («Favrskovs besparelse pr. brev» — Hjørring's prices)
    foreign: tuple[str, ...] = ()
    if chosen is not None and chosen.complete and query.borrows:
        casing = retrieve().casing
        foreign = _another_partys_defaults(query, chosen, casing.places() if casing else frozenset())
    if borrowing is None and query.borrows and chosen is not None and chosen.complete and not foreign:
        borrowing = next((f for f in ranked if _lacks_one(f, query) and _as_named(f, chosen)), None)
    if borrowing is not None and (chosen is None or not chosen.complete or foreign or _as_named(borrowing, chosen)):
        return borrowing
    if chosen is not None and foreign:  # asked for rather than computed with another municipality's figures
        return replace(chosen, missing=foreign)
    return chosen


def _another_partys_defaults(query: Query, chosen: Filling, places: frozenset[str]) -> tuple[str, ...]:
    """The labels of the defaults that are one municipality's figures («køb i butik 330 kr. (Hjørring)») when the
    question takes its figures from another («med Favrskovs priser»): those are not the figures asked for."""
    names = specific_names(query.names)
    asked = {p for p in places if any(n in (p, f"{p}s") for n in names)}
    if not asked:
        return ()
    defaults = [(i.label, i.preset) for i in chosen.spec.inputs if i.name not in chosen.arguments and i.preset]
    return tuple(
        label for label, preset in defaults if (found := places_named(preset.source, places)) and not found & asked
    )


def _as_named(borrowing: Filling, complete: Filling) -> bool:
    """Named at least as clearly as the complete calculator (goal words), using as many of the question's figures."""
    return borrowing.goal >= complete.goal and len(borrowing.used) >= len(complete.used)


def borrow(
    query: Query,
    ranked: list[Filling],
    retrieve: Callable[[], Retrieved],
    search: Callable[[str], Retrieved] | None = None,
) -> Filling | None:
    """The calculator (of those `ranked` from the question) that lacks only one percentage or amount, completed
    with the report's, or None. Where the question's passages do not state it, a search for the source the
    question names and what is lacking («KY effektivisering», «Favrskov beløb pr. enhed brev») is read too: the
    whole question's words (our 12 årsværk, 500.000 kr.) find the source's other passages first."""
    if not (query.computes and query.own and query.borrows):
        return None
    lacking = [f for f in ranked if _lacks_one(f, query)]
    examples = [f for f in ranked if _lacks_an_example(f, query)]
    if not (lacking or examples):
        return None
    retrieved = retrieve()  # once, for every calculator tried
    if retrieved.missing_entities:
        return None
    read = _naming(query, retrieved)
    completed = (_completed(f, query, read) for f in lacking)
    scaled = (_example_completed(f, query, read) for f in examples)
    found = next((f for f in chain(completed, scaled) if f is not None), None)
    names = specific_names(query.names)
    if found is not None or search is None or not names:
        return found
    searched = ((f, search(_search_text(f, query, names))) for f in lacking)
    return next((c for f, r in searched if (c := _completed(f, query, _naming(query, r))) is not None), None)


def _search_text(filling: Filling, query: Query, names: list[str]) -> str:
    """The source's name, what the calculation lacks and what the question counts («Favrskov», «Beløb pr.
    enhed», «breve»)."""
    wanted = next(i for i in filling.spec.required if i.name not in filling.arguments)
    # an amount is one of what the question counts («14 kr.» a letter); a share is of no noun of ours («årsværk»)
    nouns = [query.figures[n].noun for n in sorted(filling.used) if query.figures[n].noun]
    return " ".join([*names, wanted.label, *(nouns if wanted.kind is Kind.AMOUNT else [])])


def _lacks_an_example(filling: Filling, query: Query) -> bool:
    """«Hvis vi gennemgår 140 sager som Aabenraa og får samme besparelse pr. sag …»: a calculator that lacks just
    the example's amount and how many it was for, our count given."""
    kinds = sorted(i.kind for i in filling.spec.required if i.name not in filling.arguments)
    return kinds == sorted([Kind.AMOUNT, Kind.COUNT]) and uses_every_figure(filling, query) and bool(filling.used)


def _example_completed(filling: Filling, query: Query, read: list[Chunk]) -> Filling | None:
    """The example's amount and count, from one sentence of the retrieved passages that states one amount and
    one number of what the question counts («… en gennemgang af 52 sager … en samlet reduktion på 2 mio. kr.»)."""
    # what our count counts: the first word after it that says something («140 af vores hjemmeplejesager»)
    counted = {next(iter(tokens(query.figures[n].after)), "") for n in filling.used} - {""}
    if not counted:
        return None
    for chunk in read:
        for start, end in sentence_spans(chunk.text):
            sentence = chunk.text[start:end]
            stated = find_quantities(sentence)
            amounts = [q for q in stated if q.kind == "amount"]
            counts = [q for q in stated if q.kind == "plain" and _counts(sentence[q.end :], counted)]
            if len(amounts) == 1 and len(counts) == 1:
                source = f"{_where(chunk)}: «{sentence.strip()}»"
                found = {
                    Kind.AMOUNT: Preset(amounts[0].value, source, chunk.doc_id, chunk.page, chunk.section),
                    Kind.COUNT: Preset(counts[0].value, source, chunk.doc_id, chunk.page, chunk.section),
                }
                open_ = {i.name: found[i.kind] for i in filling.spec.required if i.name not in filling.arguments}
                return replace(filling, arguments={**filling.arguments, **open_}, missing=())
    return None


def _naming(query: Query, retrieved: Retrieved) -> list[Chunk]:
    """The read passages that name every party or example the question names (a report's publisher counts:
    «KLK's potentiale»): «samme besparelse som Viborg» is Viborg's, not the Gladsaxe passage also found."""
    names = [set(tokens(n)) for n in specific_names(query.names)]
    read = retrieved.chunks[:_PASSAGES]
    told = retrieved.passage_tokens()[:_PASSAGES]
    return [c for c, toks in zip(read, told, strict=True) if all(n <= toks for n in names)]


def _counts(after: str, counted: set[str]) -> bool:
    """The number counts what the question counts: «52 sager» for «140 hjemmeplejesager»."""
    noun = next(iter(tokens(after[:40])), "")
    return len(noun) >= 3 and any(c.endswith(noun) for c in counted)


def _completed(filling: Filling, query: Query, read: list[Chunk]) -> Filling | None:
    wanted = next(i for i in filling.spec.required if i.name not in filling.arguments)
    name = wanted.name
    found = _figure_in_passages(query, read, wanted.kind, " pr. " in f" {wanted.label} ", wanted.about)
    if found is None:
        return None
    preset, high = found
    if high is None:
        return replace(filling, arguments={**filling.arguments, name: preset}, missing=())
    high_end = f"{name}_high"  # «15-25 %»: the calculator's own high end, or a second run
    if any(i.name == high_end for i in filling.spec.inputs):
        both = {name: preset, high_end: replace(preset, value=high)}  # both ends are the report's
        return replace(filling, arguments={**filling.arguments, **both}, missing=())
    return replace(filling, arguments={**filling.arguments, name: preset}, missing=(), highs=((name, high),))


def _lacks_one(filling: Filling, query: Query) -> bool:
    open_ = [i for i in filling.spec.required if i.name not in filling.arguments]
    return (
        len(filling.missing) == 1
        and len(open_) == 1
        and open_[0].kind in _READ
        and uses_every_figure(filling, query)
        and bool(filling.used)
        and (not filling.spec.needs_goal or filling.goal > 0)  # «… før det er tjent hjem?» names a business case
    )


_PER_UNIT = re.compile(r"\.?\s*(?:pr\.|per)\s+(?!år\b|måned\b|uge\b|year\b|month\b)[\wæøå]", re.IGNORECASE)
_READ = {Kind.PERCENT: "percent", Kind.AMOUNT: "amount"}  # what a passage's figure must be to fill the input


def _figure_in_passages(
    query: Query, read: list[Chunk], kind: Kind, per_unit: bool = False, about: tuple[str, ...] = ()
) -> tuple[Preset, float | None] | None:
    """`per_unit`: the input is an amount per unit («Beløb pr. enhed»), which only a figure stated per something
    fills («235 kr. per medarbejder»), never a total («2 mio. kr.» of 52 cases). `about`: word stems of what the
    input is a figure of; a clause in a sentence that speaks of it comes first."""
    wanted = set(query.terms)
    stems = tuple(tokens(" ".join(about)))  # as the index writes words: «løn» is «lon»
    acronyms = {n for n in (re.sub(r"['’]?s$", "", n) for n in specific_names(query.names)) if _ACRONYM.fullmatch(n)}
    best: tuple[tuple[bool, int], float, float | None, Chunk, str] | None = None
    for chunk in read:
        for start, end in sentence_spans(chunk.text):
            sentence = chunk.text[start:end]
            # «… løn og regnskab kan reduceres med 15-25%»; under its section's heading («Centralisering af løn»)
            around = len(wanted & set(tokens(f"{chunk.section} {sentence}")))
            if _names_another(sentence, acronyms):
                continue
            of_input = bool(stems) and any(w.startswith(stems) for w in tokens(sentence))
            # «For hver gang et brev sendes digitalt, sparer kommunen ca. 14 kr.»: the sentence prices one of a thing
            each = per_unit and bool(_EACH.search(sentence))
            for m in _CLAUSE.finditer(sentence):
                after = sentence[m.end() :] if per_unit else ""  # «235 kr» | «. per medarbejder»
                figure = _one_figure(m.group(0), _READ[kind], per_unit and not each, after, acronyms)
                words = tokens(m.group(0))
                if figure is None or around + of_input < _LEAST_SHARED:  # two figures in a clause: which one is meant?
                    continue
                # a clause of what the input is a figure of first, then the clause's own words, then its sentence's
                shared = (of_input, 2 * len(wanted & set(words)) + around)
                if best is None or shared > best[0]:
                    best = (shared, *figure, chunk, m.group(0).strip())
    if best is None:
        return None
    _, value, high, chunk, clause = best
    return Preset(value, f"{_where(chunk)}: «{clause}»", chunk.doc_id, chunk.page, chunk.section), high


def _where(chunk: Chunk) -> str:
    """The report and its page, or its section where the report has no pages."""
    return f"{chunk.title}, s. {chunk.page}" if chunk.page is not None else f"{chunk.title}, afsnit {chunk.section}"


# «for hver gang et brev …», «for hvert brev», "each time", "for every letter": a figure of one thing (not «hver måned»)
_EACH = re.compile(
    r"\b(?:for\s+)?hver(?:t)?\s+(?:gang\b|(?!(?:måned|uge|år|dag|time)\b)[\wæøå]+)|\b(?:each|every)\s+(?!(?:month|week|year|day)\b)\w+",
    re.IGNORECASE,
)
_ACRONYM = re.compile(r"[A-ZÆØÅ]{2,}")  # «KY», «KSD», «KOMBIT»: a system or body by its abbreviation


def _names_another(sentence: str, asked: set[str]) -> bool:
    """The sentence names another system or body than one the question asks about, and not that one: «… 40 % på
    KSD …» is KSD's figure, not KY's."""
    named = set(re.findall(rf"\b{_ACRONYM.pattern}\b", sentence))
    return bool(asked - named) and bool(named - asked)


def _one_figure(
    clause: str,
    kind: str,
    per_unit: bool = False,
    after: str = "",
    named: Collection[str] = (),
) -> tuple[float, float | None] | None:
    """The clause's one figure of the kind, or its one range («15-25 %», «3-15 mio. kr.»: low and high); with
    `per_unit`, one stated per something other than a period. Of several, the one the system or body asked about
    (`named`) stands right next to («… er 40 % for KSD og 20 % for KY …», «(KY 20%/ KSD 40%)»)."""
    found = [q for q in find_quantities(clause) if q.kind == kind]
    if per_unit and not (len(found) == 1 and _PER_UNIT.match(clause[found[0].end :] + after)):
        return None
    if len(found) == 1:
        return found[0].value, None
    if len(found) == 2 and re.fullmatch(r"\s*(?:-|–|til)\s*", clause[found[0].end : found[1].start]):
        return found[0].value, found[1].value
    beside = [q for q in found if _beside(clause, q.start, q.end, named)]
    return (beside[0].value, None) if len(beside) == 1 else None


def _beside(clause: str, start: int, end: int, named: Collection[str]) -> bool:
    """One of the names stands right before the figure or right after it (a preposition between)."""
    before, after = clause[max(0, start - 12) : start], clause[end : end + 12]
    return any(
        re.search(rf"\b{re.escape(n)}\s*$", before)
        or re.match(rf"\s*(?:for|på|i|til|of|in)?\s*{re.escape(n)}\b", after)
        for n in named
    )
