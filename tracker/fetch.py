"""Fetching feeds and pages: every HTTP rule of the tracker, in one place.

The rules (style habit 6), each with the reason:

* Conditional GET with the stored ETag / Last-Modified; 304 means "not
  modified". A server that ignores validators is caught by the body's sha256:
  the same hash as last time is also "not modified", so nothing is re-parsed.
* Redirects are followed by hand, at most ``max_redirects``; a loop is an
  error that says so. When the chain starts with 301/308 the new URL is
  returned so the caller can update the stored feed URL.
* 410 Gone -> ``FetchError(status=410)``: the caller pauses the feed.
* 429 / 503 -> ``FetchError(retry_after=seconds)`` from Retry-After
  (delta-seconds or HTTP-date): the caller waits at least that long.
* Other 4xx/5xx -> ``FetchError(status=...)``; network trouble and timeouts ->
  ``FetchError`` with a short human message.
* Time: a connect timeout, and a *total* deadline for the whole fetch
  (redirects included). httpx's read timeout restarts on every chunk, so a
  server dripping a byte a second would never trip it; a watchdog timer shuts
  the socket when the total is up.
* Size: an over-cap Content-Length is refused before reading; the body is
  counted while streaming, and gzip/deflate are decoded here with bounded
  output, so a gzip bomb stops at the cap instead of inflating in memory.
* Politeness: a User-Agent naming the project and its URL; ``fetch_many``
  keeps at most ``per_host`` fetches per host in flight.
* Private addresses: a URL that comes from feed or page content (``untrusted``,
  such as an item's link) and every redirect target must not resolve to a
  loopback, private, link-local or otherwise non-public address, unless
  ``allow_private`` (``fetch.allow_private_addresses``) or the fetch started
  at such an address already (the user pointed the tracker there). A URL the
  user gave (a feed, ``extract URL``) may point anywhere. The host name is
  resolved before the request; DNS answers that change between that lookup and
  the connection are not caught.

Local paths and ``file://`` URLs are read with the same cap (status 0).
"""

from __future__ import annotations

import concurrent.futures as cf
import email.utils
import hashlib
import http
import ipaddress
import logging
import math
import socket
import ssl
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpx

from tracker import USER_AGENT
from tracker.errors import BodyTooLarge, FetchError

log = logging.getLogger(__name__)

K = TypeVar("K")

ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
ACCEPT_ENCODING = "gzip, deflate"  # only what _Inflater decodes with a bounded output
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
RETRY_LATER = frozenset({429, 503})
GONE = 410
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    """How long, how far and how much one fetch may take."""

    connect_timeout: float = 10
    total_timeout: float = 30
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str = USER_AGENT
    allow_private: bool = False  # may untrusted URLs and redirects reach loopback/private addresses?


@dataclass(frozen=True)
class Validators:
    """What the last fetch left behind, sent back to make the next one conditional."""

    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None  # sha256 hex of the last body


@dataclass(frozen=True)
class FetchResult:
    """One successful fetch: a new body, or word that nothing changed."""

    url: str  # final URL after redirects
    status: int  # 200, 304, or 0 for local files
    body: bytes | None  # None when not modified
    headers: dict[str, str]  # lower-cased names
    validators: Validators  # to store for the next conditional GET
    not_modified: bool  # 304, or the same body hash as last time
    permanent_redirect: str | None = None  # new URL when a 301/308 chain was followed


# --------------------------------------------------------------------------- public API


def make_client(limits: FetchLimits) -> httpx.Client:
    """A client to share across the fetches of a batch (one pool, one set of settings).

    Redirects are off because :func:`fetch` follows them itself (to count them,
    catch loops and notice permanent moves); every request also sets its own
    headers and timeouts, so any client works with :func:`fetch`. Connections
    are not kept alive: see :func:`_base_headers`.

    >>> make_client(FetchLimits()).follow_redirects
    False
    """
    return httpx.Client(
        headers=_base_headers(limits),
        timeout=httpx.Timeout(limits.total_timeout, connect=limits.connect_timeout),
        follow_redirects=False,
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=0),
        verify=_tls_context(),
    )


@lru_cache(maxsize=1)
def _tls_context() -> ssl.SSLContext:
    """The default TLS context (certificate checks on), made once: loading the CA bundle costs
    tens of milliseconds, and a daemon makes a client every cycle."""
    return httpx.create_ssl_context()


