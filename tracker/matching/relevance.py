"""Is an item about *this* promise? Object coverage, the actor, and who does what to what.

These checks keep the matcher from crediting a promise with news about a
neighbour: another product of the same actor ("Gizmo 4" for "Gizmo 3"),
another actor doing the same kind of thing (a subject that names someone
else), a verb whose object is something else ("opens the data archive" is not
"launches the orbiter"), or a cancellation aimed at another plan.
"""

from __future__ import annotations

import itertools
import re
from os.path import commonprefix
from typing import Protocol

from tracker.extract.actors import ORG_NOUNS, initials
from tracker.language.governments import countries_of_adjective, governments_named, main_country
from tracker.language.words import zipf
from tracker.matching import lexicon as lx
from tracker.matching.profile import IN_SERVICE, PART_NOUNS, PREPOSITIONS, Profile, Term
from tracker.matching.reading import ARRIVAL_VERBS, SELL, Event, ItemReading, Sentence, dateline_end
from tracker.matching.text import MONTHS, SCALES, WEEKDAYS, Token, stem, tokenize_cached


class Pair(Protocol):
    """One commitment and one item being compared (the scorer's context)."""

    p: Profile
    r: ItemReading


def coverage(p: Profile, toks: list[Token], stems: frozenset[str]) -> tuple[float, list[str]]:
    """Weighted share of the promise's object terms present (names from the quote count as a bonus).

    The name the promise gives its thing in brackets ("spin off the cereal business (Pelt Co)") stands for the
    whole object: news that names it names the thing."""
    if _alias_named(p, stems):
        named = [t.text for t in p.terms if term_present(t, toks, stems)]
        return 1.0, named + ["(" + " ".join(sorted(p.alias_terms)) + ")"]
    got = 0.0
    found: list[str] = []
    missing: dict[int, list[Term]] = {}
    acted: bool | None = None  # (asked only when a head term is missing: it reads every word)
    for term in p.terms:
        present = term_present(term, toks, stems)
        if not present and len(term.stems) == 1 and term.stems[0] in p.head:
            acted = act_head_done(p, stems) if acted is None else acted
            present = acted
        if present:
            got += term.weight
            found.append(term.text)
        elif term in p.required:
            missing.setdefault(term.group, []).append(term)
    for group, absent in missing.items():
        # "Harwick" for the "Ada Harwick Deep Space Telescope": a long name cited by its distinctive word names it
        # (only where the short form is what names it, and never for the name's head: "Digital Identity" is not
        # the "Digital Identity Bill")
        terms = [t for t in p.required if t.group == group]
        present = sum(t.weight for t in terms if t not in absent)
        if present and present < 0.6 * sum(t.weight for t in terms) and _short_form(p, terms, toks, stems) \
                and all(zipf(t.text) < _DISTINCTIVE_ZIPF for t in terms if t not in absent):
            got += sum(t.weight for t in absent if t.stems[0] != p.head_stem)
    own = got
    for term in p.bonus:
        if term.stems[0] in stems:
            got += term.weight
            found.append(term.text)
    if not own and got and any(t.weight >= 0.5 for t in p.terms):
        # the quote's names alone: a quote may hold two promises ("the zone will begin in central London in
        # 2019 and expand to the ring road in 2021"), and its names are then the other one's
        got = min(got, 0.5 * p.total_weight)
    return min(1.0, got / p.total_weight), found


def act_head_done(p: Profile, stems: frozenset[str]) -> bool:
    """The promise's head names an act ("begin deliveries of the Lumo R1") and the verb it derives from is here
    ("delivers the first Lumo R1"): the verb names the head as much as the noun would. Only the same word's
    verb: "gave no date" is no delivery, and "building cars" no construction."""
    heads = [(h, acts) for h in p.head if (acts := lx.noun_classes({h}))]
    return bool(heads) and any(x != h and x[:3] == h[:3] and len(commonprefix((x, h))) >= min(5, len(x))
                               and lx.verb_classes(x) & acts for h, acts in heads for x in stems)


def term_present(term: Term, toks: list[Token], stems: frozenset[str]) -> bool:
    if len(term.stems) == 1:
        return term.stems[0] in stems or bool(term.alternatives() & stems) or _spelt_out(term, toks)
    first, second = term.stems
    return any(a.stem == first and b.stem == second for a, b in zip(toks, toks[1:]))


def _spelt_out(term: Term, toks: list[Token]) -> bool:
    """An abbreviation written out in full: "the Ultra Low Emission Zone" for the promise's "ULEZ"."""
    if not (term.proper and term.text.isupper() and 2 <= len(term.text) <= 6):
        return False
    for k, t in enumerate(toks):
        if t.cap and t.text[:1] == term.text[0]:
            run = _name_run(toks[k:k + 8])
            if len(run) >= 2 and initials(" ".join(run)) == term.text:
                return True
    return False


def _name_run(toks: list[Token]) -> list[str]:
    """The capitalised words opening ``toks``, with the small words a name may hold ("Bank of England")."""
    run = []
    for t in toks:
        if t.punct or not (t.cap or t.low in ("of", "and", "for", "the")):
            break
        run.append(t.text)
    return run


def _alias_named(p: Profile, stems: frozenset[str]) -> bool:
    """The bracketed name of the promise's thing ("(Pelt Co)") is there in full."""
    return bool(p.alias_terms) and len(p.alias_terms) <= 4 and p.alias_terms <= stems


def required_present(p: Profile, toks: list[Token]) -> bool:
    """Each name inside the object's head phrase is (at least half) there, or the thing's bracketed name."""
    stems = frozenset(t.stem for t in toks)
    if _alias_named(p, stems):
        return True
    groups: dict[int, list[Term]] = {}
    for term in p.required:
        groups.setdefault(term.group, []).append(term)
    for terms in groups.values():
        total = sum(t.weight for t in terms)
        got = sum(t.weight for t in terms if term_present(t, toks, stems))
        if got == 0:
            return False
        if got < 0.6 * total - 1e-9 and not _short_form(p, terms, toks, stems):
            return False
    return True


def _short_form(p: Profile, terms: list[Term], toks: list[Token], stems: frozenset[str]) -> bool:
    """A long name cited by its distinctive word: "the Harwick telescope" for the "Ada Harwick
    Deep Space Telescope". Only names of three words or more, never by the name's head
    ("Bill" of "the Clean Air Bill"), and never a versioned one ("Gizmo 3" is cited whole)."""
    if len(terms) < 3 or any(len(t.stems) > 1 for t in terms):
        return False
    return any(term_present(t, toks, stems) and t.stems[0] not in lx.GENERIC and t.stems[0] not in lx.NAME_SUFFIXES
               and t.stems[0] not in _PLAIN_NAME_WORDS and t.stems[0] != p.head_stem for t in terms)


# a word of a name rarer than this in English can stand for the whole name ("Webb", not "Digital")
_DISTINCTIVE_ZIPF = 4.5
# words common in names that identify nothing alone: "the Space", "the Telescope"
_PLAIN_NAME_WORDS = lx._stems("space telescope national international new north south east west central line "
                              "station bridge park centre center tower mission project programme program")


def actor_strength(p: Profile, s: Sentence) -> float:
    stems = [t.stem for t in s.toks]
    for phrase in p.actor_phrases:
        if _contains(stems, phrase):
            return 1.0
    best = 0.0
    for key, strength in p.actor_keys:
        for i in range(len(s.toks) - len(key) + 1):
            if tuple(stems[i:i + len(key)]) == key and s.toks[i].cap \
                    and all(t.cap or t.stem in lx.STOPWORDS for t in s.toks[i:i + len(key)]):
                best = max(best, strength)
    if not best and p.government and (s.stems & _OFFICES or _body_named(s.toks)) \
            and main_country(s.text) in (None, p.government):
        best = 0.6  # "the government drops ...", "the prime minister said ...": about no other country
    return best


