"""Bytes -> feed items, and the rules for an item's identity.

Identity (style habit 6): the guid, else the link, else ``sha256:`` of the
title and date (plus the text when both of those are missing). Within one
document the first item with a given identity wins; later duplicates are
dropped.

feedparser is always handed ``io.BytesIO(body)``, so a body is never taken
for a URL or a path. It is lenient: a malformed document whose entries can
still be read gives items plus a ``warning``; only a document with no usable
entries that is not a valid empty feed raises :class:`FeedError`.

Entity bombs: expat caps entity amplification, but when the strict parse
fails feedparser re-parses loosely and expands every "safe" entity the
DOCTYPE declared, with no cap (a 65 KB feed became 100 MB, an 800 KB one
exhausted 24 GB in tests). So the DOCTYPE's internal subset is removed
before either parser runs, and the loose parser is given no entities: no
entity a feed declares is ever expanded. HTML entities such as ``&nbsp;``
are still understood by the loose parser. The guard wraps feedparser's own
DOCTYPE step (``feedparser.api.replace_doctype``, process-wide, on import of
this module), because that step sees the document after conversion to UTF-8
whatever its original encoding; tests/test_feeds.py checks it is in place.

Every text taken from a feed loses its control characters here
(:mod:`tracker.untrusted`), so none reaches the database, an export or a terminal.

Item HTML is only ever reduced to plain text (:func:`html_to_text`, which drops
scripts and styles) and the text is escaped wherever it is shown, so feedparser's
HTML sanitizer and relative-URI rewriting are switched off: together they were a
third of the parse time and changed nothing the tracker uses.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
import xml.sax
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import feedparser.api

from tracker.errors import FeedError
from tracker.untrusted import clean_text

log = logging.getLogger(__name__)

ENTITY_WARNING = "ignored the entity declarations in the feed's DOCTYPE (entity expansion is not allowed)"


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, reduced to what the tracker stores and matches."""

    key: str  # stable identity: guid, else link, else "sha256:" of title+date(+text)
    guid: str | None
    link: str | None
    title: str
    published: datetime | None  # aware UTC, from published or updated; None if absent
    summary_html: str  # the entry's HTML as the feed wrote it (content preferred over summary); never rendered
    text: str  # summary_html as plain text for matching
    content_hash: str  # sha256 of title, link and summary_html: changes when the item is edited


@dataclass(frozen=True)
class ParsedFeed:
    """A parsed feed document: its items in document order, and any problem worth recording."""

    title: str | None
    link: str | None
    items: list[FeedItem]
    warning: str | None  # why the document was not clean, when its entries were still usable


def parse_feed(body: bytes, headers: Mapping[str, str] | None = None, url: str | None = None) -> ParsedFeed:
    """Parse a feed document into items; raise FeedError when it holds no usable feed.

    ``headers`` (the response's) give the charset and content type; ``url``
    resolves relative links.

    >>> parse_feed(b'<rss version="2.0"><channel><item><guid>a</guid></item></channel></rss>').items[0].key
    'a'
    """
    if not body or not body.strip():
        raise FeedError(f"{_name(url)}not a feed: the body is empty")
    response_headers = {name.lower(): value for name, value in (headers or {}).items()}
    # No base URL for feedparser: given one (Content-Location) it resolves a <guid>
    # without isPermaLink="false" as a relative URL, so "item-7" became
    # "https://host/feed/item-7" and every key would change when the feed moves.
    # Links are made absolute here instead (relative links inside summary HTML stay).
    response_headers.pop("content-location", None)
    parsed, entities_dropped = _parse_guarded(body, response_headers, url)
    base = url if url and urlsplit(url).scheme in ("http", "https") else None
    items = _items(parsed.entries, base)
    if not items and not _is_valid_empty(parsed):
        raise _not_a_feed(parsed, body, response_headers, url)
    return ParsedFeed(
        title=_clean(parsed.feed.get("title")),
        link=_absolute(_clean(parsed.feed.get("link")), base),
        items=items,
        warning=_warning(parsed, entities_dropped),
    )


