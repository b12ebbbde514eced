"""Language-independent keys of a text: consonant skeletons of words and normalized numbers.

Rewrites of one story in Arabic, English and French share no words, but they share names and figures:
"بوتين", "Putin" and "Poutine" are one name in three spellings, "٢٠١٢", "2,012" and "2 012" one number.
`skeleton` maps a word of either script to the consonants a transliteration keeps, in coarse sound
classes (the letters one language writes for one letter of the other fall in one class), so the three
spellings of a name meet on one key. `number_keys` writes each number one way. Both work on text folded by
`newsclean.textnorm.fold` (lower case, alef/yaa/taa marbuta forms unified, Arabic-Indic digits in ASCII).

Skeletons are coarse on purpose: they collide for unrelated words too ("said" and "الأسد" both give "sd").
They are keys for candidate evidence only; the story index weighs them by rarity and needs several at once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic letters -> sound class. Long vowels and the letters Latin transliterations drop or write as a
# vowel (ا و ي ع ء) have no class: a skeleton is consonants only, because vowels are where spellings of one
# name disagree most (Poutine/Putin/بوتين). The classes merge what one script distinguishes and the other
# cannot: ت ط ث are all "t" in Latin spellings, س ص ش all "s"-like (sh/ch), ك ق خ all "k"-like (k/q/kh),
# ج غ both "g"/"j"/"gh", د ذ ض ظ all "d"/"dh", ح ه both "h". Persian/Maghrebi letters were folded by `fold`.
_ARABIC_CLASSES: dict[str, str] = {
    "ب": "b", "پ": "b", "چ": "s", "ژ": "z",  # Persian pe, che (Latin "ch"), zhe
    "ت": "t", "ط": "t", "ث": "t",
    "ج": "g", "غ": "g",
    "ح": "h", "ه": "h",
    "خ": "k", "ك": "k", "ق": "k",
    "د": "d", "ذ": "d", "ض": "d", "ظ": "d",
    "ر": "r", "ز": "z",
    "س": "s", "ش": "s", "ص": "s",
    "ف": "f", "ل": "l", "م": "m", "ن": "n",
    "ا": "", "و": "", "ي": "", "ى": "", "ع": "", "ء": "", "ة": "",
}
# Latin digraphs first (the order matters: "sch" before "ch"), then single letters. They mirror the Arabic
# classes: "sh"/"ch"/"sch" are ش (s class), "kh" خ and "q" ق (k class), "gh" غ and "j"/"dj" ج (g class),
# "th" ث (t), "dh" ذ/ض (d), "ph"/"v" ف (f, Arabic has no v), "p" ب (Arabic has no p), "ou" a vowel (French
# writes و as "ou"). "c" is "s" before e/i/y and "k" elsewhere, as in both languages. "x" is "ks".
_LATIN_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("sch", "s"), ("tch", "ts"), ("dj", "g"), ("sh", "s"), ("ch", "s"), ("kh", "k"), ("gh", "g"),
    ("th", "t"), ("dh", "d"), ("ph", "f"), ("ck", "k"), ("ou", ""),
)
_LATIN_SOFT_C = re.compile(r"c(?=[eiy])")
_LATIN_CLASSES: dict[str, str] = {
    "b": "b", "p": "b", "c": "k", "d": "d", "f": "f", "v": "f", "g": "g", "j": "g", "h": "h",
    "k": "k", "q": "k", "l": "l", "m": "m", "n": "n", "r": "r", "s": "s", "t": "t", "x": "ks", "z": "z",
    "a": "", "e": "", "i": "", "o": "", "u": "", "w": "", "y": "",
}
_REPEATS = re.compile(r"(.)\1+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1 << 16)  # words repeat across articles; a skeleton costs a few microseconds
def skeleton(word: str) -> str:
    """The consonant skeleton of one folded word, Arabic or Latin script ("" for anything else or mixed).

    >>> skeleton("بوتين"), skeleton("putin"), skeleton("poutine")
    ('btn', 'btn', 'btn')
    """
    if _ARABIC_LETTER.match(word):
        if any(letter not in _ARABIC_CLASSES for letter in word):
            return ""
        if word.startswith("ال") and len(word) > 3:  # the article: Latin writes it apart ("al-Assad") or not
            word = word[2:]
        # a final ه is almost always a folded taa marbuta (جدة -> جده), which Latin writes as "a"/"ah"
        letters = word[:-1] if word.endswith("ه") else word
        return "".join(_ARABIC_CLASSES[letter] for letter in letters)
    # accents off (é -> e, ğ -> g); a doubled letter once, as Arabic writes it (shadda is folded away):
    # "Assad" like أسد, "Hmeimim" like حميميم; collapsed before vowels go, so "m-i-m" stays two m's
    word = _REPEATS.sub(r"\1", "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)))
    if not _LATIN_WORD.fullmatch(word):
        return ""
    if len(word) > 2 and word.endswith(("ah", "eh")):  # the taa marbuta's "ah" (Jeddah, Fatah)
        word = word[:-1]
    word = _LATIN_SOFT_C.sub("s", word)
    for digraph, replacement in _LATIN_DIGRAPHS:
        word = word.replace(digraph, replacement.upper())  # upper case: not rewritten again below
    return "".join(_LATIN_CLASSES.get(letter, letter.lower()) for letter in word)


# A number: digits with thousands groups (",", ".", a space or a thin/no-break space before exactly three
# digits) and an optional decimal part ("." or "," or the Arabic decimal mark, then digits). "2,012" is read
# as two thousand and twelve, as English writes it; a French decimal with three digits ("2,012") is rare.
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:[,. \u00a0\u202f\u066c]\d{3})+|\d+)(?:[.,\u066b](\d+))?(?![\d])")


def number_keys(text: str) -> list[str]:
    """Each number of a folded text written one way: thousands separators dropped, decimal point ".",
    trailing decimal zeros dropped, so "2,012" (English), "2 012" (French) and "2012" (Arabic) are one key,
    and "6,8" is "6.8"."""
    keys = []
    for whole, decimals in _NUMBER.findall(text):
        digits = re.sub(r"\D", "", whole)
        decimals = decimals.rstrip("0")  # 6.80 is 6.8, 13.50 is 13.5, 2.0 is 2
        keys.append(f"{int(digits)}.{decimals}" if decimals else str(int(digits)))
    return keys
