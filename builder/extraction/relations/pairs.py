"""Relations between two mentions of one sentence from the words between them (lower
confidence): "X is led by PERSON", "2nd Battalion, 75th Ranger Regiment", "X joined Y", "A ...
in support of B", "A fought B", "A, B and C vowed to defeat ...", "X, a member of Y", "X, which
includes Y", "PERSON, an X field commander", "members of X include A, B and C"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .. import terms as T
from ..facts import relate
from ..knowledge import Knowledge
from ..sentences import SentenceInfo, evidence
from ..state import Mention, as_force, is_subject
from .backing import country_as_place, last_match, supports_last


def echelon(k: Knowledge, label: str) -> int:
    """The echelon of a unit named like "3rd Battalion" or "158th Fighter Wing" (1 = smallest); 0 if the name is not a unit's."""
    m = k.echelon_re.search(label)
    if not m or not re.search(r"\d", label):
        return 0
    word = m[1].lower()
    return next(i for i, level in enumerate(k.echelons, 1) if word in level)


def _ev(doc: Doc, sent: SentenceInfo, a: Mention, b: Mention, rule: str, conf: float) -> object:
    return evidence(doc, sent, min(a.start, b.start), max(a.end, b.end), rule, conf)


def pair_rules(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str]) -> list[Mention]:
    """Every ordered pair of agents (not media outlets or sources) of the sentence; returns the agents."""
    entities = doc._.armedkg_entities
    agents = [m for m in actors if entities.get(m.key) is not None and entities[m.key].cls not in (T.MEDIA_OUTLET, T.SOURCE)]
    text = doc._.armedkg_text
    for i, a in enumerate(agents):
        for b in agents[i + 1 :]:
            if a.key == b.key:
                continue
            between = text[a.end : b.start]
            if len(between) > 110 or ";" in between:
                continue
            if not _membership_pair(doc, k, sent, sources, a, b, between):
                _side_pair(doc, k, sent, places, sources, a, b, between)
    list_membership(doc, k, sent, agents, sources)
    return agents


def _membership_pair(doc: Doc, k: Knowledge, sent: SentenceInfo, sources: list[str], a: Mention, b: Mention, between: str) -> bool:
    """Command, sub-units and membership; True if one of these readings applied."""
    entities = doc._.armedkg_entities
    low = between.lower()
    if b.kind == "person" and a.kind == "actor" and k.rx("led_by_between").fullmatch(between):
        relate(doc, k, T.COMMANDER_OF, b.key, a.key, _ev(doc, sent, a, b, "led_by_phrase", 0.7), sources)  # "Task Force 51 is led by Rear Adm. X"
    elif a.kind != "person" and b.kind == "actor" and (unit := echelon(k, entities[a.key].label)) and unit < echelon(k, entities[b.key].label) and re.fullmatch(r"\s*,\s*(?:the\s+)?|\s+of\s+the\s+", between):
        relate(doc, k, T.PART_OF, a.key, b.key, _ev(doc, sent, a, b, "unit_echelon", 0.8), sources)  # "2nd Battalion, 75th Ranger Regiment"
    elif b.kind == "actor" and k.rx("joined_between").fullmatch(between) and not k.rx("refusal_words").search(low):
        # "Tribal fighters joined the SDF", "X was assigned to 2nd Battalion"
        prop = T.MEMBER_OF if a.kind == "person" else T.PART_OF if echelon(k, entities[a.key].label) else T.MEMBER_OF
        relate(doc, k, prop, a.key, b.key, _ev(doc, sent, a, b, "joined_phrase", 0.65), sources)
    elif a.kind in ("country", "actor") and b.kind == "actor" and entities[b.key].cls == T.ORGANISATION and re.fullmatch(r"\s+within\s+(?:the\s+)?", between):
        relate(doc, k, T.MEMBER_OF, a.key, b.key, _ev(doc, sent, a, b, "within_alliance", 0.6), sources)  # "working with Turkey within NATO"
    else:
        return False
    return True


def _side_pair(doc: Doc, k: Knowledge, sent: SentenceInfo, places: list[Mention], sources: list[str], a: Mention, b: Mention, between: str) -> None:
    """Alliance and hostility (the phrase leads up to B), then belonging and inclusion."""
    low = between.lower()
    if _alliance(doc, k, sent, places, a, b, low):
        relate(doc, k, T.ALLIED_WITH, a.key, b.key, _ev(doc, sent, a, b, "pair_alliance", 0.55), sources)
    elif _hostility(doc, k, sent, places, a, b, between, low):
        # (officials and spokesmen named beside a fight are not its parties; nor are actors of two clauses)
        if not k.rx("reported_words").search(low) and not k.rx("judging_verbs").search(low):
            relate(doc, k, T.FIGHTING_AGAINST, as_force(doc, k, a.key), as_force(doc, k, b.key), _ev(doc, sent, a, b, "pair_hostility", 0.5), sources)
    elif (
        re.fullmatch(r"\s*(?:,\s*(?:the\s+)?(?:wider\s+)?|and\s+(?:the\s+)?|,\s*and\s+(?:the\s+)?)", between)
        and k.rx("pair_fight_words").search(doc._.armedkg_text[b.end : sent.span.end_char].lower()[:120])
        and "person" not in (a.kind, b.kind)
        and not (_as_place(doc, k, sent, places, a) or _as_place(doc, k, sent, places, b) or _attacked(doc, k, sent, a))
        and (is_subject(doc, a) or is_subject(doc, b))
    ):
        relate(doc, k, T.ALLIED_WITH, a.key, b.key, _ev(doc, sent, a, b, "pair_conjoined_allies", 0.5), sources)  # "A, B and C vowed to defeat ..."
    else:
        _belonging(doc, k, sent, sources, a, b, between)


