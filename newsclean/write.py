"""Parquet and manifest writing with the declared schemas, through the output store (never a partial file)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsclean.records import Article, Rejection, display_path
from newsclean.schema import arrow_schema
from newsclean.storage import Store


def articles_table(articles: Iterable[Article], run_id: str, processed_at: dt.datetime,
                   pipeline_version: str) -> pa.Table:
    """Article records as an Arrow table cast to the declared schema (only the schema's columns are read: an
    Article also carries what settling needs, such as its signature, which is not written)."""
    schema = arrow_schema("articles")
    fields = {f.name for f in dataclasses.fields(Article)}
    columns = [name for name in schema.names if name in fields and name != "source_file"]
    rows = [{**{name: getattr(a, name) for name in columns}, "source_file": display_path(a.source_file),
             "pipeline_version": pipeline_version, "run_id": run_id, "processed_at": processed_at}
            for a in articles]
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


def write_parquet(table: pa.Table, store: Store, sub: str, name: str) -> str:
    """Write zstd Parquet into a sub-folder of the store; readers never see a partial file."""
    return store.write(sub, name, lambda handle: pq.write_table(table, handle, compression="zstd"))


def write_json(data: dict[str, Any], store: Store, sub: str, name: str) -> str:
    """Write a JSON document the same way (the run manifest is committed like this, last)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    return store.write(sub, name, lambda handle: handle.write(text))
