"""Index, front and collection pages (lists of teasers, no article body) told from articles, on HTML.

What a page declares (og:type, JSON-LD @type) and what its structure and extracted text look like: many
teaser cards or linked headlines, little prose. Each signal is one function; every threshold is a field of
`ListingSettings`. Never a list of sites. What those rules let through is judged last by a learned model
(`listing_model.json`, boosted trees over the same signals, trained by `benchmarks/train_listing_model.py`).
"""

from __future__ import annotations

import copy
import functools
import json
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from lxml import etree

from newsclean.chrome.lines import PERIOD_END, is_headline_shaped
from newsclean.textnorm import count_words, non_space_length
from newsclean.trees import BoostedTrees, load_packaged_trees

# schema.org types that say "this page is one article" / "this page is a list of things"
ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                           "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report",
                           "scholarlyarticle", "techarticle", "liveblogposting", "socialmediaposting", "review",
                           "howto", "recipe", "medicalwebpage", "qapage", "discussionforumposting"})
COLLECTION_TYPES = frozenset({"collectionpage", "searchresultspage", "itemlist", "offercatalog", "productcollection",
                              "productgroup"})
# of those, the types that name the page itself a list (an ItemList may be a list inside an article)
COLLECTION_PAGE_TYPES = frozenset({"collectionpage", "searchresultspage", "productgroup"})
# URL path segments that name a section, a taxonomy or a shop's shelf rather than one story
TAXONOMY_SEGMENTS = frozenset({"c", "cat", "category", "categories", "collection", "collections", "tag", "tags",
                               "topic", "topics", "section", "sections", "shop", "store", "products", "archive",
                               "archives", "list", "lists"})
SECTION_SEGMENTS = TAXONOMY_SEGMENTS | {"news", "blog", "blogs", "latest", "articles", "stories", "search", "page",
                                        "learn", "courses", "recipes", "issues", "sale", "all"}
_LD_TYPE = re.compile(r"[^/#]+$")
_TYPE_PUNCTUATION = re.compile(r"[^\w]+")
_SLUG_SPLIT = re.compile(r"[-_+.\s]+|%20")
_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?)$")
_PAGE_NUMBER = re.compile(r"/page/\d+/?$")
_DATE_PATH = re.compile(r"/(?:19|20)\d\d/\d\d?/")
_SENTENCE_END = re.compile(r"[.!?؟](?:\s|$)")
_BULLET = re.compile(r"^\s*[-•*–]\s")
# a price: a currency sign or code beside a number ($19.99, 1.299,00 €, 45 SAR, ٣٠ ر.س)
_PRICE = re.compile(r"(?:[$£€¥₹]\s?\d|\d[\d.,]*\s?(?:USD|EUR|GBP|SAR|AED|EGP|€|\$|ر\.س|د\.إ|ج\.م))")
MODEL_FILE = "listing_model.json"


@dataclass(slots=True, frozen=True)
class ListingSettings:
    """Thresholds of the listing signals (chosen on the dev half of shared/bench/wcxb-dev: no article lost)."""

    prose_min_words: int = 20  # a prose line: this many words and a sentence end
    min_prose_lines: int = 2  # fewer prose lines than this ...
    min_sentences: int = 10  # ... and fewer sentences than this is too little for an article body ...
    short_line_words: int = 10  # ... when it lists things: lines of at most this many words, no sentence end,
    min_short_lines: int = 3  # at least this many of them (a three-paragraph news brief lists nothing)
    declared_min_prose_lines: int = 5  # a page declaring a collection needs this many prose lines to be an article
    teaser_cards: int = 20  # this many <article> cards, or linked h2-h4 headlines, is a teaser grid ...
    prose_lines_per_card: float = 0.3  # ... when it has fewer prose lines than this per card ...
    prose_words_per_card: int = 15  # ... holding fewer words than this per card
    article_slug_words: int = 5  # a URL whose last segment has this many words is one story's ...
    article_id_digits: int = 5  # ... or holds a number this long (an id), or a /yyyy/mm/ date
    section_slug_words: int = 2  # under /category/, /tag/, /collections/...: a name of at most this many words
    section_body_share: float = 0.5  # a section URL's page is a listing when its body is under this share of
    section_link_share: float = 0.4  # the page's words, or more than this share of the page's words are links
    region_line_share: float = 0.8  # the body's region: the deepest element holding this share of its lines ...
    region_link_share: float = 0.33  # ... is a card grid when this share of its words are links left out of
    region_max_prose_lines: int = 3  # the lines, and the body has at most this many prose lines
    model_min_probability: float = 0.97  # the listing model rejects a page the rules let through at this P
    model_headline_max_words: int = 14  # a headline-shaped body line, for the model: at most this many words


