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

Incremental and persisted in the state database (`newsclean.state`, tables `story_*`), so tomorrow's rewrite,
in any language, joins today's story. Nothing that grows with the corpus is held in memory: entries, postings,
document frequencies, merges and each story's languages are rows, read back per article (issue 7: a run's
memory must not grow with the corpus; held in dicts, the index took 8-10 KB per article).

The work per article is bounded by constants, not by the corpus (issue 18): each query term reads at most
CANDIDATES_PER_TERM postings through the postings' primary key (never every posting of a common term), undated
articles are found among the last UNDATED_WINDOW articles indexed, and an entry's terms are a packed blob
(`pack_counts`), not JSON text. Postings are partitioned by generation (GENERATION articles in ingestion order,
the key's first column), so a batch writes into the current generation's pages only, however large the index;
a query reads the generations its window needs, at most DATED_GENERATIONS of them for dated articles.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

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
# Candidates per query term (K): the most recent postings only (in the time window when the article is dated).
# Why: on a corpus where many articles share terms (a week of one big story, or the synthetic benchmark corpus
# built from five seed bodies) a term's postings grow with the corpus, and so would the work per article. An
# article needs to reach one article of a story to join it, and a story's most recent articles are the ones
# closest in time; the labelled set's largest story has 6 articles, so 32 leaves a wide margin (its story ids
# are the same with any cap from 1 up, and with no cap).
CANDIDATES_PER_TERM = 32
# Postings read per key when looking for rewrites in other languages, before the language filter keeps
# CANDIDATES_PER_TERM of them: a key's most recent postings may all be in the article's own language.
CROSS_POSTINGS_READ = 4 * CANDIDATES_PER_TERM
# Undated articles are compared with the undated articles among the last UNDATED_WINDOW indexed (ingestion
# order stands in for time: a scrape's undated dumps of one week come in together), not with every undated one.
UNDATED_WINDOW = 20_000
# Postings are keyed by generation first: entries GENERATION apart in ingestion order (position // GENERATION).
# Why: keyed by term first, each batch inserted one posting into a leaf per distinct (term, day) of the batch,
# all over the table, and the batch's commit wrote every such page: more pages as the table grew (issue 18,
# 1,700 -> 8,800 pages a commit over 20,000 topical articles). Keyed by generation, the inserts land in the
# current generation's pages only. Dated queries read the DATED_GENERATIONS most recent generations holding
# articles of their days (story_generations keeps each generation's first and last day), so reads stay bounded
# when one week's articles keep coming in; days a stream has left behind are in old generations, still read.
GENERATION = 5_000
DATED_GENERATIONS = 8
UNDATED = 0  # story_posts.day of an undated article's postings (a day's ordinal is >= 1)
LEGACY_STATE_FILE = "stories.json"  # before the state database; version 2 (with keys) or 1 (terms only)

_TABLES = """
CREATE TABLE IF NOT EXISTS story_entries (
    position INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL, story_id TEXT NOT NULL, day INTEGER,
    language TEXT NOT NULL, counts TEXT NOT NULL, keys TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS story_posts (
    generation INTEGER NOT NULL, term TEXT NOT NULL, day INTEGER NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (generation, term, day, position)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_generations (generation INTEGER PRIMARY KEY, low INTEGER NOT NULL,
                                              high INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS story_terms (
    term TEXT PRIMARY KEY, documents INTEGER NOT NULL, posted INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_merged (story TEXT PRIMARY KEY, merged_into TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_languages (
    story TEXT NOT NULL, language TEXT NOT NULL, PRIMARY KEY (story, language)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
"""

# The most recent postings of one term in some generations (a JSON list) and a range of days, newest generation
# first (the primary key's order, read backwards for each generation: SQLite stops after :cap rows) and, apart,
# its undated postings from a position on.
_DATED = ("SELECT position FROM story_posts WHERE generation IN (SELECT value FROM json_each(?)) AND term = ? "
          "AND day BETWEEN ? AND ? ORDER BY generation DESC, day DESC, position DESC LIMIT ?")
_UNDATED = ("SELECT position FROM story_posts WHERE generation IN (SELECT value FROM json_each(?)) AND term = ? "
            f"AND day = {UNDATED} AND position >= ? ORDER BY generation DESC, position DESC LIMIT ?")
# Of one key's :read most recent dated postings in some generations and a range of days, the :cap most recent in
# a language known and other than the article's.
_OTHER_LANGUAGE = """
SELECT p.position FROM (SELECT generation, day, position FROM story_posts
                        WHERE generation IN (SELECT value FROM json_each(?)) AND term = ? AND day BETWEEN ? AND ?
                        ORDER BY generation DESC, day DESC, position DESC LIMIT ?) p
JOIN story_entries e ON e.position = p.position WHERE e.language NOT IN (?, '')
ORDER BY p.generation DESC, p.day DESC, p.position DESC LIMIT ?
"""
# Postings of the layout before generations (term, day, position; undated at day <= 0), moved once.
_LEGACY_POSTINGS = """
INSERT OR IGNORE INTO story_posts SELECT position / {generation}, term, max(day, {undated}), position
FROM story_postings ORDER BY 1, 2, 3, 4;
INSERT OR REPLACE INTO story_generations SELECT position / {generation}, min(day), max(day) FROM story_entries
WHERE day IS NOT NULL GROUP BY 1;
DROP TABLE story_postings;
"""
_LAST_DAY = dt.date.max.toordinal()


@dataclass(slots=True)
class Entry:
    """One indexed article (a row of story_entries)."""

    doc_id: str
    story_id: str  # its story when it was indexed; `resolve` gives the story it belongs to now
    day: int | None  # publication day (ordinal), None when unknown
    language: str  # ISO 639-1 code of the body; "" for entries migrated from a version 1 state
    terms: dict[str, int]  # its most telling terms (or keys) and their counts, heaviest first


def cross_keys(text: str, tokens: list[str]) -> Counter[str]:
    """Language-independent keys of a folded text and its content tokens: "~" + consonant skeleton of each
    word (at least MIN_SKELETON consonants), "#" + each number. Prefixed, so they never clash with terms."""
    keys: Counter[str] = Counter()
    for token, uses in Counter(tokens).items():  # each distinct token once, in the order the text first has it
        if len(key := skeleton(token)) >= MIN_SKELETON:
            keys["~" + key] += uses
    keys.update("#" + number for number in number_keys(text))
    return keys


def story_terms(text: str) -> tuple[Counter[str], Counter[str]]:
    """What the index compares of a search text: its content tokens and its `cross_keys`, with counts.
    A pure function of the text, so the pipeline computes it where documents are cleaned."""
    tokens = content_tokens(text, keep_duplicates=True)
    return Counter(tokens), cross_keys(text, tokens)


def _json_list(items: Iterable[str | int]) -> str:
    """A list as one bound parameter (read back with json_each): no cap on the number of parameters."""
    return json.dumps(list(items), ensure_ascii=False)


def pack_counts(counts: Mapping[str, int]) -> bytes:
    """Term counts as one blob: their number and the counts as little-endian uint32, then the terms joined by
    NUL. Why: a candidate's terms are read for every article it is compared with (~200 an article); unpacking
    this is a few array and split calls, decoding JSON was most of the index's time."""
    values = array("I", [len(counts), *counts.values()])
    if sys.byteorder == "big":
        values.byteswap()
    return values.tobytes() + "\x00".join(counts).encode("utf-8")


def unpack_counts(blob: bytes | str) -> dict[str, int]:
    """The counts `pack_counts` packed (or the JSON text of an entry written before it)."""
    if isinstance(blob, str):
        return dict(json.loads(blob))
    size = int.from_bytes(blob[:4], "little")
    values = array("I")
    values.frombytes(blob[4:4 + 4 * size])
    if sys.byteorder == "big":
        values.byteswap()
    return dict(zip(blob[4 + 4 * size:].decode("utf-8").split("\x00"), values, strict=False)) if size else {}


class StoryIndex:
    """Document frequencies, indexed articles and an inverted index from term (or key) to articles, all in
    tables of the state database. In memory, a batch's worth at most: the number of documents, the links
    across languages found since the last `resolve`, and the document frequencies of the terms the batch
    read or changed. `apply_pending` (which `resolve` calls) writes them; the caller then commits (runs.py,
    once per batch)."""

    __slots__ = ("changed", "db", "documents", "pending", "terms", "written_documents")

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.db = connection
        self.db.executescript(_TABLES)
        row = self.db.execute("SELECT value FROM story_meta WHERE key = 'documents'").fetchone()
        self.documents = self.written_documents = int(row[0]) if row else 0
        if self.db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'story_postings'").fetchone():
            self.db.executescript(_LEGACY_POSTINGS.format(generation=GENERATION, undated=UNDATED))
        # links across languages found since the last `resolve`: (score, doc_id, doc_id), applied by `_bridge`
        self.pending: list[tuple[float, str, str]] = []
        # Document frequencies read or changed since the last `apply_pending`: term -> (documents, posted), None
        # for a term no article has. Why: read and written per article, story_terms took half of the index's
        # SQL time (0.8 of 1.6 ms an article); a batch's articles share most of their terms.
        self.terms: dict[str, tuple[int, bool] | None] = {}
        self.changed: set[str] = set()  # terms whose row in story_terms is out of date

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM story_entries").fetchone()[0])

    def _known(self, terms: Iterable[str]) -> dict[str, tuple[int, bool]]:
        """Document frequency of terms, and whether any article is posted under them (of the terms some
        article has)."""
        terms = list(terms)
        if missing := [term for term in terms if term not in self.terms]:
            self.terms.update(dict.fromkeys(missing))
            self.terms.update((term, (documents, bool(posted))) for term, documents, posted in self.db.execute(
                "SELECT term, documents, posted FROM story_terms WHERE term IN (SELECT value FROM json_each(?))",
                (_json_list(missing),)))
        return {term: known for term in terms if (known := self.terms[term]) is not None}

    def _write_terms(self) -> None:
        """Write the document frequencies changed since the last call, in one statement (a JSON parameter:
        per-row statements cost twice the time), and forget the ones read."""
        if self.changed:
            self.db.execute(
                "INSERT INTO story_terms SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true "
                "ON CONFLICT (term) DO UPDATE SET documents = excluded.documents, posted = excluded.posted",
                (json.dumps([(term, *self.terms[term]) for term in sorted(self.changed)],  # type: ignore[misc]
                            ensure_ascii=False),))
        if self.documents != self.written_documents:
            self.db.execute("INSERT OR REPLACE INTO story_meta VALUES ('documents', ?)", (self.documents,))
            self.written_documents = self.documents
        self.terms.clear()
        self.changed.clear()

    def _with_frequencies(self, frequency: Mapping[str, int], entries: Iterable[Entry]) -> dict[str, int]:
        """`frequency` (the new article's terms, counted with it) plus the stored frequency of the entries'
        other terms: what the in-memory index's single Counter held."""
        missing = {t for entry in entries for t in entry.terms if t not in frequency}
        found = {t: documents for t, (documents, _) in self._known(missing).items()}
        found.update(frequency)
        return found

    def _weights(self, counts: Mapping[str, int], frequency: Mapping[str, int]) -> dict[str, float]:
        """TF-IDF weights of term counts, with the document frequencies known now (IDF: log((1 + N) / (1 + df)) + 1)."""
        documents, log = 1 + self.documents, math.log
        return {t: (1 + log(c)) * (log(documents / (1 + frequency.get(t, 0))) + 1.0) for t, c in counts.items()}

    def _vector(self, counts: Mapping[str, int], frequency: Mapping[str, int]) -> dict[str, float]:
        """Unit TF-IDF vector of term counts, with the document frequencies known now."""
        return _unit(self._weights(counts, frequency))

    def _story_of(self, doc_id: str) -> tuple[str, str] | None:
        """(story id when indexed, language) of an indexed article."""
        row = self.db.execute("SELECT story_id, language FROM story_entries WHERE doc_id = ?", (doc_id,)).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def _entries(self, positions: list[int], column: str) -> list[Entry]:
        """Indexed articles by position, with their terms ("counts") or their keys ("keys"), by doc id."""
        assert column in ("counts", "keys")
        rows = self.db.execute(
            f"SELECT doc_id, story_id, day, language, {column} FROM story_entries "
            "WHERE position IN (SELECT value FROM json_each(?)) ORDER BY doc_id", (_json_list(positions),))
        return [Entry(d, s, day, language, unpack_counts(terms)) for d, s, day, language, terms in rows]

    def _last_position(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(position), 0) FROM story_entries").fetchone()[0])

    def _dated_generations(self, low: int, high: int) -> str:
        """The DATED_GENERATIONS most recent generations holding articles published from day `low` to `high`,
        as a JSON list."""
        return _json_list(row[0] for row in self.db.execute(
            "SELECT generation FROM story_generations WHERE low <= ? AND high >= ? ORDER BY generation DESC LIMIT ?",
            (high, low, DATED_GENERATIONS)))

    def _candidates(self, terms: list[str], day: int | None, window: int) -> list[int]:
        """Positions of the most recent CANDIDATES_PER_TERM articles posted under each term within `window`
        days of `day` (any day when undated; in the `_dated_generations`), and of the most recent
        CANDIDATES_PER_TERM undated ones among the last UNDATED_WINDOW articles indexed: at most 2 K postings
        read per term, however common."""
        if not terms:
            return []
        low, high = (day - window, day + window) if day is not None else (1, _LAST_DAY)
        dated = self._dated_generations(low, high)
        last = self._last_position()
        first = max(last - UNDATED_WINDOW, 0)
        undated = _json_list(range(first // GENERATION, last // GENERATION + 1))
        found: set[int] = set()
        for term in terms:
            found.update(row[0] for row in self.db.execute(_DATED, (dated, term, low, high, CANDIDATES_PER_TERM)))
            found.update(row[0] for row in self.db.execute(_UNDATED, (undated, term, first, CANDIDATES_PER_TERM)))
        return sorted(found)

    def _other_language_candidates(self, keys: list[str], day: int, window: int, language: str) -> list[int]:
        """Positions of the most recent CANDIDATES_PER_TERM dated articles in a known language other than
        `language` posted under each key within `window` days of `day` (of its CROSS_POSTINGS_READ most recent
        postings there, in the `_dated_generations`)."""
        low, high = day - window, day + window
        dated = self._dated_generations(low, high)
        found: set[int] = set()
        for key in keys:
            found.update(row[0] for row in self.db.execute(_OTHER_LANGUAGE, (
                dated, key, low, high, CROSS_POSTINGS_READ, language, CANDIDATES_PER_TERM)))
        return sorted(found)

    def _find(self, story_id: str) -> str:
        """The story a story id belongs to now (union-find with path compression), pending links aside."""
        chain = [story_id]
        while row := self.db.execute("SELECT merged_into FROM story_merged WHERE story = ?", (chain[-1],)).fetchone():
            chain.append(str(row[0]))
        root = chain[-1]
        if len(chain) > 2:  # path compression keeps later lookups short
            self.db.executemany("UPDATE story_merged SET merged_into = ? WHERE story = ?",
                                ((root, story) for story in chain[:-2]))
        return root

    def resolve(self, story_id: str) -> str:
        """The story a story id now belongs to: stories a later article bridges are merged (union-find).
        Links across languages found since the last call are applied first."""
        self.apply_pending()
        return self._find(story_id)

    def apply_pending(self) -> None:
        """Write what the index holds for the batch: the links across languages found since the last call,
        applied, and the document frequencies changed (before each commit: runs.py resolves every batch)."""
        if self.pending:
            self._bridge()
        self._write_terms()

    def _languages(self, story: str) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT language FROM story_languages WHERE story = ?", (story,))}

    def _merge(self, stories: set[str]) -> str:
        """Merge stories into the oldest one (story ids are doc ids: the story's first article); the languages
        the merged stories are told in move to it."""
        positions = dict(self.db.execute("SELECT doc_id, position FROM story_entries WHERE doc_id IN "
                                         "(SELECT value FROM json_each(?))", (_json_list(stories),)))
        story = min(stories, key=lambda s: (positions.get(s, math.inf), s))
        for other in sorted(stories - {story}):
            self.db.execute("INSERT OR REPLACE INTO story_merged VALUES (?, ?)", (other, story))
            self.db.execute("INSERT OR IGNORE INTO story_languages SELECT ?, language FROM story_languages "
                            "WHERE story = ?", (story, other))
            self.db.execute("DELETE FROM story_languages WHERE story = ?", (other,))
        return story

    def _bridge(self) -> None:
        """Apply the pending links across languages, strongest first. A link is skipped when one side's story
        already has an article in the other side's language. Why: names shared across languages also tie
        different stories about the same people in the same days (Lavrov and Homs in a Bloomberg report and
        in the next day's Doha meeting); same-language matching is reliable (pair precision and recall 1.0 on
        the set), so a story that already tells the event in a language has found that language's rewrites,
        and a second story in that language is most likely another event. Strongest first, so the real
        rewrite wins over a story that only shares the names, whatever order the articles came in. Each
        story's languages are kept in story_languages (updated on every assign and merge), so this reads
        only the stories the links touch, not every entry."""
        pending, self.pending = sorted(self.pending, reverse=True), []
        for _, first, second in pending:
            a, b = self._story_of(first), self._story_of(second)
            if a is None or b is None:
                continue
            story_a, story_b = self._find(a[0]), self._find(b[0])
            if story_a == story_b or b[1] in self._languages(story_a) or a[1] in self._languages(story_b):
                continue
            self._merge({story_a, story_b})

    def _cross_score(self, vector: dict[str, float], language: str, entry: Entry,
                     frequency: Mapping[str, int]) -> float:
        """Cosine of an article's unit key vector with an entry's, 0 below MIN_SHARED_KEYS shared keys or
        below the threshold of the pair's scripts."""
        if len(vector.keys() & entry.terms.keys()) < MIN_SHARED_KEYS:
            return 0.0
        other = self._vector(entry.terms, frequency)
        score = sum(w * other.get(k, 0.0) for k, w in vector.items())
        same_script = (language in ARABIC_SCRIPT) == (entry.language in ARABIC_SCRIPT)
        return score if score >= (SAME_SCRIPT_THRESHOLD if same_script else CROSS_SCRIPT_THRESHOLD) else 0.0

    def _find_rewrites(self, doc_id: str, day: int, language: str, keys: dict[str, int],
                       vector: dict[str, float], known: Mapping[str, tuple[int, bool]],
                       frequency: Mapping[str, int]) -> None:
        """Queue links to recent articles in other languages whose keys are close enough (see `_bridge`).
        Only between dated articles: without a date, names alone cannot tell this week's story from last
        year's about the same people, and no shared wording helps across languages (the undated Bloomberg
        seed would join any later English story on Assad and Russia)."""
        rare = _rarest((k for k in keys if known.get(k, (0, False))[1]), frequency, KEY_QUERY)
        entries = self._entries(self._other_language_candidates(rare, day, CROSS_WINDOW_DAYS, language), "keys")
        frequency = self._with_frequencies(frequency, entries)
        for entry in entries:
            if (not entry.language or entry.language == language or entry.day is None
                    or abs(day - entry.day) > CROSS_WINDOW_DAYS):
                continue
            score = self._cross_score(vector, language, entry, frequency)
            if score:
                self.pending.append((score, doc_id, entry.doc_id))

    def assign(self, doc_id: str, body: str, published: dt.datetime | None,
               copy_of: str | None = None, language: str = "",
               terms: tuple[Mapping[str, int], Mapping[str, int]] | None = None) -> str:
        """The story of an article: its copy's, or that of every recent article similar enough (several such
        stories are one story, merged), or a new one. Rewrites in other languages are linked at the next
        `resolve`: resolve ids again after a batch. `language` is the body's ISO 639-1 code (the pipeline's
        detection); without one the article takes no part in matching across languages. `terms` are the
        body's `story_terms` when they were computed already (by the pipeline, on the workers)."""
        if (indexed := self._story_of(doc_id)) is not None:
            return self._find(indexed[0])
        counts, keys = terms or story_terms(body)
        known = self._known({*counts, *keys})  # as earlier articles left them
        self.documents += 1
        frequency = Counter({term: documents for term, (documents, _) in known.items()})
        frequency.update(counts.keys())
        frequency.update(keys.keys())
        weights, key_weights = self._weights(counts, frequency), self._weights(keys, frequency)
        vector = _unit(weights)
        kept = _top(counts, weights, VECTOR_TERMS)
        kept_keys = _top(keys, key_weights, KEY_TERMS)
        day = published.date().toordinal() if published else None
        copied = self._story_of(copy_of) if copy_of else None
        matched: set[str] = {self._find(copied[0])} if copied else set()
        if not matched:
            # the rarest terms that earlier articles also have (a term no one else has finds no one)
            rare = _rarest((t for t in counts if known.get(t, (0, False))[1]), frequency, QUERY_TERMS)
            entries = self._entries(self._candidates(rare, day, WINDOW_DAYS), "counts")
            others = self._with_frequencies(frequency, entries)
            for entry in entries:
                if day is not None and entry.day is not None and abs(day - entry.day) > WINDOW_DAYS:
                    continue
                story = self._find(entry.story_id)
                if story in matched:  # joined already through another of its articles: no need to score
                    continue
                other = self._vector(entry.terms, others)
                if sum(w * other.get(t, 0.0) for t, w in vector.items()) >= THRESHOLD:
                    matched.add(story)
            if day is not None and language:
                self._find_rewrites(doc_id, day, language, kept_keys,
                                    _unit({k: key_weights[k] for k in kept_keys}), known, frequency)
        story = self._merge(matched) if matched else doc_id
        self._add(doc_id, story, day, language, kept, kept_keys)
        for term in (*counts, *keys):  # written by `apply_pending`, once per batch
            posted = term in kept or term in kept_keys or bool((known.get(term) or (0, False))[1])
            self.terms[term] = (frequency[term], posted)
        self.changed.update(counts.keys(), keys.keys())
        return story

    def _add(self, doc_id: str, story: str, day: int | None, language: str, counts: dict[str, int],
             keys: dict[str, int]) -> None:
        """Index an article: its entry, its postings, and its language among its story's."""
        position = self.db.execute(
            "INSERT INTO story_entries (doc_id, story_id, day, language, counts, keys) VALUES (?, ?, ?, ?, ?, ?)",
            (doc_id, story, day, language, pack_counts(counts), pack_counts(keys))).lastrowid
        assert position is not None
        generation = position // GENERATION
        self.db.execute("INSERT OR IGNORE INTO story_posts SELECT ?, value, ?, ? FROM json_each(?)",
                        (generation, UNDATED if day is None else day, position, _json_list((*counts, *keys))))
        if day is not None:
            self.db.execute("INSERT INTO story_generations VALUES (?, ?, ?) ON CONFLICT (generation) DO UPDATE "
                            "SET low = min(low, excluded.low), high = max(high, excluded.high)",
                            (generation, day, day))
        self.db.execute("INSERT OR IGNORE INTO story_languages VALUES (?, ?)", (self._find(story), language))

    def _load_legacy(self, data: dict) -> None:
        """Fill empty tables from a stories.json of version 2 (entries with language and keys) or 1 (terms
        only: those articles keep their stories and same-language matching, and take no part in matching
        across languages, their keys were never computed)."""
        self.documents = self.written_documents = int(data["documents"])
        self.db.execute("INSERT OR REPLACE INTO story_meta VALUES ('documents', ?)", (self.documents,))
        self.db.executemany("INSERT INTO story_merged VALUES (?, ?)",
                            ((str(s), str(m)) for s, m in dict(data.get("merged", {})).items()))
        posted: set[str] = set()
        for doc_id, (story_id, day, counts, *rest) in data["entries"].items():
            language, keys = (str(rest[0]), dict(rest[1])) if len(rest) >= 2 else ("", {})
            self._add(str(doc_id), str(story_id), day, language, dict(counts), keys)
            posted.update(counts, keys)
        self.db.executemany("INSERT INTO story_terms VALUES (?, ?, ?)",
                            ((str(t), int(n), t in posted) for t, n in dict(data["frequency"]).items()))


def _unit(weights: Mapping[str, float]) -> dict[str, float]:
    """Weights scaled to a vector of length 1."""
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


def _rarest(terms: Iterable[str], frequency: Mapping[str, int], size: int) -> list[str]:
    """The `size` terms of highest IDF, that is of lowest document frequency (ties in the given order)."""
    return sorted(terms, key=frequency.__getitem__)[:size]


def _top(counts: Mapping[str, int], weights: Mapping[str, float], size: int) -> dict[str, int]:
    """The `size` heaviest terms by weight, with their counts (what an entry keeps), heaviest first."""
    return {t: counts[t] for t in sorted(weights, key=weights.__getitem__, reverse=True)[:size]}


def open_stories(connection: sqlite3.Connection, state_dir: Path) -> StoryIndex:
    """The story index in the state database. A stories.json an older version saved (either version) is
    moved into it and removed; one that cannot be read is left where it is and the index starts empty,
    rather than failing the run."""
    index = StoryIndex(connection)
    legacy = state_dir / LEGACY_STATE_FILE
    if legacy.exists() and not len(index):
        try:
            index._load_legacy(json.loads(legacy.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, sqlite3.Error):
            connection.rollback()
            return StoryIndex(connection)
        connection.commit()
        legacy.unlink()
    return index
