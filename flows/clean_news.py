"""The clean-news flow: list inputs, clean them in bounded batches, settle each batch, commit the manifest.

Tasks take whole batches (a task run costs Prefect milliseconds; one per document would dominate the run),
and their arguments are quoted: otherwise Prefect walks every object in them (the growing run state) on each
call, which made half the wall time of a 10k-document run.
Nothing here cleans: every step is a call into the newsclean package.

Where batches are cleaned:
- `workers=0`, or a single batch: here, in the flow's thread, then settled, one batch after the other;
- `workers=N` (default: see `default_workers`, 2 on a 2-core machine): in N worker processes (Prefect's
  `ProcessPoolTaskRunner`) while this process settles the batches cleaned before;
- `dask_address`: on a Dask cluster (prefect-dask), settled here likewise.
Settling (deduplicate, link copies and stories, validate, write) always happens here, in batch order: it
owns the run's state database and output.
"""

from __future__ import annotations

import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.task_runners import TaskRunner
from prefect.utilities.annotations import quote
from rich.progress import track

from newsclean.config import Limits, parse_languages
from newsclean.isolation import clean_isolated
from newsclean.pipeline import BatchContext, BatchResult, clean_paths
from newsclean.report import manifest_markdown, manifest_rows
from newsclean.runs import Run, batch_context, batched, close_run, finish_run, list_inputs, settle_batch, start_run


@task(name="clean-batch", cache_policy=NO_CACHE)
def clean_batch(paths: list[str], context: BatchContext | Frozen) -> BatchResult:
    """Decode, extract, label and describe one batch of files, with the sites' learned chrome (the context
    as it was when the batch was submitted, when it comes frozen from `clean_ahead`)."""
    return clean_paths(paths, context.value() if isinstance(context, Frozen) else context)


@task(name="settle-batch", cache_policy=NO_CACHE)
def settle(run: Run, result: BatchResult, batch_number: int) -> dict[str, int]:
    """Deduplicate, validate (Great Expectations) and write one batch."""
    return settle_batch(run, result, batch_number)


@flow(name="clean-news", log_prints=False)
def clean_news(inputs: list[str], out: str = "output", batch_size: int = 500, reprocess: bool = False,
               dask_address: str | None = None, workers: int | None = None, progress: bool = False,
               languages: list[str] | None = None) -> dict:
    """Clean every file under `inputs` into `out`/articles and `out`/rejected, with a manifest in `out`/runs.

    `workers`: processes that clean batches while this one settles the batches before (None: see
    `default_workers`; 0: everything in this thread, one batch after the other). With
    `dask_address` (tcp://host:port of a running dask.distributed scheduler) the batches are cleaned on that
    cluster instead and `workers` is not used. Either way they are settled (validated, written) here, in
    order, as they come back.
    `languages` (ISO 639-1 codes): keep articles in these languages only, reject the others as
    language_excluded; None keeps every language.
    """
    if workers is not None and workers < 0:
        raise ValueError(f"workers must be >= 0, got {workers}")
    logger = get_run_logger()
    run = start_run(out, inputs, Limits(languages=parse_languages(languages)), reprocess=reprocess)
    paths = list_inputs(inputs)
    batches = list(batched(paths, batch_size))
    pool = pool_size(workers, len(batches))
    logger.info("run %s: %d inputs in %d batches of up to %d; cleaned %s", run.run_id, len(paths), len(batches),
                batch_size, "on the Dask cluster" if dask_address else
                f"in {pool} worker process(es)" if pool else "in the flow's thread")
    try:
        if dask_address:
            from prefect_dask import DaskTaskRunner

            with DaskTaskRunner(address=dask_address) as runner:
                # two per worker: each has its next batch queued while the flow settles
                in_flight = max(2, 2 * len(runner.client.scheduler_info()["workers"]))
                clean_ahead(run, batches, runner, in_flight, progress)
        elif pool:
            from prefect.task_runners import ProcessPoolTaskRunner

            with api_for_subprocesses(), ProcessPoolTaskRunner(max_workers=pool,
                                                               initializer=exit_with_parent) as runner:
                # one more than the workers: when a worker finishes, its next batch is already waiting
                clean_ahead(run, batches, runner, pool + 1, progress)
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


# One settling process keeps only a few cleaning workers busy (see default_workers); more would hold memory and wait.
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """Cleaning processes when the caller does not say: one per usable core but one (the flow process settles),
    at least 2 and at most MAX_DEFAULT_WORKERS; 0 on a single core, where a worker would only add pickling and
    a process start to the same CPU time.

    Measured on 2 cores (synthetic corpus, batches of 500): a worker cleans a batch in ~3.5-4 s and the flow
    settles it in ~0.9 s, waiting for results the rest of the time (3,000 documents), so cleaning, not settling,
    is what to spread: on 10,000 documents 0 workers took 98 s, 1 worker 95 s (the one worker is the
    bottleneck), 2 workers 61 s. The same ratio says one settling process takes results from about 4 workers at
    most; beyond that a worker only holds its ~430 MB while it waits, hence the cap.
    """
    try:
        usable = len(os.sched_getaffinity(0))  # the cores this process may run on (taskset, cpusets)
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 1
    return 0 if usable < 2 else min(max(2, usable - 1), MAX_DEFAULT_WORKERS)


