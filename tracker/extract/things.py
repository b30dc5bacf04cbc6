"""The names of the things a text is about, so that a promise about "the line" says which line.

News and press releases name a thing once and then call it by its kind:
"the Tessel line ... the line is scheduled to open in May", "a 40-megawatt
project called Harrow Sands ... the project will be finished by 2027",
"Orla 2, the company's new scooter, ... the scooter will ship in June". The
sentence that holds the promise names only the kind. A reader of the status
page, and the matcher looking for news of the promise, both need the name:
news reports "Harrow Sands scrapped", not "the project scrapped".

:func:`things_named` collects (name, kind noun, offset) from the text:

* a name before its kind noun: "the Tessel line", "the Orla 2 scooter";
* a name given to a thing: "a project called / named / dubbed / known as
  Harrow Sands", together with a noun in apposition just before it ("the
  region's first wind farm, a 40-megawatt project called Harrow Sands");
* a name with its kind in apposition: "Orla 2, the company's new scooter,";
* a kind noun before its name: "the lander Pell-3";
* a thing and its place: "a battery plant in Harwick".

:func:`name_the_thing` then rewrites a definite description in ``what``
("the line", "the six-wheeled rover") with the latest such name given to a
thing of that kind before the promise. Nothing is rewritten when the
description already holds a capitalised word, when no earlier name has that
kind, or when the name is the actor's own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from tracker.extract.actors import ORG_NOUNS
from tracker.extract.canonical import SITE_KINDS, base_form
from tracker.language.sentences import Sentence
from tracker.language.words import is_common_word

_CAP = "A-Z\u00c0-\u00de\u0100-\u017f"
# a name: capitalised words (or a model number such as "737 MAX"), with an optional version ("Orla 2")
# (or a model designation of digits and capitals: "777X", "320NEO")
_NAME = (rf"(?:(?:\d{{2,4}}[ ]+)?[{_CAP}][\w'\u2019.-]*|\d{{2,4}}[{_CAP}]{{1,3}}(?![\w-]))"
         rf"(?:[ ]+(?:[{_CAP}][\w'\u2019.-]*|\d[\w.]*))*")
_NOUN = r"[a-z][a-z-]{2,}"
_DET = r"(?:the|a|an|its|their|our|his|her|this)"
# ("Acme Heavy delays the launch": a verb before its object is no kind of thing)
_BEFORE_KIND = re.compile(rf"(?<![\w'\u2019-])(?P<name>{_NAME})[ ]+(?P<noun>{_NOUN})\b"
                          r"(?![ ]+(?:the|a|an|its|their|his|her|our|first|new|plans?)\b)")
_CALLED = re.compile(rf"(?:(?P<appos>{_NOUN}),[ ]+)?{_DET}[ ]+(?:[\w,'\u2019-]+[ ]+){{0,4}}?(?P<noun>{_NOUN})"
                     rf",?[ ]+(?:to[ ]+be[ ]+|now[ ]+)?(?:called|named|dubbed|known[ ]+as|branded)[ ]+"
                     rf"(?:the[ ]+)?(?P<name>{_NAME})")
_APPOSITION = re.compile(rf"(?<![\w'\u2019-])(?P<name>{_NAME}),[ ]+{_DET}[ ]+(?:[\w'\u2019-]+[ ]+){{0,4}}?"
                         rf"(?P<noun>{_NOUN})(?:[ ]*[,.;]|[ ]+(?:that|which)[ ]+(?:can|will|could|lets|allows)\b)")
_PEOPLE = frozenset("staff workers employees engineers people members customers fans owners executives".split())
_SECOND_NOUN = re.compile(rf"[ ]+(?P<noun>{_NOUN})(?=[ ]*[,.;:)]|[ ]+(?:will|would|is|was|to|that|which|in|on|at|for|"
                          r"with|from|and|has|had|drove|rolled|went)\b)")
_SHOWN = re.compile(rf"\b(?:unveil(?:s|ed)?|roll(?:s|ed)?[ ]+out|show(?:s|ed)?|introduc(?:es|ed)|launch(?:es|ed)|"
                    rf"present(?:s|ed)|reveal(?:s|ed)|debut(?:s|ed))[ ]+(?:its|the|a|an|their)[ ]+"
                    rf"(?:(?:first|new|latest|next)[ ]+)?(?P<name>{_NAME})(?=[ ]*[,.;(]|[ ]+[a-z])")
_KIND_IN_PLACE = re.compile(rf"\b(?P<noun>{_NOUN})[ ]+in[ ]+(?P<name>{_NAME})(?:,[ ]+(?P<region>{_NAME}))?")
_KIND_BEFORE = re.compile(rf"\b{_DET}[ ]+(?:[\w'\u2019-]+[ ]+){{0,2}}?(?P<noun>{_NOUN})[ ]+(?P<name>{_NAME})")
# kinds that name an actor or a time, not a thing someone builds or launches
_NOT_THINGS = frozenset("""company companies firm group government ministry department agency city state country
    council authority people customers users board week month year years day days time spokesperson spokesman
    spokeswoman minister president executive official officials and or but the for with from said says
    will would shall could should must can may might is are was were has have had does did also
    who whom whose which that where when while""".split())
_CONNECTIVES = frozenset("""The A An This That These Those Its Their Our His Her It We They In On At By For From
    With After Before When While If As And But Or Also Then Now Today Yesterday Your My Every Each All Some No
    Any Many Most Several""".split())
_MONTHS = frozenset("""January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
# "the second plant", "another line": not the one named before
_ANOTHER = frozenset("second third fourth fifth other another next further additional".split())
_WORD = r"[\w'\u2019-]+(?:[.,]\d[\w-]*)*"  # "400,000-square-foot" is one word
_DEFINITE = re.compile(rf"\b(?P<det>the|its|their|our)[ ]+(?=(?P<words>{_WORD}(?:[ ]+{_WORD}){{0,3}}))")
_FUNCTION = frozenset("of to for in on at by with from between and or that which who than as into".split())


