"""The linked pages of announcement items: read concurrently, within a per-cycle time budget.

An announcement feed often carries only a teaser; the promise is on the page the
item links to. Those pages used to be read one after another with no limit, so
four items linking to a slow site held one poll for about 4 x 30 s. Now they are
fetched like feeds (:func:`tracker.fetch.fetch_many`: ``fetch.concurrency`` at
once, at most ``fetch.per_host`` per host) and every polling cycle may spend at
most ``fetch.page_budget`` seconds on them, all feeds together:

* a page fetch never runs past the budget (its timeout is cut to the time left);
* an item whose page did not fit (never started, or cut short by the budget) is
  *deferred*: the caller stores nothing of it this cycle and polls its feed again
  at the next one, so its page is read then;
* a page that fails on its own (404, not an article, a full timeout) is no reason
  to wait: the item is read from its summary, as before.

The links come from feed content, so they are fetched as untrusted URLs (no
private addresses unless ``fetch.allow_private_addresses``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from tracker.errors import FetchError, TrackerError
from tracker.sources import SourceText, read_url

if TYPE_CHECKING:
    import httpx

    from tracker.feeds import FeedItem
    from tracker.fetch import FetchLimits, Validators

log = logging.getLogger(__name__)
SUMMARY_WORDS = 60  # an announcement item shorter than this is a teaser: read the linked page


@dataclass
class PageBudget:
    """The time a cycle may still spend on linked pages; also the ``stop`` that fetch_many checks."""

    until: float  # time.monotonic() at which the budget runs out
    stop: threading.Event | None = None  # the cycle's own stop (SIGTERM)

    @classmethod
    def starting_now(cls, seconds: float, stop: threading.Event | None = None) -> PageBudget:
        return cls(time.monotonic() + seconds, stop)

    def left(self) -> float:
        """Seconds left; 0 once spent or once the cycle was asked to stop."""
        if self.stop is not None and self.stop.is_set():
            return 0.0
        return max(0.0, self.until - time.monotonic())

    def is_set(self) -> bool:
        return self.left() <= 0


@dataclass
class LinkedPages:
    """What reading one feed's linked pages gave: pages by item key, and the items that must wait."""

    pages: dict[str, SourceText] = field(default_factory=dict)
    deferred: set[str] = field(default_factory=set)


_DEFERRED = object()  # a job's answer when the budget, not the page, stopped it


def wants_page(item: FeedItem) -> bool:
    """Whether an announcement item is only a teaser with an http(s) link worth reading."""
    link = item.link or ""
    return len(item.text.split()) < SUMMARY_WORDS and link.startswith(("http://", "https://"))


def read_linked_pages(items: Sequence[FeedItem], limits: FetchLimits, budget: PageBudget, *,
                      concurrency: int, per_host: int) -> LinkedPages:
    """Read the pages of ``items`` (all wanting one) concurrently, within ``budget``.

    Example: read_linked_pages(teasers, fetch_limits(config), PageBudget.starting_now(60), concurrency=32,
    per_host=2)
    """
    from tracker.fetch import Validators, fetch_many

    result = LinkedPages()
    jobs = [(item.key, item.link, Validators()) for item in items]
    answered: set[str] = set()
    for key, outcome in fetch_many(jobs, limits, max_workers=concurrency, per_host=per_host,
                                   stop=budget, job=_reader(budget)):  # type: ignore[arg-type]  # duck-typed stop
        if outcome is _DEFERRED:
            continue
        answered.add(key)
        if isinstance(outcome, SourceText):
            result.pages[key] = outcome
        else:
            log.info("item %s: linked page not used (%s); reading its summary", key, outcome)
    result.deferred = {item.key for item in items} - answered  # never started, or cut short by the budget
    return result


def _reader(budget: PageBudget) -> Any:
    """The job each fetch thread runs: one page, with its timeout cut to the budget left."""

    def job(url: str, _previous: Validators, limits: FetchLimits, client: httpx.Client) -> object:
        left = budget.left()
        if left <= 0:
            return _DEFERRED
        cut = left < limits.total_timeout
        try:
            return read_url(url, replace(limits, total_timeout=min(limits.total_timeout, left)), untrusted=True,
                            client=client)
        except FetchError as exc:
            return _DEFERRED if cut and budget.left() <= 0 else exc  # cut short by the budget: try again later
        except TrackerError as exc:
            return exc
        except Exception as exc:  # noqa: BLE001 - a page that breaks the reader fails that page only
            log.exception("linked page %s: unexpected error while reading it", url)
            return exc

    return job
