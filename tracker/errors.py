"""Every error the tracker raises on purpose.

Modules raise these; only ``tracker.cli`` turns them into a one-line message
and an exit code. Each message names the object and the next step.

    TrackerError                 exit 1: something failed
    +-- UsageError               exit 2: the user asked for something invalid
    |   +-- ConfigError          unknown key, wrong type, bad URL in config/env/flags
    |   +-- InvalidValue         bad date, bad status, bad option value
    |   +-- NotFound             no commitment / feed / evidence with that id
    |   +-- DeadlineError        a deadline phrase the tracker cannot read
    |   +-- InputError           empty, binary, oversized or unreadable source text
    +-- DatabaseError            the database cannot be used
    |   +-- SchemaMismatch       database revision behind or ahead of the code
    |   +-- DatabaseUnavailable  cannot connect / open the database
    |   +-- AlreadyRunning       a second daemon against the same database
    +-- FetchError               HTTP or file fetch failed (carries the reason)
    |   +-- BodyTooLarge         body over the cap (also after decompression)
    +-- FeedError                bytes that are not a usable feed
"""

from __future__ import annotations


class TrackerError(Exception):
    """Base of every deliberate tracker error; ``exit_code`` is what the CLI returns."""

    exit_code = 1


class UsageError(TrackerError):
    """The user asked for something invalid: fix the command, config or input."""

    exit_code = 2


class ConfigError(UsageError):
    """A configuration key is unknown, of the wrong type or holds an invalid value."""


class InvalidValue(UsageError):
    """A value given on the command line (date, status, duration...) is not valid."""


class NotFound(UsageError):
    """No object with the given id exists."""


class DeadlineError(UsageError):
    """A deadline phrase could not be turned into a due window."""


class InputError(UsageError):
    """Source text that cannot be read: empty, binary, too large, not an article."""


class DatabaseError(TrackerError):
    """The database cannot be used as asked."""


class SchemaMismatch(DatabaseError):
    """The database schema revision differs from the code's."""


class DatabaseUnavailable(DatabaseError):
    """The database cannot be opened or reached."""


class AlreadyRunning(DatabaseError):
    """Another daemon already holds this database."""


class FetchError(TrackerError):
    """Fetching a URL or file failed; ``status`` holds the HTTP status when there was one."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None):
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class BodyTooLarge(FetchError):
    """The body exceeded the size cap (checked while streaming and after decompression)."""


class FeedError(TrackerError):
    """The fetched bytes hold no usable feed."""
