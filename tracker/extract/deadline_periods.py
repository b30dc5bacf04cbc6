"""The calendar period a time expression names: "Q3 2026", "next spring", "mid-March", "the coming weeks".

:func:`read_period` turns the part of a deadline phrase after its preposition
into a :class:`Period`; :mod:`tracker.extract.deadlines` then applies the
preposition ("by", "before", "in", "within"). Two kinds of rule are tried:
*modifiers* that wrap another expression ("the end of X", "early X", "the
second half of X", "Q3 X") and *bases* that name a period outright. Periods
without a year are placed at their next occurrence: "Q1" read in December is
next year's, "March 31" read in November is next March's. Seasons, holidays
and other named periods live in :mod:`tracker.extract.deadline_seasons`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.extract.deadline_conventions import DeadlineConventions
from tracker.extract.deadline_grammar import (
    DAY, MONTH, NUM, ORDINAL, ORDINALS, UNIT, WEEKDAY, WEEKDAYS, YEAR, add_duration, add_months, fmt, month_end,
    month_number, parse_number, safe_date, two_digit_year,
)

ONE_DAY = timedelta(days=1)


class NotUnderstood(ValueError):
    """The text is not a time expression this grammar knows."""


@dataclass(frozen=True)
class Period:
    """A stretch of days a phrase names, plus how prepositions should treat it."""

    start: date
    end: date                   # the last day of the period (the generous end where readings differ)
    label: str                  # human text for rules, e.g. "Q3 2024"
    opens: date | None = None   # the day "before X" is measured against, when not ``start`` (astronomical seasons)
    by_start: bool = False      # "by X" means before X begins (holidays, a recess, a season's opening)
    boundary: str = ""          # "end" or "start" when the phrase names the end or the start of a period
    exact: bool = False         # a single named day
    span: bool = False          # counted from publication ("within 90 days", "the coming weeks")
    low: date | None = None     # a stated lower bound for spans ("two to three years")

    @property
    def begins(self) -> date:
        """The day the period begins for "before"/"ahead of" readings."""
        return self.opens or self.start


@dataclass(frozen=True)
class Ctx:
    """What a reader needs besides the text."""

    published: date
    conv: DeadlineConventions
    nested: bool = False        # inside a modifier, where bare "the year"/"the month" are allowed


_FAILS = (NotUnderstood, ValueError, KeyError, OverflowError)  # a rule that does not apply after all
Reader = Callable[[re.Match[str], Ctx], Period]
Wrapper = Callable[[re.Match[str], Period, Ctx], Period]
_BASES: list[tuple[re.Pattern[str], Reader]] = []
_MODIFIERS: list[tuple[re.Pattern[str], Wrapper]] = []


def base(*patterns: str) -> Callable[[Reader], Reader]:
    """Register a reader for expressions that name a period outright."""
    def register(fn: Reader) -> Reader:
        _BASES.extend((re.compile(p, re.I), fn) for p in patterns)
        return fn
    return register


def modifier(*patterns: str) -> Callable[[Wrapper], Wrapper]:
    """Register a reader for "<modifier> X": the group ``x`` is read first, then wrapped."""
    def register(fn: Wrapper) -> Wrapper:
        _MODIFIERS.extend((re.compile(p, re.I), fn) for p in patterns)
        return fn
    return register


def read_period(text: str, ctx: Ctx) -> Period:
    """The period ``text`` names, or :class:`NotUnderstood`."""
    for pattern, wrap in _MODIFIERS:
        m = pattern.fullmatch(text)
        if m:
            try:
                return wrap(m, _inner(m.group("x"), ctx), ctx)
            except _FAILS:
                continue
    for pattern, read in _BASES:
        m = pattern.fullmatch(text)
        if m:
            try:
                return read(m, ctx)
            except _FAILS:
                continue
    raise NotUnderstood(text)


def _inner(text: str, ctx: Ctx) -> Period:
    """What a modifier wraps; a bare two-digit year ("Q3 '26", "3Q26") is a year here."""
    if re.fullmatch(r"'?\d{2}", text):
        return year_period(two_digit_year(text))
    return read_period(text, replace(ctx, nested=True))


# ---------------------------------------------------------------- calendar building blocks

def day_period(day: date) -> Period:
    return Period(day, day, fmt(day), exact=True)


def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    return Period(start, month_end(year, month), start.strftime("%B %Y"))


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), str(year))


def months_in(p: Period) -> int | None:
    """How many whole calendar months the period covers, or None if it is not month-aligned."""
    if p.start.day != 1 or p.end != month_end(p.end.year, p.end.month):
        return None
    return (p.end.year - p.start.year) * 12 + p.end.month - p.start.month + 1


def occurrence(make: Callable[[int], Period], ctx: Ctx, mode: str = "this") -> Period:
    """The occurrence of a yearly period meant by "this"/bare ("this": not yet over) or "next" (not yet begun)."""
    for year in range(ctx.published.year - 1, ctx.published.year + 3):
        p = make(year)
        if (p.end >= ctx.published) if mode == "this" else (p.start > ctx.published):
            return p
    raise NotUnderstood("no occurrence")


def occurrence_mode(word: str | None) -> str:
    """ "next"/"coming"/"following" ask for an occurrence not yet begun; anything else for one not yet over."""
    return "next" if word and re.search(r"next|coming|following", word, re.I) else "this"


def slice_period(p: Period, k: int, n: int, label: str) -> Period:
    """The k-th (1-based) of n equal parts, in whole months when the period allows, else in days."""
    months = months_in(p)
    if months and months % n == 0:
        size = months // n
        first = add_months(p.start, (k - 1) * size)
        last = add_months(first, size) - ONE_DAY
        return Period(first, last, label)
    days = (p.end - p.start).days + 1
    first = p.start + timedelta(days=-(-(k - 1) * days // n))
    return Period(first, p.start + timedelta(days=-(-k * days // n) - 1), label)


def _year_like(text: str, ctx: Ctx) -> Period:
    """A year named after "Q3"/"H2"/"the third quarter of": "26", "2026", "next year", "fiscal 2026"."""
    if re.fullmatch(r"'?\d{2}", text):
        return year_period(two_digit_year(text))
    p = read_period(text, replace(ctx, nested=True))
    if months_in(p) != 12:
        raise NotUnderstood(text)
    return p


def _tail_year(text: str | None, ctx: Ctx) -> int | None:
    """The calendar year in a trailing "2026", "'26", "of next year", "this year"; None when absent."""
    if not text:
        return None
    text = re.sub(r"^of\s+", "", text.strip(), flags=re.I)
    p = _year_like(text, ctx)
    if p.start.month != 1:
        raise NotUnderstood(text)
    return p.start.year


# ---------------------------------------------------------------- modifiers

_CLOCK = r"(?:noon|midday|midnight|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)(?:\s+[a-z]{2,4}t)?)"


@modifier(rf"{_CLOCK}\s+(?:on\s+)?(?P<x>.+)", rf"(?P<x>.+?),?\s+(?:at|by)\s+{_CLOCK}")
def _clock(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    """ "noon tomorrow", "Friday at 5 p.m.": a time of day does not move the day."""
    return p


@modifier(r"(?:its|their|our|his|her|the\s+company's|the\s+group's)\s+(?P<x>.+)",
          r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}['\u2019]s\s+(?P<x>(?:fiscal|financial)\s+.+)")
def _possessive(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    """ "its fiscal third quarter" reads as "the fiscal third quarter", "Vantor's fiscal year 2027" as "fiscal
    year 2027". But "its early years", "their first months" are spans of the thing's own life, counted
    from a day the text does not give (its opening), not from the day it was written: no deadline."""
    if _OWN_SPAN.fullmatch(m.group("x")):
        raise NotUnderstood(m.group(0))  # ("take the firm into its second century": its own age, no date)
    return p


_OWN_SPAN = re.compile(r"(?:(?:early|earliest|first|initial|opening|second|third|fourth|next|last|final)\s+)?(?:few\s+)?"
                       r"(?:days|weeks|months|years|decades?|century|centuries)", re.I)
_OWN_LIFE = re.compile(r"(?:(?:early|earliest|first|initial|opening)\s+)?(?:few\s+)?(?:days|weeks|months|years)", re.I)


@modifier(r"(?:the\s+)?(?:very\s+)?(?:end|close|conclusion)\s+of\s+(?P<x>.+)", r"end[-\s](?P<x>.+)")
def _end_of(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    return Period(p.end, p.end, f"the end of {p.label}", boundary="end")


# ("beginning later this year" with no "of" is a preposition, "starting": read as the period itself)
@modifier(r"(?:the\s+)?(?:very\s+)?(?:start|beginning|outset|onset|opening)\s+of\s+(?P<x>.+)",
          r"(?:start[-\s]|beginning-)(?P<x>.+)")
def _start_of(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    months = months_in(p)
    first_part = month_end(p.start.year, p.start.month) if months and months > 1 else p.start + timedelta(days=9)
    return Period(p.start, min(first_part, p.end), f"the start of {p.label}", opens=p.opens, boundary="start")


@modifier(r"later\s+(?:in\s+|on\s+)?(?P<x>.+)", r"(?:the\s+)?(?:rest|remainder|balance)\s+of\s+(?P<x>.+)")
def _later(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    return Period(max(ctx.published, p.start), p.end, f"the rest of {p.label}")


@modifier(r"(?:the\s+)?(?:early|earlier)(?:\s+in\s+|-|\s+)(?P<x>.+)",
          r"(?:the\s+)?(?:early|first)\s+(?:part|(?:few\s+)?(?:days|weeks|months|years))\s+of\s+(?P<x>.+)")
def _early(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    if _OWN_LIFE.fullmatch(m.group("x")):  # "the early years" of something, not of the calendar
        raise NotUnderstood(m.group(0))
    return portion(p, "early", ctx.conv)


@modifier(r"(?:the\s+)?mid-?\s*(?:of\s+)?(?P<x>.+)", r"(?:the\s+)?(?:middle|midpoint|mid-point)\s+of\s+(?P<x>.+)",
          r"midway\s+through\s+(?P<x>.+)")
def _mid(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    return portion(p, "mid", ctx.conv)


@modifier(r"(?:the\s+)?late(?:\s+in\s+|-|\s+)(?P<x>.+)",
          r"(?:the\s+)?(?:latter|later|last|final)\s+part\s+of\s+(?P<x>.+)",
          r"(?:the\s+)?tail[-\s]end\s+of\s+(?P<x>.+)")
def _late(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    return portion(p, "late", ctx.conv)


def portion(p: Period, which: str, conv: DeadlineConventions) -> Period:
    """Early/mid/late part of a period: conventions for years and months, thirds of anything else."""
    months = months_in(p)
    label = f"{which}-{p.label.removeprefix('the ')}"
    if months == 12:
        lo, hi = getattr(conv, which)
        start = add_months(p.start, lo - 1)
        last = add_months(p.start, hi - 1)
        return Period(start, month_end(last.year, last.month), f"{label} (months {lo}-{hi} by convention)")
    if months == 1:
        lo, hi = getattr(conv, f"{which}_month")
        y, mo = p.start.year, p.start.month
        return Period(safe_date(y, mo, lo), safe_date(y, mo, hi), f"{label} (days {lo}-{hi} by convention)")
    if months == 1200:  # a century: "mid-century" is its 50th year
        zero = p.start.year - p.start.year % 100
        first, last = {"early": (0, 30), "mid": (50, 50), "late": (70, p.end.year - zero)}[which]
        return Period(date(zero + first, 1, 1), date(zero + last, 12, 31), f"{label} ({zero + last})")
    if months == 120:  # a decade: early = years 0-3, mid = 4-6, late = 7 to its end, counted from the "0" year
        zero = p.start.year - p.start.year % 10
        first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, p.end.year - zero)}[which]
        return Period(max(p.start, date(zero + first, 1, 1)), date(zero + last, 12, 31), label)
    return slice_period(p, {"early": 1, "mid": 2, "late": 3}[which], 3, label)


@modifier(r"(?:the\s+)?(?P<o>first|1st|second|2nd|latter|back|front|last|final)[-\s]half\s+of\s+(?P<x>.+)",
          r"(?:the\s+)?(?P<o>first|1st|second|2nd)[-\s]half\s+(?P<x>'\d{2}|\d{4})")
def _half_of(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    k = 1 if ORDINALS[m.group("o").lower()] == 1 else 2
    if re.fullmatch(r"(?:the\s+)?year", m.group("x"), re.I):
        return _rolling_part(k, 2, "H", fiscal=False, ctx=ctx)
    return slice_period(p, k, 2, f"H{k} {p.label}" if months_in(p) == 12 else f"half {k} of {p.label}")


@modifier(rf"(?:the\s+)?(?P<o>{ORDINAL})[-\s](?:fiscal\s+|calendar\s+)?quarter\s+of\s+(?P<x>.+)",
          rf"(?:the\s+)?(?P<o>{ORDINAL})[-\s](?:fiscal\s+|calendar\s+)?quarter\s+(?P<x>'\d{{2}}|\d{{4}})",
          r"q(?P<n>[1-4])\s*(?:of\s+|[-/']\s*)?(?P<x>.+)", r"(?P<n>[1-4])q\s*(?P<x>'?\d{2}|\d{4})",
          r"(?P<x>(?:fy|fiscal)\s*'?\d{2,4})\s+q(?P<n>[1-4])")
def _quarter_of(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    k = _quarter_number(m)
    if re.fullmatch(r"(?:the\s+)?year", m.group("x"), re.I):
        return _rolling_part(k, 4, "Q", fiscal=False, ctx=ctx)
    return slice_period(_year_like(m.group("x"), ctx), k, 4, f"Q{k} {p.label}")


@modifier(r"h(?P<n>[12])\s*(?:of\s+|[-/']\s*)?(?P<x>.+)", r"(?P<n>[12])h\s*(?P<x>'?\d{2}|\d{4})")
def _h_of(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    k = int(m.group("n"))
    return slice_period(_year_like(m.group("x"), ctx), k, 2, f"H{k} {p.label}")


@modifier(r"(?:the\s+)?(?P<o>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+of\s+(?P<x>.+)")
def _week_of_month(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    k = ORDINALS[m.group("o").lower()]
    first = p.end - timedelta(days=6) if k == -1 else p.start + timedelta(days=7 * (k - 1))
    return Period(first, min(first + timedelta(days=6), p.end), f"week {m.group('o')} of {p.label}")


@modifier(rf"(?:the\s+)?(?P<o>first|last|final)\s+(?P<n>{NUM})\s+months\s+of\s+(?P<x>.+)")
def _months_of(m: re.Match[str], p: Period, ctx: Ctx) -> Period:
    n = int(parse_number(m.group("n")))
    if m.group("o").lower() == "first":
        return Period(p.start, add_months(p.start, n) - ONE_DAY, f"the first {n} months of {p.label}")
    return Period(add_months(p.end + ONE_DAY, -n), p.end, f"the last {n} months of {p.label}")


def _quarter_number(m: re.Match[str]) -> int:
    if "n" in m.groupdict() and m.group("n"):
        return int(m.group("n"))
    k = ORDINALS[m.group("o").lower()]
    return 4 if k == -1 else k


def _rolling_part(k: int, n: int, letter: str, *, fiscal: bool, ctx: Ctx) -> Period:
    """Q/H of "the year" without a year: this year's, or next year's if it is already over."""
    def make(year: int) -> Period:
        whole = fiscal_year(year, ctx.conv) if fiscal else year_period(year)
        return slice_period(whole, k, n, f"{letter}{k} {'FY' if fiscal else ''}{year}")
    return occurrence(make, ctx)


# ---------------------------------------------------------------- days and weeks

def _day_in(month: int, day: int, tail: str | None, ctx: Ctx) -> Period:
    year = _tail_year(tail, ctx)
    if year is not None:
        return day_period(date(year, month, day))
    if day > month_end(2024, month).day:
        raise NotUnderstood("no such day")
    return occurrence(lambda y: day_period(safe_date(y, month, day)), ctx)


@base(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
def _iso(m: re.Match[str], ctx: Ctx) -> Period:
    return day_period(date(int(m["y"]), int(m["m"]), int(m["d"])))


@base(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})")
def _numeric(m: re.Match[str], ctx: Ctx) -> Period:
    a, b, year = int(m["a"]), int(m["b"]), two_digit_year(m["y"])
    if a > 12 >= b:
        return day_period(date(year, b, a))
    if b > 12 >= a or a == b:  # ("11.11.22" reads the same either way)
        return day_period(date(year, a, b))
    raise NotUnderstood("day and month order is ambiguous")


@base(r"(?!24/7\b)(?P<a>\d{1,2})/(?P<b>\d{1,2})")  # ("24/7" is around the clock)
def _numeric_day(m: re.Match[str], ctx: Ctx) -> Period:
    """"on 8/8", "from 25/12": a day without its year, the next one; as with a year, only one order may fit
    ("10/6" is 6 October or 10 June: not understood)."""
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        a, b = b, a
    elif not (b > 12 >= a or a == b):
        raise NotUnderstood("day and month order is ambiguous")
    if not 1 <= a <= 12 or not 1 <= b <= month_end(2024, a).day:
        raise NotUnderstood("no such day")
    return occurrence(lambda y: day_period(safe_date(y, a, b)), ctx)


@base(rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<mo>{MONTH})\s+(?:the\s+)?(?P<d>{DAY})(?:,?\s+(?P<tail>.+))?",
      rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mo>{MONTH})(?:,?\s+(?P<tail>.+))?")
def _month_day(m: re.Match[str], ctx: Ctx) -> Period:
    return _day_in(month_number(m["mo"]), int(re.match(r"\d+", m["d"]).group()), m["tail"], ctx)  # type: ignore


@base(r"today|tonight|this\s+(?:morning|afternoon|evening)|midnight|eod|cob|(?:the\s+)?end\s+of\s+(?:the\s+)?"
      r"(?:business\s+|working\s+)?day|(?:the\s+)?(?:close|end)\s+of\s+(?:business|play|trading)(?:\s+today)?")
def _today(m: re.Match[str], ctx: Ctx) -> Period:
    return day_period(ctx.published)


@base(r"tomorrow(?:\s+(?:morning|afternoon|evening|night))?", r"(?P<two>(?:the\s+)?day\s+after\s+tomorrow)")
def _tomorrow(m: re.Match[str], ctx: Ctx) -> Period:
    return day_period(ctx.published + timedelta(days=2 if m.groupdict().get("two") else 1))


@base(rf"(?:(?P<w>this|next|the\s+coming|coming|the\s+next|the\s+following)\s+)?(?P<wd>{WEEKDAY})")
def _weekday(m: re.Match[str], ctx: Ctx) -> Period:
    """ "Friday" is the coming one (a week ahead if said on a Friday); "next Friday" is next week's."""
    target, today = WEEKDAYS[m["wd"].lower()], ctx.published.weekday()
    ahead = (target - today) % 7 or 7
    if m["w"] and m["w"].lower() == "next" and today < target:
        ahead += 7
    return day_period(ctx.published + timedelta(days=ahead))


