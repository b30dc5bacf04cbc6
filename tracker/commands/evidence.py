"""Deciding on evidence: ``tracker evidence list|accept|reject`` for scripts, ``tracker review`` by hand."""

from __future__ import annotations

import click

from tracker import clock
from tracker.cli import (ROW_ID, TABULAR, App, as_of_option, console, current_user, echo, echo_rows,
                         read_key, render_option, safe_data)
from tracker.errors import UsageError

KINDS = ["fulfilment", "progress", "delay", "cancellation", "mention"]
EVIDENCE_COLUMNS = ("id", "commitment_id", "kind", "score", "state", "date", "url", "title", "decided_by",
                    "decided_at", "new_due_latest")
KIND_KEYS = {kind[0]: kind for kind in KINDS}  # f p d c m: none clashes with a r s o k q


@click.group()
def evidence() -> None:
    """Evidence found in feeds: list, accept, reject (for scripts; `tracker review` is interactive)."""


@evidence.command("list")
@click.option("--pending", is_flag=True, help="Only evidence waiting for a decision.")
@click.option("--discarded", is_flag=True, help="Only evidence discarded for a low score (not listed otherwise).")
@click.option("--commitment", "commitment_id", type=ROW_ID, help="Only evidence for this commitment.")
@click.option("--format", "fmt", type=TABULAR, default="table", show_default=True)
@as_of_option
@click.pass_obj
def evidence_list(app: App, pending: bool, discarded: bool, commitment_id: int | None, fmt: str) -> None:
    """List evidence (items discarded for a low score only with --discarded).

    Example: tracker evidence list --pending
    """
    from tracker.evidence import pending_evidence
    from tracker.queries import discarded_evidence
    from tracker.serialize import evidence_dict

    if pending and discarded:
        raise UsageError("give --pending or --discarded, not both")
    with app.reading() as session:
        found = (discarded_evidence(session, commitment_id=commitment_id) if discarded
                 else pending_evidence(session, commitment_id=commitment_id, pending_only=pending))
        rows = [{**evidence_dict(e), "commitment_id": e.commitment_id} for e in found]
    if echo_rows(rows, fmt, EVIDENCE_COLUMNS):
        return
    if not rows:
        click.echo("no evidence waiting for review" if pending else "no discarded evidence" if discarded
                   else "no evidence yet: run `tracker poll`")
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
@render_option
@click.pass_obj
def evidence_accept(app: App, evidence_id: int, kind: str | None) -> None:
    """Accept evidence; the commitment's status follows from it.

    Example: tracker evidence accept 12 --kind fulfilment
    """
    echo(_decide(app, evidence_id, True, kind))


@evidence.command("reject")
@click.argument("evidence_id", type=ROW_ID)
@as_of_option
@render_option
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
        card, link, proposed_kind = render_card(ev, position, total), ev.url, ev.kind
    out = console()
    out.print(card)
    kind = proposed_kind
    while True:
        out.print(f"[a]ccept as {kind}  [r]eject  [s]kip  [o]pen link  [k] next kind "
                  "([f]ulfilment [p]rogress [d]elay [c]ancellation [m]ention)  [q]uit ? ", end="")
        key = read_key()
        out.print(key)
        if key == "a":
            click.echo(_decide(app, evidence_id, True, kind if kind != proposed_kind else None))
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
        if key == "k" or key in KIND_KEYS:  # choose the kind; only [a] accepts
            kind = _next_kind(kind, key)
            click.echo(f"kind: {kind} (press a to accept as {kind})")


def _next_kind(kind: str, key: str) -> str:
    """The kind a key picks: its own letter, or ``k`` for the one after ``kind``."""
    if key in KIND_KEYS:
        return KIND_KEYS[key]
    return KINDS[(KINDS.index(kind) + 1) % len(KINDS)] if kind in KINDS else KINDS[0]


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
