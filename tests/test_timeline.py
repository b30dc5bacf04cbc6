"""The history a reader sees follows the order things happened, while the audit log keeps every row.

The case that motivated it: a fulfilment dated inside the grace period arrives
in a poll after the sweep had already recorded "broken". The page must not
show a broken step; `tracker history` must still list it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from tests.clihelp import ok
from tracker import db as trackerdb
from tracker.db import read_session, write_session
from tracker.models import Evidence, StatusChange
from tracker.timeline import replay_in_order


@pytest.fixture
def ready_db(db_url):
    ok("db", "upgrade", db=db_url)
    return db_url


def propose_evidence(db, cid, day, kind="fulfilment"):
    """Evidence the matcher proposed, waiting for an editor (as a poll leaves it)."""
    with write_session(trackerdb.open_database(db)) as session:
        row = Evidence(commitment_id=cid, url="https://example.org/terminal-opens", kind=kind, score=0.6,
                       state="proposed", event_date=day)
        session.add(row)
        session.flush()
        return row.id


def test_late_arriving_fulfilment_never_shows_a_broken_step(ready_db, tmp_path):
    out = ok("--as-of", "2025-01-10", "add", "--actor", "Harbour Council", "--text", "open the ferry terminal",
             "--due", "2025-09-30", "--stated", "2025-01-10", db=ready_db)
    cid = int(out.split("added commitment ")[1].split(":")[0])
    for day in ("2025-09-01", "2025-10-05", "2025-11-05"):
        ok("--as-of", day, "sweep", db=ready_db)
    evidence_id = propose_evidence(ready_db, cid, dt.date(2025, 10, 19))  # opened inside the 30-day grace
    ok("--as-of", "2025-11-06", "evidence", "accept", str(evidence_id), db=ready_db)

    audit = json.loads(ok("history", str(cid), "--format", "json", db=ready_db))
    assert [h["to"] for h in audit] == ["pending", "due_soon", "overdue", "broken", "kept_late"]
    broken = audit[3]
    assert broken["public"] is False and broken["reason"] == (
        "deadline 2025-09-30 passed; 30-day grace ended 2025-10-30 with no fulfilment")
    assert "not on the page" in ok("history", str(cid), db=ready_db)

    site = tmp_path / "site"
    ok("--as-of", "2025-11-06", "report", "--out", str(site), db=ready_db)
    page = BeautifulSoup((site / "c" / f"{cid}.html").read_text(), "html.parser")
    rows = [" ".join(re.sub(r"[^\w →]+", "", r.select_one("td[data-label=Change]").get_text(" ", strip=True)).split())
            for r in page.select("table.history tbody tr")]  # without the badges' symbols
    assert rows == ["Pending", "Pending → Due soon", "Due soon → Overdue", "Overdue → Kept late"]
    when = [r.select_one("td[data-label='As of']").get_text(" ", strip=True) for r in page.select("table.history tbody tr")]
    assert "recorded" in when[-1]  # took effect 19 October, recorded in November: both dates shown
    feed = (site / "changes.xml").read_text()
    assert "Broken" not in feed and "Overdue → Kept late" in feed

    with read_session(trackerdb.open_database(ready_db)) as session:  # the audit log kept every row
        assert session.scalar(select(func.count()).select_from(StatusChange)
                              .where(StatusChange.commitment_id == cid)) == 5


def step(i, status, day, source="auto", undoes=None):
    return SimpleNamespace(id=i, to_status=status, source=source, effective_on=dt.date(2025, *day), undoes_id=undoes)


@pytest.mark.parametrize("log,expected", [
    ([step(1, "pending", (1, 1)), step(2, "overdue", (10, 1)), step(3, "broken", (10, 31)),
      step(4, "kept_late", (10, 19))], ["pending", "overdue", "kept_late"]),
    # an editor's decision dated earlier also supersedes the automatic step
    ([step(1, "pending", (1, 1)), step(2, "broken", (10, 31)), step(3, "kept_late", (10, 20), "manual")],
     ["pending", "kept_late"]),
    # an undone decision leaves the public history, and it still ends at the current status
    ([step(1, "pending", (1, 1)), step(2, "withdrawn", (3, 1), "manual"), step(3, "pending", (3, 5), "undo", 2),
      step(4, "broken", (2, 1))], ["pending", "broken"]),
    # in order already: unchanged
    ([step(1, "pending", (1, 1)), step(2, "due_soon", (5, 1)), step(3, "kept", (6, 1))],
     ["pending", "due_soon", "kept"]),
])
def test_replay_orders_by_effective_date_and_drops_superseded_steps(log, expected):
    steps = replay_in_order(log)
    assert [s.change.to_status for s in steps] == expected
    assert [s.from_status for s in steps] == [None, *expected[:-1]]


def test_the_index_says_when_the_sources_were_last_checked(ready_db, tmp_path):
    from tracker.models import DaemonRun

    site = tmp_path / "site"
    ok("report", "--out", str(site), db=ready_db)
    line = BeautifulSoup((site / "index.html").read_text(), "html.parser").select_one(".last-checked").text
    assert line == "The news sources have not been checked yet."
    with write_session(trackerdb.open_database(ready_db)) as session:
        at = dt.datetime(2026, 3, 4, 7, 30, tzinfo=dt.timezone.utc)
        session.add(DaemonRun(started_at=at, finished_at=at + dt.timedelta(seconds=40)))
        session.add(DaemonRun(started_at=at + dt.timedelta(hours=1)))  # still running: not a completed check
    ok("report", "--out", str(site), db=ready_db)
    line = BeautifulSoup((site / "index.html").read_text(), "html.parser").select_one(".last-checked").text
    assert line == "News sources last checked 4 Mar 2026, 07:30 UTC."
