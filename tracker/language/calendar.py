"""Month and weekday names: the one table the deadline reader, the event finder and the matcher share.

>>> MONTHS["sept"], MONTHS["december"], WEEKDAYS["friday"], WEEKDAY_ABBREVIATIONS["thurs"]
(9, 12, 4, 3)
"""

from __future__ import annotations

_MONTH_WORDS = "january february march april may june july august september october november december".split()
MONTHS: dict[str, int] = {m: i for i, m in enumerate(_MONTH_WORDS, 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

WEEKDAYS: dict[str, int] = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
# Abbreviations are only safe where a date is expected: "sun" and "sat" are also ordinary words.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thurs": 3, "fri": 4,
                                         "sat": 5, "sun": 6}
