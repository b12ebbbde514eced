"""report.html and the Data Docs as a person sees them offline: headless Chromium with every request that is not
a file:// page aborted (and recorded: a test fails if a page asked for anything), the Data Docs' index table built
by the page's own JS from the files `newsclean assets` put in the output folder. The browser is Debian's Chromium
(`.ci/test-deps` installs it), driven by Playwright; Playwright's own browser download is never used.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from newsclean.cli import app
from newsclean.data_docs import default_cache
from newsclean.runs import run_local
from tests.conftest import seeds_with_bad_files

pytestmark = pytest.mark.e2e

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    # belt and braces: the browser resolves no host name at all, so nothing it does on its own can go out
    "--host-resolver-rules=MAP * ~NOTFOUND",
]

@pytest.fixture(scope="session")
def assets_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The Data Docs' CDN files, fetched by `newsclean assets` (npm pack from the npm registry) into a cache of
    this session. No npm or no registry: a failure."""
    if shutil.which("npm") is None:
        pytest.fail("npm is not installed: `newsclean assets` needs it (.ci/test-deps installs Debian's npm)")
    cache = tmp_path_factory.mktemp("xdg-cache") / "newsclean" / "data-docs"
    done = CliRunner().invoke(app, ["assets", "--cache", str(cache)])
    assert done.exit_code == 0, done.output
    yield cache
    shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium. Not there: a failure, never a skip."""
    found = shutil.which("chromium")
    if found is None:
        pytest.fail("Debian's chromium is not installed: .ci/run installs it (apt-get install chromium)")
    return found


@contextlib.contextmanager
def chromium_page(chromium: str, profile: Path, handle: Callable[[Any], None]) -> Iterator[tuple[Any, list[str]]]:
    """A page in headless Chromium (own profile) whose every request goes through `handle`; the page's
    uncaught errors are collected."""
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=chromium, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 1000}, service_workers="block")
        try:
            context.set_default_timeout(30_000)
            context.route("**/*", handle)
            page = context.pages[0] if context.pages else context.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            yield page, errors
        finally:
            context.close()


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory, assets_cache: Path) -> tuple[Path, dict]:
    """A run over the seeds plus an empty file and a binary file, on a machine where `newsclean assets` ran
    (the user's cache folder is the session's)."""
    base = tmp_path_factory.mktemp("seeds-run")
    inputs = seeds_with_bad_files(base / "in")
    before = os.environ["XDG_CACHE_HOME"]  # the session's empty one (tests/conftest.py)
    os.environ["XDG_CACHE_HOME"] = str(assets_cache.parent.parent)
    try:
        assert default_cache() == assets_cache
        return base / "out", run_local([inputs], base / "out")
    finally:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def browser(chromium: str, tmp_path: Path):
    """A page whose every request but file:// and data: is aborted and recorded."""
    aborted: list[str] = []

    def handle(route) -> None:
        if urlsplit(route.request.url).scheme in ("file", "data", "about"):
            route.continue_()
        else:
            aborted.append(route.request.url)
            route.abort("blockedbyclient")

    with chromium_page(chromium, tmp_path / "profile", handle) as (page, errors):
        yield page, aborted, errors


def test_report_html_renders_offline_with_the_run_its_articles_and_rejections(seeds_run, browser, tmp_path) -> None:
    out, manifest = seeds_run
    page, aborted, errors = browser
    page.goto((out / "report.html").as_uri())
    page.screenshot(path=tmp_path / "report.png", full_page=True)

    assert page.title() == f"newsclean run {manifest['run_id']}"
    assert page.locator("#run-id").inner_text() == manifest["run_id"]
    assert page.locator("#articles").inner_text() == "5"
    headings = [" ".join(text.split()) for text in page.locator("h3.reason").all_inner_texts()]
    assert headings == ["empty: 1", "not_text: 1"]
    files = page.locator("#rejections td.path").all_inner_texts()
    assert sorted(Path(name).name for name in files) == ["blob.bin.txt", "empty.txt"]
    # the charts are drawn: one bar per reason, laid out with a width
    bars = page.locator("#rejections svg rect")
    assert bars.count() == 2 and all(box["width"] > 0 for box in (bar.bounding_box() for bar in bars.all()))
    # the page's link to the Data Docs leads to a page that exists
    link = page.locator("#data-docs-link")
    assert (out / link.get_attribute("href")).is_file()
    assert not aborted, f"report.html asked for something outside its file: {aborted}"
    assert not errors, errors


def section(page, title: str):
    """A validation page's section (an Overview or one column) by the exact text of its heading."""
    heading = page.locator("h5", has_text=re.compile(rf"^\s*{re.escape(title)}\s*$"))
    return page.locator("div.ge-section", has=heading)


