"""Names of the model's organisations. A nationality and a force noun are that state's forces,
also when written as a name ("the Ukrainian Armed Forces", "the Azerbaijani Army") or when two
nationalities share the noun ("the Armenian and Azerbaijani forces"); a longer name that holds
them ("Free Syrian Army") is not. A name in capitals is no town known by that airport code.
End-to-end with the model. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _forces(result):
    return {e.country for e in result.entities.values() if e.cls == "StateForce"}


@pytest.mark.parametrize(
    "text, countries",
    [
        # wire copy
        ("Kenyan Army units repulsed an assault on a camp near Mandera on Tuesday, officials said.", {"KE"}),
        # encyclopaedia prose
        ("In 2016 the Turkish Gendarmerie took over the border posts along the river.", {"TR"}),
        # analysis
        ("Skirmishes between the Indian and Pakistani troops have grown rarer since the ceasefire.", {"IN", "PK"}),
    ],
)
def test_nationality_force_names(extract, text, countries):
    assert countries <= _forces(extract(text))


def test_a_longer_name_is_not_the_state(extract):
    result = extract("The Free Syrian Army ambushed a patrol near Azaz on Monday.")
    assert "SY" not in _forces(result)


@pytest.mark.parametrize(
    "text, name",
    [
        # wire copy
        ("Hundreds of BJP workers blocked a highway near Patna on Sunday to oppose a fare rise.", "BJP"),
        # encyclopaedia prose
        ("Founded in 1984, the MST campaigns for land reform and has occupied idle estates across Brazil.", "MST"),
        # analysis
        ("Support for the PSL has grown among younger voters in the Midwest, the survey suggests.", "PSL"),
    ],
)
def test_a_name_in_capitals_is_no_airport_code(extract, text, name):
    """GeoNames keeps airport codes among towns' names (BJP, MST, PSL); an organisation written
    in capitals is not read as such a town."""
    result = extract(text)
    assert name in {e.label for e in result.entities.values() if e.cls == "Organisation"}
    assert not any(e.key.startswith("place:") and name in (e.label, *e.aliases) for e in result.entities.values())


@pytest.mark.parametrize(
    "text",
    [
        # wire copy, encyclopaedia prose, analysis: a gazetteer's one-word name inside a longer one
        "Supporters of the Citizens Coalition for Change fought with stones in Bulawayo yesterday.",
        "The National Coalition for Reform was founded in Lusaka in 2019 by three opposition parties.",
        "Members of the Farmers Coalition of Kenya say the land law has emboldened the police in Nakuru.",
    ],
)
def test_a_word_of_a_longer_name_is_not_the_gazetteer_actor_it_spells(extract, text):
    result = extract(text)
    assert "actor:us-led-coalition" not in result.entities
    assert result.focus_country != "US"


@pytest.mark.parametrize(
    "text, actor, parent",
    [
        # wire copy: the Urdu izafe written "-e-" as often as "-i-"
        ("Pakistani troops killed six fighters of Tehrik-e-Taliban Pakistan in North Waziristan on Sunday, the army said.", "actor:ttp", None),
        # encyclopaedia prose: the Islamic State's Somali province by its short name
        ("Islamic State Somalia was founded in 2015 by defectors from al-Shabaab in the Cal Miskaad mountains of Puntland.", "actor:islamic-state-somalia", "actor:islamic-state"),
        # analysis
        ("Airstrikes have weakened ISIS-Somalia, though its financial role for the wider network persists.", "actor:islamic-state-somalia", "actor:islamic-state"),
    ],
)
def test_transliterated_and_provincial_names(extract, text, actor, parent):
    result = extract(text)
    assert actor in result.entities
    if parent:
        assert any(r.subject == actor and r.object == parent and r.prop.endswith("partOf") for r in result.relations)


@pytest.mark.parametrize(
    "text, part, whole",
    [
        # wire copy: Hamas's armed wing is a part of Hamas, not another name of it
        ("GAZA, May 2 - The Qassam Brigades said their fighters had shelled an Israeli position east of Khan Younis.", "actor:qassam-brigades", "actor:hamas"),
        # encyclopaedia prose: the Africa Corps is the Russian defence ministry's formation, not a name of Wagner
        ("In 2024 the Africa Corps replaced the Wagner Group as Russia's main military presence in Mali.", "actor:africa-corps", "actor:forces-ru"),
    ],
)
def test_armed_wings_and_successors_are_their_own_actors(extract, text, part, whole):
    result = extract(text)
    assert part in result.entities
    assert any(r.subject == part and r.object == whole and r.prop.endswith("partOf") for r in result.relations)


@pytest.mark.parametrize(
    "text",
    [
        # wire copy about Kenya: the Somali group's own name, outside Somalia
        "NAIROBI, June 3 (Reuters) - Al-Shabaab claimed responsibility for a roadside bomb that killed four police officers in Lamu county on Monday.",
        # encyclopaedia prose with no country in focus
        "Al-Shabaab emerged from the youth wing of the Islamic Courts Union in 2006.",
        # analysis about Yemen
        "Since 2024, Al-Shabaab appears to have deepened its logistical cooperation with the Houthis in Yemen, UN monitors say.",
    ],
)
def test_a_name_shared_with_a_province_of_mozambique_is_the_somali_group_elsewhere(extract, text):
    assert "actor:al-shabaab" in extract(text).entities


@pytest.mark.parametrize(
    "text, forces",
    [
        # wire copy about North Kivu: "Congolese" is the DR Congo's
        ("GOMA, Congo, Feb 4 (Reuters) - M23 rebels clashed with Congolese troops near Sake in North Kivu on Tuesday, residents said.", True),
        # encyclopaedia prose about Ituri
        ("In 2021 Ugandan and Congolese soldiers launched joint operations against ADF camps in Ituri province.", True),
        # analysis naming neither Congo: the nationality two countries share is nobody's
        ("Congolese army units have rarely held ground for long without foreign support, analysts note.", False),
    ],
)
def test_a_nationality_two_countries_share_is_that_of_the_country_in_focus(extract, text, forces):
    result = extract(text)
    assert ("actor:forces-cd" in result.entities) is forces
    assert "actor:forces-cg" not in result.entities


@pytest.mark.parametrize(
    "text, actor, parent",
    [
        # wire copy from North Kivu
        ("GOMA, Congo, Jan 12 (Reuters) - FDLR and Wazalendo fighters attacked M23 positions near Sake on Sunday, residents said.", "actor:fdlr", None),
        # encyclopaedia prose: a katiba of JNIM
        ("Katiba Macina, led by the preacher Amadou Koufa, has operated in central Mali since 2015.", "actor:katiba-macina", "actor:jnim"),
        # analysis: a brigade of the Somali army
        ("The Danab brigade remains the most capable unit Mogadishu can field against al-Shabaab.", "actor:danab", "actor:forces-so"),
    ],
)
def test_armed_groups_of_the_wars_the_gazetteer_covers(extract, text, actor, parent):
    result = extract(text)
    assert actor in result.entities
    if parent:
        assert any(r.subject == actor and r.object == parent and r.prop.endswith("partOf") for r in result.relations)
