"""Fixed costs of a small run (issue 18): `newsclean run seeds` against a one-task Prefect flow, both started the
same way (a new process of this venv's Python), without a server (Prefect's temporary one) and with
PREFECT_API_URL set to a running server; median and spread of each, the ratio and the difference.

    python benchmarks/fixed_costs.py [--repeat 5] [--inputs seeds] [--json benchmarks/results/fixed-costs.json]
    python benchmarks/run.py --fixed-costs [--repeat 5]          # the same

Each setup is warmed by one run of each program first (the database, the flow's row); the measured runs of the two
programs alternate, so a change in the machine's load falls on both. A measurement, not a test: the targets are
printed with "met" or not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ROOT, base_env, log, machine_info, prefect_server

DEFAULT_JSON = ROOT / "benchmarks" / "results" / "fixed-costs.json"
ONE_TASK_FLOW = '''"""The smallest Prefect run: a flow calling one task that returns."""
from prefect import flow, task


@task
def one() -> int:
    return 1


@flow
def one_task() -> int:
    return one()


if __name__ == "__main__":
    one_task()
'''
RATIO_GOAL = 1.2  # newsclean / one-task flow, temporary server
DIFFERENCE_GOAL = 3.0  # seconds more than the one-task flow, running server


def load() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]


def timed(command: list[str], env: dict[str, str], log_path: Path) -> dict[str, Any]:
    """Wall and CPU seconds (this process's children: the command and what it waited for) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(log_path, "ab") as handle:
        code = subprocess.run(command, env=env, cwd=str(ROOT), stdout=handle, stderr=subprocess.STDOUT,
                              check=False).returncode
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"wall": round(wall, 3), "cpu": round(cpu, 3), "exit": code}


def spread(runs: list[dict[str, Any]]) -> dict[str, Any]:
    walls = [run["wall"] for run in runs]
    return {"runs": runs, "median": round(statistics.median(walls), 3), "min": min(walls), "max": max(walls),
            "cpu_median": round(statistics.median(run["cpu"] for run in runs), 3),
            "failed": sum(1 for run in runs if run["exit"])}


def measure(name: str, env: dict[str, str], work: Path, inputs: Path, repeat: int,
            before: Path | None = None) -> dict[str, Any]:
    """One setup: a warm-up of each program, then `repeat` alternating runs of each. `before`: a checkout of an
    earlier commit, whose `newsclean run` (this venv, PYTHONPATH=before) is run in turn with the others."""
    script = work / "one_task_flow.py"
    newsclean = Path(sys.executable).with_name("newsclean")
    env = {**env, "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "600"}  # a loaded machine: never time out
    envs = {"one_task": env, "newsclean": {**env, "PYTHONPATH": str(ROOT)}}
    if before is not None:
        envs["newsclean_before"] = {**env, "PYTHONPATH": str(before)}
    found: dict[str, list[dict[str, Any]]] = {program: [] for program in envs}
    for attempt in range(repeat + 1):
        for program, program_env in envs.items():
            out = work / f"out-{name}-{program}-{attempt}"
            command = ([sys.executable, str(script)] if program == "one_task"
                       else [str(newsclean), "run", str(inputs), "--out", str(out)])
            result = timed(command, program_env, work / f"{name}-{program}.log")
            shutil.rmtree(out, ignore_errors=True)
            if result["exit"]:
                log(f"{name} {program}: exit {result['exit']}; see {work / f'{name}-{program}.log'}")
            if attempt:  # the first is the warm-up
                found[program].append(result)
        log(f"{name}: {f'run {attempt}/{repeat}' if attempt else 'warm-up'}: "
            + ", ".join(f"{program} {found[program][-1]['wall'] if attempt else '-'} s" for program in envs)
            + f"; load {load()}")
    sides = {program: spread(runs) for program, runs in found.items()}
    one = sides["one_task"]["median"]
    return {**sides, **{f"{key}{program[len('newsclean'):]}": value
                        for program in sides if program != "one_task"
                        for key, value in (("ratio", round(sides[program]["median"] / one, 3)),
                                           ("difference_seconds", round(sides[program]["median"] - one, 3)))}}


def print_table(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Fixed costs: `newsclean run {report['inputs']}` against a one-task flow, "
                        f"{report['repeat']} runs each (median, min-max wall s; median CPU s)")
    for column in ("setup", "one-task flow", "newsclean run", "ratio", "difference s", "goal", "met"):
        table.add_column(column, justify="left" if column in ("setup", "goal") else "right")

    def cell(side: dict[str, Any]) -> str:
        return f"{side['median']:.1f} ({side['min']:.1f}-{side['max']:.1f}; cpu {side['cpu_median']:.1f})"

    for name, goal in (("temporary_server", f"ratio <= {RATIO_GOAL}"),
                       ("running_server", f"difference < {DIFFERENCE_GOAL:.0f} s")):
        setup = report["setups"].get(name)
        if not setup:
            continue
        met = setup["ratio"] <= RATIO_GOAL if name == "temporary_server" else \
            setup["difference_seconds"] < DIFFERENCE_GOAL
        table.add_row(name.replace("_", " "), cell(setup["one_task"]), cell(setup["newsclean"]),
                      f"{setup['ratio']:.2f}", f"{setup['difference_seconds']:+.1f}", goal,
                      "yes" if met else "no")
        if "newsclean_before" in setup:
            table.add_row(f"  before ({report['before']})", "", cell(setup["newsclean_before"]),
                          f"{setup['ratio_before']:.2f}", f"{setup['difference_seconds_before']:+.1f}", "", "")
    Console(width=None if sys.stdout.isatty() else 160).print(table)
    print(f"load average before {report['load_before']}, after {report['load_after']}; commit "
          f"{report['machine']['git_commit']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="measured runs of each program per setup (default 5)")
    parser.add_argument("--inputs", type=Path, default=ROOT / "seeds", help="what newsclean runs on (default seeds)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"results file (default {DEFAULT_JSON})")
    parser.add_argument("--only", choices=("temporary_server", "running_server"), help="one setup only")
    parser.add_argument("--before", type=Path, metavar="CHECKOUT", help=(
        "a checkout of an earlier commit (git worktree add --detach DIR COMMIT): its `newsclean run` is timed "
        "in turn with the others, so before and after see the same load"))
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="newsclean-fixed-"))
    (work / "one_task_flow.py").write_text(ONE_TASK_FLOW, encoding="utf-8")
    report: dict[str, Any] = {"benchmark": "benchmarks/fixed_costs.py", "issue": "18",
                              "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                              "inputs": os.path.relpath(args.inputs.resolve(), ROOT), "repeat": args.repeat,
                              "machine": machine_info(), "load_before": load(), "setups": {}}
    before = args.before.resolve() if args.before else None
    if before is not None:
        report["before"] = subprocess.run(["git", "-C", str(before), "rev-parse", "--short", "HEAD"],
                                          capture_output=True, text=True, check=False).stdout.strip()
    try:
        if args.only != "running_server":
            report["setups"]["temporary_server"] = measure(
                "temporary", base_env(work / "temporary-home", None), work, args.inputs.resolve(), args.repeat, before)
        if args.only != "temporary_server":
            with prefect_server(work / "server-home", work / "prefect-server.log") as url:
                report["setups"]["running_server"] = measure(
                    "server", base_env(work / "client-home", url), work, args.inputs.resolve(), args.repeat, before)
        report["load_after"] = load()
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print_table(report)
        print(f"results: {args.json}" + (f" (work folder {work})" if args.keep else ""))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
