"""Geocoding of extracted places: coordinates, admin hierarchy and ACLED geo precision.

A place with its own coordinates (a GeoNames town) has precision 1. A place without them (a
village GeoNames lacks, a curated facility) falls back to the nearest named parent that has
coordinates: precision 2 when the parent is a town or the place is a small named locality,
3 when only the province is known.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

from .records import DocResult, Entity


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270, "northwest": 315}


def offset(lat: float, lon: float, bearing_deg: float, km: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) in the direction ``bearing_deg`` (0 north, 90 east)."""
    r = 6371.0
    p1, l1, b, d = math.radians(lat), math.radians(lon), math.radians(bearing_deg), km / r
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round(math.degrees(l2), 5)


@dataclass
class Located:
    """Where a place of a document lies: coordinates, ACLED geo precision, division and country.

    ``admin1`` is the curated division of the place's gazetteer chain when it has one, else the
    GeoNames division at the place's point within its country (:mod:`builder.admin`), looked up
    only when asked for.
    """

    lat: float | None
    lon: float | None
    precision: int | None
    known_admin1: Entity | None
    country: Entity | None
    country_code: str | None = None  # ISO code of the place's country when no Country entity holds it

    @cached_property
    def admin1(self) -> Entity | None:
        iso = self.country.country if self.country is not None and self.country.country else self.country_code
        if self.known_admin1 is not None or self.lat is None or self.lon is None or not iso:
            return self.known_admin1
        return world_admin1(self.lat, self.lon, iso)


def world_admin1(lat: float, lon: float, country: str) -> Entity | None:
    """The GeoNames first-level division at a point of ``country`` as an ``AdminRegion`` entity."""
    from .admin import load_admin1_index

    division = load_admin1_index().at(lat, lon, country)
    if division is None:
        return None
    return Entity(
        key=f"place:{division.key}",
        cls="AdminRegion",
        label=division.name,
        aliases=set(division.aliases),
        country=division.country,
        admin_level=1,
        parent=f"country:{division.country}",
    )


def _anchored(result: DocResult, key: str) -> bool:
    """Whether a place has coordinates or is a division or country (a container that locates)."""
    ent = result.entities.get(key)
    return ent is not None and (ent.lat is not None or ent.cls in ("AdminRegion", "Country"))


def parents(result: DocResult) -> dict[str, str]:
    """Place key -> containing place key, from locatedIn relations (text first, gazetteer last)."""
    out: dict[str, str] = {}
    for rel in result.relations:
        if rel.prop != "locatedIn":
            continue
        known = out.get(rel.subject)
        if known is None or (not _anchored(result, known) and _anchored(result, rel.object)):
            out[rel.subject] = rel.object  # of two containers the text names, one the map can place
    for key, ent in result.entities.items():
        if ent.parent and (key not in out or out[key].startswith("country:")):
            parent = ent.parent if ent.parent.startswith(("place:", "country:")) else f"place:{ent.parent}"
            if parent in result.entities:
                out[key] = parent  # a division before the country both contain it ("Wamena (Papua)")
    return out


def place_chain(result: DocResult, key: str) -> list[Entity]:
    """The place and the places it lies in, innermost first. Where the places the text says it
    lies in end without a point ("a hamlet of some county": a county the gazetteers lack), the
    chain goes on from the division its description names (the hamlet's state)."""
    up = parents(result)
    chain = _walk(result, key, up)
    if any(e.lat is not None for e in chain):
        return chain
    seen = {e.key for e in chain}
    for i, ent in enumerate(chain):
        parent = _own_parent(ent)
        if parent is None or parent in seen or parent not in result.entities:
            continue
        rest = _walk(result, parent, up, seen)
        if any(e.lat is not None for e in rest):
            return chain[: i + 1] + rest
    return chain


def _walk(result: DocResult, key: str, up: dict[str, str], seen: set[str] | None = None) -> list[Entity]:
    chain: list[Entity] = []
    seen = set(seen or ())
    current: str | None = key
    while current and current not in seen and current in result.entities:
        seen.add(current)
        chain.append(result.entities[current])
        current = up.get(current)
    return chain


def _own_parent(ent: Entity) -> str | None:
    if not ent.parent:
        return None
    return ent.parent if ent.parent.startswith(("place:", "country:")) else f"place:{ent.parent}"


def locate(result: DocResult, key: str, near: bool = False) -> Located:
    """Coordinates, precision, admin1 and country of a place of ``result``."""
    chain = place_chain(result, key)
    if not chain:
        return Located(None, None, None, None, None)
    admin1 = next((e for e in chain if e.cls == "AdminRegion" and e.admin_level in (None, 1)), None)
    country = next((e for e in chain if e.cls == "Country"), None)
    first = chain[0]
    with_coords = next((e for e in chain if e.lat is not None and e.lon is not None), None)
    if with_coords is None:
        return Located(None, None, None, admin1, country)
    if with_coords is first:
        precision = {"PopulatedPlace": 1, "Facility": 1, "AdminRegion": 3, "Country": 3}.get(first.cls, 2)
    elif with_coords.cls == "PopulatedPlace" or first.cls in ("PopulatedPlace", "Facility"):
        precision = 2
    else:
        precision = 3
    if near and precision == 1:
        precision = 2
    code = next((e.country for e in chain if e.country), None)
    return Located(with_coords.lat, with_coords.lon, precision, admin1, country, code)
