"""The static status site: contexts (pure), generated HTML, exports, determinism, incremental builds.

Contexts are tested directly; pages are parsed with BeautifulSoup and checked
with CSS selectors. The seeded database (:func:`seed`) holds one commitment of
every kind of outcome plus a hostile actor whose announcement, feed item and
evidence carry ``<script>``, ``onerror=`` and ``javascript:`` payloads.

Golden site: ``tests/golden/report/`` is the site built from :func:`seed` as of
2026-11-29. After an intended change to templates or contexts, regenerate it and
review the diff:

    TRACKER_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_report.py -k golden
"""

from __future__ import annotations

import dataclasses

import base64
import csv
import datetime as dt
import filecmp
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import types
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import jsonschema
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select, update

from tracker import serialize, store
from tracker.config import Config, ReportConfig
from tracker.db import make_engine, read_session, upgrade, write_session
from tracker.errors import ConfigError, InvalidValue, TrackerError
from tracker.models import Commitment, Evidence, Feed, FeedItem, StatusChange
from tracker.queries import list_commitments
from tracker.report import build_site
from tracker.report import build as build_module
from tracker.report import charts, exports
from tracker.report import context as ctx
from tracker.report.load import load_site_data
from tracker.serialize import commitment_summary
from tracker.status import StatusRules, Verdict
from tracker.store import NewCommitment

D = dt.date
TODAY = D(2026, 11, 29)
RULES = StatusRules()
GOLDEN = Path(__file__).parent / "golden" / "report"
XSS_TITLE = '<script>alert("title")</script><img src=x onerror=alert(1)>'
XSS_LINK = "javascript:alert(document.domain)"
EXPECTED = {  # commitment id -> live status as of TODAY
    1: "kept_late", 2: "pending", 3: "broken", 4: "kept", 5: "no_deadline", 6: "due_soon", 7: "pending",
    8: "partially_kept", 9: "withdrawn", 10: "overdue", 11: "pending",
}


# --- the seeded database -----------------------------------------------------------------


def _at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.timezone.utc)


def _feed(session, name: str, url: str) -> Feed:
    feed = Feed(url=url, name=name)
    session.add(feed)
    session.flush()
    return feed


def _item(session, feed: Feed, title: str, link: str, on: dt.date) -> FeedItem:
    digest = hashlib.sha256(f"{title}|{link}".encode()).hexdigest()
    item = FeedItem(feed_id=feed.id, key=digest[:32], guid=link, link=link, title=title, published_at=_at(on, 9),
                    content_hash=digest, fetched_at=_at(on, 10))
    session.add(item)
    session.flush()
    return item


def _evidence(session, c, item: FeedItem | None, kind: str, score: float, state: str, on: dt.date,
              **kw) -> Evidence:
    ev = Evidence(commitment_id=c.id, item_id=item.id if item else None, kind=kind, score=score, state=state,
                  event_date=on, created_at=_at(on, 10), **kw)
    session.add(ev)
    session.flush()
    if ev not in c.evidence:
        c.evidence.append(ev)
    return ev


def _add(session, actor: str, what: str, stated: dt.date, due: dt.date | None = None, phrase: str | None = None,
         quote: str | None = None, source=None, **kw):
    new = NewCommitment(actor=actor, what=what, stated_on=stated, due_latest=due, deadline_phrase=phrase,
                        quote=quote, **kw)
    return store.add_commitment(session, new, by="seed", today=stated, rules=RULES, source=source)


def seed(engine, today: dt.date = TODAY):
    """Eleven commitments by four actors, one per kind of outcome, and a hostile one (#11)."""
    upgrade(engine)
    with write_session(engine) as s:
        courier = _feed(s, "Riverbend Courier", "https://courier.example.org/feed.xml")
        tech = _feed(s, "Tech Wire", "https://techwire.example.com/rss")
        hostile = _feed(s, "Hostile <b>Feed</b>", "https://evil.example.net/feed.xml")
        ann, _ = store.announcement_for(
            s, text="Glasswing Transit will launch a night bus network...",
            url="https://courier.example.org/2025/03/04/glasswing-promises",
            title="Glasswing promises night buses and a fare freeze", publisher="Riverbend Courier",
            published=D(2025, 3, 4))
        c1 = _add(s, "Glasswing Transit", "launch a night bus network across Riverbend", D(2025, 3, 4),
                  D(2025, 9, 30), "by the end of September 2025",
                  "Glasswing Transit will launch a night bus network across Riverbend by the end of September 2025.",
                  ann, due_earliest=D(2025, 9, 1), deadline_rule="end of a month: its last day")
        ann2, _ = store.announcement_for(s, text="Our night network", url="https://glasswing.example.com/news/night",
                                         title="Night network: our plan", publisher="Glasswing Transit",
                                         published=D(2025, 4, 2))
        store.link_source(s, c1, ann2, "Our night network will run by the end of September.",
                          "by the end of September", D(2025, 4, 2))
        it = _item(s, courier, "Night buses delayed to October",
                   "https://courier.example.org/2025/08/15/night-bus-delay", D(2025, 8, 15))
        delay = _evidence(s, c1, it, "delay", 0.81, "accepted", D(2025, 8, 15), new_due_latest=D(2025, 10, 31),
                          explanation={"terms": ["night bus", "delayed"], "score": 0.81})
        store.add_revision(s, c1, new_phrase="by the end of October", new_due_latest=D(2025, 10, 31),
                           revised_on=D(2025, 8, 15), evidence_id=delay.id, note="drivers still in training")
        store.refresh(s, c1, D(2025, 8, 20), RULES)  # the sweep that day saw the delay
        it = _item(s, courier, "Night buses finally roll in Riverbend",
                   "https://courier.example.org/2025/10/20/night-buses-launch", D(2025, 10, 20))
        _evidence(s, c1, it, "fulfilment", 0.92, "accepted", D(2025, 10, 19),
                  explanation={"terms": ["night bus", "launched"], "date from": "text: 'started on 19 October'"})
        it = _item(s, courier, "Glasswing board meets", "https://courier.example.org/2025/06/01/board", D(2025, 6, 1))
        _evidence(s, c1, it, "mention", 0.31, "discarded", D(2025, 6, 1))
        _add(s, "Glasswing Transit", "not raise single fares before 2027", D(2025, 3, 4), D(2026, 12, 31),
                  "before 2027", "Fares will not go up before 2027.", ann, negated=True)
        c3 = _add(s, "Glasswing Transit", "add 40 electric buses to the fleet", D(2025, 3, 4), D(2026, 6, 30),
                  "by mid-2026", None, ann)
        it = _item(s, courier, "First electric buses arrive", "https://courier.example.org/2026/02/02/ebuses",
                   D(2026, 2, 2))
        _evidence(s, c3, it, "progress", 0.66, "accepted", D(2026, 2, 2), decided_by="ana",
                  decided_at=_at(D(2026, 2, 3)))
        c4 = _add(s, "Pellucid Software", "release Lantern 4", D(2025, 9, 30), D(2026, 6, 30),
                  "in the first half of 2026")
        it = _item(s, tech, "Lantern 4 is out", "https://techwire.example.com/2026/04/14/lantern-4", D(2026, 4, 14))
        _evidence(s, c4, it, "fulfilment", 0.88, "accepted", D(2026, 4, 14))
        _add(s, "Pellucid Software", "open-source the sync engine", D(2025, 9, 30))
        c6 = _add(s, "Pellucid Software", "ship an offline mode for Lantern", D(2025, 9, 30), D(2026, 12, 15),
                  "before the holidays")
        it = _item(s, tech, "Lantern offline mode in beta", "https://techwire.example.com/2026/11/02/offline",
                   D(2026, 11, 2))
        _evidence(s, c6, it, "progress", 0.55, "proposed", D(2026, 11, 2))
        _add(s, "Pellucid Software", '=HYPERLINK("http://evil.example.net","update") spreadsheets', D(2025, 9, 30),
             D(2027, 6, 30), "by mid-2027")
        c8 = _add(s, "Norhaven Ministry of Health", "open three walk-in clinics in the eastern districts",
                  D(2025, 6, 12), D(2026, 6, 12), "within 12 months")
        store.resolve(s, c8.id, "partially_kept", on=D(2026, 7, 1), by="demo-editor",
                      note="two of the three clinics opened; the third is still being built",
                      evidence_url="https://norhaven.example.gov/news/clinics")
        c9 = _add(s, "Norhaven Ministry of Health", "cut hospital waiting lists by half", D(2025, 6, 12),
                  D(2026, 3, 31), "by March 2026")
        it = _item(s, courier, "Ministry drops waiting-list target",
                   "https://courier.example.org/2026/02/01/waiting-lists", D(2026, 2, 1))
        _evidence(s, c9, it, "cancellation", 0.79, "accepted", D(2026, 2, 1))
        _add(s, "Norhaven Ministry of Health", "publish hospital performance data", D(2025, 6, 12),
             D(2026, 11, 15), "by mid-November 2026")
        bad_ann, _ = store.announcement_for(s, text="hostile", url=XSS_LINK, title=XSS_TITLE,
                                            publisher='<img src=x onerror=alert("pub")>', published=D(2026, 1, 5))
        c11 = _add(s, '<script>alert("actor")</script> Holdings', '<img src=x onerror=alert("what")> build a bridge',
                   D(2026, 1, 5), D(2027, 3, 1), '"><script>alert(1)</script>',
                   "We promise </script><script>alert('quote')</script> a bridge.", bad_ann)
        it = _item(s, hostile, '"><svg onload=alert(1)> <script>alert("item")</script>', "javascript:alert('item')",
                   D(2026, 2, 1))
        _evidence(s, c11, it, "progress", 0.77, "accepted", D(2026, 2, 1),
                  explanation={"why": "<script>alert('explain')</script>", "link": "javascript:alert(1)"})
        it = _item(s, hostile, "Data URL item", "data:text/html,<script>alert(1)</script>", D(2026, 2, 2))
        _evidence(s, c11, it, "mention", 0.5, "proposed", D(2026, 2, 2))
        it = _item(s, hostile, "Quote in URL", 'https://evil.example.net/a?b="onmouseover=alert(1)', D(2026, 2, 3))
        _evidence(s, c11, it, "mention", 0.46, "proposed", D(2026, 2, 3), url=" JaVaScRiPt:alert(2)")
        for c in list_commitments(s):
            store.refresh(s, c, today, RULES)
        _pin_record_times(s)
    return engine


