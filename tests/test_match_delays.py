"""Delay reports read as delays: the wordings news uses, and the ones that must not decide anything.

Each test is an invented promise and invented news. A delay naming the
actor (or the thing's own name) in its own unhedged sentence is accepted and
moves the due window; a delay of someone else's project is not ours; a rumour
of a delay waits for an editor. Every name and sentence here is made up.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.match import CommitmentDoc, ItemDoc, evidence_state, score
from tracker.status import CommitmentFacts, EvidenceFact, judge

D = dt.date


def promise(actor: str, what: str, due: dt.date = D(2026, 6, 30), quote: str | None = None) -> CommitmentDoc:
    return CommitmentDoc(1, actor, (), what, quote, due, False, D(2025, 1, 10))


def news(title: str, text: str = "", published: dt.date = D(2025, 11, 4), iid: int = 1) -> ItemDoc:
    return ItemDoc(iid, title, text, None, published)


def accepted_delay(it: ItemDoc, c: CommitmentDoc):
    m = score(it, c)
    assert m is not None and (m.kind, evidence_state(m)) == ("delay", "accepted"), m
    return m


TRAMS = promise("Orlen Transit", "open the Quorrin tram line")
# a promise read thinly: its actor is the thing's own name, its object only the rocket it rides
PROBE = promise("Veyra", "launch on a Corvan 4 rocket from Port Idris", due=D(2026, 10, 31),
                quote="Veyra is set to launch in October 2026 on a Corvan 4 rocket from Port Idris.")
HATCH = promise("Dravel Cars", "launch the Lummet electric hatchback", due=D(2026, 3, 31))


# -- a delay with a new date moves the window --------------------------------------------------

@pytest.mark.parametrize("title,text,new_due", [
    ("Orlen Transit pushes back Quorrin tram opening to March 2027",
     "Orlen Transit said testing had taken longer than expected.", D(2027, 3, 31)),
    ("Quorrin tram line will not open until 2027", "Orlen Transit blamed a shortage of drivers.",
     D(2027, 12, 31)),
    ("Orlen Transit now expects to open the Quorrin tram line between late 2026 and March 2027", "",
     D(2027, 3, 31)),
    ("Orlen Transit delays Quorrin trams by four months", "The operator gave no other details.",
     D(2026, 10, 31)),
], ids=["pushes back X to", "will not open until", "now expects to open between", "delays by a length"])
def test_a_delay_headline_with_a_new_date_moves_the_due_window(title, text, new_due):
    m = accepted_delay(news(title, text), TRAMS)
    assert m.new_due_latest == new_due
    facts = CommitmentFacts(TRAMS.due_latest, False, (EvidenceFact("delay", m.event_date, 1, m.new_due_latest),))
    assert judge(facts, D(2026, 1, 5)).status == "delayed"


@pytest.mark.parametrize("title,new_due", [
    ("Orlen Transit defers Quorrin tram line to 2027", D(2027, 12, 31)),
    ("Orlen Transit puts back Quorrin tram opening to 2027", D(2027, 12, 31)),
    ("Orlen Transit reschedules Quorrin tram opening for May 2027", D(2027, 5, 31)),
    ("Quorrin tram line slips into 2027", D(2027, 12, 31)),
    ("Quorrin tram line no longer expected before 2028", D(2028, 12, 31)),
    ("Orlen Transit sets new opening date of May 2027 for Quorrin tram line", D(2027, 5, 31)),
    ("Quorrin tram line opening put off until spring 2027", D(2027, 6, 20)),
    ("Quorrin tram line opening slips to first half of 2027", D(2027, 6, 30)),
    ("Orlen Transit pushes Quorrin tram opening back to fiscal 2027", D(2027, 12, 31)),
    ("Quorrin tram line delayed to end-2027", D(2027, 12, 31)),
])
def test_the_words_of_a_slip_and_its_new_period(title, new_due):
    assert accepted_delay(news(title), TRAMS).new_due_latest == new_due


@pytest.mark.parametrize("title,text,new_due", [
    ("Veyra's launch slips once more, to around May 2028", "", D(2028, 5, 31)),
    ("Funding gap pushes Veyra launch to July 2028", "", D(2028, 7, 31)),
    ("Veyra given a March 2028 launch date", "The agency also raised the mission's cost.", D(2028, 3, 31)),
    ("Agency delays Veyra launch to 2028", "", D(2028, 12, 31)),
], ids=["slips once more to", "pushes X launch to", "given a launch date", "delays X launch to"])
def test_a_thin_promise_is_named_by_its_actor_and_its_act(title, text, new_due):
    m = accepted_delay(news(title, text), PROBE)
    assert m.new_due_latest == new_due


@pytest.mark.parametrize("title,text,new_due", [
    ("Orlen Transit delays Quorrin trams until at least 2027", "", D(2027, 12, 31)),
    ("Tram update", "VARNO, June 7 (Wire) - The Quorrin tram line will not open until October 2027 at "
     "the earliest, Orlen Transit said on Wednesday.", D(2027, 10, 31)),
], ids=["until at least", "a dateline and 'at the earliest'"])
def test_the_earliest_date_is_the_new_period_and_a_dateline_is_none(title, text, new_due):
    assert accepted_delay(news(title, text, D(2026, 6, 7)), TRAMS).new_due_latest == new_due


def test_held_up_is_a_delay_not_a_holding():
    it = news("Quorrin tram opening held up by a legal challenge", "Residents have gone to court, Orlen Transit said.")
    m = accepted_delay(it, TRAMS)
    assert m.new_due_latest is None


def test_the_old_date_in_a_was_due_clause_is_not_the_new_one():
    it = news("Orlen Transit postpones Quorrin trams", "Orlen Transit has postponed the opening of the Quorrin "
              "tram line, which was due to open on June 1, to September 14, 2026.")
    assert accepted_delay(it, TRAMS).new_due_latest == D(2026, 9, 14)


def test_no_date_for_the_thing_is_a_delay_without_a_new_date():
    it = news("Twelve months later, Orlen Transit still has no date for the Quorrin tram line",
              "The operator said the trams were still being tested.", published=D(2026, 7, 20))
    m = accepted_delay(it, TRAMS)
    assert m.new_due_latest is None


def test_a_thing_put_on_hold_is_a_delay_without_a_new_date():
    m = accepted_delay(news("Orlen Transit puts Quorrin tram line on hold", "The operator cited rising costs."),
                       TRAMS)
    assert m.new_due_latest is None


def test_a_promise_without_names_is_named_by_the_actor_its_act_and_its_words():
    lights = promise("Marlow Borough Council", "replace the old sodium street lights with LED lamps")
    it = news("Marlow Borough Council delays replacement of sodium street lights to 2028",
              "The council said supply problems had slowed the work.")
    assert accepted_delay(it, lights).new_due_latest == D(2028, 12, 31)


def test_the_things_own_name_counts_as_naming_the_actor_but_a_place_does_not():
    m = accepted_delay(news("Quorrin tram line opening pushed back to 2027"), TRAMS)
    assert m.new_due_latest == D(2027, 12, 31)
    store = promise("Brisk Clothiers", "open its first store in Corrin", due=D(2026, 12, 31))
    m = score(news("Corrin store opening pushed back to 2028"), store)
    assert m is None or evidence_state(m) != "accepted", m


# -- not ours ----------------------------------------------------------------------------------

@pytest.mark.parametrize("title,text", [
    ("Brisa Motors delays Zephyr launch to 2028", "Brisa Motors said its Zephyr saloon needed more work."),
    ("Rival Brisa Motors pushes back its own hatchback to 2028", ""),
], ids=["another actor's product", "another actor, same kind of thing"])
def test_a_delay_of_another_actors_project_is_not_ours(title, text):
    m = score(news(title, text), HATCH)
    assert m is None or evidence_state(m) != "accepted", m


def test_the_same_actors_other_product_slipping_waits_for_an_editor():
    m = score(news("Dravel Cars delays Zephyr launch to 2028", "Dravel Cars said the saloon needed more work."),
              HATCH)
    assert m is None or evidence_state(m) != "accepted", m


def test_the_delay_of_the_opposite_act_is_not_a_delay_of_the_promise():
    m = score(news("Orlen Transit delays Quorrin tram line closure to 2028"), TRAMS)
    assert m is None or m.kind != "delay", m


def test_an_actor_delaying_an_unnamed_launch_waits_for_an_editor():
    m = score(news("Veyra delays the launch to 2028", "A spokesperson gave no reason."), PROBE)
    assert m is None or evidence_state(m) != "accepted", m


def test_a_date_brought_forward_is_not_a_delay():
    it = news("Orlen Transit now expects to open the Quorrin tram line in 2026, a year earlier than planned")
    m = score(it, TRAMS)
    assert m is None or m.kind != "delay", m


# -- hedged ------------------------------------------------------------------------------------

@pytest.mark.parametrize("title,text", [
    ("Veyra launch could slip to 2028", "Engineers are studying a valve problem."),
    ("Quorrin tram opening may be pushed back to 2027, sources say", "Orlen Transit declined to comment."),
], ids=["could slip", "sources say"])
def test_a_hedged_rumour_of_delay_is_not_auto_accepted(title, text):
    for c in (PROBE, TRAMS):
        m = score(news(title, text), c)
        assert m is None or evidence_state(m) != "accepted", m


LANDFILL = promise("Vantor City Council", "close the Orvo landfill")


@pytest.mark.parametrize(("title", "text", "new_due"), [
    ("Vantor City Council admits it will miss June deadline to close the Orvo landfill", "", None),
    ("Vantor City Council says the Orvo landfill won't close by June", "", None),
    ("Vantor City Council says the Orvo landfill won't close by June",
     "The council expects the Orvo landfill to close in 2027 instead.", D(2027, 12, 31)),
])
def test_a_deadline_the_actor_says_it_will_miss_is_a_delay(title: str, text: str, new_due: dt.date | None) -> None:
    """"will miss the June deadline", "won't close by June" (the promised June): late, not dropped; a later date
    named anywhere in the item is the new target, the missed one never is."""
    m = accepted_delay(news(title, text), LANDFILL)
    assert m.new_due_latest == new_due, m


@pytest.mark.parametrize("title", [
    "Vantor City Council missed its June deadline to close the Orvo landfill",
    "Vantor City Council failed to close the Orvo landfill before June",
])
def test_a_miss_already_reported_is_not_an_announced_delay(title: str) -> None:
    m = score(news(title, "", D(2026, 7, 2)), LANDFILL)
    assert m is None or m.kind != "delay", m


BRIDGE = promise("Vantor Roads", "open the Orvo bridge")


def test_a_slip_the_actor_warns_of_goes_to_the_editor_as_a_delay() -> None:
    """"could slip to 2029": a delay the actor calls possible, with its date, for an editor; never decided unseen."""
    m = score(news("Vantor Roads warns the Orvo bridge could slip to 2029"), BRIDGE)
    assert m is not None and (m.kind, evidence_state(m)) == ("delay", "proposed") and m.new_due_latest == D(2029, 12, 31)


def test_a_slip_others_guess_at_is_no_delay() -> None:
    m = score(news("Orvo bridge could slip to 2029, analysts say"), BRIDGE)
    assert m is None or m.kind != "delay" or evidence_state(m) == "discarded", m


def test_analysts_the_actor_speaks_to_are_no_rumour() -> None:
    """"told analysts on a call": the audience of the actor's own words, not analysts guessing."""
    it = news("Vantor Roads quarterly results",
              "Vantor Roads told analysts on a call that it had pushed back the opening of the Orvo bridge to 2028.")
    assert accepted_delay(it, BRIDGE).new_due_latest == D(2028, 12, 31)


