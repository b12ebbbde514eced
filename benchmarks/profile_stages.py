"""Docs/s of newsclean's cleaning against the bare library calls, per format, on one folder of inputs.

    .venv/bin/python benchmarks/make_corpus.py /tmp/prof_corpus -n 2000 --seed 0
    .venv/bin/python benchmarks/profile_stages.py /tmp/prof_corpus [--repeat 3] [--profile text|html]

What is timed, in one process, each best of `--repeat` passes over the same files (imports, rule compilation
and model loading are warmed up first, as in a long run), in CPU seconds of this process (time.process_time:
on a machine shared with other work, wall time measures the neighbours too; on an idle core the two agree),
so docs/s is per core:

- bare text: read + decode (UTF-8, else charset-normalizer) + `ftfy.fix_text`, on every `.txt` file;
- bare html: read + decode + `trafilatura.extract(html)` (defaults), on every `.html` file;
- ours: `newsclean.pipeline.clean_paths` on the same files in batches of 500: read, decode, extract, site
  memory, labelling, metadata and language (what a batch costs before validation, linking and writing, which
  `benchmarks/run.py` measures with the rest of the flow).

The bare calls are the ones `benchmarks/run.py` times, so the ratios compare with issue 7's targets.
`--profile FORMAT` then runs ours once more under cProfile and prints the top functions by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import Counter
from pathlib import Path

from run import bare_decode  # the bare baseline of `make bench` (this folder is on sys.path)

BATCH = 500


def bare(fmt: str, paths: list[str]) -> float:
    """Seconds of the bare library calls over `paths`."""
    import ftfy
    import trafilatura

    start = time.process_time()
    for path in paths:
        with open(path, "rb") as handle:
            text = bare_decode(handle.read())
        if fmt == "text":
            ftfy.fix_text(text)
        else:
            trafilatura.extract(text)
    return time.process_time() - start


def ours(paths: list[str], seconds: Counter[str] | None = None) -> float:
    """Seconds of `clean_paths` over `paths`, in batches; stage seconds are added to `seconds`."""
    from newsclean.pipeline import clean_paths

    start = time.process_time()
    for first in range(0, len(paths), BATCH):
        result = clean_paths(paths[first:first + BATCH])
        if seconds is not None:
            seconds.update(result.stats.seconds)
    return time.process_time() - start


def warm_up(paths: dict[str, list[str]]) -> None:
    for fmt, files in paths.items():
        bare(fmt, files[:5])
        ours(files[:5])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", choices=("text", "html"), action="append", default=[])
    parser.add_argument("--only", choices=("text", "html"), help="measure one format only")
    args = parser.parse_args(argv)

    files = sorted(p for p in args.corpus.rglob("*") if p.is_file())
    paths = {"text": [str(p) for p in files if p.suffix == ".txt"],
             "html": [str(p) for p in files if p.suffix == ".html"]}
    if args.only:
        paths = {args.only: paths[args.only]}
    warm_up(paths)
    print(f"{'format':6} {'what':24} {'docs':>5} {'MB':>6} {'CPU s':>8} {'docs/s':>8} {'MB/s':>6} {'ours/bare':>9}")
    for fmt, group in paths.items():
        size = sum(Path(p).stat().st_size for p in group) / 1e6
        bare_s = min(bare(fmt, group) for _ in range(args.repeat))
        stages: Counter[str] = Counter()
        runs = []
        for _ in range(args.repeat):
            run_stages: Counter[str] = Counter()
            runs.append((ours(group, run_stages), run_stages))
        ours_s, stages = min(runs, key=lambda item: item[0])
        label = "read+decode+ftfy" if fmt == "text" else "read+decode+extract()"
        rows = ((f"bare {label}", bare_s, ""), ("ours clean_paths", ours_s, f"{bare_s / ours_s:.2f}"))
        for what, secs, ratio in rows:
            print(f"{fmt:6} {what:24} {len(group):5d} {size:6.1f} {secs:8.2f} {len(group) / secs:8.1f} "
                  f"{size / secs:6.2f} {ratio:>9}")
        # stage timers are wall time (pipeline.timed), so they include any waiting for the CPU
        print("       stages (wall s): " + ", ".join(f"{k} {v:.2f}" for k, v in stages.most_common()))
    for fmt in args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        ours(paths.get(fmt, []))
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(f"\n--- cProfile, ours on {fmt}, top 25 by own time ---")
        print("\n".join(out.getvalue().splitlines()[4:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
