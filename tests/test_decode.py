"""Bytes to text: encodings of the Arabic world, BOMs, gzip (and bombs), binary and empty inputs."""

from __future__ import annotations

import gzip
import os
import random

import pytest

from newsclean.config import Limits
from newsclean.decode import decode, read_input, repair_mojibake
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


@pytest.mark.parametrize("where", [10, 3000, 9000])  # in the first 4 KB (where UTF-16 is looked for) or after
def test_stray_nul_bytes_are_dropped_and_said(where: int) -> None:
    data = (ARABIC * 3).encode("utf-8")  # 11 KB
    cut = data.find(b" ", where)
    result = decode(raw(data[:cut] + b"\x00" + data[cut:cut + 40] + b"\x00" + data[cut + 40:]))
    assert isinstance(result, Decoded)
    assert result.repairs == ("nul_bytes",) and "\x00" not in result.text
    assert result.text == decode(raw(data)).text  # type: ignore[union-attr]


def test_nul_bytes_beyond_a_stray_few_are_binary() -> None:
    data = ARABIC.encode("utf-8")
    step = len(data) // 60  # 60 NUL bytes: more than one per 1,000 bytes
    result = decode(raw(b"\x00".join(data[i:i + step] for i in range(0, len(data), step))))
    assert isinstance(result, Rejection) and result.reason is Reason.NOT_TEXT and "NUL" in result.detail


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


def test_byte_screens_cover_every_character_they_stand_for() -> None:
    """decode screens the raw bytes of plain UTF-8 before searching the text: the C0 control bytes are exactly
    the UTF-8 of the C0 controls counted, and every first character of a mojibake signature has one of the
    lead bytes looked for."""
    from newsclean.decode import _C0_CONTROL_BYTES, _C0_CONTROLS, _MOJIBAKE_LEAD_BYTES, _MOJIBAKE_SIGNATURE

    assert {chr(b) for b in _C0_CONTROL_BYTES} == {chr(c) for c in range(0x80) if _C0_CONTROLS.match(chr(c))}
    for code in range(0x10000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        if _MOJIBAKE_SIGNATURE.match(char + "\u0080") or _MOJIBAKE_SIGNATURE.match(char + "\u0400"):
            assert char.encode("utf-8")[:1] in _MOJIBAKE_LEAD_BYTES, hex(code)


def test_mojibake_signature_is_the_alternation_it_replaced() -> None:
    """One class of lead characters then the lead's own continuation: the same matches as the alternation."""
    import re

    from newsclean.decode import _MOJIBAKE_SIGNATURE

    alternation = re.compile(
        "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
        "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
        "|[\u0420\u0421\u0412\u0413\u0422][\u0400-\u045f\u0490\u0491\u2018-\u201e\u2020-\u2022\u2026\u2030"
        "\u2039\u203a\u20ac\u2116\u2122\u00a0-\u00bb]")
    rng = random.Random(5)
    alphabet = [chr(c) for c in [*range(0x80, 0x200), *range(0x400, 0x460), *range(0x2010, 0x2130)]] + ["a", " "]
    for text in ["Ã©tÃ© â€™ Ð¿Ñ€Ð¸Ð²", "РЎРѕ Р’ Гђ", *("".join(rng.choice(alphabet) for _ in range(40))
                                                 for _ in range(5000))]:
        assert [m.span() for m in _MOJIBAKE_SIGNATURE.finditer(text)] == \
            [m.span() for m in alternation.finditer(text)], text


@pytest.mark.parametrize("data", [
    "نص عربي\x01\x02 مع محارف تحكم\u200b وعلامات\ufeff خفية\r\nوسطر".encode(),
    ("Ã©tÃ© à Paris, l’été " * 20).encode(),
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚ мир".encode(),
    b"plain ascii with a \x07 bell and \x1b escape " * 3,
    "سطر\x01\x02\x03\x04".encode() * 40,  # mostly controls: binary either way
])
def test_screened_and_unscreened_decoding_agree(data: bytes) -> None:
    """The byte screens only skip work: decoding plain UTF-8 gives what decoding the same text with the
    screens off (as a BOM-prefixed input, which takes the unscreened path) gives."""
    import codecs

    plain, with_bom = decode(raw(data)), decode(raw(codecs.BOM_UTF8 + data))
    if isinstance(plain, Decoded):
        assert isinstance(with_bom, Decoded) and plain.text == with_bom.text
        assert list(plain.repairs) == [r for r in with_bom.repairs if r != "bom"]
    else:
        assert isinstance(with_bom, Rejection) and plain.reason == with_bom.reason


def test_repair_mojibake_fixes_only_text_with_mojibake() -> None:
    assert repair_mojibake("donâ€™t, Ø§Ù„Ø±Ø¦ÙŠØ³") == "don't, الرئيس"  # ftfy's defaults: quotes uncurled
    text = "Le café “noir”, الرئيس"
    assert repair_mojibake(text) is text  # no mojibake seen: the text as it was, quotes kept
