"""Score trafilatura alone and newsclean side by side on the article-extraction-benchmark (Scrapinghub).

Usage: python benchmarks/extraction_benchmark.py [--bench-dir PATH] [--limit N]

The metric re-implements the upstream evaluate.py as the benchmark's README describes it:

* tokens: ``re.findall(r"\\w+", text)``, case kept. Upstream compiles ``\\w+`` with re.IGNORECASE, which does
  not change what findall returns, and never lower-cases; so neither do we ("Apple" != "apple").
* shingles: 4-token tuples as a multiset per page; a text of 1-3 tokens is one short shingle, an empty text
  has none (upstream's ``range(max(1, len(tokens) - n + 1))`` with empty shingles dropped).
* per page: TP/FP/FN from the two multisets, then divided by TP+FP+FN so every page weighs the same.
* per-page precision/recall (upstream's definitions): 1.0 when FP == FN == 0; precision 0.0 when TP == FP == 0,
  recall 0.0 when TP == FN == 0; else TP/(TP+FP), TP/(TP+FN).
* averages: precision is averaged over the pages with TP+FP > 0 (a non-empty prediction), recall over the
  pages with TP+FN > 0 (a non-empty gold). So, as upstream, an EMPTY prediction (trafilatura's None, a
  newsclean Rejection) is left out of the precision mean (it costs recall only). The JSON also carries
  ``precision_empty_as_zero`` (empty predictions counted as precision 0 over all pages) as a supplement.
* F1 = harmonic mean of the two means; accuracy = share of pages whose token lists are equal.
* per-page F1 (not an upstream number; used to rank pages) = 2PR/(P+R) of that page, 0.0 when P+R == 0.
* ± = standard deviation over 1000 bootstrap resamples of the pages (fixed seed; the same resampled page
  indices for both systems, so their stds are comparable).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import trafilatura  # imported up front so neither system's timing pays the import
from rich.console import Console
from rich.progress import track

from newsclean.pipeline import clean_document
from newsclean.records import Article, RawDoc, Rejection

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH_DIR = REPO_ROOT.parent / "shared" / "bench" / "article-extraction-benchmark"
RESULTS_PATH = REPO_ROOT / "benchmarks" / "results" / "extraction_benchmark.json"
NGRAM_N = 4
N_BOOTSTRAP = 1000
SEED = 20240601
N_WORST = 10

TpFpFn = tuple[float, float, float]


def tokenize(text: str) -> list[str]:
    """Upstream tokens: \\w+ runs, case kept."""
    return re.findall(r"\w+", text or "")


def shingles(text: str, n: int = NGRAM_N) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; shorter texts give one short shingle, empty texts none."""
    tokens = tokenize(text)
    grams = (tuple(tokens[i: i + n]) for i in range(max(1, len(tokens) - n + 1)))
    return Counter(g for g in grams if g)


