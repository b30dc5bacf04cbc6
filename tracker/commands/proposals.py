"""``tracker proposals``: commitments the extractor was unsure of, waiting for an editor.

``tracker review`` walks through them interactively before the evidence; these commands are the
same queue for scripts.
"""

from __future__ import annotations

from typing import Any

import click

from tracker import clock
from tracker.cli import ROW_ID, TABULAR, App, as_of_option, console, current_user, echo_rows, read_key, safe

PROPOSAL_COLUMNS = ("id", "actor", "what", "quote", "deadline_phrase", "due_latest", "confidence", "reasons",
                    "state", "announcement_id", "stated_on")


@click.group()
def proposals() -> None:
    """Proposed commitments: promises the extractor was unsure of (between extract.review_threshold and
    extract.min_confidence). Example: tracker proposals list"""


@proposals.command("list")
@click.option("--format", "fmt", type=TABULAR, default="table", show_default=True)
@as_of_option
@click.pass_obj
def proposals_list(app: App, fmt: str) -> None:
    """List the proposed commitments waiting for a decision, most confident first.

    Example: tracker proposals list --format json
    """
    from tracker.proposals import pending_proposals

    with app.reading() as session:
        rows = [proposal_dict(p) for p in pending_proposals(session)]
    if echo_rows(rows, fmt, PROPOSAL_COLUMNS):
        return
    if not rows:
        click.echo("no proposed commitments waiting")
        return
    for r in rows:
        click.echo(f"{r['id']:>5}  {r['confidence']:.2f}  {safe(r['actor'] or '?')}: {safe(r['what'])}"
                   f"  ({r['due_latest'] or 'no deadline'})\n       why unsure: {'; '.join(r['reasons']) or '-'}")


def proposal_dict(p: Any) -> dict[str, Any]:
    """The JSON object of one proposed commitment (documented in the README)."""
    from tracker.extract.extractor import DOUBT_TEXT

    return {"id": p.id, "actor": p.actor, "what": p.what, "quote": p.quote, "deadline_phrase": p.deadline_phrase,
            "due_latest": p.due_latest.isoformat() if p.due_latest else None, "confidence": round(p.confidence, 3),
            "reasons": [DOUBT_TEXT.get(r, r) for r in p.reasons], "state": p.state,
            "announcement_id": p.announcement_id, "stated_on": p.stated_on.isoformat()}


def decide(app: App, proposal_id: int, accept: bool, actor: str | None = None) -> str:
    """Accept or reject one proposal; the line to print."""
    from tracker.proposals import decide_proposal

    with app.writing() as session:
        made = decide_proposal(session, proposal_id, accept=accept, by=current_user(), today=clock.today(),
                               rules=app.rules, actor=actor)
        if made is None:
            return f"proposed commitment {proposal_id} rejected (kept, never proposed again)"
        return f"proposed commitment {proposal_id} accepted as commitment {made.id}"


@proposals.command("accept")
@click.argument("proposal_id", type=ROW_ID)
@click.option("--actor", help="The actor, when the extractor named none or the wrong one.")
@as_of_option
@click.pass_obj
def proposals_accept(app: App, proposal_id: int, actor: str | None) -> None:
    """Store a proposed commitment as a commitment. Example: tracker proposals accept 4 --actor "City Council\""""
    click.echo(decide(app, proposal_id, True, actor))


@proposals.command("reject")
@click.argument("proposal_id", type=ROW_ID)
@as_of_option
@click.pass_obj
def proposals_reject(app: App, proposal_id: int) -> None:
    """Reject a proposed commitment: it is kept, and never proposed again. Example: tracker proposals reject 4"""
    click.echo(decide(app, proposal_id, False))


def review_proposals(app: App) -> bool:
    """Walk through the waiting proposals: [a]ccept [r]eject [s]kip [q]uit. False when the editor quit."""
    from rich.panel import Panel
    from rich.text import Text

    from tracker.proposals import pending_proposals

    with app.reading() as session:
        rows = [proposal_dict(p) for p in pending_proposals(session)]
    out = console()
    for position, r in enumerate(rows, 1):
        body = Text.assemble((f"{safe(r['actor'] or '?')}", "bold"), f" — {safe(r['what'])}\n",
                             (f"“{safe(r['quote'])}”\n", "italic"),
                             f"deadline: {safe(r['deadline_phrase'] or '-')} ({r['due_latest'] or 'none'})  "
                             f"confidence {r['confidence']:.2f}\n",
                             ("why unsure: ", "bold"), "; ".join(r["reasons"]) or "low confidence")
        out.print(Panel(body, title=f"proposed commitment {r['id']} ({position}/{len(rows)})", expand=False))
        while True:
            out.print("[a]ccept  [r]eject  [s]kip  [q]uit ? ", end="")
            key = read_key()
            out.print(key)
            if key in ("a", "r"):
                click.echo(decide(app, r["id"], key == "a"))
                break
            if key == "s":
                break
            if key == "q":
                return False
    return True
