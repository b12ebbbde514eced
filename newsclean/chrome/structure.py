"""The line labeller: lexicon hits plus position and shape decide title, body, meta or chrome for each line.

Why structure and not words alone: on a site never seen, the lexicon misses chrome phrasings, but chrome still
sits where chrome sits (before the title, after the last paragraph, between list headers and the body) and
still looks like chrome (short, unpunctuated, repeated, numbers, separators). Inside the body block a line
needs strong evidence to go; at the edges weaker evidence is enough.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsclean.chrome.lexicon import Hit, Rule, match_folded
from newsclean.dates import find_date
from newsclean.records import Line
from newsclean.textnorm import content_words, count_words, fold


def _line_end(punctuation: str) -> re.Pattern[str]:
    """A line ending in one of these marks, possibly inside closing quotes or brackets."""
    return re.compile(punctuation + r"(?:[\"'”’»)\]]*)\s*$")


# Sentence punctuation at the end of a line.
_SENTENCE_END = _line_end(r"[.!?؟…:;]")
# A full stop: prose. Not "…" or "..." (a teaser), "?" (headlines of other stories are often questions), ":".
_FULL_STOP = _line_end(r"(?<!\.)\.")
_CLOSING_END = _line_end(r"[.؟?!]")  # a short closing sentence or question ("فهل تنهي الأزمة؟")
_PERIOD_END = _line_end(r"[.؟?!…]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
# The signature of an embedded post ("— The Senate (@NGRSenate) October 9, 2018"): it dates the quoted tweet,
# not the article, and belongs with the quote in the body.
_EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)")
_SCORE = re.compile(r"\d\s*[-–:]\s*\d")  # a result or a time: "2 - 1", "1:0", "10:30"
# A list item's leading marker: a dash or bullet, a number or a letter with a dot or bracket.
_LIST_MARKER = re.compile(r"\s*(?:[-–—•*·▪◦]|\(?\d+[.)\-–]|\(?[a-z\u0621-\u064a][.)])")
# A timeline's entry ("15 avril 2019 : l'incendie", "2011: اندلاع الاحتجاجات"): a date, a colon and a space (a
# time has none), then words; a publication line puts its label before the date ("Publié : 5 janvier 2025").
_TIMELINE_ENTRY = re.compile(r"^((?:(?!\s[-–—|]\s)[^:]){4,40}):\s+[^\W\d_]")  # no " - " field separator before
_LONE_NUMBER = re.compile(r"^[\W_]*\d[\d\s,.٫٬:/-]*[\W_]*$")
# Menu items, share buttons and tag lists come as short segments split by pipes, bullets or wide gaps.
_SEGMENT_SPLIT = re.compile(r"\s{3,}|\t+|\s*[|·•]\s*")
_SEGMENT_MAX_WORDS = 4
# A paragraph long enough to anchor the body block: real articles are made of such lines, chrome rarely.
ANCHOR_WORDS = 12
# A line at least this long, or this long and punctuated, ends the window where the title is looked for.
_TITLE_WINDOW_END_WORDS = 20
_HEADLINE_MAX_WORDS = 30
_SHORT_LINE_WORDS = 6
_DATE_LINE_MAX_WORDS = 12
_FIELD_MAX_WORDS = 8  # a publication line with a byline and a place; longer and ended by a full stop, a sentence
_MAX_REPEATED_LABELS = 3
_BRIEF_SENTENCE_WORDS = 6
# A lead or subtitle just above the first paragraph is this long at least; captions there are shorter.
_LEAD_MIN_WORDS = 8
# A headline of fewer content words than this is scored down: site names and section labels are short.
_TITLE_FULL_TOKENS = 5
_TITLE_NEAR_BEST = 0.75


@dataclass(slots=True)
class Labelled:
    """The labelled lines of one document, plus every rule hit (metadata reads the named groups)."""

    lines: list[Line]
    hits: dict[int, list[Hit]] = field(default_factory=dict)
    title_index: int | None = None
    has_body: bool = False


def _strong(hits: list[Hit]) -> Hit | None:
    return next((h for h in hits if h.rule.label == "chrome" and h.rule.where == "anywhere"), None)


def _edge(hits: list[Hit]) -> Hit | None:
    return next((h for h in hits if h.rule.label == "chrome"), None)


def _meta(hits: list[Hit]) -> Hit | None:
    return next((h for h in hits if h.rule.label == "meta"), None)


def _shape(text: str) -> tuple[str, str] | None:
    """Lines whose shape alone says chrome: no letters at all, or a lone number (a counter or an id)."""
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
            and max(count_words(part) for part in segments) <= _SEGMENT_MAX_WORDS):
        return "navigation", "shape.segmented_list"
    return None


def _is_date_line(text: str, n_words: int) -> bool:
    """A line that is a date (and maybe a weekday, time or place): a publication line, not prose."""
    return (n_words <= _DATE_LINE_MAX_WORDS and not _PERIOD_END.search(text) and not _EMBED_SIGNATURE.match(text)
            and find_date(text) is not None and not _is_timeline_entry(text))


def _is_timeline_entry(text: str) -> bool:
    """A timeline's entry: a date alone before a colon (a weekday at most with it), words after it."""
    entry = _TIMELINE_ENTRY.match(text)
    return entry is not None and count_words(entry.group(1)) <= 4 and find_date(entry.group(1)) is not None


