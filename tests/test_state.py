"""The state database: a ledger that follows the Parquet parts, copy signatures and the story index kept off
the heap."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tracemalloc
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsclean.duplicates import LEGACY_STATE_FILE, open_index, search_text, signature
from newsclean.runs import latest_articles, run_local
from newsclean.state import open_state, sync_ledger, written_hashes
from newsclean.storage import Store
from newsclean.stories import LEGACY_STATE_FILE as LEGACY_STORY_FILE
from newsclean.stories import StoryIndex, open_stories
from tests.conftest import SEEDS, seed_text


def test_the_ledger_follows_parts_added_and_removed_behind_its_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_local([SEEDS], out)
    db = open_state(out / "state")
    names = [str(p) for p in sorted(SEEDS.iterdir())]
    assert len(written_hashes(db, names, "x")) == 0  # another pipeline version wrote nothing
    from newsclean.pipeline import PIPELINE_VERSION

    assert sorted(written_hashes(db, names, PIPELINE_VERSION)) == names
    part = next((out / "articles").iterdir())
    moved = tmp_path / part.name
    shutil.move(part, moved)  # e.g. deleted by hand: those inputs must be cleaned again
    assert sync_ledger(db, Store(str(out))) == (0, 1)
    assert written_hashes(db, names, PIPELINE_VERSION) == {}
    shutil.move(moved, part)  # a part the ledger never saw (written by a run killed before its commit)
    assert sync_ledger(db, Store(str(out))) == (1, 0)
    assert len(written_hashes(db, names, PIPELINE_VERSION)) == 5
    db.close()


def test_signatures_saved_by_the_previous_version_are_moved_into_the_database(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    original = signature(search_text(seed_text("004")))
    pq.write_table(pa.table({"doc_id": ["old-original"],
                             "hashvalues": [original]}),  # the 64 uint64 values, as bytes
                   state / LEGACY_STATE_FILE)
    db = open_state(state)
    index = open_index(db, state)
    assert len(index) == 1 and not (state / LEGACY_STATE_FILE).exists()
    body = seed_text("004")
    assert index.match("a-copy", signature(search_text(body))) == ("old-original", 1.0)
    lines = body.split("\n")
    assert index.match("unrelated", signature(search_text(seed_text("000")))) == (None, None)
    edited = "\n".join(lines[: 3 * len(lines) // 4])  # most of the article: still a copy of it
    copy_of, score = index.match("most", signature(search_text(edited)))
    assert copy_of == "old-original" and score is not None and 0.5 <= score < 1.0
    assert len(index) == 4
    db.close()


def test_signatures_stay_datasketch_minhashes_of_the_sha1_of_each_word_5_gram() -> None:
    """Saved signatures are compared with new ones run after run, so the bulk hashing must give exactly what
    datasketch's own MinHash over `sha1_hash64` of each shingle gives (the way signatures were first made)."""
    import re

    import numpy as np
    from datasketch import MinHash

    from newsclean.duplicates import NUM_PERM, SCHEME

    for text in (search_text(seed_text("004")), search_text(seed_text("001")), "one two three", "", "a b c d e f"):
        words = re.findall(r"\w+", text)
        grams = {" ".join(words[i:i + 5]) for i in range(max(1, len(words) - 4))}
        reference = MinHash(num_perm=NUM_PERM, scheme=SCHEME)  # default hash function: sha1_hash64
        reference.update_batch([gram.encode("utf-8") for gram in grams])
        assert signature(text) == reference.hashvalues.astype(np.uint64).tobytes(), text[:40]


def test_the_story_index_persists_across_runs_in_the_database(tmp_path: Path) -> None:
    # run 1: seeds 000 and 001 (one story); run 2: seed 002, a rewrite of it, found through the database alone
    for folder, prefixes in (("day1", ("000", "001")), ("day2", ("002",))):
        (tmp_path / folder).mkdir()
        for prefix in prefixes:
            shutil.copy(next(SEEDS.glob(f"{prefix}*")), tmp_path / folder)
        run_local([tmp_path / folder], tmp_path / "out")
    stories = {Path(row["source_file"]).name[:3]: row["story_id"]
               for row in latest_articles(tmp_path / "out").select(["source_file", "story_id"]).to_pylist()}
    assert stories["002"] == stories["000"] == stories["001"]
    state = tmp_path / "out" / "state"
    assert not (state / LEGACY_STORY_FILE).exists()
    db = open_state(state)
    assert len(open_stories(db, state)) == 3
    db.close()


def _synthetic_article(rng: random.Random, number: int) -> tuple[str, str, dt.datetime, str]:
    """A body of 120 words from a 3,000-word vocabulary, a day in a month, one of three languages."""
    words = " ".join(f"w{rng.randrange(3000)}x{rng.randrange(3)}" for _ in range(120))
    day = dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(days=rng.randrange(30))
    return f"doc{number:05d}", f"{words} {rng.randrange(10_000)}", day, ("ar", "en", "fr")[number % 3]


def test_the_story_index_holds_nothing_that_grows_with_the_corpus_in_memory(tmp_path: Path) -> None:
    # Issue 7: memory must not grow with the corpus. The index's only Python-side state is its attributes
    # (slots: no other can appear); its list of pending links empties at each resolve; and Python's heap
    # grows by far less than the ~8 KB per article the in-memory index took (SQLite's page cache, capped by
    # open_state, is outside Python's heap and outside this measure).
    assert StoryIndex.__slots__ == ("changed", "db", "documents", "pending", "terms", "written_documents")
    db = open_state(tmp_path)
    index = open_stories(db, tmp_path)
    rng = random.Random(7)

    def batch(first: int, size: int) -> None:
        articles = [_synthetic_article(rng, n) for n in range(first, first + size)]
        for doc_id, body, day, language in articles:
            index.assign(doc_id, body, day, language=language)
        assert len(index.pending) <= size * 40  # one batch's links at most
        for doc_id, *_ in articles:
            index.resolve(doc_id)
        assert index.pending == [] and index.terms == {} and index.changed == set()  # a batch's worth only
        db.commit()

    batch(0, 200)  # warm up: caches of the libraries, SQLite statements
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    for first in range(200, 800, 200):
        batch(first, 200)
    after, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(index) == 800
    # measured: 0.3 MB for 600 articles, the interpreter's free lists and the bounded skeleton cache filling
    # up; the in-memory index took ~5 MB here
    assert after - before < 600 * 1024
    db.close()


def test_a_corrupt_state_database_is_moved_aside_and_the_ledger_rebuilt_from_the_parts(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_local([SEEDS], out)
    (out / "state" / "index.sqlite").write_bytes(b"this is not a database" * 100)
    again = run_local([SEEDS], out)
    assert (again["new"], again["unchanged"], again["articles"]) == (0, 5, 0)  # nothing cleaned twice
    assert len(list((out / "state").glob("index.sqlite.corrupt-*"))) == 1
