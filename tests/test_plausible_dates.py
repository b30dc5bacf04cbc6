"""Implausible dates (before 1990, or more than a few days after "now") never become facts.

At intake from a person (`tracker add --stated`, an announcement's date) they are refused
with one line; from a feed they are dropped and flagged (tests/test_hostile_feeds.py); the
status engine ignores evidence dated before 1990 (tests/test_status.py).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.clihelp import ok, run
from tracker import clock
from tracker.errors import InvalidValue

D = dt.date


@pytest.mark.parametrize("day,today,expected", [
    (D(1990, 1, 1), D(2026, 5, 4), True),
    (D(1989, 12, 31), D(2026, 5, 4), False),
    (D(1, 1, 1), D(2026, 5, 4), False),
    (D(2026, 5, 7), D(2026, 5, 4), True),  # a few days ahead: time zones, scheduled posts
    (D(2026, 5, 8), D(2026, 5, 4), False),
    (D(9999, 12, 31), D(9999, 12, 30), True),  # no overflow at the calendar's end
])
def test_plausible(day, today, expected):
    assert clock.plausible(day, today) is expected


def test_check_plausible_names_the_value_and_the_window():
    clock.set_as_of("2026-05-04")
    with pytest.raises(InvalidValue, match=r"stated date 0001-01-01 is not a plausible date: give one from "
                                           r"1990-01-01 to 2026-05-07"):
        clock.check_plausible(D(1, 1, 1), "stated date")


@pytest.fixture
def tracker_db(sqlite_url, tmp_path):
    (tmp_path / "tracker.toml").write_text(f'[database]\nurl = "{sqlite_url}"\n', encoding="utf-8")
    ok("db", "upgrade")


@pytest.mark.parametrize("args", [
    ("--stated", "0001-01-01"),
    ("--stated", "2031-01-01"),
    ("--due", "0001-01-05"),
])
def test_add_refuses_an_implausible_date_and_stores_nothing(tracker_db, args):
    result = run("--as-of", "2026-05-04", "add", "--actor", "Quill Works", "--text", "open a depot", *args)
    assert result.exit_code == 2 and "is not a plausible date" in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert json.loads(ok("list", "--format", "json")) == []


@pytest.mark.parametrize("header,flag", [("date: 0001-01-05\n", ()), ("", ("--published", "0001-01-01"))])
def test_extract_refuses_an_implausible_announcement_date(tracker_db, tmp_path, header, flag):
    path = tmp_path / "old.txt"
    path.write_text(f"{header}\nThe Kelby Town Council will open the new library on Mill Street within 12 months, "
                    "the mayor said on Monday.\n", encoding="utf-8")
    result = run("--as-of", "2026-05-04", "extract", str(path), "--save", *flag)
    assert result.exit_code == 2 and "publication date" in result.output and "not a plausible date" in result.output
    assert json.loads(ok("list", "--format", "json")) == []


def test_an_implausible_page_date_counts_as_none():
    from tracker.sources import _iso_date

    clock.set_as_of("2026-05-04")
    assert _iso_date("0001-01-01T00:00:00") is None and _iso_date("2026-05-01") == D(2026, 5, 1)
