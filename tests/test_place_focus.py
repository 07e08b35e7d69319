"""A country named as what a protest is about ("marched in Lyon against the war in Ukraine") casts
no vote for the country in focus, so that the town where the protest was is read in its own
country (builder.extraction.grievance). Sentences written for these tests in several styles."""

from __future__ import annotations

import pytest

from builder.evaluate import main_event
from builder.extraction.grievance import in_grievance
from builder.extraction.knowledge import load_knowledge
from builder.geo import locate
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


# wire copy: "Hundreds marched in Lyon against the war in Ukraine ."
MARCHED_AGAINST = (
    ["Hundreds", "marched", "in", "Lyon", "against", "the", "war", "in", "Ukraine", "."],
    [1, 1, 1, 2, 1, 6, 4, 6, 7, 1],
    ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "pobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "IN", "NNP", "IN", "DT", "NN", "IN", "NNP", "."],
)
# analysis: "Students denounced the invasion of Georgia ."
DENOUNCED = (
    ["Students", "denounced", "the", "invasion", "of", "Georgia", "."],
    [1, 1, 3, 1, 3, 4, 1],
    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "DT", "NN", "IN", "NNP", "."],
)
# encyclopaedia: "Dockers were against arms shipments to Yemen ."
COPULA_AGAINST = (
    ["Dockers", "were", "against", "arms", "shipments", "to", "Yemen", "."],
    [1, 1, 1, 4, 2, 4, 5, 1],
    ["nsubj", "ROOT", "prep", "compound", "pobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "IN", "NNS", "NNS", "IN", "NNP", "."],
)
# wire copy: "Troops shelled villages in Ukraine against orders ."
SHELLED_IN = (
    ["Troops", "shelled", "villages", "in", "Ukraine", "against", "orders", "."],
    [1, 1, 1, 2, 3, 1, 5, 1],
    ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "NNS", "IN", "NNP", "IN", "NNS", "."],
)


@pytest.mark.parametrize("parse,word", [(MARCHED_AGAINST, 8), (DENOUNCED, 5), (COPULA_AGAINST, 6)])
def test_a_country_a_protest_is_about_is_its_grievance(k, parse, word):
    doc, _ = parsed_sentence(*parse)
    assert in_grievance(k, doc[word : word + 1])


@pytest.mark.parametrize("parse,word", [(MARCHED_AGAINST, 3), (SHELLED_IN, 4)])
def test_where_something_happens_is_no_grievance(k, parse, word):
    doc, _ = parsed_sentence(*parse)
    assert not in_grievance(k, doc[word : word + 1])


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # wire copy, encyclopaedia prose, analysis
        ("About 300 people demonstrated in Carcassonne on Sunday against the war in Ukraine.", "FR"),
        ("In March 2022 residents of Bamberg held a vigil to denounce the invasion of Ukraine.", "DE"),
        ("The rally in Kendal over the planned removal of asylum seekers to Rwanda drew some 200 people.", "GB"),
    ],
)
def test_the_town_of_a_protest_about_another_country_is_in_its_own(extract, text, country):
    result = extract(text)
    ev = main_event(result)
    assert ev is not None and ev.place, text
    where = locate(result, ev.place)
    assert where.lat is not None and result.entities[ev.place].country == country, (text, result.entities[ev.place])


# A town named with no country around it is the namesake far better known than the others.


def _town(name, country, population, names, key):
    from builder.gazetteer import PlaceEntry

    return PlaceEntry(key, name, "PopulatedPlace", country, population=population, names=names)


def _span(text, label):
    from spacy.tokens import Span

    from tests.handbuilt import parsed_doc

    doc = parsed_doc(text.split())
    return Span(doc, 0, len(doc), label=label)


def test_the_best_known_namesake_is_meant():
    from builder.extraction.mentions.places import _best_known

    big_few_names = _town("Cadiz", "PH", 129_000, 2, "a")
    known = _town("Cadiz", "ES", 117_000, 46, "b")
    assert _best_known(_span("Cadiz", "GPE"), [big_few_names, known], {}) is known


def test_namesakes_alike_in_renown_decide_nothing():
    from builder.extraction.mentions.places import _best_known

    one, other = _town("Springfield", "US", 160_000, 20, "a"), _town("Springfield", "US", 110_000, 25, "b")
    assert _best_known(_span("Springfield", "GPE"), [one, other], {}) is None


def test_a_town_far_less_known_than_one_bearing_its_name_is_not_meant():
    from builder.extraction.mentions.places import _best_known

    other_name = _town("Buchen in Odenwald", "DE", 18_000, 10, "a")
    spelt_so = _town("Büchen", "DE", 5_400, 6, "b")
    assert _best_known(_span("Buchen", "GPE"), [other_name, spelt_so], {}) is None


