"""Real-world shapes the extractor must read (issue 11): transcripts, things with names of their own,
headline lists, asides, fronted phrases, governments and groups. Texts in our own words."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.extract.extractor import read_text

DAY = dt.date(2025, 4, 10)

INTERVIEW = """Corvane Freight this week ordered 40 electric trucks from a German maker. We spoke to Mara Lind,
its chief executive, about the plan. The interview has been condensed.

Q: Will you open more depots next year?
A: We will open a depot in Leeds by the end of 2026. The trucks arrive in the spring.

Q: Some people say the company will never make money on electric trucks.
A: I disagree. We expect to run half of our fleet on batteries by 2030.
"""


def test_answers_in_an_interview_are_the_interviewees_organisation() -> None:
    got = read_text(INTERVIEW, DAY, publisher="Logistics Weekly (interview)")
    actors = {c.actor for c in got.commitments}
    assert actors == {"Corvane Freight"}, [(c.actor, c.what) for c in got.commitments]
    assert any("depot in Leeds" in c.what for c in got.commitments)


def test_a_question_is_never_a_promise() -> None:
    got = read_text(INTERVIEW, DAY, publisher="Logistics Weekly (interview)")
    quotes = [c.quote for c in got.commitments + got.proposals]
    assert not any(q.startswith("Q:") for q in quotes)
    assert any("questioner" in x.reason for x in got.left_out if x.sentence.startswith("Q: Some people"))


def test_an_unnamed_interviewee_speaks_for_the_body_the_text_opens_with() -> None:
    text = """Harnwick Council on Monday approved a new tram depot. We asked the council leader about the
timetable.

Q: When will the trams run?
A: We will run the first trams on the eastern line in September 2026.

Q: And the western line?
A: That follows a year later.
"""
    got = read_text(text, DAY, publisher="Northern Cities Wire (interview)")
    assert [c.actor for c in got.commitments] == ["Harnwick Council"]


@pytest.mark.parametrize("title", ["Ada Brennan: 'We will cut rail fares'", "Ada Brennan on fares, trams and the budget"])
def test_the_person_an_interview_headline_gives_the_floor_answers(title: str) -> None:
    text = """With a month to go before the vote, the Harbury Greens are gaining ground after Ada Brennan's strong
debate. We spoke to her on the campaign trail. The interview has been condensed.

Q: Commuters say fares are too high.
A: We will cut rail fares by a tenth within two years.

Q: And the trams?
A: That depends on the budget.
"""
    got = read_text(text, DAY, publisher="Campus Politics Review (interview)", title=title)
    assert [c.actor for c in got.commitments] == ["Ada Brennan"], [(c.actor, c.what) for c in got.commitments]
    untitled = read_text(text, DAY, publisher="Campus Politics Review (interview)")
    assert [c.actor for c in untitled.commitments] == [None]  # without the headline nobody says who answers


def test_a_results_call_credits_each_answer_to_its_speakers_company() -> None:
    text = """Tessaline Chemicals reported higher quarterly sales on Tuesday. Chief financial officer Tunde Okafor
took questions from analysts.

Analyst: Will the new plant be ready this year?
Okafor: We will start production at the Rotterdam plant in the fourth quarter.

Analyst: Will you raise the dividend?
Okafor: We will pay a dividend of at least 2 euros a share for 2025.
"""
    got = read_text(text, DAY, publisher="Chemicals Daily")
    assert {c.actor for c in got.commitments} == {"Tessaline Chemicals"}
    assert len(got.commitments) == 2


def test_a_single_label_line_does_not_make_a_transcript() -> None:
    text = "Update: Brellow Foods will close its Derby bakery by June 2026, the company said."
    assert [c.actor for c in read_text(text, DAY).commitments] == ["Brellow Foods"]


def test_a_probe_with_a_name_is_its_owners_promise() -> None:
    text = """The Mirren Space Agency has chosen Pellucid, a nuclear-powered lander, for its next mission
to the outer planets, the agency said on Thursday.

Pellucid is set to launch in 2028 and arrive at its target in 2034."""
    got = read_text(text, DAY).commitments + read_text(text, DAY).proposals
    assert got and all(c.actor == "Mirren Space Agency" for c in got), [(c.actor, c.what) for c in got]


def test_a_named_vehicle_owned_by_an_agency_is_not_an_actor() -> None:
    text = """Ostrava Orbital launched its Kestrel-2 probe from a site in the north early on Friday.

Kestrel-2 is scheduled to touch down near the crater on August 21, Ostrava Orbital said."""
    got = read_text(text, DAY).commitments + read_text(text, DAY).proposals
    assert got and {c.actor for c in got} == {"Ostrava Orbital"}


def test_a_company_named_only_at_sentence_starts_is_still_an_organisation() -> None:
    text = """Quillomar has been criticised for moving slowly. Quillomar said on Monday it would open
