"""Read everything the report shows, in a few Core queries, into plain frozen rows.

The ORM would build ~100,000 tracked objects for a large database; plain
SELECTs into named tuples take a fraction of that time. Named tuples rather
than frozen dataclasses: the loader makes ~150,000 rows, and a named tuple is
made in one call where a frozen dataclass sets each field through
``object.__setattr__`` (four times slower). The rows keep
the attribute names of :mod:`tracker.models`, so the functions ``tracker
list`` uses (:func:`tracker.queries.facts_for`,
:func:`tracker.serialize.commitment_summary`) work on them unchanged and the
site shows exactly the status the CLI shows.

Their ``repr`` is the plain tuple's, without field names: the build hashes the
``repr`` of every commitment to tell which pages changed, and tuple's C-level
repr does it a sixth faster than the named one (~160,000 Python calls).

Large columns the report never shows (announcement and page texts) are not read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Engine, Text, case, cast, func, select
from sqlalchemy.orm import Session

from tracker.db import read_session
from tracker.models import (
    Actor,
    ActorAlias,
    Announcement,
    Commitment,
    CommitmentSource,
    DaemonRun,
    DeadlineRevision,
    Evidence,
    Feed,
    FeedItem,
    StatusChange,
)


class AliasRow(NamedTuple):
    alias: str


class ActorRow(NamedTuple):
    id: int
    name: str
    aliases: tuple[AliasRow, ...] = ()


class AnnouncementRow(NamedTuple):
    id: int
    url: str | None
    title: str | None
    publisher: str | None
    published: dt.date | None


class SourceRow(NamedTuple):
    announcement: AnnouncementRow
    quote: str | None
    deadline_phrase: str | None
    stated_on: dt.date | None


class ItemRow(NamedTuple):
    id: int
    title: str
    link: str | None
    feed_name: str


class EvidenceRow(NamedTuple):
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


class ChangeRow(NamedTuple):
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


class RevisionRow(NamedTuple):
    id: int
    announcement: AnnouncementRow | None
    evidence_id: int | None
    old_phrase: str | None
    new_phrase: str | None
    old_due_latest: dt.date | None
    new_due_latest: dt.date | None
    revised_on: dt.date
    note: str | None


class CommitmentRow(NamedTuple):
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
    keep_until: bool = False


for _row in (AliasRow, ActorRow, AnnouncementRow, SourceRow, ItemRow, EvidenceRow, ChangeRow, RevisionRow,
             CommitmentRow):
    _row.__repr__ = tuple.__repr__  # type: ignore[method-assign]  # see the module docstring


@dataclass(frozen=True)
class SiteData:
    """Every actor with at least one commitment, and every commitment, in id order."""

    actors: tuple[ActorRow, ...]
    commitments: tuple[CommitmentRow, ...]
    last_checked: dt.datetime | None = None  # when the last polling cycle finished: a quiet page vs a stale one


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
                  c.conditional, c.negated, cast(c.tags, Text), c.search_query, c.keep_until
                  ).where(c.visibility == "public").order_by(c.id)
    rows = []
    for (cid, actor_id, what, quote, phrase, earliest, latest, rule, stated, status, reason, source, confidence,
         conditional, negated, tags, query, keep_until) in session.execute(stmt).all():
        rows.append(CommitmentRow(
            cid, actors[actor_id], what, quote, phrase, earliest, latest, rule, stated, status, reason or "",
            source, confidence, bool(conditional), bool(negated), _tags(tags), query,
            tuple(sources.get(cid, ())), tuple(changes.get(cid, ())), tuple(revisions.get(cid, ())),
            tuple(evidence.get(cid, ())), bool(keep_until),
        ))
    used = sorted({row.actor.id for row in rows})
    last_checked = session.scalar(select(func.max(DaemonRun.finished_at)))  # max() keeps the UTC column type
    return SiteData(tuple(actors[i] for i in used), tuple(rows), last_checked)


def _tags(text: str | None) -> tuple[str, ...]:
    """``tags`` read as JSON text: most commitments have none, and json.loads("[]") for each one shows."""
    return () if text is None or text == "[]" else tuple(json.loads(text))


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
    """Each commitment's sources, earliest statement first (undated last), as ``Commitment.sources``."""
    s = CommitmentSource.__table__.c
    stmt = (select(s.commitment_id, s.announcement_id, s.quote, s.deadline_phrase, s.stated_on)
            .order_by(s.commitment_id, s.stated_on.is_(None), s.stated_on, s.announcement_id))
    out: dict[int, list[SourceRow]] = defaultdict(list)
    for cid, announcement_id, quote, phrase, stated_on in session.execute(stmt).all():
        out[cid].append(SourceRow(announcements[announcement_id], quote, phrase, stated_on))
    return out


def _evidence(session: Session) -> dict[int, list[EvidenceRow]]:
    """All evidence with its feed item; the explanation stays JSON text until a page needs it."""
    e, i, f = Evidence.__table__.c, FeedItem.__table__.c, Feed.__table__.c
    stmt = (select(e.commitment_id, e.id, e.kind, e.score, e.state, e.event_date, e.new_due_latest,
                   cast(e.explanation, Text), e.decided_by, e.decided_at,
                   case((e.event_date.is_(None), e.created_at)), e.url,
                   i.id, func.coalesce(i.title, ""), i.link, func.coalesce(f.name, ""))
            .select_from(Evidence.__table__.outerjoin(FeedItem.__table__, e.item_id == i.id)
                         .outerjoin(Feed.__table__, i.feed_id == f.id))
            .order_by(e.id))
    out: dict[int, list[EvidenceRow]] = defaultdict(list)
    make_item = ItemRow._make
    for r in session.execute(stmt).all():  # commitment id, then the fields in order, then the item's
        out[r[0]].append(EvidenceRow(*r[1:12], make_item(r[12:]) if r[12] is not None else None))
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
    """The ``limit`` most recently recorded status changes a reader sees, with their commitment.

    Only the steps of the public history (:func:`tracker.timeline.replay_in_order`), each
    with the status it moved from in that history.
    """
    from tracker.timeline import replay_in_order

    pairs = [(c, step.change._replace(from_status=step.from_status))
             for c in data.commitments for step in replay_in_order(c.changes)]
    pairs.sort(key=lambda p: p[1].id, reverse=True)
    return pairs[:limit]
