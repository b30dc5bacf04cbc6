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

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from tracker import clock, feedstore
from tracker.config import Config, mask_secrets
from tracker.db import is_sqlite, read_session, write_session
from tracker.errors import TrackerError
from tracker.models import DaemonRun, Feed
from tracker.sources import SourceText, read_url
from tracker.stages import conventions, extract_source, extract_text, fetch_limits, status_rules  # noqa: F401 - also importable from here
from tracker.match import use_synonyms
from tracker.linked_pages import LinkedPages, PageBudget, read_linked_pages, wants_page

if TYPE_CHECKING:
    from tracker.errors import FeedError
    from tracker.evidence import Matcher
    from tracker.feedstore import StoredItem
    from tracker.fetch import FetchResult
    from tracker.extract.extractor import Extraction
    from tracker.feeds import FeedItem as ParsedItem
    from tracker.feeds import ParsedFeed

log = logging.getLogger("tracker.pipeline")


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

    def every_fetch_failed(self) -> bool:
        """Nothing stored and no feed answered: for cron, a cycle that did nothing at all."""
        stored = self.new_items or self.new_commitments or self.new_evidence or self.status_changes
        return bool(self.failed) and not (self.fetched or self.not_modified or stored)

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
    cycle = Cycle(engine, config, CycleSummary(), matchers or MatcherCache(), worker or default_worker(),
                  pages=PageBudget.starting_now(config.fetch.page_budget, stop))
    if use_synonyms(config.matching.synonyms):
        cycle.matchers.forget()  # the index was built with another synonym table
    cycle.matchers.new_cycle()
    follow_promises(engine, config)
    started = clock.now()
    _poll_claimed(cycle, every_feed, stop, on_feed)
    cycle.summary.stopped_early = stop is not None and stop.is_set()
    _record_cycle(engine, started, cycle.summary, cycle.worker)
    return cycle.summary


