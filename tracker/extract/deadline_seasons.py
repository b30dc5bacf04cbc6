"""Named periods of the year: seasons, holidays, recesses, competition seasons and school years.

Split from :mod:`tracker.extract.deadline_periods` (which imports this module
so that these readers are registered); each date that is not fixed by the
calendar comes from :class:`~tracker.extract.deadline_conventions.DeadlineConventions`
and the rule text says "by convention". Seasons are northern-hemisphere: a
season opens on its meteorological day (the due window's earliest day) and its
last on-time day is the generous astronomical end (summer ends 22 Sep);
"before summer" is the day before its astronomical start.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from tracker.extract.deadline_conventions import DeadlineConventions
from tracker.extract.deadline_grammar import YEAR, add_months, easter, fmt, month_end, thanksgiving
from tracker.extract.deadline_periods import (Ctx, Period, _tail_year, base, day_period, occurrence, occurrence_mode,
                                              read_period)

ONE_DAY = timedelta(days=1)


_SEASON_NAMES = {"spring": "spring", "summer": "summer", "fall": "autumn", "autumn": "autumn", "winter": "winter"}
SEASON_WORDS = frozenset(_SEASON_NAMES)
_PREVIOUS = {"spring": "winter", "summer": "spring", "autumn": "summer", "winter": "autumn"}
_SESSION = (r"(?:\s+(?:months|season|period|(?:parliamentary\s+|legislative\s+|academic\s+|school\s+|sales\s+)?"
            r"(?:session|term|sitting|semester|window))(?:\s+of\s+(?:the\s+)?[a-z]+)?)?")


def season_period(name: str, year: int, conv: DeadlineConventions) -> Period:
    """Season ``name`` beginning in ``year``: opens on its meteorological day, ends on the generous day."""
    (om, od), (em, ed) = conv.season(name)
    start = date(year, om, od)
    end = date(year + 1 if (em, ed) < (om, od) else year, em, ed)
    _, (pm, pd) = conv.season(_PREVIOUS[name])
    opens = date(year, pm, pd) + ONE_DAY
    if not start - timedelta(days=60) <= opens <= end:
        opens = start
    label = f"{name} {year}-{str(year + 1)[2:]}" if end.year > year else f"{name} {year}"
    return Period(start, end, label, opens=opens)


@base(rf"(?:the\s+)?(?:(?P<w>this|next|the\s+coming|coming|the\s+following|following|the\s+next)\s+)?"
      rf"(?P<s>spring|summer|fall|autumn|winter)(?:time)?(?:,?\s+(?:of\s+)?(?P<tail>(?P<y>{YEAR})(?:[-/]\d{{2,4}})?"
      rf"|'\d\d|this\s+year|next\s+year|the\s+following\s+year))?{_SESSION}",
      rf"(?:the\s+)?(?P<y>{YEAR})(?:[-/]\d{{2,4}})?\s+(?P<s>spring|summer|fall|autumn|winter){_SESSION}")
def _season(m: re.Match[str], ctx: Ctx) -> Period:
    name = _SEASON_NAMES[m["s"].lower()]
    g = m.groupdict()
    if g.get("y"):
        return season_period(name, int(g["y"]), ctx.conv)
    if g.get("tail"):
        year = _tail_year(g["tail"], ctx)
        return season_period(name, year, ctx.conv)  # type: ignore[arg-type]
    make = lambda y: season_period(name, y, ctx.conv)  # noqa: E731 - tiny closure
    p = occurrence(make, ctx, occurrence_mode(g.get("w")))
    if (g.get("w") or "").lower() == "next" and (p.start - ctx.published).days <= _SOON:
        # "next summer" said in May is the summer after this one: the one about to begin is "this summer"
        p = next(q for q in map(make, range(p.start.year, p.start.year + 3)) if q.start > p.start)
    return p


_SOON = 92  # days: a season this close is "this" season, so "next" means the one after it


_FIXED_DAYS = {"christmas eve": (12, 24), "christmas": (12, 25), "xmas": (12, 25), "christmas day": (12, 25),
               "new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1),
               "new years day": (1, 1), "new year's": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
               "valentines day": (2, 14)}
_MOVABLE = {"easter": easter, "easter sunday": easter, "thanksgiving": thanksgiving,
            "thanksgiving day": thanksgiving, "black friday": lambda y: thanksgiving(y) + ONE_DAY}


@base(r"(?P<n>christmas\s+eve|christmas(?:\s+day)?|xmas|new\s+year'?s(?:\s+(?:eve|day))?|halloween|valentine'?s\s+day"
      rf"|easter(?:\s+sunday)?|thanksgiving(?:\s+day)?|black\s+friday)(?:,?\s+(?P<y>{YEAR}))?")
def _named_day(m: re.Match[str], ctx: Ctx) -> Period:
    name = re.sub(r"\s+", " ", m["n"].lower())
    if name in _MOVABLE:
        make: Callable[[int], date] = _MOVABLE[name]
    else:
        month, day = _FIXED_DAYS[name]
        make = lambda y: date(y, month, day)  # noqa: E731 - tiny closure
    if m["y"]:
        return replace(day_period(make(int(m["y"]))), label=f"{name.title()} {m['y']}")
    return occurrence(lambda y: replace(day_period(make(y)), label=f"{name.title()} {y}"), ctx)


@base(r"(?:the\s+)?(?:holidays|holiday\s+(?:season|period)|festive\s+(?:season|period|break)|"
      r"(?:christmas|xmas|winter|end-of-year|year-end)\s+(?:holidays?|break|period|season))",
      rf"(?:the\s+)?(?P<y>{YEAR})\s+(?:holidays|holiday\s+(?:season|period)|festive\s+season)",
      rf"holiday\s+(?:season\s+)?(?P<y2>{YEAR})",  # "for Holiday 2026": a product launch window
      r"(?P<mode>this|next|the\s+coming)\s+holiday(?:\s+(?:season|period))?")
def _holidays(m: re.Match[str], ctx: Ctx) -> Period:
    month, day = ctx.conv.month_day("holidays")
    make = lambda y: Period(date(y, month, day), date(y, 12, 31), f"the {y} winter holidays "  # noqa: E731
                            f"(from {fmt(date(y, month, day))} by convention)", by_start=True)
    year = m.groupdict().get("y") or m.groupdict().get("y2")
    if year:
        return make(int(year))
    return occurrence(make, ctx, occurrence_mode(m.groupdict().get("mode")))


@base(r"(?:the\s+)?new\s+year")
def _new_year(m: re.Match[str], ctx: Ctx) -> Period:
    lo, hi = ctx.conv.new_year
    return occurrence(lambda y: Period(date(y, lo, 1), month_end(y, hi), f"the new year {y} "
                                       f"(months {lo}-{hi} by convention)", by_start=True), ctx)


@base(r"(?:the\s+)?turn\s+of\s+the\s+year")
def _turn_of_year(m: re.Match[str], ctx: Ctx) -> Period:
    return occurrence(lambda y: Period(date(y, 12, 1), date(y + 1, 1, 31), f"the turn of the year {y}-{y + 1}",
                                       opens=date(y + 1, 1, 1), by_start=True), ctx)


@base(rf"(?:the\s+|parliament's\s+|congress's\s+|the\s+parliamentary\s+|the\s+legislative\s+)?(?:(?P<y>{YEAR})\s+)?"
      r"(?:summer|august|july)\s+(?:recess|break|holidays?|vacation|shutdown)", r"(?:the\s+)?recess")
def _recess(m: re.Match[str], ctx: Ctx) -> Period:
    month, day = ctx.conv.month_day("summer_recess")
    def make(y: int) -> Period:
        return Period(date(y, month, day), date(y, 8, 31), f"the {y} summer recess (from {fmt(date(y, month, day))}"
                      " by convention)", by_start=True)
    return make(int(m["y"])) if m.groupdict().get("y") else occurrence(make, ctx)


@base(rf"(?:the\s+)?(?P<y>{YEAR})(?:[-/](?P<y2>\d{{2}}|{YEAR}))?\s+(?:[a-z-]+\s+){{0,2}}season",
      r"(?:the\s+)?(?P<w>new|next|coming|upcoming|following)\s+(?:[a-z-]+\s+)?season")
def _sports_season(m: re.Match[str], ctx: Ctx) -> Period:
    """A competition season: "the 2026 season" opens in spring, "the 2025-26 season" in late summer."""
    split = bool(m.groupdict().get("y2"))
    month, day = ctx.conv.month_day("split_season_opens" if split else "season_opens")
    def make(y: int) -> Period:
        opens = date(y, month, day)
        name = f"{y}-{str(y + 1)[2:]}" if split else str(y)
        return Period(opens, add_months(opens, 6) - ONE_DAY, f"the {name} season (opening {fmt(opens)} by convention)",
                      by_start=True)
    return make(int(m["y"])) if m.groupdict().get("y") else occurrence(make, ctx, "next")


@base(rf"(?:the\s+)?(?:(?P<y>{YEAR})(?:[-/]\d{{2,4}})?\s+|(?P<w>this|next|the\s+next|the\s+new|the\s+coming|"
      r"the\s+following|the\s+current)\s+)?(?:school|academic)\s+year")
def _school_year(m: re.Match[str], ctx: Ctx) -> Period:
    (om, od), (em, ed) = ctx.conv.season("school_year")
    def make(y: int) -> Period:
        return Period(date(y, om, od), date(y + 1, em, ed), f"the {y}-{str(y + 1)[2:]} school year (by convention)")
    if m["y"]:
        return make(int(m["y"]))
    mode = "next" if m["w"] and "new" in m["w"] else occurrence_mode(m["w"])  # "the new school year" is the next
    return occurrence(make, ctx, mode)


@base(r"(?:parliament|congress|the\s+house|the\s+senate|the\s+legislature|lawmakers|mps)\s+(?:rises|breaks|"
      r"goes\s+into\s+recess)(?:\s+for\s+the\s+summer)?")
def _rises(m: re.Match[str], ctx: Ctx) -> Period:
    return read_period("the summer recess", ctx)
