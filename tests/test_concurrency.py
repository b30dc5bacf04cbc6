"""Two real processes writing to one database at once lose nothing and never see 'locked'."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from tracker import db
from tracker.models import Commitment, StatusChange

ROOT = Path(__file__).resolve().parent.parent
COUNT = 150


def test_two_writer_processes(db_url):
    engine = db.make_engine(db_url)
    db.upgrade(engine)
    procs = [subprocess.Popen([sys.executable, "-m", "tests.concurrent_writer", db_url, name, str(COUNT)],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in ("Writer One", "Writer Two")]
    outputs = [p.communicate(timeout=240) for p in procs]
    for proc, (out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err
        assert "locked" not in err
    with db.read_session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Commitment)) == 2 * COUNT
        assert session.scalar(select(func.count()).select_from(StatusChange)) == 2 * COUNT
        rows = session.execute(select(Commitment.actor_id, Commitment.what)).all()
    per_writer: dict[int, set[int]] = {}
    for actor_id, what in rows:
        per_writer.setdefault(actor_id, set()).add(int(what.split()[2]))
    assert list(per_writer.values()) == [set(range(COUNT))] * 2