def _alliance(doc: Doc, k: Knowledge, sent: SentenceInfo, places: list[Mention], a: Mention, b: Mention, low: str) -> bool:
    """"A ... in support of (our) B": A neither a country named as a place ("in Syria, ...") nor
    the one attacked ("strikes on A in support of B"); no person ("a minister who reiterates
    support for Iraq" is no ally of it), no agreement."""
    entities = doc._.armedkg_entities
    ally = last_match(k.rx("pair_ally_words"), low)
    return bool(
        ally
        and k.rx("ally_object_gap").fullmatch(low[ally.end() :])
        and not (_as_place(doc, k, sent, places, a) or _as_place(doc, k, sent, places, b) or _attacked(doc, k, sent, a))
        and "person" not in (a.kind, b.kind)
        and not any(k.rx("agreement_names").search(entities[m.key].label) for m in (a, b))
    )


def _hostility(doc: Doc, k: Knowledge, sent: SentenceInfo, places: list[Mention], a: Mention, b: Mention, between: str, low: str) -> bool:
    entities = doc._.armedkg_entities
    return bool(
        k.rx("pair_fight_words").search(low)
        and not re.search(r"\b(and|or)\s*$", low)
        and b.kind != "place"
        and "person" not in (a.kind, b.kind)
        and not k.rx("clause_break").search(low)
        and not (_as_place(doc, k, sent, places, a) or _as_place(doc, k, sent, places, b) or _speaker(doc, k, b))
        and not supports_last(k, low)
        and not k.rx("named_coalition_against").fullmatch(between)  # "a Coalition to Defeat ISIS" named as such: a name
        and not (entities[a.key].cls == T.CIVILIAN_GROUP and re.match(r"(?:Civilians\b|all parties)", entities[a.key].label))  # those attacked, not a side
    )


def _belonging(doc: Doc, k: Knowledge, sent: SentenceInfo, sources: list[str], a: Mention, b: Mention, between: str) -> None:
    """"X, a member of Y" (not after a verb that kills or captures members), "X, which includes
    Y", "PERSON, an <actor> field commander"."""
    text = doc._.armedkg_text
    if k.rx("belongs_between").fullmatch(between):
        span = doc.char_span(a.end, b.start, alignment_mode="contract")
        linking = k.lex.words("linking_verbs")
        if span is None or not any(t.tag_.startswith("VB") and t.lower_ not in linking for t in span):
            relate(doc, k, T.MEMBER_OF if a.kind == "person" else T.PART_OF, a.key, b.key, _ev(doc, sent, a, b, "pair_belongs", 0.6), sources)
    elif k.rx("which_includes_between").fullmatch(between):
        relate(doc, k, T.PART_OF, b.key, a.key, _ev(doc, sent, a, b, "which_includes", 0.6), sources)  # Y is part of X
    elif a.kind == "person" and re.fullmatch(r"\s*,\s*(?:an?|the)\s+", between) and k.rx("person_apposition_role_after").match(text[b.end : b.end + 40]):
        role = re.match(r"^(?:'s|’s)?\s*(?:[\w-]+\s+){0,2}(\w+)", text[b.end : b.end + 40]).group(1).lower()
        prop = T.COMMANDER_OF if role in ("leader", "commander", "emir", "chief") else T.MEMBER_OF
        relate(doc, k, prop, a.key, b.key, _ev(doc, sent, a, b, "person_apposition_role", 0.6), sources)


def _as_place(doc: Doc, k: Knowledge, sent: SentenceInfo, places: list[Mention], m: Mention) -> bool:
    """A country named as a place: "in Syria", "near Palmyra, Syria", "Syria's Idlib province"."""
    if m.kind != "country":
        return False
    text = doc._.armedkg_text
    after = re.match(r"(?:’s|'s)\s+(?:[\w-]+\s+)?", text[m.end : m.end + 30])
    return (
        country_as_place(k, text, sent.start, m)
        or any(p.end <= m.start and re.fullmatch(r",\s*", text[p.end : m.start]) for p in places)
        or (after is not None and any(p.start == m.end + after.end() for p in places))
    )


def _speaker(doc: Doc, k: Knowledge, m: Mention) -> bool:
    """The organisation of a speaker: "Pentagon spokesman X", "a Defense Department official"."""
    return bool(k.rx("speaker_after").match(doc._.armedkg_text[m.end : m.end + 30]))


def _attacked(doc: Doc, k: Knowledge, sent: SentenceInfo, m: Mention) -> bool:
    """The object of an attack: "strikes against ISIL", "to defeat Daesh"."""
    return bool(k.rx("attacked_before").search(doc._.armedkg_text[max(sent.start, m.start - 30) : m.start]))


def list_membership(doc: Doc, k: Knowledge, sent: SentenceInfo, agents: list[Mention], sources: list[str]) -> None:
    """"Member states of X include A, B and C": each belongs to the group."""
    text = doc._.armedkg_text
    for a in agents:
        inc = k.rx("members_include_after").match(text[a.end : sent.span.end_char])
        if inc:
            listed = [b for b in agents if b.start > a.end + inc.end() - 1 and b.kind in ("country", "actor") and b.key != a.key]
            if len(listed) >= 2:
                for b in listed:
                    relate(doc, k, T.MEMBER_OF, b.key, a.key, _ev(doc, sent, a, b, "list_membership", 0.55), sources)
