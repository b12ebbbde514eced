"""Output identity for performance work: snapshot what the pipeline produces, then compare a later run to it.

    .venv/bin/python benchmarks/profile_identity.py snapshot /tmp/ref.json [--corpus /tmp/prof_corpus]
    .venv/bin/python benchmarks/profile_identity.py compare /tmp/ref.json

Inputs: seeds/, tests/data/raw, tests/data/stories/raw (or, with `--only-corpus`, just the `--corpus` folders:
frozen copies, when those folders may change meanwhile), and any `--corpus` folder (e.g. one written by
`benchmarks/make_corpus.py`). To snapshot an older commit's output, run this script with PYTHONPATH pointing
at an export of that commit (`git archive COMMIT | tar -x -C DIR`).

Each set goes through `clean_paths` in batches of 500 (sorted paths, no earlier memory), as a run would; every
outcome is recorded whole: an article's title, body, removed lines with their rule ids and metadata, or a
rejection's reason and detail. So that a change inside the lexicon cannot hide behind the labeller, each
document's extraction (lines, declared fields) and every rule hit on every line (rule id and named groups) are
recorded too. `compare` reruns the same inputs (the snapshot names them) and prints every difference; it exits
1 if there is any. Both run with PYTHONHASHSEED=0 (the script re-executes itself so): set iteration order must
not be mistaken for a change.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = ("seeds", "tests/data/raw", "tests/data/stories/raw")
BATCH = 500


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, str | int | float):  # enums
        return value.value
    return value


def _files(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.is_file())


def record_set(folder: Path) -> dict[str, Any]:
    """Every document of one folder: its outcome through `clean_paths`, its extraction and its rule hits."""
    from newsclean.chrome.label import label_lines
    from newsclean.decode import read_input
    from newsclean.pipeline import Prepared, clean_paths, prepare_document
    from newsclean.records import Article, RawDoc

    paths = _files(folder)
    out: dict[str, Any] = {}
    for start in range(0, len(paths), BATCH):
        result = clean_paths(paths[start:start + BATCH])
        for item in [*result.articles, *result.rejections]:
            fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}
            fields.pop("raw", None)
            kind = "article" if isinstance(item, Article) else "rejection"
            out.setdefault(item.source_file, {})["outcome"] = {"kind": kind, **_plain(fields)}
    for path in paths:
        raw = read_input(path)
        if not isinstance(raw, RawDoc):
            continue
        prepared = prepare_document(raw)
        if not isinstance(prepared, Prepared):
            continue
        ex = prepared.extracted
        labelled = label_lines(ex.lines, title_hint=ex.title, edges_are_chrome=ex.format == "text")
        out.setdefault(path, {})["extracted"] = {
            "format": ex.format, "encoding": prepared.encoding, "repairs": list(prepared.repairs),
            "lines": list(ex.lines), "title": ex.title, "author": ex.author, "site": ex.site,
            "published": ex.published, "url": ex.url, "site_key": prepared.site,
            "hits": {str(i): [[h.rule.id, h.groups] for h in hits] for i, hits in labelled.hits.items() if hits},
            "labels": [[line.label, line.category, line.rule] for line in labelled.lines],
            "title_index": labelled.title_index, "has_body": labelled.has_body,
        }
    return out


def snapshot(sets: list[str]) -> dict[str, Any]:
    return {"sets": sets, "documents": {s: record_set(Path(s) if Path(s).is_absolute() else ROOT / s)
                                        for s in sets}}


def _diff(a: Any, b: Any, where: str, found: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                found.append(f"{where}/{key}: only in {'reference' if key in a else 'now'}")
            else:
                _diff(a[key], b[key], f"{where}/{key}" if where else str(key), found)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _diff(x, y, f"{where}[{i}]", found)
    elif a != b:
        found.append(f"{where}: reference {str(a)[:200]!r} now {str(b)[:200]!r}")


def main(argv: list[str] | None = None) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=("snapshot", "compare"))
    parser.add_argument("reference", type=Path)
    parser.add_argument("--corpus", action="append", default=[], help="another folder of inputs (snapshot only)")
    parser.add_argument("--only-corpus", action="store_true", help="only the --corpus folders (snapshot only)")
    args = parser.parse_args(argv)
    if args.mode == "snapshot":
        defaults = [] if args.only_corpus else list(DEFAULT_SETS)
        data = snapshot([*defaults, *(str(Path(c).resolve()) for c in args.corpus)])
        args.reference.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        n = sum(len(docs) for docs in data["documents"].values())
        print(f"{n} documents recorded in {args.reference}")
        return 0
    reference = json.loads(args.reference.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(snapshot(reference["sets"]), ensure_ascii=False))
    found: list[str] = []
    _diff(reference["documents"], now["documents"], "", found)
    n = sum(len(docs) for docs in reference["documents"].values())
    for line in found[:200]:
        print(line)
    print(f"{n} documents compared, {len(found)} differences" + (" (first 200 shown)" if len(found) > 200 else ""))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
