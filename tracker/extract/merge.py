"""One promise restated several times in one text becomes one commitment.

Announcements repeat their main promise: in the lede, in a quote from the chief
executive, in a bullet list at the end. Two candidates are the same promise
when they have the same actor and polarity and either say nearly the same
thing (most content words shared) or share a distinctive word (a name, a
number) and have compatible deadlines.

The merged commitment keeps the first quote that has a deadline (the first
quote when none has one), its deadline, and the highest confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tracker.extract.canonical import base_form
from tracker.extract.model import Commitment
from tracker.matching import lexicon as lx
from tracker.matching.text import stem

_STOP = frozenset(
    """a an the of to in on at by for with from and or its their his her our this that these those be is are
    will would also new first all any as into over under up out it they we than then more most no not per""".split()
)
DEADLINE_SLACK_DAYS = 45


@dataclass(frozen=True)
class Candidate:
    """A commitment plus the words used to compare it with restatements."""

    commitment: Commitment
    words: frozenset[str]  # stemmed content words of subject + what
    names: frozenset[str]  # capitalised words and numbers (distinctive)


def _stem(word: str) -> str:
    w = word.lower().strip("'\u2019")
    return w[:5] if len(w) > 5 else w


def content_words(text: str, drop: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
    """Stemmed content words of ``text``, without stop words and the words in ``drop``."""
    out = set()
    for w in re.findall(r"[A-Z\u00c0-\u00de\u0100-\u017fa-z][\w'\u2019-]*|\d[\d,.]*", text):
        lw = w.lower()
        if lw in _STOP or lw in drop:
            continue
        out.add(_stem(lw))
    return frozenset(out)


def distinctive_words(text: str, drop: set[str] | frozenset[str] = frozenset()) -> frozenset[str]:
    """Capitalised words (after the first) and numbers: names of products, places, quantities."""
    out = set()
    words = re.findall(r"[A-Z\u00c0-\u00de\u0100-\u017fa-z][\w'\u2019-]*|\d[\d,.]*\d|\d", text)
    for i, w in enumerate(words):
        if w.lower() in drop or w.lower() in _STOP:
            continue
        if w[0].isupper() or w[0].isdigit():
            out.add(w.lower().rstrip("'\u2019s"))
    return frozenset(out)


def _deadlines_compatible(a: Commitment, b: Commitment) -> bool:
    if a.due_latest is None or b.due_latest is None:
        return a.due_latest is None and b.due_latest is None and a.deadline_phrase is None and b.deadline_phrase is None
    return abs((a.due_latest - b.due_latest).days) <= DEADLINE_SLACK_DAYS


# A deal agreed ("will acquire Dorvel Foods", "agrees to buy ...") and its closing ("expects the deal to close in
# the third quarter"): the closing is the promise still to come, named by the deal; the terms wait for an editor
_AGREEMENT = re.compile(r"^(?:acquire|buy|purchase|take\s+over|merge\s+with|combine\s+with)\b", re.I)
_DEAL_CLOSING = re.compile(r"^(?:close|complete|finalise|finalize)\s+(?:the\s+|its\s+|their\s+|this\s+)?(?:[\w-]+\s+)?"
                           r"(?:deal|transaction|acquisition|merger|purchase|takeover|combination)\b", re.I)


def same_promise(a: Candidate, b: Candidate) -> bool:
    ca, cb = a.commitment, b.commitment
    if (ca.actor or "").lower() != (cb.actor or "").lower() or ca.negated != cb.negated:
        return False
    if not a.words or not b.words:
        return False
    numbers_a = {w for w in a.names if w[:1].isdigit()}
    numbers_b = {w for w in b.names if w[:1].isdigit()}
    if numbers_a and numbers_b and not numbers_a & numbers_b:
        return False  # "replace all 3,200 lines" and "replace the first 800": two promises
    if ca.due_latest and cb.due_latest and not _deadlines_compatible(ca, cb):
        return False  # different deadlines: milestones, not restatements
    if _other_names(ca.what, cb.what):
        return False  # "deliver the Orvo 3 Max" and "debut the Orvo Pad": two things of one family
    if _other_acts(ca.what, cb.what):
        return False  # "sell its coal plants" and "close our last coal plant": two acts on one thing
    shared = a.words & b.words
    small = min(len(a.words), len(b.words))
    if len(shared) / small >= 0.6:
        return True
    if not _deadlines_compatible(ca, cb) or ca.due_latest is None:
        return False
    # a shared name says "the same thing"; a shared figure alone does not ("100 percent of our packaging"
    # and "100 percent renewable electricity", both by 2030, are two goals)
    named = {w for w in a.names & b.names if not w[:1].isdigit()}
    named = {w for w in named if not _names_other_things(w, ca.what, cb.what)}
    if not named and ca.what.split()[:1] != cb.what.split()[:1]:
        return False  # "halve virgin plastic" and "help collect more plastic", both by 2025: two acts
    return bool(named) or len(shared) / small >= 0.34


def _names_other_things(name: str, a: str, b: str) -> bool:
    """Is the shared name only a modifier of two different things ("Harbury schools", "the Harbury plant"), or
    the thing acted on in one and only where the other's thing goes in the other ("launch Lumo" and "make the
    show available on Lumo")?"""
    roles = {_role_of(name, what) for what in (a, b)}
    if roles == {"object", "place"}:
        return True
    after = []
    for what in (a, b):
        # (inside a noun phrase: after a determiner or a preposition, before its own noun)
        m = re.search(rf"(?i)\b(?:the|a|an|its|their|our|to|at|in|for|of|on|from)\s+{re.escape(name)}(?:['\u2019]s)?"
                      rf"\s+([a-z][\w-]*)", what)
        if m is None:
            return False  # the name is the thing itself in one of them ("open Harbourline")
        after.append(m.group(1).lower())
    return _stem(after[0]) != _stem(after[1]) and _stem(after[0]) not in content_words(b) \
        and _stem(after[1]) not in content_words(a)


