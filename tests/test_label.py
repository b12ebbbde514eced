"""Each named step of the labeller alone, on a few inline lines (tests/test_structure.py runs them together)."""

from __future__ import annotations

from itertools import pairwise

from newsclean.chrome import label as lb
from newsclean.chrome.lines import (
    CLOSING_END,
    FULL_STOP,
    INNER_PUNCTUATION,
    PERIOD_END,
    SENTENCE_END,
    is_date_line,
    is_headline_shaped,
    is_list_item,
    line_shape,
    opens_list,
    same_template,
)
from newsclean.textnorm import count_words, fold, function_word_share

TITLE = "وزارة الصحة تفتتح ثلاثة مستشفيات جديدة في الجنوب"
P1 = ("أعلنت وزارة الصحة اليوم عن افتتاح ثلاثة مستشفيات جديدة في المحافظات الجنوبية "
      "لتخفيف الضغط على المرافق القائمة.")
P2 = "وقال وزير الصحة في مؤتمر صحفي إن المستشفيات الجديدة ستستقبل المرضى اعتبارا من الشهر المقبل بطاقة استيعابية كاملة."
EN_TITLE = "Council approves new bus lanes for the city centre"
EN_P1 = "The city council on Tuesday approved a plan to add bus lanes on four main roads of the centre by next year."
EN_P2 = "Officials said the lanes would cut journey times for about forty thousand daily passengers on these routes."


def decided(page: lb.Page) -> dict[int, tuple[str, str | None]]:
    return {i: (line.label, line.rule) for i, line in sorted(page.decided.items())}


def test_line_shapes() -> None:
    assert line_shape("300542", 4) == ("counter", "shape.lone_number")
    assert line_shape("---|", 4) == ("artifact", "shape.no_letters")
    assert line_shape("Home | World | Sport | Culture", 4) == ("navigation", "shape.segmented_list")
    assert line_shape("| Team | Won | Lost |", 4) is None  # a table row
    assert line_shape(EN_P1, 4) is None


def test_line_predicates() -> None:
    assert is_date_line("الثلاثاء 12 مارس 2024 - 10:30", 6, 12)
    assert not is_date_line("15 avril 2019 : l'incendie", 4, 12)
    assert is_headline_shaped(TITLE, 8, 30) and not is_headline_shaped(P1, 16, 30)
    assert is_list_item("1. مولودية الجزائر: 61 نقطة", 5, 30, 6)
    assert not is_list_item("Ministers meet to discuss the budget in the capital today", 10, 30, 6)


def test_mark_strong_takes_rules_shapes_and_the_site_memory() -> None:
    page = lb.make_page([TITLE, "Share on Facebook", "12345", "A line this site prints on every page", P1])
    lb.mark_strong(page, frozenset({fold("A line this site prints on every page")}))
    rules = decided(page)
    assert rules[2] == ("chrome", "shape.lone_number")
    assert rules[3] == ("chrome", "memory.site_recurring")
    assert rules[1][0] == "chrome" and rules[1][1].startswith("en.")
    assert 0 not in rules and 4 not in rules


def test_mark_repeated_short_lines_only_when_few_lines_repeat() -> None:
    page = lb.make_page([TITLE, P1, "وزير الصحة", P2, "وزير الصحة"])
    lb.mark_repeated_short_lines(page)
    assert decided(page) == {2: ("chrome", "structure.mark_repeated_short_lines"),
                             4: ("chrome", "structure.mark_repeated_short_lines")}
    recipe = ["1 cup", "2 eggs", "salt", "pepper"]
    page = lb.make_page([*recipe, *recipe])  # four different repeated lines: a structured text
    lb.mark_repeated_short_lines(page)
    assert page.decided == {}


def test_mark_date_lines() -> None:
    page = lb.make_page([TITLE, "الثلاثاء 12 مارس 2024", P1])
    lb.mark_date_lines(page)
    assert decided(page) == {1: ("meta", "structure.mark_date_lines")}


def test_choose_title_prefers_the_headline_sharing_the_body_s_words() -> None:
    ticker = "عاجل: انقطاع الكهرباء عن عدة أحياء في العاصمة بسبب عطل فني"
    index, share = lb.choose_title(lb.make_page([ticker, TITLE, P1, P2]), article_start=2)
    assert index == 1 and share > 0.5
    assert lb.choose_title(lb.make_page([P1, P2]), article_start=0) == (None, 0.0)


def test_choose_title_looks_just_above_the_article_and_says_when_nothing_matches() -> None:
    slogan = "Your trusted source for the news that matters"
    menu = [f"Section number {n}" for n in range(20)]
    page = lb.make_page([slogan, *menu, EN_TITLE, EN_P1, EN_P2])
    assert lb.choose_title(page, article_start=22)[0] == 21  # the slogan is too far above the article
    unrelated = lb.make_page(["Weather tomorrow in the hills", EN_P1, EN_P2])
    assert lb.choose_title(unrelated, article_start=1) == (0, 0.0)
    lb.mark_title(unrelated, None)
    assert unrelated.title_index == 0 and unrelated.title_uncertain


def test_mark_title_uses_a_hint_or_decides_the_chosen_line() -> None:
    page = lb.make_page([TITLE, P1])
    assert lb.mark_title(page, "A given title") == fold("A given title") and page.title_index is None
    page = lb.make_page([TITLE, P1])
    assert lb.mark_title(page, None) == fold(TITLE) and page.decided[0].label == "title"


def test_mark_title_copies() -> None:
    page = lb.make_page([EN_TITLE, EN_P1, EN_TITLE, EN_TITLE + " - London, 5 May"])
    page.title_index = 0
    lb.mark_title_copies(page, fold(EN_TITLE))
    assert decided(page) == {2: ("chrome", "structure.mark_title_copies"),
                             3: ("meta", "structure.mark_title_copies")}


