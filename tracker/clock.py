"""The one place "now" comes from.

Every date-dependent rule asks :func:`today` or :func:`now`. The CLI's global
``--as-of DATE`` (or ``TRACKER_NOW``) pins it, so every run is reproducible.
"""

from __future__ import annotations

import datetime as dt
import os

from tracker.errors import InvalidValue

_pinned: dt.datetime | None = None


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
