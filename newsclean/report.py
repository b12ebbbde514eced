"""Run summaries from a manifest: Markdown for Prefect artifacts, rows for tables, text for the terminal."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from typing import Any

from newsclean.storage import Store


def run_ids(out_dir: str | Path) -> list[str]:
    """The ids of the runs with a manifest under an output location, oldest first (a run id starts with its
    UTC start time, so sorted is chronological)."""
    store = Store(str(out_dir))
    return [posixpath.basename(path)[: -len(".json")] for path in store.files("runs", ".json")]


def run_manifest(out_dir: str | Path, run_id: str | None = None) -> dict[str, Any]:
    """The manifest of one run (the latest when `run_id` is None; a unique prefix of an id is enough)."""
    store = Store(str(out_dir))
    known = run_ids(out_dir)
    if not known:
        raise FileNotFoundError(f"no run manifest under {store.uri('runs')}")
    if run_id is None:
        chosen = known[-1]
    else:
        matches = [known_id for known_id in known if known_id == run_id] or \
                  [known_id for known_id in known if known_id.startswith(run_id)]
        if len(matches) != 1:
            found = "several runs" if matches else "no run"
            raise LookupError(f"{found} with id {run_id!r} under {store.uri('runs')}; runs there: "
                              f"{', '.join(matches or known[-5:])}{' ...' if not matches and len(known) > 5 else ''}")
        chosen = matches[0]
    return json.loads(store.read_text(store.path("runs", f"{chosen}.json")))


def manifest_rows(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per counted thing: inputs, articles, each rejection reason, each removed category,
    each expectation."""
    rows = [{"what": "inputs", "name": "seen", "count": manifest["inputs_seen"]},
            {"what": "inputs", "name": "unchanged", "count": manifest["unchanged"]},
            {"what": "outputs", "name": "articles", "count": manifest["articles"]},
            {"what": "outputs", "name": "rejected", "count": manifest["rejected"]},
            {"what": "inputs", "name": "skipped", "count": manifest.get("skipped", 0)}]
    rows += [{"what": "rejected", "name": k, "count": v} for k, v in manifest["rejected_by_reason"].items()]
    rows += [{"what": "removed", "name": k, "count": v} for k, v in manifest["removed_by_category"].items()]
    rows += [{"what": "expectation", "name": k, "count": v["unexpected_rows"]}
             for k, v in manifest["validation"]["expectations"].items()]
    rows += [{"what": "stage seconds", "name": k, "count": v["seconds"]}
             for k, v in manifest.get("stats", {}).get("stages", {}).items()]
    return rows


def manifest_markdown(manifest: dict[str, Any]) -> str:
    """A short Markdown report of one run."""
    ok = "yes" if manifest["all_inputs_accounted"] else "**NO**"
    lines = [f"# clean-news run `{manifest['run_id']}`", "",
             f"- inputs seen: **{manifest['inputs_seen']}** "
             f"({manifest['new']} new, {manifest['unchanged']} unchanged), "
             f"articles: **{manifest['articles']}**, "
             f"rejected: **{manifest['rejected']}** (every input accounted for: {ok})",
             f"- files skipped (not pages, or left out by --include/--exclude): {manifest.get('skipped', 0)}; "
             f"paths listed more than once (read once): {manifest.get('paths_listed_again', 0)}",
             f"- wall time: {manifest['wall_seconds']} s; validation passed: {manifest['validation']['success']}",
             "", "| rejected reason | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in manifest["rejected_by_reason"].items()] or ["| (none) | 0 |"]
    lines += ["", "| removed category | lines |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in manifest["removed_by_category"].items()]
    checks = manifest["validation"].get("run_checks", {})
    if checks:
        lines += ["", "| run check | value |", "|---|---|"]
        lines += [f"| {k} | {v if not isinstance(v, float) else round(v, 3)}"
                  f"{' **FAILED**' if any(k in f for f in checks['failed']) else ''} |"
                  for k, v in checks["values"].items()]
    lines += ["", "| expectation | unexpected rows |", "|---|---|"]
    lines += [f"| {k} | {v['unexpected_rows']} |" for k, v in manifest["validation"]["expectations"].items()]
    stages = manifest.get("stats", {}).get("stages", {})
    if stages:
        lines += ["", "| stage | seconds | ms per new input |", "|---|---|---|"]
        lines += [f"| {k} | {v['seconds']:.2f} | {v['ms_per_input'] if v['ms_per_input'] is not None else '-'} |"
                  for k, v in stages.items()]
    return "\n".join(lines)