def fetch(
    url_or_path: str, previous: Validators, limits: FetchLimits, client: httpx.Client | None = None, *,
    untrusted: bool = False,
) -> FetchResult:
    """Fetch a feed by URL or local path, conditionally; raise FetchError/BodyTooLarge on failure.

    ``untrusted``: the URL came from feed or page content, so it is held to the private-address
    rule (see the module docstring) and may not be a local path.

    >>> fetch("tests/fixtures/feeds/good-rss.xml", Validators(), FetchLimits()).status
    0
    """
    problem = url_problem(url_or_path)
    if problem:
        raise FetchError(f"{url_or_path[:200]}: {problem}")
    scheme = urlsplit(url_or_path).scheme.lower()
    if untrusted and scheme not in ("http", "https"):
        raise FetchError(f"{url_or_path[:200]}: only http(s) links from feed content are fetched")
    if scheme in ("", "file") or len(scheme) == 1:  # a one-letter scheme is a Windows drive
        return _fetch_file(url_or_path, previous, limits)
    if scheme not in ("http", "https"):
        raise FetchError(f"{url_or_path}: unsupported URL scheme {scheme!r}: use http, https or a file path")
    if untrusted:
        _refuse_private(url_or_path, limits)
    if client is None:
        with make_client(limits) as own_client:
            return _fetch_http(url_or_path, previous, limits, own_client)
    return _fetch_http(url_or_path, previous, limits, client)


def url_problem(url: str) -> str | None:
    """Why an http(s) URL cannot be fetched as written (``http://[::1``: an unclosed IPv6 host, a bad
    port), or None. Other URLs and paths are not judged here.

    >>> url_problem("http://[::1")
    'invalid URL (Invalid IPv6 URL): check the host and port'
    >>> url_problem("https://example.org/feed") is None
    True
    """
    if not url.lower().startswith(("http://", "https://")):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError as exc:
        return f"invalid URL ({exc}): check the host and port"
    if not parts.hostname:
        return "invalid URL (no host): give http(s)://HOST/PATH"
    return None


def fetch_page(url: str, limits: FetchLimits, client: httpx.Client | None = None, *,
               untrusted: bool = False) -> FetchResult:
    """Fetch an article page (for the extractor) under the same limits, unconditionally.

    >>> fetch_page("https://example.org/news/1", FetchLimits()).body  # doctest: +SKIP
    """
    return fetch(url, Validators(), limits, client, untrusted=untrusted)


def fetch_many(
    jobs: Iterable[tuple[K, str, Validators]],
    limits: FetchLimits,
    *,
    max_workers: int = 8,
    per_host: int = 2,
    stop: threading.Event | None = None,
    client: httpx.Client | None = None,
    more: Callable[[], Iterable[tuple[K, str, Validators]]] | None = None,
    job: Callable[[str, Validators, FetchLimits, httpx.Client], Any] | None = None,
) -> Iterator[tuple[K, Any]]:
    """Fetch many feeds in threads, yielding ``(key, result or error)`` as each one finishes.

    One feed's failure is yielded, never raised. At most ``per_host`` fetches
    run at once against any host, and hosts take turns. When ``stop`` is set
    (say on SIGTERM) no more fetches start; those in flight finish and are
    yielded. If the consumer stops iterating, in-flight fetches finish and the
    threads are cleaned up when the generator is closed. Jobs never started
    are simply not yielded: they are still due next time.

    ``more``, when given, is called (in the consumer's thread) for further jobs
    whenever fewer than two rounds of work are waiting, until it returns none:
    the pipeline claims due feeds batch by batch this way without letting the
    fetch slots run dry between batches.

    ``job`` replaces what each thread runs (default :func:`fetch_one`), so a
    caller can do more with a result in the thread that fetched it, such as
    parse it; it must return failures as values, as fetch_one does.

    >>> for feed_id, outcome in fetch_many([(1, url, Validators())], FetchLimits()): ...  # doctest: +SKIP
    """
    queue = _HostQueue(jobs, per_host)
    own_client = client is None
    client = client or make_client(limits)
    pool = cf.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="fetch")
    running: dict[cf.Future, tuple[K, str]] = {}
    try:
        more = _refill(queue, more, 2 * max_workers, stop)
        work = job or fetch_one
        _submit_ready(queue, pool, running, max_workers, stop, limits, client, work)
        while running:
            done, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            finished = [(running.pop(future), future.result()) for future in done]
            for (_, host), _ in finished:
                queue.release(host)
            # refill before yielding, so workers stay busy while the consumer stores these results
            more = _refill(queue, more, 2 * max_workers, stop)
            _submit_ready(queue, pool, running, max_workers, stop, limits, client, work)
            for (key, _), outcome in finished:
                yield key, outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if own_client:
            client.close()