def test_mark_meta_fields_keeps_a_sentence_opening_with_a_publication_label() -> None:
    sentence = "Published in 2019, the report found that most of the city's buses were older than fifteen years."
    page = lb.make_page([EN_TITLE, "By Jane Doe", sentence])
    lb.mark_meta_fields(page)
    assert page.decided[1].label == "meta" and 2 not in page.decided


def test_find_article_region_anchors_on_long_lines_or_two_brief_sentences() -> None:
    region = lb.find_article_region(lb.make_page(["Menu", EN_TITLE, EN_P1, "Photo", EN_P2, "Footer"]))
    assert region is not None and (region.first, region.last) == (2, 4)
    brief = lb.find_article_region(lb.make_page([EN_TITLE, "The road reopens today.", "Buses run again."]))
    assert brief is None  # one punctuated sentence of six words or more: no article
    assert lb.find_article_region(lb.make_page(["Home", "News", "Sport"])) is None


def test_cut_at_end_marker_ends_the_region_at_the_comments() -> None:
    comment = "I think this decision is wrong and the council should have asked the people who live there first."
    page = lb.make_page([EN_TITLE, EN_P1, EN_P2, "Leave a comment", comment])
    region = lb.find_article_region(page)
    assert region is not None
    cut = lb.cut_at_end_marker(page, region)
    assert cut.last == 2 and page.decided[4].label == "chrome"


def test_claim_lists_takes_headlines_after_a_list_header() -> None:
    page = lb.make_page([TITLE, P1, "مواضيع ذات صلة:", "ارتفاع أسعار الدواء في الأسواق المحلية", P2])
    region = lb.find_article_region(page)
    assert region is not None
    lb.claim_lists(page, region)
    assert page.decided[3].rule == "ar.related.header+claimed"


def test_walk_head_keeps_a_lead_and_removes_the_rest_of_the_head() -> None:
    lead = "A plan for four roads is finally agreed"
    page = lb.make_page(["Downtown", "Our city", lead, EN_P1, EN_P2])
    region = lb.find_article_region(page)
    assert region is not None
    lb.walk_head(page, region)
    assert decided(page) == {0: ("chrome", "structure.walk_head"), 1: ("chrome", "structure.walk_head"),
                             2: ("body", None)}


def test_walk_head_keeps_short_opening_sentences() -> None:
    """Sentences shorter than a lead but ended by a full stop open the article ("Four roads and one plan."); a
    menu line of as many words, unended, does not, nor does a question above it (a teaser's headline)."""
    opening = ["Four roads and one plan.", "The plan matters to the city.", "It will change every commute."]
    page = lb.make_page(["Home News Sport Weather Travel", *opening, EN_P1, EN_P2])
    region = lb.find_article_region(page)
    assert region is not None and region.first == 4
    lb.walk_head(page, region)
    assert decided(page) == {0: ("chrome", "structure.walk_head"), 1: ("body", None), 2: ("body", None),
                             3: ("body", None)}
    teaser = lb.make_page(["Is this the end of cash?", EN_P1, EN_P2])  # a question above: another story's
    region = lb.find_article_region(teaser)
    assert region is not None and region.first == 1
    lb.walk_head(teaser, region)
    assert decided(teaser) == {0: ("chrome", "structure.walk_head")}


def test_walk_tail_keeps_closing_sentences_and_removes_what_follows() -> None:
    page = lb.make_page([EN_TITLE, EN_P1, EN_P2, "Work starts in May.", "Garden tips", "Paris fashion week"])
    region = lb.find_article_region(page)
    assert region is not None
    lb.walk_tail(page, region)
    assert decided(page) == {3: ("body", None), 4: ("chrome", "structure.walk_tail"),
                             5: ("chrome", "structure.walk_tail")}


TOUR_DATES = ["June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL", "June 14 -- Ameris Bank Amphitheatre "
              "(Formerly Verizon Amphitheatre), Alpharetta, GA", "Aug. 2 -- DTE Energy Music Theatre, Clarkston, MI",
              "Aug. 30 -- Pepsi Center, Denver, CO", "Sept. 12 -- Shoreline Amphitheatre, Mountain View, CA"]
OTHER_HEADLINES = ["Trump’s controversial vaping flavor ban is now dead",
                   "With impeachment, America’s epistemic crisis has arrived",
                   "Storm closes schools across the northern region, officials say"]


def test_same_template_tells_a_list_s_rows_from_other_stories_headlines() -> None:
    assert same_template(TOUR_DATES[0], TOUR_DATES[1]) and same_template(TOUR_DATES[2], TOUR_DATES[3])
    assert same_template("England (Group A): 10th appearance", "Czech Republic (Group A): Seventh appearance")
    assert not any(same_template(a, b) for a, b in pairwise(OTHER_HEADLINES))
    assert not same_template("Home", "News")  # no marks, no template


def test_walk_tail_keeps_the_rows_of_a_list_the_article_announces() -> None:
    """Tour dates of ten words after "... dates:" are the article's; other stories' headlines after the same
    line are not rows of one template and stay chrome."""
    intro = "The band will play these dates:"
    page = lb.make_page([EN_TITLE, EN_P1, EN_P2, intro, *TOUR_DATES, "Facebook"])
    region = lb.find_article_region(page)
    assert region is not None and region.last == 2
    lb.walk_tail(page, region)
    assert [page.decided[i].label for i in range(3, 9)] == ["body"] * 6 and page.decided[9].label == "chrome"
    page = lb.make_page([EN_TITLE, EN_P1, EN_P2, intro, *OTHER_HEADLINES])
    region = lb.find_article_region(page)
    assert region is not None
    lb.walk_tail(page, region)
    assert {page.decided[i].label for i in range(4, 7)} == {"chrome"}
    # a headline that shares the rows' marks is no row next to a line already known as chrome
    analysis = "Analysis: Storm closes schools across the north, officials say"
    related = lb.make_page([EN_TITLE, EN_P1, EN_P2, intro, *TOUR_DATES[:2], analysis,
                            "Related: Floods close roads, police say"])
    lb.mark_strong(related, frozenset())
    assert related.decided[7].label == "chrome" and same_template(analysis, related.texts[7])
    region = lb.find_article_region(related)
    assert region is not None
    lb.walk_tail(related, region)
    assert [related.decided[i].label for i in range(3, 6)] == ["body"] * 3 and related.decided[6].label == "chrome"


