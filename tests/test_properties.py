"""Properties of the pure cleaning core (Hypothesis): never raises, invents nothing, is idempotent, and leaves
chrome-free text alone."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.decode import decode
from newsclean.extract import split_lines
from newsclean.pipeline import clean_document
from newsclean.records import Article, Decoded, RawDoc, Rejection
from tests.conftest import SEEDS

# Three stories (a title, its paragraphs, its subheadings); a generated page tells one of them.
STORIES = [
    ("وزارة الصحة تفتتح ثلاثة مستشفيات جديدة في الجنوب", [
        "أعلنت وزارة الصحة اليوم عن افتتاح ثلاثة مستشفيات جديدة في المحافظات الجنوبية لتخفيف الضغط على المرافق.",
        "وقال وزير الصحة في مؤتمر صحفي إن المستشفيات الجديدة ستستقبل المرضى اعتبارا من الشهر المقبل بطاقة كاملة.",
        "وأضاف أن الوزارة تعمل على توظيف مئات الأطباء والممرضين لتشغيل المستشفيات الجديدة وفق أعلى المعايير.",
        "ومن المتوقع أن تكتمل المرحلة الثانية من مشروع المستشفيات قبل نهاية العام الجاري بحسب الجدول المعلن.",
    ], ["خطة التوظيف", "تفاصيل المشروع"]),
    ("Council passes budget for new bus lanes", [
        "The council approved the budget on Tuesday after months of debate over the cost of new bus lanes.",
        "The plan adds forty kilometres of bus lanes and doubles the number of night services by next spring.",
        "Council members said the vote reflected residents' demands for cheaper and faster public transport.",
    ], ["Next steps", "What changes"]),
    ("Le conseil adopte le budget des voies de bus", [
        "Le conseil municipal a adopté mardi le budget après des mois de débats sur le coût des voies de bus.",
        "Le plan ajoute quarante kilomètres de voies de bus et double le nombre de lignes de nuit au printemps.",
        "Les élus estiment que le vote répond à la demande des habitants pour des transports moins chers.",
    ], ["Les prochaines étapes", "Ce qui change"]),
]
CHROME = ["اقرأ أيضاً: وزير المالية يعلن موازنة العام المقبل", "تابعونا على تيليجرام", "0 تعليق",
          "جميع الحقوق محفوظة © 2025", "Advertisement", "Share on Facebook", "إعلان", "...", "12345",
          "هذا الموقع يستخدم ملفات تعريف الارتباط لتحسين تجربتك", "Publicité", "الأكثر قراءة"]
fast = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def raw(data: bytes, name: str = "doc.txt") -> RawDoc:
    return RawDoc(name, data, hashlib.sha256(data).hexdigest())


def is_subsequence(part: list[str], whole: list[str]) -> bool:
    position = iter(whole)
    return all(any(line == candidate for candidate in position) for line in part)


@fast
@given(st.binary(max_size=4000))
def test_random_bytes_never_raise(data: bytes) -> None:
    assert isinstance(clean_document(raw(data)), Article | Rejection)


@fast
@given(st.text(max_size=3000))
def test_random_unicode_never_raises(text: str) -> None:
    for name in ("doc.txt", "doc.html"):
        assert isinstance(clean_document(raw(text.encode("utf-8", "surrogatepass"), name)), Article | Rejection)


@st.composite
def pages(draw: st.DrawFn, with_chrome: bool = True) -> tuple[str, list[str], list[str]]:
    """A page telling one story: head chrome, the title, paragraphs, subheadings and chrome in any order."""
    title, paragraphs, subheadings = draw(st.sampled_from(STORIES))
    pool = paragraphs + subheadings + (CHROME if with_chrome else [])
    middle = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=25))
    head = draw(st.lists(st.sampled_from(CHROME), max_size=5)) if with_chrome else []
    return title, head, middle


@fast
@given(pages())
def test_body_lines_are_a_subsequence_of_the_input_and_cleaning_is_idempotent(
        page: tuple[str, list[str], list[str]]) -> None:
    title, head, middle = page
    text = "\n".join([*head, title, *middle])
    result = clean_document(raw(text.encode()))
    if isinstance(result, Rejection):
        return
    decoded = decode(raw(text.encode()))
    assert isinstance(decoded, Decoded)
    body = result.body.split("\n")
    assert is_subsequence(body, list(split_lines(decoded.text)))  # nothing invented, order kept
    again = clean_document(raw(f"{result.title}\n{result.body}".encode()))
    assert isinstance(again, Article)
    assert (again.title, again.body) == (result.title, result.body)


@fast
@given(st.sampled_from(STORIES), st.data())
def test_text_without_chrome_passes_unchanged(story: tuple[str, list[str], list[str]], data: st.DataObject) -> None:
    title, paragraphs, subheadings = story
    lines = data.draw(st.permutations(paragraphs))
    chosen = data.draw(st.lists(st.sampled_from(subheadings), max_size=len(paragraphs) - 1, unique=True))
    for offset, subheading in enumerate(chosen):
        lines.insert(1 + 2 * offset, subheading)  # a subheading always sits between two paragraphs
    result = clean_document(raw("\n".join([title, *lines]).encode()))
    assert isinstance(result, Article)
    assert result.title == title
    assert result.body.split("\n") == lines
    assert result.removed == []


def test_seeds_are_idempotent() -> None:
    for path in sorted(SEEDS.iterdir()):
        first = clean_document(raw(path.read_bytes(), path.name))
        assert isinstance(first, Article)
        again = clean_document(raw(f"{first.title}\n{first.body}".encode()))
        assert isinstance(again, Article) and (again.title, again.body) == (first.title, first.body)
