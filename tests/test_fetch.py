"""fetch.py's HTTP rules (httpx.MockTransport), its clock and concurrency (real loopback server), and backoff.py.

The hostile-feed batch lives in test_hostile_feeds.py.
"""

from __future__ import annotations

import gzip
import hashlib
import random
import socket
import threading
import time
import zlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from tests.feedserver import FeedServer, Reply, feed_server, rss_feed  # noqa: F401  (fixture)
from tracker import USER_AGENT
from tracker.backoff import next_poll_after_failure, next_poll_after_success, parse_duration, should_pause
from tracker.errors import BodyTooLarge, FetchError, InvalidValue
from tracker.fetch import FetchLimits, FetchResult, Validators, fetch, fetch_many, fetch_page, make_client, parse_retry_after

FEED = rss_feed("unit", range(2))
LIMITS = FetchLimits(connect_timeout=2, total_timeout=2, max_redirects=3, max_bytes=64 * 1024)


def mock_client(handler) -> httpx.Client:
    """A client whose requests go to ``handler(request) -> httpx.Response`` instead of the network."""
    return httpx.Client(transport=httpx.MockTransport(handler))


def answer(status: int, body: bytes | list[bytes] = b"", headers: dict[str, str] | None = None) -> tuple:
    """A response to serve: a list body is streamed without Content-Length."""
    return status, body, headers or {}


def serve(*answers: tuple | Exception):
    """A handler giving the answers in turn (the last one repeats), recording the requests it saw.

    Responses are built as a network transport builds them, with a stream that
    has not been read yet (``httpx.Response(content=...)`` would be pre-read).
    """
    queue = list(answers)
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        item = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(item, Exception):
            raise item
        status, body, headers = item
        if isinstance(body, bytes):
            headers = {"Content-Length": str(len(body)), **headers}
            return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))
        return httpx.Response(status, headers=headers, stream=_Chunks(body))

    handler.seen = seen
    return handler


class _Chunks(httpx.SyncByteStream):
    def __init__(self, chunks: list[bytes]):
        self._chunks = chunks

    def __iter__(self):
        yield from self._chunks


def get(handler, url="https://feeds.example.org/rss", previous=Validators(), limits=LIMITS) -> FetchResult:
    with mock_client(handler) as client:
        return fetch(url, previous, limits, client)


def fails(handler, url="https://feeds.example.org/rss", previous=Validators(), limits=LIMITS) -> FetchError:
    with pytest.raises(FetchError) as caught:
        get(handler, url, previous, limits)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400
    return caught.value


# --------------------------------------------------------------------------- requests and success


def test_sends_identity_and_conditional_headers():
    handler = serve(answer(200, FEED))
    get(handler, previous=Validators(etag='"abc"', last_modified="Mon, 05 Jan 2026 10:00:00 GMT"))
    sent = handler.seen[0].headers
    assert sent["user-agent"] == USER_AGENT and "https://" in USER_AGENT
    assert sent["if-none-match"] == '"abc"'
    assert sent["if-modified-since"] == "Mon, 05 Jan 2026 10:00:00 GMT"
    assert sent["accept-encoding"] == "gzip, deflate"
    assert "application/rss+xml" in sent["accept"]
    assert sent["connection"] == "close"  # a fresh connection each time, watched from the start


def test_no_conditional_headers_without_validators():
    handler = serve(answer(200, FEED))
    get(handler)
    assert "if-none-match" not in handler.seen[0].headers and "if-modified-since" not in handler.seen[0].headers


def test_200_returns_body_and_new_validators():
    headers = {"ETag": '"v2"', "Last-Modified": "Tue, 06 Jan 2026 10:00:00 GMT", "Content-Type": "application/rss+xml"}
    result = get(serve(answer(200, FEED, headers)), previous=Validators(etag='"v1"'))
    assert result.status == 200 and result.body == FEED and not result.not_modified
    assert result.validators == Validators('"v2"', "Tue, 06 Jan 2026 10:00:00 GMT", hashlib.sha256(FEED).hexdigest())
    assert result.headers["content-type"] == "application/rss+xml"
    assert result.url == "https://feeds.example.org/rss" and result.permanent_redirect is None


