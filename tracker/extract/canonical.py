"""The ``what`` of a commitment: a short verb phrase, without actor, deadline or asides.

``The company plans to start series production at Kessel in the second half of
next year, with an initial capacity of ...`` -> ``start series production at
Kessel``. Gerunds and third-person forms become the base verb (``committed to
cutting`` -> ``cut``), passives and things-as-subjects are turned round
(``Customers will not be charged for the work`` -> ``not charge customers for
the work``; ``A free demo will be available`` -> ``make a free demo
available``), and trailing clauses (``, marking a shift ...``, ``, she said``)
are cut.
"""

from __future__ import annotations

import re

from tracker.extract.cues import COMMIT_ADJ, IRREGULAR_PARTICIPLES, NOMINAL_ACT, SCHEDULED_FOR
from tracker.language.sentences import TRAILING_EMOJI
from tracker.language.words import zipf

MAX_WORDS = 20
# Verbs whose subject can become their object: "the stadium will open" -> "open the stadium".
_ERGATIVE = frozenset(
    """open reopen close launch start begin resume ship end stop expand debut release finish complete roll
    carry run take enter go come""".split()
)

# What goes on at a place or is done to a thing: "the plant will start production" -> "start production
# at the plant"; "construction of the plant" is the plant's (see :mod:`tracker.extract.things`).
ACT_NOUNS = frozenset("""production construction operations operation manufacturing assembly deliveries service
    services flights shipments sales testing trials mining drilling output commissioning work works""".split())
# What is built, and where things are made or done: "the plant", "the new line"
SITE_KINDS = frozenset("""plant factory fab megafab gigafactory facility site mine campus station airport terminal line
    capital centre center hub port refinery smelter farm park stadium hospital bridge tunnel warehouse store office
    headquarters base railway reactor school museum library complex tower""".split())
_PHASE_VERBS = frozenset("start begin resume restart end stop halt cease".split())

# Base verbs whose -ing/-ed forms the suffix rules below would get wrong.
_BASES = frozenset(
    """add pass install sell fill call tell spell miss press stress access process address staff offer open
    listen happen deliver cover enter order consider develop govern answer gather lower power render tender
    suffer differ prefer refer transfer visit edit audit limit credit profit benefit market target budget
    ship stop plan drop shut put cut set get let hit run begin fit split quit admit commit submit permit
    omit regret control patrol label model travel cancel signal total fuel equal rival level
    make take give raise release close reduce provide create introduce replace continue achieve improve
    move remove serve reserve preserve use reuse require acquire retire hire fire wire price phase ease
    come become overcome increase decrease purchase issue pursue argue value schedule double triple scale finance license
    license charge change exchange merge emerge engage manage stage range page rate state operate create
    complete delete compete update debate locate allocate relocate migrate integrate generate celebrate
    dedicate educate eliminate estimate investigate negotiate participate separate translate upgrade
    produce publish finish launch reach expand extend spend send lend end attend defend depend intend
    recommend invest test list assist resist insist exist protect connect collect select expect respect
    reflect build fund found hold keep meet need seek lead feed speed bleed freeze cease lease please tease
    waive receive believe relieve solve involve revolve resolve evolve save pave have behave arrive drive
    thrive strive dive survive derive deprive revive file name time quote hope tune outline declare include
    exclude conclude compare prepare share store score ignore restore sever""".split()
)
_IRREGULAR_BASE = {
    "made": "make", "built": "build", "paid": "pay", "sold": "sell", "held": "hold", "kept": "keep",
    "brought": "bring", "done": "do", "given": "give", "taken": "take", "shown": "show", "led": "lead",
    "met": "meet", "sent": "send", "spent": "spend", "won": "win", "laid": "lay", "told": "tell",
    "found": "find", "begun": "begin", "chosen": "choose", "drawn": "draw", "driven": "drive", "flown": "fly",
    "frozen": "freeze", "grown": "grow", "hidden": "hide", "written": "write", "bought": "buy", "sought": "seek",
    "taught": "teach", "dealt": "deal", "left": "leave", "lent": "lend", "lost": "lose", "meant": "mean",
    "rebuilt": "rebuild", "withdrawn": "withdraw", "undertaken": "undertake", "overseen": "oversee",
    "has": "have", "is": "be", "are": "be", "does": "do", "goes": "go", "seen": "see", "known": "know",
    # "-eed" and a short stem: the "e" is the verb's own
    "used": "use", "freed": "free", "agreed": "agree", "guaranteed": "guarantee", "decreed": "decree",
}
# Verbs that take "X ADJ" after them in the passive ("be made redundant" -> "make X redundant").
_COMPLEMENT_VERBS = frozenset({"made", "kept", "left", "held", "set", "rendered", "declared", "considered"})


