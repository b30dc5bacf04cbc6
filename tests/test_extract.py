"""The rule-based commitment extractor: cues, traps, flags, actors, merging, output shape.

Every text here is invented for these tests (names, places, numbers). Each
table row is one sentence or short text and what the extractor must (not) find.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.extract import Commitment, extract_commitments

PUB = dt.date(2025, 3, 4)  # a Tuesday
INTRO = "Corvell Foods, the bakery chain, held its annual meeting in Tarnby on Tuesday. "


def run(text: str, **kw) -> list[Commitment]:
    return extract_commitments(text, PUB, **kw)


def only(text: str, **kw) -> Commitment:
    found = run(text, **kw)
    assert len(found) == 1, [(c.what, c.quote) for c in found]
    return found[0]


# -- every cue family ----------------------------------------------------------

CUES = [
    # (sentence after INTRO, words the `what` must start with)
    ("Corvell Foods will open a bakery school in Tarnby by the end of 2026.", "open a bakery school"),
    ("Corvell Foods plans to hire 200 delivery drivers by the end of 2026.", "hire 200 delivery drivers"),
    ("Corvell Foods is preparing to launch a delivery app by the end of 2026.", "launch a delivery app"),
    ("Corvell Foods intends to replace its oven fleet by the end of 2026.", "replace its oven fleet"),
    ("Corvell Foods aims to sell only wholemeal loaves by the end of 2026.", "sell only wholemeal loaves"),
    ("Corvell Foods expects to finish its new mill by the end of 2026.", "finish its new mill"),
    ("Corvell Foods has committed to halving its water use by the end of 2026.", "halve its water use"),
    ("Corvell Foods pledged on Tuesday to remove palm oil from its recipes by the end of 2026.", "remove palm oil"),
    ("Corvell Foods vowed to pay every baker a living wage by the end of 2026.", "pay every baker a living wage"),
    ("Corvell Foods has promised to publish its supplier list by the end of 2026.", "publish its supplier list"),
    ("Corvell Foods is set to open a flagship store in Lund by the end of 2026.", "open a flagship store"),
    ("Corvell Foods targets a 20 percent cut in packaging by the end of 2026.", "target a 20 percent cut"),
    ("Corvell Foods is to close its Dunmore depot by the end of 2026.", "close its Dunmore depot"),
    ("Corvell Foods set out a plan to electrify its van fleet by the end of 2026.", "electrify its van fleet"),
    ("The Corvell Foods board voted to build a second mill by the end of 2026.", "build a second mill"),
]


@pytest.mark.parametrize("sentence, what", CUES, ids=[c[1] for c in CUES])
def test_each_cue_family_is_found(sentence: str, what: str) -> None:
    c = only(INTRO + sentence)
    assert c.actor == "Corvell Foods"
    assert c.what.startswith(what), c.what
    assert "2026" in (c.deadline_phrase or "")
    assert c.due_latest == dt.date(2026, 12, 31)
    assert not c.negated and not c.conditional


def test_first_person_quote_belongs_to_the_speakers_organisation() -> None:
    text = INTRO + '"We are going to double our rye output by the end of 2026," chief executive Lina Moss said.'
    c = only(text)
    assert c.actor == "Corvell Foods"
    assert c.what.startswith("double our rye output")


def test_reported_speech_is_found_with_lower_confidence() -> None:
    text = (
        INTRO + "Corvell Foods will open a bakery school by the end of 2026, chief executive Lina Moss said. "
        "She said home delivery would start in the summer."
    )
    school, delivery = run(text)
    assert delivery.actor == "Corvell Foods"
    assert delivery.what.startswith("start home delivery")
    assert "summer" in delivery.deadline_phrase
    assert delivery.confidence < school.confidence


@pytest.mark.parametrize(
    "weak, strong",
    [
        ("Corvell Foods aims to open a mill by the end of 2026.", "Corvell Foods will open a mill by the end of 2026."),
        ("Corvell Foods expects to open a mill by the end of 2026.", "Corvell Foods pledged to open a mill by the end of 2026."),
        ("Corvell Foods targets a 5 percent cut in waste by the end of 2026.", "Corvell Foods vowed to cut waste 5 percent by the end of 2026."),
    ],
)
def test_weaker_cues_score_lower(weak: str, strong: str) -> None:
    assert only(INTRO + weak).confidence < only(INTRO + strong).confidence - 0.1


# -- what is not a commitment ---------------------------------------------------------

TRAPS = [
    ("past fact", "Corvell Foods opened its first bakery in 2011 and now runs 140 shops."),
    ("past promise", "In 2019 the company said it would open 30 shops by 2021, a goal it later dropped."),
    ("past perfect", "The chain had promised to cut prices before the strike began."),
    ("analysts expect", "Analysts at Perrin Capital expect the company to raise prices next year."),
    ("analysts believe", "Some analysts believe the chain will double in size by 2030."),
    ("decision taken", "The Lund town council voted on Tuesday to approve the bakery's new site."),
    ("decision adopted", "The Corvell Foods board decided to adopt the new pay scheme."),
    ("opinion after", "Corvell Foods will close its Lund bakery next year, analysts argue."),
    ("opinion aside", "The chain will double in size by 2030, some economists predict, as rents fall."),
    ("could", "The new mill could create 80 jobs by the end of 2026."),
    ("might", "The chain might expand into Norway next year."),
    ("rumour", "Corvell Foods will reportedly buy a rival chain, according to people familiar with the matter."),
    ("question", "Will Corvell Foods keep its prices low next year?"),
    ("asked whether", "Shareholders asked whether the company would pay a special dividend."),
    ("declined to say", "Moss declined to say when the company would list its shares."),
    ("has not said", "The company has not said which supplier it will use."),
    ("background", "The company, founded in 1998, employs 4,000 people across six regions."),
    ("wish", '"We would love to have a shop in every town," founder Arno Vick said.'),
    ("expected to", "The new mill is expected to cost 12 million euros."),
    ("scheduled event", "The trade fair is scheduled to begin on June 3."),
    ("forecast", "Corvell Foods expects revenue to grow 5 percent next year."),
    ("description", "The new app will include a loyalty scheme and recipe videos."),
    ("copula", "The upcoming mill will be the largest in the region."),
    ("hypothetical", "The scheme would give farmers a guaranteed price for their grain."),
    ("evaluation in quote", '"It will be worth the wait," Moss said.'),
    ("rival", "Rival chain Brodd Bakeries plans to open 12 shops in Tarnby next year."),
    ("hedged verb", "Corvell Foods hopes to reopen its Lund shop next year."),
    ("deadline already past", "Corvell Foods will pay the bonus by the end of 2024."),
    ("refusal", "Corvell Foods will not comment on the report."),
    ("vague", "We will continue to focus on quality for our customers."),
    ("housekeeping", "Corvell Foods will host a conference call for investors at 9 a.m. today."),
    ("estimate", "It will take several years for the mill to turn a profit."),
    ("done to the actor", "Corvell Foods will be fined 2 million euros by the regulator."),
    ("relative clause", "The mill, which will open in 2026, cost 40 million euros."),
    ("counterfactual", "Without the grant, Corvell Foods would have closed the mill."),
    ("event schedule", "The Tarnby bread fair will take place on June 3."),
]


@pytest.mark.parametrize("why, sentence", TRAPS, ids=[t[0] for t in TRAPS])
def test_traps_are_not_commitments(why: str, sentence: str) -> None:
    assert run(INTRO + sentence) == []


def test_headline_restating_the_lede_is_skipped() -> None:
    text = "Corvell Foods to open 50 bakeries\n\nCorvell Foods will open 50 bakeries by the end of 2026, it said.\n"
    c = only(text)
    assert c.quote.startswith("Corvell Foods will open")


# -- negated and conditional -------------------------------------------------------------

def test_negated_promise_is_flagged() -> None:
    c = only(INTRO + "Corvell Foods will not raise bread prices before the end of 2026, the company said.")
    assert c.negated
    assert c.what.startswith("not raise bread prices")
    assert c.due_latest == dt.date(2026, 12, 31)


def test_negated_passive_with_a_thing_as_subject() -> None:
    c = only(INTRO + "Customers will not be charged for the new loyalty cards.")
    assert c.negated and c.actor == "Corvell Foods"
    assert c.what == "not charge customers for the new loyalty cards"


@pytest.mark.parametrize(
    "sentence",
    [
        "If the council approves the site, Corvell Foods will build a second mill by the end of 2026.",
        "Corvell Foods will build a second mill by the end of 2026 if the council approves the site.",
        "Corvell Foods would build a second mill, subject to planning approval.",
        '"We will not open on Sundays until the staff agree," Moss said.',
    ],
)
def test_conditional_promises_are_dropped_unless_asked_for(sentence: str) -> None:
    text = INTRO + "Chief executive Lina Moss spoke to reporters. " + sentence
    assert run(text) == []
    c = only(text, include_conditional=True)
    assert c.conditional
    sure = only(INTRO + "Corvell Foods will build a second mill by the end of 2026.")
    assert c.confidence < sure.confidence


# -- actors ---------------------------------------------------------------------------------

ACTORS = [
    ("the company", "Corvell Foods said profits rose. The company will open a mill by the end of 2026.", "Corvell Foods"),
    ("it", "Corvell Foods said profits rose. It will also open a mill by the end of 2026.", "Corvell Foods"),
    ("short form", "Corvell Foods said profits rose. Corvell plans to open a mill by the end of 2026.", "Corvell Foods"),
    (
        "spokesperson",
        "Corvell Foods said profits rose. \"We will open a mill by the end of 2026,\" said chief executive Lina Moss.",
        "Corvell Foods",
    ),
    (
        "she said",
        "Corvell Foods said profits rose, according to chief executive Lina Moss. "
        "She said a new mill would open by the end of 2026.",
        "Corvell Foods",
    ),
    (
        "title with organisation",
        "Brant Mills and Corvell Foods signed a deal. \"We will open a mill by the end of 2026,\" "
        "Brant Mills director Oskar Lind said.",
        "Brant Mills",
    ),
    (
        "name, title of organisation",
        "\"We will open a mill by the end of 2026,\" said Oskar Lind, chief executive of Brant Mills.",
        "Brant Mills",
    ),
    (
        "the ministry",
        "The Ministry of Transport published its plan on Monday. The ministry will electrify the Vale line by the end of 2026.",
        "Ministry of Transport",
    ),
    (
        "the authority + abbreviation",
        "The Kessbury Water Authority (KWA) met on Monday. The KWA will replace 900 meters by the end of 2026.",
        "Kessbury Water Authority",
    ),
    (
        "abbreviation without parentheses",
        "The Kessbury Water Authority met on Monday. KWA will replace 900 meters by the end of 2026.",
        "Kessbury Water Authority",
    ),
    (
        "thing owned by the organisation",
        "Corvell Foods said profits rose. Corvell Foods' new mill will open by the end of 2026.",
        "Corvell Foods",
    ),
    (
        "government of a country",
        "The government of Arvenia intends to introduce a bakery bill by the end of 2026, officials said.",
        "Government of Arvenia",
    ),
]


@pytest.mark.parametrize("why, text, actor", ACTORS, ids=[a[0] for a in ACTORS])
def test_actor_resolution(why: str, text: str, actor: str) -> None:
    assert only(text).actor == actor


def test_aliases_are_merged_and_reported() -> None:
    text = (
        "The Kessbury Water Authority (KWA) met on Monday. The KWA will replace 900 meters by the end of 2026. "
        "Kessbury Water also plans to reline the Holt reservoir by the end of 2027."
    )
    found = run(text)
    assert [c.actor for c in found] == ["Kessbury Water Authority"] * 2
    assert "KWA" in found[0].actor_aliases
    assert "Kessbury Water" in found[0].actor_aliases
    assert all(a.lower() not in {"it", "the authority", "they"} for a in found[0].actor_aliases)


def test_default_actor_when_the_text_names_none() -> None:
    text = "We are pleased to announce that version 5 will ship on 14 October 2025. We will support version 4 until the end of 2026."
    found = run(text, default_actor="Lumenfold Project")
    assert [c.actor for c in found] == ["Lumenfold Project", "Lumenfold Project"]
    assert run(text)[0].actor is None


def test_a_politician_with_no_named_body_stands_for_themselves() -> None:
    text = "Arvenia's transport minister, Edda Holm, vowed on Monday to publish a rail bill by the end of 2026."
    assert only(text).actor == "Edda Holm"


# -- merging restatements ---------------------------------------------------------------------

def test_restatement_in_a_quote_merges_into_one_commitment() -> None:
    text = (
        "Corvell Foods will open its Lund flagship store by the end of 2026. The store will sell 90 kinds of bread.\n\n"
        '"We will have the Lund flagship open by the end of 2026," chief executive Lina Moss said.'
    )
    c = only(text)
    assert c.quote.startswith("Corvell Foods will open its Lund flagship")
    assert c.start == 0


def test_restatement_in_a_bullet_list_merges() -> None:
    text = (
        "Corvell Foods is preparing to release a gluten-free range within six months, the company said.\n"
        "What it means for shoppers\n"
        "- Timeline: Corvell Foods plans to unveil the gluten-free range within six months.\n"
        "- Prices: The company will publish prices for the gluten-free range before launch.\n"
    )
    found = run(text)
    assert len(found) == 2, [c.quote for c in found]
    assert found[0].quote.startswith("Corvell Foods is preparing")


def test_separate_milestones_are_not_merged() -> None:
    text = INTRO + (
        "Corvell Foods will replace all 3,000 of its delivery crates by the end of 2028. "
        "It will replace the first 500 crates by the end of 2026."
    )
    assert len(run(text)) == 2


def test_two_promises_in_one_quoted_sentence() -> None:
    text = (
        "The Kessbury Water Authority (KWA) will finish the Holt pipeline by the end of 2026, it said on Monday.\n\n"
        '"The Holt pipeline will be finished by the end of 2026, and bills will stay at current levels," '
        "KWA director Sana Roy said."
    )
    found = run(text)
    assert len(found) == 2
    assert found[1].what == "ensure bills stay at current levels"
    assert found[1].actor == "Kessbury Water Authority"


# -- output shape ---------------------------------------------------------------------------------

LONG = """Brant Mills unveils expansion plan

