"""The reading side: an output location's articles as a polars LazyFrame, the way consumers want them.

Every consumer needs the same two things: the latest version of each source file (a changed input adds a row,
the older one stays), and story ids as they are now (a later article can merge two stories, and rows written
before the merge keep the id they were written with). `read_articles` does both, lazily, for a local folder or
any fsspec URL; `report`, `stories` and `compact` use it.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Mapping
from pathlib import Path

import polars as pl
import pyarrow as pa

from newsclean.schema import arrow_schema
from newsclean.state import STATE_DB
from newsclean.storage import Store


def read_articles(out: str | Path, latest: bool = True, stories_merged: bool = True,
                  parts: list[str] | None = None) -> pl.LazyFrame:
    """OUT/articles as a LazyFrame with the declared columns.

    `latest`: one row per source file, the one processed last (newest `processed_at`), in source-file order.
    `stories_merged`: `story_id` is the story each article belongs to now (merges recorded in OUT/state).
    `parts`: only these Parquet parts (paths as `Store.files` lists them), e.g. what a compaction rewrites.
    """
    store = Store(str(out))
    files = store.files("articles") if parts is None else parts
    frame = _scan(store, files)
    if latest:
        # newest first, then the first row of each source file; run_id breaks a tie (run ids sort by start time)
        frame = (frame.sort(["processed_at", "run_id"], descending=True, nulls_last=True)
                 .unique(subset="source_file", keep="first", maintain_order=True)
                 .sort("source_file"))
    if stories_merged and files:
        merged = story_merges(store)
        if merged:
            roots = pl.LazyFrame({"story_id": list(merged), "merged_story_id": list(merged.values())},
                                 schema={"story_id": pl.String, "merged_story_id": pl.String})
            frame = (frame.join(roots, on="story_id", how="left", maintain_order="left")
                     .with_columns(pl.coalesce("merged_story_id", "story_id").alias("story_id"))
                     .drop("merged_story_id"))
    return frame


def _scan(store: Store, files: list[str]) -> pl.LazyFrame:
    """The parts as one LazyFrame: polars' own reader on a local disk, pyarrow's dataset over fsspec elsewhere
    (so every filesystem fsspec knows works, with the same credentials the run used)."""
    declared = arrow_schema("articles")
    if not files:
        return pl.from_arrow(declared.empty_table()).lazy()  # type: ignore[union-attr]
    # parts written before a column was declared read with that column null, and a column since dropped is left
    # out: an output folder stays readable across versions of the schema
    if store.is_local:
        return pl.scan_parquet(files, glob=False,  # the listed files: a folder named with [ ] * stays a name
                               schema=_polars_schema(declared), missing_columns="insert", extra_columns="ignore")
    import pyarrow.dataset as ds

    return pl.scan_pyarrow_dataset(ds.dataset(files, schema=declared, format="parquet", filesystem=store.fs))


def _polars_schema(schema: pa.Schema) -> pl.Schema:
    return pl.from_arrow(schema.empty_table()).schema  # type: ignore[union-attr]


def story_merges(store: Store) -> dict[str, str]:
    """Every merged story id -> the story it belongs to now, read from the state database without writing to
    it (a run may hold it open). Empty when there is no state yet."""
    if store.is_local:
        path = Path(store.path("state", STATE_DB))
        return _merges_in(path) if path.is_file() else {}
    remote = store.path("state", STATE_DB)
    if not store.fs.exists(remote):
        return {}
    with tempfile.TemporaryDirectory(prefix="newsclean-read-") as folder:
        local = Path(folder) / STATE_DB
        store.fs.get(remote, str(local))
        return _merges_in(local)


def _merges_in(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT story, merged_into FROM story_merged").fetchall()
    except sqlite3.OperationalError:  # a state database without a story index (no article written yet)
        return {}
    finally:
        connection.close()
    return resolve_merges(dict(rows))


def resolve_merges(merged_into: Mapping[str, str]) -> dict[str, str]:
    """Follow each chain of merges to its end: {a: b, b: c} -> {a: c, b: c} (the root of the union-find that
    `StoryIndex` keeps; a chain that loops stops where it would repeat)."""
    roots: dict[str, str] = {}
    for story in merged_into:
        seen = [story]
        current = merged_into[story]
        while current in merged_into and current not in seen and current not in roots:
            seen.append(current)
            current = merged_into[current]
        root = roots.get(current, current)
        for member in seen:
            roots[member] = root
    return roots


def to_arrow(frame: pl.LazyFrame | pl.DataFrame) -> pa.Table:
    """Collected articles as an Arrow table in the declared schema (polars writes large strings; the writer and
    the tests compare against the schema in schemas/)."""
    collected = frame.collect() if isinstance(frame, pl.LazyFrame) else frame
    return collected.to_arrow().select(arrow_schema("articles").names).cast(arrow_schema("articles"))
