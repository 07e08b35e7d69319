"""The province written beside a town chooses among its namesakes (GeoNames divisions of every
country, builder.admin; no model)."""

from __future__ import annotations

import pytest
import spacy

from builder.extraction import extensions
from builder.extraction.mentions.provinces import division_key, in_provinces, placed_beside, provinces_beside, readings
from builder.gazetteer import PlaceEntry
from builder.records import Document

# Two real namesakes: Valencia in Spain (region of Valencia) and Valencia in Venezuela (Carabobo).
VALENCIA_ES = PlaceEntry("gn:2509954", "Valencia", "PopulatedPlace", "ES", lat=39.47, lon=-0.38, population=800000)
VALENCIA_VE = PlaceEntry("gn:3625549", "Valencia", "PopulatedPlace", "VE", lat=10.16, lon=-68.00, population=1400000)


@pytest.fixture(scope="module")
def k():
    from builder.extraction.knowledge import load_knowledge

    return load_knowledge(None, False, None)


def _span(text: str, name: str):
    extensions.register()
    doc = spacy.blank("en").make_doc(text)
    doc._.armedkg_document = Document(id="t", text=text)
    extensions.reset(doc)
    start = text.index(name)
    return doc, doc.char_span(start, start + len(name))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Workers marched in Valencia (Carabobo) on Monday.", ["Carabobo"]),
        ("Workers marched in Valencia city (Valencia, Carabobo) on Monday.", ["Valencia", "Carabobo"]),
        ("In Valencia, Carabobo, workers marched.", ["Carabobo"]),
        ("Workers marched in Valencia on Monday.", []),
    ],
)
def test_the_names_beside_a_town(k, text, expected):
    doc, span = _span(text, "Valencia")
    assert provinces_beside(doc, k, span) == expected


def test_only_the_namesake_in_the_named_province_is_kept(k):
    assert in_provinces(k, [VALENCIA_ES, VALENCIA_VE], ["Carabobo"]) == [VALENCIA_VE]
    assert in_provinces(k, [VALENCIA_ES, VALENCIA_VE], ["Valencia Region"]) == [VALENCIA_ES]  # GeoNames: "Valencia"
    assert in_provinces(k, [VALENCIA_ES, VALENCIA_VE], ["Atlantis"]) == []


def test_a_town_the_gazetteers_lack_is_placed_in_the_province_beside_it(k):
    from builder.extraction.mentions.provinces import province_of_unknown_town

    doc, span = _span("Residents of Ibafo (Obafemi-Owode, Ogun) protested on Monday.", "Ibafo")
    area = province_of_unknown_town(doc, k, span, None)  # the local government area, in Ogun State
    assert area is not None and area.label == "Obafemi Owode" and area.country == "NG" and area.admin_level == 2
    province = doc._.armedkg_entities[area.parent]
    assert province.label == "Ogun" and province.country == "NG"
    assert 6.0 < province.lat < 7.8 and 2.7 < province.lon < 4.6  # Ogun State lies there
    assert 6.0 < area.lat < 7.8 and 2.7 < area.lon < 4.6


def test_a_province_name_of_two_countries_needs_the_focus(k):
    from builder.extraction.mentions.provinces import province_of_unknown_town

    doc, span = _span("Farmers marched in Kotli Khas (Punjab) on Monday.", "Kotli Khas")
    assert province_of_unknown_town(doc, k, span, None) is None  # Punjab of India or of Pakistan
    assert province_of_unknown_town(doc, k, span, "PK").country == "PK"


def test_a_dateline_votes_for_its_country(k):
    from builder.extraction.mentions.votes import _hinted_country, vote_for_focus

    assert _hinted_country(k, "Mozambique") == "MZ"
    assert _hinted_country(k, None) is None
    text = "PEMBA, Mozambique, Aug 9 (Coastline Wire) - Insurgents raided a fishing village on Sunday."
    doc, _span_unused = _span(text, "Insurgents")
    vote_for_focus(doc, k)
    assert doc._.armedkg_focus == "MZ" and doc._.armedkg_place_votes.get("MZ", 0) >= 3


