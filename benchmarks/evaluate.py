"""Score the commitment extractor against labelled cases.

    python benchmarks/evaluate.py DATA_DIR [--tsv deadlines.tsv] [--verbose]

DATA_DIR is a directory of cases (``<case>/announcement.txt`` +
``<case>/expected.json``, the format of ``/work/shared/data/cases/``) or its
parent holding ``cases/``. The deadline-phrase table is read from ``--tsv``,
else from ``deadlines.tsv`` in DATA_DIR or its parent, when there is one.

Scoring (as in the data README):

* A found commitment matches a labelled one when its quote is the labelled
  quote sentence -- the two share at least 60% of their words, counted
  against the longer of the two (lower-cased word sets) -- or when the found
  ``what`` and quote together contain at least 60% of the labelled ``what``'s
  words. Each labelled commitment matches at most one found one and vice
  versa (a maximum one-to-one matching, best-scoring pairs first).
* Precision = matched found / all found; recall = matched labelled /
  labelled, where a labelled commitment marked ``"optional": true`` is left
  out of the denominator when nothing matches it (it costs nothing when missed).
* Actor accuracy, over matched pairs. Names are normalised (case, a leading
  "the", possessive 's, punctuation); the labelled actor is split into its
  variants (``"Norrland Rail Authority (NRA)"`` -> the whole,
  ``Norrland Rail Authority``, ``NRA``; ``"Ilse Varga, Veldmark health
  minister (Ministry of Health)"`` -> also each comma part), and the found
  actor together with its ``actor_aliases``. Two names match when equal, when
  one is the other's initials (``NRA``), or when the shorter is a run of
  consecutive words of the longer and is either at least two words long
  (``Ministry of Health`` in ``Veldmark Ministry of Health``) or the longer
  name's first word (``Velotron`` / ``Velotron Motors``). A national government matches any of its
  names in the tracker's country table (``Peruvian government`` / ``Government of Peru``); this
  rule was added on 2026-12-03, and actor figures before and after it are not comparable. A city's
  government matches the city's name (``City of Tollby`` / ``Tollby``); added later the same day
  (sixth session), with the same caveat.
* Deadline accuracy, over matched pairs: the found ``due_latest`` lies in
  ``due_latest_range`` with 3 days of slack either side; a null range wants a
  null ``due_latest``.
* Deadline-phrase accuracy, over the TSV: ``resolve_deadline(phrase,
  published)`` gives a ``latest`` in ``[lo, hi]`` (3 days of slack); rows with
  empty lo/hi want no deadline (a ``DeadlineError`` or a null ``latest``).

``--verbose`` lists, per case, misses, false positives and actor/deadline
mismatches. By default only extraction is scored; ``--pipeline`` runs the
whole pipeline per case instead (feeds -> statuses against the ``outcome``
fields; see ``eval_pipeline.py``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import DeadlineError
from tracker.extract import Commitment
from tracker.extract.extractor import read_text
from tracker.language.governments import national_government
from tracker.extract.model import DEFAULT_MIN_CONFIDENCE as MIN_CONFIDENCE
from tracker.extract.model import DEFAULT_REVIEW_THRESHOLD as REVIEW_THRESHOLD
from tracker.extract.deadlines import resolve_deadline

MATCH_THRESHOLD = 0.6
SLACK = dt.timedelta(days=3)
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")


# -- loading ------------------------------------------------------------------

@dataclass
class Case:
    name: str
    text: str
    published: dt.date
    expected: dict
    header: dict = field(default_factory=dict)


def case_dirs(data_dir: Path) -> list[Path]:
    """The case directories under ``data_dir`` (the cases/ dir itself or its parent)."""
    root = data_dir / "cases" if (data_dir / "cases").is_dir() else data_dir
    return sorted(p for p in root.iterdir() if (p / "announcement.txt").is_file() and (p / "expected.json").is_file())


def read_announcement(path: Path) -> tuple[dict[str, str], str]:
    """``key: value`` header lines, a blank line, then the text."""
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n\n")
    header = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon:
            return {}, raw  # no header block
        header[key.strip().lower()] = value.strip()
    return header, body if sep else ""


def load_cases(data_dir: Path) -> list[Case]:
    cases = []
    for d in case_dirs(data_dir):
        header, text = read_announcement(d / "announcement.txt")
        expected = json.loads((d / "expected.json").read_text(encoding="utf-8"))
        day = expected.get("published") or header.get("date")
        if not day:
            print(f"skipping {d.name}: no publication date (expected.json 'published' or 'date:' header)",
                  file=sys.stderr)
            continue
        cases.append(Case(d.name, text, dt.date.fromisoformat(day), expected, header))
    return cases


# -- matching -----------------------------------------------------------------

def words(text: str | None) -> set[str]:
    return set(_WORD.findall((text or "").lower()))


def quote_overlap(found: str, labelled: str) -> float:
    a, b = words(found), words(labelled)
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def what_coverage(found: Commitment, labelled_what: str) -> float:
    want = words(labelled_what)
    return len(want & (words(found.what) | words(found.quote))) / len(want) if want else 0.0


def match_score(found: Commitment, label: dict) -> float:
    """How well a found commitment fits a labelled one (0 when it does not match)."""
    q = quote_overlap(found.quote, label.get("quote", ""))
    w = what_coverage(found, label.get("what", ""))
    best = max(q, w)
    # two promises of one sentence share its quote: the `what` alone decides which label is whose
    want = words(label.get("what", ""))
    own = len(want & words(found.what)) / len(want) if want else 0.0
    return best + 0.01 * own if best >= MATCH_THRESHOLD else 0.0


def one_to_one(found: list[Commitment], labels: list[dict]) -> list[tuple[int, int]]:
    """A maximum matching (Kuhn's augmenting paths), trying best-scoring pairs first."""
    scores = [[match_score(f, lab) for lab in labels] for f in found]
    owner: dict[int, int] = {}  # label index -> found index

    def augment(fi: int, seen: set[int]) -> bool:
        for li in sorted(range(len(labels)), key=lambda j: -scores[fi][j]):
            if scores[fi][li] <= 0 or li in seen:
                continue
            seen.add(li)
            if li not in owner or augment(owner[li], seen):
                owner[li] = fi
                return True
        return False

    order = sorted(range(len(found)), key=lambda i: -max(scores[i], default=0))
    for fi in order:
        augment(fi, set())
    return sorted((fi, li) for li, fi in owner.items())


# -- actors ---------------------------------------------------------------------

def _norm_name(name: str) -> str:
    name = re.sub(r"['\u2019]s\b", "", name.lower())
    name = re.sub(r"[^\w&\s-]", " ", name)
    name = re.sub(r"^\s*the\s+", "", name)
    return re.sub(r"\s+", " ", name).strip()


def label_variants(label: str) -> set[str]:
    out = {label}
    out |= set(re.findall(r"\(([^)]*)\)", label))
    bare = re.sub(r"\([^)]*\)", " ", label)
    out.add(bare)
    out |= set(bare.split(","))
    # a city's government by the city's name ("City of Tollby" / "Tollby"), since 2026-12-03 (sixth session)
    out |= {m.group(1) for v in list(out) for m in [re.match(r"\s*(?:the\s+)?city\s+of\s+(.+)", v, re.I)] if m}
    return {_norm_name(v) for v in out if _norm_name(v)}


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w not in {"of", "and", "the", "for", "&"})


