"""A run's bookkeeping, free of any orchestrator: list inputs, settle each batch (dedupe, validate, write), and
commit the manifest that proves every input ended as an article or a rejection."""

from __future__ import annotations

import datetime as dt
import os
import platform
import secrets
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsclean.chrome.memory import SiteMemory, load_memory, save_memory
from newsclean.config import DEFAULT_LIMITS, Limits
from newsclean.pipeline import PIPELINE_VERSION, BatchResult
from newsclean.records import Article, Reason, Rejection
from newsclean.validate import validate_articles, validate_run
from newsclean.write import articles_table, rejected_table, write_json, write_parquet


@dataclass(slots=True)
class Run:
    """One run: where it writes, its id, its limits, and what it has counted so far."""

    out_dir: Path
    run_id: str
    started_at: dt.datetime
    limits: Limits = DEFAULT_LIMITS
    memory: SiteMemory = field(default_factory=SiteMemory)  # per-site recurring lines, kept across runs
    seen_doc_ids: set[str] = field(default_factory=set)
    inputs_seen: int = 0
    articles: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    removed_by_category: Counter[str] = field(default_factory=Counter)
    seconds: Counter[str] = field(default_factory=Counter)
    expectations: Counter[str] = field(default_factory=Counter)
    expectation_failures: Counter[str] = field(default_factory=Counter)
    validation_success: bool = True
    batches: int = 0
    body_chars: list[int] = field(default_factory=list)  # one int per article written: the run's median
    lines_seen: int = 0
    lines_removed: int = 0
    lines_removed_unexplained: int = 0


def start_run(out_dir: str | Path, limits: Limits = DEFAULT_LIMITS) -> Run:
    """Create the output folders and a fresh run id (UTC time plus a random suffix)."""
    now = dt.datetime.now(dt.UTC)
    out = Path(out_dir)
    for sub in ("articles", "rejected", "runs", "validation", "state"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    return Run(out_dir=out, run_id=f"{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}", started_at=now, limits=limits,
               memory=load_memory(out / "state"))


def input_roots(inputs: Iterable[str | Path]) -> tuple[str, ...]:
    """Real paths of the input folders (and of single input files' folders): symlinks may point inside."""
    return tuple(sorted({os.path.realpath(p if Path(p).is_dir() else Path(p).parent) for p in inputs}))


def list_inputs(inputs: Iterable[str | Path]) -> list[str]:
    """Every file named or found under a named folder, recursively, sorted; symlinked folders not followed."""
    found: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, name) for name in sorted(files) if not name.startswith(".")]
        else:
            found.append(str(path))  # a missing file still ends as a rejection (unreadable), never silently
    return found


