"""Roles of an event from one sentence: perpetrators (the subject of the trigger's verb, the
passive agent, what the subject owns), targets (its objects, those threatened, the passive
subject of harm), victims (persons killed), associate perpetrators (those acting "in support
of"), the claimant of a claim, who held those who died in custody; and actors named by a noun
phrase the gazetteers and the model do not know ("Burmese troops")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...gazetteer import slug
from ...records import Event
from .. import terms as T
from ..facts import UNIDENTIFIED
from ..knowledge import Knowledge
from ..phrases import PhraseReader
from ..sentences import SentenceInfo, evidence
from ..actor_compounds import mention_in_actor_compound
from .frame_roles import frame_roles, roles_of_other_clauses
from ..state import Mention, add_entity, add_mention, as_force, ensure_actor, focus_hint, overlaps
from ..extensions import char_span, ext, text_of


def roles(doc: Doc, k: Knowledge, sent: SentenceInfo, frame: Event, actors: list[Mention], tm: re.Match | None, claimant: str | None, phrases: PhraseReader | None = None) -> None:
    """Perpetrators, targets and victims of the event from one sentence: from the trigger's
    clause frame where it names someone (:mod:`.frame_roles`), else from the sentence's words."""
    text, base = sent.text, sent.start
    tpos = base + (tm.start() if tm else 0)
    violent = k.event_type_of.get(frame.cls) in T.VIOLENT_TYPES
    aside, acted = _frame_read(doc, k, sent, frame, actors, tm, phrases) if violent else (set(), False)
    acted_on = bool(frame.targets) and not acted  # "a convoy of A and B was ambushed": the clause names only whom
    # where the frame named who acted, the subject of a clause above it did not act
    subject_keys = set(frame.perpetrators) if acted else subjects(doc, k, sent, actors, tm, violent)
    threat = k.rx("threat").search(text) if frame.cls == T.OTHER_DEVELOPMENT else None
    threatened: list[Mention] = []
    for m in actors:
        if m.start in aside:
            continue  # a side of another clause ("aided by their ally Rwanda"): not this event's
        if threat and m.start >= base + threat.end() and m.key not in subject_keys and (
            k.rx("threatened_before").search(text[threat.end() : m.start - base])
            or (threatened and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s+(?:the\s+)?", text[threatened[-1].end - base : m.start - base]))
        ):
            # "threatened to strike ... against X", "... unless X withdraws": X is threatened (a
            # country as itself: a threat to a state is not a clash with its army)
            key = m.key if m.kind == "country" else as_force(doc, k, m.key)
            if key not in frame.targets and key not in frame.perpetrators:
                frame.targets.append(key)
            threatened.append(m)  # "attacks against the United States and Kenya": both
            continue
        if m.kind == "country" and (not k.rx("country_acts_after").search(text[m.end - base : m.end - base + 30]) or mention_in_actor_compound(doc, k, m.start, m.end)):
            continue  # "Iran-backed militias shelled ...": the backer is no side of the shelling
        key = as_force(doc, k, m.key)
        role = _role(doc, k, sent, frame, actors, m, key, tm, tpos, subject_keys, claimant)
        if role:
            getattr(frame, role).append(key)
    _anti_prefix_targets(sent, frame, actors)
    _joined_in_the_act(doc, k, sent, frame, actors, tm)
    for key in sorted(subject_keys):
        if key not in frame.perpetrators and key not in frame.targets and key not in frame.assoc_perpetrators and key != claimant:
            frame.perpetrators.append(key)
    # the subject of a verb of dying gave no subject_keys (subjects): only then is it looked for again
    for key in sorted(the_dead(doc, k, sent, actors, tm) if violent and not acted and not subject_keys else ()):
        if key not in frame.perpetrators and key not in frame.targets:
            frame.targets.append(key)
    if not frame.targets:
        for key in objects(doc, k, sent, actors, tm, violent):
            if key not in frame.perpetrators and key not in frame.assoc_perpetrators:
                frame.targets.append(key)
    # Battles with no named perpetrator: the first side named is actor 1, unless it is named only
    # as the owner of what was hit ("the raids hit Hezbollah depots and Hamas offices").
    # The clause's own patients with nobody acting stay targets: the attackers are unknown.
    if k.event_type_of.get(frame.cls) == T.BATTLES and not frame.perpetrators and len(frame.targets) >= 2 and not acted_on and not _owners_only(doc, k, actors, frame.targets[0]):
        frame.perpetrators.append(frame.targets.pop(0))


def _owners_only(doc: Doc, k: Knowledge, actors: list[Mention], key: str) -> bool:
    """Whether every mention of the side ``key`` only says whose a thing is: a possessor or a
    modifier of a common noun that names neither people nor an act ("Hezbollah depots", "the
    group's offices"; not "Hezbollah fighters", nor "the SDF's fight against ISIL", whose owner
    is its doer)."""
    found = [m for m in actors if m.key == key or as_force(doc, k, m.key) == key]
    people = (k.rx("np_force_words"), k.rx("np_armed_group_words"), k.rx("person_nouns"))
    acts = k.lex.forms("hostile_nouns")
    for m in found:
        span = char_span(doc, m.start, m.end)
        root = span.root if span is not None else None
        if root is None or root.dep_ not in ("compound", "poss") or root.head.tag_ not in ("NN", "NNS"):
            return False
        if root.head.lower_ in acts or any(rx.fullmatch(root.head.lower_) for rx in people):
            return False
    return bool(found)


def _frame_read(doc: Doc, k: Knowledge, sent: SentenceInfo, frame: Event, actors: list[Mention], tm: re.Match | None, phrases: PhraseReader | None) -> tuple[set[int], bool]:
    """Roles from the trigger's clause frame: the offsets the words-only rules must leave aside
    (sides of the sentence's other clauses) and whether the frame named a perpetrator."""
    before = len(frame.perpetrators)
    trigger = trigger_token(doc, sent, tm)
    if not frame_roles(doc, k, frame, trigger, phrases, lambda tok: group_of_phrase(doc, k, sent, actors, tok)):
        return set(), False
    return roles_of_other_clauses(doc, k, trigger), len(frame.perpetrators) > before


def _role(doc: Doc, k: Knowledge, sent: SentenceInfo, frame: Event, actors: list[Mention], m: Mention, key: str, tm: re.Match | None, tpos: int, subject_keys: set[str], claimant: str | None) -> str | None:
    """The role of one actor mention (an attribute name of :class:`Event`), None for no role."""
    text, base = sent.text, sent.start
    ent = ext(doc, "armedkg_entities").get(key)
    if ent is None or ent.cls in (T.MEDIA_OUTLET, T.ORGANISATION, T.SOURCE):
        return None
    if m.start < tpos and key not in subject_keys and k.rx("reports_after").match(text[m.end - base :]):
        return None  # "The Pakistani army said (that) ...": who reports it
    if key == UNIDENTIFIED and k.rx("belonging_after").match(text[m.end - base :]):
        return None  # "gunmen of the Sinaloa Cartel": the group named is who they are
    if key in frame.perpetrators or key in frame.targets or key in frame.victims or key in frame.assoc_perpetrators or m.key == claimant:
        return None
    tail = k.rx("attribution_tail").match(text[m.end - base :])
    if tail and m.start > tpos and len(text) - (m.end - base) - tail.end() < 90:
        return None  # ", Thai military sources said today.": who reports the event, not a party to it
    if key in subject_keys or _owned_by_subject(doc, actors, m, subject_keys):
        return "perpetrators"  # the subject, or what the subject owns ("the Taliban's Haqqani network threatened")
    left = text[: m.start - base]
    right = text[m.end - base : m.end - base + 25]
    if k.rx("affiliate_right").match(right) or k.rx("describes_person_before").search(left) or k.rx("ally_before").search(left):
        return None  # an affiliate, an organisation named to describe a person ("a former commander of the FSA"), an ally
    if k.rx("support_before").search(left):
        return "assoc_perpetrators"  # "strikes against X in support of Y": Y is on the side of those who strike
    if m.kind == "person":
        victim = k.rx("victim_before").search(left) or k.rx("victim_after").match(right) or re.match(r"^\s+died\b", right)
        return "victims" if victim else None
    if (tm is None or m.end - base <= tm.start()) and k.rx("passive_harm").match(text, m.end - base):
        return "targets"  # "Two Iraqi soldiers were hit by a roadside bomb": who was hit
    if _modifies_trigger(doc, sent, m, tm):
        return "perpetrators"  # "joint US-British strikes", "Israeli air raids": the act's own agents
    if subject_keys:
        if re.search(r"\b(and|with|alongside)\s+(the\s+)?$", left, re.I) and any(s in frame.perpetrators for s in subject_keys) and m.start < tpos:
            return "assoc_perpetrators"
        return "targets"
    if tm is not None and m.end - base <= tm.start() and not text[m.end - base : tm.start()].strip(" ’'s"):
        return "perpetrators"
    if k.rx("target_before").search(left) or (k.rx("target_positions_after").match(right) and m.start > tpos):
        return "targets"
    if re.search(r"\bby\s+(?:the\s+)?(?:\w+\s+){0,2}$", left, re.I) or m.start <= tpos:
        return "perpetrators"
    return "targets"


def _modifies_trigger(doc: Doc, sent: SentenceInfo, m: Mention, tm: re.Match | None) -> bool:
    """Whether the mention is a modifier of the trigger's noun, directly or through another
    modifier ("US" in "joint US-British strikes"): who does the act the noun names."""
    trigger = trigger_token(doc, sent, tm)
    span = char_span(doc, m.start, m.end)
    if trigger is None or span is None or trigger.pos_ not in ("NOUN", "PROPN") and not trigger.tag_.startswith("NN"):
        return False
    tok = span.root
    for _ in range(3):
        if tok.dep_ not in ("compound", "amod", "npadvmod", "nmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == trigger.i:
            return True
    return False


def _owned_by_subject(doc: Doc, actors: list[Mention], m: Mention, subject_keys: set[str]) -> bool:
    text = ext(doc, "armedkg_text")
    return any(
        o.key in subject_keys and o.end <= m.start and re.fullmatch(r"\s*(?:'s|’s)\s+", text[o.end - 2 if text[o.end - 2 : o.end] in ("'s", "’s") else o.end : m.start]) for o in actors
    )


def _joined_in_the_act(doc: Doc, k: Knowledge, sent: SentenceInfo, frame: Event, actors: list[Mention], tm: re.Match | None) -> None:
    """"X joined Y in an offensive against Z": the trigger is the act of an "in" phrase of a verb
    of joining, and Y, its object, acts with X; "X coordinated rocket fire with Y", "X carried out
    the raid together with Y": the trigger is the object of a verb of acting together, and Y, in
    its "with" phrase, acts with X. Either way Y is an associate perpetrator, never a target."""
    trigger = trigger_token(doc, sent, tm)
    if trigger is None:
        return
    while trigger.dep_ == "compound" and trigger.head.i != trigger.i:
        trigger = trigger.head  # "rocket" of "rocket fire": the phrase's head holds its role
    prep = trigger.head if trigger.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "in" and prep.head.lower_ in k.lex.forms("join_verbs"):
        partners = [c for c in prep.head.children if c.dep_ == "dobj"]
    elif trigger.dep_ == "dobj" and trigger.head.lower_ in k.lex.forms("alliance_verbs"):
        # the parser hangs "with Y" on the verb or anywhere in its object ("coordinated rocket
        # fire with Y", "coordinated the raid on the camp with Y")
        partners = [o for p in (*trigger.head.children, *trigger.subtree) if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
    else:
        return
    for obj in partners:
        for tok in (obj, *obj.conjuncts):
            key = actor_of(doc, k, sent, actors, tok, True)
            if key in frame.targets:
                frame.targets.remove(key)
            if key and key not in frame.assoc_perpetrators and key not in frame.perpetrators:
                frame.assoc_perpetrators.append(key)


def _anti_prefix_targets(sent: SentenceInfo, frame: Event, actors: list[Mention]) -> None:
    """"anti-X" marks X as the target."""
    for ma in re.finditer(r"\banti-([A-Z][\w'’]*)", sent.text):
        t = next((m for m in actors if m.start == sent.start + ma.start(1)), None)
        if t:
            if t.key in frame.perpetrators:
                frame.perpetrators.remove(t.key)
            if t.key not in frame.targets:
                frame.targets.append(t.key)


def trigger_token(doc: Doc, sent: SentenceInfo, tm: re.Match | None) -> object | None:
    """The syntactic head of the trigger's words, or None."""
    if tm is None:
        return None
    span = char_span(doc, sent.start + tm.start(), sent.start + tm.end())
    return span.root if span is not None else None


# The relations by which an adjunct phrase (no clause, no object) hangs on the verb above it.
ADJUNCT_DEPS = ("prep", "npadvmod")


def _verb_with_subject(doc: Doc, k: Knowledge, sent: SentenceInfo, tm: re.Match | None) -> tuple[object, object, object] | None:
    """The nearest verb at or above the trigger with a subject, the trigger and the word below
    that verb on the way up; None where a passive clause on the way has its own subject."""
    verb = trigger = came = trigger_token(doc, sent, tm)
    if verb is None:
        return None
    for _ in range(6):
        # Walk up to the nearest verb with a subject: "X warned it would resume ... shelling";
        # a pronoun subject ("it would pull out") sends us on to the reporting clause ("X said").
        if k.upos(verb) in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "agent") and k.upos(c) != "PRON" for c in verb.children):
            break
        if k.upos(verb) == "VERB" and any(c.dep_ == "nsubjpass" for c in verb.children):
            # "The army said that five soldiers were killed in an attack by militants": the
            # passive clause has its own subject (those hit); who speaks above it did not act
            return None
        if verb.head.i == verb.i:
            break
        came, verb = verb, verb.head
    return verb, trigger, came


def _died(k: Knowledge, verb: object, trigger: object) -> bool:
    """Whether ``verb``, above the trigger, says its subject died ("two more officers died,
    bringing the toll from the assault to four", "a prisoner died as a result of torture")."""
    return verb.i != trigger.i and verb.lower_ in k.lex.forms("death_verbs") and not any(c.dep_ == "dobj" for c in verb.children)


def _counted(doc: Doc, k: Knowledge, trigger: object, verb: object) -> bool:
    """Whether the verb's subject gives or revises a toll the trigger is named in: a word of a
    running toll (``toll_words``) on the way up from the trigger or as the verb's object
    ("raised the toll from the Anyidi raid to 14", "put the number killed in the bombing at two")."""
    above, tok = [], trigger
    while tok.head.i not in (tok.i, verb.i):
        tok = tok.head
        above.append(tok)
    text = text_of(doc)
    for tok in above + [c for c in verb.children if c.dep_ == "dobj"]:
        if k.rx("toll_words").match(text[tok.idx : tok.right_edge.idx + len(tok.right_edge)]):
            return True
    return False


def subjects(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], tm: re.Match | None, violent: bool = True) -> set[str]:
    """Actors that are the grammatical subject (or passive agent) of the trigger's verb. A country
    that acts violently is its armed forces; one that threatens or bans is the state itself."""
    found = _verb_with_subject(doc, k, sent, tm)
    if found is None:
        return set()
    verb, trigger, came = found
    if verb.i != trigger.i and k.rx("judging_verbs").fullmatch(verb.text):
        return set()  # "The United States condemns the attack": who judges it did not do it
    if verb.i != trigger.i and came.dep_ in ADJUNCT_DEPS and verb.lower_ in k.lex.forms("reporting_verbs"):
        return set()  # "..., U.N. officials said, after days of fighting with X": an adjunct the parser hung on the speaker's verb ("X claimed the attack" keeps X)
    if _died(k, verb, trigger):
        return set()  # the dead, not the doers (:func:`the_dead`)
    if _counted(doc, k, trigger, verb):
        return set()  # "the authorities had raised the toll from the raid to 14": who counts did not raid
    return _subject_actors(doc, k, sent, actors, verb, violent)


