"""The status the public page would show for a promise after the matcher read some news, with
nobody reviewing: shared by the matcher's verdict tests (pure: no database)."""

from __future__ import annotations

import datetime as dt

from tracker.match import CommitmentDoc, ItemDoc, evidence_state, score
from tracker.status import CommitmentFacts, EvidenceFact, judge


def verdict(c: CommitmentDoc, *items: ItemDoc, today: dt.date = dt.date(2027, 9, 1)) -> str:
    """Judge ``c`` as of ``today`` on the evidence the tracker accepts automatically from ``items``."""
    facts = []
    for it in items:
        m = score(it, c)
        if m is not None and evidence_state(m) == "accepted":
            facts.append(EvidenceFact(m.kind, m.event_date, it.id, m.new_due_latest))
    return judge(CommitmentFacts(c.due_latest, c.negated, tuple(facts), keep_until=c.keep_until), today).status
