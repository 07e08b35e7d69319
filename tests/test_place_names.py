"""Where an event happened, read from the way places are written (the full pipeline): a town's
whole name where the model took part of it, a division named alone, a town the gazetteers lack
with its division beside it. Sentences written for these tests in several styles."""

from __future__ import annotations

import unicodedata

import pytest

from builder.evaluate import main_event
from builder.geo import haversine_km, locate


def _where(extract, text):
    result = extract(text)
    ev = main_event(result)
    assert ev is not None and ev.place, text
    return result, ev, locate(result, ev.place)


@pytest.mark.parametrize(
    ("text", "label", "point"),
    [
        # wire copy, a note in an event log, encyclopaedia prose
        ("On 2 June 2022, a trader was killed by two men on a scooter in Sao Jose dos Campos (Sao Paulo).", "São José dos Campos", (-23.18, -45.89)),
        ("Police said a suspect was killed in a gunfight in Santa Cruz do Sul on Wednesday.", "Santa Cruz do Sul", (-29.72, -52.43)),
        ("On 14 July 2022, residents blocked the main road in Neustadt an der Weinstrasse to demand a bypass.", "Neustadt an der Weinstraße", (49.35, 8.14)),
        ("Several hundred people marched through Frankfurt an der Oder on Saturday against energy prices.", "Frankfurt (Oder)", (52.34, 14.55)),
        ("Teachers blocked a main avenue in Oaxaca de Juarez, Oaxaca, on Thursday to demand unpaid wages.", "Oaxaca", (17.06, -96.73)),
    ],
)
def test_a_towns_whole_name_is_read(extract, text, label, point):
    result, ev, where = _where(extract, text)
    assert result.entities[ev.place].label == label
    assert haversine_km(where.lat, where.lon, *point) < 10


@pytest.mark.parametrize(
    ("text", "division", "country"),
    [
        ("On 17 May 2022, oil workers went on strike in Kalbajar region over unpaid wages.", "Kalbajar", "AZ"),
        ("A rebel was killed in a firefight with government soldiers in the Bicol Region on Monday.", "Bicol", "PH"),
        ("Farmers blocked roads across Saskatchewan on Friday to protest a fuel tax, police said.", "Saskatchewan", "CA"),
    ],
)
def test_a_division_named_alone_places_the_event_in_it(extract, text, division, country):
    result, ev, where = _where(extract, text)
    place = result.entities[ev.place]
    assert place.cls == "AdminRegion" and place.label == division and place.country == country
    assert where.lat is not None and where.admin1 is not None and where.admin1.label == division


def test_a_town_is_not_read_as_another_name_of_its_division(extract):
    # GeoNames gives "Arizona" as another name of Yuma, and "Michigan" of Michigan City
    for text, town, division in (
        ("Dozens of people marched to the courthouse in Ludington (Michigan) against abortion.", "Ludington", "Michigan"),
        ("Volunteers staged a rally in Flagstaff (Arizona) on Saturday against the new mine.", "Flagstaff", "Arizona"),
    ):
        result, ev, where = _where(extract, text)
        assert result.entities[ev.place].label == town
        assert where.admin1.label == division
        assert not any(e.label in ("Michigan City", "Yuma") for e in result.entities.values())


