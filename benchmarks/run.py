"""Load benchmark of the clean-news flow on the synthetic corpus (issue 7): throughput against the bare library
calls, time per stage, Prefect's overhead, peak RSS, worker processes and Dask scaling, in one run; a table and a
JSON file.

    python benchmarks/run.py [--n 10000] [--large 100000] [--seed 0] [--work DIR] [--skip-large] [--skip-dask]
                             [--batch-size 500] [--keep] [--json benchmarks/results/bench.json]
                             [--topical 20000] [--topical-only]
    python benchmarks/run.py --report RESULTS.json     # print the tables of an earlier run
    python benchmarks/run.py --fixed-costs [--repeat 5] # a small run's fixed costs (fixed_costs.py, issue 18)

Every measured run is its own Python process (peak RSS is that process's, no Prefect state leaks between runs);
this process only generates the corpus, starts the Prefect server and the children, and reports. The targets are
reported, never enforced: this is a measurement, not a test. See benchmarks/README.md for what each number means.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from newsclean.stats import INPUTS_SEEN, Stats  # noqa: E402  (light: no Prefect, no GX)

MAKE_CORPUS = ROOT / "benchmarks" / "make_corpus.py"
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "bench.json"
FORMATS = {".txt": "text", ".html": "html"}
# the stages the issue names, in pipeline order; the manifest may time more (read, memory, link): shown too
STAGES = ("read", "decode", "extract", "memory", "classify", "metadata", "validate", "link", "write")
ISSUE_STAGES = ("decode", "extract", "classify", "metadata", "validate", "write")
# the newsclean calls the flow makes; time spent outside them during the flow call is Prefect's
WRAPPED = ("start_run", "select_inputs", "batch_context", "clean_paths", "settle_batch", "finish_run",
           "manifest_markdown", "manifest_rows")
PACKAGES = ("newsclean", "prefect", "prefect-dask", "dask", "distributed", "trafilatura", "ftfy", "charset-normalizer",
            "great-expectations", "pyarrow", "polars", "lxml", "py3langid", "rich")
WARMUP_DOCS = 12
MB = 1e6


# --- children: one measured run each ---------------------------------------------------------------------------

def _timed_call(function: Callable[..., Any], name: str, seconds: Counter[str],
                calls: Counter[str]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[name] += time.perf_counter() - start
            calls[name] += 1

    return wrapper


def _current_rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def _progress_recorder(function: Callable[..., Any], path: Path, start: list[float]) -> Callable[..., Any]:
    """settle_batch, also appending (batch, seconds since the flow call, RSS now, the run's stats so far:
    inputs seen and seconds per stage) to a JSON-lines file: an interrupted run still says how far it got, how
    fast and how large, and the stats' growth per batch is the cost of each stage along the run."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        value = function(*args, **kwargs)
        stats: Stats = (args[0] if args else kwargs["run"]).stats
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"batch": args[2] if len(args) > 2 else kwargs.get("batch_number"),
                                     "seconds": round(time.perf_counter() - start[0], 3),
                                     "rss_mb": round(_current_rss_mb(), 1),
                                     "inputs": stats.counts[INPUTS_SEEN],
                                     "stage_seconds": {k: round(v, 4) for k, v in stats.seconds.items()}}) + "\n")
        return value

    return wrapper


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError, ValueError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return found + [grandchild for child in found for grandchild in _descendants(child)]


def _sample_worker_rss(peaks: dict[str, float], stop: threading.Event) -> None:
    """Peak RSS of the spawned worker processes under this one (the flow's process pool), each and summed,
    every 0.5 s. Why sampled: RUSAGE_CHILDREN's peak also counts every forked helper (ldconfig, uname), whose
    RSS at the fork is this process's, so it says nothing about the workers."""
    while not stop.wait(0.5):
        total = 0.0
        for pid in _descendants(os.getpid()):
            with contextlib.suppress(OSError, ValueError):
                if b"spawn_main" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                    continue
                status = Path(f"/proc/{pid}/status").read_text().splitlines()
                rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024
                total += rss
                peaks["worker"] = max(peaks.get("worker", 0.0), rss)
        peaks["workers_sum"] = max(peaks.get("workers_sum", 0.0), total)


