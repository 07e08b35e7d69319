"""Claims of responsibility, read from the clause: who claims is a grammatical role, not the
actor named last before a keyword.

A sentence claims an act when

- a verb of claiming has responsibility, credit or an act as its object: "X claimed
  responsibility for the ambush", "X claimed the attack", "X took credit for the blast";
- it does so in the passive, the claimant being the agent: "Responsibility for the attack was
  claimed by X", "The bombing was claimed by X";
- a group says its own people did the act: "X said its fighters had carried out the bombing",
  "the group said in a statement that it had overrun the base", "X said one of its units
  shelled the base", "X's Amaq agency said fighters of its Mozambique province had burned the
  church" (the speaker being a non-state group or its outlet: a state's statement of what its
  troops did is a report, not a claim of responsibility);
- a group admits doing it: "X admitted carrying out the killings".

A claim that is denied ("X denied responsibility", "no group has claimed") is none. Where the
parse is missing, the lexicon's "claim" pattern is read instead (its claimant then comes from
the actors before it, :func:`claimant`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import terms as T
from ..extensions import ext
from ..knowledge import Knowledge
from ..phrases import PhraseReader
from ..sentences import SentenceInfo
from ..state import Mention, is_subject
from .triggers import trigger

OWN_PRONOUNS = frozenset(("it", "they", "we"))
CLAIMED_PRONOUNS = frozenset(("it", "this", "them", "both"))  # "...; ISKP claimed it": the act told before
OWNING_POSSESSIVES = frozenset(("its", "their", "our", "his", "her"))  # "a commander said his men had ..."


@dataclass(frozen=True)
class ClaimCue:
    """Where a sentence claims an act: its words (character offsets in the sentence's text, from
    the verb of claiming to the end of what is claimed) and the head token of who claims, where
    the parse gives it."""

    start: int
    end: int
    who: Token | None = None
    doer: Token | None = None  # who acted, in a group's saying that its people did ("its fighters")

    @property
    def reported(self) -> bool:
        """Whether a group says its people acted (a claim only when it is not a state's)."""
        return self.doer is not None

    def text(self, sent: SentenceInfo) -> str:
        return sent.text[self.start : self.end]


def claim_cue(doc: Doc, k: Knowledge, sent: SentenceInfo) -> ClaimCue | None:
    """The sentence's claim of responsibility, or None."""
    text, low = sent.text, sent.lowered
    if k.search("negated_claim", text, low):
        return None
    parsed = sent.parsed
    if parsed:
        verbs = k.lex.any_forms("claim_verbs", "owning_verbs", "reporting_verbs", "admitting_verbs")
        # the sentence's words first: most hold none of these verbs, and walking the span makes a Token of each word
        for tok in () if sent.words.isdisjoint(verbs) else (t for t in sent.span if t.lower_ in verbs):
            cue = _claimed(k, sent, tok) or _said_own_act(k, sent, tok) or _claimed_to_have(k, sent, tok) or _admitted(k, sent, tok)
            if cue is not None:
                return cue
    found = k.search("claim", text, low)  # what the parse misses ("claim of responsibility")
    if found is None or parsed and _read_otherwise(k, sent, found.start()):
        return None
    return ClaimCue(found.start(), found.end())


def _read_otherwise(k: Knowledge, sent: SentenceInfo, start: int) -> bool:
    """Whether the parse reads the verb of claiming a pattern found as claiming something else:
    an object that is no act ("the flood claimed the lives of six"), or a clause that tells no
    act done ("the party claimed that the vote was rigged", "claimed that the rebels were
    planning an attack"). A claim that an act was done stays one, whoever the clause says did
    it ("the group claimed that a unit of mujahideen struck a patrol")."""
    verb = next((t for t in sent.span if t.idx - sent.start == start), None)
    if verb is None or verb.lower_ not in k.lex.forms("claim_verbs"):
        return False
    told = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(_told_done(k, c) and _an_act(k, sent, c) for c in told):
        return False
    return bool(told) or any(c.dep_ == "dobj" for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _cue(sent: SentenceInfo, verb: Token, what: Token, who: Token | None, doer: Token | None = None) -> ClaimCue:
    end = max(what.right_edge.idx + len(what.right_edge), verb.idx + len(verb))
    return ClaimCue(verb.idx - sent.start, min(end, sent.start + len(sent.text)) - sent.start, who, doer)


def _claimed(k: Knowledge, sent: SentenceInfo, verb: Token) -> ClaimCue | None:
    """"X claimed responsibility/the attack/it", "X took credit for it", "Responsibility for the
    attack was claimed by X"."""
    lex = k.lex
    claiming = verb.lower_ in lex.forms("claim_verbs")
    owning = verb.lower_ in lex.forms("owning_verbs")
    if not (claiming or owning) or not verb.tag_.startswith("VB") or _negated(verb) or _habit(k, verb):
        return None
    nouns = lex.words("responsibility_nouns")
    claimed = lex.any_forms("hostile_nouns", "event_nouns")
    for child in verb.children:
        owned = child.lower_ in nouns or claiming and (child.lower_ in claimed and not _a_record(child) or child.lower_ in CLAIMED_PRONOUNS)
        if child.dep_ in ("dobj", "dep") and child.i > verb.i and owned:  # "dep": an object after an adjunct ("claimed, through its agency, the attack")
            act = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), child) if child.lower_ in nouns else child
            return _cue(sent, verb, max(child, act, key=lambda t: t.right_edge.i), _subject(verb))  # "took credit [for the raid]"
        if child.dep_ == "nsubjpass" and owned:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            return _cue(sent, verb, by or child, by)
    return None