@pytest.mark.parametrize(
    ("text", "division", "box"),
    [
        ("Shop owners shut their doors and rallied in Passara (Passara, Uva) on 21 April 2022 over power cuts.", "Uva", (5.5, 8.0, 80.5, 82.0)),
        ("Residents gathered in Ballyporeen (Tipperary) on Tuesday to protest against the new road layout.", "Munster", (51.4, 53.2, -9.0, -7.0)),
    ],
)
def test_a_town_the_gazetteers_lack_lies_in_the_division_beside_it(extract, text, division, box):
    result, ev, where = _where(extract, text)
    assert where.lat is not None and box[0] < where.lat < box[1] and box[2] < where.lon < box[3]
    assert where.admin1.label == division and where.precision >= 2


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("On 3 May 2022, nurses of the Durham hospital rallied outside the state legislature in Raleigh (North Carolina) over pay.", "Raleigh"),
        ("Members of a Lyon union staged a sit-in at the town hall of Grenoble (Isere) on Tuesday against pension cuts.", "Grenoble"),
        ("On 9 June 2022, a Mombasa trader was shot dead by police in Malindi (Kilifi) after a dispute.", "Malindi"),
    ],
)
def test_the_town_written_with_its_division_is_where_it_happened(extract, text, town):
    result, ev, _ = _where(extract, text)
    assert result.entities[ev.place].label == town


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # a note in an event log, wire copy, encyclopaedia prose
        ("On 5 March 2022, in Guatemala City, Guatemala, teachers rallied in front of the education ministry over pay.", (14.64, -90.51)),
        ("Police fired tear gas at protesters in Mexico City on Friday, witnesses said.", (19.43, -99.13)),
        ("Gunmen shot dead a shopkeeper in Panama City in 2021.", (8.99, -79.52)),
    ],
)
def test_a_capital_named_after_its_country_is_the_town(extract, text, point):
    result, ev, where = _where(extract, text)
    assert result.entities[ev.place].cls == "PopulatedPlace"
    assert haversine_km(where.lat, where.lon, *point) < 15


@pytest.mark.parametrize(
    ("text", "label", "point"),
    [
        # an event log's note, wire copy, encyclopaedia prose: a part of a town written with it
        ("On 2 May 2022, in Port-au-Prince - Carrefour, residents stoned a man accused of theft.", "Port-au-Prince", (18.54, -72.34)),
        ("Farmers blocked the highway at Lerdo, Durango, on Thursday to demand their water rights.", "Lerdo", (25.54, -103.52)),
        ("Students demonstrated in North Mitrovica on Wednesday against the new curfew.", "Mitrovicë", (42.88, 20.87)),
        ("Trade unionists rallied in Northern Nicosia for higher wages, a spokesman said.", "Nicosia", (35.17, 33.35)),
    ],
)
def test_a_part_of_a_town_written_with_it_is_placed_at_the_town(extract, text, label, point):
    result, ev, where = _where(extract, text)
    assert result.entities[ev.place].label == label
    assert haversine_km(where.lat, where.lon, *point) < 10


@pytest.mark.parametrize(
    ("text", "town", "point"),
    [
        # the place a note says its event is coded to, in a bracket or after a comma
        ("On 14 April 2022, a landmine wounded two soldiers on a rural road near Cucuta (coded to Tibu, Norte de Santander).", "Tibú", (8.64, -72.74)),
        ("On 9 May 2022, gunmen raided a farm near Bama (coded to Konduga, Borno) and killed two farmers.", "Konduga", (11.65, 13.42)),
        ("On 3 May 2022, militants attacked a police post near Tamale town [coded to Yendi], killing two officers.", "Yendi", (9.44, -0.01)),
    ],
)
def test_the_place_a_note_codes_its_event_to_is_the_events(extract, text, town, point):
    result, ev, where = _where(extract, text)
    assert result.entities[ev.place].label == town
    assert haversine_km(where.lat, where.lon, *point) < 10


