"""The review card: what an editor needs to judge one piece of evidence, on a terminal."""

from __future__ import annotations

import re

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from tracker.cli import safe
from tracker.models import Evidence

SNIPPET_CHARS = 420


def highlight(text: str, terms: list[str]) -> Text:
    """The text, safe for a terminal, with every matched term in bold yellow (case-insensitive, whole words)."""
    text = safe(text)
    out = Text(text)
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(term)}\b", text, re.IGNORECASE):
            out.stylize("bold yellow", m.start(), m.end())
    return out


def snippet(text: str, terms: list[str], limit: int = SNIPPET_CHARS) -> str:
    """The part of the text around the first matched term, at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    first = min((m.start() for t in terms if t for m in [re.search(re.escape(t), text, re.IGNORECASE)] if m),
                default=0)
    start = max(0, first - limit // 3)
    return ("…" if start else "") + text[start:start + limit] + "…"


def render_card(ev: Evidence, position: int, total: int) -> Panel:
    """One evidence row as a panel: the commitment, the item, the score and the proposal."""
    c = ev.commitment
    item = ev.item
    explanation = ev.explanation or {}
    terms = list(explanation.get("matched_terms") or []) + [explanation.get("matched_actor") or ""]
    window = f"due {c.due_latest}" if c.due_latest else "no deadline"
    head = Text.assemble((safe(f"#{c.id} {c.actor.name}"), "bold"), safe(f" — {c.what} ({window}, {c.status})"))
    quote = Text(safe(f"“{c.quote}”"), style="italic") if c.quote else Text("")
    title = item.title if item else explanation.get("title", "")
    body = item.text if item else (ev.page_text or "")
    meta = Text(safe(f"{ev.event_date or '?'}  {ev.url or ''}"), style="dim")
    proposal = Text.assemble(("proposed: ", "bold"), (ev.kind, "cyan"), f"  score {ev.score:.2f}",
                             safe(f"  cue: {explanation.get('cue', '-')}"))
    parts = [head, quote, Text(""), highlight(title, terms), meta, highlight(snippet(body, terms), terms), Text(""),
             proposal]
    if explanation.get("held"):
        parts.append(Text(safe(f"not decided unseen: {explanation['held']}"), style="yellow"))
    return Panel(Group(*parts), title=f"evidence {ev.id} ({position}/{total})", expand=False)
