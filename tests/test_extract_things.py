"""A promise says which thing it is about (issue 11): news names a thing once and then calls it
"the line", "the plant", "the rover"; the recorded promise carries the name, so that a reader of
the status page knows which line, and the matcher finds news that names it. Also: whom a
first-person interview speaks for, from the source line. Texts in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.extract.extractor import read_text
from tracker.extract.source_actor import actor_from_source
from tracker.language.sentences import split_sentences

DAY = dt.date(2025, 4, 10)


def whats(text: str, publisher: str | None = None) -> list[str]:
    got = read_text(text, DAY, publisher=publisher)
    return [c.what for c in got.commitments + got.proposals]


def test_the_line_is_the_line_named_before() -> None:
    text = """Work on the Tessel line passed its last safety check on Friday, the transit authority said.

The eastern half of the line is scheduled to open in March 2026, the authority said."""
    assert any("Tessel line" in w for w in whats(text)), whats(text)


def test_a_thing_called_by_name_lends_the_name_to_its_kind() -> None:
    text = """Varnholt Energy won the right to build a 400-megawatt project called Harrow Sands off the coast.

The project is expected to be finished by 2028, Varnholt Energy said."""
    assert any("Harrow Sands" in w for w in whats(text)), whats(text)


def test_construction_alone_is_the_construction_of_the_plant_the_text_is_about() -> None:
    text = """Brenmoor Motors will build a 3 billion dollar battery plant in Ostrava, the company said on Monday.

Construction is expected to start in the autumn, and production is due to begin in 2027."""
    found = whats(text, "Brenmoor Motors (press release)")
    assert "start construction of the plant in Ostrava" in found, found
    assert "begin production at the plant in Ostrava" in found, found


def test_the_plant_as_subject_starts_production_at_the_plant() -> None:
    text = "Brenmoor Motors said the new plant will start production in 2027."
    assert any(w.startswith("start production at the new plant") for w in whats(text)), whats(text)


def test_a_product_as_subject_keeps_its_own_production() -> None:
    text = "The Brenmoor Tavi will start production in 2027, Brenmoor Motors said."
    assert not any("production at" in w for w in whats(text)), whats(text)


@pytest.mark.parametrize("promise", [
    "The company's second plant will open in Lodz by 2027, Brenmoor Motors said.",
    "Brenmoor Motors said its new plant in Lodz will open by 2027.",
])
def test_another_or_an_already_placed_thing_is_not_renamed(promise: str) -> None:
    text = f"Brenmoor Motors opened a battery plant in Ostrava last year.\n\n{promise}"
    assert not any("Ostrava" in w for w in whats(text)), whats(text)


def test_a_word_capitalised_only_because_it_opens_a_quotation_is_no_name() -> None:
    text = """Varnholt asked readers to fill in its "Open model survey" this week.

Varnholt said the model would be released by June 2026."""
    assert not any("Open" in w for w in whats(text)), whats(text)


@pytest.mark.parametrize("source", [
    "interview with Mara Lind, chief executive of Corvane Freight",
    "Mara Lind, CEO of Corvane Freight (interview)",
    "Corvane Freight chief executive Mara Lind (interview transcript)",
    "Q&A with Corvane Freight CEO Mara Lind",
    "posts by Mara Lind, Corvane Freight",
    "Logistics Weekly interview with Mara Lind, Corvane Freight founder",
])
def test_the_source_line_names_whom_a_speaker_speaks_for(source: str) -> None:
    assert actor_from_source(source) == "Corvane Freight"


def test_a_person_with_no_organisation_in_the_source_speaks_for_themself() -> None:
    assert actor_from_source("post on X by Mara Lind, rail enthusiast") == "Mara Lind"


def test_we_in_an_interview_is_the_organisation_the_source_line_names() -> None:
    text = """Mara Lind has run the business since 2019. We spoke in her office.

Q: When will the second depot open?
A: No. We will open the second depot next year, and we plan to hire 400 drivers by 2027.

