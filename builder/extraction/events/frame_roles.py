"""Roles of a violent event read from the clause frame of its trigger (:mod:`..frames`): the
frame's agents are the perpetrators, its patients the targets (persons among them the victims);
those who act "alongside" are associate perpetrators.

The frame is the parse's reading of the clause: a passive subject is acted on ("a convoy of
soldiers and militiamen was ambushed": both were attacked, by no one named), a possessor or
"by" phrase of a noun acts ("the insurgents' raid on a peacekeepers' camp"), a pronoun stands
for the group it refers to ("the coalition said its air strikes killed 40 rebels"), and
speakers are never roles. The verb that governs a trigger noun adds to it: the agent of a verb
of backing supports the action ("X supported Y's offensive": X beside Y, not against it; "X
supports Y through air strikes": X strikes, Y beside it), the agent of a hostile verb resisted
an attack that has agents of its own ("the army repelled an attack by IS": the army was
attacked), a hostile verb whose means or object the noun is ("destroyed a base with airstrikes",
"fired missiles at Riyadh") is the act itself, and a noun that causes a verb's harm takes its
patients ("its air strikes killed 40 rebels"). The possessor of the acting group acts with it
("the PMF's Kata'ib Hezbollah").

:func:`frame_roles` returns False where the frame names no actor; the sentence rules then read
the roles from the words. Where it names them, :func:`roles_of_other_clauses` gives the actors
the words-only rules must leave out: sides of the sentence's other, non-hostile clauses.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ...records import Event
from .. import terms as T
from ..facts import UNIDENTIFIED
from ..frames import Frame
from ..knowledge import Knowledge
from ..phrases import PhraseReader, first_conjunct, listed_on
from ..state import as_force
from ..extensions import ext

NO_ROLE = (T.MEDIA_OUTLET, T.ORGANISATION, T.SOURCE)
GOVERNED = ("dobj", "obj", "nsubjpass", "pobj", "conj")
MEANS = ("with", "by", "using", "through", "via")  # prepositions of a verb's means ("destroyed ... with airstrikes")
CAUSE = ("nsubj",)  # "its air strikes killed 40 rebels": the noun is the cause of the verb's harm


def _keys(doc: Doc, k: Knowledge, phrases: PhraseReader, heads: list[int], actors_of: Callable[[Token], str | None]) -> list[tuple[str, str]]:
    """(key, kind) of the actors, countries and persons the phrases headed by ``heads`` name, each
    coordinated phrase on its own ("regime forces and pro-regime militias": both)."""
    out: list[tuple[str, str]] = []
    for i in heads:
        if doc[i].dep_ == "appos" and doc[i].head.i in heads:
            continue  # "Omar Haddad, once a militia commander": one person, described
        for tok in (doc[i], *doc[i].conjuncts, *listed_on(doc[i])):
            out += [n for n in _named(doc, k, phrases, tok, actors_of) if n not in out]
    return out


def _named(doc: Doc, k: Knowledge, phrases: PhraseReader, tok: Token, actors_of: Callable[[Token], str | None]) -> list[tuple[str, str]]:
    # a person is a role by heading the phrase, not by a name inside it ("the Ruwaiha frontline")
    found = [n for n in phrases.entities(tok, owners=True) if n.kind in ("actor", "country") or (n.kind == "person" and n.token == tok.i)]
    named = [(n.key, n.kind) for n in found if not _nationality_only(doc, k, phrases, n.token)]
    if named == [(UNIDENTIFIED, "actor")]:
        named = _members_of(doc, k, phrases, tok) or named  # "gunmen of the Sinaloa Cartel": the cartel
    if any(key != UNIDENTIFIED for key, _ in named):
        named = [n for n in named if n[0] != UNIDENTIFIED]
    if not named:
        key = actors_of(tok)  # a noun phrase no gazetteer knows ("Burmese troops")
        named = [(key, "actor")] if key else []
    return named


def _users(doc: Doc, heads: list[int]) -> list[int]:
    """Who used the things that acted: the "by" agent of a participle on each head ("shells fired
    by the army exploded", "a bomb planted by militants went off": the army, the militants)."""
    out: list[int] = []
    for i in heads:
        for verb in (c for c in doc[i].children if c.dep_ == "acl" and c.tag_ == "VBN"):
            out += [g.i for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    return out


def _members_of(doc: Doc, k: Knowledge, phrases: PhraseReader, tok: Token) -> list[tuple[str, str]]:
    """The group of "gunmen of X", "fighters from X": X."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = [(n.key, n.kind) for n in phrases.spread(obj, owners=True) if n.kind == "actor" and n.key != UNIDENTIFIED]
            if found:
                return found
    return []


def _nationality_only(doc: Doc, k: Knowledge, phrases: PhraseReader, token: int) -> bool:
    """A nationality that describes people who are not a force: "Mexican immigrants" are
    people of the country, not its forces ("Mexican soldiers" are, and "a Saudi border post"
    is theirs). A group's own name is never a nationality."""
    tok = doc[token]
    at = phrases.at.get(token)
    if (at is not None and at.kind != "country") or tok.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = tok.head.lower_
    return not (k.rx("np_force_words").search(head) or head in k.lex.forms("owned_nouns"))  # "a Saudi border post" is the forces' post


def _governor(frames: dict[int, Frame], tok: Token, own: Frame) -> Frame | None:
    """The frame of the verb whose object (or passive subject) the trigger noun is (``own`` is
    the noun's frame, or the clause a relative pronoun ties to it: :func:`_harm_clause`)."""
    noun = own.kind == "noun" or own.head != tok.i
    tok = first_conjunct(tok)  # "through training, advice and airstrikes": the list's first
    if not noun or tok.dep_ not in GOVERNED + CAUSE:
        return None
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ == "pobj" and head.i not in frames and head.dep_ in ("dobj", "obj"):
        head = head.head  # "destroyed a depot with air strikes", the phrase hung on the object
    f = frames.get(head.i)
    if f is None or f.kind != "verb" or f is own or (tok.dep_ in CAUSE and not f.hostile):
        return None
    return f


def frame_roles(doc: Doc, k: Knowledge, event: Event, trigger: Token | None, phrases: PhraseReader | None, actors_of: Callable[[Token], str | None]) -> bool:
    """Fill the event's roles from its trigger's frame; False where the frame names nobody."""
    if trigger is None or phrases is None:
        return False
    frames = {f.head: f for f in ext(doc, "armedkg_frames")}
    own = frames.get(trigger.i)
    if own is None and trigger.dep_ in ("dobj", "obj") and trigger.head.i in frames and frames[trigger.head.i].hostile:
        trigger, own = trigger.head, frames[trigger.head.i]  # "fired missiles at Riyadh": the firing is the act
    if own is None:
        own = _harm_clause(frames, trigger)  # "a roadside bomb that killed four officers": the bomb's clause
    if own is None:
        return False
    inner = next((frames[i] for i in own.patients if i in frames and frames[i].hostile and frames[i].kind == "noun" and frames[i].agents), None)
    if own.kind == "verb" and own.hostile and inner is not None:
        trigger, own = doc[inner.head], inner  # "repelled an attack by IS": the attack is the event
    relayed = own.head != trigger.i  # the clause of "that killed ...": its subject is the trigger noun, no doer
    agents = [] if relayed else _keys(doc, k, phrases, own.agents, actors_of) or _keys(doc, k, phrases, _users(doc, own.agents), actors_of)
    # "the PMF's Kata'ib Hezbollah ambushed ...": the force the acting group belongs to acts with it
    owners = [c.i for i in own.agents for c in doc[i].children if c.dep_ == "poss" and c.tag_ != "PRP$"]
    agents += [a for a in _keys(doc, k, phrases, owners, lambda tok: None) if a[1] == "actor" and a not in agents]
    patients = _keys(doc, k, phrases, own.patients + own.opposed + own.sources, actors_of)  # "retook the town from the army"
    allies = _keys(doc, k, phrases, own.allies, actors_of)
    gov = _governor(frames, trigger, own)
    if gov is not None:
        _from_governor(doc, k, phrases, actors_of, gov, own, trigger, agents, patients, allies)
    harm = _harm_clause(frames, trigger) if own.head == trigger.i else None
    if harm is not None:  # "the ambush, which wounded nine soldiers"
        patients += [p for p in _keys(doc, k, phrases, harm.patients + harm.opposed, actors_of) if p not in patients]
    if not agents and not patients and not allies:
        return False
    _fill(doc, k, event, agents, patients, allies)
    return True


def _from_governor(doc: Doc, k: Knowledge, phrases: PhraseReader, actors_of: Callable, gov: Frame, own: Frame, trigger: Token, agents: list, patients: list, allies: list) -> None:
    """Roles the verb governing the trigger noun (whose frame is ``own``) adds (the lists are
    extended in place)."""
    word = doc[gov.head].lower_
    others = [i for i in gov.patients if i != trigger.i] + gov.opposed
    if trigger.dep_ in CAUSE:
        patients += [p for p in _keys(doc, k, phrases, others, actors_of) if p not in patients]  # "its strikes killed 40 rebels"
        return
    allies += [a for a in _keys(doc, k, phrases, gov.allies, actors_of) if a not in allies]  # "conducted strikes in support of Y"
    if word in k.lex.forms("backing_verbs"):
        if agents:  # "X supported Y's offensive": X beside Y
            allies += [a for a in _keys(doc, k, phrases, gov.agents + others, actors_of) if a not in allies and a not in agents]
        else:  # "X supports Y through air strikes": X strikes, Y beside it
            agents += _keys(doc, k, phrases, gov.agents, actors_of)
            allies += [a for a in _keys(doc, k, phrases, others, actors_of) if a not in allies and a not in agents]
        return
    elif gov.hostile and trigger.dep_ in ("dobj", "obj", "nsubjpass") and _resisted(gov, own):
        patients += _keys(doc, k, phrases, gov.agents, actors_of)  # "the army repelled an attack by IS"
    elif gov.hostile and trigger.dep_ == "pobj" and trigger.head.lower_ not in MEANS:
        return  # "wounded in the fighting": the noun is the occasion, told before, not this verb's means
    elif gov.hostile:
        # "X fired mortars at a base", "X destroyed a cave complex with airstrikes": the verb is the act
        agents += [a for a in _keys(doc, k, phrases, gov.agents, actors_of) if a not in agents]
        patients += [p for p in _keys(doc, k, phrases, others, actors_of) if p not in patients]
    elif not agents and not gov.reporting and not k.rx("judging_verbs").fullmatch(word):
        agents += _keys(doc, k, phrases, gov.agents, actors_of)  # "the army stepped up its raids"
    if not patients:
        patients += _keys(doc, k, phrases, others, actors_of)  # "stepped up raids against X"


def _harm_clause(frames: dict[int, Frame], trigger: Token) -> Frame | None:
    """The hostile relative clause whose subject is the trigger noun itself, through a relative
    pronoun ("a roadside bomb that killed four police officers", "the ambush, which wounded
    nine soldiers"): its patients are the event's."""
    for c in trigger.children:
        f = frames.get(c.i)
        if c.dep_ == "relcl" and f is not None and f.kind == "verb" and f.hostile and not f.passive:
            if any(s.dep_ == "nsubj" and s.tag_ in ("WDT", "WP") for s in c.children):
                return f
    return None


def _resisted(gov: Frame, own: Frame) -> bool:
    """Whether the hostile verb acts against the trigger noun's own act: the noun has agents of
    its own, not the verb's ("repelled an attack by IS"; in "destroyed a base with airstrikes"
    or "fired rockets" the noun is the verb's own act or means)."""
    return bool(own.agents) and set(own.agents).isdisjoint(gov.agents)


def _fill(doc: Doc, k: Knowledge, event: Event, agents: list, patients: list, allies: list) -> None:
    entities = ext(doc, "armedkg_entities")
    taken = set(event.perpetrators) | set(event.targets) | set(event.victims) | set(event.assoc_perpetrators)

    def add(role: list[str], key: str, kind: str) -> None:
        ent = entities.get(key)
        if kind != "person":
            key = as_force(doc, k, key)
            ent = entities.get(key, ent)
        if key in taken or (ent is not None and ent.cls in NO_ROLE):
            return
        taken.add(key)
        role.append(key)

    for key, kind in agents:
        if kind != "person":  # a person who acts is named for the group he leads, not as a side
            add(event.perpetrators, key, kind)
    for key, kind in patients:
        add(event.victims if kind == "person" else event.targets, key, kind)
    for key, kind in allies:
        if kind != "person":
            add(event.assoc_perpetrators, key, kind)


def roles_of_other_clauses(doc: Doc, k: Knowledge, trigger: Token | None) -> set[int]:
    """Character offsets of the tokens of the agents and patients of the sentence's clauses that
    are not hostile and do not govern the trigger ("..., aided by their ally Rwanda", "backed
    by Iran, ..."), or that back someone ("X supports Y through air strikes": Y): the
    words-only rules leave the actors named there out of the event; so do the doers of another
    act named by a noun in what a clause says of the trigger (:func:`_said_of_the_act`)."""
    if trigger is None:
        return set()
    governing = {t.i for t in trigger.ancestors} | {trigger.i}
    backing = k.lex.forms("backing_verbs")
    out: set[int] = set()
    frames = ext(doc, "armedkg_frames")
    verbs = {f.head: f for f in frames if f.kind == "verb"}
    for f in frames:
        if (f.head in governing and doc[f.head].lower_ not in backing) or doc[f.head].sent.start != trigger.sent.start:
            continue
        if f.hostile and (f.kind != "noun" or not _said_of_the_act(doc[f.head], verbs, governing, backing)):
            continue
        for i in f.agents + ([] if f.hostile else f.patients):  # "fears of a new al-Shabaab offensive": the offensive's doer
            if i not in governing:
                out.update(t.idx for t in doc[i].subtree)
    return out


def _said_of_the_act(noun: Token, verbs: dict[int, Frame], governing: set[int], backing: frozenset[str]) -> bool:
    """Whether a hostile noun stands in what a clause that is neither hostile nor of backing says
    of the trigger ("a bomb that killed seven soldiers raised fears of a new al-Shabaab
    offensive": the offensive is another act; not "forces, supported by coalition air strikes,
    repelled an assault", where the strikes are part of the fight)."""
    for a in noun.ancestors:
        f = verbs.get(a.i)
        if f is not None:
            return a.i in governing and not f.hostile and a.lower_ not in backing
    return False

