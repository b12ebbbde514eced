"""Listing, index and collection pages told from articles (newsclean.listing), one test per signal."""

from __future__ import annotations

import hashlib

from lxml import html as lxml_html

from newsclean.listing import (
    DEFAULT_LISTING,
    PageSignals,
    declared_types,
    declares_article,
    declares_collection,
    has_little_prose,
    is_teaser_grid,
    listing_reason,
    page_signals,
    prose_lines,
    sentence_count,
    short_lines,
)
from newsclean.pipeline import clean_document
from newsclean.records import Article, RawDoc, Reason, Rejection

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


def test_teaser_grid_needs_many_cards_and_few_paragraphs_per_card() -> None:
    grid = PageSignals(article_cards=20)
    assert is_teaser_grid(grid, [PARAGRAPH])
    assert not is_teaser_grid(grid, [PARAGRAPH] * 10)  # 20 cards, 10 paragraphs: a long article in cards
    assert not is_teaser_grid(PageSignals(article_cards=5), [])


def test_listing_reason_believes_a_declared_article() -> None:
    teasers = [t for pair in TEASERS for t in pair]
    assert listing_reason(PageSignals(declared_types=frozenset({"article"}), article_cards=20), teasers) is None
    assert listing_reason(PageSignals(), teasers) == "listing: 0 prose lines, 0 sentences"
    some_prose = [PARAGRAPH] * 3 + teasers
    assert listing_reason(PageSignals(), some_prose) is None
    assert listing_reason(PageSignals(declared_types=frozenset({"collectionpage"})), some_prose) == (
        "listing: declared collectionpage, 3 prose lines")
    assert listing_reason(PageSignals(headline_links=20), some_prose) == "listing: 20 teaser cards, 3 prose lines"


def test_page_signals_of_an_index_page() -> None:
    signals = page_signals(lxml_html.fromstring(index_page("CollectionPage").decode()))
    assert signals == PageSignals(declared_types=frozenset({"collectionpage"}), article_cards=20, headline_links=20)


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
