"""Find the publication date written in one line of a news page (Arabic, English, French).

Why our own finder: the sources mix three families of Arabic month names (Egyptian/Gulf,
Levantine/Iraqi, Maghrebi), Arabic-Indic digits and day-first numeric dates, which general
parsers misread or silently guess at. This module answers only when day, month and year are
all written in one expression, and never fills in or repairs a part: "6 من كانون الأول" (no
year) and "31 فبراير 2024" (no such day) both give None.

Reading choices (deliberate, for the product's Arabic and French sources):

* Numeric d/m/y dates are read day-first when both numbers could be the month: 05/01/2025 is
  5 January, always, even on an English page (Arabic and French write the day first, and we
  prefer one fixed rule over guessing a page's locale). When one number is over 12 only one
  reading is a date and that one is used: 13/01/2025 and 01/13/2025 are both 13 January.
* Year-first numeric dates (2025-01-05, 2025/01/05) are always year-month-day (ISO).
* Years outside 1990..2100 are not publication dates (Hijri 1445, phone numbers, totals).
* Two-digit years and Hijri months are not read. A time is the wall-clock time as printed: a naive
  datetime, or an aware one when a UTC offset follows it ("+03:00" as in ISO 8601, "GMT+2", "UTC+3",
  "Z", "GMT"); zone names (EET, "بتوقيت القاهرة") are not read. A time that cannot be (25:10,
  14:00 AM) is dropped, keeping the date; an offset that cannot be (+15:00) is dropped, keeping the time.
* `publication` turns what a page states into the columns: the instant in UTC when a time and its zone
  (the page's own offset, else the site's zone) are known, else the date alone.
* When a line holds several expressions the first valid one wins; an invalid one is skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

# --- text folding -------------------------------------------------------------------------------

# Arabic-Indic (U+0660..) and Eastern/Persian (U+06F0..) digits: sites use either, or both.
_DIGITS = str.maketrans({chr(base + d): str(d) for base in (0x0660, 0x06F0) for d in range(10)})

# Letters and punctuation written in several ways; NFKD + dropping marks handles hamza on alef
# (أ إ آ -> ا), harakat, tanween and Latin accents, this table handles what NFKD leaves alone.
_FOLDS = str.maketrans({
    "ى": "ي", "ی": "ي", "ة": "ه", "ٱ": "ا", "ڤ": "ف",  # alef maqsura, Persian yeh, taa marbuta, wasla, veh
    "\u0640": "",  # tatweel (elongation) carries no meaning: "مـارس" is "مارس"
    "،": ",", "؛": ";",  # Arabic comma and semicolon
    "\u060d": "/", "\u2044": "/", "\u2215": "/",  # Arabic date separator, fraction and division slashes
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"),  # hyphen/dash look-alikes
})


def normalize_digits(text: str) -> str:
    """Replace Arabic-Indic (٠-٩) and Eastern/Persian (۰-۹) digits by ASCII digits."""
    return text.translate(_DIGITS)


def _fold(text: str) -> str:
    """Matching form of a line: ASCII digits, lower case, no accents/hamza/harakat, one spelling per letter."""
    text = unicodedata.normalize("NFKD", normalize_digits(text)).casefold()
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.translate(_FOLDS)


# --- month names, one table per convention ------------------------------------------------------
# Spellings without hamza (ابريل، اغسطس، اكتوبر، اذار، ايار، اب، ايلول) and with ه for ة (يونية)
# come from folding, so each table lists a name once in its usual written form.

# Egypt, Sudan, the Gulf: transliterated Latin names (also the second half of "تموز/يوليو").
_EGYPT_GULF = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}
# Levant and Iraq: Syriac month names. "تشرين أول" without the article is common on Syrian sites.
_LEVANT_IRAQ = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "كانون ثاني": 1, "تشرين أول": 10, "تشرين ثاني": 11, "كانون أول": 12,
}
# Algeria and Tunisia: French month names in Arabic letters.
_ALGERIA_TUNISIA = {
    "جانفي": 1, "فيفري": 2, "مارس": 3, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "أوت": 8,
    "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}
# Morocco: a mix of Latin and French-derived names.
_MOROCCO = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ماي": 5, "يونيو": 6, "يوليوز": 7, "غشت": 8,
    "شتنبر": 9, "أكتوبر": 10, "نونبر": 11, "دجنبر": 12,
}
_ENGLISH = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# French, written with accents; "fevrier", "aout", "decembre" come from folding.
_FRENCH = {
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "déc": 12,
}


def _merge(*tables: dict[str, int]) -> dict[str, int]:
    """One folded name -> month map; a name two conventions read differently would be a data error."""
    months: dict[str, int] = {}
    for table in tables:
        for name, number in table.items():
            key = " ".join(_fold(name).split())
            if months.setdefault(key, number) != number:
                raise ValueError(f"month name {name!r} is {months[key]} and {number}")
    return months


MONTHS: dict[str, int] = _merge(_EGYPT_GULF, _LEVANT_IRAQ, _ALGERIA_TUNISIA, _MOROCCO, _ENGLISH, _FRENCH)
"""Folded month name (see `_fold`: no hamza/accents, ه for ة, lower case) -> month number."""

# Month-first order ("January 5, 2025") is English only: Arabic "مارس 15" is usually the verb "practised".
_LATIN_MONTHS = _merge(_ENGLISH, _FRENCH)

# --- patterns (applied to folded text) ----------------------------------------------------------


def _alternation(names: dict[str, int]) -> str:
    """Regex alternation of names, longest first, any run of spaces inside a two-word name."""
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


_LETTER_BEFORE = r"(?<![^\W\d_])"
_NO_LETTER_AFTER = r"(?![^\W\d_])"
# A number that does not continue another one: not "1.5" -> "5", not "12/5" -> "5", not "2024" -> "24".
_NUM_START = r"(?<![0-9])(?<![0-9][.,:/-])"
# Between day, month and year: spaces, one comma (Arabic comma folded) or one dash ("05-Jan-2025"); may be empty.
_GAP = r"\s*(?:[,-]\s*)?"
# Day with English/French ordinal suffix: "5th", "1er".
_DAY = rf"{_NUM_START}(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th|er)?"
# Year, optionally marked Gregorian ("2024م", "2024 ميلادي") as Arabic sites do.
_YEAR = r"(?P<y>[0-9]{4})(?![0-9])(?:\s*(?:م|ميلادي|ميلاديه)" + _NO_LETTER_AFTER + ")?"


def _month_group(name: str, names: dict[str, int]) -> str:
    """A whole month name (not the start of "مارسيليا" or "Marseille"), abbreviation dot allowed."""
    return rf"{_LETTER_BEFORE}(?P<{name}>{_alternation(names)}){_NO_LETTER_AFTER}\.?"


# A month, or two names for one month as Levantine papers print them: "تموز/يوليو", "تموز (يوليو)".
_MONTH = (_month_group("m1", MONTHS)
          + rf"(?:\s*/\s*{_month_group('m2', MONTHS)}|\s*\(\s*{_month_group('m3', MONTHS)}\s*\))?")
# am/pm: Arabic صباحاً/ص (morning) and مساءً/م (evening) fold to these; English with or without dots.
_MERIDIEM = r"[ap]\.?\s?m\.?|صباحا|مساءا|مساء|ص|م"
# Words and marks between a date and its time: "- 10:45", "| 14:20", "à 08h19", "at 8:19",
# "على الساعة 10:15" (written folded here: على -> علي, الساعة -> الساعه).
_TIME_GAP = r"(?:t|\s*(?:(?:[,;|@-]|" + _LETTER_BEFORE + r"(?:a|at|الساعه|علي|في)" + _NO_LETTER_AFTER + r")\s*){0,3})"


def _zone(p: str) -> str:
    """A UTC offset after a time, groups prefixed by `p`: ISO's "+03:00" / "+0300" / "Z" right after the time
    (fractions of a second before it), or "GMT+4", "UTC+05:30", "(GMT+2)", "GMT" alone."""
    return (
        rf"(?:(?:\.[0-9]{{1,9}})?(?P<{p}zi>[+-][0-9]{{2}}:?[0-9]{{2}})(?![0-9])"
        rf"|(?:\.[0-9]{{1,9}})?(?P<{p}zz>z){_NO_LETTER_AFTER}"
        rf"|\s*\(?\s*(?P<{p}zn>gmt|utc){_NO_LETTER_AFTER}\s*(?P<{p}zo>[+-]\s*[0-9]{{1,2}}(?::?[0-9]{{2}})?)?(?![0-9])\)?)"
    )


def _time(p: str) -> str:
    """A time of day, groups prefixed by `p`: 08:19, 08:19:30, 08h19, 17 h 42, 15h, 8 AM, 10:45 ص, with the
    UTC offset that follows it if any (`_zone`)."""
    return (
        rf"(?<![0-9])(?P<{p}h>[0-9]{{1,2}})"
        rf"(?:\s*[:h]\s*(?P<{p}mi>[0-9]{{2}})(?:\s*:\s*(?P<{p}s>[0-9]{{2}}))?(?![0-9])"  # with minutes
        rf"|\s*h{_NO_LETTER_AFTER}"  # French hour only: "à 15h" (not "12 heures")
        rf"|(?=\s*[ap]\.?\s?m{_NO_LETTER_AFTER}))"  # English hour only: "8 AM"
        rf"(?:\s*(?P<{p}ap>{_MERIDIEM}){_NO_LETTER_AFTER})?"
        rf"(?:{_zone(p)})?"
    )


def _with_time(core: str) -> re.Pattern[str]:
    """A date expression with an optional time after it (or, failing that, just before it)."""
    before = rf"(?:{_time('p')}\s*(?:[,;|-]\s*)?)?"
    return re.compile(rf"{before}{core}(?:{_TIME_GAP}{_time('t')})?")


_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "5 يناير 2025", "الأحد، 5 يناير، 2025", "6 من كانون الأول 2024", "15 تموز/يوليو 2024", "1er février 2025"
    ("named", _with_time(rf"{_DAY}{_GAP}(?:(?:من|of)\s+)?{_MONTH}{_GAP}{_YEAR}")),
    # "January 5, 2025", "Jan. 5th 2025"
    ("named", _with_time(rf"{_month_group('m1', _LATIN_MONTHS)}\s*{_DAY}{_GAP}{_YEAR}")),
    # "2025-01-05", "2025/01/05": the same separator twice, not part of a longer run of numbers.
    ("ymd", _with_time(rf"{_NUM_START}(?P<y>[0-9]{{4}})\s*(?P<sep>[-/.])\s*(?P<a>[0-9]{{1,2}})\s*(?P=sep)\s*"
                       rf"(?P<b>[0-9]{{1,2}})(?![0-9])(?!(?P=sep)[0-9])")),
    # "05/01/2025", "05 - 01 - 2025", "5.1.2025"
    ("dmy", _with_time(rf"{_NUM_START}(?P<a>[0-9]{{1,2}})\s*(?P<sep>[-/.])\s*(?P<b>[0-9]{{1,2}})\s*(?P=sep)\s*"
                       rf"{_YEAR}(?!(?P=sep)[0-9])")),
)
_FIRST_YEAR, _LAST_YEAR = 1990, 2100
_ANY_DIGIT = re.compile(r"\d")


# --- reading a match ----------------------------------------------------------------------------


def _month_of(m: re.Match[str]) -> int | None:
    """The month a name (or a pair of names for one month) stands for; None if a pair disagrees."""
    numbers = {MONTHS[" ".join(name.split())] for name in (m["m1"], m.groupdict().get("m2"), m.groupdict().get("m3"))
               if name}
    return numbers.pop() if len(numbers) == 1 else None


def _day_month(kind: str, m: re.Match[str]) -> tuple[int, int | None]:
    """Day and month of a match, by the pattern's convention (see the module docstring for d/m/y)."""
    if kind == "named":
        return int(m["d"]), _month_of(m)
    a, b = int(m["a"]), int(m["b"])
    if kind == "ymd":
        return b, a  # year-month-day, always
    if a <= 12 < b:
        return b, a  # only the month-first reading is a date: 01/13/2025
    return a, b  # day-first: unambiguous when a > 12, the house rule when both are <= 12


