"""The daemon re-renders the status page after feed evidence changes a status."""

from __future__ import annotations

import signal
import time

import pytest

from tests.clihelp import ok
from tests.feedserver import Reply, feed_server  # noqa: F401 - pytest fixture
from tests.test_daemon import start, stop

pytestmark = pytest.mark.slow

ITEM = ("<item><title>Harbour Council opens the ferry terminal</title><link>https://news.example.org/t</link>"
        "<guid isPermaLink=\"false\">t-1</guid><pubDate>Mon, 04 May 2026 09:00:00 +0000</pubDate>"
        "<description>The Harbour Council opened the new ferry terminal on Monday, two months early."
        "</description></item>")


def test_daemon_renders_the_site_after_evidence(tmp_path, feed_server):
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{ITEM}</channel></rss>'
    feed_server.set_route("/news.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    site = tmp_path / "site"
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "tracker.db"}"\n[daemon]\ntick = "1s"\n'
        f'[fetch]\narchive_evidence_pages = false\n[report]\nout_dir = "{site}"\n'
        f'[[feeds]]\nurl = "{feed_server.url("/news.xml")}"\nname = "news"\n', encoding="utf-8")
    ok("db", "upgrade")
    ok("--as-of", "2026-01-10", "add", "--actor", "Harbour Council", "--text", "open the new ferry terminal",
       "--due", "2026-06-30", "--stated", "2026-01-10")
    proc = start(tmp_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (site / "c" / "1.html").is_file():
        time.sleep(0.2)
    code, err = stop(proc, signal.SIGTERM)
    assert code == 0, err
    page = (site / "c" / "1.html").read_text(encoding="utf-8")
    assert "Kept" in page and "Harbour Council opens the ferry terminal" in page
    assert "report:" in err


def test_the_site_is_rendered_while_every_short_tick_brings_changes(tmp_path, feed_server):
    """Issue 14: with daemon.tick under 5 s and changes every cycle, each change pushed the pending render
    back by 5 s, so the site was never rendered (0 renders in 60 cycles)."""
    served = []
    towns = [a + b for b in ("brook", "field", "ford", "mere", "stead", "wick") for a in ("Alder", "Birch", "Cedar",
                                                                                        "Dale", "Elm", "Fern")]

    def announcements(request):  # one new announcement, by a new actor, on every poll
        served.append(towns[len(served) % len(towns)])
        items = "".join(
            f'<item><title>{town} plans a library</title><guid isPermaLink="false">plan-{town}</guid>'
            f"<pubDate>Mon, 04 May 2026 09:00:00 +0000</pubDate><description>The {town} Town Council will open a "
            f"public library on Mill Street by the end of 2027, its mayor said on Monday.</description></item>"
            for town in served)
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Plans</title>{items}</channel></rss>'
        return Reply(200, body.encode(), {"Content-Type": "application/rss+xml"})

    feed_server.set_route("/plans.xml", announcements)
    site = tmp_path / "site"
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "sqlite:///{tmp_path / "tracker.db"}"\n[daemon]\ntick = "1s"\n'
        f'[report]\nout_dir = "{site}"\n'
        f'[[feeds]]\nurl = "{feed_server.url("/plans.xml")}"\nname = "plans"\nrole = "announcements"\n'
        'every = "1s"\n', encoding="utf-8")
    ok("db", "upgrade")
    proc = start(tmp_path)
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline and not (site / "index.html").is_file():
        time.sleep(0.2)
    rendered_while_changing = (site / "index.html").is_file()
    polls_before_render = len(served)
    code, err = stop(proc, signal.SIGTERM)
    assert code == 0, err
    assert rendered_while_changing, f"no render in {polls_before_render} polls, each with a new commitment"
    assert polls_before_render >= 2, "changes kept coming while the render waited"
    assert "report:" in err


def test_render_includes_what_another_process_changed_since_the_last_render(sqlite_url):
    """An editor's `tracker resolve` from the CLI while the daemon runs reaches the next incremental render."""
    import datetime as dt

    from sqlalchemy import update

    from tracker import db, store
    from tracker.config import Config
    from tracker.daemon import RENDER_SLACK, DaemonState, _changed_for_render
    from tracker.models import Commitment, StatusChange
    from tracker.status import StatusRules

    engine = db.make_engine(sqlite_url)
    db.upgrade(engine)
    today = dt.date(2026, 3, 1)
    with db.write_session(engine) as session:
        ids = [store.add_commitment(session, store.NewCommitment(actor="Harbour Council", what=what,
                                                                 stated_on=dt.date(2026, 1, 5)),
                                    by="test", today=today, rules=StatusRules()).id
               for what in ("open the ferry terminal", "dredge the north channel")]
        past = dt.datetime.now(dt.timezone.utc) - 3 * RENDER_SLACK  # both were stored long before the render
        session.execute(update(Commitment).values(updated_at=past, created_at=past))
        session.execute(update(StatusChange).values(recorded_at=past))
    state = DaemonState(engine=engine, config=Config())
    state.changed = {ids[0]}
    assert _changed_for_render(state) is None, "the first render after a start compares every page"
    assert _changed_for_render(state) == set()
    with db.write_session(engine) as session:  # what `tracker resolve 2 kept` does, in another process
        store.resolve(session, ids[1], "kept", on=today, by="editor")
    state.changed = {ids[0]}  # and the daemon itself changed the first
    assert _changed_for_render(state) == set(ids)
    engine.dispose()


def test_postgresql_workers_compare_every_page(pg_url):
    """Several workers: not every change leaves a timestamp, so renders stay full comparisons."""
    from tracker import db
    from tracker.config import Config
    from tracker.daemon import DaemonState, _changed_for_render

    engine = db.make_engine(pg_url)
    db.upgrade(engine)
    state = DaemonState(engine=engine, config=Config())
    state.changed = {1}
    assert _changed_for_render(state) is None and _changed_for_render(state) is None
    engine.dispose()
