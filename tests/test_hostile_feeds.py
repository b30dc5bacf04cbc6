"""The hostile-feed suite: every broken feed we know of, fetched and parsed in one batch on a real loopback server.

Each bad feed must give its own error or warning, the good feeds mixed in
must come through untouched, and the batch must stay fast and small in memory.
The second half runs hostile feeds through the whole pipeline (`tracker poll`,
then `tracker report`) on both databases: what they carry must never break a
verdict, the site or its exports.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import socket
import xml.etree.ElementTree as ET
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.clihelp import ok
from tests.feedserver import FeedServer, Reply, feed_server, gzip_bomb, rss_feed  # noqa: F401  (fixture)
from tracker.backoff import should_pause
from tracker.errors import BodyTooLarge, FeedError, FetchError
from tracker.feeds import ENTITY_WARNING, ParsedFeed, parse_feed
from tracker.fetch import FetchLimits, FetchResult, Validators, fetch_many

LIMITS = FetchLimits(connect_timeout=1, total_timeout=1, max_redirects=3, max_bytes=1024 * 1024)
MB = 1024 * 1024


@dataclass(frozen=True)
class Case:
    """One feed of the batch and what must come of it."""

    path: str
    error: str | None = None  # substring of the FetchError/FeedError message
    status: int | None = None  # FetchError.status
    warning: str | None = None  # substring of ParsedFeed.warning
    keys: tuple[str, ...] | None = None  # item keys, in order (prefixes for sha256: keys)
    count: int | None = None  # number of items, when keys are not listed
    previous: Validators = Validators()
    not_modified: bool = False
    error_type: type = FetchError


STATIC_HASH = hashlib.sha256(rss_feed("static", range(3))).hexdigest()

CASES: dict[str, Case] = {
    # good feeds, which must be unaffected by their neighbours
    "good-rss": Case("/fixtures/good-rss.xml", keys=("works-2026-001", "works-2026-002", "works-2026-003")),
    "good-atom": Case("/fixtures/good-atom.xml", keys=("urn:example:council:1", "urn:example:council:2")),
    "generated": Case("/gen/big/200.xml", count=200),
    "generated-slowish": Case("/gen/lat/5.xml?delay=0.3", count=5),
    "empty-but-valid": Case("/fixtures/empty-feed.xml", keys=()),
    "moved-301": Case("/moved.xml", count=3),
    "moved-302": Case("/moved-temp.xml", count=3),
    "answers-304": Case("/conditional.xml", previous=Validators(etag='"v1"'), not_modified=True),
    "ignores-validators": Case("/no-validators.xml", previous=Validators(etag='"x"', content_hash=STATIC_HASH),
                               not_modified=True),
    # HTTP failures
    "status-500": Case("/status/500", error="server answered 500 Internal Server Error", status=500),
    "status-404": Case("/status/404", error="server answered 404 Not Found", status=404),
    "status-410": Case("/status/410", error="410 Gone: the feed was removed", status=410),
    "status-429": Case("/status/429?retry_after=120", error="retry after 120 s", status=429),
    "status-503": Case("/status/503?retry_after=Wed,%2021%20Oct%202015%2007:28:00%20GMT", error="503", status=503),
    "slow-body": Case("/slow/body?seconds=20", error="timed out after 1 s"),
    "slow-headers": Case("/slow/headers?seconds=20", error="timed out after 1 s"),
    "dripping-headers": Case("/slow/header-drip?seconds=20", error="timed out after 1 s"),
    "50-mb-declared": Case("/big.xml?mb=50", error="body is 52,428,800 bytes, over the 1,048,576-byte cap",
                           error_type=BodyTooLarge),
    "50-mb-streamed": Case("/big-unsized.xml?mb=50", error="over the 1,048,576-byte cap", error_type=BodyTooLarge),
    "gzip-bomb": Case("/gzip-bomb.xml", error="cap after gzip decompression", error_type=BodyTooLarge),
    "redirect-loop": Case("/redirect/loop/a", error="redirect loop"),
    "redirect-chain": Case("/redirect/chain/6", error="too many redirects (more than 3)"),
    # documents that are not feeds
    "html-page": Case("/fixtures/html-page.html", error="is HTML, not a feed: check the URL", error_type=FeedError),
    "json": Case("/fixtures/not-xml.json", error="not a feed", error_type=FeedError),
    # broken feeds whose items are still usable
    "invalid-utf8": Case("/fixtures/invalid-utf8.xml", keys=("u-1", "u-2"), warning="parsed as windows-1252"),
    "malformed": Case("/fixtures/malformed-with-entries.xml", keys=("m-1", "m-2", "m-3"), warning="not well-formed XML"),
    "billion-laughs": Case("/fixtures/billion-laughs.xml", keys=("bomb-1",), warning=ENTITY_WARNING),
    "quadratic-blowup": Case("/fixtures/quadratic-blowup.xml", keys=("quad-1",), warning=ENTITY_WARNING),
    "duplicate-guids": Case("/fixtures/duplicate-guids.xml", keys=("dup-a", "dup-b", "dup-c")),
    "no-guids": Case("/fixtures/no-guids.xml", keys=("https://example.org/a", "https://example.org/b", "sha256:")),
    "no-dates": Case("/fixtures/no-dates.xml", keys=("nd-1", "https://example.org/nd-2", "sha256:")),
    "control-characters": Case("/fixtures/control-characters.xml", keys=("ctl-1", "ctl-2"),
                               warning="reference to invalid character number"),
}
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab and newline, DEL, C1


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_batch(server: FeedServer, cases: dict[str, Case], extra: dict[str, str] | None = None):
    """fetch_many over every case, then parse_feed on each body, as the pipeline does."""
    jobs = [(name, server.url(case.path), case.previous) for name, case in cases.items()]
    jobs += [(name, url, Validators()) for name, url in (extra or {}).items()]
    outcomes: dict[str, FetchResult | FetchError | ParsedFeed | FeedError] = {}
    for name, outcome in fetch_many(jobs, LIMITS, max_workers=8, per_host=4):
        outcomes[name] = outcome
        if isinstance(outcome, FetchResult) and not outcome.not_modified:
            try:
                outcomes[name] = (outcome, parse_feed(outcome.body, outcome.headers, outcome.url))
            except FeedError as exc:
                outcomes[name] = exc
    return outcomes


def check(name: str, case: Case, outcome) -> None:
    """Assert that one case came out as the table says."""
    if case.error:
        assert isinstance(outcome, case.error_type), f"{name}: {outcome!r}"
        assert case.error in str(outcome), f"{name}: {outcome}"
        assert "\n" not in str(outcome)
        if case.status is not None:
            assert outcome.status == case.status, name
        return
    if case.not_modified:
        assert isinstance(outcome, FetchResult) and outcome.not_modified and outcome.body is None, f"{name}: {outcome!r}"
        return
    assert isinstance(outcome, tuple), f"{name}: {outcome!r}"
    result, parsed = outcome
    keys = [item.key for item in parsed.items]
    if case.keys is not None:
        assert [k[: len(want)] for k, want in zip(keys, case.keys)] == list(case.keys) and len(keys) == len(case.keys), name
    if case.count is not None:
        assert len(keys) == case.count, name
    assert len(set(keys)) == len(keys), f"{name}: duplicate keys"
    if case.warning:
        assert parsed.warning and case.warning in parsed.warning, f"{name}: {parsed.warning}"
    else:
        assert parsed.warning is None, f"{name}: {parsed.warning}"
    assert all(len(item.summary_html) < 200_000 for item in parsed.items), name


def test_hostile_batch(feed_server):
    gzip_bomb()  # built once, before the clock and the memory tracer start
    refused = feed_server.url("/feed.xml").replace(str(feed_server.port), str(closed_port()))
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcomes = run_batch(feed_server, CASES, extra={"refused": refused})
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert set(outcomes) == set(CASES) | {"refused"}
    for name, case in CASES.items():
        check(name, case, outcomes[name])
    assert "connection refused" in str(outcomes["refused"])
    assert elapsed < 20, f"batch took {elapsed:.1f} s"
    assert peak < 64 * MB, f"peak traced memory {peak / MB:.0f} MB"


def test_failures_carry_what_the_scheduler_needs(feed_server):
    outcomes = run_batch(feed_server, {name: CASES[name] for name in ("status-410", "status-429", "status-503", "status-500")})
    assert outcomes["status-429"].retry_after == 120.0
    assert outcomes["status-503"].retry_after == 0.0  # an HTTP-date in the past: no wait
    assert outcomes["status-500"].retry_after is None
    assert should_pause(1, 5, outcomes["status-410"].status)
    assert not should_pause(1, 5, outcomes["status-500"].status)


def test_permanent_redirect_is_reported(feed_server):
    outcomes = run_batch(feed_server, {name: CASES[name] for name in ("moved-301", "moved-302")})
    moved, _ = outcomes["moved-301"]
    temporary, _ = outcomes["moved-302"]
    assert moved.permanent_redirect == feed_server.url("/fixtures/good-rss.xml") == moved.url
    assert temporary.permanent_redirect is None and temporary.url == feed_server.url("/fixtures/good-rss.xml")


def poll(server: FeedServer, feeds: dict[str, tuple[str, Validators]]):
    """One polling round: fetch_many then parse, returning {name: (FetchResult, ParsedFeed | None)}."""
    jobs = [(name, server.url(path), validators) for name, (path, validators) in feeds.items()]
    found = {}
    for name, result in fetch_many(jobs, LIMITS):
        assert isinstance(result, FetchResult), f"{name}: {result}"
        parsed = None if result.not_modified else parse_feed(result.body, result.headers, result.url)
        found[name] = (result, parsed)
    return found


def test_repeated_polls_neither_lose_nor_duplicate(feed_server):
    """Three rounds with stored validators: 304s, hash matches, and only genuinely new items."""
    paths = {"conditional": "/conditional.xml", "changing": "/changing.xml", "static": "/no-validators.xml",
             "generated": "/gen/round/10.xml", "fixture": "/fixtures/good-rss.xml"}
    state = {name: (path, Validators()) for name, path in paths.items()}
    stored: dict[str, set[str]] = {name: set() for name in paths}
    modified: dict[str, list[bool]] = {name: [] for name in paths}
    for round_number in range(3):
        for name, (result, parsed) in poll(feed_server, state).items():
            state[name] = (paths[name], result.validators)
            modified[name].append(not result.not_modified)
            if parsed is not None:
                keys = [item.key for item in parsed.items]
                assert len(keys) == len(set(keys))
                assert stored[name] <= set(keys) or name == "generated"  # generated feeds drop their oldest item
                stored[name] |= set(keys)
        feed_server.gen_round += 1
    assert modified["conditional"] == [True, False, False]  # 304 after the first poll
    assert modified["static"] == [True, False, False]  # no validators honoured: caught by the body hash
    assert modified["fixture"] == [True, False, False]
    assert modified["changing"] == [True, True, True]
    assert modified["generated"] == [True, True, True]  # a new round is a new item
    assert len(stored["changing"]) == 3 and len(stored["generated"]) == 12


def test_control_characters_never_leave_the_parser(feed_server):
    """Issue 14, item 3: "&#1;", "&#27;", raw ESC/BEL bytes, NUL and C1 in a feed reach no stored field."""
    _, parsed = run_batch(feed_server, {"controls": CASES["control-characters"]})["controls"]
    fields = [parsed.title or "", parsed.link or ""]
    for item in parsed.items:
        fields += [item.key, item.guid or "", item.link or "", item.title, item.text, item.summary_html]
    assert not [f for f in fields if CONTROLS.search(f)]
    first = parsed.items[0]
    assert first.title == "Saltmere[2J Council opens the ferry terminal"  # the rest of the text stays
    assert "on Monday." in first.text and "\r" not in first.summary_html


# --------------------------------------------------------------------------- through the pipeline


def rss_item(guid: str, title: str, description: str, published: str | None = "Mon, 04 May 2026 09:00:00 +0000",
             link: str | None = None) -> str:
    date = f"<pubDate>{published}</pubDate>" if published else ""
    return (f"<item><title>{title}</title><link>{link or f'https://news.example.org/{guid}'}</link>"
            f'<guid isPermaLink="false">{guid}</guid>{date}<description>{description}</description></item>')


def serve_rss(server: FeedServer, path: str, *items: str) -> str:
    """Serve an RSS document of ``items`` at ``path``; returns its URL."""
    body = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>{"".join(items)}' \
           "</channel></rss>"
    server.set_route(path, Reply(200, body.encode("utf-8"), {"Content-Type": "application/rss+xml"}))
    return server.url(path)


@pytest.fixture
def tracker_db(db_url, tmp_path):
    """A migrated database (SQLite and PostgreSQL) and a tracker.toml with short fetch limits."""
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "{db_url}"\n[fetch]\ntotal_timeout = 3.0\narchive_evidence_pages = false\n',
        encoding="utf-8")
    ok("db", "upgrade")
    return db_url


def strings(value: object) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def check_site(site: Path) -> None:
    """Every export parses strictly and every page parses: what any reader of the site does."""
    atom = (site / "changes.xml").read_bytes()
    ET.fromstring(atom)  # strict XML 1.0: raises on a single control character
    assert not feedparser.parse(atom).bozo
    json.loads((site / "commitments.json").read_bytes())
    rows = list(csv.reader(io.StringIO((site / "commitments.csv").read_text(encoding="utf-8"), newline="")))
    assert len({len(row) for row in rows}) == 1  # every record has the header's columns
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not CONTROLS.search(text), page
        assert BeautifulSoup(text, "html.parser").find("main") is not None, page


def test_control_characters_in_an_announcement_feed_never_reach_the_exports(tracker_db, feed_server, tmp_path):
    """Issue 14, item 3 (and NUL on PostgreSQL): one item full of controls, one clean; both stored, site valid."""
    url = serve_rss(feed_server, "/controls.xml",
                    rss_item("c-1", "Saltmere&#1; Council plans a \x9bterminal\x1b]0;owned\x07",
                             "The Saltmere Council&#27;[2J will open the new ferry terminal by June 2027&#0;,"
                             " its chair said on Monday."),
                    rss_item("c-2", "Delta Rail sets a date", "Delta Rail will reopen the coast line by March 2027,"
                             " the operator said on Monday."))
    ok("--as-of", "2026-05-10", "feeds", "add", url, "--role", "announcements")
    assert "2 new items, 2 new commitments" in ok("--as-of", "2026-05-10", "poll")
    rows = json.loads(ok("--as-of", "2026-05-10", "list", "--format", "json"))
    assert sorted(r["actor"] for r in rows) == ["Delta Rail", "Saltmere Council[2J"]
    assert not [text for text in strings(rows) if CONTROLS.search(text)]
    ok("--as-of", "2026-05-10", "report", "--out", str(tmp_path / "site"))
    check_site(tmp_path / "site")


def test_control_bytes_in_an_announcement_file_never_reach_the_exports(tracker_db, tmp_path):
    path = tmp_path / "raw.txt"
    path.write_bytes(b"date: 2026-03-02\nsource: Wire\x1b]2;x\x07\n\nThe Kelby\x1b[2J Town Council will open the new "
                     b"library on Mill Street by the end of 2027\x08, the mayor\x7f said\r on Monday.\n")
    ok("--as-of", "2026-03-03", "extract", str(path), "--save")
    (row,) = json.loads(ok("--as-of", "2026-03-03", "list", "--format", "json"))
    assert row["what"] == "open the new library on Mill Street"
    assert not [text for text in strings(row) if CONTROLS.search(text)]
    ok("--as-of", "2026-03-03", "report", "--out", str(tmp_path / "site"))
    check_site(tmp_path / "site")


def test_an_implausible_item_date_never_decides_a_verdict(tracker_db, feed_server, tmp_path):
    """Issue 14, item 2: a year-1 pubDate was auto-accepted as "kept, fulfilled on 0001-01-01", then every
    report failed with OverflowError. Now the date is dropped and flagged, and the evidence waits for review."""
    ok("--as-of", "2026-05-01", "add", "--actor", "Saltmere Council", "--text", "open the new ferry terminal",
       "--due", "2026-12-31", "--stated", "2026-01-10")
    url = serve_rss(feed_server, "/dates.xml",
                    rss_item("d-1", "Saltmere Council opens the new ferry terminal",
                             "The Saltmere Council opened the new ferry terminal on Monday, two months early.",
                             published="Mon, 01 Jan 0001 00:00:00 +0000"),
                    rss_item("d-2", "Far future item", "Nothing to see.", published="Fri, 01 Jan 2999 00:00:00 +0000"))
    ok("--as-of", "2026-05-10", "feeds", "add", url, "--name", "dates")
    out = ok("--as-of", "2026-05-10", "poll")
    assert "2 item(s) with an implausible date (0001-01-01 on d-1)" in out
    (feed,) = json.loads(ok("feeds", "list", "--format", "json"))
    assert "implausible date" in feed["last_warning"] and feed["error_count"] == 0
    (row,) = json.loads(ok("--as-of", "2026-05-10", "list", "--format", "json"))
    assert row["status"] == "pending", row["status_reason"]
    shown = json.loads(ok("--as-of", "2026-05-10", "show", "1", "--format", "json"))
    (evidence,) = shown["evidence"]
    assert evidence["state"] == "proposed" and "implausible" in evidence["explanation"]["held"]
    assert evidence["date"] is None or evidence["date"] >= "1990-01-01"
    ok("--as-of", "2026-05-10", "report", "--out", str(tmp_path / "site"))
    check_site(tmp_path / "site")


ODD_CHARSET = {"Content-Type": "text/html; charset=x-no-such-charset"}
FERRY_PAGE = ("<html><head><title>Ferry terminal opens</title></head><body><article><h1>Ferry terminal opens</h1>"
              "<p>The Saltmere Council opened the new ferry terminal at Alder Quay on Monday, two months early, and "
              "the first crossing left at seven with a full load of commuters and their bicycles.</p>"
              "<p>The café beside the pier will open next week.</p></article></body></html>")


def evidence_config(tmp_path: Path, db_url: str, allow_private: bool = True) -> None:
    """Evidence pages archived, loopback pages allowed (these tests serve them from 127.0.0.1)."""
    allow = str(allow_private).lower()
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "{db_url}"\n[fetch]\ntotal_timeout = 3.0\nallow_private_addresses = {allow}\n',
        encoding="utf-8")
    ok("db", "upgrade")


def test_extract_url_with_an_unknown_charset_falls_back_to_detection(sqlite_url, tmp_path, feed_server):
    """Issue 14, item 11: `charset=x-no-such-charset` gave a LookupError traceback."""
    evidence_config(tmp_path, sqlite_url)
    article = FERRY_PAGE.replace("two months early", "and the Saltmere Council will open a second pier by June 2027")
    feed_server.set_route("/odd.html", Reply(200, article.encode("latin-1"), ODD_CHARSET))
    found = json.loads(ok("--as-of", "2026-05-10", "extract", feed_server.url("/odd.html"), "--format", "json"))
    pier = [c for c in found if "second pier" in c["quote"]]
    assert [c["actor"] for c in pier] == ["Saltmere Council"]
    assert all("\ufffd" not in c["quote"] for c in found)  # decoded, not replaced


def test_a_linked_page_that_cannot_be_read_never_fails_the_feed(sqlite_url, tmp_path, feed_server, monkeypatch):
    """Issue 14, item 11 and the archiving item: evidence pages with an unknown charset are read by detection,
    and an unexpected error while archiving one page fails that page only, not its feed or the cycle."""
    evidence_config(tmp_path, sqlite_url)
    for actor in ("Saltmere Council", "Delta Rail"):
        ok("--as-of", "2026-05-01", "add", "--actor", actor, "--text", "open the new ferry terminal",
           "--due", "2026-12-31", "--stated", "2026-01-10")
    feed_server.set_route("/odd.html", Reply(200, FERRY_PAGE.encode("latin-1"), ODD_CHARSET))
    feed_server.set_route("/broken.html", Reply(200, FERRY_PAGE.replace("Saltmere Council", "Delta Rail").encode(),
                                                {"Content-Type": "text/html"}))
    import tracker.sources

    real = tracker.sources.article_from_html

    def reader(html, *, url, label):  # a reader bug that only this page triggers
        if url and url.endswith("/broken.html"):
            raise RuntimeError("reader bug")
        return real(html, url=url, label=label)

    monkeypatch.setattr(tracker.sources, "article_from_html", reader)
    url = serve_rss(feed_server, "/wire.xml",
                    rss_item("w-1", "Saltmere Council opens the new ferry terminal",
                             "The Saltmere Council opened the new ferry terminal on Monday, two months early.",
                             link=feed_server.url("/odd.html")),
                    rss_item("w-2", "Delta Rail opens the new ferry terminal",
                             "Delta Rail opened the new ferry terminal on Monday, two months early.",
                             link=feed_server.url("/broken.html")))
    ok("--as-of", "2026-05-10", "feeds", "add", url, "--name", "wire")
    assert "1 fetched, 0 not modified, 0 failed" in ok("--as-of", "2026-05-10", "poll")
    (feed,) = json.loads(ok("feeds", "list", "--format", "json"))
    assert feed["error_count"] == 0 and feed["last_error"] is None and feed["items"] == 2
    from sqlalchemy import select

    from tracker import db
    from tracker.models import Evidence

    with db.read_session(db.make_engine(sqlite_url)) as session:
        pages = dict(session.execute(select(Evidence.url, Evidence.page_text)).all())
    assert "café beside the pier" in pages[feed_server.url("/odd.html")]
    assert pages[feed_server.url("/broken.html")] is None


@pytest.mark.parametrize("allow", [False, True], ids=["default", "allowed"])
def test_links_in_feed_content_never_reach_private_addresses_unless_allowed(sqlite_url, tmp_path, feed_server,
                                                                             allow):
    """Issue 14: an item's link (an announcement page, an evidence page) could point the tracker at loopback or
    private addresses. The feeds themselves are the user's and may live anywhere (here on 127.0.0.1)."""
    evidence_config(tmp_path, sqlite_url, allow_private=allow)
    ok("--as-of", "2026-05-01", "add", "--actor", "Saltmere Council", "--text", "open the new ferry terminal",
       "--due", "2026-12-31", "--stated", "2026-01-10")
    feed_server.set_route("/internal/evidence.html", Reply(200, FERRY_PAGE.encode(), {"Content-Type": "text/html"}))
    feed_server.set_route("/internal/plan.html", Reply(200, FERRY_PAGE.replace(
        "two months early", "and Delta Rail will reopen the coast line by March 2027").encode(),
        {"Content-Type": "text/html"}))
    evidence = serve_rss(feed_server, "/wire.xml", rss_item(
        "w-1", "Saltmere Council opens the new ferry terminal",
        "The Saltmere Council opened the new ferry terminal on Monday, two months early.",
        link=feed_server.url("/internal/evidence.html")))
    plans = serve_rss(feed_server, "/plans.xml", rss_item(
        "p-1", "Delta Rail sets a date", "A short teaser.", link=feed_server.url("/internal/plan.html")))
    ok("--as-of", "2026-05-10", "feeds", "add", evidence, "--name", "wire")
    ok("--as-of", "2026-05-10", "feeds", "add", plans, "--name", "plans", "--role", "announcements")
    out = ok("--as-of", "2026-05-10", "poll")
    assert "2 fetched, 0 not modified, 0 failed" in out
    assert feed_server.hits["/wire.xml"] == feed_server.hits["/plans.xml"] == 1
    fetched = feed_server.hits["/internal/evidence.html"] + feed_server.hits["/internal/plan.html"]
    assert fetched == (2 if allow else 0)
    actors = {r["actor"] for r in json.loads(ok("--as-of", "2026-05-10", "list", "--format", "json"))}
    assert ("Delta Rail" in actors) is allow  # only the linked page names it


