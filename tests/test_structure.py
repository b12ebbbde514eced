"""The line labeller on small documents: title choice, body block, edges, in-body evidence."""

from __future__ import annotations

from newsclean.chrome.label import label_lines

P1 = ("أعلنت وزارة الصحة اليوم عن افتتاح ثلاثة مستشفيات جديدة في المحافظات الجنوبية "
      "لتخفيف الضغط على المرافق القائمة.")
P2 = "وقال وزير الصحة في مؤتمر صحفي إن المستشفيات الجديدة ستستقبل المرضى اعتبارا من الشهر المقبل بطاقة استيعابية كاملة."
P3 = ("وأضاف أن الوزارة تعمل على توظيف مئات الأطباء والممرضين لتشغيل المستشفيات الجديدة "
      "وفق أعلى المعايير الطبية المعتمدة.")
TITLE = "وزارة الصحة تفتتح ثلاثة مستشفيات جديدة في الجنوب"


def labels(lines: list[str]) -> list[tuple[str, str | None]]:
    return [(line.label, line.category) for line in label_lines(lines).lines]


def test_title_is_the_headline_that_matches_the_body_not_the_first_line() -> None:
    ticker = "عاجل: انقطاع الكهرباء عن عدة أحياء في العاصمة بسبب عطل فني"
    result = label_lines([ticker, TITLE, P1, P2])
    assert result.title_index == 1
    assert result.lines[0].label == "chrome"


def test_short_subheading_inside_the_body_is_body() -> None:
    assert labels([TITLE, P1, "خطة التوظيف", P2, P3])[2] == ("body", None)


def test_read_also_line_inside_the_body_is_chrome() -> None:
    result = label_lines([TITLE, P1, "اقرأ أيضاً: وزير المالية يعلن موازنة العام المقبل", P2, P3])
    assert (result.lines[2].label, result.lines[2].category) == ("chrome", "related")
    assert result.lines[2].rule == "ar.related.read_also"


def test_related_header_claims_the_headlines_after_it() -> None:
    result = label_lines([TITLE, P1, "مواضيع ذات صلة:", "ارتفاع أسعار الدواء في الأسواق المحلية", P2, P3])
    assert [line.label for line in result.lines] == ["title", "body", "chrome", "chrome", "body", "body"]
    assert result.lines[3].rule == "ar.related.header+claimed"


def test_unknown_short_lines_after_the_body_are_chrome_but_a_closing_sentence_is_body() -> None:
    closing = "ومن المتوقع أن تكتمل المرحلة الثانية قبل نهاية العام."
    result = label_lines([TITLE, P1, P2, closing, "مقالات قد تعجبك اليوم", "سياسة", "اقتصاد"])
    assert [line.label for line in result.lines] == ["title", "body", "body", "body", "chrome", "chrome", "chrome"]


def test_repeated_title_lone_numbers_and_separators_are_chrome() -> None:
    result = label_lines([TITLE, "300542", TITLE, P1, "...", P2, "---|"])
    assert [(line.label, line.category) for line in result.lines] == [
        ("title", None), ("chrome", "counter"), ("chrome", "repeated_title"), ("body", None),
        ("chrome", "artifact"), ("body", None), ("chrome", "artifact")]


def test_short_line_repeated_in_the_page_is_a_caption() -> None:
    result = label_lines([TITLE, P1, "وزير الصحة", P2, "وزير الصحة", P3])
    assert [line.label for line in result.lines] == ["title", "body", "chrome", "body", "chrome", "body"]


def test_edge_only_rule_does_not_fire_inside_the_body() -> None:
    # "بحث" (search) is a navigation label at the edges, but a one-word subheading inside the body stays.
    result = label_lines(["القائمة", TITLE, P1, "بحث", P2])
    assert result.lines[0].label == "chrome" and result.lines[3].label == "body"


def test_page_without_paragraphs_has_no_body() -> None:
    result = label_lines(["الرئيسية", "أخبار", "رياضة", "اتصل بنا", "© 2025 جميع الحقوق محفوظة"])
    assert not result.has_body
    assert {line.label for line in result.lines} == {"chrome"}


def test_site_memory_removes_a_recurring_line_anywhere() -> None:
    promo = "نتمنى لكم قراءة ممتعة ونعدكم بتغطية شاملة لكل ما يهم المواطن في كل مكان وزمان بلا انقطاع"
    from newsclean.textnorm import fold

    result = label_lines([TITLE, P1, promo, P2], site_chrome=frozenset({fold(promo)}))
    assert (result.lines[2].label, result.lines[2].rule) == ("chrome", "memory.site_recurring")


def test_an_embedded_post_signature_stays_in_the_body_while_the_dateline_is_meta() -> None:
    english = ["Senate adjourns plenary after two senators die",
               "The Senate on Tuesday adjourned plenary for a week to mourn two members who died at the weekend.",
               "October 9, 2018",
               "The upper chamber announced the adjournment on its official account shortly after the motion passed.",
               "Senate adjourns plenary till next week in honour of the late senators.",
               "— The Nigerian Senate (@NGRSenate) October 9, 2018",
               "Senators paid tribute to both men before the adjournment, recalling their long careers in public life."]
    result = label_lines(english)
    assert (result.lines[2].label, result.lines[2].category) == ("meta", "published")
    assert result.lines[5].label == "body"


