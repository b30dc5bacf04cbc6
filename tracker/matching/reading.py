"""Reading a feed item once: sentences, events with tense and negation, cue words.

Nothing here depends on a commitment, so :func:`read_item` runs once per item
however many candidates it is scored against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from tracker.matching import lexicon as lx
from tracker.matching.model import ItemDoc
from tracker.matching.profile import PARTICLES, PREPOSITIONS
from tracker.language.governments import countries_of_adjective
from tracker.language.sentences import is_title_case
from tracker.matching.text import IRREGULAR, MONTHS, PRESENT_IRREGULAR, WEEKDAYS, Token, hyphenated, sentences, stem, tokenize, word_stems

SPECULATIVE_TITLE = re.compile(r"^\s*(?:rumou?r|analyst|analysis|leak|opinion|comment|speculation|"
                               r"exclusive:\s*sources)\b[^:]{0,30}:", re.I)
_MODALS = lx._stems("will would shall can could may might must should do does did")
_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "you"})
_ING_HOSTS = frozenset({"is", "are", "was", "were", "be", "been", "being", "now", "also", "still", "already",
                        "finally", "keep", "keeps", "kept", "continue", "continues", "continued", "and"})
_PAST_SAME = frozenset({"cut", "shut", "put", "set", "hit", "quit", "spread", "split", "read"})
_VERB_AFTER_NOUN = frozenset({"will", "would", "can", "could", "may", "might", "should", "must", "are", "were",
                              "have", "had", "is", "was", "has"})
_CLAUSE_WORDS = frozenset({"but", "which", "who", "while", "whereas", "although", "though", "because", "that",
                           "after", "before", "when", "where", "despite", "as", "and"})
_INACTIVE_PREV = frozenset({"despite", "amid", "after", "following", "of", "over", "before", "without"})
_SALE_VERBS = lx._stems("go goes went gone going")
SHIFT_VERBS = lx._stems("push pushes pushed shift shifts shifted move moves moved")  # "moved the launch to May"
_HEADLINE_VERBS = lx.EVENT_VERBS | SHIFT_VERBS | lx._stems("delay delays postpone postpones scrap scraps drop drops "
                                                           "slip slips cancel cancels")
CANCEL_VERBS = lx._stems("cancel scrap shelve abandon axe ditch withdraw terminate")
CANCEL_PLAN_VERBS = lx._stems("drop end lift stop halt suspend break kill retire")
# Closing a project ends it; closing a deal completes it: only these plans are ended by "close" or "shut"
_CLOSE_VERBS = lx._stems("close shut")
_PROJECT_NOUNS = lx._stems("project projects programme programmes program programs scheme schemes venture")
# A target made smaller: "weakens its 2030 target", "scales back its packaging goals", "waters down the pledge".
# The promise as made is given up, for a lesser one: a withdrawal that an editor confirms.
WEAKEN_VERBS = lx._stems("weaken soften dilute lower trim scale water pare")
_WEAKEN_PARTICLE = {stem("scale"): "back", stem("water"): "down", stem("pare"): "back"}


@dataclass(frozen=True)
class Event:
    """A verb that reports something happening, and how the sentence frames it."""

    pos: int
    canon: str  # stem of the verb, after particles ("went up" -> rise); "*" for "completed"/"took effect"
    text: str
    classes: frozenset[str]
    future: bool
    negated: bool
    complement: frozenset[str]  # for "began X" / "X began": the stems of X
    inchoative: bool
    first: bool = False  # "flies its first commercial mission": the act's object is the first of its kind
    progressive: bool = False  # "is being built", "is installing": under way, not (yet) done


@dataclass(frozen=True)
class Cue:
    """A cue phrase (delay, cancellation, missed) at ``pos`` in a sentence."""

    kind: str
    pos: int
    end: int
    text: str
    negated: bool
    active: bool  # a delay named as a cause ("because of delays") is not news of a delay


@dataclass(frozen=True)
class Sentence:
    """One sentence of an item (the title is sentence 0)."""

    index: int
    text: str
    toks: tuple[Token, ...]
    stems: frozenset[str]
    is_title: bool
    title_case: bool
    speculative: str | None  # the speculation marker found, if any
    events: tuple[Event, ...]
    cues: tuple[Cue, ...]
    late_done: bool = False  # a past act "a year later than planned": the planned act, done late
    compounds: frozenset[str] = frozenset()  # hyphenated words the tokenizer split ("pop-up"): see text.hyphenated


@dataclass(frozen=True)
class ItemReading:
    """An item read once: its sentences and the stems of all of them."""

    item: ItemDoc
    sents: tuple[Sentence, ...]
    stems: frozenset[str]
    speculative_title: bool


@lru_cache(maxsize=64)
def read_item(item: ItemDoc) -> ItemReading:
    """Split and read ``item`` (cached: the same item meets many commitments)."""
    title = (item.title or "").strip()
    body = sentences(item.text or "")
    if body and title and body[0].strip().lower() == title.lower():
        body = body[1:]
    texts = ([title] if title else []) + body
    spec_title = bool(SPECULATIVE_TITLE.match(title))
    sents = tuple(_read_sentence(k, t, is_title=(k == 0 and bool(title))) for k, t in enumerate(texts))
    stems = frozenset(s for sent in sents for s in sent.stems)
    return ItemReading(item, sents, stems, spec_title)


def item_stems(item: ItemDoc) -> frozenset[str]:
    """``read_item(item).stems`` without reading the item: what the candidate index looks up.

    Most items of a feed speak to no open commitment; only those the index
    finds candidates for are read in full (sentences, events, cues).
    """
    return frozenset(word_stems(item.title or "") | word_stems(item.text or ""))


def _read_sentence(index: int, text: str, is_title: bool) -> Sentence:
    toks = tuple(tokenize(text))
    title_case = is_title and is_title_case(text)
    events = tuple(_events(toks, title_case, is_title))
    cues = tuple(_cues(toks, is_title))
    late = late_span(toks)
    late_done = late is not None and any(not e.future and not e.negated and e.pos < late[0] for e in events)
    if late_done:  # "began service four years behind schedule" is no news of a delay: it is done
        cues = tuple(c for c in cues if not (c.kind in ("delay", "missed") and late[0] <= c.pos < late[1]))
    return Sentence(
        index=index, text=text, toks=toks, stems=frozenset(t.stem for t in toks if not t.punct) | _countries_named(toks),
        is_title=is_title, title_case=title_case, speculative=_speculation(toks),
        events=events, cues=cues, late_done=late_done, compounds=hyphenated(toks))


# How late a thing came: "three years late", "a year later than first planned", "four months behind
# schedule", "five months after its planned debut". After a verb of the past ("opened to the public a
# year later than planned") the writer ties the act to the plan it was late for: the planned act, done.
_LATE = re.compile(
    r"(?:^| )(?:(?P<n>\S+) (?:years?|months?|weeks?|days?) )?"
    r"(?:late|behind (?:its |their |the )?(?:original |initial )?schedule"
    r"|later than (?:\S+ )?(?:planned|promised|scheduled|expected|intended|targeted|hoped|forecast)"
    r"|after (?:its|their|the) (?:\S+ )?(?:planned|scheduled|promised|target) \S+)(?= |$)")
_LATE_AMOUNTS = frozenset({"a", "an", "several", "some", "few", "many"})


def late_span(toks: tuple[Token, ...]) -> tuple[int, int] | None:
    """Token span of a phrase saying how late something came, or None.

    >>> late_span(tuple(tokenize("The line opened on Monday, four years behind schedule.")))
    (6, 10)
    >>> late_span(tuple(tokenize("The shop is late.")))
    """
    lows = " ".join(t.low for t in toks)
    for m in _LATE.finditer(lows):
        head = m.start("n") if m.group("n") else m.start() + (m.group(0)[0] == " ")
        start = lows[:head].count(" ")
        if m.group("n") and not (m.group("n") in _LATE_AMOUNTS or toks[start].number is not None):
            continue  # "two years late" and "a year late" say how late; "the years late" says nothing
        if not m.group("n") and m.group(0).split()[0] in ("late", "behind"):
            continue  # "is late", "behind schedule": a state, not how late an act came
        return start, start + len(m.group(0).split())
    return None


def _countries_named(toks: tuple[Token, ...]) -> frozenset[str]:
    """"a Peruvian store" names Peru: the country of each adjective of nationality, as stems."""
    return frozenset(stem(n.lower()) for t in toks if t.cap and not t.punct
                     for name in countries_of_adjective(t.text) for n in name.split())


_OWN_FORECAST = lx._stems("forecast forecasts")
_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "own"})
_FORECASTERS = frozenset({"it", "they", "we", "company", "group", "firm"})
_GUIDANCE_MOVES = lx._stems("raise raises raised lift lifts lifted cut cuts lower lowers lowered keep keeps kept "
                            "left leave leaves repeat repeats repeated reiterate reiterates reiterated trim trims "
                            "trimmed boost boosts boosted")
_BEATEN = lx._stems("beat beats beating missed misses above below exceeded exceeds topped tops")


_TO_AN_AUDIENCE = frozenset({"told", "tells", "telling", "with", "to", "briefed", "briefing"})


def _speculation(toks: tuple[Token, ...]) -> str | None:
    for i, t in enumerate(toks):
        if t.punct:
            continue
        if t.low == "may" and t.cap:
            continue  # the month
        if t.stem in lx.SPECULATION:
            if t.stem in _OWN_FORECAST and any(x.low in _POSSESSIVES or x.low.endswith("'s") or x.stem in _BEATEN
                                               or x.low in _FORECASTERS or x.stem in _GUIDANCE_MOVES
                                               for x in toks[max(0, i - 3):i]):
                # "its own forecast", "beat forecasts", "It forecast 16 billion", "cuts PS5 forecast",
                # "lifts profit forecast": the company's own guidance, not a rumour
                continue
            if i > 0 and toks[i - 1].low in {"after", "having"}:
                continue  # "after weighing the ruling": a deliberation already over, not a rumour
            if i > 0 and toks[i - 1].low in _TO_AN_AUDIENCE and t.low in ("analysts", "analyst", "investors"):
                continue  # "told analysts on a call", "said on a call with analysts": whom the actor spoke to
            if i > 0 and toks[i - 1].low == "in" and t.low == "doubt":
                continue  # "opening in doubt": the writer's view of a plan in trouble, not a rumour
            if t.low == "could" and any(x.low in {"not", "never", "no", "n't"} for x in toks[i + 1:i + 3]):
                continue  # "could not make it pay", "could find no buyer": what was impossible, not a guess
            return t.text
    stems = [t.stem for t in toks]
    for phrase in lx.SPECULATION_PHRASES:
        if find_phrase(stems, phrase) >= 0:
            return " ".join(phrase)
    return None


def find_phrase(stems: list[str], phrase: tuple[str, ...], start: int = 0) -> int:
    """Where ``phrase`` first occurs in ``stems`` at or after ``start``, or -1.

    Jumps between occurrences of the phrase's first word with ``list.index`` (C speed):
    this runs for every cue phrase on every sentence of every item.
    """
    n = len(phrase)
    last = len(stems) - n
    if n == 0:
        return start if start <= last else -1
    first, i = phrase[0], start
    while i <= last:
        try:
            i = stems.index(first, i, last + 1)
        except ValueError:
            return -1
        if n == 1 or tuple(stems[i:i + n]) == phrase:
            return i
        i += 1
    return -1


# -- events ------------------------------------------------------------------------------------

# What "takes off" when it rises rather than flies
_RISING = lx._stems("sales shares stock stocks prices price demand business growth orders bookings interest career "
                    "popularity market markets economy")
_BE_NOW = frozenset({"is", "are", "am", "was", "were", "'s", "'re"})


def _progressive(toks: tuple[Token, ...], i: int) -> bool:
    """Is the verb at ``i`` in the progressive: "is installing", "are being fitted", "was being built"?"""
    before = [t.low for t in toks[max(0, i - 3):i] if not t.low.endswith("ly")]  # "is currently building"
    if before[-1:] == ["being"]:
        return True
    return toks[i].low.endswith("ing") and bool(before) and before[-1] in _BE_NOW


def _events(toks: tuple[Token, ...], title_case: bool, is_title: bool = False) -> list[Event]:
    out: list[Event] = []
    stems = [t.stem for t in toks]
    n = len(toks)
    skip_to = -1
    lead = dateline_end(toks)
    for i, t in enumerate(toks):
        if i < skip_to or t.punct or i < lead or _channel_label(toks, i):
            continue
        canon, end = None, i + 1
        for phrase in lx.COMPLETION_PHRASES:
            if tuple(stems[i:i + len(phrase)]) == phrase:
                canon, end = "*", i + len(phrase)
                break
        if canon is None and i + 2 < n and t.stem in _SALE_VERBS and toks[i + 1].low == "on" \
                and toks[i + 2].low == "sale":
            canon, end = stem("sell"), i + 3  # "went on sale"
        if i + 1 < n and any(tuple(stems[i:i + len(ph)]) == ph for ph in _ENDING_PHRASES):
            continue  # "gives up on", "walks away from": a plan given up, not the verb's own act
        of = _start_of(toks, i) if canon is None and t.stem in _MARK_VERBS else None
        if of is not None:
            canon, end = _BEGIN, of + 1  # "marks the start of volume production": it began
        if canon is None and i + 1 < n and (t.stem, toks[i + 1].stem) in PARTICLES:
            if _moved_to_a_pad(toks, i):
                continue  # "rolls out to the launch pad": a rocket moved for tests, not a product launched
            if PARTICLES[(t.stem, toks[i + 1].stem)] == "fly" and t.low in ("take", "takes", "took", "taken") \
                    and any(x.stem in _RISING for x in toks[max(0, i - 8):i]):
                continue  # "sales took off", "demand has taken off": a rise, not a flight
            canon, end = PARTICLES[(t.stem, toks[i + 1].stem)], i + 2
            if canon == "fly" and any(x.low in _FIRSTS for x in toks[max(0, i - 4):i]) \
                    and any(x.stem in _USERS for x in toks[max(0, i - 4):i]):
                canon = _OPEN  # "the first flights took off from the new airport": its first use, it opened
        if canon is None:
            if t.stem in lx.COMPLETION or t.low in {"complete", "completed", "finished", "done"}:
                canon = "*"
            elif t.stem == _CLOSE and _deal_follows(toks, i):
                canon = "*"  # "closes its takeover of ...": a deal closed is a deal completed
            elif t.stem == _ENTER and _STAGES & _complement(toks, i, end):
                canon = _BEGIN  # "enters production", "entered commercial operation": began it
            elif t.stem in _LIGHT_VERBS and _flight_after(toks, i):
                canon = _FLY  # "made its first test flight", "conducted its maiden flight": it flew
            elif t.stem in ARRIVAL_VERBS and _noun_follows(toks, i, _BUYERS, 4) \
                    and not any(x.number is not None or x.low in _COUNTS for x in toks[i + 1:i + 5]):
                canon = SELL  # "finally reaches US buyers", "arrived in stores": it went on sale
            elif t.stem in _FIRST_USE_VERBS and _first_users(toks, i):
                canon = _OPEN  # "carries its first riders", "welcomes first flights": it opened to its users
            elif t.stem in ARRIVAL_VERBS and _carried_there(toks, i):
                continue  # "arrives in Harbury after a sea voyage", "arrives for flight trials": moved, not launched
            elif t.stem in lx.EVENT_VERBS:
                canon = t.stem
            else:
                continue
        if canon != "*" and end == i + 1 and not _verbal(toks, i, title_case, headline=is_title):
            continue
        if canon == "*" and end == i + 1 and not _verbal(toks, i, title_case, adjective_ok=True):
            continue
        future, negated = _frame(toks, i)
        if future and t.stem in _MARK_VERBS and _held_to_mark(toks, i):
            future = False  # "held a ceremony to celebrate the start of ...": the ceremony took place
        inch = canon in lx.INCHOATIVE
        comp = _complement(toks, i, end) if inch else frozenset()
        if inch and _time_frame(toks, i, comp):
            continue
        classes = lx.verb_classes(canon)
        first = any(x.low in ("first", "maiden", "inaugural") for x in toks[end:end + 3])  # "its first commercial mission"
        out.append(Event(i, canon, " ".join(x.text for x in toks[i:end]), classes, future, negated, comp, inch, first,
                         _progressive(toks, i)))
        skip_to = end
        if inch and end < n and toks[end].low.endswith("ing") and toks[end].stem in lx.EVENT_VERBS:
            skip_to = end + 1  # "to start selling": the selling is what starts, not an event of its own
    return out


# "marks the start of", "celebrated the beginning of": an occasion that says the act began
_MARK_VERBS = frozenset(stem(w) for w in ("mark", "marks", "marked", "marking", "celebrate", "celebrates", "celebrated",
                                           "celebrating"))
_BEGINNINGS = frozenset(stem(w) for w in ("start", "beginning", "opening", "launch"))
# an occasion that took place ("held a ceremony to mark ..."); one called off or planned did not
_HELD = frozenset({"held", "hosted", "staged", "visited", "attended", "joined", "gathered", "threw", "opened"})


def _start_of(toks: tuple[Token, ...], i: int) -> int | None:
    """The position of "of" in "marks (the) start of", or None."""
    k = i + 1
    if k < len(toks) and toks[k].low == "the":
        k += 1
    if k + 1 < len(toks) and toks[k].stem in _BEGINNINGS and toks[k + 1].low == "of":
        return k + 1
    return None


def _held_to_mark(toks: tuple[Token, ...], i: int) -> bool:
    """ "visited Solihull to mark the start of ...": the infinitive of an occasion held, in the past."""
    if i < 2 or toks[i - 1].low != "to":
        return False
    before = [t.low for t in toks[max(0, i - 9):i - 1]]
    return any(w in _HELD for w in before) and not any(w in {"will", "would", "to", "plans", "planned"} for w in before)


# Phrasal verbs of giving a plan up whose first word alone is a verb of an act ("gives up").
_ENDING_PHRASES = tuple(ph for ph in lx.CANCEL_PHRASES
                        if len(ph) > 1 and ph[0] in lx.EVENT_VERBS and ph[1] in {"up", "away", "out", "off", "back"})
_CLOSE, _ENTER, _BEGIN, _FLY, _OPEN = stem("close"), stem("enter"), stem("begin"), stem("fly"), stem("open")
_LIGHT_VERBS = frozenset(stem(w) for w in ("make", "made", "makes", "conduct", "perform", "stage", "carry"))
_FLIGHTS = frozenset(stem(w) for w in ("flight", "flights", "spacewalk", "liftoff"))
_DEALS = frozenset(stem(w) for w in ("acquisition", "takeover", "merger", "deal", "purchase", "buyout",
                                     "transaction", "sale"))
_STAGES = frozenset(stem(w) for w in ("production", "operation", "service", "operations"))
# A product reaching the people or places that sell it: "reaches US buyers", "arrives in stores"
ARRIVAL_VERBS = frozenset(stem(w) for w in ("reach", "reaches", "reached", "arrive", "arrives", "arrived", "land",
                                             "lands", "landed"))
_BUYERS = frozenset(stem(w) for w in ("buyers", "buyer", "customers", "customer", "shoppers", "consumers", "stores",
                                      "store", "shops", "shop", "shelves", "showrooms", "dealers", "dealerships",
                                      "retailers"))
SELL = stem("sell")
_COUNTS = frozenset({"million", "millions", "thousand", "thousands", "billion", "hundreds", "half"})  # "reaches 1m buyers": a figure


_FIRST_USE_VERBS = frozenset(stem(w) for w in ("carry", "carries", "carried", "welcome", "welcomes", "welcomed",
                                                "take", "takes", "took", "serve", "serves", "served", "receive",
                                                "receives", "received", "board", "boards", "boarded"))
_USERS = frozenset(stem(w) for w in ("passengers", "passenger", "riders", "rider", "customers", "flights", "visitors",
                                     "guests", "travellers", "travelers", "pupils", "students", "patients", "fans",
                                     "shoppers", "commuters"))
_FIRSTS = frozenset({"first", "maiden", "inaugural"})


def _first_users(toks: tuple[Token, ...], i: int) -> bool:
    """A thing's first use: "carried its first riders", "welcomes first flights", or a first thing carrying
    its users ("the first trains carried passengers")."""
    after = [t for t in toks[i + 1:i + 5] if not t.punct]
    if any(t.low in _FIRSTS for t in after[:3]) and any(t.stem in _USERS for t in after):
        return True
    return bool(after) and after[0].stem in _USERS and any(t.low in _FIRSTS for t in toks[max(0, i - 5):i])


def _noun_follows(toks: tuple[Token, ...], i: int, nouns: frozenset[str], span: int) -> bool:
    """One of ``nouns`` among the ``span`` words after ``i``, before any clause break."""
    for t in toks[i + 1:i + 1 + span]:
        if t.punct:
            return False
        if t.stem in nouns:
            return True
    return False


def _deal_follows(toks: tuple[Token, ...], i: int) -> bool:
    """A deal noun after the verb: "closed its $2 billion purchase" completed a deal."""
    return _noun_follows(toks, i, _DEALS, 7)


def _flight_after(toks: tuple[Token, ...], i: int) -> bool:
    """A flight as the object of a light verb: "made its first test flight", "carried out a maiden flight"."""
    return _noun_follows(toks, i, _FLIGHTS, 5)


_NOW_WORDS = frozenset(stem(w) for w in ("today", "tomorrow", "tonight", "now", "immediately", *WEEKDAYS, *MONTHS))


def _time_frame(toks: tuple[Token, ...], i: int, comp: frozenset[str]) -> bool:
    """"Starting today, ...", "Beginning in June, ...": a participle opening a clause with a time
    is a time adverbial, not a report that something began."""
    t = toks[i]
    opens = i == 0 or (toks[i - 1].punct and toks[i - 1].text in ",;:")
    return opens and t.low.endswith("ing") and all(c in _NOW_WORDS for c in comp)


def dateline_end(toks: tuple[Token, ...] | list[Token]) -> int:
    """Where a dateline ("CAPE HALLEY, Fla., May 30 (Wire) -") ends: the index after its "(Agency)",
    or 0 when the sentence has none. A dateline opens with its place in capitals; its words report
    nothing and name no other actor. A post's channel label may come first ("Post by @acme: HALLEY, ...")."""
    first = next(k + 1 for k, x in enumerate(toks) if x.text == ":") if toks and _channel_label(toks, 0) else 0
    place = toks[first].text if first < len(toks) else ""
    if not (len(place) > 1 and place.isupper() and place.isalpha()):
        return 0
    for k in range(first, min(len(toks), first + 16)):
        if toks[k].text == ")" and k > first + 2 and toks[k - 2].text == "(":  # the dash after it is not a token
            return k + 1
    return 0


