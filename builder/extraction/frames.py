"""Clause frames: for every predicate, who acts, who is acted on, who speaks, with what, where,
and whether it happened, read from the dependency parse.

A :class:`Frame` is built for every verb and for every noun of hostile action ("the raid",
"clashes"). Its roles hold the token indices of the heads of noun phrases:

- ``agents``: the subject of an active verb, the "by" phrase of a passive one, the possessor or
  "by" phrase of a noun ("the insurgents' raid", "an attack by X"), the subject of a light verb
  whose object is the noun ("X launched an offensive"), who takes part in it ("played a key
  role in the war against Y", "went to war with Y", "were killed in clashes with Y"), a subject
  shared through coordination or control ("X vowed to attack", "X stormed and seized"), the noun
  a relative clause or a participle modifies ("the group, which controls", "gunmen firing at"),
  the subject of the clause a perfect participle hangs on ("X is a colonel, having served in Y");
- ``patients``: the object of an active verb, the subject of a passive one, the noun a passive
  participle modifies ("a convoy ambushed by X"), the "on"/"against"/"at" phrase of a hostile
  predicate, the "of" phrase of a hostile noun, the other side of a symmetric one ("clashes
  between A and B", "A clashed with B", "clashes erupted between A and B");
- ``speakers`` and ``addressees``: the subject of a verb of saying over the clause, the
  "according to" phrase, the one told ("told a news agency"). They are never participants.

``negated`` (a "not", "no", a verb of denial above), ``modality`` ("modal", "possible" ("may
be shot"), "future", "intention", "hypothetical", "attempt") and ``reporting`` (a verb of saying) say whether the clause states
a fact. The vocabularies come from ``data/lexicons/clauses.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .doc_columns import columns as doc_columns
from .frame_phrases import HELPING, TELL, agent_phrases, ally_phrase, counted, object_controller, occurring_between, on_side, opposed_means, pobjs, with_conjuncts
from .lexicon import Lexicon

SUBJECTS = ("nsubj", "csubj", "expl")
OBJECTS = ("dobj", "obj", "attr", "oprd")


@dataclass
class Frame:
    """One predicate and its roles (token indices of phrase heads)."""

    head: int
    lemma: str
    kind: str  # "verb" | "noun"
    agents: list[int] = field(default_factory=list)
    patients: list[int] = field(default_factory=list)
    speakers: list[int] = field(default_factory=list)
    addressees: list[int] = field(default_factory=list)
    instruments: list[int] = field(default_factory=list)
    places: list[int] = field(default_factory=list)
    destinations: list[int] = field(default_factory=list)  # "deployed fighters to Mali", "moved into the town"
    sources: list[int] = field(default_factory=list)  # "from" phrases: whom a place was taken from
    allies: list[int] = field(default_factory=list)  # "alongside", "together with", "in a joint operation with"
    opposed: list[int] = field(default_factory=list)  # "against" phrases of a predicate that is not itself hostile
    negated: bool = False
    modality: str | None = None
    reporting: bool = False
    passive: bool = False
    hostile: bool = False
    symmetric: bool = False
    paired: bool = False  # sides named as a pair ("between A and B"): not one side each with its conjuncts

    @property
    def factual(self) -> bool:
        """Whether the clause states that it happened (not denied, not a threat, plan or condition;
        an attempt happened)."""
        return not self.negated and self.modality not in ("intention", "hypothetical", "future", "possible")

    @property
    def achieved(self) -> bool:
        """Whether what the clause states came about: factual and not a mere attempt ("tried to
        seize the town": the fight happened, the town was not taken)."""
        return self.factual and self.modality != "attempt"


@dataclass(frozen=True)
class ClauseWords:
    """The vocabularies frames are read with, inflected once per pipeline."""

    reporting: frozenset[str]
    hostile_verbs: frozenset[str]
    hostile_nouns: frozenset[str]
    symmetric: frozenset[str]
    light: frozenset[str]
    participation_nouns: frozenset[str]
    participation_verbs: frozenset[str]
    war_entry: frozenset[str]
    means: frozenset[str]
    intention: frozenset[str]
    attempt: frozenset[str]
    negating: frozenset[str]
    modals: frozenset[str]
    possible: frozenset[str]
    hypothetical: frozenset[str]
    unrealised: frozenset[str]
    copulas: frozenset[str]
    relative: frozenset[str]
    place_preps: frozenset[str]
    patient_preps: frozenset[str]
    opposing: frozenset[str]
    alliance: frozenset[str]
    side_taking: frozenset[str]
    support: frozenset[str]
    lemma: dict

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> "ClauseWords":
        def forms(name: str) -> frozenset[str]:
            return frozenset(lex.forms(name))

        lemma: dict[str, str] = {}
        for name in ("reporting_verbs", "hostile_verbs", "hostile_nouns", "symmetric_hostile", "light_verbs", "intention_verbs", "negating_verbs", "copulas"):
            for form, lem in lex.forms(name).items():
                lemma.setdefault(form, lem)
        return cls(
            reporting=forms("reporting_verbs"),
            hostile_verbs=forms("hostile_verbs"),
            hostile_nouns=forms("hostile_nouns"),
            symmetric=forms("symmetric_hostile"),
            light=forms("light_verbs"),
            participation_nouns=forms("participation_nouns"),
            participation_verbs=forms("participation_verbs"),
            war_entry=forms("war_entry_verbs"),
            means=forms("means_verbs"),
            intention=forms("intention_verbs"),
            attempt=forms("attempt_verbs"),
            negating=forms("negating_verbs"),
            modals=lex.words("modal_auxiliaries"),
            possible=lex.words("possibility_auxiliaries"),
            hypothetical=lex.words("hypothetical_markers"),
            unrealised=lex.words("unrealised_modifiers"),
            copulas=forms("copulas"),
            relative=lex.words("relative_pronouns"),
            place_preps=lex.words("place_prepositions"),
            patient_preps=lex.words("patient_prepositions"),
            opposing=forms("opposing_objects"),
            alliance=forms("alliance_verbs") | forms("alliance_words"),
            side_taking=forms("side_taking_verbs"),
            support=lex.words("support_nouns"),
            lemma=lemma,
        )


def is_verb(tok: Token) -> bool:
    """By the tag, or by a passive auxiliary or "by" agent the tagger's noun governs ("was overrun/NN by")."""
    return tok.tag_.startswith("VB") or tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX") or (tok.tag_ == "NN" and any(c.dep_ in ("auxpass", "agent") for c in tok.children))


def _antecedent(tok: Token, words: ClauseWords) -> Token:
    """The noun a relative pronoun stands for ("the group, which controls ..." -> group)."""
    if tok.lower_ in words.relative and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _subjects(verb: Token, words: ClauseWords) -> list[Token]:
    return [_antecedent(c, words) for c in verb.children if c.dep_ in SUBJECTS and c.tag_ != "EX"]


def _inherited_subjects(verb: Token, words: ClauseWords) -> list[Token]:
    """A subject the verb shares: with the verb it is coordinated with ("X stormed and seized"), the controller of an infinitive ("X vowed to attack": X; "ordered troops to attack": troops)."""
    head, controller = verb.head, object_controller(verb, words.reporting)  # "blamed X for firing", "called on X to stop"
    if controller:
        return controller
    if verb.dep_ == "conj" and is_verb(head):
        subj = _subjects(head, words)
        if not subj and (verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)):  # active: "It is aligned with X and has received arms from Iran", not "was shelled and captured"
            subj = [_antecedent(c, words) for c in head.children if c.dep_ == "nsubjpass"]
        return subj or _inherited_subjects(head, words)
    if verb.dep_ == "xcomp" and is_verb(head):
        objects = [c for c in head.children if c.dep_ == "dobj" and head.lower_ not in words.means]  # "used helicopters to drop": the user drops
        return objects or _subjects(head, words) or _inherited_subjects(head, words)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return [head]  # "gunmen firing at the crowd"
    acting = verb.lower_ in words.hostile_verbs or verb.lower_ in words.means
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and acting and is_verb(head) and not any(c.dep_ == "mark" for c in verb.children):
        # "X conducted strikes using aircraft", "X stormed the town, killing five": the participle's subject is the clause's
        return _subjects(head, words) or _inherited_subjects(head, words)
    if verb.dep_ == "advcl" and is_verb(head) and any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children):
        return _subjects(head, words) or _inherited_subjects(head, words)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and is_verb(head.head):
        # "joined Iraqi troops in shelling ISIL positions": those of the verb above act
        return _subjects(head.head, words) + [c for c in head.head.children if c.dep_ == "dobj" and head.head.lower_ in HELPING]
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if infinitive and verb.dep_ == "advcl" and is_verb(head):
        return _subjects(head, words) or _inherited_subjects(head, words)  # "X stands by Iraq to defeat Daesh"
    if infinitive and verb.dep_ == "acl" and not is_verb(head):
        # "their campaign to defeat ISIL", "the Coalition's effort to degrade ISIL"
        owner = [c for c in head.children if c.dep_ in ("poss", "compound") and c.i < head.i]
        if owner:
            return owner
        if head.dep_ == "dobj" and is_verb(head.head):
            return _subjects(head.head, words) or _inherited_subjects(head.head, words)  # "launched a campaign to ..."
        if head.dep_ == "pobj" and head.head.head.i != head.head.i and is_verb(head.head.head):
            # "continue in their effort to defeat", "will strike targets in order to defeat": the clause's subject
            return _subjects(head.head.head, words) or _inherited_subjects(head.head.head, words)
    return []


