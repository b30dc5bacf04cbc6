"""Who "we" is: the actor a document speaks for, read from its ``source:`` line or feed title.

A company's blog post, a ministry's statement or a chief executive's post speaks in the first
person, and the only place that says whose promise "we will ..." is the publisher line. A news
outlet's name is not an actor: "we" in a news report is inside somebody's quotation.

>>> actor_from_source("Acme (company blog, paraphrased)")
'Acme'
>>> actor_from_source("post by Jane Roe, Acme founder and chief executive (translated)")
'Acme'
>>> actor_from_source("Harbour City Council") is None, actor_from_source("Valley Business Wire") is None
(False, True)
>>> actor_from_source("Acme Inc., Q3 earnings call"), actor_from_source("Valley Wire, Velbury bureau")
('Acme', None)
>>> actor_from_source("letter from Jane Roe, chief executive of Acme Bank, to shareholders")
'Acme Bank'
>>> actor_from_source("The Long Game (opinion column)"), actor_from_source("Evening Markets Briefing")
(None, None)
>>> actor_from_source("post on X by Kelvo Games (@kelvo), maker of Star Drift")
'Kelvo Games'
"""

from __future__ import annotations

import re
from pathlib import Path

from tracker.extract.actors import TITLE, without_legal_suffix
from tracker.language.governments import government_of
from tracker.language.words import is_common_word

# The last word of a news outlet's name ("... Wire", "... Times", "... Desk").
_OUTLET = re.compile(
    r"\b(?:wire|newswire|news|newsroom\s+digest|desk|times|post|journal|gazette|herald|daily|tribune|press|service|"
    r"reporter|telegraph|chronicle|observer|standard|bulletin|digest|review|weekly|monitor|insider|today|media|"
    r"magazine|radio|tv|television|broadcasting|network|online|report|reports|agency|express|mail|guardian|"
    r"independent|examiner|dispatch|courier|record|sun|star|mirror|globe|inquirer|register|week|briefing|brief|"
    r"view|views|column|roundup|round-up|newsletter|podcast|notebook|wrap|wrap-up|recap|headlines)$",
    re.I,
)
# A document kind that is commentary or a digest of others' news, never the publisher's own undertaking.
_COMMENTARY = re.compile(r"\b(?:opinion|column|editorial|commentary|newsletter|analysis|digest|op-ed)\b", re.I)
# A report named for what it accounts for: an organisation's own document, never a news outlet
_KIND_OF_REPORT = re.compile(r"\b(?:annual|sustainability|impact|esg|integrated|environmental|climate|diversity|"
                             r"responsibility|csr|transparency|progress)\s+report$", re.I)
# The organisation's own channel named after it: "Acme newsroom", "Acme blog" are Acme speaking.
_OWN_CHANNEL = re.compile(r"\s+(?:newsroom|blog|press\s+office|press\s+room|press\s+(?:centre|center)|"
                          r"media\s+(?:centre|center)|website|official\s+account|investor\s+relations|"
                          r"(?:corporate\s+)?(?:social\s+)?responsibility|sustainability)$", re.I)
# An interview published by whoever ran it: "Orbit Talk (interview)", "Road Weekly (interview transcript)" name
# the show, not the one who answers (a results call's interview is the company's own: "Acme (earnings interview)")
_ITS_INTERVIEW = re.compile(r"\binterview\b", re.I)
_RESULTS_CALL = re.compile(r"\b(?:earnings|results|call|quarter|q[1-4]|fy\d*)\b", re.I)
# A government's own office speaks for the government: "Press Office of the Federal Government (Norway)"
_PRESS_OFFICE = re.compile(r"\b(?:Press|Information|Media)\s+(?:Information\s+)?(?:Office|Bureau|Service)\b", re.I)
_GOVERNMENT_OFFICE = re.compile(r"\bOffice\s+of\s+the\s+(?:Federal\s+|National\s+)?Government\b|"
                                r"\bGovernment\s+(?:Press|Information)\s+Office\b", re.I)
# Where a post was published: "Acme on X", "Jane Roe on LinkedIn" name the speaker, not the platform
_PLATFORMS = [line.strip() for line in (Path(__file__).with_name("data") / "platforms.txt").read_text(encoding="utf-8")
              .splitlines() if line.strip() and not line.startswith("#")]