@pytest.mark.parametrize("title", [
    "Vantor Rail says it could not hand over the Orvo line in May",
    "Vantor Rail will not open the Orvo line on 31 May",
])
def test_the_promised_month_or_day_said_with_in_or_on_is_the_deadline_missed(title: str) -> None:
    line = promise("Vantor Rail", "open the Orvo line", due=D(2026, 5, 31))
    assert accepted_delay(news(title, published=D(2026, 3, 4)), line).new_due_latest is None


@pytest.mark.parametrize(("title", "new_due"), [
    ("Orvo Kingdom opens on 3 June 2027", D(2027, 6, 3)),
    ("Orvo Kingdom opens in June 2027", D(2027, 6, 30)),
    ("Orvo Kingdom opens 3 June 2027!", D(2027, 6, 30)),
])
def test_a_present_tense_dated_after_the_item_is_a_schedule_never_the_opening(title: str, new_due: dt.date) -> None:
    """"opens on 3 June 2027", written in February 2026: the park has not opened; its new date is after the
    promised one, so the promise is late."""
    park = promise("Orvo Parks", "open Orvo Kingdom", due=D(2026, 12, 31))
    m = accepted_delay(news(title, "Post by @OrvoParks", published=D(2026, 2, 4)), park)
    assert m.new_due_latest == new_due


