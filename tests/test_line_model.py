"""The learned line step for text dumps: the packaged trees, their reading, and what the step may remove."""

import logging

import pytest

from newsclean.chrome import line_model
from newsclean.chrome.label import DEFAULT_SETTINGS, label_lines, label_page, mark_model_chrome
from newsclean.chrome.line_model import FEATURES, line_features, load_line_model
from newsclean.trees import trees_from_dict
from tests.conftest import stump

P1 = ("The city council approved the new budget on Tuesday after a long debate over transport spending, "
      "housing and the cost of the river bridge repairs.")
P2 = ("Council members said the budget would raise transport spending by a tenth, while housing grants "
      "stay at last year's level and the bridge repairs start in the spring.")
OTHER = "Celebrity chef opens third restaurant in seaside town this summer"
LINES = ["Home", "News", "Council approves budget after long debate", P1, OTHER, P2, "Contact us"]



def test_the_packaged_model_loads_and_judges_every_line() -> None:
    model = load_line_model()
    assert model is not None and model.features == FEATURES
    page, region, _ = label_page(LINES)
    assert region is not None
    probability = model.probability(line_features(page, region))
    assert probability.shape == (len(LINES),)
    assert ((probability >= 0) & (probability <= 1)).all()


def test_a_model_of_other_features_is_refused_aloud(monkeypatch: pytest.MonkeyPatch,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    """A model file trained on another feature list would mix up its inputs: the step is off, and the log
    says why."""
    monkeypatch.setattr(line_model, "FEATURES", (*FEATURES, "a_feature_the_file_lacks"))
    with caplog.at_level(logging.WARNING, logger="newsclean.trees"):
        assert line_model.load_line_model.__wrapped__() is None
    assert "trained on other features" in caplog.text


def test_features_see_which_lines_share_the_article_s_words() -> None:
    page, region, _ = label_page(LINES)
    assert region is not None
    share = line_features(page, region)[:, FEATURES.index("body_vocab_share")]
    assert share[LINES.index(P2)] > 0.3  # council, budget, transport, housing, bridge repairs
    assert share[LINES.index(OTHER)] == 0.0


def test_the_step_removes_only_confident_long_enough_body_lines() -> None:
    sure = trees_from_dict({"features": list(FEATURES), "learning_rate": 1.0, "prior": 0.0,
                            "trees": [stump(FEATURES.index("body_vocab_share"), 0.05, 10.0, -10.0)]})
    page, region, _ = label_page(LINES)
    assert region is not None and page.is_body(LINES.index(OTHER))
    mark_model_chrome(page, region, sure)
    assert page.decided[LINES.index(OTHER)].rule == "model.line_chrome"
    assert page.is_body(LINES.index(P1)) and page.is_body(LINES.index(P2))
    short = ["Council approves budget", P1, "Big news", P2]
    page, region, _ = label_page(short)
    assert region is not None and page.is_body(2) and page.words[2] < DEFAULT_SETTINGS.model_min_words
    mark_model_chrome(page, region, sure)
    assert page.is_body(2)  # short lines stay the structural steps' decision


def test_html_lines_are_not_judged_by_the_model() -> None:
    sure = trees_from_dict({"features": list(FEATURES), "learning_rate": 1.0, "prior": 10.0,
                            "trees": [stump(0, 0.0, 0.0, 0.0)]})
    labels = [line.label for line in label_lines(LINES[2:6], edges_are_chrome=False, line_model=sure).lines]
    assert labels.count("body") >= 3
    dumped = [line.label for line in label_lines(LINES, line_model=sure).lines]
    long_lines = [label for label, text in zip(dumped, LINES, strict=True) if len(text.split()) >= 6]
    assert "body" not in long_lines