def _pin_record_times(session) -> None:
    """Record times are wall-clock in real use; pin them so every seeding gives the same site."""
    table = StatusChange.__table__
    for change_id, on in session.execute(select(table.c.id, table.c.effective_on)).all():
        session.execute(update(table).where(table.c.id == change_id).values(recorded_at=_at(on)))


@pytest.fixture
def engine(sqlite_url):
    return seed(make_engine(sqlite_url))


@pytest.fixture
def site(engine, tmp_path) -> Path:
    build_site(engine, Config(), tmp_path / "site", TODAY)
    return tmp_path / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# --- contexts (pure) ------------------------------------------------------------------------


@pytest.mark.parametrize("url,expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("  https://example.org/x  ", "https://example.org/x"),
    ("javascript:alert(1)", None),
    (" JaVaScRiPt:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox(1)", None),
    ("//evil.example.net/x", None),
    ("/relative/path", None),
    ("https:///no-host", None),
    ("https://exa mple.org", None),
    ("https://example.org/\x00", None),
    ("ftp://example.org/file", None),
    ("", None),
    (None, None),
])
def test_safe_href_allows_only_absolute_http_urls(url, expected):
    assert ctx.safe_href(url) == expected


def test_an_unsafe_address_stays_visible_as_text():
    link = ctx.external("Report", "javascript:alert(1)")
    assert (link.href, link.text, link.unlinked) == (None, "Report", "javascript:alert(1)")
    assert ctx.external(None, "https://example.org").text == "https://example.org"


@pytest.mark.parametrize("value,iso,text", [
    (D(2026, 6, 30), "2026-06-30", "30 Jun 2026"),
    (dt.datetime(2025, 1, 2, 23, 0, tzinfo=dt.timezone.utc), "2025-01-02", "2 Jan 2025"),
])
def test_day_is_locale_independent(value, iso, text):
    assert ctx.day(value) == ctx.Day(iso, text)


def test_actor_paths_are_stable_and_unique():
    actors = [ctx.ActorRow(3, "Norhaven Ministry"), ctx.ActorRow(1, "Ölwerk AG"), ctx.ActorRow(2, "ÖLWERK ag"),
              ctx.ActorRow(4, "<script>")]
    assert ctx.actor_paths(actors) == {1: "a/1-olwerk-ag.html", 2: "a/2-olwerk-ag.html",
                                       3: "a/3-norhaven-ministry.html", 4: "a/4-script.html"}
    assert ctx.slugify("!!!") == "actor"


def test_actor_paths_never_collide_when_a_suffix_looks_like_another_actor():
    """Issue 14, item 1: "Foo", "Foo 3" and "Foo!" all wanted a/foo-3.html under the old suffix rule."""
    actors = [ctx.ActorRow(1, "Quill"), ctx.ActorRow(2, "Quill 3"), ctx.ActorRow(3, "Quill!")]
    paths = ctx.actor_paths(actors)
    assert len(set(paths.values())) == 3
    for actor in actors:  # a page name depends on its own actor only: others coming or going never move it
        assert ctx.actor_paths([actor]) == {actor.id: paths[actor.id]}


def test_actors_whose_names_slugify_alike_build_again_and_again(sqlite_url, tmp_path):
    engine = make_engine(sqlite_url)
    upgrade(engine)
    with write_session(engine) as s:
        for name in ("Quill", "Quill 3", "Quill!"):
            _add(s, name, "open a depot", D(2026, 1, 5), due=D(2026, 12, 31))
    out = tmp_path / "site"
    for day in (TODAY, TODAY + dt.timedelta(days=1)):  # a second build replaces the first
        build_site(engine, Config(), out, day)
    pages = sorted(p.name for p in (out / "a").iterdir())
    assert pages == ["1-quill.html", "2-quill-3.html", "3-quill.html"]
    titles = [BeautifulSoup((out / "a" / p).read_text(encoding="utf-8"), "html.parser").h1.get_text(strip=True)
              for p in pages]
    assert titles == ["Quill", "Quill 3", "Quill!"]