# Real namesakes: Mohali in Punjab (India), a city of the SAS Nagar district, and a village of
# that name in Pakistan's Punjab; Ravello in Campania (Italy); Kartal, a village of Gaziantep
# province (Turkey), and Kartal, a district of Istanbul.
MOHALI_IN = PlaceEntry("gn:in", "Mohali", "PopulatedPlace", "IN", lat=30.68, lon=76.72, population=123000)
MOHALI_PK = PlaceEntry("gn:pk", "Mohali", "PopulatedPlace", "PK", lat=31.47, lon=73.02, population=0)
RAVELLO = PlaceEntry("gn:it", "Ravello", "PopulatedPlace", "IT", lat=40.65, lon=14.61, population=2500)
KARTAL_GAZIANTEP = PlaceEntry("gn:tr", "Kartal", "PopulatedPlace", "TR", lat=37.11, lon=36.98, population=1750)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Farmers staged a sit-in at Mohali town (SAS Nagar district, Punjab) on Friday.", "Mohali", ["SAS Nagar", "Punjab"]),
        ("Gunmen shot a trader in Kalaiya city (Bara district) late on Tuesday.", "Kalaiya", ["Bara"]),
        ("The raid on Lale (event coded to Bane, Boulgou) left one dead.", "Lale", ["Bane", "Boulgou"]),
        ("Students rallied in Kartal town, Istanbul, over rents.", "Kartal", ["Istanbul"]),
    ],
)
def test_the_names_beside_lose_the_words_of_their_rank(k, text, name, expected):
    doc, span = _span(text, name)
    assert provinces_beside(doc, k, span) == expected


def test_division_names_are_compared_without_their_rank(k):
    assert division_key(k, "Province du Gourma") == division_key(k, "Gourma")
    assert division_key(k, "Provincia di Caltanissetta") == division_key(k, "Caltanissetta")
    assert division_key(k, "Sarah Baartman District Municipality") == division_key(k, "Sarah Baartman")
    assert division_key(k, "Pakokku District") == division_key(k, "Pakokku")


def test_second_level_divisions_are_read_too(k):
    # Gourma is a province of the Est region of Burkina Faso (seat: Fada N'Gourma).
    gourma = [r for r in readings(k, "Gourma") if r.country == "BF"]
    assert gourma and gourma[0].level == 2 and gourma[0].division.name == "Est"
    lat, lon = gourma[0].point
    assert 11.0 < lat < 13.0 and -0.5 < lon < 1.5


@pytest.mark.parametrize(
    ("text", "name", "candidates", "expected"),
    [
        # analysis prose: both namesakes lie in a "Punjab"; the one in the district named too, or the larger
        ("Unrest spread to Mohali town (SAS Nagar district, Punjab) by the evening.", "Mohali", [MOHALI_PK, MOHALI_IN], [MOHALI_IN, MOHALI_PK]),
        # wire copy: the only namesake lies in Italy, the division beside it is Bolivia's
        ("Truckers blocked the road at Ravelo (Potosi) on Monday.", "Ravelo", [RAVELLO], []),
        # a word for the town before the comma: the comma gives its province
        ("Students rallied in Kartal town, Istanbul, over rents.", "Kartal", [KARTAL_GAZIANTEP], []),
        # a list, not a province: nothing is ruled out
        ("Jets struck Kartal, Istanbul and Izmir in the exercise.", "Kartal", [KARTAL_GAZIANTEP], None),
        # no name beside
        ("Jets struck Kartal overnight.", "Kartal", [KARTAL_GAZIANTEP], None),
    ],
)
def test_the_divisions_beside_choose_or_rule_out_namesakes(k, text, name, candidates, expected):
    doc, span = _span(text, name)
    assert placed_beside(doc, k, span, candidates) == expected


