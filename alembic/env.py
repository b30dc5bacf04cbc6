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


def run_migrations() -> None:
    engine = context.config.attributes.get("engine")
    if engine is None:
        engine = create_engine(context.config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
