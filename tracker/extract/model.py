"""The extractor's result type."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


# Candidates at or above DEFAULT_MIN_CONFIDENCE are stored automatically; those between
# DEFAULT_REVIEW_THRESHOLD and it wait in the editor's queue. Set on the development corpus
# (docs/evaluation.md); configurable as extract.min_confidence and extract.review_threshold.
DEFAULT_MIN_CONFIDENCE = 0.67
DEFAULT_REVIEW_THRESHOLD = 0.35
# The reason a promise the extractor was sure of still waits for an editor: it names nobody
NO_ACTOR = "no_actor"


@dataclass(frozen=True)
class Commitment:
    """One promise found in a text.

    ``quote`` is the exact sentence (``text[start:start + len(quote)] == quote``)
    and ``deadline_phrase`` an exact substring of it. ``due_latest`` is the last
    on-time day; both due dates are ``None`` when the deadline cannot be read.
    """

    actor: str | None  # canonical name, e.g. "Farrow Transit Authority"
    actor_aliases: tuple[str, ...]  # other proper names / abbreviations for the actor in the text
    what: str  # verb + object, e.g. "add 40 new carriages to the Northern Line"
    quote: str
    deadline_phrase: str | None
    due_earliest: dt.date | None
    due_latest: dt.date | None
    confidence: float  # 0-1; lower for aims/expects/reported speech than for will/pledged
    conditional: bool  # "if funding is approved, ..."
    negated: bool  # a promise not to act: "will not raise fares before 2027"
    start: int  # offset of the quote in the text
    doubts: tuple[str, ...] = ()  # why it may not be a promise ("a thing as subject", ...); each lowers confidence
    features: tuple[str, ...] = ()
    keep_until: bool = False  # a state promised to last ("freeze fares until 2027"): never broken by the calendar  # what the calibrated confidence is computed from (tracker.extract.calibration)
