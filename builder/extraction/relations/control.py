"""Territorial control: "X took control of <place>", "<place> was seized by X", "the fall of
<place> to X", "liberate <place> from X" (held until then), "<place>, X's self-proclaimed
capital", "X's capture of <place>"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .. import terms as T
from ..facts import relate
from ..knowledge import Knowledge
from ..sentences import SentenceInfo, evidence
from ..state import Mention, as_force


def taken_control(doc: Doc, k: Knowledge, sent: SentenceInfo, agents: list[Mention], places: list[Mention], sources: list[str]) -> None:
    """"X took control of <place>", "X holds <place>" (not "equipment captured near Palmyra":
    the place of the capture, not the place captured)."""
    text = doc._.armedkg_text
    for a in agents:
        for p in places:
            if p.start <= a.end:
                continue
            between = text[a.end : p.start]
            if len(between) < 60 and k.rx("control_before_place").search(between) and not k.rx("place_of_capture").search(between):
                relate(doc, k, T.CONTROLS, as_force(doc, k, a.key), p.key, evidence(doc, sent, a.start, p.end, "territorial_control", 0.6), sources)
                break


def control_rules(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str]) -> None:
    """Control stated with the place first, and "X's capture of <place>"."""
    entities = doc._.armedkg_entities
    owners = [m for m in actors if m.kind == "actor" and entities.get(m.key) is not None and entities[m.key].cls not in (T.MEDIA_OUTLET, T.SOURCE)]
    text = doc._.armedkg_text
    for p in places:
        before = text[max(sent.start, p.start - 60) : p.start]
        for o in owners:
            if o.start < p.end:
                continue
            between = text[p.end : o.start]
            if len(between) > 70:
                break
            rule, status = _place_first(k, text, before, between, o)
            if rule:
                relate(doc, k, T.CONTROLS, as_force(doc, k, o.key), p.key, evidence(doc, sent, p.start, o.end, rule, 0.65), sources, status=status)
                break
    for o in owners:
        for p in places:
            if p.start <= o.end:
                continue
            between = text[o.end : p.start]
            if len(between) <= 60 and k.rx("capture_of").fullmatch(between):
                relate(doc, k, T.CONTROLS, as_force(doc, k, o.key), p.key, evidence(doc, sent, o.start, p.end, "possessive_capture", 0.65), sources)
            break


def _place_first(k: Knowledge, text: str, before: str, between: str, o: Mention) -> tuple[str | None, str]:
    """The rule (and status) of "<place> ... X": controlled by, fall to, freed from, capital of."""
    if k.rx("controlled_by").fullmatch(between):
        return "controlled_by_phrase", T.CURRENT
    if k.rx("fall_of_before").search(before) and re.fullmatch(r"\s+to\s+(?:the\s+)?", between):
        return "fall_to_phrase", T.CURRENT
    verb = k.rx("freed_from").search(before)
    if verb and re.fullmatch(r"\s+from\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?", between):
        return "freed_from_phrase", T.FORMER if k.rx("freed_verbs_former").match(verb[1]) else T.CURRENT
    if k.rx("capital_apposition_between").fullmatch(between) and k.rx("capital_after").match(text[o.end : o.end + 40]):
        return "capital_apposition", T.FORMER if "former" in between.lower() else T.CURRENT  # "<place>, the former IS capital"
    return None, T.CURRENT