def base_form(word: str) -> str:
    """``cutting`` -> ``cut``, ``replacing`` -> ``replace``, ``plans`` -> ``plan``, ``priced`` -> ``price``."""
    w = word.lower()
    if w in _BASES:
        return w
    if w in _IRREGULAR_BASE:
        return _IRREGULAR_BASE[w]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            for cand in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None,
                         stem[:-1] + "y" if stem.endswith("i") else None):
                if cand and cand in _BASES:
                    return cand
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
                return stem[:-1]
            if suffix == "ed" and stem.endswith("i"):
                return stem[:-1] + "y"
            if stem.endswith("ng"):
                return max((stem, stem + "e"), key=zipf)  # "bringing": bring; "changing": change
            if re.search(r"(?:[^aeiou][aeiou][cgsvz]|[^aeiou][aeiou][kt]|[cgsvz]|u|at|iz|ur|rg|ns|ak|ok|ik|[bcdfgkptz]l)$", stem) \
                    and not re.search(r"(?:en|er|on|al|it|et)$", stem):  # "recycled", "handled": -cle, -dle
                return stem + "e"
            return _likeliest_word(stem)
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if re.search(r"(?:ches|shes|sses|xes|zzes|oes)$", w):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _likeliest_word(stem: str) -> str:
    """The spelling rules left a stem that is no English word ("includ", "outlin"): with an "e" or with its
    last letter undoubled, the form English uses most. A stem that is a word stays ("severed": sever)."""
    if zipf(stem) >= 1.0:
        return stem
    other = max((stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem), key=zipf)
    return other if zipf(other) > 0 else stem


def is_participle(word: str) -> bool:
    w = word.lower()
    return w in IRREGULAR_PARTICIPLES or (w.endswith("ed") and len(w) > 4)


# Adjectives in a row before their noun, parted by commas: "three independent, publicly listed companies",
# "industry-leading, global, investment-grade public companies"
_ADJECTIVE = re.compile(r"^(?:[a-z]+-[a-z-]+|[a-z]+(?:ent|ant|ing|al|ive|ic|ful|able|ible|less|ous|ed|ary|ern)|new|big|"
                        r"small|large|low|high|cheap|fast|safe|clean|green|open|free)$")


def _between_adjectives(vp: str, comma: re.Match[str]) -> bool:
    """Is the comma at ``comma`` one between two adjectives of the same noun?"""
    if comma.group(0) != ",":
        return False
    before = vp[: comma.start()].split()
    tail = vp[comma.end():]
    after = re.match(r"\s+(?:[a-z]+ly\s+)?([\w-]+)", tail)
    if after is not None and after.group(1).lower().endswith("ing"):
        nxt = re.match(r"\s+([\w-]+)", tail[after.end():])
        if not tail[after.end():].strip() or (nxt is not None and nxt.group(1).lower() in _NOT_A_NOUN):
            return False  # "the festival, working with local hotels": a participle's clause, not a second adjective
    return bool(before) and _ADJECTIVE.search(before[-1]) is not None and after is not None \
        and _ADJECTIVE.search(after.group(1)) is not None


# A comma inside a list of names: "merge its Dellan, Quenby and Orvo units"
_NAME_LIST = re.compile(r",\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*(?:,\s+[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)*,?\s+"
                        r"(?:and|or)\s+[A-Z]")


