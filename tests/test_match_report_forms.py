"""How real news reports a promise kept or dropped, and the look-alikes that must not decide it.

Report forms: a degree of production ("began mass production"), a deal closed, a stage entered
("enters production"), a time adverbial ("Starting today, ..."), a figure for the promised period,
"meeting the goal it set", a government's ministers acting for it, a plan dropped by its own name.
Look-alikes: a rival's report told with "the carrier", "gives up on the opening", another quarter's
revenue, a target merely kept, a goal of another act dropped in the same year, a plan dropped
where only the place is shared. Pure: no database. Every name and sentence here is made up.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.verdicts import decided, news, promise, verdict
from tracker.match import evidence_state, score

D = dt.date


# -- kept, in the words news uses ----------------------------------------------------------------

def test_mass_production_of_the_promised_chips_is_the_promised_start() -> None:
    chips = promise("Tessaly Semiconductor", "begin producing its first 2-nanometre chips")
    it = news("Tessaly Semiconductor begins mass production of 2nm chips",
              "Tessaly Semiconductor said it had started mass production of chips on its 2-nanometre process.")
    assert decided(chips, it) == ("fulfilment", "accepted")


def test_volume_production_is_not_another_kind_of_production() -> None:
    fab = promise("Orvane Chips", "start chip production in Calderby")
    it = news("Orvane Chips' Calderby fab begins volume production",
              "Orvane Chips said its Calderby fab began volume production of chips in the fourth quarter.")
    assert decided(fab, it) == ("fulfilment", "accepted")


def test_a_model_entering_production_is_built() -> None:
    car = promise("Harwell Motors", "build the new Marlo hatchback at Fenwick")
    it = news("New Marlo enters production at Fenwick",
              "Harwell Motors' Fenwick plant began building the new Marlo hatchback on Monday.")
    assert decided(car, it) == ("fulfilment", "accepted")


def test_a_deal_closed_is_an_acquisition_completed() -> None:
    deal = promise("Quenby Group", "complete the acquisition of Dorvel Foods")
    it = news("Quenby Group closes Dorvel Foods takeover",
              "Quenby Group closed its takeover of Dorvel Foods on Friday after the last regulator approved it.")
    assert decided(deal, it) == ("fulfilment", "accepted")


def test_starting_today_is_when_not_what_began() -> None:
    console = promise("Vexa Playworks", "release the Vexa Go 2")
    it = news("Vexa Go 2 is available now",
              "Starting today, Vexa Go 2 is available at retailers around the world, Vexa Playworks said.")
    assert decided(console, it) == ("fulfilment", "accepted")


def test_first_deliveries_of_a_named_truck_begin_its_deliveries() -> None:
    trucks = promise("Brannock Motors", "begin Haulo deliveries", due=D(2026, 12, 31))
    it = news("Brannock Motors delivers first Haulo trucks to a grocer",
              "Brannock Motors handed the first production Haulo trucks to a grocery chain at its factory.")
    assert decided(trucks, it) == ("fulfilment", "accepted")


# -- figures and goals ---------------------------------------------------------------------------

GUIDANCE = promise("Pellmore Systems", "deliver revenue of about 4.2 billion dollars", due=D(2026, 3, 31),
                   quote="Pellmore Systems expects first-quarter revenue of about 4.2 billion dollars.")


def test_the_promised_figure_reported_after_the_quarter_is_kept_on_time() -> None:
    it = news("Pellmore Systems names new finance chief",
              "Pellmore Systems appointed a new finance chief. First-quarter revenue was 4.19 billion dollars.",
              D(2026, 4, 28))
    m = score(it, GUIDANCE)
    assert m is not None and (m.kind, evidence_state(m)) == ("fulfilment", "accepted"), m
    assert m.event_date == GUIDANCE.due_latest  # the quarter met the figure; the report came later
    assert verdict(GUIDANCE, it) == "kept"


def test_another_quarters_revenue_does_not_meet_the_forecast() -> None:
    it = news("Pellmore Systems names new finance chief",
              "Pellmore Systems appointed a new finance chief. Third-quarter revenue was 4.3 billion dollars.",
              D(2026, 10, 28))
    assert decided(GUIDANCE, it) != ("fulfilment", "accepted")


def test_a_result_beating_the_companys_own_forecast_is_no_rumour() -> None:
    it = news("Pellmore Systems first-quarter revenue rises to 4.3 billion dollars",
              "Revenue beat Pellmore Systems' own midpoint forecast.", D(2026, 4, 28))
    assert decided(GUIDANCE, it) == ("fulfilment", "accepted")


def test_meeting_the_goal_it_set_is_kept() -> None:
    cocoa = promise("Harrow Confectionery", "source 100 percent certified cocoa", due=D(2025, 12, 31))
    it = news("Harrow Confectionery reports on its cocoa sourcing",
              "Harrow Confectionery said it sourced 100 percent certified cocoa in 2025, meeting the goal it set "
              "in 2019.", D(2026, 2, 10))
    assert decided(cocoa, it) == ("fulfilment", "accepted")


def test_keeping_a_target_is_not_meeting_it() -> None:
    units = promise("Vexa Playworks", "sell 20 million Vexa consoles in the year to March 2026",
                    due=D(2026, 3, 31))
    it = news("Vexa Playworks sells 3 million consoles in first quarter, sticks to goal",
              "Vexa Playworks sold 3 million Vexa consoles in the April-June quarter and said it was keeping its "
              "full-year target of 20 million units.", D(2025, 8, 1))
    assert decided(units, it) not in (("fulfilment", "accepted"), ("fulfilment", "proposed"))


# -- dropped -------------------------------------------------------------------------------------

HOMES = promise("Norwegian government", "build 20,000 affordable rental homes", due=D(2030, 12, 31))


def test_a_government_dropping_its_target_is_withdrawn() -> None:
    it = news("Government drops 20,000-home target",
              "Housing Minister Kari Lunde said the government was scrapping the goal of building 20,000 "
              "affordable rental homes and would help first-time buyers instead.")
    assert decided(HOMES, it) == ("cancellation", "accepted")


def test_another_countrys_government_does_not_drop_ours() -> None:
    it = news("Swedish government drops 20,000-home target",
              "Sweden's housing minister said the government was scrapping its goal of building 20,000 "
              "affordable rental homes.")
    assert decided(HOMES, it) != ("cancellation", "accepted")


def test_a_minister_named_in_the_report_acts_for_the_government() -> None:
    rail = promise("Norwegian government", "build the Nordvik rail link", due=D(2033, 12, 31))
    it = news("Berg scraps Nordvik rail link",
              "Prime Minister Ola Berg on Wednesday cancelled the Nordvik rail link, saying the money would go to "
              "local roads.")
    assert decided(rail, it) == ("cancellation", "accepted")


def test_could_not_make_it_pay_is_no_speculation() -> None:
    bike = promise("Pemberton", "launch an electric cargo bike")
    it = news("Pemberton pulls the plug on electric cargo bike",
              "Pemberton has scrapped its project to build an electric cargo bike, saying it could find no way to "
              "make it commercially viable.")
    assert decided(bike, it) == ("cancellation", "accepted")


def test_a_plan_dropped_by_the_promises_own_name_is_withdrawn() -> None:
    merger = promise("Talvik Lines", "complete the merger with Orrin's ferry business")
    it = news("Talvik Lines walks away from Orrin deal",
              "Talvik Lines said on Saturday it had ended its agreement with Orrin after talks failed.")
    assert decided(merger, it) == ("cancellation", "accepted")


def test_a_plan_sharing_only_the_place_waits_for_an_editor() -> None:
    car = promise("Harwell Motors", "build the new Marlo hatchback at Fenwick",
                  quote="Harwell Motors will build the new Marlo hatchback and the Tressa at its Fenwick plant.")
    it = news("Harwell Motors drops plan to build Tressa in Fenwick",
              "The carmaker said the next Tressa would be made abroad instead.")
    assert decided(car, it) != ("cancellation", "accepted")


def test_a_goal_of_another_act_dropped_in_the_same_year_is_not_this_one() -> None:
    invest = promise("Kelmar Auto", "invest more than 30 billion euros in electric vehicles", due=D(2030, 12, 31))
    it = news("Kelmar Auto drops goal of selling only electric cars by 2030",
              "Kelmar Auto said half of its sales would be electrified by 2030.")
    assert decided(invest, it) != ("cancellation", "accepted")


# -- look-alikes ---------------------------------------------------------------------------------

def test_a_rivals_report_told_with_the_carrier_is_not_ours() -> None:
    network = promise("Pellan Telecom", "shut down Pellan's 3G network")
    it = news("Norvik Mobile turns off its old 3G network",
              "The carrier completed the shutdown of the 3G network it took over last year.")
    assert decided(network, it) != ("fulfilment", "accepted")


def test_giving_up_on_an_opening_is_not_the_opening() -> None:
    airport = promise("Ostrel Airport Company", "open Ostrel Airport")
    it = news("Ostrel airport gives up on October opening",
              "The operator dropped its October target for the new hub and said it could not name a new date.")
    assert decided(airport, it) is None or decided(airport, it)[0] != "fulfilment"


@pytest.mark.parametrize("text", [
    "Starting today, Vexa Go 2 is available at retailers around the world.",
    "Beginning Monday, Vexa Go 2 is available at retailers around the world.",
])
def test_a_time_adverbial_is_not_a_start(text: str) -> None:
    from tracker.matching.reading import read_item

    reading = read_item(news("Vexa Go 2", text))
    body = [s for s in reading.sents if not s.is_title][0]
    assert not any(ev.inchoative for ev in body.events), body.events


# -- promises to end something -------------------------------------------------------------------

READER = promise("Quillon", "retire the Quillon Notes app", due=D(2026, 7, 1))


@pytest.mark.parametrize("title,text", [
    ("Quillon Notes goes dark", "Quillon switched off its Quillon Notes app on Monday, as announced in March."),
    ("Quillon pulls the plug on Quillon Notes app", "Quillon shut the Quillon Notes app on Monday."),
], ids=["goes dark", "pulls the plug"])
def test_the_end_of_a_thing_promised_to_end_is_kept(title: str, text: str) -> None:
    assert decided(READER, news(title, text, D(2026, 6, 29))) == ("fulfilment", "accepted")


def test_dropping_the_plan_to_end_it_is_withdrawn() -> None:
    it = news("Quillon scraps plan to retire Quillon Notes",
              "Quillon said it had scrapped its plan to retire the Quillon Notes app after users protested.")
    assert decided(READER, it) == ("cancellation", "accepted")


def test_a_share_of_users_is_progress() -> None:
    cookies = promise("Larkspur", "phase out tracking cookies in the Larkspur browser")
    it = news("Larkspur browser turns off tracking cookies for 1% of users",
              "Larkspur began switching off tracking cookies in the Larkspur browser for 1% of users on Thursday.")
    assert decided(cookies, it) != ("fulfilment", "accepted")


def test_a_restated_month_that_holds_the_deadline_is_no_delay() -> None:
    it = news("Where to go when Quillon Notes closes",
              "Post on a technology blog: two million people have signed up since Quillon said it would switch off "
              "its Quillon Notes app in July.", D(2026, 4, 2))
    assert decided(READER, it) is None or decided(READER, it)[0] != "delay"


# -- states, purchases, countries ----------------------------------------------------------------

def test_a_promised_state_reported_as_reached_is_kept() -> None:
    waste = promise("Harrow Confectionery", "become waste-free at its factories")
    it = news("Harrow Confectionery says it is now waste-free",
              "Harrow Confectionery said its factories are now waste-free, sending nothing to landfill.")
    assert decided(waste, it) == ("fulfilment", "accepted")


def test_a_state_not_yet_reached_is_not_kept() -> None:
    waste = promise("Harrow Confectionery", "become waste-free at its factories")
    it = news("Harrow Confectionery is not yet waste-free",
              "Harrow Confectionery said its factories are not yet waste-free, and sent 200 tonnes to landfill.")
    assert decided(waste, it) != ("fulfilment", "accepted")


def test_a_promise_about_the_whole_of_something_reported_as_now_so_is_kept() -> None:
    paper = promise("Harrow Confectionery", "have all the paper it uses come from recycled stock")
    it = news("Harrow Confectionery: all its paper now comes from recycled stock",
              "Harrow Confectionery said every sheet it bought last year was recycled.")
    assert decided(paper, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title", ["Harrow Confectionery now expects all its paper to come from recycled stock",
                                   "Harrow Confectionery now plans for all its paper to come from recycled stock"])
def test_a_whole_state_only_planned_now_is_not_kept(title: str) -> None:
    paper = promise("Harrow Confectionery", "have all the paper it uses come from recycled stock")
    it = news(title, "Harrow Confectionery gave no date.")
    assert decided(paper, it) != ("fulfilment", "accepted")


def test_a_purchase_completed_is_the_promised_buy() -> None:
    buy = promise("Quenby Group", "buy Zorb Foods")
    it = news("Quenby Group completes purchase of Zorb Foods", "Quenby Group completed its purchase of Zorb Foods "
              "on Friday.")
    assert decided(buy, it) == ("fulfilment", "accepted")


def test_the_country_acts_for_its_government() -> None:
    coal = promise("Norwegian government", "switch off the last coal turbine")
    it = news("Norway switches off its last coal turbine, hitting the goal",
              "Norway switched off its last coal-fired turbine on Friday.")
    assert decided(coal, it) == ("fulfilment", "accepted")


def test_made_into_a_state_reported_as_become_is_kept() -> None:
    offices = promise("Harrow Confectionery", "make our UK and Irish offices carbon neutral")
    it = news("Harrow hits its climate goals",
              "Harrow Confectionery said its UK and Irish offices had become carbon neutral.", D(2026, 2, 10))
    assert decided(offices, it) == ("fulfilment", "accepted")


def test_a_game_that_is_out_is_released() -> None:
    game = promise("Brightfall Studio", "release Starward 2077", due=D(2025, 4, 16))
    it = news("Starward 2077 is out", "Brightfall Studio's Starward 2077 went on sale worldwide on Thursday.",
              D(2025, 12, 10))
    assert decided(game, it) == ("fulfilment", "accepted")
    assert verdict(game, it) == "kept_late"


def test_a_coordinated_modifier_of_ours_is_no_other_kind() -> None:
    cocoa = promise("Harrow Confectionery", "source 100 percent certified cocoa", due=D(2025, 12, 31))
    it = news("Harrow Confectionery reports on cocoa",
              "Harrow Confectionery said it sourced 100 percent certified and traceable cocoa in 2025, meeting the "
              "goal it set in 2019.", D(2026, 2, 10))
    m = score(it, cocoa)
    assert m is not None and m.kind == "fulfilment" and m.auto, m


def test_a_countrys_adjective_names_the_promised_country() -> None:
    store = promise("Brisk Clothiers", "open its first store in Peru", due=D(2026, 12, 31))
    it = news("Brisk Clothiers opens its first Peruvian store",
              "Brisk Clothiers opened its first Peruvian store in Lima on Saturday.", D(2026, 5, 2))
    assert decided(store, it) == ("fulfilment", "accepted")
    elsewhere = news("Brisk Clothiers opens its first Chilean store",
                     "Brisk Clothiers opened its first Chilean store in Santiago on Saturday.", D(2026, 5, 2))
    assert decided(store, elsewhere) != ("fulfilment", "accepted")


def test_a_deal_that_must_close_has_not_closed() -> None:
    deal = promise("Quenby Group", "close the Dorvel Foods transaction")
    it = news("Quenby and Dorvel push deal deadline to October",
              "The two companies extended the date by which their Dorvel Foods transaction must close by three "
              "months while they seek approval.")
    assert decided(deal, it) != ("fulfilment", "accepted")


def test_a_sale_in_other_countries_is_not_the_promised_one() -> None:
    launch = promise("Kestrin Media", "start selling the Lumo box in Mexico")
    other = news("Lumo box goes on sale in Chile and Peru", "Kestrin Media's Lumo box went on sale on Friday.")
    ours = news("Lumo box goes on sale in Mexico and Chile", "Kestrin Media's Lumo box went on sale on Friday.")
    assert decided(launch, other) != ("fulfilment", "accepted")
    assert decided(launch, ours) == ("fulfilment", "accepted")


def test_needing_time_to_meet_its_commitments_is_not_meeting_them() -> None:
    stores = promise("Brisk Clothiers", "open 25 stores in Peru", due=D(2027, 12, 31))
    it = news("Brisk Clothiers delays first Peruvian store",
              "Brisk Clothiers has postponed the opening of its first Peruvian store to August, saying it needed "
              "more time to meet its quality commitments.", D(2026, 7, 1))
    assert decided(stores, it) != ("fulfilment", "accepted")


def test_pulling_out_of_the_promised_place_is_withdrawn() -> None:
    fibre = promise("Lumen Fibre", "bring Lumen Fibre broadband to Corrin", due=D(2027, 12, 31))
    it = news("Lumen Fibre to pull out of Corrin",
              "Lumen Fibre said on Thursday it will shut down its service in Corrin in April.")
    assert decided(fibre, it) == ("cancellation", "accepted")
    other = news("Lumen Fibre to pull out of Dunmere",
                 "Lumen Fibre said on Thursday it will shut down its service in Dunmere in April.")
    assert decided(fibre, other) != ("cancellation", "accepted")


def test_a_dated_schedule_in_the_present_tense_is_not_done() -> None:
    phone = promise("Acme", "start selling the Gizmo phone")
    for title, text in (("Acme to start selling Gizmo in March", "Acme will open its stores early for the launch."),
                        ("Gizmo phone sales start March 3", "Sales of the Gizmo phone start on March 3, Acme said.")):
        assert decided(phone, news(title, text, D(2026, 2, 4))) != ("fulfilment", "accepted"), title


def test_what_a_proposal_would_scrap_waits_for_an_editor() -> None:
    depot = promise("Acme", "open the Leeds depot")
    it = news("Council proposal would halt Acme's Leeds depot",
              "A council proposal would scrap the planned Acme depot in Leeds.", D(2026, 2, 4))
    assert decided(depot, it) == ("cancellation", "proposed")


def test_a_country_by_its_short_name_is_the_promised_country() -> None:
    ship = promise("Kelvo Games", "start shipping the Kelvo Deck to the United States")
    it = news("First Kelvo Decks reach buyers", "Kelvo Games began shipping the Kelvo Deck to its first customers in "
              "the US and Canada on Monday.")
    assert decided(ship, it) == ("fulfilment", "accepted")
    elsewhere = news("First Kelvo Decks reach buyers", "Kelvo Games began shipping the Kelvo Deck to its first "
                     "customers in Japan and Korea on Monday.")
    assert decided(ship, elsewhere)[1] != "accepted"


@pytest.mark.parametrize("aside", [
    "It forecast revenue of about 5 billion dollars for the next quarter.",
    "The company also lifted the profit forecast for the year.",
    "It cut the sales forecast for the full year.",
])
def test_the_companys_own_forecast_beside_the_result_is_no_rumour(aside: str) -> None:
    guide = promise("Tessaly Semiconductor", "deliver revenue of about 4 billion dollars", dt.date(2025, 6, 30))
    it = news("Tessaly Semiconductor revenue hits 4.3 billion dollars",
              f"Tessaly Semiconductor said revenue for the quarter that ended in June was 4.3 billion dollars. {aside}",
              dt.date(2025, 8, 20))
    assert decided(guide, it) == ("fulfilment", "accepted")


def test_analysts_forecasting_a_result_decide_nothing() -> None:
    guide = promise("Tessaly Semiconductor", "deliver revenue of about 4 billion dollars", dt.date(2025, 6, 30))
    it = news("Tessaly Semiconductor revenue to hit 4.3 billion dollars, analysts forecast",
              "Analysts forecast that Tessaly Semiconductor revenue for the quarter will be 4.3 billion dollars.",
              dt.date(2025, 6, 20))
    assert decided(guide, it)[1] != "accepted"


@pytest.mark.parametrize("what, title, text", [
    ("have the new Harwick airport take its first passengers", "Harwick's new airport finally opens",
     "The new Harwick airport opened to passengers on Saturday, years later than planned, Harbour Transit said."),
    ("put the first methanol container ship into service", "Harbour Transit's first methanol ship starts operating",
     "Harbour Transit's first methanol-powered container ship began operating on its Baltic route on Tuesday."),
])
def test_a_things_first_use_is_the_promised_start(what: str, title: str, text: str) -> None:
    assert decided(promise("Harbour Transit", what), news(title, text)) == ("fulfilment", "accepted")


def test_a_flight_made_or_conducted_is_the_promised_flight() -> None:
    flight = promise("Corvane Aero", "have the first test flight take place")
    it = news("Corvane Aero's Starling makes first test flight",
              "Corvane Aero's Starling jet made its first test flight on Friday, the company said.")
    assert decided(flight, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("text", [
    "Rather than removing third-party trackers, Corvane Web will let people choose whether to allow them.",
    "Corvane Web said it would keep third-party trackers instead of removing them, and let people choose.",
])
def test_another_course_instead_of_the_promised_one_goes_to_an_editor_as_a_withdrawal(text: str) -> None:
    plan = promise("Corvane Web", "phase out third-party trackers in its browser")
    assert decided(plan, news("A new path for trackers", text)) == ("cancellation", "proposed")


def test_a_new_date_instead_of_the_old_one_is_a_delay() -> None:
    plant = promise("Corvane Motors", "open a plant in Tarvia", due=dt.date(2027, 12, 31))
    it = news("Corvane Motors delays Tarvia plant", "Corvane Motors will open the plant in Tarvia in 2028 rather than 2027.")
    assert decided(plant, it)[0] == "delay"


def test_a_rocket_lifting_off_from_a_cape_cancels_nothing() -> None:
    launch = promise("Corvane Space", "launch Starling from its pad at Cape Fennick")
    it = news("Corvane Space's Starling rocket lifts off",
              "Corvane Space's Starling rocket lifted off from Cape Fennick on Tuesday.")
    assert decided(launch, it)[0] != "cancellation"


def test_lifting_the_cap_still_ends_a_cap() -> None:
    fares = promise("Corvane Buses", "cap fares at 2 pounds", negated=False)
    it = news("Corvane Buses lifts the cap", "Corvane Buses lifted the cap on fares on Tuesday.")
    assert decided(fares, it)[0] == "cancellation"


def test_closing_its_remaining_units_is_the_whole_act() -> None:
    units = promise("Nordvik Power", "close its coal units")
    it = news("Nordvik Power shuts coal units", "Nordvik Power closed its two remaining coal units on Friday.")
    assert decided(units, it) == ("fulfilment", "accepted")
    part = news("Nordvik Power shuts coal units", "Nordvik Power closed two coal units on Friday; the remaining three "
                "will shut next year.")
    assert decided(units, part)[0] == "progress"


def test_a_guess_in_another_sentence_leaves_a_confirmed_delay_decided() -> None:
    line = promise("Harbour Transit", "open the central section of the Quayline", dt.date(2026, 12, 31))
    it = news("Quayline will not open until 2028", "Harbour Transit said the central section of the Quayline would not "
              "open until 2028. It warned that costs could rise again.", dt.date(2026, 5, 1))
    assert decided(line, it) == ("delay", "accepted")


def test_a_place_only_the_quote_names_does_not_say_what_slipped() -> None:
    grants = promise("Harbour Transit", "provide $10 million to partnerships",
                     quote="Harbour Transit will give $10 million to partnerships with Quayside colleges.")
    it = news("Harbour Transit postpones Quayside groundbreaking", "Harbour Transit called off the event to mark "
              "the start of work at its Quayside depot.", dt.date(2026, 5, 1))
    assert decided(grants, it) is None or decided(grants, it)[0] != "delay"


def test_flying_the_first_commercial_mission_starts_commercial_flights() -> None:
    flights = promise("Corvane Space", "start commercial flights")
    first = news("Corvane Space flies its first commercial mission",
                 "Corvane Space flew its first commercial mission on Thursday, carrying three researchers.")
    assert decided(flights, first) == ("fulfilment", "accepted")
    test = news("Corvane Space flies another test", "Corvane Space flew another test flight on Thursday.")
    assert decided(flights, test)[0] == "progress"


@pytest.mark.parametrize("title, text", [
    ("Appeals court overturns emissions order", "An appeals court overturned the order that Tessaly Oil cut its "
     "emissions by 45 percent by 2030."),
    ("Supreme court strikes down the emissions plan", "The supreme court struck down Tessaly Oil's plan to cut its "
     "emissions by 45 percent by 2030."),
])
def test_a_court_undoing_the_plan_is_a_withdrawal_an_editor_confirms(title: str, text: str) -> None:
    cut = promise("Tessaly Oil", "cut its emissions by 45 percent by 2030", dt.date(2030, 12, 31))
    assert decided(cut, news(title, text)) == ("cancellation", "proposed")


def test_repealing_a_tax_keeps_a_promise_to_repeal_it() -> None:
    tax = promise("Harwick Council", "repeal the regional fuel tax")
    it = news("Harwick Council repeals fuel tax", "Harwick Council repealed the regional fuel tax on Tuesday.")
    assert decided(tax, it) == ("fulfilment", "accepted")


def test_dropping_the_other_years_goal_leaves_this_one_standing() -> None:
    zero = promise("Harwick Council", "reach net zero", dt.date(2045, 12, 31),
                   quote="Harwick will cut its emissions by 75 percent by 2030 and reach net zero by 2045.")
    it = news("Harwick Council scraps 2030 climate target", "The council said the 75 percent goal for 2030 would be "
              "dropped. It said the commitment to net zero by 2045 remained.", dt.date(2026, 4, 18))
    assert decided(zero, it) is None or decided(zero, it)[0] != "cancellation"


def test_an_abbreviated_unit_is_the_unit_written_out() -> None:
    from tracker.matching.text import tokenize
    short, full = tokenize("a 2nm process and 40 GW"), tokenize("a 2-nanometre process and 40 gigawatts")
    assert [t.stem for t in short] == [t.stem for t in full]
    assert tokenize("NM state")[0].stem == "nm"  # not after a number: a name, left alone


@pytest.mark.parametrize("what, title, text", [
    ("ensure the Tarn jet make its maiden flight", "Tarn jet takes to the air",
     "Corvane Aero's Tarn jet made its maiden flight on Tuesday, flying for two hours over Brest."),
    ("have production at the Velm plant come online", "Corvane Aero begins production at Velm",
     "Corvane Aero began production at its Velm plant on Monday."),
    ("have the Tarn app come out on tablets", "Tarn app released for tablets",
     "Corvane Aero released the Tarn app for tablets on Thursday."),
])
def test_a_things_own_act_is_the_promised_act(what: str, title: str, text: str) -> None:
    # how the extractor writes a promise whose subject is a thing: "ensure X make ...", "have X come online"
    assert decided(promise("Corvane Aero", what), news(title, text)) == ("fulfilment", "accepted")


def test_a_change_that_meets_the_pledge_completes_it() -> None:
    halve = promise("Harwick Council", "halve the housing waiting list")
    it = news("Harwick Council's housing waiting list falls by half, meeting its pledge",
              "Harwick Council said the housing waiting list fell from 4,000 to 1,900 families in the year to March, "
              "meeting the pledge it made in 2024.")
    assert decided(halve, it) == ("fulfilment", "accepted")
    fell = news("Harwick Council's housing waiting list falls", "Harwick Council said the housing waiting list fell "
                "from 4,000 to 3,100 families in the year to March.")
    assert decided(halve, fell) != ("fulfilment", "accepted")  # a fall, not yet the half


@pytest.mark.parametrize("title, text", [
    ("Corvane Motors breaks ground on Velm battery plant", "Corvane Motors broke ground on its Velm battery plant on Tuesday."),
    ("Minister visits Corvane Motors site in Velm", "Corvane Motors is breaking ground on its Velm battery "
     "plant this week, with the minister in attendance."),
])
def test_breaking_ground_is_the_start_of_construction(title: str, text: str) -> None:
    build = promise("Corvane Motors", "begin construction of the Velm battery plant")
    assert decided(build, news(title, text))[0] == "fulfilment"
    opening = promise("Corvane Motors", "open the Velm battery plant")
    assert decided(opening, news(title, text))[0] != "fulfilment"  # a groundbreaking opens nothing


def test_a_copular_goal_dropped_by_its_year_is_withdrawn() -> None:
    goal = promise("Harwell Motors", "be an all-electric car maker", dt.date(2030, 12, 31),
                   quote="Harwell Motors will be an all-electric car maker by 2030.")
    it = news("Harwell Motors drops goal of selling only electric cars by 2030",
              "Harwell Motors abandoned its plan to sell only electric cars by 2030, citing slower demand.")
    assert decided(goal, it) == ("cancellation", "accepted")
    invest = promise("Harwell Motors", "invest 9 billion euros in electric cars", dt.date(2030, 12, 31))
    assert decided(invest, it) != ("cancellation", "accepted")  # another act dropped: at most an editor checks


def test_another_model_of_the_same_name_decides_nothing() -> None:
    x = promise("Tamber Tools", "ensure the Gizmo X reach stores")
    other = news("Gizmo 8 reaches stores to shorter queues", "Tamber Tools' Gizmo 8 went on sale on Friday, "
                 "with fewer people queueing as many buyers wait for the Gizmo X.")
    assert decided(x, other) != ("fulfilment", "accepted")
    both = news("Gizmo X and Gizmo S are available now", "Starting today, buyers can get Gizmo X and Gizmo S "
                "from Tamber Tools in 30 countries.")
    assert decided(x, both)[0] == "fulfilment"  # the promised model among others


@pytest.mark.parametrize("title", [
    "Tamber's hybrid console hits shelves",
    "Tamber's new streaming service goes live",
])
def test_the_actors_thing_described_not_named_goes_to_an_editor_as_fulfilment(title: str) -> None:
    gizmo = promise("Tamber", "release the Gizmo Deck")
    assert decided(gizmo, news(title, "")) == ("fulfilment", "proposed")


def test_a_rivals_thing_described_is_not_the_actors() -> None:
    gizmo = promise("Tamber", "release the Gizmo Deck")
    it = news("Harwell's hybrid console hits shelves", "")
    assert decided(gizmo, it) is None or decided(gizmo, it)[0] != "fulfilment"


@pytest.mark.parametrize("title, text", [
    ("Dunmore tram line carries its first passengers", "The Dunmore tram line carried its first passengers on Monday, "
     "Harwick Transit said."),
    ("First Dunmore trams carry passengers", "The first trams on the Dunmore line carried passengers on Monday, "
     "Harwick Transit said."),
])
def test_a_lines_first_passengers_open_it(title: str, text: str) -> None:
    line = promise("Harwick Transit", "open the Dunmore tram line")
    assert decided(line, news(title, text)) == ("fulfilment", "accepted")


def test_a_headline_that_drops_the_thing_withdraws_it() -> None:
    brick = promise("Tamber Toys", "make toy bricks from recycled bottles", dt.date(2027, 12, 31))
    it = news("Tamber Toys drops recycled-bottle bricks after two years of tests",
              "Tamber Toys said bricks made from recycled bottles had proved no greener than its current ones.")
    assert decided(brick, it)[0] == "cancellation"
    fell = news("Tamber Toys drops 5% as brick sales slow", "Shares in Tamber Toys fell 5% on Monday.")
    assert decided(brick, fell) is None or decided(brick, fell)[0] != "cancellation"  # a price falling


@pytest.mark.parametrize("title", [
    "Kestrel rocket rolls out to the launch pad for the first time",
    "Kestrel rolled out of the hangar ahead of its maiden flight",
])
def test_a_vehicle_rolled_out_to_its_pad_is_not_launched(title: str) -> None:
    rocket = promise("Harwick Space", "launch the Kestrel rocket for the first time")
    assert decided(rocket, news(title, "Harwick Space moved the rocket for integrated tests.")) != ("fulfilment", "accepted")
    app = promise("Harwick Soft", "roll out the Kestrel app to all customers")
    assert decided(app, news("Harwick Soft rolls out Kestrel app to all customers", ""))[0] == "fulfilment"


def test_we_in_the_actors_own_post_drop_its_project() -> None:
    quay = promise("Kessel Labs", "build a car-free neighbourhood at Harrow Quay")
    it = news("Why we're no longer pursuing the Harrow Quay project",
              "Post by Ada Brennan, chief executive of Kessel Labs: with the property market this uncertain, we "
              "cannot make the project pay.")
    assert decided(quay, it)[0] == "cancellation"


def test_a_scheme_declared_dead_by_the_actor_is_withdrawn() -> None:
    scheme = promise("Harwick Council", "run the Kelby park-and-ride scheme")
    it = news("Harwick Council says Kelby park-and-ride scheme is dead and buried",
              "The council leader said the money would go to bus lanes instead.")
    assert decided(scheme, it)[0] == "cancellation"


def test_an_opening_called_off_is_no_withdrawal_of_the_airport() -> None:
    airport = promise("Harwick Airport Company", "open Harwick's new airport", dt.date(2026, 6, 3))
    it = news("Harwick's new airport will not open on time", "The opening of Harwick's new airport has been called "
              "off weeks before the first flights were due, the Harwick Airport Company said.", dt.date(2026, 5, 8))
    assert decided(airport, it) is None or decided(airport, it)[0] != "cancellation"


def test_another_years_goal_dropped_in_a_predicate_leaves_this_one() -> None:
    zero = promise("Harwick Council", "reach net zero emissions", dt.date(2045, 12, 31))
    it = news("Harwick Council scraps 2030 climate target", "The council leader said the 75 percent goal for 2030 "
              "would be dropped. She said the commitment to net zero by 2045 remained.", dt.date(2026, 4, 18))
    assert decided(zero, it) is None or decided(zero, it)[0] != "cancellation"


def test_the_quotes_names_alone_do_not_make_the_sibling_promises_news_ours() -> None:
    quote = ("The council said the Clean Air Zone would begin in central Harwick on April 8, 2026, and expand to the "
             "area inside the Kelby ring road in October 2028.")
    expand = promise("Harwick Council", "expand to the area inside the Kelby ring road", dt.date(2028, 10, 31),
                     quote=quote)
    start = news("Clean Air Zone comes into force", "Drivers of older cars now pay a daily charge to enter central "
                 "Harwick, Harwick Council said.", dt.date(2026, 4, 8))
    assert decided(expand, start) != ("fulfilment", "accepted")


@pytest.mark.parametrize("what, title", [
    ("phase out third-party cookies in Kestrel", "Tamber delays cookie phase-out to late 2027"),
    ("reach an annual production rate of 300,000 electric vehicles", "Tamber pushes 300,000 EV target into 2028"),
    ("begin commercial spaceflights", "Tamber delays commercial flights to late 2027"),
])
def test_a_delay_in_everyday_forms_of_the_promises_words(what: str, title: str) -> None:
    assert decided(promise("Tamber", what, dt.date(2026, 12, 31)), news(title, ""))[0] == "delay"


def test_another_amount_postponed_is_not_the_promise_delayed() -> None:
    target = promise("Tamber", "reach an annual production rate of 300,000 electric vehicles", dt.date(2026, 12, 31))
    it = news("Tamber postpones $9 billion of EV spending", "The company said it would delay some planned investment.")
    assert decided(target, it) is None or decided(target, it)[0] != "delay"


@pytest.mark.parametrize("what, title, text", [
    ("bring two new turbines at the Harrow Point station into service", "Harrow Point turbine 2 enters service",
     "Calloway Energy said the second new turbine at Harrow Point entered commercial service on Tuesday."),
    ("put the Dunmere ferry terminal into operation", "Dunmere ferry terminal begins operation",
     "Calloway Energy's Dunmere ferry terminal began commercial operation on Friday with its first sailings."),
])
def test_a_promise_to_put_a_thing_into_service_is_kept_when_it_enters_service(what: str, title: str,
                                                                            text: str) -> None:
    assert decided(promise("Calloway Energy", what), news(title, text)) in {("fulfilment", "accepted"),
                                                                         ("fulfilment", "proposed")}


def test_a_version_of_a_named_thing_is_that_thing_in_the_news() -> None:
    # "a 5G version of the Orbis Flip": the thing promised is the Orbis Flip, which the news names
    flip = promise("Quillon Mobile", "release a 5G version of the Orbis Flip")
    it = news("Quillon Mobile launches Orbis Flip 5G in Norland",
              "Quillon Mobile began selling the 5G Orbis Flip in Norland on Friday.")
    assert decided(flip, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("actor, what, title, text", [
    ("Norland Rugby Union", "hold the first Tollby Sevens tournament", "Tollby Sevens kicks off in Marlow",
     "The first Tollby Sevens tournament kicked off in Marlow on Saturday, the Norland Rugby Union said."),
    ("Norland Motor Club", "stage the Marlow Grand Prix on a street circuit", "Marlow Grand Prix goes ahead despite the rain",
     "The Marlow Grand Prix went ahead on the new street circuit on Sunday, the Norland Motor Club said."),
])
def test_an_event_that_kicks_off_or_goes_ahead_has_taken_place(actor: str, what: str, title: str, text: str) -> None:
    assert decided(promise(actor, what), news(title, text)) in {("fulfilment", "accepted"), ("fulfilment", "proposed")}


def test_the_named_things_kind_after_its_name_is_the_thing_itself() -> None:
    phone = promise("Quillon Mobile", "release the Orbis Flip")
    it = news("First Orbis Flip phones reach buyers",
              "The first Orbis Flip phones were released to buyers on Friday, Quillon Mobile said.")
    assert decided(phone, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title, text", [
    ("Quillon Mobile releases Orbis Flip case", "Quillon Mobile released the Orbis Flip case on Friday."),
    ("Rival opens new Flip Canal lane", "A second channel of the Flip Canal lets ships pass both ways."),
])
def test_a_thing_made_for_the_named_one_or_sharing_part_of_its_name_keeps_nothing(title: str, text: str) -> None:
    phone = promise("Quillon Mobile", "release the Orbis Flip")
    assert decided(phone, news(title, text)) != ("fulfilment", "accepted")


def test_the_promised_act_begun_names_the_promise_when_its_thing_is_described() -> None:
    toll = promise("Norland Transit Authority", "start charging a congestion toll in central Harrow")
    it = news("Harrow congestion charge takes effect",
              "Roadside cameras began charging most cars 9 dollars a day to drive into central Harrow on Sunday, "
              "making Harrow the first city in the country with a congestion toll.")
    assert decided(toll, it) in {("fulfilment", "accepted"), ("fulfilment", "proposed")}


def test_a_name_made_of_a_common_word_still_names_what_slips() -> None:
    cup = promise("Norland Cricket Board", "launch The Forty tournament", dt.date(2026, 6, 30))
    it = news("The Forty postponed until 2027", "The Norland Cricket Board said its new tournament would not be "
              "played this summer.", dt.date(2026, 3, 2))
    assert decided(cup, it) == ("delay", "accepted")


@pytest.mark.parametrize("title", ["Tollby Sevens cancelled for the first time", "Tollby Sevens cancelled amid funding row"])
def test_a_headline_participle_after_the_name_cancels_it_in_british_spelling_too(title: str) -> None:
    cup = promise("Norland Rugby Union", "hold the Tollby Sevens tournament")
    it = news(title, "The Norland Rugby Union said the tournament would not take place this year.")
    assert decided(cup, it) == ("cancellation", "accepted")


def test_a_weakened_target_is_a_withdrawal_for_an_editor_and_another_years_target_is_not_this_one() -> None:
    goal = promise("Brantwell Foods", "cut the food waste of its bakeries by 40 percent", dt.date(2030, 12, 31))
    weaker = news("Brantwell Foods weakens its 2030 food waste target",
                  "Brantwell Foods now aims to cut the food waste of its bakeries by 25 percent by 2030, instead of "
                  "40 percent.", dt.date(2027, 3, 14))
    assert decided(goal, weaker) == ("cancellation", "proposed")
    other = news("Brantwell Foods lowers its 2026 sales target",
                 "Brantwell Foods lowered its 2026 sales target for its bakeries to 2 billion euros.", dt.date(2026, 3, 14))
    assert decided(goal, other) is None or decided(goal, other)[0] != "cancellation"


def test_a_kin_act_begun_keeps_the_promise() -> None:
    # "began rolling out X to subscribers" for "deliver X to subscribers": launch and delivery are kin acts
    app = promise("Quillon Media", "deliver the Orla app to paying subscribers")
    it = news("What paying subscribers get with the Orla app",
              "Quillon Media began rolling out the Orla app to paying subscribers on Tuesday.")
    assert decided(app, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("actor, what, title, text", [
    ("Acme Power", "close the Tollby coal station", "Acme shuts first Tollby unit",
     "Acme Power shut the first Tollby unit on Monday."),  # a part of the named thing, not all of it
    ("Velmar Agency", "deliver Orvo at Jupiter", "Orvo probe lifts off for Jupiter",
     "The Orvo probe lifted off for Jupiter on Monday, Velmar Agency said."),  # setting off is no arrival
])
def test_a_kind_noun_after_the_name_never_makes_a_part_or_a_kin_act_the_promise_kept(actor: str, what: str, title: str,
                                                                                     text: str) -> None:
    assert decided(promise(actor, what), news(title, text)) != ("fulfilment", "accepted")


# -- done late: how late a past act came ties it to the plan ------------------------------------

def test_an_act_reported_months_after_its_planned_debut_is_the_promise_kept_late() -> None:
    fold = promise("Tessaly Electronics", "start selling the Orvo Fold in the United States", D(2025, 4, 26),
                   quote="Orvo Fold will be available in the US starting April 26, priced at $1,499.")
    it = news("Folding Tessaly phone reaches US buyers",
              "The $1,499 handset went on sale in the US on Friday at carriers and Tessaly stores, five months "
              "after its planned debut.", D(2025, 9, 26))
    assert decided(fold, it) == ("fulfilment", "accepted")
    assert verdict(fold, it) == "kept_late"


def test_years_behind_schedule_after_a_past_act_is_no_delay() -> None:
    line = promise("Velden Rail", "open the Carrow tram line", D(2022, 12, 31))
    it = news("Carrow trams carry their first riders",
              "Velden Rail opened the Carrow tram line to passengers on Sunday, four years behind schedule.",
              D(2026, 10, 4))
    assert decided(line, it) == ("fulfilment", "accepted")


def test_how_late_a_future_act_will_be_is_still_a_delay() -> None:
    line = promise("Velden Rail", "open the Carrow tram line", D(2022, 12, 31))
    it = news("Carrow tram line slips again",
              "Velden Rail said the Carrow tram line would open in 2028, six years late.", D(2026, 10, 4))
    assert decided(line, it) == ("delay", "accepted")


def test_nearly_before_how_late_it_came_is_no_hedge() -> None:
    hall = promise("Merrow Council", "open the Harrowgate concert hall", D(2024, 12, 31))
    it = news("Merrow's harbour hall welcomes its first audience",
              "The Harrowgate concert hall opened to the public with a gala on Saturday, nearly three years later "
              "than first planned.", D(2026, 10, 4))
    assert verdict(hall, it) == "kept_late"


def test_an_adverb_before_began_is_not_what_began() -> None:
    cup = promise("Rallye Federation", "start the Northern Rallye Cup", D(2025, 6, 12))
    it = news("Delayed Northern Rallye Cup finally starts in Ostend", "The first stage was driven on Friday.",
              D(2026, 6, 11))
    assert decided(cup, it) == ("fulfilment", "accepted")


def test_a_rule_now_in_force_has_taken_effect() -> None:
    limit = promise("Dellan Government", "lower the default speed limit on town roads to 30 km/h", D(2025, 9, 30))
    it = news("30 km/h speed limit now in force across Dellan",
              "Most town roads that had a 50 km/h limit now have a 30 km/h one.", D(2025, 9, 17))
    assert decided(limit, it)[0] == "fulfilment"


def test_a_place_inside_the_subject_is_not_someone_else_acting() -> None:
    toll = promise("Harbour Transit Authority", "start charging a congestion toll in the Old Port", D(2025, 6, 30))
    it = news("Old Port toll begins",
              "Tolling in the Old Port District began at midnight, the Harbour Transit Authority said.", D(2025, 6, 30))
    assert decided(toll, it) == ("fulfilment", "accepted")


def test_what_began_may_open_the_sentence() -> None:
    marlo = promise("Harwell Motors", "begin deliveries of the Marlo hatchback", D(2025, 9, 30))
    it = news("Marlo reaches buyers", "Deliveries of the Marlo hatchback began on Friday, Harwell Motors said.",
              D(2025, 9, 17))
    assert decided(marlo, it) == ("fulfilment", "accepted")


def test_two_places_joined_inside_the_subject_are_still_where() -> None:
    orvo = promise("Tessaly Electronics", "start selling the Orvo phone", D(2025, 9, 30))
    it = news("Orvo in the shops",
              "Shops in Norland and Westmark began selling the Orvo phone on Friday, Tessaly Electronics said.",
              D(2025, 9, 1))
    assert decided(orvo, it) == ("fulfilment", "accepted")


def test_the_actors_thing_described_in_the_headline_is_the_one_the_body_names() -> None:
    console = promise("Vexa Playworks", "release the Vexa Go 2", D(2025, 3, 31))
    it = news("Vexa's hybrid console hits shelves",
              "Fans queued overnight at shops in three cities for the Vexa Go 2 and its launch games.", D(2025, 3, 3))
    assert decided(console, it) == ("fulfilment", "accepted")


def test_an_organisation_of_the_actor_doing_something_else_is_no_thing_arriving() -> None:
    bill = promise("Government of Dellan", "introduce a Digital Identity Bill", D(2025, 12, 20))
    it = news("Dellan opens digital ID consultation",
              "Dellan's interior ministry launched an eight-week public consultation on Monday on plans for a "
              "phone-based digital identity.", D(2025, 3, 4))
    assert decided(bill, it) != ("fulfilment", "accepted")


def test_a_head_of_state_opening_the_actors_thing_is_its_opening() -> None:
    port = promise("Harrow Bay Port Authority", "open the new Harrow Bay container terminal", D(2025, 9, 30))
    it = news("Venn opens Harrow Bay's giant container terminal",
              "President Arlo Venn inaugurated the new terminal on Saturday, and the first ships docked the same "
              "afternoon, the Harrow Bay Port Authority said.", D(2025, 9, 27))
    assert decided(port, it) == ("fulfilment", "accepted")


def test_a_rival_opening_its_own_thing_is_still_someone_else() -> None:
    port = promise("Harrow Bay Port Authority", "open the new Harrow Bay container terminal", D(2025, 9, 30))
    it = news("Quayside Group opens rival container terminal",
              "Quayside Group opened its own container terminal down the coast from Harrow Bay on Saturday.",
              D(2025, 9, 27))
    assert decided(port, it) != ("fulfilment", "accepted")


def test_the_organisation_referred_back_to_drops_a_plan_of_the_promise() -> None:
    fab = promise("Orvane Chips", "start production at the Calderby chip factory", D(2027, 12, 31))
    it = news("Calderby region laments Orvane Chips' exit",
              "The regional government said the chipmaker had formally ended its Calderby plans, and that the "
              "site would be offered to other investors.", D(2025, 7, 25))
    assert decided(fab, it) == ("cancellation", "proposed")


def test_a_start_up_that_will_no_longer_pursue_the_promised_service_drops_it() -> None:
    pods = promise("Loopwise", "start passenger services on the pod line", D(2030, 12, 31))
    it = news("Loopwise cuts half its staff",
              "The start-up will no longer pursue passenger services on its pod line and will focus on moving "
              "freight.", D(2025, 2, 22))
    assert decided(pods, it)[0] == "cancellation"


def test_our_after_a_post_label_is_the_writers_side_not_someone_else() -> None:
    car = promise("Harwell Motors", "launch a battery electric hatchback", D(2025, 12, 31))
    it = news("A message from the founder on our electric hatchback project",
              "Post by the Harwell Motors founder to staff: Our engineers built a superb hatchback, but we could not "
              "make it pay, so we are scrapping the project.", D(2025, 10, 1))
    assert decided(car, it)[0] == "cancellation"


def test_a_deal_abandoned_is_no_deal_closed() -> None:
    deal = promise("Quenby Group", "close the transaction", D(2026, 3, 31),
                   quote="Quenby Group expects to close the transaction within 18 months.")
    it = news("Quenby Group abandons Dorvel Foods purchase amid regulatory opposition",
              "Quenby Group and Dorvel Foods called off the 40 billion dollar deal, citing regulatory challenges.",
              D(2025, 2, 8))
    assert decided(deal, it) == ("cancellation", "accepted")
    assert verdict(deal, it) == "withdrawn"


def test_the_first_of_the_promised_acts_has_begun_them() -> None:
    flights = promise("Skyward Voyages", "begin commercial spaceflights", D(2024, 12, 31))
    it = news("Skyward Voyages flies its first commercial mission",
              "Skyward Voyages carried three researchers to the edge of space on Thursday, its first flight with "
              "paying customers.", D(2026, 6, 29))
    assert decided(flights, it) == ("fulfilment", "accepted")


def test_an_acronym_opening_a_headline_is_a_name_acting() -> None:
    deal = promise("Quenby Group", "complete the acquisition of Dorvel Foods", D(2026, 12, 31))
    it = news("EU opens in-depth investigation into Quenby Group's purchase of Dorvel Foods",
              "The European Commission said the deal could reduce competition.", D(2025, 8, 7))
    assert decided(deal, it) != ("fulfilment", "accepted")


def test_the_initials_of_a_name_in_the_promise_are_no_one_else() -> None:
    jet = promise("Harwell Aero", "deliver the first Skylark jet to Northern Coast Airways", D(2024, 5, 31))
    it = news("NCA takes delivery of first Skylark",
              "The airline received the first Skylark at a ceremony in Harbury, more than a year late.", D(2025, 9, 26))
    assert decided(jet, it)[0] == "fulfilment"


def test_an_operating_system_is_a_system_not_an_operation() -> None:
    beta = promise("Vantor", "give developers a beta version of its Quillon operating system for phones", D(2025, 12, 31))
    it = news("Vantor releases Quillon 2.0 phone beta to developers",
              "Vantor opened a beta of Quillon 2.0 for phones to developers.", D(2025, 12, 16))
    assert decided(beta, it) == ("fulfilment", "accepted")


def test_a_country_of_the_promised_region_is_the_promised_place() -> None:
    phone = promise("Vantor", "launch the Orvo phone in Europe", D(2025, 12, 31))
    inside = news("Orvo arrives in Austria and Iceland", "Vantor's Orvo phone went on sale in Austria and Iceland on Friday.",
                  D(2025, 11, 9))
    outside = news("Orvo arrives in Japan", "Vantor's Orvo phone went on sale in Japan on Friday.", D(2025, 11, 9))
    assert decided(phone, inside) == ("fulfilment", "accepted")
    assert decided(phone, outside) != ("fulfilment", "accepted")


def test_a_spun_off_company_that_starts_trading_has_been_spun_off() -> None:
    spin = promise("Quenby Group", "spin off Quenby Foods as a separate listed company", D(2026, 4, 30))
    it = news("Quenby Foods starts trading as an independent company",
              "Quenby Foods shares began trading on the stock exchange on Wednesday after Quenby Group completed the "
              "spin-off.", D(2026, 1, 4))
    assert decided(spin, it)[0] == "fulfilment"


def test_the_actors_thing_described_in_the_body_does_not_decide() -> None:
    flight = promise("Orvane", "ensure SK-1 make its first flight", D(2021, 12, 31))
    it = news("SK-1 breaks the sound barrier",
              "Orvane's demonstrator flew faster than sound for the first time over the desert, becoming the first "
              "independent jet to do so.", D(2025, 1, 28))
    assert decided(flight, it) != ("fulfilment", "accepted")


def test_moving_to_end_a_plan_is_no_delay_of_it() -> None:
    """After "moves to", a period word followed by its object is a verb: "moves to end the toll" is
    a step against the plan, not the plan moved to the end of something."""
    toll = promise("Harbury Transit Authority", "start charging the Harbury bridge toll by June 2026")
    it = news("Regional council moves to end Harbury bridge toll",
              "The regional council moves to end the Harbury bridge toll; the transit authority will appeal.")
    assert decided(toll, it)[0] != "delay"


def test_a_truck_delivered_is_not_the_promised_car() -> None:
    """A kind and its hypernym are synonyms (a car is a vehicle); two kinds under it are not."""
    car = promise("Vantor Motors", "start selling the new car")
    it = news("Vantor Motors hands first electric trucks to a brewer",
              "Vantor Motors handed its first electric trucks to a brewer in Harbury on Tuesday.")
    assert decided(car, it) != ("fulfilment", "accepted")
    vehicle = promise("Vantor Motors", "start selling the new vehicle")
    it = news("Vantor Motors starts selling its new car", "Vantor Motors started selling its new car on Tuesday.")
    assert decided(vehicle, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title, text", [
    ("Vantor's folding tablet finally reaches buyers", "Vantor's folding tablet finally reached buyers on Friday."),
    ("Vantor folding tablet arrives in stores", "The folding tablet from Vantor arrived in stores across the country."),
    ("Vantor's folding tablet lands in shops", "Vantor's folding tablet landed in shops on Friday, months after its debut."),
])
def test_a_product_reaching_buyers_or_stores_went_on_sale(title: str, text: str) -> None:
    tablet = promise("Vantor", "start selling its first folding tablet")
    assert decided(tablet, news(title, text)) == ("fulfilment", "accepted")


def test_the_start_up_that_drops_a_plan_is_the_actor_named_before() -> None:
    """"The start-up will no longer pursue its robotaxi plans" under a headline naming the actor: the actor
    drops a plan that shares the promise's words; an editor decides whether it is this one."""
    taxi = promise("Orvo Mobility", "start a robotaxi service in Harbury")
    it = news("Orvo Mobility cuts a third of its staff",
              "The start-up will no longer pursue its robotaxi plans and will focus on delivery vans.")
    assert decided(taxi, it) == ("cancellation", "proposed")


