"""The deadline reader and finder, table-driven (pure: no database, no network).

Each row of READINGS is one phrase family read against a publication day,
with the last on-time day the tracker must store.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tracker.errors import ConfigError, DeadlineError, UsageError
from tracker.extract.deadlines import (
    DEFAULT_CONVENTIONS, DeadlineConventions, DeadlineMatch, DueWindow, conventions_table, find_deadline,
    find_deadlines, resolve_deadline,
)

D = date
WED = D(2027, 3, 10)  # a Wednesday in Q1 2027, late winter

READINGS = [
    # family, phrase, published, expected latest
    ("exact date, US order", "by October 14, 2027", WED, D(2027, 10, 14)),
    ("a year by its start", "in the financial year starting April 2028", WED, D(2029, 3, 31)),
    ("a year by its start, exact day", "in the fiscal year beginning July 1, 2027", WED, D(2028, 6, 30)),
    ("a year starting in a year may start in its December", "in the financial year starting in 2028", WED,
     D(2029, 12, 31)),
    ("exact date, day first", "on 2 November 2027", WED, D(2027, 11, 2)),
    ("'beginning' with no 'of' means starting", "beginning later this year", WED, D(2027, 12, 31)),
    ("'beginning of' is the first part", "at the beginning of next month", WED, D(2027, 4, 10)),
    ("exact date, ISO", "no later than 2028-01-20", WED, D(2028, 1, 20)),
    ("exact date, no year, still ahead", "by April 9", WED, D(2027, 4, 9)),
    ("exact date, no year, already past", "no later than February 1", WED, D(2028, 2, 1)),
    ("exact date, before is exclusive", "before 1 May 2027", WED, D(2027, 4, 30)),
    ("exact date with weekday", "on Tuesday, June 8", WED, D(2027, 6, 8)),
    ("month, this year", "by the end of August", WED, D(2027, 8, 31)),
    ("month, before is exclusive", "before March 2028", WED, D(2028, 2, 29)),
    ("month, from", "from November", WED, D(2027, 11, 30)),
    ("month, mid", "by mid-May", WED, D(2027, 5, 20)),
    ("month, current", "later this month", WED, D(2027, 3, 31)),
    ("month, next", "next month", WED, D(2027, 4, 30)),
    ("quarter, bare", "in the second quarter", WED, D(2027, 6, 30)),
    ("quarter, bare and already over rolls on", "during Q1", D(2027, 11, 2), D(2028, 3, 31)),
    ("quarter, with year", "by Q2 2028", WED, D(2028, 6, 30)),
    ("quarter, compact", "in 4Q27", WED, D(2027, 12, 31)),
    ("quarter, next", "by the end of next quarter", WED, D(2027, 6, 30)),
    ("quarter, current", "this quarter", WED, D(2027, 3, 31)),
    ("half, bare", "in the second half", WED, D(2027, 12, 31)),
    ("half, next year", "in the first half of next year", WED, D(2028, 6, 30)),
    ("half, H-form", "in H1 2028", WED, D(2028, 6, 30)),
    ("season, this", "this summer", WED, D(2027, 9, 22)),
    ("season, next (coming one not yet begun)", "next autumn", WED, D(2027, 12, 20)),
    ("season, current winter", "this winter", D(2027, 1, 5), D(2027, 3, 19)),
    ("season, with year", "by spring 2028", WED, D(2028, 6, 20)),
    ("season, next year", "by summer next year", D(2026, 3, 1), D(2027, 9, 22)),
    ("season, short year", "by spring '28", WED, D(2028, 6, 20)),
    ("season, start", "by the start of autumn", WED, D(2027, 9, 22)),
    ("season, ahead of", "ahead of the summer", WED, D(2027, 6, 20)),
    ("year-end", "before year-end", WED, D(2027, 12, 31)),
    ("year-end, explicit", "by the end of 2029", WED, D(2029, 12, 31)),
    ("year, by is generous", "by 2031", WED, D(2031, 12, 31)),
    ("year, before is exclusive", "before 2029", WED, D(2028, 12, 31)),
    ("year, early", "in early 2028", WED, D(2028, 4, 30)),
    ("year, mid", "by mid-2028", WED, D(2028, 7, 31)),
    ("year, late", "late next year", WED, D(2028, 12, 31)),
    ("year, later this year", "later this year", WED, D(2027, 12, 31)),
    ("decade", "by the end of the decade", WED, D(2030, 12, 31)),
    ("two months sharing a year", "in June and July 2028", WED, D(2028, 7, 31)),
    ("decade, said in its 0 year", "by the end of the decade", D(2030, 2, 3), D(2040, 12, 31)),
    ("decade, said in its last year", "by the end of the decade", D(2029, 2, 3), D(2030, 12, 31)),
    ("relative, months clamp to month end", "within three months", D(2027, 11, 30), D(2028, 2, 29)),
    ("relative, days", "within 45 days", WED, D(2027, 4, 24)),
    ("relative, hours round up to days", "within 36 hours", WED, D(2027, 3, 12)),
    ("relative, number words", "within eighteen months", WED, D(2028, 9, 10)),
    ("relative, range takes the upper bound", "over the next three to four years", WED, D(2031, 3, 10)),
    ("relative, a year and a half", "within a year and a half", WED, D(2028, 9, 10)),
    ("relative, tomorrow", "tomorrow", WED, D(2027, 3, 11)),
    ("relative, next week ends Sunday", "next week", WED, D(2027, 3, 21)),
    ("relative, weekday", "by Monday", WED, D(2027, 3, 15)),
    ("vague, coming weeks", "in the coming weeks", WED, D(2027, 5, 5)),
    ("vague, few months", "in the next few months", WED, D(2027, 9, 10)),
    ("vague, soon", "soon", WED, D(2027, 6, 10)),
    ("vague, new year", "in the new year", D(2027, 10, 20), D(2028, 3, 31)),
    ("vague, holidays", "before the holidays", WED, D(2027, 12, 23)),
    ("holidays of a year", "for the 2028 holiday season", WED, D(2028, 12, 31)),
    ("holiday as a launch window", "for Holiday 2028", WED, D(2028, 12, 31)),
    ("holidays, this", "this holiday season", WED, D(2027, 12, 31)),
    ("vague, christmas", "by Christmas", WED, D(2027, 12, 25)),
    ("vague, summer recess", "before the summer recess", WED, D(2027, 7, 24)),
    ("vague, season opener", "in time for the 2028 season", WED, D(2028, 3, 31)),
    ("fiscal, FY as calendar year", "by the end of FY2028", WED, D(2028, 12, 31)),
    ("fiscal, stated year end", "by the end of the fiscal year ending June 30", WED, D(2027, 6, 30)),
    ("fiscal, split year", "in FY2027-28", WED, D(2028, 3, 31)),
    ("fiscal, a named owner's year", "in Vantor's fiscal year 2028", WED, D(2028, 12, 31)),
    ("alternatives, the later counts", "by late 2027 or early 2028", WED, D(2028, 4, 30)),
    ("hedge and tail", "sometime in 2028 at the latest", WED, D(2028, 12, 31)),
]


@pytest.mark.parametrize("family, phrase, published, latest", READINGS, ids=[r[0] for r in READINGS])
def test_resolve_latest(family: str, phrase: str, published: date, latest: date) -> None:
    window = resolve_deadline(phrase, published)
    assert window.latest == latest, window.rule
    assert window.phrase == phrase
    assert window.rule


@pytest.mark.parametrize("phrase, earliest", [
    ("in the third quarter", D(2027, 7, 1)),         # the period's first day
    ("within six months", WED),                      # from publication
    ("in the coming weeks", D(2027, 3, 31)),         # the vague span's lower bound (3 weeks)
    ("in the next two to three years", D(2029, 3, 10)),
])
def test_resolve_earliest(phrase: str, earliest: date) -> None:
    assert resolve_deadline(phrase, WED).earliest == earliest


@pytest.mark.parametrize("phrase", [
    "eventually", "as soon as possible", "in due course", "over time", "in the long run", "at some point",
    "in the future", "when market conditions allow", "if the grant is approved", "one day",
])
def test_no_deadline(phrase: str) -> None:
    window = resolve_deadline(phrase, WED)
    assert (window.earliest, window.latest, window.event) == (None, None, None)
    assert "no deadline" in window.rule


def test_not_before_sets_only_earliest() -> None:
    window = resolve_deadline("no earlier than 2029", WED)
    assert (window.earliest, window.latest) == (D(2029, 1, 1), None)


@pytest.mark.parametrize("phrase", ["blah", "", "by 35 percent", "February 30, 2028", "Q5 2028", "in 04/05/2028"])
def test_unreadable_phrase_is_a_deadline_error(phrase: str) -> None:
    with pytest.raises(DeadlineError) as info:
        resolve_deadline(phrase, WED)
    assert isinstance(info.value, UsageError)
    assert "--due YYYY-MM-DD" in str(info.value)


def test_event_phrase_waits_for_the_event_date() -> None:
    undated = resolve_deadline("within 90 days of the merger closing", WED)
    assert (undated.latest, undated.event) == (None, "the merger closing")
    dated = resolve_deadline("within 90 days of the merger closing", WED, event_date=D(2027, 6, 1))
    assert dated.latest == D(2027, 8, 30)
    before = resolve_deadline("before the 2028 Harbour Games", WED, event_date=D(2028, 7, 14))
    assert before.latest == D(2028, 7, 13)


def test_counting_from_the_announcement_itself_needs_no_event() -> None:
    assert resolve_deadline("within 10 days of this announcement", WED).latest == D(2027, 3, 20)


FINDS = [
    ("The bakery chain will open its flagship store in the fourth quarter.", "in the fourth quarter"),
    ("The utility will not raise tariffs before April 2028, its chair said on Thursday.", "before April 2028"),
    ("The agency aims to publish new guidance within the next few months.", "within the next few months"),
    ("The museum plans to reopen the east wing by 2029, director Ana Ruiz told reporters on Monday.", "by 2029"),
    ("By 2032, every ferry on the route will run on batteries.", "By 2032"),
    ("The firm, which was founded in 2012, expects to list its shares early next year.", "early next year"),
    ("The council pledged in May to plant 5,000 trees within three years.", "within three years"),
    ("The software will ship on 15 January 2028, the foundation said.", "on 15 January 2028"),
    ("Shares will be issued from next month.", "from next month"),
    ("The ministry will consult unions before the reform takes effect.", "before the reform takes effect"),
    ("The operator will restore service within 30 days of the inspection report.",
     "within 30 days of the inspection report"),
    ("The park will stay open until the end of October and reopen in April.", "until the end of October"),
    ("Organisers will finish the roof before the 2029 Vessel Cup.", "before the 2029 Vessel Cup"),
    # background dates and durations that must not be taken for deadlines
    ("The vote, first scheduled for May 2026, will now be held in September.", "in September"),
    ("The carrier cut 900 jobs in 2025 during the downturn.", None),
    ("Ticket sales rose 8 percent in 2024, the club said.", None),
    ("After opening its first shop in March 2021, the company grew quickly.", None),
    ("The line has been closed since 2023.", None),
    ("The firm has run the ferry for two years with a four-day maintenance cycle.", None),
    ("The council will review the plan as soon as possible.", None),
    ("The board may approve the budget, a spokesperson said on Friday.", None),
    # a length of time with only a hedge, "by" or "from" before it is an amount, not a deadline
    ("The new ferries will burn about a quarter less fuel than the old ones.", None),
    ("The trip will shrink to about 3 hours 10 minutes from four hours.", None),
    ("Fares will rise by a quarter.", None),
    ("The ward will open in about two years.", "in about two years"),
    ("We will finish the bridge about two years from now.", "about two years from now"),
    # a figure's baseline is no date: "up from 40 today", "compared with today"; "from today" alone is a start
    ("The chain will run 100 stores, up from 40 today.", None),
    ("The firm will cut fares by a tenth compared with today.", None),
    ("The fleet will grow to 90 ferries, from six today.", None),
    ("Fares on the Harbury line will be free from today.", "from today"),
    # a month cut short in newswire style: its full stop ends no sentence
    ("The agency will launch the probe on Oct. 31, 2027, from Harbury.", "on Oct. 31, 2027"),
    ("The depot will open by Sept. 14, the council said.", "by Sept. 14"),
]


@pytest.mark.parametrize("sentence, phrase", FINDS, ids=[s[:40] for s, _ in FINDS])
def test_find_deadline(sentence: str, phrase: str | None) -> None:
    found = find_deadline(sentence)
    if phrase is None:
        assert found is None, found
        return
    assert found == DeadlineMatch(phrase, sentence.index(phrase), sentence.index(phrase) + len(phrase))
    assert sentence[found.start:found.end] == phrase


def test_find_deadline_prefers_the_promise_over_the_statement_date() -> None:
    sentence = "The retailer said on Tuesday in a filing that it would close 12 stores by the end of June."
    assert [m.phrase for m in find_deadlines(sentence)] == ["by the end of June"]


def test_find_deadline_drops_past_dates_when_publication_is_known() -> None:
    sentence = "The insurer, which promised a new app in 2025, will launch it in Q3 2027."
    assert [m.phrase for m in find_deadlines(sentence, D(2027, 2, 1))] == ["in Q3 2027"]


def test_find_deadline_prefers_a_date_over_an_event() -> None:
    sentence = "Before the vote is held, the party will publish its manifesto by the end of May."
    assert find_deadline(sentence).phrase == "by the end of May"  # type: ignore[union-attr]


def test_from_mapping_changes_a_duration() -> None:
    conv = DeadlineConventions.from_mapping({"coming_weeks": [2, 4], "holidays": "12-20", "by_means_end": False})
    assert conv.coming_weeks == (2, 4)
    assert resolve_deadline("in the coming weeks", WED, conv).latest == D(2027, 4, 7)
    assert resolve_deadline("before the holidays", WED, conv).latest == D(2027, 12, 19)
    assert resolve_deadline("by 2030", WED, conv).latest == D(2029, 12, 31)
    assert DEFAULT_CONVENTIONS.coming_weeks == (3, 8)  # the defaults are untouched


@pytest.mark.parametrize("table, key", [
    ({"coming_fortnights": [1, 2]}, "deadlines.coming_fortnights"),
    ({"few_months": "three"}, "deadlines.few_months"),
    ({"few_months": [6, 3]}, "deadlines.few_months"),
    ({"holidays": "24 December"}, "deadlines.holidays"),
    ({"summer": ["06-01"]}, "deadlines.summer"),
    ({"by_means_end": "yes"}, "deadlines.by_means_end"),
])
def test_from_mapping_rejects_bad_keys_and_types(table: dict[str, object], key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        DeadlineConventions.from_mapping(table)


def test_fiscal_year_end_is_configurable() -> None:
    conv = DeadlineConventions.from_mapping({"fiscal_year_end": "09-30"})
    assert resolve_deadline("by the end of FY2028", WED, conv).latest == D(2028, 9, 30)
    assert resolve_deadline("in Q1 FY2028", WED, conv).latest == D(2027, 12, 31)


def test_conventions_table_documents_the_current_values() -> None:
    rows = conventions_table(DeadlineConventions.from_mapping({"few_months": [2, 4]}))
    assert all(isinstance(a, str) and isinstance(b, str) and a and b for a, b in rows)
    few = dict(rows)["in the next few months, in the coming months"]
    assert "2 to 4 months" in few
    assert len(rows) >= 25


def test_due_window_is_frozen() -> None:
    window = resolve_deadline("this year", WED)
    assert window == DueWindow("this year", D(2027, 1, 1), D(2027, 12, 31), window.rule)
    with pytest.raises(dataclasses.FrozenInstanceError):
        window.latest = None  # type: ignore[misc]


@pytest.mark.parametrize("sentence,phrase", [
    ("Brannvik Power will close its coal-fired station by the end of 2028.", "by the end of 2028"),
    ("The Tarnby gas-fired plant will shut by 2029, the operator said.", "by 2029"),
    ("The state-owned lender will open ten branches in 2027.", "in 2027"),
])
def test_compound_adjectives_are_not_past_tense_verbs(sentence, phrase):
    found = find_deadline(sentence)
    assert found is not None and found.phrase == phrase


# Guidance and schedules name their period without "by" or "in": "for 2026", "third-quarter 2026
# sales", "full-year guidance", "scheduled for May 2027", "between now and 2030".
@pytest.mark.parametrize("sentence, phrase, latest", [
    ("The first flight is scheduled for May 2027.", "for May 2027", date(2027, 5, 31)),
    ("We expect an operating loss of 2 billion dollars for 2026.", "for 2026", date(2026, 12, 31)),
    ("We expect third-quarter 2026 revenue of 4 to 4.4 billion euros.", "third-quarter 2026", date(2026, 9, 30)),
    ("We now expect full-year sales to grow by about 6 percent.", "full-year", date(2026, 12, 31)),
    ("For FY27 we expect passenger numbers to rise to 90 million.", "For FY27", date(2027, 12, 31)),
    ("The utility will cut its emissions by half between now and 2030.", "between now and 2030", date(2030, 12, 31)),
    ("We expect first-half 2027 deliveries of about 300 aircraft.", "first-half 2027", date(2027, 6, 30)),
])
def test_guidance_periods_are_deadlines(sentence: str, phrase: str, latest: date) -> None:
    published = date(2026, 2, 4)
    found = find_deadline(sentence, published)
    assert found is not None and found.phrase == phrase
    assert resolve_deadline(found.phrase, published).latest == latest


@pytest.mark.parametrize("sentence", [
    "The company will freeze fares for two years.",
    "We will provide free meals for a year.",
    "It was the first time the plant had closed for the holidays.",
])
def test_for_a_length_of_time_is_not_a_deadline(sentence: str) -> None:
    assert find_deadline(sentence, date(2026, 2, 4)) is None


@pytest.mark.parametrize("phrase, published, latest", [
    ("next summer", date(2024, 5, 2), date(2025, 9, 22)),   # summer is a month away: that is "this summer"
    ("next spring", date(2024, 9, 10), date(2025, 6, 20)),  # the coming spring
    ("this summer", date(2024, 5, 2), date(2024, 9, 22)),
])
def test_next_season_skips_the_one_about_to_begin(phrase: str, published: date, latest: date) -> None:
    assert resolve_deadline(phrase, published).latest == latest


def test_a_participle_after_a_named_thing_does_not_make_the_deadline_past() -> None:
    from tracker.extract.deadline_finder import find_deadlines
    found = find_deadlines("Tamber plans to ship the first Gizmo built on its own chips by the end of the year.")
    assert [m.phrase for m in found] == ["by the end of the year"]
    assert find_deadlines("Tamber built the plant in 2019.") == []  # a name before it: the past verb's date


def test_for_a_holiday_of_a_year_is_a_deadline_and_for_a_length_is_not() -> None:
    assert find_deadline("The console will arrive in stores for Holiday 2028.", WED).phrase == "for Holiday 2028"
    assert find_deadline("The console will stay in stores for two years.", WED) is None


def test_a_year_named_once_is_both_months_year() -> None:
    """"In May or June 2028" is not this May: the earliest on-time day is in 2028 too."""
    w = resolve_deadline("in May or June 2028", WED)
    assert (w.earliest, w.latest) == (D(2028, 5, 1), D(2028, 6, 30))


@pytest.mark.parametrize("sentence", [
    "Officials expect the line to carry 30,000 riders a day in its early years.",
    "The clinic will see most patients during its first months.",
    "The fund paid out little in the early years.",
    "The plan will take the firm into its second century.",
])
def test_a_things_own_early_years_are_no_calendar_deadline(sentence: str) -> None:
    """ "in its early years" counts from the thing's opening, a day the sentence does not give."""
    assert find_deadline(sentence, date(2026, 2, 4)) is None


@pytest.mark.parametrize("phrase, latest", [
    ("in the early months of 2027", date(2027, 4, 30)),
    ("in the first few weeks of 2027", date(2027, 4, 30)),
])
def test_the_early_months_of_a_year_are_its_early_part(phrase: str, latest: date) -> None:
    assert resolve_deadline(phrase, date(2026, 2, 4)).latest == latest


@pytest.mark.parametrize("phrase, latest", [
    ("on 8/8", D(2027, 8, 8)),  # a day without its year: the next one
    ("from 25/12", D(2027, 12, 25)),
    ("on 12/25", D(2027, 12, 25)),  # only one order fits
    ("on 11.11.28", D(2028, 11, 11)),  # both orders read alike
])
def test_a_numeric_day_that_only_one_order_fits(phrase: str, latest: date) -> None:
    assert resolve_deadline(phrase, WED).latest == latest


@pytest.mark.parametrize("phrase", ["starting 10/6", "on 24/7"])
def test_an_ambiguous_numeric_day_or_around_the_clock_is_no_date(phrase: str) -> None:
    """"10/6" is 6 October or 10 June; "24/7" is all the time."""
    with pytest.raises(DeadlineError):
        resolve_deadline(phrase, WED)
