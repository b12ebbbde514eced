"""Search-ready text and near-duplicate detection over cleaned bodies.

`search_text` is a normalized copy of a body for search and matching (the body itself is never rewritten).
Near-duplicates: MinHash over word 5-gram shingles of the search text, indexed with LSH; a body whose
estimated Jaccard similarity with an earlier body is at least the threshold is a copy of the earliest such
body. The signatures persist next to the output (in the state database), so a copy published tomorrow links
to today's original.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
from datasketch import MinHash

from newsclean.textnorm import fold

NUM_PERM = 64  # 64 permutations: 512 bytes a document; Jaccard estimated within about +-0.06
THRESHOLD = 0.5  # copies score ~1.0, lightly edited copies 0.6-0.9; rewrites in other words stay under 0.05
SHINGLE_WORDS = 5
SCHEME = "affine64"  # datasketch's hashing scheme, named so saved signatures stay comparable
LEGACY_STATE_FILE = "near_duplicates.parquet"  # before the state database

# Punctuation gets no space before it and one after it, so "قال ،" and "قال،" search alike.
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]»])")
_SPACE_AFTER_PUNCT = re.compile(r"([,;:!?])(?=[^\s\d])")
_WORD = re.compile(r"\w+")


def search_text(body: str, folded_lines: Iterable[str] | None = None) -> str:
    """The body folded for search: diacritics and tatweel gone, alef/yaa/taa marbuta forms unified,
    Arabic-Indic digits in ASCII, lower case, punctuation spacing normalized; one line per paragraph.
    `folded_lines`: `fold` of each line of the body, when the caller has them (the pipeline folds every line
    once, for labelling)."""
    lines = folded_lines if folded_lines is not None else (fold(line) for line in body.split("\n"))
    return "\n".join(_SPACE_AFTER_PUNCT.sub(r"\1 ", _SPACE_BEFORE_PUNCT.sub(r"\1", line)) for line in lines)


@functools.cache
def _permutations() -> np.ndarray:
    """The scheme's permutation parameters, drawn once per process (a MinHash draws them again each time:
    a fifth of the cost of a signature)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def shingles(text: str) -> set[str]:
    """The word 5-grams of a text (its words as one shingle when it has fewer)."""
    words = _WORD.findall(text)
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)}
    return set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)))  # the shortest ends it


def shingle_hashes(text: str) -> list[int]:
    """datasketch's `sha1_hash64` of each shingle's UTF-8 bytes, computed in bulk: one encode for all the
    shingles (words hold no newline) and the digests read as one array, not one Python call per shingle."""
    encoded = "\n".join(shingles(text)).encode("utf-8").split(b"\n")
    digests = b"".join([hashlib.sha1(item).digest()[:8] for item in encoded])
    return np.frombuffer(digests, dtype="<u8").tolist()


def signature(text: str) -> bytes:
    """MinHash of a search text's word 5-gram shingles (the words themselves for very short texts), as the
    NUM_PERM 64-bit hash values the index stores (512 bytes: small to ship back from a worker)."""
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations(), hashfunc=int)
    minhash.update_batch(shingle_hashes(text))  # already hashed: `int` hands each value on as it is
    return minhash.hashvalues.astype(np.uint64).tobytes()


# LSH banding for THRESHOLD and NUM_PERM (datasketch's optimum for these: 14 bands of 4 values): two bodies
# with Jaccard 0.5 share at least one band with probability ~0.6, at 0.8 ~1.0, at 0.2 ~0.02.
BANDS, ROWS = 14, 4
# Articles read from one band's bucket, earliest first (the original is the earliest). Why capped: a body that
# many sites carry (a wire story, a template) fills its buckets with every copy, and reading them all would make
# each further copy cost more than the one before; the earliest BUCKET_READ are the original and its first
# copies, any of which links the new copy. At most BANDS * BUCKET_READ signatures are compared per article.
# A bucket holding BUCKET_READ articles takes no more: the later ones would never be read (issue 18: on a
# corpus of one event's vocabulary most articles share some bands, and every stored row is an insert the
# batch's commit writes).
BUCKET_READ = 16

