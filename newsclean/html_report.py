"""`OUT/report.html`: one run as a QA person reads it, in one self-contained file (inline CSS and SVG, no
script, nothing fetched), so it opens offline and can be mailed. Rendered with Jinja2, every text escaped."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import jinja2

from newsclean.report import run_ids
from newsclean.storage import Store

REPORT_NAME = "report.html"
LISTED_FILES = 200  # file names listed per rejection reason or failed expectation; the rest are counted
EARLIER_RUNS = 30  # runs before this one in the history table and chart
TOP_RULES = 15


def run_rejections(store: Store, run_id: str) -> list[dict[str, Any]]:
    """The run's rejected inputs (reason, file, detail, first line), sorted by reason then file."""
    import pyarrow.dataset as ds

    found = store.read_table("rejected", columns=["reason", "source_file", "detail", "first_line"],
                             filter=ds.field("run_id") == run_id)
    rows = [] if found is None else found.to_pylist()
    return sorted(rows, key=lambda row: (row["reason"], row["source_file"]))


def run_article_counts(store: Store, run_id: str) -> tuple[Counter[str], Counter[str], Counter[tuple[str, str]]]:
    """Articles per site, removed lines per site and removed lines per (rule, category) of one run's articles,
    counted a Parquet batch at a time (the removed lines' text is not kept)."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    sites: Counter[str] = Counter()
    removed_by_site: Counter[str] = Counter()
    rules: Counter[tuple[str, str]] = Counter()
    files = store.files("articles")
    if not files:
        return sites, removed_by_site, rules
    dataset = ds.dataset(files, format="parquet", filesystem=store.fs)
    for batch in dataset.to_batches(columns=["source_name", "removed"], filter=ds.field("run_id") == run_id):
        names = [name or "(not stated)" for name in batch.column("source_name").to_pylist()]
        lengths = pc.list_value_length(batch.column("removed")).to_pylist()
        sites.update(names)
        for name, length in zip(names, lengths, strict=True):
            removed_by_site[name] += length or 0
        flat = pc.list_flatten(batch.column("removed"))
        rules.update(zip(pc.struct_field(flat, "rule").to_pylist(), pc.struct_field(flat, "category").to_pylist(),
                         strict=True))
    return sites, removed_by_site, rules


def _failing_files(expectation: str, rejections: list[dict[str, Any]]) -> list[str]:
    """Files of the run rejected because this expectation failed on them (their detail names it)."""
    return [row["source_file"] for row in rejections if expectation in (row["detail"] or "")]


def report_context(store: Store, manifest: dict[str, Any]) -> dict[str, Any]:
    """Everything the template shows, from the manifest and the run's rows in the store."""
    run_id = manifest["run_id"]
    rejections = run_rejections(store, run_id)
    sites, removed_by_site, rules = run_article_counts(store, run_id)
    by_reason: dict[str, list[dict[str, Any]]] = {}
    for row in rejections:
        by_reason.setdefault(row["reason"], []).append(row)
    validation = manifest["validation"]
    expectations = [{"name": name, "batches": item["batches"], "unexpected": item["unexpected_rows"],
                     "files": _failing_files(name, rejections)}
                     for name, item in validation["expectations"].items()]
    checks = validation.get("run_checks", {"values": {}, "failed": []})
    run_checks = [{"name": name, "value": value,
                   "failed": any(f"({name})" in failed for failed in checks["failed"])}
                  for name, value in checks["values"].items()]
    earlier = [rid for rid in run_ids(store.url) if rid < run_id][-EARLIER_RUNS:]
    # the listed ids name their manifests: read each once (run_manifest would list the runs again for each)
    history = [*(json.loads(store.read_text(store.path("runs", f"{rid}.json"))) for rid in earlier), manifest]
    return {
        "m": manifest,
        "rejected_by_reason": by_reason,
        "rejected_counts": sorted(((reason, len(rows)) for reason, rows in by_reason.items()),
                                  key=lambda item: (-item[1], item[0])),
        "expectations": expectations,
        "run_checks": run_checks,
        "warnings": [{"name": name, "rows": item["rows"], "files": item["files"]}
                     for name, item in sorted(manifest.get("warnings", {}).items())],  # absent before warnings existed
        "sites": [{"name": name, "articles": count, "removed": removed_by_site[name]}
                  for name, count in sorted(sites.items(), key=lambda item: (-item[1], item[0]))],
        "top_rules": [{"rule": rule, "category": category, "lines": count}
                      for (rule, category), count in rules.most_common(TOP_RULES)],
        "history": history,
        "docs_link": "validation/index.html",  # relative: it holds when the folder is copied or synced
        "docs_offline": validation.get("data_docs_offline"),
        "listed": LISTED_FILES,
    }


def _bar_width(value: float, largest: float, full: float = 100.0) -> float:
    """A bar's length for a chart whose longest bar is `full` long."""
    return round(full * value / largest, 1) if largest else 0.0


def render_report(store: Store, manifest: dict[str, Any]) -> str:
    """The report page of one run as HTML text."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                                     autoescape=True, undefined=jinja2.StrictUndefined,
                                     trim_blocks=True, lstrip_blocks=True)
    environment.filters["bar_width"] = _bar_width
    return environment.get_template("report.html.j2").render(report_context(store, manifest))


def write_report(store: Store, manifest: dict[str, Any]) -> str:
    """Write `report.html` at the top of the output location (never half-written); returns where."""
    text = render_report(store, manifest).encode("utf-8")
    store.write("", REPORT_NAME, lambda handle: handle.write(text))
    return store.uri(REPORT_NAME)