def _reports_clause(verb: Token) -> bool:
    """A verb of saying that reports a clause ("said gunmen killed four", "..., the army said"),
    not one with a noun object ("claimed responsibility for the attack", "denied any role")."""
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "parataxis") for c in children) or verb.dep_ in ("parataxis",):
        return True
    return not any(c.dep_ in ("dobj", "attr") for c in children)


def _verb_roles(frame: Frame, verb: Token, words: ClauseWords) -> None:
    deps = {c.dep_ for c in verb.children}  # an active subject outweighs a stray "auxpass" ("IS fighters fired", IS taken for "is")
    passive = bool(deps & {"nsubjpass", "agent"}) or ("auxpass" in deps and "nsubj" not in deps) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    frame.passive = passive
    subjects = _subjects(verb, words) or ([] if passive else _inherited_subjects(verb, words))
    if passive:
        frame.patients += [_antecedent(c, words).i for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "acl":
            frame.patients.append(verb.head.i)  # "a convoy ambushed by X"
        elif verb.dep_ == "advcl" and not frame.patients:
            # "Backed by Iran, the Houthis seized ...", "... retook the town, aided by Rwanda":
            # the participle is said of the main clause's subject
            frame.patients += [c.i for c in verb.head.children if c.dep_ == "nsubj"]
        for agent in agent_phrases(verb):
            for by in (agent, *(c for c in agent.conjuncts if c.lower_ == "by")):  # "by X and by Y"
                frame.agents += [t.i for t in pobjs(by)]
    else:
        frame.agents += [t.i for t in subjects]
        if verb.dep_ == "relcl":
            # "the town, which X seized": the relative pronoun is the object
            frame.patients += [verb.head.i for c in verb.children if c.dep_ == "dobj" and c.lower_ in words.relative]
        for c in verb.children:
            if c.dep_ == "dobj" and c.lower_ not in words.relative:
                (frame.addressees if frame.reporting and c.lower_ not in ("that",) and verb.lower_ in TELL else frame.patients).append(c.i)
            elif c.dep_ in ("dative", "iobj"):
                frame.addressees.append(c.i)


def _noun_roles(frame: Frame, noun: Token, words: ClauseWords) -> None:
    for c in noun.children:
        if c.dep_ == "poss":
            frame.agents.append(c.i)  # "the insurgents' raid"
        elif c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
            frame.agents.append(c.i)  # "a JNIM attack", "an Israeli raid" (a "drone strike" names no one)
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in ("with", "through", "using", "via", "in") and is_verb(prep.head):
        # "supports the army with airstrikes against ISIL": those who act with the strikes strike
        frame.agents += [t.i for t in _subjects(prep.head, words) or _inherited_subjects(prep.head, words)]
    held = noun.head if noun.dep_ == "appos" else noun  # "launched Operation Shujaa, a joint offensive against X"
    light = held.head if held.dep_ in ("dobj", "nsubjpass") and (held.head.lower_ in words.light or held.head.lower_ in words.means) else None
    if light is not None:
        # "X launched an offensive against Y", "an attack was carried out by X"
        if held.dep_ == "dobj":
            frame.agents += [t.i for t in _subjects(light, words) or _inherited_subjects(light, words)]
        else:
            for agent in (c for c in light.children if c.dep_ == "agent"):
                frame.agents += [t.i for t in pobjs(agent)]
        for prep in (c for c in light.children if c.dep_ == "prep"):
            _prep_role(frame, prep, words, allow_of=False)
    frame.agents += [t.i for t in _participants(noun, words)]
    if prep is not None and is_verb(prep.head):
        _sides_of_state(frame, noun, prep, words)


def _sides_of_state(frame: Frame, noun: Token, prep: Token, words: ClauseWords) -> None:
    """The sides of a fight the clause puts its subject in: "Israel has been at war with Hamas",
    "Ethiopia went to war with Eritrea" ("with" hung on the verb), "went on the offensive against
    the army"; "five soldiers were killed in clashes with X": the passive subject of a verb whose
    "in"/"during" phrase is a fight with a side named was a side ("wounded in the fighting": no)."""
    verb = prep.head
    if prep.lower_ in ("at", "to", "into", "on") and (verb.lower_ in words.copulas or verb.lower_ in words.war_entry):
        frame.agents += [t.i for t in _subjects(verb, words) or _inherited_subjects(verb, words)]
        for other in (c for c in verb.children if c.dep_ == "prep" and c.i != prep.i):
            if other.lower_ == "against" or (other.lower_ == "with" and frame.symmetric and not ally_phrase(other, words)):
                frame.patients += [t.i for t in pobjs(other)]
    elif prep.lower_ in ("in", "during") and frame.symmetric and not frame.agents and any(c.lower_ in ("with", "against") for c in noun.children):
        frame.agents += [_antecedent(c, words).i for c in verb.children if c.dep_ == "nsubjpass"]


def _participants(noun: Token, words: ClauseWords) -> list[Token]:
    """Who takes part in the action a noun names: "X participated in the offensive", "X took part
    in the fighting", "X played a key role in / is committed to / is our partner in the war
    against Y", "X's contribution to the campaign against Y", "X is a key part of the fight"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "to", "of") or prep.head.i == prep.i:
        return []
    above = prep.head
    if is_verb(above) or (above.dep_ == "acomp" and above.lower_ in words.participation_verbs):
        takes_part = (above.lower_ in words.participation_verbs and prep.lower_ in ("in", "to")) or (
            prep.lower_ == "in" and any(c.dep_ == "dobj" and c.lower_ in words.participation_nouns for c in above.children)
        )
        if not takes_part:
            return []
        if above.dep_ in ("acomp", "oprd") and is_verb(above.head):
            return _subjects(above.head, words) or _inherited_subjects(above.head, words)  # "remains committed to the fight"
        return _subjects(above, words) or _inherited_subjects(above, words)
    if above.lower_ not in words.participation_nouns:
        return []
    described = above.dep_ == "attr" and above.head.lower_ in words.copulas  # "X are our partners in the fight"
    owner = [c for c in above.children if c.dep_ == "poss"]
    if (owner and not described) or not is_verb(above.head):
        return owner
    if above.dep_ == "dobj" or described:
        return _subjects(above.head, words) or _inherited_subjects(above.head, words)
    return []


def _prep_role(frame: Frame, prep: Token, words: ClauseWords, allow_of: bool) -> None:
    """The role of one prepositional phrase of the predicate."""
    word = prep.lower_
    objs = pobjs(prep)
    if not objs:
        if word == "according":
            for to in (c for c in prep.children if c.dep_ == "prep" and c.lower_ == "to"):
                frame.speakers += [t.i for t in pobjs(to)]
        return
    heads = [t.i for t in objs]
    if word == "by" and frame.kind == "noun":
        frame.agents += heads
    elif word == "between" and frame.symmetric:
        sides = [i for t in objs for i in with_conjuncts(t)]
        if len(sides) == 1:
            # "between the army and M23 rebels": the parser coordinated the first side with the
            # modifier of the second
            sides = next((with_conjuncts(c) for c in objs[0].children if c.dep_ in ("nmod", "compound", "amod") and c.i < objs[0].i and c.conjuncts), sides)
        frame.agents.append(sides[0])
        frame.patients += sides[1:]
        frame.paired = True
    elif word == "with" and frame.symmetric:
        frame.patients += [t.i for t in objs if t.lower_ not in words.support]  # "fought IS with the support of X": X is no foe
    elif word in words.patient_preps and frame.hostile and not on_side(prep):
        frame.patients += heads
    elif word == "against":
        frame.opposed += heads  # "held their lines against X", "used drones against X"
    elif word == "targeting":
        frame.patients += heads
    elif word == "of" and allow_of and frame.kind == "noun" and frame.hostile:
        frame.patients += heads  # "the siege of X", "the killing of X"
    elif ally_phrase(prep, words):
        pass  # read by _attach_phrases
    elif word == "from":
        frame.sources += heads
    elif word in ("to", "into", "towards") and frame.kind == "verb":
        frame.destinations += heads
    elif word in ("with", "using", "via"):
        frame.instruments += heads
    elif word in words.place_preps:
        frame.places += heads


def _governing_modality(tok: Token, words: ClauseWords) -> tuple[bool, str | None]:
    """Negation and modality from the verbs above a clause: "denied attacking", "threatened to
    strike", "plans to", "if X attacks"."""
    negated, modality = False, None
    node = tok
    for _ in range(4):
        infinitive_subject = node.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.head.children)
        if node.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "conj") and not infinitive_subject or node.head.i == node.i:
            break  # the subject of a "to" clause is governed from above it: "expect strikes on border towns to intensify"
        node = node.head
        lower = node.lower_
        if lower in words.negating:
            negated = True
        elif lower in words.intention and node.dep_ != "amod":
            modality = "intention" if modality in (None, "attempt") else modality  # "expects X to attempt an ambush": none tried yet
        elif lower in words.attempt:
            modality = modality or "attempt"
        if any(c.dep_ == "neg" for c in node.children) and node.lower_ not in words.reporting:
            negated = True
    return negated, modality


