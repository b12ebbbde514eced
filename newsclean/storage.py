"""Where a run's outputs live: a local folder or any fsspec URL (s3://bucket/prefix, gs://, abfs://, memory://).

Parquet parts and manifests go straight to the store. What only works on a local disk (Great Expectations'
file-backed project and Data Docs, the state files read and rewritten whole) is mirrored: pulled into a local
folder when a run starts and the changed files pushed back when it ends.
"""

from __future__ import annotations

import io
import os
import posixpath
import secrets
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


def _umask() -> int:
    """The process's umask (read once at import, while no other thread can be changing it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()  # what open() would give a new file
# fsspec protocols of stores where an object becomes visible only when its upload completes
OBJECT_STORES = frozenset({"s3", "s3a", "gs", "gcs", "abfs", "abfss", "az", "adl", "oss", "memory"})


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

    def read_table(self, sub: str, columns: list[str] | None = None, filter: Any = None,
                   parts: list[str] | None = None) -> pa.Table | None:
        """One sub-folder's Parquet parts (or the `parts` given) as one table (None when there are none)."""
        import pyarrow.dataset as ds

        files = self.files(sub) if parts is None else parts
        if not files:
            return None
        return ds.dataset(files, format="parquet", filesystem=self.fs).to_table(columns=columns, filter=filter)

    def count_rows(self, files: list[str]) -> int:
        import pyarrow.dataset as ds

        return ds.dataset(files, format="parquet", filesystem=self.fs).count_rows() if files else 0

    def read_text(self, path: str) -> str:
        with self.fs.open(path, "r", encoding="utf-8") as handle:
            return str(handle.read())

    @property
    def is_object_store(self) -> bool:
        """Whether an object appears only once its upload completes (no directories, no partial objects)."""
        protocols = self.fs.protocol if isinstance(self.fs.protocol, tuple) else (self.fs.protocol,)
        return bool(set(protocols) & OBJECT_STORES)

    def write(self, sub: str, name: str, writer: Callable[[IO[bytes]], None]) -> str:
        """Write a file so readers never see it half-written, and return its path.

        The bytes are produced in full first, so a writer that fails leaves nothing behind. Then: on an
        object store one PUT under the final key (an object is visible only once complete; a rename there
        would be a second full copy); elsewhere (a local disk, sftp, hdfs...) a dot-named temp file renamed
        into place, which `remove_partial_files` clears if a run is killed in between.
        """
        target = self.path(sub, name)
        if not self.is_local:
            buffer = io.BytesIO()
            writer(buffer)
            if self.is_object_store:
                self.fs.pipe_file(target, buffer.getvalue())
            else:
                temp = self.path(sub, f".{name}.{secrets.token_hex(4)}.tmp")
                self.fs.makedirs(self.path(sub), exist_ok=True)
                self.fs.pipe_file(temp, buffer.getvalue())
                self.fs.mv(temp, target)
            return target
        os.makedirs(os.path.dirname(target), exist_ok=True)
        handle_no, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=os.path.dirname(target))
        try:
            with os.fdopen(handle_no, "wb") as handle:
                writer(handle)
            os.chmod(temp, _FILE_MODE)  # mkstemp makes 0600; readers of the output are other users too
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
            folder = self.path(sub)
            try:
                for key in (self.fs.find(folder) if self.fs.exists(folder) else []):
                    relative = posixpath.relpath(key, folder)
                    # a key naming a parent folder ("../x") would land outside the mirror: never follow it
                    if relative.startswith("..") or posixpath.isabs(relative) or "/../" in f"/{relative}/":
                        raise ValueError(f"refusing to copy {key}: it leaves {self.uri(sub)}")
                    local = mirror / relative
                    local.parent.mkdir(parents=True, exist_ok=True)
                    self.fs.get_file(key, str(local))
            except BaseException:
                shutil.rmtree(mirror, ignore_errors=True)
                raise
            self.mirrors[sub] = mirror
            self.pulled[sub] = _snapshot(mirror)
        return self.mirrors[sub]

    def push(self) -> int:
        """Upload what changed in the local mirrors since they were pulled, and delete what was removed from
        them (state files an older version left); returns the number of files changed in the store."""
        changed = 0
        for sub, mirror in self.mirrors.items():
            before = self.pulled[sub]
            now = _snapshot(mirror)
            for relative, stamp in sorted(now.items()):
                if before.get(relative) != stamp:
                    target = self.path(sub, relative)
                    self.fs.makedirs(posixpath.dirname(target), exist_ok=True)
                    self.fs.put_file(str(mirror / relative), target)
                    changed += 1
            for relative in sorted(before.keys() - now.keys()):
                self.fs.rm(self.path(sub, relative))
                changed += 1
            self.pulled[sub] = now
        return changed

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
