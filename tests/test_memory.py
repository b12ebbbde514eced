"""Cross-document learning: lines many stories of one site share are chrome; copies of one story are not."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from newsclean.chrome import memory as memory_module
from newsclean.chrome.memory import MIN_STORIES, SiteMemory, load_memory, save_memory, story_keys
from newsclean.pipeline import clean_paths
from newsclean.runs import run_local
from newsclean.textnorm import fold
from tests.conftest import SEED_GOLD, seed_text

PROMO = "نتمنى لكم قراءة ممتعة ونعدكم بتغطية شاملة لكل ما يهم المواطن في كل مكان وزمان"
# Six different stories of one site: their paragraphs share no five words in a row, as different articles do
# (stories that differ in one word a paragraph are copies, `near_duplicate_of` one another, and count once).
STORIES = {
    "الزراعة": [
        "أعلنت وزارة الزراعة اليوم عن توزيع بذور محسنة على المزارعين في محافظات الدلتا قبل بداية موسم القمح الشتوي.",
        "وقال المتحدث باسم الوزارة إن الكميات تكفي مساحة تزيد على مليون فدان وإن الأسعار ستبقى مدعومة هذا العام.",
        "وأوضح أن الجمعيات التعاونية ستتولى التوزيع بداية من الأسبوع المقبل مع متابعة ميدانية من المهندسين الزراعيين.",
    ],
    "الصحة": [
        "افتتحت وزارة الصحة مستشفى جديدا للأطفال في العاصمة يضم مئتي سرير وغرفا مجهزة للعناية المركزة وحديثي الولادة.",
        "وذكرت الوزيرة في كلمتها أن المستشفى سيستقبل المرضى مجانا من الأسر محدودة الدخل ويعمل على مدار الساعة.",
        "وأشارت إلى أن الطواقم الطبية تلقت تدريبا خاصا في الخارج لمدة ستة أشهر قبل الافتتاح الرسمي للمبنى.",
    ],
    "التعليم": [
        "قررت وزارة التعليم تأجيل امتحانات نهاية الفصل الدراسي الأول أسبوعا كاملا بسبب موجة الأمطار الغزيرة في البلاد.",
        "وأكد بيان رسمي صادر عن الوزارة أن الجداول الجديدة ستنشر على موقعها الإلكتروني خلال يومين على الأكثر.",
        "ودعا أولياء الأمور إلى متابعة الإعلانات الرسمية وعدم الالتفات إلى الشائعات المتداولة على مواقع التواصل.",
    ],
    "النقل": [
        "بدأت وزارة النقل تشغيل خط القطار السريع الذي يربط الميناء بالمنطقة الصناعية في رحلة تستغرق أقل من ساعة.",
        "وقال مدير المشروع إن القطار ينقل نحو عشرين ألف راكب يوميا وإن التذاكر متاحة في المحطات وعبر تطبيق الهاتف.",
        "وتوقع خبراء أن يخفف الخط الجديد الازدحام على الطريق السريع وأن يقلل تكاليف نقل البضائع بين المدينتين.",
    ],
    "الطاقة": [
        "وقعت وزارة الطاقة عقدا مع شركة أجنبية لبناء محطة للطاقة الشمسية في الصحراء الغربية بقدرة خمسمئة ميغاواط.",
        "وبحسب الاتفاق تبدأ أعمال الإنشاء في الربيع المقبل وتدخل المحطة الخدمة بعد ثلاثين شهرا من توقيع العقد.",
        "وقال وكيل الوزارة إن المحطة ستوفر الكهرباء لنحو ثلاثمئة ألف منزل وتقلل استهلاك الوقود التقليدي بشكل كبير.",
    ],
    "السياحة": [
        "سجلت وزارة السياحة ارتفاعا في أعداد الزوار الأجانب خلال الصيف الماضي بنسبة تجاوزت ربع ما تحقق قبل عام.",
        "وعزت الوزارة هذا النمو إلى الحملات الترويجية في الأسواق الأوروبية وافتتاح فنادق جديدة على الساحل الشمالي.",
        "وتأمل الحكومة أن تصل عائدات القطاع إلى مستوى قياسي مع استمرار الرحلات المباشرة من عدة عواصم أوروبية.",
    ],
}
TOPICS = list(STORIES)


def story(topic: str, promo: bool = True) -> str:
    """A small article about `topic`, with the site's unknown promo line inside its body."""
    paragraphs = STORIES[topic]
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


