"""Measure the deadline reader (and finder) against labelled data.

Usage:
    python benchmarks/eval_deadlines.py DATA_DIR_OR_TSV

A TSV has the header ``phrase published due_latest_lo due_latest_hi note``;
empty lo/hi means "no deadline". A row is right when ``latest`` lies within
[lo - 3 days, hi + 3 days] (or is None for an empty range). Given a directory,
the script reads ``deadlines.tsv`` in it and, if there is a ``cases/`` folder,
also checks find_deadline on every labelled quote (``expected.json``): the phrase
found must equal ``deadline_phrase`` and its window must fall in
``due_latest_range``. Prints accuracy figures and lists every miss.
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, timedelta
from pathlib import Path

from tracker.errors import DeadlineError
from tracker.extract.deadlines import find_deadline, resolve_deadline

SLACK = timedelta(days=3)


def in_range(latest: date | None, lo: str | None, hi: str | None) -> bool:
    """Whether ``latest`` is an acceptable reading of the labelled range (None wants None)."""
    if not lo:
        return latest is None
    return latest is not None and date.fromisoformat(lo) - SLACK <= latest <= date.fromisoformat(hi) + SLACK


def latest_of(phrase: str, published: date) -> tuple[date | None, str]:
    try:
        window = resolve_deadline(phrase, published)
    except DeadlineError as exc:
        return None, f"ERROR {exc}"
    return window.latest, window.rule


def eval_tsv(path: Path) -> tuple[int, int]:
    """Score every row of a deadlines TSV; print the misses."""
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    right = 0
    for row in rows:
        latest, rule = latest_of(row["phrase"], date.fromisoformat(row["published"]))
        if in_range(latest, row["due_latest_lo"], row["due_latest_hi"]):
            right += 1
        else:
            print(f"  MISS {row['phrase']!r} @ {row['published']}: got {latest} ({rule}); "
                  f"want {row['due_latest_lo'] or 'none'}..{row['due_latest_hi'] or 'none'}")
    print(f"phrases: {right}/{len(rows)} = {right / max(1, len(rows)):.1%} ({path})")
    return right, len(rows)


def eval_cases(folder: Path) -> None:
    """find_deadline on each labelled quote: the exact phrase, and the window it gives."""
    phrase_ok = window_ok = total = 0
    for expected_file in sorted(folder.glob("*/expected.json")):
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        published = date.fromisoformat(expected["published"])
        for item in expected["commitments"]:
            total += 1
            found = find_deadline(item["quote"], published)
            phrase = found.phrase if found else None
            rng = item.get("due_latest_range") or [None, None]
            latest = latest_of(phrase, published)[0] if phrase else None
            phrase_ok += phrase == item["deadline_phrase"]
            window_ok += in_range(latest, rng[0], rng[1])
            if phrase != item["deadline_phrase"] or not in_range(latest, rng[0], rng[1]):
                print(f"  MISS {expected_file.parent.name}: found {phrase!r} -> {latest}; "
                      f"want {item['deadline_phrase']!r} -> {rng}")
    print(f"case quotes: phrase {phrase_ok}/{total}, window {window_ok}/{total}")


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    target = Path(argv[1])
    if target.is_dir():
        if (target / "deadlines.tsv").exists():
            eval_tsv(target / "deadlines.tsv")
        if (target / "cases").is_dir():
            eval_cases(target / "cases")
    else:
        eval_tsv(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
