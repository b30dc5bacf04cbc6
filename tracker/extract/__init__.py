"""Pure text -> commitments: sentences, cues, actors, deadlines, merge.

    >>> import datetime as dt
    >>> from tracker.extract import extract_commitments
    >>> found = extract_commitments("Brant Mills will open a shop in Velbury by June 2026.", dt.date(2025, 1, 6))
    >>> found[0].actor, found[0].what
    ('Brant Mills', 'open a shop in Velbury')

No I/O, no models, no clock: the same text and date always give the same list.
Deadlines are read by :mod:`tracker.extract.deadlines`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.extract.deadlines import DEFAULT_CONVENTIONS, DeadlineConventions
    from tracker.extract.extractor import extract_commitments
    from tracker.extract.model import Commitment

__all__ = ["Commitment", "DEFAULT_CONVENTIONS", "DeadlineConventions", "extract_commitments"]
_HOMES = {"Commitment": "tracker.extract.model", "DEFAULT_CONVENTIONS": "tracker.extract.deadlines",
          "DeadlineConventions": "tracker.extract.deadlines", "extract_commitments": "tracker.extract.extractor"}


def __getattr__(name: str) -> Any:
    """Import the extractor on first use: loading the config reads only the deadline conventions."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_HOMES[name]), name)
    globals()[name] = value
    return value
