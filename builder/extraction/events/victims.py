"""Who a violent act was done to when the clause names nobody armed: the object of "shot and
killed a bakery owner", "abducted a lorry driver", "set fire to houses", the subject of "a
teacher was stabbed" is a civilian (or civilians' property), and the event's target is the
civilians of the country where it happened (ACLED's "Civilians (X)"). The clause is read from
the frame of the trigger (:mod:`..frames`): its patients, and those of the verbs joined to it
("shot and killed").

A patient is armed where it names an armed actor or a country, or where its words name armed
people, a force or a military object ("two soldiers", "a police station", "army positions"):
then nothing hit is civilian. A pronoun (the group it refers to is read elsewhere), a time or a
place ("torched houses at the landing site") is neither: it leaves the other patients civilian."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ...records import Event
from .. import terms as T
from ..facts import group
from ..frame_relations import ARMED
from .crowds import armed_words
from ..knowledge import Knowledge
from ..sentences import SentenceInfo, evidence
from ..extensions import char_span, ext

NOT_HIT = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL")  # entity types of no patient
AIMED = ("at", "on", "to", "towards", "upon", "into")  # "opened fire at X", "set fire to X"
ON = ("on", "upon")  # aimed only with fire ("opened fire on X"); else the place of the act
# the acts whose patients ACLED codes as civilians where nobody armed is hit
CIVILIAN_ACT_TYPES = (*T.VIOLENT_TYPES, T.RIOTS)
CIVILIAN_ACT_CLASSES = (T.LOOTING, T.ARRESTS)


def clause_patients(doc: Doc, trigger: Token, words: tuple[int, int] = (0, 0)) -> list[Token]:
    """Heads of what the trigger's clause acts on: its frame's patients, those of the verbs
    coordinated with it ("shot and killed X") and those of a noun of hostile action it governs
    ("opened fire at X": X, not the fire), each coordinated phrase on its own. An object among
    the trigger's own ``words`` (character offsets: "opened fire", "set fire") is no patient;
    the "at", "on" or "to" phrase of its verb is ("set fire to houses")."""
    frames = {f.head: f for f in ext(doc, "armedkg_frames")}
    todo = [trigger, *(c for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("VERB", "")), *([trigger.head] if trigger.dep_ == "conj" else [])]
    out: list[Token] = []
    seen: set[int] = set()
    while todo:
        verb = todo.pop(0)
        frame = frames.get(verb.i)
        if verb.i in seen or frame is None or frame.negated or frame.symmetric:
            continue
        seen.add(verb.i)
        inside = [c.i for c in verb.children if c.dep_ in ("dobj", "obj") and words[0] <= c.idx < words[1]]
        fire = any(doc[i].lower_ == "fire" for i in inside)  # "opened fire on X"; "burned tyres on the road" says where
        aimed = [g.i for c in verb.children if c.dep_ == "prep" and c.lower_ in AIMED and (fire or c.lower_ not in ON) for g in c.children if g.dep_ == "pobj"] if inside else []
        for i in [p for p in frame.patients if p not in inside] + aimed:
            if i in frames and frames[i].kind == "noun":
                todo.append(doc[i])  # the act itself ("opened fire at"): what it acts on
                continue
            for tok in (doc[i], *doc[i].conjuncts):
                if tok not in out:
                    out.append(tok)
    return out


@lru_cache(maxsize=4)
def harm_forms(k: Knowledge) -> frozenset[str]:
    """Every form of the verbs of bodily harm and of destruction (``harm_verbs``,
    ``destruction_verbs``, ``toll_verbs``): "beaten", "vandalised", "damaged"."""
    return frozenset(k.lex.forms("harm_verbs")) | frozenset(k.lex.forms("destruction_verbs")) | frozenset(k.lex.forms("toll_verbs"))


def _hostile_verbs_patients(doc: Doc, k: Knowledge, sent: SentenceInfo) -> list[Token]:
    """Where the trigger's words give no clause (a note's label, "a mob", a noun the parse left
    loose), what the sentence's hostile verbs act on ("Looting: militiamen destroyed water
    pumps", "a crowd beat and bound a suspected thief")."""
    out: list[Token] = []
    span = sent.span
    harm = harm_forms(k)
    for f in ext(doc, "armedkg_frames"):
        if f.kind == "verb" and (f.hostile or doc[f.head].lower_ in harm) and not f.negated and span.start <= f.head < span.end:
            out += [p for p in clause_patients(doc, doc[f.head]) if p not in out]
    return out


