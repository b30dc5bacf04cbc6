"""feeds.parse_feed: bytes -> items, item identity, and the documents that are not feeds.

Pure functions, table-driven; the fixture files say in their first lines what they test.
"""

from __future__ import annotations

import time
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tracker.errors import FeedError
from tracker.feeds import ENTITY_WARNING, html_to_text, parse_feed, strip_internal_subset

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
URL = "https://feeds.example.org/news/rss.xml"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def rss(items: str, head: str = "") -> bytes:
    return f'<?xml version="1.0" encoding="utf-8"?>{head}<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


# --------------------------------------------------------------------------- fixtures, table-driven

# name -> (keys in order, substring of the warning or None)
USABLE = {
    "good-rss.xml": (["works-2026-001", "works-2026-002", "works-2026-003"], None),
    "good-atom.xml": (["urn:example:council:1", "urn:example:council:2"], None),
    "empty-feed.xml": ([], None),
    "duplicate-guids.xml": (["dup-a", "dup-b", "dup-c"], None),
    "no-guids.xml": (["https://example.org/a", "https://example.org/b", "sha256:"], None),
    "no-dates.xml": (["nd-1", "https://example.org/nd-2", "sha256:"], None),
    "invalid-utf8.xml": (["u-1", "u-2"], "declared as utf-8, but parsed as windows-1252"),
    "malformed-with-entries.xml": (["m-1", "m-2", "m-3"], "not well-formed XML at line"),
    "billion-laughs.xml": (["bomb-1"], ENTITY_WARNING),
    "quadratic-blowup.xml": (["quad-1"], ENTITY_WARNING),
    "entities-nbsp.xml": (["nbsp-1"], ENTITY_WARNING),
    "control-characters.xml": (["ctl-1", "ctl-2"], "reference to invalid character number"),
}

NOT_FEEDS = {
    "html-page.html": "is HTML, not a feed: check the URL (the page names a feed at https://feeds.example.org/news/rss.xml)",
    "not-xml.json": "not a feed: not well-formed XML",
}


@pytest.mark.parametrize("name", sorted(USABLE))
def test_usable_fixture(name):
    keys, warning = USABLE[name]
    parsed = parse_feed(fixture(name), {"Content-Type": "application/rss+xml"}, URL)
    assert [item.key[: len(k)] for item, k in zip(parsed.items, keys)] == keys
    assert len(parsed.items) == len(keys)
    if warning is None:
        assert parsed.warning is None
    else:
        assert warning in parsed.warning


@pytest.mark.parametrize("name", sorted(NOT_FEEDS))
def test_not_a_feed_fixture(name):
    with pytest.raises(FeedError) as caught:
        parse_feed(fixture(name), {}, URL)
    assert NOT_FEEDS[name] in str(caught.value)
    assert "\n" not in str(caught.value)


def test_every_fixture_is_covered_and_says_what_it_tests():
    names = {path.name for path in FIXTURES.iterdir()}
    assert names == set(USABLE) | set(NOT_FEEDS)
    for name in names:
        head = fixture(name)[:300].decode("ascii", "replace")
        assert "Tests:" in head and "Expect" in head, name


# --------------------------------------------------------------------------- fields


def test_rss_fields():
    first, second, _ = parse_feed(fixture("good-rss.xml"), {}, URL).items
    assert first.guid == "works-2026-001" and first.link == "https://example.org/news/bridge"
    assert first.title == "Bridge repairs to finish by March"
    assert first.published == datetime(2026, 1, 6, 8, 30, tzinfo=timezone.utc)
    assert "<b>promised</b>" in first.summary_html  # HTML kept
    assert first.text == "The minister promised the bridge will reopen by 31 March 2026."  # script dropped
    assert second.title == "New school & library"
    assert second.text.startswith("Full text:")  # content:encoded preferred over the teaser


def test_atom_fields_and_relative_links():
    parsed = parse_feed(fixture("good-atom.xml"), {}, "https://council.example.org/feeds/atom.xml")
    budget, parks = parsed.items
    assert budget.title == "Budget approved"  # an HTML title reduced to text
    assert budget.published == datetime(2026, 1, 10, 8, 0, tzinfo=timezone.utc)  # published wins over updated
    assert parks.published == datetime(2026, 1, 10, 4, 30, tzinfo=timezone.utc)  # updated, -05:00 -> UTC
    assert parks.link == "https://council.example.org/parks"
    assert parsed.title == "City council" and parsed.link == "https://council.example.org/"


