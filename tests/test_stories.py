"""Syndicated copies and story clusters over cleaned bodies, and the search-ready body."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from newsclean.duplicates import NUM_PERM, SCHEME, SHINGLE_WORDS, search_text, signature
from newsclean.runs import latest_articles, run_local
from newsclean.state import open_state
from newsclean.stories import LEGACY_STATE_FILE, open_stories
from tests.conftest import SEEDS, TEST_DATA

STORIES = TEST_DATA / "stories"


def test_search_text_folds_spelling_variants_and_keeps_the_paragraphs() -> None:
    body = "قالَ الرئيـــس إنّ أسعارَ الطاقة ارتفعت ٣٠٪ ،في إطار الأزمة\nسطرٌ ثانٍ على مستوى المدينة"
    assert search_text(body) == "قال الرييس ان اسعار الطاقه ارتفعت 30%, في اطار الازمه\nسطر ثان علي مستوي المدينه"


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt"))[:3], ids=lambda path: path.stem[:12])
def test_signatures_are_datasketchs_minhash_values(seed: Path) -> None:
    """`signature` (cached permutations) gives datasketch's affine64 MinHash of fresh ones; signatures saved by
    earlier runs must stay comparable, for long texts, one-word texts and empty ones."""
    import numpy as np
    from datasketch import MinHash

    for text in (search_text(seed.read_text(encoding="utf-8")), "كلمة", ""):
        words = re.findall(r"\w+", text)  # the shingling signature documents: word 5-grams
        shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
        expected = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
        expected.update_batch([shingle.encode("utf-8") for shingle in shingles])
        assert signature(text) == expected.hashvalues.astype(np.uint64).tobytes()


def test_an_exact_copy_under_other_chrome_points_to_its_original_within_and_across_runs(tmp_path: Path) -> None:
    original = next(SEEDS.glob("004*")).read_text(encoding="utf-8")
    lines = original.split("\n")
    copy = "\n".join(["الرئيسية | أخبار | سياسة", "روسيا بلا خطة لإنقاذ الأسد بحسب بلومبيرغ",
                      *lines[4:-12], "جميع الحقوق محفوظة © 2025 موقع آخر"])
    first, later = tmp_path / "day1", tmp_path / "day2"
    first.mkdir()
    later.mkdir()
    # no publication date on either page: the one listed first is taken as the original
    shutil.copy(next(SEEDS.glob("004*")), first / "a-original.txt")
    (first / "b-copy-same-run.txt").write_text(copy, encoding="utf-8")
    (later / "copy-next-day.txt").write_text(copy.replace("موقع آخر", "موقع ثالث"), encoding="utf-8")
    run_local([first], tmp_path / "out")
    run_local([later], tmp_path / "out")
    rows = {Path(r["source_file"]).name: r for r in ds.dataset(str(tmp_path / "out" / "articles")).to_table(
        columns=["source_file", "doc_id", "near_duplicate_of", "near_duplicate_score", "story_id"]).to_pylist()}
    assert len(rows) == 3  # nothing dropped or merged
    original_id = rows["a-original.txt"]["doc_id"]
    assert rows["a-original.txt"]["near_duplicate_of"] is None
    for name in ("b-copy-same-run.txt", "copy-next-day.txt"):
        assert rows[name]["near_duplicate_of"] == original_id
        assert rows[name]["near_duplicate_score"] >= 0.9
        assert rows[name]["story_id"] == rows["a-original.txt"]["story_id"]


@pytest.fixture(scope="module")
def labelled(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict]:
    """The labelled story set through the pipeline: labels by file, output rows by file."""
    out = tmp_path_factory.mktemp("stories")
    manifest = run_local([STORIES / "raw"], out)
    labels = {a["file"]: a for a in json.loads((STORIES / "labels.json").read_text())["articles"]}
    assert manifest["articles"] == len(labels) >= 30
    rows = {Path(r["source_file"]).name: r for r in ds.dataset(str(out / "articles")).to_table(
        columns=["source_file", "doc_id", "story_id", "near_duplicate_of"]).to_pylist()}
    return labels, rows


def pair_scores(labels: dict, predicted: dict, key: str, languages: str = "all") -> tuple[float, float]:
    """Pair precision and recall of a clustering against the labels' `key` clusters, over all pairs or only
    pairs of articles in the same language ("same") or in different languages ("cross")."""
    pairs = [(a, b) for a, b in itertools.combinations(sorted(labels), 2)
             if languages == "all" or (labels[a]["language"] == labels[b]["language"]) == (languages == "same")]
    gold = {p for p in pairs if labels[p[0]][key] == labels[p[1]][key]}
    found = {p for p in pairs if predicted[p[0]] == predicted[p[1]]}
    return len(gold & found) / max(len(found), 1), len(gold & found) / len(gold)


def test_story_clusters_on_the_labelled_set(labelled) -> None:
    labels, rows = labelled
    stories = {name: row["story_id"] for name, row in rows.items()}
    # Measured (61 articles, 87 positive pairs): precision 1.00 everywhere; recall 0.99 over all pairs, 1.00
    # over the 37 same-language pairs, 0.98 over the 50 cross-language pairs (the one pair missed: seed 003
    # has no date, and articles without one are not matched across languages). Before cross-language keys:
    # recall 0.43 over all pairs and 0.00 across languages. Floors leave a little room, at or above issue 8's
    # goal (precision >= 0.95, recall >= 0.8).
    assert pair_scores(labels, stories, "story") >= (0.95, 0.95)
    same_precision, same_recall = pair_scores(labels, stories, "story", "same")
    assert same_precision >= 0.95 and same_recall >= 0.95
    cross_precision, cross_recall = pair_scores(labels, stories, "story", "cross")
    assert cross_precision >= 0.95 and cross_recall >= 0.9
    # the first batch alone (000-048, the set issue 8 was measured on; 049-060 were written afterwards)
    first = {name: label for name, label in labels.items() if name < "049"}
    assert pair_scores(first, stories, "story") >= (0.95, 0.95)
    seeds = {name[:3]: story for name, story in stories.items() if name[:3] in {"000", "001", "002", "003", "004"}}
    assert seeds["000"] == seeds["001"] == seeds["002"]
    assert len({seeds["000"], seeds["003"], seeds["004"]}) == 3


def test_a_rewrite_in_another_language_next_run_joins_the_story_and_not_another(tmp_path: Path) -> None:
    # run 1: Arabic reports of the 2034 World Cup award (042, 023), of Assad's asylum (009, 029) and the
    # Bloomberg report on Russia (004); run 2, from the state alone: English reports of the award (034) and
    # of the asylum (045), which share names (Saudi Arabia, FIFA; Assad, Moscow, Kremlin) with them
    def raw(*numbers: str) -> list[Path]:
        return [next((STORIES / "raw").glob(f"{n}_*.txt")) for n in numbers]

    for folder, files in (("day1", raw("042", "023", "004", "009", "029")), ("day2", raw("034", "045"))):
        (tmp_path / folder).mkdir()
        for path in files:
            shutil.copy(path, tmp_path / folder / path.name)
        run_local([tmp_path / folder], tmp_path / "out")
    story = {Path(row["source_file"]).name[:3]: row["story_id"]
             for row in latest_articles(tmp_path / "out").select(["source_file", "story_id"]).to_pylist()}
    assert story["034"] == story["042"] == story["023"]
    assert story["045"] == story["009"] == story["029"]
    assert len({story["042"], story["009"], story["004"]}) == 3


def test_a_story_state_saved_as_json_by_an_older_version_is_moved_into_the_database(tmp_path: Path) -> None:
    # version 1 (before cross-language keys): entries are [story_id, day, counts]; they keep their stories
    (tmp_path / LEGACY_STATE_FILE).write_text(json.dumps({
        "documents": 2, "frequency": {"زلزال": 2, "الحوز": 2},
        "entries": {"a": ["a", 738772, {"زلزال": 1, "الحوز": 1}], "b": ["a", 738772, {"زلزال": 1, "الحوز": 1}]},
        "merged": {}}), encoding="utf-8")
    db = open_state(tmp_path)
    index = open_stories(db, tmp_path)
    assert len(index) == 2 and index.documents == 2 and not (tmp_path / LEGACY_STATE_FILE).exists()
    assert index.assign("b", "", None) == "a"  # already indexed: its story, nothing added
    story = index.assign("c", "the earthquake in al haouz province, 2,012 dead", None, language="en")
    index.apply_pending()  # what the batch held in memory (document frequencies) is written before the commit
    db.commit()
    db.close()
    db = open_state(tmp_path)
    again = open_stories(db, tmp_path)
    assert len(again) == 3 and again.resolve(story) == story and again._story_of("c") == (story, "en")
    db.close()


def test_a_version_2_story_state_keeps_its_merges_and_languages_and_an_unreadable_one_is_left(
        tmp_path: Path) -> None:
    state = tmp_path / "v2"
    state.mkdir()
    (state / LEGACY_STATE_FILE).write_text(json.dumps({
        "version": 2, "documents": 3, "frequency": {"بوتين": 2, "putin": 1, "~btn": 2},
        "entries": {"x": ["x", 739000, {"بوتين": 1}, "ar", {"~btn": 1}],
                    "y": ["y", 739001, {"putin": 1}, "en", {"~btn": 1}],
                    "z": ["x", 739001, {"بوتين": 1}, "ar", {}]},
        "merged": {"y": "x"}}), encoding="utf-8")
    db = open_state(state)
    index = open_stories(db, state)
    assert index.resolve("y") == "x" and index.assign("z", "", None) == "x"  # z joined x's story
    assert index._languages("x") == {"ar", "en"} and index._languages("y") == set()
    db.close()
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / LEGACY_STATE_FILE).write_text('{"documents": 1, "entries": [1, 2]}', encoding="utf-8")
    db = open_state(broken)
    assert len(open_stories(db, broken)) == 0  # unreadable: start empty rather than fail the run
    assert (broken / LEGACY_STATE_FILE).exists()  # and leave it for a person to look at
    db.close()


def test_near_duplicates_on_the_labelled_set(labelled) -> None:
    labels, rows = labelled
    by_id = {row["doc_id"]: name for name, row in rows.items()}
    root = {name: by_id.get(row["near_duplicate_of"], name) for name, row in rows.items()}
    for name, label in labels.items():
        label["copy_root"] = label["copy_of"] or name
    precision, recall = pair_scores(labels, root, "copy_root")
    assert (precision, recall) == (1.0, 1.0)


def test_document_frequencies_held_for_a_batch_are_written_whole_at_its_end(tmp_path: Path) -> None:
    # The index keeps a batch's document frequencies in memory and writes them at apply_pending: after two
    # batches (the second re-reading what the first wrote) each term's row counts the articles that have it.
    from collections import Counter

    from newsclean.stories import cross_keys
    from newsclean.textnorm import content_tokens

    bodies = {"a": "the storm hit hamburg harbour on monday", "b": "the storm closed hamburg airport",
              "c": "a storm warning for bremen", "d": "hamburg harbour reopened after the storm"}
    db = open_state(tmp_path)
    index = open_stories(db, tmp_path)
    for batch in (("a", "b"), ("c", "d")):
        for doc_id in batch:
            index.assign(doc_id, search_text(bodies[doc_id]), None, language="en")
        index.apply_pending()
        db.commit()
    expected: Counter[str] = Counter()
    for body in bodies.values():
        tokens = content_tokens(search_text(body), keep_duplicates=True)
        expected.update({*tokens, *cross_keys(search_text(body), tokens)})
    stored = dict(db.execute("SELECT term, documents FROM story_terms"))
    assert stored == dict(expected) and stored["storm"] == 4 and stored["hamburg"] == 3
    assert db.execute("SELECT value FROM story_meta WHERE key = 'documents'").fetchone() == (4,)
    db.close()


def test_entry_terms_are_packed_and_entries_of_earlier_versions_still_read() -> None:
    from newsclean.stories import pack_counts, unpack_counts

    counts = {"بوتين": 3, "kremlin": 1, "~btn": 70000, "#2024": 2}
    assert unpack_counts(pack_counts(counts)) == counts and list(unpack_counts(pack_counts(counts))) == list(counts)
    assert unpack_counts(pack_counts({})) == {}
    assert unpack_counts(json.dumps(counts, ensure_ascii=False)) == counts  # a row written as JSON text


def test_candidate_reads_stop_after_k_postings_and_undated_ones_are_windowed_by_ingestion(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    import newsclean.stories as stories

    monkeypatch.setattr(stories, "CANDIDATES_PER_TERM", 5)
    monkeypatch.setattr(stories, "UNDATED_WINDOW", 30)
    db = open_state(tmp_path)
    index = open_stories(db, tmp_path)
    day = dt.datetime(2024, 12, 8, tzinfo=dt.UTC)
    for number in range(60):  # every article has the common term "assad"; 0-39 undated, 40-59 dated
        index.assign(f"d{number:02d}", f"assad statement number{number} extra{number}",
                     None if number < 40 else day, language="en")
    positions = dict(db.execute("SELECT doc_id, position FROM story_entries"))
    undated = index._candidates(["assad"], None, stories.WINDOW_DAYS)
    # 5 most recent dated, and 5 most recent undated among the last 30 indexed (positions 31-60: d30-d39)
    assert undated == sorted([positions[f"d{n}"] for n in (*range(55, 60), *range(35, 40))])
    index.assign("late", "assad statement again", None, language="en")
    monkeypatch.setattr(stories, "UNDATED_WINDOW", 15)  # the last 15 indexed: d46-d59 and late, none undated
    assert index._candidates(["assad"], None, stories.WINDOW_DAYS) == sorted(
        [positions[f"d{n}"] for n in range(55, 60)] + [len(positions) + 1])
    db.close()


def test_postings_of_earlier_versions_move_to_their_generations(tmp_path: Path) -> None:
    import datetime as dt

    db = open_state(tmp_path)
    index = open_stories(db, tmp_path)
    index.assign("a", "assad left damascus for moscow", None, language="en")
    index.assign("c", "storm floods hamburg harbour", dt.datetime(2024, 12, 8, tzinfo=dt.UTC), language="en")
    index.apply_pending()
    day = dt.date(2024, 12, 8).toordinal()
    # the layout before generations: keyed by term; undated at day -position (or 0, before issue 18)
    db.executescript("""
        CREATE TABLE story_postings (term TEXT NOT NULL, day INTEGER NOT NULL, position INTEGER NOT NULL,
                                     PRIMARY KEY (term, day, position)) WITHOUT ROWID;
        INSERT INTO story_postings SELECT term, CASE day WHEN 0 THEN -position ELSE day END, position
        FROM story_posts;
        UPDATE story_postings SET day = 0 WHERE term = 'moscow';
        DROP TABLE story_posts; DROP TABLE story_generations;""")
    db.commit()
    again = open_stories(db, tmp_path)
    assert not db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'story_postings'").fetchone()
    assert set(db.execute("SELECT DISTINCT generation, day, position FROM story_posts")) == {(0, 0, 1), (0, day, 2)}
    assert list(db.execute("SELECT * FROM story_generations")) == [(0, day, day)]
    assert db.execute("SELECT count(*) FROM story_posts WHERE term = 'moscow'").fetchone() == (1,)
    assert again.assign("b", "assad left damascus for moscow on sunday", None, language="en") == "a"
    db.close()


def test_postings_are_written_by_generation_and_dated_reads_take_the_recent_ones_of_their_days(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    import newsclean.stories as stories

    monkeypatch.setattr(stories, "GENERATION", 10)
    monkeypatch.setattr(stories, "DATED_GENERATIONS", 2)
    monkeypatch.setattr(stories, "CANDIDATES_PER_TERM", 3)
    db = open_state(tmp_path)
    index = open_stories(db, tmp_path)
    early, late = dt.datetime(2024, 12, 1, tzinfo=dt.UTC), dt.datetime(2024, 12, 20, tzinfo=dt.UTC)
    # positions 1-49: 1-9 published on 1 Dec, 10-49 on 20 Dec (generations 0-4 of 10 positions), 50-54 undated
    for number in range(1, 55):
        index.assign(f"d{number:02d}", f"assad statement number{number} extra{number}",
                     None if number >= 50 else early if number < 10 else late, language="en")
    assert set(db.execute("SELECT generation, min(position), max(position) FROM story_posts GROUP BY 1")) == {
        (0, 1, 9), (1, 10, 19), (2, 20, 29), (3, 30, 39), (4, 40, 49), (5, 50, 54)}
    early_day, late_day = early.date().toordinal(), late.date().toordinal()
    assert list(db.execute("SELECT * FROM story_generations ORDER BY 1")) == [
        (0, early_day, early_day), *((g, late_day, late_day) for g in range(1, 5))]
    # 20 Dec: of the two most recent generations with that day (3, 4), the 3 most recent postings: 47-49;
    # undated: 52-54 (3 most recent)
    assert index._candidates(["assad"], late_day, stories.WINDOW_DAYS) == [47, 48, 49, 52, 53, 54]
    # 1 Dec: only generation 0 holds it, however many later generations there are
    assert index._candidates(["assad"], early_day, stories.WINDOW_DAYS) == [7, 8, 9, 52, 53, 54]
    assert index._candidates(["extra15"], late_day, stories.WINDOW_DAYS) == []  # generation 1: not read
    monkeypatch.setattr(stories, "DATED_GENERATIONS", 4)
    assert index._candidates(["extra15"], late_day, stories.WINDOW_DAYS) == [15]
    db.close()


def test_lsh_buckets_are_read_earliest_first_up_to_a_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.duplicates as duplicates

    monkeypatch.setattr(duplicates, "BUCKET_READ", 3)
    db = open_state(tmp_path)
    index = duplicates.open_index(db, tmp_path)
    body = search_text(next(SEEDS.glob("004*")).read_text(encoding="utf-8"))
    hashed = signature(body)
    assert index.match("original", hashed) == (None, None)
    for number in range(10):
        assert index.match(f"copy{number}", hashed) == ("original", 1.0)
    reads: list[int] = []
    db.set_trace_callback(lambda sql: reads.append(sql.count("LIMIT 3")))
    assert index.match("copy-late", hashed) == ("original", 1.0)
    assert sum(reads) == duplicates.BANDS  # each band's bucket read with the cap
    db.close()


def test_a_full_bucket_takes_no_more_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.duplicates as duplicates

    monkeypatch.setattr(duplicates, "BUCKET_READ", 3)
    db = open_state(tmp_path)
    index = duplicates.open_index(db, tmp_path)
    hashed = signature(search_text(next(SEEDS.glob("004*")).read_text(encoding="utf-8")))
    for number in range(5):
        index.match(f"copy{number}", hashed)
    rows = db.execute("SELECT band, count(*) FROM dup_buckets GROUP BY band").fetchall()
    assert rows == [(band, 3) for band in range(duplicates.BANDS)]  # the three earliest, in every band
    assert len(index) == 5 and index.match("copy9", hashed) == ("copy0", 1.0)
    db.close()


def test_lsh_bands_of_an_earlier_version_move_to_the_buckets(tmp_path: Path) -> None:
    import numpy as np

    import newsclean.duplicates as duplicates

    hashed = signature(search_text(next(SEEDS.glob("004*")).read_text(encoding="utf-8")))
    values = np.frombuffer(hashed, dtype=np.uint64)
    db = open_state(tmp_path)
    db.executescript("""
        CREATE TABLE dup_signatures (position INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL,
                                     hashvalues BLOB NOT NULL);
        CREATE TABLE dup_bands (band INTEGER NOT NULL, key BLOB NOT NULL, doc_id TEXT NOT NULL);""")
    db.execute("INSERT INTO dup_signatures (doc_id, hashvalues) VALUES ('original', ?)", (hashed,))
    db.executemany("INSERT INTO dup_bands VALUES (?, ?, 'original')",
                   ((band, values[band * duplicates.ROWS:(band + 1) * duplicates.ROWS].tobytes())
                    for band in range(duplicates.BANDS)))
    db.commit()
    index = duplicates.open_index(db, tmp_path)
    assert db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'dup_bands'").fetchone() is None
    assert db.execute("SELECT count(*) FROM dup_buckets").fetchone()[0] == duplicates.BANDS
    assert index.match("copy", hashed) == ("original", 1.0)
    db.close()
