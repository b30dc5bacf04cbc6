"""Scoring one item against one commitment: which sentence speaks to it, and what it says.

For every sentence of the item the scorer measures *relevance* (how much of
the promise's object the sentence and the item name, whether the actor is
named, whether the head noun is there) and reads what the sentence reports:

* a **cancellation** cue (scrapped, abandoned, "will not proceed", "ending
  the freeze") aimed at the promise;
* a **delay** cue (postponed, slipped, "now expected in ...", "not until
  ...") with the new target resolved by the deadline module, or a plain "will
  do it in <date after the deadline>";
* a **fulfilment** event: a verb of the promise's action class (or "completed",
  "took effect") that is past, not negated, not hedged, by the actor and not by
  someone else, naming the whole object (no "first 12 of 40", no "beta");
* **progress**: the object with another action (testing, construction began,
  pre-orders for a later delivery) or a partial amount;
* otherwise a **mention**.

Speculation (could, might, rumour, analysts, sources say) turns any of these
into a mention. For a promise *not* to act, the fulfilment is the forbidden
act itself (the status engine turns it into "broken").

The score is ``relevance x cue strength``; see :mod:`tracker.matching.model`
for what the bands mean.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from tracker.errors import DeadlineError
from tracker.extract.actors import ORG_NOUNS
from tracker.extract.deadlines import DeadlineMatch, find_deadline, resolve_deadline
from tracker.language.governments import (
    countries_of_adjective, government_of, governments_named, region_countries, region_names,
)
from tracker.matching import lexicon as lx
from tracker.matching.model import AUTO_ACCEPT, REVIEW, CommitmentDoc, ItemDoc, Match
from tracker.matching.profile import CURRENCY, MONEY_UNIT, PREPOSITIONS, UNIT_NOUNS, Profile, money_amounts, profile
from tracker.matching.reading import (
    SHIFT_VERBS, Event, ItemReading, Sentence, dateline_end, find_phrase, late_span, moves_to_a_period, read_item,
)
from tracker.matching.relevance import (
    REFERRING, act_head_done, actor_strength, attributive, cancel_target_ok, conflicts, coverage, delay_names_ours,
    delay_target_ok,
    event_target_ok, foreign_subject, names_another, object_window, office_holder, other_amount, other_model,
    other_thing_dropped,
    other_place, overseer, qualifier, required_present, sentence_names_it, slip_object, slip_subject, slip_undoes,
    subject_window, term_present, until_after,
)
from tracker.matching.text import (
    IRREGULAR, MONTHS, PRESENT_IRREGULAR, SCALES, WEEKDAYS, Token, event_dates, names_a_day_ahead, scaled, stem, tokenize_cached,
)

_OPENS = lx._stems("open opened reopen inaugurate")  # a thing to build is done when it opens
KIND_RANK = {"cancellation": 4, "fulfilment": 3, "delay": 2, "progress": 1, "mention": 0}
_PARTIAL = re.compile(
    r"\b(?:first|initial|opening)\s+(?:of\s+(?:the\s+)?(?:two|three|four|five|six|\d+)|phase|stage|step|batch|"
    r"tranche|part|section|wave)\b|\b(?:second|third|fourth|fifth)\s+(?:phase|stage|line|leg|section|unit)\s+of\b|\b(?:rest|remainder|others?|more)\s+(?:\w+\s+)?to\s+follow\b|"
    r"\bremain(?:s|ed)?\s+(?:in\s+service|open|in\s+operation)\b|\bremaining\b|\bhalfway\b|"
    r"\bpart\s+of\s+(?:its|the|their)\s+(?:plan|programme|program|target)\b|\bso\s+far\b|\bshort\s+of\b",
    re.I)
_COMPLETE = re.compile(r"\b(?:all|every|each)\s+(?:of\s+)?(?:its\s+|the\s+|their\s+)?\d[\d,]*\b|"
                       r"\b(?:the\s+)?last\s+of\s+the\b|"
                       r"\b(?:meeting|met|beating|beat|exceeding|exceeded|reaching|reached|hitting|hit)\s+"
                       r"(?:its|the|their)\s+(?:\w+\s+)?(?:goal|target)\b", re.I)
_ON_TIME = re.compile(r"\b(?:on\s+time|as\s+planned|as\s+scheduled|on\s+schedule|in\s+time)\b", re.I)
_THIS_YEAR = re.compile(r"\b(?:this\s+year|by\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+year)\b", re.I)


def _not_this_year(ctx: "_Context", s: Sentence) -> bool:
    """"will not open this year", said in the year the promise is due: the deadline will be missed."""
    due = ctx.p.doc.due_latest
    return due is not None and due.year == ctx.published.year and _THIS_YEAR.search(s.text) is not None


_WORKS = lx.PROGRESS_WORDS | lx._stems("work works building refurbishment renovation fit-out")
_SHARE_OF = re.compile(r"\b(\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\b", re.I)
# "1% of users": a share of the people a promise to change something for everyone reaches
_POPULATION = re.compile(r"\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:\w+\s+)?(?:users|customers|people|subscribers|"
                         r"members|households|homes|residents|drivers|passengers|employees|workers|staff|accounts|"
                         r"devices|stores|schools)\b", re.I)
_TARGET_CONTEXT = lx._stems("target goal pledge plan promised planned intends aim aims reach short")
_HONOURED = re.compile(r"\b(?:honou?r(?:ed|ing|s)?|kept|keeping|fulfill?(?:ed|ing)?|delivered\s+on)\s+"
                       r"(?:its|their|the|his|her)\s+(?:\w+\s+)?(?:pledge|promise|commitment)\b", re.I)
# A report that the promise itself was met: "meeting the goal it set", "met its target", "kept a promise".
# ("keeping its target" is guidance left unchanged; only a promise is kept).
_MET_GOAL = re.compile(r"(?<!not )(?<!n't )(?<!to )(?<!will )(?<!would )\b(?:(?:meeting|meets|met|achiev(?:ed|ing|es)|"
                       r"reach(?:ed|ing|es)|hit(?:s|ting)?|fulfill?(?:ed|ing|s)|honou?r(?:ed|ing|s))\s+"
                       r"(?:(?:its|their|the|his|her|a|our)\s+)?(?:[\w\u2019'-]+\s+){0,2}?"
                       r"(?:goal|target|pledge|promise|commitment)s?|(?:keeping|keeps|kept)\s+"
                       r"(?:(?:its|their|the|his|her|a|our)\s+)?(?:[\w\u2019'-]+\s+){0,2}?(?:pledge|promise)s?)\b",
                       re.I)
# Speculation about the source of the news, which taints the whole item (not a modal in another sentence)
_RUMOUR = re.compile(r"rumou?r|reportedly|unconfirmed|speculat|alleged|leak|report|sources?|said to|people|talks|"
                     r"understood|tipped|gossip|whisper|claim", re.I)
_COST_DENIED = re.compile(r"\b(?:free|no\s+(?:extra|additional)|at\s+no|without|not\s+(?:be\s+)?charg|"
                          r"not\s+pay|won't\s+pay|will\s+not)\b", re.I)


@dataclass
class Reading:
    """What one sentence says about one commitment, before it becomes a :class:`Match`."""

    kind: str
    score: float
    sentence: Sentence
    cue: str
    notes: list[str] = field(default_factory=list)
    event_pos: int = -1
    new_due: dt.date | None = None
    new_phrase: str | None = None
    cue_is_completion: bool = False  # "completes", "is complete": the act reported done in full
    review_only: bool = False  # plausible, but read on weaker ground: a person decides
    target_named: bool = False  # a delay whose cue's own words name this promise's thing
    product_named: bool = False  # ... by the thing's own name ("the Quorrin tram line"), as good as the actor
    period_result: bool = False  # a figure for the promised period: it happened by the period's end


def _for_editor(kind: str, rel: float, s: Sentence, cue: str, note: str, pos: int) -> Reading:
    """A reading on weaker ground: scored at least into the review band, never decided unseen."""
    return Reading(kind, max(rel, REVIEW / 0.9) * 0.9, s, cue, [note], pos, review_only=True)


def score(item: ItemDoc, c: CommitmentDoc) -> Match | None:
    """What ``item`` says about ``c``, or None when it says nothing worth keeping.

    >>> import datetime as dt
    >>> c = CommitmentDoc(1, "Tamber Tools", (), "release Gizmo 3", None, dt.date(2025, 6, 30), False,
    ...                   dt.date(2025, 1, 2))
    >>> i = ItemDoc(7, "Tamber Tools releases Gizmo 3", "Tamber Tools released Gizmo 3 on Monday.", None,
    ...             dt.date(2025, 3, 5))
    >>> m = score(i, c); (m.kind, m.event_date.isoformat(), m.score >= AUTO_ACCEPT)
    ('fulfilment', '2025-03-03', True)
    """
    if item.published is not None and item.published < c.stated_on:
        return None  # news older than the promise cannot report its outcome
    p = profile(c)
    r = read_item(item)
    published = item.published or c.stated_on
    ctx = _Context(p, r, published)
    if ctx.item_cov < 0.25 and ctx.item_actor == 0:
        return None
    best: Reading | None = None
    readings = [reading for sent in r.sents for reading in _read(ctx, sent)]
    for reading in readings:
        if best is None or _better(reading, best):
            best = reading
    if best is not None and best.score >= AUTO_ACCEPT and best.kind in ("cancellation", "delay") \
            and not may_decide(ctx, best):
        # two sentences report the same end, one on firmer ground ("has abandoned its plan to build the car"
        # beside "the factory will not go ahead"): the one that may decide speaks for the item (not so for a
        # fulfilment, whose hedge may sit in one sentence only: "hands over the hall" / "the nearly finished hall")
        firm = [x for x in readings if x.kind == best.kind and x.score >= AUTO_ACCEPT and may_decide(ctx, x)]
        best = max(firm, key=lambda x: x.score, default=best)
    if (best is None or best.score < REVIEW or best.kind == "mention") and not c.negated and not ctx.partial:
        # nothing better than a mention: the act reported in other words is worth an editor's look
        best = next((x for sent in r.sents for x in _act_in_other_words(ctx, sent, ctx.relevance(sent)[0])), best)
    if best is None or best.score < 0.2:
        return None
    if c.keep_until and best.kind == "delay":
        # a state promised to last ("hybrids will still be allowed until 2035") does not slip: a later date for
        # something else's end is news for an editor, never a delay of this promise
        best = Reading("mention", min(best.score, REVIEW), best.sentence, best.cue,
                       [*best.notes, "a later date, but the promise is a state kept until a day"], best.event_pos)
    return _to_match(ctx, best)


def _better(a: Reading, b: Reading) -> bool:
    a_ok, b_ok = a.score >= REVIEW, b.score >= REVIEW
    if a_ok != b_ok:
        return a_ok
    if a_ok and KIND_RANK[a.kind] != KIND_RANK[b.kind]:
        return KIND_RANK[a.kind] > KIND_RANK[b.kind]
    if a_ok and a.review_only != b.review_only:
        # "Lumo arrives in stores" over "Vantor's speaker went on sale": the reading on firm ground speaks
        # for the item; the other, on weaker ground, only says the same
        return not a.review_only
    return a.score > b.score


# -- relevance -----------------------------------------------------------------------------------

class _Context:
    """One (commitment, item) pair: item-level facts computed once."""

    def __init__(self, p: Profile, r: ItemReading, published: dt.date):
        self.p, self.r, self.published = p, r, published
        all_toks = [t for s in r.sents for t in s.toks]
        self.item_cov, self.item_terms = coverage(p, all_toks, r.stems)
        self.item_actor, self.actor_text = max(((actor_strength(p, s), s) for s in r.sents),
                                               key=lambda x: x[0], default=(0.0, None))
        self.item_head = (not p.head or bool(p.head & r.stems) or _head_done(p, r.stems)
                          or act_head_done(p, r.stems))
        self.required_ok = required_present(p, all_toks)
        self.named = bool(p.required) and self.required_ok
        self.conflict = conflicts(p, r)
        self.partial, self.complete = _item_quantity(p, r)
        self.honoured = any(_HONOURED.search(s.text) for s in r.sents)

    def relevance(self, s: Sentence) -> tuple[float, float, list[str]]:
        """(relevance, effective object coverage, matched terms) of one sentence.

        Object coverage leans on the whole item (a headline summarises the
        body; a body sentence may say "the company"); a distinctive name of the
        object (required, present) sets a floor; the actor, named in the
        sentence or the item, adds the rest; a missing head noun discounts.
        """
        cov, terms = coverage(self.p, list(s.toks), s.stems)
        if s.is_title:
            eff = 0.3 * cov + 0.7 * self.item_cov
        else:
            eff = max(cov, 0.6 * cov + 0.4 * self.item_cov)
        eff = round(eff, 9)  # (0.3 * 0.5 + 0.7 * 0.5 is 0.49999...: a half covered is a half, at every threshold)
        obj = 0.7 + 0.3 * eff if self.named else eff
        actor = max(actor_strength(self.p, s), 0.9 * self.item_actor)
        if self.named:
            actor = max(actor, 0.75)
        if not self.p.head or self.p.head & s.stems or _head_done(self.p, s.stems):
            headf = 1.0
        elif self.item_head:
            headf = 0.95
        else:
            headf = 0.95 if self.named else 0.4
        return (0.6 * obj + 0.4 * actor) * headf, eff, terms

    @property
    def decisive_ok(self) -> bool:
        """Can this item be more than a mention or progress for this commitment at all?"""
        return (self.required_ok and (self.item_head or self.named) and (self.item_cov >= 0.45 or self.named)
                and not self.conflict)


_ORDER = stem("order")


def _step_words(window: list[Token]) -> set[str]:
    """The stems of an act's object, where "an executive order requiring masks" is a rule made, not an order placed."""
    out = {t.stem for t in window}
    for k, t in enumerate(window):
        if t.stem == _ORDER and ((k and window[k - 1].low == "executive")
                                 or (k + 1 < len(window) and window[k + 1].low.endswith("ing"))):
            out.discard(_ORDER)
    return out