def test_304_keeps_validators_and_has_no_body():
    previous = Validators('"v1"', "Mon, 05 Jan 2026 10:00:00 GMT", "hash1")
    result = get(serve(answer(304)), previous=previous)
    assert result.status == 304 and result.not_modified and result.body is None
    assert result.validators == previous


def test_304_takes_a_refreshed_etag():
    result = get(serve(answer(304, b"", {"ETag": '"v1b"'})), previous=Validators('"v1"', None, "h"))
    assert result.validators == Validators('"v1b"', None, "h")


def test_same_body_hash_counts_as_not_modified():
    """A server that ignores validators: the body hash catches it, and the body is not handed on."""
    result = get(serve(answer(200, FEED)), previous=Validators(content_hash=hashlib.sha256(FEED).hexdigest()))
    assert result.status == 200 and result.not_modified and result.body is None


def test_fetch_page_is_an_unconditional_fetch():
    with mock_client(serve(answer(200, b"<html>page</html>"))) as client:
        result = fetch_page("https://example.org/a", LIMITS, client)
    assert result.body == b"<html>page</html>" and not result.not_modified


# --------------------------------------------------------------------------- redirects


def redirect(status: int, location: str) -> tuple:
    return answer(status, b"", {"Location": location})


@pytest.mark.parametrize(
    ("statuses", "moved_to"),
    [
        ([301], "https://new.example.org/feed0"),
        ([308], "https://new.example.org/feed0"),
        ([302], None),
        ([307], None),
        ([301, 301], "https://new.example.org/feed1"),
        ([301, 302], "https://new.example.org/feed0"),  # a permanent move to a URL that then moves temporarily
        ([302, 301], None),  # only a chain that starts permanent says where the feed lives now
    ],
)
def test_redirects_report_permanent_moves(statuses, moved_to):
    hops = [redirect(s, f"https://new.example.org/feed{i}") for i, s in enumerate(statuses)]
    result = get(serve(*hops, answer(200, FEED)))
    assert result.url == f"https://new.example.org/feed{len(statuses) - 1}"
    assert result.permanent_redirect == moved_to and result.body == FEED


def test_relative_redirect_is_resolved():
    result = get(serve(redirect(301, "/moved/feed.xml"), answer(200, FEED)))
    assert result.url == result.permanent_redirect == "https://feeds.example.org/moved/feed.xml"


def test_redirect_loop_says_so():
    handler = serve(redirect(302, "https://feeds.example.org/b"), redirect(302, "https://feeds.example.org/rss"))
    error = fails(handler)
    assert "redirect loop" in str(error) and "https://feeds.example.org/b" in str(error)
    assert len(handler.seen) == 2


def test_too_many_redirects():
    hops = [redirect(302, f"https://feeds.example.org/{i}") for i in range(10)]
    handler = serve(*hops)
    error = fails(handler)
    assert "too many redirects (more than 3)" in str(error)
    assert len(handler.seen) == 4  # the first request plus three redirects followed


def test_redirect_without_location():
    assert "without a Location header" in str(fails(serve(answer(302))))


def test_redirect_to_a_file_url_is_not_followed():
    assert "redirect to a non-HTTP URL refused (file:///etc/passwd)" in str(fails(serve(redirect(302, "file:///etc/passwd"))))


# --------------------------------------------------------------------------- private addresses

PUBLIC = "http://93.184.216.34/feed.xml"  # an address literal: no DNS needed


@pytest.mark.parametrize("target", ["http://127.0.0.1/admin", "http://[::1]:8080/", "http://169.254.169.254/latest",
                                    "http://10.1.2.3/", "http://localhost:9000/", "http://[::ffff:192.168.1.1]/"])
def test_a_public_server_cannot_redirect_into_the_network(target):
    """Issue 14: redirects could make the tracker fetch loopback or private addresses."""
    handler = serve(redirect(302, target), answer(200, FEED))
    error = fails(handler, url=PUBLIC)
    assert "refused: it leads to the non-public address" in str(error) and "allow_private_addresses" in str(error)
    assert len(handler.seen) == 1, "the private address was never asked"