def the_dead(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], tm: re.Match | None) -> set[str]:
    """The subject of a verb of dying above the trigger: those the act killed."""
    found = _verb_with_subject(doc, k, sent, tm)
    if found is None or not _died(k, found[0], found[1]):
        return set()
    return _subject_actors(doc, k, sent, actors, found[0], True)


def _subject_actors(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], verb: object, violent: bool) -> set[str]:
    keys: set[str] = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent") and k.upos(child) != "PRON":
            head = child if child.dep_ == "nsubj" else next((c for c in child.children if c.dep_ == "pobj"), child)
            for tok in (head, *head.conjuncts):  # "Wagner mercenaries and FAMa soldiers executed ..."
                key = actor_of(doc, k, sent, actors, tok, violent)
                if key:
                    keys.add(key)
    return keys


def actor_of(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], head: object, violent: bool) -> str | None:
    """The actor a noun phrase names: a mention inside it, else a noun-phrase actor."""
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    hits = [m for m in actors if m.start < hi and lo < m.end and m.kind in ("actor", "country", "person")]
    # "gunmen of the Sinaloa Cartel": the group named, not the unidentified gunmen
    # "fighters loyal to Syria's HTS leader": the group, not the country in its name
    hit = next((m for m in hits if m.key != UNIDENTIFIED and m.kind == "actor"), None) or next((m for m in hits if m.key != UNIDENTIFIED), hits[0] if hits else None)
    if hit is not None:
        return as_force(doc, k, hit.key) if violent else hit.key
    return np_actor(doc, k, head, sent)


