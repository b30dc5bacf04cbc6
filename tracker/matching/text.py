"""Plain-text helpers for matching: tokens with crude stems, sentences, numbers, dates.

Everything here is deterministic and uses only the standard library. The
stemmer is deliberately crude: it only has to map "shipped", "ships" and
"shipping" to the same key on both sides of a comparison, never to produce
a real word.
"""

from __future__ import annotations

from tracker.language.calendar import MONTHS as _MONTHS
from tracker.language.calendar import WEEKDAYS as _WEEKDAYS

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

IRREGULAR = {
    "began": "begin", "begun": "begin", "went": "go", "gone": "go", "rose": "rise", "risen": "rise",
    "fell": "fall", "fallen": "fall", "took": "take", "taken": "take", "brought": "bring", "sold": "sell",
    "bought": "buy", "made": "make", "built": "build", "held": "hold", "lost": "lose", "left": "leave",
    "won": "win", "gave": "give", "given": "give", "flew": "fly", "flown": "fly", "ran": "run", "met": "meet",
    "broke": "break", "broken": "break", "withdrew": "withdraw", "withdrawn": "withdraw", "kept": "keep",
    "sent": "send", "spent": "spend", "got": "get", "gotten": "get", "came": "come", "became": "become",
    "paid": "pay", "laid": "lay", "led": "lead", "hired": "hire", "axes": "axe", "axed": "axe", "axing": "axe",
    # three-letter stems the suffix rules leave whole: "used"/"using" meet "use", "sued" meets "sue"
    "used": "use", "using": "use", "owed": "owe", "owing": "owe", "eyed": "eye", "eyeing": "eye", "eying": "eye",
    "tied": "tie", "tying": "tie", "sued": "sue", "suing": "sue", "shut": "shut", "cut": "cut", "put": "put",
    "set": "set", "hit": "hit", "did": "do", "done": "do", "drew": "draw", "drawn": "draw", "wrote": "write",
    "written": "write", "chose": "choose", "chosen": "choose", "grew": "grow", "grown": "grow", "rang": "ring",
    "says": "say", "said": "say", "told": "tell", "found": "find", "thought": "think", "saw": "see",
    "seen": "see", "shown": "show", "undertook": "undertake", "overtook": "overtake", "children": "child",
    "people": "person", "men": "man", "women": "woman", "data": "data", "news": "news", "series": "series",
    "crises": "crisis", "analyses": "analysis", "bus": "bus", "buses": "bus", "gas": "gas",
    "goes": "go", "does": "do", "went": "go",
}
# Irregular forms in the list above that are present, not past ("goes on sale", "is open")
PRESENT_IRREGULAR = frozenset({"goes", "does", "is", "are", "am", "has"})
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}
_ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"            # 1,500  3,200.5
    r"|\d+(?:\.\d+)*"                          # 40  4.0  2.1.3
    r"|[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*(?:[+'\u2019][A-Za-z0-9]+)*"  # words, T+1, don't
    r"|[.,;:!?()\"\u201c\u201d]"               # punctuation that bounds clauses
)
_SENT_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019')]?\s+(?=[\"\u201c\u2018(]?[A-Z0-9])")
_ABBREV_END = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Inc|Ltd|Co|Corp|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
                         r"Oct|Nov|Dec|[A-Z])\.$")
PUNCT = frozenset(".,;:!?()\"\u201c\u201d")
# "at 11 p.m. London time", "at 9 a.m. GMT": the clock time goes on into its time zone
_CLOCK_END = re.compile(r"\b[ap]\.m\.$", re.I)
_TIME_ZONE = re.compile(r"(?:[A-Z][a-z]+ time\b|(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]?T|JST|IST|AEST)\b)")


def stem(word: str) -> str:
    """Crude, symmetric stem: ``shipped``/``ships``/``shipping`` -> ``ship``; ``raise``/``raised`` -> ``rais``.

    Words are cached (a news vocabulary repeats); numbers, which rarely do, are not.
    """
    return _stem(word) if word[:1].isdigit() else _cached_stem(word)