def _latest_manifest(out: Path) -> dict[str, Any] | None:
    runs = sorted((out / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
    return json.loads(runs[-1].read_text(encoding="utf-8")) if runs else None


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def child_flow(spec: dict[str, Any]) -> dict[str, Any]:
    """Run the flow once, here, as `newsclean run` would; time the call and the newsclean calls inside it."""
    started = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    import flows.clean_news as module
    import flows.runners as runners

    inside: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    flow_start = [time.perf_counter()]
    for name in WRAPPED:  # the flow, its tasks and its runners look these names up in their module at call time
        owner = module if hasattr(module, name) else runners
        setattr(owner, name, _timed_call(getattr(owner, name), name, inside, calls))
    module.settle_batch = _progress_recorder(module.settle_batch, Path(spec["progress"]), flow_start)
    result: dict[str, Any] = {"import_seconds": time.perf_counter() - started}
    # the flow's `workers` parameter: None is its default (one process per usable core but one), 0 in-thread
    workers = spec.get("workers", 0)
    result["workers"] = runners.default_workers() if workers is None else workers
    cluster = None
    address = None
    if spec["dask_workers"]:
        from dask.distributed import LocalCluster

        start = time.perf_counter()
        cluster = LocalCluster(n_workers=spec["dask_workers"], threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        address = cluster.scheduler_address
        result["cluster_start_seconds"] = time.perf_counter() - start
    out = Path(spec["out"])
    error = None
    peaks: dict[str, float] = {}
    stop = threading.Event()
    sampler = threading.Thread(target=_sample_worker_rss, args=(peaks, stop), daemon=True)
    sampler.start()
    start = flow_start[0] = time.perf_counter()
    try:
        manifest: dict[str, Any] | None = module.clean_news(inputs=spec["inputs"], out=str(out),
                                                            batch_size=spec["batch_size"], dask_address=address,
                                                            workers=workers)
    except Exception as exc:  # a failed run check still leaves its manifest: the timings are still wanted
        error = f"{type(exc).__name__}: {exc}"
        manifest = _latest_manifest(out)
    result["flow_wall_seconds"] = time.perf_counter() - start
    stop.set()
    sampler.join()
    if cluster is not None:
        cluster.close()
    result.update(error=error, newsclean_call_seconds=dict(inside), newsclean_calls=dict(calls),
                  peak_rss_mb=_rss_mb(resource.RUSAGE_SELF), children_peak_rss_mb=_rss_mb(resource.RUSAGE_CHILDREN),
                  worker_peak_rss_mb=peaks.get("worker"), workers_sum_peak_rss_mb=peaks.get("workers_sum"))
    if manifest is not None:
        validation = manifest.get("validation", {})
        result["manifest"] = {key: manifest.get(key) for key in (
            "run_id", "wall_seconds", "inputs_seen", "new", "articles", "rejected", "unchanged",
            "rejected_by_reason", "all_inputs_accounted", "stats", "batches")}
        result["manifest"]["validation_success"] = validation.get("success")
        result["manifest"]["run_checks_failed"] = validation.get("run_checks", {}).get("failed")
    return result


def bare_decode(data: bytes) -> str:
    """The bare baseline's decoding: UTF-8, else charset-normalizer's best guess (profile_stages.py uses it too)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def child_bare(spec: dict[str, Any]) -> dict[str, Any]:
    """The library calls alone on the same files: read + decode + ftfy.fix_text for text; read + decode +
    trafilatura.extract (defaults, then include_comments=False) for HTML."""
    import ftfy
    import trafilatura

    ftfy.fix_text("warm up: cafÃ©")
    trafilatura.extract("<html><body><article><p>" + "warm up text " * 40 + "</p></article></body></html>")
    bare_decode(b"\xe9t\xe9 warm up")
    result: dict[str, Any] = {}
    for fmt in ("text", "html"):
        paths = Path(spec["lists"][fmt]).read_text(encoding="utf-8").splitlines()
        seconds: Counter[str] = Counter()
        size = 0
        for path in paths:
            start = time.perf_counter()
            with open(path, "rb") as handle:
                data = handle.read()
            read = time.perf_counter()
            text = bare_decode(data)
            decoded = time.perf_counter()
            seconds["read"] += read - start
            seconds["decode"] += decoded - read
            size += len(data)
            if fmt == "text":
                ftfy.fix_text(text)
                seconds["ftfy"] += time.perf_counter() - decoded
            else:
                trafilatura.extract(text)
                extracted = time.perf_counter()
                seconds["extract"] += extracted - decoded
                trafilatura.extract(text, include_comments=False)
                seconds["extract_no_comments"] += time.perf_counter() - extracted
        result[fmt] = {"docs": len(paths), "bytes": size, "seconds": dict(seconds)}
    result["peak_rss_mb"] = _rss_mb(resource.RUSAGE_SELF)
    return result


def child_main(spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    result = child_flow(spec) if spec["mode"] == "flow" else child_bare(spec)
    Path(spec["result"]).write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    return 0


# --- the runner ------------------------------------------------------------------------------------------------

def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def machine_info() -> dict[str, Any]:
    """What the numbers were measured on."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram_gb = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 ** 2, 1)
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = version(package)
        except PackageNotFoundError:
            versions[package] = "absent"
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True, check=False).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, check=False).stdout.strip()
    return {"nproc": os.cpu_count(), "cpus_usable": len(os.sched_getaffinity(0)), "cpu_model": cpu,
            "ram_gb": ram_gb, "python": platform.python_version(), "platform": platform.platform(),
            "git_commit": commit + ("+dirty" if dirty else ""), "versions": versions}


def make_corpus(work: Path, n: int, seed: int, created: list[Path],
                topical: bool = False) -> tuple[Path, dict[str, Any]]:
    """The synthetic corpus of n documents (reused when --work already holds it with the same parameters);
    `topical`: make_corpus.py --topical, one event's vocabulary (issue 18)."""
    folder = work / f"corpus-{'topical-' if topical else ''}{n}-seed{seed}"
    summary_path = folder / "corpus.json"
    if summary_path.exists():
        summary = json.loads(summary_path.read_text(encoding="utf-8"))
        if summary.get("parameters", {}).get("n") == n and summary["parameters"].get("seed") == seed \
                and bool(summary["parameters"].get("topical")) == topical:
            log(f"corpus: reusing {folder}")
            return folder, summary
        raise SystemExit(f"{folder} holds another corpus; remove it")
    if folder.exists():
        shutil.rmtree(folder)  # a half-written corpus of an interrupted run
    created.append(folder)
    log(f"corpus: writing {n} documents (seed {seed}) to {folder}")
    start = time.perf_counter()
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(folder), "-n", str(n), "--seed", str(seed),
                    *(["--topical"] if topical else [])], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    summary["generation_seconds"] = round(time.perf_counter() - start, 2)
    return folder, summary


def site_folders(corpus: Path) -> list[str]:
    return sorted(str(p) for p in corpus.iterdir() if p.is_dir() and p.name.startswith("site-"))


