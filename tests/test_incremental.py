"""Incremental, idempotent and crash-safe runs: inputs are known by content hash."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from newsclean import runs
from newsclean.runs import compact, latest_articles, run_local
from tests.conftest import ROOT, SEEDS, edited_seed_copies


def copy_seeds(folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    return [Path(shutil.copy(p, folder)) for p in sorted(SEEDS.iterdir())]


def rows(out: Path, sub: str = "articles") -> list[dict]:
    return ds.dataset(str(out / sub)).to_table(columns=["source_file", "source_sha256", "run_id"]).to_pylist()


def test_rerun_of_an_unchanged_folder_writes_nothing(tmp_path: Path) -> None:
    copy_seeds(tmp_path / "in")
    first = run_local([tmp_path / "in"], tmp_path / "out")
    parts = sorted((tmp_path / "out" / "articles").iterdir())
    second = run_local([tmp_path / "in"], tmp_path / "out")
    assert (first["new"], first["unchanged"], first["articles"]) == (5, 0, 5)
    assert (second["new"], second["unchanged"], second["articles"], second["rejected"]) == (0, 5, 0, 0)
    assert second["all_inputs_accounted"] is True
    assert sorted((tmp_path / "out" / "articles").iterdir()) == parts


def test_a_changed_file_gets_a_new_version_and_latest_reads_it(tmp_path: Path) -> None:
    files = copy_seeds(tmp_path / "in")
    run_local([tmp_path / "in"], tmp_path / "out")
    files[2].write_text(files[2].read_text(encoding="utf-8") + "\nسطر جديد أضيف إلى الصفحة لاحقا", encoding="utf-8")
    manifest = run_local([tmp_path / "in"], tmp_path / "out")
    assert (manifest["new"], manifest["unchanged"]) == (1, 4)
    versions = [r for r in rows(tmp_path / "out") if r["source_file"] == str(files[2])]
    assert len(versions) == 2 and versions[0]["source_sha256"] != versions[1]["source_sha256"]
    latest = latest_articles(tmp_path / "out").to_pylist()
    assert len(latest) == 5
    newest = next(r for r in latest if r["source_file"] == str(files[2]))
    assert newest["run_id"] == manifest["run_id"]
    assert compact(tmp_path / "out") == (6, 5)
    assert len(rows(tmp_path / "out")) == 5 and len(list((tmp_path / "out" / "articles").iterdir())) == 1
    # the state's ledger follows the compaction: the parts it knew are gone, the compacted one is read
    after = run_local([tmp_path / "in"], tmp_path / "out")
    assert (after["new"], after["unchanged"], after["articles"]) == (0, 5, 0)


def test_a_new_pipeline_version_or_reprocess_cleans_everything_again(tmp_path: Path, monkeypatch) -> None:
    copy_seeds(tmp_path / "in")
    run_local([tmp_path / "in"], tmp_path / "out")
    again = run_local([tmp_path / "in"], tmp_path / "out", reprocess=True)
    # reprocessed articles replace their earlier versions: not duplicates of them
    assert (again["new"], again["articles"], again["rejected"]) == (5, 5, 0)
    monkeypatch.setattr(runs, "PIPELINE_VERSION", "999.0.0")
    assert run_local([tmp_path / "in"], tmp_path / "out")["new"] == 5


def test_a_copy_of_an_input_already_written_is_a_duplicate_across_runs(tmp_path: Path) -> None:
    files = copy_seeds(tmp_path / "in")
    run_local([tmp_path / "in"], tmp_path / "out")
    shutil.copy(files[0], tmp_path / "in" / "copy.txt")
    manifest = run_local([tmp_path / "in"], tmp_path / "out")
    assert manifest["rejected_by_reason"] == {"duplicate_input": 1} and manifest["articles"] == 0


@pytest.mark.e2e
def test_killed_run_then_rerun_has_every_input_exactly_once(prefect_harness, tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    inputs = tmp_path / "in"
    edited_seed_copies(inputs, 2000)
    out = tmp_path / "out"
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "CI": "1"}
    command = [sys.executable, "-m", "newsclean.cli", "run", str(inputs), "--out", str(out), "--batch-size", "100"]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600  # a loaded 2-core machine needs minutes for the server and 300 documents
    while time.monotonic() < deadline and len(list((out / "articles").glob("*.parquet"))) < 3:
        assert process.poll() is None, f"the run ended (exit {process.returncode}) before three batches were written"
        time.sleep(0.05)
    assert len(list((out / "articles").glob("*.parquet"))) >= 3, "no three batches written within 600 s"
    process.send_signal(signal.SIGKILL)  # mid-run: some batches written, others not, maybe a temp file
    process.wait(timeout=30)
    written_before = len(rows(out))
    assert 0 < written_before < 2000 and not list((out / "runs").glob("*.json"))

    rerun = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    sources = [r["source_file"] for r in rows(out)]
    assert len(sources) == len(set(sources)) == 2000  # every input exactly once
    assert not list(out.rglob(".*.tmp"))
    manifest = next((out / "runs").glob("*.json")).read_text()
    assert f'"unchanged": {written_before}' in manifest


def test_a_file_changed_back_to_an_earlier_content_is_cleaned_again(tmp_path: Path) -> None:
    files = copy_seeds(tmp_path / "in")
    original = files[1].read_bytes()
    run_local([tmp_path / "in"], tmp_path / "out")
    files[1].write_bytes(original + "\nسطر أضيف ثم حذف".encode())
    assert run_local([tmp_path / "in"], tmp_path / "out")["new"] == 1
    files[1].write_bytes(original)  # back to the first content: the latest version written is the edited one
    back = run_local([tmp_path / "in"], tmp_path / "out")
    assert (back["new"], back["unchanged"], back["articles"]) == (1, 4, 1)
    newest = next(r for r in latest_articles(tmp_path / "out").to_pylist() if r["source_file"] == str(files[1]))
    assert newest["run_id"] == back["run_id"]
    assert run_local([tmp_path / "in"], tmp_path / "out")["new"] == 0
