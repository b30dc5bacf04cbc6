"""Commitment language, and the filters that tell a promise from everything else.

:func:`find_cues` finds the words that can carry a promise -- ``will``,
``plans to``, ``is set to``, ``pledged to``, ``expects X to``, ``targets``,
reported ``would`` -- each with a base confidence (``will``/``pledged`` high,
``aims to``/``expects to``/reported speech lower).

:func:`read_clause` then reads the clause around one cue: where it starts, its
grammatical subject, the frame it sits in (``X said``, ``analysts believe``,
``declined to say whether``, ``If ..., ``), who is quoted or credited, where
its verb phrase ends, and whether it is negated, conditional or hedged. It
rejects, with a reason, what only looks like a promise: questions, past
facts, speculation and forecasts by others (could, might, analysts expect),
rumours, wishes (would love to), refusals to say, and events merely
scheduled or expected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.actors import ORG_NOUNS, is_third_party
from tracker.extract.deadline_finder import find_deadline

# Adverbs allowed between an auxiliary and its verb ("will also not", "is now set to").
_ADV_WORDS = (
    r"also|now|still|soon|then|first|initially|finally|only|again|jointly|further|formally|officially|quickly|"
    r"eventually|gradually|immediately|shortly|later|subsequently|additionally|likewise|each|both|all|actually|"
    r"definitely|certainly|likely|probably|possibly|perhaps|maybe|never|not|no\s+longer|itself|themselves|"
    r"fully|finally|duly|swiftly|publicly|personally|once\s+again|ultimately|already|otherwise|indeed|too|"
    r"however|therefore|though|meanwhile|instead|nonetheless|nevertheless|accordingly|separately|"
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|this\s+week|last\s+week"
)
_ADVS = rf"(?:(?:{_ADV_WORDS})[\s,]+)*"
_VERB = r"(?P<verb>[a-z][a-z'\u2019-]*)"
HEDGE_ADVS = frozenset({"likely", "probably", "possibly", "perhaps", "maybe"})

# Words that cannot be the verb after a cue (so "the will of", "will the" are not cues).
_NOT_VERBS = frozenset(
    """the a an this that these those its their his her our my your of and or in on at by for with from as to
    than is are was were been being it he she they we i you there which who whom whose what when where why how
    all any some no more most less today tomorrow tonight""".split()
)
# Verbs after "would" / "will" that are wishes, not undertakings.
WISH_VERBS = frozenset({"love", "like", "prefer", "rather", "welcome", "hope", "want", "wish", "enjoy", "imagine"})
# Verbs for which the speaker does not decide: forecasts, not promises.
NON_VOLITIONAL = frozenset(
    """face faces struggle benefit lose suffer see get receive gain need require depend cost seem appear mean
    happen likely probably fail remain prove matter""".split()
)
# Adjectives that make "X will be ADJ" an undertaking ("will be available", "will be free").
COMMIT_ADJ = frozenset(
    """available free public open ready accessible operational live online complete completed finished
    carbon-neutral neutral compliant closed shut in-service transparent affordable unchanged frozen electric
    all-electric renewable zero-emission emission-free carbon-free fossil-free plastic-free net-zero
    cashless smoke-free step-free accessible""".split()
)
# Verbs that report an event happening to a thing ("the stadium will open").
EVENT_VERBS = frozenset(
    """open reopen close launch start begin resume ship arrive go enter come take debut roll carry run operate
    return expand end finish stop launch release appear land fly depart sail switch move""".split()
)
# Participles that make a future passive a description, not a promise.
HEDGE_PARTICIPLES = frozenset(
    """expected designed based used required allowed needed considered seen known thought believed intended
    worth likely forced tempted affected impacted limited""".split()
)
IRREGULAR_PARTICIPLES = frozenset(
    """made built paid sold held kept put set run brought done given taken shown known seen led met sent spent
    cut shut won hit laid told found begun chosen drawn driven eaten fallen flown forgotten frozen grown hidden
    ridden risen shaken spoken stolen sworn thrown woken worn written bought caught fought sought taught thought
    brought dealt felt left lent lost meant read rebuilt rerun reset split spread struck stuck upheld withdrawn
    overseen undertaken""".split()
)


@dataclass(frozen=True)
class Cue:
    """A word group that can carry a promise, at ``start:end`` of a sentence."""

    family: str  # will | would | going_to | set_to | plan | aim | expect | pledge | target | is_to
    strength: float  # base confidence
    start: int
    end: int
    verb_start: int  # where the verb phrase begins
    verb: str
    negated: bool
    hedged: bool
    coordinated: bool = False  # a second verb sharing an earlier cue ("will close X and switch Y")


_SPECS: list[tuple[str, float, re.Pattern[str], bool, re.Pattern[str] | None]] = []


def _spec(family: str, strength: float, pattern: str, flags: int = re.I, *, coordinated: bool = False,
          gate: str | None = None) -> None:
    """A cue pattern. ``coordinated``: a second promise hanging on an earlier clause of the sentence
    (it shares that clause's actor and doubts, and its subject stays outside the cue). ``gate``: a quick
    pattern every match contains, tried first, so that a long pattern (one that opens with a list of
    adverbs tried at every word) runs only on the sentences that can hold it."""
    _SPECS.append((family, strength, re.compile(pattern, flags), coordinated, re.compile(gate, re.I) if gate else None))


_spec("will", 0.9, rf"(?:(?<![\w-])(?P<aux>will|shall|won['\u2019]t)|(?<=\w)['\u2019]ll)(?:\s*,)?\s+{_ADVS}{_VERB}")
_spec("would", 0.6, rf"(?<![\w-])(?P<aux>would|wouldn['\u2019]t)(?:\s*,)?\s+{_ADVS}{_VERB}")
_spec("going_to", 0.9, rf"\b(?P<aux>is|are|am|['\u2019]re|['\u2019]s|was|were)\s+{_ADVS}going\s+to\s+{_ADVS}{_VERB}")
_spec(
    "set_to",
    0.9,
    rf"\b(?P<aux>is|are|am|['\u2019]re|['\u2019]s|was|were|remains|remain)\s+{_ADVS}(?P<cue>set|due|poised|committed|determined|"
    rf"preparing|planning|aiming|on\s+track|on\s+course|working|looking|targeting|expected|scheduled|slated|"
    rf"likely|hoping|seeking|about|ready|prepared|obliged|required|meant|supposed)\s+to\s+{_ADVS}{_VERB}",
)
_spec("is_to", 0.8, rf"\b(?P<aux>is|are)\s+{_ADVS}to\s+(?!be\s+(?:expected|seen|found)){_VERB}")
_NOT_A_NOUN_BEFORE = "".join(rf"(?<!\b{w}\s)" for w in ("a", "an", "the", "its", "his", "her", "our", "my", "this", "that",
                                                          "their", "broken", "election", "campaign", "no"))
_spec(
    "pledge",
    0.9,
    rf"\b(?:(?P<aux>has|have|had)\s+)?{_ADVS}(?P<cue>committed|pledged|promised|vowed|agreed|undertaken|undertook|decided|"
    rf"resolved|guaranteed|sworn|swore|announced\s+plans?|unveiled\s+plans?|outlined\s+plans?|set\s+out\s+plans?|"
    rf"confirmed\s+plans?|(?:(?:are|is|am|['\u2019]re)\s+)?(?:set|sets|setting)\s+(?:(?:ourselves|itself|themselves|himself|herself)\s+)?"
    rf"(?:(?:a|an|new|the)\s+)*(?:[\w-]+\s+)?(?:target|goal)s?|pledges|vows|promises|commits|agrees|guarantees|"
    # the plural present of a headline or a group ("Twenty countries pledge to ..."), never the noun ("a promise to")
    rf"{_NOT_A_NOUN_BEFORE}(?:pledge|vow|promise|agree)|"
    # the progressive ("we are committing to use ..."), and the promise as a noun made or given ("has made a firm
    # commitment to cut ...")
    rf"(?:are|is|am|['\u2019]re)\s+(?:committing|pledging|promising|vowing)|"
    rf"(?:made|makes|make|making|given|gives|gave|give)\s+(?:a|an|the)\s+(?:(?:firm|clear|public|new|formal|binding|"
    rf"solemn)\s+)?(?:commitment|pledge|promise))"
    rf"\s+(?:on\s+\w+\s+|today\s+|yesterday\s+|this\s+week\s+|last\s+week\s+)?{_ADVS}to\s+{_ADVS}{_VERB}",
    gate=r"\b(?:commit|pledg|promis|vow|agree|undert|decid|resolv|guarant|swor|plan|set)",
)
# A goal held as a noun, with its verb: "we have an ambition to reach ...", "the city has a clear plan to open ..."
_spec(
    "plan",
    0.8,
    rf"\b(?P<cue>(?:has|have)\s+(?:(?:a|an|the|its|their|our|his|her|clear|firm|new|bold|stated|long-term)\s+)+"
    rf"(?:[\w-]+\s+)?(?:ambition|goal|target|aim|plan|intention|objective)s?\s+to)\s+{_ADVS}{_VERB}",
)
_spec(
    "plan",
    0.8,
    rf"\b(?P<cue>plans|intends|prepares|proposes|is\s+planning|are\s+planning|is\s+preparing|are\s+preparing|"
    rf"is\s+intending|has\s+planned|have\s+planned|is\s+moving|are\s+moving)\s+{_ADVS}to\s+{_ADVS}{_VERB}",
)
_spec(
    "plan",
    0.8,
    rf"\b(?P<pron>we|they|I)\s+{_ADVS}(?P<cue>plan|intend|pledge|vow|promise|commit|aim|expect)\s+{_ADVS}to\s+{_ADVS}{_VERB}",
)
_spec(
    "plan",
    0.8,
    rf"\b(?P<cue>(?:set\s+out|unveiled|announced|outlined|laid\s+out|published|presented|adopted|approved|launched|"
    rf"unveils|announces|sets\s+out|outlines|adopts|approves)\s+(?:a\s+|an\s+|its\s+|their\s+|new\s+|the\s+)*"
    rf"(?:[\w-]+\s+){{0,2}}?(?:plans?|strategy|roadmap|target|goal|pledge|commitment|proposals?)\s+to)\s+{_ADVS}{_VERB}",
)
_spec(
    "plan",
    0.8,
    rf"\b(?P<cue>(?:has\s+|have\s+)?(?:set|sets|announced|unveiled|adopted|set\s+itself|set\s+themselves)\s+"
    rf"(?:a|an|its|their)\s+(?:new\s+)?(?:[\w-]+\s+)?(?:target|goal|ambition|aim)\s+of)\s+{_VERB}",
)
# "is launching a new phone on March 3": the present progressive for a dated plan
_spec(
    "progressive",
    0.75,
    rf"\b(?P<aux>is|are|['\u2019]re)\s+(?:also\s+|now\s+)?(?P<verb>(?:launch|open|releas|introduc|roll|clos|cut|rais|"
    rf"invest|spend|hir|build|add|expand|end|mov|bring|shut|start|offer|mak|ship|unveil|debut|phas|scrapp|axing|"
    rf"relocat|restor|resum|extend|lower|reduc|freez|switch|deliver|publish|hold|complet|finish)[a-z]*ing)\b",
)
_spec(
    "plan",
    0.85,
    rf"\b(?P<cue>voted|votes|decided|decides|resolved|resolves)\s+(?:on\s+\w+\s+|today\s+|unanimously\s+)?"
    rf"to\s+{_ADVS}{_VERB}",
)
_spec("reported_plan", 0.6, rf"\b(?P<cue>expected|planned|intended|aimed)\s+{_ADVS}to\s+{_ADVS}{_VERB}")
_spec("reported_plan", 0.55, rf"\b(?P<cue>expected)\s+(?!to\b)(?P<obj>(?:[\w,'\u2019-]+\s+){{1,8}}?)to\s+{_VERB}")
_spec(
    "aim",
    0.65,
    rf"\b(?P<cue>aims|seeks|strives|(?:is|are)\s+(?:aiming|seeking|working|on\s+track))\s+{_ADVS}to\s+{_ADVS}{_VERB}",
)
# "we aim for 100 percent of our materials to be recycled", "we want 30 percent of our staff to be women":
# a target set on a share or a thing, with its own infinitive
_spec("aim", 0.65, rf"\b(?P<cue>aims|aim|(?:is|are|['\u2019]re)\s+aiming)\s+for\s+(?P<obj>(?:[\w,'\u2019%-]+\s+){{1,10}}?)"
      rf"to\s+{_VERB}")
# "we want to bring the jet to market by 2035": a first-person intention (undated, only a wish: see the extractor)
_spec("aim", 0.6, rf"\b(?P<pron>we|I)\s+(?P<cue>want)\s+to\s+{_ADVS}{_VERB}", re.I)
_spec("aim", 0.65, rf"\b(?P<pron>we|I)\s+(?P<cue>want)\s+(?!to\b)(?P<obj>(?:[\w,'\u2019%-]+\s+){{1,8}}?)to\s+{_VERB}", re.I)
_spec("expect", 0.65, rf"\b(?P<cue>expects)\s+{_ADVS}to\s+{_ADVS}{_VERB}")
_spec("expect", 0.6, rf"\b(?P<cue>expects?)\s+(?!to\b)(?P<obj>(?:[\w,'\u2019-]+\s+){{1,8}}?)to\s+{_VERB}")
# "reaffirmed a goal of net zero emissions by 2050", "confirms its target of 40 gigawatts": a standing target restated
_spec("target", 0.65, r"\b(?P<cue>(?:reaffirm|reiterat|confirm|repeat)\w*\s+(?:(?:a|an|its|their|the|our|his|her)\s+)?"
      r"(?:new\s+)?(?:[\w-]+\s+)?(?:target|goal|ambition)\s+of)\s+(?P<verb>)(?=\S)")
# "set a goal of 80 percent renewable power by 2030", "has set itself a target of 500 stores": a target set now
# (with a verb after "of", "set a goal of cutting ...", it is a plan, read above)
_spec("target", 0.65, r"\b(?P<cue>(?:set|sets|setting)\s+(?:(?:ourselves|itself|themselves)\s+)?(?:(?:a|an|its|their|our|new)\s+)+"
      r"(?:[\w-]+\s+)?(?:target|goal|ambition)\s+of)\s+(?P<verb>)(?=(?!\w+ing\b)\S)")
_spec("target", 0.65, rf"\b(?P<cue>targets|is\s+targeting|are\s+targeting|aims\s+for|aim\s+for|"
      rf"(?:continues?|continuing)\s+to\s+target|(?:is|are|['\u2019]re)\s+(?:still\s+)?targeting|still\s+targets?|"
      rf"(?:is|are|['\u2019]re)\s+aiming\s+for)\s+(?=(?:a|an|the|at\s+least|net|zero|full|around|about|some|roughly|"
      rf"approximately|up\s+to|more\s+than|over|production|deliveries|sales|shipments|output)\b|[$\u20ac\u00a3]?\d)(?P<verb>)")
# Money pledged or committed, with or without a verb after it: "pledged $50 million to affordable housing"
_spec("pledge_money", 0.85, r"\b(?P<cue>(?:has\s+|have\s+|is\s+|are\s+)?(?:pledged|committed|promised|earmarked|set\s+aside|pledges|commits|committing|pledging|"
      r"promises|earmarks|promise|pledge|commit|plans|plan|will\s+(?:invest|spend|provide|give|donate|contribute))\s+(?:an?\s+(?:additional|further|extra)\s+)?"
      r"(?:(?:US|C|A|NZ|HK)?[$\u20ac\u00a3\u00a5]|(?:USD|EUR|GBP)\s?)?\d[\d.,]*\s*(?:million|billion|trillion|bn|m|crore|"
      r"lakh)?(?:\s+(?:dollars|euros|pounds|yen|rupees|kronor|francs))?)\s+(?P<verb>)(?=(?:to|for|in|into|towards|over)\b)",
      gate=r"\d")
# Headline grammar: "Acme to open plant in Ohio" is "Acme will open a plant in Ohio" (used on headlines only).
_spec("headline_to", 0.8, r"^(?P<subj>(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w.&'\u2019-]*|[a-z]+[A-Z\u00c0-\u00de\u0100-\u017f][\w.&'\u2019-]*|of|and|&|de|for)(?:\s+(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w.&'\u2019-]*|\d[\w.-]*|of|and|&|de|for|"
      r"[a-z][\w-]*)){0,5}?)\s+(?P<cue>to)\s+(?:{advs})?(?P<verb>[a-z][a-z'\u2019-]*)".replace("{advs}", _ADVS), re.M)
# A second promise as a trailing phrase: "..., with production targeted to begin in 2024", "..., and production
# to start in 2026", "..., with the first trains coming into service in May". It shares the first clause's actor.
_spec("absolute", 0.75, r",\s+(?:with|and)\s+(?P<subj>(?:the\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+"
      r"(?P<cue>(?:(?:targeted|expected|scheduled|planned|due|set|slated)\s+)?to\s+|(?=(?:coming|starting|beginning|"
      r"opening|going|entering|following)\b))(?P<verb>[a-z]+)", coordinated=True)
# Guidance: "expects revenue of about 11 billion", "we forecast full-year sales of ..." (the actor's own figures)
_spec("guidance", 0.6, r"\b(?P<cue>expects?|forecasts?|projects?|sees|guides?\s+(?:to|for)|anticipates?)\s+(?P<verb>)"
      r"(?=(?:(?:its|their|our|full[- ]year|annual|quarterly|adjusted|net|total|operating|first[- ]half|second[- ]half|"
      r"fiscal|group|underlying|core|organic|[\w-]+-quarter|(?:FY|Q[1-4]\s?)?\d{2,4})\s+){0,3}(?:revenue|revenues|sales|profit|profits|earnings|"
      r"margin|margins|income|ebitda|ebit|deliveries|shipments|output|production|turnover|growth|free\s+cash\s+flow|"
      r"cash\s+flow|capital\s+expenditure|capex)\b)")
# A second figure of the same guidance: "... a loss of 4 billion for 2023 and capital expenditures of about 2 billion",
# "gross bookings of 34 billion to 35 billion and adjusted EBITDA of 1 billion" (it shares the first figure's cue).
_spec("guidance", 0.6, r",?\s+and\s+(?P<cue>)(?P<verb>)(?=(?:(?:adjusted|net|total|operating|underlying|annual|gross|"
      r"capital|free)\s+){0,2}(?:revenue|revenues|sales|profit|profits|earnings|margin|margins|income|ebitda|ebit|"
      r"deliveries|shipments|output|production|turnover|bookings|expenditures?|capex|cash\s+flow)\s+(?:of|to\s+be|at|"
      r"between|in\s+the\s+range)\b)", coordinated=True)
# The speaker's own expectation of its own result: "we now expect the first delivery in late 2023",
# "we're targeting an operating margin of 18 percent" (dated or measured: checked by the extractor).
_spec("guidance", 0.6, r"\b(?:we|I)(?:['\u2019]re|\s+are|\s+am)?\s+(?:now\s+|still\s+|also\s+|continue\s+to\s+)?"
      r"(?P<cue>expect|anticipate|forecast|project|targeting|aiming\s+for|guiding\s+to|see)\s+(?P<verb>)"
      r"(?!to\b|that\b|it\b|this\b|them\b|some\b|no\b|any\b|signs?\b|demand\b|inflation\b|prices\b|the\s+market\b)"
      r"(?=[\w$\u20ac\u00a3])", re.I)
_spec("plan", 0.75, rf"\b(?P<pron>we|I)\s+(?P<cue>continue\s+to\s+(?:expect|plan|intend|aim)|remain\s+on\s+track)\s+to\s+"
      rf"{_ADVS}{_VERB}", re.I)
# "is scheduled / planned / set for": the words before a thing's date (canonical.PLANNED_FOR reads them too)
SCHEDULED_FOR = r"(?:is|are)\s+(?:now\s+|still\s+)?(?:scheduled|planned|slated|set|targeted|pencill?ed\s+in)"
# The scheduled present: "the phone goes on sale on September 22", "the first flight is planned for 2027" (only with
# a future date; checked by the extractor)
_spec("scheduled_present", 0.7, r"\b(?P<cue>(?:goes|(?<![a-z]\sto\s)(?<!\bwill\s)(?<!\bwould\s)go|opens|launches|starts|begins|arrives|"
      r"(?<=[a-z]s\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bwas\s)(?<!\bhas\s)(?<!\bthis\s)(?:open|start|begin|arrive|ship)|"  # "Reservations open May 3"
      # "Gizmo Pro 3 and Gizmo 3 ship October 22" (a date right after: "the Gizmo 3 ship sails" is a boat)
      r"(?<=\w\s\d\s)(?:open|start|begin|arrive|ship)(?=\s+(?:on\s+|in\s+)?(?:January|February|March|April|May|June|July|"
      r"August|September|October|November|December|\d))|"
      r"ships|debuts|premieres|lands|returns|resumes|comes|follows|(?:is|are)\s+(?:also\s+|now\s+)?coming|sets\s+sail|"
      rf"hits\s+(?:shelves|stores)|{SCHEDULED_FOR}\s+(?:for|from))"
      r"(?:\s+on\s+sale|\s+into\s+force|\s+into\s+service|\s+live)?)\s+(?P<verb>)(?=\S)")
# Headlines: "New model due in 2024", "Headset due this autumn", "Acme aims for 100 stores by 2030"
_spec("headline_due", 0.7, r"\b(?P<cue>due|set|slated|scheduled|planned|aims\s+for|eyes|targets)\s+(?P<verb>)"
      r"(?=(?:in|on|by|for|this|next|later|early|late|before|\d)\b)")
# A headline's act as a noun after the thing it is about: "Acme unveils Gizmo headset, on sale early next year",
# "Ministers approve Orvo 6 rocket, first flight in 2027", "Acme unveils Lumo coin, targets launch in 2027"
NOMINAL_ACT = (r"(?:(?:targets|eyes|plans|sets)\s+)?(?:(?:first|maiden|commercial)\s+)?(?:launch|flight|deliveries|"
               r"delivery|opening|release|debut|rollout)|on\s+sale|in\s+stores|in\s+service")
_HEADLINE_NOMINAL = re.compile(rf",\s+(?P<cue>{NOMINAL_ACT})\s+(?P<verb>)(?=(?:in|on|by|from|this|next|later|early|late|"
                               r"before|\d)\b)", re.I)
_spec("headline_due", 0.7, _HEADLINE_NOMINAL.pattern)
# A headline's participle with a date: "Acme unveils Gizmo, shipping in December", "Gizmo Pro, Acme's fastest yet,
# coming in May", "Orvo 3, arriving next spring"
# (the comma may go: "Gizmo Buds coming later this year", after a name)
_HEADLINE_NAME = r"(?:,|^(?:[A-Z0-9][\w.'\u2019&-]*\s+)*[A-Z0-9][\w.'\u2019&-]*)"  # (the whole headline up to it a name)
_HEADLINE_PARTICIPLE = re.compile(rf"{_HEADLINE_NAME}\s+(?:shipping|arriving|coming|launching|opening|debuting)\s", re.M)
_spec("headline_to", 0.75, rf"{_HEADLINE_NAME}\s+(?P<cue>(?P<verb>shipping|arriving|coming|launching|"
      r"opening|debuting))\s+(?=(?:in|on|from|by|this|next|later|early|late|before)\b)", re.M)
# Headlines that give a (new) date: "Marathon moved to September 14", "Cup pushed back to 2027", "Acme sets its
# launch event for May 3"
_spec("headline_due", 0.7, r"\b(?P<cue>moved|pushed\s+back|postponed|rescheduled|put\s+back|brought\s+forward)\s+"
      r"(?P<verb>)(?=(?:to|until|till)\s+(?:\w+\s+){0,2}?(?:\d|January|February|March|April|May|June|July|August|"
      r"September|October|November|December|next|early|late|spring|summer|autumn|fall|winter))")
_spec("headline_due", 0.7, r"\b(?P<cue>sets)\s+(?P<verb>)(?=[A-Z\u00c0-\u00de\u0100-\u017f0-9][^,;]{0,60}?\s+for\s+"
      r"(?:\w+\s+){0,2}?\d)")
# Goals as nouns: "our goal is ...", "its target remains ...", "the ambition is to ...".
_spec("goal", 0.7, r"\b(?P<cue>(?:goal|target|ambition|aim|objective|mission|pledge|commitment|plan)s?\s+(?:is|are|"
      r"remains?|was|will\s+be|(?:has|have)(?:\s+not|n['\u2019]t)\s+changed\s*:)(?:\s+(?:now|still|also))?(?:\s+to)?)"
      r"\s+(?P<verb>)(?=\S)")
# "our intention is to end ...", "the priority is to open ...": with "to" only ("our top priority is returning the jet
# to service" names a focus, not an act)
_spec("goal", 0.7, r"\b(?P<cue>(?:intention|priority|promise)s?\s+(?:is|are|remains?|was|will\s+be)(?:\s+(?:now|still|also))?"
      r"\s+to)\s+(?P<verb>)(?=\S)")
# "reaffirmed its plan to reach ...": a standing plan restated
_spec("plan", 0.8, rf"\b(?P<cue>(?:reaffirmed|reaffirms|confirmed|confirms|reiterated|reiterates|stuck\s+to|sticks\s+to|"
      rf"kept|keeps|maintained|maintains|repeated|repeats)\s+(?:its|their|his|her|our|a|the)\s+(?:[\w-]+\s+){{0,2}}?"
      rf"(?:plans?|goal|target|pledge|commitment|promise|aim|intention)\s+to)\s+{_ADVS}{_VERB}")


_ANY_CUE = re.compile(
    r"will|shall|won['\u2019]t|['\u2019]ll\b|would|going\s+to|\b(?:set|due|poised|committed|determined|preparing|planning|"
    r"aiming|track|course|working|looking|targeting|expected|scheduled|slated|likely|hoping|seeking|about|ready|"
    r"prepared|obliged|required)\s+to\b|\b(?:is|are)\s+to\b|pledge|vow|promise|agree|undert|decide|resolve|"
    r"guarantee|sw[oe]r|plan|intend|prepare|propose|moving|aim|seek|striv|expect|target|vote|commit|approve|adopt|"
    r"goal|ambition|objective|mission|forecast|project|sees|guide|anticipate|reaffirm|reiterat|confirm|stuck|sticks|"
    r"kept|keeps|maintain|repeat|meant|supposed|\bto\s|['\u2019]ll|goes|\bgo\s|opens?|launches|starts?|begins?|arrives?|"
    r"ships|debuts|premieres|lands|returns|resumes|comes|coming|sail|hits|due|eyes|(?:scheduled|slated|set|targeted)\s+for|"
    r"planned|moved|pushed|postponed|rescheduled|put\s+back|brought\s+forward|sets|\b(?:is|are|['\u2019]re)\s+(?:also\s+|now\s+)?[a-z]+ing\b",
    re.I,
)


# Cue families whose object is a noun phrase, not a verb ("targets 800 deliveries", "our goal is net zero").
VERBLESS = frozenset({"target", "guidance", "goal", "pledge_money", "scheduled_present", "headline_due"})


def find_cues(sentence: str, *, headline: bool = False) -> list[Cue]:
    """Promise-carrying word groups in a sentence, left to right, without overlaps.

    ``headline`` allows headline grammar ("Acme to open plant"), which in running text is not a cue.
    """
    found: list[Cue] = []
    if not _ANY_CUE.search(sentence) and not (headline and (_HEADLINE_PARTICIPLE.search(sentence)
                                                             or _HEADLINE_NOMINAL.search(sentence))):
        return found
    for family, strength, pat, coordinated, gate in _SPECS:
        if (family in ("headline_to", "headline_due") and not headline) or (gate and not gate.search(sentence)):
            continue
        for m in pat.finditer(sentence):
            verb = (m.group("verb") or "").lower()
            if family not in VERBLESS and (not verb or verb in _NOT_VERBS):
                continue
            if family in ("will", "would") and re.search(r"\b(?:the|free|good|political|own|ill|your|his|her|their)\s*$", sentence[: m.start()], re.I):
                continue
            words = m.group(0).lower().split()
            negated = bool(re.search(r"\b(?:not|never|no\s+longer)\b|n['\u2019]t\b", m.group(0), re.I)) \
                and not re.search(r"\bchanged\s*:", m.group(0))  # "our goal hasn't changed: ..." negates nothing
            hedged = any(w.strip(",") in HEDGE_ADVS for w in words)
            vstart = (m.start("verb") if family not in VERBLESS else m.end() if family in ("goal", "guidance")
                      else m.start("cue"))
            if family == "headline_due":
                vstart = m.start("cue")
            start = m.start("cue") if family == "headline_to" or coordinated else m.start()  # the subject stays outside
            found.append(Cue(family, strength, start, m.end(), vstart, verb, negated, hedged, coordinated=coordinated))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Cue] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue  # the longer, earlier reading wins
        out.append(c)
    return out


# ---------------------------------------------------------------------------
# Reading the clause around a cue.

_SPEECH = (
    r"said|says|say|told|tells|added|adds|announced|announces|announce|"
    r"confirmed|confirms|confirm|stated|states|wrote|writes|explained|insisted|stressed|reiterated|acknowledged|noted|declared|"
    r"revealed|disclosed|replied|responded|emphasised|emphasized|underlined|repeated|maintained|maintains|"
    # a speaker in a participle clause: "..., with the minister saying the homes will ...", "..., adding that it will"
    r"saying|adding|"
    # the glad news of a post or a letter: "I'm pleased to report that ...", "Excited to share that ..."
    r"(?:pleased|happy|delighted|proud|excited|thrilled|glad)\s+to\s+(?:report|announce|share|confirm|say|tell\s+you)"
)
_PROMISE = (
    r"promised|promises|promise|pledged|pledges|pledge|vowed|vows|vow|guaranteed|guarantees|guarantee|"
    r"assured(?:\s+\w+)?|committed|undertook|swore"
)
_HEDGE = (
    r"believes?|believed|thinks?|thought|fears?|feared|hopes?|hoped|suggested|suggests|indicated|indicates|"
    r"predict|estimate|warn|argue|claim|caution|speculate|project|anticipate|anticipates|anticipated|"
    r"signals?|signalled|signaled|predicted|predicts|estimated|estimates|speculated|speculates|reckons?|"
    r"reckoned|doubts?|doubted|warned|warns|questioned|questions|wondered|wonders|asked|asks|expects?|expected|"
    r"projected|projects|forecast|forecasts|argued|argues|claimed|claims|reported|reports|understands|"
    r"learned|learnt|heard|assumes?|assumed|suspects?|suspected|worried|worries|cautioned|noted\s+that\s+it\s+was\s+unclear|"
    r"(?:is|was|are|were|am|['\u2019]m|['\u2019]re|remains?|felt|feels)\s+[\"\u201c]?(?:confident|hopeful|optimistic|convinced|"
    r"sure|certain)[\"\u201d]?"
)
_FRAME = re.compile(
    rf"\b(?P<fv>(?P<speech>(?:told|tells|assured|informed|reminded)(?:\s+[\w'\u2019]+){{1,6}}?|{_SPEECH})|(?P<promise>{_PROMISE})|(?P<hedge>{_HEDGE}))"
    rf"(?:\s+(?:on\s+\w+|in\s+a\s+statement|(?:this|last)\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|"
    rf"today|yesterday|earlier|privately|publicly|(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))?"
    rf"(?:\s*,)?(?:\s+that)?\s+$",
    re.I,
)
_BOUNDARY = re.compile(
    r";\s*|:\s+|\s[-\u2013\u2014]{1,2}\s|,\s+(?:and|but|while|whereas|although|though|so|yet|or)\s+|\s+but\s+"
    r"|\b(?:whether|that)\s+|,\s+(?=(?:which|who|whose|where)\b)",
    re.I,
)
_NEG_SPEECH = re.compile(
    r"\b(?:declined|refused|would\s+not|wouldn['\u2019]t|did\s+not|didn['\u2019]t|does\s+not|doesn['\u2019]t|has\s+not|hasn['\u2019]t|"
    r"have\s+not|haven['\u2019]t|had\s+not|hadn['\u2019]t|could\s+not|cannot|can['\u2019]t|not)\s+(?:yet\s+|immediately\s+|publicly\s+)?"
    r"(?:to\s+)?(?:say|said|comment|commented|disclose|disclosed|confirm|confirmed|reveal|revealed|specify|specified|"
    r"elaborate|announce|announced|indicate|indicated|decide|decided|clear|known|detail|detailed|give|promise|"
    r"promised|guarantee|guaranteed|commit|committed|rule\s+out|ruled\s+out)\b"
    r"|\bno\s+decision\b|\bunclear\b|\bnot\s+(?:yet\s+)?(?:clear|known|certain)\b|\bnothing\s+to\s+announce\b",
    re.I,
)
_QUESTION_WORDS = re.compile(
    r"\b(?:whether|why|how|when|which|what)\b|\b(?:asked|ask|asks|wondered|wonder|question(?:ed|s)?|know|say|unclear)\s+if\b",
    re.I,
)
_RUMOUR = re.compile(
    r"\breportedly\b|\brumou?r(?:s|ed)?\b|\bpeople\s+(?:familiar|close|briefed)\b|\bsources?\s+(?:said|say|close|familiar|told)\b"
    r"|\b(?:is|are|was|were)\s+(?:said|rumou?red|believed|thought|understood|tipped)\s+to\b|\bunconfirmed\b|\bspeculation\b"
    r"|\baccording\s+to\s+(?:people|sources|reports|a\s+report|insiders|documents|a\s+person)\b|\bleaked\b",
    re.I,
)
# "..., ending months of speculation", "after much speculation, the owner confirmed ...": the
# announcement settles the rumour, so the sentence is no rumour itself
_SETTLED_SPECULATION = re.compile(
    r"\b(?:after|following|ending|ends|ended|end\s+to|confirm(?:s|ed|ing)?)\s+"
    r"(?:(?:months|weeks|years|days|much|some|intense|mounting|long|of)\s+){0,3}speculation\b",
    re.I,
)
_PAST_CONTEXT = re.compile(
    r"\b(?:previously|originally|formerly|long\s+ago|years\s+ago|in\s+the\s+past|back\s+in|last\s+year|"
    r"(?:in|since|during)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-\u2013/]))",
    re.I,
)
CONDITION = re.compile(
    # "provided" and "providing" as conjunctions only: "will be provided to pupils" and "keep providing repairs" are verbs
    # (a conjunction opens a clause: "provided the budget passes"; "provided under the contract" is a participle)
    r"\b(?:if|unless|(?<!\bbe\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bhas\s)"
    r"(?<!\bhave\s)(?<!\bhad\s)(?<!\band\s)(?<!\bkeep\s)(?<!\bkeeps\s)(?<!\bkept\s)(?<!\bcontinue\s)"
    r"(?<!\bcontinues\s)(?<!\bstart\s)(?<!\bstarts\s)(?<!\bbegin\s)(?<!\bstop\s)(?<!\bby\s)(?<!\bof\s)(?<!\bfor\s)"
    r"(?<!\bin\s)(?<!\bwill\s)(?<!\bwould\s)(?:provided|providing)(?:\s+that|(?=\s+(?:the|a|an|it|we|they|there|its|"
    r"their|our|all|this|these|those|enough|sufficient|funding|approval|permission)\b))|"
    r"as\s+long\s+as|on\s+condition\s+that|subject\s+to|depending\s+on|"
    r"contingent\s+(?:on|upon)|pending|assuming|in\s+the\s+event\s+(?:that|of)|should\s+(?:the|it|they|we)\b)\b",
    re.I,
)
_INTRO = re.compile(
    r"^(?P<intro>(?:(?:yes|no|well|indeed|sure|if|when|once|after|before|as|while|although|though|unless|provided|despite|with|by|in|on|at|"
    r"for|under|following|since|until|during|within|over|ahead|across|amid|from|to|separately|meanwhile|additionally|also|however|now|still|"
    r"currently|first|second|third|fourth|fifth|finally|then|today|later|earlier|next|so|and|but|in\s+addition|"
    r"at\s+the\s+same\s+time|"
    r"according|speaking|asked|instead|overall|together|under|through|throughout|starting|beginning|between|"
    r"prior|[a-z]+ly|"
    # a fronted participle phrase: "Looking further ahead, ...", "Including Orvo and Pelt, ..."
    r"(?-i:[A-Z][a-z]+ing)|"
    # an aside after a fronted phrase: "Under the new rules, adopted last week, the teams will ...", "In Dellan,
    # where the fee started last year, every bus will ..."
    r"(?-i:[a-z]+ed)|(?-i:where|which|whose))\b[^,]*),\s+)+",
    re.I,
)
_TRAILING_ATTR = re.compile(
    rf",\s+(?P<sp>(?!(?:and|but)\b)(?:(?!\b(?:but|as|after|which|who|while)\b)[^,;\"\u201c\u201d]){{1,90}}?)\s+(?:{_SPEECH}|{_PROMISE})\b"
    rf"|,\s+(?:said|says|told|added|according\s+to)\s+(?P<sp2>[^,;.\"\u201c\u201d]{{1,90}})",
    re.I,
)
# "..., analysts argue.", "..., some economists believe.": the sentence is the others' opinion
_TRAILING_HEDGE = re.compile(rf",\s+(?P<sp>[^,;\"\u201c\u201d]{{1,60}}?)\s+(?:{_HEDGE})(?=\s*(?:[.!]?\s*$|,))", re.I)
_VP_END = re.compile(
    r";|\s[-\u2013\u2014]{1,2}\s|,\s+(?:and|but|while|whereas|although|though|as|after|which|who|where|so|yet|"
    r"even\s+as|with|marking|signal+ing|easing|extending|making|bringing|giving|meaning|ensuring|adding|saying|"
    r"according)\b|\s+but\s+|[\"\u201d](?=\s*,?\s*(?:said|says|[a-z]))",
    re.I,
)


@dataclass
class Clause:
    """What one cue says, read in its clause; ``reject`` names why it is not a promise."""

    cue: Cue
    start: int  # clause start in the sentence
    subject: str
    subject_start: int
    intro: str  # fronted adverbials ("Before that,", "If the grant is approved,")
    frame: str  # words before the clause ("Reinholt said")
    frame_kind: str | None  # speech | promise | hedge | None
    frame_speaker: str | None
    trailing_speaker: str | None
    quote_speaker: str | None
    in_quote: bool
    vp_start: int
    vp_end: int
    negated: bool
    conditional: bool
    reject: str | None = None
    object_np: str = ""  # the thing a relative clause acts on ("a model that it will release"): its object
    aside_date: bool = False  # a thing's date told in a relative aside ("The mill, which will open in 2026, cost ...")


_LISTENER = re.compile(
    r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w'\u2019-]+\s+){0,3}?(?:reporters|journalists|investors|analysts|staff|"
    r"employees|workers|shareholders|lawmakers|legislators|parliament|MPs|senators|members|delegates|audience|"
    r"conference|meeting|crowd|customers|fans|followers|subscribers|viewers|listeners|readers|Reuters|"
    r"[A-Z\u00c0-\u00de\u0100-\u017f][\w-]+)(?:\s+(?:in|at|on)\s+[\w\s]{1,30}?)?\s+(?:that\s+)?"
    r"(?=(?:the|it|its|we|they|he|she|this|a|an|[A-Z\u00c0-\u00de\u0100-\u017f])\b)"
)


_THAT_GOVERNORS = re.compile(
    rf"(?:\b(?:{_SPEECH}|{_PROMISE}|{_HEDGE}|promise|pledge|commitment|assurance|guarantee|hope|belief|fear|"
    rf"expectation|warning|claim|so|now|such|given|provided|ensure|ensuring|means|meaning|adding|saying|noting|"
    rf"stressing|insisting|confirming)|,)\s*$",
    re.I,
)


def _last_boundary(prefix: str) -> re.Match[str] | None:
    """The last clause boundary in ``prefix``; "that" counts only after a verb or noun that takes a clause."""
    last = None
    for m in _BOUNDARY.finditer(prefix):
        if m.group(0).strip().lower() == "that" and not _THAT_GOVERNORS.search(prefix[: m.start()]):
            continue  # "businesses that use it": a relative "that"
        last = m
    return last


_COORD = re.compile(r",?\s+(?:and|but|while|whereas|or)\s+|,\s+with\s+|;\s*")


def read_clause(sentence: str, cue: Cue, quote_start: int | None, quote_speaker: str | None, *,
                previous: Clause | None = None, next_start: int | None = None) -> Clause:
    """Read the clause of ``cue``.

    ``quote_start`` is where an enclosing quotation begins; ``previous`` is the
    clause of the cue before this one in the same sentence (and quotation), and
    ``next_start`` where the next cue begins: "we will X and we will Y" holds
    two clauses.
    """
    floor = _floor(sentence, quote_start, previous)
    start = _clause_start(sentence, floor, cue.start, coordinated=previous is not None, shared=cue.coordinated)
    frame_kind, frame_speaker, start = _frame(sentence, floor, start, cue.start)
    intro, subject, subject_start = _subject(sentence, start, cue.start)
    if cue.coordinated and SEQUENCE_ADVERB.fullmatch(subject):
        intro, subject = intro + subject, ""  # "will reach the comet and then collect a sample": no subject of its own
    aside = re.fullmatch(r"(?:which|who)\b[^,]*,", subject.strip())
    aside_date = False
    if subject.strip().lower() == "which" and previous is None and re.match(r"(?:we|they|I)\b", sentence[cue.start:cue.end]) \
            and _dated_relative(sentence, cue):
        subject = f"{subject.strip()} {sentence[cue.start:cue.end].split()[0]}"  # "which we expect to ...": read below
    if subject.strip().lower() == "which" and previous is None:  # after a promise it restates that promise
        named = _ANTECEDENT.search(sentence[:subject_start])
        if named and _AFTER_PREPOSITION.search(sentence[:named.start("np")]):
            named = None  # "in Vellmoor, which ...": a place, not the thing
        if named:  # "three Gizmo S10 handsets, which go on sale on March 8": the named thing is the subject
            subject, subject_start = named.group("np"), named.start("np")
        elif _dated_relative(sentence, cue):
            # "The Harbury depot, which will open in March 2026, is ...": a dated relative clause of a thing
            thing = _THING_BEFORE.search(sentence[:subject_start])
            if thing and not _AFTER_PREPOSITION.search(sentence[:thing.start("np")]):
                subject, subject_start, aside_date = thing.group("np"), thing.start("np"), True
                name = _ANTECEDENT.search(sentence[:subject_start])
                if name and subject.split()[-1].lower() in ORG_NOUNS:
                    # "TSMC, the largest contract chipmaker, which plans to ...": the name the aside describes
                    subject, subject_start, aside_date = name.group("np"), name.start("np"), False
    described = _DESCRIBED_THAT.search(subject) if previous is None else None
    if described:  # "Vantor unveiled the Orvo 3, a scooter that will go on sale in May": the Orvo 3 goes on sale
        named = _ANTECEDENT.search(subject[: described.start() + 1])
        if named and not _AFTER_PREPOSITION.search(subject[: named.start("np")]):
            subject_start += named.start("np")
            subject = named.group("np")
    object_np = ""
    rel_object = _OBJECT_RELATIVE.match(subject.strip())
    if rel_object and previous is None and _dated_relative(sentence, cue):
        # "Vantor 4.5, which we'll ship in the coming weeks", "a cheaper model that it will release later this
        # year": the pronoun does it, and the thing before the relative is what it does it to
        before = sentence[:subject_start] + subject.strip()[: rel_object.start("rel")]
        if rel_object.group("rel").lower() == "which":
            # the whole noun phrase before the comma: "a share listing for Orvo Freight, which we ..."
            found = [m for m in (_ANTECEDENT.search(before), _THING_BEFORE.search(before)) if m]
            thing = min(found, key=lambda m: m.start("np"), default=None)
        else:
            thing = _THING_BEFORE_THAT.search(before)
        if thing:
            object_np = thing.group("np").strip(" ,")
            pron_at = subject_start + rel_object.start("pron")
            subject, subject_start = rel_object.group("pron"), pron_at
    made = _MADE_THAT.match(subject.strip())
    if made and previous is None and not re.search(r",\s+(?:the|a|an)\s+[^,]*that$", subject.strip(), re.I):
        # "the cabinet approved three documents that will raise spending", "they unveiled a fund that will invest
        # in ...": what the actor just made will do the promised act, which is the actor's own (not an apposition
        # describing what was unveiled: ", the tablet that will carry the firm into a new era")
        subject = re.sub(r"\s+(?:on\s+\w+day|yesterday|today|(?:last|this)\s+\w+)$", "", made.group("main"))
    decided = _DECIDED_PLAN.match(subject.strip()) if cue.family == "plan" else None
    if decided:  # "the council approved plans to build 500 homes": the council's plan
        subject = decided.group("main")
    complement = re.match(r"that\s+(?=(?:the|a|an|its|their|our|his|her|every|all|each|this|these|[A-Z\u00c0-\u00de\u0100-\u017f]|\d))", subject.strip()) \
        or (re.match(r"that\s+(?=[a-z])", subject.strip()) if re.search(r"\band\s*$", sentence[:subject_start]) else None)
    if complement:  # "... and that every village (that deliveries) would ...": a reported clause, not a relative one
        lead = len(subject) - len(subject.lstrip())
        subject, subject_start = subject.strip()[complement.end():], subject_start + lead + complement.end()
    called = re.match(r"(?:called|named|dubbed|known\s+as|titled|branded)\b[^,]*,\s*", subject.strip())
    if called and subject.strip()[called.end():]:
        subject = subject.strip()[called.end():]  # "Under the plan, called Blue Coast 2030, the government aims"
    appos = _APPOSITIVE.fullmatch(subject.strip())
    if appos and not re.match(_FRONTED_WORDS, appos.group("np"), re.I):
        subject = appos.group("np")  # "The service, now available in 50 countries, will": the service
    head = re.search(r"([A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*(?:\s+(?:of|and|&|[A-Z\u00c0-\u00de\u0100-\u017f0-9][\w&.'\u2019-]*))*"
                     r"|\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Hh]is|[Hh]er)\s+[\w\s'\u2019-]{1,50}?),\s*$",
                     sentence[floor:start])
    if aside and head:  # "Acme, which has 300 stores, will open ...": the name before the aside is the subject
        frame_kind, frame_speaker = None, None
        subject, subject_start = head.group(1), floor + head.start(1)
        start = subject_start
    relative = _BEFORE_RELATIVE.search(sentence[: cue.start]) if subject.strip().endswith(",") else None
    if relative:
        # "the second fab, which will use N3, is scheduled for 2026": the relative clause held a cue of its own
        subject, subject_start = relative.group("np"), relative.start("np")
    pron = re.match(r"(we|they|I)\b", sentence[cue.start : cue.end], re.I)
    if pron and (not subject.strip(" ,") or subject.strip().endswith(",") or _FRONTED.match(subject.strip())):
        # "by 2030, we aim to ...", "For the first quarter we expect ...": the pronoun is inside the cue
        intro, subject, subject_start = sentence[start : cue.start], pron.group(1), cue.start
    elif re.fullmatch(r"(?:(?:in|by|on|from|before|after|within|during|over|until|for)\s[^,]*,\s*)+", subject.strip(), re.I):
        # "By 2030, " with nothing else: a fronted phrase, not a subject ("The first phase, with three
        # runways, is scheduled to open": a subject with an aside)
        intro, subject = intro + subject, ""
    vp_end, trailing = _verb_phrase_end(sentence, cue, next_start)
    frame = ELECTORAL.search(sentence, cue.end, vp_end)
    if frame:  # "will scrap the toll once it takes office": the promise ends where the campaign's frame begins
        vp_end = len(sentence[:frame.start()].rstrip(" ,"))
    credited = re.match(r"according\s+to\s+([^,]+),", intro, re.I)
    if credited and not trailing:
        trailing = credited.group(1).strip()  # "According to Acme, the plant will open in 2026"
    clause = Clause(
        cue=cue, start=start, subject=subject, subject_start=subject_start, intro=intro,
        frame=sentence[floor:start], frame_kind=frame_kind, frame_speaker=frame_speaker,
        trailing_speaker=trailing, quote_speaker=quote_speaker, in_quote=quote_start is not None,
        vp_start=cue.verb_start, vp_end=max(vp_end, cue.verb_start),
        negated=cue.negated or bool(re.match(r"(?:no|none|nothing|neither|nobody)\b", subject, re.I))
        or (subject.lower() == "there" and re.match(r"be\s+no\b", sentence[cue.verb_start :], re.I) is not None),
        conditional=False,
        object_np=object_np,
        aside_date=aside_date,
    )
    if previous is not None and clause.frame_kind is None and not clause.in_quote:
        # "She said the line would open in May and would cost ...": the frame carries over
        clause.frame_kind, clause.frame_speaker = previous.frame_kind, previous.frame_speaker
        clause.trailing_speaker = clause.trailing_speaker or previous.trailing_speaker
    clause.conditional = _conditional(sentence, clause)
    clause.reject = _reject(sentence, clause)
    return clause


# Adverbs between "and" and a second verb of the same subject ("and also", "and then", "and later"); all but
# "also" put the second act after the first, so the first act's date is not the second one's deadline.
AFTERWARDS = re.compile(r"(?:then|later|finally|subsequently|afterwards)", re.I)
SEQUENCE_ADVERB = re.compile(rf"(?:also|{AFTERWARDS.pattern})", re.I)


def _floor(sentence: str, quote_start: int | None, previous: Clause | None) -> int:
    """Where the clause can begin at the earliest: inside its quotation, after the previous cue."""
    floor = quote_start if quote_start is not None else 0
    if quote_start is not None and sentence[quote_start : quote_start + 1] in "\"\u201c\u2018'":
        floor += 1
    if previous is not None:
        floor = max(floor, previous.cue.end)
    return floor


def _clause_start(sentence: str, floor: int, cue_start: int, *, coordinated: bool, shared: bool = False) -> int:
    """After the last "that"/"whether"/";"/", and" before the cue (and "and" after an earlier cue); ``shared``:
    the cue is a verb sharing an earlier cue ("will grow X, cut Y")."""
    prefix = sentence[floor:cue_start]
    m = _last_boundary(prefix)
    if m is not None and not coordinated and not prefix[m.end():].strip() \
            and re.fullmatch(r",\s+(?:and|but|yet)\s+", m.group(0), re.I) \
            and not re.match(r"(?:we|they|I|he|she|it|you)\b", sentence[cue_start:], re.I):  # "..., and we expect to"
        # "The deal has been approved, and is expected to close in May": a second predicate of the sentence's
        # subject, after a first one with "be" or "have" (not "said ..., and will": a report and its speaker)
        earlier = _last_boundary(prefix[: m.start()])
        first = prefix[earlier.end() if earlier else 0 : m.start()]
        if re.match(r"[^,]{1,60}?\s(?:is|are|was|were|has|have|had)\s", first):
            m = earlier
    if shared and re.search(r",\s*$", prefix):
        return cue_start  # "will grow X, cut Y and pass Z": a middle verb of the list has no words of its own before it
    if coordinated:
        for c in _COORD.finditer(prefix):
            if m is None or c.end() > m.end():
                m = c
    return floor + m.end() if m is not None else floor


_INNER_FRAME = re.compile(
    rf"^(?P<sp>.*)\b(?P<fv>(?:{_SPEECH})|(?:{_PROMISE})|(?:{_HEDGE}))"
    rf"(?:,?\s+(?:on\s+\w+|in\s+a\s+statement|in\s+an?\s+\w+|(?:this|last)\s+(?:week|month|year)|"
    rf"earlier\s+this\s+(?:week|month|year)|today|yesterday|earlier|"
    rf"late\s+on\s+\w+|on\s+\w+\s+evening|at\s+a\s+[\w\s-]{{1,30}}?))*"
    # "told the summit that ...", "told reporters that ...": whom it was said to, before "that"
    rf"(?:(?:(?<=\btold)|(?<=\btells)|(?<=\bassured)|(?<=\binformed)|(?<=\breminded))"
    rf"\s+(?:reporters|journalists|investors|analysts|shareholders|MPs|lawmakers|delegates|parliament|"
    rf"(?:the|a|an|his|her|its|their)\s+[\w-]+(?:\s+[\w-]+){{0,2}}?)"
    rf"(?:\s+on\s+\w+(?:\s+(?:morning|afternoon|evening|night))?)?(?=\s+that\b))?"
    rf"(?:\s+that)?,?\s+(?P<rest>(?!to\b|that\b).+)$",
    re.I,
)


_GLAD = re.compile(r"(?:(?:\s+(?:is|are|am|was|were)|['\u2019](?:s|m|re))(?:\s+(?:very|so|really))?"
                   r"(?:\s+(?:pleased|happy|delighted|proud|excited|thrilled|glad)(?:\s+to)?)?)$", re.I)


_LEADING_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*(?:\s+(?:of\s+)?[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*)*"
                           r"(?=\s+[a-z])")


# a frame verb coordinated with the main clause's verb: "... on Sunday and said", "... but also said"
_AND_THEN = re.compile(r"\s(?:and|but)(?:\s+(?:also|then|later|later\s+on))?\s*$")


def _participle_speaker(before: str) -> str | None:
    """Who speaks in "..., with the minister saying ..." (the participle's own subject) and in "Vantor cut its
    outlook, adding that ..." (the main clause's subject, the name it opens with)."""
    with_ = re.search(r",\s+with\s+(.+)$", before)
    titled = _OWNERS_TITLED_NAME.match(before)
    if titled and not with_:
        return titled.group("name")  # "Norway's foreign minister, Ada Brennan, announced ...": the person speaks
    lead = _LEADING_NAME.match(before)
    return with_.group(1) if with_ else lead.group(0).strip() if lead else None


# "Norway's foreign minister, Ada Brennan, ...": a title owned by a name, then the person holding it
_OWNERS_TITLED_NAME = re.compile(r"^(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*\s+){0,3}?[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*"
                                 r"['\u2019]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*,\s+"
                                 r"(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f][\w.'\u2019\u00c0-\u017f-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w.'\u2019\u00c0-\u017f-]*){1,3}),")


def _frame(sentence: str, floor: int, start: int, cue_start: int) -> tuple[str | None, str | None, int]:
    """The verb framing the clause (said / promised / believe) and who it belongs to; moves ``start`` past it."""
    inner = _INNER_FRAME.search(sentence[start:cue_start])
    pron = re.match(r"(?:we|they|it|he|she|I)\b", sentence[cue_start:], re.I)
    if pron and not (inner and inner.group("rest").strip()):
        # "the two companies said they expect to": the pronoun opens the cue, and the frame ends right before it
        inner = _INNER_FRAME.search(sentence[start:cue_start + pron.end()])
    if inner and inner.group("rest").strip():
        # "X said the company will": the frame verb sits right before the subject
        fv = inner.group("fv")
        speaker = _INTRO.sub("", inner.group("sp")).strip(" ,") or None  # "Asked about prices, Acme said"
        if speaker and (fv.lower() in ("saying", "adding") or _AND_THEN.search(speaker)):
            # "Vantor opened the plant on Monday and said the line would ...": the main clause's subject speaks
            speaker = _participle_speaker(speaker)
        if re.match(r"\s*(?:whose|which|who)\b", inner.group("sp"), re.I):
            # "Vantor, whose rail unit owns the line, said ...": the name before the aside speaks
            named = re.search(r"((?:[Tt]he\s+)?[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f]"
                              r"[\w&.'\u2019-]*)*),\s*$", sentence[floor:start])
            speaker = named.group(1) if named else speaker
        if speaker:  # "Acme is delighted to confirm", "Acme is pleased to announce": the speaker alone
            speaker = _GLAD.sub("", speaker) or None
        new_start = start + inner.start("rest")
        if fv.lower() in ("told", "tells"):  # "told reporters the company would": skip the listener
            listener = _LISTENER.match(inner.group("rest"))
            if listener:
                new_start += listener.end()
        return _frame_kind(fv), speaker, new_start
    fm = _FRAME.search(sentence[floor:start])
    if fm is None:
        return None, None, start
    # "X said on Monday that the company will": the frame ends at the boundary
    before = re.sub(r",\s+(?:who|which|whose|where)\b[^,]*,", "", sentence[floor:start][: fm.start()])
    sp = _last_boundary(before)
    speaker = (before[sp.end() :] if sp else before).strip(" ,") or None
    if speaker and fm.group("fv").lower() in ("saying", "adding"):
        speaker = _participle_speaker(speaker)
    kind = "speech" if fm.group("speech") else "promise" if fm.group("promise") else "hedge"
    return kind, speaker, start


def _frame_kind(verb: str) -> str:
    if re.fullmatch(_SPEECH, verb, re.I):
        return "speech"
    return "promise" if re.fullmatch(_PROMISE, verb, re.I) else "hedge"


_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday|also|now|"
    r"still|this\s+week|has|have|had|is|are|was|were|formally|officially|already|recently|jointly|itself|themselves))+\s*$"
)


_TIME_WORD = (
    r"(?:end|start|beginning|middle|first|second|third|fourth|final|next|early|late|mid|\d{4}|Q[1-4]|H[12]|January|"
    r"February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|fall|"
    r"winter|year|month|week|decade|quarter|half|season)"
)
# "By the end of 2026 we will ...": a time phrase fronted without a comma.
_FRONTED_TIME = re.compile(
    rf"^(?:(?:by|in|from|before|after|within|starting|over|during|until|through|at)\s+(?:the\s+)?{_TIME_WORD}"
    rf"(?:[\w\s-]*?\b(?:\d{{4}}|{_TIME_WORD})s?)?|(?:next|this|later\s+this|early\s+next|late\s+next)\s+{_TIME_WORD}|"
    # "Within two years Vantor will ...", "In the coming months Vantor will ...": a span counted from now
    r"(?:within|in|over|during|for)\s+(?:the\s+)?(?:next\s+|coming\s+|following\s+)?(?:[\w-]+\s+)?"
    r"(?:days|weeks|months|years|decades|quarters)|"
    # "After that date Vantor will ...", "From then on we will ...": a time told before
    r"(?:by|from|after|before|until|since)\s+(?:then(?:\s+on)?|(?:that|this|the\s+same)\s+(?:date|time|point|day|stage)))\s+"
    r"(?=(?:we|it|they|he|she|I|the|our|its|their|all|every|each|both|(?-i:[A-Z\u00c0-\u00de\u0100-\u017f])[\w&.'\u2019-]*)\b)",
    re.I,
)


# A name, then what it is, then a relative clause about it: "the Orvo 3, a scooter that", "Lumo, an app which"
_DESCRIPTION = r",\s+(?:a|an|the|its|their|our)\s+[^,]{1,50}?\s+"
_DESCRIBED_THAT = re.compile(_DESCRIPTION + r"(?:that|which)\s*$")
_DESCRIBED_WHICH = re.compile(_DESCRIPTION + r"which\s*$")
# The named thing a "which" clause is about: "... three Gizmo S10 handsets at the same event, which ..."
_ANTECEDENT = re.compile(r"(?P<np>[A-Z\u00c0-\u00de\u0100-\u017f][\w.&'\u2019-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f0-9][\w.&'\u2019-]*)*(?:\s+[a-z]+s)?)"
                         r"(?:\s+(?:at|in|on|from)\s+[^,]{1,40})?,\s*$")
# A subject with an appositive aside: "Acme, based in Leeds,", "The service, now available in 50 countries,"
_APPOSITIVE = re.compile(
    r"(?P<np>(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur)\s+[^,]{1,50}|[A-Z\u00c0-\u00de\u0100-\u017f][^,]{0,50}),\s+(?:now|already|currently|still|"
    r"based|founded|headquartered|owned|led|run|once|formerly|long|the|one\s+of|a|an)\b[^,]*,")
# A fronted phrase of time or place, with or without its comma: "For the full year 2023,", "In Europe"
_FRONTED_WORDS = (r"(?:in|by|on|from|before|after|within|during|over|until|for|starting|beginning|at|through|between|"
                  r"throughout|across|this|next|later|earlier|early|late|excluding|including|outside)\b")
_FRONTED = re.compile(rf"(?:{_FRONTED_WORDS}[^,]*,\s*)*{_FRONTED_WORDS}[^,]*,?$", re.I)
_LEADING_PHRASE = re.compile(
    rf"^(?:{_FRONTED_WORDS}|once|when)\s*[^,]{{0,60}}?\s+(?=(?:he|she|it|they|we|I)$)",
    re.I,
)


# A noun phrase right after a preposition ("in Vellmoor, which ..."): a place, not the thing a relative describes
_AFTER_PREPOSITION = re.compile(r"\b(?:in|at|on|from|to|near|of|for|with|by)\s*$")
# The noun phrase before a relative "which" ("The Harbury depot, which ..."), and before a relative "that"
# with no comma ("unveiled a cheaper model that it ...")
_THING_BEFORE = re.compile(r"(?P<np>\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Aa]|[Aa]n)\s+[^,]{1,50}?),\s*$")
_THING_BEFORE_THAT = re.compile(r"(?P<np>\b(?:the|its|their|our|a|an)\s+(?:(?!(?:the|its|their|our|a|an)\s)[\w'\u2019.-]+\s+)"
                                r"{0,4}[\w'\u2019.-]+)\s*$", re.I)
# The subject's own past act on a thing, then a relative clause of that thing: "the cabinet on Friday approved
# three documents that (will raise ...)", "X presented the goals, together with a fund that (will invest ...)"
_MADE_THAT = re.compile(r"(?P<main>.+?)\s+(?:approved|adopted|unveiled|presented|announced|launched|created|"
                        r"signed|passed|published|introduced|set\s+up|agreed)\s+"
                        r"[^;]*?\s+that$")


# Who decided a plan, before the plan's noun: "the council approved [plans to build ...]"
_DECIDED_PLAN = re.compile(r"(?P<main>.+?)\s+(?:has\s+|have\s+|had\s+)?(?:approved|adopted|unveiled|presented|"
                           r"announced|published|set\s+out|outlined|revealed|backed|endorsed|drew\s+up|launched|"
                           r"agreed)$")


# A relative clause whose subject is a pronoun: "which we", "that it" (the cue follows)
_OBJECT_RELATIVE = re.compile(r"(?:.*\s)?(?P<rel>which|that)\s+(?P<pron>we|they|it|he|she|I)$", re.I)


def _dated_relative(sentence: str, cue: Cue) -> bool:
    """Does the relative clause of ``cue`` name a date ("which we'll ship in the coming weeks")? Undated, a
    relative clause describes ("which will carry films and series")."""
    end = sentence.find(",", cue.verb_start)
    return find_deadline(sentence[cue.verb_start: end if end >= 0 else len(sentence)]) is not None


# A noun phrase, then a relative clause in commas that ends right before the cue
_BEFORE_RELATIVE = re.compile(r"(?P<np>\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Hh]is|[Hh]er)\s+[^,]{1,50}?),\s+"
                              r"(?P<rel>(?:which|who)\b[^,]{1,80}),\s*$")


# A discourse adverb opening a clause without its comma: "Then we will ...", "And then in 2027 the line will ..."
# ("And the new line will ...": a conjunction opening the clause links it to the last one; it is no part of the subject)
_DISCOURSE = re.compile(r"^(?:(?:and|but)\s+)?(?:then|sometime|also|so)\s+(?=\S)|^(?:and|but|yet)\s+(?=\S)", re.I)


def _subject(sentence: str, start: int, cue_start: int) -> tuple[str, str, int]:
    """(fronted adverbials, subject, subject offset) of the clause."""
    text = sentence[start:cue_start]
    adverb = _DISCOURSE.match(text)  # "Then at some point in 2027 we will ...", "Sometime next year we will ..."
    m = _INTRO.match(text) or _FRONTED_TIME.match(text[adverb.end():] if adverb else text) \
        or (adverb if adverb and text[adverb.end():].strip() else None)
    intro = m.group(0) if m else ""
    if adverb and m is not None and m is not adverb and m.re is _FRONTED_TIME:
        intro = adverb.group(0) + intro
    then = _FRONTED_TIME.match(text[len(intro):]) if m is not None and m.re is _INTRO else None
    if then:  # "Second, later this year Vantor will ...": a list's marker, then a time fronted without its comma
        intro += then.group(0)
    if not text[len(intro) :].strip():
        intro = ""  # "the province's health minister, Tamsin Kellow, vowed": an appositive, not an intro
    subject = _SUBJECT_TAIL.sub("", text[len(intro) :].rstrip())
    lead = _LEADING_PHRASE.match(subject)
    if lead:  # "on his first day in office he": a fronted phrase without its comma
        intro, subject = intro + subject[: lead.end()], subject[lead.end() :]
    return intro, subject.strip(), start + len(intro)


def _verb_phrase_end(sentence: str, cue: Cue, next_start: int | None) -> tuple[int, str | None]:
    """Where the cue's verb phrase ends, and who is credited after it (", the company said")."""
    vp_end, trailing = len(sentence), None
    ta = _TRAILING_ATTR.search(sentence, cue.end)
    while ta is not None and ta.group("sp") \
            and sentence[ta.start("sp") + len(ta.group("sp")):ta.end()].strip()[:1].isupper():
        # "approvals in Harbury, the European Union and the United States", "the Orvo Fold, in the United States on
        # April 26": a name, no speech verb; the attribution may still follow (", Dellan Pharma said")
        ta = _TRAILING_ATTR.search(sentence, ta.start() + 1)
    if ta is not None:
        trailing = (ta.group("sp") or ta.group("sp2") or "").strip() or None
        vp_end = ta.start()
    ve = _VP_END.search(sentence, cue.end, vp_end)
    if ve is not None:
        vp_end = ve.start()
    if next_start is not None and next_start < vp_end:
        coords = list(_COORD.finditer(sentence, cue.end, next_start))
        if coords:  # the next cue's clause begins at the last "and"/"but" before it
            vp_end = coords[-1].start()
    while vp_end > cue.end and sentence[vp_end - 1] in " .!?\"\u201d',":
        vp_end -= 1
    return vp_end, trailing


def past_context(prefix: str, before_year: int | None = None) -> bool:
    """Does the text before a cue set it in the past ("In 2021 the bank said it would ...")?

    Asides (", which lost money last year,") do not count. A bare year counts
    only when ``before_year`` is given and the year is earlier.
    """
    prefix = re.sub(r",\s+(?:which|who|whose|where)\b[^,]*,", ",", prefix)
    for m in _PAST_CONTEXT.finditer(prefix):
        if m.group("year") is None:
            return True
        if before_year is not None and int(m.group("year")) < before_year:
            return True
    return False


def _aside_after(sentence: str, c: Clause) -> str:
    """A condition set off after the verb phrase: "..., depending on demand, executives said"."""
    m = re.match(r"\s*,\s*((?:depending|subject|provided|pending|assuming|if|unless|as\s+long)\b[^,;]*)", sentence[c.vp_end :], re.I)
    return m.group(1) if m else ""


_UNTIL_DATE = re.compile(
    r"(?:the\s+end|at\s+least|\d|next|this|early|late|mid|after|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|spring|summer|autumn|fall|winter|the\s+(?:first|second|third|fourth|start|"
    r"beginning|middle))",
    re.I,
)


# The routine proviso of every deal and plan ("subject to regulatory approval", "subject to customary
# closing conditions", "subject to shareholder and regulatory approvals", "subject to approval by the
# competition authority"): the undertaking stands, with its usual approvals; not a condition that may not come.
_PROVISO_KIND = r"(?:customary|usual|regulatory|shareholder|shareholders'?|antitrust|closing|government(?:al)?|board|competition)"
_ROUTINE_PROVISO = re.compile(rf"\bsubject\s+to\s+(?:the\s+)?(?:{_PROVISO_KIND}\s+(?:and\s+{_PROVISO_KIND}\s+)?(?:[\w-]+\s+)?"
                              r"(?:approvals?|conditions|clearances?|review)|approvals?(?:\s+(?:by|from)\s+[^,;.]{1,60})?)",
                              re.I)


# Winning an election or taking office: the frame of every campaign pledge, not a condition on it ("will scrap the
# scheme if it wins the election", "if elected, we will ...")
ELECTORAL = re.compile(
    r"\b(?i:if|once|should|when)\s+(?:re-?)?elected\b|\b(?i:if|once|should|when)\s+(?:it|they|we|he|she|I|the\s+party|"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:wins?\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:elections?|vote|power|"
    r"majority|office|polls?|referendum|seats?)|is\s+(?:re-?)?elected|are\s+(?:re-?)?elected|forms?\s+(?:the\s+)?"
    r"(?:next\s+)?government|takes?\s+(?:office|power)|comes?\s+to\s+power|returns?\s+to\s+power)\b[^,;.]*")


def _conditional(sentence: str, c: Clause) -> bool:
    """"If the grant comes, we will ...", "will not X until the data says so"; not the routine
    "subject to approvals" of a deal, nor a campaign pledge's "if we win the election"."""
    sentence = _ROUTINE_PROVISO.sub(lambda m: " " * len(m.group(0)), sentence)  # offsets kept
    sentence = ELECTORAL.sub(lambda m: " " * len(m.group(0)), sentence)
    if CONDITION.search(ELECTORAL.sub("", _ROUTINE_PROVISO.sub("", c.intro))) \
            or re.match(r"^\W*(?:if|unless|provided|assuming)\b", sentence, re.I):
        return True
    if re.match(r"^\s*(?:if|unless|provided|assuming|should)\b", sentence[c.start :], re.I):
        return True
    tail, aside = sentence[c.vp_start : c.vp_end], _aside_after(sentence, c)
    if not c.negated:  # "will leave in March, unless the members agree to wait": the plan stands, with an exception
        tail = re.sub(r",\s*unless\b.*$", "", tail, flags=re.I | re.S)
        aside = "" if re.match(r"unless\b", aside, re.I) else aside
    if CONDITION.search(tail) or CONDITION.search(aside):
        return True
    until = re.search(r"\buntil\s+(?P<what>\S+(?:\s+\S+){0,2})", tail, re.I) if c.negated else None
    return bool(until and not _UNTIL_DATE.match(until.group("what")))


_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:already\s+|previously\s+|long\s+|once\s+)?(?:committed|pledged|promised|vowed|agreed|planned|"
    r"intended|aimed|expected|hoped|announced)\b",
    re.I,
)
_REFUSAL_VERBS = frozenset({"comment", "say", "disclose", "speculate", "elaborate", "reveal", "specify", "confirm"})
_WEAK_BE_TO = frozenset({"likely", "hoping", "about", "obliged", "required", "ready", "prepared"})
# "is scheduled to open": a schedule, the actor's own when the text credits it (scored lower, not dropped).
SCHEDULE_BE_TO = frozenset({"expected", "scheduled", "slated", "due", "meant", "supposed", "on track", "poised"})


