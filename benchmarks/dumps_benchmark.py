"""Text-dump quality: newsclean's real pipeline against two peers on the page and region dumps of shared/bench.

Usage: python benchmarks/dumps_benchmark.py [--sets page-dumps region-dumps] [--systems newsclean c4 trafilatura]
                                            [--json PATH] [--pages-out PATH]

* newsclean: `runs.run_local` over the set's raw files, as `newsclean run` and `newsclean eval` do (decode,
  extract, label, site memory, dedupe, validation; quarantined articles count as rejected). The shared scorer
  (`shared/tools/score.py`) is run on that output too, and its summary line must equal ours.
* c4: C4's line rule as the issue states it: keep lines of 3 words or more ending in . ! ? ؟ (inside closing
  quotes or brackets too) or in a closing quote ” » " (C4 counts an end quotation mark as terminal).
* trafilatura: `trafilatura.extract` (default options) of the dump with each line wrapped as one `<p>`.

Scores are `newsclean.evaluate.score` (score.py's definitions): macro F1 over pages (a rejected page counts 0),
wrongly rejected, and chrome lines kept = gold chrome lines found as a whole line of an output body (score.py's
leaks), per written article. Titles are not labelled in these sets, so they are not reported.
Each set is also scored on two halves, split by a hash of the page id (`split_of`), the same for both sets:
`dev` (the pages looked at while writing the labeller) and `held-out` (checked, not studied).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsclean.evaluate import Summary, gold_inputs, load_predictions, score
from newsclean.extract import split_lines
from newsclean.runs import run_local
from newsclean.textnorm import count_words

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
BENCH = SHARED / "bench"
SETS = ("page-dumps", "region-dumps")
SYSTEMS = ("newsclean", "c4", "trafilatura")
RESULTS_PATH = REPO_ROOT / "benchmarks" / "results" / "dumps_benchmark.json"
SPLITS = ("all", "dev", "held-out")

# C4 (Raffel et al. 2020) keeps lines ending in terminal punctuation or an end quotation mark; the issue adds
# Arabic's question mark and closing guillemets, and keeps its 3-word minimum.
C4_TERMINAL = (".", "!", "?", "؟")
C4_END_QUOTES = ("”", "»", '"')
C4_CLOSERS = "\"'’”»)]"
C4_MIN_WORDS = 3

Predictions = dict[str, dict[str, Any]]


def split_of(name: str) -> str:
    """`dev` or `held-out` for a page file name: half the pages each, by a hash (stable across runs)."""
    return "dev" if hashlib.sha256(Path(name).stem.encode()).digest()[0] % 2 == 0 else "held-out"


def dump_lines(path: Path) -> tuple[str, ...]:
    """The dump's non-blank lines, as newsclean's text path splits them."""
    return split_lines(path.read_text(encoding="utf-8"))


def c4_body(lines: Sequence[str]) -> str:
    """C4's line filter."""
    return "\n".join(line for line in lines if count_words(line) >= C4_MIN_WORDS
                     and (line.rstrip(C4_CLOSERS).endswith(C4_TERMINAL) or line.endswith(C4_END_QUOTES)))


def trafilatura_body(lines: Sequence[str]) -> str:
    """trafilatura alone on the dump, each line one paragraph."""
    import trafilatura

    page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    return trafilatura.extract(page) or ""


def peer_predictions(raw_files: Sequence[Path], body_of: Callable[[Sequence[str]], str]) -> Predictions:
    """A peer's predictions in score.py's form; an empty body counts as a rejection."""
    preds: Predictions = {}
    for path in raw_files:
        body = body_of(dump_lines(path))
        preds[path.name] = ({"file": path.name, "title": None, "body": body} if body.strip()
                            else {"file": path.name, "rejected": "empty"})
    return preds


def newsclean_predictions(raw_files: Sequence[Path], gold_dir: Path, work: Path) -> Predictions:
    """The pipeline's output over the set, and a check that score.py reads it as we do."""
    out = work / f"newsclean-{gold_dir.parent.name}"
    run_local([str(p) for p in raw_files], out)
    preds = load_predictions(out)
    theirs = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(gold_dir), str(out)],
                            capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
    ours = score(gold_dir, preds).line(scorer_format=True)
    if ours != theirs:
        raise SystemExit(f"newsclean.evaluate disagrees with score.py:\n ours:   {ours}\n theirs: {theirs}")
    return preds


