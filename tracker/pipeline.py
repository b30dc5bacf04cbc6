"""The pipeline functions that the CLI and the daemon share.

sources -> fetch -> parse -> extract -> store -> match -> status -> report.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tracker import clock, feedstore
from tracker.config import Config
from tracker.db import is_sqlite, read_session, write_session
from tracker.errors import TrackerError
from tracker.models import DaemonRun, Feed, FeedItem
from tracker.status import StatusRules
from tracker.intake import conventions
from tracker.sources import SourceText, read_source, read_url

if TYPE_CHECKING:
    from tracker.evidence import Matcher
    from tracker.extract import Commitment as Extracted
    from tracker.feeds import FeedItem as ParsedItem
    from tracker.feeds import ParsedFeed

log = logging.getLogger("tracker.pipeline")
SUMMARY_WORDS = 60  # an announcement item shorter than this is a teaser: read the linked page


def status_rules(config: Config) -> StatusRules:
    """The status engine's date rules from the ``[status]`` config table."""
    return StatusRules(due_soon_days=config.status.due_soon_days, grace_days=config.status.grace_days)


def fetch_limits(config: Config):  # type: ignore[no-untyped-def]
    """The fetch limits from the ``[fetch]`` config table."""
    from tracker import USER_AGENT
    from tracker.fetch import FetchLimits

    f = config.fetch
    return FetchLimits(connect_timeout=f.connect_timeout, total_timeout=f.total_timeout,
                       max_redirects=f.max_redirects, max_bytes=f.max_bytes, user_agent=f.user_agent or USER_AGENT)


def extract_source(spec: str, config: Config, *, published: dt.date | None = None,
                   default_actor: str | None = None,
                   include_conditional: bool = False) -> tuple[list[Extracted], SourceText, dt.date]:
    """Read SOURCE and extract its commitments; the date is --published, metadata, then today."""
    from tracker.extract import extract_commitments

    src = read_source(spec, limits=fetch_limits(config) if spec.startswith(("http://", "https://")) else None)
    day = published or src.published or clock.today()
    found = extract_commitments(src.text, day, default_actor=default_actor,
                                include_conditional=include_conditional, conventions=conventions(config))
    return found, src, day


@dataclass
class CycleSummary:
    """What one polling cycle did (printed by `tracker poll`, stored for `tracker status`)."""

    feeds_due: int = 0
    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    new_items: int = 0
    new_commitments: int = 0
    new_evidence: int = 0
    status_changes: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    changed_commitments: set[int] = field(default_factory=set)
    stopped_early: bool = False

    def line(self) -> str:
        return (f"feeds: {self.fetched} fetched, {self.not_modified} not modified, {self.failed} failed; "
                f"{self.new_items} new items, {self.new_commitments} new commitments, "
                f"{self.new_evidence} new evidence")


def poll(engine: Engine, config: Config, *, every_feed: bool = False, stop: threading.Event | None = None,
         on_feed: Callable[[str, str], None] | None = None, worker: str = "",
         matchers: MatcherCache | None = None) -> CycleSummary:
    """One polling cycle over the due feeds: claim a batch, fetch, parse, store, extract, match; repeat.

    Feeds are leased in batches of ``daemon.claim_batch`` (see
    :func:`tracker.feedstore.claim_due_feeds`), so several `tracker run` workers on
    PostgreSQL share the due feeds and `tracker poll` never polls a feed a worker
    holds. Each feed is committed on its own, which clears its lease, so a stop
    (SIGTERM) or a crash loses at most the feeds in flight, and re-polling never
    duplicates an item.
    """
    cycle = Cycle(engine, config, CycleSummary(), matchers or MatcherCache(), worker or default_worker())
    started = clock.now()
    handled: set[int] = set()
    while not (stop is not None and stop.is_set()):
        jobs = _claim(cycle, every_feed, handled)
        if not jobs:
            break
        handled.update(feed_id for feed_id, _, _ in jobs)
        cycle.summary.feeds_due += len(jobs)
        _poll_batch(cycle, jobs, stop, on_feed)
    cycle.summary.stopped_early = stop is not None and stop.is_set()
    _record_cycle(engine, started, cycle.summary, cycle.worker)
    return cycle.summary


