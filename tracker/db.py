"""Engine and session factory, SQLite pragmas, migrations and the revision check.

SQLite runs in WAL mode with foreign keys on and a busy timeout, and every
write transaction starts with ``BEGIN IMMEDIATE``: two processes writing at
once then queue on the lock instead of failing with "database is locked"
when a reader tries to upgrade to a writer. Read-only sessions
(:func:`read_session`) use a plain deferred ``BEGIN`` so they never block writers.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from tracker.config import mask_url
from tracker.errors import ConfigError, DatabaseUnavailable, InvalidValue, SchemaMismatch

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

STATEMENT_CACHE = 16
BUSY_TIMEOUT_MS = 60_000
VERSION_TABLE = "alembic_version"
IGNORED_TABLES = frozenset({"apscheduler_jobs", VERSION_TABLE})


def resource_dir(name: str) -> Path:
    """A top-level project folder (``alembic``, ``templates``) in a checkout or in the wheel."""
    return _resource(name, Path.is_dir)


def resource_file(name: str) -> Path:
    """A top-level project file (``config.example.toml``) in a checkout or in the wheel."""
    return _resource(name, Path.is_file)


def _resource(name: str, exists: Callable[[Path], bool]) -> Path:
    """The wheel ships top-level project files under ``tracker/_<name>``; a checkout has them beside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here / f"_{name}", here.parent / name):
        if exists(candidate):
            return candidate
    raise FileNotFoundError(f"tracker is installed without its {name}: reinstall the package")


def make_engine(url: str) -> Engine:
    """Create the engine with the tracker's connection settings for each backend."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database or ""
    if database and database != ":memory:":
        parent = Path(database).expanduser().resolve().parent
        if not parent.is_dir():
            raise DatabaseUnavailable(f"cannot open {mask_url(url)}: folder {parent} does not exist")
    # The driver keeps 128 prepared statements per connection by default. A multi-row
    # INSERT ... RETURNING is a different statement for every row count, so that cache filled
    # with one-off inserts and the daemon's memory crept up for hours; a few are enough.
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000,
                                              "cached_statements": STATEMENT_CACHE})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        readonly = conn.get_execution_options().get("tracker_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextlib.contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with _translate_errors(engine), factory.begin() as session:
        yield session


@contextlib.contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for reads only: never takes the SQLite write lock."""
    factory = sessionmaker(engine.execution_options(tracker_readonly=True), expire_on_commit=False)
    with _translate_errors(engine), factory() as session:
        yield session
        session.rollback()


@contextlib.contextmanager
def _translate_errors(engine: Engine) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        raise DatabaseUnavailable(_unavailable_message(engine, exc)) from exc


def _unavailable_message(engine: Engine, exc: SQLAlchemyError) -> str:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    return (f"database {mask_url(str(engine.url))} is unavailable ({detail}): check that it is "
            "running and that database.url / TRACKER_DATABASE_URL is right")


# --- migrations -----------------------------------------------------------------
# Alembic is imported inside these functions: most commands only check the revision.


def alembic_config(engine: Engine) -> AlembicConfig:
    """An Alembic config pointing at the bundled migrations, bound to ``engine``."""
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(resource_dir("alembic")))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    cfg.attributes["engine"] = engine
    return cfg


# The newest migration in alembic/versions. Every command checks the database against it;
# keeping it here, not asking Alembic's script directory, keeps Alembic out of their start-up.
# tests/test_migrations.py fails when a migration is added without moving it.
SCHEMA_HEAD = "0007"


def head_revision() -> str:
    """The newest migration revision this code knows."""
    return SCHEMA_HEAD


def _script_config() -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(resource_dir("alembic")))
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The revision stamped in the database, or None for a fresh/unmigrated database.

    Read from Alembic's version table with a plain query (Alembic's own reader costs
    every command a tenth of a second of imports).
    """
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(VERSION_TABLE):
                return None
            stamped = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    except OperationalError as exc:
        raise DatabaseUnavailable(_unavailable_message(engine, exc)) from exc
    except DatabaseError as exc:  # SQLite: "file is not a database"
        raise _not_a_database(engine, exc) from exc
    if len(stamped) > 1:
        raise SchemaMismatch(f"database {mask_url(str(engine.url))} is stamped with several revisions "
                             f"({', '.join(sorted(stamped))}): point the tracker at its own database")
    return stamped[0] if stamped else None


def _not_a_database(engine: Engine, exc: DatabaseError) -> ConfigError:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return ConfigError(f"{mask_url(str(engine.url))} is not a database the tracker can open ({detail}): "
                       "point database.url / --database-url at the tracker's database")


def upgrade(engine: Engine, revision: str = "head", *, force: bool = False) -> None:
    """Apply migrations up to ``revision`` (the code's head by default).

    A database with tables of its own and no tracker revision belongs to something else: our tables
    are not added to it unless ``force`` is set.
    """
    from alembic import command
    from alembic.util import CommandError

    if not force and current_revision(engine) is None and _has_user_tables(engine):
        raise ConfigError(f"database {mask_url(str(engine.url))} holds other tables and no tracker revision: "
                          "point the tracker at its own database (or `tracker db upgrade --force` to add "
                          "the tracker's tables to it)")
    try:
        command.upgrade(alembic_config(engine), revision)
    except OperationalError as exc:
        raise DatabaseUnavailable(_unavailable_message(engine, exc)) from exc
    except CommandError as exc:
        raise InvalidValue(f"--revision {revision!r}: {exc}: give `head` or a later revision than "
                           "`tracker db current` shows (downgrades are not offered)") from None


def downgrade(engine: Engine, revision: str) -> None:
    """Undo migrations down to ``revision`` (``base`` removes every table)."""
    from alembic import command

    command.downgrade(alembic_config(engine), revision)


def check_revision(engine: Engine) -> None:
    """Refuse a database whose schema is behind or ahead of the code."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    where = mask_url(str(engine.url))
    if current is None:
        if _has_user_tables(engine):
            raise SchemaMismatch(f"database {where} has tables but no tracker revision: "
                                 "point the tracker at its own database")
        raise SchemaMismatch(f"database {where} is not initialised: run `tracker db upgrade` "
                             "(or `tracker init`)")
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_script_config())
    try:
        script.get_revision(current)
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        raise SchemaMismatch(f"database {where} is at revision {current}, newer than this tracker "
                             f"({head}): upgrade the tracker package") from None
    raise SchemaMismatch(f"database {where} is at revision {current}, behind the code ({head}): "
                         "run `tracker db upgrade`")


def _has_user_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names())
    return bool(names - IGNORED_TABLES)


def open_database(url: str, *, check: bool = True) -> Engine:
    """Engine for ``url``, refusing a schema that does not match the code."""
    if check:
        _refuse_missing_sqlite_file(url)
    engine = make_engine(url)
    if check:
        check_revision(engine)
    return engine


def _refuse_missing_sqlite_file(url: str) -> None:
    """Connecting would create an empty file, which the next command would call uninitialised."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:" \
            and not database.startswith("file:") and not Path(database).expanduser().exists():
        raise SchemaMismatch(f"no database at {Path(database).expanduser().resolve()}: run `tracker init` "
                             "(or `tracker db upgrade`) here first, or point --database-url at yours")


def sqlite_path(engine: Engine) -> str | None:
    """The SQLite file path (absolute), or None for another backend."""
    if not is_sqlite(engine):
        return None
    database = engine.url.database or ""
    return os.path.abspath(database) if database and database != ":memory:" else None
