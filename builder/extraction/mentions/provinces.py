"""The places written beside a town as the ones it lies in ("Belem (Para)", "Mohali town (SAS
Nagar district, Punjab)", "in Cuernavaca, Morelos", "Lale (Bane, Boulgou)"): of a town's
namesakes, only those in a division of one of those names are meant; a town the gazetteers lack
lies in the smallest of them that is known. Divisions of every country, first-level and
second-level, come from :mod:`builder.admin` (GeoNames)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from ...admin import Admin1, Admin1Index, admin1_name, load_admin1_index
from ...gazetteer import PlaceEntry, name_key, place_key, slug
from ...geo import haversine_km
from ...records import Entity
from .. import terms as T
from ..knowledge import Knowledge
from ..state import add_entity
from ..extensions import ext

NEAR_KM = 60  # a namesake this close to a division named beside it is not ruled out
COUNTY_KM = 40  # a town this close to a second-level division's towns, in its province, may lie in it


@dataclass(frozen=True)
class Container:
    """One reading of a name written beside a town: a division of a country (level 1 or 2)."""

    country: str
    division: Admin1  # the first-level division (itself, or the one a second-level one lies in)
    name: str
    level: int
    point: tuple[float, float] | None


def provinces_beside(doc: Doc, k: Knowledge, span: Span) -> list[str]:
    """The names written in brackets or after a comma right after ``span``, smallest first,
    without the words of their rank ("SAS Nagar district" -> "SAS Nagar")."""
    return [name for name in _beside(doc, k, span)[0]]


_BESIDE = ("armedkg", "beside")  # doc.user_data key: (knowledge, start, end) of a span -> _read_beside's


def _beside(doc: Doc, k: Knowledge, span: Span) -> tuple[list[str], bool]:
    """:func:`_read_beside` of ``span``, read once per span of a document: the votes, the choice
    of a town and the divisions beside ask for the same names some four times each (twenty
    thousand reads on the bench corpus). The text never changes; each caller gets its own list."""
    cache = doc.user_data.setdefault(_BESIDE, {})
    key = (id(k), span.start_char, span.end_char)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _read_beside(doc, k, span)
    return list(found[0]), found[1]


def _read_beside(doc: Doc, k: Knowledge, span: Span) -> tuple[list[str], bool]:
    """The names beside ``span`` and whether they surely say where it lies: in brackets, or after
    a comma that a word for the town ("Kartal town, Istanbul") or the end of the clause closes
    (not a list: "Aleppo, Idlib and Hama")."""
    text = ext(doc, "armedkg_text")
    tail = _past_coded_note(k, text, span.start_char, text[span.end_char : span.end_char + 160])
    bracket = k.rx("province_parenthesis").match(tail)
    found = bracket or k.rx("province_after_comma").match(tail)
    if found is None:
        return _division_after_in(k, tail), False
    rest = tail[found.end() :].lstrip()
    sure = bracket is not None or not tail.lstrip().startswith(",") or rest[:1] in (".", ";", ")", "") or _clause_goes_on(rest)
    names = []
    for part in found.group(1).split(";")[0].split(","):  # "(Yirol East county, Lakes state; event coded to X)": a note after the semicolon
        part = k.rx("division_chain_noise").sub("", part.strip())
        name = k.rx("division_descriptor_trailing").sub("", part).strip()
        if name and name[0].isupper() and name.lower() not in k.lex.words("place_kind_words"):
            names.append(name)  # not "(Hill)": the kind of the place, no division
    return names, sure


def _division_after_in(k: Knowledge, tail: str) -> list[str]:
    """The name after "in" right after a town ("near the town of Carmel in New York", "Longa in
    Veneto"): it chooses among the town's namesakes those that lie in a division of that name, but
    never says alone that the name before it is a place ("Governor Zulum in Borno"). A country
    after "in" is no division ("Kidal in northern Mali": Guinea has a prefecture called Mali)."""
    found = k.rx("province_after_in").match(tail)
    if found is None:
        return []
    name = k.rx("division_descriptor_trailing").sub("", found.group(1)).strip()
    words = name.split()
    if not words or not words[-1][0].isupper() or any(w.islower() and len(w) > 3 for w in words):
        return []  # a name goes on only with particles ("Rio de Janeiro"), not "Texas ordered troops"
    return [] if name_key(name) in k.gaz.country_by_name else [name]


def _past_coded_note(k: Knowledge, text: str, start: int, tail: str) -> str:
    """The words after a place past an ACLED note of where its event is coded, which stands
    between the place and its containers: "Lone Pine village (coded as Elm Creek) (Eastwood, Hill
    District)" is in the divisions of the second bracket, and so is the coded place itself."""
    if tail.startswith(")") and k.rx("coded_place_before").search(text[max(0, start - 30) : start]):
        return tail[1:]  # the coded place: "(coded as Elm Creek)" ends right after it
    note = k.rx("coded_note_bracket").match(tail)
    if note is not None and k.rx("province_parenthesis").match(tail[note.end() :]):
        return tail[note.end() :]
    return tail


