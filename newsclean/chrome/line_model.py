"""A learned second opinion on a text dump's body lines: gradient-boosted trees over each line's shape, its
neighbours and the labeller's own decisions, trained by `benchmarks/train_line_model.py`.

Why: after the structural steps, the chrome a dump still keeps sits inside the article region and looks
like prose one line at a time (other stories' headlines between paragraphs, comment threads, promo blurbs);
what gives it away is a mix of weak signals (no word shared with the article, the neighbours' shape, where
it stands) that a model weighs better than hand-set thresholds. It only removes lines the labeller kept, and
only when it is confident: a body line lost costs more than a chrome line kept.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, groupby
from typing import TYPE_CHECKING

import numpy as np

from newsclean.chrome.lines import (
    FULL_STOP_INSIDE,
    INNER_PUNCTUATION,
    PERIOD_END,
    SENTENCE_END,
    is_date_line,
    is_headline_shaped,
    starts_as_list_item,
)
from newsclean.trees import BoostedTrees, load_packaged_trees

if TYPE_CHECKING:
    from newsclean.chrome.label import Page, Region


MODEL_FILE = "line_model.json"

FEATURES = (
    "log_words", "log_chars", "mean_word_chars", "ends_sentence", "ends_period", "inner_sentence_ends",
    "inner_punctuation", "digit_share", "capitalised_share", "upper_share", "headline_shaped", "list_item",
    "date_line", "separators", "ends_colon", "ends_question", "content_share", "rel_position",
    "in_region", "before_region", "after_region", "region_share_before", "body_words_before_share",
    "prev_body", "next_body", "prev2_body", "next2_body", "prev_log_words", "next_log_words",
    "prev_ends_sentence", "next_ends_sentence", "short_run", "body_vocab_share", "title_vocab_share",
    "repeated_in_page", "prev_vocab_share", "next_vocab_share", "body_lines_log", "lines_since_title",
    "has_hit", "neighbour_chrome",
)


def _ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def _vocab_share(words: list[str], vocabulary: Counter[str]) -> float:
    """Share of a line's content words that the rest of the article uses too (its own uses discounted)."""
    if not words:
        return 0.0
    # each distinct word once, weighted by its uses: the same sum as over every use, in fewer steps
    return sum(uses for w, uses in Counter(words).items() if vocabulary[w] > uses) / len(words)


def line_features(page: Page, region: Region, indices: Sequence[int] | None = None) -> np.ndarray:
    """One row of `FEATURES` per line of a labelled page (after `fill_body`), or per line of `indices` (the
    neighbours and the article's vocabulary are still read from every line)."""
    n, settings = page.n, page.settings
    labels = [page.decided[i].label if i in page.decided else "" for i in range(n)]
    body = [label == "body" for label in labels]
    words = page.words
    vocabulary: Counter[str] = Counter()
    for i in range(n):
        if body[i]:
            vocabulary.update(page.content(i))
    title_words = set(page.content(page.title_index)) if page.title_index is not None else set()
    repeats = Counter(page.folded)
    ends = [_ends_sentence(t) for t in page.texts]
    shaped = [words[i] < settings.list_headline_max_words and not ends[i] for i in range(n)]
    run: list[int] = []  # the length of the run of short unended lines each line stands in (0: not in one)
    for is_shaped, group in groupby(shaped):
        size = len(list(group))
        run.extend([size if is_shaped else 0] * size)
    total_body = sum(words[i] for i in range(n) if body[i]) or 1
    span = max(1, region.last - region.first)
    wanted = range(n) if indices is None else indices
    body_words_before = list(accumulate((words[i] if body[i] else 0 for i in range(n)), initial=0))
    log_words = [math.log1p(w) for w in words]
    shares: dict[int, float] = {}  # only the wanted lines and their neighbours are read

    def share(i: int) -> float:
        if i not in shares:
            shares[i] = _vocab_share(page.content(i), vocabulary)
        return shares[i]

    rows = []
    for i in wanted:
        text, w = page.texts[i], words[i]
        content = page.content(i)
        letters = sum(map(str.isalpha, text)) or 1  # map: no Python frame per character (a long body line)
        tokens = text.split()
        if text.islower():  # no capital anywhere (a line of Arabic is not lower case: it has no case at all)
            capitalised = upper = 0
        else:  # map over lists: no Python frame per token
            capitalised = sum(map(str.isupper, [t[0] for t in tokens]))
            upper = sum(map(str.isupper, tokens)) - sum(map(str.isupper, [t for t in tokens if len(t) == 1]))
        rows.append((
            log_words[i], math.log1p(len(text)), len(text) / max(1, len(tokens)), ends[i],
            bool(PERIOD_END.search(text)), len(FULL_STOP_INSIDE.findall(text)),
            len(INNER_PUNCTUATION.findall(text)), sum(map(str.isdigit, text)) / letters,
            capitalised / max(1, len(tokens)), upper / max(1, len(tokens)),
            is_headline_shaped(text, w, settings.headline_max_words), starts_as_list_item(text),
            is_date_line(text, w, settings.date_line_max_words), text.count("|") + text.count(" - "),
            text.rstrip().endswith((":", "：")), text.rstrip().endswith(("?", "؟")),
            len(content) / max(1, len(tokens)), i / max(1, n - 1),
            region.first <= i <= region.last, i < region.first, i > region.last,
            (i - region.first) / span, body_words_before[i] / total_body,
            i > 0 and body[i - 1], i + 1 < n and body[i + 1], i > 1 and body[i - 2], i + 2 < n and body[i + 2],
            log_words[i - 1] if i > 0 else 0.0, log_words[i + 1] if i + 1 < n else 0.0,
            i > 0 and ends[i - 1], i + 1 < n and ends[i + 1], math.log1p(run[i]), share(i),
            (sum(map(title_words.__contains__, content)) / len(content) if content else 0.0),
            repeats[page.folded[i]] > 1, share(i - 1) if i > 0 else 0.0, share(i + 1) if i + 1 < n else 0.0,
            math.log1p(sum(body)),
            (i - page.title_index) / max(1, n) if page.title_index is not None else -1.0,
            bool(page.hits.get(i)),
            sum(1 for j in (i - 1, i + 1) if 0 <= j < n and labels[j] == "chrome"),
        ))
    return np.array(rows, dtype=np.float32).reshape(len(rows), len(FEATURES))


@cache
def load_line_model() -> BoostedTrees | None:
    """The packaged model, or None when there is none or it was trained on other features."""
    return load_packaged_trees("newsclean.chrome", MODEL_FILE, FEATURES)
