"""The hostile-feed suite: every broken feed we know of, fetched and parsed in one batch on a real loopback server.

Each bad feed must give its own error or warning, the good feeds mixed in
must come through untouched, and the batch must stay fast and small in memory.
"""

from __future__ import annotations

import hashlib
import socket
import time
import tracemalloc
from dataclasses import dataclass

import pytest

from tests.feedserver import FeedServer, feed_server, gzip_bomb, rss_feed  # noqa: F401  (fixture)
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
}


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