# Words for a national government and its office-holders ("Housing Minister Jo Bloggs").
_OFFICES = lx._stems("government minister ministers premier chancellor president cabinet secretary")


def office_holder(ctx: Pair, name: Token) -> bool:
    """Is ``name`` one of the actor-government's office-holders in this item ("Prime Minister Jo
    Bloggs", "Bloggs, the prime minister")? Then "Bloggs scraps the line" is the government's act."""
    if not ctx.p.government:
        return False
    for s in ctx.r.sents:
        for k, t in enumerate(s.toks):
            if t.text != name.text:
                continue
            near = {x.stem for x in s.toks[max(0, k - 4):k + 5]}
            if near & _OFFICES and main_country(s.text) in (None, ctx.p.government):
                return True
    return False


def _contains(stems: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(stems[i:i + n]) == phrase for i in range(len(stems) - n + 1))


def conflicts(p: Profile, r: ItemReading) -> str | None:
    """Words that make the item about another thing: "uncrewed" vs "crewed", "Gizmo 4" vs "Gizmo 3"."""
    what = {s for t in p.terms for s in t.stems}
    for s in r.stems:
        if len(s) < 3 or s in lx.STOPWORDS:
            continue  # "it" is no negation of a "unit"
        if s.startswith("un") and len(s) > 4 and s[2:] in what and s not in what:
            return f"'{s}' against '{s[2:]}'"
        if "un" + s in what and s not in what:
            return f"'{s}' against 'un{s}'"
    for term in p.terms:
        if len(term.stems) == 2 and term.proper:
            name, version = term.stems
            seen = [b.text for sent in r.sents for a, b in zip(sent.toks, sent.toks[1:])
                    if a.stem == name and b.number is not None]
            if seen and version not in {v.lower() for v in seen}:
                return f"{term.text} against {seen[0]}"
    other = _other_ordinal(p, r) or other_model(p, r.sents)
    if other:
        return other
    if p.qualifiers and not p.qualifiers & r.stems:
        return f"the promise is about a {'/'.join(sorted(p.qualifiers))}; the item is not"
    return None


def _designator(t: Token) -> bool:
    """A model's designator after its name: a number ("Gizmo 3") or one or two capitals ("Gizmo X")."""
    return t.number is not None or (not t.punct and t.text.isupper() and len(t.text) <= 2)


def other_model(p: Profile, sents: list[Sentence] | tuple[Sentence, ...], upto: int = -1,
                act: list[Token] | None = None) -> str | None:
    """"Gizmo 8 reaches stores" is not about "Gizmo X": the promise's name with another designator in
    ``sents`` (an item, or the one sentence that decides), and not the promised one. With ``upto``, the
    one sentence's subject is read as well: "Gizmo 8 went on sale, as buyers wait for the Gizmo X" names
    the promised model only after the act, which is the other one's; with ``act``, the act's own words
    ("launched the Gizmo 2 last year and plans the Gizmo 3": the act was the Gizmo 2's)."""
    seqs = [sent.toks for sent in sents]
    if upto > 0 and len(sents) == 1:
        return _other_model_in(p, seqs) or _other_model_in(p, [sents[0].toks[:upto]]) \
            or (_other_model_in(p, [tuple(act)]) if act else None)
    return _other_model_in(p, seqs)


def _other_model_in(p: Profile, seqs: list[tuple[Token, ...]]) -> str | None:
    """:func:`other_model` over token sequences (sentences, or a sentence's words before its verb)."""
    words = [t for t in tokenize_cached(p.object_text) if not t.punct]
    mine = {(a.stem, b.low) for a, b in zip(words, words[1:])
            if any(ch.isupper() for ch in a.text) and not _designator(a) and _designator(b)}
    if not mine:
        return None
    pairs = {(a.stem, b.low): (a, b) for toks in seqs for a, b in zip(toks, toks[1:]) if _designator(b)}
    own = {t.low for t in words}
    for toks in seqs:  # "Gizmo 3 Lite" for "Gizmo 3": a variant of the promised model is another model
        for a, b, c in zip(toks, toks[1:], toks[2:]):
            if (a.stem, b.low) in mine and c.low in _VARIANTS and c.low not in own:
                return f"'{a.text} {b.text} {c.text}' against the promised model"
    if mine & set(pairs):
        return None  # "Gizmo X and Gizmo S are available": the promised model is among them
    names = {a for a, _ in mine}
    other = next(((a, b) for (name, _), (a, b) in pairs.items() if name in names), None)
    return None if other is None else f"'{other[0].text} {other[1].text}' against the promised model"


# Words naming a variant of a model after its designator ("Gizmo 3 Pro", "Gizmo 3 Lite")
_VARIANTS = frozenset("lite pro max mini plus ultra air xl se fe neo".split())
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _other_ordinal(p: Profile, r: ItemReading) -> str | None:
    """"its second store" is not "its first store": another ordinal right before the promise's head."""
    words = [t for t in tokenize_cached(p.object_text) if not t.punct]
    mine = {t.low for t in words if t.low in ORDINALS}
    if not mine and _one_of_a_kind(p, words):
        mine, counted = {"first"}, {p.head_stem, *p.head}  # "the store" is the first one: "its second store" is another
    elif len(mine) != 1:
        return None
    else:
        k = next(i for i, t in enumerate(words) if t.low in mine)
        # what the ordinal counts: the head, or the words right after it ("second Arizona fab")
        counted = set(p.head) | {t.stem for t in words[k + 1:k + 4] if t.stem not in lx.STOPWORDS} - lx.GENERIC
    for s in r.sents:
        for k, t in enumerate(s.toks):
            if t.low in ORDINALS and t.low not in mine and any(x.stem in counted for x in s.toks[k + 1:k + 4]):
                return f"'{t.text}' against '{next(iter(mine))}'"
    return None


_ONE = frozenset({"the", "a", "an", "its", "their", "our", "his", "her", "my"})


def _one_of_a_kind(p: Profile, words: list[Token]) -> bool:
    """The promise is about one thing named by a singular common noun after "the"/"a"/"its" and no
    count ("open the store", "launch a satellite"): a second or third one is not it."""
    if p.head_stem is None or p.has_first:
        return False
    at = next((k for k, t in enumerate(words) if t.stem == p.head_stem), None)
    if at is None or words[at].text[:1].isupper():
        return False
    low = words[at].low
    before = words[max(0, at - 4):at]
    return ((not low.endswith("s") or low.endswith("ss")) and any(t.low in _ONE for t in before)
            and not any(t.number is not None and t.number != 1 for t in before[-1:]))


def qualifier(p: Profile, s: Sentence) -> str | None:
    """A beta/demo/test of the thing is progress towards it, not the thing."""
    extra = ((s.stems | s.compounds) & lx.QUALIFIERS) - p.qualifiers
    return sorted(extra)[0] if extra else None


_RECEIVING = frozenset({stem("receive"), stem("receives"), stem("received")})


def _receives_ours(p: Profile, s: Sentence, pos: int) -> bool:
    """The verb at ``pos`` receives ("takes delivery of", "receives") the promise's own named thing, for a promise
    to deliver it: its subject is the buyer, not someone else doing the act."""
    t = s.toks[pos]
    nxt = s.toks[pos + 1].low if pos + 1 < len(s.toks) else ""
    if not (t.stem in _RECEIVING or (t.low in ("takes", "took", "take", "taking") and nxt == "delivery")) \
            or not {"ship", "deliver"} & (p.action_classes | lx.noun_classes(p.head)):
        return False
    after = s.toks[pos + 1:pos + 9]
    stems = frozenset(x.stem for x in after)
    return any(term_present(term, list(after), stems) for term in p.terms if term.proper)


