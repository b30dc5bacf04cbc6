"""Page contexts: pure functions from loaded rows to the frozen dataclasses templates show.

Nothing here reads the database, the file system or the clock: give the same
rows and the same ``today`` and you get equal contexts (which is what makes
the site deterministic and lets :mod:`tracker.report.build` skip pages whose
context hash did not change). Every date and number is formatted here, every
URL is vetted here (:func:`safe_href`), so templates only place values.

Statuses are the live verdict of :func:`tracker.status.judge` on
:func:`tracker.queries.facts_for`, exactly as ``tracker list`` computes them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

from tracker.clock import EARLIEST_PLAUSIBLE
from tracker.queries import facts_for
from tracker.report import charts
from tracker.report.load import ActorRow, AnnouncementRow, CommitmentRow, EvidenceRow, SiteData
from tracker.status import RESOLVED_STATUSES, STATUS_MEANINGS, StatusRules, Verdict, judge
from tracker.timeline import replay_in_order

UPCOMING_DAYS = 30
UPCOMING_LIMIT = 50
RECENT_LIMIT = 12
CHART_ACTORS = 15

# Reading order everywhere: outcomes first (best to worst), then open promises (most urgent first).
STATUS_ORDER = ("kept", "kept_late", "partially_kept", "broken", "withdrawn", "unverifiable",
                "overdue", "delayed", "due_soon", "pending", "no_deadline")
STATUS_LABELS = {
    "kept": "Kept", "kept_late": "Kept late", "partially_kept": "Partly kept", "broken": "Broken",
    "withdrawn": "Withdrawn", "unverifiable": "Unverifiable", "overdue": "Overdue", "delayed": "Delayed",
    "due_soon": "Due soon", "pending": "Pending", "no_deadline": "No deadline",
}
# A shape next to the word, so the status never rests on colour alone (hidden from screen readers).
STATUS_SYMBOLS = {
    "kept": "✓", "kept_late": "✓", "partially_kept": "◐", "broken": "✗", "withdrawn": "⊘",
    "unverifiable": "?", "overdue": "!", "delayed": "»", "due_soon": "◔", "pending": "○", "no_deadline": "∞",
}
# Status names with an underscore, as stored reasons may hold them ("editor marked kept_late ...").
_STATUS_NAME = re.compile(r"\b(?:" + "|".join(s for s in STATUS_ORDER if "_" in s) + r")\b")
OPEN_STATUSES = frozenset({"pending", "due_soon", "delayed", "overdue", "no_deadline"})
EVIDENCE_MEANINGS = {
    "fulfilment": "reports that the promised thing was done (for a promise not to act: that it was done anyway)",
    "progress": "reports a step towards it; never changes the status by itself",
    "delay": "the actor says it will be late, often with a new date (the original deadline still counts)",
    "cancellation": "the actor abandons the promise: withdrawn",
    "mention": "talks about the promise without saying whether it was kept",
}
STATE_LABELS = {"accepted": "accepted", "proposed": "awaiting review", "rejected": "rejected",
                "discarded": "discarded"}
SHOWN_EVIDENCE_STATES = ("accepted",)  # a reader sees only what an editor or the rules accepted
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- small values ------------------------------------------------------------------


@dataclass(frozen=True)
class Day:
    """A date as machine-readable ISO and as the words a reader sees."""

    iso: str
    text: str


@dataclass(frozen=True)
class Link:
    """Text and, only for http(s) URLs, the address to link it to (``href`` None: plain text)."""

    text: str
    href: str | None = None
    external: bool = True
    unlinked: str = ""  # an address not safe to link, shown as text so the source can still be checked


@dataclass(frozen=True)
class Badge:
    status: str
    label: str
    symbol: str
    meaning: str
    rank: int


def on(value: dt.date | dt.datetime) -> Day:
    """``2026-06-30`` -> Day('2026-06-30', '30 Jun 2026'); locale-independent on purpose."""
    return _on_day(value.date() if isinstance(value, dt.datetime) else value)


@functools.lru_cache(maxsize=8192)
def _on_day(value: dt.date) -> Day:
    """A build formats ~25,000 dates but only a few thousand distinct days: each is formatted once."""
    return Day(value.isoformat(), f"{value.day} {MONTHS[value.month - 1]} {value.year}")


def day(value: dt.date | dt.datetime | None) -> Day | None:
    """:func:`on` for a date that may be missing."""
    return None if value is None else on(value)


_UNSAFE_CHARS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")  # whitespace and control characters: never in a link


def safe_href(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) address a browser may follow, else None.

    >>> safe_href("javascript:alert(1)") is None
    True
    """
    if not url:
        return None
    url = url.strip()
    if _UNSAFE_CHARS.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def external(text: str | None, url: str | None) -> Link:
    """A link to the outside world; an unsafe URL stays visible as plain text."""
    href = safe_href(url)
    label = text or url or "(untitled)"
    unlinked = url.strip() if url and href is None and url.strip() != label else ""
    return Link(label, href, unlinked=unlinked)


