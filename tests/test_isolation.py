"""A document that kills the process cleaning it costs its own record, never the others' or the run."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

from newsclean.isolation import clean_isolated
from newsclean.pipeline import BatchContext, BatchResult, clean_paths
from newsclean.records import Reason
from tests.conftest import SEEDS

POISON = "poison"


def clean_or_die_on_poison(paths: list[str], context: BatchContext) -> BatchResult:
    """`clean_paths`, except that the process is killed at once (as by a segfault or the OOM killer) when the
    batch holds a file named POISON*. Module level, so a spawned child process can import it."""
    if any(Path(path).name.startswith(POISON) for path in paths):
        os.kill(os.getpid(), signal.SIGKILL)
    return clean_paths(paths, context)


def test_a_document_that_kills_its_process_is_rejected_and_the_others_are_cleaned(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.iterdir())[:2]
    for seed in seeds:
        shutil.copy(seed, tmp_path / seed.name)
    poison = tmp_path / f"{POISON}.txt"
    poison.write_bytes(seeds[0].read_bytes() + b"\nanother line, so other bytes than the seed's\n")
    paths = [str(tmp_path / seeds[0].name), str(poison), str(tmp_path / seeds[1].name)]
    context = BatchContext(roots=(str(tmp_path),))

    result = clean_isolated(paths, context, clean=clean_or_die_on_poison)

    [rejection] = result.rejections
    assert rejection.source_file == str(poison) and rejection.reason == Reason.EXTRACTION_FAILED
    assert rejection.detail == "the cleaning process died on this document"
    assert rejection.raw == poison.read_bytes()  # nothing lost: the raw bytes go to rejected/
    assert result.rejected_by_reason == {"extraction_failed": 1}
    # the other documents are cleaned as they are without the poison beside them, in input order
    alone = clean_paths([paths[0], paths[2]], context)
    assert [(a.source_file, a.title, a.body) for a in result.articles] == \
        [(a.source_file, a.title, a.body) for a in alone.articles]
    assert len(result.articles) == 2


def test_a_batch_cleans_whole_in_one_child_when_nothing_fails(tmp_path: Path) -> None:
    paths = [str(p) for p in sorted(SEEDS.iterdir())]
    result = clean_isolated(paths, BatchContext(), clean=clean_or_die_on_poison)
    reference = clean_paths(paths)
    assert [(a.doc_id, a.body) for a in result.articles] == [(a.doc_id, a.body) for a in reference.articles]
    assert len(result.articles) == 5 and result.rejections == []
    assert result.observed.sites == reference.observed.sites  # one child saw the whole batch: same learning