def foreign_subject(ctx: Pair, s: Sentence, pos: int) -> str | None:
    """A name that is neither the actor's nor the object's, as the subject of the verb at ``pos``."""
    if s.title_case:
        return None
    p = ctx.p
    if _receives_ours(p, s, pos):
        return None  # "Dellan Air takes delivery of the first V9": the buyer receives what the actor delivers
    start = 0
    for k in range(pos - 1, -1, -1):
        t = s.toks[k]
        if t.punct and t.text in ";:" or (t.low in {"that", "which", "who"} and not (k and s.toks[k - 1].text == ",")):
            start = k + 1
            break
    span = _past_contrast(_drop_asides(list(s.toks[start:pos])))
    related = _related_by_name(p, span)
    if related is not None:
        return related  # "Vantor's rival Orvo opened ...": the one related to the actor acts
    if any(t.stem in _names(p) for t in span):
        return None
    if _anaphor(span) and not s.is_title:
        return _headline_subject(ctx)  # "The carrier completed ...": whoever the headline named
    if _own_government_body(p, span, s):
        return None  # "the Home Office says the target was met": a part of the promising government
    overseer = next((t for t in span if t.stem in _OVERSEERS), None)
    if overseer is not None and not any(t.stem in p.actor_stems for t in span):
        return overseer.text  # "the court struck down the plan", "lawmakers repealed it": another body acts
    in_place = False
    spelt = 0
    lead = dateline_end(s.toks)
    for k, t in enumerate(span):
        # "tolling in the Central Business District began", "the pipeline across Minnesota": where, not who
        nxt = span[k + 1] if k + 1 < len(span) else None
        in_place = t.low in _WHERE or (in_place and (t.cap or t.low == "the" or  # "in England and Wales"
                                                     (t.low == "and" and nxt is not None and nxt.cap)))
        if in_place or not t.cap or t.punct or not t.text[0].isalpha() or t.low in MONTHS or t.low in WEEKDAYS \
                or t.low in _OWN_WORDS:  # "Post by the chief executive: Our engineers built ..."
            continue
        if k < spelt:
            continue
        if start + k < lead or _initials_of_ours(p, t.text):
            continue  # "LONDON, Sept 20 (Wire) -", or "ANA" for the promise's "All Nippon Airways"
        spelt = k + _spelt_out_ours(p, span[k:])
        if spelt > k:
            continue  # and back: "the Ultra Low Emission Zone" for the promise's "ULEZ"
        if start + k == 0 and not _capitalised_elsewhere(ctx.r, t) and not (t.text.isupper() and len(t.text) > 1):
            if nxt is None or not nxt.cap or nxt.punct:
                continue  # "Standard fares ...": a capital only because the sentence starts there ("EU opens": a name)
        if (t.stem not in p.vocab or t.stem in p.rivals) and not office_holder(ctx, t) \
                and not attributive(ctx, s, t, pos):
            return t.text
    return None


def attributive(ctx: Pair, s: Sentence, t: Token, pos: int) -> bool:
    """Is the name ``t`` a place that only modifies the thing that is the subject: "the Dellan car factory
    will not go ahead" (nobody acting), unlike "the Dellan council" or "Dellan will not"? A place is a
    country, or a name the item puts after "in", "at" or "near"; any other name may be an owner ("the Orvo
    depot")."""
    k = next((i for i, x in enumerate(s.toks) if x is t), -1)
    if k < 1 or s.toks[k - 1].low not in ("the", "its", "their"):
        return False
    words = [x for x in s.toks[k + 1:pos] if not x.punct and x.low not in _AUXILIARIES]
    if not words or any(x.cap or x.number is not None for x in words) or words[-1].low in ORG_NOUNS \
            or words[-1].stem in ORG_NOUNS:
        return False
    return bool(governments_named([t.text])) or any(
        x.stem == t.stem and sent.toks[j - 1].low in ("in", "at", "near")
        for sent in ctx.r.sents for j, x in enumerate(sent.toks) if j)


_AUXILIARIES = frozenset("will would shall should has have had is are was were be been not n't".split())


# A department of a government by its kind of name: "the Home Office", "the Transport Ministry", "the Treasury"
_BODIES = lx._stems("ministry department office treasury")


def _own_government_body(p: Profile, span: list[Token], s: Sentence) -> bool:
    """Is the subject a department of the promising national government (capitalised, a body's kind of name,
    and no other country named in the sentence)?"""
    return bool(p.government) and _body_named(span) and main_country(s.text) in (None, p.government)


def _body_named(toks: list[Token] | tuple[Token, ...]) -> bool:
    return any(t.cap and t.stem in _BODIES for t in toks)


_WHERE = frozenset({"in", "across", "throughout"})
_OWN_WORDS = frozenset({"our", "we", "my", "i", "us"})  # the writer's own side, capitalised after a colon


def _initials_of_ours(p: Profile, word: str) -> bool:
    """Is ``word`` an abbreviation of a run of capitalised words in the promise ("ANA" for "All Nippon Airways")?"""
    if not (word.isupper() and 2 <= len(word) <= 6):
        return False
    names = re.findall(r"[A-Z][\w-]*(?:\s+(?:of|and|for|the|[A-Z][\w-]*))+", f"{p.doc.what} {p.doc.quote or ''}")
    return any(initials(n) == word for n in names)


def _spelt_out_ours(p: Profile, toks: list[Token]) -> int:
    """How many words from here spell out an abbreviation of the promise ("Ultra Low Emission Zone" for its
    "ULEZ"), or 0."""
    run = _name_run(toks)
    if len(run) < 2:
        return 0
    ours = {w for w in re.findall(r"\b[A-Z]{2,6}\b", f"{p.doc.what} {p.doc.quote or ''}")}
    return len(run) if initials(" ".join(run)) in ours else 0


def overseer(word: str | None) -> bool:
    """Is ``word`` a body that rules on or undoes other people's plans (a court, a regulator, lawmakers)?"""
    return word is not None and stem(word.lower()) in _OVERSEERS


# Bodies that rule on, block or undo other people's plans: as a subject, never the actor's own act
_OVERSEERS = lx._stems("court courts judge judges tribunal regulator regulators watchdog parliament lawmakers "
                       "legislature legislators senate congress voters referendum")
# Nouns a report uses to refer back to the organisation its headline named ("the carrier").
REFERRING = lx._stems("it they company firm group carrier operator maker automaker carmaker manufacturer "
                      "chipmaker airline retailer developer insurer lender bank giant startup start-up")


def _anaphor(span: list[Token]) -> bool:
    """The subject is only a word referring back: "It", "The company", "The carrier"."""
    words = [t for t in span if not t.punct and t.stem not in lx.DETERMINERS]
    return len(words) == 1 and words[0].stem in REFERRING


def _headline_subject(ctx: Pair) -> str | None:
    """The foreign name acting in the item's headline, if any ("Rival Co turns off its network")."""
    title = next((s for s in ctx.r.sents if s.is_title), None)
    if title is None or not title.events:
        return None
    return foreign_subject(ctx, title, title.events[0].pos)


def _drop_asides(toks: list[Token]) -> list[Token]:
    """Without ", which ... ," and appositive ", a rival of Z," asides: the subject of "X, which serves Y
    stations, will raise" is X, and of "X, a rival of Z, opened" X (Z named in passing acts in nothing)."""
    out: list[Token] = []
    skipping = False
    for k, t in enumerate(toks):
        if not skipping and t.text == "," and k + 1 < len(toks) and (
                toks[k + 1].low in {"which", "who", "where"}
                or (toks[k + 1].low in {"a", "an", "the", "not"} and any(x.text == "," for x in toks[k + 2:]))):
            skipping = True
            continue
        if skipping:
            if t.text == ",":
                skipping = False
            continue
        out.append(t)
    return out


