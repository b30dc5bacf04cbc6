"""Notifications through Apprise to a real webhook receiver and a real SMTP server on loopback."""

from __future__ import annotations

import email
import email.policy
import json
import socketserver
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


class MailServer:
    """Just enough SMTP on loopback to receive what Apprise's ``mailto://`` sends (no TLS, no auth)."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        received = self.messages

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                self.say("220 localhost ESMTP test server")
                while line := self.rfile.readline():
                    verb = line.decode("ascii", "replace").split(" ", 1)[0].strip().upper()
                    if verb == "DATA":
                        self.say("354 end with a dot")
                        received.append(email.message_from_bytes(self.data(), policy=email.policy.default))
                        self.say("250 queued")
                    elif verb == "QUIT":
                        self.say("221 bye")
                        return
                    else:
                        self.say("250 OK" if verb in ("EHLO", "HELO", "MAIL", "RCPT", "RSET", "NOOP") else "502 no")

            def data(self) -> bytes:
                lines = []
                while (line := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(line[1:] if line.startswith(b"..") else line)
                return b"".join(lines)

            def say(self, reply: str) -> None:
                self.wfile.write(reply.encode("ascii") + b"\r\n")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        port = self.server.server_address[1]
        return f"mailto://127.0.0.1:{port}?from=tracker@example.org&to=editor@example.org&mode=insecure"


@pytest.fixture
def mail_server():
    server = MailServer()
    yield server
    server.server.shutdown()
    server.server.server_close()


def test_e_mail_carries_no_html_from_stored_text(sqlite_url, tmp_path, mail_server):
    """Issue 14, item 5: raw actor and promise text went into the e-mail's HTML part."""
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "{sqlite_url}"\n[notify]\nurls = ["{mail_server.url}"]\n', encoding="utf-8")
    ok("db", "upgrade")
    ok("--as-of", "2026-01-10", "add", "--actor", "<script>alert(1)</script> Works",
       "--text", "open <img src=x onerror=alert(2)> the depot", "--due", "2026-06-30")
    assert "1 sent" in ok("--as-of", "2026-07-05", "sweep")
    (message,) = mail_server.messages
    parts = {part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()}
    for kind, content in parts.items():
        assert "<script>" not in content and "<img" not in content or kind == "text/plain", kind
    assert "<script>alert(1)</script> Works promised to open <img src=x onerror=alert(2)> the depot." \
        in parts["text/plain"]  # the words themselves arrive, as text


def test_the_digest_says_how_many_proposals_wait(tmp_path):
    receiver = Receiver()
    db = f"sqlite:///{tmp_path / 't.db'}"
    (tmp_path / "tracker.toml").write_text(f'[notify]\nurls = ["{receiver.url}"]\n', encoding="utf-8")
    ok("db", "upgrade", db=db)
    text = tmp_path / "a.txt"
    text.write_text("date: 2025-04-10\n\nHaverly Transit expects its revenue to grow to 400 million euros in 2026.\n",
                    encoding="utf-8")
    cfg = str(tmp_path / "tracker.toml")
    ok("--config", cfg, "extract", str(text), "--save", db=db)
    out = ok("--config", cfg, "notify", "--digest", db=db)
    assert "digest: sent" in out
    assert receiver.bodies and "1 proposal waits for review" in receiver.bodies[-1]["title"]
    assert "tracker review" in receiver.bodies[-1]["message"]
