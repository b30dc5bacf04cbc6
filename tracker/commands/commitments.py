"""Commitments by hand and on screen: ``tracker add``, ``list``, ``show``, ``resolve``, ``history``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from tracker import clock
from tracker.cli import (
    ROW_ID,
    TABULAR,
    TEXTUAL,
    App,
    as_of_option,
    console,
    current_user,
    echo,
    echo_json,
    parse_date_option,
    render_option,
    safe,
    safe_data,
)
from tracker.errors import InvalidValue, UsageError
from tracker.status import MANUAL_STATUSES

if TYPE_CHECKING:
    from rich.console import Console

STATUS_STYLE = {
    "kept": "bold green", "kept_late": "green", "partially_kept": "yellow", "pending": "cyan",
    "due_soon": "bold cyan", "delayed": "yellow", "overdue": "bold red", "broken": "red",
    "withdrawn": "magenta", "unverifiable": "dim", "no_deadline": "blue",
}


@click.command()
@click.option("--actor", required=True, help="Who made the promise.")
@click.option("--text", "what", required=True, help="What was promised (verb + object).")
@click.option("--due", metavar="YYYY-MM-DD", help="Last on-time day.")
@click.option("--deadline", metavar="PHRASE", help='Deadline phrase, e.g. "by the end of 2026".')
@click.option("--source", metavar="URL", help="Where the promise was made.")
@click.option("--quote", help="The exact words of the promise.")
@click.option("--stated", metavar="YYYY-MM-DD", help="When the promise was made (default: today).")
@click.option("--tag", "tags", multiple=True, help="A tag; repeat for several.")
@click.option("--negated", is_flag=True, help="A promise NOT to do something within the window.")
@as_of_option
@click.pass_obj
def add(app: App, actor: str, what: str, due: str | None, deadline: str | None, source: str | None,
        quote: str | None, stated: str | None, tags: tuple[str, ...], negated: bool) -> None:
    """Add a commitment by hand.

    Example: tracker add --actor "City Council" --text "open the new library" --deadline "by spring 2027"
    """
    from tracker.intake import add_manual

    if due and deadline:
        raise InvalidValue("give either --due or --deadline, not both")
    stated_on = parse_date_option(stated, "--stated") or clock.today()
    with app.writing() as session:
        row = add_manual(session, app.config, actor=actor, what=what, due=parse_date_option(due, "--due"),
                         deadline=deadline, source_url=source, quote=quote, stated_on=stated_on,
                         tags=tags, negated=negated, by=current_user(), today=clock.today(), rules=app.rules)
        due_text = f", due {row.due_latest}" if row.due_latest else ", no deadline"
        line = f"added commitment {row.id}: {row.actor.name} will {row.what}{due_text} [{row.status}]"
    echo(line)  # only once the commit went through


@click.command("list")
@click.option("--status", "statuses", multiple=True, metavar="STATUS", help="Only these statuses (repeatable).")
@click.option("--actor", help="Only this actor (name or alias).")
@click.option("--due-before", metavar="YYYY-MM-DD", help="Only deadlines before this day.")
@click.option("--overdue", is_flag=True, help="Only overdue or broken-by-date commitments.")
@click.option("--tag", help="Only commitments with this tag.")
@click.option("--search", metavar="TEXT", help="Only commitments whose actor, text or quote contains TEXT.")
@click.option("--format", "fmt", type=TABULAR, default="table", show_default=True)
@as_of_option
@click.pass_obj
def list_cmd(app: App, statuses: tuple[str, ...], actor: str | None, due_before: str | None,
             overdue: bool, tag: str | None, search: str | None, fmt: str) -> None:
    """List commitments with their status as of today (or --as-of); retracted and merged ones are left out.

    Example: tracker list --status overdue --format json
    """
    from tracker.queries import list_commitments
    from tracker.serialize import commitment_summary
    from tracker.status import ALL_STATUSES

    for status in statuses:
        if status not in ALL_STATUSES:
            raise InvalidValue(f"invalid status {status!r}: use one of {', '.join(ALL_STATUSES)}")
    today = clock.today()
    with app.reading() as session:
        rows = [commitment_summary(c, today, app.rules) for c in list_commitments(
            session, actor=actor, due_before=parse_date_option(due_before, "--due-before"), tag=tag, search=search)]
    if statuses:
        rows = [r for r in rows if r["status"] in statuses]
    if overdue:
        rows = [r for r in rows if r["days_left"] is not None and r["days_left"] < 0
                and r["status"] in ("overdue", "broken")]
    _print_rows(rows, fmt, app.config.report.base_url)


def _print_rows(rows: list[dict[str, Any]], fmt: str, base_url: str = "") -> None:
    if fmt == "json":
        echo_json(rows)
    elif fmt == "csv":
        click.echo(_csv(rows, base_url), nl=False)
    else:
        _table(safe_data(rows))


def _csv(rows: list[dict[str, Any]], base_url: str) -> str:
    """The site's commitments.csv columns and writer (one CSV for the CLI and the site)."""
    from tracker.serialize import CSV_HEADER, csv_line, page_url

    return CSV_HEADER + "".join(csv_line({**row, "page": page_url(base_url, row["id"])}) for row in rows)


