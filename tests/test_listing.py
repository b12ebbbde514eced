"""Listing, index and collection pages told from articles (newsclean.listing), one test per signal."""

from __future__ import annotations

import hashlib
import logging

import pytest
from lxml import html as lxml_html

from newsclean import listing
from newsclean.listing import (
    DEFAULT_LISTING,
    LISTING_FEATURES,
    ListingSettings,
    PageSignals,
    body_region,
    declared_types,
    declares_article,
    declares_collection,
    declares_collection_page,
    has_little_prose,
    is_article_url,
    is_home_page,
    is_link_region,
    is_section_page,
    is_section_url,
    is_teaser_grid,
    listing_features,
    load_listing_model,
    model_listing_reason,
    page_signals,
    prose_lines,
    region_words,
    rules_listing_reason,
    sentence_count,
    short_lines,
    visible_body,
    visible_text,
)
from newsclean.pipeline import clean_document
from newsclean.records import Article, RawDoc, Reason, Rejection
from newsclean.textnorm import count_words
from newsclean.trees import trees_from_dict
from tests.conftest import stump

PARAGRAPH = ("The regional water board said on Monday that the reservoir had reached its lowest level in a "
             "decade, and asked households to cut their use by a fifth until the autumn rains arrive.")
TOPICS = ["budget", "bus lanes", "new school", "library hours", "park", "bridge", "market", "museum", "harbour",
          "stadium", "tram", "pool", "hospital", "airport", "river", "zoo", "festival", "theatre", "station", "port"]
TEASERS = [(f"Story number {i}: council debates the {topic}", f"What the vote on the {topic} means for you…")
           for i, topic in enumerate(TOPICS)]


def index_page(ld_type: str | None = None) -> bytes:
    ld = (f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{ld_type}"}}</script>'
          if ld_type else "")
    cards = "".join(f'<article><h2><a href="/s/{i}">{title}</a></h2><p>{teaser}</p></article>'
                    for i, (title, teaser) in enumerate(TEASERS))
    return (f"<!DOCTYPE html><html><head><title>Local news</title>{ld}</head><body><h1>Local news</h1>"
            f"<p>{PARAGRAPH}</p>{cards}</body></html>").encode()


def article_page(og_type: str = "article") -> bytes:
    paragraphs = "".join(f"<p>{PARAGRAPH} Paragraph {i} adds more detail on the plan.</p>" for i in range(6))
    related = "".join(f'<li><h3><a href="/s/{i}">{title}</a></h3></li>' for i, (title, _) in enumerate(TEASERS))
    return (f'<!DOCTYPE html><html><head><meta property="og:type" content="{og_type}"><title>Reservoir at its '
            f"lowest in a decade</title></head><body><article><h1>Reservoir at its lowest in a decade</h1>"
            f"{paragraphs}</article><aside><ul>{related}</ul></aside></body></html>").encode()


def clean(data: bytes) -> Article | Rejection:
    return clean_document(RawDoc("page.html", data, hashlib.sha256(data).hexdigest()))


def test_declared_types_reads_og_type_and_top_level_json_ld_only() -> None:
    tree = lxml_html.fromstring(
        '<html><head><meta property="og:type" content="website"><script type="application/ld+json">'
        '{"@graph": [{"@type": "CollectionPage", "author": {"@type": "Person"}}, {"@type": ["WebPage"]}]}'
        '</script><script type="application/ld+json">not json</script></head><body></body></html>')
    assert declared_types(tree) == {"website", "collectionpage", "webpage"}


def test_declared_types_drop_punctuation() -> None:
    tree = lxml_html.fromstring('<html><head><meta property="og:type" content="Product.Group"><script '
                                'type="application/ld+json">{"@type": "https://schema.org/SearchResultsPage"}'
                                '</script></head><body></body></html>')
    assert declared_types(tree) == {"productgroup", "searchresultspage"}


def test_a_declared_collection_page_is_a_listing_even_when_og_type_says_article() -> None:
    article_and_list = PageSignals(declared_types=frozenset({"article", "collectionpage", "itemlist"}))
    assert declares_collection_page(article_and_list)
    assert rules_listing_reason(article_and_list, [PARAGRAPH] * 10) == "listing: declared collectionpage"
    assert rules_listing_reason(PageSignals(declared_types=frozenset({"productgroup"})), [PARAGRAPH] * 10) == (
        "listing: declared productgroup")
    in_article_list = PageSignals(declared_types=frozenset({"article", "itemlist"}))  # a list inside an article
    assert not declares_collection_page(in_article_list)
    assert rules_listing_reason(in_article_list, [PARAGRAPH]) is None