def badge(status: str) -> Badge:
    return BADGES.get(status) or Badge(status, status.replace("_", " ").capitalize(), "·",
                                       STATUS_MEANINGS.get(status, ""), len(STATUS_ORDER))


BADGES = {s: Badge(s, STATUS_LABELS[s], STATUS_SYMBOLS[s], STATUS_MEANINGS.get(s, ""), i)
          for i, s in enumerate(STATUS_ORDER)}


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def slugify(name: str) -> str:
    """File-name-safe ASCII slug: 'Norhaven Ministry of Health' -> 'norhaven-ministry-of-health'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")
    return slug or "actor"


def actor_paths(actors: Iterable[ActorRow]) -> dict[int, str]:
    """Page path per actor: ``a/<id>-<slug>.html``, unique by construction and stable between builds.

    The id comes first and holds no hyphen, so two actors can never want the same
    file, whatever their names slugify to ("Foo 3" with id 2 and "Foo!" with id 3
    give ``a/2-foo-3.html`` and ``a/3-foo.html``), and an actor's page name
    depends on nothing but its own row: actors added or gone never move it.

    >>> actor_paths([ActorRow(7, "City Council")])
    {7: 'a/7-city-council.html'}
    """
    return {actor.id: f"a/{actor.id}-{slugify(actor.name)}.html" for actor in actors}


def commitment_path(commitment_id: int) -> str:
    return f"c/{commitment_id}.html"


def status_path(status: str) -> str:
    return f"s/{status}.html"


def tag_path(tag: str) -> str:
    """``t/<slug>.html``: tags that differ only in punctuation share a page (so a path needs no other tag)."""
    return f"t/{slugify(tag)}.html"


# --- shared per-site facts --------------------------------------------------------


@dataclass(frozen=True)
class SiteInfo:
    """What every page shows in its frame."""

    title: str
    base_url: str
    today: Day
    version: str
    editors: tuple[tuple[str, str], ...] = ()  # OS user -> the name readers see ([report] editors)

    def editor(self, user: str | None) -> str:
        """The display name of the editor recorded as ``user``: from ``[report] editors``, else "an editor"."""
        return dict(self.editors).get(user or "", "an editor")


@dataclass(frozen=True)
class Row:
    """One line of a commitment table (index, status pages, actor pages)."""

    id: int
    href: str
    actor: str
    actor_href: str
    what: str
    due: Day | None
    phrase: str
    status: Badge
    days: str
    days_sort: str
    evidence: str
    evidence_sort: str
    resolved_on: Day | None
    revised: Day | None = None  # the actor's latest new date, shown beside the original deadline
    progress: str = ""  # "in the works" | "stalled" | "" (see progress_label)


@dataclass(frozen=True)
class Judged:
    """Everything the pages need about one commitment, computed once per build."""

    commitment: CommitmentRow
    verdict: Verdict
    row: Row


def judge_all(data: SiteData, today: dt.date, rules: StatusRules, actor_hrefs: Mapping[int, str]) -> list[Judged]:
    """The live verdict and table row of every commitment (same verdicts as ``tracker list``)."""
    out = []
    for c in data.commitments:
        verdict = judge(facts_for(c), today, rules)  # type: ignore[arg-type]  # rows mirror the models
        out.append(Judged(c, verdict, _row(c, verdict, today, actor_hrefs[c.actor.id])))
    return out


def _row(c: CommitmentRow, verdict: Verdict, today: dt.date, actor_href: str) -> Row:
    text, sort = days_left(c, verdict, today)
    last = last_evidence(c.evidence)
    ev_text, ev_sort = "", ""
    if last is not None:
        when = evidence_day(last)
        ev_text = f"{on(when).text} · {last.kind}"
        ev_sort = when.isoformat()
    resolved = day(verdict.effective_on) if verdict.status in RESOLVED_STATUSES else None
    revised = c.revisions[-1].new_due_latest if c.revisions else None
    return Row(c.id, commitment_path(c.id), c.actor.name, actor_href, c.what, day(c.due_latest),
               c.deadline_phrase or "", badge(verdict.status), text, sort, ev_text, ev_sort, resolved,
               day(revised) if revised != c.due_latest else None, progress_label(c, verdict, today))


PROGRESS_LABELS = {
    "in the works": "An open promise with accepted evidence of progress towards it.",
    "stalled": "An open promise past half of its window, from the day it was made to its deadline, "
               "with no accepted evidence at all.",
}


def progress_label(c: CommitmentRow, verdict: Verdict, today: dt.date) -> str:
    """"in the works" or "stalled" for an open promise, else "": a label beside the status, never a status.

    Derived from the status and accepted evidence (PolitiFact-style readers expect them);
    explained on the methodology page from :data:`PROGRESS_LABELS`.
    """
    if verdict.status not in OPEN_STATUSES:
        return ""
    accepted = [e for e in c.evidence if e.state == "accepted"]
    if any(e.kind == "progress" for e in accepted):
        return "in the works"
    if c.due_latest and not accepted and today > c.stated_on + (c.due_latest - c.stated_on) / 2:
        return "stalled"
    return ""


def days_left(c: CommitmentRow, verdict: Verdict, today: dt.date) -> tuple[str, str]:
    """('12 days left' | '40 days late' | 'on time' | '—', numeric sort key: negative is late)."""
    due, status = c.due_latest, verdict.status
    if due is None:
        return "no deadline", ""
    if status == "kept":
        return "on time", "0"
    if status == "kept_late":
        late = (verdict.effective_on - due).days
        return f"{plural(late, 'day')} late", str(-late)
    if status in ("withdrawn", "partially_kept", "unverifiable") or (status == "broken" and c.negated):
        return "—", ""
    left = (due - today).days
    if left == 0:
        return "due today", "0"
    return (f"{plural(left, 'day')} left", str(left)) if left > 0 else (f"{plural(-left, 'day')} late", str(left))


def evidence_day(e: EvidenceRow) -> dt.date:
    """The date an evidence item speaks for (the same rule as the status engine)."""
    return e.event_date or e.created_at.date()  # type: ignore[union-attr]  # loaded whenever event_date is None


def last_evidence(evidence: Sequence[EvidenceRow]) -> EvidenceRow | None:
    shown = [e for e in evidence if e.state in SHOWN_EVIDENCE_STATES]
    return max(shown, key=lambda e: (evidence_day(e), e.id), default=None)


# --- track records ------------------------------------------------------------------


@dataclass(frozen=True)
class TrackRecord:
    """An actor's (or everyone's) record: counts, on-time rate and median delivery slip."""

    total: int
    counts: tuple[tuple[Badge, int], ...]
    kept: int
    kept_late: int
    partially_kept: int
    broken: int
    withdrawn: int
    open: int
    overdue: int
    judged: int
    on_time: str
    on_time_sort: str
    on_time_basis: str
    median_slip: str
    median_slip_sort: str
    slip_basis: str
    revisions: int
    unverifiable: int = 0  # with the other counts and open, it adds up to total


def track_record(judged: Sequence[Judged]) -> TrackRecord:
    """On-time rate = kept / (kept + kept late + partly kept + broken); slip over delivered promises."""
    n = Counter(j.verdict.status for j in judged)
    kept, late, partly, broken = n["kept"], n["kept_late"], n["partially_kept"], n["broken"]
    outcomes = kept + late + partly + broken
    slips = [max(0, (j.verdict.effective_on - j.commitment.due_latest).days) for j in judged
             if j.verdict.status in ("kept", "kept_late") and j.commitment.due_latest is not None]
    median = statistics.median(slips) if slips else None
    return TrackRecord(
        total=len(judged),
        counts=tuple((badge(s), n[s]) for s in _ordered_statuses(n)),
        kept=kept, kept_late=late, partially_kept=partly, broken=broken, withdrawn=n["withdrawn"],
        open=sum(n[s] for s in OPEN_STATUSES), overdue=n["overdue"], judged=outcomes,
        on_time=percent(kept, outcomes), on_time_sort=f"{kept / outcomes:.4f}" if outcomes else "",
        on_time_basis=f"{kept} of {plural(outcomes, 'promise')} with an outcome" if outcomes else
        "no promise has an outcome yet",
        median_slip="—" if median is None else plural(int(round(median)), "day"),
        median_slip_sort="" if median is None else str(median),
        slip_basis=f"over {plural(len(slips), 'delivered promise')}" if slips else "nothing delivered yet",
        revisions=sum(len(j.commitment.revisions) for j in judged),
        unverifiable=len(judged) - outcomes - n["withdrawn"] - sum(n[s] for s in OPEN_STATUSES),
    )


def _ordered_statuses(counts: Mapping[str, int]) -> list[str]:
    known = [s for s in STATUS_ORDER if counts.get(s)]
    return known + sorted(s for s in counts if s not in STATUS_ORDER and counts[s])


# --- index ------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCount:
    badge: Badge
    count: int
    href: str | None


@dataclass(frozen=True)
class ActorSummary:
    name: str
    href: str
    record: TrackRecord


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class IndexPage:
    site: SiteInfo
    root: str
    script: bool
    record: TrackRecord
    scoreboard: tuple[StatusCount, ...]
    upcoming: tuple[Row, ...]
    upcoming_more: int
    upcoming_days: int
    recent: tuple[Row, ...]
    actors: tuple[ActorSummary, ...]
    actor_chart: Markup
    rows: tuple[Row, ...]
    status_options: tuple[Option, ...]
    actor_options: tuple[Option, ...]
    tags: tuple[TagLink, ...] = ()
    last_checked: str = ""


@dataclass(frozen=True)
class TagLink:
    name: str
    href: str
    count: int


def by_actor(judged: Iterable[Judged]) -> dict[int, list[Judged]]:
    out: dict[int, list[Judged]] = {}
    for j in judged:
        out.setdefault(j.commitment.actor.id, []).append(j)
    return out


def table_order(judged: Iterable[Judged]) -> list[Judged]:
    """Soonest deadline first, open-ended promises last, then by id."""
    return sorted(judged, key=lambda j: (j.commitment.due_latest is None,
                                         j.commitment.due_latest or dt.date.min, j.commitment.id))


def index_page(site: SiteInfo, judged: Sequence[Judged], actors: Sequence[ActorRow],
               actor_hrefs: Mapping[int, str], today: dt.date, last_checked: dt.datetime | None = None) -> IndexPage:
    """The front page: scoreboard, next deadlines, recent outcomes, actors and every commitment."""
    record = track_record(judged)
    counts = dict((b.status, n) for b, n in record.counts)
    scoreboard = tuple(StatusCount(badge(s), counts.get(s, 0), status_path(s) if counts.get(s) else None)
                       for s in _scoreboard_statuses(counts))
    upcoming = upcoming_rows(judged, today)
    groups = by_actor(judged)
    summaries = tuple(sorted((ActorSummary(a.name, actor_hrefs[a.id], track_record(groups[a.id]))
                              for a in actors if a.id in groups),
                             key=lambda s: (-s.record.total, s.name.lower(), s.href)))
    ordered = table_order(judged)
    return IndexPage(
        site=site, root="", script=True, record=record, scoreboard=scoreboard,
        upcoming=tuple(upcoming[:UPCOMING_LIMIT]), upcoming_more=max(0, len(upcoming) - UPCOMING_LIMIT),
        upcoming_days=UPCOMING_DAYS, recent=recent_rows(judged, today), actors=summaries,
        actor_chart=charts.actor_bars([_bar(s) for s in summaries[:CHART_ACTORS]], root=""),
        rows=tuple(j.row for j in ordered),
        status_options=tuple(Option(b.status, f"{b.label} ({n})") for b, n in record.counts),
        actor_options=tuple(Option(n, n) for n in sorted({s.name for s in summaries}, key=str.lower)),
        tags=tuple(TagLink(" / ".join(names), path, len(mine)) for path, (names, mine) in tag_groups(judged).items()),
        last_checked=checked_line(last_checked),
    )


def checked_line(last_checked: dt.datetime | None) -> str:
    """"Sources last checked 3 Dec 2026, 04:05 UTC": tells a quiet page from a stale one."""
    if last_checked is None:
        return "The news sources have not been checked yet."
    at = last_checked.astimezone(dt.timezone.utc)
    return f"News sources last checked {on(at).text}, {at:%H:%M} UTC."


def _scoreboard_statuses(counts: Mapping[str, int]) -> list[str]:
    """The five that answer "were promises kept?" always; the rest when they occur."""
    always = {"kept", "kept_late", "broken", "overdue", "pending"}
    return [s for s in STATUS_ORDER if s in always or counts.get(s)] + \
        sorted(s for s in counts if s not in STATUS_ORDER and counts[s])


def _bar(summary: ActorSummary) -> charts.Bar:
    counts = {b.status: n for b, n in summary.record.counts}
    segments = tuple((group, label, sum(counts.get(s, 0) for s in members))
                     for group, label, members in charts.GROUPS)
    return charts.Bar(summary.name, summary.href, tuple(s for s in segments if s[2]))


def upcoming_rows(judged: Iterable[Judged], today: dt.date, days: int = UPCOMING_DAYS) -> list[Row]:
    """Open promises whose last on-time day falls within ``days`` from today, soonest first."""
    horizon = today + dt.timedelta(days=days)
    found = [j for j in judged if j.verdict.status in OPEN_STATUSES and j.commitment.due_latest
             and today <= j.commitment.due_latest <= horizon]
    return [j.row for j in table_order(found)]


def recent_rows(judged: Iterable[Judged], today: dt.date, limit: int = RECENT_LIMIT) -> tuple[Row, ...]:
    """The most recent outcomes (by the date they happened), newest first."""
    done = [j for j in judged if j.verdict.status in RESOLVED_STATUSES and j.verdict.effective_on <= today]
    done.sort(key=lambda j: (j.verdict.effective_on, j.commitment.id), reverse=True)
    return tuple(j.row for j in done[:limit])


# --- status pages (the filter that works without JavaScript) ------------------------


@dataclass(frozen=True)
class StatusPage:
    site: SiteInfo
    root: str
    script: bool
    badge: Badge
    rows: tuple[Row, ...]


def status_groups(judged: Sequence[Judged]) -> dict[str, list[Judged]]:
    """The commitments of each status that occurs, in table order."""
    groups: dict[str, list[Judged]] = {}
    for j in table_order(judged):
        groups.setdefault(j.verdict.status, []).append(j)
    return groups


def status_page(site: SiteInfo, status: str, judged: Sequence[Judged]) -> StatusPage:
    """The page of one status, ``s/<status>.html``, listing ``judged`` (from :func:`status_groups`)."""
    return StatusPage(site, "../", True, badge(status), tuple(j.row for j in judged))


# --- tag pages -------------------------------------------------------------------


@dataclass(frozen=True)
class TagPage:
    site: SiteInfo
    root: str
    script: bool
    name: str
    rows: tuple[Row, ...]


def tag_groups(judged: Sequence[Judged]) -> dict[str, tuple[tuple[str, ...], list[Judged]]]:
    """Tag page path -> (the tags it gathers, their commitments in table order), by path."""
    names: dict[str, set[str]] = {}
    members: dict[str, list[Judged]] = {}
    for j in table_order(judged):
        for path in dict.fromkeys(tag_path(t) for t in j.commitment.tags):
            members.setdefault(path, []).append(j)
        for t in j.commitment.tags:
            names.setdefault(tag_path(t), set()).add(t)
    return {path: (tuple(sorted(names[path])), members[path]) for path in sorted(members)}


def tag_page(site: SiteInfo, names: Sequence[str], judged: Sequence[Judged]) -> TagPage:
    """The page of one tag, ``t/<slug>.html``: every public commitment filed under it."""
    return TagPage(site, "../", True, " / ".join(names), tuple(j.row for j in judged))


# --- actor pages ------------------------------------------------------------------


@dataclass(frozen=True)
class ActorPage:
    site: SiteInfo
    root: str
    script: bool
    name: str
    aliases: tuple[str, ...]
    record: TrackRecord
    bar: Markup
    timeline: Markup
    timeline_note: str
    rows: tuple[Row, ...]


def actor_page(site: SiteInfo, actor: ActorRow, judged: Sequence[Judged], href: str) -> ActorPage:
    """An actor's track record, a timeline of deadlines against delivery, and their promises."""
    record = track_record(judged)
    items = [_timeline_item(j, j.commitment.due_latest) for j in table_order(judged) if j.commitment.due_latest]
    shown = items[-charts.TIMELINE_LIMIT:]
    note = (f"Showing the {len(shown)} latest deadlines of {len(items)}." if len(shown) < len(items) else "")
    summary = ActorSummary(actor.name, href, record)
    return ActorPage(
        site=site, root="../", script=True, name=actor.name,
        aliases=tuple(sorted({a.alias for a in actor.aliases if a.alias != actor.name})),
        record=record, bar=charts.actor_bars([_bar(summary)], root="../", show_labels=False),
        timeline=charts.timeline(shown, dt.date.fromisoformat(site.today.iso), root="../"),
        timeline_note=note, rows=tuple(j.row for j in table_order(judged)),
    )


