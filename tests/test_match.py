"""The evidence matcher, table-driven over invented promises and news items (pure: no database).

Every name and sentence here is made up for these tests. Each row says what a
careful reader would conclude: the kind of evidence and whether the tracker
accepts it unseen (score >= 0.70 and the match may decide: ``evidence_state``). Cost flatness is measured by
``benchmarks/eval_matching.py --speed``, not here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.match import (AUTO_ACCEPT, REVIEW, CandidateIndex, CommitmentDoc, ItemDoc, evidence_state, match_item, score,
                           search_query)

D = dt.date


def doc(cid: int, actor: str, what: str, quote: str | None = None, due: dt.date | None = D(2026, 6, 30),
        negated: bool = False, aliases: tuple[str, ...] = ()) -> CommitmentDoc:
    return CommitmentDoc(cid, actor, aliases, what, quote, due, negated, D(2025, 1, 15))


def item(title: str, text: str, published: dt.date = D(2025, 9, 10), iid: int = 1) -> ItemDoc:
    return ItemDoc(iid, title, text, None, published)


DRILL = doc(1, "Orrin Tools", "begin shipping the Gizmo 3 cordless drill to customers",
            "Orrin Tools will begin shipping the Gizmo 3 cordless drill to customers by June.")
PREORDER = doc(2, "Orrin Tools", "open pre-orders for the Gizmo 3")
GAME = doc(3, "Helix Games", "release Starfall on consoles and PC", "Helix Games will release Starfall this year.")
TOLLS = doc(4, "Marlow Bridge Company", "not raise tolls on the Marlow Bridge",
            "The Marlow Bridge Company will not raise tolls on the Marlow Bridge before 2027.",
            due=D(2026, 12, 31), negated=True)
BUSES = doc(5, "Cardan City Council", "add 40 hydrogen buses to the city fleet", due=D(2026, 12, 31))
LANES = doc(6, "Cardan City Council", "build a protected bike lane network on the ring road")
TRAM = doc(7, "Marlow Transit Authority (MTA)", "open the Bayline tram to passengers", due=D(2026, 12, 31))
CLINICS = doc(8, "Ellery Health Board", "open 10 new urgent care clinics", due=D(2026, 12, 31))
BAGS = doc(9, "Brisa Foods", "eliminate plastic straws from all 300 cafes", due=D(2025, 12, 31))
CAPSULE = doc(10, "Pell Aerospace", "launch the Swift capsule with a crew of two", due=D(2026, 3, 31))
RATES = doc(11, "Vantor Bank", "cut mortgage fees by 20 percent", due=D(2025, 12, 31))
FREEZE = doc(12, "Tollan Water (TW)", "not raise household water bills (bill freeze)",
             "Tollan Water will not raise household water bills before 2027.", due=D(2026, 12, 31), negated=True)
ACT = doc(13, "Government of Norvia", "pass the Clean Rivers Act", due=D(2025, 12, 31))
PARK = doc(14, "Dunmore Council", "build a skate park in Riverside Park")
PHONE = doc(15, "Nova Mobile", "launch the Nova X5 phone in Europe")
EDITOR = doc(16, "Sorrel Software", "release version 5 of the Quire editor")
POWER = doc(17, "Halvorsen Energy", "not increase electricity prices for households", negated=True)
SAFETY = doc(18, "Government of Askel", "introduce the Online Safety Bill in parliament")

CASES = [
    # name, commitment, item, expected kind (None: nothing to say), auto-accepted?
    ("shipped, with a day named", DRILL,
     item("Orrin Gizmo 3 begins shipping",
          "Orrin Tools said the first Gizmo 3 drills shipped to customers on Tuesday, 2 September."),
     "fulfilment", True),
    ("pre-orders are the pre-order promise kept", PREORDER,
     item("Orrin opens Gizmo 3 pre-orders", "Pre-orders for the Orrin Tools Gizmo 3 opened on Monday at 199 euros. "
          "Deliveries will start in October, the company said."),
     "fulfilment", True),
    ("pre-orders are only progress towards shipping", DRILL,
     item("Orrin opens Gizmo 3 pre-orders", "Pre-orders for the Orrin Tools Gizmo 3 opened on Monday at 199 euros. "
          "Deliveries will start in October, the company said."),
     "progress", False),
    ("now available", GAME,
     item("Starfall now available", "Helix Games released Starfall on consoles and PC on Thursday, 4 September."),
     "fulfilment", True),
    ("signed into law", ACT,
     item("Clean Rivers Act signed into law",
          "The Clean Rivers Act was signed into law on Friday, the Norvia government said."),
     "fulfilment", True),
    ("a negated promise breached: tolls went up", TOLLS,
     item("Marlow Bridge tolls rise", "Tolls on the Marlow Bridge went up by 10 percent on Monday, the Marlow "
          "Bridge Company said."),
     "fulfilment", True),
    ("a freeze ended is the restriction withdrawn", FREEZE,
     item("Tollan Water to raise bills 4 percent", "Tollan Water announced that household water bills will rise "
          "4 percent from April, ending a bill freeze it had promised to keep until 2027."),
     "cancellation", True),
    ("scrapped", LANES,
     item("Cardan scraps ring road bike lanes", "Cardan City Council has scrapped its plan for a protected bike "
          "lane network on the ring road, citing costs."),
     "cancellation", True),
    ("dropped plans", LANES,
     item("Council drops bike lane plan", "Cardan City Council dropped plans for the protected ring road bike "
          "lanes on Tuesday."),
     "cancellation", True),
    ("postponed, with a new date", TRAM,
     item("Bayline opening pushed back to mid-2027", "The Marlow Transit Authority said the Bayline tram will not "
          "open to passengers until mid-2027 because of signalling faults."),
     "delay", True),
    ("now expected", CLINICS,
     item("Urgent care clinics now expected next year", "Ellery Health Board said the last of its 10 new urgent "
          "care clinics is now expected to open in 2027."),
     "delay", True),
    ("testing is progress", TRAM,
     item("Bayline begins test runs", "The Marlow Transit Authority started daytime test runs on the Bayline tram."),
     "progress", False),
    ("a beta is progress", GAME,
     item("Starfall open beta starts", "Helix Games opened a public beta of Starfall to 20,000 players on PC."),
     "progress", False),
    ("first 12 of 40 is progress", BUSES,
     item("First hydrogen buses enter service", "Cardan City Council put the first 12 of 40 hydrogen buses into "
          "service on Monday."),
     "progress", False),
    ("all 40 is fulfilment", BUSES,
     item("All 40 hydrogen buses now running", "The last of the 40 hydrogen buses ordered by Cardan City Council "
          "entered service on Monday, 8 September, completing the fleet upgrade."),
     "fulfilment", True),
    ("six of ten clinics is progress", CLINICS,
     item("Six of 10 urgent care clinics open", "Ellery Health Board said six of its 10 new urgent care clinics "
          "are now open, with four more to follow."),
     "progress", False),
    ("straws gone from some cafes is progress", BAGS,
     item("Straws gone from 120 Brisa cafes", "Brisa Foods said plastic straws have been removed from 120 of its "
          "300 cafes, with the rest to follow next year."),
     "progress", False),
    ("a cut by the promised percentage", RATES,
     item("Vantor Bank mortgage fee cut takes effect", "Mortgage fees at Vantor Bank fell by 20 percent on "
          "Monday, 1 September."),
     "fulfilment", True),
    ("the opposite move is not fulfilment", RATES,
     item("Vantor Bank raises mortgage fees", "Vantor Bank increased its mortgage fees by 3 percent."),
     "mention", False),
    ("has not yet released", GAME,
     item("Starfall is not out yet", "Despite posts on social media, Starfall has not yet been released, Helix "
          "Games said."),
     "mention", False),
    ("denied plans", GAME,
     item("Helix denies Starfall delay", "Helix Games denied plans to delay Starfall and said the release is on "
          "track."),
     "mention", False),
    ("analysts speculate", DRILL,
     item("Gizmo 3 could slip, analyst says", "An analyst at Fenwick Research said the Orrin Tools Gizmo 3 might "
          "not ship until the autumn."),
     "mention", False),
    ("a rumour", GAME,
     item("Rumour: Starfall delayed to 2027", "Unconfirmed reports claim Helix Games has pushed Starfall back to "
          "2027."),
     "mention", False),
    ("sources say", LANES,
     item("Bike lanes may be dropped", "Sources say Cardan City Council could abandon the ring road bike lanes."),
     "mention", False),
    ("a future date is not fulfilment", DRILL,
     item("Orrin to ship Gizmo 3 in June", "Orrin Tools will begin shipping the Gizmo 3 drill to customers in "
          "June, the company said."),
     "mention", False),
    ("same actor, another product", DRILL,
     item("Orrin ships Gizmo 2 update", "Orrin Tools began shipping an updated Gizmo 2 drill on Monday."),
     "mention", False),
    ("same actor, something else entirely", CLINICS,
     item("Ellery Health Board appoints new chair", "Ellery Health Board named Ida Brand as its new chair."),
     None, False),
    ("another actor does the same kind of thing", DRILL,
     item("Dentco begins shipping Bolt drill", "Dentco Tools began shipping its Bolt cordless drill to customers "
          "on Monday."),
     None, False),
    ("opening is what building a park was for", PARK,
     item("Riverside skate park opens", "Dunmore Council opened the new skate park in Riverside Park on Saturday."),
     "fulfilment", True),
    ("construction began is progress", PARK,
     item("Work starts on skate park", "Construction of the Dunmore skate park in Riverside Park began on Monday."),
     "progress", False),
    ("not completed until next summer", PARK,
     item("Skate park behind schedule", "Dunmore Council said the Riverside Park skate park will not be completed "
          "until next summer."),
     "delay", True),
    ("went on sale", PHONE,
     item("Nova X5 goes on sale in Europe", "The Nova Mobile X5 went on sale across Europe on Friday."),
     "fulfilment", True),
    ("another model number", PHONE,
     item("Nova X4 launched in Asia", "Nova Mobile launched the Nova X4 phone in Asia on Friday."),
     "mention", False),
    ("unveiled ahead of a launch", PHONE,
     item("Nova unveils X5 ahead of launch", "Nova Mobile unveiled the Nova X5 phone at an event in Berlin. It goes "
          "on sale in Europe next month."),
     "mention", False),
    ("version N of X is X N", EDITOR,
     item("Quire 5 is out", "Sorrel Software released Quire 5 on Tuesday, 7 October."),
     "fulfilment", True),
    ("a restriction breached for the named group", POWER,
     item("Halvorsen hikes household power prices", "Halvorsen Energy increased household electricity prices by 7 "
          "percent on 1 October."),
     "fulfilment", True),
    ("the same act for another group is no breach", POWER,
     item("Halvorsen raises business tariffs", "Halvorsen Energy increased electricity prices for business "
          "customers by 4 percent."),
     "mention", False),
    ("will not go ahead", SAFETY,
     item("Online Safety Bill will not go ahead", "Ministers confirmed the Online Safety Bill will not go ahead "
          "this parliament, the Government of Askel said."),
     "cancellation", True),
    ("withdrawn", SAFETY,
     item("Askel withdraws Online Safety Bill", "The Askel government withdrew the Online Safety Bill on Tuesday."),
     "cancellation", True),
    ("failed to, before: a miss, not a new date", SAFETY,
     item("Askel misses deadline for online safety bill", "The Askel government failed to introduce the Online "
          "Safety Bill before the summer recess."),
     "mention", False),
    ("another bill passed", SAFETY,
     item("Askel passes Data Protection Bill", "The Askel parliament passed the Data Protection Bill on Wednesday."),
     "mention", False),
    ("Title Case headline", SAFETY,
     item("Online Safety Bill Introduced In Parliament",
          "The Askel Government Introduced The Online Safety Bill In Parliament On Monday."),
     "fulfilment", True),
    ("an uncrewed flight is not the crewed launch", CAPSULE,
     item("Uncrewed Swift docks with station", "Pell Aerospace's Swift capsule completed an uncrewed test flight "
          "on Sunday."),
     "progress", False),
]


@pytest.mark.parametrize("name,c,it,kind,accepted", CASES, ids=[c[0] for c in CASES])
def test_reads_what_the_item_says(name, c, it, kind, accepted):
    m = score(it, c)
    if kind is None:
        assert m is None or m.score < REVIEW, m
        return
    if kind == "mention" and not accepted:
        assert m is None or m.kind not in ("fulfilment", "cancellation", "delay") or m.score < REVIEW, m
        return
    assert m is not None, name
    if accepted:
        assert (m.kind, evidence_state(m)) == (kind, "accepted"), m
    else:
        assert evidence_state(m) != "accepted" or m.kind not in ("fulfilment", "cancellation", "delay"), m
        assert m.kind == kind or m.score < REVIEW, m


@pytest.mark.parametrize("text,published,expected", [
    ("Orrin Tools said the first drills shipped to customers on Tuesday, 2 September.", D(2025, 9, 10),
     D(2025, 9, 2)),
    ("Helix Games released Starfall on Sunday.", D(2025, 9, 10), D(2025, 9, 7)),
    ("Tolls went up by 10 percent on September 1.", D(2025, 9, 10), D(2025, 9, 1)),
    ("Helix Games released Starfall.", D(2025, 9, 10), D(2025, 9, 10)),
    ("Helix Games released Starfall, which was due to come out on 1 August.", D(2025, 9, 10), D(2025, 9, 10)),
])
def test_event_date_is_the_day_named_in_the_text(text, published, expected):
    m = score(item("Starfall and drills", text, published),
              doc(1, "Helix Games", "release Starfall") if "Starfall" in text else
              doc(1, "Orrin Tools", "begin shipping the drills to customers") if "drills" in text else
              doc(1, "Marlow Bridge Company", "not raise tolls", negated=True))
    assert m is not None and m.event_date == expected, m


def test_event_date_on_a_named_weekday_from_the_title_item():
    m = score(item("Gizmo 3 ships", "Orrin Tools said the first Gizmo 3 cordless drills shipped to customers on "
                   "Sunday.", D(2025, 9, 10)), DRILL)
    assert m is not None and m.kind == "fulfilment" and m.event_date == D(2025, 9, 7)


def test_delay_extracts_the_new_target():
    m = score(item("Bayline opening pushed back", "The Marlow Transit Authority said the Bayline tram opening is "
                   "now expected in early 2027.", D(2026, 9, 1)), TRAM)
    assert m is not None and m.kind == "delay"
    assert m.new_deadline_phrase and "2027" in m.new_deadline_phrase
    assert m.new_due_latest is not None and m.new_due_latest.year == 2027


def test_a_slip_still_inside_the_deadline_is_not_a_delay():
    far = doc(20, "Cardan City Council", "add 40 hydrogen buses to the city fleet", due=D(2030, 12, 31))
    m = score(item("Hydrogen buses slip", "Cardan City Council said the hydrogen bus deliveries have been pushed "
                   "back to early 2027.", D(2026, 3, 1)), far)
    assert m is None or m.kind != "delay"


def test_explanation_can_be_checked_by_a_person():
    m = score(item("Orrin Gizmo 3 begins shipping", "Orrin Tools said the first Gizmo 3 drills shipped to customers "
                   "on Tuesday, 2 September."), DRILL)
    assert m is not None
    ex = m.explanation
    assert ex["matched_actor"] == "Orrin Tools"
    assert "Gizmo 3" in ex["matched_terms"]
    assert ex["cue"] and ex["item_date"] == "2025-09-10"
    assert isinstance(ex["notes"], list)


# -- the index ---------------------------------------------------------------------------------

ALL = [DRILL, PREORDER, GAME, TOLLS, BUSES, LANES, TRAM, CLINICS, BAGS, CAPSULE, RATES, FREEZE, ACT]


@pytest.mark.parametrize("title,text,wanted,unwanted", [
    ("Starfall now available", "Helix Games released Starfall on PC.", {3}, {1, 5, 7}),
    ("Bayline tram delayed", "The Bayline tram will open later than planned.", {7}, {3, 6}),
    ("Cardan scraps bike lanes", "Cardan City Council has scrapped the ring road bike lane plan.", {6}, {3, 4}),
    ("Mortgage fees cut", "Vantor Bank cut mortgage fees on Monday.", {11}, {1, 3, 7}),
])
def test_index_returns_the_right_candidates(title, text, wanted, unwanted):
    index = CandidateIndex(ALL)
    got = set(index.candidates(item(title, text)))
    assert wanted <= got
    assert not unwanted & got


def test_index_needs_an_object_word_not_just_the_actor():
    index = CandidateIndex(ALL)
    assert index.candidates(item("Helix Games hires a new finance chief", "Helix Games named Ola Berg as CFO.")) == []


def test_index_remove_and_readd():
    index = CandidateIndex(ALL)
    index.remove(GAME.id)
    assert GAME.id not in index.candidates(item("Starfall out now", "Helix Games released Starfall."))
    index.remove(999)  # unknown ids are ignored
    index.add(GAME)
    assert GAME.id in index.candidates(item("Starfall out now", "Helix Games released Starfall."))
    assert len(index) == len(ALL)


def test_match_item_scores_only_candidates_and_sorts_by_score():
    docs = {c.id: c for c in ALL}
    index = CandidateIndex(ALL)
    got = match_item(item("Starfall now available", "Helix Games released Starfall on consoles and PC on Monday."),
                     index, docs)
    assert got and got[0].commitment_id == GAME.id and got[0].kind == "fulfilment"
    assert [m.score for m in got] == sorted((m.score for m in got), reverse=True)


def test_search_query_names_actor_and_object():
    assert search_query(DRILL) == 'Orrin Tools "Gizmo 3" shipping'
    q = search_query(LANES)
    assert q.startswith("Cardan City Council") and "bike" in q


def test_a_route_is_named_by_both_ends():
    route = doc(30, "Tamsin Air", "add a weekly Kelby to Orrow service", due=D(2026, 9, 30))
    other_end = score(item("Tamsin Air drops Kelby-Farne route", "Tamsin Air has cancelled its planned Kelby to "
                           "Farne service, citing a lack of landing slots."), route)
    assert other_end is None or other_end.score < REVIEW or other_end.kind != "cancellation"
    same = score(item("Tamsin Air scraps Kelby-Orrow route", "Tamsin Air has cancelled its planned Kelby to Orrow "
                      "service, citing a lack of landing slots."), route)
    assert same is not None and same.kind == "cancellation" and same.score >= AUTO_ACCEPT


def test_the_index_lookup_sees_the_same_words_as_the_full_reading():
    """Candidates are found from item_stems without reading the item; a word missed there loses a match."""
    from tracker.matching.reading import item_stems, read_item

    items = [case[2] for case in CASES] + [
        item("Dr. Vance's plan — 1,500 homes", "Mr. Orrin said: \u201cwe'll ship.\u201d Costs rose 3.5% (T+1)."),
        item("", "Tolls. Tolls went up.  The Marlow Bridge Company's bridge-tolls rose by one-fifth!"),
        item("Gizmo 3 ships", "Gizmo 3 ships. Orrin Tools shipped the Gizmo\u20113 drill on 2.1.3 firmware."),
    ]
    for it in items:
        assert item_stems(it) == read_item(it).stems, it
