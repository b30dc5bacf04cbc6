"""Read everything the report shows, in a few Core queries, into plain frozen rows.

The ORM would build ~100,000 tracked objects for a large database; plain
SELECTs into frozen dataclasses take a fraction of that time. The rows keep
the attribute names of :mod:`tracker.models`, so the functions ``tracker
list`` uses (:func:`tracker.queries.facts_for`,
:func:`tracker.serialize.commitment_summary`) work on them unchanged and the
site shows exactly the status the CLI shows.

Large columns the report never shows (announcement and page texts) are not read.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Engine, Text, case, cast, select
from sqlalchemy.orm import Session

from tracker.db import read_session
from tracker.models import (
    Actor,
    ActorAlias,
    Announcement,
    Commitment,
    CommitmentSource,
    DeadlineRevision,
    Evidence,
    Feed,
    FeedItem,
    StatusChange,
)


@dataclass(frozen=True)
class AliasRow:
    alias: str


@dataclass(frozen=True)
class ActorRow:
    id: int
    name: str
    aliases: tuple[AliasRow, ...] = ()


@dataclass(frozen=True)
class AnnouncementRow:
    id: int
    url: str | None
    title: str | None
    publisher: str | None
    published: dt.date | None


@dataclass(frozen=True)
class SourceRow:
    announcement: AnnouncementRow
    quote: str | None
    deadline_phrase: str | None
    stated_on: dt.date | None


@dataclass(frozen=True)
class ItemRow:
    id: int
    title: str
    link: str | None
    feed_name: str


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    kind: str
    score: float
    state: str
    event_date: dt.date | None
    new_due_latest: dt.date | None
    explanation: str | None  # JSON text: parsed only for the pages that show it
    decided_by: str | None
    decided_at: dt.datetime | None
    created_at: dt.datetime | None  # only read when event_date is missing
    url: str | None
    item: ItemRow | None = None


@dataclass(frozen=True)
class ChangeRow:
    id: int
    from_status: str | None
    to_status: str
    reason: str
    by: str
    source: str
    effective_on: dt.date
    recorded_at: dt.datetime
    evidence_id: int | None
    evidence_url: str | None
    note: str | None
    undoes_id: int | None


@dataclass(frozen=True)
class RevisionRow:
    id: int
    announcement: AnnouncementRow | None
    evidence_id: int | None
    old_phrase: str | None
    new_phrase: str | None
    old_due_latest: dt.date | None
    new_due_latest: dt.date | None
    revised_on: dt.date
    note: str | None


@dataclass(frozen=True)
class CommitmentRow:
    """A commitment with everything hanging off it, shaped like :class:`~tracker.models.Commitment`."""

    id: int
    actor: ActorRow
    what: str
    quote: str | None
    deadline_phrase: str | None
    due_earliest: dt.date | None
    due_latest: dt.date | None
    deadline_rule: str | None
    stated_on: dt.date
    status: str
    status_reason: str
    status_source: str
    confidence: float
    conditional: bool
    negated: bool
    tags: tuple[str, ...]
    search_query: str | None
    sources: tuple[SourceRow, ...] = ()
    changes: tuple[ChangeRow, ...] = ()
    revisions: tuple[RevisionRow, ...] = ()
    evidence: tuple[EvidenceRow, ...] = ()


@dataclass(frozen=True)
class SiteData:
    """Every actor with at least one commitment, and every commitment, in id order."""

    actors: tuple[ActorRow, ...]
    commitments: tuple[CommitmentRow, ...]


def load_site_data(engine: Engine) -> SiteData:
    """One consistent snapshot (a single read transaction) of what the site shows."""
    with read_session(engine) as session:
        return _load(session)


def _load(session: Session) -> SiteData:
    actors = _actors(session)
    announcements = _announcements(session)
    sources = _sources(session, announcements)
    evidence = _evidence(session)
    changes = _changes(session)
    revisions = _revisions(session, announcements)
    c = Commitment.__table__.c
    stmt = select(c.id, c.actor_id, c.what, c.quote, c.deadline_phrase, c.due_earliest, c.due_latest,
                  c.deadline_rule, c.stated_on, c.status, c.status_reason, c.status_source, c.confidence,
                  c.conditional, c.negated, c.tags, c.search_query).order_by(c.id)
    rows = []
    for (cid, actor_id, what, quote, phrase, earliest, latest, rule, stated, status, reason, source, confidence,
         conditional, negated, tags, query) in session.execute(stmt).all():
        rows.append(CommitmentRow(
            cid, actors[actor_id], what, quote, phrase, earliest, latest, rule, stated, status, reason or "",
            source, confidence, bool(conditional), bool(negated), tuple(tags or ()), query,
            tuple(sources.get(cid, ())), tuple(changes.get(cid, ())), tuple(revisions.get(cid, ())),
            tuple(evidence.get(cid, ())),
        ))
    used = sorted({row.actor.id for row in rows})
    return SiteData(tuple(actors[i] for i in used), tuple(rows))


def _actors(session: Session) -> dict[int, ActorRow]:
    aliases: dict[int, list[AliasRow]] = defaultdict(list)
    al = ActorAlias.__table__.c
    for actor_id, alias in session.execute(select(al.actor_id, al.alias).order_by(al.id)):
        aliases[actor_id].append(AliasRow(alias))
    a = Actor.__table__.c
    return {i: ActorRow(i, name, tuple(aliases.get(i, ())))
            for i, name in session.execute(select(a.id, a.name).order_by(a.id))}


def _announcements(session: Session) -> dict[int, AnnouncementRow]:
    a = Announcement.__table__.c
    stmt = select(a.id, a.url, a.title, a.publisher, a.published)
    return {r[0]: AnnouncementRow(*r) for r in session.execute(stmt).all()}


def _sources(session: Session, announcements: dict[int, AnnouncementRow]) -> dict[int, list[SourceRow]]:
    s = CommitmentSource.__table__.c
    stmt = select(s.commitment_id, s.announcement_id, s.quote, s.deadline_phrase, s.stated_on)
    found = sorted(session.execute(stmt).all(), key=lambda r: (r.commitment_id, r.stated_on is None,
                                                         r.stated_on or dt.date.min, r.announcement_id))
    out: dict[int, list[SourceRow]] = defaultdict(list)
    for r in found:
        out[r.commitment_id].append(SourceRow(announcements[r.announcement_id], r.quote,
                                              r.deadline_phrase, r.stated_on))
    return out


def _evidence(session: Session) -> dict[int, list[EvidenceRow]]:
    """All evidence with its feed item; the explanation stays JSON text until a page needs it."""
    e, i, f = Evidence.__table__.c, FeedItem.__table__.c, Feed.__table__.c
    stmt = (select(e.id, e.commitment_id, e.kind, e.score, e.state, e.event_date, e.new_due_latest,
                   cast(e.explanation, Text), e.decided_by, e.decided_at,
                   case((e.event_date.is_(None), e.created_at)), e.url, i.id, i.title, i.link, f.name)
            .select_from(Evidence.__table__.outerjoin(FeedItem.__table__, e.item_id == i.id)
                         .outerjoin(Feed.__table__, i.feed_id == f.id))
            .order_by(e.id))
    out: dict[int, list[EvidenceRow]] = defaultdict(list)
    for (eid, cid, kind, score, state, event_date, new_due, explanation, decided_by, decided_at, created_at,
         url, item_id, title, link, feed_name) in session.execute(stmt).all():
        item = ItemRow(item_id, title or "", link, feed_name or "") if item_id is not None else None
        out[cid].append(EvidenceRow(eid, kind, score, state, event_date, new_due, explanation, decided_by,
                                    decided_at, created_at, url, item))
    return out


def _changes(session: Session) -> dict[int, list[ChangeRow]]:
    s = StatusChange.__table__.c
    stmt = select(s.commitment_id, s.id, s.from_status, s.to_status, s.reason, s.by, s.source, s.effective_on,
                  s.recorded_at, s.evidence_id, s.evidence_url, s.note, s.undoes_id).order_by(s.id)
    out: dict[int, list[ChangeRow]] = defaultdict(list)
    for r in session.execute(stmt).all():
        out[r[0]].append(ChangeRow(*r[1:]))
    return out


def _revisions(session: Session, announcements: dict[int, AnnouncementRow]) -> dict[int, list[RevisionRow]]:
    d = DeadlineRevision.__table__.c
    stmt = select(d.commitment_id, d.id, d.announcement_id, d.evidence_id, d.old_phrase, d.new_phrase,
                  d.old_due_latest, d.new_due_latest, d.revised_on, d.note).order_by(d.id)
    out: dict[int, list[RevisionRow]] = defaultdict(list)
    for r in session.execute(stmt).all():
        out[r.commitment_id].append(RevisionRow(
            r.id, announcements.get(r.announcement_id) if r.announcement_id else None, r.evidence_id,
            r.old_phrase, r.new_phrase, r.old_due_latest, r.new_due_latest, r.revised_on, r.note))
    return out


def changes_newest_first(data: SiteData, limit: int) -> list[tuple[CommitmentRow, ChangeRow]]:
    """The ``limit`` most recently recorded status changes, with their commitment."""
    pairs = [(c, ch) for c in data.commitments for ch in c.changes]
    pairs.sort(key=lambda p: p[1].id, reverse=True)
    return pairs[:limit]