# A fronted phrase of contrast or comparison names someone who does not act: "Unlike Vantor, Orvo opened ..."
_CONTRASTS = frozenset({"unlike", "like", "besides", "alongside", "after", "before", "following", "despite"})
# Nouns that name another organisation by its tie to the actor: "Vantor's rival Orvo", "Vantor supplier Orvo"
_RELATIONS = lx._stems("rival rivals competitor competitors peer challenger partner partners supplier suppliers "
                       "customer customers client clients neighbour neighbor")


def _past_contrast(span: list[Token]) -> list[Token]:
    """The subject after a fronted "Unlike X," or "Like X,": X is compared, not the one acting."""
    if span and span[0].low in _CONTRASTS:
        comma = next((k for k, t in enumerate(span) if t.text == ","), None)
        if comma is not None:
            return span[comma + 1:]
    return span


def _related_by_name(p: Profile, span: list[Token]) -> str | None:
    """The name after a relation noun that follows the actor ("Vantor's rival Orvo Cabs", "Vantor supplier Orvo")."""
    for k, t in enumerate(span[:-1]):
        if t.stem in _RELATIONS and k and (span[k - 1].stem in p.actor_stems or span[k - 1].low in ("'s", "\u2019s")
                                           or span[k - 1].low.endswith(("'", "\u2019"))):
            nxt = span[k + 1]
            if nxt.cap and not nxt.punct and nxt.stem not in p.actor_stems:
                return nxt.text
    return None


def _names(p: Profile) -> frozenset[str]:
    """Stems that identify this promise: the actor's names and the object's names."""
    names = p.actor_stems | {x for t in (*p.terms, *p.bonus) if t.proper for x in t.stems if x not in p.rivals}
    return frozenset(x for x in names if not x[:1].isdigit() and x not in lx.NAME_SUFFIXES
                     and x not in lx.STOPWORDS and x not in lx.PLACE_PREFIX)


def _capitalised_elsewhere(r: ItemReading, tok: Token) -> bool:
    """Is ``tok`` written with a capital where no sentence starts, or does it start two sentences and never
    appear in lower case ("Samsung begins ..." over "Samsung said ...": a name in both)?"""
    if any(t.stem == tok.stem and t.cap for s in r.sents for k, t in enumerate(s.toks) if k > 0):
        return True
    starts = sum(1 for s in r.sents if s.toks and s.toks[0].stem == tok.stem and s.toks[0].cap)
    return starts >= 2 and not any(t.stem == tok.stem and not t.cap for s in r.sents for t in s.toks)


def _subject_core(s: Sentence, pos: int) -> list[Token]:
    """The subject before ``pos`` up to its first preposition, its head last ("recall letters for the phone":
    recall letters; "the phone finally reaches": the phone)."""
    words = [t for t in s.toks[_clause_begin(s, pos):pos] if not t.punct and not t.low.endswith("ly")
             and t.low not in _TIME_WORDS]
    cut = next((k for k, t in enumerate(words) if t.stem in PREPOSITIONS or t.low == "of"), len(words))
    return words[:cut]


def event_target_ok(ctx: Pair, s: Sentence, ev: Event) -> bool:
    """Does the verb act on the promise's object (its head noun, or its name and nothing else)?"""
    p = ctx.p
    ours = {t.stems[0] for t in p.terms if t.weight >= 0.5 and len(t.stems) == 1}
    ours |= set(p.head) | set(p.inchoative) | {x for x in _names(p) if not _versioned_part(p, x)}

    def names_ours(window: list[Token]) -> bool:
        stems = frozenset(t.stem for t in window)
        return bool(stems & ours) or _alias_named(p, stems) or any(
            term_present(t, _window_tokens(s, window), stems)
            for t in p.terms if len(t.stems) == 2 or _spelt_out(t, window))

    # "enters production", "began mass production of the chips": what began is the act, not the object
    # unless it is the promised act; a use begun ("began commercial operation") is the act, its subject the thing
    # (the act begun is ours in any of its forms: "starts delivering" for "begin deliveries")
    begun_ours = ev.complement & (p.inchoative | p.head) or (
        lx.act_classes(ev.complement) & lx.act_classes(frozenset(p.inchoative | p.head))) - {"start"}
    strip = ev.inchoative and (not begun_ours or bool(ev.complement & IN_SERVICE))
    obj = [t for t in object_window(s, ev) if not (strip and t.stem in ev.complement)]
    if obj and all(t.stem in _NO_THING_OBJECTS for t in obj):
        obj = []  # "the plant closes its doors", "the probe enters orbit": the subject is what closed or flew
    if not ev.inchoative and _another_head(p, list(s.toks[ev.pos + len(ev.text.split()):])):
        return False  # "opens depot office", "opened the depot's canteen": our thing only names another one
    if ev.canon == "*" and obj and all(lx.noun_classes({t.stem}) & p.action_classes for t in obj):
        obj = []  # "Pelt Co completes its separation": the promised act itself completed; the subject is the thing
    if s.toks[ev.pos].stem in ARRIVAL_VERBS and ev.canon == SELL:
        # "the phone reaches US buyers": the buyers are where it went, what arrived is the subject ("reaches net
        # zero" keeps its object: the target reached); the subject's head must be the thing ("recall letters for
        # the phone reached owners", "its price cut reaches customers": something else arrived)
        core = _subject_core(s, ev.pos)
        head = next((t for t in reversed(core) if t.number is None), None)  # "iPhone 8": a model number follows
        if head is None or not (head.stem in ours or head.stem in p.head or (head.cap and names_ours(core))):
            return False
        obj = []
    if ev.canon == "*" and " " in ev.text and ev.text.split()[0].lower() not in _TRANSITIVE_DONE:
        obj = []  # "is available now to customers in Harbury", "went live in May": a state reached has no object
    # "the Games open a year late": with no object after the verb (only time words), the subject is what acted
    window = obj if [t for t in obj if (t.stem in ours or t.stem not in lx.GENERIC) and t.low not in _TIME_WORDS
                     and not t.low.endswith("ly")] else subject_window(s, ev.pos)
    if window is not obj and not window:
        window = _relative_antecedent(s, ev.pos)  # "its Orvo service, which is available now": the service
    if window is not obj and not names_ours(window):
        window = _clause_subject(s, ev.pos)  # "Acme's Zephyr 8 and 8 Plus went on sale": past the "and"
    if not names_ours(window):
        return False
    stems = frozenset(t.stem for t in window)
    window_all = _window_tokens(s, window)
    if (p.head and stems & (p.head | p.inchoative)) or _alias_named(p, stems) \
            or (ev.inchoative and act_head_done(p, stems)):  # "starts delivering" the promised "deliveries"
        return True  # the thing, or the act begun ("began construction" of "begin construction of the plant")
    if not p.head and not p.required:
        # the thing named by the promise's words alone, with no other thing beside them: "separates the Orvo
        # pension scheme", "the separation of its Orvo unit's pension scheme" is no spin-off of the Orvo unit
        return not _foreign_words(p, window)
    # the names that must be there: the required ones, else any proper name of the object ("the V9")
    named = p.required or tuple(t for t in p.terms if t.proper)
    if not any(term_present(t, window_all, stems) for t in named):
        # "Gizmo Pro 7 and Book 3 reach stores": the second of two things the promise names, its name cut short
        whole = _clause_subject(s, ev.pos) if window is not obj else []
        whole_all = _window_tokens(s, whole)
        if not any(term_present(t, whole_all, frozenset(x.stem for x in whole)) for t in named):
            return False
        window, stems = whole, frozenset(x.stem for x in whole)
    if ev.classes & lx.noun_classes(p.head):
        return True  # "delivers the first Zephyr vans" for "begin Zephyr deliveries": the verb is the head
    if ev.canon == "*" and _another_act_done(p, window):
        return False  # "completes its purchase of Orvo" is a deal done, not "offer Orvo games"
    foreign = _foreign_words(p, window)
    if len(foreign) == 1 and ev.classes & p.action_classes and _kind_after_name(p, window, foreign[0]):
        # "the first Zephyr 5 phones were delivered" for "deliver the Zephyr 5": the named thing's kind; only
        # with the promised act itself ("Orvo probe lifts off" is no arrival of Orvo)
        return True
    return not foreign  # "Quire long-term support policy" is another thing than "Quire 5.0" ("purchase of" is no thing)