def test_walk_tail_goes_on_over_rows_from_a_region_that_ends_among_them() -> None:
    """A row long enough to anchor the region (12 words) ends it; the next rows of the same template are the
    article's too, without a ":" line above them."""
    rows = ["June 20 -- Coastal Credit Union Music Park at Walnut Creek, Raleigh, NC",
            "June 23 -- Veterans United Home Loans Amphitheater at Virginia Beach, VA",
            "June 24 -- Jiffy Lube Live, Bristow, VA", "June 26 -- PPL Center, Allentown, PA"]
    page = lb.make_page([EN_TITLE, EN_P1, EN_P2, *rows, "Facebook"])
    region = lb.find_article_region(page)
    assert region is not None and region.last == 4 and lb.in_templated_run(page, 4)
    lb.walk_tail(page, region)
    assert [page.decided[i].label for i in (5, 6)] == ["body", "body"] and page.decided[7].label == "chrome"


def test_walk_tail_keeps_announced_rows_in_arabic() -> None:
    """The same in Arabic: a ministry's list of hospitals (place - beds, opening month), rows of seven to ten
    words with a dash and an Arabic comma, after "... على النحو التالي:"; the site's other headlines after them
    are not rows."""
    rows = ["مستشفى أسوان العام - 200 سرير، يفتتح في مارس المقبل",
            "مستشفى قنا الجديد - 150 سريرا، يفتتح في أبريل المقبل",
            "مستشفى الأقصر التخصصي - 120 سريرا، يفتتح في مايو المقبل"]
    others = ["ارتفاع أسعار الذهب في الأسواق المحلية خلال تعاملات الأسبوع",
              "منتخب الشباب يتأهل إلى نهائي البطولة العربية بعد فوز مثير"]
    page = lb.make_page([TITLE, P1, P2, "وجاءت المستشفيات الجديدة على النحو التالي:", *rows, *others])
    region = lb.find_article_region(page)
    assert region is not None and region.last == 2
    lb.walk_tail(page, region)
    assert [page.decided[i].label for i in range(3, 7)] == ["body"] * 4
    assert {page.decided[i].label for i in range(7, 9)} == {"chrome"}


def test_headline_lists_leave_out_rows_that_a_colon_line_announces_above_them() -> None:
    """Dated rows are no headlines, so a run of headline-shaped rows may start below them: the line ending in
    ":" above the dated rows still announces it (`introduced_list`)."""
    rows = ["June 9, 2020 -- West Palm Beach, FL", *(f"Stop {n} -- {city} Arena, Downtown, {state}" for n, city, state
                                               in ((2, "Tampa", "FL"), (3, "Nashville", "TN"), (4, "Denver", "CO")))]
    page = lb.make_page([EN_TITLE, EN_P1, EN_P2, "The band will play these dates:", *rows])
    assert lb.introduced_list(page, 5) and not lb.introduced_list(page, 2)
    assert lb.headline_lists(page) == []
    plain = lb.make_page([EN_TITLE, EN_P1, EN_P2, "The band will play these dates.", *rows])
    assert lb.headline_lists(plain) == [[5, 6, 7]]


def test_fill_body_and_no_article() -> None:
    page = lb.make_page([EN_P1, "Subheading", EN_P2])
    lb.fill_body(page)
    assert [page.decided[i].label for i in range(3)] == ["body"] * 3
    page = lb.make_page(["Home", "News"])
    result = lb.no_article(page)
    assert not result.has_body and {line.rule for line in result.lines} == {"structure.find_article_region"}


def test_settings_change_the_thresholds() -> None:
    page = lb.make_page([EN_TITLE, EN_P1, EN_P2], settings=lb.LabelSettings(anchor_words=100))
    assert lb.find_article_region(page) is not None  # two punctuated sentences still anchor a brief
    page = lb.make_page([EN_TITLE, EN_P1, EN_P2], settings=lb.LabelSettings(anchor_words=100,
                                                                            brief_sentence_words=100))
    assert lb.find_article_region(page) is None


def test_best_region_is_the_largest_sum() -> None:
    assert lb.best_region([-3, 20, -3, 15, -3, -3, 5, -3]) == (1, 3)
    assert lb.best_region([-3, 20, -3, 15, -3, -3, 8, -3]) == (1, 6)
    assert lb.best_region([-3, -3]) is None


def test_prose_value_rewards_paragraphs_and_costs_chrome_shaped_lines() -> None:
    unended = ("وأكد المسؤول أن الحكومة ستواصل العمل مع الشركاء الدوليين لتأمين التمويل اللازم "
               "للمشروعات الجديدة في كل المحافظات خلال الأعوام المقبلة")
    page = lb.make_page([EN_P1, "Weather tomorrow", unended, "Work starts in May.", "Share on Facebook"])
    lb.mark_strong(page, frozenset())
    values = [lb.prose_value(page, i) for i in range(page.n)]
    assert values[0] == 22 and values[2] == 20  # a paragraph without its full stop counts whole
    assert values[1] == -page.settings.short_line_cost and values[4] == -page.settings.chrome_cost
    assert values[3] == 0.0  # a four-word sentence: neither