def _timeline_item(j: Judged, due: dt.date) -> charts.TimelineItem:
    c, v = j.commitment, j.verdict
    done = v.effective_on if v.status in ("kept", "kept_late") and not c.negated else None
    return charts.TimelineItem(c.id, commitment_path(c.id), f"#{c.id} {c.what}", c.stated_on, due,
                               done, v.status, STATUS_LABELS.get(v.status, v.status))


# --- commitment pages ----------------------------------------------------------------


@dataclass(frozen=True)
class SourceView:
    link: Link
    publisher: str
    published: Day | None
    quote: str
    phrase: str


@dataclass(frozen=True)
class DeadlineView:
    phrase: str
    earliest: Day | None
    latest: Day | None
    rule: str
    stated_on: Day
    days: str
    current: Day | None
    slip: str


@dataclass(frozen=True)
class RevisionView:
    revised_on: Day
    old: Day | None
    new: Day | None
    shift: str
    old_phrase: str
    new_phrase: str
    note: str
    source: Link | None


@dataclass(frozen=True)
class HistoryView:
    on: Day
    recorded: Day
    old: Badge | None
    new: Badge
    reason: str
    by: str
    kind: str
    evidence: Link | None
    note: str


@dataclass(frozen=True)
class EvidenceView:
    id: int
    anchor: str
    on: Day
    kind: str
    kind_meaning: str
    score: str
    state: str
    state_label: str
    decided: str
    link: Link
    feed: str
    new_due: Day | None
    explanation: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Resolution:
    badge: Badge
    on: Day
    by: str
    note: str
    evidence: Link | None


