"""Who uses or holds a weapon or platform: the subject of a verb of use ("conducted strikes
using attack and bomber aircraft", "ISIS seized tanks"), the side the fire came from ("machine
gun fire from IS fighters"), the one armed with it, the group named with it ("ISIS-held tank",
"Hezbollah's rockets"). A weapon that was hit ("destroyed three tanks") belongs to nobody the
sentence names as its user."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .. import terms as T
from ..events.roles import actor_of
from ..facts import relate
from ..knowledge import Knowledge
from ..sentences import SentenceInfo, evidence
from ..state import Mention, add_entity, as_force
from ..extensions import char_span, ext


def weapon_rules(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
    entities = ext(doc, "armedkg_entities")
    owners = [m for m in actors if entities.get(m.key) is not None and entities[m.key].cls not in (T.MEDIA_OUTLET, T.SOURCE, T.CIVILIAN_GROUP)]
    if not owners:
        return
    for w in k.weapons.find(sent.text):
        start, end = sent.start + w.start, sent.start + w.end
        if any(m.start < end and start < m.end for m in sent.mentions):
            continue  # inside an actor's or a place's name ("Tank Battalion", "Drone Unit 12")
        span = char_span(doc, start, end)
        if span is None:
            continue
        owner, rule = weapon_owner(doc, k, sent, owners, span)
        if owner is None:
            continue
        ent = add_entity(doc, w.key, T.WEAPON, w.label)
        mention = evidence(doc, sent, start, end, "weapon_lexicon", 0.7)
        if mention not in ent.mentions:
            ent.mentions.append(mention)
        named = [m for m in owners if m.key == owner or as_force(doc, k, m.key) == owner]
        o = min(named, key=lambda m: abs(m.start - start)) if named else None  # the mention that owns it, not an earlier one
        lo, hi = (min(start, o.start), max(end, o.end)) if o is not None else (start, end)
        prop = T.HOLDS_WEAPON if rule == "weapon_of_actor" else T.USES_WEAPON
        relate(doc, k, prop, owner, w.key, evidence(doc, sent, lo, hi, rule, 0.6), sources)


def weapon_owner(doc: Doc, k: Knowledge, sent: SentenceInfo, owners: list[Mention], span: Span) -> tuple[str | None, str]:
    """The owner of the weapon ``span`` names, and the rule that found it."""
    tok = span.root
    if tok.dep_ in ("compound", "amod", "nmod") and not k.rx("weapon_heads").fullmatch(tok.head.text) and not k.weapons.find(tok.head.text):
        return None, ""  # "a VBIED facility", "an artillery crewmember", "the UN chemical weapons report"
    owner, tok = _modifier_owner(doc, k, owners, span, tok)
    if owner is not None:
        return owner, "weapon_of_actor"
    # "machine gun and RPG fire from IS fighters" (read from the words: parsers split it oddly)
    fire = k.rx("fire_from_after").match(ext(doc, "armedkg_text")[span.end_char : span.end_char + 80])
    if fire:
        o = next((m for m in owners if m.start == span.end_char + fire.end()), None)
        if o is not None:
            return as_force(doc, k, o.key), "weapon_fire_from"
    return _user(doc, k, sent, owners, tok)


def _modifier_owner(doc: Doc, k: Knowledge, owners: list[Mention], span: Span, tok: object) -> tuple[str | None, object]:
    """"ISIS-held tank", "Hezbollah's rockets", "ISIL tanks": the owner modifies the weapon's
    own noun phrase ("machine gun ... fire", "the tanks and other hardware"), not a neighbour in
    a list ("an ISIS-held building, and a grenade launcher"): a conjunct with its own article or
    number is a phrase of its own. Returns the owner (or None) and the head of that phrase."""
    chain = [tok]
    for _ in range(10):
        own = any(t.dep_ in ("det", "nummod", "poss") for t in tok.subtree if t.i < tok.i)
        if ((tok.dep_ == "conj" and not own) or tok.dep_ in ("compound", "amod", "nmod")) and tok.head.i != tok.i and k.upos(tok.head) in ("NOUN", "PROPN", "ADJ"):
            tok = tok.head
            chain.append(tok)
        else:
            break
    modifiers = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for t in chain for c in t.children if c.i < t.i and c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")]
    named = [m for m in owners if m.end <= span.start_char and any(a <= m.start and m.end <= b for a, b in modifiers)]
    return (as_force(doc, k, named[-1].key) if named else None), tok


def _user(doc: Doc, k: Knowledge, sent: SentenceInfo, owners: list[Mention], tok: object) -> tuple[str | None, str]:
    """The subject of the verb of use the weapon is the object of ("fired dozens of rockets",
    "the use of IEDs", "armed with rifles"); none for a passive verb ("three tanks were destroyed")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and k.rx("quantity_nouns").fullmatch(tok.head.head.lower_):
        tok = tok.head.head  # "fired dozens of rockets"
    head = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "with"):
        head = tok.head.head  # "the use of IEDs", "armed with rifles"
        if head.lower_ == "armed" and head.dep_ in ("acl", "amod") and k.upos(head.head) in ("NOUN", "PROPN"):
            key = actor_of(doc, k, sent, owners, head.head, True)
            return (key, "armed_with") if key else (None, "")
        if head.lower_ not in ("use", "usage", "armed", "equipped"):
            return None, ""
    elif tok.dep_ != "dobj" or not k.rx("weapon_use_verbs").fullmatch(head.text):
        return None, ""
    verb = head
    for _ in range(5):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent") or (c.dep_ == "nsubjpass" and verb.lower_ == "involved")]
        if any(c.dep_ == "nsubjpass" for c in verb.children) and not subjects:
            return None, ""
        if subjects:
            subj = subjects[0] if subjects[0].dep_ != "agent" else next((c for c in subjects[0].children if c.dep_ == "pobj"), subjects[0])
            if k.upos(subj) == "PRON":
                return None, ""
            key = actor_of(doc, k, sent, owners, subj, True)
            return (key, "weapon_use") if key else (None, "")
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return None, ""