def week_period(day: date, label: str) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), label)


@base(r"(?:this|the\s+current|the\s+present)\s+week", r"(?P<bare>(?:the\s+)?week)",
      r"(?P<n1>(?:next|the\s+following)\s+week)", r"(?P<n2>(?:the\s+)?week\s+after\s+next)")
def _week(m: re.Match[str], ctx: Ctx) -> Period:
    g = m.groupdict()
    if g.get("bare") and not ctx.nested:
        raise NotUnderstood("bare week")
    monday = ctx.published + timedelta(weeks=1 if g.get("n1") else 2 if g.get("n2") else 0)
    monday -= timedelta(days=monday.weekday())
    return week_period(monday, f"the week of {fmt(monday)} (Mon-Sun)")


@base(r"(?:this|the)\s+weekend", r"(?P<n>next|the\s+following)\s+weekend")
def _weekend(m: re.Match[str], ctx: Ctx) -> Period:
    week = week_period(ctx.published + timedelta(weeks=1 if m.groupdict().get("n") else 0), "")
    return Period(week.end - ONE_DAY, week.end, f"the weekend of {fmt(week.end - ONE_DAY)}")


@base(r"(?:the\s+)?week\s+(?:of|beginning|starting|commencing)\s+(?P<x>.+)")
def _week_of(m: re.Match[str], ctx: Ctx) -> Period:
    day = read_period(m["x"], ctx)
    if not day.exact:
        raise NotUnderstood("week of a non-day")
    return week_period(day.start, f"the week of {day.label}")