def default_worker() -> str:
    """This process's lease owner name: host:pid."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _claim(cycle: Cycle, every_feed: bool, handled: set[int]) -> list[tuple[int, str, object]]:
    """Lease the next batch of due feeds to this worker and commit, so other workers skip them.

    ``handled`` (the feeds this cycle already claimed) grows by the batch: a feed
    falling due again before the cycle ends waits for the next cycle.
    """
    from tracker.backoff import parse_duration

    daemon = cycle.config.daemon
    with write_session(cycle.engine) as session:
        feeds = feedstore.claim_due_feeds(session, clock.now(), worker=cycle.worker,
                                          lease=parse_duration(daemon.lease), limit=daemon.claim_batch,
                                          every_feed=every_feed, skip=handled)
        jobs = [(f.id, f.url, feedstore.validators_of(f)) for f in feeds]
        cycle.roles.update((f.id, f.role) for f in feeds)
    handled.update(feed_id for feed_id, _, _ in jobs)
    cycle.summary.feeds_due += len(jobs)
    return jobs


def _poll_claimed(cycle: Cycle, every_feed: bool, stop: threading.Event | None,
                  on_feed: Callable[[str, str], None] | None) -> None:
    """Claim, fetch and ingest until no due feed is left; give back the leases of feeds never fetched.

    The fetcher asks for the next claim while the current one is still being
    fetched, so the fetch slots never run dry between batches.
    """
    from tracker.fetch import fetch_many
    from tracker.parsing import start_parsers

    config, handled, done = cycle.config, set(), set()
    unchanged: list[tuple[int, object]] = []
    start_parsers(config.fetch.parse_processes)  # they start while the first feeds are fetched
    try:
        for feed_id, (outcome, parsed) in fetch_many(
                (), fetch_limits(config), max_workers=config.fetch.concurrency, per_host=config.fetch.per_host,
                stop=stop, more=lambda: _claim(cycle, every_feed, handled), job=_fetch_and_parse(config)):
            if getattr(outcome, "not_modified", False):
                unchanged.append((feed_id, outcome))  # stored together: one commit for many 304s
                if len(unchanged) >= UNCHANGED_BATCH:
                    _store_unchanged(cycle, unchanged, done, on_feed)
                continue
            label = _ingest_guarded(cycle, feed_id, outcome, parsed)
            done.add(feed_id)
            if on_feed:
                on_feed(str(feed_id), label)
    finally:
        _store_unchanged(cycle, unchanged, done, on_feed)
        left = [feed_id for feed_id in handled if feed_id not in done]
        if left:
            with write_session(cycle.engine) as session:
                feedstore.release_leases(session, left, cycle.worker)


UNCHANGED_BATCH = 50


def _fetch_and_parse(config: Config) -> Callable[..., tuple[object, object]]:
    """The job of each fetch thread: fetch, then parse a new body (in a parser process, see
    :mod:`tracker.parsing`). Returns ``(fetch result or error, parsed feed or FeedError or None)``."""
    from tracker.errors import FetchError
    from tracker.fetch import fetch_one

    processes = config.fetch.parse_processes

    def job(url, previous, limits, client):  # type: ignore[no-untyped-def]
        outcome = fetch_one(url, previous, limits, client)
        if isinstance(outcome, FetchError) or outcome.not_modified:
            return outcome, None
        return outcome, _parse_outcome(outcome, processes)

    return job


def _parse_outcome(outcome: FetchResult, processes: int) -> ParsedFeed | FeedError:
    """The fetched body parsed, or the FeedError saying why it holds no feed."""
    from tracker.errors import FeedError
    from tracker.parsing import parse_body

    try:
        return parse_body(outcome.body or b"", outcome.headers, outcome.url, processes)
    except FeedError as exc:
        return exc
    except Exception as exc:  # a parser bug fails this feed, never the cycle
        log.exception("feed %s: parsing failed", outcome.url)
        first = str(exc).splitlines()[0][:200] if str(exc) else ""
        return FeedError(f"{outcome.url}: not parsed: internal error ({type(exc).__name__}: {first})")


def _store_unchanged(cycle: Cycle, unchanged: list[tuple[int, object]], done: set[int],
                     on_feed: Callable[[str, str], None] | None) -> None:
    """Record "not modified" results of several feeds in one transaction (they only move schedules).

    The feed rows are read with one query (locked on PostgreSQL), not one each:
    in a steady state nearly every feed answers 304.
    """
    if not unchanged:
        return
    now = clock.now()
    with write_session(cycle.engine) as session:
        stmt = (select(Feed).where(Feed.id.in_([feed_id for feed_id, _ in unchanged]))
                .execution_options(populate_existing=True))
        if not is_sqlite(cycle.engine):
            stmt = stmt.with_for_update()
        feeds = {feed.id: feed for feed in session.scalars(stmt)}
        for feed_id, outcome in unchanged:
            feed = feeds.get(feed_id)
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


def _ingest_guarded(cycle: Cycle, feed_id: int, outcome: object, parsed: object) -> str:
    """Ingest one feed; an unexpected error fails that feed (recorded on its row), never the cycle."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        return cycle.ingest(feed_id, outcome, parsed)
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
    """The candidate index, kept across cycles and rebuilt only when commitments changed.

    Whether commitments changed (another process added or edited some) is asked
    of the database once per cycle; this process's own changes call :meth:`forget`.
    """

    def __init__(self) -> None:
        self._matcher: Matcher | None = None
        self._stamp: tuple[object, ...] | None = None
        self._checked = False

    def new_cycle(self) -> None:
        """Ask the database again (once) whether commitments changed: a cycle starts."""
        self._checked = False

    def get(self, session: Session) -> Matcher:
        from sqlalchemy import func

        from tracker.evidence import Matcher
        from tracker.models import Commitment

        if self._matcher is not None and self._checked:
            return self._matcher
        stamp = tuple(session.execute(select(func.count(Commitment.id), func.max(Commitment.id),
                                             func.max(Commitment.updated_at))).one())
        if self._matcher is None or stamp != self._stamp:
            self._matcher, self._stamp = Matcher.load(session, persist=True), stamp
        self._checked = True
        return self._matcher

    def forget(self) -> None:
        self._stamp, self._checked = None, False