def default_worker() -> str:
    """This process's lease owner name: host:pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def claim_size(config: Config) -> int:
    """Feeds claimed at a time: ``daemon.claim_batch``, but at least four per fetch slot,
    so a wide ``fetch.concurrency`` is not starved between batches."""
    return max(config.daemon.claim_batch, 4 * config.fetch.concurrency)


def _claim(cycle: Cycle, every_feed: bool, handled: set[int]) -> list[tuple[int, str, object]]:
    """Lease the next batch of due feeds to this worker and commit, so other workers skip them."""
    from tracker.backoff import parse_duration

    daemon = cycle.config.daemon
    with write_session(cycle.engine) as session:
        feeds = feedstore.claim_due_feeds(session, clock.now(), worker=cycle.worker,
                                          lease=parse_duration(daemon.lease), limit=claim_size(cycle.config),
                                          every_feed=every_feed, skip=handled)
        return [(f.id, f.url, feedstore.validators_of(f)) for f in feeds]


def _poll_batch(cycle: Cycle, jobs: list[tuple[int, str, object]], stop: threading.Event | None,
                on_feed: Callable[[str, str], None] | None) -> None:
    """Fetch one claimed batch and ingest each feed; give back the leases of feeds never fetched."""
    from tracker.fetch import fetch_many

    config, done = cycle.config, set()
    unchanged: list[tuple[int, object]] = []
    try:
        for feed_id, outcome in fetch_many(jobs, fetch_limits(config), max_workers=config.fetch.concurrency,
                                           per_host=config.fetch.per_host, stop=stop):
            if getattr(outcome, "not_modified", False):
                unchanged.append((feed_id, outcome))  # stored together: one commit for many 304s
                if len(unchanged) >= UNCHANGED_BATCH:
                    _store_unchanged(cycle, unchanged, done, on_feed)
                continue
            label = _ingest_guarded(cycle, feed_id, outcome)
            done.add(feed_id)
            if on_feed:
                on_feed(str(feed_id), label)
    finally:
        _store_unchanged(cycle, unchanged, done, on_feed)
        left = [feed_id for feed_id, _, _ in jobs if feed_id not in done]
        if left:
            with write_session(cycle.engine) as session:
                feedstore.release_leases(session, left, cycle.worker)


UNCHANGED_BATCH = 50


def _store_unchanged(cycle: Cycle, unchanged: list[tuple[int, object]], done: set[int],
                     on_feed: Callable[[str, str], None] | None) -> None:
    """Record "not modified" results of several feeds in one transaction (they only move schedules)."""
    if not unchanged:
        return
    now = clock.now()
    with write_session(cycle.engine) as session:
        for feed_id, outcome in unchanged:
            feed = session.get(Feed, feed_id, with_for_update=not is_sqlite(cycle.engine), populate_existing=True)
            label = "removed"
            if feed is not None and cycle.worker and not feedstore.holds_lease(feed, cycle.worker):
                label = "lease lost"
            elif feed is not None:
                feedstore.release_lease(feed)
                feedstore.record_success(feed, outcome, now)  # type: ignore[arg-type]
                cycle.summary.not_modified += 1
                label = "not modified"
            done.add(feed_id)
            if on_feed:
                on_feed(str(feed_id), label)
    unchanged.clear()


def _ingest_guarded(cycle: Cycle, feed_id: int, outcome: object) -> str:
    """Ingest one feed; an unexpected error fails that feed (recorded on its row), never the cycle."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return cycle.ingest(feed_id, outcome)
    except (SQLAlchemyError, ValueError, LookupError) as exc:
        log.exception("feed %s: storing its items failed", feed_id)
        with write_session(cycle.engine) as session:
            feed = session.get(Feed, feed_id)
            if feed is None:
                return "removed"
            feedstore.release_leases(session, [feed_id], cycle.worker)
            return _fail(feed, RuntimeError(f"storing its items failed: {type(exc).__name__}: "
                                            f"{str(exc).splitlines()[0][:200]}"), clock.now(), cycle.config, cycle.summary)


class MatcherCache:
    """The candidate index, kept across cycles and rebuilt only when commitments changed."""

    def __init__(self) -> None:
        self._matcher: Matcher | None = None
        self._stamp: tuple[object, ...] | None = None

    def get(self, session: Session) -> Matcher:
        from sqlalchemy import func, select

        from tracker.evidence import Matcher
        from tracker.models import Commitment

        stamp = tuple(session.execute(select(func.count(Commitment.id), func.max(Commitment.id),
                                             func.max(Commitment.updated_at))).one())
        if self._matcher is None or stamp != self._stamp:
            self._matcher, self._stamp = Matcher.load(session), stamp
        return self._matcher

    def forget(self) -> None:
        self._stamp = None