# ---------------------------------------------------------------- months, quarters, halves

@base(r"(?:this|the\s+current|the\s+present)\s+month", r"(?P<bare>(?:the\s+)?month)",
      r"(?P<n1>(?:next|the\s+following)\s+month)", r"(?P<n2>(?:the\s+)?month\s+after\s+next)")
def _month_rel(m: re.Match[str], ctx: Ctx) -> Period:
    g = m.groupdict()
    if g.get("bare") and not ctx.nested:
        raise NotUnderstood("bare month")
    first = add_months(ctx.published.replace(day=1), 2 if g.get("n2") else 1 if g.get("n1") else 0)
    return month_period(first.year, first.month)


@base(rf"(?:the\s+month\s+of\s+)?(?P<mo>{MONTH})(?:,?\s+(?P<tail>.+))?",
      rf"(?P<w>this|next|the\s+coming|coming|the\s+following|the\s+next)\s+(?P<mo>{MONTH})")
def _month_name(m: re.Match[str], ctx: Ctx) -> Period:
    month = month_number(m["mo"])
    year = _tail_year(m.groupdict().get("tail"), ctx)
    if year is not None:
        return month_period(year, month)
    return occurrence(lambda y: month_period(y, month), ctx, occurrence_mode(m.groupdict().get("w")))


