"""Feeds and their items in the database: the schedule lives in the feed rows.

A failing feed is a row update, not a crash: the error is recorded, the next
poll backs off, and after ``max_errors`` consecutive failures (or a 410) the
feed is paused and shown as such until `tracker feeds resume`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_plus

from sqlalchemy import func, insert, or_, select, text, update
from sqlalchemy.orm import Session, object_session

from tracker.backoff import next_poll_after_failure, next_poll_after_success, parse_duration, should_pause
from tracker.config import Config, FeedConfig, mask_secrets
from tracker.errors import FetchError, InvalidValue, NotFound
from tracker.feeds import FeedItem as ParsedItem
from tracker.fetch import FetchResult, Validators
from tracker.models import Commitment, Feed, FeedItem
from tracker.serialize import iso_seconds

CONFIG_ROLES = ("evidence", "announcements", "both")
SYNC_LOCK_KEY = 0x7472_6167  # PostgreSQL workers starting together sync the config's feeds one at a time


def _serialize_sync(session: Session) -> None:
    """Make concurrent syncs queue (SQLite's ``BEGIN IMMEDIATE`` already does): no duplicate-URL race."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SYNC_LOCK_KEY})


def normalize_feed_url(url_or_path: str) -> str:
    """http(s) and file:// URLs as given; a local path becomes an absolute file:// URL."""
    if url_or_path.startswith(("http://", "https://", "file://")):
        from tracker.fetch import url_problem

        problem = url_problem(url_or_path)
        if problem:
            raise InvalidValue(f"{url_or_path!r}: {problem}")
    if url_or_path.startswith(("http://", "https://")):
        return _checked_http_url(url_or_path)
    if url_or_path.startswith("file://"):
        return url_or_path
    if "://" in url_or_path:
        raise InvalidValue(f"{url_or_path!r}: only http(s) URLs, file:// URLs and local paths can be polled")
    path = Path(url_or_path).expanduser()
    if not path.is_file():
        raise InvalidValue(f"{url_or_path!r}: no such file: give an http(s) URL or an existing feed file")
    return path.resolve().as_uri()


def _checked_http_url(url: str) -> str:
    """An http(s) URL with a host and no spaces, or InvalidValue now (not at the first poll)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        parts = None
    if parts is None or not parts.hostname or any(c.isspace() for c in url) or not set(".:") & set(parts.hostname) \
            and parts.hostname != "localhost":
        raise InvalidValue(f"{url!r} is not a valid feed URL: give it as https://host/path")
    return url


def get_feed(session: Session, ref: str | int) -> Feed:
    """A feed by id or URL, or NotFound with the next step."""
    feed = None
    if isinstance(ref, int) or str(ref).isdigit():
        feed = session.get(Feed, int(ref)) if int(ref) < 2**63 else None  # SQLite ids are 64-bit
    if feed is None:
        feed = session.scalar(select(Feed).where(Feed.url == str(ref)))
    if feed is None:
        raise NotFound(f"no feed {ref!r}: run `tracker feeds list` to see ids")
    return feed


def add_feed(session: Session, url_or_path: str, *, name: str = "", role: str = "evidence",
             every: str = "30m", now: dt.datetime, from_config: bool = False) -> tuple[Feed, bool]:
    """Add a feed (due at once). Returns (feed, True).

    A URL already polled is refused, not silently changed: :func:`edit_feed` changes a feed.
    """
    if role not in CONFIG_ROLES:
        raise InvalidValue(f"invalid role {role!r}: use one of {', '.join(CONFIG_ROLES)}")
    url = normalize_feed_url(url_or_path)
    seconds = int(parse_duration(every).total_seconds())
    known = session.scalar(select(Feed).where(Feed.url == url))
    if known is not None:
        raise InvalidValue(f"feed {known.id} already polls {url} ({known.role}, every {known.every_seconds // 60}m): "
                           f"change it with `tracker feeds edit {known.id} --every ... --role ... --name ...`")
    feed = Feed(url=url, next_poll_at=now, error_count=0, paused=False, name=(name or _default_name(url))[:200], role=role,
                every_seconds=seconds, from_config=from_config)
    session.add(feed)
    session.flush()
    return feed, True


def edit_feed(session: Session, ref: str | int, *, name: str | None = None, role: str | None = None,
              every: str | None = None) -> Feed:
    """Change a feed's name, role or interval; a new interval counts from its last poll."""
    feed = get_feed(session, ref)
    if role is not None and role not in CONFIG_ROLES:
        raise InvalidValue(f"invalid role {role!r}: use one of {', '.join(CONFIG_ROLES)}")
    if name is None and role is None and every is None:
        raise InvalidValue("nothing to change: give --name, --role or --every")
    if every is not None:
        feed.every_seconds = int(parse_duration(every).total_seconds())
        if feed.last_polled_at is not None:
            feed.next_poll_at = feed.last_polled_at + dt.timedelta(seconds=feed.every_seconds)
    feed.name = name if name is not None else feed.name
    feed.role = role or feed.role
    session.flush()
    return feed


def _default_name(url: str) -> str:
    url = mask_secrets(url)  # "https://user:pw@host/" would otherwise be named "user:pw@host"
    return url.rstrip("/").rsplit("/", 1)[-1][:200] or url[:200]


def remove_feed(session: Session, ref: str | int) -> Feed:
    """Delete a feed and its items; evidence keeps its link, title and explanation."""
    feed = get_feed(session, ref)
    session.delete(feed)
    session.flush()
    return feed


def resume_feed(session: Session, ref: str | int, now: dt.datetime) -> Feed:
    """Unpause a feed and make it due now."""
    feed = get_feed(session, ref)
    feed.paused, feed.error_count, feed.next_poll_at = False, 0, now
    session.flush()
    return feed


def sync_config_feeds(session: Session, feeds: Sequence[FeedConfig], default_every: str,
                      now: dt.datetime) -> int:
    """Upsert the config's [[feeds]] tables (thousands are fine: one query for the known URLs)."""
    _serialize_sync(session)
    urls = {normalize_feed_url(f.url): f for f in feeds}
    known = {f.url: f for f in session.scalars(select(Feed).where(Feed.url.in_(list(urls))))} if urls else {}
    changed = 0
    for url, cfg in urls.items():
        seconds = int(parse_duration(cfg.every or default_every).total_seconds())
        feed = known.get(url)
        if feed is None:
            session.add(Feed(url=url, name=(cfg.name or _default_name(url))[:200], role=cfg.role,
                             every_seconds=seconds, next_poll_at=now, from_config=True, error_count=0, paused=False))
            changed += 1
        elif (feed.name, feed.role, feed.every_seconds) != ((cfg.name or feed.name)[:200], cfg.role, seconds):
            feed.name, feed.role, feed.every_seconds = (cfg.name or feed.name)[:200], cfg.role, seconds
            changed += 1
    session.flush()
    return changed


def sync_search_feeds(session: Session, config: Config, commitments: Iterable[Commitment],
                      query_for, now: dt.datetime) -> int:  # type: ignore[no-untyped-def]
    """One search feed per (template, open commitment); the query is stored on the commitment."""
    if not config.search.templates:
        return 0
    _serialize_sync(session)
    seconds = int(parse_duration(config.search.every).total_seconds())
    added = 0
    for c in commitments:
        c.search_query = c.search_query or query_for(c)
        for template in config.search.templates:
            url = template.replace("{query}", quote_plus(c.search_query))
            if session.scalar(select(Feed.id).where(Feed.url == url)) is None:
                session.add(Feed(url=url, name=f"search: {c.search_query}"[:200], role="search",
                                 every_seconds=seconds, next_poll_at=now, commitment_id=c.id,
                                 error_count=0, paused=False))
                added += 1
    session.flush()
    return added


def due_feeds(session: Session, now: dt.datetime, *, every_feed: bool = False) -> list[Feed]:
    """Feeds to poll now: not paused, and due (or all with ``every_feed``)."""
    stmt = select(Feed).where(Feed.paused.is_(False)).order_by(Feed.next_poll_at, Feed.id)
    if not every_feed:
        stmt = stmt.where(or_(Feed.next_poll_at.is_(None), Feed.next_poll_at <= now))
    return list(session.scalars(stmt))


def claim_due_feeds(session: Session, now: dt.datetime, *, worker: str, lease: dt.timedelta, limit: int,
                    every_feed: bool = False, skip: Collection[int] = ()) -> list[Feed]:
    """Lease up to ``limit`` due feeds to ``worker`` (the caller commits); feeds leased by others are left alone.

    On PostgreSQL the rows are locked with ``FOR UPDATE SKIP LOCKED``, so workers
    claiming at the same moment get disjoint feeds; on SQLite ``BEGIN IMMEDIATE``
    already serialises the claim. A lease past ``lease_expires_at`` is free again:
    that is how a crashed worker's feeds are taken over. ``skip`` holds the feeds
    this cycle already handled (``every_feed`` ignores ``next_poll_at``).
    """
    stmt = (select(Feed).where(Feed.paused.is_(False),
                               or_(Feed.lease_expires_at.is_(None), Feed.lease_expires_at < now))
            .order_by(Feed.next_poll_at, Feed.id).limit(limit))
    if not every_feed:
        stmt = stmt.where(or_(Feed.next_poll_at.is_(None), Feed.next_poll_at <= now))
    if skip:
        stmt = stmt.where(Feed.id.not_in(list(skip)))
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True)
    feeds = list(session.scalars(stmt))
    for feed in feeds:
        feed.lease_owner, feed.lease_expires_at = worker[:100], now + lease
    session.flush()
    return feeds


