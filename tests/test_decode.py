"""Bytes to text: encodings of the Arabic world, BOMs, gzip (and bombs), binary and empty inputs."""

from __future__ import annotations

import gzip
import os
import random

import pytest

from newsclean.config import Limits
from newsclean.decode import decode, read_input
from newsclean.records import Decoded, RawDoc, Reason, Rejection
from tests.conftest import seed_text

ARABIC = seed_text("004")


def raw(data: bytes) -> RawDoc:
    return RawDoc("x.txt", data, "0" * 64)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"])
def test_decodes_arabic_in_every_common_encoding(encoding: str) -> None:
    text = ARABIC if encoding != "cp1256" else ARABIC.encode("cp1256", "ignore").decode("cp1256")
    result = decode(raw(text.encode(encoding)))
    assert isinstance(result, Decoded)
    assert result.text.strip()[:200] == text.strip()[:200]


def test_iso_8859_6_is_detected() -> None:
    text = "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية وتحسين الري. " * 5
    result = decode(raw(text.encode("iso-8859-6", "ignore")))
    assert isinstance(result, Decoded)
    assert "الحكومة" in result.text


@pytest.mark.parametrize("wrong", ["cp1252", "latin-1"])
def test_repairs_utf8_read_as_western_codepage(wrong: str) -> None:
    mojibake = ARABIC.encode("utf-8").decode(wrong, errors="ignore" if wrong == "cp1252" else "strict")
    result = decode(raw(mojibake.encode("utf-8")))
    assert isinstance(result, Decoded)
    assert "mojibake" in result.repairs
    assert "روسيا لا تملك خطة" in result.text


def test_clean_text_is_not_touched_by_ftfy() -> None:
    result = decode(raw(ARABIC.encode("utf-8")))
    assert isinstance(result, Decoded) and result.repairs == ()
    assert result.text.strip() == ARABIC.strip().replace("\u00a0", "\u00a0")


def test_gzip_input_is_read() -> None:
    result = decode(raw(gzip.compress(ARABIC.encode("utf-8"))))
    assert isinstance(result, Decoded) and result.repairs[0] == "gunzip"
    assert "بلومبيرغ" in result.text


def test_gzip_bomb_is_capped() -> None:
    bomb = gzip.compress(b"a" * 5_000_000)
    result = decode(raw(bomb), Limits(max_decompressed_bytes=1_000_000))
    assert isinstance(result, Rejection) and result.reason is Reason.TOO_LARGE
    assert result.raw == bomb  # the raw bytes are kept, not the expansion


@pytest.mark.parametrize(("data", "reason"), [
    (b"", Reason.EMPTY),
    (b"  \n\t \n", Reason.EMPTY),
    (b"\x89PNG\r\n\x1a\n" + os.urandom(200), Reason.NOT_TEXT),
    (bytes(range(256)) * 20, Reason.NOT_TEXT),
    (b"\x00\x01\x02\x03" * 500, Reason.NOT_TEXT),
    (bytes(b for b in random.Random(7).randbytes(6000) if b >= 32), Reason.UNDECODABLE),
])
def test_bad_inputs_are_rejected_with_their_reason(data: bytes, reason: Reason) -> None:
    result = decode(raw(data))
    assert isinstance(result, Rejection)
    assert result.reason is reason
    assert result.raw == data


def test_invisible_characters_are_removed() -> None:
    result = decode(raw("نص\u200b عربي\u200f مع\x07 علامات".encode()))
    assert isinstance(result, Decoded)
    assert result.text == "نص عربي مع علامات"


def test_read_input_refuses_oversized_files(tmp_path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    result = read_input(str(big), Limits(max_input_bytes=1000))
    assert isinstance(result, Rejection) and result.reason is Reason.TOO_LARGE
    assert len(result.raw) == 4096  # only the head is read, never the whole file


def test_read_input_reports_missing_files(tmp_path) -> None:
    result = read_input(str(tmp_path / "absent.txt"))
    assert isinstance(result, Rejection) and result.reason is Reason.UNREADABLE
