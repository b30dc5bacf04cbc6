"""Deadline phrases -> due windows, and where deadline phrases sit in a sentence. Pure.

A promise is judged on its last on-time day, so every phrase an announcement
can use ("in the third quarter", "before January 2026", "within the next few
months", "by 2030") must become one date, read against the day the promise
was published. Where a phrase has several fair readings the tracker takes the
one most generous to the promiser that a fair reader would still accept
("by 2030" = by 31 Dec 2030; "this summer" ends 22 Sep), and says so in
``DueWindow.rule``. Vague words use :class:`DeadlineConventions`, which the
``[deadlines]`` config table can change.

    >>> resolve_deadline("in the third quarter", date(2024, 2, 14)).latest
    datetime.date(2024, 9, 30)
    >>> find_deadline("Fares will not rise before January 2026, the board said on Monday.").phrase
    'before January 2026'

Modules: the vocabulary is in ``deadline_grammar``, the periods in
``deadline_periods`` and ``deadline_seasons``, the conventions in
``deadline_conventions``, prepositions and events in ``deadline_phrases``, the
sentence search in ``deadline_finder``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.errors import DeadlineError
from tracker.extract.deadline_conventions import DEFAULT_CONVENTIONS, DeadlineConventions
from tracker.extract.deadline_finder import DeadlineMatch, find_deadline, find_deadlines
from tracker.extract.deadline_grammar import normalise
from tracker.extract.deadline_periods import Ctx
from tracker.extract.deadline_phrases import read_phrase

__all__ = ["DEFAULT_CONVENTIONS", "DeadlineConventions", "DeadlineMatch", "DueWindow", "conventions_table",
           "find_deadline", "find_deadlines", "resolve_deadline"]


@dataclass(frozen=True)
class DueWindow:
    """When a promise falls due.

    ``latest`` is the last on-time day (None: no deadline, never broken by
    date). ``earliest`` is when the promised thing can first be expected: the
    start of the named period for "in Q3", the publication date for "by" and
    "within" phrases, the lower bound of a vague span ("the coming weeks": 3
    weeks on). ``event`` names what the deadline hangs on when the phrase
    counts from an undated event ("before drafting begins").
    """

    phrase: str
    earliest: date | None
    latest: date | None
    rule: str
    event: str | None = None


def resolve_deadline(phrase: str, published: date, conv: DeadlineConventions = DEFAULT_CONVENTIONS, *,
                     event_date: date | None = None) -> DueWindow:
    """Read ``phrase`` against the publication day; ``event_date`` dates the event an event phrase hangs on.

    Raises DeadlineError when the phrase is not understood.

    >>> resolve_deadline("before January 2026", date(2024, 5, 20)).latest
    datetime.date(2025, 12, 31)
    """
    text = normalise(phrase)
    reading = read_phrase(text, Ctx(published, conv), event_date) if text else None
    if reading is None:
        raise DeadlineError(f"deadline '{phrase}' not understood: give a date with --due YYYY-MM-DD "
                            "or a phrase like 'by the end of 2026'")
    return DueWindow(phrase, reading.earliest, reading.latest, reading.rule, reading.event)


def conventions_table(conv: DeadlineConventions = DEFAULT_CONVENTIONS) -> list[tuple[str, str]]:
    """(example phrase, how it is read) rows for the docs and the report's methodology page."""
    def rng(field: str, unit: str) -> str:
        lo, hi = getattr(conv, field)
        return f"{lo} to {hi} {unit} after publication; due by the later"

    def months(field: str) -> str:
        lo, hi = getattr(conv, field)
        return f"months {lo} to {hi} of the year; due at the end of month {hi}"

    seasons = "; ".join(f"{name} {start}..{end}" for name in ("spring", "summer", "autumn", "winter")
                        for start, end in [getattr(conv, name)])
    by_year = ("the end of that year (generous reading)" if conv.by_means_end
               else "the day before that year begins")
    return [
        ("on 30 June 2026, 2026-06-30", "that day; a date without a year is its next occurrence"),
        ("before January 2026", "exclusive: 31 Dec 2025"),
        ("by 2030, by Q1 2027, by FY2027", f"by {by_year}"),
        ("in Q3, during the first quarter", "that calendar quarter; next year's if already over"),
        ("in H2 2026, the first half", "that half-year; next year's if already over"),
        ("this summer, next spring", f"northern seasons, opening..last on-time day: {seasons}; "
                                     "'next' = the next one not yet begun"),
        ("by the start of summer, ahead of the winter", "the day before the season's astronomical start"),
        ("by the end of the month / year / decade", "the last day of the current month / year / decade"
                                                     + (" (decades end in years ending in 0)"
                                                        if conv.decade_ends_in_zero else "")),
        ("within 90 days, within six months, over the next five years",
         "counted from publication; months are clamped to month end (Aug 30 + 6 months = Feb 28)"),
        ("within 48 hours", "whole days, rounded up"),
        ("in the next two to three years", "the upper bound counts"),
        ("in the coming days", rng("coming_days", "days")),
        ("in the coming weeks, within weeks", rng("coming_weeks", "weeks")),
        ("in the next few months, in the coming months", rng("few_months", "months")),
        ("in the coming years, within a few years", rng("few_years", "years")),
        ("soon, shortly, in the near future", rng("soon", "months")),
        ("imminently, any day now", rng("imminent", "days")),
        ("in the near term", rng("near_term", "months")),
        ("early 2027, early next year", months("early")),
        ("mid-2026", months("mid")),
        ("late 2026, later this year", months("late") + "; 'later this year' is the year's end"),
        ("early / mid / late March", "days " + ", ".join(f"{lo}-{hi}" for lo, hi in (
            conv.early_month, conv.mid_month, conv.late_month)) + " of the month; due on the last of them"),
        ("in the new year", months("new_year") + " of the coming year"),
        ("before the holidays", f"the day before {conv.holidays} (MM-DD)"),
        ("by Christmas", "25 December (before Christmas: the 24th)"),
        ("before the summer recess", f"the day before {conv.summer_recess} (MM-DD), the usual recess start"),
        ("in time for the 2026 season", f"the day before {conv.season_opens} (MM-DD); a split season "
                                        f"such as 2025-26 opens {conv.split_season_opens}"),
        ("FY2026, the fiscal year", f"fiscal years end {conv.fiscal_year_end} (MM-DD) unless the phrase says "
                                    "('the fiscal year ending March 31'); "
                                    f"FY2026-27 ends {conv.split_fiscal_year_end}"),
        ("by the end of the school year", f"school years run {conv.school_year[0]}..{conv.school_year[1]} (MM-DD)"),
        ("next week, by Friday", "Sunday of next week; the coming Friday ('next Friday': next week's)"),
        ("eventually, as soon as possible, in due course, when conditions allow", "no deadline"),
        ("before drafting begins, within six months of launch", "no date until the event's date is recorded"),
    ]