_NOT_A_NOUN = frozenset("with to for in on at by from into the a an its their our his her this that these those up out "
                        "and or".split())


_CUT = re.compile(
    r",(?!\d)|\s(?:with|after|as|while|which|who|amid|despite|following|because|so\s+that|in\s+order\s+to|marking|"
    r"signall?ing|easing|according\s+to|ensuring|allowing|adding|bringing|making\s+it|two\s+years|earlier\s+than|"
    r"rather\s+than|instead\s+of|if|unless|provided\s+that|when)\s",
    re.I,
)


_DANGLING = frozenset(
    """the a an of to and or for in on at by with its their from over within until before after during""".split()
)


def _tidy(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", TRAILING_EMOJI.sub("", phrase)).strip(" ,;:.\"'\u201c\u201d")  # "... console. \U0001F9E1"
    phrase = re.sub(r"\(\s*\)", "", phrase)
    phrase = re.sub(r"\s+([,.;:])", r"\1", phrase)
    words = phrase.split()
    cut = MAX_WORDS
    while cut < len(words) and cut < MAX_WORDS + 2 and re.search(r"\d|^(?:m|b|tr)illion$", words[cut - 1]):
        cut += 1  # "to at least 40 percent": a figure keeps its unit
    words = words[:cut]
    while len(words) > 1 and words[-1].lower() in _DANGLING:
        words.pop()  # "shut the plant at" once "the end of June" has gone
    phrase = " ".join(words)
    return phrase.strip(" ,;:")


_LED_INTO_DATE = re.compile(r"(?P<before>\S+)(?P<lead>(?:\s+(?:expected|scheduled|planned|slated|due|set))?(?:\s+(?:for|over|"
                            r"in|within|during|by|on|from|until|before|after)(?:\s+the)?)?)\s+\0\s*"
                            r"(?=$|[,;.]|\s+(?:and|but|or|with)\b)")


def _drop_lead_in(m: re.Match[str]) -> str:
    """The date's lead-in goes when a noun it followed stays ("a listing expected in 2018"); after a form of
    "be" it is the predicate ("is planned for 2027") and stays."""
    if m.group("before").lower() in ("is", "are", "be", "was", "were", "been", "being"):
        return m.group(0).replace("\0", " ")
    return m.group("before") + " "


def strip_deadline(vp: str, deadline: str | None) -> str:
    """The verb phrase without its deadline words."""
    if deadline and deadline in vp:
        vp = vp.replace(deadline, " \0 ", 1)
        # what led into the date goes with it: "a listing expected in 2018 and ...", "for the next 90 days and ..."
        vp = _LED_INTO_DATE.sub(_drop_lead_in, vp, count=1).replace("\0", " ")
    return re.sub(r"\s{2,}", " ", vp)


def _nominal_act(act: str, thing: str) -> str:
    """The act a headline names as a noun, done to ``thing`` ("first flight" -> "fly X for the first time")."""
    words = act.split()
    if words[0] in ("targets", "eyes", "plans", "sets"):
        words = words[1:]
    if words[:2] in (["on", "sale"], ["in", "stores"]):
        return f"put {thing} on sale"
    if words[:2] == ["in", "service"]:
        return f"put {thing} into service"
    first = " for the first time" if words[0] in ("first", "maiden") else ""
    verb = {"flight": "fly", "deliveries": "deliver", "delivery": "deliver", "opening": "open", "rollout": "roll out",
            "debut": "launch"}.get(words[-1], words[-1])
    return f"{verb} {thing}{first}"