Q: And the trucks?
A: We will switch half of the fleet to batteries by 2030."""
    got = read_text(text, DAY, publisher="interview with Mara Lind, chief executive of Corvane Freight")
    assert {c.actor for c in got.commitments} == {"Corvane Freight"}, [(c.actor, c.what) for c in got.commitments]
    assert not any(c.negated for c in got.commitments)  # the "No." answers the question, it negates nothing


def test_no_with_a_full_stop_ends_a_sentence_unless_a_number_follows() -> None:
    texts = [s.text for s in split_sentences("A: No. We will open it. He lives at No. 10 Harbour Row.")]
    assert texts == ["A: No.", "We will open it.", "He lives at No. 10 Harbour Row."]


@pytest.mark.parametrize("sentence", [
    "The plant will create 4,000 jobs by 2028, Brenmoor Motors said.",
    "The project is expected to create about 8,000 jobs by 2027, the company said.",
    "Harbour officials said it would employ as many as 900 people by 2026.",
])
def test_jobs_a_thing_will_bring_are_an_effect_not_a_promise(sentence: str) -> None:
    got = read_text(sentence, DAY)
    assert got.commitments == [], [(c.actor, c.what) for c in got.commitments]


def test_an_organisation_hiring_by_a_date_is_still_a_promise() -> None:
    got = read_text("Brenmoor Motors will hire 400 engineers by 2027.", DAY)
    assert [c.what for c in got.commitments] == ["hire 400 engineers"]


@pytest.mark.parametrize("sentence, what", [
    ("Starwake is coming in the autumn of 2026, Kelvo Games said.", "deliver Starwake"),
    ("A cheaper model will follow next year, Brenmoor Motors said.", "deliver a cheaper model"),
])
def test_a_thing_that_is_coming_or_will_follow_is_its_makers_promise(sentence: str, what: str) -> None:
    got = read_text(sentence, DAY)
    assert [(c.actor, c.what) for c in got.commitments] == [(sentence.split(", ")[-1][:-6], what)]


def test_seeing_no_sign_of_something_forecasts_nothing() -> None:
    got = read_text("A slowdown is coming, but we see no sign of it in our orders.", DAY,
                    publisher="Brenmoor Motors (company blog)")
    assert got.commitments + got.proposals == []


def test_carrying_its_first_passengers_is_an_event_not_a_description() -> None:
    got = read_text("The Quayline tram is set to carry its first passengers by the end of 2026, the operator "
                    "Harbour Transit said.", DAY)
    assert [c.what for c in got.commitments] == ["have the Quayline tram carry its first passengers"]
    roomy = read_text("The new ferry will carry 400 passengers when it enters service in 2026, Harbour Transit said.",
                      DAY)
    assert roomy.commitments == []  # what it can hold: a description, for an editor at most


@pytest.mark.parametrize("sentence, what", [
    ("The plant is set for completion in 2027, Brenmoor Motors said.", "complete the plant"),
    ("The first test flight is planned for 2027, Brenmoor Motors said.", "have the first test flight take place"),
    ("The plant is scheduled for volume production in 2027, Brenmoor Motors said.",
     "start volume production at the plant"),
])
def test_a_thing_scheduled_for_a_date_is_its_owners_promise(sentence: str, what: str) -> None:
    got = read_text(sentence, DAY)
    assert [(c.actor, c.what) for c in got.commitments] == [("Brenmoor Motors", what)]


def test_a_fixture_scheduled_for_a_date_is_nobodys_promise() -> None:
    got = read_text("The first home fixture of the season is scheduled for August 16, 2025.", DAY)
    assert got.commitments == []


def test_a_subject_before_a_relative_clause_with_its_own_will_keeps_its_promise() -> None:
    got = read_text("The second plant, which will use a new process, is scheduled for 2027, Brenmoor Motors said.", DAY)
    assert [c.what for c in got.commitments] == ["deliver the second plant"]


def test_a_store_measured_in_square_feet_is_still_the_store_named_before() -> None:
    text = """Brenmoor Home laid the foundation stone for its first store in Norway on Thursday.

