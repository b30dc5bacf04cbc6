"""Correcting the record: edit, retract (and restore), merge and link commitments.

A wrong extraction must be fixable without pretending the promise was
withdrawn, and without losing anything: every correction appends a
:class:`~tracker.models.CommitmentEdit` row saying who changed what, when and
why, and nothing is deleted. A retracted or merged commitment keeps its rows
and only leaves the lists, the site and the matcher (``visibility``). A merge
moves the duplicate's evidence to the kept commitment and copies its sources;
its status history stays where it was written (the log is append-only) and is
read into the kept commitment's history (:func:`history_entries`).

Used by the ``tracker edit|retract|merge|link`` commands; raises
:class:`~tracker.errors.UsageError` subclasses for what a user can fix.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker import store
from tracker.errors import InvalidValue, NotFound
from tracker.extract.deadlines import DeadlineConventions, resolve_deadline
from tracker.matching.index import index_terms
from tracker.models import Announcement, Commitment, CommitmentEdit
from tracker.queries import get_commitment
from tracker.serialize import change_dict
from tracker.status import StatusRules
from tracker.timeline import shown_ids

TEXT_FIELDS = ("actor", "what", "quote")
DEADLINE_FIELDS = ("deadline_phrase", "due_earliest", "due_latest", "deadline_rule")


@dataclass
class Correction:
    """What ``tracker edit`` asks to change; None leaves a field as it is."""

    actor: str | None = None
    what: str | None = None
    quote: str | None = None
    deadline: str | None = None  # a phrase, read against the date the promise was made
    due: dt.date | None = None  # an exact last day (clears the phrase's window)
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()


def _log(session: Session, commitment: Commitment, action: str, *, by: str, reason: str,
         changes: dict[str, Any] | None = None, other_id: int | None = None) -> CommitmentEdit:
    """Append one correction to the log (never updated afterwards)."""
    # Through the relationship only: appending to a not-yet-loaded ``edits`` after an
    # autoflush would mark the inserted row dirty, and history rows refuse updates.
    row = CommitmentEdit(commitment=commitment, action=action, changes=changes or {}, other_id=other_id,
                         reason=reason, by=by)
    session.add(row)
    session.flush()
    return row


def _require_reason(reason: str | None) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidValue("say why with --reason TEXT: it is kept in the commitment's history")
    return reason


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def edit(session: Session, commitment_id: int, fix: Correction, *, reason: str | None, by: str,
         today: dt.date, rules: StatusRules, conv: DeadlineConventions) -> CommitmentEdit:
    """Correct a commitment's actor, text, quote, deadline or tags; re-judge its status if the deadline moved."""
    reason = _require_reason(reason)
    if fix.deadline and fix.due:
        raise InvalidValue("give either --deadline or --due, not both")
    c = get_commitment(session, commitment_id)
    wanted = _wanted_values(c, fix, conv)
    changes = {name: [_plain(old), _plain(new)] for name, (old, new) in wanted.items() if old != new}
    if not changes:
        raise InvalidValue(f"commitment {commitment_id} already reads so: nothing to change "
                           f"(see `tracker show {commitment_id}`)")
    for name, (_old, new) in wanted.items():
        if name == "actor":
            c.actor = store.actor_named(session, new)
        else:
            setattr(c, name, new)
    row = _log(session, c, "edit", by=by, reason=reason, changes=changes)
    if set(changes) & {"actor", "what", "quote"}:
        doc = store.commitment_doc(c)
        store.save_match_terms(session, [(doc, index_terms(doc))])
    if set(changes) & set(DEADLINE_FIELDS):
        store.refresh(session, c, today, rules)
    return row


def _wanted_values(c: Commitment, fix: Correction, conv: DeadlineConventions) -> dict[str, tuple[Any, Any]]:
    """field -> (old, new) for every field the correction names."""
    wanted: dict[str, tuple[Any, Any]] = {}
    for name in TEXT_FIELDS:
        new = getattr(fix, name)
        if new is None:
            continue
        new = " ".join(new.split())
        if not new and name != "quote":
            raise InvalidValue(f"--{'text' if name == 'what' else name} cannot be empty")
        old = c.actor.name if name == "actor" else getattr(c, name)
        wanted[name] = (old, new or None)
    if fix.deadline:
        window = resolve_deadline(fix.deadline, c.stated_on, conv)
        new_deadline = (fix.deadline, window.earliest, window.latest, window.rule)
    elif fix.due:
        new_deadline = (None, None, fix.due, "exact date given")
    else:
        new_deadline = None
    if new_deadline is not None:
        for name, new in zip(DEADLINE_FIELDS, new_deadline):
            wanted[name] = (getattr(c, name), new)
    if fix.add_tags or fix.remove_tags:
        tags = [t for t in (c.tags or []) if t not in fix.remove_tags]
        tags += [t for t in dict.fromkeys(_clean_tags(fix.add_tags)) if t not in tags]
        wanted["tags"] = (list(c.tags or []), tags)
    return wanted


def _clean_tags(tags: tuple[str, ...]) -> list[str]:
    cleaned = [" ".join(t.split()).lower() for t in tags]
    if not all(cleaned):
        raise InvalidValue("a tag cannot be empty")
    return cleaned


