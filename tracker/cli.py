"""The command-line face of the tracker: the only module that prints or exits.

Each command is a short function over the pipeline, store and query
functions. Domain errors (:class:`~tracker.errors.TrackerError`) become one
line on stderr and exit code 1 (failure) or 2 (usage); ``--debug`` shows
the traceback instead.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import getpass
import io
import json
import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import Engine

from tracker import __version__, clock
from tracker.config import DEFAULT_CONFIG_NAME, Config, load_config, mask_url
from tracker.db import current_revision, head_revision, open_database, read_session, sqlite_path, upgrade
from tracker.db import write_session
from tracker.errors import InvalidValue, TrackerError, UsageError
from tracker.models import MANUAL_STATUSES
from tracker.serialize import commitment_detail, commitment_summary
from tracker.status import StatusRules

STATUS_STYLE = {
    "kept": "bold green", "kept_late": "green", "partially_kept": "yellow", "pending": "cyan",
    "due_soon": "bold cyan", "delayed": "yellow", "overdue": "bold red", "broken": "red",
    "withdrawn": "magenta", "unverifiable": "dim", "no_deadline": "blue",
}


class TrackerFailure(click.ClickException):
    """A TrackerError shown as one line with the error's own exit code."""

    def __init__(self, error: TrackerError):
        super().__init__(str(error))
        self.exit_code = error.exit_code

    def format_message(self) -> str:
        return self.message


