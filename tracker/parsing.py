"""Feed parsing in worker processes, beside the fetch threads.

feedparser is pure Python and CPU-bound: in one process it holds the GIL while
the same process stores items and matches them, so a first poll of many new
feeds used one core. With ``fetch.parse_processes`` above 0, the fetch threads
hand each body to a small pool of parser processes and wait for the parsed
items; the main process meanwhile stores and matches the feeds already parsed.
It also keeps feedparser's worst cases (a malformed 10 MB document can take
tens of seconds and a lot of memory) out of the daemon's own process.

The pool is process-wide, started on first use and reused by later cycles;
workers come from a ``forkserver`` that has already imported the parser, so a
worker starts in milliseconds, never inherits the daemon's threads, and does
not import the main script again (see :func:`_main_script_hidden`). If a
worker dies (say the kernel killed it for memory), the pool is replaced and the
feed parsed once more in the new pool; a second death fails that feed only.
With ``parse_processes = 0`` the fetch thread parses in-process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tracker.errors import FeedError
from tracker.feeds import ParsedFeed, parse_feed

log = logging.getLogger(__name__)

# Windows has no forkserver: there feeds are parsed in the fetch threads whatever the config says.
CAN_FORK_SERVE = "forkserver" in multiprocessing.get_all_start_methods()
_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def parse_body(body: bytes, headers: Mapping[str, str], url: str | None, processes: int) -> ParsedFeed:
    """:func:`tracker.feeds.parse_feed`, in a parser process when ``processes`` > 0.

    Raises FeedError like parse_feed does, and also when the parser process died twice.
    """
    if processes <= 0 or not CAN_FORK_SERVE:
        return parse_feed(body, headers, url)
    for attempt in (1, 2):
        pool = _get_pool(processes)
        try:
            return pool.submit(parse_feed, body, dict(headers), url).result()
        except BrokenProcessPool:
            _discard_pool(pool)
            log.warning("a feed parser process died while parsing %s (attempt %d)", url or "a feed", attempt)
    raise FeedError(f"{url or 'feed'}: not parsed: the parser process died twice (out of memory?)")


def start_parsers(processes: int) -> None:
    """Start the parser processes now (without waiting), so the first feed does not wait for them."""
    if processes > 0 and CAN_FORK_SERVE:
        _get_pool(processes)


def _get_pool(processes: int) -> ProcessPoolExecutor:
    global _pool, _pool_size
    with _lock:
        if _pool is None or _pool_size != processes:
            if _pool is not None:
                _pool.shutdown(wait=False)
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["tracker.feeds"])
            _pool = ProcessPoolExecutor(max_workers=processes, mp_context=context, initializer=_worker_setup,
                                        initargs=(os.getpid(),))
            _pool_size = processes
            with _main_script_hidden():
                for _ in range(processes):  # each submit starts a worker: all of them start now
                    _pool.submit(int)
        return _pool


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Start workers without the main script: multiprocessing would import it again in each of them.

    A worker only needs :mod:`tracker.feeds`; importing ``tracker``'s CLI (or a
    benchmark script, or pytest) into every parser process cost more CPU than the
    parsing it saves on a short poll.
    """
    main = sys.modules["__main__"]
    saved = {name: main.__dict__[name] for name in ("__file__", "__spec__") if name in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__spec__ = None
    try:
        yield
    finally:
        main.__dict__.update(saved)
        if "__spec__" not in saved:
            main.__dict__.pop("__spec__", None)


WATCH_SECONDS = 0.5
HAS_PROC = os.path.isdir("/proc/self")


def _worker_setup(parent: int) -> None:
    """In each worker: leave signals to the daemon, and exit when it is gone (say killed with SIGKILL).

    Ctrl-C and systemd's stop signal reach the whole process group; the daemon
    then finishes the feeds in flight, which still need their parser, so workers
    ignore them and exit once their parent has. multiprocessing stops its workers
    on a normal exit, but a killed daemon would leave them waiting for work
    forever, and with them the forkserver (each worker holds its "alive" pipe) and
    the daemon's log pipe they inherited.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)

    def watch() -> None:
        while process_alive(parent):
            time.sleep(WATCH_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (another user's counts); on Linux a killed process not reaped yet
    (a zombie) counts as gone: it holds no work and will never do any."""
    if HAS_PROC:
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
        except FileNotFoundError:
            return False
    try:  # no /proc (macOS): ask the kernel, which cannot tell a zombie
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _discard_pool(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """Stop the parser processes (they also stop when this process exits)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
