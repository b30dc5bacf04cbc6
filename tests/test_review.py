"""`tracker review` by key: kinds chosen without accepting, a clear error without a terminal; discarded evidence listed."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from tests.clihelp import ok, run
from tracker import db as trackerdb
from tracker.db import write_session
from tracker.models import Evidence


@pytest.fixture
def queued(db_url):
    """A commitment with one item the matcher proposed as progress, and one it discarded."""
    ok("db", "upgrade", db=db_url)
    ok("--as-of", "2026-01-10", "add", "--actor", "Harbour Council", "--text", "open the ferry terminal",
       "--due", "2026-06-30", db=db_url)
    with write_session(trackerdb.open_database(db_url)) as session:
        session.add(Evidence(commitment_id=1, url="https://example.org/terminal", kind="progress", score=0.6,
                             state="proposed", event_date=dt.date(2026, 5, 2),
                             explanation={"cue": "opened", "held": "the promised place is not named"}))
        session.add(Evidence(commitment_id=1, url="https://example.org/ferry-fares", kind="mention", score=0.2,
                             state="discarded", event_date=dt.date(2026, 5, 3)))
    return db_url


def evidence(db, *flags):
    return json.loads(ok("evidence", "list", *flags, "--format", "json", db=db))


def test_k_cycles_the_kind_and_only_a_accepts(queued):
    result = run("--as-of", "2026-05-10", "review", db=queued, input="kkq")
    assert result.exit_code == 0, result.output
    assert "kind: delay" in result.output and "kind: cancellation" in result.output
    assert "not decided unseen: the promised place is not named" in result.output, "the editor sees why"
    assert [e["state"] for e in evidence(queued, "--pending")] == ["proposed"]  # nothing accepted yet
    result = run("--as-of", "2026-05-10", "review", db=queued, input="ka")
    assert "evidence 1 accepted (delay)" in result.output
    assert [(e["kind"], e["state"]) for e in evidence(queued) if e["id"] == 1] == [("delay", "accepted")]


def test_a_kind_letter_picks_it_then_a_accepts(queued):
    result = run("--as-of", "2026-05-10", "review", db=queued, input="fa")
    assert "kind: fulfilment" in result.output and "evidence 1 accepted (fulfilment)" in result.output
    assert json.loads(ok("--as-of", "2026-05-10", "show", "1", "--format", "json", db=queued))["status"] == "kept"


def test_review_without_a_terminal_is_a_one_line_error(queued, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tracker", "--database-url", queued, "review"], input="q\n",
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1 and "reads single keys from a terminal" in proc.stderr
    assert [e["state"] for e in evidence(queued, "--pending")] == ["proposed"]


def test_evidence_list_discarded(queued):
    assert [e["url"] for e in evidence(queued)] == ["https://example.org/terminal"]
    assert [(e["url"], e["state"]) for e in evidence(queued, "--discarded")] == [
        ("https://example.org/ferry-fares", "discarded")]
    both = run("evidence", "list", "--pending", "--discarded", db=queued)
    assert both.exit_code == 2 and "not both" in both.output