def _foreign_words(p: Profile, window: list[Token]) -> list[Token]:
    """Common nouns of ``window`` the promise does not use: another thing ("pension", "support policy")."""
    return [t for t in window if t.stem not in p.vocab and t.stem not in lx.GENERIC and not t.cap
            and t.number is None and not t.low.endswith(("ly", "wide")) and t.stem not in lx.ALL_EVENT_NOUNS
            and t.low not in _QUANTITY_WORDS  # "sells another 3.6 billion of its shares": an amount, no thing
            and t.low not in _TIME_WORDS and t.low not in MONTHS and t.low not in WEEKDAYS]  # "Pelt Co today"


def _another_act_done(p: Profile, window: list[Token]) -> bool:
    """A completion aimed at the noun of an act the promise does not make ("completes the purchase of ...")."""
    acts = lx.noun_classes({t.stem for t in window if t.stem in lx.ALL_EVENT_NOUNS and t.stem not in p.vocab})
    ours = frozenset().union(*(lx.KIN.get(c, {c}) for c in p.action_classes), lx.implied_by(p.action_classes))
    return bool(acts) and not acts & ours


def _kind_after_name(p: Profile, window: list[Token], word: Token) -> bool:
    """Is ``word`` one common noun right after the promise's whole name, ending the phrase ("Gizmo 3 drills")?
    The whole name, so "Vesk Canal lane" is no kind of the "Orle Canal"."""
    names = {x for t in p.required for x in t.stems}
    k = next((i for i, t in enumerate(window) if t is word), -1)
    if not names or k < 1 or window[k - 1].stem not in names or not names <= {t.stem for t in window[:k]}:
        return False
    if word.stem in _ADD_ONS:
        return False  # "releases the Zephyr 5 case": a thing for the named one, not the named one
    after = window[k + 1] if k + 1 < len(window) else None
    return after is None or after.punct or after.stem in PREPOSITIONS or after.low in ("and", "or")


# Things made for another thing, named after it ("the Zephyr app", "a Gizmo charger", "the Orla update"), and
# parts of a thing ("the first Tollby unit", "the Harwick terminal"): neither is the named thing itself
_ADD_ONS = frozenset(stem(w) for w in """update updates patch app apps case cases cover charger accessory accessories
    game games plugin demo trailer bundle controller dock kit mod expansion sequel spin-off
    unit units phase phases section sections stage stages part parts block blocks wing wings module modules
    terminal terminals runway runways tower towers branch branches""".split())


_TIME_WORDS = frozenset({"late", "early", "later", "earlier", "again", "ahead", "behind", "today", "tonight",
                         "yesterday", "finally", "once", "twice"})


def _clause_subject(s: Sentence, pos: int) -> list[Token]:
    """The content words from the last clause punctuation before ``pos`` up to it, "and"s included."""
    start = max((k + 1 for k in range(pos) if s.toks[k].punct and s.toks[k].text in ",;:"), default=0)
    return [t for t in s.toks[start:pos] if not t.punct and t.stem not in lx.STOPWORDS
            and t.stem not in lx.DETERMINERS and t.number is None][-8:]


def delay_target_ok(ctx: Pair, s: Sentence, pos: int, end: int) -> bool:
    """The thing that slips is the promise's object: its head, or its name with nothing foreign."""
    p = ctx.p
    after: list[Token] = []
    for t in s.toks[end:end + 6]:
        if t.punct or t.low in {"to", "until", "into", "from", "by", "in", "till", "rather", "because"}:
            break
        if t.low == "for" and any(not x.cap and x.low not in MONTHS and x.stem not in lx.DELAY_WORDS for x in after):
            break  # "delayed the depot for the tram line": the depot slips ("a new date for the line": the line)
        if t.stem not in lx.STOPWORDS and t.number is None:
            after.append(t)
    after += _named_after_the_date(s, end)
    window = subject_window(s, pos) + after
    stems = {t.stem for t in window}
    if other_thing_dropped(p, list(s.toks[end:end + 10])):
        return False  # "delays the canteen at the depot": another thing slips
    if p.head & stems or (not p.head and not p.required):
        return True
    if not any(term_present(t, _window_tokens(s, window), frozenset(stems)) for t in p.required):
        return False
    if {t.stem for t in s.toks[max(0, pos - 3):pos]} & p.act_nouns:
        return True  # "Zephyr's launch slips", "the Harbour Line opening is pushed back"
    allowed = p.vocab | {w for c in p.action_classes for w in lx.VERB_CLASSES[c]} | lx.GENERIC | lx.DELAY_WORDS
    allowed |= p.act_nouns | set(p.head)
    foreign = [t for t in window if t.stem not in allowed and not t.cap and not t.low.endswith(("ly", "wide"))
               and t.low not in MONTHS]
    return not foreign


def _named_after_the_date(s: Sentence, end: int) -> list[Token]:
    """What a new date is for, named after it: "now aiming for Oct. 27, 2028 for the Quorrin line"."""
    toks = s.toks[end:end + 14]
    dated = next((k for k, t in enumerate(toks) if t.number is not None or t.low in MONTHS), None)
    if dated is None:
        return []
    at = next((k for k in range(dated + 1, len(toks)) if toks[k].low == "for"), None)
    if at is None or any(t.low in ("and", "but") for t in toks[dated:at]):
        return []
    return [t for t in toks[at + 1:at + 6] if not t.punct and t.stem not in lx.STOPWORDS]


_SLIP_STOPS = frozenset({"until", "till", "into", "from", "by", "in", "rather", "because", "between", "after", "amid",
                         "over", "for", "around", "as", "due", "despite", "following", "than", "on", "at"})


def slip_object(s: Sentence, end: int) -> list[Token]:
    """The words after a delay cue up to its new date or its reason: "delays [the Veil probe's
    launch] to 2029". A "to" before a verb is the act that slips ("now expects [to open] in 2027")."""
    out: list[Token] = []
    toks = s.toks
    for k in range(end, min(len(toks), end + 10)):
        t = toks[k]
        if t.punct or t.low in _SLIP_STOPS or t.low in _CLAUSE:
            break
        if t.low == "to":
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is None or nxt.punct or nxt.number is not None or nxt.low in MONTHS or nxt.stem in lx.DETERMINERS \
                    or nxt.stem in lx.PERIOD_WORDS:
                break
            continue
        if t.stem not in lx.STOPWORDS:
            out.append(t)
    return out


def thing_names(p: Profile) -> frozenset[str]:
    """Names the promised thing may carry in the news: the capitalised words of the promise and of
    its quote ("the Veil probe", "Pellan 2"), its own aliases, and the names inside its object.
    A thin promise whose actor is the thing ("Veil is due to launch in 2027") is named by its actor."""
    toks = [*tokenize_cached(p.doc.what or ""), *tokenize_cached(p.doc.quote or "")]
    caps = {t.stem for t in toks if t.cap and not t.punct and any(ch.isalpha() for ch in t.text)
            and t.low not in MONTHS and t.low not in WEEKDAYS}
    # a number inside a name ("the Pellan 2", "the 380 Skyliner"), not a year or an amount
    caps |= {t.stem for k, t in enumerate(toks) if t.number is not None and t.text[:1].isdigit()
             and "," not in t.text and not 1900 <= t.number <= 2100 and any(
                 x.cap and x.text[:1].isalpha() and x.low not in MONTHS for x in toks[max(0, k - 1):k + 2] if x != t)}
    caps |= p.alias_terms | {x for t in p.required for x in t.stems} | {x for t in p.bonus for x in t.stems}
    return frozenset(x for x in caps if x not in lx.STOPWORDS and x not in lx.GENERIC and x not in lx.NAME_SUFFIXES
                     and x not in lx.PLACE_PREFIX and x not in lx.DETERMINERS)