@pytest.mark.parametrize(
    ("text", "town", "point"),
    [
        # a note's square bracket with the place and its containers, after a namesake abroad
        ("On 2 May 2022, retired teachers staged a sit-in in Porto Novo [location coded as Mindelo, Sao Vicente] over pension arrears.", "Mindelo", (16.89, -24.98)),
        # a list of places whose bracket says where both lie: the first is where the note codes it
        ("On 11 May 2022, residents protested on the road between Bacabal and Pedreiras (Maranhao) to demand water supply.", "Bacabal", (-4.23, -44.78)),
        ("On 11 May 2022, residents blocked a road between Caxias and Timon (Maranhao) to demand water supply.", "Caxias", (-4.86, -43.36)),
        # what a protest is about is not where it is (note, wire copy)
        ("On 8 May 2022, workers demonstrated in Bergen to oppose the planned closure of a shipyard in Floro, Vestland.", "Bergen", (60.39, 5.32)),
        ("On 3 June 2022, about 300 farmers demonstrated in Lisbon against the planned closure of a sugar mill in Coruche, Santarem.", "Lisbon", (38.72, -9.14)),
        ("On 14 March 2022, hundreds of students rallied in Nairobi over the killing of a classmate in Eldoret, Uasin Gishu.", "Nairobi", (-1.28, 36.82)),
        # where people come from, named among examples, is not where they gathered
        ("On 7 March 2022, fishermen from coastal towns such as Mokpo and Yeosu staged a rally outside the ministry in Sejong.", "Sejong", (36.59, 127.29)),
        ("Farmers from several districts including Lamjung and Gorkha protested in Pokhara on Monday over fertiliser shortages.", "Pokhara", (28.27, 83.97)),
        ("Relatives of detainees from towns such as Tadef and Bza'a held a sit-in outside the courthouse in Azaz.", "Azaz", (36.59, 37.05)),
        ("On 5 June 2022, gunmen shot at a group of herders (from the town of Kapoeta) near Torit town, wounding two of them.", "Torit", (4.41, 32.57)),
    ],
)
def test_the_place_of_the_events_own_clause_is_read(extract, text, town, point):
    result, ev, where = _where(extract, text)
    assert _folded(result.entities[ev.place].label) == _folded(town) or town in result.entities[ev.place].aliases
    assert haversine_km(where.lat, where.lon, *point) < 10


def test_a_bracket_of_containers_after_a_notes_coded_bracket_is_read(extract):
    """"A and B villages (coded as A) (X township, Y district, Z region)": the parser ends the
    sentence between the brackets, and the containers are those of the coded place."""
    text = "Around 20 March 2022, troops shelled Hti Hlaing and Ywa Thit villages (coded as Hti Hlaing) (Kani township, Monywa district, Sagaing region), injuring two civilians."
    result, ev, where = _where(extract, text)
    assert where.admin1 is not None and where.admin1.label == "Sagaing"
    assert haversine_km(where.lat, where.lon, 22.11, 95.13) < 100  # Monywa district, not a namesake by Yangon


@pytest.mark.parametrize(
    ("text", "division", "point"),
    [
        # a village the gazetteers lack, whose province the next sentence of the paragraph names
        ("On 4 June 2022, gunmen abducted two teachers in Zarghun Kalay village. The village lies in Ghazni province, local officials said.", "Ghazni", (33.55, 68.42)),
        ("On 11 July 2022, armed men kidnapped a trader in Deh Qazi Khel village. The village lies in Wardak province, his relatives said.", "Wardak", (34.40, 68.87)),
    ],
)
def test_a_village_is_tied_to_the_province_its_paragraph_names(extract, text, division, point):
    result, ev, where = _where(extract, text)
    assert result.entities[ev.place].lat is None  # the village itself is unknown
    assert where.admin1 is not None and where.admin1.label == division
    assert haversine_km(where.lat, where.lon, *point) < 10


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # wire copy, a note, prose: where the people live is not where they gathered
        ("Sleman district residents rallied outside the governor's office in Yogyakarta on Tuesday against a toll road.", "Yogyakarta"),
        ("Hundreds of Kibera residents marched to the county offices in Nakuru on Monday to demand compensation.", "Nakuru"),
        ("Villagers of Tal Rifaat took part in a sit-in outside the governor's office in Azaz on Sunday.", "Azaz"),
        # with only their province besides, their home is where they gathered
        ("Families from Kafr Nubl in Idlib held a vigil on Friday against the executions.", "Kafr Nubl"),
    ],
)
def test_where_dwellers_live_is_not_where_they_gathered_elsewhere(extract, text, town):
    result, ev, where = _where(extract, text)
    from builder.gazetteer import place_key

    assert place_key(result.entities[ev.place].label) == place_key(town) or town in result.entities[ev.place].aliases


