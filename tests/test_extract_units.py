"""The extractor's parts on their own: sentences, actors, cues, the `what`, anchors.

All names and texts are invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.extract.actors import ActorIndex, Focus, initials, is_third_party
from tracker.extract.anchors import anchor_deadline, find_event_phrase
from tracker.extract.canonical import base_form, describe, strip_deadline
from tracker.extract.cues import find_cues, read_clause
from tracker.language.sentences import split_sentences

# -- sentences ---------------------------------------------------------------------


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dr. Ana Ruiz spoke first. Mr. Holt spoke next.", ["Dr. Ana Ruiz spoke first.", "Mr. Holt spoke next."]),
        ("Sales rose 4.5 percent in Sept. to a record.", ["Sales rose 4.5 percent in Sept. to a record."]),
        ("It opened in the U.S. in May. Then it grew.", ["It opened in the U.S. in May.", "Then it grew."]),
        ('"We will win," she said. "Then we rest."', ['"We will win," she said.', '"Then we rest."']),
        ("Is it ready? Not yet! Soon.", ["Is it ready?", "Not yet!", "Soon."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_headlines_bullets_and_offsets() -> None:
    text = "Brant Mills to grow\n\nBrant Mills will grow. It said so.\nKey points:\n- Two new lines.\n* A visitor centre.\n"
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Brant Mills to grow", "Brant Mills will grow.", "It said so.", "Key points:", "Two new lines.", "A visitor centre.",
    ]
    assert sents[0].headline and not any(s.headline for s in sents[1:])
    assert [s.bullet for s in sents[-2:]] == [True, True]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_dateline_is_not_part_of_the_sentence() -> None:
    sents = split_sentences("TARNBY, March 4, 2025 -- Brant Mills will add two lines. It said so.")
    assert sents[0].text == "Brant Mills will add two lines."


def test_hard_wrapped_paragraph_is_joined() -> None:
    text = "Brant Mills will add two milling lines at its\nTarnby site by the end of 2026, it said.\n"
    assert texts(text) == ["Brant Mills will add two milling lines at its\nTarnby site by the end of 2026, it said."]


def test_quotation_attribution_reaches_every_sentence_of_the_quote() -> None:
    text = '"We will build it. We will staff it too," said chief executive Oskar Lind. "And we will open it."'
    sents = split_sentences(text)
    speakers = [s.quotes[0].speaker for s in sents]
    assert speakers == ["chief executive Oskar Lind"] * 3
    speaker_before = split_sentences('Lind said: "We will open the mill next year."')[0].quotes[0].speaker
    assert speaker_before == "Lind"


# -- actors -----------------------------------------------------------------------------

ACTOR_TEXT = (
    "The Kessbury Water Authority (KWA) said on Monday it would reline the Holt tunnel. "
    "KWA director Sana Roy said the work was overdue. Kessbury Water employs 900 people. "
    "Rival operator Tamsin Utilities said it doubted the plan. Brant Mills chief executive Oskar Lind said nothing."
)


def test_index_finds_organisations_people_and_aliases() -> None:
    index = ActorIndex(ACTOR_TEXT)
    kwa = index.find_org("KWA")
    assert kwa is not None and kwa.name == "Kessbury Water Authority"
    assert {"KWA", "Kessbury Water"} <= kwa.aliases
    roy = index.person_by_mention("Roy")
    assert roy is not None and roy.affiliation is kwa
    assert index.person_by_mention("Oskar Lind").affiliation.name == "Brant Mills"
    assert index.find_org("Tamsin Utilities").third_party


@pytest.mark.parametrize(
    "phrase, kind, name",
    [
        ("the authority", "actor", "Kessbury Water Authority"),
        ("The KWA", "actor", "Kessbury Water Authority"),
        ("it", "actor", "Kessbury Water Authority"),
        ("Roy", "actor", "Sana Roy"),
        ("analysts at Perrin Capital", "third", None),
        ("some residents", "third", None),
        ("the new tunnel lining", "thing", None),
        ("KWA's new tunnel", "thing", "Kessbury Water Authority"),
    ],
)
def test_resolve_subject_phrases(phrase: str, kind: str, name: str | None) -> None:
    index = ActorIndex(ACTOR_TEXT)
    got_kind, ent = index.resolve(phrase, Focus(org=index.find_org("KWA")))
    assert got_kind == kind
    assert (ent.name if ent else None) == name


def test_initials_and_third_parties() -> None:
    assert initials("Norrvik Rail and Bus Authority") == "NRBA"
    assert initials("Port of Tarnby Harbour-Board") == "PTHB"
    assert is_third_party("Industry analysts") and is_third_party("Several shareholders")
    assert not is_third_party("The authority")


# -- cues ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, family",
    [
        ("Brant Mills will add a line.", "will"),
        ("Brant Mills won't add a line.", "will"),
        ("Brant Mills is set to add a line.", "set_to"),
        ("Brant Mills is going to add a line.", "going_to"),
        ("Brant Mills plans to add a line.", "plan"),
        ("Brant Mills aims to add a line.", "aim"),
        ("Brant Mills pledged on Friday to add a line.", "pledge"),
        ("Brant Mills targets a 10 percent cut in waste.", "target"),
        ("Brant Mills expects the line to be ready in May.", "expect"),
    ],
)
def test_cue_families(sentence: str, family: str) -> None:
    assert [c.family for c in find_cues(sentence)] == [family]


def test_no_cue_in_nouns_or_past_tense() -> None:
    assert find_cues("The free will of the board prevailed.") == []
    assert find_cues("Brant Mills added a line in 2019.") == []


def test_clause_reading_finds_frame_subject_and_negation() -> None:
    sentence = "Lind said the company will not close the Holt mill before 2027, as staff had feared."
    cue = find_cues(sentence)[0]
    clause = read_clause(sentence, cue, None, None)
    assert clause.frame_kind == "speech" and clause.frame_speaker == "Lind"
    assert clause.subject == "the company"
    assert clause.negated and clause.reject is None
    assert sentence[clause.vp_start : clause.vp_end] == "close the Holt mill before 2027"


# -- the `what` ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word, base",
    [("cutting", "cut"), ("replacing", "replace"), ("adding", "add"), ("installing", "install"),
     ("halving", "halve"), ("keeping", "keep"), ("priced", "price"), ("made", "make"), ("plans", "plan"),
     ("opening", "open"), ("shipping", "ship"), ("charged", "charge"), ("recycled", "recycle"), ("handled", "handle"),
     ("used", "use"), ("freed", "free"), ("called", "call"),
     # spelling alone leaves a non-word; the English word wins, and a stem that is a word stays
     ("included", "include"), ("declared", "declare"), ("outlined", "outline"), ("tuned", "tune"),
     ("opened", "open"), ("delivered", "deliver"), ("hopping", "hop"), ("severed", "sever")],
)
def test_base_form(word: str, base: str) -> None:
    assert base_form(word) == base


@pytest.mark.parametrize(
    "vp, subject, thing, negated, deadline, what",
    [
        ("open a mill in Lund by June, marking a shift in strategy", "Brant Mills", False, False, "by June", "open a mill in Lund"),
        ("be charged for the work", "Customers", True, True, None, "not charge customers for the work"),
        ("be available on 3 May", "A free trial", True, False, "on 3 May", "make a free trial available"),
        ("be made redundant without notice", "No miller", True, True, None, "not make miller redundant without notice"),
        ("open in time for the season", "The new ground", True, False, "in time for the season", "open the new ground"),
        ("match the bus network", "fares", True, False, None, "ensure fares match the bus network"),
        ("hire 1,500 staff by May", "It", False, False, "by May", "hire 1,500 staff"),
    ],
)
def test_describe(vp: str, subject: str, thing: bool, negated: bool, deadline: str | None, what: str) -> None:
    assert describe(vp, subject=subject, thing_subject=thing, negated=negated, family="will", deadline=deadline) == what


# -- anchors ------------------------------------------------------------------------------------


def test_event_deadline_from_a_date_elsewhere_in_the_text() -> None:
    sents = split_sentences(
        "The club will finish the stand before the 2026 Tarnby Cup. The 2026 tournament is set to begin on May 9."
    )
    assert find_event_phrase(sents[0].text) == ("before the 2026 Tarnby Cup", 31)
    assert anchor_deadline("before the 2026 Tarnby Cup", sents, 0, dt.date(2025, 6, 1)) == dt.date(2026, 5, 8)
    assert anchor_deadline("in time for the 2026 Tarnby Cup", sents, 0, dt.date(2025, 6, 1)) == dt.date(2026, 5, 9)
    assert anchor_deadline("by the end of 2026", sents, 0, dt.date(2025, 6, 1)) is None


def test_no_anchor_when_the_text_does_not_date_the_event() -> None:
    sents = split_sentences("The club will finish the stand before the 2026 Tarnby Cup. Fans are delighted.")
    assert anchor_deadline("before the 2026 Tarnby Cup", sents, 0, dt.date(2025, 6, 1)) is None


@pytest.mark.parametrize("text, what", [
    ("We expect our coal output to decline by 3 percent a year through 2030.", "have our coal output decline by 3 percent a year"),
    ("We expect revenue to be about 4 billion euros in 2026.", "deliver revenue of about 4 billion euros"),
    ("We expect the first deliveries to customers in late 2026.", "deliver the first deliveries to customers"),
])
def test_own_guidance_with_an_infinitive_says_what_is_expected(text: str, what: str) -> None:
    from tracker.extract.extractor import read_text
    got = read_text(text, dt.date(2025, 2, 11), publisher="Harwell Mining")
    assert [c.what for c in got.commitments] == [what]


@pytest.mark.parametrize("text, what", [
    ('"No depots will shut because of the merger," chief executive Ines Varga of Norvik Freight said.',
     "ensure depots do not shut"),
    ('"No worker at the Velm mine will be made redundant," chief executive Ines Varga of Norvik Mining said.',
     "not make worker at the Velm mine redundant"),
])
def test_a_negated_thing_subject_says_what_will_not_happen(text: str, what: str) -> None:
    from tracker.extract.extractor import read_text
    got = read_text(text, dt.date(2025, 2, 11))
    assert [c.what for c in got.commitments] == [what]


def test_a_sentence_may_open_with_a_name_in_lower_case() -> None:
    from tracker.language.sentences import split_sentences
    got = [s.text for s in split_sentences("We will ship the new model in May. iZephyr will follow in June. "
                                           "It costs approx. three dollars.")]
    assert got == ["We will ship the new model in May.", "iZephyr will follow in June.", "It costs approx. three dollars."]


@pytest.mark.parametrize("vp,deadline,want", [
    ("list the ferry arm in a share sale expected in 2027 and pay off its debt", "in 2027",
     "list the ferry arm in a share sale and pay off its debt"),
    ("pause work on new apps for the next six months and move staff to support", "next six months",
     "pause work on new apps and move staff to support"),
    ("keep fares at two pounds until the end of 2026", "the end of 2026", "keep fares at two pounds"),
    ("planned for 2027", "for 2027", "planned"),
])
def test_the_words_leading_into_a_date_go_with_it(vp: str, deadline: str, want: str) -> None:
    assert strip_deadline(vp, deadline).strip() == want


@pytest.mark.parametrize("sentence,subject", [
    ("Under the new rules, agreed by the board in May, all buses will be electric by 2028.", "all buses"),
    ("In Quenby, where the fee started last year, every taxi will be electric by 2027.", "every taxi"),
    ("For the first phase, funded by the state, the council will build 200 homes by 2027.", "the council"),
])
def test_an_aside_after_a_fronted_phrase_is_no_subject(sentence: str, subject: str) -> None:
    cue = find_cues(sentence)[0]
    assert read_clause(sentence, cue, None, None).subject == subject


@pytest.mark.parametrize("word,base", [("bringing", "bring"), ("hanging", "hang"), ("changing", "change"),
                                       ("arranging", "arrange"), ("springing", "spring")])
def test_a_verb_ending_in_ng_keeps_its_spelling(word: str, base: str) -> None:
    assert base_form(word) == base
