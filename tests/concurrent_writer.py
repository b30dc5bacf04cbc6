"""Run as a process by test_concurrency: write many small transactions to one database.

Usage: python -m tests.concurrent_writer DB_URL NAME COUNT
Each transaction reads before it writes (the pattern that makes SQLite raise
"database is locked" when a reader is upgraded to a writer).
"""

from __future__ import annotations

import datetime as dt
import sys

from tracker import db, store
from tracker.queries import list_commitments
from tracker.status import StatusRules


def main(url: str, name: str, count: int) -> None:
    engine = db.open_database(url)
    today = dt.date(2026, 1, 10)
    for i in range(count):
        with db.write_session(engine) as session:
            seen = len(list_commitments(session, actor=name))
            new = store.NewCommitment(actor=name, what=f"deliver item {i} after {seen}", stated_on=today,
                                      due_latest=today + dt.timedelta(days=i))
            store.add_commitment(session, new, by=name, today=today, rules=StatusRules())
    print(f"{name} wrote {count}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