def _stem(word: str) -> str:
    if re.fullmatch(r"[A-Z]{2,}s", word):
        word = word[:-1]  # an acronym's plural: "EVs", "SUVs" meet "EV", "SUV"
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.rstrip("'")
    if w in IRREGULAR:
        w = IRREGULAR[w]
    elif w[:1].isdigit():
        return w
    elif len(w) > 3:
        w = _strip_suffix(w)
    if len(w) > 4 and w.endswith("ie"):
        w = w[:-2] + "y"  # "cookie" meets "cookies" (-ies -> -y): "movie", "selfie", "rookie"
    if len(w) > 3 and w.endswith("e") and not w.endswith("ee"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    elif w.endswith("ll") and len(re.findall(r"[aeiouy]+", w)) >= 2:
        w = w[:-1]  # "cancelled", "travelling" (British doubling) meet "cancel", "travel"; "called" keeps "call"
    return w


_cached_stem = lru_cache(maxsize=16384)(_stem)


def _strip_suffix(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 5 and _has_vowel(w[:-3]):
        return w[:-3]
    if w.endswith("ed") and len(w) > 4 and _has_vowel(w[:-2]):
        return w[:-2]
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _has_vowel(s: str) -> bool:
    return any(ch in "aeiouy" for ch in s)


class Token(NamedTuple):
    """One word, number or clause-bounding punctuation mark of a sentence.

    A named tuple, not a dataclass: building the index tokenizes every open
    commitment's text, and a tuple is several times cheaper to make.
    """

    text: str
    low: str
    stem: str
    cap: bool  # starts with a capital letter (or is an acronym / name-like alphanumeric)
    number: float | None  # the value of a numeral ("1,500", "forty"), else None
    ordinal: int | None  # "twelfth" -> 12
    punct: bool
    joined: bool = False  # glued to the previous token by a hyphen or slash ("Wexham-Oxley")


SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6,
          "bn": 1e9}


def scaled(value: float, after: list[Token]) -> tuple[float, list[Token]]:
    """A number with its scale word read as one quantity: (3.5, ["million", "units"]) -> 3.5e6, ["units"].

    >>> v, rest = scaled(3.5, tokenize("million units"))
    >>> v, [t.text for t in rest]
    (3500000.0, ['units'])
    """
    if after and after[0].low in SCALES:
        return value * SCALES[after[0].low], after[1:]
    return value, after


def tokenize(text: str) -> list[Token]:
    """Words, numbers and clause punctuation; hyphenated words are split into their parts."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        joined = m.start() > 0 and text[m.start() - 1] in "-/\u2010\u2011"
        if t in PUNCT:
            out.append(Token(t, t, t, False, None, None, True))
            continue
        low = t.lower().replace("\u2019", "'")
        number: float | None = None
        if t[0].isdigit():
            try:
                number = float(t.replace(",", "")) if t.count(".") <= 1 else None
            except ValueError:
                number = None
        elif low in _WORD_NUMBERS:
            number = float(_WORD_NUMBERS[low])
        cap = t[0].isupper() or (t[0].isdigit() and any(ch.isalpha() for ch in t))
        unit = _UNIT_WORDS.get(low) if out and out[-1].number is not None else None  # "3nm" is "3 nanometres"
        token = Token(t, low, stem(unit or t), cap and unit is None, number, _ORDINALS.get(low), False, joined)
        idiom = _IDIOMS.get((out[-1].stem, token.stem)) if out else None
        if idiom is not None:  # read as the plain words they stand for, inflection kept in the text
            out[-1] = out[-1]._replace(stem=idiom[0])
            token = token._replace(stem=idiom[1])
        out.append(token)
    return out


# Two-word idioms read as the plain act they name: "broke ground on the plant" began its construction
_IDIOMS = {("break", "ground"): ("begin", "construction")}


# Abbreviated units after a number, read as the word they stand for ("3nm" and "3-nanometre" name one process)
_UNIT_WORDS = {"nm": "nanometre", "mm": "millimetre", "cm": "centimetre", "km": "kilometre", "kg": "kilogram",
               "kw": "kilowatt", "mw": "megawatt", "gw": "gigawatt", "tw": "terawatt", "bn": "billion",
               "tn": "trillion"}


@lru_cache(maxsize=1024)
def tokenize_cached(text: str) -> tuple[Token, ...]:
    """:func:`tokenize` for commitment texts, which are read again and again (a quote, an actor's
    names); item sentences, read once, are not cached."""
    return tuple(tokenize(text))


def word_stems(text: str) -> set[str]:
    """The stems of the words and numbers in ``text``: :func:`tokenize`'s stems without building tokens.

    >>> sorted(word_stems("Ships shipped, shipping."))
    ['ship']
    """
    return {stem(t) for t in _TOKEN.findall(text) if t not in PUNCT}


def sentences(text: str) -> list[str]:
    """Split running text into sentences (feed descriptions are short and well punctuated)."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if not text:
        return []
    parts: list[str] = []
    buf = ""
    pos = 0
    for m in _SENT_END.finditer(text):
        piece = text[pos:m.start() + len(m.group(0).rstrip())]
        pos = m.end()
        buf = f"{buf} {piece}".strip() if buf else piece.strip()
        if _ABBREV_END.search(buf) or (_CLOCK_END.search(buf) and _TIME_ZONE.match(text, pos)):
            continue
        parts.append(buf)
        buf = ""
    tail = text[pos:].strip()
    buf = f"{buf} {tail}".strip() if buf else tail
    if buf:
        parts.append(buf)
    return parts


# -- dates -----------------------------------------------------------------------------------

MONTHS = dict(_MONTHS)
WEEKDAYS = dict(_WEEKDAYS)
_MONTH_RE = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
             r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WD_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DATE_RE = re.compile(
    rf"\b(?P<lead>on|as\s+of|since|from|until|by|before|after)?\s*(?:(?P<wd>{_WD_RE}),?\s*)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE})"
    rf"|(?P<m2>{_MONTH_RE})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)"
    rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
    rf"|\b(?P<lead2>on|as\s+of|last|this|since|from|until|by|before|after)\s+(?P<wd2>{_WD_RE})\b"
    rf"|\b(?P<rel>yesterday|today|this\s+morning|earlier\s+today)\b",
    re.IGNORECASE,
)
# Words shortly before a date that make it a plan, a limit or a start, not the day something happened.
_NOT_EVENT_BEFORE = re.compile(
    r"\b(?:will|would|shall|due|scheduled|planned|plans?|expected|expects?|set|aims?|intends?|"
    r"starting|next|promised|pledged|deadline|target)\b[^.;]{0,30}$", re.IGNORECASE)


def event_dates(sentence: str, published: dt.date) -> list[tuple[dt.date, str]]:
    """Dates in ``sentence`` that say when something happened, resolved against ``published``.

    Only day-level expressions count ("on Thursday, 12 September", "on Sunday",
    "went up on October 1", "as of Tuesday, 1 October", "yesterday"); dates
    that follow "will", "due", "from", "until", "by"... are plans or limits and
    are skipped, and so are dates after the item's own date.
    """
    found: list[tuple[dt.date, str]] = []
    for m in _DATE_RE.finditer(sentence):
        lead = (m.group("lead") or m.group("lead2") or "").lower()
        if lead in {"from", "until", "by", "before", "after", "since"}:
            continue
        if _NOT_EVENT_BEFORE.search(sentence[max(0, m.start() - 40):m.start()]):
            continue
        when = _resolve(m, published, lead)
        if when is not None and when <= published + dt.timedelta(days=1):
            found.append((when, m.group(0).strip()))
    return found


@lru_cache(maxsize=8192)
def names_a_day_ahead(sentence: str, published: dt.date) -> bool:
    """Does ``sentence`` name a calendar day after ``published`` ("start on March 3" in a February
    item, "on 3 March 2027")? Read forward: the schedule of something not yet done.

    >>> names_a_day_ahead("Sales start on March 3.", dt.date(2026, 2, 4))
    True
    >>> names_a_day_ahead("Sales started on March 3.", dt.date(2026, 4, 4)), names_a_day_ahead("No date.", dt.date(2026, 4, 4))
    (False, False)
    """
    for m in _DATE_RE.finditer(sentence):
        when = _calendar_day(m, int(m.group("y")) if m.group("y") else published.year)
        if when is not None and published < when <= published + dt.timedelta(days=366):
            return True
    return False


def _calendar_day(m: re.Match, year: int) -> dt.date | None:
    """The day a ``_DATE_RE`` match with a month names ("March 3", "3 March") in ``year``; None without
    a month or for a day the month does not have."""
    month_word = m.group("m1") or m.group("m2")
    if not month_word:
        return None
    try:
        return dt.date(year, MONTHS.get(month_word.lower().rstrip(".")[:3]) or 0, int(m.group("d1") or m.group("d2")))
    except ValueError:
        return None


def _resolve(m: re.Match, published: dt.date, lead: str) -> dt.date | None:
    if m.group("rel"):
        return published - dt.timedelta(days=1) if m.group("rel").lower() == "yesterday" else published
    if m.group("m1") or m.group("m2"):
        when = _calendar_day(m, int(m.group("y")) if m.group("y") else published.year)
        if when is not None and not m.group("y") and when > published + dt.timedelta(days=1):
            when = _calendar_day(m, published.year - 1)  # a day not yet come this year: last year's
        return when
    wd = (m.group("wd2") or "").lower()
    if wd:
        back = (published.weekday() - WEEKDAYS[wd]) % 7
        if lead == "last" and back == 0:
            back = 7
        return published - dt.timedelta(days=back)
    return None


def hyphenated(toks: "list[Token] | tuple[Token, ...]") -> frozenset[str]:
    """The hyphenated words the tokenizer split ("pop-up", "mock-up"), written with their hyphen, lower-case."""
    return frozenset(f"{a.low}-{b.low}" for a, b in zip(toks, toks[1:]) if b.joined)
