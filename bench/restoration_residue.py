"""What restoring lost æ/ø/å leaves behind: the words of each restored report, after restoring, that no word
list knows (not in wordfreq's Danish, not in the reports that kept their letters) and that have no æ/ø/å.
They are the candidates a Danish reader would still repair (with names, English and rare compounds among
them); the count should fall and never by a word turned into something else (tests/ingest/ checks that).

    python bench/restoration_residue.py [FOLDER] [--all]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from gevinst.ingest.catalog import load_catalog
from gevinst.ingest.chunking import chunk_document
from gevinst.ingest.loaders import SUPPORTED, load_file
from gevinst.ingest.profiles import clean_loaded
from gevinst.ingest.restore import restore_batch
from gevinst.ingest.wordlist import LETTERS, corpus_words, is_danish_word

ROOT = Path(__file__).resolve().parents[1]
_DANISH = re.compile("[æøå]")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(ROOT / "data" / "reports"))
    parser.add_argument("--all", action="store_true", help="list every residual word, not the 60 most frequent")
    args = parser.parse_args()
    folder = Path(args.folder)
    catalog = load_catalog(folder)
    docs = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUPPORTED):
        loaded = load_file(path)
        entry = catalog.get(loaded.doc_id)
        docs.append(clean_loaded(loaded, entry.title if entry else loaded.title_hint))
    chunks = {doc.doc_id: chunk_document(doc) for doc in docs}
    for doc, changed in restore_batch(docs, chunks):
        known = corpus_words(c.text for doc_id, cs in chunks.items() if doc_id != doc.doc_id for c in cs)
        words = Counter(w.lower() for c in chunk_document(doc) for w in LETTERS.findall(c.text) if len(w) > 2)
        residue = {w: n for w, n in words.items() if not _DANISH.search(w) and w not in known and not is_danish_word(w)}
        print(f"{doc.doc_id}: {changed} words restored; residue {len(residue)} types, {sum(residue.values())} tokens")
        ranked = sorted(residue.items(), key=lambda item: (-item[1], item[0]))
        print("  " + " ".join(f"{w}:{n}" for w, n in (ranked if args.all else ranked[:60])))


if __name__ == "__main__":
    main()