@dataclass(frozen=True)
class ThingName:
    """A name the text gives a thing, and the noun that says what kind of thing it is."""

    name: str
    kind: str  # singular, lower case: "line", "rover"
    pos: int  # offset in the text
    style: str  # how it reads: "before" (the Tessel line), "after" (the lander Pell-3), "in" (the plant in Harwick)

    def phrase(self, det: str, mods: list[str], noun: str) -> str:
        """The description ``det mods noun`` with this name in it."""
        if self.style == "before":
            return " ".join([det, *mods, self.name, noun])
        return " ".join([det, *mods, noun, "in" if self.style == "in" else "", self.name]).replace("  ", " ")


def _the_actors(thing: ThingName, actor_names: tuple[str, ...]) -> bool:
    """Is the name given to a thing the actor's own ("Orvo" for Orvo's products)? It then names no product."""
    name = thing.name.lower()
    return any(n.lower() == name for n in actor_names if n)


def kind_of(noun: str) -> str:
    """A plural kind noun in its singular, so "the lines" and "the line" meet."""
    noun = noun.lower()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")) and len(noun) > 3:
        return noun[:-1]
    return noun


class Things:
    """The names a text gives, by kind and in text order: the latest one before a promise is found by
    bisection, so a long text costs no more per promise than a short one."""

    def __init__(self, found: list[ThingName]):
        self.by_kind: dict[str, list[ThingName]] = {}
        for t in found:
            self.by_kind.setdefault(t.kind, []).append(t)
        self._pos = {k: [t.pos for t in v] for k, v in self.by_kind.items()}
        self.sites = [t for t in found if t.kind in SITE_KINDS]
        self._site_pos = [t.pos for t in self.sites]
        # ("its best-selling Orvo 2": an adjective read as the kind is no product's kind)
        self.products = [t for t in found if t.kind not in SITE_KINDS and t.style != "in" and "-" not in t.kind
                         and not t.kind.endswith(("ing", "ed", "ful", "ous", "al", "ive"))]
        self._product_pos = [t.pos for t in self.products]

    def latest(self, kind: str, before: int, skip: Callable[[ThingName], bool]) -> ThingName | None:
        """The last thing of ``kind`` named before offset ``before`` that ``skip`` does not reject."""
        things = self.by_kind.get(kind, [])
        for k in range(bisect_left(self._pos.get(kind, []), before) - 1, -1, -1):
            if not skip(things[k]):
                return things[k]
        return None

    def latest_product(self, before: int) -> ThingName | None:
        """The last thing named before ``before`` that is made or sold, not a site ("the Orvo 3 scooter")."""
        k = bisect_left(self._product_pos, before)
        return self.products[k - 1] if k else None

    def latest_site(self, before: int) -> ThingName | None:
        """The last place where things are made or built (a plant, a site) named before ``before``."""
        k = bisect_left(self._site_pos, before)
        return self.sites[k - 1] if k else None


