"""One document's way through: read, decode, extract, label, describe; and a batch of them, with counts."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

import py3langid

from newsclean import __version__
from newsclean.chrome.structure import label_lines
from newsclean.config import DEFAULT_LIMITS, Limits
from newsclean.decode import decode, read_input
from newsclean.extract import extract
from newsclean.metadata import describe
from newsclean.records import Article, RawDoc, Reason, Rejection
from newsclean.textnorm import count_words

PIPELINE_VERSION = __version__
STAGES = ("read", "decode", "extract", "classify", "metadata")


@dataclass(slots=True)
class BatchResult:
    """What a batch produced, and what each stage cost and counted (datatrove-style stats)."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    seconds: Counter[str] = field(default_factory=Counter)
    removed_by_category: Counter[str] = field(default_factory=Counter)
    rejected_by_reason: Counter[str] = field(default_factory=Counter)

    def merge(self, other: BatchResult) -> None:
        """Fold another batch's results into this one."""
        self.articles += other.articles
        self.rejections += other.rejections
        self.seconds.update(other.seconds)
        self.removed_by_category.update(other.removed_by_category)
        self.rejected_by_reason.update(other.rejected_by_reason)


@contextmanager
def _timed(seconds: Counter[str], stage: str):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[stage] += time.perf_counter() - start


def doc_id_for(sha256: str) -> str:
    """A stable id: the same input bytes always give the same id."""
    return sha256[:32]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the body's language (py3langid ships its model; nothing is downloaded)."""
    if not text.strip():
        return None
    language, _ = py3langid.classify(text[:4000])
    return str(language)


def clean_document(raw: RawDoc, limits: Limits = DEFAULT_LIMITS, site_chrome: frozenset[str] = frozenset(),
                   seconds: Counter[str] | None = None) -> Article | Rejection:
    """Decode, extract, label and describe one document: an Article, or a Rejection saying why not."""
    seconds = seconds if seconds is not None else Counter()
    with _timed(seconds, "decode"):
        decoded = decode(raw, limits)
    if isinstance(decoded, Rejection):
        return decoded
    with _timed(seconds, "extract"):
        try:
            extracted = extract(decoded, limits)
        except Exception as error:  # an extractor bug on one page must cost one record, not the run
            return Rejection(raw.path, raw.sha256, Reason.EXTRACTION_FAILED, f"{type(error).__name__}: {error}",
                             raw.data, doc_id_for(raw.sha256))
    first_line = next(iter(extracted.lines), None)
    with _timed(seconds, "classify"):
        labelled = label_lines(extracted.lines, title_hint=extracted.title, site_chrome=site_chrome)
    body_lines = [line.text for line in labelled.lines if line.label == "body"]
    body = "\n".join(body_lines)
    n_words = count_words(body)
    if not labelled.has_body or n_words < limits.min_body_words:
        detail = "no paragraph-like lines" if not labelled.has_body else f"body has {n_words} words"
        return Rejection(raw.path, raw.sha256, Reason.NO_ARTICLE, detail, raw.data, doc_id_for(raw.sha256),
                         first_line)
    with _timed(seconds, "metadata"):
        fields = describe(labelled, extracted)
        language = detect_language(body)
    if not fields.title:
        return Rejection(raw.path, raw.sha256, Reason.NO_ARTICLE, "no title found", raw.data,
                         doc_id_for(raw.sha256), first_line)
    removed = [
        {"line": line.index, "text": line.text,
         "category": line.category if line.label == "chrome" else f"meta:{line.category}", "rule": line.rule}
        for line in labelled.lines if line.label in ("chrome", "meta")
    ]
    return Article(
        doc_id=doc_id_for(raw.sha256), source_file=raw.path, source_sha256=raw.sha256, format=extracted.format,
        encoding=decoded.encoding, language=language, title=fields.title, body=body,
        published_at=fields.published_at, author=fields.author, source_name=fields.source_name,
        dateline=fields.dateline, n_chars=len(body), n_words=n_words, removed=removed,
    )


def clean_paths(paths: Iterable[str], limits: Limits = DEFAULT_LIMITS,
                site_chrome: frozenset[str] = frozenset()) -> BatchResult:
    """Clean a batch of files; every path ends as exactly one article or one rejection."""
    result = BatchResult()
    for path in paths:
        with _timed(result.seconds, "read"):
            raw = read_input(path, limits)
        try:
            outcome = raw if isinstance(raw, Rejection) else clean_document(raw, limits, site_chrome,
                                                                            result.seconds)
        except Exception as error:  # a bug on one document is a rejection with its trace, never a lost run
            assert isinstance(raw, RawDoc)
            outcome = Rejection(path, raw.sha256, Reason.EXTRACTION_FAILED, f"{type(error).__name__}: {error}",
                                raw.data, doc_id_for(raw.sha256))
        if isinstance(outcome, Rejection):
            result.rejections.append(outcome)
            result.rejected_by_reason[outcome.reason.value] += 1
        else:
            result.articles.append(outcome)
            result.removed_by_category.update(str(r["category"]) for r in outcome.removed)
    return result
