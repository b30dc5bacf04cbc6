"""Running the pipeline: ``tracker run``, ``poll``, ``sweep``, ``status`` and ``notify``.

``run`` is the daemon; ``poll`` and ``sweep`` are one step of it each (for
cron); ``status`` reads the daemon's health from the database.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

import click

from tracker import clock
from tracker.cli import (EXIT_ALL_FEEDS_FAILED, TEXTUAL, App, TrackerFailure, as_of_option, echo, echo_json,
                         render_option, safe_data)
from tracker.errors import TrackerError


@click.command()
@click.option("--all", "every_feed", is_flag=True, help="Poll every feed, not only those that are due.")
@as_of_option
@render_option
@click.pass_obj
def poll(app: App, every_feed: bool) -> None:
    """Run one polling cycle now (the daemon's tick; use it from cron instead of `tracker run`).

    Exits 3 when every fetch failed and nothing was stored. Example: tracker poll --all
    """
    from tracker.pipeline import poll as poll_cycle
    from tracker.pipeline import prepare

    engine = app.engine()
    prepare(engine, app.config)
    with _progress() as on_feed:
        summary = poll_cycle(engine, app.config, every_feed=every_feed, on_feed=on_feed)
    for line in summary.errors + summary.warnings:
        echo(line, err=True)
    echo(summary.line())
    _notify_quietly(app)
    if summary.every_fetch_failed():
        echo(f"every fetch failed and nothing was stored: see `tracker feeds list` (exit {EXIT_ALL_FEEDS_FAILED})",
             err=True)
        sys.exit(EXIT_ALL_FEEDS_FAILED)


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[str, str], None] | None]:
    """A progress bar on a terminal, nothing when piped."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} feeds"),
                  console=Console(stderr=True, markup=False), transient=True) as bar:
        task = bar.add_task("polling", total=None)
        yield lambda feed, label: bar.update(task, advance=1, description=f"feed {feed}: {label}")


@click.command()
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
    import logging

    from tracker.config import mask_secrets

    class MaskingFormatter(logging.Formatter):
        """Every line (tracebacks too) with URL passwords masked: a feed URL may carry one."""

        def format(self, record: logging.LogRecord) -> str:
            return mask_secrets(super().format(record))

    handler = logging.FileHandler(path, encoding="utf-8") if path else logging.StreamHandler(sys.stderr)
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)


@click.command()
@click.option("--format", "fmt", type=TEXTUAL, default="text", show_default=True)
@click.pass_obj
def status(app: App, fmt: str) -> None:
    """Daemon health from the database: last cycle, paused feeds, silent feeds.

    Example: tracker status
    """
    from tracker.health import health_report

    engine = app.engine()
    with app.reading() as session:
        report = health_report(session, engine, app.config, clock.now())
    if fmt == "json":
        echo_json(report)
        return
    for line in _health_lines(safe_data(report)):
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


@click.command()
@as_of_option
@render_option
@click.pass_obj
def sweep(app: App) -> None:
    """Move date-driven statuses (due soon, overdue, broken) and record the changes.

    The daemon runs this daily; run it from cron if you do not run the daemon.
    Example: tracker sweep
    """
    from tracker import store

    with app.writing() as session:
        changes = store.sweep(session, clock.today(), app.rules)
        for ch in changes:
            echo(f"commitment {ch.commitment_id}: {ch.from_status} -> {ch.to_status} ({ch.reason})")
    click.echo(f"{len(changes)} status change(s) as of {clock.today()}")
    _notify_quietly(app)


@click.command()
@click.option("--digest", is_flag=True, help="Also send the digest of proposals waiting in `tracker review`.")
@as_of_option
@click.pass_obj
def notify(app: App, digest: bool) -> None:
    """Send status changes not sent yet to the Apprise URLs in [notify] (each change once).

    `tracker poll`, `tracker sweep` and the daemon do this by themselves; the daemon also sends
    the digest of waiting proposals after its daily sweep. Example: tracker notify --digest
    """
    from tracker.notify import notify_pending, send_digest

    if digest:
        sent = send_digest(app.engine(), app.config)
        click.echo({None: "digest: nothing waits for review (or no [notify] urls)", True: "digest: sent",
                    False: "digest: sending failed"}[sent])

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
