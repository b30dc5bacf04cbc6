"""Pure text -> commitments: sentences, cues, actors, deadlines, merge.

    >>> import datetime as dt
    >>> found = extract_commitments("Brant Mills will open a shop in Velbury by June 2026.", dt.date(2025, 1, 6))
    >>> found[0].actor, found[0].what
    ('Brant Mills', 'open a shop in Velbury')

No I/O, no models, no clock: the same text and date always give the same list.
Deadlines are read by :mod:`tracker.extract.deadlines`.
"""

from tracker.extract.deadlines import DEFAULT_CONVENTIONS, DeadlineConventions
from tracker.extract.extractor import extract_commitments
from tracker.extract.model import Commitment

__all__ = ["Commitment", "DEFAULT_CONVENTIONS", "DeadlineConventions", "extract_commitments"]