_NAMING_WORD = re.compile(r"\b(?:called|named|dubbed|known|branded)\b", re.I)


def things_named(sentences: list[Sentence], capitalised_mid_sentence) -> Things:  # noqa: ANN001
    """Every (name, kind) the text gives, in text order.

    ``capitalised_mid_sentence(word)`` tells whether a word is written with a
    capital inside sentences too, so that a sentence's first word ("Full
    services ...") is taken for a name only when it is one.
    """
    found: list[ThingName] = []
    for sent in sentences:
        for m in _BEFORE_KIND.finditer(sent.text):
            name = _clean(m.group("name"), _opens(sent.text, m.start()), capitalised_mid_sentence)
            if name:
                found.append(ThingName(name, kind_of(m.group("noun")), sent.start + m.start(), "before"))
                second = _SECOND_NOUN.match(sent.text, m.end())
                if second and second.group("noun").lower() not in _FUNCTION | ORG_NOUNS | _PEOPLE:
                    # "the Kestrel sports car", "the Lumo 3 electric scooter": the kind may follow one modifier
                    found.append(ThingName(name, kind_of(second.group("noun")), sent.start + m.start(), "before"))
        # the long "called X" pattern only where a naming word can start it
        called = _CALLED.finditer(sent.text) if _NAMING_WORD.search(sent.text) else ()
        for m in called:
            name = _clean(m.group("name"), False, capitalised_mid_sentence)
            if m.group("noun").lower() in ORG_NOUNS:
                continue  # "the state-owned manufacturer known as Orvo": an organisation's name, no thing's
            for noun in (m.group("noun"), m.group("appos")):
                if name and noun:
                    found.append(ThingName(name, kind_of(noun), sent.start + m.start("name"), "after"))
        for m in _KIND_IN_PLACE.finditer(sent.text):  # "a battery plant in Harwick, Zeland"
            name = _clean(m.group("region") or m.group("name"), False, capitalised_mid_sentence)  # the wider place
            if name and kind_of(m.group("noun")) in SITE_KINDS:  # a site; "the headset in Dellan" was only shown there
                found.append(ThingName(name, kind_of(m.group("noun")), sent.start + m.start(), "in"))
        for m in (*_APPOSITION.finditer(sent.text), *_KIND_BEFORE.finditer(sent.text)):
            name = _clean(m.group("name"), _opens(sent.text, m.start("name")), capitalised_mid_sentence)
            if name:
                found.append(ThingName(name, kind_of(m.group("noun")), sent.start + m.start(), "after"))
        here = {t.name for t in found if t.pos >= sent.start}
        for m in _SHOWN.finditer(sent.text):  # "rolled out its first Kestrel 9": a product, its kind unsaid
            name = _clean(m.group("name"), False, capitalised_mid_sentence)
            if name and name not in here and not (" " not in name and is_common_word(name)):
                found.append(ThingName(name, "", sent.start + m.start("name"), "after"))
    return Things(sorted((t for t in found if t.kind not in _NOT_THINGS), key=lambda t: t.pos))


