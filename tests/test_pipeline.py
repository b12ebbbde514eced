"""One document end to end without orchestration: articles with their fields, or rejections with reasons."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from newsclean.pipeline import clean_document, clean_paths, doc_id_for
from newsclean.records import Article, RawDoc, Reason, Rejection
from tests.conftest import SEEDS


def clean_bytes(data: bytes, name: str = "doc.txt") -> Article | Rejection:
    return clean_document(RawDoc(name, data, hashlib.sha256(data).hexdigest()))


def clean_seed(prefix: str) -> Article:
    path = next(SEEDS.glob(f"{prefix}*"))
    article = clean_bytes(path.read_bytes(), str(path))
    assert isinstance(article, Article)
    return article


def test_seed_000_fields_come_from_its_publication_line() -> None:
    article = clean_seed("000")
    assert article.title.startswith("مدير مكتب الأسد الإعلامي")
    assert article.published_at == dt.datetime(2025, 1, 5) or article.published_at.date() == dt.date(2025, 1, 5)
    assert article.source_name == "باب نات"
    assert article.author is None
    assert article.language == "ar"
    assert article.body.split("\n")[0].startswith("زيارة الأسد الأخيرة لروسيا")


def test_seed_001_title_is_not_the_ticker_and_unknown_fields_stay_null() -> None:
    article = clean_seed("001")
    assert article.title.startswith("أسرار اللحظات الأخيرة لحكم الأسد")
    assert (article.published_at, article.author, article.source_name) == (None, None, None)


def test_seed_003_byline_and_source_line() -> None:
    article = clean_seed("003")
    assert article.author == "Ahmad b..d"
    assert article.source_name == "فرات بوست"
    assert "بشار الأسد" not in article.body.split("\n")  # the repeated caption is gone


def test_seed_004_site_named_by_its_donation_appeal() -> None:
    article = clean_seed("004")
    assert article.source_name == "عنب بلدي"
    removed = {r["text"]: (r["category"], r["rule"]) for r in article.removed}
    assert removed["ادعم عنب بلدي"] == ("donation", "ar.donation.support_site")
    assert removed["نجاح"][0] == "form_message"


def test_seed_002_dateline() -> None:
    article = clean_seed("002")
    assert article.dateline == "المكلا"
    assert article.source_name in {"المندب نيوز", "حضرموت نت"}


def test_every_removed_line_carries_a_rule_and_body_plus_removed_covers_the_input() -> None:
    for path in sorted(SEEDS.iterdir()):
        article = clean_seed(path.name[:3])
        assert all(r["rule"] for r in article.removed)
        kept = len(article.body.split("\n")) + 1  # body lines and the title
        assert kept + len(article.removed) == sum(1 for line in path.read_text().split("\n") if line.strip())


def test_doc_id_is_stable_for_the_same_bytes() -> None:
    data = next(SEEDS.glob("002*")).read_bytes()
    first, second = clean_bytes(data, "a.txt"), clean_bytes(data, "b/c.txt")
    assert first.doc_id == second.doc_id == doc_id_for(hashlib.sha256(data).hexdigest())


HTML_NO_ARTICLE = b"""<!doctype html><html><head><title>Home</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<footer>&copy; 2025 Example Media</footer></body></html>"""


@pytest.mark.parametrize(("data", "reason"), [
    (b"", Reason.EMPTY),
    (b"\x7fELF\x02\x01\x01" + bytes(500), Reason.NOT_TEXT),
    (HTML_NO_ARTICLE, Reason.NO_ARTICLE),
    ("الرئيسية\nأخبار\nرياضة\nاتصل بنا".encode(), Reason.NO_ARTICLE),
])
def test_bad_documents_become_rejections(data: bytes, reason: Reason) -> None:
    result = clean_bytes(data)
    assert isinstance(result, Rejection)
    assert result.reason is reason
    assert result.raw == data


def test_html_article_goes_through_trafilatura_and_the_same_labeller() -> None:
    paragraphs = [
        "The city council approved a new budget on Tuesday after months of debate over transport spending.",
        "Read more: Mayor promises new bus lanes",
        "The plan adds forty kilometres of bus lanes and doubles the number of night services by next spring.",
        "Council members said the vote reflected residents' demands for cheaper and faster public transport.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html><html><head><title>Council passes budget - City Times</title>
    <meta property="og:site_name" content="City Times"><meta name="author" content="Jane Smith">
    <meta property="article:published_time" content="2025-03-04T10:00:00Z"></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav>
    <article><h1>Council passes budget</h1>{body}</article>
    <div class="cookie">We use cookies to improve your experience on our site.</div></body></html>"""
    article = clean_bytes(page.encode(), "page.html")
    assert isinstance(article, Article)
    assert article.format == "html"
    assert article.title == "Council passes budget"
    assert article.source_name == "City Times" and article.author == "Jane Smith"
    assert article.published_at is not None and article.published_at.date() == dt.date(2025, 3, 4)
    assert article.body.split("\n") == [paragraphs[0], paragraphs[2], paragraphs[3]]


