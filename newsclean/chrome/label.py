"""The line labeller: lexicon hits plus position and shape decide title, body, meta or chrome for each line.

Why structure and not words alone: on a site never seen, the lexicon misses chrome phrasings, but chrome still
sits where chrome sits (before the title, after the last paragraph, between list headers and the body) and
still looks like chrome (short, unpunctuated, repeated, numbers, separators). Inside the article region a line
needs strong evidence to go; at the edges weaker evidence is enough.

`label_lines` runs the named steps below in order over one `Page`; each step decides some lines and leaves the
others to the next, and every line a step removes carries `structure.<step>` as its rule id (or the rule, shape
or memory id that recognised it). Every threshold is a field of `LabelSettings`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from newsclean.chrome.lexicon import Hit, Rule, match_folded
from newsclean.chrome.line_model import line_features, load_line_model
from newsclean.chrome.lines import (
    CLOSING_END,
    COLONS,
    EXCLAMATION_MARKS,
    FULL_STOP,
    FULL_STOP_INSIDE,
    FULL_STOPS,
    GLUED_SEAM,
    INNER_PUNCTUATION,
    PERIOD_END,
    QUESTION_MARKS,
    SCORE,
    SENTENCE_END,
    is_date_line,
    is_headline_shaped,
    is_list_item,
    line_shape,
    opens_list,
    reads_as_sentence,
    same_template,
    starts_as_list_item,
)
from newsclean.dates import find_date
from newsclean.records import Line
from newsclean.textnorm import content_words, count_words, fold, function_word_share
from newsclean.trees import BoostedTrees


@dataclass(slots=True, frozen=True)
class LabelSettings:
    """Every threshold of the labeller, in words unless said otherwise."""

    anchor_words: int = 12  # a paragraph long enough to anchor the article region: chrome rarely is
    brief_sentence_words: int = 6  # a news brief's sentence, when no line is long enough to anchor
    short_line_words: int = 6  # a label, a caption, a subheading
    headline_max_words: int = 30
    date_line_max_words: int = 12
    field_max_words: int = 8  # a publication line with a byline and a place; longer and ended by a full stop: prose
    segment_max_words: int = 4  # a menu item between separators
    max_repeated_labels: int = 3  # more different short lines repeated than this: a structured text (a recipe)
    lead_min_words: int = 8  # a lead or subtitle above the first paragraph; captions there are shorter
    title_window_end_words: int = 20  # a line this long and punctuated ends the window where the title is looked for
    title_window_long_words: int = 30  # ... and a line this long ends it punctuated or not
    title_full_tokens: int = 5  # a headline of fewer content words is scored down: site names are short
    title_near_best: float = 0.75  # the earliest headline scoring this share of the best wins (a subtitle ties)
    title_lookback_lines: int = 15  # the title stands this close above the article (bylines, dates, share bars between)
    title_dateline_extra_words: int = 12  # the title followed by a date and a place, at most this many words more
    claimed_max_words: int = 20  # a list header claims headline-shaped lines shorter than this
    tail_sentence_words: int = 5  # a sentence after the last paragraph that keeps the article going
    closing_min_words: int = 2  # a closing sentence or question ("السؤال مطروح.")
    score_line_max_words: int = 12  # a result line ("شباب بلوزداد 1 - 1 اتحاد الجزائر") holds the tail open
    end_gap_lines: int = 7  # `cut_at_gap`: this many lines without a paragraph ...
    end_gap_share: float = 0.7  # ... and less than this share of the prose after them: the article ended
    list_gap_lines: int = 8  # `cut_at_list_gap`: this many lines without a paragraph, a related list in them ...
    list_gap_share: float = 1.5  # ... and less than this share of the prose before them after them: the end
    list_gap_cards: int = 3  # ... when this many paragraphs after them each stand under a headline of their own
    # `cut_at_closing_box`: a box pages print after the article (not inside it, as ads, captions, "Read more")
    closing_box_categories: frozenset[str] = frozenset({"newsletter", "donation", "social_promo", "footer", "cookie",
                                                        "form_message", "disclaimer", "navigation", "tag"})
    closing_box_share: float = 0.2  # ... followed by less than this share of the prose before it: the article ended
    thread_min_markers: int = 3  # an end marker followed by this many of one kind (comments' authors): a thread
    # `mark_glued_teasers`: a card's headline and summary printed as one line ("...Student-AthleteA 24-year-old")
    glued_head_min_words: int = 3  # the headline before the seam, this many words or more ...
    glued_head_caps_share: float = 0.75  # ... this share of them capitalised (title case) ...
    glued_seam_min_letters: int = 5  # ... its last word this long before the seam (not "MacBook", "120Hz") ...
    glued_summary_min_words: int = 5  # ... and a summary of this many words after it
    glued_min_lines: int = 2  # this many such lines, each within `glued_window` lines of another: a list of cards
    glued_window: int = 6
    # `mark_headline_lists`: other stories' headlines, one after the other
    list_min_headlines: int = 3  # this many headlines in a row (dates, bylines, labels between) are a list
    list_headline_min_words: int = 4  # shorter lines are labels (a section, a subheading): they don't make a list
    list_headline_max_words: int = 20  # longer is a paragraph, full stop or not
    list_article_share: float = 0.2  # a list inside the article using this share of its words is its own
    # `prose_value`: what a line adds to the article region
    unended_paragraph_words: int = 20  # a line this long is a paragraph, full stop or not (Arabic often has none)
    sentence_weight: float = 0.5  # a short sentence with a full stop counts half its words
    unpunctuated_weight: float = 0.5  # a paragraph-long line without any sentence mark or comma ...
    prose_function_share: float = 0.08  # ... and with fewer function words than this share: counts this share
    short_line_cost: float = 3.0  # a short line without a full stop: a menu item, a headline, a label
    chrome_cost: float = 3.0  # a line a rule, a shape or the memory recognised as chrome
    meta_cost: float = 0.0  # bylines and dates stand beside the article
    isolated_window: int = 2  # a paragraph with no other within this many lines is isolated ...
    isolated_weight: float = 0.25  # ... and counts this share of its words
    teaser_max_words: int = 60  # `is_index_page` counts as teasers only paragraphs this short ...
    teaser_spacing: int = 6  # ... each this close to the next
    index_min_teasers: int = 3  # this many teasers, and only teasers where the article would be: an index page
    gap_growth: float = 0.25  # each further chrome-shaped line in a row costs this much more (1, 1.5, 2, ...)
    # `mark_model_chrome`: the learned model removes a body line only when this sure ...
    model_chrome_probability: float = 0.9
    model_min_words: int = 6  # ... and only lines this long: short lines kept are the structural steps' choice


DEFAULT_SETTINGS = LabelSettings()

# Lines removed for where they stand, no rule, shape or memory recognising them: a template change shows up as
# more of these (the manifest counts them).
POSITIONAL_RULES = frozenset({"structure.walk_head", "structure.walk_tail", "structure.find_article_region"})


@dataclass(slots=True)
class Labelled:
    """The labelled lines of one document, plus every rule hit (metadata reads the named groups)."""

    lines: list[Line]
    hits: dict[int, list[Hit]] = field(default_factory=dict)
    title_index: int | None = None
    has_body: bool = False
    title_uncertain: bool = False  # the labeller chose the title, and it shares no content word with the body


@dataclass(slots=True)
class Page:
    """One document's lines while the steps label them: what each line is, and what is decided so far."""

    texts: list[str]
    folded: list[str]
    words: list[int]
    hits: dict[int, list[Hit]]
    settings: LabelSettings = DEFAULT_SETTINGS
    edges_are_chrome: bool = True
    decided: dict[int, Line] = field(default_factory=dict)
    title_index: int | None = None
    title_uncertain: bool = False
    content_cache: dict[int, list[str]] = field(default_factory=dict, repr=False)  # filled by `content`

    @property
    def n(self) -> int:
        return len(self.texts)

    def content(self, i: int) -> list[str]:
        """`textnorm.content_words` of line i, computed once: the title, the headline lists and the line model
        all compare lines by them."""
        found = self.content_cache.get(i)
        if found is None:
            found = self.content_cache[i] = content_words(self.folded[i])
        return found

    def chrome(self, i: int, category: str | None, rule: str) -> None:
        self.decided[i] = Line(i + 1, self.texts[i], "chrome", category, rule)

    def meta(self, i: int, category: str | None, rule: str) -> None:
        self.decided[i] = Line(i + 1, self.texts[i], "meta", category, rule)

    def body(self, i: int) -> None:
        self.decided[i] = Line(i + 1, self.texts[i], "body")

    def is_body(self, i: int) -> bool:
        return i in self.decided and self.decided[i].label == "body"