def split_views(corpus: Path, views: Path) -> dict[str, dict[str, Any]]:
    """views/text and views/html: the corpus's .txt and .html files, hard-linked under the same site folders
    (the site memory keys text dumps by folder), plus a list of each for the bare calls."""
    found: dict[str, dict[str, Any]] = {fmt: {"dir": str(views / fmt), "docs": 0, "bytes": 0,
                                              "list": str(views / f"{fmt}.list")} for fmt in FORMATS.values()}
    views.mkdir(parents=True, exist_ok=True)
    handles = {fmt: open(info["list"], "w", encoding="utf-8") for fmt, info in found.items()}  # noqa: SIM115
    try:
        for site in site_folders(corpus):
            for root, _dirs, files in os.walk(site):
                for name in sorted(files):
                    fmt = FORMATS.get(os.path.splitext(name)[1])
                    if fmt is None:
                        continue
                    source = os.path.join(root, name)
                    target = views / fmt / os.path.relpath(source, corpus)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    try:
                        os.link(source, target)
                    except OSError:
                        shutil.copyfile(source, target)
                    found[fmt]["docs"] += 1
                    found[fmt]["bytes"] += os.path.getsize(source)
                    handles[fmt].write(source + "\n")
    finally:
        for handle in handles.values():
            handle.close()
    return found


def warmup_folder(views: Path, target: Path) -> Path:
    """A few text dumps of one site: a run over them registers the flow and warms the server's database."""
    text_sites = sorted((views / "text").iterdir())
    files = sorted(p for p in text_sites[0].rglob("*.txt"))[:WARMUP_DOCS]
    (target / text_sites[0].name).mkdir(parents=True, exist_ok=True)
    for path in files:
        os.link(path, target / text_sites[0].name / path.name)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def base_env(prefect_home: Path, api_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "PREFECT_API_KEY")}
    env.update(PREFECT_HOME=str(prefect_home), PREFECT_SERVER_ANALYTICS_ENABLED="false", PYTHONUNBUFFERED="1")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


@contextlib.contextmanager
def prefect_server(home: Path, log_path: Path) -> Iterator[str]:
    """`prefect server start` on a free loopback port with its own PREFECT_HOME; yields the API URL, then stops
    the server's process group."""
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    prefect = Path(sys.executable).with_name("prefect")
    with open(log_path, "wb") as log_file:
        process = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                   env=base_env(home, None), stdout=log_file, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        start = time.perf_counter()
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"prefect server exited with {process.returncode}; see {log_path}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    break
            if time.perf_counter() - start > 180:
                raise RuntimeError(f"prefect server not healthy after 180 s; see {log_path}")
            time.sleep(0.5)
        log(f"prefect server: healthy at {url} after {time.perf_counter() - start:.1f} s")
        yield url
    finally:
        stop_group(process)


def stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop the process group a child leads (SIGTERM, then SIGKILL after 30 s); nothing else."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # anything the child left behind in its group


class Runner:
    """Starts the children, each with its spec and log file in the work folder."""

    def __init__(self, work: Path, batch_size: int, keep: bool, after: Callable[[], None]) -> None:
        self.work, self.batch_size, self.keep = work, batch_size, keep
        self.after = after  # called after every flow run: the results so far are saved
        self.runs: dict[str, dict[str, Any]] = {}
        (work / "logs").mkdir(parents=True, exist_ok=True)
        (work / "specs").mkdir(parents=True, exist_ok=True)

    def child(self, name: str, spec: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
        spec_path = self.work / "specs" / f"{name}.json"
        result_path = self.work / "specs" / f"{name}.result.json"
        progress_path = self.work / "specs" / f"{name}.progress.jsonl"
        for path in (result_path, progress_path):
            path.unlink(missing_ok=True)
        spec_path.write_text(json.dumps({**spec, "result": str(result_path), "progress": str(progress_path)}),
                             encoding="utf-8")
        log_path = self.work / "logs" / f"{name}.log"
        start = time.perf_counter()
        code: int | str = "interrupted"
        try:
            with open(log_path, "wb") as log_file:
                # its own session: on Ctrl+C here the child and whatever it started (Dask workers) are stopped
                process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", str(spec_path)],
                                           env=env, cwd=str(ROOT), stdout=log_file, stderr=subprocess.STDOUT,
                                           start_new_session=True)
            try:
                code = process.wait()
            finally:
                stop_group(process)
        finally:
            wall = time.perf_counter() - start
            progress = ([json.loads(line) for line in progress_path.read_text(encoding="utf-8").splitlines()]
                        if progress_path.exists() else [])
            if code == "interrupted":  # keep what the killed child got through
                self.runs[name] = {"name": name, "error": "interrupted", "process_wall_seconds": wall,
                                   "progress": progress, "log": str(log_path)}
        if code or not result_path.exists():
            tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
            log(f"{name}: child failed (exit {code}); last lines of {log_path}:\n  " + "\n  ".join(tail))
            return {"name": name, "error": f"child exited {code}", "process_wall_seconds": wall,
                    "progress": progress, "log": str(log_path)}
        result: dict[str, Any] = json.loads(result_path.read_text(encoding="utf-8"))
        result.update(name=name, process_wall_seconds=wall, log=str(log_path))
        if progress:
            result["progress"] = progress
        return result

    def flow(self, name: str, inputs: list[str], env: dict[str, str], dask_workers: int = 0,
             workers: int | None = 0) -> dict[str, Any]:
        """One flow run in a child. `workers` is the flow's parameter: 0 (the default here) cleans in the flow's
        thread, as every run of this benchmark did before the pool; None is the flow's own default."""
        out = self.work / "out" / name
        if out.exists():
            shutil.rmtree(out)
        log(f"{name}: flow over {len(inputs)} input folder(s)"
            + (f" on {dask_workers} Dask worker(s)" if dask_workers else "")
            + ("" if dask_workers or workers == 0 else
               f" with {'the default number of' if workers is None else workers} worker process(es)"))
        result = self.child(name, {"mode": "flow", "inputs": inputs, "out": str(out), "batch_size": self.batch_size,
                                   "dask_workers": dask_workers, "workers": workers}, env)
        if not self.keep:
            shutil.rmtree(out, ignore_errors=True)
        result["dask_workers"] = dask_workers
        analyse_flow(result)
        self.runs[name] = result
        self.after()
        if "flow_wall_seconds" in result:
            manifest = result.get("manifest") or {}
            log(f"{name}: {manifest.get('inputs_seen')} docs in {result['flow_wall_seconds']:.1f} s, "
                f"peak RSS {result['peak_rss_mb']:.0f} MB" + (f"; ERROR {result['error']}" if result["error"] else ""))
        return result


