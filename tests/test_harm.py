"""Violent acts told by what a verb does to its object (builder.extraction.events.harm), and a
strike of work that is no strike from the air (builder.extraction.events.triggers).
Hand-built parsed sentences written for these tests (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.events.harm import harm_clause
from builder.extraction.events.triggers import trigger
from builder.extraction.frames import ClauseWords, read_frames
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _harm(k, words, heads, deps, tags):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    doc._.armedkg_frames = read_frames(doc, ClauseWords.from_lexicon(k.lex))
    found = harm_clause(doc, k, sent)
    return (found[0], found[2].group(0)) if found else None


def test_a_verb_of_bodily_harm_on_anyone_is_an_attack(k):
    # wire copy: "Villagers beat a suspected thief to death ."
    words = ["Villagers", "beat", "a", "suspected", "thief", "to", "death", "."]
    assert _harm(k, words, [1, 1, 4, 4, 1, 1, 5, 1], ["nsubj", "ROOT", "det", "amod", "dobj", "prep", "pobj", "punct"], ["NNS", "VBD", "DT", "JJ", "NN", "IN", "NN", "."]) == ("Attack", "beat")
    # encyclopaedia: "Attackers hacked eight farmers with machetes ."
    words = ["Attackers", "hacked", "eight", "farmers", "with", "machetes", "."]
    assert _harm(k, words, [1, 1, 3, 1, 1, 4, 1], ["nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "punct"], ["NNS", "VBD", "CD", "NNS", "IN", "NNS", "."]) == ("Attack", "hacked")


def test_any_verb_with_the_result_death_is_a_killing(k):
    # analysis: "Two women were stoned to death ." (passive: the subject is acted on)
    words = ["Two", "women", "were", "stoned", "to", "death", "."]
    assert _harm(k, words, [1, 3, 3, 3, 3, 4, 3], ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"], ["CD", "NNS", "VBD", "VBN", "IN", "NN", "."]) == ("Attack", "stoned")


def test_destruction_of_property_and_not_of_anything_else(k):
    # wire copy: "Gunmen burned down three houses ."
    words = ["Gunmen", "burned", "down", "three", "houses", "."]
    assert _harm(k, words, [1, 1, 1, 4, 1, 1], ["nsubj", "ROOT", "prt", "nummod", "dobj", "punct"], ["NNS", "VBD", "RP", "CD", "NNS", "."]) == ("LootingPropertyDestruction", "burned")
    # "Protesters burned an effigy ." : no property in the sense of the codebook
    words = ["Protesters", "burned", "an", "effigy", "."]
    assert _harm(k, words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"], ["NNS", "VBD", "DT", "NN", "."]) is None


def test_damage_is_destruction_only_when_people_or_an_actor_do_it(k):
    # wire: "Residents damaged two police vehicles during the protest."
    words = ['Residents', 'damaged', 'two', 'police', 'vehicles', 'during', 'the', 'protest', '.']
    assert _harm(k, words, [1, 1, 4, 4, 1, 1, 7, 5, 1], ['nsubj', 'ROOT', 'nummod', 'compound', 'dobj', 'prep', 'det', 'pobj', 'punct'], ['NNS', 'VBD', 'CD', 'NN', 'NNS', 'IN', 'DT', 'NN', '.']) == ("LootingPropertyDestruction", "damaged")
    # feature: "Militiamen damaged three houses in the village on Friday."
    words = ['Militiamen', 'damaged', 'three', 'houses', 'in', 'the', 'village', 'on', 'Friday', '.']
    assert _harm(k, words, [1, 1, 3, 1, 1, 6, 4, 1, 7, 1], ['nsubj', 'ROOT', 'nummod', 'dobj', 'prep', 'det', 'pobj', 'prep', 'pobj', 'punct'], ['NNP', 'VBD', 'CD', 'NNS', 'IN', 'DT', 'NN', 'IN', 'NNP', '.']) == ("LootingPropertyDestruction", "damaged")
    # analysis: "Floods damaged three houses in the valley." (no one did it)
    words = ['Floods', 'damaged', 'three', 'houses', 'in', 'the', 'valley', '.']
    assert _harm(k, words, [1, 1, 3, 1, 1, 6, 4, 1], ['nsubj', 'ROOT', 'nummod', 'dobj', 'prep', 'det', 'pobj', 'punct'], ['NNS', 'VBD', 'CD', 'NNS', 'IN', 'DT', 'NN', '.']) is None


def test_a_denied_or_threatened_harm_is_no_act(k):
    # "The army did not beat the detainees ."
    words = ["The", "army", "did", "not", "beat", "the", "detainees", "."]
    assert _harm(k, words, [1, 4, 4, 4, 4, 6, 4, 4], ["det", "nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"], ["DT", "NN", "VBD", "RB", "VB", "DT", "NNS", "."]) is None
    # "The militia threatened to burn the village ."
    words = ["The", "militia", "threatened", "to", "burn", "the", "village", "."]
    assert _harm(k, words, [1, 2, 2, 4, 2, 6, 4, 2], ["det", "nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "punct"], ["DT", "NN", "VBD", "TO", "VB", "DT", "NN", "."]) is None


@pytest.mark.parametrize(
    "text",
    [
        "Teachers went on strike over unpaid salaries.",  # local news
        "The unions called a general strike for Monday.",  # wire copy
        "Strikers marched to the ministry of labour.",  # analysis
    ],
)
def test_a_strike_of_work_is_no_strike_from_the_air(k, text):
    found = trigger(k, text)
    assert found is None or found[0] not in ("ShellingArtilleryMissileAttack", "AirDroneStrike")


def test_a_strike_from_the_air_still_is(k):
    assert trigger(k, "A drone strike hit a car near the border.")[0] == "AirDroneStrike"


@pytest.mark.parametrize("text", [
    "Monitors recorded 40 projectiles fired towards the village overnight.",  # wire copy
    "During the winter the front saw hundreds of projectiles a day fall on both sides of the line.",  # encyclopaedia
    "The mission counted several artillery projectiles near the pumping station, a sign of renewed escalation.",  # analysis
])
def test_counted_projectiles_are_fire_from_afar(k, text):
    assert trigger(k, text)[0] == "ShellingArtilleryMissileAttack"


def test_projectiles_thrown_by_hand_are_no_shelling(k):
    found = trigger(k, "Youths threw projectiles at the police.")  # a riot, read by its own words
    assert found is None or found[0] != "ShellingArtilleryMissileAttack"


@pytest.mark.parametrize("text,cls", [
    ("The government and the rebels signed a peace deal in the capital on Sunday.", "Agreement"),  # wire copy
    ("The two factions concluded a power-sharing pact in 2004.", "Agreement"),  # encyclopaedia
    ("Unknown men set a bus on fire outside the depot.", "LootingPropertyDestruction"),  # wire copy
    ("Militiamen reportedly set several granaries ablaze, a tactic meant to starve the valley.", "LootingPropertyDestruction"),  # analysis
])
def test_agreements_and_property_set_on_fire(k, text, cls):
    assert trigger(k, text)[0] == cls


@pytest.mark.parametrize("text", [
    "Fishermen stopped work at the port over the price of fuel.",
    "Dock workers downed tools for a week in 1978.",
])
def test_work_stopped_is_a_strike_of_work(k, text):
    assert k.rx("labour_strike").search(text) and k.rx("protest").search(text)


def test_setting_oneself_on_fire_is_a_protest_not_a_riot(k):
    text = "A vendor set himself on fire in front of the governor's office."
    assert k.rx("protest").search(text) and not k.rx("riot").search(text)
    assert trigger(k, text) is None or trigger(k, text)[0] != "LootingPropertyDestruction"


@pytest.mark.parametrize("text,cls", [
    ("Police took into custody three suspected smugglers on Monday.", "Arrests"),  # wire copy
    ("Security forces apprehended the cell's leader in 2011.", "Arrests"),  # encyclopaedia
    ("Soldiers discovered an arms cache near the border, a sign the group is rearming.", "DisruptedWeaponsUse"),  # analysis
    ("A trader was seriously wounded by armed men.", "Attack"),
    ("Herders invaded a farming community, leaving five dead.", "Attack"),
])
def test_arrests_seizures_and_acts_told_by_their_result(k, text, cls):
    assert trigger(k, text)[0] == cls


def test_killed_and_injured_keeps_the_killing_as_the_trigger_word(k):
    assert trigger(k, "Civilians were killed and injured.")[2].group(0) == "killed"


@pytest.mark.parametrize("text,cls", [
    ("Government troops counterattacked near the river crossing on Friday.", "ArmedClash"),  # wire copy
    ("The army neutralised some forty insurgents during the 2019 campaign.", "ArmedClash"),  # encyclopaedia
    ("A decapitated body was found near the highway, a hallmark of the cartel's methods.", "Attack"),  # analysis
    ("Rebel forces targeted a residential area on Sunday.", "Attack"),
])
def test_counterattacks_neutralisations_and_bodies_found(k, text, cls):
    assert trigger(k, text)[0] == cls


@pytest.mark.parametrize("text,cls", [
    ("Russian forces hit the port city overnight.", "Attack"),  # wire copy
    ("Government artillery hit the rebel-held suburbs throughout 1993.", "ShellingArtilleryMissileAttack"),  # encyclopaedia: artillery names the weapon
    ("A reconnaissance drone was downed near the front, the third this week.", "DisruptedWeaponsUse"),  # analysis
    ("Air defences downed a cruise missile over the capital.", "DisruptedWeaponsUse"),
])
def test_forces_that_hit_and_weapons_downed(k, text, cls):
    from builder.extraction.events.sentence import _refine

    found = trigger(k, text)
    assert _refine(k, text, found[0], found[2])[0] == cls


@pytest.mark.parametrize("text,masked", [
    # wire copy, encyclopaedia, analysis: a fight by a group whose name says "liberation"
    ("The West Papua National Liberation Army ambushed an army patrol.", "The ____ _____ ________ __________ ____ ambushed an army patrol."),
    ("In 1998 the Kosovo Liberation Army clashed with Serbian police.", "In 1998 the ______ __________ ____ clashed with Serbian police."),
    ("Fighting between the Oromo Liberation Army and federal troops continued.", "Fighting between the _____ __________ ____ and federal troops continued."),
])
def test_a_change_of_hands_is_not_read_inside_a_name(k, text, masked):
    from builder.extraction.events.sentence import _refine

    found = trigger(k, masked)
    assert found[0] == "ArmedClash"
    assert _refine(k, text, found[0], found[2], masked)[0] == "ArmedClash"
    assert _refine(k, "Troops clashed with rebels and regained control of the town.", "ArmedClash", None)[0] == "GovernmentRegainsTerritory"


def test_prices_that_hit_a_record_are_no_attack(k):
    assert trigger(k, "Fuel prices hit a record on Monday.") is None


@pytest.mark.parametrize("text,cls", [
    ("A bomb on a minibus in Mazar-i-Sharif killed nine passengers on 19 May.", "RemoteExplosiveLandmineIED"),  # brief
    ("A bomb hidden in a drainage pipe killed a ranger.", "RemoteExplosiveLandmineIED"),  # feature
    ("A bomb under a parked car killed a police officer in Quetta.", "RemoteExplosiveLandmineIED"),  # wire
    ("A drone dropped a bomb on a house in Kherson, killing two.", "AirDroneStrike"),  # dropped from the air: no planted bomb
])
def test_a_bomb_placed_somewhere_is_an_explosive_device(k, text, cls):
    from builder.extraction.events.sentence import _refine

    found = trigger(k, text)
    assert _refine(k, text, found[0], found[2])[0] == cls
