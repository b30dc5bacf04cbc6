"""Where the deadline is in a sentence: "will ship the Halo 2 in the third quarter" -> "in the third quarter".

The finder does not keep its own grammar: from each word that can open a
deadline ("by", "before", "in", "within", "next", "later", ...) it takes the
longest stretch of words the deadline reader understands, so every phrase it
finds can be resolved and every phrase the reader knows can be found. It then
drops background dates -- the time of the statement ("said on Monday"),
past facts ("rose 4.5 percent in 2022", "after releasing it in November
2019"), durations that are not deadlines ("for two years", "four-day") -- and
prefers a dated deadline over one that hangs on an event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from tracker.extract.deadline_conventions import DEFAULT_CONVENTIONS
from tracker.extract.deadline_grammar import MONTHS, WEEKDAY, normalise
from tracker.extract.deadline_periods import Ctx
from tracker.extract.deadline_phrases import Reading, read_phrase
from tracker.extract.deadline_seasons import SEASON_WORDS


@dataclass(frozen=True)
class DeadlineMatch:
    """A deadline phrase found in a sentence: ``sentence[start:end] == phrase``."""

    phrase: str
    start: int
    end: int


_TOKEN = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u017fa-z0-9][A-Z\u00c0-\u00de\u0100-\u017fa-z0-9'\u2019\-]*")
_MAX_WORDS = 14
_REFERENCE_DAY = date(2024, 6, 15)  # any day will do when only "is this a deadline?" is asked
_STARTS = frozenset(
    """by before no not on at prior ahead in until till up through during within over throughout from starting
    beginning effective as sometime some around about later next this early late tomorrow today tonight soon
    shortly imminently between come towards toward year-end""".split())
_FUTURE = frozenset(
    """will would shall going plans plan planning aims aim aiming intends intend intending expects expect expecting
    set due pledges pledge promises promise vows vow commits commit targets target targeting hopes hope wants want
    seeks seek proposes propose undertakes guarantees preparing prepares poised ready could might may can should
    must pledged promised vowed committed planned intended expected scheduled slated targeted proposed agreed
    decided guaranteed aimed hoped prepared""".split())
# Forms that are only ever past tense ("rose"), versus participles that may be adjectives ("built into").
_STRONG_PAST = frozenset(
    """was were had did said told rose fell grew began took gave saw came went became knew thought wrote spoke broke
    chose drove flew ran sank shrank drew threw wore rode shook forgot withdrew overtook undertook""".split())
_PARTICIPLES = frozenset(
    """sold made built bought brought spent paid won lost led left met found held kept sought taught fought caught
    struck stood understood sent meant felt dealt hid got laid sat shot slept swept cut put hit shut quit spread
    split""".split())
_REPORTING = frozenset(
    """said told announced confirmed pledged promised vowed committed agreed decided revealed stated wrote added
    noted reported disclosed unveiled insisted warned argued explained claimed""".split())
_NOT_PAST = frozenset(
    """need indeed speed seed feed bed red shed hundred proceed exceed succeed breed deed weed bleed embed shred
    greed based limited united related dedicated detailed advanced unprecedented""".split())
# "first-quarter 2023 revenue", "full-year guidance", "Q3 sales": a period used as an adjective
_PERIOD_ADJECTIVE = re.compile(r"(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)|full-year|q[1-4]|h[12]")
# what may follow "for" in a deadline: a named calendar period, not a length of time
# Verbs that move an event to a new date: the date after their "to" is a deadline
_MOVED = frozenset("moved back postponed delayed rescheduled pushed brought forward shifted".split())
_FOR_PERIOD = re.compile(r"(?:the\s+)?(?:\d{4}\b|fy|fiscal\b|financial\s+year|full[-\s]year|q[1-4]\b|h[12]\b|holiday\s+\d{4}\b|"
                         r"(?:this|next|the\s+coming)\s+holiday\b|"
                         r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal\s+)?(?:quarter|half)\b|"
                         r"(?:this|next|current)\s+(?:fiscal\s+|financial\s+)?(?:year|quarter)\b|"
                         rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\s+\d)", re.I)
# A length of time with only a hedge or "by" before it: an amount ("about two hours faster", "rise by a
# quarter", "delayed by two years"), never a deadline, which needs "in", "within", "from now", ...
_AMOUNT_OF_TIME = re.compile(
    r"(?:about|around|roughly|approximately|some|nearly|almost|by|from)\s+(?:a|an|one|half\s+an?|a\s+half|[\d.,]+|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\s+few|a\s+couple\s+of)(?:\s+and\s+a\s+half)?\s+"
    r"(?:more\s+|further\s+|extra\s+|half[\s-])?(?:minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?)", re.I)
_NOT_OPENERS = frozenset("for of to since than after between and or into as with the a an last".split())
_SUBJECTS = frozenset("which who that it they he she we i".split())
_FORMER = frozenset("first originally initially previously once formerly".split())
_PAST_MARKERS = frozenset("since ago previously earlier formerly".split())
_BE_PRESENT = frozenset("is are be being 's remains remain will would".split())
_NOT_VERBS = frozenset("the a an its their his her our this that these those each every no any some".split())
_WEEKDAY_ONLY = re.compile(rf"(?:on\s+)?(?:this\s+|last\s+)?{WEEKDAY}", re.I)
_STOP_GAP = re.compile(r"[;:!?\"\u201c\u201d()\[\]]|\.\s|\n\s*\n")   # a phrase never spans these
_DATELINE = re.compile(r"\s*(?:--|\u2014|\u2013|-\s)")
_CLAUSE_GAP = re.compile(r"[;:!?]|\.\s|\n\s*\n")                        # the tense search stops here


def find_deadlines(sentence: str, published: date | None = None) -> list[DeadlineMatch]:
    """Every deadline phrase in the sentence that is not background, in order of position.

    With ``published``, phrases whose last day is already past are background too.
    """
    return [match for match, _ in _candidates(sentence, published)]


def find_deadline(sentence: str, published: date | None = None) -> DeadlineMatch | None:
    """The deadline phrase for the sentence's promise: the first dated one, else the first event one.

    >>> find_deadline("The company will begin shipping the Halo 2 in the third quarter.").phrase
    'in the third quarter'
    >>> find_deadline("Fares rose by 4.5 percent in 2022.") is None
    True
    """
    found = _candidates(sentence, published)
    dated = [m for m, reading in found if reading.latest is not None]
    return (dated or [m for m, _ in found] or [None])[0]


def _candidates(sentence: str, published: date | None) -> list[tuple[DeadlineMatch, Reading]]:
    tokens = list(_TOKEN.finditer(sentence))
    ctx = Ctx(published or _REFERENCE_DAY, DEFAULT_CONVENTIONS)
    found: list[tuple[DeadlineMatch, Reading]] = []
    i = 0
    while i < len(tokens):
        hit = _longest_at(sentence, tokens, i, ctx) if _can_start(tokens, i) else None
        if hit is None:
            i += 1
            continue
        match, reading, last = hit
        dated_or_event = reading.latest is not None or reading.event is not None
        if reading.counted and _AMOUNT_OF_TIME.fullmatch(normalise(match.phrase)):
            i = last + 1  # "burn about a quarter less fuel", "cut waiting by a half hour": how much, not when
            continue
        if dated_or_event and not _background(sentence, tokens, i, last, match, reading, published):
            found.append((match, reading))
        i = last + 1
    return found


def _can_start(tokens: list[re.Match[str]], i: int) -> bool:
    word = tokens[i].group().lower()
    if word == "come" and i > 0 and (tokens[i - 1].group().lower() in _FUTURE | {"to", "not"}
                                     or tokens[i - 1].group().lower().endswith(("'ll", "\u2019ll"))):
        return False  # "will come in May": the verb; "come spring" is the preposition
    if word in _STARTS or word.startswith(("mid-", "end-")) or _PERIOD_ADJECTIVE.fullmatch(word):
        return True
    if word in ("to", "until") and i > 0 and tokens[i - 1].group().lower() in _MOVED:
        return False  # "moved to September 14": the phrase is the date after "to" (see _MOVED)
    if word == "for":  # "for 2023", "for the third quarter", "for FY24"; never a duration ("for two years")
        return i + 1 < len(tokens) and _FOR_PERIOD.match(" ".join(t.group() for t in tokens[i + 1 : i + 4])) is not None
    if i > 1 and tokens[i - 1].group().lower() == "to" and tokens[i - 2].group().lower() in _MOVED:
        return True  # "moved to September 14", "pushed back to 2021": the new date
    # A month name opens a phrase only with a number ("March 3", "June 2026"): "may" is usually a verb.
    # After a preposition that cannot open a deadline ("scheduled for May 2024") it is not one either.
    if i > 0 and tokens[i - 1].group().lower() in _NOT_OPENERS:
        return False
    if word in SEASON_WORDS and i + 1 < len(tokens) and re.fullmatch(r"(?:19|20)\d\d", tokens[i + 1].group()):
        return True  # "coming Fall 2027": a season with its year needs no preposition
    return word.rstrip(".") in MONTHS and i + 1 < len(tokens) and tokens[i + 1].group()[0].isdigit()


def _longest_at(sentence: str, tokens: list[re.Match[str]], i: int,
                ctx: Ctx) -> tuple[DeadlineMatch, Reading, int] | None:
    """The longest phrase starting at token i that the reader understands.

    An open-ended phrase ("as soon as possible") is returned too, so that the
    caller skips it whole rather than finding "soon" inside it.
    """
    last = min(len(tokens) - 1, i + _MAX_WORDS - 1)
    for j in range(i + 1, last + 1):
        gap = sentence[tokens[j - 1].end():tokens[j].start()]
        if _STOP_GAP.search(gap) and not (gap.startswith(". ") and _abbreviated_month(tokens[j - 1].group())
                                          and not _STOP_GAP.search(gap[2:])):
            last = j - 1
            break
    found = None
    for j in range(last, i - 1, -1):
        start, end = tokens[i].start(), tokens[j].end()
        reading = read_phrase(normalise(sentence[start:end]), ctx)
        if reading is None:
            continue
        if found is None:
            found = (DeadlineMatch(sentence[start:end], start, end), reading, j)
            if reading.latest is not None or reading.event is None:
                return found
        elif reading.latest is not None:
            # An event swallowing a dated phrase ("until the end of October and reopen in April") gives
            # way to the date; a span counted from an event ("within six months of arrival") does not.
            return found if reading.counted else (DeadlineMatch(sentence[start:end], start, end), reading, j)
    return found


def _abbreviated_month(word: str) -> bool:
    """"Oct", "Sept": a month cut short, whose full stop ("on Oct. 31") ends no sentence."""
    return word[:1].isupper() and len(word) <= 4 and word.lower() in MONTHS and word.lower() != "may"


# What a figure is measured against ("from six today", "than a tenth ... today"); "from today" alone is a start
_BASELINE = re.compile(r"(?:\bfrom\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+)?(?:[\d$\u20ac\u00a3][\d,.]*|(?:one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|a\s+handful|a\s+few)\b)[^,.;]{0,30}|"
                       r"\b(?:than|compared\s+(?:with|to)|versus|vs\.?)(?:\s+[^,.;]{0,40})?)\s+$", re.I)
# a relative clause in the present, running up to the phrase: "... to people who lack it today"
_PRESENT_RELATIVE = re.compile(r"\b(?:who|which|that)\s+(?!will\b|would\b|shall\b|is\s+to\b|are\s+to\b)[^,;.]{0,40}$",
                               re.I)
_GOAL_OF = re.compile(r"\b(?:target|goal|ambition|aim|objective)s?\s+(?:of|for)\s+(?:[^,;.]*?\s)?$", re.I)


def _background(sentence: str, tokens: list[re.Match[str]], i: int, last: int, match: DeadlineMatch,
                reading: Reading, published: date | None) -> bool:
    """Whether the phrase dates something other than the promise (the statement, a past fact)."""
    if published is not None and reading.latest is not None and reading.latest < published:
        return True
    words = [t.group().lower() for t in tokens]
    if i < 4 and _DATELINE.match(sentence, match.end):
        return True  # "KESSEL, June 12, 2023 -- Velotron said": the dateline
    if _WEEKDAY_ONLY.fullmatch(match.phrase):
        # "said on Monday", "told investors on Tuesday": a bare weekday dates the statement,
        # unless a future verb governs it ("will launch on Friday").
        return not any(w in ("will", "shall", "would", "to") or w.endswith("'ll") for w in words[max(0, i - 5):i])
    if words[i] == "for" and set(words[max(0, i - 3):i]) & _FORMER:
        return True  # "first scheduled for May", "originally planned for 2026": the old date
    if i > 1 and words[i - 1] in ("to", "until") and words[i - 2] in _MOVED:
        return False  # "moved to September 14": past verb, future date
    if match.phrase.lower() in ("today", "now", "currently") and _BASELINE.search(sentence[max(0, match.start - 60):match.start]):
        return True  # "up from 40 today", "compared with today": the figure it starts from, not a date
    if match.phrase.lower() in ("today", "now", "currently") and _PRESENT_RELATIVE.search(sentence[:match.start]):
        return True  # "people who lack it today": the present of a relative clause, not when the promise falls due
    if _GOAL_OF.search(sentence[max(0, match.start - 80):match.start]):
        return False  # "reaffirmed a goal of net zero emissions by 2050": the date is the goal's, not the verb's
    if i > 0 and not tokens[i - 1].group()[:1].isupper() and (
            words[i - 1] in _REPORTING or _tense_of(words, tokens, i - 1, i) == "past"):
        return True  # "pledged in March to ...", "rose in 2022": the phrase dates that verb
    tense = _tense_before(sentence, tokens, words, i)
    if tense is None and i < 4:
        tense = _tense_after(sentence, tokens, words, last)
    return tense == "past"


def _tense_before(sentence: str, tokens: list[re.Match[str]], words: list[str], i: int) -> str | None:
    """The tense governing the phrase: the nearest future cue or finite past verb before it.

    A participle ("an uncrewed test", "an assistant built into") only counts as
    past when nothing further back shows the clause is about the future.
    """
    weak = False
    for k in range(i - 1, -1, -1):
        if _CLAUSE_GAP.search(sentence[tokens[k].end():tokens[k + 1].start()]):
            break
        if k > 0 and tokens[k].group()[:1].isupper():
            continue  # a name ("Lumo Unpacked", "Red") is no verb, whatever its ending
        verdict = _tense_of(words, tokens, k, stop=i)
        if verdict in ("future", "past"):
            return verdict
        weak = weak or verdict == "weak"
    return "past" if weak else None


def _tense_after(sentence: str, tokens: list[re.Match[str]], words: list[str], last: int) -> str | None:
    """For a phrase that opens its sentence ("In 2022, fares rose"), the tense of the verb that follows."""
    for k in range(last + 1, len(tokens)):
        if _CLAUSE_GAP.search(sentence[tokens[k - 1].end():tokens[k].start()]):
            return None
        verdict = _tense_of(words, tokens, k, stop=len(tokens))
        if verdict:  # the first verb after an opening phrase is the main one, participle or not
            return "past" if verdict == "weak" else verdict
    return None


def _tense_of(words: list[str], tokens: list[re.Match[str]], k: int, stop: int) -> str | None:
    """ "future", "past", "weak" (a participle that may be an adjective) or None for word k."""
    w = words[k]
    if w in _FUTURE or w.endswith("'ll"):
        return "future"
    if w == "to" and k + 1 < stop and _verbish(tokens[k + 1].group()):
        return "future"
    if w in ("after", "since", "following") and k + 1 < stop and words[k + 1].endswith("ing"):
        return "past"
    if w in _PAST_MARKERS:
        return "past"
    prev = words[k - 1] if k > 0 else ""
    if prev in _BE_PRESENT or prev in _NOT_VERBS:
        return None  # "is scheduled", "will be completed", "the expanded network": not a past verb
    if w in _STRONG_PAST:
        return "past"
    if "-" in w.strip("-"):
        return None  # "coal-fired", "state-owned", "long-awaited": compound adjectives, not verbs
    if w in _PARTICIPLES or (w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST):
        # "Apple built ...": a name before it is its subject; "the first Mac built on ...": a noun it describes
        named = k > 0 and tokens[k - 1].group()[0].isupper() and (k < 2 or words[k - 2] not in _NOUN_OPENERS)
        # (after a year, "in 2019 opened", a verb; after an amount, "100% recycled", an adjective)
        finite = prev in _SUBJECTS or named or re.fullmatch(r"(?:1[89]|2\d)\d\d", prev) is not None
        return "past" if finite else "weak"
    return None


_NOUN_OPENERS = frozenset("the a an its their our his her this that these those first new next last".split())


def _verbish(word: str) -> bool:
    return word[:1].islower() and word.replace("-", "").isalpha() and word not in _NOT_VERBS