DEFAULT_LISTING = ListingSettings()


@dataclass(slots=True, frozen=True)
class PageSignals:
    """What an HTML page declares and how it is built, read off its parsed tree."""

    declared_types: frozenset[str] = frozenset()  # og:type and top-level JSON-LD @types, lower case
    article_cards: int = 0  # <article> elements
    headline_links: int = 0  # h2-h4 headings that hold a link
    page_words: int = 0  # words of the page's visible text (no script, style, template, svg)
    link_words: int = 0  # of those, the words inside links
    url_path: str | None = None  # path of the URL the page declares (canonical link, else og:url)
    region_words: int = 0  # visible words of the element the extracted lines came from (`body_region`)
    region_left_out_link_words: int = 0  # of those, the words of links in no element that became a line
    links: int = 0  # <a href> in the body
    distinct_links: int = 0  # distinct link targets (without #fragment)
    story_links: int = 0  # of those, the ones whose path names one story (`is_article_url`)
    long_paragraphs: int = 0  # visible <p> of at least `prose_min_words` words
    images: int = 0  # <img> in the body
    prices: int = 0  # prices in the visible text
    repeated_cards: int = 0  # the largest group of siblings of one tag and class that each hold a link
    repeated_card_words: int = 0  # the words of that group


def _ld_items(value: Any) -> Iterator[dict[str, Any]]:
    """Top-level JSON-LD objects: the document, a list of them, or an @graph's members."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict):
            yield item
            yield from (g for g in item.get("@graph", ()) if isinstance(g, dict))


def declared_types(tree: Any) -> frozenset[str]:
    """og:type and the @type of each top-level JSON-LD object (not nested ones: an article's author is a
    Person, a list of articles' items are Articles), lower case, without the schema.org prefix or punctuation
    (og:type "product.group" is ProductGroup)."""
    found = {_type_key(value) for value in tree.xpath('//meta[@property="og:type"]/@content') if value.strip()}
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        for item in _ld_items(data):
            kinds = item.get("@type", ())
            for kind in kinds if isinstance(kinds, list) else [kinds]:
                if isinstance(kind, str) and (match := _LD_TYPE.search(kind)):
                    found.add(_type_key(match.group(0)))
    return frozenset(found)


def _type_key(kind: str) -> str:
    return _TYPE_PUNCTUATION.sub("", kind.lower())


# elements a reader never sees: their text is no part of the page's words, links or lines
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg")


def visible_body(tree: Any) -> Any:
    """A copy of the page's body (the whole page when it has none) without its invisible elements: what the
    signals count. A copy, so the caller's tree keeps its JSON-LD and everything else."""
    body = tree.find(".//body")
    page = copy.copy(body if body is not None else tree)  # lxml copies the whole subtree
    etree.strip_elements(page, *INVISIBLE_TAGS, with_tail=False)
    return page


# Compiled once, and answering plain strings and numbers: lxml's default "smart" strings each make an element
# object of their parent, and an lxml.html tree asks a Python method which class each element object is
# (a sixth of the signals' time went there).
_TEXTS = etree.XPath(".//text()", smart_strings=False)
_LINK_TEXTS = etree.XPath(".//a//text()", smart_strings=False)
_LINK_TARGETS = etree.XPath(".//a/@href", smart_strings=False)
_ARTICLE_CARDS = etree.XPath("count(.//article)")
_HEADLINE_LINKS = etree.XPath("count(.//h2[.//a[@href]] | .//h3[.//a[@href]] | .//h4[.//a[@href]])")
_IMAGES = etree.XPath("count(.//img)")


def visible_text(page: Any) -> tuple[str, str]:
    """The text of a `visible_body`, and the part of it inside links."""
    return " ".join(_TEXTS(page)), " ".join(_LINK_TEXTS(page))


def repeated_cards(page: Any) -> tuple[int, int]:
    """The largest group of siblings sharing a tag and a class that each hold a link (a grid's cards, a list's
    items), and the words in it: a listing repeats one card many times, an article repeats paragraphs."""
    groups: dict[tuple[Any, str, str], list[Any]] = {}
    # every element holding a link is a link or one of its ancestors: one XPath, not a walk of the whole tree
    for element in page.xpath(".//a/ancestor-or-self::*"):
        parent = element.getparent()
        if parent is not None:
            groups.setdefault((parent, element.tag, element.get("class") or ""), []).append(element)
    if not groups:
        return 0, 0
    members = max(groups.values(), key=len)
    return len(members), sum(count_words(" ".join(m.itertext())) for m in members)


_SCHEME_AND_HOST = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//[^/?#]*")


@functools.lru_cache(maxsize=1 << 16)
def names_story(href: str) -> bool:
    """A link target whose path names one story (`is_article_url`). Cached: a site's pages link to the same
    targets over and over (menus, footers, the same related stories)."""
    path = _SCHEME_AND_HOST.sub("", href.split("#", 1)[0].split("?", 1)[0], count=1)
    return is_article_url(path)


def link_targets(page: Any) -> tuple[int, int, int]:
    """Links of a `visible_body`, their distinct targets, and how many of those name one story (`names_story`)."""
    hrefs = [href for href in _LINK_TARGETS(page) if isinstance(href, str)]
    distinct = {href.split("#", 1)[0] for href in hrefs}
    return len(hrefs), len(distinct), sum(map(names_story, distinct))


def declared_path(tree: Any) -> str | None:
    """The path of the URL the page declares for itself: its canonical link, else og:url."""
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            if value.strip():
                return urlsplit(value.strip()).path
    return None


# elements an extractor makes a line of (trafilatura: paragraphs, list items, headings, cells, leaf divs...)
_LINE_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "blockquote", "pre",
                        "figcaption", "div", "span", "a", "section", "article", "strong", "b", "em", "summary",
                        "caption", "header", "main", "ul", "ol", "table", "tr"})


