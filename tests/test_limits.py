"""Long names on both databases: PostgreSQL enforces column lengths that SQLite ignores (issue 14).

A NUL byte in a feed item is covered by the hostile-feed suite (tests/test_hostile_feeds.py), which runs
on both databases too.
"""

from __future__ import annotations

import json

import pytest

from tests.clihelp import ok, run


@pytest.fixture
def tracker_db(db_url, tmp_path):
    (tmp_path / "tracker.toml").write_text(f'[database]\nurl = "{db_url}"\n', encoding="utf-8")
    ok("db", "upgrade")
    return db_url


def test_an_over_long_actor_name_is_one_line_not_a_traceback(tracker_db):
    result = run("add", "--actor", "Quill " * 50, "--text", "open a depot", "--due", "2027-01-31")
    assert result.exit_code == 2, result.output
    assert "actor name is 299 characters long: give one of at most 200" in result.output
    assert result.output.count("\n") == 1
    assert json.loads(ok("list", "--format", "json")) == []


def test_an_over_long_publisher_is_cut_not_refused(tracker_db, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(f"date: 2026-03-02\nsource: {'Saltmere Herald ' * 30}\n\nThe Kelby Town Council will open the "
                    "new library on Mill Street by the end of 2027, the mayor said on Monday.\n", encoding="utf-8")
    assert "1 new commitment(s)" in ok("--as-of", "2026-03-03", "extract", str(path), "--save")
    (row,) = json.loads(ok("--as-of", "2026-03-03", "list", "--format", "json"))
    publisher = row["sources"][0]["publisher"]
    assert len(publisher) == 200 and publisher.startswith("Saltmere Herald") and publisher.endswith("…")


def test_an_over_long_feed_name_is_cut(tracker_db):
    ok("feeds", "add", "https://news.example.org/rss.xml", "--name", "Wire " * 60)
    (feed,) = json.loads(ok("feeds", "list", "--format", "json"))
    assert len(feed["name"]) == 200
