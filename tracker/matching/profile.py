"""A commitment read once for matching: who, which action, which object, which targets.

``profile(doc)`` turns the plain :class:`CommitmentDoc` into what the scorer
compares items with:

* actor phrases (the full name, aliases, acronyms: strong) and distinctive
  name keys ("Tamber" of "Tamber Tools": weaker);
* the action of ``what`` ("begin shipping" -> ship, "take delivery of" ->
  ship, "make X public" -> publish) and its verb classes;
* the object's terms, weighted (names 3, content words 1, generic words 0.3),
  the head noun of the object, the names an item must carry, and the numeric
  targets ("40 new carriages", "30 percent") that tell partial from complete;
* for a promise not to act, the forbidden action, and for a promise of
  absence ("without paid loot boxes", "at no extra cost") the forbidden terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from tracker.language.governments import (
    countries_of_adjective, country_names, government_of, government_of_body, governments_named, national_government,
    nationality_forms,
)
from tracker.language.sentences import is_title_case, split_sentences
from tracker.language.words import is_common_word
from tracker.matching import lexicon as lx
from tracker.matching.model import CommitmentDoc
from tracker.matching.text import (MONTHS, SCALES, WEEKDAYS, Token, hyphenated, scaled, stem, tokenize, tokenize_cached,
                                   word_stems)

W_NAME, W_WORD, W_GENERIC, W_QUALIFIER, W_BONUS = 3.0, 1.0, 0.3, 1.5, 1.5
PREPOSITIONS = lx._stems("to for in at on by with under from across between against below above before after "
                         "within into onto over through during via than near off along aboard amid amidst despite "
                         "toward towards beyond inside outside beneath underneath beside alongside throughout upon "
                         "among amongst")
CONTAINER_NOUNS = lx._stems("network system scheme programme program project plan package initiative "
                            "framework portfolio range series")
MEASURE_NOUNS = lx._stems("capacity level levels amount number share output volume total rate proportion")
# "a beta version of its operating system", "a 5G variant of the phone": the thing is after "of"
VARIANT_NOUNS = lx._stems("version versions edition editions variant variants type types kind kinds")
# A part of a whole named after "of": "the central section of the line" is open when the whole line is
PART_NOUNS = lx._stems("section sections stretch segment portion part phase leg branch stage")
CURRENCY = lx._stems("euro euros dollar dollars crown crowns pound pounds yen franc francs krona kronor kroner "
                     "million billion trillion cents")
BOUND_WORDS = lx._stems("under below less fewer most within up maximum cap")
COMPLEMENT_ADJ = {stem(w): cls for w, cls in {
    "public": "publish", "available": "start", "free": "start", "open": "start", "accessible": "start",
    "operational": "start", "live": "start", "redundant": "layoff",
    # "make the first phase completed", "have the works finished": the thing built
    "completed": "build", "finished": "build"}.items()}
# What is held, run or opened as an occasion ("hold a referendum", "open an inquiry", "run a review")
_OCCASION_NOUNS = lx._stems("""consultation referendum vote ballot review inquiry enquiry hearing election meeting
    summit talks talk conference event festival games race tournament competition tender auction exhibition fair
    show ceremony debate survey poll study""")
# "in place", "in force": a state of a thing brought into use
_IN_USE = frozenset({"place", "force", "effect", "operation", "service", "use"})
# Synonyms between nouns (the lexicon's groups plus the user's): the one shared table.
NOUN_SYNONYMS = lx.NOUN_SYNONYMS
_KNOWN_VERBS = lx.EVENT_VERBS | lx._stems(
    "take make keep ensure give have set target bring cut maintain protect guarantee hold freeze cap limit "
    "create spend invest plant deliver provide double triple halve end stop reach lay avoid prevent")
_CONSTRAINT = re.compile(r"\b(?:without|at\s+no\s+(?:extra|additional)\s+(?:cost|charge)|free\s+of\s+charge|"
                         r"for\s+free|no\s+(?:extra|additional)\s+(?:cost|charge|fee)s?)\b", re.I)
COST_TERMS = lx._stems("pay paid charge charges fee fees surcharge cost costs extra")


@dataclass(frozen=True)
class Term:
    """A word of the promise's object (or a name: its tokens must be adjacent)."""

    stems: tuple[str, ...]
    weight: float
    proper: bool
    text: str
    group: int = -1  # names: the tokens of one name share a group

    def alternatives(self) -> frozenset[str]:
        if len(self.stems) != 1:
            return frozenset()
        return NOUN_SYNONYMS.get(self.stems[0], frozenset()) | (_nationality_stems(self.text) if self.proper
                                                               else frozenset())


@lru_cache(maxsize=4096)
def _nationality_stems(word: str) -> frozenset[str]:
    """One-word names and adjectives of the country ``word`` names ("Peru" -> peruvian, and back)."""
    return frozenset(stem(w) for w in nationality_forms(word) if " " not in w) - {stem(word)}


@dataclass(frozen=True)
class Target:
    """A number the promise is measured by: 40 carriages, 30 percent."""

    value: float
    units: frozenset[str]
    percent: bool


