"""`make demo` shows the editor's desk: an edit, a retraction, and the published page's "last checked" line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_demo_shows_edit_retract_and_the_last_checked_line():
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for var in ("TRACKER_DATABASE_URL", "TRACKER_CONFIG", "TRACKER_NOW"):
        env.pop(var, None)
    proc = subprocess.run(["bash", "examples/demo.sh"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "commitment 10: due_latest '2027-12-31' -> '2027-07-31'" in out
    assert "edit by demo-editor" in out and "why: the depot plan says mid-2027" in out
    assert "commitment 11 retracted" in out and "retract by demo-editor" in out
    assert "News sources last checked 29 Nov 2026, 12:00 UTC." in out
    index = (ROOT / "demo" / "site" / "index.html").read_text()
    assert "print a weekend edition" not in index and "last checked" in index
