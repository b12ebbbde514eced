"""The chrome rules as data: well-formed, each holding its own examples, and never eating ordinary prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.chrome.lexicon import RuleError, check_examples, default_rules, load_rules, match_line
from newsclean.chrome.structure import label_lines


def test_every_rule_holds_its_examples() -> None:
    assert check_examples(default_rules()) == []


def test_rule_files_cover_three_languages_and_the_issue_categories() -> None:
    rules = default_rules()
    assert {r.id.split(".")[0] for r in rules} == {"ar", "en", "fr"}
    categories = {r.category for r in rules if r.label == "chrome" and r.id.startswith("ar.")}
    assert {"comments", "cookie", "donation", "social_promo", "newsletter", "share_widget", "related",
            "navigation", "ad", "form_message", "caption", "tag", "counter", "disclaimer", "footer"} <= categories
    assert all(r.must_match for r in rules), "every rule documents what it must match"


def test_regional_spellings_of_one_ui_string_match_one_rule() -> None:
    for platform in ("تلغرام", "تيليجرام", "تلجرام", "تيليغرام", "Telegram"):
        hits = match_line(f"انضموا إلى قناتنا على {platform}")
        assert any(h.rule.category == "social_promo" for h in hits), platform
    for cookie in ("الكوكيز", "ملفات تعريف الارتباط", "ملفات الارتباط"):
        hits = match_line(f"يستخدم هذا الموقع {cookie} لتحسين تجربتك")
        assert any(h.rule.category == "cookie" for h in hits), cookie


def test_captured_site_name_keeps_the_page_spelling() -> None:
    hits = match_line("ادعم مؤسسة الصحافة")
    assert hits[0].groups["site"] == "مؤسسة الصحافة"  # taa marbuta as written, not folded


def test_duplicate_rule_ids_are_refused(tmp_path: Path) -> None:
    rule = "      - {id: ar.x.y, pattern: 'a', must_match: ['a']}\n"
    (tmp_path / "ar.yaml").write_text("language: ar\nchrome:\n  ad:\n" + rule + rule, encoding="utf-8")
    with pytest.raises(RuleError, match="duplicate"):
        load_rules(tmp_path)


# Ordinary news paragraphs that happen to use the words chrome uses: removing them is the worse error.
PROSE_WITH_TRIGGER_WORDS = [
    "وقال الوزير في تعليق على القرار إن الحكومة ستراجع الرسوم الجديدة خلال الأسابيع المقبلة بعد اعتراض التجار.",
    "ودعا الاتحاد المواطنين إلى أن يشترك كل حي في حملة التنظيف التي تنطلق يوم السبت المقبل في العاصمة.",
    "وأوضح التقرير أن شركات الإعلان تعتمد على الكوكيز لتتبع المستخدمين بين المواقع دون علمهم في معظم الأحيان.",
    "وأكد الناطق أن الرسائل المتداولة عبر واتساب حول إغلاق المدارس غير صحيحة ودعا إلى تحري الدقة.",
    "ونشرت السفارة بيانا عبر حسابها في تيليجرام طالبت فيه رعاياها بمغادرة البلاد في أقرب وقت ممكن.",
    "Regulators said the company had used cookie data to profile millions of users without their consent.",
    "Residents were asked to subscribe to emergency text alerts before the storm reached the coast on Friday.",
    "Les commentaires du ministre ont provoqué une vive polémique au sein de la majorité, selon plusieurs élus.",
]


@pytest.mark.parametrize("paragraph", PROSE_WITH_TRIGGER_WORDS)
def test_prose_with_chrome_words_is_not_matched(paragraph: str) -> None:
    assert [h.rule.id for h in match_line(paragraph) if h.rule.label == "chrome"] == []


def test_prose_with_chrome_words_stays_in_the_body() -> None:
    lines = ["عنوان الخبر: الحكومة تراجع الرسوم الجمركية على الواردات", *PROSE_WITH_TRIGGER_WORDS]
    labelled = label_lines(lines)
    assert [line.label for line in labelled.lines] == ["title"] + ["body"] * len(PROSE_WITH_TRIGGER_WORDS)