@dataclass(frozen=True)
class CommitmentPage:
    site: SiteInfo
    root: str
    script: bool
    id: int
    what: str
    actor: Link
    quote: str
    badge: Badge
    reason: str
    effective_on: Day
    decided_by: str
    live_note: str
    flags: tuple[str, ...]
    tags: tuple[TagLink, ...]
    deadline: DeadlineView
    revisions: tuple[RevisionView, ...]
    sources: tuple[SourceView, ...]
    history: tuple[HistoryView, ...]
    evidence: tuple[EvidenceView, ...]
    resolution: Resolution | None
    chart: Markup


def commitment_page(site: SiteInfo, j: Judged, actor_href: str, today: dt.date) -> CommitmentPage:
    """Everything needed to check one verdict down to its sources."""
    c, v = j.commitment, j.verdict
    facts = facts_for(c)  # type: ignore[arg-type]
    evidence = tuple(_evidence_view(e, site) for e in sorted(c.evidence, key=lambda e: (evidence_day(e), e.id)))
    return CommitmentPage(
        site=site, root="../", script=False, id=c.id, what=c.what,
        actor=Link(c.actor.name, "../" + actor_href, external=False), quote=c.quote or "",
        badge=badge(v.status), reason=_public_reason(v, facts.manual, site), effective_on=on(_since(c, v)),
        decided_by=(site.editor(facts.manual.by) if facts.manual else "the tracker's rules"),
        live_note=_live_note(c, v), flags=_flags(c),
        tags=tuple(TagLink(t, "../" + tag_path(t), 0) for t in c.tags),
        deadline=_deadline(c, j.row.days), revisions=tuple(_revision(r) for r in c.revisions),
        sources=tuple(_source(s.announcement, s.quote, s.deadline_phrase) for s in c.sources),
        history=tuple(_history(step.change._replace(from_status=step.from_status), site)
                      for step in replay_in_order(c.changes)),
        evidence=tuple(e for e in evidence if e.state in SHOWN_EVIDENCE_STATES),
        resolution=_resolution(c, v, facts.manual is not None, site),
        chart=charts.commitment_timeline(_chart_marks(c, v), today),
    )


