"""The editor's queue of proposed commitments: what the extractor was unsure of.

``tracker review`` shows them beside proposed evidence; accepting one stores the commitment as if
the extractor had been sure (its announcement becomes the source), rejecting one keeps the row so
the same sentence is never proposed twice. Either way the decision names who made it and when.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import clock
from tracker.errors import NotFound, UsageError
from tracker.intake import accept_proposal
from tracker.models import Commitment, ProposedCommitment
from tracker.status import StatusRules


def pending_proposals(session: Session) -> list[ProposedCommitment]:
    """Proposed commitments waiting for a decision, most confident first."""
    stmt = (select(ProposedCommitment).where(ProposedCommitment.state == "proposed")
            .order_by(ProposedCommitment.confidence.desc(), ProposedCommitment.id))
    return list(session.scalars(stmt))


def get_proposal(session: Session, proposal_id: int) -> ProposedCommitment:
    row = session.get(ProposedCommitment, proposal_id)
    if row is None:
        raise NotFound(f"no proposed commitment {proposal_id}: `tracker review` lists the waiting ones")
    return row


def decide_proposal(session: Session, proposal_id: int, *, accept: bool, by: str, today: dt.date,
                    rules: StatusRules, actor: str | None = None) -> Commitment | None:
    """Accept (the new commitment is returned) or reject one proposal; a decided one cannot be re-decided."""
    row = get_proposal(session, proposal_id)
    if row.state != "proposed":
        raise UsageError(f"proposed commitment {proposal_id} was already {row.state} by {row.decided_by}")
    if accept:
        if not (actor or row.actor):
            raise UsageError(f"proposed commitment {proposal_id} names no actor: accept it with --actor NAME")
        return accept_proposal(session, row, actor=actor, by=by, today=today, rules=rules)
    row.state, row.decided_by, row.decided_at = "rejected", by, clock.now()
    return None
