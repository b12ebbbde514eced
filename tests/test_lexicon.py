"""The chrome rules as data: well-formed, each holding its own examples, and never eating ordinary prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.chrome.label import label_lines
from newsclean.chrome.lexicon import RuleError, check_examples, default_rules, load_rules, match_line


def test_every_rule_holds_its_examples() -> None:
    assert check_examples(default_rules()) == []


def test_rule_files_cover_seven_languages_and_the_issue_categories() -> None:
    rules = default_rules()
    assert {r.id.split(".")[0] for r in rules} == {"ar", "en", "fr", "pt", "es", "it", "de"}
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
    # a notice or an appeal quoted by a sentence is the story's subject
    "وأضاف أن عبارة \"جميع الحقوق محفوظة للمؤلف\" ليست مجرد كلمات تطبع على الكتب، بل التزام قانوني.",
    "واعتبر وزير الاتصال أن \"الصحافة الحرة تحتاج إلى دعمكم\" في كلمته بمناسبة اليوم العالمي لحرية الصحافة.",
    "وظهرت للمواطنين رسالة «حدث خطأ، حاول مرة أخرى» عند محاولة التسجيل في منصة الدعم الحكومي طوال اليوم الأول.",
    "The judge found that the phrase “All rights reserved” has no legal effect on its own under current law.",
    "La mention « Tous droits réservés » ne suffit pas à établir la titularité des droits, a rappelé la cour.",
    # a sentence citing its wire, or with the agency as its object
    "وشهدت المدينة أمطاراً غزيرة تسببت في إغلاق عدد من الطرق الرئيسية (أ ف ب).",
    "An Alibaba spokesperson declined to comment on the pricing to Reuters.",
    "« Nous ne céderons pas », a déclaré le ministre de l'Intérieur à l'AFP.",
    # a publication label opening a sentence
    "Published in 2019, the report found 40 cases of fraud in the regional health system.",
    "نشر الجيش الإسرائيلي 3 آلاف جندي إضافي على الحدود الشمالية خلال الأسبوع الماضي",
]


@pytest.mark.parametrize("paragraph", PROSE_WITH_TRIGGER_WORDS)
def test_prose_with_chrome_words_is_not_matched(paragraph: str) -> None:
    assert [h.rule.id for h in match_line(paragraph) if h.rule.label == "chrome"] == []


def test_prose_with_chrome_words_stays_in_the_body() -> None:
    lines = ["عنوان الخبر: الحكومة تراجع الرسوم الجمركية على الواردات", *PROSE_WITH_TRIGGER_WORDS]
    labelled = label_lines(lines)
    assert [line.label for line in labelled.lines] == ["title"] + ["body"] * len(PROSE_WITH_TRIGGER_WORDS)


def _every_rule(text: str) -> list[tuple[str, dict[str, str]]]:
    """What match_line returned before the prefilter: every rule run on the line."""
    from newsclean.chrome.lexicon import find_original
    from newsclean.textnorm import count_words, fold

    folded, n_words, hits = fold(text), count_words(text), []
    for rule in default_rules():
        found = rule.matches(folded, n_words)
        if found:
            hits.append((rule.id, {k.rstrip("0123456789"): find_original(text, v.strip())
                                   for k, v in found.groupdict().items() if v and v.strip()}))
    return hits


def test_prefilter_never_drops_a_matching_rule() -> None:
    """The prefilter only skips rules that cannot match: same hits as running every rule, on every rule's
    examples (and their upper-case, prefixed and suffixed variants) and every line of the raw test set."""
    from newsclean.extract import split_lines

    raw = Path(__file__).parent / "data" / "raw"
    lines = [line for path in sorted(raw.iterdir())
             for line in split_lines(path.read_text(encoding="utf-8", errors="replace"))]
    for rule in default_rules():
        for example in (*rule.must_match, *rule.must_not_match):
            lines += [example, example.upper(), f"— {example}", f"{example} ...", f"«{example}»", f"x{example}"]
    lines += [*PROSE_WITH_TRIGGER_WORDS, "", "ـــ", "١٢ تعليقا", "ıNSTAGRAM Facebook", "Ｓｈａｒｅ", "😀 Share"]
    for line in lines:
        assert [(h.rule.id, h.groups) for h in match_line(line)] == _every_rule(line), line


def test_prefilter_characters_have_no_case_insensitive_twins() -> None:
    """Lines made of `_SAFE` characters are compared by plain equality: no two of them may be equal under
    re.IGNORECASE, which also equates e.g. 'i' with dotless 'ı' and 's' with long 's' (those stay out)."""
    import re

    from newsclean.chrome.lexicon import _SAFE, _UNSAFE

    assert "ı" not in _SAFE and "ſ" not in _SAFE and "A" not in _SAFE and "i" in _SAFE and "ة" in _SAFE
    for char in _SAFE:
        twins = {c for c in (char.upper(), char.lower(), char.casefold()) if len(c) == 1}
        extra = getattr(getattr(re, "_casefix", None), "_EXTRA_CASES", {}).get(ord(char), ())
        twins |= {chr(code) for code in extra}
        assert (twins - {char}) & _SAFE == set(), char
    assert _UNSAFE.search("share Ş") and not _UNSAFE.search("شارك share, 12 — «x»")


def test_fold_is_the_regex_fold_it_replaces() -> None:
    """`fold` deletes marks inside its translation table and collapses spaces with str.split: the same
    result as the regex substitutions it replaced."""
    import random
    import re
    import unicodedata

    from newsclean.textnorm import _LETTER_FOLDS, _LONE_TATWEEL, _MARKS, fold

    def regex_fold(text: str) -> str:
        text = _LONE_TATWEEL.sub("-", unicodedata.normalize("NFKC", text).casefold())
        return re.sub(r"\s+", " ", _MARKS.sub("", text).translate(_LETTER_FOLDS)).strip()

    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x2100)] + ["\u0640", "\u00a0", "\u3000", "😀", "ﻻ", "\ufe71", "\u2028"]
    samples = ["ـــ تصوير", "كتبـــت", "أُمّ ١٢", "Ｓｈａｒｅ  «x»", "\x1c a \t\n b \u200b"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(20000)]
    for text in samples:
        assert fold(text) == regex_fold(text), repr(text)
