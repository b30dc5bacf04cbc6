"""Countries and the usual English names of their governments (``data/governments.tsv``).

"The government" in a report about Chile is the Chilean government, and "Chile will ..." in
the same report is the same actor: one actor page, not three.

>>> government_of("Britain"), government_of("the Netherlands"), government_of("Acme")
('UK government', 'Dutch government', None)
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "governments.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Every name of a country (lower case) -> its government's name."""
    return {name.lower(): row[-1] for row in _rows() for name in row[:-1]}


def government_of(name: str) -> str | None:
    """The government of the country called ``name`` (or its government named as such: "India's
    government", "the Indian government"), or None when it is not a country.

    >>> government_of("India"), government_of("India's government"), government_of("the Indian government")
    ('Indian government', 'Indian government', 'Indian government')
    >>> government_of("Government of Peru"), government_of("the federal government of Austria")
    ('Peruvian government', 'Austrian government')
    >>> government_of("the United States"), government_of("the UK")
    ('US government', 'UK government')
    """
    key = re.sub(r"\s+", " ", name).strip().lower()
    found = _table().get(key)
    if found is None and key.startswith("the "):
        found = _table().get(key[4:])  # "the UK", "the United States" (names that take the article)
    m = (_GOVERNMENT_OF.fullmatch(key) or _NAMED_GOVERNMENT.fullmatch(key)) if found is None else None
    if m:
        found = _table().get(m.group("country")) or _governments().get(m.group("country"))
    return found


def national_government(name: str) -> str | None:
    """The national government ``name`` is or names ("Britain", "UK government" -> "UK government").

    >>> national_government("UK government"), national_government("Peru"), national_government("Acme")
    ('UK government', 'Peruvian government', None)
    """
    found = government_of(name)
    if found is None and name in _government_names():
        found = name
    return found


_BODY_OF = re.compile(r"(?:the\s+)?(?P<country>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:Department|Ministry|Treasury|Cabinet\s+Office)\b")


def government_of_body(name: str) -> str | None:
    """The national government a department or ministry named after its country belongs to.

    >>> government_of_body("UK Department for Transport"), government_of_body("Indian Ministry of Railways")
    ('UK government', 'Indian government')
    >>> government_of_body("Ministry of Railways") is None, government_of_body("Vantor Department Stores") is None
    (True, True)
    """
    m = _BODY_OF.match(name.strip())
    if m is None:
        return None
    country = m.group("country")
    return government_of(country) or _governments().get(country.lower())


@lru_cache(maxsize=1)
def _government_names() -> frozenset[str]:
    return frozenset(_table().values())


@lru_cache(maxsize=512)
def country_names(government: str) -> tuple[str, ...]:
    """Every name of the country a national government governs ("UK government" -> "United Kingdom",
    "UK", "Britain", "Great Britain"): in the news the country acts for its government."""
    return tuple(sorted({name for line in _rows() for name in line[:-1] if line[-1] == government}))


@lru_cache(maxsize=1)
def _table_lines() -> tuple[tuple[str, str, str, str], ...]:
    """The table's rows as (country, other names, government, capitals), header and comments left out."""
    lines = []
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("country\t"):
            continue
        country, also, government, capitals = (line.split("\t") + ["", "", ""])[:4]
        lines.append((country.strip(), also, government.strip(), capitals))
    return tuple(lines)


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, ...], ...]:
    """Each country's names (as written) followed by its government's name."""
    return tuple((country, *(a.strip() for a in also.split(",") if a.strip()), government)
                 for country, also, government, _ in _table_lines())


def governments_named(words: list[str]) -> frozenset[str]:
    """The national governments of the countries named in ``words``, by any of their names ("the US",
    "United States", "Britain"); runs of up to three capitalised words are tried.

    >>> sorted(governments_named("shipping to the US , Peru and the United Kingdom".split()))
    ['Peruvian government', 'UK government', 'US government']
    """
    found: set[str] = set()
    for i, w in enumerate(words):
        if not w[:1].isupper():
            continue
        for j in range(i + 1, min(i + 4, len(words) + 1)):
            if not words[j - 1][:1].isupper() and j - 1 > i:
                break
            government = government_of(" ".join(words[i:j]))
            if government is not None:
                found.add(government)
    return frozenset(found)


def countries_of_adjective(word: str) -> tuple[str, ...]:
    """The names of the country an adjective of nationality refers to ("Indian" -> "India"), or ().

    >>> countries_of_adjective("Peruvian"), countries_of_adjective("Acme")
    (('Peru',), ())
    """
    government = _governments().get(word.lower())
    return country_names(government) if government else ()


@lru_cache(maxsize=1024)
def nationality_forms(word: str) -> tuple[str, ...]:
    """Every name and the adjective of the country ``word`` names or describes: "Peru" and "Peruvian" are
    one country in "migrants from Peru" and "Peruvian migrants".

    >>> nationality_forms("Peru"), nationality_forms("Peruvian"), nationality_forms("Acme")
    (('Peru', 'Peruvian'), ('Peru', 'Peruvian'), ())
    """
    government = government_of(word) or _governments().get(word.lower())
    if government is None or government not in _government_names():
        return ()
    adjective = government.removesuffix(" government")
    return tuple(dict.fromkeys((*country_names(government), adjective)))


def government_level(name: str) -> str | None:
    """The level a government is named with ("the German federal government" -> "federal"), if any."""
    key = re.sub(r"\s+", " ", name).strip().lower()
    m = _NAMED_GOVERNMENT.fullmatch(key)
    return m.group("level") if m and not key.endswith("cabinet") else None


