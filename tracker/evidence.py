"""Evidence in the database: matching new feed items to commitments, and the editor's review.

The scoring is pure (:mod:`tracker.match`); this module feeds it plain
documents, stores what it says as :class:`~tracker.models.Evidence` rows and
re-judges the commitments it touched. Thresholds come from ``[status]``:
at or above ``auto_accept`` evidence is accepted by the tracker when the
match may decide unseen (the actor or the promise's name named, the act
reported done in the item's own sentence; else it waits for review); between
``review_threshold`` and it, it waits for `tracker review`; below, it is
stored as discarded (counted, never shown as a verdict). A story that an
editor rejected for a commitment is never proposed for it again, through any
feed (:mod:`tracker.story`), and a commitment an editor decided only collects
proposals: automation never overrides the decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker import store
from tracker.config import Config
from tracker.errors import InvalidValue, NotFound
from tracker.match import CandidateIndex, CommitmentDoc, ItemDoc, Match, evidence_state, match_item
from tracker.matching.model import lead_in
from tracker.matching.index import Terms, index_terms, terms_key
from tracker.models import Actor, ActorAlias, Announcement, Commitment, CommitmentSource, Evidence, FeedItem, MatchTerms
from tracker.store import commitment_doc, save_match_terms
from tracker.story import Story, story_of

if TYPE_CHECKING:
    from tracker.feedstore import StoredItem
from tracker.queries import CLOSED_STATUSES, detail_options
from tracker.status import StatusRules

AUTOMATION = store.AUTOMATION


def item_doc(row: FeedItem | StoredItem) -> ItemDoc:
    """A stored feed item as the matcher sees it."""
    return ItemDoc(id=row.id, title=row.title, text=row.text, link=row.link,
                   published=row.published_at.date() if row.published_at else None)


@dataclass
class Matcher:
    """The candidate index over watched commitments, built once per polling cycle."""

    index: CandidateIndex = field(default_factory=CandidateIndex)
    docs: dict[int, CommitmentDoc] = field(default_factory=dict)

    def add(self, commitment: Commitment) -> None:
        self.add_doc(commitment_doc(commitment))

    def add_doc(self, doc: CommitmentDoc, terms: Terms | None = None) -> None:
        self.docs[doc.id] = doc
        self.index.add(doc, terms)

    @classmethod
    def load(cls, session: Session, *, persist: bool = False) -> Matcher:
        """Index every commitment that evidence can still move or inform.

        Reads plain columns (three queries), not ORM objects with their history,
        and each commitment's stored index terms (:class:`MatchTerms`) where they
        are current: building the index for 10,000 commitments is on the first
        poll's hot path. Terms missing or stale are computed, and kept when
        ``persist`` (the session will commit).
        """
        matcher = cls()
        aliases: dict[int, list[str]] = {}
        for actor_id, alias in session.execute(select(ActorAlias.actor_id, ActorAlias.alias).order_by(ActorAlias.id)):
            aliases.setdefault(actor_id, []).append(alias)
        # the first announcement's title and the words before the quote name the promise's project
        context: dict[int, tuple[str | None, str | None]] = {}
        for cid, title, text, quote in session.execute(
                select(CommitmentSource.commitment_id, Announcement.title, Announcement.text, Commitment.quote)
                .join(Announcement, CommitmentSource.announcement_id == Announcement.id)
                .join(Commitment, CommitmentSource.commitment_id == Commitment.id)
                .where(_watched()).order_by(Announcement.id)):
            if cid not in context:
                context[cid] = (title or None, lead_in(text, quote))
        rows = session.execute(
            select(Commitment.id, Actor.id, Actor.name, Commitment.what, Commitment.quote, Commitment.due_latest,
                   Commitment.negated, Commitment.stated_on, Commitment.keep_until, MatchTerms.key, MatchTerms.terms)
            .join(Actor, Commitment.actor_id == Actor.id)
            .outerjoin(MatchTerms, MatchTerms.commitment_id == Commitment.id)
            .where(_watched()).order_by(Commitment.id))
        computed: list[tuple[CommitmentDoc, Terms]] = []
        for cid, actor_id, name, what, quote, due, negated, stated, keep_until, key, stored in rows:
            others = tuple(a for a in aliases.get(actor_id, ()) if a != name)
            title, before = context.get(cid, (None, None))
            doc = CommitmentDoc(id=cid, actor=name, aliases=others, what=what, quote=quote,
                                due_latest=due, negated=negated, stated_on=stated, keep_until=bool(keep_until),
                                context=title, lead_in=before)
            if stored is not None and key == terms_key(doc):
                terms = stored  # stem -> [weight, is_object]: unpacked like the computed tuples
            else:
                terms = index_terms(doc)
                computed.append((doc, terms))
            matcher.add_doc(doc, terms)
        if persist:
            save_match_terms(session, computed)
        return matcher


    def drop_closed(self, session: Session, ids: Iterable[int]) -> None:
        """Take out of the index the commitments among ``ids`` that are no longer watched (closed)."""
        ids = set(ids)
        still = set(session.scalars(select(Commitment.id).where(Commitment.id.in_(ids), _watched())))
        for cid in ids - still:
            self.index.remove(cid)
            self.docs.pop(cid, None)


def _watched():  # type: ignore[no-untyped-def]
    return (((Commitment.status_source == "manual") | Commitment.status.not_in(CLOSED_STATUSES)
             | Commitment.negated.is_(True)) & (Commitment.visibility == "public"))


def watched_commitments(session: Session) -> Sequence[Commitment]:
    """Commitments that new items are matched against: all but those evidence already closed.

    A promise *not* to act that the calendar marked kept stays watched: a
    breach reported later (feeds are often read long after the fact) still
    breaks it.
    """
    stmt = select(Commitment).options(*detail_options()).where(_watched()).order_by(Commitment.id)
    return session.scalars(stmt).all()


@dataclass
class MatchSummary:
    """What matching a batch of items did."""

    new_evidence: int = 0
    accepted: int = 0
    proposed: int = 0
    discarded: int = 0
    status_changes: int = 0
    changed_commitments: set[int] = field(default_factory=set)
    to_archive: list[int] = field(default_factory=list)


def match_items(session: Session, matcher: Matcher, items: Iterable[FeedItem | StoredItem], *, config: Config,
                today: dt.date, rules: StatusRules, held: Collection[int] = ()) -> MatchSummary:
    """Match items, store the evidence, and re-judge the commitments it touched.

    Evidence from the items in ``held`` (ids) is never accepted automatically: their date was
    implausible and dropped, so an editor decides (see :func:`tracker.pipeline.without_implausible_dates`).
    """
    summary = MatchSummary()
    touched: set[int] = set()
    for row in items:
        for match in match_item(item_doc(row), matcher.index, matcher.docs):
            evidence = _store_match(session, row, match, config, summary, held=row.id in held)
            if evidence is not None and evidence.state == "accepted":
                touched.add(match.commitment_id)
    session.flush()
    for cid in sorted(touched):
        commitment = session.get(Commitment, cid)
        if commitment is not None and store.refresh(session, commitment, today, rules) is not None:
            summary.status_changes += 1
    summary.changed_commitments |= touched
    return summary


def _store_match(session: Session, row: FeedItem | StoredItem, match: Match, config: Config,
                 summary: MatchSummary, *, held: bool = False) -> Evidence | None:
    exists = session.scalar(select(Evidence.id).where(Evidence.commitment_id == match.commitment_id,
                                                      Evidence.item_id == row.id))
    if exists is not None:
        return None  # already judged (rejected pairs are never proposed again)
    story = story_of(row.link, row.guid, row.title, row.text)
    if rejected_story(session, match.commitment_id, story):
        return None  # an editor rejected this story for this commitment, through whichever feed
    commitment = session.get(Commitment, match.commitment_id)
    if commitment is None:
        return None
    state = _state_for(match, commitment, config)
    explanation = {**match.explanation, "title": row.title, "new_deadline_phrase": match.new_deadline_phrase}
    if held and state == "accepted":
        state = "proposed"
        explanation["held"] = "the item's own date was implausible and ignored: an editor decides"
    evidence = Evidence(
        commitment_id=match.commitment_id, item_id=row.id, url=row.link, kind=match.kind, score=match.score,
        state=state, event_date=match.event_date, new_due_latest=match.new_due_latest, explanation=explanation,
        decided_by=AUTOMATION if state in ("accepted", "discarded") else None,
        decided_at=_now() if state in ("accepted", "discarded") else None,
        story_link=story.link, story_guid=story.guid, story_hash=story.hash,
    )
    session.add(evidence)
    session.flush()
    _count(summary, state, evidence)
    if state == "accepted":
        _apply_delay(session, commitment, evidence)
    return evidence


def rejected_story(session: Session, commitment_id: int, story: Story) -> bool:
    """Whether an editor rejected this story (same link, guid or content: :mod:`tracker.story`) for the commitment."""
    same = [column == value for column, value in ((Evidence.story_link, story.link), (Evidence.story_guid, story.guid),
                                                  (Evidence.story_hash, story.hash)) if value]
    if not same:
        return False
    found = select(Evidence.id).where(Evidence.commitment_id == commitment_id, Evidence.state == "rejected", or_(*same))
    return session.scalar(found.limit(1)) is not None


def _state_for(match: Match, commitment: Commitment, config: Config) -> str:
    state = evidence_state(match, config.status.auto_accept, config.status.review_threshold)
    if state == "accepted" and commitment.status_source == "manual":
        return "proposed"  # an editor decided this one: note newer evidence, never override
    return state


def _count(summary: MatchSummary, state: str, evidence: Evidence) -> None:
    if state == "discarded":
        summary.discarded += 1
        return
    summary.new_evidence += 1
    if state == "accepted":
        summary.accepted += 1
        summary.to_archive.append(evidence.id)
    else:
        summary.proposed += 1


def _apply_delay(session: Session, commitment: Commitment, evidence: Evidence) -> None:
    """An accepted delay with a new date is a deadline revision (slip history)."""
    if evidence.kind == "delay" and evidence.new_due_latest:
        store.add_revision(session, commitment, new_phrase=(evidence.explanation or {}).get("new_deadline_phrase"),
                           new_due_latest=evidence.new_due_latest,
                           revised_on=evidence.event_date or evidence.created_at.date(), evidence_id=evidence.id,
                           note="delay reported by a feed item")


def _now() -> dt.datetime:
    from tracker import clock

    return clock.now()


# --- the editor's decisions ---------------------------------------------------------------


def get_evidence(session: Session, evidence_id: int) -> Evidence:
    found = session.get(Evidence, evidence_id)
    if found is None:
        raise NotFound(f"no evidence with id {evidence_id}: run `tracker evidence list` to see ids")
    return found


def decide(session: Session, evidence_id: int, *, accept: bool, by: str, today: dt.date, rules: StatusRules,
           kind: str | None = None) -> Evidence:
    """Accept or reject one piece of evidence; the commitment is re-judged with it.

    An editor's verdict on evidence is a manual decision: automation never
    re-proposes a rejected item for this commitment.
    """
    from tracker.models import EVIDENCE_KINDS

    evidence = get_evidence(session, evidence_id)
    if kind is not None:
        if kind not in EVIDENCE_KINDS:
            raise InvalidValue(f"invalid kind {kind!r}: use one of {', '.join(EVIDENCE_KINDS)}")
        evidence.kind = kind
    evidence.state = "accepted" if accept else "rejected"
    evidence.decided_by, evidence.decided_at = by, _now()
    if not accept and evidence.item is not None and not evidence.story_link and not evidence.story_hash:
        item = evidence.item  # evidence stored before stories were kept: take the story from its item
        story = story_of(item.link or evidence.url, item.guid, item.title, item.text)
        evidence.story_link, evidence.story_guid, evidence.story_hash = story.link, story.guid, story.hash
    session.flush()
    commitment = evidence.commitment
    if accept:
        _apply_delay(session, commitment, evidence)
    _rejudge_after_review(session, commitment, evidence, by=by, today=today, rules=rules)
    return evidence


def _rejudge_after_review(session: Session, commitment: Commitment, evidence: Evidence, *, by: str,
                          today: dt.date, rules: StatusRules) -> None:
    """Reviewed evidence moves the status like automation would, but recorded as the editor's."""
    from tracker.queries import facts_for
    from tracker.status import judge

    session.refresh(commitment)
    if commitment.status_source == "manual":
        return
    verdict = judge(facts_for(commitment), today, rules)
    if verdict.status != commitment.status:
        store.record_change(session, commitment, verdict.status, f"{verdict.reason} (evidence #{evidence.id} "
                            f"{evidence.state} by {by})", by=by, source="auto", effective_on=verdict.effective_on,
                            evidence_id=evidence.id, evidence_url=evidence.url)


