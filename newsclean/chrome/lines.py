"""What one line is, read from the line alone: its shape, its ending, a date, a list item, a headline.

The labeller (`newsclean.chrome.label`) decides from these and from where a line stands; the thresholds come
from its `LabelSettings`, passed in.
"""

from __future__ import annotations

import re

from newsclean.dates import find_date
from newsclean.textnorm import count_words

# Japanese and Chinese end sentences with the ideographic full stop and full-width marks, and close quotes with
# corner brackets: "…と述べた。」" ends a sentence as '... he said."' does.
CLOSERS = "\"'”’»)]」』）】〕〉》＂"
FULL_STOPS = (".", "。", "．")
QUESTION_MARKS = ("?", "؟", "？")
EXCLAMATION_MARKS = ("!", "！")
COLONS = (":", "：")


def _line_end(punctuation: str) -> re.Pattern[str]:
    """A line ending in one of these marks, possibly inside closing quotes or brackets."""
    return re.compile(punctuation + f"(?:[{re.escape(CLOSERS)}]*)\\s*$")


# Sentence punctuation at the end of a line.
SENTENCE_END = _line_end(r"[.!?؟…:;。！？：；．]")
# A full stop: prose. Not "…" or "..." (a teaser), "?" (headlines of other stories are often questions), ":".
FULL_STOP = _line_end(r"(?:(?<!\.)\.|[。．])")
CLOSING_END = _line_end(r"[.؟?!。！？．]")  # a short closing sentence or question ("فهل تنهي الأزمة؟")
PERIOD_END = _line_end(r"[.؟?!…。！？．]")
# A sentence ending inside a line ("... in 2019. The ..."), or a clause break (Latin and Arabic commas and
# semicolons): paragraphs have them, headlines rarely do. Japanese and Chinese put no space after a sentence,
# and their headlines break clauses with "、" and "，" as often as paragraphs do: only a sentence counts there.
INNER_PUNCTUATION = re.compile(r"[.!?؟]\s+\S|[,،;؛]\s|[。！？．；](?![" + re.escape(CLOSERS) + r"\s]*$)")
FULL_STOP_INSIDE = re.compile(r"[.!?]\s")  # a sentence ends inside the line
GLUED_SEAM = re.compile(r"(?<=[a-z0-9’'%)?!])(?:[A-Z][a-z]|[AI]\s)")  # "SteakhouseA", "250,000The": two blocks glued
_HAS_LETTER = re.compile(r"[^\W\d_]")
# The signature of an embedded post ("— The Senate (@NGRSenate) October 9, 2018"): it dates the quoted tweet,
# not the article, and belongs with the quote in the body.
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)")
SCORE = re.compile(r"\d\s*[-–:]\s*\d")  # a result or a time: "2 - 1", "1:0", "10:30"
# A list item's leading marker: a dash or bullet, a number or a letter with a dot or bracket.
_LIST_MARKER = re.compile(r"\s*(?:[-–—•*·▪◦]|\(?\d+[.)\-–]|\(?[a-z\u0621-\u064a][.)])")
# A timeline's entry ("15 avril 2019 : l'incendie", "2011: اندلاع الاحتجاجات"): a date, a colon and a space (a
# time has none), then words; a publication line puts its label before the date ("Publié : 5 janvier 2025").
_TIMELINE_ENTRY = re.compile(r"^((?:(?!\s[-–—|]\s)[^:]){4,40}):\s+[^\W\d_]")  # no " - " field separator before
_TIMELINE_DATE_MAX_WORDS = 4  # the date before the colon, a weekday at most with it
_LONE_NUMBER = re.compile(r"^[\W_]*\d[\d\s,.٫٬:/-]*[\W_]*$")
# Menu items, share buttons and tag lists come as short segments split by pipes, bullets or wide gaps.
_SEGMENT_SPLIT = re.compile(r"\s{3,}|\t+|\s*[|·•]\s*")