def _quarter_index(day: date) -> int:
    return (day.month - 1) // 3


@base(r"(?:this|the\s+current|the\s+present)\s+(?:calendar\s+)?quarter", r"(?P<bare>(?:the\s+)?quarter)",
      r"(?P<next>(?:next|the\s+next|the\s+following|the\s+coming|following|coming)\s+(?:calendar\s+)?quarter)",
      r"(?P<after>(?:the\s+)?quarter\s+after\s+next)")
def _quarter_rel(m: re.Match[str], ctx: Ctx) -> Period:
    g = m.groupdict()
    if g.get("bare") and not ctx.nested:
        raise NotUnderstood("bare quarter")
    first = add_months(date(ctx.published.year, _quarter_index(ctx.published) * 3 + 1, 1),
                       3 * (2 if g.get("after") else 1 if g.get("next") else 0))
    return Period(first, add_months(first, 3) - ONE_DAY, f"Q{_quarter_index(first) + 1} {first.year}")


@base(r"(?P<f>fiscal\s+)?q(?P<n>[1-4])", rf"(?:the\s+)?(?P<f>fiscal\s+)?(?P<o>{ORDINAL})[-\s](?P<g>fiscal\s+)?"
      r"(?:calendar\s+)?quarter(?:\s+of\s+the\s+(?P<fy>fiscal\s+|financial\s+)?year)?")