TOWNS = ("Kelby", "Thornwick", "Ostend Vale", "Larchmont")


def serve_teasers(server: FeedServer, delay: float) -> str:
    """An announcement feed of four teasers, each linking to a page (served after ``delay`` s) that holds the promise."""
    items = []
    for n, town in enumerate(TOWNS):
        page = (f"<html><body><article><h1>{town} library</h1><p>The {town} Town Council will open the new public "
                f"library on Mill Street by the end of 2027, the mayor said on Monday, after the council approved the "
                f"final budget for the building.</p></article></body></html>")
        server.set_route(f"/article/{n}.html", Reply(200, page.encode(), {"Content-Type": "text/html"}))
        items.append(rss_item(f"t-{n}", f"{town} sets a date", "A teaser.",
                              link=server.url(f"/article/{n}.html?delay={delay}")))
    return serve_rss(server, "/teasers.xml", *items)


def pages_config(tmp_path: Path, db_url: str, budget: float | None = None) -> None:
    """Linked pages are served from loopback here, so private addresses are allowed."""
    budget_line = f"page_budget = {budget}\n" if budget is not None else ""
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "{db_url}"\n[fetch]\ntotal_timeout = 10.0\nper_host = 2\n{budget_line}'
        "allow_private_addresses = true\narchive_evidence_pages = false\n", encoding="utf-8")
    ok("db", "upgrade")