def test_prose_value_discounts_a_long_line_without_punctuation_or_function_words() -> None:
    """A tag cloud (thirty words, no mark, no "the/of/في") counts `unpunctuated_weight` of its words, so a
    shorter punctuated paragraph below it outweighs it and is the article; an Arabic paragraph without a mark
    but with its function words counts whole (test_prose_value_rewards_paragraphs_and_costs_...)."""
    cloud = ("adopt animals water alert environment friendship service shooter welfare library walking campaign "
             "training carnival civil council culture sports education election health housing industry "
             "justice leisure mobility police safety school tourism transport")
    assert function_word_share(fold(cloud)) == 0.0 and function_word_share(fold(EN_P1)) > 0.08
    # function words joined to و/ف/ب/ل count in Arabic; German, Spanish, Italian, Portuguese have their own
    joined = ("وتسعى الوزارة لتطوير شبكة الطرق وفي الوقت نفسه بأن تعمل المحافظات لتحسين خطط النقل العام "
              "للمدن الجديدة والقرى المجاورة بالسرعة اللازمة وبعد ذلك")
    german = ("Die Stadt will die neuen Busspuren bis zum Sommer fertig bauen und mit den Bezirken über die "
              "Kosten für die Brücke sprechen")
    assert function_word_share(fold(joined)) >= 0.08 and function_word_share(fold(german)) >= 0.08
    page = lb.make_page(["Home", cloud, "Archives", "Menu", "Search", EN_TITLE, EN_P1])
    values = [lb.prose_value(page, i) for i in range(page.n)]
    assert values[1] == page.words[1] * page.settings.unpunctuated_weight < values[6] == page.words[6]
    region = lb.find_article_region(page)
    assert region is not None and region.anchors == (6,)


def test_find_article_region_leaves_out_prose_beyond_a_stretch_of_chrome() -> None:
    teaser = "Another story from the archive that readers liked a lot, with a long description here."
    menu = ["Sports", "Culture", "Travel", "Opinion", "Video", "Podcasts", "Weather", "Markets"]
    page = lb.make_page([teaser, *menu, EN_TITLE, EN_P1, EN_P2])
    region = lb.find_article_region(page)
    assert region is not None and (region.first, region.last) == (10, 11)


# Other stories' headlines, as sites list them: plain, dated, or "author – outlet" under each.
HEADLINES_TOP = ["ارتفاع أسعار الذهب في الأسواق المحلية خلال تعاملات الأسبوع",
                 "منتخب الشباب يتأهل إلى نهائي البطولة العربية بعد فوز مثير",
                 "الأرصاد تحذر من موجة حارة تضرب البلاد بداية الأسبوع المقبل",
                 "افتتاح معرض الكتاب الدولي بمشاركة أكثر من ثلاثين دولة"]
HEADLINES_MIDDLE = ["أقرأ أيضا", "البنك المركزي يبقي أسعار الفائدة دون تغيير للمرة الثالثة",
                    "12 مارس 2024", "وزير النقل يتفقد أعمال توسعة الطريق الدائري الجنوبي",
                    "12 مارس 2024", "انطلاق امتحانات نهاية العام الدراسي في جميع المحافظات",
                    "11 مارس 2024"]
HEADLINES_BOTTOM = ["هل تنجح الحكومة في كبح التضخم قبل نهاية العام الجاري", "سامي خليل – الأهرام",
                    "الاقتصاد العالمي بين الركود والتعافي في العام الجديد", "منى فؤاد – الشروق",
                    "ماذا يعني رفع الدعم عن الوقود للأسر محدودة الدخل", "حسن عادل – المصري اليوم"]
# Paragraphs without their final full stop (common in Arabic dumps), and a short subheading between them.
UNENDED = [
    "أعلنت وزارة الصحة اليوم عن افتتاح ثلاثة مستشفيات جديدة في المحافظات الجنوبية، وذلك في إطار خطة "
    "الحكومة لتخفيف الضغط على المرافق القائمة وتحسين الخدمات المقدمة للمواطنين في المناطق البعيدة",
    "وقال وزير الصحة في مؤتمر صحفي إن المستشفيات الجديدة ستستقبل المرضى اعتبارا من الشهر المقبل، وإن "
    "الوزارة عينت أكثر من خمسمائة طبيب وممرض للعمل فيها بعد تدريبهم على الأجهزة الحديثة",
    "تفاصيل الخطة",
    "وأضاف الوزير أن الخطة تشمل أيضا تجديد عشرين مركزا صحيا في القرى، على أن تنتهي الأعمال قبل نهاية "
    "العام الجاري بتكلفة تتجاوز مليار جنيه تمولها الموازنة العامة للدولة",
    "وأشار إلى أن المستشفيات الثلاثة مجهزة بأقسام للطوارئ والعناية المركزة وغسيل الكلى، وأن العمل "
    "فيها سيكون على مدار الساعة طوال أيام الأسبوع دون توقف",
]


def test_headline_lists_around_an_article_with_unended_paragraphs() -> None:
    """Three lists of other stories (above the title, between two paragraphs, after the article): removed as
    lists; the paragraphs without their full stop and the subheading between them stay."""
    lines = [*HEADLINES_TOP, TITLE, "الثلاثاء 12 مارس 2024", *UNENDED[:2], *HEADLINES_MIDDLE, *UNENDED[2:],
             *HEADLINES_BOTTOM]
    labelled = lb.label_lines(lines)
    by_text = {line.text: line for line in labelled.lines}
    assert [line.text for line in labelled.lines if line.label == "body"] == UNENDED
    assert labelled.title_index == lines.index(TITLE)
    for headline in [*HEADLINES_TOP, *HEADLINES_MIDDLE[1::2], HEADLINES_BOTTOM[0], HEADLINES_BOTTOM[2]]:
        assert by_text[headline].rule == "structure.mark_headline_lists", headline


def test_headline_lists_are_runs_of_three_headlines() -> None:
    page = lb.make_page([P1, *HEADLINES_MIDDLE[1:], P2])
    lb.mark_date_lines(page)  # the dates between the headlines are decided first, as label_lines does
    assert lb.headline_lists(page) == [[1, 3, 5]]
    two = lb.make_page([P1, HEADLINES_TOP[0], HEADLINES_TOP[1], P2])
    assert lb.headline_lists(two) == []
    introduced = lb.make_page(["وتشمل الخطة ما يلي:", *HEADLINES_TOP, P2])  # the article's own list
    assert lb.headline_lists(introduced) == []
    numbered = lb.make_page([P1, *(f"{n}) {h}" for n, h in enumerate(HEADLINES_TOP, 1)), P2])
    assert lb.headline_lists(numbered) == []
    assert lb.headline_lists(lb.make_page(UNENDED)) == []  # paragraphs without full stops, one subheading


