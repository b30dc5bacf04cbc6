"""Word lists the matcher reads items with: general English, never names from any data set.

Every list is written in plain base forms and stemmed once at import with the
same crude stemmer the matcher applies to text, so ``"shipped"`` in an item and
``"ship"`` here meet as the same key.
"""

from __future__ import annotations

from tracker.matching.text import stem


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


def _phrases(lines: str) -> tuple[tuple[str, ...], ...]:
    """One phrase per comma-separated entry, each a tuple of stems."""
    return tuple(tuple(stem(w) for w in p.split()) for p in (x.strip() for x in lines.split(",")) if p)


STOPWORDS = _stems(
    """a an the of to in on at by for with from and or but as into onto over under about after before than
    its it their they them his her he she we our you your this that these those there here which who whom
    whose what when where why how is are was were be been being am has have had do does did will would shall
    should can could may might must also not no nor so such very just only then once now still yet again
    any some each every other another both either neither more most less least many much few own same
    said say says told according per via up down out off across through during since until while within
    without against between among around towards toward upon if unless whether because though although
    would'll s t said"""
)
# Words that carry little identity: a promise is not "about" them.
GENERIC = _stems(
    """new first all entire full whole total every last next final major key main big large small
    people customers users public residents citizens patients passengers members staff workers
    company companies firm group organisation organization government city state country region national
    plan plans programme program project scheme target goal pledge promise commitment
    year years month months week weeks day days time times date level levels number numbers percent per cent
    part parts service services system systems site sites area areas place way ways work
    announce announced statement report spokesperson spokesman spokeswoman official officials chief executive
    director minister president head team board business market global local
    make making ensure provide deliver able available use using include including additional extra more
    least least around approximately nearly almost about some several"""
)
# Words that make a thing a step towards another: a demo, a beta, a test flight.
QUALIFIERS = _stems("demo beta preview trial pilot prototype candidate nightly test testing sample "
                    "concept mock-up interim temporary")
NAME_SUFFIXES = _stems(
    """inc ltd llc plc corp corporation co company group holdings labs lab systems software foundation stores
    store bank power water airlines airline air health trust ministry government city council authority
    agency interactive therapeutics outfitters exchange stock federation fc club department office motors
    transit rail railway space tennis energy electric utilities utility partners capital securities research
    university college institute association union society services service network networks media news
    studios studio games technologies technology tech devices pharma pharmaceuticals"""
)
PLACE_PREFIX = _stems("city town county state government republic kingdom province region municipality of the")

# -- what an item can report ---------------------------------------------------------------------

# Verb classes: a promise's action and an item's event agree when they share a class.
VERB_CLASSES: dict[str, frozenset[str]] = {
    "start": _stems("launch release open start begin debut introduce rollout switch enter offer add "
                    "operate inaugurate commence resume available live sell"),
    "ship": _stems("ship deliver dispatch arrive receive delivery hand give distribute supply"),
    "publish": _stems("publish release issue unveil present open make available downloadable public"),
    "legislate": _stems("introduce table present submit file pass enact sign adopt approve bring"),
    "decrease": _stems("cut reduce lower fall drop slash decrease trim down shrink"),
    "increase": _stems("raise increase rise hike lift up grow"),
    "close": _stems("close shut decommission retire offline"),
    "hire": _stems("hire recruit employ appoint staff"),
    "build": _stems("build install complete finish construct erect fit add expand commission plant create"),
    "replace": _stems("replace convert switch upgrade swap remove migrate move transition"),
    "eliminate": _stems("eliminate remove phase ban end stop abolish scrap"),
    "price": _stems("price sell sale offer charge"),
    "sell": _stems("sell launch release open start available"),
    "fly": _stems("fly launch lift dock orbit land"),
    "reach": _stems("reach achieve meet hit exceed beat pass surpass"),
    "charge": _stems("charge surcharge cost pay fee"),
    "layoff": _stems("redundant lay dismiss fire sack"),
    "keep": _stems("keep remain stay maintain continue"),
    "set": _stems("set fix adopt introduce"),
    "move": _stems("move switch migrate transition adopt convert"),
    "open_source": _stems("open-source opensource publish release"),
    "consult": _stems("run hold launch open conduct start consult"),
    "produce": _stems("produce production manufacture build roll"),
}
# Verbs that say "it is done" whatever the promise: "completes", "takes effect", "now available".
COMPLETION = _stems("complete finish fulfil fulfill accomplish achieve")
COMPLETION_PHRASES = _phrases(
    "take effect, come into force, come into effect, now available, now open, now running, now live, "
    "go live, went live, is complete, are complete, now in service, enter service, into service, "
    "up and running, in operation")