def line_shape(text: str, segment_max_words: int) -> tuple[str, str] | None:
    """Lines whose shape alone says chrome: no letters at all, a lone number (a counter or an id), or three
    segments or more of at most `segment_max_words` words split by pipes, bullets or wide gaps (a menu)."""
    if _LONE_NUMBER.match(text):
        return "counter", "shape.lone_number"
    if not _HAS_LETTER.search(text):
        return "artifact", "shape.no_letters"
    if text.isprintable() and "   " not in text and "|" not in text and "·" not in text and "•" not in text:
        # No separator can be there (every whitespace but the space is unprintable), so no split is needed:
        # most lines are prose, and splitting them cost more than all the rest of this function.
        return None
    segments = [part for part in _SEGMENT_SPLIT.split(text) if part.strip()]
    # trafilatura renders table rows as "| a | b |": a table inside an article is content, not a menu
    if (len(segments) >= 3 and not text.startswith("|")
            and max(count_words(part) for part in segments) <= segment_max_words):
        return "navigation", "shape.segmented_list"
    return None


def is_date_line(text: str, n_words: int, max_words: int) -> bool:
    """A line that is a date (and maybe a weekday, time or place): a publication line, not prose."""
    return (n_words <= max_words and not PERIOD_END.search(text) and not _EMBED_SIGNATURE.match(text)
            and find_date(text) is not None and not is_timeline_entry(text))


def is_timeline_entry(text: str) -> bool:
    """A timeline's entry: a date alone before a colon (a weekday at most with it), words after it."""
    entry = _TIMELINE_ENTRY.match(text)
    return (entry is not None and count_words(entry.group(1)) <= _TIMELINE_DATE_MAX_WORDS
            and find_date(entry.group(1)) is not None)


def reads_as_sentence(text: str, n_words: int, field_max_words: int) -> bool:
    """Ended by a full stop and longer than a field ("Published on 5 January 2025 by Jane Doe." has 8 words)."""
    return n_words > field_max_words and bool(PERIOD_END.search(text))


_MARK = re.compile(r"[^\w\s'\"‘’“”«»]")  # quotes and apostrophes are in any headline: no template


def same_template(a: str, b: str) -> bool:
    """Two lines written from one template, as the rows of a list are ("June 9 -- Arena, Tampa, FL", "Aug. 2 --
    Center, Clarkston, MI"): two punctuation marks or more in common, and half or more of the marks either uses.
    Two headlines of other stories can pass too ("Analysis: ..., officials say"): callers ask for a line ending
    in ":" or rows around the region's end as well."""
    marks_a, marks_b = set(_MARK.findall(a)), set(_MARK.findall(b))
    shared = len(marks_a & marks_b)
    return shared >= 2 and shared >= 0.5 * len(marks_a | marks_b)


def opens_list(text: str) -> bool:
    """A line ending in a colon announces what follows ("وأصبحت الأسعار كما يلي:")."""
    return text.rstrip().endswith(COLONS)


def is_list_item(text: str, n_words: int, headline_max_words: int, short_line_words: int) -> bool:
    """An item of a list in the body: numbered or bulleted, or a short "label: value" or line with a figure
    (headlines of other stories also read "Place: what happened" and hold figures, but have more words)."""
    if n_words > headline_max_words:
        return False
    return starts_as_list_item(text) or (
        n_words <= short_line_words and (any(colon in text for colon in COLONS) or any(c.isdigit() for c in text)))


def starts_as_list_item(text: str) -> bool:
    """A numbered or bulleted line ("1) ...", "- ...", "a. ...")."""
    return bool(_LIST_MARKER.match(text))


def is_headline_shaped(text: str, n_words: int, headline_max_words: int) -> bool:
    """A headline: a few words, not ended as a sentence (a list item of other stories looks like this)."""
    return 2 <= n_words <= headline_max_words and not text.rstrip(CLOSERS + " ").endswith((*FULL_STOPS, "…"))