def _quarter_bare(m: re.Match[str], ctx: Ctx) -> Period:
    fiscal = any(m.groupdict().get(k) for k in ("f", "g", "fy"))
    return _rolling_part(_quarter_number(m), 4, "Q", fiscal=fiscal, ctx=ctx)


@base(r"(?:the\s+)?(?P<o>first|1st|second|2nd|latter|back|front)[-\s]half", r"h(?P<n>[12])")
def _half_bare(m: re.Match[str], ctx: Ctx) -> Period:
    k = int(m["n"]) if m.groupdict().get("n") else (1 if ORDINALS[m["o"].lower()] == 1 else 2)
    return _rolling_part(k, 2, "H", fiscal=False, ctx=ctx)


# ---------------------------------------------------------------- years, fiscal years, decades

def fiscal_year(year: int, conv: DeadlineConventions, *, split: bool = False) -> Period:
    """Fiscal year ``year`` ends in calendar year ``year`` (calendar year by default)."""
    month, day = conv.month_day("fiscal_year_end")
    if split and (month, day) == (12, 31):
        month, day = conv.month_day("split_fiscal_year_end")
    end = date(year, month, day)
    start = add_months(end + ONE_DAY, -12)
    return Period(start, end, f"FY{year}" + ("" if (month, day) == (12, 31) else f" (ending {fmt(end)})"))