def _reads_as_sentence(text: str, n_words: int) -> bool:
    """Ended by a full stop and longer than a field ("Published on 5 January 2025 by Jane Doe." has 8 words)."""
    return n_words > _FIELD_MAX_WORDS and bool(_PERIOD_END.search(text))


def _last_sentence_after(last: int, texts: list[str], words: list[int], hits: dict[int, list[Hit]],
                         decided: dict[int, Line]) -> int:
    """The last line after `last` ending a sentence of six words or more with a full stop, reached across short
    lines (or interview questions, or score lines) only, before any line known as chrome or meta; `last` if
    there is none. See step 7 of `label_lines`."""
    resumes = last
    for i in range(last + 1, len(texts)):
        if (i in decided and decided[i].label != "body") or _edge(hits[i]):
            break
        if i in decided:
            continue
        if words[i] >= _BRIEF_SENTENCE_WORDS and _FULL_STOP.search(texts[i]):
            resumes = i
        elif (words[i] > _SHORT_LINE_WORDS and not _is_answered_question(i, texts, words, decided)
              and not (words[i] <= ANCHOR_WORDS and _SCORE.search(texts[i]))):
            break
    return resumes


def _is_answered_question(i: int, texts: list[str], words: list[int], decided: dict[int, Line]) -> bool:
    """An interview's question: a line ending in a question mark that the next line answers in a sentence
    (headlines of other stories are often questions too, but another headline follows them)."""
    return (texts[i].rstrip().endswith(("?", "؟")) and i + 1 < len(texts) and i + 1 not in decided
            and words[i + 1] >= 2 and bool(_FULL_STOP.search(texts[i + 1])))


def _opens_list(text: str) -> bool:
    """A line ending in a colon announces what follows ("وأصبحت الأسعار كما يلي:")."""
    return text.rstrip().endswith(":")


def _is_list_item(text: str, n_words: int) -> bool:
    """An item of a list in the body: numbered or bulleted, or a short "label: value" or line with a figure
    (headlines of other stories also read "Place: what happened" and hold figures, but have more words)."""
    if n_words > _HEADLINE_MAX_WORDS:
        return False
    return bool(_LIST_MARKER.match(text)) or (
        n_words <= _SHORT_LINE_WORDS and (":" in text or any(c.isdigit() for c in text)))


