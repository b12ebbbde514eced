"""Worker processes: the flow's batches cleaned in Prefect's process pool while the flow settles the batches before
give the in-thread output, also when a worker fails; and the choices of pool size and task arguments."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import struct
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyarrow.dataset as ds
import pytest
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.clean_news import clean_batch as flow_clean_batch  # the original: tests replace the module's name
from flows.clean_news import clean_news
from flows.runners import Frozen, default_workers, pool_size, release_result_pipe
from newsclean.chrome.memory import SiteMemory
from newsclean.pipeline import BatchContext, BatchResult
from tests.conftest import ROOT, SEEDS, TEST_DATA

INPUTS = [str(SEEDS), str(TEST_DATA / "raw")]
BATCH_SIZE = 4  # 30 inputs: 8 batches, so several are in flight while others are settled
FAIL_ENV = "NEWSCLEAN_TEST_FAIL_IN_WORKER"  # "raise:PATH" or "exit:PATH": the worker's batch holding PATH fails
VARIABLE = {"run_id", "processed_at"}  # the only columns allowed to differ between two runs


def records(out: Path) -> dict[str, list[tuple]]:
    """Every article and rejected row of an output, all columns but the run id and the time, sorted; of each
    removed line its position, text and category (`rule_differences` compares the rules)."""
    found = {}
    for kind in ("articles", "rejected"):
        table = ds.dataset(str(out / kind)).to_table()
        columns = [name for name in table.column_names if name not in VARIABLE]
        rows = table.select(columns).to_pylist()
        for row in rows:
            if "removed" in row:
                row["removed"] = [(r["line"], r["text"], r["category"]) for r in row["removed"]]
        found[kind] = sorted(tuple(str(row[c]) for c in columns) for row in rows)
    return found


def rule_differences(out: Path, reference: Path) -> list[tuple[str, str, str]]:
    """(text, rule here, rule in the reference) of every removed line whose rule differs between two outputs."""
    def rules(folder: Path) -> dict[tuple[str, int], tuple[str, str]]:
        table = ds.dataset(str(folder / "articles")).to_table(columns=["doc_id", "removed"])
        return {(row["doc_id"], r["line"]): (r["text"], r["rule"]) for row in table.to_pylist()
                for r in row["removed"]}

    here, there = rules(out), rules(reference)
    assert here.keys() == there.keys()
    return sorted((here[k][0], here[k][1], there[k][1]) for k in here if here[k] != there[k])


@pytest.fixture(scope="module")
def in_thread(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """The reference: the same inputs cleaned and settled in the flow's thread (workers=0)."""
    out = tmp_path_factory.mktemp("in_thread")
    manifest = clean_news(inputs=INPUTS, out=str(out), batch_size=BATCH_SIZE, workers=0)
    return manifest, out


@pytest.mark.e2e
def test_worker_processes_give_the_in_thread_output(in_thread, tmp_path: Path) -> None:
    reference, reference_out = in_thread
    manifest = clean_news(inputs=INPUTS, out=str(tmp_path), batch_size=BATCH_SIZE, workers=2)
    assert manifest["batches"] == reference["batches"] == 8
    assert manifest["batches_recleaned"] == reference["batches_recleaned"] == 0
    assert manifest["inputs_seen"] == reference["inputs_seen"] == 30
    assert manifest["articles"] == reference["articles"] == 28
    assert manifest["rejected_by_reason"] == reference["rejected_by_reason"]
    assert manifest["removed_by_category"] == reference["removed_by_category"]
    assert manifest["all_inputs_accounted"] is True
    assert len(records(reference_out)["articles"]) == 28
    assert records(tmp_path) == records(reference_out)  # same articles, bodies, rejections, lines removed
    # The one difference: with 3 batches in flight, batch 3 is submitted once batch 0 is settled, so it does not
    # see the template line of the folder's text dumps that the site memory learns from batch 1 (in the flow's
    # thread it does); 009_ar-ma-dams.txt still loses that line, to the tail rule instead of the memory.
    assert rule_differences(tmp_path, reference_out) == [
        ("البريد الإلكتروني", "structure.walk_tail", "memory.site_recurring")]


@task(name="clean-batch", cache_policy=NO_CACHE)
def clean_batch_failing_in_worker(paths: list[str], context: Frozen) -> BatchResult:
    """The flow's clean-batch, except that in a worker process the batch named by FAIL_ENV fails: it raises,
    or the worker process exits at once (as when the kernel kills it), which breaks the pool."""
    how, _, marked = os.environ.get(FAIL_ENV, "").partition(":")
    if multiprocessing.parent_process() is not None and marked in paths:
        if how == "exit":
            os._exit(1)
        raise RuntimeError(f"planted failure in the batch of {marked}")
    return flow_clean_batch.fn(paths, context)  # the flow's own task body (it thaws the context)


