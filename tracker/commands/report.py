"""``tracker report``: the static status page."""

from __future__ import annotations

import click

from tracker.cli import App, as_of_option


@click.command()
@click.option("--out", "out_dir", metavar="DIR", help="Where to write the site (default: report.out_dir).")
@as_of_option
@click.pass_obj
def report(app: App, out_dir: str | None) -> None:
    """Write the static status page: index, one page per commitment and actor, Atom/JSON/CSV.

    The same database and --as-of give byte-identical files. Example: tracker report --out site
    """
    from tracker.pipeline import render_report

    click.echo(render_report(app.engine(), app.config, out_dir))
