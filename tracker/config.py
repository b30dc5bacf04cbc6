"""One typed configuration object, built from defaults, file, environment and flags.

Precedence: command-line flag > environment variable (``TRACKER_DATABASE_URL``,
``TRACKER_CONFIG``) > config file > default. Every key is checked: an unknown
key, a wrong type or an invalid URL is a :class:`~tracker.errors.ConfigError`
naming the key (with the closest valid key for a typo). Passwords never
appear in a message: use :func:`mask_url`.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from tracker.errors import ConfigError
from tracker.extract.model import DEFAULT_MIN_CONFIDENCE, DEFAULT_REVIEW_THRESHOLD

DEFAULT_DATABASE_URL = "sqlite:///tracker.db"
DEFAULT_CONFIG_NAME = "tracker.toml"
SUPPORTED_DRIVERS = ("sqlite", "postgresql")


@dataclass
class DatabaseConfig:
    """Where the data lives."""

    url: str = DEFAULT_DATABASE_URL


@dataclass
class StatusConfig:
    """Date rules of the status engine (see ``tracker.status``)."""

    due_soon_days: int = 30
    grace_days: int = 30
    auto_accept: float = 0.70
    review_threshold: float = 0.35  # set on the development pairs: see docs/evaluation.md
    stale_days: int = 90


@dataclass
class FetchConfig:
    """Politeness and safety limits for every HTTP request."""

    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    concurrency: int = 32  # fetching is waiting: 2,000 feeds at 100 ms each take 6 s at 32, 25 s at 8
    per_host: int = 2
    parse_processes: int = 2  # feedparser in worker processes (tracker/parsing.py); 0 parses in-process
    user_agent: str = ""
    archive_evidence_pages: bool = True
    page_budget: float = 60.0  # seconds a polling cycle may spend on announcement items' linked pages
    allow_private_addresses: bool = False  # may links in feed content and redirects reach your network?


@dataclass
class DaemonConfig:
    """How ``tracker run`` behaves."""

    tick: str = "1m"
    default_every: str = "30m"
    max_errors: int = 5
    silent_days: int = 14
    sweep_at: str = "03:00"
    lease: str = "5m"
    claim_batch: int = 50
    log_file: str = ""
    log_level: str = "INFO"


@dataclass
class ReportConfig:
    """The static status page."""

    out_dir: str = "site"
    templates_dir: str = ""
    base_url: str = ""
    title: str = "Promise tracker"
    keep: list[str] = field(default_factory=list)  # the user's own files in the site folder (CNAME, ...)
    editors: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedConfig:
    """One ``[[feeds]]`` table: synced into the database at start."""

    url: str = ""
    name: str = ""
    role: str = "evidence"
    every: str = ""


@dataclass
class ExtractConfig:
    """Which extractor reads announcements, and how sure it must be to store a promise unseen."""

    backend: str = "rules"
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    review_threshold: float = DEFAULT_REVIEW_THRESHOLD


@dataclass
class SearchConfig:
    """Search-feed URL templates with ``{query}``, polled per open commitment."""

    templates: list[str] = field(default_factory=list)
    every: str = "12h"


@dataclass
class NotifyConfig:
    """Apprise URLs that receive one message per status change."""

    urls: list[str] = field(default_factory=list)
    max_age_days: int = 7


@dataclass
class MatchingConfig:
    """Additions to the matcher's shipped lexicon (``tracker/matching/lexicon.toml``)."""

    # noun synonym groups, each a space-separated string: "kiosk booth stall"
    synonyms: list[str] = field(default_factory=list)


@dataclass
class Config:
    """Everything the tracker can be told; tests build it directly."""

    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    status: StatusConfig = field(default_factory=StatusConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    daemon: DaemonConfig = field(default_factory=DaemonConfig)
    report: ReportConfig = field(default_factory=ReportConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    search: SearchConfig = field(default_factory=SearchConfig)
    notify: NotifyConfig = field(default_factory=NotifyConfig)
    matching: MatchingConfig = field(default_factory=MatchingConfig)
    feeds: list[FeedConfig] = field(default_factory=list)
    deadlines: dict[str, Any] = field(default_factory=dict)
    source: str = "defaults"


# user:password@ inside any URL in a text (a feed URL in an error, a name taken from a URL).
_URL_PASSWORD = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/@:]*:)[^\s/@]+@")