def line_elements(root: Any, lines: Sequence[str]) -> list[Any]:
    """The elements under `root` whose text (spaces collapsed) is one of the lines. Collapsing keeps every
    non-space character, so only an element with as many of them as some line is read and compared: the
    others (the page's wrappers above all, which hold most of its text) are not collapsed for nothing."""
    wanted = {" ".join(line.split()) for line in lines}
    if not wanted:
        return []
    lengths = {non_space_length(line) for line in wanted}
    elements = list(root.iter())
    solid: dict[Any, int] = {}
    for element in reversed(elements):  # children before their parent
        length = non_space_length(element.text) if isinstance(element.tag, str) else 0  # a comment is not text
        for child in element:
            length += solid[child] + non_space_length(child.tail)
        solid[element] = length
    return [element for element in elements if solid[element] in lengths and element.tag in _LINE_TAGS
            and " ".join(element.text_content().split()) in wanted]


def _region_lines(page: Any, lines: Sequence[str], settings: ListingSettings) -> tuple[Any | None, list[Any]]:
    """`body_region` and the line elements inside it."""
    matched = line_elements(page, lines)
    if not matched:
        return None, []
    holds: dict[Any, int] = {}
    for element in matched:
        for holder in (element, *element.iterancestors()):
            holds[holder] = holds.get(holder, 0) + 1
    enough = [holder for holder, count in holds.items() if count >= settings.region_line_share * len(matched)]
    region = max(enough, key=lambda holder: sum(1 for _ in holder.iterancestors()))
    inside = [element for element in matched
              if element is region or any(holder is region for holder in element.iterancestors())]
    return region, inside