def _row(cid: int, due: dt.date | None, negated: bool = False, **kw) -> ctx.CommitmentRow:
    fields = dict(id=cid, actor=ctx.ActorRow(1, "Actor"), what=f"promise {cid}", quote=None, deadline_phrase=None,
                  due_earliest=None, due_latest=due, deadline_rule=None, stated_on=D(2025, 1, 1), status="pending",
                  status_reason="", status_source="auto", confidence=1.0, conditional=False, negated=negated,
                  tags=(), search_query=None)
    fields.update(kw)
    return ctx.CommitmentRow(**fields)


DUE = D(2026, 6, 30)


@pytest.mark.parametrize("status,effective,negated,today,text,sort", [
    ("pending", TODAY, False, D(2026, 6, 1), "29 days left", "29"),
    ("due_soon", TODAY, False, D(2026, 6, 29), "1 day left", "1"),
    ("due_soon", TODAY, False, DUE, "due today", "0"),
    ("overdue", TODAY, False, D(2026, 7, 10), "10 days late", "-10"),
    ("kept", D(2026, 5, 1), False, TODAY, "on time", "0"),
    ("kept_late", D(2026, 7, 20), False, TODAY, "20 days late", "-20"),
    ("withdrawn", D(2026, 2, 1), False, TODAY, "—", ""),
    ("broken", D(2026, 3, 1), True, TODAY, "—", ""),
])
def test_days_left_or_late(status, effective, negated, today, text, sort):
    verdict = Verdict(status, "", effective)
    assert ctx.days_left(_row(1, DUE, negated), verdict, today) == (text, sort)
    assert ctx.days_left(_row(1, None), Verdict("no_deadline", "", today), today) == ("no deadline", "")


def _ev(kind: str, state: str = "accepted") -> ctx.EvidenceRow:
    return ctx.EvidenceRow(1, kind, 0.9, state, D(2025, 6, 1), None, None, None, None, None, None)


@pytest.mark.parametrize("status,evidence,today,label", [
    ("pending", (_ev("progress"),), D(2025, 3, 1), "in the works"),
    ("overdue", (_ev("progress"),), D(2026, 7, 2), "in the works"),
    ("pending", (_ev("progress", "proposed"),), D(2025, 3, 1), ""),  # unreviewed evidence counts for nothing
    ("pending", (), D(2025, 9, 30), ""),  # before half of the window (1 Jan 2025 to 30 Jun 2026)
    ("pending", (), D(2025, 10, 1), "stalled"),
    ("due_soon", (_ev("progress", "rejected"),), D(2026, 6, 10), "stalled"),
    ("pending", (_ev("mention"),), D(2026, 1, 1), ""),  # some accepted evidence: not stalled
    ("kept", (), D(2026, 7, 1), ""),  # labels are for open promises only
])
def test_in_the_works_and_stalled_labels(status, evidence, today, label):
    verdict = Verdict(status, "", today)
    assert ctx.progress_label(_row(1, DUE, evidence=evidence), verdict, today) == label
    assert ctx.progress_label(_row(1, None), Verdict("no_deadline", "", today), today) == ""


def test_lists_show_the_revised_target_beside_the_original_deadline(site):
    row = soup(site / "index.html").select_one("table#commitments a[href='c/1.html']").find_parent("tr")
    deadline = row.select_one("td[data-label=Deadline]")
    assert deadline.time["datetime"] == "2025-09-30"
    assert deadline.select_one(".revised").get_text(" ", strip=True) == "now expected by 31 Oct 2025"


def _judged(status: str, due: dt.date | None, effective: dt.date, cid: int = 1) -> ctx.Judged:
    c = _row(cid, due)
    verdict = Verdict(status, f"reason {cid}", effective)
    return ctx.Judged(c, verdict, ctx._row(c, verdict, TODAY, "a/actor.html"))


def test_track_record_counts_on_time_rate_and_median_delay():
    judged = [
        _judged("kept", DUE, D(2026, 6, 1), 1),
        _judged("kept_late", DUE, D(2026, 7, 10), 2),   # 10 days late
        _judged("kept_late", DUE, D(2026, 8, 29), 3),   # 60 days late
        _judged("broken", DUE, D(2026, 8, 1), 4),
        _judged("withdrawn", DUE, D(2026, 1, 1), 5),
        _judged("overdue", D(2026, 11, 1), TODAY, 6),
        _judged("pending", D(2027, 1, 1), TODAY, 7),
    ]
    record = ctx.track_record(judged)
    assert (record.total, record.kept, record.kept_late, record.broken, record.withdrawn) == (7, 1, 2, 1, 1)
    assert (record.open, record.overdue, record.judged) == (2, 1, 4)
    assert record.on_time == "25%" and record.on_time_basis == "1 of 4 promises with an outcome"
    assert record.median_slip == "10 days" and record.slip_basis == "over 3 delivered promises"
    assert [(b.status, n) for b, n in record.counts] == [
        ("kept", 1), ("kept_late", 2), ("broken", 1), ("withdrawn", 1), ("overdue", 1), ("pending", 1)]


def test_track_record_without_outcomes():
    record = ctx.track_record([_judged("pending", D(2027, 1, 1), TODAY)])
    assert (record.on_time, record.median_slip, record.on_time_sort) == ("—", "—", "")


def test_upcoming_and_recent_lists():
    judged = [
        _judged("due_soon", TODAY + dt.timedelta(days=30), TODAY, 1),
        _judged("due_soon", TODAY + dt.timedelta(days=3), TODAY, 2),
        _judged("pending", TODAY + dt.timedelta(days=31), TODAY, 3),
        _judged("kept", TODAY + dt.timedelta(days=5), TODAY - dt.timedelta(days=2), 4),  # done: not upcoming
        _judged("broken", D(2026, 1, 1), D(2026, 2, 1), 5),
        _judged("kept_late", D(2026, 1, 1), D(2026, 3, 1), 6),
    ]
    assert [r.id for r in ctx.upcoming_rows(judged, TODAY)] == [2, 1]
    assert [r.id for r in ctx.recent_rows(judged, TODAY)] == [4, 6, 5]


def test_explanation_items_accept_any_json_shape():
    assert ctx.explanation_items({"terms": ["a", "b"], "score_parts": {"x": 0.5}, "ok": True}) == (
        ("terms", "a, b"), ("score parts", "x: 0.5"), ("ok", "True"))
    assert ctx.explanation_items("matched by hand") == (("note", "matched by hand"),)
    assert ctx.explanation_items(None) == () and ctx.explanation_items({}) == ()


