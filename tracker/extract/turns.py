"""Speaker turns in transcripts: interviews ("Q: ... A: ...") and calls ("Analyst: ... Lee: ...").

A transcript carries no quotation marks, yet every answer is its speaker's own
speech: "we" in an answer is the speaker's organisation, not whichever name the
last sentence happened to mention, and an interviewer's question or an
analyst's remark is never anyone's promise. A paragraph is a turn when it opens
with a short capitalised label and a colon; the text is read as a transcript
only when at least two paragraphs open that way, so that a lone "Update:" or
"Note:" line changes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.actors import _PERSON_NAME, _SENTENCE_STARTERS, ORG_WORDS, ActorIndex, Entity
from tracker.language.sentences import Sentence

# "Q:", "Analyst:", "Lee:", "Ana Ruiz:", "Ana Ruiz, chief executive:"; a name of at most four capitalised words
_LABEL = re.compile(r"(?P<label>[A-Z\u00c0-\u00de\u0100-\u017f][\w.'\u2019-]*(?:[ ][A-Z\u00c0-\u00de\u0100-\u017f][\w.'\u2019-]*){0,3})"
                    r"(?:,[ ][a-z][\w ,&'\u2019-]{1,60}|[ ]\((?P<role>[^()]{2,60})\))?[ ]?:[ ]+(?=\S)")
# ("Ana Ruiz, chief executive: ...", "ANA RUIZ (CEO, Acme): ...": a broadcast transcript's label in capitals)
_ASKING = frozenset("q question interviewer analyst moderator host presenter anchor reporter journalist caller".split())
_ANSWERING = frozenset("a answer".split())
# an interview's headline names whom it interviews: "Ada Brennan: 'We will ...'", "Ada Brennan on the new line"
_HEADLINE_SPEAKER = re.compile(rf"(?P<name>{_PERSON_NAME})(?::|[ ]+on[ ]+[a-z\u00c0-\u00de\u0100-\u017fA-Z])")
# how a text introduces the person it interviews: "we spoke to", "sat down with", "told us"
_INTERVIEW_VERBS = re.compile(r"\b(?:spoke|speaks|talked|talks|sat\s+down|asked|interviewed|told\s+us|"
                              r"spoke\s+with|conversation|interview)\b", re.I)


@dataclass(frozen=True)
class Turn:
    """Who holds the floor in one paragraph of a transcript."""

    label: str
    asking: bool  # the interviewer or an analyst: questions and remarks, never promises
    speaker: Entity | None  # the person answering, when the text says who


def speaker_turns(sentences: list[Sentence], index: ActorIndex, title: str | None = None) -> dict[int, Turn]:
    """The turn of every labelled paragraph (keyed by paragraph number), or nothing for a plain text."""
    labels: dict[int, str] = {}
    seen: set[int] = set()
    for sent in sentences:  # in text order: the first sentence of a paragraph carries its label
        if sent.block in seen:
            continue
        seen.add(sent.block)
        # (a label in capitals reads like a dateline, "ANA RUIZ: ...", and the sentence starts after it)
        line = index.text[index.text.rfind("\n", 0, sent.start) + 1:sent.end]
        m = None if sent.headline else _LABEL.match(sent.text) or _LABEL.match(line)
        if m:
            labels[sent.block] = _caps_speaker(m.group("label"), m.group("role"), index)
    known = [b for b, label in labels.items() if _role(label) is not None or index.person_by_mention(label)]
    if len(known) < 2:
        return {}
    answering = _interviewee(sentences, index, min(known), title)
    turns: dict[int, Turn] = {}
    for block, label in labels.items():
        if block not in known:
            continue
        role = _role(label)
        if role == "asking":
            turns[block] = Turn(label, True, None)
        elif role == "answering":
            turns[block] = Turn(label, False, answering)
        else:
            person = index.person_by_mention(label)
            if person is not None:
                _affiliate(person, index.default)  # a speaker in the organisation's own transcript
                turns[block] = Turn(label, person.third_party, person)
    return turns


def _caps_speaker(label: str, role: str | None, index: ActorIndex) -> str:
    """A label in capitals ("ANA RUIZ", later "RUIZ") as the name it spells, the person registered when the
    label gives a full name, and affiliated to the organisation its bracketed role names ("(CEO, Acme)")."""
    if not (label.isupper() and len(label) > 2) or _role(label) is not None:
        return label
    name = " ".join(w.capitalize() for w in label.split())
    person = index.person_by_mention(name)
    if person is None and " " in name:
        person = index.add_person(name, index.text.find(label))
    org_name = role.split(",")[-1].strip() if role and "," in role else None
    if person is not None and org_name and re.fullmatch(r"[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019 -]*", org_name):
        org = index.find_org(org_name) or index.add_org(org_name, index.text.find(org_name))
        if org.kind == "person" and org is not person:
            org.kind = "org"  # "(CEO, Blue Sky)": two capitalised words that read like a person's name
        _affiliate(person, org)
    return name


def _role(label: str) -> str | None:
    low = label.lower().rstrip(".")
    if low in _ASKING:
        return "asking"
    if low in _ANSWERING:
        return "answering"
    return None


def _interviewee(sentences: list[Sentence], index: ActorIndex, first_turn: int, title: str | None) -> Entity | None:
    """Who answers: the person the headline gives the floor ("Ada Brennan: ..."), else the person the
    introduction names where it says it spoke to them, else the first person it names; with no name at
    all, the organisation it opens with."""
    intro = [s for s in sentences if s.block < first_turn and not s.headline]
    headlined = _headline_speaker(sentences, index, first_turn, title)
    if headlined is not None:
        _affiliate(headlined, index.default or _opening_org(intro, index))
        return headlined
    named: list[Entity] = []
    for sent in intro:
        for person in sorted(index.people(), key=lambda p: p.first):
            if person.name in sent.text and not person.third_party:
                named.append(person)
                if _INTERVIEW_VERBS.search(sent.text):
                    named.insert(0, person)
    person = named[0] if named else None
    if person is None and index.default is not None:
        return index.default  # the source line names whom the interviewee speaks for
    if person is None:  # "we asked the mayor about her pledge": unnamed, so the body the text opens with
        return _opening_org(intro, index) if any(_INTERVIEW_VERBS.search(s.text) for s in intro) else None
    _affiliate(person, index.default or _opening_org(intro, index))  # "Acme ... Its founder, Ana Ruiz, spoke to us"
    return person


def _headline_speaker(sentences: list[Sentence], index: ActorIndex, first_turn: int,
                      title: str | None) -> Entity | None:
    """The person an interview's headline names before a colon or "on": the interviewee, even when the
    introduction only says "we spoke to him" (a name of organisation words is no person)."""
    headlines = [title or ""] + [s.text for s in sentences if s.headline and s.block < first_turn]
    for line in headlines:
        m = _HEADLINE_SPEAKER.match(line)
        if m is None:
            continue
        name = m.group("name")
        words = name.split()
        if words[0] in _SENTENCE_STARTERS or any(w in ORG_WORDS for w in words) or index.find_org(name):
            return None
        return index.person_by_mention(name) or index.add_person(name, 0)
    return None


def _affiliate(person: Entity, org: Entity | None) -> None:
    """A speaker whose title names no organisation speaks for ``org`` (politicians speak for themselves)."""
    if person.kind == "person" and person.affiliation is None and not person.political and org is not None:
        person.affiliation = org


# a capitalised name opening a sentence, then a lower-case word: "Acme this week ordered", "Acme has been"
_OPENING_NAME = re.compile(r"([A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*){0,4})[ ]+(?!of\b)[a-z]")


def _opening_org(intro: list[Sentence], index: ActorIndex) -> Entity | None:
    """The organisation an interview's introduction opens with: whom the interviewee speaks for
    when the introduction gives their title without naming the body ("its founder", "chief executive")."""
    for sent in intro[:2]:
        m = _OPENING_NAME.match(sent.text)
        if m is None or m.group(1).split()[0] in _SENTENCE_STARTERS:
            continue
        ent, end = index.named_in(m.group(1))
        if ent is not None:
            return ent if ent.kind == "org" and not ent.third_party else None
        return index.add_org(m.group(1), sent.start)
    return None
