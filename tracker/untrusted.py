"""Text from outside (feeds, web pages, announcement files) made safe to store.

Feed and page content is untrusted. Control characters in it do no good and
real harm: ``&#1;`` or ``&#27;`` in a feed made ``changes.xml`` invalid XML, and
raw ESC sequences reach an editor's terminal. So every text is cleaned once, at
intake, before it is stored:

* line breaks become ``\\n`` (a lone CR would end a CSV row or a terminal line);
* the other C0 controls (but tab), DEL and the C1 controls are dropped;
* lone surrogates (from undecodable bytes) become U+FFFD, and the
  non-characters U+FFFE/U+FFFF are dropped: neither can be written as UTF-8 XML.

What is left is valid in XML 1.0, JSON and HTML, and prints as itself.
"""

from __future__ import annotations

import re

# C0 except tab (9) and newline (10), DEL, C1, and the two non-characters XML refuses.
_DROP = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF])
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """The text without control characters (tab and newline kept); CR and CRLF become newline.

    >>> clean_text("Fares\\x1b]0;owned\\x07 rise\\r\\non\\x00 Monday")
    'Fares]0;owned rise\\non Monday'
    """
    if text.isprintable():  # the usual case: nothing to do (tab and newline are not "printable")
        return text
    text = _LINE_BREAK.sub("\n", text).translate(_DROP)
    return _SURROGATE.sub("\ufffd", text)


def clean_optional(text: str | None) -> str | None:
    """:func:`clean_text` for a value that may be missing."""
    return None if text is None else clean_text(text)