@pytest.mark.parametrize("title, text", [
    ("Dellan Space Agency confirms Orvo probe for 2028 launch", "The agency approved the probe for final assembly."),
    ("Dellan Space Agency approves Orvo probe", "The agency approved the probe, with launch set for July 2028."),
])
def test_the_promised_act_named_as_a_noun_with_a_later_date_is_a_delay(title: str, text: str) -> None:
    probe = promise("Dellan Space Agency", "launch the Orvo probe", due=D(2026, 12, 31))
    m = score(news(title, text, D(2025, 4, 16)), probe)
    assert m.kind == "delay" and m.new_due_latest is not None and m.new_due_latest.year == 2028


def test_the_promised_act_named_as_a_noun_on_time_is_no_delay() -> None:
    probe = promise("Dellan Space Agency", "launch the Orvo probe", due=D(2028, 12, 31))
    m = score(news("Dellan Space Agency approves Orvo probe", "The agency approved the probe, with launch set for "
                   "July 2028.", D(2025, 4, 16)), probe)
    assert m is None or m.kind != "delay"


@pytest.mark.parametrize("title", ["Orlen Transit pauses work on Quorrin tram line",
                                   "Quorrin tram line opening date no longer achievable, Orlen Transit says"])
def test_a_pause_or_a_date_given_up_is_a_delay_without_a_new_date(title: str) -> None:
    m = score(news(title, "No new date was given."), TRAMS)
    assert m is not None and m.kind == "delay" and m.new_due_latest is None, m


