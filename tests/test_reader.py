"""newsclean.read_articles: the latest version of each source file, story merges applied, local or fsspec."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest

import newsclean
from newsclean.reader import resolve_merges
from newsclean.runs import compact, run_local
from newsclean.schema import arrow_schema
from newsclean.storage import Store
from tests.conftest import ROOT, SEEDS

STORIES = ROOT / "tests" / "data" / "stories" / "raw"


def copy_files(folder: Path, files: list[Path]) -> list[Path]:
    folder.mkdir(parents=True)
    return [Path(shutil.copy(path, folder)) for path in files]


def test_after_a_rerun_that_changed_one_seed_the_reader_has_the_latest_row_per_source_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    files = copy_files(tmp_path / "seeds", sorted(SEEDS.iterdir()))
    first = run_local(["seeds"], "output")
    files[3].write_text(files[3].read_text(encoding="utf-8") + "\nفقرة أضيفت إلى الصفحة بعد نشرها بساعة",
                        encoding="utf-8")
    second = run_local(["seeds"], "output")
    assert (second["new"], second["unchanged"], second["articles"]) == (1, 4, 1)

    frame = newsclean.read_articles("output")
    assert isinstance(frame, pl.LazyFrame)
    latest = frame.collect()
    assert latest.height == 5 and latest["source_file"].n_unique() == 5
    assert latest.columns == arrow_schema("articles").names
    runs = dict(zip(latest["source_file"].map_elements(lambda s: Path(s).name, return_dtype=pl.String),
                    latest["run_id"], strict=True))
    assert runs == {f.name: second["run_id"] if f == files[3] else first["run_id"] for f in files}
    assert newsclean.read_articles("output", latest=False).collect().height == 6
    # the reader is lazy: a filter and a projection are planned, not read eagerly
    changed = (newsclean.read_articles("output").filter(pl.col("run_id") == second["run_id"])
               .select("source_file", "source_sha256").collect())
    assert changed.rows() == [(str(Path("seeds") / files[3].name), hashlib.sha256(files[3].read_bytes()).hexdigest())]


def test_a_later_run_that_bridges_two_stories_is_read_merged_and_compacted_merged(tmp_path: Path) -> None:
    # day 1: two reports of the fall of Assad that are not similar enough to share a story (002, 026); day 2:
    # four more reports of it, similar to both, merge the two stories. Rows of day 1 keep the id they were
    # written with; the reader gives the story they belong to now.
    copy_files(tmp_path / "day1", [next(STORIES.glob(f"{n}_*.txt")) for n in ("002", "026")])
    copy_files(tmp_path / "day2", [next(STORIES.glob(f"{n}_*.txt")) for n in ("000", "001", "027", "038")])
    out = tmp_path / "out"
    run_local([tmp_path / "day1"], out)
    run_local([tmp_path / "day2"], out)

    def stories(merged: bool) -> dict[str, str]:
        frame = newsclean.read_articles(out, stories_merged=merged).select("source_file", "story_id").collect()
        return {Path(name).name[:3]: story for name, story in frame.iter_rows()}

    written, now = stories(False), stories(True)
    assert written["002"] != written["026"]
    assert now["002"] == now["026"] == now["000"] == now["027"] == now["038"]
    assert {name for name in written if written[name] != now[name]} == {"002"}
    assert compact(out) == (6, 6)
    assert stories(False) == now


def test_merge_chains_resolve_to_their_end() -> None:
    assert resolve_merges({"a": "b", "b": "c", "d": "c", "e": "f"}) == {"a": "c", "b": "c", "d": "c", "e": "f"}
    assert resolve_merges({}) == {}
    looped = resolve_merges({"a": "b", "b": "a"})  # never written by the index; must not hang
    assert set(looped) == {"a", "b"} and len(set(looped.values())) == 1


def test_an_fsspec_url_reads_like_a_local_folder(tmp_path: Path) -> None:
    copy_files(tmp_path / "in", sorted(SEEDS.iterdir()))
    run_local([tmp_path / "in"], tmp_path / "out")
    run_local([tmp_path / "in"], "memory://reader-test/out")
    varying = ["pipeline_version", "run_id", "processed_at"]
    local = newsclean.read_articles(tmp_path / "out").drop(varying).collect()
    remote = newsclean.read_articles("memory://reader-test/out").drop(varying).collect()
    assert remote.height == 5 and remote.equals(local)


def test_an_output_without_articles_reads_as_an_empty_frame_with_the_declared_columns(tmp_path: Path) -> None:
    empty = newsclean.read_articles(tmp_path / "nothing-here").collect()
    assert empty.height == 0 and empty.columns == arrow_schema("articles").names


@pytest.mark.parametrize("where", ["local", "memory"])
def test_parts_written_before_a_column_was_declared_read_with_it_null(tmp_path: Path, where: str) -> None:
    import pyarrow.parquet as pq

    out = str(tmp_path / "out") if where == "local" else "memory://reader-test/old-parts"
    copy_files(tmp_path / "in", sorted(SEEDS.iterdir()))
    run_local([tmp_path / "in"], out)
    store = Store(out)
    for part in store.files("articles"):  # as an older version wrote them: no repairs, and a column since dropped
        with store.fs.open(part, "rb") as handle:
            table = pq.read_table(handle)
        table = table.drop_columns(["repairs"]).append_column("dropped_since", pa.array(["x"] * table.num_rows))
        with store.fs.open(part, "wb") as handle:
            pq.write_table(table, handle)
    frame = newsclean.read_articles(out).collect()
    assert frame.columns == arrow_schema("articles").names
    assert frame.height == 5 and frame["repairs"].null_count() == 5
    assert frame["title"].null_count() < 5
