"""benchmarks/evaluate.py: the scoring rules, and a run over a tiny invented data set."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from tracker.extract import Commitment

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "evaluate.py"
_spec = importlib.util.spec_from_file_location("evaluate", _PATH)
evaluate = importlib.util.module_from_spec(_spec)
sys.modules["evaluate"] = evaluate  # dataclasses look their module up there
_spec.loader.exec_module(evaluate)


def found(what: str, quote: str, actor: str | None = "Brant Mills", aliases=(), latest=None) -> Commitment:
    return Commitment(actor, tuple(aliases), what, quote, None, None, latest, 0.9, False, False, 0)


@pytest.mark.parametrize(
    "mine, label, ok",
    [
        ("Norrvik Rail Authority", "Norrvik Rail Authority (NRA)", True),
        ("NRA", "Norrvik Rail Authority (NRA)", True),
        ("nra", "Norrvik Rail Authority", True),
        ("Ministry of Health", "Ana Ruiz, Arvenia health minister (Ministry of Health)", True),
        ("Ana Ruiz", "Ana Ruiz, Arvenia health minister (Ministry of Health)", True),
        ("Ministry of Health", "Arvenia Ministry of Health", True),
        ("Brant", "Brant Mills", True),
        ("The Brant Mills", "Brant Mills", True),
        ("Mills", "Brant Mills", False),
        ("Tarnby Council", "Brant Mills", False),
        ("Peruvian government", "Government of Peru (President Ana Ruiz)", True),  # one government, two names
        ("Peruvian government", "Chilean government", False),
        ("Tarnby", "City of Tarnby", True),  # a city's government by the city's name
        ("Tarnby", "Mayor of Tarnby (Ana Ruiz)", False),
    ],
)
def test_actor_names(mine: str, label: str, ok: bool) -> None:
    assert evaluate.actor_matches(found("x", "x", actor=mine), label) is ok


def test_match_by_quote_or_by_what() -> None:
    label = {"what": "open a bakery school in Tarnby", "quote": "Brant Mills will open a bakery school in Tarnby by May."}
    assert evaluate.match_score(found("open a school", "Brant Mills will open a bakery school in Tarnby by May."), label) >= 1.0
    assert evaluate.match_score(found("open a bakery school in Tarnby", "We will do it, she said."), label) >= 0.6
    assert evaluate.match_score(found("close a depot", "Brant Mills will close a depot."), label) == 0.0


def test_two_promises_of_one_sentence_go_to_their_own_labels() -> None:
    quote = "Brant Mills will open a flour mill in Tarnby in May and close its Holt depot by 2027."
    labels = [{"what": "close the Holt depot", "quote": quote}, {"what": "open a flour mill in Tarnby", "quote": quote}]
    got = [found("open a flour mill in Tarnby", quote), found("close its Holt depot", quote)]
    assert evaluate.one_to_one(got, labels) == [(0, 1), (1, 0)]


def test_one_to_one_matching() -> None:
    labels = [{"what": "open a flour mill in Tarnby", "quote": "Brant Mills will open a flour mill in Tarnby next year."},
              {"what": "close the Holt depot", "quote": "The company also plans to close its Holt depot in May."}]
    both = found("open a flour mill in Tarnby", "Brant Mills will open a flour mill in Tarnby next year.")
    assert evaluate.one_to_one([both, both], labels) == [(0, 0)]


def test_deadline_slack() -> None:
    rng = ["2026-06-30", "2026-06-30"]
    assert evaluate.in_range(dt.date(2026, 7, 3), rng)
    assert not evaluate.in_range(dt.date(2026, 7, 4), rng)
    assert evaluate.in_range(None, None) and not evaluate.in_range(dt.date(2026, 1, 1), None)


def _write_case(root: Path) -> None:
    case = root / "cases" / "t-01-brant"
    case.mkdir(parents=True)
    (case / "announcement.txt").write_text(
        "date: 2025-03-04\nsource: Test Wire\n\nBrant Mills to grow\n\n"
        "Brant Mills will open a flour mill in Tarnby by the end of 2026. "
        "Analysts expect the mill to cost 40 million euros. "
        "The company will also publish a hiring plan by the end of 2025.\n",
        encoding="utf-8",
    )
    expected = {
        "published": "2025-03-04",
        "commitments": [
            {"actor": "Brant Mills", "what": "open a flour mill in Tarnby",
             "quote": "Brant Mills will open a flour mill in Tarnby by the end of 2026.",
             "deadline_phrase": "by the end of 2026", "due_latest_range": ["2026-12-31", "2026-12-31"]},
            {"actor": "Brant Mills", "what": "publish a hiring plan",
             "quote": "The company will also publish a hiring plan by the end of 2025.",
             "deadline_phrase": "by the end of 2025", "due_latest_range": ["2025-12-31", "2025-12-31"]},
            {"actor": "Brant Mills", "what": "sponsor the Tarnby marathon", "quote": "Not in the text.",
             "deadline_phrase": None, "due_latest_range": None, "optional": True},
        ],
        "non_commitments": ["Analysts expect the mill to cost 40 million euros."],
    }
    (case / "expected.json").write_text(json.dumps(expected), encoding="utf-8")
    (root / "deadlines.tsv").write_text(
        "phrase\tpublished\tdue_latest_lo\tdue_latest_hi\tnote\n"
        "by the end of 2026\t2025-03-04\t2026-12-31\t2026-12-31\tyear end\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize("sub", ["", "cases"])
def test_runs_on_a_data_dir_or_its_cases_dir(tmp_path: Path, sub: str, capsys) -> None:
    _write_case(tmp_path)
    assert evaluate.main([str(tmp_path / sub) if sub else str(tmp_path), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "precision            1.000" in out
    assert "recall               1.000" in out  # the optional miss costs nothing
    assert "actor accuracy       1.000" in out
    assert "deadline accuracy    1.000" in out
    assert "deadline phrases     1.000  (1/1" in out
    assert "missed (optional)" in out
