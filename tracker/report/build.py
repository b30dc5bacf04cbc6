"""Build the static site: load -> contexts -> render only what changed -> swap in atomically.

The site is written into a staging folder next to ``out_dir`` and exchanged
with it in one ``rename`` (``renameat2(RENAME_EXCHANGE)`` on Linux), so a
reader sees either the old site or the new one, never half of each; the old
site stays in place until that moment.

Incremental builds: ``.tracker-manifest.json`` in the site records, per file,
a hash of what the page is made from (its context, or for commitment pages
the loaded rows and verdict), plus a fingerprint of templates and code. A file
whose hash is unchanged is hard-linked from the previous site instead of
rendered, so its bytes, inode and mtime stay the same. With ``changed_ids``,
the other commitments' pages (and their lines in the JSON and CSV exports) are
carried over without even being hashed, provided the date, the templates, the
code, the settings and the actors are the same as last time; otherwise every
hash is computed and compared. Either way the result is byte-identical to a
full build.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import datetime as dt
import errno
import functools
import gc
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from tracker import __version__
from tracker.config import Config
from tracker.errors import InvalidValue, TrackerError
from tracker.report import context as ctx
from tracker.report import exports
from tracker.report.load import SiteData, load_site_data
from tracker.report.render import FAVICON, STYLESHEET, Renderer
from tracker.status import StatusRules

MANIFEST = ".tracker-manifest.json"
MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class SiteResult:
    """What :func:`build_site` did: files rendered anew and files carried over unchanged."""

    out_dir: Path
    pages_written: int
    pages_unchanged: int
    index_path: Path


def build_site(engine: Engine, config: Config, out_dir: Path, today: dt.date, *,
               changed_ids: set[int] | None = None) -> SiteResult:
    """Write the status site for ``today`` into ``out_dir`` (replacing the previous one atomically).

    ``changed_ids``: every commitment whose rows changed since the last build (new evidence,
    a decision, a status change, an edited announcement or feed item it shows). The other
    commitments' pages are then reused unexamined; pass None when unsure (pages are compared
    by hash instead, a little slower). Files written and carried over are counted in the result.

    Example: build_site(engine, load_config(), Path("site"), clock.today())
    """
    out = Path(out_dir).expanduser().resolve()
    renderer = Renderer(config.report)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _no_gc(), _locked(out.parent):
            data = load_site_data(engine)
            previous = _previous_manifest(out)
            _remove_leftovers(out)
            with _staging(out) as stage:
                writer = _Writer(stage, out if previous is not None else None, previous or {})
                _write_site(writer, data, config, renderer, today, changed_ids)
                writer.finish()
                _swap(stage, out)
    except OSError as exc:
        raise TrackerError(f"cannot write the site to {out} ({exc.strerror or exc}: {exc.filename or out}): "
                           "the site is built in a new folder beside it and swapped in, so that parent "
                           "folder must be writable") from exc
    return SiteResult(out, writer.written, writer.unchanged, out / "index.html")


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """A build allocates millions of short-lived, acyclic objects next to ~10^6 live ones; the
    cyclic collector would rescan the live ones over and over (it tripled build times)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def rules_of(config: Config) -> StatusRules:
    """The status rules from ``[status]``, as the CLI builds them."""
    return StatusRules(due_soon_days=config.status.due_soon_days, grace_days=config.status.grace_days)