# Verbs of beginning ("begin shipping"): the real action is their complement.
INCHOATIVE = _stems("begin start commence initiate")
# Every verb the matcher treats as an event an item may report.
EVENT_VERBS = frozenset().union(*VERB_CLASSES.values(), COMPLETION) - _stems(
    "available public live up down offline open-source opensource delivery sale production redundant mirror "
    "match fee cost")

# Cues. Each entry is a phrase of stems; a one-word entry is a single stem.
DELAY_PHRASES = _phrases(
    "delay, postpone, push back, pushed back, pushes back, put back, put off, defer, slip, reschedule, "
    "now expected, now expect, now due, now planned, now scheduled, now set, now aim, now target, will now, "
    "would now, rather than, no earlier than, not until, "
    "behind schedule, take until, will not be ready, not be ready, not be finished, not be complete, "
    "not be completed, not be open, not open until, not finish until, pushed to, push to, pushes to, "
    "pushed into, push into, pushes into, move to, moved to, moves to, slip into, slip to")
CANCEL_PHRASES = _phrases(
    "cancel, scrap, shelve, abandon, axe, call off, called off, withdraw, pull the plug, not proceed, "
    "not go ahead, not going ahead, no longer go ahead, no longer proceed, "
    "no longer plan, no longer intend, drop plan, drop plans, drop the, drop its, ditch, terminate, "
    "walk away, give up, u-turn, stop work, halt plan, kill off, end the freeze, end a freeze, "
    "end its freeze, lift the freeze, lift its freeze, end the moratorium, end its pledge, break its promise, "
    "put on hold indefinitely, indefinitely suspend")
# Words a cancellation acts on besides the promise's own object ("drops its target").
PLAN_NOUNS = _stems("plan plans proposal project scheme programme program target goal pledge promise commitment "
                    "freeze moratorium guarantee policy cap bill route service bid")
PROGRESS_WORDS = _stems(
    """test testing tested trial beta preview pilot prototype candidate consent approval approve permission
    construction groundbreaking ground training phase halfway milestone order pre-order preorder contract
    install installation arrive arrived fuelling fueling rehearsal certification commissioning step""")
MISSED_PHRASES = _phrases(
    "miss, missed, misses, short of, fail to, failed to, not yet, still not, yet to, remain closed, "
    "missing from, behind, none of, no new date, still has not, has not, have not, was not, were not")
SPECULATION = _stems(
    """could might rumour rumor rumoured rumored reportedly unconfirmed speculation speculate speculative
    allegedly allege claim claims claimed suggest suggests suggested hint hints hinted tipped predict predicted
    forecast forecasts likely unlikely analyst analysts leak leaked leaks weigh weighs weighing considering mull
    mulls doubt doubts gossip whisper possibly perhaps maybe""")
SPECULATION_PHRASES = _phrases(
    "sources say, sources said, said to be, is said to, are said to, people familiar, in talks, "
    "it is understood, according to sources, may be, may not, may have")
DENIAL = _stems("deny denied denies dismiss dismissed reject rejected rule ruled")
NEGATORS = frozenset({"not", "n't", "never", "no", "none", "without", "neither", "nor", "nothing", "cannot"})
PAST_INFINITIVE_HOSTS = _stems("begin start manage continue help able")
DETERMINERS = _stems("the a an its their this that his her our my your these those")
DELAY_WORDS = _stems("delay delays postpone push pushed slip slips expected due planned scheduled again now until "
                     "back later late into rather instead set aim target move moved")
# Nouns that name an action of a class: "the opening was pushed back", "the first crewed flight slips".
EVENT_NOUNS: dict[str, frozenset[str]] = {
    cls: _stems(words) for cls, words in {
        "start": "opening launch debut start rollout introduction premiere inauguration",
        "fly": "flight mission launch liftoff",
        "ship": "delivery arrival shipment shipping",
        "publish": "publication release",
        "close": "closure shutdown closing",
        "build": "completion construction installation",
        "move": "move migration switch switchover transition",
        "replace": "replacement conversion",
        "legislate": "introduction bill",
        "hire": "hiring recruitment",
        "decrease": "cut reduction",
        "increase": "rise increase hike",
        "produce": "production",
        "consult": "consultation",
    }.items()
}