@dataclass
class Cycle:
    """One polling cycle's shared state: where to write, what was done, the matcher."""

    engine: Engine
    config: Config
    summary: CycleSummary
    matchers: MatcherCache
    worker: str = ""
    pages: PageBudget = field(default_factory=lambda: PageBudget.starting_now(60.0))  # linked pages, all feeds
    roles: dict[int, str] = field(default_factory=dict)  # feed id -> role, from the claims

    def ingest(self, feed_id: int, outcome: object, parsed: object) -> str:
        """Store one feed's fetch outcome and parsed feed in its own transaction; returns a short label.

        ``parsed`` is what the fetch thread parsed (:func:`_fetch_and_parse`): a
        ParsedFeed, a FeedError, or None for a failed fetch or a 304. Fetching
        linked pages happens before the write transaction, so the database is
        never locked during network I/O.
        """
        from tracker.errors import FeedError, FetchError

        pages = LinkedPages()
        error: Exception | None = outcome if isinstance(outcome, FetchError) else None
        if isinstance(parsed, FeedError):
            error, parsed = parsed, None
        elif parsed is not None and self.roles.get(feed_id, "announcements") in ("announcements", "both"):
            pages = _announcement_pages(self, feed_id, parsed.items)  # type: ignore[attr-defined]
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
            label, to_archive = self._store(session, feed, parsed, pages, now)
        archive_evidence_pages(self.engine, self.config, to_archive)
        return label

    def _store(self, session: Session, feed: Feed, parsed: ParsedFeed, pages: LinkedPages,
               now: dt.datetime) -> tuple[str, list[int]]:
        summary = self.summary
        moved = feed.last_warning if feed.last_warning and feed.last_warning.startswith("moved permanently") else None
        items, dates_warning, undated = without_implausible_dates(parsed.items)
        waiting = _defer(feed, pages.deferred, now)
        feed.last_warning = "; ".join(w for w in (moved, parsed.warning, dates_warning, waiting) if w) or None
        for warning in (parsed.warning, dates_warning, waiting):
            if warning:
                summary.warnings.append(f"feed {feed.id} ({feed.name}): {warning}")
        new_rows = feedstore.store_items(session, feed, [i for i in items if i.key not in pages.deferred], now)
        summary.fetched += 1
        summary.new_items += len(new_rows)
        if feed.role in ("announcements", "both"):
            for row in new_rows:
                _extract_item(session, self.config, row, pages.pages.get(row.key), summary)
            self.matchers.forget()
        if feed.role == "announcements":
            return f"{len(new_rows)} new", []  # announcements are not evidence
        held = {row.id for row in new_rows if row.key in undated}
        return f"{len(new_rows)} new", self._match(session, new_rows, held)

    def _match(self, session: Session, rows: list[StoredItem], held: set[int]) -> list[int]:
        from tracker.evidence import match_items

        if not rows:
            return []
        matcher = self.matchers.get(session)
        result = match_items(session, matcher, rows, config=self.config, today=clock.today(),
                             rules=status_rules(self.config), held=held)
        if result.status_changes:  # a promise evidence just closed takes no more evidence, even this cycle
            matcher.drop_closed(session, result.changed_commitments)
        self.summary.new_evidence += result.new_evidence
        self.summary.status_changes += result.status_changes
        self.summary.changed_commitments |= result.changed_commitments
        return result.to_archive if self.config.fetch.archive_evidence_pages else []


def without_implausible_dates(items: list[ParsedItem]) -> tuple[list[ParsedItem], str | None, set[str]]:
    """The items with every implausible date (:func:`tracker.clock.plausible`) taken out.

    Returns the items, a warning for the feed (None when every date was fine) and the keys of the
    items whose date was dropped: such an item is stored undated, and evidence from it waits for an
    editor instead of deciding a verdict (a year-1 ``pubDate`` was once auto-accepted as "kept").
    """
    today = clock.today()
    bad = [i for i in items if i.published is not None and not clock.plausible(i.published.date(), today)]
    if not bad:
        return items, None, set()
    keys = {item.key for item in bad}
    example = f"{bad[0].published.date().isoformat()} on {bad[0].key[:80]}"  # type: ignore[union-attr]
    warning = (f"{len(bad)} item(s) with an implausible date ({example}): stored undated; "
               "evidence from them waits for review")
    return [replace(item, published=None) if item.key in keys else item for item in items], warning, keys