# --------------------------------------------------------------------------- fetch_many helpers


def _refill(queue: _HostQueue, more: Callable[[], Iterable[Any]] | None, low: int,
            stop: threading.Event | None) -> Callable[[], Iterable[Any]] | None:
    """Ask ``more`` for jobs while fewer than ``low`` wait; returns None once it has run dry."""
    while more is not None and len(queue) < low and not (stop is not None and stop.is_set()):
        jobs = list(more())
        if not jobs:
            return None
        queue.add(jobs)
    return more


def _submit_ready(
    queue: _HostQueue,
    pool: cf.ThreadPoolExecutor,
    running: dict[cf.Future, tuple[Any, str]],
    max_workers: int,
    stop: threading.Event | None,
    limits: FetchLimits,
    client: httpx.Client,
    work: Callable[[str, Validators, FetchLimits, httpx.Client], Any],
) -> None:
    """Start jobs while workers are free, their hosts have room, and no stop was asked."""
    while len(running) < max_workers and not (stop is not None and stop.is_set()):
        job = queue.pop()
        if job is None:
            return
        key, url, validators = job
        running[pool.submit(work, url, validators, limits, client)] = (key, _host(url))


def fetch_one(url: str, previous: Validators, limits: FetchLimits, client: httpx.Client) -> FetchResult | FetchError:
    """Run one fetch in a worker; any failure comes back as a value so the batch goes on."""
    try:
        return fetch(url, previous, limits, client)
    except FetchError as exc:
        return exc
    except Exception as exc:  # a bug must not stop the other feeds: log it, report it as a failure
        log.exception("unexpected error fetching %s", url)
        return FetchError(f"{url}: internal error while fetching ({type(exc).__name__}: {_one_line(str(exc))})")


