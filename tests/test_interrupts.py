"""Ctrl-C and SIGTERM mid-run: the run stops within seconds, each batch written whole or not at all, the flow run
ends Crashed (not Running), and the next run resumes where it stopped."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from prefect.exceptions import TerminationSignal

from flows.interrupts import deferred, interruptible, interrupts_raise
from newsclean import runs
from newsclean.lock import HOLDER_NAME
from newsclean.pipeline import clean_paths
from newsclean.runs import batch_context, close_run, run_local, settle_batch, start_run
from tests.conftest import ROOT, edited_seed_copies

BATCH = 100


def test_a_signal_inside_deferred_is_acted_on_when_the_section_ends() -> None:
    before = signal.getsignal(signal.SIGINT)
    steps = []
    with pytest.raises(KeyboardInterrupt), deferred():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)  # the handler has run by now: without the deferral, KeyboardInterrupt is raised here
        steps.append("finished")
    assert steps == ["finished"]
    assert signal.getsignal(signal.SIGINT) is before
    with pytest.raises(TerminationSignal) as raised, interrupts_raise(), deferred():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.2)
        steps.append("finished again")
    assert raised.value.signal == signal.SIGTERM and steps == ["finished", "finished again"]


def test_an_interrupt_a_library_turned_into_another_error_or_swallowed_is_raised_as_the_interrupt() -> None:
    def library_call() -> None:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.2)

    with pytest.raises(KeyboardInterrupt) as raised, interruptible():
        try:
            library_call()
        except KeyboardInterrupt:  # as pydantic does, serializing a task's context
            raise ValueError("Error calling function `_ser_model`: KeyboardInterrupt") from None
    assert isinstance(raised.value.__cause__, ValueError)
    with pytest.raises(KeyboardInterrupt), interruptible(), contextlib.suppress(KeyboardInterrupt):
        library_call()  # swallowed, the interrupt is raised when the section ends


def test_a_batch_interrupted_between_its_two_parts_is_written_whole(tmp_path: Path, monkeypatch) -> None:
    inputs = edited_seed_copies(tmp_path / "in", 6, bad_every=2)  # 3 articles, 3 rejections: two parts
    run = start_run(tmp_path / "out", [tmp_path / "in"])
    run.uninterrupted = deferred  # as clean_and_settle sets it
    paths = [str(p) for p in inputs]
    result = clean_paths(paths, batch_context(run, paths))
    write_parquet = runs.write_parquet

    def interrupted_after_articles(table, store, sub, name):
        written = write_parquet(table, store, sub, name)
        if sub == "articles":
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C between the articles part and the rejected part
            time.sleep(0.2)
        return written

    monkeypatch.setattr(runs, "write_parquet", interrupted_after_articles)
    with pytest.raises(KeyboardInterrupt):
        settle_batch(run, result, 0)
    close_run(run)
    monkeypatch.undo()
    assert [len(list((tmp_path / "out" / sub).glob("*.parquet"))) for sub in ("articles", "rejected")] == [1, 1]
    # the ledger committed both parts: the next run finds all six inputs written
    again = run_local([tmp_path / "in"], tmp_path / "out")
    assert (again["unchanged"], again["new"]) == (6, 0)


@dataclass
class Interrupted:
    returncode: int
    seconds: float  # from the signal to the process's exit
    stderr: str


def parts(out: Path) -> set[Path]:
    return {p for sub in ("articles", "rejected") for p in (out / sub).glob("*.parquet")}


def live_processes_in_group(group: int) -> list[str]:
    """Processes of a process group that are not zombies (a zombie only waits to be reaped)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        state, _, pgrp = text.rsplit(")", 1)[1].split()[:3]
        if int(pgrp) == group and state != "Z":
            found.append(text[:80])
    return found