@base(r"(?:fy|fiscal(?:[-\s]year)?|financial\s+year|the\s+(?:fiscal|financial)\s+year)\s*'?(?P<y>\d{4}|\d{2})"
      r"(?:\s*[-/]\s*'?(?P<y2>\d{4}|\d{2}))?",
      rf"(?:the\s+)?(?P<y>{YEAR})(?:[-/](?P<y2>\d{{2}}|{YEAR}))?\s+(?:fiscal|financial)(?:\s+year)?")
def _fiscal_named(m: re.Match[str], ctx: Ctx) -> Period:
    if m["y2"]:
        return fiscal_year(two_digit_year(m["y2"]), ctx.conv, split=True)
    return fiscal_year(two_digit_year(m["y"]), ctx.conv)


@base(r"(?:the\s+)?(?:(?:this|current|present)\s+)?(?:fiscal|financial)\s+year",
      r"(?P<n>(?:the\s+)?(?:next|following|coming)\s+(?:fiscal|financial)\s+year)")
def _fiscal_rel(m: re.Match[str], ctx: Ctx) -> Period:
    return occurrence(lambda y: fiscal_year(y, ctx.conv), ctx, occurrence_mode(m.groupdict().get("n")))


@base(r"(?:the\s+)?(?:(?:fiscal|financial)\s+)?year\s+(?:ending|that\s+ends|which\s+ends|to)\s+"
      r"(?:on\s+|in\s+)?(?P<x>.+)")
def _fiscal_ending(m: re.Match[str], ctx: Ctx) -> Period:
    end = read_period(m["x"], replace(ctx, nested=True)).end
    return Period(add_months(end + ONE_DAY, -12), end, f"the fiscal year ending {fmt(end)}")


@base(r"(?:the\s+)?(?:(?:fiscal|financial)\s+)?year\s+(?:starting|beginning|that\s+starts|which\s+starts|that\s+begins|"
      r"which\s+begins)\s+(?:on\s+|in\s+)?(?P<x>.+)")
