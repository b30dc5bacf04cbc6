"""Deciding on evidence: ``tracker evidence list|accept|reject`` for scripts, ``tracker review`` by hand."""

from __future__ import annotations

import click

from tracker import clock
from tracker.cli import ROW_ID, App, as_of_option, console, current_user, echo, echo_json, safe_data

KINDS = ["fulfilment", "progress", "delay", "cancellation", "mention"]


@click.group()
def evidence() -> None:
    """Evidence found in feeds: list, accept, reject (for scripts; `tracker review` is interactive)."""


@evidence.command("list")
@click.option("--pending", is_flag=True, help="Only evidence waiting for a decision.")
@click.option("--commitment", "commitment_id", type=ROW_ID, help="Only evidence for this commitment.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def evidence_list(app: App, pending: bool, commitment_id: int | None, fmt: str) -> None:
    """List evidence (discarded low scores are counted, not listed).

    Example: tracker evidence list --pending
    """
    from tracker.evidence import pending_evidence
    from tracker.serialize import evidence_dict

    with app.reading() as session:
        rows = [{**evidence_dict(e), "commitment_id": e.commitment_id}
                for e in pending_evidence(session, commitment_id=commitment_id, pending_only=pending)]
    if fmt == "json":
        echo_json(rows)
        return
    if not rows:
        click.echo("no evidence waiting for review" if pending else "no evidence yet: run `tracker poll`")
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(pad_edge=False)
    for col in ("id", "commitment", "kind", "score", "state", "date", "title"):
        table.add_column(col, overflow="fold")
    for r in safe_data(rows):
        table.add_row(str(r["id"]), str(r["commitment_id"]), r["kind"], f"{r['score']:.2f}", r["state"],
                      r["date"] or "", Text(r["title"] or r["url"] or ""))
    console().print(table)


def _decide(app: App, evidence_id: int, accept: bool, kind: str | None = None) -> str:
    from tracker.evidence import decide

    with app.writing() as session:
        ev = decide(session, evidence_id, accept=accept, by=current_user(), today=clock.today(), rules=app.rules,
                    kind=kind)
        return (f"evidence {ev.id} {ev.state} ({ev.kind}); commitment {ev.commitment_id} is "
                f"{ev.commitment.status}")


@evidence.command("accept")
@click.argument("evidence_id", type=ROW_ID)
@click.option("--kind", type=click.Choice(KINDS), help="Correct what the item says.")
@as_of_option
@click.pass_obj
def evidence_accept(app: App, evidence_id: int, kind: str | None) -> None:
    """Accept evidence; the commitment's status follows from it.

    Example: tracker evidence accept 12 --kind fulfilment
    """
    echo(_decide(app, evidence_id, True, kind))


@evidence.command("reject")
@click.argument("evidence_id", type=ROW_ID)
@as_of_option
@click.pass_obj
def evidence_reject(app: App, evidence_id: int) -> None:
    """Reject evidence; the item is never proposed again for that commitment.

    Example: tracker evidence reject 12
    """
    echo(_decide(app, evidence_id, False))


@click.command()
@click.option("--stale", is_flag=True, help="List open commitments with no evidence for status.stale_days.")
@as_of_option
@click.pass_obj
def review(app: App, stale: bool) -> None:
    """Review proposed commitments, then proposed evidence, one by one: [a]ccept [r]eject [s]kip [q]uit
    (evidence also [o]pen link, [k]ind).

    Works over SSH: single keys, no mouse. Example: tracker review
    """
    if stale:
        _review_stale(app)
        return
    from tracker.commands.proposals import review_proposals
    from tracker.evidence import pending_evidence

    if not review_proposals(app):
        return

    with app.reading() as session:
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
    from tracker.evidence import get_evidence
    from tracker.review import render_card

    with app.reading() as session:
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
            echo(_decide(app, evidence_id, True))
            return "accepted"
        if key == "r":
            echo(_decide(app, evidence_id, False))
            return "rejected"
        if key == "s":
            return "skipped"
        if key == "q":
            return "quit"
        if key == "o":
            _open_link(link)
        if key == "k":
            kind = click.prompt("kind", type=click.Choice(KINDS))
            echo(_decide(app, evidence_id, True, kind))
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
    echo(link if not opened else f"opened {link}")


def _review_stale(app: App) -> None:
    from tracker.evidence import stale_commitments

    days = app.config.status.stale_days
    with app.reading() as session:
        rows = [(c.id, c.actor.name, c.what, last) for c, last in stale_commitments(session, clock.today(), days)]
    if not rows:
        click.echo(f"no open commitment has gone {days} days without evidence")
        return
    for cid, actor, what, last in rows:
        echo(f"{cid}: {actor}: {what} — last evidence {last or 'never'}")
    click.echo(f"{len(rows)} commitment(s) with no evidence for {days} days: check them by hand")