def delay_names_ours(ctx: Pair, s: Sentence, pos: int, end: int) -> str | None:
    """Is the thing a delay cue moves this promise's, read from the words around the cue alone?

    For a promise the item does not cover well (its object a bare "the store", its actor the
    thing's own name): the cue's subject and object must name the thing (a name of the promise
    or its quote, its head noun, or the actor with the promised act) and say something of the
    act (an act noun or verb of the promise's class, its head, or a name of its object). Returns
    ``"own"``, ``"product"`` (own, and the thing's own name is there: it counts as naming the
    actor), ``"review"`` when another capitalised name also stands there ("delays the Corrin
    opening" for a store whose place the promise does not say), or None: not this promise's.
    A foreign subject ("Rival Corp delays ...") is accepted only when the object names ours.
    """
    p = ctx.p
    if ctx.conflict:
        return None
    subj, obj = slip_subject(s, pos), slip_object(s, end)
    names = thing_names(p) | set(p.head)
    actor = p.actor_stems - lx.NAME_SUFFIXES - lx.STOPWORDS - lx.PLACE_PREFIX
    acts = {w for c in p.action_classes for w in (*lx.EVENT_NOUNS.get(c, ()), *lx.VERB_CLASSES[c])} | set(p.head)
    obj_stems = {t.stem for t in obj}
    if foreign_subject(ctx, s, pos):
        if not obj_stems & (names | actor):
            return None  # "Rival Corp delays its own launch"
        subj = []
    window = subj + obj
    stems = {t.stem for t in window} | {t.stem for t in s.toks[pos:end] if t.stem in lx.ALL_EVENT_NOUNS}
    object_words = {x for t in p.terms if t.weight >= 0.5 and not t.proper for x in t.stems} - lx.GENERIC
    if p.head_act:  # "start construction of the factories": the factories are the thing that slips
        names |= object_words - set(p.head)
    names -= actor  # the actor doing its own act names no particular thing, unless:
    # the promise names no thing either ("Veil is due to launch in 2027"): the actor is the thing when
    # the act is its own ("Veil launch slips", "pushes Veil to 2029"); "Veil delays the launch" may be
    # any of its launches
    as_thing = not p.head and bool(stems & actor and stems & acts)
    named = (bool(stems & names) or as_thing
             # "Acme delays the switch-off of paper tickets": the actor, its act and the object in plain words
             or (bool(stems & actor) and bool(stems & acts) and len(stems & object_words) >= 2))
    # a name says what slips only when the promise itself carries it: a place its quote mentions ("partnerships
    # with Ohio universities") is not the thing ("postpones Ohio groundbreaking")
    own_names = {t.stem for t in tokenize_cached(p.doc.what or "") if t.cap} | p.alias_terms
    # (a plan for the thing stands for its act: "puts its factory projects on hold" for "build the factories")
    act = bool(stems & acts) or bool(stems & names & own_names) or len(stems & object_words) >= 2 \
        or bool(stems & (set(p.head) | object_words) and stems & lx.PLAN_NOUNS)
    if not (named and act) or slip_undoes(p, window):
        return None
    if as_thing and not stems & names and not _actor_is_the_thing(s, pos, end, actor, acts):
        return "review"
    ours = thing_names(p) | actor | p.vocab | acts | lx.DELAY_WORDS | lx.ALL_EVENT_NOUNS | lx.GENERIC
    foreign = [t for t in window if t.cap and t.text[:1].isalpha() and t.stem not in ours and t.low not in MONTHS
               and t.low not in WEEKDAYS and not (t is s.toks[0] and not _capitalised_elsewhere(ctx.r, t))
               and not _our_country(p, t)]
    if foreign:
        return "review"
    return "product" if _product_named(p, actor, _window_tokens(s, window)) else "own"


def _our_country(p: Profile, t: Token) -> bool:
    """"its first Indian store" for a store promised in India: the adjective of a country the promise names."""
    return any(stem(name.lower()) in p.vocab for name in countries_of_adjective(t.text))


def _actor_is_the_thing(s: Sentence, pos: int, end: int, actor: set[str], acts: set[str]) -> bool:
    """The actor's name stands for the thing that slips: right before an act noun ("Veil's launch
    slips"), after the cue ("pushes Veil to 2029"), or the cue holds the act itself and moves
    nothing else ("Veil given a 2029 launch date")."""
    toks = s.toks
    if any(t.stem in actor and k + 1 < len(toks) and toks[k + 1].stem in acts for k, t in enumerate(toks)):
        return True
    obj = slip_object(s, end)
    if any(t.stem in actor for t in obj):
        return True
    return not obj and any(t.stem in acts for t in toks[pos:end])


def _product_named(p: Profile, actor: set[str], window: list[Token]) -> bool:
    """The window names the promised thing by its own name: a proper name inside the promise's
    object ("the Quorrin tram line", "Pellan 2"), not a place it is in, not the actor's,
    not a short or numeric word ("EU", "Forty"), most of it present."""
    places = p.place_stems
    stems = frozenset(t.stem for t in window)
    groups: dict[int, list[Term]] = {}
    for term in p.terms:
        word = term.stems[0]
        if term.proper and not set(term.stems) & (places | actor) and word not in lx.GENERIC \
                and len(word) >= 3 and word.isalpha() and tokenize_cached(term.text)[0].number is None:
            groups.setdefault(term.group, []).append(term)
    for terms in groups.values():
        got = sum(t.weight for t in terms if term_present(t, window, stems))
        if got >= 0.6 * sum(t.weight for t in terms) - 1e-9:
            return True
    return False


def slip_subject(s: Sentence, pos: int) -> list[Token]:
    """The words before a delay cue that name what slips, without a dateline ("LONDON, May 2 (Wire) -")."""
    opened = max((k + 1 for k in range(pos) if s.toks[k].text in ")-\u2013\u2014"), default=0)
    return [t for t in subject_window(s, pos) if any(t is x for x in s.toks[opened:pos])]


def slip_undoes(p: Profile, window: list[Token]) -> bool:
    """"the depot closure is delayed" against a promise to open the depot: the act nouns around a
    delay cue are all of classes that undo the promised act (the lexicon's opposites)."""
    classes = lx.noun_classes({t.stem for t in window})
    return bool(classes) and not classes & p.action_classes and all(
        any((a, b) in lx.OPPOSITES for a in p.action_classes) for b in classes)


def _versioned_part(p: Profile, stem: str) -> bool:
    return any(len(t.stems) == 2 and stem in t.stems for t in p.terms)


def _window_tokens(s: Sentence, window: list[Token]) -> list[Token]:
    """The sentence's tokens from the window's first to its last (numbers included, for "Gizmo 3")."""
    if not window:
        return []
    ids = [i for i, t in enumerate(s.toks) if any(t is w for w in window)]
    return list(s.toks[ids[0]:ids[-1] + 2])


def object_window(s: Sentence, ev: Event) -> list[Token]:
    end = ev.pos + len(ev.text.split())
    out: list[Token] = []
    for k, t in enumerate(s.toks[end:end + 10], end):
        if t.punct or (t.low in _CLAUSE and out):
            break
        if t.low in _CLAUSE:
            break
        if t.stem in PREPOSITIONS and t.low != "of" and not t.joined:
            break
        if t.low == "of" and out and out[-1].stem not in lx.ALL_EVENT_NOUNS and not _amount_before(s, k):
            break  # but "began mass production of the chips": the act's noun, then its object
        if t.stem in lx.STOPWORDS or t.stem in lx.DETERMINERS or t.number is not None:
            continue
        out.append(t)
        if len(out) >= 6:
            break
    return out