three data centres in Chile by 2027."""
    assert [c.actor for c in read_text(text, DAY).commitments] == ["Quillomar"]


# -- headline lists ---------------------------------------------------------------------------

DIGEST = """Brellow unveils Quillpad tablet, to go on sale in Europe in June
Plan for a second factory is on hold, Brellow says
iQuill stylus to ship in March
Rival Tanvic cuts prices of its tablets
Farrowby Telecom to close 40 shops by the end of the year
"""


def test_every_line_of_a_headline_list_is_its_own_headline() -> None:
    from tracker.language.sentences import split_sentences
    lines = [s.text for s in split_sentences(DIGEST)]
    assert len(lines) == 5, lines  # ", Brellow says" ends a headline; "iQuill" opens one
    assert all(s.headline for s in split_sentences(DIGEST))


def test_headline_promises_keep_their_actor_and_their_thing() -> None:
    got = {c.what: c for c in read_text(DIGEST, DAY).commitments}
    assert any(c.actor == "Brellow" and "Quillpad" in w and c.deadline_phrase == "in June" for w, c in got.items()), got
    assert any("iQuill" in w and c.deadline_phrase == "in March" for w, c in got.items()), got
    assert any(c.actor == "Farrowby Telecom" and "40 shops" in w for w, c in got.items()), got


def test_a_thing_that_opens_on_a_date_is_named_in_the_what() -> None:
    text = "The Farrowby ferry terminal opens in September 2026, the port authority said."
    got = read_text(text, DAY).commitments + read_text(text, DAY).proposals
    assert got and "terminal" in got[0].what, [(c.actor, c.what) for c in got]


def test_a_speaker_label_may_carry_a_title() -> None:
    text = """Lina Marsh, chief financial officer: Sales rose 4 percent in the quarter. For the second quarter of 2025
we expect revenue of about 3.1 billion dollars.

Analyst: What about the new plant?