@dataclass
class Cycle:
    """One polling cycle's shared state: where to write, what was done, the matcher."""

    engine: Engine
    config: Config
    summary: CycleSummary
    matchers: MatcherCache
    worker: str = ""

    def ingest(self, feed_id: int, outcome: object) -> str:
        """Store one feed's fetch outcome in its own transaction; returns a short label.

        Parsing and fetching linked pages happen before the write transaction,
        so the database is never locked during network I/O.
        """
        from tracker.errors import FeedError, FetchError
        from tracker.feeds import parse_feed

        parsed = pages = None
        error: Exception | None = outcome if isinstance(outcome, FetchError) else None
        if error is None and not outcome.not_modified:  # type: ignore[attr-defined]
            try:
                parsed = parse_feed(outcome.body or b"", outcome.headers, outcome.url)  # type: ignore[attr-defined]
            except FeedError as exc:
                error = exc
            else:
                pages = _announcement_pages(self.engine, self.config, feed_id, parsed.items)
        now = clock.now()
        with write_session(self.engine) as session:
            # Row lock: a worker taking over an expired lease either sees this result or waits for it.
            feed = session.get(Feed, feed_id, with_for_update=not is_sqlite(self.engine), populate_existing=True)
            if feed is None:  # removed while fetching
                return "removed"
            if self.worker and not feedstore.holds_lease(feed, self.worker):
                log.warning("feed %s: lease expired and taken over by %s; result dropped", feed_id, feed.lease_owner)
                return "lease lost"
            feedstore.release_lease(feed)
            if error is not None:
                return _fail(feed, error, now, self.config, self.summary)
            feedstore.record_success(feed, outcome, now)  # type: ignore[arg-type]
            if parsed is None:
                self.summary.not_modified += 1
                return "not modified"
            label, to_archive = self._store(session, feed, parsed, pages or {}, now)
        archive_evidence_pages(self.engine, self.config, to_archive)
        return label

    def _store(self, session: Session, feed: Feed, parsed: ParsedFeed, pages: dict[str, SourceText],
               now: dt.datetime) -> tuple[str, list[int]]:
        summary = self.summary
        moved = feed.last_warning if feed.last_warning and feed.last_warning.startswith("moved permanently") else None
        feed.last_warning = "; ".join(w for w in (moved, parsed.warning) if w) or None
        if parsed.warning:
            summary.warnings.append(f"feed {feed.id} ({feed.name}): {parsed.warning}")
        new_rows = feedstore.store_items(session, feed, parsed.items, now)
        summary.fetched += 1
        summary.new_items += len(new_rows)
        if feed.role in ("announcements", "both"):
            for row in new_rows:
                _extract_item(session, self.config, row, pages.get(row.key), summary)
            self.matchers.forget()
        if feed.role == "announcements":
            for row in new_rows:
                row.matched = True  # announcements are not evidence
            return f"{len(new_rows)} new", []
        return f"{len(new_rows)} new", self._match(session, new_rows)

    def _match(self, session: Session, rows: list[FeedItem]) -> list[int]:
        from tracker.evidence import match_items

        if not rows:
            return []
        result = match_items(session, self.matchers.get(session), rows, config=self.config, today=clock.today(),
                             rules=status_rules(self.config))
        self.summary.new_evidence += result.new_evidence
        self.summary.status_changes += result.status_changes
        self.summary.changed_commitments |= result.changed_commitments
        return result.to_archive if self.config.fetch.archive_evidence_pages else []


def _announcement_pages(engine: Engine, config: Config, feed_id: int, items: list[ParsedItem]) -> dict[str, SourceText]:
    """For new items of an announcement feed that carry only a summary, the linked page's text."""
    with read_session(engine) as session:
        feed = session.get(Feed, feed_id)
        if feed is None or feed.role not in ("announcements", "both"):
            return {}
        known = feedstore.known_keys(session, feed_id, [i.key for i in items])
    pages = {}
    for item in items:
        if item.key in known or len(item.text.split()) >= SUMMARY_WORDS or not item.link:
            continue
        if not item.link.startswith(("http://", "https://")):
            continue
        try:
            pages[item.key] = read_url(item.link, fetch_limits(config))
        except TrackerError as exc:
            log.info("item %s: linked page not used (%s); extracting from the summary", item.key, exc)
    return pages