_PLATFORM_NAMES = frozenset({p.lower() for p in _PLATFORMS} | {"x", "twitter"})
_PLATFORM = re.compile(rf"\s+(?:on|via)\s+(?:{'|'.join(map(re.escape, _PLATFORMS))})$")
# A document named after its publisher: "Acme annual report 2024", "the Acme Q3 2025 earnings call transcript",
# "Acme Group shareholder letter", "Acme official blog", "Acme Q4 earnings interview": the words before it are the
# publisher (an interview or a briefing only after "earnings" or "results": "Morning Tech Briefing" is an outlet)
_DOCUMENT_TAIL = re.compile(
    r"(?:\s+(?:official|annual|quarterly|sustainability|impact|esg|integrated|shareholder|shareholders'?|investor|"
    r"environmental|environment|climate|diversity|responsibility|csr|global|worldwide|"
    r"press|news|company|corporate|fiscal|full-year|half-year|q[1-4]|fy\d*|h[12]|\d{4}(?:/\d{2,4})?|earnings|"
    r"[a-z]+[\s-]quarter|"  # "second-quarter", "March quarter"
    r"results|conference))*"
    r"\s+(?:call|transcript|letter|report|release|statement|blog|post|update|keynote|speech|filing|announcement|"
    r"presentation|webcast|website|newsroom|(?:(?<=earnings\s)|(?<=results\s))(?:interview|briefing))"
    r"(?:\s+(?:\d{4}|excerpt|transcript))*$", re.I)
# "statement from the Dellan Ministry of Health", "speech by ...": the document, then who it is from
_DOCUMENT_LEAD = re.compile(r"^(?:an?\s+|the\s+)?(?:joint\s+|official\s+|public\s+)?(?:statement|letter|release|post|"
                            r"speech|address|message|announcement|update|notice|note)s?\s+(?:from|by)\s+(?:the\s+)?", re.I)
_BUREAU = re.compile(r"\b(?:bureau|desk|newsroom\s+staff|correspondent)\b", re.I)
# A part of the source line that names the kind of document, not who speaks.
_DOCUMENT = re.compile(
    r"\b(?:call|transcript|letter|report|release|statement|blog|post|thread|newsletter|update|keynote|speech|"
    r"interview|filing|announcement|results|account|presentation|webcast|excerpt|paraphrased|translated)\b", re.I)
# "post by NAME, ORG chief executive" / "letter from NAME, chair of ORG"
_BY_PERSON = re.compile(r"\b(?:by|from|with)\s+(?:the\s+)?(?P<person>[A-Z\u00c0-\u00de\u0100-\u017f][\w.'\u2019-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w.'\u2019-]*){0,3})(?:,\s*(?P<role>.+))?$")
_INTERVIEWEE = re.compile(_BY_PERSON.pattern.replace(r"(?:by|from|with)", r"(?i:interview|conversation|q&a|talk)\s+with"))
_ROLE_OF = re.compile(rf"^(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:{TITLE})(?:\s+and\s+(?:[\w-]+\s+)?(?:{TITLE}))?\s+(?:of|at)\s+(?P<org>.+)$", re.I)
_ORG_ROLE = re.compile(rf"^(?P<org>.+?)(?:['\u2019]s)?\s+(?:co-)?(?:[a-z][\w-]*\s+)?(?:{TITLE})\b")


def actor_from_source(source: str | None) -> str | None:
    """The organisation (or person) a first-person document speaks for, or None for a news outlet."""
    found = _actor_from_source(source)
    found = re.sub(r"^the\s+", "", found) if found else None  # "letter from the Harbury Council leader"
    if found and found.startswith("@"):
        return None  # "post by @orvo_quest, ...": a handle names nobody; the post's own header may (actor_from_handle)
    if found and " " not in found and is_common_word(found) and not found.isupper() \
            and re.search(rf"\b(?:by|from|with)\s+the\s+{re.escape(found)}\b", source or "", re.I):
        return None  # "statement from the Board", "blog post by the Team": nobody named ("Apple (blog)" is)
    return found or None


# Between a publisher and its document or account: "Acme -- Annual Report 2024", "X -- @AcmeNews", "Acme | Newsroom"
_SEGMENT = re.compile(r"\s+(?:--|[\u2013\u2014|])\s+")