def _table(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    if not rows:
        out.print("no commitments match: add one with `tracker add` or `tracker extract FILE --save`")
        return
    table = Table(show_lines=False, expand=False, pad_edge=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("actor", overflow="fold", max_width=24)
    table.add_column("commitment", overflow="fold", ratio=3)
    table.add_column("due", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("days", justify="right", no_wrap=True)
    for r in rows:
        table.add_row(str(r["id"]), r["actor"], r["what"], r["due_latest"] or "-",
                      Text(r["status"], style=STATUS_STYLE.get(r["status"], "")), _days(r))
    out.print(table)
    out.print(f"{len(rows)} commitment(s) as of {clock.today()}")


def _days(row: dict[str, Any]) -> str:
    """Days left for open promises, days late for missed ones, nothing once decided."""
    days, status = row["days_left"], row["status"]
    if days is None:
        return ""
    if status in ("pending", "due_soon", "delayed"):
        return f"{days} left"
    if status in ("overdue", "broken") and days < 0:
        return f"{-days} late"
    return ""


@click.command()
@click.argument("commitment_id", type=ROW_ID)
@click.option("--format", "fmt", type=TEXTUAL, default="text", show_default=True)
@as_of_option
@click.pass_obj
def show(app: App, commitment_id: int, fmt: str) -> None:
    """Show one commitment: sources, deadline, evidence and status history.

    Example: tracker show 3
    """
    from tracker.queries import get_commitment, search_feed_urls
    from tracker.serialize import commitment_detail

    with app.reading() as session:
        data = commitment_detail(get_commitment(session, commitment_id), clock.today(), app.rules)
        data["search_urls"] = search_feed_urls(session, commitment_id)
    if fmt == "json":
        echo_json(data)
    else:
        _show_text(safe_data(data))


def _show_text(d: dict[str, Any]) -> None:
    from rich.text import Text

    out = console()
    out.print(Text.assemble((f"#{d['id']} ", "bold"), (d["actor"], "bold"), f" — {d['what']}"))
    if d["quote"]:
        out.print(Text(f"  “{d['quote']}”", style="italic"))
    window = f"{d['due_earliest'] or '?'} .. {d['due_latest']}" if d["due_latest"] else "no deadline"
    phrase = f" ({d['deadline_phrase']})" if d["deadline_phrase"] else ""
    out.print(f"  deadline: {window}{phrase}" + (f" — {d['deadline_rule']}" if d["deadline_rule"] else ""))
    out.print(Text.assemble("  status: ", (d["status"], STATUS_STYLE.get(d["status"], "")), f" — {d['status_reason']}"))
    if d.get("visibility", "public") != "public":
        into = f" into #{d['merged_into']}" if d.get("merged_into") else ""
        out.print(f"  {d['visibility']}{into}: hidden from lists and the site (see `tracker history {d['id']}`)")
    if d["negated"] or d["conditional"]:
        out.print("  flags: " + ", ".join(f for f in ("negated", "conditional") if d[f]))
    if d["search_query"]:
        out.print(Text(f"  search query: {d['search_query']}"))
    for url in d.get("search_urls", []):
        out.print(Text(f"  search feed: {url}"))
    _show_section(out, "sources", [f"{s['published'] or '?'}  {s['title'] or s['publisher'] or ''} {s['url'] or ''}".rstrip()
                                   for s in d["sources"]])
    _show_section(out, "deadline revisions", [f"{r['revised_on']}  {r['old_due_latest']} -> {r['new_due_latest']}"
                                              f" ({r['new_phrase'] or ''})" for r in d["deadline_revisions"]])
    _show_section(out, "evidence", [f"{e['date'] or '?'}  {e['kind']} {e['score']:.2f} [{e['state']}] "
                                    f"{e['title'] or ''} {e['url'] or ''}" for e in d["evidence"]
                                    if e["state"] != "discarded"])
    _show_section(out, "history", [_history_line(h) for h in d["history"]])


def _show_section(out: Console, title: str, lines: list[str]) -> None:
    from rich.text import Text

    if lines:
        out.print(f"  {title}:")
        for line in lines:
            out.print(Text(f"    {line}"))


def _history_line(h: dict[str, Any]) -> str:
    note = f" — note: {h['note']}" if h["note"] and h["source"] != "auto" else ""
    return f"{h['effective_on']}  {h['from'] or 'new'} -> {h['to']}  by {h['by']} ({h['source']}): {h['reason']}{note}"


@click.command()
@click.argument("commitment_id", type=ROW_ID)
@click.option("--status", type=click.Choice(MANUAL_STATUSES), help="The outcome you decided.")
@click.option("--evidence", "evidence_url", metavar="URL", help="Link that proves it.")
@click.option("--date", "on", metavar="YYYY-MM-DD", help="When it happened (default: today).")
@click.option("--note", help="Why you decided so.")
@click.option("--by", help="Your name (default: your OS user).")
@click.option("--undo", is_flag=True, help="Revert the last manual change (itself recorded).")
@as_of_option
@render_option
@click.pass_obj
def resolve(app: App, commitment_id: int, status: str | None, evidence_url: str | None, on: str | None,
            note: str | None, by: str | None, undo: bool) -> None:
    """Record an editor's decision; automation never overwrites it.

    Example: tracker resolve 3 --status kept --date 2026-05-02 --evidence https://example.org/news
    """
    from tracker import store

    if undo == bool(status):
        raise UsageError("give --status STATUS to decide, or --undo to revert the last decision")
    if evidence_url and not evidence_url.startswith(("http://", "https://")):
        raise InvalidValue(f"--evidence {evidence_url!r} is not an http(s) URL")
    who = by or current_user()
    with app.writing() as session:
        if undo:
            change = store.undo(session, commitment_id, by=who, today=clock.today(), rules=app.rules)
            echo(f"commitment {commitment_id}: {change.reason}; status is now {change.commitment.status}")
            return
        day = parse_date_option(on, "--date") or clock.today()
        result = store.resolve(session, commitment_id, status, on=day, by=who, note=note, evidence_url=evidence_url)
    msg = f"commitment {commitment_id}: {result.change.from_status} -> {result.change.to_status}"
    if result.adjusted_from:
        msg += f" (recorded as {result.change.to_status}, not {result.adjusted_from}: {result.change.reason})"
    echo(msg)


@click.command()
@click.argument("commitment_id", type=ROW_ID)
@click.option("--format", "fmt", type=TEXTUAL, default="text", show_default=True)
@click.pass_obj
def history(app: App, commitment_id: int, fmt: str) -> None:
    """Show the full audit log of one commitment: status changes and corrections, as recorded.

    Example: tracker history 3
    """
    from tracker.corrections import history_entries
    from tracker.queries import get_commitment

    with app.reading() as session:
        entries = history_entries(session, get_commitment(session, commitment_id))
    if fmt == "json":
        echo_json(entries)
        return
    for h in entries:
        line = _history_line(h) if h["type"] == "status" else _edit_line(h)
        origin = f" (from merged #{h['from_commitment']})" if "from_commitment" in h else ""
        if h.get("public") is False:
            origin += " (not on the page: a change recorded later took effect earlier)"
        click.echo(safe(line + origin + f"  [recorded {h['recorded_at'][:19]}]"))


def _edit_line(e: dict[str, Any]) -> str:
    """One correction: what changed, by whom and why."""
    parts = []
    for name, (old, new) in e["changes"].items():
        parts.append(f"{name} {old!r} -> {new!r}" if old is not None else f"{name} {new!r}")
    return f"{e['action']} by {e['by']}: {'; '.join(parts)} — why: {e['reason']}"
