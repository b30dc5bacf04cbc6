"""Words, regex fragments and calendar arithmetic for reading deadline phrases.

Kept apart from the readers so that :mod:`tracker.extract.deadline_periods`
(what a phrase means) and :mod:`tracker.extract.deadline_finder` (where a
phrase is in a sentence) share one vocabulary. Pure standard library.
"""

from __future__ import annotations

from tracker.language.calendar import MONTH_ABBR, WEEKDAY_ABBREVIATIONS
from tracker.language.calendar import MONTHS as _MONTHS
from tracker.language.calendar import WEEKDAYS as _WEEKDAYS

import calendar
import math
import re
from datetime import date, timedelta
from functools import lru_cache

MONTHS = dict(_MONTHS)
MONTH_NAMES = MONTH_ABBR
WEEKDAYS = {**_WEEKDAYS, **WEEKDAY_ABBREVIATIONS}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "final": -1, "last": -1, "front": 1, "back": 2, "latter": 2, "later": 2}
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
NUMBER_WORDS: dict[str, float] = {w: i for i, w in enumerate(_SMALL)} | _TENS | {
    "a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "a half": 0.5, "a hundred": 100, "one hundred": 100, "hundred": 100,
}


def _alt(words: object) -> str:
    """A regex alternation of the given words, longest first so prefixes never win early."""
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) + ")"


MONTH = _alt(MONTHS)
WEEKDAY = _alt(WEEKDAYS)
ORDINAL = _alt(ORDINALS)
_WORD_NUM = rf"(?:{_alt(_TENS)}(?:[-\s]{_alt(_SMALL[1:10])})?|{_alt(k for k in NUMBER_WORDS if k not in _TENS)})"
# A count: digits, words, "one and a half", "a year and a half" is handled by the span reader.
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_WORD_NUM}(?:\s+and\s+a\s+half)?)"
YEAR = r"(?:19|20|21)\d\d"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
UNIT = (r"(?:hours?|(?:business\s+|working\s+|calendar\s+)?days?|weeks?|fortnights?|months?|quarters?|"
        r"years?|decades?)")

_NORMALISE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-", "\u2011": "-",
                            "\u2010": "-", "\u00a0": " ", "\u201c": '"', "\u201d": '"'})


_SPACES = re.compile(r"\s+")
_EDGES = re.compile(r"^[\"'(\[\s]+|[\"'.,;:!?)\]\s]+$")
_ABBREVIATED = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|thurs?|fri|sat|sun)\.", re.I)
_SPACED_DASH = re.compile(r"(?<=\w)\s+-\s*(?=\w)|(?<=\w)\s*-\s+(?=\w)")
_COMMA = re.compile(r"(?<!\d)\s*,\s*|\s*,\s*(?!\d{3}\b)")


@lru_cache(maxsize=8192)
def normalise(phrase: str) -> str:
    """One spelling for the readers: straight quotes, ASCII dashes, single spaces, no edge punctuation.

    Case is kept, because named events ("the 2025 Lisgard Open") are recognised
    by their capitals; every pattern is matched case-insensitively. (Pure, so cached: the same candidate
    phrase is read several times while a text is extracted.)
    """
    text = _SPACES.sub(" ", phrase.translate(_NORMALISE)).strip()
    text = _EDGES.sub("", text)
    text = _ABBREVIATED.sub(r"\1", text)
    text = _SPACED_DASH.sub("-", text)
    return _COMMA.sub(", ", text)  # "1,000" stays a number


def parse_number(text: str) -> float:
    """The value of a count written in digits or words ("18", "eighteen", "twenty-four", "one and a half")."""
    text = re.sub(r"\s+", " ", text.strip().lower())
    half = 0.0
    if text.endswith(" and a half"):
        text, half = text[: -len(" and a half")], 0.5
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", text):
        return float(text.replace(",", "")) + half
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] + half
    tens, _, unit = text.replace("-", " ").partition(" ")
    if tens in _TENS and unit in _SMALL:
        return _TENS[tens] + _SMALL.index(unit) + half
    raise ValueError(f"not a number: {text!r}")


def month_number(word: str) -> int:
    """The month number of a month name or abbreviation ("Sept" -> 9)."""
    return MONTHS[word.lower().rstrip(".")]


def two_digit_year(text: str) -> int:
    """A four-digit year from "2026", "26" or "'26" (two digits are read as 20xx)."""
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date:
    """A date with the day clamped to the month's length (Feb 30 -> Feb 28/29)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def add_months(day: date, months: int) -> date:
    """Calendar months later, clamped to month end: Aug 30 + 6 months = Feb 28 (the data's convention)."""
    index = day.year * 12 + day.month - 1 + months
    return safe_date(index // 12, index % 12 + 1, day.day)


def add_business_days(day: date, count: int) -> date:
    """Weekdays later, skipping Saturdays and Sundays (public holidays are not known)."""
    while count > 0:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def add_duration(day: date, amount: float, unit: str) -> date:
    """``day`` plus an amount of a unit; fractions of a month or year fall back to finer units."""
    unit = unit.lower()
    if unit.startswith("hour"):
        return day + timedelta(days=math.ceil(amount / 24))
    if unit.startswith(("business", "working")):
        return add_business_days(day, math.ceil(amount))
    if "day" in unit:
        return day + timedelta(days=math.ceil(amount))
    if unit.startswith("fortnight"):
        return day + timedelta(days=round(14 * amount))
    if unit.startswith("week"):
        return day + timedelta(days=round(7 * amount))
    months = amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit.rstrip("s")]
    whole = math.floor(months)
    return add_months(day, whole) + timedelta(days=round((months - whole) * 30.44))


def fmt(day: date) -> str:
    """A day as people write it in rules: "30 Sep 2026"."""
    return f"{day.day} {MONTH_NAMES[day.month]} {day.year}"


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
