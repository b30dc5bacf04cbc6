"""From announcement to verdict, through the CLI, the database and a polled feed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clihelp import ok, run
from tests.feedserver import Reply, feed_server  # noqa: F401 - pytest fixture

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

ANNOUNCEMENT = """date: 2025-02-10
source: Harbour Herald
title: Ferry promises

The Westmere Ferry Company will launch an electric ferry between Alder Quay and Birch Point by the end of June 2025, the company said on Monday.
It also pledged to open a new waiting hall at Alder Quay before the end of 2025.
Ticket sales rose 8 percent in 2024.
"""


def rss(*items: tuple[str, str, str, str]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>https://herald.example.org/{g}</link><guid isPermaLink=\"false\">{g}</guid>"
        f"<pubDate>{d}</pubDate><description>{s}</description></item>" for g, d, t, s in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>{body}</channel></rss>'


@pytest.fixture
def tracker_db(db_url, tmp_path):
    (tmp_path / "tracker.toml").write_text(  # linked pages are served from loopback here
        f'[database]\nurl = "{db_url}"\n[fetch]\narchive_evidence_pages = false\nallow_private_addresses = true\n',
        encoding="utf-8")
    ok("db", "upgrade")
    return db_url


def save(tmp_path, text=ANNOUNCEMENT, name="ferry.txt", *extra, as_of="2025-02-11"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return ok("--as-of", as_of, "extract", str(path), "--save", *extra)


def statuses(day: str) -> dict[str, str]:
    rows = json.loads(ok("--as-of", day, "list", "--format", "json"))
    return {r["what"]: r["status"] for r in rows}


def test_example_announcement_is_saved_once_and_listed(tracker_db):
    example = EXAMPLES / "announcements" / "2025-06-12-norhaven-ministry.txt"
    preview = json.loads(ok("extract", str(example), "--format", "json"))
    assert preview and all(set(p) >= {"actor", "what", "quote", "deadline_phrase", "due_earliest", "due_latest",
                                      "confidence", "conditional", "negated"} for p in preview)
    assert ok("list", "--format", "json").strip() == "[]", "a preview stores nothing"
    saved = ok("extract", str(example), "--save")
    assert f"{len(preview)} new commitment(s)" in saved
    again = ok("extract", str(example), "--save")
    assert "nothing added" in again
    rows = json.loads(ok("list", "--format", "json"))
    assert len(rows) == len(preview)
    assert {r["actor"] for r in rows} == {"Norhaven Ministry of Health"}
    assert all(r["sources"][0]["published"] == "2025-06-12" for r in rows)


def test_restated_promise_links_a_source_and_records_the_new_deadline(tracker_db, tmp_path):
    save(tmp_path)
    later = ("date: 2025-05-02\nsource: Coast News\n\nThe Westmere Ferry Company will launch an electric ferry "
             "between Alder Quay and Birch Point by the end of August 2025, its chief executive said.\n")
    out = save(tmp_path, later, "later.txt", as_of="2025-05-02")  # an announcement is not dated in the future
    assert "0 new commitment(s), 1 linked to existing, 1 deadline revision(s)" in out
    shown = json.loads(ok("show", "1", "--format", "json"))
    assert len(shown["sources"]) == 2
    assert shown["due_latest"] == "2025-06-30", "the promise as first made is what is judged"
    assert shown["deadline_revisions"][0]["new_due_latest"] == "2025-08-31"


def test_two_promises_that_differ_by_their_amount_are_both_stored(tracker_db, tmp_path):
    text = ("date: 2025-02-10\nsource: Harbury Post\n\nThe Harbury housing plan began on Monday, with Harbury Council "
            "saying the first 1,000 council homes will be finished by the end of the year. The council has pledged to build "
            "30,000 council homes over the next ten years.\n")
    out = save(tmp_path, text, "homes.txt")
    assert "2 new commitment(s)" in out
    assert set(statuses("2025-02-11")) == {"finish the first 1,000 council homes", "build 30,000 council homes"}


def test_announcement_to_kept_and_to_broken_through_a_polled_feed(tracker_db, tmp_path, feed_server):
    save(tmp_path)
    feed = rss(("h-1", "Fri, 20 Jun 2025 09:00:00 +0000", "Westmere electric ferry enters service",
                "The Westmere Ferry Company launched its electric ferry between Alder Quay and Birch Point on Friday, "
                "with the first crossing leaving at seven."),
               ("h-2", "Mon, 14 Jul 2025 09:00:00 +0000", "Bakery opens at Birch Point",
                "A new bakery opened next to the Birch Point ferry stop."))
    feed_server.set_route("/herald.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    ok("feeds", "add", feed_server.url("/herald.xml"))
    polled = ok("--as-of", "2026-03-01", "poll", "--all")
    assert "1 fetched" in polled and "2 new items" in polled
    final = statuses("2026-03-01")
    assert final["launch an electric ferry between Alder Quay and Birch Point"] == "kept"
    hall = next(w for w in final if "waiting hall" in w)
    assert final[hall] == "broken"
    shown = json.loads(ok("show", "1", "--format", "json"))
    accepted = [e for e in shown["evidence"] if e["state"] == "accepted"]
    assert [e["kind"] for e in accepted] == ["fulfilment"]
    assert accepted[0]["date"] == "2025-06-20" and accepted[0]["explanation"]["matched_actor"]
    assert shown["history"][-1]["to"] == "kept" and shown["history"][-1]["evidence_id"] == accepted[0]["id"]


def test_evidence_dated_before_the_promise_was_made_is_no_fulfilment(tracker_db, tmp_path, feed_server):
    """Issue 14: a ferry launched in January does not keep a promise made in February to launch it."""
    save(tmp_path)  # the promise was made on 2025-02-10
    feed = rss(("old-1", "Mon, 20 Jan 2025 09:00:00 +0000", "Westmere electric ferry enters service",
                "The Westmere Ferry Company launched its electric ferry between Alder Quay and Birch Point on Monday, "
                "with the first crossing leaving at seven."))
    feed_server.set_route("/herald.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    ok("feeds", "add", feed_server.url("/herald.xml"))
    ok("--as-of", "2025-03-01", "poll", "--all")
    shown = json.loads(ok("--as-of", "2025-03-01", "show", "1", "--format", "json"))
    # the matcher takes no news older than the promise as evidence (the item itself stays stored), and
    # the status engine ignores any evidence dated before the promise even if an editor attached it
    assert not [e for e in shown["evidence"] if e["state"] == "accepted"]
    assert statuses("2025-03-01")["launch an electric ferry between Alder Quay and Birch Point"] == "pending"


def test_a_promise_kept_by_one_feed_takes_no_more_evidence_in_the_same_poll(tracker_db, tmp_path, feed_server):
    """Two outlets report the same launch: the first closes the promise, the second is not stacked on it."""
    save(tmp_path)
    report = ("Westmere electric ferry enters service",
              "The Westmere Ferry Company launched its electric ferry between Alder Quay and Birch Point on Friday.")
    for outlet in ("herald", "gazette"):
        feed = rss((f"{outlet}-1", "Fri, 20 Jun 2025 09:00:00 +0000", *report))
        feed_server.set_route(f"/{outlet}.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
        ok("feeds", "add", feed_server.url(f"/{outlet}.xml"), "--name", outlet)
    assert "2 fetched" in ok("--as-of", "2026-03-01", "poll", "--all")
    shown = json.loads(ok("show", "1", "--format", "json"))
    assert shown["status"] == "kept"
    assert [e["kind"] for e in shown["evidence"] if e["state"] == "accepted"] == ["fulfilment"]


def test_review_queue_accept_and_reject_never_reproposed(tracker_db, tmp_path, feed_server):
    save(tmp_path)
    feed = rss(("r-1", "Tue, 03 Jun 2025 09:00:00 +0000", "Ferry trials under way",
                "An electric ferry was seen testing near Alder Quay; the operator would not comment."))
    feed_server.set_route("/trials.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    ok("feeds", "add", feed_server.url("/trials.xml"))
    ok("--as-of", "2025-06-05", "poll", "--all")
    pending = json.loads(ok("evidence", "list", "--pending", "--format", "json"))
    if not pending:
        pytest.skip("the matcher scored this item below the review threshold")
    first = pending[0]["id"]
    out = run("review", input="r")
    assert out.exit_code == 0 and f"evidence {first} rejected" in out.output
    ok("poll", "--all")
    assert all(e["id"] != first for e in json.loads(ok("evidence", "list", "--pending", "--format", "json")))


LAUNCH = ("Westmere electric ferry enters service",
          "The Westmere Ferry Company launched its electric ferry between Alder Quay and Birch Point on Friday, "
          "with the first crossing leaving at seven.")


def serve_story(feed_server, path: str, guid: str, link: str, title: str = LAUNCH[0], text: str = LAUNCH[1]) -> str:
    item = (f'<item><title>{title}</title><link>{link}</link><guid isPermaLink="false">{guid}</guid>'
            f"<pubDate>Fri, 20 Jun 2025 09:00:00 +0000</pubDate><description>{text}</description></item>")
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{item}</channel></rss>'
    feed_server.set_route(path, Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    return feed_server.url(path)


def test_a_rejected_story_stays_rejected_whichever_feed_brings_it_back(tracker_db, tmp_path, feed_server):
    """Issue 14, item 8: after `feeds remove` and adding the feed again, or through a second feed, a rejected
    item was auto-accepted again and the status went back to kept."""
    ferry = "launch an electric ferry between Alder Quay and Birch Point"
    save(tmp_path)
    first = serve_story(feed_server, "/herald.xml", "h-1", "https://herald.example.org/2025/06/ferry")
    ok("feeds", "add", first)
    ok("--as-of", "2025-07-01", "poll", "--all")
    assert statuses("2025-07-01")[ferry] == "kept"
    (accepted,) = [e for e in json.loads(ok("show", "1", "--format", "json"))["evidence"] if e["state"] == "accepted"]
    ok("--as-of", "2025-07-01", "evidence", "reject", str(accepted["id"]))
    assert statuses("2025-07-01")[ferry] == "overdue"
    ok("feeds", "remove", "1")
    ok("feeds", "add", first)  # the same feed again: new feed and item rows
    second = serve_story(feed_server, "/coast.xml", "coast-77",  # the same story elsewhere, tracking parameters and all
                         "http://www.herald.example.org/2025/06/ferry/?utm_source=coast", title="Ferry launched")
    third = serve_story(feed_server, "/digest.xml", "d-9", "https://digest.example.net/item/9")  # copied word for word
    ok("feeds", "add", second)
    ok("feeds", "add", third)
    polled = ok("--as-of", "2025-07-01", "poll", "--all")
    assert "3 fetched" in polled and "3 new items" in polled
    assert statuses("2025-07-01")[ferry] == "overdue", "the editor's rejection stands"
    states = [e["state"] for e in json.loads(ok("show", "1", "--format", "json"))["evidence"]]
    assert states == ["rejected"], "the story is not proposed again either"


def test_editor_decision_is_never_overwritten_by_feed_evidence(tracker_db, tmp_path, feed_server):
    save(tmp_path)
    ok("resolve", "1", "--status", "broken", "--date", "2025-07-02", "--by", "ana", "--note", "no ferry by July")
    feed = rss(("k-1", "Fri, 20 Jun 2025 09:00:00 +0000", "Westmere electric ferry enters service",
                "The Westmere Ferry Company launched its electric ferry between Alder Quay and Birch Point on Friday."))
    feed_server.set_route("/late.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    ok("feeds", "add", feed_server.url("/late.xml"))
    ok("--as-of", "2025-08-01", "poll", "--all")
    shown = json.loads(ok("--as-of", "2025-08-01", "show", "1", "--format", "json"))
    assert shown["status"] == "broken" and shown["status_source"] == "manual"
    assert [e["state"] for e in shown["evidence"] if e["kind"] == "fulfilment"] == ["proposed"]


def test_search_feeds_are_derived_and_shown(tracker_db, tmp_path, feed_server):
    config = tmp_path / "tracker.toml"
    config.write_text(config.read_text() + f'[search]\ntemplates = ["{feed_server.url("/search.xml")}?q={{query}}"]\n')
    save(tmp_path)
    feed_server.set_route("/search.xml", Reply(200, rss().encode(), {"Content-Type": "application/rss+xml"}))
    ok("poll")
    shown = json.loads(ok("show", "1", "--format", "json"))
    assert "Westmere" in shown["search_query"]
    assert shown["search_urls"] and shown["search_urls"][0].startswith(feed_server.url("/search.xml?q="))
    text = ok("show", "1")
    assert "search query:" in text and "search feed:" in text
    assert feed_server.hits["/search.xml"] >= 1


TEASER_ARTICLE = """<!doctype html><html><head><title>Library plan</title>
<meta property="article:published_time" content="2025-03-03T08:00:00Z"></head><body><article>
<h1>Council sets library date</h1>
<p>The Kelby Town Council will open the new public library on Mill Street by the end of 2026, the mayor
said on Monday, after the council approved the final budget for the building and its fittings.</p>
<p>The library will hold about forty thousand books and a makerspace for young people.</p>
</article></body></html>"""


def test_announcement_feed_teaser_reads_the_linked_page(tracker_db, feed_server):
    feed_server.set_route("/library.html", Reply(200, TEASER_ARTICLE.encode(), {"Content-Type": "text/html"}))
    item = (f"<item><title>Library plan</title><link>{feed_server.url('/library.html')}</link>"
            "<guid>lib-1</guid><pubDate>Tue, 04 Mar 2025 10:00:00 +0000</pubDate>"
            "<description>A new library for Kelby.</description></item>")
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Council</title>{item}</channel></rss>'
    feed_server.set_route("/council.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    ok("feeds", "add", feed_server.url("/council.xml"), "--role", "announcements")
    out = ok("poll")
    assert "1 new commitments" in out
    rows = json.loads(ok("list", "--format", "json"))
    assert rows[0]["actor"] == "Kelby Town Council" and rows[0]["due_latest"] == "2026-12-31"
    assert rows[0]["stated_on"] == "2025-03-04", "dated by the feed item"
    assert feed_server.hits["/library.html"] == 1


def test_accepted_evidence_keeps_the_linked_page(db_url, tmp_path, feed_server):
    (tmp_path / "tracker.toml").write_text(
        f'[database]\nurl = "{db_url}"\n[fetch]\nallow_private_addresses = true\n', encoding="utf-8")
    ok("db", "upgrade")
    save(tmp_path)
    page = ("<html><body><article><h1>Ferry launched</h1><p>The Westmere Ferry Company launched its electric "
            "ferry between Alder Quay and Birch Point on Friday, with the first crossing leaving at seven in "
            "the morning and a full load of commuters.</p></article></body></html>")
    feed_server.set_route("/ferry.html", Reply(200, page.encode(), {"Content-Type": "text/html"}))
    item = (f"<item><title>Westmere electric ferry enters service</title><link>{feed_server.url('/ferry.html')}"
            "</link><guid>f-1</guid><pubDate>Fri, 20 Jun 2025 09:00:00 +0000</pubDate><description>The Westmere "
            "Ferry Company launched its electric ferry between Alder Quay and Birch Point on Friday.</description>"
            "</item>")
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Herald</title>{item}</channel></rss>'
    feed_server.set_route("/ferry.xml", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    ok("feeds", "add", feed_server.url("/ferry.xml"))
    ok("--as-of", "2025-07-01", "poll", "--all")
    from sqlalchemy import select

    from tracker import db
    from tracker.models import Evidence

    with db.read_session(db.make_engine(db_url)) as session:
        ev = session.scalars(select(Evidence).where(Evidence.state == "accepted")).one()
        assert "full load of commuters" in ev.page_text and len(ev.page_hash) == 64 and ev.page_fetched_at
    assert feed_server.hits["/ferry.html"] == 1
    ok("--as-of", "2025-07-01", "poll", "--all")
    assert feed_server.hits["/ferry.html"] == 1, "fetched once"


def test_stale_commitments_are_listed_for_review(tracker_db, tmp_path):
    save(tmp_path)
    out = ok("--as-of", "2025-09-01", "review", "--stale")
    assert "no evidence for 90 days" in out and "electric ferry" in out
    assert "no open commitment" in ok("--as-of", "2025-03-01", "review", "--stale")


def test_save_with_json_output_keeps_stdout_valid_json(tracker_db, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(ANNOUNCEMENT, encoding="utf-8")
    from click.testing import CliRunner

    from tracker.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(path), "--save", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) >= 1
    assert "saved announcement" in result.stderr