def _channel_label(toks: tuple[Token, ...], i: int) -> bool:
    """The channel a post opens with ("Post by @acme:", "Update from the mayor:"): a label, not an event."""
    return i == 0 and i + 1 < len(toks) and toks[i + 1].low in {"by", "on", "from"} \
        and any(x.text == ":" for x in toks[i + 2:i + 12])


def _prev_word(toks: tuple[Token, ...], i: int) -> Token | None:
    k = i - 1
    while k >= 0 and toks[k].punct and toks[k].text not in ",;:":
        k -= 1
    return toks[k] if k >= 0 and not toks[k].punct else None


def _verbal(toks: tuple[Token, ...], i: int, title_case: bool, adjective_ok: bool = False,
            headline: bool = False) -> bool:
    """Is the word at ``i`` used as a verb (not "the release of", "production start", "Marlow Open")?"""
    t = toks[i]
    if t.cap and i > 0 and not title_case and not toks[i - 1].punct:
        return False  # part of a name
    prev = _prev_word(toks, i)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if prev is not None and prev.stem in lx.DETERMINERS and not adjective_ok:
        return False
    if nxt is not None and nxt.low == "of" and not adjective_ok:
        return False
    low = t.low
    if low.endswith("ing") and not adjective_ok:
        # "began shipping", ", completing the", "is testing" -- not "stadium opening", "step in converting"
        return prev is None or toks[i - 1].punct or prev.low in _ING_HOSTS or prev.stem in lx.INCHOATIVE
    if low.endswith("s") and not low.endswith("ss") and not adjective_ok:
        if nxt is not None and nxt.low in _VERB_AFTER_NOUN:
            return False  # "Quire releases will receive"
        if prev is not None and (prev.stem in PREPOSITIONS or prev.low.endswith("ed") or prev.low in {"of", "in"}):
            return False  # "despite posts", "accepted posts"
        return True
    if adjective_ok or low.endswith("ed"):
        return True
    if low in IRREGULAR and low not in _PAST_SAME:
        return True
    if prev is None:
        return True
    if prev.stem in _MODALS or prev.low in {"to", "not", "n't"} or prev.low.endswith(("n't", "'ll")):
        return True
    if low in _PAST_SAME and (prev.cap or prev.low in _PRONOUNS):
        return True
    if headline and (prev.cap or (prev.low.endswith("s") and not prev.low.endswith("ss"))) \
            and prev.stem not in lx.STOPWORDS and (nxt is None or nxt.low != "of") \
            and not any(x.stem in _HEADLINE_VERBS for x in toks[:i]) \
            and not (nxt is not None and nxt.low.endswith("s") and nxt.stem in lx.EVENT_VERBS
                     and _verbal(toks, i + 1, title_case)):
        # a headline's present tense after a plural or a name: "Fares rise", "Buses arrive"; not a noun before the
        # verb ("Dellan plant closes": the plant is what closes)
        return True
    return False