def match(gold: str, pred: str) -> TpFpFn:
    """TP/FP/FN of shingles for one page, normalised to sum to 1 (all zero when both are empty)."""
    gold_sh, pred_sh = shingles(gold), shingles(pred)
    tp = sum((gold_sh & pred_sh).values())
    fp = sum((pred_sh - gold_sh).values())
    fn = sum((gold_sh - pred_sh).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_score(tp: float, fp: float, fn: float) -> float:
    """Upstream per-page precision (1 for two empty texts, 0 for an empty prediction)."""
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall_score(tp: float, fp: float, fn: float) -> float:
    """Upstream per-page recall (1 for two empty texts, 0 for an empty gold)."""
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_f1(counts: TpFpFn) -> float:
    """F1 of one page from its upstream precision and recall; 0 when both are 0."""
    p, r = precision_score(*counts), recall_score(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def _mean(values: Sequence[float]) -> float:
    return statistics.mean(values) if values else 0.0


def aggregate(counts: Sequence[TpFpFn]) -> dict[str, float]:
    """Upstream precision/recall means (over non-empty predictions / non-empty golds) and their F1."""
    precision = _mean([precision_score(*c) for c in counts if c[0] + c[1] > 0])
    recall = _mean([recall_score(*c) for c in counts if c[0] + c[2] > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


@dataclass(slots=True)
class SystemRun:
    """One system's predictions and per-page scores over the benchmark pages."""

    name: str
    predictions: list[str] = field(default_factory=list)
    counts: list[TpFpFn] = field(default_factory=list)
    exact: list[float] = field(default_factory=list)
    seconds: float = 0.0
    rejections: dict[str, str] = field(default_factory=dict)  # page id -> reason (newsclean only)

    def add(self, gold: str, pred: str, seconds: float) -> None:
        """Score one page's prediction against its gold."""
        self.predictions.append(pred)
        self.counts.append(match(gold, pred))
        self.exact.append(float(tokenize(gold) == tokenize(pred)))
        self.seconds += seconds

    def summary(self, resamples: Sequence[Sequence[int]]) -> dict[str, Any]:
        """Headline metrics, bootstrap stds and a few counts."""
        metrics: dict[str, Any] = aggregate(self.counts)
        metrics["accuracy"] = _mean(self.exact)
        boot: dict[str, list[float]] = {}
        for indices in resamples:
            for key, value in aggregate([self.counts[i] for i in indices]).items():
                boot.setdefault(key, []).append(value)
            boot.setdefault("accuracy", []).append(_mean([self.exact[i] for i in indices]))
        for key, values in boot.items():
            metrics[f"{key}_std"] = statistics.stdev(values) if len(values) > 1 else 0.0
        metrics["pages"] = len(self.counts)
        metrics["seconds"] = self.seconds
        metrics["empty_predictions"] = sum(1 for p in self.predictions if not tokenize(p))
        metrics["precision_empty_as_zero"] = _mean([precision_score(*c) for c in self.counts])
        return metrics


def load_pages(bench_dir: Path, limit: int | None) -> list[tuple[str, dict[str, str]]]:
    """Gold items sorted by id, the first `limit` of them when given."""
    gold: dict[str, dict[str, str]] = json.loads((bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    items = sorted(gold.items())
    return items[:limit] if limit is not None else items


def _timed(func: Callable[[], str]) -> tuple[str, float]:
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def run(bench_dir: Path, limit: int | None) -> dict[str, Any]:
    """Run both systems on every page and build the results record."""
    pages = load_pages(bench_dir, limit)
    baseline, ours = SystemRun("trafilatura"), SystemRun("newsclean")
    # trafilatura with the options newsclean passes it (comments off): shows what the line classifier adds
    same_options = SystemRun("trafilatura_no_comments")
    quiet = not sys.stderr.isatty()
    for page_id, item in track(pages, description="extracting", transient=True, disable=quiet,
                               console=Console(stderr=True)):
        gold = item.get("articleBody", "")
        path = bench_dir / "html" / f"{page_id}.html.gz"
        data = gzip.decompress(path.read_bytes())
        html = data.decode("utf-8")  # upstream reads the pages as UTF-8 text

        text, seconds = _timed(lambda html=html: trafilatura.extract(html) or "")
        baseline.add(gold, text, seconds)
        text, seconds = _timed(lambda html=html: trafilatura.extract(html, include_comments=False) or "")
        same_options.add(gold, text, seconds)

        start = time.perf_counter()
        outcome: Article | Rejection = clean_document(RawDoc(str(path), data, hashlib.sha256(data).hexdigest()))
        seconds = time.perf_counter() - start
        if isinstance(outcome, Rejection):
            ours.rejections[page_id] = f"{outcome.reason.value}: {outcome.detail}"
            ours.add(gold, "", seconds)
        else:
            ours.add(gold, outcome.body, seconds)

    rng = random.Random(SEED)
    n = len(pages)
    resamples = [[rng.randrange(n) for _ in range(n)] for _ in range(N_BOOTSTRAP)] if n else []
    per_page = []
    for i, (page_id, item) in enumerate(pages):
        per_page.append({
            "id": page_id, "url": item.get("url", ""),
            "trafilatura_f1": page_f1(baseline.counts[i]), "newsclean_f1": page_f1(ours.counts[i]),
            "newsclean_rejection": ours.rejections.get(page_id),
        })
    worst = sorted(per_page, key=lambda p: p["newsclean_f1"] - p["trafilatura_f1"])[:N_WORST]
    return {
        "benchmark": {"dir": str(bench_dir), "pages": n, "ngram_n": NGRAM_N, "n_bootstrap": N_BOOTSTRAP,
                      "seed": SEED, "trafilatura_version": version("trafilatura"),
                      "newsclean_version": version("newsclean")},
        "systems": {
            "trafilatura": baseline.summary(resamples),
            "trafilatura_no_comments": same_options.summary(resamples),
            "newsclean": {**ours.summary(resamples), "rejections": dict(sorted(ours.rejections.items()))},
        },
        "newsclean_worst_vs_trafilatura": [
            {"id": p["id"], "url": p["url"], "trafilatura_f1": p["trafilatura_f1"], "newsclean_f1": p["newsclean_f1"],
             "delta": p["newsclean_f1"] - p["trafilatura_f1"]} for p in worst
        ],
        "per_page": per_page,
    }


def print_table(results: dict[str, Any]) -> None:
    """The headline table, then the pages where newsclean loses most."""
    print(f"{'system':<24} {'F1':>6} {'prec':>6} {'recall':>6} {'acc':>6} {'±std F1':>8} {'pages':>5} {'seconds':>8}")
    for name, m in results["systems"].items():
        print(f"{name:<24} {m['f1']:>6.3f} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['accuracy']:>6.3f} "
              f"{m['f1_std']:>8.3f} {m['pages']:>5d} {m['seconds']:>8.1f}")
    print(f"\nnewsclean vs trafilatura, largest per-page F1 losses (rejected pages: "
          f"{len(results['systems']['newsclean']['rejections'])}):")
    print(f"{'id':<16} {'trafilatura':>11} {'newsclean':>9} {'delta':>7}")
    for p in results["newsclean_worst_vs_trafilatura"]:
        print(f"{p['id'][:16]:<16} {p['trafilatura_f1']:>11.3f} {p['newsclean_f1']:>9.3f} {p['delta']:>7.3f}")


def main(argv: Sequence[str] | None = None) -> None:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH_DIR,
                        help=f"benchmark folder (default: {DEFAULT_BENCH_DIR})")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # per-page extraction warnings are noise here
    results = run(args.bench_dir.resolve(), args.limit)
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(results)
    print(f"\nresults: {RESULTS_PATH.relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
