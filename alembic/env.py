"""Alembic environment: migrations are code, bound to the tracker's own engine.

``tracker db upgrade`` passes its engine in ``config.attributes['engine']`` so
SQLite pragmas and ``BEGIN IMMEDIATE`` apply; plain ``alembic`` use falls
back to ``sqlalchemy.url``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from tracker.db import IGNORED_TABLES
from tracker.models import Base

target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """APScheduler keeps its own job table in our database; it is not ours to migrate."""
    return not (type_ == "table" and name in IGNORED_TABLES)


def render_item(type_, obj, autogen_context):  # type: ignore[no-untyped-def]
    """Our UTCDateTime is a plain timezone-aware DateTime in the database."""
    from tracker.models import UTCDateTime

    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _foreign_keys(connection, *, on: bool) -> None:  # type: ignore[no-untyped-def]
    """Switch SQLite's foreign keys on the raw driver connection, outside any transaction (else a no-op)."""
    raw = connection.connection.dbapi_connection
    cur = raw.cursor()
    cur.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
    cur.close()


def run_migrations() -> None:
    engine = context.config.attributes.get("engine")
    if engine is None:
        engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # A batch migration copies a table and drops the old one; with foreign keys on, SQLite would
            # cascade that drop into every evidence row, status change and source of every commitment.
            # The pragma only works outside a transaction, so it is set before the migration's begins.
            _foreign_keys(connection, on=False)
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
            compare_type=True,
            render_item=render_item,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()
        if sqlite:
            _foreign_keys(connection, on=True)


run_migrations()
