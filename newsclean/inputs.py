"""Which files a run reads: every file named, and every file under a named folder, each once, page-like files
only unless `include`/`exclude` globs say otherwise (stdlib only, so the CLI can list the inputs before
anything heavy is imported)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

# What a saved page or text dump is called; `.gz` of these too, and a name without an extension.
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
# An extension is a short run of letters and digits starting with a letter after the last dot: "story.2024"
# or "www.example.com_news_1" have none, so they are read as pages.
_EXTENSION = re.compile(r"\.([A-Za-z][A-Za-z0-9]{0,5})$")


def looks_like_page(name: str) -> bool:
    """Read by default: `.html .htm .xhtml .txt`, gzip of those (`page.html.gz`), or no extension at all."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[: -len(".gz")]
    extension = _EXTENSION.search(lower)
    return extension is None or extension.group(0) in PAGE_SUFFIXES


def matches(path: str, relative: str, patterns: Sequence[str]) -> bool:
    """A glob matches a file's name, its path under the input folder, or the path as listed (`*` spans `/`)."""
    name = os.path.basename(path)
    return any(fnmatchcase(candidate, pattern) for pattern in patterns for candidate in (name, relative, path))


@dataclass(slots=True)
class Selection:
    """The files a run reads, in listing order and each once, and what it leaves out."""

    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # not page-like, not included or excluded: never read
    repeated: int = 0  # paths listed more than once (a file named twice, overlapping folders): read once


def walk(path: Path) -> Iterable[tuple[str, str]]:
    """(path, path relative to `path`) of every file under a folder, sorted; dot files and folders and
    symlinked folders left out."""
    for root, dirs, files in os.walk(path, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                found = os.path.join(root, name)
                yield found, os.path.relpath(found, path)


def select_inputs(inputs: Iterable[str | Path], include: Sequence[str] = (),
                  exclude: Sequence[str] = ()) -> Selection:
    """Every file named or found under a named folder (recursively, sorted), each path once.

    With `include` globs only the files matching one are read, else only `looks_like_page` files; a file
    matching an `exclude` glob is never read. A named file that does not exist is kept: it ends as a rejection
    (unreadable), never silently.
    """
    selection = Selection()
    for found, read in decide_inputs(inputs, include, exclude):
        if read is None:
            selection.repeated += 1
        elif read:
            selection.files.append(found)
        else:
            selection.skipped.append(found)
    return selection


def decide_inputs(inputs: Iterable[str | Path], include: Sequence[str] = (),
                  exclude: Sequence[str] = ()) -> Iterator[tuple[str, bool | None]]:
    """Each listed path, in `select_inputs`' order, with whether it is read (None: listed before), as the
    listing goes: a caller that needs only the first file read stops the walk there."""
    seen: set[str] = set()
    for item in inputs:
        path = Path(item)
        listed = walk(path) if path.is_dir() else [(str(path), path.name)]
        for found, relative in listed:
            key = os.path.normpath(os.path.abspath(found))
            if key in seen:
                yield found, None
                continue
            seen.add(key)
            wanted = matches(found, relative, include) if include else looks_like_page(found)
            yield found, bool(wanted and not matches(found, relative, exclude))
