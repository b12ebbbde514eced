"""Great Expectations' Data Docs that render offline.

GX's page templates load jQuery, Bootstrap, bootstrap-table and Font Awesome from CDNs, so without a network
the index's results list (built by bootstrap-table) is empty and the icons and filters are dead. `fetch_assets`
puts the same files, from the same versions' npm packages (`npm pack`: the registry's integrity hash is
checked), in a local cache once; `vendor_data_docs` copies them into `validation/static/vendor` after each
build and points the pages at them. What only profiling pages use (Vega) and GX's logo beacon are dropped.
"""

from __future__ import annotations

import functools
import json
import os
import posixpath
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

# URL prefix the GX templates use -> (npm package at that version, folder inside it that holds the same files;
# the rest of the URL is the path under it)
CDN_PACKAGES: dict[str, tuple[str, str]] = {
    "https://code.jquery.com/jquery-3.7.1": ("jquery@3.7.1", "dist/jquery"),
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/": ("popper.js@1.12.9", "dist/"),
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/": ("bootstrap@4.3.1", "dist/"),
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/": ("bootstrap@4.3.1", "dist/"),
    "https://unpkg.com/bootstrap-table@1.19.1/": ("bootstrap-table@1.19.1", ""),
    "https://unpkg.com/bootstrap-table@1.19.0/": ("bootstrap-table@1.19.0", ""),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/": ("bootstrap-datepicker@1.9.0", "dist/"),
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/": ("@fortawesome/fontawesome-free@6.6.0", ""),
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/": ("@forevolve/bootstrap-dark@1.1.0", ""),
}
ASSET_INDEX = "assets.json"  # in the cache: URL -> file under the cache, written once every file is in place
VENDOR = Path("static") / "vendor"  # under the Data Docs folder

_TAG_URL = re.compile(r'<(?:script|link)\b[^>]*?\b(?:src|href)="(https://[^"]+)"', re.S)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
VEGA = "https://cdn.jsdelivr.net/npm/vega"  # Vega, Vega-Lite, Vega-Embed: charts of profiling pages only
_VEGA = re.compile(rf'<script src="{re.escape(VEGA)}[^"]*"></script>\s*')
_LOGO_IMG = re.compile(r'<img\b[^>]*?src="https://great-expectations-web-assets\.[^"]*"[^>]*>', re.S)
_LOGO_CSS = re.compile(r"url\('https://great-expectations-web-assets\.[^']*'\)")
_ASSET_TAG = re.compile(r"<(?:script|link)\b[^>]*>", re.S)
_SRI = re.compile(r'\s(?:integrity|crossorigin)="[^"]*"')


def default_cache() -> Path:
    """Where `newsclean assets` keeps the files: the user's cache folder (platformdirs), data-docs/."""
    import platformdirs

    return platformdirs.user_cache_path("newsclean") / "data-docs"


@functools.cache
def template_urls() -> tuple[str, ...]:
    """The script and stylesheet URLs that the installed GX's page templates name (Vega aside); read once."""
    import great_expectations.render.view as view

    found: set[str] = set()
    for template in (Path(view.__file__).parent / "templates").glob("*.j2"):
        found.update(_TAG_URL.findall(template.read_text(encoding="utf-8")))
    return tuple(sorted(url for url in found if not url.startswith(VEGA)))


def _source(url: str) -> tuple[str, str] | None:
    """(npm package, path inside its tarball) of a CDN URL; None for a URL no known package serves."""
    for prefix, (package, folder) in CDN_PACKAGES.items():
        if url.startswith(prefix):
            return package, posixpath.join("package", folder + url[len(prefix):])
    return None


def _wanted() -> dict[str, tuple[str, str]]:
    """The installed GX's asset URLs that a known npm package serves -> (package, path in its tarball)."""
    return {url: source for url in template_urls() if (source := _source(url)) is not None}


def _cache_path(url: str) -> str:
    """Relative path of a URL's file in the cache and under static/vendor: host/path."""
    parts = urlsplit(url)
    return posixpath.normpath(f"{parts.netloc}{parts.path}")