@dataclass(frozen=True)
class Profile:
    """Everything the scorer compares an item with, derived once per commitment."""

    doc: CommitmentDoc
    actor_phrases: tuple[tuple[str, ...], ...]
    actor_keys: tuple[tuple[tuple[str, ...], float], ...]  # (stems, strength)
    actor_label: str
    action: str | None
    action_classes: frozenset[str]
    inchoative: frozenset[str]  # the complement of "begin/start X" the item must name
    terms: tuple[Term, ...]
    bonus: tuple[Term, ...]  # names from the quote only: they help, never hurt
    head: frozenset[str]  # the head noun and its synonyms (empty when the head is a name)
    required: tuple[Term, ...]  # names inside the object's head phrase
    targets: tuple[Target, ...]
    qualifiers: frozenset[str]
    has_first: bool
    universal: bool  # "all", "every", "entire": an item about the first part is partial
    vocab: frozenset[str]
    rivals: frozenset[str]  # the quote's subject when it is another name ("Acme is racing Vantor, which plans ...")
    negated_action: bool  # "not raise fares": the forbidden action is the action above
    forbidden: frozenset[str]  # promise of absence: the words whose presence is a breach
    places: tuple[tuple[str, ...], ...]  # names after "in"/"to"/"between": where the act must happen
    head_act: bool  # the head names an act or arrangement ("reservations", "expansion"), not a thing
    head_stem: str | None  # the head word itself, even when it is part of a name ("the Clean Air Bill")
    alias_terms: frozenset[str]  # "(fare freeze)": another name for the promise
    object_text: str
    government: str | None = None  # the actor is this national government: its ministers act for it

    @property
    def total_weight(self) -> float:
        return sum(t.weight for t in self.terms) or 1.0

    @cached_property
    def actor_stems(self) -> frozenset[str]:
        """Every stem of the actor's names, full phrases and keys alike."""
        return frozenset({x for ph in self.actor_phrases for x in ph} | {x for k, _ in self.actor_keys for x in k})

    @cached_property
    def place_governments(self) -> frozenset[str]:
        """The national governments of the countries the promise names: "ship to the United States" and a
        report of shipping "in the US" are about one country."""
        return governments_named(re.findall(r"[\w.'\u2019-]+", self.doc.what))

    @cached_property
    def act_nouns(self) -> frozenset[str]:
        """The nouns of the promised act ("opening", "launch", "delivery"): how news names the act itself."""
        return frozenset(w for c in self.action_classes for w in lx.EVENT_NOUNS.get(c, ()))

    @cached_property
    def place_stems(self) -> frozenset[str]:
        """Every stem of the places the promise is about."""
        return frozenset(x for place in self.places for x in place)


@lru_cache(maxsize=200_000)
def profile(doc: CommitmentDoc) -> Profile:
    """Read ``doc`` once; cached, since the same commitments meet many items."""
    phrases, keys, label = _actor_forms(doc)
    government = national_government(label) or government_of_body(label)  # a ministry acts for its government
    if government:  # "Norway drops its target" is its government's act
        keys += tuple((ph, 0.85) for ph in (tuple(t.stem for t in tokenize_cached(n) if not t.punct)
                                            for n in country_names(government)) if ph not in phrases)
    what = doc.what or doc.quote or ""
    alias_text = " ".join(re.findall(r"\(([^)]*)\)", what))
    what = re.sub(r"\([^)]*\)", " ", what)
    # "version 5 of the Quire editor" is named "Quire 5" in the news
    what = re.sub(r"\bversion\s+(\d[\w.]*)\s+of\s+(?:the\s+|its\s+|their\s+)?([A-Z][\w-]*)", r"\2 \1", what)
    # "a daily Port Aster to Hallen service" is the Port Aster-Hallen route: both ends name it
    what = _ROUTE_TO.sub(r"\1-\2", what)
    toks = [t for t in tokenize_cached(what)]
    quote_caps = {t.stem for t in tokenize_cached(doc.quote or "")[1:] if t.cap and not t.punct}
    negated_action, toks = _strip_negation(toks)
    action, classes, inchoative, obj = _read_action(toks)
    obj = _past_the_act_noun(classes, inchoative, obj)
    constraint = _CONSTRAINT.search(" ".join(t.text for t in obj))
    if constraint:  # "launch X without paid loot boxes": the object is X
        cut = len(tokenize(" ".join(t.text for t in obj)[:constraint.start()]))
        obj = obj[:cut]
    head_tok, np_span = _head(obj)
    np_toks = obj[np_span[0]:np_span[1]]
    terms = _terms(obj, quote_caps, phrases, np_span)
    if head_tok is not None:  # "the Digital Identity Bill": the Bill matters most in the name
        terms = tuple(Term(t.stems, t.weight * 2, t.proper, t.text, t.group)
                      if t.proper and t.stems == (head_tok.stem,) and len(t.stems) == 1 else t for t in terms)
    terms = tuple(Term(t.stems, t.weight / 2, t.proper, t.text, t.group)
                  if t.proper and len(t.stems) == 1 and len(t.text) <= 2 else t for t in terms)
    have = {s for t in terms for s in t.stems}
    actor_words = {s for p in phrases for s in p} | {s for k, _ in keys for s in k}
    head: frozenset[str] = frozenset()
    if head_tok is not None and head_tok.text[:1].isalpha() and head_tok.low not in PLURAL_SENSES and (
            not _is_name(head_tok, quote_caps) or head_tok.stem in NOUN_SYNONYMS):
        head = frozenset({head_tok.stem}) | NOUN_SYNONYMS.get(head_tok.stem, frozenset()) | _whole_of(head_tok, obj, np_span)
    if "consult" in classes and len(classes) > 1 and head and not head & _OCCASION_NOUNS:
        classes = classes - {"consult"}  # "open the depot" is no "held" anything: only an occasion is held or run
    np_stems = {t.stem for t in np_toks} | {t.stem for t in _whole_phrase(head_tok, obj, np_span)}
    required = tuple(t for t in terms if t.proper and t.group >= 0 and set(t.stems) & np_stems)
    vocab = frozenset(word_stems(" ".join([doc.actor, *doc.aliases, doc.what, doc.quote or ""])))
    rivals = _quote_subject(doc.quote or "") - frozenset(word_stems(" ".join([doc.actor, *doc.aliases, doc.what])))
    obj_stems = {t.stem for t in obj}
    forbidden: frozenset[str] = frozenset()
    if doc.negated and not negated_action:
        forbidden = _forbidden_terms(doc.what) or _forbidden_terms(doc.quote or "")
    return Profile(
        doc=doc, actor_phrases=phrases, actor_keys=keys, actor_label=label, action=action,
        action_classes=classes, inchoative=inchoative, terms=terms,
        bonus=_bonus(doc.quote or "", have, actor_words)
        + _context_names(doc.context or "", doc.quote or "", have, actor_words)
        + (() if required else _antecedent_names(doc.lead_in or "", doc.quote or "", have, actor_words)),
        head=head, required=required, targets=_targets(obj) + money_targets(what),
        qualifiers=frozenset((obj_stems | hyphenated(obj)) & lx.QUALIFIERS), has_first="first" in obj_stems,
        universal=bool(obj_stems & UNIVERSAL),
        vocab=vocab, rivals=rivals, negated_action=negated_action, forbidden=forbidden,
        alias_terms=frozenset(t.stem for t in tokenize_cached(alias_text) if not t.punct) - lx.STOPWORDS,
        object_text=" ".join(t.text for t in obj if not t.punct),
        places=_places(obj),
        head_act=head_tok is not None and is_act_noun(head_tok),
        head_stem=head_tok.stem if head_tok is not None else None,
        government=government,
    )


