"""Candidate lines of a document: trafilatura's main content for HTML, non-blank lines for text dumps."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from newsclean.config import DEFAULT_LIMITS, Limits
from newsclean.decode import repair_mojibake
from newsclean.listing import page_signals
from newsclean.metadata import title_from_headings
from newsclean.records import Decoded, Extracted

# A page is HTML when its head declares it; a text dump that quotes one tag is not.
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
# script and style blocks some CMSs print before the doctype (a text dump never starts with one)
_LEADING_CODE = re.compile(r"^\s*(?:<(script|style)\b[^>]*>.*?</\1\s*>\s*)+", re.IGNORECASE | re.DOTALL)
_LEADING_CODE_SCAN = 65536  # characters looked at for them
_TAG = re.compile(r"<(?:p|div|span|a|br|li|h[1-6]|script|article)\b[^>]*>", re.IGNORECASE)
_BLANK = re.compile(r"^[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]*$")
# Where a page's markup states its publication instant (ISO 8601, with its offset): Open Graph/article meta,
# schema.org microdata, JSON-LD. trafilatura's date (htmldate) is the day only.
_PUBLISHED_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time' or @property='og:published_time'"
    " or @itemprop='datePublished' or @name='pubdate' or @name='publishdate']/@content"
    " | //*[@itemprop='datePublished']/@datetime"
)
_PLACEHOLDER_YEARS_BEFORE = 1971  # "0001-01-01T00:00:00Z", the Unix epoch: a CMS's empty date, not a date
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{11,40})"')
# Markup a page printed as text (escaped in its source, so the extractor unescapes it into the body): a block
# tag around a paragraph's worth of text, or its closing tag after one.
_PRINTED_MARKUP = re.compile(r"<\s*/?\s*(?:p|div|span|li|ul|ol|h[1-6]|strong|em|b|i|a|br|img|table|tr|td|th|tbody|"
                             r"thead|section|article|figure|figcaption|blockquote|title|html|head|body|meta|link)\b[^>]*>")
_PRINTED_PARAGRAPH = re.compile(r"<\s*(?:p|li|h[1-6])\b[^>]*>[^<>]{40,}<\s*/\s*(?:p|li|h[1-6])\s*>")


def detect_format(text: str) -> str:
    """Say "html" for markup pages, "text" for dumps: by the page's opening (after any script or style block a
    CMS printed before the doctype), else by tag density."""
    head = _LEADING_CODE.sub("", text[:_LEADING_CODE_SCAN], count=1)[:4096]
    if _HTML_START.match(head):
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 5 and tags * 40 > len(head.split()) else "text"


def split_lines(text: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, ...]:
    """Non-blank lines, stripped; inner spacing is kept (runs of spaces separate menu items: a chrome signal)."""
    return tuple(line.strip()[: limits.max_line_chars] for line in text.split("\n") if not _BLANK.match(line))


def repair_extracted_text(text: str) -> str:
    """The extracted text with the mojibake and printed markup that only appear once the extractor unescaped
    the page's entities (`&acirc;&#128;&#153;`, `&lt;p&gt;`): decoding saw neither, so it repaired neither.
    Printed markup is removed only from a text that prints whole paragraphs in tags; a tech article quoting
    a tag or two keeps them."""
    text = repair_mojibake(text)
    if _PRINTED_PARAGRAPH.search(text):
        text = _PRINTED_MARKUP.sub("", text)
    return text


def extract_html(text: str, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Main content and declared metadata of an HTML page through trafilatura (it fetches nothing).

    Why not `bare_extraction(with_metadata=True)`: its metadata step also searches every link for categories,
    tags and a licence (2.7 ms of a page's 11 ms on the synthetic corpus), which nothing here reads. The page
    is parsed once, the metadata this package reads is taken from the parsed tree the way trafilatura takes it
    (`_declared_metadata`), and the tree goes to `bare_extraction` without metadata, which works on a copy, as
    it does for any tree it is given. The content does not depend on the metadata: trafilatura passes the
    page's URL on only to rewrite links, and links are not kept.
    """
    # imported here: loading trafilatura costs ~0.5 s, text dumps never need it
    from trafilatura.settings import DEFAULT_CONFIG
    from trafilatura.utils import load_html

    try:
        tree = load_html(text, DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE"))
        if tree is None:
            raise ValueError("not an HTML tree")
        declared = _declared_metadata(tree)
    except (TypeError, ValueError):  # what bare_extraction answers None for
        return Extracted(format="html", lines=())
    lines = _content_lines(tree, limits)
    if len(lines) < limits.min_extracted_lines:  # one run-on line or nothing: a layout its defaults misread
        lines = max(lines, _content_lines(tree, limits, favor_recall=True), key=len)
    if not lines:  # nothing to label: the page's title alone is no article
        return Extracted(format="html", lines=())
    signals = page_signals(tree, lines)
    return Extracted(
        format="html",
        lines=lines,
        title=title_from_headings(declared.title or None, headings(tree), lines),
        author=declared.author or None,
        site=declared.sitename or None,
        published=declared.date or None,
        published_time=_declared_timestamp(tree),
        url=declared.url or None,
        signals=signals,
    )


def _content_lines(tree: Any, limits: Limits, favor_recall: bool = False) -> tuple[str, ...]:
    """The main content's lines as trafilatura extracts them from the parsed page (it works on a copy)."""
    from trafilatura import bare_extraction

    document = bare_extraction(tree, with_metadata=False, include_comments=False, include_tables=True,
                               include_images=False, include_links=False, favor_precision=False,
                               favor_recall=favor_recall)
    return split_lines(repair_extracted_text(document.text or ""), limits) if document is not None else ()


def _declared_timestamp(tree: Any) -> str | None:
    """The first publication timestamp with a time of day the markup declares (see `_PUBLISHED_XPATH`)."""
    values = [str(value) for value in tree.xpath(_PUBLISHED_XPATH)]
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        values += _JSON_LD_PUBLISHED.findall(str(script))
    for value in (v.strip() for v in values):
        if len(value) > 10:  # a date and a time, not the day alone
            try:
                stated = dt.datetime.fromisoformat(value)
            except ValueError:
                continue
            if stated.year >= _PLACEHOLDER_YEARS_BEFORE:
                return value
    return None


_MAX_HEADINGS = 5


def headings(tree: Any) -> tuple[str, ...]:
    """The texts of the page's first h1 elements, spaces collapsed (empty ones left out)."""
    texts = (" ".join(h.text_content().split()) for h in tree.iterfind(".//h1"))
    return tuple(t for t in texts if t)[:_MAX_HEADINGS]


def _declared_metadata(tree: Any) -> Any:
    """Title, author, site name, date and URL as `trafilatura.metadata.extract_metadata` finds them when
    `bare_extraction` calls it (default config, no URL, no blacklist), step for step, without the categories,
    tags and licence it also looks for. `tests/test_pipeline.py` checks the fields against trafilatura's own
    call, so an upgrade of trafilatura that changes them is noticed."""
    from trafilatura import metadata as tm
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params

    date_config = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
    found = tm.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):  # as trafilatura: a bug in its JSON-LD reader costs the JSON-LD only
        found = tm.extract_meta_json(tree, found)
    if not found.title:
        found.title = tm.extract_title(tree)
    if not found.author:
        found.author = tm.extract_author(tree)
    if not found.url:
        found.url = tm.extract_url(tree, None)
    date_config["url"] = found.url
    found.date = tm.find_date(tree, **date_config)
    if not found.sitename:
        found.sitename = tm.extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url:
        match = tm.META_URL.match(found.url)
        if match:
            found.sitename = match[1]
    found.clean_and_trim()
    return found


def extract(decoded: Decoded, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Candidate lines of a decoded document, by its format."""
    if detect_format(decoded.text) == "html":
        return extract_html(decoded.text, limits)
    return Extracted(format="text", lines=split_lines(decoded.text, limits))
