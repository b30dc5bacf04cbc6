"""When to poll a feed next: the politeness rules, as pure functions.

A feed that works is polled every ``every`` with a little jitter, so feeds
added together drift apart instead of hitting their hosts in lockstep. A feed
that fails waits exponentially longer (``every``, 2x, 4x... up to
``max_backoff``), each feed with its own jitter, and never sooner than the
server's ``Retry-After``. After ``max_errors`` consecutive failures, or at once
on 410 Gone, the feed is paused until someone resumes it.

Nothing here reads the clock or the database: callers pass ``now`` and store
the answer (style habit 4: the schedule lives in the database).
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from tracker.errors import InvalidValue

SUCCESS_JITTER = 0.10  # up to +10% of the interval after a success
FAILURE_JITTER = 0.25  # up to +25% of the backoff after a failure
MAX_RETRY_AFTER = timedelta(days=7)  # a Retry-After beyond this is taken as 7 days
GONE = 410

_UNITS = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}
_DURATION = re.compile(r"(?:\d+[wdhms])+")
_PART = re.compile(r"(\d+)([wdhms])")
_MAX_DURATION_SECONDS = 3650 * 86400  # ten years: anything longer is a typo
_DEFAULT_RNG = random.Random()


def next_poll_after_success(now: datetime, every: timedelta, rng: random.Random | None = None) -> datetime:
    """Next poll after a good fetch: ``every`` later, plus up to 10% so feeds spread out.

    >>> str(next_poll_after_success(datetime(2026, 1, 1), timedelta(hours=1), random.Random(1)))[:16]
    '2026-01-01 01:00'
    """
    spread = (rng or _DEFAULT_RNG).uniform(0, SUCCESS_JITTER)
    return now + every * (1 + spread)


def next_poll_after_failure(
    now: datetime,
    every: timedelta,
    error_count: int,
    retry_after: float | None,
    rng: random.Random | None = None,
    max_backoff: timedelta = timedelta(hours=24),
) -> datetime:
    """Next poll after a failed fetch: exponential backoff with jitter, Retry-After as a floor.

    ``error_count`` counts consecutive failures including this one (1 after the
    first). The backoff is ``every * 2**(error_count-1)`` plus up to 25% jitter,
    capped at ``max_backoff``; a server's Retry-After (seconds) is honoured as a
    minimum even past that cap, up to 7 days so a hostile header cannot silence
    a feed for ever.

    >>> str(next_poll_after_failure(datetime(2026, 1, 1), timedelta(hours=1), 3, None, random.Random(1)))[:16]
    '2026-01-01 04:08'
    """
    base = every.total_seconds() * 2.0 ** min(max(error_count, 1) - 1, 64)
    spread = (rng or _DEFAULT_RNG).uniform(0, FAILURE_JITTER)
    seconds = min(base * (1 + spread), max_backoff.total_seconds())
    if retry_after is not None and retry_after > 0:
        seconds = max(seconds, min(retry_after, MAX_RETRY_AFTER.total_seconds()))
    return now + timedelta(seconds=seconds)


def should_pause(error_count: int, max_errors: int, status: int | None) -> bool:
    """Pause a feed after ``max_errors`` consecutive failures, or at once when it is Gone (410).

    A ``max_errors`` of 0 or less turns the count rule off (410 still pauses).

    >>> should_pause(5, 5, 500), should_pause(1, 5, 410), should_pause(4, 5, 503)
    (True, True, False)
    """
    if status == GONE:
        return True
    return max_errors > 0 and error_count >= max_errors


def parse_duration(text: str) -> timedelta:
    """Read a polling interval such as "90s", "30m", "2h", "1d" or "1h30m".

    Each unit (w, d, h, m, s) may appear once; the total must be above zero.

    >>> parse_duration("1h30m")
    datetime.timedelta(seconds=5400)
    """
    compact = re.sub(r"\s+", "", str(text)).lower()
    if not _DURATION.fullmatch(compact):
        raise InvalidValue(
            f"duration {text!r} is not valid: use a number and a unit (s, m, h, d, w), e.g. 90s, 30m, 2h, 1h30m"
        )
    parts = _PART.findall(compact)
    units = [unit for _, unit in parts]
    if len(set(units)) != len(units):
        raise InvalidValue(f"duration {text!r} repeats a unit: write each of s, m, h, d, w at most once, e.g. 1h30m")
    seconds = sum(int(number) * _UNITS[unit] for number, unit in parts)
    if seconds <= 0:
        raise InvalidValue(f"duration {text!r} is zero: give a positive duration, e.g. 30m")
    if seconds > _MAX_DURATION_SECONDS:
        raise InvalidValue(f"duration {text!r} is too long: give at most 3650d")
    return timedelta(seconds=seconds)