@pytest.mark.parametrize("stated,due,evidence", [
    (D(1, 1, 1), D(1, 1, 5), D(1, 1, 1)),
    (D(2025, 1, 1), D(9999, 12, 31), D(9999, 12, 31)),
    (D(1, 1, 1), D(9999, 12, 31), D(2026, 3, 1)),
])
def test_the_site_builds_with_any_stored_date(engine, tmp_path, stated, due, evidence):
    """Issue 14, item 2: rows stored before dates were checked (year 1, year 9999) must never break a build."""
    with write_session(engine) as s:
        s.execute(update(Commitment).where(Commitment.id == 2).values(stated_on=stated, due_latest=due))
        c = next(c for c in list_commitments(s) if c.id == 2)
        _evidence(s, c, None, "fulfilment", 0.9, "accepted", evidence)
    build_site(engine, Config(), tmp_path / "site", TODAY)
    page = soup(tmp_path / "site" / "c" / "2.html")
    assert page.select("svg.life") and page.select_one("h1")
    assert soup(tmp_path / "site" / "a" / "2-pellucid-software.html").select("svg.timeline")
    assert "fulfilled on 0001" not in page.get_text(), "a year-1 date decides no verdict"


def test_charts_escape_labels_and_use_classes_not_styles():
    bar = charts.Bar('<script>x</script> & Co', "a/x.html", (("kept", "Kept on time", 2), ("broken", "Broken", 1)))
    svg = str(charts.actor_bars([bar]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "style=" not in svg and 'class="g-kept"' in svg and "66.7" in svg
    item = charts.TimelineItem(1, "c/1.html", "#1 <b>", D(2025, 1, 1), D(2025, 6, 1), D(2025, 7, 1), "kept_late",
                               "Kept late")
    line = str(charts.timeline([item], TODAY))
    assert "<b>" not in line and 'class="slip"' in line and "<title>" in line
    assert charts.actor_bars([]) == "" and charts.timeline([], TODAY) == ""


def test_contexts_from_the_seeded_database(engine):
    data = load_site_data(engine)
    hrefs = ctx.actor_paths(data.actors)
    judged = ctx.judge_all(data, TODAY, RULES, hrefs)
    assert {j.commitment.id: j.verdict.status for j in judged} == EXPECTED
    site = ctx.SiteInfo("T", "", ctx.day(TODAY), "0")
    index = ctx.index_page(site, judged, data.actors, hrefs, TODAY)
    assert index.record.total == 11 and len(index.rows) == 11
    assert {s.badge.status: s.count for s in index.scoreboard if s.count} == {
        "kept": 1, "kept_late": 1, "partially_kept": 1, "broken": 1, "withdrawn": 1, "overdue": 1, "due_soon": 1,
        "pending": 3, "no_deadline": 1}
    assert [r.id for r in index.upcoming] == [6]
    assert [r.id for r in index.recent] == [3, 8, 4, 9, 1]
    page = ctx.commitment_page(site, next(j for j in judged if j.commitment.id == 1), hrefs[1], TODAY)
    assert [s.link.href for s in page.sources] == ["https://courier.example.org/2025/03/04/glasswing-promises",
                                                   "https://glasswing.example.com/news/night"]
    assert [(r.old.iso, r.new.iso, r.shift) for r in page.revisions] == [("2025-09-30", "2025-10-31", "+31 days")]
    assert [(e.kind, e.state) for e in page.evidence] == [("delay", "accepted"), ("fulfilment", "accepted")]
    assert not hasattr(page, "other_evidence")  # discarded, rejected and unreviewed items stay off the page
    assert [(h.old.status if h.old else None, h.new.status) for h in page.history] == [
        (None, "pending"), ("pending", "delayed"), ("delayed", "kept_late")]
    assert page.resolution is not None and page.resolution.evidence.href == f"#e{page.evidence[1].id}"
    manual = ctx.commitment_page(site, next(j for j in judged if j.commitment.id == 8), hrefs[1], TODAY)
    assert manual.decided_by == "an editor"  # no login names on the public page
    assert manual.resolution.note.startswith("two of the three") and manual.resolution.by == "an editor"
    named = dataclasses.replace(site, editors=(("demo-editor", "Robin Vale, data desk"),))
    manual = ctx.commitment_page(named, next(j for j in judged if j.commitment.id == 8), hrefs[1], TODAY)
    assert manual.decided_by == "Robin Vale, data desk" and manual.resolution.by == "Robin Vale, data desk"
    assert {h.by for h in manual.history} == {"the tracker", "Robin Vale, data desk"}


def test_statuses_match_tracker_list(engine):
    """The site shows the verdict `tracker list` computes, and its JSON is `list --format json` plus extras."""
    data = load_site_data(engine)
    hrefs = ctx.actor_paths(data.actors)
    judged = {j.commitment.id: j for j in ctx.judge_all(data, TODAY, RULES, hrefs)}
    site = ctx.SiteInfo("T", "", ctx.day(TODAY), "0")
    with read_session(engine) as session:
        for c in list_commitments(session):
            expected = commitment_summary(c, TODAY, RULES)
            record = exports.export_record(judged[c.id], TODAY, RULES, site)
            assert {k: record[k] for k in expected} == expected


def test_tags_load_on_either_database(db_url):
    engine = seed(make_engine(db_url))
    with write_session(engine) as s:
        s.execute(update(Commitment).where(Commitment.id == 2).values(tags=["fares", "transport"]))
    rows = {c.id: c for c in load_site_data(engine).commitments}
    assert rows[2].tags == ("fares", "transport") and rows[3].tags == ()
    with read_session(engine) as session:
        expected = commitment_summary(next(c for c in list_commitments(session) if c.id == 2), TODAY, RULES)
    assert commitment_summary(rows[2], TODAY, RULES) == expected


# --- the generated site -----------------------------------------------------------------------


def test_index_counts_agree_with_the_database(site, engine):
    page = soup(site / "index.html")
    with read_session(engine) as session:
        statuses = [commitment_summary(c, TODAY, RULES)["status"] for c in list_commitments(session)]
    rows = page.select("table#commitments tbody tr")
    assert len(rows) == len(statuses) == 11
    assert sorted(r["data-status"] for r in rows) == sorted(statuses)
    scores = {li["class"][1][2:]: int(li.select_one(".count").text) for li in page.select(".scoreboard li")}
    for status in set(statuses):
        assert scores[status] == statuses.count(status)
    assert scores["kept"] == 1 and scores["broken"] == 1
    lede = page.select_one(".lede").get_text(" ", strip=True)
    assert lede.startswith("11 promises tracked. Of the 4 with an outcome, 1 kept on time")
    upcoming = page.select("#upcoming ~ .table-wrap td a:not(.actor)")
    assert [a.text for a in upcoming] == ["ship an offline mode for Lantern"]
    for status in set(statuses):
        status_page = soup(site / "s" / f"{status}.html")
        assert len(status_page.select("table#commitments tbody tr")) == statuses.count(status)


def test_commitment_page_shows_everything_needed_to_check_the_verdict(site):
    page = soup(site / "c" / "1.html")
    assert page.select_one("h1").text == "launch a night bus network across Riverbend"
    assert "Kept late" in page.select_one(".verdict .badge").text
    assert "19 days after the deadline" in page.select_one(".verdict .reason").text
    assert [a["href"] for a in page.select("#sources a.ext")] == [
        "https://courier.example.org/2025/03/04/glasswing-promises", "https://glasswing.example.com/news/night"]
    assert [t["datetime"] for t in page.select("#sources time")] == ["2025-03-04", "2025-04-02"]
    revision = page.select_one("table.revisions tbody tr").get_text(" ", strip=True)
    assert "30 Sep 2025" in revision and "31 Oct 2025" in revision and "drivers still in training" in revision
    evidence = page.select("#evidence > ol.evidence > li")
    assert [li.select_one(".kind").text for li in evidence[:2]] == ["delay", "fulfilment"]
    assert "night bus, launched" in evidence[1].text and "score 0.92" not in evidence[1].text
    assert len(evidence) == 2 and page.select_one("details.rejected") is None  # only accepted evidence
    history = [tr.get_text(" ", strip=True) for tr in page.select("table.history tbody tr")]
    assert len(history) == 3 and "tracker (automatic)" in history[-1]
    manual = soup(site / "c" / "8.html")
    assert "decided by an editor" in manual.select_one("#resolution").text
    assert "demo-editor" not in manual.select_one(".verdict .meta").text + manual.select_one("table.history").text
    assert manual.select_one("#resolution a.ext")["href"] == "https://norhaven.example.gov/news/clinics"


def test_actor_page_track_record(site):
    page = soup(site / "a" / "1-glasswing-transit.html")
    record = {d.select_one("dt").text: d.select_one("dd").contents[0].strip() for d in page.select("dl.record > div")}
    assert record["Kept late"] == "1" and record["Broken"] == "1" and record["On time"] == "0%"
    assert record["Median delay"] == "19 days" and record["Deadline changes"] == "1"
    assert len(page.select("table#commitments tbody tr")) == 3
    assert page.select("svg.timeline a") and page.select("svg.bar title")


def test_methodology_page_lists_statuses_and_thresholds(site):
    page = soup(site / "methodology.html")
    assert {d["id"][2:] for d in page.select("dl.statuses > div")} >= set(EXPECTED.values())
    text = page.get_text(" ", strip=True)
    assert "0.70 or more is accepted automatically" in text and "from 0.35 up to 0.70" in text
    assert "grace period of 30 days" in text


def _internal_links(root: Path):
    for page in sorted(root.rglob("*.html")):
        for tag in soup(page).select("[href], [src]"):
            yield page, tag, tag.get("href") or tag.get("src")


def test_every_internal_link_resolves_and_external_links_are_http(site):
    checked = 0
    for page, tag, ref in _internal_links(site):
        parts = urlsplit(ref)
        if parts.scheme:
            assert parts.scheme in ("http", "https"), (page, ref)
            assert tag.name == "a" and "noopener" in tag["rel"] and "noreferrer" in tag["rel"], (page, ref)
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        assert target.is_file(), f"{page.relative_to(site)} links to missing {ref}"
        assert site.resolve() in target.parents, (page, ref)
        if parts.fragment and target.suffix == ".html":
            assert soup(target).find(id=parts.fragment), f"{page.relative_to(site)}: no #{parts.fragment}"
        checked += 1
    assert checked > 300


def test_hostile_text_is_escaped_and_javascript_links_are_not_links(site):
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        parsed = soup(page)
        scripts = parsed.find_all("script")
        assert len(scripts) <= 1 and all(not s.get("src") for s in scripts), page
        if scripts:
            assert scripts[0].string.lstrip().startswith("/* tracker status site"), page
        for tag in parsed.find_all(True):
            assert not [a for a in tag.attrs if a.lower().startswith("on")], (page, tag)
            assert not re.match(r"\s*(javascript|data|vbscript):", tag.get("href", ""), re.I), (page, tag)
        assert tag_names(parsed).isdisjoint({"img", "iframe", "object", "embed", "form"}), page
        assert "alert(" not in "".join(s.string or "" for s in scripts)
        assert "<img src=x" not in html and "<svg onload" not in html
    page = soup(site / "c" / "11.html")
    assert page.select_one("h1").text == '<img src=x onerror=alert("what")> build a bridge'
    unlinked = [s.get_text() for s in page.select(".unlinked code")]
    assert "javascript:alert(document.domain)" in unlinked and "javascript:alert('item')" in unlinked
    assert page.select_one(".ev-link .nolink").text.startswith('"><svg onload=alert(1)>')
    assert not page.select('a[href*="alert("]')


def tag_names(parsed: BeautifulSoup) -> set[str]:
    return {t.name for t in parsed.find_all(True)}


def test_csp_allows_only_the_projects_own_script(site):
    for page in sorted(site.rglob("*.html")):
        parsed = soup(page)
        meta = parsed.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert meta is parsed.head.find("meta", attrs={"http-equiv": True}), page
        policy = dict(p.strip().split(" ", 1) for p in meta["content"].split(";"))
        assert policy["default-src"] == "'none'" and policy["style-src"] == "'self'"
        assert policy["base-uri"] == "'none'" and policy["form-action"] == "'none'"
        script = parsed.find("script")
        if script is None:
            assert policy["script-src"] == "'none'", page
        else:
            digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
            assert policy["script-src"] == f"'sha256-{digest}'", page
        assert not parsed.select("[style]") and not parsed.find("style"), page
        for link in parsed.select("link[href]"):
            assert not urlsplit(link["href"]).scheme, (page, link)


def test_pages_are_semantic_and_accessible(site):
    for page in sorted(site.rglob("*.html")):
        parsed = soup(page)
        assert parsed.html["lang"] == "en" and parsed.select_one('meta[name="viewport"]'), page
        assert len(parsed.select("main#main")) == 1 and len(parsed.select("h1")) == 1, page
        for table in parsed.select("table"):
            assert table.caption and table.select("th[scope=col]"), page
        for svg in parsed.select("svg"):
            assert svg.get("role") == "img" and svg.get("aria-label"), page
        for badge in parsed.select(".badge"):
            assert badge.get_text(strip=True).strip("✓◐✗⊘?!»◔○∞· "), page  # the status is written out
    css = (site / "tracker.css").read_text()
    assert "prefers-color-scheme: dark" in css and "@media print" in css and "max-width: 40rem" in css


def test_filters_are_hidden_without_javascript(site):
    page = soup(site / "index.html")
    box = page.select_one("[data-filter-for=commitments]")
    assert box.has_attr("hidden") and box.select_one("input[name=q]")
    assert {o["value"] for o in box.select("select[name=status] option") if o["value"]} == set(EXPECTED.values())


# --- exports ------------------------------------------------------------------------------------


def test_atom_feed_is_valid_and_lists_status_changes(site, engine):
    parsed = feedparser.parse((site / "changes.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    with read_session(engine) as session:
        recorded = session.scalars(select(StatusChange.recorded_at).order_by(StatusChange.id.desc())).all()
    assert len(parsed.entries) == len(recorded)
    first = parsed.entries[0]
    assert first.id.startswith("urn:uuid:") and first.link.startswith("c/") and first.author
    assert first.updated == recorded[0].strftime("%Y-%m-%dT%H:%M:%SZ")
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)
    assert parsed.feed.updated and parsed.feed.title.endswith("status changes")
    hostile = next(e for e in parsed.entries if "Holdings" in e.title)
    assert "<script>" in hostile.title  # text content, escaped in the XML
    assert b"<script>" not in (site / "changes.xml").read_bytes()


def test_atom_feed_stays_valid_xml_with_control_characters_stored_before_intake_cleaned_them(engine, tmp_path):
    """Rows written by an older tracker may hold raw controls: changes.xml must still parse strictly."""
    with write_session(engine) as s:
        s.execute(update(Commitment).where(Commitment.id == 1).values(what="launch\x1b[2J night\x01 buses\x9b"))
        change = s.scalars(select(StatusChange).where(StatusChange.commitment_id == 1)).first()
        s.execute(update(StatusChange.__table__).where(StatusChange.id == change.id).values(by="ed\x07itor"))
    build_site(engine, Config(), tmp_path / "site", TODAY)
    atom = (tmp_path / "site" / "changes.xml").read_bytes()
    import xml.etree.ElementTree as ET

    root = ET.fromstring(atom)  # strict: a single control character would raise
    titles = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(t and "launch[2J night buses" in t for t in titles)
    assert not feedparser.parse(atom).bozo


def test_atom_links_are_absolute_with_a_base_url(engine, tmp_path):
    config = Config(report=ReportConfig(base_url="https://promises.example.org/"))
    build_site(engine, config, tmp_path / "site", TODAY)
    parsed = feedparser.parse((tmp_path / "site" / "changes.xml").read_bytes())
    assert parsed.entries[0].link.startswith("https://promises.example.org/c/")
    assert parsed.feed.id == "https://promises.example.org/"
    schema = json.loads((tmp_path / "site" / "commitments.schema.json").read_text())
    assert schema["$id"] == "https://promises.example.org/commitments.schema.json"


def test_pages_name_their_canonical_url_and_open_graph_tags_from_the_base_url(engine, tmp_path):
    build_site(engine, Config(report=ReportConfig(base_url="https://promises.example.org/", title="Harbour Watch")),
               tmp_path / "site", TODAY)
    page = soup(tmp_path / "site" / "c" / "1.html")
    assert page.select_one("link[rel=canonical]")["href"] == "https://promises.example.org/c/1.html"
    assert page.select_one("meta[property='og:url']")["content"] == "https://promises.example.org/c/1.html"
    assert page.select_one("meta[property='og:title']")["content"] == "Glasswing Transit: launch a night bus network across Riverbend"
    assert page.select_one("meta[property='og:site_name']")["content"] == "Harbour Watch"
    feed = page.select_one("link[type='application/atom+xml']")["href"]
    assert feed == "https://promises.example.org/changes.xml"
    index = soup(tmp_path / "site" / "index.html")
    assert index.select_one("link[rel=canonical]")["href"] == "https://promises.example.org/index.html"
    build_site(engine, Config(), tmp_path / "plain", TODAY)  # no base URL: no canonical, relative links
    plain = soup(tmp_path / "plain" / "c" / "1.html")
    assert plain.select_one("link[rel=canonical]") is None and plain.select_one("meta[property^='og:']") is None


def test_commitments_json_validates_against_its_schema(site):
    document = json.loads((site / "commitments.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "commitments.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    assert document["count"] == len(document["commitments"]) == 11
    assert {c["id"]: c["status"] for c in document["commitments"]} == EXPECTED
    assert document["commitments"][0]["page"] == "c/1.html"
    broken = dict(document["commitments"][0], status="nonsense")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, "commitments": [broken]}, schema)


def test_csv_records_are_read_back_as_written():
    """An incremental build reuses the previous file's records as text, quotes and line breaks included."""
    base = {column: None for column in serialize.CSV_COLUMNS} | {"sources": [{"url": "https://example.org/a"}]}
    records = [base | {"id": 1, "what": 'two\r\nlines, "quoted"'}, base | {"id": 2, "what": "=SUM(A1:A9)"},
               base | {"id": 30, "what": 'ends with a quote "\n', "quote": '"'}]
    lines = [serialize.csv_line(record) for record in records]
    body = exports.commitments_csv(lines)
    assert exports.csv_lines_by_id(body) == {1: lines[0], 2: lines[1], 30: lines[2]}
    assert [row["what"] for row in csv.DictReader(io.StringIO(body.decode(), newline=""))] == [
        'two\r\nlines, "quoted"', "'=SUM(A1:A9)", 'ends with a quote "\n']
    assert exports.csv_lines_by_id(b"id,actor\r\n1,x\r\n") == {}  # other columns: nothing reused


def test_csv_neutralises_formulas(site):
    rows = list(csv.DictReader(io.StringIO((site / "commitments.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 11
    formula = next(r for r in rows if "HYPERLINK" in r["what"])
    assert formula["what"].startswith("'=HYPERLINK(")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "@")) and not (value.startswith("-") and not value[1:2].isdigit())
    assert next(r for r in rows if r["id"] == "1")["status"] == "kept_late"


# --- determinism, incremental builds, atomic swap -------------------------------------------------


def test_same_database_and_day_give_byte_identical_sites(engine, tmp_path):
    first = build_site(engine, Config(), tmp_path / "one", TODAY)
    second = build_site(engine, Config(), tmp_path / "two", TODAY)
    assert first.pages_written == second.pages_written > 30
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert b"2026-11-29" in (tmp_path / "one" / "index.html").read_bytes()


def _stats(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in root.rglob("*") if p.is_file()}


def _fulfil(engine, commitment_id: int, on: dt.date) -> None:
    with write_session(engine) as s:
        c = next(c for c in list_commitments(s) if c.id == commitment_id)
        _evidence(s, c, None, "fulfilment", 0.9, "accepted", on, url="https://courier.example.org/done")
        store.refresh(s, c, TODAY, RULES)
        _pin_record_times(s)


def _link_one_by_one(monkeypatch) -> None:
    """The way a build carries files over where ``cp -al`` is not available (not Linux)."""
    monkeypatch.setattr(build_module, "_link_copy", lambda old, stage: None)


@pytest.mark.parametrize("linking", ["cp -al", "one by one"])
@pytest.mark.parametrize("hint", [True, False], ids=["changed_ids", "hashes"])
def test_incremental_build_rewrites_only_what_changed(engine, tmp_path, monkeypatch, hint, linking):
    if linking == "one by one":
        _link_one_by_one(monkeypatch)
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)
    before = _stats(out)
    _fulfil(engine, 10, D(2026, 11, 20))  # "publish hospital performance data": overdue -> kept_late
    result = build_site(engine, Config(), out, TODAY, changed_ids={10} if hint else None)
    after = _stats(out)
    rewritten = {path for path in after if after[path] != before.get(path)}
    assert rewritten == {
        "c/10.html", "index.html", "a/3-norhaven-ministry-of-health.html", "s/kept_late.html",
        "commitments.json", "commitments.csv", "changes.xml", build_module.MANIFEST}
    assert "s/overdue.html" in before and "s/overdue.html" not in after  # its only commitment moved on
    assert result.pages_written == len(rewritten) - 1  # the manifest is not counted
    assert result.pages_unchanged == len(after) - len(rewritten)
    fresh = tmp_path / "fresh"
    build_site(engine, Config(), fresh, TODAY)
    assert tree(out) == tree(fresh)  # an incremental build equals a full one, byte for byte


def test_a_status_that_disappears_takes_its_page_with_it(engine, tmp_path):
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)
    assert (out / "s" / "overdue.html").exists()
    _fulfil(engine, 10, D(2026, 11, 20))
    build_site(engine, Config(), out, TODAY, changed_ids={10})
    assert not (out / "s" / "overdue.html").exists()
    assert not [a for a in soup(out / "index.html").select("a[href]") if a["href"] == "s/overdue.html"]


def test_nothing_changed_rewrites_nothing(engine, tmp_path):
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)
    before = _stats(out)
    result = build_site(engine, Config(), out, TODAY, changed_ids=set())
    assert result.pages_written == 0 and result.pages_unchanged == len(before) - 1
    assert {p: s for p, s in _stats(out).items() if p != build_module.MANIFEST} == \
        {p: s for p, s in before.items() if p != build_module.MANIFEST}


def test_unchanged_pages_are_carried_over_without_building_a_context(engine, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)

    def explode(*args, **kwargs):
        raise AssertionError("a context was built for an unchanged page")

    for name in ("index_page", "status_page", "actor_page", "commitment_page"):
        monkeypatch.setattr(ctx, name, explode)
    result = build_site(engine, Config(), out, TODAY)  # every key computed and compared
    assert result.pages_written == 0


def test_a_failed_link_copy_falls_back_to_linking_one_by_one(engine, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)
    before = _stats(out)

    def half_done(old, stage):  # links everything, then fails: what it linked must not stay
        return subprocess.Popen(["sh", "-c", 'cp -al "$0/." "$1" && exit 1', str(old), str(stage)])

    monkeypatch.setattr(build_module, "_link_copy", half_done)
    _fulfil(engine, 10, D(2026, 11, 20))
    build_site(engine, Config(), out, TODAY, changed_ids={10})
    after = _stats(out)
    assert after["c/1.html"] == before["c/1.html"] and after["c/10.html"] != before["c/10.html"]
    fresh = tmp_path / "fresh"
    build_site(engine, Config(), fresh, TODAY)
    assert tree(out) == tree(fresh)


@pytest.mark.parametrize("linking", ["cp -al", "one by one"])
def test_what_the_new_site_lacks_is_gone_folders_too(engine, sqlite_url, tmp_path, monkeypatch, linking):
    if linking == "one by one":
        _link_one_by_one(monkeypatch)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build_site(engine, Config(), out, TODAY)
    (out / "notes.txt").write_text("left by hand")
    empty = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    upgrade(empty)
    build_site(empty, Config(), out, TODAY)
    build_site(empty, Config(), fresh, TODAY)
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == sorted(p.relative_to(fresh) for p in fresh.rglob("*"))
    assert not (out / "c").exists() and tree(out) == tree(fresh)


def test_another_day_rebuilds_every_page(engine, tmp_path):
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)
    before = _stats(out)
    build_site(engine, Config(), out, TODAY + dt.timedelta(days=1), changed_ids=set())
    kept = {path for path, stat in _stats(out).items() if before.get(path) == stat}
    assert kept == {"tracker.css", "favicon.svg", "commitments.schema.json", "changes.xml"}  # date-free files
    assert "30 Nov 2026" in (out / "c" / "5.html").read_text()


def test_previous_site_survives_a_failed_build(engine, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)
    before = tree(out)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(build_module.exports, "atom_feed", explode)
    _fulfil(engine, 10, D(2026, 11, 20))
    with pytest.raises(RuntimeError):
        build_site(engine, Config(), out, TODAY, changed_ids={10})
    assert tree(out) == before
    assert not list(tmp_path.glob(".site.*"))  # the staging folder is gone


def test_swap_without_rename_exchange_still_replaces_the_site(engine, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)
    monkeypatch.setattr(build_module, "_exchange", lambda a, b: False)
    _fulfil(engine, 10, D(2026, 11, 20))
    build_site(engine, Config(), out, TODAY)
    assert "Kept late" in soup(out / "c" / "10.html").select_one(".verdict").text
    assert not list(tmp_path.glob(".site.*"))


def test_refuses_to_replace_a_folder_it_did_not_write(engine, tmp_path):
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    with pytest.raises(InvalidValue, match="not written by `tracker report`"):
        build_site(engine, Config(), foreign, TODAY)
    assert (foreign / "notes.txt").read_text() == "mine"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert build_site(engine, Config(), empty, TODAY).index_path == empty.resolve() / "index.html"


def test_a_users_folder_named_like_a_staging_folder_survives(engine, tmp_path):
    """Issue 14, item 12: `tracker report` deleted any sibling matching .site.*.tmp*."""
    mine = tmp_path / ".site.drafts.tmp-keep"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    build_site(engine, Config(), tmp_path / "site", TODAY)
    build_site(engine, Config(), tmp_path / "site", TODAY)
    assert (mine / "notes.txt").read_text() == "mine"


def test_a_crashed_builds_staging_folder_is_removed_by_the_next_build(engine, tmp_path, monkeypatch):
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)

    def crash(stage, out):  # the process dies between writing the new site and swapping it in
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "_swap", crash)
    monkeypatch.setattr(build_module.shutil, "rmtree", lambda *a, **k: None)  # as if killed: nothing cleaned
    with pytest.raises(KeyboardInterrupt):
        build_site(engine, Config(), out, TODAY + dt.timedelta(days=1))
    (left,) = tmp_path.glob(".site.*.tmp")
    assert (left / build_module.STAGING_MARKER).is_file() and (left / "site" / "index.html").is_file()
    monkeypatch.undo()
    build_site(engine, Config(), out, TODAY)
    assert not list(tmp_path.glob(".site.*"))
    assert not list(out.rglob(build_module.STAGING_MARKER)), "the marker is never published"


