"""The identity of a news story across feeds: canonical link, global guid, content hash.

A feed item row belongs to one feed: remove the feed and add it again, or read
the same story through a second feed, and the row is new. An editor's rejection
must not be that short-lived ("rejected evidence comes back"), so evidence keeps
the identity of the *story* it came from, and a story rejected for a commitment
is never proposed for it again. Two stories are the same when any part of their
identity is equal:

* the canonical link: scheme, ``www.``, default ports, fragments, tracking
  parameters and a trailing slash do not count; a site's front page is no story;
* the guid, when it can name a story outside its feed (a URL, URN or tag, or a
  long opaque id), not a feed-local counter such as ``item-7``;
* a hash of the title and text, case and spacing folded, when they say enough
  (eight words or more) not to match unrelated short items.

Pure functions; :mod:`tracker.evidence` stores and compares them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "cmpid"})
DEFAULT_PORTS = {"http": 80, "https": 443}
MIN_HASH_WORDS = 8
MIN_GUID_LENGTH = 16


@dataclass(frozen=True)
class Story:
    """What identifies a story; any field may be None."""

    link: str | None
    guid: str | None
    hash: str | None


def story_of(link: str | None, guid: str | None, title: str, text: str) -> Story:
    """The identity of a feed item's story.

    >>> story_of("https://www.Example.org/a/?utm_source=x#top", "item-7", "", "").link
    'example.org/a'
    """
    return Story(canonical_link(link), global_guid(guid), content_hash(title, text))


def canonical_link(url: str | None) -> str | None:
    """The link with what does not change the story taken out; None for no link or a front page.

    >>> canonical_link("HTTP://www.example.org:80/news/1/?b=2&utm_medium=rss&a=1#c")
    'example.org/news/1?a=1&b=2'
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in DEFAULT_PORTS or not host:
        return None
    host = host.removeprefix("www.")
    if port is not None and port != DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS))
    if not path and not query:
        return None  # a site's front page is no story
    return urlunsplit(("", host, path, query, ""))[2:]


def global_guid(guid: str | None) -> str | None:
    """The guid if it can name a story outside its own feed, else None.

    >>> global_guid("urn:uuid:6f1c0c52-1b0e-4b5a-9d57-2f4c1a0b7e11"), global_guid("item-7")
    ('urn:uuid:6f1c0c52-1b0e-4b5a-9d57-2f4c1a0b7e11', None)
    """
    if not guid:
        return None
    guid = guid.strip()
    return guid if ":" in guid or len(guid) >= MIN_GUID_LENGTH else None


def content_hash(title: str, text: str) -> str | None:
    """sha256 of the title and text with case and spacing folded; None when they are too short to tell."""
    words = f"{title}\n{text}".casefold().split()
    if len(words) < MIN_HASH_WORDS:
        return None
    return hashlib.sha256(" ".join(words).encode("utf-8", "surrogatepass")).hexdigest()
