"""Reading announcements: text files, stdin and web pages -> plain text with metadata.

A text file may start with ``key: value`` header lines (``date``, ``source``,
``title``, ``url``) and a blank line, the format of the bundled examples.
Web pages are fetched with the same limits as feeds and reduced to the
article's main text by trafilatura, which also reads the publication date
from the page metadata. Control characters are dropped from every text
(:mod:`tracker.untrusted`). Anything that cannot be read as an English article
raises :class:`~tracker.errors.InputError` (or ``FetchError`` for the network).
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import re
import sys
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import charset_normalizer

from tracker.errors import InputError
from tracker.untrusted import clean_optional, clean_text

MAX_TEXT_BYTES = 5 * 1024 * 1024
HEADER_KEYS = ("date", "source", "title", "url", "publisher")
_HEADER = re.compile(r"^(%s):[ \t]*(.*)$" % "|".join(HEADER_KEYS), re.IGNORECASE)
COMMON_ENGLISH = frozenset(
    "the of and to a in is that for on with as by will was it be are has at from this have its said "
    "an which or not their new plans would year also been more than after".split())


@dataclass(frozen=True)
class SourceText:
    """One announcement ready for the extractor."""

    text: str
    published: dt.date | None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    label: str = ""  # what the user named: a path, '-' or a URL


def read_source(spec: str, *, limits: object | None = None) -> SourceText:
    """Read SOURCE as given on the command line: a path, ``-`` for stdin, or an http(s) URL."""
    if spec.startswith(("http://", "https://")):
        from tracker.fetch import url_problem

        problem = url_problem(spec)
        if problem:
            raise InputError(f"{spec}: {problem}")
        return read_url(spec, limits)
    if spec == "-":
        return parse_text_file(_decode(sys.stdin.buffer.read(MAX_TEXT_BYTES + 1), "standard input"), "-")
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"{spec}: no such file: give a text file, '-' for stdin, or an http(s) URL")
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise InputError(f"{spec}: {path.stat().st_size // (1024 * 1024)} MB is too large for one announcement "
                         f"(limit {MAX_TEXT_BYTES // (1024 * 1024)} MB): split it or give the article itself")
    with path.open("rb") as fh:
        raw = fh.read(MAX_TEXT_BYTES + 1)
    if _looks_like_html(raw):
        return article_from_html(_decode(raw, spec), url=None, label=spec)
    return parse_text_file(_decode(raw, spec), spec)


def _decode(raw: bytes, label: str) -> str:
    if len(raw) > MAX_TEXT_BYTES:
        raise InputError(f"{label}: more than {MAX_TEXT_BYTES // (1024 * 1024)} MB: give the article itself")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{label}: binary data, not text: give a plain-text or HTML announcement")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{label}: not UTF-8 text: convert it first (e.g. iconv -t UTF-8)") from None


def _looks_like_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def parse_text_file(content: str, label: str) -> SourceText:
    """Split optional ``key: value`` header lines from the body and check the text is usable."""
    meta: dict[str, str] = {}
    lines = clean_text(content).splitlines()  # raw control bytes never reach the store (or a terminal)
    body_start = 0
    while body_start < len(lines) and (match := _HEADER.match(lines[body_start])):
        meta[match.group(1).lower()] = match.group(2).strip()
        body_start += 1
    text = "\n".join(lines[body_start:]).strip()
    check_text(text, label)
    published = None
    if meta.get("date"):
        from tracker.clock import parse_date

        published = parse_date(meta["date"], f"{label}: date")
    return SourceText(text=text, published=published, title=meta.get("title") or _first_line_title(text),
                      publisher=meta.get("source") or meta.get("publisher"), url=meta.get("url"), label=label)


def _first_line_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    return first if first and len(first) <= 160 and not first.endswith(".") else None


def check_text(text: str, label: str) -> None:
    """Refuse text the extractor cannot use: empty, or not English.

    Not English: too few of the commonest English words, or more common words of another
    language (tracker/data/languages.toml) than of English. German shares enough short words
    with English ("in", "an", "will", "was") that the first test alone let it through.
    """
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        raise InputError(f"{label}: no text to read: the announcement is empty")
    if len(words) >= 12:
        english = sum(w in COMMON_ENGLISH for w in words) / len(words)
        other, share = _likeliest_other_language(words)
        if english < 0.08 or share > english:
            looks = f" (it looks like {other.capitalize()})" if share > english else ""
            raise InputError(f"{label}: the text does not look like English{looks}; the extractor reads "
                             "English only (translate it first)")


def _likeliest_other_language(words: list[str]) -> tuple[str, float]:
    """The non-English language whose common words make up the largest share of ``words``."""
    shares = {name: sum(w in common for w in words) / len(words) for name, common in _other_languages().items()}
    name = max(shares, key=shares.__getitem__)
    return name, shares[name]


@functools.lru_cache(maxsize=1)
def _other_languages() -> dict[str, frozenset[str]]:
    """The word lists of tracker/data/languages.toml (rules as data: add a language there)."""
    data = tomllib.loads(resources.files("tracker").joinpath("data/languages.toml").read_text(encoding="utf-8"))
    return {name: frozenset(words.split()) - COMMON_ENGLISH for name, words in data["common"].items()}


def read_url(url: str, limits: object | None = None, *, untrusted: bool = False, client: object | None = None
             ) -> SourceText:
    """Fetch a web page (timeouts, size cap) and take its article text and date.

    ``untrusted``: the URL came from feed content (a link), not from the user, so it may not
    lead to a private address (see :mod:`tracker.fetch`). ``client``: an httpx client to share.
    """
    from tracker.fetch import FetchLimits, fetch_page

    result = fetch_page(url, limits if limits is not None else FetchLimits(), client,  # type: ignore[arg-type]
                        untrusted=untrusted)
    html = decode_page(result.body or b"", result.headers.get("content-type", ""))
    return article_from_html(html, url=result.url, label=url)


def decode_page(raw: bytes, content_type: str) -> str:
    """A page's bytes as text: the charset the server declares, when Python knows it; else UTF-8, else detected.

    A server may declare anything (``charset=x-no-such-charset`` once crashed `extract URL` with a
    LookupError, and failed the feed whose evidence linked to it): an unknown name is ignored.

    >>> page = "<p>The café on the square reopened on Monday, its owner said.</p>" * 2
    >>> decode_page(page.encode("latin-1"), "text/html; charset=x-no-such-charset")[:34]
    '<p>The café on the square reopened'
    """
    charset = _charset(content_type)
    if charset is not None:
        return raw.decode(charset, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(raw[:MAX_TEXT_BYTES]).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def _charset(content_type: str) -> str | None:
    """The declared charset, if Python has a codec of that name."""
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def article_from_html(html: str, *, url: str | None, label: str) -> SourceText:
    """The main text and metadata of an HTML article (trafilatura)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = clean_text(getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < 8:
        raise InputError(f"{label}: no article text found on the page: give the article's own URL or save its text to a file")
    check_text(text, label)
    published = _iso_date(getattr(doc, "date", None))
    return SourceText(text=text, published=published, title=clean_optional(getattr(doc, "title", None)),
                      publisher=clean_optional(getattr(doc, "sitename", None)), url=url, label=label)


def _iso_date(value: object) -> dt.date | None:
    """A page's metadata date; one outside the plausible window is guesswork and counts as none."""
    from tracker.clock import plausible

    if not value:
        return None
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
    return day if plausible(day) else None