def _own_modality(frame: Frame, tok: Token, words: ClauseWords) -> None:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            frame.negated = True
        elif c.dep_ in ("aux", "auxpass") and c.lower_ in words.modals:
            frame.modality = "future" if c.lower_ in ("will", "'ll", "shall", "wo") else "possible" if c.lower_ in words.possible else "modal"
        elif c.dep_ == "mark" and c.lower_ in words.hypothetical or c.dep_ == "amod" and c.lower_ in words.unrealised:
            frame.modality = "hypothetical"  # "if X attacks", "an expected assault", "a planned bombing"
        elif c.dep_ == "aux" and c.lower_ == "to" and tok.head.lower_ in words.intention and not _in_order_to(tok):
            frame.modality = "intention"
        elif c.dep_ == "aux" and c.lower_ == "to" and tok.head.lower_ in words.attempt:
            frame.modality = "attempt"
    negated, modality = _governing_modality(tok, words)
    frame.negated = frame.negated or negated
    frame.modality = modality if frame.modality == "attempt" and modality == "intention" else frame.modality or modality
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for") and tok.head.head.lower_ in ("threat", "plan", "plans", "risk", "possibility", "fear", "fears"):
        frame.modality = "intention"


def _in_order_to(tok: Token) -> bool:
    """"struck targets in order to defeat X": a purpose of what the clause did, no order given."""
    head = tok.head
    return head.lower_ == "order" and head.dep_ == "pobj" and head.head.lower_ == "in"


