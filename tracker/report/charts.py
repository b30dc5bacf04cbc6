"""Inline SVG charts, drawn in Python from plain data (pure; no JavaScript, no remote loads).

Colours come from the page's stylesheet through classes (``g-kept``, ``g-broken``,
...), so charts follow light/dark mode and print, and no ``style`` attribute
needs a CSP exception. Every chart carries an ``aria-label`` summary and a
``<title>`` per mark for pointer users; the page always shows the same numbers
in a table next to it, so nothing is told by colour or shape alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# Chart groups: (css group, label, statuses), in the order segments are stacked.
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("kept", "Kept on time", ("kept",)),
    ("kept_late", "Kept late", ("kept_late",)),
    ("partially_kept", "Partly kept", ("partially_kept",)),
    ("open", "Still open", ("pending", "due_soon", "delayed", "no_deadline")),
    ("overdue", "Overdue", ("overdue",)),
    ("broken", "Broken", ("broken",)),
    ("withdrawn", "Withdrawn or unverifiable", ("withdrawn", "unverifiable")),
)
GROUP_OF = {status: group for group, _, members in GROUPS for status in members}
LATE_OPEN = frozenset({"overdue", "broken"})  # past the deadline and not delivered: draw the delay to today
TIMELINE_LIMIT = 60
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Bar:
    """One actor's promises by chart group: (group, label, count) with count > 0."""

    label: str
    href: str
    segments: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class TimelineItem:
    id: int
    href: str
    label: str
    stated: dt.date
    due: dt.date
    done: dt.date | None
    status: str
    status_label: str


@dataclass(frozen=True)
class Marks:
    """The dates of one commitment's life, for its own small timeline."""

    stated: dt.date
    due: dt.date | None
    revised: tuple[dt.date, ...]
    evidence: tuple[dt.date, ...]
    done: dt.date | None
    status: str


def _e(text: object) -> str:
    return str(escape(str(text)))


