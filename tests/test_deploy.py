"""The deployment examples in docs/deploy work as written.

The systemd unit's ExecStart must name the console script a pip install
creates and a command that exists; the cron lines are run for real in a
folder laid out like /srv/tracker (a venv's bin/tracker, a config from
`tracker init`), and must publish the page.
"""

from __future__ import annotations

import configparser
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.clihelp import command_paths

DEPLOY = Path(__file__).resolve().parent.parent / "docs" / "deploy"
ROOT = "/srv/tracker"
INSTALLED = Path(sys.executable).parent / "tracker"  # the console script of this environment


def test_systemd_unit_runs_the_installed_console_script():
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read_string((DEPLOY / "tracker.service").read_text())
    program, *args = shlex.split(unit["Service"]["ExecStart"])
    assert program == f"{ROOT}/.venv/bin/tracker" and unit["Service"]["WorkingDirectory"] == ROOT
    assert unit["Service"]["Environment"] == f"TRACKER_CONFIG={ROOT}/tracker.toml"
    scripts = tomllib.loads((DEPLOY.parent.parent / "pyproject.toml").read_text())["project"]["scripts"]
    assert Path(program).name in scripts  # pip install puts exactly this name in .venv/bin
    assert tuple(args) in set(command_paths())
    assert INSTALLED.is_file(), f"{INSTALLED} missing: run `make install`"
    result = subprocess.run([str(INSTALLED), *args, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_cron_lines_poll_sweep_and_publish(tmp_path):
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "tracker").symlink_to(INSTALLED)
    subprocess.run([str(bin_dir / "tracker"), "init"], cwd=tmp_path, check=True, capture_output=True, timeout=60)
    lines = [line for line in (DEPLOY / "tracker.cron").read_text().splitlines() if line and not line.startswith("#")]
    assert len(lines) == 2
    for line in lines:
        command = line.split(None, 5)[5].replace(ROOT, str(tmp_path))
        result = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (command, (tmp_path / "poll.log").read_text())
    log = (tmp_path / "poll.log").read_text()
    assert "feeds: 0 fetched" in log and "status change(s)" in log and log.count("site re-rendered") == 2
    assert (tmp_path / "site" / "index.html").is_file()


def test_readme_shows_the_tested_cron_lines():
    readme = (DEPLOY.parent.parent / "README.md").read_text()
    for line in (DEPLOY / "tracker.cron").read_text().splitlines():
        if line and not line.startswith("#"):
            assert line in readme, f"README's cron example differs from docs/deploy/tracker.cron: {line}"
