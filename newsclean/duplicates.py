"""Search-ready text and near-duplicate detection over cleaned bodies.

`search_text` is a normalized copy of a body for search and matching (the body itself is never rewritten).
Near-duplicates: MinHash over word 5-gram shingles of the search text, indexed with LSH; a body whose
estimated Jaccard similarity with an earlier body is at least the threshold is a copy of the earliest such
body. The signatures persist next to the output, so a copy published tomorrow links to today's original.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from datasketch import MinHash, MinHashLSH

from newsclean.textnorm import fold

NUM_PERM = 64  # 64 permutations: 512 bytes a document; Jaccard estimated within about +-0.06
THRESHOLD = 0.5  # copies score ~1.0, lightly edited copies 0.6-0.9; rewrites in other words stay under 0.05
SHINGLE_WORDS = 5
SCHEME = "affine64"  # datasketch's hashing scheme, named so saved signatures stay comparable
STATE_FILE = "near_duplicates.parquet"

# Punctuation gets no space before it and one after it, so "قال ،" and "قال،" search alike.
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]»])")
_SPACE_AFTER_PUNCT = re.compile(r"([,;:!?])(?=[^\s\d])")
_WORD = re.compile(r"\w+")


def search_text(body: str) -> str:
    """The body folded for search: diacritics and tatweel gone, alef/yaa/taa marbuta forms unified,
    Arabic-Indic digits in ASCII, lower case, punctuation spacing normalized; one line per paragraph."""
    lines = (fold(line) for line in body.split("\n"))
    return "\n".join(_SPACE_AFTER_PUNCT.sub(r"\1 ", _SPACE_BEFORE_PUNCT.sub(r"\1", line)) for line in lines)


def signature(text: str) -> MinHash:
    """MinHash of a search text's word 5-gram shingles (the words themselves for very short texts)."""
    words = _WORD.findall(text)
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


@dataclass(slots=True)
class DuplicateIndex:
    """Signatures of every article written so far, in the order they were written (earliest first)."""

    lsh: MinHashLSH = field(default_factory=lambda: MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM))
    order: dict[str, int] = field(default_factory=dict)  # doc_id -> position in writing order
    signatures: dict[str, MinHash] = field(default_factory=dict)
    new: list[str] = field(default_factory=list)  # doc_ids added since loading, to append to the state

    def match(self, doc_id: str, minhash: MinHash) -> tuple[str | None, float | None]:
        """The earliest indexed article this one copies, with the estimated similarity; then index it."""
        candidates = [c for c in self.lsh.query(minhash) if c != doc_id]
        scored = [(self.order[c], c, minhash.jaccard(self.signatures[c])) for c in candidates]
        copies = sorted((position, c, score) for position, c, score in scored if score >= THRESHOLD)
        if doc_id not in self.order:
            self.add(doc_id, minhash)
            self.new.append(doc_id)
        if not copies:
            return None, None
        return copies[0][1], round(copies[0][2], 4)

    def add(self, doc_id: str, minhash: MinHash) -> None:
        self.order[doc_id] = len(self.order)
        self.signatures[doc_id] = minhash
        self.lsh.insert(doc_id, minhash)


def load_index(state_dir: Path) -> DuplicateIndex:
    """The signatures earlier runs wrote (an empty index when there are none)."""
    index = DuplicateIndex()
    path = state_dir / STATE_FILE
    if not path.exists():
        return index
    table = pq.read_table(path)
    for doc_id, values in zip(table.column("doc_id").to_pylist(), table.column("hashvalues").to_pylist(),
                              strict=True):
        index.add(doc_id, MinHash(num_perm=NUM_PERM, scheme=SCHEME,
                                  hashvalues=np.frombuffer(values, dtype=np.uint64)))
    return index


def save_index(index: DuplicateIndex, state_dir: Path) -> None:
    """Append this run's signatures to the state file (rewritten atomically, in writing order)."""
    if not index.new:
        return
    ordered = sorted(index.order, key=index.order.__getitem__)
    table = pa.table({"doc_id": ordered,
                      "hashvalues": [index.signatures[d].hashvalues.astype(np.uint64).tobytes() for d in ordered]})
    state_dir.mkdir(parents=True, exist_ok=True)
    temp = state_dir / f".{STATE_FILE}.tmp"
    pq.write_table(table, temp, compression="zstd")
    os.replace(temp, state_dir / STATE_FILE)
    index.new.clear()
