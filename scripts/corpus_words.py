"""The corpus's most frequent Danish content words, the list src/gevinst/assistant/glossary_corpus.yaml was
translated from.

Reads the passages ingest makes of a folder of reports (nothing embedded), groups word forms by their index
stem and prints one line per stem, most frequent first: count, passages it occurs in, then its forms (most
frequent first, with counts). Function words, numbers, one-letter words and names (words written with a capital
letter in most of their occurrences) are left out.

    python scripts/corpus_words.py [FOLDER] [--top 2000] [--min-length 4]
    python scripts/corpus_words.py --check src/gevinst/assistant/glossary_corpus.yaml

--check lists the glossary's Danish words that occur nowhere in the reports (the glossary keeps only words that do).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from gevinst.index.textnorm import fold, stopwords, tokens
from gevinst.ingest.corpus import folder_chunks

ROOT = Path(__file__).resolve().parents[1]
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def word_counts(texts: list[str]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Occurrences of each lower-case form, how often it was capitalised, and the passages it occurs in."""
    forms: Counter[str] = Counter()
    capitals: Counter[str] = Counter()
    passages: Counter[str] = Counter()
    for text in texts:
        seen = set()
        for m in _WORD.finditer(text):
            word = m.group(0)
            low = word.lower()
            forms[low] += 1
            capitals[low] += word[0].isupper()
            seen.add(low)
        passages.update(seen)
    return forms, capitals, passages


def stem_lines(texts: list[str], top: int, min_length: int) -> list[str]:
    """One line per stem: total count, passages, forms with counts; the `top` most frequent stems."""
    forms, capitals, passages = word_counts(texts)
    by_stem: dict[str, Counter[str]] = defaultdict(Counter)
    stem_passages: Counter[str] = Counter()
    for form, n in forms.items():
        if len(form) < min_length or capitals[form] > n / 2 or fold(form) in stopwords():  # short, names, function
            continue
        stems = tokens(form)
        if len(stems) != 1:  # a function word (no token) or a hyphenated form (its parts are counted alone)
            continue
        by_stem[stems[0]][form] += n
        stem_passages[stems[0]] = max(stem_passages[stems[0]], passages[form])
    ranked = sorted(by_stem.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]
    return [
        f"{sum(c.values()):6} {stem_passages[s]:5}  " + " ".join(f"{f}:{n}" for f, n in c.most_common())
        for s, c in ranked
    ]


def absent_words(glossary: dict[str, str], texts: list[str]) -> list[tuple[str, str]]:
    """(English key, Danish word) for each Danish word of the glossary none of whose index tokens the reports use."""
    vocabulary = {t for text in texts for t in tokens(text)}
    return [
        (english, word)
        for english, danish in glossary.items()
        for word in danish.split()
        if not tokens(word) or not set(tokens(word)) <= vocabulary
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(ROOT / "data" / "reports"))
    parser.add_argument("--top", type=int, default=2000)
    parser.add_argument("--min-length", type=int, default=4)
    parser.add_argument("--check", metavar="GLOSSARY", help="list the glossary's Danish words absent from the reports")
    args = parser.parse_args()
    texts = [c.text for chunks in folder_chunks(Path(args.folder)).values() for c in chunks]
    if args.check:
        glossary = yaml.safe_load(Path(args.check).read_text(encoding="utf-8"))
        absent = absent_words({str(k): str(v) for k, v in glossary.items()}, texts)
        print("\n".join(f"{english}: {word}" for english, word in absent) or "every Danish word occurs in the reports")
        return
    print("\n".join(stem_lines(texts, args.top, args.min_length)))


if __name__ == "__main__":
    main()
