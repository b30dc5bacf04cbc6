"""`tracker run`: APScheduler 3.x wiring, the worker locks and signals.

The daemon keeps few jobs: a *tick* that polls the feeds that are due
(through :func:`tracker.pipeline.poll`, the very function `tracker poll`
uses), a daily deadline *sweep*, and a *render* of the report after changes.
Feed schedules live in the feed rows.

On SQLite one daemon runs per database (a file lock beside its real path). On PostgreSQL
any number of workers may run, on one machine or several:

- *Polling* is shared through the feed rows: each tick leases batches of due
  feeds (``FOR UPDATE SKIP LOCKED``, ``daemon.lease``), so workers poll
  disjoint feeds, and a crashed worker's feeds are taken over when its lease
  runs out. The tick job therefore lives in each worker's memory.
- *APScheduler's job store is not shared.* APScheduler 3 does not support
  several schedulers on one job store (each would run every due job, and two
  workers starting together race to insert the same job id). So the persisted
  store (``apscheduler_jobs``, holding the sweep and a pending render) is
  attached only to the *leader*: the worker holding the advisory lock
  ``LEADER_KEY``, retried by the others every ``LEADER_RETRY_SECONDS``. When the
  leader dies, PostgreSQL drops its lock and another worker attaches the store;
  a sweep or render missed meanwhile runs once there (coalesced). On SQLite the
  single daemon is the leader.
- The sweep takes a transaction advisory lock and the render a session one
  (``SWEEP_KEY``, ``RENDER_KEY``), so even a former leader that lost its
  connection never sweeps or renders alongside the new one; a render that
  finds the lock taken asks for another render later, so the last changes
  always reach the page.
- Every worker holds ``PG_LOCK_KEY`` in shared mode: `tracker status` counts
  its holders to tell whether a daemon is running.

SIGTERM or SIGINT stops a worker gracefully: no new feed is started, the
feeds in flight are finished and committed, the leases of the feeds it claimed
but did not fetch are given back, then it exits 0.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import signal
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import IO, Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from tracker import clock, queries, store
from tracker.backoff import parse_duration
from tracker.config import Config, mask_url
from tracker.db import is_sqlite, read_session, sqlite_path, write_session
from tracker.errors import AlreadyRunning, InvalidValue
from tracker.models import utcnow
from tracker.pipeline import prepare

log = logging.getLogger("tracker.daemon")
JOB_TABLE = "apscheduler_jobs"
RENDER_DELAY = dt.timedelta(seconds=5)
RENDER_SLACK = dt.timedelta(minutes=1)  # look back this much further: a transaction may commit late
MAIN_LOOP_SECONDS = 0.5
SHARED = "shared"  # the persisted job store, attached on the leader only
LEADER_RETRY_SECONDS = 2.0
PG_LOCK_KEY = 0x7472_6163  # "trac": held in shared mode by every worker (see is_running)
LEADER_KEY = 0x7472_6164  # the worker that runs the persisted jobs
SWEEP_KEY = 0x7472_6165
RENDER_KEY = 0x7472_6166
_LOCK_HOLDERS = text(
    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1"
    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    " AND ((classid::bigint << 32) | objid::bigint) = :k")


@dataclass
class DaemonState:
    """What the job functions need; APScheduler stores only their names."""

    engine: Engine
    config: Config
    stop: threading.Event = field(default_factory=threading.Event)
    worker: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    scheduler: BackgroundScheduler | None = None
    cycles: int = 0
    render_wanted: threading.Event = field(default_factory=threading.Event)
    changed: set[int] = field(default_factory=set)  # commitments changed since the last render
    matchers: Any = None  # tracker.pipeline.MatcherCache, kept across ticks
    rendered_at: dt.datetime | None = None  # wall clock at the start of the last render
    rendering: threading.Event = field(default_factory=threading.Event)  # a render job is running


_state: DaemonState | None = None


def _current() -> DaemonState:
    if _state is None:
        raise RuntimeError("daemon job ran outside `tracker run`")
    return _state


def tick_job() -> None:
    """Poll the due feeds; ask for a render when anything changed."""
    from tracker.pipeline import MatcherCache, poll

    state = _current()
    started = clock.now()
    state.matchers = state.matchers or MatcherCache()
    summary = poll(state.engine, state.config, stop=state.stop, worker=state.worker, matchers=state.matchers)
    state.cycles += 1
    if summary.feeds_due:
        log.info("cycle %d: %s in %.1fs", state.cycles, summary.line(), (clock.now() - started).total_seconds())
    if summary.new_commitments or summary.new_evidence or summary.status_changes:
        _after_changes(state, summary.changed_commitments)


def sweep_job() -> None:
    """Move date-driven statuses (the daily deadline sweep); one worker at a time."""
    from tracker.pipeline import status_rules

    state = _current()
    with write_session(state.engine) as session:
        if not _try_lock(session, SWEEP_KEY, xact=True):
            log.info("sweep: another worker is sweeping; skipped")
            return
        changes = store.sweep(session, clock.today(), status_rules(state.config))
    log.info("sweep: %d status change(s)", len(changes))
    if changes:
        _after_changes(state, {c.commitment_id for c in changes})
    from tracker.notify import send_digest

    sent = send_digest(state.engine, state.config)  # the editor's daily digest rides on the daily sweep
    if sent is not None:
        log.info("digest: %s", "sent" if sent else "failed; next sweep tries again")


def _after_changes(state: DaemonState, changed: set[int]) -> None:
    """Send notifications for new status changes and ask for a render of the changed pages."""
    from tracker.notify import notify_pending

    state.changed |= changed
    try:
        result = notify_pending(state.engine, state.config, clock.now())
        if result.sent or result.failed:
            log.info("notifications: %d sent, %d failed (retried later)", result.sent, result.failed)
    except Exception:  # noqa: BLE001 - a broken notifier must not stop polling
        log.exception("notifications failed; they are retried after the next change")
    request_render()


def render_job() -> None:
    """Re-render the static site; one worker at a time, the others ask again later."""
    state = _current()
    state.rendering.set()
    try:
        _render(state)
    finally:
        state.rendering.clear()


def _render(state: DaemonState) -> None:
    from tracker import pipeline

    with state.engine.connect() as conn:
        if not _try_lock(conn, RENDER_KEY):
            log.info("report: another worker is rendering; rendering again afterwards")
            request_render()
            return
        mine, since = state.changed, state.rendered_at
        changed = _changed_for_render(state)
        try:
            result = pipeline.render_report(state.engine, state.config, changed_ids=changed)
        except BaseException:
            state.changed, state.rendered_at = mine | state.changed, since  # the next render covers them
            raise
        finally:
            _unlock(conn, RENDER_KEY)
    log.info("report: %s", result)


def _changed_for_render(state: DaemonState) -> set[int] | None:
    """The commitments to re-render, or None to compare every page.

    On SQLite (one daemon): its own changes plus what an editor changed from
    another shell since the last render (`tracker resolve`, evidence decisions,
    new announcements: :func:`tracker.queries.changed_since`). The first render
    after a start, and every render with several PostgreSQL workers, compares
    every page instead: not every change leaves a timestamp (a renamed feed, a
    link to an older announcement). Record times are wall clock.
    """
    started, since = utcnow(), state.rendered_at
    state.rendered_at = started
    mine, state.changed = state.changed, set()
    if since is None or not is_sqlite(state.engine):
        return None
    with read_session(state.engine) as session:
        return mine | queries.changed_since(session, since - RENDER_SLACK)


def _try_lock(conn: Any, key: int, *, xact: bool = False) -> bool:
    """A PostgreSQL advisory lock without waiting (always granted on SQLite: one daemon)."""
    dialect = conn.get_bind().dialect if isinstance(conn, Session) else conn.dialect
    if dialect.name != "postgresql":
        return True
    func = "pg_try_advisory_xact_lock" if xact else "pg_try_advisory_lock"
    return bool(conn.execute(text(f"SELECT {func}(:k)"), {"k": key}).scalar())


def _unlock(conn: Any, key: int) -> None:
    if not is_sqlite(conn.engine):
        conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
        conn.commit()


def request_render() -> None:
    """Ask for one render soon; the main loop schedules it (several requests coalesce into one).

    Jobs must not call the scheduler themselves: during shutdown the scheduler
    holds its lock while it waits for running jobs, and the call would deadlock.
    """
    _current().render_wanted.set()


def _schedule_render(state: DaemonState, leader: bool) -> None:
    """Persist the render on the leader (a crash does not lose it); elsewhere keep it in memory.

    A render already waiting is never pushed back: with a tick shorter than RENDER_DELAY and
    changes every cycle, pushing it back on each request meant it never ran (0 renders in 60
    cycles). It runs at its time and takes every change made until it starts. While one is
    running, the request waits, and the next render is scheduled when that one is done.
    """
    if state.scheduler is None or not state.render_wanted.is_set() or state.rendering.is_set():
        return
    state.render_wanted.clear()
    if state.scheduler.get_job("render") is not None:
        return  # a render is already on its way: it will pick these changes up too
    state.scheduler.add_job("tracker.daemon:render_job", "date", id="render", replace_existing=True,
                            jobstore=SHARED if leader else "default", run_date=clock.now() + RENDER_DELAY)


def _triggers(config: Config) -> dict[str, Any]:
    tick = parse_duration(config.daemon.tick)
    try:
        hour, minute = (int(x) for x in config.daemon.sweep_at.split(":"))
        sweep = CronTrigger(hour=hour, minute=minute, timezone=dt.timezone.utc)
    except ValueError:
        raise InvalidValue(f"daemon.sweep_at {config.daemon.sweep_at!r} is not HH:MM (UTC)") from None
    return {"tick": IntervalTrigger(seconds=max(1, int(tick.total_seconds())), timezone=dt.timezone.utc),
            "sweep": sweep}


def _schedule_tick(scheduler: BackgroundScheduler, config: Config) -> None:
    """Each worker's own tick, in memory, first run right away."""
    scheduler.add_job("tracker.daemon:tick_job", _triggers(config)["tick"], id="tick", next_run_time=clock.now())


