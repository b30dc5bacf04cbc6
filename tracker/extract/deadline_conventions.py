"""How vague deadline words are read: one typed, documented, configurable object.

Announcements say "in the coming weeks", "early next year", "before the
holidays". The tracker has to turn each into a last on-time day, and the
methodology page has to say how; so every such reading is a field here, with
a default chosen to be generous to the promiser but inside what a fair reader
would accept. A ``[deadlines]`` config table overrides fields by name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import get_type_hints

from tracker.errors import ConfigError

Range = tuple[int, int]
MonthDay = str  # "MM-DD"


@dataclass(frozen=True)
class DeadlineConventions:
    """Durations and calendar points for vague deadline words (northern-hemisphere seasons).

    Ranges are ``(earliest, latest)``: the due window opens at the first and the
    last on-time day is the second, counted from publication (spans) or within
    the named period (early/mid/late). Days are written ``"MM-DD"``.
    """

    coming_days: Range = (7, 14)        # "in the coming days", "within days": days after publication
    coming_weeks: Range = (3, 8)        # "in the coming weeks", "in a few weeks": weeks after publication
    few_months: Range = (3, 6)          # "in the next few months", "in the coming months": months
    few_years: Range = (2, 5)           # "in the coming years", "within a few years": years
    soon: Range = (1, 3)                # "soon", "shortly", "in the near future": months
    imminent: Range = (1, 14)           # "imminently", "any day now": days
    near_term: Range = (6, 12)          # "in the near term", "in the short term": months
    early: Range = (1, 4)               # "early 2027": months 1..4 of the year (first quarter, arguably April)
    mid: Range = (6, 7)                 # "mid-2026": June..July
    late: Range = (9, 12)               # "late 2026": September..December
    early_month: Range = (1, 10)        # "early March": days 1..10
    mid_month: Range = (11, 20)         # "mid-March": days 11..20
    late_month: Range = (21, 31)        # "late March": day 21 to month end
    new_year: Range = (1, 3)            # "in the new year": January..March
    holidays: MonthDay = "12-24"        # the winter holidays begin; "before the holidays" ends the day before
    summer_recess: MonthDay = "07-25"   # a legislature's summer recess begins (date rarely stated)
    season_opens: MonthDay = "04-01"    # a single-year sports season ("the 2026 season") opens
    split_season_opens: MonthDay = "08-15"  # a split-year season ("the 2025-26 season") opens in its first year
    fiscal_year_end: MonthDay = "12-31"     # fiscal year = calendar year unless the phrase says otherwise
    split_fiscal_year_end: MonthDay = "03-31"  # "FY2026-27" ends on this day of its second year
    spring: tuple[MonthDay, MonthDay] = ("03-01", "06-20")  # opens (meteorological), last on-time day (astronomical)
    summer: tuple[MonthDay, MonthDay] = ("06-01", "09-22")
    autumn: tuple[MonthDay, MonthDay] = ("09-01", "12-20")
    winter: tuple[MonthDay, MonthDay] = ("12-01", "03-19")
    school_year: tuple[MonthDay, MonthDay] = ("09-01", "06-30")  # a school or academic year opens, ends
    by_means_end: bool = True           # "by 2030", "by Q1 2027": by the END of that period (False: before it starts)
    decade_ends_in_zero: bool = True    # "the end of the decade" in 2024 is 2030 (False: 2029)

    @classmethod
    def from_mapping(cls, m: Mapping[str, object]) -> DeadlineConventions:
        """Build conventions from a ``[deadlines]`` config table; unknown keys and wrong types are errors.

        >>> DeadlineConventions.from_mapping({"coming_weeks": [2, 6]}).coming_weeks
        (2, 6)
        """
        hints = get_type_hints(cls)
        known = {f.name for f in fields(cls)}
        changes: dict[str, object] = {}
        for key, value in m.items():
            if key not in known:
                raise ConfigError(f"unknown key deadlines.{key}: use one of {', '.join(sorted(known))}")
            changes[key] = _coerce(key, value, hints[key])
        return dataclasses.replace(cls(), **changes)

    def month_day(self, name: str) -> tuple[int, int]:
        """A ``"MM-DD"`` field as ``(month, day)``."""
        return _month_day(getattr(self, name))

    def season(self, name: str) -> tuple[tuple[int, int], tuple[int, int]]:
        """A season's opening and last on-time day as ``((month, day), (month, day))``."""
        opens, ends = getattr(self, name)
        return _month_day(opens), _month_day(ends)


def _month_day(text: str) -> tuple[int, int]:
    month, day = (int(part) for part in text.split("-"))
    return month, day


def _coerce(key: str, value: object, hint: object) -> object:
    """The config value in the field's type, or a ConfigError naming ``deadlines.<key>``."""
    name = f"deadlines.{key}"
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{name} must be true or false, not {value!r}")
        return value
    if hint is str:
        return _check_month_day(name, value)
    if hint == tuple[str, str]:
        if not isinstance(value, (list, tuple)) or len(value) != 2:
            raise ConfigError(f'{name} must be two "MM-DD" days, e.g. ["03-01", "06-20"], not {value!r}')
        return tuple(_check_month_day(name, v) for v in value)
    return _check_range(name, value)


def _check_month_day(name: str, value: object) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", value):
        raise ConfigError(f'{name} must be a day written "MM-DD", e.g. "12-24", not {value!r}')
    return value


def _check_range(name: str, value: object) -> tuple[int, int]:
    ok = (isinstance(value, (list, tuple)) and len(value) == 2
          and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value))
    if not ok or value[0] > value[1]:  # type: ignore[index]
        raise ConfigError(f"{name} must be two whole numbers [earliest, latest], e.g. [3, 6], not {value!r}")
    return (int(value[0]), int(value[1]))  # type: ignore[index]


DEFAULT_CONVENTIONS = DeadlineConventions()
