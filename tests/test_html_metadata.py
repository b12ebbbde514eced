"""HTML titles (h1 against og:title) and the metadata fixes of issue 16: bylines as printed, no copyright line
or photo credit as the source, no header clock as the publication date."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from newsclean.chrome.label import label_lines
from newsclean.extract import detect_format, repair_extracted_text
from newsclean.metadata import (
    author_from_byline,
    describe,
    glued_site_name,
    is_header_clock,
    title_from_headings,
    usable_source_name,
)
from newsclean.pipeline import clean_document
from newsclean.records import Article, Extracted, RawDoc

PARAGRAPHS = [
    "The city council approved the new bus network on Tuesday after a two-year consultation with residents, "
    "drivers and local businesses across every district of the town.",
    "Under the plan, the number of night routes doubles and every stop within the ring road gets a bus at "
    "least every ten minutes during the day, the council said in a statement.",
    "Opponents of the bus network argued that the cost of the new depot had been underestimated, and asked "
    "for an independent review before the first contracts are signed next spring.",
]


def page(head: str, body: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
            f"<header><a href='/'>Home</a> <a href='/news'>News</a></header>"
            f"<main><article>{body}{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</article></main>"
            f"<footer><p>Contact us</p></footer></body></html>").encode()


def clean(data: bytes) -> Article:
    outcome = clean_document(RawDoc("page.html", data, hashlib.sha256(data).hexdigest()))
    assert isinstance(outcome, Article), outcome
    return outcome


def test_h1_wins_over_an_og_title_with_the_site_name_glued_to_it() -> None:
    article = clean(page("<title>x</title><meta property='og:title' content='Council backs new bus network | "
                         "The Riverside Gazette'>", "<h1>Council backs new bus network</h1>"))
    assert article.title == "Council backs new bus network"


def test_h1_wins_when_the_og_title_is_an_seo_line_the_body_does_not_use() -> None:
    article = clean(page("<meta property='og:title' content='Top 10 things to do this weekend in Riverside'>",
                         "<h1>Council approves night bus routes and a new depot</h1>"))
    assert article.title == "Council approves night bus routes and a new depot"


def test_og_title_kept_when_the_h1_is_the_site_logo() -> None:
    article = clean(page("<meta property='og:title' content='Council approves the new bus network'>",
                         "<h1>Riverside Gazette</h1>"))
    assert article.title == "Council approves the new bus network"


def test_title_from_headings_rules() -> None:
    lines = PARAGRAPHS
    assert title_from_headings(None, ("Bus network approved by the council",), lines) == (
        "Bus network approved by the council")
    assert title_from_headings(None, ("Menu",), lines) is None  # no content word of it in the body
    assert title_from_headings("Council approves buses", (), lines) == "Council approves buses"
    assert title_from_headings("Council approves buses", ("Council approves buses",), lines) == (
        "Council approves buses")
    assert glued_site_name("Riverside Gazette: Council approves buses", "Council approves buses")
    assert not glued_site_name("Council approves buses after a long debate on the cost of a depot in town",
                               "Council approves buses")


@pytest.mark.parametrize(("line", "author"), [
    ("كتبت: فاطمة الزهراء عبد الرحمن", "فاطمة الزهراء عبد الرحمن"),
    ("كتبت - فاطمة الزهراء", "فاطمة الزهراء"),  # was "ت - فاطمه الزهراء": كتب matched, folded letters
    ("كتب محمد علي الأحد 12 مارس 2024", "محمد علي"),
    ("Par Jean-Baptiste Dupont, publié le 12 mars 2024 à 10h30", "Jean-Baptiste Dupont"),
    ("Par Marie Curie - Publié le 12/03/2024", "Marie Curie"),
    ("By Jane Smith | Updated March 3, 2024", "Jane Smith"),
    ("by the time the rain stopped the whole town was out in the streets", None),
    ("The council said", None),
])
def test_author_from_byline(line: str, author: str | None) -> None:
    assert author_from_byline(line) == author


@pytest.mark.parametrize(("value", "usable"), [
    ("Copyright 2020 Example Media", False), ("2020", False), ("جميع الحقوق محفوظة لموقع المحروسة", False),
    ("© Riverside Gazette", False), ("Photo: Reuters", False), ("AFP / Getty Images", False),
    ("Le Monde", True), ("Riverside Gazette", True), ("المحروسة", True),
])
def test_usable_source_name(value: str, usable: bool) -> None:
    assert (usable_source_name(value) == value) is usable


def test_header_clock() -> None:
    assert is_header_clock("Today: Wednesday, March 6, 2024")
    assert is_header_clock("اليوم الأربعاء 6 مارس 2024")
    assert not is_header_clock("Published March 4, 2024")


def test_describe_reads_the_printed_byline_and_skips_the_header_clock_and_a_copyright_site() -> None:
    lines = ["اليوم الأربعاء 6 مارس 2024", "محطة مياه أسوان تعمل بكامل طاقتها الأسبوع المقبل",
             "كتبت - فاطمة الزهراء",
             "قال وزير الري إن محطة المياه الجديدة في أسوان ستعمل بكامل طاقتها خلال الأسبوع المقبل بعد انتهاء "
             "أعمال الصيانة الدورية التي استمرت شهرا كاملا.",
             "وأضاف الوزير في مؤتمر صحفي أن المحطة ستخدم أكثر من مئتي ألف مواطن في القرى المحيطة بالمدينة، وأن "
             "الحكومة رصدت ميزانية إضافية لتوسعتها العام المقبل.",
             "وأشار إلى أن أعمال التوسعة ستبدأ في الربع الأول من العام، على أن تنتهي قبل الصيف لتفادي أزمة "
             "انقطاع المياه التي شهدتها المدينة العام الماضي."]
    labelled = label_lines(lines, title_hint=None, edges_are_chrome=True)
    fields = describe(labelled, Extracted(format="html", lines=tuple(lines), site="جميع الحقوق محفوظة 2020",
                                          published="2024-03-04"))
    assert fields.author == "فاطمة الزهراء"
    assert fields.published is not None and fields.published.date == dt.date(2024, 3, 4)  # declared, not "today"
    assert fields.source_name is None


def test_repair_extracted_text_fixes_unescaped_mojibake_and_printed_paragraph_markup() -> None:
    assert repair_extracted_text("AI systems donâ€™t understand business ethics.") == (
        "AI systems don't understand business ethics.")
    printed = ("<h3><span id='x'></span>18. Farrar, Straus and Giroux</h3>\n<p>FSG is renowned for literary fiction "
               "and serious nonfiction, and its books often win awards.</p>")
    assert repair_extracted_text(printed) == ("18. Farrar, Straus and Giroux\nFSG is renowned for literary fiction "
                                              "and serious nonfiction, and its books often win awards.")
    quoting = "Wrap the card in a <div> and give the outer <div class='row'> display: flex."
    assert repair_extracted_text(quoting) == quoting  # a tech article quoting tags keeps them


def test_a_placeholder_timestamp_in_the_markup_is_no_publication_date() -> None:
    article = clean(page("<meta property='article:published_time' content='0001-01-01T00:00:00Z'>"
                         "<meta name='date' content='2019-11-19'>", "<h1>Council backs new bus network</h1>"))
    assert article.published_at is not None and article.published_at.date() == dt.date(2019, 11, 19)


def test_an_extraction_of_under_two_lines_is_redone_favouring_recall(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    from newsclean.extract import extract_html

    real = trafilatura.bare_extraction
    calls: list[bool] = []

    def one_run_on_line(tree, **options):  # type: ignore[no-untyped-def]
        calls.append(options["favor_recall"])
        document = real(tree, **options)
        if not options["favor_recall"]:  # what the defaults give on some layouts: the text run into one line
            document.text = " ".join(document.text.split())
        return document

    monkeypatch.setattr(trafilatura, "bare_extraction", one_run_on_line)
    paragraphs = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    page = f"<html><body><article><h1>Reservoir low</h1>{paragraphs}</article></body></html>"
    extracted = extract_html(page)
    assert calls == [False, True]
    assert [line for line in extracted.lines if line in PARAGRAPHS] == PARAGRAPHS
    calls.clear()
    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda tree, **options: calls.append(options["favor_recall"]) or real(tree, **options))
    assert [line for line in extract_html(page).lines if line in PARAGRAPHS] == PARAGRAPHS
    assert calls == [False]  # lines enough: extracted once


def test_a_page_printing_a_script_before_its_doctype_is_html() -> None:
    code = "document.querySelectorAll('input[name=\"source\"]').forEach(function(input) { input.value = 1; });\n"
    script = f"<script type='text/javascript'>\n{code * 60}</script>"  # longer than the 4,096 characters sniffed
    html = page("<title>Council approves the new bus network</title>", "").decode()
    printed = f"  \n{script}\n<style>p {{ color: red }}</style>\n\n{html}"
    assert detect_format(printed) == "html"
    assert detect_format(f"{script}\n{PARAGRAPHS[0]}") == "text"  # no page opening after the script: a dump
    assert detect_format(f"Notes on the bus network\n{script}\n{html[:15]}") == "text"  # quoted inside a dump
    article = clean(printed.encode())
    assert article.format == "html" and "querySelectorAll" not in article.body
    assert article.body.split("\n") == PARAGRAPHS
