"""Commanders, members and aliases of people: "X, a former commander of Y", "X, also known
as Abu Z", "Y commander PERSON", "the leader of Y, PERSON", "X joined Y", "Sgt. X and other
U.S. service members", "a U.S. Army colonel X"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...gazetteer import name_key
from .. import terms as T
from ..facts import mention_evidence, relate
from ..knowledge import Knowledge
from ..mentions.persons import nom_de_guerre
from ..sentences import SentenceInfo, evidence
from ..state import Mention, add_mention

COMMAND_ROLES = ("commander", "leader", "chief", "chief of staff", "head", "emir", "amir", "founder", "co-founder")


def people_rules(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
    persons = [m for m in actors if m.kind == "person"]
    for p in persons:
        window = doc._.armedkg_text[p.end : sent.span.end_char]
        _role_phrase(doc, k, sent, actors, sources, p, window)
        _alias(doc, k, sent, p, window)
    named = [m for m in actors if m.rule != "office_of_named_person"]
    _org_then_person(doc, k, sent, named, sources)
    _role_of_org_apposition(doc, k, sent, named, sources)
    _joined(doc, k, sent, persons, actors, sources)
    _ranked_members(doc, k, sent, persons, sources)


def _role_phrase(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str], p: Mention, window: str) -> None:
    """The role phrase after the person, up to the organisation."""
    m = k.rx("role_phrase_after").match(window)
    if not m:
        return
    org = next((o for o in actors if o.start == p.end + m.end() and o.kind == "actor"), None)
    if org is None:
        org = next((o for o in actors if o.kind == "actor" and 0 <= o.start - (p.end + m.end()) <= 4), None)
    if org:
        former = bool(k.rx("former_words").search(window[: m.end()].lower()))
        if m[3].lower() in COMMAND_ROLES:
            prop = T.FORMER_COMMANDER_OF if former else T.COMMANDER_OF
        else:
            prop = T.MEMBER_OF
        relate(doc, k, prop, p.key, org.key, evidence(doc, sent, p.start, org.end, "role_phrase", 0.8), sources, status=T.FORMER if former else T.CURRENT)


def _alias(doc: Doc, k: Knowledge, sent: SentenceInfo, p: Mention, window: str) -> None:
    """Nom de guerre / alias of a person of the sentence."""
    mn = nom_de_guerre(k, window)
    if not mn:
        return
    alias = mn[1].strip().strip("\"“”‘’'")
    ent = doc._.armedkg_entities.get(p.key)
    if ent is not None and alias and name_key(alias) != name_key(ent.label):
        ent.nom_de_guerre = ent.nom_de_guerre or alias
        ent.aliases.add(alias)
        start = p.end + mn.start(1)
        add_mention(doc, k, Mention(p.key, start, start + len(mn[1].strip()), alias, "person", "nom_de_guerre", 0.8))
        mention_evidence(doc, p.key, evidence(doc, sent, start, start + len(alias), "nom_de_guerre", 0.8))


def _org_then_person(doc: Doc, k: Knowledge, sent: SentenceInfo, named: list[Mention], sources: list[str]) -> None:
    """"X commander PERSON", "X's former leader, PERSON" (a title already taken as the person's
    own mention does not come between them); "Navy Senior Chief Petty Officer X": a member of
    that force with that rank."""
    text = doc._.armedkg_text
    for a, b in zip(named, named[1:]):
        if not (a.kind == "actor" and b.kind == "person"):
            continue
        between = text[a.end : b.start]
        m = k.rx("org_role_person_between").fullmatch(between)
        if m:
            former = bool(m[1] and "former" in m[1].lower())
            prop = (T.FORMER_COMMANDER_OF if former else T.COMMANDER_OF) if m[2].lower() in ("commander", "leader", "chief", "emir", "head") else T.MEMBER_OF
            relate(doc, k, prop, b.key, a.key, evidence(doc, sent, a.start, b.end, "org_role_person", 0.75), sources, status=T.FORMER if former else T.CURRENT)
        elif re.fullmatch(r"\s*(?:[A-Z][\w.]*\s+){1,4}", between) and k.rank_re.search(between.rstrip()):
            relate(doc, k, T.MEMBER_OF, b.key, a.key, evidence(doc, sent, a.start, b.end, "org_rank_person", 0.7), sources)


def _role_of_org_apposition(doc: Doc, k: Knowledge, sent: SentenceInfo, named: list[Mention], sources: list[str]) -> None:
    """"A commander of the NDF, Col. X", "the leader of HTS, X"."""
    text = doc._.armedkg_text
    for a, b in zip(named, named[1:]):
        if a.kind == "actor" and b.kind == "person" and re.fullmatch(r"\s*,\s*(?:[A-Z][\w.]*\.?\s+)*", text[a.end : b.start]):
            pre = text[max(sent.start, a.start - 40) : a.start]
            mr = k.rx("role_of_org_before").search(pre)
            if mr:
                former = bool(mr[1])
                prop = (T.FORMER_COMMANDER_OF if former else T.COMMANDER_OF) if mr[2].lower() in ("commander", "leader", "chief", "head", "emir", "founder") else T.MEMBER_OF
                ev = evidence(doc, sent, a.start - len(pre) + mr.start(), b.end, "role_of_org_apposition", 0.75)
                relate(doc, k, prop, b.key, a.key, ev, sources, status=T.FORMER if former else T.CURRENT)


def _joined(doc: Doc, k: Knowledge, sent: SentenceInfo, persons: list[Mention], actors: list[Mention], sources: list[str]) -> None:
    """"X joined / defected to / enlisted in Y" (not when refused or denied)."""
    text = doc._.armedkg_text
    for p in persons:
        for o in actors:
            if o.kind != "actor" or o.start < p.end:
                continue
            between = text[p.end : o.start]
            if len(between) < 120 and k.rx("joined_before").search(between) and not k.rx("refusal_words").search(between):
                relate(doc, k, T.MEMBER_OF, p.key, o.key, evidence(doc, sent, p.start, o.end, "joined_phrase", 0.7), sources)
                break


def _ranked_members(doc: Doc, k: Knowledge, sent: SentenceInfo, persons: list[Mention], sources: list[str]) -> None:
    """A ranked person and "other <nationality> service members" in the same sentence, or a
    nationality right before the ranked name: a member of those forces."""
    text, base = doc._.armedkg_text, sent.start
    for p in persons:
        ent = doc._.armedkg_entities.get(p.key)
        if ent is None or not ent.rank:
            continue
        m = k.other_forces_re.search(sent.text)
        if m:
            iso = k.gaz.country_of_adjective(m[1])
            if iso:
                relate(doc, k, T.MEMBER_OF, p.key, k.forces_of(iso), evidence(doc, sent, p.start, base + m.end(), "rank_other_members", 0.75), sources)
        before = text[max(base, p.start - 25) : p.start]
        mb = k.adj_end_re.search(before)
        if mb:
            iso = k.gaz.country_of_adjective(mb[1])
            if iso:
                relate(doc, k, T.MEMBER_OF, p.key, k.forces_of(iso), evidence(doc, sent, p.start - len(before) + mb.start(), p.end, "nationality_rank", 0.75), sources)
