"""Named writes: every change to commitments and their history goes through here.

Statuses change only through :func:`record_change`, so the audit log can
reconstruct every status a commitment ever had. Automation (:func:`refresh`)
never touches a commitment whose status an editor decided.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.errors import InvalidValue
from tracker.match import CommitmentDoc
from tracker.matching.model import lead_in
from tracker.matching.index import Terms, index_terms, terms_key
from tracker.models import (
    MANUAL_STATUSES,
    Actor,
    ActorAlias,
    Announcement,
    Commitment,
    CommitmentSource,
    DeadlineRevision,
    MatchTerms,
    StatusChange,
)
from tracker.queries import (
    facts_for,
    find_actor,
    get_commitment,
    last_manual_change,
    list_commitments,
    norm_name,
)
from tracker.status import StatusRules, Verdict, judge

AUTOMATION = "tracker"
NAME_LIMIT = Actor.__table__.c.name.type.length  # actor names, aliases and publishers (200 characters)


def fit(text: str | None, limit: int) -> str | None:
    """Text cut to a column's length (with an ellipsis): a label from a page must not fail its row.

    >>> fit("Saltmere Herald", 200), fit("x" * 5, 4)
    ('Saltmere Herald', 'xxx…')
    """
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1] + "…"


def content_hash(text: str) -> str:
    """Identity of a text: sha256 of its whitespace-folded form."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def actor_named(session: Session, name: str, aliases: Iterable[str] = ()) -> Actor:
    """Find or create the actor, merging any new aliases into its record.

    Names are NFC-normalised: "Ölwerk" typed as O + combining diaeresis and as the single
    letter Ö looks the same and must be one actor, not two.
    """
    name = " ".join(unicodedata.normalize("NFC", name).split())
    aliases = [a for a in (" ".join(unicodedata.normalize("NFC", alias).split()) for alias in aliases)
               if len(a) <= NAME_LIMIT]  # an over-long alias is noise, not a name
    if not name:
        raise InvalidValue("actor name is empty: give --actor NAME")
    if len(name) > NAME_LIMIT:  # PostgreSQL would refuse the row with a traceback
        raise InvalidValue(f"actor name is {len(name)} characters long: give one of at most {NAME_LIMIT}")
    actor = find_actor(session, name)
    if actor is None:
        actor = next((a for a in (find_actor(session, x) for x in aliases) if a), None)
    if actor is None:
        actor = Actor(name=name)
        session.add(actor)
    known = {a.norm for a in actor.aliases}
    for alias in (name, *aliases):
        norm = norm_name(alias)
        if norm and norm not in known and find_actor(session, alias) is None:
            actor.aliases.append(ActorAlias(alias=alias, norm=norm))
            known.add(norm)
    session.flush()
    return actor


def announcement_for(
    session: Session, *, text: str = "", url: str | None = None, title: str | None = None,
    publisher: str | None = None, published: dt.date | None = None, feed_item_id: int | None = None,
) -> tuple[Announcement, bool]:
    """The stored announcement with this content (or URL, for a text-less source); (row, created)."""
    digest = content_hash(text) if text.strip() else content_hash(f"url:{url}")
    found = session.scalar(select(Announcement).where(Announcement.content_hash == digest))
    if found is not None:
        return found, False
    row = Announcement(url=url, title=title, publisher=fit(publisher, NAME_LIMIT), published=published, text=text,
                       content_hash=digest, feed_item_id=feed_item_id)
    session.add(row)
    session.flush()
    return row, True


@dataclass
class NewCommitment:
    """What is needed to store a promise (from `tracker add` or the extractor)."""

    actor: str
    what: str
    stated_on: dt.date
    quote: str | None = None
    deadline_phrase: str | None = None
    due_earliest: dt.date | None = None
    due_latest: dt.date | None = None
    deadline_rule: str | None = None
    confidence: float = 1.0
    conditional: bool = False
    negated: bool = False
    actor_aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    keep_until: bool = False  # "keep the plant open through 2030": kept unless the actor ends it