def test_a_batch_accounts_for_every_path(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = [str(p) for p in sorted(SEEDS.iterdir())] + [str(tmp_path / "empty.txt"), str(tmp_path / "gone.txt")]
    result = clean_paths(paths)
    assert len(result.articles) == 5
    assert sorted(r.reason for r in result.rejections) == [Reason.EMPTY, Reason.UNREADABLE]
    assert result.rejected_by_reason == {"empty": 1, "unreadable": 1}
    assert sum(r["category"] == "caption" for a in result.articles for r in a.removed) >= 5
    assert set(result.stats.seconds) >= {"read", "decode", "extract", "classify", "metadata"}


def test_a_news_brief_of_short_sentences_is_an_article() -> None:
    sentences = ["افتتح وزير الصحة اليوم مستشفى جديدا في محافظة أسوان.",
                 "ويضم المستشفى مئتي سرير وأقساما للطوارئ والعناية المركزة.",
                 "وقال الوزير إن المستشفى سيخدم نصف مليون مواطن في المنطقة.",
                 "وأضاف أن العمل بدأ فيه قبل ثلاث سنوات بتكلفة كبيرة."]
    page = ["الرئيسية | أخبار | رياضة", "وزير الصحة يفتتح مستشفى جديدا في أسوان", *sentences,
            "تابعونا على فيسبوك", "جميع الحقوق محفوظة © 2025"]
    article = clean_bytes("\n".join(page).encode())
    assert isinstance(article, Article)
    assert article.title == page[1] and article.body.split("\n") == sentences


_BODY = "<p>" + " ".join(["The council approved the new budget for the coming year after a long debate."] * 6) + "</p>"
_PAGES = [
    # a declared author, title, site and date
    '<html><head><title>Budget passes - City Times</title><meta name="author" content="Jane Roe">'
    '<meta property="og:site_name" content="City Times"><meta property="article:published_time"'
    ' content="2024-03-05T10:00:00Z"><link rel="canonical" href="https://www.citytimes.example/budget">'
    f'</head><body><article><h1>Budget passes</h1>{_BODY}</article></body></html>',
    # no author in the head (trafilatura searches the page), no title tag, a lower-case site name
    '<html><head><meta property="og:site_name" content="citytimes"></head><body><article>'
    f'<h1>Budget passes</h1><p class="byline">By John Doe</p>{_BODY}</article>'
    '<footer><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC</a>'
    '<a href="/category/politics/">Politics</a></footer></body></html>',
    # only a URL to name the site, and JSON-LD
    '<html><head><title>Budget</title><link rel="canonical" href="https://news.example.org/a/1">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget passes",'
    ' "author": {"@type": "Person", "name": "Ann Smith"}, "datePublished": "2024-03-05"}</script>'
    f'</head><body>{_BODY}</body></html>',
    "<html><body><p>too short</p></body></html>",
]


def test_html_metadata_is_what_trafilatura_declares() -> None:
    """extract_html reads the declared metadata itself (without trafilatura's categories, tags and licence
    search) and extracts the content without metadata: both must be what bare_extraction(with_metadata=True)
    gives, on the test set's pages and on pages exercising each fallback."""
    from pathlib import Path

    from trafilatura import bare_extraction

    from newsclean.decode import decode
    from newsclean.extract import extract_html, split_lines
    from newsclean.records import Decoded

    raw = Path(__file__).parent / "data" / "raw"
    pages = list(_PAGES)
    for path in sorted(raw.glob("*.html")):
        decoded = decode(RawDoc(str(path), path.read_bytes(), ""))
        assert isinstance(decoded, Decoded)
        pages.append(decoded.text)
    for page in pages:
        ours = extract_html(page)
        theirs = bare_extraction(page, with_metadata=True, include_comments=False, include_tables=True,
                                 include_images=False, include_links=False, favor_precision=False)
        if theirs is None:
            assert ours.lines == () and ours.title is None
            continue
        assert ours.lines == split_lines(theirs.text or "")
        assert (ours.title, ours.author, ours.site, ours.published, ours.url) == (
            theirs.title or None, theirs.author or None, theirs.sitename or None, theirs.date or None,
            theirs.url or None)


def test_site_memory_does_not_depend_on_str_hashing() -> None:
    """Story keys and the order lines enter the site memory follow the document, not a set's iteration order
    (salted per process): the same inputs gave different template lines from one run to the next."""
    from newsclean.chrome.memory import STORY_LINES, SiteMemory, story_lines
    from newsclean.textnorm import fold

    lines = ["line one of equal size", "line two of equal size", "line three, equal size", "line four, equal size.",
             "short"]
    assert len({len(line) for line in lines[:4]}) == 1 and STORY_LINES == 3
    assert story_lines([fold(line) for line in lines]) == [line.lower() for line in lines[:3]]
    memory = SiteMemory()
    memory.observe("site", lines)
    assert list(memory.sites["site"]) == [line.lower() for line in lines]


def test_cleaned_articles_carry_what_settling_needs_computed_from_their_final_body() -> None:
    # search text, MinHash signature, story terms and derived check values are computed on the workers;
    # they must be those of the body as written, or linking and validation would judge another text
    from newsclean.duplicates import search_text, signature
    from newsclean.stories import story_terms
    from newsclean.validate import check_values

    result = clean_paths(sorted(str(p) for p in SEEDS.iterdir()))
    assert len(result.articles) == 5
    for article in result.articles:
        assert article.body_search == search_text(article.body)
        assert article.signature == signature(article.body_search) and len(article.signature) == 512
        assert article.story_terms == story_terms(article.body_search)
        assert article.checks == check_values(article)
        assert article.checks["body_chrome_rule"] is None and article.checks["body_mojibake"] is False
