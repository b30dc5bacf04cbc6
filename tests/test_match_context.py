"""A promise belongs to the project its announcement's title (or the sentence before it) names, and news
cites the project.

"It is due to land at the crater in 2029", stated under "Agency names its Velmar probe", is a promise
about the Velmar probe; a later "Velmar landing slips to 2031" is news of it, though the promise's
own words never say "Velmar". The title's names are carried with the promise (as the quote's are)
and count as its names; they never stand in for the act. Every name here is made up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from tests.verdicts import decided, news, promise
from tracker import db
from tracker.config import Config
from tracker.evidence import Matcher
from tracker.intake import save_extraction
from tracker.match import evidence_state, score
from tracker.matching.profile import profile
from tracker.pipeline import extract_source, status_rules

ANNOUNCEMENT = """date: 2025-01-10
source: Orbit Desk

Orlen agency names its Velmar probe

Orlen Space Agency named its new probe on Friday. The probe is scheduled to launch in May 2027 on a
Vandor rocket. It is due to reach the Norcap basin in March 2029.
"""


def test_the_announcements_title_travels_with_its_promises(db_url, tmp_path) -> None:
    path = tmp_path / "velmar.txt"
    path.write_text(ANNOUNCEMENT, encoding="utf-8")
    config = Config()
    config.database.url = db_url
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    found, src, day = extract_source(str(path), config)
    with db.write_session(engine) as session:
        save_extraction(session, src, found.commitments + found.proposals, published=day, by="test",
                        today=dt.date(2025, 1, 10), rules=status_rules(config))
    with db.read_session(engine) as session:
        docs = list(Matcher.load(session).docs.values())
    engine.dispose()
    assert docs and {d.context for d in docs} == {"Orlen agency names its Velmar probe"}
    assert any("named its new probe" in (d.lead_in or "") for d in docs)  # the words before each quote


def test_the_titles_project_doing_the_promised_act_is_the_actor_keeping_it() -> None:
    launch = promise("Orlen Space Agency", "launch on a Vandor rocket", dt.date(2027, 5, 31),
                     quote="The probe is scheduled to launch in May 2027 on a Vandor rocket.")
    it = news("Velmar probe lifts off", "The Velmar probe lifted off on a Vandor rocket on Tuesday, "
              "Orlen Space Agency said.", dt.date(2027, 5, 2))
    assert decided(launch, it) != ("fulfilment", "accepted")  # untitled, "Velmar" is someone else
    titled = replace(launch, context="Orlen agency names its Velmar probe")
    assert decided(titled, it) == ("fulfilment", "accepted")


def test_a_slip_of_the_titles_project_is_a_delay_of_the_promise() -> None:
    launch = replace(promise("Orlen Space Agency", "launch on a Vandor rocket", dt.date(2027, 5, 31)),
                     context="Orlen agency names its Velmar probe")
    it = news("Velmar launch slips to 2028", "Orlen Space Agency said the launch of the Velmar probe would "
              "move to March 2028 after a fault in its engine.", dt.date(2027, 2, 2))
    assert decided(launch, it)[0] == "delay"


def test_the_titles_names_alone_do_not_make_anothers_act_ours() -> None:
    titled = replace(promise("Orlen Space Agency", "reach the Norcap basin", dt.date(2029, 3, 31)),
                     context="Orlen agency names its Velmar probe")
    it = news("Rival agency's Tessar probe reaches the Norcap basin",
              "The Tessar probe of the Kaldor agency reached the Norcap basin on Tuesday.", dt.date(2028, 5, 2))
    m = score(it, titled)
    assert m is None or evidence_state(m) != "accepted"


HUB = promise("Harbury Airports", "open the hub", dt.date(2026, 6, 3),
              quote="The company said on Friday that the hub will open on June 3, 2026.")
HUB_LEAD_IN = "Harbury Airports is building the Quenby Gateway terminal on the edge of the old airfield. "


def test_the_sentence_before_the_promise_names_its_unnamed_thing() -> None:
    """"The hub will open in June", after a sentence naming the Quenby Gateway: news of the Quenby Gateway's
    opening moving is news of the promise, which names no hub of its own."""
    it = news("Quenby Gateway opening pushed back to March 2027",
              "Harbury Airports said on Monday that the Quenby Gateway would now open in March 2027.",
              dt.date(2026, 2, 2))
    assert decided(HUB, it) is None or decided(HUB, it)[1] != "accepted"
    assert decided(replace(HUB, lead_in=HUB_LEAD_IN), it) == ("delay", "accepted")


def test_a_place_in_the_sentence_before_is_not_the_things_name() -> None:
    """A country or a nationality there says where, not what: news of the actor's works in that country
    elsewhere never becomes news of the promise."""
    doc = replace(HUB, lead_in="Harbury Airports, which runs hubs across France and Spain, is building a "
                               "terminal on the edge of the old airfield. ")
    it = news("Harbury Airports' French terminal opening pushed back to March 2027",
              "Harbury Airports said on Monday that its terminal in France would now open in March 2027.",
              dt.date(2026, 2, 2))
    assert profile(doc).bonus == profile(HUB).bonus
    assert decided(doc, it) is None or decided(doc, it)[1] != "accepted"


def test_a_promise_with_a_name_of_its_own_takes_none_from_the_sentence_before() -> None:
    """"have the Orvo 5 go on sale", after a sentence about the Orvo Fold: news of the Fold's slip is not
    news of the Orvo 5."""
    phone = promise("Harbury", "have the Orvo 5 phone go on sale in Portugal", dt.date(2026, 3, 8))
    led = replace(phone, lead_in="Harbury also showed its folding Orvo Fold, due later in the spring. ")
    it = news("Harbury postpones Orvo Fold", "Harbury said on Monday that it had postponed the Orvo Fold "
              "to the autumn after screen faults.", dt.date(2026, 2, 20))
    assert profile(led).bonus == profile(phone).bonus
    assert decided(led, it) == decided(phone, it) and decided(led, it)[1] != "accepted"
