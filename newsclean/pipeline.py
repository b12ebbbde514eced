"""One document's way through: read, decode, extract, label, describe; and a batch of them, with counts."""

from __future__ import annotations

import signal
import threading
from collections import Counter
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field

from newsclean import __version__
from newsclean.chrome.label import Labelled, label_lines
from newsclean.chrome.memory import SiteMemory, site_key
from newsclean.config import DEFAULT_LIMITS, Limits
from newsclean.decode import decode, read_input
from newsclean.duplicates import search_text, signature
from newsclean.extract import extract
from newsclean.language import classify as classify_language
from newsclean.listing import listing_reason
from newsclean.metadata import describe, usable_title
from newsclean.records import Article, Extracted, RawDoc, Reason, Rejection, display_path
from newsclean.stats import Stats
from newsclean.stories import story_terms
from newsclean.textnorm import count_words, fold
from newsclean.validate import check_values, recorded_chrome_rule

PIPELINE_VERSION = __version__


@dataclass(slots=True)
class BatchResult:
    """What a batch produced, and what each stage cost (its `Stats`: settling merges them into the run's and
    counts the outcomes there, once, for what is written)."""

    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    stats: Stats = field(default_factory=Stats)
    observed: SiteMemory = field(default_factory=SiteMemory)  # this batch's lines, for the run's memory
    unchanged: list[str] = field(default_factory=list)  # paths skipped: already processed with these bytes

    def add(self, other: BatchResult) -> None:
        """Append the result of the batch's next paths, cleaned apart (see `isolation.clean_isolated`)."""
        self.articles += other.articles
        self.rejections += other.rejections
        self.stats.merge(other.stats)
        self.observed.merge(other.observed)
        self.unchanged += other.unchanged

    @property
    def rejected_by_reason(self) -> Counter[str]:
        """The batch's rejections by reason code (settling may add quarantined articles to them)."""
        return Counter(rejection.reason.value for rejection in self.rejections)


def doc_id_for(sha256: str) -> str:
    """A stable id: the same input bytes always give the same id."""
    return sha256[:32]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the body's language (py3langid ships its model; nothing is downloaded)."""
    if not text.strip():
        return None
    # The first 600 characters (a paragraph or two) decide: the classifier's cost grows with the text, and on
    # the 181 real pages of shared/bench plus the gold bodies it answered the same at 400, 600, 800 and 1500.
    return classify_language(text[:600])


@dataclass(slots=True, frozen=True)
class Prepared:
    """A document decoded and split into candidate lines, waiting for its site's memory to be labelled.

    The decoded text itself is not kept: a batch holds all its documents between the two steps, and an HTML
    page's text is up to four times its bytes in memory (the largest share of a batch's peak RSS)."""

    raw: RawDoc
    encoding: str  # what the text was decoded from
    repairs: tuple[str, ...]  # what decoding repaired (ftfy, mixed encodings)
    extracted: Extracted
    site: str
    folded: tuple[str, ...]  # `fold` of each line: the site memory and the labeller both need it, once
    words: tuple[int, ...]  # `count_words` of each line, likewise


def prepare_document(raw: RawDoc, limits: Limits = DEFAULT_LIMITS,
                     stats: Stats | None = None) -> Prepared | Rejection:
    """Decode and extract one document: its candidate lines, or a Rejection saying why there are none."""
    stats = stats if stats is not None else Stats()
    with stats.timed("decode"):
        decoded = decode(raw, limits)
    if isinstance(decoded, Rejection):
        return decoded
    with stats.timed("extract"):
        try:
            extracted = extract(decoded, limits)
        except Exception as error:  # an extractor bug on one page must cost one record, not the run
            return Rejection(raw.path, raw.sha256, Reason.EXTRACTION_FAILED, f"{type(error).__name__}: {error}",
                             raw.data, doc_id_for(raw.sha256))
        folded = tuple(fold(line) for line in extracted.lines)
        words = tuple(count_words(line) for line in extracted.lines)
    return Prepared(raw, decoded.encoding, decoded.repairs, extracted, site_key(raw.path, extracted), folded, words)


