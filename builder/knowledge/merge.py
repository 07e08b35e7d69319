"""Entity resolution across knowledge sources, with an explicit precedence and reported conflicts.

Records of all sources are taken in precedence order (user, curated, imported; ``records.KINDS``)
and each joins the entity it shares a name with: a name and an alias of the same actor written
with or without "the", in two transliterations ("al-Qaida" / "al-Qaeda", "Hizbollah" /
"Hezbollah"), or an acronym and the full name it abbreviates. Countries decide between namesakes:
records of two different countries never join (two "SNA"s stay two), and an acronym joins a full
name only within one country. Two entries of the curated gazetteers are never joined (they were
kept apart on purpose).

A field of the joined entity comes from the highest-precedence record that has it; a different
value lower down is a :class:`Conflict`, reported, never silently mixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..gazetteer import fold, name_key
from .records import PRECEDENCE, ActorRecord, PersonRecord, Role

_ARTICLES = frozenset("al el ad as ash az an ar at ul ud the".split())
_SMALL = frozenset("of the and for in on de du des la le al el".split())
ACTOR_FIELDS = ("cls", "country", "parent", "inter", "qid", "valid_from", "valid_to", "citation")
PERSON_FIELDS = ("country", "citation")


@dataclass(frozen=True)
class Conflict:
    """Two sources disagree on a field of one entity: the kept value and the dropped one."""

    entity: str
    field: str
    kept: str
    kept_source: str
    dropped: str
    dropped_source: str

    def __str__(self) -> str:
        return f"{self.entity}: {self.field} '{self.kept}' ({self.kept_source}) kept over '{self.dropped}' ({self.dropped_source})"


def sound_key(name: str) -> str:
    """What two transliterations of one name keep in common: articles dropped, doubled letters and
    vowel runs folded, a final -h after a vowel dropped ("Jabhat al-Nusrah" = "Jabhat an-Nusra")."""
    words = [w for w in fold(name).replace(".", " ").split() if w not in _ARTICLES]
    out = []
    for word in words:
        word = re.sub(r"(?<=[aeiou])h$", "", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        out.append(re.sub(r"[aeiouy]+", "a", word))
    return "".join(out)


def initials(name: str) -> str | None:
    """The acronym of a name of three words or more ("Oromo Liberation Front" -> "OLF")."""
    words = [w for w in re.split(r"[\s-]+", fold(name)) if w and w not in _SMALL]
    return "".join(w[0] for w in words).upper() if len(words) >= 3 else None


def acronym(name: str) -> str | None:
    """The name itself when it is an acronym ("OLF", "N.P.A.")."""
    compact = name.replace(".", "").strip()
    return compact if re.fullmatch(r"[A-Z]{2,6}", compact) else None


def keys_of(names: list[str]) -> tuple[set[str], set[str], set[str]]:
    """Strong keys (name key without "the", sound key of long names), and the keys by which an
    acronym meets the full name it abbreviates: ``a:`` acronyms a name is, ``i:`` initials of
    full names (an acronym joins a full name, never two full names with the same initials)."""
    strong: set[str] = set()
    is_acronym: set[str] = set()
    has_initials: set[str] = set()
    for name in names:
        bare = re.sub(r"(?i)^the\s+", "", name)
        key = name_key(bare)
        if key:
            strong.add("n:" + key)
        if len(key) >= 6:
            strong.add("s:" + sound_key(bare))
        if acronym(bare):
            is_acronym.add(acronym(bare) or "")
        if initials(bare):
            has_initials.add(initials(bare) or "")
    return strong, {"a:" + a for a in is_acronym}, {"i:" + i for i in has_initials}


@dataclass
class Entity:
    """Records joined into one actor or person, highest precedence first."""

    records: list = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # source kind of each record

    @property
    def country(self) -> str | None:
        return next((r.country for r in self.records if r.country), None)


class Resolver:
    """Joins records of one type (actors or persons) across sources."""

    def __init__(self, kind_of: dict[str, str]) -> None:
        self.kind_of = kind_of  # source name -> source kind
        self.entities: list[Entity] = []
        self.index: dict[str, set[int]] = {}

    def add_all(self, records: list) -> list[Entity]:
        ordered = sorted(records, key=lambda r: PRECEDENCE.get(self.kind_of.get(r.source, "imported"), 9))
        for record in ordered:
            self.add(record)
        return self.entities

    def _candidates(self, record, strong: set[str], acronyms: set[str], initials_: set[str]) -> list[int]:
        found = {i for k in strong for i in self.index.get(k, ())}
        found = {i for i in found if _compatible(self.entities[i].country, record.country)}
        if not found and record.country:
            # an acronym meets full names with those initials, a full name meets those acronyms
            crossed = {"i:" + k[2:] for k in acronyms} | {"a:" + k[2:] for k in initials_}
            found = {i for k in crossed for i in self.index.get(k, ()) if self.entities[i].country == record.country}
        kind = self.kind_of.get(record.source, "imported")
        if kind == "curated":
            found = {i for i in found if "curated" not in self.entities[i].kinds}
        return sorted(found)

    def add(self, record) -> None:
        names = [record.name, *record.aliases, *getattr(record, "noms_de_guerre", [])]
        strong, acronyms, initials_ = keys_of(names)
        found = self._candidates(record, strong, acronyms, initials_)
        if len(found) > 1:
            by_name = [i for i in found if "n:" + name_key(record.name) in self._keys(i)]
            found = by_name if len(by_name) == 1 else []
        if found:
            target = found[0]
        else:
            target = len(self.entities)
            self.entities.append(Entity())
        self.entities[target].records.append(record)
        self.entities[target].kinds.append(self.kind_of.get(record.source, "imported"))
        for key in strong | acronyms | initials_:
            self.index.setdefault(key, set()).add(target)

    def _keys(self, i: int) -> set[str]:
        out: set[str] = set()
        for r in self.entities[i].records:
            out |= keys_of([r.name, *r.aliases])[0]
        return out


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _entity_id(entity: Entity) -> str:
    """Curated ids stay (the IRIs of the graph do not move when a user adds a file)."""
    for record, kind in zip(entity.records, entity.kinds):
        if kind == "curated":
            return record.id
    return entity.records[0].id


def _merge_fields(entity: Entity, eid: str, names: tuple[str, ...], conflicts: list[Conflict]) -> dict:
    """Each field from the highest-precedence record that has it. An entity the curated
    gazetteers hold takes no field from an imported record (a transnational group stays without
    a country); imported names still join it. Every other value is a reported conflict."""
    curated = "curated" in entity.kinds
    values: dict = {}
    for name in names:
        for record, kind in zip(entity.records, entity.kinds):
            value = getattr(record, name)
            if value in (None, "", []):
                continue
            if name not in values and not (curated and kind == "imported"):
                values[name] = (value, record.source)
            elif name in values and value != values[name][0]:
                conflicts.append(Conflict(eid, name, str(values[name][0]), values[name][1], str(value), record.source))
    return {k: v for k, (v, _) in values.items()}


@dataclass
class Merged:
    """The result of merging: entities by id, where each alias and entity came from, conflicts."""

    actors: dict[str, ActorRecord] = field(default_factory=dict)
    persons: dict[str, PersonRecord] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)  # "actor:id" / "person:id" -> source names
    alias_kinds: dict[str, dict[str, str]] = field(default_factory=dict)  # entity key -> alias -> source kind
    conflicts: list[Conflict] = field(default_factory=list)
    id_map: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, record id) -> entity id


def _names_of(entity: Entity, kind_of: dict[str, str]) -> tuple[str, list[str], dict[str, str]]:
    """Label, aliases and the source kind of each name (the first record's name is the label)."""
    label = entity.records[0].name
    kinds: dict[str, str] = {}
    for record in entity.records:
        for name in (record.name, *record.aliases, *getattr(record, "noms_de_guerre", [])):
            kinds.setdefault(name, kind_of.get(record.source, "imported"))
    return label, [n for n in kinds if n != label], kinds


def merge(actors: list[ActorRecord], persons: list[PersonRecord], kind_of: dict[str, str]) -> Merged:
    """Resolve actors and persons of all sources (``kind_of``: source name -> kind)."""
    out = Merged()
    entities = Resolver(kind_of).add_all(actors)
    taken: set[str] = set()
    ids = [_unique(_entity_id(e), taken) for e in entities]
    for entity, eid in zip(entities, ids):
        for record in entity.records:
            out.id_map[(record.source, record.id)] = eid
    by_name = {name_key(n): eid for entity, eid in zip(entities, ids) for r in entity.records for n in (r.name, *r.aliases)}

    def ref(source: str, value: str | None) -> str | None:
        """An actor named by its id in its source, by a merged id, or by a name."""
        if not value:
            return value
        return out.id_map.get((source, value)) or (value if value in taken else None) or by_name.get(name_key(value)) or value

    for entity, eid in zip(entities, ids):
        entity.records = [replace(r, parent=ref(r.source, r.parent)) for r in entity.records]
        label, aliases, kinds = _names_of(entity, kind_of)
        values = _merge_fields(entity, eid, ACTOR_FIELDS, out.conflicts)
        values.setdefault("cls", "NonStateArmedGroup")  # no source says
        backers = sorted({b for r in entity.records for b in r.backers if b})
        out.actors[eid] = ActorRecord(id=eid, name=label, aliases=aliases, backers=backers, source=entity.records[0].source, **values)
        _register(out, f"actor:{eid}", entity, kinds)
    persons = [replace(p, roles=[replace(r, organisation=ref(p.source, r.organisation)) for r in p.roles]) for p in persons]
    taken = set()
    for entity in Resolver(kind_of).add_all(persons):
        eid = _unique(_entity_id(entity), taken)
        label, aliases, kinds = _names_of(entity, kind_of)
        values = _merge_fields(entity, eid, PERSON_FIELDS, out.conflicts)
        noms = [n for r in entity.records for n in r.noms_de_guerre]
        roles = _unique_roles([role for r in entity.records for role in r.roles])
        out.persons[eid] = PersonRecord(id=eid, name=label, aliases=aliases, noms_de_guerre=list(dict.fromkeys(noms)), roles=roles, source=entity.records[0].source, **values)
        _register(out, f"person:{eid}", entity, kinds)
    return out


def _unique(eid: str, taken: set[str]) -> str:
    base, n = eid, 1
    while eid in taken:
        n += 1
        eid = f"{base}-{n}"
    taken.add(eid)
    return eid


def _register(out: Merged, key: str, entity: Entity, kinds: dict[str, str]) -> None:
    out.sources[key] = list(dict.fromkeys(r.source for r in entity.records))
    out.alias_kinds[key] = kinds


def _unique_roles(roles: list[Role]) -> list[Role]:
    seen, out = set(), []
    for role in roles:
        key = (role.role, role.organisation, role.start, role.end)
        if key not in seen:
            seen.add(key)
            out.append(role)
    return out
