"""Storing promises that arrive by hand (`tracker add`) or from the extractor.

Turns deadline phrases into windows with the deadline module and hands rows to
:mod:`tracker.store`; used by the CLI and the pipeline alike.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from tracker import clock, store
from tracker.clock import EARLIEST_PLAUSIBLE, check_plausible
from tracker.config import Config
from tracker.errors import InvalidValue
from tracker.extract.deadlines import resolve_deadline
from tracker.extract.model import NO_ACTOR
from tracker.models import Announcement, Commitment, DeadlineRevision, ProposedCommitment
from tracker.sources import SourceText
from tracker.stages import conventions
from tracker.status import StatusRules
from tracker.untrusted import clean_optional, clean_text

if TYPE_CHECKING:
    from tracker.extract import Commitment as Extracted


def add_manual(
    session: Session, config: Config, *, actor: str, what: str, due: dt.date | None, deadline: str | None,
    source_url: str | None, quote: str | None, stated_on: dt.date, tags: Iterable[str], negated: bool,
    by: str, today: dt.date, rules: StatusRules,
) -> Commitment:
    """Store one hand-entered commitment; a deadline phrase is read against ``stated_on``.

    Text is cleaned like feed text (:mod:`tracker.untrusted`): it may be pasted from anywhere.
    An implausible date (:func:`tracker.clock.plausible`) is refused: it would decide the verdict.
    """
    check_plausible(stated_on, "stated date")
    if due is not None and due < EARLIEST_PLAUSIBLE:
        raise InvalidValue(f"due date {due.isoformat()} is not a plausible date: give one from "
                           f"{EARLIEST_PLAUSIBLE.isoformat()} on")
    new = store.NewCommitment(actor=clean_text(actor), what=clean_text(what).strip(), stated_on=stated_on,
                              quote=clean_optional(quote), tags=tuple(clean_text(t) for t in tags), negated=negated)
    if deadline:
        window = resolve_deadline(deadline, stated_on, conventions(config))
        new.deadline_phrase, new.due_earliest, new.due_latest = deadline, window.earliest, window.latest
        new.deadline_rule = window.rule
    elif due:
        new.due_latest, new.deadline_rule = due, "exact date given"
    source = None
    if source_url:
        source, _ = store.announcement_for(session, url=source_url, published=stated_on)
    return store.add_commitment(session, new, by=by, today=today, rules=rules, source=source)


STOPWORDS = frozenset("a an the to of for and in on at by with its their his her new first all every "
                      "from into this that be will would".split())


def promise_terms(text: str) -> frozenset[str]:
    """Content words of a promise, crudely stemmed, for restatement matching."""
    words = re.findall(r"\d+(?:[,.]\d+)*|[a-z0-9]+", text.lower())  # "100,000" is one number
    return frozenset(_stem(w) for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit()))


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def same_promise(a: str, b: str) -> bool:
    """Whether two `what` descriptions by one actor describe the same promise."""
    ta, tb = promise_terms(a), promise_terms(b)
    if not ta or not tb:
        return False
    amounts_a, amounts_b = {w for w in ta if w[0].isdigit()}, {w for w in tb if w[0].isdigit()}
    if amounts_a and amounts_b and not amounts_a & amounts_b:
        return False  # "finish the first 1,000 homes" is not "build 100,000 homes"
    overlap = len(ta & tb)
    return overlap / len(ta | tb) >= 0.5 or overlap / min(len(ta), len(tb)) >= 0.8


@dataclass
class SaveResult:
    """What saving one announcement did."""

    announcement: Announcement
    duplicate: bool = False
    created: list[Commitment] = field(default_factory=list)
    linked: list[Commitment] = field(default_factory=list)
    revisions: list[DeadlineRevision] = field(default_factory=list)
    proposed: list[ProposedCommitment] = field(default_factory=list)
    skipped_no_actor: int = 0


def save_extraction(session: Session, source: SourceText, found: Iterable[Extracted], *, published: dt.date,
                    by: str, today: dt.date, rules: StatusRules, feed_item_id: int | None = None,
                    proposals: Iterable[Extracted] = ()) -> SaveResult:
    """Store an announcement and its commitments; the same text twice adds nothing.

    A commitment the actor already made (same actor, same promise) gets this
    announcement as another source, and a different deadline becomes a
    deadline revision rather than a new promise. ``proposals`` (what the
    extractor was unsure of) wait for an editor as :class:`ProposedCommitment` rows.
    An implausible publication date
    is refused: every due window would be read from it.
    """
    check_plausible(published, f"{source.label or 'announcement'}: publication date")
    announcement, created = store.announcement_for(
        session, text=source.text, url=source.url, title=source.title, publisher=source.publisher,
        published=published, feed_item_id=feed_item_id)
    result = SaveResult(announcement, duplicate=not created)
    if not created:
        return result
    for item in found:
        if not item.actor or len(item.actor) > store.NAME_LIMIT:  # none, or no name at all
            # a promise nobody is named for: never stored unseen, never dropped; the editor names the actor
            result.skipped_no_actor += 1
            _propose(session, item, announcement, result, published=published, reasons=[NO_ACTOR], actor=None)
            continue
        _save_one(session, item, announcement, result, published=published, by=by, today=today, rules=rules)
    for item in proposals:
        _propose(session, item, announcement, result, published=published,
                 reasons=list(getattr(item, "doubts", ())), actor=item.actor)
    session.flush()
    return result


def _propose(session: Session, item: Extracted, announcement: Announcement, result: SaveResult, *,
             published: dt.date, reasons: list[str], actor: str | None) -> None:
    row = ProposedCommitment(
        announcement=announcement, actor=actor if actor and len(actor) <= store.NAME_LIMIT else None,
        actor_aliases=list(item.actor_aliases) if actor else [], what=item.what, quote=item.quote,
        deadline_phrase=item.deadline_phrase, due_earliest=item.due_earliest, due_latest=item.due_latest,
        stated_on=published, confidence=item.confidence, reasons=reasons, conditional=item.conditional,
        negated=item.negated)
    session.add(row)
    result.proposed.append(row)


def accept_proposal(session: Session, proposal: ProposedCommitment, *, actor: str | None, by: str,
                    today: dt.date, rules: StatusRules) -> Commitment:
    """Make a proposed commitment real, exactly as if the extractor had been sure of it."""
    result = SaveResult(proposal.announcement)
    from tracker.extract.model import Commitment as ExtractedCommitment

    item = ExtractedCommitment(actor or proposal.actor or "", tuple(proposal.actor_aliases), proposal.what,
                               proposal.quote, proposal.deadline_phrase, proposal.due_earliest, proposal.due_latest,
                               proposal.confidence, proposal.conditional, proposal.negated, start=0)
    _save_one(session, item, proposal.announcement, result, published=proposal.stated_on, by=by, today=today,
              rules=rules)
    commitment = (result.created or result.linked or [None])[0]
    if commitment is None:  # restated an existing promise with the same sources: it is that one
        actor_row = store.actor_named(session, item.actor, item.actor_aliases)
        commitment = next(c for c in actor_row.commitments if same_promise(c.what, item.what))
    proposal.state, proposal.commitment_id = "accepted", commitment.id
    proposal.decided_by, proposal.decided_at = by, clock.now()
    return commitment


def _save_one(session: Session, item: Extracted, announcement: Announcement, result: SaveResult, *,
              published: dt.date, by: str, today: dt.date, rules: StatusRules) -> None:
    actor = store.actor_named(session, item.actor or "", item.actor_aliases)
    existing = next((c for c in actor.commitments if same_promise(c.what, item.what)), None)
    if existing is None:
        new = store.NewCommitment(
            actor=actor.name, what=item.what, stated_on=published, quote=item.quote,
            deadline_phrase=item.deadline_phrase, due_earliest=item.due_earliest, due_latest=item.due_latest,
            deadline_rule=getattr(item, "deadline_rule", None), confidence=item.confidence,
            conditional=item.conditional, negated=item.negated, actor_aliases=tuple(item.actor_aliases),
            keep_until=getattr(item, "keep_until", False))
        result.created.append(store.add_commitment(session, new, by=by, today=today, rules=rules, source=announcement))
        return
    if store.link_source(session, existing, announcement, item.quote, item.deadline_phrase, published):
        result.linked.append(existing)
    revision = store.add_revision(session, existing, new_phrase=item.deadline_phrase,
                                  new_due_latest=item.due_latest, revised_on=published,
                                  announcement_id=announcement.id, note="restated with a different deadline")
    if revision is not None:
        result.revisions.append(revision)
