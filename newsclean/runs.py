"""A run's bookkeeping, free of any orchestrator: list inputs, settle each batch (dedupe, validate, write), and
commit the manifest that proves every input ended as an article or a rejection."""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import functools
import os
import platform
import secrets
import sqlite3
import statistics
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsclean.chrome.label import POSITIONAL_RULES
from newsclean.chrome.memory import SiteMemory, load_memory, save_memory
from newsclean.config import DEFAULT_LIMITS, Limits
from newsclean.duplicates import DuplicateIndex, open_index
from newsclean.html_report import write_report
from newsclean.inputs import Selection, select_inputs
from newsclean.lock import OutputLock, lock_output
from newsclean.pipeline import PIPELINE_VERSION, BatchContext, BatchResult, add_settling_values
from newsclean.records import Article, Reason, Rejection, display_path
from newsclean.state import article_written, open_state, record_part, sync_ledger, written_hashes
from newsclean.stats import (
    ARTICLES,
    INPUTS_SEEN,
    INPUTS_UNCHANGED,
    LINES_REMOVED,
    LINES_SEEN,
    LINES_UNEXPLAINED,
    REJECTED,
    REMOVED,
    Stats,
)
from newsclean.storage import Store
from newsclean.stories import StoryIndex, open_stories
from newsclean.validate import validate_articles, validate_run, write_data_docs
from newsclean.write import articles_table, rejected_table, write_json, write_parquet


@dataclass(slots=True)
class Run:
    """One run: where it writes, its id, its limits, and what it has counted and timed so far (`stats`)."""

    store: Store  # where outputs go: a local folder or an fsspec URL
    run_id: str
    started_at: dt.datetime
    db: sqlite3.Connection  # the state database: ledger of written parts, copy signatures (newsclean.state)
    duplicates: DuplicateIndex  # signatures of every article written, in the state database
    stories: StoryIndex  # story clusters, in the state database (committed with each batch)
    limits: Limits = DEFAULT_LIMITS
    memory: SiteMemory = field(default_factory=SiteMemory)  # per-site recurring lines, kept across runs
    roots: tuple[str, ...] = ()  # real paths of the input folders: symlinks may not leave them
    reprocess: bool = False  # clean everything again, whatever earlier runs wrote
    selection: Selection = field(default_factory=Selection)  # the files read, those skipped, paths repeated
    lock: OutputLock | None = None  # the output's one-writer lock, held until close_run
    stats: Stats = field(default_factory=Stats)  # every stage's seconds and counts, the batches' merged in
    expectations: Counter[str] = field(default_factory=Counter)
    expectation_failures: Counter[str] = field(default_factory=Counter)
    warnings: dict[str, list[str]] = field(default_factory=dict)  # warning-level check -> files of articles kept
    validation_success: bool = True
    validation_results: list[Any] = field(default_factory=list)  # one GX result id per batch, for Data Docs
    batches: int = 0
    batches_recleaned: int = 0  # batches a task runner failed to clean, cleaned again in a child process
    body_chars: array[int] = field(default_factory=lambda: array("I"))  # 4 bytes per article: the run's median
    # what a batch's writes and commit run in: the flow defers interrupts there (flows.interrupts.deferred), so
    # an interrupted run leaves each batch written whole or not at all
    uninterrupted: Callable[[], AbstractContextManager[Any]] = nullcontext