def _is_headline_shaped(text: str, n_words: int) -> bool:
    """A headline: a few words, not ended as a sentence (a list item of other stories looks like this)."""
    return 2 <= n_words <= _HEADLINE_MAX_WORDS and not text.rstrip("\"'”’»)] ").endswith((".", "…"))


def _choose_title(texts: list[str], words: list[int], blocked: list[bool], folded: list[str]) -> int | None:
    """The headline among the opening lines: the one sharing most content words with the body.

    Why not the first line: pages open with tickers and other stories' headlines (seed 001). The story's own
    headline repeats the body's names and terms; the earliest line scoring near the best wins ties.
    """
    content: dict[int, set[str]] = {}

    def content_set(i: int) -> set[str]:  # each line's content words once (they were computed up to 3 times)
        if i not in content:
            content[i] = set(content_words(folded[i]))
        return content[i]

    window_end = len(texts)
    for i, (text, n) in enumerate(zip(texts, words, strict=True)):
        if not blocked[i] and (n >= _TITLE_WINDOW_END_WORDS + 10 or (n >= _TITLE_WINDOW_END_WORDS and
                                                                    _PERIOD_END.search(text))):
            window_end = i
            break
    candidates = [i for i in range(window_end) if not blocked[i] and 2 <= words[i] <= _HEADLINE_MAX_WORDS
                  and not texts[i].rstrip().endswith((".", "…"))]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None  # the scores below would choose it: nothing to compare
    body_tokens: Counter[str] = Counter()
    for i in range(len(texts)):
        if words[i] >= ANCHOR_WORDS and not blocked[i]:
            body_tokens.update(content_set(i))
    scores = {}
    for i in candidates:
        tokens = content_set(i)
        # the body's words without this line's own (when it is a paragraph itself): each counted once in it
        own = 1 if words[i] >= ANCHOR_WORDS else 0
        shared = sum(1 for t in tokens if body_tokens[t] - own > 0)
        scores[i] = shared / len(tokens) * min(1.0, len(tokens) / _TITLE_FULL_TOKENS) if tokens else 0.0
    best = max(scores.values())
    # The earliest line scoring close to the best: a subtitle under the headline may score as high.
    return next(i for i in candidates if scores[i] >= _TITLE_NEAR_BEST * best) if best > 0 else candidates[0]