def test_linked_pages_are_read_concurrently_under_the_per_host_limit(sqlite_url, tmp_path, feed_server):
    """Issue 14, item 10: the linked pages of announcement items were fetched one after another."""
    pages_config(tmp_path, sqlite_url)
    ok("--as-of", "2026-05-10", "feeds", "add", serve_teasers(feed_server, delay=0.5), "--role", "announcements")
    assert "4 new items, 4 new commitments" in ok("--as-of", "2026-05-10", "poll")
    assert feed_server.peak("/article") == 2, "two at a time: concurrent, and never more than fetch.per_host"
    actors = sorted(r["actor"] for r in json.loads(ok("--as-of", "2026-05-10", "list", "--format", "json")))
    assert actors == sorted(f"{town} Town Council" for town in TOWNS)


def test_linked_pages_that_do_not_fit_the_budget_wait_for_the_next_cycle(db_url, tmp_path, feed_server):
    """Issue 14, item 10: with no budget, four slow pages held one poll for about 4 x 30 s."""
    pages_config(tmp_path, db_url, budget=1.0)
    url = serve_teasers(feed_server, delay=5)
    ok("--as-of", "2026-05-10", "feeds", "add", url, "--role", "announcements")
    first = ok("--as-of", "2026-05-10", "poll")
    assert "1 fetched, 0 not modified, 0 failed; 0 new items" in first
    assert "4 item(s) wait for the next cycle" in first
    assert sum(feed_server.hits[f"/article/{n}.html"] for n in range(4)) <= 2, "the budget stops new page fetches"
    (feed,) = json.loads(ok("feeds", "list", "--format", "json"))
    assert feed["error_count"] == 0 and "fetch.page_budget" in feed["last_warning"]
    serve_teasers(feed_server, delay=0)  # the site is fast again
    second = ok("--as-of", "2026-05-10", "poll")  # due again at once, and fetched in full (no 304)
    assert "1 fetched, 0 not modified, 0 failed; 4 new items, 4 new commitments" in second
    (feed,) = json.loads(ok("feeds", "list", "--format", "json"))
    assert feed["items"] == 4 and feed["last_warning"] is None