_ROUTE_TO = re.compile(r"\b([A-Z][\w]*(?:\s[A-Z][\w]*)*)\s+to\s+([A-Z][\w]*(?:\s[A-Z][\w]*)*)(?=\s+[a-z])")


# -- actor -------------------------------------------------------------------------------------

def _actor_forms(doc: CommitmentDoc) -> tuple[tuple[tuple[str, ...], ...],
                                               tuple[tuple[tuple[str, ...], float], ...], str]:
    """Strong phrases (full names, aliases, acronyms) and weaker keys with their strength."""
    forms: list[str] = []
    for name in [doc.actor, *doc.aliases]:
        forms.extend(p.strip() for p in re.findall(r"\(([^)]*)\)", name))
        base = re.sub(r"\([^)]*\)", " ", name)
        forms.extend(p.strip() for p in base.split(",") if p.strip())
    phrases: list[tuple[str, ...]] = []
    keys: dict[tuple[str, ...], float] = {}
    for form in forms:
        toks = [t for t in tokenize_cached(form) if not t.punct]
        while toks and toks[0].low == "the":
            toks = toks[1:]
        if not toks:
            continue
        if len(toks) > 1 or _acronym(toks[0]) or toks[0].stem not in lx.NAME_SUFFIXES:
            phrases.append(tuple(t.stem for t in toks))
        # "Ellery Ministry of Health" is also "the Ministry of Health"
        if len(toks) > 2 and toks[0].cap and toks[0].stem not in lx.NAME_SUFFIXES \
                and any(t.stem in lx.NAME_SUFFIXES for t in toks[1:]):
            keys.setdefault(tuple(t.stem for t in toks[1:]), 0.75)
        words = [t for t in toks if t.low not in ("of", "and", "for", "&")]
        if len(words) > 1 and all(t.cap for t in words):
            # "Harbury Energy Group" is "HEG" in the news, "Transport for Quenby" "TfQ" (or "TQ")
            for letters in {"".join(t.low[0] for t in words), "".join(t.low[0] for t in toks if t.text != "&")}:
                if letters not in lx.STOPWORDS | lx.DETERMINERS:
                    keys.setdefault((letters,), 0.8)
        run: list[Token] = []
        for t in [*toks, None]:
            if t is not None and t.cap and t.stem not in lx.NAME_SUFFIXES and t.stem not in lx.PLACE_PREFIX:
                run.append(t)
                continue
            if run:
                keys.setdefault(tuple(x.stem for x in run), 0.85)
                if len(run) > 1:
                    keys.setdefault((run[0].stem,), 0.8)
                    keys.setdefault((run[-1].stem,), 0.7)
                run = []
    label = re.sub(r"\s*\([^)]*\)", "", doc.actor).split(",")[0].strip() or doc.actor
    phrases = list(dict.fromkeys(phrases))
    return tuple(phrases), tuple((k, v) for k, v in keys.items() if k not in phrases), label


def _acronym(t: Token) -> bool:
    return len(t.text) >= 2 and t.text.isupper() and t.text.isalpha() and t.stem not in lx.NAME_SUFFIXES


# -- action ------------------------------------------------------------------------------------

def _strip_negation(toks: list[Token]) -> tuple[bool, list[Token]]:
    negated = False
    while toks and toks[0].low in {"not", "never", "no", "longer"}:
        negated = True
        toks = toks[1:]
    if len(toks) > 2 and toks[0].low == "make" and toks[1].low == "no":  # "make no worker redundant"
        return True, [toks[0], *toks[2:]]
    return negated, toks


def _quote_subject(quote: str) -> frozenset[str]:
    """The stems of the capitalised name a quote opens with ("Acme is racing Vantor, which plans to ..."): when
    neither the actor nor the promise's object names it, it is somebody else, whatever the quote says of them."""
    toks = [t for t in tokenize_cached(quote) if not t.punct]
    name = []
    for t in toks:
        if not t.cap or t.stem in lx.STOPWORDS or t.stem in lx.DETERMINERS:
            break
        name.append(t.stem)
    return frozenset(name)


