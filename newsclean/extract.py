"""Candidate lines of a document: trafilatura's main content for HTML, non-blank lines for text dumps."""

from __future__ import annotations

import re

from newsclean.config import DEFAULT_LIMITS, Limits
from newsclean.records import Decoded, Extracted

# A page is HTML when its head declares it; a text dump that quotes one tag is not.
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<(?:p|div|span|a|br|li|h[1-6]|script|article)\b[^>]*>", re.IGNORECASE)
_BLANK = re.compile(r"^[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]*$")


def detect_format(text: str) -> str:
    """Say "html" for markup pages, "text" for dumps: by the page's opening, else by tag density."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    tags = len(_TAG.findall(head))
    return "html" if tags >= 5 and tags * 40 > len(head.split()) else "text"


def split_lines(text: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, ...]:
    """Non-blank lines, stripped; inner spacing is kept (runs of spaces separate menu items: a chrome signal)."""
    return tuple(line.strip()[: limits.max_line_chars] for line in text.split("\n") if not _BLANK.match(line))


def extract_html(text: str, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Main content and declared metadata of an HTML page through trafilatura (it fetches nothing)."""
    from trafilatura import bare_extraction  # imported here: loading it costs ~0.5 s, text dumps never need it

    document = bare_extraction(text, with_metadata=True, include_comments=False, include_tables=True,
                               include_images=False, include_links=False, favor_precision=False)
    if document is None:
        return Extracted(format="html", lines=())
    return Extracted(
        format="html",
        lines=split_lines(document.text or "", limits),
        title=document.title or None,
        author=document.author or None,
        site=document.sitename or None,
        published=document.date or None,
        url=document.url or None,
    )


def extract(decoded: Decoded, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Candidate lines of a decoded document, by its format."""
    if detect_format(decoded.text) == "html":
        return extract_html(decoded.text, limits)
    return Extracted(format="text", lines=split_lines(decoded.text, limits))