def group_of_phrase(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], head: object) -> str | None:
    """The armed group a noun phrase names ("ISIL terrorists", "Burmese troops"): a group
    named inside it, else a plural phrase as an actor of its own; a country inside it is only
    the people's nationality ("Mexican immigrants")."""
    lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
    hit = next((m for m in actors if m.start < hi and lo < m.end and m.kind == "actor" and m.key != UNIDENTIFIED), None)
    if hit is not None:
        return as_force(doc, k, hit.key)
    return np_actor(doc, k, head, sent) if head.tag_ in ("NNS", "NNPS") else None  # a group is plural: "a former commander" is a person


def objects(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], tm: re.Match | None, violent: bool = True) -> list[str]:
    """Actors (or noun phrases naming people) that are the object of the trigger's verb."""
    keys: list[str] = []
    verb = trigger_token(doc, sent, tm)
    if verb is None:
        return keys
    for _ in range(3):
        if k.upos(verb) in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    for head in _object_heads(k, verb):
        if head.dep_ == "pobj" and head.head.head.lower_ in ("according", "said", "reported"):
            continue  # "according to the Observatory" names a source, not a target
        key = actor_of(doc, k, sent, actors, head, violent)
        ent = ext(doc, "armedkg_entities").get(key) if key else None
        if ent is not None and ent.cls in (T.MEDIA_OUTLET, T.SOURCE):
            continue
        if key and key not in keys:
            keys.append(key)
    return keys


