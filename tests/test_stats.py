"""One stats object for a run: the manifest, the Prefect artifact's rows and the benchmark read the same counts."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds

from newsclean.report import manifest_rows
from newsclean.runs import run_local
from newsclean.stats import LINES_REMOVED, LINES_SEEN, REMOVED, Stats
from tests.conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent


def test_stats_merge_adds_seconds_and_counts_and_survive_the_manifest() -> None:
    batch, other = Stats(), Stats()
    with batch.timed("decode"):
        pass
    batch.count(REMOVED + "nav", 3)
    other.count(REMOVED + "nav")
    other.count(REMOVED + "share", 2)
    other.seconds["decode"] += 1.5
    batch.merge(other)
    assert batch.group(REMOVED) == {"nav": 4, "share": 2} and batch.total(REMOVED) == 6
    assert 1.5 <= batch.seconds["decode"] < 1.6
    again = Stats.from_dict(batch.as_dict())
    assert again.counts == batch.counts and abs(again.seconds["decode"] - batch.seconds["decode"]) < 1e-4


def _bench_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_manifest_artifact_and_benchmark_count_the_same_lines_and_seconds(tmp_path: Path) -> None:
    """A copy of a seed is cleaned, then quarantined as duplicate_input: its removed lines count nowhere, its
    rejection does; removed_by_category, the run-level share and the written rows agree."""
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs / "seeds")
    (inputs / "zz-copy.txt").write_bytes(next(SEEDS.glob("001*")).read_bytes())
    manifest = run_local([inputs], tmp_path / "out", batch_size=3)

    assert manifest["rejected_by_reason"] == {"duplicate_input": 1}
    written = ds.dataset(str(tmp_path / "out" / "articles")).to_table(columns=["removed"]).to_pylist()
    removed = Counter(line["category"] for row in written for line in row["removed"])
    assert manifest["removed_by_category"] == dict(removed) and sum(removed.values()) > 20
    counts = manifest["stats"]["counts"]
    assert counts[LINES_REMOVED] == sum(removed.values())
    share = manifest["validation"]["run_checks"]["values"]["share_lines_removed"]
    assert share == counts[LINES_REMOVED] / counts[LINES_SEEN]

    rows = manifest_rows(manifest)  # the Prefect table artifact
    assert {r["name"]: r["count"] for r in rows if r["what"] == "removed"} == dict(removed)
    stages = {r["name"]: r["count"] for r in rows if r["what"] == "stage seconds"}
    assert set(stages) >= {"read", "decode", "extract", "classify", "metadata", "link", "validate", "write"}
    assert stages == manifest["stage_seconds"]
    assert _bench_module().stage_seconds(manifest) == manifest["stage_seconds"]


def test_the_benchmark_gives_each_stages_cost_per_10k_documents_along_the_run() -> None:
    bench = _bench_module()
    # 20 batches of 500 documents; link costs 1 s a batch more each batch, decode a flat 2 s
    progress = [{"batch": b, "seconds": 3.0 * (b + 1), "rss_mb": 400.0 + b, "inputs": 500 * (b + 1),
                 "stage_seconds": {"decode": 2.0 * (b + 1), "link": sum(range(1, b + 2))}} for b in range(20)]
    windows = bench.stage_costs_along(progress)
    assert len(windows) == 10 and [w["documents"] for w in windows] == [1000] * 10
    assert windows[0]["first_document"] == 1 and windows[-1]["last_document"] == 10_000
    assert [w["seconds_per_10k"]["decode"] for w in windows] == [40.0] * 10  # 4 s per 1,000 documents
    assert windows[0]["seconds_per_10k"]["link"] == 30.0 and windows[-1]["seconds_per_10k"]["link"] == 390.0
    assert windows[-1]["rss_mb"] == 419.0
