"""Which extractor reads a text: the built-in rules, or a backend installed as a plugin.

``extract.backend`` names it. ``rules`` is built in (offline, deterministic). Any other name is
looked up in the ``tracker.extractors`` entry-point group, so a new extractor is a package, not
a fork::

    # pyproject.toml of a plugin
    [project.entry-points."tracker.extractors"]
    mymodel = "my_package.extractor:extract"

A backend is a callable with the signature of :func:`tracker.extract.extractor.read_text`
returning an :class:`Extraction`. Whatever it returns is checked before the tracker trusts it
(:func:`checked`): every quote must be an exact sentence of the text and every deadline phrase an
exact part of its quote, and due dates are read again by our own deadline rules, so a model can
neither invent a quote nor a date. What fails a check is moved to ``left_out`` with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from importlib.metadata import entry_points
from typing import Protocol

from tracker.errors import ConfigError, DeadlineError
from tracker.extract.deadlines import DEFAULT_CONVENTIONS, DeadlineConventions, resolve_deadline
from tracker.extract.extractor import Extraction, LeftOut, read_text
from tracker.extract.model import Commitment

GROUP = "tracker.extractors"


class Backend(Protocol):
    """What an extractor backend is: text and publication day in, an :class:`Extraction` out."""

    def __call__(self, text: str, published: dt.date, *, default_actor: str | None = None,
                 publisher: str | None = None, include_conditional: bool = False,
                 conventions: DeadlineConventions = DEFAULT_CONVENTIONS, min_confidence: float = ...,
                 review_threshold: float = ..., title: str | None = None) -> Extraction: ...


def get_backend(name: str) -> Callable[..., Extraction]:
    """The extractor called ``name``: ``rules``, or an installed plugin wrapped in :func:`checked`."""
    if name == "rules":
        return read_text
    found = [ep for ep in entry_points(group=GROUP) if ep.name == name]
    if not found:
        known = ", ".join(sorted({"rules", *(ep.name for ep in entry_points(group=GROUP))}))
        raise ConfigError(f"extract.backend: no extractor called {name!r} is installed (known: {known}); "
                          f"install its package or set extract.backend = \"rules\"")
    plugin = found[0].load()

    def run(text: str, published: dt.date, **kw) -> Extraction:  # type: ignore[no-untyped-def]
        conventions = kw.get("conventions", DEFAULT_CONVENTIONS)
        return checked(plugin(text, published, **kw), text, published, conventions)

    return run


def checked(result: Extraction, text: str, published: dt.date,
            conventions: DeadlineConventions = DEFAULT_CONVENTIONS) -> Extraction:
    """Keep only what a backend can show in the text; read its deadlines with our own rules."""
    left = list(result.left_out)

    def verify(items: list[Commitment]) -> list[Commitment]:
        kept = []
        for c in items:
            problem = _problem(c, text)
            if problem:
                left.append(LeftOut(c.quote, max(text.find(c.quote), 0), "", f"backend output refused: {problem}"))
                continue
            kept.append(_renormalised(c, text, published, conventions))
        return kept

    return Extraction(verify(result.commitments), verify(result.proposals), left)


def _problem(c: Commitment, text: str) -> str | None:
    if not c.quote or c.quote not in text:
        return "the quote is not in the text"
    if c.deadline_phrase and c.deadline_phrase not in c.quote:
        return "the deadline phrase is not in the quote"
    if not 0.0 <= c.confidence <= 1.0:
        return f"confidence {c.confidence} is not between 0 and 1"
    return None


def _renormalised(c: Commitment, text: str, published: dt.date, conventions: DeadlineConventions) -> Commitment:
    start = text.find(c.quote)
    if not c.deadline_phrase:
        return replace(c, start=start, due_earliest=None, due_latest=None)
    try:
        window = resolve_deadline(c.deadline_phrase, published, conventions)
    except DeadlineError:
        window = None
    if window is None:
        return replace(c, start=start, due_earliest=None, due_latest=None)
    return replace(c, start=start, due_earliest=window.earliest, due_latest=window.latest)