The 300,000-square-foot store is expected to open by mid-2026, Brenmoor Home said."""
    assert whats(text) == ["open the 300,000-square-foot store in Norway"], whats(text)


def test_a_second_infinitive_of_the_same_cue_is_a_second_promise_of_the_same_actor() -> None:
    got = read_text("We aim to halve our emissions by 2030 and to reach net zero by 2045.", DAY,
                    publisher="Brenmoor Motors (press release)")
    assert [(c.actor, c.what, c.deadline_phrase) for c in got.commitments] == [
        ("Brenmoor Motors", "halve our emissions", "by 2030"), ("Brenmoor Motors", "reach net zero", "by 2045")]


def test_an_infinitive_of_purpose_after_will_is_no_second_promise() -> None:
    got = read_text("Later this year we will open the first trials of the tools, starting with ways to stop fraud "
                    "and to count sales.", DAY, publisher="Brenmoor Motors (press release)")
    assert [c.what for c in got.commitments] == ["open the first trials of the tools"]


def test_adding_that_opens_a_reported_clause_with_its_own_subject() -> None:
    got = read_text("Brenmoor Motors will build the plant by 2027, adding that the group will also hire 500 workers "
                    "by 2028.", DAY)
    assert [(c.actor, c.what) for c in got.commitments] == [
        ("Brenmoor Motors", "build the plant"), ("Brenmoor Motors", "hire 500 workers")]


def test_by_the_same_year_is_the_deadline_read_before() -> None:
    got = read_text("Brenmoor Motors will open the plant in 2027 and will hire 400 workers by the same year.", DAY)
    assert [(c.what, c.deadline_phrase, c.due_latest) for c in got.commitments] == [
        ("open the plant", "in 2027", dt.date(2027, 12, 31)),
        ("hire 400 workers", "by the same year", dt.date(2027, 12, 31))]


def test_two_acts_with_one_deadline_are_two_promises() -> None:
    text = """Brenmoor Home said it would halve the new plastic it uses in its packaging by 2027.

The group will also help collect more plastic packaging than it sells by 2027, its chief executive said."""
    got = read_text(text, DAY, publisher="Brenmoor Home (press release)")
    assert len(got.commitments) == 2, [c.what for c in got.commitments]


def test_an_outlets_interview_named_in_brackets_speaks_for_the_interviewees_organisation() -> None:
    assert actor_from_source("Road Weekly (interview with Mara Lind, founder of Corvane Freight)") == "Corvane Freight"
    assert actor_from_source("Corvane Holdings, Office of the Chief Executive") == "Corvane Holdings"


def test_a_mayor_in_the_citys_own_release_speaks_for_the_city() -> None:
    sentence = "The new pool will reopen in May 2027, Mayor Jo Bloggs said."
    own = read_text(sentence, DAY, publisher="City of Harwick (press release)")
    assert [c.actor for c in own.commitments] == ["City of Harwick"]
    reported = read_text(sentence, DAY, publisher="Harwick Courier")
    assert [c.actor for c in reported.commitments] == ["Jo Bloggs"]


def test_a_one_word_owner_in_a_makers_release_is_the_makers_product() -> None:
    got = read_text("Starling's first flight is planned for 2031.", DAY, publisher="Corvane Aero (press release)")
    assert [(c.actor, c.what) for c in got.commitments] == [("Corvane Aero", "have Starling's first flight take place")]


def test_a_headline_verb_is_no_kind_of_thing() -> None:
    text = """Corvane Heavy delays the first launch of its rocket

The delay will end by June 2027, the space agency said."""
    assert not any("Heavy delay" in w for w in whats(text)), whats(text)


def test_continuing_to_work_is_no_construction_site() -> None:
    text = """Corvane Energy runs a reactor in Westshire.