def fetch_assets(cache: Path | None = None, npm: str | None = None) -> dict[str, str]:
    """Put every file the GX pages load (and the fonts their stylesheets name) in `cache`, from the npm
    registry through `npm pack`; returns URL -> cached path. Raises RuntimeError without npm or when a
    package cannot be had; a URL that no known package serves is left out (the pages keep its CDN URL)."""
    cache = cache or default_cache()
    npm = npm or shutil.which("npm")
    if npm is None:
        raise RuntimeError("newsclean assets needs npm (Node.js) to fetch the Data Docs' files from the npm "
                           "registry: install it (Debian: apt-get install npm)")
    wanted = _wanted()
    packages = sorted({package for package, _ in wanted.values()})
    found: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="newsclean-assets-") as folder:
        try:
            done = subprocess.run([npm, "pack", "--json", "--pack-destination", folder, *packages],
                                  capture_output=True, text=True, check=False, timeout=600, cwd=folder)
        except subprocess.TimeoutExpired:
            raise RuntimeError("npm pack did not finish within 600 s: is the npm registry reachable?") from None
        if done.returncode:
            raise RuntimeError(f"npm pack failed (exit {done.returncode}): {done.stderr.strip()[-1000:]}")
        tarballs = {f"{item['name']}@{item['version']}": Path(folder) / item["filename"]
                    for item in json.loads(done.stdout)}
        for url, (package, member) in sorted(wanted.items()):
            with tarfile.open(tarballs[package]) as tarball:
                try:
                    found.update(_extract(tarball, member, _cache_path(url), cache, url))
                except KeyError:
                    raise RuntimeError(f"{package} has no {member} (for {url})") from None
    cache.mkdir(parents=True, exist_ok=True)
    (cache / ASSET_INDEX).write_text(json.dumps({url: found[url] for url in wanted}, indent=1), encoding="utf-8")
    return found


def _extract(tarball: tarfile.TarFile, member: str, target: str, cache: Path, url: str) -> dict[str, str]:
    """One file out of a package tarball into the cache; a stylesheet brings the files it names with url()."""
    handle = tarball.extractfile(member)
    if handle is None:
        raise RuntimeError(f"{member} is not a file in the package for {url}")
    data = handle.read()
    destination = cache / target
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(data)
    found = {url: target}
    if target.endswith(".css"):
        for reference in sorted(set(_CSS_URL.findall(data.decode("utf-8", "replace")))):
            bare = reference.split("?", 1)[0].split("#", 1)[0]
            if not bare or urlsplit(bare).scheme or bare.startswith(("/", "data:")):
                continue
            inner = posixpath.normpath(posixpath.join(posixpath.dirname(member), bare))
            outer = posixpath.normpath(posixpath.join(posixpath.dirname(target), bare))
            if not inner.startswith("package/") or outer.startswith(".."):
                continue
            try:
                found.update(_extract(tarball, inner, outer, cache, posixpath.join(posixpath.dirname(url), bare)))
            except KeyError:  # a stylesheet naming a file its package does not ship: the browser skips it
                continue
    return found


def cached_assets(cache: Path | None = None) -> dict[str, str] | None:
    """URL -> cached path of a complete cache (a `fetch_assets` finished, for the URLs the installed GX names),
    else None."""
    index = (cache or default_cache()) / ASSET_INDEX
    if not index.is_file():
        return None
    assets: dict[str, str] = json.loads(index.read_text(encoding="utf-8"))
    complete = _wanted().keys() <= assets.keys() and all((index.parent / path).is_file() for path in assets.values())
    return assets if complete else None


def vendor_data_docs(docs_dir: Path, cache: Path | None = None) -> bool:
    """Copy the cached files into `docs_dir`/static/vendor and point every Data Docs page at them; returns
    whether the pages now load nothing from outside the folder (False: no cache, pages left as GX wrote them)."""
    cache = cache or default_cache()
    assets = cached_assets(cache)
    if assets is None:
        return False
    vendor = docs_dir / VENDOR
    for source in {path.relative_to(cache) for path in cache.rglob("*") if path.is_file()} - {Path(ASSET_INDEX)}:
        target = vendor / source
        if not target.is_file() or target.stat().st_size != (cache / source).stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(cache / source, target)
    offline = True
    for page in docs_dir.rglob("*.html"):
        if page.is_relative_to(vendor):
            continue
        text = page.read_text(encoding="utf-8")
        if not any(pattern.search(text) for pattern in (_TAG_URL, _VEGA, _LOGO_IMG, _LOGO_CSS)):
            continue  # written offline already (GX rebuilds only the index and this run's pages)
        to_vendor = Path(os.path.relpath(vendor, page.parent)).as_posix()

        def local(tag: re.Match[str], to_vendor: str = to_vendor) -> str:
            found = _TAG_URL.match(tag.group(0))
            if found is None or found.group(1) not in assets:
                return tag.group(0)
            url = found.group(1)
            return _SRI.sub("", tag.group(0).replace(f'"{url}"', f'"{to_vendor}/{assets[url]}"'))

        rewritten = _ASSET_TAG.sub(local, _VEGA.sub("", text))
        rewritten = _LOGO_CSS.sub("none", _LOGO_IMG.sub("<span>Great Expectations</span>", rewritten))
        offline &= not _TAG_URL.search(rewritten)
        if rewritten != text:
            page.write_text(rewritten, encoding="utf-8")
    return offline
