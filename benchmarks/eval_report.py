"""Score the extractor, the matcher and the whole pipeline on every labelled set, and write docs/evaluation.md.

    python benchmarks/eval_report.py [--shared ../shared/data] [--out docs/evaluation.md]

(``make eval`` runs it.) The sets, side by side:

* ``dev-*`` (shared): 24 invented cases the first rules were tuned on: a training score;
* ``real-*`` (shared): 36 cases about real organisations, used while writing rules;
* ``benchmarks/data/dev``: our own development corpus (and ``pairs.jsonl`` for the matcher);
* ``benchmarks/data/blind``: written and labelled apart from the rules; nobody who writes rules
  reads it. Only the aggregate figures below are ever printed for it (no per-case listing).

Each figure comes from ``evaluate.py`` (extraction, ``--pipeline``) and ``eval_matching.py``
(``--pairs``) run as separate processes, exactly as a developer would run them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LINE = re.compile(r"^([a-zA-Z][\w ()/-]*?)\s{2,}(\S+)")

EXTRACTION = [("precision", "precision"), ("recall", "recall"), ("F1", "F1"),
              ("recall into review", "into review"), ("actor accuracy", "actor"), ("deadline accuracy", "deadline")]
PIPELINE = [("outcome accuracy", "outcome"), ("evidence precision", "evidence P"), ("evidence recall", "evidence R"),
            ("delays detected", "delays")]


def run(args: list[str]) -> dict[str, str]:
    """Run one evaluation script and read its ``name   value`` lines."""
    env = {**os.environ, "PYTHONPATH": f"{HERE}{os.pathsep}{ROOT}"}
    out = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT)
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    return {m.group(1).strip(): m.group(2) for line in out.stdout.splitlines() if (m := LINE.match(line))}


def subset(cases: Path, prefix: str, into: Path) -> Path | None:
    """A folder of links to the cases whose names start with ``prefix``."""
    if not cases.is_dir():
        return None
    into.mkdir(parents=True, exist_ok=True)
    for case in sorted(cases.iterdir()):
        if case.name.startswith(prefix) and (case / "expected.json").is_file():
            (into / case.name).symlink_to(case.resolve())
    return into if any(into.iterdir()) else None


# The fresh batches: folder, its name in the table, and since when it is development data
FRESH = [
    ("fresh", "fresh", "2026-12-04"),
    ("fresh2", "fresh, second batch", "2026-12-04 (thirteenth session)"),
    ("fresh3", "fresh, third batch", "2026-12-04 (fourteenth session)"),
    ("fresh4", "fresh, fourth batch", "2026-12-04 (fifteenth session)"),
    ("fresh5", "fresh, fifth batch", "2026-12-05 (sixteenth session)"),
    ("fresh6", "fresh, sixth batch", "2026-12-05 (seventeenth session)"),
]


def sets(shared: Path, tmp: Path) -> list[tuple[str, str, Path | None]]:
    cases = shared / "cases"
    data = ROOT / "benchmarks" / "data"
    return [
        ("`dev-*` (shared)", "training: the first rules were tuned on it", subset(cases, "dev-", tmp / "dev")),
        ("`real-*` (shared)", "development: read while writing rules", subset(cases, "real-", tmp / "real")),
        ("our corpus (`benchmarks/data/dev`)", "development", subset(data / "dev/cases", "", tmp / "ours")),
        *((f"{name} (`benchmarks/data/{folder}`)",
           f"development since {since}; unseen when first scored (see DEVELOPERS.md)",
           subset(data / folder / "cases", "", tmp / folder)) for folder, name, since in FRESH),
        ("blind (`benchmarks/data/blind`)", "blind: never read by rule writers",
         subset(data / "blind/cases", "", tmp / "blind")),
    ]


def table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "evaluation.md")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        groups = sets(args.shared, Path(tmp))
        ext_rows, pipe_rows = [], []
        for name, role, path in groups:
            if path is None:
                ext_rows.append([name, role, "not present"] + [""] * len(EXTRACTION))
                continue
            got = run(["benchmarks/evaluate.py", str(path)])
            ext_rows.append([name, role, got.get("cases", "?")] + [got.get(k, got.get("error", "?")) for k, _ in EXTRACTION])
            print(f"extraction  {name}: " + ", ".join(f"{short} {got.get(k, '?')}" for k, short in EXTRACTION))
            pipe = run(["benchmarks/evaluate.py", "--pipeline", str(path)])
            pipe_rows.append([name, role, pipe.get("pipeline cases", "?")]
                             + [pipe.get(k, pipe.get("error", "?")) for k, _ in PIPELINE])
            print(f"pipeline    {name}: " + ", ".join(f"{short} {pipe.get(k, '?')}" for k, short in PIPELINE))
        pair_rows = []
        for name, role, path in (("our pairs (`benchmarks/data/dev/pairs.jsonl`)", "development",
                                  ROOT / "benchmarks/data/dev/pairs.jsonl"),
                                 ("blind pairs (`benchmarks/data/blind/pairs.jsonl`)", "blind",
                                  ROOT / "benchmarks/data/blind/pairs.jsonl")):
            if not path.is_file():
                pair_rows.append([name, role, "not present", ""])
                continue
            got = run(["benchmarks/eval_matching.py", "--pairs", str(path)])
            figures = "; ".join(f"{k} {v}" for k, v in got.items())
            count = next((v for k, v in got.items() if k.startswith("pairs")), "?")
            figures = "; ".join(f"{k} {v}" for k, v in got.items() if not k.startswith("pairs"))
            pair_rows.append([name, role, count, figures])
            print(f"matching    {name}: {figures}")
    doc = f"""# Evaluation

Regenerated by `make eval` (`benchmarks/eval_report.py`) on {dt.date.today().isoformat()}. Data and the
blind rule: [DEVELOPERS.md](DEVELOPERS.md).

**Read the rows for what they are.** `dev-*` is a training score: the first extractor was tuned on it
for many rounds. `real-*` and our own corpus were read while writing the current rules, so they are
development scores and flatter the extractor too. Only the blind rows measure writing the rules never
saw; nobody who writes rules reads those files or changes a rule because of one of them.

## Extraction

Scored as the product stores commitments unseen (confidence at or above `extract.min_confidence`);
"into review" counts labelled promises stored automatically *or* put in the editor's queue
(at or above `extract.review_threshold`). Actor and deadline accuracy are over matched commitments.
Since 2026-12-03 a national government counts as one actor by any of its names ("Peruvian government",
"Government of Peru"), and, from the sixth session of that day, a city's government by the city's name
("City of Tarnby", "Tarnby"); actor figures from before these changes are not comparable. Since 2026-12-04
an optional label reached only in the queue counts in the "into review" denominator too (before, the figure
could exceed 1); "into review" figures from before are not comparable.

{table(["set", "role", "cases"] + [s for _, s in EXTRACTION], ext_rows)}

## Whole pipeline

Extract, poll the case's `feed.xml`, match, judge as of the case's `as_of`, with automatic acceptance
only (what a reader would see before any editor acts). Only cases with a feed count.

{table(["set", "role", "cases"] + [s for _, s in PIPELINE], pipe_rows)}

## Matcher on (promise, news item, kind) pairs

Each pair scored with the product's matcher and acceptance rule (`benchmarks/eval_matching.py --pairs`).

{table(["set", "role", "pairs", "figures"], pair_rows)}
"""
    args.out.write_text(doc, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
