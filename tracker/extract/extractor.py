"""text -> commitments: sentences, cues, actors, deadlines, ``what``, merge.

Pure and deterministic: no I/O, no models, no clock (dates are read against
the ``published`` date passed in).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property, lru_cache
from dataclasses import dataclass, field, replace

from tracker.extract.model import DEFAULT_MIN_CONFIDENCE as MIN_CONFIDENCE
from tracker.extract.model import DEFAULT_REVIEW_THRESHOLD as REVIEW_THRESHOLD
from tracker.errors import DeadlineError
from tracker.extract.actors import (
    _SENTENCE_STARTERS, ORG_WORDS, PARTY_GOVERNMENT, POSSESSED, THIRD, ActorIndex, Entity, Focus, head_noun, owned_by, unveiler,
)
from tracker.extract.anchors import anchor_deadline, event_date, find_event_phrase, office_deadline
from tracker.extract.calibration import calibrate
from tracker.extract.canonical import (
    PLANNED_FOR, base_form, coming_as_arrival, describe, is_participle, strip_deadline, subject_np,
)
from tracker.extract.cues import (
    AFTERWARDS,
    CONVINCED,
    ELECTORAL,
    COMMIT_ADJ,
    VERBLESS,
    Cue,
    EVENT_VERBS,
    HEDGE_PARTICIPLES,
    IRREGULAR_PARTICIPLES,
    SEQUENCE_ADVERB,
    Clause,
    find_cues,
    past_context,
    read_clause,
)
from tracker.extract.deadlines import (
    DEFAULT_CONVENTIONS,
    DeadlineConventions,
    DeadlineMatch,
    DueWindow,
    find_deadlines,
    resolve_deadline,
)
from tracker.extract.merge import DEAL_AGREED, Candidate, content_words, distinctive_words, merge
from tracker.extract.model import NO_ACTOR, Commitment
from tracker.language.calendar import MONTHS
from tracker.language.sentences import Sentence, is_title_case, split_sentences
from tracker.language.words import is_acronym, is_common_word, ordinary_noun_form, zipf
from tracker.extract.source_actor import actor_from_byline, actor_from_handle, actor_from_source
from tracker.extract.turns import Turn, speaker_turns
from tracker.extract.things import (Things, bare_act_of, name_the_thing, things_named, with_site, with_the_antecedent,
                                    with_the_generic, with_the_noun_before, with_the_product)

# Verbs that describe a thing rather than commit anyone ("the model will include open weights").
_STATIVE = frozenset(
    """have include feature contain cost remain need require mean seem appear look sound feel weigh measure
    depend involve represent reflect suggest signal compete replace""".split()
)
# Linking verbs of how something seems: never an act, whoever the subject.
_SEEMING = frozenset("seem appear look sound feel".split())
# What a thing can do or holds: a description of it, not anybody's undertaking.
_CAPABILITY = frozenset(
    """carry tow travel seat hold accommodate own cover span house store weigh measure employ consume""".split()
)
_DESCRIBING = _STATIVE | _CAPABILITY
# What a thing holds or does by its size: a description even with a date
_CAPACITY = frozenset("""carry tow travel seat accommodate span house store weigh measure consume cost""".split())
_PRICES = frozenset("""prices price fares fare fees fee bills bill charges charge tariffs tariff rents rent premiums""".split())
# What a thing will do for people: an effect, not an undertaking ("the unit would allow 6,000 operations").
_EFFECT = frozenset(
    """allow enable let help create save boost generate attract provide serve support transform revolutionise
    revolutionize benefit affect impact change make give bring deliver reshape redefine disrupt""".split()
)
# Forecasts, not promises: "expects revenue to grow", "prices will rise".
_MOVEMENT = frozenset(
    """grow rise fall increase decrease decline drop climb slow improve worsen recover exceed top hit reach
    double halve shrink expand jump surge slip fluctuate stabilise stabilize rebound soften""".split()
)
_FORECAST_NOUNS = re.compile(
    r"\b(?:revenue|revenues|sales|profit|profits|earnings|margin|margins|loss|losses|growth|ebitda|turnover|demand|"
    r"inflation|gdp|unemployment|market\s+share|share\s+price|shares|dividend|guidance|income|cash\s+flow|costs?|"
    r"volumes?|output|prices|traffic|returns?|break\s+even|profitability)\b",
    re.I,
)
_DEMONSTRATIVES = frozenset({"it", "this", "that", "these", "those", "this one", "all this", "all of this"})
_ABSTRACT_HEADS = frozenset(
    """deal acquisition merger move investment partnership plan plans change changes decision agreement strategy
    transaction programme program initiative expansion funding technology approach announcement step shift
    development law bill scheme policy rule rules measure measures reform reforms proposal proposals project
    effort efforts deal's transition overhaul restructuring cuts cut savings benefits impact result results
    outcome future year years""".split()
)
# Verbs that commit to nothing checkable unless a date comes with them.
_VAGUE = frozenset(
    """continue work seek try strive endeavour endeavor engage focus remain pursue prioritise prioritize drive
    ensure help lead innovate improve grow evolve adapt listen learn comply abide respect uphold honour honor
    value cherish""".split()
)
_MISSION = re.compile(r"\b(?:mission|vision|purpose|calling)\b", re.I)
# Deliberating is not delivering: "the regulator will review the plans in July".
_PROCESS = frozenset("""review consider assess evaluate examine study monitor discuss explore look debate""".split())
# Things that take place rather than get done: as subjects they are schedules, not promises.
# How an event is held on a date: "the Games will open on July 23", "the race will take place in May"
_EVENT_STARTS = frozenset("open begin start take kick be return resume debut premiere follow".split())
_EVENT_NOUNS = frozenset(
    """olympics paralympics fair fairs festival festivals race races championship championships games tournament tournaments match
    matches season seasons conference conferences summit summits meeting meetings election elections vote
    referendum ceremony ceremonies concert concerts show shows exhibition exhibitions expo congress convention
    hearing hearings trial trials talks regatta marathon cup final finals derby parade celebration celebrations
    event events session sessions fixture fixtures kickoff kick-off""".split()
)
_PRONOUN_OBJECTS = frozenset({"it", "that", "this", "so", "everything", "something"})
_LOGISTICS = re.compile(
    r"\b(?:conference\s+call|earnings\s+call|investor\s+call|webcast|investor\s+day|capital\s+markets\s+day|"
    r"press\s+conference|news\s+conference|"
    r"media\s+briefing|annual\s+(?:general\s+)?meeting|results\s+presentation|fireside\s+chat|"
    r"(?:give|deliver|make)\s+(?:a|an|his|her|its|their|the)\s+(?:[\w-]+\s+){0,3}(?:speech|address|statement|keynote|"
    r"interview|briefing|visit))\b",
    re.I,
)
# Said of a thing with "not", these report a delay rather than promise restraint.
_ERGATIVE_EVENTS = frozenset("""open reopen launch start begin resume ship arrive debut finish complete return""".split())
_READINESS = frozenset(
    """ready available complete completed finished open operational live online built delivered installed
    done launched""".split()
)
_PREPOSITIONS = frozenset(
    """in on at by from to for with within before after until during next this later early soon""".split()
)
_SUBORDINATORS = frozenset({"before", "after", "until", "when", "once", "if", "as", "because", "unless", "while", "so"})
_SET_TO_STRENGTH = {
    "set": 0.9, "due": 0.85, "committed": 0.9, "determined": 0.85, "poised": 0.75, "preparing": 0.8, "planning": 0.8,
    "scheduled": 0.8, "slated": 0.8, "expected": 0.75, "meant": 0.7, "supposed": 0.65, "on track": 0.8,
}


@dataclass(frozen=True)
class LeftOut:
    """A sentence that looked like a promise and was left out, with the reason."""

    sentence: str
    start: int
    cue: str
    reason: str


@dataclass
class _Found:
    clause: Clause
    actor: Entity | None
    thing_subject: bool
    subject: str
    cue_text: str  # the cue words as written, lower-cased
    doubts: tuple[str, ...] = ()  # why it may not be a promise; each lowers the confidence


# Reasons a clause may not be a promise that a reader could still fairly disagree with: the clause stays a
# candidate, with its confidence lowered by this much, so it reaches the editor's queue instead of vanishing.
DOUBT_PENALTY = {
    "thing": 0.4,  # a thing as subject with no attribution or event verb
    "dated_thing": 0.1,  # the same, with a deadline
    "event": 0.45,  # an event (a fair, a race, an election) as subject
    "description": 0.45,  # what a thing will contain or be able to do
    "listed_undated": 0.0,
    "headline": 0.2,  # a headline over a body that does not restate it  # a bullet of a pledge list with no date (its base confidence is already lower)
    "writer_would": 0.4,  # "would" in the writer's own voice
    "passive": 0.5,
    "vague": 0.45,  # nothing checkable: a process, a vague verb, no object
    "own_forecast": 0.2,  # the actor's forecast of its own figures (guidance)
    "undated_progressive": 0.45,
    "not_volitional": 0.45,
    "schedule": 0.2,  # "is scheduled / expected to ...", undated
    "expected_of": 0.4,  # "NAME is expected to ...": others expect it; nobody who can promise says so
    "effect": 0.45,  # an undated effect of a thing ("the railway would free up space")
    "duration": 0.45,  # how long a thing takes ("will take about 30 years")
    "pronoun": 0.45,  # the only object is a pronoun ("publish them")
    "benefit": 0.45,  # what something does for people, undated ("would offer customers lower prices")
    "condition": 0.45,  # how a condition will behave ("expect inflation to weigh on margins")
    "aside": 0.4,  # a thing's date in a relative aside ("The mill, which will open in 2026, cost ...")
    "earlier": 0.2,  # said last month: background to this text, or its news (readers differ)
    DEAL_AGREED: 0.3,  # a deal's terms, agreed, beside its closing (applied after calibration: see read_text)
}
DOUBT_TEXT = {
    "thing": "a thing as subject, with no attribution or event verb",
    "dated_thing": "a thing as subject, with a date but no attribution",
    "event": "an event (a fair, a race, a meeting) as subject: it happens, nobody promises it",
    "description": "a description of a thing (what it will contain or be able to do), not an act",
    "listed_undated": "a bullet of a pledge list, with no date",
    "headline": "a headline the body does not restate",
    "writer_would": "'would' in the writer's own voice",
    "passive": "passive: done to the actor",
    "vague": "nothing checkable (a process, a vague verb or no object)",
    "own_forecast": "the actor's forecast of a figure",
    "undated_progressive": "under way, not promised (undated progressive)",
    "not_volitional": "not in the actor's power",
    "schedule": "an undated schedule",
    "expected_of": "others expect it of the actor; the actor does not say so",
    "effect": "what a thing will do for people (an effect), not an undertaking",
    "duration": "how long something will take, not an undertaking",
    "aside": "a date told in passing, in a relative clause about a thing",
    "earlier": "said earlier (last week, last month): background here, or the news itself",
    "condition": "a forecast of how a condition will behave, not an undertaking",
    "benefit": "what it will do for people (a benefit), with nothing dated to check",
    "pronoun": "its only object is a pronoun: what it stands for is for the editor to read",
    DEAL_AGREED: "a deal already agreed: its closing is tracked as a promise of its own",
    NO_ACTOR: "nobody is named as making it: accept it with --actor NAME",  # set when saving (tracker.intake)
}


def extract_commitments(
    text: str,
    published: dt.date,
    *,
    default_actor: str | None = None,
    publisher: str | None = None,
    include_conditional: bool = False,
    conventions: DeadlineConventions = DEFAULT_CONVENTIONS,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Commitment]:
    """The promises with deadlines in ``text``, published on ``published``.

    >>> [c.what for c in extract_commitments("Brant Mills will open a shop in Velbury by June 2026.", dt.date(2025, 1, 6))]
    ['open a shop in Velbury']
    """
    return read_text(text, published, default_actor=default_actor, publisher=publisher,
                     include_conditional=include_conditional, conventions=conventions,
                     min_confidence=min_confidence).commitments


@dataclass(frozen=True)
class Extraction:
    """Everything the extractor found in one text.

    ``commitments`` are sure enough to store unseen (confidence >= ``min_confidence``);
    ``proposals`` go to the editor's queue (between ``review_threshold`` and it); ``left_out``
    names every other sentence with commitment language and why it was left out.
    """

    commitments: list[Commitment]
    proposals: list[Commitment]
    left_out: list[LeftOut]


def read_text(
    text: str,
    published: dt.date,
    *,
    default_actor: str | None = None,
    publisher: str | None = None,
    include_conditional: bool = False,
    conventions: DeadlineConventions = DEFAULT_CONVENTIONS,
    min_confidence: float = MIN_CONFIDENCE,
    review_threshold: float = REVIEW_THRESHOLD,
    calibrated: bool = True,
    title: str | None = None,
) -> Extraction:
    """Like :func:`extract_commitments`, keeping the sentences left out with their reasons.

    ``title`` is the headline the text was published under when its source kept it apart (a
    file's ``title:`` header, a page's title): it is read only for whom an interview gives the
    floor ("Ada Brennan: 'We will ...'"), never for promises of its own.

    >>> read_text("Analysts expect the firm will cut prices next year.", dt.date(2025, 1, 6)).left_out[0].reason
    'hedged frame (believe/expect/warn/ask...)'
    """
    if not text or not text.strip():
        return Extraction([], [], [])
    default_actor = default_actor or actor_from_source(publisher) or actor_from_byline(text) \
        or actor_from_handle(publisher, text)
    sentences = split_sentences(text)
    # a title-cased headline capitalises every word; a sentence-case one names as the body does
    index = ActorIndex(text, default_actor, [(s.start, s.end) for s in sentences if s.headline
                                              and is_title_case(s.text)])
    doc = _Doc(sentences, index, Focus(), published, conventions)
    doc.turns = speaker_turns(sentences, index, title)
    doc.things = things_named([s for s in sentences if not (s.headline and is_title_case(s.text))],
                              index.capitalised_mid_sentence)
    candidates: list[Candidate] = []
    intro: Sentence | None = None  # the sentence that introduces a run of bullets
    intro_actor: Entity | None = None
    for at, sent in enumerate(sentences):
        _focus_before(sent, index, doc.focus)
        _story_lead(sent, text[text.rfind("\n", 0, sent.start) + 1:sent.start], sentences[at - 1] if at else None,
                    index, doc.focus)
        doc.prev_thing, doc.this_thing = doc.this_thing, None
        previous: Entity | None = None
        before = len(candidates)
        chains: list[list[int]] = []  # candidates of one cue and the verbs coordinated with it
        last: _Found | None = None
        for clause in _clauses(sent):
            if clause.cue.coordinated and last is None:
                doc.leave(sent, clause, "coordinated with a clause that is not a promise")
                continue
            if last is not None and last.thing_subject and not clause.cue.coordinated and not clause.subject.strip() \
                    and last.subject.lower() not in _PERSONAL_PRONOUNS:
                # "the chip will make photos sharper and will cut battery use": the second verb has the
                # first one's subject, a thing, and is judged as that thing's
                clause = replace(clause, subject=last.subject)
            if clause.cue.coordinated and last is not None and re.fullmatch(r"(?:and\s+|or\s+)?to", clause.subject.strip())\
                    and re.search(r"\bto\s*$", sent.text[last.clause.cue.start:last.clause.cue.verb_start]):
                # "we aim to halve emissions by 2030 and to reach net zero by 2040": a second infinitive of the
                # same cue has its subject (after "will open X, with ways to fight fraud and to ..." it does not)
                clause = replace(clause, subject="")
            found = _read(doc, sent, clause, previous)
            if found is not None and clause.cue.coordinated and last is not None:
                # the shared cue's and subject's doubts; not what one verb's own object says ("grow the economy"
                # is vague, "and cut waiting lists" is not)
                found.doubts = tuple(dict.fromkeys((*(d for d in last.doubts if d not in _OWN_DOUBTS), *found.doubts)))
            last = found if not clause.cue.coordinated else last
            if found is not None and not clause.cue.coordinated and doc.this_thing is None:
                doc.this_thing = found.subject if found.thing_subject and found.subject.lower() not in \
                    _DEMONSTRATIVES | _PERSONAL_PRONOUNS | {"there"} else ""
            if found is None:
                continue
            previous = found.actor
            cand = _build(doc, at, found)
            if cand is not None and clause.cue.coordinated and candidates:
                cand = _fill_gap(candidates[-1], cand)
            if cand is not None:
                cand, again = _gapped(doc, at, found.clause, cand)
                if not clause.cue.coordinated:
                    chains.append([])
                if chains:
                    chains[-1].append(len(candidates))
                candidates.append(cand)
                candidates.extend(again)
                if found.actor is not None and found.actor.kind == "org" and found.actor.first >= 0:
                    doc.focus.org = found.actor  # named organisations only, not "the interior ministry"
        for chain in chains:
            _share_last_date(candidates, chain)
        if not sent.bullet:
            intro = sent
            intro_actor = previous or doc.focus.org or index.topic() or index.default
        elif intro is not None and _PLEDGE_LIST.search(intro.text) and (
                len(candidates) == before or _imperative_misread(sent, candidates[before:])):
            listed = _listed_pledge(doc, sent, intro_actor)
            if listed is not None:
                del candidates[before:]
                candidates.append(listed)
        _focus_after(sent, index, doc.focus)
    candidates = _fold_headlines(candidates, sentences, doc.left_out)
    sure: list[Commitment] = []
    unsure: list[Commitment] = []
    folded: list[tuple[Commitment, Commitment]] = []
    merged = merge(candidates, folded)
    for gone, kept in folded:
        if gone.quote != kept.quote:
            doc.left_out.append(LeftOut(gone.quote, gone.start, "", f"a restatement of {kept.quote[:60]!r}"))
    for c in merged:
        if calibrated:
            c = replace(c, confidence=calibrate(c.confidence, c.features))
        if DEAL_AGREED in c.doubts:  # known only once every promise of the text is read (see merge)
            c = replace(c, confidence=round(max(0.0, c.confidence - DOUBT_PENALTY[DEAL_AGREED]), 3))
        if c.conditional and not include_conditional:
            doc.left_out.append(LeftOut(c.quote, c.start, "", "conditional (shown with --include-conditional)"))
        elif c.confidence >= min_confidence or (c.conditional and c.confidence >= review_threshold):
            sure.append(c)  # a conditional promise asked for is shown with its (lower) confidence
        elif c.confidence >= review_threshold:
            unsure.append(c)
        else:
            why = "; ".join(DOUBT_TEXT[d] for d in c.doubts) or "weak commitment language"
            doc.left_out.append(LeftOut(c.quote, c.start, "", f"confidence {c.confidence:.2f}: {why}"))
    return Extraction(sure, unsure, sorted(doc.left_out, key=lambda x: x.start))


@dataclass
class _Doc:
    """One text being read: its sentences, actors, discourse focus and publication day."""

    sentences: list[Sentence]
    index: ActorIndex
    focus: Focus
    published: dt.date
    conv: DeadlineConventions
    _deadlines: dict[tuple[int, int, int], list[DeadlineMatch]] = field(default_factory=dict)
    left_out: list[LeftOut] = field(default_factory=list)
    turns: dict[int, Turn] = field(default_factory=dict)  # transcript paragraphs: who holds the floor
    prev_due: tuple | None = None  # the last due window read: what "by the same date" refers to
    things: Things = field(default_factory=lambda: Things([]))  # names given to things: "the line" is the Tessel line
    # the last candidate's deadline (sentence start, phrase, earliest, latest): a coordinated one may share it
    last_due: tuple = (-1, None, None, None)
    fronted_due: tuple = (-1, None, None, None)  # the same, for a deadline fronted before the subject
    # the thing the previous sentence's promise was about ("The rover is due to launch in July. It is due to
    # land in March": "it" is the rover), and the one of the sentence being read
    prev_thing: str | None = None
    this_thing: str | None = None

    @cached_property
    def text(self) -> str:
        """The whole text, headlines included (the actor index blanks them)."""
        return "\n".join(s.text for s in self.sentences)

    def leave(self, sent: Sentence, clause: Clause | None, reason: str) -> None:
        """Record why a sentence with commitment language was left out (``tracker extract --explain``)."""
        cue = sent.text[clause.cue.start : clause.cue.end] if clause is not None else ""
        self.left_out.append(LeftOut(sent.text, sent.start, cue, reason))
        return None

    def deadlines_in(self, sent: Sentence, clause: Clause) -> list[DeadlineMatch]:
        """Every deadline phrase in the clause (offsets in the sentence), past ones included.

        The search runs over the clause only -- from its first word to the end
        of its verb phrase, so the finder still sees the future verb -- and
        keeps past phrases, so that a promise already due when it was published
        ("will pay the bonus by the end of 2024" in 2025) is seen as background.
        """
        key = (sent.start, clause.start, clause.vp_end)
        if key not in self._deadlines:
            # a second verb shares the first one's modal ("would close X by 2022 and shut Y by 2035"): read with it,
            # "shut Y by 2035" is no past tense
            lead = "will " if clause.cue.coordinated and clause.start == clause.cue.verb_start else ""
            found = find_deadlines(lead + sent.text[clause.start : clause.vp_end])
            # (a date inside a campaign pledge's frame is the election's, not the promise's: "will scrap it if it
            # wins the election due later this year")
            electoral = [(e.start(), e.end()) for e in ELECTORAL.finditer(sent.text)]
            self._deadlines[key] = [
                DeadlineMatch(m.phrase, m.start - len(lead) + clause.start, m.end - len(lead) + clause.start)
                for m in found if m.start >= len(lead)
                and not any(a <= m.start - len(lead) + clause.start < b for a, b in electoral)
            ]
        return self._deadlines[key]


# -- discourse -------------------------------------------------------------

def _focus_before(sent: Sentence, index: ActorIndex, focus: Focus) -> None:
    """A sentence that opens with a (recurring) organisation moves the focus to it."""
    ent, _ = index.named_in(re.sub(r"^\W+", "", sent.text))
    if ent is not None and ent.kind == "org" and not ent.third_party:
        if ent is index.topic() or index.mentions(ent) >= 2:
            focus.org = ent
    for person in index.people():
        if person.name in sent.text:
            index.affiliate(person, focus)


# A digest story's lead in capitals, before a dash or on a line of its own: "VANTOR TO SHUT HARBURY PLANT - Vantor said"
_CAPS_LEAD = re.compile(r"^(?P<lead>[A-Z0-9][A-Z0-9&'.,:\u2019 -]{3,}?)[ ]+[-\u2013\u2014][ ]+(?=[A-Z])")


def _story_lead(sent: Sentence, before: str, previous: Sentence | None, index: ActorIndex, focus: Focus) -> None:
    """A digest story whose lead in capitals opens with a name the story then writes in full ("VANTOR ENDS
    ITS BIG JET - Vantor pulled the plug ...", "ORVO OUTPUT - ... Orvo would make ..."): that organisation is
    the story's focus, so "the company" in it is never the last story's. ``before`` is what precedes the
    sentence on its line (the splitter keeps a lead apart from the sentence)."""
    full = before.lstrip() + sent.text
    lead = _CAPS_LEAD.match(full)
    text = full[lead.end():] if lead else sent.text
    words = lead.group("lead").split() if lead else []
    if not lead and previous is not None and previous.headline and previous.text.isupper():
        words = previous.text.split()  # the lead on a line of its own
    for k in (3, 2, 1):
        if len(words) < k or not all(w.isalpha() for w in words[:k]):
            continue
        m = re.search(r"(?<![\w-])" + r"[ ]+".join(w[:1] + f"(?i:{w[1:]})" for w in words[:k]) + r"(?![\w-])", text)
        if m is None or index.person_by_mention(m.group(0)) is not None:
            continue
        ent, end = index.named_in(m.group(0))
        ent = ent if ent is not None and end == len(m.group(0)) else index.add_org(m.group(0), sent.start + m.start())
        if ent.kind == "org" and not ent.third_party:
            focus.org = index.as_government(ent)
        return


def _focus_after(sent: Sentence, index: ActorIndex, focus: Focus) -> None:
    """The last person named in a sentence is who a later "she"/"he" means."""
    last = index.last_person_in(sent.text)
    if last is not None:
        focus.person = last


# -- reading one cue --------------------------------------------------------

def _speaker(clause: Clause, index: ActorIndex, focus: Focus) -> Entity | None:
    for phrase in (clause.quote_speaker if clause.in_quote else None, clause.frame_speaker, clause.trailing_speaker):
        if phrase:
            phrase = re.sub(r"\s+(?:has|have|had|also|now|on\s+\w+|today|in\s+a\s+statement)+\s*$", "", phrase.strip())
            phrase = re.sub(r"\s+(?:has|have|had|also)\s*$", "", phrase)
            ent = index.resolve_speaker(phrase, focus)
            if (ent is None or ent is THIRD) and re.search(r"\s(?:and|&)\s", phrase):
                # "organisers and the Vantor Committee said", "the Orvo Group and residents said": the first of the
                # speakers who is somebody and no third party
                ent = next((e for part in re.split(r"\s+(?:and|&)\s+", phrase)
                            if (e := index.resolve_speaker(part, focus)) is not None and e is not THIRD), ent)
            if ent is not None:
                return ent
    return None


def _as_actor(ent: Entity | None, index: ActorIndex, focus: Focus) -> Entity | None:
    """People speak for their organisation; a minister for the government of the country the
    text is about; other politicians with no named body stand for themselves."""
    if ent is None or ent.kind == "org":
        return ent
    index.affiliate(ent, focus)
    if ent.affiliation is None and ent.political and index.default is not None \
            and _PUBLIC_BODY.search(index.default.name):
        return index.default  # "Mayor Jo Bloggs said" in the city's own release: the city's promise
    return ent.affiliation or _minister_government(ent, index) or ent


_ONE_WORD_OWNER = re.compile(r"(?P<owner>[A-Z\u00c0-\u00de\u0100-\u017f][\w-]*)['\u2019]s\s")
# The publisher is a public body whose office-holders speak for it in its own releases
_PUBLIC_BODY = re.compile(r"\b(?:City|Council|Government|Ministry|Department|Municipality|County|Borough|Region|"
                          r"Province|State|Office|Authority|Administration)\b|\bgovernment\b")


# National offices whose holders act for their country's government ("the prime minister said the
# government would ..."); mayors, governors and members of parliament speak for other bodies or themselves.
_NATIONAL_OFFICE = re.compile(
    r"\b(?:prime\s+minister|minister|premier|chancellor|secretary|president)\b(?!\s+of\s+(?!the\s+republic))", re.I)


def _office_holder(phrase: str, index: ActorIndex, focus: Focus) -> Entity | None:
    """Whom a national office-holder named only by office ("the prime minister") acts for: the government of
    the country the text is about, else the one the text has just named (news names the holder first)."""
    if re.fullmatch(r"(?:the\s+)?(?:[\w-]+\s+)?(?:prime\s+minister|president|chancellor|premier|finance\s+minister)",
                    phrase.strip(), re.I):
        return index.government() or focus.person or focus.org
    return None


def _minister_government(person: Entity, index: ActorIndex) -> Entity | None:
    """The government a minister or head of government speaks for, when the text is about one country."""
    if person.affiliation is not None or not _NATIONAL_OFFICE.search(person.title or "") \
            or re.search(r"\b(?:mayor|governor|MP|senator|party|opposition|shadow|former)\b|-elect\b", person.title or "",
                         re.I):  # a president-elect speaks for the incoming administration, not the government
        return None
    return index.government()


def _is_forecast(span: str, cue) -> bool:
    """"expects revenue to grow", "aims to return to profit", "costs will rise": a forecast, not a promise."""
    words = [w.lower().strip(",.") for w in span.split()]
    verbs = {w for w in words[:12]}
    if cue.family in ("expect", "aim", "reported_plan") and _FORECAST_NOUNS.search(" ".join(words[:8])):
        return True
    expected = _EXPECTED_TO.match(span)
    if expected and market_position(expected.group("np"), expected.group("vp")):
        return True  # "expects electric models to make up half of new car sales": the market's figure
    if cue.family in ("expect", "reported_plan") and not words[1:2] == ["to"] and verbs & _MOVEMENT:
        return True
    return False


def _quote(sent: Sentence, pos: int):
    q = sent.quote_at(pos)
    if q is not None and not (q.speaker or q.opens_sentence):
        return None  # a quoted fragment inside narrative
    return q


def _clauses(sent: Sentence) -> list[Clause]:
    """The clause of every cue in the sentence; coordinated clauses are cut apart."""
    cues = _with_coordinated(sent.text, find_cues(sent.text, headline=sent.headline or sent.bullet))
    out: list[Clause] = []
    for i, cue in enumerate(cues):
        q = _quote(sent, cue.start)
        prev = out[-1] if out and _quote(sent, out[-1].cue.start) == q else None
        nxt = cues[i + 1].start if i + 1 < len(cues) and _quote(sent, cues[i + 1].start) == q else None
        clause = read_clause(sent.text, cue, q.start if q else None, q.speaker if q else None,
                             previous=prev, next_start=nxt)
        if prev is not None and not clause.subject and prev.reject == "relative clause":
            clause.reject = prev.reject  # "which is due to open in 2026 and will recover ..."
        out.append(clause)
    return out


# "we aim to cut costs by 2022, and to reduce staff to 74,000": the second verb shares the first one's cue.
_COORDINATED = re.compile(
    rf",?\s+(?:and|as\s+well\s+as)\s+(?:{SEQUENCE_ADVERB.pattern}\s+)?(?:(?P<to>to)\s+(?P<verb>be|[a-z]{{3,}})\b"
    r"|(?P<verb2>[a-z]{3,})\s+(?=(?:the|a|an|its|their|our|his|her|all|every|each|more|new|up|out|down|off|net|"
    r"half|about|around|at\s+least|\d[\d,.]*)\b)"
    # "is set to launch in 2026 and arrive at Kess in 2034": a second verb with a place and a year of its own
    r"|(?P<verb3>[a-z]{3,})\s+(?=(?:at|in|on|to|into|from)\s[^,;.]*?\b(?:19|20)\d\d\b)"
    # "will triple wind capacity and increase solar capacity fivefold": a verb of change needs no determiner
    r"|(?P<verb4>increase|reduce|double|triple|quadruple|halve|expand|build|hire|recruit|raise|lower|cut|create|"
    r"install|replace|upgrade|extend|eliminate|introduce|shut|close)\s+(?=[a-z])"
    # a second sum of the same spending verb: "will spend 1.3 billion pounds on X, and 582 million pounds on Y"
    r"|(?P<money>[$\u20ac\u00a3]?\d[\d,.]*(?:\s*(?:million|billion|bn))?\s*(?:pounds|euros|dollars|yen|francs)?)"
    r"(?=\s+(?:on|for|towards|into|in\s+(?=[A-Z]))\s*))")


def _with_coordinated(text: str, cues: list[Cue]) -> list[Cue]:
    """Add a cue for each verb coordinated with a cue's verb ("will close X and switch Y", "aims to X and to Y")."""
    out: list[Cue] = []
    for i, cue in enumerate(cues):
        out.append(cue)
        to_goal = cue.family == "goal" and text[cue.start:cue.end].rstrip().endswith(" to")
        if cue.family in _VERBLESS_FAMILIES and not to_goal:
            continue  # ("our targets are to cut X and to reach Y": a goal's infinitives are verbs)
        limit = cues[i + 1].start if i + 1 < len(cues) else len(text)
        for m in _COORDINATED.finditer(text, cue.end, limit):
            g = next(k for k in ("verb", "verb2", "verb3", "verb4", "money") if m.group(k))
            verb = m.group(g)
            if to_goal and not m.group("to"):
                break  # after a goal's "to", only a second "to VERB" is a verb of its own
            if g == "money" and not (cue.verb and base_form(cue.verb.lower()) in _SPENDING):
                continue
            if cue.verb and _opens_a_gap(verb):
                if i + 1 < len(cues) and not re.search(r"[,;:.]", text[m.end(g):cues[i + 1].start]):
                    break  # "will rise, and from 2027 all our buses will run ...": a clause with its own verb
                # "will invest 500 million to cut prices, and another 1 billion to raise wages": the verb is shared
                out.append(Cue(cue.family, cue.strength, m.start(g), m.end(g), m.start(g), cue.verb, cue.negated,
                               cue.hedged, coordinated=True))
                break
            if base_form(verb) != verb or verb in _NOT_COORDINATED or (is_participle(verb) and not (
                    g in ("verb2", "verb4") and verb in IRREGULAR_PARTICIPLES)):
                continue  # ("and shut 14 reactors", "and cut fares": a base form spelt like its participle)
            if cue.verb and not text[cue.verb_start + len(cue.verb) : m.start()].strip(" ,"):
                break  # "will build and operate a plant": two verbs of one object, one promise
            for k in _listed_verbs(text, cue.end, m.start()):  # "will grow X, cut Y and pass Z": the middle items
                out.append(Cue(cue.family, cue.strength, k, k + len(text[k:].split()[0]), k, text[k:].split()[0],
                               cue.negated, cue.hedged, coordinated=True))
            out.append(Cue(cue.family, cue.strength, m.start(g), m.end(g), m.start(g), verb, cue.negated, cue.hedged,
                           coordinated=True))
            break  # the next coordinated verb hangs on this one in turn
    return out


def _listed_verbs(text: str, start: int, end: int) -> list[int]:
    """Offsets of the verbs in the middle of a serial list of verb phrases ("will grow the economy, cut
    waiting lists and pass new laws": "cut"), between a cue and the list's last "and VERB"."""
    out = []
    for m in re.finditer(r",\s+(?P<verb>[a-z]{3,})\s+(?=\S)", text[start:end]):
        verb = m.group("verb")
        # after a modal a list's verbs are base forms, "cut" and "set" included; a word straight before a comma
        # ("red, green, and blue") is no verb with an object, and the pattern never takes it
        if base_form(verb) == verb and verb not in _NOT_COORDINATED:
            out.append(start + m.start("verb"))
    return out


_PERSONAL_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
_OWN_DOUBTS = frozenset({"vague"})  # a doubt about one verb's own object, not the shared subject
_VERBLESS_FAMILIES = VERBLESS | {"headline_to"}  # no verb of their own for a second verb to share


def _share_last_date(candidates: list[Candidate], chain: list[int]) -> None:
    """"pledged to triple wind capacity and increase solar capacity fivefold by 2030": verbs coordinated under
    one cue (``chain``: their candidates' indices), with one date at the end, are all due then (each verb with
    a date of its own keeps it)."""
    group = [candidates[k] for k in chain]
    if len(group) < 2 or len({c.commitment.quote for c in group}) != 1:
        return
    last = group[-1].commitment
    if last.due_latest is None or any(c.commitment.due_latest is not None for c in group[:-1]):
        return
    if not last.quote.rstrip(" .").endswith(last.deadline_phrase or "\0"):
        return  # the date closes the sentence, after every verb
    for k in chain[:-1]:
        c = candidates[k]
        features = c.commitment.features if "deadline" in c.commitment.features else (*c.commitment.features, "deadline")
        candidates[k] = Candidate(replace(c.commitment, deadline_phrase=last.deadline_phrase, features=features,
                                          due_earliest=last.due_earliest, due_latest=last.due_latest),
                                  c.words, c.names)


def _fill_gap(first: Candidate, cand: Candidate) -> Candidate:
    """"source power for its plants from solar by 2030 and for its sites abroad by 2035": the second part is the
    first one's act with its own phrase in place of the first one's ("source power for its sites abroad from
    solar")."""
    words = cand.commitment.what.split()
    if len(words) < 3 or words[1] not in _GAP_PREPOSITIONS or first.commitment.what.split()[:1] != words[:1]:
        return cand
    m = re.search(rf"\s{words[1]}\s.*?(?=\s(?:{'|'.join(_PP_STARTS)})\s|$)", first.commitment.what)
    if m is None:
        return cand
    what = first.commitment.what[: m.start()] + " " + " ".join(words[1:]) + first.commitment.what[m.end():]
    return Candidate(replace(cand.commitment, what=what), cand.words, cand.names)


_PP_STARTS = ("from", "to", "by", "with", "on", "at", "through", "using", "via")
# A second object after "and" with its verb left out: "and another 1 billion to raise wages"
_GAP_WORDS = frozenset({"another", "further", "additional"})
_SPENDING = frozenset("spend invest put allocate provide pledge give commit earmark inject".split())
# "source power for its plants by 2030 and for its sites abroad by 2035", "make 100 million doses this year and
# potentially 1 billion next year": a preposition or an adverb after "and" opens a second part of the same verb
_GAP_PREPOSITIONS = frozenset("for from across throughout within outside inside".split())
_GAP_ADVERB = re.compile(r"(?:potentially|possibly|eventually|ultimately|probably)")


def _opens_a_gap(word: str) -> bool:
    """Does ``word``, after "and", open a second part of the verb before it, the verb left out ("and another 1
    billion", "and for its sites abroad", "and potentially 90 million", "and 582 million pounds on ...")?"""
    return word in _GAP_WORDS or word in _GAP_PREPOSITIONS or _GAP_ADVERB.fullmatch(word) is not None \
        or word[:1].isdigit() or word[:1] in "$\u20ac\u00a3"


# Words after "and" that are not a second verb of the same subject.
_NOT_COORDINATED = frozenset(
    """the a an its their our his her this that these those other more most some all any each every new
    then now also still not never only even well so too its it they we he she there here who which what
    say says tell warn argue claim believe think""".split())


def _read(doc: _Doc, sent: Sentence, clause: Clause, previous: Entity | None) -> _Found | None:
    """Who promises what in the clause, or None when it is not a promise."""
    cue, index, focus = clause.cue, doc.index, doc.focus
    turn = doc.turns.get(sent.block)
    if turn is not None and turn.asking:
        return doc.leave(sent, clause, f"said by the questioner ({turn.label}:), not a promise")
    if turn is not None and turn.speaker is not None and not clause.in_quote:
        # an answer in a transcript is its speaker's own speech, quotation marks or not
        clause = replace(clause, in_quote=True, quote_speaker=turn.speaker.name)
    if cue.family == "scheduled_present" and not _future_dated(doc, sent, clause):
        return None  # "the shop opens at nine": only a dated future event is a schedule
    if cue.family == "goal" and clause.subject.strip().lower() in {"the", "this", "that", "these", "those"} \
            and not re.search(r"\bto\s*$", sent.text[cue.start:cue.verb_start]):
        return doc.leave(sent, clause, "says what a plan is like, not what it is")  # "This target is a floor"
    why = _ruled_out(doc, sent, clause)
    doubts: list[str] = []
    if why in _SOFT_REASONS:
        doubts.append(_SOFT_REASONS[why])
    elif why:
        return doc.leave(sent, clause, why)
    speaker = _speaker(clause, index, focus)
    if speaker is THIRD:
        return doc.leave(sent, clause, "said by a third party")
    speaker_org = _as_actor(speaker, index, focus)
    subject, kind, ent = _classify_subject(doc, sent, clause, previous, speaker_org)
    if kind == "third":
        return doc.leave(sent, clause, f"subject {subject!r} is not the actor")
    if cue.family in ("would", "reported_plan") and not (
        clause.frame_kind in ("speech", "promise") or clause.trailing_speaker
        or (clause.conditional and cue.family == "would")
        or (cue.family == "reported_plan" and _dated(doc, sent, clause))  # "is planned to start in 2026": a schedule
    ):
        doubts.append("writer_would")  # a hypothetical in the writer's voice ("the bill would give patients ...")
    if clause.frame_kind == "hedge" and not CONVINCED.search(clause.frame):
        doubts.append("own_forecast")  # "I think we'll have it by May": the actor's own forecast, not its word
    verb_words = coming_as_arrival(sent.text[cue.verb_start : clause.vp_end].split())
    cue_text = sent.text[cue.start : cue.end].lower()
    named = kind == "actor" or re.fullmatch(r"[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'-]*)*",
                                            subject.strip()) is not None and zipf(subject.strip()) < _ORDINARY_ZIPF
    if named and cue.family == "set_to" and re.search(r"\bexpected\b", cue_text) \
            and not (clause.frame_kind or clause.trailing_speaker or clause.in_quote):
        # "Varga is expected to become finance minister", "Vexa is expected to show its phone next week":
        # the writer's (or the market's) expectation of a named actor; "construction is expected to begin" is
        # a thing's schedule and stays
        doubts.append("expected_of")
    pronoun_of_another = subject.lower() in {"it", "this", "that"} and (speaker_org is None or speaker_org is not ent)
    if _BENEFIT.match(" ".join(verb_words[:4])) and not _dated(doc, sent, clause):
        # "would offer customers lower prices", "will give parents more information", "would let people play":
        # what something does for people, with nothing dated to check
        doubts.append("benefit")
    if cue.family == "goal" and _MISSION.search(cue_text) and not _dated(doc, sent, clause):
        doubts.append("vague")  # "our mission is to make energy affordable for everyone": a vision, undated
    if clause.aside_date:
        doubts.append("aside")  # "The mill, which will open in 2026, cost 40 million": a date told in passing
    if _SAID_EARLIER.search(sent.text[:clause.cue.start]):
        doubts.append("earlier")  # "..., and said last month it would cut 9,000 jobs": an earlier word, told again
    took = _TAKES_A_TIME.search(" ".join(verb_words[:10]))
    if took and not re.search(r",|\band\b", " ".join(verb_words[:10])[:took.start()]):
        # "the discharge is expected to take about 30 years", "construction will take up to 36 months": how
        # long something lasts, with no act promised and no day it is due
        doubts.append("duration")
    person_said_it = subject.lower() == "it" and speaker is not None and speaker.kind == "person"
    if (kind == "thing" or pronoun_of_another or person_said_it) and _JOBS_EFFECT.match(" ".join(verb_words[:10])):
        # "the plant will create 4,000 jobs", "officials said it would employ 300 people", "the minister announced
        # the investment and said it would create thousands of jobs"
        doubts.append("effect")
    if "schedule" in doubts and _dated(doc, sent, clause):
        doubts.remove("schedule")  # "is scheduled to open in May 2027": a dated schedule is the owner's promise
    if kind == "actor" and _holds(verb_words) and not re.search(r"\d", " ".join(verb_words)) \
            and not _dated(doc, sent, clause):  # (no figure: every amount has a digit)
        # "NewCo will own brands such as ...", "Device Co will house our chip operations", "the group itself will
        # hold our shares in Orvo": what an organisation will be made of, no act to check
        doubts.append("description")
    if kind == "thing" or (kind == "unknown" and subject):
        reported = clause.frame_kind in ("speech", "promise") or clause.in_quote or clause.trailing_speaker is not None
        # a thing named with its owner ("Aurelia FC's new stadium") is spoken for by the owner
        verb = base_form(verb_words[0].strip(",.")) if verb_words else ""
        nxt = verb_words[1].lower().strip(",.") if len(verb_words) > 1 else ""
        if clause.negated and (verb in _ERGATIVE_EVENTS or (verb == "be" and nxt in _READINESS)) \
                and _TIME_LIMIT.search(" ".join(verb_words)):
            return doc.leave(sent, clause, "a delay ('will not open until ...'), not a promise")
        event = head_noun(subject).lower() in _EVENT_NOUNS
        organisers = event and speaker_org is not None and clause.trailing_speaker is not None \
            and verb in _EVENT_STARTS and _dated(doc, sent, clause)
        if event and not organisers:
            # "the fair is scheduled to begin on June 3": an event, nobody's act; dated by those who speak for it
            # ("the Games will open on July 23, organisers and the Vantor Committee said") the organisers' promise
            doubts.append("event")
        elif head_noun(subject).lower() in _MARKET_NOUNS or _bears_on_results(verb, verb_words) \
                or _results_move(subject, verb, verb_words) or market_position(subject, " ".join(verb_words)):
            # "demand for chips will double by 2030, the maker said": a market forecast; "rising fuel costs will
            # squeeze our margins this year": a condition's effect on the results, nobody's act
            doubts.append("condition")
        elif (verb in _DESCRIBING and not (verb in ("remain", "stay") and nxt in COMMIT_ADJ)
              and not _FIRST_USE.match(" ".join(verb_words[1:4]))) or (verb == "come" and nxt == "with") or (
                verb == "be" and nxt in ("able", "capable", "built", "made", "based")
                and not re.match(r"made\s+(?:redundant|available|public|free|permanent)\b", " ".join(verb_words[1:3]))):
            # "the model will tow 5 tonnes", "the site will include shops"; dated, a target of the owner's ("by
            # 2025 women will hold 50 percent of roles", "by next year the city will have 1,400 electric buses");
            # a capacity stays a description, dated or not ("will carry 400 passengers when it enters service")
            target = _dated(doc, sent, clause) and verb not in _CAPACITY
            doubts.append("dated_thing" if target else "description")
        # in an organisation's own document every sentence is its own word ("Gizmo 2 comes out in May")
        elif not _thing_predicate_ok(doc, verb_words, cue, reported or ent is not None or index.default is not None,
                                     sent, clause, subject):
            # a dated outcome in a text about its owner is usually the owner's promise ("50,000 more children
            # will have places by September"); undated, it is as often a description or a forecast
            doubts.append("dated_thing" if _dated(doc, sent, clause) else "thing")
        # in an organisation's own document a thing with no named owner is the publisher's
        maker = unveiler(subject.strip(), index.text) if kind == "thing" and ent is None and not speaker_org else None
        if maker:  # the maker as named, not a longer name that starts with it ("Acme Repair Store")
            maker_ent = index.default if index.default and index.default.name == maker \
                else index.find_org(maker) or index.add_org(maker, sent.start)
        if speaker_org is not None and speaker_org.kind == "person" and ent is not None and ent.kind == "org":
            speaker_org = None  # "Vantor's app will get a paid tier, said Jo Bly": the owner named, not the person
        actor = speaker_org or ent or (maker_ent if maker else None) or index.default or focus.org or index.topic()
        return _Found(clause, actor, True, subject, cue_text, tuple(doubts))
    if kind == "unknown":
        actor = focus.org or index.topic() or index.default
    elif ent is not None and ent.kind == "person" and ent.political and subject.lower() not in {"he", "she", "i"}:
        actor = _minister_government(ent, index) or ent  # "the mayor, Rhea Calloway, pledged ...": her own promise
    else:
        actor = _as_actor(ent, index, focus)
    if _SWEEPING.match(" ".join(verb_words[:6])) and not _dated(doc, sent, clause):
        doubts.append("effect")  # "AI is going to change every job", "will transform an industry": vision, not an act
    elif _forecasts_a_condition(sent, clause, verb_words):
        doubts.append("condition")  # "we expect inflation to weigh on the first half": a forecast, not an act
    elif _predicts_an_effect(doc, sent, clause, subject, verb_words) or _expects_of_another(doc, sent, clause):
        doubts.append("effect")  # "the railway would free up space", "expects the zone to cut emissions"
    if [w.lower() for w in verb_words[:2]] in (["have", "to"], ["need", "to"]) and not _dated(doc, sent, clause):
        doubts.append("not_volitional")  # "we will have to become a leaner company": a necessity foreseen, not an act
    if verb_words and base_form(verb_words[0].lower().strip(",.")) in _SEEMING and "vague" not in doubts and not (
            len(verb_words) > 1 and verb_words[1].lower() in ("before", "at", "in", "on", "for", "into", "to", "after")):
        doubts.append("vague")  # "it's going to sound crazy", "we will look different": how it seems, no act
    if _is_passive(verb_words) and cue.family in ("will", "would", "going_to"):
        doubts.append("passive")  # "the company will be fined": done to the actor, not promised by it
    elif "own_forecast" not in doubts:  # a figure forecast ("revenue to be in the range of") is checkable as it is
        ok = _actor_predicate_ok(doc, verb_words, cue, sent, clause)
        if ok is None:
            return None
        if not ok:
            doubts.append("vague")
    return _Found(clause, actor, False, subject, cue_text, tuple(doubts))


# Acts complete without an object: a person's leaving office
_WHOLE_ACTS = frozenset("retire resign quit abdicate".split())
# An earlier statement told again: "said last month it would", "announced earlier this year that it would"
_SAID_EARLIER = re.compile(r"\b(?:said|announced|pledged|promised|told\s+[\w\s]{1,30}?)\s+(?:last\s+(?:week|month)|"
                           r"earlier\s+this\s+(?:month|year))\b", re.I)
# Verbs of what a thing does for people, beyond _EFFECT: "free up space", "spread prosperity", "ease congestion".
_EFFECT_MORE = frozenset("""free spread ease relieve cut reduce lower improve raise increase curb slash""".split())
_EFFECTS = _EFFECT | _EFFECT_MORE


# "will carry its first passengers", "take their first orders": the first use of a thing is an event, not a
# description of what it can hold
_FIRST_USE = re.compile(r"(?:its|their|the|her|his)\s+(?:very\s+)?first\b", re.I)
# A deadline that refers back to the last one read: "by the same date", "over the same period", "by then"
_SAME_DEADLINE = re.compile(r"\b(?:by|before|until|within|over|in|at)\s+(?:the\s+same\s+(?:date|year|time|period|"
                            r"deadline)|that\s+(?:same\s+)?(?:date|time|point|year)|then)\b", re.I)
# A year named by the last date the text gave: "later that year", "by the end of that same year" (its year), "the
# following year", "a year later" (the next one)
_YEAR_AFTER_THAT = re.compile(r"\b(?:(?:later|(?:by\s+)?the\s+end\s+of|(?:in\s+)?the\s+rest\s+of)\s+(?:that|the\s+same)"
                              r"(?:\s+same)?\s+year|(?P<next>(?:in\s+|by\s+)?the\s+(?:following|next)\s+year|"
                              r"(?:in\s+)?the\s+year\s+after|a\s+year\s+later(?!\s+than)))\b", re.I)
# Jobs a thing brings: "will create about 4,000 jobs", "would employ as many as 900 people". Said of a plant, a
# project or "it", a projected effect; an organisation's own "we will hire 400 engineers" is an undertaking.
# A verb whose only object is a pronoun: "increase it gradually", "publish them"
_PRONOUN_ONLY = re.compile(r"^\w+(?:\s+\w+)?\s+(?:it|them|this|that|these|those)(?:\s+\w+ly)?$", re.I)
# A benefit to people: "offer customers lower prices", "give parents more information", "let people play"
_BENEFIT = re.compile(r"(?:also\s+)?(?:offer|give|provide|bring|help|let|allow|enable|save|encourage|spare)s?\s+"
                      r"(?:all\s+|its\s+|our\s+|their\s+|more\s+|many\s+|most\s+)?"
                      r"(?:customers|users|consumers|people|parents|children|passengers|members|shareholders|investors|"
                      r"commuters|airlines|carriers|operators|"
                      r"families|drivers|riders|patients|residents|viewers|players|fans|subscribers|owners|employees|"
                      r"workers|staff|businesses|buyers|shoppers|travellers|students|citizens|everyone)\b", re.I)
# How long a thing takes: "take about 30 years", "take up to 36 months", "take several days" (not "take over")
_TAKES_A_TIME = re.compile(
    r"(?:take|takes|last|lasts)\s+(?:(?:about|around|roughly|some|up\s+to|at\s+least|more\s+than|less\s+than|"
    r"another|a\s+further|only|just)\s+)?(?:[\d.,]+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"several|many|a\s+few)(?:\s+to\s+[\d.,]+)?[\s-]+(?:more\s+)?(?:years?|months?|weeks?|days?|decades?|hours?)\b", re.I)
_JOBS_EFFECT = re.compile(
    r"(?:create|creates|generate|generates|support|supports|add|adds|employ|employs|sustain|bring|brings)\s+"
    r"(?:(?:about|around|roughly|nearly|almost|more\s+than|over|up\s+to|as\s+many\s+as|some|at\s+least)\s+)?"
    r"(?:[\d,.]+(?:\s+(?:million|thousand))?|thousands|hundreds|tens\s+of\s+thousands)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:jobs|positions|roles|workers|people|employees)\b", re.I)


def _holds(verb_words: list[str]) -> bool:
    """An organisation's future make-up: "will own", "will house", "will comprise", "will hold" shares or stakes
    (not "will hold a vote": an act)."""
    verb = base_form(verb_words[0].strip(",.").lower()) if verb_words else ""
    if verb in ("own", "house", "comprise", "contain"):
        return True
    return verb == "hold" and re.search(r"\b(?:shares?|stakes?|interests?|assets|holdings?)\b",
                                        " ".join(verb_words[1:6]), re.I) is not None


def _forecasts_a_condition(sent: Sentence, clause: Clause, verb_words: list[str]) -> bool:
    """"We expect inflation to weigh on the first half", "expects the deal to add to earnings per share", "we
    expect growth to stay soft": how a condition will behave, dated or not, with no figure to check."""
    cue = sent.text[clause.cue.start : clause.cue.end].lower()
    if not re.search(r"\bexpect(?:s|ed)?\s+(?!to\b|us\b|we\b)|\bexpect\s*$", cue):
        return False
    # the verb of the thing expected comes after its "to" when the cue ends at "expect"
    then = re.match(r"(?:[\w,'\u2019-]+\s+){0,8}?to\s+(?:keep\s+|continue\s+(?:to\s+)?)?(?P<verb>[\w-]+)",
                    " ".join(verb_words[:14]))
    verb = then.group("verb") if then and re.search(r"\bexpect\s*$", cue) else (verb_words[0] if verb_words else "")
    expected = re.search(r"\bexpect(?:s|ed)?\s+(?P<np>(?:[\w,'\u2019-]+\s+){0,8}?)to\b", cue + " " + " ".join(verb_words[:10]))
    words = " ".join(verb_words[:16])
    if expected:
        head = head_noun(expected.group("np")).lower()
        base = base_form(verb.strip(",.").lower())
        if head in _MARKET_NOUNS:
            return True  # "we expect the market to grow 5 percent": the market's figure, not the actor's
        if head in _CONDITION_FIGURES and base in _CHANGES and not _AMOUNT.search(" ".join(verb_words)):
            # "we expect our fuel costs to rise", "passenger numbers to keep rising": no act, no figure (revenue or
            # losses expected to move are guidance on the actor's own results, and stay)
            return True
        if head in _DEAL_NOUNS and base in _DEAL_EFFECTS:
            return True  # "expects the acquisition to add 8 billion dollars of EBITDA": the deal's effect
    # a figure, or a sign that can be checked ("to remain negative in 2026 and turn positive in 2027"), is guidance
    return base_form(verb.strip(",.")) in _CONDITIONS and not _AMOUNT.search(words) and not _SIGNED.search(words)


_EXPECTED_TO = re.compile(r"(?:\w+\s+)?expect(?:s|ed)?\s+(?P<np>(?:[\w'\u2019-]+\s+){1,5}?)to\s+(?P<vp>.+)", re.I | re.S)
# A place in a market, not an act: one product overtaking another, a class of products taking a share of sales or
# becoming cheaper than another
_OVERTAKES = re.compile(r"(?:overtake|outsell|surpass|outnumber|outpace|eclipse|dethrone)s?\b", re.I)
_TAKES_A_SHARE = re.compile(r"(?:make\s+up|account\s+for|represent)\b|become\s+(?:\w+er|more|less)\s+(?:\w+\s+){0,3}?than\b",
                            re.I)
_OWN_SHARE = re.compile(r"\b(?:our|its|their|his|her|my)\b|['\u2019]s\s+(?:own\s+)?(?:sales|revenue|fleet|line-?up|"
                        r"deliveries|production|output)\b", re.I)


def market_position(subject: str, verb_phrase: str) -> bool:
    """Where a product or a class of products will stand in its market: "Electric cars will make up half of new
    car sales", "heat pumps will become cheaper than boilers", "the Orvo phone will overtake its rival". A
    forecast of the market, not anybody's act (a share of the actor's own sales stays its target).

    >>> market_position("Electric vans", "make up half of new van sales by 2030")
    True
    >>> market_position("Electric vans", "make up half of our sales by 2030"), market_position("the vans", "make up half")
    (False, False)
    """
    vp = verb_phrase.strip()
    if _OVERTAKES.match(vp):
        return True
    return _generic_plural(subject) and _TAKES_A_SHARE.match(vp) is not None and not _OWN_SHARE.search(vp)


def _generic_plural(subject: str) -> bool:
    """A bare plural of everyday words, no determiner or owner ("Electric cars", "heat pumps"): a class of things."""
    words = subject.strip().split()
    if not words or len(words) > 4 or words[0].lower() in _DETERMINERS or "'" in subject or "\u2019" in subject:
        return False
    return all(w.islower() for w in words[1:]) and words[-1].isalpha() and ordinary_noun_form(words[-1]) \
        and words[-1].lower().endswith("s")


_DETERMINERS = frozenset("the a an our its their these those this that some all most many his her my your every each "
                         "no any".split())


def _results_move(subject: str, verb: str, verb_words: list[str]) -> bool:
    """A result that will move, with no figure to check: "its profits will fall this year", "costs will rise"
    (a forecast of how the numbers go, not an act; "revenue will rise to 5 billion dollars" is guidance)."""
    return head_noun(subject).lower() in _RESULT_NOUNS and verb in _CHANGES \
        and not _AMOUNT.search(" ".join(verb_words))


_RESULT_NOUNS = frozenset("profit profits revenue revenues sales earnings margin margins income loss losses cost costs "
                          "spending turnover".split())
# figures that move with the world rather than by the actor's hand: costs it pays, volumes, prices
_CONDITION_FIGURES = frozenset("cost costs numbers volumes traffic prices".split())
# what a deal is expected to do for the buyer ("expects the acquisition to yield 2 billion dollars in savings")
_DEAL_NOUNS = frozenset("acquisition deal merger transaction combination takeover purchase".split())
_DEAL_EFFECTS = frozenset("add yield generate create produce deliver bring boost save contribute".split())
_CHANGES = frozenset("rise fall grow decline increase decrease drop climb slip shrink jump soar slump improve "
                     "worsen recover rebound".split())


def _bears_on_results(verb: str, verb_words: list[str]) -> bool:
    """A thing's effect on a company's results: "will weigh on profits", "will squeeze its margins"."""
    return verb in _BEARING and _RESULTS.match(" ".join(verb_words[1:7])) is not None


# What a condition does to results ("weigh on", "squeeze", "lift"), and the results it does it to
_BEARING = frozenset("weigh squeeze hit dent erode pressure boost lift support hurt drag dilute add eat crimp put "
                     "compress depress".split())  # ("put pressure on margins")
_RESULTS = re.compile(r"(?:on\s+|to\s+|into\s+)?(?:[\w.&'\u2019-]+\s+){0,4}?"
                      r"(?:margins?|profits?|profitability|earnings|results|revenues?|sales|growth|returns|cash\s+flow|"
                      r"income|ebitda|bottom\s+line)\b", re.I)


def _predicts_an_effect(doc: _Doc, sent: Sentence, clause: Clause, subject: str, verb_words: list[str]) -> bool:
    """An undated effect credited to a thing, not an act of the actor's: the subject is a common
    noun an organisation can also be called by ("the railway", "the network"), or the thing an
    actor "expects" to do something ("expects the larger zone to cut emissions")."""
    if not verb_words:
        return False
    verb = base_form(verb_words[0].strip(",."))
    if verb not in _EFFECTS or _dated(doc, sent, clause):  # the cheap test first: most verbs are no effect
        return False
    cue = sent.text[clause.cue.start : clause.cue.end].lower()
    if re.match(r"expect(?:s|ed)?\s+(?!to\b)", cue) and not re.match(r"expect(?:s|ed)?\s+(?:us|our|its|their|we)\b", cue):
        return True
    low = subject.lower().strip()
    return re.fullmatch(r"the\s+(?:[\w-]+\s+)?([\w-]+)", low) is not None and head_noun(low) in _AMBIGUOUS_BODIES


# What no single organisation does: "demand for heat pumps will double", "the economy will grow 2 percent"
_MARKET_NOUNS = frozenset("demand market markets industry sector economy economies inflation consumption uptake growth "
                          "population".split())
# How a condition will behave: "expect costs to weigh on margins", "expect growth to stay soft", "expects the deal
# to add to earnings per share"
_CONDITIONS = frozenset("weigh stay remain keep add ease hurt drag dilute persist linger soften moderate".split())
_SIGNED = re.compile(r"\b(?:positive|negative|profitable|break\s+even|breakeven)\b", re.I)
_AMOUNT = re.compile(r"\d[\d,.]*\s*(?:%|percent|per\s+cent|billion|million|bn|m\b|points?)|[$\u20ac\u00a3\u00a5]\s*\d", re.I)


# A sweeping change of the world at large: "change every job", "transform an industry", "reshape how we work"
_SWEEPING = re.compile(r"(?:be\s+)?(?:change[ds]?|transform(?:ed|s)?|revolutioni[sz]e[ds]?|reshape[ds]?|redefine[ds]?|"
                       r"disrupt(?:ed|s)?)\b(?:\s+(?:(?:every|each|all|the|an?|our|your|whole|entire)\s+)?(?:[\w-]+\s+){0,4}?"
                       r"(?:industry|industries|job|jobs|world|way|ways|field|sector|market|economy|lives|life|work|"
                       r"business|travel|medicine|everything|game|landscape|face)\b|\s+how\b|\s*$|\s*[,.])", re.I)

# Nouns that name an organisation or the thing it runs ("the railway will free up space")
_AMBIGUOUS_BODIES = frozenset("""railway railroad network platform service line system scheme programme
    program project zone airport port tunnel bridge plant factory""".split())


# "agreed to buy 15 airliners", "agreed to order up to 300 jets": an order of goods, placed; what is still
# to happen is the seller's delivery ("agrees to buy Calder Aero" is a takeover still to close: a promise)
_ORDER_PLACED = re.compile(r"(?:on\s+\w+\s+|today\s+|has\s+|have\s+|had\s+)*agreed\s+to\s+(?:buy|purchase|order|lease)\s+"
                           r"(?:up\s+to\s+|as\s+many\s+as\s+|about\s+|around\s+|another\s+|a\s+further\s+)?\d[\d,]*\s", re.I)

# A capitalised subject this frequent is an ordinary word at the start of a sentence ("Construction is
# expected to begin"), not a name (names of big companies sit lower, around 3-4.5)
_ORDINARY_ZIPF = 4.5

_SOFT_REASONS = {
    "a forecast of a market figure": "own_forecast",
    "under way, not promised (undated progressive)": "undated_progressive",
    "a wish with no date": "undated_progressive",
    "an order placed (a purchase agreed), not an act still to do": "undated_progressive",
    "not in the speaker's power": "not_volitional",
    **{f"{w} to: a forecast or schedule": "schedule" for w in ("expected", "scheduled", "slated", "due", "meant")},
}


def _ruled_out(doc: _Doc, sent: Sentence, clause: Clause) -> str | None:
    """Why the clause is rejected (by the clause reader, set in the past, a forecast, an undated progressive)."""
    cue = clause.cue
    if clause.reject:
        return clause.reject
    if past_context(sent.text[: cue.start], doc.published.year):
        return "set in the past"
    if _is_forecast(sent.text[cue.start : clause.vp_end], cue):
        return "a forecast of a market figure"
    # "is building a plant": under way, not promised; "is opening it on 3 May": promised
    if cue.family == "progressive" and not _dated(doc, sent, clause):
        return "under way, not promised (undated progressive)"
    if cue.family == "pledge" and _ORDER_PLACED.match(sent.text[cue.start : clause.vp_end]):
        return "an order placed (a purchase agreed), not an act still to do"
    if re.match(r"(?:we|I)\s+want\b", sent.text[cue.start : cue.end], re.I) and not _dated(doc, sent, clause):
        return "a wish with no date"  # "we want things to just work"; "by 2025, we want 30 percent ... to be ..."
    if _NAMING.match(sent.text[cue.verb_start : clause.vp_end]):
        return "a name given, not an act"  # "the rover will be called Ada", "would call its first model Orvo"
    return None


# A name announced: "will be called Orvo", "would be named after ...", "would call its first model Orvo"
_NAMING = re.compile(r"(?:be\s+)?(?:called|named|renamed|known\s+as)\b|(?:call|name|rename)\s+(?:it|them|its|their|the)\b",
                     re.I)


# The figures an organisation forecasts as guidance: "we expect gross margin to be about 51 percent"
_FIGURE_NOUNS = frozenset("""margin margins profit profits revenue revenues sales earnings income eps capex spending
    expenditure expenditures costs cost expenses cash flow production deliveries output shipments volumes volume
    subscribers growth dividend bookings orders loss losses ebitda ebit""".split())


def _expects_of_another(doc: _Doc, sent: Sentence, clause: Clause) -> bool:
    """An undated "we expect X to ..." of something that is no figure of the actor's: "we expect most customers
    to switch", "expects the line to carry 200,000 riders a day", "we expect the region to be profitable": a
    forecast of others or of a thing, not an act; the actor's own figures ("expect margin to be 51 percent")
    stay guidance."""
    cue = clause.cue
    if cue.family not in ("expect", "guidance") or _dated(doc, sent, clause):
        return False
    m = re.match(r".*?\bexpect(?:s|ed|ing)?\s+(?P<obj>(?!to\b)[^,;]+?)\s+to\s+[a-z]", sent.text[cue.start:clause.vp_end], re.I)
    if m is None:
        return False
    words = re.findall(r"[a-z]+", m.group("obj").lower())
    return not (set(words) & _FIGURE_NOUNS)


def _is_passive(words: list[str]) -> bool:
    return len(words) > 1 and words[0] == "be" and is_participle(words[1].strip(",."))


# Bodies that act together as one subject of a pledge: "twenty countries", "G7 ministers", "the big banks"
_AGENT_GROUP = re.compile(r"(?:(?:the|some|many|several|most|all|\d+|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozens\s+of|more\s+than\s+\d+)\s+)?"
                          r"(?:[\w-]+\s+){0,2}(?:countries|governments|nations|states|leaders|ministers|companies|"
                          r"firms|carmakers|automakers|airlines|banks|lenders|retailers|insurers|utilities|cities|"
                          r"councils|mayors|members|partners|parties|brands|manufacturers|producers|operators)", re.I)


# People enabled or served: "will be able to pay", "would be able to hail", "will have their vans"
_ENABLED = re.compile(r"(?:be\s+able\s+to|have\s+(?:their|his|her|its|the|a|an|access)\b)", re.I)
# whom an actor serves: "the first customers will have their vans" (not "rivals will have their own chargers")
_SERVED = re.compile(r"\b(?:customers?|passengers?|buyers?|owners?|users?|subscribers?|riders?|shoppers?|players?|"
                     r"patients?|clients?|our)\b", re.I)


def _classify_subject(doc: _Doc, sent: Sentence, clause: Clause, previous: Entity | None,
                      speaker_org: Entity | None) -> tuple[str, str, Entity | None]:
    """(subject, kind, entity): kind is actor / thing / third / unknown, as in :meth:`ActorIndex.resolve`."""
    cue, index, focus = clause.cue, doc.index, doc.focus
    subject = clause.subject
    if cue.family == "goal":
        subject = _goal_owner(subject)  # "our goal is ..." is a promise of "we"
    if re.search(r"\s(?:and|but|then)$", subject):
        subject = _leading_subject(subject, index)  # "Vantor today opened X and announced plans to ..."
    elif not subject and previous is None and re.search(r",\s+(?:and|but)(?:\s+(?:also|then))?\s*$", sent.text[:cue.start]):
        subject = _leading_subject(sent.text[:cue.start], index)  # "Vantor showed a truck, and pledged to ..."
    lead = _HEADLINE_LEAD.match(sent.text) if sent.headline else None
    if lead is not None and (not subject or (subject.startswith(lead.group("name")) and (
            "," in subject or sent.text[cue.start : cue.start + 1] == ","))) \
            and lead.end("thing") <= cue.start and not previous and not speaker_org:
        # "Acme unveils Gizmo, to go on sale in June": Acme's promise about the thing it unveiled
        return lead.group("thing"), "thing", index.add_org(lead.group("name"), sent.start)
    if not subject:
        kind, ent = ("actor", previous or speaker_org) if (previous or speaker_org) else ("unknown", None)
    elif subject.lower() == "it" and doc.prev_thing and not clause.frame_speaker and not clause.in_quote \
            and not clause.object_np:  # "unveiled a model that it will release": "it" is whoever unveiled it
        return doc.prev_thing, "thing", None  # "The rover will launch in July. It will land in March."
    elif subject.lower() in {"it", "they", "he", "she"} and clause.frame_speaker and speaker_org is not None:
        kind, ent = "actor", speaker_org  # "Valdor said it would ...": "it" is who is speaking
    elif subject.lower() in {"he", "she"} and clause.frame_speaker and _office_holder(clause.frame_speaker, index, focus):
        # "the prime minister said he would ...": he is the office-holder, who acts for the government
        kind, ent = "actor", _office_holder(clause.frame_speaker, index, focus)
    else:
        kind, ent = index.resolve(subject, focus, speaker=speaker_org if clause.in_quote else None,
                                  fallback=speaker_org)
        owner = owned_by(subject, sent.text) if kind in ("thing", "unknown", "actor") else None
        if owner is not None and (ent is None or ent.name != owner) and (ent is None or ent.kind != "person"):
            # "Lumo, the streaming app from Vantor, will ...": the product or programme is its owner's thing
            kind, ent = "thing", index.find_org(owner) or index.add_org(owner, sent.start)
        if kind == "actor" and ent is not None and ent.kind == "org" and ent.name.split()[-1].lower() in _EVENT_NOUNS \
                and re.sub(r"^[Tt]he\s+", "", subject.strip()) == ent.name:
            kind, ent = "thing", None  # "The Harbury Games will open in July": an event, held by its organisers
    verb_words = sent.text[cue.verb_start : clause.vp_end].split()
    passive = _is_passive(verb_words)
    low = subject.lower()
    if kind in ("thing", "unknown") and ent is None and not passive and cue.family == "pledge" \
            and _AGENT_GROUP.fullmatch(subject.strip()):
        # "Twenty countries pledge to double ...", "Ministers agree to ban ...": a group of bodies pledges as one
        return subject, "actor", index.add_org(subject.strip()[:1].upper() + subject.strip()[1:], sent.start)
    if (clause.in_quote or passive) and low in _DEMONSTRATIVES:
        return subject, "thing", None  # "it" in a quote or a passive is a thing: an organisation says "we"
    if kind == "third" and passive and cue.family in ("will", "would", "going_to", "set_to"):
        return subject, "thing", None  # "Customers will not be charged": the subject is not the one acting
    if kind == "third" and clause.in_quote and re.match(r"(?:our|my)\s", low):
        return subject, "thing", None  # "our passengers will not pay more": a promise about its customers
    enabled = _ENABLED.match(" ".join(verb_words[:4]))
    if kind == "third" and enabled and (enabled.group(0).lower().startswith("be") or _SERVED.search(low)) \
            and _dated(doc, sent, clause):
        # "passengers will be able to pay by card from next year", "the first customers will have their vans by
        # the end of 2021": what the actor will let people do, dated, is its promise (undated, only a benefit)
        return subject, "thing", None
    if low == "there":
        return subject, "thing", None  # "there will be no paid expansions"
    party = PARTY_GOVERNMENT.fullmatch(subject.strip())
    if party:  # "A Liberal government will ...", "a future Labour government would ...": the party's pledge
        return subject, "actor", index.party(party.group("party")) or speaker_org or focus.org or index.topic() \
            or index.default
    if kind == "thing" and ent is None and sent.headline and _arrives(verb_words) and (speaker_org or index.default):
        return subject, "thing", None  # "Gizmo 2 arrives June 1" in its maker's own text: the maker's promise
    owner = speaker_org or index.default
    if owner is not None and ent is not owner and _hosts_owners_event(verb_words, owner):
        # "Harbury will host the Vantor Cup final" in Vantor's own post: a place hosts the organiser's event
        return subject, "actor", owner
    if kind == "thing" and ent is not None and ent.kind == "org" and index.default is not None \
            and ent is not index.default and _ONE_WORD_OWNER.match(subject.strip()):
        # "Falcata's first flight is planned for 2031" in its maker's release: a one-word name that owns the
        # thing is the maker's product, and the promise the publisher's
        return subject, "thing", None
    if ((kind == "actor" and ent is not None and ent.kind == "org") or (kind == "thing" and ent is None)) \
            and index.default is not None and ent is not index.default and ent is not owner \
            and _contained(subject.strip(), doc.text):
        # "Orvo will block ..." in a text that puts cookies "in Orvo", "Harbury will make the cells" in a
        # release that breaks ground "in Harbury": what the publisher's text holds things in is its product or site
        return subject, "thing", None
    named_thing = (kind == "thing" and ent is None) or (kind == "actor" and ent is not None and ent.kind == "org"
                                                       and ent is not owner)
    if cue.family == "scheduled_present" and named_thing and owner is not None and _arrives(verb_words) \
            and " " not in re.sub(r"^[Tt]he\s+", "", subject.strip()):
        return subject, "thing", None  # "Gizmo is coming in May, Acme said": a one-word name that arrives is Acme's thing
    if kind in ("thing", "unknown") and ent is None and sent.headline and cue.family == "headline_to" \
            and clause.cue.verb.endswith("ing") and _arrives(verb_words) and (speaker_org or index.default):
        return subject, "thing", None  # "Gizmo Buds coming later this year" in its maker's text: a thing arrives
    if kind == "thing" and ent is None and sent.headline and _headline_name(subject):
        maker = _summary_speaker(doc, sent, subject)
        if maker is not None:
            return subject, "thing", maker  # "Orvo Buds coming in May" over "Vantor says the buds ...": Vantor's
    if kind == "thing" and ent is None and sent.headline and not POSSESSED.match(subject.strip()) \
            and _headline_name(subject) and not index.named_as_thing(subject.strip()) and not (
            len(subject.split()) == 1 and zipf(subject) >= 5.0 and not index.always_capitalised(subject)):
        # headlines are title-cased and blanked for the actor index: a name-shaped subject there is an actor
        return subject, "actor", index.add_org(subject.strip(), sent.start + clause.subject_start)
    if kind == "thing" and ent is None and not POSSESSED.match(subject.strip()) \
            and _acts_like_an_organisation(subject, cue, verb_words, index):
        return subject, "actor", index.add_org(subject.strip(), sent.start + clause.subject_start)
    return subject, kind, ent


# Words before "in NAME" that make NAME a business one holds or joins, not a place or a product.
_HOLDING = re.compile(r"\b(?:invest\w*|stakes?|shares?|holdings?|interest|jobs?|careers?|role|partner\w*)"
                      r"(?:\s+[\w$\u20ac\u00a3.,%-]+){0,4}\s+in\s+$", re.I)


@lru_cache(maxsize=4096)
def _contained(name: str, text: str) -> bool:
    """Does the text put things in or on ``name`` ("cookies in Orvo", "premieres on Lumo TV", "breaks ground
    in Harbury"), a name no organisation word marks? What things are put in is a product, a service or a
    place; an organisation is one only when the text makes it act."""
    name = re.sub(r"^[Tt]he\s+", "", name)
    if not name or not name[:1].isupper() or any(w in ORG_WORDS for w in name.split()) or name.isupper():
        return False
    return any(not _HOLDING.search(text[max(0, m.start() - 60) : m.start()] + m.group(1) + " ")
               for m in re.finditer(rf"\b(in|on)\s+{re.escape(name)}(?![\w&'\u2019-])", text))


def _hosts_owners_event(verb_words: list[str], owner: Entity) -> bool:
    """The verb hosts or stages something named after the text's own organisation ("will host a Vantor race")."""
    if not verb_words or base_form(verb_words[0].lower().strip(",.")) not in ("host", "stage"):
        return False
    first = owner.name.split()[0]
    return any(w.strip(",.!'\u2019s") == first for w in verb_words[1:6])


# A time that makes "will not open" a delay ("until 2027", "this year", "on time", "before the summer");
# with none ("the old depot will not reopen", "will not return to the grid") it is for good
_TIME_LIMIT = re.compile(r"\b(?:until|till|before|yet|on\s+time|in\s+time|as\s+(?:planned|scheduled|promised|expected)|"
                         r"this\s+(?:year|month|week|spring|summer|autumn|fall|winter|season)|next\s+\w+|by|in\s+\d{4}|"
                         r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|"
                         r"for\s+(?:now|the\s+time\s+being|another|a\s+further|several|some))\b", re.I)


def _arrives(verb_words: list[str]) -> bool:
    """An event verb with no object ("arrives June 1", "to ship in May", "goes on sale"): its subject is a thing."""
    if not verb_words:
        return False
    verb_words = coming_as_arrival(verb_words)
    verb = base_form(verb_words[0].strip(",."))
    nxt = verb_words[1].lower().strip(",.") if len(verb_words) > 1 else ""
    if verb == "be" and nxt == "available":
        return True  # "will be available from May": what becomes available is a thing, never its maker
    return verb in _ARRIVALS and (
        not nxt or nxt in _PREPOSITIONS or nxt in {"on", "live", "out"} or nxt[:1].isdigit() or nxt in MONTHS)


_ARRIVALS = _ERGATIVE_EVENTS | {"arrive", "go", "reach", "land"}  # verbs whose subject is what arrives


# A headline that names its actor and a thing, then goes on without a subject: "Acme unveils Gizmo, to ..."
_HEADLINE_LEAD = re.compile(r"(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*){0,3})\s+[a-z]{3,}\s+"
                            r"(?P<thing>[^,]{2,60}),\s")
_POSSESSIVE_PRONOUNS = {"our": "we", "its": "it", "their": "they", "my": "I", "his": "he", "her": "she"}


def _goal_owner(subject: str) -> str:
    """Whose goal: "Our" -> "we", "The company's new" -> "The company", "Acme's" -> "Acme"."""
    words = subject.split()
    if [w.lower() for w in words] in (["the"], ["this"], ["that"]):
        return ""  # "The plan is to ...": whose, the text around it says
    if words and words[0].lower() in _POSSESSIVE_PRONOUNS:
        return _POSSESSIVE_PRONOUNS[words[0].lower()]
    m = re.match(r"(.+?)['\u2019]s?\b", subject)
    return m.group(1) if m else subject


_NOT_NAMES = frozenset("the a an this that these those its their our his her new more most some all".split())


# an organisation speaking at the start of a digest item's summary: "Vantor says ...", "Vantor said on Monday ..."
_SUMMARY_SPEAKER = re.compile(r"(?P<org>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*){0,3})"
                              r"\s+(?:(?:on\s+\w+|also|today)\s+)?(?:says|said)\b")


def _summary_speaker(doc: _Doc, headline: Sentence, subject: str) -> Entity | None:
    """The organisation that speaks in the summary right under a headline whose subject is a name ("Orvo Buds
    coming later this year" over "Vantor says the buds ..."): the name is that organisation's thing."""
    summary = next((s for s in doc.sentences if s.start > headline.start), None)
    if summary is None or summary.headline:
        return None
    m = _SUMMARY_SPEAKER.match(summary.text)
    if m is None or m.group("org").split()[0] in _SENTENCE_STARTERS:
        return None
    org = m.group("org")
    if org.lower() in subject.lower() or subject.strip().lower().startswith(org.split()[0].lower()):
        return None  # "Vantor says ..." under "Vantor Air to ...": the subject is the speaker
    ent = doc.index.find_org(org)
    if ent is None and doc.index.person_by_mention(org) is not None:
        return None  # a person speaking under a headline is no owner of its subject
    return ent or doc.index.add_org(org, summary.start)


def _headline_name(subject: str) -> bool:
    """"Acme", "Penwick Mills", "Bank of Velbury": a name in a headline's subject position."""
    words = subject.split()
    if not words or len(words) > 5 or words[0].lower() in _NOT_NAMES:
        return False
    return all(w[:1].isupper() or w in {"of", "and", "&", "de", "for"} for w in words)


# An introduction that makes the bullets after it pledges ("Its main pledges include:", "In its first 100 days it will:").
_PLEDGE_LIST = re.compile(
    r"\b(?:pledge|promise|commit|vow|plan|priorit|include|steps|will|shall|target|goal|aim|measures|proposals|"
    r"manifesto|platform|agenda|programme|program|\d+\s+days|to-do|list|intends?)", re.I)
# What others may do under a measure ("pharmacies may sell straws", "users can choose"), or what it leaves
# out ("medical uses are exempt"): a permission, not a pledge ("may no longer enter" is a ban, and stays)
_PERMISSION = re.compile(r"\b(?:(?:may|can)\s+(?!not\b|no\s+longer\b|never\b|only\b)[a-z]+|"
                         r"(?:is|are|will\s+be|remain)\s+exempt(?:ed)?\b|(?:is|are)\s+(?:still\s+)?allowed\s+to)\b", re.I)
_LEADING_VERB = re.compile(r"^(?P<verb>[A-Z\u00c0-\u00de\u0100-\u017f][a-z]+)\s+(?P<rest>.+)$", re.S)


def _listed_pledge(doc: _Doc, sent: Sentence, actor: Entity | None) -> Candidate | None:
    """A bullet of a pledge list with no verb of its own ("- 20,000 extra police officers by 2024",
    "- Launch a border command"): the introducing actor's commitment, with the bullet as its text."""
    text = sent.text.strip().rstrip(".;")
    if _PERMISSION.search(text):
        doc.leave(sent, None, "a permission or an exemption in a list, not a pledge")
        return None
    windows = [(m, _resolve(m.phrase, doc.published, doc.conv)) for m in find_deadlines(text)]
    dated = [(m, w) for m, w in windows if w is not None and w.latest is not None and w.latest >= doc.published]
    match, window = dated[0] if dated else (None, None)
    what = strip_deadline(text, match.phrase if match else None).strip(" ,;:-")
    lead = _verb_lead(what)
    if lead:
        what = lead.group("verb").lower() + " " + lead.group("rest")  # "Launch a command" -> "launch a command"
    elif what[:1].isupper() and is_common_word(what.split()[0]):
        what = "deliver " + what[:1].lower() + what[1:]  # "More nurses by 2024" -> "deliver more nurses"
    elif what[:1].isdigit():
        what = "deliver " + what
    if len(re.findall(r"\w+", what)) < 2:
        return None
    name, aliases = doc.index.canonical(actor)
    negated = bool(re.match(r"(?:no|not|never|zero)\b", text, re.I))
    commitment = Commitment(
        actor=name, actor_aliases=aliases, what=what, quote=sent.text, deadline_phrase=match.phrase if match else None,
        due_earliest=window.earliest if window else None, due_latest=window.latest if window else None,
        confidence=0.7 if window else 0.5, conditional=False, negated=negated, start=sent.start,
        doubts=() if window else ("listed_undated",),
        features=("family=listed", *(("deadline",) if window else ()), *(() if name else ("no_actor",))))
    return _candidate(commitment, what)


def _imperative_misread(sent: Sentence, found: list[Candidate]) -> bool:
    """A bullet that opens with a verb ("- Require schools to ban phones", "- Launch a border command to
    stop smuggling") read as a thing doing something: its capitalised verb was taken for a subject name.
    In a pledge list the bullet is the pledge itself."""
    lead = _verb_lead(sent.text.strip())
    if lead is None or not found or not is_common_word(lead.group("verb").lower()):
        return False
    nxt = lead.group("rest").split()[0]
    if nxt[:1].isupper() or re.search(r"\b(?:will|would|shall|is|are|was|were)\b", lead.group("rest")):
        return False  # "- Northern Tollby Co. will be ...": a name and its own verb, not an order
    return all("thing" in c.commitment.doubts and c.commitment.start == sent.start
               and not c.commitment.deadline_phrase for c in found)


_NOT_VERB_STARTS = frozenset("the a an more no new extra every all some any one two three four five".split())


def _verb_lead(text: str) -> re.Match[str] | None:
    """``text`` opens with a capitalised base-form verb ("Launch a border command"), or None."""
    lead = _LEADING_VERB.match(text)
    verb = lead.group("verb").lower() if lead else ""
    return lead if lead and base_form(verb) == verb and verb not in _NOT_VERB_STARTS else None


def _fold_headlines(candidates: list[Candidate], sentences: list[Sentence], left_out: list[LeftOut]) -> list[Candidate]:
    """A headline over a body restates the body: fold it into the body's promise by the same actor
    that shares its words or its very deadline (a nearby date is no restatement: "on sale in March"
    and "details early next year" are two promises). A folded headline is listed as left out.

    A headline promise the body does not support stays, one step less sure ("headline"); in a
    text that is only headlines (a digest) every headline stands on its own.
    """
    heads = {s.start for s in sentences if s.headline}
    if not heads or all(s.headline for s in sentences):
        return candidates
    starts = sorted(heads)
    body = [c for c in candidates if c.commitment.start not in heads]
    out = []
    surer: dict[int, float] = {}  # a body promise that a surer headline restates keeps the headline's confidence
    dated_by_headline: set[int] = set()  # an undated body promise whose headline gives the date: the headline speaks
    for cand in candidates:
        c = cand.commitment
        if c.start not in heads:
            out.append(cand)
            continue
        # a headline restates the body below it, up to the next headline (a digest of headlines and summaries); a
        # short line that ends like a sentence ("GPT-9 is coming in a few months.") may restate any of the body
        end = next((h for h in starts if h > c.start), None)
        sentence_like = c.quote.rstrip().endswith((".", "!", "?"))
        same_actor = [b for b in body if _one_actor(b.commitment, c) and (sentence_like or (
            b.commitment.start > c.start and (end is None or b.commitment.start < end)))]
        restated = next((b for b in same_actor if b.words & cand.words
                         or (c.due_latest is not None and b.commitment.due_latest == c.due_latest)), None)
        if restated is None:
            headline_words = _common_words(c.what)
            restated = next((b for b in same_actor if _kin_words(_common_words(b.commitment.quote), headline_words)),
                            None)
        if restated is not None and c.due_latest is not None and restated.commitment.due_latest is None:
            # "Acme unveils Gizmo, shipping in December" over "The speaker will go on sale in the US": the headline
            # dates the promise the body restates without a date
            left_out.append(LeftOut(restated.commitment.quote, restated.commitment.start, "",
                                    f"restates the dated headline {c.quote[:60]!r}"))
            dated_by_headline.add(id(restated))
            out.append(Candidate(replace(c, confidence=max(c.confidence, restated.commitment.confidence)),
                                 cand.words, cand.names))
            continue
        if restated is not None:
            left_out.append(LeftOut(c.quote, c.start, "", f"a headline the body restates ({restated.commitment.quote[:60]!r})"))
            surer[id(restated)] = max(surer.get(id(restated), 0.0), c.confidence)
            continue  # restated in the body: the body sentence is the quote, as sure as the surer of the two
        if len(starts) >= 3 and not sentence_like:
            out.append(cand)  # a digest of headlines, each with a summary: every headline is a story of its own
            continue
        doubts = (*c.doubts, "headline")
        out.append(Candidate(replace(c, doubts=doubts, features=(*c.features, "doubt=headline"),
                                     confidence=round(max(0.05, c.confidence - DOUBT_PENALTY["headline"]), 2)),
                             cand.words, cand.names))
    return [Candidate(replace(b.commitment, confidence=max(b.commitment.confidence, surer[id(b)])), b.words, b.names)
            if id(b) in surer else b for b in out if id(b) not in dated_by_headline]


def _common_words(text: str) -> frozenset[str]:
    """The stemmed lower-case content words of ``text`` (names left out: a shared name is no shared act)."""
    return content_words(" ".join(w for w in text.split() if not w[:1].isupper()))


def _kin_words(a: frozenset[str], b: frozenset[str]) -> bool:
    """A word of one derived from a word of the other ("chairmanship" / "chairman", "drivers" / "driving"): a
    headline and its story say the same thing in other forms."""
    return any(len(x) >= 5 and len(y) >= 5 and (x.startswith(y) or y.startswith(x)) for x in a for y in b)


# "cut X by 20 percent by 2030 and by 45 percent by 2050", "to 19 percent in 2017 and to 18 percent in 2020", "on sale
# in the US in December, and in Europe early next year": the verb left out, a second target and its own date
_MARKED_TARGET = (r"(?:by|to)\s+(?:about\s+|around\s+|at\s+least\s+)?[$\u20ac\u00a3]?\d[\d,.]*\s*"
                  r"(?:percent|per\s+cent|%|(?:million|billion)?\s*(?:pounds|euros|dollars|yen))?"
                  r"|(?:in|at)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
# a bare count: "install 100 charging points by 2025 and 500 by 2030"
_COUNT_TARGET = r"(?<![\w,.])\d[\d,.]*(?:\s+(?:million|billion))?(?![\w,.%])(?!\s*(?:percent|per\s+cent))"
_GAP_TARGET = f"{_MARKED_TARGET}|{_COUNT_TARGET}"
_GAPPED = re.compile(rf",?\s+and\s+(?P<target>{_GAP_TARGET})\s+(?=(?:by|in|from|before|early|late|next|this|within)\b)")
_FIRST_TARGET = {False: re.compile(_MARKED_TARGET), True: re.compile(_COUNT_TARGET)}  # by kind: a count or not
_PLACE_AFTER = re.compile(r"(?:in|at)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
                          r"November|December|Spring|Summer|Autumn|Fall|Winter)\b)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+"
                          r"(?=(?:by|in|from|before|early|late|next|this|within)\b)")


def _gapped(doc: _Doc, at: int, clause: Clause, cand: Candidate) -> tuple[Candidate, list[Candidate]]:
    """A second target of the same verb with a date of its own is a second promise (and is no part of the
    first one's ``what``)."""
    c = cand.commitment
    if c.deadline_phrase is None:
        return cand, []
    sent = doc.sentences[at]
    vp = sent.text[clause.vp_start : clause.vp_end]
    m = _GAPPED.search(vp)
    first = _FIRST_TARGET[m.group("target")[0].isdigit()].search(c.what) if m else None
    if m is None or first is None or (m.group("target")[:3] in ("in ", "at ")) != (first.group(0)[:3] in ("in ", "at ")):
        return cand, []
    start = clause.vp_start + m.end()
    place = _PLACE_AFTER.match(vp[m.end():]) if m.group("target")[0].isdigit() else None
    if place:  # "open 40 stores in Dellan by 2026 and 20 in Quenby by 2027": the count and its place
        start += place.end()
    when = next((d for d in doc.deadlines_in(sent, clause) if start <= d.start < start + 40), None)
    window = _resolve(when.phrase, doc.published, doc.conv) if when is not None else None
    if window is None or window.latest is None or window.latest < doc.published:
        return cand, []
    cut = re.search(r",?\s+and\s+" + re.escape(m.group("target").split()[0]) + r"\b", c.what[first.end():])
    what = c.what[: first.end() + cut.start()] if cut else c.what  # "... by 27 percent and by 67": the first part
    kept = Candidate(replace(c, what=what), cand.words, cand.names)
    second_what = what[: first.start()] + m.group("target") + what[first.end():]
    if place:
        second_what = re.sub(r"\b(in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*", lambda _: place.group(0).strip(),
                             second_what, count=1)
    second = replace(c, what=second_what,
                     deadline_phrase=when.phrase, due_earliest=window.earliest, due_latest=window.latest)
    return kept, [Candidate(second, cand.words, cand.names | {when.phrase})]


def _one_actor(a: Commitment, b: Commitment) -> bool:
    """The same actor, named in full or in part ("Dellan" for "J.R. Orvo - Dellan", a headline's
    "Delayed Harwick Games" for "Harwick Games") or by an alias."""
    names_a = {n.lower() for n in (a.actor or "", *a.actor_aliases) if n}
    names_b = {n.lower() for n in (b.actor or "", *b.actor_aliases) if n}
    if names_a & names_b:
        return True
    words_a = [set(re.findall(r"\w+", n)) for n in names_a]
    words_b = [set(re.findall(r"\w+", n)) for n in names_b]
    return any(x and y and (x <= y or y <= x) for x in words_a for y in words_b)


def _leading_subject(text: str, index: ActorIndex) -> str:
    """The subject of the first of two coordinated verbs: the name or pronoun the clause opens with."""
    ent, end = index.named_in(text)
    if ent is not None:
        return text[:end]
    lead = re.match(r"((?:[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*\s+){1,4}?)(?:(?:late\s+|early\s+)?on\s+\w+(?:\s+(?:night|morning|evening|afternoon))?\s+|today\s+|"
                    r"yesterday\s+)?"
                    r"(?:[a-z]+ed|showed|shown|unveiled|said|made|took|gave|won|sold|set|put|cut|rolled|opened)\b", text)
    if lead and index.capitalised_mid_sentence(lead.group(1).split()[0]):
        return lead.group(1).strip()  # "Vantor on Thursday showed off a truck, and pledged to ..."
    m = re.match(r"(.+?)\s+(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do)\b", text)
    return m.group(1) if m else ""


_MAYBE_DATE = re.compile(
    r"\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
    r"apr|jun|jul|aug|sept?|oct|nov|dec|spring|summer|autumn|fall|winter|next|this|later|tomorrow|tonight|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|quarter|season|decade|end|weeks|months|"
    r"years|days|soon|christmas|easter|holiday|holidays)\b", re.I)


def _future_dated(doc: _Doc, sent: Sentence, clause: Clause) -> bool:
    """Does the clause's verb phrase carry a deadline on or after the publication day?"""
    lo, hi = clause.vp_start, clause.vp_end
    if not _MAYBE_DATE.search(sent.text, lo, hi):
        return False  # no digit and no time word: no need to run the deadline reader
    for m in doc.deadlines_in(sent, clause):
        if lo <= m.start < hi:
            window = _resolve(m.phrase, doc.published, doc.conv)
            if window is not None and window.latest is not None and window.latest >= doc.published:
                return True
    return False


def _dated(doc: _Doc, sent: Sentence, clause: Clause) -> bool:
    """Does the clause's verb phrase, or a phrase fronted before its subject ("By 2030, all our depots will
    ..."), carry a deadline (a date or a named event)?"""
    lo, hi = (clause.start if clause.intro.strip() else clause.vp_start), clause.vp_end
    return any(lo <= m.start < hi for m in doc.deadlines_in(sent, clause)) or find_event_phrase(sent.text[lo:hi]) is not None


def _abstract(subject: str) -> bool:
    """"This", "the deal", "the new law": talk about effects, not an undertaking."""
    low = subject.lower().strip()
    return low in _DEMONSTRATIVES or head_noun(subject).lower() in _ABSTRACT_HEADS


_STRUCTURES = frozenset(
    """Bridge Tunnel Road Street Avenue Line Station Park Tower Building Centre Center Stadium Arena Hall Square
    Dam Canal Highway Motorway Route Bypass Terminal Wing Museum Library Gardens Estate Field Reservoir Pipeline
    Mall Plaza Campus Theatre Theater Cathedral Castle Island River Lake Valley Mountain Forest""".split()
)
_AGENTIVE_FAMILIES = frozenset({"plan", "aim", "expect", "pledge", "set_to", "is_to", "target", "reported_plan",
                                "progressive"})
_PRODUCT_VERBS = (
    r"(?:release[sd]?|releasing|launch(?:es|ed|ing)?|ship(?:s|ped|ping)?|unveil(?:s|ed|ing)?|introduc(?:e[sd]?|ing)|"
    r"sells?|selling|sold|debut(?:s|ed|ing)?|open(?:s|ed|ing)?)"
)


def _acts_like_an_organisation(subject: str, cue, verb_words: list[str], index: ActorIndex) -> bool:
    """An unknown proper name ("Brant Mills") doing something agentive is an organisation, not a product."""
    name = subject.strip()
    toks = name.split()
    if not toks or len(toks) > 5 or not all(t[:1].isupper() or t.lower() in {"of", "and", "&", "for"} for t in toks):
        return False
    if (len(toks) == 1 and not index.capitalised_mid_sentence(toks[0]) and is_common_word(toks[0])
            and not index.always_capitalised(toks[0]) and not _acts_on_an_object(toks[0], verb_words)):
        return False  # "Customers", capitalised only because it starts the sentence
    if toks[-1] in _STRUCTURES:
        return False  # "The Halvard Bridge will cut journey times": a thing with a name
    if toks[-1].lower() in _EVENT_NOUNS or (re.search(r"[A-Za-z]-?\d", name) and not index.find_org(name)):
        # "the Harbury Marathon", "the Orla Cup": an event; "XB-1", "Vantor 4.5", "Orla-2": a model, not its maker
        return False
    if index.memo(("product", name), lambda: re.search(
            rf"\b{_PRODUCT_VERBS}\s+(?:its\s+|the\s+|their\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,3}}{re.escape(name)}\b",
            index.text) is not None):
        return False  # released/launched/unveiled X: a product
    if index.named_as_thing(name):
        return False  # "its Kestrel probe", "Kestrel, a robotic lander", "the Kestrel Space Telescope"
    if _arrives(verb_words) and not re.match(r"(?:\S+\s+\d|(?:go|goes|going)\s+(?:ahead|bust|public|private)\b)",
                                             " ".join(verb_words)):  # ("will open 20 more stores": an object)
        return False  # "The Orvo Pad will debut in June", "Kestrel is coming in July": what arrives is a thing
    # Any other proper name in subject position can act: a company, an agency, a city, a country.
    verb = base_form(verb_words[0].strip(",.")) if verb_words else ""
    if index.default is not None and verb in EVENT_VERBS and not set(toks) & set(index.default.name.split()):
        return False  # in Acme's own text, "Gizmo will ship in May" is Acme's product, not another actor
    return cue.family in _AGENTIVE_FAMILIES or verb not in _STATIVE | _MOVEMENT


_OBJECT_OPENERS = frozenset("a an the its their two three four five six ten new more around about nearly almost some".split())


def _acts_on_an_object(word: str, verb_words: list[str]) -> bool:
    """"Lisbon will open two metro stations", "NASA will land astronauts": a less common word (or any
    acronym) doing an act to an object is a name acting (a city, a company, an agency), where
    "Customers will ...", "Output will reach ..." or "Construction will start ..." are not."""
    if len(verb_words) < 2 or ordinary_noun_form(word) or (zipf(word) >= _ACTING_NAME_ZIPF and not is_acronym(word)):
        return False
    verb, nxt = base_form(verb_words[0].strip(",.")), verb_words[1].lower().strip(",.")
    if nxt in _OBJECT_OPENERS or nxt[:1].isdigit():
        return verb in EVENT_VERBS or verb not in _NOT_AN_ACT
    # a bare plural object ("land astronauts", "hire engineers"), never a particle or an adverb ("start in May")
    return verb not in _NOT_AN_ACT and nxt.isalpha() and nxt.endswith("s") \
        and ordinary_noun_form(nxt) and nxt not in _NOT_AN_OBJECT


# Verbs any subject can have: what something is, holds or does by itself, not an act on an object
_NOT_AN_ACT = _STATIVE | _MOVEMENT | _CAPABILITY | _SEEMING | frozenset("be become have get".split())
_NOT_AN_OBJECT = frozenset("as is was has its this towards always sometimes perhaps across".split())


# Everyday nouns that open sentences ("Production", "Revenue", "Customers") are above this
# frequency; most place and company names are below it ("Lisbon" 3.6, "Leeds" 4.0).
_ACTING_NAME_ZIPF = 4.5


_ANCHORED_TO_EVENT = re.compile(r"\b(?:once|as\s+soon\s+as|when)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?"
                                r"(?:opens|starts|begins|arrives|enters\s+service|is\s+(?:completed|finished|ready|"
                                r"open|operational))\b", re.I)


def _thing_predicate_ok(doc: _Doc, words: list[str], cue, reported: bool, sent: Sentence, clause: Clause,
                        subject: str) -> bool:
    """A thing as subject promises only through availability, passives and launch-type events."""
    if not words:
        return False
    verb = base_form(words[0].strip(",."))
    nxt = words[1].lower().strip(",.") if len(words) > 1 else ""
    # "Tegel will close once the new hub opens": tied to another event, as checkable as a date
    dated = _dated(doc, sent, clause) or _ANCHORED_TO_EVENT.search(sent.text) is not None
    if clause.negated and (verb in _ERGATIVE_EVENTS or (verb == "be" and nxt in _READINESS)):
        # "the tram will not open until mid-2027", "the roof will not be finished": a delay; with no time limit
        # and said by its owner ("no bakeries will close, the company said") a promise not to
        return reported and not _TIME_LIMIT.search(" ".join(words)) and verb in _ERGATIVE_EVENTS
    if cue.family == "set_to" and not reported and not (dated and verb in EVENT_VERBS | {"be"}):
        return False  # an undated schedule, nobody's promise; "is due to open in May" is the owner's
    if subject.lower() == "there":
        return verb == "be" and reported and (clause.negated or nxt == "no" or dated)
    if verb in ("remain", "stay") and nxt in COMMIT_ADJ:
        verb = "be"  # "the free version would remain available": a promise to keep it so
    if verb == "be":
        ok = nxt in COMMIT_ADJ or (is_participle(nxt) and nxt not in HEDGE_PARTICIPLES)
        return ok and (dated or not _abstract(subject))
    if head_noun(subject).lower() in _PRICES and (clause.negated or reported) and (verb in _MOVEMENT or clause.in_quote):
        return True  # "bills would not rise above inflation", "fares will match ...": the actor sets its own prices
    if verb in _STATIVE or verb in _MOVEMENT or (verb in _EFFECT and not dated):
        return False
    if _abstract(subject):
        return verb in EVENT_VERBS and dated and reported
    if clause.frame_kind == "promise":
        return True  # "the club promised that tickets will be ..."
    if cue.family == "would" and (clause.frame_kind == "speech" or clause.trailing_speaker):
        return dated  # "X said the carriages would enter service in stages": only with a date
    if verb in EVENT_VERBS and dated and reported:
        return True  # "the stadium will open in time for the season, the club said"
    # quoted and dated, the speaker's schedule; quoted and negated, a restraint ("our customers will not pay
    # more"); quoted, positive and undated, as often a forecast or an opinion ("costs will come down as
    # volumes grow", "the change will last"): an editor decides
    return reported and clause.in_quote and (dated or clause.negated)


def _actor_predicate_ok(doc: _Doc, words: list[str], cue, sent: Sentence, clause: Clause) -> bool | None:
    """An organisation's clause promises when its verb does something checkable (None: not a promise at all)."""
    if cue.family in VERBLESS:
        return True
    if not words:
        return False
    if _LOGISTICS.search(" ".join(words[:8])):
        doc.leave(sent, clause, "housekeeping (a call, a webcast, a meeting)")
        return None  # "will host a conference call at 9 a.m.", "will be hosting a webinar": not a promise at all
    verb = base_form(words[0].strip(",."))
    nxt = words[1].lower().strip(",.") if len(words) > 1 else ""
    if verb == "be":
        if nxt in COMMIT_ADJ or nxt.endswith("ing") or _dated(doc, sent, clause):
            return True  # "will be carbon neutral by 2030", "will be a fully electric company by 2030"
        return is_participle(nxt) and nxt not in HEDGE_PARTICIPLES
    if len(words) > 2 and nxt == "as" and words[2].lower() in ("much", "many"):
        return True  # "will spend as much as $100 billion": an amount, not a subordinate clause
    if len(words) == 1 or nxt in _SUBORDINATORS:
        return False  # "we will listen before we write it": no object, nothing checkable
    if nxt in _PRONOUN_OBJECTS and (len(words) == 2 or words[2].lower().strip(",.\"") in _SUBORDINATORS | {"and", "but"}):
        return False  # "this government will fix that"
    if verb in {"keep", "continue", "remain", "stay"} and nxt.endswith("ing"):
        verb = base_form(nxt)  # "keep working hard": judge the activity
    elif verb == "continue" and nxt == "to" and len(words) > 2:
        verb = words[2].strip(",.").lower()  # "continue to sell rifles": judge what goes on (a bare infinitive)
    if verb in _VAGUE:
        return _dated(doc, sent, clause)  # "we will continue to innovate" checks nothing; with a date it does
    if verb in _PROCESS and not clause.negated:
        return False
    if verb == "take" and re.match(r"(?:\w+\s+)?(?:years|months|weeks|days|time|longer|a\s+while)\b", " ".join(words[1:3])):
        return False  # "it will take several years": an estimate
    return True


# -- building the commitment -------------------------------------------------

def _regions(clause: Clause) -> list[tuple[int, int]]:
    """Where a clause's deadline can be: its verb phrase, else fronted ("By 2030, ...")."""
    return [(lo, hi) for lo, hi in ((clause.vp_start, clause.vp_end), (clause.start, clause.subject_start)) if hi > lo]


def _deadline(doc: _Doc, sent: Sentence, clause: Clause) -> tuple[DeadlineMatch | None, DueWindow | None]:
    """The clause's deadline phrase and its reading: in the verb phrase, else fronted; dated ones first.

    A start in the verb phrase gives way to a fronted span: "Over the next five years we will open 400
    branches, starting this year with Dellan": the branches are due in five years, the first this year."""
    found = _deadline_in_regions(doc, sent, clause, _regions(clause))
    if found[0] is not None and _STARTING.match(found[0].phrase) and len(_regions(clause)) > 1:
        fronted = _deadline_in_regions(doc, sent, clause, _regions(clause)[1:])
        if fronted[1] is not None and fronted[1].latest is not None and fronted[1].latest >= doc.published:
            return fronted
    return found


_STARTING = re.compile(r"(?:starting|beginning|from)\b", re.I)


def _deadline_in_regions(doc: _Doc, sent: Sentence, clause: Clause, regions: list[tuple[int, int]]
                         ) -> tuple[DeadlineMatch | None, DueWindow | None]:
    for lo, hi in regions:
        inside = [(m, _resolve(m.phrase, doc.published, doc.conv)) for m in doc.deadlines_in(sent, clause)
                  if lo <= m.start < hi]
        dated = [(m, w) for m, w in inside if w is not None and w.latest is not None]
        ahead = [(m, w) for m, w in dated if w.latest >= doc.published]
        if ahead:
            return ahead[0]  # "90% below the 1990 level by 2050": a year in the past is a baseline
        for m, _ in dated:  # "before the start of the school year", said in April: the next one
            again = _next_occurrence(m.phrase, doc.published, doc.conv)
            if again is not None:
                return m, again
        if dated or inside:
            return (dated or inside)[0]
    return None, None


def _next_occurrence(phrase: str, published: dt.date, conv: DeadlineConventions) -> DueWindow | None:
    """A recurring phrase with no year ("the start of the school year") whose reading has passed: the next one."""
    if re.search(r"\b(?:19|20|21)\d\d\b|\b(?:last|ago|previous|past)\b", phrase, re.I):
        return None
    try:
        later = published.replace(year=published.year + 1)
    except ValueError:
        later = published + dt.timedelta(days=365)
    window = _resolve(phrase, later, conv)
    if window is None or window.latest is None or window.latest < published:
        return None
    return DueWindow(window.phrase, window.earliest, window.latest, f"{window.rule} (the next one after {published})",
                     window.event)


def _resolve(phrase: str, published: dt.date, conv: DeadlineConventions, **kw) -> DueWindow | None:
    if kw:
        try:
            return resolve_deadline(phrase, published, conv, **kw)
        except DeadlineError:
            return None
    return _resolve_cached(phrase, published, conv)


@lru_cache(maxsize=4096)
def _resolve_cached(phrase: str, published: dt.date, conv: DeadlineConventions) -> DueWindow | None:
    """The same phrase read against the same day is read once (the readers try hundreds of patterns)."""
    try:
        return resolve_deadline(phrase, published, conv)
    except DeadlineError:
        return None


def _event_deadline(sentences: list[Sentence], at: int, clause: Clause, published: dt.date,
                    phrase: str | None, pos: int | None) -> tuple[str, dt.date] | None:
    """An event-relative deadline ("before the 2026 Regatta") that the text dates elsewhere."""
    sent = sentences[at]
    for lo, hi in _regions(clause):
        ev = find_event_phrase(sent.text[lo:hi])
        if ev is None:
            continue
        ev_phrase, ev_pos = ev[0], lo + ev[1]
        if phrase is not None and pos is not None and not (ev_pos <= pos < ev_pos + len(ev_phrase) or pos <= ev_pos < pos + len(phrase)):
            continue  # a different phrase from the one the deadline reader chose
        date = anchor_deadline(ev_phrase, sentences, at, published)
        if date is not None:
            return ev_phrase, date
    return None


# Verbs that promise a state will last: with "until", "through" or "for" a time, the promise is kept unless
# the actor ends it early ("cap fares until the end of 2026", "keep the plant open through 2030").
# (and what stays permitted or goes on: "hybrids will still be allowed until 2035", "continue to fund it until 2030")
_KEEP_VERBS = frozenset("keep freeze cap maintain hold remain stay guarantee protect preserve retain allow permit "
                        "continue".split())
_LASTING = re.compile(r"(?:until|till|through|throughout|for)\b", re.I)


_FOR_SPAN = re.compile(r"\bfor\s+(?:the\s+next\s+|another\s+|at\s+least\s+)?(?P<n>\w+(?:\.\d+)?)\s+"
                       r"(?P<u>years?|months?|weeks?|days?)\b", re.I)


def _lasting_for(doc: _Doc, vp: str, since: dt.date | None = None) -> tuple[str, dt.date | None, dt.date | None] | None:
    """ "freeze prices for two years", "fares will be frozen for four years": a lasting state's span, counted
    from publication (or from the day before it starts, ``since``)."""
    m = _FOR_SPAN.search(vp)
    if m is None or not _keeping(vp):
        return None
    n = "one" if m.group("n").lower() in ("a", "an") else m.group("n")
    window = _resolve(f"within {n} {m.group('u')}", since or doc.published, doc.conv)
    if window is None or window.latest is None:
        return None
    return m.group(0), window.earliest, window.latest


def _keeps_until(vp: str, phrase: str | None, negated: bool) -> bool:
    """Is this a keep-until promise: a lasting state with an end date, not an act to complete?"""
    return bool(not negated and phrase and _LASTING.match(phrase) and _keeping(vp))


def _keeping(vp: str) -> bool:
    """Does the verb phrase open with a verb of keeping, active or passive ("freeze fares", "be frozen")?"""
    words = [w.strip(",.").lower() for w in vp.split()]
    while words[:1] and words[0] in ("still", "also", "be"):
        words = words[1:]
    return bool(words) and base_form(words[0]) in _KEEP_VERBS


def _features(found: _Found, sent: Sentence, has_deadline: bool, actor: str | None) -> tuple[str, ...]:
    """The general properties of a candidate that the calibrated confidence weighs (no words of the text)."""
    c = found.clause
    out = [f"family={c.cue.family}", f"frame={c.frame_kind or 'none'}", *(f"doubt={d}" for d in found.doubts)]
    flags = {"deadline": has_deadline, "thing": found.thing_subject, "in_quote": c.in_quote,
             "credited": c.trailing_speaker is not None, "conditional": c.conditional, "negated": c.negated,
             "headline_sentence": sent.headline, "bullet": sent.bullet, "no_actor": actor is None,
             "first_person": found.subject.lower() in ("we", "i", "our", "us"), "hedged": c.cue.hedged}
    out += [name for name, on in flags.items() if on]
    return tuple(out)


def _confidence(found: _Found, has_deadline: bool) -> float:
    """Strong cues (will, pledged) near 0.9; plans 0.8; aims/expects/targets 0.65; reported would 0.6."""
    c = found.clause
    conf = c.cue.strength
    if c.cue.family == "set_to":
        conf = next((v for k, v in _SET_TO_STRENGTH.items() if re.search(rf"\b{k}\s+to\b", found.cue_text)), 0.65)
    if c.cue.family == "would":
        conf = 0.75 if c.frame_kind == "promise" else 0.6
    elif c.frame_kind == "speech" and not c.in_quote:
        conf -= 0.05
    if c.cue.family == "pledge" and re.search(r"\b(?:agreed|decided|resolved|plans?|targets?|goals?)\b", found.cue_text):
        conf = min(conf, 0.8)
    if found.thing_subject:
        conf -= 0.1
    if not has_deadline:
        conf -= 0.05
    if c.conditional:
        conf -= 0.2
    conf -= sum(DOUBT_PENALTY[d] for d in found.doubts)
    return round(max(0.05, min(0.99, conf)), 2)


def _due(doc: _Doc, at: int, clause: Clause) -> tuple[str | None, dt.date | None, dt.date | None]:
    """(deadline phrase, earliest, latest) for the clause in sentence ``at``.

    An event the phrase hangs on ("before the 2025 Open") is dated from the rest
    of the text when it says when the event is; a date the text gives beats a
    general convention ("in time for the season").
    """
    sentences, published, conv = doc.sentences, doc.published, doc.conv
    match, window = _deadline(doc, sentences[at], clause)
    phrase, pos = (match.phrase, match.start) if match else (None, None)
    if window is not None and window.latest is None and window.event:
        when = event_date(window.event, sentences, at, published)  # "... the Open begins on June 23"
        if when is not None:
            window = _resolve(phrase, published, conv, event_date=when) or window
    earliest, latest = (window.earliest, window.latest) if window else (None, None)
    if window is None or window.latest is None or "convention" in window.rule:
        anchored = _event_deadline(sentences, at, clause, published, phrase, pos)
        if anchored is not None:
            phrase, latest = anchored
            earliest = None
    for lo, hi in _regions(clause):  # "in his first 100 days in office", and the text says when he takes office
        office = office_deadline(sentences[at].text[lo:hi], sentences, published)
        if office is not None:
            return office
    return phrase, earliest, latest


def _has_object(what: str) -> bool:
    """Does ``what`` say more than its verb ("ship" has no object; "ship it" has a pronoun only)?"""
    words = re.findall(r"[\w'-]+", what)
    return len(words) > 1 and not (len(words) == 2 and words[1].lower() in ("it", "them", "this", "that"))


def _build(doc: _Doc, at: int, found: _Found) -> Candidate | None:
    """The commitment for a read clause: deadline, due window, ``what``, confidence."""
    index, published = doc.index, doc.published
    sent, clause = doc.sentences[at], found.clause
    phrase, earliest, latest = _due(doc, at, clause)
    vp_text = sent.text[clause.vp_start : clause.vp_end]
    if phrase is not None and earliest is not None and _STARTING.match(phrase):
        # "fares will be frozen for four years, starting in January": the span counts from the start
        lasting = _lasting_for(doc, vp_text, earliest - dt.timedelta(days=1))
        if lasting is not None:
            both = re.search(re.escape(lasting[0]) + r"[\s,]+" + re.escape(phrase), vp_text)
            phrase, earliest, latest = (both.group(0) if both else lasting[0]), lasting[1], lasting[2]
    if phrase is None:
        phrase, earliest, latest = _lasting_for(doc, vp_text) or (None, None, None)
    if phrase is None and clause.cue.coordinated and doc.last_due[0] == sent.start \
            and not AFTERWARDS.fullmatch(clause.intro.strip()):  # "will reach it in 2027 and then ..." is undated
        phrase, earliest, latest = doc.last_due[1:]  # "a loss of 4 billion for 2023 and capex of 2 billion": one period
    elif phrase is None and not clause.subject.strip() and doc.fronted_due[0] == sent.start \
            and re.search(r"\band\s*$", sent.text[:clause.start]):
        # "On her first day she will A and will B": a fronted deadline scopes over both verbs
        phrase, earliest, latest = doc.fronted_due[1:]
    if phrase is None:
        same = _SAME_DEADLINE.search(sent.text, clause.start, clause.vp_end)
        if same and doc.prev_due is not None:  # "and will balance the water it uses by the same year"
            phrase, (earliest, latest) = same.group(0), doc.prev_due
    if phrase is None and doc.prev_due is not None and doc.prev_due[1] is not None:
        later = _YEAR_AFTER_THAT.search(sent.text, clause.start, clause.vp_end)
        if later:  # "later that year", "by the end of that year", "the following year": counted from the last date
            year = doc.prev_due[1].year + (1 if later.group("next") else 0)
            phrase, earliest, latest = later.group(0), None, dt.date(year, 12, 31)
    if latest is not None:
        doc.prev_due = (earliest, latest)
    doc.last_due = (sent.start, phrase, earliest, latest)
    if phrase and clause.subject_start > clause.start and phrase in sent.text[clause.start:clause.subject_start]:
        doc.fronted_due = (sent.start, phrase, earliest, latest)
    if latest is not None and latest < published:
        return doc.leave(sent, clause, f"due {latest}, before it was published: background")
    vp = sent.text[clause.vp_start : clause.vp_end]
    if clause.cue.family == "scheduled_present" and not found.subject.strip() and PLANNED_FOR.match(vp):
        return doc.leave(sent, clause, "scheduled, but the sentence does not say what")
    expected = _OBJECT_THEN_TO.match(found.cue_text)
    if (clause.cue.family == "guidance" and _OTHERS_EXPECTED.match(vp)) or (
            expected and _OTHERS_EXPECTED.match(sent.text, clause.cue.start + expected.end())):
        return doc.leave(sent, clause, "a forecast of what others will do")  # "we expect most customers to ..."
    if clause.cue.family in ("expect", "reported_plan", "aim") and expected:
        what = _expect_object_what(sent.text, clause, phrase)
    else:
        subject = _without_aside(found.subject) if found.thing_subject else found.subject
        what = describe(vp, subject=_sentence_case(subject, index), thing_subject=found.thing_subject,
                        negated=clause.negated, family=clause.cue.family, deadline=phrase)
    first = vp.split()[0].lower() if vp.split() else ""
    if clause.cue.coordinated and _opens_a_gap(first) and clause.cue.verb and clause.cue.verb.lower() != first:
        what = f"{base_form(clause.cue.verb)} {what}"  # "and another 1 billion to raise wages": invest it
    if len(re.findall(r"\w+", what)) < 2:
        what = " ".join(strip_deadline(vp, phrase).split()[:14]).strip(" ,;")  # "legalize, regulate and ..."
    verb = base_form(vp.split()[0].strip(",.")) if vp.split() else ""
    if clause.object_np and not _has_object(what):
        what = f"{what.split()[0] if what.split() else verb} {clause.object_np}"  # "a model that it will release"
    if len(re.findall(r"\w+", what)) < 2 and verb in _ERGATIVE_EVENTS and found.subject:
        what = f"{verb} {found.subject.strip()}"  # "Acme TV to ship in May": what ships is the subject
    if len(re.findall(r"\w+", what)) < 2 and verb in _WHOLE_ACTS:
        what = verb  # "he would retire within 12 months": the act is all there is to check
    elif len(re.findall(r"\w+", what)) < 2:
        return doc.leave(sent, clause, "no object to check")
    if _PRONOUN_ONLY.match(what):  # "increase it gradually", "publish them": what "it" is, an editor reads
        found = replace(found, doubts=(*found.doubts, "pronoun"))
    name, aliases = index.canonical(found.actor)
    owner = _ONE_WORD_OWNER.match(found.subject.strip()) if found.thing_subject else None
    if owner and name and owner.group("owner") not in name:  # "Starling's first flight": keep the product's name
        what = what.replace(subject_np(found.subject), found.subject.strip(), 1)
    what = name_the_thing(what, doc.things, sent.start + clause.vp_start, (name or "", *aliases))
    what = with_site(what, doc.things, sent.start + clause.vp_start)
    since = doc.sentences[at - 1].start if at > 0 else sent.start  # the product told of just before, or here
    what = with_the_product(what, doc.things, sent.start + clause.vp_start, since)
    what = with_the_generic(what, doc.things, sent.start + clause.vp_start, since, (name or "", *aliases))
    what = with_the_antecedent(what, doc.things, sent.start + clause.vp_start, since, (name or "", *aliases),
                               here=sent.start)
    before = (doc.sentences[at - 1].text + " " if at > 0 else "") + sent.text[:clause.cue.start]
    what = with_the_noun_before(what, before)  # no name given: "design and build it" is the line
    if doc.this_thing and clause.cue.start > 0 and doc.this_thing.strip() != found.subject.strip():
        # "the V9 would fly in 2014 and deliveries would begin in 2016": an earlier clause's thing
        what = bare_act_of(what, subject_np(doc.this_thing))
    commitment = Commitment(
        actor=name,
        actor_aliases=aliases,
        what=what,
        quote=sent.text,
        deadline_phrase=phrase,
        due_earliest=earliest,
        due_latest=latest,
        confidence=_confidence(found, phrase is not None),
        conditional=clause.conditional,
        negated=clause.negated,
        start=sent.start,
        doubts=found.doubts,
        features=_features(found, sent, phrase is not None, name),
        keep_until=_keeps_until(vp, phrase, clause.negated),
    )
    return _candidate(commitment, f"{found.subject if found.thing_subject else ''} {what}")


def _candidate(commitment: Commitment, basis: str) -> Candidate:
    """A commitment with the words restatements are recognised by (the actor's own name left out)."""
    drop = {w.lower() for w in re.findall(r"\w+", " ".join((commitment.actor or "", *commitment.actor_aliases)))}
    return Candidate(commitment, content_words(basis, drop), distinctive_words(basis, drop))


_QUANTIFIERS = frozenset("nearly about some over around almost roughly more less fewer up only just at least all another "
                         "the its our their".split())


def _sentence_case(subject: str, index: ActorIndex) -> str:
    """Lower-case a subject's first word when it is capitalised only because it starts the sentence."""
    words = subject.split()
    first = words[0] if words else ""
    if index.named_in(subject)[0] is not None or (len(words) > 1 and re.fullmatch(r"\d+|[A-Z]?\d+[A-Za-z]?", words[1])
                                                  and first.lower() not in _QUANTIFIERS):
        return subject  # (a word before a model number, "Kestrel 2 launches", is the product's name)
    if first[:1].isupper() and not first.isupper() and not index.capitalised_mid_sentence(first) \
            and is_common_word(first) and not index.always_capitalised(first) \
            and not index.named_as_thing(first.strip(",")):
        # a rare word is a name wherever it stands ("Quorvex tablets"), and so is one the text always capitalises
        # or names as a thing ("Kestrel, a robotic probe, ...": "Kestrel is set to launch")
        return first[:1].lower() + subject[1:]
    return subject


# "expects the first buses to ...", "aims for half of its sales to ...", "want 30 percent of ... to ...": a cue whose
# object comes before the infinitive
# "we expect most organisations to finish ...", "expects many more companies to follow": what others will do
_OTHERS_EXPECTED = re.compile(r"(?:(?:most|many|all|some|more|other|the|our|its|their)\s+)*(?:[a-z][\w-]*\s+){0,2}?(?:customers|organi[sz]ations|"
                              r"companies|businesses|firms|people|consumers|clients|users|developers|partners|drivers|"
                              r"shoppers|subscribers|buyers|households|rivals|competitors|suppliers|leaders|officials|"
                              r"authorities|regulators?|lawmakers|legislators|voters|investors|analysts|countries|nations)"
                              r"\s+to\b"
                              # "officials expect many more to arrive": more of the people the sentence is about
                              r"|(?:many|several|some|a\s+few|far|even)\s+more\s+to\b", re.I)
_OBJECT_THEN_TO = re.compile(r"(?:(?:we|I)\s+)?(?:(?:is|are|['\u2019]re)\s+)?(?:expect(?:s|ed)?|aim(?:s|ing)?\s+for|want)\s+(?!to\b)", re.I)


# An aside after a thing's name: "Gizmo Loud, a lossless listening option,", "the plant, named Velm One,",
# "the carriages, built by Harrow Rail,", "the line, which links the two airports,"
_ASIDE = re.compile(r",\s+(?:(?P<named>(?:named|called|dubbed|(?:to\s+be\s+)?known\s+as)\s+)|(?:a|an|which|who|whose|"
                    r"built|made|owned|run|operated|designed|developed|based|located|set|due|first|"
                    # "Orvo+, featuring films from ..., will launch": a participle describing the thing
                    r"featuring|including|offering|carrying|costing|priced|aimed|targeting|powered|equipped|"
                    # "Norland's probe, launched in July, will ...": a past participle describing it
                    r"(?-i:[a-z]+ed))\s"
                    # "Gizmo Pro, Acme's fastest laptop yet, ...": an owner's possessive describing it
                    r"|(?-i:[A-Z][\w.&-]*)['\u2019]s\s)", re.I)


def _without_aside(subject: str) -> str:
    """The thing as the ``what`` names it: its name kept ("the plant Velm One"), a description dropped."""
    m = _ASIDE.search(subject)
    if m is None:
        return subject
    head = subject[: m.start()]
    if m.group("named"):  # "construction of the plant, to be known as the Velm One," -> "construction of the Velm One"
        name = subject[m.end():].split(",")[0].strip()
        np = re.search(r"(?:^|\s)(?:the|its|their|our|a|an)\s+[\w-]+(?:\s+[\w-]+)?\s*$", head, re.I)
        return (head[: np.start()] + " " + name).strip() if np else name
    return head


def _expect_object_what(text: str, clause: Clause, phrase: str | None) -> str:
    """"expects the first 40 buses to be delivered" -> "deliver the first 40 buses"."""
    m = re.match(r"(?:(?:we|I)\s+)?(?:(?:is|are|['\u2019]re)\s+)?(?:expect(?:s|ed)?|aim(?:s|ing)?\s+for|want)\s+(?P<obj>.+?)\s+to\s+(?P<vp>.+)$",
                 text[clause.cue.start : clause.vp_end], re.I | re.S)
    if not m:
        return ""
    obj, vp = m.group("obj"), strip_deadline(m.group("vp"), phrase).strip(" ,")
    words = vp.split()
    if words and words[0] == "be" and len(words) > 1 and is_participle(words[1]):
        return describe(f"be {' '.join(words[1:])}", subject=obj, thing_subject=True, negated=clause.negated, family="will")
    return describe(vp, subject=obj, thing_subject=True, negated=clause.negated, family="will")