def holds_lease(feed: Feed, worker: str) -> bool:
    """Whether ``worker`` still holds the feed's lease (not taken over after expiring)."""
    return feed.lease_owner == worker[:100]


def release_lease(feed: Feed) -> None:
    feed.lease_owner = feed.lease_expires_at = None


def release_leases(session: Session, feed_ids: Collection[int], worker: str) -> int:
    """Give back leases this worker claimed but did not poll (say on SIGTERM): others may take them now."""
    if not feed_ids:
        return 0
    result = session.execute(update(Feed).where(Feed.id.in_(list(feed_ids)), Feed.lease_owner == worker[:100])
                             .values(lease_owner=None, lease_expires_at=None))
    return result.rowcount or 0


def release_dead_leases(session: Session, host: str, alive: Callable[[int], bool]) -> int:
    """Free the leases of processes on ``host`` that are gone (owners are "host:pid"), without waiting for expiry."""
    owners = session.scalars(select(Feed.lease_owner).where(Feed.lease_owner.like(f"{host}:%")).distinct())
    dead = [o for o in owners if o and o.rsplit(":", 1)[-1].isdigit() and not alive(int(o.rsplit(":", 1)[-1]))]
    if not dead:
        return 0
    result = session.execute(update(Feed).where(Feed.lease_owner.in_(dead)).values(lease_owner=None,
                                                                                   lease_expires_at=None))
    return result.rowcount or 0