def _read_action(toks: list[Token]) -> tuple[str | None, frozenset[str], frozenset[str], list[Token]]:
    """The action verb of ``what``, its classes, an inchoative complement, and the object tokens."""
    words = [t for t in toks if not t.punct]
    if not words:
        return None, frozenset(), frozenset(), []
    i = 0
    if not (words[0].stem in _KNOWN_VERBS or (not words[0].cap and words[0].stem not in lx.STOPWORDS)):
        i = next((k for k, t in enumerate(words) if t.stem in lx.EVENT_VERBS and not t.cap), -1)
        if i < 0:
            return None, frozenset(), frozenset(), words
    verb, rest = words[i], words[i + 1:]
    first_use = _first_use(verb, rest)
    if first_use is not None:
        return first_use
    if verb.low in {"have", "ensure", "keep", "maintain"} and rest:  # "have the stadium open", "keep X open"
        k = next((j for j, t in enumerate(rest) if t.stem in COMPLEMENT_ADJ), -1)  # "keep the plant open"
        state = next((j for j in range(len(rest) - 1) if rest[j].low == "in" and rest[j + 1].low in _IN_USE), -1)
        if k < 0 and state > 0:  # "ensure the new fare is in place", "have the rules in force": brought in
            thing = [t for t in rest[:state] if t.low not in {"is", "are", "be"}]
            return "start", frozenset({"start"}), frozenset(), thing + rest[state + 2:]
        pair = next((j for j in range(len(rest) - 1) if (rest[j].stem, rest[j + 1].stem) in PARTICLES), -1)
        if k < 0 and pair >= 0:  # "have the phones go on sale", "have the service go live"
            canon = PARTICLES[(rest[pair].stem, rest[pair + 1].stem)]
            end = pair + 3 if pair + 2 < len(rest) and rest[pair + 2].low == "sale" else pair + 2  # "go on sale"
            return _thing_acts(rest[:pair], (canon, lx.verb_classes(canon), frozenset(), rest[end:]))
        if k < 0:
            k = next((j for j, t in enumerate(rest) if t.stem in lx.EVENT_VERBS), -1)
            if k > 0 and verb.low in {"have", "ensure"}:
                # "ensure the jet make its maiden flight": the thing's own act, read like any other
                # action; the thing joins its object
                read = _read_action(rest[k:])
                if read[1]:
                    return _thing_acts(rest[:k], read)
        if k >= 0:
            cls = lx.verb_classes(rest[k].stem) or frozenset({COMPLEMENT_ADJ.get(rest[k].stem, "start")})
            return rest[k].stem, cls, frozenset(), rest[:k] + rest[k + 1:]
    if verb.stem == stem("take") and rest and rest[0].stem == "delivery":
        return "deliver", frozenset({"ship"}), frozenset(), rest[1:]
    if verb.stem == stem("make"):
        k = next((j for j, t in enumerate(rest) if t.stem in COMPLEMENT_ADJ), -1)
        if k >= 0:
            return rest[k].stem, frozenset({COMPLEMENT_ADJ[rest[k].stem]}), frozenset(), rest[:k] + rest[k + 1:]
    if verb.stem in lx.INCHOATIVE and rest:
        if rest[0].stem in lx.EVENT_VERBS and not rest[0].cap:  # "begin shipping"
            return rest[0].stem, lx.verb_classes(rest[0].stem), frozenset({rest[0].stem}), rest[1:]
        comp = []
        for k, t in enumerate(rest):
            if t.stem in PREPOSITIONS or t.punct or t.low == "of":
                break  # "begin deliveries of the saloon": the complement is "deliveries"
            if comp and t.low in {"which", "that", "who", "to", "and", "but", "as"}:
                break
            if comp and t.low.endswith("ing") and k + 1 < len(rest) and (rest[k + 1].stem in lx.DETERMINERS
                                                                          or rest[k + 1].number is not None):
                break  # "start chip production using an older design": a participle and its object modify it
            if t.stem not in lx.STOPWORDS and t.stem not in lx.DETERMINERS:
                comp.append(t)
        noun = comp[-1].stem if comp else None
        cls = frozenset({"start"}) | (lx.act_classes(frozenset({noun})) if noun else frozenset())  # "flights": fly
        return verb.stem, cls, frozenset({noun} | NOUN_SYNONYMS.get(noun, frozenset())) if noun else frozenset(), rest
    if verb.stem == "open" and rest and rest[0].stem == "sourc":  # open-source
        return "publish", frozenset({"publish", "open_source"}), frozenset(), rest[1:]
    if rest and (verb.stem, rest[0].stem) in PARTICLES:
        canon = PARTICLES[(verb.stem, rest[0].stem)]
        return canon, lx.verb_classes(canon), frozenset(), rest[1:]
    split = next((k for k in range(1, min(len(rest), 7)) if rest[k].low in _PARTICLE_WORDS
                  and (verb.stem, rest[k].stem) in PARTICLES and (k + 1 == len(rest) or rest[k + 1].stem in PREPOSITIONS)),
                 None)
    if split is not None:  # "switch its reader off", "shut the old plant down": the particle after the object
        canon = PARTICLES[(verb.stem, rest[split].stem)]
        return canon, lx.verb_classes(canon), frozenset(), rest[:split] + rest[split + 1:]
    return verb.stem, lx.verb_classes(verb.stem), frozenset(), rest


# Words that may stand after a verb's object and belong to the verb: "switch its reader off", "shut it down"
_PARTICLE_WORDS = frozenset("off down up on over out in back away".split())


