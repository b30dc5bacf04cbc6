"""Verdicts the public page shows, from invented promises and invented news (pure: no database).

One test per situation an editor meets: a launch reported in other words, a
late fulfilment after a delay, a cancellation, a hedged report, the same actor
doing something else, a keep-until promise, and news that names nobody. The
rule under test: nothing unseen decides a verdict (``evidence_state``).
Every name and sentence here is made up.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.verdicts import decided, news, promise, verdict
from tracker.match import CommitmentDoc, evidence_state, score
from tracker.matching import lexicon
from tracker.matching.profile import profile
from tracker.status import CommitmentFacts, EvidenceFact, judge

D = dt.date


APP = promise("Kestrin Media", "launch the Lumo streaming app in Portugal")
VESSELS = promise("Tarbet Crossings", "put two new vessels into service on the Ardlow route")
POOL = promise("Brackley Town Council", "reopen the Brackley lido", due=D(2025, 8, 31))
VANS = promise("Hollin Autoworks", "open an electric van plant in Dunmere", due=D(2027, 12, 31))
FIRST_STORE = promise("Brisk Clothiers", "open its first store in Corrin", due=D(2026, 12, 31))
CONSOLE = promise("Vexa Playworks", "sell 5 million Vexa consoles in the year to March 2026")


# -- a launch in other words ---------------------------------------------------------------------

@pytest.mark.parametrize("it", [
    news("Kestrin's Lumo app is now available to download in Portugal",
         "Kestrin Media's Lumo streaming app became available in Portugal on Monday, 3 November."),
    news("Lumo goes live in Portugal", "Kestrin Media switched on its Lumo streaming app for viewers in Portugal "
         "on Monday."),
    news("Kestrin Media rolls out Lumo in Portugal", "The Lumo streaming app rolled out to Portuguese viewers "
         "in Portugal on Monday, Kestrin Media said."),
    news("Lumo goes live in Portugal", "Kestrin Media's Lumo app began streaming in Portugal on Tuesday."),
    news("Kestrin Media's Lumo in Portugal", "Kestrin Media began rolling out the Lumo streaming app in Portugal "
         "on Tuesday."),
], ids=["now available to download", "goes live", "rolls out", "began streaming", "began rolling out"])
def test_a_launch_reported_in_other_words_is_kept(it):
    m = score(it, APP)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m
    assert verdict(APP, it) == "kept"


@pytest.mark.parametrize("what,title,text", [
    ("ensure the Orvo 5 phone reach stores", "Orvo 5 arrives in stores", "Harbury's Orvo 5 phone arrived in "
     "stores across Europe on Friday."),
    ("have the Orvo 5 phone hit shelves", "Harbury's Orvo 5 goes on sale", "The Orvo 5 phone went on sale on "
     "Friday, Harbury said."),
    ("have the Orvo 5 phone reach shelves", "Orvo 5 now in stores", "Harbury's Orvo 5 phone is in stores now, "
     "the company said on Friday."),
], ids=["reach stores / arrived", "hit shelves / went on sale", "reach shelves / in stores now"])
def test_a_product_that_reaches_stores_went_on_sale(what, title, text):
    c = promise("Harbury", what)
    m = score(news(title, text), c)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m


def test_an_ordinary_synonym_of_the_object_counts():
    it = news("Tarbet Crossings' two new ferries enter service on Ardlow route",
              "Two new ferries entered service on the Ardlow route on Monday, Tarbet Crossings said.")
    m = score(it, VESSELS)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m


# -- late, after a delay -------------------------------------------------------------------------

def test_a_delay_moves_the_window_and_the_late_opening_is_kept_late():
    slip = news("Brackley lido reopening pushed back to spring 2026",
                "Brackley Town Council said the reopening of the Brackley lido has been pushed back to spring "
                "2026 after repairs to the main pool took longer than planned.", D(2025, 7, 2), iid=1)
    opened = news("Brackley lido reopens after repairs",
                  "Brackley Town Council reopened the Brackley lido on Saturday, 16 May, nine months late.",
                  D(2026, 5, 18), iid=2)
    m = score(slip, POOL)
    assert m is not None and m.kind == "delay" and evidence_state(m) == "accepted", m
    assert m.new_due_latest is not None and m.new_due_latest > POOL.due_latest
    assert verdict(POOL, slip, today=D(2025, 8, 1)) == "delayed"
    assert verdict(POOL, slip, opened) == "kept_late"


# -- cancellation --------------------------------------------------------------------------------

@pytest.mark.parametrize("title,text", [
    ("Hollin Autoworks scraps Dunmere electric van plant",
     "Hollin Autoworks has scrapped its plan for an electric van plant in Dunmere, citing weak demand."),
    ("Hollin Autoworks shelves van plant plan",
     "Hollin Autoworks said on Tuesday it had shelved the electric van plant it planned to open in Dunmere."),
    ("Hollin Autoworks drops plans for Dunmere van factory",
     "Hollin Autoworks dropped plans for the electric van factory in Dunmere after talks on subsidies failed."),
    ("Hollin Autoworks will no longer build Dunmere plant",
     "Hollin Autoworks will no longer build the electric van plant in Dunmere, the company said on Tuesday."),
], ids=["scraps", "shelves", "drops plans", "will no longer"])
def test_the_actor_abandoning_its_plan_is_withdrawn(title, text):
    it = news(title, text)
    m = score(it, VANS)
    assert m is not None and (m.kind, evidence_state(m)) == ("cancellation", "accepted"), m
    assert verdict(VANS, it, today=D(2026, 1, 1)) == "withdrawn"


def test_a_cancellation_of_another_target_is_not_this_one():
    homes = promise("Norwell Housing Trust", "finish the first 500 Norwell homes", due=D(2026, 12, 31))
    it = news("Norwell Housing Trust drops 5,000-home target",
              "Norwell Housing Trust said it was dropping its target of 5,000 Norwell homes by 2035.")
    m = score(it, homes)
    assert m is None or evidence_state(m) != "accepted" or m.kind != "cancellation", m


# -- hedged or partial ---------------------------------------------------------------------------

@pytest.mark.parametrize("title,text", [
    ("Contractor says Brackley lido work is nearly finished",
     "Brackley Town Council's contractor said work on the Brackley lido is nearly finished."),
    ("Brackley lido reopens for a soft launch",
     "Brackley Town Council reopened the Brackley lido on Saturday for a soft launch with members only."),
    ("Brackley lido reopens first phase",
     "Brackley Town Council reopened the first phase of the Brackley lido, the children's pool, on Saturday."),
], ids=["nearly finished", "soft launch", "first phase"])
def test_a_hedged_or_partial_report_is_progress_never_fulfilment(title, text):
    m = score(news(title, text, D(2025, 6, 2)), POOL)
    assert m is None or m.kind != "fulfilment", m
    assert verdict(POOL, news(title, text, D(2025, 6, 2)), today=D(2025, 8, 15)) == "due_soon"


def test_part_of_a_quantity_is_progress():
    it = news("Vexa Playworks sells 3.5 million Vexa consoles",
              "Vexa Playworks sold 3.5 million Vexa consoles in the first half of its year.", D(2025, 10, 30))
    m = score(it, CONSOLE)
    assert m is not None and m.kind == "progress", m


# -- the same actor, something else --------------------------------------------------------------

@pytest.mark.parametrize("title,text", [
    ("Hollin Autoworks opens new headquarters", "Hollin Autoworks opened its new headquarters in Dunmere on Monday."),
    ("Hollin Autoworks opens van plant in Castlebay",
     "Hollin Autoworks opened an electric van plant in Castlebay on Monday."),
], ids=["another thing", "another place"])
def test_the_same_actor_doing_something_else_decides_nothing(title, text):
    m = score(news(title, text), VANS)
    assert m is None or evidence_state(m) != "accepted" or m.kind not in ("fulfilment", "cancellation"), m


# -- nobody named --------------------------------------------------------------------------------

def test_a_report_that_names_neither_actor_nor_product_is_never_accepted():
    lido = promise("Ashgrove Council", "reopen the outdoor lido at Fenner Park", due=D(2025, 8, 31))
    it = news("Outdoor lido at Fenner Park finally reopens", "The outdoor lido at Fenner Park reopened to "
              "swimmers on Saturday after repairs to the main pool.", D(2025, 6, 2))
    m = score(it, lido)
    assert m is not None, "a plausible report should reach an editor"
    assert evidence_state(m) == "proposed", m


# -- keep-until ----------------------------------------------------------------------------------

CAP = promise("Pellmar Transit", "cap single bus fares at two pounds", D(2026, 12, 31), keep_until=True)


def test_a_keep_until_promise_is_never_broken_by_the_calendar():
    facts = CommitmentFacts(CAP.due_latest, keep_until=True)
    assert judge(facts, D(2026, 6, 1)).status == "pending"
    assert judge(facts, D(2027, 3, 1)).status == "kept"


def test_a_keep_until_promise_ended_early_is_broken():
    ended = (EvidenceFact("cancellation", D(2026, 4, 1), 7),)
    assert judge(CommitmentFacts(CAP.due_latest, evidence=ended, keep_until=True), D(2027, 3, 1)).status == "broken"


def test_a_later_date_in_the_news_never_delays_a_keep_until_promise():
    """"Hybrid vans will still be allowed until 2035": news that the ban on other vans is pushed back is no
    slip of the allowance (an editor may read it), and the allowance is never shown as delayed."""
    allowed = CommitmentDoc(1, "Peruvian government", (), "allow new hybrid cars and vans that can drive a long way "
                            "with no emissions", "New hybrid cars and vans that can drive a long way with no "
                            "emissions will still be allowed until 2035.", D(2034, 12, 31), False, D(2020, 11, 18),
                            keep_until=True)
    m = score(news("Brennan pushes back petrol and diesel car ban to 2035",
                   "Prime Minister Ada Brennan said the ban on selling new petrol and diesel cars would now take "
                   "effect in 2035 rather than 2030.", D(2023, 9, 20)), allowed)
    assert m is not None and m.kind != "delay", m


# -- the lexicon is data, users extend it --------------------------------------------------------

def test_user_synonyms_extend_the_shipped_lexicon():
    kiosks = promise("Quenby Libraries", "open 12 book kiosks in Harlow Vale", cid=90)
    booths = news("Quenby Libraries opens 12 book booths in Harlow Vale",
                  "Quenby Libraries opened all 12 book booths in Harlow Vale on Monday.")
    try:
        assert lexicon.use_synonyms(["kiosk booth"])
        profile.cache_clear()
        m = score(booths, kiosks)
        assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m
    finally:
        lexicon.use_synonyms()
        profile.cache_clear()
    m = score(booths, kiosks)
    assert m is None or evidence_state(m) != "accepted", m


# -- names and act nouns in delay reports --------------------------------------------------------

SCOPE = promise("Corran Space Agency", "launch the Ada Harwick Deep Space Telescope", due=D(2026, 12, 31))


def test_a_long_name_cited_by_its_distinctive_word_is_the_same_thing():
    it = news("Harwick telescope launch slips to 2028", "Corran Space Agency said the Harwick telescope's "
              "launch has been pushed back to 2028 after a fault in its mirror.")
    m = score(it, SCOPE)
    assert m is not None and (m.kind, evidence_state(m)) == ("delay", "accepted"), m
    assert m.new_due_latest == D(2028, 12, 31)


def test_a_name_cited_by_its_head_alone_is_not_the_thing():
    bill = promise("Government of Vellmark", "pass the Clean Harbours Bill", due=D(2026, 6, 30))
    it = news("Vellmark passes Fisheries Bill", "The Vellmark parliament passed the Fisheries Bill on Tuesday.")
    m = score(it, bill)
    assert m is None or evidence_state(m) != "accepted", m


@pytest.mark.parametrize("title,text", [
    ("Corran budget squeeze", "Corran Space Agency's finance chief said tighter budgets for the next two years "
     "meant the Veil probe's launch would move to March 2029."),
    ("Fault moves Veil launch to March 2029", "Corran Space Agency said a valve fault had moved the Veil probe "
     "launch to March 2029."),
], ids=["would move to", "had moved X to"])
def test_the_act_noun_of_a_named_thing_carries_the_delay(title, text):
    probe = promise("Corran Space Agency", "launch the Veil probe to Pallas", due=D(2027, 6, 30))
    m = score(news(title, text, D(2026, 2, 1)), probe)
    assert m is not None and (m.kind, evidence_state(m)) == ("delay", "accepted"), m
    assert m.new_due_latest == D(2029, 3, 31)


def test_another_ordinal_of_the_same_thing_is_not_the_promise():
    it = news("Brisk Clothiers opens second store in Corrin",
              "Brisk Clothiers opened its second store in Corrin on Friday, a year after the first.")
    m = score(it, FIRST_STORE)
    assert m is None or evidence_state(m) != "accepted" or m.kind != "fulfilment", m
    first = news("Brisk Clothiers opens first store in Corrin",
                 "Brisk Clothiers opened its first store in Corrin on Friday.")
    m = score(first, FIRST_STORE)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m


@pytest.mark.parametrize("what,title,text,kind", [
    ("publish a white paper on the Harbury Repeal Bill", "Harbury Repeal Bill white paper published",
     "The government published its white paper on the Harbury Repeal Bill on Thursday.", "fulfilment"),
    ("pass the Harbury Repeal Bill", "Norland government scraps Harbury Repeal Bill",
     "The Norland government scrapped the Harbury Repeal Bill on Thursday.", "cancellation"),
    ("pass the Harbury Repeal Bill", "Norland Government Scraps Harbury Repeal Bill",
     "The Norland government scrapped the Harbury Repeal Bill on Thursday.", "cancellation"),
], ids=["a cue word inside the name", "the cue as a verb", "a title-case headline"])
def test_a_cancellation_word_inside_a_name_is_no_cancellation(what, title, text, kind):
    c = promise("Norland government", what, D(2026, 3, 31))
    m = score(news(title, text, D(2026, 2, 1)), c)
    assert m is not None and m.kind == kind, m


@pytest.mark.parametrize("title,text", [
    ("Quenby Air's first Harbury flight lands", "Quenby Air's first flight from Quenby touched down in Harbury on Sunday."),
    ("First Quenby Air flight from Quenby lands in Harbury", "The plane landed in Harbury on Sunday, Quenby Air said."),
])
def test_a_flight_that_lands_has_flown(title, text):
    c = promise("Quenby Air", "fly from Quenby to Harbury", D(2026, 6, 30))
    assert decided(c, news(title, text, D(2026, 5, 1))) == ("fulfilment", "accepted")


def test_a_profit_posted_is_profitability_reached_and_a_rivals_is_not():
    c = promise("Vantor Rides", "reach adjusted profitability", D(2026, 12, 31))
    own = news("Vantor Rides posts first adjusted profit", "Vantor Rides posted its first adjusted profit in the "
               "second quarter, ahead of plan.", D(2026, 8, 3))
    rival = news("Orvo Cabs posts first adjusted profit", "Orvo Cabs, a rival of Vantor Rides, posted its first "
                 "adjusted profit in the second quarter.", D(2026, 8, 3))
    assert decided(c, own) == ("fulfilment", "accepted")
    assert decided(c, rival) != ("fulfilment", "accepted")


@pytest.mark.parametrize("text", [
    "Orvo Cabs, a rival of Vantor Rides, opened a store in Quenby on Monday.",
    "Vantor Rides' rival Orvo Cabs opened a store in Quenby on Monday.",
    "Unlike Vantor Rides, Orvo Cabs opened a store in Quenby on Monday.",
    "Orvo Cabs, not Vantor Rides, opened the first ride store in Quenby on Monday.",
], ids=["appositive", "possessive relation", "fronted contrast", "not-aside"])
def test_a_rival_with_the_actor_named_in_passing_does_not_keep_the_promise(text):
    c = promise("Vantor Rides", "open a store in Quenby", D(2026, 12, 31))
    it = news("Orvo Cabs opens store in Quenby", text, D(2026, 8, 3))
    assert decided(c, it) != ("fulfilment", "accepted")
    own = news("Vantor Rides opens store in Quenby", "Vantor Rides opened a store in Quenby on Monday.", D(2026, 8, 3))
    assert decided(c, own) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title,text", [
    ("Vantor Rides opens store in Dellan", "Vantor Rides opened a store in Dellan, near Quenby, on Monday."),
    ("Vantor Rides denies Quenby store opened", "Vantor Rides denied reports that it had opened a store in Quenby."),
    ("Vantor Rides' Quenby store, opened in 2019, to close", "Vantor Rides said its Quenby store, which opened in "
     "2019, will close in May."),
    ("Vantor Rides opens pop-up store in Quenby", "Vantor Rides opened a pop-up store in Quenby on Monday, ahead of a "
     "full store next year."),
    ("Vantor Rides plans Quenby store", "Vantor Rides plans to open a store in Quenby next month, the company said."),
    ("Vantor Rides opened Quenby store, sources say", "Vantor Rides quietly opened a store in Quenby, people familiar "
     "with the matter said."),
], ids=["another place near ours", "a denial", "done before the promise", "a pop-up", "a plan", "a rumour"])
def test_a_near_miss_of_a_store_opening_is_never_accepted_as_kept(title, text):
    c = promise("Vantor Rides", "open a store in Quenby", D(2026, 12, 31))
    assert decided(c, news(title, text, D(2026, 8, 3))) != ("fulfilment", "accepted")


@pytest.mark.parametrize("title,text", [
    ("Vantor launches Orvo 5 in Asia; Europe to follow next year", "Vantor launched the Orvo 5 phone in Asia on Monday "
     "and said Europe would follow next year."),
    ("Vantor launches Orvo 5 for developers in Europe", "Vantor launched the Orvo 5 phone for developers in Europe on "
     "Monday; consumers get it in June."),
], ids=["another world region", "developers first"])
def test_a_launch_elsewhere_or_to_developers_first_is_not_the_launch_promised(title, text):
    c = promise("Vantor", "launch the Orvo 5 phone in Europe", D(2026, 12, 31))
    assert decided(c, news(title, text, D(2026, 8, 3))) != ("fulfilment", "accepted")
    done = news("Vantor launches Orvo 5 in Europe", "Vantor launched the Orvo 5 phone in Europe on Monday.", D(2026, 8, 3))
    assert decided(c, done) == ("fulfilment", "accepted")


def test_a_release_to_developers_promised_is_kept_by_one():
    c = promise("Vantor", "release an Orvo OS beta to developers", D(2026, 12, 31))
    it = news("Vantor releases Orvo OS beta to developers", "Vantor released a beta of Orvo OS to developers on Monday.",
              D(2026, 8, 3))
    assert decided(c, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title,text", [
    ("Vantor scraps battery plant in Quenby", "Vantor scrapped its battery plant in Quenby on Monday but said Dellan "
     "was unaffected."),
    ("Vantor scraps engine plant, keeps Dellan battery plant on track", "Vantor scrapped its diesel engine plant on "
     "Monday and said its Dellan battery plant remained on track."),
    ("Filing shows Vantor dropped Dellan plant", "A filing showed Vantor had scrapped its Dellan battery plant in "
     "2023."),
], ids=["another place", "another kind", "dropped before the promise"])
def test_something_else_dropped_never_withdraws_the_promise_unseen(title, text):
    c = promise("Vantor", "build a battery plant in Dellan", D(2027, 12, 31))
    assert decided(c, news(title, text, D(2026, 8, 3))) != ("cancellation", "accepted")
    ours = news("Vantor scraps Dellan battery plant", "Vantor scrapped its planned battery plant in Dellan on Monday, "
                "citing weak demand.", D(2026, 8, 3))
    assert decided(c, ours) == ("cancellation", "accepted")


@pytest.mark.parametrize("title,text", [
    ("Quenby tram line delay 'possible'", "Vantor said the Quenby tram line could be delayed."),
    ("Critics say Quenby tram will be late", "Critics said the Quenby tram line would not open until 2028."),
], ids=["a possible slip", "commentators' view"])
def test_a_slip_only_called_possible_or_told_by_commentators_waits_for_the_editor(title, text):
    c = promise("Vantor", "open the Quenby tram line", D(2026, 12, 31))
    assert decided(c, news(title, text, D(2026, 3, 3))) != ("delay", "accepted")
    own = news("Vantor delays Quenby tram to 2028", "Vantor delayed the opening of the Quenby tram line to 2028.",
               D(2026, 3, 3))
    told = news("Vantor tells analysts Quenby tram slips to 2028", "Vantor told analysts that the Quenby tram line "
                "would not open until 2028.", D(2026, 3, 3))
    assert decided(c, own) == ("delay", "accepted") and decided(c, told) == ("delay", "accepted")


@pytest.mark.parametrize("title,text", [
    ("Vantor delays Quenby tram depot", "Vantor delayed the depot for the Quenby tram line to 2028; the line itself "
     "still opens in 2026."),
    ("Strike delays Quenby tram works by a week", "A strike delayed work on the Quenby tram line by a week, Vantor "
     "said, but the 2026 opening is unaffected."),
], ids=["another thing for ours slips", "the date holds"])
def test_a_slip_of_something_else_or_of_works_whose_date_holds_waits_for_the_editor(title, text):
    c = promise("Vantor", "open the Quenby tram line", D(2026, 12, 31))
    assert decided(c, news(title, text, D(2026, 3, 3))) != ("delay", "accepted")


SECTION = promise("Harbury Transit", "open the central section of the Quorrin line, between Ashby and Tollgate",
                  D(2026, 6, 30))


def test_the_whole_done_reports_its_part_done_and_another_part_does_not():
    whole = news("First Quorrin line trains carry passengers under Harbury", "Trains ran every five minutes between "
                 "Ashby and Tollgate from 6.30 a.m., Harbury Transit said.", D(2026, 5, 1))
    other = news("Harbury Transit opens northern section of the Quorrin line", "Harbury Transit opened the northern "
                 "section of the Quorrin line on Tuesday.", D(2026, 5, 1))
    m = score(whole, SECTION)
    assert m is not None and m.kind == "fulfilment" and evidence_state(m) in ("accepted", "proposed"), m
    m = score(other, SECTION)
    assert m is None or m.kind != "fulfilment" or evidence_state(m) != "accepted", m


def test_a_delay_told_of_the_things_own_name_decides_without_the_actor():
    it = news("Quorrin line will not open until 2028", "The Quorrin line will not open until 2028, the builders said.",
              D(2026, 2, 1))
    m = score(it, SECTION)
    assert m is not None and (m.kind, evidence_state(m)) == ("delay", "accepted"), m


@pytest.mark.parametrize("c,title,text", [
    (promise("Brisk Clothiers", "open the flagship store in Corrin", D(2026, 12, 31)),
     "Brisk Clothiers opens second store in Corrin", "Brisk Clothiers opened its second store in Corrin on Friday."),
    (promise("Corran Space Agency", "launch a weather satellite", D(2027, 6, 30)),
     "Corran Space Agency launches its third weather satellite",
     "The Corran Space Agency launched its third weather satellite on Tuesday."),
    (promise("Hollin Autoworks", "open the battery plant in Dunmere", D(2027, 12, 31)),
     "Hollin Autoworks opens a second battery plant in Dunmere",
     "Hollin Autoworks opened a second battery plant in Dunmere on Monday."),
], ids=["second store", "third satellite", "a second plant"])
def test_a_second_one_is_not_the_one_promised(c, title, text):
    m = score(news(title, text, D(2026, 5, 1)), c)
    assert m is None or m.kind != "fulfilment", m


@pytest.mark.parametrize("c,title,text", [
    (promise("Ravel Steel", "keep the Osterby plant open through 2030", D(2030, 12, 31), keep_until=True),
     "Ravel Steel closes Osterby plant", "Ravel Steel closed its Osterby plant on Friday, cutting 800 jobs."),
    (CAP, "Pellmar Transit raises single bus fares",
     "Pellmar Transit raised single bus fares to two pounds fifty on Monday."),
], ids=["closes what it would keep open", "raises what it capped"])
def test_the_opposite_act_breaks_a_keep_until_promise(c, title, text):
    it = news(title, text, D(2026, 3, 2))
    m = score(it, c)
    assert m is not None and (m.kind, evidence_state(m)) == ("cancellation", "accepted"), m
    assert verdict(c, it, today=D(2031, 6, 1)) == "broken"


def test_a_keep_until_promise_still_holding_stays_open_until_its_end():
    it = news("Pellmar Transit keeps bus fares capped", "Pellmar Transit said single bus fares stay capped at two "
              "pounds for the rest of the year.", D(2026, 3, 2))
    assert verdict(CAP, it, today=D(2026, 6, 1)) == "pending"
    assert verdict(CAP, it, today=D(2027, 2, 1)) == "kept"


def test_reaching_less_than_the_promised_amount_is_progress():
    clinics = promise("Ferrow Health Board", "carry out 20,000 eye scans a week", D(2026, 4, 30))
    low = news("Ferrow eye scan capacity reaches about 6,000 a week", "Ferrow Health Board said weekly eye "
               "scan capacity rose to about 6,000.", D(2026, 3, 2))
    m = score(low, clinics)
    assert m is None or m.kind != "fulfilment", m
    high = news("Ferrow eye scans reach 21,500 a week", "Ferrow Health Board said weekly eye scans reached "
                "21,500, passing its goal.", D(2026, 4, 20))
    m = score(high, clinics)
    assert m is not None and m.kind == "fulfilment", m


def test_a_shortfall_is_not_made_whole_by_another_count_in_the_item():
    jets = promise("Aldercraft", "deliver around 600 commercial aircraft in 2026", D(2026, 12, 31))
    it = news("Aldercraft delivered 571 jets last year", "Aldercraft handed over 571 commercial aircraft in 2026, "
              "short of the 600 it had planned. Gross orders came to 912 planes.", D(2027, 1, 8))
    m = score(it, jets)
    assert m is None or m.kind != "fulfilment", m


def test_shipped_synonyms_never_stand_for_a_generic_word():
    generic = lexicon.GENERIC - {lexicon.stem(w) for w in ("service", "staff", "worker")}
    for group in lexicon.SHIPPED_SYNONYMS:
        assert not {lexicon.stem(w) for w in group.split()} & generic, group


def test_a_promise_to_have_things_go_on_sale_is_kept_by_the_sale():
    tablets = promise("Orlen Devices", "have tablets running the new system go on sale", D(2026, 12, 31))
    p = profile(tablets)
    assert "sell" in p.action_classes and "tablet" in p.head
    it = news("Orlen tablets with the new system go on sale", "Orlen Devices' first tablets running the new "
              "system went on sale in shops on Friday.", D(2026, 6, 8))
    m = score(it, tablets)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m


@pytest.mark.parametrize("c,it", [
    (promise("Ostrel Games Committee", "open the Ostrel Winter Games", D(2026, 2, 1)),
     news("Ostrel Winter Games open a year late", "The Ostrel Winter Games opened on Friday, a year later than "
          "planned, the Ostrel Games Committee said.", D(2027, 2, 6))),
    (promise("Quillon Devices", "start selling the Zephyr 8 phone", D(2026, 9, 30)),
     news("Zephyr 8 reaches shops", "Quillon Devices' Zephyr 8 and 8 Plus went on sale in Europe and Asia on "
          "Friday.", D(2026, 9, 26))),
], ids=["the subject is what opened", "the head before an 'and'"])
def test_an_intransitive_report_names_the_thing_as_its_subject(c, it):
    m = score(it, c)
    assert m is not None and m.kind == "fulfilment", m


def test_a_verb_on_another_object_is_not_the_promised_act():
    orbiter = promise("Ulla Space Agency", "launch the Tansy lunar orbiter", D(2026, 6, 30))
    it = news("Tansy enters lunar orbit", "Tansy completed its orbit-insertion burn on Wednesday and is now "
              "circling the Moon, the Ulla Space Agency said.", D(2026, 10, 2))
    m = score(it, orbiter)
    assert m is None or evidence_state(m) != "accepted" or m.kind != "fulfilment", m


def test_a_share_of_a_universal_promise_is_progress():
    clean = promise("Halbrook Foods", "run all its bakeries on renewable power every day", D(2026, 12, 31))
    it = news("Halbrook bakeries mostly green", "Halbrook Foods said its bakeries ran on renewable power for "
              "71 percent of the days in 2026.", D(2027, 2, 1))
    m = score(it, clean)
    assert m is None or m.kind != "fulfilment", m


def test_a_cancellation_without_the_actor_named_waits_for_an_editor():
    line = promise("Varro Rail Authority", "open the Skelby Link between Aldwick and Brandon", D(2029, 12, 31))
    it = news("Minister scraps Skelby Link", "The transport minister scrapped the Skelby Link between Aldwick and "
              "Brandon on Tuesday, citing its cost.", D(2026, 5, 5))
    m = score(it, line)
    assert m is not None and m.kind == "cancellation" and evidence_state(m) == "proposed", m


@pytest.mark.parametrize("title,text", [
    ("Brightwell drops Kelso data centre", "Brightwell Cloud said on Monday it would not build the data centre in "
     "Kelso, after months of local opposition."),
    ("Brightwell walks away from Kelso data centre deal", "Brightwell Cloud walked away from the Kelso data centre "
     "deal on Monday, after months of local opposition."),
    ("Brightwell pulls out of Kelso", "Brightwell Cloud pulled out of the data centre project in Kelso on Monday."),
], ids=["would not build", "walks away from", "pulls out of"])
def test_the_actors_own_no_is_a_cancellation(title, text):
    centre = promise("Brightwell Cloud", "build a data centre in Kelso", D(2027, 12, 31))
    m = score(news(title, text, D(2026, 3, 2)), centre)
    assert m is not None and (m.kind, evidence_state(m)) == ("cancellation", "accepted"), m


def test_sums_of_money_are_compared_as_quantities():
    wage = promise("Carrow Stores", "raise its minimum hourly wage to $18", D(2027, 12, 31))
    part = news("Carrow Stores lifts starting pay to $16", "Carrow Stores' minimum hourly wage rose by another "
                "dollar, on the way to its $18 goal.", D(2026, 4, 1))
    m = score(part, wage)
    assert m is not None and (m.kind != "fulfilment" or evidence_state(m) != "accepted"), m
    full = news("Carrow Stores lifts starting pay to $18", "Carrow Stores raised its minimum hourly wage to $18 "
                "on Monday.", D(2027, 4, 1))
    m = score(full, wage)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m


def test_will_not_open_on_time_is_a_delay_not_a_cancellation():
    it = news("Brackley lido will not reopen on time", "Brackley Town Council said the Brackley lido will not "
              "reopen on time because its filters are not ready.", D(2025, 7, 20))
    m = score(it, POOL)
    assert m is not None and m.kind == "delay", m


@pytest.mark.parametrize("title,text", [
    ("Brisk Clothiers launches online store in Corrin", "Customers in Corrin can now buy from Brisk Clothiers' "
     "online store instead of through resellers."),
    ("Brisk Clothiers opens Green Line shop", "The second store of the chain in Corrin opened on Friday, "
     "a pop-up on the Green Line concourse."),
], ids=["another kind of store", "a part of the promised whole"])
def test_another_kind_or_part_of_the_thing_decides_nothing(title, text):
    retail = promise("Brisk Clothiers", "open its first retail store in Corrin", D(2026, 12, 31))
    m = score(news(title, text), retail)
    assert m is None or evidence_state(m) != "accepted" or m.kind != "fulfilment", m


@pytest.mark.parametrize("title,text", [
    ("Pemberly Group and Tessel end deal", "Pemberly Group said it had ended its agreement to buy Tessel, citing "
     "objections from regulators."),
    ("Pemberly Group announces termination of Tessel transaction", "The companies said the deal was off."),
], ids=["ended its agreement to buy X", "termination of X"])
def test_an_ended_deal_is_a_cancellation(title, text):
    deal = promise("Pemberly Group", "complete the acquisition of Tessel", D(2026, 12, 31))
    m = score(news(title, text, D(2026, 5, 5)), deal)
    assert m is not None and m.kind == "cancellation", m


def test_the_actor_dropping_a_plan_in_other_words_goes_to_an_editor():
    fab = promise("Ostrander Chips", "start production at the Velden chip factory", D(2027, 12, 31))
    it = news("Ostrander Chips abandons its Velden factory plans",
              "Ostrander Chips said on Thursday it would no longer pursue its planned projects, as its new chief "
              "executive cuts costs.", D(2026, 7, 24))
    m = score(it, fab)
    assert m is not None and (m.kind, evidence_state(m)) == ("cancellation", "proposed"), m


def test_the_act_in_other_words_reaches_an_editor():
    saloon = promise("Arlen Carworks", "begin deliveries of the Corvo electric saloon", D(2026, 12, 31))
    it = news("First Corvo owners get their keys", "Arlen Carworks handed its new electric saloon to its first 30 "
              "buyers at an evening event at its factory.", D(2026, 7, 3))
    m = score(it, saloon)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "proposed"), m


GADGET = promise("Orlin Devices", "ship the Tavi smart speaker in Canada", due=D(2026, 3, 31))


@pytest.mark.parametrize("title, text", [
    ("Orlin launches Tavi speaker in Canada", "Orlin Devices launched the Tavi smart speaker in Canada on Monday."),
    ("Orlin's Tavi speaker goes on sale in Canada", "Orlin Devices began selling the Tavi smart speaker in Canada."),
])
def test_a_kindred_act_keeps_a_promise_to_ship(title: str, text: str) -> None:
    m = score(news(title, text, D(2026, 2, 2)), GADGET)
    assert m is not None and m.kind == "fulfilment", m
    assert verdict(GADGET, news(title, text, D(2026, 2, 2))) == "kept"


def test_kin_acts_are_shared_both_ways() -> None:
    assert "ship" in lexicon.KIN["start"] and "start" in lexicon.KIN["ship"]
    assert "close" not in lexicon.KIN["start"]


GUIDANCE = promise("Tessaline Chemicals", "deliver revenue of about 4.2 billion euros", due=D(2026, 3, 31))


@pytest.mark.parametrize("title, text, kept", [
    ("Tessaline first-quarter revenue rises to 4.3 billion euros", "Sales beat its own forecast.", True),
    ("Tessaline revenue comes in at 4.19 billion euros, within its forecast range", "", True),
    ("Tessaline revenue falls to 3.6 billion euros", "Demand for coatings weakened in Europe.", False),
    ("Tessaline margin rises to 4.3 percent", "Revenue was flat.", False),  # another measure
])
def test_a_promised_figure_is_met_by_the_reported_figure(title: str, text: str, kept: bool) -> None:
    item = news(title, text, D(2026, 4, 28))
    m = score(item, GUIDANCE)
    assert (m is not None and m.kind == "fulfilment" and evidence_state(m) == "accepted") is kept, m


def test_a_law_entering_into_force_keeps_a_promise_to_bring_it_in() -> None:
    law = promise("Tarnvik government", "bring in a law banning single-use plastic cups", due=D(2026, 12, 31))
    item = news("Tarnvik's ban on single-use plastic cups enters into force",
                "The Tarnvik government's law banning single-use plastic cups entered into force on Monday.",
                D(2026, 7, 1))
    m = score(item, law)
    assert m is not None and m.kind == "fulfilment", m


def test_a_post_label_and_a_dateline_are_not_events() -> None:
    from tracker.matching.reading import read_item
    item = news("Orlin posts update", "Post by @orlin: CAPE HALLEY, Fla., May 30 (Wire) - the new store is open.")
    events = [e.text for s in read_item(item).sents for e in s.events]
    assert "Post" not in events and "CAPE" not in events


PLANT = promise("Orlin Motors", "build a small-car plant in Tarvo, Ruritania", due=D(2027, 12, 31))


def test_a_plan_dropped_in_the_country_under_a_dateline_is_withdrawn() -> None:
    item = news("Orlin Motors scraps Ruritania plant",
                "HALLEY, Jan 3 (Wire) - Orlin Motors said on Tuesday it had scrapped plans for a new small-car "
                "plant in Ruritania and would build the cars at home instead.", D(2026, 1, 3))
    m = score(item, PLANT)
    assert m is not None and m.kind == "cancellation" and evidence_state(m) == "accepted", m
    assert verdict(PLANT, item) == "withdrawn"


def test_a_plan_dropped_in_another_country_is_not_this_one() -> None:
    item = news("Orlin Motors scraps Borvia plant",
                "Orlin Motors said on Tuesday it had scrapped plans for a new small-car plant in Borvia.",
                D(2026, 1, 3))
    m = score(item, PLANT)
    assert m is None or evidence_state(m) != "accepted"


def test_a_deliberation_already_over_is_not_a_rumour() -> None:
    deal = promise("Orlin Motors", "complete the acquisition of Borvik Trucks", due=D(2026, 12, 31))
    item = news("Orlin Motors and Borvik Trucks terminate merger agreement",
                "Orlin Motors and Borvik Trucks said they would end their merger agreement, after weighing the "
                "court ruling.", D(2026, 3, 3))
    m = score(item, deal)
    assert m is not None and m.kind == "cancellation" and evidence_state(m) == "accepted", m


def test_only_an_opening_place_in_capitals_makes_a_dateline() -> None:
    from tracker.matching.reading import dateline_end
    from tracker.matching.text import tokenize
    assert dateline_end(tokenize("HALLEY, Jan 3 (Wire) - Orlin Motors said it had scrapped the plant.")) == 7
    assert dateline_end(tokenize("Borvik Motors (BRV) said it had scrapped the plant.")) == 0  # a ticker, no dateline


DEPOT = promise("Vantor", "complete construction of the bus depot", due=D(2026, 12, 31),
                quote="Construction of the bus depot is due to be completed in 2026.")


@pytest.mark.parametrize("text, state", [
    ("The Singapore bus depot will not go ahead, the company said.", "accepted"),  # a country names the thing
    ("The Quenby bus depot will not go ahead. Vantor had planned to build it in Quenby.", "accepted"),
    ("The Orvo bus depot will not go ahead.", None),  # a name that may be an owner: someone else's depot
    ("The Quenby council will not go ahead with the bus depot.", None),  # a body acts
])
def test_a_place_naming_the_thing_is_nobody_acting(text: str, state: str | None) -> None:
    got = decided(DEPOT, news("Vantor bus plans change", text))
    assert (got[1] if got and got[0] == "cancellation" else None) == state


def test_completing_the_construction_of_a_thing_is_building_it() -> None:
    built = news("Vantor finishes work", "Vantor has completed construction of its new bus depot in Quenby.")
    assert verdict(DEPOT, built) == "kept"
    assert profile(DEPOT).head >= {"depot"}, "the thing built, not the word for building, is what news names"


def test_an_item_held_for_an_editor_says_why() -> None:
    m = score(news("Bus depot completed", "The new bus depot has been completed, the contractor said."), DEPOT)
    assert m is not None and m.kind == "fulfilment" and evidence_state(m) == "proposed"
    assert "names neither the actor" in m.explanation["held"]


def test_a_firm_reading_is_not_outvoted_by_a_weaker_one_of_the_same_kind() -> None:
    speaker = promise("Vantor", "ship the Lumo speaker for 349 dollars")
    item = news("Lumo arrives in stores",
                "Vantor's speaker went on sale in three countries two months later than first promised.")
    assert decided(speaker, item) == ("fulfilment", "accepted"), "the headline names the Lumo: no need to ask"
    assert verdict(speaker, item) == "kept"


@pytest.mark.parametrize("title, state", [
    ("Quenby bus fare launches", ("fulfilment", "accepted")),
    ("Quenby bus fare scrapped", ("cancellation", "accepted")),
])
def test_a_thing_to_be_in_place_is_brought_in(title: str, state: tuple[str, str]) -> None:
    fare = promise("Harbury Council", "ensure the Quenby bus fare is in place")
    assert profile(fare).action_classes == {"start"}
    body = f"Harbury Council said on Monday: {title.lower()}."
    assert decided(fare, news(title, body)) == state


def test_the_act_in_other_words_beats_a_bare_mention_for_the_editor() -> None:
    console = promise("Vantor", "start selling the Lumo in the United States")
    item = news("Crowds snap up Lumo on first day",
                "Hundreds of people queued outside Vantor and Orvo shops across the country for the handheld "
                "console, which went on sale at 6 p.m. on Friday.")
    assert decided(console, item) == ("fulfilment", "proposed")


def test_a_schedule_in_the_present_tense_is_not_the_act_in_other_words() -> None:
    kettle = promise("Orvo", "stop selling the Dellan kettle", due=D(2031, 12, 31))
    reminder = news("Reminder from Orvo: Dellan kettle sales end on 31 December 2031", "Orvo wrote to its shops.")
    assert decided(kettle, reminder) == ("mention", "proposed"), "a date ahead: not done, whatever the verb"
    done = news("Orvo ends Dellan kettle sales", "Orvo stopped selling the Dellan kettle on Monday.")
    assert decided(kettle, done) == ("fulfilment", "accepted")


def test_a_noun_before_the_things_name_is_not_a_verb() -> None:
    lockers = promise("Vantor", "install more than 400 parcel drop lockers")
    got = decided(lockers, news("Vantor drop lockers", "Vantor showed its parcel drop lockers to the press."))
    assert got is None or got[0] != "progress", "'drop' names the lockers here; nothing was dropped"


@pytest.mark.parametrize("what, text, kind", [
    ("install parcel lockers at Quenby station", "Parcel lockers are being fitted at Quenby station, Vantor said.",
     "progress"),
    ("install parcel lockers at Quenby station", "Vantor is installing parcel lockers at Quenby station.", "progress"),
    ("build the Quenby depot", "The Quenby depot is being built by Vantor.", "progress"),
    ("roll out the Lumo app in Dellan", "Vantor is rolling out the Lumo app in Dellan.", "fulfilment"),  # it is out
    ("hire 500 engineers in Dellan", "Vantor is hiring 500 engineers in Dellan.", "progress"),
    ("begin hiring engineers in Dellan", "Vantor is hiring engineers in Dellan.", "fulfilment"),  # begun
])
def test_an_act_under_way_is_progress_unless_being_under_way_is_the_act(what: str, text: str, kind: str) -> None:
    got = decided(promise("Vantor", what), news("Vantor update", text))
    assert got is not None and got[0] == kind


def test_a_weekday_that_is_the_items_own_day_is_today() -> None:
    update = promise("Vantor", "add video calls to the Lumo app")
    monday = news("Lumo 5 is out", "Vantor's free update, available to download from Monday, adds video calls "
                  "to the Lumo app.", published=D(2025, 11, 3))
    assert decided(update, monday) is not None and decided(update, monday)[0] == "fulfilment"


DEPOT_OPEN = promise("Vantor", "open the bus depot in Quenby")


@pytest.mark.parametrize("title, text", [
    ("Quenby depot ceremony held", "Vantor held a ceremony to mark the start of work on the bus depot in Quenby."),
    ("Vantor opens depot office in Quenby", "Vantor opened a sales office at the bus depot site in Quenby."),
    ("Vantor shows off Quenby depot", "Vantor opened the unfinished bus depot in Quenby to visitors for one day."),
])
def test_something_else_done_at_the_promised_thing_does_not_keep_it(title: str, text: str) -> None:
    got = decided(DEPOT_OPEN, news(title, text))
    assert got is None or got != ("fulfilment", "accepted")
    assert verdict(DEPOT_OPEN, news(title, text)) != "kept"


def test_only_an_occasion_is_held() -> None:
    assert "consult" not in profile(DEPOT_OPEN).action_classes, "a depot is opened, not held"
    assert "consult" in profile(promise("Vantor", "open a public consultation on fares")).action_classes


def test_replacements_are_the_act_not_another_thing() -> None:
    pipes = promise("Harbury Water", "replace 800 lead pipes")
    done = news("Harbury Water completes 800 lead-pipe replacements", "Harbury Water said it has replaced 800 lead "
                "pipes across the city.")
    assert decided(pipes, done) == ("fulfilment", "accepted")


PHONE = promise("Vantor", "launch the Lumo 3 phone in Europe")


@pytest.mark.parametrize("title, text", [
    ("Vantor launches Lumo 3 in Ostland", "Vantor launched the Lumo 3 phone in China on Monday, with Europe to follow."),
    ("Vantor phones", "Vantor launched the Lumo 2 phone in Europe last year and plans the Lumo 3 for next year."),
    ("Vantor launches Lumo 3 Lite in Europe", "Vantor launched the Lumo 3 Lite, a cheaper version of its phone, "
     "in Europe."),
])
def test_a_launch_elsewhere_or_of_another_model_is_never_accepted_unseen(title: str, text: str) -> None:
    assert decided(PHONE, news(title, text)) != ("fulfilment", "accepted")
    assert verdict(PHONE, news(title, text)) != "kept"


def test_the_promised_model_launched_in_the_promised_region_keeps_it() -> None:
    assert verdict(PHONE, news("Vantor launches Lumo 3 in Europe", "Vantor launched the Lumo 3 phone in Germany, "
                                                                  "France and Spain on Monday.")) == "kept"


DEPOT_BUILD = promise("Vantor", "build the Quenby bus depot", due=D(2026, 6, 30))


@pytest.mark.parametrize("title, text", [
    ("Vantor scraps plans for Quenby depot canteen", "Vantor scrapped plans for a canteen at the Quenby bus depot."),
    ("Vantor scraps Quenby depot's solar roof", "Vantor has scrapped the solar roof planned for the Quenby bus depot."),
    ("Vantor drops contractor for Quenby depot", "Vantor dropped its main contractor for the Quenby bus depot."),
    ("Vantor cancels Quenby depot open day", "Vantor cancelled an open day at the Quenby bus depot site."),
    ("Vantor abandons Dellan depot", "Vantor abandoned its Dellan bus depot but said the Quenby bus depot would go "
     "ahead."),
])
def test_dropping_something_else_at_the_promised_thing_withdraws_nothing(title: str, text: str) -> None:
    assert decided(DEPOT_BUILD, news(title, text))[0] != "cancellation"
    assert verdict(DEPOT_BUILD, news(title, text)) != "withdrawn"


def test_delaying_something_else_at_the_promised_thing_moves_nothing() -> None:
    canteen = news("Vantor delays Quenby depot canteen", "Vantor delayed the canteen at the Quenby bus depot to 2028.")
    assert decided(DEPOT_BUILD, canteen)[0] != "delay"


def test_the_promised_thing_dropped_is_still_withdrawn() -> None:
    dropped = news("Vantor scraps Quenby bus depot", "Vantor has scrapped the Quenby bus depot, citing costs.")
    assert decided(DEPOT_BUILD, dropped) == ("cancellation", "accepted")


def test_an_act_ordered_is_not_an_act_done() -> None:
    cut = promise("Pelt Co", "cut its emissions by 45 percent by 2030", D(2030, 12, 31))
    ordered = news("Court rules on emissions", "A court ordered that Pelt Co cut its emissions by 45 percent by 2030.")
    assert decided(cut, ordered) != ("fulfilment", "accepted")


def test_a_closure_for_a_while_does_not_keep_a_promise_to_close() -> None:
    plant = promise("Vantor", "close the Dellan coal plant", due=D(2027, 12, 31))
    for text in ("Vantor closed the Dellan coal plant for two weeks of maintenance.",
                 "Vantor temporarily shut the Dellan coal plant after a fire."):
        assert decided(plant, news("Vantor and the Dellan plant", text)) != ("fulfilment", "accepted"), text
    assert verdict(plant, news("Vantor closes Dellan coal plant", "Vantor closed the Dellan coal plant for good on "
                                                                  "Monday, ending 60 years of coal burning.")) == "kept"


def test_a_company_wide_figure_reported_for_one_site_waits_for_an_editor() -> None:
    cut = promise("Vantor", "cut its carbon emissions by 50 percent by 2030", D(2030, 12, 31))
    one = news("Vantor cuts emissions 50 percent at Dellan plant",
               "Vantor said it had cut carbon emissions by 50 percent at its Dellan plant.")
    assert decided(cut, one) == ("fulfilment", "proposed")
    assert "one site" in score(one, cut).explanation["held"]


def test_an_actor_named_by_its_initials_is_named() -> None:
    spin = promise("Harbury Electric", "spin off Harbury Medical", due=D(2026, 6, 30))
    listed = news("HE Medical starts trading as independent company",
                  "The medical business began trading on the Dellan exchange, completing HE's planned split.")
    assert profile(spin).actor_keys and ("he",) not in dict(profile(spin).actor_keys), "'he' is a word, not a name"
    plant = promise("Harbury Energy Group", "open a battery plant in Dellan")
    opened = news("HEG opens battery plant in Dellan", "The new battery plant in Dellan opened on Monday.")
    assert decided(plant, opened) == ("fulfilment", "accepted")
    tfq = promise("Transport for Quenby", "open a bus depot in Dellan")
    assert decided(tfq, news("TfQ opens bus depot in Dellan", "The depot opened on Monday.")) == ("fulfilment",
                                                                                                 "accepted")


def test_a_flight_that_takes_off_has_flown_and_sales_that_take_off_have_risen() -> None:
    flights = promise("Vantor", "launch flights to Quenby")
    assert decided(flights, news("First Quenby flights take off",
                                 "The first Vantor flights to Quenby took off on Monday.")) == ("fulfilment", "accepted")
    phone = promise("Vantor", "launch the Lumo phone")
    assert decided(phone, news("Lumo sales take off", "Sales of the Lumo phone took off in May.")) \
        != ("fulfilment", "accepted")


def test_a_promise_of_more_countries_is_not_kept_by_the_countries_it_started_in() -> None:
    quote = ("The Lumo speaker goes on sale in June in Canada, Ireland and Spain, and will arrive in more countries "
             "next year.")
    more = promise("Vantor", "deliver the Lumo speaker in more countries", D(2026, 12, 31), quote=quote)
    first = news("Lumo speaker goes on sale", "Shoppers in Canada, Ireland and Spain can now buy Vantor's speaker.")
    assert decided(more, first) != ("fulfilment", "accepted")
    assert "already had" in score(first, more).explanation["held"]
    later = news("Lumo speaker goes on sale in Mexico and Japan",
                 "Vantor's Lumo speaker went on sale in Mexico and Japan on Tuesday.")
    assert decided(more, later) == ("fulfilment", "accepted")


def test_an_opening_at_a_site_of_a_similar_name_is_not_the_actors() -> None:
    land = promise("Orvo Parks Dellan", "open Lumo Land", D(2026, 12, 31))
    there = news("Lumo Land opens at Orvo Parks Harbury", "The Harbury version of the land is smaller than planned.")
    assert decided(land, there) == ("fulfilment", "proposed")
    assert "similar name" in score(there, land).explanation["held"]
    here = news("Lumo Land opens at Orvo Parks Dellan", "Visitors queued from dawn for the new land.")
    assert decided(land, here) == ("fulfilment", "accepted")


def test_the_second_of_two_promised_things_with_its_name_cut_short_is_named() -> None:
    both = promise("Vantor", "ship Lumo Pro 7 and Lumo Book 3", D(2026, 10, 22))
    arrived = news("Lumo Pro 7 and Book 3 reach stores", "Vantor's new tablet and laptop are now available.")
    assert decided(both, arrived) == ("fulfilment", "accepted")
    other = news("Lumo Go and Book 3 reach stores", "Vantor's new tablet and laptop are now available.")
    assert decided(promise("Vantor", "ship the Lumo Pro 7", D(2026, 10, 22)), other) != ("fulfilment", "accepted")


def test_a_buyer_taking_delivery_of_the_named_thing_is_the_makers_delivery() -> None:
    deliveries = promise("Orvo", "begin deliveries of the V9 jet to customers", D(2026, 12, 31))
    took = news("Dellan Air takes delivery of the first Orvo V9", "The airline received the jet at a ceremony.")
    assert decided(deliveries, took) == ("fulfilment", "accepted")
    other = news("Dellan Air takes delivery of its first Pelt 7", "The airline received the jet at a ceremony.")
    assert decided(deliveries, other) != ("fulfilment", "accepted")


def test_an_opening_is_no_date_for_the_start_of_construction() -> None:
    start = promise("Vantor", "begin construction of the Dellan battery plant", D(2026, 4, 30))
    opened = news("Vantor opens Dellan battery plant", "The plant has been building cells since October.",
                  published=D(2028, 3, 1))
    assert decided(start, opened) != ("fulfilment", "accepted")
    production = promise("Vantor", "start production at the Dellan battery plant", D(2028, 6, 30))
    assert decided(production, opened) == ("fulfilment", "accepted")


def test_a_ministry_named_after_its_country_acts_through_its_government() -> None:
    sale = promise("UK Department for Transport", "sell the Dellan rail line", D(2026, 12, 31))
    dropped = news("Government drops plan to sell Dellan rail line", "Ministers said the line would stay public.")
    assert decided(sale, dropped) == ("cancellation", "accepted")


def test_legal_powers_are_no_electric_power() -> None:
    powers = promise("Vantor", "take powers to vet foreign investment in nuclear projects", None)
    item = news("Vantor pushes back Dellan plant start to mid-2027",
                "The utility said it now expects first power in June 2027.")
    assert decided(powers, item) in (None, ("mention", "discarded"), ("mention", "proposed"))


def test_goes_on_sale_next_month_is_a_schedule_not_a_sale() -> None:
    phone = promise("Vantor", "launch the Lumo 3 phone in Europe", D(2026, 6, 30))
    later = news("Vantor unveils Lumo 3", "It goes on sale in Europe next month.")
    assert decided(phone, later) is None or decided(phone, later)[0] != "fulfilment"


def test_the_promised_act_on_a_thing_not_clearly_ours_goes_to_an_editor_as_a_fulfilment() -> None:
    depot = promise("Vantor", "open the Dellan depot", D(2026, 6, 30))
    office = news("Vantor opens Dellan depot office", "The office will handle bookings for the new depot.")
    assert decided(depot, office) == ("fulfilment", "proposed")
    assert "check it" in " ".join(score(office, depot).explanation["notes"])


def test_one_opening_is_not_a_count_kept_whatever_the_item_measures() -> None:
    stores = promise("Vantor", "open 25 stores in Dellan", D(2027, 12, 31))
    first = news("Crowds queue as Vantor opens its doors in Dellan",
                 "The 400,000-square-foot outlet has more than 1,000 items and a 1,000-seat cafe.")
    assert decided(stores, first) == ("fulfilment", "proposed")
    assert "amount" in score(first, stores).explanation["held"]
    all_open = news("Vantor opens its 25th store in Dellan", "Vantor now has 25 stores across Dellan.")
    assert decided(stores, all_open) == ("fulfilment", "accepted")


def test_a_prototype_rolled_out_has_not_made_its_maiden_flight() -> None:
    flight = promise("Orvo", "ensure the V9 make its maiden flight", D(2026, 12, 31))
    rolled = news("First V9 rolls out in Dellan", "Orvo showed the completed prototype at its assembly plant.")
    assert decided(flight, rolled) != ("fulfilment", "accepted")
    flown = news("Orvo V9 makes maiden flight", "The V9 took off from Dellan on Monday and flew for two hours.")
    assert decided(flight, flown) == ("fulfilment", "accepted")


def test_other_things_counted_after_a_cancellation_verb_are_not_the_promise() -> None:
    game = promise("Vantor", "release the Lumo game", D(2026, 12, 31))
    item = news("Vantor delays Lumo once more and cancels three unannounced games", "")
    assert decided(game, item) is not None and decided(game, item)[0] != "cancellation"
    dropped = news("Vantor cancels the Lumo game", "")
    assert decided(game, dropped) == ("cancellation", "accepted")
    merger = promise("Vantor", "complete the merger with Orvo", D(2026, 12, 31))
    assert decided(merger, news("Vantor and Orvo abandon 20 billion dollar merger", "")) == ("cancellation", "accepted")


@pytest.mark.parametrize("title", ["Regulator drafts rule that would not let Vantor open the Dellan depot",
                                   "Dellan council says it will not allow Vantor to open depot"])
def test_another_body_that_will_not_permit_the_act_goes_to_an_editor(title: str) -> None:
    depot = promise("Vantor", "open the Dellan depot", D(2026, 12, 31))
    refused = news(title, "")
    assert decided(depot, refused) == ("cancellation", "proposed")
    own = news("Vantor says it will not open the Dellan depot", "The company said it would not open the depot after all.")
    assert decided(depot, own) == ("cancellation", "accepted")


def test_tickets_counted_as_seats_keep_a_ticket_count() -> None:
    cheap = promise("Dellan FC", "price at least 5,000 season tickets under 300 euros", None)
    sale = news("Dellan FC season tickets on sale: 5,400 seats at 280 euros",
                "Dellan FC put season tickets on sale, with 5,400 seats priced at 280 euros.")
    assert decided(cheap, sale) == ("fulfilment", "accepted")



def test_a_thing_described_by_a_hyphenated_rate_is_the_thing_not_the_rate() -> None:
    """"the 90,000-barrel-a-day line" is a line (its rate is a modifier); "100,000 tests a day" are tests."""
    from tracker.matching.profile import profile

    line = promise("Hollin Energy", "have the 90,000-barrel-a-day line in service", due=D(2027, 12, 31))
    tests = promise("Hollin Health", "carry out 100,000 tests a day", due=D(2027, 12, 31))
    assert profile(line).head_stem == profile(promise("Hollin Energy", "open the line")).head_stem
    assert profile(tests).head_stem == profile(promise("Hollin Health", "carry out the tests")).head_stem


def test_a_launch_reported_across_the_region_holding_the_promised_countries_is_kept() -> None:
    """"launch the Quillon Cube in the United States and Canada": a headline "Cube goes on sale" over a body
    that names North America is the launch promised, decided without an editor."""
    cube = promise("Quillon", "launch the Quillon Cube in the United States and Canada", due=D(2026, 3, 3))
    it = news("Cube goes on sale, Lumo game alongside",
              "Quillon's new console reached shops across North America and Europe on Friday, with Lumo.",
              published=D(2026, 3, 3))
    m = score(it, cube)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m


@pytest.mark.parametrize("title", ["Hollin Autoworks closes its Dunmere van plant project",
                                   "Hollin Autoworks shuts down its electric van programme"])
def test_closing_the_project_withdraws_the_promise(title):
    """A project or programme closed is given up; a deal closed is completed (see below)."""
    m = score(news(title, "The company said the vans could not be made to pay."), VANS)
    assert m is not None and m.kind == "cancellation", m


def test_closing_a_deal_completes_it():
    deal = promise("Hollin Autoworks", "close the acquisition of Dunmere Motors", due=D(2026, 6, 30))
    m = score(news("Hollin Autoworks closes acquisition of Dunmere Motors", "The deal completed on Monday."), deal)
    assert m is not None and m.kind == "fulfilment", m


@pytest.mark.parametrize("what", ["make the Lumo earbuds available for $159",
                                  "launch the Lumo earbuds at $159 in Portugal",
                                  "start selling the Lumo earbuds, priced from $159"])
def test_a_price_is_a_term_of_the_launch_not_an_amount_to_report(what):
    """The price a product is offered at says what is offered; news of the launch that leaves the price out
    still reports the launch, decided unseen like any launch."""
    earbuds = promise("Kestrin Audio", what, due=D(2026, 10, 31))
    it = news("Kestrin Audio's Lumo earbuds go on sale in Portugal",
              "Kestrin Audio's Lumo earbuds went on sale in shops across Portugal on Friday.", published=D(2026, 10, 30))
    m = score(it, earbuds)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m


def test_a_sum_to_reach_still_waits_for_the_amount():
    """Where the money is what is promised ("raise the wage to $15"), news that leaves the amount out waits."""
    wage = promise("Kestrin Audio", "raise its minimum wage from $11 to $15 an hour", due=D(2026, 10, 31))
    it = news("Kestrin Audio raises its minimum wage", "Kestrin Audio raised its minimum wage on Friday.",
              published=D(2026, 10, 30))
    m = score(it, wage)
    assert m is None or evidence_state(m) != "accepted", m


@pytest.mark.parametrize("title", ["Kestrin Motors delivers first Lumo R1 vans to customers",
                                   "Kestrin Motors starts delivering Lumo R1 vans to customers"])
def test_the_verb_of_a_promised_act_noun_reports_it_done(title):
    """"begin deliveries of the Lumo R1": a report that the first ones were delivered (the verb the promise's noun
    comes from) is the promise kept, decided unseen like "begins deliveries" would be."""
    vans = promise("Kestrin Motors", "begin deliveries of the Lumo R1 to customers", due=D(2026, 6, 30))
    it = news(title, "The first vans left the Dunmere plant on Monday, Kestrin Motors said.", published=D(2026, 5, 4))
    assert decided(vans, it) == ("fulfilment", "accepted")


def test_another_verb_of_the_same_class_is_not_the_act_noun_done():
    """"gave no date" is no delivery: only the noun's own verb stands for it."""
    vans = promise("Kestrin Motors", "begin deliveries of the Lumo R1 to customers", due=D(2026, 6, 30))
    it = news("First Lumo R1 rolls out in Dunmere", "Kestrin Motors showed the finished prototype to customers, "
              "though it gave no date for the first handover.", published=D(2026, 5, 4))
    assert decided(vans, it) is None or decided(vans, it)[1] != "accepted"


