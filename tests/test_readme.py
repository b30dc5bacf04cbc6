"""The README stays true: it names every command a user can run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.clihelp import command_paths

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", list(command_paths()), ids=lambda p: " ".join(p))
def test_readme_mentions_every_command(path):
    """`tracker feeds remove` must appear as such: a new command comes with its line in the README."""
    words = r"\s+".join(re.escape(word) for word in ("tracker", *path))
    assert re.search(words + r"(?![\w-])", README), f"README.md never mentions `tracker {' '.join(path)}`"