def _reject(sentence: str, c: Clause) -> str | None:
    """Why the clause is not a promise, or None."""
    return _reject_sentence(sentence, c) or _reject_frame(sentence, c) or _reject_cue(sentence, c)


def _reject_sentence(sentence: str, c: Clause) -> str | None:
    whole = sentence.strip()
    if re.match(r"(?:which|that|who|whom|whose)\b", c.subject, re.I):
        return "relative clause"
    if re.match(r"(?:although|though|whereas|even\s+though)\b", c.subject, re.I):
        return "a concession, not the main clause"  # "Although demand will be soft, we expect ..."
    if re.search(r"\b(?:unless|if)\s+[^,;]*$", sentence[: c.cue.start], re.I) \
            and not re.match(r"\W*(?:unless|if)\b", sentence, re.I):
        return "the condition of another clause"  # "we will leave in March unless the members agree to extend"
    if re.search(r"\?[\"\u201d']?\s*$", whole):
        return "question"
    asked = re.match(r"^\W*asked\b[^,]*,", whole, re.I)
    if asked and c.cue.start < asked.end():
        return "question"  # "Asked whether the law would ..., she said ..."
    if _RUMOUR.search(_SETTLED_SPECULATION.sub(" ", sentence)):
        return "rumour"
    return None


