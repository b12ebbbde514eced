"""Shared fixtures: paths to the seeds and gold, and one Prefect test server per session (never ~/.prefect)."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from newsclean.pipeline import BatchResult, clean_paths
from newsclean.records import Article
from newsclean.runs import finish_run, settle_batch, start_run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
SEED_GOLD = SHARED / "gold" / "seeds"
TEST_DATA = Path(__file__).resolve().parent / "data"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def seed_text(prefix: str) -> str:
    """The text of the seed whose name starts with `prefix`."""
    return next(SEEDS.glob(f"{prefix}*")).read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def empty_user_cache(tmp_path_factory: pytest.TempPathFactory):
    """An empty user cache folder: no run of the tests finds the Data Docs' files that a `newsclean assets` of
    the user left in theirs."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    yield
    if before is None:
        os.environ.pop("XDG_CACHE_HOME")
    else:
        os.environ["XDG_CACHE_HOME"] = before


def edited_seed_copies(folder: Path, count: int, bad_every: int = 0) -> list[Path]:
    """`count` text dumps in `folder` (doc-00000.txt ...), each a seed with one sentence of its own after the
    first line, so every copy is an article of its own; with `bad_every`, every such file is binary instead
    (rejected as not_text), so batches write a rejected part beside their articles."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"doc-{number:05d}.txt"
        if bad_every and number % bad_every == bad_every - 1:
            path.write_bytes(bytes(range(256)) * 8 + number.to_bytes(4, "big"))
        else:
            extra = (f"\nوقال شاهد عيان في الإفادة رقم {number} إن المنطقة شهدت حركة غير اعتيادية منذ ساعات "
                     "الصباح الأولى.\n")
            path.write_text(seeds[number % len(seeds)].replace("\n", extra, 1), encoding="utf-8")
        paths.append(path)
    return paths


def seeds_with_bad_files(folder: Path, binary_name: str = "blob.bin.txt") -> Path:
    """A copy of the seeds in `folder`, with an empty file and a binary file beside them."""
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / binary_name).write_bytes(bytes(range(256)) * 8)
    return folder


@pytest.fixture(scope="session")
def prefect_harness(tmp_path_factory: pytest.TempPathFactory):
    """A temporary Prefect server and database for the whole session: started once, stopped at the end."""
    os.environ["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect_home"))
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture(scope="session")
def planted_run(tmp_path_factory: pytest.TempPathFactory):
    """Seeds plus five planted bad records through settle_batch, as the flow calls it."""
    out = tmp_path_factory.mktemp("validated")
    result = clean_paths(sorted(str(p) for p in SEEDS.iterdir()))
    good = result.articles[0]

    def plant(**changes: object) -> Article:
        # what the pipeline computed from the good body (search text, signature, check values) is cleared:
        # settle_batch computes it again from the planted one
        return dataclasses.replace(good, **changes, body_search=None, signature=None, story_terms=None,
                                   checks=None)

    planted = {
        "cookie": plant(doc_id="p-cookie", source_file="cookie.txt",
                        body=good.body + "\nنستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا"),
        "no_title": plant(doc_id="p-title", source_file="notitle.txt", title=""),
        "mojibake": plant(doc_id="p-moji", source_file="moji.txt",
                          body=good.body.encode("utf-8").decode("cp1252", "ignore")),
        "html": plant(doc_id="p-html", source_file="html.txt",
                      body="<div><p>" + "</p><p>".join(good.body.split("\n")) + "</p></div>"),
        "duplicate": dataclasses.replace(good, source_file="copy-of-000.txt"),
    }
    batch = BatchResult(articles=[*result.articles, *planted.values()])
    run = start_run(out)
    stats = settle_batch(run, batch, 0)
    manifest = finish_run(run)
    rejected = {r["source_file"]: r for r in ds.dataset(str(out / "rejected")).to_table().to_pylist()}
    return out, stats, manifest, rejected


def stump(feature: int, threshold: float, low: float, high: float) -> dict:
    """One exported tree of depth 1 (`newsclean.trees`' format): `low` when the feature is <= threshold, else
    `high`."""
    return {"feature": [feature, -1, -1], "threshold": [threshold, 0.0, 0.0], "left": [1, -1, -1],
            "right": [2, -1, -1], "value": [0.0, low, high]}