def _clause_start(toks: tuple[Token, ...], i: int) -> int:
    k = i - 1
    while k >= 0:
        t = toks[k]
        if t.punct and t.text in ",;:()\u201c\u201d\"":
            return k + 1
        if t.low in _CLAUSE_WORDS and k < i - 1:
            return k + 1
        k -= 1
    return 0


# Words after which a "that" clause is asked for, not reported (the mandative: "ordered that it cut ...")
_MANDATING = lx._stems("order orders ordered require requires required demand demands demanded insist insists "
                       "insisted recommend recommends recommended propose proposes proposed urge urges urged ask asks "
                       "asked request requests requested")


def _frame(toks: tuple[Token, ...], i: int) -> tuple[bool, bool]:
    """(future or hypothetical, negated) for the verb at ``i``."""
    clause = _clause_start(toks, i)
    start = max(clause, i - 7)
    window = toks[start:i]
    future = negated = False
    for k, t in enumerate(window):
        low = t.low
        if low in {"will", "shall", "would", "won't", "wo"} or low.endswith("'ll") or low in {"going", "if", "unless"}:
            future = True
        if low in {"must", "should", "might", "could"} or t.text == "may":
            future = True  # "the merger must close by June": an obligation or a possibility, nothing done
        if low in lx.NEGATORS or low.endswith("n't") or t.stem in lx.DENIAL:
            negated = True
        if low in {"yet", "failed", "fails", "refused", "refuses"} and k + 1 < len(window) \
                and window[k + 1].low == "to":
            negated = True
    if _temporal_present(toks, max(0, clause - 1), i):
        future = True  # "will not be enforced when the update first arrives": the arrival is still to come
    clause_first = toks[clause] if clause < len(toks) else None
    if clause_first is not None and clause_first.low in {"no", "none", "neither"}:
        negated = True
    if clause > 1 and toks[clause - 1].low == "that" and any(t.stem in lx.DENIAL for t in toks[max(0, clause - 6):clause - 1]):
        negated = True  # "denied reports that it had opened the store": a denial of the act
    if clause > 1 and toks[clause - 1].low == "that" \
            and any(t.stem in _MANDATING for t in toks[max(0, clause - 4):clause - 1]):
        future = True  # "the order that Acme cut its emissions", "demanded that it close the plant": asked, not done
    k = i - 1
    while k >= 0 and i - k <= 4 and toks[k].low in {"be", "been", "have", "being", "now", "also", "then"}:
        k -= 1
    if k >= 0 and toks[k].low == "to":  # an infinitive: "plans to open", "NRA to raise", "to be completed"
        host = _prev_word(toks, k)
        if host is None or host.stem not in lx.PAST_INFINITIVE_HOSTS:
            future = True
    return future, negated