def _reject_frame(sentence: str, c: Clause) -> str | None:
    cue = c.cue
    window = sentence[max(c.start - 30, 0) : cue.start] if c.frame_kind or c.start else sentence[: cue.start]
    window = window.replace(c.intro, " ") if c.intro else window
    window = re.sub(r"\([^)]*\)|,\s+(?:which|who|whose|where)\b[^,]*,", " ", window)  # asides
    if not c.subject.lower().startswith("which"):
        # "Gizmo handsets, which go on sale ...", "Gizmo 2, which we will ship ...": a relative clause, no question
        window = re.sub(r",\s*which(?:\s+(?:we|they|it|he|she|I))?\s*$", " ", window)
        # "the Orvo 3, an electric scooter which will ...": a relative clause after a description, no question
        window = _DESCRIBED_WHICH.sub(" ", window)
    if _QUESTION_WORDS.search(window) or re.search(r"\bwhether\b", sentence[max(0, c.subject_start - 60) : cue.start], re.I):
        return "embedded question"  # "declined to say when it would", "asked whether the club will"
    if _NEG_SPEECH.search(sentence[: c.subject_start]):
        return "refusal to say"
    if _PAST_PERFECT.search(sentence[: cue.end]):
        return "past perfect: background"
    if past_context(sentence[: cue.start]):
        return "background: an earlier promise"
    if c.frame_kind == "hedge" and not own_stance(c):
        return "hedged frame (believe/expect/warn/ask...)"
    after = _TRAILING_HEDGE.search(sentence, cue.end)
    if after and is_third_party(after.group("sp")):
        return "a forecast credited to others (analysts argue, critics believe...)"
    if not c.subject and not c.in_quote and c.frame_kind is None and not re.search(rf"\band\s*(?:{SEQUENCE_ADVERB.pattern}\s+)?$", sentence[: cue.start], re.I):
        return "no subject"
    return None


