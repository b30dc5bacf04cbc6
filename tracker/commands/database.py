"""Setting up: ``tracker init`` and the schema commands ``tracker db upgrade|current``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli import App
from tracker.config import DEFAULT_CONFIG_NAME

if TYPE_CHECKING:
    from sqlalchemy import Engine

STARTER_CONFIG = """\
# tracker configuration: see config.example.toml for every key with its meaning.
[database]
url = "{url}"

[status]
due_soon_days = 30
grace_days = 30
"""


@click.command()
@click.option("--force", is_flag=True, help="Overwrite an existing config file.")
@click.pass_obj
def init(app: App, force: bool) -> None:
    """Write a starter config and create the database.

    Example: tracker init
    """
    from tracker.db import head_revision, upgrade

    path = Path(app.config_path or DEFAULT_CONFIG_NAME)
    if path.exists() and not force:
        click.echo(f"kept existing config {path}")
    else:
        url = app.database_url or "sqlite:///tracker.db"
        path.write_text(STARTER_CONFIG.format(url=url), encoding="utf-8")
        click.echo(f"wrote config {path}")
        app.config_path = str(path)
    engine = app.engine(check=False)
    upgrade(engine)
    click.echo(f"database {_where(engine)} is ready (revision {head_revision()})")


def _where(engine: Engine) -> str:
    from tracker.config import mask_url
    from tracker.db import sqlite_path

    return sqlite_path(engine) or mask_url(str(engine.url))


@click.group()
def db() -> None:
    """Database schema: upgrade and inspect."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@click.option("--force", is_flag=True, help="Add the tracker's tables even to a database that holds other tables.")
@click.pass_obj
def db_upgrade(app: App, revision: str, force: bool) -> None:
    """Apply the schema migrations.

    Refuses a database that holds other tables and no tracker revision, unless --force.
    Example: tracker db upgrade
    """
    from tracker.db import current_revision, upgrade

    engine = app.engine(check=False)
    before = current_revision(engine)
    upgrade(engine, revision, force=force)
    after = current_revision(engine)
    click.echo(f"{_where(engine)}: {before or 'empty'} -> {after}" if before != after
               else f"{_where(engine)}: already at {after}")


@db.command("current")
@click.pass_obj
def db_current(app: App) -> None:
    """Show the database's schema revision and the code's.

    Example: tracker db current
    """
    from tracker.db import current_revision, head_revision

    engine = app.engine(check=False)
    current, head = current_revision(engine), head_revision()
    state = "up to date" if current == head else "needs `tracker db upgrade`" if current else "not initialised"
    click.echo(f"database {_where(engine)}: revision {current or '-'}; code: {head} ({state})")