# Objects that are the subject's own doors or a state it enters, never another thing
_NO_THING_OBJECTS = frozenset(stem(w) for w in "door doors gate gates orbit".split())


def _another_head(p: Profile, after: list[Token]) -> bool:
    """Is the noun phrase right ``after`` the verb headed by another common noun, with the promise's head only
    a modifier before it ("depot office", "the depot's canteen")?"""
    return _headed_by_another(p, after, phrase_after=False)


def _headed_by_another(p: Profile, toks: list[Token], *, phrase_after: bool) -> bool:
    """Is the noun phrase opening ``toks`` headed by another common noun than the promise's, with the promise's
    thing named only as its modifier ("the depot canteen") or, with ``phrase_after``, in the phrase right after
    it ("a canteen at the depot", "the roof planned for the depot"), not in a clause of its own ("the order that
    Acme cut ...")? The head of a phrase is its last noun; an act's noun is the act itself ("lead-line
    replacements"), a plan's or a part's noun the promise's own ("the depot plan", "the depot's first phase")."""
    np: list[Token] = []
    for t in toks:
        if t.punct or t.stem in PREPOSITIONS or t.low in ("of", "and", "or", "around", "about") \
                or t.low in _CLAUSE_WORDS or t.number is not None or (np and t.low.endswith("ed")):
            break
        np.append(t)
    content = [t for t in np if t.stem not in lx.STOPWORDS and t.stem not in lx.DETERMINERS]
    if not content or not p.head:
        return False
    last = content[-1]
    mine = p.head | {x for t in p.terms for x in t.stems} | p.alias_terms
    if last.cap or last.stem in mine or (last.stem in lx.GENERIC and last.stem not in _TIME_NOUNS) \
            or last.stem in lx.PLAN_NOUNS or last.stem in _INSTRUMENTS or last.stem in PART_NOUNS \
            or last.stem in _NO_THING_OBJECTS or lx.noun_classes({last.stem}) or last.low.endswith(("ing", "ly")):
        return False
    after = toks[len(np):]
    phrase = list(itertools.takewhile(lambda t: not t.punct and t.low not in _CLAUSE_WORDS, after[:8])) \
        if phrase_after else []
    return any(t.stem in p.head for t in [*content[:-1], *phrase])


def _amount_before(s: Sentence, k: int) -> bool:
    """The word before ``of`` ends an amount, whose "of" leads to the thing itself: "sold 3.6 billion of its
    shares", "bought 20 percent of the firm", "delivered 40 of the trains"."""
    prev = s.toks[k - 1] if k else None
    return prev is not None and (prev.number is not None or prev.low in SCALES or prev.low in _SHARE_WORDS)


_SHARE_WORDS = frozenset({"percent", "%", "cent", "half", "third", "quarter", "most", "all", "some", "none"})
_QUANTITY_WORDS = frozenset(SCALES) | _SHARE_WORDS | {"another", "more", "further", "extra", "additional"}


def _clause_begin(s: Sentence, pos: int) -> int:
    """Where the clause holding ``pos`` begins (after the last comma, semicolon or clause word before it)."""
    for k in range(pos - 1, -1, -1):
        t = s.toks[k]
        if (t.punct and t.text in ",;:") or t.low in _CLAUSE:
            return k + 1
    return 0


def _relative_antecedent(s: Sentence, pos: int) -> list[Token]:
    """For a clause whose subject is a relative pronoun ("..., which is available now"), the words before it."""
    start = _clause_begin(s, pos)
    if start == 0 or s.toks[start - 1].low not in ("which", "that", "who"):
        return []
    k = start - 1
    if k > 0 and s.toks[k - 1].punct and s.toks[k - 1].text == ",":
        k -= 1
    return subject_window(s, k)


# completion phrases that take an object ("completes the purchase", "finished the roof"); the others do not
_TRANSITIVE_DONE = frozenset({"complete", "completes", "completed", "completing", "finish", "finishes", "finished",
                              "finishing", "fulfil", "fulfils", "fulfilled", "fulfill", "fulfills"})


def subject_window(s: Sentence, pos: int) -> list[Token]:
    start = _clause_begin(s, pos)
    # a capitalised word after the clause's first is a name even where English uses it as a stop word ("The Forty")
    out = [t for k, t in enumerate(s.toks[start:pos]) if not t.punct and (
           (t.number is None and t.stem not in lx.STOPWORDS and t.stem not in lx.DETERMINERS)
           or (t.cap and k > 0 and t.text[:1].isalpha()))][-8:]
    if not out and start > 1 and s.toks[start - 1].text == ",":
        aside = _clause_begin(s, start - 1)
        if 0 < aside < start - 1 and s.toks[aside - 1].text == ",":
            return subject_window(s, aside - 1)  # "Pelt Co, maker of oats, completed ...": the subject before the aside
    return out


_CLAUSE = frozenset({"that", "which", "who", "while", "whereas", "although", "because", "and", "but", "as"})


# An occasion held for an act (its ceremony, its launch event): called off, the act itself is not
_OCCASIONS = lx._stems("event events ceremony ceremonies celebration celebrations party gala reception presentation "
                       "showcase festivities")
_OCCASION_FOR = re.compile(r"\b(?:to\s+(?:mark|celebrate|launch|open|inaugurate)|marking|celebrating|for\s+the\s+"
                           r"(?:start|opening|launch|beginning))\b", re.I)


_OTHERS = frozenset("other several some many few various multiple unannounced two three four five six seven eight nine "
                    "ten dozen".split())


def _others_counted(p: Profile, window: list[Token]) -> bool:
    """The dropped things are counted or called others ("three unannounced games", "two other models", "several
    titles"), none of them named as the promise's own, and the promise counts no such number itself."""
    words = [t for t in window if t.low not in ("its", "their", "the", "a", "an", "his", "her", "our")]
    if not words:
        return False
    first, nxt = words[0], (words[1].low if len(words) > 1 else "")
    counted = first.number is not None and first.text.isdigit() and first.number < 100 \
        and nxt not in ("million", "billion", "bn", "percent", "%", "dollar", "dollars", "euros", "pounds")
    if not (counted or first.low in _OTHERS):  # (not "its 2030 target", "a 20 billion dollar merger")
        return False
    stems = frozenset(t.stem for t in window)
    if any(t.proper and term_present(t, window, stems) for t in p.terms):
        return False
    return not any(words[0].number is not None and words[0].number == t.value for t in p.targets)