# The speaker's own stance on what the speaker's side will do: "I'm confident we will ...", "we believe we can ..."
_STANCE_OF_ONE = re.compile(r"[\"\u201c]?\s*(?:I|we)\s*(?:['\u2019](?:m|re)|am|are)?\s+(?:confident|sure|certain|convinced|"
                            r"think|believe|hope|expect)\b", re.I)
# The speaker vouching ("I'm confident", "sure", "certain"), not only thinking or hoping: the act is its word
CONVINCED = re.compile(r"\b(?:confident|sure|certain|convinced)\b", re.I)


def own_stance(c: Clause) -> bool:
    """Is the hedged frame the speaker's view of its own side's act ("I'm confident we will open the line",
    "I think we'll have it by May")? Such a clause is the actor's own forecast, kept as a candidate; a view of
    what others will do ("I'm sure MPs will back it") stays a hedge."""
    if not _STANCE_OF_ONE.match(c.frame.strip()):
        return False
    subject = c.subject.strip().lower()
    if subject in ("we", "i") or subject.startswith(("our ", "my ")):
        return True
    # a thing of the speaker's side, vouched for ("I am sure the line will open by 2027"), never others' acts
    return CONVINCED.search(c.frame) is not None and not is_third_party(c.subject) \
        and not re.search(r"^(?:the\s+)?(?:[\w-]+\s+)?(?:MPs|MEPs|senators|legislators|parliament|congress|"
                          r"regulators?|courts?|judges?|voters)\b", c.subject.strip(), re.I)