def _schedule_shared(scheduler: BackgroundScheduler, config: Config) -> None:
    """On the leader: attach the persisted store; add the sweep unless it is there (keeps missed runs)."""
    scheduler.add_jobstore(SQLAlchemyJobStore(engine=_current().engine, tablename=JOB_TABLE), SHARED)
    for job in scheduler.get_jobs(jobstore=SHARED):
        if job.id not in ("sweep", "render"):
            job.remove()  # a tick persisted by an older version: ticks now live in memory
    trigger = _triggers(config)["sweep"]
    job = scheduler.get_job("sweep", jobstore=SHARED)
    if job is None:
        scheduler.add_job("tracker.daemon:sweep_job", trigger, id="sweep", jobstore=SHARED,
                          next_run_time=trigger.get_next_fire_time(None, clock.now()))
    elif str(job.trigger) != str(trigger):
        scheduler.reschedule_job("sweep", jobstore=SHARED, trigger=trigger)


def make_scheduler(engine: Engine) -> BackgroundScheduler:
    """A scheduler with an in-memory store; the leader adds the persisted one. One instance per job, coalesced."""
    return BackgroundScheduler(
        executors={"default": {"type": "threadpool", "max_workers": 2}},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        timezone=dt.timezone.utc,
    )


class Leadership:
    """The advisory lock of the worker that runs the persisted jobs (always held on SQLite)."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.held = False
        self._conn: Any = None
        self._next_try = 0.0

    def try_acquire(self) -> bool:
        """Take the lead if it is free (tried at most every LEADER_RETRY_SECONDS)."""
        if is_sqlite(self.engine):
            self.held = True
            return True
        if time.monotonic() < self._next_try:
            return False
        self._next_try = time.monotonic() + LEADER_RETRY_SECONDS
        conn = self.engine.connect()
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LEADER_KEY}).scalar()
        conn.commit()
        if got:
            self._conn, self.held = conn, True
        else:
            conn.close()
        return bool(got)

    def still_held(self) -> bool:
        """False once the lock's connection is gone (the database restarted): another worker may lead."""
        if is_sqlite(self.engine) or time.monotonic() < self._next_try:
            return True
        self._next_try = time.monotonic() + LEADER_RETRY_SECONDS
        try:
            self._conn.execute(text("SELECT 1")).scalar()
            self._conn.commit()
        except Exception:  # noqa: BLE001 - any failure means the lock is gone with the session
            self.release()
            return False
        return True

    def release(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn, self.held = None, False


def lock_path(engine: Engine) -> str:
    """The SQLite daemon's lock file: beside the database's *real* path.

    Every spelling of one database (a symlink, ``./x/../tracker.db``, a relative path) resolves
    to the same file, so they all meet on the same lock; locking the path as written let a
    second daemon in through a symlink.
    """
    return f"{os.path.realpath(sqlite_path(engine) or 'tracker.db')}.daemon.lock"


class InstanceLock:
    """One daemon per SQLite database (a file lock beside it); on PostgreSQL a shared lock per worker."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._file: IO[str] | None = None
        self._conn: Any = None

    def acquire(self) -> None:
        if is_sqlite(self.engine):
            self._acquire_file(lock_path(self.engine))
        else:
            self._conn = self.engine.connect()
            self._conn.execute(text("SELECT pg_advisory_lock_shared(:k)"), {"k": PG_LOCK_KEY})
            self._conn.commit()

    def _acquire_file(self, path: str) -> None:
        handle = open(path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise AlreadyRunning(f"another `tracker run` ({holder}) is using {sqlite_path(self.engine)}: "
                                 "stop it first, or use `tracker poll` for a one-off cycle "
                                 "(several workers need PostgreSQL)") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
        if self._conn is not None:
            self._conn.close()


def running_workers(engine: Engine) -> int:
    """How many daemons use this database (for `tracker status`): 0 or 1 on SQLite."""
    if not is_sqlite(engine):
        with engine.connect() as conn:
            return int(conn.execute(_LOCK_HOLDERS, {"k": PG_LOCK_KEY}).scalar() or 0)
    lock = InstanceLock(engine)
    try:
        lock.acquire()
    except AlreadyRunning:
        return 1
    lock.release()
    return 0


def is_running(engine: Engine) -> bool:
    """Whether a daemon holds this database's lock (for `tracker status`)."""
    return running_workers(engine) > 0


def run(engine: Engine, config: Config, *, stop: threading.Event | None = None) -> DaemonState:
    """Run until SIGTERM/SIGINT (or ``stop`` is set); returns the final state."""
    global _state
    lock = InstanceLock(engine)
    lock.acquire()
    leader = Leadership(engine)
    state = DaemonState(engine, config, stop=stop or threading.Event())
    try:
        prepare(engine, config)  # after the lock: a refused second daemon changes nothing
        _state = state
        _install_signals(state.stop)
        scheduler = make_scheduler(engine)
        state.scheduler = scheduler
        scheduler.start(paused=True)
        _schedule_tick(scheduler, config)
        _lead(state, leader)
        scheduler.resume()
        log.info("daemon started as %s on %s", state.worker, mask_url(str(engine.url)))
        while not state.stop.wait(MAIN_LOOP_SECONDS):
            _lead(state, leader)
            _schedule_render(state, leader.held)
        log.info("stopping: finishing the feeds in flight")
        scheduler.pause()  # no new job is submitted while the executor drains
        scheduler.shutdown(wait=True)
        log.info("daemon stopped after %d cycle(s)", state.cycles)
    finally:
        _state = None
        leader.release()
        lock.release()
    return state


def _lead(state: DaemonState, leader: Leadership) -> None:
    """Attach the persisted jobs when this worker becomes the leader; detach them if it stops being one."""
    assert state.scheduler is not None
    if leader.held:
        if not leader.still_held():
            state.scheduler.remove_jobstore(SHARED)
            log.warning("lost the leader lock (database connection gone): another worker may sweep now")
    elif leader.try_acquire():
        _schedule_shared(state.scheduler, state.config)
        if not is_sqlite(state.engine):
            log.info("this worker is the leader: it runs the sweep and keeps the schedule")


def _install_signals(stop: threading.Event) -> None:
    def handler(signum: int, _frame: object) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)