def _time_of(m: re.Match[str], p: str) -> dt.time | None:
    """The time of day in groups prefixed by `p`, or None if absent or impossible."""
    if m[f"{p}h"] is None:
        return None
    hour, minute, second = int(m[f"{p}h"]), int(m[f"{p}mi"] or 0), int(m[f"{p}s"] or 0)
    meridiem = m[f"{p}ap"]
    if meridiem:
        pm = meridiem[0] in "pم"  # "pm", "p.m.", "م", "مساء"
        if pm and 1 <= hour <= 11:
            hour += 12
        elif not pm and hour == 12:
            hour = 0  # 12 AM is midnight
        elif (pm and hour == 0) or (not pm and hour > 12):
            return None  # "0:30 PM", "14:00 AM": contradictory, keep the date only
    if hour > 23 or minute > 59 or second > 59:
        return None
    return dt.time(hour, minute, second)


_MAX_OFFSET = dt.timedelta(hours=14)  # UTC-12 .. UTC+14 are the offsets in use


def _zone_of(m: re.Match[str], p: str) -> dt.tzinfo | None:
    """The UTC offset stated after the time in groups prefixed by `p`, or None if none (or an impossible one)."""
    if m[f"{p}zz"]:
        return dt.UTC
    offset = m[f"{p}zi"] or m[f"{p}zo"]
    if offset is None:
        return dt.UTC if m[f"{p}zn"] else None  # "GMT" alone
    sign, digits = (-1 if offset[0] == "-" else 1), offset[1:].replace(" ", "")
    hours, _, minutes = digits.partition(":")
    if not minutes and len(hours) == 4:
        hours, minutes = hours[:2], hours[2:]
    delta = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta > _MAX_OFFSET or int(minutes or 0) > 59:
        return None
    return dt.timezone(sign * delta)


