"""Outputs on object storage: `--out s3://bucket/prefix` (a moto S3 server on loopback, through s3fs and botocore)
and any other fsspec URL (the in-memory filesystem), read back by every command that reads outputs."""

from __future__ import annotations

import glob
import json
import logging
import os
import posixpath
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.report import run_manifest
from newsclean.runs import latest_articles, run_local
from newsclean.storage import Store
from tests.conftest import SEED_GOLD, SEEDS

# columns that differ between two runs by construction
RUN_COLUMNS = ["run_id", "processed_at"]


@pytest.fixture(scope="module")
def s3_bucket() -> Iterator[str]:
    """A moto S3 server on a free loopback port with one bucket; AWS settings point at it, then are restored."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one log line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = {k: os.environ.get(k) for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION",
                                            "AWS_ENDPOINT_URL")}
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1",
                      AWS_ENDPOINT_URL=f"http://{host}:{port}")
    import boto3

    boto3.client("s3").create_bucket(Bucket="news")
    try:
        yield "news"
    finally:
        server.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _articles(location: str) -> list[dict]:
    table = latest_articles(location).drop_columns(RUN_COLUMNS)
    return sorted(table.to_pylist(), key=lambda row: row["doc_id"])


def _mirrors_left() -> list[str]:
    return glob.glob(os.path.join(tempfile.gettempdir(), "newsclean-state-*")) + glob.glob(
        os.path.join(tempfile.gettempdir(), "newsclean-validation-*"))


def test_a_run_on_s3_writes_what_a_local_run_writes(s3_bucket: str, tmp_path: Path) -> None:
    mirrors_before = set(_mirrors_left())
    local = run_local([SEEDS], tmp_path / "local")
    remote = run_local([SEEDS], f"s3://{s3_bucket}/same")
    assert (remote["articles"], remote["rejected"]) == (local["articles"], local["rejected"]) == (5, 0)
    assert _articles(f"s3://{s3_bucket}/same") == _articles(str(tmp_path / "local"))
    store = Store(f"s3://{s3_bucket}/same")
    # the manifest is committed to the bucket and names the Data Docs there; state is there for the next run
    assert run_manifest(store.url)["run_id"] == remote["run_id"]
    assert remote["validation"]["data_docs"] == f"s3://{s3_bucket}/same/validation/index.html"
    assert store.fs.exists(store.path("validation", "index.html"))
    for name in ("site_memory.json", "index.sqlite"):
        assert store.fs.exists(store.path("state", name)), name
    assert set(_mirrors_left()) == mirrors_before  # local mirrors of state and Data Docs are removed


def test_rerun_and_a_copy_next_day_use_the_state_kept_in_the_bucket(s3_bucket: str, tmp_path: Path) -> None:
    url = f"s3://{s3_bucket}/incremental"
    first = run_local([SEEDS], url)
    again = run_local([SEEDS], url)
    assert (again["new"], again["unchanged"], again["articles"]) == (0, 5, 0)
    # a republication the next day, under another site's chrome, is linked to the original written yesterday
    original = next(SEEDS.glob("004*")).read_text(encoding="utf-8").split("\n")
    later = tmp_path / "day2"
    later.mkdir()
    (later / "copy.txt").write_text("\n".join(["الرئيسية | أخبار | سياسة", "روسيا بلا خطة لإنقاذ الأسد",
                                               *original[4:-12], "جميع الحقوق محفوظة © 2025 موقع آخر"]),
                                    encoding="utf-8")
    run_local([later], url)
    rows = {Path(r["source_file"]).name: r for r in latest_articles(url).to_pylist()}
    assert len(rows) == first["articles"] + 1
    original_name = next(name for name in rows if name.startswith("004"))
    assert rows["copy.txt"]["near_duplicate_of"] == rows[original_name]["doc_id"]


def test_commands_read_outputs_from_the_bucket(s3_bucket: str, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "empty.txt").write_bytes(b"")
    url = f"s3://{s3_bucket}/cli"
    run_local([inputs], url)
    run_local([inputs], url, reprocess=True)  # a second version of every article, for compact
    runner = CliRunner()

    report = runner.invoke(app, ["report", url])
    assert report.exit_code == 0, report.output
    assert f"s3://{s3_bucket}/cli/validation/index.html" in report.output
    # each run wrote its report.html into the bucket: the second one's is there
    page = Store(url).read_text(Store(url).path("report.html"))
    second = run_manifest(url)["run_id"]
    assert f'<code id="run-id">{second}</code>' in page and 'href="validation/index.html"' in page
    rejected = runner.invoke(app, ["rejected", url])
    assert rejected.exit_code == 0 and "empty" in rejected.output  # the reason code (file names are cut short)
    found = Store(url).read_table("rejected", columns=["source_file", "reason"])
    assert found is not None and {(Path(f).name, r) for f, r in zip(*found.to_pydict().values(), strict=True)} == {
        ("empty.txt", "empty")}
    stories = runner.invoke(app, ["stories", url])
    assert stories.exit_code == 0 and "5 articles" in stories.output
    scored = runner.invoke(app, ["eval", str(SEED_GOLD), "--pred", url, "--quiet", "--min-macro-f1", "0.97"])
    assert scored.exit_code == 0, scored.output

    store = Store(url)
    assert len(store.files("articles")) == 2
    compacted = runner.invoke(app, ["compact", url])
    assert compacted.exit_code == 0 and "10 rows -> 5 rows" in compacted.output
    assert len(store.files("articles")) == 1 and store.count_rows(store.files("articles")) == 5


def test_the_flow_writes_to_any_fsspec_url(prefect_harness, tmp_path: Path) -> None:
    from flows.clean_news import clean_news

    url = "memory://newsclean-test/flow"
    manifest = clean_news(inputs=[str(SEEDS)], out=url, batch_size=2)
    store = Store(url)
    assert not store.is_local
    assert manifest["articles"] == 5 and manifest["batches"] == 3
    assert len(store.files("articles")) == 3
    committed = json.loads(store.read_text(store.files("runs", ".json")[-1]))
    assert committed["run_id"] == manifest["run_id"] and committed["all_inputs_accounted"]
    table = latest_articles(url)
    assert isinstance(table, pa.Table) and table.num_rows == 5
    assert _articles(url) == _articles_of_local_run(tmp_path)


def _articles_of_local_run(tmp_path: Path) -> list[dict]:
    run_local([SEEDS], tmp_path / "reference")
    return _articles(str(tmp_path / "reference"))


def test_a_file_url_is_a_local_folder(tmp_path: Path) -> None:
    manifest = run_local([SEEDS], f"file://{tmp_path}/out")
    assert Store(f"file://{tmp_path}/out").is_local
    assert manifest["validation"]["data_docs"] == f"{tmp_path}/out/validation/index.html"
    assert len(list((tmp_path / "out" / "articles").glob("*.parquet"))) == 1


def _failing_writer(handle) -> None:
    handle.write(b"PAR1 half a part")
    raise RuntimeError("disk full, cancelled, anything")


def test_a_writer_that_fails_leaves_no_object_and_no_temp_file(monkeypatch) -> None:
    store = Store("memory://newsclean-test/failing")
    with pytest.raises(RuntimeError):
        store.write("articles", "part.parquet", _failing_writer)
    assert not store.fs.exists(store.path("articles", "part.parquet"))
    # a filesystem with directories (sftp, hdfs...) gets a temp name renamed into place, never a partial file
    monkeypatch.setattr(Store, "is_object_store", property(lambda self: False))
    written = store.write("articles", "whole.parquet", lambda handle: handle.write(b"whole"))
    with pytest.raises(RuntimeError):
        store.write("articles", "broken.parquet", _failing_writer)
    assert store.fs.cat_file(written) == b"whole"
    assert sorted(posixpath.basename(p) for p in store.fs.find(store.path("articles"))) == ["whole.parquet"]


def test_a_local_file_gets_the_mode_a_plain_open_gives(tmp_path: Path) -> None:
    """Readers of an output folder are often other users (a downstream team, QA): not mkstemp's 0600."""
    plain = tmp_path / "plain"
    plain.write_bytes(b"x")
    written = Store(str(tmp_path / "out")).write("articles", "part.parquet", lambda handle: handle.write(b"x"))
    assert os.stat(written).st_mode & 0o777 == plain.stat().st_mode & 0o777