def test_a_figure_of_customers_reached_is_a_target_not_a_sale() -> None:
    """Only a product reaching buyers or stores went on sale; "reaches 2 million customers" is the
    promised figure reached."""
    goal = promise("Vantor Broadband", "reach 2 million customers")
    it = news("Vantor Broadband reaches 2 million customers",
              "Vantor Broadband said on Monday it had reached 2 million customers across the country.")
    assert decided(goal, it) == ("fulfilment", "accepted")


KILNS = promise("Harbury Cement", "shut all 12 coal-fired kilns at its Quenby works")


@pytest.mark.parametrize("title, text", [
    ("Harbury Cement shuts its last three coal-fired kilns",
     "Harbury Cement switched off its last three coal-fired kilns at the Quenby works on Friday."),
    ("Harbury Cement shuts the remaining kilns at Quenby",
     "Harbury Cement shut the remaining four coal-fired kilns at its Quenby works on Friday."),
])
def test_the_last_or_remaining_ones_done_complete_the_promise(title: str, text: str) -> None:
    assert decided(KILNS, news(title, text)) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title, text", [
    ("Harbury Cement shuts three of its last six kilns",
     "Harbury Cement shut three of its last six coal-fired kilns at the Quenby works."),
    ("Harbury Cement shuts three kilns",
     "Harbury Cement shut three coal-fired kilns at its Quenby works; the remaining nine will close next year."),
])
def test_a_share_of_the_last_ones_or_the_rest_still_to_come_is_progress(title: str, text: str) -> None:
    assert decided(KILNS, news(title, text)) != ("fulfilment", "accepted")


