"""`tracker run`: APScheduler 3.x wiring, the single-instance lock and signals.

The daemon keeps few jobs: a *tick* that polls the feeds that are due
(through :func:`tracker.pipeline.poll`, the very function `tracker poll`
uses), a daily deadline *sweep*, and a *render* of the report after changes.
Feed schedules live in the feed rows; APScheduler's own job store lives in
the same database (SQLAlchemyJobStore), so a sweep or render missed while the
daemon was down runs once at the next start (coalesced).

SIGTERM or SIGINT stops it gracefully: no new feed is started, the feeds in
flight are finished and committed, then it exits 0.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import signal
import socket
import threading
from dataclasses import dataclass, field
from typing import IO, Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy import Engine, text

from tracker import clock, store
from tracker.backoff import parse_duration
from tracker.config import Config, mask_url
from tracker.db import is_sqlite, sqlite_path, write_session
from tracker.errors import AlreadyRunning, InvalidValue

log = logging.getLogger("tracker.daemon")
JOB_TABLE = "apscheduler_jobs"
RENDER_DELAY = dt.timedelta(seconds=5)
MAIN_LOOP_SECONDS = 0.5
PG_LOCK_KEY = 0x7472_6163  # "trac": one daemon per PostgreSQL database until leases land


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
    matchers: Any = None  # tracker.pipeline.MatcherCache, kept across ticks


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
        request_render()


def sweep_job() -> None:
    """Move date-driven statuses (the daily deadline sweep)."""
    from tracker.pipeline import status_rules

    state = _current()
    with write_session(state.engine) as session:
        changes = store.sweep(session, clock.today(), status_rules(state.config))
    log.info("sweep: %d status change(s)", len(changes))
    if changes:
        request_render()


def render_job() -> None:
    """Re-render the static site (when the report module is installed in this version)."""
    from tracker import pipeline

    state = _current()
    result = pipeline.render_report(state.engine, state.config)
    log.info("report: %s", result)


def request_render() -> None:
    """Ask for one render soon; the main loop schedules it (several requests coalesce into one).

    Jobs must not call the scheduler themselves: during shutdown the scheduler
    holds its lock while it waits for running jobs, and the call would deadlock.
    """
    _current().render_wanted.set()


def _schedule_render(state: DaemonState) -> None:
    if state.scheduler is not None and state.render_wanted.is_set():
        state.render_wanted.clear()
        state.scheduler.add_job("tracker.daemon:render_job", "date", id="render", replace_existing=True,
                                run_date=clock.now() + RENDER_DELAY)


def _triggers(config: Config) -> dict[str, Any]:
    tick = parse_duration(config.daemon.tick)
    try:
        hour, minute = (int(x) for x in config.daemon.sweep_at.split(":"))
        sweep = CronTrigger(hour=hour, minute=minute, timezone=dt.timezone.utc)
    except ValueError:
        raise InvalidValue(f"daemon.sweep_at {config.daemon.sweep_at!r} is not HH:MM (UTC)") from None
    return {"tick": IntervalTrigger(seconds=max(1, int(tick.total_seconds())), timezone=dt.timezone.utc),
            "sweep": sweep}


def _schedule(scheduler: BackgroundScheduler, config: Config) -> None:
    """Add the standing jobs unless the job store already has them (keeps missed runs)."""
    for job_id, trigger in _triggers(config).items():
        func = f"tracker.daemon:{job_id}_job"
        job = scheduler.get_job(job_id)
        if job is None:
            first = clock.now() if job_id == "tick" else None
            scheduler.add_job(func, trigger, id=job_id, next_run_time=first or trigger.get_next_fire_time(None, clock.now()))
        elif str(job.trigger) != str(trigger):
            scheduler.reschedule_job(job_id, trigger=trigger)
    tick = scheduler.get_job("tick")
    if tick is not None:
        tick.modify(next_run_time=clock.now())  # poll what is due right away


def make_scheduler(engine: Engine) -> BackgroundScheduler:
    """A scheduler whose jobs persist in the tracker's database, one instance per job, coalesced."""
    return BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=engine, tablename=JOB_TABLE)},
        executors={"default": {"type": "threadpool", "max_workers": 2}},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        timezone=dt.timezone.utc,
    )


class InstanceLock:
    """Only one daemon per database: a file lock beside SQLite, an advisory lock on PostgreSQL."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._file: IO[str] | None = None
        self._conn: Any = None

    def acquire(self) -> None:
        if is_sqlite(self.engine):
            self._acquire_file(f"{sqlite_path(self.engine) or 'tracker.db'}.daemon.lock")
        else:
            self._acquire_pg()

    def _acquire_file(self, path: str) -> None:
        handle = open(path, "a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise AlreadyRunning(f"another `tracker run` ({holder}) is using {sqlite_path(self.engine)}: "
                                 "stop it first, or use `tracker poll` for a one-off cycle") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        self._file = handle

    def _acquire_pg(self) -> None:
        self._conn = self.engine.connect()
        got = self._conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": PG_LOCK_KEY}).scalar()
        self._conn.commit()
        if not got:
            self._conn.close()
            raise AlreadyRunning(f"another `tracker run` is using {mask_url(str(self.engine.url))}: stop it first")

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
        if self._conn is not None:
            self._conn.close()


def is_running(engine: Engine) -> bool:
    """Whether a daemon holds this database's lock (for `tracker status`)."""
    lock = InstanceLock(engine)
    try:
        lock.acquire()
    except AlreadyRunning:
        return True
    lock.release()
    return False


def run(engine: Engine, config: Config, *, stop: threading.Event | None = None) -> DaemonState:
    """Run until SIGTERM/SIGINT (or ``stop`` is set); returns the final state."""
    global _state
    lock = InstanceLock(engine)
    lock.acquire()
    state = DaemonState(engine, config, stop=stop or threading.Event())
    try:
        _sync_feeds(state)
        _state = state
        _install_signals(state.stop)
        scheduler = make_scheduler(engine)
        state.scheduler = scheduler
        scheduler.start(paused=True)
        _schedule(scheduler, config)
        scheduler.resume()
        log.info("daemon started as %s on %s", state.worker, mask_url(str(engine.url)))
        while not state.stop.wait(MAIN_LOOP_SECONDS):
            _schedule_render(state)
        log.info("stopping: finishing the feeds in flight")
        scheduler.pause()  # no new job is submitted while the executor drains
        scheduler.shutdown(wait=True)
        log.info("daemon stopped after %d cycle(s)", state.cycles)
    finally:
        _state = None
        lock.release()
    return state


def _sync_feeds(state: DaemonState) -> None:
    from tracker.feedstore import sync_config_feeds

    if not state.config.feeds:
        return
    with write_session(state.engine) as session:
        changed = sync_config_feeds(session, state.config.feeds, state.config.daemon.default_every, clock.now())
    log.info("config feeds: %d listed, %d added or changed", len(state.config.feeds), changed)


def _install_signals(stop: threading.Event) -> None:
    def handler(signum: int, _frame: object) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)
