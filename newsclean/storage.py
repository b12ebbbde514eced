"""Where a run's outputs live: a local folder or any fsspec URL (s3://bucket/prefix, gs://, abfs://, memory://).

Parquet parts and manifests go straight to the store. What only works on a local disk (Great Expectations'
file-backed project and Data Docs, the state files read and rewritten whole) is mirrored: pulled into a local
folder when a run starts and the changed files pushed back when it ends.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import fsspec
import pyarrow as pa
from fsspec.implementations.local import LocalFileSystem

# the sub-folders of an output location
SUBFOLDERS = ("articles", "rejected", "runs", "validation", "state")
MIRRORED = ("state", "validation")


@dataclass
class Store:
    """An output location. `url` is what the user gave; `root` is the path inside the filesystem `fs`."""

    url: str
    fs: Any = field(init=False, repr=False)
    root: str = field(init=False)
    mirrors: dict[str, Path] = field(default_factory=dict, repr=False)  # sub-folder -> local copy (remote only)
    pulled: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.url = str(self.url)
        self.fs, self.root = fsspec.core.url_to_fs(self.url)
        self.root = self.root.rstrip("/") or "/"

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        """A path inside the store (for `fs` calls)."""
        return posixpath.join(self.root, *parts)

    def uri(self, *parts: str) -> str:
        """A path a person can paste: a local path, or the URL with its scheme."""
        return self.path(*parts) if self.is_local else self.fs.unstrip_protocol(self.path(*parts))

    def make_folders(self) -> None:
        for sub in SUBFOLDERS:
            self.fs.makedirs(self.path(sub), exist_ok=True)

    def files(self, sub: str, suffix: str = ".parquet", hidden: bool = False) -> list[str]:
        """Sorted paths of the files of a sub-folder ending in `suffix`; dot files (temp names) only if `hidden`."""
        try:
            names = self.fs.ls(self.path(sub), detail=False)
        except FileNotFoundError:
            return []
        return sorted(name for name in names
                      if name.endswith(suffix) and posixpath.basename(name).startswith(".") == hidden)

    def read_table(self, sub: str, columns: list[str] | None = None, filter: Any = None) -> pa.Table | None:
        """One sub-folder's Parquet parts as one table (None when there are none)."""
        import pyarrow.dataset as ds

        files = self.files(sub)
        if not files:
            return None
        return ds.dataset(files, format="parquet", filesystem=self.fs).to_table(columns=columns, filter=filter)

    def read_part(self, path: str, columns: list[str]) -> pa.Table:
        """Some columns of one Parquet part."""
        import pyarrow.parquet as pq

        return pq.read_table(path, columns=columns, filesystem=self.fs)

    def count_rows(self, files: list[str]) -> int:
        import pyarrow.dataset as ds

        return ds.dataset(files, format="parquet", filesystem=self.fs).count_rows() if files else 0

    def read_text(self, path: str) -> str:
        with self.fs.open(path, "r", encoding="utf-8") as handle:
            return str(handle.read())

    def write(self, sub: str, name: str, writer: Callable[[IO[bytes]], None]) -> str:
        """Write a file so readers never see it half-written, and return its path.

        Locally: a temp name in the same folder, then an atomic rename. On object stores a PUT (or a multipart
        upload) becomes visible only when complete, so the object is written under its final key directly;
        a rename there would be a second full copy.
        """
        target = self.path(sub, name)
        if not self.is_local:
            with self.fs.open(target, "wb") as handle:
                writer(handle)
            return target
        os.makedirs(os.path.dirname(target), exist_ok=True)
        handle_no, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=os.path.dirname(target))
        try:
            with os.fdopen(handle_no, "wb") as handle:
                writer(handle)
            os.replace(temp, target)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        return target

    def remove(self, path: str) -> None:
        self.fs.rm(path)

    def remove_partial_files(self) -> int:
        """Temp files a killed run left behind (written under a dot name, never renamed into place)."""
        leftovers = [p for sub in ("articles", "rejected", "runs") for p in self.files(sub, ".tmp", hidden=True)]
        for path in leftovers:
            self.fs.rm(path)
        return len(leftovers)

    def local(self, sub: str) -> Path:
        """A local folder holding `sub`: the folder itself on a local store, else a mirror pulled once."""
        if self.is_local:
            return Path(self.path(sub))
        if sub not in self.mirrors:
            mirror = Path(tempfile.mkdtemp(prefix=f"newsclean-{sub}-"))
            if self.fs.exists(self.path(sub)):
                self.fs.get(self.path(sub) + "/", str(mirror), recursive=True)
            self.mirrors[sub] = mirror
            self.pulled[sub] = _snapshot(mirror)
        return self.mirrors[sub]

    def push(self) -> int:
        """Upload what changed in the local mirrors since they were pulled; returns the number of files."""
        pushed = 0
        for sub, mirror in self.mirrors.items():
            before = self.pulled[sub]
            now = _snapshot(mirror)
            for relative, stamp in sorted(now.items()):
                if before.get(relative) != stamp:
                    target = self.path(sub, relative)
                    self.fs.makedirs(posixpath.dirname(target), exist_ok=True)
                    self.fs.put_file(str(mirror / relative), target)
                    pushed += 1
            self.pulled[sub] = now
        return pushed

    def close(self) -> None:
        """Drop the local mirrors (after `push`)."""
        for mirror in self.mirrors.values():
            shutil.rmtree(mirror, ignore_errors=True)
        self.mirrors.clear()
        self.pulled.clear()


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file under a folder, by relative POSIX path."""
    found: dict[str, tuple[int, int]] = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            full = os.path.join(root, name)
            info = os.stat(full)
            found[Path(full).relative_to(folder).as_posix()] = (info.st_size, info.st_mtime_ns)
    return found
