"""The pipeline steps that need no database: the config's rules, and one announcement read and extracted.

:mod:`tracker.pipeline` (the polling cycle) and the commands use these. They
live apart from it so that a command that only previews an announcement
(`tracker extract FILE`) or only reads the database (`tracker list`) imports
neither the database layer nor the feed stack (httpx, feedparser) with them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tracker import clock
from tracker.config import Config
from tracker.sources import SourceText, read_source
from tracker.status import StatusRules

if TYPE_CHECKING:
    from tracker.extract.extractor import Extraction
    from tracker.extract.deadlines import DeadlineConventions
    from tracker.fetch import FetchLimits


def status_rules(config: Config) -> StatusRules:
    """The status engine's date rules from the ``[status]`` config table."""
    return StatusRules(due_soon_days=config.status.due_soon_days, grace_days=config.status.grace_days)


def conventions(config: Config) -> DeadlineConventions:
    """The deadline conventions from the config's ``[deadlines]`` table."""
    from tracker.extract.deadlines import DeadlineConventions

    return DeadlineConventions.from_mapping(config.deadlines)


def fetch_limits(config: Config) -> FetchLimits:
    """The fetch limits from the ``[fetch]`` config table."""
    from tracker import USER_AGENT
    from tracker.fetch import FetchLimits

    f = config.fetch
    return FetchLimits(connect_timeout=f.connect_timeout, total_timeout=f.total_timeout,
                       max_redirects=f.max_redirects, max_bytes=f.max_bytes, user_agent=f.user_agent or USER_AGENT,
                       allow_private=f.allow_private_addresses)


def extract_source(spec: str, config: Config, *, published: dt.date | None = None,
                   default_actor: str | None = None,
                   include_conditional: bool = False) -> tuple[Extraction, SourceText, dt.date]:
    """Read SOURCE and extract its commitments; the date is --published, metadata, then today."""
    src = read_source(spec, limits=fetch_limits(config) if spec.startswith(("http://", "https://")) else None)
    day = published or src.published or clock.today()
    return extract_text(src, day, config, default_actor=default_actor,
                        include_conditional=include_conditional), src, day


def extract_text(src: SourceText, day: dt.date, config: Config, *, default_actor: str | None = None,
                 include_conditional: bool = False) -> Extraction:
    """Run the configured extractor (``extract.backend``) with the configured confidence thresholds.

    The publisher line names who "we" is; candidates below ``extract.min_confidence`` come back as
    proposals for the editor's queue, and everything left out comes back with its reason.
    """
    from tracker.extract.backends import get_backend

    backend = get_backend(config.extract.backend)
    return backend(src.text, day, default_actor=default_actor, publisher=src.publisher,
                   include_conditional=include_conditional, conventions=conventions(config),
                   min_confidence=config.extract.min_confidence, review_threshold=config.extract.review_threshold,
                   title=src.title)
