"""Quality floors, enforced through `newsclean eval` (trafilatura-style golden evaluation in CI)."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.evaluate import load_predictions, score
from newsclean.runs import run_local
from tests.conftest import SEED_GOLD, SEEDS, SHARED, TEST_DATA

runner = CliRunner()


def test_seeds_meet_the_quality_floor() -> None:
    result = runner.invoke(app, ["eval", str(SEED_GOLD), "--raw", str(SEEDS), "--min-macro-f1", "0.99",
                                 "--max-leaks", "0", "--min-titles", "1.0", "--max-lost", "0",
                                 "--max-wrong-rejects", "0"])
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    assert "titles=5/5" in summary and "leaks=0" in summary and "meta=6/6" in summary


def test_eval_fails_under_its_thresholds() -> None:
    result = runner.invoke(app, ["eval", str(SEED_GOLD), "--raw", str(SEEDS), "--min-macro-f1", "1.01", "-q"])
    assert result.exit_code == 1
    assert "below threshold" in result.output


def test_eval_agrees_with_the_shared_scorer(tmp_path) -> None:
    run_local([SEEDS], tmp_path)
    ours = score(SEED_GOLD, load_predictions(tmp_path)).line(scorer_format=True)
    theirs = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(SEED_GOLD), str(tmp_path)],
                            capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    assert ours == theirs


def test_own_test_set_meets_the_quality_floor() -> None:
    """25 documents written before the rules (Arabic from six regions, English, French; text and HTML)."""
    gold = TEST_DATA / "gold"
    documents = len(list(gold.glob("*.json")))
    assert documents >= 20
    result = runner.invoke(app, ["eval", str(gold), "--min-macro-f1", "0.97", "--min-recall", "0.99",
                                 "--max-leaks", str(documents // 20), "--max-lost", "0",
                                 "--max-wrong-rejects", "0", "-q"])
    assert result.exit_code == 0, result.output


def test_eval_reports_titles_na_where_the_gold_has_none(tmp_path) -> None:
    """Page dumps label no title: eval scores them and says n/a, not 0, and --min-titles does not fail on it."""
    bench = SHARED / "bench" / "page-dumps"
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in sorted((bench / "gold").glob("*.json"))[:2]:
        (gold / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--raw", str(bench / "raw"), "--min-titles", "1.0"])
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    assert "titles=n/a" in summary and "lost=0" in summary
    assert result.output.count("n/a") == 3  # one a page in the table, and the summary
