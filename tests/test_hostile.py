"""Hostile inputs generated here (no committed binaries) through the whole flow: each ends with its reason."""

from __future__ import annotations

import gzip
import os
import random
from collections import Counter
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from newsclean.report import run_manifest
from newsclean.write import display_path
from tests.conftest import SEEDS

pytestmark = pytest.mark.e2e
SEED = next(SEEDS.glob("000*")).read_text(encoding="utf-8")


def write_hostile(folder: Path, variant: int = 0) -> dict[str, str]:
    """Write one of each hostile kind into `folder`; return {file name: expected reason or "article"}.

    `variant` makes every file's bytes different, so many corpora can share one run without duplicates.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(variant)
    tag = f"\nوقال مصدر مطلع في اتصال هاتفي إن الوثيقة رقم {variant} تتضمن تفاصيل إضافية لم تنشر من قبل.\n"
    article = SEED.replace("\n", tag, 1)
    paragraphs = [line for line in article.split("\n") if len(line) > 80]
    # <title> and og:title of one letter; the page's headline is the seed's
    one_letter_title = ("<html><head><title>X</title><meta property='og:title' content='X'></head><body><article>"
                        f"<h1>{SEED.split(chr(10), 1)[0]}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                        + "</article></body></html>")
    files: dict[str, tuple[bytes, str]] = {
        "empty.txt": (b"", "empty"),
        "spaces.txt": (" \n\u00a0\n\t".encode() + b" " * variant, "empty"),
        "random.bin.html": (bytes(rng.randrange(256) for _ in range(3000)), "not_text"),
        "image.txt": (b"\x89PNG\r\n\x1a\n" + rng.randbytes(500), "not_text"),
        "bomb.html": (gzip.compress(b"<p>" + b"a" * 60_000_000 + bytes([variant % 250])), "too_large"),
        "gzipped.html": (gzip.compress(article.encode("utf-8")), "article"),
        "windows-1256.txt": (article.encode("cp1256", "ignore"), "article"),
        "iso-8859-6.txt": (article.encode("iso-8859-6", "ignore"), "article"),
        "utf16-bom.txt": (article.encode("utf-16"), "article"),
        "mojibake.txt": (article.encode("utf-8").decode("latin-1").encode("utf-8"), "article"),
        "mixed-encodings.txt": (article[:1500].encode("utf-8") + article[1500:].encode("cp1256", "ignore"),
                                "article"),
        "nul-bytes.txt": ((article[:900] + "\x00" + article[900:1800] + "\x00" + article[1800:]).encode(), "article"),
        "one-letter-title.html": (one_letter_title.encode(), "article"),
        "nav-only.html": (f"<html><body><nav>Home | News | {variant}</nav></body></html>".encode(), "no_article"),
        "log.txt": ("\n".join(f"2025-01-0{variant % 9 + 1} 10:00:{i:02d} INFO ok" for i in range(60)).encode(),
                    "no_article"),
    }
    expected = {}
    for name, (data, reason) in files.items():
        (folder / name).write_bytes(data)
        expected[name] = reason
    os.mkfifo(folder / "pipe.txt")
    expected["pipe.txt"] = "unreadable"
    os.symlink("loop.txt", folder / "loop.txt")
    expected["loop.txt"] = "unreadable"
    os.symlink("/etc/hostname", folder / "outside.txt")
    expected["outside.txt"] = "outside_inputs"
    (folder / os.fsdecode(b"name-\xff\xfe.txt")).write_bytes(article.replace("الوثيقة", "المذكرة").encode())
    expected["name-\\xff\\xfe.txt"] = "article"
    return expected


def outcomes(out: Path) -> dict[str, str]:
    """File name -> "article" or its rejection reason."""
    found = {Path(r["source_file"]).name: "article"
             for r in ds.dataset(str(out / "articles")).to_table(columns=["source_file"]).to_pylist()}
    for row in ds.dataset(str(out / "rejected")).to_table(columns=["source_file", "reason"]).to_pylist():
        found[Path(row["source_file"]).name] = row["reason"]
    return found


def test_each_hostile_file_ends_with_its_reason(prefect_harness, tmp_path: Path) -> None:
    from flows.clean_news import clean_news

    expected = write_hostile(tmp_path / "in")
    state = clean_news(inputs=[str(tmp_path / "in")], out=str(tmp_path / "out"), batch_size=5, return_state=True)
    assert outcomes(tmp_path / "out") == expected
    manifest = run_manifest(tmp_path / "out")
    assert manifest["all_inputs_accounted"] and manifest["inputs_seen"] == len(expected)
    assert manifest["articles"] == 9  # the 7 decodings and names above, the NUL bytes and the one-letter title
    written = {Path(row["source_file"]).name: row for row in ds.dataset(str(tmp_path / "out" / "articles"))
               .to_table(columns=["source_file", "title", "repairs", "body"]).to_pylist()}
    assert written["nul-bytes.txt"]["repairs"] == ["nul_bytes"] and "\x00" not in written["nul-bytes.txt"]["body"]
    assert written["one-letter-title.html"]["title"] == SEED.split("\n", 1)[0]
    assert written["gzipped.html"]["repairs"] == ["gunzip"] and written["utf16-bom.txt"]["repairs"] == ["bom"]
    # most of this folder is hostile: everything is written, and the run says the batch looks wrong
    assert state.is_failed() and "share_rejected" in state.message


def test_a_thousand_good_files_and_a_hundred_hostile_ones_in_one_run(prefect_harness, tmp_path: Path) -> None:
    from flows.clean_news import clean_news

    good = tmp_path / "in" / "good"
    good.mkdir(parents=True)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir())]
    for number in range(1000):
        text = seeds[number % len(seeds)]
        extra = (f"\nوأفاد مراسلنا في التقرير رقم {number} بأن الأوضاع الميدانية شهدت تطورات متسارعة "
                 "خلال الساعات الماضية.\n")
        (good / f"good-{number:04d}.txt").write_text(text.replace("\n", extra, 1), encoding="utf-8")
    expected_hostile: Counter[str] = Counter()
    variant = 0
    while sum(expected_hostile.values()) < 100:
        folder = tmp_path / "in" / f"hostile-{variant}"
        kinds = write_hostile(folder, variant + 1)
        room = 100 - sum(expected_hostile.values())
        kept = [name for name, reason in kinds.items() if reason != "article"][:room]
        for path in folder.iterdir():  # keep only (up to 100 in all) hostile files
            if display_path(path.name) not in kept:
                path.unlink()
        expected_hostile.update(kinds[name] for name in kept)
        variant += 1

    manifest = clean_news(inputs=[str(tmp_path / "in")], out=str(tmp_path / "out"), batch_size=250)

    assert manifest["inputs_seen"] == 1100
    assert manifest["articles"] == 1000
    assert manifest["rejected_by_reason"] == dict(sorted(expected_hostile.items()))
    assert manifest["all_inputs_accounted"] is True