def add_commitment(session: Session, new: NewCommitment, *, by: str, today: dt.date,
                   rules: StatusRules, source: Announcement | None = None) -> Commitment:
    """Store a commitment and the first entry of its status history."""
    actor = actor_named(session, new.actor, new.actor_aliases)
    row = Commitment(
        actor=actor, what=new.what, quote=new.quote, deadline_phrase=new.deadline_phrase,
        due_earliest=new.due_earliest, due_latest=new.due_latest, deadline_rule=new.deadline_rule,
        stated_on=new.stated_on, confidence=new.confidence, conditional=new.conditional,
        negated=new.negated, keep_until=new.keep_until, tags=list(new.tags), status="pending", status_reason="",
    )
    session.add(row)
    if source is not None:
        link_source(session, row, source, new.quote, new.deadline_phrase, new.stated_on)
    session.flush()
    doc = commitment_doc(row)
    save_match_terms(session, [(doc, index_terms(doc))])  # read once now, not at every index load
    # History starts with the status the promise had when it was made; the
    # refresh then records what has happened since, so the log stays in order
    # even when an old announcement is entered today.
    first = judge(facts_for(row), new.stated_on, rules)
    record_change(session, row, first.status, f"promise recorded: {first.reason}", by=by, source="auto",
                  effective_on=new.stated_on)
    refresh(session, row, today, rules)
    return row


def commitment_doc(c: Commitment) -> CommitmentDoc:
    """A stored commitment as the matcher sees it."""
    aliases = tuple(a.alias for a in c.actor.aliases if a.alias != c.actor.name)
    first = min(c.sources, key=lambda s: s.announcement_id, default=None)
    return CommitmentDoc(id=c.id, actor=c.actor.name, aliases=aliases, what=c.what, quote=c.quote,
                         due_latest=c.due_latest, negated=c.negated, stated_on=c.stated_on,
                         keep_until=bool(c.keep_until), context=first.announcement.title if first else None,
                         lead_in=lead_in(first.announcement.text, c.quote) if first else None)


def save_match_terms(session: Session, computed: Iterable[tuple[CommitmentDoc, Terms]]) -> None:
    """Keep commitments' index terms (insert or replace), keyed by what they were computed from.

    An upsert, because two PostgreSQL workers may build the index at the same time.
    """
    rows = [{"commitment_id": doc.id, "key": terms_key(doc),
             "terms": {stem: [weight, is_object] for stem, (weight, is_object) in terms.items()}}
            for doc, terms in computed]
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert  # type: ignore[assignment]
    stmt = upsert(MatchTerms)
    stmt = stmt.on_conflict_do_update(index_elements=[MatchTerms.commitment_id],
                                      set_={"key": stmt.excluded.key, "terms": stmt.excluded.terms})
    for start in range(0, len(rows), 1000):
        session.execute(stmt, rows[start:start + 1000])


def link_source(session: Session, commitment: Commitment, announcement: Announcement,
                quote: str | None, deadline_phrase: str | None, stated_on: dt.date | None) -> bool:
    """Link another announcement that states the commitment; False if already linked."""
    if any(s.announcement_id == announcement.id for s in commitment.sources if announcement.id):
        return False
    commitment.sources.append(CommitmentSource(announcement=announcement, quote=quote,
                                               deadline_phrase=deadline_phrase, stated_on=stated_on))
    session.flush()
    return True


def record_change(
    session: Session, commitment: Commitment, to_status: str, reason: str, *, by: str, source: str,
    effective_on: dt.date, evidence_id: int | None = None, evidence_url: str | None = None,
    note: str | None = None, undoes_id: int | None = None,
) -> StatusChange:
    """Append to the audit log and set the commitment's current status."""
    change = StatusChange(
        commitment_id=commitment.id, from_status=_previous_status(commitment), to_status=to_status,
        reason=reason, by=by, source=source, effective_on=effective_on, evidence_id=evidence_id,
        evidence_url=evidence_url, note=note, undoes_id=undoes_id,
    )
    session.add(change)
    commitment.changes.append(change)
    commitment.status = to_status
    commitment.status_reason = reason
    if source in ("manual", "undo"):
        commitment.status_source = "manual" if source == "manual" or _manual_remains(commitment) else "auto"
    session.flush()
    return change


def _previous_status(commitment: Commitment) -> str | None:
    return commitment.changes[-1].to_status if commitment.changes else None


def _manual_remains(commitment: Commitment) -> bool:
    return last_manual_change(commitment) is not None


def refresh(session: Session, commitment: Commitment, today: dt.date, rules: StatusRules) -> StatusChange | None:
    """Re-judge one commitment; record a change if automation moves it. Manual ones are left alone."""
    if commitment.status_source == "manual":
        return None
    verdict = judge(facts_for(commitment), today, rules)
    if verdict.status == commitment.status:
        if verdict.reason != commitment.status_reason:
            commitment.status_reason = verdict.reason
        return None
    if _decided_meanwhile(session, commitment):
        return None
    return _record_verdict(session, commitment, verdict)


