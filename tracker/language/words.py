"""How common an English word is, from wordfreq's frequency lists (loaded on first use).

A capitalised word at the start of a sentence is either an ordinary word ("Customers will ...")
or a name ("Quorvex will ..."). When the text never writes it mid-sentence, the only evidence is
the language itself: a word English writing uses often is an ordinary word; a rare or unknown one
is a name.

>>> is_common_word("Customers"), is_common_word("Quorvex")
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

# Zipf frequency (log10 of uses per billion words) from which a word counts as ordinary English.
# "analysts" is 3.8, "economists" 3.8; invented or rare names are below 2.
COMMON_ZIPF = 3.0


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in English (0 for unknown words)."""
    from wordfreq import zipf_frequency  # about 0.3 s on first use: only extraction pays it

    return zipf_frequency(word.lower(), "en", wordlist="small")


def is_common_word(word: str) -> bool:
    """Is ``word`` ordinary English rather than a name?"""
    return zipf(word) >= COMMON_ZIPF


def is_acronym(word: str) -> bool:
    """Written in capitals only, two to six letters ("NASA", "BP"): a name wherever it stands, even where a
    sentence's capital would hide an ordinary word.

    >>> is_acronym("NASA"), is_acronym("Nasa"), is_acronym("I"), is_acronym("NORTHWIND")
    (True, False, False, False)
    """
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


# Endings that make abstract nouns of verbs and adjectives ("Construction", "Management", "Demand" has none)
_ABSTRACT = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism")


def ordinary_noun_form(word: str) -> bool:
    """Does the word's own shape make it an everyday noun: the plural of a common singular ("Customers",
    "Shareholders"), an abstract noun ("Construction", "Management"), or the gerund of a common verb
    ("Shipping", "Funding")? A name rarely has these shapes, however common the name is ("Quorvex",
    a maker whose name ends in "-eing" or "-us").

    >>> [ordinary_noun_form(w) for w in ("Shareholders", "Construction", "Funding", "Quorvex", "Airbus")]
    [True, True, True, False, False]
    """
    low = word.lower()
    if len(low) < 4 or not low.isalpha():
        return False
    if low.endswith(_ABSTRACT):
        return True
    if low.endswith("ing"):
        stem = low[:-3]
        return any(zipf(s) >= COMMON_ZIPF for s in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""))
    if low.endswith("ies"):
        return zipf(low[:-3] + "y") >= COMMON_ZIPF
    if low.endswith("s") and not low.endswith("ss"):
        return zipf(low[:-1]) >= COMMON_ZIPF or (low.endswith("es") and zipf(low[:-2]) >= COMMON_ZIPF)
    return False