def test_guid_is_not_rewritten_by_the_feed_url():
    """feedparser would resolve a bare guid against a base URL; keys must not depend on where the feed lives."""
    body = rss("<item><title>a</title><guid>item-7</guid></item>")
    keys = {parse_feed(body, {"Content-Location": url}, url).items[0].key
            for url in ("https://a.example/feed", "https://b.example/other/feed", None)}
    assert keys == {"item-7"}
    assert parse_feed(body, {}, URL).items[0].link is None  # a non-URL permalink guid is not a link


def test_relative_link_key_does_not_depend_on_the_feed_url():
    body = rss("<item><title>a</title><link>/news/1</link></item>")
    old = parse_feed(body, {}, "https://old.example.org/feed").items[0]
    new = parse_feed(body, {}, "https://new.example.org/feed").items[0]
    assert old.key == new.key == "/news/1" and old.content_hash == new.content_hash
    assert (old.link, new.link) == ("https://old.example.org/news/1", "https://new.example.org/news/1")


def test_permalink_guid_gives_the_link():
    item = parse_feed(rss("<item><guid>https://example.org/p/1</guid></item>")).items[0]
    assert item.key == item.guid == item.link == "https://example.org/p/1"


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ("<item><guid>g</guid><link>https://x/1</link><title>t</title></item>", "g"),
        ("<item><link>https://x/1</link><title>t</title></item>", "https://x/1"),
        ("<item><guid>  g  </guid></item>", "g"),
    ],
)
def test_identity_prefers_guid_then_link(items, expected):
    assert parse_feed(rss(items)).items[0].key == expected


def test_fallback_key_is_stable_and_uses_title_and_date():
    dated = "<item><title>Same</title><pubDate>Mon, 05 Jan 2026 10:00:00 GMT</pubDate><description>{}</description></item>"
    one = parse_feed(rss(dated.format("first text"))).items[0].key
    edited = parse_feed(rss(dated.format("edited text"))).items[0].key
    other_day = parse_feed(rss(dated.replace("05 Jan", "06 Jan").format("first text"))).items[0].key
    assert one.startswith("sha256:") and one == edited != other_day


def test_fallback_key_uses_text_when_title_and_date_are_missing():
    keys = [item.key for item in parse_feed(rss("<item><description>one</description></item>"
                                                "<item><description>two</description></item>")).items]
    assert len(set(keys)) == 2


def test_duplicates_keep_the_first():
    items = parse_feed(fixture("duplicate-guids.xml")).items
    assert [i.title for i in items] == ["First A", "B", "C"]


def test_empty_entries_are_skipped():
    assert [i.key for i in parse_feed(rss("<item></item><item><guid>a</guid></item>")).items] == ["a"]


def test_content_hash_changes_with_content_only():
    base = parse_feed(rss("<item><guid>a</guid><title>t</title><description>x</description></item>")).items[0]
    same = parse_feed(rss("<item><guid>a</guid><title>t</title><description>x</description></item>")).items[0]
    edited = parse_feed(rss("<item><guid>a</guid><title>t</title><description>y</description></item>")).items[0]
    assert base.content_hash == same.content_hash != edited.content_hash
    assert base.key == edited.key


def test_impossible_dates_become_none():
    item = parse_feed(rss("<item><guid>a</guid><pubDate>Mon, 99 Foo 20260 99:99:99</pubDate></item>")).items[0]
    assert item.published is None


# --------------------------------------------------------------------------- not feeds


