"""Serving the Data Docs' CDN files from the output folder: which URLs, the cache's completeness, the rewrite of
pages at any depth (the browser test renders real ones; tests/test_data_docs_browser.py)."""

from __future__ import annotations

import json
from pathlib import Path

from newsclean.data_docs import ASSET_INDEX, VENDOR, _cache_path, cached_assets, template_urls, vendor_data_docs

JQUERY = "https://code.jquery.com/jquery-3.7.1.min.js"
POPPER = "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js"


def fake_cache(folder: Path, leave_out: str | None = None) -> Path:
    """A cache as `fetch_assets` leaves it, each file holding its own URL."""
    index = {}
    for url in template_urls():
        if url != leave_out:
            index[url] = _cache_path(url)
            (folder / index[url]).parent.mkdir(parents=True, exist_ok=True)
            (folder / index[url]).write_text(url, encoding="utf-8")
    (folder / ASSET_INDEX).write_text(json.dumps(index), encoding="utf-8")
    return folder


def test_the_installed_gx_names_the_libraries_the_index_needs() -> None:
    urls = template_urls()
    assert JQUERY in urls and POPPER in urls
    assert any("bootstrap-table@1.19.1/dist/bootstrap-table.min.js" in url for url in urls)
    assert any("font-awesome/6.6.0/css/all.min.css" in url for url in urls)
    assert not any("vega" in url for url in urls)


def test_a_cache_missing_a_url_the_templates_name_is_not_complete(tmp_path: Path) -> None:
    assert cached_assets(tmp_path / "none") is None
    assert cached_assets(fake_cache(tmp_path / "stale", leave_out=JQUERY)) is None
    complete = cached_assets(fake_cache(tmp_path / "complete"))
    assert complete is not None and complete[JQUERY] == "code.jquery.com/jquery-3.7.1.min.js"


def test_pages_at_any_depth_point_at_the_copied_files(tmp_path: Path) -> None:
    cache = fake_cache(tmp_path / "cache")
    docs = tmp_path / "validation"
    page = (f'<script src="https://cdn.jsdelivr.net/npm/vega@5"></script>\n<script src="{JQUERY}"></script>\n'
            f'<script src="{POPPER}" integrity="sha384-x" crossorigin="anonymous"></script>\n'
            '<a href="https://greatexpectations.io"><img class="NO-CACHE"\n  src="https://great-expectations-web-'
            'assets.s3.us-east-2.amazonaws.com/logo-long.png?dataContextId=1" alt="GX"></a>\n')
    deep = docs / "validations" / "articles" / "RUN" / "TIME" / "batch.html"
    for path in (docs / "index.html", deep):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")

    assert vendor_data_docs(docs, cache) is True
    index, validation = (docs / "index.html").read_text(), deep.read_text()
    assert f'<script src="static/vendor/{_cache_path(JQUERY)}"></script>' in index
    assert f'<script src="../../../../static/vendor/{_cache_path(POPPER)}"></script>' in validation
    for text in (index, validation):
        assert "vega" not in text and "great-expectations-web-assets" not in text and "integrity" not in text
        assert '<a href="https://greatexpectations.io">' in text  # a link is no load: it stays
    assert (docs / VENDOR / _cache_path(JQUERY)).read_text() == JQUERY
    # a second pass changes nothing
    assert vendor_data_docs(docs, cache) is True and (docs / "index.html").read_text() == index


def test_without_a_cache_the_pages_stay_as_gx_wrote_them(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(f'<script src="{JQUERY}"></script>', encoding="utf-8")
    assert vendor_data_docs(tmp_path, tmp_path / "no-cache") is False
    assert (tmp_path / "index.html").read_text() == f'<script src="{JQUERY}"></script>'
    assert not (tmp_path / VENDOR).exists()