def _object_heads(k: Knowledge, verb: object) -> list:
    """Objects of the verb, of verbs it governs ("vowed to cut ties with X") and of their nouns
    ("measures against X"), nearest first; the subject side is left out; then the owners of
    positions ("positions of X", "an X stronghold", "X-held territory")."""
    heads = []
    frontier = [(verb, 0)]
    while frontier:
        tok, depth = frontier.pop(0)
        for c in tok.children:
            if c.dep_ in ("nsubj", "agent", "advcl", "relcl", "punct", "cc", "mark", "npadvmod"):
                continue
            if c.dep_ in ("dobj", "nsubjpass", "attr", "dative") or (c.dep_ == "pobj" and tok.lower_ in ("against", "on", "at", "with", "to", "of", "upon", "toward", "towards", "in", "from", "into")):
                heads.append(c)
            if depth < 3 and c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pobj", "conj", "acomp", "advmod", "dative", "nsubjpass"):
                frontier.append((c, depth + 1))
    heads = heads + [c for h in heads for c in h.conjuncts if c not in heads]
    owned = []
    for head in heads:
        if k.rx("position_nouns").match(head.text):
            for c in head.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < head.i:
                    owned.append(c)
                if c.dep_ == "prep" and c.lower_ == "of":
                    owned.extend(g for g in c.children if g.dep_ == "pobj")
    return heads + owned