def _clause_goes_on(rest: str) -> bool:
    """The words after the name beside go on with the clause ("in Xinyi, Keelung to protest",
    "off Ayvalik, Balikesir by the coast guard"), not with a list ("Aleppo, Idlib and Hama")."""
    word = rest.split(" ", 1)[0]
    return word.islower() and word not in ("and", "or")


def division_key(k: Knowledge, name: str) -> str:
    """A division's name as compared: without the words of its rank, in any spelling of place_key."""
    name = k.rx("division_descriptor_leading").sub("", name.strip())
    return place_key(k.rx("division_descriptor_trailing").sub("", name).strip() or name)


@lru_cache(maxsize=4)
def _county_names(index: Admin1Index, k: Knowledge) -> dict[str, list[tuple[str, str]]]:
    """Second-level divisions by compared name: (country, GeoNames name) of each."""
    out: dict[str, list[tuple[str, str]]] = {}
    for country, name in index.counties():
        out.setdefault(division_key(k, name), []).append((country, name))
    return out


def load_county_names(k: Knowledge) -> None:
    """Index the second-level divisions and their compared names now (about 1.5 s, once per
    process and knowledge): called when the pipeline loads, so that build workers forked from it
    share the index and no document waits for it."""
    _county_names(load_admin1_index(), k)


def readings(k: Knowledge, name: str, parts: bool = True) -> list[Container]:
    """Every division of any country called ``name``: first-level, then second-level; with
    ``parts``, a division of which the name is a compass part ("Shan-South") too."""
    index = load_admin1_index()
    out = [Container(d.country, d, d.name, 1, index.centre(d)) for d in (divisions_called(k, index, name) if parts else index.named(name))]
    counties = index.counties()
    for country, county in _county_names(index, k).get(division_key(k, name), ()):
        division, point = counties[(country, county)]
        out.append(Container(country, division, county, 2, point))
    return out


def divisions_called(k: Knowledge, index: Admin1Index, name: str) -> list[Admin1]:
    """The first-level divisions called ``name``; a name that only a compass part written after
    it makes unknown is the division it is a part of ("Shan-South", "Bago-West": parts of Shan
    State and Bago Region as Myanmar's statistics and ACLED write them)."""
    found = index.named(name)
    if not found:
        part = k.rx("division_compass_part").match(name)
        if part is not None:
            found = index.named(part.group(1))
    return found


def chain_readings(k: Knowledge, names: list[str], focus: str | None) -> list[list[Container]]:
    """The readings of each name that agree on one country: the countries the larger names
    allow (the last name first), the country in focus among them when it is one."""
    per = [readings(k, n) for n in names]
    countries: set[str] | None = None
    for name, found in reversed(list(zip(names, per))):
        these = {r.country for r in found} or _town_countries(k, name)  # "(Dongola locality, Northern state)": Sudan's
        if these:
            countries = these if countries is None else (countries & these or countries)
    if countries and focus in countries:
        countries = {focus}
    return [[r for r in found if countries and r.country in countries] for found in per]


def _town_countries(k: Knowledge, name: str) -> set[str]:
    """The countries of the towns called by that very name (for a name beside that is no
    division: the town a district is named after)."""
    key = place_key(name)
    return {p.country for p in k.gaz.lookup_place(name) if p.cls == T.POPULATED_PLACE and p.country and place_key(p.name) == key}


def country_beside(doc: Doc, k: Knowledge, span: Span) -> str | None:
    """The one country of the divisions surely written beside ``span`` as where it lies ("Tambu
    (Donggala, Central Sulawesi)", "Kalamata, Messenia"), when their readings agree on one."""
    names, sure = _beside(doc, k, span)
    if not names or not sure:
        return None
    countries = {r.country for found in chain_readings(k, names, None) for r in found}
    return countries.pop() if len(countries) == 1 else None


def _lies_in(k: Knowledge, candidate: PlaceEntry, container: Container) -> bool:
    if candidate.country != container.country:
        return False
    if candidate.admin1:
        entry = k.gaz.places.get(candidate.admin1)
        names = {place_key(n) for n in ((entry.name, *entry.aliases) if entry else ())}
        if {place_key(container.division.name), place_key(container.division.geonames_name)} & names and container.level == 1:
            return True
    if candidate.lat is None or candidate.lon is None:
        return False
    index = load_admin1_index()
    if container.level == 1:
        return index.covers(container.division, index.at(candidate.lat, candidate.lon, candidate.country))
    if index.county_at(candidate.lat, candidate.lon, candidate.country) == container.name:
        return True
    point = container.point
    return point is not None and index.covers(container.division, index.at(candidate.lat, candidate.lon, candidate.country)) and haversine_km(candidate.lat, candidate.lon, *point) <= COUNTY_KM


