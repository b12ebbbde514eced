"""The state database: a ledger that follows the Parquet parts, and copy signatures kept off the heap."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from newsclean.duplicates import LEGACY_STATE_FILE, open_index, search_text, signature
from newsclean.runs import run_local
from newsclean.state import open_state, sync_ledger, written_hashes
from newsclean.storage import Store
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
                             "hashvalues": [original.hashvalues.astype(np.uint64).tobytes()]}),
                   state / LEGACY_STATE_FILE)
    index = open_index(open_state(state), state)
    assert len(index) == 1 and not (state / LEGACY_STATE_FILE).exists()
    body = seed_text("004")
    assert index.match("a-copy", signature(search_text(body))) == ("old-original", 1.0)
    lines = body.split("\n")
    assert index.match("unrelated", signature(search_text(seed_text("000")))) == (None, None)
    edited = "\n".join(lines[: 3 * len(lines) // 4])  # most of the article: still a copy of it
    copy_of, score = index.match("most", signature(search_text(edited)))
    assert copy_of == "old-original" and score is not None and 0.5 <= score < 1.0
    assert len(index) == 4
