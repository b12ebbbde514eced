"""Cross-document learning: lines many stories of one site share are chrome; copies of one story are not."""

from __future__ import annotations

from pathlib import Path

from newsclean.chrome import memory as memory_module
from newsclean.chrome.memory import MIN_STORIES, SiteMemory, load_memory, save_memory
from newsclean.pipeline import clean_paths
from newsclean.runs import run_local
from newsclean.textnorm import fold

PROMO = "نتمنى لكم قراءة ممتعة ونعدكم بتغطية شاملة لكل ما يهم المواطن في كل مكان وزمان"
TOPICS = ["الزراعة", "الصحة", "التعليم", "النقل", "الطاقة", "السياحة"]


def story(topic: str, promo: bool = True) -> str:
    """A small article about `topic`, with the site's unknown promo line inside its body."""
    paragraphs = [
        f"أعلنت وزارة {topic} اليوم عن خطة جديدة لتطوير الخدمات المقدمة للمواطنين في جميع المحافظات خلال العام.",
        f"وقال المتحدث باسم وزارة {topic} إن الخطة تتضمن مشروعات كبيرة بتمويل حكومي وشراكة مع القطاع الخاص.",
        f"وأضاف أن العمل في مشروعات {topic} سيبدأ الشهر المقبل على أن ينتهي خلال عامين وفق الجدول الزمني المعلن.",
    ]
    lines = [f"وزارة {topic} تعلن خطة جديدة لتطوير الخدمات", paragraphs[0], *([PROMO] if promo else []),
             *paragraphs[1:]]
    return "\n".join(lines)


def write_site(folder: Path, topics: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for topic in topics:
        (folder / f"{topic}.txt").write_text(story(topic), encoding="utf-8")
    return [str(folder / f"{t}.txt") for t in topics]


def test_a_line_shared_by_enough_stories_of_a_site_is_removed(tmp_path: Path) -> None:
    result = clean_paths(write_site(tmp_path / "site", TOPICS[:MIN_STORIES]))
    assert len(result.articles) == MIN_STORIES
    for article in result.articles:
        assert PROMO not in article.body
        assert {"text": PROMO, "rule": "memory.site_recurring"}.items() <= next(
            r for r in article.removed if r["text"] == PROMO).items()


def test_too_few_stories_teach_nothing(tmp_path: Path) -> None:
    result = clean_paths(write_site(tmp_path / "site", TOPICS[: MIN_STORIES - 1]))
    assert all(PROMO in article.body for article in result.articles)


def test_copies_of_one_story_keep_their_paragraphs(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    for number in range(4):  # one syndicated story saved four times (different bytes: a trailing note)
        (folder / f"copy{number}.txt").write_text(story("الصحة", promo=False) + f"\n{'—' * number}",
                                                  encoding="utf-8")
    result = clean_paths(sorted(str(p) for p in folder.iterdir()))
    assert len(result.articles) == 4
    assert all(article.body.count("\n") == 2 for article in result.articles)  # all three paragraphs kept


def test_memory_carries_over_between_runs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    site = tmp_path / "in" / "site"
    first = write_site(site, TOPICS[:2])
    run_local(first, out)
    assert (out / "state" / "site_memory.json").exists()
    later = write_site(site, TOPICS[2:3])
    run_local(later, out)
    import pyarrow.dataset as ds

    rows = ds.dataset(str(out / "articles")).to_table(columns=["source_file", "body", "run_id"]).to_pylist()
    latest = [r for r in rows if r["source_file"] == later[0]]
    assert len(latest) == 1 and PROMO not in latest[0]["body"]


def test_state_round_trips_and_stays_bounded(tmp_path: Path) -> None:
    memory = SiteMemory()
    for topic in TOPICS:
        memory.observe("folder:x", story(topic).split("\n"))
    save_memory(memory, tmp_path)
    loaded = load_memory(tmp_path)
    assert loaded.chrome_lines("folder:x") == memory.chrome_lines("folder:x")
    assert all(len(stories) <= MIN_STORIES for stories in loaded.sites["folder:x"].values())
    assert load_memory(tmp_path / "absent").sites == {}


def test_prune_keeps_learned_lines_and_the_most_recent_candidates(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Why recent: a template line recurs within a few documents; a candidate unseen for long is body text.
    The oldest candidates are the ones dropped, never a learned line."""
    monkeypatch.setattr(memory_module, "MAX_CANDIDATES_PER_SITE", 4)
    memory = SiteMemory()
    for topic in TOPICS:
        memory.observe("folder:x", story(topic).split("\n"))
    memory.prune()
    last = [fold(line) for line in story(TOPICS[-1]).split("\n") if line != PROMO]
    assert memory.chrome_lines("folder:x") == {fold(PROMO)}
    assert list(memory.sites["folder:x"]) == [fold(PROMO), *last]


def test_prune_drops_candidates_of_the_sites_seen_longest_ago_first(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A run over many scrape folders (one a day is common) must not keep every folder's candidates
    forever; the learned lines of a site not seen for long stay."""
    monkeypatch.setattr(memory_module, "MAX_CANDIDATES", 6)
    memory = SiteMemory()
    for site in ("folder:old", "folder:new"):
        for topic in TOPICS[:3]:
            memory.observe(site, story(topic).split("\n"))
    batch = SiteMemory()
    batch.observe("folder:old", story(TOPICS[3]).split("\n"))  # the old site seen again: now the most recent
    memory.merge(batch)
    memory.prune()
    assert list(memory.sites) == ["folder:new", "folder:old"]
    assert memory.chrome_lines("folder:new") == memory.chrome_lines("folder:old") == {fold(PROMO)}
    assert len(memory.sites["folder:old"]) == 1 + 6  # the budget went to the most recent site first
    assert list(memory.sites["folder:new"]) == [fold(PROMO)]


def test_batches_are_given_only_lines_seen_in_two_stories_as_copies() -> None:
    memory = SiteMemory()
    memory.observe("folder:x", story(TOPICS[0]).split("\n"))
    memory.observe("folder:x", story(TOPICS[1]).split("\n"))
    view = memory.repeated()
    assert list(view.sites["folder:x"]) == [fold(PROMO)]
    view.sites["folder:x"][fold(PROMO)].append(["k"])
    assert len(memory.sites["folder:x"][fold(PROMO)]) == 2  # the view's lists are its own


def test_prune_forgets_whole_sites_seen_longest_ago_past_the_learned_budget(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(memory_module, "MAX_LEARNED", 1)
    memory = SiteMemory()
    for site in ("folder:2026-11-23", "folder:2026-11-24"):  # a scrape folder a day, each its own template
        for topic in TOPICS[:3]:
            memory.observe(site, story(topic).split("\n"))
    memory.prune()
    assert list(memory.sites) == ["folder:2026-11-24"]
    assert memory.chrome_lines("folder:2026-11-24") == {fold(PROMO)}