_OWNER_NAME = r"[A-Z][\w&.'\u2019-]*(?:\s+(?:(?:of|for|and|the|bin|al|de|van|von|der)\s+)*[A-Z][\w&.'\u2019-]*)*"
# Who a product's account belongs to: "published by Vantor", "official account of Vantor's Lumo", "(Vantor)",
# "(Vantor's streaming app)", "(official Lumo account, Vantor Games)"
_OWNER_BY = re.compile(rf"\b(?:published|made|developed|run|owned|operated|created)\s+by\s+(?:the\s+)?(?P<o>{_OWNER_NAME})")
_OWNER_OF = re.compile(rf"\baccount\s+(?:of|for|from)\s+(?:the\s+)?(?P<o>{_OWNER_NAME})['\u2019]s\b")
_OWNER_POSSESSIVE = re.compile(rf"^(?P<o>{_OWNER_NAME})['\u2019]s\s+[a-z]")


def _account_owner(source: str) -> str | None:
    """The owner a product's or a brand's account names, when the line is about an account ("@LumoGame",
    "official account"): the organisation that speaks through it."""
    if not re.search(r"@\w|\baccount\b", source, re.I):
        return None
    for pattern in (_OWNER_BY, _OWNER_OF):
        m = pattern.search(source)
        if m:
            return without_legal_suffix(m.group("o"))
    tail = re.search(rf"\(@\w+\),\s+(?:the\s+)?(?P<o>{_OWNER_NAME})\s*$", source)
    if tail and not _DOCUMENT.search(tail.group("o")) and tail.group("o").lower() not in _PLATFORM_NAMES:
        return without_legal_suffix(tail.group("o"))  # "Posts by the Orvo Mission (@OrvoMission), Dellan Space Agency"
    for inside in re.findall(r"\(([^)]*)\)", source):
        inside = inside.strip()
        m = _OWNER_POSSESSIVE.match(inside)
        if m:
            return without_legal_suffix(m.group("o"))  # "(Vantor's streaming app)"
        last = inside.split(",")[-1].strip()
        if re.fullmatch(_OWNER_NAME, last) and last.lower() not in _PLATFORM_NAMES and not _DOCUMENT.search(last) \
                and ("," in inside or inside == last):
            return without_legal_suffix(last)  # "(Vantor)", "(official Lumo account, Vantor Games)"
    return None