# Conjunctions of time whose present tense speaks of the future ("before the service begins", "once it opens")
_TEMPORAL = frozenset({"when", "once", "until", "till", "before"})


def _temporal_present(toks: tuple[Token, ...], start: int, i: int) -> bool:
    """The verb at ``i`` is in the present tense inside a clause of time ("when the update first arrives",
    "before assembly starts"): English uses the present there for what is still to happen."""
    verb = toks[i].low
    if verb.endswith("ed") or (verb in IRREGULAR and verb not in PRESENT_IRREGULAR):
        return False
    before = [t.low for t in toks[start:i]]
    return bool(_TEMPORAL.intersection(before)) or "as soon as" in " ".join(before)


def _complement(toks: tuple[Token, ...], i: int, end: int) -> frozenset[str]:
    """What began: "began series production" -> {series, production}; "work began" -> {work};
    "began rolling out" -> {launch} (a two-word report form stands for its verb)."""
    if end + 1 < len(toks) and (toks[end].stem, toks[end + 1].stem) in PARTICLES:
        return frozenset({PARTICLES[(toks[end].stem, toks[end + 1].stem)]})
    comp: list[str] = []
    for t in toks[end:end + 5]:
        if t.punct or t.stem in PREPOSITIONS or t.low in {"and", "or", "on"}:
            break
        if t.stem in lx.STOPWORDS or t.stem in lx.DETERMINERS or t.number is not None:
            if comp:
                break
            continue
        comp.append(t.stem)
        if len(comp) >= 3:
            break
    if comp:
        return frozenset(comp)
    start = _clause_start(toks, i)
    for k in range(start, i):
        t = toks[k]
        # "Deliveries of the Marlo began": a word capitalised only as the sentence's first is no name
        common = not t.cap or (k == 0 and (t.stem in lx.ALL_EVENT_NOUNS or t.low.endswith(("ing", "ion", "ions"))))
        if not t.punct and t.stem not in lx.STOPWORDS and t.stem not in lx.DETERMINERS and common \
                and not t.low.endswith("ly"):  # "the games finally began": what began is the games
            return frozenset({t.stem})
    return frozenset()


