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
