"""The clean-news flow: list the inputs, clean them in batches and settle each batch, commit the manifest.

Tasks take whole batches (a task run per document would cost more than the document) and their arguments are
quoted, so Prefect does not walk the run's growing state on every call. Nothing here cleans: every step is a
call into the newsclean package; where batches are cleaned is `flows.runners`.
"""

from __future__ import annotations

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from flows.runners import Frozen, clean_and_settle, describe_runner
from newsclean.config import Limits, parse_languages, parse_run_bounds, parse_time_zones
from newsclean.inputs import select_inputs
from newsclean.pipeline import BatchContext, BatchResult, clean_paths
from newsclean.report import manifest_markdown, manifest_rows
from newsclean.runs import Run, batched, close_run, finish_run, settle_batch, start_run


@task(name="clean-batch", cache_policy=NO_CACHE)
def clean_batch(paths: list[str], context: BatchContext | Frozen) -> BatchResult:
    """Decode, extract, label and describe one batch of files, with the sites' learned chrome."""
    return clean_paths(paths, context.value() if isinstance(context, Frozen) else context)


@task(name="settle-batch", cache_policy=NO_CACHE)
def settle(run: Run, result: BatchResult, batch_number: int) -> dict[str, int]:
    """Deduplicate, link, validate (Great Expectations) and write one batch."""
    return settle_batch(run, result, batch_number)


@flow(name="clean-news", log_prints=False)
def clean_news(inputs: list[str], out: str = "output", batch_size: int = 500, reprocess: bool = False,
               dask_address: str | None = None, workers: int | None = None, progress: bool = False,
               languages: list[str] | None = None, include: list[str] | None = None,
               exclude: list[str] | None = None, run_bounds: dict[str, list[float | None]] | None = None,
               time_zone: str | None = None, site_time_zones: dict[str, str] | None = None) -> dict:
    """Clean every file under `inputs` into `out`/articles and `out`/rejected, with a manifest in `out`/runs.

    `workers`: processes that clean batches while this one settles the batches before (None: one per usable
    core but one; 0: all in this thread). `dask_address` (tcp://host:port of a dask.distributed scheduler):
    clean on that cluster instead. Batches are settled here, in order, either way.
    `languages` (ISO 639-1 codes): keep articles in these languages only, reject the others as
    language_excluded; None keeps every language.
    `include`/`exclude`: globs on file names or paths under the inputs; by default only page-like files
    (.html .htm .xhtml .txt, their .gz, no extension) are read, the others are counted as skipped.
    `run_bounds`: run-level check bounds replacing the declared ones, e.g. {"share_rejected": [0, 0.8]}.
    `site_time_zones` ({"example.com": "Africa/Cairo"}, a host or a text-dump folder), else `time_zone`: the
    IANA zone a time printed without an offset is read in; none: only that time's date is kept.
    """
    if workers is not None and workers < 0:
        raise ValueError(f"workers must be >= 0, got {workers}")
    logger = get_run_logger()
    zone, site_zones = parse_time_zones(time_zone, site_time_zones)
    limits = Limits(languages=parse_languages(languages), run_bounds=parse_run_bounds(run_bounds), time_zone=zone,
                    site_time_zones=site_zones)
    selection = select_inputs(inputs, include or (), exclude or ())
    run = start_run(out, inputs, limits, reprocess=reprocess, selection=selection)
    paths = selection.files
    batches = list(batched(paths, batch_size))
    logger.info("run %s: %d inputs in %d batches of up to %d (%d files skipped); cleaned %s", run.run_id,
                len(paths), len(batches), batch_size, len(selection.skipped),
                describe_runner(workers, dask_address, len(batches)))
    try:
        clean_and_settle(run, batches, clean_batch, settle, workers=workers, dask_address=dask_address,
                         progress=progress)
        manifest = finish_run(run)
    finally:
        close_run(run)
    logger.info("run %s: %d new, %d unchanged; %d articles, %d rejected", run.run_id, manifest["new"],
                manifest["unchanged"], manifest["articles"], manifest["rejected"])
    create_markdown_artifact(manifest_markdown(manifest), key="clean-news-summary", description=f"run {run.run_id}")
    create_table_artifact(manifest_rows(manifest), key="clean-news-counts", description=f"run {run.run_id}")
    if not manifest["all_inputs_accounted"]:
        raise RuntimeError(f"run {run.run_id}: inputs seen != articles + rejected + unchanged; see the manifest")
    if not manifest["validation"]["run_success"]:
        # what passed is written; the run says loudly that the batch as a whole looks wrong
        failed, docs = manifest["validation"]["run_checks"]["failed"], manifest["validation"]["data_docs"]
        raise RuntimeError(f"run {run.run_id}: run-level checks failed: {failed}; see {docs}")
    return manifest