def test_allow_private_addresses_lets_redirects_in():
    limits = FetchLimits(total_timeout=2, allow_private=True)
    assert get(serve(redirect(302, "http://127.0.0.1/admin"), answer(200, FEED)), url=PUBLIC, limits=limits).body == FEED


def test_a_feed_the_user_put_inside_the_network_may_redirect_inside_it():
    result = get(serve(redirect(301, "http://127.0.0.1:8000/new.xml"), answer(200, FEED)), url="http://127.0.0.1/old")
    assert result.body == FEED and result.permanent_redirect == "http://127.0.0.1:8000/new.xml"


@pytest.mark.parametrize("url", ["http://127.0.0.1/x", "http://[::1]/x", "file:///etc/passwd", "/etc/passwd"])
def test_an_untrusted_link_may_not_point_inside_or_at_files(url):
    with pytest.raises(FetchError, match="refused|only http"), mock_client(serve(answer(200, FEED))) as client:
        fetch(url, Validators(), LIMITS, client, untrusted=True)
    allowed = FetchLimits(total_timeout=2, allow_private=True)
    if url.startswith("http"):
        with mock_client(serve(answer(200, FEED))) as client:
            assert fetch(url, Validators(), allowed, client, untrusted=True).body == FEED


# --------------------------------------------------------------------------- statuses


@pytest.mark.parametrize(
    ("status", "headers", "retry_after", "text"),
    [
        (429, {"Retry-After": "120"}, 120.0, "server answered 429 Too Many Requests: retry after 120 s"),
        (503, {"Retry-After": "30"}, 30.0, "server answered 503 Service Unavailable: retry after 30 s"),
        (503, {}, None, "server answered 503 Service Unavailable"),
        (429, {"Retry-After": "whenever"}, None, "429 Too Many Requests"),
        (410, {}, None, "server answered 410 Gone: the feed was removed"),
        (404, {}, None, "server answered 404 Not Found"),
        (500, {}, None, "server answered 500 Internal Server Error"),
        (599, {}, None, "server answered 599"),
    ],
)
def test_error_statuses(status, headers, retry_after, text):
    error = fails(serve(answer(status, b"x", headers)))
    assert error.status == status and error.retry_after == retry_after
    assert text in str(error) and str(error).startswith("https://feeds.example.org/rss: ")


def test_retry_after_http_date():
    later = format_datetime(datetime.now(timezone.utc) + timedelta(minutes=10), usegmt=True)
    error = fails(serve(answer(429, b"", {"Retry-After": later})))
    assert 590 <= error.retry_after <= 600


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("0", 0.0), ("3600", 3600.0), (" 5 ", 5.0), ("-5", None), ("nan", None), ("", None), (None, None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # in the past: no wait
        ("Thu, 01 Jan 2026 00:10:00 GMT", 600.0),
        ("not a date", None),
    ],
)
def test_parse_retry_after(value, seconds):
    assert parse_retry_after(value, now=datetime(2026, 1, 1, tzinfo=timezone.utc)) == seconds


# --------------------------------------------------------------------------- size cap and decompression


def test_content_length_over_cap_is_refused_before_reading():
    handler = serve(answer(200, [b"never read"], {"Content-Length": str(10**9)}))
    with pytest.raises(BodyTooLarge, match="body is 1,000,000,000 bytes, over the 65,536-byte cap"):
        get(handler)


def test_streamed_body_over_cap():
    chunks = [b"x" * 8192] * 100  # 800 KB, no Content-Length
    with pytest.raises(BodyTooLarge, match="over the 65,536-byte cap"):
        get(serve(answer(200, chunks)))


def test_body_at_the_cap_is_fine():
    body = b"x" * LIMITS.max_bytes
    assert get(serve(answer(200, body))).body == body


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)


@pytest.mark.parametrize(
    ("encoding", "packer"),
    [
        ("gzip", gzipped),
        ("x-gzip", gzipped),
        ("deflate", zlib.compress),  # zlib-wrapped, as the RFC says
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as many servers send
    ],
)
def test_compressed_bodies_are_decoded(encoding, packer):
    result = get(serve(answer(200, packer(FEED), {"Content-Encoding": encoding})))
    assert result.body == FEED
    assert result.validators.content_hash == hashlib.sha256(FEED).hexdigest()  # hash of the decoded body