def names_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if " " not in short and len(long_.split()) > 1 and short == _initials(long_):
        return True
    st, lt = short.split(), long_.split()
    for i in range(len(lt) - len(st) + 1):
        if lt[i : i + len(st)] == st:
            return len(st) >= 2 or (i == 0 and len(short) >= 4)
    return False


def actor_matches(found: Commitment, label: str | None) -> bool:
    if not label:
        return found.actor is None
    if found.actor is None:
        return False
    mine = {_norm_name(n) for n in (found.actor, *found.actor_aliases) if _norm_name(n)}
    if any(names_match(m, v) for m in mine for v in label_variants(label)):
        return True
    # one national government by any of its names ("Indian government", "Government of India")
    ours = {national_government(n) for n in (found.actor, *found.actor_aliases)} - {None}
    return bool(ours & {national_government(v) for v in (label, *label_variants(label))})


# -- deadlines -------------------------------------------------------------------

def in_range(latest: dt.date | None, rng: list[str] | None) -> bool:
    if not rng:
        return latest is None
    if latest is None:
        return False
    lo, hi = (dt.date.fromisoformat(x) for x in rng)
    return lo - SLACK <= latest <= hi + SLACK


def find_tsv(data_dir: Path, explicit: Path | None) -> Path | None:
    if explicit is not None:
        return explicit
    for d in (data_dir, data_dir.parent):
        if (d / "deadlines.tsv").is_file():
            return d / "deadlines.tsv"
    return None