def interrupt_mid_run(command: list[str], env: dict[str, str], out: Path, signum: signal.Signals, whole_group: bool,
                      log: Path) -> Interrupted:
    """Start `command`, send `signum` once it has written two new Parquet parts (to its whole process group, as a
    terminal's Ctrl-C does, or to the process alone, as `kill PID`), and wait for it to end."""
    before = parts(out)
    with log.open("w") as stderr:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr,
                                   start_new_session=True)
        deadline = time.monotonic() + 900
        while len(parts(out) - before) < 2 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, f"the run ended before it was interrupted: {log.read_text()[-2000:]}"
        sent = time.monotonic()
        if whole_group:
            os.killpg(process.pid, signum)
        else:
            process.send_signal(signum)
        try:
            returncode = process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            # where it hangs: with PYTHONFAULTHANDLER set, SIGABRT prints every thread's stack to the log
            process.send_signal(signal.SIGABRT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
            raise AssertionError(f"still running 120 s after {signum.name}:\n{log.read_text()[-8000:]}") from None
        finally:
            seconds = time.monotonic() - sent
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
    # the temporary server and the pool's workers went with it
    deadline = time.monotonic() + 10
    while live_processes_in_group(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert live_processes_in_group(process.pid) == []
    return Interrupted(returncode, seconds, log.read_text())


def assert_every_written_batch_is_whole(out: Path, inputs: list[Path]) -> set[str]:
    """Each part written holds the files of its batch (the batch's slice of the sorted inputs, less the files
    earlier runs wrote), articles and rejections together; returns the names of the files written."""
    batches: dict[tuple[str, int], list[str]] = defaultdict(list)
    for part in parts(out):
        run_id, number = part.stem.rsplit("-", 1)
        table = pq.read_table(part, columns=["source_file", "run_id"])
        assert set(table.column("run_id").to_pylist()) == {run_id}
        batches[run_id, int(number)] += [Path(name).name for name in table.column("source_file").to_pylist()]
    names = sorted(path.name for path in inputs)
    written: set[str] = set()
    for run_id in sorted({run_id for run_id, _ in batches}):  # run ids start with their start time
        this_run = set()
        for (batch_run, number), files in batches.items():
            if batch_run == run_id:
                assert len(files) == len(set(files)), f"batch {run_id}-{number}: a file written twice"
                assert set(files) == set(names[number * BATCH:(number + 1) * BATCH]) - written, (run_id, number)
                this_run |= set(files)
        written |= this_run
    assert not list(out.rglob(".*.tmp"))  # no partial file
    return written


FLOW_RUN_STATES = """
import json
from prefect.client.orchestration import get_client
from prefect.client.schemas.sorting import FlowRunSort
with get_client(sync_client=True) as client:
    print(json.dumps([run.state_type.value for run in client.read_flow_runs(sort=FlowRunSort.START_TIME_ASC)]))
"""


@pytest.mark.e2e
def test_ctrl_c_and_sigterm_mid_run_stop_within_seconds_and_the_next_run_resumes(tmp_path: Path) -> None:
    inputs = edited_seed_copies(tmp_path / "in", 2000, bad_every=50)  # each batch: 98 articles, 2 rejected
    out = tmp_path / "out"
    # the quick start: no Prefect server configured, so each run starts the temporary one, in a new home
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), CI="1", PYTHONFAULTHANDLER="1")
    command = [sys.executable, "-m", "newsclean.cli", "run", str(tmp_path / "in"), "--out", str(out),
               "--batch-size", str(BATCH)]

    ctrl_c = interrupt_mid_run(command, env, out, signal.SIGINT, whole_group=True, log=tmp_path / "ctrl-c.log")
    after_ctrl_c = assert_every_written_batch_is_whole(out, inputs)
    sigterm = interrupt_mid_run(command, env, out, signal.SIGTERM, whole_group=False, log=tmp_path / "sigterm.log")
    after_sigterm = assert_every_written_batch_is_whole(out, inputs)
    for stopped, name, code in ((ctrl_c, "SIGINT", 130), (sigterm, "SIGTERM", 143)):
        assert stopped.returncode == code, stopped.stderr[-3000:]
        assert stopped.seconds < 10, (name, stopped.seconds)
        said = [line for line in stopped.stderr.splitlines() if line.startswith("newsclean run:")]
        assert len(said) == 1 and f"interrupted by {name}" in said[0] and "run the same command again" in said[0]
        assert "Traceback" not in stopped.stderr and "Error logging to API" not in stopped.stderr
    assert 0 < len(after_ctrl_c) < len(after_sigterm) < 2000
    assert not (out / HOLDER_NAME).exists()  # the output's lock was released
    assert not list((out / "runs").glob("*.json"))  # an interrupted run commits no manifest

    rerun = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    written = assert_every_written_batch_is_whole(out, inputs)
    assert written == {path.name for path in inputs}
    manifest = json.loads(next((out / "runs").glob("*.json")).read_text(encoding="utf-8"))
    assert manifest["unchanged"] == len(after_sigterm) and manifest["new"] == 2000 - len(after_sigterm)
    assert manifest["all_inputs_accounted"] is True
    assert manifest["rejected_by_reason"] == {"not_text": sum(1 for p in inputs if p.name not in after_sigterm
                                                              and int(p.stem[4:]) % 50 == 49)}

    states = subprocess.run([sys.executable, "-c", FLOW_RUN_STATES], env=env, cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert states.returncode == 0, states.stderr[-3000:]
    assert json.loads(states.stdout.strip().splitlines()[-1]) == ["CRASHED", "CRASHED", "COMPLETED"]