def test_a_namesake_near_the_division_beside_is_not_ruled_out(k):
    # Sanliurfa lies in Sanliurfa province, next to Gaziantep province: written "(Gaziantep)" by
    # mistake or for a border town, it is not ruled out (it lies within a few tens of km).
    town = PlaceEntry("gn:x", "Birecik", "PopulatedPlace", "TR", lat=37.03, lon=37.98, population=50000)
    doc, span = _span("Police detained migrants in Birecik (Gaziantep) on Friday.", "Birecik")
    assert placed_beside(doc, k, span, [town]) in (None, [town])


def test_a_town_the_gazetteers_lack_lies_in_the_second_level_division_beside_it(k):
    from builder.extraction.mentions.provinces import province_of_unknown_town

    doc, span = _span("Militants burned a truck near the village of Kounga (Yamba, Gourma) on Sunday.", "Kounga")
    place = province_of_unknown_town(doc, k, span, None)
    assert place is not None and place.country == "BF" and place.admin_level == 2 and place.label == "Gourma"
    parent = doc._.armedkg_entities[place.parent]
    assert parent.label == "Est" and parent.admin_level == 1


# A large city abroad: Dresden (Germany, over 500,000) and a small namesake in the United States;
# Malaga (Spain) against a name written with the Arabic article.
DRESDEN = PlaceEntry("gn:de", "Dresden", "PopulatedPlace", "DE", lat=51.05, lon=13.74, population=550000)
DRESDEN_US = PlaceEntry("gn:us", "Dresden", "PopulatedPlace", "US", lat=36.29, lon=-88.71, population=2700)
MALAGA = PlaceEntry("gn:es", "Málaga", "PopulatedPlace", "ES", lat=36.72, lon=-4.42, population=570000)


@pytest.mark.parametrize(
    ("text", "name", "candidates", "expected"),
    [
        ("About 300 people marched in Dresden against the war in Ukraine.", "Dresden", [DRESDEN], [DRESDEN]),  # wire
        ("Dresden saw the largest rally of the week, organisers said.", "Dresden", [DRESDEN, DRESDEN_US], [DRESDEN]),  # analysis
        ("Fighting was reported near Chasiv Yar and Dresden, a hamlet west of the river.", "Dresden", [DRESDEN_US], []),  # small namesake only
        ("Gunmen fired on a checkpoint on the al-Malaga road.", "al-Malaga", [MALAGA], []),  # the Arabic article: no Spanish city
    ],
)
def test_a_large_city_abroad_only_by_its_very_name(k, text, name, candidates, expected):
    from builder.extraction.mentions.places import _in_focus

    doc, span = _span(text, name)
    assert _in_focus(doc, k, span, candidates, "UA", False) == expected  # the country in focus has no such town


# A town that bears a division's name only as another of its names (GeoNames gives Yuma the
# name "Arizona"), and one called by the very name.
YUMA = PlaceEntry("gn:5322053", "Yuma", "PopulatedPlace", "US", lat=32.73, lon=-114.62, population=93000)
LOUISIANA_MO = PlaceEntry("gn:4396425", "Louisiana", "PopulatedPlace", "US", lat=39.45, lon=-91.05, population=3300)
NEW_YORK_CITY = PlaceEntry("gn:5128581", "New York City", "PopulatedPlace", "US", lat=40.71, lon=-74.01, population=8800000)
SAO_PAULO = PlaceEntry("gn:3448439", "São Paulo", "PopulatedPlace", "BR", lat=-23.55, lon=-46.64, population=10000000)


