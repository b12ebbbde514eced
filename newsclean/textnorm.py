"""Spelling-insensitive folding of text, for matching rules and comparing lines (never for output)."""

from __future__ import annotations

import math
import re
import unicodedata

import regex

# Letters that regional keyboards and sites write in several ways: one form each, so one rule covers all.
_LETTER_FOLDS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ڤ": "ف", "ڨ": "ق", "ک": "ك", "گ": "ك", "ڭ": "ك", "ی": "ي", "ہ": "ه",
    "،": ",", "؛": ";", "؟": "?", "٪": "%",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‘": "'", "’": "'",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
})
# Harakat, superscript alef and tatweel carry no meaning for matching.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LONE_TATWEEL = re.compile(r"(?<!\w)\u0640+|\u0640+(?!\w)")
_WORD = re.compile(r"\w+")


def _fold_table() -> list[int | None]:
    """`_LETTER_FOLDS` plus the deletion of `_MARKS`, as a list indexed by code point.

    Why a list: `str.translate` with a dict raises and clears a KeyError for every character the dict lacks,
    which made folding a line cost twice as much; a list answers every code point it covers without one
    (characters past its end, above U+201E, are kept as they are, as with the dict). The marks are deleted in
    the same pass: no fold produces a mark and no mark is folded, so the order of the two steps is moot.
    """
    deletions = {ord(c): None for c in map(chr, range(0x0600, 0x0700)) if _MARKS.fullmatch(c)}
    mapping: dict[int, int | None] = {**{k: (ord(v) if isinstance(v, str) else v)
                                         for k, v in _LETTER_FOLDS.items()}, **deletions}
    table: list[int | None] = list(range(max(mapping) + 1))
    for code, folded in mapping.items():
        table[code] = folded
    return table


_FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Lower-case, NFKC, diacritic- and variant-free form of a line, used for matching only."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if "\u0640" in text:
        text = _LONE_TATWEEL.sub("-", text)  # a free-standing "ــ" is a dash (caption credits), not elongation
    # str.split() and re's \s agree on what a space is: this is re.sub(r"\s+", " ", text).strip(), in C
    return " ".join(text.translate(_FOLD_TABLE).split())


def fold_pattern(pattern: str) -> str:
    """Fold a regex's letters like `fold` folds lines, leaving its ASCII syntax (\\S, \\W, \\D) intact."""
    text = unicodedata.normalize("NFKC", pattern)
    return _MARKS.sub("", text).translate(_LETTER_FOLDS)


def find_original(line: str, folded_part: str) -> str:
    """The run of whole words of `line` whose folded form is `folded_part` (undoes folding of a capture)."""
    tokens = line.split()
    size = len(folded_part.split())
    for start in range(len(tokens) - size + 1):
        window = " ".join(tokens[start:start + size])
        if fold(window).strip(".,:;!?\"'()[]-–—|*") == folded_part.strip(".,:;!?\"'()[]-–—|*"):
            return window.strip(".,:;!?\"'()[]-–—|*،؛“”«»")
    return folded_part


# Letters of the scripts written without spaces between words, by Unicode script as the `regex` package keeps
# it ("ー" and "々" are theirs, "。" and Thai's vowel signs are not), and how many of them make one word of line
# shape: a Chinese word is about two characters; Japanese spells its endings and particles in kana, so its lines
# hold more letters for as many words (other stories' headlines on a Japanese blog run 35-45 characters).
_KANA = regex.compile(r"[[\p{scx=Hiragana}\p{scx=Katakana}]&&\p{L}]+", regex.V1)
_UNSPACED_LETTER = regex.compile(
    r"[[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]&&\p{L}]+",
    regex.V1)
LETTERS_PER_WORD = 2.0  # Chinese characters, and the letters of Thai, Lao, Khmer and Burmese
KANA_PER_WORD = 3.0
# The Unicode blocks of those scripts (Thai to Myanmar, Khmer, CJK, half-width kana, CJK extensions): lines
# without any skip the slower script lookup (most lines: Arabic, Latin).
_UNSPACED_BLOCKS = re.compile("[\u0e00-\u109f\u1780-\u17ff\u3005-\u31ff\u3400-\u9fff\ua9e0-\uaa7f\uf900-\ufaff"
                              "\uff66-\uff9f\U00016fe0-\U00016fff\U0001aff0-\U0001b16f\U00020000-\U0003ffff]")
