"""Loopback feed servers in a process of their own, for the benchmarks.

Real feed servers are other machines: their CPU is not the tracker's. Running the
test servers (``tests/feedserver.py``) in the benchmark's own process made the
tracker's threads and the servers' handler threads compete for one GIL, so the
figures charged the tracker for the servers' work. Here they run in a child
process, one server per loopback host name (127.0.0.1, 127.0.0.2, ...), and the
benchmark steers them over a control server without latency:

    GET /rounds?round=R&paths=/gen/a/10.xml,/gen/b/10.xml   serve those feeds shifted to round R
    GET /latency?seconds=0.1                                 latency added to every feed response

The child prints one JSON line ``{"control": url, "hosts": [url, ...]}`` and serves
until its stdin closes (so it never outlives the benchmark).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import functools
import json
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

import tests.feedserver  # noqa: E402
from tests.feedserver import FeedServer, Reply, Request, _generated, _RequestHandler, _Server  # noqa: E402

# Serve generated feeds like static files: each body is built once, not on every request
# (building one took the farm more CPU than the tracker spends on it).
tests.feedserver.rss_feed = functools.lru_cache(maxsize=8192)(tests.feedserver.rss_feed)

ROUNDS: dict[str, int] = {}  # feed path -> round served (the child's state)


class HostServer(FeedServer):
    """A feed server bound to one loopback address; /gen/ feeds are served at their path's round."""

    def __init__(self, host: str, latency: float = 0.0):
        super().__init__(latency)
        self.host = host

    def start(self) -> HostServer:
        self._httpd = _Server((self.host, 0), _RequestHandler)
        self._httpd.feed_server = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        return self

    def url(self, path: str = "", host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.port}{path}"

    def _reply(self, request: Request) -> Reply:
        if request.path.startswith("/gen/"):
            query = {**request.query, "round": str(ROUNDS.get(request.path, 0))}
            return _generated(Request(request.path, query, request.headers, self))
        return super()._reply(request)

    def _enter(self, path: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
        """No per-request bookkeeping: the benchmarks send hundreds of thousands of requests."""
        return lambda: None


class ControlServer(HostServer):
    """Sets rounds and latency for the feed servers."""

    def __init__(self, feeds: list[HostServer]):
        super().__init__("127.0.0.1")
        self.feeds = feeds

    def _reply(self, request: Request) -> Reply:
        if request.path == "/rounds":
            number = int(request.query["round"])
            ROUNDS.update((path, number) for path in request.query.get("paths", "").split(",") if path)
        elif request.path == "/latency":
            for server in self.feeds:
                server.latency = float(request.query["seconds"])
        else:
            return Reply(404, b"no such control\n")
        return Reply(200, b"ok\n", {"Content-Type": "text/plain"})


class Farm:
    """The benchmark's handle on the child process: feed URLs and the two controls."""

    def __init__(self, control: str, hosts: list[str]):
        self.control, self.hosts = control, hosts

    def url(self, index: int, path: str) -> str:
        """The URL of ``path`` on host ``index`` (hosts taken round-robin)."""
        return self.hosts[index % len(self.hosts)] + path

    def set_rounds(self, rounds: dict[str, int]) -> None:
        by_round: dict[int, list[str]] = {}
        for path, number in rounds.items():
            by_round.setdefault(number, []).append(path)
        for number, paths in by_round.items():
            for start in range(0, len(paths), 200):
                self._get("/rounds", round=number, paths=",".join(paths[start:start + 200]))

    def warm(self, urls: list[str]) -> None:
        """Request every URL once, so the farm has built their bodies before anything is timed."""
        def get(url: str) -> None:
            with urllib.request.urlopen(url, timeout=30) as reply:
                reply.read()

        with cf.ThreadPoolExecutor(16) as pool:
            list(pool.map(get, urls))

    def set_latency(self, seconds: float) -> None:
        self._get("/latency", seconds=seconds)

    def _get(self, path: str, **query: object) -> None:
        with urllib.request.urlopen(f"{self.control}{path}?{urllib.parse.urlencode(query)}", timeout=10) as reply:
            reply.read()


@contextmanager
def farm(hosts: int, latency: float = 0.0) -> Iterator[Farm]:
    """Start ``hosts`` feed servers in a child process; stop them on exit."""
    proc = subprocess.Popen([sys.executable, str(Path(__file__)), "--hosts", str(hosts), "--latency", str(latency)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        ready = json.loads(proc.stdout.readline() or "{}")  # type: ignore[union-attr]
        if "control" not in ready:
            raise RuntimeError("the feed farm did not start (see its error above)")
        yield Farm(ready["control"], ready["hosts"])
    finally:
        proc.stdin.close()  # type: ignore[union-attr]
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description="feed servers for the benchmarks (started by benchmarks/run.py)")
    parser.add_argument("--hosts", type=int, default=1)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()
    feeds = [HostServer(f"127.0.0.{i + 1}", args.latency).start() for i in range(args.hosts)]
    control = ControlServer(feeds).start()
    print(json.dumps({"control": control.url(), "hosts": [server.url() for server in feeds]}), flush=True)
    sys.stdin.read()  # until the benchmark closes our stdin (or exits)
    for server in [*feeds, control]:
        server.stop()


if __name__ == "__main__":
    main()