def patient_kind(doc: Doc, k: Knowledge, tok: Token) -> str:
    """What the patient phrase headed by ``tok`` names: ``civilian`` (people or things that are
    neither armed nor any actor, country or place the document names), ``armed`` (an armed actor,
    a country, armed people, a force, a military object or a weapon) or ``none`` (a pronoun,
    number, time or place: "torched ten houses at the landing site", "at around 8 am")."""
    if tok.tag_ in ("PRP", "PRP$", "WP", "WDT", "DT", "EX") or tok.pos_ == "PRON" or tok.like_num and tok.dep_ != "nsubjpass":
        return "none"
    if tok.ent_type_ in NOT_HIT:
        return "none"  # "attacked ... on April 10": when, not whom
    span = doc[tok.left_edge.i : tok.i + 1]
    phrase = span.text.lower()
    entities = ext(doc, "armedkg_entities")
    place = False
    for m in ext(doc, "armedkg_mentions"):
        if m.start < span.end_char and span.start_char < m.end:
            ent = entities.get(m.key)
            if m.kind == "country" or (ent is not None and ent.cls in ARMED):
                return "armed"
            place = place or m.kind == "place"
    if armed_words(k, phrase) or k.rx("military_object_words").search(phrase) or k.weapons.find(span.text):
        return "armed"
    return "none" if place else "civilian"


def civilian_patients(doc: Doc, k: Knowledge, sent: SentenceInfo, event: Event, words: tuple[int, int] | None) -> None:
    """The civilians of the event's country as a target where the trigger's clause (its
    ``words``: character offsets) acts on people or property no armed actor is named for, and on
    nothing armed."""
    span = char_span(doc, words[0], words[1]) if words else None
    trigger = span.root if span is not None else None
    if trigger is None or not (k.event_type_of.get(event.cls) in CIVILIAN_ACT_TYPES or event.cls in CIVILIAN_ACT_CLASSES):
        return
    patients = clause_patients(doc, trigger, words)
    if not patients and not any(f.head == trigger.i for f in ext(doc, "armedkg_frames")):
        patients = _hostile_verbs_patients(doc, k, sent)  # the trigger's words head no clause
    kinds = [patient_kind(doc, k, p) for p in patients]
    unarmed = [p for p, kind in zip(patients, kinds) if kind == "civilian"]
    if not unarmed or "armed" in kinds:
        return  # nothing hit that is civilian, or something armed was hit beside it
    key = group(doc, k, "civilians")
    if key not in event.targets:
        event.targets.append(key)
    first = unarmed[0]
    start, end = doc[first.left_edge.i].idx, first.idx + len(first)
    ev = evidence(doc, sent, start, end, "implied:civilian_patient", 0.5)  # implied by the phrase, not a name of the civilians
    ent = ext(doc, "armedkg_entities")[key]
    if ev not in ent.mentions:
        ent.mentions.append(ev)


def told_civilians(doc: Doc, k: Knowledge, sent: SentenceInfo, event: Event) -> None:
    """A sentence that only tells the toll of an explosion or an attack ("Houses were damaged.",
    "Two farmers were wounded.") names its civilian targets by what its hostile verbs act on,
    where nothing armed is among them."""
    if k.event_type_of.get(event.cls) not in (T.EXPLOSIONS, T.VIOLENCE_AGAINST_CIVILIANS):
        return
    patients = _hostile_verbs_patients(doc, k, sent)
    kinds = [patient_kind(doc, k, p) for p in patients]
    if "civilian" not in kinds or "armed" in kinds:
        return
    key = group(doc, k, "civilians")
    if key not in event.targets:
        event.targets.append(key)