@pytest.mark.parametrize("linking", ["cp -al", "one by one"])
def test_files_listed_in_report_keep_survive_every_build(engine, tmp_path, monkeypatch, linking):
    """Issue 14: CNAME, .htaccess or images a user keeps in the output folder were deleted by the next build."""
    if linking == "one by one":
        _link_one_by_one(monkeypatch)
    out = tmp_path / "site"
    config = Config(report=ReportConfig(keep=["CNAME", ".htaccess", "images/", "index.html"]))
    build_site(engine, config, out, TODAY)
    (out / "CNAME").write_text("promises.example.org\n")
    (out / ".htaccess").write_text("Options -Indexes\n")
    (out / "images").mkdir()
    (out / "images" / "logo.svg").write_text("<svg/>")
    (out / "notes.txt").write_text("not listed: goes")
    _fulfil(engine, 10, D(2026, 11, 20))
    build_site(engine, config, out, TODAY, changed_ids={10})
    build_site(engine, config, out, TODAY + dt.timedelta(days=1))
    assert (out / "CNAME").read_text() == "promises.example.org\n" and (out / ".htaccess").is_file()
    assert (out / "images" / "logo.svg").read_text() == "<svg/>"
    assert not (out / "notes.txt").exists()
    assert "Kept late" in soup(out / "c" / "10.html").select_one(".verdict").text
    assert soup(out / "index.html").select("table#commitments"), "a generated file wins over a keep pattern"
    build_site(engine, Config(), out, TODAY)  # dropped from report.keep: the file goes with the next build
    assert not (out / "CNAME").exists()