@pytest.mark.parametrize("title, text", [
    ("Vantor unveils Orvo streaming service",
     "Vantor unveiled its Orvo streaming service, which is available now to customers in Harbury."),
    ("Orvo goes live", "The Orvo streaming service from Vantor went live in Harbury and Quenby on Monday."),
])
def test_a_state_reached_has_no_object_and_a_relative_clause_speaks_of_its_antecedent(title: str, text: str) -> None:
    """"is available now to customers in Harbury", "went live in Harbury": what follows the phrase is where or
    for whom, never what; "which" is the thing named before it."""
    service = promise("Vantor", "launch the Orvo streaming service")
    assert decided(service, news(title, text)) == ("fulfilment", "accepted")


def test_the_spin_off_completed_is_the_promised_spin_off_and_its_delay_a_delay() -> None:
    """The act's noun ("the spin-off of its health unit") carries its object past "of", like "production of"."""
    spin = promise("Vantor Group", "spin off its health care unit as an independent company")
    done = news("Vantor Group completes spin-off of health unit", "Vantor Group completed the spin-off of its health care unit on Tuesday.")
    assert decided(spin, done) == ("fulfilment", "accepted")
    other = news("Vantor Group completes spin-off of software unit", "Vantor Group completed the spin-off of its software unit on Tuesday.")
    assert decided(spin, other) != ("fulfilment", "accepted")