# dup_buckets: (band, 64-bit hash of the band's values, position of the signature), the primary key itself, so
# a bucket is one range of the key read in insertion order, with no row looked up elsewhere. Before issue 18,
# dup_bands held the band's bytes and the doc id (a rowid table and an index: three times the pages, each a
# random insert); `DuplicateIndex` moves those rows once.
_TABLES = """
CREATE TABLE IF NOT EXISTS dup_signatures (position INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL,
                                           hashvalues BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS dup_buckets (band INTEGER NOT NULL, key INTEGER NOT NULL, position INTEGER NOT NULL,
                                        PRIMARY KEY (band, key, position)) WITHOUT ROWID;
"""
_LEGACY_BANDS = """
INSERT OR IGNORE INTO dup_buckets SELECT b.band, band_key(b.key), s.position
FROM dup_bands b JOIN dup_signatures s ON s.doc_id = b.doc_id;
DROP TABLE dup_bands;
"""


def band_key(values: bytes) -> int:
    """The bucket of one band: a signed 64-bit hash of its ROWS hash values' bytes (SQLite's INTEGER)."""
    return int.from_bytes(hashlib.blake2b(values, digest_size=8).digest(), "little", signed=True)


def band_keys(values: np.ndarray) -> list[int]:
    """The LSH bucket of each band of a signature (`band_key` of its ROWS hash values)."""
    return [band_key(values[band * ROWS:(band + 1) * ROWS].tobytes()) for band in range(BANDS)]


class DuplicateIndex:
    """Signatures of every article written so far, in writing order (earliest first), with their LSH bands;
    kept in the state database, so memory does not grow with the corpus."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection
        self.db.executescript(_TABLES)
        if self.db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'dup_bands'").fetchone():
            self.db.create_function("band_key", 1, band_key, deterministic=True)
            self.db.executescript(_LEGACY_BANDS)

    def match(self, doc_id: str, hashed: bytes) -> tuple[str | None, float | None]:
        """The earliest indexed article this one copies (by its `signature`), with the estimated similarity;
        then index it."""
        values = np.frombuffer(hashed, dtype=np.uint64)
        keys = band_keys(values)
        own = self.db.execute("SELECT position FROM dup_signatures WHERE doc_id = ?", (doc_id,)).fetchone()
        candidates: set[int] = set()
        room = []  # the bands whose bucket still takes articles
        for band, key in enumerate(keys):
            found = [row[0] for row in self.db.execute(
                "SELECT position FROM dup_buckets WHERE band = ? AND key = ? ORDER BY position LIMIT ?",
                (band, key, BUCKET_READ))]
            candidates.update(found)
            if len(found) < BUCKET_READ:
                room.append(band)
        if own is not None:
            candidates.discard(own[0])
        copies = []
        rows = self.db.execute("SELECT position, doc_id, hashvalues FROM dup_signatures "
                               "WHERE position IN (SELECT value FROM json_each(?))", (json.dumps(sorted(candidates)),))
        for position, candidate, stored in rows:
            score = float(np.count_nonzero(np.frombuffer(stored, dtype=np.uint64) == values)) / NUM_PERM
            if score >= THRESHOLD:
                copies.append((position, candidate, score))
        if own is None:
            self._add(doc_id, values, keys, room)
        if not copies:
            return None, None
        _, original, score = min(copies)
        return original, round(score, 4)

    def _add(self, doc_id: str, values: np.ndarray, keys: list[int], bands: Iterable[int] | None = None) -> None:
        """Index a signature not indexed yet, in the buckets of `bands` (default: every band)."""
        position = self.db.execute("INSERT INTO dup_signatures (doc_id, hashvalues) VALUES (?, ?)",
                                   (doc_id, values.tobytes())).lastrowid
        self.db.executemany("INSERT OR IGNORE INTO dup_buckets VALUES (?, ?, ?)",
                            ((band, keys[band], position) for band in (range(BANDS) if bands is None else bands)))

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM dup_signatures").fetchone()[0])


def open_index(connection: sqlite3.Connection, state_dir: Path) -> DuplicateIndex:
    """The index in the state database; signatures an older version saved as Parquet are moved into it."""
    index = DuplicateIndex(connection)
    legacy = state_dir / LEGACY_STATE_FILE
    if legacy.exists() and not len(index):
        try:
            table = pq.read_table(legacy)
        except (OSError, ValueError):  # unreadable: start without the old signatures, leave the file
            return index
        for doc_id, values in zip(table.column("doc_id").to_pylist(), table.column("hashvalues").to_pylist(),
                                  strict=True):
            array = np.frombuffer(values, dtype=np.uint64)
            if index.db.execute("SELECT 1 FROM dup_signatures WHERE doc_id = ?", (doc_id,)).fetchone() is None:
                index._add(doc_id, array, band_keys(array))
        connection.commit()
        legacy.unlink()
    return index
