"""Boosted trees as the packaged models ship them (newsclean.trees): reading, and refusing a file of other
features."""

import logging

import numpy as np
import pytest

from newsclean.trees import load_packaged_trees, trees_from_dict
from tests.conftest import stump

FEATURES = ("a", "b")


def test_trees_are_read_as_boosted_log_odds() -> None:
    model = trees_from_dict({"features": list(FEATURES), "learning_rate": 1.0, "prior": 0.0,
                             "trees": [stump(0, 1.0, -2.0, 2.0), stump(1, 5.0, -1.0, 1.0)]})
    rows = np.zeros((3, len(FEATURES)), dtype=np.float32)
    rows[1, 0] = 2.0
    rows[2, 0], rows[2, 1] = 2.0, 6.0
    expected = 1 / (1 + np.exp(-np.array([-3.0, 1.0, 3.0])))
    assert np.allclose(model.probability(rows), expected)


def test_the_learning_rate_and_the_prior_shift_every_row() -> None:
    model = trees_from_dict({"features": list(FEATURES), "learning_rate": 0.5, "prior": 1.0,
                             "trees": [stump(0, 1.0, -2.0, 2.0)]})
    rows = np.array([[0.0, 0.0], [3.0, 0.0]], dtype=np.float32)
    assert np.allclose(model.probability(rows), 1 / (1 + np.exp(-np.array([0.0, 2.0]))))


def test_a_packaged_file_is_read_only_for_the_features_it_was_trained_on(caplog: pytest.LogCaptureFixture) -> None:
    listing = load_packaged_trees("newsclean", "listing_model.json", ())
    assert listing is None  # trained on LISTING_FEATURES, asked for none
    assert "listing_model.json was trained on other features" in caplog.text
    assert load_packaged_trees("newsclean", "no_such_model.json", FEATURES) is None
    with caplog.at_level(logging.WARNING, logger="newsclean.trees"):
        caplog.clear()
        assert load_packaged_trees("newsclean", "no_such_model.json", FEATURES) is None
    assert caplog.text == ""  # no model file: the step is simply off