@pytest.mark.parametrize("title, new_due", [
    ("Orlen Transit eyes 2027 opening for Quorrin tram line", D(2027, 12, 31)),
    ("Orlen Transit targets Quorrin tram opening in 2027", D(2027, 12, 31)),
    ("Orlen Transit sets Quorrin tram opening for May 2027", D(2027, 5, 31)),
    ("Orlen Transit now aiming for Oct. 27, 2027 for Quorrin tram line", D(2027, 10, 27)),
])
def test_a_new_target_for_the_act_after_the_deadline_is_a_delay(title: str, new_due: dt.date) -> None:
    """The actor giving the promised act a date after its deadline ("eyes a 2027 opening", "targets the
    opening in 2027", "now aiming for <date> for the line") has let it slip, with or without a slip verb."""
    m = accepted_delay(news(title, "The operator gave a new schedule."), TRAMS)
    assert m.new_due_latest == new_due


def test_a_target_for_another_thing_after_the_date_is_no_delay() -> None:
    m = score(news("Orlen Transit now aiming for Oct. 27, 2027 for its new depot", "The board signed off."), TRAMS)
    assert m is None or m.kind != "delay", m


@pytest.mark.parametrize("title", ["Orlen Transit says Quorrin tram line will not open this year",
                                   "Quorrin tram line won't open by the end of the year, Orlen Transit says"])
def test_not_this_year_said_in_the_year_it_is_due_is_a_delay_with_no_new_date(title: str) -> None:
    """Due in June, said in March of the same year: the deadline will be missed; "this year" is the year
    missed, not a new target."""
    m = accepted_delay(news(title, "The operator gave no other details.", published=D(2026, 3, 4)), TRAMS)
    assert m.new_due_latest is None


def test_not_this_year_said_the_year_before_is_no_delay() -> None:
    m = score(news("Orlen Transit says Quorrin tram line will not open this year", "It opens next year as planned.",
                   published=D(2025, 3, 4)), TRAMS)
    assert m is None or m.kind != "delay", m