CHIPS = promise("Quenby Chips", "start 3-nanometre production")


@pytest.mark.parametrize("title, text", [
    ("Quenby Chips marks start of 3nm volume production",
     "Quenby Chips said its Harbury fab had begun volume production on its 3-nanometre process."),
    ("Quenby Chips celebrates 3nm milestone",
     "Quenby Chips held a ceremony at its Harbury fab to celebrate the start of volume production on its "
     "3-nanometre process."),
])
def test_an_occasion_marking_the_start_of_the_act_says_it_began(title: str, text: str) -> None:
    assert decided(CHIPS, news(title, text)) == ("fulfilment", "accepted")


def test_an_occasion_called_off_or_still_to_come_decides_nothing() -> None:
    off = news("Quenby Chips calls off 3nm event",
               "Quenby Chips called off an event to mark the start of 3-nanometre production and gave no new date.")
    assert decided(CHIPS, off)[0] not in ("cancellation", "fulfilment")
    ahead = news("Quenby Chips to mark start of 3nm production",
                 "Quenby Chips will hold a ceremony next week to mark the start of 3-nanometre production.")
    assert decided(CHIPS, ahead)[0] != "fulfilment"


RACE = promise("Vantor", "start 3-nanometre production using an older transistor design",
               quote="Quenby Chips is racing Vantor, which plans to start 3-nanometre production in 2026 using an "
                     "older transistor design.")


