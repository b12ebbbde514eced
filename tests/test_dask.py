"""Scale-out: the flow's batches on a dask.distributed cluster (2 worker processes on loopback) give the same
output as a local run."""

from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds
import pytest

from tests.conftest import SEEDS, TEST_DATA

pytestmark = pytest.mark.e2e


def records(out: Path) -> list[tuple]:
    columns = ["source_file", "title", "body", "published_at", "author", "source_name", "language"]
    table = ds.dataset(str(out / "articles")).to_table(columns=columns)
    rejected = ds.dataset(str(out / "rejected")).to_table(columns=["source_file", "reason"])
    return sorted(tuple(r.values()) for r in table.to_pylist()) + sorted(
        tuple(r.values()) for r in rejected.to_pylist())


def test_dask_cluster_output_equals_local_output(prefect_harness, tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    from flows.clean_news import clean_news

    inputs = [str(SEEDS), str(TEST_DATA / "raw")]
    local = clean_news(inputs=inputs, out=str(tmp_path / "local"), batch_size=4)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        distributed = clean_news(inputs=inputs, out=str(tmp_path / "dask"), batch_size=4,
                                 dask_address=cluster.scheduler_address)
        assert len(cluster.workers) == 2
    assert distributed["articles"] == local["articles"] == 28
    assert distributed["batches"] == local["batches"] == 8
    assert distributed["batches_recleaned"] == 0  # every batch was cleaned on the cluster, none in the flow
    assert records(tmp_path / "dask") == records(tmp_path / "local")
