"""Notifications through Apprise to a real webhook receiver on loopback: each change sent once."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.clihelp import ok, run


class Receiver:
    """A webhook endpoint that records every JSON body it is sent."""

    def __init__(self, status: int = 200):
        self.bodies: list[dict] = []
        self.status = status
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                receiver.bodies.append(json.loads(self.rfile.read(length) or b"{}"))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}/hook"


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.server.shutdown()


@pytest.fixture
def configured(sqlite_url, tmp_path, receiver):
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "{sqlite_url}"\n[report]\nbase_url = "https://promises.example.org"\n'
        f'[notify]\nurls = ["{receiver.url}"]\n', encoding="utf-8")
    ok("db", "upgrade")
    ok("--as-of", "2026-01-10", "add", "--actor", "Harbour Council", "--text", "open the ferry terminal",
       "--due", "2026-06-30")
    return receiver


def test_each_status_change_is_sent_once_with_reason_and_link(configured):
    ok("--as-of", "2026-07-05", "sweep")
    assert len(configured.bodies) == 1
    body = configured.bodies[0]
    assert "Harbour Council" in body["title"] and "overdue" in body["title"]
    assert "deadline 2026-06-30 passed" in body["message"]
    assert "https://promises.example.org/c/1.html" in body["message"]
    ok("--as-of", "2026-07-05", "notify")
    ok("--as-of", "2026-07-06", "sweep")
    assert len(configured.bodies) == 1, "nothing is sent twice"
    ok("--as-of", "2026-12-01", "sweep")
    assert [b["title"].split(": ")[1] for b in configured.bodies] == ["overdue", "broken"]


def test_a_failing_receiver_is_retried_later(configured):
    configured.status = 500
    result = run("--as-of", "2026-07-05", "sweep")
    assert result.exit_code == 0 and "1 failed" in result.output
    configured.status = 200
    out = ok("--as-of", "2026-07-05", "notify")
    assert "1 sent" in out
    assert [b["title"].split(": ")[1] for b in configured.bodies] == ["overdue", "overdue"]


def test_old_history_is_not_replayed(configured, tmp_path):
    config_file = tmp_path / "tracker.toml"
    with_urls = config_file.read_text()
    config_file.write_text(with_urls.split("[notify]")[0])
    ok("--as-of", "2026-07-05", "sweep")  # a change recorded while nobody was listening
    time.sleep(0.01)
    config_file.write_text(with_urls + "max_age_days = 0\n")  # anything recorded before now is old
    out = ok("notify")
    assert "0 sent, 1 skipped" in out and configured.bodies == []


def test_as_of_neither_skips_nor_replays(configured):
    """The age cutoff is wall-clock time, like recorded_at: a preview far ahead still sends."""
    out = ok("--as-of", "2030-01-01", "sweep")
    assert "notifications: " in out
    assert [b["title"].split(": ")[1] for b in configured.bodies] == ["broken"]
