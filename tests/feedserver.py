"""A real HTTP server on loopback serving well-behaved and hostile feeds, for tests and benchmarks.

In a test, take the ``feed_server`` fixture (import it from this module)::

    from tests.feedserver import feed_server  # noqa: F401  (pytest finds the fixture by name)

    def test_something(feed_server):
        url = feed_server.url("/fixtures/good-rss.xml")

From a benchmark or a shell: ``FeedServer().start()`` / ``.stop()``, or
``python -m tests.feedserver --port 8800`` to serve until Ctrl-C.

Routes (all GET; ``?delay=S`` adds latency to any of them, as does ``server.latency``):

=============================  ==============================================================
/fixtures/<name>               a file of tests/fixtures/feeds, with ETag/Last-Modified; 304
                               when the validators match
/conditional.xml               a fixed feed that answers 304 to If-None-Match/If-Modified-Since
/changing.xml                  a different feed on every request (one more item each time)
/no-validators.xml             always the same body, no ETag, ignores validators
/status/<code>                 that status; ``?retry_after=V`` sets Retry-After to V
/slow/body?seconds=S           headers at once, then one byte every 0.05 s for S seconds
/slow/headers?seconds=S        waits S seconds before answering
/slow/header-drip?seconds=S    sends its status line and headers one byte every 0.05 s for S seconds
/big.xml?mb=N                  N MB (default 50) with Content-Length, generated while streaming
/big-unsized.xml?mb=N          the same without Content-Length (read until close)
/gzip-bomb.xml                 ~130 KB of gzip that inflates to 128 MB
/redirect/loop/a               302 to /redirect/loop/b, which 302s back to a
/redirect/chain/<n>            n 302 hops, then the good RSS fixture
/moved.xml, /moved-308.xml     301 / 308 to /fixtures/good-rss.xml
/moved-temp.xml                302 to /fixtures/good-rss.xml
/gen/<n>.xml                   a generated RSS feed of n items (deterministic, with ETag/304)
/gen/<name>/<n>.xml            the same with its own guids, for thousands of distinct feeds;
                               ``server.gen_round`` (or ``?round=R``) shifts items: one new
                               item per round, the oldest drops off; ``?noetag=1`` drops
                               validators
=============================  ==============================================================

``server.set_route(path, reply_or_handler)`` adds or overrides a route for one
test. The server counts requests per path (``hits``) and the peak number of
requests in flight per first path segment (``peak("/slow")``), which is how
the per-host limit of ``fetch_many`` is checked.
"""

from __future__ import annotations

import functools
import hashlib
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
DRIP_INTERVAL = 0.05
BOMB_MB = 128
FIXED_DATE = "Mon, 05 Jan 2026 10:00:00 GMT"
GEN_EPOCH = 1767225600  # 2026-01-01T00:00Z: generated item n is dated n minutes later
CONTENT_TYPES = {".xml": "application/rss+xml", ".atom": "application/atom+xml", ".html": "text/html; charset=utf-8",
                 ".json": "application/json", ".txt": "text/plain"}


@dataclass
class Reply:
    """What a route answers. ``body`` may be an iterable of chunks, streamed as generated."""

    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    length: int | None = None  # Content-Length for an iterable body; None streams until close