def _actor_from_source(source: str | None) -> str | None:
    if not source or not source.strip():
        return None
    owner = _account_owner(source)
    if owner:
        return owner
    segments = [seg for seg in _SEGMENT.split(source) if seg.strip()]
    if len(segments) > 1:
        # the first segment that names someone, past a bare platform ("X (Twitter) -- @Acme and replies")
        return next((a for a in map(_actor_from_source, segments) if a and a.lower() not in _PLATFORM_NAMES), None)
    brackets = re.findall(r"\(([^)]*)\)", source)
    kinds = " ".join(brackets)
    if _COMMENTARY.search(kinds) and not re.search(r"\b(?:company|corporate|official)\b", kinds, re.I):
        return None  # "(opinion column)", "(newsletter)": a writer's voice, nobody's promise
    ours = _GOVERNMENT_OFFICE.search(source) is not None
    if ours or _PRESS_OFFICE.search(source):
        # a government's press office speaks for the government another part or a bracket names ("Press Information
        # Bureau, Government of Norway", "Press and Information Office of the Federal Government (Norway)"); a bare
        # country names it only after a government's own office ("Vantor press office, Norway" is Vantor's)
        parts = [*source.split(","), *brackets]
        named = next((government_of(p.strip()) for p in parts
                      if (ours or re.search(r"\bgovernment\b", p, re.I)) and government_of(p.strip())), None)
        if named:
            return named
    if _ITS_INTERVIEW.search(kinds) and not _RESULTS_CALL.search(kinds) and not _INTERVIEWEE.search(kinds) \
            and not any(_org_of_role(p, titled=True) for p in re.sub(r"\([^)]*\)", "", source).split(",")):
        return None  # "Orbit Talk (interview transcript)": the show; the text says who answers
    name = re.sub(r"\s+(?=[,;])", "", re.sub(r"\s*\([^)]*\)\s*", " ", source)).strip(" ,;:-")  # "X (@x), ..."
    # "@Acme and replies", "@Acme and @AcmeGame", "Acme on X, with replies"
    name = re.sub(r",?\s+(?:and|with)\s+(?:replies|@\w+.*)$", "", name)
    name = _PLATFORM.sub("", name)
    lead = name.split(",")[0].strip().lower()
    if "," in name and lead in _PLATFORM_NAMES:  # "Twitter, @orvo_fan and replies": the platform, then the account
        name = name.split(",", 1)[1].strip()
    if re.fullmatch(r"@\w+", name) and not re.fullmatch(r"@[A-Z]\w+", name):
        return None  # "@orvo_fan": a handle that spells no name; the text says whose it is
    handle = re.fullmatch(r"@([A-Z][a-z]+(?:[A-Z][a-z]+)+)", name)
    if handle:  # "@HarburyMotors": the account of Harbury Motors
        return re.sub(r"(?<=[a-z]{3})(?=[A-Z])", " ", handle.group(1))
    handle = re.fullmatch(r"@([A-Z]\w+)", name)
    if handle:  # "@Acme"
        return handle.group(1)
    if "://" in name or re.fullmatch(r"[\w-]+(?:\.[\w-]+)+(?::\d+)?", name):
        return None  # a web address or host name: where the page came from, not who speaks
    by = _BY_PERSON.search(name)
    # "Department for Digital, Culture, Media and Sport": a name holding a list of capitalised words is one part
    listed = re.sub(r"\b(?:for|of)\s+[A-Z][\w&-]*(?:,\s+[A-Z][\w&-]*)+,?\s+(?:and|&)\s+[A-Z][\w&-]*",
                    lambda m: m.group(0).replace(",", "\0"), name)
    parts = [p.strip().replace("\0", ",") for p in listed.split(",") if p.strip()]
    # ("Vantor 2024 Environmental Report" is a company's report, named for its kind; "Harbury Markets Report" a news one)
    # (an outlet is a proper name: "chief executive's review" after a report's name is a section of it)
    outlet = any((_OUTLET.search(p) and not _KIND_OF_REPORT.search(p) and (k == 0 or p[:1].isupper()))
                 or _BUREAU.search(p) for k, p in enumerate(parts))
    if not by and outlet:
        # an outlet's interview, named in brackets: "Road Weekly (interview with Jane Roe, founder of Acme)"
        by = next(filter(None, (_INTERVIEWEE.search(k.strip()) for k in brackets)), None)
    if by:
        role = re.split(r",?\s+(?:to|for)\s+(?:its\s+|the\s+)?(?:shareholders|staff|employees|customers|investors|"
                        r"members|readers|users)\b", (by.group("role") or "").strip())[0]  # "..., to shareholders"
        # "..., chief executive of Acme", "..., Acme founder", "..., Acme"; "with Acme CEO Jane Roe"; "by Jane
        # Roe (Acme CEO)", "by Jane Roe, core developer (Acme Foundation)": the organisation in brackets
        bracketed = next(filter(None, (_org_of_role(k, titled=True) or _org_of_role(k) for k in brackets)), None)
        return _org_of_role(role) or _org_of_role(by.group("person"), titled=True) or bracketed \
            or by.group("person")
    if not parts or outlet:
        return None  # "Europe Wire, Berlin bureau": a news outlet
    titled = next((org for org in (_org_of_role(p, titled=True) for p in parts) if org), None)
    if titled:
        return titled  # "Jane Roe, chief executive of Acme (interview)", "Acme chief executive Jane Roe"
    bare_title = next((k for k, p in enumerate(parts[:-1]) if re.fullmatch(rf"(?:[\w-]+\s+){{0,2}}(?:{TITLE})", p)), None)
    if bare_title is not None:
        parts = parts[bare_title + 1:]  # "Jane Roe, chief executive, Acme": the organisation after the title
    parts = [_OWN_CHANNEL.sub("", _publisher_of(p)).strip() for p in parts]  # "Acme official account" -> Acme
    kept = [p for p in parts if p and not _DOCUMENT.search(p)]  # "Acme Inc., Q3 earnings call": drop the document
    name = without_legal_suffix(kept[0]) if kept else ""
    return name or None