def _past_the_act_noun(classes: frozenset[str], inchoative: frozenset[str], obj: list[Token]) -> list[Token]:
    """ "complete construction of the depot" is building the depot: when the verb and the noun after it
    name the same act (and the verb does not only begin it), the object is the thing after "of"."""
    words = [t for t in obj if not t.punct]
    k = 1 if words[:1] and words[0].stem in lx.DETERMINERS else 0
    if inchoative or len(words) < k + 3 or words[k + 1].low != "of":
        return obj
    act = lx.noun_classes({words[k].stem})
    return words[k + 2:] if act and act <= classes else obj


def _thing_acts(thing: list[Token], read: tuple[str | None, frozenset[str], frozenset[str], list[Token]]
                ) -> tuple[str | None, frozenset[str], frozenset[str], list[Token]]:
    """The action of "have / ensure THING VERB ...": the verb's own reading, with the thing joining its
    object; a thing that is itself an act ("have production come online") begins, as in "begin production"."""
    action, cls, comp, obj = read
    act = next((t for t in thing if lx.noun_classes({t.stem})), None) if "start" in cls else None
    if act is not None:
        return "start", frozenset({"start"}) | lx.noun_classes({act.stem}), \
            frozenset({act.stem} | NOUN_SYNONYMS.get(act.stem, frozenset())), thing + obj
    return action, cls, comp, thing + obj


# "put the ship into service", "put the satellites into orbit", "have the tram carry its first passengers":
# the thing's first use, which news reports as a start ("enters service", "carried its first passengers")
_INTO_USE = {"service": "start", "operation": "start", "operations": "start", "production": "produce",
             "orbit": "fly", "sea": "start", "use": "start"}
_INTO_USE_SERVICE = ("service", "operation", "operations")
IN_SERVICE = frozenset(stem(w) for w in (*_INTO_USE_SERVICE, "operating", "services"))
_PLACING = frozenset(stem(w) for w in ("put", "bring", "place"))  # "bring two reactors into service"
_FIRST_USES = frozenset(stem(w) for w in "carry take welcome serve receive".split())


def _first_use(verb: Token, rest: list[Token]) -> tuple[str | None, frozenset[str], frozenset[str], list[Token]] | None:
    """The start of a thing's use in "put X into service" and "have X carry its first passengers", or None."""
    if verb.stem in _PLACING:
        k = next((j for j in range(len(rest) - 1) if rest[j].low in ("into", "to", "in")
                  and rest[j + 1].low in _INTO_USE), -1)
        if k >= 0:
            cls = _INTO_USE[rest[k + 1].low]
            # "began commercial operation" reports "put into service": the use begun, as in "begin X"
            begun = IN_SERVICE if rest[k + 1].low in _INTO_USE_SERVICE else frozenset()
            return cls, frozenset({cls, "start"}), begun, rest[:k] + rest[k + 2:]
        k = next((j for j in range(1, len(rest)) if rest[j].low == "online"), -1)
        if k >= 0:  # "bring the plant online"
            return "start", frozenset({"start"}), frozenset(), rest[:k] + rest[k + 1:]
    if verb.stem == stem("make") and any(t.low in ("flight", "flights") for t in rest[:5]):
        return "fly", frozenset({"fly", "start"}), frozenset(), rest  # "make its first flight": fly
    if verb.low == "have":
        k = next((j for j in range(len(rest) - 2) if rest[j].stem in _FIRST_USES
                  and rest[j + 1].low in ("its", "their") and rest[j + 2].low == "first"), -1)
        if k >= 0:  # the object is the thing, not its passengers
            return "start", frozenset({"start"}), frozenset(), rest[:k]
        k = next((j for j in range(len(rest) - 1) if rest[j].low in ("take", "takes") and rest[j + 1].low == "place"), -1)
        if k >= 0:  # "have the first test flight take place": the flight's own act
            cls = lx.noun_classes({t.stem for t in rest[:k]})
            return ("fly" if "fly" in cls else next(iter(sorted(cls)), "start")), cls | {"start"}, frozenset(), rest[:k]
    return None


# Plurals with a sense of their own, which their stem would lose: legal "powers" are no electric "power",
# "arms" no "arm", "goods" nothing "good". As the object they identify little, and name no head.
PLURAL_SENSES = frozenset("powers arms goods customs damages".split())

PARTICLES = lx.PARTICLES  # two-word report forms ("rolls out" = launches), from the lexicon


# -- object ------------------------------------------------------------------------------------

def _is_name(t: Token, quote_caps: set[str]) -> bool:
    """A capitalised word that is not a month or a weekday (``quote_caps``: capitals seen in the quote)."""
    if t.number is not None and not t.text[0].isalpha():
        return False
    return t.cap and t.low not in MONTHS and t.low not in WEEKDAYS


