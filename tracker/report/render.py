"""Jinja2 set-up: templates from ``report.templates_dir`` (if set) over the bundled ones.

Autoescaping is on for every template and undefined names raise
(``StrictUndefined``), so a typo in a template fails the build instead of
publishing an empty cell. The page script is inlined and allowed by its
SHA-256 in the Content-Security-Policy; the stylesheet is a file of the
site (``style-src 'self'``). Nothing is loaded from elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
import inspect
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from tracker import __version__, queries, serialize, status
from tracker.config import ReportConfig
from tracker.db import resource_dir
from tracker.errors import ConfigError
from tracker.report import charts

SCRIPT = "tracker.js"
STYLESHEET = "tracker.css"
FAVICON = "favicon.svg"
# Code outside this package whose output the site shows (verdicts, status meanings, the JSON
# export): pages are carried over by the hash of their inputs, so this code counts as an input.
UPSTREAM = (status, queries, serialize)
CSP = ("default-src 'none'; script-src {script}; style-src 'self'; img-src 'self'; "
       "base-uri 'none'; form-action 'none'")


def template_dirs(config: ReportConfig) -> list[Path]:
    """The user's folder (if any) first, then the bundled templates as the fallback."""
    dirs = []
    if config.templates_dir:
        own = Path(config.templates_dir).expanduser()
        if not own.is_dir():
            raise ConfigError(f"report.templates_dir {str(own)!r} is not a folder: create it or leave the key empty")
        dirs.append(own.resolve())
    dirs.append(resource_dir("templates"))
    return dirs


class Renderer:
    """Renders page contexts to bytes; ``fingerprint`` changes whenever any template or asset does."""

    def __init__(self, config: ReportConfig):
        self.dirs = template_dirs(config)
        self.env = Environment(
            loader=FileSystemLoader([str(d) for d in self.dirs]), autoescape=True,
            undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, auto_reload=False,
            keep_trailing_newline=True,
        )
        script = self.asset(SCRIPT).decode("utf-8")
        if "</script" in script.lower():
            raise ConfigError(f"{SCRIPT} must not contain '</script': it is inlined into the pages")
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        self.env.globals.update(
            script=Markup(script), version=__version__, legend=charts.legend(),
            csp_script=CSP.format(script=f"'sha256-{digest}'"), csp_plain=CSP.format(script="'none'"),
        )
        self.fingerprint = self._fingerprint()

    def asset(self, name: str) -> bytes:
        """A static file from the first template folder that has it."""
        for folder in self.dirs:
            if (folder / name).is_file():
                return (folder / name).read_bytes()
        raise ConfigError(f"template asset {name} not found in {', '.join(map(str, self.dirs))}")

    def render(self, template: str, page: Any, path: str = "") -> bytes:
        """The page as bytes; ``path`` (from the site root) makes its canonical and Open Graph URL."""
        return self.env.get_template(template).render(page=page, path=path).encode("utf-8")

    def _fingerprint(self) -> str:
        """Hash of every template, asset, report module and upstream module: a change re-renders every page."""
        h = hashlib.sha256(__version__.encode())
        code = Path(__file__).resolve().parent
        for folder in (*self.dirs, code):
            for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
                h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
        for module in UPSTREAM:
            path = Path(inspect.getfile(module))
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        return h.hexdigest()