def body_region(page: Any, lines: Sequence[str], settings: ListingSettings = DEFAULT_LISTING) -> Any | None:
    """The element of a `visible_body` the extracted lines came from: the deepest one holding
    `region_line_share` of the elements whose text is one of the lines (`line_elements`). None when no line is
    found on the page."""
    return _region_lines(page, lines, settings)[0]


def region_words(page: Any, lines: Sequence[str], settings: ListingSettings = DEFAULT_LISTING) -> tuple[int, int]:
    """Words of the lines' region of a `visible_body` (`body_region`) and the words of its links the extractor
    left out (in no element that became a line): a grid of cards whose linked headlines were dropped, their
    blurbs kept."""
    region, inside = _region_lines(page, lines, settings)
    if region is None:
        return 0, 0
    covered = {link for element in inside for link in element.iter("a")}  # the links inside some line
    left_out = sum(count_words(link.text_content()) for link in region.iter("a") if link not in covered)
    return count_words(" ".join(_TEXTS(region))), left_out


def page_signals(tree: Any, lines: Sequence[str] = ()) -> PageSignals:
    """The declared types, the teaser structure, the link share and the declared URL of a parsed page, and
    the link share of the region its extracted `lines` came from."""
    page = visible_body(tree)
    text, link_text = visible_text(page)
    in_region, region_links = region_words(page, lines) if lines else (0, 0)
    links, distinct, stories = link_targets(page)
    cards, card_words = repeated_cards(page)
    return PageSignals(declared_types=declared_types(tree), article_cards=int(_ARTICLE_CARDS(page)),
                       headline_links=int(_HEADLINE_LINKS(page)),
                       page_words=count_words(text), link_words=count_words(link_text), url_path=declared_path(tree),
                       region_words=in_region, region_left_out_link_words=region_links, links=links,
                       distinct_links=distinct, story_links=stories,
                       long_paragraphs=sum(1 for p in page.xpath(".//p")
                                           if count_words(p.text_content()) >= DEFAULT_LISTING.prose_min_words),
                       images=int(_IMAGES(page)), prices=len(_PRICE.findall(text)),
                       repeated_cards=cards, repeated_card_words=card_words)


def _slug_words(segment: str) -> int:
    return sum(1 for word in _SLUG_SPLIT.split(_PAGE_SUFFIX.sub("", segment)) if word)


def is_article_url(path: str | None, settings: ListingSettings = DEFAULT_LISTING) -> bool:
    """A path naming one story: a last segment of many words, or an id, or a /yyyy/mm/ date in it."""
    if not path:
        return False
    last = next((segment for segment in reversed(path.split("/")) if segment), "")
    return (_slug_words(last) >= settings.article_slug_words or bool(_DATE_PATH.search(path))
            or re.search(rf"\d{{{settings.article_id_digits},}}", last) is not None)


def is_section_url(path: str | None, settings: ListingSettings = DEFAULT_LISTING) -> bool:
    """A path naming a section or a shelf: /news, /blog/, /page/2, /category/tech, /collections/mens-sneakers."""
    if not path:
        return False
    segments = [segment.lower() for segment in path.split("/") if segment]
    if not segments:
        return False
    if segments[-1] in SECTION_SEGMENTS or _PAGE_NUMBER.search(path):
        return True
    return (len(segments) >= 2 and segments[-2] in TAXONOMY_SEGMENTS and _slug_words(segments[-1])
            <= settings.section_slug_words and not re.search(r"\d{4,}", segments[-1]))