@pytest.mark.parametrize(
    ("text", "name", "candidates", "country", "label"),
    [
        ("Volunteers patrolled the border near Sasabe (Arizona) on Saturday.", "Arizona", [YUMA], "US", "Arizona"),
        ("A rebel was killed in a firefight with soldiers in the Bicol Region.", "Bicol Region", [], "PH", "Bicol"),
        ("Artillery duels were reported across Kalbajar region overnight.", "Kalbajar", [], "AZ", "Kalbajar"),
        ("The governor of Louisiana signed the bill after protests in the state.", "Louisiana", [LOUISIANA_MO], "US", "Louisiana"),
        ("Cyclists rallied in Toscana against the new motorway.", "Toscana", [], "IT", "Tuscany"),
    ],
)
def test_a_division_named_alone_is_the_division(k, text, name, candidates, country, label):
    from builder.extraction.mentions.provinces import division_named

    doc, _ = _span(text, name)
    found = division_named(doc, k, name, candidates)
    assert found is not None and found.cls == "AdminRegion" and found.country == country and found.label == label
    assert found.admin_level == 1 and found.lat is not None and found.lon is not None
    assert division_named(doc, k, "Atlantis", []) is None  # no division is called so


def test_a_city_of_the_divisions_name_is_meant_rather_than_the_division(k):
    from builder.extraction.mentions.provinces import division_named

    doc, _ = _span("Thousands marched in New York against the war.", "New York")
    assert division_named(doc, k, "New York", [NEW_YORK_CITY]) is None  # the city, not the state
    doc, _ = _span("Teachers went on strike in Sao Paulo on Monday.", "Sao Paulo")
    assert division_named(doc, k, "Sao Paulo", [SAO_PAULO]) is None


def test_a_division_name_of_two_countries_needs_the_document_to_point_to_one(k):
    from builder.extraction.mentions.provinces import division_named

    doc, _ = _span("Farmers marched across Punjab on Monday.", "Punjab")
    assert division_named(doc, k, "Punjab", []) is None  # Punjab of India or of Pakistan
    doc._.armedkg_named_countries.add("PK")
    assert division_named(doc, k, "Punjab", []).country == "PK"


def test_a_division_is_found_by_another_of_its_names():
    from builder.admin import load_admin1_index

    index = load_admin1_index()
    assert [(d.country, d.name) for d in index.named("Toscana")] == [("IT", "Tuscany")]
    assert [(d.country, d.name) for d in index.named("Bayern")] == [("DE", "Bavaria")]
    assert [d.name for d in index.named("Georgia") if d.country == "US"] == ["Georgia"]  # its own name first


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # wire copy: the province follows a word for the town's centre
        ("Shopkeepers closed their shutters in Kartal town center, Istanbul, on Monday.", "Kartal", ["Istanbul"]),
        # encyclopaedia prose, bracketed, British spelling
        ("The old market lies in Cuernavaca city centre (Morelos) beside the cathedral.", "Cuernavaca", ["Morelos"]),
        # analysis: the clause goes on with "by" after the province
        ("Migrants were intercepted off Bodrum, Mugla by the coast guard last week.", "Bodrum", ["Mugla"]),
        ("Two soldiers died near Kupiansk, Kharkiv during the night.", "Kupiansk", ["Kharkiv"]),
    ],
)
def test_the_province_after_a_town_centre_or_before_the_rest_of_the_clause(k, text, name, expected):
    doc, span = _span(text, name)
    assert provinces_beside(doc, k, span) == expected


def test_a_province_written_without_turkish_letters_is_read(k):
    # GeoNames writes the province "Balıkesir" (dotless i); reports write "Balikesir"
    assert [(d.country, d.name) for d in readings(k, "Balikesir") if d.level == 1] == [("TR", "Balıkesir")]
    ayvalik = PlaceEntry("gn:322673", "Ayvalık", "PopulatedPlace", "TR", lat=39.32, lon=26.69, population=70000)
    ayvalik_far = PlaceEntry("gn:438912", "Ayvalık", "PopulatedPlace", "TR", lat=37.48, lon=43.11, population=800)
    assert in_provinces(k, [ayvalik_far, ayvalik], ["Balikesir"]) == [ayvalik]



