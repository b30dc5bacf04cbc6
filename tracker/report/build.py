"""Build the static site: load -> contexts -> render only what changed -> swap in atomically.

The site is written into a staging folder next to ``out_dir`` and exchanged
with it in one ``rename`` (``renameat2(RENAME_EXCHANGE)`` on Linux), so a
reader sees either the old site or the new one, never half of each; the old
site stays in place until that moment.

Incremental builds: ``.tracker-manifest.json`` in the site records, per file,
a key: a hash of what the file is made from, taken before anything is built.
A commitment page's key covers its loaded rows, the date, the status rules and
a fingerprint of templates and code; an actor, status or index page's key
covers the keys of the commitments it lists plus the scope (site, rules,
actors, templates and code); the methodology page is keyed by its context and
the exports by their bytes. A file whose key is unchanged is carried over from
the previous site (hard-linked) instead of built, so its bytes, inode and mtime
stay the same, and no context is built for it. With ``changed_ids``, the other
commitments keep their keys of last time unexamined (their pages, their share
of the summary pages' keys and their lines in the JSON and CSV exports are
carried over), provided the scope is the same as last time; otherwise every key
is computed and compared. Either way the result is byte-identical to a full
build.
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import errno
import fnmatch
import functools
import gc
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
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
from tracker.serialize import csv_line
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
    commitments are then taken as unchanged: their pages, their rows in the index, status and
    actor pages and their export lines are reused unexamined. Pass None when unsure (every
    commitment is hashed and compared instead, a little slower). Files written and carried
    over are counted in the result.

    Example: build_site(engine, load_config(), Path("site"), clock.today())
    """
    out = Path(out_dir).expanduser().resolve()
    renderer = Renderer(config.report)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with _no_gc(), _locked(out.parent):
            keep = tuple(config.report.keep)
            previous = _previous_manifest(out, keep)
            _remove_leftovers(out)
            with _staging(out) as stage, _Writer(stage, out if previous is not None else None,
                                                 previous or {}, keep=keep, live=out) as writer:
                # The rows are read while the previous site is linked into the stage, and are only
                # referenced by _write_site's frame: they are freed before the collector is back on,
                # which would otherwise scan all of them once more (a tenth of a rebuild).
                _write_site(writer, load_site_data(engine), config, renderer, today, changed_ids)
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
    site = ctx.SiteInfo(config.report.title, config.report.base_url, ctx.on(today), __version__,
                        tuple(sorted(config.report.editors.items())))
    actor_hrefs = ctx.actor_paths(data.actors)
    judged = ctx.judge_all(data, today, rules, actor_hrefs)
    writer.scope = _hash(renderer.fingerprint, repr(site), repr(rules), repr(data.actors),
                         repr(sorted(actor_hrefs.items())))
    trusted = set() if changed_ids is None or writer.previous.get("scope") != writer.scope else \
        {j.commitment.id for j in judged} - set(changed_ids)
    base = _hash(renderer.fingerprint, repr(site), repr(rules))  # what every commitment page depends on
    keys = _commitment_pages(writer, renderer, judged, site, actor_hrefs, today, trusted, base)
    _summary_pages(writer, renderer, data, judged, site, actor_hrefs, today, keys)
    methodology = ctx.methodology_page(site, rules, config.status.auto_accept, config.status.review_threshold,
                                       _conventions(config))
    writer.put("methodology.html", _hash(renderer.fingerprint, repr(methodology)),
               functools.partial(renderer.render, "methodology.html", methodology, "methodology.html"))
    unchanged = {i for i, key in keys.items() if writer.old_pages.get(ctx.commitment_path(i)) == key}
    _write_exports(writer, data, judged, site, renderer, today, rules, unchanged)


