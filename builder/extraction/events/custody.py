"""Deaths and abuse in custody: who held the victims did it ("A prisoner died under torture in
Israeli police custody"), whatever the grammatical subject of the sentence."""

from __future__ import annotations

from spacy.tokens import Doc

from ...records import Event
from .. import terms as T
from ..extensions import ext
from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from ..state import Mention, as_force, ensure_actor, focus_hint


def custodian(doc: Doc, k: Knowledge, sent: SentenceInfo, frame: Event, actors: list[Mention]) -> None:
    """"A prisoner died under torture in Israeli police custody", "detainees killed in regime
    prisons": who held them did it, and those who died are the victims, whatever the
    grammatical subject."""
    m = k.rx("custody").search(sent.text)
    if m is None or not (k.rx("kill_words").search(sent.text) or k.rx("abuse_words").search(sent.text)):
        return
    lo, hi = sent.start + m.start(), sent.start + m.end()
    holder = next((a for a in actors if lo <= a.start and a.end <= hi and a.kind in ("actor", "country")), None)
    focus = focus_hint(doc)
    if holder is not None:
        key = as_force(doc, k, holder.key)
    elif k.rx("state_custody_words").search(m.group(0)) and focus in k.gaz.countries:
        key = k.forces_of(focus)  # "in regime prisons"
        ensure_actor(doc, k, key)
    else:
        return
    if frame.cls in (T.ARRESTS, T.ABDUCTION) and k.rx("kill_words").search(sent.text):
        frame.cls = T.ATTACK  # a death in custody, not the detention
    held = [x for x in frame.perpetrators if x != key]
    entities = ext(doc, "armedkg_entities")
    for a in actors:  # "A detainee died ... in X custody": the one who died, named before it
        ent = entities.get(a.key)
        if a.end <= lo and ent is not None and ent.cls in (T.CIVILIAN_GROUP, T.PERSON) and a.key not in held:
            held.append(a.key)
    frame.perpetrators[:] = [key] + [x for x in frame.perpetrators if x not in held and x != key]
    frame.targets[:] = held + [x for x in frame.targets if x != key and x not in held]