def _head_done(p: Profile, stems: frozenset[str]) -> bool:
    """A head that names an act ("start production at the plant") is there when a verb of that act is:
    "first cars roll off the line at the plant" is its production, "the bridge was built" its construction."""
    if not p.head_act:
        return False
    acts = lx.noun_classes(p.head)
    return bool((acts | lx.implied_by(acts)) & lx.verb_classes(*stems))  # "hands over the first trucks"


def sentence_quantity(p: Profile, s: Sentence) -> str | None:
    """'complete' or 'partial' when the sentence gives an amount of what was promised."""
    if _COMPLETE.search(s.text) and (p.head & s.stems or not p.head):
        return "complete"
    if p.universal and not p.has_first and re.search(r"\b(?:first|initial|some|early)\b", s.text, re.I):
        return "partial"  # "all Swift data" against "first Swift maps"
    share = _SHARE_OF.search(s.text)
    if share and float(share.group(1)) < 100 and (p.universal or _POPULATION.match(s.text, share.end())):
        return "partial"  # "for 67 percent of the hours" against "every hour"; "for 1% of users"
    verdict = None
    for target in (t for t in p.targets if MONEY_UNIT in t.units):
        for value, end in money_amounts(s.text):
            if re.match(r"[\s\w-]{0,12}\b(?:goal|target|pledge|promise|aim)\b", s.text[end:], re.I):
                continue  # "on the way to its $15 goal" names the target, not an amount reached
            verdict = "complete" if value >= target.value else (verdict or "partial")
            if verdict == "complete":
                return verdict
    toks = s.toks
    for target in (t for t in p.targets if MONEY_UNIT not in t.units):
        skip = set()
        for i, t in enumerate(toks):
            value = t.number if t.number is not None else t.ordinal
            if value is None or i in skip:
                continue
            if t.number is not None and 1900 <= t.number <= 2100 and "," not in t.text:
                continue
            if i and toks[i - 1].cap and toks[i - 1].text[:1].isalpha() and t.number is not None:
                continue
            before = [x.stem for x in toks[max(0, i - 3):i]]
            if set(before) & _TARGET_CONTEXT:
                continue
            j = i + 1
            if j + 1 < len(toks) and toks[j].low == "of":
                k = j + 1
                while k < len(toks) and (toks[k].stem in lx.DETERMINERS or toks[k].low in _LAST_ONES):
                    k += 1  # "three of its last six": the six are the whole, the three a part
                if k < len(toks) and toks[k].number is not None:
                    skip.add(k)
            window = []
            for x in toks[i + 1:i + 9]:
                if x.punct or x.low in {"and", "but", "which", "while"} or (x.stem in PREPOSITIONS and x.low != "of"):
                    break
                window.append(x)
            if t.number is not None:
                value, window = scaled(value, window)  # "3.5 million units" against "5 million units"
            if any(x.stem in CURRENCY for x in window[:2]):
                continue
            if target.percent:
                if not window or window[0].low not in {"percent", "%", "per"}:
                    continue
            elif not any(x.stem in target.units for x in window):
                continue
            after = {x.stem for x in window[:3]}
            if after & lx._stems("goal target pledge"):
                continue
            # "closed its last three plants", "shut the final 12 kilns": the act done to what was left completes it
            last_ones = _done(s) and any(x.low in _LAST_ONES for x in toks[max(0, i - 2):i]) and bool(window) \
                and window[0].stem in target.units and not _STILL_TO_COME.search(s.text, i)  # ("the last two months")
            verdict = "complete" if value >= target.value or last_ones else (verdict or "partial")
            if verdict == "complete":
                return verdict
    if verdict is None and _PARTIAL.search(s.text):
        m = _PARTIAL.search(s.text)
        if m.group(0).lower() == "remaining" and not _remaining_of_ours(p, s.text[m.end():]):
            return verdict  # "with remaining staff moved to other divisions": what remains is something else
        if m.group(0).lower() == "remaining" and re.search(r"\b(?:its|their|our|his|her)\s+(?:[\w-]+\s+)?$",
                                                           s.text[:m.start()], re.I):
            return verdict  # "shut its two remaining coal units": the act done to what was left, not a part
        if m.group(0).lower() == "remaining" and _done(s) and re.search(r"\bthe\s+(?:last\s+)?(?:[\w-]+\s+)?$",
                                                                      s.text[:m.start()], re.I) \
                and not _STILL_TO_COME.search(s.text, m.end()):
            return verdict  # "closed the remaining 12 stores": done to what was left ("the remaining lines follow")
        if not (p.has_first and m.group(0).lower().startswith("first")):
            return "partial"
    return verdict


def _remaining_of_ours(p: Profile, after: str) -> bool:
    """What "remaining" qualifies is the promise's thing or an amount ("the remaining 12 stores", "remaining
    units"), not something else that remains ("remaining staff")."""
    words = [t for t in tokenize_cached(after)[:3] if not t.punct]
    return not words or any(t.number is not None or t.stem in p.vocab or t.stem in p.head or t.low == "of"
                            for t in words[:2])


_LAST_ONES = frozenset({"last", "final", "remaining"})
# what is left is still to come: "the remaining lines are to follow", "will open next year", "stay closed"
_STILL_TO_COME = re.compile(r"\b(?:will|would|to\s+follow|are\s+to|is\s+to|still|stay|stays|remain|remains|yet|later|"
                            r"next)\b", re.I)


def _done(s: Sentence) -> bool:
    """The sentence reports an act done: a verb of an act, neither future nor negated."""
    return any(not ev.future and not ev.negated for ev in s.events)


def _item_quantity(p: Profile, r: ItemReading) -> tuple[bool, bool]:
    partial = complete = False
    for s in r.sents:
        cov, _ = coverage(p, list(s.toks), s.stems)
        if cov < 0.3 and not (p.head & s.stems):
            continue
        q = sentence_quantity(p, s)
        partial |= q == "partial"
        complete |= q == "complete"
    return partial and not complete, complete


# -- reading a sentence -------------------------------------------------------------------------

def _read(ctx: _Context, s: Sentence) -> list[Reading]:
    p = ctx.p
    rel, eff, terms = ctx.relevance(s)
    if eff < 0.2 and actor_strength(p, s) == 0 and not (ctx.named and sentence_names_it(ctx, s)):
        return []
    out: list[Reading] = []
    spec = s.speculative or ("speculative headline" if ctx.r.speculative_title else None)
    if spec:
        return _warned_delays(ctx, s, rel, spec) or [
            Reading("mention", rel * 0.45, s, f"speculation: {spec}", [f"speculation ('{spec}')"])]
    if p.doc.negated:
        out.extend(_read_negated(ctx, s, rel, eff))
    else:
        out.extend(_read_positive(ctx, s, rel, eff))
    if not out:
        out.append(Reading("mention", rel * 0.5, s, "names the promise", []))
    return out


_GUESS_MODALS = frozenset({"could", "may", "might"})


# The promised date said to hold in the same item: a slip of some works, not of the promise
_HOLDS = re.compile(r"\b(?:is|was|remains|remained|are|were)\s+(?:still\s+)?(?:unaffected|unchanged)\b|"
                    r"\b(?:still|remains?|remained)\s+on\s+(?:track|schedule|course)\b|\bstill\s+(?:opens?|due)\b", re.I)


def _names_our_act(p: Profile, s: Sentence) -> bool:
    """Does the sentence name the promise's own thing or act ("the opening", "the line")?"""
    return bool((p.head | p.act_nouns) & s.stems)


# Those whose word on a slip or an end is a view, not the actor's decision
_COMMENTATORS = lx._stems("critics critic analysts analyst opponents experts campaigners residents unions rivals "
                          "observers commentators skeptics sceptics")


def _guessed_or_others(s: Sentence, pos: int) -> bool:
    """A slip or an end only called possible ("could be delayed", "may be scrapped") or told by commentators
    ("critics said the line would not open until 2028"): an editor decides."""
    if pos < 0:
        return False
    before = s.toks[max(0, pos - 4):pos]
    if any(t.low in _GUESS_MODALS for t in before) or any(t.low in ("possible", "possibly", "feared", "fears", "risk")
                                                          for t in s.toks[max(0, pos - 3):pos + 4]):
        return True  # ("a delay 'possible'", "fears of a delay")
    return any(t.stem in _COMMENTATORS and not (k and s.toks[k - 1].low in ("told", "tells", "telling", "briefed",
                                                                               "informed", "assured", "reassured"))
               for k, t in enumerate(s.toks[:pos]))  # ("told analysts": its audience, not a commentator)


def _warned_delays(ctx: _Context, s: Sentence, rel: float, spec: str) -> list[Reading]:
    """"the Orvo plant could slip to 2031, the utility warns", "the line may not open until 2029": a slip the sentence
    only calls possible, with a modal (not a rumour or a source). An editor decides whether the date moved."""
    if spec.lower() not in _GUESS_MODALS or ctx.p.doc.negated or (ctx.r.speculative_title and not s.is_title):
        return []
    if any(t.stem in lx.SPECULATION and t.low not in _GUESS_MODALS for t in s.toks) \
            or any(find_phrase([t.stem for t in s.toks], ph) >= 0 for ph in lx.SPECULATION_PHRASES
                   if not set(ph) & _GUESS_MODALS):
        return []  # "could slip, analysts say", "sources say": someone else's guess, not the actor's warning
    out = []
    for cue in (c for c in s.cues if c.kind == "delay" and c.active and not c.negated):
        reading = _delay_cue(ctx, s, rel, cue, ctx.decisive_ok and sentence_names_it(ctx, s))
        if reading is not None and reading.kind == "delay":
            reading.review_only = True
            reading.score = max(reading.score, REVIEW / 0.9 * 0.9)
            reading.notes.append(f"a possible slip ('{spec}'): check whether the date moved")
            out.append(reading)
    return out


