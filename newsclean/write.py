"""Parquet and manifest writing with the declared schemas: temp name, then rename; the manifest last."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsclean.records import Article, Rejection, display_path
from newsclean.schema import arrow_schema


def articles_table(articles: Iterable[Article], run_id: str, processed_at: dt.datetime,
                   pipeline_version: str) -> pa.Table:
    """Article records as an Arrow table cast to the declared schema."""
    rows = [{**{f.name: getattr(a, f.name) for f in dataclasses.fields(a)}, "source_file": display_path(a.source_file),
             "pipeline_version": pipeline_version, "run_id": run_id, "processed_at": processed_at}
            for a in articles]
    schema = arrow_schema("articles")
    for row in rows:
        if row["published_at"] is not None and row["published_at"].tzinfo is None:
            row["published_at"] = row["published_at"].replace(tzinfo=dt.UTC)
    return pa.Table.from_pylist(rows, schema=schema)


def rejected_table(rejections: Iterable[Rejection], run_id: str, processed_at: dt.datetime,
                   pipeline_version: str) -> pa.Table:
    """Rejection records (raw bytes included) as an Arrow table cast to the declared schema."""
    rows = [{"doc_id": r.doc_id, "source_file": display_path(r.source_file), "source_sha256": r.source_sha256,
             "reason": str(r.reason), "detail": r.detail, "first_line": r.first_line, "raw": r.raw,
             "pipeline_version": pipeline_version, "run_id": run_id, "processed_at": processed_at}
            for r in rejections]
    return pa.Table.from_pylist(rows, schema=arrow_schema("rejected"))


def _atomic_target(path: Path) -> tuple[int, str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


def write_parquet(table: pa.Table, path: Path) -> Path:
    """Write zstd Parquet under a temp name, then rename: readers never see a partial file."""
    handle, temp = _atomic_target(path)
    os.close(handle)
    try:
        pq.write_table(table, temp, compression="zstd")
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return path


def write_json(data: dict[str, Any], path: Path) -> Path:
    """Write a JSON document atomically (the run manifest is committed this way, last)."""
    handle, temp = _atomic_target(path)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=2, default=str)
    os.replace(temp, path)
    return path
