"""Per-site memory of recurring lines: a line that many different articles of one site share is that site's
chrome, even when no lexicon rule knows it.

Why "different articles": a syndicated story copied onto one site three times repeats its paragraphs
three times, and those are body. Each document is known by its three longest lines; two documents sharing
any of them are one story (copies, and near-copies that differ in a quote mark or an ad line, do), and a
line counts once per story.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsclean.records import Extracted
from newsclean.textnorm import count_words, fold

# A line shared by this many distinct stories of one site is template.
MIN_STORIES = 3
# Longer lines are prose; template lines (menus, promos, disclaimers) are rarely this long.
MAX_LINE_WORDS = 30
# Bound the state file: per site, at most this many candidate lines are remembered.
MAX_LINES_PER_SITE = 5000
STATE_FILE = "site_memory.json"


def site_key(path: str, extracted: Extracted) -> str:
    """The site a document belongs to: its declared host or site name for HTML, else its folder."""
    if extracted.url:
        host = urlsplit(extracted.url).hostname
        if host:
            return host.removeprefix("www.")
    if extracted.site:
        return fold(extracted.site)
    return f"folder:{Path(path).parent.name}"


def story_keys(lines: Iterable[str], folded: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """The folded three longest lines of a document with their keys: copies of a story share some,
    different stories none but template lines. A template line (a cookie banner) may be among them, so a
    story is matched only on keys of lines that are not the site's template (see `SiteMemory.observe`).
    `folded`: the lines already folded, when the caller has them.

    Lines of equal length keep their order in the document (the sort is stable): taken from a set, they came in
    the set's order, which changes from one process to the next (str hashes are salted), and so did the keys
    and, through them, which lines of a site counted as its template."""
    longest = sorted(dict.fromkeys(folded if folded is not None else (fold(line) for line in lines)),
                     key=len, reverse=True)[:3]
    return [(line, hashlib.sha1(line.encode("utf-8")).hexdigest()[:12]) for line in longest]


@dataclass(slots=True)
class SiteMemory:
    """Folded candidate lines per site, each with the distinct stories it was seen in (capped)."""

    sites: dict[str, dict[str, list[list[str]]]] = field(default_factory=dict)

    def observe(self, site: str, lines: Iterable[str], folded_lines: Iterable[str] | None = None,
                word_counts: Iterable[int] | None = None) -> None:
        """Record one document's short lines under its site, once per story. `folded_lines`, `word_counts`:
        `fold` and `count_words` of each line, when the caller has them (the pipeline computes them once per
        document for this and for labelling)."""
        lines = list(lines)
        folds = list(folded_lines) if folded_lines is not None else [fold(line) for line in lines]
        words = list(word_counts) if word_counts is not None else [count_words(line) for line in lines]
        seen = self.sites.setdefault(site, {})
        # keys of lines the site already repeats say nothing about which story this is
        keys = [key for line, key in story_keys(lines, folds) if len(seen.get(line, ())) < MIN_STORIES]
        # in document order, not a set's: the order lines enter `seen` decides which survive `prune`
        for folded in dict.fromkeys(f for f, n in zip(folds, words, strict=True) if n <= MAX_LINE_WORDS):
            stories = seen.setdefault(folded, [])
            if len(stories) < MIN_STORIES and not any(set(keys) & set(story) for story in stories):
                stories.append(keys)

    def chrome_lines(self, site: str) -> frozenset[str]:
        """Lines of `site` seen in enough distinct stories to be its template."""
        return frozenset(line for line, stories in self.sites.get(site, {}).items() if len(stories) >= MIN_STORIES)

    def merge(self, other: SiteMemory) -> None:
        """Fold another memory (a batch's observations) into this one."""
        for site, lines in other.sites.items():
            seen = self.sites.setdefault(site, {})
            for line, stories in lines.items():
                merged = seen.setdefault(line, [])
                for story in stories:
                    if len(merged) < MIN_STORIES and not any(set(story) & set(known) for known in merged):
                        merged.append(story)

    def prune(self) -> None:
        """Keep each site's state bounded: learned lines first, then lines seen in more stories."""
        for site, lines in self.sites.items():
            if len(lines) > MAX_LINES_PER_SITE:
                kept = sorted(lines.items(), key=lambda item: -len(item[1]))[:MAX_LINES_PER_SITE]
                self.sites[site] = dict(kept)


def load_memory(state_dir: Path) -> SiteMemory:
    """The memory saved by earlier runs (empty when there is none or it is unreadable)."""
    path = state_dir / STATE_FILE
    try:
        return SiteMemory(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return SiteMemory()


def save_memory(memory: SiteMemory, state_dir: Path) -> None:
    """Write the memory atomically for the next run."""
    memory.prune()
    state_dir.mkdir(parents=True, exist_ok=True)
    temp = state_dir / f".{STATE_FILE}.tmp"
    temp.write_text(json.dumps(memory.sites, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, state_dir / STATE_FILE)