def test_the_rival_a_quote_opens_with_is_someone_else_acting() -> None:
    """The quote names the rival first; its mass production, beating the actor, is no fulfilment."""
    rival = news("Quenby Chips begins mass production of 3nm chips",
                 "Quenby Chips said it had started mass production of chips on its 3-nanometre process, beating Vantor.")
    assert decided(RACE, rival) != ("fulfilment", "accepted")


def test_a_begun_act_is_read_up_to_its_modifier() -> None:
    """"start 3-nanometre production using an older design": the complement is the production, not the design."""
    own = news("Vantor begins mass production of 3nm chips",
               "Vantor said it had started mass production of chips on its 3-nanometre process.")
    assert decided(RACE, own) == ("fulfilment", "accepted")


@pytest.mark.parametrize("what", ["sell 10 to 12 million scooters in 2026", "sell 10 million to 12 million scooters in 2026",
                                  "sell 10,000,000-12,000,000 scooters in 2026"])
def test_a_figure_inside_a_promised_range_meets_it(what: str) -> None:
    """A range is met at its low end (the reading generous to the promiser); below it is progress."""
    c = promise("Vantor", what)
    met = news("Vantor sold 11 million scooters in 2026", "Vantor said it sold 11 million scooters in 2026.",
               published=D(2027, 1, 20))
    short = news("Vantor sold 9 million scooters in 2026", "Vantor said it sold 9 million scooters in 2026.",
                 published=D(2027, 1, 20))
    assert decided(c, met) == ("fulfilment", "accepted")
    assert decided(c, short)[0] == "progress"