@dataclass(slots=True, frozen=True)
class Region:
    """The article's stretch of lines: from its first to its last anchoring paragraph (indices, inclusive)."""

    anchors: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.anchors[0]

    @property
    def last(self) -> int:
        return self.anchors[-1]


def strong_chrome(hits: list[Hit]) -> Hit | None:
    """A chrome rule that fires anywhere, inside the article too."""
    return next((h for h in hits if h.rule.label == "chrome" and h.rule.where == "anywhere"), None)


def edge_chrome(hits: list[Hit]) -> Hit | None:
    """Any chrome rule (edge rules fire only outside the article region)."""
    return next((h for h in hits if h.rule.label == "chrome"), None)


def meta_hit(hits: list[Hit]) -> Hit | None:
    return next((h for h in hits if h.rule.label == "meta"), None)


def mark_strong(page: Page, site_chrome: frozenset[str]) -> None:
    """Strong evidence anywhere: lexicon "anywhere" rules, line shape, the site memory."""
    for i in range(page.n):
        strong = strong_chrome(page.hits[i])
        shape = line_shape(page.texts[i], page.settings.segment_max_words) if not strong else None
        if strong:
            page.chrome(i, strong.rule.category, strong.rule.id)
        elif shape:
            page.chrome(i, *shape)
        elif page.folded[i] in site_chrome:
            page.chrome(i, "template", "memory.site_recurring")


def mark_repeated_short_lines(page: Page) -> None:
    """A short line printed twice or more in one page is a caption or a label, not prose; but many different
    repeated lines are a structured text (a recipe, a schedule). Counted among lines nothing else explains,
    so that cleaning a cleaned text finds the same ones (idempotence)."""
    settings = page.settings
    counts = Counter(page.folded[i] for i in range(page.n)
                     if i not in page.decided and page.words[i] <= settings.short_line_words)
    repeated = {f for f, c in counts.items() if c >= 2}
    if len(repeated) > settings.max_repeated_labels:
        return
    for i in range(page.n):
        if i not in page.decided and page.folded[i] in repeated:
            page.chrome(i, "caption", "structure.mark_repeated_short_lines")


def mark_date_lines(page: Page) -> None:
    """Date lines are publication lines (meta), wherever they stand; they are never a title."""
    for i in range(page.n):
        if (i not in page.decided and not meta_hit(page.hits[i])
                and is_date_line(page.texts[i], page.words[i], page.settings.date_line_max_words)):
            page.meta(i, "published", "structure.mark_date_lines")