def estimate_seconds(progress: list[dict[str, Any]], batches: int) -> dict[str, float] | None:
    """Wall time of a run of `batches` batches, from one run's batch end times: each batch costs a + b * its
    index (least squares over the measured batches; b > 0 when per-batch cost grows with the run)."""
    ends = [float(row["seconds"]) for row in progress]
    if len(ends) < 4:
        return None
    costs = [later - earlier for earlier, later in itertools.pairwise(ends)]
    index = list(range(1, len(ends)))
    mean_k, mean_c = sum(index) / len(index), sum(costs) / len(costs)
    b = (sum((k - mean_k) * (c - mean_c) for k, c in zip(index, costs, strict=True))
         / sum((k - mean_k) ** 2 for k in index))
    a = mean_c - b * mean_k
    return {"first_batch_seconds": a, "growth_per_batch_seconds": b, "batches": batches,
            "linear_seconds": mean_c * batches,
            "seconds": ends[0] + a * (batches - 1) + b * batches * (batches - 1) / 2}


def stage_seconds(manifest: dict[str, Any]) -> dict[str, float]:
    """Seconds per stage of a run, read from the run's stats object in its manifest (as the manifest's own
    stage_seconds and the Prefect artifact are)."""
    return dict(Stats.from_dict(manifest.get("stats") or {}).seconds)


PER_DOCUMENTS = 10_000  # stage costs are given as seconds per this many documents
WINDOWS = 10  # the run is cut in this many windows of documents (deciles)


def stage_costs_along(progress: list[dict[str, Any]], windows: int = WINDOWS) -> list[dict[str, Any]]:
    """Each stage's cost in seconds per PER_DOCUMENTS documents, in `windows` consecutive windows of the run's
    documents, from the run's stats recorded after each batch (the growth of the stats over the window / the
    documents it settled). Windows are cut at batch ends: each holds about a `windows`-th of the documents."""
    rows = [row for row in progress if "stage_seconds" in row]
    if len(rows) < windows:
        return []
    total = rows[-1]["inputs"]
    cuts, previous = [], {"inputs": 0, "stage_seconds": {}}
    for number in range(1, windows + 1):
        end = next(row for row in rows if row["inputs"] >= total * number / windows)
        if end["inputs"] > previous["inputs"]:
            documents = end["inputs"] - previous["inputs"]
            cuts.append({"first_document": previous["inputs"] + 1, "last_document": end["inputs"],
                         "documents": documents, "rss_mb": end.get("rss_mb"),
                         "wall_seconds_per_10k": (end["seconds"] - previous.get("seconds", 0.0)) * PER_DOCUMENTS
                         / documents,
                         "seconds_per_10k": {stage: (seconds - previous["stage_seconds"].get(stage, 0.0))
                                             * PER_DOCUMENTS / documents
                                             for stage, seconds in end["stage_seconds"].items()}})
        previous = end
    return cuts


