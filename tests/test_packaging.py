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
    assert "tracker/data/languages.toml" in names  # the word lists that refuse non-English text
    assert "tracker/language/data/governments.tsv" in names  # countries and their governments
    assert "tracker/extract/data/confidence.json" in names  # the calibrated confidence
    assert "tracker/extract/data/platforms.txt" in names  # platforms a source line may name
    assert "tracker/matching/lexicon.toml" in names  # the matcher's English


def test_the_wheel_declares_what_trafilatura_needs_to_clean_html(tmp_path):
    """Issue 14: an older pip installed trafilatura without lxml_html_clean, and then `extract URL`, HTML files
    and evidence archiving failed with ImportError. The tracker declares it itself."""
    subprocess.run([sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
                   cwd=ROOT, check=True, capture_output=True)
    (wheel,) = tmp_path.glob("tracker-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))).decode()
    requires = [line.split(":", 1)[1].strip().lower().replace("-", "_") for line in metadata.splitlines()
                if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert any(r.startswith("lxml_html_clean") for r in requires), requires
    from lxml_html_clean import Cleaner  # and it works where the tracker is installed

    assert "script" not in Cleaner(javascript=True).clean_html("<p>kept<script>dropped()</script></p>")