# -- cues --------------------------------------------------------------------------------------

def _cues(toks: tuple[Token, ...], is_title: bool = False) -> list[Cue]:
    stems = [t.stem for t in toks]
    n = len(toks)
    out: list[Cue] = []
    for kind, phrases in (("delay", lx.DELAY_PHRASES), ("cancellation", lx.CANCEL_PHRASES),
                          ("missed", lx.MISSED_PHRASES)):
        for phrase in phrases:
            at = find_phrase(stems, phrase)
            while at >= 0:
                if not any(c.kind == kind and c.pos == at for c in out) \
                        and not (kind == "delay" and (_to_a_verb(toks, phrase, at + len(phrase))
                                                      or _to_an_amount(toks, phrase, at + len(phrase)))):
                    out.append(_cue(toks, kind, at, at + len(phrase), phrase))
                at = find_phrase(stems, phrase, at + 1)
    for i, t in enumerate(toks):
        if t.stem in SHIFT_VERBS and _verbal(toks, i, False):
            ahead = [x.low for x in toks[i + 1:i + 9]]  # "pushes its 5,000-a-week Model 3 goal to ..."
            if any(w in {"to", "into", "until", "back"} for w in ahead) and not any(x.kind == "delay" and x.pos == i
                                                                                for x in out):
                out.append(_cue(toks, "delay", i, i + 1, (t.stem,)))
        if t.stem in CANCEL_PLAN_VERBS and _verbal(toks, i, False) and not (i + 1 < n and toks[i + 1].low == "off"):
            # ("lifted off from Cape Fennick": a rocket rising, and a place named Cape is no cap)
            ahead = [x for x in toks[i + 1:i + 5] if not x.punct]
            if any(x.stem in lx.PLAN_NOUNS and not x.cap for x in ahead) \
                    and not any(x.low in {"by", "percent"} for x in ahead[:2]):
                out.append(_cue(toks, "cancellation", i, i + 1, (t.stem,)))
            elif is_title and t.stem == _DROP and _dropped_thing(ahead):
                out.append(_cue(toks, "cancellation", i, i + 1, (t.stem,)))  # "Acme drops recycled-bottle brick"
        if t.stem in _CLOSE_VERBS and _verbal(toks, i, False):
            # "closes its electric car project", "shuts down the scheme": a plan ended ("closes the deal" completes one)
            ahead = [x for x in toks[i + 1:i + 6] if not x.punct and x.low not in ("down", "off")]
            if any(x.stem in _PROJECT_NOUNS and not x.cap for x in ahead[:5]):
                out.append(_cue(toks, "cancellation", i, i + 1, (t.stem,)))
        if t.stem in WEAKEN_VERBS and _verbal(toks, i, False):
            particle = _WEAKEN_PARTICLE.get(t.stem)
            end = i + 2 if particle else i + 1
            if particle and not (i + 1 < n and toks[i + 1].low == particle):
                continue
            ahead = [x for x in toks[end:end + 5] if not x.punct]
            if any(x.stem in lx.PLAN_NOUNS and not x.cap for x in ahead):
                out.append(_cue(toks, "weakening", i, end, tuple(x.stem for x in toks[i:end])))
    out.extend(c for c in (*_not_until(toks), *_new_date(toks))
               if not any(x.kind == "delay" and x.pos <= c.pos < x.end for x in out))
    return [replace(c, active=False) if c.active and c.kind in ("cancellation", "delay") and _inside_a_name(toks, c.pos)
            else c for c in out]


