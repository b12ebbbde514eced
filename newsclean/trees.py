"""Boosted regression trees read with numpy: the packaged models (text-dump lines, listing pages) are
scikit-learn gradient boosting exported as flat arrays by their `benchmarks/train_*.py` script, so running
them needs neither scikit-learn nor pickles."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from importlib import resources

import numpy as np

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BoostedTrees:
    """Boosted regression trees as flat arrays: each tree's nodes (feature, threshold, children, leaf value)."""

    feature: np.ndarray  # (trees, nodes) int; -1 at a leaf
    threshold: np.ndarray  # (trees, nodes) float
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray  # (trees, nodes) float: the leaf's contribution
    learning_rate: float
    prior: float  # the log-odds every row starts from
    features: tuple[str, ...]

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """P(positive class) of each row: every tree at once, one level a step (trees are a few levels deep)."""
        trees = np.arange(self.feature.shape[0])[:, None]
        columns = np.arange(len(rows))[None, :]
        node = np.zeros((len(trees), len(rows)), dtype=np.int64)
        while True:
            feature = self.feature[trees, node]
            inner = feature >= 0
            if not inner.any():
                break
            go_left = rows[columns, np.maximum(feature, 0)] <= self.threshold[trees, node]
            node = np.where(inner, np.where(go_left, self.left[trees, node], self.right[trees, node]), node)
        score = self.prior + self.learning_rate * self.value[trees, node].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-score))


def trees_from_dict(data: dict) -> BoostedTrees:
    """The model a training script exported (`features`, `learning_rate`, `prior`, `trees`)."""
    trees = data["trees"]
    width = max(len(t["feature"]) for t in trees)

    def pad(key: str, fill: float) -> np.ndarray:
        return np.array([t[key] + [fill] * (width - len(t[key])) for t in trees])

    return BoostedTrees(pad("feature", -1).astype(np.int64), pad("threshold", 0.0), pad("left", 0).astype(np.int64),
                        pad("right", 0).astype(np.int64), pad("value", 0.0), float(data["learning_rate"]),
                        float(data["prior"]), tuple(data["features"]))


def load_packaged_trees(package: str, file_name: str, features: tuple[str, ...]) -> BoostedTrees | None:
    """A model file shipped in `package`, or None when there is none or it was trained on other features
    (judging with it would mix up its inputs: the caller's step is off, and the log says so)."""
    try:
        data = json.loads(resources.files(package).joinpath(file_name).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    model = trees_from_dict(data)
    if model.features != features:
        logger.warning("%s was trained on other features than this version computes: its step is off", file_name)
        return None
    return model
