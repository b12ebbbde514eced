"""Language identification with py3langid's model, loaded from an uncompressed copy in the user's cache.

py3langid ships its model LZMA-compressed and decompresses all 68 MB in every process that classifies (about a
second of CPU per run and per worker). The first load writes the arrays uncompressed under the cache; later
loads map the large table (only the rows of features a text has are read) and copy the automaton's array.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import shutil
import tempfile
from array import array
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
from py3langid import langid

logger = logging.getLogger(__name__)
FILES = ("ptc.npy", "pc.npy", "nextmove.npy", "row.npy", "out_feat.npy", "classes.json")


def default_cache() -> Path:
    """The user's cache folder (platformdirs), py3langid/."""
    import platformdirs

    return platformdirs.user_cache_path("newsclean") / "py3langid"


def _model_key() -> str:
    """The installed model's version, size and time: a new py3langid gets a new copy."""
    model = langid.MODEL_DIR / langid.MODEL_FILE
    stat = model.stat()
    return f"{version('py3langid')}-{stat.st_size}-{stat.st_mtime_ns}"


def _stdlib_array(values: np.ndarray) -> array[int]:
    """An unsigned NumPy array as the stdlib array py3langid's automaton walks (fast item access)."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out


def _write(folder: Path) -> None:
    """py3langid's model decompressed, as arrays in `folder` (made whole elsewhere, then renamed in place)."""
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, out_feat = load_model(langid.MODEL_DIR / langid.MODEL_FILE)
    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        np.save(partial / "ptc.npy", np.asarray(ptc))
        np.save(partial / "pc.npy", np.asarray(pc))
        np.save(partial / "nextmove.npy", np.frombuffer(nextmove, dtype=f"u{nextmove.itemsize}"))
        np.save(partial / "row.npy", np.frombuffer(row, dtype=f"u{row.itemsize}"))
        np.save(partial / "out_feat.npy", np.asarray(out_feat, dtype=np.int64))
        (partial / "classes.json").write_text(json.dumps(list(classes)), encoding="utf-8")
        with contextlib.suppress(OSError):  # another process put its copy in place first: the same arrays
            os.rename(partial, folder)
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def _read(folder: Path) -> Any:
    """A py3langid identifier from the arrays in `folder`; the large table stays mapped, not read."""
    ptc = np.load(folder / "ptc.npy", mmap_mode="r")
    pc = np.load(folder / "pc.npy")
    classes = json.loads((folder / "classes.json").read_text(encoding="utf-8"))
    nextmove = _stdlib_array(np.load(folder / "nextmove.npy", mmap_mode="r"))
    row = _stdlib_array(np.load(folder / "row.npy"))
    out_feat = np.load(folder / "out_feat.npy").tolist()
    return langid.LanguageIdentifier(ptc, pc, classes, nextmove, out_feat, tk_row=row)


@functools.cache
def identifier(cache: Path | None = None) -> Any:
    """py3langid's identifier, from the uncompressed copy under `cache` (written on first use); py3langid's
    own load when the copy cannot be written or read."""
    folder = (cache or default_cache()) / _model_key()
    try:
        if not all((folder / name).is_file() for name in FILES):
            _write(folder)
        return _read(folder)
    except Exception as error:  # a read-only home, a py3langid whose model is laid out otherwise
        logger.debug("py3langid model cache unusable (%s: %s): loading the packaged model", type(error).__name__, error)
        return langid._get_identifier()


def classify(text: str) -> str:
    """The language code py3langid gives `text`."""
    language, _ = identifier().classify(text)
    return str(language)