def test_mark_headline_lists_keeps_the_articles_own_list() -> None:
    """Inside the article, a list that repeats the article's words is its own (a product's features)."""
    own = ["Bus lanes on the four main roads of the centre", "Journey times cut for daily passengers",
           "New lanes approved by the city council"]
    page = lb.make_page([EN_TITLE, EN_P1, *own, EN_P2, EN_P1.replace("Tuesday", "Monday")])
    lb.mark_headline_lists(page)
    assert page.decided == {}
    others = ["Storm closes schools across the northern region", "Local team wins the regional cup final",
              "Hospital opens a new children's wing downtown"]
    page = lb.make_page([EN_TITLE, EN_P1, *others, EN_P2, EN_P1.replace("Tuesday", "Monday")])
    lb.mark_headline_lists(page)
    assert decided(page) == {i: ("chrome", "structure.mark_headline_lists") for i in (2, 3, 4)}


def test_in_context_discounts_teasers_and_grows_gaps() -> None:
    settings = lb.LabelSettings(isolated_window=2, isolated_weight=0.25, gap_growth=0.5, teaser_spacing=6)

    def in_context(values: list[float]) -> list[float]:  # the values of a page of short lines
        return lb.in_context(lb.make_page(["line"] * len(values), settings=settings), values)

    # a teaser list: headline, summary, date, headline, summary, date: each summary alone within two lines
    assert in_context([-3, 20, -3, -3, 20, -3]) == [-3, 5, -3, -4.5, 5, -3]
    # paragraphs side by side, a subheading between: full value; the chrome run after them costs more each line
    assert in_context([30, 0, 30, -3, -3, -3]) == [30, 0, 30, -3, -4.5, -6]
    # one paragraph alone (a lead above a list), the others together: full value
    assert in_context([20, -3, -3, 30, 30]) == [20, -3, -4.5, 30, 30]
    # lone paragraphs far apart weigh as teasers, but are not enough to call the page an index (strict)
    far = lb.make_page(["line"] * 9, settings=settings)
    assert lb.teasers(far, [20, *[-1] * 7, 20]) == {0, 8} and lb.teasers(far, [20, *[-1] * 7, 20], strict=True) == set()
    long = lb.make_page(["word " * 70, "-", "-", "word " * 70], settings=settings)
    assert lb.teasers(long, [70, -3, -3, 70]) == {0, 3} and lb.teasers(long, [70, -3, -3, 70], strict=True) == set()


TEASERS = [
    ("محافظ أسوان يفتتح محطة مياه الشرب بقرية الكرور",
     "افتتح محافظ أسوان صباح اليوم محطة جديدة لمياه الشرب بقرية الكرور بطاقة عشرين ألف متر مكعب يوميا."),
    ("تحرير 38 محضرا لمخابز مخالفة في حملة تموينية بالمنيا",
     "شنت مديرية التموين بالمنيا حملة مكبرة على المخابز البلدية أسفرت عن تحرير عشرات المحاضر للمخالفين."),
    ("انطلاق قافلة طبية مجانية بقرية الشيخ زايد",
     "تنطلق غدا قافلة طبية مجانية تضم تخصصات الباطنة والأطفال والعيون لخدمة أهالي القرية والقرى المجاورة."),
    ("تشغيل خط مياه جديد لخدمة خمس قرى بكفر الشيخ",
     "أعلنت شركة مياه الشرب بكفر الشيخ تشغيل خط جديد بطول ثلاثة كيلومترات لخدمة نحو عشرين ألف مواطن."),
]


def test_a_section_page_of_teasers_is_no_article() -> None:
    """Headline, one-sentence summary, time, again and again: a front or section page, rejected."""
    lines = ["الرئيسية", "أخبار مصر"]
    for headline, summary in TEASERS:
        lines += [headline, summary, "منذ 15 دقيقة"]
    labelled = lb.label_lines([*lines, "تحميل المزيد"])
    assert not labelled.has_body
    assert {line.rule for line in labelled.lines if line.text in dict(TEASERS).values()} == {
        "structure.is_index_page"}
    page = lb.make_page(lines)
    lb.mark_date_lines(page)
    assert lb.is_index_page(page)
    far_apart = lb.make_page([TEASERS[0][1], *["-"] * 7, TEASERS[1][1], *["-"] * 7, TEASERS[2][1]])
    assert not lb.is_index_page(far_apart)  # lone paragraphs far from each other: an article between chrome


def test_an_article_with_teasers_below_is_no_index_page() -> None:
    lines = [TITLE, P1, P2, "أخبار ذات صلة"]
    for headline, summary in TEASERS:
        lines += [headline, summary]
    page = lb.make_page(lines)
    region = lb.find_article_region(page)
    assert region is not None and region.anchors[:2] == (1, 2) and not lb.is_index_page(page)
    assert not lb.is_index_page(lb.make_page([TITLE, P1, TEASERS[0][0]]))  # one paragraph alone: a brief


def test_a_comment_thread_ends_the_article_however_long() -> None:
    """"34 responses to …" then readers' comments, each under its author and date: longer than the article,
    still not the article."""
    comments = []
    for n in range(8):
        comments += [f"reader{n} says:", "November 19, 2019 at 6:34 am",
                     "The council should have approved these lanes years ago, the traffic in the centre is terrible "
                     "every single morning and nobody in charge seems to care about it at all."]
    lines = [EN_TITLE, EN_P1, EN_P2, f"8 responses to “{EN_TITLE}”", *comments]
    page = lb.make_page(lines)
    lb.mark_date_lines(page)
    assert lb.opens_thread(page, 3) and not lb.opens_thread(page, len(lines) - 1)
    region = lb.find_article_region(page)
    assert region is not None and region.last > 3  # the comments read as prose
    assert lb.cut_at_end_marker(page, region).anchors == (1, 2)
    assert {page.decided[i].label for i in range(4, len(lines))} <= {"chrome", "meta"}
    assert [line.text for line in lb.label_lines(lines).lines if line.label == "body"] == [EN_P1, EN_P2]


