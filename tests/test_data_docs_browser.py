"""The Data Docs as a person sees them: the index page in headless Chromium, its table built by the page's own JS.

Great Expectations' pages load jQuery, Bootstrap and bootstrap-table from CDNs, and there is no network here. The
test installs the same files from the npm registry and answers the CDN requests with them (the two files that carry
an integrity hash match it byte for byte). Every other request that would leave the machine is aborted, and the
test fails if the page asked for anything it needs that was not served. The browser is Debian's Chromium
(`.ci/run` installs it), driven by Playwright; Playwright's own browser download is never used.
"""

from __future__ import annotations

import contextlib
import mimetypes
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

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

# npm package (as installed under node_modules) for each version the GX pages name
NPM_PACKAGES = {
    "jquery": "jquery@3.7.1",
    "popper.js": "popper.js@1.12.9",
    "bootstrap": "bootstrap@4.3.1",
    "bootstrap-table": "bootstrap-table@1.19.1",
    "bootstrap-table-1.19.0": "bootstrap-table-1.19.0@npm:bootstrap-table@1.19.0",
    "bootstrap-datepicker": "bootstrap-datepicker@1.9.0",
    "@fortawesome/fontawesome-free": "@fortawesome/fontawesome-free@6.6.0",
    "@forevolve/bootstrap-dark": "@forevolve/bootstrap-dark@1.1.0",
}

# CDN URL prefix -> folder under node_modules that holds the same files (the rest of the URL is the path in it)
CDN = {
    "https://code.jquery.com/jquery-3.7.1": "jquery/dist/jquery",
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/": "popper.js/dist/",
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/": "bootstrap/dist/",
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/": "bootstrap/dist/",
    "https://unpkg.com/bootstrap-table@1.19.1/": "bootstrap-table/",
    "https://unpkg.com/bootstrap-table@1.19.0/": "bootstrap-table-1.19.0/",
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/": "bootstrap-datepicker/dist/",
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/": "@fortawesome/fontawesome-free/",
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/": "@forevolve/bootstrap-dark/",
}

# What the pages ask for that they do not need to show validation results: Vega (charts of profiling pages only)
# and GX's own logo URL, which carries the data context's id (a usage beacon). Aborted like everything else.
NOT_NEEDED = re.compile(r"^https://(cdn\.jsdelivr\.net/npm/vega(-lite|-embed)?@|great-expectations-web-assets\.)")

CONTENT_TYPES = {".js": "application/javascript", ".css": "text/css", ".woff2": "font/woff2", ".ttf": "font/ttf",
                 ".map": "application/json"}


@pytest.fixture(scope="session")
def cdn_files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """node_modules holding the CDN files, installed from the npm registry. No npm or no registry: a failure."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is not installed: the Data Docs browser test needs it (.ci/run installs Debian's npm)")
    prefix = tmp_path_factory.mktemp("cdn")
    command = [npm, "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "--ignore-scripts",
               "--legacy-peer-deps", "--loglevel=error", "--prefix", str(prefix), *NPM_PACKAGES.values()]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("npm install of the Data Docs' CDN files took over 300 s")
    modules = prefix / "node_modules"
    missing = [name for name in NPM_PACKAGES if not (modules / name / "package.json").is_file()]
    if done.returncode or missing:
        pytest.fail(f"npm install of the Data Docs' CDN files failed (exit {done.returncode}, missing {missing}):\n"
                    f"{done.stderr[-2000:]}")
    yield modules
    shutil.rmtree(prefix, ignore_errors=True)  # about 60 MB, mostly fonts; pytest keeps its last three tmp dirs


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium. Not there: a failure, never a skip."""
    found = shutil.which("chromium")
    if found is None:
        pytest.fail("Debian's chromium is not installed: .ci/run installs it (apt-get install chromium)")
    return found


