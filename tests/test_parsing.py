"""Feeds parsed in worker processes (tracker/parsing.py): same result, and no process left behind.

Real processes throughout: the pool is a forkserver pool, as in `tracker run`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.feedserver import rss_feed
from tests.test_daemon import wait_for
from tracker import parsing
from tracker.errors import FeedError
from tracker.feeds import parse_feed

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {"Content-Type": "application/rss+xml"}


def test_a_worker_process_parses_exactly_as_the_main_process():
    body = rss_feed("harbour", range(20))
    assert parsing.parse_body(body, HEADERS, "http://127.0.0.1/f.xml", 2) == parse_feed(body, HEADERS,
                                                                                         "http://127.0.0.1/f.xml")


def test_no_feed_is_a_feed_error_from_a_worker_too():
    with pytest.raises(FeedError, match="not a feed"):
        parsing.parse_body(b"<html><body>hello</body></html>", {"Content-Type": "text/html"}, None, 2)


def test_a_killed_parser_process_is_replaced_and_the_feed_still_parsed():
    parsing.start_parsers(2)
    pool = parsing._get_pool(2)
    wait_for(lambda: len(pool._processes) == 2, timeout=10)
    for pid in list(pool._processes):
        os.kill(pid, signal.SIGKILL)
    body = rss_feed("ferry", range(3))
    parsed = parsing.parse_body(body, HEADERS, None, 2)
    assert [i.key for i in parsed.items] == ["urn:ferry:2", "urn:ferry:1", "urn:ferry:0"]
    assert parsing._get_pool(2) is not pool


SCRIPT = """
import sys, time
sys.path.insert(0, {root!r})
from tracker import parsing
parsing.start_parsers(2)
pool = parsing._get_pool(2)
while len(pool._processes) < 2:
    time.sleep(0.05)
print(" ".join(str(p) for p in pool._processes), flush=True)
time.sleep(60)
"""


def test_parser_processes_exit_when_the_daemon_is_killed():
    """A SIGKILLed daemon cannot stop its pool: the workers notice and exit, and the forkserver with them."""
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT.format(root=str(ROOT))], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in proc.stdout.readline().split()]  # type: ignore[union-attr]
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    # The pipes close only when every process holding them (workers, forkserver) is gone.
    proc.communicate(timeout=30)
    for pid in workers:
        wait_for(lambda pid=pid: not parsing.process_alive(pid), timeout=10)


def test_without_proc_a_running_parent_is_alive_and_a_finished_one_is_not(monkeypatch):
    """macOS has no /proc: the watch must fall back to asking the kernel, not decide the parent is gone."""
    monkeypatch.setattr(parsing, "HAS_PROC", False)
    assert parsing.process_alive(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not parsing.process_alive(child.pid)