@pytest.mark.parametrize("name", ["Shan-South", "Shan-North", "Shan - East", "Bago-West"])
def test_a_compass_part_of_a_division_is_read_as_the_division(k, name):
    # analysis: "clashes in Shan-North state"; Myanmar's statistics split Shan State in three
    found = [(r.country, r.division.name, r.level) for r in readings(k, name) if r.level == 1]
    assert len(found) == 1 and found[0][0] == "MM" and found[0][1] == name.split("-")[0].strip()
    assert [r for r in readings(k, name, parts=False) if r.level == 1] == []  # too coarse to rule a town out


def test_a_village_beside_a_known_town_is_not_placed_at_its_state(k):
    from builder.extraction.mentions.provinces import province_of_unknown_town
    from builder.extraction.knowledge import load_knowledge

    kg = load_knowledge(None, True, None)  # with GeoNames towns: Kyaukme is one
    # wire copy: the township's town is known, the state is only a coarse container
    doc, span = _span("Soldiers burned homes in Man Loi village (Kyaukme township, Shan-North state) on Friday.", "Man Loi")
    assert province_of_unknown_town(doc, kg, span, "MM") is None
    # encyclopaedia prose: nothing smaller than the state is known, so the state is where it lies
    doc, span = _span("Nawng Hkio village (Zzyx township, Shan-South state) lies on a ridge.", "Nawng Hkio")
    assert province_of_unknown_town(doc, kg, span, "MM").label == "Shan"


def _sentence(text: str, name: str):
    doc, span = _span(text, name)
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0  # one sentence
    return doc, doc.char_span(span.start_char, span.end_char)


def test_a_sound_alike_town_must_lie_in_a_division_the_sentence_names(k):
    from builder.extraction.mentions.places import _in_divisions_of_sentence
    from builder.extraction.state import Mention, add_entity, add_mention

    in_java = PlaceEntry("gn:1", "Sumberjaya", "PopulatedPlace", "ID", lat=-6.76, lon=108.48, population=60000)  # West Java
    in_sulawesi = PlaceEntry("gn:2", "Mamuju", "PopulatedPlace", "ID", lat=-2.68, lon=118.89, population=60000)  # West Sulawesi
    text = "Villagers rallied in Sumbarjay (Mamuju regency, West Sulawesi province) on Friday."
    doc, span = _sentence(text, "Sumbarjay")
    key = "place:adm1w:ID.west-sulawesi"
    add_entity(doc, key, "AdminRegion", "West Sulawesi", country="ID", admin_level=1)
    start = text.index("West Sulawesi")
    add_mention(doc, k, Mention(key, start, start + len("West Sulawesi"), "West Sulawesi", "place", "bracketed_division", 0.7, "in"))
    assert _in_divisions_of_sentence(doc, span, [in_java, in_sulawesi]) == [in_sulawesi]
    doc, span = _sentence("Villagers rallied in Sumbarjay on Friday, a local paper said.", "Sumbarjay")
    assert _in_divisions_of_sentence(doc, span, [in_java, in_sulawesi]) == [in_java, in_sulawesi]  # no division named


@pytest.mark.parametrize(
    ("text", "name", "sure"),
    [
        ("Supporters rallied in Xinyi, Keelung City to protest the primary rules.", "Xinyi", True),  # wire copy: the clause goes on
        ("Migrants were intercepted off Bodrum, Mugla by the coast guard last week.", "Bodrum", True),
        ("The town lies between Beni, Butembo and Lubero.", "Beni", False),  # a list
        ("Analysts expect fighting around Aleppo, Idlib and Latakia to intensify.", "Aleppo", False),  # analysis
    ],
)
def test_a_name_after_a_comma_says_where_the_town_lies_unless_a_list_goes_on(k, text, name, sure):
    from builder.extraction.mentions.provinces import _beside

    doc, span = _span(text, name)
    assert _beside(doc, k, span)[1] is sure


