"""One writer per output location: a run holds OUT's lock from before it touches anything until it ends.

A local folder is locked with an OS file lock (`filelock`: flock on `OUT/.newsclean.lock`), which the kernel
releases when the holding process dies, so a killed run's lock is taken over by the next run without a stale
check; who holds it is written beside it (`OUT/.newsclean.lock.json`: pid, host, start time) for the refusal.
An fsspec URL is locked with that JSON object alone, created with exclusive-create semantics (`open(..., "xb")`)
where the filesystem has them (local, memory, s3fs against S3's conditional writes); elsewhere it is written
after a check that it does not exist, which two runs starting in the same instant can both pass. A lock object
left by a dead process on this host is taken over; one left by another host is not (its process cannot be seen
from here): remove the object once you know that run is gone. A network filesystem mounted locally is locked
with flock, which NFS and SMB carry out only where the server supports it.

Within one process the lock is re-entrant: the CLI takes it before Prefect starts, the flow's run takes it again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import threading
from dataclasses import dataclass, field
from typing import Any

from filelock import FileLock, Timeout

from newsclean.preflight import is_url

LOCK_NAME = ".newsclean.lock"
HOLDER_NAME = ".newsclean.lock.json"


class OutputLocked(RuntimeError):
    """Another run is writing the output location."""

    def __init__(self, out: str, holder: dict[str, Any] | None) -> None:
        self.out, self.holder = out, holder
        if holder:
            who = (f"pid {holder.get('pid')} on host {holder.get('host')}, started "
                   f"{holder.get('started_at')}")
        else:
            who = "a process that has not said who it is yet"
        super().__init__(f"{out} is being written by another run ({who}); wait for it to end")


@dataclass(slots=True)
class OutputLock:
    """A held lock on one output location (release it once with `release`)."""

    out: str
    key: str
    holder: dict[str, Any]
    file_lock: FileLock | None = None  # local folders
    fs: Any = None  # fsspec URLs: the filesystem and the lock object's path
    path: str = ""
    released: bool = field(default=False)

    def release(self) -> None:
        """Give the lock up (a no-op the second time); the outermost holder in this process releases it."""
        if self.released:
            return
        self.released = True
        with _HELD_GUARD:
            entry = _HELD[self.key]
            entry[1] -= 1
            if entry[1]:
                return
            del _HELD[self.key]
        if self.file_lock is not None:
            with contextlib.suppress(FileNotFoundError):
                os.remove(os.path.join(self.key, HOLDER_NAME))
            self.file_lock.release()
        elif _read_holder(self.fs, self.path) == self.holder:  # still ours: never delete a successor's lock
            self.fs.rm(self.path)


_HELD: dict[str, list[Any]] = {}  # location -> [the first OutputLock, how many times it is held]
_HELD_GUARD = threading.Lock()


def this_holder() -> dict[str, Any]:
    """Who takes the lock: this process, this host, now (and a token that tells two of them apart)."""
    return {"pid": os.getpid(), "host": socket.gethostname(),
            "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "token": os.urandom(8).hex()}


def pid_alive(pid: int) -> bool:
    """Whether a process of this host has that pid (signal 0 checks without sending anything)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def lock_output(out: str) -> OutputLock:
    """Take the lock of an output location, or raise OutputLocked at once naming the run that holds it."""
    key = out if is_url(out) else os.path.realpath(out.removeprefix("file://"))
    with _HELD_GUARD:
        if key in _HELD:
            _HELD[key][1] += 1
            first: OutputLock = _HELD[key][0]
            return OutputLock(out, key, first.holder, first.file_lock, first.fs, first.path)
        held = _lock_url(out, key) if is_url(out) else _lock_folder(out, key)
        _HELD[key] = [held, 1]
        return held


def _lock_folder(out: str, key: str) -> OutputLock:
    os.makedirs(key, exist_ok=True)
    # kept on release (no unlink race between two successors); not per thread: the flow may end in another
    file_lock = FileLock(os.path.join(key, LOCK_NAME), timeout=0, thread_local=False, preserve_lock_file=True)
    holder_path = os.path.join(key, HOLDER_NAME)
    try:
        file_lock.acquire()
    except Timeout:
        try:
            with open(holder_path, encoding="utf-8") as handle:
                holder = json.load(handle)
        except (OSError, ValueError):
            holder = None
        raise OutputLocked(out, holder) from None
    holder = this_holder()
    temporary = f"{holder_path}.{holder['token']}"
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(holder, handle)
    os.replace(temporary, holder_path)  # a dead holder's file is replaced whole
    return OutputLock(out, key, holder, file_lock=file_lock)


def _read_holder(fs: Any, path: str) -> dict[str, Any] | None:
    try:
        with fs.open(path, "rb") as handle:
            return json.loads(handle.read())
    except FileNotFoundError:
        return None
    except ValueError:
        return {}


def _create(fs: Any, path: str, data: bytes) -> bool:
    """Write `data` at `path` only if nothing is there; False if something is."""
    try:
        with fs.open(path, "xb") as handle:
            handle.write(data)
        return True
    except FileExistsError:
        return False
    except (ValueError, NotImplementedError, TypeError):  # no exclusive create on this filesystem
        if fs.exists(path):
            return False
        with fs.open(path, "wb") as handle:
            handle.write(data)
        return True


def _lock_url(out: str, key: str) -> OutputLock:
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    path = f"{root.rstrip('/')}/{HOLDER_NAME}"
    holder = this_holder()
    data = json.dumps(holder).encode()
    if not _create(fs, path, data):
        found = _read_holder(fs, path)
        stale = (found is not None and found.get("host") == holder["host"]
                 and isinstance(found.get("pid"), int) and not pid_alive(found["pid"]))
        if not stale or _read_holder(fs, path) != found:
            raise OutputLocked(out, found)
        fs.rm(path)  # a dead process of this host: its lock goes, then ours is created like any other
        if not _create(fs, path, data):
            raise OutputLocked(out, _read_holder(fs, path))
    return OutputLock(out, key, holder, fs=fs, path=path)
