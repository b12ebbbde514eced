"""Article fields from labelled lines: title, publication date, author, source name, dateline.

Unknown is None, never a guess: each field comes from a line or a declaration that states it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from newsclean.chrome.label import Labelled
from newsclean.dates import Publication, find_date, publication
from newsclean.records import Extracted
from newsclean.schema import length_bounds
from newsclean.textnorm import content_tokens, fold

# "القاهرة - ", "بيروت –", "PARIS (Reuters) -": a dateline opening the first paragraph.
_BODY_DATELINE = re.compile(r"^(?P<city>[^\W\d][\w .'’]{1,24}?)\s*(\([^)]{2,30}\))?\s*[-–—:]\s+\S")
# Site names from chrome hits (donation buttons, disclaimers) are weaker than a line that states the source.
_SITE_RULE_PRIORITY = ("meta", "chrome")
# Title suffixes that pages append to <title>/og:title: "Headline - Site", "Headline | Site".
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


# What may stand between a headline and the site name glued to it in <title>/og:title.
_GLUE = re.compile(r"^[\s|–—:·•»/-]+|[\s|–—:·•«/-]+$")
_SITE_GLUE_MAX_WORDS = 6  # "Headline | The Daily Site of Somewhere": a longer remainder is more than a site name
_HEADING_BETTER_BY = 0.2  # the h1 replaces the declared title when this much more of it is in the body


def body_share(title: str, body_tokens: set[str]) -> float:
    """Share of a title's content words that the body uses: the story's own headline repeats its terms."""
    tokens = content_tokens(title)
    return sum(t in body_tokens for t in tokens) / len(tokens) if tokens else 0.0


def glued_site_name(declared: str, heading: str) -> bool:
    """The declared title is the heading with a short site name glued before or after it ("h1 | Site")."""
    whole, inner = fold(declared), fold(heading)
    if not inner or inner == whole or inner not in whole:
        return False
    rest = whole.replace(inner, " ", 1)
    return _GLUE.search(rest) is not None and len(_GLUE.sub("", rest).split()) <= _SITE_GLUE_MAX_WORDS


def _title_chars() -> tuple[int, int]:
    """The lengths a title may have, as schemas/article.yaml declares them (warnings too): a `<title>` of one
    letter is no title, a page's h1 outside them is a logo letter or a paragraph."""
    return length_bounds("articles", "title") or (0, sys.maxsize)


def title_from_headings(declared: str | None, headings: Sequence[str], lines: Sequence[str]) -> str | None:
    """On HTML, the page's h1 rather than the declared title (og:title, <title>) when the declared one is the
    h1 with a site name glued to it, or when more of the h1's content words are in the body; else the declared
    title. Why: og:title is often the SEO title or the site's name, the h1 is what the reader sees."""
    low, high = _title_chars()
    usable = [h for h in headings if low <= len(h) <= high]
    declared = usable_title(declared)
    if not usable:
        return declared
    printed = {fold(h) for h in (*usable, declared or "")}  # the headline printed in the text is not the body
    body_tokens = set(content_tokens("\n".join(line for line in lines if fold(line) not in printed)))
    best = max(usable, key=lambda h: body_share(h, body_tokens))
    if not declared:
        return best if body_share(best, body_tokens) > 0 else None
    if any(fold(h) == fold(declared) for h in usable):
        return declared
    glued = next((h for h in usable if glued_site_name(declared, h)), None)
    if glued:
        return glued
    if body_share(best, body_tokens) >= body_share(declared, body_tokens) + _HEADING_BETTER_BY:
        return best
    return declared


# A byline's opening word, longest first ("كتبت" before "كتب"), and what may follow it before the name.
_BYLINE = re.compile(r"^(?:بقلم|كتبت|كتبه|كتبته|كتب|كتابة|بواسطة|propos recueillis par|written by|par|by)"
                     r"(?:\s*[:\-–—]\s*|\s+)(?P<rest>.+)$", re.IGNORECASE)
# Where the name stops: a publication or update word, a weekday, a digit, or a field separator before one.
_BYLINE_END = re.compile(r"\s*(?:[,،|–—]|\s-\s)?\s*(?:publi[ée]|mis à jour|mise à jour|modifi[ée]|le \d|updated|"
                         r"published|posted|on \w+ \d|\d|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|"
                         r"السبت|نشر|بتاريخ|في \d|[,،|–—])", re.IGNORECASE)
_AUTHOR_MAX_WORDS = 6  # a longer "name" is a sentence that happens to open with "by"
# Values no outlet is called: copyright lines, bare years or numbers, photo credits.
_NOT_A_SOURCE = re.compile(
    r"copyright|©|\(c\)|all rights reserved|tous droits réservés|droits réservés|جميع الحقوق محفوظة|"
    r"الحقوق محفوظة|حقوق النشر|^[\W\d_]*$|\bphotos?\b|\bcrédits?\b|\bcredits?\b|\bimages?\b|getty|"
    r"shutterstock|\bpicture\b|\billustration\b|صورة|الصورة|تصوير|صور\b", re.IGNORECASE)
# A header's clock: "Today", "اليوم", "aujourd'hui" on a date line is the day the page was seen, not published.
_TODAY = re.compile(r"\b(?:today|aujourd'hui|aujourd’hui)\b|(?<!\w)اليوم(?!\w)", re.IGNORECASE)


