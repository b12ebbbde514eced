"""Language-independent keys: consonant skeletons shared by a name's Arabic, English and French spellings."""

from __future__ import annotations

import pytest

from newsclean.stories import MIN_SKELETON, cross_keys
from newsclean.textnorm import content_tokens, fold
from newsclean.transliterate import number_keys, skeleton


@pytest.mark.parametrize("spellings", [
    ("بوتين", "Putin", "Poutine"),
    ("الأسد", "Assad"),  # the article goes; a doubled letter is written once (shadda is folded away)
    ("الكرملين", "Kremlin"),
    ("موسكو", "Moscow", "Moscou"),
    ("حميميم", "Hmeimim"),
    ("مراكش", "Marrakech", "Marrakesh"),  # French "ch" and English "sh" are both ش
    ("لافرينتيف", "Lavrentiev"),  # v is ف
    ("أردوغان", "Erdogan", "Erdoğan"),  # غ is "g"/"gh"; accents off
    ("صقر", "Saqr"),  # ص is "s", ق is "q"
    ("جدة", "Jeddah"),  # taa marbuta and the final "ah"
    ("تبون", "Tebboune"),
    ("الزهراني", "Zahrani"),
    ("دمشق", "Dimashq"),  # sh is ش, q is ق
    ("الخرطوم", "Khartoum"),  # kh is خ
    ("الحوز", "Haouz"),  # French "ou" is a vowel
])
def test_spellings_of_one_name_share_a_skeleton(spellings: tuple[str, ...]) -> None:
    keys = {skeleton("".join(fold(spelling).split("-")[-1].split())) for spelling in spellings}
    assert len(keys) == 1 and "" not in keys, keys


@pytest.mark.parametrize(("first", "second"), [
    ("بوتين", "Biden"),  # btn vs bdn: ت and d stay apart
    ("Putin", "بايدن"),
    ("Assad", "Saqr"),
    ("Moscow", "Damascus"),
    ("الكرملين", "Kazan"),
    ("حلب", "Hama"),
    ("Lavrov", "Lavrentiev"),
    ("Zahrani", "Tehran"),
])
def test_different_names_do_not_collide(first: str, second: str) -> None:
    assert skeleton(fold(first).split()[-1]) != skeleton(fold(second).split()[-1])


def test_skeletons_of_other_scripts_and_mixed_words_are_empty() -> None:
    assert skeleton("москва") == skeleton("abc١") == skeleton("") == ""


def test_short_skeletons_are_not_keys_because_common_words_share_them() -> None:
    # "said" (English), سعد (a name), ساعد (helped) and Assad all give "sd": too common to mean anything
    assert {skeleton(word) for word in ("said", "سعد", "ساعد", "assad")} == {"sd"}
    text = fold("Assad said on Sunday that Putin met him in the Kremlin")
    keys = cross_keys(text, content_tokens(text, keep_duplicates=True))
    assert "~sd" not in keys and {"~btn", "~krmln"} <= keys.keys()
    assert all(len(key) - 1 >= MIN_SKELETON for key in keys if key.startswith("~"))


def test_numbers_are_written_one_way() -> None:
    # English, French and Arabic thousands; decimal comma and point; Arabic-Indic digits are folded first
    assert number_keys(fold("2,012 dead, 2 012 morts, ٢٠١٢ قتيلا")) == ["2012", "2012", "2012"]
    assert number_keys(fold("magnitude 6.8 / magnitude de 6,8 / 90,69 % / 13.50 جنيه")) == [
        "6.8", "6.8", "90.69", "13.5"]
    assert number_keys(fold("in 2016, 27 november, resolution 2254")) == ["2016", "27", "2254"]
