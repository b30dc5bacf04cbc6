"""The calibrated confidence of a candidate: a logistic model over the rules' own features.

The rules give each candidate a hand-set score and a list of general features (its cue family,
its doubts, whether it has a deadline, a thing as subject, ...; never a word of the text). A
logistic regression trained on the development corpus (``make calibrate``, which runs
``benchmarks/calibrate.py``) turns them into a probability that an editor would agree it is a
promise. The weights are data (``data/confidence.json``); without the file the hand score stands.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("data") / "confidence.json"


@lru_cache(maxsize=1)
def weights() -> dict | None:
    """The trained weights, or None when none are shipped."""
    try:
        return json.loads(WEIGHTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def calibrate(rule_score: float, features: tuple[str, ...]) -> float:
    """The probability that the candidate is a promise, from the hand score and the features.

    >>> 0.0 <= calibrate(0.9, ("family=will", "deadline")) <= 1.0
    True
    """
    w = weights()
    if w is None or not features:
        return rule_score
    z = w["bias"] + w["rule_score"] * rule_score + sum(w["features"].get(f, 0.0) for f in features)
    return round(1.0 / (1.0 + math.exp(-z)), 3)
