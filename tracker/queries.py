"""Named reads: the questions the CLI, the daemon and the report ask the database."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from tracker.errors import NotFound
from tracker.models import Actor, ActorAlias, Commitment, CommitmentSource, Evidence, StatusChange
from tracker.status import CommitmentFacts, EvidenceFact, ManualDecision


CLOSED_STATUSES = ("kept", "kept_late", "withdrawn")


def norm_name(name: str) -> str:
    """Lookup key for actor names: NFC, lower-case, folded spaces, no leading 'the'."""
    folded = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().lower()
    return re.sub(r"^the ", "", folded)


def find_actor(session: Session, name: str) -> Actor | None:
    """The actor known by ``name`` or one of its aliases."""
    alias = session.scalar(select(ActorAlias).where(ActorAlias.norm == norm_name(name)))
    return alias.actor if alias else None


def get_commitment(session: Session, commitment_id: int) -> Commitment:
    """The commitment, or :class:`NotFound` telling the user how to find ids."""
    found = session.get(Commitment, commitment_id, options=detail_options())
    if found is None:
        raise NotFound(f"no commitment with id {commitment_id}: run `tracker list` to see ids")
    return found


def detail_options() -> list:
    return [
        selectinload(Commitment.actor).selectinload(Actor.aliases),
        selectinload(Commitment.sources).selectinload(CommitmentSource.announcement),
        selectinload(Commitment.evidence).selectinload(Evidence.item),
        selectinload(Commitment.changes),
        selectinload(Commitment.revisions),
    ]


def list_commitments(
    session: Session,
    *,
    actor: str | None = None,
    due_before: dt.date | None = None,
    tag: str | None = None,
    search: str | None = None,
) -> Sequence[Commitment]:
    """Public commitments (not retracted or merged) in id order, with what the status engine needs loaded.

    ``search`` finds text in the actor's name, the promise or its quote (any case).
    Filters by status happen after judging (the live status depends on "now").
    """
    stmt = (select(Commitment).options(*detail_options()).where(Commitment.visibility == "public")
            .order_by(Commitment.id))
    if search:
        pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.join(Actor, Commitment.actor_id == Actor.id).where(or_(
            Actor.name.ilike(pattern, escape="\\"), Commitment.what.ilike(pattern, escape="\\"),
            Commitment.quote.ilike(pattern, escape="\\")))
    if actor:
        found = find_actor(session, actor)
        if found is None:
            return []
        stmt = stmt.where(Commitment.actor_id == found.id)
    if due_before:
        stmt = stmt.where(Commitment.due_latest.is_not(None), Commitment.due_latest < due_before)
    rows = session.scalars(stmt).all()
    if tag:  # tags are a JSON list: filtered here, the same way on every backend
        wanted = " ".join(tag.split()).lower()
        rows = [c for c in rows if wanted in {" ".join(t.split()).lower() for t in c.tags or []}]
    return rows


def open_commitments(session: Session) -> Sequence[Commitment]:
    """Commitments automation still watches for evidence: not decided by an editor, not done.

    Broken-by-date ones stay open: a late delivery still turns them into kept_late.
    """
    stmt = (select(Commitment).options(*detail_options())
            .where(Commitment.status_source == "auto", Commitment.status.not_in(CLOSED_STATUSES),
                   Commitment.visibility == "public")
            .order_by(Commitment.id))
    return session.scalars(stmt).all()


def search_feed_urls(session: Session, commitment_id: int) -> list[str]:
    """The news-search feeds polled for one commitment."""
    from tracker.models import Feed

    return list(session.scalars(select(Feed.url).where(Feed.commitment_id == commitment_id).order_by(Feed.id)))


def manual_decision(commitment: Commitment) -> ManualDecision | None:
    """The editor's decision in force, if the last decisive change was manual."""
    if commitment.status_source != "manual":
        return None
    last = last_manual_change(commitment)  # the decision in force, skipping undone ones
    if last is None:
        return None
    return ManualDecision(commitment.status, last.effective_on, last.by, last.note)


def facts_for(commitment: Commitment) -> CommitmentFacts:
    """Reduce a stored commitment to the plain facts the status engine judges."""
    evidence = tuple(
        EvidenceFact(e.kind, e.event_date or e.created_at.date(), e.id, e.new_due_latest)
        for e in commitment.evidence if e.state == "accepted"
    )
    return CommitmentFacts(commitment.due_latest, commitment.negated, evidence, manual_decision(commitment),
                           keep_until=bool(commitment.keep_until), stated_on=first_stated(commitment))


def first_stated(commitment: Commitment) -> dt.date:
    """When the promise was first made: its own date, or an earlier announcement that also states it."""
    dates = [s.stated_on for s in commitment.sources if s.stated_on is not None]
    return min([commitment.stated_on, *dates])


def last_manual_change(commitment: Commitment) -> StatusChange | None:
    """The newest manual change that has not been undone, for ``resolve --undo``."""
    undone = {c.undoes_id for c in commitment.changes if c.undoes_id}
    for change in reversed(commitment.changes):
        if change.source == "manual" and change.id not in undone:
            return change
    return None


def changed_since(session: Session, since: dt.datetime) -> set[int]:
    """Commitments whose report rows may differ since ``since`` (wall clock), whoever changed them.

    The daemon renders only what changed; its own changes it knows, but an
    editor's `tracker resolve` or `tracker add` from another process it learns
    here: a changed commitment, evidence added or decided, a status change, a
    deadline revision, or a new announcement restating it.
    """
    from sqlalchemy import union

    from tracker.models import Announcement, DeadlineRevision

    stmt = union(
        select(Commitment.id).where(Commitment.updated_at >= since),
        select(Evidence.commitment_id).where(or_(Evidence.created_at >= since, Evidence.decided_at >= since)),
        select(StatusChange.commitment_id).where(StatusChange.recorded_at >= since),
        select(DeadlineRevision.commitment_id).where(DeadlineRevision.recorded_at >= since),
        select(CommitmentSource.commitment_id).join(Announcement, Announcement.id == CommitmentSource.announcement_id)
        .where(Announcement.created_at >= since),
    )
    return set(session.scalars(stmt))


def discarded_evidence(session: Session, *, commitment_id: int | None = None) -> list[Evidence]:
    """Evidence stored as discarded (scored below the review threshold), oldest first, for a second look."""
    stmt = select(Evidence).options(selectinload(Evidence.item)).where(Evidence.state == "discarded")
    if commitment_id is not None:
        stmt = stmt.where(Evidence.commitment_id == commitment_id)
    return list(session.scalars(stmt.order_by(Evidence.id)))
