"""The small typed records a document passes through, and the stable rejection reason codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsclean.listing import PageSignals


class Reason(StrEnum):
    """Why an input did not become an article. Codes are stable: downstream filters on them."""

    EMPTY = "empty"  # zero bytes, or only whitespace once decoded
    TOO_LARGE = "too_large"  # above the configured input size, not read whole
    NOT_TEXT = "not_text"  # binary content (images, archives, executables)
    UNDECODABLE = "undecodable"  # no charset gives clean text
    UNREADABLE = "unreadable"  # the file could not be read (permissions, vanished, link loop, not a regular file)
    OUTSIDE_INPUTS = "outside_inputs"  # a symlink to a file outside the input folders: not read
    NO_ARTICLE = "no_article"  # text, but nothing that looks like an article body
    LANGUAGE_EXCLUDED = "language_excluded"  # an article, in a language the run's `languages` does not keep
    DUPLICATE_INPUT = "duplicate_input"  # same bytes as another input of this run
    EXTRACTION_FAILED = "extraction_failed"  # the extractor raised
    TIMEOUT = "timeout"  # one document took longer than the configured time
    FAILED_VALIDATION = "failed_validation"  # an expectation of the article suite failed


@dataclass(slots=True, frozen=True)
class RawDoc:
    """An input file's bytes, as read, with where they came from."""

    path: str
    data: bytes
    sha256: str


@dataclass(slots=True, frozen=True)
class Decoded:
    """Text decoded from a RawDoc; `repairs` names what was fixed (bom, mojibake, ...)."""

    text: str
    encoding: str
    repairs: tuple[str, ...] = ()


@dataclass(slots=True, frozen=True)
class Extracted:
    """Candidate lines of one document, and whatever metadata the format itself declares."""

    format: str  # "html" | "text"
    lines: tuple[str, ...]
    title: str | None = None
    author: str | None = None
    site: str | None = None
    published: str | None = None  # the day the markup declares (trafilatura's htmldate), YYYY-MM-DD
    published_time: str | None = None  # the ISO 8601 timestamp it declares with a time (and offset), if any
    url: str | None = None
    signals: PageSignals | None = None  # HTML: what the page declares and how it is built (listing.py)


@dataclass(slots=True, frozen=True)
class Line:
    """One candidate line with its label. `rule` names what decided a non-body label."""

    index: int  # 1-based position among the document's candidate lines
    text: str
    label: str  # "title" | "body" | "meta" | "chrome"
    category: str | None = None  # chrome category or meta kind
    rule: str | None = None


@dataclass(slots=True)
class Article:
    """A cleaned article, ready to become one Parquet row."""

    doc_id: str
    source_file: str
    source_sha256: str
    format: str
    encoding: str
    language: str | None
    title: str | None
    body: str
    published_at: dt.datetime | None
    author: str | None
    source_name: str | None
    dateline: str | None
    n_chars: int
    n_words: int
    removed: list[dict[str, object]] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)  # what decoding repaired (Decoded.repairs)
    title_uncertain: bool = False  # no title found, or one sharing no content word with the body
    published_date: dt.date | None = None  # the publication date as the page states it
    published_time_known: bool = False  # published_at is the instant (time and zone known), not the date only
    body_search: str | None = None  # the body folded for search (duplicates.search_text)
    signature: bytes | None = None  # MinHash of body_search (duplicates.signature), for the copy index
    story_terms: tuple[dict[str, int], dict[str, int]] | None = None  # stories.story_terms of body_search
    checks: dict[str, Any] | None = None  # derived check values for validation (validate.check_values)
    near_duplicate_of: str | None = None  # doc_id of the earliest article this body copies
    near_duplicate_score: float | None = None  # estimated Jaccard similarity with it
    story_id: str | None = None  # articles telling the same story share it


@dataclass(slots=True)
class Rejection:
    """An input that is not an article, with a stable reason and its raw bytes, so nothing is lost."""

    source_file: str
    source_sha256: str
    reason: Reason
    detail: str
    raw: bytes
    doc_id: str | None = None
    first_line: str | None = None


def display_path(path: str) -> str:
    """A path as valid UTF-8 text: undecodable bytes of a file name (kept by the OS as surrogates) are shown
    as \\x escapes, since Parquet strings must be UTF-8."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