def test_cut_at_gap_ends_the_article_at_a_long_stretch_without_paragraphs() -> None:
    """Tags, a share line and a "More from" header (seven lines without a paragraph), then other stories with
    less prose than the article: the article ended at the gap. The same stretch with more prose after it is
    inside the article; an ingredient list is no gap."""
    tags = ["Opinion", "Transport", "City council", "Bus lanes", "Traffic", "Share this article", "More from us"]
    article = [EN_P1, EN_P2, EN_P1.replace("Tuesday", "Monday"), EN_P2.replace("forty", "fifty"),
               EN_P1.replace("Tuesday", "Friday"), EN_P2.replace("forty", "sixty")]
    others = ["Storm closes schools across the northern region",
              "Schools in the north stayed closed on Monday after a storm brought down power lines and trees.",
              "Officials said classes would resume once the roads were cleared and the power was back on.",
              "Local team wins the regional cup final",
              "The local side beat the defending champions two goals to one in front of a full stadium.",
              "Fans celebrated in the main square until late at night, the police said on Sunday morning."]
    page = lb.make_page([EN_TITLE, *article, *tags, *others])
    region = lb.find_article_region(page)
    assert region is not None and region.last > 13  # the other stories pay for the gap
    assert lb.cut_at_gap(page, region).anchors == (1, 2, 3, 4, 5, 6)
    longer_after = lb.make_page([EN_TITLE, *article[:2], *tags, *article[2:]])
    region = lb.find_article_region(longer_after)
    assert region is not None and lb.cut_at_gap(longer_after, region) == region
    items = ["2 cups of flour", "1 egg", "3 pears, peeled", "1 lemon", "- salt", "- pepper", "4 tbsp sugar"]
    recipe = lb.make_page([EN_TITLE, *article[:4], *items, *article[4:]])
    region = lb.find_article_region(recipe)
    assert region is not None and region.last == 13 and lb.cut_at_gap(recipe, region) == region


def test_cut_at_gap_keeps_a_list_that_a_paragraph_introduces() -> None:
    """Eight short lines without figures or markers after a paragraph ending in ":" are the article's own list
    (what the writer lists), even with less prose after them: no gap. The same lines after a paragraph that
    ends with a full stop still end the article."""
    article = [EN_P1, EN_P2, EN_P1.replace("Tuesday", "Monday"), EN_P2.replace("forty", "fifty")]
    intro = "The council put the options in order, from the cheapest to the dearest, and they look like this:"
    options = ["NOT EXPENSIVE", "Painting new lanes", "Moving the bus stops", "Changing the signals",
               "EXPENSIVE", "Building a depot", "Buying electric buses", "Digging a tunnel"]
    after = [EN_P1.replace("Tuesday", "Friday"), EN_P2.replace("forty", "sixty"), EN_P1.replace("Tuesday", "Sunday")]
    listed = lb.make_page([EN_TITLE, *article, intro, *options, *after])
    region = lb.find_article_region(listed)
    assert region is not None and region.last == 16
    assert lb.cut_at_gap(listed, region) == region
    stated = lb.make_page([EN_TITLE, *article, intro[:-len(" and they look like this:")] + ".", *options, *after])
    region = lb.find_article_region(stated)
    assert region is not None and region.last == 16
    assert lb.cut_at_gap(stated, region).anchors == (1, 2, 3, 4, 5)



def test_cut_at_list_gap_ends_the_article_at_a_long_related_list() -> None:
    """A related header among eight lines without a paragraph, then other stories' headlines and summaries
    with more than `end_gap_share` but less than `list_gap_share` of the article's prose: the article ended at
    the list. The same stretch without a list header, or a related box of three lines, does not end it; nor
    does a list followed by paragraphs that are not cards (test_headline_lists_around_an_article_...)."""
    article = [EN_P1, EN_P2, EN_P1.replace("Tuesday", "Monday"), EN_P2.replace("forty", "fifty")]
    box = ["Related", "Bus lanes", "Traffic", "City council", "Share this article", "Tweet", "Email", "Print"]
    others = ["Storm closes schools across the northern region",
              "Schools in the north stayed closed on Monday after a storm brought down power lines and trees.",
              "Local team wins the regional cup final",
              "The local side beat the defending champions two goals to one in front of a full stadium.",
              "New library opens in the old station building",
              "The library holds forty thousand books and opens every day of the week from nine to nine.",
              "Market hall to close for repairs",
              "The hall will close for six months from January while workers repair its roof and windows."]
    page = lb.make_page([EN_TITLE, *article, *box, *others])
    assert lb.holds_other_stories(page, 5) and not lb.holds_other_stories(page, 6)
    region = lb.find_article_region(page)
    assert region is not None and region.last == 20 and lb.cut_at_gap(page, region) == region
    assert lb.cards_follow(page, region, 12) and not lb.cards_follow(page, region, 0)  # cards, paragraphs
    assert lb.cut_at_list_gap(page, region).anchors == (1, 2, 3, 4)
    tags = lb.make_page([EN_TITLE, *article, "Opinion", *box[1:], *others])
    region = lb.find_article_region(tags)
    assert region is not None and region.last == 20 and lb.cut_at_list_gap(tags, region) == region
    short = lb.make_page([EN_TITLE, *article, *box[:3], *others])
    region = lb.find_article_region(short)
    assert region is not None and region.last == 15 and lb.cut_at_list_gap(short, region) == region
    body = [line.text for line in lb.label_lines([EN_TITLE, *article, *box, *others]).lines if line.label == "body"]
    assert body == article


