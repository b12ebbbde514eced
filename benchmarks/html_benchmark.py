"""HTML quality: newsclean's real pipeline against trafilatura alone on wcxb-dev and the extraction benchmark.

Usage: python benchmarks/html_benchmark.py [--sets wcxb-dev article-extraction-benchmark] [--limit N]
                                           [--json PATH]

* newsclean: `runs.run_local` over the set's pages, as `newsclean run` does (decode, extract, label, site
  memory, dedupe, validation; a quarantined article counts as rejected). `shared/tools/score.py` is run on that
  output too and its summary line must equal ours.
* trafilatura: `trafilatura.extract` (default options) of the page's bytes; an empty result is a rejection.

Scores are `newsclean.evaluate.score` (score.py's definitions: bag-of-words macro F1 over the articles, a
rejected article counts 0). wcxb-dev's 216 listings and collections carry `expect_rejected`: they are not in
the F1; the table says how many were rejected and how many of those as `no_article`. The extraction
benchmark ships `ground-truth.json`, not gold files: they are written into a temporary folder (no title, so
titles are not reported). Each set is also scored on two halves split by a hash of the page id (the dumps
benchmark's `split_of`): `dev` (pages studied while tuning) and `held-out` (measured only). The manifest's
warnings (unusual content kept, see `validate.py`) are counted by check.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dumps_benchmark import SPLITS, save_results, split_gold, split_of, summarise

from newsclean.evaluate import gold_inputs, load_predictions, score
from newsclean.runs import run_local

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
BENCH = SHARED / "bench"
SETS = ("wcxb-dev", "article-extraction-benchmark")
RESULTS_PATH = REPO_ROOT / "benchmarks" / "results" / "html_benchmark.json"

Predictions = dict[str, dict[str, Any]]


def gold_folder(name: str, work: Path) -> Path:
    """The set's gold folder: wcxb-dev's own, or the extraction benchmark's ground truth as gold files."""
    if name != "article-extraction-benchmark":
        return BENCH / name / "gold"
    folder = work / "gold-aeb"
    folder.mkdir(parents=True, exist_ok=True)
    truth = json.loads((BENCH / name / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id, item in truth.items():
        gold = {"file": f"{page_id}.html.gz", "url": item.get("url"), "title": "", "body": item["articleBody"]}
        (folder / f"{page_id}.html.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


def trafilatura_predictions(pages: Sequence[Path]) -> Predictions:
    """trafilatura alone, default options, on each page's bytes."""
    import trafilatura

    preds: Predictions = {}
    for path in pages:
        body = trafilatura.extract(gzip.decompress(path.read_bytes())) or ""
        preds[path.name] = ({"file": path.name, "title": None, "body": body} if body.strip()
                            else {"file": path.name, "rejected": "empty"})
    return preds


def newsclean_predictions(pages: Sequence[Path], gold_dir: Path, out: Path) -> tuple[Predictions, dict[str, Any]]:
    """The pipeline's output and manifest, and a check that score.py reads the output as we do."""
    manifest = run_local([str(p) for p in pages], out)
    preds = load_predictions(out)
    theirs = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(gold_dir), str(out)],
                            capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    ours = score(gold_dir, preds).line(scorer_format=True)
    if ours != theirs:
        print(f"warning: newsclean.evaluate disagrees with score.py:\n ours:   {ours}\n theirs: {theirs}",
              file=sys.stderr)
        manifest = {**manifest, "score_py_disagrees": {"ours": ours, "theirs": theirs}}
    return preds, manifest


def rejection_counts(gold_dir: Path, preds: Predictions) -> dict[str, Any]:
    """Listings rejected (and as no_article) and articles rejected, by reason."""
    listings, listing_reasons, article_reasons, lost = 0, Counter[str](), Counter[str](), []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        reason = preds.get(gold["file"], {}).get("rejected")
        if gold.get("expect_rejected"):
            listings += 1
            listing_reasons[reason or "written as article"] += 1
        elif reason:
            article_reasons[reason] += 1
            lost.append(gold["file"])
    return {"listings": listings, "listings_no_article": listing_reasons.get("no_article", 0),
            "listing_outcomes": dict(listing_reasons), "articles_rejected_by_reason": dict(article_reasons),
            "articles_rejected": lost}


def per_page(gold_dir: Path, systems: dict[str, Predictions]) -> list[dict[str, Any]]:
    """One row per page: each system's status, rejection reason and F1."""
    rows: dict[str, dict[str, Any]] = {}
    for system, preds in systems.items():
        for doc in score(gold_dir, preds).docs:
            row = rows.setdefault(doc.file, {"file": doc.file, "split": split_of(doc.file)})
            row[system] = {"status": doc.status, "rejected": preds.get(doc.file, {}).get("rejected"),
                           "f1": round(doc.f1, 4), "title_ok": doc.title_ok}
    return list(rows.values())


def run(sets: Sequence[str], limit: int | None, work: Path) -> dict[str, Any]:
    """Both systems on every set; scores for the whole set and each half."""
    results: dict[str, Any] = {"sets": {}, "pages": {}}
    for name in sets:
        gold_dir = gold_folder(name, work)
        pages = [Path(p) for p in gold_inputs(gold_dir, BENCH / name / "html")][:limit]
        if limit is not None:  # score only the pages run
            kept = {p.name for p in pages}
            small = work / f"gold-{name}-limit"
            small.mkdir(parents=True, exist_ok=True)
            for path in gold_dir.glob("*.json"):
                if json.loads(path.read_text(encoding="utf-8"))["file"] in kept:
                    (small / path.name).symlink_to(path)
            gold_dir = small
        folders = split_gold(gold_dir, work / name)
        systems: dict[str, Predictions] = {}
        results["sets"][name] = {}
        for system in ("newsclean", "trafilatura"):
            start = time.perf_counter()
            if system == "newsclean":
                preds, manifest = newsclean_predictions(pages, gold_dir, work / f"out-{name}")
            else:
                preds, manifest = trafilatura_predictions(pages), {}
            seconds = time.perf_counter() - start
            scores: dict[str, Any] = {half: summarise(score(folder, preds)) for half, folder in folders.items()}
            scores["seconds"] = round(seconds, 1)
            scores["rejections"] = rejection_counts(gold_dir, preds)
            if manifest:
                scores["warnings"] = manifest.get("warnings", {})
                scores["score_py_disagrees"] = manifest.get("score_py_disagrees")
            results["sets"][name][system] = scores
            systems[system] = preds
        results["pages"][name] = per_page(gold_dir, systems)
    return results


def print_table(results: dict[str, Any]) -> None:
    """One row per set, system and split; then listings and rejection reasons."""
    print(f"{'set':<13} {'system':<12} {'split':<9} {'pages':>5} {'macroF1':>7} {'P':>6} {'R':>6} "
          f"{'wrongly rej':>11} {'listings rej':>12} {'seconds':>8}")
    for name, systems in results["sets"].items():
        for system, scores in systems.items():
            rej = scores["rejections"]
            for half in SPLITS:
                s = scores[half]
                listings = (f"{rej['listings_no_article']}/{rej['listings']}" if half == "all" and rej["listings"]
                            else "")
                print(f"{name[:13]:<13} {system:<12} {half:<9} {s['pages']:>5} {s['macro_f1']:>7.3f} "
                      f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['wrongly_rejected']:>11} {listings:>12} "
                      f"{scores['seconds'] if half == 'all' else '':>8}")
    for name, systems in results["sets"].items():
        for system, scores in systems.items():
            rej = scores["rejections"]
            print(f"{name} {system}: listings {rej['listing_outcomes']}; articles rejected "
                  f"{rej['articles_rejected_by_reason']}" + (f"; warnings {scores['warnings']}"
                                                             if "warnings" in scores else ""))


def main(argv: Sequence[str] | None = None) -> None:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    parser.add_argument("--json", type=Path, default=RESULTS_PATH, help=f"results file (default: {RESULTS_PATH})")
    args = parser.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="html-bench-") as work:
        results = run(args.sets, args.limit, Path(work))
    save_results(results, args.json, print_table)


if __name__ == "__main__":
    main()
