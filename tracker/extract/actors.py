"""Who is promising: named organisations, people speaking for them, and references.

A first pass over the whole text (:class:`ActorIndex`) finds

* organisations: capitalised names with an organisation word (``... Authority``,
  ``Ministry of ...``, ``... Motors``), names followed by an abbreviation in
  parentheses (``Farrow Transit Authority (FTA)``), and names that act as the
  subject of speech or planning verbs (``Brant Mills said``, ``Quarrington plans``);
* people: a title next to a name (``chief executive Ada Brennan``,
  ``Brennan, chief executive of ...``), with the organisation named in the
  title (``PATA director ...``) or, failing that, the one in focus when they
  are introduced;
* aliases of an organisation: its abbreviation (given in parentheses or used
  later and matching its initials) and short forms (``Velotron`` for
  ``Velotron Motors``, ``Port Aster`` for ``City of Port Aster``).

Then :meth:`ActorIndex.resolve` turns a subject or speaker phrase into an
entity, using a small discourse state (:class:`Focus`) for ``it``, ``the
company``, ``she`` and friends. Third parties (analysts, rivals, unions, some
fans...) are recognised so that their forecasts are never taken for promises.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable
from typing import TypeVar
from dataclasses import dataclass, field

from tracker.language.governments import (countries_of_adjective, country_names, government_level, government_of,
                                          main_country, national_government)
from tracker.language.words import is_common_word, zipf

T = TypeVar("T")
_GOVERNMENT_NOUNS = frozenset({"government", "cabinet", "administration", "executive", "coalition", "country", "nation"})

# Capitalised words that make a name an organisation's: ordinary nouns ("airways", "industries") written with a capital.
ORG_WORDS = frozenset(
    """Authority Agency Ministry Department Council Commission Committee Board Bureau Office Service Services
    Foundation Trust Federation Association Institute University College School Hospital Hospitals Bank Group
    Holdings Corporation Corp Company Co Inc Ltd LLC Plc PLC AG SA GmbH Labs Lab Laboratories Systems
    Technologies Technology Software Motors Airlines Airways Rail Railways Railway Transit Transport Energy Power
    Water Utilities Stores Outfitters Therapeutics Pharmaceuticals Pharma Interactive Studios Games Media Networks
    Network Telecom Communications Orbital Space Aerospace Exchange Partners Capital Ventures Industries Solutions
    Electronics Devices Robotics Health Healthcare FC Club Party Government City County Republic Police Parliament
    Senate Congress Research Foods Mining Steel Automotive Logistics Shipping Insurance Airport
    Alliance Society Fund Coalition League Union Administration Secretariat Directorate Inspectorate Regulator
    Cooperative Co-op Motors Brewing Entertainment Pictures Records Semiconductor Semiconductors Biotech Bio
    Retail Markets Market Trading Analytics Cloud AI Robotics Dynamics Instruments Aviation Defence Defense""".split()
)
# Common nouns that refer back to an organisation ("the lender", "the drugmaker").
ORG_NOUNS = frozenset(
    """company firm group business corporation conglomerate startup start-up maker carmaker automaker drugmaker
    chipmaker manufacturer retailer chain grocer supermarket lender bank insurer airline carrier operator utility
    provider developer publisher studio platform broadcaster brand club team league federation association
    foundation charity trust agency authority ministry department government administration council city town
    municipality state province county board commission regulator committee exchange university school hospital
    institute organisation organization party coalition cabinet parliament police army military telecom miner
    refiner producer supplier distributor railway railroad service consortium partnership body watchdog registry
    network giant outfit firm's project's maintainers division subsidiary office bureau secretariat
    directorate inspectorate body vendor""".split()
)
# Heads and modifiers that mark someone who is not promising anything themselves.
THIRD_PARTY = frozenset(
    """analyst analysts observer observers watcher watchers critic critics expert experts economist economists
    commentator commentators opposition rival rivals competitor competitors resident residents campaigner
    campaigners activist activists advocate advocates supporter supporters supporters' fan fans broker brokers
    investor investors shareholder shareholders union unions source sources insider insiders people contributors
    contributor attendees attendee scientists scientist researchers researcher managers representatives
    representative groups governors commuters passengers users customers consumers voters trader traders
    observers' some several many few others other insiders report reports media rumours rumors
    skeptics sceptics doubters detractors lawmakers businesses companies firms households families drivers
    motorists students travellers travelers tenants homeowners landlords employers patients""".split()
)
# The parties of a deal or a joint announcement, named before: "the companies", "both firms", "the two partners"
_PARTIES = re.compile(r"(?:the|both)\s+(?:two\s+)?(?:companies|firms|partners|carmakers|banks|airlines|groups)")
_QUANTIFIERS = ("some ", "several ", "many ", "few ", "most ", "other ", "two ", "three ", "both ")
_PRONOUNS_ORG = frozenset({"it", "its", "they", "their", "we", "our", "us", "itself"})
_PRONOUNS_PERSON = frozenset({"he", "she", "his", "her", "i", "him"})
# A person by their office: "the prime minister", "the chief executive"
_THE_OFFICE = re.compile(r"the\s+(prime\s+minister|president|mayor|chancellor|governor|premier|chief\s+executive|"
                         r"ceo|chairman|chairwoman|founder)")

TITLE = (
    r"(?i:chief\s+executive(?:\s+officer)?|chief\s+(?:technology|financial|operating|product|commercial|marketing|"
    r"digital|information|scientific|medical|nursing|people|strategy)\s+officer|CEO|CTO|CFO|COO|CMO|"
    r"(?:vice\s+|deputy\s+|co-)?(?:president|chair|chairman|chairwoman|chairperson|director|director-general|"
    r"founder|spokesperson|spokesman|spokeswoman|minister|Minister|mayor|Mayor|governor|Governor|secretary|"
    r"Secretary|commissioner|Commissioner|head|chief|lead|manager|engineer|officer|executive|superintendent|"
    r"principal|dean|president|President|Chancellor|chancellor|Premier|premier|Senator|senator|MP|leader|"
    r"administrator|Director|Chair|Chairman|CEO|partner|owner|coach|captain|councillor|councilor|alderman|"
    r"MEP|representative|deputy|ambassador|commander|inspector|professor|sheriff|judge|attorney|"
    r"superintendent|trustee|rector|bishop|general)"
    r"(?:-general|-elect)?)"
)
_NAME_TOKEN = r"[A-Z\u00c0-\u00de\u0100-\u017f][a-z\u00c0-\u024f'\u2019-]+"
# (with a middle initial: "Ada Q. Brennan")
_PERSON_NAME = (rf"{_NAME_TOKEN}(?:\s+[A-Z]\.(?=\s+{_NAME_TOKEN}))?"
                rf"(?:\s+(?:van|von|de|da|del|der|bin|al|le|la)\s+{_NAME_TOKEN}|\s+{_NAME_TOKEN}){{1,2}}")
# (compiled once: the organisation scan asks these of every capitalised name)
_NAME_NEXT = re.compile(rf"[ ]+{_NAME_TOKEN}")
_TITLE_NEXT = re.compile(rf"(?:['\u2019]s)?[ ]+(?:[a-z-]+[ ]+)?(?:{TITLE})[ ]+[A-Z\u00c0-\u00de\u0100-\u017f]")
_TITLE_AT_BEFORE = re.compile(rf"\b(?:{TITLE})[ ]+(?:at|of)[ ]+$")
# (every title opens with a letter: the lookahead spares the long alternation at every other word boundary)
_TITLED = re.compile(rf"\b(?=[A-Za-z])(?P<title>{TITLE}),?\s+(?P<name>{_PERSON_NAME})")
# "head of network planning Siri Aas", "director of operations Lena Berg"
_TITLE_OF = re.compile(
    rf"\b(?P<title>(?i:head|director|chief|vice\s+president|manager|minister|secretary|commissioner))\s+of\s+"
    rf"(?:[a-z-]+\s+){{1,3}}?(?P<name>{_PERSON_NAME})"
)
# "NAME became Norland's prime minister", "NAME was sworn in as mayor": a person takes an office
_BECAME_TITLE = re.compile(
    rf"\b(?P<name>{_PERSON_NAME})\s+(?:became|becomes|was\s+sworn\s+in\s+as|took\s+office\s+as|was\s+elected)\s+"
    rf"(?P<pre>(?:the\s+)?(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w-]*['\u2019]s\s+)?(?:new\s+)?)"
    rf"(?P<title>(?:(?i:prime|first)\s+)?(?:{TITLE}))\b"
    # "NAME became chief executive of Vantor in 2022": the organisation after the office
    rf"(?:\s+(?:of|at)\s+(?P<org>[A-Z\u00c0-\u00de\u0100-\u017f][\w&'\u2019.-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w&'\u2019.-]*)*))?")
_PRE_WORDS = re.compile(r"(?:[\w'\u2019&-]+[ ]+){0,3}$")
_NAME_COMMA_TITLE = re.compile(
    rf"(?P<name>{_PERSON_NAME}),\s+(?:the\s+|a\s+)?(?P<pre>(?:[\w'\u2019&.-]+\s+){{0,3}}?)(?P<title>{TITLE})(?:\s+and\s+(?:{TITLE}))?"
    rf"(?:\s+(?:at|of|for)\s+(?P<org>(?:the\s+)?[A-Z\u00c0-\u00de\u0100-\u017f][\w&'\u2019.-]*(?:[ ]+(?:of[ ]+|for[ ]+|&[ ]+)?[A-Z\u00c0-\u00de\u0100-\u017f][\w&'\u2019.-]*)*))?"
)
_ORG_WORD = "|".join(sorted(ORG_WORDS))  # any of them, as one alternation
# "A Liberal government will ...", "a future Labour government would ...", "the next Green government": a party's
# pledge of what it would do in office
PARTY_GOVERNMENT = re.compile(r"\b(?:[Aa]n?|[Aa]ny|[Tt]he\s+next)\s+(?:future\s+|new\s+)?"
                              r"(?P<party>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+government\b")
# An aside that describes a person by a role: "Ada Brennan, the former Orvo executive who runs the unit, said"
_DESCRIBED_PERSON = re.compile(r"[ ]*,[^,]*\b(?i:executive|chief|founder|co-founder|director|minister|spokes(?:man|woman|"
                               r"person)|president|chairman|chairwoman|officer|manager|analyst|economist|professor|"
                               r"mayor|governor|secretary|CEO|head)\b")
# An acronym before a capitalised title and a person's name (the capitals run together, so the name scan sees one
# name): "ORVA Administrator Ada Brennan", "ORVA Managing Director Ada Brennan"
_ACRONYM_TITLE_NAME = re.compile(
    rf"\b(?P<org>[A-Z]{{2,6}})(?:[ ]+(?:Managing|Deputy|Vice|Executive|General|Chief|Senior|Acting|Interim))*[ ]+"
    rf"(?:{TITLE})[ ]+{_PERSON_NAME}"
)
_POSS_TITLE_NAME = re.compile(
    rf"(?P<org>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*)*)(?:['\u2019]s|(?<=s)['\u2019])\s+(?P<pre>(?:[a-z-]+\s+){{0,2}})(?P<title>{TITLE}),?\s+(?P<name>{_PERSON_NAME})"
)
POLITICAL = re.compile(r"minister|mayor|governor|senator|premier|chancellor|secretary|MP\b|president of", re.I)

_CAP = r"(?:[A-Z\u00c0-\u00de\u0100-\u017f][\w&.+-]*[\w&+]|[A-Z\u00c0-\u00de\u0100-\u017f])(?:['\u2019][A-Z\u00c0-\u00de\u0100-\u017f]\w*)?"
_NUMBER_AFTER = re.compile(r"[ ]+\d{1,3}\b(?![.,]?\d)")  # "Crossrail 2", not "Acme 2,000" or a year
_NAME_RE = re.compile(rf"{_CAP}(?:(?:[ ]+(?:of|for|de|du|&|of[ ]+the|for[ ]+the))?[ ]+{_CAP})*")
_ABBR_PAREN = re.compile(rf"(?P<name>{_CAP}(?:(?:[ ]+(?:of|for|&|and|of[ ]+the))?[ ]+{_CAP})*)[ ]+\((?P<abbr>[A-Z\u00c0-\u00de\u0100-\u017f][A-Z\u00c0-\u00de\u0100-\u017f&.]{{1,7}})\)")
# A day, and a part of it, between a name and its verb: "Vantor on Thursday night showed ..."
_ON_A_DAY = r"on[ ]+\w+(?:[ ]+(?:night|morning|evening|afternoon))?"
_AGENT_VERB = re.compile(
    rf"^(?:[ ]*,[^,\n]{{1,120}},)?[ ]+(?:(?:also|now|{_ON_A_DAY}|today|yesterday|this[ ]+week|has|have|had|is|was|did|does|"
    r"not|never|still|recently|previously|currently|already)[ ]+)*"
    r"(?:said|says|told|announced|confirmed|declined|plans|planned|intends|aims|expects|pledged|vowed|promised|"
    r"committed|agreed|unveiled|reported|rejected|disputed|employs|hired|raised|earned|handled|operates|"
    r"designs|acquired|appointed|signed|denied|warned|wrote|added|insisted|targets|set[ ]+to|preparing|planning|"
    r"recorded|posted|invested|runs|provides|sells|chose|chosen|selects|selected|launched|released|"
    # showing what it made: "Vantor rolled out its first jet", "Orvo introduced ..."
    r"rolled[ ]+out|rolls[ ]+out|introduced|introduces|revealed|reveals|presented|presents|showed|shows|"
    # an agent at work: "Nordvik Motors is building ...", "Orvo are developing ..."
    r"building|investing|hiring|developing|spending|working|testing|recruiting|designing|producing|"
    r"manufacturing|considering|exploring)\b"
)
_SENTENCE_STARTERS = frozenset(
    """The A An This That These Those It Its Their His Her Our We They He She I In On At By For From With As
    After Before If When While Although Though But And Or So Yet Also Currently Meanwhile However Separately
    Asked Could Would Should Can Will May Might Some Several Many Most Other Others Analysts Every Each No
    Nobody Nothing Why What How Where Who Which Under Over Since Until During Without About Despite Instead
    Today Tomorrow Yesterday Last Next First Second Third Local Industry Rival Two Three Four Five Both
    Not Even Only Once Just Still Then There Here Such Unlike Like Earlier Later Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September October
    November December Mayor Opposition Council Chief Founder President Ahead Within Amid Across Beyond Following
    Throughout Through Among Around Toward Towards""".split()
)
_GENERIC_SHORT = frozenset(
    """New North South East West Northern Southern Eastern Western National Royal United General First Global
    International American European British Central Port City State County Great Grand Saint St Upper Lower
    Greater Old Big Little Open Free Public Federal Regional Metropolitan Digital""".split()
)
_LEGAL_SUFFIX = re.compile(
    r",?\s+(?:Inc\.?|Ltd\.?|Limited|plc|PLC|p\.l\.c\.|P\.L\.C\.|AG|SA|S\.A\.|ASA|AB|A/S|GmbH|LLC|L\.L\.C\.|Corp\.?|Co\.|N\.V\.|NV|"
    r"B\.V\.|SE|SpA|S\.p\.A\.|Oyj|Pty(?:\s+Ltd)?|Holdings\s+Inc\.?)$"
)


def without_legal_suffix(name: str) -> str:
    """ "Zyx Inc." -> "Zyx", "Acme Energy Co., Ltd." -> "Acme Energy": the name people use in the news.

    >>> without_legal_suffix("Acme Energy Co., Ltd."), without_legal_suffix("Bank of Velbury")
    ('Acme Energy', 'Bank of Velbury')
    """
    short = name
    while (m := _LEGAL_SUFFIX.search(short)) and m.start() > 0:
        short = short[: m.start()]
    return short.strip(" ,") or name


_TICKER = re.compile(
    r"(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*)*)[ ]+\((?:NASDAQ|Nasdaq|NYSE|LSE|TSX|ASX|OTC|XETRA|Euronext|SIX|OMX|"
    r"Oslo|TSE|HKEX|NSE|BSE)[^:)]{0,20}:\s*(?P<ticker>[A-Z\u00c0-\u00de\u0100-\u017f][A-Z\u00c0-\u00de\u0100-\u017f.]{0,6})\)"
)
_ROLE_OF = re.compile(r"^(?:.*\b(?:Officer|Executive|President|Director|Chairman|Chairwoman|Chair|Secretary|Minister|Head|Chief|"
                      r"Founder|Manager|Partner|Spokesperson|Spokesman|Spokeswoman)[ ]+(?:of|at|for)[ ]+)(.+)$")
_SUBUNITS = frozenset({"Board", "Board of Directors", "Management", "Executive Committee", "Supervisory Board"})
# An office written with capitals ("the Prime Minister said", "the Vice President told"): whoever holds it speaks,
# never an organisation called by the office's name
_OFFICE_ONLY = re.compile(r"(?:[A-Z][a-z]+[ ]+){0,2}(?:President|Minister|Secretary|Governor|Mayor|Chancellor|Premier|"
                          r"Senator|Administrator|Commissioner|Director|Chairman|Chairwoman|Chair|Ambassador|"
                          r"Spokesperson|Spokesman|Spokeswoman)")
_PLACE_CONTEXT = re.compile(
    r"(?:['\u2019]s)?[ ]+(?:mayor|governor|residents|people|streets|city|town|council|police|hospitals?|schools|roads|"
    r"economy|population|citizens|voters|region|area|suburbs|centre|center|harbour|port|airport)\b",
    re.I,
)
# Bodies that watch the actor rather than speak for it (unless the text names one as the actor).
_OVERSIGHT = frozenset(
    """regulator regulators watchdog court courts tribunal ombudsman auditor auditors inspector inspectors
    inspectorate prosecutor prosecutors judge""".split()
)
# Heads of "the company"-like phrases: a business, never the politician or official who speaks of it
_COMMERCIAL_NOUNS = frozenset("""company firm business corporation startup start-up maker carmaker automaker drugmaker
    chipmaker manufacturer retailer chain grocer supermarket lender bank insurer airline carrier developer publisher
    studio brand group""".split())
_PUBLIC_BODIES = frozenset(
    {"ministry", "department", "agency", "office", "council", "commission", "board", "authority", "regulator"}
)
# An organisation's own act right after its name: "Acme said", "Acme on Monday announced".
# (an aside may come between: "Labour, which leads the polls, has said")
_SPEAKS = re.compile(rf"^(?:[ ]*,[ ]+(?:which|who|whose)\b[^,\n]{{1,120}},)?(?:[ ]+(?:{_ON_A_DAY}|today|yesterday|this[ ]+week|also|has|"
                     r"have|had))*[ ]+(?:said|says|told|"
                     r"announced|confirmed|pledged|vowed|promised|unveiled|agreed|declined|denied|warned|wrote|added|"
                     r"insisted|hired|appointed|signed|acquired|launched|opened|reported|rolled[ ]+out|introduced|"
                     r"revealed|presented|showed)\b")
# What only someone does, never a thing: "Vantor on Monday pledged", "Vantor unveiled"
_ONLY_AN_AGENT = re.compile(rf"^(?:[ ]+(?:{_ON_A_DAY}|today|yesterday|also|has|"
                            r"have|had))*[ ]+(?:said|says|told|announced|pledged|vowed|promised|unveiled|showed|revealed|"
                            r"introduced|hired|appointed|signed|acquired|denied|warned|agreed)\b")
# Below this word frequency (wordfreq's zipf scale) a capitalised word that opens sentences can be a name.
_NAME_ZIPF = 5.0
_CONNECTORS = frozenset({"of", "for", "and", "&", "the", "de", "du", "la"})
# What belongs to an organisation, opening a sentence before its name: "Shares of Vantor", "Customers of Orvo"
_BELONGING = frozenset("""Shares Stock Stocks Investors Shareholders Bondholders Customers Users Employees Workers Staff
    Members Owners Fans Passengers Sales Profits Revenues""".split())


@dataclass(eq=False)
class Entity:
    """An organisation or person named in the text."""

    name: str
    kind: str  # "org" or "person"
    first: int  # offset of the first mention
    aliases: set[str] = field(default_factory=set)
    affiliation: "Entity | None" = None  # a person's organisation
    title: str = ""
    third_party: bool = False
    head_of_state: bool = False  # "President Ada Brennan": titled before the name by no organisation

    @property
    def political(self) -> bool:
        return bool(POLITICAL.search(self.title)) or self.head_of_state

    def org(self) -> "Entity":
        """The organisation this entity speaks for (itself for an organisation)."""
        if self.kind == "person" and self.affiliation is not None:
            return self.affiliation
        return self


@dataclass
class Focus:
    """Discourse state: which organisation and person the text is talking about."""

    org: Entity | None = None
    person: Entity | None = None


def initials(name: str, connectors: bool = False) -> str:
    """``Farrow Transit Authority`` -> ``FTA`` (connectors skipped, hyphenated parts counted);
    with ``connectors``, their letters in lower case: ``Office for Rail`` -> ``OfR``."""
    parts = [p for p in re.split(r"[\s-]+", name) if p and (connectors or p.lower() not in _CONNECTORS)]
    return "".join(p[0].lower() if p.lower() in _CONNECTORS else p[0].upper() for p in parts if p[0].isalpha())


def _norm(s: str) -> str:
    s = re.sub(r"^(?:the|a|an)\s+", "", s.strip(), flags=re.I)
    s = re.sub(r"['\u2019]s$", "", s)
    return re.sub(r"\s+", " ", s).strip(" ,.;:").lower()


def head_noun(np: str) -> str:
    """The head word of a noun phrase: the last word before a preposition or comma."""
    core = re.split(r",|\s(?:of|on|at|in|for|from|with|by|to|per|under|between|across|near|who|which|that)\s", np, maxsplit=1)[0]
    words = re.findall(r"[\w'\u2019-]+", core)
    return words[-1] if words else ""


def is_third_party(np: str) -> bool:
    """Analysts, rivals, unions, 'some contributors'... -- voices that do not promise for the actor."""
    low = " " + np.lower().strip() + " "
    if re.match(r"\s*(?:most|many|all|some|half|several|none)\s+of\s+(?:our|its|their)\b", low):
        return False  # "most of our people": the actor's own staff, not an outside voice
    if _PARTIES.fullmatch(low.strip()):
        return False  # "the two companies said": the parties named before, not other businesses
    if low.strip().startswith(_QUANTIFIERS) or low.strip().startswith(("rival ", "industry ", "opposition ")):
        return True
    words = re.findall(r"[a-z'\u2019-]+", low)
    if not words:
        return False
    head = head_noun(np).lower()
    if head in THIRD_PARTY:
        return True
    lobby = re.search(r"\b(?:group|groups|body|bodies|lobby|watchdog|campaign)\b", np.lower())
    # "the group", "the Anglo-Dutch group": the company itself; "consumer group X", "a pressure group": a lobby
    own = re.fullmatch(r"(?:the|its|our|their)\s+(?:[\w-]+\s+){0,2}?(?:group|body)", np.strip().lower())
    if own and not re.search(r"\b(?:consumer|campaign|pressure|advocacy|environmental|industry|trade|lobby|rights|"
                             r"interest|protest|activist|patient|patients|residents|opposition|rebel)\b", np.lower()):
        lobby = None
    if lobby and not re.fullmatch(r"(?:the|its|our|their)\s+(?:group|body|watchdog)", np.strip().lower()):
        return True  # "consumer group FairTap", "industry body X": lobbies, not the company ("the group")
    if re.search(r"\b(?:estimates|figures|forecasts|projections|research\s+firms?|market\s+researchers?)\b", low):
        return True  # "according to official estimates", "research firm Quantel": sources of figures, not promisers
    return words[0] in {"rival", "rivals", "opposition", "analysts", "critics", "union", "unions", "local", "industry"}


_REGIONS = frozenset("europe asia africa americas america oceania emea apac middle east north south latin pacific "
                     "nordics benelux".split())


def _regional_arm(long: str, short: str) -> bool:
    """ "Acme India", "Acme Europe": the long name is the short one plus a country or region."""
    if not long.startswith(short + " "):
        return False
    rest = long[len(short) + 1 :]
    return government_of(rest) is not None or all(w.lower() in _REGIONS for w in rest.split())


_UNVEILING_VERBS = (r"(?:announced|unveiled|introduced|launched|revealed|debuted|previewed|announces|unveils|introduces|"
                    r"launches|reveals|debuts)")


def unveiled(name: str, text: str) -> bool:
    """Is ``name`` the object of an unveiling ("today announced Owner Repair Service, which ...", "unveils
    Orvo Go in Harbury")? Even with an organisation word in it, it is a product or programme."""
    return name in _names_after(_UNVEILED, text)


_UNVEILED = re.compile(rf"\b{_UNVEILING_VERBS}\s+(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.+-]*"
                       r"(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f0-9][\w&.+-]*)*?)"
                       r"(?=\s*(?:,|\.(?:\s|$)|\(|$|\s+(?:for|in|on|at|with|to|as)\b)"
                       r"|\s+[a-z][\w-]*(?:,|\.(?:\s|$)|$))", re.M)  # ... or its kind: "unveils Orvo Go headset, ..."


@lru_cache(maxsize=1024)
def unveiler(name: str, text: str) -> str | None:
    """Who unveiled ``name`` ("Harbury unveils Orvo Go headset" -> Harbury): the owner of the thing."""
    m = re.search(rf"(?P<org>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*){{0,3}})"
                  rf"[ ]+(?:today[ ]+|on[ ]+\w+day[ ]+|has[ ]+|have[ ]+)?{_UNVEILING_VERBS}[ ]+(?:its[ ]+|the[ ]+)?"
                  rf"{re.escape(name)}\b", text)
    return m.group("org") if m and unveiled(name, text) else None


def owned_by(name: str, text: str) -> str | None:
    """The organisation an aside names as the owner of ``name``: "Lumo, the streaming app from Vantor, will ...",
    "the Quenby Homes Grant, run by the energy department, will ..." (a product or programme speaks for its owner)."""
    bare = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", name.strip())
    if not bare:
        return None
    m = re.search(rf"\b{re.escape(bare)},\s+(?:(?:the|a|an)\s+[^,]{{0,60}}?\s+)?(?:from|by|(?:run|operated|owned|made|"
                  rf"developed|built|managed)\s+by)\s+(?:the\s+)?(?P<org>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'-]*"
                  rf"(?:\s+(?:for|of|and|&|[A-Z\u00c0-\u00de\u0100-\u017f][\w&.'-]*))*?),", text)
    return m.group("org") if m else None


@lru_cache(maxsize=16)
def _names_after(verbs: re.Pattern[str], text: str, strip: str = "") -> frozenset[str]:
    """Every name ``verbs`` finds in ``text`` (what is unveiled, what is built), without trailing ``strip``
    characters, read in one pass: asked about each name, a search per name was quadratic in a long text."""
    return frozenset(m.group("name").rstrip(strip) for m in verbs.finditer(text))


# Verbs of making whose object is a thing; organisations are bought, joined or led, not built
_MADE = re.compile(r"\b(?:build|builds|building|manufacture|manufactures|manufacturing|assemble|assembles|assembling|"
                   r"produce|produces|producing|develop|develops|developing|design|designs|designing)\s+"
                   r"(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.+-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f0-9][\w&.+-]*)*?)"
                   r"(?=\s*(?:[,.;]|$|\s+(?:in|at|for|from|with|by|on|to|as|over|until)\b))", re.M)  # ("builds Dellan and
# Quenby buses": a modifier of the thing, no name of it)


# The parts of an organisation that act for it: "its Orvo Bank unit", "our Dellan subsidiary"
_UNIT_NOUNS = frozenset("unit units division divisions subsidiary subsidiaries arm business businesses".split())
# "Our Impact Fund", "its Kestrel probe": a name after a possessive is the owner's thing, never an actor ("Its Chief
# Executive, Ada Brennan," is an office, not a thing)
POSSESSED = re.compile(rf"(?:[Oo]ur|[Ii]ts|[Tt]heir)\s+(?!(?i:{TITLE})\b)[A-Z\u00c0-\u00de\u0100-\u017f]")


def named_as_a_thing(name: str, text: str) -> bool:
    """Does the text present ``name`` as something owned or built rather than someone acting?

    Five ways English marks it: a possessor ("its Kestrel probe", "the agency's Kestrel"), an
    appositive whose head is not an organisation noun ("Kestrel, a nuclear-powered lander"), the
    object of an unveiling ("today announced Orvo Go, which ..."), the object of a verb of making
    ("we will build Kestrel in Ohio", "have been building Kestrel for six years"), or a longer name
    with "the" whose last word is no organisation word ("the Kestrel Space Telescope", "the Kestrel line").
    Acronyms and countries are left alone ("the EU").
    """
    if name.isupper() or government_of(name) is not None:
        return False
    n = re.escape(name)
    if re.search(rf"(?:\b(?:its|their|our)|[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*['\u2019]s)[^\S\n]+(?:[\w-]+[^\S\n]+){{0,2}}"
                 rf"{n}(?![\w+&-])", text):  # on one line: "... in its first year" ending a headline owns nothing below it
        # (not "its Orvo+ service": another name that starts with this one)
        return True
    for m in re.finditer(rf"\b{n},\s+(?:a|an)\s+((?:[\w-]+\s+){{0,3}}?[a-z][\w-]*)(?=[,.;]|\s+(?:that|which|to|for|with|"
                         rf"as|from|in|on|of|and|built|made)\b)", text):
        if m.group(1).split()[-1].lower() not in ORG_NOUNS:
            return True
    if unveiled(name, text):
        return True  # "Vantor today announced Owner Repair, which ...": what an organisation unveils is its thing
    if name in _names_after(_MADE, text, "."):
        return True  # "we will build Kestrel in a new factory": what is built is a thing, never who acts
    # (on one line: "... on the A9" ending a headline names nothing with the name opening the next line)
    for m in re.finditer(rf"\bthe[^\S\n]+((?:[A-Z\u00c0-\u00de\u0100-\u017f][\w.-]*[^\S\n]+){{0,3}}{n}"
                         rf"(?:[^\S\n]+[A-Z\u00c0-\u00de\u0100-\u017f][\w.-]*)*)\b", text):
        last = m.group(1).split()[-1]
        if len(m.group(1).split()) > 1 and last not in ORG_WORDS and last.lower() not in ORG_NOUNS:
            return True
    return False


# An organisation's own boards, named by their kind only: "the board", "the Executive and Supervisory Boards"
_BOARD_KIND = r"(?:executive|supervisory|management|advisory|main|full)"
_OWN_BOARDS = re.compile(rf"(?:the|its|our)\s+(?:{_BOARD_KIND}\s+(?:and\s+{_BOARD_KIND}\s+)?)?(?:boards?|directors|board\s+of"
                         r"\s+directors|management\s+board)")
# The people who speak for an organisation, named with it: "the board of Vantor", "the management of Vantor"
_BOARD_OF = re.compile(r"(?:the\s+)?(?:board|management|directors|leadership|executives)\s+of\s+"
                       r"(?P<org>(?-i:[A-Z\u00c0-\u00de\u0100-\u017f])[\w&.'-]*(?:\s+(?-i:[A-Z\u00c0-\u00de\u0100-\u017f])[\w&.'-]*){0,3})$",
                       re.I)  # ("the board of trustees": no organisation's name)
# A country's possessive before a name: "Norway's Quorvex", "Chile's Labour Party"
_NATIONAL_NAME = re.compile(r"(?P<country>[A-Z\u00c0-\u00de\u0100-\u017f][\w.-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w.-]*)?)"
                            r"['\u2019]s\s+(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*)"
                            r"{0,3})")


def _heads_a_state(pre: str, text: str, start: int, end: int) -> bool:
    """Is "President NAME" a head of state? A president is as often a company's: only a country before the title
    in its sentence ("French President NAME", "Chile will ..., President NAME said") or a country the president
    speaks for ("President NAME said on Tuesday that Chile would ...") says so."""
    last = pre.split()[-1] if pre.split() else ""
    if last and (countries_of_adjective(last) or government_of(last) is not None):
        return True
    opening = re.split(r"[.!?\n]\s", text[max(0, start - 200):start])[-1]
    if any(government_of(w) is not None for w in re.findall(r"\b[A-Z\u00c0-\u00de\u0100-\u017f][\w-]+", opening)):
        return True
    said = re.match(r"[^.;]{0,60}?\b(?:said|says|announced|pledged|promised|vowed)\b[^.;]{0,40}?\bthat\s+(?:the\s+)?"
                    r"(?P<country>[A-Z\u00c0-\u00de\u0100-\u017f][\w.-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w.-]*)?)\s+"
                    r"(?:would|will|is\s+going\s+to)\b", text[end:end + 160])
    return bool(said and government_of(said.group("country")) is not None)


class ActorIndex:
    """The organisations and people of one text, and how to resolve references to them."""

    def __init__(self, text: str, default_actor: str | None = None, headlines: list[tuple[int, int]] = ()):
        # Headlines are title-cased: every word looks like a name. Blank them (offsets kept).
        for a, b in headlines:
            text = text[:a] + " " * (b - a) + text[b:]
        self.text = text
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}
        self.default: Entity | None = Entity(default_actor, "org", -1) if default_actor else None
        self._topic: Entity | None | bool = False
        self._memo: dict[object, object] = {}
        self._joined_default_alias()
        self._collect_people()
        self._collect_orgs()
        self._fold_short_forms()
        self._collect_aliases()
        self._affiliate_people()
        self._mark_rivals()

    # -- building -------------------------------------------------------
    def _add(self, name: str, kind: str, pos: int) -> Entity:
        name = re.sub(r"\s+", " ", name).strip(" ,.;:")
        legal = _LEGAL_SUFFIX.search(name) if kind == "org" else None
        if legal and legal.start() > 0:  # "Nordvik Telecom ASA" -> "Nordvik Telecom", the full form an alias
            ent = self._add(name[: legal.start()], kind, pos)
            ent.aliases.add(name)
            self._by_key[_norm(name)] = ent
            return ent
        key = _norm(name)
        ent = self._by_key.get(key)
        if ent is None:
            ent = Entity(name, kind, pos)
            self.entities.append(ent)
            self._by_key[key] = ent
        return ent

    def _clean_name(self, name: str, pos: int) -> tuple[str, int]:
        """Drop sentence-initial words that are capitalised only because they start a sentence."""
        toks = name.split()
        while toks and (toks[0] in _SENTENCE_STARTERS or toks[0].lower() in _CONNECTORS):
            pos += len(toks[0]) + 1
            toks = toks[1:]
        if len(toks) > 2 and toks[0] in _BELONGING and toks[1] == "of":  # "Shares of Vantor rose": Vantor
            pos += len(toks[0]) + len(toks[1]) + 2
            toks = toks[2:]
        while toks and toks[-1].lower() in _CONNECTORS:
            toks = toks[:-1]
        return " ".join(toks), pos

    def _holder_of(self, office: str) -> Entity | None:
        """The one person the text gives ``office`` ("prime minister", "mayor"), if exactly one."""
        holders = [p for p, titles in getattr(self, "_titles", {}).items()
                   if any(re.search(rf"\b{re.escape(office)}\b", t.lower()) for t, _ in titles)]
        return holders[0] if len(holders) == 1 else None

    def _is_person_name(self, name: str) -> bool:
        for p in self.people():
            if name == p.name or name in p.aliases or p.name in name:
                return True
        return re.search(rf"\b(?:{TITLE})\b", name) is not None and len(name.split()) > 2

    def _collect_people(self) -> None:
        text = self.text
        found: list[tuple[int, str, str, str, str | None]] = []
        heads: set[str] = set()
        for m in _TITLED.finditer(text):
            pre = _PRE_WORDS.search(text[max(0, m.start() - 60) : m.start()]).group(0)
            found.append((m.start("name"), m.group("name"), m.group("title"), pre, None))
            if m.group("title").lower() in ("president", "president-elect") and _heads_a_state(pre, text, m.start(), m.end()):
                heads.add(m.group("name"))  # "French President Ada Brennan", not "Vantor President Ada Brennan"
        for m in _NAME_COMMA_TITLE.finditer(text):
            byline = re.match(r"By[ ]+", m.group("name"))  # "By Ada Brennan, Head of Vantor": a byline, not a name
            skip = byline.end() if byline else 0
            found.append((m.start() + skip, m.group("name")[skip:], m.group("title"), m.group("pre") or "", m.group("org")))
        for m in _POSS_TITLE_NAME.finditer(text):
            found.append((m.start("name"), m.group("name"), m.group("title"), m.group("org") + " " + m.group("pre"), None))
        for m in _TITLE_OF.finditer(text):
            pre = _PRE_WORDS.search(text[max(0, m.start() - 60) : m.start()]).group(0)
            found.append((m.start("name"), m.group("name"), m.group("title"), pre, None))
        for m in _BECAME_TITLE.finditer(text):  # "Ada Brennan became Norland's prime minister on Monday"
            found.append((m.start("name"), m.group("name"), m.group("title"), m.group("pre") or "", m.group("org")))
        # a name that speaks of "his" or "her" own ("Ada Brennan told her followers", "Ada Brennan said he ..."
        # is never an organisation, which is "it")
        for m in re.finditer(rf"\b(?P<name>{_PERSON_NAME})\s+(?:said|says|told|added|wrote|posted|tweeted)\s+"
                             r"(?:[\w'\u2019]+\s+){0,3}?(?:his|her|he|she)\b", text):
            if not self._names_a_company(m.group("name")):
                found.append((m.start("name"), m.group("name"), "", "", None))
        # the whole name speaking, or owning something or set off by a comma ("Ada Brennan's party", "Ada
        # Brennan, who ..."), then the surname alone speaking: a person, never an organisation called "Brennan"
        for m in re.finditer(rf"\b(?P<name>{_PERSON_NAME})(?:\s+(?:said|says|told|added|wrote)\b|(?=['\u2019]s\b|,))",
                             text):
            if m.group(0)[len(m.group("name")):].strip() in ("", ",") and self._names_a_company(m.group("name")):
                continue  # "Ada Brennan's parks" beside "Ada Brennan Company": the company's name
            surname = m.group("name").split()[-1]
            before = re.escape(" ".join(m.group("name").split()[:-1]))
            # the surname alone, later ("Aas said"); the whole name again is an organisation's habit ("Borvik Loop
            # says")
            alone = rf"(?<![\w-])(?<!{before} ){re.escape(surname)}\s+(?:said|says|told|added|wrote|admitted|insisted)\b"
            if re.search(alone, text[m.end() :]):
                found.append((m.start("name"), m.group("name"), "", "", None))  # "Siri Aas said ... Aas said"
        found.sort()
        self._titles: dict[Entity, list[tuple[str, str | None]]] = {}
        for pos, name, title, pre, org in found:
            if any(t in ORG_WORDS for t in name.split()) or re.search(rf"\b(?:{TITLE})\b", name):
                continue
            person = self._add(name, "person", pos)
            person.head_of_state |= name in heads
            person.aliases.add(name.split()[-1])
            self._titles.setdefault(person, []).append((pre + " " + title, org))
            if not person.title:
                person.title = (" ".join(pre.split()[-2:]) + " " + title).strip()
            if is_third_party(pre) or re.search(r"\b(?:opposition|rival|union|analyst)", pre, re.I):
                person.third_party = True
        self._office_of_the_untitled()

    def _names_a_company(self, name: str) -> bool:
        """Does the text write ``name`` before an organisation word ("Ada Brennan Company", "Orvo Holdings")?"""
        return self.memo(("company", name), lambda: re.search(
            rf"\b{re.escape(name)}\s+(?:{_ORG_WORD})\b", self.text) is not None)

    def _office_of_the_untitled(self) -> None:
        """"Ada Brennan said ... The prime minister also pledged ...": the one person the text gives no title
        holds the political office it names with "the" and nobody else holds; she speaks for the government."""
        untitled = [p for p in self.people() if not p.title]
        if len(untitled) != 1:
            return
        for m in re.finditer(r"\b[Tt]he\s+(prime\s+minister|president|chancellor|premier|governor|mayor)\b", self.text):
            if not any(m.group(1).lower() in p.title.lower() for p in self.people() if p.title):
                untitled[0].title = m.group(1).lower()
                return

    def _collect_orgs(self) -> None:
        text = self.text
        for m in _ABBR_PAREN.finditer(text):
            name, pos = self._clean_name(m.group("name"), m.start())
            abbr = m.group("abbr").replace(".", "")
            if name and not self._is_person_name(name) and (initials(name).startswith(abbr[:2]) or len(name.split()) > 1):
                self._add(name, "org", pos).aliases.add(abbr)
        for m in re.finditer(r"\b[Tt]he[ ]+(government|ministry|department|city|state|council|parliament)[ ]+of[ ]+([A-Z\u00c0-\u00de\u0100-\u017f][\w-]+(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w-]+)*)", text):
            self._add(f"{m.group(1).capitalize()} of {m.group(2)}", "org", m.start(1))
        for m in _TICKER.finditer(text):
            name, pos = self._clean_name(m.group("name"), m.start())
            if name:
                self._add(name, "org", pos).aliases.add(m.group("ticker"))
        for m in _ACRONYM_TITLE_NAME.finditer(text):  # "ORVA Administrator Ada Brennan": the agency she heads
            if government_of(m.group("org")) is None:
                self._add(m.group("org"), "org", m.start())
        for m in _NAME_RE.finditer(text):
            end = m.end()
            numbered = _NUMBER_AFTER.match(text, end)
            if numbered and _AGENT_VERB.match(text[numbered.end():numbered.end() + 140]):
                end = numbered.end()  # "Nord Stream 2, the venture building the line, said": the number is the name's
            name, pos = self._clean_name(text[m.start():end], m.start())
            role = _ROLE_OF.match(name)
            if role:  # "Executive Officer of Nordvik Telecom"
                name, pos = role.group(1), pos + role.start(1)
            if name in _SUBUNITS or _OFFICE_ONLY.fullmatch(name):
                continue
            if not name or (name.isupper() and len(name) > 6) or len(name.split()) > 6 or self._is_person_name(name):
                continue
            toks = name.split()
            after = text[end : end + 140]
            before = text[max(0, m.start() - 40) : m.start()]
            if self._looks_like_person(name, before):
                continue
            is_org = any(t in ORG_WORDS for t in toks) and not _NAME_NEXT.match(after) \
                and not unveiled(name, text)
            agent = _AGENT_VERB.match(after) if not is_org else None
            if agent and _DESCRIBED_PERSON.match(after[:agent.end()]):
                agent = None  # "Ada Brennan, the former Orvo executive who runs it, said": a person described
            if agent:
                # ("the Vantor Hauler" names a thing after its maker; a thing never says, pledges or unveils)
                is_org = (self._seen_mid_sentence(name) or self._name_at_sentence_starts(name, after)) \
                    and (not self.named_as_thing(name) or _ONLY_AN_AGENT.match(after) is not None)
            if not is_org and _TITLE_NEXT.match(after):
                is_org = True  # "Brant Mills commercial director Joss Arden"
            if not is_org and _TITLE_AT_BEFORE.search(before):
                is_org = True  # "CEO at Quarrington"
            if not is_org or (len(toks) == 1 and toks[0] in ORG_WORDS):
                continue
            if is_third_party(name) and not any(t in ORG_WORDS for t in toks):
                continue
            self._add(name, "org", pos)
        for m in PARTY_GOVERNMENT.finditer(text):  # "a Liberal government would ...": the Liberal Party's pledge
            self.party(m.group("party"))

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()`` once per key for this text: answers that scan the whole text must not be asked twice."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def always_capitalised(self, word: str) -> bool:
        """Written capitalised at least twice and never in lower case: a name even at sentence starts."""
        def check() -> bool:
            pattern = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
            return (len(re.findall(pattern, self.text)) >= 2
                    and re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", self.text) is None)
        return self.memo(("always_capitalised", word), check)

    def government(self) -> Entity | None:
        """The government of the country the text is mostly about ("the government" resolves to it)."""
        name = self.memo("government", lambda: main_country(self.text))
        return self._government_entity(name) if name else None

    def as_government(self, ent: Entity) -> Entity:
        """A country acting ("Japan will ...") is its government, the same actor as "the government"."""
        name = government_of(ent.name)
        if name is None or ent.kind != "org":
            return ent
        gov = self._government_entity(name)
        gov.aliases.add(ent.name)
        return gov

    def _government_entity(self, name: str) -> Entity:
        key = ("government_entity", name)
        if key not in self._memo:
            found = next((e for e in self.entities if e.name == name), None)
            gov = found or self._add(name, "org", -1)
            # the country the text names is its government ("Norway" acts, is counted, is matched in news)
            gov.aliases.update(n for n in country_names(name)
                               if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", self.text))
            self._topic = False  # recount with the country's mentions
            self._memo[key] = gov
        return self._memo[key]  # type: ignore[return-value]

    def capitalised_mid_sentence(self, word: str) -> bool:
        """Is ``word`` written capitalised inside a sentence somewhere (a name, not a sentence start)?"""
        return word in self._mid_sentence_words()

    def named_as_thing(self, name: str) -> bool:
        """:func:`named_as_a_thing` for this text, asked once per name."""
        return self.memo(("thing", name), lambda: named_as_a_thing(name, self.text))

    def _name_at_sentence_starts(self, name: str, after: str) -> bool:
        """A word that opens a sentence as the one acting ("Roscosmos launched ...", "Toyota said ..."):
        a name, though never seen mid-sentence. Named once, it must speak or act as only an
        organisation does ("said", "announced"; a thing can be "planned"), and be neither everyday
        English ("Police said") nor the plural of an ordinary noun ("Analysts said")."""
        if re.fullmatch(r"[A-Z]\w*&[A-Z]\w*", name):
            return True  # "AT&T said": initials joined by an ampersand are no English word (whatever "at" scores)
        if " " in name or zipf(name) >= _NAME_ZIPF:
            return False
        if zipf(name) == 0 or self.always_capitalised(name):
            return True
        plural = name.endswith("s") and not name.endswith("ss") and is_common_word(name[:-1].lower())
        return not plural and _SPEAKS.match(after) is not None

    def _seen_mid_sentence(self, name: str) -> bool:
        """A one-word name counts only if it also appears capitalised inside a sentence."""
        return " " in name or self.capitalised_mid_sentence(name)

    def _mid_sentence_words(self) -> frozenset[str]:
        """Every word (and hyphenated word) written after a lower-case word, comma or semicolon: read once,
        so that asking about a word costs nothing however long the text (a lookup per word was quadratic)."""
        def collect() -> frozenset[str]:
            words: set[str] = set()
            for m in re.finditer(r"(?<=[a-z,;])[ ]+[\"\u201c]?([\w'\u2019.-]+)", self.text):
                token = m.group(1)
                if token == token.lower():
                    continue  # only names are asked about, and a name has a capital
                if token.isalnum():
                    words.add(token)
                    continue
                words.update(token[:i] for i in range(1, len(token) + 1)
                             if i == len(token) or not (token[i].isalnum() or token[i] == "_"))
                words.update(re.findall(r"\w+", token)[:1])
            return frozenset(words)
        return self.memo("mid_sentence_words", collect)

    @staticmethod
    def _looks_like_person(name: str, before: str) -> bool:
        # ("George W. Bush": a surname after a first name and a middle initial)
        return re.search(rf"\b(?:{TITLE})\s*,?\s*$", before) is not None or re.search(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s*$", before) is not None \
            or re.search(r"\b[A-Z][a-z]+[ ]+[A-Z]\.[ ]*$", before) is not None

    def _fold_short_forms(self) -> None:
        """``Velotron`` next to ``Velotron Motors``: one organisation, the short form an alias."""
        orgs = sorted(self.orgs(), key=lambda e: -len(e.name))
        for short in sorted(self.orgs(), key=lambda e: -len(e.name)):
            owners = [
                o for o in orgs
                if o is not short and len(o.name) > len(short.name)
                and (o.name.startswith(short.name + " ") or o.name.endswith(" of " + short.name)
                     or (short.name.isupper() and initials(o.name) == short.name.replace("&", "")))
            ]
            if len(owners) == 1 and _regional_arm(owners[0].name, short.name):
                continue  # "Ikea India" is a subsidiary of "Ikea", not its full name
            if len(owners) == 1 and short.name not in _GENERIC_SHORT:
                owner = owners[0]
                owner.aliases.add(short.name)
                owner.aliases |= short.aliases
                owner.first = min(owner.first, short.first)
                self.entities.remove(short)
                self._by_key[_norm(short.name)] = owner
                orgs.remove(short)

    def _org_in(self, phrase: str) -> Entity | None:
        """An organisation named or referred to inside a title's modifiers ("PATA director")."""
        for ent in sorted(self.orgs(), key=lambda e: -len(e.name)):
            for form in [ent.name, *ent.aliases]:
                if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", phrase):
                    return ent
        for w in re.findall(r"[a-z-]+", phrase.lower()):
            if w in ORG_NOUNS:
                ent = self._org_by_type(w)
                if ent is not None:
                    return ent
        return None

    def _collect_aliases(self) -> None:
        orgs = self.orgs()
        for m in re.finditer(r"(?<![\w-])[A-Z\u00c0-\u00de\u0100-\u017f](?:[a-z]?[A-Z\u00c0-\u00de\u0100-\u017f&]){1,6}(?![\w-])",
                             self.text):
            abbr = m.group(0)  # "FTA", "R&D"; "TfL", "DfE": a connector's letter kept in lower case
            owners = [o for o in orgs if len(o.name.split()) > 1
                      and abbr.replace("&", "") in (initials(o.name), initials(o.name, connectors=True))]
            if len(owners) == 1:
                owners[0].aliases.add(abbr)
                self._fold_into(abbr, owners[0])
        for o in orgs:
            toks = o.name.split()
            forms = []
            m = re.match(r"(?:City|Town|Government|State|Republic|County|Province|Municipality|Kingdom) of (.+)$", o.name)
            if m:
                forms.append(m.group(1))
            for k in range(len(toks) - 1, 0, -1):
                if toks[k - 1].lower() in _CONNECTORS or toks[k - 1] in ORG_WORDS:
                    continue
                if k == 1 and (toks[0] in _GENERIC_SHORT or len(toks[0]) < 4):
                    continue
                forms.append(" ".join(toks[:k]))
            for f in forms:
                if f in o.aliases or any(x is not o and (x.name.startswith(f + " ") or x.name == f) for x in self.entities):
                    continue
                if government_of(f) is not None and government_of(o.name) is None:
                    continue  # "Norway" alone is the country, never "Norway Air"
                # used on its own: not followed by the rest of the name, another capitalised word, or
                # a word that makes it a place ("Riverton's mayor", "Riverton residents")
                for occ in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", self.text):
                    after = self.text[occ.end() : occ.end() + 30]
                    if not re.match(r"[ ]+[A-Z\u00c0-\u00de\u0100-\u017f0-9]", after) and not _PLACE_CONTEXT.match(after):
                        o.aliases.add(f)
                        break

    def _fold_into(self, form: str, owner: Entity) -> None:
        """An entity found under ``form`` alone ("TfL said") is ``owner``, not another organisation."""
        other = self._by_key.get(_norm(form))
        if other is not None and other is not owner and other.kind == "org":
            self.entities.remove(other)
            self._by_key[_norm(form)] = owner
            owner.first = min(owner.first, other.first)

    def _mark_rivals(self) -> None:
        """Organisations introduced as rivals or competitors are context, not the ones promising."""
        for ent in self.orgs():
            for form in (ent.name, *ent.aliases):
                if re.search(rf"\b(?i:rival|rivals|competitor|competitors|competing|opposition)\s+(?:[a-z-]+\s+){{0,2}}{re.escape(form)}\b", self.text):
                    ent.third_party = True

    def _affiliate_people(self) -> None:
        for person, titles in getattr(self, "_titles", {}).items():
            if person.third_party:
                continue
            for pre, org in titles:
                # names keep their capitals: "asked the city's mayor" names no city
                mayor = re.search(r"\b([A-Z\u00c0-\u00de\u0100-\u017f][\w-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w-]*)*)['\u2019]s\s+(?i:mayor)\b"
                                  r"|\b(?i:mayor)\s+of\s+([A-Z\u00c0-\u00de\u0100-\u017f][\w-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w-]*)*)", pre + " " + person.title)
                if mayor and not org:  # a mayor speaks for the city: "Riverton's mayor" -> City of Riverton
                    org = "City of " + (mayor.group(1) or mayor.group(2))
                affil = self.find_org(org) if org else None
                if affil is None and org:
                    affil = self._add(org.removeprefix("the ").strip(), "org", person.first)
                affil = affil or self._org_in(pre) or self._owner_of_title(pre)
                if affil is not None:
                    person.affiliation = affil
                    break

    def _owner_of_title(self, pre: str) -> Entity | None:
        """The organisation that owns a title ("Ada Brennan, Vantor's chief executive"): named by its possessive,
        also when the text names it nowhere else; a political title ("Harbury's transport minister") is left to
        the government it serves."""
        owner = re.search(r"([A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*){0,3})"
                          r"['\u2019]s\b", pre)
        if owner is None or POLITICAL.search(pre) or government_of(owner.group(1)) is not None \
                or self._is_person_name(owner.group(1)):
            return None  # (a minister's or a governor's possessive names a place: its government speaks)
        return self.find_org(owner.group(1)) or self._add(owner.group(1), "org", self.text.find(owner.group(1)))

    def party(self, name: str) -> Entity | None:
        """The party a "<name> government" would be formed by: the one the text names ("the Harwick Green Party"),
        else one called "<name> Party", known also by its members' name when the text uses it ("the Liberals").
        None for a country's adjective ("a Norwegian government")."""
        if government_of(name) is not None or countries_of_adjective(name.split()[0]):
            return None
        named = next((o for o in self.entities if o.kind == "org" and re.search(rf"\b{re.escape(name)}\b", o.name)
                      and government_of(o.name) is None), None)
        if named is None:
            named = self._add(f"{name} Party", "org", self.text.find(name))
            if re.search(rf"\b{re.escape(name)}s\b", self.text):
                named.aliases.add(f"{name}s")
            self._topic = False
        return named

    def add_org(self, name: str, pos: int) -> Entity:
        """Register an organisation found by how it acts ("Brant Mills will open ...")."""
        name = re.sub(r"^(?:The|the)\s+", "", name)
        name = re.split(r"\s+(?:and|&)\s+(?=[A-Z\u00c0-\u00de\u0100-\u017f])", name)[0]  # "Acme and Beta Motors": the first named
        named, end = self.named_in(name)
        if named is not None and end == len(name):
            return named
        ent = self.find_org(name) or self._add(name, "org", pos)
        self._topic = False  # recount
        return ent

    def add_person(self, name: str, pos: int) -> Entity:
        """Register a person found by where the text puts them (an interview's headline speaker)."""
        person = self._add(name, "person", pos)
        person.aliases.add(name.split()[-1])
        self._topic = False  # recount
        return person

    def affiliate(self, person: Entity, focus: "Focus") -> None:
        """A person whose title names no organisation speaks for the one in focus (not politicians)."""
        if person.affiliation is None and not person.third_party and not person.political:
            person.affiliation = focus.org or self.topic()

    # -- lookups --------------------------------------------------------
    def orgs(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "org"]

    def people(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "person"]

    def find_org(self, phrase: str | None) -> Entity | None:
        if not phrase:
            return None
        key = _norm(phrase)
        orgs = self.orgs()
        # an organisation of that very name before one that only answers to it ("Acme" before "Acme Repair Store")
        return next((e for e in orgs if key == _norm(e.name)), None) \
            or next((e for e in orgs if key in {a.lower() for a in e.aliases}), None)

    def _org_by_type(self, noun: str) -> Entity | None:
        """``the authority`` -> the first organisation whose name contains "Authority"."""
        for ent in sorted(self.orgs(), key=lambda e: e.first):
            if any(t.lower() == noun for t in ent.name.split()):
                return ent
        return None

    def named_in(self, np: str) -> tuple[Entity | None, int]:
        """The entity named at the start of ``np`` (after a determiner) and where its name ends."""
        m = re.match(r"(?:the\s+|The\s+)?", np)
        rest = np[m.end() :]
        best: tuple[Entity | None, int] = (None, 0)
        for ent in self.entities:
            for form in sorted([ent.name, *ent.aliases], key=len, reverse=True):
                if rest.startswith(form) and not rest[len(form) : len(form) + 1].isalnum():
                    if len(form) > best[1] - m.end():
                        best = (ent, m.end() + len(form))
                    break
        if best[0] is None:
            short = self._short_form_at(rest)
            if short is not None:
                ent, form = short
                ent.aliases.add(form)
                best = (ent, m.end() + len(form))
        return best

    def _short_form_at(self, rest: str) -> tuple[Entity, str] | None:
        """``Acme`` at the start of ``rest`` when exactly one organisation is ``Acme ...``."""
        mm = re.match(r"[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*(?:[ ]+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*)*", rest)
        if not mm:
            return None
        toks = mm.group(0).split()
        for k in range(len(toks), 0, -1):
            form = " ".join(toks[:k])
            if k == 1 and (form in _GENERIC_SHORT or form in _SENTENCE_STARTERS or len(form) < 3):
                continue
            if government_of(form) is not None:
                continue  # "Norway" is the country, never "Norway Air"
            owners = [o for o in self.orgs() if o.name.startswith(form + " ") and not o.third_party]
            if len(owners) == 1 and not any(e.name == form for e in self.entities):
                return owners[0], form
        return None

    def person_by_mention(self, phrase: str) -> Entity | None:
        """A person from a mention: full name, surname, or "title Name"."""
        for p in sorted(self.people(), key=lambda e: -len(e.name)):
            if re.search(rf"\b{re.escape(p.name)}\b", phrase):
                return p
        toks = re.findall(r"[A-Z\u00c0-\u00de\u0100-\u017f][\w'\u2019-]+", phrase)
        for p in self.people():
            if toks and toks[-1] in p.aliases:
                return p
        return None

    # -- resolution -----------------------------------------------------
    def resolve(self, np: str, focus: Focus, *, speaker: Entity | None = None,
                fallback: Entity | None = None) -> tuple[str, Entity | None]:
        """Classify a subject/speaker phrase: ("actor", entity) | ("third", None) | ("thing", owner) | ("unknown", None).

        ``speaker`` is who is talking when ``np`` sits inside a quotation
        ("we" is then the speaker's organisation); ``fallback`` is whom a
        generic "the province" means when no named body fits (the one credited
        with the statement).
        """
        np = np.strip(" ,;:\"\u201c\u201d'")
        np = re.sub(r"^(?:and|but|so|then|also|now)\s+", "", np, flags=re.I)
        low = np.lower()
        if not np:
            return "unknown", None
        if low in {"we", "our company", "us", "our team", "our organisation", "our organization"}:
            if speaker is not None and (speaker.kind == "org" or speaker.affiliation is not None):
                return "actor", speaker.org()
            if speaker is None and self.default is not None:
                return "actor", self.default  # the publisher's own "we" ("source: Acme (company blog)")
            return "actor", focus.org or self.topic() or self.default or speaker
        if low == "i":
            if speaker is None and focus.person is None and self.default is not None:
                return "actor", self.default  # the author of the publisher's own post or letter speaks for it
            return ("actor", speaker) if speaker is not None else ("actor", focus.person) if focus.person else ("unknown", None)
        if low in _PRONOUNS_ORG or _OWN_BOARDS.fullmatch(low):  # "the Executive and Supervisory Boards will ..."
            ent = focus.org or self.topic() or self.default
            return ("actor", ent) if ent else ("unknown", None)
        if low in _PRONOUNS_PERSON:
            ent = focus.person
            return ("actor", ent) if ent else ("unknown", None)
        office = _THE_OFFICE.fullmatch(low)
        if office:  # "the prime minister also pledged ...": whoever holds that office here, or the body it heads
            political = office.group(1).split()[-1] in ("minister", "president", "mayor", "chancellor", "governor",
                                                        "premier")
            holder = self._holder_of(office.group(1)) or focus.person or \
                (self.government() if political else focus.org or self.topic() or self.default)
            if holder is not None:
                return "actor", holder
        if government_of(np) is not None:  # "Norway will ...": the country acts through its government
            gov = self._government_entity(government_of(np) or "")
            gov.aliases.add(np)
            level = government_level(np)
            if level and gov.name.endswith(" government"):  # "Canada's federal government": keep the level
                gov.aliases.add(f"{gov.name.removesuffix(' government')} {level} government")
            return "actor", gov
        board = _BOARD_OF.match(np.strip())
        if board:  # "the board of Vantor", "the management of Vantor": the organisation speaks
            kind, ent = self.resolve(board.group("org"), focus)
            if kind == "actor" and ent is not None:
                return kind, ent
            if kind in ("thing", "unknown") and government_of(board.group("org")) is None:
                return "actor", self.add_org(board.group("org"), -1)  # a board speaks for an organisation
        if POSSESSED.match(np) and head_noun(np).lower() in _UNIT_NOUNS:
            ent = speaker or focus.org or self.topic() or self.default
            if ent is not None:  # "its Orvo Bank unit will open 20 branches": the owner acts through its unit
                return "actor", ent
        if POSSESSED.match(np):
            return "thing", None  # "Our Impact Fund will ...", "its Kestrel probe will ...": the owner's named thing
        ent, end = self.named_in(np)
        if ent is None and self.default is not None and self._names_default(np):
            return "actor", self.default  # "Acme will acquire ..." in Acme's own release
        tail = np[end:].strip()
        if ent is not None and (not tail or tail.startswith(",") or re.match(r"^(?:\(|and\s+[A-Z\u00c0-\u00de\u0100-\u017f]|&\s+[A-Z\u00c0-\u00de\u0100-\u017f])", tail)):
            if ent.third_party:
                return "third", None
            return "actor", self.as_government(ent)
        if ent is not None and re.fullmatch(r"(?:['\u2019]s?\s+)?(?:board|management|executives|leadership|directors|"
                                            r"team|spokesperson|spokesman|spokeswoman|officials|owners)", tail):
            return "actor", ent  # "the Corvell Foods board" speaks for Corvell Foods
        if ent is not None and re.match(r"['\u2019]s?\s", tail + " "):
            # "Aurelia FC's new stadium": a thing owned by the entity, unless a title follows
            if re.match(rf"['\u2019]s\s+(?:[a-z-]+\s+){{0,2}}(?:{TITLE})\b", tail):
                person = self.person_by_mention(tail)
                return ("actor", person) if person else ("actor", ent)
            return "thing", ent
        person = self.person_by_mention(np) if re.search(r"[A-Z\u00c0-\u00de\u0100-\u017f]", np) else None
        if person is not None and len(np.split()) <= 8:
            return ("third", None) if person.third_party else ("actor", person)
        if is_third_party(np):
            return "third", None
        head = head_noun(np).lower()
        if low in {"ministers", "officials", "executives", "the ministers", "government ministers", "its executives"}:
            ent = focus.org or self.topic() or self.default
            return ("actor", ent) if ent else ("unknown", None)
        if _PARTIES.fullmatch(low):
            # "the companies expect the deal to close": the parties announcing together, led by the one in focus
            ent = fallback or focus.org or self.topic() or self.default
            return ("actor", ent) if ent else ("unknown", None)
        det = re.match(r"(?:the|its|their|our|this|his|her|my|your)\s", low) is not None
        if det and head not in ORG_NOUNS and len(low.split()) == 2 and self._org_by_type(head) is not None:
            return "actor", self._org_by_type(head)  # "the observatory" for the Altamira Observatory
        if head in _OVERSIGHT and (det or low == head) and self._org_by_type(head) is None:
            return "third", None  # "the regulator will publish a report": someone else's business
        if head in _GOVERNMENT_NOUNS and (det or low == head) and self._org_by_type(head) is None:
            government = self.government()
            if government is not None:
                return "actor", government  # "the government" in a report about a country
        if head in ORG_NOUNS and (det or low == head):
            ent = self._org_by_type(head)
            if ent is None and len(low.split()) > 2 and low.startswith("the ") and not re.search(r"[-]", low):
                # "the interior ministry": a body of its own when nothing named fits
                words = low.split()
                # the words between the determiner and the head ("the interior ministry"), never past it
                mods = [re.sub(r"['\u2019]s$", "", w) for w in words[1:words.index(head) if head in words[1:] else -1]]
                if mods and len(mods) <= 3 and all(w.isalpha() for w in mods) and head in _PUBLIC_BODIES:
                    return "actor", self._add(" ".join([*mods, head]), "org", -1)
            if fallback is not None and head in _COMMERCIAL_NOUNS and (
                    fallback.kind == "person" or fallback.name.endswith(" government")):
                fallback = None  # "the minister said the company would ...": no person or government is a company
            ent = ent or fallback or focus.org or self.topic() or self.default
            return ("actor", ent) if ent else ("unknown", None)
        if re.match(r"(?:the\s+)?(?:government|administration|ministry|council|city)\s+of\s+[A-Z\u00c0-\u00de\u0100-\u017f]", np, re.I):
            body = re.sub(r"^the\s+", "", np, flags=re.I)
            return "actor", self._add(body[:1].upper() + body[1:], "org", -1)
        national = _NATIONAL_NAME.fullmatch(np.strip())
        if national and government_of(national.group("country")) is not None \
                and not self._is_person_name(national.group("name")) and not re.search(r"\d", national.group("name")):
            # "Norway's Quorvex", "Chile's Labour Party": the country only says where the named organisation is (a
            # name with a number, "Peru's Orbiter-2", is a thing the country's agency owns)
            name = national.group("name")
            found = self.find_org(name) or self._named_anywhere(name)
            return "actor", found or self.add_org(name, self.text.find(name))
        owner = None
        m = re.match(r"(?:the\s+)?(.+?)['\u2019]s\s", np, re.I)
        if m:
            owner = self.find_org(m.group(1)) or self._named_anywhere(m.group(1)) or self._owner_named(m.group(1))
        return "thing", owner

    def _names_default(self, np: str) -> bool:
        """Is ``np`` the publisher's own name, an alias (see :meth:`_joined_default_alias`), or its first word
        ("Acme" for "Acme Foods")?"""
        low, name = np.strip().lower(), self.default.name.lower() if self.default else ""
        return bool(name) and (low == name or low in {a.lower() for a in self.default.aliases}
                               or (name.startswith(low + " ") and not is_common_word(low)))

    def _joined_default_alias(self) -> None:
        """A publisher with a joined name ("Vantor Quenby - Orvo") is known by its last part where the text uses
        it alone ("Orvo is one of the largest ..."): the name news will use is an alias."""
        joined = re.split(r"\s+[-\u2013\u2014]\s+", self.default.name) if self.default else []
        if len(joined) > 1 and len(joined[-1]) > 2 and re.search(rf"(?<![\w-]){re.escape(joined[-1])}(?![\w-])", self.text):
            self.default.aliases.add(joined[-1])

    def _owner_named(self, name: str) -> Entity | None:
        """ "Acme's new service will launch ...": a name that owns a thing is an organisation (a country
        owning one is its government), unless it is a person or an ordinary word."""
        if not re.fullmatch(r"[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*){0,3}", name) or self._is_person_name(name):
            return None
        if government_of(name) is not None:
            return self._government_entity(government_of(name) or "")
        if len(name.split()) == 1 and is_common_word(name) and not self.always_capitalised(name):
            return None
        return self.add_org(name, self.text.find(name))

    def _named_anywhere(self, phrase: str) -> Entity | None:
        for ent in self.orgs():
            if phrase in {ent.name, *ent.aliases}:
                return ent
        return None

    def resolve_speaker(self, phrase: str | None, focus: Focus) -> Entity | None:
        """The entity behind an attribution ("chief executive Ada Brennan", "the lender", "she")."""
        if not phrase:
            return None
        phrase = re.sub(r"^(?:also|then|later)\s+", "", phrase.strip())
        kind, ent = self.resolve(phrase, focus)
        if kind == "actor":
            return ent
        if kind == "third":
            return THIRD
        # "its board", "the board", "executives" speak for the organisation in focus
        if re.match(r"(?:its|the)\s+(?:board|management|executives|leadership|spokesperson|spokesman|spokeswoman)|executives|officials\b", phrase, re.I):
            return focus.org or self.topic()
        return None

    def mentions(self, ent: Entity) -> int:
        """How often the entity's name or aliases occur in the text (counted once per entity and alias set); a
        national government is also "the government" of a text about its country."""
        forms = tuple(sorted({ent.name, *ent.aliases}, key=len, reverse=True))
        pat = "|".join(re.escape(f) for f in forms)
        if national_government(ent.name) == ent.name:
            pat += r"|[Tt]he\s+government"
        return self.memo(("mentions", forms), lambda: len(re.findall(rf"(?<![\w-])(?:{pat})(?![\w-])", self.text)))

    def last_person_in(self, text: str) -> Entity | None:
        """The person named last in ``text`` (full name or surname)."""
        last, where = None, -1
        for person in self.people():
            for form in (person.name, *person.aliases):
                pos = text.rfind(form)
                if pos > where and re.match(rf"\b{re.escape(form)}\b", text[pos:]) and (pos == 0 or not text[pos - 1].isalnum()):
                    last, where = person, pos
        return last

    def topic(self) -> Entity | None:
        """The organisation the text is mostly about: most mentioned, earliest on ties."""
        if self._topic is not False:
            return self._topic  # type: ignore[return-value]
        self._topic = self._compute_topic()
        return self._topic

    def _compute_topic(self) -> Entity | None:
        best, score = None, 0
        for ent in self.orgs():
            n = self.mentions(ent)
            if n > score:
                best, score = ent, n
        return best

    def canonical(self, ent: Entity | None) -> tuple[str | None, tuple[str, ...]]:
        """The name to report and the aliases seen for it."""
        if ent is None:
            return None, ()
        name = without_legal_suffix(ent.name)
        if name[:1].islower():
            name = name[:1].upper() + name[1:]
        forms = ent.aliases | ({ent.name} if name != ent.name else set())
        aliases = tuple(sorted(a for a in forms if a != name and a.lower() != name.lower()))
        return name, aliases


THIRD = Entity("<third party>", "org", -1, third_party=True)

