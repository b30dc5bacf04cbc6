"""``tracker extract``: the commitments in one announcement, previewed or saved.

A preview touches no database: it imports the extractor and the source
readers only (:mod:`tracker.stages`), and the database only with ``--save``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from tracker import clock
from tracker.cli import TABULAR, App, as_of_option, console, current_user, echo_json, echo_rows, parse_date_option, safe

EXTRACTED_COLUMNS = ("actor", "actor_aliases", "what", "quote", "deadline_phrase", "due_earliest", "due_latest",
                     "confidence", "conditional", "negated", "proposed", "doubts")


@click.command()
@click.argument("source")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date (default: page/file metadata, else today).")
@click.option("--actor", "default_actor", metavar="NAME", help="Actor for texts that never name one.")
@click.option("--save", is_flag=True, help="Store the announcement and its commitments.")
@click.option("--include-conditional", is_flag=True, help="Also list promises that hang on a condition.")
@click.option("--explain", is_flag=True,
              help="Also list every sentence that looked like a promise and was left out, with the reason.")
@click.option("--format", "fmt", type=TABULAR, default="table", show_default=True,
              help="csv lists the commitments found (and proposed) only, without --explain's sentences.")
@as_of_option
@click.pass_obj
def extract(app: App, source: str, published: str | None, default_actor: str | None, save: bool,
            include_conditional: bool, explain: bool, fmt: str) -> None:
    """Find the commitments in an announcement: a text file, '-' for stdin, or an http(s) URL.

    Previews by default; --save stores them (the same text twice adds nothing). Promises the
    extractor is unsure of (below extract.min_confidence) are listed as proposed and, with --save,
    wait in `tracker review`; --explain also shows what was left out and why.
    Example: tracker extract examples/announcements/2025-03-04-glasswing-transit.txt --explain
    """
    from tracker.stages import extract_source

    result, src, day = extract_source(source, app.config, published=parse_date_option(published, "--published"),
                                      default_actor=default_actor, include_conditional=include_conditional)
    rows = [extracted_dict(c) for c in result.commitments] + [extracted_dict(c, proposed=True)
                                                               for c in result.proposals]
    if fmt == "csv":
        echo_rows(rows, fmt, EXTRACTED_COLUMNS)
    elif fmt == "json":
        if explain:
            rows += [{"left_out": lo.sentence, "cue": lo.cue or None, "reason": lo.reason} for lo in result.left_out]
        echo_json(rows)
    else:
        _extraction_table(result.commitments, result.proposals, src.label, day)
        if explain:
            _left_out(result.left_out)
    if save:
        _save_extraction(app, src, result, day, to_stderr=fmt != "table")


def extracted_dict(c: Any, *, proposed: bool = False) -> dict[str, Any]:
    """The JSON object of one extracted commitment (documented in the README)."""
    from tracker.extract.extractor import DOUBT_TEXT

    return {
        "actor": c.actor, "actor_aliases": list(c.actor_aliases), "what": c.what, "quote": c.quote,
        "deadline_phrase": c.deadline_phrase,
        "due_earliest": c.due_earliest.isoformat() if c.due_earliest else None,
        "due_latest": c.due_latest.isoformat() if c.due_latest else None,
        "confidence": round(c.confidence, 3), "conditional": c.conditional, "negated": c.negated,
        "proposed": proposed, "doubts": [DOUBT_TEXT.get(d, d) for d in getattr(c, "doubts", ())],
    }


def _extraction_table(found: list[Any], proposals: list[Any], label: str, day: dt.date) -> None:
    from rich.table import Table
    from rich.text import Text

    from tracker.extract.extractor import DOUBT_TEXT

    out = console()
    if not found and not proposals:
        out.print(f"{label}: no commitments found (published {day})")
        return
    table = Table(pad_edge=False, show_lines=True)
    for name in ("actor", "commitment", "deadline", "due window", "conf."):
        table.add_column(name, overflow="fold")
    for c in [*found, *proposals]:
        window = f"{c.due_earliest or '?'} .. {c.due_latest}" if c.due_latest else "no deadline"
        flags = "".join(f" [{f}]" for f in ("negated", "conditional") if getattr(c, f))
        doubts = "; ".join(DOUBT_TEXT.get(d, d) for d in c.doubts)
        note = Text(f"\nproposed for review: {doubts or 'low confidence'}", style="yellow") if c in proposals else Text("")
        table.add_row(safe(c.actor or "?"), Text(safe(f"{c.what}{flags}\n")) + Text(safe(f"“{c.quote}”"), style="italic dim")
                      + note, safe(c.deadline_phrase or "-"), window, f"{c.confidence:.2f}")
    out.print(table)
    out.print(f"{len(found)} commitment(s) and {len(proposals)} proposed for review in {label} (published {day})")


def _left_out(left: list[Any]) -> None:
    out = console()
    if not left:
        out.print("nothing left out: no other sentence used commitment language")
        return
    out.print(f"left out ({len(left)}):")
    for lo in left:
        out.print(f"  - {safe(lo.sentence.strip())[:160]}\n    why: {lo.reason}", highlight=False)


def _save_extraction(app: App, src: Any, found: Any, day: dt.date, *, to_stderr: bool = False) -> None:
    """Store what was found; the summary goes to stderr when stdout carries JSON."""
    from tracker.intake import save_extraction

    with app.writing() as session:
        result = save_extraction(session, src, found.commitments, published=day, by=current_user(),
                                 today=clock.today(), rules=app.rules, proposals=found.proposals)
        if result.duplicate:
            click.echo(f"already saved as announcement {result.announcement.id}: nothing added", err=to_stderr)
            return
        click.echo(f"saved announcement {result.announcement.id}: {len(result.created)} new commitment(s), "
                   f"{len(result.linked)} linked to existing, {len(result.revisions)} deadline revision(s), "
                   f"{len(result.proposed)} proposed for review (`tracker review`)", err=to_stderr)
        if result.skipped_no_actor:
            click.echo(f"{result.skipped_no_actor} of them name no actor: they wait in `tracker review` "
                       f"(or extract again with --actor NAME)", err=to_stderr)