def glued_seam(text: str, settings: LabelSettings) -> int | None:
    """Where a title-case headline runs into its summary with no space or stop between ("Steakhouse" +
    "A party of six left..."), or None: a word's lower-case end (or a digit) directly followed by a capital.
    Brand names glue words too (MacBook, WeWork, McDonald): their first part is short, and the words before
    them are not all capitalised."""
    for match in GLUED_SEAM.finditer(text):
        head, summary = text[:match.start()].split(), text[match.start():].split()
        if len(head) < settings.glued_head_min_words or len(summary) < settings.glued_summary_min_words:
            continue
        if FULL_STOP_INSIDE.search(text[:match.start()]):  # a sentence before it: prose
            continue
        capitalised = sum(1 for w in head if not w[:1].isalpha() or w[:1].isupper())
        left = re.split(r"[-/]", head[-1])[-1]
        if (capitalised >= settings.glued_head_caps_share * len(head) and (left[:1].isupper() or left[:1].isdigit())
                and len(left) >= settings.glued_seam_min_letters):
            return match.start()
    return None


def mark_glued_teasers(page: Page) -> None:
    """Cards of other stories whose headline and summary the dump glued into one line (`glued_seam`): two or
    more close together are a list of teasers, chrome wherever they stand (else they read as paragraphs and
    draw the article region to the menu). One such line alone stays (a product name, a quoted title)."""
    settings = page.settings
    glued = [i for i in range(page.n) if i not in page.decided and glued_seam(page.texts[i], settings) is not None]
    for k, i in enumerate(glued):
        near = ((k > 0 and i - glued[k - 1] <= settings.glued_window)
                or (k + 1 < len(glued) and glued[k + 1] - i <= settings.glued_window))
        if near and len(glued) >= settings.glued_min_lines:
            page.chrome(i, "related", "structure.mark_glued_teasers")


def is_list_headline(page: Page, i: int) -> bool:
    """A line that could be another story's headline in a list: undecided, a headline's length, not ended as a
    sentence (a question with its answer below is an interview), not introducing what follows (":"), not
    numbered or bulleted nor dated (the article's own lists: steps, tour dates), and not a paragraph's shape (a
    long line broken by commas)."""
    settings, text, n_words = page.settings, page.texts[i], page.words[i]
    if (i in page.decided or meta_hit(page.hits[i])
            or not settings.list_headline_min_words <= n_words <= settings.list_headline_max_words
            or FULL_STOP.search(text) or text.rstrip().endswith(("…", *COLONS, *EXCLAMATION_MARKS))
            or is_answered_question(page, i)
            or starts_as_list_item(text) or find_date(text) is not None):
        return False
    return not (n_words >= settings.anchor_words and INNER_PUNCTUATION.search(text))


def between_list_items(page: Page, i: int) -> bool:
    """What may stand between two headlines of a list: a line already known as chrome or meta (a date, a byline,
    a counter), or a label shorter than a headline (a section's name, "author – outlet")."""
    if i in page.decided:
        return page.decided[i].label in ("chrome", "meta")
    return page.words[i] < page.settings.list_headline_min_words and not PERIOD_END.search(page.texts[i])


def in_templated_run(page: Page, i: int) -> bool:
    """Line `i` is a row of a list written from one template (`same_template` with the line before or after it,
    a headline's length at most): tour dates, results, a table's rows."""
    settings = page.settings
    return page.words[i] <= settings.headline_max_words and any(
        0 <= j < page.n and page.words[j] <= settings.headline_max_words
        and not (j in page.decided and page.decided[j].label == "chrome")  # a related link is no row
        and same_template(page.texts[i], page.texts[j]) for j in (i - 1, i + 1))


def introduced_list(page: Page, first: int) -> bool:
    """The list whose first headline is line `first` is the article's own: a line ending in ":" announces it,
    directly or above rows of the same template that lead to it (dated rows are no headlines)."""
    i = first - 1
    while i >= 0 and i not in page.decided:
        if opens_list(page.texts[i]):
            return True
        if not same_template(page.texts[i], page.texts[i + 1]):
            return False
        i -= 1
    return False


def headline_lists(page: Page) -> list[list[int]]:
    """The runs of `list_min_headlines` headlines or more, with only dates, bylines or labels between them (the
    headlines' indices), leaving out a list that a line ending in ":" introduces (the article's own)."""
    runs, i = [], 0
    while i < page.n:
        if not is_list_headline(page, i):
            i += 1
            continue
        j, headlines = i, []
        while j < page.n:
            headline = is_list_headline(page, j)  # once a line: it may try every date pattern
            if not (headline or between_list_items(page, j)):
                break
            if headline:
                headlines.append(j)
            j += 1
        introduced = introduced_list(page, i)
        if len(headlines) >= page.settings.list_min_headlines and not introduced:
            runs.append(headlines)
        i = j
    return runs


def shares_with_article(page: Page, headlines: Sequence[int], region: Region) -> float:
    """The share of the headlines' content words that the region's paragraphs use: the article's own list (its
    products, dates, teams) repeats the article's words, other stories' headlines mostly do not."""
    body = set()
    for a in region.anchors:
        body.update(page.content(a))
    words = [w for h in headlines for w in set(page.content(h))]
    return sum(1 for w in words if w in body) / len(words) if words else 0.0


def has_list_header(page: Page, first: int) -> bool:
    """A list header ("Related", "أقرأ أيضا": a rule that claims what follows) just above a list's first
    headline, over labels and dates only."""
    i = first - 1
    while i >= 0 and between_list_items(page, i):
        if any(h.rule.claims for h in page.hits[i]):
            return True
        i -= 1
    return False