def describe(vp: str, *, subject: str | None, thing_subject: bool, negated: bool, family: str,
             deadline: str | None = None) -> str:
    """Build the short ``what`` from the verb phrase (text from the verb to the clause end)."""
    vp = strip_deadline(vp, deadline)
    nominal = re.match(rf"(?:{NOMINAL_ACT})\b", vp.strip(), re.I) if family == "headline_due" else None
    if nominal:  # "Gizmo headset, on sale early next year" -> "put Gizmo headset on sale"
        return _tidy(("not " if negated else "") + _nominal_act(nominal.group(0).lower(), subject or "it"))
    vp = re.sub(r"^(?:(?:also|now|still|soon|then|first|initially|finally|only|again|jointly|further|not|never|"
                r"no\s+longer|formally|officially|eventually|be\s+able\s+to)\s+)+", "", vp.strip(), flags=re.I)
    cut = next((m for m in _CUT.finditer(vp) if not _between_adjectives(vp, m) and not _NAME_LIST.match(vp, m.start())),
               None)
    if cut and cut.start() > 0:
        vp = vp[: cut.start()]
    took = re.match(r"(?:take|takes)\s+to\s+(?P<verb>[a-z]+)\b\s*(?P<rest>.*)", vp, re.I)
    if took and deadline:  # "will take until 2029 to finish": it is finished by then
        if thing_subject and subject and not took["rest"]:
            return _tidy(f"{'not ' if negated else ''}{base_form(took['verb'].lower())} {subject_np(subject)}")
        vp = f"{took['verb']} {took['rest']}".strip()
    words = vp.split()
    if not words:
        return ""
    words = _perfect_as_act(words)
    vp = " ".join(words)
    neg = "not " if negated else ""
    if family == "target":
        return _tidy(f"{neg}target " + re.sub(r"^(?:targets|(?:is|are)\s+(?:still\s+)?targeting|aims?\s+for|"
                                              r"(?:continues?|continuing)\s+to\s+target|still\s+targets?|"
                                              r"(?:is|are|['\u2019]re)\s+aiming\s+for|(?:reaffirm|reiterat|confirm|"
                                              r"repeat|set|sets|setting)\w*\s+(?:\w+\s+){0,3}?(?:target|goal|ambition)\s+"
                                              r"of)\s+", "", vp, flags=re.I))
    arrived = coming_as_arrival(words) if thing_subject or family == "scheduled_present" else words
    if arrived is not words:  # "the game is coming in May": it arrives
        vp, words = " ".join(arrived), arrived
    planned = PLANNED_FOR.match(vp) if family == "scheduled_present" else None
    if planned:  # "the fab is scheduled for volume production in 2026": it starts it; "the first flight is planned
        rest = vp[planned.end():].split()  # for 2027": it takes place; "set for completion": it is completed
        done = _NOMINAL_ACTS.get(rest[0].lower().strip(",.")) if rest else None
        happens = "takes place" if _OCCASIONS.search(subject or "") else "arrives"  # a flight happens, a fab arrives
        vp = (f"{done} {' '.join(rest[1:])}" if done else f"starts {' '.join(rest)}"
              if _act_noun_at(rest) is not None else happens)
        words = vp.split()
    if family == "scheduled_present" and thing_subject and subject and subject.strip().lower() != "there":
        words = [base_form(words[0].lower()), *words[1:]]  # "the store opens in May" -> "open the store"
        return _tidy(neg + _turn_round(words, subject))
    if family == "scheduled_present":  # "goes on sale in June" -> "go on sale"
        words = vp.split()
        return _tidy(f"{neg}{base_form(words[0].lower())} {' '.join(words[1:])}" if words else vp)
    if family == "headline_due" and words[0].lower() == "sets":  # "sets its launch event for May 3" -> "hold ..."
        return _tidy(f"{neg}hold " + re.sub(r"\s+for\s*$", "", " ".join(words[1:])).replace(" for ", " ", 1))
    if family == "headline_due" and re.match(r"(?:moved|pushed|postponed|rescheduled|put|brought)\b", vp, re.I):
        return _tidy(f"{neg}hold " + (subject or "it"))  # "Marathon moved to September 14": it is held then
    if family == "headline_due":  # "due in 2024" -> "arrive", the thing named in the subject
        return _tidy(f"{neg}deliver " + (subject or "it"))
    if family == "guidance":  # "expects revenue of 2 billion" -> "deliver revenue of 2 billion"
        then = re.match(r"(?P<np>(?:[\w,'\u2019%-]+\s+){1,8}?)to\s+(?!(?:the|a|an|its|their|our|his|her|this|that|"
                        r"these|those|some|all|each|every|about|around)\b|[a-z]+[^s\W]s\b)(?P<vp>[a-z].*)$", vp, re.S)
        figure = re.match(r"be\s+(?=(?:about|approximately|around|roughly|between|up\s+to|at\s+least|in\s+the\s+range|"
                          r"[$\u20ac\u00a3\u00a5]|\d))", then.group("vp")) if then else None
        if figure:  # "expect revenue to be about 5 billion" -> "deliver revenue of about 5 billion"
            return _tidy(f"{neg}deliver {then.group('np').strip()} of {then.group('vp')[figure.end():]}")
        passive = re.match(r"be\s+(?P<part>[a-z]+)\b\s*(?P<rest>.*)$", then.group("vp"), re.S) if then else None
        if passive and is_participle(passive.group("part")) and passive.group("part") not in ("able", "made"):
            # "expect the first 40 buses to be delivered in May" -> "deliver the first 40 buses"
            return _tidy(f"{neg}{base_form(passive.group('part'))} {then.group('np').strip()} {passive.group('rest')}")
        if then:  # "expect our output to decline by 2%" -> "have our output decline by 2%" ("to customers": no verb)
            return _tidy(f"{neg}have {then.group('np').strip()} {then.group('vp')}")
        act = _ACT_OF.match(vp)
        if act:  # "expects deliveries of 300,000 vans" -> "deliver 300,000 vans"
            return _tidy(f"{neg}{_ACT_VERBS[act.group(1).lower()]} {vp[act.end():]}")
        return _tidy(f"{neg}deliver {vp}")
    if family == "pledge_money":  # "pledged $50 million to housing" -> "provide $50 million to housing"
        verb = re.match(r"(?:has\s+|have\s+|is\s+|are\s+)?(?:will\s+)?(\w+)(?:\s+aside)?\s+", vp, re.I)
        act = base_form(verb.group(1).lower()) if verb else "provide"
        act = act if act in ("invest", "spend", "donate", "contribute", "give") else "provide"
        return _tidy(f"{neg}{act} " + vp[verb.end():] if verb else vp)
    if thing_subject and subject:
        if subject.strip().lower() == "there":
            return _tidy(_existential(words, negated))
        turned = _turn_round(words, subject)
        if negated and turned.startswith("ensure "):
            # "our passengers will not pay more" -> "ensure our passengers do not pay more"
            verb = base_form(words[0])
            body = turned[len("ensure ") :]
            head, sep, tail = (body + " ").partition(" " + verb + " ")  # "no depots will shut": the verb may end it
            if sep:
                return _tidy(f"ensure {head} do not {verb} {tail}")
        return _tidy(neg + turned)
    verb = base_form(words[0])
    if verb == "be" and len(words) > 1 and words[1].lower().endswith("ing"):
        words = [base_form(words[1]), *words[2:]]  # "be raising prices" -> "raise prices"
        verb = words[0]
    if verb == "be" and len(words) > 1 and is_participle(words[1]) and len(words) > 2:
        return _tidy(neg + " ".join(words))
    if words[0].lower().endswith("ing") and verb != words[0].lower():
        words[0] = verb
    elif words[0].lower() != verb and family in ("target",):
        words[0] = verb
    return _tidy(neg + " ".join(words))


