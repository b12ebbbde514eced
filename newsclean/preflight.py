"""What the CLI checks before Prefect starts: operator mistakes found in milliseconds, each said in one line.

Pure functions returning the problems found (an empty list: go ahead). Only the standard library and fsspec are
imported, so `newsclean run` with a wrong path fails before the seconds it takes to import Prefect and start its
server.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path


def is_url(location: str) -> bool:
    """An fsspec URL (s3://bucket/prefix, memory://x), not a local path (file:// counts as local)."""
    return "://" in location and not location.startswith("file://")


def input_problems(inputs: Sequence[str | Path]) -> list[str]:
    """Inputs that do not exist or cannot be read, one line each."""
    problems = []
    for item in inputs:
        path = Path(item)
        if not path.exists():
            problems.append(f"input {item}: no such file or folder")
        elif path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
            problems.append(f"input {item}: folder not readable (permission denied)")
        elif not path.is_dir() and not os.access(path, os.R_OK):
            problems.append(f"input {item}: file not readable (permission denied)")
    return problems


def output_problem(out: str) -> str | None:
    """Why `out` cannot take a run's output (a writable folder, or one that can be made; an fsspec URL whose
    filesystem is installed and answers), or None."""
    return _url_problem(out) if is_url(out) else _folder_problem(out.removeprefix("file://"))


def _folder_problem(out: str) -> str | None:
    path = Path(out)
    if path.exists() and not path.is_dir():
        return f"--out {out}: is a file, not a folder"
    existing = path
    while not existing.exists():  # the folder is made by the run: its nearest existing parent must allow it
        existing = existing.parent
    if not existing.is_dir():
        return f"--out {out}: {existing} is a file, not a folder"
    if not os.access(existing, os.W_OK | os.X_OK):  # access(2) also says EROFS for a read-only filesystem
        where = "" if existing == path else f" ({existing} cannot take a new folder)"
        return f"--out {out}: not writable{where}"
    return None


def _url_problem(out: str) -> str | None:
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(out)
    except (ImportError, ValueError) as error:  # the filesystem's package is missing, or an unknown protocol
        return f"--out {out}: {error}"
    try:
        if fs.isfile(root):
            return f"--out {out}: is a file, not a folder"
    except Exception as error:  # credentials, network, bucket: whatever would stop the run, said once
        return f"--out {out}: not reachable ({type(error).__name__}: {error})".replace("\n", " ")
    return None


def empty_input_problem(inputs: Sequence[str | Path], files: Sequence[str], skipped: int = 0) -> str | None:
    """An input set holding no file to read is a mistake, not a run of nothing."""
    if files:
        return None
    why = f" ({skipped} files skipped: not pages, or left out by --include/--exclude)" if skipped else ""
    return f"no input files to read in {', '.join(map(str, inputs))}{why}"


def run_problems(inputs: Sequence[str | Path], out: str, include: Sequence[str] = (),
                 exclude: Sequence[str] = ()) -> list[str]:
    """Everything wrong with a `newsclean run` before it starts: inputs, output, then an empty input set."""
    problems = input_problems(inputs)
    out_problem = output_problem(out)
    if out_problem:
        problems.append(out_problem)
    if not problems:
        from newsclean.inputs import decide_inputs

        skipped = 0
        for _, read in decide_inputs(inputs, include, exclude):
            if read:
                return problems  # something to read: the walk stops at its first file
            skipped += read is False
        empty = empty_input_problem(inputs, [], skipped)
        if empty:
            problems.append(empty)
    return problems