def start_run(out_dir: str | Path, inputs: Iterable[str | Path] = (), limits: Limits = DEFAULT_LIMITS,
              reprocess: bool = False, selection: Selection | None = None) -> Run:
    """Take the output's lock (newsclean.lock: OutputLocked if another run holds it), create the output
    folders, clear a killed run's temp files, and learn what earlier runs wrote, so unchanged inputs are
    skipped (unless `reprocess`); a new pipeline version reprocesses everything.
    `selection`: the files of `inputs` the run reads (for its manifest; default: `select_inputs(inputs)`)."""
    lock = lock_output(str(out_dir))  # before anything is read or written
    try:
        use_heap_for_arrow()
        inputs = list(inputs)
        selection = select_inputs(inputs) if selection is None else selection
        now = dt.datetime.now(dt.UTC)
        store = Store(str(out_dir))
        store.make_folders()
        store.remove_partial_files()
        state = store.local("state")
        db = open_state(state)
        sync_ledger(db, store)
        # milliseconds in the id: two runs of one folder may start within one second (one after the other,
        # under the lock), and sorting the ids must still sort them by start
        run_id = f"{now:%Y%m%dT%H%M%S}{now.microsecond // 1000:03d}Z-{secrets.token_hex(3)}"
        return Run(store=store, run_id=run_id, started_at=now,
                   limits=limits, db=db, duplicates=open_index(db, state), memory=load_memory(state),
                   stories=open_stories(db, state), roots=input_roots(inputs), reprocess=reprocess,
                   selection=selection, lock=lock)
    except BaseException:
        lock.release()
        raise


def batch_context(run: Run, paths: list[str]) -> BatchContext:
    """What one batch needs from its run (only its own paths' previous hashes, to stay small to ship)."""
    known = {} if run.reprocess else written_hashes(run.db, map(display_path, paths), PIPELINE_VERSION)
    return BatchContext(limits=run.limits, memory=run.memory.repeated(), roots=run.roots, unchanged=known)


def input_roots(inputs: Iterable[str | Path]) -> tuple[str, ...]:
    """Real paths of the input folders (and of single input files' folders): symlinks may point inside."""
    return tuple(sorted({os.path.realpath(p if Path(p).is_dir() else Path(p).parent) for p in inputs}))