def _host(url: str) -> str:
    """The politeness key: the host name, or "" for local files."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


class _HostQueue:
    """Jobs grouped by host, handed out round-robin so no host has more than ``per_host`` in flight."""

    def __init__(self, jobs: Iterable[tuple[Any, str, Validators]], per_host: int):
        self._per_host = max(1, per_host)
        self._waiting: dict[str, deque] = {}
        self._busy: dict[str, int] = {}
        self._turns: deque[str] = deque()  # hosts that may be able to start a job
        self._count = 0
        self.add(jobs)

    def __len__(self) -> int:
        """Jobs waiting (not started)."""
        return self._count

    def add(self, jobs: Iterable[tuple[Any, str, Validators]]) -> None:
        """Queue more jobs; a host that was idle gets a turn."""
        for job in jobs:
            host = _host(job[1])
            if host not in self._waiting:
                self._waiting[host] = deque()
                self._busy.setdefault(host, 0)
                if self._busy[host] < self._per_host:
                    self._turns.append(host)
            self._waiting[host].append(job)
            self._count += 1

    def pop(self) -> tuple[Any, str, Validators] | None:
        """The next job whose host has room, or None when every waiting host is busy."""
        while self._turns:
            host = self._turns.popleft()
            waiting = self._waiting.get(host)
            if not waiting or self._busy[host] >= self._per_host:
                continue
            self._busy[host] += 1
            self._count -= 1
            job = waiting.popleft()
            if not waiting:
                del self._waiting[host]
            elif self._busy[host] < self._per_host:
                self._turns.append(host)
            return job
        return None

    def release(self, host: str) -> None:
        """A job for ``host`` finished: give the host its turn again if it has more."""
        self._busy[host] -= 1
        if host in self._waiting:
            self._turns.append(host)


# --------------------------------------------------------------------------- HTTP


def _base_headers(limits: FetchLimits) -> dict[str, str]:
    """Headers on every request: who we are, what we want, what we can decode safely.

    ``Connection: close`` gives every fetch a fresh connection, whose socket the
    deadline watchdog sees from the start. On a connection reused from the pool
    nothing would be watching until the response headers arrived, and a server
    dripping its headers could hold a worker for ever (seen in the hostile suite).
    """
    return {"User-Agent": limits.user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING,
            "Connection": "close"}


def _request_headers(previous: Validators, limits: FetchLimits) -> dict[str, str]:
    """The base headers plus the validators that make the GET conditional."""
    headers = _base_headers(limits)
    if previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified
    return headers


def _fetch_http(url: str, previous: Validators, limits: FetchLimits, client: httpx.Client) -> FetchResult:
    """Follow redirects by hand under one total deadline: count them, catch loops, note permanent moves."""
    seen = [url]
    moved_to: str | None = None
    still_permanent = True
    guarded: bool | None = None  # must redirects stay public? (asked at the first redirect)
    with _Deadline(limits.total_timeout) as deadline:
        for _ in range(limits.max_redirects + 1):
            outcome = _get(url, previous, limits, client, deadline)
            if isinstance(outcome, FetchResult):
                return replace(outcome, permanent_redirect=moved_to)
            status, url = outcome
            still_permanent = still_permanent and status in PERMANENT_REDIRECTS
            moved_to = url if still_permanent else moved_to
            if url in seen:
                raise FetchError(f"{seen[0]}: redirect loop ({' -> '.join([*seen, url])})")
            if guarded is None:
                guarded = not limits.allow_private and _private_address(seen[0]) is None
            if guarded:
                _refuse_private(url, limits, via=seen[0])  # a public server may not send us inside
            seen.append(url)
    raise FetchError(f"{seen[0]}: too many redirects (more than {limits.max_redirects}), last to {url}")


def _get(
    url: str, previous: Validators, limits: FetchLimits, client: httpx.Client, deadline: _Deadline
) -> FetchResult | tuple[int, str]:
    """One GET: a result, or ``(status, next_url)`` for a redirect; httpx errors become FetchError."""
    try:
        request = client.build_request(
            "GET", url, headers=_request_headers(previous, limits),
            timeout=deadline.timeout(limits), extensions={"trace": deadline.trace},
        )
        response = client.send(request, stream=True, follow_redirects=False)
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: invalid URL ({_one_line(str(exc))})") from None
    except httpx.HTTPError as exc:
        raise _network_error(exc, url, limits, deadline) from None
    try:
        deadline.watch(response)
        return _handle(response, url, previous, limits, deadline)
    except httpx.HTTPError as exc:
        raise _network_error(exc, url, limits, deadline) from None
    finally:
        response.close()


def _handle(
    response: httpx.Response, url: str, previous: Validators, limits: FetchLimits, deadline: _Deadline
) -> FetchResult | tuple[int, str]:
    """Apply the status rules to one response, reading the body only for a 2xx."""
    status = response.status_code
    headers = {name.lower(): value for name, value in response.headers.items()}
    if status in REDIRECTS:
        return status, _redirect_target(response, url)
    _raise_for_status(status, headers, url)
    if status == 304:
        return _not_modified(url, headers, previous)
    body = _read_capped(response, url, limits, deadline)
    return _body_result(url, status, headers, body, previous)


def _private_address(url: str) -> str | None:
    """The first non-public address the URL's host resolves to, or None (also when it does not resolve).

    >>> [_private_address(u) for u in ("http://127.0.0.1:8080/x", "http://[::1]/", "http://8.8.8.8/")]
    ['127.0.0.1', '::1', None]
    """
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            return None  # the request will fail with "host not found"
        addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    for address in addresses:
        if not address.is_global or address.is_multicast:
            return str(address)
    return None


def _refuse_private(url: str, limits: FetchLimits, via: str | None = None) -> None:
    """FetchError when ``url`` leads to a non-public address and ``allow_private`` is off."""
    if limits.allow_private:
        return
    address = _private_address(url)
    if address is not None:
        how = f"redirect from {via} to {url[:200]}" if via else url[:200]
        raise FetchError(f"{how}: refused: it leads to the non-public address {address} (set "
                         "fetch.allow_private_addresses = true to allow links and redirects into your network)")


def _redirect_target(response: httpx.Response, url: str) -> str:
    """The absolute URL a redirect points to."""
    location = response.headers.get("location", "").strip()
    if not location:
        status = response.status_code
        raise FetchError(f"{url}: {status} redirect without a Location header", status=status)
    try:
        target = response.url.join(location)
    except httpx.InvalidURL:
        raise FetchError(f"{url}: redirect to an invalid URL {location[:200]!r}") from None
    if target.scheme not in ("http", "https"):  # never let a server point us at file:// or the like
        raise FetchError(f"{url}: redirect to a non-HTTP URL refused ({location[:200]})")
    return str(target)


def _raise_for_status(status: int, headers: dict[str, str], url: str) -> None:
    """410, 429/503 (with Retry-After) and every other non-success status become FetchError."""
    if 200 <= status < 300 or status == 304:
        return
    label = f"{status} {_phrase(status)}".rstrip()
    if status in RETRY_LATER:
        wait = parse_retry_after(headers.get("retry-after"))
        hint = f": retry after {wait:.0f} s" if wait is not None else ""
        raise FetchError(f"{url}: server answered {label}{hint}", status=status, retry_after=wait)
    if status == GONE:
        raise FetchError(f"{url}: server answered {label}: the feed was removed", status=status)
    raise FetchError(f"{url}: server answered {label}", status=status)


def _phrase(status: int) -> str:
    """The standard reason phrase (the server's own is not trusted to be short or printable)."""
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent or unreadable.

    >>> parse_retry_after("120"), parse_retry_after("soon")
    (120.0, None)
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        return _seconds_until(value, now)
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def _seconds_until(http_date: str, now: datetime | None) -> float | None:
    """Seconds from now until an HTTP-date, never negative; None when it is not a date."""
    try:
        when = email.utils.parsedate_to_datetime(http_date)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def _not_modified(url: str, headers: dict[str, str], previous: Validators) -> FetchResult:
    """A 304: keep the stored validators, updated by any the server sent again."""
    validators = Validators(
        etag=headers.get("etag") or previous.etag,
        last_modified=headers.get("last-modified") or previous.last_modified,
        content_hash=previous.content_hash,
    )
    return FetchResult(url, 304, None, headers, validators, True)


def _body_result(url: str, status: int, headers: dict[str, str], body: bytes, previous: Validators) -> FetchResult:
    """A fetched body; the same hash as last time counts as not modified (the server ignored validators)."""
    digest = hashlib.sha256(body).hexdigest()
    unchanged = digest == previous.content_hash
    validators = Validators(headers.get("etag"), headers.get("last-modified"), digest)
    return FetchResult(url, status, None if unchanged else body, headers, validators, unchanged)


def _read_capped(response: httpx.Response, url: str, limits: FetchLimits, deadline: _Deadline) -> bytes:
    """Read the (decoded) body, refusing it as soon as it passes the cap or the deadline."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limits.max_bytes:
        cap = f"{limits.max_bytes:,}-byte cap"
        raise BodyTooLarge(f"{url}: body is {int(declared):,} bytes, over the {cap}", status=response.status_code)
    inflater = _Inflater.for_encoding(response.headers.get("content-encoding", ""), url)
    parts: list[bytes] = []
    size = 0
    for raw in response.iter_raw(CHUNK):
        deadline.check(url)
        piece = inflater.decode(raw, limits.max_bytes - size + 1)
        size += len(piece)
        if size > limits.max_bytes:
            cap = f"{limits.max_bytes:,}-byte cap{inflater.note}"
            raise BodyTooLarge(f"{url}: body is over the {cap}", status=response.status_code)
        parts.append(piece)
    deadline.check(url)  # a socket shut by the watchdog can look like a clean end of body
    return b"".join(parts)


class _Inflater:
    """gzip/deflate decoding that never yields more than asked: a bomb stops at the cap, not in memory.

    httpx's own decoders inflate a whole network chunk at once (about 1000x
    for zeros), so the body is read raw and decoded here with ``max_length``.
    """

    def __init__(self, encoding: str, url: str):
        self.encoding = encoding
        self.note = f" after {encoding} decompression" if encoding else ""
        self._url = url
        self._may_switch_to_raw = encoding == "deflate"
        wbits = 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS  # gzip header, else zlib header
        self._z = zlib.decompressobj(wbits) if encoding else None

    @classmethod
    def for_encoding(cls, header: str, url: str) -> _Inflater:
        """Pick the decoder for a Content-Encoding header, refusing ones we did not ask for."""
        codings = [c.strip().lower() for c in header.split(",") if c.strip().lower() not in ("", "identity")]
        codings = ["gzip" if c == "x-gzip" else c for c in codings]
        if not codings:
            return cls("", url)
        if len(codings) == 1 and codings[0] in ("gzip", "deflate"):
            return cls(codings[0], url)
        raise FetchError(f"{url}: unsupported Content-Encoding {header.strip()[:60]!r} (asked for {ACCEPT_ENCODING})")

    def decode(self, data: bytes, limit: int) -> bytes:
        """Decode one raw chunk into at most ``limit`` bytes (more input than that is left unread)."""
        if self._z is None:
            return data
        try:
            out = self._z.decompress(data, limit)
        except zlib.error as exc:
            if self._may_switch_to_raw:  # many servers send "deflate" without the zlib header
                self._may_switch_to_raw = False
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                return self.decode(data, limit)
            raise FetchError(f"{self._url}: could not decompress the {self.encoding} body ({exc})") from None
        self._may_switch_to_raw = False  # only the first chunk can tell which kind of deflate it is
        return out


class _Deadline:
    """The total time allowed for one fetch, redirects included, enforced on the socket.

    httpx's read timeout restarts with every chunk, so a server dripping one
    byte a second never trips it. This timer shuts down the sockets the fetch
    uses once time is up, which wakes a blocked read at once.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._ends = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()
        with self._lock:
            self._sockets.clear()

    def timeout(self, limits: FetchLimits) -> httpx.Timeout:
        """httpx timeouts for the next request: never longer than the time left."""
        left = max(0.001, self._ends - time.monotonic())
        return httpx.Timeout(left, connect=min(limits.connect_timeout, left))

    def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore trace hook: watch each new connection's socket as soon as it exists."""
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            self._watch_stream(info.get("return_value"))

    def watch(self, response: httpx.Response) -> None:
        """Watch the socket of a response too (a caller's client may reuse a pooled connection)."""
        self._watch_stream(response.extensions.get("network_stream"))

    def check(self, url: str) -> None:
        """Raise the timeout error if the deadline has passed."""
        if self.expired or time.monotonic() > self._ends:
            raise FetchError(f"{url}: timed out after {self.seconds:g} s")

    def _watch_stream(self, stream: Any) -> None:
        sock = stream.get_extra_info("socket") if stream is not None else None
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    """Shut a socket both ways; it may already be closed, which is fine."""
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _network_error(exc: Exception, url: str, limits: FetchLimits, deadline: _Deadline) -> FetchError:
    """Turn an httpx exception into one short line a person can act on."""
    if deadline.expired or isinstance(exc, (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout)):
        return FetchError(f"{url}: timed out after {limits.total_timeout:g} s")
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(f"{url}: could not connect within {limits.connect_timeout:g} s")
    detail = _one_line(str(exc)) or type(exc).__name__
    if isinstance(exc, httpx.ConnectError):
        return FetchError(f"{url}: {_connect_problem(detail)}")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError(f"{url}: unsupported URL ({detail})")
    if isinstance(exc, httpx.RemoteProtocolError):
        return FetchError(f"{url}: the server broke the HTTP protocol ({detail})")
    if isinstance(exc, (httpx.ReadError, httpx.WriteError)):
        return FetchError(f"{url}: connection lost ({detail})")
    return FetchError(f"{url}: {type(exc).__name__} ({detail})")