def evaluate_deadline_table(path: Path, verbose: bool = False) -> tuple[int, int, list[str]]:
    """(correct, total, failures) for every row of a deadlines TSV."""
    ok = total = 0
    fails = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            total += 1
            phrase, published = row["phrase"], dt.date.fromisoformat(row["published"])
            lo, hi = row.get("due_latest_lo") or "", row.get("due_latest_hi") or ""
            try:
                latest = resolve_deadline(phrase, published).latest
            except DeadlineError:
                latest = None
            good = in_range(latest, [lo, hi] if lo and hi else None)
            ok += good
            if not good:
                fails.append(f"{phrase!r} ({published}): got {latest}, want {lo or 'none'}..{hi or 'none'}")
    return ok, total, fails


# -- extraction -------------------------------------------------------------------

@dataclass
class ExtractionReport:
    found: int = 0
    matched: int = 0  # pairs
    labelled: int = 0  # recall denominator
    actor_ok: int = 0
    queued: int = 0  # candidates at or above the review threshold
    queued_matched: int = 0  # labelled commitments among them
    queued_labelled: int = 0  # labelled commitments, optional ones only when reached
    deadline_ok: int = 0
    notes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def actor_accuracy(self) -> float:
        return self.actor_ok / self.matched if self.matched else 0.0

    @property
    def review_recall(self) -> float:
        """Labelled commitments stored automatically or put in the editor's queue."""
        return self.queued_matched / self.queued_labelled if self.queued_labelled else 0.0

    @property
    def deadline_accuracy(self) -> float:
        return self.deadline_ok / self.matched if self.matched else 0.0