def _reject_cue(sentence: str, c: Clause) -> str | None:
    cue = c.cue
    words = sentence[cue.start : cue.end].lower()
    if cue.hedged:
        return "hedged (probably, likely ...)"
    if re.match(r"\s*(?:was|were)\b", words):
        return "past"
    if cue.family == "would" and re.search(r"\bwould\s+have\b", sentence[cue.start : cue.end + 6]):
        return "counterfactual"
    if cue.verb in WISH_VERBS:
        return "wish"
    if cue.negated and cue.verb in _REFUSAL_VERBS:
        return "refusal to say"
    weak = re.search(r"(\w+)\s+to\b", words) if cue.family == "set_to" else None
    if weak and weak.group(1) in _WEAK_BE_TO | SCHEDULE_BE_TO:
        return f"{weak.group(1)} to: a forecast or schedule"
    after = sentence[cue.end :].split()[:1]
    if cue.verb in ("remain", "stay") and after and after[0].strip(",.").lower() in COMMIT_ADJ:
        return None  # "will remain free": a promise to keep it so
    if cue.verb in NON_VOLITIONAL and not (cue.verb in MANDATE_VERBS and _mandating(c.subject)):
        return "not in the speaker's power"
    if cue.verb in _DECISION_VERBS and re.match(r"\s*(?:voted|votes|decided|decides|resolved|resolves)\b", words):
        return "a decision taken by the vote itself (voted to approve), not a promise"
    return None