def split_gold(gold_dir: Path, work: Path) -> dict[str, Path]:
    """Gold folders for the whole set and each half (links to the gold files)."""
    folders = {"all": gold_dir}
    for half in SPLITS[1:]:
        folder = work / f"gold-{gold_dir.parent.name}-{half}"
        folder.mkdir(parents=True, exist_ok=True)
        for path in gold_dir.glob("*.json"):
            if split_of(path.name) == half:
                (folder / path.name).symlink_to(path)
        folders[half] = folder
    return folders


def summarise(summary: Summary) -> dict[str, Any]:
    """The numbers this benchmark reports for one system on one (part of a) set."""
    written = summary.articles
    # 6 digits: the table prints 3 of them, and rounding twice (0.93453 -> 0.9345 -> 0.934) would print another
    # figure than `newsclean eval` (0.935)
    return {"pages": len(summary.docs), "macro_f1": round(summary.macro_f1, 6),
            "micro_f1": round(summary.micro_f1, 6), "precision": round(summary.precision, 6),
            "recall": round(summary.recall, 6), "articles": written, "wrongly_rejected": summary.wrongly_rejected,
            "chrome_lines_kept": summary.leaks,
            "chrome_lines_kept_per_article": round(summary.leaks / written, 2) if written else 0.0,
            "lost": summary.lost}


def per_page(summary: Summary, preds: Predictions) -> list[dict[str, Any]]:
    """One row per page: status (and rejection reason), F1, chrome lines kept (what to look at first)."""
    return [{"file": d.file, "split": split_of(d.file), "status": d.status,
             "rejected": preds.get(d.file, {}).get("rejected"), "precision": round(d.precision, 4),
             "recall": round(d.recall, 4), "f1": round(d.f1, 4), "chrome_lines_kept": len(d.leaks)}
            for d in summary.docs]


def run(sets: Sequence[str], systems: Sequence[str], work: Path) -> dict[str, Any]:
    """Every system on every set; scores for the whole set and for each half."""
    results: dict[str, Any] = {"sets": {}, "pages": {}}
    for name in sets:
        gold_dir = BENCH / name / "gold"
        raw_files = [Path(p) for p in gold_inputs(gold_dir, BENCH / name / "raw")]
        folders = split_gold(gold_dir, work)
        results["sets"][name], results["pages"][name] = {}, {}
        for system in systems:
            start = time.perf_counter()
            if system == "newsclean":
                preds = newsclean_predictions(raw_files, gold_dir, work)
            else:
                preds = peer_predictions(raw_files, c4_body if system == "c4" else trafilatura_body)
            seconds = time.perf_counter() - start
            scores = {half: summarise(score(folder, preds)) for half, folder in folders.items()}
            scores["seconds"] = round(seconds, 1)
            results["sets"][name][system] = scores
            results["pages"][name][system] = per_page(score(gold_dir, preds), preds)
    return results


def print_table(results: dict[str, Any]) -> None:
    """One row per set, system and split."""
    print(f"{'set':<13} {'system':<12} {'split':<9} {'pages':>5} {'macroF1':>7} {'P':>6} {'R':>6} "
          f"{'wrongly rej':>11} {'chrome kept':>11} {'per article':>11}")
    for name, systems in results["sets"].items():
        for system, scores in systems.items():
            for half in SPLITS:
                s = scores[half]
                print(f"{name:<13} {system:<12} {half:<9} {s['pages']:>5} {s['macro_f1']:>7.3f} "
                      f"{s['precision']:>6.3f} {s['recall']:>6.3f} {s['wrongly_rejected']:>11} "
                      f"{s['chrome_lines_kept']:>11} {s['chrome_lines_kept_per_article']:>11.2f}")


def git_commit() -> str:
    """The commit measured (with '+dirty' when the worktree has changes)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPO_ROOT), *args], capture_output=True, text=True).stdout.strip()
    return git("rev-parse", "--short", "HEAD") + ("+dirty" if git("status", "--porcelain", "--", "newsclean")
                                                   else "")


def save_results(results: dict[str, Any], path: Path, print_table: Callable[[dict[str, Any]], None]) -> None:
    """Stamp the results with the commit they measure, write them to `path` and print their table."""
    results["commit"] = git_commit()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"commit {results['commit']}")
    print_table(results)
    print(f"\nresults and per-page rows: {path}")


def main(argv: Sequence[str] | None = None) -> None:
    """CLI entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS, default=list(SYSTEMS))
    parser.add_argument("--json", type=Path, default=RESULTS_PATH, help=f"results file (default: {RESULTS_PATH})")
    args = parser.parse_args(argv)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="dumps-bench-") as work:
        results = run(args.sets, args.systems, Path(work))
    save_results(results, args.json, print_table)


if __name__ == "__main__":
    main()
