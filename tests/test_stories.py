"""Syndicated copies and story clusters over cleaned bodies, and the search-ready body."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from newsclean.duplicates import search_text
from newsclean.runs import run_local
from tests.conftest import SEEDS, TEST_DATA

STORIES = TEST_DATA / "stories"


def test_search_text_folds_spelling_variants_and_keeps_the_paragraphs() -> None:
    body = "قالَ الرئيـــس إنّ أسعارَ الطاقة ارتفعت ٣٠٪ ،في إطار الأزمة\nسطرٌ ثانٍ على مستوى المدينة"
    assert search_text(body) == "قال الرييس ان اسعار الطاقه ارتفعت 30%, في اطار الازمه\nسطر ثان علي مستوي المدينه"


def test_an_exact_copy_under_other_chrome_points_to_its_original_within_and_across_runs(tmp_path: Path) -> None:
    original = next(SEEDS.glob("004*")).read_text(encoding="utf-8")
    lines = original.split("\n")
    copy = "\n".join(["الرئيسية | أخبار | سياسة", "روسيا بلا خطة لإنقاذ الأسد بحسب بلومبيرغ",
                      *lines[4:-12], "جميع الحقوق محفوظة © 2025 موقع آخر"])
    first, later = tmp_path / "day1", tmp_path / "day2"
    first.mkdir()
    later.mkdir()
    # no publication date on either page: the one listed first is taken as the original
    shutil.copy(next(SEEDS.glob("004*")), first / "a-original.txt")
    (first / "b-copy-same-run.txt").write_text(copy, encoding="utf-8")
    (later / "copy-next-day.txt").write_text(copy.replace("موقع آخر", "موقع ثالث"), encoding="utf-8")
    run_local([first], tmp_path / "out")
    run_local([later], tmp_path / "out")
    rows = {Path(r["source_file"]).name: r for r in ds.dataset(str(tmp_path / "out" / "articles")).to_table(
        columns=["source_file", "doc_id", "near_duplicate_of", "near_duplicate_score", "story_id"]).to_pylist()}
    assert len(rows) == 3  # nothing dropped or merged
    original_id = rows["a-original.txt"]["doc_id"]
    assert rows["a-original.txt"]["near_duplicate_of"] is None
    for name in ("b-copy-same-run.txt", "copy-next-day.txt"):
        assert rows[name]["near_duplicate_of"] == original_id
        assert rows[name]["near_duplicate_score"] >= 0.9
        assert rows[name]["story_id"] == rows["a-original.txt"]["story_id"]


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    """The labelled story set through the pipeline: labels by file, output rows by file."""
    out = tmp_path_factory.mktemp("stories")
    manifest = run_local([STORIES / "raw"], out)
    labels = {a["file"]: a for a in json.loads((STORIES / "labels.json").read_text())["articles"]}
    assert manifest["articles"] == len(labels) >= 30
    rows = {Path(r["source_file"]).name: r for r in ds.dataset(str(out / "articles")).to_table(
        columns=["source_file", "doc_id", "story_id", "near_duplicate_of"]).to_pylist()}
    return labels, rows


def pair_scores(labels: dict, predicted: dict, key: str, same_language: bool = False) -> tuple[float, float]:
    """Pair precision and recall of a clustering against the labels' `key` clusters."""
    pairs = [(a, b) for a, b in itertools.combinations(sorted(labels), 2)
             if not same_language or labels[a]["language"] == labels[b]["language"]]
    gold = {p for p in pairs if labels[p[0]][key] == labels[p[1]][key]}
    found = {p for p in pairs if predicted[p[0]] == predicted[p[1]]}
    return len(gold & found) / len(found), len(gold & found) / len(gold)


def test_story_clusters_on_the_labelled_set(labelled) -> None:
    labels, rows = labelled
    stories = {name: row["story_id"] for name, row in rows.items()}
    precision, recall = pair_scores(labels, stories, "story")
    same_precision, same_recall = pair_scores(labels, stories, "story", same_language=True)
    # Floors at what is measured today (issue 8 asks recall >= 0.8: not reached, see the README):
    # rewrites in another language share no tokens, so TF-IDF cannot link them.
    assert precision >= 0.95 and same_precision >= 0.95
    assert same_recall >= 0.95
    assert recall >= 0.5
    seeds = {name[:3]: story for name, story in stories.items() if name[:3] in {"000", "001", "002", "003", "004"}}
    assert seeds["000"] == seeds["001"] == seeds["002"]
    assert len({seeds["000"], seeds["003"], seeds["004"]}) == 3


def test_near_duplicates_on_the_labelled_set(labelled) -> None:
    labels, rows = labelled
    by_id = {row["doc_id"]: name for name, row in rows.items()}
    root = {name: by_id.get(row["near_duplicate_of"], name) for name, row in rows.items()}
    for name, label in labels.items():
        label["copy_root"] = label["copy_of"] or name
    precision, recall = pair_scores(labels, root, "copy_root")
    assert (precision, recall) == (1.0, 1.0)