def _since(c: CommitmentRow, v: Verdict) -> dt.date:
    """When the current status began: the verdict's date for outcomes, else when the log first recorded it."""
    if v.status in RESOLVED_STATUSES or not c.changes or c.changes[-1].to_status != v.status:
        return v.effective_on
    since = c.changes[-1].effective_on
    for change in reversed(c.changes):
        if change.to_status != v.status:
            break
        since = change.effective_on
    return since


def _live_note(c: CommitmentRow, v: Verdict) -> str:
    recorded = c.changes[-1].to_status if c.changes else None
    if recorded is None or recorded == v.status:
        return ""
    return (f"The status log below ends at “{badge(recorded).label}”; by the rules, as of today the status is "
            f"“{badge(v.status).label}”. The log records it at the next sweep.")


def _flags(c: CommitmentRow) -> tuple[str, ...]:
    flags = []
    if c.negated:
        flags.append("A promise not to do something: it is broken if the actor does it before the deadline.")
    if c.conditional:
        flags.append("A conditional promise: it depends on something outside the actor’s control.")
    if c.confidence < 1:
        flags.append("Found automatically in the announcement quoted above.")
    return tuple(flags)


def _deadline(c: CommitmentRow, days: str) -> DeadlineView:
    current = c.revisions[-1].new_due_latest if c.revisions else None
    slip = ""
    if current and c.due_latest:
        shift = (current - c.due_latest).days
        slip = f"{'+' if shift >= 0 else '−'}{plural(abs(shift), 'day')} since first promised"
    return DeadlineView(c.deadline_phrase or "", day(c.due_earliest), day(c.due_latest), c.deadline_rule or "",
                        on(c.stated_on), days, day(current), slip)