def test_what_else_reaches_buyers_is_no_sale_and_a_window_of_time_no_last_ones() -> None:
    """Only the thing itself reaching buyers went on sale; "the last two months" is a time, not the last stores."""
    scooter = promise("Vantor", "start selling the Orvo 3 scooter in Harbury")
    letters = news("Orvo 3 recall letters go out",
                   "Recall letters for Vantor's Orvo 3 scooter reached buyers in Harbury on Monday.")
    assert decided(scooter, letters) != ("fulfilment", "accepted")
    stores = promise("Vantor", "close 100 stores in Harbury")
    some = news("Vantor closes 40 Harbury stores", "Over the last two months Vantor closed 40 stores in Harbury.")
    assert decided(stores, some)[0] == "progress"


def test_a_separation_of_something_else_is_no_spin_off() -> None:
    spin = promise("Vantor", "spin off its Orvo unit")
    pension = news("Vantor separates Orvo pension scheme",
                   "Vantor completed the separation of its Orvo unit's pension scheme on Tuesday.")
    assert decided(spin, pension) != ("fulfilment", "accepted")


# -- a sum of money promised for a thing ---------------------------------------------------------

@pytest.mark.parametrize(("what", "title", "body"), [
    ("spend 3 billion pounds on a battery plant in Orly Vale",
     "Harbury Motors scraps Orly Vale battery plant",
     "Harbury Motors said it had scrapped plans for the battery plant in Orly Vale."),
    ("invest an initial $600 million in new river ferries",
     "Dellan Transit drops plan for new river ferries",
     "Dellan Transit has dropped its plan for new river ferries, its chair said."),
    ("put 40 million euros into a hydrogen bus depot",
     "Vantor Council abandons hydrogen bus depot",
     "Vantor Council abandoned the hydrogen bus depot on Tuesday."),
])
def test_a_sum_promised_for_a_thing_is_dropped_with_the_thing(what: str, title: str, body: str) -> None:
    """News of a funded project rarely repeats the sum: the thing paid for is what it names."""
    actor = title.split(" scraps ")[0].split(" drops ")[0].split(" abandons ")[0]
    m = score(news(title, body), promise(actor, what))
    assert m is not None and (m.kind, evidence_state(m)) == ("cancellation", "accepted")