def _announcement_pages(cycle: Cycle, feed_id: int, items: list[ParsedItem]) -> LinkedPages:
    """For new items of an announcement feed that carry only a summary, the linked page's text
    (concurrently, within the cycle's page budget: see :mod:`tracker.linked_pages`)."""
    with read_session(cycle.engine) as session:
        feed = session.get(Feed, feed_id)
        if feed is None or feed.role not in ("announcements", "both"):
            return LinkedPages()
        known = feedstore.known_keys(session, feed_id, [i.key for i in items])
    wanted = [item for item in items if item.key not in known and wants_page(item)]
    fetch = cycle.config.fetch
    return read_linked_pages(wanted, fetch_limits(cycle.config), cycle.pages, concurrency=fetch.concurrency,
                             per_host=fetch.per_host)


def _defer(feed: Feed, deferred: set[str], now: dt.datetime) -> str | None:
    """Items whose linked page did not fit in this cycle's budget wait: nothing of them is stored now,
    and the feed is fetched again in full at the next cycle. Returns the warning, if any."""
    if not deferred:
        return None
    feed.etag = feed.last_modified = feed.content_hash = None  # the same body must not count as "not modified"
    feed.next_poll_at = now
    return f"{len(deferred)} item(s) wait for the next cycle: their linked pages did not fit in fetch.page_budget"


def _extract_item(session: Session, config: Config, row: StoredItem, page: SourceText | None,
                  summary: CycleSummary) -> None:
    """Extract and save the commitments of one announcement item, dated by the item."""
    from tracker.intake import save_extraction

    day = row.published_at.date() if row.published_at else clock.today()
    src = page or SourceText(text=f"{row.title}\n\n{row.text}".strip(), published=day, title=row.title,
                             url=row.link, label=row.link or row.key)
    found = extract_text(src, day, config)
    result = save_extraction(session, replace(src, url=row.link or src.url, title=row.title or src.title),
                             found.commitments, published=day, by="tracker", today=clock.today(),
                             rules=status_rules(config), feed_item_id=row.id, proposals=found.proposals)
    summary.new_commitments += len(result.created)
    summary.changed_commitments.update(c.id for c in result.created + result.linked)


def _fail(feed: Feed, error: Exception, now: dt.datetime, config: Config, summary: CycleSummary) -> str:
    feedstore.record_failure(feed, error, now, config.daemon.max_errors)
    summary.failed += 1
    paused = " (paused: run `tracker feeds resume %d`)" % feed.id if feed.paused else ""
    message = mask_secrets(str(error))  # a feed URL may carry a password
    summary.errors.append(f"feed {feed.id} ({feed.name}): {message}{paused}")
    log.warning("feed %s failed: %s%s", feed.id, message, paused)
    return "failed"


def _record_cycle(engine: Engine, started: dt.datetime, summary: CycleSummary, worker: str) -> None:
    with write_session(engine) as session:
        session.add(DaemonRun(
            started_at=started, finished_at=clock.now(), worker=worker[:100], feeds_fetched=summary.fetched,
            feeds_not_modified=summary.not_modified, feeds_failed=summary.failed, new_items=summary.new_items,
            new_commitments=summary.new_commitments, new_evidence=summary.new_evidence,
            errors="\n".join(summary.errors[:50]) or None))


def prepare(engine: Engine, config: Config) -> None:
    """Before polling: free leases of dead local processes, sync [[feeds]] and the search feeds of open commitments."""
    from tracker.parsing import process_alive
    from tracker.queries import open_commitments

    with write_session(engine) as session:
        freed = feedstore.release_dead_leases(session, socket.gethostname(), process_alive)
        if freed:
            log.info("%d lease(s) of stopped processes on this host released", freed)
        if config.feeds:
            changed = feedstore.sync_config_feeds(session, config.feeds, config.daemon.default_every, clock.now())
            log.info("config feeds: %d listed, %d added or changed", len(config.feeds), changed)
        if config.search.templates:
            feedstore.sync_search_feeds(session, config, open_commitments(session), search_query_for, clock.now())


