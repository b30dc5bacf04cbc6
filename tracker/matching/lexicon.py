"""Word lists the matcher reads items with: general English, never names from any data set.

The open-class lists (act verbs and their report forms, cue phrases, hedges,
noun synonyms) are data: ``lexicon.toml`` beside this module, documented
there. The closed-class grammar words (stopwords, determiners, negators) stay
here. Every list is written in plain base forms and stemmed once at import
with the same crude stemmer the matcher applies to text, so ``"shipped"`` in
an item and ``"ship"`` here meet as the same key.

Users add noun synonym groups in their config (``[matching] synonyms``);
:func:`use_synonyms` installs them.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from tracker.matching.text import stem

LEXICON_PATH = Path(__file__).with_name("lexicon.toml")


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


def _phrases(lines: str | list[str]) -> tuple[tuple[str, ...], ...]:
    """One phrase per entry (a list, or a comma-separated string), each a tuple of stems."""
    entries = lines.split(",") if isinstance(lines, str) else lines
    return tuple(tuple(stem(w) for w in p.split()) for p in (x.strip() for x in entries) if p)


def _load(path: Path = LEXICON_PATH) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


_DATA = _load()
_WORDS, _VERBS, _PHRASES, _CUES = _DATA["words"], _DATA["verbs"], _DATA["phrases"], _DATA["cues"]

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
GENERIC = _stems(_WORDS["generic"])  # words that carry little identity: a promise is not "about" them
METRICS = _stems(_WORDS["metrics"])  # revenue, margin, bookings: measures a promised figure is read in
QUALIFIERS = _stems(_WORDS["qualifiers"])  # a demo, a beta, a test flight: a step towards the thing
NAME_SUFFIXES = _stems(_WORDS["name_suffixes"])
PLACE_PREFIX = _stems(_WORDS["place_prefix"])

# -- what an item can report ---------------------------------------------------------------------

# Verb classes: a promise's action and an item's event agree when they share a class.
VERB_CLASSES: dict[str, frozenset[str]] = {cls: _stems(words) for cls, words in _VERBS["classes"].items()}
# (promised class, reported class) pairs whose acts undo each other
OPPOSITES: frozenset[tuple[str, str]] = frozenset(
    (a, b) for a, others in _VERBS["opposites"].items() for b in others)
# class -> the classes whose acts report its completion in other words (itself included)
KIN: dict[str, frozenset[str]] = {
    cls: frozenset().union({cls}, *(frozenset(group) for group in _VERBS["kin"].values() if cls in group))
    for cls in VERB_CLASSES}
# promised class -> reported classes that imply it done, one way only: what was delivered was produced
# (a production promise is kept by the first deliveries), never the other way round
IMPLIED_BY: dict[str, frozenset[str]] = {cls: frozenset(by) for cls, by in _VERBS.get("implied_by", {}).items()}


def implied_by(classes: frozenset[str] | set[str]) -> frozenset[str]:
    """The reported classes that imply any of ``classes`` done ("produce" -> ship)."""
    return frozenset().union(*(IMPLIED_BY.get(c, frozenset()) for c in classes))


COMPLETION = _stems(_VERBS["completion"])
COMPLETION_PHRASES = _phrases(_PHRASES["completion"])
INCHOATIVE = _stems(_VERBS["inchoative"])
# Two-word report forms: (verb stem, particle stem) -> the verb they stand for.
PARTICLES: dict[tuple[str, str], str] = {
    (stem(k.split()[0]), stem(k.split()[1])): stem(v) for k, v in _VERBS["particles"].items()}
# Every verb the matcher treats as an event an item may report.
EVENT_VERBS = frozenset().union(*VERB_CLASSES.values(), COMPLETION) - _stems(
    "available public live up down offline open-source opensource delivery sale production redundant mirror "
    "match fee cost")

# Cues. Each entry is a phrase of stems; a one-word entry is a single stem.
DELAY_PHRASES = _phrases(_PHRASES["delay"])
AHEAD_PHRASES = _phrases(_PHRASES["ahead"])  # "earlier than planned": a date brought forward
CANCEL_PHRASES = _phrases(_PHRASES["cancellation"])
HEDGE_PHRASES = _phrases(_PHRASES["hedge"])
HEDGE_WORDS = _stems(_CUES["hedge_words"])
PLAN_NOUNS = _stems(_CUES["plan_nouns"])  # what a cancellation acts on besides the object ("its target")
PROGRESS_WORDS = _stems(_CUES["progress_words"])
MISSED_PHRASES = _phrases(_PHRASES["missed"])
SPECULATION = _stems(_CUES["speculation"])
SPECULATION_PHRASES = _phrases(_PHRASES["speculation"])
DENIAL = _stems(_VERBS["denial"])
NEGATORS = frozenset({"not", "n't", "never", "no", "none", "without", "neither", "nor", "nothing", "cannot"})
PAST_INFINITIVE_HOSTS = _stems(_VERBS["past_infinitive_hosts"])
DETERMINERS = _stems("the a an its their this that his her our my your these those")
DELAY_WORDS = _stems(_CUES["delay_words"])
DELAY_LIMITS = _stems(_CUES["delay_limits"])  # "will not open until 2027": the word before the new date
DATE_NOUNS = _stems(_CUES["date_nouns"])  # "a new launch date"
NEW_WORDS = _stems(_CUES["new_words"])
DURATION_UNITS = _stems(_CUES["duration_units"])  # "delayed by six months"
PERIOD_WORDS = _stems(_CUES["period_words"])  # "pushed to late 2027"
# Nouns that name an action of a class: "the opening was pushed back", "the first crewed flight slips".
EVENT_NOUNS: dict[str, frozenset[str]] = {cls: _stems(words) for cls, words in _VERBS["nouns"].items()}
ALL_EVENT_NOUNS = frozenset().union(*EVENT_NOUNS.values())


def verb_classes(*stems: str) -> frozenset[str]:
    """The classes of the act verbs among ``stems`` ("ship" -> ship, start)."""
    return frozenset(c for c, words in VERB_CLASSES.items() if any(x in words for x in stems))


def noun_classes(stems: frozenset[str] | set[str]) -> frozenset[str]:
    """The classes of the act nouns among ``stems`` ("deliveries" -> ship)."""
    return frozenset(c for c, nouns in EVENT_NOUNS.items() if nouns & stems)


def act_classes(stems: frozenset[str]) -> frozenset[str]:
    """The act classes named by verbs or act nouns among ``stems`` ("producing", "production" -> produce)."""
    return verb_classes(*stems) | noun_classes(stems)

# -- noun synonyms -------------------------------------------------------------------------------

SHIPPED_SYNONYMS: tuple[str, ...] = tuple(_DATA["nouns"]["synonyms"])
# stem -> every stem it may stand for (itself included); shared, updated in place by use_synonyms
NOUN_SYNONYMS: dict[str, frozenset[str]] = {}


def synonym_table(groups: list[str] | tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Stem -> the stems of every group it belongs to.

    >>> sorted(synonym_table(["ship ferry", "ship vessel"])["ship"])
    ['ferry', 'ship', 'vessel']
    """
    table: dict[str, frozenset[str]] = {}
    for group in groups:
        members = _stems(group)
        for m in members:
            table[m] = table.get(m, frozenset()) | members
    return table


_SYNONYM_DIGEST = [""]


def synonyms_digest() -> str:
    """A short digest of the synonym table in force: stored index terms read with another are stale."""
    return _SYNONYM_DIGEST[0]


def use_synonyms(extra: list[str] | tuple[str, ...] = ()) -> bool:
    """Install the shipped groups plus ``extra`` (a user's ``[matching] synonyms``).

    Returns True when the table changed; callers then drop what was read with
    the old one (commitment profiles, index terms).
    """
    table = synonym_table([*SHIPPED_SYNONYMS, *extra])
    if table == NOUN_SYNONYMS:
        return False
    NOUN_SYNONYMS.clear()
    NOUN_SYNONYMS.update(table)
    canon = "\n".join(sorted(" ".join(sorted(v)) for v in set(table.values())))
    _SYNONYM_DIGEST[0] = hashlib.sha1(canon.encode()).hexdigest()[:12]
    return True


use_synonyms()