def is_section_page(signals: PageSignals, lines: Sequence[str], settings: ListingSettings = DEFAULT_LISTING) -> bool:
    """A section URL whose page is mostly not the extracted body, or mostly links: the section's index."""
    if not is_section_url(signals.url_path, settings) or not signals.page_words:
        return False
    body_words = sum(count_words(line) for line in lines)
    return (body_words < settings.section_body_share * signals.page_words
            or signals.link_words > settings.section_link_share * signals.page_words)


def is_link_region(signals: PageSignals, settings: ListingSettings = DEFAULT_LISTING, *, prose: int) -> bool:
    """Almost no paragraphs, from a region of the page that is largely links the extractor left out: the
    blurbs of cards whose headlines (links) were dropped. `prose`: the body's prose line count."""
    return (prose <= settings.region_max_prose_lines and signals.region_words > 0
            and signals.region_left_out_link_words >= settings.region_link_share * signals.region_words)


def is_home_page(signals: PageSignals, settings: ListingSettings = DEFAULT_LISTING) -> bool:
    """A page declaring the site's root as its URL, with more than `section_link_share` of its words in links:
    the front page. (Its body share says nothing: a CMS that prints the root as every post's canonical URL
    gives a post the root too, and the post is most of its page.)"""
    return (signals.url_path is not None and not signals.url_path.strip("/") and signals.page_words > 0
            and signals.link_words > settings.section_link_share * signals.page_words)


def declares_article(signals: PageSignals) -> bool:
    """The page says it is one article (og:type article, a JSON-LD Article, NewsArticle, BlogPosting...)."""
    return bool(signals.declared_types & ARTICLE_TYPES)


def declares_collection_page(signals: PageSignals) -> bool:
    """The page says it is itself a list: a CollectionPage, a SearchResultsPage, a ProductGroup (og:type
    product.group). Believed over og:type article, which many CMSs print on every page."""
    return bool(signals.declared_types & COLLECTION_PAGE_TYPES)


def declares_collection(signals: PageSignals) -> bool:
    """The page says it is a list (JSON-LD CollectionPage, ItemList, SearchResultsPage, a product or course)."""
    return bool(signals.declared_types & COLLECTION_TYPES)


def prose_lines(lines: Sequence[str], settings: ListingSettings = DEFAULT_LISTING) -> list[str]:
    """Lines that read as paragraphs: long enough and ending a sentence."""
    return [line for line in lines if count_words(line) >= settings.prose_min_words and PERIOD_END.search(line)]


def sentence_count(lines: Sequence[str]) -> int:
    """Sentence ends (. ! ? ؟ before a space or the line's end) in the lines."""
    return sum(len(_SENTENCE_END.findall(line)) for line in lines)


def short_lines(lines: Sequence[str], settings: ListingSettings = DEFAULT_LISTING) -> list[str]:
    """Item-shaped lines: a few words and no sentence end (names, headlines, prices, labels). A bulleted line
    ("- New tasks", trafilatura's <li>) is not one: that is the article's own list, cards are not bulleted."""
    return [line for line in lines if count_words(line) <= settings.short_line_words and not PERIOD_END.search(line)
            and not _BULLET.match(line)]


def has_little_prose(lines: Sequence[str], settings: ListingSettings = DEFAULT_LISTING, *,
                     prose: int | None = None) -> bool:
    """Too few paragraphs and sentences for an article body, and items listed instead (a teaser list, a
    product grid); a short news brief of a few sentences lists nothing, so it is not this. `prose`: the
    lines' prose line count when the caller has it."""
    prose = len(prose_lines(lines, settings)) if prose is None else prose
    return (prose < settings.min_prose_lines
            and sentence_count(lines) < settings.min_sentences
            and len(short_lines(lines, settings)) >= settings.min_short_lines)


