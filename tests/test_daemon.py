"""The daemon as a real process against a real HTTP server: signals, crashes, restarts."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from tests.clihelp import ok
from tests.feedserver import feed_server  # noqa: F401 - pytest fixture
from tracker import db
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

from tracker.daemon import JOB_TABLE
from tracker.models import FeedItem

ROOT = Path(__file__).resolve().parent.parent
FEEDS, ITEMS = 12, 4
pytestmark = pytest.mark.slow


@pytest.fixture
def setup(tmp_path, feed_server):
    """A SQLite database with FEEDS slow feeds of ITEMS items each, and a 1-second tick."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    feeds = "".join(f'[[feeds]]\nurl = "{feed_server.url(f"/gen/f{i}/{ITEMS}.xml")}"\nname = "f{i}"\nevery = "1h"\n'
                    for i in range(FEEDS))
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "{url}"\n[daemon]\ntick = "1s"\nlog_level = "INFO"\n{feeds}', encoding="utf-8")
    ok("db", "upgrade")
    feed_server.latency = 0.4  # a cycle takes a few seconds: long enough to interrupt
    return url, tmp_path


def start(cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TRACKER_NOW", None)
    return subprocess.Popen([sys.executable, "-m", "tracker", "run"], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def items(url: str) -> int:
    with db.read_session(db.make_engine(url)) as session:
        return session.scalar(select(func.count()).select_from(FeedItem))


def wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def stop(proc: subprocess.Popen, sig: int) -> tuple[int, str]:
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


def distinct_keys(url: str) -> int:
    with db.read_session(db.make_engine(url)) as session:
        return session.scalar(select(func.count()).select_from(
            select(FeedItem.feed_id, FeedItem.key).distinct().subquery()))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_interrupted_mid_cycle_then_restarted_stores_every_item_once(setup, sig):
    url, cwd = setup
    proc = start(cwd)
    wait_for(lambda: items(url) > 0)
    assert items(url) < FEEDS * ITEMS, "the cycle should still be running"
    code, err = stop(proc, sig)
    if sig == signal.SIGTERM:
        assert code == 0, err
        assert "stopping: finishing the feeds in flight" in err and "daemon stopped" in err
        assert "Traceback" not in err
    partial = items(url)
    assert partial % ITEMS == 0, "a feed is stored whole or not at all"
    again = start(cwd)
    wait_for(lambda: items(url) == FEEDS * ITEMS)
    code, err = stop(again, signal.SIGTERM)
    assert code == 0, err
    assert items(url) == distinct_keys(url) == FEEDS * ITEMS


def test_second_daemon_refuses_to_start(setup):
    url, cwd = setup
    first = start(cwd)
    wait_for(lambda: items(url) > 0)
    second = start(cwd)
    _, err = second.communicate(timeout=60)
    assert second.returncode == 1
    assert "another `tracker run`" in err and err.count("\n") == 1
    status = ok("status")
    assert "daemon: running" in status
    code, _ = stop(first, signal.SIGTERM)
    assert code == 0


def test_second_daemon_refuses_through_a_symlink_to_the_database(setup):
    """Issue 14, item 7: the lock was taken on the path as written, so a symlink let a second daemon in."""
    url, cwd = setup
    other = cwd / "elsewhere" / "same.db"
    other.parent.mkdir()
    other.symlink_to(Path(url.removeprefix("sqlite:///")))
    first = start(cwd)
    wait_for(lambda: items(url) > 0)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TRACKER_DATABASE_URL": f"sqlite:///{other}"}
    second = subprocess.run([sys.executable, "-m", "tracker", "run"], cwd=cwd, env=env, capture_output=True,
                            text=True, timeout=60)
    assert second.returncode == 1, second.stderr
    assert "another `tracker run`" in second.stderr and second.stderr.count("\n") == 1
    code, _ = stop(first, signal.SIGTERM)
    assert code == 0


def test_status_and_persisted_schedule(setup):
    url, cwd = setup
    proc = start(cwd)
    wait_for(lambda: items(url) == FEEDS * ITEMS)
    time.sleep(1.5)  # let the cycle record itself
    assert stop(proc, signal.SIGTERM)[0] == 0
    status = ok("status")
    assert "daemon: not running" in status and "last cycle:" in status and "feeds: 12 total, 0 paused" in status
    assert "next sweep:" in status
    # The daemon was "down" when the sweep was due: the next start runs it once (coalesced).
    engine = db.make_engine(url)
    jobs = SQLAlchemyJobStore(engine=engine, tablename=JOB_TABLE)
    jobs.start(None, "default")
    sweep = jobs.lookup_job("sweep")
    sweep.next_run_time = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=3)
    jobs.update_job(sweep)
    again = start(cwd)
    wait_for(lambda: "sweep" in _next_runs(engine) and _next_runs(engine)["sweep"] > time.time())
    _, err = stop(again, signal.SIGTERM)
    assert err.count("sweep: ") == 1


def _next_runs(engine) -> dict[str, float]:
    with engine.connect() as conn:
        return dict(conn.execute(text("SELECT id, next_run_time FROM apscheduler_jobs")).all())