RETIRED = "retired: the promise is decided"


def follow_promises(engine: Engine, config: Config) -> tuple[int, int]:
    """Search feeds follow the promises, every cycle: (feeds added, feeds retired or resumed).

    A commitment extracted while the daemon runs gets its search feeds in the
    next cycle (those without a search query yet: one indexed query); a
    decided one (kept, kept late, withdrawn, or settled by an editor) stops
    being searched: its search feeds are paused with a note, and resumed if
    the decision is reversed. Only the first cycle after a restart
    (:func:`prepare`) looks at every open commitment.
    """
    if not config.search.templates:
        return 0, 0
    from sqlalchemy import or_

    from tracker.models import Commitment
    from tracker.queries import CLOSED_STATUSES

    decided = or_(Commitment.status_source == "manual", Commitment.status.in_(CLOSED_STATUSES))
    with write_session(engine) as session:
        new = session.scalars(select(Commitment).where(Commitment.search_query.is_(None), ~decided)
                              .order_by(Commitment.id)).all()
        added = feedstore.sync_search_feeds(session, config, new, search_query_for, clock.now()) if new else 0
        searched = select(Feed).join(Commitment, Feed.commitment_id == Commitment.id).where(Feed.role == "search")
        retire = session.scalars(searched.where(decided, Feed.paused.is_(False))).all()
        for feed in retire:
            feed.paused, feed.last_warning = True, RETIRED
        resume = session.scalars(searched.where(~decided, Feed.paused.is_(True), Feed.last_warning == RETIRED)).all()
        for feed in resume:
            feed.paused, feed.last_warning, feed.next_poll_at = False, None, clock.now()
        changed = len(retire) + len(resume)
    if added or changed:
        log.info("search feeds: %d added, %d retired or resumed", added, changed)
    return added, changed


def search_query_for(commitment: object) -> str:
    """The news-search query of one commitment: actor plus the key terms of the promise."""
    from tracker.store import commitment_doc
    from tracker.match import search_query

    return search_query(commitment_doc(commitment))


def archive_evidence_pages(engine: Engine, config: Config, evidence_ids: list[int]) -> int:
    """Fetch the linked page of newly accepted evidence once and keep its text and hash.

    Each page stands alone: one that cannot be fetched, read or stored is logged and skipped,
    and never fails its feed or the cycle (the items and evidence are already committed).
    """
    archived = 0
    for evidence_id in evidence_ids:
        try:
            archived += _archive_one(engine, config, evidence_id)
        except TrackerError as exc:
            log.info("evidence %s: page not archived (%s)", evidence_id, exc)
        except Exception:  # noqa: BLE001 - a page that breaks the reader fails that page only
            log.exception("evidence %s: page not archived (unexpected error)", evidence_id)
    return archived


def _archive_one(engine: Engine, config: Config, evidence_id: int) -> bool:
    import hashlib

    from tracker.evidence import archive_page, get_evidence

    with read_session(engine) as session:
        url = get_evidence(session, evidence_id).url
    if not url or not url.startswith(("http://", "https://")):
        return False
    page = read_url(url, fetch_limits(config), untrusted=True)
    digest = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
    with write_session(engine) as session:
        archive_page(session, evidence_id, page.text, digest, clock.now())
    return True


def render_report(engine: Engine, config: Config, out_dir: str | None = None,
                  changed_ids: set[int] | None = None) -> str:
    """Write the static site (atomically swapped in); returns a one-line summary."""
    from pathlib import Path

    from tracker.report import build_site

    result = build_site(engine, config, Path(out_dir or config.report.out_dir), clock.today(),
                        changed_ids=changed_ids)
    return (f"{result.pages_written} file(s) written, {result.pages_unchanged} unchanged; "
            f"index: {result.index_path}")