def _read_positive(ctx: _Context, s: Sentence, rel: float, eff: float) -> list[Reading]:
    p = ctx.p
    out: list[Reading] = []
    decisive = ctx.decisive_ok
    notes = [f"conflict: {ctx.conflict}"] if ctx.conflict else []
    delayed_here = any(c.kind == "delay" and c.active and not c.negated for c in s.cues)
    here = sentence_names_it(ctx, s)
    instead = _instead_of_ours(ctx, s)
    if instead is not None:
        cue_text = " ".join(t.text for t in s.toks[instead:instead + 2])
        out.append(_for_editor("cancellation", rel, s, cue_text,
                               "another course chosen instead of the promised one: check it", instead))
    for cue in s.cues:
        if cue.kind == "cancellation" and not cue.negated and cue.active and decisive and here:
            other = foreign_subject(ctx, s, cue.pos)
            said_of = _said_of_ours(ctx.p, s, cue.pos)
            if (other and not overseer(other)) or not (cancel_target_ok(ctx, s, cue.end) or said_of):
                continue
            if other:  # "the court struck down the plan": undone by another body, which an editor confirms
                out.append(_for_editor("cancellation", rel, s, cue.text, f"undone by another body ({other}): check it",
                                       cue.pos))
                continue
            if _would_of_another(ctx, s, cue.pos):
                out.append(_for_editor("cancellation", rel, s, cue.text,
                                       "what something else would do (a proposal, a rule): check it", cue.pos))
                continue
            moved = _moved_instead(ctx, s, rel)
            if moved is not None:
                out.append(moved)  # "gives up on a 2027 opening, now sees 2034": the date dropped, not the promise
                continue
            if _ends_the_thing(p, s, cue.end):
                # "pulls the plug on its last reactors" for "shut down the last reactors": the end was the promise
                out.append(Reading("fulfilment", rel * 0.9, s, cue.text, ["the promised end, in other words"],
                                   cue.pos, cue_is_completion=True))
                continue
            out.append(Reading("cancellation", rel * 0.95, s, cue.text, [], cue.pos))
        elif cue.kind == "cancellation" and not cue.negated and cue.active and _own_plan_dropped(ctx, s, cue):
            # "Acme abandons its Harlow factory plans" for "start production at the Harlow chip
            # factory": the actor drops something of this promise's; a person decides what, unless
            # the dropped thing carries the promise's own name, year or amount ("drops its 2030 goal")
            which = _dropped_identified(ctx, s, cue)
            if which:
                out.append(Reading("cancellation", max(rel, 0.8) * 0.95, s, cue.text,
                                   [f"the actor drops a plan named by the promise's {which}"], cue.pos,
                                   target_named=True))
                continue
            out.append(_for_editor("cancellation", rel, s, cue.text,
                                   "the actor drops a plan that shares the promise's words: check it is this one",
                                   cue.pos))
        elif cue.kind == "weakening" and not cue.negated and cue.active and not _another_years_plan(p, s, cue) and (
                _own_plan_dropped(ctx, s, cue) or (decisive and here and own_act(ctx, s, cue.pos)
                                                   and cancel_target_ok(ctx, s, cue.end))):
            # "weakens its 2030 target", "scales back its packaging goals": the promise as made is given up for
            # a lesser one; whether that withdraws it (or is a step to missing it) an editor decides
            out.append(_for_editor("cancellation", rel, s, cue.text,
                                   "the actor weakens a target of this promise: check it is withdrawn as made", cue.pos))
        elif cue.kind == "delay" and not cue.negated and cue.active:
            reading = _delay_cue(ctx, s, rel, cue, decisive and here)
            if reading is not None:
                out.append(reading)
        elif cue.kind == "missed" and eff >= 0.4 and decisive and here and _miss_ahead(s, cue.pos):
            # "admits it will miss the March deadline": the actor says the date will not hold, a delay
            out.append(_announced_miss(ctx, s, rel, cue.text, cue.end))
        elif cue.kind == "missed" and eff >= 0.4:
            out.append(Reading("mention", rel * 0.8, s, cue.text, ["reports the promise not (yet) done"], cue.pos))
    figure_met = _figure_met(p, s)  # once per sentence: it does not depend on the event
    if decisive and here and not delayed_here:
        scheduled = _scheduled_act(ctx, s, rel)
        if scheduled is not None:
            out.append(scheduled)  # "with launch set for July 2028": the promised act, dated after its deadline
    for ev in s.events:
        if _modifier_of_ours(p, s, ev):
            continue  # "Vantor drop lockers" for "parcel drop lockers": a noun before the thing, not a verb
        who = foreign_subject(ctx, s, ev.pos)
        if who and ev.canon in _OPENS and _ceremonial(ctx, who):
            who = None  # "President Arlo Venn inaugurated the line": a ribbon cut for the owner, the line opened
        if who:
            out.append(Reading("mention", rel * 0.3, s, ev.text, [f"someone else acts: {who}"], ev.pos))
            continue
        if decisive and here and _keeps_instead(ctx, s, ev):
            # "decides to keep its ferry arm" for "sell the ferry arm"; "the unit will stay closed" for "reopen it"
            out.append(_for_editor("cancellation", rel, s, ev.text,
                                   "the actor keeps what it promised to change: check the promise is dropped", ev.pos))
            continue
        kind, strength, note = _compat(p, ev)
        figure = not ev.negated and not ev.future and figure_met
        if figure and kind != "fulfilment":
            kind, strength, note = "fulfilment", 0.92, "reported the promised figure"  # guidance met
        if kind is None and p.doc.keep_until and not ev.negated and not ev.future and decisive and here \
                and event_target_ok(ctx, s, ev):
            # "closes the plant" against "keep the plant open through 2030": the state ended early
            out.append(Reading("cancellation", rel * 0.9, s, ev.text, [f"{note}: the kept state ended"], ev.pos))
            continue
        if kind is None:
            out.append(Reading("mention", rel * 0.45, s, ev.text, [note], ev.pos))
            continue
        if ev.negated:
            if ev.future and decisive and here and until_after(s, ev.pos) and event_target_ok(ctx, s, ev):
                out.append(_delay(ctx, s, rel, f"not {ev.text} until", ev.pos + 1))
                continue
            if ev.future and decisive and here and event_target_ok(ctx, s, ev) and (
                    _ON_TIME.search(s.text) or _not_this_year(ctx, s)):
                # late, not dropped: "will not open on time", "will not open this year" (due this year)
                out.append(_delay(ctx, s, rel, f"will not {ev.text} on time", ev.pos + 1))
                continue
            if ev.future and decisive and here and event_target_ok(ctx, s, ev) and _by_the_deadline(ctx, s, ev):
                # "concedes the camp won't close by January" (the promised January): late, not dropped
                out.append(_announced_miss(ctx, s, rel, f"will not {ev.text} by the deadline", ev.pos + 1))
                continue
            refused = ev.future and decisive and here and ev.classes & p.action_classes and event_target_ok(ctx, s, ev)
            if refused and _permission_before(s, ev.pos):
                # "the council will not let Vantor open the depot", "a draft rule would not allow it": another
                # body's refusal, not the actor giving up; an editor decides what it means for the promise
                out.append(_for_editor("cancellation", rel, s, f"will not let {ev.text}",
                                       "another body will not permit it: check it", ev.pos))
                continue
            if refused and _no_date(ctx, s) and not {"yet", "still"} & {t.low for t in s.toks}:
                # "said it would not build the campus": the actor's own no, with no new date
                out.append(Reading("cancellation", rel * 0.85, s, f"will not {ev.text}",
                                   ["the actor says it will not do it"], ev.pos))
                continue
            out.append(Reading("mention", rel * 0.7, s, ev.text, ["negated: not done"], ev.pos))
            continue
        if ev.future or (not _past_form(s, ev) and _dated_ahead(s, ev, ctx.published)):
            out.append(_future(ctx, s, rel, ev))  # "sales start on March 3", written in February: a schedule
            continue
        qual = qualifier(p, s)
        if delayed_here:
            continue  # "production start delayed to 2025" is news of a delay, not of a start
        if kind == "fulfilment" and (_step_words(object_window(s, ev)) & lx.PROGRESS_WORDS) - p.vocab:
            # a step word the promise itself does not use: "releases a beta" is progress towards a
            # release, but fulfils "release a beta to developers"
            kind, note = "progress", "began a step (construction, testing...), not the promised thing"
        if kind == "fulfilment" and ev.canon == "*" and "start" in p.action_classes \
                and {t.stem for t in (*subject_window(s, ev.pos), *object_window(s, ev))} & _WORKS - p.vocab:
            kind, note = "progress", "the works are finished, not the promised opening"
        if kind == "fulfilment" and _short_of_target(p, s, ev):
            kind, note = "progress", "reached less than the promised amount"
        if kind == "fulfilment" and ev.progressive and not ev.classes & _BEGUN_WHEN_UNDER_WAY and not p.inchoative:
            # (a promise to begin something is kept once it is under way: "is producing the car" for "start
            # production")
            kind, note = "progress", "under way, not done ('is being built', 'is installing')"
        hedged = hedge(s, ev.pos, p) if kind == "fulfilment" else None
        if hedged:
            kind, note = "progress", f"hedged or partial ('{hedged}'): progress, not fulfilment"
        # "opened to the public a year later than planned": the writer ties the act to the plan it was late for
        late = s.late_done and not ev.future
        if kind == "fulfilment" and decisive and not qual and not ctx.partial and eff >= 0.5 \
                and (figure or (here and event_target_ok(ctx, s, ev)) or headline_by_actor(ctx, s, ev) or late):
            out.append(Reading("fulfilment", rel * strength, s, ev.text, list(notes), ev.pos,
                               cue_is_completion=ev.canon == "*" or figure, period_result=figure))
        elif kind == "fulfilment" and not qual and not ctx.partial and _actor_owned_subject(ctx, s, ev.pos) \
                and not any(t.cap for t in object_window(s, ev)):
            # "Acme's hybrid console hits shelves" for "release the Gizmo": the actor's thing, described; when the
            # body names the Gizmo ("fans queued for the Gizmo"), the headline's thing is the one named
            if s.is_title and ctx.named and decisive and not hedge(s, ev.pos, p) and not _agent_subject(s, ev.pos):
                out.append(Reading("fulfilment", rel * strength, s, ev.text,
                                   ["the actor's own thing, named in the item"], ev.pos, cue_is_completion=ev.canon == "*"))
            else:
                out.append(_for_editor("fulfilment", rel, s, ev.text, _DESCRIBED, ev.pos))
        elif kind == "fulfilment" and note == "the promised action" and decisive and here \
                and not qual and not ctx.partial and eff >= 0.5:
            # the promised act, but on a thing the sentence does not clearly name as the promised one ("opens a
            # depot office" for "open the depot"): not progress decided unseen, a fulfilment for an editor to check
            out.append(_for_editor("fulfilment", rel, s, ev.text,
                                   "the promised act, on a thing not clearly the promised one: check it", ev.pos))
        elif eff >= 0.45 and (ctx.item_head or ctx.required_ok):
            why = (f"a {qual}, not the promised thing" if qual else "partial: part of the amount promised"
                   if ctx.partial else note or "the object, with another action")
            out.append(Reading("progress", rel * 0.8, s, ev.text, [why, *notes], ev.pos))
    state = _state_reached(p, s) if decisive and eff >= 0.5 else None
    if state is not None and not any(r.kind == "fulfilment" for r in out):
        # "says its plants are now waste-free" for "become waste-free": the promised state, reached
        out.append(Reading("fulfilment", rel * 0.9, s, state.group(0), list(notes), _token_at(s, state.start()),
                           cue_is_completion=True))
    met = _MET_GOAL.search(s.text)
    if met and decisive and here and eff >= 0.5:
        # "..., meeting the goal it set in 2012", "met its target of ...": the report says the promise was kept
        done = [r for r in out if r.kind == "fulfilment" and not r.review_only]
        for r in done:  # "inflation falls to 4.6%, meeting the pledge to halve it": the fall completes it
            r.cue_is_completion = True
        if not done:
            out.append(Reading("fulfilment", rel * 0.9, s, met.group(0), list(notes), _token_at(s, met.start()),
                               cue_is_completion=True))
    if figure_met and decisive and eff >= 0.5 and not any(r.kind == "fulfilment" for r in out) \
            and _reported_figure(s):
        # "First-quarter revenue was 8.16 billion dollars": the promised figure, reported, with no act verb
        out.append(Reading("fulfilment", rel * 0.92, s, "reported the promised figure", list(notes),
                           _measure_pos(p, s), cue_is_completion=True, period_result=True))
    if not out and s.stems & lx.PROGRESS_WORDS and eff >= 0.5 and ctx.required_ok:
        word = sorted(s.stems & lx.PROGRESS_WORDS)[0]
        out.append(Reading("progress", rel * 0.7, s, word, ["a step towards the promise"]))
    return out


# Promised acts that let go of a thing (sell it, split it off, close it, end it): keeping it instead drops them
_LETTING_GO = frozenset({"list", "close", "eliminate"})
_SELLING = lx._stems("sell divest dispose offload")
_CLOSED = frozenset({"closed", "shut", "dark", "mothballed"})


# Acts done once they are under way: a product "is shipping", "is selling", "is rolling out" is out
_BEGUN_WHEN_UNDER_WAY = frozenset({"start", "ship", "sell", "publish", "open_source", "fly", "consult", "price",
                                   "charge", "operate"})


def _modifier_of_ours(p: Profile, s: Sentence, ev: Event) -> bool:
    """Is the event's word a noun before the promise's head, as in the promise itself ("drop" in "Vantor drop
    lockers" for "install 400 parcel drop lockers")?"""
    nxt = s.toks[ev.pos + 1] if ev.pos + 1 < len(s.toks) else None
    if nxt is None or not p.head or nxt.stem not in p.head or " " in ev.text:
        return False
    words = [t.stem for t in tokenize_cached(p.object_text)]
    return any(a == s.toks[ev.pos].stem and b in p.head for a, b in zip(words, words[1:]))


def _keeps_instead(ctx: _Context, s: Sentence, ev: Event) -> bool:
    """The actor keeps what it promised to sell, split off or close ("decides to keep its ferry arm"), or keeps
    closed what it promised to reopen ("the unit will stay closed")."""
    p = ctx.p
    if "keep" not in ev.classes or ev.negated or p.doc.keep_until or p.doc.negated:
        return False
    after = s.toks[ev.pos + 1].low if ev.pos + 1 < len(s.toks) else ""
    if after in _CLOSED:
        return p.action in _OPENS and _names_ours(p, subject_window(s, ev.pos))
    letting_go = p.action in _SELLING or bool(lx.verb_classes(p.action or "") & _LETTING_GO)
    return letting_go and event_target_ok(ctx, s, ev)


def _act_in_other_words(ctx: _Context, s: Sentence, rel: float) -> list[Reading]:
    """The actor named, a verb of the promised act done (not negated, not future, not hedged) and a
    content word of the promise in the same sentence: a report in other words ("hands the first
    sedans to buyers" for "begin deliveries of the Zephyr"). An editor decides."""
    p = ctx.p
    if not p.action_classes or actor_strength(p, s) <= 0 or hedge(s, None, p) or s.speculative or ctx.conflict:
        return []
    worded = ctx.required_ok and bool((s.stems | ctx.r.stems) & _own_words(p))
    for ev in s.events:
        if ev.negated or ev.future or foreign_subject(ctx, s, ev.pos) or not own_act(ctx, s, ev.pos):
            continue
        if not _past_form(s, ev) and _dated_ahead(s, ev, ctx.published):
            continue  # "sales end on 31 December": a schedule, not the act done
        if worded and (ev.classes & p.action_classes or (ev.inchoative and _compat(p, ev)[0] == "fulfilment")):
            return [_for_editor("fulfilment", rel, s, ev.text,
                                "the promised act in other words: check it is this promise", ev.pos)]
        if not worded and _actor_owned_subject(ctx, s, ev.pos) and _compat(p, ev)[0] == "fulfilment":
            # "Vantor's hybrid console hits shelves" for "release the Lumo": the actor's thing, described
            return [_for_editor("fulfilment", rel, s, ev.text, _DESCRIBED, ev.pos)]
    return []


_DESCRIBED = "the actor's own thing, described, not named: check it is this promise"


def _actor_owned_subject(ctx: _Context, s: Sentence, pos: int) -> bool:
    """The event's subject is the actor's thing described, not named: "Acme's new consoles", "Acme's
    streaming service" (the possessive actor, then lower-case words only, up to the verb)."""
    before = [t for t in s.toks[:pos] if not t.punct]
    for k, t in enumerate(before):
        if t.text[-2:] in ("'s", "\u2019s") and t.stem in ctx.p.actor_stems:
            rest = before[k + 1:]
            return 0 < len(rest) <= 4 and all(not x.cap and x.number is None for x in rest)
    return False


_TITLES = frozenset("president king queen prince princess mayor governor premier chancellor emperor".split())


def _ceremonial(ctx: _Context, who: str) -> bool:
    """Is ``who`` introduced in the item by a title of state or office ("President Arlo Venn", "Mayor
    Jo Bly", "Prime Minister ...")? Such a person opens things for their owners."""
    for sent in ctx.r.sents:
        for k, t in enumerate(sent.toks):
            if t.text == who and any(x.low in _TITLES or x.low == "minister" for x in sent.toks[max(0, k - 3):k]):
                return True
    return False


def _agent_subject(s: Sentence, pos: int) -> bool:
    """Is the word before the verb an organisation ("Acme's interior ministry launched ..."): an agent of
    the actor doing something, not the actor's thing arriving?"""
    head = next((t for t in reversed(s.toks[:pos]) if not t.punct), None)
    return head is not None and head.low in ORG_NOUNS


