"""Plain, JSON-ready views of stored objects: the stable output of `list` and `show`.

The shapes here are documented in the README ("JSON formats") and read by
other tools, so fields are only ever added, never renamed or removed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from tracker.models import Commitment, Evidence, StatusChange
from tracker.queries import facts_for
from tracker.status import StatusRules, judge

LIST_FIELDS = ("id", "actor", "what", "quote", "deadline_phrase", "due_earliest", "due_latest",
               "status", "status_reason", "confidence", "conditional", "negated", "tags", "sources")


def iso_seconds(value: dt.datetime | None) -> str | None:
    """A timestamp to the second, for status lines and the feeds listing."""
    return value.isoformat(timespec="seconds") if value else None


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def commitment_summary(c: Commitment, today: dt.date, rules: StatusRules) -> dict[str, Any]:
    """The object `tracker list --format json` prints, with the status as of ``today``."""
    verdict = judge(facts_for(c), today, rules)
    return {
        "id": c.id,
        "actor": c.actor.name,
        "actor_aliases": sorted(a.alias for a in c.actor.aliases if a.alias != c.actor.name),
        "what": c.what,
        "quote": c.quote,
        "deadline_phrase": c.deadline_phrase,
        "due_earliest": _iso(c.due_earliest),
        "due_latest": _iso(c.due_latest),
        "deadline_rule": c.deadline_rule,
        "stated_on": _iso(c.stated_on),
        "status": verdict.status,
        "status_reason": verdict.reason,
        "status_source": c.status_source,
        "days_left": (c.due_latest - today).days if c.due_latest else None,
        "confidence": round(c.confidence, 3),
        "conditional": c.conditional,
        "negated": c.negated,
        "tags": list(c.tags or []),
        "sources": [
            {"url": s.announcement.url, "title": s.announcement.title, "publisher": s.announcement.publisher,
             "published": _iso(s.announcement.published), "quote": s.quote, "deadline_phrase": s.deadline_phrase}
            for s in c.sources
        ],
    }


def commitment_detail(c: Commitment, today: dt.date, rules: StatusRules) -> dict[str, Any]:
    """The object `tracker show --format json` prints: the summary plus evidence and history."""
    data = commitment_summary(c, today, rules)
    data["search_query"] = c.search_query
    data["visibility"] = getattr(c, "visibility", "public")
    data["merged_into"] = getattr(c, "merged_into_id", None)
    data["evidence"] = [evidence_dict(e) for e in c.evidence]
    data["history"] = [change_dict(ch) for ch in c.changes]
    data["deadline_revisions"] = [
        {"old_phrase": r.old_phrase, "new_phrase": r.new_phrase, "old_due_latest": _iso(r.old_due_latest),
         "new_due_latest": _iso(r.new_due_latest), "revised_on": _iso(r.revised_on), "note": r.note}
        for r in c.revisions
    ]
    return data


def evidence_dict(e: Evidence) -> dict[str, Any]:
    """One evidence row as JSON."""
    item = e.item
    return {
        "id": e.id, "kind": e.kind, "score": round(e.score, 3), "state": e.state,
        "date": _iso(e.event_date), "url": e.url or (item.link if item else None),
        "title": item.title if item else None, "explanation": e.explanation,
        "decided_by": e.decided_by, "decided_at": _iso(e.decided_at),
        "new_due_latest": _iso(e.new_due_latest),
    }


def change_dict(ch: StatusChange) -> dict[str, Any]:
    """One audit-log entry as JSON."""
    return {
        "id": ch.id, "from": ch.from_status, "to": ch.to_status, "reason": ch.reason, "by": ch.by,
        "source": ch.source, "effective_on": _iso(ch.effective_on), "recorded_at": _iso(ch.recorded_at),
        "evidence_id": ch.evidence_id, "evidence_url": ch.evidence_url, "note": ch.note,
        "undoes": ch.undoes_id,
    }


# One CSV for commitments, written by `tracker list --format csv` and the site's commitments.csv alike.
CSV_COLUMNS = ("id", "actor", "what", "status", "status_reason", "deadline_phrase", "due_earliest",
               "due_latest", "days_left", "stated_on", "confidence", "quote", "sources", "page")


def page_url(base_url: str, commitment_id: int) -> str:
    """A commitment's page on the site: absolute with ``report.base_url``, else relative to the site root."""
    path = f"c/{commitment_id}.html"
    return f"{base_url.rstrip('/')}/{path}" if base_url else path


def csv_record(cells: Any) -> str:
    """One CSV record, ``\r\n``-terminated (RFC 4180)."""
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerow(cells)
    return out.getvalue()


CSV_HEADER = csv_record(CSV_COLUMNS)


def csv_line(record: dict[str, Any]) -> str:
    """One commitment (a :func:`commitment_summary` with ``page``) as a CSV record; formulas neutralised."""
    row = dict(record, sources=" ".join(s["url"] for s in record["sources"] if s["url"]))
    return csv_record([csv_cell(row[col]) for col in CSV_COLUMNS])


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (prefixed with ')."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value
