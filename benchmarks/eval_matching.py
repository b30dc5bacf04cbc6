"""Evaluate the evidence matcher on labelled cases; optionally time it.

Usage::

    python benchmarks/eval_matching.py DATA_DIR [--cases GLOB] [--verbose] [--speed]
    python benchmarks/eval_matching.py --pairs PAIRS.jsonl [--pairs ...] [--verbose]

Pairs (``--pairs``, any path; format in docs/DEVELOPERS.md, "Pair format"):
each (promise, item) pair is scored by the product's matcher and acceptance
rule (:func:`tracker.match.evidence_state`, default thresholds) and compared
with the labelled ``kind``: precision of automatically accepted fulfilments,
fulfilment recall into accepted-or-review, cancellations recognised, near
misses (``none``/``mention``) accepted as decisive. ``--verbose`` adds a
per-class table and the misses, and is refused for a file under a ``blind``
folder: whoever writes rules reads only the aggregate figures there.

``DATA_DIR`` holds case folders (``expected.json``, ``feed.xml``,
``announcement.txt``; see the data README), scored by group (``--cases``,
default ``dev-*`` then ``real-*``). Commitments are built from the
*labelled* commitments (``due_latest`` = the range's upper end; ``negated``
and keep-until as the extractor reads the quote, so the benchmark knows no
more than the product), every group's commitments go into **one** index, so an
item can also be wrongly matched to another case's promise. Items are matched
in date order; matches the product would accept unseen (score >= 0.75 and
``Match.auto``) are accepted as evidence, the rest at or above 0.45 would go
to review (not accepted here), below 0.45 are dropped. Each
commitment is then judged by ``tracker.status.judge`` as of the case's
``as_of``.

Figures:

* **outcome accuracy**: status == outcome (or in ``acceptable_outcomes``;
  ``pending`` also accepts ``due_soon`` and ``no_deadline``);
* **evidence precision**: accepted fulfilment/cancellation matches whose item
  is in that commitment's ``evidence_guids``;
* **evidence recall**: of the ``evidence_guids`` of commitments whose outcome
  is set by an event (kept, kept_late, withdrawn, a dated breach), the share
  found as accepted fulfilment/cancellation. ``strict recall`` counts every
  ``evidence_guids`` entry, found as any accepted non-progress match (a delay,
  or a "not done yet" mention for a promise broken by lapse);
* **delay detection**: accepted delay matches against ``delay_guids``.

``--speed`` times ``match_item`` (index lookup + scoring, CPU time) on
generated commitments (1k, 10k, 100k) and prints items per second; the cost
per item should stay nearly flat (the index caps the postings a word may open).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import feedparser  # noqa: E402

from tracker.extract import extract_commitments  # noqa: E402
from tracker.config import StatusConfig  # noqa: E402
from tracker.match import CandidateIndex, CommitmentDoc, ItemDoc, evidence_state, match_item, score  # noqa: E402
from tracker.status import CommitmentFacts, EvidenceFact, judge  # noqa: E402

PRODUCT = StatusConfig()  # the thresholds a new user runs with: measure what the product does

DECISIVE = ("fulfilment", "cancellation")


def product_flags(quote: str, published: dt.date) -> tuple[bool, bool]:
    """(negated, keep_until) as the product sets them: the extractor's reading of the quote.

    The benchmark must not read the promise better than the tracker does; a
    promise the extractor does not find in its own quote gets neither flag.
    """
    found = extract_commitments(quote or "", published)
    negated = any(c.negated for c in found)
    keep = any(getattr(c, "keep_until", False) for c in found)
    return negated, keep


@dataclass
class Case:
    name: str
    as_of: dt.date
    docs: dict[int, CommitmentDoc]
    labels: dict[int, dict]
    items: list[ItemDoc]
    guid_of: dict[int, str]


@dataclass
class Tally:
    outcomes: int = 0
    outcome_ok: int = 0
    ev_pred: int = 0
    ev_true_pos: int = 0
    ev_gold: int = 0
    ev_found: int = 0
    strict_gold: int = 0
    strict_found: int = 0
    delay_pred: int = 0
    delay_true_pos: int = 0
    delay_gold: int = 0
    delay_found: int = 0
    review: int = 0
    misses: list[str] = field(default_factory=list)


def load_cases(data_dir: Path, pattern: str = "dev-*") -> list[Case]:
    """The cases in ``data_dir`` (or its ``cases/``) whose folder matches ``pattern`` and have a feed."""
    if (data_dir / "cases").is_dir():
        data_dir = data_dir / "cases"
    cases = []
    next_id = 1
    item_id = 1
    for folder in sorted(f for f in data_dir.glob(pattern) if (f / "feed.xml").is_file()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        first = (folder / "announcement.txt").read_text(encoding="utf-8").splitlines()[0]
        stated = dt.date.fromisoformat(first.split(":", 1)[1].strip())
        docs, labels = {}, {}
        for c in expected["commitments"]:
            rng = c.get("due_latest_range")
            due = dt.date.fromisoformat(rng[1]) if rng else None
            negated, keep = product_flags(c["quote"], stated)
            docs[next_id] = CommitmentDoc(next_id, c["actor"], (), c["what"], c["quote"], due, negated, stated,
                                          keep_until=keep)
            labels[next_id] = c
            next_id += 1
        parsed = feedparser.parse(str(folder / "feed.xml"))
        items, guid_of = [], {}
        for e in parsed.entries:
            published = dt.date(*e.published_parsed[:3]) if e.get("published_parsed") else None
            text = html.unescape(re.sub(r"<[^>]+>", " ", e.get("description", "")))
            items.append(ItemDoc(item_id, e.get("title", ""), text, e.get("link"), published))
            guid_of[item_id] = e.get("id") or e.get("guid")
            item_id += 1
        items.sort(key=lambda i: (i.published or dt.date.min, i.id))
        cases.append(Case(folder.name, dt.date.fromisoformat(expected["as_of"]), docs, labels, items, guid_of))
    return cases


def evaluate(cases: list[Case], verbose: bool) -> Tally:
    all_docs = {cid: d for case in cases for cid, d in case.docs.items()}
    index = CandidateIndex(all_docs.values())
    owner = {cid: case for case in cases for cid in case.docs}
    guid_of = {iid: g for case in cases for iid, g in case.guid_of.items()}
    items = sorted((i for case in cases for i in case.items), key=lambda i: (i.published or dt.date.min, i.id))
    accepted: dict[int, list] = {cid: [] for cid in all_docs}
    for item in items:
        for m in match_item(item, index, all_docs):
            state = evidence_state(m, PRODUCT.auto_accept, PRODUCT.review_threshold)
            if state == "accepted":
                accepted[m.commitment_id].append(m)
            elif state == "proposed":
                accepted.setdefault(-m.commitment_id, []).append(m)
    t = Tally()
    for cid, doc in all_docs.items():
        case, label = owner[cid], owner[cid].labels[cid]
        _judge(t, case, doc, label, accepted[cid], accepted.get(-cid, []), guid_of, verbose)
    return t


def _judge(t: Tally, case: Case, doc: CommitmentDoc, label: dict, got: list, review: list,
           guid_of: dict[int, str], verbose: bool) -> None:
    facts = CommitmentFacts(doc.due_latest, doc.negated, tuple(
        EvidenceFact(m.kind, m.event_date, m.item_id, m.new_due_latest) for m in got), keep_until=doc.keep_until)
    verdict = judge(facts, case.as_of)
    ok = {label["outcome"], *label.get("acceptable_outcomes", [])}
    if label["outcome"] == "pending":
        ok |= {"due_soon", "no_deadline"}
    t.outcomes += 1
    t.review += len(review)
    tag = f"{case.name} #{doc.id} '{doc.what}'"
    if verdict.status in ok:
        t.outcome_ok += 1
    else:
        t.misses.append(f"OUTCOME {tag}: got {verdict.status} ({verdict.reason}), want {label['outcome']}")
    gold = set(label["evidence_guids"])
    event_outcome = label["outcome"] in ("kept", "kept_late", "withdrawn") or (
        label["outcome"] == "broken" and label.get("outcome_date"))
    if doc.negated and label["outcome"] == "kept":
        event_outcome = False
    decisive = {guid_of[m.item_id]: m for m in got if m.kind in DECISIVE}
    for g, m in decisive.items():
        t.ev_pred += 1
        if g in gold:
            t.ev_true_pos += 1
        else:
            t.misses.append(f"FALSE EVIDENCE {tag}: {g} as {m.kind} {m.score} cue={m.explanation['cue']!r} "
                            f"notes={m.explanation['notes']}")
    if event_outcome:
        t.ev_gold += len(gold)
        t.ev_found += len(gold & set(decisive))
        for g in sorted(gold - set(decisive)):
            t.misses.append(f"MISSED EVIDENCE {tag}: {g} {_best(case, doc, g, guid_of)}")
    strict = {guid_of[m.item_id] for m in got if m.kind != "progress"}
    t.strict_gold += len(gold)
    t.strict_found += len(gold & strict)
    delays = {guid_of[m.item_id]: m for m in got if m.kind == "delay"}
    dgold = set(label["delay_guids"])
    t.delay_pred += len(delays)
    t.delay_true_pos += len(set(delays) & dgold)
    t.delay_gold += len(dgold)
    t.delay_found += len(set(delays) & dgold)
    for g, m in delays.items():
        if g not in dgold:
            t.misses.append(f"FALSE DELAY {tag}: {g} {m.score} cue={m.explanation['cue']!r}")
    for g in sorted(dgold - set(delays)):
        t.misses.append(f"MISSED DELAY {tag}: {g} {_best(case, doc, g, guid_of)}")


def _best(case: Case, doc: CommitmentDoc, guid: str, guid_of: dict[int, str]) -> str:
    item = next((i for i in case.items if guid_of[i.id] == guid), None)
    if item is None:
        return "(item not found)"
    m = score(item, doc)
    if m is None:
        return "(scored None)"
    return f"(got {m.kind} {m.score} cue={m.explanation['cue']!r} notes={m.explanation['notes']})"


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0/0)"


def report(t: Tally, verbose: bool) -> None:
    print(f"outcome accuracy     {_ratio(t.outcome_ok, t.outcomes)}")
    print(f"evidence precision   {_ratio(t.ev_true_pos, t.ev_pred)}")
    print(f"evidence recall      {_ratio(t.ev_found, t.ev_gold)}   (event outcomes)")
    print(f"strict recall        {_ratio(t.strict_found, t.strict_gold)}   (all evidence_guids)")
    print(f"delay precision      {_ratio(t.delay_true_pos, t.delay_pred)}")
    print(f"delay recall         {_ratio(t.delay_found, t.delay_gold)}")
    print(f"review queue         {t.review} matches that would wait for an editor")
    if verbose:
        for line in t.misses:
            print("  " + line)


# -- speed ---------------------------------------------------------------------------------------

SYLL = "ka lo ri ven tor mas el quin dra sol bar ith um pel nor gar fen wy zo cal mir tes ost lun".split()
NOUNS = ("plant factory line fleet station store branch centre clinic school bridge road tunnel port airport "
         "stadium roof court bill law policy plan report app phone watch tablet game engine compiler library "
         "database satellite orbiter rocket capsule bus tram train carriage route flight service fare price fee "
         "tax grant programme network pipeline turbine reactor mine farm hospital wing ward campus museum").split()
VERBS = "open launch release build close cut raise hire ship publish introduce install replace deliver add".split()
ADJS = "new electric public rural regional national free digital solar offshore coastal northern".split()


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLL) for _ in range(parts)).capitalize()


def generate(n: int, rng: random.Random) -> dict[int, CommitmentDoc]:
    actors = [f"{_name(rng, 3)} {rng.choice(['Labs', 'Group', 'Council', 'Motors', 'Bank', 'Agency'])}"
              for _ in range(max(50, n // 20))]
    docs = {}
    for i in range(1, n + 1):
        what = (f"{rng.choice(VERBS)} the {rng.choice(ADJS)} {_name(rng)} {rng.choice(NOUNS)} "
                f"{rng.choice(['to customers', 'in the north', 'for residents', ''])}").strip()
        docs[i] = CommitmentDoc(i, rng.choice(actors), (), what, None, dt.date(2027, 1, 1), False,
                                dt.date(2025, 1, 1))
    return docs


def _items(docs: dict[int, CommitmentDoc], rng: random.Random, k: int) -> list[ItemDoc]:
    items = []
    ids = list(docs)
    for j in range(k):
        d = docs[rng.choice(ids)]
        noise = " ".join(rng.choice(NOUNS + ADJS) for _ in range(12))
        items.append(ItemDoc(j, f"{d.actor} news: {rng.choice(NOUNS)} {rng.choice(VERBS)}ed",
                             f"{d.actor} said on Monday it had completed work to {d.what}. Officials said the "
                             f"{noise} was discussed. Analysts expect more {rng.choice(NOUNS)} news.",
                             None, dt.date(2026, 3, 4)))
    return items


def speed() -> None:
    rates = {}
    for n in (1_000, 10_000, 100_000):
        rng = random.Random(7)
        docs = generate(n, rng)
        t0 = time.perf_counter()
        index = CandidateIndex(docs.values())
        built = time.perf_counter() - t0
        items = _items(docs, rng, 300)
        t0 = time.process_time()  # CPU time: other processes on the machine do not skew the ratio
        found = sum(len(match_item(i, index, docs)) for i in items)
        took = time.process_time() - t0
        rates[n] = len(items) / took
        print(f"{n:>7} commitments: index built in {built:.1f}s; {rates[n]:.0f} items/s "
              f"({1000 * took / len(items):.1f} ms CPU per item, {found} matches)")
    print(f"ratio 100k/1k items/s: {rates[100_000] / rates[1_000]:.2f}")


# -- pairs -------------------------------------------------------------------------------------

@dataclass
class PairTally:
    """Figures over (promise, item, kind) pairs; see :func:`evaluate_pairs`."""

    pairs: int = 0
    auto_fulfil: int = 0
    auto_fulfil_right: int = 0
    fulfil_gold: int = 0
    fulfil_seen: int = 0  # accepted or sent to review (any kind)
    fulfil_kind: int = 0  # ... and read as fulfilment
    cancel_gold: int = 0
    cancel_found: int = 0  # read as cancellation, accepted or in review
    near_gold: int = 0
    near_auto_decisive: int = 0  # a near miss accepted as fulfilment/cancellation/delay
    by_class: dict[str, list[int]] = field(default_factory=dict)  # class -> [n, right kind, accepted, review]
    misses: list[str] = field(default_factory=list)


def load_pairs(path: Path) -> list[dict]:
    """One JSON object per line (format in docs/DEVELOPERS.md, "Pair format")."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def pair_docs(pair: dict, pid: int) -> tuple[CommitmentDoc, ItemDoc]:
    pr, it = pair["promise"], pair["item"]
    stated = _date(pr.get("stated_on")) or dt.date(2000, 1, 1)
    doc = CommitmentDoc(pid, pr["actor"], tuple(pr.get("aliases") or ()), pr["what"], pr.get("quote"),
                        _date(pr.get("due_latest")), bool(pr.get("negated")), stated,
                        keep_until=bool(pr.get("keep_until")))
    item = ItemDoc(pid, it.get("title") or "", it.get("text") or "", it.get("link"), _date(it.get("date")))
    return doc, item


