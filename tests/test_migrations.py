"""Migrations are code: head equals the models, and the round trip works, on both backends."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from tracker import db
from tracker.db import IGNORED_TABLES
from tracker.errors import SchemaMismatch
from tracker.models import Base


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "include_object": lambda o, name, type_, r, c: not (type_ == "table" and name in IGNORED_TABLES)})
        return compare_metadata(ctx, Base.metadata)


def test_upgrade_head_gives_exactly_the_models_schema(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    assert _diff(engine) == []
    assert db.current_revision(engine) == db.head_revision()


def test_the_code_knows_the_newest_migration():
    """db.SCHEMA_HEAD (what every command checks against) must follow alembic/versions."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._script_config())
    assert script.get_heads() == [db.head_revision()], (
        f"tracker.db.SCHEMA_HEAD is {db.SCHEMA_HEAD!r} but alembic/versions ends at {script.get_heads()}: "
        "set SCHEMA_HEAD to the new migration's revision")


def test_current_revision_reads_what_alembic_stamped(db_url):
    engine = db.make_engine(db_url)
    assert db.current_revision(engine) is None
    db.upgrade(engine, "0001")
    assert db.current_revision(engine) == "0001"
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0001"


def test_upgrade_downgrade_upgrade_round_trip(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    db.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    db.upgrade(engine)
    assert _diff(engine) == []


def test_commands_refuse_an_uninitialised_database(db_url):
    with db.make_engine(db_url).connect():
        pass  # the database exists (an empty SQLite file, a new PostgreSQL database) but has no schema
    with pytest.raises(SchemaMismatch, match="not initialised: run `tracker db upgrade`"):
        db.open_database(db_url)


def test_commands_refuse_a_database_behind_the_code(db_url, monkeypatch):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    monkeypatch.setattr(db, "head_revision", lambda: "9999")
    with pytest.raises(SchemaMismatch, match="behind the code"):
        db.check_revision(engine)


def test_commands_refuse_a_database_ahead_of_the_code(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dface'"))
    with pytest.raises(SchemaMismatch, match="newer than this tracker"):
        db.open_database(db_url)


def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_url):
    engine = db.make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
