"""The database schema as SQLAlchemy 2.x typed models.

Migrations in ``alembic/versions`` must produce exactly this schema (a test
runs Alembic's autogenerate comparison on SQLite and PostgreSQL).

History is append-only: :class:`StatusChange` and :class:`DeadlineRevision`
rows can be added, never updated or deleted (enforced by mapper events).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    false,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from tracker.errors import DatabaseError
from tracker.status import ALL_STATUSES, AUTO_STATUSES, MANUAL_STATUSES  # noqa: F401 - re-exported

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

VISIBILITIES = ("public", "retracted", "merged")
EDIT_ACTIONS = ("edit", "retract", "restore", "merge", "merged", "link")
EVIDENCE_KINDS = ("fulfilment", "progress", "delay", "cancellation", "mention")
EVIDENCE_STATES = ("proposed", "accepted", "rejected", "discarded")
FEED_ROLES = ("evidence", "announcements", "both", "search")


def utcnow() -> dt.datetime:
    """Wall-clock time for ``recorded_at`` columns (record time is never pinned)."""
    return dt.datetime.now(dt.timezone.utc)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC on every backend (SQLite would hand back naive datetimes)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


class Actor(Base):
    """A company, government body or person who makes promises."""

    __tablename__ = "actors"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    aliases: Mapped[list[ActorAlias]] = relationship(back_populates="actor", cascade="all, delete-orphan")
    commitments: Mapped[list[Commitment]] = relationship(back_populates="actor")


class ActorAlias(Base):
    """Another name of an actor; ``norm`` is the lookup key (lower-case, folded spaces)."""

    __tablename__ = "actor_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    norm: Mapped[str] = mapped_column(String(200), unique=True)
    actor: Mapped[Actor] = relationship(back_populates="aliases")


class Announcement(Base):
    """A text that states commitments: a file, a web page or a feed item."""

    __tablename__ = "announcements"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    feed_item_id: Mapped[int | None] = mapped_column(ForeignKey("feed_items.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Commitment(Base):
    """One promise: who, what, by when, and where it stands."""

    __tablename__ = "commitments"
    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id"), index=True)
    what: Mapped[str] = mapped_column(Text)
    quote: Mapped[str | None] = mapped_column(Text)
    deadline_phrase: Mapped[str | None] = mapped_column(Text)
    due_earliest: Mapped[dt.date | None] = mapped_column(Date)
    due_latest: Mapped[dt.date | None] = mapped_column(Date, index=True)
    deadline_rule: Mapped[str | None] = mapped_column(Text)
    stated_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    status_source: Mapped[str] = mapped_column(String(10), default="auto")
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    conditional: Mapped[bool] = mapped_column(Boolean, default=False)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    keep_until: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # a state to last
    tags: Mapped[list[str]] = mapped_column(default=list)
    search_query: Mapped[str | None] = mapped_column(Text)
    # "public", or hidden from lists and the site but kept: "retracted" (a wrong
    # extraction) or "merged" (a duplicate of ``merged_into_id``). See CommitmentEdit.
    visibility: Mapped[str] = mapped_column(String(20), default="public", index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("commitments.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    actor: Mapped[Actor] = relationship(back_populates="commitments")
    sources: Mapped[list[CommitmentSource]] = relationship(
        back_populates="commitment", order_by="CommitmentSource.stated_on", cascade="all, delete-orphan")
    changes: Mapped[list[StatusChange]] = relationship(
        back_populates="commitment", order_by="StatusChange.id", foreign_keys="StatusChange.commitment_id")
    revisions: Mapped[list[DeadlineRevision]] = relationship(
        back_populates="commitment", order_by="DeadlineRevision.id")
    evidence: Mapped[list[Evidence]] = relationship(back_populates="commitment", order_by="Evidence.id")
    edits: Mapped[list[CommitmentEdit]] = relationship(
        back_populates="commitment", order_by="CommitmentEdit.id", foreign_keys="CommitmentEdit.commitment_id")


class CommitmentSource(Base):
    """Links a commitment to every announcement that stated it."""

    __tablename__ = "commitment_sources"
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"),
                                                 primary_key=True, index=True)
    quote: Mapped[str | None] = mapped_column(Text)
    deadline_phrase: Mapped[str | None] = mapped_column(Text)
    stated_on: Mapped[dt.date | None] = mapped_column(Date)
    commitment: Mapped[Commitment] = relationship(back_populates="sources")
    announcement: Mapped[Announcement] = relationship()


class Feed(Base):
    """A polled feed. Its schedule lives here: the daemon only asks what is due."""

    __tablename__ = "feeds"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default="evidence")
    every_seconds: Mapped[int] = mapped_column(Integer, default=1800)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64))
    last_polled_at: Mapped[dt.datetime | None]
    last_success_at: Mapped[dt.datetime | None]
    last_new_item_at: Mapped[dt.datetime | None]
    next_poll_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_warning: Mapped[str | None] = mapped_column(Text)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    from_config: Mapped[bool] = mapped_column(Boolean, default=False)
    commitment_id: Mapped[int | None] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"))
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_expires_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class FeedItem(Base):
    """One entry of a feed, stored once per (feed, key)."""

    __tablename__ = "feed_items"
    __table_args__ = (UniqueConstraint("feed_id", "key", name="uq_feed_items_feed_id_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    feed_id: Mapped[int] = mapped_column(ForeignKey("feeds.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(512))
    guid: Mapped[str | None] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    published_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    summary_html: Mapped[str] = mapped_column(Text, default="")  # as the feed wrote it: unsanitized, never render it
    text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    matched: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    feed: Mapped[Feed] = relationship()


class Evidence(Base):
    """What one feed item says about one commitment, and who decided on it.

    ``story_*`` identify the story behind the item (canonical link, global guid, content hash)
    even after its feed and item rows are gone: a story an editor rejected for a commitment
    is never proposed for it again, whichever feed brings it back.
    """

    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("commitment_id", "item_id", name="uq_evidence_commitment_id_item_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("feed_items.id", ondelete="SET NULL"), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    state: Mapped[str] = mapped_column(String(20), default="proposed", index=True)
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    new_due_latest: Mapped[dt.date | None] = mapped_column(Date)
    explanation: Mapped[dict[str, Any]] = mapped_column(default=dict)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime | None]
    page_text: Mapped[str | None] = mapped_column(Text)
    page_hash: Mapped[str | None] = mapped_column(String(64))
    page_fetched_at: Mapped[dt.datetime | None]
    # The story the item told (tracker.story), kept past its feed: a rejected story stays rejected.
    story_link: Mapped[str | None] = mapped_column(Text)
    story_guid: Mapped[str | None] = mapped_column(Text)
    story_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    commitment: Mapped[Commitment] = relationship(back_populates="evidence")
    item: Mapped[FeedItem | None] = relationship()


class StatusChange(Base):
    """Append-only audit log: every status a commitment ever had, and why."""

    __tablename__ = "status_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"))
    evidence_url: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(10))  # auto | manual | undo
    effective_on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    undoes_id: Mapped[int | None] = mapped_column(ForeignKey("status_changes.id"))
    commitment: Mapped[Commitment] = relationship(back_populates="changes", foreign_keys=[commitment_id])


class DeadlineRevision(Base):
    """A new deadline given for an existing promise: the slip history (append-only)."""

    __tablename__ = "deadline_revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    announcement_id: Mapped[int | None] = mapped_column(ForeignKey("announcements.id", ondelete="SET NULL"))
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id", ondelete="SET NULL"))
    old_phrase: Mapped[str | None] = mapped_column(Text)
    new_phrase: Mapped[str | None] = mapped_column(Text)
    old_due_latest: Mapped[dt.date | None] = mapped_column(Date)
    new_due_latest: Mapped[dt.date | None] = mapped_column(Date)
    revised_on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    commitment: Mapped[Commitment] = relationship(back_populates="revisions")


class CommitmentEdit(Base):
    """Append-only log of corrections to the record: who changed what, when and why.

    ``action`` is one of :data:`EDIT_ACTIONS`; ``changes`` maps each field to
    ``[old, new]`` (dates as ISO text). ``other_id`` names the other commitment of
    a merge, or the announcement a ``link`` attached.
    """

    __tablename__ = "commitment_edits"
    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    other_id: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    commitment: Mapped[Commitment] = relationship(back_populates="edits", foreign_keys=[commitment_id])


class DaemonRun(Base):
    """One cycle of polling (from ``tracker poll`` or the daemon), for ``tracker status``."""

    __tablename__ = "poll_cycles"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(index=True)
    finished_at: Mapped[dt.datetime | None]
    worker: Mapped[str] = mapped_column(String(100), default="")
    feeds_fetched: Mapped[int] = mapped_column(Integer, default=0)
    feeds_not_modified: Mapped[int] = mapped_column(Integer, default=0)
    feeds_failed: Mapped[int] = mapped_column(Integer, default=0)
    new_items: Mapped[int] = mapped_column(Integer, default=0)
    new_commitments: Mapped[int] = mapped_column(Integer, default=0)
    new_evidence: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[str | None] = mapped_column(Text)


class Notification(Base):
    """That a status change was sent to the configured Apprise URLs (or skipped): sent once."""

    __tablename__ = "notifications"
    id: Mapped[int] = mapped_column(primary_key=True)
    status_change_id: Mapped[int] = mapped_column(ForeignKey("status_changes.id", ondelete="CASCADE"), unique=True)
    state: Mapped[str] = mapped_column(String(10))  # sent | skipped
    sent_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    detail: Mapped[str | None] = mapped_column(Text)


class MatchTerms(Base):
    """A commitment's index terms for the evidence matcher, computed once and kept.

    Derived data, not part of the record: ``key`` hashes the text the terms come
    from (actor, aliases, promise, quote) and the matcher's code, so a changed
    commitment or a new tracker release makes the row stale and it is recomputed.
    Loading the index then reads these rows instead of re-reading every promise.
    """

    __tablename__ = "match_terms"
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(40))
    terms: Mapped[dict[str, Any]] = mapped_column()  # stem -> [weight, is an object term]


class ProposedCommitment(Base):
    """A promise the extractor was not sure of: it waits for an editor in ``tracker review``.

    Nothing the extractor doubts is stored as a commitment unseen, and nothing is dropped without a
    trace: between ``extract.review_threshold`` and ``extract.min_confidence`` a candidate lands here
    with its reasons. Accepting it creates the commitment (``commitment_id``); rejecting it keeps the
    row, so the same sentence is never proposed again.
    """

    __tablename__ = "proposed_commitments"
    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"), index=True)
    actor: Mapped[str | None] = mapped_column(String(200))
    actor_aliases: Mapped[list[str]] = mapped_column(default=list)
    what: Mapped[str] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    deadline_phrase: Mapped[str | None] = mapped_column(Text)
    due_earliest: Mapped[dt.date | None] = mapped_column(Date)
    due_latest: Mapped[dt.date | None] = mapped_column(Date)
    stated_on: Mapped[dt.date] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[str]] = mapped_column(default=list)
    conditional: Mapped[bool] = mapped_column(Boolean, default=False)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(20), default="proposed", index=True)  # proposed|accepted|rejected
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_at: Mapped[dt.datetime | None]
    commitment_id: Mapped[int | None] = mapped_column(ForeignKey("commitments.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    announcement: Mapped[Announcement] = relationship()


Index("ix_commitments_actor_status", Commitment.actor_id, Commitment.status)


def _refuse_history_edit(mapper: Any, connection: Any, target: Any) -> None:
    raise DatabaseError(f"{type(target).__name__} rows are append-only history and cannot be changed")


for _cls in (StatusChange, DeadlineRevision, CommitmentEdit):
    event.listen(_cls, "before_update", _refuse_history_edit)
    event.listen(_cls, "before_delete", _refuse_history_edit)
