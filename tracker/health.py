"""`tracker status`: the daemon's health, read from the database alone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.orm import Session

from tracker.config import Config
from tracker.models import DaemonRun, Feed
from tracker.serialize import iso_seconds


def health_report(session: Session, engine: Engine, config: Config, now: dt.datetime) -> dict[str, Any]:
    """Last cycle, paused feeds, silent feeds and the scheduler's next runs, as plain data."""
    from tracker.daemon import is_running

    feeds = list(session.scalars(select(Feed).order_by(Feed.id)))
    silent_before = now - dt.timedelta(days=config.daemon.silent_days)
    return {
        "daemon_running": is_running(engine),
        "last_cycle": _last_cycle(session),
        "feeds": len(feeds),
        "paused": [{"id": f.id, "name": f.name, "last_error": f.last_error} for f in feeds if f.paused],
        "silent": [{"id": f.id, "name": f.name, "since": iso_seconds(f.last_new_item_at or f.created_at)}
                   for f in feeds if not f.paused and f.role != "search" and f.last_success_at
                   and (f.last_new_item_at or f.created_at) < silent_before],
        "failing": [{"id": f.id, "name": f.name, "error_count": f.error_count, "last_error": f.last_error}
                    for f in feeds if f.error_count and not f.paused],
        "jobs": _jobs(session, engine),
    }


def _last_cycle(session: Session) -> dict[str, Any] | None:
    run = session.scalar(select(DaemonRun).order_by(DaemonRun.started_at.desc(), DaemonRun.id.desc()).limit(1))
    if run is None:
        return None
    duration = (run.finished_at - run.started_at).total_seconds() if run.finished_at else 0.0
    return {"started_at": iso_seconds(run.started_at), "duration_s": duration, "worker": run.worker,
            "fetched": run.feeds_fetched, "not_modified": run.feeds_not_modified, "failed": run.feeds_failed,
            "new_items": run.new_items, "new_commitments": run.new_commitments, "new_evidence": run.new_evidence,
            "errors": (run.errors or "").splitlines()}


def _jobs(session: Session, engine: Engine) -> list[dict[str, Any]]:
    """Next run of each scheduled job, from APScheduler's table in our database."""
    from tracker.daemon import JOB_TABLE

    if JOB_TABLE not in inspect(engine).get_table_names():
        return []
    rows = session.execute(text(f"SELECT id, next_run_time FROM {JOB_TABLE} ORDER BY id")).all()
    return [{"id": job_id, "next_run_at": iso_seconds(dt.datetime.fromtimestamp(ts, dt.timezone.utc)) if ts else None}
            for job_id, ts in rows]