def _opens(text: str, at: int) -> bool:
    """Does the word at ``at`` open the sentence or a quotation (and so carry a capital anyway)?"""
    return not text[:at].strip() or text[:at].rstrip()[-1] in "\"\u201c\u2018'("


def _clean(name: str, starts_sentence: bool, capitalised_mid_sentence) -> str | None:  # noqa: ANN001
    words = name.split()
    while words and (words[0] in _CONNECTIVES or (starts_sentence and not capitalised_mid_sentence(words[0]))):
        words, starts_sentence = words[1:], False
    if starts_sentence and len(words) == 1 and is_common_word(words[0]):
        return None  # '"Open model" form', "Moon lander": an ordinary word, capitalised where it stands
    owner = max((k for k, w in enumerate(words) if w.endswith(("'s", "\u2019s"))), default=-1)
    words = words[owner + 1:]  # "the agency's Orla rover": the name is "Orla"
    if not any(w[:1].isupper() or re.match(rf"\d{{2,4}}[{_CAP}]", w) for w in words) or all(w in _MONTHS for w in words) \
            or (len(words) == 1 and len(words[0]) <= 2):
        return None  # "the AI model", "the US market": a class of things, not a name
    if words and words[-1].endswith(".") and not re.search(r"[A-Z]\.[A-Z]?\.?$", words[-1]):
        words[-1] = words[-1].rstrip(".")  # "a plant in Harwick.": the sentence's full stop ("U.S." keeps its own)
    return " ".join(words)


def name_the_thing(what: str, things: Things, before: int, actor_names: tuple[str, ...] = ()) -> str:
    """``what`` with its definite description named after the latest thing of that kind before ``before``.

    >>> ts = Things([ThingName("Tessel", "line", 0, "before"), ThingName("Pell-3", "lander", 40, "after")])
    >>> name_the_thing("open the central section of the line", ts, 90)
    'open the central section of the Tessel line'
    >>> name_the_thing("land the small lander near the pole", ts, 90)
    'land the small lander Pell-3 near the pole'
    >>> name_the_thing("open the line", ts, 0)  # named only after the promise: left alone
    'open the line'
    >>> name_the_thing("close the old lines", ts, 90)  # several of the kind: not the one named
    'close the old lines'
    """
    low = what.lower()

    def skip(t: ThingName) -> bool:
        return _the_actors(t, actor_names) or t.name.lower() in low

    for m in _DEFINITE.finditer(what):
        words = m.group("words").split()
        stop = next((k for k, w in enumerate(words) if w.lower() in _FUNCTION), len(words))
        for k in range(min(stop, 4)):
            if words[k][:1].isupper() or words[k].lower() in _ANOTHER:
                break  # already named, or a different one
            thing = things.latest(kind_of(words[k]), before, skip)
            if thing is not None and words[k].lower() != kind_of(words[k]):
                break  # "the coal plants": several of the kind, not the one named before
            if thing is not None:
                return _with_name(what, m, words[:k], words[k], thing)
    return what


def _with_name(what: str, m: re.Match[str], mods: list[str], noun: str, thing: ThingName) -> str:
    end = m.start("words") + len(" ".join([*mods, noun]))
    if re.match(r"[ ]+(?:in|at|near|outside|off)[ ]+[A-Z\u00c0-\u00de\u0100-\u017f]", what[end:]):
        return what  # "our new plant in Georgia": placed already, and maybe not the one named before
    return what[:m.start()] + thing.phrase(m.group("det"), mods, noun) + what[end:]


# Acts done at or to a site, which a promise often names alone: "Construction will start next year."
_BARE_ACT = re.compile(r"^\w+[ ]+(?:(?:the|its|their)[ ]+)?(?:(?!to\b)[a-z-]+[ ]+)?(?P<act>construction|production|"
                       r"operations|manufacturing|assembly|mining|drilling)$")