def test_gzip_bomb_stops_at_the_cap():
    bomb = gzipped(b"\0" * (50 * 1024 * 1024))  # ~50 KB that inflates to 50 MB
    assert len(bomb) < LIMITS.max_bytes
    with pytest.raises(BodyTooLarge, match="over the 65,536-byte cap after gzip decompression"):
        get(serve(answer(200, bomb, {"Content-Encoding": "gzip"})))


def test_corrupt_gzip():
    error = fails(serve(answer(200, b"not gzip at all", {"Content-Encoding": "gzip"})))
    assert "could not decompress the gzip body" in str(error)


def test_unrequested_encoding_is_refused():
    error = fails(serve(answer(200, b"...", {"Content-Encoding": "br"})))
    assert "unsupported Content-Encoding 'br'" in str(error)


# --------------------------------------------------------------------------- network errors


@pytest.mark.parametrize(
    ("exc", "text"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), "connection refused"),
        (httpx.ConnectError("[Errno -2] Name or service not known"), "host not found"),
        (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"), "TLS error"),
        (httpx.ConnectTimeout("timed out"), "could not connect within 2 s"),
        (httpx.ReadTimeout("timed out"), "timed out after 2 s"),
        (httpx.RemoteProtocolError("illegal status line\nb'garbage'"), "the server broke the HTTP protocol"),
        (httpx.ReadError("[Errno 104] Connection reset by peer"), "connection lost"),
    ],
)
def test_network_errors_become_short_messages(exc, text):
    error = fails(serve(exc))
    assert text in str(error) and error.status is None


def test_unsupported_scheme():
    with pytest.raises(FetchError, match="unsupported URL scheme 'ftp'"):
        fetch("ftp://example.org/feed", Validators(), LIMITS)


def test_invalid_url():
    with pytest.raises(FetchError, match="invalid URL"):
        fetch("http://example.org:notaport/feed", Validators(), LIMITS)


# --------------------------------------------------------------------------- local files


def test_local_path_and_file_url(tmp_path: Path):
    path = tmp_path / "my feed.xml"
    path.write_bytes(FEED)
    for target in (str(path), path.as_uri()):
        result = fetch(target, Validators(), LIMITS)
        assert (result.status, result.body, result.not_modified) == (0, FEED, False)
        again = fetch(target, result.validators, LIMITS)
        assert again.not_modified and again.body is None


def test_local_file_errors(tmp_path: Path):
    with pytest.raises(FetchError, match="no such file"):
        fetch(str(tmp_path / "missing.xml"), Validators(), LIMITS)
    with pytest.raises(FetchError, match="is a directory"):
        fetch(str(tmp_path), Validators(), LIMITS)
    big = tmp_path / "big.xml"
    big.write_bytes(b" " * (LIMITS.max_bytes + 1))
    with pytest.raises(BodyTooLarge, match="file is over the 65,536-byte cap"):
        fetch(str(big), Validators(), LIMITS)


# --------------------------------------------------------------------------- fetch_many (mock transport)


def test_fetch_many_yields_every_job_and_never_raises():
    def handler(request):
        if request.url.path == "/boom":
            raise httpx.ConnectError("[Errno 111] Connection refused")
        if request.url.path == "/gone":
            return httpx.Response(410, stream=httpx.ByteStream(b""))
        return httpx.Response(200, stream=httpx.ByteStream(request.url.path.encode()))

    jobs = [(i, f"https://h{i % 3}.example.org/{path}", Validators()) for i, path in enumerate(["a", "boom", "gone", "b"])]
    with mock_client(handler) as client:
        outcomes = dict(fetch_many(jobs, LIMITS, client=client))
    assert set(outcomes) == {0, 1, 2, 3}
    assert outcomes[0].body == b"/a" and outcomes[3].body == b"/b"
    assert "connection refused" in str(outcomes[1]) and outcomes[2].status == 410