def _terms(obj: list[Token], quote_caps: set[str], actor: tuple[tuple[str, ...], ...],
           np_span: tuple[int, int]) -> tuple[Term, ...]:
    """Weighted terms of the object; words after its head phrase (in "to customers") weigh less."""
    terms: list[Term] = []
    actor_stems = {s for p in actor for s in p}
    money_end = _money_lead(obj)
    group = 0
    i = 0
    while i < len(obj):
        t = obj[i]
        scale = 1.0 if i < np_span[1] else 0.6
        if t.punct or t.stem in lx.STOPWORDS or t.stem in lx.DETERMINERS:
            i += 1
            continue
        if t.cap and t.text[0].isalpha() and t.low not in MONTHS and t.low not in WEEKDAYS:
            name: list[Token] = [t]
            j = i + 1
            while j < len(obj) and obj[j].cap and not obj[j].punct and obj[j].text[0].isalpha() \
                    and not obj[j].joined:
                name.append(obj[j])
                j += 1
            group += 1
            w = scale * W_NAME / len(name)
            if j < len(obj) and obj[j].number is not None and obj[j].text[0].isdigit():
                # a versioned name: "Gizmo 3", "Quire 5.0" is one term
                for n in name[:-1]:
                    terms.append(Term((n.stem,), w, True, n.text, group))
                terms.append(Term((name[-1].stem, obj[j].stem), w, True, f"{name[-1].text} {obj[j].text}", group))
                i = j + 1
                continue
            for n in name:
                weak = n.stem in actor_stems and n.stem in lx.NAME_SUFFIXES
                terms.append(Term((n.stem,), W_GENERIC if weak else w, True, n.text, group))
            i = j
            continue
        if t.number is not None:
            i += 1
            continue
        if t.stem in lx.QUALIFIERS:
            w = W_QUALIFIER
        elif t.stem in lx.GENERIC or len(t.stem) < 3 or i < money_end or t.low in PLURAL_SENSES:
            # a sum spent on the thing ("an initial 2 billion euros in a plant") is compared as an amount
            w = W_GENERIC
        else:
            w = W_WORD
        terms.append(Term((t.stem,), w * scale, False, t.text))
        i += 1
    seen: dict[tuple[str, ...], Term] = {}
    for term in terms:
        seen.setdefault(term.stems, term)
    return tuple(seen.values())


def _other_name(t: Token, known: set[str], actor: set[str]) -> bool:
    """A capitalised word that names something besides the promise's own words and its actor."""
    return t.cap and t.text[0].isalpha() and t.stem not in known and t.stem not in actor and t.low not in MONTHS \
        and t.low not in WEEKDAYS and t.stem not in lx.NAME_SUFFIXES


def _name_terms(toks: list[Token]) -> tuple[Term, ...]:
    return tuple({(t.stem,): Term((t.stem,), W_BONUS, True, t.text) for t in toks}.values())


def _bonus(quote: str, have: set[str], actor: set[str]) -> tuple[Term, ...]:
    """Names in the quote that the promise's own words lack (not the first word: a sentence's capital)."""
    toks = tokenize_cached(quote)
    return _name_terms([t for k, t in enumerate(toks) if k and not toks[k - 1].punct and _other_name(t, have, actor)])


def _context_names(title: str, quote: str, have: set[str], actor: set[str]) -> tuple[Term, ...]:
    """Names in the announcement's title that neither the promise nor its quote holds: the project the
    promise belongs to ("Velmar", "Quarrex"). In a title-case headline only rare words count as names.

    >>> [t.text for t in _context_names("Agency names its Velmar rover", "It will land in 2031.", set(), set())]
    ['Velmar']
    >>> [t.text for t in _context_names("Velo Shows Off Its Steel Quarrex Pickup", "", set(), {"velo"})]
    ['Quarrex']
    """
    if not title:
        return ()
    titled = is_title_case(title)
    seen = have | {t.stem for t in tokenize_cached(quote)}
    out = []
    for k, t in enumerate(tokenize_cached(title)):
        if not _other_name(t, seen, actor) or t.stem in lx.STOPWORDS:
            continue
        if (titled or k == 0) and is_common_word(t.text) and not any(c.isupper() for c in t.text[1:]):
            continue  # "Opens", "Store": capitals of a title-case headline or of its first word
        out.append(t)
    return _name_terms(out)


def _antecedent_names(lead_in: str, quote: str, have: set[str], actor: set[str]) -> tuple[Term, ...]:
    """Names in the sentence before the quote, for a promise whose object has no name of its own ("open the
    hub", "land astronauts on the Moon"): that sentence usually says what the thing is ("... the Velmar probe
    ..."). Countries and nationalities are where things happen, not what they are.

    >>> [t.text for t in _antecedent_names("Orvo unveiled the Velmar probe on Monday. ", "", set(), {"orvo"})]
    ['Velmar']
    """
    sentences = [s for s in split_sentences(lead_in) if s.text.strip()]
    if not sentences:
        return ()
    names = _context_names(sentences[-1].text, quote, have, actor)
    return tuple(t for t in names if not (government_of(t.text) or countries_of_adjective(t.text)))


def _whole_of(head: Token, obj: list[Token], span: tuple[int, int]) -> frozenset[str]:
    """The head of the whole a part belongs to ("the central section of the Quorrin line" -> line): news of
    the whole done reports the part done, and another part is told apart by its modifier."""
    whole = _whole_phrase(head, obj, span)
    if not whole:
        return frozenset()
    head_of_whole, _ = _head(whole)
    return frozenset() if head_of_whole is None or head_of_whole.stem in PART_NOUNS else frozenset({head_of_whole.stem})


def _whole_phrase(head: Token | None, obj: list[Token], span: tuple[int, int]) -> list[Token]:
    """The noun phrase of the whole after a part's "of" ("the first section of [the Quorrin line]"): its name
    is the promise's own name as much as a name before the part would be."""
    if head is None or head.stem not in PART_NOUNS or span[1] >= len(obj) or obj[span[1]].low != "of":
        return []
    rest = obj[span[1] + 1:]
    _, (a, b) = _head(rest)
    return rest[a:b]


