"""Helpers to run the CLI in-process (CliRunner) or as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import click
from click.testing import CliRunner, Result

from tracker.cli import cli


def run(*args: str, db: str | None = None, input: str | None = None, env: dict | None = None) -> Result:
    """Invoke ``tracker ARGS`` in-process against database ``db``."""
    full = (["--database-url", db] if db else []) + list(args)
    return CliRunner().invoke(cli, full, input=input, env=env, catch_exceptions=False)


def ok(*args: str, db: str | None = None, **kw) -> str:
    """Run and assert success; return the output."""
    result = run(*args, db=db, **kw)
    assert result.exit_code == 0, result.output
    return result.output


def run_process(*args: str, cwd=None, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run ``python -m tracker ARGS`` as a real process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "tracker", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


def command_paths(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and subcommand as a path, e.g. ("feeds", "add"), loading lazy ones as click does."""
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from command_paths(command, prefix + (name,))
