"""Article fields from labelled lines: title, publication date, author, source name, dateline.

Unknown is None, never a guess: each field comes from a line or a declaration that states it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass

from newsclean.chrome.label import Labelled
from newsclean.dates import Publication, find_date, publication
from newsclean.records import Extracted
from newsclean.schema import length_bounds

# "القاهرة - ", "بيروت –", "PARIS (Reuters) -": a dateline opening the first paragraph.
_BODY_DATELINE = re.compile(r"^(?P<city>[^\W\d][\w .'’]{1,24}?)\s*(\([^)]{2,30}\))?\s*[-–—:]\s+\S")
# Site names from chrome hits (donation buttons, disclaimers) are weaker than a line that states the source.
_SITE_RULE_PRIORITY = ("meta", "chrome")
# Title suffixes that pages append to <title>/og:title: "Headline - Site", "Headline | Site".
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


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
    if declared is None or len(declared.strip()) < (length_bounds("articles", "title") or (0, 0))[0]:
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

    author = next((v for _, v in groups["author"]), None) or extracted.author
    site = extracted.site
    for wanted in _SITE_RULE_PRIORITY:
        site = site or next((v for label, v in groups["site"] if label == wanted), None)

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
