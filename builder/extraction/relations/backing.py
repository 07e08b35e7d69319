"""Backing, alliance and hostility read from the words around an actor or between two
consecutive ones: "<Adjective>-backed X", "X, a <nationality> pro-<adjective> militia", "X
backed by Y", "Iran backs X", "X alongside Y", "X clashed with Y", "anti-X operations", "its
media wing, X"."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...gazetteer import name_key
from .. import terms as T
from ..facts import last_event, relate
from ..knowledge import Knowledge
from ..sentences import SentenceInfo, evidence
from ..state import Mention, as_force, ensure_country, is_subject


def backer_key(doc: Doc, k: Knowledge, word: str, sent: SentenceInfo) -> str | None:
    """The backer a word names: a country (by adjective or name) or an actor of the sentence."""
    iso = k.gaz.country_of_adjective(word) or k.gaz.country_by_name.get(name_key(word))
    if iso:
        ensure_country(doc, k, iso)
        return f"country:{iso}"
    hit = next((m for m in sent.mentions if m.text == word or m.text.startswith(word)), None)
    return hit.key if hit and hit.kind in ("actor", "country") else None


def backing(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
    """"<Adjective>-backed X", "X, a <nationality> pro-<adjective> militia", "X backed by Y"."""
    text, base = doc._.armedkg_text, sent.start
    for m in actors:
        if m.kind not in ("actor",):
            continue
        before = text[max(base, m.start - 60) : m.start]
        mb = k.backed_before_re.search(before)
        if mb:
            backer = backer_key(doc, k, mb[1] or mb[2], sent)
            verb = mb[3].lower()
            if backer and backer != m.key:
                prop = T.ALLIED_WITH if verb in ("aligned", "allied", "affiliated", "linked") else T.BACKED_BY
                if verb in ("controlled", "led"):
                    prop = T.BACKED_BY
                relate(doc, k, prop, m.key, backer, evidence(doc, sent, m.start - len(before) + mb.start(), m.end, f"{verb}_prefix", 0.85), sources)
        after = text[m.end : min(sent.span.end_char, m.end + 80)]
        _backing_after(doc, k, sent, actors, sources, m, after)


def _backing_after(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str], m: Mention, after: str) -> None:
    ma = k.pro_after_re.match(after)
    if ma:
        backer = backer_key(doc, k, ma[2], sent)
        if backer and backer != m.key:
            relate(doc, k, T.BACKED_BY, m.key, backer, evidence(doc, sent, m.start, m.end + ma.end(), "apposition_pro", 0.8), sources)
    mc = k.adj_after_re.match(after)
    if mc:
        iso = k.gaz.country_of_adjective(mc[1])
        ent = doc._.armedkg_entities.get(m.key)
        if iso and ent is not None and ent.cls not in (T.COUNTRY,) and not ent.country:
            ent.country = iso
    mby = k.rx("backed_by_after").match(after)
    if mby:
        target = next((o for o in actors if o.start >= m.end + mby.end() - 1 and o.key != m.key), None)
        if target and target.start - (m.end + mby.end()) < 20:
            relate(doc, k, T.BACKED_BY, m.key, target.key, evidence(doc, sent, m.start, target.end, "backed_by_phrase", 0.8), sources)


def consecutive_pairs(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
    """Patterns on the words between two consecutive mentions."""
    text, base = doc._.armedkg_text, sent.start
    entities = doc._.armedkg_entities
    for a, b in zip(actors, actors[1:]):
        between = text[a.end : b.start]
        if len(between) > 90:
            continue
        low = between.lower()
        if k.rx("backs_verb_between").search(low) and a.kind == "country":
            relate(doc, k, T.BACKED_BY, b.key, a.key, evidence(doc, sent, a.start, b.end, "backs_verb", 0.75), sources)
        elif k.rx("alliance_between").search(low):
            relate(doc, k, T.ALLIED_WITH, a.key, b.key, evidence(doc, sent, a.start, b.end, "alliance_phrase", 0.75), sources)
        elif re.search(r"\b(reinforc\w+|join\w*)\b", low) and re.search(r"^\W*(has |have |had )?(reinforc\w+|join\w*)\b", low) and a.kind == "actor" and b.kind == "actor":
            relate(doc, k, T.ALLIED_WITH, a.key, b.key, evidence(doc, sent, a.start, b.end, "reinforce_verb", 0.7), sources)
        elif (
            k.rx("hostility_between").search(low)
            and a.kind in ("actor", "country")
            and b.kind in ("actor", "country")
            and not re.search(r"\b(and|,)\b", low[-6:])
            and not k.rx("not_hostility_between").search(low)
            and not supports_last(k, low)
            and not (country_as_place(k, text, base, a) or country_as_place(k, text, base, b))
            and all(entities.get(x) is not None and entities[x].cls not in (T.MEDIA_OUTLET, T.ORGANISATION, T.SOURCE) for x in (a.key, b.key))
        ):
            relate(doc, k, T.FIGHTING_AGAINST, as_force(doc, k, a.key), as_force(doc, k, b.key), evidence(doc, sent, a.start, b.end, "hostility_phrase", 0.65), sources)


def country_as_place(k: Knowledge, text: str, sent_start: int, m: Mention) -> bool:
    """A country named as a place: "in Syria", "across Iraq", "in Syria and Iraq", "in Anbar, Iraq"."""
    return m.kind == "country" and bool(k.rx("country_as_place_before").search(text[max(sent_start, m.start - 45) : m.start]))


def last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    """The last match of ``pattern`` in ``text``."""
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def supports_last(k: Knowledge, between: str) -> bool:
    """Whether the words between two actors end in support rather than in a fight: "strikes against
    ISIL targets in support of the SDF" makes ISIL and the SDF no enemies; "strikes in support of
    the government against ISIL" makes the strikers ISIL's."""
    support = last_match(k.rx("support_words"), between)
    fight = last_match(k.rx("pair_fight_words"), between)
    return support is not None and (fight is None or fight.start() < support.start())