def with_site(what: str, things: Things, before: int) -> str:
    """A bare act ("start production", "begin construction") with the site the text is about.

    >>> ts = Things([ThingName("Harwick", "plant", 10, "in")])
    >>> with_site("start commercial production", ts, 50), with_site("begin construction", ts, 50)
    ('start commercial production at the plant in Harwick', 'begin construction of the plant in Harwick')
    >>> with_site("begin construction", ts, 5)  # no site named before the promise
    'begin construction'
    """
    m = _BARE_ACT.match(what)
    site = things.latest_site(before) if m else None
    if site is None:
        return what
    named = site.phrase("the", [], site.kind)
    return f"{what} {'of' if m.group('act') == 'construction' else 'at'} {named}"


# An act with no object, told of the product the text is about: "Deliveries will begin in March", "Entry into
# service is planned from 2027", "sales start in May" (the site's acts are with_site's)
_BARE_PRODUCT_ACT = re.compile(r"^(?P<verb>begin|start|deliver|have|make|commence)[ ]+(?P<first>(?:the[ ]+)?(?:first[ ]+)?)"
                               r"(?P<act>(?:(?:mass|volume|series|commercial|full|regular)[ ]+)?(?:deliveries|sales|shipments|production)|"
                               r"entry[ ]+into[ ]+service)(?P<rest>[ ]+to[ ]+(?:the[ ]+)?(?:customers|buyers|airlines|users|operators))?$", re.I)


def with_the_product(what: str, things: Things, before: int, since: int = 0) -> str:
    """A bare act of a product ("begin deliveries", "deliver entry into service") with the product the text
    named last before the promise, from ``since`` on (the sentence before it: a product named paragraphs
    earlier is no longer the one spoken of).

    >>> ts = Things([ThingName("Orvo 3", "scooter", 10, "before")])
    >>> with_the_product("begin deliveries", ts, 50), with_the_product("deliver entry into service", ts, 50)
    ('begin deliveries of the Orvo 3 scooter', 'put the Orvo 3 scooter into service')
    >>> with_the_product("begin deliveries", ts, 5), with_the_product("begin deliveries", ts, 50, since=20)
    ('begin deliveries', 'begin deliveries')
    """
    m = _BARE_PRODUCT_ACT.match(what)
    thing = things.latest_product(before) if m else None
    if thing is None or thing.pos < since:
        return what
    return _bare_act_of(m, thing.phrase("the", [], thing.kind))


def with_the_generic(what: str, things: Things, before: int, since: int, actor_names: tuple[str, ...] = ()) -> str:
    """``what`` with a description by a generic kind ("the accessory", "the vehicle", "the device") named after
    the product named just before (from ``since``, the sentence before the promise): a text names a product
    once, by its own kind ("Orvo Dock, a mat that ..."), and then calls it by a wider one.

    >>> ts = Things([ThingName("Orvo Dock", "mat", 10, "after")])
    >>> with_the_generic("make the accessory available", ts, 50, 0)
    'make the accessory Orvo Dock available'
    >>> with_the_generic("make the accessory available", ts, 50, 20)  # named paragraphs before: left alone
    'make the accessory available'
    >>> with_the_generic("open the new depot", ts, 50, 0)  # no generic kind
    'open the new depot'
    """
    thing = things.latest_product(before)
    if thing is None or thing.pos < since or thing.name.lower() in what.lower() \
            or _the_actors(thing, actor_names) \
            or (thing.style == "before" and " " not in thing.name and is_common_word(thing.name)):
        return what  # ("the British technology company": an ordinary word before a noun names no product)
    for m in _DEFINITE.finditer(what):
        words = m.group("words").split()
        stop = next((k for k, w in enumerate(words) if w.lower() in _FUNCTION), len(words))
        for k in range(min(stop, 3)):
            if words[k][:1].isupper() or words[k].lower() in _ANOTHER:
                break
            if words[k].lower() in GENERIC_KINDS and m.group("det") != "their":  # ("their spacecraft": several)
                return _with_name(what, m, words[:k], words[k], thing)
    return what