def mask_secrets(text: str) -> str:
    """``text`` with the password of every URL in it replaced by ``***`` (feed URLs may carry one).

    >>> mask_secrets("feed 3: https://editor:s3cret@news.example.org/rss failed")
    'feed 3: https://editor:***@news.example.org/rss failed'
    """
    return _URL_PASSWORD.sub(r"\1***@", text)


def mask_url(url: str) -> str:
    """The URL with any password replaced by ``***``, safe for messages and logs."""
    from sqlalchemy.engine import make_url  # here, not at the top: `tracker --help` needs no SQLAlchemy

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL must still be masked
        head, sep, tail = url.rpartition("@")
        if not sep:
            return url
        scheme, _, creds = head.partition("://")
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{tail}"


# `sqlite:///` and a path of letters, digits and `_.~/-`: the usual URL, which SQLAlchemy's
# parser gives back unchanged. Recognised here so that a command that never opens the
# database (`tracker extract FILE`) need not import SQLAlchemy to check it.
PLAIN_SQLITE_URL = re.compile(r"sqlite:///[\w.~/-]+", re.ASCII)


def normalize_database_url(url: str, key: str = "database.url") -> str:
    """Check a database URL and pick the installed PostgreSQL driver (psycopg 3)."""
    if PLAIN_SQLITE_URL.fullmatch(url):
        return url
    return _normalize_parsed_url(url, key)


def _normalize_parsed_url(url: str, key: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(
            f"{key}: {mask_url(url)!r} is not a database URL: use sqlite:///path.db "
            "or postgresql://user@host/dbname"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in SUPPORTED_DRIVERS:
        raise ConfigError(
            f"{key}: unsupported database {backend!r} in {mask_url(url)!r}: use sqlite or postgresql"
        )
    if backend == "postgresql" and parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and parsed.database in (None, ""):
        raise ConfigError(f"{key}: SQLite URL needs a file: sqlite:///tracker.db")
    return parsed.render_as_string(hide_password=False)


def load_config(
    path: str | os.PathLike[str] | None = None,
    *,
    database_url: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """Build the Config: defaults < file < environment < flags.

    ``path`` is the ``--config`` flag; without it ``TRACKER_CONFIG`` and then
    ``./tracker.toml`` (if present) are used. ``database_url`` is the flag.

    >>> load_config(database_url="sqlite:///x.db").database.url
    'sqlite:///x.db'
    """
    env = os.environ if environ is None else environ
    cfg_path = _config_path(path, env)
    data = _read_toml(cfg_path) if cfg_path else {}
    config = _build(Config, data, "")
    if cfg_path:
        config.source = str(cfg_path)
    url = database_url or env.get("TRACKER_DATABASE_URL") or config.database.url
    key = "--database-url" if database_url else (
        "TRACKER_DATABASE_URL" if env.get("TRACKER_DATABASE_URL") else "database.url")
    config.database.url = normalize_database_url(url, key)
    _check_values(config)
    return config


def _config_path(path: str | os.PathLike[str] | None, env: Mapping[str, str]) -> Path | None:
    explicit = path or env.get("TRACKER_CONFIG")
    if explicit:
        p = Path(explicit)
        if not p.is_file():
            raise ConfigError(f"config file {str(p)!r} not found: create it with `tracker init` "
                              "or point --config/TRACKER_CONFIG at an existing file")
        return p
    default = Path(DEFAULT_CONFIG_NAME)
    return default if default.is_file() else None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start + 1}): save the file as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}): fix the file or start again "
                          "from config.example.toml") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None


def _build(cls: type, data: Any, prefix: str) -> Any:
    """Turn a TOML table into dataclass ``cls``, checking every key and type."""
    where = prefix.rstrip(".") or "config"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a table, got {_type_name(data)}")
    fields = {f.name: f for f in dataclasses.fields(cls) if f.name != "source"}
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for key, value in data.items():
        if key not in fields:
            raise ConfigError(_unknown_key_message(prefix + key, list(fields), prefix))
        kwargs[key] = _convert(hints[key], value, prefix + key)
    return cls(**kwargs)


