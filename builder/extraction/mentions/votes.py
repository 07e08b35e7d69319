"""Votes for the country in focus, cast before any place is resolved: places and country names
say where things happen (they count for ``doc._.armedkg_place_votes`` too); actors and
nationality adjectives only who is involved."""

from __future__ import annotations

from spacy.tokens import Doc

from ...gazetteer import name_key
from .. import terms as T
from ..knowledge import Knowledge
from ..state import decide_focus, vote
from ..zones import reading_of
from ..grievance import in_grievance
from ..actor_compounds import backer_by_agent, in_actor_compound
from .provinces import country_beside
from ..extensions import ents, ext


def _vote_of(doc: Doc, k: Knowledge, ent: object) -> tuple[str | None, int]:
    """The country an entity of the model or the ruler points to, and the weight of its vote."""
    iso, weight = None, 1
    if ent.label_ == "COUNTRY":
        iso, weight = ent.ent_id_.split(":", 1)[1], 2
        ext(doc, "armedkg_named_countries").add(iso)
    elif ent.label_ in ("ACTOR", "PLACE"):
        ident = ent.ent_id_.split(":", 1)[1] if ent.label_ == "ACTOR" else ent.ent_id_
        entry = k.gaz.actors.get(ident) if ent.label_ == "ACTOR" else k.gaz.places.get(ident)
        iso = entry.country if entry is not None else None
        weight = 3 if ent.label_ == "PLACE" else 1
    elif ent.label_ == "NORP":
        iso = k.gaz.country_of_adjective(ent.text)
    elif ent.label_ == "GPE":
        iso = k.gaz.country_by_name.get(name_key(ent.text))
        if iso:
            ext(doc, "armedkg_named_countries").add(iso)
            weight = 2
        else:  # "south of Makhachkala": a city only one country has, as strong as its country's name
            iso, weight = _city_country(k, ent.text), 2
    return iso, weight


CITY_VOTE_POPULATION = 200_000  # a city this large, of one country only, points to that country


def _city_country(k: Knowledge, text: str) -> str | None:
    """The country of a large city that only one country's places are called by ("Makhachkala"):
    a small town's name may be unique in the gazetteers only because they lack its namesakes."""
    found = k.gaz.lookup_place(text)
    countries = {p.country for p in found if p.country}
    if len(countries) != 1 or not any(p.cls == T.POPULATED_PLACE and (p.population or 0) >= CITY_VOTE_POPULATION for p in found):
        return None
    return countries.pop()


def _hinted_country(k: Knowledge, text: str | None) -> str | None:
    """The country a place hint names: a country's name, else the one country of every place of
    that name."""
    if not text:
        return None
    iso = k.gaz.country_by_name.get(name_key(text))
    if iso:
        return iso
    countries = {p.country for p in k.gaz.lookup_place(text) if p.country}
    return countries.pop() if len(countries) == 1 else None


def vote_for_focus(doc: Doc, k: Knowledge) -> None:
    """Decide a first country in focus from the entities and the document's place hints (the
    dateline "PEMBA, Mozambique", HTML or front matter locations: three votes each); the votes
    then start again, cast by the mentions as they are added."""
    for hint in reading_of(doc).place_hints:
        iso = _hinted_country(k, hint.region) or _hinted_country(k, hint.text)
        if iso:
            vote(ext(doc, "armedkg_country_votes"), iso, 3)
            vote(ext(doc, "armedkg_place_votes"), iso, 3)
    for ent in ents(doc):
        if ent.label_ in ("PLACE", "GPE", "COUNTRY") and (in_actor_compound(k, ent) or backer_by_agent(k, ent)):
            continue  # "a Moscow-funded militia", "Iran-backed militias", "a force funded by the UAE": who backs an actor, not where things happen
        if in_grievance(k, ent):
            continue  # "marched in Lyon against the war in Ukraine": what the protest is about
        iso, weight = _vote_of(doc, k, ent)
        if iso:
            vote(ext(doc, "armedkg_country_votes"), iso, weight)
            if weight >= 2:
                vote(ext(doc, "armedkg_place_votes"), iso, weight)
    _vote_divisions_beside(doc, k)
    decide_focus(doc)
    doc._.armedkg_country_votes = {}


def _vote_divisions_beside(doc: Doc, k: Knowledge) -> None:
    """The divisions written beside a name as where it lies ("Tambu (Donggala, Central
    Sulawesi)") say which country the document's places are in, as a dateline does: three votes
    for their country, once for each group of them."""
    ends = set()
    for ent in ents(doc):
        if ent.label_ in k.lex.exact("quantity_entity_labels") or ent.end_char in ends:
            continue
        iso = country_beside(doc, k, ent)
        if iso:
            ends.add(ent.end_char)
            vote(ext(doc, "armedkg_country_votes"), iso, 3)
            vote(ext(doc, "armedkg_place_votes"), iso, 3)