def mark_headline_lists(page: Page) -> None:
    """A run of headlines (`headline_lists`) is a list of other stories wherever it stands, between two pieces
    of the article too: chrome. Inside the article's region, a list whose words are the article's own
    (`list_article_share` of them or more) is part of it (a product's features, a recipe), unless a list
    header announces it."""
    runs = headline_lists(page)
    region = find_article_region(page, context=False) if runs else None
    for headlines in runs:
        if (region is not None and region.first < headlines[0] and headlines[-1] < region.last
                and not has_list_header(page, headlines[0])
                and shares_with_article(page, headlines, region) >= page.settings.list_article_share):
            continue
        for k in range(headlines[0], headlines[-1] + 1):
            if k not in page.decided:
                page.chrome(k, "related", "structure.mark_headline_lists")


def title_candidates(page: Page, article_start: int | None) -> list[int]:
    """Headline-shaped lines nothing else explains, in the `title_lookback_lines` above the article's start; with
    none there (or no article found), those before the first long line of the page (its opening)."""
    settings, texts, words = page.settings, page.texts, page.words

    def usable(i: int) -> bool:
        return (i not in page.decided and not meta_hit(page.hits[i]) and 2 <= words[i] <= settings.headline_max_words
                and not texts[i].rstrip().endswith((*FULL_STOPS, "…")))

    if article_start is not None:
        near = [i for i in range(max(0, article_start - settings.title_lookback_lines), article_start) if usable(i)]
        if near:
            return near
    window_end = page.n
    for i in range(page.n):
        if i not in page.decided and not meta_hit(page.hits[i]) and (
                words[i] >= settings.title_window_long_words
                or (words[i] >= settings.title_window_end_words and PERIOD_END.search(texts[i]))):
            window_end = i
            break
    return [i for i in range(window_end) if usable(i)]


def choose_title(page: Page, article_start: int | None = None) -> tuple[int | None, float]:
    """The headline nearest above the article that shares most content words with the body, and that share
    (0: it shares none, so it may well be a ticker or a slogan).

    Why not the first line: pages open with tickers and other stories' headlines (seed 001). The story's own
    headline repeats the body's names and terms; the earliest line scoring near the best wins ties (a subtitle
    under the headline may score as high).
    """
    settings = page.settings
    candidates = title_candidates(page, article_start)
    if not candidates:
        return None, 0.0
    content: dict[int, set[str]] = {}

    def content_set(i: int) -> set[str]:  # each line's content words once
        if i not in content:
            content[i] = set(page.content(i))
        return content[i]

    body_tokens: Counter[str] = Counter()
    for i in range(page.n):
        if page.words[i] >= settings.anchor_words and i not in page.decided and not meta_hit(page.hits[i]):
            body_tokens.update(content_set(i))
    scores = {}
    for i in candidates:
        tokens = content_set(i)
        # the body's words without this line's own (when it is a paragraph itself): each counted once in it
        own = 1 if page.words[i] >= settings.anchor_words else 0
        shared = sum(1 for t in tokens if body_tokens[t] - own > 0)
        scores[i] = (shared / len(tokens) * min(1.0, len(tokens) / settings.title_full_tokens)) if tokens else 0.0
    best = max(scores.values())
    if best <= 0:
        return candidates[0], 0.0
    chosen = next(i for i in candidates if scores[i] >= settings.title_near_best * best)
    return chosen, scores[chosen]


def mark_title(page: Page, title_hint: str | None) -> str | None:
    """The title: given by the page's metadata (HTML), else chosen above the article's start (text dumps), and
    marked uncertain when it shares no content word with the body or none is found. Returns its folded text."""
    if title_hint:
        return fold(title_hint)
    region = find_article_region(page)
    page.title_index, share = choose_title(page, region.first if region else None)
    page.title_uncertain = share <= 0
    if page.title_index is None:
        return None
    page.decided[page.title_index] = Line(page.title_index + 1, page.texts[page.title_index], "title")
    return page.folded[page.title_index]


def mark_title_copies(page: Page, title_folded: str) -> None:
    """The title printed again is chrome; the title followed by a date or a place is a dateline (meta)."""
    title_words = page.words[page.title_index or 0]
    for i in range(page.n):
        if i == page.title_index or i in page.decided:
            continue
        if page.folded[i] == title_folded:
            page.chrome(i, "repeated_title", "structure.mark_title_copies")
        elif (page.folded[i].startswith(title_folded)
              and page.words[i] <= title_words + page.settings.title_dateline_extra_words):
            page.meta(i, "title_dateline", "structure.mark_title_copies")


def mark_meta_fields(page: Page) -> None:
    """Meta lines (byline, publication line, source, dateline) when short; they are fields, not body. A
    publication label that opens a full sentence is the verb or noun of a body line ("Published in 2019, the
    report found...", "Mis à jour chaque année depuis 2010, le classement..."): prose, not a field."""
    for i in range(page.n):
        hit = meta_hit(page.hits[i])
        if not hit or i in page.decided:
            continue
        if not (hit.rule.category == "published"
                and reads_as_sentence(page.texts[i], page.words[i], page.settings.field_max_words)):
            page.meta(i, hit.rule.category, hit.rule.id)


