"""Polling through the database against a real HTTP server on loopback.

One cycle is `tracker poll`; the daemon's tick calls the very same function.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from tests.clihelp import ok, run, run_process
from tests.feedserver import feed_server  # noqa: F401 - pytest fixture
from tracker import db
from tracker.models import Feed, FeedItem


@pytest.fixture
def ready(db_url, tmp_path):
    """An initialised database and a config with fast failure settings."""
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "{db_url}"\n[daemon]\nmax_errors = 3\n[fetch]\ntotal_timeout = 3.0\n', encoding="utf-8")
    ok("db", "upgrade")
    return db_url


def feeds_json():
    return {f["name"]: f for f in json.loads(ok("feeds", "list", "--format", "json"))}


def item_count(url: str) -> int:
    with db.read_session(db.make_engine(url)) as session:
        return session.scalar(select(func.count()).select_from(FeedItem))


def test_poll_stores_items_once_and_skips_unchanged_feeds(ready, feed_server):
    ok("feeds", "add", feed_server.url("/gen/alpha/5.xml"), "--name", "alpha")
    ok("feeds", "add", feed_server.url("/no-validators.xml"), "--name", "novalid")
    first = ok("poll")
    assert "2 fetched, 0 not modified, 0 failed" in first
    stored = item_count(ready)
    assert stored >= 6
    second = ok("poll", "--all")
    assert "0 fetched, 2 not modified" in second and "0 new items" in second
    assert item_count(ready) == stored
    feed_server.gen_round = 2  # two new items, two old ones drop off the feed
    third = ok("poll", "--all")
    assert "2 new items" in third
    assert item_count(ready) == stored + 2
    views = feeds_json()
    assert views["alpha"]["items"] == 7 and views["alpha"]["error_count"] == 0
    assert set(views["alpha"]) >= {"id", "url", "name", "role", "items", "last_polled_at", "next_poll_at",
                                   "error_count", "last_error", "paused"}


def test_only_due_feeds_are_polled_without_all(ready, feed_server):
    ok("feeds", "add", feed_server.url("/gen/beta/3.xml"), "--name", "beta", "--every", "1h")
    ok("poll")
    assert "0 fetched, 0 not modified, 0 failed" in ok("poll")  # next poll is an hour away


def test_failing_feed_backs_off_then_pauses_and_resumes(ready, feed_server):
    ok("feeds", "add", feed_server.url("/status/500"), "--name", "broken")
    ok("feeds", "add", feed_server.url("/gen/good/2.xml"), "--name", "good")
    result = run("poll", "--all")
    assert result.exit_code == 0 and "1 fetched" in result.output and "1 failed" in result.output
    assert "HTTP 500" in result.output or "500" in result.output
    broken = feeds_json()["broken"]
    assert broken["error_count"] == 1 and not broken["paused"]
    assert dt.datetime.fromisoformat(broken["next_poll_at"]) > dt.datetime.now(dt.timezone.utc)
    run("poll", "--all"), run("poll", "--all")
    broken = feeds_json()["broken"]
    assert broken["paused"] and broken["error_count"] == 3 and "500" in broken["last_error"]
    assert "paused" in ok("feeds", "list")
    assert "0 failed" in ok("poll", "--all")  # paused feeds are skipped, never dropped
    ok("feeds", "resume", str(broken["id"]))
    resumed = feeds_json()["broken"]
    assert not resumed["paused"] and resumed["error_count"] == 0


def test_retry_after_is_respected(ready, feed_server):
    ok("feeds", "add", feed_server.url("/status/429?retry_after=7200"), "--name", "busy")
    assert run("poll").exit_code == 3  # every fetch failed
    busy = feeds_json()["busy"]
    wait = dt.datetime.fromisoformat(busy["next_poll_at"]) - dt.datetime.now(dt.timezone.utc)
    assert wait >= dt.timedelta(seconds=7000)


def test_gone_feed_is_paused_at_once(ready, feed_server):
    ok("feeds", "add", feed_server.url("/status/410"), "--name", "gone")
    assert run("poll").exit_code == 3  # every fetch failed
    assert feeds_json()["gone"]["paused"]


def test_local_path_and_file_url_feeds(ready, tmp_path):
    from tests.feedserver import FIXTURES

    ok("feeds", "add", str(FIXTURES / "good-rss.xml"), "--name", "local")
    ok("feeds", "add", (FIXTURES / "good-atom.xml").as_uri(), "--name", "fileurl")
    out = ok("poll")
    assert "2 fetched" in out
    assert feeds_json()["local"]["items"] > 0 and feeds_json()["fileurl"]["items"] > 0
    assert "2 not modified" in ok("poll", "--all")


def test_feeds_add_rejects_bad_input(ready):
    assert run("feeds", "add", "ftp://example.org/feed").exit_code == 2
    missing = run("feeds", "add", "no/such/file.xml")
    assert missing.exit_code == 2 and "no such file" in missing.output
    bad_every = run("feeds", "add", "https://example.org/f.xml", "--every", "often")
    assert bad_every.exit_code == 2 and "often" in bad_every.output
    assert run("feeds", "remove", "99").exit_code == 2


def test_feeds_remove(ready, feed_server):
    ok("feeds", "add", feed_server.url("/gen/gamma/2.xml"), "--name", "gamma")
    ok("poll")
    ok("feeds", "remove", "1")
    assert feeds_json() == {}


def test_config_feeds_sync_thousands(ready, tmp_path):
    body = (tmp_path / "tracker.toml").read_text()
    body += "".join(f'[[feeds]]\nurl = "https://feeds{i % 50}.example.org/{i}.xml"\nname = "f{i}"\nevery = "2h"\n'
                    for i in range(3000))
    (tmp_path / "tracker.toml").write_text(body)
    from tracker.config import load_config
    from tracker.feedstore import sync_config_feeds

    config = load_config()
    engine = db.open_database(config.database.url)
    now = dt.datetime.now(dt.timezone.utc)
    with db.write_session(engine) as session:
        assert sync_config_feeds(session, config.feeds, "30m", now) == 3000
    with db.write_session(engine) as session:
        assert sync_config_feeds(session, config.feeds, "30m", now) == 0  # idempotent
        assert session.scalar(select(func.count()).select_from(Feed)) == 3000


def test_status_lists_paused_and_silent_feeds(ready, feed_server):
    ok("feeds", "add", feed_server.url("/gen/quiet/2.xml"), "--name", "quiet")
    ok("feeds", "add", feed_server.url("/status/410"), "--name", "gone")
    ok("--as-of", "2026-01-01", "poll", "--all")
    ok("--as-of", "2026-01-20", "poll", "--all")  # nothing new since January 1st
    report = json.loads(ok("--as-of", "2026-01-20", "status", "--format", "json"))
    assert [f["name"] for f in report["silent"]] == ["quiet"]
    assert [f["name"] for f in report["paused"]] == ["gone"]
    text = ok("--as-of", "2026-01-20", "status")
    assert "silent: feed 1 quiet: no new item since 2026-01-01" in text
    assert "paused: feed 2 gone" in text and "tracker feeds resume 2" in text


def test_a_feed_due_again_during_the_cycle_is_polled_once(ready, feed_server, tmp_path):
    config = tmp_path / "tracker.toml"
    config.write_text(config.read_text().replace("[fetch]\n", "[fetch]\nconcurrency = 1\nper_host = 1\n"))
    config.write_text(config.read_text().replace("[daemon]\n", "[daemon]\nclaim_batch = 1\n"))
    for i in range(4):
        ok("feeds", "add", feed_server.url(f"/gen/due{i}/2.xml"), "--name", f"due{i}", "--every", "1s")
    feed_server.latency = 0.6  # the cycle outlasts every feed's one-second interval
    proc = run_process("poll", cwd=tmp_path, timeout=60)  # before the fix this cycle never ended
    assert proc.returncode == 0, proc.stderr
    assert [feed_server.hits[f"/gen/due{i}/2.xml"] for i in range(4)] == [1, 1, 1, 1]


def test_a_feed_moving_to_a_url_another_feed_has_is_a_warning_not_a_crash(ready, feed_server):
    ok("feeds", "add", feed_server.url("/fixtures/good-rss.xml"), "--name", "target")
    ok("feeds", "add", feed_server.url("/moved.xml"), "--name", "old-address")
    out = ok("poll")
    assert "2 fetched" in out and "0 failed" in out
    moved = feeds_json()["old-address"]
    assert moved["url"].endswith("/moved.xml") and "already feed 1" in moved["last_warning"]
    assert "2 not modified" in ok("poll", "--all")


def test_items_are_stored_the_same_where_sqlite_has_no_returning(sqlite_url, monkeypatch):
    """SQLite before 3.35 (still in some long-term distributions) has no INSERT ... RETURNING."""
    from tests.feedserver import rss_feed
    from tracker import feedstore
    from tracker.feeds import parse_feed

    engine = db.make_engine(sqlite_url)
    db.upgrade(engine)
    monkeypatch.setattr(engine.dialect, "insert_returning", False)
    now = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    items = parse_feed(rss_feed("harbour", range(4))).items
    with db.write_session(engine) as session:
        feed, _ = feedstore.add_feed(session, "https://example.org/harbour.xml", now=now)
        first = feedstore.store_items(session, feed, items[2:], now)
        stored = feedstore.store_items(session, feed, items, now)
        assert [s.key for s in stored] == [i.key for i in items[:2]]  # the two already stored are skipped
        rows = {r.id: r.key for r in session.scalars(select(FeedItem))}
    assert {s.id: s.key for s in first + stored} == rows


def test_poll_exits_3_when_every_fetch_failed_and_nothing_was_stored(ready, feed_server):
    """Issue 14: `tracker poll` exited 0 when every feed failed, so cron never told anyone."""
    ok("feeds", "add", feed_server.url("/status/500"), "--name", "broken")
    ok("feeds", "add", feed_server.url("/status/503"), "--name", "down")
    result = run("poll", "--all")
    assert result.exit_code == 3, result.output
    assert "2 failed" in result.output and "every fetch failed and nothing was stored" in result.output
    ok("feeds", "add", feed_server.url("/gen/good/2.xml"), "--name", "good")
    assert "1 fetched" in ok("poll", "--all"), "one feed answering is a normal cycle: exit 0"
    assert "0 failed" in ok("poll"), "nothing due is no failure either"


def test_a_password_in_a_feed_url_is_never_shown(ready, feed_server):
    """Issue 14: `feeds list`, `status` and error messages showed the password of a feed URL."""
    secret = feed_server.url("/status/500").replace("http://", "http://editor:s3cret-word@")
    ok("feeds", "add", secret)
    ok("feeds", "add", secret.replace("/status/500", "/"), "--every", "2h")  # named after the URL's host
    polled = run("poll", "--all")
    assert polled.exit_code == 3 and "editor:***@" in polled.output
    outputs = [polled.output]
    for args in (("feeds", "list"), ("feeds", "list", "--format", "json"), ("status",),
                 ("status", "--format", "json")):
        outputs.append(ok(*args))
    for args in (("extract", secret), ("feeds", "remove", secret.replace("500", "404"))):
        result = run(*args)
        assert result.exit_code != 0 and "editor:***@" in result.output, result.output
        outputs.append(result.output)
    assert all("s3cret-word" not in out for out in outputs), outputs
    assert any("editor:***@127.0.0.1" in out for out in outputs[1:3])
    with db.read_session(db.make_engine(ready)) as session:
        assert all("s3cret" not in (f.last_error or "") + f.name for f in session.scalars(select(Feed)))
