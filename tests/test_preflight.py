"""Operator mistakes as `newsclean run` meets them: one line on stderr, exit 2, before Prefect starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.preflight import output_problem, run_problems
from tests.conftest import SEEDS


def newsclean_run(*args: str, home: Path, read_only: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`newsclean run ARGS` in a child process whose Prefect home is `home`; with `read_only`, that folder is
    mounted read-only for the child (as root, in a mount namespace of its own: root may write a mode-555 folder;
    otherwise its mode is 555)."""
    env = {**os.environ, "PREFECT_HOME": str(home), "COLUMNS": "200"}
    command = [sys.executable, "-m", "newsclean.cli", "run", *args]
    if read_only is not None and os.geteuid() == 0:
        command = ["unshare", "--mount", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(read_only),
                   *command]
    elif read_only is not None:
        read_only.chmod(0o555)
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def assert_refused(done: subprocess.CompletedProcess[str], home: Path, *words: str) -> None:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsclean run: "), done.stderr
    assert all(word in lines[0] for word in words), lines[0]
    assert not home.exists()  # Prefect never started: its home was not even made


def test_a_missing_input_is_one_line(tmp_path: Path) -> None:
    done = newsclean_run(str(tmp_path / "nope"), "--out", str(tmp_path / "o"), home=tmp_path / "home")
    assert_refused(done, tmp_path / "home", str(tmp_path / "nope"), "no such file or folder")
    assert not (tmp_path / "o").exists()


def test_out_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "o").write_text("not a folder")
    done = newsclean_run(str(SEEDS), "--out", str(tmp_path / "o"), home=tmp_path / "home")
    assert_refused(done, tmp_path / "home", "is a file, not a folder")


def test_a_read_only_out_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "ro").mkdir()
    done = newsclean_run(str(SEEDS), "--out", str(tmp_path / "ro" / "out"), home=tmp_path / "ro" / "home",
                         read_only=tmp_path / "ro")
    (tmp_path / "ro").chmod(0o755)
    assert_refused(done, tmp_path / "ro" / "home", "not writable", f"{tmp_path / 'ro'} cannot take a new folder")


def test_an_empty_input_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / ".hidden").write_text("a dot file is never read")
    done = newsclean_run(str(tmp_path / "empty"), "--out", str(tmp_path / "o"), home=tmp_path / "home")
    assert_refused(done, tmp_path / "home", "no input files to read", str(tmp_path / "empty"))


def test_every_mistake_is_said_and_a_good_run_has_none(tmp_path: Path) -> None:
    (tmp_path / "o").write_text("")
    problems = run_problems([tmp_path / "a", SEEDS, tmp_path / "b"], str(tmp_path / "o"))
    assert problems == [f"input {tmp_path / 'a'}: no such file or folder",
                        f"input {tmp_path / 'b'}: no such file or folder",
                        f"--out {tmp_path / 'o'}: is a file, not a folder"]
    assert run_problems([SEEDS], str(tmp_path / "new" / "out")) == []


@pytest.mark.parametrize(("url", "problem"), [("memory://newsclean-preflight", None),
                                              ("gcs://bucket/prefix", "gcsfs"), ("nosuchfs://x", "nosuchfs")])
def test_an_fsspec_url_must_resolve(url: str, problem: str | None) -> None:
    found = output_problem(url)
    assert found is None if problem is None else (found or "").startswith(f"--out {url}: ") and problem in found