def _fiscal_starting(m: re.Match[str], ctx: Ctx) -> Period:
    """ "in the year starting April": twelve months from the start of the period named."""
    named = read_period(m["x"], replace(ctx, nested=True))
    # "starting April 2028": twelve months from April; "starting in 2028": it may start as late as December
    start = named.start
    last_start = named.start if (named.end - named.start).days <= 31 else named.end + ONE_DAY
    return Period(start, add_months(last_start, 12) - ONE_DAY, f"the year starting {fmt(start)}")


@base(rf"(?:(?:the\s+)?(?:calendar\s+)?year\s+)?(?P<y>{YEAR})", rf"(?:the\s+)?(?P<y>{YEAR})\s+calendar\s+year",
      rf"calendar(?:\s+year)?\s+(?P<y>{YEAR})", r"(?:this|the\s+current|the\s+present)\s+(?:calendar\s+)?year",
      r"(?P<bare>(?:the\s+)?(?:calendar\s+)?year)", r"(?P<n1>next\s+(?:calendar\s+)?year|(?:the\s+)?following\s+year)",
      r"(?P<n2>(?:the\s+)?year\s+after\s+next)")
def _year(m: re.Match[str], ctx: Ctx) -> Period:
    g = m.groupdict()
    if g.get("y"):
        return year_period(int(g["y"]))
    if g.get("bare") and not ctx.nested:
        raise NotUnderstood("bare year")
    return year_period(ctx.published.year + (2 if g.get("n2") else 1 if g.get("n1") else 0))


@base(rf"(?:the\s+)?full[-\s]year(?:\s+(?P<y>{YEAR}))?", rf"(?:the\s+)?(?P<y>{YEAR})\s+as\s+a\s+whole")
def _full_year(m: re.Match[str], ctx: Ctx) -> Period:
    """ "full-year 2023 revenue", "for the full year": guidance for a whole year (this one when unnamed)."""
    return year_period(int(m["y"]) if m["y"] else ctx.published.year)


@base(rf"(?:the\s+)?(?P<x>(?:fiscal\s+|financial\s+)?year|month|quarter|week)[-\s]end(?:\s+(?P<y>{YEAR}))?")
def _x_end(m: re.Match[str], ctx: Ctx) -> Period:
    inner = m["x"] + (f" {m['y']}" if m["y"] else "")
    p = read_period(inner if m["y"] else f"the {inner}", replace(ctx, nested=True))
    return Period(p.end, p.end, f"the end of {p.label}", boundary="end")


def decade_period(first: int) -> Period:
    return Period(date(first, 1, 1), date(first + 9, 12, 31), f"the decade {first}-{first + 9}")


@base(r"(?:the\s+|this\s+|the\s+current\s+|the\s+present\s+)?decade(?:'s)?", r"(?P<n>next\s+decade)")
def _decade(m: re.Match[str], ctx: Ctx) -> Period:
    year = ctx.published.year
    # said in 2020, "this decade" is the 2020s under either convention: nobody then means one closing that December
    first = year // 10 * 10 + 1 if ctx.conv.decade_ends_in_zero else year // 10 * 10
    return decade_period(first + (10 if m.groupdict().get("n") else 0))


@base(r"(?:the\s+)?(?P<c>19|20|21)(?P<d>\d)0'?s", r"(?:the\s+)?'(?P<d>\d)0s")
def _named_decade(m: re.Match[str], ctx: Ctx) -> Period:
    return decade_period(int((m.groupdict().get("c") or "20") + m["d"] + "0"))


@base(r"(?:the\s+)?(?P<w>this|current|present|the\s+current|the\s+present|next|the\s+next|coming|the\s+coming)\s+"
      r"(?:parliament|parliamentary\s+term|legislature|legislative\s+term|term\s+of\s+office|mandate)")
def _parliament(m: re.Match[str], ctx: Ctx) -> Period:
    """ "this Parliament", "the next Parliament" (said before an election: the one being elected).

    A parliament sits at most five years in most parliamentary systems; the window runs from
    publication to five years on, the reading generous to the promiser.
    """
    start = ctx.published
    try:
        end = start.replace(year=start.year + 5)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + 5, day=28)
    return Period(start, end, f"the parliament sitting from {start.isoformat()} (at most five years)")


@base(r"(?:the\s+|this\s+)?century")
def _century(m: re.Match[str], ctx: Ctx) -> Period:
    first = (ctx.published.year - 1) // 100 * 100 + 1
    return Period(date(first, 1, 1), date(first + 99, 12, 31), f"the century {first}-{first + 99}")


