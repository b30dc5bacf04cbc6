"""Pure evidence matching: which open commitments a feed item speaks to, and what it says.

The work lives in :mod:`tracker.matching` (text, lexicon, profile, reading,
scoring, index); this module is the interface the pipeline uses::

    index = CandidateIndex(docs.values())
    for item in new_items:
        for m in match_item(item, index, docs):
            state = evidence_state(m)           # accepted | proposed (review) | discarded

Score bands (see :mod:`tracker.matching.model`): ``>= 0.70`` a careful reader
would almost surely agree; ``0.45-0.70`` plausible, needs review; below, noise.
A score at or above the top band is accepted only when the match may decide a
verdict unseen (``Match.auto``: the actor or the promise's name is in the item
and its own sentence reports the act done, unhedged); otherwise it waits for review.
"""

from __future__ import annotations

from tracker.matching import lexicon as _lx
from tracker.matching.index import CandidateIndex, match_item
from tracker.matching.model import AUTO_ACCEPT, KINDS, REVIEW, CommitmentDoc, ItemDoc, Match, evidence_state
from tracker.matching.profile import profile as _profile
from tracker.matching.scoring import score

__all__ = ["AUTO_ACCEPT", "KINDS", "REVIEW", "CandidateIndex", "CommitmentDoc", "ItemDoc", "Match",
           "evidence_state", "match_item", "score", "search_query", "use_synonyms"]


def use_synonyms(extra: list[str] | tuple[str, ...] = ()) -> bool:
    """Read with the shipped noun synonyms plus ``extra`` (``[matching] synonyms``).

    Returns True when the table changed: commitments read with the old one are
    forgotten here, and a caller holding a candidate index must rebuild it.
    """
    changed = _lx.use_synonyms(extra)
    if changed:
        _profile.cache_clear()
    return changed


def search_query(c: CommitmentDoc) -> str:
    """Actor plus the key terms of what was promised, for news-search feeds.

    >>> import datetime as dt
    >>> search_query(CommitmentDoc(1, "Tamber Tools", (), "begin shipping the Gizmo 3 drill to customers",
    ...                            None, None, False, dt.date(2025, 1, 1)))
    'Tamber Tools "Gizmo 3" shipping'
    """
    p = _profile(c)
    parts = [p.actor_label]
    names: list[str] = []
    group_text: dict[int, list[str]] = {}
    for term in p.terms:
        if term.proper and term.group >= 0:
            group_text.setdefault(term.group, []).append(term.text)
    for words in group_text.values():
        name = " ".join(words)
        if name.lower() not in p.actor_label.lower():
            names.append(f'"{name}"' if " " in name else name)
    if names:
        parts.extend(names[:2])
        action = _action_word(c.what)
        if action:
            parts.append(action)
    else:
        words = [t.text for t in sorted(p.terms, key=lambda t: -t.weight)
                 if not t.proper and t.stems[0] not in _lx.GENERIC][:3]
        parts.extend(words)
    return " ".join(parts)


def _action_word(what: str) -> str | None:
    """The gerund after "begin"/"start", else the verb itself: "begin shipping X" -> "shipping"."""
    words = [w for w in what.split() if w.lower() not in {"not", "never", "no"}]
    if not words:
        return None
    if words[0].lower() in {"begin", "start", "commence"} and len(words) > 1 and words[1].endswith("ing"):
        return words[1]
    return words[0] if words[0].isalpha() and words[0].islower() else None