def test_a_list_a_paragraph_introduces_at_the_end_of_the_article_is_body() -> None:
    intro = "وأعلنت اللجنة الأسعار الجديدة للمحروقات التي تسري اعتبارا من منتصف الليلة كما يلي:"
    prices = ["البنزين 90: 0.895 دينار", "البنزين 95: 1.135 دينار", "السولار: 0.620 دينار"]
    lines = [TITLE, P1, P2, intro, *prices, "أخبار ذات صلة", "الطقس اليوم في عمان", "دوري المحترفين"]
    assert [line.label for line in label_lines(lines).lines] == (
        ["title", "body", "body", "body"] + ["body"] * 3 + ["chrome"] * 3)


def test_short_lines_between_the_last_paragraph_and_a_closing_sentence_are_body() -> None:
    results = ["الهلال 5 - 0 الفتح", "النصر 3 - 1 الخليج", "متى؟", "خلال أسابيع."]
    closing = "ويلتقي الفريقان في الجولة المقبلة في مباراة مرتقبة على ملعب المملكة."
    lines = [TITLE, P1, P2, *results, closing, "الأكثر مشاهدة", "فيديو"]
    assert [line.label for line in label_lines(lines).lines] == (
        ["title", "body", "body"] + ["body"] * 5 + ["chrome"] * 2)


def test_a_timeline_entry_is_not_a_publication_line() -> None:
    lines = [TITLE, P1, "15 avril 2019 : l'incendie", P2, "7 décembre 2024 : la réouverture", P3]
    assert [line.label for line in label_lines(lines).lines] == ["title"] + ["body"] * 5


def test_headlines_of_other_stories_after_the_article_stay_chrome_even_as_questions() -> None:
    related = ["محافظ أسوان يتابع استعدادات امتحانات الثانوية العامة في المحافظة",
               "كيف تستعد لرحلتك إلى صلالة في موسم الخريف هذا العام؟",
               "ضبط 3 أطنان دقيق مدعم قبل بيعها في السوق السوداء بإدفو."]
    lines = [TITLE, P1, P2, *related]
    assert [line.label for line in label_lines(lines).lines] == ["title", "body", "body"] + ["chrome"] * 3


def test_an_interview_s_questions_and_short_answers_after_the_last_paragraph_are_body() -> None:
    interview = ["وما هي الحلول التي تقترحها الحكومة لأزمة الكهرباء هذا الصيف؟", "محطات جديدة.",
                 "متى؟", "خلال أسابيع.", "وتعهد الوزير في ختام اللقاء بتحسين الخدمات قبل نهاية العام."]
    lines = [TITLE, P1, P2, *interview, "الأكثر قراءة"]
    assert [line.label for line in label_lines(lines).lines] == ["title", "body", "body"] + ["body"] * 5 + ["chrome"]


def test_a_site_profile_below_the_related_headlines_does_not_stretch_the_body_over_them() -> None:
    related = ["محافظ أسوان يتابع استعدادات امتحانات الثانوية العامة في المحافظة",
               "انطلاق حملة التلقيح ضد الحصبة في ولايات الشرق خلال الأسبوع المقبل"]
    profile = "ليبيا المستقبل صحيفة إلكترونية ليبية مستقلة تأسست عام 2011، وتسعى إلى نقل الخبر بحياد."
    lines = [TITLE, P1, P2, *related, profile]
    assert [line.label for line in label_lines(lines).lines] == ["title", "body", "body"] + ["chrome"] * 3


def test_match_results_with_long_team_names_and_a_closing_sentence_stay_body() -> None:
    results = ["نتائج الجولة 28:", "مولودية الجزائر 2 - 0 شبيبة الساورة", "شباب بلوزداد 1 - 1 اتحاد الجزائر",
               "ترتيب الثلاثة الأوائل:", "1. مولودية الجزائر: 61 نقطة", "2. شباب بلوزداد: 52 نقطة"]
    lines = [TITLE, P1, P2, *results, "وتختتم البطولة يوم 15 جوان المقبل.", "الوسوم"]
    assert [line.label for line in label_lines(lines).lines] == ["title", "body", "body"] + ["body"] * 7 + ["chrome"]


def test_two_word_closing_lines_before_a_disclaimer_stay_body() -> None:
    disclaimer = "المقالات والآراء المنشورة في الموقع تعبر عن رأي كتابها ولا تعكس بالضرورة رأي المؤسسة."
    lines = [TITLE, P1, P2, "السؤال مطروح.", "والجواب مؤجل، كالعادة.", disclaimer]
    assert [line.label for line in label_lines(lines).lines] == ["title", "body", "body", "body", "body", "chrome"]