def validators_of(feed: Feed) -> Validators:
    return Validators(etag=feed.etag, last_modified=feed.last_modified, content_hash=feed.content_hash)


def record_success(feed: Feed, result: FetchResult, now: dt.datetime, rng: random.Random | None = None) -> None:
    """Store the new validators and schedule the next poll."""
    v = result.validators
    feed.etag, feed.last_modified, feed.content_hash = v.etag, v.last_modified, v.content_hash
    moved = result.permanent_redirect
    if moved and not moved.startswith("file://"):
        session = object_session(feed)
        taken = session is not None and session.scalar(select(Feed.id).where(Feed.url == moved, Feed.id != feed.id))
        if taken:
            feed.last_warning = f"moved permanently to {moved}, which is already feed {taken}: remove one of them"
        else:
            feed.url = moved
    feed.last_polled_at = feed.last_success_at = now
    feed.error_count, feed.last_error = 0, None
    feed.next_poll_at = next_poll_after_success(now, dt.timedelta(seconds=feed.every_seconds), rng)


def record_failure(feed: Feed, error: FetchError | Exception, now: dt.datetime, max_errors: int,
                   rng: random.Random | None = None) -> None:
    """Count the failure, back off, and pause the feed past the limit."""
    status = getattr(error, "status", None)
    retry_after = getattr(error, "retry_after", None)
    feed.error_count += 1
    feed.last_error = f"{now:%Y-%m-%d %H:%M} {mask_secrets(str(error))[:500]}"
    feed.last_polled_at = now
    feed.next_poll_at = next_poll_after_failure(now, dt.timedelta(seconds=feed.every_seconds),
                                                feed.error_count, retry_after, rng)
    if should_pause(feed.error_count, max_errors, status):
        feed.paused = True