def _habit(k: Knowledge, verb: Token) -> bool:
    """Whether the verb tells a habit: an adverb of frequency ("rarely claims its operations") or
    the simple present with no auxiliary ("IS claims most attacks in the province"); reporting
    tells acts in the past."""
    if any(c.dep_ == "advmod" and c.lower_ in k.lex.words("habit_adverbs") for c in verb.children):
        return True
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _a_record(noun: Token) -> bool:
    """A plural event noun without a definite determiner or possessor names a kind of act, not
    one ("has claimed most large attacks since 2019", "claims attacks on the army")."""
    return noun.tag_ == "NNS" and not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in ("the", "these", "those", "both") for c in noun.children)


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with ("X attacked the post and
    claimed it")."""
    for v in (verb, verb.head if verb.dep_ == "conj" else verb):
        subject = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


def _said_own_act(k: Knowledge, sent: SentenceInfo, verb: Token) -> ClaimCue | None:
    """"X said its fighters had carried out the bombing": a verb of saying or claiming whose
    clause has the speaker's own people (it, its fighters, one of its units) do an act."""
    lex = k.lex
    if verb.lower_ not in lex.any_forms("reporting_verbs", "claim_verbs") or _negated(verb):
        return None
    if verb.lower_ in lex.forms("negating_verbs"):
        return None  # "the RSF denied that its forces had targeted civilians": no claim
    speaker = _subject(verb)
    if speaker is None or speaker.lower_ in ("i", "he", "she"):
        return None
    for clause in _reported_clauses(verb):
        doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)  # "its posts were targeted": its people were the targets
        if doer is not None and _own(doer) and _told_done(k, clause) and _an_act(k, sent, clause):
            return _cue(sent, verb, clause, speaker, doer)
    return None


def _claimed_to_have(k: Knowledge, sent: SentenceInfo, verb: Token) -> ClaimCue | None:
    """"JNIM claimed to have killed 30 soldiers": a verb of claiming with a perfect infinitive
    that tells an act, done by who claims (a state's claim of its own deeds counts only as a
    group's does, see :attr:`ClaimCue.reported`); not "claims to control the town"."""
    if verb.lower_ not in k.lex.forms("claim_verbs") or _negated(verb) or _habit(k, verb):
        return None
    for clause in (c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBN"):
        if any(a.dep_ == "aux" and a.lower_ == "have" for a in clause.children) and _an_act(k, sent, clause):
            who = _subject(verb)
            return _cue(sent, verb, clause, who, who) if who is not None else None
    return None


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a verb of saying reports: its complement ("said its fighters had ...") and
    the clauses joined to it ("... and that it had seized rifles"), or the clause of a statement
    it names ("said in a statement that it had overrun the base")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.tag_.startswith("VB")]
    clauses += [c for clause in clauses for c in clause.conjuncts if c.tag_.startswith("VB")]  # "said seven soldiers were killed and that it had seized rifles"
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            clauses += [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.tag_.startswith("VB") and any(m.dep_ == "mark" for m in c.children)]
    return clauses


def _own(doer: Token) -> bool:
    """Whether the subject of a reported clause is the speaker's own people: "it", "they", "its
    fighters", "one of its units", "fighters of its Sahel province"."""
    if doer.lower_ in OWN_PRONOUNS:
        return True
    if any(c.dep_ == "poss" and c.lower_ in OWNING_POSSESSIVES for c in doer.children):
        return True
    for prep in (c for c in doer.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(_own(o) for o in prep.children if o.dep_ == "pobj" and o.lower_ not in OWN_PRONOUNS):
            return True
    return False


def _told_done(k: Knowledge, clause: Token) -> bool:
    """Whether a reported clause tells a deed done, not one denied, to come or going on ("said it
    would strike again", "said it had not attacked civilians", "said its air force was targeting
    rebel gatherings")."""
    modals = k.lex.words("modal_auxiliaries")
    return not _negated(clause) and clause.tag_ != "VBG" and not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children)