def _extract_item(session: Session, config: Config, row: FeedItem, page: SourceText | None,
                  summary: CycleSummary) -> None:
    """Extract and save the commitments of one announcement item, dated by the item."""
    from tracker.extract import extract_commitments
    from tracker.intake import save_extraction

    day = row.published_at.date() if row.published_at else clock.today()
    src = page or SourceText(text=f"{row.title}\n\n{row.text}".strip(), published=day, title=row.title,
                             url=row.link, label=row.link or row.key)
    found = extract_commitments(src.text, day, conventions=conventions(config))
    result = save_extraction(session, replace(src, url=row.link or src.url, title=row.title or src.title), found,
                             published=day, by="tracker", today=clock.today(),
                             rules=status_rules(config), feed_item_id=row.id)
    summary.new_commitments += len(result.created)
    summary.changed_commitments.update(c.id for c in result.created + result.linked)


def _fail(feed: Feed, error: Exception, now: dt.datetime, config: Config, summary: CycleSummary) -> str:
    feedstore.record_failure(feed, error, now, config.daemon.max_errors)
    summary.failed += 1
    paused = " (paused: run `tracker feeds resume %d`)" % feed.id if feed.paused else ""
    summary.errors.append(f"feed {feed.id} ({feed.name}): {error}{paused}")
    log.warning("feed %s failed: %s%s", feed.id, error, paused)
    return "failed"


def _record_cycle(engine: Engine, started: dt.datetime, summary: CycleSummary, worker: str) -> None:
    with write_session(engine) as session:
        session.add(DaemonRun(
            started_at=started, finished_at=clock.now(), worker=worker, feeds_fetched=summary.fetched,
            feeds_not_modified=summary.not_modified, feeds_failed=summary.failed, new_items=summary.new_items,
            new_commitments=summary.new_commitments, new_evidence=summary.new_evidence,
            errors="\n".join(summary.errors[:50]) or None))


def prepare(engine: Engine, config: Config) -> None:
    """Before polling: free leases of dead local processes, sync [[feeds]] and the search feeds of open commitments."""
    from tracker.queries import open_commitments

    with write_session(engine) as session:
        freed = feedstore.release_dead_leases(session, socket.gethostname(), _process_alive)
        if freed:
            log.info("%d lease(s) of stopped processes on this host released", freed)
        if config.feeds:
            changed = feedstore.sync_config_feeds(session, config.feeds, config.daemon.default_every, clock.now())
            log.info("config feeds: %d listed, %d added or changed", len(config.feeds), changed)
        if config.search.templates:
            feedstore.sync_search_feeds(session, config, open_commitments(session), search_query_for, clock.now())


def search_query_for(commitment: object) -> str:
    """The news-search query of one commitment: actor plus the key terms of the promise."""
    from tracker.evidence import commitment_doc
    from tracker.match import search_query

    return search_query(commitment_doc(commitment))


def archive_evidence_pages(engine: Engine, config: Config, evidence_ids: list[int]) -> int:
    """Fetch the linked page of newly accepted evidence once and keep its text and hash."""
    import hashlib

    from tracker.evidence import archive_page, get_evidence

    archived = 0
    for evidence_id in evidence_ids:
        with read_session(engine) as session:
            url = get_evidence(session, evidence_id).url
        if not url or not url.startswith(("http://", "https://")):
            continue
        try:
            page = read_url(url, fetch_limits(config))
        except TrackerError as exc:
            log.info("evidence %s: page not archived (%s)", evidence_id, exc)
            continue
        digest = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
        with write_session(engine) as session:
            archive_page(session, evidence_id, page.text, digest, clock.now())
        archived += 1
    return archived


def render_report(engine: Engine, config: Config, out_dir: str | None = None,
                  changed_ids: set[int] | None = None) -> str:
    """Write the static site (atomically swapped in); returns a one-line summary."""
    from pathlib import Path

    from tracker.report import build_site

    result = build_site(engine, config, Path(out_dir or config.report.out_dir), clock.today(),
                        changed_ids=changed_ids)
    return (f"{result.pages_written} file(s) written, {result.pages_unchanged} unchanged; "
            f"index: {result.index_path}")