def _revision(r: Any) -> RevisionView:
    shift = ""
    if r.old_due_latest and r.new_due_latest:
        days = (r.new_due_latest - r.old_due_latest).days
        shift = f"{'+' if days >= 0 else '−'}{plural(abs(days), 'day')}"
    source = None
    if r.announcement is not None:
        source = _source(r.announcement, None, None).link
    elif r.evidence_id:
        source = Link(f"evidence #{r.evidence_id}", f"#e{r.evidence_id}", external=False)
    return RevisionView(on(r.revised_on), day(r.old_due_latest), day(r.new_due_latest), shift,
                        r.old_phrase or "", r.new_phrase or "", r.note or "", source)


def _source(a: AnnouncementRow, quote: str | None, phrase: str | None) -> SourceView:
    title = a.title or a.url or a.publisher or f"announcement #{a.id}"
    return SourceView(external(title, a.url), a.publisher or "", day(a.published), quote or "", phrase or "")


def _history(h: Any, site: SiteInfo) -> HistoryView:
    kind = {"auto": "automatic", "manual": "editor", "undo": "undo"}.get(h.source, h.source)
    by = "the tracker" if h.source == "auto" else site.editor(h.by)
    note = h.note or ""
    if note and h.reason.endswith(note):
        note = ""  # the reason already ends with the editor's note: say it once
    evidence = None
    if h.evidence_id:
        evidence = Link(f"evidence #{h.evidence_id}", f"#e{h.evidence_id}", external=False)
    elif h.evidence_url:
        evidence = external("evidence", h.evidence_url)
    return HistoryView(on(h.effective_on), on(h.recorded_at), badge(h.from_status) if h.from_status else None,
                       badge(h.to_status), _worded(h.reason), by, kind, evidence, note)