@dataclass
class Request:
    """The parts of a request a route looks at."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-cased names
    server: FeedServer


Handler = Callable[[Request], Reply]


class FeedServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 (random free port) running in a background thread."""

    def __init__(self, latency: float = 0.0):
        self.latency = latency
        self.gen_round = 0
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        self._routes: dict[str, Reply | Handler] = {}
        self._lock = threading.Lock()
        self._active: Counter[str] = Counter()
        self._peak: Counter[str] = Counter()
        self._changing = 0
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> FeedServer:
        """Bind a free loopback port and serve in a daemon thread."""
        self._httpd = _Server(("127.0.0.1", 0), _RequestHandler)
        self._httpd.feed_server = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name="feedserver", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; slow routes notice ``stopping`` and end their responses."""
        self.stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(timeout=5)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """Absolute URL of a path; ``host="localhost"`` gives a second host name for per-host tests."""
        return f"http://{host}:{self.port}{path}"

    # ---------------------------------------------------------------- configuration and stats

    def set_route(self, path: str, reply: Reply | Handler) -> None:
        """Serve ``reply`` (or call ``reply(request)``) for exactly ``path``, overriding built-ins."""
        self._routes[path] = reply

    def peak(self, prefix: str) -> int:
        """Most requests ever in flight at once under a first path segment such as "/slow"."""
        with self._lock:
            return self._peak[prefix]

    def reset_stats(self) -> None:
        with self._lock:
            self.hits.clear()
            self.requests.clear()
            self._peak.clear()

    # ---------------------------------------------------------------- dispatch

    def _enter(self, path: str, headers: dict[str, str]) -> Callable[[], None]:
        """Count a request in; returns the function that counts it out (safe to call twice)."""
        prefix = "/" + path.lstrip("/").split("/", 1)[0]
        with self._lock:
            self.hits[path] += 1
            self.requests.append((path, headers))
            self._active[prefix] += 1
            self._peak[prefix] = max(self._peak[prefix], self._active[prefix])
        left = threading.Event()

        def leave() -> None:
            with self._lock:
                if not left.is_set():
                    left.set()
                    self._active[prefix] -= 1

        return leave

    def _reply(self, request: Request) -> Reply:
        route = self._routes.get(request.path)
        if route is None:
            route = _builtin_route(request.path)
        if route is None:
            return Reply(404, b"no such route\n", {"Content-Type": "text/plain"})
        return route(request) if callable(route) else route

    def _next_changing(self) -> int:
        with self._lock:
            self._changing += 1
            return self._changing


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # benchmarks open many connections at once
    feed_server: FeedServer

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        """Clients hanging up mid-body is the point of several routes: stay quiet about it."""


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # idle keep-alive connections end instead of holding a thread
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        fs = self.server.feed_server
        parts = urlsplit(self.path)
        headers = {name.lower(): value for name, value in self.headers.items()}
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        leave = fs._enter(parts.path, headers)
        try:
            request = Request(parts.path, query, headers, fs)
            _sleep(fs.latency + float(query.get("delay", 0)), fs.stopping)
            if parts.path == "/slow/header-drip":
                return self.drip_headers(float(query.get("seconds", 30)), fs.stopping)
            self._send(fs._reply(request), leave)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
        finally:
            leave()

    def drip_headers(self, seconds: float, stopping: threading.Event) -> None:
        """Send an endless header block, one byte at a time: no single read ever waits long."""
        self.close_connection = True
        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
        for _ in range(int(seconds / DRIP_INTERVAL)):
            if stopping.wait(DRIP_INTERVAL):
                return
            self.wfile.write(b"a")
            self.wfile.flush()

    def _send(self, reply: Reply, leave: Callable[[], None]) -> None:
        """Write status, headers and body (an iterable body is streamed chunk by chunk).

        ``leave`` ends the request's "in flight" count just before the last bytes
        go out: after that the client may finish and start its next request, and
        counting it as still in flight would overstate concurrency.
        """
        self.send_response(reply.status)
        streamed = not isinstance(reply.body, bytes)
        length = reply.length if streamed else len(reply.body)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if length is not None:
            self.send_header("Content-Length", str(length))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        if length == 0:
            leave()
        self.end_headers()
        for chunk, last in _flag_last(reply.body if streamed else [reply.body]):
            if last and length is not None:
                leave()
            self.wfile.write(chunk)
            self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Silent: tests assert on ``hits``/``requests`` instead."""


