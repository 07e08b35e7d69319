"""Where actors are and where places lie: "X positions near Y" (operates in), "X-controlled Y"
(controls), "Y in (northern) Z", "Syria's Idlib province" (located in)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .. import terms as T
from ..facts import relate
from ..knowledge import Knowledge
from ..sentences import SentenceInfo, evidence
from ..state import Mention, as_force


def operates_in(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str]) -> None:
    """Positions, deployments, control, presence: "X deployed to Y", "X positions near Y"."""
    text = doc._.armedkg_text
    for m in actors:
        if m.kind not in ("actor", "country"):
            continue
        for p in (p for p in places if p.start > m.end):
            between = text[m.end : p.start]
            if len(between) > 120 or any(
                o.start > m.end and o.end <= p.start and o.kind in ("actor", "country") and o.key != m.key and not re.match(r"(?:’s|'s)", text[o.end : o.end + 2]) for o in actors
            ):
                break
            if k.rx("presence_words").search(between):
                relate(doc, k, T.OPERATES_IN, as_force(doc, k, m.key), p.key, evidence(doc, sent, m.start, p.end, "presence_phrase", 0.7), sources)


def controlled_prefix(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str]) -> None:
    """"X-controlled PLACE"."""
    base = sent.start
    for m in re.finditer(r"\b([A-Z][\w'’]+)-(controlled|held|occupied)\b", sent.text):
        owner = next((o for o in actors if o.start == base + m.start(1)), None)
        place = next((p for p in places if p.start > base + m.end()), None)
        if owner and place and place.start - (base + m.end()) < 30:
            relate(doc, k, T.CONTROLS, as_force(doc, k, owner.key), place.key, evidence(doc, sent, owner.start, place.end, "controlled_prefix", 0.7), sources)


def located_in(doc: Doc, k: Knowledge, sent: SentenceInfo, places: list[Mention]) -> None:
    """"X in (northern) Y", "X, which is located in rural Y", "X and other villages in Y";
    a place after "east of Z" is Z's neighbour, not in Z."""
    text, base = doc._.armedkg_text, sent.start
    for idx, (a, b) in enumerate(zip(places, places[1:])):
        between = text[a.end : b.start]
        if k.rx("not_located_between").search(between):
            continue
        subject = a
        if k.rx("direction_of_before").search(text[max(base, a.start - 40) : a.start]):
            if idx == 0:
                continue
            subject = places[idx - 1]
        if k.rx("located_in_between").fullmatch(between) and subject.key != b.key:
            relate(doc, k, T.LOCATED_IN, subject.key, b.key, evidence(doc, sent, subject.start, b.end, "place_in_place", 0.75), [])


def country_possessive(doc: Doc, k: Knowledge, sent: SentenceInfo, places: list[Mention]) -> None:
    """"Syria's Idlib province": the place lies in the country."""
    text = doc._.armedkg_text
    for m in sent.mentions:
        if m.kind == "country" and re.match(r"(?:’s|'s)", text[m.end : m.end + 3]):
            place = next((p for p in places if 0 <= p.start - m.end < 40), None)
            if place and place.key != m.key:
                relate(doc, k, T.LOCATED_IN, place.key, m.key, evidence(doc, sent, m.start, place.end, "country_possessive", 0.8), [])
