"""Search feeds follow the promises while the daemon runs (the cycle both `tracker poll` and the daemon use).

A promise saved after start-up gets its search feed in the next cycle, not at
the next restart; a decided one stops being searched; a reversed decision
resumes it. Real database, real loopback HTTP server; invented texts.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from tests.feedserver import Reply, feed_server  # noqa: F401 - pytest fixture
from tracker import clock, db, store
from tracker.config import Config
from tracker.intake import save_extraction
from tracker.models import Commitment, Feed
from tracker.pipeline import RETIRED, extract_source, poll, status_rules

TEXT = """date: 2025-02-10
source: Quayle Valley Herald

The Quayle Valley Council will open a covered market hall in Fennick by the end of 2026, the council said.
"""
EMPTY = '<?xml version="1.0"?><rss version="2.0"><channel><title>Search</title></channel></rss>'


def search_feeds(engine) -> list[tuple[str, bool, str | None]]:
    with db.read_session(engine) as session:
        return [(f.url, f.paused, f.last_warning) for f in session.scalars(select(Feed).where(Feed.role == "search"))]


def test_a_promise_saved_while_running_is_searched_next_cycle_and_retired_when_decided(db_url, tmp_path,
                                                                                      feed_server):
    feed_server.set_route("/search.xml", Reply(200, EMPTY.encode(), {"Content-Type": "application/rss+xml"}))
    config = Config()
    config.database.url = db_url
    config.search.templates = [feed_server.url("/search.xml") + "?q={query}"]
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    clock.set_as_of(dt.date(2025, 3, 1))
    try:
        poll(engine, config)  # the daemon is running; nothing to search yet
        assert search_feeds(engine) == []
        source = tmp_path / "market.txt"
        source.write_text(TEXT, encoding="utf-8")
        found, src, day = extract_source(str(source), config, published=None)
        with db.write_session(engine) as session:
            save_extraction(session, src, found.commitments, published=day, by="test", today=clock.today(),
                            rules=status_rules(config))
        poll(engine, config)  # the next tick: no restart in between
        feeds = search_feeds(engine)
        assert len(feeds) == 1 and not feeds[0][1]
        assert feed_server.hits["/search.xml"] >= 1, "the new search feed is polled in that cycle"
        with db.write_session(engine) as session:
            cid = session.scalar(select(Commitment.id))
            store.resolve(session, cid, "kept", on=clock.today(), by="editor")
        poll(engine, config)
        assert search_feeds(engine) == [(feeds[0][0], True, RETIRED)]
        with db.write_session(engine) as session:
            commitment = session.get(Commitment, cid)
            commitment.status_source, commitment.status = "auto", "pending"
        poll(engine, config)
        assert search_feeds(engine) == [(feeds[0][0], False, None)]
    finally:
        clock.set_as_of(None)
        engine.dispose()