def with_the_antecedent(what: str, things: Things, before: int, since: int, actor_names: tuple[str, ...] = (),
                        here: int = 0) -> str:
    """``what`` with an "it" right after its verb ("start producing it", "roll it out") named after the thing
    named last before the promise, from ``since`` on (the sentence before it): news names the thing, never "it".

    >>> ts = Things([ThingName("Orvo 3", "scooter", 10, "before")])
    >>> with_the_antecedent("start producing it", ts, 50, 0), with_the_antecedent("roll it out in May", ts, 50, 0)
    ('start producing the Orvo 3 scooter', 'roll the Orvo 3 scooter out in May')
    >>> with_the_antecedent("deliver the first one to a customer", ts, 50, 0)  # (``here``: this sentence's start)
    'deliver the first Orvo 3 scooter to a customer'
    >>> with_the_antecedent("make it easier to pay", ts, 50, 0)  # "it" of a verb that takes no thing
    'make it easier to pay'
    >>> with_the_antecedent("start producing it", ts, 50, 20)  # named paragraphs before: left alone
    'start producing it'
    """
    one = _ONE.search(what)
    m = _IT_OBJECT.match(what)
    if one is None and (m is None or base_form(m.group("verb").split()[-1]) in _NOT_ACTS_ON_THINGS):
        return what
    thing = things.latest_product(before)
    if thing is None or thing.pos < since or _the_actors(thing, actor_names):
        return what
    if one is not None:  # "deliver the first one": the first of the product ("the first Orvo 3 scooter")
        if thing.pos < here:
            return what  # ("one" stands for a thing of its own sentence)
        named = f"{thing.name} {thing.kind}" if thing.kind and thing.kind.lower() not in thing.name.lower() else thing.name
        return what[:one.start("one")] + named + what[one.end("one"):]
    named = thing.phrase("the", [], thing.kind) if thing.kind else thing.name
    return what[:m.start("it")] + named + what[m.end("it"):]


# "the first one", "its next one": one of the product named before
_ONE = re.compile(r"\b(?:the|its|their)\s+(?:first|second|third|last|final|next)\s+(?P<one>one)\b")


# "start producing it", "roll it out", "build it": an "it" straight after the verb (or its helper) is the thing acted on
_IT_OBJECT = re.compile(r"^(?P<verb>(?:[a-z]+[ ]){0,1}[a-z]+)[ ]+(?P<it>it)\b(?![ ]+(?:is|was|will|would|has|can))")
# verbs whose "it" is seldom a thing made or opened: "make it easier", "keep it simple", "take it further"
_NOT_ACTS_ON_THINGS = frozenset("make keep take find get let have do see give put bring call consider ensure".split())


# Wide kinds a text calls a product by once it has named it by its own kind ("Orvo Dock, a charging mat ...
# the accessory"): singular only, as a plural is several things
GENERIC_KINDS = frozenset("accessory device gadget product vehicle machine aircraft craft spacecraft console handset".split())


def bare_act_of(what: str, thing: str) -> str:
    """A bare act of a product with the thing it is about ("begin deliveries to customers", "the V9") ->
    "begin deliveries of the V9 to customers"; any other ``what`` unchanged."""
    m = _BARE_PRODUCT_ACT.match(what)
    return _bare_act_of(m, thing) if m else what


def _bare_act_of(m: re.Match[str], named: str) -> str:
    act = m.group("act").lower()
    if act.startswith("entry"):
        return f"put {named} into service"
    verb = m.group("verb").lower()
    return f"{'start' if verb in ('deliver', 'have', 'make') else verb} {m.group('first')}{act} of {named}{m.group('rest') or ''}"


