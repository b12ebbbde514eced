"""Score cleaned output against gold labels, with the definitions of `shared/tools/score.py`.

Body tokens are \\w+ runs after NFC and lower-casing, compared as multisets; a leak is a gold chrome line
found as a whole line of an output body; lost is an input in neither articles nor rejected.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsclean.storage import Store


def _norm(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").replace("\u00a0", " ").strip()


def _tokens(text: str | None) -> Counter[str]:
    return Counter(re.findall(r"\w+", _norm(text).lower()))


def load_predictions(out_dir: str | Path) -> dict[str, dict[str, Any]]:
    """Articles and rejections of an output folder, keyed by input file name (as the scorer reads them)."""
    store, preds = Store(str(out_dir)), {}
    articles = store.read_table("articles")
    if articles is not None:
        for row in articles.to_pylist():
            name = Path(row.get("source_file") or "").name
            preds[name] = {"file": name, "title": row.get("title"), "body": row.get("body"),
                           "published": str(row.get("published_at") or "")[:10] or None,
                           "author": row.get("author"), "source_name": row.get("source_name")}
    rejected = store.read_table("rejected", columns=["source_file", "reason"])
    if rejected is not None:
        for row in rejected.to_pylist():
            name = Path(row.get("source_file") or "").name
            if name in preds:
                preds[name]["also_rejected"] = True
            else:
                preds[name] = {"file": name, "rejected": row.get("reason") or "rejected"}
    return preds


@dataclass(slots=True)
class DocScore:
    """One gold document's outcome."""

    file: str
    status: str  # "article" | "rejected_ok" | "wrongly_rejected" | "missed_reject" | "lost"
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    title_ok: bool = False
    leaks: list[str] = field(default_factory=list)
    meta_misses: list[str] = field(default_factory=list)
    title_labelled: bool = True  # the gold names a title (page and region dumps do not)

    @property
    def title_verdict(self) -> str:
        """ok / WRONG for a written article, n/a when the gold has no title, - for a rejection."""
        if self.status != "article":
            return "-"
        if not self.title_labelled:
            return "n/a"
        return "ok" if self.title_ok else "WRONG"


@dataclass(slots=True)
class Summary:
    """The whole set's scores, as score.py's summary line reports them."""

    docs: list[DocScore]
    macro_f1: float
    micro_f1: float
    precision: float
    recall: float
    titles_ok: int
    articles: int
    meta_ok: int
    meta_total: int
    leaks: int
    lost: int
    wrongly_rejected: int
    missed_rejects: int

    @property
    def titles_labelled(self) -> int:
        """Written articles whose gold names a title."""
        return sum(d.status == "article" and d.title_labelled for d in self.docs)

    @property
    def labelled_titles_ok(self) -> int:
        """Right titles among the articles whose gold names one (score.py's count also takes an empty title
        for an empty gold title as right)."""
        return sum(d.title_ok for d in self.docs if d.status == "article" and d.title_labelled)

    @property
    def titles(self) -> str:
        """Right titles out of the articles whose gold names one; n/a when none does (not 0)."""
        return f"{self.labelled_titles_ok}/{self.titles_labelled}" if self.titles_labelled else "n/a"

    def line(self, scorer_format: bool = False) -> str:
        """The summary line; `scorer_format`: exactly as score.py prints it (titles out of every article)."""
        titles = f"{self.titles_ok}/{self.articles}" if scorer_format else self.titles
        return (f"summary: macroF1={self.macro_f1:.3f} microF1={self.micro_f1:.3f} P={self.precision:.3f} "
                f"R={self.recall:.3f} titles={titles} meta={self.meta_ok}/{self.meta_total} "
                f"leaks={self.leaks} lost={self.lost} wrongly_rejected={self.wrongly_rejected} "
                f"missed_rejects={self.missed_rejects}")


def score(gold_dir: str | Path, preds: dict[str, dict[str, Any]]) -> Summary:
    """Score predictions against every gold file of a folder."""
    tp_all = fp_all = fn_all = 0
    docs: list[DocScore] = []
    f1s: list[float] = []
    meta_ok = meta_n = 0
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = gold["file"]
        pred = preds.get(name)
        if pred is None:
            docs.append(DocScore(name, "lost"))
            continue
        if gold.get("expect_rejected"):
            docs.append(DocScore(name, "rejected_ok" if pred.get("rejected") else "missed_reject"))
            continue
        if pred.get("rejected"):
            f1s.append(0.0)
            fn_all += sum(_tokens(gold["body"]).values())
            docs.append(DocScore(name, "wrongly_rejected"))
            continue
        gold_tokens, pred_tokens = _tokens(gold["body"]), _tokens(pred.get("body"))
        tp = sum((gold_tokens & pred_tokens).values())
        fp, fn = sum(pred_tokens.values()) - tp, sum(gold_tokens.values()) - tp
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f1)
        out_lines = {_norm(line) for line in (pred.get("body") or "").split("\n") if _norm(line)}
        chrome = [line["text"] for line in gold.get("lines", []) if line["label"].startswith("chrome")]
        chrome += gold.get("chrome_texts", [])
        body_lines = {_norm(line) for line in gold["body"].split("\n")}
        leaks = [c for c in chrome if _norm(c) in out_lines and _norm(c) not in body_lines]
        misses = []
        for key, value in (gold.get("expected") or {}).items():
            if value is None:
                continue
            meta_n += 1
            got = pred.get(key)
            ok = got is not None and _norm(str(got)) in {_norm(x) for x in (value if isinstance(value, list)
                                                                           else [value])}
            meta_ok += ok
            if not ok:
                misses.append(f"{key}={got!r}≠{value!r}")
        docs.append(DocScore(name, "article", p, r, f1, _norm(pred.get("title")) == _norm(gold["title"]),
                             leaks, misses, title_labelled=bool(_norm(gold["title"]))))
    precision = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    recall = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    articles = [d for d in docs if d.status == "article"]
    return Summary(
        docs=docs, macro_f1=sum(f1s) / len(f1s) if f1s else 0.0,
        micro_f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        precision=precision, recall=recall, titles_ok=sum(d.title_ok for d in articles), articles=len(articles),
        meta_ok=meta_ok, meta_total=meta_n, leaks=sum(len(d.leaks) for d in docs),
        lost=sum(d.status == "lost" for d in docs),
        wrongly_rejected=sum(d.status == "wrongly_rejected" for d in docs),
        missed_rejects=sum(d.status == "missed_reject" for d in docs))


def raw_dir_for(gold_dir: str | Path) -> Path:
    """Where a gold set's raw files live: `<gold>/../raw` (tests/data) or `<gold>/../../<name>` (shared)."""
    gold = Path(gold_dir).resolve()
    for candidate in (gold.parent / "raw", gold.parent.parent / gold.name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"no raw files next to {gold}: pass --raw")


def gold_inputs(gold_dir: str | Path, raw_dir: str | Path) -> list[str]:
    """The raw file of each gold document (lost if missing: it still counts)."""
    files = [json.loads(p.read_text(encoding="utf-8"))["file"] for p in sorted(Path(gold_dir).glob("*.json"))]
    return [str(Path(raw_dir) / name) for name in files if (Path(raw_dir) / name).exists()]