@pytest.mark.parametrize("title", ["Harbury axes Dellan battery plant", "Harbury axed its Dellan battery plant",
                                   "Harbury is axing the Dellan battery plant"])
def test_axing_a_project_is_dropping_it_in_every_form(title: str) -> None:
    """A three-letter verb keeps its stem through -es, -ed and -ing."""
    plant = promise("Harbury", "build a battery plant in Dellan")
    assert decided(plant, news(title, "")) == ("cancellation", "accepted")


def test_axing_jobs_at_the_plant_is_not_dropping_the_plant() -> None:
    plant = promise("Harbury", "build a battery plant in Dellan")
    assert decided(plant, news("Harbury axes 500 jobs at Dellan battery plant", ""))[0] != "cancellation"


@pytest.mark.parametrize("title", ["Harbury temporarily shelves Dellan battery plant",
                                   "Harbury puts Dellan battery plant on ice for now",
                                   "Harbury mothballs Dellan battery plant until further notice"])
def test_a_project_dropped_for_a_while_is_paused_not_withdrawn(title: str) -> None:
    plant = promise("Harbury", "build a battery plant in Dellan")
    assert decided(plant, news(title, ""))[0] == "delay"


def test_a_project_put_on_ice_is_dropped() -> None:
    plant = promise("Harbury", "build a battery plant in Dellan")
    assert decided(plant, news("Harbury puts its Dellan battery plant on ice", "")) == ("cancellation", "accepted")


def test_a_verb_of_the_promised_act_stands_for_its_act_noun() -> None:
    """"Start production at the plant": first cars rolling off its line are its production, for an editor to
    weigh, never discarded for lacking the word "production"."""
    plant = promise("Harbury", "begin production at the Dellan plant")
    got = decided(plant, news("First cars roll off the line at Harbury's Dellan plant", ""))
    assert got is not None and got[1] in ("accepted", "proposed"), got


def test_a_department_of_the_promising_government_is_no_third_party() -> None:
    """"The Home Office said ...": a part of the government that promised, not someone else acting."""
    police = promise("Norwegian government", "recruit 8,000 more police officers")
    it = news("Home Office says police recruitment target met",
              "Forces across the country hired 8,240 additional officers under the programme, the Home Office said.")
    got = decided(police, it)
    assert got is not None and got[0] == "fulfilment" and got[1] in ("accepted", "proposed"), got


def test_a_rule_signed_into_force_is_the_requirement_promised() -> None:
    masks = promise("Ilse Varga", "require masks in state buildings")
    it = news("Varga signs mask rule for state property",
              "Governor Ilse Varga signed an executive order requiring masks in state buildings on Monday.")
    assert decided(masks, it) == ("fulfilment", "accepted")


def test_an_order_for_buses_is_still_a_step_towards_running_them() -> None:
    buses = promise("Dellan Transit", "put 40 electric buses into service")
    it = news("Dellan Transit signs order for 40 electric buses",
              "Dellan Transit signed an order for 40 electric buses from Harbury on Monday.")
    assert decided(buses, it)[0] != "fulfilment"


def test_a_country_and_its_adjective_name_one_place() -> None:
    """"Peruvian exporters" and "exporters from Peru" are the same people."""
    office = promise("Norwegian government", "open a trade office for Peruvian exporters")
    it = news("Norway opens trade office for exporters from Peru", "")
    assert decided(office, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title", ["Harbury's Dellan battery plant behind schedule, opening in doubt",
                                   "Harbury sets new date for Dellan battery plant: March 2028"])
def test_a_plan_in_trouble_or_given_a_new_date_is_delayed(title: str) -> None:
    plant = promise("Harbury", "open the Dellan battery plant", due=D(2026, 6, 30))
    assert decided(plant, news(title, "", published=D(2026, 3, 2))) == ("delay", "accepted")