def evaluate_extraction(cases: list[Case], min_confidence: float = MIN_CONFIDENCE,
                        review_threshold: float = REVIEW_THRESHOLD) -> ExtractionReport:
    """Score what the product would store automatically (confidence >= ``min_confidence``).

    Candidates between ``review_threshold`` and it go to the editor's queue: they count for
    ``review_recall`` (found automatically or queued), not for precision or recall.
    """
    rep = ExtractionReport()
    for case in cases:
        ex = read_text(case.text, case.published, publisher=case.header.get("source"), title=case.header.get("title"),
                       min_confidence=min_confidence, review_threshold=review_threshold)
        found, queued = ex.commitments, ex.commitments + ex.proposals
        labels = case.expected.get("commitments", [])
        pairs = one_to_one(found, labels)
        matched_labels = {li for _, li in pairs}
        # an optional label counts in "into review" as it does in recall: in the denominator once it is reached
        # (since 2026-12-04; before, one reached only in review could lift the figure above 1)
        queued_labels = {li for _, li in one_to_one(queued, labels)}
        rep.queued_matched += len(queued_labels)
        rep.queued_labelled += sum(1 for i, lab in enumerate(labels) if not lab.get("optional") or i in queued_labels)
        rep.queued += len(queued)
        rep.found += len(found)
        rep.matched += len(pairs)
        rep.labelled += sum(1 for i, lab in enumerate(labels) if not lab.get("optional") or i in matched_labels)
        notes = rep.notes.setdefault(case.name, [])
        for fi, li in pairs:
            f, lab = found[fi], labels[li]
            if actor_matches(f, lab.get("actor")):
                rep.actor_ok += 1
            else:
                notes.append(f"actor    got {f.actor!r} {f.actor_aliases}, want {lab.get('actor')!r}: {f.quote[:70]!r}")
            if in_range(f.due_latest, lab.get("due_latest_range")):
                rep.deadline_ok += 1
            else:
                notes.append(
                    f"deadline got {f.deadline_phrase!r} -> {f.due_latest}, want {lab.get('deadline_phrase')!r} "
                    f"{lab.get('due_latest_range')}: {f.what!r}"
                )
        for li, lab in enumerate(labels):
            if li not in matched_labels:
                tag = "missed (optional)" if lab.get("optional") else "missed"
                notes.append(f"{tag:8} {lab.get('what')!r}: {lab.get('quote', '')[:80]!r}")
        matched_found = {fi for fi, _ in pairs}
        for fi, f in enumerate(found):
            if fi not in matched_found:
                notes.append(f"false+   {f.actor!r} {f.what!r}: {f.quote[:80]!r}")
    return rep


def print_notes(notes: dict[str, list[str]]) -> None:
    """The per-case misses that ``--verbose`` lists."""
    for name, lines in notes.items():
        if lines:
            print(f"== {name}")
            for line in lines:
                print(f"   {line}")
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path, help="a cases/ directory or its parent")
    ap.add_argument("--tsv", type=Path, help="deadline phrase table (default: DATA_DIR[/..]/deadlines.tsv)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list misses, false positives and mismatches")
    ap.add_argument("--pipeline", action="store_true",
                    help="run the whole pipeline per case (extract, poll feed.xml, match, judge as of as_of)")
    args = ap.parse_args(argv)
    if not args.data_dir.is_dir():
        ap.error(f"{args.data_dir} is not a directory")
    if args.verbose and "blind" in args.data_dir.resolve().parts:
        ap.error(f"{args.data_dir} is in the blind split: only aggregate figures (drop --verbose)")
    if args.pipeline:
        from eval_pipeline import evaluate_pipeline, print_report

        rep, count = evaluate_pipeline(args.data_dir)
        print_report(rep, count, args.verbose)
        return 0
    cases = load_cases(args.data_dir)
    if not cases:
        ap.error(f"no cases (announcement.txt + expected.json) under {args.data_dir}")
    rep = evaluate_extraction(cases)
    if args.verbose:
        print_notes(rep.notes)
    print(f"cases                {len(cases)}")
    print(f"commitments          found {rep.found}, labelled {rep.labelled}, matched {rep.matched}")
    print(f"precision            {rep.precision:.3f}")
    print(f"recall               {rep.recall:.3f}")
    print(f"F1                   {rep.f1:.3f}")
    print(f"recall into review   {rep.review_recall:.3f}  ({rep.queued_matched}/{rep.queued_labelled}; "
          f"{rep.queued} candidates at or above the review threshold)")
    print(f"actor accuracy       {rep.actor_accuracy:.3f}  ({rep.actor_ok}/{rep.matched} matched)")
    print(f"deadline accuracy    {rep.deadline_accuracy:.3f}  ({rep.deadline_ok}/{rep.matched} matched)")
    tsv = find_tsv(args.data_dir, args.tsv)
    if tsv is not None:
        ok, total, fails = evaluate_deadline_table(tsv)
        if args.verbose and fails:
            print("deadline phrases missed:")
            for f in fails:
                print(f"   {f}")
        print(f"deadline phrases     {ok / total if total else 0:.3f}  ({ok}/{total}, {tsv})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