def retract(session: Session, commitment_id: int, *, reason: str | None, by: str) -> CommitmentEdit:
    """Hide a wrong extraction from lists, the site and the matcher; every row stays."""
    reason = _require_reason(reason)
    c = get_commitment(session, commitment_id)
    if c.visibility != "public":
        raise InvalidValue(f"commitment {commitment_id} is already {c.visibility}: "
                           f"`tracker retract {commitment_id} --undo` brings a retracted one back")
    c.visibility = "retracted"
    return _log(session, c, "retract", by=by, reason=reason, changes={"visibility": ["public", "retracted"]})


def restore(session: Session, commitment_id: int, *, reason: str | None, by: str) -> CommitmentEdit:
    """Undo a retraction: the commitment is public again, and that too is logged."""
    reason = _require_reason(reason)
    c = get_commitment(session, commitment_id)
    if c.visibility != "retracted":
        raise InvalidValue(f"commitment {commitment_id} is {c.visibility}, not retracted: nothing to undo")
    c.visibility = "public"
    return _log(session, c, "restore", by=by, reason=reason, changes={"visibility": ["retracted", "public"]})


def merge(session: Session, keep_id: int, other_id: int, *, reason: str | None, by: str,
          today: dt.date, rules: StatusRules) -> CommitmentEdit:
    """Fold duplicate ``other_id`` into ``keep_id``: its evidence moves, its sources and tags are copied.

    The duplicate stays in the database, hidden, pointing at the kept one.
    """
    reason = _require_reason(reason)
    if keep_id == other_id:
        raise InvalidValue("give two different commitments: tracker merge KEEP OTHER")
    keep, other = get_commitment(session, keep_id), get_commitment(session, other_id)
    for c in (keep, other):
        if c.visibility != "public":
            raise InvalidValue(f"commitment {c.id} is {c.visibility}: merge only public commitments")
    sources = [s.announcement_id for s in other.sources
               if store.link_source(session, keep, s.announcement, s.quote, s.deadline_phrase, s.stated_on)]
    moved = _move_evidence(other, keep)
    new_tags = [t for t in (other.tags or []) if t not in (keep.tags or [])]
    if new_tags:
        keep.tags = [*(keep.tags or []), *new_tags]
    other.visibility, other.merged_into_id = "merged", keep.id
    session.flush()
    _log(session, other, "merged", by=by, reason=reason, other_id=keep.id,
         changes={"visibility": ["public", "merged"], "merged_into": [None, keep.id]})
    row = _log(session, keep, "merge", by=by, reason=reason, other_id=other.id,
               changes={"sources": [None, sources], "evidence": [None, moved], "tags": [None, new_tags]})
    store.refresh(session, keep, today, rules)
    return row


def _move_evidence(source: Commitment, target: Commitment) -> list[int]:
    """Move evidence rows to ``target``, except items it already has (those stay, hidden, on ``source``)."""
    have = {e.item_id for e in target.evidence if e.item_id is not None}
    have_urls = {e.url for e in target.evidence if e.url}
    moved = []
    for e in list(source.evidence):
        if (e.item_id is not None and e.item_id in have) or (e.item_id is None and e.url in have_urls):
            continue
        e.commitment = target
        moved.append(e.id)
    return moved


def link(session: Session, commitment_id: int, source: str, *, reason: str | None, by: str) -> Announcement:
    """Attach an announcement (an http(s) URL, or the id of a stored announcement) as a source."""
    c = get_commitment(session, commitment_id)
    if source.isdigit():
        announcement = session.get(Announcement, int(source))
        if announcement is None:
            raise NotFound(f"no announcement with id {source}: give its URL instead, or see "
                           f"`tracker show ID --format json` for the ids of stored sources")
    elif source.startswith(("http://", "https://")):
        announcement, _ = store.announcement_for(session, url=source)
    else:
        raise InvalidValue(f"--source {source!r} is neither an http(s) URL nor an announcement id")
    if not store.link_source(session, c, announcement, None, None, announcement.published):
        raise InvalidValue(f"announcement {announcement.id} is already a source of commitment {commitment_id}")
    label = announcement.url or announcement.title or f"announcement {announcement.id}"
    _log(session, c, "link", by=by, reason=" ".join((reason or "source attached").split()),
         other_id=announcement.id, changes={"source": [None, label]})
    return announcement


def history_entries(session: Session, commitment: Commitment) -> list[dict[str, Any]]:
    """Status changes and corrections of a commitment (and of duplicates merged into it), as recorded.

    Status entries have ``type: "status"``, the fields of
    :func:`tracker.serialize.change_dict` and ``public``: false for a step the
    public history leaves out (:mod:`tracker.timeline`); corrections have ``type: "edit"``.
    Entries from a merged duplicate carry ``"from_commitment"``.
    """
    merged = session.scalars(select(Commitment).where(Commitment.merged_into_id == commitment.id)
                             .order_by(Commitment.id)).all()
    entries: list[tuple[dt.datetime, dict[str, Any]]] = []
    for c in (commitment, *merged):
        origin = {} if c is commitment else {"from_commitment": c.id}
        public = shown_ids(c.changes)
        entries += [(ch.recorded_at, {"type": "status", **change_dict(ch), "public": ch.id in public, **origin})
                    for ch in c.changes]
        entries += [(e.recorded_at, {"type": "edit", **edit_dict(e)}) for e in c.edits if c is commitment]
    return [entry for _at, entry in sorted(entries, key=lambda pair: pair[0])]


def edit_dict(e: CommitmentEdit) -> dict[str, Any]:
    """One correction as JSON."""
    return {"id": e.id, "action": e.action, "changes": e.changes, "other_id": e.other_id, "reason": e.reason,
            "by": e.by, "recorded_at": e.recorded_at.isoformat()}

