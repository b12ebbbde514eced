"""Train the listing model (`newsclean/listing_model.json`) on the dev half of wcxb-dev's HTML pages.

    .venv/bin/pip install -e '.[train]'       # training only; newsclean reads the model with numpy
    .venv/bin/python benchmarks/train_listing_model.py [--shared ../shared] [--out newsclean/listing_model.json]

Data: the pages of `shared/bench/wcxb-dev` (articles, listings, collections of 1,000+ sites) in the dev half
of `dumps_benchmark.split_of`, the half `html_benchmark.py` calls `dev`; the held-out half is never trained
on, so `html_benchmark.py`'s held-out column measures the model. A row is a page as the pipeline sees it when
it asks whether the page is a listing: `listing_features` of its signals, the body lines the labeller kept
and its title; the target is the gold's `expect_rejected`. Pages the pipeline rejects before (no body) are
left out. Deterministic: same data, same scikit-learn, same file. Prints a 5-fold cross-validation on the dev
half and the held-out half's outcome at each probability (what the rules reject, and what the model adds).
"""

from __future__ import annotations

import argparse
import json
import sys
from multiprocessing import Pool
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dumps_benchmark import split_of  # noqa: E402
from train_line_model import export  # noqa: E402

from newsclean.decode import read_input  # noqa: E402
from newsclean.listing import LISTING_FEATURES, listing_features, rules_listing_reason  # noqa: E402
from newsclean.pipeline import Prepared, label_prepared, prepare_document  # noqa: E402
from newsclean.records import Rejection  # noqa: E402
from newsclean.trees import trees_from_dict  # noqa: E402

PARAMS = {"n_estimators": 150, "max_depth": 3, "learning_rate": 0.1, "subsample": 0.8, "random_state": 0}
THRESHOLDS = (0.8, 0.85, 0.9, 0.95, 0.97)


def page_row(gold_file: Path) -> tuple[str, np.ndarray, int, bool] | None:
    """A page's features, whether it is a listing, and whether the rules already reject it."""
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    raw = read_input(str(gold_file.parent.parent / "html" / gold["file"]))
    if isinstance(raw, Rejection):
        return None
    prepared = prepare_document(raw)
    if not isinstance(prepared, Prepared) or prepared.extracted.signals is None:
        return None
    labelled = label_prepared(prepared)
    if not labelled.has_body:
        return None
    body = [line.text for line in labelled.lines if line.label == "body"]
    signals, title = prepared.extracted.signals, prepared.extracted.title
    return (gold["file"], listing_features(signals, body, title)[0], int(bool(gold.get("expect_rejected"))),
            rules_listing_reason(signals, body) is not None)


def load_rows(shared: Path) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    gold_files = sorted((shared / "bench" / "wcxb-dev" / "gold").glob("*.json"))
    with Pool(2) as pool:
        rows = [row for row in pool.map(page_row, gold_files, chunksize=8) if row is not None]
    return ([r[0] for r in rows], np.array([r[1] for r in rows]), np.array([r[2] for r in rows]),
            np.array([r[3] for r in rows]))


def outcome_table(probability: np.ndarray, y: np.ndarray, by_rules: np.ndarray, title: str) -> None:
    """Listings and articles rejected by the rules alone and with the model at each threshold."""
    print(f"{title}: {int(y.sum())} listings, {int((y == 0).sum())} articles")
    print(f"  rules alone: {int((by_rules & (y == 1)).sum())} listings, {int((by_rules & (y == 0)).sum())} articles")
    for threshold in THRESHOLDS:
        rejected = by_rules | (probability >= threshold)
        print(f"  rules + model at {threshold:.2f}: {int((rejected & (y == 1)).sum())} listings, "
              f"{int((rejected & (y == 0)).sum())} articles")


def cross_validate(x: np.ndarray, y: np.ndarray, by_rules: np.ndarray) -> None:
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.model_selection import StratifiedKFold

    probability = np.zeros(len(y))
    for train, test in StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(x, y):
        probability[test] = GradientBoostingClassifier(**PARAMS).fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    outcome_table(probability, y, by_rules, "dev half, 5-fold cross-validation")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "newsclean" / "listing_model.json")
    args = parser.parse_args()
    import sklearn
    from sklearn.ensemble import GradientBoostingClassifier

    files, x, y, by_rules = load_rows(args.shared)
    dev = np.array([split_of(name) == "dev" for name in files])
    cross_validate(x[dev], y[dev], by_rules[dev])
    classifier = GradientBoostingClassifier(**PARAMS).fit(x[dev], y[dev])
    held_out = classifier.predict_proba(x[~dev])[:, 1]
    outcome_table(held_out, y[~dev], by_rules[~dev], "held-out half (never trained on)")
    meta = {"data": "shared/bench/wcxb-dev HTML pages, dev half (dumps_benchmark.split_of)",
            "pages": int(dev.sum()), "listings": int(y[dev].sum()), "params": PARAMS,
            "scikit_learn": sklearn.__version__}
    model = export(classifier, LISTING_FEATURES, meta)
    ours = trees_from_dict(model).probability(x[dev])
    assert np.allclose(ours, classifier.predict_proba(x[dev])[:, 1], atol=1e-6)
    args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(model['trees'])} trees)")


if __name__ == "__main__":
    main()
