"""Promises the extractor is unsure of wait for an editor; they are never stored unseen nor dropped silently.

Each test runs on a real SQLite file and on PostgreSQL (the ``db_url`` fixture).
"""

from __future__ import annotations

import json

import pytest

from tests.clihelp import ok, run
from tracker import db as trackerdb
from tracker.db import read_session
from tracker.models import Commitment, ProposedCommitment

TEXT = ("date: 2025-04-10\nsource: Valley Business Wire\n\n"
        "Haverly Transit runs the city's buses. Haverly Transit will open a new depot in Eastfield by the end "
        "of 2026. Haverly Transit expects its revenue to grow to 400 million euros in 2026.\n")


@pytest.fixture
def saved(db_url, tmp_path):
    ok("db", "upgrade", db=db_url)
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = ok("--as-of", "2025-04-12", "extract", str(path), "--save", db=db_url)
    assert "1 new commitment(s)" in out and "1 proposed for review" in out, out
    return db_url


def test_an_unsure_promise_is_proposed_not_stored(saved):
    rows = json.loads(ok("proposals", "list", "--format", "json", db=saved))
    assert [r["what"] for r in rows] and "revenue" in rows[0]["what"]
    assert rows[0]["reasons"], "a proposal says why the extractor was unsure"
    listed = json.loads(ok("list", "--format", "json", db=saved))
    assert [c["what"] for c in listed] == ["open a new depot in Eastfield"]


def test_accepting_a_proposal_makes_the_commitment_with_its_source(saved):
    pid = json.loads(ok("proposals", "list", "--format", "json", db=saved))[0]["id"]
    out = ok("--as-of", "2025-04-12", "proposals", "accept", str(pid), db=saved)
    assert "accepted as commitment" in out
    listed = json.loads(ok("list", "--format", "json", db=saved))
    assert len(listed) == 2
    assert json.loads(ok("proposals", "list", "--format", "json", db=saved)) == []
    engine = trackerdb.make_engine(saved)
    with read_session(engine) as session:
        row = session.get(ProposedCommitment, pid)
        made = session.get(Commitment, row.commitment_id)
        assert row.state == "accepted" and row.decided_by and made.sources
    again = run("proposals", "accept", str(pid), db=saved)
    assert again.exit_code == 2 and "already accepted" in again.output


def test_a_rejected_proposal_is_kept_and_not_proposed_again(saved, tmp_path):
    pid = json.loads(ok("proposals", "list", "--format", "json", db=saved))[0]["id"]
    ok("proposals", "reject", str(pid), db=saved)
    assert json.loads(ok("proposals", "list", "--format", "json", db=saved)) == []
    out = ok("extract", str(tmp_path / "a.txt"), "--save", db=saved)
    assert "nothing added" in out
    engine = trackerdb.make_engine(saved)
    with read_session(engine) as session:
        assert session.get(ProposedCommitment, pid).state == "rejected"


def test_review_walks_through_proposals_first(saved):
    result = run("--as-of", "2025-04-12", "review", db=saved, input="a")
    assert result.exit_code == 0, result.output
    assert "proposed commitment" in result.output and "why unsure" in result.output
    assert "accepted as commitment" in result.output


def test_explain_lists_what_was_left_out_and_why(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("date: 2025-04-10\n\nAnalysts expect Haverly Transit to raise fares next year.\n", encoding="utf-8")
    out = ok("extract", str(path), "--explain")
    assert "left out" in out and "Analysts expect" in out and "why:" in out
    rows = json.loads(ok("extract", str(path), "--explain", "--format", "json"))
    assert rows and all("reason" in r for r in rows)


def test_a_keep_until_promise_is_stored_as_one_and_never_broken_by_the_calendar(db_url, tmp_path):
    ok("db", "upgrade", db=db_url)
    path = tmp_path / "k.txt"
    path.write_text("date: 2025-04-10\n\nHaverly Transit will freeze bus fares until the end of 2025.\n", encoding="utf-8")
    ok("extract", str(path), "--save", db=db_url)
    later = json.loads(ok("--as-of", "2026-11-01", "list", "--format", "json", db=db_url))
    assert [c["status"] for c in later] == ["kept"]  # the window passed unbreached
    engine = trackerdb.make_engine(db_url)
    with read_session(engine) as session:
        assert session.get(Commitment, later[0]["id"]).keep_until


def test_a_sure_promise_that_names_nobody_waits_for_an_editor_to_name_the_actor(db_url, tmp_path):
    """Nothing silent: a promise with no actor is neither stored unseen nor dropped; the editor names one."""
    ok("db", "upgrade", db=db_url)
    path = tmp_path / "b.txt"
    path.write_text("The new Harbury bridge will open in May 2027.\n", encoding="utf-8")
    out = ok("--as-of", "2025-01-03", "extract", str(path), "--published", "2025-01-02", "--save", db=db_url)
    assert "0 new commitment(s)" in out and "1 proposed for review" in out and "name no actor" in out, out
    rows = json.loads(ok("proposals", "list", "--format", "json", db=db_url))
    assert [(r["actor"], r["what"]) for r in rows] == [(None, "open the new Harbury bridge")]
    assert any("actor" in reason for reason in rows[0]["reasons"]), rows[0]["reasons"]
    ok("proposals", "accept", str(rows[0]["id"]), "--actor", "Harbury Council", db=db_url)
    listed = json.loads(ok("list", "--format", "json", db=db_url))
    assert [(c["actor"], c["what"]) for c in listed] == [("Harbury Council", "open the new Harbury bridge")]
