"""Cost per article of settling (link and write) along a run, on the articles an earlier run wrote.

    .venv/bin/python benchmarks/profile_settle.py OUT_OF_A_RUN --docs 20000 [--windows 4] [--validate]
                                                 [--profile FROM TO] [--cache /tmp/settle-articles.pkl]
                                                 [--shuffle SEED] [--pragma 'journal_mode = WAL']

The articles of OUT_OF_A_RUN's Parquet parts (in the order they were written, e.g. the `topical-serial` output
`run.py --keep` leaves) are read back as `Article`s, their settling values filled in (search text, signature,
story terms, check values: cached in `--cache`), and settled again by `runs.settle_batch` into a new output,
one written part a batch. Printed: each stage's seconds per 10,000 documents in `--windows` windows of the
replay, first vs last. Validation is stubbed (all rows pass) unless `--validate`: it does not grow and costs
as much as linking. Why: link and write depend only on what was settled before, so their growth shows in a few
minutes without cleaning the corpus again.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import glob
import os
import pickle
import pstats
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


def load_articles(out_dir: str, docs: int, cache: str | None) -> list:
    """The first `docs` articles of a run's output, settling values filled in (from `cache` when it holds
    at least as many)."""
    if cache and os.path.exists(cache):
        with open(cache, "rb") as handle:
            articles = pickle.load(handle)
        if len(articles) >= docs:
            return articles[:docs]
    import pyarrow.parquet as pq

    from newsclean.pipeline import add_settling_values
    from newsclean.records import Article

    fields = {f.name for f in dataclasses.fields(Article)}
    articles = []
    for path in sorted(glob.glob(os.path.join(out_dir, "articles", "*.parquet"))):
        for row in pq.read_table(path).to_pylist():
            article = Article(**{k: v for k, v in row.items() if k in fields and k not in (
                "near_duplicate_of", "near_duplicate_score", "story_id", "body_search")})
            add_settling_values(article)
            articles.append(article)
        if len(articles) >= docs:
            break
    if cache:
        with open(cache, "wb") as handle:
            pickle.dump(articles, handle)
    return articles[:docs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run_output")
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--windows", type=int, default=4)
    parser.add_argument("--validate", action="store_true")
    parser.add_argument("--profile", type=int, nargs=2, metavar=("FROM", "TO"),
                        help="cProfile the batches settling documents FROM to TO, print the top by own time")
    parser.add_argument("--cache")
    parser.add_argument("--shuffle", type=int, metavar="SEED",
                        help="settle the articles in a random order (the same mix of dated and undated, HTML and "
                             "text in every window, so first vs last shows growth alone)")
    parser.add_argument("--pragma", action="append", default=[], help="run on the state database first, e.g. "
                        "'journal_mode = WAL' (to compare settings)")
    args = parser.parse_args(argv)

    from newsclean import runs
    from newsclean.pipeline import BatchResult
    from newsclean.validate import Outcome

    articles = load_articles(args.run_output, args.docs, args.cache)
    if args.shuffle is not None:
        random.Random(args.shuffle).shuffle(articles)
    if not args.validate:
        runs.validate_articles = lambda *_a, **_k: Outcome()  # type: ignore[assignment]
    out = tempfile.mkdtemp(prefix="settle-")
    run = runs.start_run(out, [])
    run.db.commit()  # a pragma such as synchronous may not change inside a transaction
    for pragma in args.pragma:
        run.db.execute(f"PRAGMA {pragma}")
    stages = ("validate", "link", "write")
    marks: list[tuple[int, dict[str, float], float]] = []  # (documents settled, stage seconds, RSS MB)
    profile = cProfile.Profile() if args.profile else None
    start = time.perf_counter()
    try:
        for number, first in enumerate(range(0, len(articles), args.batch_size)):
            batch = articles[first:first + args.batch_size]
            profiled = profile is not None and args.profile[0] <= first < args.profile[1]
            if profiled:
                profile.enable()
            runs.settle_batch(run, BatchResult(articles=list(batch)), number)
            if profiled:
                profile.disable()
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            marks.append((first + len(batch), {s: run.stats.seconds[s] for s in stages}, rss))
        tables = run.db.execute("SELECT name, count(*) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    finally:
        runs.close_run(run)
        state_mb = os.path.getsize(Path(out) / "state" / "index.sqlite") / 1e6
        shutil.rmtree(out, ignore_errors=True)
    wall = time.perf_counter() - start
    size = len(articles) / args.windows
    rows, done, last = [], 0.0, (0, dict.fromkeys(stages, 0.0), 0.0)
    for mark in marks:
        if mark[0] >= done + size - 1e-9 or mark is marks[-1]:
            docs = mark[0] - last[0]
            rows.append((last[0], mark[0], {s: (mark[1][s] - last[1][s]) / docs * 10_000 for s in stages}, mark[2]))
            last, done = mark, mark[0]
    print(f"{len(articles)} articles settled in {wall:.1f} s, batches of {args.batch_size}; state "
          f"{state_mb:.0f} MB")
    print("pages: " + ", ".join(f"{name} {pages}" for name, pages in tables))
    print("docs            " + "".join(f"{s:>10}" for s in stages) + "   peak RSS MB")
    for low, high, cost, rss in rows:
        print(f"{low + 1:>6}-{high:<8} " + "".join(f"{cost[s]:>10.2f}" for s in stages) + f"   {rss:8.0f}")
    first_row, last_row = rows[0][2], rows[-1][2]
    print("last/first      " + "".join(f"{last_row[s] / first_row[s] if first_row[s] else 0:>10.2f}" for s in stages))
    if profile:
        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
