"""benchmarks/eval_matching.py over a tiny invented pairs file: the figures the calibration reads."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_matching.py"
_spec = importlib.util.spec_from_file_location("eval_matching", _PATH)
eval_matching = importlib.util.module_from_spec(_spec)
sys.modules["eval_matching"] = eval_matching  # dataclasses look their module up there
_spec.loader.exec_module(eval_matching)

PROMISE = {"actor": "Hollin Autoworks", "aliases": [], "what": "open an electric van plant in Dunmere",
           "quote": "Hollin Autoworks will open an electric van plant in Dunmere by the end of 2027.",
           "deadline_phrase": "by the end of 2027", "stated_on": "2025-01-10", "due_latest": "2027-12-31",
           "negated": False}


def pair(pid: str, title: str, text: str, kind: str, cls: str) -> dict:
    return {"id": pid, "promise": PROMISE, "item": {"title": title, "text": text, "date": "2026-05-04", "link": None},
            "kind": kind, "new_due_latest": None, "class": cls, "style": "headline_summary"}


PAIRS = [
    pair("p1", "Hollin Autoworks opens Dunmere van plant",
         "Hollin Autoworks opened its electric van plant in Dunmere on Monday.", "fulfilment", "plain_fulfilment"),
    pair("p2", "Hollin Autoworks scraps Dunmere van plant",
         "Hollin Autoworks has scrapped its plan for an electric van plant in Dunmere.", "cancellation",
         "cancellation"),
    pair("p3", "Hollin Autoworks opens new headquarters",
         "Hollin Autoworks opened its new headquarters in Dunmere on Monday.", "none", "same_actor_other_act"),
    pair("p4", "Contractor says Dunmere van plant is nearly finished",
         "Work on Hollin Autoworks' electric van plant in Dunmere is nearly finished.", "progress", "hedged"),
]


def test_pairs_are_scored_with_the_product_rule(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in PAIRS) + "\n", encoding="utf-8")
    t = eval_matching.evaluate_pairs(eval_matching.load_pairs(path), verbose=True)
    assert t.pairs == 4
    assert (t.auto_fulfil, t.auto_fulfil_right) == (1, 1)
    assert (t.fulfil_gold, t.fulfil_seen, t.fulfil_kind) == (1, 1, 1)
    assert (t.cancel_gold, t.cancel_found) == (1, 1)
    assert (t.near_gold, t.near_auto_decisive) == (1, 0)
    assert t.by_class["hedged"][:2] == [1, 1], "a hedged report is read as progress"


def test_a_blind_file_gives_aggregates_only(tmp_path, capsys):
    blind = tmp_path / "blind"
    blind.mkdir()
    (blind / "pairs.jsonl").write_text(json.dumps(PAIRS[0]) + "\n", encoding="utf-8")
    assert eval_matching.main(["--pairs", str(blind / "pairs.jsonl"), "--verbose"]) == 2
    assert eval_matching.main(["--pairs", str(blind / "pairs.jsonl"), "--sweep"]) == 2
    assert eval_matching.main(["--pairs", str(blind / "pairs.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "auto fulfilment precision" in out and "p1" not in out


def test_the_sweep_prints_each_threshold(tmp_path, capsys):
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in PAIRS) + "\n", encoding="utf-8")
    assert eval_matching.main(["--pairs", str(path), "--sweep"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.strip().startswith(("0.7", "0.9"))]
    assert len(rows) == 3 and all("(1/1)" in row for row in rows)


def test_the_extraction_and_pipeline_scripts_refuse_verbose_on_the_blind_split(tmp_path):
    """Per-case output names the split's sentences: whoever runs it must not be a rule writer."""
    sys.path.insert(0, str(_PATH.parent))  # the scripts import each other by their file names
    import eval_pipeline
    import evaluate

    blind = tmp_path / "blind" / "cases"
    blind.mkdir(parents=True)
    for main in (evaluate.main, eval_pipeline.main):
        with pytest.raises(SystemExit) as stop:
            main([str(blind), "--verbose"])
        assert stop.value.code == 2
