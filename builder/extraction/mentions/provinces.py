"""The province written beside a town ("Belem (Para)", "Mohali town (SAS Nagar district,
Punjab)", "in Cuernavaca, Morelos"): of a town's namesakes, only those in a first-level division
of that name are meant. Divisions of every country come from :mod:`builder.admin` (GeoNames)."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ...admin import admin1_name, load_admin1_index
from ...gazetteer import PlaceEntry, place_key, slug
from ...records import Entity
from .. import terms as T
from ..knowledge import Knowledge
from ..state import add_entity


def provinces_beside(doc: Doc, k: Knowledge, span: Span) -> list[str]:
    """The names written in brackets or after a comma right after ``span``."""
    tail = doc._.armedkg_text[span.end_char : span.end_char + 100]
    found = k.rx("province_parenthesis").match(tail) or k.rx("province_after_comma").match(tail)
    if found is None:
        return []
    return [part.strip() for part in found.group(1).split(",") if part.strip()]


def _division_names(candidate: PlaceEntry) -> set[str]:
    if candidate.lat is None or candidate.lon is None or not candidate.country:
        return set()
    division = load_admin1_index().at(candidate.lat, candidate.lon, candidate.country)
    if division is None:
        return set()
    return {place_key(n) for n in (division.name, division.geonames_name, *division.aliases)}


def in_provinces(candidates: list[PlaceEntry], names: list[str]) -> list[PlaceEntry]:
    """The candidates that lie in a first-level division called one of ``names``."""
    wanted = {place_key(n) for n in names} | {place_key(admin1_name(n)) for n in names}
    return [c for c in candidates if _division_names(c) & wanted]


def province_of_unknown_town(doc: Doc, k: Knowledge, span: Span, focus: str | None) -> Entity | None:
    """For a town the gazetteers lack, the division written beside it ("Ibafo (Ogun)"): an
    entity placed at the mean point of the division's towns, the division of the country in
    focus when several countries have one of that name, none when that stays ambiguous."""
    index = load_admin1_index()
    found = [d for name in provinces_beside(doc, k, span) for d in index.named(name)]
    if focus:
        found = [d for d in found if d.country == focus] or found
    if len({(d.country, d.name) for d in found}) != 1:
        return None
    division = found[0]
    centre = index.centre(division)
    if centre is None:
        return None
    key = f"place:adm1w:{division.country}.{slug(division.name)}"
    entity = add_entity(doc, key, T.ADMIN_REGION, division.name, country=division.country, lat=centre[0], lon=centre[1], admin_level=1)
    if division.geonames_name != division.name:
        entity.aliases.add(division.geonames_name)
    return entity
