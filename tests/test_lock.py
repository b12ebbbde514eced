"""One writer per output location: a second run is refused at once naming the first; a dead run's lock is
taken over."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import fsspec
import pyarrow.dataset as ds
import pytest

from newsclean.lock import HOLDER_NAME, OutputLocked, lock_output
from newsclean.runs import run_local
from tests.conftest import SEEDS


def dead_pid() -> int:
    """The pid of a process of this host that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_two_concurrent_runs_give_one_refusal_and_five_rows(prefect_harness, tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value()), "COLUMNS": "200"}
    command = [sys.executable, "-m", "newsclean.cli", "run", str(SEEDS), "--out", str(tmp_path / "out"),
               "--workers", "0", "--no-progress"]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        holder = tmp_path / "out" / HOLDER_NAME
        deadline = time.monotonic() + 120
        while not holder.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert holder.exists(), "the first run never took the lock"
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
        _, first_err = first.communicate(timeout=300)
    finally:
        first.kill()
    assert second.returncode == 4, second.stderr
    lines = second.stderr.splitlines()
    assert len(lines) == 1 and f"pid {first.pid} on host {socket.gethostname()}, started 20" in lines[0], lines
    assert first.returncode == 0, first_err
    assert ds.dataset(str(tmp_path / "out" / "articles")).count_rows() == 5
    assert len(list((tmp_path / "out" / "runs").glob("*.json"))) == 1
    assert not holder.exists()  # released when the run ended


def test_the_lock_of_a_dead_run_is_taken_over(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    left = {"pid": dead_pid(), "host": socket.gethostname(), "started_at": "2026-01-01T00:00:00+00:00"}
    (tmp_path / "out" / HOLDER_NAME).write_text(json.dumps(left))
    manifest = run_local([SEEDS], tmp_path / "out")
    assert manifest["articles"] == 5 and not (tmp_path / "out" / HOLDER_NAME).exists()


def test_a_held_local_lock_refuses_another_process(tmp_path: Path) -> None:
    held = lock_output(str(tmp_path / "out"))
    try:
        probe = ("import sys\nfrom newsclean.lock import OutputLocked, lock_output\n"
                 "try:\n    lock_output(sys.argv[1])\nexcept OutputLocked as error:\n    print(error)\n")
        said = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "out")], capture_output=True,
                              text=True, timeout=60).stdout
        assert f"pid {os.getpid()} on host {socket.gethostname()}" in said
    finally:
        held.release()
    assert not (tmp_path / "out" / HOLDER_NAME).exists()


@pytest.fixture
def memory_out() -> Iterator[str]:
    url = f"memory://newsclean-lock-{os.getpid()}-{time.monotonic_ns()}"
    yield url
    with contextlib.suppress(FileNotFoundError):  # the lock object was all there was, and it is gone
        fsspec.filesystem("memory").rm(url.removeprefix("memory://"), recursive=True)


def plant(url: str, **holder: object) -> None:
    fs, root = fsspec.core.url_to_fs(url)
    fs.pipe(f"{root}/{HOLDER_NAME}", json.dumps({"started_at": "2026-01-01T00:00:00+00:00", **holder}).encode())


def test_a_url_lock_refuses_a_live_or_unknown_holder_and_takes_a_dead_ones(memory_out: str) -> None:
    plant(memory_out, pid=1, host=socket.gethostname())  # pid 1 is alive
    with pytest.raises(OutputLocked, match=f"pid 1 on host {socket.gethostname()}"):
        lock_output(memory_out)
    plant(memory_out, pid=dead_pid(), host="another-host")  # its process cannot be seen from here
    with pytest.raises(OutputLocked, match="on host another-host"):
        lock_output(memory_out)
    plant(memory_out, pid=dead_pid(), host=socket.gethostname())
    held = lock_output(memory_out)
    fs, root = fsspec.core.url_to_fs(memory_out)
    assert json.loads(fs.cat(f"{root}/{HOLDER_NAME}"))["pid"] == os.getpid()
    again = lock_output(memory_out)  # re-entrant in one process: the CLI, then the flow's run
    again.release()
    assert fs.exists(f"{root}/{HOLDER_NAME}")
    held.release()
    held.release()
    assert not fs.exists(f"{root}/{HOLDER_NAME}")