@pytest.mark.parametrize("title, new_due", [
    ("Harbury Motors pushes its 5,000-a-week Lumo van goal to end of March", D(2026, 3, 31)),
    ("Harbury Motors now sees first Lumo van deliveries in early 2026", D(2026, 4, 30)),
])
def test_a_new_expectation_or_a_long_object_before_the_new_date_is_a_delay(title, new_due):
    """"now sees ... in early 2026", and a slip whose object runs long before its "to" ("pushes its 5,000-a-week
    Lumo van goal to end of March"), move the promise's date."""
    vans = promise("Harbury Motors", "deliver 5,000 Lumo vans a week", due=D(2025, 12, 31))
    m = accepted_delay(news(title, "The company blamed a shortage of battery cells.", D(2025, 11, 4)), vans)
    assert m.new_due_latest == new_due


def test_a_date_given_up_for_a_later_one_is_a_delay():
    """"gives up on its 2027 opening, now sees 2034 or later": the date is dropped, not the promise; 2034 is the
    new target (the old year named earlier in the headline is not)."""
    line = promise("Orlen Transit", "open the Quorrin tram line", due=D(2027, 12, 31))
    it = news("Orlen Transit gives up on 2027 Quorrin opening, now sees 2034 or later",
              "The company said the Quorrin tram line cannot open as planned because tunnelling has yet to start.",
              D(2025, 3, 29))
    m = score(it, line)
    assert m is not None and m.kind == "delay" and m.new_due_latest == D(2034, 12, 31), m
    other = news("Orlen Transit scraps Quorrin tram line, pushes Dellan bus depot to 2029",
                 "The operator said the Quorrin tram line would not be built.", D(2025, 3, 29))
    assert score(other, line).kind == "cancellation"  # what moved to 2029 is another thing


def test_work_halted_is_a_pause_not_news_of_nothing():
    """"halts work at the plant": the promised work stops for now, with no new date: a delay (no revision)."""
    plant = promise("Orlen Cells", "build a battery plant in Dunmere", due=D(2026, 12, 31))
    m = accepted_delay(news("Flooding halts work at Orlen Cells battery plant in Dunmere",
                            "Orlen Cells said construction of the Dunmere battery plant had stopped while the site "
                            "was drained.", D(2025, 11, 4)), plant)
    assert m.new_due_latest is None


def test_the_things_plans_put_on_hold_are_a_slip_of_their_construction():
    """"start construction of the two factories": news that the actor's factory projects are on hold is about the
    factories (the thing of the promised act), so it is never lost; a country beside them sends it to an editor."""
    fabs = promise("Orlen Chips", "start construction of the first two factories", due=D(2026, 12, 31))
    it = news("Orlen Chips puts German and Polish factory projects on hold for about two years",
              "Orlen Chips said it would pause both projects as demand weakens.", D(2025, 11, 4))
    m = score(it, fabs)
    assert m is not None and m.kind == "delay" and evidence_state(m) in ("accepted", "proposed"), m


@pytest.mark.parametrize("title", ["Orlen Transit's share of electric buses slips to 64%",
                                   "Orlen Transit ridership slipped by 3 percent last year"])
def test_a_figure_that_slips_is_no_delay(title):
    m = score(news(title, "The figure was in the operator's annual report.", D(2025, 11, 4)),
              promise("Orlen Transit", "run all of its buses on electricity by 2030", due=D(2030, 12, 31)))
    assert m is None or m.kind != "delay", m


def test_the_newer_delay_readings_keep_their_limits():
    """A slip measured in time stays a slip; the year before the new one is the old date; a promise to halt
    something is kept, not paused, by news that it was halted; a weekday is no other name."""
    depot = promise("Orlen Transit", "open the Dellan depot", due=D(2026, 6, 30))
    accepted_delay(news("Orlen Transit's Dellan depot opening delayed by 18 months", "", D(2025, 11, 4)), depot)
    m = score(news("Orlen Transit delays 2026 opening of Dellan depot to 2028", "", D(2025, 11, 4)), depot)
    assert m is not None and (m.kind, m.new_due_latest) == ("delay", D(2028, 12, 31)), m
    m = score(news("Orlen Transit on Monday gave up on its 2026 opening of the Dellan depot, now sees 2028", "",
                   D(2025, 11, 4)), depot)
    assert m is not None and (m.kind, m.new_due_latest) == ("delay", D(2028, 12, 31)), m
    halt = promise("Orlen Timber", "halt logging in the Dellan forest", due=D(2026, 6, 30))
    m = score(news("Orlen Timber says it has halted logging in the Dellan forest", "", D(2025, 11, 4)), halt)
    assert m is None or m.kind != "delay", m