def recaptures(count: int) -> list[str]:
    """`count` captures of seeds/004 as a crawler fetches one page again: each ends its three longest
    paragraphs with its own counter " (n)"."""
    lines = seed_text("004").split("\n")
    longest = sorted(range(len(lines)), key=lambda i: len(lines[i]), reverse=True)[:3]
    captures = []
    for number in range(1, count + 1):
        capture = list(lines)
        for index in longest:
            capture[index] += f" ({number})"
        captures.append("\n".join(capture))
    return captures


def gold_004() -> dict[str, str]:
    return json.loads(next(SEED_GOLD.glob("004_*.json")).read_text(encoding="utf-8"))


def test_recaptures_share_story_keys_and_different_stories_none() -> None:
    def keys(text: str) -> set[str]:
        lines = text.split("\n")
        return set(story_keys([fold(line) for line in lines]))

    first, second = recaptures(2)
    assert keys(first) & keys(second)
    stories = [keys(story(topic)) for topic in TOPICS]
    assert all(not a & b for i, a in enumerate(stories) for b in stories[i + 1:])


@pytest.mark.parametrize("batches", [1, 4], ids=["one-batch", "four-batches"])
def test_recaptures_teach_the_site_nothing(batches: int) -> None:
    """Thirty captures of one page are one story: its title and paragraphs are never learned as template, also
    when the captures come in several batches whose observations are merged (as a run does)."""
    memory = SiteMemory()
    captures = recaptures(30)
    for start in range(batches):
        batch = SiteMemory()
        for text in captures[start::batches]:
            batch.observe("folder:in", text.split("\n"))
        memory.merge(batch)
    assert memory.chrome_lines("folder:in") == frozenset()
    gold = gold_004()
    for line in [gold["title"], *gold["body"].split("\n")]:
        assert len(memory.sites["folder:in"].get(fold(line), [[]])) == 1  # one story, however many captures


def test_a_template_line_is_still_learned_beside_recaptures() -> None:
    # the captures count as one story; with two other stories the site's promo line is template
    memory = SiteMemory()
    for text in [*(capture + "\n" + PROMO for capture in recaptures(5)), story(TOPICS[0]), story(TOPICS[1])]:
        memory.observe("folder:in", text.split("\n"))
    assert memory.chrome_lines("folder:in") == {fold(PROMO)}


@pytest.mark.parametrize(("count", "batch_size"), [(3, 500), (30, 500), (30, 7)])
def test_a_batch_of_recaptures_gives_one_original_and_its_copies(tmp_path: Path, count: int,
                                                                 batch_size: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, text in enumerate(recaptures(count)):
        (folder / f"capture{number:02d}.txt").write_text(text, encoding="utf-8")
    manifest = run_local([folder], tmp_path / "out", batch_size=batch_size)
    rows = ds.dataset(str(tmp_path / "out" / "articles")).to_table(
        columns=["doc_id", "title", "body", "near_duplicate_of"]).to_pylist()
    assert manifest["articles"] == len(rows) == count and not manifest["rejected"]
    gold = gold_004()
    for row in rows:
        assert row["title"] == gold["title"]
        assert re.sub(r" \(\d+\)$", "", row["body"], flags=re.MULTILINE) == gold["body"]
    originals = [row["doc_id"] for row in rows if row["near_duplicate_of"] is None]
    assert len(originals) == 1
    assert sorted(row["near_duplicate_of"] for row in rows if row["doc_id"] != originals[0]) == originals * (count - 1)