@base(rf"(?:the\s+)?(?P<y>{YEAR})[-/](?P<y2>\d{{2}}|{YEAR})")
def _year_range(m: re.Match[str], ctx: Ctx) -> Period:
    """ "2026-27": both years, so the later one's end (a split fiscal year would end sooner)."""
    first, second = int(m["y"]), two_digit_year(m["y2"])
    if second != first + 1:
        raise NotUnderstood("not consecutive years")
    return Period(date(first, 1, 1), date(second, 12, 31), f"{first}-{second}")


@base(r"this\s+time\s+next\s+year", r"(?P<ahead>(?:the\s+)?(?P<u>year|month|week)\s+ahead)")
def _year_on(m: re.Match[str], ctx: Ctx) -> Period:
    if m.groupdict().get("ahead"):
        return span(ctx, 1, m["u"])
    return day_period(add_months(ctx.published, 12))


# ---------------------------------------------------------------- spans counted from publication

def span(ctx: Ctx, amount: float, unit: str, low: float | None = None, label: str = "") -> Period:
    end = add_duration(ctx.published, amount, unit)
    lower = add_duration(ctx.published, low, unit) if low is not None else None
    return Period(ctx.published, end, label or f"{amount:g} {unit} from publication", span=True, low=lower)


_NEXT = r"(?:the\s+)?(?:next|coming|following|upcoming|subsequent)\s+"
_TIME = r"(?:'s?\s+time|\s+(?:from\s+(?:now|today)|hence|later|out))?"


@base(rf"(?:{_NEXT}|(?:the\s+|its\s+|their\s+)?first\s+)?(?P<n>{NUM})\s+(?P<u>{UNIT}){_TIME}",
      r"(?:a|one)\s+(?P<u2>year|month|week|day|decade)\s+and\s+a\s+half",
      r"the\s+(?:next|coming|following|upcoming)\s+(?P<u3>year|month|week|decade|fortnight|day)")
def _span(m: re.Match[str], ctx: Ctx) -> Period:
    g = m.groupdict()
    if g.get("u2"):
        return span(ctx, 1.5, g["u2"])
    if g.get("u3"):
        return span(ctx, 1, g["u3"])
    return span(ctx, parse_number(g["n"]), g["u"])


@base(rf"(?:{_NEXT})?(?P<a>{NUM})\s*(?:-|to|or)\s*(?P<b>{NUM})\s+(?P<u>{UNIT}){_TIME}")
def _span_range(m: re.Match[str], ctx: Ctx) -> Period:
    a, b = parse_number(m["a"]), parse_number(m["b"])
    return span(ctx, max(a, b), m["u"], low=min(a, b), label=f"{a:g} to {b:g} {m['u']} from publication")


_VAGUE_UNIT = {"days": ("coming_days", "days"), "weeks": ("coming_weeks", "weeks"),
               "months": ("few_months", "months"), "years": ("few_years", "years")}


@base(rf"{_NEXT}(?:few\s+|several\s+|couple\s+of\s+)?(?P<u>days|weeks|months|years)",
      r"(?:a\s+)?(?:few|several|number\s+of|matter\s+of|handful\s+of)\s+(?P<u>days|weeks|months|years)",
      r"(?:the\s+)?(?P<u>days|weeks|months|years)(?:\s+(?:ahead|to\s+come))?")
def _vague_span(m: re.Match[str], ctx: Ctx) -> Period:
    field, unit = _VAGUE_UNIT[m["u"].lower()]
    return vague(ctx, field, unit, f"the coming {unit}")


@base(r"(?P<soon>soon|shortly|(?:very|fairly|relatively|pretty|quite)\s+soon|before\s+long|(?:the\s+)?near\s+future"
      r"|short\s+order)", r"(?P<imm>imminently|any\s+day(?:\s+now)?|(?:the\s+)?(?:immediate|very\s+near)\s+future)",
      r"(?:the\s+)?(?:near|short)[-\s]term")
def _soon(m: re.Match[str], ctx: Ctx) -> Period:
    g = m.groupdict()
    if g.get("soon"):
        return vague(ctx, "soon", "months", "soon")
    if g.get("imm"):
        return vague(ctx, "imminent", "days", "imminently")
    return vague(ctx, "near_term", "months", "the near term")


def vague(ctx: Ctx, field: str, unit: str, words: str) -> Period:
    """A vague span read with the configurable convention ``field`` (earliest, latest) in ``unit``."""
    lo, hi = getattr(ctx.conv, field)
    return span(ctx, hi, unit, low=lo, label=f"{words} ({lo}-{hi} {unit} by convention)")


# Named periods (seasons, holidays, recesses, competition and school years) register their readers too.
from tracker.extract import deadline_seasons  # noqa: E402,F401  (import for its side effect)
