"""Split announcement text into sentences that keep their offsets.

Copes with what news and press-release text throws at a splitter:

* headlines and captions (a short line without a full stop) are kept but
  flagged, so the extractor can skip them -- a headline restates the lede;
* bullet lists (``- ``, ``* ``, ``1. ``) and numbered posts of a thread (``2/ ``, ``2/5 ``): the
  marker is not part of the sentence;
* abbreviations (``Dr.``, ``Inc.``, ``Sept.``, ``U.S.``), initials and decimals
  do not end a sentence;
* quotations: every sentence knows which stretches of it are inside quotation
  marks and who the quotation is attributed to (``"...," said X`` /
  ``X said: "..."``), also when the quotation runs over several sentences;
* hard-wrapped paragraphs are joined; the sentence text is always the exact
  substring ``text[start:end]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr inc ltd co corp plc llc bros vs etc e.g i.e eg ie approx
    no nos fig jan feb mar apr jun jul aug sep sept oct nov dec gov sen rep gen col lt capt
    sgt rev hon dept est ave mt ft univ assn u.s u.k u.n e.u a.m p.m cf al p pp para sec art vol ch""".split()
)

# Nouns that take a letter as their name ("Series X", "Model S", "Plan B", "Phase A"): the letter is no initial
_LETTERED = frozenset("series model type class phase plan part section version grade category tier stage block".split())
# abbreviations that only ever stand before a number; elsewhere the word ends a sentence ("No.")
_BEFORE_NUMBERS = frozenset("no nos fig vol art sec para ch pp".split())
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u2013\u25aa]|\d{1,2}[.)])[ \t]+")
_THREAD = re.compile(r"[ \t]*(\d{1,2})/(\d{1,2})?[ \t]+(?=\S)")
_TERMINAL = re.compile(r"[.!?:;\"\u201d\u2019')\]]\s*$")
# A sentence end: terminal punctuation, optional closers, whitespace, then a
# character that can start a sentence.
# a sentence may open with a name written in lower case with a capital or digit inside ("iPhone", "eBay", "o3")
# Emoji after the end belong to the sentence they close ("Big news! \U0001F389 Acme will ..."); a pictograph alone
# ends a post's sentence too ("Big news \U0001F389 Acme will ...")
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D"
TRAILING_EMOJI = re.compile(rf"[\s{_EMOJI}]+$")
_END = re.compile(rf"(?:(?:[.!?]+|\u2026)[\"\u201d\u2019')\]]*(?:\s*[{_EMOJI}]+)*"
                  rf"|(?<=\s)[\U0001F300-\U0001FAFF][{_EMOJI}]*)"
                  r"(?=\s+(?:[\"\u201c\u2018(\[]?[A-Z\u00c0-\u00de\u0100-\u017f0-9]|[a-z]{1,3}[A-Z0-9]))")
_SPEECH_VERB = r"(?:said|says|say|told|tells|added|adds|wrote|writes|explained|stated|insisted|declared|announced|noted|continued|recalled|promised|pledged|vowed|confirmed)"
_ATTR_AFTER = re.compile(
    r"^[\s,]*(?:"
    + _SPEECH_VERB
    + r"\s+(?P<a>[^,.;:\"\u201c\u201d]{1,90}?)(?=[,.;]|\s+(?:at|on|in|during|to|after|before|when|while)\s|$)"
    r"|(?P<b>[^,.;:\"\u201c\u201d]{1,90}?)\s+" + _SPEECH_VERB + r"\b)"
)
_ATTR_BEFORE = re.compile(
    r"(?P<a>[A-Z\u00c0-\u00de\u0100-\u017f][^.;:\"\u201c\u201d]{0,90}?)\s+" + _SPEECH_VERB + r"(?:\s+[^.;:\"\u201c\u201d]{0,40}?)?\s*[:,]\s*$"
)


@dataclass(frozen=True)
class QuoteSpan:
    """A stretch of a sentence inside quotation marks (offsets relative to the sentence)."""

    start: int
    end: int
    speaker: str | None  # the attribution text, e.g. "chief executive Ada Brennan"
    opens_sentence: bool  # the sentence begins inside or with this quotation


@dataclass(frozen=True)
class Sentence:
    """One sentence; ``text == source[start:end]``."""

    text: str
    start: int
    end: int
    block: int  # paragraph number, for discourse state
    headline: bool = False
    bullet: bool = False
    quotes: tuple[QuoteSpan, ...] = field(default=())

    def quote_at(self, pos: int) -> QuoteSpan | None:
        """The quotation covering sentence-relative offset ``pos``, if any."""
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None