TARNBY, March 4, 2025 -- Brant Mills today announced a 40 million euro expansion of its Tarnby site. \
The company will add two milling lines by the end of 2026, creating 120 jobs, chief executive Dr. Oskar Lind said.

"This is the biggest investment in our history," Lind said. "We will also open a visitor centre next spring."

Brant Mills (BM) was founded in 1922. BM expects to double flour exports within three years, marking a \
dramatic shift for a company that has long focused on its home market.
"""


def test_quote_is_the_exact_sentence_and_start_its_offset() -> None:
    found = run(LONG)
    assert len(found) == 3
    for c in found:
        assert LONG[c.start : c.start + len(c.quote)] == c.quote
        if c.deadline_phrase is not None:
            assert c.deadline_phrase in c.quote
    assert found[0].quote.startswith("The company will add two milling lines")


def test_what_is_short_without_actor_deadline_or_trailing_clause() -> None:
    for c in run(LONG):
        assert len(c.what.split()) <= 14
        assert "Brant" not in c.what and "BM" not in c.what.split()
        assert c.deadline_phrase is None or c.deadline_phrase not in c.what
        assert "marking" not in c.what and "said" not in c.what
    assert [c.what for c in run(LONG)][2] == "double flour exports"


def test_deterministic_and_empty_input() -> None:
    assert run(LONG) == run(LONG)
    assert run("") == [] and run("   \n") == []


def test_event_dated_elsewhere_in_the_text_sets_the_deadline() -> None:
    text = (
        "The Tarnby Rowing Club promised on Monday to rebuild its boathouse before the 2026 Tarnby Regatta. "
        "The 2026 races are scheduled to begin on June 12."
    )
    c = only(text)
    assert c.due_latest == dt.date(2026, 6, 11)


# -- sentences holding more than one clause ----------------------------------------------------

def test_two_coordinated_promises_in_one_sentence() -> None:
    text = INTRO + (
        '"By the end of 2026 we will open a bakery school in Lund and we will double the apprentice intake '
        'by the end of 2027," chief executive Lina Moss said.'
    )
    first, second = run(text)
    assert first.what == "open a bakery school in Lund"
    assert second.what == "double the apprentice intake"
    assert (first.due_latest, second.due_latest) == (dt.date(2026, 12, 31), dt.date(2027, 12, 31))


def test_reported_speech_with_a_listener_and_a_named_speaker() -> None:
    text = (
        "Brant Mills and Corvell Foods both reported results on Tuesday. "
        "Brant Mills said it would close its Holt depot by the end of 2026. "
        "Chief executive Oskar Lind told reporters the company would also hire 50 drivers by the end of 2026."
    )
    depot, drivers = run(text)
    assert depot.actor == drivers.actor == "Brant Mills"
    assert drivers.what == "hire 50 drivers"


def test_relative_clause_and_its_coordinated_verb_are_not_promises() -> None:
    text = INTRO + "Corvell Foods will build a mill in Lund, which is due to open in 2026 and will employ 90 people."
    c = only(text)
    assert c.what == "build a mill in Lund"


def test_forecast_by_the_actor_is_not_a_promise_but_delivery_is() -> None:
    text = INTRO + (
        "Corvell Foods expects revenue to grow 5 percent next year. "
        "Corvell Foods expects its new ovens to be delivered by the end of 2026."
    )
    c = only(text)
    assert c.what == "deliver its new ovens"


# -- more shapes of news and press-release sentences ------------------------------------------

MORE_FOUND = [
    # (sentence after INTRO, the `what`)
    ("Asked about prices, Corvell Foods said it would cut them by 5 percent by the end of 2026.", "cut them by 5 percent"),
    ("According to Corvell Foods, the new mill will open by the end of 2026.", "open the new mill"),
    ("Corvell Foods (which also runs cafes) will open a mill in Lund by the end of 2026.", "open a mill in Lund"),
    ("Corvell Foods' chief executive said the group will open a mill in Lund by the end of 2026.", "open a mill in Lund"),
    ("Corvell Foods is launching a rye range on 14 May.", "launch a rye range"),
    ("Corvell Foods has set a target of halving its waste by the end of 2026.", "halve its waste"),
    ("Corvell Foods won't be raising prices this year, chief executive Lina Moss said.", "not raise prices"),
    ("Corvell Foods will, however, keep its head office in Tarnby until the end of 2026.", "keep its head office in Tarnby"),
    ("The company said the free loyalty app would remain available to all customers.", "keep the free loyalty app available"),
    ("There will be no price rises before the end of 2026, the company said.", "have no price rises"),
    ('"Our customers will not pay more for delivery," chief executive Lina Moss said.', "ensure our customers do not pay more"),
    ("Corvell Foods today opened a shop in Lund and announced plans to open another by the end of 2026.", "open another"),
    ("Corvell Foods said bread prices would not rise above inflation before the end of 2026.", "ensure bread prices do not rise above inflation"),
    ("Corvell Foods said it expected the mill to open by the end of 2026.", "open the mill"),
]


@pytest.mark.parametrize("sentence, what", MORE_FOUND, ids=[m[1] for m in MORE_FOUND])
def test_more_sentence_shapes(sentence: str, what: str) -> None:
    c = only(INTRO + sentence)
    assert c.actor == "Corvell Foods"
    assert c.what.startswith(what), c.what


MORE_TRAPS = [
    "Consumer group Fairloaf said the group would sue Corvell Foods by June.",
    "Corvell Foods said its Lund mill will not open until the spring of 2027.",
    "The new ovens will not be ready before the end of 2026, the company said.",
    "The mill is due to be shipped in parts.",  # an undated schedule: nobody's promise
    "The regulator will review the merger in July.",
    "Corvell Foods' chief executive said the new mill would allow 6,000 extra loaves a day.",
    "The regulator will publish its review of the bakery market in January.",
    "Asked whether Corvell Foods would list its shares, Moss said it had no plans to do so.",
    "Corvell Foods is building a new mill in Lund.",
    "Industry body Bakers UK warned that flour prices will rise next year.",
    "But shoppers that buy in bulk will pay less.",
    "Corvell Foods would love to open in every town one day.",
]


@pytest.mark.parametrize("sentence", MORE_TRAPS)
def test_more_traps(sentence: str) -> None:
    assert run(INTRO + sentence) == []


def test_a_spokesperson_titled_head_of_something_speaks_for_the_organisation() -> None:
    text = INTRO + (
        "Corvell Foods will open a bakery school by the end of 2026, head of training Siri Aas said. "
        '"We will also publish the syllabus by the end of 2026," Aas said.'
    )
    found = run(text)
    assert [c.actor for c in found] == ["Corvell Foods", "Corvell Foods"]
