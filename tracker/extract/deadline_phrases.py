"""Whole deadline phrases: the preposition, hedges, alternatives, open-ended words and events.

:func:`read_phrase` splits "by the end of Q3 2026 at the latest" into its
preposition ("by"), its time expression (read by
:mod:`tracker.extract.deadline_periods`) and any tail, then decides the last
on-time day. The prepositions matter: "before January 2026" ends on 31
December 2025, "by 2030" on 31 December 2030 (the generous reading, see
``DeadlineConventions.by_means_end``), "in Q3" at the end of Q3.
Phrases that set no date ("eventually", "when market conditions allow") read
as no deadline; phrases that hang on an undated event ("before drafting
begins") read as no deadline with the event named, and resolve once its date
is known.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.extract.deadline_conventions import DeadlineConventions
from tracker.extract.deadline_grammar import fmt
from tracker.extract.deadline_periods import Ctx, NotUnderstood, Period, read_period

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Reading:
    """What a phrase means, before it is wrapped in a ``DueWindow``."""

    earliest: date | None
    latest: date | None
    rule: str
    event: str | None = None
    counted: bool = False       # a span counted from publication ("within six months")


_PREFIXES: list[tuple[str, str]] = [
    (r"between\s+now\s+and|from\s+now\s+(?:until|till|to)", "by"),
    (r"by\s+no\s+later\s+than|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|at\s+the\s+latest\s+by|"
     r"by\s+the\s+latest", "by"),
    (r"in\s+time\s+for|ahead\s+of|in\s+advance\s+of|prior\s+to|in\s+the\s+(?:run|lead)-up\s+to|"
     r"(?:just\s+|well\s+|shortly\s+|sometime\s+|some\s+time\s+)?before", "before"),
    (r"not\s+before|no\s+earlier\s+than|no\s+sooner\s+than|not\s+until|not\s+till", "notbefore"),
    (r"after|following|beyond", "after"),
    (r"up\s+until|until|till|'til|til", "until"),
    (r"through(?:\s+to)?|thru|through\s+the\s+end\s+of", "through"),
    (r"within|inside(?:\s+of)?", "within"),
    (r"over\s+the\s+course\s+of|in\s+the\s+course\s+of|over|during|throughout|across|in|at|on|from|for|"
     r"(?:starting|beginning|commencing|effective)(?:\s+(?:in|on|from|at|as\s+of))?|as\s+of|as\s+from|come|"
     r"towards?", "in"),
    (r"by", "by"),
]
_PREFIX_RES = [(re.compile(rf"(?:{p})\s+(?P<rest>.+)", re.I), kind) for p, kind in _PREFIXES]

_HEDGE = re.compile(r"(?:sometime|some\s+time|at\s+some\s+(?:point|stage)|around|about|approximately|roughly|circa|"
                    r"possibly|probably|likely|hopefully|already|only|just|right|even|perhaps|maybe|as\s+early\s+as|"
                    r"as\s+soon\s+as|as\s+late\s+as|potentially|ideally|tentatively)\s+(?P<rest>.+)", re.I)
_LATEST_TAIL = re.compile(r"(?P<rest>.+?),?\s+(?:at\s+the\s+(?:very\s+)?latest|at\s+latest|"
                          r"or\s+(?:sooner|earlier|before)|if\s+not\s+(?:sooner|earlier|before)|or\s+so|"
                          r"at\s+the\s+outside)", re.I)
_OPEN_TAIL = re.compile(r"(?P<rest>.+?),?\s+(?:at\s+the\s+earliest|or\s+later|(?:and|or)\s+beyond|onwards?|"
                        r"and\s+after|or\s+after)", re.I)

NO_DEADLINE = re.compile(
    r"(?:eventually|ultimately|one\s+day|some\s*day|in\s+time|over\s+time|with\s+time|in\s+due\s+(?:course|time)"
    r"|at\s+some\s+(?:point|stage|time)(?:\s+in\s+the\s+future)?|(?:in|for)\s+(?:the\s+)?future|later"
    r"|(?:in|over)\s+the\s+(?:long|longer|medium|medium-to-long)(?:\s+|-)(?:run|term)|(?:in\s+the\s+)?long[-\s]term"
    r"|in\s+the\s+fullness\s+of\s+time|at\s+a\s+later\s+(?:date|stage|time|point)|going\s+forward|from\s+now\s+on"
    r"|as\s+(?:soon|quickly|early|fast|promptly)\s+as\s+(?:possible|practicable|feasible|practical|reasonably\s+"
    r"practicable|(?:we|it|they|he|she|the\s+\w+)\s+(?:can|could))|asap|at\s+the\s+earliest\s+(?:opportunity|"
    r"possible\s+(?:date|time|moment))|permanently|indefinitely|forever|for\s+good|in\s+the\s+years\s+to\s+come"
    r"|over\s+the\s+years|ongoing|on\s+an\s+ongoing\s+basis|in\s+the\s+fullness\s+of\s+time)",
    re.I)
CONDITIONAL = re.compile(r"(?:when|whenever|if|once|as\s+soon\s+as|provided|subject\s+to|depending\s+on|pending|"
                         r"assuming|unless|as\s+and\s+when)\s+\S.*", re.I)

_EVENT_VERBS = (r"begins|starts|ends|opens|closes|finishes|resumes|rises|breaks|returns|arrives|launches|"
                r"takes\s+effect|comes\s+into\s+(?:force|effect)|goes\s+live|gets\s+under\s?way|sets\s+in|kicks\s+off|"
                r"expires|reconvenes|concludes|meets|votes|convenes|is\s+\w+|are\s+\w+|has\s+\w+|have\s+\w+")
_EVENT_NOUNS = (r"(?i:elections?|general\s+election|vote|referendum|summit|conference|convention|games|olympics|"
                r"world\s+cup|cup|open|championships?|tournament|finals?|grand\s+prix|festival|fair|expo|show|"
                r"launch|opening|deadline|meeting|hearing|review|budget|anniversary|ceremony|inauguration|"
                r"marathon|race|derby|tour|kick-?off|premiere|debut|handover|merger|listing|ipo|ballot|polls?|"
                r"trial|ruling|verdict|assembly|agm|jubilee|coronation|world\s+championships?|playoffs?)")
_CAPS = r"(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w'&.-]*\s+){0,4}"
EVENT = re.compile(
    rf"(?:the\s+|a\s+|its\s+|their\s+)?[\w'-]+(?:\s+[\w'-]+){{0,4}}\s+(?i:{_EVENT_VERBS})"
    rf"|(?i:the\s+)?(?:(?i:next|upcoming|coming|first|this\s+year's|next\s+year's|\d{{4}}(?:[-/]\d{{2,4}})?)\s+)?"
    rf"{_CAPS}{_EVENT_NOUNS}"
    r"|(?i:the)\s+\d{4}(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w'&.-]*){1,5}"
    r"|(?i:the\s+)?(?i:start|end|opening|close|beginning|launch|completion|conclusion)\s+(?i:of)\s+"
    r"(?i:the\s+|its\s+|their\s+)?(?!(?i:this|that|next|the|year|month|week|quarter|decade)\b)[A-Z\u00c0-\u00de\u0100-\u017fa-z][\w'-]{3,}"
    r"(?:\s+[\w'-]+){0,5}")
_RELATIVE = re.compile(r"(?P<dur>.+?)\s+(?:of|after|following)\s+(?P<ev>[^,;:().\"]+)", re.I)
_FUNCTION_WORDS = frozenset("the a an its their his her our this that these those of in on at to for by with and or"
                            " from into".split())
_NOW = re.compile(r"(?:now|today|publication|(?:this|the)\s+(?:announcement|statement|notice|letter|report|"
                  r"decision|agreement)|the\s+date\s+of\s+(?:this|the)\s+\w+|signing|the\s+signing)", re.I)


@lru_cache(maxsize=16384)
def read_phrase(text: str, ctx: Ctx, event_date: date | None = None) -> Reading | None:
    """The reading of a normalised phrase, or None if no rule understands it.

    Cached: a pure function of its (hashable, frozen) arguments, and the finder asks for the same
    candidate spans again and again ("by the end of 2026" in clause after clause, text after text).
    """
    if NO_DEADLINE.fullmatch(text):
        return Reading(None, None, f"no deadline: '{text}' sets no date, so it is never broken by date")
    reading = _read_dated(text, ctx) or _read_event(text, ctx, event_date)
    if reading is None and CONDITIONAL.fullmatch(text):
        return Reading(None, None, f"no deadline: '{text}' depends on a condition, not a date")
    return reading


def _read_dated(text: str, ctx: Ctx) -> Reading | None:
    for tail, open_ended in ((_LATEST_TAIL, False), (_OPEN_TAIL, True)):
        m = tail.fullmatch(text)
        if m:
            inner = _read_dated(m["rest"], ctx)
            if inner and open_ended:
                return Reading(inner.earliest, None, f"no deadline: {inner.rule}, at the earliest")
            if inner:
                return inner
    return _read_prefixed(text, ctx) or _read_pair(text, ctx)


def _read_prefixed(text: str, ctx: Ctx, kind: str = "none") -> Reading | None:
    """Try the text as a bare time expression, then after each matching preposition, then after a hedge."""
    # "within the year": the bare period words are only safe after "within"
    period = _period(text, replace(ctx, nested=True) if kind == "within" else ctx)
    if period is not None:
        return window(kind, period, ctx)
    for pattern, prefix_kind in _PREFIX_RES:
        m = pattern.fullmatch(text)
        if m:
            reading = _read_prefixed(m["rest"], ctx, prefix_kind)
            if reading is not None:
                return reading
    m = _HEDGE.fullmatch(text)
    return _read_prefixed(m["rest"], ctx, kind) if m else None


def _period(text: str, ctx: Ctx) -> Period | None:
    try:
        return read_period(text, ctx)
    except NotUnderstood:
        return None


def _read_pair(text: str, ctx: Ctx) -> Reading | None:
    """ "by late 2026 or early 2027" (the later one counts) and "between June and August" (to the end)."""
    m = re.fullmatch(r"(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until|through|-)\s+(?P<b>.+)", text, re.I)
    if m:
        a, b = _read_prefixed(m["a"], ctx, "in"), _read_prefixed(m["b"], ctx, "in")
        if a and b and a.latest and b.latest:
            return Reading(a.earliest, max(a.latest, b.latest), f"between: {b.rule}")
    m = re.fullmatch(r"(?P<a>.+?),?\s+(?:or|and/or)\s+(?P<b>.+)", text, re.I) \
        or re.fullmatch(r"(?P<a>[^,]+?)\s+and\s+(?P<b>(?!(?:by|in|before|until|from|on|at|within|during)\b)[^,]+)",
                        text, re.I)
    # ("June and July 2025" is one span; "by 2030, and by 2025" two deadlines of two promises)
    if not m:
        return None
    year = re.search(r"\b(?:19|20)\d\d$", m["b"])
    # "in May or June 2026", "in June and July 2025": the year named once is both months' year
    a = (_read_prefixed(f"{m['a']} {year.group(0)}", ctx) if year and not re.search(r"\d{4}", m["a"]) else None) \
        or _read_prefixed(m["a"], ctx)
    prefix = next((p.match(m["a"]) for p, _ in _PREFIX_RES if p.match(m["a"])), None)
    lead = m["a"][: prefix.start("rest")] if prefix else ""
    b = _read_prefixed(m["b"], ctx) if not lead else (_read_prefixed(lead + m["b"], ctx) or _read_prefixed(m["b"], ctx))
    if not (a and b and a.latest and b.latest):
        return None
    later = a if a.latest >= b.latest else b
    return Reading(min(filter(None, (a.earliest, b.earliest)), default=None), later.latest,
                   f"either of two readings; the later counts: {later.rule}")


def window(kind: str, p: Period, ctx: Ctx) -> Reading:
    """Apply a preposition to a period: the due window and a short rule saying why."""
    pub = ctx.published
    if kind in ("notbefore", "after"):
        first = p.end + ONE_DAY if kind == "after" else p.begins
        return Reading(first, None, f"no deadline: not before {fmt(first)} ({p.label})")
    if p.span:
        return Reading(p.low or pub, p.end, f"{p.label}: last on-time day {fmt(p.end)}", counted=True)
    if kind in ("in", "none"):
        return Reading(p.start, p.end, f"in {p.label}: last on-time day {fmt(p.end)}")
    if kind in ("within", "through"):
        return Reading(pub, p.end, f"{kind} {p.label}: last on-time day {fmt(p.end)}")
    latest, how = _by_or_before(kind, p, ctx.conv)
    return Reading(min(pub, latest), latest, f"{kind} {p.label}: {how}, {fmt(latest)}")


def _by_or_before(kind: str, p: Period, conv: DeadlineConventions) -> tuple[date, str]:
    """The last on-time day for "by", "before" and "until", which differ only at the edges."""
    day_before = p.begins - ONE_DAY
    if p.boundary == "end":
        return p.end, "its last day"
    if p.exact:
        if kind == "before":
            return day_before, "the day before (exclusive)"
        return p.end, "that day"
    if kind == "by" and not p.by_start and p.boundary != "start" and conv.by_means_end:
        return p.end, "read generously as by its end"
    return day_before, "the day before it begins"


def _read_event(text: str, ctx: Ctx, event_date: date | None) -> Reading | None:
    """ "before drafting begins", "before the 2025 Lisgard Open", "within six months of arrival in orbit"."""
    relative = _read_relative(text, ctx, event_date)
    if relative is not None:
        return relative
    m = re.fullmatch(r"(?P<pre>before|ahead\s+of|prior\s+to|in\s+time\s+for|in\s+advance\s+of|until|till|"
                     r"by\s+the\s+time(?:\s+of)?|by)\s+(?P<ev>.+)", text, re.I)
    if not m or not EVENT.fullmatch(m["ev"]):
        return None
    event, pre = m["ev"], m["pre"].lower()
    if event_date is None:
        return _undated(event)
    latest = event_date if pre.startswith(("until", "till", "by the time")) else event_date - ONE_DAY
    return Reading(min(ctx.published, latest), latest, f"{pre} {event} ({fmt(event_date)}): {fmt(latest)}", event)


def _read_relative(text: str, ctx: Ctx, event_date: date | None) -> Reading | None:
    m = re.fullmatch(r"(?:within|in|no\s+later\s+than|not\s+later\s+than|by)\s+(?P<body>.+)", text, re.I)
    rel = _RELATIVE.fullmatch(m["body"]) if m else None
    if not rel or not _noun_phrase(rel["ev"]):
        return None
    anchor = ctx.published if _NOW.fullmatch(rel["ev"]) else event_date
    if anchor is None:
        duration = _period(rel["dur"], ctx)
        return _undated(rel["ev"]) if duration is not None and duration.span else None
    duration = _period(rel["dur"], Ctx(anchor, ctx.conv))
    if duration is None or not duration.span:
        return None
    return Reading(anchor, duration.end, f"{duration.label} of {rel['ev']}: {fmt(duration.end)}".replace(
        "from publication ", ""), None if anchor == ctx.published else rel["ev"])


def _noun_phrase(text: str) -> bool:
    """Whether ``text`` can name an event: 1-8 words, not ending on a function word ("of the")."""
    words = text.lower().split()
    return 1 <= len(words) <= 8 and words[-1] not in _FUNCTION_WORDS


def _undated(event: str) -> Reading:
    return Reading(None, None, f"depends on when {event} happens, which the phrase does not date: "
                               "record the event's date to set the deadline", event)