def test_fetch_many_turns_a_bug_into_a_failure(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("surprise")

    monkeypatch.setattr("tracker.fetch.fetch", broken)
    [(key, outcome)] = list(fetch_many([("k", "https://example.org/", Validators())], LIMITS))
    assert isinstance(outcome, FetchError) and "internal error while fetching (ValueError: surprise)" in str(outcome)


def test_fetch_many_with_no_jobs():
    assert list(fetch_many([], LIMITS)) == []


# --------------------------------------------------------------------------- the clock, on a real socket


def test_slow_drip_body_hits_the_total_timeout(feed_server):
    """One byte every 50 ms never trips a per-read timeout; the total deadline must."""
    limits = FetchLimits(connect_timeout=1, total_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
        fetch(feed_server.url("/slow/body?seconds=10"), Validators(), limits)
    assert time.monotonic() - started < 1.5


def test_slow_headers_hit_the_total_timeout(feed_server):
    limits = FetchLimits(connect_timeout=1, total_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
        fetch(feed_server.url("/slow/headers?seconds=10"), Validators(), limits)
    assert time.monotonic() - started < 1.5


def test_dripping_headers_hit_the_total_timeout(feed_server):
    """Before any response exists only the watchdog can stop this: every read returns within 50 ms."""
    limits = FetchLimits(connect_timeout=1, total_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s"):
        fetch(feed_server.url("/slow/header-drip?seconds=10"), Validators(), limits)
    assert time.monotonic() - started < 1.5


def test_dripping_headers_on_a_shared_client_after_another_fetch(feed_server):
    """Regression: a pooled connection reused here was not watched until its headers arrived (took 20 s)."""
    limits = FetchLimits(connect_timeout=1, total_timeout=0.5)
    with make_client(limits) as client:
        fetch(feed_server.url("/fixtures/good-rss.xml"), Validators(), limits, client)
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            fetch(feed_server.url("/slow/header-drip?seconds=10"), Validators(), limits, client)
    assert time.monotonic() - started < 1.5


def test_deadline_covers_a_redirect_chain(feed_server):
    """Each hop is quick, but together they pass the total."""
    feed_server.latency = 0.2
    limits = FetchLimits(connect_timeout=1, total_timeout=0.5, max_redirects=10)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(feed_server.url("/redirect/chain/8"), Validators(), limits)
    assert time.monotonic() - started < 1.5


def test_connection_refused_on_a_closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="connection refused"):
        fetch(f"http://127.0.0.1:{port}/feed", Validators(), LIMITS)


def test_shared_client_polls_conditionally(feed_server):
    with make_client(LIMITS) as client:
        first = fetch(feed_server.url("/conditional.xml"), Validators(), LIMITS, client)
        second = fetch(feed_server.url("/conditional.xml"), first.validators, LIMITS, client)
    assert first.status == 200 and second.status == 304 and second.not_modified


# --------------------------------------------------------------------------- fetch_many on a real server


def test_per_host_limit_is_respected(feed_server):
    jobs = [(i, feed_server.url(f"/gen/h{i}/3.xml?delay=0.15"), Validators()) for i in range(8)]
    outcomes = dict(fetch_many(jobs, LIMITS, max_workers=8, per_host=2))
    assert all(isinstance(o, FetchResult) for o in outcomes.values()) and len(outcomes) == 8
    assert feed_server.peak("/gen") == 2


def test_other_hosts_proceed_while_one_is_at_its_limit(feed_server):
    """127.0.0.1 and localhost are two host names for fetch_many: each gets its own two slots."""
    jobs = [(f"{host}{i}", feed_server.url(f"/gen/{host}{i}/3.xml?delay=0.15", host=host), Validators())
            for host in ("127.0.0.1", "localhost") for i in range(4)]
    outcomes = dict(fetch_many(jobs, LIMITS, max_workers=8, per_host=2))
    assert len(outcomes) == 8
    assert feed_server.peak("/gen") == 4  # two per host, both hosts at once


def test_stop_event_finishes_in_flight_and_submits_no_more(feed_server):
    stop = threading.Event()
    jobs = [(i, feed_server.url(f"/gen/s{i}/3.xml?delay=0.1"), Validators()) for i in range(20)]
    seen = []
    for key, outcome in fetch_many(jobs, LIMITS, max_workers=4, per_host=4, stop=stop):
        seen.append(key)
        assert isinstance(outcome, FetchResult)  # in-flight fetches complete normally
        stop.set()
    # at most the first four, plus those refilled as they finished, were ever started...
    assert 1 <= len(seen) <= 8
    # ...and every fetch that was started was yielded
    assert sum(feed_server.hits.values()) == len(seen)


def test_stop_set_before_the_batch_starts_nothing(feed_server):
    stop = threading.Event()
    stop.set()
    jobs = [(i, feed_server.url(f"/gen/t{i}/3.xml"), Validators()) for i in range(5)]
    assert list(fetch_many(jobs, LIMITS, stop=stop)) == []
    assert sum(feed_server.hits.values()) == 0


def test_consumer_stopping_early_cleans_up(feed_server):
    jobs = [(i, feed_server.url(f"/gen/c{i}/3.xml?delay=0.1"), Validators()) for i in range(20)]
    iterator = fetch_many(jobs, LIMITS, max_workers=4, per_host=4)
    next(iterator)
    assert fetch_threads() == 4
    iterator.close()  # waits for the in-flight fetches, starts no others
    assert sum(feed_server.hits.values()) <= 8
    assert fetch_threads() == 0


def fetch_threads() -> int:
    return sum(1 for thread in threading.enumerate() if thread.name.startswith("fetch"))


# --------------------------------------------------------------------------- backoff


NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
HOUR = timedelta(hours=1)


def test_success_is_every_plus_small_jitter():
    rng = random.Random(7)
    for _ in range(100):
        delay = next_poll_after_success(NOW, HOUR, rng) - NOW
        assert HOUR <= delay <= HOUR * 1.1


@pytest.mark.parametrize(
    ("errors", "low", "high"),
    [(1, 1, 1.25), (2, 2, 2.5), (3, 4, 5), (5, 16, 20), (6, 24, 24), (500, 24, 24), (0, 1, 1.25)],
)
def test_failure_backs_off_exponentially_up_to_the_cap(errors, low, high):
    rng = random.Random(errors)
    delay = next_poll_after_failure(NOW, HOUR, errors, None, rng) - NOW
    assert HOUR * low <= delay <= HOUR * high


def test_failure_jitter_differs_per_feed():
    delays = {next_poll_after_failure(NOW, HOUR, 3, None, random.Random(seed)) for seed in range(10)}
    assert len(delays) == 10


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [(7200.0, timedelta(hours=2)), (30 * 3600.0, timedelta(hours=30)), (10**9, timedelta(days=7))],
)
def test_retry_after_is_a_minimum(retry_after, expected):
    assert next_poll_after_failure(NOW, timedelta(minutes=5), 1, retry_after, random.Random(1)) - NOW == expected


def test_short_retry_after_does_not_shorten_the_backoff():
    delay = next_poll_after_failure(NOW, HOUR, 3, 10.0, random.Random(1)) - NOW
    assert delay >= 4 * HOUR


@pytest.mark.parametrize(
    ("errors", "limit", "status", "pause"),
    [(4, 5, 500, False), (5, 5, 500, True), (6, 5, None, True), (1, 5, 410, True), (100, 0, 500, False), (1, 0, 410, True)],
)
def test_should_pause(errors, limit, status, pause):
    assert should_pause(errors, limit, status) is pause


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("30m", 1800), ("2h", 7200), ("1d", 86400), ("1h30m", 5400), (" 1H 30M ", 5400), ("1w", 604800),
     ("1d2h3m4s", 93784)],
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("text", "message"),
    [("30", "use a number and a unit"), ("", "use a number and a unit"), ("1.5h", "use a number and a unit"),
     ("-5m", "use a number and a unit"), ("1h1h", "repeats a unit"), ("0m", "is zero"), ("99999999d", "too long"),
     ("half an hour", "e.g. 90s, 30m, 2h, 1h30m")],
)
def test_parse_duration_errors(text, message):
    with pytest.raises(InvalidValue, match=message):
        parse_duration(text)
