"""The clean-news flow: list inputs, clean them in bounded batches, settle each batch, commit the manifest.

Tasks take whole batches (a task run costs Prefect milliseconds; one per document would dominate the run),
and their arguments are quoted: otherwise Prefect walks every object in them (the growing run state) on each
call, which made half the wall time of a 10k-document run.
Nothing here cleans: every step is a call into the newsclean package.
"""

from __future__ import annotations

import os
from collections import deque

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote
from rich.progress import track

from newsclean.pipeline import BatchContext, BatchResult, clean_paths
from newsclean.report import manifest_markdown, manifest_rows
from newsclean.runs import Run, batch_context, batched, close_run, finish_run, list_inputs, settle_batch, start_run


@task(name="clean-batch", cache_policy=NO_CACHE)
def clean_batch(paths: list[str], context: BatchContext) -> BatchResult:
    """Decode, extract, label and describe one batch of files, with the sites' learned chrome."""
    return clean_paths(paths, context)


@task(name="settle-batch", cache_policy=NO_CACHE)
def settle(run: Run, result: BatchResult, batch_number: int) -> dict[str, int]:
    """Deduplicate, validate (Great Expectations) and write one batch."""
    return settle_batch(run, result, batch_number)


@flow(name="clean-news", log_prints=False)
def clean_news(inputs: list[str], out: str = "output", batch_size: int = 500, reprocess: bool = False,
               dask_address: str | None = None, progress: bool = False) -> dict:
    """Clean every file under `inputs` into `out`/articles and `out`/rejected, with a manifest in `out`/runs.

    With `dask_address` (tcp://host:port of a running dask.distributed scheduler) the batches are cleaned on
    that cluster; they are settled (validated, written) here, in order, as they come back.
    """
    logger = get_run_logger()
    run = start_run(out, inputs, reprocess=reprocess)
    paths = list_inputs(inputs)
    batches = list(batched(paths, batch_size))
    logger.info("run %s: %d inputs in %d batches of up to %d", run.run_id, len(paths), len(batches), batch_size)
    try:
        if dask_address:
            clean_on_cluster(run, batches, dask_address)
        else:
            for number, batch in enumerate(track(batches, description="cleaning batches", disable=not progress)):
                settle(quote(run), quote(clean_batch(quote(batch), quote(batch_context(run, batch)))), number)
        manifest = finish_run(run)
    finally:
        close_run(run)
    logger.info("run %s: %d new, %d unchanged; %d articles, %d rejected", run.run_id, manifest["new"],
                manifest["unchanged"], manifest["articles"], manifest["rejected"])
    create_markdown_artifact(manifest_markdown(manifest), key="clean-news-summary",
                             description=f"run {run.run_id}")
    create_table_artifact(manifest_rows(manifest), key="clean-news-counts", description=f"run {run.run_id}")
    if not manifest["all_inputs_accounted"]:
        raise RuntimeError(f"run {run.run_id}: inputs seen != articles + rejected + unchanged; see the manifest")
    if not manifest["validation"]["run_success"]:
        # what passed is written; the run says loudly that the batch as a whole looks wrong
        failed, docs = manifest["validation"]["run_checks"]["failed"], manifest["validation"]["data_docs"]
        raise RuntimeError(f"run {run.run_id}: run-level checks failed: {failed}; see {docs}")
    return manifest


def clean_on_cluster(run: Run, batches: list[list[str]], address: str) -> None:
    """Submit batches to the Dask cluster through prefect-dask, a bounded number in flight (memory stays flat
    however large the corpus), and settle each result in batch order."""
    from prefect_dask import DaskTaskRunner

    with DaskTaskRunner(address=address) as runner:
        in_flight = max(2, 2 * len(runner.client.scheduler_info()["workers"]))
        pending: deque = deque()
        for number, batch in enumerate(batches):
            pending.append((number, runner.submit(clean_batch, {"paths": batch,
                                                                "context": batch_context(run, batch)})))
            if len(pending) >= in_flight:
                done, future = pending.popleft()
                settle(quote(run), quote(future.result()), done)
        while pending:
            done, future = pending.popleft()
            settle(quote(run), quote(future.result()), done)
