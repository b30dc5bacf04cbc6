"""Invented promises and news items, and the status the public page would show after the matcher
read them with nobody reviewing: shared by the matcher's verdict tests (pure: no database)."""

from __future__ import annotations

import datetime as dt

from tracker.match import CommitmentDoc, ItemDoc, evidence_state, score
from tracker.status import CommitmentFacts, EvidenceFact, judge


def promise(actor: str, what: str, due: dt.date | None = dt.date(2026, 6, 30), *, quote: str | None = None,
            cid: int = 1, keep_until: bool = False, negated: bool = False) -> CommitmentDoc:
    """A promise stated on 10 January 2025."""
    return CommitmentDoc(cid, actor, (), what, quote, due, negated, dt.date(2025, 1, 10), keep_until=keep_until)


def news(title: str, text: str, published: dt.date = dt.date(2025, 11, 4), iid: int = 1) -> ItemDoc:
    return ItemDoc(iid, title, text, None, published)


def decided(c: CommitmentDoc, it: ItemDoc) -> tuple[str, str] | None:
    """(kind, state) the tracker stores for the pair, or None when it keeps nothing."""
    m = score(it, c)
    return None if m is None else (m.kind, evidence_state(m))


def verdict(c: CommitmentDoc, *items: ItemDoc, today: dt.date = dt.date(2027, 9, 1)) -> str:
    """Judge ``c`` as of ``today`` on the evidence the tracker accepts automatically from ``items``."""
    facts = []
    for it in items:
        m = score(it, c)
        if m is not None and evidence_state(m) == "accepted":
            facts.append(EvidenceFact(m.kind, m.event_date, it.id, m.new_due_latest))
    return judge(CommitmentFacts(c.due_latest, c.negated, tuple(facts), keep_until=c.keep_until), today).status