def _role_of(name: str, what: str) -> str | None:
    """"object" when the name ``name`` is in is what the verb acts on ("launch Lumo TV"), "place" when it only
    follows a preposition at the end ("available to stream on Lumo TV"), else None."""
    words = what.split()
    at = next((k for k, w in enumerate(words) if w.lower().strip(",.") == name), None)
    if at is None:
        return None
    start, end = at, at + 1
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    while end < len(words) and (words[end][:1].isupper() or words[end][:1].isdigit()):
        end += 1
    before = [w.lower() for w in words[max(0, start - 2):start]]
    ends = end == len(words) or words[end].lower() in ("for", "at", "in", "on", "by", "to", "with", "from")
    if ends and (start == 1 or (start == 2 and before[-1] == "the")):  # ("open the Harbury depot": a modifier)
        return "object"
    if before and before[-1] in ("on", "at", "in", "to", "via", "through", "from") and end == len(words):
        return "place"
    return None


_NAME_RUN = re.compile(r"[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019+-]*(?:\s+(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019+-]*|\d[\w.]*))+")


def _other_names(a: str, b: str) -> bool:
    """Two different names of one family: a name in each that opens with the same word and goes on differently."""
    runs_a, runs_b = ({m.group(0) for m in _NAME_RUN.finditer(t)} for t in (a, b))
    return any(x.split()[0] == y.split()[0] and x != y for x in runs_a for y in runs_b)  # "Orvo 3" / "Orvo 3 Max" too


# Verbs the extractor writes for any act ("ensure the plant is ...", "deliver the Orvo 3") and verbs of a stage
# ("begin construction of the plant" restates "build the plant"): they name no act of their own
_GENERIC_VERBS = frozenset("""ensure have deliver make target be get keep put take do achieve reach begin start
    complete finish continue resume""".split())


def _other_acts(a: str, b: str) -> bool:
    """Two verbs of no shared act class ("sell" and "close"; "open" and "expand" share none either)."""
    va, vb = (base_form(w.split()[0].lower()) if w.split() else "" for w in (a, b))
    if va == vb or not va or not vb or va in _GENERIC_VERBS or vb in _GENERIC_VERBS or "not" in (va, vb):
        return False
    ca, cb = lx.verb_classes(stem(va)), lx.verb_classes(stem(vb))
    return bool(ca) and bool(cb) and not ca & cb