def in_containers(k: Knowledge, candidates: list[PlaceEntry], chain: list[list[Container]]) -> list[PlaceEntry]:
    """The candidates that lie in a reading of the names beside, those in most of them first, then
    the largest."""
    scored = [(sum(any(_lies_in(k, c, r) for r in found) for found in chain), c) for c in candidates]
    return [c for n, c in sorted(scored, key=lambda sc: (-sc[0], -sc[1].population)) if n]


def placed_beside(doc: Doc, k: Knowledge, span: Span, candidates: list[PlaceEntry]) -> list[PlaceEntry] | None:
    """The candidates the names beside ``span`` allow: those in the divisions named; none when a
    division of that name is known (in brackets, or after a comma ending the phrase) and no
    namesake lies in it; ``None`` when the names beside decide nothing."""
    names, sure = _beside(doc, k, span)
    if not names:
        return None
    # every country's: the candidates choose among them; a compass part of a division ("Shan-North")
    # is too coarse a container to rule out a town GeoNames puts near its edge
    chain = [readings(k, n, parts=False) for n in names]
    inside = in_containers(k, candidates, chain)
    if inside:
        return inside
    if sure and any(chain) and not any(_near(c, r) for c in candidates for found in chain for r in found):
        return []
    if _other_name_elsewhere(doc, k, span, candidates, names, chain, sure) or (sure and not any(chain) and _town_beside_abroad(k, candidates, names)):
        return []
    return None


def _town_beside_abroad(k: Knowledge, candidates: list[PlaceEntry], names: list[str]) -> bool:
    """The names beside are no division anywhere but towns of other countries than every
    candidate's ("Xinyi, Keelung": Keelung is in Taiwan, the Xinyi of the gazetteers in China):
    the name is a part of that town the gazetteers lack, not the namesake abroad."""
    towns = {p.country for n in names for p in k.gaz.lookup_place(n) if p.cls == T.POPULATED_PLACE and p.population >= TOWN_OF_THE_NAME and place_key(p.name) == place_key(n)}
    return bool(towns) and bool(candidates) and all(c.country not in towns for c in candidates)


def _other_name_elsewhere(doc: Doc, k: Knowledge, span: Span, candidates: list[PlaceEntry], names: list[str], chain: list[list[Container]], sure: bool = False) -> bool:
    """Every candidate bears the name only as another name of its own ("Meka" of Makkah) and lies
    in none of the countries of the divisions or countries named beside it ("Meka, Amhara"), nor
    in one the document's names point to: the name is a town the gazetteers lack, in the division
    named, not that namesake abroad. So too when the division surely written beside it is one the
    gazetteers do not know ("Kalpa municipality (Dorji district)"): a town whose own name it is not
    is no reading of a name written with its district."""
    pointed = set(ext(doc, "armedkg_country_votes")) | set(ext(doc, "armedkg_place_votes"))
    if any(c.country in pointed for c in candidates):
        return False
    countries = {r.country for found in chain for r in found}
    countries |= {iso for iso in (k.gaz.country_by_name.get(name_key(n)) for n in names) if iso}
    if not candidates or not (countries or (sure and not any(chain))):
        return False
    key = place_key(span.text)
    return all(c.country not in countries and place_key(c.name) != key for c in candidates)


def _near(candidate: PlaceEntry, container: Container) -> bool:
    """Whether a namesake may still be meant though it does not lie in the division: it has no
    point, or it lies near the division's first-level one (GeoNames puts a border town, or one
    of a new province, in the other)."""
    if candidate.lat is None or candidate.lon is None:
        return True
    if candidate.country != container.country:
        return False
    km = load_admin1_index().distance_to(candidate.lat, candidate.lon, container.division)
    return km is not None and km <= NEAR_KM


def divisions_beside(doc: Doc, k: Knowledge, span: Span) -> bool:
    """Whether a name surely written beside ``span`` as where it lies is a known division
    ("Ravelo (Potosi)"): then ``span`` names a place."""
    names, sure = _beside(doc, k, span)
    return sure and any(readings(k, n) for n in names)


