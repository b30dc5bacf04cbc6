"""The status engine: a pure function from facts about a commitment to its status.

``judge(facts, today, rules)`` looks only at plain data: the deadline of the
promise *as first made*, the accepted evidence, an editor's decision and the
date. Deadline revisions are history, not a new promise: a new date from the
actor never turns a late delivery into an on-time one.

Order of precedence:
1. an editor's decision (``tracker resolve``) always wins;
2. accepted fulfilment evidence: kept (on or before ``due_latest``) or
   kept_late. For a promise *not* to act ("will not raise fares before 2027")
   fulfilment evidence means the actor did it: broken if inside the window.
   A keep-until promise ("cap fares until the end of 2026", "keep the plant
   open through 2030") is broken by accepted cancellation evidence inside its
   window (the actor ended it early);
3. accepted cancellation evidence: withdrawn;
4. the calendar: no_deadline, pending, due_soon, delayed (a delay accepted
   while the original deadline is ahead), overdue (past ``due_latest`` but
   inside the grace period), broken (past grace). A promise not to act, or a
   keep-until promise, whose window passed unbreached is kept: the calendar
   never breaks them.
Evidence dated after ``today`` is ignored, so ``--as-of`` replays the past; so is
evidence dated before the promise was made (it cannot be about it: a plant opened
last year does not fulfil a promise made today to open it), and evidence dated
before 1990 (:data:`tracker.clock.EARLIEST_PLAUSIBLE`): an implausible date never
decides a verdict. Any stored date, year 1 to 9999, is
judged without an overflow.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.clock import EARLIEST_PLAUSIBLE

# Statuses a commitment can have. Automation sets the first group; an editor
# may set any of MANUAL_STATUSES with `tracker resolve`. (Here, not in the models,
# so the CLI can offer them without importing the database layer.)
AUTO_STATUSES = ("pending", "due_soon", "overdue", "broken", "kept", "kept_late",
                 "delayed", "withdrawn", "no_deadline")
MANUAL_STATUSES = ("kept", "kept_late", "partially_kept", "broken", "withdrawn",
                   "unverifiable", "pending")
ALL_STATUSES = tuple(dict.fromkeys(AUTO_STATUSES + MANUAL_STATUSES))

STATUS_MEANINGS: dict[str, str] = {
    "pending": "Not yet due: the deadline is more than the due-soon period away.",
    "due_soon": "The deadline falls within the due-soon period.",
    "delayed": "The actor announced a delay; the original deadline has not passed yet.",
    "overdue": "The deadline has passed without fulfilment, inside the grace period.",
    "broken": "Past the deadline and the grace period without fulfilment, or a promise "
              "not to act that was breached.",
    "kept": "Fulfilled on or before the last on-time day of the original deadline.",
    "kept_late": "Fulfilled, but after the original deadline.",
    "withdrawn": "The actor explicitly abandoned the promise.",
    "partially_kept": "An editor judged the promise partly fulfilled.",
    "unverifiable": "An editor judged that the outcome cannot be established.",
    "no_deadline": "Open-ended: tracked, but never broken by the calendar.",
}
RESOLVED_STATUSES = frozenset({"kept", "kept_late", "broken", "withdrawn", "partially_kept", "unverifiable"})


@dataclass(frozen=True)
class EvidenceFact:
    """One accepted piece of evidence, reduced to what the rules need."""

    kind: str  # fulfilment | progress | delay | cancellation | mention
    on: dt.date
    evidence_id: int | None = None
    new_due_latest: dt.date | None = None


@dataclass(frozen=True)
class ManualDecision:
    """The editor's decision currently in force."""

    status: str
    on: dt.date
    by: str
    note: str | None = None


@dataclass(frozen=True)
class CommitmentFacts:
    """Everything the engine may look at for one commitment."""

    due_latest: dt.date | None
    negated: bool = False
    evidence: tuple[EvidenceFact, ...] = ()
    manual: ManualDecision | None = None
    keep_until: bool = False  # a state promised to last until ``due_latest``: kept unless breached
    stated_on: dt.date | None = None  # when the promise was first made: earlier evidence is not about it


@dataclass(frozen=True)
class StatusRules:
    """Configurable periods (``[status]`` in the config)."""

    due_soon_days: int = 30
    grace_days: int = 30


@dataclass(frozen=True)
class Verdict:
    """The engine's answer: status, a reason a reader can check, and when it took effect."""

    status: str
    reason: str
    effective_on: dt.date
    evidence_id: int | None = None


