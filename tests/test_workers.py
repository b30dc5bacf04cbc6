"""Several `tracker run` workers on one PostgreSQL database: leased feeds, one poll each, crash takeover.

Real worker processes poll generated feeds from the loopback feed server; the
server's per-path ``hits`` say how often each feed was fetched.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.clihelp import ok
from tests.feedserver import Reply, feed_server, rss_feed  # noqa: F401 - pytest fixture
from tests.test_daemon import wait_for
from tests.test_daemon_render import ITEM
from tracker import db
from tracker.daemon import running_workers
from tracker.models import DaemonRun, Evidence, Feed, FeedItem

ROOT = Path(__file__).resolve().parent.parent
ITEMS = 3
pytestmark = pytest.mark.slow


def configure(cwd: Path, url: str, server, count: int, *, lease: str, batch: int, concurrency: int = 32) -> list[str]:
    """A config with ``count`` generated feeds (polled hourly), a 1-second tick and the lease settings.

    A worker claims more feeds while fewer than two rounds of its fetch slots wait, so
    ``concurrency`` bounds how many feeds one worker holds at a time.
    """
    paths = [f"/gen/w{i}/{ITEMS}.xml" for i in range(count)]
    feeds = "".join(f'[[feeds]]\nurl = "{server.url(p)}"\nname = "w{i}"\nevery = "1h"\n' for i, p in enumerate(paths))
    (cwd / "tracker.toml").write_text(
        f'[database]\nurl = "{url}"\n[daemon]\ntick = "1s"\nlease = "{lease}"\nclaim_batch = {batch}\n'
        f'[fetch]\nper_host = 8\nconcurrency = {concurrency}\narchive_evidence_pages = false\n[report]\nout_dir = "{cwd / "site"}"\n{feeds}',
        encoding="utf-8")
    ok("db", "upgrade")
    # Feed w1 reports that a commitment was kept, so the workers also write evidence rows.
    ok("--as-of", "2026-01-10", "add", "--actor", "Harbour Council", "--text", "open the new ferry terminal",
       "--due", "2026-06-30", "--stated", "2026-01-10")
    body = rss_feed("w1", range(ITEMS - 1)).replace(b"</channel>", ITEM.encode() + b"</channel>")
    server.set_route(paths[1], Reply(200, body, {"Content-Type": "application/rss+xml"}))
    return paths


def start(cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TRACKER_NOW", None)
    return subprocess.Popen([sys.executable, "-m", "tracker", "run"], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def stop_all(procs: list[subprocess.Popen]) -> list[str]:
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    logs = []
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode in (0, -signal.SIGKILL), err
        logs.append(err)
    return logs


def scalar(url: str, stmt):  # noqa: ANN001, ANN201
    with db.read_session(db.make_engine(url)) as session:
        return session.scalar(stmt)


def assert_stored_once(url: str, feeds: int) -> None:
    """Every item once, every evidence row once, and no lease left behind."""
    distinct_items = select(func.count()).select_from(select(FeedItem.feed_id, FeedItem.key).distinct().subquery())
    assert scalar(url, select(func.count()).select_from(FeedItem)) == scalar(url, distinct_items) == feeds * ITEMS
    pairs = select(func.count()).select_from(select(Evidence.commitment_id, Evidence.item_id).distinct().subquery())
    evidence = scalar(url, select(func.count()).select_from(Evidence))
    assert evidence == scalar(url, pairs) == 1
    assert scalar(url, select(func.count()).where(Feed.lease_owner.is_not(None))) == 0


def test_three_workers_poll_each_due_feed_exactly_once(tmp_path, pg_url, feed_server):
    paths = configure(tmp_path, pg_url, feed_server, 500, lease="5m", batch=20)
    feed_server.latency = 0.01
    workers = [start(tmp_path) for _ in range(3)]
    try:
        polled = select(func.count()).where(Feed.last_polled_at.is_not(None))
        wait_for(lambda: scalar(pg_url, polled) == 500, timeout=90)
        time.sleep(3)  # three more ticks of every worker: nothing is due again before next_poll_at
    finally:
        logs = stop_all(workers)
    assert all("Traceback" not in log for log in logs), logs
    assert {path: feed_server.hits[path] for path in paths} == {path: 1 for path in paths}
    assert_stored_once(pg_url, 500)
    busy = select(func.count(func.distinct(DaemonRun.worker))).where(DaemonRun.feeds_fetched > 0)
    assert scalar(pg_url, busy) >= 2, "the feeds should be shared between the workers"
    assert sum(log.count("this worker is the leader") for log in logs) == 1


def test_killed_worker_feeds_are_taken_over_after_the_lease(tmp_path, pg_url, feed_server):
    count, lease = 90, dt.timedelta(seconds=3)
    # Two fetch slots per worker: each holds a few feeds at a time, so all three share the 90.
    paths = configure(tmp_path, pg_url, feed_server, count, lease="3s", batch=5, concurrency=2)
    feed_server.latency = 0.3  # a batch takes about half a second: a kill lands mid-batch
    workers = [start(tmp_path) for _ in range(3)]
    victim = workers[0]
    owner = f"{socket.gethostname()}:{victim.pid}"
    leased = select(Feed.id).where(Feed.lease_owner == owner)
    try:
        # All three polling first (each holds leases, so each has started up): a worker starting after the kill
        # would free the dead process's leases at once. "Running" is not enough: start-up frees leases after it.
        wait_for(lambda: running_workers(db.make_engine(pg_url)) == 3)
        wait_for(lambda: scalar(pg_url, select(func.count(Feed.lease_owner.distinct()))) == 3
                 and scalar(pg_url, select(func.count()).where(Feed.lease_owner == owner)) > 0)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        killed_at = dt.datetime.now(dt.timezone.utc)
        with db.read_session(db.make_engine(pg_url)) as session:
            orphans = {f.id: f.lease_expires_at for f in session.scalars(select(Feed).where(Feed.id.in_(leased)))}
        assert orphans, "the victim held no lease when it was killed"
        wait_for(lambda: scalar(pg_url, select(func.count()).where(Feed.last_polled_at.is_not(None))) == count)
        wait_for(lambda: scalar(pg_url, select(func.count()).where(Feed.lease_owner.is_not(None))) == 0, timeout=10)
    finally:
        logs = stop_all(workers)
    assert all("Traceback" not in log for log in logs[1:]), logs
    with db.read_session(db.make_engine(pg_url)) as session:
        for feed in session.scalars(select(Feed).where(Feed.id.in_(list(orphans)))):
            if feed.last_polled_at <= killed_at:
                # The victim's own store: its COMMIT was already on the wire when it was killed and landed
                # after the snapshot above. Then nobody else may have fetched the feed.
                assert feed_server.hits[f"/gen/{feed.name}/{ITEMS}.xml"] == 1, f"feed {feed.id} fetched twice"
                continue
            assert feed.last_polled_at >= orphans[feed.id], f"feed {feed.id} was re-polled before its lease expired"
            assert feed.last_polled_at <= killed_at + lease + dt.timedelta(seconds=15), "taken over too late"
        names = {f.id: f.name for f in session.scalars(select(Feed))}
    assert all(feed_server.hits[path] >= 1 for path in paths)
    fetched_twice = {int(p.split("/")[2][1:]) for p in paths if feed_server.hits[p] > 1}
    assert fetched_twice <= {int(names[i][1:]) for i in orphans}, "only the victim's feeds may be fetched again"
    assert_stored_once(pg_url, count)


def test_one_off_poll_leaves_feeds_leased_by_a_worker_alone(db_url, tmp_path, feed_server):
    (tmp_path / "tracker.toml").write_text(f'[database]\nurl = "{db_url}"\n', encoding="utf-8")
    ok("db", "upgrade")
    for name in ("held", "free"):
        ok("feeds", "add", feed_server.url(f"/gen/{name}/{ITEMS}.xml"), "--name", name)
    engine = db.make_engine(db_url)
    with db.write_session(engine) as session:
        held = session.scalar(select(Feed).where(Feed.name == "held"))
        held.lease_owner = "elsewhere:1"
        held.lease_expires_at = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)
    assert "1 fetched" in ok("poll", "--all")
    assert feed_server.hits[f"/gen/held/{ITEMS}.xml"] == 0
    with db.write_session(engine) as session:  # the other worker died: its lease runs out
        session.scalar(select(Feed).where(Feed.name == "held")).lease_expires_at = dt.datetime(2020, 1, 1,
                                                                                              tzinfo=dt.timezone.utc)
    assert "1 fetched" in ok("poll")
    assert feed_server.hits[f"/gen/held/{ITEMS}.xml"] == 1
    assert scalar(db_url, select(func.count()).where(Feed.lease_owner.is_not(None))) == 0