def test_declares_article_and_collection() -> None:
    assert declares_article(PageSignals(declared_types=frozenset({"newsarticle", "breadcrumblist"})))
    assert not declares_article(PageSignals(declared_types=frozenset({"website"})))
    assert declares_collection(PageSignals(declared_types=frozenset({"collectionpage"})))
    assert not declares_collection(PageSignals(declared_types=frozenset({"webpage"})))


def test_prose_lines_sentences_and_little_prose() -> None:
    teasers = [t for pair in TEASERS for t in pair]
    assert prose_lines([PARAGRAPH, *teasers]) == [PARAGRAPH]
    assert sentence_count([PARAGRAPH, "One. Two! Three? أربعة؟", "no end"]) == 5
    assert has_little_prose([PARAGRAPH, *teasers])
    assert not has_little_prose([PARAGRAPH] * DEFAULT_LISTING.min_prose_lines)
    assert not has_little_prose(["A short line. " * DEFAULT_LISTING.min_sentences])  # sentences, one line
    brief = ["The council approved the budget on Tuesday.", "The vote was close.", "It takes effect in May."]
    assert short_lines([*brief, "Garmin watches", "$199.00", "- Bugs fixed"]) == ["Garmin watches", "$199.00"]
    assert not has_little_prose(brief)  # a news brief: little prose, but nothing listed
    assert not has_little_prose([*brief, "- New tasks for the game", "- Better Android support", "- Bugs fixed"])


def test_teaser_grid_needs_many_cards_and_few_paragraphs_and_prose_words_per_card() -> None:
    grid = PageSignals(article_cards=20)  # a grid: under 0.3 prose lines (6) and 15 prose words (300) a card
    assert len(PARAGRAPH.split()) == 33
    assert is_teaser_grid(grid, [PARAGRAPH])
    assert is_teaser_grid(grid, [PARAGRAPH] * 5)  # 165 words
    assert not is_teaser_grid(grid, [PARAGRAPH] * 6)  # 6 paragraphs: an article with a related list
    assert not is_teaser_grid(grid, [" ".join([PARAGRAPH] * 2)] * 5)  # 5 paragraphs, 330 words
    assert not is_teaser_grid(PageSignals(article_cards=5), [])
    # a guide under 21 linked subheadings: five long paragraphs (99 words each), not 21 teasers
    assert not is_teaser_grid(PageSignals(headline_links=21), [" ".join([PARAGRAPH] * 3)] * 5)


def test_listing_reason_believes_a_declared_article() -> None:
    teasers = [t for pair in TEASERS for t in pair]
    assert rules_listing_reason(PageSignals(declared_types=frozenset({"article"}), article_cards=20), teasers) is None
    assert rules_listing_reason(PageSignals(), teasers) == "listing: 0 prose lines, 0 sentences"
    some_prose = [PARAGRAPH] * 3 + teasers
    assert rules_listing_reason(PageSignals(), some_prose) is None
    assert rules_listing_reason(PageSignals(declared_types=frozenset({"itemlist"})), some_prose) == (
        "listing: declared itemlist, 3 prose lines")
    assert rules_listing_reason(PageSignals(declared_types=frozenset({"itemlist"})), [PARAGRAPH] * 5 + teasers) is None
    assert rules_listing_reason(PageSignals(headline_links=20), some_prose) == "listing: 20 teaser cards, 3 prose lines"


def test_page_signals_of_an_index_page() -> None:
    signals = page_signals(lxml_html.fromstring(index_page("CollectionPage").decode()))
    teaser_words = sum(len(f"{title} {teaser}".split()) for title, teaser in TEASERS)
    title_words = sum(len(title.split()) for title, _ in TEASERS)
    assert signals == PageSignals(declared_types=frozenset({"collectionpage"}), article_cards=20, headline_links=20,
                                  page_words=2 + len(PARAGRAPH.split()) + teaser_words, link_words=title_words,
                                  links=20, distinct_links=20, story_links=0, long_paragraphs=1,
                                  repeated_cards=20, repeated_card_words=teaser_words)


