"""Setting up: ``tracker init`` and the schema commands ``tracker db upgrade|current``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.cli import App
from tracker.config import DEFAULT_CONFIG_NAME

if TYPE_CHECKING:
    from sqlalchemy import Engine

NEXT_STEPS = """\
next:
  tracker extract announcement.txt --save       # store the promises in a text file (or a URL)
  tracker feeds add https://news.example.org/rss.xml --role evidence   # a news feed to watch
  tracker poll --render                         # check the feeds and write the page to {out_dir}/
"""


@click.command()
@click.option("--force", is_flag=True, help="Overwrite an existing config file (an existing database is never touched).")
@click.pass_obj
def init(app: App, force: bool) -> None:
    """Write a commented config (every key, as in config.example.toml) and create the database.

    An existing config or database is left as it is, and init says so. Example: tracker init
    """
    from tracker.db import current_revision, head_revision, upgrade

    path = Path(app.config_path or DEFAULT_CONFIG_NAME)
    if path.exists() and not force:
        click.echo(f"kept existing config {path} (unchanged; --force overwrites it)")
    else:
        url = app.database_url or "sqlite:///tracker.db"
        path.write_text(starter_config(url), encoding="utf-8")
        click.echo(f"wrote config {path} (every key with its meaning; edit it to taste)")
        app.config_path = str(path)
    engine = app.engine(check=False)
    current = current_revision(engine)
    if current is not None:
        state = "up to date" if current == head_revision() else "run `tracker db upgrade` to update it"
        click.echo(f"kept existing database {_where(engine)} (unchanged, revision {current}: {state})")
    else:
        upgrade(engine)
        click.echo(f"database {_where(engine)} is ready (revision {head_revision()})")
    click.echo(NEXT_STEPS.format(out_dir=app.config.report.out_dir), nl=False)


def starter_config(url: str) -> str:
    """The config ``tracker init`` writes: config.example.toml itself (shipped in the package), with ``url``."""
    from tracker.db import resource_file

    text = resource_file("config.example.toml").read_text(encoding="utf-8")
    header, _, rest = text.partition("\n")
    body = rest.replace('url = "sqlite:///tracker.db"', f"url = {_toml_string(url)}", 1)
    return "# tracker configuration, written by `tracker init` from config.example.toml.\n" + body


def _toml_string(value: str) -> str:
    import json

    return json.dumps(value)  # a JSON string is a valid TOML basic string


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
