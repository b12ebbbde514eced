"""The run state that grows with the corpus, kept on disk in one SQLite file (`DIR/state/index.sqlite`), so a
run's memory stays flat however many documents earlier runs wrote.

It holds the ledger of what the Parquet parts contain (source file, hash, doc id: rebuilt from the parts,
which stay the source of truth), and the indexes of `duplicates` and `stories`, which add their own tables.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    from newsclean.storage import Store

STATE_DB = "index.sqlite"

_LEDGER = """
CREATE TABLE IF NOT EXISTS parts (name TEXT PRIMARY KEY, kind TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS written (
    source_file TEXT NOT NULL, source_sha256 TEXT, doc_id TEXT, article INTEGER NOT NULL,
    pipeline_version TEXT NOT NULL, run_id TEXT NOT NULL, processed_at TEXT NOT NULL, part TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS written_file ON written (source_file);
CREATE INDEX IF NOT EXISTS written_doc ON written (doc_id);
CREATE INDEX IF NOT EXISTS written_part ON written (part);
"""


def open_state(state_dir: Path) -> sqlite3.Connection:
    """Open (or create) the state database; a bounded page cache keeps it off the heap.

    A database SQLite cannot read (a disk error, a truncated copy) is moved aside as `index.sqlite.corrupt-*`
    and a new one started: the ledger is rebuilt from the Parquet parts, so no input is cleaned twice or
    lost; only the copy signatures and stories of earlier runs are gone (later copies of them are not linked).
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    try:
        return _connect(state_dir / STATE_DB)
    except sqlite3.DatabaseError:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        (state_dir / STATE_DB).replace(state_dir / f"{STATE_DB}.corrupt-{stamp}")
        return _connect(state_dir / STATE_DB)


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, check_same_thread=False, isolation_level="DEFERRED")
    try:
        connection.execute("PRAGMA journal_mode = DELETE")  # one file: a remote store mirrors it as it is
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA cache_size = -32768")  # 32 MiB of pages at most
        columns = {row[1] for row in connection.execute("PRAGMA table_info(written)")}
        if columns and "processed_at" not in columns:  # a ledger from before processed_at: derived, rebuilt
            connection.executescript("DROP TABLE written; DROP TABLE parts;")
        connection.executescript(_LEDGER)
    except sqlite3.DatabaseError:
        connection.close()
        raise
    return connection


def sync_ledger(connection: sqlite3.Connection, store: Store) -> tuple[int, int]:
    """Make the ledger match the Parquet parts now in the store: read parts it has not seen (written by an
    earlier run, even a killed one), forget parts that are gone (compacted). Returns (added, removed)."""
    # parts are known by folder/file name, so an output folder can move without a full re-read
    listed = {f"{kind}/{posixpath.basename(path)}": (kind, path)
              for kind in ("articles", "rejected") for path in store.files(kind)}
    known = dict(connection.execute("SELECT name, kind FROM parts"))
    gone = [name for name in known if name not in listed]
    for name in gone:
        connection.execute("DELETE FROM written WHERE part = ?", (name,))
        connection.execute("DELETE FROM parts WHERE name = ?", (name,))
    new = [name for name in listed if name not in known]
    for name in new:
        kind, path = listed[name]
        part = store.read_table(kind, list(LEDGER_COLUMNS), parts=[path])
        assert part is not None  # a listed part
        record_part(connection, name, kind, part)
    connection.commit()
    return len(new), len(gone)


LEDGER_COLUMNS = ("source_file", "source_sha256", "doc_id", "pipeline_version", "run_id", "processed_at")


def record_part(connection: sqlite3.Connection, name: str, kind: str, table: pa.Table) -> None:
    """Add one Parquet part's rows to the ledger (the caller commits)."""
    rows = zip(*(table.column(c).to_pylist() for c in LEDGER_COLUMNS), strict=True)
    connection.executemany(
        "INSERT INTO written VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((path, sha, doc_id, kind == "articles", version, run_id, processed.isoformat(), name)
         for path, sha, doc_id, version, run_id, processed in rows))
    connection.execute("INSERT OR REPLACE INTO parts VALUES (?, ?)", (name, kind))


def written_hashes(connection: sqlite3.Connection, names: Iterable[str], pipeline_version: str) -> dict[str, str]:
    """source_file -> sha256 of the latest version this pipeline version wrote for these inputs (article or
    rejection; the newest processed_at wins, as in `latest_articles`, so a file changed back to an older
    content is cleaned again); an unreadable input has no hash and is always tried again."""
    # SQLite: with max() in the select, the bare columns come from the row holding the maximum
    rows = connection.execute(
        "SELECT source_file, source_sha256, max(processed_at) FROM written "
        "WHERE source_file IN (SELECT value FROM json_each(?)) AND pipeline_version = ? "
        "AND source_sha256 IS NOT NULL GROUP BY source_file",
        (json.dumps(list(names), ensure_ascii=False), pipeline_version))
    return {path: sha for path, sha, _ in rows}


def article_written(connection: sqlite3.Connection, doc_id: str, pipeline_version: str, source_file: str,
                    run_id: str | None = None) -> bool:
    """Whether an article with this doc id (same bytes) from another source file is already in the dataset
    for this version (written by run `run_id` only, when given: a reprocessing run does not count what it is
    replacing). The same file's own earlier version does not count: a file changed back to an earlier
    content gets a new latest version, not a rejection."""
    query = "SELECT 1 FROM written WHERE doc_id = ? AND article AND pipeline_version = ? AND source_file != ?"
    parameters: tuple[str, ...] = (doc_id, pipeline_version, source_file)
    if run_id is not None:
        query, parameters = query + " AND run_id = ?", (*parameters, run_id)
    return connection.execute(query + " LIMIT 1", parameters).fetchone() is not None