def _commitment_pages(writer: _Writer, renderer: Renderer, judged: list[ctx.Judged], site: ctx.SiteInfo,
                      actor_hrefs: dict[int, str], today: dt.date, trusted: set[int], base: str) -> dict[int, str]:
    """Write or carry over every commitment page; returns each page's key, by commitment id.

    A page is a pure function of its commitment's rows, its actor's page and ``base`` (code,
    templates, site, date and status rules: its verdict follows from these), so its key hashes
    those inputs and an unchanged page costs no context. A trusted page keeps the key of the
    last build, which is what hashing its (unchanged) inputs would give.
    """
    keys = {}
    for j in judged:
        i, path = j.commitment.id, ctx.commitment_path(j.commitment.id)
        if i in trusted and writer.carry(path):
            keys[i] = writer.pages[path]
            continue
        href = actor_hrefs[j.commitment.actor.id]
        keys[i] = _hash(base, href, repr(j.commitment))
        writer.put(path, keys[i], functools.partial(_commitment_html, renderer, site, j, href, today))
    return keys


def _commitment_html(renderer: Renderer, site: ctx.SiteInfo, j: ctx.Judged, href: str, today: dt.date) -> bytes:
    path = ctx.commitment_path(j.commitment.id)
    return renderer.render("commitment.html", ctx.commitment_page(site, j, href, today), path)


def _summary_pages(writer: _Writer, renderer: Renderer, data: SiteData, judged: list[ctx.Judged],
                   site: ctx.SiteInfo, actor_hrefs: dict[int, str], today: dt.date, keys: dict[int, str]) -> None:
    """Actor, status, tag and index pages, keyed by their inputs before any context is built.

    Each is a pure function of the scope (site, rules, actors, templates and code) and of the
    commitments it shows, whose keys cover everything about them: a page whose commitments kept
    their keys is carried over without building its context (the index alone shows 10,000 rows).
    """
    def page(path: str, template: str, shown: Iterable[int], context: Callable[[], Any], extra: str = "") -> None:
        key = _hash(writer.scope, path, "\n".join(keys[i] for i in shown), extra)
        writer.put(path, key, lambda: renderer.render(template, context(), path))

    groups = ctx.by_actor(judged)
    for actor in data.actors:
        href, mine = actor_hrefs[actor.id], groups[actor.id]
        page(href, "actor.html", (j.commitment.id for j in mine),
             functools.partial(ctx.actor_page, site, actor, mine, href))
    for status, mine in ctx.status_groups(judged).items():
        page(ctx.status_path(status), "status.html", (j.commitment.id for j in mine),
             functools.partial(ctx.status_page, site, status, mine))
    for path, (names, mine) in ctx.tag_groups(judged).items():
        page(path, "tag.html", (j.commitment.id for j in mine), functools.partial(ctx.tag_page, site, names, mine))
    page("index.html", "index.html", keys,
         functools.partial(ctx.index_page, site, judged, data.actors, actor_hrefs, today, data.last_checked),
         extra=repr(data.last_checked))


def _write_exports(writer: _Writer, data: SiteData, judged: list[ctx.Judged], site: ctx.SiteInfo,
                   renderer: Renderer, today: dt.date, rules: StatusRules, unchanged: set[int]) -> None:
    """The exports; lines of commitments whose page key did not change are reused from the previous files."""
    old_json = writer.previous_file("commitments.json") if unchanged else None
    old_csv = writer.previous_file("commitments.csv") if unchanged else None
    json_lines = exports.json_lines_by_id(old_json) if old_json else {}
    csv_lines = exports.csv_lines_by_id(old_csv) if old_csv else {}

    def lines_for(j: ctx.Judged) -> tuple[str, str]:
        i = j.commitment.id
        if i in unchanged and i in json_lines and i in csv_lines:
            return json_lines[i], csv_lines[i]
        record = exports.export_record(j, today, rules, site)
        return exports.json_line(record), csv_line(record)

    lines = [lines_for(j) for j in judged]
    files = {
        STYLESHEET: renderer.asset(STYLESHEET),
        FAVICON: renderer.asset(FAVICON),
        "changes.xml": exports.atom_feed(data, site),
        "commitments.json": exports.commitments_json([line for line, _ in lines], today, site),
        exports.SCHEMA_NAME: exports.schema_bytes(site),
        "commitments.csv": exports.commitments_csv([line for _, line in lines]),
    }
    for name, body in files.items():
        writer.put(name, _digest(body), functools.partial(bytes, body))


def _conventions(config: Config) -> list[tuple[str, str]] | None:
    """The deadline conventions table, if this version of the extractor provides one."""
    try:
        from tracker.extract.deadlines import DeadlineConventions, conventions_table
    except ImportError:
        return None
    return list(conventions_table(DeadlineConventions.from_mapping(config.deadlines)))