def pool_size(workers: int | None, batches: int) -> int:
    """Worker processes for a run of `batches` batches: 0 means clean in the flow's thread.

    A single batch is cleaned here whatever `workers` says: with nothing to settle meanwhile, a pool only adds
    its start (a spawned interpreter importing Prefect and newsclean, seconds) and the pickling of the batch
    and its result; so `make run` on the seeds stays as fast as before. No more workers than batches either.
    """
    wanted = default_workers() if workers is None else workers
    return min(wanted, batches) if batches > 1 else 0


def api_for_subprocesses() -> AbstractContextManager[Any]:
    """Settings under which the process pool's workers report to this flow's Prefect server.

    Without `PREFECT_API_URL` (the quick start) this process runs a temporary server, and each worker, which
    gets the URL from the settings, would start a temporary server of its own on the same database (seconds
    per worker, and task runs recorded through another server); so the workers are given this one's URL."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        return nullcontext()
    url = str(get_client(sync_client=True).api_url).rstrip("/")
    return temporary_settings(updates={PREFECT_API_URL: url})


def exit_with_parent() -> None:
    """Run in each pool worker when it starts: the worker exits once the flow process is gone.

    The pool's workers wait for work on a queue whose write end they hold themselves, so a flow process killed
    outright (SIGKILL, the OOM killer) would leave them idle forever with their memory; a watcher thread polls
    the parent's pid (a killed parent's children are re-parented) and ends the worker within a second."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class Frozen:
    """A task argument pickled when it is made, in the caller's thread; the task takes its `value()`.

    Why not a plain `quote`: runners pickle their arguments later, in their own threads (Prefect's process
    pool does it in a resolver thread after `submit` returned), while the flow goes on settling earlier batches
    and so changes the run's site memory the batch context refers to: the batch would see a memory from some
    moment between submit and pickling (and pickling a dict while it changes size raises). Pickled here, the
    argument is the state at submit time, every time. It travels as this opaque object, which the task engines
    on either side do not walk. (It once unpickled as a `quote`: Dask rebuilds tuples it ships, a `quote` is a
    named tuple, and every batch failed on the cluster and was cleaned again in the flow's thread.)
    """

    __slots__ = ("payload",)

    def __init__(self, value: Any) -> None:
        self.payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def __getstate__(self) -> bytes:
        return self.payload

    def __setstate__(self, payload: bytes) -> None:
        self.payload = payload

    def value(self) -> Any:
        """A copy of the value as it was when frozen."""
        return pickle.loads(self.payload)


def clean_ahead(run: Run, batches: list[list[str]], runner: TaskRunner, in_flight: int, progress: bool) -> None:
    """Clean batches on `runner` (Dask cluster or process pool), at most `in_flight` submitted but not yet
    settled (memory stays flat however large the corpus), and settle each result here in batch order.

    A batch's context (which of its files were already written, the site memory) is taken when it is submitted,
    i.e. after batch `n - in_flight` was settled: the site memory learned from batch n is seen by the batches
    submitted after n was settled, not by the `in_flight - 1` batches already out. So the output can differ
    from `workers=0` (where batch n + 1 sees batch n) when a site's template is learned across those batches;
    for a given `in_flight` it does not depend on timing. On the 3,000-document synthetic corpus (seed 0),
    1 and 2 workers against 0: bodies, titles, copies and stories equal; 22 of 2,962 articles kept a byline
    (author) that the in-thread run's memory had already learned as the site's template; 62 had a removed line
    credited to another rule.

    A batch whose cleaning fails on the runner (an exception in the task, or a worker process that died and
    broke the pool) is cleaned again in a child process of the flow, with the context it was submitted with
    (`clean_isolated`: halved down to the document that fails alone, which is rejected as extraction_failed),
    so every input of it still ends as an article or a rejection, and a document that kills the interpreter
    cannot take the flow with it.
    """
    logger = get_run_logger()
    pending: deque[tuple[int, list[str], Frozen, PrefectFuture[BatchResult]]] = deque()

    def submitted() -> Iterator[tuple[int, list[str], Frozen, PrefectFuture[BatchResult]]]:
        for number, batch in enumerate(batches):
            context = Frozen(batch_context(run, batch))
            # not quoted: Dask rebuilds the named tuple a `quote` is as a plain tuple (a list of paths is cheap
            # for the task engine to walk; the context is the large argument, and it is opaque)
            pending.append((number, batch, context, runner.submit(clean_batch, {"paths": batch, "context": context})))
            if len(pending) >= in_flight:
                yield pending.popleft()
        while pending:
            yield pending.popleft()

    for number, batch, context, future in track(submitted(), total=len(batches), description="cleaning batches",
                                                disable=not progress):
        try:
            result = future.result()
        except Exception as error:
            logger.warning("batch %d: cleaning failed on the task runner (%s: %s); cleaning it again in a child "
                           "process", number, type(error).__name__, error)
            run.batches_recleaned += 1  # in the manifest: a cluster or pool that fails every batch shows there
            result = clean_isolated(batch, context.value())
        settle(quote(run), quote(result), number)
