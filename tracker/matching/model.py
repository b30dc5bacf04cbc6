"""The plain data the matcher reads and writes (no database types)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

KINDS = ("fulfilment", "progress", "delay", "cancellation", "mention")

# Score bands. A score is the matcher's confidence that the item is evidence of ``kind``
# for the commitment, calibrated on labelled cases:
#   >= AUTO_ACCEPT  a careful reader would almost surely agree: accepted without review;
#   >= REVIEW       plausible but missing something (no actor named, part of the object,
#                   an indirect cue): queued for a person;
#   below REVIEW    noise: dropped.
AUTO_ACCEPT = 0.70
REVIEW = 0.45


@dataclass(frozen=True)
class CommitmentDoc:
    """An open commitment, reduced to plain data."""

    id: int
    actor: str
    aliases: tuple[str, ...]
    what: str
    quote: str | None
    due_latest: dt.date | None
    negated: bool
    stated_on: dt.date
    # a promise to keep a state until a date ("keep the plant open through 2030", "cap fares
    # until 2027"): kept unless breached, never broken by the calendar
    keep_until: bool = False
    # the title of the announcement that stated it: it names the project ("a promise to reach the Norcap
    # basin" stated under "Agency names its Velmar probe"), which news about the promise cites
    context: str | None = None
    # the announcement's words just before the quote (see :func:`lead_in`): the sentence before a promise often
    # names what its "the hub" or "it" is ("... the Velmar probe ... It will land in 2031")
    lead_in: str | None = None


LEAD_IN = 400  # characters of the announcement kept before a quote


def lead_in(text: str | None, quote: str | None) -> str | None:
    """The last ``LEAD_IN`` characters of ``text`` before ``quote`` (None when the quote is not found there).

    >>> lead_in("The Velmar probe left on Monday. It will land in 2031.", "It will land in 2031.")
    'The Velmar probe left on Monday. '
    """
    if not text or not quote:
        return None
    at = text.find(quote[:60])
    return text[max(0, at - LEAD_IN):at] if at > 0 else None


@dataclass(frozen=True)
class ItemDoc:
    """A feed item, reduced to plain data."""

    id: int
    title: str
    text: str
    link: str | None
    published: dt.date | None


@dataclass(frozen=True)
class Match:
    """What one item says about one commitment, with the reasons a person can check."""

    commitment_id: int
    item_id: int
    score: float  # 0-1 confidence that the item is evidence of ``kind`` for this commitment
    kind: str  # fulfilment | progress | delay | cancellation | mention
    event_date: dt.date | None  # when it happened: a day named in the text, else the item date
    new_due_latest: dt.date | None = None  # for a delay: the new target's last day
    new_deadline_phrase: str | None = None  # for a delay: the words of the new target
    explanation: dict = field(default_factory=dict, compare=False)
    # May this match decide a verdict without a person? Only when the actor (or an alias, or
    # the promise's product/project name) is named in the item and the item's own sentence
    # reports the act as done (or abandoned, or moved), unhedged. See :func:`evidence_state`.
    auto: bool = False


def evidence_state(m: Match, auto_accept: float = AUTO_ACCEPT, review: float = REVIEW) -> str:
    """What the tracker does with a match: ``accepted``, ``proposed`` (review) or ``discarded``.

    A score alone never accepts: a high-scoring item that names neither the
    actor nor the promise's own name, or only hints at the act, waits for an
    editor. Nothing unseen decides a verdict.

    >>> m = Match(1, 2, 0.9, "fulfilment", None)
    >>> evidence_state(m), evidence_state(Match(1, 2, 0.9, "fulfilment", None, auto=True))
    ('proposed', 'accepted')
    >>> evidence_state(Match(1, 2, 0.3, "fulfilment", None, auto=True))
    'discarded'
    """
    if m.score < review:
        return "discarded"
    if m.score >= auto_accept and m.auto:
        return "accepted"
    return "proposed"