def _predicted(m, negated: bool) -> tuple[str, str]:
    """(kind in the pair vocabulary, state) for a match (None: discarded as nothing)."""
    return _predicted_at(m, negated, PRODUCT.auto_accept, PRODUCT.review_threshold)


def evaluate_pairs(pairs: list[dict], verbose: bool = False) -> PairTally:
    """Score every pair with the product's own matcher and acceptance rule."""
    t = PairTally()
    for k, pair in enumerate(pairs, 1):
        doc, item = pair_docs(pair, k)
        kind, state = _predicted(score(item, doc), doc.negated)
        gold, cls = pair["kind"], pair.get("class", pair["kind"])
        t.pairs += 1
        row = t.by_class.setdefault(cls, [0, 0, 0, 0])
        row[0] += 1
        row[1] += state != "discarded" and kind == gold or (state == "discarded" and gold in ("none", "mention"))
        row[2] += state == "accepted"
        row[3] += state == "proposed"
        seen = state in ("accepted", "proposed")
        if state == "accepted" and kind == "fulfilment":
            t.auto_fulfil += 1
            t.auto_fulfil_right += gold == "fulfilment"
        if gold == "fulfilment":
            t.fulfil_gold += 1
            t.fulfil_seen += seen
            t.fulfil_kind += seen and kind == "fulfilment"
        if gold == "cancellation":
            t.cancel_gold += 1
            t.cancel_found += seen and kind == "cancellation"
        if gold in ("none", "mention"):
            t.near_gold += 1
            t.near_auto_decisive += state == "accepted" and kind in ("fulfilment", "cancellation", "delay", "breach")
        wrong = (state == "accepted" and kind != gold and kind in ("fulfilment", "cancellation", "delay", "breach")) \
            or (gold in ("fulfilment", "cancellation", "breach", "delay") and not (seen and kind == gold))
        if verbose and wrong:
            t.misses.append(f"{pair.get('id', k)} [{cls}] want {gold}, got {kind}/{state}")
    return t