@dataclass(frozen=True)
class StoredItem:
    """A feed item just stored: what matching and extraction read from it (plain data, not an ORM row)."""

    id: int
    key: str
    title: str
    text: str
    link: str | None
    published_at: dt.datetime | None
    guid: str | None = None


def known_keys(session: Session, feed_id: int, keys: Sequence[str]) -> set[str]:
    """The item keys of this feed already stored."""
    return set(ids_by_key(session, feed_id, keys))


def ids_by_key(session: Session, feed_id: int, keys: Sequence[str]) -> dict[str, int]:
    """The stored items of this feed among ``keys``: key -> item id (looked up 500 keys at a time)."""
    found: dict[str, int] = {}
    for start in range(0, len(keys), 500):
        chunk = list(keys[start:start + 500])
        rows = session.execute(select(FeedItem.key, FeedItem.id)
                               .where(FeedItem.feed_id == feed_id, FeedItem.key.in_(chunk)))
        found.update((key, row_id) for key, row_id in rows)
    return found


def store_items(session: Session, feed: Feed, items: Sequence[ParsedItem], now: dt.datetime) -> list[StoredItem]:
    """Insert the items not stored yet for this feed; returns the new ones (never duplicates).

    One Core ``INSERT ... RETURNING id``, no ORM objects: a first poll stores tens
    of thousands of items. They are marked matched because the caller matches
    them in this same transaction.
    """
    # a feed that never stored an item has none to compare with (a first poll of many feeds)
    known = known_keys(session, feed.id, [i.key for i in items]) if feed.last_new_item_at else set()
    new: list[ParsedItem] = []
    for item in items:
        if item.key not in known:
            known.add(item.key)
            new.append(item)
    if not new:
        return []
    feed.last_new_item_at = now
    values = [{"feed_id": feed.id, "key": i.key[:512], "guid": i.guid, "link": i.link, "title": i.title,
               "published_at": i.published, "summary_html": i.summary_html, "text": i.text,
               "content_hash": i.content_hash, "fetched_at": now, "matched": True} for i in new]
    table = FeedItem.__table__
    if session.get_bind().dialect.insert_returning:
        ids = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), values).scalars().all()
    else:  # SQLite before 3.35 has no RETURNING: insert, then read the ids back by key
        session.execute(insert(table), values)
        by_key = ids_by_key(session, feed.id, [v["key"] for v in values])
        ids = [by_key[v["key"]] for v in values]
    return [StoredItem(row_id, i.key[:512], i.title, i.text, i.link, i.published, i.guid)
            for row_id, i in zip(ids, new)]


@dataclass(frozen=True)
class FeedView:
    """One line of `tracker feeds list` (the JSON fields are documented)."""

    id: int
    url: str
    name: str
    role: str
    items: int
    last_polled_at: str | None
    next_poll_at: str | None
    error_count: int
    last_error: str | None
    paused: bool
    every_seconds: int = 0
    last_warning: str | None = None

    def as_json(self) -> dict[str, object]:
        """The documented JSON object of `tracker feeds list --format json`."""
        return {"id": self.id, "url": self.url, "name": self.name, "role": self.role, "items": self.items,
                "last_polled_at": self.last_polled_at, "next_poll_at": self.next_poll_at,
                "error_count": self.error_count, "last_error": self.last_error, "paused": self.paused,
                "every_seconds": self.every_seconds, "last_warning": self.last_warning}


def feed_views(session: Session) -> list[FeedView]:
    """Every feed with its item count, in id order."""
    counts = dict(session.execute(select(FeedItem.feed_id, func.count()).group_by(FeedItem.feed_id)).all())
    return [
        FeedView(f.id, f.url, f.name, f.role, counts.get(f.id, 0), iso_seconds(f.last_polled_at),
                 iso_seconds(f.next_poll_at),
                 f.error_count, f.last_error, f.paused, f.every_seconds, f.last_warning)
        for f in session.scalars(select(Feed).order_by(Feed.id))
    ]