def _frame_of(tok: Token, words: ClauseWords) -> Frame | None:
    lower = tok.lower_
    if is_verb(tok) and tok.dep_ not in ("aux", "auxpass"):
        frame = Frame(tok.i, words.lemma.get(lower, lower), "verb")
        frame.reporting = lower in words.reporting and _reports_clause(tok)
        frame.hostile = lower in words.hostile_verbs
        frame.symmetric = lower in words.symmetric
        _verb_roles(frame, tok, words)
    elif tok.tag_ in ("NN", "NNS") and lower in words.hostile_nouns:
        frame = Frame(tok.i, words.lemma.get(lower, lower), "noun", hostile=True, symmetric=lower in words.symmetric)
        _noun_roles(frame, tok, words)
    else:
        return None
    for prep in (c for c in tok.children if c.dep_ in ("prep", "agent") and c.dep_ != "agent"):
        _prep_role(frame, prep, words, allow_of=True)
    _own_modality(frame, tok, words)
    return frame


def _spread_speakers(frames: list[Frame], doc: Doc) -> None:
    """Who speaks over a clause speaks over everything it governs: the subject of "said" is the
    speaker of the clause it reports, "according to X" of the clause it is attached to."""
    by_head = {f.head: f for f in frames}
    for frame in frames:
        said = list(frame.agents) if frame.reporting else []
        speakers = said + frame.speakers
        if not speakers and not frame.addressees:
            continue
        covered = set(speakers) | set(frame.addressees)
        acted = [c for c in doc[frame.head].children if c.dep_ == "xcomp"] if frame.reporting else []  # "X claims to be making bombs": X acts
        shielded = {t.i for s in [*covered, *(c.i for c in acted)] for t in doc[s].subtree}
        for tok in doc[frame.head].subtree:
            other = by_head.get(tok.i)
            if other is None or other is frame or tok.i in shielded:
                continue
            other.speakers += [s for s in speakers if s not in other.speakers]
            other.addressees += [a for a in frame.addressees if a not in other.addressees]
        if frame.reporting:
            frame.speakers = list(dict.fromkeys(said + frame.speakers))


