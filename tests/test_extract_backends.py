"""A second extractor is a plugin: found by entry point, and nothing it returns is trusted unchecked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from tracker.config import Config
from tracker.errors import ConfigError
from tracker.extract import backends
from tracker.extract.extractor import Extraction
from tracker.extract.model import Commitment
from tracker.sources import SourceText
from tracker.stages import extract_text

TEXT = "Haverly Transit will open a depot in Eastfield by the end of 2026. Fares stay as they are."
DAY = dt.date(2025, 4, 10)


def made_up(text: str, published: dt.date, **kw) -> Extraction:  # type: ignore[no-untyped-def]
    """A test backend, standing for a model behind an HTTP endpoint: one true quote, one invented one."""
    def c(quote: str, phrase: str | None, due: dt.date | None) -> Commitment:
        return Commitment("Haverly Transit", (), "open a depot", quote, phrase, None, due, 0.9, False, False, 0)
    return Extraction([c("Haverly Transit will open a depot in Eastfield by the end of 2026.", "by the end of 2026",
                         dt.date(2031, 1, 1)),  # the model's own date is wrong: ours is read again
                       c("Haverly Transit will double bus lanes by 2027.", "by 2027", dt.date(2027, 12, 31))], [], [])


@dataclass
class FakeEntryPoint:
    name: str
    target: object

    def load(self) -> object:
        return self.target


@pytest.fixture
def plugin(monkeypatch):
    monkeypatch.setattr(backends, "entry_points", lambda group: [FakeEntryPoint("madeup", made_up)])


def test_a_plugin_backend_is_used_and_its_output_checked(plugin):
    config = Config()
    config.extract.backend = "madeup"
    got = extract_text(SourceText(text=TEXT, published=DAY), DAY, config)
    assert [c.quote for c in got.commitments] == ["Haverly Transit will open a depot in Eastfield by the end of 2026."]
    assert got.commitments[0].due_latest == dt.date(2026, 12, 31)  # read by our own deadline rules
    assert any("not in the text" in lo.reason for lo in got.left_out)


def test_an_unknown_backend_is_a_one_line_config_error(plugin):
    with pytest.raises(ConfigError, match="extract.backend.*madeup"):
        backends.get_backend("nosuch")


def test_rules_is_the_default_and_needs_no_plugin():
    got = extract_text(SourceText(text=TEXT, published=DAY), DAY, Config())
    assert got.commitments and got.commitments[0].actor == "Haverly Transit"
