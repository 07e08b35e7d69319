"""Who uses or holds a weapon or platform: the subject of a verb of use ("conducted strikes
using attack and bomber aircraft", "ISIS seized tanks"), the side the fire came from ("machine
gun fire from IS fighters"), the one armed with it, the group named with it ("ISIS-held tank",
"Hezbollah's rockets"). A weapon that was hit ("destroyed three tanks") belongs to nobody the
sentence names as its user."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from .. import terms as T
from ..events.roles import actor_of, np_actor
from ..facts import UNIDENTIFIED, relate
from ..frame_phrases import alleged
from ..frames import Frame
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
        accused = span.root.dep_ == "dobj" and alleged(span.root.head, k.lex.forms("accusation_verbs"))  # "accused X of using Y"
        relate(doc, k, prop, owner, w.key, evidence(doc, sent, lo, hi, rule, 0.6), sources, status=T.ALLEGED if accused else T.CURRENT)


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
    """Who uses the weapon ``tok`` heads: the agent of the clause whose verb of use takes it as
    object ("fired dozens of rockets", "stormed the hotel, firing RPGs"), read from the clause
    frame (a shared or controlled subject: "accused the army of dropping barrel bombs" names the
    army, "urged X to stop firing" X), or the owner of a "use of" ("the regime's use of", "the
    use of X by Y"); none where the clause is passive, denied, threatened, planned or supposed, and none for
    a speaker who names the use ("condemned the use of chemical weapons")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and k.rx("quantity_nouns").fullmatch(tok.head.head.lower_):
        tok = tok.head.head  # "fired dozens of rockets"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "with"):
        head = tok.head.head  # "the use of IEDs", "armed with rifles"
        if head.lower_ in ("armed", "equipped"):
            said_of = [head.head] if head.dep_ in ("acl", "amod") else [c for c in head.children if c.dep_ == "dobj"] or [c for c in head.children if c.dep_ in ("nsubjpass", "nsubj")]
            key = actor_of(doc, k, sent, owners, said_of[0], True) if said_of and k.upos(said_of[0]) in ("NOUN", "PROPN") else None
            return (key, "armed_with") if key else (None, "")  # "fighters armed with rifles", "the militia is equipped with drones", "equipped the militia with drones"
        if head.lower_ in ("use", "usage") and k.upos(head) == "NOUN":
            return _agent_key(doc, k, sent, owners, _noun_users(doc, k, head))
        return None, ""
    if tok.dep_ != "dobj" or not k.rx("weapon_use_verbs").fullmatch(tok.head.text):
        return None, ""
    frame = _frame_at(doc, tok.head.i)
    if frame is None or frame.kind != "verb" or frame.passive or not (_stated(frame) or _ceased(k, tok.head)):
        return None, ""
    verb = doc[frame.head]
    if verb.dep_ == "acl" and verb.lower_ in k.lex.forms("means_verbs"):
        act = _frame_at(doc, verb.head.i)  # "conducted strikes using aircraft": who struck used them
        above = _frame_at(doc, verb.head.head.i) if verb.head.dep_ == "dobj" else None  # "shelled the hideouts using mortars"
        frame = act if act is not None and act.kind == "noun" and act.agents else above if above is not None and above.hostile else frame  # not "targeted a convoy carrying rockets"
    return _agent_key(doc, k, sent, owners, _shared_agents(doc, frame))


def _shared_agents(doc: Doc, frame: Frame) -> list[object]:
    """The agents of a clause of use, else those of the clause it is coordinated with or an
    adverbial of ("conducted strikes coordinated with X and using aircraft"), where that clause
    states a fact; never a speaker's, and nobody's for a passive clause."""
    node = doc[frame.head]
    for _ in range(4):
        if frame.passive or frame.agents:
            return [] if frame.passive else [doc[i] for i in frame.agents]
        if node.dep_ not in ("conj", "advcl", "xcomp") or node.head.i == node.i:
            return []
        node = node.head
        frame = _frame_at(doc, node.i)
        if frame is None or frame.kind != "verb" or frame.reporting or not _stated(frame):
            return []
    return []


def _noun_users(doc: Doc, k: Knowledge, use: object) -> list[object]:
    """The owner of a noun of use: its possessor or name before it ("the regime's use of",
    "ISIS use of"), its "by" phrase ("the use of sarin by the army"); else (a possessive pronoun,
    no owner) the doer of the clause the noun is the object of ("the army stepped up its use of
    drones", "the militia made use of IEDs"), never one who speaks of it or judges it
    ("condemned their use of", "documented the use of"). None where that clause denies the use
    or only plans it ("denied its use of", "threatened the use of")."""
    verb = use.head if use.dep_ == "dobj" else use.head.head if use.dep_ == "pobj" and use.head.dep_ == "prep" else None
    frame = _frame_at(doc, verb.i) if verb is not None else None
    if verb is not None and (verb.lower_ in k.lex.forms("negating_verbs") or (frame is not None and not frame.factual)) and not _ceased(k, use):
        return []
    before = [c for c in use.children if c.dep_ in ("poss", "compound") and c.i < use.i and c.tag_ != "PRP$"]
    by = [o for c in use.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    if before or by or frame is None or frame.kind != "verb":
        return before or by
    speaking = verb.lower_ in k.lex.forms("reporting_verbs") or k.rx("judging_verbs").match(verb.lower_)
    return [] if speaking else _shared_agents(doc, frame)


def _agent_key(doc: Doc, k: Knowledge, sent: SentenceInfo, owners: list[Mention], agents: list[object]) -> tuple[str | None, str]:
    if not agents or k.upos(agents[0]) == "PRON":
        return None, ""
    key = _named_by(doc, k, sent, owners, agents[0])
    return (key, "weapon_use") if key else (None, "")


def _named_by(doc: Doc, k: Knowledge, sent: SentenceInfo, owners: list[Mention], head: object) -> str | None:
    """The actor the doer's own noun phrase names: its words up to its noun and its "of"/"from"
    phrase ("Coalition military forces", "fighters of the FSA"), not a phrase that says what it
    did to whom ("attacks ... against Iraqi troops" names no doer); else the phrase as an actor."""
    spans = [(head.left_edge.idx, head.idx + len(head))]
    spans += [(p.idx, p.right_edge.idx + len(p.right_edge)) for p in head.children if p.dep_ == "prep" and p.lower_ in ("of", "from") and p.i > head.i]
    hits = [m for m in owners if m.kind in ("actor", "country", "person") and any(m.start < b and a < m.end for a, b in spans)]
    hit = next((m for m in hits if m.key != UNIDENTIFIED and m.kind == "actor"), None) or next((m for m in hits if m.key != UNIDENTIFIED), hits[0] if hits else None)
    return as_force(doc, k, hit.key) if hit is not None else np_actor(doc, k, head, sent)


def _stated(frame: Frame) -> bool:
    """Whether a clause of use says the use happens or can happen: not denied, threatened, planned
    or supposed ("if the talks fail, the militia will fire rockets"); one able to fire a weapon has it."""
    return frame.factual


def _ceased(k: Knowledge, tok: object) -> bool:
    """Whether a verb of ceasing governs the use, which was then going on, whatever governs the
    ceasing ("urged the militia to stop firing rockets", "must end its use of barrel bombs")."""
    head = tok.head
    return tok.dep_ in ("xcomp", "dobj") and head.i != tok.i and head.lower_ in k.lex.forms("cessation_verbs")


def _frame_at(doc: Doc, i: int) -> Frame | None:
    """The clause frame headed by token ``i`` (frames are in token order)."""
    frames = ext(doc, "armedkg_frames")
    j = bisect_left(frames, i, key=lambda f: f.head)
    return frames[j] if j < len(frames) and frames[j].head == i else None