def test_visible_words_leave_out_scripts_and_count_link_words() -> None:
    tree = lxml_html.fromstring('<html><head><title>Not counted</title></head><body><p>Three plain words '
                                '<a href="/x">two linked</a></p><script>var a = "no words here";</script>'
                                '<style>p { color: red }</style></body></html>')
    text, link_text = visible_text(visible_body(tree))
    assert (count_words(text), count_words(link_text)) == (5, 2)
    assert "Three plain words" in text and "no words" not in text and "Not counted" not in text


def test_the_visible_body_is_a_copy_without_what_a_reader_never_sees() -> None:
    tree = lxml_html.fromstring('<html><body><p>Seen <noscript><img src="/lazy.jpg"></noscript>text</p>'
                                '<svg><text>chart label</text></svg><template><a href="/t">later</a></template>'
                                '<script type="application/ld+json">{"@type": "NewsArticle"}</script></body></html>')
    page = visible_body(tree)
    assert page.tag == "body" and " ".join(page.itertext()).split() == ["Seen", "text"]
    assert page.xpath(".//img | .//a | .//script") == []
    # the page itself is left whole: its JSON-LD is still read from it
    assert len(tree.xpath("//noscript | //svg | //template | //script")) == 4
    assert declared_types(tree) == {"newsarticle"}


def test_declared_path_prefers_the_canonical_link() -> None:
    head = ('<meta property="og:url" content="https://example.com/og/path"><link rel="canonical" '
            'href="https://example.com/news/">')
    assert page_signals(lxml_html.fromstring(f"<html><head>{head}</head><body></body></html>")).url_path == "/news/"
    og_only = '<html><head><meta property="og:url" content="https://example.com/a-b?x=1"></head></html>'
    assert page_signals(lxml_html.fromstring(og_only)).url_path == "/a-b"
    assert page_signals(lxml_html.fromstring("<html><body><p>x</p></body></html>")).url_path is None


def test_article_and_section_urls() -> None:
    for path in ("/2025/12/19/budget-vote/", "/story/25/12/19/236259/computer-science-grads-find-fewer-jobs",
                 "/what-is-an-online-course/item12708", "/how-to-start-a-vegetable-garden-11683422",
                 "/city-approves-the-new-bus-network.html"):
        assert is_article_url(path), path
    for path in (None, "", "/", "/news", "/collections/mens-sneakers", "/best-crm-software"):
        assert not is_article_url(path), path
    for path in ("/news", "/blog/", "/category/tech/page/2", "/collections/mens-sneakers", "/us/en/c/fire-pits",
                 "/tag/elections"):
        assert is_section_url(path), path
    for path in (None, "/", "/blog/best-crm-software", "/collection/small-business-guide", "/about-us",
                 "/c/item-12345"):
        assert not is_section_url(path), path