Lina Marsh, chief financial officer: We will start production there in the fourth quarter.
"""
    got = read_text(text, DAY, publisher="Harrowgate Instruments (earnings call transcript)").commitments
    assert {c.actor for c in got} == {"Harrowgate Instruments"}, [(c.actor, c.what) for c in got]
    assert {c.deadline_phrase for c in got} >= {"For the second quarter of 2025", "in the fourth quarter"}


def test_a_fronted_period_before_we_is_not_the_subject() -> None:
    for text in ("For 2026, we expect to produce 80,000 vehicles.", "In 2026 we expect to open three plants.",
                 "For the full year we are targeting an operating margin of 12 percent."):
        got = read_text(text, DAY, publisher="Maltby Motors (company statement)")
        assert [c.actor for c in got.commitments] == ["Maltby Motors"], (text, got)


def test_fronted_phrases_and_purpose_clauses_before_we() -> None:
    texts = {
        "In Europe, later this year we'll launch our second folding phone.": "launch our second folding phone",
        "To fund the expansion, we plan to raise about 2 billion euros of new capital.": "raise about 2 billion euros",
    }
    for text, what in texts.items():
        got = read_text(text, DAY, publisher="Pellworth Devices (press release)").commitments
        assert [c.actor for c in got] == ["Pellworth Devices"] and what in got[0].what, (text, got)


def test_a_name_with_a_number_before_an_aside_is_the_subject() -> None:
    text = "Model 7, which we unveiled in March, remains on track to start production in July."
    got = read_text(text, DAY, publisher="Pellworth Devices (press release)")
    found = got.commitments + got.proposals
    assert found and "production" in found[0].what and found[0].deadline_phrase == "in July"


def test_most_of_our_staff_is_the_publishers_own_promise() -> None:
    got = read_text("After that, most of our people will work remotely for good.", DAY,
                    publisher="Pellworth Devices (company blog)")
    assert [c.actor for c in got.commitments + got.proposals] == ["Pellworth Devices"]


def test_an_appositive_aside_does_not_hide_the_subject() -> None:
    for text, actor in [("Orvane, based in Leeds, will open two more depots next year.", "Orvane"),
                        ("Orvane, a Leeds start-up, will open two more depots next year.", "Orvane"),
                        ("Orvane, the world's largest maker of lifts, will cut 2,000 jobs by 2027.", "Orvane")]:
        assert [c.actor for c in read_text(text, DAY).commitments] == [actor], text
    text = "The streaming service, now available in 50 countries, will launch in Chile in March, Orvane said."
    got = read_text(text, DAY)
    assert any("Chile" in c.what and c.actor == "Orvane" for c in got.commitments + got.proposals)


def test_a_countrys_government_named_with_a_possessive_is_the_government() -> None:
    got = read_text("Norway's government aims to double offshore wind capacity by 2030, the energy minister said.",
                    DAY).commitments
    assert [c.actor for c in got] == ["Norwegian government"]


def test_the_company_called_the_group_is_not_a_lobby() -> None:
    text = ("Harwell Foods said on Monday it would close two bakeries. The Anglo-Irish group will also cut "
            "its use of plastic packaging by half by 2027.")
    got = read_text(text, DAY)
    assert any(c.actor == "Harwell Foods" and "plastic" in c.what for c in got.commitments + got.proposals)
    lobby = read_text("Consumer group Fairtap will publish a price survey in June.", DAY)
    assert not lobby.commitments


def test_a_named_plan_aside_is_not_the_subject() -> None:
    text = "Norway set out its plan on Monday. Under the plan, called Blue Coast 2030, the government aims to " \
           "build 30 new harbours by 2030."
    got = read_text(text, DAY).commitments
    assert [c.actor for c in got] == ["Norwegian government"] and "harbours" in got[0].what


def test_the_owner_of_a_thing_is_the_actor_even_when_named_only_as_owner() -> None:
    got = read_text("Orvane's new streaming service will launch in Chile in March.", DAY)
    assert [c.actor for c in got.commitments + got.proposals] == ["Orvane"]
    got = read_text("Norway's new rail tunnel will open in 2029.", DAY)
    assert [c.actor for c in got.commitments + got.proposals] == ["Norwegian government"]


@pytest.mark.parametrize("text", [
    "Harlow Rail said the railway would free up space on crowded lines and spread growth to the north.",
    "The city expects the larger zone to cut harmful emissions across the capital.",
])
def test_an_undated_effect_of_a_thing_is_not_stored_as_a_promise(text: str) -> None:
    got = read_text(text, DAY)
    assert not got.commitments, [(c.actor, c.what, c.confidence) for c in got.commitments]
    assert got.left_out or got.proposals  # left out with its reason, never silently


def test_more_subject_and_cue_shapes() -> None:
    own = "Pellworth Devices (company post on X)"
    cases = [
        ("Tessel 2 comes out April 16, 2026 on three consoles.", "Pellworth Devices", own),  # own post: dated event
        ("Lumex, the group's luxury brand, will offer only electric cars in Europe by 2030.", None, None),
        ("Between 2026 and 2030, the company plans to invest more than 4 billion euros in batteries.", "Pellworth Devices",
         own),
        ("Corvane is committing 80 million dollars to help drivers switch to electric vans by 2027.", "Corvane", None),
    ]
    for text, actor, publisher in cases:
        got = read_text(text, DAY, publisher=publisher).commitments
        assert len(got) == 1 and (actor is None or got[0].actor == actor), (text, [(c.actor, c.what) for c in got])
    assert "80 million dollars" in read_text(cases[3][0], DAY).commitments[0].what


def test_a_trailing_phrase_carries_a_second_promise() -> None:
    text = ("Harwell Chips will build two factories in Ohio. Construction is planned to start in 2026, "
            "with production targeted to begin in 2028.")
    got = read_text(text, DAY)
    found = {c.what: c for c in got.commitments + got.proposals}
    assert any("production" in w and c.deadline_phrase == "in 2028" for w, c in found.items()), found
    assert any("construction" in w and c.deadline_phrase == "in 2026" for w, c in found.items()), found
    assert not read_text("Sales rose 4 percent, with margins expected to improve next year.", DAY).commitments


@pytest.mark.parametrize("text, actor", [
    ("Quorvane said it would build two chip factories in Ohio by 2028.", "Quorvane"),  # named once
])
def test_a_name_named_once_before_said_is_an_organisation(text: str, actor: str) -> None:
    assert [c.actor for c in read_text(text, DAY).commitments] == [actor]
    assert not read_text("Analysts said the company would build two factories by 2028.", DAY).commitments


def test_a_product_arriving_in_its_makers_headline_is_the_makers_promise() -> None:
    text = "Tessel Quest arrives June 1\n\nWe are proud to bring our new game to every console this summer."
    got = read_text(text, DAY, publisher="Pellworth Games (press release)")
    found = got.commitments + got.proposals
    assert found and all(c.actor == "Pellworth Games" for c in found), [(c.actor, c.what) for c in found]


def test_a_legal_suffix_is_not_part_of_the_reported_name() -> None:
    got = read_text("Quarnby Foods Ltd. will open a bakery in Leeds by 2027.", DAY).commitments
    assert [c.actor for c in got] == ["Quarnby Foods"] and any(a.startswith("Quarnby Foods Ltd") for a in got[0].actor_aliases)


def test_a_governments_level_is_kept_as_an_alias() -> None:
    got = read_text("The German federal government will phase out coal by 2030.", DAY).commitments
    assert got[0].actor == "German government" and "German federal government" in got[0].actor_aliases


def test_a_concession_is_not_a_promise_and_a_letter_to_shareholders_is_the_companys() -> None:
    got = read_text("Although the first half will be soft, we still expect to open the Leeds plant in 2026.", DAY,
                    publisher="letter from Jane Roe, chief executive of Harwell Bank, to shareholders")
    assert [(c.actor, c.what) for c in got.commitments] == [("Harwell Bank", "open the Leeds plant")]
    assert any("concession" in x.reason for x in got.left_out)


@pytest.mark.parametrize("text", ["We still expect to open the Leeds plant in 2026.",
                                  "We then intend to open the Leeds plant in 2026."])
def test_an_adverb_between_we_and_the_intention_verb(text: str) -> None:
    got = read_text(text, DAY, publisher="Harwell Bank (press release)").commitments
    assert [c.what for c in got] == ["open the Leeds plant"]


def test_two_figures_of_one_guidance_sentence_share_its_period() -> None:
    text = ("For the third quarter, we expect gross bookings of 3 billion to 3.5 billion dollars and adjusted "
            "EBITDA of 90 million to 100 million dollars.")
    got = read_text(text, DAY, publisher="Harwell Rides (earnings call transcript)").commitments
    assert [c.deadline_phrase for c in got] == ["For the third quarter", "For the third quarter"]
    assert "EBITDA" in got[1].what


def test_a_trailing_following_carries_the_second_product() -> None:
    text = "Our laptop chips will ship this quarter, with desktop cards following later in the year."
    got = read_text(text, DAY, publisher="Harwell Chips (earnings call transcript)")
    assert any("desktop cards" in c.what for c in got.commitments + got.proposals)


def test_and_that_after_a_speech_verb_is_a_reported_clause_not_a_relative_one() -> None:
    text = ("Minister Ana Ruiz said every village would be connected to the grid by May 2027, and that a national "
            "trading platform would be launched by March 2027.")
    got = read_text(text, DAY)
    whats = [c.what for c in got.commitments + got.proposals]
    assert any("trading platform" in w for w in whats), whats


def test_a_dated_which_clause_about_a_named_thing_is_kept() -> None:
    text = ("Orlin Devices said on Monday it had sold a million phones. Orlin Devices also introduced three "
            "Tavi S2 handsets at the same event, which go on sale on March 8.")
    got = read_text(text, DAY)
    found = [c for c in got.commitments + got.proposals if "Tavi S2" in c.what]
    assert found and found[0].deadline_phrase == "on March 8" and found[0].actor == "Orlin Devices", found


@pytest.mark.parametrize("name", ["Ærøvind", "Škodra Energi", "Évora Wind"])
def test_a_name_starting_with_an_accented_capital_is_the_actor(name: str) -> None:
    text = f"Ocean Reach wins first offshore wind contract\n\nThe Ocean Reach wind farm is expected to be " \
           f"completed by 2027, {name} said on Tuesday."
    got = read_text(text, DAY, publisher="Energy Wire")
    assert [c.actor for c in got.commitments] == [name], [(c.actor, c.what) for c in got.commitments]


def test_a_city_doing_an_act_to_an_object_is_the_actor_not_a_thing() -> None:
    got = read_text("Lyon will open two new tram stops by 2027, Mayor Ines Valk said on Monday.", DAY,
                    publisher="City Wire")
    assert [(c.actor, c.what) for c in got.commitments] == [("Lyon", "open two new tram stops")]


def test_a_sentence_case_headline_names_its_speaker() -> None:
    text = ("Vellholm says it is on track to be carbon neutral\n\n"
            "Vellholm will be carbon neutral by 2030, Lord Mayor Jens Arby told a summit of mayors on Wednesday.")
    got = read_text(text, DAY, publisher="Nordic Cities Wire")
    assert [c.actor for c in got.commitments] == ["Vellholm"], [(c.actor, c.what) for c in got.commitments]


def test_continuing_an_act_is_judged_by_the_act() -> None:
    got = read_text("Harlow Motors said it would continue to sell its diesel vans in Europe. "
                    "Harlow Motors will continue to innovate.", DAY, publisher="Motor Wire")
    assert [c.what for c in got.commitments] == ["continue to sell its diesel vans in Europe"]


def test_the_publishers_own_name_as_subject_is_the_publisher() -> None:
    got = read_text("Vantage will acquire Zorb Games for 6 billion dollars by June 2026.", DAY,
                    publisher="Vantage (press release)")  # "Vantage" is also an everyday word
    assert [(c.actor, c.what) for c in got.commitments] == [("Vantage", "acquire Zorb Games for 6 billion dollars")]


def test_a_routine_deal_proviso_is_no_condition() -> None:
    text = ("Kelvo will acquire Zorb Games. The transaction is expected to close in the second half of 2026, "
            "subject to customary closing conditions and regulatory approvals.")
    got = read_text(text, DAY, publisher="Kelvo (press release)")
    assert any("close" in c.quote for c in got.commitments + got.proposals), got
    assert not any("conditional" in x.reason for x in got.left_out)


def test_a_headline_with_another_date_is_not_folded_silently() -> None:
    text = ("Kelvo's Gizmo Go will go on sale in March 2026\n\n"
            "Kelvo today showed the Gizmo Go, a console players can take with them.\n\n"
            "Kelvo will share more details, including the price, at a presentation early next year.")
    got = read_text(text, dt.date(2025, 10, 20), publisher="Kelvo (press release)")
    kept = [c.quote for c in got.commitments + got.proposals]
    assert any(q.startswith("Kelvo's Gizmo Go will go on sale") for q in kept), kept


def test_a_headline_the_body_restates_is_listed_as_left_out() -> None:
    text = ("Kelvo to open Leeds depot in 2026\n\n"
            "Kelvo will open a depot in Leeds by the end of 2026, the company said on Tuesday.")
    got = read_text(text, DAY, publisher="Freight Wire")
    assert [c.quote[:20] for c in got.commitments] == ["Kelvo will open a de"]
    assert any(x.reason.startswith("a headline the body restates") for x in got.left_out), got.left_out


def test_a_minister_pledges_for_the_government_a_mayor_for_herself() -> None:
    minister = read_text("Spain's transport minister, Ana Ruiz, pledged to open the new Madrid rail line by 2027.",
                         DAY, publisher="Iberia Wire")
    mayor = read_text("Mayor Ana Ruiz pledged to open the new Madrid tram line by 2027.", DAY, publisher="Iberia Wire")
    company = read_text("Acme president Ana Ruiz said the company would open a plant in Spain by 2027.", DAY,
                        publisher="Iberia Wire")
    assert [c.actor for c in minister.commitments] == ["Spanish government"]
    assert [c.actor for c in mayor.commitments] == ["Ana Ruiz"]
    assert [c.actor for c in company.commitments] == ["Acme"]


def test_a_second_verb_of_a_thing_is_the_things() -> None:
    got = read_text("The new chip will make photos sharper and will cut battery use by 20 percent.", DAY,
                    publisher="Tech Wire")
    assert got.commitments == [], [(c.actor, c.what) for c in got.commitments]


@pytest.mark.parametrize("source", ["research firm Quantel", "official estimates", "United Nations estimates"])
def test_a_forecast_according_to_a_source_of_figures_is_nobodys_promise(source: str) -> None:
    got = read_text(f"The market for folding phones will reach 30 million units by 2027, according to {source}.", DAY,
                    publisher="Tech Wire")
    assert got.commitments == [] and got.proposals == []
    assert any(x.reason == "said by a third party" for x in got.left_out)


@pytest.mark.parametrize("text,actor,what", [
    ("Chile's cabinet on Tuesday approved two budget bills that will raise school spending to 5 percent of "
     "output by 2028.", "Chile", "raise school spending to 5 percent of output"),
    ("Vantor Energy unveiled a 2 billion dollar fund that will invest in grid batteries over the next three years.",
     "Vantor Energy", "invest in grid batteries"),
    ("Dellan City Council set up a housing company that will build 500 homes by 2029.", "Dellan",
     "build 500 homes"),
])
def test_what_the_actor_just_made_will_do_is_the_actors_act(text: str, actor: str, what: str) -> None:
    got = read_text(text, DAY, publisher="Policy Wire")
    found = [(c.actor, c.what) for c in got.commitments + got.proposals]
    assert len(found) == 1 and actor in (found[0][0] or "") and found[0][1] == what, found


@pytest.mark.parametrize("text,what", [
    ("Vantor and Orvo said they expect to build 40 charging hubs by the end of 2026.", "build 40 charging hubs"),
    ("Dellan Water said it plans to replace 300 kilometres of old pipes by 2028.",
     "replace 300 kilometres of old pipes"),
    ("Quenby Air said it aims to open 30 new routes by 2027.", "open 30 new routes"),
])
def test_a_speech_frame_right_before_a_pronoun_cue_is_a_frame(text: str, what: str) -> None:
    got = read_text(text, DAY, publisher="Business Wire")
    assert [c.what for c in got.commitments + got.proposals] == [what]


@pytest.mark.parametrize("text,whats", [
    ("Vantor will buy all the power for its depots in Wales from wind farms by 2027 and for its depots abroad by 2030.",
     ["buy all the power for its depots in Wales from wind farms", "buy all the power for its depots abroad from wind farms"]),
    ("Orvo said it will make up to 2 million heat pumps by the end of 2026 and potentially 5 million by the end of 2028.",
     ["make up to 2 million heat pumps", "make potentially 5 million"]),
    ("Harbury will plant 10,000 trees across the city by 2026 and across the county by 2030.",
     ["plant 10,000 trees across the city", "plant 10,000 trees across the county"]),
])
def test_a_second_part_without_its_verb_shares_the_first_ones(text: str, whats: list[str]) -> None:
    got = read_text(text, DAY, publisher="Business Wire")
    assert [c.what for c in got.commitments + got.proposals] == whats


@pytest.mark.parametrize("headline,actor,what", [
    ("Twelve countries pledge to triple solar power by 2030", "Twelve countries", "triple solar power"),
    ("Ministers agree to ban new coal plants by 2029", "Ministers", "ban new coal plants"),
    ("Big lenders vow to stop funding new oil fields by 2028", "Big lenders", "stop funding new oil fields"),
])
def test_a_group_pledging_in_a_headline_is_the_actor(headline: str, actor: str, what: str) -> None:
    got = read_text(f"{headline}\n\nThe meeting in Quenby closed on Friday.", DAY, publisher="Climate Wire")
    assert [(c.actor, c.what) for c in got.commitments + got.proposals] == [(actor, what)]


def test_a_broken_promise_to_act_is_no_pledge() -> None:
    got = read_text("Voters remember the council's broken promise to open the pool by 2020.", DAY,
                    publisher="Harbury Post")
    assert got.commitments == [] and got.proposals == []


@pytest.mark.parametrize("text,actor,what", [
    ("Vantor Motors cut its outlook on Monday, saying it would close two plants by 2026.", "Vantor Motors",
     "close two plants"),
    ("Vantor Motors cut its outlook, adding that it would close two plants by 2026.", "Vantor Motors",
     "close two plants"),
    ("The Quenby housing scheme began on Sunday, with Harbury Homes Ltd saying the first 500 homes will be finished "
     "by July next year.", "Harbury Homes", "finish the first 500 homes"),
])
def test_a_speaker_in_a_participle_clause_frames_the_promise(text: str, actor: str, what: str) -> None:
    got = read_text(text, DAY, publisher="Business Wire")
    assert [(c.actor, c.what) for c in got.commitments + got.proposals] == [(actor, what)]


def test_a_participle_aside_is_no_part_of_the_things_name() -> None:
    got = read_text("Harbury Space said its probe, launched in July, will land on the Moon on August 23.", DAY,
                    publisher="Space Wire")
    assert [c.what for c in got.commitments + got.proposals] == ["ensure its probe land on the Moon"]


def test_an_apposition_describing_what_was_unveiled_is_no_promise() -> None:
    got = read_text("Harbury today unveiled Orvo, the tablet that will take the firm into a new era.", DAY,
                    publisher="Tech Wire")
    assert got.commitments == [], [(c.actor, c.what) for c in got.commitments]


GADGET_DIGEST = """Vantor unveils Orvo speaker, shipping in December for 199 dollars
The speaker will go on sale first in Quenby and Harbury.