class TrackerGroup(click.Group):
    """Turns domain errors into one-line messages (or tracebacks under --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as exc:
            if ctx.obj is not None and ctx.obj.debug:
                raise
            raise TrackerFailure(exc) from None


class App:
    """Lazily loaded config and database for one command run."""

    def __init__(self, config_path: str | None, database_url: str | None, debug: bool):
        self.config_path = config_path
        self.database_url = database_url
        self.debug = debug
        self._config: Config | None = None
        self._engine: Engine | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path, database_url=self.database_url)
        return self._config

    def engine(self, check: bool = True) -> Engine:
        """The database, refusing one whose schema does not match the code (unless check=False)."""
        if self._engine is None:
            self._engine = open_database(self.config.database.url, check=check)
        return self._engine

    @property
    def rules(self) -> StatusRules:
        from tracker.pipeline import status_rules

        return status_rules(self.config)


def console() -> Console:
    """Rich output with markup off: feed titles and promises may contain [brackets]."""
    return Console(highlight=False, soft_wrap=False, markup=False)


def as_of_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--as-of`` accepted after the command too, e.g. ``tracker list --as-of 2026-01-01``."""

    def pin(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
        if value:
            clock.set_as_of(value)

    return click.option("--as-of", "as_of_local", metavar="YYYY-MM-DD", expose_value=False,
                        callback=pin, help="Judge dates as of this day.")(func)


def parse_date_option(value: str | None, flag: str) -> dt.date | None:
    return clock.parse_date(value, flag) if value else None


@click.group(cls=TrackerGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", metavar="PATH", help=f"Config file (default: ./{DEFAULT_CONFIG_NAME}, or TRACKER_CONFIG).")
@click.option("--database-url", metavar="URL", help="Database URL (overrides TRACKER_DATABASE_URL and the config).")
@click.option("--as-of", metavar="YYYY-MM-DD", help="Pretend today is this date (also TRACKER_NOW).")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(__version__, prog_name="tracker")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, database_url: str | None, as_of: str | None, debug: bool) -> None:
    """Track public promises with deadlines and whether they were kept."""
    ctx.obj = App(config_path, database_url, debug)
    clock.set_as_of(None)
    try:
        clock.set_as_of(as_of) if as_of else clock.pin_from_env()
    except TrackerError as exc:
        raise TrackerFailure(exc) from None


# --- setup -------------------------------------------------------------------------


STARTER_CONFIG = """\
# tracker configuration: see config.example.toml for every key with its meaning.
[database]
url = "{url}"

[status]
due_soon_days = 30
grace_days = 30
"""


@cli.command()
@click.option("--force", is_flag=True, help="Overwrite an existing config file.")
@click.pass_obj
def init(app: App, force: bool) -> None:
    """Write a starter config and create the database.

    Example: tracker init
    """
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
    return sqlite_path(engine) or mask_url(str(engine.url))


@cli.group()
def db() -> None:
    """Database schema: upgrade and inspect."""


@db.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@click.pass_obj
def db_upgrade(app: App, revision: str) -> None:
    """Apply the schema migrations.

    Example: tracker db upgrade
    """
    engine = app.engine(check=False)
    before = current_revision(engine)
    upgrade(engine, revision)
    after = current_revision(engine)
    click.echo(f"{_where(engine)}: {before or 'empty'} -> {after}" if before != after
               else f"{_where(engine)}: already at {after}")


@db.command("current")
@click.pass_obj
def db_current(app: App) -> None:
    """Show the database's schema revision and the code's.

    Example: tracker db current
    """
    engine = app.engine(check=False)
    current, head = current_revision(engine), head_revision()
    state = "up to date" if current == head else "needs `tracker db upgrade`" if current else "not initialised"
    click.echo(f"database {_where(engine)}: revision {current or '-'}; code: {head} ({state})")


# --- commitments ---------------------------------------------------------------------


@cli.command()
@click.option("--actor", required=True, help="Who made the promise.")
@click.option("--text", "what", required=True, help="What was promised (verb + object).")
@click.option("--due", metavar="YYYY-MM-DD", help="Last on-time day.")
@click.option("--deadline", metavar="PHRASE", help='Deadline phrase, e.g. "by the end of 2026".')
@click.option("--source", metavar="URL", help="Where the promise was made.")
@click.option("--quote", help="The exact words of the promise.")
@click.option("--stated", metavar="YYYY-MM-DD", help="When the promise was made (default: today).")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for several.")
@click.option("--negated", is_flag=True, help="A promise NOT to do something within the window.")
@as_of_option
@click.pass_obj
def add(app: App, actor: str, what: str, due: str | None, deadline: str | None, source: str | None,
        quote: str | None, stated: str | None, tags: tuple[str, ...], negated: bool) -> None:
    """Add a commitment by hand.

    Example: tracker add --actor "City Council" --text "open the new library" --deadline "by spring 2027"
    """
    from tracker.intake import add_manual

    if due and deadline:
        raise InvalidValue("give either --due or --deadline, not both")
    stated_on = parse_date_option(stated, "--stated") or clock.today()
    with write_session(app.engine()) as session:
        row = add_manual(session, app.config, actor=actor, what=what, due=parse_date_option(due, "--due"),
                         deadline=deadline, source_url=source, quote=quote, stated_on=stated_on,
                         tags=tags, negated=negated, by=_user(), today=clock.today(), rules=app.rules)
        due_text = f", due {row.due_latest}" if row.due_latest else ", no deadline"
        click.echo(f"added commitment {row.id}: {row.actor.name} will {row.what}{due_text} [{row.status}]")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "editor"


@cli.command("list")
@click.option("--status", "statuses", multiple=True, metavar="STATUS", help="Only these statuses (repeatable).")
@click.option("--actor", help="Only this actor (name or alias).")
@click.option("--due-before", metavar="YYYY-MM-DD", help="Only deadlines before this day.")
@click.option("--overdue", is_flag=True, help="Only overdue or broken-by-date commitments.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@as_of_option
@click.pass_obj
def list_cmd(app: App, statuses: tuple[str, ...], actor: str | None, due_before: str | None,
             overdue: bool, fmt: str) -> None:
    """List commitments with their status as of today (or --as-of).

    Example: tracker list --status overdue --format json
    """
    from tracker.models import ALL_STATUSES
    from tracker.queries import list_commitments

    for status in statuses:
        if status not in ALL_STATUSES:
            raise InvalidValue(f"invalid status {status!r}: use one of {', '.join(ALL_STATUSES)}")
    today = clock.today()
    with read_session(app.engine()) as session:
        rows = [commitment_summary(c, today, app.rules) for c in list_commitments(
            session, actor=actor, due_before=parse_date_option(due_before, "--due-before"))]
    if statuses:
        rows = [r for r in rows if r["status"] in statuses]
    if overdue:
        rows = [r for r in rows if r["days_left"] is not None and r["days_left"] < 0
                and r["status"] in ("overdue", "broken")]
    _print_rows(rows, fmt)


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(_csv(rows), nl=False)
    else:
        _table(rows)


CSV_COLUMNS = ("id", "actor", "what", "deadline_phrase", "due_earliest", "due_latest", "status",
               "status_reason", "confidence", "quote")


def _csv(rows: list[dict[str, Any]]) -> str:
    from tracker.serialize import csv_cell

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(row[col]) for col in CSV_COLUMNS])
    return out.getvalue()