def batched(items: list[str], size: int) -> Iterator[list[str]]:
    """Consecutive slices of at most `size` items."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


UNIQUE_ID = "expect_column_values_to_be_unique(doc_id)"
MAX_WARNING_FILES = 1000  # files listed per warning in the manifest (every row is counted)


def _quarantine(article: Article, reason: Reason, detail: str) -> Rejection:
    """A rejection for an article that was cleaned but may not be written; its raw bytes are re-read."""
    raw = Path(article.source_file).read_bytes() if os.path.exists(article.source_file) else b""
    return Rejection(article.source_file, article.source_sha256, reason, detail, raw, article.doc_id, article.title)


_NEVER = dt.datetime.max.replace(tzinfo=dt.UTC)


def _publication_order(article: Article) -> dt.datetime:
    published = article.published_at
    if published is None:
        return _NEVER
    return published if published.tzinfo else published.replace(tzinfo=dt.UTC)


def settle_batch(run: Run, result: BatchResult, batch_number: int) -> dict[str, Any]:
    """Validate a batch's articles, quarantine failures and duplicates, write both Parquet parts.

    Duplicates (same doc_id, so same bytes) fail the suite's unique(doc_id) expectation: the first
    occurrence in the run is kept, later ones are rejected as duplicate_input with that expectation named.
    """
    now = dt.datetime.now(dt.UTC)
    articles, rejections = list(result.articles), list(result.rejections)
    for article in articles:
        add_settling_values(article, run.stats)  # normally done by the pipeline already
    table = articles_table(articles, run.run_id, now, PIPELINE_VERSION)
    with run.stats.timed("validate"):
        outcome = validate_articles(table, [a.checks or {} for a in articles],
                                    run.store.local("validation"), run.limits.languages, run.run_id)
    keep, in_batch = [], set()
    written_by = run.run_id if run.reprocess else None  # a reprocessing run replaces what earlier runs wrote
    for index, article in enumerate(articles):
        failed = [name for name in outcome.failed_rows.get(index, []) if name != UNIQUE_ID]
        if article.doc_id in in_batch or article_written(run.db, article.doc_id, PIPELINE_VERSION,
                                                         display_path(article.source_file), written_by):
            rejections.append(_quarantine(article, Reason.DUPLICATE_INPUT,
                                          f"failed: {UNIQUE_ID}: same bytes as an article already written"))
            continue
        in_batch.add(article.doc_id)
        if failed:
            rejections.append(_quarantine(article, Reason.FAILED_VALIDATION, "failed: " + ", ".join(failed)))
        else:
            keep.append(index)
            for name in outcome.warned_rows.get(index, []):
                run.warnings.setdefault(name, []).append(display_path(article.source_file))
    kept = [articles[i] for i in keep]
    # Copies and stories are linked among articles that passed, earliest first: by publication date where
    # known, else in listing order; articles of earlier batches and runs come before this batch's.
    with run.stats.timed("link"):
        for article in sorted(kept, key=_publication_order):
            article.near_duplicate_of, article.near_duplicate_score = run.duplicates.match(
                article.doc_id, article.signature or b"")
            article.story_id = run.stories.assign(article.doc_id, article.body_search or "", article.published_at,
                                                  article.near_duplicate_of, language=article.language or "",
                                                  terms=article.story_terms)
        for article in kept:  # a later article of the batch may have merged two of its stories
            article.story_id = run.stories.resolve(article.story_id or article.doc_id)
    # the validated table, reused: only the kept rows, with the link columns filled in
    table = table.take(pa.array(keep, type=pa.int64()))
    for column, values in (("near_duplicate_of", [a.near_duplicate_of for a in kept]),
                           ("near_duplicate_score", [a.near_duplicate_score for a in kept]),
                           ("story_id", [a.story_id for a in kept])):
        position = table.schema.get_field_index(column)
        declared = table.schema.field(position)
        table = table.set_column(position, declared, pa.array(values, declared.type))
    name = f"{run.run_id}-{batch_number:05d}.parquet"
    with run.stats.timed("write"):  # the commit below is part of writing
        parts = [("articles", table)] if table.num_rows else []
        if rejections:
            parts.append(("rejected", rejected_table(rejections, run.run_id, now, PIPELINE_VERSION)))
        with run.uninterrupted():
            for kind, part in parts:
                write_parquet(part, run.store, kind, name)
                record_part(run.db, f"{kind}/{name}", kind, part)
            # The parts are in place before the ledger and the signatures commit: a run killed in between leaves
            # parts the next run's ledger sync reads back, so nothing is cleaned twice (only their copy signatures
            # are missing, which weakens linking, never loses a record).
            run.db.commit()

    # what is counted is what was written: a quarantined article's lines count nowhere, its rejection does
    stats = run.stats
    for article in kept:
        run.body_chars.append(article.n_chars)
        stats.count(LINES_SEEN, len(article.removed) + article.body.count("\n") + 2)  # removed, body lines, title
        stats.count(LINES_REMOVED, len(article.removed))
        stats.count(LINES_UNEXPLAINED, sum(1 for r in article.removed if r["rule"] in POSITIONAL_RULES))
        for removed in article.removed:
            stats.count(REMOVED + str(removed["category"]))
    for rejection in rejections:
        stats.count(REJECTED + str(rejection.reason))
    stats.count(INPUTS_SEEN, len(result.articles) + len(result.rejections) + len(result.unchanged))
    stats.count(INPUTS_UNCHANGED, len(result.unchanged))
    stats.count(ARTICLES, table.num_rows)
    stats.merge(result.stats)
    run.memory.merge(result.observed)
    run.memory.prune()  # bounded per site during the run too, not only in the saved state
    run.batches += 1
    run.validation_success &= outcome.success
    run.validation_results += outcome.results
    for item in outcome.expectations:
        run.expectations[item["expectation"]] += 1
        run.expectation_failures[item["expectation"]] += item["unexpected"]
    return_freed_memory()
    return {"batch": batch_number, "articles": table.num_rows, "rejected": len(rejections)}


@functools.cache
def _libc() -> Any:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def return_freed_memory() -> None:
    """Give the heap pages freed by a batch back to the OS (glibc's malloc_trim).

    Why: a batch allocates and frees hundreds of MB (lxml trees, pandas frames for GX); glibc keeps freed
    pages in its arenas, so RSS crept up ~9 MB per 1,000 documents although the Python heap stayed flat
    (tracemalloc: +4 MB over 3,000 documents). Trimming after each batch keeps a 10,000-document run flat
    (456 -> 500 MB from the 1,000th to the 10,000th document, was 499 -> 584). No-op off glibc."""
    libc = _libc()
    if libc is not None and hasattr(libc, "malloc_trim"):
        libc.malloc_trim(0)


def use_heap_for_arrow() -> None:
    """Make pyarrow allocate from the C heap (its system pool) for the rest of the process.

    Why: pyarrow's default pool (mimalloc or jemalloc) keeps what a batch's Parquet writes, Arrow-to-pandas
    frames for GX and the report's scan of the run's articles freed, out of `return_freed_memory`'s reach, so
    the flow process's RSS sat tens of MB higher and its peak came at the end of the run."""
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())


