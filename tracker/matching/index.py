"""An inverted index from words to open commitments, so an item meets a few candidates, not all.

Each commitment is indexed under the stems of its actor's names and of the
terms of what it promised. An item is looked up word by word, **rarest word
first**, each word adding its IDF (``log(1 + N/df)``) times the term's weight
to the commitments it names. Only words with at most ``cap`` postings may
*open* a candidate; commoner words only add to candidates already found, by
probing them, so the work per item is bounded by ``words x cap`` and does not
grow with the number of commitments. A candidate needs at least one object
word: the actor alone ("Tamber hires a new CFO") is not enough.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from pathlib import Path

from tracker.matching import lexicon as lx
from tracker.matching.model import CommitmentDoc, ItemDoc, Match
from tracker.matching.profile import NOUN_SYNONYMS, profile
from tracker.matching.reading import item_stems
from tracker.matching.scoring import score

DEFAULT_CAP = 400
MAX_OPEN = 2000  # stop opening new candidates past this many

Terms = dict[str, tuple[float, bool]]  # stem -> (weight, is an object term)


def _code_digest() -> str:
    """A digest of the matching package's source and the release: terms stored by other code are stale."""
    from tracker import __version__

    digest = hashlib.sha1(__version__.encode())
    for path in sorted([*Path(__file__).parent.glob("*.py"), *Path(__file__).parent.glob("*.toml")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


TERMS_VERSION = _code_digest()


class CandidateIndex:
    """Inverted index over actor names/aliases and key terms of ``what``.

    >>> import datetime as dt
    >>> idx = CandidateIndex()
    >>> idx.add(CommitmentDoc(3, "Tamber Tools", (), "release Gizmo 3", None, None, False, dt.date(2025, 1, 1)))
    >>> idx.candidates(ItemDoc(1, "Gizmo 3 is out", "", None, None))
    [3]
    """

    def __init__(self, docs: Iterable[CommitmentDoc] = (), cap: int = DEFAULT_CAP):
        self.cap = cap
        self._postings: dict[str, dict[int, tuple[float, bool]]] = {}
        self._terms: dict[int, tuple[str, ...]] = {}
        for doc in docs:
            self.add(doc)

    def __len__(self) -> int:
        return len(self._terms)

    def add(self, doc: CommitmentDoc, terms: Terms | None = None) -> None:
        """Index ``doc`` (re-adding an id replaces the old entry); ``terms`` are its stored :func:`index_terms`."""
        if doc.id in self._terms:
            self.remove(doc.id)
        weights = index_terms(doc) if terms is None else terms
        for term, (weight, is_object) in weights.items():
            self._postings.setdefault(term, {})[doc.id] = (weight, is_object)
        self._terms[doc.id] = tuple(weights)

    def remove(self, commitment_id: int) -> None:
        """Forget a commitment (kept, broken, withdrawn...); unknown ids are ignored."""
        for term in self._terms.pop(commitment_id, ()):
            posting = self._postings.get(term)
            if posting is not None:
                posting.pop(commitment_id, None)
                if not posting:
                    del self._postings[term]

    def candidates(self, item: ItemDoc, limit: int = 25) -> list[int]:
        """Ids of the commitments ``item`` most likely speaks to, best first."""
        words = item_stems(item)
        n = max(1, len(self._terms))
        present = sorted((len(self._postings[w]), w) for w in words if w in self._postings)
        scores: dict[int, float] = {}
        has_object: set[int] = set()
        for df, word in present:
            idf = math.log(1.0 + n / df)
            posting = self._postings[word]
            if df <= self.cap and len(scores) < MAX_OPEN:
                for cid, (weight, is_object) in posting.items():
                    scores[cid] = scores.get(cid, 0.0) + idf * weight
                    if is_object:
                        has_object.add(cid)
            else:  # a common word: only strengthen what rarer words found
                for cid in list(scores):
                    hit = posting.get(cid)
                    if hit is not None:
                        scores[cid] += idf * hit[0]
                        if hit[1]:
                            has_object.add(cid)
        ranked = sorted((cid for cid in scores if cid in has_object), key=lambda c: (-scores[c], c))
        return ranked[:limit]


def terms_key(doc: CommitmentDoc) -> str:
    """What :func:`index_terms` depends on, hashed: the text it reads and the matcher's code.

    >>> import datetime as dt
    >>> from dataclasses import replace
    >>> a = CommitmentDoc(3, "Tamber Tools", (), "release Gizmo 3", None, None, False, dt.date(2025, 1, 1))
    >>> terms_key(a) == terms_key(replace(a, id=4, due_latest=dt.date(2026, 1, 1)))
    True
    >>> terms_key(a) == terms_key(replace(a, what="release Gizmo 4"))
    False
    """
    parts = (TERMS_VERSION + lx.synonyms_digest(), doc.actor, "\x1e".join(sorted(doc.aliases)), doc.what,
             doc.quote or "", str(doc.negated), doc.context or "", doc.lead_in or "")
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def index_terms(doc: CommitmentDoc) -> Terms:
    """Stem -> (weight, is an object term) for one commitment."""
    p = profile(doc)
    out: dict[str, tuple[float, bool]] = {}
    for phrase in (*p.actor_phrases, *(k for k, _ in p.actor_keys)):
        for s in phrase:
            if s not in lx.STOPWORDS and s not in lx.NAME_SUFFIXES:
                out[s] = (1.0, False)
    for term in (*p.terms, *p.bonus):
        weight = min(term.weight, 3.0)
        for s in term.stems:
            if s in lx.STOPWORDS or s in lx.GENERIC or (s[:1].isdigit() and len(term.stems) > 1):
                continue
            out[s] = (max(weight, out.get(s, (0.0, True))[0]), True)
            if len(term.stems) == 1:
                for alt in NOUN_SYNONYMS.get(s, ()):
                    out.setdefault(alt, (weight * 0.5, True))
    return out


def match_item(item: ItemDoc, index: CandidateIndex, docs: Mapping[int, CommitmentDoc]) -> list[Match]:
    """Every commitment the item says something about, best score first."""
    out = []
    for cid in index.candidates(item):
        doc = docs.get(cid)
        if doc is None:
            continue
        m = score(item, doc)
        if m is not None:
            out.append(m)
    out.sort(key=lambda m: (-m.score, m.commitment_id))
    return out