Orvo Pad, Vantor's thinnest tablet yet, coming in November from 499 dollars
Vantor says the tablet will offer a brighter screen.

Orvo OS 4 to arrive this autumn as a free update
The new version brings a redesigned home screen.

Analysts say the speaker's price could limit sales
Most rival speakers sell for less.
"""


def test_a_digest_of_headlines_keeps_each_dated_headline() -> None:
    got = read_text(GADGET_DIGEST, DAY, publisher="Morning Gadget Briefing (newsletter)")
    saved = {c.quote.split(",")[0][:20]: c for c in got.commitments}
    assert set(saved) == {"Vantor unveils Orvo ", "Orvo Pad", "Orvo OS 4 to arrive "}, [c.quote for c in got.commitments]
    assert all(c.actor == "Vantor" and c.due_latest is not None for c in saved.values())
    assert saved["Vantor unveils Orvo "].due_latest == dt.date(2025, 12, 31)
    assert not any(c.quote.startswith("The speaker will go on sale") for c in got.commitments)


@pytest.mark.parametrize("text", [
    "We expect many more carriers to follow our lead.",
    "Harbury Transit expects the new line to carry about 90,000 riders a day.",
    "We expect the northern region to be a profitable part of our network.",
])
def test_an_undated_forecast_of_others_or_of_a_thing_is_not_saved(text: str) -> None:
    got = read_text(text, DAY, publisher="Harbury Transit")
    assert got.commitments == [], [(c.actor, c.what) for c in got.commitments]


def test_the_actors_own_figure_stays_guidance() -> None:
    got = read_text("We expect gross margin to be about 48 percent.", DAY, publisher="Vantor (earnings call)")
    assert [c.what for c in got.commitments] == ["deliver gross margin of about 48 percent"]


@pytest.mark.parametrize("text,found", [
    ("Vantor said it would close its two coal plants by 2027 and shut six of its nine gas turbines by 2032.",
     [("close its two coal plants", dt.date(2027, 12, 31)), ("shut six of its nine gas turbines", dt.date(2032, 12, 31))]),
    ("Orvo pledged to double its wind capacity and increase battery storage tenfold by 2030.",
     [("double its wind capacity", dt.date(2030, 12, 31)), ("increase battery storage tenfold", dt.date(2030, 12, 31))]),
    ("Harbury Council will cut bus fares in March and set up a repair fund in June.",
     [("cut bus fares", dt.date(2026, 3, 31)), ("set up a repair fund", dt.date(2025, 6, 30))]),
])
def test_coordinated_verbs_are_promises_with_their_own_or_their_shared_date(text: str, found: list) -> None:
    got = read_text(text, DAY, publisher="Energy Wire")
    assert [(c.what, c.due_latest) for c in got.commitments] == found


def test_a_president_with_no_organisation_speaks_for_the_country() -> None:
    text = ("President Ada Brennan said on Tuesday that Chile would close its last coal plant by 2030. "
            "Vantor Energy, the utility that runs the plant, declined to comment. "
            "Brennan also pledged to double solar capacity by 2028.")
    got = read_text(text, DAY, publisher="Santiago Wire")
    assert {c.actor for c in got.commitments} == {"Chilean government"}, [(c.actor, c.what) for c in got.commitments]


def test_a_product_named_after_its_maker_leaves_the_maker_an_actor() -> None:
    text = ("Vantor said on Monday it would shut down the consumer version of its Vantor+ network by the end of next "
            "August. The Daily Ledger reported earlier that Vantor had known about the flaw since spring.")
    got = read_text(text, DAY, publisher="Tech Wire")
    assert [c.actor for c in got.commitments] == ["Vantor"]


def test_a_speaker_before_a_whose_aside_speaks() -> None:
    text = ("The Harbury Safety Board approved the licences for two reactors at Quenby on Thursday, the first it has "
            "approved in 30 years. Vantor Power, whose grid unit owns the largest share of the project, said the first "
            "of the two reactors is expected to begin commercial operation in 2029.")
    got = read_text(text, DAY, publisher="Energy Wire")
    assert [c.actor for c in got.commitments + got.proposals] == ["Vantor Power"]


@pytest.mark.parametrize("text,what,phrase,due", [
    ("Harbury Transit said fares will be frozen for four years, starting in January.", "freeze fares",
     "for four years, starting in January", dt.date(2029, 12, 31)),
    ("Harbury Transit said fares will be capped until the end of 2027.", "cap fares", "until the end of 2027",
     dt.date(2027, 12, 31)),
    ("Harbury Transit will freeze fares for two years.", "freeze fares", "for two years", dt.date(2027, 4, 10)),
])
def test_a_state_promised_to_last_is_kept_until_its_span_ends(text: str, what: str, phrase: str, due: dt.date) -> None:
    got = read_text(text, DAY, publisher="Transport Wire")
    assert [(c.what, c.deadline_phrase, c.due_latest, c.keep_until) for c in got.commitments] == [(what, phrase, due, True)]


@pytest.mark.parametrize("text", [
    "We will have to become a leaner company, and we are reviewing our structure.",
    "Vantor said it would have to raise prices if costs keep rising.",
    "We will need to find new suppliers, the chief executive said.",
])
def test_an_undated_necessity_is_for_the_editor_not_a_promise(text: str) -> None:
    got = read_text(text, DAY, publisher="Vantor")
    assert got.commitments == [], [(c.actor, c.what) for c in got.commitments]


def test_a_pledge_verb_inside_a_condition_is_no_promise() -> None:
    got = read_text("Vantor will open the plant in 2027 if the council agrees to sell it the land.", DAY,
                    publisher="Business Wire", include_conditional=True)
    assert [c.what for c in got.commitments + got.proposals] == ["open the plant"]
    assert any(x.reason == "the condition of another clause" for x in got.left_out)


def test_a_company_president_named_after_the_name_speaks_for_the_company() -> None:
    text = ("Ada Brennan, president and chief executive: This is my first call as chief executive. We are currently "
            "estimating that deliveries of the Orvo jet will resume in mid-2026.")
    got = read_text(text, DAY, publisher="Vantor Aero (Q4 earnings call, transcript excerpt)")
    assert [c.actor for c in got.commitments + got.proposals] == ["Vantor Aero"]


@pytest.mark.parametrize("text,actor", [
    ("Chile will close its last coal plant by 2030, President Ada Brennan announced on Monday.", "Chilean government"),
    ("French President Ada Brennan pledged on Monday to close the last coal plant by 2030. France has two left.",
     "French government"),
    ("Vantor Ferries is building an electric ferry. \"We will launch the ferry in Quenby by 2027,\" President Ada "
     "Brennan told reporters, adding that the group would also sell boats to operators in Chile.", "Vantor Ferries"),
])
def test_a_president_heads_a_state_only_when_a_country_says_so(text: str, actor: str) -> None:
    got = read_text(text, DAY, publisher="World Wire")
    assert [c.actor for c in got.commitments][:1] == [actor], [(c.actor, c.what) for c in got.commitments]


def test_an_interviewee_who_became_head_of_an_organisation_speaks_for_it() -> None:
    text = ("Ada Brennan became chief executive of Vantor Air, the Quenby maker of electric air taxis, in 2022 after "
            "running Orvo's space business. We met her at the Dellan Air Show, where the company has been flying its "
            "two-seat taxi. The interview has been edited.\n\n"
            "Q: Is the service still on time?\n"
            "A: Absolutely. We will carry our first paying passengers in Dellan in time for the Games next summer.\n\n"
            "Q: What about the city?\n"
            "A: Dellan City Hall has backed the routes, and the landing pads will be ready in May.")
    got = read_text(text, DAY, publisher="Mobility Journal (interview)")
    assert {c.actor for c in got.commitments} == {"Vantor Air"}, [(c.actor, c.what) for c in got.commitments]


@pytest.mark.parametrize("text, what", [
    ("Construction of the Quenby depot is due to be completed in 2027, Vantor said.",
     "complete construction of the Quenby depot"),
    ("Vantor said the new bridge will be finished by the end of next year.", "finish the new bridge"),
    ("Vantor said the sports hall will be complete by June.", "complete the sports hall"),
])
def test_a_thing_to_be_completed_is_the_act_of_completing_it(text: str, what: str) -> None:
    got = read_text(text, DAY, publisher="Harbury Post")
    assert [c.what for c in got.commitments + got.proposals] == [what]


@pytest.mark.parametrize("intro", ["Pelt Mobility is building a scooter plant near Quenby.",
                                   "Pelt Mobility is investing in a scooter plant near Quenby."])
def test_an_organisation_at_work_is_named_in_full_when_its_short_form_promises(intro: str) -> None:
    got = read_text(f"{intro} Pelt plans to employ about 2,000 people at the plant by 2027.", DAY,
                    publisher="Harbury Post")
    assert [(c.actor, c.what) for c in got.commitments] == [("Pelt Mobility", "employ about 2,000 people at the plant")]


@pytest.mark.parametrize("country, government", [("the United States", "US government"),
                                                 ("the UK", "UK government")])
def test_a_country_that_takes_the_article_is_its_government_after_a_speech_frame(country: str,
                                                                                 government: str) -> None:
    got = read_text(f"Ada Brennan said {country} would send 500 trucks to Quenby by the end of the year.", DAY,
                    publisher="Harbury Post")
    assert [(c.actor, c.what) for c in got.commitments] == [(government, "send 500 trucks to Quenby")]


def test_a_result_that_will_move_with_no_figure_is_a_forecast_for_the_editor() -> None:
    got = read_text("Vantor's profits will fall this year, the company warned.", DAY, publisher="Harbury Post")
    assert got.commitments == [] and [p.what for p in got.proposals] == ["ensure the profits fall"]
    guidance = read_text("Vantor said its revenue will rise to 5 billion dollars this year.", DAY,
                         publisher="Harbury Post")
    assert [c.actor for c in guidance.commitments] == ["Vantor"], "a figure to check is guidance"


def test_whoever_approved_a_plan_is_its_actor() -> None:
    got = read_text("Harbury Council approved plans on Tuesday to build 500 homes in Dellan by 2028.", DAY,
                    publisher="Harbury Post")
    assert [(c.actor, c.what) for c in got.commitments] == [("Harbury Council", "build 500 homes in Dellan")]


@pytest.mark.parametrize("text", ["Vantor will comply with all applicable laws.",
                                  "Our mission is to make energy affordable for everyone."])
def test_compliance_and_mission_statements_wait_for_the_editor(text: str) -> None:
    got = read_text(text, DAY, publisher="Vantor (press release)")
    assert got.commitments == [] and len(got.proposals) == 1


def test_a_dated_mission_is_a_promise() -> None:
    got = read_text("Our mission is to connect every home in Dellan to fibre by 2027.", DAY,
                    publisher="Vantor (press release)")
    assert [c.what for c in got.commitments] == ["connect every home in Dellan to fibre"]


@pytest.mark.parametrize("text", ["Vantor will be hosting a webcast for analysts on March 3.",
                                  "Vantor will hold a capital markets day in Dellan on June 5."])
def test_housekeeping_in_any_tense_is_no_promise(text: str) -> None:
    got = read_text(text, DAY, publisher="Vantor (press release)")
    assert got.commitments == [] and got.proposals == []


def test_an_organisation_acts_through_its_unit() -> None:
    got = read_text("Vantor Group said on Monday that its Orvo Bank unit would open 20 branches in Dellan by 2027.",
                    DAY, publisher="Harbury Post")
    assert [(c.actor, c.what) for c in got.commitments] == [("Vantor Group", "open 20 branches in Dellan")]


@pytest.mark.parametrize("text, actor, what", [
    ("Lumo, the streaming app from Vantor, will launch in Dellan in May.", "Vantor", "launch Lumo in Dellan"),
    ("The Quenby Homes Grant, run by the Harbury Energy Department, will open to applicants in September.",
     "Harbury Energy Department", "open the Quenby Homes Grant to applicants"),
    ("Vantor, the maker of Lumo, will open a plant in Dellan in 2027.", "Vantor", "open a plant in Dellan"),
])
def test_a_product_or_programme_speaks_for_the_owner_its_aside_names(text: str, actor: str, what: str) -> None:
    got = read_text(text, DAY, publisher="Harbury Post")
    assert [(c.actor, c.what) for c in got.commitments] == [(actor, what)]


def test_a_things_named_owner_is_its_actor_over_an_unaffiliated_speaker() -> None:
    got = read_text("Vantor's Lumo app will get a paid tier next year, said Jo Bly, who leads the app at Vantor.",
                    DAY, publisher="Harbury Post")
    assert [c.actor for c in got.commitments + got.proposals] == ["Vantor"]


@pytest.mark.parametrize("text, actor, what", [
    ("Norway will end the sale of petrol cars in 2030, Ada Brennan said in Oslo on Wednesday. The prime "
     "minister also pledged to quadruple wind capacity by 2030.", "Norwegian government",
     "quadruple wind capacity"),
    ("Vantor chief executive Jo Bly said the company would open 40 stores next year. The chief executive also "
     "promised to cut prices by 10 percent in May.", "Vantor", "cut prices by 10 percent"),
])
def test_a_person_named_by_office_acts_for_whoever_holds_it(text: str, actor: str, what: str) -> None:
    got = read_text(text, DAY, publisher="Harbury Post")
    assert (actor, what) in [(c.actor, c.what) for c in got.commitments]


@pytest.mark.parametrize("text, found", [
    ("Vantor will install 100 charging points by 2025 and 500 by 2030.",
     [("install 100 charging points", "by 2025"), ("install 500 charging points", "by 2030")]),
    ("Vantor will open 40 stores in Dellan by 2026 and 20 in Quenby by 2027.",
     [("open 40 stores in Dellan", "by 2026"), ("open 20 stores in Quenby", "by 2027")]),
])
def test_a_second_count_with_a_date_of_its_own_is_a_second_promise(text: str, found: list[tuple[str, str]]) -> None:
    got = read_text(text, DAY, publisher="Vantor (press release)")
    assert [(c.what, c.deadline_phrase) for c in got.commitments] == found


def test_a_second_sum_of_the_same_spending_is_a_second_promise() -> None:
    got = read_text("Vantor will spend 1.3 billion pounds on charging points for homes, streets and car parks, and "
                    "582 million pounds on grants for electric vans.", DAY, publisher="Vantor (press release)")
    assert [c.what for c in got.commitments] == ["spend 1.3 billion pounds on charging points for homes",
                                                 "spend 582 million pounds on grants for electric vans"]


@pytest.mark.parametrize("text, what", [
    ("Once the new hub opens, Quenby airport in the north of the city will close for good, Vantor said.",
     "close Quenby airport in the north of the city for good"),
    ("The old Dellan depot will close once the new one opens, Vantor said.",
     "close the old Dellan depot once the new one opens"),
])
def test_a_thing_tied_to_another_event_is_as_checkable_as_a_dated_one(text: str, what: str) -> None:
    got = read_text(text, DAY, publisher="Harbury Post")
    assert [(c.actor, c.what) for c in got.commitments] == [("Vantor", what)]


def test_a_list_of_names_stays_whole_in_the_promise() -> None:
    got = read_text("Vantor said it plans to merge its Dellan, Quenby and Orvo units in early 2027.", DAY,
                    publisher="Harbury Post")
    assert [c.what for c in got.commitments] == ["merge its Dellan, Quenby and Orvo units"]


@pytest.mark.parametrize("speaker", ["The region's economy minister, Ada Brennan, said", "Mayor Ada Brennan said"])
def test_the_company_a_politician_speaks_of_is_the_company_not_the_politician(speaker: str) -> None:
    text = f"Vantor will build a plant near Harbury. {speaker} the company would start production at the site in 2027."
    got = read_text(text, DAY, publisher="European Business Wire")
    start = [c for c in got.commitments if "start production" in c.what]
    assert [c.actor for c in start] == ["Vantor"], [(c.actor, c.what) for c in got.commitments]


def test_a_digest_headline_product_belongs_to_the_organisation_its_summary_quotes() -> None:
    text = """Tech headlines -- Thursday 3 May 2025

