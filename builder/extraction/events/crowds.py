"""Violence by a crowd of civilians is a riot, not a battle or an attack by an armed group
(ACLED: both sides of a battle are organised armed groups). "A mob beat a man", "villagers
stoned a thief", "rioters clashed with the police", "members of two rival parties clashed",
"a clash ensued between farmers and herders": where a side of the act is a crowd and no side is
armed, the act is mob violence, or a violent demonstration where the sentence tells of a
demonstration. A crowd against a state's force is a riot; against an armed group, or a crowd
that shoots, it stays a battle.

Two readings, one decision (:func:`riot`):

- :func:`crowd_violence`, in the sentence step: the sides are the agents (and, for a symmetric
  verb, the patients) of the trigger's clause frame;
- :func:`crowd_fight`, when the document's events are finalised: the sides of a clash as its
  trigger names them (the subject of the verb, its ``with`` and ``between`` phrases: "a clash
  took place between A and B").

A phrase names a crowd by its head noun (``crowd_people_words``, lemmas, in
``data/lexicons/actors.json``: "people", "residents", "a group of youths", "supporters"), when it
names no armed actor, no armed people (:func:`armed_words`) and no one the gazetteers do not
know ("members of Los Viagras" may be an armed group); see :func:`side`. The same vocabularies
name the crowd of a protest gathering (:mod:`.assembly`)."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...records import Event
from .. import terms as T
from ..frame_relations import ARMED
from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from ..extensions import char_span, ext

MOB_VIOLENCE = "MobViolence"
RECLASSIFIED = (T.ARMED_CLASH, T.ATTACK, T.ABDUCTION, T.ARRESTS, T.LOOTING)
MEMBERS = re.compile(r"\bmembers?\b")
ARMED_WORD = re.compile(r"\barmed\b")
COUNT_HEADS = ("group", "groups", "number", "dozens", "hundreds", "thousands")


@lru_cache(maxsize=4)
def crowd_forms(k: Knowledge) -> frozenset[str]:
    """Every form of the heads of a crowd of civilians."""
    return frozenset(k.lex.forms("crowd_people_words"))


@lru_cache(maxsize=4)
def member_forms(k: Knowledge) -> frozenset[str]:
    """Every form of the nouns for people that make a crowd only when counted as one."""
    return frozenset(k.lex.forms("crowd_member_words"))


def armed_words(k: Knowledge, phrase: str) -> bool:
    """Whether a phrase's words name armed people, a force or an armed group ("members" alone
    do not: a party's members are civilians)."""
    phrase = MEMBERS.sub(" ", phrase.lower())
    return bool(k.rx("armed_person_words").search(phrase) or k.rx("np_force_words").search(phrase) or k.rx("np_armed_group_words").search(phrase) or ARMED_WORD.search(phrase))


def crowd_head(tok: Token) -> Token:
    """The noun that says who a counted crowd is: "a group of youths", "hundreds of farmers"
    are read by their "of" phrase; any other phrase by its own head."""
    if tok.lower_ in COUNT_HEADS:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        who = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if who is not None and not who.like_num:  # "a group of about 40" says how many, not who
            return who
    return tok


def side(doc: Doc, k: Knowledge, tok: Token) -> str | None:
    """"crowd", "state" (a state's force), "armed" (any other armed actor) or None (unknown) for
    the phrase headed by ``tok``.

    People named one by one (``crowd_member_words``: "men", "individuals") are a crowd only when
    counted as one ("a group of men"); "members" of an organisation nobody knows may be an armed
    group's ("members of Los Viagras"), where "activists" or "supporters" of it are civilians
    whoever it is."""
    span = own_phrase(tok)
    phrase = span.text.lower()
    entities = ext(doc, "armedkg_entities")
    named = [entities.get(m.key) for m in ext(doc, "armedkg_mentions") if m.start < span.end_char and span.start_char < m.end]
    if any(e is not None and e.cls == T.STATE_FORCE for e in named) or (k.rx("own_state_force_words").search(phrase) and not k.rx("not_own_state_force_words").search(phrase)):
        return "state"
    if any(e is not None and e.cls in ARMED for e in named) or armed_words(k, phrase):
        return "armed"
    head = crowd_head(tok)
    counted = head.i != tok.i
    if not (head.lower_ in crowd_forms(k) or counted and head.lower_ in member_forms(k)):
        return None
    if MEMBERS.fullmatch(head.lower_) and _unknown_name(doc, k, span):
        return None
    return "crowd"