def _connect_problem(detail: str) -> str:
    """Name the usual reasons a connection fails in plain words."""
    lowered = detail.lower()
    if "refused" in lowered:
        return "connection refused"
    if any(s in lowered for s in _DNS_FAILURES):
        return "host not found"
    if "ssl" in lowered or "certificate" in lowered:
        return f"TLS error ({detail})"
    if "unreachable" in lowered:
        return "network unreachable"
    return f"could not connect ({detail})"


_DNS_FAILURES = ("name or service not known", "nodename nor servname", "name resolution", "getaddrinfo")


def _one_line(text: str, limit: int = 200) -> str:
    """Fold whitespace and shorten, so a message stays on one line."""
    folded = " ".join(text.split())
    return folded if len(folded) <= limit else folded[: limit - 1] + "…"


# --------------------------------------------------------------------------- local files


def _fetch_file(target: str, previous: Validators, limits: FetchLimits) -> FetchResult:
    """Read a local feed with the same size cap; status 0 and hash-based not_modified."""
    path = _local_path(target)
    try:
        with path.open("rb") as handle:
            body = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise FetchError(f"{target}: no such file") from None
    except IsADirectoryError:
        raise FetchError(f"{target}: is a directory, not a feed file") from None
    except OSError as exc:
        raise FetchError(f"{target}: cannot read the file ({exc.strerror or exc})") from None
    if len(body) > limits.max_bytes:
        raise BodyTooLarge(f"{target}: file is over the {limits.max_bytes:,}-byte cap")
    return _body_result(target, 0, {}, body, previous)


def _local_path(target: str) -> Path:
    """A path from a plain path or a file:// URL."""
    parts = urlsplit(target)
    if parts.scheme.lower() != "file":
        return Path(target).expanduser()
    if parts.netloc not in ("", "localhost"):
        raise FetchError(f"{target}: file URLs on another host are not supported")
    return Path(url2pathname(parts.path))  # url2pathname also undoes %-escapes