def _num(x: float) -> str:
    """Coordinates with at most one decimal, so output is short and stable."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _day(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def legend(groups: Sequence[tuple[str, str, tuple[str, ...]]] = GROUPS) -> Markup:
    """An HTML legend (text, not only colour) for the group colours."""
    items = "".join(f'<li><span class="swatch g-{g}" aria-hidden="true"></span>{_e(label)}</li>'
                    for g, label, _ in groups)
    return Markup(f'<ul class="legend">{items}</ul>')


def actor_bars(bars: Sequence[Bar], root: str = "", show_labels: bool = True) -> Markup:
    """Stacked 100% bars, one small SVG per actor, so labels stay HTML text that wraps on phones."""
    if not bars:
        return Markup("")
    # A class, not li:only-child: a one-actor chart on the index still has its label column.
    out = ['<ul class="bars">' if show_labels else '<ul class="bars unlabelled">']
    for bar in bars:
        total = sum(n for _, _, n in bar.segments)
        words = ", ".join(f"{n} {label.lower()}" for _, label, n in bar.segments)
        out.append("<li>")
        if show_labels:
            out.append(f'<a class="bar-label" href="{_e(root + bar.href)}">{_e(bar.label)}</a>')
        out.append(f'<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" '
                   f'aria-label="{_e(bar.label)}: {total} promises: {_e(words)}">')
        x = 0.0
        for group, label, n in bar.segments:
            w = 100 * n / total if total else 0
            out.append(f'<rect class="g-{group}" x="{_num(x)}" y="0" width="{_num(max(w, 0.3))}" height="10" '
                       f'vector-effect="non-scaling-stroke"><title>{_e(bar.label)}: {n} {_e(label.lower())} '
                       f'({round(w)}%)</title></rect>')
            x += w
        out.append(f'</svg><span class="bar-total">{total}</span></li>')
    out.append("</ul>")
    return Markup("".join(out))


class _Scale:
    """Maps dates onto x pixels."""

    def __init__(self, start: dt.date, end: dt.date, x0: float, x1: float):
        self.start, self.days = start, max((end - start).days, 1)
        self.x0, self.x1 = x0, x1

    def __call__(self, d: dt.date) -> float:
        return self.x0 + (self.x1 - self.x0) * (d - self.start).days / self.days


def _padded_range(dates: Sequence[dt.date]) -> tuple[dt.date, dt.date]:
    """The span of ``dates`` with a margin, held inside the calendar: any stored date, year 1 to
    9999, must draw (a year-1 date once made every build fail with OverflowError)."""
    lo, hi = min(dates).toordinal(), max(dates).toordinal()
    pad = max(10, (hi - lo) // 25)
    first, last = dt.date.min.toordinal(), dt.date.max.toordinal()
    return dt.date.fromordinal(max(first, lo - pad)), dt.date.fromordinal(min(last, hi + pad))


def _ticks(start: dt.date, end: dt.date, most: int) -> list[tuple[dt.date, str]]:
    """Quarter, half-year or year starts: the finest step that gives at most ``most`` ticks."""
    for months in ((1, 4, 7, 10), (1, 7), (1,)):
        days = [dt.date(y, m, 1) for y in range(start.year, end.year + 1) for m in months]
        days = [d for d in days if start <= d <= end]
        if len(days) <= most:
            break
    else:
        step = -(-len(days) // most)
        days = days[::step]
    if len(months) == 1:
        return [(d, str(d.year)) for d in days]
    return [(d, f"{MONTHS[d.month - 1]} {d.year}" if d.month == 1 or i == 0 else MONTHS[d.month - 1])
            for i, d in enumerate(days)]


def _axis(scale: _Scale, start: dt.date, end: dt.date, top: float, bottom: float) -> list[str]:
    out = []
    for d, label in _ticks(start, end, max(2, int((scale.x1 - scale.x0) // 62))):
        x = _num(scale(d))
        out.append(f'<line class="grid" x1="{x}" x2="{x}" y1="{_num(top)}" y2="{_num(bottom)}"/>'
                   f'<text class="tick" x="{x}" y="{_num(bottom + 14)}" text-anchor="middle">{_e(label)}</text>')
    return out


def _today_line(scale: _Scale, today: dt.date, top: float, bottom: float) -> str:
    x = _num(scale(today))
    return (f'<line class="today" x1="{x}" x2="{x}" y1="{_num(top)}" y2="{_num(bottom)}"/>'
            f'<text class="tick today-label" x="{x}" y="{_num(top - 4)}" text-anchor="middle">today</text>')


def _diamond(x: float, y: float, r: float, cls: str, title: str) -> str:
    pts = f"{_num(x)},{_num(y - r)} {_num(x + r)},{_num(y)} {_num(x)},{_num(y + r)} {_num(x - r)},{_num(y)}"
    return f'<polygon class="{cls}" points="{pts}"><title>{_e(title)}</title></polygon>'


def timeline(items: Sequence[TimelineItem], today: dt.date, root: str = "") -> Markup:
    """Deadlines against delivery: promise window, deadline (diamond) and delivery (dot) per row."""
    if not items:
        return Markup("")
    width, label_w, row_h, top = 760, 220, 24, 24
    dates = [today] + [d for it in items for d in (it.stated, it.due, it.done) if d]
    start, end = _padded_range(dates)
    scale = _Scale(start, end, label_w + 8, width - 12)
    bottom = top + row_h * len(items)
    out = [f'<svg class="chart timeline" viewBox="0 0 {width} {bottom + 22}" role="img" '
           f'aria-label="Timeline of {len(items)} deadlines and delivery dates; the table below lists them." '
           f'preserveAspectRatio="xMinYMin meet">']
    out += _axis(scale, start, end, top, bottom)
    out.append(_today_line(scale, today, top, bottom))
    for i, it in enumerate(items):
        y = top + row_h * i + row_h / 2
        group = GROUP_OF.get(it.status, "open")
        done = f", delivered {_day(it.done)}" if it.done else ""
        title = f"{it.label}: promised {_day(it.stated)}, due {_day(it.due)}{done} — {it.status_label}"
        out.append(f'<a href="{_e(root + it.href)}" tabindex="-1"><title>{_e(title)}</title>')
        out.append(f'<text class="label" x="{label_w}" y="{_num(y + 4)}" text-anchor="end">'
                   f'{_e(_short(it.label, 30))}</text>')
        out.append(f'<line class="window" x1="{_num(scale(it.stated))}" x2="{_num(scale(it.due))}" '
                   f'y1="{_num(y)}" y2="{_num(y)}"/>')
        late_until = it.done if it.done else (today if it.status in LATE_OPEN else None)
        if late_until and late_until > it.due:
            out.append(f'<line class="slip" x1="{_num(scale(it.due))}" x2="{_num(scale(late_until))}" '
                       f'y1="{_num(y)}" y2="{_num(y)}"/>')
        out.append(_diamond(scale(it.due), y, 6, f"due g-{group}", f"deadline {_day(it.due)}"))
        if it.done:
            out.append(f'<circle class="done g-{group}" cx="{_num(scale(it.done))}" cy="{_num(y)}" r="5">'
                       f'<title>delivered {_day(it.done)}</title></circle>')
        out.append("</a>")
    out.append("</svg>")
    return Markup("".join(out))


def commitment_timeline(marks: Marks, today: dt.date) -> Markup:
    """One promise on one line: made, due, re-dated, evidenced, delivered (or late until today)."""
    width, y, top, bottom = 480, 46.0, 22.0, 70.0
    dates = [marks.stated, today, *marks.revised, *marks.evidence]
    dates += [d for d in (marks.due, marks.done) if d]
    start, end = _padded_range(dates)
    scale = _Scale(start, end, 12, width - 12)
    group = GROUP_OF.get(marks.status, "open")
    out = [f'<svg class="chart life" viewBox="0 0 {width} {bottom + 22}" role="img" '
           f'aria-label="Timeline of this promise; the sections below give every date." '
           f'preserveAspectRatio="xMinYMin meet">']
    out += _axis(scale, start, end, top, bottom)
    out.append(_today_line(scale, today, top, bottom))
    window_end = marks.due or marks.done or today
    out.append(f'<line class="window" x1="{_num(scale(marks.stated))}" x2="{_num(scale(window_end))}" '
               f'y1="{_num(y)}" y2="{_num(y)}"/>')
    late_until = marks.done or (today if marks.status in LATE_OPEN else None)
    if marks.due and late_until and late_until > marks.due:
        out.append(f'<line class="slip" x1="{_num(scale(marks.due))}" x2="{_num(scale(late_until))}" '
                   f'y1="{_num(y)}" y2="{_num(y)}"/>')
    for d in marks.evidence:
        out.append(f'<line class="evidence" x1="{_num(scale(d))}" x2="{_num(scale(d))}" y1="{_num(y - 12)}" '
                   f'y2="{_num(y + 12)}"><title>evidence {_day(d)}</title></line>')
    out.append(f'<circle class="stated" cx="{_num(scale(marks.stated))}" cy="{_num(y)}" r="5">'
               f'<title>promised {_day(marks.stated)}</title></circle>')
    for d in marks.revised:
        out.append(_diamond(scale(d), y, 6, "revised", f"revised deadline {_day(d)}"))
    if marks.due:
        out.append(_diamond(scale(marks.due), y, 7, "due deadline", f"deadline {_day(marks.due)}"))
    if marks.done:
        out.append(f'<circle class="done g-{group}" cx="{_num(scale(marks.done))}" cy="{_num(y)}" r="6">'
                   f'<title>delivered {_day(marks.done)}</title></circle>')
    out.append("</svg>")
    return Markup("".join(out))
