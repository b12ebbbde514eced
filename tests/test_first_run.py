"""A user's first commands on a fresh machine: `newsclean run` with a new home and no Prefect server configured,
and `.ci/test-deps`, which brings what `make test` needs from the system."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flows import PREFECT_DEFAULTS
from tests.conftest import ROOT, SEEDS

TEST_DEPS = ROOT / ".ci" / "test-deps"


def fresh_home_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a user with a new home folder: no ~/.prefect, no Prefect server, no Prefect settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(HOME=str(tmp_path / "home"), CI="1", **extra)
    (tmp_path / "home").mkdir()
    return env


@pytest.mark.e2e
def test_first_run_on_a_new_home_starts_the_temporary_server_and_writes_the_seeds(tmp_path: Path) -> None:
    env = fresh_home_env(tmp_path)
    done = subprocess.run([sys.executable, "-m", "newsclean.cli", "run", str(SEEDS), "--out", str(tmp_path / "out")],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    # the temporary server's database was created (and migrated) in the new home by this very run
    assert (tmp_path / "home" / ".prefect" / "prefect.db").is_file()
    manifest = json.loads(next((tmp_path / "out" / "runs").glob("*.json")).read_text(encoding="utf-8"))
    assert (manifest["new"], manifest["articles"], manifest["rejected"]) == (5, 5, 0)


def test_the_flow_gives_the_temporary_server_a_long_start_and_a_user_value_wins(tmp_path: Path) -> None:
    # a user's script imports the flow, then calls it: the setting must be in force for that call
    probe = ("from flows.clean_news import clean_news\n"
             "from prefect.settings import PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS as T\nprint(T.value())")
    default = subprocess.run([sys.executable, "-c", probe], env=fresh_home_env(tmp_path), cwd=ROOT,
                             capture_output=True, text=True, timeout=120, check=True)
    # Prefect's own default is 20 s; flows/ sets its value before Prefect reads its settings
    assert int(default.stdout.split()[-1]) == int(PREFECT_DEFAULTS["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"])
    assert int(PREFECT_DEFAULTS["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]) >= 120
    (tmp_path / "home").rename(tmp_path / "home-1")
    chosen = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env=fresh_home_env(tmp_path, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="45"),
                            check=True)
    assert chosen.stdout.split()[-1] == "45"


@pytest.mark.e2e
def test_a_server_that_does_not_start_in_time_gives_one_line_of_advice(tmp_path: Path) -> None:
    # 0 s: Prefect gives up before its first health check, so the failure is certain on any machine
    env = fresh_home_env(tmp_path, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="0")
    done = subprocess.run([sys.executable, "-m", "newsclean.cli", "run", str(SEEDS), "--out", str(tmp_path / "out")],
                          env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 3
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    advice = [line for line in done.stderr.splitlines() if line.startswith("newsclean run:")]
    assert len(advice) == 1
    assert "did not start within 0 s" in advice[0] and "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS" in advice[0]
    assert "PREFECT_API_URL" in advice[0]
    assert not (tmp_path / "out" / "articles").exists()


def fake_commands(tmp_path: Path, uid: int, sudo: str | None) -> tuple[Path, Path]:
    """A PATH of stand-ins: `id -u` says `uid`, apt-get records its arguments, `sudo` (when given) runs its
    command after its own `-n` flag or fails; chromium and npm are absent. Returns the folder and the log."""
    bin_dir, log = tmp_path / "bin", tmp_path / "calls.log"
    bin_dir.mkdir()
    scripts = {
        "id": f'#!/bin/sh\necho {uid}\n',
        "apt-get": f'#!/bin/sh\necho "apt-get $*" >> {log}\n',
    }
    if sudo == "works":
        scripts["sudo"] = f'#!/bin/sh\necho "sudo $*" >> {log}\n[ "$1" = -n ] && shift\nexec "$@"\n'
    elif sudo == "asks-password":
        scripts["sudo"] = '#!/bin/sh\necho "a password is required" >&2\nexit 1\n'
    for name, text in scripts.items():
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    for tool in ("env", "bash", "true"):  # what the script runs besides the stand-ins
        found = shutil.which(tool)
        assert found, tool
        (bin_dir / tool).symlink_to(found)
    return bin_dir, log


def run_test_deps(bin_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bin_dir / "bash"), str(TEST_DEPS)], env={"PATH": str(bin_dir)},
                          capture_output=True, text=True, timeout=60)


def test_test_deps_installs_chromium_and_npm_when_missing_as_root(tmp_path: Path) -> None:
    bin_dir, log = fake_commands(tmp_path, uid=0, sudo=None)
    done = run_test_deps(bin_dir)
    assert done.returncode == 0, done.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "apt-get update -qq"
    assert calls[1].startswith("apt-get install -y -qq ") and set(calls[1].split()[4:]) == {"chromium", "npm"}


def test_test_deps_uses_sudo_without_a_prompt(tmp_path: Path) -> None:
    bin_dir, log = fake_commands(tmp_path, uid=1000, sudo="works")
    done = run_test_deps(bin_dir)
    assert done.returncode == 0, done.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0] == "sudo -n true" and "sudo -n apt-get update -qq" in calls
    assert any(c.startswith("apt-get install") for c in calls)


def test_test_deps_without_root_or_sudo_says_what_to_install_in_one_line(tmp_path: Path) -> None:
    bin_dir, log = fake_commands(tmp_path, uid=1000, sudo="asks-password")
    done = run_test_deps(bin_dir)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "apt-get install" in done.stderr
    assert "chromium" in done.stderr and "npm" in done.stderr
    assert not log.exists()


def test_test_deps_does_nothing_when_everything_is_there(tmp_path: Path) -> None:
    bin_dir, log = fake_commands(tmp_path, uid=1000, sudo=None)
    for tool in ("chromium", "npm"):
        (bin_dir / tool).write_text("#!/bin/sh\n", encoding="utf-8")
        (bin_dir / tool).chmod(0o755)
    done = run_test_deps(bin_dir)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert not log.exists()