def test_mirrors_push_changes_and_deletions_and_refuse_keys_leaving_their_folder() -> None:
    store = Store("memory://newsclean-test/mirrors")
    store.fs.pipe(store.path("state", "old.json"), b"{}")
    store.fs.pipe(store.path("state", "keep.json"), b"1")
    local = store.local("state")
    (local / "old.json").unlink()  # e.g. a legacy state file migrated into the database
    (local / "new.json").write_text("2")
    assert store.push() == 2
    assert sorted(posixpath.basename(p) for p in store.fs.find(store.path("state"))) == ["keep.json", "new.json"]
    store.close()
    assert not local.exists()

    hostile = Store("memory://newsclean-test/hostile")
    hostile.fs.pipe(hostile.path("state") + "/../../escape.txt", b"x")
    with pytest.raises(ValueError, match="leaves"):
        hostile.local("state")
    hostile.close()


def test_a_run_allocates_arrow_memory_from_the_heap_it_trims(tmp_path: Path) -> None:
    """mimalloc (pyarrow's default) keeps freed memory where malloc_trim cannot give it back."""
    before = pa.default_memory_pool()
    pa.set_memory_pool(pa.mimalloc_memory_pool())
    try:
        manifest = run_local([str(SEEDS)], tmp_path / "out")
        assert manifest["articles"] == 5
        assert pa.default_memory_pool().backend_name == "system"
    finally:
        pa.set_memory_pool(before)
