"""Notifications: each status change is sent once to the configured Apprise URLs.

Messages are plain text and say so (``body_format=TEXT``): the actor and the
promise come from feeds and pages, so Apprise must escape them for any HTML
target, and an e-mail goes out as text only, never with that text as HTML.

A change is marked in the ``notifications`` table when it was sent (or
skipped because it was older than ``notify.max_age_days`` when first seen,
so a new URL on an old database does not replay its history). A failed send
is retried at the next run; nothing is sent twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from tracker.config import Config
from tracker.db import read_session, write_session
from tracker.models import Notification, StatusChange, utcnow

log = logging.getLogger("tracker.notify")
BATCH = 200


@dataclass
class NotifyResult:
    sent: int = 0
    skipped: int = 0
    failed: int = 0


def message(change: StatusChange, base_url: str) -> tuple[str, str]:
    """Title and body of one change: the commitment, the new status, the reason and a link."""
    c = change.commitment
    title = f"{c.actor.name}: {change.to_status.replace('_', ' ')}"
    link = f"{base_url.rstrip('/')}/c/{c.id}.html" if base_url.startswith(("http://", "https://")) else ""
    lines = [f"{c.actor.name} promised to {c.what}.", f"Status: {change.from_status or 'new'} -> {change.to_status}",
             f"Why: {change.reason}"]
    if c.due_latest:
        lines.append(f"Deadline: {c.due_latest}")
    if link:
        lines.append(f"Details: {link}")
    return title, "\n".join(lines)


def unsent(session: Session) -> list[StatusChange]:
    """Changes (other than a promise being recorded) not yet sent or skipped."""
    done = select(Notification.status_change_id)
    stmt = (select(StatusChange).where(StatusChange.from_status.is_not(None), StatusChange.id.not_in(done))
            .order_by(StatusChange.id).limit(BATCH))
    return list(session.scalars(stmt))


def notify_pending(engine: Engine, config: Config, now: dt.datetime | None = None) -> NotifyResult:
    """Send every unsent change; no-op when no Apprise URL is configured.

    Changes are read, sent with no transaction open (a slow receiver must not
    hold the database), then marked one by one. The age cutoff uses the wall
    clock, like ``recorded_at``: ``--as-of`` never skips or replays history.
    """
    result = NotifyResult()
    if not config.notify.urls:
        return result
    import apprise

    sender = apprise.Apprise()
    for url in config.notify.urls:
        sender.add(url)
    cutoff = utcnow() - dt.timedelta(days=config.notify.max_age_days)
    while True:
        with read_session(engine) as session:
            batch = [(ch.id, ch.recorded_at, *message(ch, config.report.base_url)) for ch in unsent(session)]
        if not batch:
            return result
        for change_id, recorded_at, title, body in batch:
            if recorded_at < cutoff:
                _mark(engine, change_id, "skipped", "older than max_age_days")
                result.skipped += 1
            elif sender.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT):
                _mark(engine, change_id, "sent")
                result.sent += 1
            else:
                result.failed += 1
                log.warning("notification for change %s failed; will retry", change_id)
        if result.failed:
            return result  # a receiver is down: retry at the next run


def waiting(session: Session) -> tuple[int, int]:
    """(proposed commitments, proposed evidence) waiting for an editor."""
    from sqlalchemy import func

    from tracker.models import Evidence, ProposedCommitment

    promises = session.scalar(select(func.count()).select_from(ProposedCommitment)
                              .where(ProposedCommitment.state == "proposed")) or 0
    evidence = session.scalar(select(func.count()).select_from(Evidence).where(Evidence.state == "proposed")) or 0
    return promises, evidence


def digest_message(promises: int, evidence: int, base_url: str = "") -> tuple[str, str] | None:
    """The daily digest for the editor: how much waits in `tracker review` (None when nothing does).

    >>> digest_message(2, 5)[0]
    'tracker: 7 proposals wait for review'
    """
    total = promises + evidence
    if not total:
        return None
    lines = [f"{promises} proposed commitment(s) the extractor was unsure of,",
             f"{evidence} piece(s) of evidence the matcher would not decide alone.",
             "Run `tracker review` to accept or reject them."]
    return f"tracker: {total} proposal{'s' if total != 1 else ''} wait{'' if total != 1 else 's'} for review", "\n".join(lines)


def send_digest(engine: Engine, config: Config) -> bool | None:
    """Send the digest to the [notify] URLs: True sent, False failed, None when nothing waits or no URL is set.

    The daemon sends it after its daily sweep; `tracker notify --digest` sends it now (for cron).
    """
    if not config.notify.urls:
        return None
    with read_session(engine) as session:
        text = digest_message(*waiting(session), config.report.base_url)
    if text is None:
        return None
    import apprise

    sender = apprise.Apprise()
    for url in config.notify.urls:
        sender.add(url)
    return bool(sender.notify(title=text[0], body=text[1], body_format=apprise.NotifyFormat.TEXT))


def _mark(engine: Engine, change_id: int, state: str, detail: str | None = None) -> None:
    """Record that a change was handled; another process that got there first wins."""
    try:
        with write_session(engine) as session:
            session.add(Notification(status_change_id=change_id, state=state, detail=detail))
    except IntegrityError:
        log.info("change %s was already notified by another process", change_id)