def wings(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
    """"its media wing, X", "its X news agency", "X, the Y affiliate": X is part of Y."""
    text, base = doc._.armedkg_text, sent.start
    entities = doc._.armedkg_entities
    for m in actors:
        pre = text[max(base, m.start - 60) : m.start]
        mp = k.rx("its_wing_before").search(pre)
        if mp:
            owners = [o for o in actors if o.key != m.key and o.kind == "actor" and entities.get(o.key) and entities[o.key].cls != T.MEDIA_OUTLET]
            owners.sort(key=lambda o: (0 if is_subject(doc, o) else 1, abs(o.start - m.start)))
            if owners:
                relate(doc, k, T.PART_OF, m.key, owners[0].key, evidence(doc, sent, m.start - len(pre) + mp.start(), m.end, "its_wing_apposition", 0.8), sources)
        mx = k.rx("wing_after").match(text[m.end : m.end + 40])
        media = entities.get(m.key) is not None and entities[m.key].cls == T.MEDIA_OUTLET
        if (mx or media) and re.search(r"\bits\s+$", pre):
            owners = [o for o in actors if o.key != m.key and o.kind == "actor" and o.start < m.start and entities.get(o.key) and entities[o.key].cls != T.MEDIA_OUTLET]
            if owners:
                relate(doc, k, T.PART_OF, m.key, owners[-1].key, evidence(doc, sent, m.start - 4, m.end + (mx.end() if mx else 0), "its_wing_prefix", 0.8), sources)
        nxt = next((o for o in actors if o.start > m.end and o.kind == "actor"), None)
        ma = re.fullmatch(r"\s*,\s*(?:the|an?)\s+", text[m.end : nxt.start]) if nxt else None
        if ma and nxt and k.rx("affiliate_after").match(text[nxt.end : nxt.end + 15]):
            relate(doc, k, T.PART_OF, m.key, nxt.key, evidence(doc, sent, m.start, nxt.end, "apposition_affiliate", 0.75), sources)


def anti_prefix(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
    """"anti-X operations" marks hostility with the sentence's acting subject."""
    base = sent.start
    for m in re.finditer(r"\banti-([A-Z][\w'’]*)", sent.text):
        target = next((o for o in actors if o.start == base + m.start(1)), None)
        subject = next((o for o in actors if o.start < base + m.start() and o.kind in ("actor", "country") and (target is None or o.key != target.key)), None)
        if target and subject:
            relate(doc, k, T.FIGHTING_AGAINST, as_force(doc, k, subject.key), target.key, evidence(doc, sent, subject.start, target.end, "anti_prefix", 0.7), sources)


def anaphoric_support(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
    """"their operations were backed by fighters from X": X is allied with (and an associate
    perpetrator of) the last event's first perpetrator. Reads and changes the event of an
    earlier sentence: the reason relations and events of a sentence run in one pass."""
    if not k.rx("anaphoric_support").search(sent.text):
        return
    text, base = doc._.armedkg_text, sent.start
    helpers = [m for m in actors if m.kind == "actor" and re.search(r"\b(by|from|of)\s+([\w’'-]+\s+){0,5}$", text[max(base, m.start - 60) : m.start])]
    last = last_event(doc)
    if helpers and last and last.perpetrators:
        for h in helpers:
            if h.key not in last.perpetrators:
                relate(doc, k, T.ALLIED_WITH, h.key, last.perpetrators[0], evidence(doc, sent, h.start, h.end, "anaphoric_support", 0.6), sources)
                if h.key not in last.assoc_perpetrators:
                    last.assoc_perpetrators.append(h.key)