def report_pairs(t: PairTally, label: str, verbose: bool) -> None:
    print(f"pairs ({label})        {t.pairs}")
    print(f"auto fulfilment precision   {_ratio(t.auto_fulfil_right, t.auto_fulfil)}")
    print(f"fulfilment recall           {_ratio(t.fulfil_seen, t.fulfil_gold)}   (accepted or review, any kind)")
    print(f"fulfilment read as such     {_ratio(t.fulfil_kind, t.fulfil_gold)}   (accepted or review)")
    print(f"cancellations recognised    {_ratio(t.cancel_found, t.cancel_gold)}")
    print(f"near misses auto-decided    {_ratio(t.near_auto_decisive, t.near_gold)}   (lower is better)")
    if verbose:
        print("  per class: n, right kind, accepted, review")
        for cls, (n, right, acc, rev) in sorted(t.by_class.items()):
            print(f"  {cls:<26} {n:>4} {right:>4} {acc:>4} {rev:>4}")
        for line in t.misses:
            print("  " + line)


def sweep(pairs: list[dict]) -> None:
    """Figures at other thresholds, to set ``auto_accept`` and ``review_threshold`` on dev pairs only."""
    scored = []
    for k, pair in enumerate(pairs, 1):
        doc, item = pair_docs(pair, k)
        scored.append((score(item, doc), doc.negated, pair["kind"]))
    fulfil = sum(gold == "fulfilment" for _, _, gold in scored)
    print("auto_accept  auto-fulfil  precision   | review  recall-into-review")
    for auto, review in ((0.65, 0.35), (0.7, 0.4), (0.75, 0.45), (0.8, 0.5), (0.85, 0.55), (0.9, 0.6)):
        got = [(_predicted_at(m, neg, auto, review), gold) for m, neg, gold in scored]
        acc = [gold for (kind, state), gold in got if state == "accepted" and kind == "fulfilment"]
        seen = sum(state != "discarded" for (kind, state), gold in got if gold == "fulfilment")
        print(f"{auto:>11.2f}  {len(acc):>11}  {_ratio(acc.count('fulfilment'), len(acc)):<11} | "
              f"{review:>6.2f}  {_ratio(seen, fulfil)}")