# A word of a spaced script left beside them ("Kindle", "iPhone", "2018"), not a lone mark ("、", "「」").
_SPACED_WORD = re.compile(r"[^\W_]")


def non_space_length(text: str | None) -> int:
    """Characters of a text that are not spaces (what `" ".join(text.split())` keeps, but the joins; str.split
    and re's \\s agree on what a space is)."""
    return len("".join(text.split())) if text else 0


def count_words(text: str) -> int:
    """How many words a line has, for line shape: its whitespace-separated words; in scripts written without
    spaces, `LETTERS_PER_WORD` letters make a word (`KANA_PER_WORD` of kana): a Japanese sentence is not one."""
    if text.isascii() or not _UNSPACED_BLOCKS.search(text):
        return len(text.split())
    runs = _UNSPACED_LETTER.findall(text)
    if not runs:
        return len(text.split())
    letters = sum(map(len, runs))
    kana = sum(map(len, _KANA.findall(text)))
    spaced = sum(1 for token in _UNSPACED_LETTER.sub(" ", text).split() if _SPACED_WORD.search(token))
    return spaced + math.ceil((letters - kana) / LETTERS_PER_WORD + kana / KANA_PER_WORD)


# Words that say nothing about a story; left out when comparing a headline with a body.
_STOPWORD_TEXT = """
في من على الى إلى عن مع هذا هذه ذلك التي الذي الذين كان كانت لم لن قد ما لا أن إن او أو ثم بعد قبل
بين حتى عند كل بعض غير هو هي هم نحن انه أنه انها أنها منذ خلال حول لدى وقال قال وقالت قالت يوم اليوم
امس أمس the a an of to in on for and or but with from by at as is are was were be been it its this
that these those le la les un une des du de d l et ou en au aux pour par sur dans avec est sont a
été ce cette ces qui que
"""
_STOPWORDS = frozenset(fold(w) for w in _STOPWORD_TEXT.split())
_CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و")
# The same stripping as one regex pass over a folded text (it was a Python loop over words and prefixes): at
# the start of each word, the first clitic (in the order above) that leaves three or more letters.
_CLITIC = re.compile("(?<!\\w)(?:" + "|".join(_CLITICS) + ")(?=\\w{3})")
_CLITIC_LETTER = re.compile("[" + "".join(sorted({clitic[0] for clitic in _CLITICS})) + "]")


# Function words of the other languages scrapes hold most (German, Spanish, Italian, Portuguese), for
# `function_word_share` only: content words keep them, as they always did.
_MORE_FUNCTION_WORD_TEXT = """
der die das und ist nicht mit von zu den dem des ein eine einen auf für im sich auch es wie bei nach
el los las y que en por con para del se es no una lo al su sus como más pero il lo gli di che per
con della dei delle non è nel nella sono come anche o os as em um uma do da dos das não no na se por
com para mais como
"""
_MORE_FUNCTION_WORDS = frozenset(fold(w) for w in _MORE_FUNCTION_WORD_TEXT.split())
_FUNCTION_WORDS = _STOPWORDS | _MORE_FUNCTION_WORDS
_JOINED = ("و", "ف", "ب", "ل", "ك")  # Arabic writes "و في" as one word, "وفي"; "بأن", "لأن", "فهو"


def function_word_share(folded: str) -> float:
    """The share of an already folded text's words that are function words (Arabic with a joined و، ف، ب، ل،
    ك too, English, French, German, Spanish, Italian, Portuguese): prose has them, a tag cloud or a menu run
    together has few."""
    words = _WORD.findall(folded)
    found = sum(1 for word in words if word in _FUNCTION_WORDS
                or (len(word) > 2 and word.startswith(_JOINED) and word[1:] in _FUNCTION_WORDS))
    return found / len(words) if words else 0.0


def content_words(folded: str) -> list[str]:
    """`content_tokens` of an already folded text, with repetitions (the labeller folds each line once)."""
    if _CLITIC_LETTER.search(folded):  # a line without any of their letters has no clitic to strip
        folded = _CLITIC.sub("", folded)
    return [word for word in _WORD.findall(folded) if len(word) >= 3 and word not in _STOPWORDS and not word.isdigit()]


def content_tokens(text: str, keep_duplicates: bool = False) -> list[str]:
    """Folded words minus stopwords, digits-only tokens and common Arabic clitics (و، ال، بال…): the words
    that say what a text is about, for comparing a headline with a body or two stories."""
    tokens = content_words(fold(text))
    return tokens if keep_duplicates else list(dict.fromkeys(tokens))
