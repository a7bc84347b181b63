"""Page-level repairs for transcripts with one page per line."""

from __future__ import annotations

import re

_TERMINAL = (".", "!", "?", ":", "»", '"', "”")
_MAX_CARRY = 300
_HYPHEN_WORD_REVERSED = re.compile(r"-(\w+)")


def join_across_pages(pages: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A word hyphenated at a page end («vurde-» / «ringen») or a sentence cut by a page break
    («… med 2,5 mio. kr.» / «og fra 2014 og frem …») is completed on the page where it starts,
    so that a citation points to where the sentence begins and no chunk holds half a number's context."""
    texts = [t for _, t in pages]
    for i in range(len(texts) - 1):
        text, nxt = texts[i].rstrip(), texts[i + 1].lstrip()
        if not text or not nxt:
            continue
        left = _hyphenated_last_word(text)
        if left and re.match(r"[a-zæøå]", nxt):
            word = re.match(r"\S+", nxt)
            assert word is not None
            # «Facility Management-» + «enheder» is a real compound; «Fol-» + «keskolelovens» is not.
            keep_hyphen = nxt.startswith(("og ", "eller ")) or (left[0].isupper() and len(left) >= 8)
            joined = text if keep_hyphen else text[:-1]
            texts[i] = joined + word.group(0)
            texts[i + 1] = nxt[word.end() :].lstrip()
            continue
        ends_sentence = text.endswith(_TERMINAL) and not re.search(r"\b(?:kr|mio|mia|ca|fx|pr|nr)\.$", text)
        if not ends_sentence and re.match(r"[a-zæøå0-9]", nxt):
            end = re.search(r"[.!?](?=\s+[A-ZÆØÅ0-9])|[.!?]$", nxt[:_MAX_CARRY])
            if end:
                texts[i] = text + " " + nxt[: end.end()]
                texts[i + 1] = nxt[end.end() :].lstrip()
    return [(p, t) for (p, _), t in zip(pages, texts, strict=True)]


def _hyphenated_last_word(text: str) -> str:
    """«vurde» for a page ending «… vurde-». Matched on the reversed text, so the cost is the word's length
    (a search for r"(\\w+)-$" tries every position of the page)."""
    m = _HYPHEN_WORD_REVERSED.match(text[::-1]) if text.endswith("-") else None
    return m.group(1)[::-1] if m else ""
