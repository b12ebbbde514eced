"""OUT/report.html, as written by a run and by `newsclean report --html`: what it says and that it needs nothing
from outside its own file."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.runs import run_local
from tests.conftest import SEEDS, seeds_with_bad_files

# a file name a browser would take for markup if it were not escaped
HOSTILE_NAME = "blob<img src=x onerror=alert(1)>.bin.txt"
# elements that would make the page load something
EMBEDDING_TAGS = ("script", "link", "img", "iframe", "object", "embed", "source", "video", "audio", "image", "use")


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict, dict]:
    """Run 1: the seeds, an empty file and a binary file with markup in its name; run 2: one seed copied."""
    base = tmp_path_factory.mktemp("report")
    inputs = seeds_with_bad_files(base / "in", binary_name=HOSTILE_NAME)
    first = run_local([inputs], base / "out")
    first_page = (base / "out" / "report.html").read_text(encoding="utf-8")
    shutil.copy(next(SEEDS.iterdir()), inputs / "copy of a seed.txt")
    second = run_local([inputs], base / "out")
    (base / "first.html").write_text(first_page, encoding="utf-8")
    return base / "out", base / "first.html", first, second


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_the_run_writes_its_report_with_the_counts_and_the_rejected_files(two_runs) -> None:
    _out, first_page, first, _second = two_runs
    root = page(first_page)
    assert text(root.get_element_by_id("run-id")) == first["run_id"]
    assert first["articles"] == 5
    assert text(root.get_element_by_id("articles")) == "5"
    assert text(root.get_element_by_id("inputs-seen")) == "7"
    assert text(root.get_element_by_id("accounted")) == "yes"
    reasons = {heading.get("data-reason"): text(heading.find("span"))
               for heading in root.xpath("//h3[@data-reason]")}
    assert reasons == {"empty": "1", "not_text": "1"}
    rejected_files = [text(cell) for cell in root.xpath("//section[@id='rejections']//td[@class='path']")]
    assert sorted(Path(name).name for name in rejected_files) == sorted([HOSTILE_NAME, "empty.txt"])
    # one bar per reason in the chart, labelled with the reason
    labels = root.xpath("//section[@id='rejections']//svg//text[@text-anchor='end']")
    assert sorted(text(label) for label in labels) == ["empty", "not_text"]
    # every site of the five articles, and their counts adding up
    site_counts = [int(text(row.findall("td")[1])) for row in root.xpath("//section[@id='sites']//tbody/tr")]
    assert sum(site_counts) == 5
    # removed lines: the categories of the manifest, the top rules with their lines
    assert first["removed_by_category"]
    bar_labels = {text(label) for label in root.xpath("//section[@id='removed']//svg//text[@text-anchor='end']")}
    assert bar_labels == set(first["removed_by_category"])
    rule_lines = [int(text(row.findall("td")[2])) for row in root.xpath("//section[@id='removed']//tbody/tr")]
    assert rule_lines == sorted(rule_lines, reverse=True) and 0 < sum(rule_lines) <= sum(
        first["removed_by_category"].values())


def test_the_report_is_self_contained_and_escapes_what_it_shows(two_runs) -> None:
    _out, first_page, _first, _second = two_runs
    raw = first_page.read_text(encoding="utf-8")
    root = page(first_page)
    # nothing to load: no script, stylesheet link, image, frame or font; the one link goes to the Data Docs
    assert not root.xpath("|".join(f"//{tag}" for tag in EMBEDDING_TAGS))
    assert "@import" not in raw and "url(" not in raw
    assert [anchor.get("href") for anchor in root.iter("a")] == ["validation/index.html"]
    assert [element.get("src") for element in root.iter() if element.get("src")] == []
    # no `newsclean assets` cache here: the Data Docs load from CDNs, and the page says what to do
    assert "Run newsclean assets once" in text(root.get_element_by_id("data-docs"))
    # the hostile file name is text on the page, never markup
    assert HOSTILE_NAME not in raw
    assert "blob&lt;img src=x onerror=alert(1)&gt;.bin.txt" in raw
    assert any(text(cell).endswith(HOSTILE_NAME) for cell in root.xpath("//td[@class='path']"))


def test_each_expectation_shows_pass_or_fail_with_the_failing_rows_files(planted_run) -> None:
    out, _stats, manifest, rejected = planted_run
    root = page(out / "report.html")
    rows = {text(row.findall("td")[0]): row for row in root.xpath("//tr[@class='expectation']")}
    assert set(rows) == set(manifest["validation"]["expectations"])
    for name, counts in manifest["validation"]["expectations"].items():
        cells = rows[name].findall("td")
        assert text(cells[1]) == ("fail" if counts["unexpected_rows"] else "pass"), name
        assert int(text(cells[3])) == counts["unexpected_rows"]
        files = sorted(text(item) for item in cells[4].iter("li"))
        expected = sorted(path for path, row in rejected.items() if name in row["detail"])
        assert files == expected, name
    # the planted cookie line: its expectation fails on cookie.txt (and on nothing the seeds hold)
    chrome = rows["expect_column_values_to_be_null(body_chrome_rule)"]
    assert text(chrome.findall("td")[1]) == "fail"
    assert [Path(text(item)).name for item in chrome.iter("li")] == ["cookie.txt"]


def test_the_history_lists_the_runs_before_and_report_html_rewrites_an_earlier_runs_page(two_runs) -> None:
    out, _first_page, first, second = two_runs
    root = page(out / "report.html")  # written by the second run
    assert text(root.get_element_by_id("run-id")) == second["run_id"]
    history = [text(row.find("td/code")) for row in root.xpath("//section[@id='history']//tbody/tr")]
    assert history == [second["run_id"], first["run_id"]]
    assert len(root.xpath("//svg[@class='history']//rect[@class='articles']")) == 2
    assert {heading.get("data-reason") for heading in root.xpath("//h3[@data-reason]")} == {"duplicate_input"}

    done = CliRunner().invoke(app, ["report", str(out), "--html", "--run", first["run_id"][:18]])
    assert done.exit_code == 0, done.output
    assert f"report: {out / 'report.html'}" in " ".join(done.output.split())
    again = page(out / "report.html")
    assert text(again.get_element_by_id("run-id")) == first["run_id"]
    assert text(again.get_element_by_id("articles")) == "5"
    assert [text(row.find("td/code")) for row in again.xpath("//section[@id='history']//tbody/tr")] == [first["run_id"]]


def test_run_ids_of_runs_started_in_one_second_sort_by_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two runs of one folder, one after the other within the same second, the later with the smaller random
    suffix: their ids still sort by start (the history and "the latest run" read that order)."""
    import datetime as dt

    from newsclean import runs

    clock = {"now": dt.datetime(2026, 12, 4, 19, 32, 53, 100_000, tzinfo=dt.UTC)}

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
            return clock["now"]

    class Datetime:  # the datetime module as runs sees it, with the clock above
        datetime = Clock

        def __getattr__(self, name: str) -> object:
            return getattr(dt, name)

    monkeypatch.setattr(runs, "dt", Datetime())
    ids = []
    for later_ms, suffix in ((0, "ffffff"), (800, "000000")):
        clock["now"] = clock["now"] + dt.timedelta(milliseconds=later_ms)
        monkeypatch.setattr(runs.secrets, "token_hex", lambda _n, suffix=suffix: suffix)
        run = runs.start_run(tmp_path / "out")
        ids.append(run.run_id)
        runs.close_run(run)
    assert ids[0] < ids[1] and ids[0].startswith("20261204T193253100Z")