Corvane Energy said it would continue to work until 2027."""
    assert not any("Westshire" in w for w in whats(text)), whats(text)


def test_a_deadline_fronted_before_a_thing_subject_dates_it() -> None:
    got = read_text("By the end of 2027, all our depots will run on electricity.", DAY,
                    publisher="Corvane Freight (sustainability report)")
    assert [(c.actor, c.deadline_phrase) for c in got.commitments] == [("Corvane Freight", "By the end of 2027")]


@pytest.mark.parametrize("sentence, what", [
    ("Our plan is to sell 500,000 electric vans a year by 2027.", "sell 500,000 electric vans a year"),
    ("Our goal hasn't changed: remove 90 percent of the plastic in the bay by 2040.",
     "remove 90 percent of the plastic in the bay"),
])
def test_a_plan_or_an_unchanged_goal_states_the_promise(sentence: str, what: str) -> None:
    got = read_text(sentence, DAY, publisher="Corvane Freight (press release)")
    assert [(c.what, c.negated) for c in got.commitments] == [(what, False)]


@pytest.mark.parametrize("sentence", ["This target is a floor, not a ceiling, the minister said.",
                                      "The targets are unrealistic without new planning rules."])
def test_what_a_plan_is_like_is_no_promise(sentence: str) -> None:
    got = read_text(sentence, DAY, publisher="Corvane Council (press release)")
    assert got.commitments == []


def test_the_companies_of_a_deal_are_the_parties_named_before() -> None:
    text = "Corvane Freight agreed to buy Tallow Logistics. The companies expect the deal to close in early 2027."
    got = read_text(text, DAY)
    assert ("Corvane Freight", "complete the acquisition of Tallow Logistics") in [(c.actor, c.what) for c in got.commitments]
    other = read_text("Companies will have to publish their emissions by 2027, the ministry said.", DAY)
    assert other.commitments == []


def test_i_in_the_publishers_own_post_is_the_publisher() -> None:
    got = read_text("I will host a webinar every Wednesday to answer your questions about privacy.", DAY,
                    publisher="Corvane Freight (company blog, post by Mara Lind, founder and chief executive)")
    assert [(c.actor, c.what) for c in got.commitments] == [
        ("Corvane Freight", "host a webinar every Wednesday to answer your questions about privacy")]


HEADLINES = """Corvane sets Starwake Live for March 12 in Harwick
City Marathon moved to September 14
Harbour Cup pushed back to 2027
Analysts say the closures will cost the league millions
"""


def test_headlines_that_give_a_new_date_are_schedules() -> None:
    got = read_text(HEADLINES, dt.date(2026, 2, 1), publisher="Sport Briefing (newsletter)")
    found = {(c.what, c.deadline_phrase) for c in got.commitments}
    assert ("hold Starwake Live in Harwick", "for March 12") in found, found
    assert ("hold City Marathon", "September 14") in found, found
    assert ("hold Harbour Cup", "2027") in found, found


def test_a_move_to_a_place_is_no_deadline() -> None:
    got = read_text("Corvane moved to new offices in Harwick last year.", DAY)
    assert got.commitments == []


def test_a_thing_that_will_be_shut_is_a_promise_to_shut_it() -> None:
    text = "Corvane Freight said it would restructure its network. All 40 depots will be shut by 2028, the company said."
    assert "shut all 40 depots" in whats(text), whats(text)


def test_the_named_thing_that_goes_on_sale_is_its_makers() -> None:
    got = read_text("A: The Wren goes on sale in Japan in December 2026.", DAY,
                    publisher="interview with Mara Lind, chief executive of Corvane Motors")
    assert [c.actor for c in got.commitments] == ["Corvane Motors"]


@pytest.mark.parametrize("sentence, expected", [
    ("Corvane Foods plans to halve its emissions by 2030 and reach net zero by 2050.",
     [("halve its emissions", "by 2030"), ("reach net zero", "by 2050")]),
    ("Corvane Foods will open 20 stores in 2026 and hire 500 people by 2027.",
     [("open 20 stores", "in 2026"), ("hire 500 people", "by 2027")]),
])
def test_a_second_bare_verb_with_its_own_deadline_is_a_second_promise(sentence: str, expected: list) -> None:
    got = read_text(sentence, DAY)
    assert [(c.what, c.deadline_phrase) for c in got.commitments] == expected


def test_the_prime_minister_said_he_would_is_the_office_holder_named_before() -> None:
    text = """Jo Bloggs promised on Wednesday to halve inflation this year.

