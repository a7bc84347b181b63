"""The rows of a table input read from a question: tasks, each with a share of the time and a potential, in
whatever order the question states them («kan effektiviseres 60 % og fylder 25 % af tiden») and under whatever
labels («Opgave A», «journalisering», «invoice matching»). Which column a percentage fills is read from the cue
words the input declares for its columns; a task said not to have a potential («kan ikke effektiviseres»,
«uden effektivisering») has 0 in that column. Read by filling.py."""

from __future__ import annotations

import re

from gevinst.assistant import lexicon
from gevinst.assistant.cues import Context, strength
from gevinst.assistant.query import QuantityMention, UnitKind
from gevinst.calculators import Input

# The text after a row's last figure, up to the end of its sentence: «… og kan ikke effektiviseres.»
_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
_CLAUSE_START = re.compile(r"[,;:(]\s*|\s(?:og|and|men|but)\s")


def read_rows(
    inp: Input, text: str, figures: tuple[QuantityMention, ...], contexts: list[Context]
) -> tuple[list[dict[str, float]], set[int]]:
    """The rows and the indexes of the figures they use; no rows when a row lacks a column the question
    does not say is nil (nothing is guessed), or when there are fewer than two rows."""
    columns = [name for name, _ in inp.columns]
    percents = [n for n, q in enumerate(figures) if q.unit is UnitKind.PERCENT]
    by_column = _column_wise(inp, text, figures, contexts, percents)
    if by_column:
        return by_column, set(percents)
    rows: list[dict[str, int]] = []
    for n in percents:
        row = rows[-1] if rows else None
        own = _nearer_half(text, figures, n, contexts[n])
        column = _column(inp, own) or next((c for c in columns if row and c not in row), columns[0])
        if row is None or column in row:
            rows.append({column: n})
        else:
            row[column] = n
    out = []
    for row in rows:
        values = {c: figures[n].value for c, n in row.items()}
        for missing in (c for c in columns if c not in row):
            if not _said_nil(inp, missing, text, figures, max(row.values())):
                return [], set()
            values[missing] = 0.0
        out.append(values)
    return (out, set(percents)) if len(out) >= 2 else ([], set())


def _column_wise(
    inp: Input, text: str, figures: tuple[QuantityMention, ...], contexts: list[Context], percents: list[int]
) -> list[dict[str, float]]:
    """The rows of a question that states one column's figures for every task, then the other's: «40 % af tiden
    går med A, 35 % med B og resten med C … en effektivisering på hhv. 25 %, 15 % og 30 %». The first figure of
    each run is named by its column's cue words, no figure by the other's; paired in order. «resten» in the
    shares' run is the share left over (100 % less those stated). No rows unless the runs pair up."""
    columns = [name for name, _ in inp.columns]
    named = [_column(inp, _nearer_half(text, figures, n, contexts[n])) for n in percents]
    second = next((i for i, c in enumerate(named) if c is not None and c != named[0]), None)
    if len(columns) != 2 or named[:1] == [None] or second is None:
        return []
    runs = (percents[:second], percents[second:])
    if any(c not in (None, named[0]) for c in named[:second]) or named[0] in named[second:]:
        return []
    values = {named[0]: [figures[n].value for n in runs[0]], named[second]: [figures[n].value for n in runs[1]]}
    first, other = values[columns[0]], values[columns[1]]
    between = text[figures[runs[0][0]].start : figures[runs[1][0]].start].lower()
    if len(first) + 1 == len(other) and sum(first) < 100 and _says_rest(between):
        first = [*first, 100 - sum(first)]
    if len(first) != len(other) or len(first) < 2:
        return []
    return [{columns[0]: a, columns[1]: b} for a, b in zip(first, other, strict=True)]


def _says_rest(text: str) -> bool:
    return bool(set(re.findall(r"[\wæøå]+", text)) & lexicon.word_set("rest_words"))


def _nearer_half(text: str, figures: tuple[QuantityMention, ...], n: int, ctx: Context) -> Context:
    """A word between two figures belongs to the nearer one: «… 25 % of the workload and can be cut by 80 %»,
    «opkrævning 45 % (effektivisering 20 %)», «en fjerdedel af tiden med 60 %»; the context is cut at the word
    nearest the middle of the gap to each neighbouring figure."""
    q = figures[n]
    before, after = ctx.before, ctx.after
    if n and len(gap := text[figures[n - 1].end : q.start]) <= len(before):
        before = before[len(before) - len(gap) + _middle(gap) :]
    if n + 1 < len(figures) and len(gap := text[q.end : figures[n + 1].start]) <= len(after):
        after = after[: _middle(gap)]
    return Context(before, after.split("(")[0], ctx.noun)  # a bracket opened after it is the next figure's


def _middle(gap: str) -> int:
    """The word boundary nearest the middle of the gap; where a sentence ends in it, that end: the next
    sentence's words («. Vi kan effektivisere dem med hhv. 25 %») belong to the figure after them."""
    end = re.search(r"[.!?]\s+(?=[A-ZÆØÅ])", gap)
    if end is not None:
        return end.end()
    spaces = [m.start() for m in re.finditer(r"\s", gap)] or [len(gap) // 2]
    return min(spaces, key=lambda i: abs(i - len(gap) / 2))


def _column(inp: Input, ctx: Context) -> str | None:
    """The column whose cue words stand nearest the figure in its own clause; None when none does. The words
    before it count back to the start of its clause only: «… 50 % effektivisering, 25 % på pas» gives the 25 no
    potential, «22 % af tiden (80 % kan automatiseres)» gives the 80 no share."""
    own = Context(_CLAUSE_START.split(ctx.before)[-1], ctx.after, ctx.noun)
    if ctx.before.rstrip().endswith("(") and ctx.after.lstrip().startswith(")"):  # «resten af tiden (60 %)»
        own = Context(_CLAUSE_START.split(ctx.before.rstrip()[:-1])[-1], "", ctx.noun)
    scores = [(strength(cues, own), name) for name, cues in inp.columns]
    best = max(scores)
    return best[1] if best[0] > 0 and sum(s == best[0] for s, _ in scores) == 1 else None


def _said_nil(inp: Input, column: str, text: str, figures: tuple[QuantityMention, ...], last: int) -> bool:
    """After the row's last figure, before the next figure or the end of the sentence, a negation and a cue of
    the missing column («… og kan ikke effektiviseres», «… uden effektivisering», «cannot be made more
    efficient»)."""
    stop = figures[last + 1].start if last + 1 < len(figures) else len(text)
    tail = text[figures[last].end : stop]
    end = _SENTENCE_END.search(tail)
    words = (tail[: end.start()] if end else tail).lower()
    cues = dict(inp.columns)[column]
    negated = set(re.findall(r"[\wæøå']+", words)) & lexicon.word_set("negations")
    return bool(negated) and strength(cues, Context(words, "")) > 0
