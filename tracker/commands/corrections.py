"""Correcting the record: ``tracker edit``, ``retract``, ``merge`` and ``link``.

Thin faces over :mod:`tracker.corrections`; each change lands in the
commitment's history with who made it, when and why.
"""

from __future__ import annotations

import click

from tracker import clock
from tracker.cli import ROW_ID, App, as_of_option, current_user, parse_date_option, render_option, safe

REASON_HELP = "Why (kept in the history; required)."


@click.command()
@click.argument("commitment_id", type=ROW_ID)
@click.option("--actor", help="Who made the promise.")
@click.option("--text", "what", help="What was promised.")
@click.option("--quote", help='The exact words ("" clears it).')
@click.option("--deadline", metavar="PHRASE", help="A new deadline phrase, read as of the day the promise was made.")
@click.option("--due", metavar="YYYY-MM-DD", help="An exact last on-time day instead of a phrase.")
@click.option("--tag", "add_tags", multiple=True, metavar="TAG", help="Add a tag (repeatable).")
@click.option("--untag", "remove_tags", multiple=True, metavar="TAG", help="Remove a tag (repeatable).")
@click.option("--reason", help=REASON_HELP)
@click.option("--by", help="Your name (default: your OS user).")
@as_of_option
@render_option
@click.pass_obj
def edit(app: App, commitment_id: int, actor: str | None, what: str | None, quote: str | None,
         deadline: str | None, due: str | None, add_tags: tuple[str, ...], remove_tags: tuple[str, ...],
         reason: str | None, by: str | None) -> None:
    """Correct a commitment: actor, text, quote, deadline or tags.

    Example: tracker edit 3 --deadline "by the end of 2027" --reason "misread the year"
    """
    from tracker import corrections
    from tracker.stages import conventions

    fix = corrections.Correction(actor=actor, what=what, quote=quote, deadline=deadline,
                                 due=parse_date_option(due, "--due"), add_tags=add_tags, remove_tags=remove_tags)
    with app.writing() as session:
        row = corrections.edit(session, commitment_id, fix, reason=reason, by=by or current_user(),
                               today=clock.today(), rules=app.rules, conv=conventions(app.config))
        status = row.commitment.status
    for name, (old, new) in row.changes.items():
        click.echo(safe(f"commitment {commitment_id}: {name} {_shown(old)} -> {_shown(new)}"))
    click.echo(f"status is {status}; see `tracker history {commitment_id}`")


def _shown(value: object) -> str:
    if value is None or value == []:
        return "(none)"
    return ", ".join(value) if isinstance(value, list) else repr(value) if isinstance(value, str) else str(value)


@click.command()
@click.argument("commitment_id", type=ROW_ID)
@click.option("--reason", help=REASON_HELP)
@click.option("--undo", is_flag=True, help="Bring a retracted commitment back.")
@click.option("--by", help="Your name (default: your OS user).")
@as_of_option
@render_option
@click.pass_obj
def retract(app: App, commitment_id: int, reason: str | None, undo: bool, by: str | None) -> None:
    """Hide a wrong extraction from lists and the site; it stays in the database, and --undo brings it back.

    Example: tracker retract 7 --reason "not a promise: a quote from a critic"
    """
    from tracker import corrections

    action = corrections.restore if undo else corrections.retract
    with app.writing() as session:
        action(session, commitment_id, reason=reason, by=by or current_user())
    if undo:
        click.echo(f"commitment {commitment_id} is public again")
    else:
        click.echo(f"commitment {commitment_id} retracted: hidden from lists and the site, kept in the database "
                   f"(`tracker retract {commitment_id} --undo --reason ...` brings it back)")


@click.command()
@click.argument("keep_id", type=ROW_ID)
@click.argument("other_id", type=ROW_ID)
@click.option("--reason", help=REASON_HELP)
@click.option("--by", help="Your name (default: your OS user).")
@as_of_option
@render_option
@click.pass_obj
def merge(app: App, keep_id: int, other_id: int, reason: str | None, by: str | None) -> None:
    """Fold duplicate OTHER into KEEP: sources, evidence and history move over; OTHER is hidden, not deleted.

    Example: tracker merge 3 9 --reason "same promise, restated in the annual report"
    """
    from tracker import corrections

    with app.writing() as session:
        row = corrections.merge(session, keep_id, other_id, reason=reason, by=by or current_user(),
                                today=clock.today(), rules=app.rules)
        sources, evidence = len(row.changes["sources"][1]), len(row.changes["evidence"][1])
    click.echo(f"merged commitment {other_id} into {keep_id}: {sources} source(s) and {evidence} evidence "
               f"item(s) moved; {other_id} is hidden and its history shows under {keep_id}")


@click.command()
@click.argument("commitment_id", type=ROW_ID)
@click.option("--source", required=True, metavar="URL|ID", help="An announcement's URL, or a stored announcement's id.")
@click.option("--reason", help="Why (kept in the history).")
@click.option("--by", help="Your name (default: your OS user).")
@as_of_option
@render_option
@click.pass_obj
def link(app: App, commitment_id: int, source: str, reason: str | None, by: str | None) -> None:
    """Attach an announcement to a commitment, e.g. the source of a hand-added promise.

    Example: tracker link 3 --source https://example.org/news/harbour-plan
    """
    from tracker import corrections

    with app.writing() as session:
        announcement = corrections.link(session, commitment_id, source, reason=reason, by=by or current_user())
        label = announcement.url or f"announcement {announcement.id}"
    click.echo(safe(f"commitment {commitment_id}: source {label} linked"))
