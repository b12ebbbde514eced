"""The README's promises that can be checked: the quick start and the data dictionary derived from the schema."""

from __future__ import annotations

from newsclean.schema import README_END, README_START, data_dictionary
from tests.conftest import ROOT


def test_readme_data_dictionary_is_the_schema() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split(README_START)[1].split(README_END)[0]
    assert table == data_dictionary(), "run: python -m newsclean.schema README.md"


def test_readme_quick_start_is_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
