"""Cleaning a batch in a child process, so that a document which kills the interpreter (a crash in a C
extension such as lxml, the kernel's OOM killer) costs its own record, never the run.

Used where a batch already failed once on a task runner (a worker process died, or the task raised): cleaning
it again in the flow's own process would let the same document kill the flow.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from newsclean.decode import read_input
from newsclean.pipeline import BatchContext, BatchResult, clean_paths, doc_id_for
from newsclean.records import RawDoc, Reason, Rejection

Cleaner = Callable[[list[str], BatchContext], BatchResult]


def clean_isolated(paths: list[str], context: BatchContext, clean: Cleaner = clean_paths,
                   start_method: str = "spawn") -> BatchResult:
    """Clean `paths` in a fresh child process; when the child dies or raises, clean each half the same way,
    down to single documents. A document that still fails alone becomes an `extraction_failed` rejection with
    its raw bytes; every other document ends as usual.

    Why halves: one bad document costs about 2 x log2(batch size) child processes (a few seconds each to start)
    instead of one per document. The halves learn the sites' chrome from their own documents only (plus the
    context's memory), so a batch that needed splitting may keep a template line another run removes.
    `clean`: the step run in the child (a module-level function, so a spawned child can import it).
    """
    if not paths:
        return BatchResult()
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(start_method)) as pool:
            return pool.submit(clean, paths, context).result()
    except Exception as error:  # the child died (BrokenProcessPool) or raised: either way, split
        if len(paths) == 1:
            return _failed(paths[0], context, error)
    middle = len(paths) // 2
    result = clean_isolated(paths[:middle], context, clean, start_method)
    result.add(clean_isolated(paths[middle:], context, clean, start_method))
    return result


def _failed(path: str, context: BatchContext, error: BaseException) -> BatchResult:
    """The rejection of a document whose cleaning failed even alone in its own process."""
    raw = read_input(path, context.limits, context.roots)
    result = BatchResult()
    if isinstance(raw, RawDoc):
        died = isinstance(error, BrokenProcessPool)
        detail = ("the cleaning process died on this document" if died
                  else f"cleaning failed in its own process: {type(error).__name__}: {error}")
        raw = Rejection(path, raw.sha256, Reason.EXTRACTION_FAILED, detail, raw.data, doc_id_for(raw.sha256))
    result.rejections.append(raw)
    return result