def _decided_meanwhile(session: Session, commitment: Commitment) -> bool:
    """On PostgreSQL, lock the row and re-read who decides it: an editor may have just resolved it.

    (SQLite's BEGIN IMMEDIATE already serialises writers.)
    """
    if session.get_bind().dialect.name != "postgresql":
        return False
    session.refresh(commitment, attribute_names=["status_source", "status"], with_for_update=True)
    return commitment.status_source == "manual"


def _record_verdict(session: Session, commitment: Commitment, verdict: Verdict) -> StatusChange:
    return record_change(session, commitment, verdict.status, verdict.reason, by=AUTOMATION,
                         source="auto", effective_on=verdict.effective_on, evidence_id=verdict.evidence_id)


def sweep(session: Session, today: dt.date, rules: StatusRules) -> list[StatusChange]:
    """Re-judge every automatically tracked commitment (the daily deadline sweep)."""
    changes = []
    for commitment in list_commitments(session):
        change = refresh(session, commitment, today, rules)
        if change is not None:
            changes.append(change)
    return changes


@dataclass
class Resolution:
    """The outcome of `tracker resolve`, for the CLI to report."""

    change: StatusChange
    adjusted_from: str | None = None  # "kept" when a late date turned it into kept_late


def resolve(session: Session, commitment_id: int, status: str, *, on: dt.date, by: str,
            note: str | None = None, evidence_url: str | None = None) -> Resolution:
    """Record an editor's decision; kept with a date after the deadline becomes kept_late."""
    if status not in MANUAL_STATUSES:
        raise InvalidValue(f"invalid status {status!r}: use one of {', '.join(MANUAL_STATUSES)}")
    commitment = get_commitment(session, commitment_id)
    adjusted = None
    if status == "kept" and commitment.due_latest and on > commitment.due_latest:
        status, adjusted = "kept_late", "kept"
    elif status == "kept_late" and commitment.due_latest and on <= commitment.due_latest:
        status, adjusted = "kept", "kept_late"
    reason = _resolution_reason(status, on, commitment.due_latest, note)
    change = record_change(session, commitment, status, reason, by=by, source="manual",
                           effective_on=on, evidence_url=evidence_url, note=note)
    return Resolution(change, adjusted)


def _resolution_reason(status: str, on: dt.date, due: dt.date | None, note: str | None) -> str:
    base = f"editor marked {status} as of {on}"
    if status in ("kept_late", "kept") and due:
        delta = (on - due).days
        base += f" ({delta} days after the deadline {due})" if delta > 0 else f" (deadline {due})"
    return f"{base}: {note}" if note else base


def undo(session: Session, commitment_id: int, *, by: str, today: dt.date, rules: StatusRules) -> StatusChange:
    """Revert the last manual change, itself recorded; automation resumes if no decision remains."""
    commitment = get_commitment(session, commitment_id)
    target = last_manual_change(commitment)
    if target is None:
        raise InvalidValue(f"commitment {commitment_id} has no manual change to undo: "
                           f"see `tracker history {commitment_id}`")
    restored = target.from_status or "pending"
    change = record_change(session, commitment, restored, f"undid change #{target.id} ({target.to_status})",
                           by=by, source="undo", effective_on=today, undoes_id=target.id)
    refresh(session, commitment, today, rules)
    return change


def replay(changes: Iterable[StatusChange]) -> list[str]:
    """Every status in order, rebuilt from the audit log alone (used by tests and `history`)."""
    statuses: list[str] = []
    for change in changes:
        if statuses and change.from_status != statuses[-1]:
            raise ValueError(f"audit log gap before change {change.id}")
        statuses.append(change.to_status)
    return statuses


def current_deadline(commitment: Commitment) -> tuple[str | None, dt.date | None]:
    """The latest deadline the actor has given (the original unless revised)."""
    if commitment.revisions:
        last = commitment.revisions[-1]
        return last.new_phrase, last.new_due_latest
    return commitment.deadline_phrase, commitment.due_latest


def add_revision(session: Session, commitment: Commitment, *, new_phrase: str | None,
                 new_due_latest: dt.date | None, revised_on: dt.date, announcement_id: int | None = None,
                 evidence_id: int | None = None, note: str | None = None) -> DeadlineRevision | None:
    """Record a new deadline for an existing promise (slip history); None if nothing changed."""
    old_phrase, old_due = current_deadline(commitment)
    if new_due_latest is None or new_due_latest == old_due:
        return None
    revision = DeadlineRevision(
        commitment_id=commitment.id, announcement_id=announcement_id, evidence_id=evidence_id,
        old_phrase=old_phrase, new_phrase=new_phrase, old_due_latest=old_due, new_due_latest=new_due_latest,
        revised_on=revised_on, note=note)
    session.add(revision)
    commitment.revisions.append(revision)
    session.flush()
    return revision