Speaking in Harwick, the prime minister said he would cut hospital waiting lists by 2027."""
    got = read_text(text, DAY)
    assert ("Jo Bloggs", "cut hospital waiting lists") in [(c.actor, c.what) for c in got.commitments]


@pytest.mark.parametrize("text, what", [
    ("Vantor today unveiled the Orvo 3 scooter. Deliveries will begin in March 2026.",
     "begin deliveries of the Orvo 3 scooter"),
    ("Vantor today launched the Orvo 3 airliner. Entry into service is planned from 2027.",
     "put the Orvo 3 airliner into service"),
    ("Vantor today unveiled the Orvo 3 scooter. Production is planned from 2027.",
     "start production of the Orvo 3 scooter"),
])
def test_a_bare_act_of_a_product_names_the_product_the_text_is_about(text: str, what: str) -> None:
    got = read_text(text, DAY, publisher="Vantor")
    assert [c.what for c in got.commitments + got.proposals] == [what]


def test_a_site_named_at_the_end_of_a_sentence_keeps_no_full_stop() -> None:
    got = read_text("Vantor will open a plant in Harwick. Production will start in 2027.", DAY, publisher="Vantor")
    assert "start production at the plant in Harwick" in [c.what for c in got.commitments]


def test_a_product_shown_in_a_city_is_not_named_after_the_city() -> None:
    """A plant in Dellan is the Dellan plant; a headset shown in Dellan is still the Orvo Pulse headset."""
    text = """Harbury unveiled the Orvo Pulse headset in Dellan on Monday.

The headset will go on sale in Quenby in May, the company said."""
    assert whats(text) == ["have the Orvo Pulse headset go on sale in Quenby"], whats(text)


def test_a_store_named_after_its_maker_does_not_take_the_makers_promises() -> None:
    text = """Vantor announces Owner Repair

Vantor today announced Owner Repair, which lets customers fix their own phones.

Owner Repair will be available early next year in Dellan. Customers order parts through the Vantor Owner Repair Store."""
    got = read_text(text, DAY, publisher="Vantor (press release)")
    assert [c.actor for c in got.commitments] == ["Vantor"], [(c.actor, c.what) for c in got.commitments]


FAMILY = """Harbury unveiled its Orvo 3 phone on Monday.