def test_a_town_beside_in_another_country_rules_out_the_namesake_abroad():
    from builder.extraction.knowledge import load_knowledge
    from builder.extraction.mentions.provinces import _town_beside_abroad

    kg = load_knowledge(None, True, None)  # with GeoNames towns: Keelung is one
    xinyi_cn = PlaceEntry("gn:1789262", "Xinyi", "PopulatedPlace", "CN", lat=34.38, lon=118.35, population=300511)
    assert _town_beside_abroad(kg, [xinyi_cn], ["Keelung City"])  # Keelung is in Taiwan
    assert not _town_beside_abroad(kg, [xinyi_cn], ["Xuzhou"])  # a town of China: the namesake may be meant
    assert not _town_beside_abroad(kg, [xinyi_cn], ["Zzyzxq"])  # nothing known beside it


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # wire copy: a village of a regency of Indonesia (GeoNames writes "Kabupaten Intan Jaya")
        ("Gunmen set fire to a school in Wandai village (Intan Jaya regency, Papua province) on Tuesday.", "Wandai", "Intan Jaya"),
        # think-tank prose: the regency after a comma, the rest of the clause going on
        ("Clashes displaced families from Bilorai, Puncak regency, in the highlands.", "Bilorai", "Puncak"),
    ],
)
def test_an_indonesian_regency_is_read_as_geonames_writes_it(k, text, name, label):
    from builder.extraction.mentions.provinces import province_of_unknown_town

    assert division_key(k, "Kabupaten Nduga") == division_key(k, "Nduga regency") == division_key(k, "Nduga")
    doc, span = _span(text, name)
    place = province_of_unknown_town(doc, k, span, None)
    assert place is not None and place.country == "ID" and place.admin_level == 2 and place.label == label
    assert -5.0 < place.lat < -3.0 and 136.0 < place.lon < 138.5  # the central highlands of New Guinea


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # an event note: the rank of the place between its name and the bracket of its containers
        ("Herders clashed at Gokmer sub-county (Abim, Karamoja) on Sunday.", "Gokmer", ["Abim", "Karamoja"]),
        ("A mob torched a shop in Rampur rural municipality (Banke district) overnight.", "Rampur", ["Banke"]),
        ("Youths blocked the road in Kuajok payam (Gogrial West county, Warrap state).", "Kuajok", ["Gogrial West", "Warrap"]),
        # a note after a semicolon inside the bracket is no container
        ("Raiders struck Pakam village (Rumbek North county, Lakes state; coded to Maper) at dawn.", "Pakam", ["Rumbek North", "Lakes"]),
    ],
)
def test_the_rank_of_a_place_before_its_bracket_and_a_note_after_a_semicolon(k, text, name, expected):
    doc, span = _span(text, name)
    assert provinces_beside(doc, k, span) == expected


def test_a_village_of_a_county_and_state_with_a_coding_note_lies_in_the_state(k):
    from builder.extraction.mentions.provinces import province_of_unknown_town

    doc, span = _span("Raiders struck Pakam village (Rumbek North county, Lakes state; coded to Maper) at dawn.", "Pakam")
    place = province_of_unknown_town(doc, k, span, None)
    assert place is not None and place.country == "SS" and place.label == "Lakes"


def test_the_kind_of_a_place_in_brackets_is_no_division(k):
    # "Hill" is a county of Texas and of Montana; here it only says what Kalimati is
    doc, span = _span("Villagers protested near Kalimati (Hill), where a dump is planned.", "Kalimati")
    assert provinces_beside(doc, k, span) == []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "Northern" is a division of a dozen countries; Dongola, a town of Sudan's, says which
        ("Protesters closed the highway at Kabna (Dongola locality, Northern state) on Monday.", "Kabna", "SD"),
        # wire copy: the names alone
        ("Police dispersed traders in the village of Kabna (Dongola, Northern) on Friday.", "Kabna", "SD"),
    ],
)
def test_a_town_beside_that_is_no_division_says_which_country_the_division_is(text, name, country):
    from builder.extraction.knowledge import load_knowledge
    from builder.extraction.mentions.provinces import country_beside

    with_towns = load_knowledge()  # GeoNames towns: Dongola
    doc, span = _span(text, name)
    assert country_beside(doc, with_towns, span) == country


