"""Machine-readable companions of the site: Atom feed, JSON (with its schema) and CSV.

``commitments.json`` holds the very objects ``tracker list --format json``
prints (:func:`tracker.serialize.commitment_summary`) plus the page address,
so scripts and the CLI agree. Every export is a pure function of the loaded
rows and ``today``: no wall-clock time, stable order, byte-identical reruns.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any

from tracker import __version__
from tracker.models import ALL_STATUSES
from tracker.report.context import STATUS_LABELS, Judged, SiteInfo, commitment_path, evidence_day, last_evidence
from tracker.report.load import SiteData, changes_newest_first
from tracker.serialize import CSV_HEADER, commitment_summary, page_url
from tracker.status import StatusRules
from tracker.untrusted import clean_text

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_ENTRIES = 200
SCHEMA_NAME = "commitments.schema.json"


def site_url(site: SiteInfo, path: str) -> str:
    """Absolute when ``report.base_url`` is set, else relative to the site root."""
    return f"{site.base_url.rstrip('/')}/{path}" if site.base_url else path


def _label(status: str | None) -> str:
    return STATUS_LABELS.get(status or "", status or "new")


def _stamp(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    """A child element; control characters are dropped, since rows stored before intake cleaned
    text may still hold some and one would make the whole feed invalid XML."""
    el = ET.SubElement(parent, tag, {name: clean_text(value) for name, value in attrs.items()})
    if text is not None:
        el.text = clean_text(text)
    return el


def atom_feed(data: SiteData, site: SiteInfo, limit: int = FEED_ENTRIES) -> bytes:
    """``changes.xml``: the newest recorded status changes, newest first (Atom 1.0)."""
    feed_id = site.base_url or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'tracker-site:' + site.title)}"
    pairs = changes_newest_first(data, limit)
    updated = max((ch.recorded_at for _, ch in pairs), default=None)
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "en"})
    _sub(root, "id", feed_id)
    _sub(root, "title", f"{site.title}: status changes")
    _sub(root, "updated", _stamp(updated) if updated else f"{site.today.iso}T00:00:00Z")
    _sub(_sub(root, "author"), "name", site.title)
    _sub(root, "generator", "tracker", version=__version__)
    _sub(root, "link", rel="alternate", type="text/html", href=site_url(site, "index.html"))
    if site.base_url:
        _sub(root, "link", rel="self", type="application/atom+xml", href=site_url(site, "changes.xml"))
    for c, ch in pairs:
        entry = _sub(root, "entry")
        _sub(entry, "id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{feed_id}/change/{ch.id}')}")
        _sub(entry, "title", f"{c.actor.name}: {c.what} — {_label(ch.to_status)}")
        _sub(entry, "updated", _stamp(ch.recorded_at))
        _sub(entry, "published", _stamp(ch.recorded_at))
        _sub(_sub(entry, "author"), "name", "the tracker" if ch.source == "auto" else site.editor(ch.by))
        _sub(entry, "link", rel="alternate", type="text/html", href=site_url(site, commitment_path(c.id)))
        _sub(entry, "category", term=ch.to_status, label=_label(ch.to_status))
        _sub(entry, "summary", _change_summary(ch), type="text")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _change_summary(ch: Any) -> str:
    text = f"{_label(ch.from_status)} → {_label(ch.to_status)} as of {ch.effective_on.isoformat()}: {ch.reason}"
    if ch.note and ch.source != "auto":
        text += f" Note: {ch.note}"
    if ch.evidence_url:
        text += f" Evidence: {ch.evidence_url}"
    return text


def export_record(j: Judged, today: dt.date, rules: StatusRules, site: SiteInfo) -> dict[str, Any]:
    """One commitment as in ``tracker list --format json``, plus its page and evidence summary."""
    data = commitment_summary(j.commitment, today, rules)  # type: ignore[arg-type]  # rows mirror the models
    last = last_evidence(j.commitment.evidence)
    data["page"] = page_url(site.base_url, j.commitment.id)
    data["evidence_count"] = sum(1 for e in j.commitment.evidence if e.state == "accepted")
    data["last_evidence"] = evidence_day(last).isoformat() if last else None
    return data


def json_line(record: dict[str, Any]) -> str:
    """One commitment as one line of ``commitments.json`` (always starts with ``{"id": N,``)."""
    return json.dumps(record, ensure_ascii=False)


def commitments_json(lines: Sequence[str], today: dt.date, site: SiteInfo) -> bytes:
    """``commitments.json``: one commitment per line, so diffs between builds stay readable."""
    head = {"$schema": SCHEMA_NAME, "title": site.title, "as_of": today.isoformat(), "count": len(lines)}
    body = ",\n".join(lines) + ("\n" if lines else "")
    return (json.dumps(head, ensure_ascii=False)[:-1] + ', "commitments": [\n' + body + "]}\n").encode("utf-8")


def json_lines_by_id(previous: bytes) -> dict[int, str]:
    """The lines of a previous ``commitments.json``, by commitment id (for incremental builds)."""
    out = {}
    for line in previous.decode("utf-8").split("\n")[1:]:
        found = _LINE_ID.match(line)
        if found:
            out[int(found.group(1))] = line.rstrip(",")
    return out


_LINE_ID = re.compile(r'\{"id": (\d+),')


def commitments_csv(lines: Sequence[str]) -> bytes:
    """``commitments.csv``: a header row, then the records from :func:`tracker.serialize.csv_line`."""
    return (CSV_HEADER + "".join(lines)).encode("utf-8")


def csv_lines_by_id(previous: bytes) -> dict[int, str]:
    """The records of a previous ``commitments.csv`` as written, by id; {} if its columns differ.

    Records are kept as text (not parsed and written again): a record ends at a line break outside
    quotes, i.e. once its quotes are balanced. The id is the first cell, a bare number.
    """
    text = previous.decode("utf-8")
    if not text.startswith(CSV_HEADER):
        return {}
    out, record = {}, ""
    for line in text[len(CSV_HEADER):].split("\r\n")[:-1]:
        record += line + "\r\n"
        if record.count('"') % 2 == 0:
            head = record.split(",", 1)[0]
            if head.isdigit():
                out[int(head)] = record
            record = ""
    return out


def _nullable(kind: str, **extra: Any) -> dict[str, Any]:
    return {"type": [kind, "null"], **extra}


def _date(nullable: bool = True) -> dict[str, Any]:
    return {"type": ["string", "null"] if nullable else "string", "format": "date",
            "pattern": r"^\d{4}-\d{2}-\d{2}$"}


def json_schema(site: SiteInfo) -> dict[str, Any]:
    """JSON Schema (2020-12) of ``commitments.json``; fields are only ever added, so extra keys are allowed."""
    source = {
        "type": "object",
        "required": ["url", "title", "publisher", "published", "quote", "deadline_phrase"],
        "properties": {"url": _nullable("string"), "title": _nullable("string"), "publisher": _nullable("string"),
                       "published": _date(), "quote": _nullable("string"), "deadline_phrase": _nullable("string")},
    }
    props: dict[str, Any] = {
        "id": {"type": "integer", "minimum": 1},
        "actor": {"type": "string", "minLength": 1},
        "actor_aliases": {"type": "array", "items": {"type": "string"}},
        "what": {"type": "string"},
        "quote": _nullable("string"),
        "deadline_phrase": _nullable("string"),
        "due_earliest": _date(),
        "due_latest": _date(),
        "deadline_rule": _nullable("string"),
        "stated_on": _date(nullable=False),
        "status": {"enum": list(ALL_STATUSES), "description": "live verdict as of `as_of`"},
        "status_reason": {"type": "string"},
        "status_source": {"enum": ["auto", "manual"]},
        "days_left": _nullable("integer", description="due_latest minus as_of; negative when past"),
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "conditional": {"type": "boolean"},
        "negated": {"type": "boolean", "description": "a promise not to do something"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        "page": {"type": "string", "description": "the commitment's page on this site"},
        "evidence_count": {"type": "integer", "minimum": 0, "description": "accepted evidence items"},
        "last_evidence": _date(),
    }
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{site.title}: commitments",
        "description": "Every tracked commitment with its status as of `as_of`, as `tracker list --format json`.",
        "type": "object",
        "required": ["as_of", "count", "commitments"],
        "properties": {
            "$schema": {"type": "string"}, "title": {"type": "string"}, "as_of": _date(nullable=False),
            "count": {"type": "integer", "minimum": 0},
            "commitments": {"type": "array", "items": {"$ref": "#/$defs/commitment"}},
        },
        "$defs": {"commitment": {"type": "object", "required": sorted(props), "properties": props},
                  "source": source},
    }
    if site.base_url:
        schema = {"$id": f"{site.base_url.rstrip('/')}/{SCHEMA_NAME}", **schema}
    return schema


def schema_bytes(site: SiteInfo) -> bytes:
    return (json.dumps(json_schema(site), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
