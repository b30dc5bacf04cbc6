"""The core commands as a user meets them: init, add, list, show, resolve, history."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.clihelp import command_paths, ok, run, run_process
from tracker import db as trackerdb
from tracker.db import read_session
from tracker.models import Commitment
from tracker.store import replay


@pytest.fixture
def ready_db(db_url):
    """An initialised database (SQLite file or PostgreSQL)."""
    ok("db", "upgrade", db=db_url)
    return db_url


def add(db, actor="Harbour Council", text="open the ferry terminal", *extra):
    out = ok("--as-of", "2026-01-10", "add", "--actor", actor, "--text", text, *extra, db=db)
    return int(out.split("added commitment ")[1].split(":")[0])


def test_init_writes_config_and_creates_database(tmp_path):
    out = ok("init")
    assert "wrote config tracker.toml" in out and "is ready" in out
    assert (tmp_path / "tracker.toml").is_file() and (tmp_path / "tracker.db").is_file()
    next_steps = out.split("next:\n")[1].splitlines()
    assert [line.split("#")[0].split()[:2] for line in next_steps] == [
        ["tracker", "extract"], ["tracker", "feeds"], ["tracker", "poll"]]
    written = (tmp_path / "tracker.toml").read_text()
    example = (Path(__file__).resolve().parent.parent / "config.example.toml").read_text()
    assert written.splitlines()[1:] == example.splitlines()[1:]  # the same commented source, every key
    assert "config.example.toml" not in ok("list", "--format", "json")  # and it loads


def test_init_leaves_an_existing_config_and_database_untouched(tmp_path):
    (tmp_path / "tracker.toml").write_text('# mine\n[database]\nurl = "sqlite:///ours.db"\n')
    ok("db", "upgrade", db="sqlite:///ours.db")
    add("sqlite:///ours.db")
    before = (tmp_path / "ours.db").stat().st_size
    out = ok("init")
    assert "kept existing config tracker.toml (unchanged" in out
    assert "kept existing database" in out and "ours.db (unchanged, revision" in out
    assert (tmp_path / "tracker.toml").read_text().startswith("# mine") and not (tmp_path / "tracker.db").exists()
    assert (tmp_path / "ours.db").stat().st_size == before and len(json.loads(ok("list", "--format", "json"))) == 1


def test_a_command_never_creates_the_database_it_refuses(tmp_path):
    result = run("list")
    assert result.exit_code == 1 and "no database at" in result.output and "run `tracker init`" in result.output
    assert not (tmp_path / "tracker.db").exists()


def test_db_current_reports_revision(ready_db):
    out = ok("db", "current", db=ready_db)
    assert trackerdb.head_revision() in out and "up to date" in out


def test_add_list_show_round_trip(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30",
              "--source", "https://example.org/news/1", "--quote", "We will open the terminal by June.")
    rows = json.loads(ok("--as-of", "2026-02-01", "list", "--format", "json", db=ready_db))
    assert [r["id"] for r in rows] == [cid]
    row = rows[0]
    for key in ("id", "actor", "what", "quote", "deadline_phrase", "due_earliest", "due_latest",
                "status", "status_reason", "sources"):
        assert key in row
    assert row["status"] == "pending" and row["due_latest"] == "2026-06-30"
    assert row["sources"][0]["url"] == "https://example.org/news/1"
    detail = json.loads(ok("show", str(cid), "--format", "json", db=ready_db))
    assert detail["history"][0]["to"] == "pending" and detail["evidence"] == []


def test_status_follows_as_of(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")

    def status(day):
        rows = json.loads(ok("--as-of", day, "list", "--format", "json", db=ready_db))
        return {r["id"]: r["status"] for r in rows}[cid]

    assert status("2026-02-01") == "pending"
    assert status("2026-06-15") == "due_soon"
    assert status("2026-07-05") == "overdue"
    assert status("2026-12-01") == "broken"
    overdue = json.loads(ok("--as-of", "2026-07-05", "list", "--overdue", "--format", "json", db=ready_db))
    assert [r["id"] for r in overdue] == [cid]


def test_list_filters_and_formats(ready_db):
    a = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    b = add(ready_db, "Lakeside Energy", "close the coal plant", "--due", "2027-12-31")
    by_actor = json.loads(ok("list", "--actor", "lakeside energy", "--format", "json", db=ready_db))
    assert [r["id"] for r in by_actor] == [b]
    before = json.loads(ok("list", "--due-before", "2027-01-01", "--format", "json", db=ready_db))
    assert [r["id"] for r in before] == [a]
    rows = list(csv.DictReader(io.StringIO(ok("list", "--format", "csv", db=ready_db))))
    assert {r["id"] for r in rows} == {str(a), str(b)}
    table = ok("--as-of", "2026-02-01", "list", db=ready_db)
    assert "Harbour Council" in table and "2 commitment(s)" in table


def test_csv_neutralises_formulas(ready_db):
    add(ready_db, "Harbour Council", "=HYPERLINK(\"http://evil\")", "--due", "2026-06-30")
    rows = list(csv.DictReader(io.StringIO(ok("list", "--format", "csv", db=ready_db))))
    assert rows[0]["what"].startswith("'=")


def test_resolve_kept_after_deadline_is_recorded_as_kept_late(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    out = ok("resolve", str(cid), "--status", "kept", "--date", "2026-08-09", "--note", "opened in August",
             "--by", "ana", "--evidence", "https://example.org/opened", db=ready_db)
    assert "kept_late" in out and "40 days after the deadline" in out
    detail = json.loads(ok("--as-of", "2027-01-01", "show", str(cid), "--format", "json", db=ready_db))
    assert detail["status"] == "kept_late" and detail["status_source"] == "manual"
    last = detail["history"][-1]
    assert (last["by"], last["source"], last["effective_on"], last["evidence_url"]) == (
        "ana", "manual", "2026-08-09", "https://example.org/opened")


def test_manual_decision_survives_the_sweep_and_undo_hands_back(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    ok("resolve", str(cid), "--status", "withdrawn", "--date", "2026-03-01", "--by", "ana", db=ready_db)
    swept = ok("--as-of", "2027-01-01", "sweep", db=ready_db)
    assert "0 status change(s)" in swept
    out = ok("--as-of", "2027-01-01", "resolve", str(cid), "--undo", "--by", "ana", db=ready_db)
    assert "undid change" in out and "status is now broken" in out
    history = json.loads(ok("history", str(cid), "--format", "json", db=ready_db))
    assert [h["to"] for h in history] == ["pending", "withdrawn", "pending", "broken"]
    assert [h["source"] for h in history] == ["auto", "manual", "undo", "auto"]
    nothing = run("resolve", str(cid), "--undo", db=ready_db)
    assert nothing.exit_code == 2 and "no manual change to undo" in nothing.output


def test_audit_log_reconstructs_every_status(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    for day in ("2026-06-10", "2026-07-02", "2026-09-01"):
        ok("--as-of", day, "sweep", db=ready_db)
    ok("resolve", str(cid), "--status", "kept", "--date", "2026-09-03", db=ready_db)
    engine = trackerdb.open_database(ready_db)
    with read_session(engine) as session:
        c = session.get(Commitment, cid)
        assert replay(c.changes) == ["pending", "due_soon", "overdue", "broken", "kept_late"]
        assert replay(c.changes)[-1] == c.status


@pytest.mark.parametrize("args,code,message", [
    (["show", "999"], 2, "no commitment with id 999: run `tracker list`"),
    (["resolve", "1", "--status", "great"], 2, "Invalid value for '--status'"),
    (["add", "--actor", "X", "--text", "y", "--due", "30/06/2026"], 2, "--due '30/06/2026' is not a date"),
    (["--as-of", "yesterday", "list"], 2, "--as-of 'yesterday' is not a date"),
    (["add", "--actor", "X", "--text", "y", "--due", "2026-01-01", "--deadline", "soon"], 2, "not both"),
    (["list", "--status", "lost"], 2, "invalid status 'lost': use one of pending"),
])
def test_usage_errors_are_one_line(ready_db, args, code, message):
    result = run(*args, db=ready_db)
    assert result.exit_code == code, result.output
    assert message in result.output
    assert "Traceback" not in result.output


def test_uninitialised_database_is_refused(tmp_path):
    import sqlite3

    sqlite3.connect(tmp_path / "fresh.db").close()  # an empty file, as another tool may leave
    result = run("list", db=f"sqlite:///{tmp_path / 'fresh.db'}")
    assert result.exit_code == 1 and "not initialised: run `tracker db upgrade`" in result.output


def test_unreachable_database_fails_in_one_line_without_trace(tmp_path):
    url = "postgresql://editor:s3cret@127.0.0.1:1/nowhere"
    proc = run_process("--database-url", url, "list", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "unavailable" in proc.stderr
    assert "s3cret" not in proc.stderr and "Traceback" not in proc.stderr
    debug = run_process("--debug", "--database-url", url, "list", cwd=tmp_path)
    assert debug.returncode == 1 and "Traceback" in debug.stderr


@pytest.mark.parametrize("path", list(command_paths()), ids=lambda p: " ".join(p))
def test_every_command_has_help(path):
    out = ok(*path, "--help")
    assert "Usage:" in out and len(out.splitlines()) > 3


def test_brackets_in_user_text_are_shown_literally(ready_db):
    add(ready_db, "City [North] Council", "open the [/] library and fix [red]roads", "--due", "2027-01-01")
    table = ok("list", db=ready_db)
    assert "[/]" in table and "[red]roads" in table
    assert "[North]" in ok("show", "1", db=ready_db)


def test_undo_leaves_the_earlier_decision_with_its_own_date(ready_db):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30")
    ok("resolve", str(cid), "--status", "kept", "--date", "2026-05-20", "--by", "ana", db=ready_db)
    ok("resolve", str(cid), "--status", "broken", "--date", "2026-07-10", "--by", "ben", db=ready_db)
    ok("resolve", str(cid), "--undo", "--by", "ben", db=ready_db)
    row = json.loads(ok("--as-of", "2026-12-01", "list", "--format", "json", db=ready_db))[0]
    assert row["status"] == "kept" and "decided by ana on 2026-05-20" in row["status_reason"]


def test_cli_csv_is_the_sites_csv(ready_db, tmp_path):
    cid = add(ready_db, "Harbour Council", "open the ferry terminal", "--due", "2026-06-30",
              "--source", "https://example.org/news/1")
    cli_csv = ok("--as-of", "2026-02-01", "list", "--format", "csv", db=ready_db)
    ok("--as-of", "2026-02-01", "report", "--out", str(tmp_path / "site"), db=ready_db)
    site_csv = (tmp_path / "site" / "commitments.csv").read_bytes().decode("utf-8")
    assert cli_csv.replace("\r\n", "\n") == site_csv.replace("\r\n", "\n")  # same columns, same cells
    row = next(csv.DictReader(io.StringIO(cli_csv)))
    assert row["page"] == f"c/{cid}.html" and row["sources"] == "https://example.org/news/1"


@pytest.mark.parametrize("path", list(command_paths()), ids=lambda p: " ".join(p))
def test_every_command_accepts_as_of_after_its_name(path):
    result = run(*path, "--as-of", "2026-01-01", "--help")
    assert result.exit_code == 0 and "--as-of" in result.output, result.output


def test_one_format_vocabulary():
    """table|json|csv where a command prints rows, text|json where it prints one object or a report."""
    import click

    from tracker.cli import cli

    seen = {}
    for path in command_paths():
        command = cli
        for name in path:
            command = command.get_command(click.Context(command), name)
        for param in command.params:
            if param.name == "fmt":
                seen[" ".join(path)] = tuple(param.type.choices)
    assert seen and set(seen.values()) == {("table", "json", "csv"), ("text", "json")}, seen
    assert seen["feeds list"] == seen["evidence list"] == seen["proposals list"] == seen["extract"] == seen["list"]


def test_tabular_commands_print_csv(ready_db):
    ok("feeds", "add", "https://news.example.org/rss.xml", "--name", "=HYPERLINK(1)", db=ready_db)
    rows = list(csv.DictReader(io.StringIO(ok("feeds", "list", "--format", "csv", db=ready_db))))
    assert [(r["url"], r["name"]) for r in rows] == [("https://news.example.org/rss.xml", "'=HYPERLINK(1)")]
    header = ok("evidence", "list", "--format", "csv", db=ready_db).splitlines()
    assert header == ["id,commitment_id,kind,score,state,date,url,title,decided_by,decided_at,new_due_latest"]


def test_a_bare_carriage_return_in_stored_text_never_splits_a_csv_row(ready_db):
    """Issue 14, item 6: a CR stored before intake cleaning split the row, and the next row began '=cmd|'."""
    cid = add(ready_db, "Harbour Council", "open the ferry terminal")
    engine = trackerdb.make_engine(ready_db)
    with engine.begin() as conn:  # as an older database could hold it
        conn.execute(Commitment.__table__.update().where(Commitment.__table__.c.id == cid)
                     .values(what="open the terminal\r=cmd|' /C calc'!A0"))
    out = ok("--as-of", "2026-02-01", "list", "--format", "csv", db=ready_db)
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == 2, rows  # the header and one commitment
    assert rows[1][rows[0].index("what")].startswith("open the terminal")  # the CR stays inside its quoted cell
    assert not any(cell.startswith("=") for row in rows for cell in row)