def test_a_division_placed_beside_a_town_keeps_its_other_names(k):
    from builder.extraction.mentions.provinces import province_of_unknown_town

    doc, span = _span("Farmers drove tractors into Unterzell (Bavaria) on Saturday.", "Unterzell")
    place = province_of_unknown_town(doc, k, span, None)
    assert place is not None and place.label == "Bavaria" and "Bayern" in place.aliases


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the province as the report names it, before the 2022 split GeoNames follows
        ("Traders marched in Wamena town (Jayawijaya regency, Papua province) on Monday.", "Papua"),
        ("Traders blocked the road to the airport in Wamena, Papua.", "Papua"),
    ],
)
def test_the_division_written_beside_a_known_town_is_its_division(k, text, label):
    from builder.extraction.mentions.provinces import division_written_beside

    wamena = PlaceEntry("gn:x", "Wamena", "PopulatedPlace", "ID", lat=-4.10, lon=138.95, population=66000)  # Highland Papua since 2022
    doc, span = _span(text, "Wamena")
    division = division_written_beside(doc, k, span, wamena)
    assert division is not None and division.label == label and division.admin_level == 1


def test_no_division_beside_a_town_outside_it(k):
    from builder.extraction.mentions.provinces import division_written_beside

    doc, span = _span("Workers marched in Valencia (Carabobo) on Monday.", "Valencia")
    assert division_written_beside(doc, k, span, VALENCIA_ES) is None
    assert division_written_beside(doc, k, span, VALENCIA_VE).label == "Carabobo"


# Two real namesakes (GeoNames cities500): Carmel in New York State and Carmel in Indiana.
CARMEL_NY = PlaceEntry("gn:5111576", "Carmel", "PopulatedPlace", "US", lat=41.43, lon=-73.68, population=4800)
CARMEL_IN = PlaceEntry("gn:4255466", "Carmel", "PopulatedPlace", "US", lat=39.98, lon=-86.12, population=88713)


@pytest.mark.parametrize(
    ("text", "name", "candidates", "expected"),
    [
        # wire copy: "the town of X in <state>"
        ("Gunmen killed two farmers near the town of Carmel in New York on Tuesday, police said.", "Carmel", [CARMEL_IN, CARMEL_NY], [CARMEL_NY]),
        # encyclopaedia prose: the division with a compass adjective and "the"
        ("The battalion was raised at Valencia in the eastern Valencia Region in 1936.", "Valencia", [VALENCIA_VE, VALENCIA_ES], [VALENCIA_ES]),
        # analysis: the division ends the sentence
        ("Protests have since spread to Valencia in Carabobo.", "Valencia", [VALENCIA_ES, VALENCIA_VE], [VALENCIA_VE]),
        # a country after "in" is no division: nothing is chosen or ruled out by it
        ("Militants attacked Valencia in Spain at dawn.", "Valencia", [VALENCIA_VE, VALENCIA_ES], None),
        # a month, no division
        ("Workers marched in Valencia in March.", "Valencia", [VALENCIA_VE, VALENCIA_ES], None),
    ],
)
def test_a_division_after_in_chooses_among_namesakes(k, text, name, candidates, expected):
    doc, span = _span(text, name)
    assert placed_beside(doc, k, span, candidates) == expected


def test_a_division_after_in_never_makes_the_name_before_it_a_place(k):
    from builder.extraction.mentions.provinces import divisions_beside

    doc, span = _span("Governor Abbott in Texas on Monday ordered troops to the border.", "Abbott")
    assert provinces_beside(doc, k, span) == ["Texas"]
    assert not divisions_beside(doc, k, span)  # a person's name stands before "in" too
    doc, span = _span("Governor Abbott in Texas ordered troops to the border.", "Abbott")
    assert provinces_beside(doc, k, span) == []  # the clause goes on: no division's name