@dataclass
class _Block:
    start: int
    end: int
    bullet: bool
    headline: bool


def _blocks(text: str) -> list[_Block]:
    """Group lines into paragraphs, bullets and headlines (offsets into ``text``)."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((pos, pos + len(body)))
        pos += len(line)
    blocks: list[_Block] = []
    cur: _Block | None = None
    wrapped = _hard_wrapped(text, lines)
    for i, (s, e) in enumerate(lines):
        raw = text[s:e]
        if not raw.strip():
            cur = None
            continue
        m = _BULLET.match(raw)
        stripped = raw.strip()
        no_stop = not _TERMINAL.search(TRAILING_EMOJI.sub("", stripped))  # "... free to play. \U0001F9E1" ends
        if m and len(stripped.split()) > 1:
            cur = _Block(s + m.end(), e, bullet=True, headline=False)
            blocks.append(cur)
            if not no_stop:
                cur = None
            continue
        next_raw = text[lines[i + 1][0] : lines[i + 1][1]].strip() if i + 1 < len(lines) else ""
        heading = no_stop and _looks_like_heading(stripped, next_raw) and not _THREAD.match(raw)  # "1/ ...": a post
        if no_stop and not wrapped and (next_raw[:1].isupper() or _camel(next_raw)) and not _open_end(stripped):
            heading = True  # a text that is never hard-wrapped: a line without a stop is a line of its own
        if cur is not None and not heading:
            cur.end = e  # hard-wrapped continuation of the paragraph
        else:
            thread = _THREAD.match(raw)  # "2/ From September ...": a post's place in its thread, not its words
            lead = thread.end() if thread and int(thread.group(1)) <= int(thread.group(2) or 99) \
                else len(raw) - len(raw.lstrip())
            cur = _Block(s + lead, e, bullet=False, headline=heading)
            blocks.append(cur)
        if heading or not no_stop:
            cur = None
    if len(blocks) == 1:
        blocks[0].headline = False  # a lone line is the text, not its headline
    return blocks


# A line ending in one of these words stops mid-sentence: it cannot be a headline of its own.
_OPEN_END = re.compile(r"\b(?:the|a|an|of|to|in|on|at|by|for|with|and|or|but|its|their|his|her|our|from|as|that|which|"
                       r"will|would|is|are|was|were|has|have|be|said|says)$", re.I)


def _goes_on(next_line: str) -> bool:
    """Does the next line continue a sentence? It opens in lower case, unless with a name written
    in camel case ("iPhone sales rose", "eBay will ...")."""
    return next_line[:1].islower() and not _camel(next_line)


def _camel(line: str) -> bool:
    return re.match(r"[a-z]+[A-Z\u00c0-\u00de\u0100-\u017f]", line) is not None


def _open_end(line: str) -> bool:
    """Does the line stop mid-sentence? A closing attribution (", Acme says") is a full stop of its own."""
    return _OPEN_END.search(line) is not None and _CLOSING_ATTRIBUTION.search(line) is None


_CLOSING_ATTRIBUTION = re.compile(r",\s+(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019.-]*\s+){1,4}(?:says|said)$")


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Does the text break lines inside sentences (a line ending mid-sentence, the next going on in lower case)?"""
    for (s, e), (s2, e2) in zip(lines, lines[1:]):
        line, nxt = text[s:e].strip(), text[s2:e2].strip()
        if line and (_goes_on(nxt) or _open_end(line)) and not _TERMINAL.search(line) and not _BULLET.match(nxt):
            return True
    return False


def _looks_like_heading(line: str, next_line: str) -> bool:
    """A line without a full stop: headline/caption, or the first line of a wrapped paragraph?"""
    words = line.split()
    if len(words) > 20:
        return False
    if not next_line or _BULLET.match(next_line) or not next_line[:1].isalnum():
        return True
    if _goes_on(next_line):
        return False  # the sentence goes on
    long_words = [w for w in words if len(w) > 3]
    title_case = long_words and sum(w[:1].isupper() for w in long_words) / len(long_words) >= 0.6
    return bool(title_case) or len(line) < 0.6 * len(next_line)


