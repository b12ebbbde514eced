"""Run limits and knobs, as one frozen record so every stage reads the same values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Limits:
    """Limits that keep hostile inputs from costing more than one rejected record."""

    max_input_bytes: int = 20 * 1024 * 1024  # larger files are rejected as too_large, never read whole
    max_decompressed_bytes: int = 50 * 1024 * 1024  # gzip bombs stop here
    max_line_chars: int = 20_000  # longer lines are cut: no paragraph is this long
    min_body_words: int = 30  # fewer body words than this is not an article
    max_seconds_per_document: float = 30.0  # a pathological page cannot stall its batch longer than this
    # ISO 639-1 codes of the languages to keep; None keeps every language. An article in another language
    # is rejected as language_excluded (its `language` column says which language it is in).
    languages: tuple[str, ...] | None = None


DEFAULT_LIMITS = Limits()


_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def parse_languages(values: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """The `languages` option as Limits holds it: "ar,en" or ["ar", "en"] -> ("ar", "en"); None or nothing
    keeps every language. A value that is not a language code is an error, not a silent empty filter."""
    if values is None:
        return None
    items = values.split(",") if isinstance(values, str) else [part for v in values for part in v.split(",")]
    codes = tuple(dict.fromkeys(item.strip().lower() for item in items if item.strip()))
    wrong = [code for code in codes if not _LANGUAGE_CODE.match(code)]
    if wrong:
        raise ValueError(f"languages: {', '.join(wrong)} is not an ISO 639-1 code (e.g. ar,en,fr)")
    return codes or None
