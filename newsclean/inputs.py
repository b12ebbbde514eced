"""Which files a run reads: every file named, and every file under a named folder (stdlib only, so the CLI can
list the inputs before anything heavy is imported)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def list_inputs(inputs: Iterable[str | Path]) -> list[str]:
    """Every file named or found under a named folder, recursively, sorted; symlinked folders not followed."""
    found: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [os.path.join(root, name) for name in sorted(files) if not name.startswith(".")]
        else:
            found.append(str(path))  # a missing file still ends as a rejection (unreadable), never silently
    return found
