"""Numbered blocks a report is written in («Eksempel 3 Borgeren har en effektiv arbejdstid på 15 timer. …
Eksempel 4 …», «Model 1A …»): a question that names one is answered by the sentences inside it."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from gevinst.assistant import lexicon


@cache
def _block_pattern() -> re.Pattern[str]:
    nouns = sorted(set(lexicon.block_labels().values()), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(nouns) + r")\s+(\d{1,2}[a-z]?)\b", re.IGNORECASE)


def block_starts(text: str) -> list[tuple[int, str, str]]:
    """Where each numbered block of a passage starts, with its noun and number, in order."""
    return [(m.start(), m.group(1).lower(), m.group(2).lower()) for m in _block_pattern().finditer(text)]


def in_block(
    labels: tuple[tuple[str, str], ...], starts: list[tuple[int, str, str]], end: int, start: int | None = None
) -> float:
    """1 when the sentence ending at `end` lies in a block the question names, -1 when it lies in another block
    of the same kind («eksempel 2» when «eksempel 3» is asked), else 0 (before any block, or no block asked).
    A sentence from `start` that names the asked block among others («Model 1A: 179 — 380 mio. kr., model 1B:
    98 — 315 mio. kr., model 2: …») states its figure too: it is inside, whichever block it ends in."""
    if not labels or not starts:
        return 0.0
    if start is not None and any(start <= at < end and _asked(labels, noun, n) for at, noun, n in starts):
        return 1.0
    i = bisect_right([s[0] for s in starts], end - 1)
    if i == 0:
        return 0.0
    _, noun, number = starts[i - 1]
    if not any(kind == noun for kind, _ in labels):
        return 0.0
    return 1.0 if _asked(labels, noun, number) else -1.0


def _asked(labels: tuple[tuple[str, str], ...], noun: str, number: str) -> bool:
    """«model 1b» is asked by «model 1B» and by «model 1»; «model 1a» is not asked by «model 1B»."""
    return any(kind == noun and number.startswith(n) for kind, n in labels)