def test_a_plan_dropped_in_a_country_goes_to_an_editor():
    """"abandons its German factory plans" for a factory promised in a town the item does not name: the country
    only says where, so the cancellation is proposed for an editor to check (never decided unseen)."""
    fab = promise("Ostrander Chips", "start production at the Velden chip factory", D(2027, 12, 31))
    it = news("Ostrander Chips abandons its German and Polish factory plans",
              "Ostrander Chips said on Thursday it would scrap projects in Germany and Poland.", D(2026, 7, 24))
    assert decided(fab, it) == ("cancellation", "proposed")


@pytest.mark.parametrize("doc, it", [
    (promise("Kestrin Audio", "make the Lumo earbuds available for $159", due=D(2026, 10, 31)),
     news("Vantor earbuds go on sale for $159", "Vantor said its earbuds went on sale on Friday.",
          published=D(2026, 10, 30))),  # a rival's launch at the same price
    (promise("Kestrin Motors", "begin deliveries of the Lumo R1 to customers", due=D(2026, 6, 30)),
     news("Kestrin Motors delivers first Lumo R2 vans to customers", "The first vans left the plant.",
          published=D(2026, 5, 4))),  # the same act on another model
    (promise("Kestrin Motors", "begin deliveries of the Lumo R1 in Germany", due=D(2026, 6, 30)),
     news("Kestrin Motors starts delivering Lumo R1 in France", "The first vans reached French buyers.",
          published=D(2026, 5, 4))),  # another country
    (promise("Orlen Cells", "build a battery plant in Dunmere", due=D(2026, 12, 31)),
     news("Flooding halts work at Orlen Cells battery plant in Harbury", "Construction of the Harbury plant stopped.",
          published=D(2025, 11, 4))),  # work halted at another site
    (promise("Orlen Cells", "open a battery plant in Dunmere", due=D(2025, 12, 31)),
     news("Vantor now sees its Dunmere battery plant opening in early 2026", "Vantor blamed supply delays.",
          published=D(2025, 8, 4))),  # a rival's new date
])
def test_near_misses_of_the_newer_readings_are_never_decided_unseen(doc, it):
    """Each reading added for news in other words (a price left out, the verb of an act noun, work halted, a
    date now seen) has a near miss it must leave to an editor: a rival, another model, country or site."""
    got = decided(doc, it)
    assert got is None or got[1] != "accepted", got


