"""The command-line face of the tracker: the root ``tracker`` group and what its commands share.

The commands live in :mod:`tracker.commands`, one module per command group,
each a thin click face over the pipeline, store and query functions. This
module holds the root group and its global options, turns domain errors
(:class:`~tracker.errors.TrackerError`) into one line on stderr with exit
code 1 (failure) or 2 (usage) (``--debug`` shows the traceback instead), and
the output helpers the commands share.

Start-up stays short: a command's module is imported only when the command
runs or ``--help`` lists it, and those modules import the database, the feed
stack, the report and rich inside the functions that use them. So
``tracker --help`` loads click and little else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import importlib
import json
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import click

from tracker import __version__, clock
from tracker.config import DEFAULT_CONFIG_NAME, mask_secrets
from tracker.errors import InvalidValue, TrackerError, UsageError

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from tracker.config import Config
    from tracker.status import StatusRules

# Every top-level command: its name -> "module:attribute" of its click object.
COMMANDS = {
    "init": "tracker.commands.database:init",
    "db": "tracker.commands.database:db",
    "add": "tracker.commands.commitments:add",
    "list": "tracker.commands.commitments:list_cmd",
    "show": "tracker.commands.commitments:show",
    "resolve": "tracker.commands.commitments:resolve",
    "history": "tracker.commands.commitments:history",
    "edit": "tracker.commands.corrections:edit",
    "retract": "tracker.commands.corrections:retract",
    "merge": "tracker.commands.corrections:merge",
    "link": "tracker.commands.corrections:link",
    "extract": "tracker.commands.extract:extract",
    "feeds": "tracker.commands.feeds:feeds",
    "evidence": "tracker.commands.evidence:evidence",
    "review": "tracker.commands.evidence:review",
    "proposals": "tracker.commands.proposals:proposals",
    "report": "tracker.commands.report:report",
    "run": "tracker.commands.daemon:run",
    "poll": "tracker.commands.daemon:poll",
    "sweep": "tracker.commands.daemon:sweep",
    "status": "tracker.commands.daemon:status",
    "notify": "tracker.commands.daemon:notify",
}


# `tracker poll`: the cycle stored nothing and every fetch failed (documented in the README).
EXIT_ALL_FEEDS_FAILED = 3


class TrackerFailure(click.ClickException):
    """A TrackerError shown as one line with the error's own exit code."""

    def __init__(self, error: TrackerError):
        super().__init__(str(error))
        self.exit_code = error.exit_code

    def format_message(self) -> str:
        return safe(self.message)


class TrackerGroup(click.Group):
    """The root group: loads each command's module on first use and turns domain errors into one line.

    Click's lazy-group pattern ("Lazily Loading Subcommands" in its docs): the
    commands are named in :data:`COMMANDS` and imported by :meth:`get_command`.
    """

    def __init__(self, *args: Any, lazy_commands: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands and cmd_name not in self.commands:
            module, attribute = self.lazy_commands[cmd_name].split(":")
            self.add_command(with_as_of(getattr(importlib.import_module(module), attribute)), cmd_name)
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            _refuse_undecodable(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            if ctx.obj is not None and ctx.obj.render:
                ctx.obj.publish()
            return result
        except TrackerError as exc:
            if ctx.obj is not None and ctx.obj.debug:
                raise
            raise TrackerFailure(exc) from None


def _refuse_undecodable(args: list[str]) -> None:
    """Arguments must be UTF-8: Python hands other bytes over as lone surrogates, which no database,
    file or terminal accepts, so they are refused here, once, instead of failing deep inside."""
    for position, arg in enumerate(args, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise TrackerFailure(UsageError(f"argument {position} ({shown!r}) is not UTF-8: "
                                            "give every argument as UTF-8 text")) from None


class RowId(click.ParamType):
    """A row id: a whole number from 1 to 2**63-1 (the largest SQLite stores); anything else is one line, exit 2."""

    name = "ID"
    MAX = 2**63 - 1

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                number = 0
        if not 1 <= number <= self.MAX:
            what = (param.opts[0] if isinstance(param, click.Option) else param.human_readable_name) if param else "ID"
            raise TrackerFailure(InvalidValue(f"{what} {str(value)[:40]!r} is not an id: give a whole number "
                                              f"from 1 to {self.MAX}"))
        return number


ROW_ID = RowId()


class App:
    """Lazily loaded config and database for one command run."""

    def __init__(self, config_path: str | None, database_url: str | None, debug: bool):
        self.config_path = config_path
        self.database_url = database_url
        self.debug = debug
        self.render = False  # set by --render: re-render the site once the command succeeded
        self._config: Config | None = None
        self._engine: Engine | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            from tracker.config import load_config

            self._config = load_config(self.config_path, database_url=self.database_url)
        return self._config

    def engine(self, check: bool = True) -> Engine:
        """The database, refusing one whose schema does not match the code (unless check=False)."""
        if self._engine is None:
            from tracker.db import open_database

            self._engine = open_database(self.config.database.url, check=check)
        return self._engine

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session on the checked database."""
        from tracker.db import read_session

        with read_session(self.engine()) as session:
            yield session

    @contextlib.contextmanager
    def writing(self) -> Iterator[Session]:
        """A session that commits on success, on the checked database."""
        from tracker.db import write_session

        with write_session(self.engine()) as session:
            yield session

    def publish(self) -> None:
        """Re-render the status page into ``report.out_dir`` (``--render``), as `tracker report` does."""
        from tracker.pipeline import render_report

        click.echo(f"site re-rendered: {render_report(self.engine(), self.config)}")

    @property
    def rules(self) -> StatusRules:
        from tracker.stages import status_rules

        return status_rules(self.config)


# --- helpers the command modules share -------------------------------------------------


def console() -> Console:
    """Rich output with markup off: feed titles and promises may contain [brackets]."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, markup=False)


# What a terminal must never receive from stored text: C0 and C1 controls (ESC starts a sequence that
# can retitle the window or clear the screen; U+009B is a one-byte CSI) and the bidi and invisible
# format characters that make a line read differently from what it holds. Tab and newline stay.
_BIDI_AND_FORMAT = [0x061C, 0x200B, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2060, 0x2065),
                    *range(0x2066, 0x206A), 0xFEFF]
_UNSAFE = [c for c in [*range(0x20), *range(0x7F, 0xA0)] if c not in (0x09, 0x0A)] + _BIDI_AND_FORMAT
_CONTROLS: dict[int, Any] = {**dict.fromkeys(_UNSAFE), **dict.fromkeys(range(0xD800, 0xE000), "\ufffd")}


def safe(text: str) -> str:
    """Text from announcements and feeds, made harmless for a terminal.

    The one place terminal output is cleaned: controls and bidi/format characters removed, lone
    surrogates (unprintable) replaced by U+FFFD, and the password of any URL (a feed's) masked.
    """
    return mask_secrets(text.translate(_CONTROLS))


def _map_strings(data: Any, change: Callable[[str], str]) -> Any:
    if isinstance(data, str):
        return change(data)
    if isinstance(data, dict):
        return {key: _map_strings(value, change) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_map_strings(value, change) for value in data]
    return data


def safe_data(data: Any) -> Any:
    """``data`` (dicts, lists, strings) with every string passed through :func:`safe`, for text output."""
    return _map_strings(data, safe)


def echo(text: str, err: bool = False) -> None:
    """One line for the user, made safe for a terminal."""
    click.echo(safe(text), err=err)


_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in [*range(0x7F, 0xA0), *_BIDI_AND_FORMAT, *range(0xD800, 0xE000)]}


TABULAR = click.Choice(["table", "json", "csv"])  # --format of commands that print rows
TEXTUAL = click.Choice(["text", "json"])  # --format of commands that print one object or a report


def echo_rows(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...]) -> bool:
    """Print ``rows`` as JSON or CSV (``columns``, formulas neutralised); False for ``table`` (the caller draws it)."""
    if fmt == "json":
        echo_json(rows)
        return True
    if fmt == "csv":
        from tracker.serialize import csv_cell, csv_record

        click.echo(csv_record(columns) + "".join(csv_record([csv_cell(r.get(c)) for c in columns]) for r in rows),
                   nl=False)
        return True
    return False


