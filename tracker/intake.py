"""Storing promises that arrive by hand (`tracker add`) or from the extractor.

Turns deadline phrases into windows with the deadline module and hands rows to
:mod:`tracker.store`; used by the CLI and the pipeline alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy.orm import Session

from tracker import store
from tracker.config import Config
from tracker.models import Commitment
from tracker.status import StatusRules


def conventions(config: Config) -> "DeadlineConventions":
    """The deadline conventions from the config's ``[deadlines]`` table."""
    from tracker.extract.deadlines import DeadlineConventions

    return DeadlineConventions.from_mapping(config.deadlines)


def add_manual(
    session: Session, config: Config, *, actor: str, what: str, due: dt.date | None, deadline: str | None,
    source_url: str | None, quote: str | None, stated_on: dt.date, tags: Iterable[str], negated: bool,
    by: str, today: dt.date, rules: StatusRules,
) -> Commitment:
    """Store one hand-entered commitment; a deadline phrase is read against ``stated_on``."""
    new = store.NewCommitment(actor=actor, what=what.strip(), stated_on=stated_on, quote=quote,
                              tags=tuple(tags), negated=negated)
    if deadline:
        from tracker.extract.deadlines import resolve_deadline

        window = resolve_deadline(deadline, stated_on, conventions(config))
        new.deadline_phrase, new.due_earliest, new.due_latest = deadline, window.earliest, window.latest
        new.deadline_rule = window.rule
    elif due:
        new.due_latest, new.deadline_rule = due, "exact date given"
    source = None
    if source_url:
        source, _ = store.announcement_for(session, url=source_url, published=stated_on)
    return store.add_commitment(session, new, by=by, today=today, rules=rules, source=source)