# "voted to approve the toll", "decided to adopt the plan": the approving is done in the vote; what
# was approved is someone's promise only where a sentence says so ("the toll will start in May")
_DECISION_VERBS = frozenset({"approve", "adopt", "pass", "ratify", "endorse", "accept", "back", "authorise",
                             "authorize", "sanction", "confirm", "support", "reject", "uphold"})


# "require" is a need of a thing ("the target will require faster policies") and a rule set by someone
# who can set it ("the state will require new cars to be electric", "he will require masks in offices")
MANDATE_VERBS = frozenset({"require"})


def _mandating(subject: str) -> bool:
    """A subject that can lay down a rule: a person or group ("he", "we"), a name, or the shared subject
    of a coordinated verb (empty); not a thing or an activity ("the target", "doubling incomes")."""
    words = subject.strip().split()
    if not words:
        return True
    if len(words) == 1 and words[0].lower() in ("i", "we", "he", "she", "they"):
        return True
    if words[0].lower() in ("the", "this", "that", "its", "our", "their"):
        head = next((w for w in words[1:] if w.lower() == "of"), None)  # "the state of Norland": its head, "state"
        head = words[words.index(head) - 1] if head else words[-1]
        return head.lower().strip(",") in ORG_NOUNS  # "the city", "the ministry"; not "the target"
    return words[0][:1].isupper()