def test_a_small_town_abroad_needs_a_name_read_as_a_place():
    from builder.extraction.mentions.places import _best_known

    town = _town("Olmeta", "FR", 8_000, 6, "a")
    assert _best_known(_span("Olmeta", "GPE"), [town], {}) is town
    assert _best_known(_span("Olmeta", "ORG"), [town], {}) is None
    assert _best_known(_span("Olmeta", "GPE"), [town], {"NG": 2}) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # wire copy, encyclopaedia prose, analysis
        ("Dock workers protested outside the port authority in Cadiz on Tuesday over a new contract.", "ES"),
        ("In April 2022 taxi drivers blocked the main bridge of Osh to oppose new fares.", "KG"),
        ("The sit-in outside the court in Geneva showed how far the housing dispute has spread.", "CH"),
    ],
)
def test_a_town_named_without_its_country_is_its_best_known_namesake(extract, text, country):
    result = extract(text)
    ev = main_event(result)
    assert ev is not None and ev.place, text
    assert result.entities[ev.place].country == country, (text, result.entities[ev.place])


# analysis: "Nurses held a vigil over deaths in Assam ."
HELD_A_VIGIL_OVER = (
    ["Nurses", "held", "a", "vigil", "over", "deaths", "in", "Assam", "."],
    [1, 1, 3, 1, 1, 4, 5, 6, 1],
    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "DT", "NN", "IN", "NNS", "IN", "NNP", "."],
)


def test_what_a_vigil_is_held_over_is_its_grievance(k):
    doc, _ = parsed_sentence(*HELD_A_VIGIL_OVER)
    assert in_grievance(k, doc[7:8])


@pytest.mark.parametrize(
    ("text", "country"),
    [("Tambu (Donggala, Central Sulawesi)", "ID"), ("Hanover (Grafton, New Hampshire)", "US"), ("Santa Rosa (San Pedro)", None)],
)
def test_the_divisions_beside_a_town_name_its_country(text, country):
    import spacy

    from builder.extraction import extensions
    from builder.extraction.knowledge import load_knowledge
    from builder.extraction.mentions.provinces import country_beside

    k = load_knowledge(None, True, None)
    extensions.register()
    doc = spacy.blank("en")(text + " on Monday.")
    extensions.reset(doc)
    assert country_beside(doc, k, doc[0:1]) == country


@pytest.mark.parametrize(
    "text",
    [
        # wire copy, encyclopaedia prose, analysis
        "In Rampur village of Gumla district in Jharkhand, a man accused of witchcraft was killed by his neighbours.",
        "Last week villagers in Rampur, in the Gumla district of Jharkhand, killed a woman they had branded a witch.",
        "The killing in Rampur, a hamlet of Jharkhand's Gumla district, fits a pattern of witch-hunts against widows.",
    ],
)
def test_a_town_whose_namesakes_lie_outside_the_division_named_is_in_that_division(extract, text):
    result = extract(text)
    ev = main_event(result)
    assert ev is not None and ev.place, text
    where = locate(result, ev.place)
    assert where.admin1 is not None and where.admin1.label == "Jharkhand" and where.lat < 25.5, (text, where)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # wire copy, encyclopaedia prose, analysis
        ("Bus drivers rallied in front of the transport authority (Wonju) on Friday to oppose new shifts.", "Wŏnju"),
        ("Last month miners marched to the regional assembly (Asturias) over pit closures.", "Asturias"),
        ("The sit-in at the teachers' union hall (Chungju) shows how far the dispute has spread.", "Chungju"),
    ],
)
def test_a_known_place_in_brackets_is_where_it_happened(extract, text, label):
    result = extract(text)
    ev = main_event(result)
    assert ev is not None and ev.place, text
    assert result.entities[ev.place].label == label and locate(result, ev.place).lat is not None


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Farmers held a press conference with placards in Daejeon to oppose a new dam.", "Daejeon"),
        ("Teachers held a press conference with signs in Gwangju against the planned closure of their school.", "Gwangju"),
    ],
)
def test_a_press_conference_held_in_a_town_is_there(extract, text, label):
    result = extract(text)
    ev = main_event(result)
    assert ev is not None and ev.place and result.entities[ev.place].label == label, text


