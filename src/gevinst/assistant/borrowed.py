"""A figure the question borrows from a report: «Lønbudgettet … er 45 mio. kr. Hvad svarer det til, hvis vi opnår
samme besparelse på lønbudgettet som Københavns GPS-flådestyring?» gives our amount and takes the report's
percentage. The one percentage a calculator still lacks is read from the retrieved passages, in the clause that
shares the most of the question's words, and is shown and cited as the report's figure, never as the user's."""

from __future__ import annotations

import re
from dataclasses import replace

from gevinst.assistant.answerers import AnswerContext
from gevinst.assistant.filling import Filling, uses_every_figure
from gevinst.assistant.query import Query
from gevinst.calculators import Kind, Preset
from gevinst.danish_numbers import find_quantities
from gevinst.index.textnorm import tokens
from gevinst.types import Chunk

# A clause of a passage: between commas, semicolons, colons and sentence ends
_CLAUSE = re.compile(r"[^,;:.!?]+(?:[.,]\d[^,;:.!?]*)*")
_LEAST_SHARED = 2  # the question's words a clause must share to be the one it points to
_PASSAGES = 3


def borrow(query: Query, ranked: list[Filling], context: AnswerContext) -> Filling | None:
    """The calculator (of those `ranked` from the question) that lacks only one percentage, completed with the
    report's, or None."""
    if not (query.computes and query.own and query.borrows):
        return None
    filling = next((f for f in ranked if _lacks_one_percent(f, query)), None)
    if filling is None:
        return None
    preset = _percent_in_passages(query, context)
    if preset is None:
        return None
    name = next(i.name for i in filling.spec.required if i.name not in filling.arguments)
    return replace(filling, arguments={**filling.arguments, name: preset}, missing=())


def _lacks_one_percent(filling: Filling, query: Query) -> bool:
    open_ = [i for i in filling.spec.required if i.name not in filling.arguments]
    return (
        len(filling.missing) == 1
        and len(open_) == 1
        and open_[0].kind is Kind.PERCENT
        and uses_every_figure(filling, query)
        and bool(filling.used)
        and not filling.spec.needs_goal
    )


def _percent_in_passages(query: Query, context: AnswerContext) -> Preset | None:
    retrieved = context.retriever.retrieve(query, k=5)
    if retrieved.missing_entities:
        return None
    wanted = set(query.terms)
    best: tuple[int, float, Chunk, str] | None = None
    for chunk in retrieved.chunks[:_PASSAGES]:
        for m in _CLAUSE.finditer(chunk.text):
            percents = [q for q in find_quantities(m.group(0)) if q.kind == "percent"]
            if len(percents) != 1:  # a clause of two percentages does not say which one is meant
                continue
            shared = len(wanted & set(tokens(m.group(0))))
            if shared >= _LEAST_SHARED and (best is None or shared > best[0]):
                best = (shared, percents[0].value, chunk, m.group(0).strip())
    if best is None:
        return None
    _, value, chunk, clause = best
    return Preset(value, f"{chunk.title}, s. {chunk.page}: «{clause}»", chunk.doc_id, chunk.page, chunk.section)