def _write_site(writer: _Writer, data: SiteData, config: Config, renderer: Renderer, today: dt.date,
                changed_ids: set[int] | None) -> None:
    rules = rules_of(config)
    site = ctx.SiteInfo(config.report.title, config.report.base_url, ctx.on(today), __version__)
    actor_hrefs = ctx.actor_paths(data.actors)
    judged = ctx.judge_all(data, today, rules, actor_hrefs)
    writer.scope = _hash(renderer.fingerprint, repr(site), repr(rules), repr(data.actors),
                         repr(sorted(actor_hrefs.items())))
    trusted = set() if changed_ids is None or writer.previous.get("scope") != writer.scope else \
        {j.commitment.id for j in judged} - set(changed_ids)
    keys = _PageKeys(renderer.fingerprint, judged)

    def page(path: str, template: str, context: Any) -> None:
        writer.put(path, keys.of(context), functools.partial(renderer.render, template, context))

    def commitment_html(j: ctx.Judged, href: str) -> bytes:
        return renderer.render("commitment.html", ctx.commitment_page(site, j, href, today))

    site_key = repr(site)
    for j in judged:
        path = ctx.commitment_path(j.commitment.id)
        if j.commitment.id in trusted and writer.carry(path):
            continue
        # Keyed by its inputs (the page is a pure function of them): unchanged pages cost no context.
        href = actor_hrefs[j.commitment.actor.id]
        key = _hash(renderer.fingerprint, site_key, href, repr(j.commitment), repr(j.verdict))
        writer.put(path, key, functools.partial(commitment_html, j, href))
    groups = ctx.by_actor(judged)
    for actor in data.actors:
        page(actor_hrefs[actor.id], "actor.html", ctx.actor_page(site, actor, groups[actor.id], actor_hrefs[actor.id]))
    for path, status_page in ctx.status_pages(site, judged).items():
        page(path, "status.html", status_page)
    page("index.html", "index.html", ctx.index_page(site, judged, data.actors, actor_hrefs, today))
    page("methodology.html", "methodology.html", ctx.methodology_page(
        site, rules, config.status.auto_accept, config.status.review_threshold, _conventions(config)))
    _write_exports(writer, data, judged, site, renderer, today, rules, trusted)


class _PageKeys:
    """Context hashes; each table row is repr'd once although index, status and actor pages all show it."""

    def __init__(self, fingerprint: str, judged: list[ctx.Judged]):
        self.fingerprint = fingerprint
        self.rows = {id(j.row): repr(j.row) for j in judged}

    def of(self, context: Any) -> str:
        rows = getattr(context, "rows", None)
        if rows is None:
            return _hash(self.fingerprint, repr(context))
        rest = dataclasses.replace(context, rows=())
        return _hash(self.fingerprint, repr(rest), "\n".join(self.rows.get(id(r)) or repr(r) for r in rows))


def _write_exports(writer: _Writer, data: SiteData, judged: list[ctx.Judged], site: ctx.SiteInfo,
                   renderer: Renderer, today: dt.date, rules: StatusRules, trusted: set[int]) -> None:
    """The exports; lines of trusted (unchanged) commitments are reused from the previous files."""
    old_json = writer.previous_file("commitments.json") if trusted else None
    old_csv = writer.previous_file("commitments.csv") if trusted else None
    json_lines = exports.json_lines_by_id(old_json) if old_json else {}
    csv_rows = exports.csv_rows_by_id(old_csv) if old_csv else {}

    def lines_for(j: ctx.Judged) -> tuple[str, list[Any]]:
        i = j.commitment.id
        if i in trusted and i in json_lines and i in csv_rows:
            return json_lines[i], csv_rows[i]
        record = exports.export_record(j, today, rules, site)
        return exports.json_line(record), exports.csv_row(record)

    lines = [lines_for(j) for j in judged]
    files = {
        STYLESHEET: renderer.asset(STYLESHEET),
        FAVICON: renderer.asset(FAVICON),
        "changes.xml": exports.atom_feed(data, site),
        "commitments.json": exports.commitments_json([line for line, _ in lines], today, site),
        exports.SCHEMA_NAME: exports.schema_bytes(site),
        "commitments.csv": exports.commitments_csv([row for _, row in lines]),
    }
    for name, body in files.items():
        writer.put(name, _hash(body), functools.partial(bytes, body))


def _conventions(config: Config) -> list[tuple[str, str]] | None:
    """The deadline conventions table, if this version of the extractor provides one."""
    try:
        from tracker.extract.deadlines import DeadlineConventions, conventions_table
    except ImportError:
        return None
    return list(conventions_table(DeadlineConventions.from_mapping(config.deadlines)))