def index_rows(page, index: Path, aborted: list[str], errors: list[str]):
    """The rows of the index's validation results table, once the page's JS built it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(index.as_uri())
    rows = page.locator("table.ge-index-page-validation-results-table tbody tr.clickable-row")
    try:
        rows.first.wait_for(state="visible")
    except PlaywrightTimeout:
        pytest.fail(f"the index table never rendered; aborted requests: {aborted}; page errors: {errors}")
    return rows


def test_data_docs_index_lists_the_runs_validation_results_offline(seeds_run, browser, tmp_path) -> None:
    out, manifest = seeds_run
    page, aborted, errors = browser
    assert manifest["validation"]["data_docs_offline"] is True
    assert "newsclean assets" not in (out / "report.html").read_text(encoding="utf-8")  # no advice needed
    rows = index_rows(page, out / "validation" / "index.html", aborted, errors)
    page.screenshot(path=tmp_path / "index.png", full_page=True)

    # one row per suite of the run, named by the run's id (not GX's "__none__"), with their status icons
    cells = [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in rows.all()]
    assert sorted((row[2], row[5]) for row in cells) == [(manifest["run_id"], "articles"),
                                                        (manifest["run_id"], "run")]
    assert rows.locator("i.ge-success-icon").count() == 2  # the seeds pass every expectation
    # the Expectation Suites tab lists both suites, and their pages exist
    page.get_by_role("tab", name="Expectation Suites").click()
    suites = page.locator("table.ge-index-page-expectation_suites-table tbody tr.clickable-row")
    suites.first.wait_for(state="visible")
    links = sorted(row.get_attribute("data-href") for row in suites.all())
    assert links == ["expectations/articles.html", "expectations/run.html"]
    assert all((out / "validation" / link).is_file() for link in links)
    page.goto((out / "validation" / links[0]).as_uri())
    page.locator("h5", has_text="body_chrome_rule").wait_for(state="visible")
    assert not aborted, f"the Data Docs asked for something outside the output folder: {aborted}"
    assert not errors, errors


def test_data_docs_index_renders_the_runs_suites_and_the_planted_failure(planted_run, assets_cache, browser,
                                                                        tmp_path) -> None:
    out, _stats, manifest, _rejected = planted_run
    page, aborted, errors = browser
    index = out / "validation" / "index.html"
    assert manifest["validation"]["data_docs_offline"] is False  # the run had no asset cache
    assert "https://code.jquery.com/" in index.read_text(encoding="utf-8")
    # `newsclean assets --out OUT` serves the cached files to Data Docs written before
    done = CliRunner().invoke(app, ["assets", "--cache", str(assets_cache), "--out", str(out)])
    assert done.exit_code == 0 and f"{index}: offline" in " ".join(done.output.split()), done.output

    rows = index_rows(page, index, aborted, errors)
    table = page.locator("table.ge-index-page-validation-results-table")
    page.screenshot(path=tmp_path / "index.png", full_page=True)

    # the table exists only because jQuery + bootstrap-table ran (popper and bootstrap too)
    assert page.evaluate("() => [typeof Popper, typeof $.fn.tab, typeof $.fn.bootstrapTable]") == ["function"] * 3
    assert rows.count() == 2
    cells = {row.locator("td").nth(5).inner_text().strip(): row for row in rows.all()}
    assert set(cells) == {"articles", "run"}
    articles = cells["articles"]
    assert articles.locator("i.ge-failed-icon").count() == 1
    assert cells["run"].locator("i.ge-success-icon").count() == 1
    # the Status filter (bootstrap-table's filter-control) offers what the page's JS collected from the rows
    status_filter = table.locator("thead select").first
    assert {"Failed", "Success"} <= set(status_filter.locator("option").all_inner_texts())
    # the row's link is the articles validation's _table_row_link_path from the page's data, under the run's id
    link = articles.get_attribute("data-href")
    pattern = rf"'_table_row_link_path': '(validations/articles/{manifest['run_id']}/[^']+/newsclean-articles\.html)'"
    in_data = re.findall(pattern, index.read_text(encoding="utf-8"))
    assert in_data == [link] and (index.parent / link).is_file()
    # a person clicks the row: the page's own handler goes to that validation result
    articles.locator("td").nth(1).click()
    page.wait_for_url(re.compile(re.escape(link) + "$"))
    page.locator("h5", has_text="body_chrome_rule").wait_for(state="visible")
    page.screenshot(path=tmp_path / "articles.png", full_page=True)

    assert "Status: Failed" in " ".join(section(page, "Overview").inner_text().split())
    unsuccessful = page.locator("tr", has=page.locator("td", has_text="Unsuccessful Expectations"))
    failed_in_manifest = sum(1 for e in manifest["validation"]["expectations"].values() if e["unexpected_rows"] > 0)
    assert failed_in_manifest > 0
    assert unsuccessful.locator("td").nth(1).inner_text().strip() == str(failed_in_manifest)

    # the planted cookie record: expect_column_values_to_be_null(body_chrome_rule), its rule named as the value
    text = " ".join(section(page, "body_chrome_rule").inner_text().split())
    assert "values must be null" in text
    assert "ar.cookie.we_use" in text
    # the planted HTML record: expect_column_values_to_not_match_regex(body)
    assert "must not match this regular expression" in section(page, "body").inner_text()

    # one status icon per expectation row; "Failed Only" (the page's JS) leaves the unsuccessful ones alone
    succeeded, failed = page.locator("td i.fa-check-circle.text-success"), page.locator("td i.fa-times.text-danger")
    assert succeeded.count() + failed.count() == len(manifest["validation"]["expectations"])
    assert failed.count() == failed_in_manifest
    page.get_by_text("Failed Only").click()
    page.wait_for_function("() => !$(':animated').length")
    assert page.locator("td i.fa-check-circle.text-success:visible").count() == 0
    assert page.locator("td i.fa-times.text-danger:visible").count() == failed_in_manifest
    page.screenshot(path=tmp_path / "articles-failed-only.png", full_page=True)

    assert not errors, errors
    assert not aborted, f"the Data Docs asked for something outside the output folder: {aborted}"
    # every page of the folder now names its scripts and styles inside it
    for page_file in (out / "validation").rglob("*.html"):
        text = page_file.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link)\b[^>]*"https://', text), page_file