def judge(facts: CommitmentFacts, today: dt.date, rules: StatusRules = StatusRules()) -> Verdict:
    """Status of one commitment as of ``today``.

    >>> judge(CommitmentFacts(due_latest=dt.date(2026, 6, 30)), dt.date(2026, 1, 1)).status
    'pending'
    """
    if facts.manual is not None:
        return _manual(facts.manual)
    earliest = max(EARLIEST_PLAUSIBLE, facts.stated_on or EARLIEST_PLAUSIBLE)
    known = tuple(sorted((e for e in facts.evidence if earliest <= e.on <= today), key=lambda e: e.on))
    if facts.negated:
        outcome = _breach(facts, known, "fulfilment", "the actor did what it promised not to do")
    elif facts.keep_until:
        outcome = _breach(facts, known, "cancellation", f"the actor ended it before {facts.due_latest or 'the end'}")
    else:
        outcome = _fulfilment(facts, known)
    if outcome is not None:
        return outcome
    cancelled = _first(known, "cancellation")
    if cancelled is not None:
        return Verdict("withdrawn", f"withdrawn: the actor abandoned it on {cancelled.on}",
                       cancelled.on, cancelled.evidence_id)
    return _by_calendar(facts, known, today, rules)


def _manual(decision: ManualDecision) -> Verdict:
    note = f": {decision.note}" if decision.note else ""
    return Verdict(decision.status, f"decided by {decision.by} on {decision.on}{note}", decision.on)


def _first(evidence: tuple[EvidenceFact, ...], kind: str) -> EvidenceFact | None:
    return next((e for e in evidence if e.kind == kind), None)


def _fulfilment(facts: CommitmentFacts, known: tuple[EvidenceFact, ...]) -> Verdict | None:
    done = _first(known, "fulfilment")
    if done is None:
        return None
    if facts.due_latest is None or done.on <= facts.due_latest:
        when = f"on or before the deadline {facts.due_latest}" if facts.due_latest else "(no deadline)"
        return Verdict("kept", f"fulfilled on {done.on}, {when}", done.on, done.evidence_id)
    late = (done.on - facts.due_latest).days
    return Verdict("kept_late", f"fulfilled on {done.on}, {late} days after the deadline {facts.due_latest}",
                   done.on, done.evidence_id)


def _breach(facts: CommitmentFacts, known: tuple[EvidenceFact, ...], kind: str, what: str) -> Verdict | None:
    """The first accepted ``kind`` evidence inside the window breaks a restriction.

    A promise not to act is breached by doing it (``fulfilment`` evidence: the
    forbidden act); a keep-until promise by ending the state early
    (``cancellation``). Reports that the state still holds are no outcome: the
    promise runs to its end and the calendar keeps it.
    """
    breach = next((e for e in known if e.kind == kind
                   and (facts.due_latest is None or e.on <= facts.due_latest)), None)
    if breach is None:
        return None
    return Verdict("broken", f"breached on {breach.on}: {what}", breach.on, breach.evidence_id)


def _by_calendar(facts: CommitmentFacts, known: tuple[EvidenceFact, ...], today: dt.date,
                 rules: StatusRules) -> Verdict:
    due = facts.due_latest
    if due is None:
        return Verdict("no_deadline", "open-ended promise: no deadline to miss", today)
    if today <= due:
        return _before_deadline(due, known, today, rules)
    if facts.negated or facts.keep_until:
        return Verdict("kept", f"the restriction ran to {due} and was not breached", _shift(due, 1))
    # Reasons name absolute dates, never "N days ago": they are stored, and read long after.
    grace_end = _shift(due, rules.grace_days)
    if today <= grace_end:
        return Verdict("overdue", f"deadline {due} passed with no fulfilment; "
                       f"{rules.grace_days}-day grace ends {grace_end}", _shift(due, 1))
    return Verdict("broken", f"deadline {due} passed; {rules.grace_days}-day grace ended {grace_end} "
                   f"with no fulfilment", _shift(grace_end, 1))


def _before_deadline(due: dt.date, known: tuple[EvidenceFact, ...], today: dt.date,
                     rules: StatusRules) -> Verdict:
    delays = [e for e in known if e.kind == "delay"]
    if delays:
        last = delays[-1]
        target = f", now expected by {last.new_due_latest}" if last.new_due_latest else ""
        return Verdict("delayed", f"delay announced on {last.on}{target}; original deadline {due}",
                       last.on, last.evidence_id)
    run_up = _shift(due, -rules.due_soon_days)
    if today >= run_up:
        return Verdict("due_soon", f"due {due}; the {rules.due_soon_days}-day run-up began {run_up}", run_up)
    return Verdict("pending", f"due {due}", today)


def _shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at the calendar's ends (a year-9999 deadline must not overflow)."""
    ordinal = min(max(day.toordinal() + days, dt.date.min.toordinal()), dt.date.max.toordinal())
    return dt.date.fromordinal(ordinal)