def read_key() -> str:
    """One key press, lower-cased, for ``tracker review``; a one-line usage error without a terminal.

    ``echo q | tracker review`` used to end in a traceback from termios.
    """
    from tracker.errors import UsageError

    try:
        key = click.getchar()
    except Exception:  # noqa: BLE001 - termios.error, OSError, EOFError: no terminal to read a key from
        key = ""
    if not key:
        raise UsageError("tracker review reads single keys from a terminal: run it in one, or script it with "
                         "`tracker evidence list --pending` and `tracker evidence accept|reject ID` "
                         "(`tracker proposals list|accept|reject` for proposed commitments)")
    return key.lower()


def echo_json(data: Any) -> None:
    """Machine-readable output: indented, non-ASCII kept as is, except what a terminal would act on.

    ``json.dumps`` escapes C0 controls; C1 controls, bidi/format characters and lone surrogates are
    escaped here too (``\\u009b``), so the JSON holds the same data and a terminal shows it inertly.
    URL passwords are masked, as on the terminal.
    """
    click.echo(json.dumps(_map_strings(data, mask_secrets), indent=2, ensure_ascii=False).translate(_JSON_ESCAPES))


def _pin(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        try:
            clock.set_as_of(value)
        except TrackerError as exc:
            raise TrackerFailure(exc) from None


def as_of_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--as-of`` accepted after the command too, e.g. ``tracker list --as-of 2026-01-01``."""
    return click.option("--as-of", "as_of_local", metavar="YYYY-MM-DD", expose_value=False,
                        callback=_pin, help="Judge dates as of this day.")(func)


def with_as_of(command: click.Command) -> click.Command:
    """The command (and every subcommand) accepting ``--as-of`` after its name, like the root group does."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            with_as_of(sub)
    if not any(p.name == "as_of_local" for p in command.params):
        command.params.append(click.Option(["--as-of", "as_of_local"], metavar="YYYY-MM-DD", expose_value=False,
                                           callback=_pin, help="Pretend today is this date."))
    return command


def render_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--render``: after a change, re-render the status page into ``report.out_dir``."""

    def ask(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
        if value:
            ctx.obj.render = True

    return click.option("--render", is_flag=True, expose_value=False, callback=ask,
                        help="Re-render the status page (report.out_dir) afterwards.")(func)


def parse_date_option(value: str | None, flag: str) -> dt.date | None:
    return clock.parse_date(value, flag) if value else None


def current_user() -> str:
    """Who is deciding: the OS login name, recorded in the audit log."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "editor"


# --- the root group --------------------------------------------------------------------


@click.group(cls=TrackerGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
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


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="tracker")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
