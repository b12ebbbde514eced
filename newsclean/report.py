"""Run summaries from a manifest: Markdown for Prefect artifacts, rows for tables, text for the terminal."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsclean.storage import Store


def latest_manifest(out_dir: str | Path) -> dict[str, Any]:
    """The newest run manifest under an output folder."""
    store = Store(str(out_dir))
    runs = store.files("runs", ".json")  # run ids start with their UTC start time: sorted is chronological
    if not runs:
        raise FileNotFoundError(f"no run manifest under {store.uri('runs')}")
    return json.loads(store.read_text(runs[-1]))


def manifest_rows(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per counted thing: inputs, articles, each rejection reason, each removed category,
    each expectation."""
    rows = [{"what": "inputs", "name": "seen", "count": manifest["inputs_seen"]},
            {"what": "inputs", "name": "unchanged", "count": manifest["unchanged"]},
            {"what": "outputs", "name": "articles", "count": manifest["articles"]},
            {"what": "outputs", "name": "rejected", "count": manifest["rejected"]}]
    rows += [{"what": "rejected", "name": k, "count": v} for k, v in manifest["rejected_by_reason"].items()]
    rows += [{"what": "removed", "name": k, "count": v} for k, v in manifest["removed_by_category"].items()]
    rows += [{"what": "expectation", "name": k, "count": v["unexpected_rows"]}
             for k, v in manifest["validation"]["expectations"].items()]
    return rows


def manifest_markdown(manifest: dict[str, Any]) -> str:
    """A short Markdown report of one run."""
    ok = "yes" if manifest["all_inputs_accounted"] else "**NO**"
    lines = [f"# clean-news run `{manifest['run_id']}`", "",
             f"- inputs seen: **{manifest['inputs_seen']}** "
             f"({manifest['new']} new, {manifest['unchanged']} unchanged), "
             f"articles: **{manifest['articles']}**, "
             f"rejected: **{manifest['rejected']}** (every input accounted for: {ok})",
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
    return "\n".join(lines)
