"""Actors named by a description rather than a name: "the government of Iraq", collective
actors ("civilians", "the Syrian people", "the international community"), unnamed individuals
("a soldier"), office holders ("the Defence Minister", "the X commander")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...gazetteer import name_key, slug
from ...literals import lowered
from .. import terms as T
from ..facts import group
from ..knowledge import Knowledge
from ..state import Mention, add_entity, add_mention, focus_hint, overlaps, remove_overlapping
from ..extensions import ext
from .cues import adjective_country


def government_of(doc: Doc, k: Knowledge) -> None:
    """"the government of Iraq", "the Iraqi government": the state's government (an
    organisation); the country named inside is mentioned too."""
    for m in k.rx("government_of").finditer(ext(doc, "armedkg_text")):
        word = m.group(1) or m.group(2)
        iso = k.gaz.country_by_name.get(name_key(word)) or adjective_country(doc, k, word)  # "the Congolese government": the country in focus
        if iso:
            key = f"actor:government-{iso.lower()}"
            add_entity(doc, key, T.ORGANISATION, f"Government of {k.gaz.countries[iso].name}" if iso in k.gaz.countries else m.group(0), country=iso)
            remove_overlapping(doc, m.start(), m.end())
            add_mention(doc, k, Mention(key, m.start(), m.end(), m.group(0), "actor", "government_of", 0.8))
            if m.group(1) and iso in k.gaz.countries:
                ext(doc, "armedkg_inner_countries").append((f"country:{iso}", m.start(1), m.end(1)))


def civilians_named(doc: Doc, k: Knowledge, before: str) -> str:
    """The civilians of the nationality named before the word ("20 Syrian civilians"),
    wherever the report comes from; else those of the country in focus."""
    adjective = re.search(r"\b([A-Z][a-z]+)\s+(?:(?:innocent|unarmed|displaced)\s+)?$", before)
    iso = k.gaz.country_of_adjective(adjective[1]) if adjective else None
    if iso and iso in k.gaz.countries:
        key = group(doc, k, "civilians", iso=iso)
        ext(doc, "armedkg_by_nationality").add(key)  # ACLED codes foreign civilians by their nationality
        return key
    return group(doc, k, "civilians")


def collective_actors(doc: Doc, k: Knowledge) -> None:
    """Collective actors: "civilians", "the Syrian people", "Iraqis", "the international community"."""
    text = ext(doc, "armedkg_text")
    for m in k.gated_finditer(k.collective_re, text):
        if overlaps(doc, m.start(), m.end()):
            continue
        word = m.group(0).lower()
        if "international community" in word:
            key = add_entity(doc, "actor:international-community", T.ORGANISATION, "International community").key
        elif word == "civilians":
            doc._.armedkg_focus = ext(doc, "armedkg_focus") or focus_hint(doc)
            key = civilians_named(doc, k, text[max(0, m.start() - 40) : m.start()])
        else:
            label = re.sub(r"^the\s+", "", m.group(0), flags=re.I)
            key = add_entity(doc, f"actor:{slug(label)}", T.CIVILIAN_GROUP, label, inter=7).key
        add_mention(doc, k, Mention(key, m.start(), m.end(), m.group(0), "actor", "collective_actor", 0.6))


def unnamed_individuals(doc: Doc, k: Knowledge) -> None:
    """Unnamed individuals: "a soldier", "the wounded pilot" (one person each, per document)."""
    doc_id = ext(doc, "armedkg_document").id
    for m in k.rx("unnamed_individual").finditer(ext(doc, "armedkg_text")):
        if overlaps(doc, m.start(), m.end()):
            continue
        label = k.rx("determiner_start").sub("", m.group(0))
        key = f"person:{slug(doc_id)}-{slug(label)}"
        add_entity(doc, key, T.PERSON, label)
        add_mention(doc, k, Mention(key, m.start(), m.end(), m.group(0), "person", "unnamed_individual", 0.5))


def offices(doc: Doc, k: Knowledge) -> None:
    """Office holders named by their office: "The Defence Minister told reporters ...". An
    office may contain the organisation or place it belongs to ("U.S. Central Command
    commander", "Minister for the Middle East"); only a person already found there stops it."""
    text = ext(doc, "armedkg_text")
    doc_id = ext(doc, "armedkg_document").id
    for m in k.finditer("office_names", text, lowered(text)):
        mentions = ext(doc, "armedkg_mentions")
        if overlaps(doc, m.start(), m.end(), kinds=("person",)) or any(x.start <= m.start() and m.end() <= x.end for x in mentions):
            continue
        if k.rx("described_office_before").search(text[max(0, m.start() - 14) : m.start()]):
            continue  # "X, once a commander of Y": the office describes a person already named
        named = next(
            (
                x
                for x in mentions
                if x.kind == "person"
                and (
                    (x.end <= m.start() and re.fullmatch(r"\s*,\s*(?:(?:the|a|its|their)\s+)?(?:[\w-]+\s+){0,2}", text[x.end : m.start()]))
                    or (x.start >= m.end() and re.fullmatch(r"\s*(?:of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*)?,\s*(?:[A-Z][\w.]*\.?\s+){0,3}", text[m.end() : x.start]))
                )
            ),
            None,
        )
        if named is not None:
            # "Brad Cooper, commander of ...", "X, the deputy commander of ...", "The X commander,
            # Lt. Gen. Paul Funk": the office
            # names that person: its title is one more mention of them (not a second person),
            # and the organisation in it keeps its own mention
            role = k.rx("office_role_word").search(m.group(0))
            if role:
                add_mention(doc, k, Mention(named.key, m.start() + role.start(), m.start() + role.end(), role.group(0), "person", "office_of_named_person", 0.6))
            continue
        label = (m.group(1) or m.group(2) or m.group(3)).strip()
        if k.rx("bare_determiner").match(label):
            continue
        key = f"person:{slug(doc_id)}-{slug(label)}"  # an office holder of this document, not merged across documents
        add_entity(doc, key, T.PERSON, label)
        start, end = m.start(), m.end()
        role = k.rx("office_role_word").search(m.group(0))
        if role and role.start() == 0 and any(start + role.end() <= x.start < end and x.kind in ("actor", "country") for x in mentions):
            start, end = start + role.start(), start + role.end()  # "commander of the 3rd Regiment": the unit keeps its name
        add_mention(doc, k, Mention(key, start, end, text[start:end], "person", "office_holder", 0.55))
