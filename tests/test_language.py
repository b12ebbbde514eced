"""py3langid's model from the uncompressed copy in the cache answers exactly as the packaged model."""

from __future__ import annotations

import numpy as np
from py3langid import langid

from newsclean import language
from newsclean.pipeline import detect_language
from tests.conftest import SEEDS, TEST_DATA


def texts() -> list[str]:
    paths = sorted(SEEDS.iterdir()) + sorted((TEST_DATA / "raw").iterdir())
    found = [path.read_text(encoding="utf-8", errors="replace")[:600] for path in paths]
    return [*found, "The minister said on Tuesday.", "Le ministre a déclaré mardi.", "قال الوزير يوم الثلاثاء", ""]


def test_the_cached_copy_answers_as_the_packaged_model(tmp_path) -> None:
    packaged = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)
    language._write(tmp_path / "copy")
    written = language._read(tmp_path / "copy")
    assert sorted(path.name for path in (tmp_path / "copy").iterdir()) == sorted(language.FILES)
    assert isinstance(written.nb_ptc, np.memmap)  # mapped: only the rows a text has are read
    for text in texts():
        assert written.classify(text) == packaged.classify(text)  # the language and the same score
    assert [language.classify(text) for text in texts()[:5]] == ["ar"] * 5  # the seeds are Arabic
    assert detect_language(texts()[-2]) == "ar" and detect_language(texts()[-4]) == "en"


def test_the_copy_is_written_once_and_reused(tmp_path) -> None:
    language.identifier.cache_clear()
    try:
        first = language.identifier(tmp_path)
        (folder,) = tmp_path.iterdir()
        assert folder.name == language._model_key()
        stamp = (folder / "ptc.npy").stat().st_mtime_ns
        language.identifier.cache_clear()
        again = language.identifier(tmp_path)
        assert (folder / "ptc.npy").stat().st_mtime_ns == stamp and isinstance(again.nb_ptc, np.memmap)
        assert first.classify(texts()[0]) == again.classify(texts()[0])
    finally:
        language.identifier.cache_clear()


def test_an_unwritable_cache_falls_back_to_the_packaged_model(tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    language.identifier.cache_clear()
    try:
        found = language.identifier(blocked)
        assert not isinstance(found.nb_ptc, np.memmap)
        assert found.classify(texts()[-3]) == langid.classify(texts()[-3])
    finally:
        language.identifier.cache_clear()