def _head(obj: list[Token]) -> tuple[Token | None, tuple[int, int]]:
    """The head noun of the object's first noun phrase, and where that phrase lies in ``obj``."""
    np: list[Token] = []
    start = 0
    lead = _money_lead(obj)
    while lead + 1 < len(obj) and (obj[lead].low, obj[lead + 1].low) in _QUANT_LEADS:
        lead += 2  # "at least 5,000 tickets", "up to 40 trains"
    start = lead
    for k, t in enumerate(obj):
        if k < lead:
            continue
        if t.punct or (t.low in {"and", "or", "but"} and not t.joined):
            break
        if t.stem in PREPOSITIONS and not t.joined:
            break
        if t.low in {"a", "an", "per", "each", "every"} and np and k + 1 < len(obj) and obj[k + 1].stem in RATE_UNITS \
                and not t.joined:
            break  # "100,000 tests a day": a rate, not part of the thing ("a 5,000-barrel-a-day line" is a line)
        if t.low.endswith("ing") and _has_content(np) and k + 1 < len(obj) and obj[k + 1].stem in lx.DETERMINERS:
            break  # "phones running the new system": the phrase ends before its participle clause
        if t.number is not None and t.text[0].isdigit() and _has_content(np) and not np[-1].cap:
            break  # "cut food waste 30 percent": the phrase ends before the amount
        if t.low == "of":
            if not _has_content(np) or np[-1].stem in MEASURE_NOUNS | UNIT_NOUNS | VARIANT_NOUNS:
                np = []  # "any of its branches", "2 gigawatts of wind capacity", "a version of the phone"
                start = k + 1
                continue
            break
        np.append(t)
    span = (start, start + len(np))
    content = [t for t in np if t.stem not in lx.STOPWORDS and t.stem not in lx.DETERMINERS and t.number is None]
    if not content:
        return None, span
    head = content[-1]
    if head.stem in MEASURE_NOUNS | CONTAINER_NOUNS and len(content) > 1 and not content[-2].low.endswith("ing"):
        head = content[-2]  # "wind capacity" -> wind, "bike lane network" -> lane; an "operating system" is a system
    return head, span


RATE_UNITS = lx._stems("second minute hour day night week month quarter year")
_QUANT_LEADS = {("at", "least"), ("at", "most"), ("up", "to"), ("more", "than"), ("no", "fewer"),
                ("fewer", "than"), ("less", "than"), ("as", "many")}
UNIT_NOUNS = lx._stems("gigawatt gigawatts megawatt megawatts kilometre kilometres mile miles tonne tonnes "
                       "hectare hectares litre litres")


_PURPOSE = frozenset({"on", "in", "into", "for", "towards", "toward"})


def _money_lead(obj: list[Token]) -> int:
    """Where the thing paid for starts, when the object is a sum of money: "invest an initial 2 billion
    euros in a chip plant", "spend $40 million on new ferries", "put 1 billion pounds into charge points".

    News reports the plant, the ferries or the charge points; the sum is compared as an amount (see
    :func:`money_targets`), so the phrase after the purpose preposition is the object's head phrase.
    """
    for k, t in enumerate(obj[:8]):
        if t.cap or (k and t.stem in PREPOSITIONS and (obj[k - 1].low, t.low) not in _QUANT_LEADS):
            return 0  # a name or a phrase of its own comes first: "in Ostend, 2 billion euros" leads with no sum
        if t.stem not in CURRENCY and t.text not in ("$", "€", "£"):
            continue
        end = k + 1
        while end < len(obj) and (obj[end].stem in CURRENCY or obj[end].number is not None):
            end += 1
        if end + 1 < len(obj) and obj[end].low in _PURPOSE and not obj[end].joined:
            return end + 1
        return 0
    return 0


def _has_content(np: list[Token]) -> bool:
    return any(t.stem not in lx.STOPWORDS and t.stem not in lx.DETERMINERS and t.number is None
               and t.stem not in lx.GENERIC and t.stem not in UNIT_NOUNS for t in np)


UNIVERSAL = lx._stems("all every entire whole full")
_NOT_UNITS = lx._stems("new first more additional extra further all every")


def _targets(obj: list[Token]) -> tuple[Target, ...]:
    out: list[Target] = []
    for i, t in enumerate(obj):
        if t.number is None or t.ordinal is not None:
            continue
        if 1900 <= t.number <= 2100 and "," not in t.text:
            continue  # a year
        if i and obj[i - 1].cap and obj[i - 1].text[0].isalpha():
            continue  # a version: "Gizmo 3"
        if i and obj[i - 1].stem in BOUND_WORDS:
            continue  # "under 300 euros" is a limit, not an amount to reach
        if i + 1 < len(obj) and obj[i + 1].joined:
            continue  # "a 500-bed hospital", "3-nanometre chips": a measure of the thing, not an amount (or a
            # range's low end, "25,500-26,500", read with its top)
        value, after = scaled(t.number, [x for x in obj[i + 1:i + 7] if not x.punct])
        value = _range_floor(obj, i, value)
        if any(x.stem in CURRENCY for x in after[:2]):
            continue  # money: "11 billion dollars" is compared as a sum elsewhere, if at all
        if after and after[0].low in {"percent", "%", "per"}:
            out.append(Target(value, frozenset({"percent"}), True))
            continue
        words: list[str] = []
        for x in after:
            if (x.stem in PREPOSITIONS and not x.joined) or x.low == "of":
                break
            if x.stem not in lx.STOPWORDS and x.stem not in _NOT_UNITS and x.number is None:
                words.append(x.stem)
        words = [w for w in words if w not in lx.GENERIC] or words
        units = set(words)
        for w in words:
            units |= NOUN_SYNONYMS.get(w, frozenset())
        if units:
            out.append(Target(value, frozenset(units), False))
    return tuple(out)