def _perfect_as_act(words: list[str]) -> list[str]:
    """The future perfect names the act done by the date: "(will) have built 200 homes" is "build 200 homes",
    "(will) have been electrified" is "be electrified"; "have 1,400 buses" keeps its verb."""
    if not words or words[0].lower() != "have":
        return words
    adverb = [w for w in words[1:2] if re.fullmatch(r"[a-z]+ly", w.lower()) and w.lower() not in ("only", "early")]
    rest = words[1 + len(adverb):]  # "will have fully electrified the line": the adverb stays with the act
    if len(rest) > 1 and rest[0].lower() == "been" and is_participle(rest[1]):
        return ["be", *adverb, *rest[1:]]
    if rest and is_participle(rest[0]):
        return [*adverb, base_form(rest[0].lower()), *rest[1:]]
    return words


_LOWER_FIRST = frozenset(
    """the a an every each all some no our its their this these that those any both many most several few
    customers users patients passengers fares prices staff workers residents children pre-orders tickets""".split()
)


# A frame left inside a thing subject: "we are currently estimating that [the reopening]" (the frame was not
# recognised in its progressive form); the subject is what follows "that"
_FRAME_IN_SUBJECT = re.compile(r"^.*\b(?:estimat|expect|believ|anticipat|think|predict|forecast|project|assum|hop|"
                               r"reckon|say|said|confirm|announc)\w*(?:\s+\w+ly)?\s+that\s+(?=\S)", re.I)


