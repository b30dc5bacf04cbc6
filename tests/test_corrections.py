"""Correcting the record as an editor does it: edit, retract, merge, link, tags and search.

Every test runs on a real SQLite file and a real PostgreSQL database. Each
checks what the editor sees (lists, history, the site) and that nothing was
deleted: the rows stay, and every change is in the history with who and why.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from tests.clihelp import ok, run
from tracker import db as trackerdb
from tracker.db import read_session, write_session
from tracker.models import Commitment, CommitmentEdit, Evidence, StatusChange


@pytest.fixture
def ready_db(db_url):
    ok("db", "upgrade", db=db_url)
    return db_url


def add(db, actor, text, *extra):
    out = ok("--as-of", "2026-01-10", "add", "--actor", actor, "--text", text, *extra, db=db)
    return int(out.split("added commitment ")[1].split(":")[0])


def listed(db, *args):
    return [r["id"] for r in json.loads(ok("--as-of", "2026-02-01", "list", "--format", "json", *args, db=db))]


def history(db, cid):
    return json.loads(ok("history", str(cid), "--format", "json", db=db))


def add_evidence(db, cid, url, kind="fulfilment", day=dt.date(2026, 3, 1)):
    with write_session(trackerdb.open_database(db)) as session:
        row = Evidence(commitment_id=cid, url=url, kind=kind, score=0.9, state="accepted", event_date=day)
        session.add(row)
        session.flush()
        return row.id


def test_edit_corrects_fields_and_logs_who_and_why(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry termnal", "--due", "2026-06-30")
    out = ok("--as-of", "2026-02-01", "edit", str(cid), "--text", "open the ferry terminal", "--actor",
             "Harbour Board", "--quote", "We will open it in June.", "--by", "rvale", "--reason", "typo in extraction",
             db=ready_db)
    assert "what 'open the ferry termnal' -> 'open the ferry terminal'" in out
    row = json.loads(ok("show", str(cid), "--format", "json", db=ready_db))
    assert (row["actor"], row["what"], row["quote"]) == ("Harbour Board", "open the ferry terminal",
                                                         "We will open it in June.")
    edits = [h for h in history(ready_db, cid) if h["type"] == "edit"]
    assert len(edits) == 1 and edits[0]["by"] == "rvale" and edits[0]["reason"] == "typo in extraction"
    assert edits[0]["changes"]["actor"] == ["Harbour Council", "Harbour Board"]
    text = ok("history", str(cid), db=ready_db)
    assert "edit by rvale" in text and "why: typo in extraction" in text


def test_editing_the_deadline_rejudges_the_status_and_keeps_the_old_rows(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-03-31")
    ok("--as-of", "2026-05-01", "sweep", db=ready_db)
    assert json.loads(ok("--as-of", "2026-05-01", "show", str(cid), "--format", "json", db=ready_db))["status"] \
        != "pending"
    ok("--as-of", "2026-05-01", "edit", str(cid), "--deadline", "by the end of 2027", "--reason", "misread the year",
       db=ready_db)
    row = json.loads(ok("--as-of", "2026-05-01", "show", str(cid), "--format", "json", db=ready_db))
    assert row["due_latest"] == "2027-12-31" and row["status"] == "pending"
    statuses = [h["to"] for h in history(ready_db, cid) if h["type"] == "status"]
    assert statuses[0] == "pending" and statuses[-1] == "pending" and len(statuses) >= 3  # nothing rewritten
    ok("edit", str(cid), "--due", "2027-06-30", "--reason", "exact date in the minutes", db=ready_db)
    assert json.loads(ok("show", str(cid), "--format", "json", db=ready_db))["deadline_phrase"] is None


@pytest.mark.parametrize("args,message", [
    (["--text", "x"], "say why with --reason"),
    (["--reason", "none"], "nothing to change"),
    (["--text", " ", "--reason", "r"], "--text cannot be empty"),
    (["--deadline", "soon-ish maybe", "--reason", "r"], "not understood"),
    (["--due", "2026-01-01", "--deadline", "in 2027", "--reason", "r"], "not both"),
])
def test_bad_edits_are_one_line_errors_and_change_nothing(ready_db, args, message):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    result = run("edit", str(cid), *args, db=ready_db)
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert [h["type"] for h in history(ready_db, cid)] == ["status"]
    assert json.loads(ok("show", str(cid), "--format", "json", db=ready_db))["what"] == "open the ferry terminal"


def test_retract_hides_from_lists_and_site_keeps_rows_and_undoes(ready_db, tmp_path):
    keep = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    wrong = add(ready_db, "Harbour Council", "criticise the budget", "--due", "2026-06-30")
    assert run("retract", str(wrong), db=ready_db).exit_code == 2  # no reason given
    out = ok("retract", str(wrong), "--reason", "a critic's words, not a promise", db=ready_db)
    assert "retracted" in out and "--undo" in out
    assert listed(ready_db) == [keep]
    site = tmp_path / "site"
    ok("report", "--out", str(site), db=ready_db)
    assert not (site / "c" / f"{wrong}.html").exists() and "criticise the budget" not in (site / "index.html").read_text()
    shown = json.loads(ok("show", str(wrong), "--format", "json", db=ready_db))
    assert shown["visibility"] == "retracted"  # still in the database
    again = run("retract", str(wrong), "--reason", "twice", db=ready_db)
    assert again.exit_code == 2 and "already retracted" in again.output
    ok("retract", str(wrong), "--undo", "--reason", "it was a promise after all", db=ready_db)
    assert listed(ready_db) == [keep, wrong]
    assert [h["action"] for h in history(ready_db, wrong) if h["type"] == "edit"] == ["retract", "restore"]


def test_merge_moves_sources_evidence_and_history_and_hides_the_duplicate(ready_db):
    keep = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30",
               "--source", "https://example.org/plan", "--tag", "transport")
    dup = add(ready_db, "Harbour Council", "open a new ferry terminal", "--due", "2026-06-30",
              "--source", "https://example.org/restated", "--tag", "ports")
    evidence_id = add_evidence(ready_db, dup, "https://example.org/opened", day=dt.date(2026, 6, 1))
    ok("--as-of", "2026-02-01", "merge", str(keep), str(dup), "--reason", "same promise twice", db=ready_db)
    assert listed(ready_db) == [keep]
    row = json.loads(ok("--as-of", "2026-07-01", "show", str(keep), "--format", "json", db=ready_db))
    assert [s["url"] for s in row["sources"]] == ["https://example.org/plan", "https://example.org/restated"]
    assert [e["id"] for e in row["evidence"]] == [evidence_id]
    assert row["status"] == "kept" and row["tags"] == ["transport", "ports"]
    entries = history(ready_db, keep)
    assert any(h.get("from_commitment") == dup for h in entries)  # the duplicate's history reads under KEEP
    assert [h["other_id"] for h in entries if h["type"] == "edit"] == [dup]
    with read_session(trackerdb.open_database(ready_db)) as session:
        other = session.get(Commitment, dup)
        assert other.visibility == "merged" and other.merged_into_id == keep and other.changes  # kept, not deleted
        assert session.scalar(select(func.count()).select_from(CommitmentEdit)) == 2
    for bad, message in (([str(keep), str(keep)], "two different"), ([str(keep), str(dup)], "is merged")):
        result = run("merge", *bad, "--reason", "again", db=ready_db)
        assert result.exit_code == 2 and message in result.output


def test_link_attaches_a_source_by_url_or_announcement_id(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    other = add(ready_db, "Harbour Council", "paint the pier", "--source", "https://example.org/pier")
    ok("link", str(cid), "--source", "https://example.org/minutes", "--reason", "found the minutes", db=ready_db)
    pier = json.loads(ok("show", str(other), "--format", "json", db=ready_db))["sources"][0]
    assert pier["url"] == "https://example.org/pier"
    with read_session(trackerdb.open_database(ready_db)) as session:
        pier_id = session.get(Commitment, other).sources[0].announcement_id
    ok("link", str(cid), "--source", str(pier_id), db=ready_db)
    row = json.loads(ok("show", str(cid), "--format", "json", db=ready_db))
    assert {s["url"] for s in row["sources"]} == {"https://example.org/minutes", "https://example.org/pier"}
    assert [h["changes"]["source"][1] for h in history(ready_db, cid) if h["type"] == "edit"] == [
        "https://example.org/minutes", "https://example.org/pier"]
    for source, message in (("ftp://example.org/x", "neither an http(s) URL"), ("99999", "no announcement with id"),
                            ("https://example.org/minutes", "already a source")):
        result = run("link", str(cid), "--source", source, db=ready_db)
        assert result.exit_code == 2 and message in result.output


def test_tags_and_search_filter_the_list(ready_db):
    ferry = add(ready_db, "Harbour Council", "open the ferry terminal", "--quote", "Ferries by spring.")
    school = add(ready_db, "Valley Schools", "open two schools", "--tag", "education")
    ok("edit", str(ferry), "--tag", "Transport", "--tag", "ports", "--reason", "filing", db=ready_db)
    assert listed(ready_db, "--tag", "transport") == [ferry]
    assert listed(ready_db, "--tag", "education") == [school]
    ok("edit", str(ferry), "--untag", "transport", "--reason", "wrong desk", db=ready_db)
    assert listed(ready_db, "--tag", "transport") == []
    assert listed(ready_db, "--search", "SCHOOLS") == [school]  # actor, any case
    assert listed(ready_db, "--search", "ferries by") == [ferry]  # quote
    assert listed(ready_db, "--search", "open") == [ferry, school]  # text
    assert listed(ready_db, "--search", "100%") == []  # LIKE wildcards are literal


def test_corrections_are_append_only(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal")
    ok("edit", str(cid), "--text", "open the ferry terminal soon", "--reason", "r", db=ready_db)
    from tracker.errors import DatabaseError

    with pytest.raises(DatabaseError):
        with write_session(trackerdb.open_database(ready_db)) as session:
            session.scalars(select(CommitmentEdit)).one().reason = "rewritten"
    with read_session(trackerdb.open_database(ready_db)) as session:
        assert session.scalars(select(CommitmentEdit)).one().reason == "r"
        assert session.scalar(select(func.count()).select_from(StatusChange)) == 1


def test_the_site_has_a_page_per_tag_linked_from_the_promise_and_the_index(ready_db, tmp_path):
    from bs4 import BeautifulSoup

    ferry = add(ready_db, "Harbour Council", "open the ferry terminal", "--tag", "Transport", "--tag", "ports")
    add(ready_db, "Valley Schools", "open two schools", "--tag", "education")
    gone = add(ready_db, "Harbour Council", "repaint every bus", "--tag", "transport")
    ok("retract", str(gone), "--reason", "satire site, not a promise", db=ready_db)
    site = tmp_path / "site"
    ok("report", "--out", str(site), db=ready_db)
    page = BeautifulSoup((site / "t" / "transport.html").read_text(), "html.parser")
    assert page.h1.get_text(" ", strip=True).startswith("Topic: Transport")
    assert "open the ferry terminal" in page.text and "open two schools" not in page.text
    assert "repaint every bus" not in page.text  # retracted: its tag does not bring it back
    promise = BeautifulSoup((site / "c" / f"{ferry}.html").read_text(), "html.parser")
    assert {a["href"] for a in promise.select("a.tag")} == {"../t/transport.html", "../t/ports.html"}
    index = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    assert [a["href"] for a in index.select("#tags ~ ul a.tag")] == ["t/education.html", "t/ports.html",
                                                                      "t/transport.html"]


@pytest.mark.parametrize("command,expect", [
    (["resolve", "{cid}", "--status", "withdrawn", "--note", "the council dropped the plan"], "Withdrawn"),
    (["edit", "{cid}", "--text", "open the car ferry terminal", "--reason", "more precise"], "car ferry"),
    (["retract", "{cid}", "--reason", "not a promise"], None),
    (["link", "{cid}", "--source", "https://example.org/minutes"], "https://example.org/minutes"),
    (["sweep"], "Overdue"),
])
def test_render_flag_republishes_the_page_after_the_change(ready_db, tmp_path, command, expect):
    (tmp_path / "tracker.toml").write_text('[report]\nout_dir = "public"\n')
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    ok("--as-of", "2026-07-10", "report", db=ready_db)  # the page as published before the change
    out = ok("--as-of", "2026-07-10", *[a.format(cid=cid) for a in command], "--render", db=ready_db)
    assert "site re-rendered" in out
    page = tmp_path / "public" / "c" / f"{cid}.html"
    assert (tmp_path / "public" / "index.html").is_file()
    if expect is None:
        assert not page.exists()  # retracted: gone from the published site
    else:
        assert expect in page.read_text()


def test_without_render_nothing_is_published(ready_db, tmp_path):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    assert "re-rendered" not in ok("resolve", str(cid), "--status", "withdrawn", db=ready_db)
    assert not (tmp_path / "site").exists()