@pytest.mark.e2e
@pytest.mark.parametrize("how", ["raise", "exit"])
def test_a_batch_whose_worker_fails_is_cleaned_in_the_flow(in_thread, tmp_path: Path, how: str,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.clean_news

    reference, reference_out = in_thread
    marked = sorted(str(p) for p in SEEDS.iterdir())[4]  # in the second batch (4 seeds, then this one and raw)
    monkeypatch.setattr(flows.clean_news, "clean_batch", clean_batch_failing_in_worker)
    monkeypatch.setenv(FAIL_ENV, f"{how}:{marked}")
    manifest = clean_news(inputs=INPUTS, out=str(tmp_path), batch_size=BATCH_SIZE, workers=1)
    assert manifest["all_inputs_accounted"] is True
    assert manifest["inputs_seen"] == 30 and manifest["articles"] == 28 and manifest["batches"] == 8
    assert manifest["batches_recleaned"] >= 1  # the failed batch (an exiting worker may take others with it)
    assert manifest["rejected_by_reason"] == reference["rejected_by_reason"]
    assert records(tmp_path) == records(reference_out)


def test_pool_size_single_batch_and_explicit_counts() -> None:
    assert pool_size(None, 1) == 0  # one batch: no pool, whatever the machine
    assert pool_size(4, 1) == 0
    assert pool_size(0, 20) == 0
    assert pool_size(3, 20) == 3
    assert pool_size(8, 3) == 3  # never more workers than batches
    assert pool_size(None, 20) == default_workers()


def test_default_workers_per_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    for cores, expected in ((1, 0), (2, 2), (3, 2), (4, 3), (5, 4), (64, 4)):
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid, n=cores: set(range(n)))
        assert default_workers() == expected, cores


def test_frozen_context_is_the_state_at_submit_time() -> None:
    memory = SiteMemory({"example.com": {"subscribe now": [["k1"]]}})
    frozen = Frozen(BatchContext(memory=memory, unchanged={"a.txt": "00"}))
    memory.sites["example.com"]["subscribe now"].append(["k2"])  # the flow settles a batch meanwhile
    memory.sites["other.org"] = {}
    shipped = pickle.loads(pickle.dumps({"context": frozen}))["context"]
    assert isinstance(shipped, Frozen) and not isinstance(shipped, tuple)  # opaque: no engine walks it, Dask
    context = shipped.value()                                             # does not rebuild it as a tuple
    assert context.memory is not None
    assert context.memory.sites == {"example.com": {"subscribe now": [["k1"]]}}
    assert context.unchanged == {"a.txt": "00"}
    assert frozen.value().memory.sites == context.memory.sites


def test_a_half_sent_result_does_not_hang_the_pool_s_shutdown_after_an_interrupt() -> None:
    """A worker killed while sending its batch's result leaves half a message in the result pipe; the pool's
    manager thread then waits for the rest, and `shutdown(wait=True)` (the task runner's exit) never returned.
    `release_result_pipe` closes the flow's end of the pipe: the read ends, the pool is broken and shuts down."""
    executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    writer = executor._result_queue._writer
    try:
        assert executor.submit(int, "7").result(timeout=60) == 7  # a worker is up, the manager thread reads
        os.write(writer.fileno(), struct.pack("!i", 1 << 20))  # a message's header, and no body: half sent
        time.sleep(0.5)  # the manager thread now waits for the body
        for process in list(executor._processes.values()):
            process.kill()  # what `interruptible` does to the pool's workers
            process.join(10)
        release_result_pipe(SimpleNamespace(_executor=executor))
        shutdown = threading.Thread(target=executor.shutdown, kwargs={"wait": True, "cancel_futures": True})
        shutdown.start()
        shutdown.join(30)
        assert not shutdown.is_alive(), "the pool's shutdown still waits for the half-sent result"
    finally:
        writer.close()  # idempotent; unblocks the manager thread if the function under test did not


DIES_HOLDING_THE_LOG_QUEUE = """
import multiprocessing, os
from flows.runners import batch_runner

def die_holding(lock):
    lock.acquire()  # as a worker killed while its log message was being sent
    os._exit(1)

if __name__ == "__main__":
    with batch_runner(workers=1, dask_address=None, batches=2) as (runner, _):
        holder = multiprocessing.get_context("spawn").Process(
            target=die_holding, args=(runner._subprocess_message_queue._wlock,))
        holder.start()
        holder.join()
    print("runner exited", flush=True)
"""


def test_a_worker_dead_while_sending_a_log_message_does_not_hang_the_flow_process_s_exit(tmp_path: Path) -> None:
    """A worker that died holding the pool's log-message queue's write lock kept the interpreter's exit waiting
    for ever (the runner's stop message cannot be sent; pytest hung after its last test). `batch_runner` releases
    the queue: the process ends."""
    script = tmp_path / "dies_holding.py"
    script.write_text(DIES_HOLDING_THE_LOG_QUEUE)
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_HOME": str(tmp_path / "prefect_home"),
                   "PREFECT_API_URL": "http://127.0.0.1:9/api"}  # a URL: no temporary server; nothing is sent
    try:
        finished = subprocess.run([sys.executable, str(script)], env=environment, capture_output=True, text=True,
                                  timeout=90)
    except subprocess.TimeoutExpired as expired:
        pytest.fail(f"the process did not end after the pool's exit; it printed {expired.stdout!r}")
    assert finished.stdout.strip() == "runner exited", finished.stderr
    assert finished.returncode == 0, finished.stderr