def with_the_noun_before(what: str, before: str) -> str:
    """``what`` with an "it" after its verb ("design and build it", "start running through it") named after the
    thing the text spoke of just before, when no product name fits: a thing that was the last sentence's subject
    ("The new line will have 13 stations. The consortium will build it"), else the last thing acted on in this
    sentence, outside relative clauses ("showed off an electric truck that can haul ..., and pledged to start
    producing it"). ``before`` runs from the previous sentence's start to the promise's clause.

    >>> with_the_noun_before("design and build it", "The new tram line will have 13 stations. The consortium")
    'design and build the new tram line'
    >>> with_the_noun_before("start producing it", "Vantor showed off an electric truck that it said could haul a "
    ...                      "full load, and pledged")
    'start producing the electric truck'
    >>> with_the_noun_before("start regular trains running through it", "Orvo, the firm building the tunnel, said")
    'start regular trains running through the tunnel'
    >>> with_the_noun_before("make it easier to pay", "The new app will launch in May. Vantor")
    'make it easier to pay'
    """
    m = _IT_OBJECT_ANYWHERE.search(what)
    if m is None or base_form(what.split()[0]) in _NOT_ACTS_ON_THINGS:
        return what
    noun = _thing_before(before)
    return what if noun is None else what[:m.start("it")] + noun + what[m.end("it"):]


# "it" as the object of the verb or of a preposition of place ("build it", "design and build it", "run through it")
_IT_OBJECT_ANYWHERE = re.compile(r"^(?:[a-z-]+[ ]){0,4}?(?:(?:through|on|in|into|across|over|under|along|to)[ ]+)?"
                                 r"(?P<it>it)\b(?![ ]+(?:is|was|will|would|has|can|easier|harder|possible|clear))")
# A thing named by a common noun: a determiner, up to four modifiers, the head (never a time, a person, a body)
_THING_NP = re.compile(r"(?<![\w-])(?P<det>[Tt]he|an?|its|their|our)[ ]+"
                       r"(?P<mods>(?:(?!(?:the|an?|its|their|our|already|before|after|of|to|in|on|at|for|with|from|by|and|or|but|will|"
                       r"would|is|are|was|were|has|have|had|be|been)[ ])[a-z0-9][\w.'\u2019-]*[ ]+){0,3}?)(?P<head>[a-z][a-z-]{2,})"
                       r"(?=[ ]*[,.;]|[ ]+(?:that|which|who|will|would|is|was|has|had|and|said)\b)")
_NOT_ANTECEDENTS = frozenset("""year years month months week weeks day days time decade quarter end start beginning load
    lot bit kind sort will would could should can may might must shall
    company firm group consortium government ministry agency council authority board people staff team
    workers customers passengers way part number percent cost costs price prices plan plans deal statement
    conference meeting news report""".split())
_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\b[^,;.]*")
_PREPOSED = re.compile(r"(?:of|on|in|at|to|for|with|from|by|under|over|into|about|than|per|after|before)[ ]+$")


def _thing_before(before: str) -> str | None:
    """The thing "it" stands for: the last sentence's subject if a thing, else this sentence's last object."""
    parts = re.split(r"(?<=[.!?])[ ]+(?=[A-Z\"\u201c])", before.strip())
    here, last = parts[-1], (parts[-2] if len(parts) > 1 else "")
    subject = _THING_NP.match(last)
    if subject and _is_thing(subject):
        return "the " + (subject.group("mods") + subject.group("head")).strip()
    main = _RELATIVE.sub(" ", here)
    objects = [m for m in _THING_NP.finditer(main) if _is_thing(m) and not _PREPOSED.search(main[:m.start()])]
    if not objects:
        return None
    m = objects[-1]
    return "the " + (m.group("mods") + m.group("head")).strip()


def _is_thing(m: re.Match[str]) -> bool:
    return m.group("head") not in _NOT_ANTECEDENTS and m.group("head") not in ORG_NOUNS