def _inside_a_name(toks: tuple[Token, ...], at: int) -> bool:
    """"the Great Repeal Bill", "the Delay Reduction Act": a capitalised cue word between capitalised words of a
    sentence written in sentence case is part of a name, not news of an act."""
    t = toks[at]
    if not t.cap or sum(1 for x in toks if x.text[:1].islower() and x.stem not in lx.STOPWORDS) < 2:
        return False  # a title-case headline capitalises every word
    before = at > 1 and toks[at - 1].cap and not toks[at - 1].punct
    after = at + 1 < len(toks) and toks[at + 1].cap and not toks[at + 1].punct
    return before or after


_TO = stem("to")


def _to_an_amount(toks: tuple[Token, ...], phrase: tuple[str, ...], end: int) -> bool:
    """"its share slips to 64%", "sales slipped by 3 percent": a figure falling, not a date moving."""
    if phrase[-1] != _TO and end < len(toks) and toks[end].low in ("to", "by"):
        end += 1  # "slips | to 64%"
    elif phrase[-1] != _TO:
        return False
    if end >= len(toks):
        return False
    nxt = toks[end]
    unit = toks[end + 1].stem if end + 1 < len(toks) else ""
    # ("delayed by 18 months" is a slip measured in time)
    return nxt.number is not None and not _year(nxt) and not period_follows(toks, end) \
        and unit not in lx.DURATION_UNITS