def cancel_target_ok(ctx: Pair, s: Sentence, cue_end: int) -> bool:
    """The cancellation acts on this promise: its head, a name of it, or a plan word ("its target")."""
    p = ctx.p
    window: list[Token] = []
    for t in s.toks[cue_end:cue_end + 10]:
        if t.punct or t.low in _CLAUSE:
            break
        if t.stem in PREPOSITIONS and t.low not in {"of", "with", "to", "for", "on", "from"} and not t.joined:
            break  # "walks away from the deal", "pulls out of the city"
        window.append(t)
    # "the 75 percent goal for 2030 would be dropped": with nothing after the cue, what is dropped is its subject;
    # so too when a participle follows its noun and only a phrase of time follows ("Tollby Sevens cancelled for
    # the first time", "Tessel line axed after review")
    if window and window[0].low in {"for", "after", "amid", "over", "on"} and s.toks[cue_end - 1].low.endswith("ed") \
            and cue_end >= 2 and s.toks[cue_end - 2].low not in {"has", "have", "had", "it", "they", "he", "she", "we"} \
            and not s.toks[cue_end - 2].punct:
        window = []
    target = window or subject_window(s, cue_end)
    stems = {t.stem for t in target}
    if stems & _OCCASIONS - p.vocab and _OCCASION_FOR.search(s.text):
        return False  # "called off an event to mark the start of production": the occasion, not the act
    required = {x for t in p.required for x in t.stems}
    said_before = [t for t in s.toks[_clause_begin(s, cue_end):cue_end] if not t.punct] if not window else []
    if names_another(p, [*s.toks[max(0, cue_end - 1):cue_end], *target, *said_before]):
        return False
    if other_thing_dropped(p, window):
        return False  # "scraps plans for a canteen at the depot", "cancels the depot tender"
    if _others_counted(p, window):
        return False  # "delays Lumo and cancels three unannounced games": other things of the kind, counted
    if stems & (set(p.head) | required | p.alias_terms):
        return True
    if _leaves_our_place(p, window):
        return True  # "pulls out of Louisville" for "bring the service to Louisville"
    content = {x for x in stems if x not in lx.STOPWORDS and x not in lx.DETERMINERS and not x[:1].isdigit()}
    if not content & lx.PLAN_NOUNS:
        return False
    # "drops its pledge to switch to electric buses": a plan word and then the promise itself,
    # or a name of its object ("ends its agreement to buy Tessel")
    if coverage(p, window, frozenset(stems))[0] >= 0.5 or any(
            t.proper and term_present(t, window, frozenset(stems)) for t in p.terms):
        return True
    # "ending a freeze", "drops its target": only a plan word, so it refers back to this promise
    return content <= lx.PLAN_NOUNS | lx.GENERIC and (
        not p.head or bool(p.head & s.stems) or bool(required & s.stems))


# What a promise is made or imposed by: dropping "the emissions order" drops the promise itself
_INSTRUMENTS = lx._stems("order orders mandate mandates rule rules law laws requirement requirements decision strategy "
                         "initiative ambition ambitions timetable timeline")
_CLAUSE_WORDS = frozenset({"that", "which", "who", "whose", "to", "while", "but", "because", "until", "till", "before",
                           "after", "since", "during", "amid", "despite"})
_TIME_NOUNS = lx._stems("day days week weeks month months year years")  # "an open day at the depot": an occasion


def other_thing_dropped(p: Profile, window: list[Token]) -> bool:
    """Is what a cancellation drops (or a delay moves) another thing, with the promise's thing named only as
    where or what it belongs to ("plans for a canteen at the depot", "the depot tender"), or another act on it
    ("plans to expand the depot" for "build the depot")?"""
    toks = [t for t in window if t.low not in lx.DETERMINERS]
    while len(toks) > 1 and toks[0].stem in lx.PLAN_NOUNS and toks[1].low in ("for", "of", "on", "to"):
        if toks[1].low == "to" and len(toks) > 2:
            act = lx.verb_classes(toks[2].stem)  # "plans to expand the depot"; "its deal to buy X" is "acquire X"
            return bool(act) and not act & (p.action_classes | lx.noun_classes(p.head))
        toks = [t for t in toks[2:] if t.low not in lx.DETERMINERS]
    if toks and (lx.verb_classes(toks[0].stem) or toks[0].stem in lx.EVENT_VERBS):
        return False  # "would now receive its first jet around mid-2018": the act itself, moved
    return _headed_by_another(p, toks, phrase_after=True)


def _leaves_our_place(p: Profile, window: list[Token]) -> bool:
    """The words after the cue are the promise's place and no other name: the actor gives up on it there."""
    places = p.place_stems
    caps = [t for t in window if t.cap and t.text[:1].isalpha()]
    return bool(caps) and all(t.stem in places for t in caps)


def names_another(p: Profile, window: list[Token]) -> bool:
    """The words a cancellation acts on name another amount, year, place or act than the promise's."""
    return other_amount(p, window) or _other_year(p, window) or other_place(p, window) or _other_act(p, window) \
        or _other_name(p, window)


def _other_name(p: Profile, window: list[Token]) -> bool:
    """ "abandons its Dellan bus depot" against the Quenby bus depot: the promise's thing under another name, and
    none of the promise's own names."""
    required = {x for t in p.required for x in t.stems}
    if not required or not p.head or {t.stem for t in window} & required:
        return False
    k = next((i for i, t in enumerate(window) if t.stem in p.head), -1)
    return any(t.cap and t.text[:1].isalpha() and t.stem not in p.vocab and t.stem not in p.actor_stems
               for t in window[:k]) if k > 0 else False


def other_place(p: Profile, window: list[Token]) -> bool:
    """"scraps the line's northern leg to Carlow" against a promise about the leg to Dunford: the
    window names a place, and none of the promise's places."""
    if not p.places:
        return False
    names = {t.stem for t in window if t.cap and t.text[:1].isalpha() and t.stem not in p.vocab
             and t.low not in MONTHS and t.low not in WEEKDAYS}
    mine = p.place_stems
    return bool(names) and not {t.stem for t in window} & mine


def _other_year(p: Profile, window: list[Token]) -> bool:
    """The window names a year the promise does not ("scraps its 2030 target" for a 2045 goal)."""
    years = {int(t.number) for t in window if t.number is not None and 1990 <= t.number <= 2100
             and "," not in t.text and float(t.number).is_integer()}
    if not years:
        return False
    # the quote's years count only for a promise without a due date: a quote may hold two promises and their years
    mine = {int(x) for x in re.findall(r"\b(19[89]\d|20\d\d)\b",
                                       p.doc.what if p.doc.due_latest is not None else f"{p.doc.what} {p.doc.quote or ''}")}
    if p.doc.due_latest is not None:
        mine |= {p.doc.due_latest.year, p.doc.due_latest.year - 1}  # "by 2030" may end in 2029
    return not years & mine


def _other_act(p: Profile, window: list[Token]) -> bool:
    """"drops its plan to remove X" is not "block X": the plan's verb is another act than the promise's."""
    if p.doc.negated:
        return False  # the act named is the forbidden one: "ends its pledge not to raise fares"
    if p.action is None and not lx.noun_classes(p.head):
        return False  # "be an all-electric company": no act of the promise's own to tell another from
    for k, t in enumerate(window[:-1]):  # "its plan to sell", "its goal of selling"
        if t.low not in ("to", "of") or not k or window[k - 1].stem not in lx.PLAN_NOUNS \
                or window[k - 1].low.endswith("ed"):
            continue
        verb = window[k + 1]
        if verb.stem not in lx.EVENT_VERBS or verb.cap:
            return False
        classes = lx.verb_classes(verb.stem)
        head_acts = lx.noun_classes(p.head)  # "the acquisition" is buying
        return verb.stem != p.action and verb.stem not in p.vocab and not classes & (p.action_classes | head_acts)
    return False


def other_amount(p: Profile, window: list[Token]) -> bool:
    """The window names an amount the promise does not ("drops its 5,000-home target" for 500 homes)."""
    values = {t.value for t in p.targets}
    amounts = [t.number for t in window if t.number is not None and not (1900 <= t.number <= 2100)]
    return bool(values) and bool(amounts) and not set(amounts) & values


def until_after(s: Sentence, pos: int) -> bool:
    """"will not open ... until mid-2027": a negated future with a later limit is a delay."""
    before = [t.low for t in s.toks[max(0, pos - 5):pos]]
    if not any(w in {"will", "would", "won't", "shall"} or w.endswith("'ll") for w in before):
        return False  # "failed to introduce it before the recess" is a miss, not a new date
    for t in s.toks[pos + 1:pos + 10]:
        if t.punct and t.text in ".;":
            return False
        if t.low in {"until", "till", "before"}:
            return True
    return False


def sentence_names_it(ctx: Pair, s: Sentence) -> bool:
    """A decisive sentence must itself name the object (a third of it, its head, or its name)."""
    p = ctx.p
    cov, _ = coverage(p, list(s.toks), s.stems)
    required = {x for t in p.required for x in t.stems}
    return cov >= 0.3 or bool(p.head & s.stems) or bool(required & s.stems)