def _an_act(k: Knowledge, sent: SentenceInfo, clause: Token) -> bool:
    """Whether a reported clause tells an act of violence: its verb is hostile or of destruction
    ("shelled the base", "burned the church"), it is "behind" something, or its verb and object
    hold an event trigger or an event noun ("carried out the bombing", "staged an operation");
    not an arrest ("said it had arrested four suspects"), an agreement or a protest ("said they
    had sent a ceasefire committee"), nor a blow against another's act ("said its troops
    repelled the attack", "repelled the attackers")."""
    lex = k.lex
    # its object, not a clause below it, nor the "that" the parser sometimes hangs on the verb as
    # one ("said in a statement on its site that its fighters had carried out the operation")
    told = next((c for c in clause.children if c.dep_ == "dobj" and c.i > clause.i), None)
    end = told.right_edge.idx + len(told.right_edge) if told is not None else clause.idx + len(clause)
    found = trigger(k, sent.text[clause.idx - sent.start : end - sent.start])
    if found is not None and (found[0] in (T.ARRESTS, T.AGREEMENT) or k.event_type_of.get(found[0]) == T.PROTESTS):
        return False  # no deed one claims: "said they had sent a ceasefire committee", "said its members had marched"
    nouns = lex.any_forms("event_nouns", "hostile_nouns")
    if clause.lower_ in lex.forms("defending_verbs"):
        return False  # "said its troops had repelled the attackers": holding off another's attack
    if any(clause.lower_ in lex.forms(name) for name in ("hostile_verbs", "destruction_verbs")):
        return told is None or told.lower_ not in nouns  # "its troops repelled the attack": acting against another's act
    if lex.forms("copulas").get(clause.lower_) == "be" and any(c.lower_ == "behind" for c in clause.children):
        return True
    return found is not None or told is not None and clause.lower_ in lex.forms("light_verbs") and told.lower_ in nouns


def _admitted(k: Knowledge, sent: SentenceInfo, verb: Token) -> ClaimCue | None:
    """"X admitted carrying out the killings": admitting an act (a gerund of a light or
    hostile verb)."""
    lex = k.lex
    if verb.lower_ not in lex.forms("admitting_verbs") or _negated(verb):
        return None
    for act in verb.children:
        if act.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and act.tag_ == "VBG" and _an_act(k, sent, act):
            return _cue(sent, verb, act, _subject(verb))
    return None


def claimant(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], claim: ClaimCue, phrases: PhraseReader | None = None) -> str | None:
    """Who claims: the group the parse gives as the claim's subject or agent (for an outlet, the
    group it speaks for: "the Islamic State's Amaq agency said"), else the subject before the
    claim, else the last actor before it, else "claimed by X". A party's saying that its own
    people acted is its claim when the parse names it as an armed group, a state's forces or an
    organisation ("the ministry said its forces had struck a depot"); a person's or a source's
    saying "they" did is none ("'They can still strike,' said an analyst")."""
    entities = ext(doc, "armedkg_entities")
    named = _claimant_named(doc, claim.who, phrases, actors) if claim.who is not None and phrases is not None else None
    if claim.reported:  # "its fighters", "it", "they" stand for the speaker: a group it names
        speaker = entities[named].cls if named is not None else None
        return named if speaker in T.ARMED_CLASSES or speaker == T.ORGANISATION else None
    return named if named is not None else _claimant_before(doc, sent, actors, claim)


def _claimant_before(doc: Doc, sent: SentenceInfo, actors: list[Mention], claim: ClaimCue) -> str | None:
    """The claimant from the actors of the sentence: the subject before the claim, else the
    last actor before it, else "claimed by X"."""
    entities = ext(doc, "armedkg_entities")
    base = sent.start
    before = [m for m in actors if m.end <= base + claim.start and m.kind == "actor" and entities.get(m.key) is not None and entities[m.key].cls != T.MEDIA_OUTLET]
    subject = [m for m in before if is_subject(doc, m)]
    if subject:
        return subject[0].key
    if before:
        return before[-1].key
    mby = re.search(r"claimed by\s+", sent.text, re.I)
    if mby:
        nxt = next((m for m in actors if m.start >= base + mby.end()), None)
        return nxt.key if nxt else None
    return None


def _claimant_named(doc: Doc, who: Token, phrases: PhraseReader, actors: list[Mention]) -> str | None:
    """The actor the claimant's phrase names ("a People's Defence Force battalion": the actor
    named in it); an outlet stands for the group that owns it ("the Islamic State's Amaq
    agency", "Amaq, the group's news agency")."""
    entities = ext(doc, "armedkg_entities")
    found = [n.key for n in phrases.spread(who) if n.kind == "actor" and n.key in entities]
    start, end = who.left_edge.idx, who.idx + len(who)
    found = found or [m.key for m in actors if m.kind == "actor" and m.key in entities and start <= m.start and m.end <= end]
    if any(entities[key].cls == T.MEDIA_OUTLET for key in found):
        owners = [n.key for c in _outlet_owners(who) for n in phrases.entities(c, owners=True) if n.kind == "actor" and n.key in entities and entities[n.key].cls != T.MEDIA_OUTLET]
        return owners[0] if owners else None
    return found[0] if found else None


def _outlet_owners(outlet: Token) -> list[Token]:
    """The words that can name whose an outlet is: its possessor ("the group's Amaq agency"),
    its apposition ("Amaq, the group's news agency") or its "of" ("the Amaq agency of Islamic
    State")."""
    owners = [c for c in outlet.children if c.dep_ in ("poss", "appos")]
    return owners + [o for p in outlet.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