def label_prepared(prepared: Prepared, site_chrome: frozenset[str] = frozenset()) -> Labelled:
    """The prepared document's lines labelled body, chrome or metadata (lexicon, structure, site memory)."""
    extracted = prepared.extracted
    return label_lines(extracted.lines, title_hint=usable_title(extracted.title), site_chrome=site_chrome,
                       edges_are_chrome=extracted.format == "text", folded_lines=prepared.folded,
                       word_counts=prepared.words)


def finish_document(prepared: Prepared, site_chrome: frozenset[str] = frozenset(),
                    limits: Limits = DEFAULT_LIMITS, stats: Stats | None = None) -> Article | Rejection:
    """Label the lines (lexicon, structure, site memory) and describe the article, or reject it."""
    stats = stats if stats is not None else Stats()
    raw, extracted = prepared.raw, prepared.extracted
    first_line = next(iter(extracted.lines), None)
    with stats.timed("classify"):
        labelled = label_prepared(prepared, site_chrome)
    body_lines = [line for line in labelled.lines if line.label == "body"]
    body = "\n".join(line.text for line in body_lines)
    n_words = count_words(body)
    if not labelled.has_body or n_words < limits.min_body_words:
        detail = "no paragraph-like lines" if not labelled.has_body else f"body has {n_words} words"
        return Rejection(raw.path, raw.sha256, Reason.NO_ARTICLE, detail, raw.data, doc_id_for(raw.sha256),
                         first_line)
    listing = extracted.signals and listing_reason(extracted.signals, [line.text for line in body_lines],
                                                  extracted.title)
    if listing:
        return Rejection(raw.path, raw.sha256, Reason.NO_ARTICLE, listing, raw.data, doc_id_for(raw.sha256),
                         first_line)
    with stats.timed("metadata"):
        fields = describe(labelled, extracted, limits.zone_for(prepared.site))
        language = detect_language(body)
    if limits.languages is not None and language not in limits.languages:
        return Rejection(raw.path, raw.sha256, Reason.LANGUAGE_EXCLUDED,
                         f"language {language} is not one of {','.join(limits.languages)}", raw.data,
                         doc_id_for(raw.sha256), first_line)
    removed = [
        {"line": line.index, "text": line.text,
         "category": line.category if line.label == "chrome" else f"meta:{line.category}", "rule": line.rule}
        for line in labelled.lines if line.label in ("chrome", "meta")
    ]
    article = Article(
        doc_id=doc_id_for(raw.sha256), source_file=raw.path, source_sha256=raw.sha256, format=extracted.format,
        encoding=prepared.encoding, language=language, title=fields.title,
        title_uncertain=fields.title is None or labelled.title_uncertain, body=body,
        published_at=fields.published.at if fields.published else None, author=fields.author,
        source_name=fields.source_name, dateline=fields.dateline, n_chars=len(body), n_words=n_words,
        removed=removed, published_date=fields.published.date if fields.published else None,
        published_time_known=bool(fields.published and fields.published.time_known),
        repairs=list(prepared.repairs),
    )
    with stats.timed("link"):  # from the body lines folded for labelling: each line is folded once
        article.body_search = search_text(body, (prepared.folded[line.index - 1] for line in body_lines))
    with stats.timed("validate"):  # the body's chrome check reads the labeller's hits, not the lexicon again
        article.checks = check_values(article, {"first_chrome_line_rule": recorded_chrome_rule(labelled)})
    add_settling_values(article, stats)
    return article


def add_settling_values(article: Article, stats: Stats | None = None) -> None:
    """Fill in what settling a batch needs of an article and does not have yet: its search text, MinHash
    signature and story terms (linking) and its derived check values (validation). Why here: all are pure
    functions of the body, so the pipeline computes them where documents are cleaned, in parallel on the
    workers, and the run's one settling process (runs.settle_batch, which calls this too, for articles made
    elsewhere) only looks them up. Whoever changes a body afterwards must clear them."""
    stats = stats if stats is not None else Stats()
    with stats.timed("link"):
        if article.body_search is None:
            article.body_search = search_text(article.body)
        if article.signature is None:
            article.signature = signature(article.body_search)
        if article.story_terms is None:
            article.story_terms = story_terms(article.body_search)
    with stats.timed("validate"):
        if article.checks is None:
            article.checks = check_values(article)