def _better_quote(a: Commitment, b: Commitment) -> Commitment:
    """The one whose quote to keep: it has a deadline, else it comes first."""
    if (a.due_latest is not None) != (b.due_latest is not None):
        return a if a.due_latest is not None else b
    if (a.confidence >= 0.5) != (b.confidence >= 0.5):
        return a if a.confidence >= 0.5 else b
    return a if a.start <= b.start else b


DEAL_AGREED = "deal_agreed"  # the doubt on a deal's terms once its closing is a promise of its own


def _name_the_closings(candidates: list[Candidate]) -> list[Candidate]:
    """"close the deal" -> "complete the acquisition of Dorvel Foods": a closing takes its object from
    the last deal its actor agreed before it (news of the closing names the company bought, never "the deal")."""
    out: list[Candidate] = []
    agreed: dict[str, int] = {}  # actor -> index in out of the last deal it agreed
    for cand in candidates:
        c = cand.commitment
        actor = (c.actor or "").lower()
        if _AGREEMENT.match(c.what):
            agreed[actor] = len(out)
        elif _DEAL_CLOSING.match(c.what) and actor in agreed:
            deal = out[agreed[actor]]
            cand = replace(cand, commitment=replace(c, what=_deal_what(deal.commitment)))
            # the deal is agreed, a decision taken; what is still to come is its closing. Readers differ on
            # whether the terms are a promise of their own, so an editor decides (never dropped unseen)
            if DEAL_AGREED not in deal.commitment.doubts:
                out[agreed[actor]] = replace(deal, commitment=replace(
                    deal.commitment, doubts=(*deal.commitment.doubts, DEAL_AGREED)))
        out.append(cand)
    return out


def _deal_what(agreed: Commitment) -> str:
    """"complete the acquisition of Dorvel Foods": the closing, with the deal's object from the agreement."""
    verb = _AGREEMENT.match(agreed.what)
    obj = re.split(r"\s+(?:for|in|from|at|with|by|through|under)\s+", agreed.what[verb.end():].strip())[0]  # type: ignore[union-attr]
    merger = verb.group(0).lower().startswith(("merge", "combine"))  # type: ignore[union-attr]
    return f"complete the merger with {obj}" if merger else f"complete the acquisition of {obj}"


def combine(a: Candidate, b: Candidate) -> Candidate:
    keep = _better_quote(a.commitment, b.commitment)
    other = b.commitment if keep is a.commitment else a.commitment
    merged = replace(
        keep,
        confidence=max(keep.confidence, other.confidence),
        actor_aliases=tuple(sorted(set(keep.actor_aliases) | set(other.actor_aliases))),
        conditional=keep.conditional and other.conditional,
    )
    return Candidate(merged, a.words | b.words, a.names | b.names)


# A word shared by more kept promises than this says nothing about which one a restatement repeats.
_COMMON_POSTINGS = 48


def merge(candidates: list[Candidate], folded: list[tuple[Commitment, Commitment]] | None = None) -> list[Commitment]:
    """Fold restatements together, keeping text order of the kept quotes.

    ``folded`` collects (restatement, the promise it was folded into), so that no sentence vanishes
    without a trace: the extractor lists each as left out, with the quote it restates.

    Each candidate is compared only with kept promises that share one of its less common words (or,
    failing that, the most recent ones), so a text of thousands of promises merges in linear time.
    """
    out: list[Candidate] = []
    postings: dict[str, dict[int, None]] = {}  # word -> kept promises holding it, in order

    def post(words: frozenset[str], i: int) -> None:
        for w in words:
            postings.setdefault(w, {})[i] = None

    for cand in _name_the_closings(candidates):
        near = {i for w in cand.words if len(postings.get(w, ())) <= _COMMON_POSTINGS for i in postings.get(w, ())}
        near.update(range(max(0, len(out) - _COMMON_POSTINGS), len(out)))
        for i in sorted(near):
            if same_promise(out[i], cand):
                was = out[i]
                out[i] = combine(out[i], cand)
                if folded is not None:
                    kept = out[i].commitment
                    folded.append((cand.commitment if kept.start == was.commitment.start else was.commitment, kept))
                post(cand.words, i)
                break
        else:
            post(cand.words, len(out))
            out.append(cand)
    return sorted((c.commitment for c in out), key=lambda c: c.start)
