"""The clean-news flow end to end through Prefect (one test server for the session)."""

from __future__ import annotations

import json
import shutil

import pyarrow.dataset as ds
import pytest

from newsclean.runs import run_local
from tests.conftest import SEEDS

pytestmark = pytest.mark.e2e


def titles_and_bodies(out) -> list[tuple[str, str]]:
    table = ds.dataset(str(out / "articles")).to_table(columns=["title", "body"])
    return sorted((row["title"], row["body"]) for row in table.to_pylist())


def test_flow_writes_every_input_once_and_matches_the_library(prefect_harness, tmp_path) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from flows.clean_news import clean_news

    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs / "seeds")
    (inputs / "bad").mkdir()
    (inputs / "bad" / "empty.txt").write_bytes(b"")
    (inputs / "bad" / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (inputs / "bad" / "nav.html").write_text("<html><body><nav>Home | News | Sport</nav></body></html>")
    (inputs / "bad" / "copy.txt").write_bytes(next(SEEDS.glob("001*")).read_bytes())

    out = tmp_path / "out"
    state = clean_news(inputs=[str(inputs)], out=str(out), batch_size=3, return_state=True)
    manifest = state.result()

    assert manifest["inputs_seen"] == 9 and manifest["articles"] == 5 and manifest["rejected"] == 4
    assert manifest["rejected_by_reason"] == {"duplicate_input": 1, "empty": 1, "no_article": 1, "not_text": 1}
    assert manifest["all_inputs_accounted"] is True
    assert manifest["batches"] == 3
    assert json.loads((out / "runs" / f"{manifest['run_id']}.json").read_text())["articles"] == 5
    rejected = ds.dataset(str(out / "rejected")).to_table().to_pylist()
    assert {r["source_file"].rsplit("/", 1)[-1]: len(r["raw"]) for r in rejected}["image.html"] == 308

    reference = tmp_path / "reference"
    run_local([inputs / "seeds"], reference)
    assert titles_and_bodies(out) == titles_and_bodies(reference)

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    assert {a.key for a in artifacts} == {"clean-news-summary", "clean-news-counts"}
    summary = next(a for a in artifacts if a.key == "clean-news-summary")
    assert manifest["run_id"] in summary.data and "duplicate_input" in summary.data