def batched(items: list[str], size: int) -> Iterator[list[str]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


UNIQUE_ID = "expect_column_values_to_be_unique(doc_id)"


def _quarantine(article: Article, reason: Reason, detail: str) -> Rejection:
    """A rejection for an article that was cleaned but may not be written; its raw bytes are re-read."""
    raw = Path(article.source_file).read_bytes() if os.path.exists(article.source_file) else b""
    return Rejection(article.source_file, article.source_sha256, reason, detail, raw, article.doc_id, article.title)


def settle_batch(run: Run, result: BatchResult, batch_number: int) -> dict[str, Any]:
    """Validate a batch's articles, quarantine failures and duplicates, write both Parquet parts.

    Duplicates (same doc_id, so same bytes) fail the suite's unique(doc_id) expectation: the first
    occurrence in the run is kept, later ones are rejected as duplicate_input with that expectation named.
    """
    now = dt.datetime.now(dt.UTC)
    articles, rejections = list(result.articles), list(result.rejections)
    table = articles_table(articles, run.run_id, now, PIPELINE_VERSION)
    outcome = validate_articles(table, run.out_dir / "validation", run.limits.languages)
    keep = []
    for index, article in enumerate(articles):
        failed = [name for name in outcome.failed_rows.get(index, []) if name != UNIQUE_ID]
        if article.doc_id in run.seen_doc_ids:
            rejections.append(_quarantine(article, Reason.DUPLICATE_INPUT,
                                          f"failed: {UNIQUE_ID}: same bytes as an input already settled in this run"))
            continue
        run.seen_doc_ids.add(article.doc_id)
        if failed:
            rejections.append(_quarantine(article, Reason.FAILED_VALIDATION, "failed: " + ", ".join(failed)))
        else:
            keep.append(index)
    table = table.take(pa.array(keep, type=pa.int64()))
    kept = [articles[i] for i in keep]
    name = f"{run.run_id}-{batch_number:05d}.parquet"
    if table.num_rows:
        write_parquet(table, run.out_dir / "articles" / name)
    if rejections:
        write_parquet(rejected_table(rejections, run.run_id, now), run.out_dir / "rejected" / name)

    for article in kept:
        run.body_chars.append(article.n_chars)
        run.lines_seen += len(article.removed) + article.body.count("\n") + 2  # removed, body lines, title
        run.lines_removed += len(article.removed)
        run.lines_removed_unexplained += sum(1 for r in article.removed if r["rule"] in UNEXPLAINED_RULES)
    run.memory.merge(result.observed)
    run.batches += 1
    run.inputs_seen += len(result.articles) + len(result.rejections)
    run.articles += table.num_rows
    run.rejected.update(str(r.reason) for r in rejections)
    run.removed_by_category.update(result.removed_by_category)
    run.seconds.update(result.seconds)
    run.validation_success &= outcome.success
    for item in outcome.expectations:
        run.expectations[item["expectation"]] += 1
        run.expectation_failures[item["expectation"]] += item["unexpected"]
    return {"batch": batch_number, "articles": table.num_rows, "rejected": len(rejections)}


# Removals that only a line's position explains: a template change shows up as more of these.
UNEXPLAINED_RULES = frozenset({"structure.head", "structure.tail", "structure.no_body"})


def run_summary(run: Run) -> dict[str, Any]:
    """The run-level values the run suite checks (declared in schemas/article.yaml under `run`)."""
    rejected = sum(run.rejected.values())
    return {
        "inputs_seen": run.inputs_seen,
        "share_rejected": rejected / run.inputs_seen if run.inputs_seen else 0.0,
        "median_body_chars": float(statistics.median(run.body_chars)) if run.body_chars else None,
        "share_lines_removed": run.lines_removed / run.lines_seen if run.lines_seen else None,
        "share_removed_unexplained": (run.lines_removed_unexplained / run.lines_removed
                                      if run.lines_removed else None),
    }


def _versions() -> dict[str, str]:
    found = {"python": platform.python_version(), "newsclean": PIPELINE_VERSION}
    for package in ("trafilatura", "ftfy", "charset-normalizer", "great-expectations", "prefect", "polars",
                    "pyarrow"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "absent"
    return found


def finish_run(run: Run, extra_seconds: dict[str, float] | None = None) -> dict[str, Any]:
    """Commit the manifest last; it says whether every input is accounted for."""
    save_memory(run.memory, run.out_dir / "state")
    summary = run_summary(run)
    run_outcome = validate_run(summary, run.out_dir / "validation", run.limits.languages)
    finished = dt.datetime.now(dt.UTC)
    accounted = run.articles + sum(run.rejected.values())
    manifest = {
        "run_id": run.run_id,
        "started_at": run.started_at.isoformat(),
        "finished_at": finished.isoformat(),
        "wall_seconds": round((finished - run.started_at).total_seconds(), 3),
        "inputs_seen": run.inputs_seen,
        "articles": run.articles,
        "rejected": sum(run.rejected.values()),
        "rejected_by_reason": dict(sorted(run.rejected.items())),
        "all_inputs_accounted": accounted == run.inputs_seen,
        "removed_by_category": dict(run.removed_by_category.most_common()),
        "stage_seconds": {k: round(v, 4) for k, v in {**run.seconds, **(extra_seconds or {})}.items()},
        "validation": {
            "success": run.validation_success and run_outcome.success,
            "records_success": run.validation_success,
            "run_success": run_outcome.success,
            "run_checks": {"values": summary, "failed": [e["expectation"] for e in run_outcome.expectations
                                                         if not e["success"]]},
            "expectations": {name: {"batches": run.expectations[name],
                                    "unexpected_rows": run.expectation_failures[name]}
                             for name in sorted(run.expectations)},
            "data_docs": str(run.out_dir / "validation" / "index.html"),
        },
        "batches": run.batches,
        "sites_remembered": len(run.memory.sites),
        "limits": {k: getattr(run.limits, k) for k in run.limits.__slots__},  # type: ignore[attr-defined]
        "versions": _versions(),
    }
    write_json(manifest, run.out_dir / "runs" / f"{run.run_id}.json")
    return manifest


def run_local(inputs: Iterable[str | Path], out_dir: str | Path, batch_size: int = 500,
              limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """The flow's steps in order without an orchestrator (eval and quick checks); returns the manifest."""
    from newsclean.pipeline import clean_paths

    run = start_run(out_dir, limits)
    inputs = list(inputs)
    roots = input_roots(inputs)
    for number, batch in enumerate(batched(list_inputs(inputs), batch_size)):
        settle_batch(run, clean_paths(batch, limits, run.memory, roots), number)
    return finish_run(run)