def clean_document(raw: RawDoc, limits: Limits = DEFAULT_LIMITS, site_chrome: frozenset[str] = frozenset(),
                   stats: Stats | None = None) -> Article | Rejection:
    """Decode, extract, label and describe one document: an Article, or a Rejection saying why not."""
    prepared = prepare_document(raw, limits, stats)
    if isinstance(prepared, Rejection):
        return prepared
    return finish_document(prepared, site_chrome, limits, stats)


class DocumentTimeout(Exception):
    """One document used up its time budget."""


def _on_alarm(signum: int, frame: object) -> None:
    raise DocumentTimeout


@contextmanager
def _deadline(seconds: float):  # type: ignore[no-untyped-def]
    """Interrupt the block after `seconds` (SIGALRM, so only in the main thread: Prefect's default runner
    and the CLI run tasks there; elsewhere, e.g. in Dask worker threads, the block runs unbounded)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _guarded(path: str, raw: RawDoc, limits: Limits, step, *args):  # type: ignore[no-untyped-def]
    """Run one step on one document within its time budget; a bug or a stall there becomes that document's
    rejection, never a lost run."""
    try:
        with _deadline(limits.max_seconds_per_document):
            return step(*args)
    except DocumentTimeout:
        return Rejection(path, raw.sha256, Reason.TIMEOUT, f"over {limits.max_seconds_per_document} s",
                         raw.data, doc_id_for(raw.sha256))
    except Exception as error:
        return Rejection(path, raw.sha256, Reason.EXTRACTION_FAILED, f"{type(error).__name__}: {error}",
                         raw.data, doc_id_for(raw.sha256))


@dataclass(slots=True, frozen=True)
class BatchContext:
    """What a batch needs from its run: limits, the sites' memory, the input roots, and which of the batch's
    paths were already processed with these exact bytes (path -> sha256), to be skipped as unchanged."""

    limits: Limits = DEFAULT_LIMITS
    memory: SiteMemory | None = None
    roots: tuple[str, ...] = ()
    unchanged: dict[str, str] = field(default_factory=dict)


def clean_paths(paths: Iterable[str], context: BatchContext | None = None) -> BatchResult:
    """Clean a batch of files; every path ends as exactly one article, one rejection, or unchanged.

    Two steps over the batch: extract every document and record its lines in the site memory, then label
    each with what its site's pages share (earlier runs' memory included), so a batch learns in one pass.
    """
    context = context or BatchContext()
    limits, memory = context.limits, context.memory
    result = BatchResult()
    prepared: list[Prepared | Rejection] = []
    for path in paths:
        with result.stats.timed("read"):
            raw = read_input(path, limits, context.roots)
        if isinstance(raw, RawDoc) and context.unchanged.get(display_path(path)) == raw.sha256:
            result.unchanged.append(path)  # same bytes, same pipeline version: its record is already written
            continue
        prepared.append(raw if isinstance(raw, Rejection)
                        else _guarded(path, raw, limits, prepare_document, raw, limits, result.stats))
    with result.stats.timed("memory"):
        for item in prepared:
            if isinstance(item, Prepared):
                result.observed.observe(item.site, item.extracted.lines, item.folded, item.words)
        sites = set(result.observed.sites)  # only this batch's sites are copied and looked up
        known = SiteMemory()
        if memory is not None:
            known.merge(SiteMemory({site: memory.sites[site] for site in sites if site in memory.sites}))
        known.merge(result.observed)
        chrome = {site: known.chrome_lines(site) for site in sites}
    for item in prepared:
        outcome = item if isinstance(item, Rejection) else _guarded(
            item.raw.path, item.raw, limits, finish_document, item, chrome[item.site], limits, result.stats)
        if isinstance(outcome, Rejection):
            result.rejections.append(outcome)
        else:
            result.articles.append(outcome)
    return result
