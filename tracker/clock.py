"""The one place "now" comes from.

Every date-dependent rule asks :func:`today` or :func:`now`. The CLI's global
``--as-of DATE`` (or ``TRACKER_NOW``) pins it, so every run is reproducible.
"""

from __future__ import annotations

import datetime as dt
import os

from tracker.errors import InvalidValue

_pinned: dt.datetime | None = None

# Dates outside this window are not news: a feed's "0001-01-01" or "2999-01-01" is a bug or a
# lie, and taken as real it decided verdicts ("kept on 0001-01-01") and broke the charts.
EARLIEST_PLAUSIBLE = dt.date(1990, 1, 1)
FUTURE_SLACK = dt.timedelta(days=3)  # time zones and scheduled posts put honest dates a little ahead


def parse_date(text: str, what: str = "date") -> dt.date:
    """Parse ``YYYY-MM-DD`` or raise :class:`InvalidValue` naming ``what``."""
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InvalidValue(f"{what} {text!r} is not a date: use YYYY-MM-DD, e.g. 2026-03-31") from None


def set_as_of(value: str | dt.date | dt.datetime | None) -> None:
    """Pin "now" to the end of a date (or an exact datetime); ``None`` unpins."""
    global _pinned
    if value is None:
        _pinned = None
    elif isinstance(value, dt.datetime):
        _pinned = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    else:
        day = parse_date(value, "--as-of") if isinstance(value, str) else value
        _pinned = dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.timezone.utc)


def pin_from_env() -> None:
    """Honour ``TRACKER_NOW`` when no flag pinned the clock."""
    if _pinned is None and os.environ.get("TRACKER_NOW"):
        set_as_of(os.environ["TRACKER_NOW"])


def now() -> dt.datetime:
    """Aware UTC datetime: the pinned instant, else the wall clock."""
    return _pinned if _pinned is not None else dt.datetime.now(dt.timezone.utc)


def today() -> dt.date:
    """The current date in UTC, honouring ``--as-of``."""
    return now().date()


def is_pinned() -> bool:
    """True when ``--as-of``/``TRACKER_NOW`` fixed the clock."""
    return _pinned is not None


def plausible(day: dt.date, today_: dt.date | None = None) -> bool:
    """Whether ``day`` can be the date of real news: from 1990-01-01 to a few days after today.

    Pure when ``today_`` is given (the status engine passes its own).

    >>> plausible(dt.date(1, 1, 1), dt.date(2026, 5, 4)), plausible(dt.date(2026, 5, 6), dt.date(2026, 5, 4))
    (False, True)
    """
    return EARLIEST_PLAUSIBLE <= day <= _latest_plausible(today() if today_ is None else today_)


def _latest_plausible(now_day: dt.date) -> dt.date:
    return dt.date.max if now_day > dt.date.max - FUTURE_SLACK else now_day + FUTURE_SLACK


def check_plausible(day: dt.date, what: str) -> dt.date:
    """``day`` if :func:`plausible`, else :class:`InvalidValue` naming ``what`` and the window."""
    if not plausible(day):
        latest = _latest_plausible(today())
        raise InvalidValue(f"{what} {day.isoformat()} is not a plausible date: give one from "
                           f"{EARLIEST_PLAUSIBLE.isoformat()} to {latest.isoformat()}")
    return day
