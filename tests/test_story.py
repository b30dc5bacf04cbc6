"""A story's identity across feeds (tracker.story), and rejections bound to it (issue 14, item 8)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from tracker import db, store
from tracker.evidence import rejected_story
from tracker.models import Evidence, FeedItem
from tracker.status import StatusRules
from tracker.story import Story, canonical_link, content_hash, global_guid, story_of

LONG = "The council opened the new ferry terminal on Monday, two months early."


@pytest.mark.parametrize("url,canonical", [
    ("https://news.example.org/2026/05/ferry", "news.example.org/2026/05/ferry"),
    ("http://www.NEWS.example.org:80/2026/05/ferry/", "news.example.org/2026/05/ferry"),
    ("https://news.example.org:443/2026/05/ferry#comments", "news.example.org/2026/05/ferry"),
    ("https://news.example.org/2026/05/ferry?utm_source=rss&utm_medium=feed&fbclid=x", "news.example.org/2026/05/ferry"),
    ("https://news.example.org/story?id=7&page=2", "news.example.org/story?id=7&page=2"),
    ("https://news.example.org/story?page=2&id=7", "news.example.org/story?id=7&page=2"),
    ("https://news.example.org:8443/a", "news.example.org:8443/a"),
    ("https://news.example.org/", None),  # a front page is no story
    ("https://news.example.org", None),
    ("javascript:alert(1)", None),
    ("item-7", None),
    ("http://[::1", None),
    (None, None),
])
def test_canonical_link(url, canonical):
    assert canonical_link(url) == canonical


@pytest.mark.parametrize("guid,kept", [
    ("https://news.example.org/?p=123", True),
    ("urn:uuid:6f1c0c52-1b0e-4b5a-9d57-2f4c1a0b7e11", True),
    ("tag:example.org,2026:ferry", True),
    ("6f1c0c521b0e4b5a9d572f4c1a0b7e11", True),
    ("item-7", False),
    ("42", False),
    ("", False),
    (None, False),
])
def test_only_guids_that_can_name_a_story_outside_their_feed_count(guid, kept):
    assert (global_guid(guid) is not None) is kept


def test_content_hash_folds_case_and_spacing_and_ignores_short_texts():
    assert content_hash("Ferry opens", LONG) == content_hash("FERRY  opens", LONG.replace(" ", "\n  "))
    assert content_hash("Ferry opens", LONG) != content_hash("Ferry opens", LONG + " Later.")
    assert content_hash("Update", "") is None and content_hash("", "Short text only") is None


@pytest.fixture
def engine(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    return engine


@pytest.mark.parametrize("same", ["link", "guid", "hash"])
def test_any_one_part_of_a_rejected_story_is_enough(engine, same):
    rejected = Story("news.example.org/a", "urn:example:a", content_hash("Ferry opens", LONG))
    other = Story("wire.example.net/b", "urn:example:b", content_hash("Other news", LONG + " More."))
    probe = Story(**{**other.__dict__, same: getattr(rejected, same)})
    with db.write_session(engine) as session:
        c = store.add_commitment(session, store.NewCommitment("Saltmere Council", "open the ferry terminal",
                                                              dt.date(2026, 1, 10)),
                                 by="test", today=dt.date(2026, 1, 10), rules=StatusRules())
        session.add(Evidence(commitment_id=c.id, kind="fulfilment", state="rejected", story_link=rejected.link,
                             story_guid=rejected.guid, story_hash=rejected.hash))
        session.flush()
        assert rejected_story(session, c.id, probe)
        assert not rejected_story(session, c.id, other)
        assert not rejected_story(session, c.id, Story(None, None, None))


def test_the_migration_fills_in_the_stories_of_rejected_evidence(db_url):
    """A database upgraded from 0003 keeps its editors' rejections binding."""
    engine = db.make_engine(db_url)
    db.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO actors (id, name, created_at) VALUES (1, 'Saltmere Council', :t)"),
                     {"t": dt.datetime(2026, 1, 1)})
        conn.execute(text("INSERT INTO commitments (id, actor_id, what, stated_on, status, status_reason, "
                          "status_source, confidence, conditional, negated, tags, created_at, updated_at) VALUES "
                          "(1, 1, 'open the ferry terminal', '2026-01-10', 'pending', '', 'auto', 1, false, false, "
                          "'[]', :t, :t)"), {"t": dt.datetime(2026, 1, 1)})
        conn.execute(text("INSERT INTO feeds (id, url, name, role, every_seconds, error_count, paused, from_config, "
                          "created_at) VALUES (1, 'https://wire.example.net/rss', 'wire', 'evidence', 1800, 0, false, "
                          "false, :t)"), {"t": dt.datetime(2026, 1, 1)})
        conn.execute(text("INSERT INTO feed_items (id, feed_id, key, guid, link, title, summary_html, text, "
                          "content_hash, fetched_at, matched) VALUES (1, 1, 'item-7', 'item-7', "
                          "'https://www.news.example.org/a/', 'Ferry opens', '', :text, 'x', :t, true)"),
                     {"t": dt.datetime(2026, 1, 1), "text": LONG})
        for evidence_id, state, item in ((1, "rejected", 1), (2, "rejected", None), (3, "accepted", None)):
            conn.execute(text("INSERT INTO evidence (id, commitment_id, item_id, url, kind, score, state, explanation, "
                              "created_at) VALUES (:id, 1, :item, 'https://news.example.org/gone', 'fulfilment', 0.9, "
                              ":state, '{}', :t)"), {"id": evidence_id, "item": item, "state": state,
                                                     "t": dt.datetime(2026, 1, 1)})
    db.upgrade(engine)
    with db.read_session(engine) as session:
        rows = {e.id: (e.story_link, e.story_guid, e.story_hash) for e in session.scalars(select(Evidence))}
    assert rows[1] == ("news.example.org/a", None, content_hash("Ferry opens", LONG))  # from its item
    assert rows[2] == ("news.example.org/gone", None, None)  # its item is gone: its own link
    assert rows[3] == (None, None, None)  # only rejections are read back


def test_a_story_is_read_from_a_feed_item_row():
    item = FeedItem(link="https://news.example.org/a?utm_campaign=x", guid="item-7", title="Ferry opens", text=LONG)
    assert story_of(item.link, item.guid, item.title, item.text) == Story(
        "news.example.org/a", None, content_hash("Ferry opens", LONG))