OWNER_PRONOUNS = frozenset(("its", "their"))


def _owner_of(doc: Doc, pronoun: object) -> str | None:
    """The actor an "its"/"their" stands for: the last actor named as a subject before it in
    the sentence ("HTS, which controls Idlib, said its fighters ..."), else the last actor
    named before it there; none when the sentence names none."""
    before = [m for m in ext(doc, "armedkg_mentions") if m.kind == "actor" and pronoun.sent.start_char <= m.start < pronoun.idx]
    if not before:
        return None
    subjects = []
    for m in before:
        span = char_span(doc, m.start, m.end)
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            subjects.append(m)
    return (subjects or before)[-1].key


def np_actor(doc: Doc, k: Knowledge, head: object, sent: SentenceInfo) -> str | None:
    """An actor named by a noun phrase the gazetteers and the model do not know ("Burmese troops",
    "Irish nationalist guerrillas", "students"), kept with a low confidence."""
    forces = _nationality_owner(doc, k, head)
    if forces is not None:
        return forces
    if not k.rx("people_heads").match(head.lower_) and not (k.upos(head) == "PROPN" and head.ent_type_ in ("ORG", "NORP", "PERSON", "GPE")):
        return None
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
    if owner is not None:
        return _owner_of(doc, owner)  # "its fighters", "their men": the group the pronoun stands for
    unnamed = _unnamed_armed(doc, k, head, sent)
    if unnamed is not None:
        return unnamed or None
    left = head.left_edge
    comma = next((t for t in reversed(doc[left.i : head.i]) if t.text == ","), None)
    if comma is not None:
        left = doc[comma.i + 1]  # "close to Xpujil, Campeche, military officers": a phrase's own words follow the last comma
    while left.i < head.i and (left.dep_ in ("det", "predet", "nummod", "quantmod", "advmod") or left.is_punct or left.like_num):
        left = doc[left.i + 1]
    span = doc[left.i : head.i + 1]
    if not span.text.strip() or overlaps(doc, span.start_char, span.end_char, kinds=("place",)):
        return None
    label = span.text
    low = label.lower()
    adj = k.adj_prefix_re.match(label)
    iso = k.gaz.country_of_adjective(adj.group(1)) if adj else None
    if k.rx("np_force_words").search(low):
        cls = T.STATE_FORCE if iso or re.search(r"\b(government|regime|state)\b", low) else T.NON_STATE_ARMED_GROUP
        if not iso and own_state_force(k, low):
            iso = focus_hint(doc)  # "military soldiers", "the police": the forces of the country the text is about
        if iso and iso in k.gaz.countries:
            key = k.forces_of(iso)
            add_mention(doc, k, Mention(key, span.start_char, span.end_char, label, "actor", "np_actor", 0.5))
            return key
    elif k.rx("np_armed_group_words").search(low):
        cls = T.NON_STATE_ARMED_GROUP
    elif k.rx("np_organisation_words").search(low):
        cls = T.ORGANISATION
    elif head.ent_type_ == "PERSON":
        cls = T.PERSON
    elif head.ent_type_ in ("ORG", "NORP"):
        cls = T.ORGANISATION
    else:
        cls = T.CIVILIAN_GROUP
    key = f"{'person' if cls == T.PERSON else 'actor'}:{slug(label)}"
    add_entity(doc, key, cls, label, country=iso)
    add_mention(doc, k, Mention(key, span.start_char, span.end_char, label, "person" if cls == T.PERSON else "actor", "np_actor", 0.5))
    ent = ext(doc, "armedkg_entities")[key]
    ev = evidence(doc, sent, span.start_char, span.end_char, "np_actor", 0.5)
    if ev not in ent.mentions:
        ent.mentions.append(ev)
    return key