def _convert(hint: Any, value: Any, key: str) -> Any:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, key + ".")
    if origin is list:
        (item_type,) = typing.get_args(hint)
        if not isinstance(value, list):
            raise ConfigError(f"{key}: expected a list, got {_type_name(value)}")
        if dataclasses.is_dataclass(item_type):
            return [_build(item_type, v, f"{key}[{i}].") for i, v in enumerate(value)]
        return [_convert(item_type, v, f"{key}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{key}: expected a table, got {_type_name(value)}")
        return value
    if origin in (typing.Union, types.UnionType):
        return value
    return _scalar(hint, value, key)


def _scalar(hint: type, value: Any, key: str) -> Any:
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is int and isinstance(value, bool):
        raise ConfigError(f"{key}: expected an integer, got a boolean")
    if not isinstance(value, hint):
        raise ConfigError(f"{key}: expected {_type_name(hint())}, got {_type_name(value)} {value!r}")
    return value


def _type_name(value: Any) -> str:
    return {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _unknown_key_message(key: str, valid: list[str], prefix: str) -> str:
    leaf = key[len(prefix):]
    close = difflib.get_close_matches(leaf, valid, n=1, cutoff=0.6)
    hint = f": did you mean '{prefix}{close[0]}'?" if close else f": valid keys are {', '.join(sorted(valid))}"
    return f"unknown config key '{key}'{hint}"


def _check_values(config: Config) -> None:
    """Range checks that types alone cannot express."""
    from tracker.extract.deadline_conventions import DeadlineConventions  # not the whole extractor

    DeadlineConventions.from_mapping(config.deadlines)  # raises ConfigError naming deadlines.<key>
    st = config.status
    if not 0 <= st.review_threshold <= st.auto_accept <= 1:
        raise ConfigError("status.review_threshold and status.auto_accept must satisfy "
                          "0 <= review_threshold <= auto_accept <= 1")
    for name in ("due_soon_days", "grace_days", "stale_days"):
        if getattr(st, name) < 0:
            raise ConfigError(f"status.{name} must be 0 or more")
    for name in ("tick", "default_every", "lease"):
        _check_duration(f"daemon.{name}", getattr(config.daemon, name))
    if config.daemon.claim_batch < 1:
        raise ConfigError("daemon.claim_batch must be at least 1")
    if config.fetch.concurrency < 1 or config.fetch.per_host < 1:
        raise ConfigError("fetch.concurrency and fetch.per_host must be at least 1")
    if config.fetch.page_budget <= 0:
        raise ConfigError("fetch.page_budget must be more than 0 seconds (linked pages that do not fit wait "
                          "for the next cycle; with no time at all they would wait for ever)")
    if config.fetch.parse_processes < 0:
        raise ConfigError("fetch.parse_processes must be 0 (parse in-process) or more")
    for i, feed in enumerate(config.feeds):
        if not feed.url:
            raise ConfigError(f"feeds[{i}].url is missing: every [[feeds]] table needs a url")
        if feed.role not in ("evidence", "announcements", "both"):
            raise ConfigError(f"feeds[{i}].role {feed.role!r} is invalid: use evidence, announcements or both")
    for i, pattern in enumerate(config.report.keep):
        if not pattern or pattern.startswith("/") or ".." in pattern.split("/"):
            raise ConfigError(f"report.keep[{i}] {pattern!r} must be a path inside the site folder, "
                              "e.g. \"CNAME\" or \"images/\"")
    for i, tmpl in enumerate(config.search.templates):
        if "{query}" not in tmpl or not tmpl.startswith(("http://", "https://")):
            raise ConfigError(f"search.templates[{i}] must be an http(s) URL containing {{query}}")
    for i, group in enumerate(config.matching.synonyms):
        if len(group.split()) < 2:
            raise ConfigError(f"matching.synonyms[{i}] {group!r} needs at least two words: "
                              "one group is a space-separated string such as \"kiosk booth stall\"")
    for user, name in config.report.editors.items():
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"report.editors.{user}: expected the display name as a string, e.g. \"Robin Vale\"")
    for i, url in enumerate(config.notify.urls):
        if "://" not in url:
            raise ConfigError(f"notify.urls[{i}] {mask_url(url)!r} is not an Apprise URL (scheme://...)")


def _check_duration(key: str, value: str) -> None:
    from tracker.backoff import parse_duration
    from tracker.errors import InvalidValue

    try:
        parse_duration(value)
    except InvalidValue as exc:
        raise ConfigError(f"{key}: {exc}") from None
