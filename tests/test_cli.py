"""The reading commands as a person uses them: report --run, rejected in three formats with whole paths,
stories, --version."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.runs import run_local
from tests.conftest import SEED_GOLD, SEEDS

runner = CliRunner()
LONG_FOLDER = "a folder whose name is long enough that no 80-column table could show it whole/and one more level"


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict, dict[str, str]]:
    """Run 1: the seeds, an empty file and a binary one; run 2: a short file deep in a long folder."""
    base = tmp_path_factory.mktemp("cli")
    inputs = base / "in"
    inputs.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        shutil.copy(seed, inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "blob.bin.txt").write_bytes(bytes(range(256)) * 8)
    first = run_local([inputs], base / "out")
    deep = inputs / LONG_FOLDER
    deep.mkdir(parents=True)
    (deep / "a line only.txt").write_text("Breaking: a single line.\n", encoding="utf-8")
    second = run_local([inputs], base / "out")
    expected = {str(inputs / "empty.txt"): "empty", str(inputs / "blob.bin.txt"): "not_text",
                str(deep / "a line only.txt"): "no_article"}
    return base / "out", first, second, expected


def first_column(table: str) -> list[str]:
    """The first column's cells of a Rich table with lines between rows, each folded cell joined again
    (without whitespace: a fold drops the space it breaks at)."""
    cells, current = [], ""
    for line in table.splitlines():
        if line.startswith("│"):
            current += re.sub(r"\s+", "", line.split("│")[1])
        elif current and line[:1] in ("├", "└"):
            cells.append(current)
            current = ""
    return cells


def test_version_prints_the_installed_version() -> None:
    done = runner.invoke(app, ["--version"])
    assert done.exit_code == 0 and done.output.strip() == f"newsclean {version('newsclean')}"


def test_rejected_as_csv_and_json_has_every_rejected_input_with_its_whole_path(two_runs) -> None:
    out, first, second, expected = two_runs
    as_csv = runner.invoke(app, ["rejected", str(out), "--format", "csv"])
    assert as_csv.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(as_csv.output)))
    assert {row["source_file"]: row["reason"] for row in rows} == expected
    assert {row["run_id"] for row in rows} == {first["run_id"], second["run_id"]}
    as_json = runner.invoke(app, ["rejected", str(out), "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output) == [{**row, "first_line": row["first_line"] or None} for row in rows]
    only = json.loads(runner.invoke(app, ["rejected", str(out), "--format", "json", "--run", second["run_id"]]).output)
    assert [(row["source_file"], row["reason"]) for row in only] == [
        (path, reason) for path, reason in expected.items() if reason == "no_article"]


def test_rejected_as_a_table_folds_long_paths_and_cuts_nothing(two_runs) -> None:
    out, first, second, expected = two_runs
    done = runner.invoke(app, ["rejected", str(out)], env={"COLUMNS": "80"})
    assert done.exit_code == 0
    assert max(len(line) for line in done.output.splitlines()) <= 80
    assert "…" not in done.output
    assert sorted(first_column(done.output)) == sorted(re.sub(r"\s+", "", path) for path in expected)
    assert f"run {first['run_id']}" in done.output and f"run {second['run_id']}" in done.output


def test_report_shows_the_latest_run_or_the_one_asked_for(two_runs) -> None:
    out, first, second, _expected = two_runs
    latest = runner.invoke(app, ["report", str(out)])
    assert latest.exit_code == 0 and second["run_id"] in latest.output and first["run_id"] not in latest.output
    assert "dataset now: 5 articles" in latest.output and "2 runs" in latest.output
    earlier = runner.invoke(app, ["report", str(out), "--run", first["run_id"]])
    assert earlier.exit_code == 0 and first["run_id"] in earlier.output
    assert re.search(r"articles: 5\b", earlier.output) and re.search(r"rejected: 2\b", earlier.output)
    by_prefix = runner.invoke(app, ["report", str(out), "--run", first["run_id"][:-2]])
    assert by_prefix.exit_code == 0 and first["run_id"] in by_prefix.output
    unknown = runner.invoke(app, ["report", str(out), "--run", "19990101"])
    assert unknown.exit_code == 2 and "no run with id '19990101'" in unknown.output


def test_stories_lists_the_seeds_story(two_runs) -> None:
    out, *_ = two_runs
    done = runner.invoke(app, ["stories", str(out)])
    # seeds 000-002 tell one story, 003 and 004 others (tests/data/stories/README.md)
    assert done.exit_code == 0 and "3 stories over 5 articles" in done.output


MARKUP = "[bold] [/button] :smile:"
NAME = "[bold]seed[i].txt"


@pytest.fixture(scope="module")
def markup_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """An article whose file name, title and one paragraph hold rich markup (the gold calls that paragraph
    chrome, so eval prints it as a leak), a rejected file holding it, an output folder named with it; returns
    (inputs, gold folder, output)."""
    base = tmp_path_factory.mktemp("markup")
    inputs, gold = base / "in", base / "gold"
    inputs.mkdir()
    gold.mkdir()
    seed = next(SEEDS.glob("000*"))
    labels = json.loads((SEED_GOLD / seed.with_suffix(".json").name).read_text(encoding="utf-8"))
    paragraph = next(line for line in labels["lines"] if line["label"] == "body")
    title, rest = seed.read_text(encoding="utf-8").split("\n", 1)
    rest = rest.replace(paragraph["text"], f"{paragraph['text']} {MARKUP}", 1)
    paragraph.update(text=f"{paragraph['text']} {MARKUP}", label="chrome:share")
    (inputs / NAME).write_text(f"{MARKUP} {title}\n{rest}", encoding="utf-8")
    (inputs / "[bold].txt").write_text(f"{MARKUP}\n", encoding="utf-8")
    (gold / "seed.json").write_text(json.dumps({**labels, "file": NAME}, ensure_ascii=False), encoding="utf-8")
    out = base / f"out {MARKUP}"
    run_local([inputs], out)
    return inputs, gold, out


def test_document_text_holding_rich_markup_is_printed_as_it_is(markup_run) -> None:
    inputs, gold, out = markup_run
    wide = {"COLUMNS": "250"}
    scored = runner.invoke(app, ["eval", str(gold), "--raw", str(inputs)], env=wide)
    assert scored.exit_code == 0, scored.output
    assert NAME in scored.output and "leaks=2 lost=0" in scored.output
    reported = runner.invoke(app, ["report", str(out)], env=wide)
    assert reported.exit_code == 0, reported.output
    assert f"out {MARKUP}" in reported.output and "dataset now: 1 articles" in reported.output
    listed = runner.invoke(app, ["rejected", str(out)], env=wide)
    assert listed.exit_code == 0, listed.output
    assert MARKUP in listed.output and "[bold].txt" in listed.output
    told = runner.invoke(app, ["stories", str(out), "--min-size", "1"], env=wide)
    assert told.exit_code == 0, told.output
    assert MARKUP in told.output and "1 stories over 1 articles" in told.output
