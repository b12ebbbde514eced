"""Per-site memory of recurring lines: a line that many different articles of one site share is that site's
chrome, even when no lexicon rule knows it.

Why "different articles": a syndicated story copied onto one site three times, or one page captured again and
again with a changed counter or a corrected sentence, repeats its title and paragraphs each time, and those
are the article. Each document is known by keys of its three longest lines that survive small edits (a
MinHash of each line's opening, `story_keys`); two documents sharing any key are one story, and a line counts
once per story.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from urllib.parse import urlsplit

from newsclean.duplicates import shingles
from newsclean.records import Extracted
from newsclean.textnorm import count_words, fold

# A line shared by this many distinct stories of one site is template.
MIN_STORIES = 3
# Longer lines are prose; template lines (menus, promos, disclaimers) are rarely this long.
MAX_LINE_WORDS = 30
# Bounds, so the memory (kept in RAM all run, shipped to every batch, saved between runs) stays flat however
# large the corpus and however many sites or folders it spans:
# - learned template lines per site (a site's template has tens of lines; this only stops a runaway);
MAX_LEARNED_PER_SITE = 2000
# - candidate lines (seen in fewer stories than MIN_STORIES) per site: the most recent ones. Why recent: a
#   template line recurs on most of a site's pages, so it is seen again within a few dozen documents (about 15
#   candidate lines each) and is kept; a candidate not seen again for this long is body text, which never
#   recurs. Keeping the oldest instead (as before) froze a site's memory on its first pages;
MAX_CANDIDATES_PER_SITE = 1000
# - candidate lines in all: sites (or scrape folders: one per day is common) not seen for long lose their
#   candidates first; their learned lines stay;
MAX_CANDIDATES = 60_000
# - learned lines in all: past this, the sites not seen for longest are forgotten whole (a scrape folder of
#   last year's day will not come back; a site that does learns its template again within a batch).
MAX_LEARNED = 60_000
STATE_FILE = "site_memory.json"
# A story is known by keys of its longest lines (stored with every line it taught): see `story_keys`.
STORY_LINES = 3
STORY_LINE_WORDS = 30  # of each of them, the opening (its shingles cost by the word; edits are often at the end)
_DIGITS = re.compile(r"\d+")


def site_key(path: str, extracted: Extracted) -> str:
    """The site a document belongs to: its declared host or site name for HTML, else its folder."""
    if extracted.url:
        host = urlsplit(extracted.url).hostname
        if host:
            return host.removeprefix("www.")
    if extracted.site:
        return fold(extracted.site)
    return f"folder:{Path(path).parent.name}"


def story_lines(folded: Sequence[str], is_template: Callable[[str], bool] = lambda line: False) -> list[str]:
    """The lines that say which story a document tells: its STORY_LINES longest lines that are not the site's
    template (a cookie banner may be among a page's longest), in document order, each cut to its first
    STORY_LINE_WORDS words, digits dropped (a re-capture's changed counter, view count or time is the same story).

    Lines of equal length keep their order in the document (the sort is stable): taken from a set, they came in
    the set's order, which changes from one process to the next (str hashes are salted), and so did the keys
    and, through them, which lines of a site counted as its template."""
    lines = list(dict.fromkeys(folded))
    longest = set(islice((line for line in sorted(lines, key=len, reverse=True) if not is_template(line)),
                         STORY_LINES))
    return [_DIGITS.sub("", " ".join(line.split(maxsplit=STORY_LINE_WORDS)[:STORY_LINE_WORDS]))
            for line in lines if line in longest]


def story_keys(folded: Sequence[str], is_template: Callable[[str], bool] = lambda line: False) -> list[str]:
    """One key per story line: the smallest CRC-32 of its word 5-gram shingles (`duplicates.shingles`), a
    one-value MinHash. A line and an edited copy of it get the same key with probability their Jaccard
    similarity (a suffix past its first words or a changed number: always), different lines almost never;
    exact line hashes split a page captured again with " (2)" after its paragraphs into new stories."""
    return [f"{min(zlib.crc32(shingle.encode('utf-8')) for shingle in shingles(line)):08x}"
            for line in story_lines(folded, is_template)]


@dataclass(slots=True)
class SiteMemory:
    """Folded candidate lines per site, each with the distinct stories it was seen in (capped)."""

    sites: dict[str, dict[str, list[list[str]]]] = field(default_factory=dict)

    def _touch(self, site: str) -> dict[str, list[list[str]]]:
        """The site's lines, the site moved to the end: `sites` is in order of last observation (so is the
        saved state), which `prune` uses to drop the candidates of sites not seen for longest."""
        lines = self.sites.pop(site, None)
        self.sites[site] = lines = lines if lines is not None else {}
        return lines

    def observe(self, site: str, lines: Iterable[str], folded_lines: Iterable[str] | None = None,
                word_counts: Iterable[int] | None = None) -> None:
        """Record one document's short lines under its site, once per story. `folded_lines`, `word_counts`:
        `fold` and `count_words` of each line, when the caller has them (the pipeline computes them once per
        document for this and for labelling)."""
        lines = list(lines)
        folds = list(folded_lines) if folded_lines is not None else [fold(line) for line in lines]
        words = list(word_counts) if word_counts is not None else [count_words(line) for line in lines]
        seen = self._touch(site)
        # lines the site already repeats say nothing about which story this is
        keys = story_keys(folds, lambda line: len(seen.get(line, ())) >= MIN_STORIES)
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
            seen = self._touch(site)
            for line, stories in lines.items():
                merged = seen.get(line)
                if merged is None:
                    seen[line] = list(stories)
                    continue
                if len(merged) >= MIN_STORIES:
                    continue
                # a line seen again moves to the end: its recency is its last sighting, not its first
                seen[line] = merged = seen.pop(line)
                for story in stories:
                    if len(merged) < MIN_STORIES and not any(set(story) & set(known) for known in merged):
                        merged.append(story)

    def repeated(self) -> SiteMemory:
        """The lines seen in at least two stories (learned ones included): what a batch is given to label with.

        Why not all: lines seen in one story are most of the memory (body lines, which never recur) and would
        be shipped with every batch. Leaving them out changes one case only: a line seen once before and in two
        stories of the batch is not removed from that batch; the run still learns it when the batch's
        observations are merged, so it is removed from the next batch on."""
        return SiteMemory({site: {line: list(stories) for line, stories in lines.items() if len(stories) >= 2}
                           for site, lines in self.sites.items()})

    def prune(self) -> None:
        """Bound the memory (see the MAX_ constants): per site its learned lines and its most recent candidates;
        in all, the candidates and the learned lines of the most recently seen sites."""
        candidate_budget, learned_budget = MAX_CANDIDATES, MAX_LEARNED
        for site in reversed(list(self.sites)):  # most recently observed first
            lines = self.sites[site]
            learned = [item for item in lines.items() if len(item[1]) >= MIN_STORIES][:MAX_LEARNED_PER_SITE]
            learned_budget -= len(learned)
            if learned_budget < 0:  # this site and every site seen before it are forgotten
                del self.sites[site]
                continue
            keep = max(0, min(MAX_CANDIDATES_PER_SITE, candidate_budget))
            candidates = [item for item in lines.items() if len(item[1]) < MIN_STORIES][-keep:] if keep else []
            candidate_budget -= len(candidates)
            if len(learned) + len(candidates) < len(lines):
                self.sites[site] = dict(learned + candidates)


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