def _publisher_of(part: str) -> str:
    """The publisher a document is named after: "The Acme blog" -> Acme, "statement from the Acme Trust"
    -> Acme Trust; a part that names no document is returned as it is."""
    bare = _DOCUMENT_TAIL.sub("", _DOCUMENT_LEAD.sub("", part)).strip()
    return re.sub(r"^[Tt]he\s+", "", bare) if bare != part.strip() else bare


def _org_of_role(role: str, *, titled: bool = False) -> str | None:
    """The organisation a role names ("chief executive of Acme", "Acme founder"), or a role that is only a
    name ("Acme"); with ``titled``, only a role with a title counts."""
    role = role.strip(" ,")
    m = _ROLE_OF.match(role) or _ORG_ROLE.match(role)
    if m:
        org = re.sub(r"^.*\b(?:by|from|with)\s+", "", m.group("org")).strip(" ,")  # "Q&A with Acme CEO ..."
        org = re.split(r",|\s+at\s+(?=[A-Z\u00c0-\u00de\u0100-\u017f])", org)[-1 if " at " in org.split(",")[0] else 0]
        org = org.strip()  # "of Acme, in The Valley Times" -> Acme; "head of Gizmos at Acme" -> Acme
        if re.search(rf"\b(?:{TITLE})\b", org) or _DOCUMENT.search(org) or re.search(r"\b(?:of|the|and|for)$", org, re.I) \
                or re.match(r"(?:the\s+)?office\s+of\b", org, re.I):  # "Office of the Press Secretary"
            return None  # "Office of the Chief Executive": an office, not an organisation with a title
        return org
    if titled or not re.fullmatch(r"[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*(?:\s+(?:&|of|[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'\u2019-]*)){0,3}", role):
        return None
    return None if _DOCUMENT.search(role) or _OUTLET.search(role) else role


# A byline opening a post: "By Ada Brennan, Head of Vantor", "By Ada Brennan, Vantor chief executive"
_BYLINE = re.compile(r"^[ \t]*By[ ]+(?P<rest>[A-Z\u00c0-\u00de\u0100-\u017f][^\n]{2,120})$", re.M)


def actor_from_byline(text: str) -> str | None:
    """The organisation a post's byline names its writer's office in, among the first lines: a post
    "By Ada Brennan, Head of Vantor" speaks for Vantor when its source line names no one.

    >>> actor_from_byline("Vantor Go: a new console\\n\\nBy Ada Brennan, Head of Vantor\\n\\nToday we ...")
    'Vantor'
    >>> actor_from_byline("By 2030, we plan to be carbon neutral.") is None
    True
    """
    head = "\n".join(text.splitlines()[:6])
    m = _BYLINE.search(head)
    if m is None or "," not in m.group("rest"):
        return None
    return actor_from_source("post by " + m.group("rest").strip())


def actor_from_handle(source: str | None, text: str) -> str | None:
    r"""The name a post's own header gives the account its source line names: "source: X, @orvo_fan and
    replies" over a thread whose posts open "Ada Brennan @orvo_fan · 3 May" speaks for Ada Brennan (a
    name in brackets, "AB (Ada Brennan) @orvo_fan", is the full one).

    >>> actor_from_handle("X, @orvo_fan and replies", "Ada Brennan @orvo_fan \u00b7 May 3\nWe will ...")
    'Ada Brennan'
    >>> actor_from_handle("X, @orvo_fan and replies", "AB (Ada Brennan) @orvo_fan \u00b7 May 3\nI will ...")
    'Ada Brennan'
    >>> actor_from_handle("Orvo Wire", "Ada Brennan @orvo_fan \u00b7 May 3") is None
    True
    """
    handle = re.search(r"@(\w+)", source or "")
    if handle is None:
        return None
    header = re.search(rf"^[ \t]*(?P<name>[^\n@]{{2,80}}?)[ \t]+@{re.escape(handle.group(1))}\b", text, re.M | re.I)
    if header is None:
        return None
    name = header.group("name").strip()
    full = re.search(r"\(([^)]+)\)", name)
    name = (full.group(1) if full else name).strip()
    return name if re.fullmatch(r"[A-Z\u00c0-\u00de\u0100-\u017f][\w.'\u2019-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w.'\u2019-]*){0,4}", name) \
        else None