def prose_value(page: Page, i: int) -> float:
    """What line `i` adds to an article region: its words when it reads as prose, a cost when it looks like
    chrome, nothing when it could be either (a subheading, a caption, a paragraph without its full stop).

    Why words: the region with the most prose words and the fewest chrome-shaped lines inside is the article
    (Finn et al.'s Body Text Extraction, on lines instead of tokens and tags)."""
    settings, text, n_words = page.settings, page.texts[i], page.words[i]
    if i in page.decided:
        label = page.decided[i].label
        return 0.0 if label in ("title", "body") else (-settings.meta_cost if label == "meta"
                                                        else -settings.chrome_cost)
    if edge_chrome(page.hits[i]):
        return -settings.chrome_cost
    ended = bool(PERIOD_END.search(text))
    if n_words >= settings.anchor_words and (ended or INNER_PUNCTUATION.search(text)):
        return float(n_words)
    if n_words >= settings.unended_paragraph_words:
        # Why less without function words: a long line with no sentence mark, no comma and few of "في من the of
        # le" is as often a tag cloud or a menu run together as a paragraph that lost its punctuation (Arabic
        # paragraphs keep their function words); it counts, but does not outweigh punctuated prose.
        if function_word_share(page.folded[i]) < settings.prose_function_share:
            return n_words * settings.unpunctuated_weight
        return float(n_words)
    if ended and n_words >= settings.brief_sentence_words:
        return n_words * settings.sentence_weight
    if n_words >= settings.anchor_words or (ended and n_words >= settings.closing_min_words):
        return 0.0
    return -settings.short_line_cost


def prose_values(page: Page) -> list[float]:
    """`prose_value` of every line, as decided so far."""
    return [prose_value(page, i) for i in range(page.n)]


def teasers(page: Page, values: Sequence[float], strict: bool = False) -> set[int]:
    """Paragraphs with no other paragraph within `isolated_window` lines, in a row of such paragraphs:
    teasers' summaries between their headlines and dates, readers' comments under their authors. One paragraph
    alone (a lead above a list) is not a teaser. `strict` (enough to reject a page): only paragraphs of a
    teaser's length (`teaser_max_words`), each at most `teaser_spacing` lines from the next."""
    settings = page.settings
    w = settings.isolated_window
    prose = [i for i, value in enumerate(values) if value > 0]
    isolated = [i for k, i in enumerate(prose) if (not strict or page.words[i] <= settings.teaser_max_words)
                and (k == 0 or i - prose[k - 1] > w) and (k + 1 == len(prose) or prose[k + 1] - i > w)]
    spacing = settings.teaser_spacing if strict else page.n
    return {i for k, i in enumerate(isolated)
            if (k > 0 and i - isolated[k - 1] <= spacing) or (k + 1 < len(isolated) and isolated[k + 1] - i <= spacing)}


def in_context(page: Page, values: Sequence[float], teaser_lines: set[int] | None = None) -> list[float]:
    """Each line's prose value seen from its neighbours: a teaser (`teasers`) counts `isolated_weight` of its
    words, and each further line of a run of chrome-shaped lines costs more than the last (`gap_growth`), so
    a long stretch of chrome ends the article where a subheading or a caption does not. `teaser_lines`:
    `teasers(page, values)` when the caller has it already."""
    settings, out, gap = page.settings, list(values), 0
    for i in teasers(page, values) if teaser_lines is None else teaser_lines:
        out[i] = values[i] * settings.isolated_weight
    for i, value in enumerate(values):
        gap = gap + 1 if value < 0 else 0
        if value < 0:
            out[i] = value * (1 + settings.gap_growth * (gap - 1))
    return out


def is_index_page(page: Page, values: Sequence[float] | None = None) -> bool:
    """A front or section page: `index_min_teasers` teasers or more (`teasers`, strict) and no paragraph that
    is not one: the page lists other stories and tells none of them. `values`: `prose_values(page)`, when the
    caller has them already."""
    settings = page.settings
    values = prose_values(page) if values is None else values
    found = teasers(page, values, strict=True)
    return len(found) >= settings.index_min_teasers and all(
        i in found for i in range(page.n) if values[i] > 0 and page.words[i] >= settings.anchor_words)