def _unnamed_armed(doc: Doc, k: Knowledge, head: object, sent: SentenceInfo) -> str | None:
    """A phrase that names nobody ("no group claimed it": ``""``) or an armed group nobody names
    ("an armed group attacked", "armed men": the unidentified armed group, not one the text
    named before it, which "the armed group" refers back to); None for any other phrase."""
    dets = [c.lower_ for c in head.children if c.dep_ == "det"]
    if "no" in dets:
        return ""
    if "the" in dets or not k.rx("unnamed_armed_phrase").fullmatch(" ".join(t.lower_ for t in head.subtree if t.dep_ in ("amod", "compound") or t.i == head.i)):
        return None
    ensure_actor(doc, k, UNIDENTIFIED)
    start, end = head.left_edge.idx, head.idx + len(head)
    add_mention(doc, k, Mention(UNIDENTIFIED, start, end, text_of(doc)[start:end], "actor", "np_actor", 0.5))
    return UNIDENTIFIED


def _nationality_owner(doc: Doc, k: Knowledge, head: object) -> str | None:
    """A nationality before a thing a force holds ("Azerbaijani positions", "a Malian outpost"):
    the forces of that state, which hold it; None for any other word."""
    iso = k.gaz.country_of_adjective(head.text) if head.dep_ in ("compound", "amod", "nmod") else None
    if iso is None or iso not in k.gaz.countries or head.head.lower_ not in k.lex.forms("owned_nouns"):
        return None
    key = k.forces_of(iso)
    add_mention(doc, k, Mention(key, head.idx, head.idx + len(head), head.text, "actor", "np_actor", 0.5))
    return key


def own_state_force(k: Knowledge, phrase: str) -> bool:
    """Whether a force named without a nationality is a state's own: "military soldiers", "the
    police", "gendarmerie forces" (a country's army, police and gendarmerie are its state
    forces), not "rebel soldiers", "local defense forces" or "former soldiers"."""
    return bool(k.rx("own_state_force_words").search(phrase)) and not k.rx("not_own_state_force_words").search(phrase)