def is_teaser_grid(signals: PageSignals, lines: Sequence[str], settings: ListingSettings = DEFAULT_LISTING) -> bool:
    """Many cards or linked headlines, fewer paragraphs than cards and less prose than a teaser's worth per
    card: each card is a teaser, not a story (a guide's paragraphs under linked subheadings are long)."""
    cards = max(signals.article_cards, signals.headline_links)
    if cards < settings.teaser_cards:
        return False
    prose = prose_lines(lines, settings)
    return (len(prose) < settings.prose_lines_per_card * cards
            and sum(count_words(line) for line in prose) < settings.prose_words_per_card * cards)


def rules_listing_reason(signals: PageSignals, lines: Sequence[str],
                         settings: ListingSettings = DEFAULT_LISTING) -> str | None:
    """Why the rules take the page for a listing rather than an article, or None. A card region of links
    (`is_link_region`) is a listing whatever the page declares; a page declaring itself an article is otherwise
    believed unless it also declares itself a collection page; else little prose, a declared collection with
    few paragraphs, a teaser grid, a section URL's index or a front page is a listing."""
    if declares_collection_page(signals):
        return f"listing: declared {', '.join(sorted(signals.declared_types & COLLECTION_PAGE_TYPES))}"
    prose = len(prose_lines(lines, settings))
    story_url = is_article_url(signals.url_path, settings)
    if not story_url and is_link_region(signals, settings, prose=prose):
        return (f"listing: {prose} prose lines, {signals.region_left_out_link_words}/{signals.region_words} region "
                "words in links left out")
    if declares_article(signals):
        return None
    if not story_url and has_little_prose(lines, settings, prose=prose):
        return f"listing: {prose} prose lines, {sentence_count(lines)} sentences"
    if declares_collection(signals) and prose < settings.declared_min_prose_lines:
        return f"listing: declared {', '.join(sorted(signals.declared_types & COLLECTION_TYPES))}, {prose} prose lines"
    if not story_url and is_teaser_grid(signals, lines, settings):
        return f"listing: {max(signals.article_cards, signals.headline_links)} teaser cards, {prose} prose lines"
    if is_section_page(signals, lines, settings):
        return f"listing: section URL {signals.url_path}, {signals.link_words}/{signals.page_words} page words in links"
    if is_home_page(signals, settings):
        return f"listing: home URL {signals.url_path!r}, {signals.link_words}/{signals.page_words} page words in links"
    return None


LISTING_FEATURES = (
    "declares_article", "declares_collection", "declares_product", "declares_website", "declares_faq",
    "declared_types", "story_url", "section_url", "path_depth", "home_url", "log_page_words", "page_link_share",
    "region_share", "region_left_out_link_share", "article_cards", "headline_links", "log_body_words",
    "body_share", "body_lines", "prose_lines", "prose_word_share", "sentences_per_100_words", "short_line_share",
    "mean_line_words", "price_lines", "page_prices", "story_links", "story_link_share", "long_paragraphs",
    "images", "links", "repeated_cards", "repeated_card_word_share", "words_per_repeated_card",
    "headline_shaped_share", "repeated_line_share", "title_words", "cards_per_100_words",
)