def best_region(values: Sequence[float]) -> tuple[int, int] | None:
    """The contiguous stretch with the largest sum (Kadane); None when no value is positive."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def find_article_region(page: Page, context: bool = True, values: Sequence[float] | None = None,
                        teaser_lines: set[int] | None = None) -> Region | None:
    """The article's region: the stretch of lines with the most prose and the fewest chrome-shaped lines
    (`prose_value`), anchored on its paragraphs (lines an edge rule recognises never anchor: a site's profile,
    a newsletter pitch). A news brief of short sentences has no long line: two punctuated sentences or more
    anchor it instead. None: no article. `context`: each line valued from its neighbours too (`in_context`);
    without, the widest stretch that may be the article. `values`, `teaser_lines`: `prose_values(page)` and
    `teasers` of them, when the caller has them already."""
    settings = page.settings
    anchors = [i for i in range(page.n) if i not in page.decided and page.words[i] >= settings.anchor_words
               and not edge_chrome(page.hits[i])]
    if not anchors:
        anchors = [i for i in range(page.n) if i not in page.decided
                   and page.words[i] >= settings.brief_sentence_words and PERIOD_END.search(page.texts[i])]
        return Region(tuple(anchors)) if len(anchors) >= 2 else None
    values = prose_values(page) if values is None else values
    if context and page.edges_are_chrome:  # in HTML, trafilatura has cut the teasers and the comments already
        values = in_context(page, values, teaser_lines)
    span = best_region(values)
    if span is None:
        return Region(tuple(anchors))
    start, end = span
    # A paragraph without its full stop (value 0) at either end of the region still belongs to it.
    while start > 0 and values[start - 1] == 0 and start - 1 in anchors:
        start -= 1
    while end + 1 < page.n and values[end + 1] == 0 and end + 1 in anchors:
        end += 1
    return Region(tuple(a for a in anchors if start <= a <= end) or tuple(anchors))


def opens_thread(page: Page, marker: int) -> bool:
    """The end marker at `marker` opens a thread: one end-marker rule fires `thread_min_markers` times or more
    after it (each reader's comment opens with its author: "… says:")."""
    after = Counter(h.rule.id for j in range(marker + 1, page.n) for h in page.hits[j] if h.rule.ends_body)
    return bool(after) and max(after.values()) >= page.settings.thread_min_markers


def cut_at_end_marker(page: Page, region: Region, teaser_lines: set[int] | None = None) -> Region:
    """An end-of-article marker (comment section, tag list, wire credits) inside the region ends it there when
    more of the article stands before it: reader comments and disclaimers after it are long, but they are not
    the article; a thread (`opens_thread`) ends it however long. Everything after the marker is chrome. In a
    text dump a teaser or a comment (`teasers`) weighs `isolated_weight` of its words. `teaser_lines`:
    `teasers(page, prose_values(page))` when the caller has it already."""
    weight = {a: float(page.words[a]) for a in region.anchors}
    if page.edges_are_chrome:
        found = teasers(page, prose_values(page)) if teaser_lines is None else teaser_lines
        for a in found & weight.keys():
            weight[a] *= page.settings.isolated_weight
    for i in range(region.first + 1, region.last):
        marker = next((h for h in page.hits[i] if h.rule.ends_body), None)
        if marker is None:
            continue
        before = sum(weight[a] for a in region.anchors if a < i)
        after = sum(weight[a] for a in region.anchors if a > i)
        if after >= before and not opens_thread(page, i):
            continue
        for j in range(i + 1, page.n):
            if j not in page.decided or page.is_body(j):
                hit = edge_chrome(page.hits[j])
                page.chrome(j, hit.rule.category if hit else "comments",
                            hit.rule.id if hit else f"{marker.rule.id}+after")
        return Region(tuple(a for a in region.anchors if a < i))
    return region


def cut_at_gap(page: Page, region: Region) -> Region:
    """A stretch of `end_gap_lines` lines or more without a paragraph nor a list item inside the region (tags,
    a share bar, "More from …") ends the article there when what follows holds less than `end_gap_share` of the prose
    before it, teasers counted at `isolated_weight` (`in_context`): the rest is other stories. A stretch that a
    paragraph ending in ":" opens is the article's own list ("... used to look like this:"), not a gap. Text
    dumps."""
    settings = page.settings
    values = in_context(page, prose_values(page))
    prose_upto = list(accumulate((max(v, 0.0) for v in values), initial=0.0))  # prose of lines [0, i)
    anchors, gap, introduced = set(region.anchors), 0, False
    for i in range(region.first + 1, region.last):
        item = is_list_item(page.texts[i], page.words[i], settings.headline_max_words, settings.short_line_words)
        if values[i] <= 0 and i not in anchors and not item:
            if gap == 0:
                introduced = values[i - 1] > 0 and opens_list(page.texts[i - 1])
            gap += 1
        else:
            gap = 0
        if gap < settings.end_gap_lines or introduced:
            continue
        before = prose_upto[i] - prose_upto[region.first]
        after = prose_upto[region.last + 1] - prose_upto[i + 1]
        if after < settings.end_gap_share * before:
            return Region(tuple(a for a in region.anchors if a < i))
    return region


def holds_other_stories(page: Page, i: int) -> bool:
    """Line `i` belongs to a list of other stories: a list header ("Related", "Read these next": a chrome rule
    that claims what follows) or a line of a headline list (`mark_headline_lists`)."""
    if any(h.rule.claims and h.rule.label == "chrome" for h in page.hits[i]):
        return True
    return i in page.decided and page.decided[i].rule == "structure.mark_headline_lists"


def cards_follow(page: Page, region: Region, i: int) -> bool:
    """The next `list_gap_cards` paragraphs of the region after line `i` are cards: each directly under a
    headline-shaped line (a teaser's headline and summary), not under another paragraph."""
    settings = page.settings
    after = [a for a in region.anchors if a > i][:settings.list_gap_cards]
    return len(after) == settings.list_gap_cards and all(
        a - 1 not in region.anchors and is_headline_shaped(page.texts[a - 1], page.words[a - 1],
                                                           settings.headline_max_words) for a in after)


def cut_at_list_gap(page: Page, region: Region) -> Region:
    """A stretch of `list_gap_lines` lines or more without a paragraph inside the region, holding a list of other
    stories (`holds_other_stories`), ends the article there when what follows holds less than `list_gap_share`
    of the prose before it (teasers at `isolated_weight`, `in_context`): after a long related list come more
    stories (headlines and their summaries), not the article's next part. A short related box inside the
    article (a few lines) does not end it. Text dumps."""
    settings = page.settings
    values = in_context(page, prose_values(page))
    prose_upto = list(accumulate((max(v, 0.0) for v in values), initial=0.0))  # prose of lines [0, i)
    anchors, gap, listed = set(region.anchors), 0, False
    for i in range(region.first + 1, region.last):
        if values[i] > 0 or i in anchors:
            gap, listed = 0, False
            continue
        gap += 1
        listed = listed or holds_other_stories(page, i)
        if gap < settings.list_gap_lines or not listed or not cards_follow(page, region, i):
            continue
        before = prose_upto[i] - prose_upto[region.first]
        after = prose_upto[region.last + 1] - prose_upto[i + 1]
        if after < settings.list_gap_share * before:
            return Region(tuple(a for a in region.anchors if a < i))
    return region


def continues_article(page: Page, i: int) -> bool:
    """Line `i` could carry the article on: a sentence (ended by its mark) or a paragraph long enough to stand
    without one (`unended_paragraph_words`); a headline-shaped line, however punctuated inside, is another
    story's ("Pay to breathe? 'Oxygen bars' hit New Delhi as India chokes")."""
    return bool(PERIOD_END.search(page.texts[i])) or page.words[i] >= page.settings.unended_paragraph_words


def cut_at_closing_box(page: Page, region: Region) -> Region:
    """A line of a box that pages print after the article (`closing_box_categories`: a newsletter or donation
    pitch, a "follow us", the footer, previous/next links, tags) inside the region ends the article there when
    what follows holds less than `closing_box_share` of the prose before it (teasers at `isolated_weight`,
    and only lines that `continues_article`): the rest is the page's tail. Ads, captions and "Read more" links
    stand inside articles: not these. Text dumps."""
    settings = page.settings
    values = in_context(page, prose_values(page))
    prose_upto = list(accumulate((max(v, 0.0) for v in values), initial=0.0))
    # after the box, only sentences and long paragraphs would continue the article, not other stories' headlines
    going_on = [max(v, 0.0) if continues_article(page, i) else 0.0 for i, v in enumerate(values)]
    going_on_upto = list(accumulate(going_on, initial=0.0))
    anchors = set(region.anchors)
    for i in range(region.first + 1, region.last):
        if i in anchors or not any(h.rule.label == "chrome" and h.rule.category in settings.closing_box_categories
                                   for h in page.hits[i]):
            continue
        before = prose_upto[i] - prose_upto[region.first]
        after = going_on_upto[region.last + 1] - going_on_upto[i + 1]
        if after < settings.closing_box_share * before:
            return Region(tuple(a for a in region.anchors if a < i))
    return region


def claim_lists(page: Page, region: Region) -> None:
    """List headers (a related list, tags) claim the headline-shaped lines that follow them. Inside the region,
    a short line right above a paragraph after the first claimed one is a subheading, not a claimed item."""
    settings = page.settings
    for i in range(page.n):
        usable = [h for h in page.hits[i] if h.rule.label == "chrome" and h.rule.claims
                  and (h.rule.where == "anywhere" or not region.first <= i <= region.last)]
        if not usable:
            continue
        hit = usable[0]
        for j in range(i + 1, min(page.n, i + 1 + hit.rule.claims)):
            if j in page.decided:
                if page.decided[j].label == "chrome":
                    continue
                break
            if (not is_headline_shaped(page.texts[j], page.words[j], settings.headline_max_words)
                    or page.words[j] >= settings.claimed_max_words):
                break
            if (j > i + 1 and region.first <= j <= region.last and j + 1 < page.n
                    and page.words[j + 1] >= settings.anchor_words):
                break
            page.chrome(j, hit.rule.category, f"{hit.rule.id}+claimed")


def walk_head(page: Page, region: Region) -> None:
    """Walk back from the first paragraph over sentence-like lines (a lead, a subtitle, a short opening sentence
    ended by a full stop; a question or "…" above the article is as often a teaser): body. The rest of the
    head is chrome unless decided already (in HTML output, only lines an edge rule recognises)."""
    i = region.first - 1
    while (i >= 0 and i not in page.decided and not edge_chrome(page.hits[i])
           and (page.words[i] >= page.settings.lead_min_words
                or (page.words[i] >= page.settings.tail_sentence_words and FULL_STOP.search(page.texts[i])))):
        page.body(i)
        i -= 1
    for i in range(region.first):
        edge = edge_chrome(page.hits[i])
        if i not in page.decided and (page.edges_are_chrome or edge):
            before_title = page.title_index is not None and i < page.title_index
            page.chrome(i, edge.rule.category if edge else ("ticker" if before_title else "template"),
                        edge.rule.id if edge else "structure.walk_head")


def is_answered_question(page: Page, i: int) -> bool:
    """An interview's question: a line ending in a question mark that the next line answers in a sentence
    (headlines of other stories are often questions too, but another headline follows them)."""
    return (page.texts[i].rstrip().endswith(QUESTION_MARKS) and i + 1 < page.n and i + 1 not in page.decided
            and page.words[i + 1] >= 2 and bool(FULL_STOP.search(page.texts[i + 1])))


def last_sentence_after(page: Page, last: int) -> int:
    """The last line after `last` ending a sentence of `brief_sentence_words` or more with a full stop, reached
    across short lines (or interview questions, or score lines) only, before any line known as chrome or
    meta; `last` if there is none."""
    settings = page.settings
    resumes = last
    for i in range(last + 1, page.n):
        if (i in page.decided and not page.is_body(i)) or edge_chrome(page.hits[i]):
            break
        if i in page.decided:
            continue
        if page.words[i] >= settings.brief_sentence_words and FULL_STOP.search(page.texts[i]):
            resumes = i
        elif (page.words[i] > settings.short_line_words and not is_answered_question(page, i)
              and not (page.words[i] <= settings.score_line_max_words and SCORE.search(page.texts[i]))):
            break
    return resumes


def walk_tail(page: Page, region: Region) -> None:
    """The article goes on past its last paragraph as far as a sentence still follows (see
    `last_sentence_after`): a price list, match results, a Q&A's short answers, a subheading stand between
    two pieces of the article, like the short lines inside the region. Then punctuated sentences that follow
    directly are body, and so are the items of a list a body line introduces with ":" (short items, or rows of
    one template: `in_templated_run`; rows of one template also go on from a region that ends among them) and
    closing lines of two words or more ended by a full stop or a question mark. From the first line that is
    none of these, the rest is chrome."""
    settings = page.settings
    resumes = last_sentence_after(page, region.last)
    in_body, in_list = True, opens_list(page.texts[region.last]) or in_templated_run(page, region.last)
    for i in range(region.last + 1, page.n):
        text, n_words = page.texts[i], page.words[i]
        if i in page.decided:
            in_body = in_body and page.is_body(i)
            in_list = in_body and opens_list(text)
            continue
        edge = edge_chrome(page.hits[i])
        sentence = ((n_words >= settings.tail_sentence_words and bool(SENTENCE_END.search(text)))
                    or (n_words >= settings.closing_min_words and bool(CLOSING_END.search(text))))
        item = in_list and (is_list_item(text, n_words, settings.headline_max_words, settings.short_line_words)
                            or in_templated_run(page, i))
        if not edge and (i <= resumes or (in_body and (sentence or item)) or not page.edges_are_chrome):
            page.body(i)
            in_list = item or opens_list(text)
            continue
        in_body = False
        page.chrome(i, edge.rule.category if edge else "template", edge.rule.id if edge else "structure.walk_tail")


def fill_body(page: Page) -> None:
    """Inside the region, whatever is left is body: subheadings and short paragraphs included."""
    for i in range(page.n):
        page.decided.setdefault(i, Line(i + 1, page.texts[i], "body"))


def no_article(page: Page, rule: str = "structure.find_article_region") -> Labelled:
    """Every line chrome or meta: nothing reads as an article (the title, if one was chosen, too)."""
    lines = [page.decided[i] if i in page.decided and page.decided[i].label != "title"
             else Line(i + 1, page.texts[i], "chrome", "template", rule)
             for i in range(page.n)]
    return Labelled(lines, page.hits, None, has_body=False)


def make_page(lines: Sequence[str], rules: tuple[Rule, ...] | None = None, edges_are_chrome: bool = True,
              folded_lines: Sequence[str] | None = None, word_counts: Sequence[int] | None = None,
              settings: LabelSettings = DEFAULT_SETTINGS) -> Page:
    """A page of lines, nothing decided yet: each line folded, counted and matched against the rules once."""
    texts = list(lines)
    folded = list(folded_lines) if folded_lines is not None else [fold(t) for t in texts]
    words = list(word_counts) if word_counts is not None else [count_words(t) for t in texts]
    hits = {i: match_folded(texts[i], folded[i], words[i], rules) for i in range(len(texts))}
    return Page(texts, folded, words, hits, settings, edges_are_chrome)


def label_page(lines: tuple[str, ...] | list[str], title_hint: str | None = None,
               site_chrome: frozenset[str] = frozenset(), rules: tuple[Rule, ...] | None = None,
               edges_are_chrome: bool = True, folded_lines: Sequence[str] | None = None,
               word_counts: Sequence[int] | None = None,
               settings: LabelSettings = DEFAULT_SETTINGS) -> tuple[Page, Region | None, str]:
    """The structural steps over one document: the page as decided, and its article region (None: no article,
    the step that said so is the rule)."""
    page = make_page(lines, rules, edges_are_chrome, folded_lines, word_counts, settings)
    mark_strong(page, site_chrome)
    mark_repeated_short_lines(page)
    mark_date_lines(page)
    title_folded = mark_title(page, title_hint)
    if title_folded:
        mark_title_copies(page, title_folded)
    mark_meta_fields(page)
    if edges_are_chrome:  # trafilatura's HTML output keeps the article's own lists, not other stories'
        mark_glued_teasers(page)
        mark_headline_lists(page)
    values = prose_values(page)  # read by the next three steps, which decide nothing before the last
    found = teasers(page, values) if edges_are_chrome else set()
    region = find_article_region(page, values=values, teaser_lines=found)
    if region is None:
        return page, None, "structure.find_article_region"
    if edges_are_chrome and is_index_page(page, values):
        return page, None, "structure.is_index_page"
    region = cut_at_end_marker(page, region, found)
    if edges_are_chrome:
        region = cut_at_gap(page, region)
        region = cut_at_list_gap(page, region)
        region = cut_at_closing_box(page, region)
    claim_lists(page, region)
    walk_head(page, region)
    walk_tail(page, region)
    fill_body(page)
    return page, region, ""


def mark_model_chrome(page: Page, region: Region, model: BoostedTrees) -> None:
    """Body lines the learned model (`line_model`) is confident are chrome: `model_chrome_probability` or
    more, on lines of `model_min_words` or more (the short lines the steps keep, they keep on purpose: a
    list a paragraph introduces, an interview's answers, a closing line)."""
    settings = page.settings
    candidates = [i for i in range(page.n) if page.is_body(i) and page.words[i] >= settings.model_min_words]
    if not candidates:
        return
    probability = model.probability(line_features(page, region, candidates))
    for i, p in zip(candidates, probability, strict=True):
        if p >= settings.model_chrome_probability:
            page.chrome(i, "model", "model.line_chrome")


def label_lines(lines: tuple[str, ...] | list[str], title_hint: str | None = None,
                site_chrome: frozenset[str] = frozenset(), rules: tuple[Rule, ...] | None = None,
                edges_are_chrome: bool = True, folded_lines: Sequence[str] | None = None,
                word_counts: Sequence[int] | None = None, settings: LabelSettings = DEFAULT_SETTINGS,
                line_model: BoostedTrees | bool | None = True) -> Labelled:
    """Label every candidate line of one document; see the module docstring for the reasoning.

    `edges_are_chrome`: in a text dump, unexplained lines before the first and after the last paragraph are
    chrome. trafilatura's HTML output has had its page chrome cut already: there, edge lines need evidence
    (a rule, a shape, the site memory) like any other line.
    `folded_lines`, `word_counts`: `fold` and `count_words` of each line, when the caller has them already (the
    pipeline computes them once per document, for the site memory and for this).
    `line_model`: the learned step for text dumps (True: the packaged model; None or False: none).
    """
    page, region, rule = label_page(lines, title_hint, site_chrome, rules, edges_are_chrome, folded_lines,
                                    word_counts, settings)
    if region is None:
        return no_article(page, rule)
    model = load_line_model() if line_model is True else (line_model or None)
    if edges_are_chrome and model is not None:
        mark_model_chrome(page, region, model)
    return Labelled([page.decided[i] for i in range(page.n)], page.hits, page.title_index, has_body=True,
                    title_uncertain=page.title_uncertain)