def _table(rows: list[dict[str, Any]]) -> None:
    out = console()
    if not rows:
        out.print("no commitments match: add one with `tracker add` or `tracker extract FILE --save`")
        return
    table = Table(show_lines=False, expand=False, pad_edge=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("actor", overflow="fold", max_width=24)
    table.add_column("commitment", overflow="fold", ratio=3)
    table.add_column("due", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("days", justify="right", no_wrap=True)
    for r in rows:
        table.add_row(str(r["id"]), r["actor"], r["what"], r["due_latest"] or "-",
                      Text(r["status"], style=STATUS_STYLE.get(r["status"], "")), _days(r))
    out.print(table)
    out.print(f"{len(rows)} commitment(s) as of {clock.today()}")


def _days(row: dict[str, Any]) -> str:
    """Days left for open promises, days late for missed ones, nothing once decided."""
    days, status = row["days_left"], row["status"]
    if days is None:
        return ""
    if status in ("pending", "due_soon", "delayed"):
        return f"{days} left"
    if status in ("overdue", "broken") and days < 0:
        return f"{-days} late"
    return ""


@cli.command()
@click.argument("commitment_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@as_of_option
@click.pass_obj
def show(app: App, commitment_id: int, fmt: str) -> None:
    """Show one commitment: sources, deadline, evidence and status history.

    Example: tracker show 3
    """
    from tracker.queries import get_commitment

    from tracker.queries import search_feed_urls

    with read_session(app.engine()) as session:
        data = commitment_detail(get_commitment(session, commitment_id), clock.today(), app.rules)
        data["search_urls"] = search_feed_urls(session, commitment_id)
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _show_text(data)


def _show_text(d: dict[str, Any]) -> None:
    out = console()
    out.print(Text.assemble((f"#{d['id']} ", "bold"), (d["actor"], "bold"), f" — {d['what']}"))
    if d["quote"]:
        out.print(Text(f"  “{d['quote']}”", style="italic"))
    window = f"{d['due_earliest'] or '?'} .. {d['due_latest']}" if d["due_latest"] else "no deadline"
    phrase = f" ({d['deadline_phrase']})" if d["deadline_phrase"] else ""
    out.print(f"  deadline: {window}{phrase}" + (f" — {d['deadline_rule']}" if d["deadline_rule"] else ""))
    out.print(Text.assemble("  status: ", (d["status"], STATUS_STYLE.get(d["status"], "")), f" — {d['status_reason']}"))
    if d["negated"] or d["conditional"]:
        out.print("  flags: " + ", ".join(f for f in ("negated", "conditional") if d[f]))
    if d["search_query"]:
        out.print(Text(f"  search query: {d['search_query']}"))
    for url in d.get("search_urls", []):
        out.print(Text(f"  search feed: {url}"))
    _show_section(out, "sources", [f"{s['published'] or '?'}  {s['title'] or s['publisher'] or ''} {s['url'] or ''}".rstrip()
                                   for s in d["sources"]])
    _show_section(out, "deadline revisions", [f"{r['revised_on']}  {r['old_due_latest']} -> {r['new_due_latest']}"
                                              f" ({r['new_phrase'] or ''})" for r in d["deadline_revisions"]])
    _show_section(out, "evidence", [f"{e['date'] or '?'}  {e['kind']} {e['score']:.2f} [{e['state']}] "
                                    f"{e['title'] or ''} {e['url'] or ''}" for e in d["evidence"]
                                    if e["state"] != "discarded"])
    _show_section(out, "history", [_history_line(h) for h in d["history"]])


def _show_section(out: Console, title: str, lines: list[str]) -> None:
    if lines:
        out.print(f"  {title}:")
        for line in lines:
            out.print(Text(f"    {line}"))


def _history_line(h: dict[str, Any]) -> str:
    note = f" — note: {h['note']}" if h["note"] and h["source"] != "auto" else ""
    return f"{h['effective_on']}  {h['from'] or 'new'} -> {h['to']}  by {h['by']} ({h['source']}): {h['reason']}{note}"


@cli.command()
@click.argument("commitment_id", type=int)
@click.option("--status", type=click.Choice(MANUAL_STATUSES), help="The outcome you decided.")
@click.option("--evidence", "evidence_url", metavar="URL", help="Link that proves it.")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="When it happened (default: today).")
@click.option("--note", help="Why you decided so.")
@click.option("--by", help="Your name (default: your OS user).")
@click.option("--undo", is_flag=True, help="Revert the last manual change (itself recorded).")
@as_of_option
@click.pass_obj
def resolve(app: App, commitment_id: int, status: str | None, evidence_url: str | None, on: str | None,
            note: str | None, by: str | None, undo: bool) -> None:
    """Record an editor's decision; automation never overwrites it.

    Example: tracker resolve 3 --status kept --date 2026-05-02 --evidence https://example.org/news
    """
    from tracker import store

    if undo == bool(status):
        raise UsageError("give --status STATUS to decide, or --undo to revert the last decision")
    if evidence_url and not evidence_url.startswith(("http://", "https://")):
        raise InvalidValue(f"--evidence {evidence_url!r} is not an http(s) URL")
    who = by or _user()
    with write_session(app.engine()) as session:
        if undo:
            change = store.undo(session, commitment_id, by=who, today=clock.today(), rules=app.rules)
            click.echo(f"commitment {commitment_id}: {change.reason}; status is now {change.commitment.status}")
            return
        day = parse_date_option(on, "--date") or clock.today()
        result = store.resolve(session, commitment_id, status, on=day, by=who, note=note, evidence_url=evidence_url)
    msg = f"commitment {commitment_id}: {result.change.from_status} -> {result.change.to_status}"
    if result.adjusted_from:
        msg += f" (recorded as {result.change.to_status}, not {result.adjusted_from}: {result.change.reason})"
    click.echo(msg)


@cli.command()
@click.argument("commitment_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def history(app: App, commitment_id: int, fmt: str) -> None:
    """Show the full audit log of one commitment's status.

    Example: tracker history 3
    """
    from tracker.queries import get_commitment
    from tracker.serialize import change_dict

    with read_session(app.engine()) as session:
        changes = [change_dict(c) for c in get_commitment(session, commitment_id).changes]
    if fmt == "json":
        click.echo(json.dumps(changes, indent=2, ensure_ascii=False))
        return
    for h in changes:
        click.echo(_history_line(h) + f"  [recorded {h['recorded_at'][:19]}]")


@cli.command()
@click.argument("source")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date (default: page/file metadata, else today).")
@click.option("--actor", "default_actor", metavar="NAME", help="Actor for texts that never name one.")
@click.option("--save", is_flag=True, help="Store the announcement and its commitments.")
@click.option("--include-conditional", is_flag=True, help="Also list promises that hang on a condition.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@as_of_option
@click.pass_obj
def extract(app: App, source: str, published: str | None, default_actor: str | None, save: bool,
            include_conditional: bool, fmt: str) -> None:
    """Find the commitments in an announcement: a text file, '-' for stdin, or an http(s) URL.

    Previews by default; --save stores them (the same text twice adds nothing).
    Example: tracker extract examples/announcements/2025-03-04-glasswing-transit.txt --save
    """
    from tracker.pipeline import extract_source

    result, src, day = extract_source(source, app.config, published=parse_date_option(published, "--published"),
                                      default_actor=default_actor, include_conditional=include_conditional)
    found = result.commitments
    if fmt == "json":
        click.echo(json.dumps([extracted_dict(c) for c in found], indent=2, ensure_ascii=False))
    else:
        _extraction_table(found, src.label, day)
    if save:
        _save_extraction(app, src, result, day, to_stderr=fmt == "json")


def extracted_dict(c: Any) -> dict[str, Any]:
    """The JSON object of one extracted commitment (documented in the README)."""
    return {
        "actor": c.actor, "actor_aliases": list(c.actor_aliases), "what": c.what, "quote": c.quote,
        "deadline_phrase": c.deadline_phrase,
        "due_earliest": c.due_earliest.isoformat() if c.due_earliest else None,
        "due_latest": c.due_latest.isoformat() if c.due_latest else None,
        "confidence": round(c.confidence, 3), "conditional": c.conditional, "negated": c.negated,
    }


def _extraction_table(found: list[Any], label: str, day: dt.date) -> None:
    out = console()
    if not found:
        out.print(f"{label}: no commitments found (published {day})")
        return
    table = Table(pad_edge=False, show_lines=True)
    for name in ("actor", "commitment", "deadline", "due window", "conf."):
        table.add_column(name, overflow="fold")
    for c in found:
        window = f"{c.due_earliest or '?'} .. {c.due_latest}" if c.due_latest else "no deadline"
        flags = "".join(f" [{f}]" for f in ("negated", "conditional") if getattr(c, f))
        table.add_row(c.actor or "?", Text(f"{c.what}{flags}\n") + Text(f"“{c.quote}”", style="italic dim"),
                      c.deadline_phrase or "-", window, f"{c.confidence:.2f}")
    out.print(table)
    out.print(f"{len(found)} commitment(s) in {label} (published {day})")


def _save_extraction(app: App, src: Any, found: list[Any], day: dt.date, *, to_stderr: bool = False) -> None:
    """Store what was found; the summary goes to stderr when stdout carries JSON."""
    from tracker.intake import save_extraction

    with write_session(app.engine()) as session:
        result = save_extraction(session, src, found.commitments, published=day, by=_user(), today=clock.today(),
                                 rules=app.rules, proposals=found.proposals)
        if result.duplicate:
            click.echo(f"already saved as announcement {result.announcement.id}: nothing added", err=to_stderr)
            return
        click.echo(f"saved announcement {result.announcement.id}: {len(result.created)} new commitment(s), "
                   f"{len(result.linked)} linked to existing, {len(result.revisions)} deadline revision(s), "
                   f"{len(result.proposed)} proposed for review (`tracker review`)", err=to_stderr)
        if result.skipped_no_actor:
            click.echo(f"skipped {result.skipped_no_actor} commitment(s) with no actor: give --actor NAME",
                       err=to_stderr)


@cli.command()
@as_of_option
@click.pass_obj
def sweep(app: App) -> None:
    """Move date-driven statuses (due soon, overdue, broken) and record the changes.

    The daemon runs this daily; run it from cron if you do not run the daemon.
    Example: tracker sweep
    """
    from tracker import store

    with write_session(app.engine()) as session:
        changes = store.sweep(session, clock.today(), app.rules)
        for ch in changes:
            click.echo(f"commitment {ch.commitment_id}: {ch.from_status} -> {ch.to_status} ({ch.reason})")
    click.echo(f"{len(changes)} status change(s) as of {clock.today()}")
    _notify_quietly(app)


# --- feeds and polling -----------------------------------------------------------------


@cli.group()
def feeds() -> None:
    """Feeds the tracker polls: add, list, remove, resume."""


@feeds.command("add")
@click.argument("url_or_path")
@click.option("--name", default="", help="A name to show (default: from the URL).")
@click.option("--role", type=click.Choice(["evidence", "announcements", "both"]), default="evidence", show_default=True,
              help="evidence: matched against commitments; announcements: commitments are extracted.")
@click.option("--every", default=None, metavar="DURATION", help="Poll interval, e.g. 30m, 2h, 1d (default: daemon.default_every).")
@click.pass_obj
def feeds_add(app: App, url_or_path: str, name: str, role: str, every: str | None) -> None:
    """Add a feed (http(s) URL, file:// URL or local path); it is due at once.

    Example: tracker feeds add https://news.example.org/rss.xml --role evidence --every 1h
    """
    from tracker.feedstore import add_feed

    with write_session(app.engine()) as session:
        feed, created = add_feed(session, url_or_path, name=name, role=role,
                                 every=every or app.config.daemon.default_every, now=clock.now())
        click.echo(f"{'added' if created else 'updated'} feed {feed.id}: {feed.name} ({feed.role}, every "
                   f"{_duration(feed.every_seconds)})")


def _duration(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@feeds.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def feeds_list(app: App, fmt: str) -> None:
    """List feeds: last and next poll, items, consecutive errors, paused or not.

    Example: tracker feeds list --format json
    """
    from tracker.feedstore import feed_views

    with read_session(app.engine()) as session:
        views = feed_views(session)
    if fmt == "json":
        click.echo(json.dumps([v.as_json() for v in views], indent=2, ensure_ascii=False))
        return
    table = Table(pad_edge=False)
    for col in ("id", "name", "role", "items", "last poll", "next poll", "errors", "state"):
        table.add_column(col, overflow="fold")
    for v in views:
        state = Text("paused", style="bold red") if v.paused else Text("ok" if not v.error_count else "failing",
                                                                        style="green" if not v.error_count else "yellow")
        table.add_row(str(v.id), v.name, v.role, str(v.items), (v.last_polled_at or "never")[:16],
                      (v.next_poll_at or "-")[:16], str(v.error_count), state)
    console().print(table)
    for v in views:
        if v.last_error:
            console().print(Text(f"feed {v.id}: {v.last_error}", style="dim"))


@feeds.command("remove")
@click.argument("feed")
@click.pass_obj
def feeds_remove(app: App, feed: str) -> None:
    """Stop polling a feed and delete it (by id or URL).

    Example: tracker feeds remove 3
    """
    from tracker.feedstore import remove_feed

    with write_session(app.engine()) as session:
        removed = remove_feed(session, feed)
        click.echo(f"removed feed {removed.id}: {removed.name}")


@feeds.command("resume")
@click.argument("feed")
@click.pass_obj
def feeds_resume(app: App, feed: str) -> None:
    """Unpause a feed that failed too often; it is polled at the next cycle.

    Example: tracker feeds resume 3
    """
    from tracker.feedstore import resume_feed

    with write_session(app.engine()) as session:
        resumed = resume_feed(session, feed, clock.now())
        click.echo(f"resumed feed {resumed.id}: {resumed.name}")


@cli.command()
@click.option("--all", "every_feed", is_flag=True, help="Poll every feed, not only those that are due.")
@as_of_option
@click.pass_obj
def poll(app: App, every_feed: bool) -> None:
    """Run one polling cycle now (the daemon's tick; use it from cron instead of `tracker run`).

    Example: tracker poll --all
    """
    from tracker.pipeline import poll as poll_cycle
    from tracker.pipeline import prepare

    engine = app.engine()
    prepare(engine, app.config)
    with _progress() as on_feed:
        summary = poll_cycle(engine, app.config, every_feed=every_feed, on_feed=on_feed)
    for line in summary.errors + summary.warnings:
        click.echo(line, err=True)
    click.echo(summary.line())
    _notify_quietly(app)


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[str, str], None] | None]:
    """A progress bar on a terminal, nothing when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} feeds"),
                  console=Console(stderr=True, markup=False), transient=True) as bar:
        task = bar.add_task("polling", total=None)
        yield lambda feed, label: bar.update(task, advance=1, description=f"feed {feed}: {label}")


@cli.command()
@click.option("--log-file", metavar="PATH", help="Log here instead of stderr (overrides daemon.log_file).")
@click.pass_obj
def run(app: App, log_file: str | None) -> None:
    """Run the daemon: poll due feeds every tick, sweep deadlines daily, re-render after changes.

    Stops gracefully on SIGTERM/SIGINT. Example: tracker run
    """
    from tracker import daemon

    _setup_logging(log_file or app.config.daemon.log_file, app.config.daemon.log_level)
    daemon.run(app.engine(), app.config)


def _setup_logging(path: str, level: str) -> None:
    handler = logging.FileHandler(path, encoding="utf-8") if path else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def status(app: App, fmt: str) -> None:
    """Daemon health from the database: last cycle, paused feeds, silent feeds.

    Example: tracker status
    """
    from tracker.health import health_report

    engine = app.engine()
    with read_session(engine) as session:
        report = health_report(session, engine, app.config, clock.now())
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for line in _health_lines(report):
        click.echo(line)


def _health_lines(r: dict[str, Any]) -> list[str]:
    last = r["last_cycle"]
    lines = [f"daemon: {'running' if r['daemon_running'] else 'not running'}"]
    if last:
        lines.append(f"last cycle: {last['started_at'][:19]} ({last['duration_s']:.1f}s): {last['fetched']} fetched, "
                     f"{last['not_modified']} not modified, {last['failed']} failed, {last['new_items']} new items")
        lines += [f"  error: {e}" for e in last["errors"]]
    else:
        lines.append("last cycle: never (run `tracker poll` or `tracker run`)")
    lines.append(f"feeds: {r['feeds']} total, {len(r['paused'])} paused, {len(r['silent'])} silent")
    lines += [f"  paused: feed {f['id']} {f['name']}: {f['last_error']} (`tracker feeds resume {f['id']}`)"
              for f in r["paused"]]
    lines += [f"  silent: feed {f['id']} {f['name']}: no new item since {f['since']}" for f in r["silent"]]
    for job in r["jobs"]:
        lines.append(f"next {job['id']}: {job['next_run_at'] or 'paused'}")
    return lines


# --- evidence and review ---------------------------------------------------------------


@cli.group()
def evidence() -> None:
    """Evidence found in feeds: list, accept, reject (for scripts; `tracker review` is interactive)."""


@evidence.command("list")
@click.option("--pending", is_flag=True, help="Only evidence waiting for a decision.")
@click.option("--commitment", "commitment_id", type=int, help="Only evidence for this commitment.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def evidence_list(app: App, pending: bool, commitment_id: int | None, fmt: str) -> None:
    """List evidence (discarded low scores are counted, not listed).

    Example: tracker evidence list --pending
    """
    from tracker.evidence import pending_evidence
    from tracker.serialize import evidence_dict

    with read_session(app.engine()) as session:
        rows = [{**evidence_dict(e), "commitment_id": e.commitment_id}
                for e in pending_evidence(session, commitment_id=commitment_id, pending_only=pending)]
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        click.echo("no evidence waiting for review" if pending else "no evidence yet: run `tracker poll`")
        return
    table = Table(pad_edge=False)
    for col in ("id", "commitment", "kind", "score", "state", "date", "title"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(str(r["id"]), str(r["commitment_id"]), r["kind"], f"{r['score']:.2f}", r["state"],
                      r["date"] or "", Text(r["title"] or r["url"] or ""))
    console().print(table)


def _decide(app: App, evidence_id: int, accept: bool, kind: str | None = None) -> str:
    from tracker.evidence import decide

    with write_session(app.engine()) as session:
        ev = decide(session, evidence_id, accept=accept, by=_user(), today=clock.today(), rules=app.rules, kind=kind)
        return (f"evidence {ev.id} {ev.state} ({ev.kind}); commitment {ev.commitment_id} is "
                f"{ev.commitment.status}")


@evidence.command("accept")
@click.argument("evidence_id", type=int)
@click.option("--kind", type=click.Choice(["fulfilment", "progress", "delay", "cancellation", "mention"]),
              help="Correct what the item says.")
@as_of_option
@click.pass_obj
def evidence_accept(app: App, evidence_id: int, kind: str | None) -> None:
    """Accept evidence; the commitment's status follows from it.

    Example: tracker evidence accept 12 --kind fulfilment
    """
    click.echo(_decide(app, evidence_id, True, kind))


@evidence.command("reject")
@click.argument("evidence_id", type=int)
@as_of_option
@click.pass_obj
def evidence_reject(app: App, evidence_id: int) -> None:
    """Reject evidence; the item is never proposed again for that commitment.

    Example: tracker evidence reject 12
    """
    click.echo(_decide(app, evidence_id, False))


@cli.command()
@click.option("--stale", is_flag=True, help="List open commitments with no evidence for status.stale_days.")
@as_of_option
@click.pass_obj
def review(app: App, stale: bool) -> None:
    """Review proposed evidence one by one: [a]ccept [r]eject [s]kip [o]pen link [k]ind [q]uit.

    Works over SSH: single keys, no mouse. Example: tracker review
    """
    if stale:
        _review_stale(app)
        return
    from tracker.evidence import pending_evidence

    with read_session(app.engine()) as session:
        ids = [e.id for e in pending_evidence(session)]
    if not ids:
        click.echo("nothing to review: no proposed evidence")
        return
    done = 0
    for position, evidence_id in enumerate(ids, 1):
        action = _review_one(app, evidence_id, position, len(ids))
        if action == "quit":
            break
        done += action in ("accepted", "rejected")
    click.echo(f"reviewed {done} of {len(ids)}")


def _review_one(app: App, evidence_id: int, position: int, total: int) -> str:
    from tracker.review import render_card

    with read_session(app.engine()) as session:
        from tracker.evidence import get_evidence

        ev = get_evidence(session, evidence_id)
        if ev.state != "proposed":
            return "skipped"
        card, link = render_card(ev, position, total), ev.url
    out = console()
    out.print(card)
    while True:
        out.print("[a]ccept  [r]eject  [s]kip  [o]pen link  [k]ind  [q]uit ? ", end="")
        key = click.getchar().lower()
        out.print(key)
        if key == "a":
            click.echo(_decide(app, evidence_id, True))
            return "accepted"
        if key == "r":
            click.echo(_decide(app, evidence_id, False))
            return "rejected"
        if key == "s":
            return "skipped"
        if key == "q":
            return "quit"
        if key == "o":
            _open_link(link)
        if key == "k":
            kind = click.prompt("kind", type=click.Choice(["fulfilment", "progress", "delay", "cancellation", "mention"]))
            click.echo(_decide(app, evidence_id, True, kind))
            return "accepted"


def _open_link(link: str | None) -> None:
    """Open in a browser when there is one; over SSH, print the link to copy."""
    if not link or not link.startswith(("http://", "https://")):
        click.echo("no http(s) link for this item")
        return
    import webbrowser

    opened = False
    try:
        opened = webbrowser.open(link)
    except Exception:  # noqa: BLE001 - no browser is not an error
        opened = False
    click.echo(link if not opened else f"opened {link}")


def _review_stale(app: App) -> None:
    from tracker.evidence import stale_commitments

    days = app.config.status.stale_days
    with read_session(app.engine()) as session:
        rows = [(c.id, c.actor.name, c.what, last) for c, last in stale_commitments(session, clock.today(), days)]
    if not rows:
        click.echo(f"no open commitment has gone {days} days without evidence")
        return
    for cid, actor, what, last in rows:
        click.echo(f"{cid}: {actor}: {what} — last evidence {last or 'never'}")
    click.echo(f"{len(rows)} commitment(s) with no evidence for {days} days: check them by hand")


@cli.command()
@click.option("--out", "out_dir", metavar="DIR", help="Where to write the site (default: report.out_dir).")
@as_of_option
@click.pass_obj
def report(app: App, out_dir: str | None) -> None:
    """Write the static status page: index, one page per commitment and actor, Atom/JSON/CSV.

    The same database and --as-of give byte-identical files. Example: tracker report --out site
    """
    from tracker.pipeline import render_report

    click.echo(render_report(app.engine(), app.config, out_dir))


@cli.command()
@as_of_option
@click.pass_obj
def notify(app: App) -> None:
    """Send status changes not sent yet to the Apprise URLs in [notify] (each change once).

    `tracker poll`, `tracker sweep` and the daemon do this by themselves. Example: tracker notify
    """
    from tracker.notify import notify_pending

    result = notify_pending(app.engine(), app.config, clock.now())
    click.echo(f"notifications: {result.sent} sent, {result.skipped} skipped (too old), {result.failed} failed")
    if result.failed:
        raise TrackerFailure(TrackerError("some notifications failed: check [notify] urls; they are retried next run"))


def _notify_quietly(app: App) -> None:
    """After poll/sweep: send notifications, reporting failures without failing the command."""
    from tracker.notify import notify_pending

    if app.config.notify.urls:
        result = notify_pending(app.engine(), app.config, clock.now())
        if result.sent or result.failed:
            click.echo(f"notifications: {result.sent} sent, {result.failed} failed", err=bool(result.failed))


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="tracker")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