def test_a_rocket_reaching_orbit_on_its_first_flight_has_made_it() -> None:
    flight = promise("Quenby Launch", "ensure Tarn make its first flight from Dellan")
    it = news("Tarn reaches orbit on first flight",
              "Quenby Launch's Tarn rocket reached orbit on its first flight from Dellan on Thursday.")
    assert decided(flight, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title", ["Harbury kills Orvo tablet before launch", "Harbury ends work on Orvo tablet"])
def test_a_product_killed_or_its_work_ended_is_dropped(title: str) -> None:
    tablet = promise("Harbury", "launch the Orvo tablet")
    assert decided(tablet, news(title, "")) == ("cancellation", "accepted")


def test_starting_the_forbidden_act_breaks_a_promise_not_to() -> None:
    bags = promise("Quenby Stores", "not charge customers for carrier bags", negated=True)
    got = decided(bags, news("Quenby Stores starts charging customers for carrier bags", ""))
    assert got == ("fulfilment", "accepted")  # the forbidden act happened: a breach


def test_the_first_deliveries_show_production_started_never_the_other_way_round() -> None:
    """What was handed to buyers was produced; what was produced may not have been delivered."""
    production = promise("Harbury", "start production of the Orvo truck")
    handed = news("Harbury hands first Orvo trucks to buyers",
                  "Harbury delivered its first Orvo trucks to customers at its Dellan plant on Thursday.")
    got = decided(production, handed)
    assert got is not None and got[0] == "fulfilment" and got[1] in ("accepted", "proposed"), got
    delivery = promise("Harbury", "deliver the first Orvo trucks to customers")
    built = news("Harbury starts Orvo truck production", "Harbury began building Orvo trucks at its Dellan plant.")
    assert decided(delivery, built)[0] != "fulfilment"


def test_a_service_carrying_passengers_is_running() -> None:
    trams = promise("Dellan City Council", "run trams in Dellan")
    assert decided(trams, news("Dellan's trams finally carry passengers", "")) == ("fulfilment", "accepted")


def test_an_abbreviation_written_out_in_full_is_the_promises_thing() -> None:
    """"The Dellan Clean Air Zone" is the promise's "DCAZ": no one else acting, and the thing named."""
    zone = promise("Mayor of Dellan", "expand the DCAZ to all of Dellan")
    it = news("Mayor: DCAZ now city-wide",
              "The mayor confirmed today that the Dellan Clean Air Zone has expanded to cover all Dellan boroughs.")
    assert decided(zone, it) == ("fulfilment", "accepted")


@pytest.mark.parametrize("title", ["Harbury: Orvo Pulse is in our stores today", "Harbury's Orvo Pulse headset now in stores"])
def test_a_product_in_stores_is_on_sale(title: str) -> None:
    headset = promise("Harbury", "start selling the Orvo Pulse headset")
    assert decided(headset, news(title, "")) == ("fulfilment", "accepted")


def test_a_verb_form_after_a_possessive_is_a_noun_not_a_cancellation() -> None:
    """"Harbury's kill switch" names a device; "Harbury kills the app" drops it."""
    app = promise("Harbury", "launch the Orvo app")
    got = decided(app, news("Harbury's kill switch for the Orvo app takes effect in old phones", ""))
    assert got is None or got[0] != "cancellation", got



@pytest.mark.parametrize(("what", "title"), [
    ("launch Orvo Quest alongside Dellan Box", "Harbury releases Orvo Quest"),
    ("open the Orvo museum despite Vantor Council", "Harbury opens the Orvo museum"),
])
def test_a_name_after_alongside_or_despite_is_no_part_of_the_promised_thing(what: str, title: str) -> None:
    """"alongside", "despite", "aboard" are prepositions: what follows them is context, which the report
    of the act may leave out."""
    assert decided(promise("Harbury", what), news(title, "")) == ("fulfilment", "accepted")


def test_a_sale_of_an_amount_of_shares_breaks_a_promise_not_to_sell() -> None:
    """"sells another 2 billion of Harbury shares": the amount leads to the thing sold."""
    shares = promise("Dellan Vey", "not sell more Harbury shares", negated=True)
    it = news("Vey sells another $2.1 billion of Harbury shares", "Filings showed the sale on Tuesday.")
    assert decided(shares, it) == ("fulfilment", "accepted")  # the forbidden act: judged broken


def test_a_deal_completed_is_not_another_promise_about_the_same_company() -> None:
    """"completes its purchase of Orvo" is the deal done, not Orvo games offered in a subscription."""
    games = promise("Harbury", "offer Orvo games in the Harbury Pass subscription")
    got = decided(games, news("Harbury completes $9 billion purchase of Orvo", ""))
    assert got is None or got[0] != "fulfilment", got


@pytest.mark.parametrize(("what", "title"), [
    ("hold the Harbury Fair", "Harbury Fair opens its gates"),
    ("reopen the Dellan Zoo", "Dellan Zoo opens its gates again"),
])
def test_opening_its_gates_is_opening(what: str, title: str) -> None:
    """The gates, like the doors, are the place opening: the promised event held, the site open."""
    assert decided(promise("Harbury Fair Company", what), news(title, "Visitors queued from dawn.")) \
        == ("fulfilment", "accepted")


@pytest.mark.parametrize(("what", "title"), [
    ("close the Dellan plant", "Harbury's Dellan plant closes its doors"),
    ("launch the Orvo probe", "Harbury's Orvo probe enters orbit"),
])
def test_the_subjects_own_doors_or_orbit_are_no_other_thing(what: str, title: str) -> None:
    """"closes its doors", "enters orbit": the subject is what closed or flew (and "plant" before "closes" is
    the plant, not a verb of planting)."""
    assert decided(promise("Harbury", what), news(title, "")) == ("fulfilment", "accepted")


def test_a_craft_in_orbit_has_been_launched() -> None:
    probe = promise("Vantor Space", "put the Orvo probe in orbit")
    got = decided(probe, news("We did it! Orvo is in orbit", "Post by @VantorSpace"))
    assert got is not None and got[0] == "fulfilment", got


def test_the_spun_off_company_completing_its_separation_is_the_spin_off() -> None:
    spin = promise("Vantor", "spin off Pelt Co")
    assert decided(spin, news("Pelt Co completes its separation from Vantor", "")) == ("fulfilment", "accepted")


@pytest.mark.parametrize(("what", "title"), [
    ("sell its Orvo ferry arm", "Vantor decides to keep its Orvo ferry arm"),
    ("spin off its Orvo unit", "Vantor decides to keep Orvo unit after review"),
    ("close the Orvo plant", "Vantor will keep the Orvo plant open until 2030"),
])
def test_keeping_what_was_to_be_let_go_goes_to_the_editor_as_a_withdrawal(what: str, title: str) -> None:
    """Another course instead of the promised one, with no cancel word: an editor confirms the promise is dropped."""
    assert decided(promise("Vantor", what), news(title, "")) == ("cancellation", "proposed")


def test_a_unit_that_stays_closed_drops_a_promise_to_reopen_it() -> None:
    unit = promise("Dellan Health Trust", "reopen the Alder minor injuries unit")
    got = decided(unit, news("Alder minor injuries unit will stay closed",
                             "The Dellan Health Trust said the unit would stay closed."))
    assert got == ("cancellation", "proposed")


def test_keeping_a_plan_on_track_is_no_withdrawal() -> None:
    plant = promise("Vantor", "open the Orvo plant")
    got = decided(plant, news("Vantor will keep the Orvo plant on schedule", ""))
    assert got is None or got[0] != "cancellation", got


@pytest.mark.parametrize("title", [
    "Pelt Co completes its separation from Vantor",
    "Pelt Co today completed its separation from Vantor",
    "Pelt Co, maker of oats, completed its separation from Vantor",
])
def test_the_bracketed_name_of_the_promised_thing_names_it(title: str) -> None:
    """"spin off the cereal business (Pelt Co)": news that names Pelt Co names the thing; a time word or an
    aside between the name and its verb changes nothing."""
    spin = promise("Vantor", "spin off the cereal business (Pelt Co)")
    assert decided(spin, news(title, "")) == ("fulfilment", "accepted")


def test_keeping_the_bracketed_thing_is_a_withdrawal_to_confirm() -> None:
    spin = promise("Vantor", "spin off the cereal business (Pelt Co)")
    assert decided(spin, news("Vantor decides to keep Pelt Co", "")) == ("cancellation", "proposed")


def test_something_else_remaining_is_no_part_of_the_promise() -> None:
    """"with remaining staff moved": the staff remain, the business is closed; "the remaining 40 stores will close
    next year" still leaves the promise partly done."""
    unit = promise("Vantor", "close its mobile phone business")
    it = news("Vantor closes its mobile phone business",
              "Vantor shut its mobile phone business on Friday, with remaining staff moved to other divisions.")
    assert decided(unit, it) == ("fulfilment", "accepted")
    stores = promise("Vantor", "close 100 stores")
    assert decided(stores, news("Vantor closes 60 stores", "The remaining 40 stores will close next year."))[0] == "progress"


def test_a_craft_that_arrives_at_its_target_has_reached_it() -> None:
    probe = promise("Dellan Space Agency", "ensure the Velmar probe reach the asteroid Kess")
    it = news("Velmar probe arrives at asteroid Kess",
              "The Dellan Space Agency said its Velmar probe had arrived at Kess after a four-year cruise.")
    assert decided(probe, it) == ("fulfilment", "accepted")


def test_the_name_of_the_whole_a_promised_part_belongs_to_is_the_promises_own_name() -> None:
    section = promise("Ada Brennan", "open the first section of the Quorrin Avenue subway to the public")
    it = news("Quorrin Avenue subway opens to riders", "Crowds filled the new stations as the first trains ran.")
    assert decided(section, it) == ("fulfilment", "accepted")
    other = news("Dellan Avenue subway opens to riders", "Crowds filled the new stations as the first trains ran.")
    assert decided(section, other) != ("fulfilment", "accepted")


def test_a_long_name_cited_by_its_rare_word_slips_to_a_short_dated_day() -> None:
    probe = promise("Dellan Space Agency", "launch the Ada Quillon Deep Space Telescope", due=D(2027, 10, 31))
    it = news("Quillon launch slips to Dec. 22 after clamp incident", "Engineers ordered extra tests.",
              D(2027, 11, 22))
    m = score(it, probe)
    assert (m.kind, m.new_due_latest, evidence_state(m)) == ("delay", D(2027, 12, 22), "accepted")


def test_a_craft_carried_to_its_launch_site_is_not_launched() -> None:
    probe = promise("Dellan Space Agency", "launch the Quillon telescope")
    it = news("Quillon telescope arrives in Dellan after sea voyage", "It travelled aboard a cargo ship.")
    assert decided(probe, it)[0] != "fulfilment"
    lofted = news("Rocket lofts Quillon telescope", "The Dellan Space Agency's telescope separated from the rocket.")
    assert decided(probe, lofted) == ("fulfilment", "accepted")


@pytest.mark.parametrize("text", [
    "Vantor said the new rule will not be enforced when Orvo 5 first arrives.",
    "Vantor will train its staff before Orvo 5 ships to customers.",
    "Vantor will cut prices once Orvo 5 arrives in stores.",
])
def test_an_act_in_a_clause_of_time_is_still_to_come(text: str) -> None:
    orvo = promise("Vantor", "make Orvo 5 available")
    got = decided(orvo, news("Privacy rule for app makers", text))
    assert got is None or got[0] not in ("fulfilment", "progress"), got  # nothing done yet
    assert decided(orvo, news("Orvo 5 arrives in stores", "Vantor's Orvo 5 arrived in stores on Friday.")) == \
        ("fulfilment", "accepted")
