"""Score the whole pipeline per case: announcement -> feed -> evidence -> status.

    python benchmarks/evaluate.py DATA_DIR --pipeline [--verbose]
    python benchmarks/eval_pipeline.py DATA_DIR [--verbose]

For every case with a ``feed.xml`` (format of ``/work/shared/data/cases/``):
a fresh SQLite database; ``announcement.txt`` extracted and saved with its
date; ``feed.xml`` added as an evidence feed and polled once (the tracker's
own poll, so fetch, parse, store, match and automatic acceptance all run);
then every commitment is judged as of the case's ``as_of`` with automatic
acceptance only (nothing reviewed by hand; linked pages are not fetched).

Printed:

* outcome accuracy: over labelled commitments with an ``outcome``; the
  tracker's status of the matched found commitment equals ``outcome``, or one
  of ``acceptable_outcomes``; ``pending`` also accepts ``due_soon`` and
  ``no_deadline``. A labelled commitment the extractor missed counts wrong.
* evidence precision: accepted fulfilment/cancellation evidence whose item is
  in the matched labelled commitment's ``evidence_guids`` (an item in its
  ``delay_guids`` or ``progress_guids`` is not counted against it); recall:
  labelled ``evidence_guids`` that were accepted as fulfilment/cancellation,
  over labelled commitments whose outcome is an event (kept, kept_late,
  withdrawn, or broken with an ``outcome_date``).
* deadline revisions: labelled ``delay_guids`` that produced an accepted
  delay (and a revision when the item gave a new date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaluate import Case, load_cases, one_to_one, print_notes  # noqa: E402

from tracker import clock, db  # noqa: E402
from tracker.config import Config  # noqa: E402
from tracker.evidence import pending_evidence  # noqa: E402
from tracker.intake import save_extraction  # noqa: E402
from tracker.pipeline import extract_source, poll, status_rules  # noqa: E402
from tracker.queries import facts_for, list_commitments  # noqa: E402
from tracker.status import judge  # noqa: E402

EVENT_OUTCOMES = ("kept", "kept_late", "withdrawn")
FINAL_KINDS = ("fulfilment", "cancellation")


@dataclass
class PipelineReport:
    outcomes_ok: int = 0
    outcomes: int = 0
    ev_true: int = 0
    ev_accepted: int = 0
    ev_found: int = 0
    ev_labelled: int = 0
    delays_found: int = 0
    delays_labelled: int = 0
    notes: dict[str, list[str]] = field(default_factory=dict)

    @staticmethod
    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0


def outcome_ok(status: str, label: dict) -> bool:
    accepted = {label["outcome"], *label.get("acceptable_outcomes", [])}
    if "pending" in accepted:
        accepted |= {"due_soon", "no_deadline"}
    return status in accepted


def run_case(case: Case, case_dir: Path, workdir: Path) -> list[tuple[dict, dict | None]]:
    """Run the pipeline on one case; returns (label, found-commitment view or None) pairs."""
    url = f"sqlite:///{workdir / (case.name + '.db')}"
    config = Config()
    config.database.url = url
    config.fetch.archive_evidence_pages = False
    engine = db.make_engine(url)
    db.upgrade(engine)
    as_of = dt.date.fromisoformat(case.expected["as_of"])
    clock.set_as_of(as_of)
    rules = status_rules(config)
    found, src, day = extract_source(str(case_dir / "announcement.txt"), config, published=case.published)
    with db.write_session(engine) as session:
        save_extraction(session, src, found.commitments, published=day, by="eval", today=as_of, rules=rules)
    from tracker.feedstore import add_feed

    with db.write_session(engine) as session:
        add_feed(session, str(case_dir / "feed.xml"), role="evidence", every="1d", now=clock.now())
    poll(engine, config, every_feed=True)
    views = []
    with db.read_session(engine) as session:
        for c in list_commitments(session):
            verdict = judge(facts_for(c), as_of, rules)
            evidence = [(e.kind, e.item.guid if e.item else None, e.state) for e in c.evidence]
            views.append({"what": c.what, "quote": c.quote or "", "status": verdict.status, "evidence": evidence,
                          "revisions": len(c.revisions)})
        assert pending_evidence(session) is not None
    engine.dispose()
    labels = case.expected["commitments"]
    shells = [SimpleNamespace(what=v["what"], quote=v["quote"]) for v in views]
    pairs = dict((li, fi) for fi, li in one_to_one(shells, labels))
    return [(label, views[pairs[i]] if i in pairs else None) for i, label in enumerate(labels)]


def score_case(name: str, results: list[tuple[dict, dict | None]], rep: PipelineReport) -> None:
    notes = rep.notes.setdefault(name, [])
    for label, view in results:
        if label.get("outcome") is None:
            continue
        rep.outcomes += 1
        status = view["status"] if view else "(not extracted)"
        if view and outcome_ok(status, label):
            rep.outcomes_ok += 1
        else:
            notes.append(f"outcome  {label['what']!r}: {status} (want {label['outcome']})")
        _score_evidence(label, view, rep, notes)


def _score_evidence(label: dict, view: dict | None, rep: PipelineReport, notes: list[str]) -> None:
    accepted = {(kind, guid) for kind, guid, state in (view["evidence"] if view else []) if state == "accepted"}
    final = {guid for kind, guid in accepted if kind in FINAL_KINDS}
    allowed = set(label.get("evidence_guids", [])) | set(label.get("delay_guids", [])) | set(label.get("progress_guids", []))
    rep.ev_accepted += len(final)
    rep.ev_true += len(final & set(label.get("evidence_guids", [])))
    for wrong in sorted(final - allowed):
        notes.append(f"wrong evidence {wrong} for {label['what']!r}")
    if label["outcome"] in EVENT_OUTCOMES or (label["outcome"] == "broken" and label.get("outcome_date")):
        wanted = set(label.get("evidence_guids", []))
        rep.ev_labelled += len(wanted)
        rep.ev_found += len(wanted & final)
        for missed in sorted(wanted - final):
            notes.append(f"missed evidence {missed} for {label['what']!r}")
    delays = {guid for kind, guid in accepted if kind == "delay"}
    rep.delays_labelled += len(label.get("delay_guids", []))
    rep.delays_found += len(set(label.get("delay_guids", [])) & delays)


def evaluate_pipeline(data_dir: Path) -> tuple[PipelineReport, int]:
    root = data_dir / "cases" if (data_dir / "cases").is_dir() else data_dir
    rep = PipelineReport()
    cases = [c for c in load_cases(data_dir) if (root / c.name / "feed.xml").is_file()]
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            score_case(case.name, run_case(case, root / case.name, Path(tmp)), rep)
    clock.set_as_of(None)
    return rep, len(cases)


def print_report(rep: PipelineReport, cases: int, verbose: bool) -> None:
    if verbose:
        print_notes(rep.notes)
    r = PipelineReport.ratio
    print(f"pipeline cases       {cases}")
    print(f"outcome accuracy     {r(rep.outcomes_ok, rep.outcomes):.3f}  ({rep.outcomes_ok}/{rep.outcomes})")
    print(f"evidence precision   {r(rep.ev_true, rep.ev_accepted):.3f}  ({rep.ev_true}/{rep.ev_accepted} accepted)")
    print(f"evidence recall      {r(rep.ev_found, rep.ev_labelled):.3f}  ({rep.ev_found}/{rep.ev_labelled} labelled)")
    print(f"delays detected      {r(rep.delays_found, rep.delays_labelled):.3f}  "
          f"({rep.delays_found}/{rep.delays_labelled} labelled delay items)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    if args.verbose and "blind" in args.data_dir.resolve().parts:
        ap.error(f"{args.data_dir} is in the blind split: only aggregate figures (drop --verbose)")
    rep, cases = evaluate_pipeline(args.data_dir)
    print_report(rep, cases, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
