"""Violence by a crowd: where those who act in the trigger's clause are people and no armed
actor ("a mob beat a man", "villagers stoned a thief", "rioters clashed with the police",
"members of two rival parties clashed"), the act is a riot (ACLED's mob violence; a violent
demonstration where the sentence tells of a demonstration), not a battle or an attack by an
armed group. Both sides of a clash count: a crowd against a crowd or against a state's force
is a riot; against an armed group it stays a battle.

A phrase names a crowd by its head noun (``crowd_people_words``: "people", "residents",
"a group of youths", "supporters") where it names no armed actor and no armed people;
"members" of a party are no armed people ("members of the ruling party"), members of an armed
group name the group."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...records import Event
from .. import terms as T
from ..frame_relations import ARMED
from ..knowledge import Knowledge
from ..sentences import SentenceInfo

MOB_VIOLENCE = "MobViolence"
RECLASSIFIED = (T.ARMED_CLASH, T.ATTACK, T.ABDUCTION, T.ARRESTS, T.LOOTING)


def armed_words(k: Knowledge, phrase: str) -> bool:
    """Whether a phrase's words name armed people, a force or an armed group ("members" alone
    do not: a party's members are civilians)."""
    phrase = re.sub(r"\bmembers?\b", " ", phrase)
    return bool(k.rx("armed_person_words").search(phrase) or k.rx("np_force_words").search(phrase) or k.rx("np_armed_group_words").search(phrase) or re.search(r"\barmed\b", phrase))


def _armed_mention(doc: Doc, start: int, end: int) -> bool:
    entities = doc._.armedkg_entities
    return any(m.start < end and start < m.end and entities.get(m.key) is not None and entities[m.key].cls in ARMED for m in doc._.armedkg_mentions)


def side(doc: Doc, k: Knowledge, tok: Token) -> str | None:
    """"crowd", "state" (a state's force), "armed" (any other armed actor) or None (unknown) for
    the phrase headed by ``tok``; "a group of youths" is read by its "of" phrase."""
    span = doc[tok.left_edge.i : tok.right_edge.i + 1]
    phrase = span.text.lower()
    entities = doc._.armedkg_entities
    named = [entities.get(m.key) for m in doc._.armedkg_mentions if m.start < span.end_char and span.start_char < m.end]
    if any(e is not None and e.cls == T.STATE_FORCE for e in named) or (k.rx("own_state_force_words").search(phrase) and not k.rx("not_own_state_force_words").search(phrase)):
        return "state"
    if _armed_mention(doc, span.start_char, span.end_char) or armed_words(k, phrase):
        return "armed"
    head = tok
    if head.lower_ in ("group", "groups", "number", "dozens", "hundreds") and (of := next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)) is not None:
        head = next((g for g in of.children if g.dep_ == "pobj"), head)
    return "crowd" if k.rx("crowd_people_words").fullmatch(head.lower_) else None


def crowd_violence(doc: Doc, k: Knowledge, sent: SentenceInfo, event: Event, words: tuple[int, int] | None) -> None:
    """Reclassify the event as a riot where the trigger's clause has a crowd acting and nobody
    armed on its side; a symmetric clause ("clashed with", "clashes between") needs no armed
    group on either side."""
    if words is None or event.cls not in RECLASSIFIED:
        return
    span = doc.char_span(words[0], words[1], alignment_mode="expand")
    frames = {f.head: f for f in doc._.armedkg_frames}
    frame = frames.get(span.root.i) if span is not None else None
    if frame is None or frame.negated or not frame.agents:
        return
    agents = [doc[i] for i in frame.agents]
    agents += [c for a in list(agents) for c in a.conjuncts if c not in agents]
    sides = [side(doc, k, a) for a in agents]
    others = [side(doc, k, doc[i]) for i in frame.patients] if frame.symmetric else []
    if frame.symmetric:
        if "crowd" not in sides + others or "armed" in sides + others:
            return
    elif "crowd" not in sides or any(s in ("armed", "state") for s in sides):
        return
    event.cls = T.VIOLENT_DEMONSTRATION if k.rx("protest").search(sent.text) else MOB_VIOLENCE