def label_lines(lines: tuple[str, ...] | list[str], title_hint: str | None = None,
                site_chrome: frozenset[str] = frozenset(), rules: tuple[Rule, ...] | None = None,
                edges_are_chrome: bool = True, folded_lines: Sequence[str] | None = None,
                word_counts: Sequence[int] | None = None) -> Labelled:
    """Label every candidate line of one document; see the module docstring for the reasoning.

    `edges_are_chrome`: in a text dump, unexplained lines before the first and after the last paragraph are
    chrome. trafilatura's HTML output has had its page chrome cut already: there, edge lines need evidence
    (a rule, a shape, the site memory) like any other line.
    `folded_lines`, `word_counts`: `fold` and `count_words` of each line, when the caller has them already (the
    pipeline computes them once per document, for the site memory and for this).
    """
    texts = list(lines)
    n = len(texts)
    folded = list(folded_lines) if folded_lines is not None else [fold(t) for t in texts]
    words = list(word_counts) if word_counts is not None else [count_words(t) for t in texts]
    hits = {i: match_folded(texts[i], folded[i], words[i], rules) for i in range(n)}
    decided: dict[int, Line] = {}

    def chrome(i: int, category: str, rule: str) -> None:
        decided[i] = Line(i + 1, texts[i], "chrome", category, rule)

    def meta(i: int, category: str, rule: str) -> None:
        decided[i] = Line(i + 1, texts[i], "meta", category, rule)

    # 1. Strong evidence anywhere: lexicon "anywhere" rules, shape, site memory, short lines repeated in the page.
    for i in range(n):
        strong = _strong(hits[i])
        shape = _shape(texts[i]) if not strong else None  # only consulted without a strong hit
        if strong:
            chrome(i, strong.rule.category, strong.rule.id)
        elif shape:
            chrome(i, *shape)
        elif folded[i] in site_chrome:
            chrome(i, "template", "memory.site_recurring")
    # A short line printed twice or more in one page is a caption or a label, not prose; but many different
    # repeated lines are a structured text (a recipe, a schedule). Counted among lines nothing else explains,
    # so that cleaning a cleaned text finds the same ones (idempotence).
    short_counts = Counter(folded[i] for i in range(n) if i not in decided and words[i] <= _SHORT_LINE_WORDS)
    repeated = {f for f, c in short_counts.items() if c >= 2}
    if len(repeated) <= _MAX_REPEATED_LABELS:
        for i in range(n):
            if i not in decided and folded[i] in repeated:
                chrome(i, "caption", "structure.repeated_short_line")

    # Date lines are publication lines (meta), wherever they stand; they are never a title.
    for i in range(n):
        if i not in decided and not _meta(hits[i]) and _is_date_line(texts[i], words[i]):
            meta(i, "published", "structure.date_line")

    # 2. The title: given by the page's metadata (HTML) or chosen among the opening lines (text dumps).
    title_index = None
    title_folded = fold(title_hint) if title_hint else None
    if title_folded is None:
        blocked = [i in decided or bool(_meta(hits[i])) for i in range(n)]
        title_index = _choose_title(texts, words, blocked, folded)
        if title_index is not None:
            decided[title_index] = Line(title_index + 1, texts[title_index], "title")
            title_folded = folded[title_index]
    if title_folded:
        for i in range(n):
            if i == title_index or i in decided:
                continue
            if folded[i] == title_folded:
                chrome(i, "repeated_title", "structure.repeated_title")
            elif folded[i].startswith(title_folded) and words[i] <= words[title_index or 0] + 12:
                meta(i, "title_dateline", "structure.title_with_date")

    # 3. Meta lines (byline, publication line, source, dateline) when short; they are fields, not body. A
    # publication label that opens a full sentence is the verb or noun of a body line ("Published in 2019, the
    # report found...", "Mis à jour chaque année depuis 2010, le classement..."): prose, not a field.
    for i in range(n):
        hit = _meta(hits[i])
        if not hit or i in decided:
            continue
        if not (hit.rule.category == "published" and _reads_as_sentence(texts[i], words[i])):
            meta(i, hit.rule.category, hit.rule.id)

    # 4. The body block: from the first to the last undecided long line. A line an edge rule recognises (a
    #    site's profile, a newsletter pitch, a disclaimer) is long but does not anchor the block: footers put
    #    such sentences below the related headlines, and the block would stretch over them.
    anchors = [i for i in range(n) if i not in decided and words[i] >= ANCHOR_WORDS and not _edge(hits[i])]
    if not anchors:
        # A news brief of short sentences has no long line: punctuated sentences anchor it instead.
        anchors = [i for i in range(n) if i not in decided and words[i] >= _BRIEF_SENTENCE_WORDS
                   and _PERIOD_END.search(texts[i])]
        anchors = anchors if len(anchors) >= 2 else []
    if not anchors:
        lines = [decided[i] if i in decided and decided[i].label != "title"
                 else Line(i + 1, texts[i], "chrome", "template", "structure.no_body") for i in range(n)]
        return Labelled(lines, hits, None, has_body=False)
    first, last = anchors[0], anchors[-1]

    # An end-of-article marker (comment section, tag list, wire credits) after the body ends the block there:
    # reader comments and disclaimers after it are long, but they are not the article.
    for i in range(first + 1, last):
        if any(h.rule.ends_body for h in hits[i]):
            before = sum(words[a] for a in anchors if a < i)
            after = sum(words[a] for a in anchors if a > i)
            if after < before:
                anchors = [a for a in anchors if a < i]
                last = anchors[-1]
                for j in range(i + 1, n):
                    if j not in decided or decided[j].label == "body":
                        hit = _edge(hits[j])
                        chrome(j, hit.rule.category if hit else "comments",
                               hit.rule.id if hit else f"{next(h for h in hits[i] if h.rule.ends_body).rule.id}+after")
                break

    # 5. List headers claim the headline-shaped lines that follow them (a related list, tags).
    for i in range(n):
        usable = [h for h in hits[i] if h.rule.label == "chrome" and h.rule.claims
                  and (h.rule.where == "anywhere" or not first <= i <= last)]
        if not usable:
            continue
        hit = usable[0]
        for j in range(i + 1, min(n, i + 1 + hit.rule.claims)):
            if j in decided:
                if decided[j].label in ("chrome",):
                    continue
                break
            if not _is_headline_shaped(texts[j], words[j]) or words[j] >= ANCHOR_WORDS + 8:
                break
            # Inside the body, a short line right above a paragraph after the first claimed one is a subheading.
            if j > i + 1 and first <= j <= last and j + 1 < n and words[j + 1] >= ANCHOR_WORDS:
                break
            chrome(j, hit.rule.category, f"{hit.rule.id}+claimed")

    # 6. Head: walk back from the first paragraph over sentence-like lines (a lead, a subtitle); the rest of
    #    the head is chrome unless decided already.
    i = first - 1
    while i >= 0 and i not in decided and not _edge(hits[i]) and words[i] >= _LEAD_MIN_WORDS:
        decided[i] = Line(i + 1, texts[i], "body")
        i -= 1
    for i in range(first):
        if i not in decided and (edges_are_chrome or _edge(hits[i])):
            edge = _edge(hits[i])
            before_title = title_index is not None and i < title_index
            chrome(i, edge.rule.category if edge else ("ticker" if before_title else "template"),
                   edge.rule.id if edge else "structure.head")

    # 7. Tail. The article goes on past its last paragraph as far as a sentence still follows (six words or
    #    more, ended by a full stop) across short lines only: a price list, match results, a Q&A's short
    #    answers, a subheading stand between two pieces of the article, like the short lines inside the block.
    #    A longer line without a full stop is a headline (other stories, often questions), unless a sentence
    #    answers it (an interview) or it holds a score ("شباب بلوزداد 1 - 1 اتحاد الجزائر"); the search stops
    #    there, as at any line known as chrome or meta. Then punctuated sentences that follow directly are
    #    body, and so are the items of a list a body line introduces with ":" (a marker, or a short "label:
    #    value" or line with a figure), and closing lines of two words or more ended by a full stop or a
    #    question mark ("السؤال مطروح."). From the first line that is none of these, the rest is chrome.
    resumes = _last_sentence_after(last, texts, words, hits, decided)
    in_body, in_list = True, _opens_list(texts[last])
    for i in range(last + 1, n):
        if i in decided:
            in_body = in_body and decided[i].label == "body"
            in_list = in_body and _opens_list(texts[i])
            continue
        edge = _edge(hits[i])
        sentence = ((words[i] >= 5 and bool(_SENTENCE_END.search(texts[i])))
                    or (words[i] >= 2 and bool(_CLOSING_END.search(texts[i]))))
        item = in_list and _is_list_item(texts[i], words[i])
        if not edge and (i <= resumes or (in_body and (sentence or item)) or not edges_are_chrome):
            decided[i] = Line(i + 1, texts[i], "body")
            in_list = item or _opens_list(texts[i])
            continue
        in_body = False
        chrome(i, edge.rule.category if edge else "template", edge.rule.id if edge else "structure.tail")

    # 8. Inside the block, whatever is left is body: subheadings and short paragraphs included.
    for i in range(n):
        decided.setdefault(i, Line(i + 1, texts[i], "body"))
    return Labelled([decided[i] for i in range(n)], hits, title_index, has_body=True)
