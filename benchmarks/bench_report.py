"""Time the static site build on a large database.

Generates 10,000 commitments and 50,000 evidence rows (bulk inserts into a
SQLite file, a few seconds), then times a full build, a rebuild after one
commitment changed (with ``changed_ids`` and by hash comparison alone) and a
rebuild with nothing changed. Targets: full < 30 s, one change < 2 s.

    .venv/bin/python benchmarks/bench_report.py [--commitments N] [--evidence M] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import Engine, insert

from tracker.config import Config
from tracker.db import make_engine, upgrade, write_session
from tracker.models import (
    Actor,
    ActorAlias,
    Announcement,
    Commitment,
    CommitmentSource,
    DeadlineRevision,
    Evidence,
    Feed,
    FeedItem,
    StatusChange,
)
from tracker.report import build_site

TODAY = dt.date(2026, 11, 29)
UTC = dt.timezone.utc
VERBS = ("open", "build", "launch", "publish", "cut", "double", "replace", "hire", "upgrade", "close")
THINGS = ("clinics", "bus routes", "a data portal", "waiting lists", "school meals", "bridges", "the coal plant",
          "apprenticeships", "broadband in rural areas", "a river clean-up", "solar roofs", "night trains")
KINDS = ("fulfilment", "progress", "delay", "cancellation", "mention")
STATES = ("accepted", "proposed", "rejected", "discarded")


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=UTC)


def generate(engine: Engine, commitments: int, evidence: int, seed: int = 7) -> None:
    """Bulk-insert a realistic spread of actors, promises, evidence and history."""
    rnd = random.Random(seed)
    n_actors, n_feeds = max(1, commitments // 200), 20
    actors = [{"id": i, "name": f"Actor {i:03d} {rnd.choice(('Ministry', 'Transit', 'Software', 'Council'))}",
               "created_at": _at(TODAY)} for i in range(1, n_actors + 1)]
    aliases = [{"actor_id": a["id"], "alias": a["name"], "norm": a["name"].lower()} for a in actors]
    feeds = [{"id": i, "url": f"https://news{i}.example.org/feed.xml", "name": f"News {i}", "role": "evidence",
              "every_seconds": 1800, "error_count": 0, "paused": False, "from_config": False,
              "created_at": _at(TODAY)} for i in range(1, n_feeds + 1)]
    rows, sources, anns, changes, revisions = [], [], [], [], []
    for cid in range(1, commitments + 1):
        stated = dt.date(2023, 1, 1) + dt.timedelta(days=rnd.randrange(1300))
        due = stated + dt.timedelta(days=rnd.randrange(60, 1200)) if rnd.random() < 0.9 else None
        what = f"{rnd.choice(VERBS)} {rnd.choice(THINGS)} in district {cid % 97}"
        rows.append({"id": cid, "actor_id": rnd.randrange(1, n_actors + 1), "what": what,
                     "quote": f"We will {what}.", "deadline_phrase": f"by {due:%B %Y}" if due else None,
                     "due_earliest": None, "due_latest": due, "deadline_rule": None, "stated_on": stated,
                     "status": "pending", "status_reason": "", "status_source": "auto", "confidence": 0.9,
                     "conditional": False, "negated": rnd.random() < 0.03, "tags": [], "search_query": None,
                     "created_at": _at(stated), "updated_at": _at(stated)})
        anns.append({"id": cid, "url": f"https://gov.example.org/press/{cid}", "title": f"Press release {cid}",
                     "publisher": "Press office", "published": stated, "text": "",
                     "content_hash": hashlib.sha256(str(cid).encode()).hexdigest(), "created_at": _at(stated)})
        sources.append({"commitment_id": cid, "announcement_id": cid, "quote": f"We will {what}.",
                        "deadline_phrase": None, "stated_on": stated})
        changes.append({"commitment_id": cid, "from_status": None, "to_status": "pending", "reason": "recorded",
                        "by": "bench", "source": "auto", "effective_on": stated, "recorded_at": _at(stated)})
        if due and rnd.random() < 0.1:
            revisions.append({"commitment_id": cid, "old_due_latest": due, "revised_on": stated + dt.timedelta(days=30),
                              "new_due_latest": due + dt.timedelta(days=rnd.randrange(30, 300)),
                              "new_phrase": "later", "recorded_at": _at(stated)})
    items, evidence_rows = [], []
    for eid in range(1, evidence + 1):
        cid = rnd.randrange(1, commitments + 1)
        on = rows[cid - 1]["stated_on"] + dt.timedelta(days=rnd.randrange(1, 900))
        items.append({"id": eid, "feed_id": rnd.randrange(1, n_feeds + 1), "key": f"k{eid}", "guid": f"g{eid}",
                      "link": f"https://news.example.org/{eid}", "title": f"Report {eid} on district {cid % 97}",
                      "published_at": _at(on), "summary_html": "", "text": "", "content_hash": f"h{eid}",
                      "fetched_at": _at(on), "matched": True})
        kind = rnd.choices(KINDS, weights=(2, 4, 1, 0.3, 6))[0]
        evidence_rows.append({"id": eid, "commitment_id": cid, "item_id": eid, "url": None, "kind": kind,
                              "score": round(rnd.random(), 3), "state": rnd.choices(STATES, weights=(3, 1, 1, 4))[0],
                              "event_date": on, "explanation": {"terms": ["district", str(cid % 97)]},
                              "created_at": _at(on)})
    with write_session(engine) as s:
        for model, data in ((Actor, actors), (ActorAlias, aliases), (Feed, feeds), (Announcement, anns),
                            (Commitment, rows), (CommitmentSource, sources), (FeedItem, items),
                            (Evidence, evidence_rows), (StatusChange, changes), (DeadlineRevision, revisions)):
            if data:
                s.execute(insert(model.__table__), data)


def change_one(engine: Engine, cid: int) -> None:
    """What a poll cycle does to one commitment: new accepted evidence and a status change."""
    with write_session(engine) as s:
        s.execute(insert(Evidence.__table__), [{
            "commitment_id": cid, "kind": "fulfilment", "score": 0.95, "state": "accepted",
            "event_date": TODAY - dt.timedelta(days=1), "url": "https://news.example.org/done",
            "explanation": {}, "created_at": _at(TODAY)}])
        s.execute(insert(StatusChange.__table__), [{
            "commitment_id": cid, "from_status": "pending", "to_status": "kept", "reason": "fulfilled",
            "by": "bench", "source": "auto", "effective_on": TODAY, "recorded_at": _at(TODAY)}])


def timed(label: str, fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    took = time.perf_counter() - start
    print(f"{label:<44} {took:7.2f} s   written {result.pages_written:>6}  unchanged {result.pages_unchanged:>6}")
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, default=10_000)
    parser.add_argument("--evidence", type=int, default=50_000)
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the database and site")
    args = parser.parse_args(argv)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-report-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        db = work / "bench.db"
        db.unlink(missing_ok=True)
        engine = make_engine(f"sqlite:///{db}")
        upgrade(engine)
        start = time.perf_counter()
        generate(engine, args.commitments, args.evidence)
        print(f"generated {args.commitments} commitments, {args.evidence} evidence rows in "
              f"{time.perf_counter() - start:.1f} s")
        config, out = Config(), work / "site"
        shutil.rmtree(out, ignore_errors=True)
        full = timed("full build (empty folder)", lambda: build_site(engine, config, out, TODAY))
        change_one(engine, 1234)
        incr = timed("one commitment changed, changed_ids={1234}",
                     lambda: build_site(engine, config, out, TODAY, changed_ids={1234}))
        change_one(engine, 4321)
        hashed = timed("one commitment changed, hash comparison", lambda: build_site(engine, config, out, TODAY))
        timed("nothing changed", lambda: build_site(engine, config, out, TODAY))
        print(f"\nfull {full:.2f} s (target < 30 s); incremental {incr:.2f} s with changed_ids, "
              f"{hashed:.2f} s by hashes (target < 2 s)")
        return 0 if full < 30 and incr < 2 and hashed < 2 else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