def _to_a_verb(toks: tuple[Token, ...], phrase: tuple[str, ...], end: int) -> bool:
    """"moves to end the toll", "pushed to scrap the plan": the "to" of a shift phrase opens an
    infinitive, a step taken, not the new date of a slip ("moved to September", "pushed to the autumn")."""
    if phrase[-1] != _TO or end >= len(toks):
        return False
    nxt = toks[end]
    return not nxt.cap and not nxt.punct and nxt.number is None and not period_follows(toks, end) \
        and (nxt.stem in lx.EVENT_VERBS or nxt.stem in CANCEL_VERBS | CANCEL_PLAN_VERBS)


_ROLL = stem("roll")
_PADS = frozenset(stem(w) for w in ("pad", "launchpad", "runway", "tarmac", "hangar", "complex"))


# How a thing is carried somewhere, and what it is carried there for: an arrival before the act itself
_CARRIED = frozenset(stem(w) for w in ("voyage", "aboard", "cargo", "barge", "convoy", "freighter", "shipped",
                                       "transported", "trucked", "airlifted"))
_CARRIED_FOR = frozenset(stem(w) for w in ("trials", "tests", "testing", "assembly", "integration", "launch",
                                           "fuelling", "fueling"))


def _carried_there(toks: tuple[Token, ...], i: int) -> bool:
    """"arrives in Harbury after a sea voyage", "arrives in Dellan for flight trials": the thing was carried
    to a place for a later act (a test, its launch), which an arrival in stores or in a country is not."""
    ahead = toks[i + 1:i + 10]
    if any(x.stem in _CARRIED for x in ahead):
        return True
    return any(x.low in ("for", "ahead") and any(y.stem in _CARRIED_FOR for y in ahead[k + 1:k + 4])
               for k, x in enumerate(ahead))


def _moved_to_a_pad(toks: tuple[Token, ...], i: int) -> bool:
    """"rolled out to the launch pad", "rolls out of the hangar": a vehicle moved, not a launch."""
    if toks[i].stem != _ROLL or i + 2 >= len(toks) or toks[i + 2].low not in ("to", "onto", "on", "of"):
        return False
    return any(t.stem in _PADS for t in toks[i + 3:i + 8])


_DROP = stem("drop")


def _dropped_thing(ahead: list[Token]) -> bool:
    """A headline's "drops THING": a thing dropped, not a figure falling ("drops 5%", "drops to 40",
    "drops sharply", "drops below ...", "drops out")."""
    if not ahead or ahead[0].number is not None or ahead[0].low in _FALL_WORDS or ahead[0].low.endswith("ly"):
        return False
    return not any(x.number is not None or x.low in {"%", "percent"} for x in ahead[:3])


_FALL_WORDS = frozenset("to by from below under above over out off in on after as for again back further".split())
_NEG_MODALS = frozenset({"won't", "wouldn't", "shan't", "wo"})
_FUTURE_MODALS = frozenset({"will", "would", "shall"})


def _not_until(toks: tuple[Token, ...]) -> list[Cue]:
    """"will not open until 2027", "won't happen before 2029", "would not be ready until May": a
    negated future verb with a later limit. The cue runs from the negation to the verb, so the
    words before it are what slips and the limit after it names the new date."""
    out: list[Cue] = []
    for i, t in enumerate(toks):
        negation = t.low in _NEG_MODALS or (t.low in {"not", "never"} and i and toks[i - 1].low in _FUTURE_MODALS)
        if not negation:
            continue
        verb = next((k for k in range(i + 1, min(len(toks), i + 4))
                     if not toks[k].punct and toks[k].low not in {"be", "now", "yet", "likely", "fully"}), None)
        if verb is None or toks[verb].stem in lx.STOPWORDS:
            continue
        for k in range(verb + 1, min(len(toks), verb + 9)):
            if toks[k].punct and toks[k].text in ".;:":
                break
            if toks[k].stem in lx.DELAY_LIMITS and period_follows(toks, k + 1):
                text = f"not {toks[verb].text} {toks[k].low}"
                out.append(Cue("delay", i, verb + 1, text, False, True))
                break
    return out


