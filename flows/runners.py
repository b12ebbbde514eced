"""Where a run's batches are cleaned, written once: in the flow's thread, in a process pool, or on a Dask cluster.

`clean_and_settle` is the one clean-then-settle loop: batches go to a runner, at most `in_flight` of them out at a
time, and each result is settled in the flow's process in batch order (settling owns the run's state database and
output). A batch that fails on its runner is cleaned again in a child process, so it still ends as articles and
rejections.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from prefect import get_run_logger
from prefect.utilities.annotations import quote
from rich.progress import track

from flows.interrupts import deferred, ignore_interrupts, interrupt_signal, interruptible, raise_if_interrupted
from newsclean.isolation import clean_isolated
from newsclean.pickled import Pickled
from newsclean.pipeline import BatchResult
from newsclean.runs import Run, batch_context

# One settling process keeps only a few cleaning workers busy; more would hold memory and wait
# (benchmarks/README.md, "Worker processes").
MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """Cleaning processes when the caller does not say: one per usable core but one (the flow process settles),
    at least 2 and at most MAX_DEFAULT_WORKERS; 0 on a single core, where a worker would only add pickling and
    a process start to the same CPU time."""
    try:
        usable = len(os.sched_getaffinity(0))  # the cores this process may run on (taskset, cpusets)
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 1
    return 0 if usable < 2 else min(max(2, usable - 1), MAX_DEFAULT_WORKERS)


def pool_size(workers: int | None, batches: int) -> int:
    """Worker processes for a run of `batches` batches: 0 means clean in the flow's thread.

    A single batch is cleaned here whatever `workers` says: with nothing to settle meanwhile, a pool only adds
    its start (a spawned interpreter importing Prefect and newsclean) and the pickling of the batch and its
    result. No more workers than batches either.
    """
    wanted = default_workers() if workers is None else workers
    return min(wanted, batches) if batches > 1 else 0


def describe_runner(workers: int | None, dask_address: str | None, batches: int) -> str:
    """Where the batches of a run will be cleaned, for the run's log."""
    if dask_address:
        return "on the Dask cluster"
    pool = pool_size(workers, batches)
    return f"in {pool} worker process(es)" if pool else "in the flow's thread"


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


def start_pool_worker() -> None:
    """Run in each pool worker when it starts: it leaves Ctrl-C to the flow process and exits with it."""
    ignore_interrupts()
    exit_with_parent()


def exit_with_parent() -> None:
    """The worker exits once the flow process is gone.

    The pool's workers wait for work on a queue whose write end they hold themselves, so a flow process killed
    outright (SIGKILL, the OOM killer) would leave them idle forever with their memory; a watcher thread polls
    the parent's pid (a killed parent's children are re-parented) and ends the worker within a second."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class Frozen(Pickled):
    """A task argument pickled when it is made, in the caller's thread; the task takes its `value()`.

    Runners pickle their arguments later, in their own threads, while the flow goes on settling earlier batches
    and so changes the site memory the batch context refers to; pickled here, the argument is the state at
    submit time, every time. It travels as this opaque object, which the task engines do not walk (a `quote` is
    a named tuple, which Dask rebuilds as a plain tuple).
    """

    __slots__ = ()


class Done:
    """The outcome of a task already run, asked for like a future's."""

    def __init__(self, call: Callable[[], BatchResult]) -> None:
        self.outcome: BatchResult | None = None
        self.error: Exception | None = None
        try:
            self.outcome = call()
        except Exception as error:  # kept for `result()`: the loop cleans the batch again, as for a pool
            self.error = error

    def result(self) -> BatchResult:
        if self.error is not None:
            raise self.error
        assert self.outcome is not None
        return self.outcome


class InThread:
    """The runner of `workers=0`: a submitted batch is cleaned at once, in the flow's thread."""

    def submit(self, task: Any, parameters: dict[str, Any]) -> Done:
        return Done(lambda: task(**{name: quote(value) for name, value in parameters.items()}))