def test_a_first_build_may_go_into_a_folder_holding_only_kept_files(engine, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "CNAME").write_text("promises.example.org\n")
    with pytest.raises(InvalidValue, match="report.keep"):
        build_site(engine, Config(), out, TODAY)
    build_site(engine, Config(report=ReportConfig(keep=["CNAME"])), out, TODAY)
    assert (out / "CNAME").read_text() == "promises.example.org\n" and (out / "index.html").is_file()


@pytest.mark.parametrize("pattern", ["/etc/passwd", "../secrets", "", "a/../../b"])
def test_report_keep_stays_inside_the_site(pattern, tmp_path):
    from tracker.config import load_config

    (tmp_path / "t.toml").write_text(f'[report]\nkeep = ["{pattern}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"report.keep\[0\]"):
        load_config(tmp_path / "t.toml")


def test_two_builds_at_once_queue_on_the_lock(engine, tmp_path):
    out, errors = tmp_path / "site", []

    def build() -> None:
        try:
            build_site(engine, Config(), out, TODAY)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    fresh = tmp_path / "fresh"
    build_site(engine, Config(), fresh, TODAY)
    assert tree(out) == tree(fresh) and not list(tmp_path.glob(".site.*"))


def test_an_empty_database_gives_a_working_site(sqlite_url, tmp_path):
    engine = make_engine(sqlite_url)
    upgrade(engine)
    result = build_site(engine, Config(), tmp_path / "site", TODAY)
    page = soup(result.index_path)
    assert page.select_one(".lede").text == "No promises are tracked yet."
    assert not page.select("table#commitments tbody tr")
    assert json.loads((tmp_path / "site" / "commitments.json").read_text())["commitments"] == []
    assert not feedparser.parse((tmp_path / "site" / "changes.xml").read_bytes()).bozo


def test_an_unwritable_place_is_a_tracker_error(engine, tmp_path):
    (tmp_path / "file.txt").write_text("not a folder")
    with pytest.raises(TrackerError, match="cannot write the site to .*file.txt/site"):
        build_site(engine, Config(), tmp_path / "file.txt" / "site", TODAY)


def test_site_folder_is_readable_by_others(site):
    assert site.stat().st_mode & 0o755 == 0o755 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- templates and the deadline conventions ------------------------------------------------------


def test_own_templates_override_the_bundled_ones(engine, tmp_path):
    own = tmp_path / "my-templates"
    own.mkdir()
    (own / "methodology.html").write_text(
        '{% extends "base.html" %}{% block title %}Ours{% endblock %}{% block main %}<h1>Our rules</h1>{% endblock %}')
    build_site(engine, Config(report=ReportConfig(templates_dir=str(own))), tmp_path / "site", TODAY)
    assert soup(tmp_path / "site" / "methodology.html").h1.text == "Our rules"
    assert soup(tmp_path / "site" / "index.html").h1.text == "Were the promises kept?"


def test_missing_templates_dir_is_a_config_error(engine, tmp_path):
    with pytest.raises(ConfigError, match="report.templates_dir"):
        build_site(engine, Config(report=ReportConfig(templates_dir=str(tmp_path / "nope"))), tmp_path / "s", TODAY)


def test_a_template_typo_fails_the_build_instead_of_publishing_blanks(engine, tmp_path):
    own = tmp_path / "t"
    own.mkdir()
    (own / "methodology.html").write_text('{% extends "base.html" %}{% block main %}{{ page.no_such }}{% endblock %}')
    with pytest.raises(Exception, match="no_such"):
        build_site(engine, Config(report=ReportConfig(templates_dir=str(own))), tmp_path / "site", TODAY)
    assert not (tmp_path / "site").exists()


CONVENTIONS = [("by the end of Q3", "30 September"), ("<b>spring</b>", "31 May")]


@pytest.fixture
def fixed_conventions(monkeypatch):
    """A stand-in for tracker.extract.deadlines, so these pages do not follow its table's evolution."""
    fake = types.ModuleType("tracker.extract.deadlines")

    class DeadlineConventions:
        @classmethod
        def from_mapping(cls, mapping):
            return cls()

    fake.DeadlineConventions = DeadlineConventions
    fake.conventions_table = lambda conv: list(CONVENTIONS)
    monkeypatch.setitem(sys.modules, "tracker.extract.deadlines", fake)


def test_methodology_shows_the_deadline_conventions_table(engine, tmp_path, fixed_conventions):
    build_site(engine, Config(), tmp_path / "site", TODAY)
    rows = [tuple(td.text for td in tr.select("td")) for tr in soup(tmp_path / "site" / "methodology.html")
            .select("table.conventions tbody tr")]
    assert rows == CONVENTIONS


def test_methodology_with_the_real_conventions_module(engine, tmp_path):
    try:
        from tracker.extract.deadlines import DeadlineConventions, conventions_table
    except ImportError:
        pytest.skip("tracker.extract.deadlines is not available yet")
    expected = conventions_table(DeadlineConventions.from_mapping({}))
    build_site(engine, Config(), tmp_path / "site", TODAY)
    rows = soup(tmp_path / "site" / "methodology.html").select("table.conventions tbody tr")
    assert len(rows) == len(expected) > 0


def test_methodology_degrades_without_the_conventions_table(engine, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "tracker.extract.deadlines", None)  # import fails
    build_site(engine, Config(), tmp_path / "site", TODAY)
    page = soup(tmp_path / "site" / "methodology.html")
    assert not page.select("table.conventions") and "not available" in page.select_one("#deadlines ~ p.muted").text


# --- both databases, and the golden site -----------------------------------------------------------


def test_site_from_either_database(db_url, tmp_path):
    engine = seed(make_engine(db_url))
    build_site(engine, Config(), tmp_path / "site", TODAY)
    document = json.loads((tmp_path / "site" / "commitments.json").read_text())
    assert {c["id"]: c["status"] for c in document["commitments"]} == EXPECTED
    assert len(soup(tmp_path / "site" / "c" / "1.html").select("#evidence > ol.evidence > li")) == 2


def test_golden_site(engine, tmp_path, fixed_conventions):
    """Regenerate with: TRACKER_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/test_report.py -k golden"""
    out = tmp_path / "site"
    build_site(engine, Config(), out, TODAY)
    (out / build_module.MANIFEST).unlink()  # holds a hash of the code itself
    if os.environ.get("TRACKER_REGENERATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN)
    built, golden = tree(out), tree(GOLDEN)
    assert sorted(built) == sorted(golden), "pages added or removed: regenerate the golden site (see docstring)"
    differ = [name for name in built if built[name] != golden[name]]
    assert not differ, f"{differ} differ from {GOLDEN}: review, then regenerate (see docstring)"
    assert not filecmp.dircmp(out, GOLDEN).diff_files


def test_actor_table_counts_add_up_to_the_promises(site):
    table = soup(site / "index.html").select_one("table#actor-table")
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    assert "Partly kept" in heads and "Withdrawn" in heads
    counted = [h for h in heads if h not in ("Actor", "Promises", "On time", "Median delay")]
    for tr in table.select("tbody tr"):
        cells = dict(zip(heads, (td.get_text(strip=True) for td in tr.select("td"))))
        assert sum(int(cells[h]) for h in counted) == int(cells["Promises"]), cells