_GOVERNMENT_OF = re.compile(r"(?:the\s+)?(?:(?P<level>federal|national|central)\s+)?(?:government|administration)\s+of\s+"
                            r"(?:the\s+)?(?P<country>.+)")
_NAMED_GOVERNMENT = re.compile(r"(?:the\s+)?(?P<country>.+?)(?:['\u2019]s)?\s+(?:(?P<level>federal|national|central|"
                               r"coalition|interim|transitional)\s+)?(?:government|administration|cabinet)")


@lru_cache(maxsize=1)
def _governments() -> dict[str, str]:
    """ "indian" -> "Indian government": the adjective form every government's name is built on."""
    return {g.lower().removesuffix(" government"): g for g in _government_names()}


@lru_cache(maxsize=8192)
def main_country(text: str) -> str | None:
    """The country a text names most often (by any of its names), or None.

    Abbreviations ("UK", "US", "UAE") count only in capitals: "us" is also a pronoun.
    """
    counts: Counter[str] = Counter()
    acting: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for name, government in _table().items():
        short = len(name) <= 3
        for m in re.finditer(rf"(?<![\w-]){re.escape(name.upper() if short else name)}(?![\w-])", text,
                             0 if short else re.I):
            acts = _ACTS.match(text, m.end()) is not None
            # after a preposition ("flights to Peru") or before a noun it modifies ("the Peru flights"): a place
            place = _PLACE_BEFORE.search(text[max(0, m.start() - 20):m.start()]) is not None or (
                not acts and re.match(r"[ ]+(?!and\b|or\b)[a-z]", text[m.end():m.end() + 6]) is not None)
            (places if place else counts)[government] += 1
            if acts and not place:
                acting[government] += 1  # ("flights to Peru would run": a place, whatever follows it)
    # the country that acts ("Norway has paid Peru ...") before the one named otherwise, the one named by its
    # adjective, the one the dateline's capital is in ("LONDON, May 2 -"), and last the one only named as a place
    # ("flights to Peru", "the Peru Act")
    # (each a tie-breaker for the one before: "China has launched ...; India is on course ...")
    tiers = (acting, counts, _by_adjective(text), _dateline(text), places)
    named = set().union(*tiers)
    return max(sorted(named), key=lambda g: tuple(tier[g] for tier in tiers)) if named else None


_DATELINE = re.compile(r"^[ \t]*(?P<city>[A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+){0,2})[ ]*(?:,|\(|[-\u2013\u2014])",
                       re.M)


def _dateline(text: str) -> Counter[str]:
    """The country of the capital a story is filed from ("LONDON, April 22 -", "OSLO (Wire) -")."""
    m = _DATELINE.search(text)
    government = _capitals().get(m.group("city").lower()) if m else None
    return Counter({government: 1}) if government else Counter()


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Every capital's name (lower case) -> its country's government (the table's fourth column)."""
    return {c.strip().lower(): government for _, _, government, capitals in _table_lines()
            for c in capitals.split(",") if c.strip()}


def _by_adjective(text: str) -> Counter[str]:
    """A text that never names a country may still be about one by its adjective ("the Pelvarian
    Republic", "Pelvarian companies"): counted only when no country is named, and only twice or more,
    as one adjective is often just a company's or a product's origin."""
    found = Counter(m.group(0).lower() for m in _adjectives().finditer(text))
    return Counter({_governments()[adjective]: n for adjective, n in found.items() if n >= 2})


@lru_cache(maxsize=1)
def _adjectives() -> re.Pattern[str]:
    """Every one-word adjective a government's name is built on ("Norwegian"), as one pattern: one pass per text."""
    words = sorted((a for a in _governments() if " " not in a and a.isalpha()), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])", re.I)


_PLACE_BEFORE = re.compile(r"\b(?:to|into|from|of|in|for|with|across|via|towards|toward|at|on|by)\s+(?:the\s+)?$", re.I)
_ACTS = re.compile(r"['\u2019]s\b|\s+(?:has|have|had|is|was|will|would|said|says|agreed|agrees|plans|planned|"
                   r"pledged|pledges|wants|announced|announces|aims|intends|can|could|should|must|did|does)\b")


_REGIONS = Path(__file__).with_name("data") / "regions.tsv"


@lru_cache(maxsize=1)
def _region_table() -> dict[str, tuple[str, ...]]:
    """Every name of a region (lower case) -> every name of its countries (as written)."""
    names_of = {row[0]: row[:-1] for row in _rows()}
    table: dict[str, tuple[str, ...]] = {}
    for line in _REGIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("region\t"):
            continue
        region, also, countries = (line.split("\t") + ["", ""])[:3]
        members = tuple(n for c in countries.split(",") if c.strip() for n in names_of.get(c.strip(), (c.strip(),)))
        for name in (region, *also.split(",")):
            if name.strip():
                table[name.strip().lower()] = members
    return table


def region_countries(name: str) -> tuple[str, ...]:
    """Every name of the countries in the region called ``name`` ("Nordics" -> "Iceland", "Norway", ...);
    empty when ``name`` is no region.

    >>> "Iceland" in region_countries("Scandinavia"), "Chile" in region_countries("Latin America"), region_countries("Acme")
    (True, True, ())
    """
    return _region_table().get(re.sub(r"\s+", " ", name).strip().lower(), ())


def region_names() -> tuple[str, ...]:
    """Every name of every region ("Africa", "Asia-Pacific", "Scandinavia"), lower case."""
    return tuple(_region_table())