def _is_abbreviation(chunk: str, dot: int) -> bool:
    """Is the full stop at ``chunk[dot]`` part of an abbreviation or initial?"""
    m = re.search(r"([A-Z\u00c0-\u00de\u0100-\u017fa-z][A-Z\u00c0-\u00de\u0100-\u017fa-z.]*)$", chunk[max(0, dot - 40) : dot])  # the tail only: linear in the text
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _BEFORE_NUMBERS:  # "No. 10", "vol. 3", but "No. We will ..." ends an answer
        return re.match(r"\s*\d", chunk[dot + 1 : dot + 4]) is not None
    if word in ABBREVIATIONS:
        return True
    word = m.group(1)
    if len(word) != 1 or not word.isupper():
        return False
    before = re.search(r"(\w+)\s+$", chunk[max(0, dot - 40) : dot - len(word)])
    # an initial, "J. Smith"; but "our next console, the Series X. It arrives ...": a name's letter
    return not (before and before.group(1).lower() in _LETTERED)


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pairs of quotation marks in ``text[start:end]`` (absolute offsets, inclusive of marks)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch == "\u201c":
            open_at = i
        elif ch == "\u201d" and open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                spans.append((open_at, i + 1))
                open_at = None
    if open_at is not None:  # unbalanced: run to the end of the paragraph
        spans.append((open_at, end))
    return spans


def _attribution(text: str, span: tuple[int, int], block_start: int, block_end: int) -> str | None:
    """Who a quotation is attributed to: ``"...," said X`` or ``X said: "..."``."""
    after = text[span[1] : min(block_end, span[1] + 160)]
    m = _ATTR_AFTER.match(after)
    if m:
        who = (m.group("a") or m.group("b") or "").strip()
        if who and len(who.split()) <= 9:
            return who
    before = text[max(block_start, span[0] - 160) : span[0]]
    m = _ATTR_BEFORE.search(before)
    if m:
        return m.group("a").strip()
    return None


# "LONDON, March 3 (Reuters) - ", "KESSEL, June 12, 2023 -- ", "HARWICK, Calif., Nov 16 - ", "KESSEL, Dellan,
# June 12, 2023 -- ": a dateline, not part of the sentence.
_DATELINE = re.compile(
    r"^[A-Z\u00c0-\u00de\u0100-\u017f][A-Z\u00c0-\u00de\u0100-\u017f .'\u2019-]{2,40}(?:,\s*[A-Z\u00c0-\u00de\u0100-\u017f][\w.]*(?:\s+\d{1,2})?(?:,\s*\d{4})?){0,2}\s*(?:\([^)]{1,40}\))?\s*"
    r"(?:-{1,2}|\u2013|\u2014|:)\s+(?=[A-Z\u00c0-\u00de\u0100-\u017f\"\u201c])"
)


def _split_block(text: str, blk: _Block) -> list[tuple[int, int]]:
    chunk = text[blk.start : blk.end]
    out: list[tuple[int, int]] = []
    dl = _DATELINE.match(chunk)
    s = dl.end() if dl else 0
    for m in _END.finditer(chunk):
        if m.group(0)[0] == "." and len(m.group(0)) == 1 and _is_abbreviation(chunk, m.start()):
            continue
        out.append((s, m.end()))
        rest = chunk[m.end() :]
        s = m.end() + len(rest) - len(rest.lstrip())
    if s < len(chunk) and chunk[s:].strip():
        out.append((s, len(chunk.rstrip())))
    return [(blk.start + a, blk.start + b) for a, b in out if chunk[a:b].strip()]


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order, with offsets, flags and quotations."""
    sentences: list[Sentence] = []
    for n, blk in enumerate(_blocks(text)):
        spans = _quote_spans(text, blk.start, blk.end)
        speakers: list[str | None] = []
        last: str | None = None
        for sp in spans:
            who = _attribution(text, sp, blk.start, blk.end)
            lead = text[blk.start : sp[0]].rstrip()
            if who is None and (not lead or lead[-1] in ".!?\"\u201d"):
                who = last  # a quotation opening a sentence: the same speaker goes on
            speakers.append(who)
            last = who or last
        for a, b in _split_block(text, blk):
            quotes = []
            for (qs, qe), who in zip(spans, speakers):
                if qe <= a or qs >= b:
                    continue
                rel_s, rel_e = max(qs, a) - a, min(qe, b) - a
                opens = qs <= a + 1 or text[a:qs].strip() == ""
                quotes.append(QuoteSpan(rel_s, rel_e, who, opens))
            sentences.append(
                Sentence(text[a:b], a, b, n, headline=blk.headline, bullet=blk.bullet, quotes=tuple(quotes))
            )
    return sentences


def is_title_case(text: str) -> bool:
    """A headline with (nearly) every word capitalised: capitals then say nothing about names.

    >>> is_title_case("Acme Opens Its First Store In Leeds"), is_title_case("Acme opens its first store in Leeds")
    (True, False)
    """
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
