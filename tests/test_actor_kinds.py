"""Kinds of actors read from general constructions of English (builder.extraction.events.roles,
.victims): a country's army, police and gendarmerie named without a nationality are its state
forces; the people or property a violent act is done to, where nobody armed is named, are the
civilians of the country. Hand-built parsed sentences written for these tests (no model)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extraction.events.roles import own_state_force
from builder.extraction.events.victims import civilian_patients
from builder.extraction.frames import ClauseWords, read_frames
from builder.extraction.knowledge import load_knowledge
from builder.records import Event
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "phrase, own",
    [
        ("military soldiers", True),  # wire copy
        ("the police", True),
        ("gendarmerie forces", True),
        ("a national guard soldier", True),
        ("border guards", True),
        ("rebel soldiers", False),  # a group's soldiers, not the state's
        ("local defense forces", False),
        ("former soldiers", False),
        ("forces", False),  # whose forces the word alone does not say
        ("militants", False),
    ],
)
def test_a_force_named_without_a_nationality_is_the_state_own_only_by_its_words(k, phrase, own):
    assert own_state_force(k, phrase) is own


def _event(k, words, heads, deps, tags, trigger: tuple[int, int], cls="Attack", mentions=(), focus="NG"):
    doc, sent = parsed_sentence(words, heads, deps, tags, date(2022, 5, 1), None, mentions)
    doc._.armedkg_focus = focus
    doc._.armedkg_frames = read_frames(doc, ClauseWords.from_lexicon(k.lex))
    event = Event(n=1, cls=cls)
    a, b = trigger
    civilian_patients(doc, k, sent, event, (doc[a].idx, doc[b].idx + len(doc[b])))
    return doc, event


def test_the_person_shot_and_killed_is_a_civilian(k):
    # wire copy: "Gunmen shot and killed a bakery owner in Kano ."
    words = ["Gunmen", "shot", "and", "killed", "a", "bakery", "owner", "in", "Kano", "."]
    heads = [1, 1, 1, 1, 6, 6, 3, 3, 7, 1]
    deps = ["nsubj", "ROOT", "cc", "conj", "det", "compound", "dobj", "prep", "pobj", "punct"]
    tags = ["NNS", "VBD", "CC", "VBD", "DT", "NN", "NN", "IN", "NNP", "."]
    doc, event = _event(k, words, heads, deps, tags, (1, 3), mentions=[("place", "place:kano", 8, 8)])
    assert event.targets == ["actor:civilians-ng"]
    assert doc._.armedkg_entities["actor:civilians-ng"].label == "Civilians (Nigeria)"


def test_the_houses_set_on_fire_are_civilians_property(k):
    # encyclopaedia prose: "Militiamen set fire to houses in the village ."
    words = ["Militiamen", "set", "fire", "to", "houses", "in", "the", "village", "."]
    heads = [1, 1, 1, 1, 3, 1, 7, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "det", "pobj", "punct"]
    tags = ["NNS", "VBD", "NN", "IN", "NNS", "IN", "DT", "NN", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 3), cls="LootingPropertyDestruction")
    assert event.targets == ["actor:civilians-ng"]


def test_houses_torched_at_a_named_place_are_civilians_property(k):
    # wire copy: "Raiders torched ten houses at Kano market ." (the place hit is where, not whom)
    words = ["Raiders", "torched", "ten", "houses", "at", "Kano", "market", "."]
    heads = [1, 1, 3, 1, 1, 6, 4, 1]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", "compound", "pobj", "punct"]
    tags = ["NNS", "VBD", "CD", "NNS", "IN", "NNP", "NN", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 1), cls="LootingPropertyDestruction", mentions=[("place", "place:kano", 5, 5)])
    assert event.targets == ["actor:civilians-ng"]


def test_a_farm_shelled_beside_an_army_post_is_no_civilian_target(k):
    # analysis: "Rebels shelled a farm and an army post ." (something armed was hit beside it)
    words = ["Rebels", "shelled", "a", "farm", "and", "an", "army", "post", "."]
    heads = [1, 1, 3, 1, 3, 7, 7, 3, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "cc", "det", "compound", "conj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "CC", "DT", "NN", "NN", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 1), cls="ShellingArtilleryMissileAttack")
    assert event.targets == []


def test_a_shop_looted_in_the_morning_is_civilians_property(k):
    # encyclopaedia prose: "Bandits looted a shop on Monday ." (a time is no patient)
    words = ["Bandits", "looted", "a", "shop", "on", "Monday", "."]
    heads = [1, 1, 3, 1, 1, 4, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "IN", "NNP", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 1), cls="LootingPropertyDestruction")
    assert event.targets == ["actor:civilians-ng"]


def test_an_army_checkpoint_fired_at_is_no_civilian_target(k):
    # analysis: "Unknown gunmen opened fire at an army checkpoint ."
    words = ["Unknown", "gunmen", "opened", "fire", "at", "an", "army", "checkpoint", "."]
    heads = [1, 2, 2, 2, 2, 7, 7, 4, 2]
    deps = ["amod", "nsubj", "ROOT", "dobj", "prep", "det", "compound", "pobj", "punct"]
    tags = ["JJ", "NNS", "VBD", "NN", "IN", "DT", "NN", "NN", "."]
    _, event = _event(k, words, heads, deps, tags, (2, 3), cls="ArmedClash")
    assert event.targets == []


def test_soldiers_abducted_and_a_pronoun_are_no_civilians(k):
    # wire copy: "Insurgents abducted two soldiers ." / "Insurgents abducted them ."
    words = ["Insurgents", "abducted", "two", "soldiers", "."]
    _, event = _event(k, words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "nummod", "dobj", "punct"], ["NNS", "VBD", "CD", "NNS", "."], (1, 1), cls="AbductionForcedDisappearance")
    assert event.targets == []
    words = ["Insurgents", "abducted", "them", "."]
    _, event = _event(k, words, [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"], ["NNS", "VBD", "PRP", "."], (1, 1), cls="AbductionForcedDisappearance")
    assert event.targets == []


def test_a_gathering_acts_on_no_civilians(k):
    # "Villagers gathered at the market ." (a protest): no violent act, no civilians hit
    words = ["Villagers", "gathered", "at", "the", "market", "."]
    heads = [1, 1, 1, 4, 2, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 1), cls="PeacefulProtest")
    assert event.targets == []


def _crowd(k, words, heads, deps, tags, trigger: int, cls="ArmedClash", mentions=()):
    from builder.extraction.events.crowds import crowd_violence

    doc, sent = parsed_sentence(words, heads, deps, tags, date(2022, 5, 1), None, mentions)
    doc._.armedkg_focus = "IN"
    doc._.armedkg_frames = read_frames(doc, ClauseWords.from_lexicon(k.lex))
    event = Event(n=1, cls=cls)
    tok = doc[trigger]
    crowd_violence(doc, k, sent, event, (tok.idx, tok.idx + len(tok)))
    return event


def test_a_mob_that_beats_a_man_riots(k):
    # wire copy: "A mob beat a suspected thief ."
    words = ["A", "mob", "beat", "a", "suspected", "thief", "."]
    event = _crowd(k, words, [1, 2, 2, 5, 5, 2, 2], ["det", "nsubj", "ROOT", "det", "amod", "dobj", "punct"], ["DT", "NN", "VBD", "DT", "JJ", "NN", "."], 2, cls="Attack")
    assert event.cls == "MobViolence"


def test_party_members_who_clash_riot_and_soldiers_who_clash_with_militants_fight(k):
    # analysis: "Members of two rival parties clashed ."
    words = ["Members", "of", "two", "rival", "parties", "clashed", "."]
    event = _crowd(k, words, [5, 0, 4, 4, 1, 5, 5], ["nsubj", "prep", "nummod", "amod", "pobj", "ROOT", "punct"], ["NNS", "IN", "CD", "JJ", "NNS", "VBD", "."], 5)
    assert event.cls == "MobViolence"
    # wire copy: "Soldiers clashed with militants ."
    words = ["Soldiers", "clashed", "with", "militants", "."]
    event = _crowd(k, words, [1, 1, 1, 2, 1], ["nsubj", "ROOT", "prep", "pobj", "punct"], ["NNS", "VBD", "IN", "NNS", "."], 1)
    assert event.cls == "ArmedClash"


def test_residents_who_clash_with_the_police_at_a_demonstration_riot(k):
    # encyclopaedia prose: "Residents clashed with the police during a demonstration ."
    words = ["Residents", "clashed", "with", "the", "police", "during", "a", "demonstration", "."]
    heads = [1, 1, 1, 4, 2, 1, 7, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NN", "IN", "DT", "NN", "."]
    assert _crowd(k, words, heads, deps, tags, 1).cls == "ViolentDemonstration"


def test_gunmen_who_attack_villagers_are_no_crowd(k):
    # "Armed men attacked villagers ."
    words = ["Armed", "men", "attacked", "villagers", "."]
    event = _crowd(k, words, [1, 2, 2, 2, 2], ["amod", "nsubj", "ROOT", "dobj", "punct"], ["JJ", "NNS", "VBD", "NNS", "."], 2, cls="Attack")
    assert event.cls == "Attack"