def _range_floor(obj: list[Token], i: int, value: float) -> float:
    """The top of a range ("10 to 12 million", "10 million to 12 million", "25,500-26,500") met at its low end:
    of the fair readings of a range, the one generous to the promiser."""
    if i >= 1 and obj[i].joined and obj[i - 1].number is not None and obj[i - 1].ordinal is None:
        return min(value, value * obj[i - 1].number / obj[i].number)  # "25,500-26,500 vans": a range by hyphen
    if i < 2 or obj[i - 1].low not in {"to", "and", "or"} or obj[i].number is None:
        return value
    k = i - 2
    own_scale = obj[k].number is None and obj[k].low in SCALES
    if own_scale:
        k -= 1
    if k < 0 or obj[k].number is None or obj[k].ordinal is not None:
        return value
    low = scaled(obj[k].number, [obj[k + 1]])[0] if own_scale else value * obj[k].number / obj[i].number
    return min(value, low)


_ACT_SUFFIXES = ("tion", "tions", "sion", "sions", "ment", "ments", "ance", "ances", "ence", "ences", "ing", "ings",
                 "al", "als", "ure", "ures")


def is_act_noun(t: Token) -> bool:
    """A noun of action or arrangement by its derivation ("reservations", "approval", "opening"),
    or a step word ("pre-orders", "beta"): the product's name alone does not stand for it.

    >>> [is_act_noun(t) for t in tokenize("reservations phone approval drill beta")]
    [True, False, True, False, True]
    """
    return t.low.endswith(_ACT_SUFFIXES) or t.stem in lx.PROGRESS_WORDS or t.stem in lx.QUALIFIERS


LOCATIVE = frozenset({"in", "to", "across", "at", "throughout", "between", "from", "into"})


def _places(obj: list[Token]) -> tuple[tuple[str, ...], ...]:
    """Capitalised names governed by a locative preposition: "in Lisbon and Porto" -> (lisbon,), (porto,).

    A report of the same act somewhere else ("opens in Madrid") is another
    promise's news, or none: it may still go to review, never decide alone.
    """
    out: list[tuple[str, ...]] = []
    governed = False
    run: list[str] = []
    for t in [*obj, None]:
        name = t is not None and t.cap and not t.punct and t.text[0].isalpha() and t.low not in MONTHS \
            and t.low not in WEEKDAYS
        if name and governed:
            run.append(t.stem)
            continue
        if run:
            out.append(tuple(run))
            run = []
        if t is None:
            break
        if t.low in LOCATIVE:
            governed = True
        elif t.low not in {"the", "and", "or", ","}:
            governed = False  # "in the north": no name follows
    return tuple(out)


MONEY = re.compile(r"[$\u20ac\u00a3]\s?(\d[\d,]*(?:\.\d+)?)(?:\s?(million|billion|bn|m|k)\b)?", re.I)
MONEY_UNIT = "\u00a4"  # the unit of an amount of money, whatever the currency sign


def money_amounts(text: str) -> list[tuple[float, int]]:
    """Amounts of money in ``text`` with where each ends: "$15" -> 15.0; "$3.5 billion" -> 3.5e9.

    >>> [v for v, _ in money_amounts("to $15 an hour, from \u00a39.50; a $3.5 billion plant")]
    [15.0, 9.5, 3500000000.0]
    """
    out = []
    for m in MONEY.finditer(text):
        value = float(m.group(1).replace(",", ""))
        scale = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3}.get((m.group(2) or "").lower(), 1)
        out.append((value * scale, m.end()))
    return out


# An amount after these words is the price of what is offered or bought ("available for $159", "priced at $399",
# "from $4,999") or where a change starts ("cut fares from $3"): a term of the act, not a sum to reach. A level
# set or kept ("set at $7.20 an hour") is the target itself.
_PRICE_BEFORE = re.compile(r"\b(?:for|at|from|costing|priced|price\s+of)\s+(?:(?:about|around|roughly|just|only|under|"
                           r"some|nearly)\s+)?$", re.I)
_SUM_VERBS = re.compile(r"(?:buy\s+back|repurchase|invest|spend|raise|pledge|donate|give|provide|pay)\b", re.I)
_LEVEL_SET = re.compile(r"\b(?:set|fix|fixed|cap|capped|keep|kept|hold|held|freeze|frozen|peg|pegged|remain|stay)\b", re.I)


def money_targets(what: str) -> tuple[Target, ...]:
    """A sum to reach: "raise the minimum wage to $15", "invest \u20ac2 billion"; never a price.

    >>> [t.value for t in money_targets("make the earbuds available for $159 and cut fares from $3 to $2")]
    [2.0]
    >>> [t.value for t in money_targets("set the minimum wage at $7.20 an hour")]
    [7.2]
    >>> [t.value for t in money_targets("buy back shares for $10")], money_targets("keep it open and sell it at $9")
    ([10.0], ())
    """
    def price(m: re.Match[str]) -> bool:
        before = _PRICE_BEFORE.search(what[:m.start()])
        if before is None:
            return False
        lead = what[:before.start()]
        if before.group(0).lower().startswith("at"):  # "set the wage at $7.20": the level itself
            return not _LEVEL_SET.search(" ".join(lead.split()[-4:]))
        return not (before.group(0).lower().startswith("for") and _SUM_VERBS.match(what))

    sums = [m for m in MONEY.finditer(what) if not price(m)]
    return tuple(Target(v, frozenset({MONEY_UNIT}), False) for v, _ in money_amounts(sums[0].group(0))) if sums else ()


def _forbidden_terms(text: str) -> frozenset[str]:
    """What must not appear for a promise of absence: "without paid loot boxes" -> paid, loot, box."""
    m = _CONSTRAINT.search(text)
    if not m:
        return frozenset()
    if m.group(0).lower().startswith("without"):
        rest = tokenize(text[m.end():])
        words = []
        for t in rest:
            if t.punct or t.stem in PREPOSITIONS:
                break
            if t.stem not in lx.STOPWORDS and t.stem not in lx.DETERMINERS:
                words.append(t.stem)
        return frozenset(words)
    return COST_TERMS
