"""Text from outside loses its control characters at intake (tracker.untrusted)."""

from __future__ import annotations

import json

import pytest

from tests.clihelp import ok
from tracker.untrusted import clean_optional, clean_text


@pytest.mark.parametrize("raw,clean", [
    ("plain text stays", "plain text stays"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("CRLF\r\nand lone CR\rbecome newlines", "CRLF\nand lone CR\nbecome newlines"),
    ("\x1b]0;window title\x07 and \x1b[2J clear", "]0;window title and [2J clear"),
    ("NUL\x00 and DEL\x7f go", "NUL and DEL go"),
    ("C1 \x85 and CSI \x9b go", "C1  and CSI  go"),
    ("lone surrogate \ud800 is replaced", "lone surrogate \ufffd is replaced"),
    ("non-characters \ufffe\uffff go", "non-characters  go"),
    ("Ölwerk — “quoted” 東京 \u200b stays", "Ölwerk — “quoted” 東京 \u200b stays"),
])
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean
    assert clean_optional(raw) == clean
    clean.encode("utf-8")  # always encodable, so always storable and writable as XML


def test_clean_optional_keeps_none():
    assert clean_optional(None) is None


def test_hand_entered_text_is_cleaned_too(sqlite_url, tmp_path):
    (tmp_path / "tracker.toml").write_text(f'[database]\nurl = "{sqlite_url}"\n', encoding="utf-8")
    ok("db", "upgrade")
    ok("add", "--actor", "Quill\x1b[31m Works", "--text", "open\x07 a depot\r", "--due", "2027-01-31")
    (row,) = json.loads(ok("list", "--format", "json"))
    assert (row["actor"], row["what"]) == ("Quill[31m Works", "open a depot")


def test_actor_names_that_differ_only_by_unicode_normalisation_are_one_actor(sqlite_url, tmp_path):
    """Issue 14: "Ölwerk" as O + combining diaeresis and as the letter Ö became two actors that look the same."""
    import unicodedata

    composed, decomposed = "Ölwerk Nord", unicodedata.normalize("NFD", "Ölwerk Nord")
    assert composed != decomposed
    (tmp_path / "tracker.toml").write_text(f'[database]\nurl = "{sqlite_url}"\n', encoding="utf-8")
    ok("db", "upgrade")
    ok("add", "--actor", decomposed, "--text", "open a refinery", "--due", "2027-01-31")
    ok("add", "--actor", composed, "--text", "close the old depot", "--due", "2027-03-31")
    rows = json.loads(ok("list", "--format", "json"))
    assert {r["actor"] for r in rows} == {composed}
    assert len(json.loads(ok("list", "--actor", decomposed, "--format", "json"))) == 2
