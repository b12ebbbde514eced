"""Story clusters: articles reporting the same event in different words get the same `story_id`.

Method (chosen by measurement on tests/data/stories, see the README): TF-IDF over folded content tokens
(Arabic clitics stripped), compared by cosine with earlier articles that share rare terms and were
published within a few days; an article joins the story of the most similar one above a threshold, else it
starts its own story (its doc_id). Names and numbers are what rewrites of one event share, so rare terms
carry the weight. Incremental and persisted, so tomorrow's rewrite joins today's story.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsclean.textnorm import content_tokens

THRESHOLD = 0.2  # on tests/data/stories: pair precision 1.0 at 0.2 (0.77 at 0.18), recall falls above it
WINDOW_DAYS = 4  # rewrites of one event appear within days; a later story on the same people is another story
VECTOR_TERMS = 60  # terms kept per article (by weight): enough to compare, small to persist
QUERY_TERMS = 12  # rarest terms of a new article used to find candidates
STATE_FILE = "stories.json"


@dataclass(slots=True)
class Entry:
    """One indexed article."""

    story_id: str
    day: int | None  # publication day (ordinal), None when unknown
    counts: dict[str, int]  # its most telling terms and their counts; weighed with the IDF of the moment
    order: int  # position in indexing order


@dataclass(slots=True)
class StoryIndex:
    """Document frequencies, indexed articles and an inverted index from term to articles."""

    documents: int = 0
    frequency: Counter[str] = field(default_factory=Counter)
    entries: dict[str, Entry] = field(default_factory=dict)
    postings: dict[str, list[str]] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)  # story id -> the story it was merged into

    def _idf(self, term: str) -> float:
        return math.log((1 + self.documents) / (1 + self.frequency[term])) + 1.0

    def _vector(self, counts: Counter[str] | dict[str, int]) -> dict[str, float]:
        """Unit TF-IDF vector of term counts, with the document frequencies known now."""
        weights = {t: (1 + math.log(c)) * self._idf(t) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def resolve(self, story_id: str) -> str:
        """The story a story id now belongs to: stories a later article bridges are merged (union-find)."""
        root = story_id
        while self.merged.get(root, root) != root:
            root = self.merged[root]
        while story_id != root:  # path compression keeps later lookups short
            story_id, self.merged[story_id] = self.merged.get(story_id, root), root
        return root

    def assign(self, doc_id: str, body: str, published: dt.datetime | None,
               copy_of: str | None = None) -> str:
        """The story of an article: its copy's, or that of every recent article similar enough (several such
        stories are one story, merged), or a new one. Resolve ids again with `resolve` after a batch."""
        if doc_id in self.entries:
            return self.resolve(self.entries[doc_id].story_id)
        counts = Counter(content_tokens(body, keep_duplicates=True))
        self.documents += 1
        self.frequency.update(counts.keys())
        vector = self._vector(counts)
        kept = {t: counts[t] for t in sorted(vector, key=vector.__getitem__, reverse=True)[:VECTOR_TERMS]}
        day = published.date().toordinal() if published else None
        matched: set[str] = {self.resolve(self.entries[copy_of].story_id)} if copy_of in self.entries else set()
        if not matched:
            # the rarest terms that earlier articles also have (a term no one else has finds no one)
            rare = sorted((t for t in counts if t in self.postings), key=self._idf, reverse=True)[:QUERY_TERMS]
            for candidate in sorted({c for term in rare for c in self.postings.get(term, ())}):
                entry = self.entries[candidate]
                if day is not None and entry.day is not None and abs(day - entry.day) > WINDOW_DAYS:
                    continue
                other = self._vector(entry.counts)
                if sum(w * other.get(t, 0.0) for t, w in vector.items()) >= THRESHOLD:
                    matched.add(self.resolve(entry.story_id))
        # the oldest story absorbs the others (story ids are doc ids: the story's first article)
        story = min(matched, key=lambda s: self.entries[s].order) if matched else doc_id
        for other_story in matched - {story}:
            self.merged[other_story] = story
        self.entries[doc_id] = Entry(story, day, kept, len(self.entries))
        for term in kept:
            self.postings.setdefault(term, []).append(doc_id)
        return story


def load_stories(state_dir: Path) -> StoryIndex:
    """The story index earlier runs left (empty when there is none)."""
    path = state_dir / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return StoryIndex()
    index = StoryIndex(documents=data["documents"], frequency=Counter(data["frequency"]),
                       merged=data.get("merged", {}))
    for order, (doc_id, (story_id, day, counts)) in enumerate(data["entries"].items()):
        index.entries[doc_id] = Entry(story_id, day, counts, order)
        for term in counts:
            index.postings.setdefault(term, []).append(doc_id)
    return index


def save_stories(index: StoryIndex, state_dir: Path) -> None:
    """Write the index atomically for the next run."""
    state_dir.mkdir(parents=True, exist_ok=True)
    data = {"documents": index.documents, "frequency": index.frequency,
            "entries": {d: [e.story_id, e.day, e.counts] for d, e in index.entries.items()},
            "merged": index.merged}
    temp = state_dir / f".{STATE_FILE}.tmp"
    temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, state_dir / STATE_FILE)
