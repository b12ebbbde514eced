"""Run limits and knobs, as one frozen record so every stage reads the same values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Limits:
    """Limits that keep hostile inputs from costing more than one rejected record."""

    max_input_bytes: int = 20 * 1024 * 1024  # larger files are rejected as too_large, never read whole
    max_decompressed_bytes: int = 50 * 1024 * 1024  # gzip bombs stop here
    max_line_chars: int = 20_000  # longer lines are cut: no paragraph is this long
    min_body_words: int = 30  # fewer body words than this is not an article
    max_seconds_per_document: float = 30.0  # a pathological page cannot stall its batch longer than this
    languages: tuple[str, ...] = ("ar", "en", "fr")


DEFAULT_LIMITS = Limits()