def headline_by_actor(ctx: _Context, s: Sentence, ev: Event) -> bool:
    """A terse headline whose subject is the actor and whose object the body names.

    "Acme opens its doors in Lisbon" over a body about Acme's first Lisbon
    store: the verb has no object of its own (or only the promise's words), the
    actor is named in the headline, and the item as a whole names the object.
    """
    if not s.is_title or actor_strength(ctx.p, s) <= 0 or not ctx.item_head or ctx.item_cov < 0.5:
        return False
    around = [*subject_window(s, ev.pos), *object_window(s, ev)]
    foreign = [t for t in around if t.stem not in ctx.p.vocab and t.stem not in lx.GENERIC
               and (not t.cap or t in object_window(s, ev))]  # "Dubai opens Green Line": another named thing
    return not foreign


_FIGURE = re.compile(
    r"(?:[$\u20ac\u00a3\u00a5]\s?)?(\d[\d,]*(?:\.\d+)?)\s?(thousand|million|billion|trillion|bn|m)?\s?"
    r"(dollars|euros|pounds|yen|yuan|francs|crowns|kronor|rupees|percent|per\s+cent|%)?", re.I)


@lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[tuple[float, bool], ...]:
    """Amounts named in ``text`` as (value, is a percentage); bare numbers and years are not amounts.
    Cached: a promise's own figures are asked for by every sentence of every item it meets."""
    out = []
    for m in _FIGURE.finditer(text):
        scale, unit = (m.group(2) or "").lower(), (m.group(3) or "").lower()
        money = bool(scale) or m.group(0)[:1] in "$\u20ac\u00a3\u00a5" or (unit and unit[0] not in "p%")
        share = unit.startswith("per") or unit == "%"
        if money or share:
            out.append((float(m.group(1).replace(",", "")) * SCALES.get(scale, 1), share))
    return tuple(out)


def _figure_met(p: Profile, s: Sentence) -> bool:
    """A promised figure ("revenue of about 5.7 billion dollars", "a margin of 18 to 20 percent")
    reported as reached: the sentence names the same measure and an amount of the same kind no
    lower than the promise's lowest (3% short still rounds to "about") and not wildly above it."""
    measures = _measures(p)
    if not measures or not measures & s.stems:
        return False
    promised = _figures(p.doc.what)
    if not promised:
        return False
    low, high = min(v for v, _ in promised), max(v for v, _ in promised)
    share = promised[0][1]
    if _other_period(p.doc.quote or p.doc.what, s.text):
        return False  # third-quarter revenue does not meet a first-quarter forecast
    return any(is_share == share and 0.97 * low <= v <= 1.5 * high for v, is_share in _figures(s.text))


_PAST_COPULA = frozenset({"was", "were"})
_OUTLOOK = lx._stems("will would expect expects expected forecast forecasts guidance guide guided project "
                     "projects projected outlook target targets aim aims could may might")


_NOT_YET = re.compile(r"\b(?:not|never|no\s+longer|yet\s+to)\b", re.I)
# "become carbon neutral", "go all-electric", "make our offices carbon neutral"
_COPULAR = re.compile(r"(?:be|become|go|make)\s", re.I)
_NOW_STATE = re.compile(r"\b(?:(?:is|are)\s+now|now\s+(?:is|are)|became|(?:has|have|had)\s+(?:now\s+)?become|"
                        r"(?:was|were)\s+declared|declared?s?(?=\s+\w+\s+\w+))\b", re.I)
# a promise that the whole of something will be so: "all the paper we use will be recycled", "every bus
# will run on batteries", "100 percent of our cocoa": a state, whatever its verb
_WHOLE = re.compile(r"\b(?:all|every|100\s*(?:%|percent|per\s+cent))\b", re.I)
# "all its paper now comes from recycled stock", "every bus now runs on batteries": a present-tense verb after "now"
_NOW_VERB = re.compile(r"\bnow\s+(?P<verb>[a-z]+)\b")