def _flag_last(chunks: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """Each chunk with whether it is the last one."""
    iterator = iter(chunks)
    previous = next(iterator, None)
    for chunk in iterator:
        yield previous, False
        previous = chunk
    if previous is not None:
        yield previous, True


def _sleep(seconds: float, stopping: threading.Event) -> None:
    if seconds > 0:
        stopping.wait(seconds)


# --------------------------------------------------------------------------- built-in routes


def _builtin_route(path: str) -> Handler | None:
    """The handler for a built-in path, by exact match then by prefix."""
    if path in _EXACT:
        return _EXACT[path]
    for prefix, handler in _PREFIXES:
        if path.startswith(prefix):
            return handler
    return None


def _conditional(request: Request, body: bytes, content_type: str, etag: str, modified: str = FIXED_DATE) -> Reply:
    """200 with validators, or 304 when the request's validators match them."""
    validators = {"ETag": etag, "Last-Modified": modified}
    if request.headers.get("if-none-match") == etag or request.headers.get("if-modified-since") == modified:
        return Reply(304, b"", validators)
    return Reply(200, body, {"Content-Type": content_type, **validators})


def _fixture(request: Request) -> Reply:
    name = request.path.removeprefix("/fixtures/")
    path = FIXTURES / name
    if "/" in name or not path.is_file():
        return Reply(404, b"no such fixture\n")
    body = path.read_bytes()
    content_type = CONTENT_TYPES.get(path.suffix, "application/octet-stream")
    return _conditional(request, body, content_type, f'"{hashlib.sha256(body).hexdigest()[:16]}"')


def _conditional_feed(request: Request) -> Reply:
    return _conditional(request, rss_feed("conditional", range(3)), "application/rss+xml", '"v1"')


def _changing(request: Request) -> Reply:
    version = request.server._next_changing()
    return Reply(200, rss_feed("changing", range(version)), {"Content-Type": "application/rss+xml"})


def _no_validators(request: Request) -> Reply:
    return Reply(200, rss_feed("static", range(3)), {"Content-Type": "application/rss+xml"})


def _status(request: Request) -> Reply:
    code = int(request.path.rsplit("/", 1)[-1])
    headers = {"Content-Type": "text/plain"}
    if "retry_after" in request.query:
        headers["Retry-After"] = request.query["retry_after"]
    return Reply(code, f"status {code}\n".encode(), headers)


def _slow_body(request: Request) -> Reply:
    seconds = float(request.query.get("seconds", 30))
    count = int(seconds / DRIP_INTERVAL)
    return Reply(200, _drip(count, request.server.stopping), {"Content-Type": "application/rss+xml"}, length=count)


def _drip(count: int, stopping: threading.Event) -> Iterator[bytes]:
    for _ in range(count):
        if stopping.wait(DRIP_INTERVAL):
            return
        yield b" "


def _slow_headers(request: Request) -> Reply:
    _sleep(float(request.query.get("seconds", 30)), request.server.stopping)
    return Reply(200, rss_feed("slow", range(1)), {"Content-Type": "application/rss+xml"})


def _big(request: Request) -> Reply:
    size = int(float(request.query.get("mb", 50)) * 1024 * 1024)
    sized = not request.path.startswith("/big-unsized")
    return Reply(200, _filler(size), {"Content-Type": "application/rss+xml"}, length=size if sized else None)


def _filler(size: int, chunk: int = 64 * 1024) -> Iterator[bytes]:
    """``size`` bytes of XML-ish filler, generated as it is sent (never held in memory)."""
    block = b"<rss>" + b" " * (chunk - 5)
    sent = 0
    while sent < size:
        piece = block[: min(chunk, size - sent)]
        sent += len(piece)
        yield piece
        block = b" " * chunk


@functools.lru_cache(maxsize=1)
def gzip_bomb(megabytes: int = BOMB_MB) -> bytes:
    """Gzip of ``megabytes`` MB of spaces: about 1000x smaller than what it inflates to (built once)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1024 * 1024)
    return b"".join([packer.compress(block) for _ in range(megabytes)] + [packer.flush()])


def _gzip_bomb(request: Request) -> Reply:
    return Reply(200, gzip_bomb(), {"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})


def _redirect(status: int, location: str) -> Reply:
    return Reply(status, b"", {"Location": location})


def _loop(request: Request) -> Reply:
    other = "/redirect/loop/b" if request.path.endswith("/a") else "/redirect/loop/a"
    return _redirect(302, other)


def _chain(request: Request) -> Reply:
    hops = int(request.path.rsplit("/", 1)[-1])
    return _redirect(302, f"/redirect/chain/{hops - 1}" if hops > 1 else "/fixtures/good-rss.xml")


def _generated(request: Request) -> Reply:
    """/gen/<n>.xml or /gen/<name>/<n>.xml: n items, shifted by the round; ETag per round."""
    parts = request.path.removeprefix("/gen/").removesuffix(".xml").split("/")
    name, count = (parts[0], parts[-1]) if len(parts) == 2 else ("gen", parts[0])
    count = int(count)
    start = int(request.query.get("round", request.server.gen_round))
    body = rss_feed(name, range(start, start + count))
    if request.query.get("noetag"):
        return Reply(200, body, {"Content-Type": "application/rss+xml"})
    modified = formatdate(GEN_EPOCH + start * 60, usegmt=True)
    return _conditional(request, body, "application/rss+xml", f'"{name}-{count}-{start}"', modified)


_EXACT: dict[str, Handler] = {
    "/conditional.xml": _conditional_feed,
    "/changing.xml": _changing,
    "/no-validators.xml": _no_validators,
    "/slow/body": _slow_body,
    "/slow/headers": _slow_headers,
    "/big.xml": _big,
    "/big-unsized.xml": _big,
    "/gzip-bomb.xml": _gzip_bomb,
    "/moved.xml": lambda request: _redirect(301, "/fixtures/good-rss.xml"),
    "/moved-308.xml": lambda request: _redirect(308, "/fixtures/good-rss.xml"),
    "/moved-temp.xml": lambda request: _redirect(302, "/fixtures/good-rss.xml"),
}
_PREFIXES: list[tuple[str, Handler]] = [
    ("/fixtures/", _fixture),
    ("/status/", _status),
    ("/redirect/loop/", _loop),
    ("/redirect/chain/", _chain),
    ("/gen/", _generated),
]


# --------------------------------------------------------------------------- generated feeds


def rss_feed(name: str, numbers: Iterable[int]) -> bytes:
    """A deterministic RSS 2.0 feed: item i has guid urn:<name>:<i>, a link, a date and a summary.

    Items are newest first, as real feeds are; item i is dated i minutes after 2026-01-01.
    """
    items = [_rss_item(name, number) for number in sorted(numbers, reverse=True)]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>Generated feed {name}</title><link>https://example.org/{name}/</link>"
        f"<description>Deterministic test feed</description>{''.join(items)}</channel></rss>\n"
    ).encode()


def _rss_item(name: str, number: int) -> str:
    published = formatdate(GEN_EPOCH + number * 60, usegmt=True)
    return (
        f"<item><title>{name} item {number}</title><link>https://example.org/{name}/{number}</link>"
        f"<guid isPermaLink=\"false\">urn:{name}:{number}</guid><pubDate>{published}</pubDate>"
        f"<description>&lt;p&gt;The ministry of {name} promised to publish report {number} "
        f"by the end of the year.&lt;/p&gt;</description></item>"
    )


# --------------------------------------------------------------------------- pytest fixture and CLI


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A fresh FeedServer per test, stopped afterwards."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


def main() -> None:
    """Serve until interrupted: ``python -m tests.feedserver --port 8800 --latency 0.05``."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    server = FeedServer(latency=args.latency)
    server._httpd = _Server(("127.0.0.1", args.port), _RequestHandler)
    server._httpd.feed_server = server
    print(f"serving on http://127.0.0.1:{server.port}/ (Ctrl-C to stop)")
    try:
        server._httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server._httpd.server_close()


if __name__ == "__main__":
    main()