def subject_np(subject: str) -> str:
    """A thing subject as the object of the turned-round ``what``: "Acme's new plant" -> "the new plant"."""
    subject = _FRAME_IN_SUBJECT.sub("", subject)
    s = re.sub(r"^(?:the\s+)?[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*(?:\s+[A-Z\u00c0-\u00de\u0100-\u017f][\w&.-]*)*['\u2019]s\s+", "the ", subject.strip())
    s = re.sub(r"^(?:no|none\s+of)\s+", "", s, flags=re.I)  # the negation goes on the verb
    s = re.sub(r"^(?:every|each)\s+", "every ", s, flags=re.I)
    first = s.split()[0] if s.split() else ""
    return s[:1].lower() + s[1:] if first.lower() in _LOWER_FIRST else s


def _existential(words: list[str], negated: bool) -> str:
    """"there would be no paid expansions" -> "have no paid expansions"; "there will not be cuts" -> "have no cuts"."""
    rest = words[1:] if words and words[0].lower() == "be" else words
    if negated and rest[:1] != ["no"]:
        rest = ["no", *rest]
    return "have " + " ".join(rest)


# "set for completion in 2027": the noun of an act done to the subject, as its verb
_NOMINAL_ACTS = {"completion": "completes", "opening": "opens", "launch": "launches", "delivery": "delivers",
                 "release": "releases", "closure": "closes", "debut": "debuts", "reopening": "reopens"}
# what takes place rather than arrives: "the first test flight is planned for 2027"
_OCCASIONS = re.compile(r"\b(?:\w+ing|flights?|launch|test|vote|election|fixture|match|meeting|visit|event|ceremony|"
                        r"hearing|summit|race|trial|debut|sale|auction|tour)\s*,?$", re.I)
PLANNED_FOR = re.compile(rf"{SCHEDULED_FOR}(?:\s+for\b)?\s*", re.I)  # "for" may have gone with the deadline ("for 2027")


# A state that is the result of an act: "will be shut by 2028" is the act of shutting, "will be completed in
# 2027" (or "complete", "finished") the act of completing
_STATE_OF_ACT = {"shut": "shut", "closed": "close", "frozen": "freeze", "capped": "cap", "completed": "complete",
                 "complete": "complete", "finished": "finish"}


# An amount of an act: "deliveries of 300,000 vans" is delivering them
_ACT_VERBS = {"deliveries": "deliver", "production": "produce", "output": "produce", "sales": "sell",
              "shipments": "ship"}
_ACT_OF = re.compile(rf"({'|'.join(_ACT_VERBS)})\s+of\s+(?=\S)", re.I)


