"""`make bench`: run the performance benchmarks, print a table, write docs/benchmarks.md.

Every figure comes with a baseline measured in the same run (these machines
are noisy), the ratio between them, and the absolute figures:

==============  =======================================  ==========================================
benchmark       figure                                   baseline
==============  =======================================  ==========================================
first poll      poll() of 200 feeds x 50 items over      feedparser.parse over the same 200 bodies
                HTTP, 10,000 open commitments
steady state    one cycle of 2,000 feeds, 5% changed,    the same cycle with nothing changed (all
                100 ms latency per response              304), same latency
matching        CPU per item at 100,000 commitments      CPU per item at 1,000 commitments
extraction      announcements/s (~300 words, one core)   split_sentences over the same texts
report          full build, 10k commitments + 50k        loading the same data (load_site_data)
                evidence; rebuild after one change
memory          VmRSS of `tracker run` at cycle 50       VmRSS at cycle 10
                (1,000 feeds); PSS with its parsers
workers         cycle of 1,200 due feeds with 2 and 3    the same with 1 worker
                `tracker run` workers on PostgreSQL
startup         `tracker --help`, `tracker extract` of   `python -c 'import click'`
                a small file, `tracker list` (new
                processes, median wall time)
==============  =======================================  ==========================================

    .venv/bin/python benchmarks/run.py [--only NAME ...] [--quick] [--no-doc]

``--quick`` shrinks every size (a smoke test, a few seconds; the targets do
not apply). Run from the repository root: the feed servers
(``benchmarks/feedfarm.py``, serving ``tests/feedserver.py``'s routes) run in a child process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import feedparser  # noqa: E402
from sqlalchemy import Engine, insert, update  # noqa: E402

from feedfarm import Farm, farm  # noqa: E402
from tests.feedserver import rss_feed  # noqa: E402
from tests.pgdb import temporary_database  # noqa: E402
from tracker.config import Config  # noqa: E402
from tracker.db import make_engine, upgrade, write_session  # noqa: E402
from tracker.evidence import Matcher  # noqa: E402
from tracker.models import Actor, ActorAlias, Commitment, Feed  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 29, 12, tzinfo=UTC)


@dataclass
class Row:
    """One line of the table: a figure, its baseline, their ratio and the target."""

    bench: str
    figure: str
    value: float
    unit: str
    baseline_label: str = ""
    baseline: float | None = None
    target: str = ""
    met: bool | None = None
    ratio: float | None = None

    def __post_init__(self) -> None:
        if self.ratio is None and self.baseline:
            self.ratio = self.value / self.baseline


@dataclass
class Result:
    """What one benchmark measured: its rows, and notes for the document (breakdowns, bounds)."""

    name: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


# --------------------------------------------------------------------------- helpers


def fresh_engine(work: Path, name: str) -> Engine:
    db = work / f"{name}.db"
    db.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    return engine


def bench_config(engine: Engine, work: Path) -> Config:
    config = Config()
    config.database.url = str(engine.url)
    config.fetch.archive_evidence_pages = False
    config.report.out_dir = str(work / "site")
    return config


def add_commitments(engine: Engine, n: int, seed: int = 7) -> None:
    """Bulk-insert ``n`` open commitments with invented actors (the matching benchmark's generator)."""
    from eval_matching import generate

    docs = generate(n, random.Random(seed))
    with write_session(engine) as s:
        first = (s.scalar(Actor.__table__.select().with_only_columns(Actor.id).order_by(Actor.id.desc())) or 0) + 1
        names = {name: first + i for i, name in enumerate(sorted({d.actor for d in docs.values()}))}
        s.execute(insert(Actor.__table__), [{"id": i, "name": a, "created_at": NOW} for a, i in names.items()])
        s.execute(insert(ActorAlias.__table__), [{"actor_id": i, "alias": a, "norm": a.lower()}
                                                 for a, i in names.items()])
        s.execute(insert(Commitment.__table__), [{
            "actor_id": names[d.actor], "what": d.what, "quote": f"We will {d.what}.", "deadline_phrase": "by 2027",
            "due_latest": d.due_latest, "stated_on": d.stated_on, "status": "pending", "status_reason": "",
            "status_source": "auto", "confidence": 0.9, "conditional": False, "negated": False, "tags": [],
            "created_at": NOW, "updated_at": NOW} for d in docs.values()])
        Matcher.load(s, persist=True)  # keep their index terms, as store.add_commitment does for each new one


def add_feeds(engine: Engine, urls: list[str], every_seconds: int = 1800) -> None:
    with write_session(engine) as s:
        s.execute(insert(Feed.__table__), [{
            "url": url, "name": url.rsplit("/", 2)[-2], "role": "evidence", "every_seconds": every_seconds,
            "error_count": 0, "paused": False, "from_config": False, "next_poll_at": NOW, "created_at": NOW}
            for url in urls])


@contextmanager
def phase_timer(totals: dict[str, float]) -> Iterator[None]:
    """Add up the wall time spent in parsing, storing, indexing and matching during a poll (by wrapping them).

    Parsing runs in the fetch threads (waiting on the parser processes), so its sum
    overlaps the rest; store, index and match run one after another in the main thread.
    """
    import tracker.evidence
    import tracker.feedstore
    import tracker.parsing

    patched = [(tracker.parsing, "parse_body", "parse"), (tracker.feedstore, "store_items", "store"),
               (tracker.evidence.Matcher, "load", "index"), (tracker.evidence, "match_items", "match")]
    originals = [(owner, attr, owner.__dict__[attr]) for owner, attr, _ in patched]
    lock = threading.Lock()

    def wrap(fn: Callable, label: str) -> Callable:
        def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                with lock:
                    totals[label] = totals.get(label, 0.0) + time.perf_counter() - start
        return timed

    for (owner, attr, label), (_, _, fn) in zip(patched, originals):
        setattr(owner, attr, classmethod(wrap(fn.__func__, label)) if isinstance(fn, classmethod) else wrap(fn, label))
    try:
        yield
    finally:
        for owner, attr, fn in originals:
            setattr(owner, attr, fn)


def wall(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def cpu(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    out = fn()
    return time.process_time() - start, out


def best_cpu(fn: Callable[[], object], runs: int = 3) -> tuple[float, object]:
    """The fastest of ``runs`` timings: a pure CPU loop's own cost, without the noise of whatever else the
    machine was doing during one of them (used for the figure and its baseline alike)."""
    timings = [cpu(fn) for _ in range(runs)]
    return min(t for t, _ in timings), timings[-1][1]


# --------------------------------------------------------------------------- 1. first poll


def bench_first_poll(work: Path, quick: bool) -> Result:
    """200 feeds x 50 items over loopback HTTP, parsed, stored, matched against 10,000 commitments."""
    from tracker.pipeline import poll

    n_feeds, n_items, n_commitments = (20, 50, 1000) if quick else (200, 50, 10_000)
    res = Result("first poll")
    engine = fresh_engine(work, "first")
    config = bench_config(engine, work)
    add_commitments(engine, n_commitments)
    names = [f"feed{i:04d}" for i in range(n_feeds)]
    bodies = [rss_feed(name, range(n_items)) for name in names]  # what the server sends at round 0
    base, _ = wall(lambda: [feedparser.parse(io.BytesIO(b)) for b in bodies])
    with farm(4) as hosts:
        urls = [hosts.url(i, f"/gen/{name}/{n_items}.xml") for i, name in enumerate(names)]
        hosts.warm(urls)
        add_feeds(engine, urls)
        phases: dict[str, float] = {}
        with phase_timer(phases):
            took, summary = wall(lambda: poll(engine, config, every_feed=True))
    assert summary.fetched == n_feeds and summary.new_items == n_feeds * n_items, summary.line()
    res.rows.append(Row("first poll", f"{n_feeds} feeds x {n_items} items, {n_commitments:,} commitments",
                        took, "s", "feedparser.parse, same bytes", base, "<= 1.3x"))
    res.rows[-1].met = res.rows[-1].ratio <= 1.3
    main = sum(phases.get(k, 0.0) for k in ("store", "index", "match"))
    res.notes.append(
        f"wall {took:.2f} s; main thread: store {phases.get('store', 0):.2f} s + index load "
        f"{phases.get('index', 0):.2f} s + match {phases.get('match', 0):.2f} s "
        f"({1000 * phases.get('match', 0) / (n_feeds * n_items):.2f} ms/item) + commits, claims and waiting "
        f"{took - main:.2f} s; parsing in the fetch threads ({config.fetch.parse_processes} parser processes), "
        f"overlapping the rest: {phases.get('parse', 0):.2f} s summed over threads; "
        f"{summary.new_evidence} evidence rows")
    return res


# --------------------------------------------------------------------------- 2. steady state


def bench_steady(work: Path, quick: bool) -> Result:
    """2,000 feeds on 20 hosts, 100 ms per response, 5% of them with one new item.

    The cycles share one :class:`MatcherCache`, built before the measured cycle, as
    in a running daemon (which rebuilds the index only when commitments change).
    """
    from tracker.pipeline import MatcherCache, poll

    n_feeds, n_hosts, n_commitments = (200, 4, 1000) if quick else (2000, 20, 10_000)
    latency, share = 0.1, 0.05
    res = Result("steady state")
    engine = fresh_engine(work, "steady")
    config = bench_config(engine, work)
    matchers = MatcherCache()
    with farm(n_hosts) as hosts:
        paths = [f"/gen/s{i:04d}/10.xml" for i in range(n_feeds)]
        add_feeds(engine, [hosts.url(i, p) for i, p in enumerate(paths)])
        primed, _ = wall(lambda: poll(engine, config, every_feed=True))  # no commitments yet: store only
        add_commitments(engine, n_commitments)
        with write_session(engine) as session:
            index, _ = wall(lambda: matchers.get(session))
        hosts.set_latency(latency)
        noop, summary = wall(lambda: poll(engine, config, every_feed=True, matchers=matchers))
        assert summary.not_modified == n_feeds, summary.line()
        changed = random.Random(3).sample(paths, int(n_feeds * share))
        hosts.set_rounds(dict.fromkeys(changed, 1))
        took, summary = wall(lambda: poll(engine, config, every_feed=True, matchers=matchers))
        assert summary.new_items == len(changed), summary.line()
    conc, slots = config.fetch.concurrency, config.fetch.per_host * n_hosts
    floor = n_feeds * latency / min(conc, slots)
    res.rows.append(Row("steady state", f"{n_feeds} feeds, {share:.0%} changed, {latency * 1000:.0f} ms latency "
                        f"(default fetch.concurrency {conc})", took, "s",
                        "same cycle, nothing changed", noop, "< 10 s", took < 10))
    res.notes.append(
        f"priming cycle (no latency, no commitments, {n_feeds * 10:,} items stored) {primed:.1f} s; index of "
        f"{n_commitments:,} commitments built before the cycles in {index:.1f} s; latency floor: {n_feeds} x "
        f"{latency} s / {min(conc, slots)} = {floor:.1f} s (concurrency {conc}, per_host {config.fetch.per_host} "
        f"x {n_hosts} hosts = {slots} slots)")
    return res


# --------------------------------------------------------------------------- 3. matching


def bench_matching(work: Path, quick: bool) -> Result:
    """Items per second (CPU) against 1,000 / 10,000 / 100,000 open commitments."""
    from eval_matching import _items, generate

    from tracker.match import CandidateIndex, match_item

    sizes = (1_000, 10_000) if quick else (1_000, 10_000, 100_000)
    res = Result("matching")
    rates: dict[int, float] = {}
    for n in sizes:
        rng = random.Random(7)
        docs = generate(n, rng)
        built, index = wall(lambda: CandidateIndex(docs.values()))
        items = _items(docs, rng, 100 if quick else 300)
        took, found = cpu(lambda: sum(len(match_item(i, index, docs)) for i in items))
        rates[n] = len(items) / took
        res.notes.append(f"{n:,} commitments: index built in {built:.1f} s; {rates[n]:.0f} items/s "
                         f"({1000 * took / len(items):.2f} ms CPU per item, {found} matches)")
    first, last = sizes[0], sizes[-1]
    for n in sizes:
        ratio = rates[first] / rates[n]  # per-item cost relative to 1k
        row = Row("matching", f"items/s at {n:,} commitments", rates[n], "items/s",
                  f"items/s at {first:,}", rates[first], "<= 3x cost at 100k" if n == last else "", ratio=ratio)
        if n == last:
            row.met = ratio <= 3
        res.rows.append(row)
    return res


# --------------------------------------------------------------------------- 4. extraction

FIRST = "Mara Ilse Tobin Ravi Oona Casper Delphine Joran Petra Lucan Sable Wendeline".split()
LAST = "Quell Varga Ostrander Penhallow Brisk Tamsin Holloway Marrick Ferrant Dunmore Kestle".split()
ORGS = ("Vantor Regional Council", "Orrin Tools", "Kelby Transit Authority", "Ministry of Coastal Affairs",
        "Halvard Energy", "Brightwater Health Trust", "Sorrel Bank", "Tamsk City Council", "Pellago Airways")
PLACES = "Eastbrook Norwell Tarn Marlow Hesketh Odell Brennock Caldy Fennimore Ashgrove".split()
THINGS = ("three new clinics", "a fleet of electric buses", "the Gizmo 3 drill", "a free broadband service",
          "200 affordable homes", "the northern bypass", "a river clean-up programme", "night trains to the coast",
          "solar panels on every school", "a new data portal", "the harbour footbridge", "weekend library hours")
VERBS = ("open", "launch", "deliver", "build", "introduce", "complete", "roll out", "finish")
DEADLINES = ("by the end of 2027", "within 18 months", "by spring 2028", "before the summer recess",
             "in the coming months", "by March 2027", "no later than the third quarter of 2027", "next year")
FILLER = (
    "The announcement followed months of consultation with residents, business owners and local groups.",
    "Officials said the budget had been approved at a meeting earlier in the week after a lengthy debate.",
    "Critics pointed out that similar plans had been discussed before without much visible progress.",
    "The project is expected to create jobs during construction and to support services in the area.",
    "A report published last year found that demand had grown steadily across the whole region.",
    "Local representatives welcomed the decision but asked for regular updates on the timetable.",
    "Figures released on Monday showed that costs had risen sharply over the previous two years.",
    "The plans will be presented at a public meeting, where residents can ask questions and comment.",
    "Funding comes partly from a national programme and partly from savings elsewhere in the budget.",
    "Analysts said the timetable was ambitious but achievable if the procurement went smoothly.",
)


def announcement(rng: random.Random) -> str:
    """A ~300-word press release with two or three commitments among ordinary sentences (invented names)."""
    org, place = rng.choice(ORGS), rng.choice(PLACES)
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    promises = [
        f"The {org} will {rng.choice(VERBS)} {rng.choice(THINGS)} in {place} {rng.choice(DEADLINES)}, "
        f"{person}, its chief executive, said on Tuesday.",
        f"\"We will {rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(DEADLINES)},\" {person} told reporters.",
        f"The {org.split()[-1].lower()} also plans to {rng.choice(VERBS)} {rng.choice(THINGS)} "
        f"{rng.choice(DEADLINES)}.",
    ]
    body = promises[:1] + rng.sample(FILLER, 5) + promises[1:] + rng.sample(FILLER, 5)
    extra = iter(rng.sample(FILLER, len(FILLER)))
    while len(" ".join(body).split()) < 290:
        body.append(next(extra, f"Work in {rng.choice(PLACES)} is due to be reviewed by the board in the autumn."))
    return f"{org} sets out plans for {place}\n\n" + " ".join(body)


def bench_extraction(work: Path, quick: bool) -> Result:
    """Announcements per second (CPU, one core) for ~300-word press releases."""
    from tracker.extract import extract_commitments
    from tracker.language.sentences import split_sentences

    n = 40 if quick else 300
    rng = random.Random(11)
    texts = [announcement(rng) for _ in range(n)]
    words = sum(len(t.split()) for t in texts) / n
    published = dt.date(2026, 11, 2)
    extract_commitments(texts[0], published)  # warm caches and lazy imports
    base, _ = best_cpu(lambda: [split_sentences(t) for t in texts])
    took, found = best_cpu(lambda: [extract_commitments(t, published) for t in texts])
    rate = n / took
    res = Result("extraction")
    res.rows.append(Row("extraction", f"announcements/s (~{words:.0f} words, one core)", rate, "ann/s",
                        "split_sentences, same texts", n / base, ">= 100/s", rate >= 100, ratio=base / took))
    res.notes.append(f"{n} announcements, {sum(len(f) for f in found)} commitments found, "
                     f"{1000 * took / n:.1f} ms CPU each; sentence splitting alone {1000 * base / n:.2f} ms")
    small, large = (250, 1000) if quick else (1000, 4000)
    long_text = [" ".join(f"The {rng.choice(ORGS)} will {rng.choice(VERBS)} {rng.choice(THINGS)} in "
                          f"{rng.choice(PLACES)} {rng.choice(DEADLINES)}." for _ in range(k)) for k in (small, large)]
    # the fastest of two runs each, like the other CPU figures: one timing of a 4-second run swings by a third
    t_small, _ = best_cpu(lambda: extract_commitments(long_text[0], published), runs=2)
    t_large, _ = best_cpu(lambda: extract_commitments(long_text[1], published), runs=2)
    res.rows.append(Row("extraction", f"one text of {large:,} promise sentences", t_large, "s",
                        f"the same with {small:,}", t_small, "<= 4.5x (linear)", t_large / t_small <= 4.5))
    return res


# --------------------------------------------------------------------------- 5. report


def bench_report(work: Path, quick: bool) -> Result:
    """Full build of 10,000 commitments with 50,000 evidence rows; rebuild after one change."""
    import bench_report as br

    from tracker.report import build_site
    from tracker.report.load import load_site_data

    n, m = (1000, 5000) if quick else (10_000, 50_000)
    res = Result("report")
    engine = fresh_engine(work, "report")
    config, out = bench_config(engine, work), work / "site"
    gen, _ = wall(lambda: br.generate(engine, n, m))
    load, _ = wall(lambda: load_site_data(engine))
    full, full_result = wall(lambda: build_site(engine, config, out, br.TODAY))
    br.change_one(engine, n // 8)
    incr, incr_result = wall(lambda: build_site(engine, config, out, br.TODAY, changed_ids={n // 8}))
    br.change_one(engine, n // 3)
    hashed, _ = wall(lambda: build_site(engine, config, out, br.TODAY))
    res.rows.append(Row("report", f"full build, {n:,} commitments + {m:,} evidence", full, "s",
                        "load_site_data", load, "< 30 s", full < 30))
    res.rows.append(Row("report", "rebuild after one change (changed_ids)", incr, "s",
                        "load_site_data", load, "< 2 s", incr < 2))
    res.rows.append(Row("report", "rebuild after one change (by hashes)", hashed, "s",
                        "load_site_data", load, "< 2 s", hashed < 2))
    res.notes.append(f"data generated in {gen:.1f} s; full build wrote {full_result.pages_written} files; "
                     f"incremental wrote {incr_result.pages_written}, carried over {incr_result.pages_unchanged}")
    return res


# --------------------------------------------------------------------------- 6. memory


def bench_memory(work: Path, quick: bool) -> Result:
    """VmRSS of `tracker run` (a real subprocess) at cycle 10 and 50, over 1,000 feeds on loopback."""
    n_feeds, n_hosts, last = (100, 2, 12) if quick else (1000, 10, 50)
    res = Result("memory")
    engine = fresh_engine(work, "memory")
    add_commitments(engine, 1000)
    engine.dispose()
    with farm(n_hosts) as hosts:
        paths = [f"/gen/m{i:04d}/10.xml" for i in range(n_feeds)]
        config = work / "memory.toml"
        config.write_text(
            f'[database]\nurl = "sqlite:///{work / "memory.db"}"\n[fetch]\narchive_evidence_pages = false\n'
            f'[daemon]\ntick = "1s"\n[report]\nout_dir = "{work / "memory-site"}"\n'
            + "".join(f'[[feeds]]\nurl = "{hosts.url(i, p)}"\nrole = "evidence"\nevery = "{EVERY}"\n'
                      for i, p in enumerate(paths)),
            encoding="utf-8")
        stop = threading.Event()
        changer = threading.Thread(target=_change_feeds, args=(hosts, paths, stop), daemon=True)
        changer.start()
        try:
            samples, cycle_lines = _run_daemon(config, last)
        finally:
            stop.set()
    rss10, rss_last, hwm = samples[10], samples[last], samples["hwm"]
    res.rows.append(Row("memory", f"`tracker run` VmRSS at cycle {last} ({n_feeds} feeds)", rss_last, "MB",
                        "VmRSS at cycle 10", rss10, "< 200 MB, growth < 5%",
                        rss_last < 200 and rss_last <= rss10 * 1.05))
    res.rows.append(Row("memory", "the same with its parser processes (PSS of the process tree)",
                        samples[f"tree{last}"], "MB", "at cycle 10", samples["tree10"], "< 200 MB, growth < 5%",
                        samples[f"tree{last}"] < 200 and samples[f"tree{last}"] <= samples["tree10"] * 1.05))
    res.notes.append(f"RSS at cycle {samples['at10']:.0f} {rss10:.1f} MB, at cycle {samples[f'at{last}']:.0f} "
                     f"{rss_last:.1f} MB, peak (VmHWM) {hwm:.1f} MB; {len(cycle_lines)} cycles logged, the last: "
                     f"{cycle_lines[-1].split('cycle', 1)[-1] if cycle_lines else '-'}")
    return res


# Feeds are due every 10 s, not every 1 s: a cycle of poll() claims due feeds until none is left, so
# feeds due again before the cycle ends keep it going forever (see docs/benchmarks.md). Ticks stay 1 s.
EVERY = "10s"
DAEMON_LIMIT = 300  # seconds before the daemon is stopped and the benchmark reported as not finished


def _change_feeds(hosts: Farm, paths: list[str], stop: threading.Event) -> None:
    """Every second, 5% of the feeds get one new item (the rest answer 304)."""
    rng, rounds = random.Random(5), dict.fromkeys(paths, 0)
    while not stop.wait(1.0):
        picked = rng.sample(paths, max(1, len(paths) // 20))
        for path in picked:
            rounds[path] += 1
        hosts.set_rounds({path: rounds[path] for path in picked})


def _run_daemon(config: Path, last: int) -> tuple[dict[int | str, float], list[str]]:
    env = {key: value for key, value in os.environ.items() if key != "TRACKER_NOW"}
    tracker = Path(sys.executable).with_name("tracker")
    proc = subprocess.Popen([str(tracker), "--config", str(config), "run"], stderr=subprocess.PIPE, text=True,
                            env=env, cwd=config.parent)
    samples: dict[int | str, float] = {}
    lines: list[str] = []
    watchdog = threading.Timer(DAEMON_LIMIT, proc.send_signal, args=(signal.SIGTERM,))
    watchdog.start()
    try:
        for line in proc.stderr:  # type: ignore[union-attr]
            found = re.search(r"cycle (\d+):", line)
            if found:
                lines.append(line.strip())
                cycle = int(found.group(1))  # a tick with no feed due logs no line: numbers can skip
                for mark in (10, last):
                    if cycle >= mark and mark not in samples:
                        samples[mark], samples[f"at{mark}"] = _rss(proc.pid, "VmRSS"), cycle
                        samples[f"tree{mark}"] = _tree_pss(proc.pid)
                if cycle >= last:
                    samples["hwm"] = _rss(proc.pid, "VmHWM")
                    break
    finally:
        watchdog.cancel()
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
    if last not in samples:
        raise RuntimeError(f"`tracker run` logged {len(lines)} cycle(s) in {DAEMON_LIMIT} s, not {last}: "
                           f"stopped (last line: {lines[-1] if lines else '-'})")
    return samples, lines


def _tree_pss(pid: int) -> float:
    """Proportional set size (MB) of a process and all its descendants (the parser processes):
    shared pages are split between the processes sharing them, so the sum is what the tree costs."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")) / 1024
        todo.extend(int(child) for child in children)
    return total


def _rss(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {key} for pid {pid}")


# --------------------------------------------------------------------------- 7. workers

PG_URL = os.environ.get("TRACKER_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


WORKER_CONCURRENCY = 8  # per worker, so that one worker is bound by its own fetch slots
WORKER_START = 8.0  # seconds between starting the workers and the feeds falling due


def bench_workers(work: Path, quick: bool) -> Result:
    """Cycle time of 1, 2 and 3 `tracker run` workers on PostgreSQL polling every due feed once (100 ms latency).

    The feeds fall due a few seconds after the workers start, so every worker is
    up when the cycle begins; the cycle runs from the moment they are due to the
    last feed stored (process start-up is reported apart).
    """
    n_feeds, n_hosts = (240, 6) if quick else (1200, 20)
    res = Result("workers")
    times: dict[int, tuple[float, float]] = {}
    with farm(n_hosts, latency=0.1) as hosts:
        urls = [hosts.url(i, f"/gen/w{i:04d}/3.xml") for i in range(n_feeds)]
        hosts.warm(urls)
        for n in (1, 2, 3):
            with temporary_database(PG_URL, f"tracker_bench_w{n}_{os.getpid()}") as url:
                times[n] = _time_workers(work, url, urls, n)
    one = times[1][0]
    for n in (2, 3):
        res.rows.append(Row("workers", f"{n} workers: {n_feeds} feeds, 100 ms latency, PostgreSQL", times[n][0], "s",
                            "1 worker", one, f"close to 1/{n}", times[n][0] <= one / n * 1.25))
    floor = n_feeds * 0.1 / WORKER_CONCURRENCY
    res.notes.append(
        f"cycle (feeds due -> last feed stored) with fetch.concurrency = {WORKER_CONCURRENCY} per worker: "
        + ", ".join(f"{n} worker{'s' if n > 1 else ''} {c:.1f} s" for n, (c, _) in times.items())
        + f" (latency floor {floor:.1f} s / N, plus up to one 1 s tick before a worker notices the feeds are due); "
        + "from starting the processes: " + ", ".join(f"{t:.1f} s" for _, t in times.values()))
    return res


def _time_workers(work: Path, url: str, feed_urls: list[str], workers: int) -> tuple[float, float]:
    """(cycle seconds from the feeds falling due to the last one stored, seconds from starting the processes)."""
    from sqlalchemy import func, select

    engine = make_engine(url)
    upgrade(engine)
    add_feeds(engine, feed_urls, every_seconds=3600)
    config = work / f"workers{workers}.toml"
    config.write_text(f'[database]\nurl = "{url}"\n[fetch]\narchive_evidence_pages = false\n'
                      f'concurrency = {WORKER_CONCURRENCY}\n[daemon]\ntick = "1s"\n'
                      f'[report]\nout_dir = "{work / "workers-site"}"\n', encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "TRACKER_NOW"}
    tracker = Path(sys.executable).with_name("tracker")
    due = dt.datetime.now(UTC) + dt.timedelta(seconds=WORKER_START)  # by the wall clock the workers use
    with write_session(engine) as session:
        session.execute(update(Feed).values(next_poll_at=due))
    started = time.perf_counter()
    procs = [subprocess.Popen([str(tracker), "--config", str(config), "run"], stderr=subprocess.DEVNULL,
                              env=env, cwd=work) for _ in range(workers)]
    try:
        while time.perf_counter() - started < DAEMON_LIMIT:
            with engine.connect() as conn:
                polled, last = conn.execute(select(func.count(Feed.last_polled_at), func.max(Feed.last_polled_at))).one()
            if polled >= len(feed_urls):
                return (last - due).total_seconds(), time.perf_counter() - started
            time.sleep(0.1)
        raise RuntimeError(f"{workers} worker(s) polled {polled} of {len(feed_urls)} feeds in {DAEMON_LIMIT} s")
    finally:
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
        engine.dispose()


# --------------------------------------------------------------------------- 8. startup

STARTUP_NOTE = ("date: 2026-11-02\n\nThe Vantor Regional Council will open three new clinics in Eastbrook "
                "by the end of 2027, its chair said.\n")


def bench_startup(work: Path, quick: bool) -> Result:
    """Wall time of three everyday commands, each a new process, against `python -c 'import click'`.

    Run in a folder set up by `tracker init` (20 commitments), as an editor would,
    interleaved round by round so the machine's load falls on all of them alike;
    the median of the rounds is reported. Byte-code caches are written on a first
    run and read after it, as in an installed package.
    """
    rounds = 5 if quick else 21
    folder = work / "startup"
    folder.mkdir(parents=True, exist_ok=True)
    tracker = str(Path(sys.executable).with_name("tracker"))
    env = {key: value for key, value in os.environ.items()
           if key not in ("TRACKER_NOW", "TRACKER_CONFIG", "TRACKER_DATABASE_URL", "PYTHONDONTWRITEBYTECODE")}

    def run(argv: list[str]) -> None:
        subprocess.run(argv, cwd=folder, env=env, check=True, capture_output=True)

    run([tracker, "init"])
    engine = make_engine(f"sqlite:///{folder / 'tracker.db'}")
    add_commitments(engine, 20)
    engine.dispose()
    (folder / "note.txt").write_text(STARTUP_NOTE, encoding="utf-8")
    commands = {"python -c 'import click'": [sys.executable, "-c", "import click"],
                "`tracker --help`": [tracker, "--help"],
                "`tracker extract` of a one-sentence file": [tracker, "extract", "note.txt"],
                "`tracker list` (20 commitments, SQLite)": [tracker, "list"]}
    samples: dict[str, list[float]] = {label: [] for label in commands}
    for argv in commands.values():
        run(argv)  # warm-up: writes the byte-code caches
    for _ in range(rounds):
        for label, argv in commands.items():
            samples[label].append(wall(lambda: run(argv))[0])
    fastest = ", ".join(f"{label} {1000 * min(times):.0f} ms" for label, times in samples.items())
    base_label = next(iter(commands))
    base = statistics.median(samples.pop(base_label))
    res = Result("startup")
    for label, times in samples.items():
        median = statistics.median(times)
        res.rows.append(Row("startup", label, median * 1000, "ms", base_label, base * 1000, "<= 4x", median <= 4 * base))
    res.notes.append(f"median of {rounds} rounds; fastest: {fastest}")
    return res


# --------------------------------------------------------------------------- output

BENCHES: dict[str, Callable[[Path, bool], Result]] = {
    "first-poll": bench_first_poll, "steady": bench_steady, "matching": bench_matching,
    "extraction": bench_extraction, "report": bench_report, "memory": bench_memory, "workers": bench_workers,
    "startup": bench_startup,
}


def machine() -> list[str]:
    cpu_model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                      if line.startswith("model name")), platform.processor() or "unknown")
    mem_kb = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:")), 0)
    return [f"CPUs (nproc): {os.cpu_count() and len(os.sched_getaffinity(0))}", f"CPU model: {cpu_model}",
            f"memory: {mem_kb / 1024 / 1024:.1f} GB", f"Python: {platform.python_version()} ({sys.executable})",
            f"OS: {platform.platform()}",
            "load average at the end (other processes share the machine): "
            + " / ".join(f"{x:.1f}" for x in os.getloadavg())]


def _num(value: float | None, unit: str = "") -> str:
    if value is None or value != value:
        return "" if value is None else "-"
    text = f"{value:,.0f}" if value >= 100 else f"{value:.2f}"
    return f"{text} {unit}".strip()


def table(rows: list[Row]) -> list[list[str]]:
    out = [["benchmark", "figure", "value", "baseline", "baseline value", "ratio", "target", "met?"]]
    for r in rows:
        out.append([r.bench, r.figure, _num(r.value, r.unit), r.baseline_label, _num(r.baseline, r.unit),
                    f"{r.ratio:.2f}x" if r.ratio is not None else "", r.target,
                    {True: "yes", False: "NO", None: ""}[r.met]])
    return out


def print_table(cells: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in cells) for i in range(len(cells[0]))]
    for n, row in enumerate(cells):
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def markdown_table(cells: list[list[str]]) -> str:
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(cells[0])]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def write_doc(results: list[Result], total: float, quick: bool) -> None:
    """Replace the generated part of docs/benchmarks.md (between the markers), keeping the prose."""
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    rows = [r for res in results for r in res.rows]
    generated = [begin, f"Measured {dt.datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench`"
                 f"{' --quick (sizes shrunk: targets do not apply)' if quick else ''}; whole run {total:.0f} s.", "",
                 "Machine:", "", *[f"- {line}" for line in machine()], "", markdown_table(table(rows)), "",
                 "Details:", ""]
    for res in results:
        generated += [f"- **{res.name}** ({res.seconds:.0f} s): " + "; ".join(res.notes)]
    generated.append(end)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Benchmarks\n\n{begin}\n{end}\n"
    if begin not in text:
        text = text.rstrip() + f"\n\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    DOC.write_text(head + "\n".join(generated) + tail, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(BENCHES), help="run only these benchmarks")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke test of the harness")
    parser.add_argument("--no-doc", action="store_true", help=f"do not rewrite {DOC.relative_to(ROOT)}")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep the databases")
    args = parser.parse_args(argv)
    work = Path(args.keep or tempfile.mkdtemp(prefix="tracker-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started, results = time.perf_counter(), []
    try:
        for name in args.only or BENCHES:
            print(f"[bench] {name} ...", flush=True)
            try:
                took, res = wall(lambda: BENCHES[name](work, args.quick))
            except Exception as exc:  # one broken benchmark must not lose the others' figures
                res, took = Result(name, [Row(name, "not measured", float("nan"), "", met=False)],
                                   [f"FAILED: {type(exc).__name__}: {exc}"]), 0.0
            res.seconds = took
            results.append(res)
            for note in res.notes:
                print(f"    {note}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    total = time.perf_counter() - started
    print()
    print_table(table([r for res in results for r in res.rows]))
    print(f"\nwhole run: {total:.0f} s")
    if not args.no_doc and not args.only:
        write_doc(results, total, args.quick)
        print(f"written: {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