@pytest.mark.parametrize(
    "text",
    [
        # a strike release in bullets, a line opening with its preposition, a summary list
        "Strikes in Iraq\n.\u00a0 \u00a0 Near Rawah, one strike destroyed a weapons cache.",
        "Around Sinjar, coalition aircraft struck two mortar teams overnight, the task force said.",
        "Operations this week:\nNear Tall Afar, engineers cleared a road of mines.",
    ],
)
def test_a_known_town_after_a_capitalised_preposition_is_read(extract, text):
    """A locative preposition that opens a line or a sentence ("Near X,") is tagged as part of a
    proper name by the model; the town after it is still a place the gazetteers know."""
    result = extract(text)
    places = {_folded(e.label) for e in result.entities.values() if e.key.startswith("place:") and e.cls == "PopulatedPlace"}
    assert places & {"rawah", "sinjar", "tall afar", "tal afar"}, places


def _folded(label: str) -> str:
    """A label without accents and ayn marks, lower-cased ("Sinjār" -> "sinjar")."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return plain.replace("'", "").lower()


@pytest.mark.parametrize(
    ("text", "town"),
    [
        # an event note: the first town of a bracket of containers is the most specific
        ("On 9 May 2022, military troops shelled Thit Yar village (Chauk township, Magway district, Magway region), killing two civilians.", "Chauk"),
        ("Around 2 June 2022, a drone struck a checkpoint near Let Pan village (Yenangyaung township, Magway district, Magway region).", "Yenangyaung"),
        # the township named before the bracket, with its rank word, where the model sees no place
        ("On 3 March 2022, in Ywa Thit village, Chauk township (Magway district, Magway region), troops shelled houses.", "Chauk"),
    ],
)
def test_the_first_town_of_a_bracket_of_containers_is_where_it_happened(extract, text, town):
    from builder.gazetteer import load_gazetteer

    result, ev, where = _where(extract, text)
    known = [p for p in load_gazetteer(None, True).lookup_place(town) if p.country == "MM"][0]
    assert haversine_km(where.lat, where.lon, known.lat, known.lon) < 5  # the township's town, not the district's


def test_a_town_written_with_an_unknown_district_is_no_namesake_abroad_by_another_name(extract):
    """GeoNames gives "Kakani" as another name of Kakanj in Bosnia; a municipality written with
    its district, which the gazetteers do not know, is not that town."""
    result, ev, where = _where(extract, "On 4 May 2022, residents staged a sit-in in Kakani municipality (Nuwakot district), demanding a new road.")
    assert result.entities[ev.place].country != "BA"
    assert where.lat is None or where.lat < 35


@pytest.mark.parametrize(
    "text",
    [
        # a note, and a wire report's bracket: Comoe is a province of Burkina Faso and a district
        # of Cote d'Ivoire; the VDP are Burkina Faso's militia
        "On 9 January 2022, VDP volunteers repelled an attack by JNIM militants near the village of Nafona (Ouo, Comoe). Three militants were killed.",
        "Fighting between the VDP and JNIM fighters was reported around Nafona (Ouo, Comoe) on Sunday, a security source said.",
    ],
)
def test_an_ambiguous_division_is_the_one_of_the_actors_country(extract, text):
    result, ev, where = _where(extract, text)
    assert where.lat is not None and haversine_km(where.lat, where.lon, 10.63, -4.76) < 100  # Comoe province, Burkina Faso


def test_a_village_the_gazetteers_lack_is_in_the_country_of_its_division(extract):
    """A village placed in a division of Burkina Faso is Burkina Faso's, though the document's
    names point to Mali."""
    result = extract("JNIM fighters based in Mali, who often retreat to Mali after raids, attacked Wendou (Bane, Boulgou) on Friday, Mali's army and JNIM sources said.")
    village = next(e for e in result.entities.values() if e.label == "Wendou")
    assert village.country == "BF"


@pytest.mark.parametrize(
    ("text", "town", "point"),
    [
        # the model reads the rank of the division with the name: the town the rest names
        ("On 3 April 2022, bandits abducted 12 farmers in Maru LGA (Zamfara) and released them two days later.", "Maru", (12.33, 6.40)),
        ("On 8 May 2022, unknown gunmen killed a village head in Kajuru LGA (Kaduna) and abducted his two sons.", "Kajuru", (10.32, 7.68)),
    ],
)
def test_a_name_read_with_the_word_of_its_rank_is_the_town_of_the_name(extract, text, town, point):
    result, ev, where = _where(extract, text)
    assert result.entities[ev.place].label == town
    assert haversine_km(where.lat, where.lon, *point) < 10


def test_a_town_known_only_abroad_is_not_meant_when_the_sentence_names_a_division_here(extract):
    """The gazetteers know a Danyang only in China; the sentence names North Chungcheong, a
    province of South Korea: the place is there, not in China."""
    text = "On 3 May 2022, about 80 members of a cement workers' union branch in North Chungcheong held a sit-in at a quarry gate (Gagok-myeon, Danyang) over unpaid overtime."
    result, ev, where = _where(extract, text)
    assert result.entities[ev.place].country == "KR"
    assert haversine_km(where.lat, where.lon, 36.98, 128.37) < 161


@pytest.mark.parametrize(
    ("text", "point"),
    [
        # a town that bears a country's name, written with its division (a note, wire copy)
        ("Gunmen kidnapped a cattle rancher on a farm outside Albania municipality (La Guajira) on 2 March 2022, local media said.", (11.16, -72.59)),
        ("On 3 May 2022, around 200 taxi drivers blocked a main avenue in Armenia, Quindio, to protest fuel prices.", (4.54, -75.67)),
    ],
)
def test_a_town_named_like_a_country_written_with_its_division_is_the_town(extract, text, point):
    result, ev, where = _where(extract, text)
    assert result.entities[ev.place].cls == "PopulatedPlace" and result.entities[ev.place].country == "CO"
    assert haversine_km(where.lat, where.lon, *point) < 10


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Militants overran an army post at Boulkessi in Mali on 3 May, killing 12 soldiers.", "Boulkessi"),  # wire
        ("Bandits attacked worshippers at Maradun in Zamfara on Friday, killing nine.", "Maradun"),  # brief
    ],
)
def test_a_name_the_model_took_for_a_person_is_a_place_before_its_country_or_state(extract, text, name):
    """A name after "at"/"in"/"near" followed by its country or a division the gazetteers know
    ("at Boulkessi in Mali") is where the event happened, not a person."""
    result, ev, _ = _where(extract, text)
    assert result.entities[ev.place].label == name
    assert not any(key.startswith("person:") for key in ev.perpetrators + ev.targets + ev.victims)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On 17 January, rebels ambushed a patrol on the road near Tembagapura, the company town of the Grasberg copper and gold mine.", "Tembagapura"),  # brief
        ("Gunmen attacked a convoy near Kolwezi, the town of the Kamoto copper mine, on Monday.", "Kolwezi"),  # wire
    ],
)
def test_the_name_of_a_thing_after_town_of_the_is_not_the_town(extract, text, name):
    """"the company town of the Grasberg copper mine": Grasberg names the mine; the event is at
    the town named before."""
    result, ev, _ = _where(extract, text)
    assert result.entities[ev.place].label == name


@pytest.mark.parametrize(
    "text",
    [
        "The army plans to send reinforcements to the north under Operation Mirador, its counter-insurgency mission along the border, the spokesman said.",  # wire
        "Troops of Operation Lafiya Dole repelled an attack on Damboa on Sunday, the army said.",  # brief
    ],
)
def test_the_name_of_an_operation_is_no_place(extract, text):
    result = extract(text)
    assert not any(e.label.startswith("Operation") for key, e in result.entities.items() if key.startswith("place:"))



@pytest.mark.parametrize(
    "text",
    [
        # wire copy and a note: the model tags the town a person
        "The convoy came under fire near Elwak, police said.",
        "On 4 March, a truck hit a mine near Elwak; two soldiers were wounded.",
    ],
)
def test_one_name_after_near_is_a_place_not_a_person(extract, text):
    result = extract(text)
    kinds = {e.label: e.cls for e in result.entities.values()}
    assert "Elwak" in kinds and kinds["Elwak"] != "Person", kinds