def html_to_text(html: str) -> str:
    """Reduce HTML to plain text for matching: scripts and styles dropped, entities decoded, whitespace folded.

    >>> html_to_text("<p>Rates&nbsp;rise</p><script>x()</script><p>by <b>2</b>%</p>")
    'Rates rise by 2%'
    """
    if "<" not in html and "&" not in html:
        return " ".join(clean_text(html).split())
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return " ".join(clean_text("".join(collector.parts)).split())  # "&#27;" decodes to a control


# --------------------------------------------------------------------------- the entity guard


_guard = threading.local()


def _parse_guarded(body: bytes, response_headers: dict[str, str], url: str | None) -> tuple[Any, bool]:
    """feedparser.parse with the entity guard on; also says whether entity declarations were dropped."""
    _guard.dropped = False
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=response_headers,
                                  sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is lenient, but one broken feed must never stop a poll
        log.warning("feedparser failed on %s", url or "a document", exc_info=True)
        reason = f"{type(exc).__name__}: {_describe(exc)}"
        raise FeedError(f"{_name(url)}not a feed: the feed parser failed ({reason})") from None
    return parsed, _guard.dropped


def _guarded_replace_doctype(data: bytes) -> tuple[str | None, bytes, dict[str, str]]:
    """feedparser's DOCTYPE step, made safe: no internal subset reaches expat, no entity the loose parser.

    feedparser calls this on the document already converted to UTF-8, so the
    guard sees the real bytes whatever the original encoding. The subset is
    removed before and after feedparser's own step, because that step can
    rebuild a subset from ``<!ENTITY`` lines it finds elsewhere in the prolog.
    """
    data, dropped_before = strip_internal_subset(data)
    version, data, entities = _original_replace_doctype(data)
    data, dropped_after = strip_internal_subset(data)
    if dropped_before or dropped_after or entities:
        _guard.dropped = True
    return version, data, {}


def strip_internal_subset(data: bytes) -> tuple[bytes, bool]:
    """Remove the internal subset (``[...]``) of a document's DOCTYPE; say whether it declared entities.

    Only the prolog is looked at (XML allows a DOCTYPE nowhere else). An
    unterminated DOCTYPE swallows the rest of the document, so it is cut there.

    >>> strip_internal_subset(b'<!DOCTYPE rss [<!ENTITY a "aaaa">]><rss/>')
    (b'<!DOCTYPE rss><rss/>', True)
    """
    start = _doctype_start(data)
    if start is None:
        return data, False
    bracket, end = _doctype_extent(data, start)
    if end is None:
        return data[:start], b"<!ENTITY" in data[start:]
    if bracket is None:
        return data, False
    declared = b"<!ENTITY" in data[bracket:end]
    return data[:start] + data[start:bracket].rstrip() + b">" + data[end + 1 :], declared


def _doctype_start(data: bytes) -> int | None:
    """Where the prolog's DOCTYPE starts, skipping a BOM, whitespace, processing instructions and comments."""
    pos = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while True:
        while pos < len(data) and data[pos] in b" \t\r\n":
            pos += 1
        if data.startswith(b"<!DOCTYPE", pos):
            return pos
        closer = b"?>" if data.startswith(b"<?", pos) else b"-->" if data.startswith(b"<!--", pos) else None
        if closer is None:
            return None
        found = data.find(closer, pos + 2)
        if found < 0:
            return None
        pos = found + len(closer)