def province_of_unknown_town(doc: Doc, k: Knowledge, span: Span, focus: str | None) -> Entity | None:
    """For a town the gazetteers lack, the smallest division written beside it ("Ibafo (Ogun)",
    "Lale (Bane, Boulgou)"): an entity placed at the mean point of the division's towns; a
    second-level division lies in its first-level one. None when the name stays ambiguous, or
    when a smaller name beside it is a town of that country the gazetteers know ("Man Loi
    village (Kyaukme township, Shan-North state)": the village is tied to Kyaukme by the event's
    anchor, not placed at the middle of Shan State)."""
    names, _ = _beside(doc, k, span)
    for i, found in enumerate(chain_readings(k, names, focus)):
        if len({(r.country, r.name) for r in found}) == 1 and found[0].point is not None:
            if any(_known_town(k, n, found[0].country) for n in names[:i]):
                return None
            return container_entity(doc, k, found[0])
        if len({(r.country, r.name) for r in found}) > 1:
            return None
    return None


def division_written_beside(doc: Doc, k: Knowledge, span: Span, town: PlaceEntry) -> Entity | None:
    """The first-level division surely written beside a town as where it lies, when the town lies
    in it ("Wamena town (Jayawijaya regency, Papua province)": the Papua of the report, not the
    province GeoNames puts the town in since 2022): the town's division as the text says."""
    names, sure = _beside(doc, k, span)
    if not names or not sure or town.lat is None:
        return None
    for found in chain_readings(k, names, town.country):
        inside = [r for r in found if r.level == 1 and _lies_in(k, town, r)]
        if inside:
            return container_entity(doc, k, inside[0])
    return None


def _known_town(k: Knowledge, name: str, country: str) -> bool:
    return any(p.cls == T.POPULATED_PLACE and p.lat is not None and p.country == country for p in k.gaz.lookup_place(name))


def container_entity(doc: Doc, k: Knowledge, container: Container) -> Entity:
    division = container.division
    index = load_admin1_index()
    centre = index.centre(division)
    key = f"place:adm1w:{division.country}.{slug(division.name)}"
    first = add_entity(doc, key, T.ADMIN_REGION, division.name, country=division.country, lat=centre[0] if centre else None, lon=centre[1] if centre else None, admin_level=1)
    first.aliases.update(a for a in (division.geonames_name, *division.aliases) if a != division.name)  # its other names
    if container.level == 1:
        return first
    lat, lon = container.point
    key = f"place:adm2w:{division.country}.{slug(container.name)}"
    return add_entity(doc, key, T.ADMIN_REGION, k.rx("division_descriptor_leading").sub("", admin1_name(container.name)), country=division.country, lat=lat, lon=lon, admin_level=2, parent=first.key)


def in_provinces(k: Knowledge, candidates: list[PlaceEntry], names: list[str]) -> list[PlaceEntry]:
    """The candidates that lie in a division called one of ``names``."""
    return in_containers(k, candidates, chain_readings(k, names, None))


TOWN_OF_THE_NAME = 10_000  # a town this large called by the very name is meant, not the division
CITY_OF_THE_NAME = 100_000  # ... a city this large even abroad, or called so with "City" ("New York")


def division_named(doc: Doc, k: Knowledge, name: str, candidates: list[PlaceEntry]) -> Entity | None:
    """The first-level division a name means ("in Mangystau region", "Phoenix (Arizona)", "the
    Bicol Region"): a division of that name in one country (in the country in focus or one the
    document names, when it points to any), when the gazetteers hold no curated division of the
    name and no sizeable town called by that very name in the division's country or one the
    document points to (a town that bears it only as another name, "Arizona" of Yuma, is not
    meant). An entity placed at the mean point of its towns."""
    if any(c.cls in (T.ADMIN_REGION, T.COUNTRY) for c in candidates):
        return None
    index = load_admin1_index()
    found = divisions_called(k, index, name)
    pointed = set(ext(doc, "armedkg_named_countries")) | set(ext(doc, "armedkg_place_votes")) | ({ext(doc, "armedkg_focus")} - {None})
    if pointed or len({d.country for d in found}) > 1:
        found = [d for d in found if d.country in pointed]  # not a division abroad of a name a town here may bear
    if len(found) != 1 or any(_town_called(c, name, pointed | {found[0].country}) for c in candidates):
        return None
    centre = index.centre(found[0])
    if centre is None:
        return None
    return container_entity(doc, k, Container(found[0].country, found[0], found[0].name, 1, centre))


def _town_called(c: PlaceEntry, name: str, countries: set[str]) -> bool:
    """A town called by the very name, sizeable in one of ``countries`` or a city elsewhere; or
    a large city called by the name and "City"."""
    if c.cls != T.POPULATED_PLACE:
        return False
    if name_key(c.name) == name_key(name):
        return c.population >= (TOWN_OF_THE_NAME if c.country in countries else CITY_OF_THE_NAME)
    return place_key(c.name) == place_key(name) and c.population >= CITY_OF_THE_NAME