@pytest.mark.parametrize(
    ("body", "headers", "message"),
    [
        (b"", {}, "not a feed: the body is empty"),
        (b"  \n ", {}, "not a feed: the body is empty"),
        (b"<html><body><p>hi</p></body></html>", {}, "is HTML, not a feed: check the URL"),
        (b"<p>hi</p>", {"Content-Type": "text/html; charset=utf-8"}, "is HTML, not a feed"),
        (b"\x00\x01\x02 binary", {}, "not a feed: not well-formed XML at line"),
        (b"<?xml version='1.0'?><catalog><book/></catalog>", {}, "not a feed: no RSS or Atom elements found"),
        (b"<rss version='2.0'><channel><title>x</title><item>", {}, "not a feed: not well-formed XML"),
    ],
)
def test_not_a_feed(body, headers, message):
    with pytest.raises(FeedError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_feed(body, headers, URL)


def test_rss_served_as_html_still_parses():
    parsed = parse_feed(rss("<item><guid>a</guid></item>"), {"Content-Type": "text/html"}, URL)
    assert [i.key for i in parsed.items] == ["a"]
    assert parsed.warning is None  # a wrong Content-Type is the server's label, not worth a warning


def test_html_without_items_and_no_advertised_feed():
    with pytest.raises(FeedError) as caught:
        parse_feed(b"<!DOCTYPE html><html><head><title>x</title></head></html>", {}, None)
    assert str(caught.value) == "the document is HTML, not a feed: check the URL"


# --------------------------------------------------------------------------- entity bombs


def quadratic_bomb(entity_kb: int, refs: int, encoding: str = "utf-8") -> bytes:
    doc = (f'<?xml version="1.0" encoding="{encoding}"?>\n<!DOCTYPE rss [\n<!ENTITY a "{"x" * (entity_kb * 1024)}">\n]>\n'
           f'<rss version="2.0"><channel><title>q</title><item><guid>q</guid><title>t</title>'
           f"<description>{'&a;' * refs}</description></item></channel></rss>")
    return doc.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_quadratic_blowup_is_not_expanded(encoding):
    """Unguarded, feedparser's lenient parser expands this to 320 MB; expat alone would allow ~100x the input."""
    body = quadratic_bomb(entity_kb=16, refs=20_000, encoding=encoding)
    tracemalloc.start()
    started = time.monotonic()
    try:
        parsed = parse_feed(body)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 10
    assert peak < 50 * 1024 * 1024  # feedparser's per-token overhead only; expanded it would be 320 MB
    item = parsed.items[0]
    assert "xxxx" not in item.summary_html and len(item.text) <= len(body)
    assert ENTITY_WARNING in parsed.warning


@pytest.mark.parametrize(
    "prolog",
    [
        '<!DOCTYPE rss [<!ENTITY a "{x}"><!ENTITY b "&a;&a;">]>',  # all on one line (feedparser's regex misses it)
        '<!--\n<!ENTITY a "{x}">\n-->\n<!DOCTYPE rss>',  # a declaration hidden in a comment, re-inserted by feedparser
        '<!DOCTYPE rss [<!ENTITY a "{x}"> <!-- ]> --> <!ENTITY c "]>">]>',  # "]>" inside a comment and a value
        '<?pi "?> <!DOCTYPE rss [<!ENTITY a "{x}">]>',  # a quote inside a processing instruction
    ],
)
def test_entity_tricks_are_not_expanded(prolog):
    body = ('<?xml version="1.0"?>' + prolog.format(x="x" * 10_000) + '<rss version="2.0"><channel><item><guid>g</guid>'
            "<description>" + "&a;" * 20_000 + "</description></item></channel></rss>").encode()
    try:
        parsed = parse_feed(body)
    except FeedError:
        return  # refusing the document is as good as not expanding it
    # "&a;" may come back escaped as "&amp;a" (twice as long), but never expanded
    assert all("xxxx" not in item.summary_html and len(item.summary_html) <= 2 * len(body) for item in parsed.items)


@pytest.mark.parametrize(
    ("data", "expected", "declared"),
    [
        (b"<rss/>", b"<rss/>", False),
        (b'<!DOCTYPE rss PUBLIC "-//Netscape" "http://my.netscape.com/rss.dtd"><rss/>',
         b'<!DOCTYPE rss PUBLIC "-//Netscape" "http://my.netscape.com/rss.dtd"><rss/>', False),
        (b'<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE rss [\n<!ENTITY a "]>">\n]>\n<rss/>',
         b'<?xml version="1.0"?>\n<!-- c -->\n<!DOCTYPE rss>\n<rss/>', True),
        (b"<!DOCTYPE rss [<!ATTLIST rss version CDATA #IMPLIED>]><rss/>", b"<!DOCTYPE rss><rss/>", False),
        (b'<!DOCTYPE rss [<!ENTITY a "never closed', b"", True),
        (b'<rss><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]>]]></rss>', b'<rss><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]>]]></rss>', False),
    ],
)
def test_strip_internal_subset(data, expected, declared):
    assert strip_internal_subset(data) == (expected, declared)


def test_strip_internal_subset_is_linear_on_hostile_input():
    data = b"<!DOCTYPE r [" + b"<!--x-->'a'\"b\"<?p?>]" * 200_000  # never closes
    started = time.monotonic()
    strip_internal_subset(data)
    assert time.monotonic() - started < 2


# --------------------------------------------------------------------------- html_to_text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("plain   text\n here", "plain text here"),
        ("<p>One</p><p>Two</p>", "One Two"),
        ("<b>bo</b>ld and <a href='#'>link</a>", "bold and link"),
        ("a&amp;b &lt;c&gt; &eacute; &#8364; &nbsp;", "a&b <c> é €"),
        ("<style>p{}</style><script>if (a<b) x()</script>kept", "kept"),
        ("<script>never closed", ""),
        ("<div>x<br>y<br/>z</div>", "x y z"),
        ("<!-- hidden -->shown", "shown"),
        ("1 < 2 and 3 > 2", "1 < 2 and 3 > 2"),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text