def test_cut_at_closing_box_ends_the_article_at_a_box_printed_after_it() -> None:
    """A newsletter or "follow us" line with a short paragraph after it ends the article; an ad line does not
    (ads stand inside articles), and neither does a newsletter line with more of the article after it."""
    article = [EN_P1, EN_P2, EN_P1.replace("Tuesday", "Monday"), EN_P2.replace("forty", "fifty"),
               EN_P1.replace("Tuesday", "Friday"), EN_P2.replace("forty", "sixty")]
    tail = "Our reporters cover the city's transport, housing and schools every day of the working week."
    for box, ends in (("Sign up for our newsletter", True), ("Follow us on Twitter", True), ("Advertisement", False)):
        page = lb.make_page([EN_TITLE, *article, box, tail])
        region = lb.find_article_region(page)
        assert region is not None and region.last == 8, box
        assert lb.cut_at_closing_box(page, region).anchors == ((1, 2, 3, 4, 5, 6) if ends else region.anchors), box
        body = [line.text for line in lb.label_lines([EN_TITLE, *article, box, tail]).lines if line.label == "body"]
        assert body == (article if ends else [*article, tail]), box
    inside = lb.make_page([EN_TITLE, *article[:3], "Sign up for our newsletter", *article[3:]])
    region = lb.find_article_region(inside)
    assert region is not None and lb.cut_at_closing_box(inside, region) == region


def test_cut_at_closing_box_counts_only_sentences_after_the_box() -> None:
    """After the box, other stories' headlines (punctuated inside, no final stop, under a paragraph's length) do
    not carry the article on, however many words they hold; the same lines as sentences do."""
    article = [EN_P1, EN_P2, EN_P1.replace("Tuesday", "Monday"), EN_P2.replace("forty", "fifty"),
               EN_P1.replace("Tuesday", "Friday"), EN_P2.replace("forty", "sixty")]
    headlines = ["Pay to breathe? Oxygen bars open in the capital as the city chokes under its worst smog",
                 "Worst deal ever? Seoul fumes as Washington asks five times more for hosting its troops",
                 "No need to install: the new browser filter rates news sites for every mobile reader"]
    for after, ends in ((headlines, True), ([h + "." for h in headlines], False)):
        assert all(count_words(h) < lb.DEFAULT_SETTINGS.unended_paragraph_words for h in after)
        page = lb.make_page([EN_TITLE, *article, "Sign up for our newsletter", *after])
        region = lb.find_article_region(page)
        assert region is not None and region.anchors == (1, 2, 3, 4, 5, 6, 8, 9, 10), ends
        assert lb.cut_at_closing_box(page, region).anchors == ((1, 2, 3, 4, 5, 6) if ends else region.anchors), ends
        assert lb.continues_article(page, 8) is not ends

# Japanese and Chinese: no spaces between words, sentences ended by "。", other stories' headlines as long as a
# short paragraph in characters.
JA_TITLE = "市立図書館が駅前に移転、来月から夜10時まで開館へ"
JA_PARAGRAPHS = [
    "市は15日、老朽化が進んでいた市立図書館を駅前の再開発ビルに移転し、来月1日から開館時間を午後10時まで延長すると発表した。",
    "新しい図書館は約20万冊の蔵書を備え、仕事帰りの会社員や学生が利用しやすいよう、自習室と閲覧席を従来の2倍に増やす。",
    "市の担当者は「駅から歩いてすぐの場所になるので、これまで図書館を使ったことのない人にも来てもらいたい」と話している。",
]
JA_RELATED = [
    "駅前再開発ビルの完成式典に市長らが出席、商業施設は来年春に開業予定",
    "市内の小中学校で給食費の無償化を検討、来年度予算案に関連費用を計上",
    "市民マラソン大会の参加者募集を開始、今年はハーフの部を新設して定員拡大",
    "中央公園の桜が見頃に　週末は夜間のライトアップも実施",
]
ZH_TITLE = "市图书馆迁至火车站附近 下月起开放至晚上十点"
ZH_PARAGRAPHS = [
    "市政府15日宣布，已使用三十多年的市图书馆将迁入火车站旁的新建综合大楼，并从下月1日起将开放时间延长至晚上10点。",
    "新馆藏书约20万册，自习室和阅览座位比原来增加一倍，方便下班后的上班族和放学后的学生使用。",
    "市政府负责人表示：“新馆距离车站只有几分钟路程，希望吸引更多过去从未使用过图书馆的市民。”",
]
ZH_RELATED = [
    "火车站综合大楼举行竣工仪式 商业设施预计明年春季开业",
    "本市中小学拟推行免费午餐 相关费用将列入明年财政预算",
    "城市马拉松比赛开始报名 今年新增半程项目并扩大参赛名额",
    "中央公园樱花进入最佳观赏期 周末晚间将举办灯光秀",
]


def test_count_words_counts_unspaced_scripts_by_letters() -> None:
    """A sentence without spaces is many words: a Chinese word is about two characters, Japanese kana three
    letters a word; the words of a spaced script beside them count as words, lone marks do not."""
    assert count_words(EN_P1) == 22 and count_words("« Home » — x") == 5  # spaced scripts: as str.split
    assert count_words("市政府负责人表示") == 4  # 8 Han characters
    assert count_words("ソフトウェア一般") == 3  # 6 kana letters (ー is one) and 2 Han characters
    assert count_words("iPhoneを改造、販売") == 1 + 3  # iPhone, then 4 Han characters and a kana; "、" is no word
    assert count_words("ไม่มี") == 2  # 3 letters: Thai's tone mark and the vowel above are marks, not letters
    for paragraph, headline in zip([*JA_PARAGRAPHS, *ZH_PARAGRAPHS], [*JA_RELATED, *ZH_RELATED], strict=False):
        settings = lb.DEFAULT_SETTINGS
        assert count_words(paragraph) >= settings.anchor_words, paragraph
        assert settings.list_headline_min_words <= count_words(headline) <= settings.list_headline_max_words, headline