def _predicted_at(m, negated: bool, auto: float, review: float) -> tuple[str, str]:
    if m is None:
        return "none", "discarded"
    kind = "breach" if negated and m.kind == "fulfilment" else m.kind
    return kind, evidence_state(m, auto, review)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", type=Path, nargs="?", help="a folder of cases (or its parent holding cases/)")
    ap.add_argument("--cases", action="append", metavar="GLOB",
                    help="case folders to score, one group per flag (default: dev-* and real-*)")
    ap.add_argument("--pairs", type=Path, action="append", default=[], metavar="PAIRS.jsonl",
                    help="also score a pairs file (any path; aggregate figures only unless --verbose)")
    ap.add_argument("--verbose", action="store_true", help="print every miss")
    ap.add_argument("--sweep", action="store_true", help="pairs: figures at other thresholds (dev pairs only)")
    ap.add_argument("--speed", action="store_true", help="time matching at 1k/10k/100k commitments")
    args = ap.parse_args(argv)
    if args.data_dir is None and not args.pairs and not args.speed:
        ap.error("give DATA_DIR, --pairs PATH or --speed")
    if args.data_dir is not None:
        for pattern in args.cases or ["dev-*", "real-*"]:
            cases = load_cases(args.data_dir, pattern)
            if not cases:
                print(f"no {pattern} cases with a feed in {args.data_dir}", file=sys.stderr)
                return 2
            print(f"== cases {pattern} ({len(cases)})")
            report(evaluate(cases, args.verbose), args.verbose)
    for path in args.pairs:
        if not path.is_file():
            print(f"no pairs file at {path}", file=sys.stderr)
            return 2
        if (args.verbose or args.sweep) and "blind" in path.parts:
            print(f"{path} is in the blind split: only aggregate figures (drop --verbose/--sweep)", file=sys.stderr)
            return 2
        pairs = load_pairs(path)
        report_pairs(evaluate_pairs(pairs, args.verbose), path.parent.name or str(path), args.verbose)
        if args.sweep:
            sweep(pairs)
    if args.speed:
        speed()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
