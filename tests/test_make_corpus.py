"""The synthetic load-test corpus (benchmarks/make_corpus.py): counts, uniqueness, sizes, determinism, and what
newsclean makes of each kind of file."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import shutil
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pyarrow.dataset as ds
import pytest

from newsclean.runs import run_local

ROOT = Path(__file__).resolve().parent.parent
N, SEED, BAD_SHARE = 300, 7, 0.12  # more bad files than the default, so every bad kind shows up in 300


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


mc = _load()


def _files(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every document (corpus.json left out)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "corpus.json"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict[str, str]]:
    """300 documents written once for the module: folder, corpus.json, path -> kind."""
    out = tmp_path_factory.mktemp("corpus")
    mc.generate(out, N, SEED, 0.3, BAD_SHARE)
    planner = mc.Corpus(N, SEED, 0.3, BAD_SHARE)
    kinds = {plan.path: plan.kind for plan in mc.plans(planner)}
    return out, json.loads((out / "corpus.json").read_text(encoding="utf-8")), kinds


def test_counts_in_corpus_json_match_the_files(corpus: tuple[Path, dict[str, Any], dict[str, str]]) -> None:
    out, summary, kinds = corpus
    files = _files(out)
    assert sorted(files) == sorted(kinds)
    assert summary["counts"] == {kind: Counter(kinds.values())[kind] for kind in mc.KINDS}
    assert sum(summary["counts"].values()) == N == len(files)
    assert all(summary["counts"][kind] > 0 for kind in mc.KINDS)
    assert summary["expected"] == {"text": "article", "html": "article", "empty": "empty", "binary": "not_text",
                                   "cp1256": "article", "mojibake": "article"}
    folders = Counter(path.split("/")[0] for path in files)
    assert max(folders.values()) <= mc.FILES_PER_FOLDER and all(f.startswith("site-") for f in folders)


def test_every_file_is_unique(corpus: tuple[Path, dict[str, Any], dict[str, str]]) -> None:
    files = _files(corpus[0])
    assert len(set(files.values())) == len(files)


def test_sizes(corpus: tuple[Path, dict[str, Any], dict[str, str]]) -> None:
    out, _, kinds = corpus
    sizes = {path: (out / path).stat().st_size for path in kinds}
    html = [sizes[p] for p, kind in kinds.items() if kind == "html"]
    assert html and all(30 * 1024 <= size <= 150 * 1024 for size in html)
    assert all(1_000 <= sizes[p] <= 10_000 for p, kind in kinds.items() if kind == "text")
    assert min(sizes[p] for p, kind in kinds.items() if kind == "empty") == 0


def test_same_seed_same_bytes_other_seed_other_bytes(corpus: tuple[Path, dict[str, Any], dict[str, str]],
                                                     tmp_path: Path) -> None:
    mc.generate(tmp_path / "again", N, SEED, 0.3, BAD_SHARE)
    assert _files(tmp_path / "again") == _files(corpus[0])
    assert (tmp_path / "again" / "corpus.json").read_bytes() == (corpus[0] / "corpus.json").read_bytes()
    mc.generate(tmp_path / "other", 20, SEED + 1, 0.3, BAD_SHARE)
    shared = set(_files(tmp_path / "other").values()) & set(_files(corpus[0]).values())
    # only "empty" files (0 bytes, or whitespace that depends on the index alone) may recur across seeds
    assert all((tmp_path / "other" / p).stat().st_size < 64 for p, h in _files(tmp_path / "other").items()
               if h in shared)


def test_folders_stay_under_a_thousand_files_at_scale() -> None:
    planner = mc.Corpus(1_000_000)
    folders = Counter(planner.plan(index).path.split("/")[0] for index in range(50_000))
    assert max(folders.values()) <= mc.FILES_PER_FOLDER
    assert planner.plan(999_999).path.split("/")[1].split(".")[0] == "999999"


def test_newsclean_makes_articles_and_the_expected_rejections(corpus: tuple[Path, dict[str, Any], dict[str, str]],
                                                              tmp_path: Path) -> None:
    out, _, kinds = corpus
    by_kind: dict[str, list[str]] = {kind: sorted(p for p, k in kinds.items() if k == kind) for kind in mc.KINDS}
    sample = [p for kind in mc.BAD_KINDS for p in by_kind[kind][:5]]
    sample += by_kind["html"][:15]
    sample += by_kind["text"][:60 - len(sample)]
    assert len(sample) == 60
    for path in sample:  # same folders, so the site memory sees each site's documents together
        (tmp_path / "in" / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out / path, tmp_path / "in" / path)

    manifest = run_local([tmp_path / "in"], tmp_path / "out")

    good = [p for p in sample if mc.EXPECTED[kinds[p]] == "article"]
    expected_rejections = Counter(mc.EXPECTED[kinds[p]] for p in sample if p not in good)
    assert manifest["rejected_by_reason"] == dict(expected_rejections)
    assert manifest["articles"] == len(good)
    articles = ds.dataset(str(tmp_path / "out" / "articles")).to_table(columns=["source_file"]).column(0)
    rejected = ds.dataset(str(tmp_path / "out" / "rejected")).to_table(columns=["source_file", "reason"]).to_pylist()
    prefix = len(str(tmp_path / "in")) + 1
    assert Counter(kinds[name[prefix:]] for name in articles.to_pylist()) == Counter(kinds[p] for p in good)
    assert all(mc.EXPECTED[kinds[row["source_file"][prefix:]]] == row["reason"] for row in rejected)


def test_a_topical_corpus_is_one_event_undated_dumps_dated_pages_and_copies(tmp_path: Path) -> None:
    n = 400
    summary = mc.generate(tmp_path / "topical", n, SEED, 0.3, 0.03, topical=True, copy_share=0.05)
    planner = mc.Corpus(n, SEED, 0.3, 0.03, topical=True, copy_share=0.05)
    plans = list(mc.plans(planner))
    copies = [plan for plan in plans if plan.copy_of is not None]
    assert summary["copies"] == len(copies) and 0.02 * n <= len(copies) <= 0.08 * n
    for plan in copies:  # a copy has its original's body paragraphs, under its own site and chrome
        original = plans[plan.copy_of]
        assert original.copy_of is None and original.site.lang == plan.site.lang and original.index < plan.index
        copied = planner.article(planner.plan(plan.index)).paragraphs
        assert copied == planner.article(planner.plan(original.index)).paragraphs
    arabic = mc.load_pools()["ar"]
    topical_units = {arabic.units[i] for story in arabic.story_units[:mc.TOPICAL_STORIES] for i in story}
    assert set(planner.pools["ar"].units) == topical_units and len(topical_units) < len(arabic.units) / 2
    week = {mc.TOPICAL_WEEK.date() + dt.timedelta(days=d) for d in range(8)}
    for plan in plans[:120]:
        if plan.kind == "text":  # no date line: the site's date styles all name the year
            assert "2024" not in (tmp_path / "topical" / plan.path).read_text(encoding="utf-8").split("\n\n")[1]
        elif plan.kind == "html":
            assert planner.article(planner.plan(plan.index)).when.date() in week