def pending_evidence(session: Session, *, commitment_id: int | None = None, pending_only: bool = True) -> list[Evidence]:
    """Evidence waiting for an editor (or all evidence), oldest first."""
    stmt = select(Evidence).order_by(Evidence.id)
    if pending_only:
        stmt = stmt.where(Evidence.state == "proposed")
    else:
        stmt = stmt.where(Evidence.state != "discarded")
    if commitment_id is not None:
        stmt = stmt.where(Evidence.commitment_id == commitment_id)
    return list(session.scalars(stmt))


def stale_commitments(session: Session, today: dt.date, days: int) -> list[tuple[Commitment, dt.date | None]]:
    """Open commitments with no evidence for ``days``: (commitment, date of the last evidence)."""
    cutoff = today - dt.timedelta(days=days)
    stale = []
    for c in watched_commitments(session):
        dates = [e.event_date or e.created_at.date() for e in c.evidence if e.state != "discarded"]
        last = max(dates) if dates else None
        if (last or c.stated_on) <= cutoff:
            stale.append((c, last))
    return stale


def archive_page(session: Session, evidence_id: int, page_text: str, page_hash: str, fetched_at: dt.datetime) -> None:
    """Keep the linked page's main text with the evidence, so a verdict survives link rot."""
    evidence = get_evidence(session, evidence_id)
    evidence.page_text, evidence.page_hash, evidence.page_fetched_at = page_text, page_hash, fetched_at
