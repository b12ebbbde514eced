"""Story clusters: articles reporting the same event in different words get the same `story_id`.

Method (chosen by measurement on tests/data/stories, see its README), in two parts:

* Same words. TF-IDF over folded content tokens (Arabic clitics stripped), compared by cosine with earlier
  articles that share rare terms and were published within a few days; an article joins the story of every
  article above a threshold (several such stories are one story, merged), else it starts its own story (its
  doc_id). Names and numbers are what rewrites of one event share, so rare terms carry the weight.
* Other languages. Rewrites in Arabic, English and French share no tokens, but they share names and
  figures. Each article also gets language-independent keys (`newsclean.transliterate`): the consonant
  skeleton of each word ("بوتين", "Putin", "Poutine" -> "btn") and each number written one way. Articles in
  different languages, both dated, at most CROSS_WINDOW_DAYS apart, are compared by the cosine of their
  TF-IDF-weighted keys. Links found this way are applied together at the end of a batch (the next `resolve`
  or `save_stories`), strongest first, and a story that already tells the event in one language takes no
  second story in that language through such a link (see `_bridge`).

Incremental and persisted (stories.json), so tomorrow's rewrite, in any language, joins today's story.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import py3langid

from newsclean.textnorm import content_tokens
from newsclean.transliterate import number_keys, skeleton

THRESHOLD = 0.2  # on tests/data/stories: pair precision 1.0 at 0.2 (0.77 at 0.18), recall falls above it
WINDOW_DAYS = 4  # rewrites of one event appear within days; a later story on the same people is another story
VECTOR_TERMS = 60  # terms kept per article (by weight): enough to compare, small to persist
QUERY_TERMS = 12  # rarest terms of a new article used to find candidates

# Across languages. Measured on tests/data/stories (61 articles; 49 for the first batch alone): pair precision
# is 1.0 for every threshold from 0.01 to 0.15, recall 0.99 from 0.01 to 0.06, then 0.85 (0.80 on the first
# batch) from 0.07, where Arabic-Latin rewrites sharing only a few names (Lebanon's blackout, Assad's asylum,
# the Aleppo offensive: 0.04-0.07) stop linking. Three candidate links between different stories of the same
# days score 0.044-0.071 (an English report of the Doha meeting of 7 Dec 2024 against the Arabic Bloomberg
# report of 6 Dec, sharing Lavrov, Sergei, Homs, Turkey, is the highest): at 0.05 two of them pass and are
# kept apart by the bridge rule, because each of those stories has its own rewrite in that language.
CROSS_SCRIPT_THRESHOLD = 0.05  # Arabic script vs Latin script: only names and numbers can be shared
# Two Latin-script languages also share cognates and common words (opposition, president, syrian): rewrites
# scored 0.17-0.24 on the set, different stories up to 0.10; precision and recall are flat from 0.08 to 0.2.
SAME_SCRIPT_THRESHOLD = 0.15
CROSS_WINDOW_DAYS = 2  # rewrites in another language follow within a day or two (0-2 days on the set)
MIN_SHARED_KEYS = 3  # one or two shared keys are chance (a year, a skeleton two words happen to have)
KEY_TERMS = 80  # keys kept per article (by weight); fewer than 60 loses rewrites on the set
KEY_QUERY = 40  # rarest keys of a new article used to find candidates in other languages (16 missed some)
MIN_SKELETON = 3  # two-consonant skeletons collide all the time ("said", "Assad", سعد, سد are all "sd")
ARABIC_SCRIPT = frozenset({"ar", "fa", "ur", "ps", "ug", "ku"})  # py3langid codes of Arabic-script languages
STATE_FILE = "stories.json"
STATE_VERSION = 2  # 2: entries carry language and keys; 1 (no version field): terms only


@dataclass(slots=True)
class Entry:
    """One indexed article."""

    story_id: str
    day: int | None  # publication day (ordinal), None when unknown
    counts: dict[str, int]  # its most telling terms and their counts; weighed with the IDF of the moment
    order: int  # position in indexing order
    language: str = ""  # py3langid code of the body; "" for entries loaded from a version 1 state
    keys: dict[str, int] = field(default_factory=dict)  # its most telling language-independent keys


def detect_language(text: str) -> str:
    """ISO 639-1 code of a body (py3langid ships its model; nothing is downloaded); "" for an empty body."""
    if not text.strip():
        return ""
    language, _ = py3langid.classify(text[:600])  # a paragraph or two decides (same answers as 1500 characters
    # on the labelled set, at a quarter of the time)
    return str(language)


def cross_keys(text: str, tokens: list[str]) -> Counter[str]:
    """Language-independent keys of a folded text and its content tokens: "~" + consonant skeleton of each
    word (at least MIN_SKELETON consonants), "#" + each number. Prefixed, so they never clash with terms."""
    keys = Counter("~" + key for token in tokens if len(key := skeleton(token)) >= MIN_SKELETON)
    keys.update("#" + number for number in number_keys(text))
    return keys


@dataclass(slots=True)
class StoryIndex:
    """Document frequencies, indexed articles and an inverted index from term (or key) to articles."""

    documents: int = 0
    frequency: Counter[str] = field(default_factory=Counter)  # terms and keys (keys start with "~" or "#")
    entries: dict[str, Entry] = field(default_factory=dict)
    postings: dict[str, list[str]] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)  # story id -> the story it was merged into
    # links across languages found since the last `resolve`: (score, doc_id, doc_id), applied by `_bridge`
    pending: list[tuple[float, str, str]] = field(default_factory=list)

    def _idf(self, term: str) -> float:
        return math.log((1 + self.documents) / (1 + self.frequency[term])) + 1.0

    def _vector(self, counts: Counter[str] | dict[str, int]) -> dict[str, float]:
        """Unit TF-IDF vector of term counts, with the document frequencies known now."""
        weights = {t: (1 + math.log(c)) * self._idf(t) for t, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def _top(self, counts: Counter[str], size: int) -> dict[str, int]:
        """The `size` heaviest terms of `counts` by TF-IDF, with their counts (what an entry keeps)."""
        vector = self._vector(counts)
        return {t: counts[t] for t in sorted(vector, key=vector.__getitem__, reverse=True)[:size]}

    def _find(self, story_id: str) -> str:
        """The story a story id belongs to now (union-find with path compression), pending links aside."""
        root = story_id
        while self.merged.get(root, root) != root:
            root = self.merged[root]
        while story_id != root:  # path compression keeps later lookups short
            story_id, self.merged[story_id] = self.merged.get(story_id, root), root
        return root

    def resolve(self, story_id: str) -> str:
        """The story a story id now belongs to: stories a later article bridges are merged (union-find).
        Links across languages found since the last call are applied first."""
        if self.pending:
            self._bridge()
        return self._find(story_id)

    def _merge(self, stories: set[str]) -> str:
        """Merge stories into the oldest one (story ids are doc ids: the story's first article)."""
        story = min(stories, key=lambda s: self.entries[s].order)
        for other in stories - {story}:
            self.merged[other] = story
        return story

    def _bridge(self) -> None:
        """Apply the pending links across languages, strongest first. A link is skipped when one side's story
        already has an article in the other side's language. Why: names shared across languages also tie
        different stories about the same people in the same days (Lavrov and Homs in a Bloomberg report and
        in the next day's Doha meeting); same-language matching is reliable (pair precision and recall 1.0 on
        the set), so a story that already tells the event in a language has found that language's rewrites,
        and a second story in that language is most likely another event. Strongest first, so the real
        rewrite wins over a story that only shares the names, whatever order the articles came in."""
        pending, self.pending = sorted(self.pending, reverse=True), []
        languages: dict[str, set[str]] = {}
        for entry in self.entries.values():
            languages.setdefault(self._find(entry.story_id), set()).add(entry.language)
        for _, first, second in pending:
            a, b = self.entries[first], self.entries[second]
            story_a, story_b = self._find(a.story_id), self._find(b.story_id)
            if story_a == story_b or b.language in languages[story_a] or a.language in languages[story_b]:
                continue
            story = self._merge({story_a, story_b})
            languages[story] = languages.pop(story_a) | languages.pop(story_b)

    def _cross_score(self, vector: dict[str, float], language: str, entry: Entry) -> float:
        """Cosine of an article's unit key vector with an entry's, 0 below MIN_SHARED_KEYS shared keys or
        below the threshold of the pair's scripts."""
        if len(vector.keys() & entry.keys.keys()) < MIN_SHARED_KEYS:
            return 0.0
        other = self._vector(entry.keys)
        score = sum(w * other.get(k, 0.0) for k, w in vector.items())
        same_script = (language in ARABIC_SCRIPT) == (entry.language in ARABIC_SCRIPT)
        return score if score >= (SAME_SCRIPT_THRESHOLD if same_script else CROSS_SCRIPT_THRESHOLD) else 0.0

    def _find_rewrites(self, doc_id: str, day: int, language: str, keys: dict[str, int]) -> None:
        """Queue links to recent articles in other languages whose keys are close enough (see `_bridge`).
        Only between dated articles: without a date, names alone cannot tell this week's story from last
        year's about the same people, and no shared wording helps across languages (the undated Bloomberg
        seed would join any later English story on Assad and Russia)."""
        rare = sorted((k for k in keys if k in self.postings), key=self._idf, reverse=True)[:KEY_QUERY]
        vector = self._vector(keys)
        for candidate in sorted({c for key in rare for c in self.postings.get(key, ())}):
            entry = self.entries[candidate]
            if (not entry.language or entry.language == language or entry.day is None
                    or abs(day - entry.day) > CROSS_WINDOW_DAYS):
                continue
            score = self._cross_score(vector, language, entry)
            if score:
                self.pending.append((score, doc_id, candidate))

    def assign(self, doc_id: str, body: str, published: dt.datetime | None,
               copy_of: str | None = None, language: str | None = None) -> str:
        """The story of an article: its copy's, or that of every recent article similar enough (several such
        stories are one story, merged), or a new one. Rewrites in other languages are linked at the next
        `resolve`: resolve ids again after a batch. `language` (ISO 639-1) is detected when not given."""
        if doc_id in self.entries:
            return self._find(self.entries[doc_id].story_id)
        tokens = content_tokens(body, keep_duplicates=True)
        counts = Counter(tokens)
        keys = cross_keys(body, tokens)
        language = language if language is not None else detect_language(body)
        self.documents += 1
        self.frequency.update(counts.keys())
        self.frequency.update(keys.keys())
        vector = self._vector(counts)
        kept = self._top(counts, VECTOR_TERMS)
        kept_keys = self._top(keys, KEY_TERMS)
        day = published.date().toordinal() if published else None
        matched: set[str] = {self._find(self.entries[copy_of].story_id)} if copy_of in self.entries else set()
        if not matched:
            # the rarest terms that earlier articles also have (a term no one else has finds no one)
            rare = sorted((t for t in counts if t in self.postings), key=self._idf, reverse=True)[:QUERY_TERMS]
            for candidate in sorted({c for term in rare for c in self.postings.get(term, ())}):
                entry = self.entries[candidate]
                if day is not None and entry.day is not None and abs(day - entry.day) > WINDOW_DAYS:
                    continue
                other = self._vector(entry.counts)
                if sum(w * other.get(t, 0.0) for t, w in vector.items()) >= THRESHOLD:
                    matched.add(self._find(entry.story_id))
            if day is not None and language:
                self._find_rewrites(doc_id, day, language, kept_keys)
        story = self._merge(matched) if matched else doc_id
        self.entries[doc_id] = Entry(story, day, kept, len(self.entries), language, kept_keys)
        for term in (*kept, *kept_keys):
            self.postings.setdefault(term, []).append(doc_id)
        return story


def load_stories(state_dir: Path) -> StoryIndex:
    """The story index earlier runs left (empty when there is none or it cannot be read). A version 1 state
    (no keys) is migrated: its articles keep their stories and same-language matching, and take no part in
    matching across languages (their keys were never computed)."""
    path = state_dir / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        index = StoryIndex(documents=int(data["documents"]), frequency=Counter(data["frequency"]),
                           merged=dict(data.get("merged", {})))
        for order, (doc_id, (story_id, day, counts, *rest)) in enumerate(data["entries"].items()):
            language, keys = (str(rest[0]), dict(rest[1])) if len(rest) >= 2 else ("", {})
            index.entries[doc_id] = Entry(story_id, day, counts, order, language, keys)
            for term in (*counts, *keys):
                index.postings.setdefault(term, []).append(doc_id)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return StoryIndex()
    return index


def save_stories(index: StoryIndex, state_dir: Path) -> None:
    """Write the index atomically for the next run (pending links across languages applied first)."""
    if index.pending:
        index._bridge()
    state_dir.mkdir(parents=True, exist_ok=True)
    data = {"version": STATE_VERSION, "documents": index.documents, "frequency": index.frequency,
            "entries": {d: [e.story_id, e.day, e.counts, e.language, e.keys] for d, e in index.entries.items()},
            "merged": index.merged}
    temp = state_dir / f".{STATE_FILE}.tmp"
    temp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temp, state_dir / STATE_FILE)