def author_from_byline(text: str) -> str | None:
    """The name of a byline as printed ("كتبت: فاطمة الزهراء", "Par Jean Dupont, publié le 12 mars"): after
    the opening word, up to a publication date or word; None when the line is no byline."""
    opening = _BYLINE.match(text.strip())
    if not opening:
        return None
    rest = opening.group("rest")
    end = _BYLINE_END.search(rest)
    name = (rest[:end.start()] if end else rest).strip(" \t-–—:,،|")
    words = name.split()
    if not words or len(words) > _AUTHOR_MAX_WORDS or any(ch.isdigit() for ch in name):
        return None
    return name


def usable_source_name(value: str | None) -> str | None:
    """A source name, unless it is a copyright line, a bare year or a photo credit (those name no outlet)."""
    if not value or _NOT_A_SOURCE.search(value):
        return None
    return value


def is_header_clock(text: str) -> bool:
    """A date line that says it is today's date (a header clock), so not the publication date."""
    return _TODAY.search(text) is not None


@dataclass(slots=True, frozen=True)
class Fields:
    """The metadata of one article."""

    title: str | None
    published: Publication | None
    author: str | None
    source_name: str | None
    dateline: str | None


def _declared(extracted: Extracted) -> dt.date | dt.datetime | None:
    """What the HTML declares: its timestamp with a time (and offset), else its day (trafilatura/htmldate)."""
    if extracted.published_time:
        with contextlib.suppress(ValueError):
            return dt.datetime.fromisoformat(extracted.published_time)
    if not extracted.published:
        return None
    try:
        return dt.date.fromisoformat(extracted.published[:10])
    except ValueError:
        return find_date(extracted.published)


def _day(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _stated(found: dt.date | dt.datetime | None, declared: dt.date | dt.datetime | None
            ) -> dt.date | dt.datetime | None:
    """The publication the page states: the date its lines give, with the time and offset its markup declares
    for that same day when the lines leave them out (markup is the page speaking too: its offset is the
    page's own); the markup's alone when the lines give none."""
    if found is None or declared is None:
        return found or declared
    if not isinstance(declared, dt.datetime) or _day(declared) != _day(found):
        return found
    if not isinstance(found, dt.datetime):
        return declared
    if found.tzinfo is None and declared.tzinfo is not None:
        return found.replace(tzinfo=declared.tzinfo)
    return found


def _clean_title(title: str, site: str | None) -> str:
    if site and title.endswith(site):
        return _TITLE_SUFFIX.sub("", title).strip() or title
    return title


def usable_title(declared: str | None) -> str | None:
    """A title the page's markup declares, unless it is shorter than a title may be (a `<title>` or og:title of
    one letter is no title: the labeller then chooses the page's headline among its lines)."""
    if declared is None or len(declared.strip()) < _title_chars()[0]:
        return None
    return declared


def describe(labelled: Labelled, extracted: Extracted, zone: dt.tzinfo | None = None) -> Fields:
    """Read the fields off the labelled lines, falling back to what the page's markup declares. `zone`: the
    site's time zone, for a time the page prints without an offset (`dates.publication`)."""
    lines = labelled.lines
    declared = usable_title(extracted.title)
    title = _clean_title(declared, extracted.site) if declared else None
    if title is None and labelled.title_index is not None:
        title = lines[labelled.title_index].text

    # Only the rule that decided a line speaks for it (a breadcrumb is not a dateline because both match).
    groups: dict[str, list[tuple[str, str]]] = {"site": [], "author": [], "city": []}
    first_body = next((i for i, line in enumerate(lines) if line.label == "body"), len(lines))
    for index, hits in sorted(labelled.hits.items()):
        for hit in hits:
            if hit.rule.id != lines[index].rule or (hit.rule.category == "dateline" and index > first_body):
                continue
            for name, value in hit.groups.items():
                if name in groups:
                    groups[name].append((hit.rule.label, value))

    # the byline as printed first: the rules match folded text, and a date on the byline line hides the rule
    bylines = (author_from_byline(line.text) for line in lines[:first_body] if line.label == "meta")
    author = (next((name for name in bylines if name), None) or next((v for _, v in groups["author"]), None)
              or extracted.author)
    site = usable_source_name(extracted.site)
    for wanted in _SITE_RULE_PRIORITY:
        site = site or next((v for label, v in groups["site"] if label == wanted and usable_source_name(v)), None)

    # The publication date: meta lines first, then anything outside the body before it (a header
    # line); never a date inside the body, which is when things happened, not when it was published.
    found = None
    # Under the headline is where a page states its publication date; a date above it is often the day
    # the page was scraped (a header clock), so those come after.
    start = (labelled.title_index or -1) + 1
    meta_lines = [line.text for line in lines[start:first_body] if line.label == "meta"]
    meta_lines += [line.text for line in lines if line.label == "meta" and line.text not in meta_lines]
    head_lines = [line.text for line in lines[:first_body] if line.label != "meta"]
    for text in meta_lines + head_lines:
        if is_header_clock(text):
            continue
        found = find_date(text)
        if found:
            break
    stated = _stated(found, _declared(extracted))
    published = publication(stated, zone) if stated is not None else None

    dateline = next((v for _, v in groups["city"]), None)
    if dateline is None and first_body < len(lines):
        opening = _BODY_DATELINE.match(lines[first_body].text)
        if opening and len(opening.group("city").split()) <= 3:
            dateline = opening.group("city").strip()
    return Fields(title=title, published=published, author=author, source_name=site, dateline=dateline)