def run_summary(run: Run) -> dict[str, Any]:
    """The run-level values the run suite checks (declared in schemas/article.yaml under `run`)."""
    counts = run.stats.counts
    rejected, new = run.stats.total(REJECTED), counts[INPUTS_SEEN] - counts[INPUTS_UNCHANGED]
    removed, seen = counts[LINES_REMOVED], counts[LINES_SEEN]
    return {
        "inputs_seen": counts[INPUTS_SEEN],
        "share_rejected": rejected / new if new else 0.0,
        "median_body_chars": float(statistics.median(run.body_chars)) if run.body_chars else None,
        "share_lines_removed": removed / seen if seen else None,
        "share_removed_unexplained": counts[LINES_UNEXPLAINED] / removed if removed else None,
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
    state = run.store.local("state")
    save_memory(run.memory, state)
    run.stories.apply_pending()  # normally a no-op: settle_batch resolves each batch's links
    run.db.commit()
    summary = run_summary(run)
    with run.stats.timed("validate"):
        run_outcome = validate_run(summary, run.store.local("validation"), run.limits.languages, run.run_id,
                                   run.limits.run_bounds)
        # offline False: no `newsclean assets` cache
        docs_offline = write_data_docs(run.store.local("validation"), [*run.validation_results, *run_outcome.results])
    run.db.close()  # before the push: the database file is whole and nothing writes to it any more
    run.store.push()  # state and Data Docs of a remote store go up before the manifest commits the run
    close_run(run)
    finished = dt.datetime.now(dt.UTC)
    stats = run.stats
    for stage, seconds in (extra_seconds or {}).items():
        stats.seconds[stage] += seconds
    counts, rejected = stats.counts, stats.total(REJECTED)
    # every count below is read from the run's Stats (also whole, under "stats")
    manifest = {
        "run_id": run.run_id,
        "started_at": run.started_at.isoformat(),
        "finished_at": finished.isoformat(),
        "wall_seconds": round((finished - run.started_at).total_seconds(), 3),
        "inputs_seen": counts[INPUTS_SEEN],
        "articles": counts[ARTICLES],
        "rejected": rejected,
        "unchanged": counts[INPUTS_UNCHANGED],
        "new": counts[INPUTS_SEEN] - counts[INPUTS_UNCHANGED],
        "rejected_by_reason": dict(sorted(stats.group(REJECTED).items())),
        # found under the inputs but not read (not page-like, or left out by --include/--exclude): not inputs
        "skipped": len(run.selection.skipped),
        "skipped_files": [display_path(path) for path in run.selection.skipped],
        "paths_listed_again": run.selection.repeated,  # a path named twice or under overlapping folders
        "all_inputs_accounted": counts[ARTICLES] + rejected + counts[INPUTS_UNCHANGED] == counts[INPUTS_SEEN],
        "removed_by_category": stats.group(REMOVED),
        "stage_seconds": {k: round(v, 4) for k, v in stats.seconds.items()},
        "stats": stats.as_dict(),
        "validation": {
            "success": run.validation_success and run_outcome.success,
            "records_success": run.validation_success,
            "run_success": run_outcome.success,
            "run_checks": {"values": summary, "failed": [e["expectation"] for e in run_outcome.expectations
                                                         if not e["success"]]},
            "expectations": {name: {"batches": run.expectations[name],
                                    "unexpected_rows": run.expectation_failures[name]}
                             for name in sorted(run.expectations)},
            "data_docs": run.store.uri("validation", "index.html"),
            "data_docs_offline": docs_offline,
        },
        # unusual content written as articles (code, quoted markup, mixed scripts, long titles): check -> files
        "warnings": {name: {"rows": len(files), "files": files[:MAX_WARNING_FILES]}
                     for name, files in sorted(run.warnings.items())},
        "batches": run.batches,
        "batches_recleaned": run.batches_recleaned,
        "sites_remembered": len(run.memory.sites),
        "limits": {k: getattr(run.limits, k) for k in run.limits.__slots__},  # type: ignore[attr-defined]
        "versions": _versions(),
    }
    write_json(manifest, run.store, "runs", f"{run.run_id}.json")
    write_report(run.store, manifest)  # the page a person opens first, from the committed manifest
    return manifest


def run_local(inputs: Iterable[str | Path], out_dir: str | Path, batch_size: int = 500,
              limits: Limits = DEFAULT_LIMITS, reprocess: bool = False, include: Sequence[str] = (),
              exclude: Sequence[str] = ()) -> dict[str, Any]:
    """The flow's steps in order without an orchestrator (eval and quick checks); returns the manifest."""
    from newsclean.pipeline import clean_paths

    inputs = list(inputs)
    run = start_run(out_dir, inputs, limits, reprocess, select_inputs(inputs, include, exclude))
    try:
        for number, batch in enumerate(batched(run.selection.files, batch_size)):
            settle_batch(run, clean_paths(batch, batch_context(run, batch)), number)
        return finish_run(run)
    finally:
        close_run(run)


def close_run(run: Run) -> None:
    """Release what a run holds: its state database, the local mirrors of a remote store, then the output's
    lock. `finish_run` does it; call it after a failure too (a remote store then keeps the state of its last
    finished run). Calling it again does nothing more."""
    run.db.close()
    run.store.close()
    if run.lock is not None:
        run.lock.release()


def latest_articles(out_dir: str | Path, parts: list[str] | None = None) -> pa.Table:
    """The article dataset (or these parts of it) as "latest version per source file", as an Arrow table in
    the declared schema: `newsclean.read_articles` collected, story ids as written."""
    from newsclean.reader import read_articles, to_arrow

    return to_arrow(read_articles(out_dir, latest=True, stories_merged=False, parts=parts))


def compact(out_dir: str | Path) -> tuple[int, int]:
    """Rewrite the articles as one file holding the latest version per source file, story merges applied;
    returns (rows before, rows after). The new file is in place before the old ones go, so a crash loses
    nothing (a rerun of compact folds the leftovers)."""
    from newsclean.reader import read_articles, to_arrow

    store = Store(str(out_dir))
    old = store.files("articles")
    if not old:
        return 0, 0
    before = store.count_rows(old)
    # only the parts listed: one a run writes meanwhile stays as it is; rows written before a story merge get
    # the merged story id now
    latest = to_arrow(read_articles(out_dir, latest=True, stories_merged=True, parts=old))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = write_parquet(latest, store, "articles", f"compacted-{stamp}.parquet")
    for path in old:
        if path != target:
            store.remove(path)
    return before, latest.num_rows
