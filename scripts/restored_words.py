"""What ingest's restoring of lost æ/ø/å changes in a folder of reports, to read by eye.

For each document the signal flags: its signal before and after, the substitutes learned from its words, how
many word types and tokens changed, and a sample of the changes (every type, with its count, at random).

    python scripts/restored_words.py [FOLDER] [--sample 40] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from pathlib import Path

from gevinst.ingest.catalog import load_catalog
from gevinst.ingest.chunking import chunk_document
from gevinst.ingest.danish_letters import repair_text
from gevinst.ingest.loaders import SUPPORTED, load_file
from gevinst.ingest.profiles import clean_loaded
from gevinst.ingest.restore import letter_signal, lost_letters, restorer_for
from gevinst.ingest.wordlist import corpus_words, danish_wordlist

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(ROOT / "data" / "reports"))
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = Path(args.folder)
    catalog = load_catalog(folder)
    docs = {}
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED):
        loaded = load_file(path)
        entry = catalog.get(loaded.doc_id)
        docs[loaded.doc_id] = clean_loaded(loaded, entry.title if entry else loaded.title_hint)
    damaged = {doc_id for doc_id, doc in docs.items() if lost_letters(doc)}
    undamaged = (c.text for doc_id, doc in docs.items() if doc_id not in damaged for c in chunk_document(doc))
    words = danish_wordlist(corpus_words(undamaged))
    for doc_id, doc in docs.items():
        text = "\n".join(p.text for p in doc.pages)
        print(f"{doc_id}: {letter_signal(text)}")
        if doc_id not in damaged:
            continue
        restorer = restorer_for(doc, words)
        print(f"  substitutes learned: {restorer.substitutes}")
        restored, changes = repair_text(text, restorer)
        types = Counter((c.written.lower(), c.restored.lower()) for c in changes)
        tokens = len(re.findall(r"[^\W\d_]+", text))
        print(
            f"  changed: {len(types)} word types, {len(changes)} of {tokens} tokens; after: {letter_signal(restored)}"
        )
        sample = random.Random(args.seed).sample(sorted(types), min(args.sample, len(types)))
        for written, new in sorted(sample):
            print(f"  {types[(written, new)]:4} {written} → {new}")


if __name__ == "__main__":
    main()