def _public_reason(v: Verdict, manual: Any, site: SiteInfo) -> str:
    """The verdict's reason in words, naming an editor as readers know them (never a login)."""
    if manual is None:
        return _worded(v.reason)
    note = f": {manual.note}" if manual.note else ""
    return f"decided by {site.editor(manual.by)} on {on(manual.on).text}{note}"


def _worded(reason: str) -> str:
    """A stored reason with status names in words ("marked kept_late" -> "marked kept late")."""
    return _STATUS_NAME.sub(lambda m: badge(m.group(0)).label.lower(), reason)


def _evidence_view(e: EvidenceRow, site: SiteInfo) -> EvidenceView:
    item = e.item
    url = e.url or (item.link if item else None)
    title = (item.title if item and item.title else None) or url or f"evidence #{e.id}"
    return EvidenceView(
        id=e.id, anchor=f"e{e.id}", on=on(evidence_day(e)), kind=e.kind,
        kind_meaning=EVIDENCE_MEANINGS.get(e.kind, ""), score=f"{e.score:.2f}", state=e.state,
        state_label=STATE_LABELS.get(e.state, e.state), decided=_decided(e, site), link=external(title, url),
        feed=item.feed_name if item else "", new_due=day(e.new_due_latest),
        explanation=explanation_items(_parse(e.explanation)),
    )


