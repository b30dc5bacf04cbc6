"""The wheel carries the templates and migrations, so an installed tracker finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_templates_and_migrations(tmp_path):
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
                   cwd=ROOT, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("tracker-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").iterdir():
        assert f"tracker/_templates/{template.name}" in names
    assert "tracker/_alembic/env.py" in names
    for migration in (ROOT / "alembic" / "versions").glob("*.py"):
        assert f"tracker/_alembic/versions/{migration.name}" in names
    assert "tracker/_config.example.toml" in names  # what `tracker init` writes, for a pip-installed user
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "tracker = tracker.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()