def _attach_phrases(frames: list[Frame], doc: Doc, words: ClauseWords, preps: list[int]) -> None:
    """Phrases the parser hung on a noun belong to the predicate above it: "fought alongside US
    forces against ISIS" hangs "against ISIS" on "forces", "VDP together with the army
    repelled" hangs the ally on "VDP", "in a joint operation with X" hangs it on "operation".
    ``preps``: the tokens labelled ``prep``, in order."""
    by_head = {f.head: f for f in frames}
    for i in preps:
        tok = doc[i]
        allies = ally_phrase(tok, words)
        means_of = opposed_means(tok, by_head, words)
        if means_of is not None:
            means_of.opposed += [t.i for t in pobjs(tok)]
            continue
        occurring = occurring_between(tok, by_head)
        if occurring is not None:
            _prep_role(occurring, tok, words, allow_of=False)
            continue
        hostile_prep = not allies and (tok.lower_ in words.patient_preps or tok.lower_ in ("with", "between")) and tok.head.i not in by_head
        place_prep = tok.lower_ in words.place_preps and tok.head.i not in by_head and not is_verb(tok.head)
        if not allies and not hostile_prep and not place_prep:
            continue
        node = tok
        for _ in range(4):
            if node.head.i == node.i:
                break
            node = node.head
            frame = by_head.get(node.i)
            if frame is None or (frame.kind == "noun" and allies) or (hostile_prep and not frame.hostile):
                continue
            if hostile_prep and tok.lower_ in ("with", "between") and not frame.symmetric:
                break
            if allies:
                frame.allies += [t.i for t in allies if t.i not in frame.allies]
            elif hostile_prep:
                _prep_role(frame, tok, words, allow_of=False)
            else:
                frame.places += [t.i for t in pobjs(tok) if t.i not in frame.places]  # "an SNA base in Adan Yabaal"
            break


_NOT_ROLES = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"))


def _drop_speakers(frame: Frame, doc: Doc, not_roles: set[int]) -> None:
    """Speakers and those told are never participants; dates and numbers (``not_roles``, the tokens of such entities) are no roles."""
    voices = {t.i for s in frame.speakers + frame.addressees for t in doc[s].subtree} | not_roles
    frame.patients = [counted(doc[i]) if i in not_roles else i for i in frame.patients]  # "killed dozens of civilians"
    frame.agents = [i for i in dict.fromkeys(frame.agents) if i not in voices or frame.reporting]
    frame.patients = [i for i in dict.fromkeys(frame.patients) if i not in voices and i not in frame.agents]


def read_frames(doc: Doc, words: ClauseWords) -> list[Frame]:
    """Every clause frame of the document, in token order."""
    columns = doc_columns(doc)
    frames = [f for i in columns.may_head(words.hostile_nouns, words.hostile_verbs) if (f := _frame_of(doc[i], words)) is not None]
    _attach_phrases(frames, doc, words, columns.with_dep("prep"))
    _spread_speakers(frames, doc)
    not_roles = columns.with_ent_type(_NOT_ROLES)
    for frame in frames:
        _drop_speakers(frame, doc, not_roles)
    return frames