_VERB_PERIODS = frozenset({"end", "start", "fall", "close", "open"})


def period_follows(toks: tuple[Token, ...], k: int) -> bool:
    """A named period starts at ``k``: a year, a month, "late 2027", "the end of the decade".

    ``k`` follows "to", "into" or "until": a period word there that is also a verb and is followed by its
    object is the verb ("moves to end the toll", "moved to start talks"), not "to end-2027" or "pushed to fall".
    """
    if k < len(toks) and toks[k].low in _VERB_PERIODS and k + 1 < len(toks) and not toks[k + 1].punct \
            and toks[k + 1].low != "of" and not _year(toks[k + 1]):
        return False
    for t in toks[k:k + 3]:
        if t.punct:
            return False
        if t.low in MONTHS or _year(t) or t.stem in lx.PERIOD_WORDS:
            return True
    return False


def moves_to_a_period(toks: tuple[Token, ...], pos: int) -> bool:
    """"pushes the launch to late 2027", "moved back into 2028": the shift verb at ``pos`` moves
    something to a period, not to a place ("moves its trains to the new depot")."""
    for k in range(pos + 1, min(len(toks), pos + 8)):
        if toks[k].punct and toks[k].text in ".;:":
            return False
        if toks[k].low in {"to", "into", "until", "till"}:
            return period_follows(toks, k + 1)
    return False


def _year(t: Token) -> bool:
    return t.number is not None and 1900 <= t.number <= 2100 and "," not in t.text


def _new_date(toks: tuple[Token, ...]) -> list[Cue]:
    """"sets a new opening date of 12 May", "gets a 2029 opening date": an act noun before
    "date", after "new" or a named period, reschedules the act."""
    out: list[Cue] = []
    for i, t in enumerate(toks):
        if i and t.stem in lx.DATE_NOUNS and toks[i - 1].stem in lx.NEW_WORDS and i + 1 < len(toks) \
                and toks[i + 1].low == "for":
            out.append(Cue("delay", i - 1, i + 1, f"{toks[i - 1].text} {t.text}", False, True))  # "new date for X"
            continue
        if not i or t.stem not in lx.DATE_NOUNS or toks[i - 1].stem not in lx.ALL_EVENT_NOUNS:
            continue
        before = toks[max(0, i - 4):i - 1]
        if any(x.stem in lx.NEW_WORDS or _year(x) or x.low in MONTHS for x in before):
            out.append(Cue("delay", i - 1, i + 1, f"{toks[i - 1].text} {t.text}", False, True))
    return out


# words after "delayed"/"postponed" that make it a report of a slip, not an adjective before a noun
_AFTER_SLIP = frozenset({"to", "until", "till", "by", "again", "into", "from", "for", "because", "after", "amid",
                         "over", "indefinitely", "and", "as"})
_SHELF_HOSTS = frozenset({"hit", "hits", "hitting", "on", "the", "store", "shop", "supermarket", "to"})


def _cue(toks: tuple[Token, ...], kind: str, at: int, end: int, phrase: tuple[str, ...]) -> Cue:
    text = " ".join(t.text for t in toks[at:end])
    has_not = any(w in {"not", "no", "none", "yet"} for w in phrase)
    negated = False if has_not else _frame(toks, at)[1]
    if kind == "cancellation" and phrase[0] in CANCEL_VERBS | CANCEL_PLAN_VERBS and len(phrase) == 1 \
            and not _verbal(toks, at, False):
        negated = negated or False
    prev = _prev_word(toks, at)
    before = " ".join(t.low for t in toks[max(0, at - 2):at])
    caused = (prev is not None and prev.low in _INACTIVE_PREV) or bool(re.search(r"\b(?:because of|due to)$", before))
    nominal = prev is not None and prev.stem in lx.DETERMINERS and phrase[0] in (stem("delay"), stem("cancel"))
    # "its kill switch", "Acme's kill switch": a bare verb form after a determiner or a possessive is a noun
    nominal = nominal or (kind == "cancellation" and len(phrase) == 1 and prev is not None
                          and toks[at].low == toks[at].stem and (prev.stem in lx.DETERMINERS
                                                                 or prev.low.endswith(("'s", "\u2019s"))))
    # "Delayed championship finally starts": a participle before its noun describes, it reports nothing
    nxt = toks[end] if end < len(toks) else None
    adjective = (len(phrase) == 1 and toks[at].low.endswith("ed") and (prev is None or prev.stem in lx.DETERMINERS)
                 and nxt is not None and not nxt.punct and nxt.low not in _AFTER_SLIP)
    # "hits shelves", "on the shelves": the noun, not the verb of shelving
    noun = phrase == (stem("shelve"),) and prev is not None and prev.low in _SHELF_HOSTS
    active = not caused and not nominal and not adjective and not noun
    if kind == "cancellation" and _for_a_while(toks, at, end):
        kind = "delay"  # "temporarily shelves the plant", "puts it on ice for now": a pause, the promise still watched
    return Cue(kind, at, end, text, negated, active)


_FOR_A_WHILE = re.compile(r"\bfor (?:now|the time being|the moment)\b|\buntil further notice\b")


def _for_a_while(toks: tuple[Token, ...], at: int, end: int) -> bool:
    """Is the dropping only for a while: "temporarily" before it, "for now" or "until further notice" after it?"""
    before = " ".join(t.low for t in toks[max(0, at - 2):at])
    after = " ".join(t.low for t in toks[end:end + 10])
    return bool(re.search(r"\btemporarily$", before) or _FOR_A_WHILE.search(after))
