"""Which files a run reads: page-like files by default, --include/--exclude globs, each path once; run-level
bounds as settings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.config import Limits, parse_run_bounds
from newsclean.inputs import looks_like_page, select_inputs
from newsclean.report import run_manifest
from newsclean.runs import run_local
from tests.conftest import SEEDS

NOT_PAGES = ("README.md", "tool.py", "data.json")


@pytest.mark.parametrize(("name", "read"), [
    ("a.html", True), ("a.HTM", True), ("a.xhtml", True), ("a.txt", True), ("a.html.gz", True), ("a.txt.gz", True),
    ("000_5545a1cb7ff4f8bb", True), ("story.2024", True), ("www.example.com_news_1", True),
    ("README.md", False), ("tool.py", False), ("data.json", False), ("photo.jpg", False), ("a.json.gz", False),
])
def test_page_like_names(name: str, read: bool) -> None:
    assert looks_like_page(name) is read


def seeds_and_others(folder: Path) -> Path:
    """The seeds, three files that are not pages and a page in a sub-folder."""
    folder.mkdir(parents=True)
    for seed in sorted(SEEDS.iterdir()):
        shutil.copy(seed, folder)
    for name in NOT_PAGES:
        (folder / name).write_text("# not a page\n")
    (folder / "drafts").mkdir()
    shutil.copy(next(SEEDS.glob("003*")), folder / "drafts" / "draft.html")
    return folder


def test_only_pages_are_read_by_default_and_globs_choose_others(tmp_path: Path) -> None:
    folder = seeds_and_others(tmp_path / "in")
    default = select_inputs([folder])
    assert [Path(p).name for p in default.files] == [*sorted(p.name for p in SEEDS.iterdir()), "draft.html"]
    assert sorted(Path(p).name for p in default.skipped) == sorted(NOT_PAGES)
    excluded = select_inputs([folder], exclude=["drafts/*", "004_*"])
    assert len(excluded.files) == 4 and str(folder / "drafts" / "draft.html") in excluded.skipped
    included = select_inputs([folder], include=["*.md", "*.json"], exclude=["data*"])
    assert included.files == [str(folder / "README.md")] and len(included.skipped) == 8


def test_a_path_listed_again_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SEEDS.parent)
    one_seed = next(SEEDS.glob("001*"))
    selection = select_inputs(["seeds", "seeds", "./seeds", str(SEEDS), str(one_seed)])
    assert [Path(p).name for p in selection.files] == sorted(p.name for p in SEEDS.iterdir())
    assert selection.repeated == 16 and selection.skipped == []


def test_run_bounds_parse_from_the_cli_and_the_flow_spelling() -> None:
    assert parse_run_bounds(["share_rejected=0:0.8", "median_body_chars=:1000"]) == (
        ("median_body_chars", None, 1000.0), ("share_rejected", 0.0, 0.8))
    assert parse_run_bounds({"share_rejected": [None, 0.9]}) == (("share_rejected", None, 0.9),)
    for wrong in (["share_rejected=0.8"], ["nope=0:1"], ["share_rejected=a:b"], ["share_rejected=0.9:0.1"]):
        with pytest.raises(ValueError, match="run bound"):
            parse_run_bounds(wrong)


def test_a_run_bound_replaces_the_declared_one(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")  # 1 of 6 rejected: within the default 0.5, over 0.1
    default = run_local([folder], tmp_path / "default")
    assert default["validation"]["run_success"] and default["validation"]["run_checks"]["failed"] == []
    strict = run_local([folder], tmp_path / "strict", limits=Limits(run_bounds=(("share_rejected", 0.0, 0.1),)))
    assert not strict["validation"]["run_success"]
    assert strict["validation"]["run_checks"]["failed"] == ["expect_column_values_to_be_between(share_rejected)"]
    assert strict["limits"]["run_bounds"] == (("share_rejected", 0.0, 0.1),)


def test_cli_refuses_a_wrong_run_bound() -> None:
    done = CliRunner().invoke(app, ["run", str(SEEDS), "--run-bound", "share_rejected=lots"])
    assert done.exit_code == 2 and "--run-bound" in done.output


def test_seeds_listed_twice_with_other_files_give_five_articles(prefect_harness, tmp_path: Path) -> None:
    folder = seeds_and_others(tmp_path / "in")
    shutil.rmtree(folder / "drafts")
    done = CliRunner().invoke(app, ["run", str(folder), str(folder), "--out", str(tmp_path / "out"),
                                    "--no-progress", "--workers", "0"])
    assert done.exit_code == 0, done.output
    manifest = run_manifest(tmp_path / "out")
    assert (manifest["inputs_seen"], manifest["articles"], manifest["rejected"]) == (5, 5, 0)
    assert manifest["skipped"] == 3 and sorted(Path(p).name for p in manifest["skipped_files"]) == sorted(NOT_PAGES)
    assert manifest["paths_listed_again"] == 8
    assert json.loads((tmp_path / "out" / "runs" / f"{manifest['run_id']}.json").read_text())["skipped"] == 3
