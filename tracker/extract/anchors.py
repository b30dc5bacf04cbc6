"""Deadlines tied to an event that the same text dates.

``... install a roof before the 2025 Open. The 2025 championships are scheduled
to begin on June 23.`` -- the deadline phrase names an event, not a date, and
another sentence of the text says when that event happens. The date the text
gives beats any general convention about such events, so this module reads it:

* ``before`` / ``ahead of`` / ``prior to`` the event: the day before it;
* ``by`` / ``in time for`` / ``for`` / ``until`` / ``at`` the event: its day;
* ``within N days|weeks|months|years of`` the event: that long after it.

A sentence dates the event when it holds a day-and-month date, says that
something is scheduled, set, due or begins, and shares a word with the event
(``season``, ``Open``) -- or, for the sentences right next to the promise,
just the event's year.
"""

from __future__ import annotations

from tracker.language.calendar import MONTHS

import calendar
import datetime as dt
import re

from tracker.language.sentences import Sentence

_MONTHS = dict(MONTHS)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>\d{{4}}))?)\b"
)
_SCHEDULED = re.compile(
    r"\b(?:scheduled|due|set|slated|planned|fixed|begins?|starts?|opens?|kicks?\s+off|takes?\s+place|is\s+on|"
    r"falls?\s+on|will\s+(?:begin|start|open|be\s+held|take\s+place|kick\s+off|run)|to\s+(?:begin|start|open|"
    r"be\s+held|take\s+place|kick\s+off)|gets?\s+under\s*way|held\s+on)\b",
    re.I,
)
_RELATIVE = re.compile(
    r"^(?P<rel>before|by|ahead\s+of|in\s+time\s+for|prior\s+to|for|until|at|"
    r"within\s+(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+(?:of|after|from))\s+(?P<event>.+)$",
    re.I,
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_TIME_WORDS = frozenset(
    """the a an of this next last end start beginning middle close year years month months week weeks quarter
    half decade day days weekend spring summer autumn fall winter early late mid first second third fourth
    current coming following fiscal financial calendar""".split()
) | frozenset(_MONTHS)


def _event_words(event: str) -> tuple[set[str], set[str]]:
    """(content words, years) of an event phrase; no content words means it is a plain time expression."""
    words = re.findall(r"[a-z]+|\d{4}", event.lower())
    years = {w for w in words if w.isdigit()}
    content = {w for w in words if not w.isdigit() and w not in _TIME_WORDS and len(w) > 2}
    return content, years


def _date_in(sentence: str, year_hint: int | None, published: dt.date) -> dt.date | None:
    m = _DATE.search(sentence)
    if not m:
        return None
    key = (m.group("m1") or m.group("m2")).lower().rstrip(".")
    month = _MONTHS.get(key) or _MONTHS[key[:3]]
    day = int(m.group("d1") or m.group("d2"))
    year = m.group("y1") or m.group("y2")
    try:
        if year:
            return dt.date(int(year), month, day)
        if year_hint:
            return dt.date(year_hint, month, day)
        candidate = dt.date(published.year, month, day)
        return candidate if candidate >= published else dt.date(published.year + 1, month, day)
    except ValueError:
        return None


def _add(date: dt.date, n: int, unit: str) -> dt.date:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return date + dt.timedelta(days=n)
    if unit == "week":
        return date + dt.timedelta(weeks=n)
    months = n * 12 if unit == "year" else n
    y, m = divmod(date.month - 1 + months, 12)
    year, month = date.year + y, m + 1
    return dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


_LEDE, _REACH = 12, 40  # sentences searched for an event's date: the opening ones and those around the phrase


def event_date(event: str, sentences: list[Sentence], at: int, published: dt.date) -> dt.date | None:
    """The date another sentence of the text gives for ``event`` ("the 2025 Lisgard Open"), if any."""
    content, years = _event_words(event)
    if not content:
        return None  # a plain time expression, not an event
    year_hint = int(min(years)) if years else None
    best: tuple[int, dt.date] | None = None
    # the lede and the neighbourhood only: a text of thousands of sentences must not be read once per phrase
    nearby = sorted(set(range(min(_LEDE, len(sentences)))) | set(range(max(0, at - _REACH), min(len(sentences), at + _REACH))))
    for i in nearby:
        sent = sentences[i]
        if i == at or sent.headline or not _SCHEDULED.search(sent.text):
            continue
        words = set(re.findall(r"[a-z]+|\d{4}", sent.text.lower()))
        shares_word = bool(content & words)
        near_by_year = abs(i - at) <= 2 and years and years & words
        if not (shares_word or near_by_year):
            continue
        date = _date_in(sent.text, year_hint, published)
        if date is None or date < published:
            continue
        rank = abs(i - at) - (5 if shares_word else 0)
        if best is None or rank < best[0]:
            best = (rank, date)
    return best[1] if best else None


def anchor_deadline(phrase: str, sentences: list[Sentence], at: int, published: dt.date) -> dt.date | None:
    """The last on-time day for an event-relative ``phrase`` in sentence ``at``, if the text dates the event."""
    m = _RELATIVE.match(phrase.strip())
    if not m:
        return None
    date = event_date(m.group("event"), sentences, at, published)
    if date is None:
        return None
    if m.group("unit"):
        return _add(date, _NUMBERS.get(m.group("n").lower()) or int(m.group("n")), m.group("unit"))
    if m.group("rel").lower().startswith(("before", "ahead", "prior")):
        return date - dt.timedelta(days=1)
    return date


# An event named after a time preposition: "before the 2026 Tarnby Regatta", "in time for the new season".
_EVENT_NOUNS = (
    r"season|opening|launch|election|elections|tournament|championships?|games|olympics|festival|conference|"
    r"summit|holidays|recess|session|meeting|vote|referendum|congress|fair|show|expo|races?|regatta|marathon|"
    r"match|final|finals|cup|derby|premiere|budget|review|hearing|deadline|inauguration|ceremony|visit|trial"
)
_EVENT_PHRASE = re.compile(
    rf"\b(?:before|ahead\s+of|in\s+time\s+for|prior\s+to|by|until|within\s+\w+\s+(?:days?|weeks?|months?|years?)\s+of)"
    rf"\s+(?:the\s+|this\s+year's\s+|next\s+year's\s+)?(?:(?:19|20)\d\d(?:[-\u2013/]\d\d)?\s+)?"
    rf"(?:(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019-]*\s+){{0,4}}(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019-]*|(?:{_EVENT_NOUNS})\b)|(?:[a-z-]+\s+){{0,2}}(?:{_EVENT_NOUNS})\b)"
)


def find_event_phrase(text: str) -> tuple[str, int] | None:
    """The first event-relative deadline phrase in ``text`` and its offset, if any."""
    m = _EVENT_PHRASE.search(text)
    if m is None or not _event_words(m.group(0).split(None, 1)[1] if " " in m.group(0) else "")[0]:
        return None
    return m.group(0), m.start()


# A term of office counted from its first day: "in his first 100 days in office", "on her first day in
# office", "on day one", "within its first 100 days". The day the term begins is in the text when the news
# says it ("who takes office on January 20", "will be sworn in on May 7", "took office on January 1").
_IN_OFFICE = re.compile(
    r"\b(?:(?:in|within|during|over)\s+(?:his|her|its|their|the)\s+(?:new\s+government's\s+)?first\s+"
    r"(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred)\s+(?P<unit>days|weeks|months)"
    r"(?:\s+in\s+(?:office|power))?|on\s+(?:(?:his|her|its|their)\s+first\s+day\s+in\s+(?:office|power)|day\s+(?:one|1)\b))",
    re.I,
)
_TAKES_OFFICE = re.compile(
    r"\b(?P<verb>takes?|took|taking|(?:will|to)\s+take|(?:is|was|will\s+be|to\s+be)\s+sworn\s+in|sworn\s+in|"
    r"(?:is|was|will\s+be|to\s+be)\s+inaugurated|inauguration)(?:\s+(?:the\s+oath\s+of\s+)?office|\s+power)?\b",
    re.I,
)


def _term_start(sentences: list[Sentence], published: dt.date) -> dt.date | None:
    """The day the text says the term of office begins ("who takes office on January 20"), if it says."""
    for sent in sentences:
        m = _TAKES_OFFICE.search(sent.text)
        if m is None or not re.search(r"office|power|sworn|inaugurat", m.group(0), re.I):
            continue
        day = _date_in(sent.text[m.start():], None, published)
        if day is None:
            continue
        past = m.group("verb").lower() in ("took", "was sworn in", "was inaugurated")
        if past and day > published:  # "took office on January 1", written in March: this year's
            day = dt.date(day.year - 1, day.month, day.day) if not (day.month == 2 and day.day == 29) else day
        return day
    return None


def office_deadline(text: str, sentences: list[Sentence], published: dt.date) -> tuple[str, dt.date, dt.date] | None:
    """(phrase, earliest, latest) of a deadline counted from the first day in office, when the text dates it.

    >>> from tracker.language.sentences import split_sentences
    >>> s = split_sentences("Ilsa Brandvik, who takes office on January 20, said she would act.")
    >>> office_deadline("in her first 100 days in office", s, dt.date(2020, 12, 8))[1:]
    (datetime.date(2021, 1, 20), datetime.date(2021, 4, 29))
    >>> office_deadline("on her first day in office", s, dt.date(2020, 12, 8))[2]
    datetime.date(2021, 1, 20)
    """
    m = _IN_OFFICE.search(text)
    if m is None:
        return None
    start = _term_start(sentences, published)
    if start is None:
        return None
    if not m.group("n"):
        return m.group(0), start, start
    n = 100 if m.group("n").lower() == "hundred" else _NUMBERS.get(m.group("n").lower()) or int(m.group("n"))
    return m.group(0), start, _add(start, n, m.group("unit")) - dt.timedelta(days=1)