def _doctype_extent(data: bytes, start: int) -> tuple[int | None, int | None]:
    """``(index of "[", index of the closing ">")`` of a DOCTYPE, honouring quotes, comments and PIs.

    The bracket is None when there is no internal subset; the end is None when
    the DOCTYPE never closes. Each construct is skipped with one ``find``, so
    the scan stays linear however hostile the subset.
    """
    pos, bracket, subset_closed = start + len(b"<!DOCTYPE"), None, False
    while match := _DTD_SIGNIFICANT.search(data, pos):
        token, pos = match.group(), match.end()
        if token in _DTD_CLOSERS:
            found = data.find(_DTD_CLOSERS[token], pos)
            if found < 0:
                return bracket, None
            pos = found + len(_DTD_CLOSERS[token])
        elif token == b"[" and bracket is None:
            bracket = match.start()
        elif token == b"]" and bracket is not None:
            subset_closed = True
        elif token == b">" and (bracket is None or subset_closed):
            return bracket, match.start()
    return bracket, None


_DTD_SIGNIFICANT = re.compile(rb"<!--|<\?|[\"'\[\]>]")
_DTD_CLOSERS = {b'"': b'"', b"'": b"'", b"<!--": b"-->", b"<?": b"?>"}

# Installed once per process; ``original`` keeps a re-import from wrapping the wrapper.
_original_replace_doctype = getattr(feedparser.api.replace_doctype, "original", feedparser.api.replace_doctype)
_guarded_replace_doctype.original = _original_replace_doctype  # type: ignore[attr-defined]
feedparser.api.replace_doctype = _guarded_replace_doctype


# --------------------------------------------------------------------------- items


def _items(entries: list[Any], base: str | None) -> list[FeedItem]:
    """Build items in document order, skipping empty entries and keeping the first of each identity."""
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in entries:
        item = _item(entry, base)
        if item is not None and item.key not in seen:
            seen.add(item.key)
            items.append(item)
    return items


def _item(entry: Any, base: str | None) -> FeedItem | None:
    """One entry as a FeedItem, or None when it has nothing to identify or show."""
    guid = _clean(entry.get("id"))
    link_as_written = _link(entry, guid)  # identity uses it: a relative link must not change when the feed moves
    title = _title(entry)
    published = _published(entry)
    html = _body_html(entry)
    text = html_to_text(html)
    if not (guid or link_as_written or title or text):
        return None
    return FeedItem(
        key=guid or link_as_written or _fallback_key(title, published, text),
        guid=guid,
        link=_absolute(link_as_written, base),
        title=title,
        published=published,
        summary_html=html,
        text=text,
        content_hash=_sha256("\x1f".join((title, link_as_written or "", html))),
    )


def _link(entry: Any, guid: str | None) -> str | None:
    """The item's link; feedparser copies a permalink guid into ``link``, kept only when it is a web URL."""
    link = _clean(entry.get("link"))
    if link and entry.get("guidislink") and link == guid and urlsplit(link).scheme not in ("http", "https"):
        return None
    return link


def _absolute(link: str | None, base: str | None) -> str | None:
    """A link made absolute against the feed's URL (when the feed came over HTTP)."""
    if not link or not base:
        return link
    try:
        return urljoin(base, link)
    except ValueError:
        return link


def _title(entry: Any) -> str:
    """The title as plain text (an HTML title is reduced like the body), without control characters."""
    title = clean_text(entry.get("title") or "")
    if (entry.get("title_detail") or {}).get("type") in ("text/html", "application/xhtml+xml"):
        return html_to_text(title)
    return " ".join(title.split())


def _published(entry: Any) -> datetime | None:
    """Publication time as aware UTC: published, else updated; None when absent or impossible."""
    for field in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, field)  # plain dict lookup: FeedParserDict's own aliasing warns
        if parsed:
            try:
                return datetime(*parsed[:6], tzinfo=timezone.utc)
            except (TypeError, ValueError, OverflowError):
                continue
    return None


def _body_html(entry: Any) -> str:
    """The fullest HTML the entry offers: its content (e.g. content:encoded), else its summary."""
    for content in entry.get("content") or ():
        value = content.get("value")
        if value and value.strip():
            return clean_text(value)
    return clean_text(entry.get("summary") or "")


