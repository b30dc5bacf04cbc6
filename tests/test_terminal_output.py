"""Stored text reaches the editor's terminal inert: no escape sequence, control or bidi mark (issue 14, item 4).

Intake cleans new text (tracker.untrusted), but a database written before that, or by another tool,
may still hold raw control characters. Every command that prints stored text passes it through
``tracker.cli.safe`` first. These tests plant hostile text straight in a real SQLite file and read
every such command's output.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from sqlalchemy import text

from tests.clihelp import ok, run
from tracker import db as trackerdb
from tracker.cli import safe
from tracker.models import Announcement, DaemonRun, Evidence, FeedItem, ProposedCommitment

# Set the window title, clear the screen, a one-byte CSI, a bell, a right-to-left override.
HOSTILE = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202eXjob\u2066"
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@pytest.mark.parametrize("raw,shown", [
    ("plain — “quoted” 東京", "plain — “quoted” 東京"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("\x1b]0;title\x07\x1b[2J", "]0;title[2J"),
    ("C1 \x85 and CSI \x9b go", "C1  and CSI  go"),
    ("bidi \u202eevil\u202c and \u2066isolate\u2069 \u200fmarks\u200e go", "bidi evil and isolate marks go"),
    ("zero width \u200b and BOM \ufeff go", "zero width  and BOM  go"),
    ("lone surrogate \ud800 shows as", "lone surrogate \ufffd shows as"),
    ("feed https://editor:pw@news.example.org/rss failed", "feed https://editor:***@news.example.org/rss failed"),
])
def test_safe(raw, shown):
    assert safe(raw) == shown


@pytest.fixture
def hostile_db(tmp_path):
    """A database with hostile text in every field the CLI prints, as an old or foreign writer left it."""
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    ok("db", "upgrade", db=url)
    ok("add", "--actor", "Larch Water Board", "--text", "replace the lead pipes", "--due", "2027-01-31",
       "--quote", "We will replace the lead pipes.", db=url)
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss><channel><title>t</title></channel></rss>", encoding="utf-8")
    ok("feeds", "add", str(feed), db=url)
    engine = trackerdb.open_database(url)
    with engine.begin() as conn:  # raw SQL: the ORM refuses to edit the audit log, an old writer did not
        conn.execute(text("update actors set name = :h"), {"h": f"Larch {HOSTILE}"})
        conn.execute(text("update commitments set what = :h, quote = :h, status_reason = :h, search_query = :h"),
                     {"h": f"replace {HOSTILE}"})
        conn.execute(text("update status_changes set reason = :h"), {"h": f"reason {HOSTILE}"})
        conn.execute(text("update feeds set name = :h, last_error = :h, error_count = 9, paused = :p"),
                     {"h": f"feed {HOSTILE}", "p": True})
    with trackerdb.write_session(engine) as session:
        item = FeedItem(feed_id=1, key="k1", title=f"title {HOSTILE}", text=f"text {HOSTILE} lead pipes",
                        link=f"https://news.example.org/{HOSTILE}", content_hash="h1")
        session.add(item)
        session.flush()
        session.add(Evidence(commitment_id=1, item_id=item.id, url=f"https://news.example.org/{HOSTILE}",
                             kind="progress", score=0.5, state="proposed", event_date=dt.date(2026, 5, 1),
                             explanation={"title": HOSTILE, "cue": HOSTILE, "matched_terms": ["lead"]}))
        announcement = Announcement(text=HOSTILE, content_hash="a1", title=HOSTILE)
        session.add(announcement)
        session.flush()
        session.add(ProposedCommitment(announcement_id=announcement.id, actor=f"Elm {HOSTILE}",
                                       what=f"build {HOSTILE}", quote=HOSTILE, deadline_phrase=HOSTILE,
                                       stated_on=dt.date(2026, 5, 1), confidence=0.5, reasons=[]))
        now = dt.datetime(2026, 5, 4, 12, 0)
        session.add(DaemonRun(started_at=now, finished_at=now, errors=f"feed 1: {HOSTILE}"))
    return url


TEXT_COMMANDS = [
    ("show", "1"), ("list",), ("history", "1"), ("evidence", "list"), ("feeds", "list"), ("status",),
    ("proposals", "list"), ("review", "--stale"),
]


@pytest.mark.parametrize("args", TEXT_COMMANDS, ids=" ".join)
def test_no_control_or_bidi_character_reaches_the_terminal(hostile_db, args):
    out = ok(*args, db=hostile_db)
    assert not UNSAFE.search(out), repr(out)


def test_the_text_is_still_shown_only_its_controls_go(hostile_db):
    out = ok("show", "1", db=hostile_db)
    assert "Larch ]0;owned[2J31mXjob" in out


def test_the_review_card_is_inert(hostile_db):
    result = run("review", db=hostile_db, input="ss")
    assert result.exit_code == 0, result.output
    assert "evidence 1" in result.output and "title " in result.output
    assert not UNSAFE.search(result.output), repr(result.output)


def test_json_output_escapes_what_a_terminal_acts_on_and_keeps_the_data(hostile_db):
    out = ok("show", "1", "--format", "json", db=hostile_db)
    assert not UNSAFE.search(out), repr(out)
    assert json.loads(out)["what"] == f"replace {HOSTILE}", "JSON carries the stored text unchanged"


def test_the_daemon_log_masks_url_passwords(tmp_path):
    import logging

    from tracker.commands.daemon import _setup_logging

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        _setup_logging(str(tmp_path / "daemon.log"), "INFO")
        try:
            raise ValueError("while fetching https://editor:pw-secret@news.example.org/rss")
        except ValueError:
            logging.getLogger("tracker.fetch").exception("unexpected error fetching %s",
                                                         "https://editor:pw-secret@news.example.org/rss")
        for handler in root.handlers:
            handler.close()
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    log = (tmp_path / "daemon.log").read_text(encoding="utf-8")
    assert "editor:***@news.example.org" in log and "Traceback" in log
    assert "pw-secret" not in log
