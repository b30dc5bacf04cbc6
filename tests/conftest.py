"""Shared fixtures: real SQLite files and a real PostgreSQL database per test.

PostgreSQL comes from ``TRACKER_TEST_PG_URL`` (default: the local server's
``test`` database). Each test gets a fresh database created next to it and
dropped afterwards. Outside CI a missing server skips those tests with the
reason; under CI (``CI=true``) it fails them, so CI never passes without them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.pgdb import temporary_database
from tracker import clock

PG_URL = os.environ.get("TRACKER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _pg_admin_engine():
    return create_engine(PG_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})


_pg_problem: str | None = None
_pg_checked = False


def pg_available() -> str | None:
    """None when PostgreSQL answers, else why not (checked once per session)."""
    global _pg_problem, _pg_checked
    if not _pg_checked:
        _pg_checked = True
        try:
            with _pg_admin_engine().connect() as conn:
                conn.execute(text("select 1"))
        except Exception as exc:  # noqa: BLE001 - any failure means "not available"
            _pg_problem = f"PostgreSQL at {make_url(PG_URL).render_as_string()} unreachable: {exc.__class__.__name__}"
    return _pg_problem


def require_pg() -> None:
    problem = pg_available()
    if problem:
        if IN_CI:
            pytest.fail(f"{problem} (CI requires PostgreSQL)")
        pytest.skip(problem)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database, dropped after the test."""
    require_pg()
    with temporary_database(PG_URL, f"tracker_t_{uuid.uuid4().hex[:12]}") as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """URL of a new SQLite file in the test's temporary folder."""
    return f"sqlite:///{tmp_path / 'tracker.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path) -> str:
    """Each database test runs on a real SQLite file and on real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'tracker.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch, tmp_path):
    """No test sees the developer's config, database or pinned clock."""
    for var in ("TRACKER_DATABASE_URL", "TRACKER_CONFIG", "TRACKER_NOW"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    clock.set_as_of(None)
    yield
    clock.set_as_of(None)
