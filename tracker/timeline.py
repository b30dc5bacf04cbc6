"""The status history in the order things happened, derived at read time. Pure.

The audit log is kept in the order changes were *recorded*, and never
rewritten. But facts arrive late: a fulfilment dated 19 October may be polled
on 5 November, after the sweep recorded "broken" as of 31 October. Read in
recorded order, the promise looks broken first and then kept; in truth it
never was broken. So readers see a replay: every change in order of its
effective date, without the automatic steps that a later-recorded change
dated before them proves were judged without knowing it, and without an
editor's decision that was undone (and its undo). Editors' decisions in force
are never dropped. The audit log (``tracker history``) still shows every row.

    >>> import datetime as dt
    >>> from types import SimpleNamespace as Row
    >>> def row(i, status, day):
    ...     return Row(id=i, to_status=status, source="auto", effective_on=day, undoes_id=None)
    >>> log = [row(1, "pending", dt.date(2025, 1, 10)), row(2, "overdue", dt.date(2025, 10, 1)),
    ...        row(3, "broken", dt.date(2025, 10, 31)), row(4, "kept_late", dt.date(2025, 10, 19))]
    >>> [(s.change.id, s.from_status, s.change.to_status) for s in replay_in_order(log)]
    [(1, None, 'pending'), (2, 'pending', 'overdue'), (4, 'overdue', 'kept_late')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol


class ChangeLike(Protocol):
    """What the replay reads of a status change (a model row or a report row)."""

    id: int
    to_status: str
    source: str
    effective_on: dt.date
    undoes_id: int | None


@dataclass(frozen=True)
class Step:
    """One step a reader sees: the change, and the status it moved from in the replayed order."""

    change: Any
    from_status: str | None


def replay_in_order(changes: Iterable[ChangeLike]) -> list[Step]:
    """The public history: changes by effective date, superseded automatic steps left out.

    ``changes`` come in recorded order (by id). A change drops every automatic
    step recorded before it whose effective date is later than its own. Should
    the replay end anywhere but the current status, the recorded order is shown.
    """
    changes = list(changes)
    undone = {c.undoes_id for c in changes if c.undoes_id}
    kept: list[ChangeLike] = []
    for change in changes:
        if change.id in undone or change.undoes_id:
            continue
        kept = [k for k in kept if k.source != "auto" or k.effective_on <= change.effective_on]
        kept.append(change)
    kept.sort(key=lambda c: (c.effective_on, c.id))
    if changes and (not kept or kept[-1].to_status != changes[-1].to_status):
        kept = changes
    steps: list[Step] = []
    for change in kept:
        before = steps[-1].change.to_status if steps else None
        if before != change.to_status:
            steps.append(Step(change, before))
    return steps


def shown_ids(changes: Iterable[ChangeLike]) -> set[int]:
    """Ids of the changes the public history shows (the others stay in the audit log only)."""
    return {step.change.id for step in replay_in_order(changes)}