def test_count_words_looks_up_scripts_only_on_lines_that_can_hold_them() -> None:
    """The cheap block check before the script lookup lets through every letter the lookup counts (but the
    modifier apostrophe U+02BC, which counts only beside letters of those scripts)."""
    from newsclean.textnorm import _UNSPACED_BLOCKS, _UNSPACED_LETTER

    missed = [hex(c) for c in range(0x110000)
              if _UNSPACED_LETTER.fullmatch(chr(c)) and not _UNSPACED_BLOCKS.match(chr(c))]
    assert missed == ["0x2bc"]


def test_sentence_marks_of_japanese_and_chinese() -> None:
    for paragraph in [*JA_PARAGRAPHS, *ZH_PARAGRAPHS]:
        assert PERIOD_END.search(paragraph) and SENTENCE_END.search(paragraph), paragraph
    assert FULL_STOP.search("と話している。") and FULL_STOP.search("と述べた。」")  # inside a closing bracket
    assert CLOSING_END.search("商品の改造が商標法違反に！？") and not FULL_STOP.search("商品の改造が商標法違反に！？")
    assert INNER_PUNCTUATION.search(JA_PARAGRAPHS[0] + JA_PARAGRAPHS[1])  # no space after a sentence's "。"
    assert INNER_PUNCTUATION.search(ZH_PARAGRAPHS[0] + ZH_PARAGRAPHS[1])
    assert not INNER_PUNCTUATION.search("市民マラソン大会の参加者募集を開始。")  # a final "。" is no inner break
    assert not INNER_PUNCTUATION.search(JA_RELATED[0])  # headlines break clauses with "、" too
    assert opens_list("以下の通りです：") and is_list_item("受付時間：平日9時から", 5, 30, 6)
    assert is_headline_shaped(JA_TITLE, count_words(JA_TITLE), 30)
    assert not is_headline_shaped(JA_PARAGRAPHS[0], count_words(JA_PARAGRAPHS[0]), 30)


def test_label_lines_reads_japanese_and_chinese_pages() -> None:
    """A menu, the title, three paragraphs ended by "。", and other stories' headlines (as long in characters
    as a short paragraph, clauses broken by "、", no "。"): the paragraphs are the body, the headlines go as a
    list. The title is checked on the Chinese page only: `content_words` does not split unspaced text, so a
    Japanese title of kana and kanji shares no word with its body and the choice falls on the menu."""
    pages = [(["ホーム", "ニュース", "地域", "スポーツ"], JA_TITLE, JA_PARAGRAPHS, JA_RELATED),
             (["首页", "新闻", "本地", "体育"], ZH_TITLE, ZH_PARAGRAPHS, ZH_RELATED)]
    for menu, title, paragraphs, related in pages:
        lines = [*menu, title, *paragraphs, *related]
        labelled = lb.label_lines(lines)
        body = [line.text for line in labelled.lines if line.label == "body"]
        assert body[-len(paragraphs):] == paragraphs and not set(body) & {*menu, *related}
        assert {line.rule for line in labelled.lines if line.text in related} == {"structure.mark_headline_lists"}
    assert labelled.title_index == lines.index(ZH_TITLE) and body == ZH_PARAGRAPHS


GLUED_CARDS = [
    "Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left the steakhouse in Troy without"
    " paying their bill after a fight with the staff",
    "Michigan To Mail Redistricting Panel Applications To 250,000The state of Michigan will mail applications"
    " encouraging voters to apply to serve on the new panel",
    "Mayor Says Move For Health Benefits Won't StandWarren Mayor Jim Fouts says it was underhanded for a city"
    " council member to take the benefits this way",
]


def test_glued_seam_finds_a_headline_run_into_its_summary() -> None:
    settings = lb.DEFAULT_SETTINGS
    assert lb.glued_seam(GLUED_CARDS[0], settings) == GLUED_CARDS[0].index("A party")
    assert lb.glued_seam(GLUED_CARDS[1], settings) == GLUED_CARDS[1].index("The state")
    for prose in ("The new 16-inch MacBook Pro features a redesigned keyboard and a larger battery.",  # a brand
                  "SoftBank CEO Masayoshi Son has told WeWork executives he wants the company to shrink",
                  "Officials said the lanes open today. WeWork and others will move their offices there soon",
                  "The 120Hz GSYNC IPS Panel Gaming Monitor Now Sells For Less Than Ever Before"):
        assert lb.glued_seam(prose, settings) is None, prose


def test_mark_glued_teasers_removes_a_list_of_glued_cards_only() -> None:
    """Two glued cards or more close together are other stories; one glued line alone stays."""
    page = lb.make_page([*GLUED_CARDS, EN_TITLE, EN_P1, EN_P2])
    lb.mark_glued_teasers(page)
    assert decided(page) == {i: ("chrome", "structure.mark_glued_teasers") for i in (0, 1, 2)}
    alone = lb.make_page([EN_TITLE, EN_P1, GLUED_CARDS[0], EN_P2])
    lb.mark_glued_teasers(alone)
    assert alone.decided == {}
    apart = lb.make_page([GLUED_CARDS[0], *[EN_P1] * 7, GLUED_CARDS[1]])
    lb.mark_glued_teasers(apart)
    assert apart.decided == {}


def test_glued_cards_above_the_article_do_not_draw_the_region() -> None:
    """Cards long enough to read as paragraphs would make the region start at the menu."""
    lines = ["Menu", "Latest Headlines", *GLUED_CARDS, "Weather", *GLUED_CARDS[::-1], "Sports", EN_TITLE, EN_P1,
             EN_P2]
    labelled = lb.label_lines(lines, title_hint=EN_TITLE)
    assert [line.text for line in labelled.lines if line.label == "body"] == [EN_P1, EN_P2]
    assert {line.rule for line in labelled.lines if line.text in GLUED_CARDS} == {"structure.mark_glued_teasers"}
