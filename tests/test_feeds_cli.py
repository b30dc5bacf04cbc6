"""`tracker feeds` as an editor uses it: URLs shown, bad URLs refused at once, a known feed never silently changed."""

from __future__ import annotations

import json

import pytest

from tests.clihelp import ok, run


@pytest.fixture
def ready_db(db_url):
    ok("db", "upgrade", db=db_url)
    return db_url


def feeds(db):
    return json.loads(ok("feeds", "list", "--format", "json", db=db))


@pytest.mark.parametrize("url", ["https://", "http://news example.org/rss.xml", "https://news/rss.xml",
                                 "http://example.org:port/rss.xml", "ftp://example.org/rss.xml"])
def test_a_malformed_url_is_refused_when_added(ready_db, url):
    result = run("feeds", "add", url, db=ready_db)
    assert result.exit_code == 2 and url in result.output and "Traceback" not in result.output
    assert feeds(ready_db) == []


def test_adding_a_known_feed_is_refused_and_edit_changes_it(ready_db):
    ok("feeds", "add", "https://news.example.org/rss.xml", "--every", "1h", "--name", "Harbour news", db=ready_db)
    again = run("feeds", "add", "https://news.example.org/rss.xml", "--every", "5m", db=ready_db)
    assert again.exit_code == 2 and "feed 1 already polls" in again.output and "tracker feeds edit 1" in again.output
    assert feeds(ready_db)[0]["every_seconds"] == 3600  # unchanged
    out = ok("feeds", "edit", "1", "--every", "2h", "--role", "both", db=ready_db)
    assert "every 2h" in out
    row = feeds(ready_db)[0]
    assert (row["every_seconds"], row["role"], row["name"]) == (7200, "both", "Harbour news")
    nothing = run("feeds", "edit", "1", db=ready_db)
    assert nothing.exit_code == 2 and "nothing to change" in nothing.output


def test_feeds_list_shows_the_url_cut_to_the_terminal(ready_db):
    long = "https://news.example.org/" + "section/" * 20 + "rss.xml"
    ok("feeds", "add", long, db=ready_db)
    wide = run("feeds", "list", db=ready_db, env={"COLUMNS": "400"}).output
    assert long in wide
    narrow = run("feeds", "list", db=ready_db, env={"COLUMNS": "100"}).output
    assert "https://news.example.org/" in narrow and "…" in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 100