def coming_as_arrival(verb_words: list[str]) -> list[str]:
    """ "is coming in the autumn" read as "arrives in the autumn": a thing's arrival, like any other."""
    words = [*verb_words[:1], *(w for w in verb_words[1:3] if w.lower() not in ("also", "now")), *verb_words[3:]]
    if len(words) > 1 and words[0].lower() in ("is", "are") and words[1].lower().strip(",.") == "coming":
        return ["arrives", *words[2:]]  # "are also coming later this year" arrives too
    if len(words) > 1 and words[0].lower() == "coming" and (words[1].lower() in _COMES_WHEN or (
            len(words) > 2 and words[1].lower() in ("for", "at", "from") and re.match(r"[$\u20ac\u00a3]?\d", words[2]))):
        return ["arrives", *words[1:]]  # a headline's "Gizmo Pro, coming in May", "coming for 249 dollars": its arrival
    if len(words) == 1 and words[0].lower().strip(",.") in ("come", "comes", "follow", "follows"):
        return ["arrives"]  # "will come in May", "the Orvo 5 will follow in spring", their dates already taken off
    if len(words) > 1 and words[0].lower() in ("follow", "follows") and words[1].lower() in _COMES_WHEN:
        return ["arrives", *words[1:]]  # "the Orvo SUV will follow in 2027": a product after another arrives
    if len(words) > 1 and words[0].lower() in ("come", "comes") and words[1].lower() in _COMES_WHEN \
            and not re.match(r"to\s+(?:an?\s+)?(?:end|close|halt|standstill|light|terms)\b", " ".join(words[1:4]), re.I):
        return ["arrives", *words[1:]]  # "will come in May", "comes to Dellan next year" (not "comes to an end")
    return verb_words


_COMES_WHEN = frozenset("in on to later next this soon early late before by out".split())


def _act_noun_at(words: list[str]) -> int | None:
    """The index of an act noun opening ``words`` ("production", "commercial production"), or None."""
    for k, w in enumerate(words[:2]):
        if w.lower() in ACT_NOUNS:
            return k
        if not re.fullmatch(r"[a-z-]+", w):
            return None
    return None


def _turn_round(words: list[str], subject: str) -> str:
    """A thing as subject: "the demo will be available" -> "make the demo available"."""
    np = subject_np(subject)
    first = words[0].lower()
    if first in ("remain", "stay") and len(words) > 1 and words[1].lower() in COMMIT_ADJ:
        return f"keep {np} {' '.join(words[1:])}"  # "the free tier will remain free" -> "keep the free tier free"
    if first == "be" and len(words) > 1:
        second = words[1].lower()
        rest = " ".join(words[2:])
        if second in _STATE_OF_ACT:  # "all depots will be shut (down) by 2028" -> "shut (down) all depots"
            particle = "down " if rest.split()[:1] == ["down"] else ""
            return f"{_STATE_OF_ACT[second]} {particle}{np} {rest[len(particle):]}".strip()
        if second in COMMIT_ADJ:
            return f"make {np} {second} {rest}".strip()
        made_of = second in ("made", "composed", "comprised", "formed") and re.match(r"(?:up\s+)?of\b", rest) is not None
        if second in _COMPLEMENT_VERBS and len(words) > 2 and not made_of:
            return f"{base_form(second)} {np} {words[2]} {' '.join(words[3:])}".strip()
        if is_participle(second) and not made_of:
            return f"{base_form(second)} {np} {rest}".strip()
        # "will be made up of women", "be composed of": what it consists of, not an act done to it
        return f"ensure {np} {'is' if not np.endswith('s') else 'are'} {' '.join(words[1:])}".strip()
    verb = base_form(first)
    act = _act_noun_at(words[1:])
    if verb in _PHASE_VERBS and act is not None and np.split()[-1].lower() in SITE_KINDS:
        # "the plant will start production" -> "start production at the plant"
        return f"{verb} {' '.join(words[1:act + 2])} {'of' if words[act + 1].lower() == 'construction' else 'at'} " \
               f"{np} {' '.join(words[act + 2:])}".strip()
    if verb in ("arrive", "follow"):  # "the new trains will arrive in May", "a free tier will follow next year"
        return f"deliver {np} {' '.join(words[1:])}".strip()
    if verb in _ERGATIVE:
        if len(words) > 1 and words[1].lower() in {"its", "their", "the", "a", "an"} or verb in {"carry", "run", "take", "enter", "go", "come"}:
            return f"have {np} {' '.join([verb, *words[1:]])}".strip()
        return f"{verb} {np} {' '.join(words[1:])}".strip()
    return f"ensure {np} {' '.join([verb, *words[1:]])}".strip()