def plot_stage_costs(windows: list[dict[str, Any]], path: Path, title: str) -> Path | None:
    """A PNG of each stage's seconds per 10,000 documents along the run (matplotlib, the bench extra); None
    when matplotlib is not installed."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        log("matplotlib is not installed (pip install -e '.[bench]'): no plot")
        return None
    stages = [s for s in STAGES if any(s in w["seconds_per_10k"] for w in windows)]
    x = [w["last_document"] for w in windows]
    figure, axis = plt.subplots(figsize=(9, 5), dpi=100)
    for stage in stages:
        axis.plot(x, [w["seconds_per_10k"].get(stage, 0.0) for w in windows], marker="o", label=stage)
    axis.plot(x, [sum(w["seconds_per_10k"].values()) for w in windows], color="black", linestyle="--",
              label="all stages")
    axis.set_xlabel("documents settled (end of each window)")
    axis.set_ylabel(f"seconds per {PER_DOCUMENTS:,} documents")
    axis.set_title(title)
    axis.set_ylim(bottom=0)
    axis.grid(alpha=0.3)
    axis.legend(loc="upper left", ncol=3, fontsize="small")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path


def analyse_flow(result: dict[str, Any]) -> None:
    """Derived numbers of one flow run: stage shares, overhead (the issue's and split), throughput."""
    manifest = result.get("manifest")
    if not manifest or "flow_wall_seconds" not in result:
        return
    wall = result["flow_wall_seconds"]
    stages = stage_seconds(manifest)
    stage_sum = sum(stages.values())
    inside = sum(result.get("newsclean_call_seconds", {}).values())
    derived: dict[str, Any] = {
        "stage_seconds": stages,
        "stage_share": {k: v / wall for k, v in stages.items()},
        "stage_sum_seconds": stage_sum,
        "missing_stages": [s for s in ISSUE_STAGES if s not in stages],
        # the issue's definition: flow wall minus the sum of the stage times
        "overhead_seconds": wall - stage_sum,
        "overhead_share": (wall - stage_sum) / wall,
        "docs_per_second": (manifest.get("inputs_seen") or 0) / wall,
    }
    if not result.get("dask_workers") and not result.get("workers"):  # cleaning ran in other processes: no split
        # split: newsclean work outside its stage timers, and time outside any newsclean call (Prefect's own)
        derived["newsclean_untimed_seconds"] = inside - stage_sum
        derived["prefect_seconds"] = wall - inside
        derived["prefect_share"] = (wall - inside) / wall
    result["derived"] = derived


def summarize(views: dict[str, dict[str, Any]], bare: dict[str, Any],
              runs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Throughput rows and ratios: flow (per format, with the running server) against the bare calls."""
    out: dict[str, Any] = {}
    for fmt in ("text", "html"):
        info = views[fmt]
        entry: dict[str, Any] = {"docs": info["docs"], "mb": info["bytes"] / MB}
        # "flow": cleaned in the flow's thread; "workers": the flow as users run it, default worker processes
        for prefix, name in (("flow", f"{fmt}-server"), ("workers", f"{fmt}-workers")):
            run = runs.get(name, {})
            if "flow_wall_seconds" in run:
                wall = run["flow_wall_seconds"]
                entry.update({f"{prefix}_seconds": wall, f"{prefix}_docs_per_s": info["docs"] / wall,
                              f"{prefix}_mb_per_s": info["bytes"] / MB / wall})
        entry["workers"] = runs.get(f"{fmt}-workers", {}).get("workers")
        if fmt in bare:
            sec = bare[fmt]["seconds"]
            variants = {"text": {"bare": sec.get("read", 0) + sec.get("decode", 0) + sec.get("ftfy", 0)},
                        "html": {"bare": sec.get("read", 0) + sec.get("decode", 0) + sec.get("extract", 0),
                                 "bare_no_comments": sec.get("read", 0) + sec.get("decode", 0)
                                 + sec.get("extract_no_comments", 0)}}[fmt]
            for key, seconds in variants.items():
                entry[f"{key}_seconds"] = seconds
                entry[f"{key}_docs_per_s"] = info["docs"] / seconds if seconds else None
                entry[f"{key}_mb_per_s"] = info["bytes"] / MB / seconds if seconds else None
                for prefix in ("flow", "workers"):
                    if f"{prefix}_seconds" in entry and seconds:  # throughput ratio flow/bare
                        entry[f"{prefix}_over_{key}"] = seconds / entry[f"{prefix}_seconds"]
            entry["bare_components_seconds"] = sec
        out[fmt] = entry
    return out


def evaluate_targets(n: int, large: int | None, batch_size: int, throughput: dict[str, Any],
                     runs: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The issue's targets against what was measured (reported, not enforced)."""
    rows: list[dict[str, Any]] = []

    def add(name: str, measured: float | None, op: str, goal: float, note: str = "") -> None:
        met = None if measured is None else (measured >= goal if op == ">=" else measured <= goal if op == "<="
                                             else measured < goal)
        rows.append({"target": name, "measured": measured, "goal": f"{op} {goal:g}", "met": met, "note": note})

    text, html = throughput.get("text", {}), throughput.get("html", {})
    add("text flow docs/s per core", text.get("flow_docs_per_s"), ">=", 1000,
        "serial flow: one core cleans (the server, when running, shares the machine)")
    add("text flow / bare decode+ftfy (throughput)", text.get("flow_over_bare"), ">=", 0.8)
    add("HTML flow / trafilatura.extract (throughput)", html.get("flow_over_bare"), ">=", 0.85,
        "extract with defaults")
    add("HTML flow / extract(include_comments=False)", html.get("flow_over_bare_no_comments"), ">=", 0.85,
        "the options newsclean passes")
    # The same with the flow's default worker processes (wall time; the bare calls use one core): what a user
    # of this machine gets, not a per-core figure
    pooled = f"{text.get('workers') or html.get('workers') or '?'} worker processes, wall; bare on one core"
    add("text flow docs/s, default workers", text.get("workers_docs_per_s"), ">=", 1000, pooled)
    add("text flow / bare decode+ftfy, default workers", text.get("workers_over_bare"), ">=", 0.8, pooled)
    add("HTML flow / trafilatura.extract, default workers", html.get("workers_over_bare"), ">=", 0.85, pooled)
    big = runs.get("large-server") if large else None
    big_ok = bool(big and "derived" in big)
    ref = big if big_ok else runs.get("whole-server", {})
    where = f"at {large:,}" if big_ok and large else f"at {n:,} (no large run)"
    derived = (ref or {}).get("derived", {})
    add("Prefect overhead share (wall - sum of stages)", derived.get("overhead_share"), "<", 0.05, where)
    add("  of which outside any newsclean call", derived.get("prefect_share"), "<", 0.05, where)
    add("validation share of wall", derived.get("stage_share", {}).get("validate"), "<", 0.15, where)
    small_rss = runs.get("whole-server", {}).get("peak_rss_mb")
    big_rss = big.get("peak_rss_mb") if big else None
    note = "" if big_rss else "not measured (--skip-large)" if not large else "large run did not finish"
    partial = (big or {}).get("progress") or []
    if big and not big_rss and partial:  # an interrupted large run: the largest RSS it reached, and where
        big_rss = max(row["rss_mb"] for row in partial)
        note = f"run stopped after {len(partial)} batches (~{len(partial) * batch_size:,} docs): at least this"
    add(f"peak RSS at {large or 'large'} (MB)", big_rss, "<", 1024, note)
    add(f"peak RSS {large or 'large'} / {n} ", big_rss / small_rss if big_rss and small_rss else None, "<=", 1.10,
        note)
    small_pool, big_pool = runs.get("whole-workers", {}), runs.get("large-workers", {})
    for who, key in (("flow process", "peak_rss_mb"), ("largest worker", "worker_peak_rss_mb")):
        small_value, big_value = small_pool.get(key), big_pool.get(key)
        add(f"default workers: {who} peak RSS at {large or 'large'} (MB)", big_value, "<", 1024,
            "" if big_value else "not measured")
        add(f"default workers: {who} peak RSS {large or 'large'} / {n}",
            big_value / small_value if big_value and small_value else None, "<=", 1.10)
    one, two = runs.get("dask-1", {}).get("flow_wall_seconds"), runs.get("dask-2", {}).get("flow_wall_seconds")
    add("Dask wall 2 workers / 1 worker", two / one if one and two else None, "<=", 0.6,
        "" if one and two else "not measured")
    return rows


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def print_tables(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 140)

    def show(table: Table) -> None:
        if table.row_count:
            console.print(table)
    n = report["parameters"]["topical"] if report["parameters"].get("topical_only") else report["parameters"]["n"]
    corpus = report.get("corpus") or report.get("topical", {}).get("corpus") or {"bytes": 0}
    console.print(f"[bold]newsclean benchmark[/bold]: {n:,} documents ({corpus['bytes'] / MB:,.1f} MB, seed "
                  f"{report['parameters']['seed']}), batch size {report['parameters']['batch_size']}; "
                  f"{report['machine']['nproc']} cores {report['machine']['cpu_model']}, "
                  f"{report['machine']['ram_gb']} GB, Python {report['machine']['python']}, "
                  f"commit {report['machine']['git_commit']}")

    table = Table(title="Throughput: flow (serial, and with its default worker processes; running server) vs bare "
                        "calls on the same files (one core)")
    for column in ("format", "docs", "MB", "what", "seconds", "docs/s", "MB/s", "flow/bare (serial / workers)"):
        table.add_column(column, justify="left" if column in ("format", "what") else "right")
    for fmt, entry in report["throughput"].items():
        rows: list[tuple[str, str, str | None]] = [
            ("flow", "flow", None), ("workers", f"flow, {entry.get('workers', '?')} worker processes", None),
            ("bare", "bare: read+decode+" + ("ftfy" if fmt == "text" else "extract()"), "bare")]
        if fmt == "html":
            rows.append(("bare_no_comments", "bare: read+decode+extract(include_comments=False)", "bare_no_comments"))
        for key, label, ratio in rows:
            table.add_row(fmt, _fmt(entry["docs"]), _fmt(entry["mb"], 1), label, _fmt(entry.get(f"{key}_seconds"), 1),
                          _fmt(entry.get(f"{key}_docs_per_s"), 1), _fmt(entry.get(f"{key}_mb_per_s"), 2),
                          f"{_fmt(entry.get(f'flow_over_{ratio}'))} / {_fmt(entry.get(f'workers_over_{ratio}'))}"
                          if ratio else "")
    show(table)

    runs = report["runs"]
    shown = [name for name in ("whole-ephemeral", "whole-server", "large-server") if "derived" in runs.get(name, {})]
    if shown:
        table = Table(title="Time per stage, whole corpus, serial (seconds and share of the flow call's wall)")
        table.add_column("")
        for name in shown:
            table.add_column(f"{name}\n{runs[name]['manifest']['inputs_seen']:,} docs", justify="right")
        stages = [s for s in STAGES if any(s in runs[nm]["derived"]["stage_seconds"] for nm in shown)]
        stages += sorted({s for nm in shown for s in runs[nm]["derived"]["stage_seconds"]} - set(stages))

        def cell(name: str, seconds: float | None) -> str:
            if seconds is None:
                return "not split yet"
            return f"{seconds:,.1f}  {seconds / runs[name]['flow_wall_seconds']:5.1%}"

        for stage in stages:
            table.add_row(stage, *(cell(nm, runs[nm]["derived"]["stage_seconds"].get(stage)) for nm in shown))
        for stage in ISSUE_STAGES:
            if stage not in stages:
                table.add_row(stage, *("not split yet" for _ in shown))
        table.add_row("sum of stages", *(cell(nm, runs[nm]["derived"]["stage_sum_seconds"]) for nm in shown))
        table.add_row("overhead = wall - stages", *(cell(nm, runs[nm]["derived"]["overhead_seconds"])
                                                   for nm in shown))
        table.add_row("  newsclean outside stage timers",
                      *(cell(nm, runs[nm]["derived"].get("newsclean_untimed_seconds")) for nm in shown))
        table.add_row("  outside newsclean calls (Prefect)",
                      *(cell(nm, runs[nm]["derived"].get("prefect_seconds")) for nm in shown))
        table.add_row("flow call wall", *(f"{runs[nm]['flow_wall_seconds']:,.1f}" for nm in shown))
        table.add_row("manifest wall (start_run..manifest)", *(_fmt(runs[nm]["manifest"]["wall_seconds"], 1)
                                                               for nm in shown))
        table.add_row("process wall (imports, server stop)", *(f"{runs[nm]['process_wall_seconds']:,.1f}"
                                                               for nm in shown))
        table.add_row("docs/s", *(f"{runs[nm]['derived']['docs_per_second']:,.1f}" for nm in shown))
        table.add_row("peak RSS MB (flow process)", *(f"{runs[nm]['peak_rss_mb']:,.0f}" for nm in shown))
        show(table)

    table = Table(title="Peak RSS of the flow process (serial runs; RSS after each batch from its progress)")
    for column in ("run", "docs", "batches", "peak RSS MB", "RSS after batch 1", "RSS after last batch", "status"):
        table.add_column(column, justify="left" if column in ("run", "status") else "right")
    for name in ("whole-ephemeral", "whole-server", "large-server"):
        run = runs.get(name)
        if not run:
            continue
        progress = run.get("progress") or []
        docs = (run.get("manifest") or {}).get("inputs_seen")
        table.add_row(name, _fmt(docs) if docs else f"~{len(progress) * report['parameters']['batch_size']:,}",
                      str(len(progress)) if progress else "-", _fmt(run.get("peak_rss_mb"), 0),
                      _fmt(progress[0]["rss_mb"], 0) if progress else "-",
                      _fmt(progress[-1]["rss_mb"], 0) if progress else "-", run.get("error") or "complete")
    show(table)

    table = Table(title="Worker processes (the flow's default count against workers=0, whole corpus, running server)")
    for column in ("run", "workers", "flow wall s", "docs/s", "vs workers=0", "flow process RSS MB",
                   "RSS MB per worker", "RSS MB all workers"):
        table.add_column(column, justify="left" if column == "run" else "right")
    for name in ("whole-server", "whole-workers", "large-server", "large-workers"):
        run = runs.get(name, {})
        # against the workers=0 run on the same corpus
        serial_wall = runs.get(name.split("-")[0] + "-server", {}).get("flow_wall_seconds")
        if "flow_wall_seconds" in run:
            table.add_row(name, str(run.get("workers", 0)), _fmt(run["flow_wall_seconds"], 1),
                          _fmt(run.get("derived", {}).get("docs_per_second"), 1),
                          _fmt(run["flow_wall_seconds"] / serial_wall if serial_wall else None),
                          _fmt(run["peak_rss_mb"], 0), _fmt(run.get("worker_peak_rss_mb"), 0),
                          _fmt(run.get("workers_sum_peak_rss_mb"), 0))
    show(table)

    table = Table(title="Dask (LocalCluster on loopback, 1 thread per worker, running server)")
    for column in ("run", "workers", "flow wall s", "docs/s", "vs 1 worker", "flow process RSS MB"):
        table.add_column(column, justify="right")
    serial = runs.get("whole-server", {})
    if "flow_wall_seconds" in serial:
        table.add_row("serial (no Dask)", "-", _fmt(serial["flow_wall_seconds"], 1),
                      _fmt(serial.get("derived", {}).get("docs_per_second"), 1), "", _fmt(serial["peak_rss_mb"], 0))
    one = runs.get("dask-1", {}).get("flow_wall_seconds")
    for k in (1, 2):
        run = runs.get(f"dask-{k}", {})
        if "flow_wall_seconds" in run:
            table.add_row(f"dask-{k}", str(k), _fmt(run["flow_wall_seconds"], 1),
                          _fmt(run.get("derived", {}).get("docs_per_second"), 1),
                          _fmt(run["flow_wall_seconds"] / one if one else None), _fmt(run["peak_rss_mb"], 0))
    show(table)

    topical = report.get("topical") or {}
    windows = topical.get("windows") or []
    if windows:
        first, last = windows[0], windows[-1]
        table = Table(title=f"Topical corpus, {topical['documents']:,} documents, workers=0: seconds per "
                            f"{PER_DOCUMENTS:,} documents by stage, first and last of {len(windows)} windows")
        for column in ("stage", f"docs {first['first_document']:,}-{first['last_document']:,}",
                       f"docs {last['first_document']:,}-{last['last_document']:,}", "last / first"):
            table.add_column(column, justify="left" if column == "stage" else "right")
        stages = [s for s in STAGES if s in first["seconds_per_10k"] or s in last["seconds_per_10k"]]
        for stage in [*stages, "all stages"]:
            a = sum(first["seconds_per_10k"].values()) if stage == "all stages" else first["seconds_per_10k"].get(stage)
            b = sum(last["seconds_per_10k"].values()) if stage == "all stages" else last["seconds_per_10k"].get(stage)
            table.add_row(stage, _fmt(a, 1), _fmt(b, 1), _fmt(b / a if a and b is not None else None))
        a, b = first["wall_seconds_per_10k"], last["wall_seconds_per_10k"]
        table.add_row("flow wall (batch ends)", _fmt(a, 1), _fmt(b, 1), _fmt(b / a if a else None))
        table.add_row("RSS MB at the window's end", _fmt(first["rss_mb"], 0), _fmt(last["rss_mb"], 0),
                      _fmt(last["rss_mb"] / first["rss_mb"] if first["rss_mb"] else None))
        show(table)
        if topical.get("plot"):
            console.print(f"plot: {topical['plot']}")
    if report["parameters"].get("topical_only"):
        return

    table = Table(title="Targets (reported, not enforced)")
    for column in ("target", "measured", "goal", "met", "note"):
        table.add_column(column, justify="right" if column in ("measured", "goal") else "left")
    for row in report["targets"]:
        met = {True: "[green]yes[/green]", False: "[red]no[/red]", None: "-"}[row["met"]]
        table.add_row(row["target"], _fmt(row["measured"], 3), row["goal"], met, row["note"])
    show(table)
    failed = [name for name, run in runs.items() if run.get("error")]
    if failed:
        console.print(f"[yellow]runs with errors[/yellow]: {', '.join(failed)} (see the JSON and their logs)")


class _Done(Exception):
    """--topical-only: the topical run is all there is to measure."""


def topical_run(args: argparse.Namespace, work: Path, created: list[Path], runner: Runner,
                report: dict[str, Any]) -> None:
    """The topical corpus through the flow, cleaned in the flow's thread (each stage's time is its own), with a
    running server; each stage's cost per 10,000 documents along the run, as a table and a plot."""
    folder, corpus = make_corpus(work, args.topical, args.seed, created, topical=True)
    report["topical"] = {"documents": args.topical,
                         "corpus": {k: corpus.get(k) for k in ("documents", "bytes", "counts", "copies",
                                                               "generation_seconds")}}
    with prefect_server(work / "prefect" / "server-home", work / "logs" / "prefect-server.log") as url:
        result = runner.flow("topical-serial", site_folders(folder), base_env(work / "prefect" / "client-home", url))
    windows = stage_costs_along(result.get("progress") or [])
    report["topical"]["windows"] = windows
    if windows:
        png = plot_stage_costs(windows, args.json.parent / "topical-stages.png",
                               f"Topical corpus, {args.topical:,} documents (workers=0): stage cost along the run")
        report["topical"]["plot"] = str(png) if png else None
    if not args.keep and folder in created:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="documents in the main corpus (default 10000)")
    parser.add_argument("--large", type=int, default=100_000, help="documents for the peak-RSS run (default 100000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=500, help="the flow's batch size (default 500)")
    parser.add_argument("--work", type=Path, help="work folder (default: a new temporary folder)")
    parser.add_argument("--skip-large", action="store_true", help="no large run (peak RSS at --large)")
    parser.add_argument("--skip-dask", action="store_true", help="no Dask runs")
    parser.add_argument("--keep", action="store_true", help="keep corpora, outputs and logs")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"results file (default {DEFAULT_JSON})")
    parser.add_argument("--topical", type=int, default=20_000, metavar="N",
                        help="documents of the topical run (make_corpus.py --topical; 0: none; default 20000)")
    parser.add_argument("--topical-only", action="store_true", help="only the topical run")
    parser.add_argument("--report", type=Path, metavar="JSON", help="print the tables of an earlier results file")
    parser.add_argument("--fixed-costs", action="store_true",
                        help="only the fixed costs of a small run (fixed_costs.py: newsclean run seeds against a "
                             "one-task flow; results/fixed-costs.json)")
    parser.add_argument("--repeat", type=int, default=5, help="with --fixed-costs: runs of each program (default 5)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main(args.child)
    if args.report:
        print_tables(json.loads(args.report.read_text(encoding="utf-8")))
        return 0
    if args.fixed_costs:
        from fixed_costs import main as fixed_costs

        return fixed_costs(["--repeat", str(args.repeat)])

    own_work = args.work is None
    work = Path(tempfile.mkdtemp(prefix="newsclean-bench-")) if own_work else args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    for sub in ("views", "warmup", "out", "prefect", "specs", "logs"):
        if not (work / sub).exists():
            created.append(work / sub)
    started = time.perf_counter()
    report: dict[str, Any] = {
        "benchmark": "benchmarks/run.py", "issue": "7.2",
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "parameters": {"n": args.n, "large": None if args.skip_large else args.large, "seed": args.seed,
                       "batch_size": args.batch_size, "dask": not args.skip_dask, "topical": args.topical,
                       "topical_only": args.topical_only},
        "machine": machine_info(),
    }
    bare: dict[str, Any] = {}
    views: dict[str, dict[str, Any]] = {}

    def save(complete: bool = False) -> None:
        """Write the results so far (an interrupted benchmark still leaves what it measured)."""
        report["complete"] = complete
        report["bare"] = bare
        report["runs"] = runner.runs
        report["throughput"] = summarize(views, bare, runner.runs) if views else {}
        report["targets"] = evaluate_targets(args.n, None if args.skip_large else args.large, args.batch_size,
                                             report["throughput"], runner.runs)
        report["seconds"] = round(time.perf_counter() - started, 1)
        report["runner_peak_rss_mb"] = _rss_mb(resource.RUSAGE_SELF)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")

    runner = Runner(work, args.batch_size, args.keep, save)
    interrupted = False
    try:
        try:
            if args.topical_only:
                topical_run(args, work, created, runner, report)
                raise _Done
            corpus_dir, corpus = make_corpus(work, args.n, args.seed, created)
            report["corpus"] = {k: corpus.get(k) for k in ("documents", "bytes", "sites", "folders", "counts",
                                                           "bytes_per_kind", "generation_seconds")}
            views_dir = work / "views"
            shutil.rmtree(views_dir, ignore_errors=True)
            views = split_views(corpus_dir, views_dir)
            report["views"] = {fmt: {"docs": info["docs"], "bytes": info["bytes"]} for fmt, info in views.items()}
            warmup = warmup_folder(views_dir, work / "warmup")
            whole = site_folders(corpus_dir)
            ephemeral_env = base_env(work / "prefect" / "ephemeral-home", None)

            log(f"bare calls on {views['text']['docs']} text and {views['html']['docs']} HTML files")
            bare = runner.child("bare", {"mode": "bare", "lists": {fmt: info["list"] for fmt, info in views.items()}},
                                ephemeral_env)
            with prefect_server(work / "prefect" / "server-home", work / "logs" / "prefect-server.log") as url:
                server_env = base_env(work / "prefect" / "client-home", url)
                # first runs create the database rows, the flow, the artifacts' keys: not what is measured
                runner.flow("warmup-ephemeral", [str(warmup)], ephemeral_env)
                runner.flow("warmup-server", [str(warmup)], server_env)
                for fmt in ("text", "html"):
                    runner.flow(f"{fmt}-server", site_folders(Path(views[fmt]["dir"])), server_env)
                    runner.flow(f"{fmt}-workers", site_folders(Path(views[fmt]["dir"])), server_env, workers=None)
                runner.flow("whole-ephemeral", whole, ephemeral_env)
                serial = runner.flow("whole-server", whole, server_env)
                runner.flow("whole-workers", whole, server_env, workers=None)  # the flow's default worker count
                if not args.skip_dask:
                    for k in (1, 2):
                        runner.flow(f"dask-{k}", whole, server_env, dask_workers=k)
                if not args.skip_large:
                    estimate = estimate_seconds(serial.get("progress", []), -(-args.large // args.batch_size))
                    report["large_estimate"] = estimate
                    if estimate:
                        log(f"large run: about {estimate['seconds'] / 60:.0f} min from the {args.n} run's batch times "
                            f"(each batch {estimate['growth_per_batch_seconds']:+.2f} s slower than the one before; "
                            f"{estimate['linear_seconds'] / 60:.0f} min if it did not grow), plus about "
                            f"{args.large / 900 / 60:.0f} min to write the corpus; Ctrl+C keeps what was measured")
                    large_dir, large_corpus = make_corpus(work, args.large, args.seed, created)
                    report["large_corpus"] = {k: large_corpus.get(k) for k in ("documents", "bytes", "counts",
                                                                               "generation_seconds")}
                    runner.flow("large-server", site_folders(large_dir), server_env)
                    runner.flow("large-workers", site_folders(large_dir), server_env, workers=None)
                    if not args.keep and large_dir in created:
                        shutil.rmtree(large_dir, ignore_errors=True)
            if args.topical:
                topical_run(args, work, created, runner, report)
        except _Done:
            pass
        except KeyboardInterrupt:
            interrupted = True
            log("interrupted: reporting what was measured so far")
        save(complete=not interrupted)
        if "corpus" in report or "topical" in report:
            print_tables(report)
        print(f"results: {args.json}{' (incomplete)' if interrupted else ''}  (work folder {work}"
              f"{'' if args.keep else ', removed'}; {report['seconds'] / 60:.1f} min)")
    finally:
        if not args.keep:
            if own_work:
                shutil.rmtree(work, ignore_errors=True)
            else:
                for path in created:
                    shutil.rmtree(path, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