def listing_features(signals: PageSignals, lines: Sequence[str], title: str | None = None,
                     settings: ListingSettings = DEFAULT_LISTING) -> np.ndarray:
    """One row of `LISTING_FEATURES`: what the page declares and how it is built (`signals`), the shape of the
    body lines the labeller kept (`lines`) and the length of the title (a section is named in a word or two)."""
    types = signals.declared_types
    words = [count_words(line) for line in lines]
    body_words = sum(words) or 1
    page_words = signals.page_words or 1
    n_lines = len(lines) or 1
    prose = prose_lines(lines, settings)
    prose_set = set(prose)
    path = signals.url_path or ""
    segments = [segment for segment in path.split("/") if segment]
    values = {
        "declares_article": declares_article(signals),
        "declares_collection": declares_collection(signals),
        "declares_product": bool(types & {"product", "productgroup", "offer"}),
        "declares_website": "website" in types,
        "declares_faq": "faqpage" in types,
        "declared_types": len(types),
        "story_url": is_article_url(signals.url_path, settings),
        "section_url": is_section_url(signals.url_path, settings),
        "path_depth": len(segments),
        "home_url": signals.url_path is not None and not segments,
        "log_page_words": math.log1p(signals.page_words),
        "page_link_share": signals.link_words / page_words,
        "region_share": signals.region_words / page_words,
        "region_left_out_link_share": signals.region_left_out_link_words / (signals.region_words or 1),
        "article_cards": signals.article_cards,
        "headline_links": signals.headline_links,
        "log_body_words": math.log1p(sum(words)),
        "body_share": body_words / page_words,
        "body_lines": len(lines),
        "prose_lines": len(prose),
        "prose_word_share": sum(n for line, n in zip(lines, words, strict=True) if line in prose_set) / body_words,
        "sentences_per_100_words": 100 * sentence_count(lines) / body_words,
        "short_line_share": len(short_lines(lines, settings)) / n_lines,
        "mean_line_words": body_words / n_lines,
        "price_lines": sum(1 for line in lines if _PRICE.search(line)),
        "page_prices": signals.prices,
        "story_links": signals.story_links,
        "story_link_share": signals.story_links / (signals.distinct_links or 1),
        "long_paragraphs": signals.long_paragraphs,
        "images": signals.images,
        "links": signals.links,
        "repeated_cards": signals.repeated_cards,
        "repeated_card_word_share": signals.repeated_card_words / page_words,
        "words_per_repeated_card": signals.repeated_card_words / (signals.repeated_cards or 1),
        "headline_shaped_share": sum(1 for line, n in zip(lines, words, strict=True)
                                     if is_headline_shaped(line, n, settings.model_headline_max_words)) / n_lines,
        "repeated_line_share": 1 - len(set(lines)) / n_lines,
        "title_words": count_words(title or ""),
        "cards_per_100_words": 100 * max(signals.article_cards, signals.headline_links) / body_words,
    }
    return np.array([[float(values[name]) for name in LISTING_FEATURES]])


@functools.cache
def load_listing_model() -> BoostedTrees | None:
    """The packaged listing model, or None when there is none or it was trained on other features."""
    return load_packaged_trees("newsclean", MODEL_FILE, LISTING_FEATURES)


def model_listing_reason(signals: PageSignals, lines: Sequence[str], title: str | None = None,
                         settings: ListingSettings = DEFAULT_LISTING, model: BoostedTrees | None = None) -> str | None:
    """Why the learned model takes the page for a listing (P >= `model_min_probability`), or None. Why a
    model: what the rules miss (shops' shelves, course catalogues, front pages with blurbs) gives itself
    away by many weak signals at once, and a page the rules call an article is only rejected when the model
    is sure: an article lost costs more than a listing kept. `model`: the packaged one unless given."""
    model = model if model is not None else load_listing_model()
    if model is None:
        return None
    row = listing_features(signals, lines, title, settings)
    probability = float(model.probability(row)[0])
    if probability < settings.model_min_probability:
        return None
    return f"listing: model P={probability:.2f}, {int(row[0, LISTING_FEATURES.index('prose_lines')])} prose lines"


def listing_reason(signals: PageSignals, lines: Sequence[str], title: str | None = None,
                   settings: ListingSettings = DEFAULT_LISTING) -> str | None:
    """Why the page is a listing rather than an article, or None: the rules (`rules_listing_reason`), then the
    model on what they let through (`model_listing_reason`)."""
    return rules_listing_reason(signals, lines, settings) or model_listing_reason(signals, lines, title, settings)