class Traffic:
    """What the browser asked for: file:// pages, CDN files served from npm packages, requests aborted."""

    def __init__(self, modules: Path) -> None:
        self.modules = modules.resolve()
        self.served: list[str] = []
        self.aborted: list[str] = []

    def local_file(self, url: str) -> Path | None:
        bare = url.split("?", 1)[0].split("#", 1)[0]
        for prefix, folder in CDN.items():
            if bare.startswith(prefix):
                path = (self.modules / (folder + bare[len(prefix):])).resolve()
                if path.is_relative_to(self.modules) and path.is_file():
                    return path
        return None

    def handle(self, route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("file", "data", "blob", "about"):
            route.continue_()
            return
        path = self.local_file(url)
        if path is None:
            self.aborted.append(url)
            route.abort("blockedbyclient")
            return
        self.served.append(url)
        content_type = CONTENT_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "text/plain"
        # the pages are file:// (origin "null") and load popper and bootstrap with crossorigin="anonymous"
        route.fulfill(status=200, path=path, headers={"Content-Type": content_type,
                                                     "Access-Control-Allow-Origin": "*"})


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


@pytest.fixture
def browser(chromium: str, cdn_files: Path, tmp_path: Path):
    """A page whose every request goes through Traffic."""
    traffic = Traffic(cdn_files)
    with chromium_page(chromium, tmp_path / "profile", traffic.handle) as (page, errors):
        yield page, traffic, errors


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A run over the seeds plus an empty file and a binary file."""
    base = tmp_path_factory.mktemp("seeds-run")
    inputs = seeds_with_bad_files(base / "in")
    return base / "out", run_local([inputs], base / "out")


@pytest.fixture
def offline_browser(chromium: str, tmp_path: Path):
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


def test_report_html_renders_offline_with_the_run_its_articles_and_rejections(seeds_run, offline_browser,
                                                                             tmp_path) -> None:
    out, manifest = seeds_run
    page, aborted, errors = offline_browser
    page.goto((out / "report.html").as_uri())
    page.screenshot(path=tmp_path / "report.png", full_page=True)

    assert page.title() == f"newsclean run {manifest['run_id']}"
    assert page.locator("#run-id").inner_text() == manifest["run_id"]
    assert page.locator("#articles").inner_text() == "5"
    headings = [" ".join(text.split()) for text in page.locator("h3.reason").all_inner_texts()]
    assert headings == ["empty: 1", "not_text: 1"]
    files = page.locator("#rejections td.path").all_inner_texts()
    assert sorted(Path(name).name for name in files) == ["blob.bin", "empty.txt"]
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


def test_data_docs_index_renders_the_runs_suites_and_the_planted_failure(planted_run, browser, tmp_path) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    out, _stats, manifest, _rejected = planted_run
    page, traffic, errors = browser
    index = out / "validation" / "index.html"
    assert index.is_file()

    page.goto(index.as_uri())
    table = page.locator("table.ge-index-page-validation-results-table")
    rows = table.locator("tbody tr.clickable-row")
    try:
        rows.first.wait_for(state="visible")
    except PlaywrightTimeout:
        pytest.fail(f"the index table never rendered; aborted requests: {traffic.aborted}; page errors: {errors}")
    page.screenshot(path=tmp_path / "index.png", full_page=True)

    # the table exists only because jQuery + bootstrap-table ran (popper and bootstrap too: their integrity held)
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
    # the row's link is the articles validation's _table_row_link_path from the page's data
    link = articles.get_attribute("data-href")
    in_data = re.findall(r"'_table_row_link_path': '(validations/articles/__none__/[^']+/newsclean-articles\.html)'",
                         index.read_text(encoding="utf-8"))
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
    served = " ".join(traffic.served)
    for needed in ("jquery-3.7.1.min.js", "bootstrap-table@1.19.1/dist/bootstrap-table.min.js",
                   "bootstrap/4.3.1/js/bootstrap.min.js", "font-awesome/6.6.0/webfonts/"):
        assert needed in served, f"{needed} was never served"
    unexpected = [url for url in traffic.aborted if not NOT_NEEDED.match(url)]
    assert not unexpected, f"the pages asked for files this test does not serve: {unexpected}"