def test_a_division_name_many_countries_bear_in_brackets_is_no_town_abroad(extract):
    # encyclopaedia-style note: "Western" is a region of Uganda and of a dozen other countries
    result = extract("Villagers blocked a road at Buseruka (Kakumiro, Western) on Monday to protest land evictions.")
    ev = main_event(result)
    assert ev is not None and ev.place and result.entities[ev.place].country == "UG"
    assert not any(e.country == "US" for e in result.entities.values())


@pytest.mark.parametrize(
    "text",
    [
        # wire copy, encyclopaedia prose, analysis
        "Farmers blocked a highway at Yrybucua (San Pedro) on Monday to demand land titles.",
        "Last month smallholders protested outside the town hall of Yrybucua (San Pedro) over land titles.",
        "The sit-in at Yrybucua (San Pedro) shows how far the dispute over land titles has spread.",
    ],
)
def test_a_bracketed_name_that_is_one_countrys_first_level_division_is_that_division(extract, text):
    # San Pedro is a department of Paraguay and a second-level division of several other countries
    result = extract(text)
    ev = main_event(result)
    assert ev is not None and ev.place, text
    assert locate(result, ev.place).admin1.label == "San Pedro" and result.entities[ev.place].country == "PY"


@pytest.mark.parametrize(
    ("name", "votes", "country"),
    [("Khewrah", {"PK": 1}, "PK"), ("Mayadeen", {}, "SY")],
)
def test_a_name_spelt_like_a_town_is_that_town_where_the_document_points(name, votes, country):
    from builder.extraction.mentions.places import _sounding
    from tests.handbuilt import parsed_doc

    k = load_knowledge(None, True, None)
    doc = parsed_doc([name])
    doc._.armedkg_country_votes.update(votes)
    assert {c.country for c in _sounding(doc, k, name)} == {country}


def test_a_name_spelt_like_a_town_abroad_is_no_town_when_nothing_points_there():
    from builder.extraction.mentions.places import _sounding
    from tests.handbuilt import parsed_doc

    k = load_knowledge(None, True, None)
    found = _sounding(parsed_doc(["Khewrah"]), k, "Khewrah")
    assert "PK" not in {c.country for c in found}


@pytest.mark.parametrize(
    "text",
    [
        # wire copy
        "M23 rebels attacked army positions in eastern Congo on Sunday, killing 12 soldiers, Kinshasa said.",
        # analysis
        "Rwanda's backing of M23 has turned the war in eastern Congo into a regional crisis, the brief argues.",
        # encyclopaedia prose
        "Goma, the capital of North Kivu, lies on the border between Congo and Rwanda.",
    ],
)
def test_a_shared_country_name_is_the_country_the_document_points_to(extract, text):
    """"Congo" names two countries: where the document points to the Democratic Republic of the
    Congo (its towns, its groups, its capital), it is that country; never a town of the name."""
    result = extract(text)
    congo = result.entities.get("country:CD")
    assert congo is not None and any(text[m.start : m.end] == "Congo" for m in congo.mentions)
    assert not any(e.label == "Congo" and k.startswith("place:") for k, e in result.entities.items())


def test_a_shared_country_name_without_a_pointer_is_no_town(extract):
    result = extract("Brazzaville, the capital of Congo, was calm on Sunday after a night of gunfire.")
    assert "country:CD" not in result.entities
    assert not any(e.label == "Congo" and k.startswith("place:") for k, e in result.entities.items())


def test_a_large_city_of_one_country_points_to_it():
    """"south of Makhachkala" points to Russia (so "Manas" is the Dagestani village, not the
    Kyrgyz town); a name the gazetteers hold once only because they lack its small namesakes
    points nowhere."""
    from builder.extraction.knowledge import load_knowledge
    from builder.extraction.mentions.votes import _city_country

    k = load_knowledge(None, True, None)
    assert _city_country(k, "Makhachkala") == "RU"
    assert _city_country(k, "Manas") is None  # Kyrgyzstan and Russia
    assert _city_country(k, "Liancourt") is None  # a small French town


def test_the_village_near_a_city_of_its_country_is_read_in_that_country(extract):
    r = extract("Gunmen opened fire on a traffic police post near Manas, south of Makhachkala, on Saturday, killing two officers.")
    places = {key: e for key, e in r.entities.items() if key.startswith("place:") and e.label == "Manas"}
    assert places and all(e.country == "RU" for e in places.values())


def test_the_islamic_states_sinai_province_is_an_actor_not_a_place(extract):
    r = extract("Islamic State's Sinai Province attacked an army checkpoint near Bir al-Abd on 27 August, killing five soldiers.")
    assert "actor:islamic-state-sinai" in r.entities
    assert not any(e.country == "MX" for key, e in r.entities.items() if key.startswith("place:"))