@contextmanager
def batch_runner(workers: int | None, dask_address: str | None, batches: int) -> Iterator[tuple[Any, int]]:
    """The runner batches are submitted to, and how many may be out at once (cleaned but not yet settled)."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        with DaskTaskRunner(address=dask_address) as runner:
            # two per worker: each has its next batch queued while the flow settles
            yield runner, max(2, 2 * len(runner.client.scheduler_info()["workers"]))
        return
    pool = pool_size(workers, batches)
    if not pool:
        yield InThread(), 1  # batch n + 1 is cleaned once batch n is settled, so it sees what n taught
        return
    from prefect.task_runners import ProcessPoolTaskRunner

    runner = ProcessPoolTaskRunner(max_workers=pool, initializer=start_pool_worker)
    try:
        with api_for_subprocesses(), runner:
            try:
                # one more than the workers: when a worker finishes, its next batch is already waiting
                yield runner, pool + 1
            except BaseException as error:
                if interrupt_signal(error) is not None:
                    release_result_pipe(runner)
                raise
    finally:
        release_message_queue(runner)


def release_result_pipe(runner: Any) -> None:
    """After an interrupt stopped the pool's workers (`interruptible`): close this process's end of the pool's
    result pipe, so the pool can shut down. Why: a worker killed while sending a batch's result leaves half a
    message in the pipe, and the pool's manager thread waits for the rest for ever (the runner's exit then hung
    in `ProcessPoolExecutor.shutdown`, now and then); with no writer left, its read ends (EOF), the pool is
    marked broken and shuts down. CPython's internals (`_result_queue._writer`): only when they are there."""
    executor = getattr(runner, "_executor", None)
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None:
        writer.close()


def release_message_queue(runner: Any) -> None:
    """After the pool's exit: let this process end although the pool's log-message queue is stuck. Why: a worker
    that died while sending a log message (a failed or killed worker) holds the queue's write lock for ever; the
    runner's stop message then waits for it in the queue's feeder thread, the runner leaves the queue open, and
    the interpreter's exit joined that thread for ever (pytest hung after the last test, now and then). With
    the join cancelled and this end of the pipe closed, the forwarder reads EOF and nothing waits. Prefect's
    internals (`_subprocess_message_queue`, set to None when it stopped cleanly): only when they are there."""
    queue = getattr(runner, "_subprocess_message_queue", None)
    if queue is None:
        return
    queue.cancel_join_thread()
    writer = getattr(queue, "_writer", None)
    if writer is not None:
        writer.close()


def clean_and_settle(run: Run, batches: list[list[str]], clean: Any, settle: Any, workers: int | None = None,
                     dask_address: str | None = None, progress: bool = False) -> None:
    """Clean `batches` with the `clean` task where `workers`/`dask_address` say, and settle each result with the
    `settle` task here, in batch order, with at most the runner's `in_flight` batches out (memory stays flat).

    A batch's context (its files already written, the site memory) is taken when it is submitted, after batch
    `n - in_flight` was settled: with a pool or a cluster the `in_flight - 1` batches already out do not see what
    batch n taught the site memory, so the output may differ from the flow thread's where a site's template is
    learned across those batches; for a given `in_flight` it does not depend on timing.

    A batch whose cleaning fails (the task raised, or a worker process died and broke the pool) is cleaned
    again in a child process of the flow with the context it was submitted with (`clean_isolated`: halved down
    to the document that fails alone, rejected as extraction_failed).
    """
    logger = get_run_logger()
    run.uninterrupted = deferred  # a batch is written whole or not at all, whatever signal comes
    with batch_runner(workers, dask_address, len(batches)) as (runner, in_flight), interruptible():
        pending: deque[tuple[int, list[str], Frozen, Any]] = deque()

        def submitted() -> Iterator[tuple[int, list[str], Frozen, Any]]:
            for number, batch in enumerate(batches):
                raise_if_interrupted()
                context = Frozen(batch_context(run, batch))
                # the paths are not quoted: Dask rebuilds a `quote` as a plain tuple, and a list is cheap to walk
                pending.append((number, batch, context, runner.submit(clean, {"paths": batch, "context": context})))
                if len(pending) >= in_flight:
                    yield pending.popleft()
            while pending:
                yield pending.popleft()

        for number, batch, context, future in track(submitted(), total=len(batches), description="cleaning batches",
                                                    disable=not progress):
            try:
                result = future.result()
            except Exception as error:
                raise_if_interrupted()  # a batch an interrupt broke is not cleaned again: the run stops
                logger.warning("batch %d: cleaning failed on the task runner (%s: %s); cleaning it again in a "
                               "child process", number, type(error).__name__, error)
                run.batches_recleaned += 1  # in the manifest: a runner that fails every batch shows there
                result = clean_isolated(batch, context.value())
            settle(quote(run), quote(result), number)