def _fallback_key(title: str, published: datetime | None, text: str) -> str:
    """Identity for an item with neither guid nor link: title and date, plus the text if both are missing."""
    parts = [title, published.isoformat() if published else ""]
    if not title and published is None:
        parts.append(text)
    return "sha256:" + _sha256("\n".join(parts))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _clean(value: Any) -> str | None:
    """A stripped string without control characters, or None for missing/blank values."""
    if not isinstance(value, str):
        return None
    value = clean_text(value).strip()
    return value or None


# --------------------------------------------------------------------------- outcome and messages


def _is_valid_empty(parsed: Any) -> bool:
    """A recognised RSS/Atom document that parsed cleanly but has no entries yet."""
    return bool(parsed.get("version")) and not isinstance(parsed.get("bozo_exception"), xml.sax.SAXException)


def _not_a_feed(parsed: Any, body: bytes, headers: dict[str, str], url: str | None) -> FeedError:
    """The error for a document without usable entries: HTML gets its own advice."""
    if _looks_like_html(body, headers):
        where = url or "the document"
        found = _advertised_feed(body, url)
        hint = f" (the page names a feed at {found})" if found else ""
        return FeedError(f"{where} is HTML, not a feed: check the URL{hint}")
    if parsed.get("bozo_exception") is not None:
        reason = _describe(parsed.bozo_exception)
    elif parsed.get("version"):
        reason = "its entries have no guid, link, title or text"
    else:
        reason = "no RSS or Atom elements found"
    return FeedError(f"{_name(url)}not a feed: {reason}")


def _looks_like_html(body: bytes, headers: dict[str, str]) -> bool:
    """HTML by content type or by its first tag."""
    if "html" in headers.get("content-type", "").lower():
        return True
    head = re.sub(rb"<!--.*?-->", b"", body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n"), flags=re.S).lstrip()
    return bool(re.match(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", head, re.I))


def _warning(parsed: Any, entities_dropped: bool) -> str | None:
    """Everything wrong with a document whose entries were still usable, as one line."""
    problems = [ENTITY_WARNING] if entities_dropped else []
    exc = parsed.get("bozo_exception")
    # A wrong Content-Type is the server's label, not the feed's fault: not worth a warning on every poll.
    if parsed.get("bozo") and not isinstance(exc, feedparser.NonXMLContentType):
        problems.append(_describe(exc))
    return "; ".join(problems) or None


def _describe(exc: Any) -> str:
    """A feedparser bozo exception as a short phrase."""
    if isinstance(exc, xml.sax.SAXParseException):
        return f"not well-formed XML at line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    text = " ".join(str(exc).split()) if exc is not None else ""
    return text[:200] or type(exc).__name__


def _name(url: str | None) -> str:
    return f"{url}: " if url else ""


def _advertised_feed(body: bytes, url: str | None) -> str | None:
    """The feed an HTML page advertises with <link rel="alternate" type="application/rss+xml">, if any."""
    finder = _FeedLinkFinder()
    try:
        finder.feed(body[:256 * 1024].decode("utf-8", "replace"))
    except AssertionError:  # html.parser gives up on some broken markup
        pass
    if finder.href is None:
        return None
    return urljoin(url, finder.href) if url else finder.href


class _FeedLinkFinder(HTMLParser):
    """Finds the first RSS/Atom alternate link of an HTML page (feed autodiscovery)."""

    FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "") for name, value in attrs}
        if self.href is None and tag == "link" and "alternate" in values.get("rel", "").lower().split():
            if values.get("type", "").lower() in self.FEED_TYPES and values.get("href"):
                self.href = values["href"].strip()


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, dropping scripts and styles, spacing block elements apart."""

    SKIP = frozenset({"script", "style", "template", "noscript", "head", "title"})
    INLINE = frozenset(
        {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
         "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping.append(tag)
        elif tag not in self.INLINE:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._skipping:
            while self._skipping.pop() != tag:  # also closes skipped tags left open inside it
                pass
        elif tag in self.SKIP:
            pass
        elif tag not in self.INLINE:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)
