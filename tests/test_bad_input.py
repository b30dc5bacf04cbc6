"""Bad input from the command line is one line and exit 2, never a traceback (issue 14, CLI items).

Huge ids, arguments and config files that are not UTF-8, a database file that is not SQLite, a
foreign SQLite database, a malformed URL and an impossible migration target, each checked for the
line the user reads, the exit code and that nothing stored changed. ``--debug`` still shows the
traceback.
"""

from __future__ import annotations

import os
import sqlite3

import pytest

from tests.clihelp import ok, run, run_process

HUGE = [str(2**63), "99999999999999999999999"]

ID_COMMANDS = [
    ("show", "{}"), ("history", "{}"), ("resolve", "{}", "--status", "kept"), ("evidence", "accept", "{}"),
    ("evidence", "reject", "{}"), ("evidence", "list", "--commitment", "{}"), ("proposals", "accept", "{}"),
    ("proposals", "reject", "{}"), ("feeds", "remove", "{}"), ("feeds", "resume", "{}"),
]


@pytest.fixture
def ready(tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    ok("db", "upgrade", db=url)
    return url


def one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize("args", ID_COMMANDS, ids=" ".join)
def test_an_id_above_the_64_bit_range_is_one_line(ready, args, number):
    line = one_line_error(run(*[a.format(number) for a in args], db=ready))
    assert number in line and ("not an id" in line or "no feed" in line), line


def test_a_non_utf8_argument_is_refused_in_one_line_and_nothing_is_stored(tmp_path, ready):
    actor = os.fsdecode(b"Quill \xff Works")  # how Python hands over an argument that is not UTF-8
    proc = run_process("--database-url", ready, "add", "--actor", actor, "--text", "open a depot",
                       "--due", "2027-01-31", cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "is not UTF-8" in proc.stderr and "Traceback" not in proc.stderr
    assert ok("list", "--format", "json", db=ready).strip() == "[]"


def test_a_non_utf8_config_file_is_one_line(tmp_path):
    (tmp_path / "tracker.toml").write_bytes(b'[database]\nurl = "sqlite:///caf\xe9.db"\n')
    line = one_line_error(run("list"))
    assert "not UTF-8" in line and "save the file as UTF-8" in line


@pytest.mark.parametrize("args", [("list",), ("db", "upgrade"), ("db", "current"), ("show", "1")], ids=" ".join)
def test_a_file_that_is_not_sqlite_is_one_line_and_left_alone(tmp_path, args):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database\n" * 40)
    line = one_line_error(run(*args, db=f"sqlite:///{path}"))
    assert "is not a database the tracker can open" in line
    assert path.read_bytes() == b"these are my notes, not a database\n" * 40


def test_debug_shows_the_traceback(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database\n" * 40)
    proc = run_process("--debug", "--database-url", f"sqlite:///{path}", "list", cwd=tmp_path)
    assert proc.returncode != 0 and "Traceback" in proc.stderr and "file is not a database" in proc.stderr


def _tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")}


def test_db_upgrade_refuses_a_foreign_sqlite_database_unless_forced(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table recipes (name text)")
    url = f"sqlite:///{path}"
    line = one_line_error(run("db", "upgrade", db=url))
    assert "holds other tables" in line and "--force" in line
    assert _tables(path) == {"recipes"}, "nothing added to someone else's database"
    refused = run("init", db=url)
    assert refused.exit_code == 2 and "holds other tables" in refused.output
    assert _tables(path) == {"recipes"}
    ok("db", "upgrade", "--force", db=url)
    assert {"recipes", "commitments", "feeds"} <= _tables(path)
    ok("list", db=url)


@pytest.mark.parametrize("url", ["http://[::1", "https://[::1]:99999/feed.xml", "http:///feed.xml"])
def test_a_malformed_url_is_one_line(ready, url):
    assert "invalid URL" in one_line_error(run("feeds", "add", url, db=ready))
    assert "invalid URL" in one_line_error(run("extract", url))
    assert ok("feeds", "list", "--format", "json", db=ready).strip() == "[]"


@pytest.mark.parametrize("revision", ["-1", "no-such-revision"])
def test_db_upgrade_to_an_impossible_revision_is_one_line(ready, revision):
    line = one_line_error(run("db", "upgrade", "--revision", revision, db=ready))
    assert f"--revision {revision!r}" in line
    assert "up to date" in ok("db", "current", db=ready)
