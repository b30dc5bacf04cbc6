"""The feeds the tracker polls: ``tracker feeds add|edit|list|remove|resume``."""

from __future__ import annotations

import click

from tracker import clock
from tracker.cli import TABULAR, App, console, echo, echo_rows, safe

FEED_COLUMNS = ("id", "url", "name", "role", "items", "last_polled_at", "next_poll_at", "error_count",
                "last_error", "paused", "every_seconds", "last_warning")


@click.group()
def feeds() -> None:
    """Feeds the tracker polls: add, edit, list, remove, resume."""


@feeds.command("add")
@click.argument("url_or_path")
@click.option("--name", default="", help="A name to show (default: from the URL).")
@click.option("--role", type=click.Choice(["evidence", "announcements", "both"]), default="evidence", show_default=True,
              help="evidence: matched against commitments; announcements: commitments are extracted.")
@click.option("--every", default=None, metavar="DURATION", help="Poll interval, e.g. 30m, 2h, 1d (default: daemon.default_every).")
@click.pass_obj
def feeds_add(app: App, url_or_path: str, name: str, role: str, every: str | None) -> None:
    """Add a feed (http(s) URL, file:// URL or local path); it is due at once. A known URL is refused.

    Example: tracker feeds add https://news.example.org/rss.xml --role evidence --every 1h
    """
    from tracker.feedstore import add_feed

    with app.writing() as session:
        feed, _ = add_feed(session, url_or_path, name=name, role=role,
                           every=every or app.config.daemon.default_every, now=clock.now())
        click.echo(safe(f"added feed {feed.id}: {feed.name} ({feed.role}, every {_duration(feed.every_seconds)})"))


@feeds.command("edit")
@click.argument("feed")
@click.option("--name", default=None, help="A new name to show.")
@click.option("--role", type=click.Choice(["evidence", "announcements", "both"]), default=None,
              help="What the feed's items are used for.")
@click.option("--every", default=None, metavar="DURATION", help="A new poll interval, e.g. 30m, 2h, 1d.")
@click.pass_obj
def feeds_edit(app: App, feed: str, name: str | None, role: str | None, every: str | None) -> None:
    """Change a feed's name, role or poll interval (by id or URL).

    Example: tracker feeds edit 3 --every 2h
    """
    from tracker.feedstore import edit_feed

    with app.writing() as session:
        changed = edit_feed(session, feed, name=name, role=role, every=every)
        click.echo(safe(f"feed {changed.id}: {changed.name} ({changed.role}, every {_duration(changed.every_seconds)})"))


def _duration(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@feeds.command("list")
@click.option("--format", "fmt", type=TABULAR, default="table", show_default=True)
@click.pass_obj
def feeds_list(app: App, fmt: str) -> None:
    """List feeds: last and next poll, items, consecutive errors, paused or not.

    Example: tracker feeds list --format json
    """
    from rich.table import Table
    from rich.text import Text

    from tracker.feedstore import feed_views

    with app.reading() as session:
        views = feed_views(session)
    if echo_rows([v.as_json() for v in views], fmt, FEED_COLUMNS):
        return
    out = console()
    table = Table(pad_edge=False)
    for col in ("id", "name", "role", "items", "last poll", "next poll", "errors", "state"):
        table.add_column(col, overflow="fold")
    for v in views:
        state = Text("paused", style="bold red") if v.paused else Text("ok" if not v.error_count else "failing",
                                                                        style="green" if not v.error_count else "yellow")
        table.add_row(str(v.id), Text(safe(v.name)), v.role, str(v.items), (v.last_polled_at or "never")[:16],
                      (v.next_poll_at or "-")[:16], str(v.error_count), state)
    out.print(table)
    for v in views:  # below the table, one line each, cut to the terminal's width
        out.print(Text(f"{v.id}: {safe(v.url)}"), no_wrap=True, overflow="ellipsis", crop=True)
    for v in views:
        if v.last_error:
            console().print(Text(safe(f"feed {v.id}: {v.last_error}"), style="dim"))


@feeds.command("remove")
@click.argument("feed")
@click.pass_obj
def feeds_remove(app: App, feed: str) -> None:
    """Stop polling a feed and delete it (by id or URL).

    Example: tracker feeds remove 3
    """
    from tracker.feedstore import remove_feed

    with app.writing() as session:
        removed = remove_feed(session, feed)
        echo(f"removed feed {removed.id}: {removed.name}")


@feeds.command("resume")
@click.argument("feed")
@click.pass_obj
def feeds_resume(app: App, feed: str) -> None:
    """Unpause a feed that failed too often; it is polled at the next cycle.

    Example: tracker feeds resume 3
    """
    from tracker.feedstore import resume_feed

    with app.writing() as session:
        resumed = resume_feed(session, feed, clock.now())
        echo(f"resumed feed {resumed.id}: {resumed.name}")