def _hash(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


class _Writer:
    """Puts files into the staging folder: rendered anew, or linked from the previous site."""

    def __init__(self, stage: Path, old_root: Path | None, previous: dict[str, Any]):
        self.stage, self.old_root, self.previous = stage, old_root, previous
        self._stage = str(stage) + os.sep
        self._old = str(old_root) + os.sep if old_root else ""
        self.old_pages: dict[str, str] = previous.get("pages", {})
        self.pages: dict[str, str] = {}
        self.scope = ""
        self.written = self.unchanged = 0
        self._dirs: set[str] = {""}

    def put(self, path: str, key: str, produce: Callable[[], bytes]) -> None:
        self.pages[path] = key
        if self.old_pages.get(path) == key and self._link(path):
            return
        with open(self._target(path), "wb") as fh:
            fh.write(produce())
        self.written += 1

    def carry(self, path: str) -> bool:
        """Reuse the previous file as it is (its context is known not to have changed)."""
        key = self.old_pages.get(path)
        if key is None or not self._link(path):
            return False
        self.pages[path] = key
        return True

    def previous_file(self, path: str) -> bytes | None:
        """A file of the previous site, if it is there."""
        if not self._old:
            return None
        try:
            with open(self._old + path, "rb") as fh:
                return fh.read()
        except OSError:
            return None

    def _link(self, path: str) -> bool:
        if not self._old:
            return False
        source, target = self._old + path, self._target(path)
        try:
            os.link(source, target)
        except FileNotFoundError:
            return False
        except OSError:  # a file system without hard links: copy instead
            try:
                shutil.copy2(source, target)
            except FileNotFoundError:
                return False
        self.unchanged += 1
        return True

    def _target(self, path: str) -> str:
        folder = os.path.dirname(path)
        if folder not in self._dirs:
            os.makedirs(self._stage + folder, exist_ok=True)
            self._dirs.add(folder)
        return self._stage + path

    def finish(self) -> None:
        manifest = {"format": MANIFEST_FORMAT, "scope": self.scope, "pages": dict(sorted(self.pages.items()))}
        (self.stage / MANIFEST).write_text(json.dumps(manifest, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def _previous_manifest(out: Path) -> dict[str, Any] | None:
    """The last build's manifest; None when there is no site yet. Refuses to replace a foreign folder."""
    if not out.exists():
        return None
    if not out.is_dir():
        raise InvalidValue(f"report folder {out} is a file: choose another --out folder")
    path = out / MANIFEST
    if not path.is_file():
        if any(out.iterdir()):
            raise InvalidValue(f"report folder {out} is not empty and was not written by `tracker report`: "
                               "choose another --out folder or empty this one")
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) and manifest.get("format") == MANIFEST_FORMAT else {}


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One build at a time per parent folder (flock on the folder itself; nothing left behind)."""
    try:
        import fcntl
    except ImportError:  # Windows: no lock, the rename still keeps readers safe
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _remove_leftovers(out: Path) -> None:
    """Staging folders of a build that crashed before its swap."""
    for stale in out.parent.glob(f".{out.name}.*.tmp*"):
        shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def _staging(out: Path) -> Iterator[Path]:
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    umask = os.umask(0)
    os.umask(umask)
    stage.chmod(0o777 & ~umask)  # mkdtemp makes it private; the site must be readable like any folder
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _swap(stage: Path, out: Path) -> None:
    """Make ``stage`` the site at ``out`` in one step; the old site ends up in ``stage`` (then removed)."""
    if not out.exists():
        os.rename(stage, out)
        stage.mkdir()  # so the staging cleanup has something to remove
        return
    if not _exchange(stage, out):
        old = stage.with_name(stage.name + ".old")
        os.rename(out, old)
        os.rename(stage, out)
        os.rename(old, stage)


AT_FDCWD = -100
RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux ``renameat2``); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))