Orvo Buds coming later this year for 249 dollars
Vantor says the wireless buds link to its office apps.

Quenby Air to open Harbury route in September
Quenby said the route would use its new jets.
"""
    got = read_text(text, DAY, publisher="Tech Headlines Daily")
    actors = {c.what: c.actor for c in got.commitments}
    assert any(a == "Vantor" and "Orvo Buds" in w for w, a in actors.items()), actors
    assert any(a == "Quenby Air" and "Harbury route" in w for w, a in actors.items()), actors


def test_a_publisher_with_a_joined_name_is_known_by_the_part_its_text_uses() -> None:
    text = "Shipping burns a lot of fuel, and Orvo is one of its largest users. We will run our first methanol ship in 2026."
    got = read_text(text, DAY, publisher="Vantor Quenby - Orvo Sustainability Report 2025")
    assert [(c.actor, c.actor_aliases) for c in got.commitments] == [("Vantor Quenby - Orvo", ("Orvo",))]


def test_a_headline_ending_in_a_name_does_not_make_the_next_lines_actor_a_thing() -> None:
    text = """Vantor pulls the plug on the V9
Vantor will hand over its final V9s in 2027, chief executive Ada Brennan said, after Orvo trimmed its order.

Orvo switches to smaller jets
Orvo cut its outstanding V9 order by 39 aircraft.
"""
    got = read_text(text, DAY, publisher="Morning Business Briefing")
    assert [(c.actor, c.what) for c in got.commitments if "V9s" in c.what] == [("Vantor", "hand over its final V9s")]


def test_shares_of_an_organisation_are_not_an_organisation() -> None:
    text = ("Vantor Energy said on Tuesday it will build the Orvo pipeline. The company plans to have the line in "
            "service in 2027.\n\nShares of Vantor Energy rose 3 percent in Harbury.")
    got = read_text(text, DAY, publisher="Energy Markets Wire")
    assert {c.actor for c in got.commitments} == {"Vantor Energy"}, [(c.actor, c.what) for c in got.commitments]


def test_a_surname_after_a_middle_initial_is_no_organisation() -> None:
    text = ("President Ada Brennan said on Wednesday that the last troops would leave Harbury by September 11. "
            "The final drawdown will begin on May 1, Brennan said in a speech from the Treaty Room, where Joss Q. Arden "
            "announced the first strikes in 2001.")
    got = read_text(text, DAY, publisher="World Wire")
    assert "Arden" not in {c.actor for c in got.commitments}, [(c.actor, c.what) for c in got.commitments]
