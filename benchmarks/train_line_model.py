"""Train the text-dump line model (`newsclean/chrome/line_model.json`) on whole-page dumps of wcxb-dev's articles.

    .venv/bin/pip install scikit-learn        # training only; newsclean reads the model with numpy
    .venv/bin/python benchmarks/train_line_model.py [--shared ../shared] [--out newsclean/chrome/line_model.json]

Data: every article page of `shared/bench/wcxb-dev` (793 pages of as many sites, none of the page-dumps'
or region-dumps' pages, which stay for measuring), dumped with `shared/tools/make_dump.py` as a scraper saving
the page's text would, and each dump line labelled as `shared/bench/page-dumps` labels its lines: body when its
text is in the page's gold body (a line under 6 words must equal a whole gold line), chrome otherwise. The rows
are the lines the structural steps keep as body (the only lines the model judges), with `line_features`.
Deterministic: same data, same scikit-learn, same file. Prints a grouped 5-fold cross-validation (pages never
split between training and testing) of what removing at each probability would cost and gain.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsclean.chrome.label import label_page  # noqa: E402
from newsclean.chrome.line_model import FEATURES, line_features  # noqa: E402
from newsclean.pipeline import prepare_document  # noqa: E402
from newsclean.records import RawDoc  # noqa: E402
from newsclean.textnorm import fold  # noqa: E402
from newsclean.trees import trees_from_dict  # noqa: E402

PARAMS = {"n_estimators": 200, "max_depth": 3, "learning_rate": 0.1, "subsample": 0.8, "random_state": 0}
SHORT_WORDS = 6  # page-dumps' labelling rule: a shorter line is body only as a whole gold line


def gold_labeller(body: str):  # type: ignore[no-untyped-def]
    """Is a dump line body, by the page-dumps rule."""
    gold_lines = {fold(line) for line in body.splitlines() if line.strip()}
    whole = fold(" ".join(body.split()))

    def is_body(text: str) -> bool:
        folded = fold(text)
        if not folded:
            return False
        return folded in gold_lines or (len(text.split()) >= SHORT_WORDS and folded in whole)

    return is_body


def page_rows(html: bytes, body: str, dump_text) -> tuple[np.ndarray, np.ndarray] | None:  # type: ignore[no-untyped-def]
    """The features and chrome targets of the lines the structural steps keep, for one page."""
    text = dump_text(html).encode("utf-8")
    prepared = prepare_document(RawDoc("page.txt", text, hashlib.sha256(text).hexdigest()))
    if not hasattr(prepared, "extracted") or prepared.extracted.format != "text":
        return None
    page, region, _ = label_page(prepared.extracted.lines, folded_lines=prepared.folded,
                                 word_counts=prepared.words)
    if region is None:
        return None
    kept = [i for i in range(page.n) if page.is_body(i)]
    if not kept:
        return None
    is_body = gold_labeller(body)
    rows = line_features(page, region, kept)
    return rows, np.array([0 if is_body(page.texts[i]) else 1 for i in kept], dtype=np.int8)


def load_rows(shared: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    sys.path.insert(0, str(shared / "tools"))
    from make_dump import dump_text  # type: ignore[import-not-found]

    bench = shared / "bench" / "wcxb-dev"
    xs, ys, groups = [], [], []
    for number, gold_file in enumerate(sorted((bench / "gold").glob("*.json"))):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if gold.get("page_type") != "article" or gold.get("expect_rejected"):
            continue
        html = gzip.decompress((bench / "html" / (gold_file.name[: -len(".json")] + ".gz")).read_bytes())
        got = page_rows(html, gold["body"], dump_text)
        if got is None:
            continue
        xs.append(got[0])
        ys.append(got[1])
        groups.append(np.full(len(got[1]), number))
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(groups)


def export(classifier, features: tuple[str, ...], meta: dict) -> dict:  # type: ignore[no-untyped-def]
    trees = []
    for estimator in classifier.estimators_[:, 0]:
        tree = estimator.tree_
        trees.append({"feature": [int(f) if f >= 0 else -1 for f in tree.feature],
                      "threshold": [float(t) for t in tree.threshold],
                      "left": [int(c) for c in tree.children_left], "right": [int(c) for c in tree.children_right],
                      "value": [float(v) for v in tree.value[:, 0, 0]]})
    prior = float(classifier._raw_predict_init(np.zeros((1, len(features)), dtype=np.float32))[0, 0])
    return {"features": list(features), "learning_rate": classifier.learning_rate, "prior": prior,
            "trees": trees, "trained_on": meta}


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> None:
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.model_selection import GroupKFold

    probability = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        classifier = GradientBoostingClassifier(**PARAMS).fit(x[train], y[train])
        probability[test] = classifier.predict_proba(x[test])[:, 1]
    print(f"rows {len(y)}, chrome {int(y.sum())} ({y.mean():.3f}), pages {len(set(groups))}")
    print("threshold  chrome removed  body removed")
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        removed = probability >= threshold
        print(f"{threshold:9.2f}  {int((removed & (y == 1)).sum()):14d}  {int((removed & (y == 0)).sum()):12d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "newsclean" / "chrome" / "line_model.json")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    import sklearn
    from sklearn.ensemble import GradientBoostingClassifier

    x, y, groups = load_rows(args.shared)
    if not args.no_cv:
        cross_validate(x, y, groups)
    classifier = GradientBoostingClassifier(**PARAMS).fit(x, y)
    meta = {"data": "shared/bench/wcxb-dev article pages, whole-page dumps (make_dump.py)",
            "pages": len(set(groups)), "rows": len(y), "chrome_rows": int(y.sum()), "params": PARAMS,
            "scikit_learn": sklearn.__version__}
    model = export(classifier, FEATURES, meta)
    ours = trees_from_dict(model).probability(x)
    theirs = classifier.predict_proba(x)[:, 1]
    assert np.allclose(ours, theirs, atol=1e-6), float(np.abs(ours - theirs).max())
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(model['trees'])} trees)")


if __name__ == "__main__":
    main()
