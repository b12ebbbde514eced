"""The deployment in prefect.yaml end to end, as README "Scheduling" tells a data engineer to run it: a real
`prefect server start` on a free loopback port with its own home and SQLite database, the process work pool, `prefect
deploy` from the repo root, a worker, a triggered run over a temporary copy of the seeds, then the Parquet output,
the flow run's state and its artifacts read back through the API. Every server and worker started here is stopped
at the end, and the test checks that no process of its Prefect home is left.

The deployment keeps its hourly schedule (asserted below), but this server runs without its scheduler service, so
the only flow run is the one the test triggers: a scheduled run could never write the real seeds into output/.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import httpx
import pyarrow.dataset as ds
import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.e2e

PREFECT = str(Path(sys.executable).with_name("prefect"))
POOL = "newsclean-pool"
DEPLOYMENT = "clean-news/clean-news-hourly"
SERVER_READY_SECONDS = 60
FLOW_RUN_SECONDS = 180
STOP_SECONDS = 20
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def free_port() -> int:
    """A port nothing listens on now (the kernel's pick for port 0 on loopback)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def live_processes_with(env_entry: str) -> list[int]:
    """Pids of running (not zombie) processes whose environment holds `env_entry` (Linux /proc)."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if (env_entry.encode() in (proc / "environ").read_bytes().split(b"\0")
                    and (proc / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"):
                found.append(int(proc.name))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return sorted(found)


def tail(path: Path, lines: int = 40) -> str:
    text = path.read_text(errors="replace") if path.exists() else ""
    return f"--- {path.name} (last {lines} lines) ---\n" + "\n".join(text.splitlines()[-lines:])


class Services:
    """The server and worker processes of one test: each in its own session (process group), logs in files."""

    def __init__(self, home: Path, env: dict[str, str], port: int) -> None:
        self.home, self.env, self.port = home, env, port
        self.api_url = f"http://127.0.0.1:{port}/api"
        self.started: list[tuple[str, subprocess.Popen]] = []

    def log(self, name: str) -> Path:
        return self.home / f"{name}.log"

    def logs(self) -> str:
        return "\n".join(tail(self.log(name)) for name, _ in self.started)

    def start(self, name: str, *args: str) -> subprocess.Popen:
        with self.log(name).open("wb") as log:
            process = subprocess.Popen([PREFECT, *args], cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL,
                                       stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.started.append((name, process))
        return process

    def cli(self, *args: str, timeout: float = 120) -> str:
        """One CLI command, as typed in the README, from the repo root; its output (fails the test on error)."""
        done = subprocess.run([PREFECT, *args], cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL, timeout=timeout,
                              capture_output=True, text=True, start_new_session=True)
        assert done.returncode == 0, f"prefect {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def wait_for_server(self, server: subprocess.Popen) -> None:
        deadline = time.monotonic() + SERVER_READY_SECONDS
        while time.monotonic() < deadline:
            assert server.poll() is None, f"the server exited with {server.returncode}\n{self.logs()}"
            try:
                if httpx.get(f"{self.api_url}/health", timeout=2).json() is True:
                    return
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.5)
        pytest.fail(f"the server did not answer {self.api_url}/health within {SERVER_READY_SECONDS} s\n{self.logs()}")

    def stop(self) -> None:
        """Workers first, then the server: SIGTERM to the whole process group, then SIGKILL if it lingers."""
        for _, process in reversed(self.started):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(STOP_SECONDS)
            # whatever the group still holds (flow runs are not in it: the worker starts them in their own session)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(STOP_SECONDS)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    """A Prefect home of its own, an environment built from scratch for it, and a teardown that stops everything."""
    home = tmp_path / "prefect_home"
    home.mkdir()
    port = free_port()
    # nothing Prefect-related from this process (the session harness of tests/conftest.py sets PREFECT_HOME here)
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update({
        "PREFECT_HOME": str(home),
        "PREFECT_PROFILES_PATH": str(home / "profiles.toml"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "PREFECT_SERVER_API_HOST": "127.0.0.1",
        "PREFECT_SERVER_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{home / 'prefect.db'}",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "2",  # pick the triggered run up in seconds, not the default 10
        "PREFECT_RUNNER_AUTO_INSTALL_DEPENDENCIES": "false",  # run in this venv, never `uv run` a new one
        "PYTHONUNBUFFERED": "1",
        "COLUMNS": "200",  # the CLI's rich output unwrapped, so the flow run's UUID is on one line
    })
    running = Services(home, env, port)
    try:
        yield running
    finally:
        running.stop()
        leftovers = live_processes_with(f"PREFECT_HOME={home}")
        for pid in leftovers:  # clean up before failing, so one bad run leaves nothing behind for the next
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        assert not leftovers, f"processes of this test still running after the stop: {leftovers}\n{running.logs()}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process checks read /proc")
def test_deployment_runs_on_a_real_server_through_a_worker(services: Services, tmp_path: Path) -> None:
    from prefect.client.orchestration import SyncPrefectClient
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        DeploymentFilter,
        DeploymentFilterId,
    )

    inputs, out = tmp_path / "in" / "seeds", tmp_path / "out"
    shutil.copytree(SEEDS, inputs)

    # 1. the server: own home and SQLite file, loopback, a free port; no scheduler service (see the module doc)
    server = services.start("server", "server", "start", "--host", "127.0.0.1", "--port", str(services.port),
                            "--no-scheduler", "--no-ui")
    services.wait_for_server(server)
    # 2. the pool, 3. the deployment from prefect.yaml (cwd = repo root), 4. a worker, 5. a run with our folders
    services.cli("work-pool", "create", POOL, "--type", "process")
    services.cli("--no-prompt", "deploy", "--name", "clean-news-hourly")
    worker = services.start("worker", "worker", "start", "--pool", POOL)
    triggered = services.cli("deployment", "run", DEPLOYMENT,
                             "--param", f"inputs={json.dumps([str(inputs)])}", "--param", f"out={json.dumps(str(out))}")
    match = re.search(r"UUID: ([0-9a-f-]{36})", triggered)
    assert match, triggered
    flow_run_id = UUID(match.group(1))

    with SyncPrefectClient(services.api_url) as client:
        deadline = time.monotonic() + FLOW_RUN_SECONDS
        flow_run = client.read_flow_run(flow_run_id)
        while flow_run.state_type.value not in TERMINAL and time.monotonic() < deadline:
            assert worker.poll() is None, f"the worker exited with {worker.returncode}\n{services.logs()}"
            time.sleep(1)
            flow_run = client.read_flow_run(flow_run_id)
        assert flow_run.state_type.value == "COMPLETED", f"flow run {flow_run.state}\n{services.logs()}"

        deployment = client.read_deployment_by_name(DEPLOYMENT)
        runs = client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])))
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])))

    # the deployment is prefect.yaml's: its pool, hourly schedule, and the clone it was deployed from as working dir
    assert deployment.work_pool_name == POOL
    assert [(s.schedule.cron, s.active) for s in deployment.schedules] == [("0 * * * *", True)]
    assert deployment.pull_steps == [
        {"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT.resolve())}}]
    assert [run.id for run in runs] == [flow_run_id]  # the triggered run only: nothing scheduled ran
    assert flow_run.parameters["inputs"] == [str(inputs)] and flow_run.parameters["out"] == str(out)

    articles = ds.dataset(str(out / "articles"), format="parquet").to_table()
    assert articles.num_rows == 5
    assert sorted(Path(p).name for p in articles.column("source_file").to_pylist()) == sorted(
        p.name for p in SEEDS.iterdir())
    rejected = [str(path) for path in (out / "rejected").glob("*.parquet")]
    assert not rejected or ds.dataset(rejected, format="parquet").count_rows() == 0
    manifests = list((out / "runs").glob("*.json"))
    assert len(manifests) == 1
    manifest = json.loads(manifests[0].read_text(encoding="utf-8"))
    assert manifest["all_inputs_accounted"] is True
    assert manifest["inputs_seen"] == 5 and manifest["articles"] == 5 and manifest["rejected"] == 0
    run_id = manifest["run_id"]
    assert set(articles.column("run_id").to_pylist()) == {run_id}

    by_key = {artifact.key: artifact for artifact in artifacts}
    assert set(by_key) == {"clean-news-summary", "clean-news-counts"}
    assert by_key["clean-news-summary"].type == "markdown" and run_id in by_key["clean-news-summary"].data
    assert by_key["clean-news-counts"].type == "table"