def own_phrase(tok: Token) -> Span:
    """The phrase ``tok`` heads without the phrases conjoined to it: in "between villagers and
    police" the first side is "villagers"."""
    own = [c for c in tok.children if c.dep_ not in ("conj", "cc") and not (c.i > tok.i and c.is_punct)]
    start = min([tok.i, *(c.left_edge.i for c in own)])
    end = max([tok.i, *(c.right_edge.i for c in own)])
    return tok.doc[start : end + 1]


def armed_fight(k: Knowledge, trigger: Token, sentence: str) -> bool:
    """Whether the fight is told as armed: firearms in its sentence (a crowd that shoots is an
    armed side) or the trigger itself called armed ("an armed clash")."""
    return bool(k.rx("firearm_words").search(sentence)) or any(c.dep_ == "amod" and c.lower_ == "armed" for c in trigger.children)


def riot(sides: list[str | None]) -> bool:
    """Whether a fight with these sides is a riot: a crowd on one side, nobody armed on any."""
    return "crowd" in sides and "armed" not in sides


def crowd_violence(doc: Doc, k: Knowledge, sent: SentenceInfo, event: Event, words: tuple[int, int] | None) -> None:
    """Reclassify the event as a riot where the trigger's clause has a crowd acting and nobody
    armed on its side; a symmetric clause ("clashed with", "clashes between") needs no armed
    group on either side, a one-sided act ("a mob beat a man") no force among its agents."""
    if words is None or event.cls not in RECLASSIFIED:
        return
    span = char_span(doc, words[0], words[1])
    frames = {f.head: f for f in ext(doc, "armedkg_frames")}
    frame = frames.get(span.root.i) if span is not None else None
    if frame is None and span is not None:
        frame = _acting_verb(doc, k, sent, frames)  # "a mob beat up a man accused of being an abductor": the trigger noun heads no clause
    if frame is None or frame.negated or not frame.agents or armed_fight(k, span.root, sent.text):
        return
    agents = [doc[i] for i in frame.agents]
    agents += [c for a in list(agents) for c in a.conjuncts if c not in agents]
    sides = [side(doc, k, a) for a in agents]
    if frame.symmetric:
        sides += [side(doc, k, doc[i]) for i in frame.patients]
    elif "state" in sides:
        return
    if riot(sides):
        event.cls = T.VIOLENT_DEMONSTRATION if k.rx("protest").search(sent.text) else MOB_VIOLENCE


def _acting_verb(doc: Doc, k: Knowledge, sent: SentenceInfo, frames: dict) -> object | None:
    """The first hostile or harming verb of the sentence with a doer, or None."""
    harm = k.lex.forms("harm_verbs")
    span = sent.span
    return next((f for i, f in sorted(frames.items()) if span.start <= i < span.end and f.kind == "verb" and f.agents and (f.hostile or doc[i].lower_ in harm)), None)


def crowd_fight(doc: Doc, k: Knowledge, event: Event) -> bool:
    """Whether the event's clash, as its trigger names its sides, is a riot (:func:`riot`)
    and is not told as armed (:func:`armed_fight`)."""
    for ev in event.evidence:
        if not ev.rule.startswith("event_trigger"):
            continue
        span = char_span(doc, ev.start, ev.end)
        if span is None or not span.root.dep_:
            continue
        if armed_fight(k, span.root, ev.sentence):
            return False
        if riot([side(doc, k, s) for s in _sides(span.root)]):
            return True
    return False


def _unknown_name(doc: Doc, k: Knowledge, phrase: Span) -> bool:
    """Whether the phrase names something the gazetteers do not know ("members of Carteles
    Unidos"): it may be an armed group, so the side is not taken for a crowd."""
    known = [(m.start, m.end) for m in ext(doc, "armedkg_mentions") if not m.key.startswith("place:xx:")]  # a place nobody could find is no knowledge
    return any(
        tok.tag_.startswith("NNP") and k.state_of(tok.text) is None and not any(a <= tok.idx < b for a, b in known)
        for tok in phrase
    )


def _sides(trigger: Token) -> list[Token]:
    """The heads of the sides of a fight: the subject of the verb ("villagers clashed"), the
    "with" and "between" phrases of the trigger or of the verb that tells it ("a clash took
    place between A and B", "a clash ensued between A and B")."""
    holders = [trigger]
    if not trigger.tag_.startswith("VB") and trigger.dep_ in ("nsubj", "nsubjpass", "dobj"):
        holders.append(trigger.head)
    holders += [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
    sides = [c for h in holders if h.tag_.startswith("VB") for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c != trigger]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
                sides.extend(c for c in prep.children if c.dep_ == "pobj")
    return [x for side in sides for x in [side, *side.conjuncts]]