def _read(kind: str, m: re.Match[str]) -> dt.date | dt.datetime | None:
    """The date (with time if written) a match spells, or None if it is not a real, plausible date."""
    year = int(m["y"])
    day, month = _day_month(kind, m)
    if month is None or not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None  # 31 February, month 13: never repaired
    for p in ("t", "p"):  # the time after the date, else the one before it
        time = _time_of(m, p)
        if time is not None:
            return dt.datetime.combine(date, time, _zone_of(m, p))
    return date


def find_date(text: str) -> dt.date | dt.datetime | None:
    """The first full date (day, month and year) written in `text`; a datetime if a time goes with it (aware
    when an offset follows the time).

    None when the line has no such expression, or only impossible/implausible ones.
    """
    if not _ANY_DIGIT.search(text):
        return None  # every full date has digits: skip the folding for prose lines
    folded = _fold(text)
    found = [(m.start(), -m.end(), kind, m) for kind, pattern in _PATTERNS for m in pattern.finditer(folded)]
    for _, _, kind, m in sorted(found, key=lambda item: item[:2]):
        date = _read(kind, m)
        if date is not None:
            return date
    return None


@dataclass(slots=True, frozen=True)
class Publication:
    """When an article was published, as the article columns hold it."""

    at: dt.datetime  # UTC: the instant when `time_known`, else `date` at 00:00 UTC
    date: dt.date  # the date as the page states it, in its own calendar
    time_known: bool  # `at` is the real instant: a time and its zone were known


def publication(stated: dt.date | dt.datetime, zone: dt.tzinfo | None = None) -> Publication:
    """What a page states (`find_date`) as the columns hold it. A time with its own offset is that instant; a
    time without one is read in `zone` (the site's, when the run knows it); otherwise only the date is known
    and `at` is that date at 00:00 UTC. "12 مارس 2024 - 10:45 ص" in Africa/Cairo: 08:45 UTC, 12 March."""
    if isinstance(stated, dt.datetime):
        local = stated if stated.tzinfo is not None else stated.replace(tzinfo=zone) if zone is not None else None
        if local is not None:
            return Publication(local.astimezone(dt.UTC), stated.date(), True)
        stated = stated.date()
    return Publication(dt.datetime.combine(stated, dt.time(), dt.UTC), stated, False)