def _state_reached(p: Profile, s: Sentence) -> re.Match[str] | None:
    """A promise to be in a state ("become carbon neutral", "have all the paper we use come from recycled
    stock"), and a report that the state now holds ("is now carbon neutral", "had become carbon neutral",
    "declares rural areas free of ...", "all its paper now comes from ..."), unnegated."""
    what = p.doc.what or ""
    whole = _WHOLE.search(what) is not None
    if not (_COPULAR.match(what) or whole) or s.speculative:
        return None
    m = _NOW_STATE.search(s.text)
    if m is None and whole:
        m = next((x for x in _NOW_VERB.finditer(s.text) if _present_state_verb(x.group("verb"))), None)
    if m is None or _NOT_YET.search(s.text[max(0, m.start() - 20):m.end() + 12]):
        return None
    after = frozenset(t.stem for t in tokenize_cached(s.text[m.end():]))
    words = {x for t in p.terms for x in t.stems if x not in lx.GENERIC}
    # the state after the marker, the thing in it anywhere ("its UK offices had become carbon neutral")
    return m if words & after and len(words & s.stems) >= max(1, (2 * len(words) + 2) // 3) else None


_SAYING = lx._stems("say says said tell tells claim claims plan plans intend intends want wants hope hopes")


def _present_state_verb(word: str) -> bool:
    """"comes", "run", "uses": a verb of how things are, not of what is planned or said ("now expects",
    "now plans", "now says", "now aims") and not an adverb or a participle ("now fully", "now delayed")."""
    w = stem(word)
    return not (w in _OUTLOOK or w in lx.DELAY_WORDS or w in lx.STOPWORDS or word.endswith(("ly", "ed", "ing"))
                or w in _SAYING)


def _reported_figure(s: Sentence) -> bool:
    """A figure stated as a past result ("revenue was ..."), not as an outlook ("expects revenue of ...")."""
    lows = {t.low for t in s.toks}
    return bool(lows & _PAST_COPULA) and not s.stems & _OUTLOOK


def _measures(p: Profile) -> frozenset[str]:
    """The measures a promised figure is read in ("revenue", "margin"), from the promise's own words."""
    return (p.vocab & lx.METRICS) - lx.GENERIC


def _measure_pos(p: Profile, s: Sentence) -> int:
    measures = _measures(p)
    return next((k for k, t in enumerate(s.toks) if t.stem in measures), 0)


_QUARTER = re.compile(r"\b(?:(first|second|third|fourth)[- ]quarter|q([1-4]))\b", re.I)
_QUARTERS = {"first": "1", "second": "2", "third": "3", "fourth": "4"}
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _other_period(promise: str, sentence: str) -> bool:
    """The sentence reports a figure for another quarter or year than the promise named."""
    def quarters(text: str) -> set[str]:
        return {_QUARTERS.get((m.group(1) or "").lower(), m.group(2)) for m in _QUARTER.finditer(text)}
    ours, theirs = quarters(promise), quarters(sentence)
    if ours and theirs and not ours & theirs:
        return True
    years, their_years = set(_YEAR.findall(promise)), set(_YEAR.findall(sentence))
    return bool(years and their_years and not years & their_years)


def _short_of_target(p: Profile, s: Sentence, ev: Event) -> bool:
    """"reaches about 18,000 a day" against a promise of 100,000: the amount right after a verb
    of reaching, read as a quantity, is below every amount promised."""
    if "reach" not in ev.classes or not p.targets:
        return False
    for k in range(ev.pos + 1, min(len(s.toks), ev.pos + 6)):
        t = s.toks[k]
        if t.number is None or (1900 <= t.number <= 2100 and "," not in t.text):
            continue
        value, _ = scaled(t.number, list(s.toks[k + 1:k + 2]))
        return all(value < target.value for target in p.targets if not target.percent) and any(
            not target.percent for target in p.targets)
    return False


def _amount_named(p: Profile, r: ItemReading) -> bool:
    """The item names an amount at least as large as one promised (a year is no amount)."""
    counts = [t.value for t in p.targets if not t.percent and MONEY_UNIT not in t.units]  # sums: ctx.complete
    shares = [t.value for t in p.targets if t.percent]
    for s in r.sents:
        for k, t in enumerate(s.toks):
            if t.number is None or (1900 <= t.number <= 2100 and "," not in t.text):
                continue
            value, after = scaled(t.number, list(s.toks[k + 1:k + 2]))
            is_share = bool(after) and after[0].low in {"percent", "%", "per"}
            if is_share and any(value >= v for v in shares):
                return True
            if not is_share and any(value >= c.value and _counts_units(s.toks[k + 1:k + 4], c.units) for c in p.targets
                                    if not c.percent and MONEY_UNIT not in c.units):
                return True
    return False


# A completion that covers the whole amount ("completes", "met its target"), not one more thing opened or ready
# ("opens its doors", "now in service" is one store, one train)
_ALL_DONE = re.compile(r"complet|finish|\bmet\b|\bmeets?\b|meeting|achiev|reported the promised figure", re.I)


# What a number measures rather than counts: "a 400,000-square-foot store", "a 1,000-seat hall"
_MEASURES = UNIT_NOUNS | lx._stems("square foot feet metre metres meter meters seat seats year years day days hour "
                                   "hours minute minutes inch inches storey storeys floor floors")


def _counts_units(after: list[Token], units: frozenset[str]) -> bool:
    """Do the words after a number count the promised units ("25 stores", "25 new stores", a bare "25."),
    rather than measure something ("400,000-square-foot outlet") or count something else ("1,000 items")?"""
    words = [t for t in after if not (t.punct and t.text == "-")]
    if not words or words[0].punct or words[0].stem in lx.STOPWORDS:
        return True  # "opened its 25th", "25 by 2026": nothing else counted
    for t in words:
        if t.stem in units:
            return True
        if t.stem in _MEASURES:
            return False
    return False


def _another_kind(p: Profile, s: Sentence) -> bool:
    """The sentence names the promised head with another modifier than the promise's own."""
    if not _head_modifiers(p):
        return False
    toks = s.toks

    def ours(k: int) -> bool:  # "coal-fired" is the promise's "coal"; "certified and fair-trade" its "certified"
        if toks[k].stem in p.vocab or (toks[k].joined and k > 0 and ours(k - 1)):
            return True
        return k > 1 and toks[k - 1].low in ("and", ",", "or") and _modifier(toks[k - 2]) and ours(k - 2)

    return any(t.stem in p.head and k and _modifier(toks[k - 1]) and not ours(k - 1) for k, t in enumerate(toks))


def _head_modifiers(p: Profile) -> set[str]:
    """The promise's own modifiers of its head ("battery" in "build a battery plant")."""
    words = [t for t in tokenize_cached(p.object_text) if not t.punct]
    return {words[k - 1].stem for k, t in enumerate(words) if k and t.stem in p.head and _modifier(words[k - 1])}


# How much of an act, not which kind: "volume production" is the promised "chip production" at scale.
_DEGREES = lx._stems("mass volume full commercial serial series regular")


def _modifier(t) -> bool:  # noqa: ANN001 - a Token
    return (not t.cap and not t.punct and t.number is None and t.ordinal is None and t.stem not in lx.GENERIC
            and t.stem not in lx.STOPWORDS and t.stem not in lx.DETERMINERS and t.low not in ("first", "new")
            and t.stem not in _DEGREES)


def _instead_of_ours(ctx: _Context, s: Sentence) -> int | None:
    """Where the actor says it will do something "rather than" / "instead of" the promised act, object or place
    ("Rather than removing the cookies, the browser will ...", "moved production to Peru rather than Chile"):
    the promise given up for another course. A date after it is a delay, read elsewhere."""
    p = ctx.p
    if actor_strength(p, s) <= 0 and ctx.item_actor <= 0:
        return None
    ours = ({x for t in p.terms if t.weight >= 1.0 for x in t.stems} | set(p.head) | p.place_stems) - lx.GENERIC
    for i in range(len(s.toks) - 2):
        if (s.toks[i].low, s.toks[i + 1].low) not in (("rather", "than"), ("instead", "of")):
            continue
        window = []
        for t in s.toks[i + 2:i + 8]:
            if t.punct:
                break
            window.append(t)
        if any(t.number is not None or t.low in MONTHS for t in window):
            continue  # "in 2027 instead of 2026": a new date
        acts = lx.verb_classes(*(t.stem for t in window[:1]))
        if {t.stem for t in window} & ours or acts & p.action_classes:
            return i
    return None


_TITLE_WORDS = frozenset("ceo cfo coo chairman chair chairwoman president minister mayor secretary chief".split())


def _another_name(p: Profile, t: Token) -> bool:
    """A capitalised word that names something the promise does not (not a month, a weekday or a title)."""
    return t.cap and t.text[:1].isalpha() and t.stem not in p.vocab and t.low not in MONTHS \
        and t.low not in WEEKDAYS and t.low not in _TITLE_WORDS


def _moved_instead(ctx: _Context, s: Sentence, rel: float) -> Reading | None:
    """A cancellation cue beside a slip to a later date in the same sentence ("gives up on its 2027 opening, now
    sees 2034 or later", "scraps the 2025 date and aims for 2028"): what is given up is the date, so the sentence
    reports a delay, read at the slip's own cue."""
    if any(_another_name(ctx.p, t) for t in s.toks[1:]):
        return None  # another name in the sentence may be what slips ("scraps the line, pushes the Dellan depot")
    for cue in (c for c in s.cues if c.kind == "delay" and c.active and not c.negated):
        reading = _delay(ctx, s, rel, cue.text, cue.end)
        if reading.kind == "delay" and reading.new_due is not None:
            return reading
    return None


def _own_plan_dropped(ctx: _Context, s: Sentence, cue) -> bool:  # noqa: ANN001 - a reading.Cue
    """The actor, named as the subject, drops something named with a content word of the promise's object.

    "We" in an item that names the actor is the actor ("Why we're no longer pursuing the Harrow Quay
    project" over a post by its chief executive); the thing dropped may also be the subject of a
    predicate cue ("the Kelby scheme is dead and buried")."""
    referred = _we_before(s, cue.pos) or _refers_back(s, cue.pos)
    named = actor_strength(ctx.p, s) > 0 or (ctx.item_actor > 0 and referred)
    if not named or not own_act(ctx, s, cue.pos):
        return False
    window = [t for t in s.toks[cue.end:cue.end + 8] if not t.punct]
    if _predicate_cue(s, cue.pos):
        window = _predicate_subject(s, cue.pos) + window
    if any(_another_name(ctx.p, t) and not (countries_of_adjective(t.text) or government_of(t.text)) for t in window):
        # another named thing: "drops its Kelby-Farne route" for the Kelby-Orrow one (a country only says where:
        # "abandons its German factory plans" may be the Dellan factory's, for an editor to check)
        return False
    return _names_ours(ctx.p, window)


def _refers_back(s: Sentence, pos: int) -> bool:
    """The cue's subject only refers back to the organisation the item named ("the chipmaker had formally
    ended its plans", "the start-up will no longer pursue ...", "it has dropped ...")."""
    words = [t for t in s.toks[max(0, pos - 6):pos] if not t.punct and t.low not in _AUX | {"no", "longer", "not"}]
    if not words:
        return False
    last = words[-1]
    if last.joined and len(words) > 2:  # "the start-up": the tokenizer splits a hyphenated noun; read it whole
        return stem(f"{words[-2].low}-{last.low}") in REFERRING and words[-3].low in ("the", "this")
    return last.low in ("it", "they") or (last.stem in REFERRING and len(words) > 1 and words[-2].low in ("the", "this"))


def _we_before(s: Sentence, pos: int) -> bool:
    """"we" (or "we're", "we've") is the subject of the cue at ``pos``."""
    return any(t.low in ("we", "we're", "we've", "we\u2019re", "we\u2019ve") for t in s.toks[max(0, pos - 3):pos])


def _names_ours(p: Profile, toks: list[Token]) -> bool:
    """A content word of the promise's object among ``toks``."""
    return bool({t.stem for t in toks} & _own_words(p))


def _own_words(p: Profile) -> frozenset[str]:
    """The promise's own content words: its weighty object terms and head, not the generic ones."""
    return frozenset({x for t in p.terms if t.weight >= 0.5 for x in t.stems} | set(p.head)) - lx.GENERIC


def _predicate_cue(s: Sentence, pos: int) -> bool:
    """The cue is said of its subject: "the scheme is dead and buried", "the plan was scrapped"."""
    return any(t.low in ("is", "are", "was", "were", "been", "be") for t in s.toks[max(0, pos - 2):pos])


_AUX = frozenset("is are was were been be being would will has have had now officially formally finally".split())
_SPEECH = frozenset(lx._stems("say says said tell told warn warned confirm confirmed announce announced"))


def _predicate_subject(s: Sentence, pos: int) -> list[Token]:
    """The noun phrase a predicate cue is said of: "[the 75 percent goal for 2030] would be dropped"."""
    k = pos - 1
    while k >= 0 and s.toks[k].low in _AUX:
        k -= 1
    out: list[Token] = []
    while k >= 0 and len(out) < 6 and not s.toks[k].punct and s.toks[k].stem not in _SPEECH:
        out.insert(0, s.toks[k])
        k -= 1
    return out


def _said_of_ours(p: Profile, s: Sentence, pos: int) -> bool:
    """A predicate cancellation ("the Kelby scheme is dead and buried") said of this promise's thing, not of
    an event ("the opening has been called off" is a delay) or of another year's or amount's goal."""
    if not _predicate_cue(s, pos):
        return False
    subject = _predicate_subject(s, pos)
    if any(t.stem in lx.ALL_EVENT_NOUNS for t in subject) or names_another(p, subject):
        return False
    return _names_ours(p, subject)


_ENDING = frozenset({"close", "eliminate"})
_TRADING = lx._stems("trading trade")
_DEAL_WORDS = re.compile(r"\b(?:transaction|deal|acquisition|merger|takeover|purchase|buyout|sale)s?\b", re.I)


def _would_of_another(ctx: _Context, s: Sentence, pos: int) -> bool:
    """"A council proposal would scrap the depot": a hypothetical of something that is not the actor
    (the actor's own "said it would scrap" names it or refers to it with a pronoun)."""
    if not any(t.low == "would" for t in s.toks[max(0, pos - 2):pos]):
        return False
    subject = subject_window(s, max(0, pos - 1))
    if any(t.stem in _PROPOSALS for t in subject):
        return True
    return not any(t.low in _SUBJECT_PRONOUNS for t in subject) and actor_strength(ctx.p, s) <= 0


_SUBJECT_PRONOUNS = frozenset({"it", "we", "they", "he", "she", "i"})
_PROPOSALS = lx._stems("proposal proposals rule rules bill bills law laws motion draft measure amendment ruling")


def _ends_the_thing(p: Profile, s: Sentence, cue_end: int) -> bool:
    """A promise to end something, and a word of ending aimed at the thing itself, not at a plan."""
    if p.doc.negated or not p.action_classes & _ENDING or _DEAL_WORDS.search(p.doc.what):
        return False  # "close the transaction" completes a deal: an abandoned deal is no deal closed
    first = next((t for t in s.toks[cue_end:cue_end + 4] if t.stem not in lx.STOPWORDS | lx.DETERMINERS
                  and t.low not in ("on", "of")), None)
    return first is not None and first.stem not in lx.PLAN_NOUNS


def _another_years_plan(p: Profile, s: Sentence, cue) -> bool:  # noqa: ANN001 - a reading.Cue
    """The plan after the cue is dated to another year than the promise ("lowers its 2024 delivery target"
    against a goal for 2027)."""
    years = {t.number for t in s.toks[cue.end:cue.end + 6] if t.number is not None and 1990 <= t.number <= 2100
             and "," not in t.text}
    return bool(years) and (p.doc.due_latest is None or p.doc.due_latest.year not in years)


def _dropped_identified(ctx: _Context, s: Sentence, cue) -> str | None:  # noqa: ANN001 - a reading.Cue
    """What in the words after a cancellation cue identifies this promise: a name of its object
    (not the actor's), its deadline's year, or its amount; None when only common words are shared."""
    p = ctx.p
    window = [t for t in s.toks[cue.end:cue.end + 8] if not t.punct]
    if names_another(p, [*s.toks[max(0, cue.end - 1):cue.end], *window]):
        return None  # "drops its goal of selling only electric cars" is not "invest 40 billion"
    stems = frozenset(t.stem for t in window)
    # the actor's names, and places: one plant or city hosts many promises
    common = p.actor_stems | p.place_stems
    if any(t.proper and not set(t.stems) & common and term_present(t, window, stems) for t in p.terms):
        return "name"
    if p.doc.due_latest and any(t.number == p.doc.due_latest.year and "," not in t.text for t in window):
        return "year"
    amounts = {t.value for t in p.targets}
    if amounts and any(t.number is not None and scaled(t.number, window[k + 1:k + 2])[0] in amounts
                       for k, t in enumerate(window)):
        return "amount"
    return None


def _no_date(ctx: _Context, s: Sentence) -> bool:
    """The sentence names no period at all ("this year", "until 2027", "in March")."""
    return new_target(s.text, ctx.published)[0] is None


_PERMITTING = frozenset("let lets allow allows allowed permit permits permitted authorise authorize license".split())


def _permission_before(s: Sentence, pos: int) -> bool:
    """A verb of permission governs the act at ``pos`` ("would not let Vantor open", "will not allow it to
    open"): the negation is another body's refusal."""
    return any(t.low in _PERMITTING for t in s.toks[max(0, pos - 5):pos])


def own_act(ctx: _Context, s: Sentence, pos: int) -> bool:
    """Is the actor (or nobody else) the subject of the cue at ``pos``? Capitalised names before it
    must be the actor's or the promise's own; a sentence-initial capital counts too."""
    if pos < 0:
        return True
    names = ctx.p.actor_stems | ctx.p.vocab | lx.NAME_SUFFIXES  # "Acme and Borvik Group": the suffix names nobody else
    subject = subject_window(s, pos)
    dateline = s.toks[:dateline_end(s.toks)]
    return not [t for t in subject if t.cap and t.text[:1].isalpha() and t.stem not in names
                and t.low not in MONTHS and t.low not in WEEKDAYS and not any(t is d for d in dateline)
                and not office_holder(ctx, t) and not attributive(ctx, s, t, pos)]


def places_named(p: Profile, r: ItemReading, *, broad: bool = False) -> bool:
    """The item names one of the places the promise is about ("in Lisbon", "between A and B"), if any.

    ``broad``: the widest part of a place is enough ("Mexico" for "Toluca, Mexico"): news of a plan
    dropped or moved names the country or state more often than the town.
    """
    if not p.places:
        return True
    return any(all(x in r.stems for x in place) or (broad and place[-1] in r.stems)
               or any(all(x in r.stems for x in country) for country in _countries_of_region(place))
               or any(all(x in r.stems for x in region) for region in _regions_holding(place))
               for place in p.places)


@lru_cache(maxsize=256)
def _regions_holding(place: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The stems of every region the country ``place`` lies in: "reached stores across North America" names
    the United States and Canada of a launch promised there."""
    holding = []
    for name in region_names():
        if any(tuple(stem(w) for w in c.lower().split()) == place for c in region_countries(name)):
            holding.append(tuple(stem(w) for w in name.split()))
    return tuple(holding)


def _region_named(place: tuple[str, ...]) -> str | None:
    """The region whose name the stems ``place`` spell ("europe" -> "europe"), or None."""
    return next((n for n in region_names() if tuple(stem(w) for w in n.split()) == place), None)


@lru_cache(maxsize=256)
def _governments_of_region(place: tuple[str, ...]) -> frozenset[str]:
    """The national governments of the countries in the region ``place`` names ("Europe": Austria's, ...)."""
    name = _region_named(place)
    return frozenset(g for c in region_countries(name) for g in governments_named(c.split())) if name else frozenset()


@lru_cache(maxsize=256)
def _countries_of_region(place: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The stems of every name of the countries in the region ``place`` names ("launch across the Nordics" is
    kept by news of any country in it); empty for a place that is no region."""
    name = _region_named(place)
    return tuple(tuple(stem(w) for w in c.lower().split()) for c in region_countries(name)) if name else ()


# A state for a while only: "closed for maintenance", "shut temporarily", "opened for two weeks"
_TEMPORARY = re.compile(r"\b(?:temporarily|for\s+(?:maintenance|repairs?|refurbishment|renovation|inspection)|"
                        r"(?:clos|shut|halt|suspend|paus)\w*\b[^.]{0,60}?\bfor\s+(?:a|one|two|three|four|five|six|"
                        r"several|a\s+few|\d+)\s+(?:days?|weeks?|months?)\b(?!\s+(?:earlier|later|ahead|early|late))|"
                        r"until\s+further\s+notice)", re.I)


def hedge(s: Sentence, pos: int | None = None, p: Profile | None = None) -> str | None:
    """A hedge that makes a report partial: a hedging phrase anywhere in the sentence ("soft
    launch", "first phase", "some customers"), or a hedging adverb just before the verb at
    ``pos`` ("is nearly finished", "largely complete"); any such adverb when ``pos`` is None.
    A phrase the promise itself uses is what was promised ("release a beta to developers")."""
    stems = [t.stem for t in s.toks]
    for phrase in lx.HEDGE_PHRASES:
        if p is not None and all(x in p.vocab for x in phrase if x not in lx.STOPWORDS):
            continue
        if find_phrase(stems, phrase) >= 0:
            return " ".join(phrase)
    temporary = _TEMPORARY.search(s.text)
    if temporary and not (p is not None and _TEMPORARY.search(f"{p.doc.what} {p.doc.quote or ''}")):
        return temporary.group(0)  # "closed the plant for two weeks of maintenance": not for good
    late = late_span(s.toks) if s.late_done else None
    start = 0 if pos is None else max(0, pos - 3)
    window = s.toks[start:] if pos is None else s.toks[start:pos]
    # "nearly three years later than planned" measures the delay, it does not hedge the act
    return next((t.text for k, t in enumerate(window, start) if t.stem in lx.HEDGE_WORDS
                 and not (late and late[0] - 2 <= k < late[0])), None)


def _compat(p: Profile, ev: Event) -> tuple[str | None, float, str]:
    """How the item's verb relates to the promised action: fulfilment, progress or opposite (None)."""
    if ev.canon == "*":
        return "fulfilment", 0.92, "completion"
    if ev.inchoative:
        comp = ev.complement
        comp_classes = lx.act_classes(comp)
        if p.inchoative and (comp & p.inchoative or (comp_classes & lx.act_classes(p.inchoative)) - {"start"}):
            return "fulfilment", 0.95, "began the promised action"  # "began mass production" for "begin producing"
        if p.inchoative and comp_classes & lx.implied_by(lx.act_classes(p.inchoative)) \
                and not (comp & lx.PROGRESS_WORDS) - p.vocab:
            return "fulfilment", 0.85, "began an act that implies the promised one"  # deliveries begun: produced
        if not p.inchoative and comp_classes & p.action_classes and not (comp & lx.PROGRESS_WORDS) - p.vocab:
            return "fulfilment", 0.9, "began the promised action"
        if not p.inchoative and any(lx.KIN[a] & comp_classes for a in p.action_classes) \
                and not (comp & lx.PROGRESS_WORDS) - p.vocab:
            # "began rolling out X to subscribers" for "deliver X to subscribers": a kin act begun
            return "fulfilment", 0.85, "began the promised act in other words"
        if "list" in p.action_classes and comp & _TRADING:
            return "fulfilment", 0.9, "began trading: listed"  # "Quenby Foods starts trading" for "spin off Quenby Foods"
        if not comp and "start" in p.action_classes:
            return "fulfilment", 0.8, "began"
        if p.inchoative and comp and comp <= p.head:
            return "fulfilment", 0.9, "the promised thing began"  # "the toll began" for "start charging a toll"
        return "progress", 0.8, f"began {'/'.join(sorted(comp)) or 'work'}, not the promised action"
    if not p.action_classes:
        return "fulfilment", 0.85, "an event (promise has no known action)"
    if p.inchoative and ev.classes & lx.act_classes(p.inchoative) and ev.first:
        # "flies its first commercial mission" for "begin commercial spaceflights": the first of them has begun them
        return "fulfilment", 0.9, "the first of the promised acts"
    if "reach" in ev.classes and p.targets:
        return "fulfilment", 0.92, "reached the promised amount"
    if p.inchoative and ev.canon in _OPENS and lx.act_classes(p.inchoative) & {"build"}:
        # "opens the Dellan plant" for "begin construction of the plant": begun long before, on a day not given
        return "progress", 0.8, "opened: the promised start came earlier, on a day the item does not give"
    if ev.classes & p.action_classes == {"start"} and p.action and "start" not in lx.act_classes(frozenset({p.action})):
        # "the first jet rolls out" for "make its maiden flight": only the "first" is shared, not the act
        return "progress", 0.8, f"a first step ({ev.text}), not the promised {p.action}"
    if ev.classes & p.action_classes or (p.action_classes & {"build", "replace"} and ev.canon in _OPENS):
        return "fulfilment", 0.95, "the promised action"
    for a in p.action_classes:
        for b in ev.classes:
            if (a, b) in lx.OPPOSITES:
                return None, 0.0, f"the opposite action ({ev.text})"
    if any(lx.KIN[a] & ev.classes for a in p.action_classes):
        return "fulfilment", 0.9, f"the promised act in other words ({ev.text})"  # "launch" kept by "ships"
    if lx.implied_by(p.action_classes) & ev.classes:
        return "fulfilment", 0.85, f"implied done ({ev.text})"  # the first trucks handed over were produced
    return "progress", 0.8, f"another action on the object ({ev.text})"


def _dated_ahead(s: Sentence, ev: Event, published: dt.date) -> bool:
    """A present tense with a day or a period after the item's date is a schedule: "sales start on March 3"
    written in February, "the park opens on 3 June 2027", "opens in June 2027"."""
    if names_a_day_ahead(s.text, published):
        return True
    try:  # a period that begins after the item's date ("in June 2027"), not one that holds it ("this year")
        found = find_deadline(s.text[_char_offset(s, ev.pos):])
        start = resolve_deadline(_UNTIL.sub("", found.phrase), published).earliest if found else None
    except DeadlineError:
        return False
    if found and re.search(rf"\b{published.strftime('%A')}\b", found.phrase, re.I):
        return False  # "available from Monday" in Monday's news: today
    return start is not None and start > published


def _past_form(s: Sentence, ev: Event) -> bool:
    """Is the event's verb in a past form ("opened", "began", "has opened")?"""
    first = s.toks[ev.pos].low
    before = s.toks[ev.pos - 1].low if ev.pos > 0 else ""
    return first.endswith("ed") or (first in IRREGULAR and first not in PRESENT_IRREGULAR) \
        or before in ("has", "have", "had", "was", "were")


def _future(ctx: _Context, s: Sentence, rel: float, ev: Event) -> Reading:
    """"X will do it in <date>": a delay when the date is after the deadline, else a restatement."""
    due = ctx.p.doc.due_latest
    phrase, new_due = new_target(s.text[_char_offset(s, ev.pos):], ctx.published)
    if ctx.decisive_ok and _after_the_deadline(s, phrase, new_due, due, ctx.published):
        return Reading("delay", rel * 0.85, s, ev.text, [f"announced for {phrase}, after the deadline {due}"],
                       ev.pos, new_due, phrase)
    return Reading("mention", rel * 0.55, s, ev.text, ["announces it will happen (not done yet)"], ev.pos)


# The actor giving the act a (new) date: "targets", "eyes", "sets", "now aims for", "plans"
_PLANS = re.compile(r"\b(?:targets?|targeted|eyes|eyeing|sets|aims?|aiming|plans?|planning|schedules?|pencils?|"
                    r"confirms?|confirmed)\b[^,;]{0,60}$", re.I)
# A schedule after an act noun: "launch set for July 2028", "first deliveries slated for spring"
_SET_FOR = frozenset({"set", "scheduled", "slated", "planned", "targeted", "pencilled", "penciled", "due", "expected"})


def _scheduled_act(ctx: _Context, s: Sentence, rel: float) -> Reading | None:
    """The promised act named as a noun with a date ("launch set for July 2028", "targets an October 2027
    launch", "a 2028 opening"): a delay when the date falls after the deadline (:func:`_future` for verbs)."""
    due = ctx.p.doc.due_latest
    if due is None or ctx.p.doc.negated:
        return None
    toks = s.toks
    for k, t in enumerate(toks):
        if t.number is not None or not (lx.noun_classes(frozenset({t.stem})) & ctx.p.action_classes):
            continue
        after = toks[k + 1:k + 4]
        if len(after) >= 2 and after[0].low in _SET_FOR and after[1].low in ("for", "in"):
            dated = s.text[_char_offset(s, k + 1):]  # "launch set for July 2028"
        elif after and after[0].low == "now" and len(after) >= 3 and after[1].low in _SET_FOR \
                and after[2].low in ("for", "in"):
            dated = s.text[_char_offset(s, k + 2):]
        elif k and any(x.number is not None and 1900 <= x.number <= 2100 for x in toks[max(0, k - 3):k]):
            # "an October 2027 launch", "for 2028 launch", "eyes 2028 opening": the date that modifies the act
            first = next(j for j in range(max(0, k - 3), k) if toks[j].low in MONTHS or toks[j].number is not None)
            dated = " in " + s.text[_char_offset(s, first):_char_offset(s, k)]
        elif len(after) >= 2 and after[0].low in ("in", "for", "on") and _PLANS.search(s.text[:_char_offset(s, k)]):
            dated = s.text[_char_offset(s, k + 1):]  # "targets the tram opening in 2028", "eyes a launch in May 2028"
        else:
            continue
        phrase, new_due = new_target(dated, ctx.published)
        if _after_the_deadline(s, phrase, new_due, due, ctx.published):
            return Reading("delay", rel * 0.85, s, t.text, [f"the {t.text} dated {phrase}, after the deadline {due}"],
                           k, new_due, phrase)
    return None


def _after_the_deadline(s: Sentence, phrase: str | None, new_due: dt.date | None, due: dt.date | None,
                        published: dt.date) -> bool:
    """A date named for the promised act that falls after its deadline: neither a period holding the deadline
    nor a date brought forward."""
    return new_due is not None and due is not None and new_due > due and not _brought_forward(s) \
        and not _covers(phrase, published, due)


def _covers(phrase: str | None, published: dt.date, due: dt.date) -> bool:
    """The period named contains the deadline ("in July" for "by July 1"): a restatement, not a slip."""
    try:
        window = resolve_deadline(_UNTIL.sub("", phrase or ""), published)
    except DeadlineError:
        return False
    return window.earliest is not None and window.earliest <= due <= window.latest


def _delay_cue(ctx: _Context, s: Sentence, rel: float, cue, decisive_here: bool) -> Reading | None:  # noqa: ANN001
    """A delay cue aimed at this promise, or None.

    The item as a whole names the promise (``decisive_here``) and the cue's own words are about
    its object; or, for a promise the item covers thinly, the words around the cue name the thing
    and its act (:func:`delay_names_ours`): then the sentence counts as naming the object, and
    the actor named in it or in the item does the rest.
    """
    if cue.text.lower().startswith("halt") and (ctx.p.action in _HALTS or "eliminate" in ctx.p.action_classes):
        return None  # "has halted deforestation" for a promise to halt it: done, not paused
    if other_amount(ctx.p, slip_object(s, cue.end)):
        return None  # "postpones $12 billion of EV spending" against a target of 600,000 vehicles
    if other_thing_dropped(ctx.p, list(s.toks[cue.end:cue.end + 10])):
        return None  # "delays the depot canteen": another thing at the promised one slips
    named_act = [t for t in s.toks[cue.pos:cue.end] if t.stem not in lx.DELAY_WORDS | SHIFT_VERBS]  # "launch date"
    if slip_undoes(ctx.p, [*slip_subject(s, cue.pos), *named_act, *slip_object(s, cue.end)]) \
            or _undoing_verb(ctx.p, s, cue.pos, cue.end) or _brought_forward(s):
        return None  # "the depot closure is delayed"; "now expects to open it a year earlier than planned"
    shifted = s.toks[cue.pos].stem not in SHIFT_VERBS or moves_to_a_period(s.toks, cue.pos)
    # not "approves the club's move to the north", "began moving trains to the new depot"
    whose = delay_names_ours(ctx, s, cue.pos, cue.end) if shifted else None
    actor = max(actor_strength(ctx.p, s), 0.9 * ctx.item_actor, 0.75 if whose == "product" else 0.0)
    named_rel = max(rel, 0.6 * 0.85 + 0.4 * actor)
    if decisive_here and not foreign_subject(ctx, s, cue.pos) and delay_target_ok(ctx, s, cue.pos, cue.end):
        reading = _delay(ctx, s, named_rel if whose in ("own", "product") else rel, cue.text, cue.end)
        # the thing named by its own name speaks for the actor here as below
        reading.target_named = whose in ("own", "product")
        reading.product_named = whose == "product"
        return reading
    if whose is None:
        return None
    reading = _delay(ctx, s, named_rel, cue.text, cue.end)
    reading.target_named = True
    reading.product_named = whose == "product"
    if whose == "review":
        reading.review_only = True
        reading.notes.append("another name stands beside the thing that slips: check it is this promise")
    return reading


_HALTS = lx._stems("halt stop end")
# a miss still to come ("will miss", "is set to miss"), and a future act denied ("won't close", "could not hand over")
_MISS_AHEAD = re.compile(r"\b(?:will|would|won['\u2019]t|set\s+to|going\s+to|expects?\s+to|likely\s+to|to)\s+"
                         r"(?:\w+\s+)?$", re.I)
_WILL_NOT = re.compile(r"\b(?:will|would|can|cannot|could)\b.*\b(?:not|n['\u2019]t|never)\b|\b(?:won['\u2019]t|"
                       r"wouldn['\u2019]t|can['\u2019]t|cannot|couldn['\u2019]t)\b")
_BY_DATE = re.compile(r"\b(?:by|before|in\s+time\s+for|in|on)\s+(?=\S)", re.I)


def _miss_ahead(s: Sentence, pos: int) -> bool:
    """A miss still to come: "will miss the deadline", "is set to miss its target" (not "missed" or "fail to")."""
    word = s.toks[pos].low
    before = s.text[:_char_offset(s, pos)]
    return word.startswith("miss") and _MISS_AHEAD.search(before) is not None


def _by_the_deadline(ctx: _Context, s: Sentence, ev: Event) -> bool:
    """"won't close by January", said of a promise due in January: the words name the promise's own deadline."""
    due = ctx.p.doc.due_latest
    if due is None or not _WILL_NOT.search(" ".join(t.low for t in s.toks[max(0, ev.pos - 4):ev.pos])):
        return False  # ("failed to introduce it before the recess" is a miss reported, not announced)
    for m in _BY_DATE.finditer(s.text, _char_offset(s, ev.pos)):
        _, when = new_target(" in " + s.text[m.end():], ctx.published)
        if when is not None and abs((when - due).days) <= 62:
            return True
    return False


def _announced_miss(ctx: _Context, s: Sentence, rel: float, cue: str, end: int) -> Reading:
    """The actor says the deadline will be missed: a delay, with a new date only when one is named beyond the
    old one ("but expects it to close some time next year"); the missed date itself is no new target."""
    due = ctx.p.doc.due_latest
    rest = s.text[_char_offset(s, end):] if end < len(s.toks) else ""
    later = [rest] + [o.text for o in ctx.r.sents if o is not s  # "... expects it to close in 2027 instead"
                      and any(ev.future and not ev.negated and ev.classes & ctx.p.action_classes for ev in o.events)]
    phrase, new_due = None, None
    for text in later:
        phrase, new_due = _future_target(text, ctx.published)
        if new_due is not None and (due is None or new_due > due + dt.timedelta(days=62)):
            break  # (not the deadline being missed, named again)
        phrase, new_due = None, None
    note = f"new target: {phrase} (by {new_due})" if new_due else "the deadline will be missed; no new date given"
    return Reading("delay", rel * (0.97 if new_due else 0.92), s, cue, [note], new_due=new_due, new_phrase=phrase)


def _brought_forward(s: Sentence) -> bool:
    """"now expects to finish by 2028, two years earlier than planned": a date moved the other way."""
    stems = [t.stem for t in s.toks]
    return any(find_phrase(stems, phrase) >= 0 for phrase in lx.AHEAD_PHRASES)


def _undoing_verb(p: Profile, s: Sentence, pos: int, end: int) -> bool:
    """"will not raise fares until 2027" against a promise to cut them: the cue's verb undoes the act."""
    for t in s.toks[pos:end]:
        classes = lx.verb_classes(t.stem)
        if classes and not classes & p.action_classes and any(
                (a, b) in lx.OPPOSITES for a in p.action_classes for b in classes):
            return True
    return False


_BY_DURATION = re.compile(r"^[^.;]{0,60}?\b((?:by|for)\s+(?:(?:about|around|some|another|a\s+further)\s+)?"
                          r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                          r"(day|week|month|year)s?)\b", re.I)


def _by_duration(text: str, due: dt.date | None) -> tuple[str | None, dt.date | None]:
    """"delays the launch by six months": the old deadline moved by that much.

    >>> _by_duration(" the depot's opening by five months", dt.date(2026, 5, 31))
    ('by five months', datetime.date(2026, 10, 31))
    >>> _by_duration(" by a year, to next summer", dt.date(2026, 6, 30))
    ('by a year', datetime.date(2027, 6, 30))
    """
    m = _BY_DURATION.search(text)
    if m is None or due is None:
        return None, None
    phrase, word, unit = m.group(1), m.group(2).lower(), m.group(3).lower()
    n = int(word) if word.isdigit() else 1 if word in ("a", "an") else int(tokenize_cached(word)[0].number or 0)
    if unit in ("day", "week"):
        return phrase, due + dt.timedelta(days=n * (7 if unit == "week" else 1))
    months = due.month - 1 + n * (12 if unit == "year" else 1)
    year, month = due.year + months // 12, months % 12 + 1
    first_after = dt.date(year + month // 12, month % 12 + 1, 1)
    return phrase, first_after - dt.timedelta(days=1)  # the slipped month's last day, as deadlines are read


def _new_date_after(ctx: _Context, s: Sentence, end: int, cue: str) -> tuple[str | None, dt.date | None]:
    """The new target named after a delay cue: a period ("to late 2027", "until 2028"), a day ("a new
    opening date of 12 May"), or a length from the old deadline ("by six months")."""
    after = s.text[_char_offset(s, end):]
    if re.search(r"\b(?:until|till|to|into|before)$", cue, re.I):  # "will not open until | October 2027"
        after = " in" + after
    after = re.sub(r"^\s*before\b", " in", after, flags=re.I)  # "not expected before 2028": 2028 itself
    after = re.sub(r"^\s*(?:of|is|was|:)\s", " in ", after, flags=re.I)  # "a new opening date of 12 May"
    if cue.lower().startswith("now "):
        after = _BARE_PERIOD.sub(" in ", after)  # "now sees 2034 or later", "now eyes late 2027": the period itself
    after = _TO_PERIOD.sub("in ", _WAS_DUE.sub("", after))  # after a slip, "to/into/for <period>" is the new one
    phrase, new_due = _future_target(after, ctx.published)
    named_before = _PERIOD_BEFORE.search(s.text[:max(0, s.text.find(cue))])
    if new_due is None and named_before and tokenize_cached(cue)[-1].stem in lx.DATE_NOUNS:
        phrase, new_due = _future_target(" in " + named_before.group(1), ctx.published)  # "a May 2028 launch date"
    by_phrase, by_due = _by_duration(after, ctx.p.doc.due_latest)
    if by_due is not None and (new_due is None or phrase.lower() in by_phrase.lower()):
        return by_phrase, by_due  # "by six months" is a length, not a deadline six months from today
    return phrase, new_due


# A period right after a delay cue, with no preposition ("now sees 2034", "now eyes early 2027")
_BARE_PERIOD = re.compile(r"^\s*(?=(?:(?:early|mid|late|the\s+end\s+of|end)[\s-]+)?(?:(?:19|20)\d\d|spring|summer|autumn|fall|"
                          r"winter|january|february|march|april|june|july|august|september|october|november|december)\b)",
                          re.I)


# "its depot, which was due to open on May 4, to October 2": the old date, not the new one
_WAS_DUE = re.compile(r"\b(?:which|that|it|they)\s+(?:was|were|had\s+been)\s+(?:originally\s+|previously\s+|"
                      r"initially\s+)?(?:due|scheduled|planned|expected|set|slated)\b[^,.;]*", re.I)


# "until at least 2029", "May 2029 at the earliest", "2029 or later", "no earlier than 2029": the period itself
_EARLIEST = re.compile(r"\s*\bat\s+the\s+earliest\b|\bat\s+least\s+(?=\S)|\s+or\s+later\b", re.I)
_NO_EARLIER = re.compile(r"\b(?:no|not)\s+(?:earlier\s+than|before)\b", re.I)
_DATELINE = re.compile(r"^[^()]{0,60}\(\w[\w ]*\)\s*[-\u2013\u2014]\s*")  # "VARNO, June 7 (Wire) - "


def _future_target(text: str, published: dt.date) -> tuple[str | None, dt.date | None]:
    """:func:`new_target` for a delay: not the old date ("which was due to open on May 4"), and
    not a period over by the day the item was written (a dateline's day)."""
    text = _NO_EARLIER.sub("in", _EARLIEST.sub("", _WAS_DUE.sub("", _DATELINE.sub("", text))))
    phrase, new_due = new_target(text, published)
    if new_due is not None and new_due <= published:
        return None, None
    return phrase, new_due


def _delay(ctx: _Context, s: Sentence, rel: float, cue: str, end: int) -> Reading:
    due = ctx.p.doc.due_latest
    phrase, new_due = _new_date_after(ctx, s, end, cue)
    if new_due is None:
        phrase, new_due = _future_target(s.text, ctx.published)
    if new_due is not None and cue.startswith("will not") and _THIS_YEAR.search(phrase or ""):
        phrase, new_due = None, None  # "will not open this year": the year missed, not the new date
    if new_due is None:
        for other in ctx.r.sents:
            for c in (c for c in other.cues if other is not s and c.kind == "delay"):
                phrase, new_due = _new_date_after(ctx, other, c.end, c.text)
                if new_due is None:
                    phrase, new_due = _future_target(other.text, ctx.published)
                if new_due is not None:
                    break
            if new_due is not None:
                break
    if new_due is not None and due is not None and new_due <= due:
        return Reading("progress", rel * 0.5, s, cue, [f"a slip to {phrase}, still inside the deadline {due}"],
                       new_due=new_due, new_phrase=phrase)
    if new_due is None and cue.lower().startswith(("rather than", "instead of", "will now", "would now")):
        return Reading("mention", rel * 0.5, s, cue, ["a change of plan without a new date: not a delay"])
    if new_due is None and sentence_quantity(ctx.p, s) == "partial":
        return Reading("delay", rel * 0.7, s, cue, ["a part of the promise slips; no date to compare"])
    strength = 0.97 if new_due is not None else 0.92
    note = f"new target: {phrase} (by {new_due})" if new_due else "no new date given (or none readable)"
    return Reading("delay", rel * strength, s, cue, [note], new_due=new_due, new_phrase=phrase)


def _token_at(s: Sentence, offset: int) -> int:
    """The index of the first token at or after character ``offset`` of ``s.text``."""
    return next((k for k in range(len(s.toks)) if _char_offset(s, k) >= offset), 0)


def _char_offset(s: Sentence, pos: int) -> int:
    """Character offset in ``s.text`` of token ``pos`` (tokens keep order; search forwards)."""
    at = 0
    for k, t in enumerate(s.toks):
        found = s.text.find(t.text, at)
        if found < 0:
            continue
        if k == pos:
            return found
        at = found + len(t.text)
    return len(s.text)


def _read_negated(ctx: _Context, s: Sentence, rel: float, eff: float) -> list[Reading]:
    """A promise not to act: the forbidden act is the "fulfilment" (a breach)."""
    p = ctx.p
    out: list[Reading] = []
    for cue in s.cues:
        if cue.kind == "cancellation" and not cue.negated and cue.active and (eff >= 0.4 or p.alias_terms & s.stems):
            if not foreign_subject(ctx, s, cue.pos) and cancel_target_ok(ctx, s, cue.end):
                out.append(Reading("cancellation", rel * 0.95, s, cue.text,
                                   ["the restriction is lifted"], cue.pos))
    if p.forbidden:
        return out + _constraint_breach(ctx, s, rel, eff)
    cov_s, _ = coverage(p, list(s.toks), s.stems)
    for ev in s.events:
        # "starts charging for bags": the act begun is the complement's
        classes = ev.classes | (lx.act_classes(ev.complement) if ev.inchoative else frozenset())
        if ev.canon == "*" or not classes & p.action_classes:
            continue
        if foreign_subject(ctx, s, ev.pos) or ev.negated:
            continue
        if cov_s < 0.9 or not ctx.decisive_ok or not event_target_ok(ctx, s, ev):
            continue  # a narrow restriction ("rural branches") needs all its words in the sentence
        if ev.future:
            if actor_strength(p, s) > 0 or ctx.item_actor > 0:
                out.append(Reading("cancellation", rel * 0.8, s, ev.text,
                                   ["announces the act it promised not to do"], ev.pos))
            continue
        out.append(Reading("fulfilment", rel * 0.95, s, ev.text,
                           ["the forbidden act happened: a breach"], ev.pos))
    if ctx.honoured and not out:
        out.append(Reading("mention", rel * 0.7, s, "honoured", ["reports the restriction honoured"]))
    return out


def _constraint_breach(ctx: _Context, s: Sentence, rel: float, eff: float) -> list[Reading]:
    """A promise of absence ("at no extra cost", "without paid loot boxes") broken by presence."""
    p = ctx.p
    hits = {t.stem for t in s.toks if t.stem in p.forbidden and t.low != "paying"}
    need = 1 if len(p.forbidden) > 4 else max(1, (2 * len(p.forbidden) + 2) // 3)
    if len(hits) < need or _COST_DENIED.search(s.text) or not ctx.required_ok or ctx.item_cov < 0.4:
        return []
    if any(t.low in lx.NEGATORS or t.low.endswith("n't") for t in s.toks):
        return []
    for ev in s.events:
        if ev.negated or ev.future:
            return []
    if any(e.future for e in s.events):
        return []
    return [Reading("fulfilment", rel * 0.85, s, "/".join(sorted(hits)),
                    ["the promised absence is broken: " + ", ".join(sorted(hits))])]


# -- new targets ---------------------------------------------------------------------------------

_RATHER = re.compile(r"\b(?:rather\s+than|instead\s+of)\b[^,.;]*", re.I)
_FROM_TO = re.compile(r"\bfrom\s+[^,.;]*?\s+(?=to\b)", re.I)


_UNTIL = re.compile(r"^(?:until|till|not\s+before)\s+", re.I)
_PERIOD_START = re.compile(r"\b(?:in|until|till|by|to)\s", re.I)
_FUTURE_FRAME = "It will happen "


def _period_after_cue(text: str) -> DeadlineMatch | None:
    """A period named after a past-tense slip ("have been pushed back in early 2027").

    The deadline finder rightly ignores dates after past-tense verbs in
    announcements; in a delay report the new target is exactly such a date, so
    each candidate is read again in a future frame.
    """
    for start in _PERIOD_START.finditer(text):
        found = find_deadline(_FUTURE_FRAME + text[start.start():])
        if found is not None and found.start == len(_FUTURE_FRAME):
            return found
    return None
# "pushed back to early 2027": a slip's "to" introduces a period, read like "in".
_PERIOD_AHEAD = (r"(?=(?:early|mid|late|the\s+(?:end|start|first|second|third|fourth|autumn|spring|summer|winter)|"
                 r"spring|summer|autumn|fall|winter|q[1-4]|h[12]|\d{4}|january|february|march|april|may|june|july|"
                 r"august|september|october|november|december|next|first|second|third|fourth|fiscal|fy|end|"
                 r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d+)\b)")  # "to Dec. 22"
_SLIP_TO = re.compile(
    r"\b(?:back|delay(?:s|ed)?|postpone[sd]?|moved|moves|move|pushed|pushes|push|slip(?:s|ped)?|defer(?:s|red)?|"
    r"reschedule[sd]?|put\s+off)"
    r"(?:\s+[\w'\u2019-]+){0,4}?\s+to\s+" + _PERIOD_AHEAD, re.I)
_PERIOD_BEFORE = re.compile(r"\b((?:(?:early|mid|late|spring|summer|autumn|fall|winter|january|february|march|april|"
                            r"may|june|july|august|september|october|november|december)[\s-]+)?\d{4})\s*$", re.I)
_TO_PERIOD = re.compile(r"\b(?:to|into|for)\s+" + _PERIOD_AHEAD, re.I)


def new_target(text: str, published: dt.date) -> tuple[str | None, dt.date | None]:
    """The first deadline phrase in ``text`` and its last day, via the deadline module.

    In a delay, "not completed until next summer" means done *during* next
    summer, so a leading "until" is read as the period itself, not the day
    before it (the reading a promise not to act needs).
    """
    cleaned = _SLIP_TO.sub(lambda m: m.group(0)[: -len("to ")] + "in ", _FROM_TO.sub("", _RATHER.sub("", text)))
    try:
        found = find_deadline(cleaned) or _period_after_cue(cleaned)
    except DeadlineError:
        return None, None
    if found is None:
        return None, None
    phrase = _UNTIL.sub("", found.phrase)
    try:
        window = resolve_deadline(phrase, published)
    except DeadlineError:
        return found.phrase, None
    return found.phrase, window.latest


# -- the match -----------------------------------------------------------------------------------

def _to_match(ctx: _Context, best: Reading) -> Match:
    p, r = ctx.p, ctx.r
    when = _event_date(ctx, best)
    if best.period_result and when != ctx.published:
        best.notes.append(f"a result for the promised period, reported later: dated at the period's end ({when})")
    cov, terms = coverage(p, list(best.sentence.toks), best.sentence.stems)
    explanation = {
        "matched_actor": p.actor_label if ctx.item_actor > 0 else None,
        "matched_terms": sorted(set(terms) | set(ctx.item_terms)),
        "cue": best.cue,
        "sentence": best.sentence.text,
        "item_date": r.item.published.isoformat() if r.item.published else None,
        "notes": best.notes,
    }
    held = held_back(ctx, best)
    if held and best.score >= REVIEW:
        explanation["held"] = held  # why an editor decides: shown with the proposal
    return Match(
        commitment_id=p.doc.id, item_id=r.item.id, score=round(min(1.0, max(0.0, best.score)), 3),
        kind=best.kind, event_date=when,
        new_due_latest=best.new_due if best.kind == "delay" else None,
        new_deadline_phrase=best.new_phrase if best.kind == "delay" else None,
        explanation=explanation, auto=held is None)


def may_decide(ctx: _Context, best: Reading) -> bool:
    """May this reading decide a verdict with nobody looking? (see :func:`held_back`)"""
    return held_back(ctx, best) is None


def held_back(ctx: _Context, best: Reading) -> str | None:
    """Why this reading may not decide a verdict with nobody looking, or None when it may.

    It may only when the item names the actor (a full name, an alias or a
    distinctive part of the name) or the promise's own product or project name,
    and the decisive sentence itself carries the cue: a verb of the act, not
    negated, not future, not hedged (that is how fulfilment readings are built),
    or a cancellation or delay phrase. Besides: no rumour in the item; a
    cancellation is the actor's own act; the promised place and object are
    named (no other kind of the thing); a promise measured by an amount is
    decided by the amount. Progress and mentions change no verdict; readings
    made on weaker ground (``review_only``) always wait for an editor. The
    reason is shown to the editor with the proposal.
    """
    if best.kind in ("progress", "mention"):
        return None
    if best.review_only:
        return "read on weaker ground"
    if ctx.item_actor <= 0 and (not (ctx.named or best.product_named) or best.kind == "cancellation"):
        # an abandonment decides only as the actor's own act, so the actor must be named
        return "the item names neither the actor nor the promise's own name"
    if any(s.speculative and (s is best.sentence or _RUMOUR.search(s.speculative)) for s in ctx.r.sents):
        # "..., according to people familiar with the matter": a report of a rumour; a modal guess elsewhere in
        # the item ("costs could rise again") leaves the decisive sentence as it is
        return "reported as a rumour or a guess"
    if best.kind == "delay" and any(_HOLDS.search(x.text) and _names_our_act(ctx.p, x) for x in ctx.r.sents):
        # "a strike delayed work by a week, but the opening is unaffected": the date holds
        return "the item also says the date holds"
    at = best.event_pos if best.event_pos >= 0 else next((c.pos for c in best.sentence.cues if c.text == best.cue), -1)
    if best.kind in ("delay", "cancellation") and _guessed_or_others(best.sentence, at):
        # "the line could be delayed", "critics said the line would not open until 2028"
        return "only called possible, or said by others"
    if best.kind == "cancellation" and not own_act(ctx, best.sentence, best.event_pos):
        return "someone else stops it"  # "the mayor withdraws support for the bridge": someone else stops it
    # news about the named thing's plans
    plans = (ctx.named or best.target_named) and best.kind in ("delay", "cancellation")
    broad = best.kind in ("delay", "cancellation")  # a plan dropped "in Mexico" is the one for "Toluca, Mexico"
    if not places_named(ctx.p, ctx.r, broad=broad) and not plans:
        return "the promised place is not named"  # the act, but in another place than promised
    if not ctx.item_head and not (plans or (ctx.named and not ctx.p.head_act)):
        # the act on another thing: "unveils the Zephyr 2" is not "opens Zephyr 2 bookings"
        return "the promised thing is not named"
    if best.kind == "fulfilment" and other_model(ctx.p, [best.sentence], best.event_pos,
                                                 _act_phrase(best.sentence, best.event_pos)):
        # "Gizmo 8 reaches stores" for "Gizmo X", whatever else the item says of Gizmo X
        return "another model or edition of the thing"
    if best.kind == "fulfilment" and _another_kind(ctx.p, best.sentence):
        return "another kind of the thing"  # "launches an online store" against "open a retail store"
    if best.kind == "fulfilment" and _other_countries(ctx.p, _place_after(best.sentence, best.event_pos)):
        return "done in other countries"  # "goes on sale in Chile and Peru" for a launch promised in Mexico
    if best.kind in ("fulfilment", "cancellation") and _done_before_the_promise(ctx.p, best.sentence, best.event_pos):
        # "its Quenby store, opened in 2019, is to close" for a store promised in 2025
        return "done before the promise was made"
    if best.kind == "cancellation" and _dropped_elsewhere(ctx.p, best.sentence, best.event_pos):
        # "scrapped its diesel engine plant" / "its battery plant in Quenby" for the Dellan battery plant
        return "another kind or place of the thing dropped"
    if best.kind in ("fulfilment", "cancellation") and _similar_name(ctx.p, best.sentence):
        # "opens at Universal Harbury" for a promise of "Universal Dellan": another body of a similar name
        return "another body of a similar name"
    if best.kind == "fulfilment" and _places_it_had(ctx.p, ctx.r):
        # "will arrive in more countries next year", and news of the launch in the countries it started in
        return "the countries it already had, not more"
    if best.kind == "fulfilment" and _at_one_site(ctx.p, best.sentence, best.event_pos):
        # "cut emissions by 50 percent at its Dellan plant" for a company-wide cut
        return "done at one site only"
    if best.kind == "fulfilment" and _only_as_a_landmark(ctx.p, best.sentence):
        # "opened a store in Dellan, near Quenby" for a store promised in Quenby
        return "the promised place is only a landmark"
    if best.kind == "fulfilment" and not ctx.p.doc.negated:
        if not ctx.p.action_classes and not best.cue_is_completion:
            # a promise whose act the lexicon does not know: any verb would do, so a person looks
            return "the promised act is not one the lexicon knows"
        whole = best.cue_is_completion and (best.period_result or _ALL_DONE.search(best.cue) is not None)
        if ctx.p.targets and not (ctx.complete or whole or _amount_named(ctx.p, ctx.r)):
            # "deliver 500,000 vans": only the amount, "met its target" or "completes" decides
            return "the promised amount is not reported"
        if best.event_pos < 0:
            return "no verb of the act in the sentence"
        if hedged := hedge(best.sentence, None, ctx.p):
            return f"hedged ({hedged})"
    return None


_SITES = lx._stems("plant site factory mill store office facility unit division depot mine refinery warehouse campus "
                   "branch hospital school")  # (stems: "plants" is a plant too)


def _similar_name(p: Profile, s: Sentence) -> bool:
    """The act happens at a site whose name holds the actor's only inside a longer name that differs from it:
    "opens at Orvo Parks Harbury" for "Orvo Parks Dellan" or its short form "Orvo" (each has a word the other
    lacks, legal suffixes aside); "Orvo Music" for "Orvo" is the actor's own, and "Orvo Go 2" its product."""
    if not p.actor_phrases:
        return False
    ours, main = p.actor_stems, p.actor_phrases[0]
    missing = set(main) - lx.NAME_SUFFIXES
    k = 0
    while k < len(s.toks):
        j = k
        while j < len(s.toks) and s.toks[j].cap and not s.toks[j].punct:
            j += 1
        if j == k:
            k += 1
            continue
        run = [t.stem for t in s.toks[k:j]]
        at = k > 0 and s.toks[k - 1].low in ("at", "in")  # a site ("opens at Orvo Parks Harbury"), not a product
        if at and set(run) & ours and set(run) - ours - lx.NAME_SUFFIXES and find_phrase(run, main) < 0 \
                and missing - set(run):
            return True
        k = j
    return False


_MORE_PLACES = re.compile(r"\b(?:more|additional|other|further|new)\s+(?:countries|markets|territories|cities|regions)\b",
                          re.I)


def _places_it_had(p: Profile, r: ItemReading) -> bool:
    """A promise to reach more countries or markets, and an item whose countries are all ones the promise's own
    sentence had already named: the first launch, not the expansion."""
    more = _MORE_PLACES.search(p.doc.quote or "")
    if not _MORE_PLACES.search(p.doc.what) or more is None:
        return False
    item = governments_named([t.text for s in r.sents for t in s.toks if not t.punct])
    # the countries named before "more countries" (after it: "and in ten more countries, including Peru" are the new)
    return bool(item) and item <= governments_named(re.findall(r"[\w'\u2019-]+", p.doc.quote[: more.start()]))


def _at_one_site(p: Profile, s: Sentence, pos: int) -> bool:
    """A figure promised for the whole actor, reported for one of its sites: "at its Dellan plant", "at one
    factory" (the promise names no site of its own)."""
    if not (p.targets or _figures(p.doc.what)) or pos < 0 or {t.stem for t in tokenize_cached(p.object_text)} & _SITES:
        return False
    after = s.toks[pos + 1:pos + 16]
    for k, t in enumerate(after):
        sites = [x for x in after[k + 1:k + 5] if x.stem in _SITES]
        if t.low in ("at", "in") and sites and not any(x.low.endswith("s") for x in sites):
            return True  # (one site: "across its plants", "at all its stores" is the whole actor)
    return False


def _other_countries(p: Profile, window: list[Token]) -> bool:
    """The words name countries, none of them the promise's (a city may lie in the promised country:
    only countries are compared; "the US" is the United States)."""
    # the capitalised run right after "in" ("in Asia and Africa on Monday, and said Europe would follow": Asia,
    # Africa; "in China on Monday, with Europe to follow": China)
    run = []
    for k, t in enumerate(window):
        if t.cap or (t.low in ("and", ",", "the") and k + 1 < len(window) and window[k + 1].cap):
            run.append(t)
        else:
            break
    window = run
    named = governments_named([t.text for t in window if not t.punct])
    in_region = {g for place in p.places for g in _governments_of_region(place)}
    if named and not named & (p.place_governments | in_region) and other_place(p, window):
        return True
    # a world region that is none of the promise's ("launched in Asia" for a launch promised in Europe)
    stems = [t.stem for t in window]
    regions = {n for n in region_names() if find_phrase(stems, tuple(stem(w) for w in n.split())) >= 0}
    ours = {_region_named(place) for place in p.places} - {None}
    return bool(regions) and bool(p.places) and not regions & ours and other_place(p, window)


def _act_phrase(s: Sentence, pos: int) -> list[Token]:
    """The words after the verb at ``pos`` up to the clause's end (a comma, "and", "but", "while")."""
    out = []
    for t in s.toks[pos + 1:pos + 14]:
        if (t.punct and t.text in ",;:.") or t.low in ("and", "but", "while", "although", "that", "which", "who",
                                                        "it", "they", "we", "he", "she"):
            break  # (the act's own words: "the goal it set in 2019" dates the goal, not the act)
        out.append(t)
    return out


def _done_before_the_promise(p: Profile, s: Sentence, pos: int) -> bool:
    """The act is dated to a year before the promise was made ("opened in 2019", "had scrapped the plant in
    2023")."""
    if pos < 0:
        return False
    after = _act_phrase(s, pos)
    for k, t in enumerate(after[:-1]):
        if t.low == "in":
            year = next((x.number for x in after[k + 1:k + 3] if x.number is not None and 1900 <= x.number <= 2100
                         and float(x.number).is_integer()), None)
            if year is not None:
                return year < p.doc.stated_on.year
    return False


def _dropped_elsewhere(p: Profile, s: Sentence, pos: int) -> bool:
    """What is dropped is another kind of the thing or in another place: "scrapped its diesel engine plant",
    "scrapped its battery plant in Quenby" against a battery plant promised in Dellan."""
    if pos < 0:
        return False
    obj = _act_phrase(s, pos)
    mods = _head_modifiers(p)
    kin = mods | {x for m in mods for x in lx.NOUN_SYNONYMS.get(m, ())}  # "emissions intensity" is "carbon intensity"
    for k, t in enumerate(obj):
        if mods and t.stem in p.head and k and _modifier(obj[k - 1]) and obj[k - 1].stem not in p.vocab | kin:
            return True  # another kind: "diesel engine plant" for "battery plant" ("an electric car" is a car)
    at = next((k for k, t in enumerate(obj) if t.low == "in"), None)
    return at is not None and p.places and other_place(p, obj[at + 1:at + 4])


_NEAR = lx._stems("near nearby outside beside neighbouring neighboring")
_OF_SIDE = lx._stems("north south east west edge outskirts")


def _only_as_a_landmark(p: Profile, s: Sentence) -> bool:
    """The promised place is named only to locate another one: "in Dellan, near Quenby", "just outside Quenby",
    "north of Quenby"."""
    if not p.places:
        return False
    toks = s.toks
    stems = [t.stem for t in toks]
    seen = False
    for place in p.places:
        k = find_phrase(stems, place)
        while k >= 0:
            seen = True
            before = [t for t in toks[max(0, k - 3):k] if not t.punct]
            landmark = bool(before) and (before[-1].stem in _NEAR or (before[-1].low == "of" and len(before) > 1
                                                                     and before[-2].stem in _OF_SIDE)
                                         or (before[-1].low == "to" and len(before) > 1 and before[-2].low in ("close", "next")))
            if not landmark:
                return False
            k = find_phrase(stems, place, k + 1)
    return seen


def _place_after(s: Sentence, pos: int) -> list[Token]:
    """The words after the first "in"/"across" that follows the verb at ``pos``: where it happened."""
    at = next((k for k in range(max(pos, 0), len(s.toks)) if s.toks[k].low in ("in", "across", "throughout")), None)
    return [] if at is None else [t for t in s.toks[at + 1:at + 9] if not t.punct or t.text == ","]


def _event_date(ctx: _Context, best: Reading) -> dt.date | None:
    if ctx.r.item.published is None:
        return None  # no item date to read "on Sunday" against, and none to fall back on
    published = ctx.published
    due = ctx.p.doc.due_latest
    if best.period_result and due is not None and published > due:
        return due  # results are reported weeks after the quarter they measure: the quarter met the figure
    order = [best.sentence] + [s for s in ctx.r.sents if s is not best.sentence and not s.is_title]
    for s in order:
        if s is not best.sentence:
            cov, _ = coverage(ctx.p, list(s.toks), s.stems)
            if cov < 0.3 and not (ctx.p.head & s.stems):
                continue
        found = event_dates(s.text, published)
        if found:
            return found[0][0]
    return published
