"""Every language is an article by default; the `languages` option keeps some and rejects the others."""

from __future__ import annotations

import hashlib

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.config import Limits, parse_languages
from newsclean.pipeline import clean_document
from newsclean.records import Article, RawDoc, Reason, Rejection
from newsclean.runs import run_local
from tests.conftest import SEEDS

GERMAN = "\n".join([
    "Stadtrat beschließt neuen Radweg entlang der Uferpromenade",
    "Von Anna Becker",
    "Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, entlang der Uferpromenade einen "
    "neuen Radweg zu bauen. Die Arbeiten sollen im kommenden Frühjahr beginnen und etwa acht Monate "
    "dauern.",
    "Nach Angaben der Verwaltung kostet das Vorhaben rund 2,4 Millionen Euro, von denen das Land einen "
    "großen Teil übernimmt. Anwohner hatten sich seit Jahren über gefährliche Situationen zwischen "
    "Fußgängern und Radfahrern beklagt.",
    "Die Opposition kritisierte, dass die Parkplätze am Hafen wegfallen sollen, stimmte aber am Ende "
    "ebenfalls zu. Eine Bürgerversammlung ist für den nächsten Monat geplant.",
]) + "\n"


def clean_text(text: str, limits: Limits | None = None, name: str = "de.txt") -> Article | Rejection:
    limits = limits or Limits()
    data = text.encode("utf-8")
    return clean_document(RawDoc(name, data, hashlib.sha256(data).hexdigest()), limits)


def test_an_article_in_any_language_is_kept_by_default_and_says_its_language() -> None:
    article = clean_text(GERMAN)
    assert isinstance(article, Article)
    assert article.language == "de"
    assert article.body.startswith("Der Stadtrat hat am Dienstagabend")


def test_a_language_not_kept_is_rejected_with_its_own_reason_and_its_bytes() -> None:
    rejection = clean_text(GERMAN, Limits(languages=("ar", "en")))
    assert isinstance(rejection, Rejection)
    assert rejection.reason is Reason.LANGUAGE_EXCLUDED
    assert rejection.reason.value == "language_excluded"
    assert rejection.detail == "language de is not one of ar,en"
    assert rejection.raw == GERMAN.encode("utf-8")


def test_a_kept_language_is_still_an_article() -> None:
    assert isinstance(clean_text(GERMAN, Limits(languages=("de",))), Article)


@pytest.mark.parametrize(("given", "expected"), [
    ("ar,en", ("ar", "en")), (" AR , en,ar ", ("ar", "en")), (["ar", "fr,en"], ("ar", "fr", "en")),
    (None, None), ("", None), ([], None),
])
def test_parse_languages(given: object, expected: tuple[str, ...] | None) -> None:
    assert parse_languages(given) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("given", ["arabic", "ar;en", "e1"])
def test_parse_languages_refuses_what_is_not_a_code(given: str) -> None:
    with pytest.raises(ValueError, match="not an ISO 639-1 code"):
        parse_languages(given)


def test_cli_refuses_a_wrong_languages_value_before_running() -> None:
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--languages", "arabic"])
    assert result.exit_code == 2
    assert "not an ISO 639-1 code" in result.output


def test_validation_accepts_every_language_by_default_and_only_the_kept_ones_when_set(tmp_path) -> None:
    german = tmp_path / "in" / "de.txt"
    german.parent.mkdir()
    german.write_text(GERMAN, encoding="utf-8")
    seed = next(SEEDS.glob("000*"))
    (tmp_path / "in" / seed.name).write_bytes(seed.read_bytes())

    everything = run_local([tmp_path / "in"], tmp_path / "all")
    assert (everything["articles"], everything["rejected"]) == (2, 0)
    languages = ds.dataset(str(tmp_path / "all" / "articles")).to_table(columns=["language"]).column(0)
    assert sorted(languages.to_pylist()) == ["ar", "de"]

    some = run_local([tmp_path / "in"], tmp_path / "some", limits=Limits(languages=("ar", "en", "fr")))
    assert some["articles"] == 1 and some["rejected_by_reason"] == {"language_excluded": 1}
    rejected = ds.dataset(str(tmp_path / "some" / "rejected")).to_table().to_pylist()
    assert [(r["source_file"].endswith("de.txt"), r["reason"], r["raw"]) for r in rejected] == [
        (True, "language_excluded", GERMAN.encode("utf-8"))]


@pytest.mark.e2e
def test_the_flow_takes_the_languages_parameter(prefect_harness, tmp_path) -> None:
    from flows.clean_news import clean_news

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "de.txt").write_text(GERMAN, encoding="utf-8")
    seed = next(SEEDS.glob("000*"))
    (inputs / seed.name).write_bytes(seed.read_bytes())
    manifest = clean_news(inputs=[str(inputs)], out=str(tmp_path / "out"), workers=0, languages=["ar"])
    assert manifest["articles"] == 1 and manifest["rejected_by_reason"] == {"language_excluded": 1}
    assert list(manifest["limits"]["languages"]) == ["ar"]
