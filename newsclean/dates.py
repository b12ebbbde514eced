"""Temporary minimal date finder (replaced by the full module)."""

from __future__ import annotations

import datetime as dt
import re

from newsclean.textnorm import fold

MONTHS = {fold(k): v for k, v in {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7,
    "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
}.items()}
_NAMED = re.compile(r"(\d{1,2})\s+(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\s+(\d{4})")
_NUMERIC = re.compile(r"\b(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})\b")


def find_date(text: str) -> dt.date | dt.datetime | None:
    folded = fold(text)
    for pattern, order in ((_NAMED, "name"), (_NUMERIC, "num")):
        m = pattern.search(folded)
        if m:
            day, month = int(m.group(1)), MONTHS[m.group(2)] if order == "name" else int(m.group(2))
            try:
                return dt.date(int(m.group(3)), month, day)
            except ValueError:
                return None
    return None