def test_section_page_needs_a_section_url_and_a_body_small_beside_the_page_or_many_links() -> None:
    lines = [PARAGRAPH]  # 33 words
    words = len(PARAGRAPH.split())
    assert is_section_page(PageSignals(url_path="/news", page_words=3 * words), lines)  # body a third of the page
    assert is_section_page(PageSignals(url_path="/news", page_words=words, link_words=words // 2), lines)  # links
    assert not is_section_page(PageSignals(url_path="/news", page_words=words, link_words=words // 4), lines)
    assert not is_section_page(PageSignals(url_path="/2025/01/02/budget", page_words=3 * words), lines)
    assert not is_section_page(PageSignals(url_path="/news"), lines)  # nothing measured on the page


def test_a_story_url_keeps_an_article_that_looks_like_little_prose_or_a_teaser_grid() -> None:
    teasers = [t for pair in TEASERS for t in pair]
    story = "/2025/12/19/council-debates-the-budget"
    assert rules_listing_reason(PageSignals(url_path=story), teasers) is None
    assert rules_listing_reason(PageSignals(url_path=story, headline_links=20), [PARAGRAPH] * 3) is None
    assert rules_listing_reason(PageSignals(url_path=story, declared_types=frozenset({"itemlist"})), teasers) == (
        "listing: declared itemlist, 0 prose lines")
    assert rules_listing_reason(PageSignals(url_path="/news", page_words=400, link_words=300), [PARAGRAPH] * 6) == (
        "listing: section URL /news, 300/400 page words in links")


def test_an_index_page_is_rejected_as_no_article() -> None:
    for data in (index_page(), index_page("CollectionPage")):
        outcome = clean(data)
        assert isinstance(outcome, Rejection) and outcome.reason == Reason.NO_ARTICLE
        assert outcome.detail.startswith("listing: ")


def test_an_article_with_a_related_list_is_kept_declared_or_not() -> None:
    for og_type in ("article", "website"):
        outcome = clean(article_page(og_type))
        assert isinstance(outcome, Article), outcome
        assert outcome.body.count(PARAGRAPH) == 6


CARD_GRID = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><div class='grid'>"
             + "".join(f"<div class='card'><h3><a href='/s/{i}'>{title}</a></h3><p>{teaser}</p></div>"
                       for i, (title, teaser) in enumerate(TEASERS[:5]))
             + "</div></main><footer><p>Contact us</p></footer></body></html>")


def test_body_region_is_the_deepest_element_holding_most_extracted_lines() -> None:
    tree = lxml_html.fromstring(CARD_GRID)
    blurbs = [teaser for _, teaser in TEASERS[:5]]
    assert body_region(visible_body(tree), blurbs).get("class") == "grid"
    assert body_region(visible_body(tree), blurbs[:1]).tag == "p"  # one line: its own paragraph
    assert body_region(visible_body(tree), [*blurbs, "Contact us"]).get("class") == "grid"  # 5 of 6 lines: over 0.8
    assert body_region(visible_body(tree), [*blurbs, "Contact us", "Home"]).tag == "body"  # 5 of 7 lines: under 0.8
    assert body_region(visible_body(tree), ["not on the page"]) is None
    title_words = sum(len(title.split()) for title, _ in TEASERS[:5])
    teaser_words = sum(len(teaser.split()) for _, teaser in TEASERS[:5])
    assert region_words(visible_body(tree), blurbs) == (title_words + teaser_words, title_words)
    assert region_words(visible_body(tree), ["not on the page"]) == (0, 0)
    signals = page_signals(tree, blurbs)
    assert (signals.region_words, signals.region_left_out_link_words) == (title_words + teaser_words, title_words)


def test_link_region_needs_links_left_out_and_almost_no_prose() -> None:
    cards = PageSignals(region_words=100, region_left_out_link_words=33)
    assert is_link_region(cards, prose=3)
    assert not is_link_region(cards, prose=4)
    assert not is_link_region(PageSignals(region_words=100, region_left_out_link_words=32), prose=0)
    assert not is_link_region(PageSignals(), prose=0)  # no region found
    blurbs = [PARAGRAPH, "What the vote on the budget means for you and your family this year…"]
    assert rules_listing_reason(cards, blurbs) == "listing: 1 prose lines, 33/100 region words in links left out"
    declared = PageSignals(region_words=100, region_left_out_link_words=33, declared_types=frozenset({"article"}))
    assert rules_listing_reason(declared, blurbs) == "listing: 1 prose lines, 33/100 region words in links left out"
    story = PageSignals(region_words=100, region_left_out_link_words=33,
                        url_path="/2025/12/19/council-debates-the-budget")
    assert rules_listing_reason(story, blurbs) is None


def test_links_kept_as_lines_are_not_left_out() -> None:
    tree = lxml_html.fromstring(CARD_GRID)
    both = [text for pair in TEASERS[:5] for text in pair]
    words = sum(len(f"{title} {teaser}".split()) for title, teaser in TEASERS[:5])
    assert region_words(visible_body(tree), both) == (words, 0)


def test_a_grid_of_cards_whose_linked_headlines_the_extractor_drops_is_rejected() -> None:
    cards = "".join(f"<div class='card'><div class='title'><a href='/s/{i}'>Council debates the {topic} and what "
                    f"comes next for the city</a></div><p>The {topic} plan was debated on Monday. Residents spoke "
                    "against it. The vote is next week.</p></div>" for i, topic in enumerate(TOPICS[:5]))
    page = ("<!DOCTYPE html><html><head><meta property='og:type' content='article'><title>Local news</title></head>"
            f"<body><main><div class='grid'>{cards}</div></main></body></html>").encode()
    outcome = clean(page)
    assert isinstance(outcome, Rejection) and outcome.reason == Reason.NO_ARTICLE, outcome
    assert outcome.detail == "listing: 0 prose lines, 58/141 region words in links left out"


def test_home_page_needs_the_root_url_and_mostly_links() -> None:
    front = PageSignals(url_path="/", page_words=1000, link_words=401)
    assert is_home_page(front)
    assert is_home_page(PageSignals(url_path="", page_words=1000, link_words=401))  # canonical "https://site.com"
    assert not is_home_page(PageSignals(url_path="/", page_words=1000, link_words=400))
    assert not is_home_page(PageSignals(url_path="/news/budget", page_words=1000, link_words=900))
    assert not is_home_page(PageSignals(url_path=None, page_words=1000, link_words=900))  # nothing declared
    assert not is_home_page(PageSignals(url_path="/"))
    # a post whose CMS prints the root as its canonical URL: most of the page is its body, few links
    post = PageSignals(url_path="/", page_words=1000, link_words=150)
    assert rules_listing_reason(post, [PARAGRAPH] * 3) is None
    assert rules_listing_reason(front, [PARAGRAPH] * 3) == "listing: home URL '/', 401/1000 page words in links"



def shop_shelf() -> bytes:
    """A shop's category page: a two-paragraph blurb above a grid of product cards (a linked image, the name in
    a heading of no link, a price), the kind the rules let through: the extractor keeps the blurb only."""
    blurb = ("Our running shoes are made for every distance, from a short jog around the park to a full "
             "marathon, and each pair is tested by runners in our own club before it reaches the shelf.")
    cards = "".join(f'<li class="product-card"><a href="/p/{1000 + i}"><img src="/i/{i}.jpg" alt=""></a><h3 '
                    f'class="name">Trail runner {i}</h3><p class="price">${59 + i}.99</p></li>'
                    for i in range(24))
    return ("<!DOCTYPE html><html><head><title>Running shoes</title></head><body><h1>Running shoes</h1>"
            f"<p>{blurb}</p><p>{blurb.replace('Our', 'These')}</p><ul class='grid'>{cards}</ul></body></html>"
            ).encode()


def test_listing_features_describe_the_page_the_lines_and_the_title() -> None:
    signals = page_signals(lxml_html.fromstring(shop_shelf().decode()), ["Running shoes"])
    assert (signals.links, signals.distinct_links, signals.images, signals.prices) == (24, 24, 24, 24)
    assert signals.repeated_cards == 24 and signals.story_links == 0  # /p/1000: one word, a 4-digit id
    lines = ["Trail runner 1", "$60.99", PARAGRAPH, "Trail runner 1"]
    row = dict(zip(LISTING_FEATURES, listing_features(signals, lines, "Running shoes")[0], strict=True))
    assert row["title_words"] == 2 and row["body_lines"] == 4 and row["prose_lines"] == 1
    assert row["price_lines"] == 1 and row["repeated_line_share"] == 0.25 and row["page_prices"] == 24
    assert row["repeated_cards"] == 24 and row["images"] == 24
    assert row["short_line_share"] == 0.75  # the names and the price
    assert row["headline_shaped_share"] == 0.5  # "Trail runner 1" twice; "$60.99" is one word


def test_the_model_step_rejects_only_at_the_set_probability() -> None:
    short_title = trees_from_dict({"features": list(LISTING_FEATURES), "learning_rate": 1.0, "prior": 0.0,
                                   "trees": [stump(LISTING_FEATURES.index("title_words"), 2.5, 4.0, -4.0)]})
    signals = PageSignals(page_words=100)
    reason = model_listing_reason(signals, [PARAGRAPH], "Shoes", model=short_title)
    assert reason == "listing: model P=0.98, 1 prose lines"  # 1 / (1 + e^-4)
    assert model_listing_reason(signals, [PARAGRAPH], "Reservoir at its lowest in a decade", model=short_title) is None
    stricter = ListingSettings(model_min_probability=0.99)
    assert model_listing_reason(signals, [PARAGRAPH], "Shoes", stricter, model=short_title) is None


def test_a_listing_model_of_other_features_is_refused_aloud(monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(listing, "LISTING_FEATURES", (*LISTING_FEATURES, "a_feature_the_file_lacks"))
    with caplog.at_level(logging.WARNING, logger="newsclean.trees"):
        assert listing.load_listing_model.__wrapped__() is None
    assert "listing_model.json was trained on other features" in caplog.text


def test_the_packaged_model_rejects_a_shop_shelf_the_rules_let_through_and_keeps_articles() -> None:
    model = load_listing_model()
    assert model is not None and model.features == LISTING_FEATURES
    outcome = clean(shop_shelf())
    assert isinstance(outcome, Rejection) and outcome.reason == Reason.NO_ARTICLE, outcome
    assert outcome.detail.startswith("listing: model P=")
    for page in (article_page(), article_page("website")):
        assert isinstance(clean(page), Article)
