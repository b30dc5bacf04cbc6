"""Each commitment's index terms are computed once, kept in ``match_terms``, and recomputed when stale.

On SQLite and PostgreSQL. A stale row (the promise was edited, or the matcher's
code changed) must never be used: the index would then look for words the
promise no longer has.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from tracker import db, store
from tracker.evidence import Matcher
from tracker.match import ItemDoc
from tracker.matching.index import CandidateIndex, terms_key
from tracker.models import Commitment, MatchTerms
from tracker.status import StatusRules

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def engine(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    with db.write_session(engine) as session:
        for actor, what in [("Orrin Tools", "begin shipping the Gizmo 3 cordless drill"),
                            ("Cardan City Council", "add 40 hydrogen buses to the city fleet")]:
            store.add_commitment(session, store.NewCommitment(actor=actor, what=what, stated_on=dt.date(2026, 1, 5)),
                                 by="test", today=TODAY, rules=StatusRules())
    yield engine
    engine.dispose()


def stored(engine) -> dict[int, MatchTerms]:
    with db.read_session(engine) as session:
        rows = {row.commitment_id: row for row in session.scalars(select(MatchTerms))}
        session.expunge_all()  # plain values after the read transaction ends
        return rows


def item(title: str) -> ItemDoc:
    return ItemDoc(1, title, "", None, TODAY)


def test_a_new_commitment_has_its_terms_stored_under_the_current_key(engine):
    rows = stored(engine)
    with db.read_session(engine) as session:
        docs = {c.id: store.commitment_doc(c) for c in session.scalars(select(Commitment))}
    assert set(rows) == set(docs)
    for cid, row in rows.items():
        assert row.key == terms_key(docs[cid])
        assert "gizmo" in row.terms or "hydrogen" in row.terms


def test_the_index_from_stored_terms_finds_what_a_fresh_index_finds(engine):
    with db.read_session(engine) as session:
        loaded = Matcher.load(session)
        fresh = CandidateIndex(loaded.docs.values())
    for title in ["Orrin Tools ships Gizmo 3 drill", "Council adds hydrogen buses", "Weather is fine"]:
        assert loaded.index.candidates(item(title)) == fresh.candidates(item(title))
    assert loaded.index.candidates(item("Orrin Tools ships Gizmo 3 drill")) != []


def test_stored_terms_are_read_not_recomputed(engine):
    """A marker word planted in a current row is found: the loader used the row."""
    gizmo = next(cid for cid, row in stored(engine).items() if "gizmo" in row.terms)
    with db.write_session(engine) as session:
        row = session.get(MatchTerms, gizmo)
        row.terms = {**row.terms, "zorblax": [3.0, True]}
    with db.read_session(engine) as session:
        assert Matcher.load(session).index.candidates(item("zorblax spotted")) == [gizmo]


def test_an_edited_promise_is_reindexed_and_the_row_replaced(engine):
    gizmo = next(cid for cid, row in stored(engine).items() if "gizmo" in row.terms)
    with db.write_session(engine) as session:
        session.execute(update(Commitment).where(Commitment.id == gizmo)
                        .values(what="open a drill factory in Wexham"))
    with db.read_session(engine) as session:
        matcher = Matcher.load(session)  # not persisted: a read session
        assert matcher.index.candidates(item("Orrin Tools opens Wexham drill factory")) == [gizmo]
        assert matcher.index.candidates(item("Gizmo 3 cordless ships")) == []
    assert "gizmo" in stored(engine)[gizmo].terms
    with db.write_session(engine) as session:
        Matcher.load(session, persist=True)
    row = stored(engine)[gizmo]
    assert "wexham" in row.terms and "gizmo" not in row.terms


def test_a_missing_row_is_computed_and_kept(engine):
    with db.write_session(engine) as session:
        session.execute(MatchTerms.__table__.delete())
    with db.write_session(engine) as session:
        Matcher.load(session, persist=True)
    assert len(stored(engine)) == 2
