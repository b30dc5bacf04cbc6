"""`tracker add` reports a commitment only once it is stored (issue 14)."""

from __future__ import annotations

import json

from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from tests.clihelp import ok, run

ADD = ("add", "--actor", "Tern Harbour Board", "--text", "dredge the channel", "--due", "2027-06-30")


def _refuse_commit(_session):
    """The commit fails the way a full disk or a lost server does."""
    raise OperationalError("COMMIT", {}, Exception("disk I/O error"))


def test_add_says_added_only_after_the_commit(db_url):
    ok("db", "upgrade", db=db_url)
    event.listen(Session, "before_commit", _refuse_commit)
    try:
        result = run(*ADD, db=db_url)
    finally:
        event.remove(Session, "before_commit", _refuse_commit)
    assert result.exit_code == 1, result.output
    assert "added commitment" not in result.output
    assert "unavailable (disk I/O error)" in result.output and "Traceback" not in result.output
    assert json.loads(ok("list", "--format", "json", db=db_url)) == []


def test_add_says_added_when_stored(db_url):
    ok("db", "upgrade", db=db_url)
    out = ok(*ADD, db=db_url)
    (row,) = json.loads(ok("list", "--format", "json", db=db_url))
    assert out.startswith(f"added commitment {row['id']}: Tern Harbour Board will dredge the channel")