def test_a_target_scrapped_by_its_figure_and_an_acronym_withdraws_the_promise():
    """"scraps its 400,000 EV target" for "build 400,000 EVs": the figure and the thing (an acronym's plural)
    name the promise, dropped by the actor."""
    evs = promise("Kestrin Motors", "build 400,000 EVs in North America", due=D(2026, 6, 30))
    it = news("Kestrin Motors scraps 400,000 EV target and delays truck plant",
              "The company said it would no longer commit to the goal as demand slows.", published=D(2025, 10, 24))
    m = score(it, evs)
    assert m is not None and m.kind == "cancellation", m


def test_a_particle_after_the_object_gives_the_act():
    """"switch its reader off" is shutting it down: a rival launching its own reader is no fulfilment, and the
    reader switched off is."""
    reader = promise("Orlen Web", "switch its Lumo reader off", due=D(2026, 7, 1))
    rival = news("Vantor launches its own Lumo-style reader", "The site is courting Lumo reader users.",
                 published=D(2026, 4, 2))
    assert decided(reader, rival) is None or decided(reader, rival)[0] != "fulfilment"
    done = news("Orlen Web switches off its Lumo reader", "Orlen Web shut the Lumo reader down on Monday.",
                published=D(2026, 7, 1))
    assert decided(reader, done) == ("fulfilment", "accepted")
