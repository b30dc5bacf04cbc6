"""What a command imports before it does its work: start-up stays short because commands import what they use.

Each case runs ``tracker ARGS`` in a fresh interpreter and reads ``sys.modules``
at exit. The timings live in the benchmarks (``make bench``, "startup"); these
are the behaviour behind them: a package listed here is never loaded by that
command, whatever else changes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.clihelp import ok

PROBE = """
import json, sys
from tracker.cli import main
sys.argv = ["tracker", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as stop:
    code = stop.code
else:
    code = 0
with open(OUT, "w") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


def run_and_list_modules(args: list[str], cwd, tmp_path) -> tuple[int, set[str], str]:
    """(exit code, top-level packages imported, stdout) of ``tracker ARGS`` in a new process."""
    out = tmp_path / "modules.json"
    code = PROBE.replace("OUT", repr(str(out)))
    env = {key: value for key, value in os.environ.items() if key != "TRACKER_NOW"} | {"COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-c", code, json.dumps(args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)
    report = json.loads(out.read_text())
    return report["code"], {name.split(".")[0] for name in report["modules"]}, proc.stdout + proc.stderr


HEAVY = {"sqlalchemy", "alembic", "httpx", "trafilatura", "jinja2", "feedparser", "apscheduler", "apprise"}


def test_help_imports_no_database_network_or_report_stack(tmp_path):
    code, imported, output = run_and_list_modules(["--help"], tmp_path, tmp_path)
    assert code == 0 and "Usage: tracker" in output and "Commands:" in output
    for command in ("extract", "feeds", "list", "review", "run"):
        assert f"  {command} " in output  # every command is still listed with its help
    assert imported & (HEAVY | {"rich"}) == set()


def test_extract_preview_imports_neither_database_nor_network(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("date: 2026-03-02\n\nThe Orchard Valley Council will resurface Mill Lane by May 2026.\n",
                    encoding="utf-8")
    code, imported, output = run_and_list_modules(["extract", str(path)], tmp_path, tmp_path)
    assert code == 0 and "Orchard Valley Council" in output and "1 commitment(s)" in output
    assert imported & HEAVY == set()  # the default sqlite:///tracker.db is checked without SQLAlchemy
    assert not (tmp_path / "tracker.db").exists()


def test_list_imports_the_database_but_not_migrations_feeds_or_report(tmp_path):
    ok("init")  # the tests run in tmp_path: tracker.toml and tracker.db land there
    ok("--as-of", "2026-01-10", "add", "--actor", "Orchard Valley Council", "--text", "resurface Mill Lane",
       "--due", "2026-05-31")
    code, imported, output = run_and_list_modules(["--as-of", "2026-01-10", "list"], tmp_path, tmp_path)
    assert code == 0 and "resurface Mill Lane" in output and "1 commitment(s)" in output
    assert "sqlalchemy" in imported
    assert imported & (HEAVY - {"sqlalchemy"}) == set()