def _decided(e: EvidenceRow, site: SiteInfo) -> str:
    label = STATE_LABELS.get(e.state, e.state)
    if e.state == "proposed":
        return "awaiting review by an editor"
    if e.decided_by:
        when = f" on {on(e.decided_at).text}" if e.decided_at else ""
        return f"{label} by {site.editor(e.decided_by)}{when}"
    if e.state == "accepted":
        return "accepted automatically (score at or above the auto-accept threshold)"
    if e.state == "discarded":
        return "discarded automatically (score below the review threshold)"
    return label


def _parse(explanation: Any) -> Any:
    """JSON text from the loader (some drivers hand back the object already)."""
    if not isinstance(explanation, str):
        return explanation
    try:
        return json.loads(explanation)
    except ValueError:
        return explanation


def explanation_items(explanation: Any) -> tuple[tuple[str, str], ...]:
    """The matcher's explanation as (key, text) pairs, whatever JSON shape it has."""
    if explanation in (None, "", {}, []):
        return ()
    if not isinstance(explanation, dict):
        return (("note", _text(explanation)),)
    return tuple((str(k).replace("_", " "), _text(v)) for k, v in explanation.items())


def _text(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return str(value)


def _resolution(c: CommitmentRow, v: Verdict, manual: bool, site: SiteInfo) -> Resolution | None:
    if v.status not in RESOLVED_STATUSES:
        return None
    if manual:
        last = next((h for h in reversed(c.changes) if h.source in ("manual", "undo")), None)
        link = external("evidence given by the editor", last.evidence_url) if last and last.evidence_url else None
        return Resolution(badge(v.status), on(v.effective_on), site.editor(last.by if last else None),
                          (last.note or "") if last else "", link)
    link = Link(f"evidence #{v.evidence_id}", f"#e{v.evidence_id}", external=False) if v.evidence_id else None
    return Resolution(badge(v.status), on(v.effective_on), "the tracker's rules", "", link)


def _chart_marks(c: CommitmentRow, v: Verdict) -> charts.Marks:
    accepted = [e for e in c.evidence if e.state == "accepted"]
    done = v.effective_on if v.status in ("kept", "kept_late") and not c.negated else None
    return charts.Marks(
        stated=c.stated_on, due=c.due_latest,
        revised=tuple(r.new_due_latest for r in c.revisions if r.new_due_latest),
        evidence=tuple(sorted({d for d in map(evidence_day, accepted) if d >= EARLIEST_PLAUSIBLE})),
        done=done, status=v.status)


# --- methodology ------------------------------------------------------------------


@dataclass(frozen=True)
class MethodologyPage:
    site: SiteInfo
    root: str
    script: bool
    statuses: tuple[Badge, ...]
    evidence_kinds: tuple[tuple[str, str], ...]
    conventions: tuple[tuple[str, str], ...]
    conventions_note: str
    auto_accept: str
    review_threshold: str
    due_soon_days: int
    grace_days: int
    upcoming_days: int
    progress_labels: tuple[tuple[str, str], ...] = tuple(PROGRESS_LABELS.items())


def methodology_page(site: SiteInfo, rules: StatusRules, auto_accept: float, review_threshold: float,
                     conventions: Sequence[tuple[str, str]] | None) -> MethodologyPage:
    """What each status means, how deadlines are read, how evidence is scored, when a person decides."""
    note = "" if conventions else "The deadline conventions table is not available in this version of the tracker."
    return MethodologyPage(
        site=site, root="", script=False, statuses=tuple(badge(s) for s in STATUS_ORDER),
        evidence_kinds=tuple(EVIDENCE_MEANINGS.items()),
        conventions=tuple((str(a), str(b)) for a, b in (conventions or ())), conventions_note=note,
        auto_accept=f"{auto_accept:.2f}", review_threshold=f"{review_threshold:.2f}",
        due_soon_days=rules.due_soon_days, grace_days=rules.grace_days, upcoming_days=UPCOMING_DAYS,
    )