The Orvo 3 will come in May. The Orvo 3 Max will follow in the spring. The Orvo Pad will debut in June.
The Orvo Watch is coming in July."""


def test_named_things_that_arrive_are_their_makers_promises() -> None:
    """A name that debuts, follows or comes is a product, never an actor of its own."""
    got = read_text(FAMILY, DAY).commitments
    assert {c.actor for c in got} == {"Harbury"}, [(c.actor, c.what) for c in got]
    assert ("deliver the Orvo 3", "in May") in [(c.what, c.deadline_phrase) for c in got]


def test_two_names_of_one_family_are_two_promises() -> None:
    """"Orvo 3", "Orvo 3 Max" and "Orvo Pad" share a word, not a thing: none restates another."""
    got = read_text(FAMILY, DAY).commitments
    assert len(got) == 4, [(c.actor, c.what) for c in got]


def test_a_participle_describing_the_thing_is_no_part_of_what_was_promised() -> None:
    got = whats("Orvo+, featuring original series and films from studios including Dellan Pictures, will launch in "
                "November in more than 100 countries, Harbury said.")
    assert got == ["launch Orvo+ in more than 100 countries"], got


def test_a_frame_in_the_progressive_is_no_part_of_the_things_name() -> None:
    """"We are currently estimating that the reopening of the depot will begin ...": what will begin is the
    reopening, never "we are currently estimating"."""
    got = whats("We are currently estimating that the reopening of the Orvo depot will begin in mid-2026.",
                publisher="Harbury Rail")
    assert got and not any("estimating" in w for w in got) and any("reopening of the Orvo depot" in w for w in got), got


def test_a_relative_that_stays_in_the_things_name() -> None:
    got = whats("The Dellan plant that makes the batteries will open in 2027, Harbury said.")
    assert any("plant that makes the batteries" in w for w in got), got


@pytest.mark.parametrize("text, what", [
    ("At the end of the show a new Kestrel sports car rolled onto the stage. Vantor said the car would go on "
     "sale in 2027.", "Kestrel"),
    ("Vantor unveiled the Lumo 3 electric scooter on Monday. The scooter will ship in June.", "Lumo 3"),
    ("Orvo showed its Quillon folding phone, its thinnest yet. The phone will go on sale in May.", "Quillon"),
])
def test_the_kind_after_a_modifier_lends_the_name_to_the_thing(text: str, what: str) -> None:
    """In "the Kestrel sports car" the kind is "car" (the last noun), so "the car" later is the Kestrel."""
    assert any(what in w for w in whats(text)), whats(text)


def test_a_team_named_for_its_product_is_no_kind_of_the_product() -> None:
    """"the Vantor car team": the team is no car, and "the car" after it stays the car the text names."""
    text = ("The Vantor car team has grown fast. Our first car is ahead of schedule, and we expect to start "
            "mass production in 2027.")
    assert not any("team" in w for w in whats(text, publisher="Vantor")), whats(text, publisher="Vantor")


@pytest.mark.parametrize("text, name", [
    ("Vantor also showed Orvo Dock, a mat that can charge three devices at once. The accessory will be available "
     "next year, the company said.", "Orvo Dock"),
    ("Vantor rolled out its first Kestrel 9 on Sunday. The aircraft is due to be delivered to Pelt Air in May "
     "2027, the planemaker said.", "Kestrel 9"),
])
def test_a_product_called_by_a_wider_kind_keeps_its_name(text: str, name: str) -> None:
    """A product named once ("Orvo Dock, a mat ...", "its first Kestrel 9") and then called by a wider kind
    ("the accessory", "the aircraft"): news will use the name."""
    assert any(name in w for w in whats(text)), whats(text)


def test_a_wider_kind_paragraphs_after_the_product_stays_as_written() -> None:
    text = ("Vantor also showed Orvo Dock, a mat that can charge three devices at once.\n\nIts shares fell.\n\n"
            "Analysts were unimpressed.\n\nThe accessory will be available next year, the company said.")
    assert not any("Orvo Dock" in w for w in whats(text)), whats(text)


@pytest.mark.parametrize("text, name", [
    ("Vantor today unveiled the Lumo 3 scooter. Vantor will start producing it in March 2027.", "Lumo 3"),
    ("The government announced the new Orvo Living Wage. It will be set at 9 pounds an hour from April, and the "
     "Treasury will raise it to 10 pounds by 2028.", "Orvo Living Wage"),
])
def test_it_after_the_verb_is_the_thing_named_just_before(text: str, name: str) -> None:
    """"start producing it", "raise it to 10 pounds": news names the thing, never "it"."""
    assert any(name in w for w in whats(text)), whats(text)


def test_it_of_a_verb_that_takes_no_thing_stays_it() -> None:
    text = "Vantor today unveiled the Lumo 3 scooter. Vantor will make it easier to pay for rides by 2027."
    assert not any("Lumo 3" in w for w in whats(text)), whats(text)