def _hash(*parts: str) -> str:
    return _digest("\0".join(parts).encode("utf-8"))


def _digest(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


class _Writer:
    """Puts files into the staging folder: rendered anew, or carried over from the previous site.

    Carrying a file over hard-links it, so its bytes, inode and mtime stay the same. On Linux
    the whole previous site is linked into the staging folder up front by ``cp -al``, in a child
    process that runs while the database is read (linking 10,000 pages one by one took a tenth of
    a rebuild); a file that changed is then unlinked and written anew, never written through its
    link (that would change the live site), and files the new site lacks are removed at the end.
    Elsewhere, or if ``cp`` fails, files are linked one by one as they are carried over.
    """

    def __init__(self, stage: Path, old_root: Path | None, previous: dict[str, Any], *,
                 keep: tuple[str, ...] = (), live: Path | None = None):
        self.stage, self.old_root, self.previous = stage, old_root, previous
        self.keep, self.live = keep, live  # the user's own files in the live site (report.keep) stay
        self._stage = str(stage) + os.sep
        self._old = str(old_root) + os.sep if old_root else ""
        self.old_pages: dict[str, str] = previous.get("pages", {})
        self.pages: dict[str, str] = {}
        self.scope = ""
        self.written = self.unchanged = 0
        self._dirs: set[str] = {""}
        self._copying: subprocess.Popen[bytes] | None = None
        self._linked: set[str] | None = None  # files of the previous site linked into the stage, not replaced

    def __enter__(self) -> _Writer:
        if self.old_root is not None and self.old_pages:
            self._copying = _link_copy(self.old_root, self.stage)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._copying is not None:  # the build failed early: stop before the stage is removed
            self._copying.kill()
            self._copying.wait()

    def put(self, path: str, key: str, produce: Callable[[], bytes]) -> None:
        self.pages[path] = key
        if self.old_pages.get(path) == key and self._reuse(path):
            return
        self._write(path, produce())
        self.written += 1

    def carry(self, path: str) -> bool:
        """Reuse the previous file as it is (its inputs are known not to have changed)."""
        key = self.old_pages.get(path)
        if key is None or not self._reuse(path):
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

    def finish(self) -> None:
        """Remove what the previous site had and this one has not (but the files kept by ``report.keep``),
        then write the manifest."""
        self._wait_for_copy()
        stale = (self._linked or set()) - self.pages.keys() - self._carry_kept()
        for path in stale:
            os.unlink(self._stage + path)
        self._linked = None if self._linked is None else self._linked - stale
        _remove_empty_folders(self.stage, {os.path.dirname(path) for path in stale} - {""})
        manifest = {"format": MANIFEST_FORMAT, "scope": self.scope, "pages": dict(sorted(self.pages.items()))}
        self._write(MANIFEST, (json.dumps(manifest, indent=0, sort_keys=True) + "\n").encode("utf-8"))

    def _carry_kept(self) -> set[str]:
        """Bring the live site's files that match ``report.keep`` into the new site; a generated file wins."""
        if not self.keep or self.live is None or not self.live.is_dir():
            return set()
        kept = {path for path in _files_under(self.live) if path not in self.pages and is_kept(path, self.keep)}
        for path in kept - (self._linked or set()):
            source, target = str(self.live / path), self._target(path)
            try:
                os.link(source, target, follow_symlinks=False)
            except OSError:  # a file system without hard links
                shutil.copy2(source, target, follow_symlinks=False)
        return kept

    def _reuse(self, path: str) -> bool:
        self._wait_for_copy()
        found = path in self._linked if self._linked is not None else self._link(path)
        self.unchanged += found
        return found

    def _write(self, path: str, body: bytes) -> None:
        self._wait_for_copy()
        target = self._target(path)
        if self._linked is not None and path in self._linked:
            os.unlink(target)  # a link to the live site's file: replace it, never write through it
            self._linked.discard(path)
        with open(target, "xb") as fh:  # "x": should a link be left here, fail rather than change it
            fh.write(body)

    def _wait_for_copy(self) -> None:
        """Before the first file is placed: let ``cp -al`` finish; if it failed, link file by file."""
        copying, self._copying = self._copying, None
        if copying is None:
            return
        if copying.wait() == 0:
            self._linked = _files_under(self.stage)
        else:
            _empty(self.stage)

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
        return True

    def _target(self, path: str) -> str:
        folder = os.path.dirname(path)
        if folder not in self._dirs:
            os.makedirs(self._stage + folder, exist_ok=True)
            self._dirs.add(folder)
        return self._stage + path


def _link_copy(old: Path, stage: Path) -> subprocess.Popen[bytes] | None:
    """Start ``cp -al``: every file of the previous site hard-linked into the (empty) staging folder."""
    cp = shutil.which("cp")
    if not sys.platform.startswith("linux") or cp is None:
        return None
    try:
        return subprocess.Popen([cp, "-al", "--", f"{old}{os.sep}.", str(stage)], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:
        return None


def _files_under(folder: Path) -> set[str]:
    """Every file below ``folder``, as site paths (``c/12.html``)."""
    found = set()
    for parent, _, files in os.walk(folder):
        rel = os.path.relpath(parent, folder)
        prefix = "" if rel == os.curdir else rel.replace(os.sep, "/") + "/"
        found.update(prefix + name for name in files)
    return found


def _empty(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def _remove_empty_folders(root: Path, folders: set[str]) -> None:
    """Folders whose last file went (``s/`` when no status page is left), deepest first."""
    for folder in sorted(folders, key=lambda f: f.count("/"), reverse=True):
        with contextlib.suppress(OSError):  # not empty
            os.rmdir(root / folder)


def is_kept(path: str, patterns: Iterable[str]) -> bool:
    """Whether a site path (``images/logo.png``) matches a ``report.keep`` pattern: a glob, or a folder ending in /.

    >>> is_kept("images/logo.png", ["CNAME", "images/"]), is_kept("c/1.html", ["*.png"])
    (True, False)
    """
    for pattern in patterns:
        if pattern.endswith("/") and path.startswith(pattern):
            return True
        if fnmatch.fnmatchcase(path, pattern):
            return True
    return False


def _previous_manifest(out: Path, keep: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """The last build's manifest; None when there is no site yet. Refuses to replace a foreign folder
    (one holding only files that ``report.keep`` names is fine: the site is built around them)."""
    if not out.exists():
        return None
    if not out.is_dir():
        raise InvalidValue(f"report folder {out} is a file: choose another --out folder")
    path = out / MANIFEST
    if not path.is_file():
        if any(not is_kept(p, keep) for p in _files_under(out)) or (not keep and any(out.iterdir())):
            raise InvalidValue(f"report folder {out} is not empty and was not written by `tracker report`: "
                               "choose another --out folder, empty this one, or list your own files in "
                               "report.keep")
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


STAGING_MARKER = ".tracker-staging"


def _remove_leftovers(out: Path) -> None:
    """Staging folders of a build that crashed before its swap, and nothing else.

    Only a folder holding :data:`STAGING_MARKER` is ours: a user's own folder that happens to be
    named like one (``.site.notes.tmp``) was once deleted here.
    """
    for stale in out.parent.glob(f".{out.name}.*.tmp*"):
        if not stale.is_symlink() and (stale / STAGING_MARKER).is_file():
            shutil.rmtree(stale, ignore_errors=True)


@contextlib.contextmanager
def _staging(out: Path) -> Iterator[Path]:
    """A new site folder inside a marked staging folder beside ``out``; the staging folder goes at the end.

    The marker sits in the staging folder, not in the site, so it is never published.
    """
    holder = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
    try:
        (holder / STAGING_MARKER).write_text("a staging folder of `tracker report`, removed by the next build\n",
                                             encoding="utf-8")
        stage = holder / "site"
        stage.mkdir()  # with the umask: the site must be readable like any folder (mkdtemp's is private)
        yield stage
    finally:
        shutil.rmtree(holder, ignore_errors=True)


def _swap(stage: Path, out: Path) -> None:
    """Make ``stage`` the site at ``out`` in one step; the old site ends up in ``stage`` (then removed)."""
    if not out.exists():
        os.rename(stage, out)
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
