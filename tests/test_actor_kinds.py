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
    # encyclopaedia prose: "Militiamen set fire to huts in the hamlet ."
    words = ["Militiamen", "set", "fire", "to", "huts", "in", "the", "hamlet", "."]
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



def _members(k, words, heads, deps, tags, person: tuple[int, int], role: str, focus="NG"):
    from builder.extraction.events.members import force_members
    from builder.extraction.state import add_entity
    from builder.records import Evidence

    doc, _ = parsed_sentence(words, heads, deps, tags, date(2022, 5, 1))
    doc._.armedkg_focus = focus
    a, b = person
    text = doc[a : b + 1].text
    ent = add_entity(doc, "person:d-member", "Person", text)
    ent.mentions.append(Evidence("d", doc.text, 0, doc[a].idx, doc[b].idx + len(doc[b]), text, "unnamed_individual", 0.5))
    event = Event(n=1, cls="Attack")
    getattr(event, role).append("person:d-member")
    force_members(doc, k, event)
    members = [(r.subject, r.object) for r in doc._.armedkg_relations if r.prop == "memberOf"]
    return event, members


def test_a_soldier_who_shoots_is_his_country_forces_acting(k):
    # wire copy: "A soldier shot a driver ."
    words = ["A", "soldier", "shot", "a", "driver", "."]
    event, members = _members(k, words, [1, 2, 2, 4, 2, 2], ["det", "nsubj", "ROOT", "det", "dobj", "punct"], ["DT", "NN", "VBD", "DT", "NN", "."], (0, 1), "perpetrators")
    assert event.perpetrators == ["actor:forces-ng", "person:d-member"]
    assert members == [("person:d-member", "actor:forces-ng")]


def test_an_off_duty_police_officer_shot_belongs_to_the_police(k):
    # encyclopaedia prose: "An off-duty police officer was stabbed ." (a member, not a side of his own)
    words = ["An", "off-duty", "police", "officer", "was", "stabbed", "."]
    heads = [3, 3, 3, 5, 5, 5, 5]
    deps = ["det", "amod", "compound", "nsubjpass", "auxpass", "ROOT", "punct"]
    tags = ["DT", "JJ", "NN", "NN", "VBD", "VBN", "."]
    event, members = _members(k, words, heads, deps, tags, (0, 3), "victims", focus="MX")
    assert members == [("person:d-member", "actor:forces-mx")]
    assert event.victims == ["person:d-member"] and event.targets == []


def test_a_nationality_names_whose_soldier_and_a_former_soldier_is_no_member(k):
    # analysis: "A Ukrainian soldier was wounded ." / "A former soldier was wounded ."
    tags = ["DT", "JJ", "NN", "VBD", "VBN", "."]
    heads, deps = [2, 2, 4, 4, 4, 4], ["det", "amod", "nsubjpass", "auxpass", "ROOT", "punct"]
    _, members = _members(k, ["A", "Ukrainian", "soldier", "was", "wounded", "."], heads, deps, tags, (0, 2), "victims", focus="RU")
    assert members == [("person:d-member", "actor:forces-ua")]
    _, members = _members(k, ["A", "former", "soldier", "was", "wounded", "."], heads, deps, tags, (0, 2), "victims")
    assert members == []


def _forces_named(k, words, tags, focus="MX"):
    from builder.extraction.mentions.generic import state_forces_in_focus

    doc, _ = parsed_sentence(words, list(range(len(words))), ["dep"] * len(words), tags)
    doc._.armedkg_focus = focus
    doc._.armedkg_text = doc.text
    state_forces_in_focus(doc, k)
    return [(m.key, m.text) for m in doc._.armedkg_mentions]


def test_a_force_word_with_the_people_or_units_it_is_made_of_names_the_forces(k):
    # wire copy: "Military personnel fired warning shots ."
    found = _forces_named(k, ["Military", "personnel", "fired", "warning", "shots", "."], ["JJ", "NNS", "VBD", "NN", "NNS", "."])
    assert found == [("actor:forces-mx", "Military personnel")]
    # encyclopaedia prose: "Two army columns entered the town ."
    found = _forces_named(k, ["Two", "army", "columns", "entered", "the", "town", "."], ["CD", "NN", "NNS", "VBD", "DT", "NN", "."], focus="MM")
    assert found == [("actor:forces-mm", "army columns")]


def test_former_military_officers_are_no_forces(k):
    # analysis: "Former military officers marched for their pensions ."
    found = _forces_named(k, ["Former", "military", "officers", "marched", "for", "their", "pensions", "."], ["JJ", "JJ", "NNS", "VBD", "IN", "PRP$", "NNS", "."])
    assert found == []


def test_a_force_word_before_a_thing_it_holds_names_the_force(k):
    # wire copy: "Rioters torched a police station ." / "Youths stoned police cars ."
    found = _forces_named(k, ["Rioters", "torched", "a", "police", "station", "."], ["NNS", "VBD", "DT", "NN", "NN", "."], focus="KE")
    assert found == [("actor:forces-ke", "police")]
    found = _forces_named(k, ["Youths", "stoned", "police", "cars", "."], ["NNS", "VBD", "NN", "NNS", "."], focus="KE")
    assert found == [("actor:forces-ke", "police")]
    # analysis: "the police chief resigned": a person's office, no mention of the force here
    found = _forces_named(k, ["The", "police", "chief", "resigned", "."], ["DT", "NN", "NN", "VBD", "."], focus="KE")
    assert found == []


def test_tyres_burned_on_a_road_hit_nobody(k):
    # wire copy: "Protesters burned tyres on the road ." (where, not whom; "opened fire on X" aims)
    words = ["Protesters", "burned", "tyres", "on", "the", "road", "."]
    heads = [1, 1, 1, 1, 5, 3, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"]
    tags = ["NNS", "VBD", "NNS", "IN", "DT", "NN", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 2), cls="MobViolence")
    assert event.targets == []
    words = ["Gunmen", "opened", "fire", "on", "a", "bus", "."]
    tags = ["NNS", "VBD", "NN", "IN", "DT", "NN", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 2))
    assert event.targets == ["actor:civilians-ng"]


def test_a_label_trigger_takes_the_patients_of_the_sentence_hostile_verb(k):
    # a coder's note: "Looting : Militants destroyed water pumps ." (the label gives no clause)
    words = ["Looting", ":", "Militants", "destroyed", "water", "pumps", "."]
    heads = [3, 0, 3, 3, 5, 3, 3]
    deps = ["dep", "punct", "nsubj", "ROOT", "compound", "dobj", "punct"]
    tags = ["NN", ":", "NNS", "VBD", "NN", "NNS", "."]
    _, event = _event(k, words, heads, deps, tags, (0, 0), cls="LootingPropertyDestruction")
    assert event.targets == ["actor:civilians-ng"]


def test_a_loose_trigger_noun_and_a_hostile_verb_on_soldiers_give_no_civilians(k):
    # wire copy: "A mob assaulted two soldiers ." (the verb's patients are armed)
    words = ["A", "mob", "assaulted", "two", "soldiers", "."]
    heads = [1, 1, 1, 4, 2, 1]
    deps = ["det", "ROOT", "acl", "nummod", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "CD", "NNS", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 1), cls="MobViolence")
    assert event.targets == []
    # encyclopaedia prose: "A mob assaulted a bus driver ."
    words = ["A", "mob", "assaulted", "a", "bus", "driver", "."]
    heads = [1, 1, 1, 5, 5, 2, 1]
    deps = ["det", "ROOT", "acl", "det", "compound", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "NN", "."]
    _, event = _event(k, words, heads, deps, tags, (1, 1), cls="MobViolence")
    assert event.targets == ["actor:civilians-ng"]


def _told(k, words, heads, deps, tags, cls):
    from builder.extraction.events.victims import told_civilians

    doc, sent = parsed_sentence(words, heads, deps, tags, date(2022, 5, 1))
    doc._.armedkg_focus = "UA"
    doc._.armedkg_frames = read_frames(doc, ClauseWords.from_lexicon(k.lex))
    event = Event(n=1, cls=cls)
    told_civilians(doc, k, sent, event)
    return event.targets


def test_a_toll_sentence_after_an_explosion_names_the_civilians_hit(k):
    passive = [2, 2, 2, 2], ["nsubjpass", "auxpass", "ROOT", "punct"]
    # wire copy: "Houses were damaged ." after a shelling
    assert _told(k, ["Houses", "were", "damaged", "."], *passive, ["NNS", "VBD", "VBN", "."], "ShellingArtilleryMissileAttack") == ["actor:civilians-ua"]
    # analysis: "Farmers were wounded ." after an attack
    assert _told(k, ["Farmers", "were", "wounded", "."], *passive, ["NNS", "VBD", "VBN", "."], "Attack") == ["actor:civilians-ua"]
    # encyclopaedia prose: "Soldiers were wounded ." (armed) and a battle's toll name no civilians
    assert _told(k, ["Soldiers", "were", "wounded", "."], *passive, ["NNS", "VBD", "VBN", "."], "ShellingArtilleryMissileAttack") == []
    assert _told(k, ["Houses", "were", "damaged", "."], *passive, ["NNS", "VBD", "VBN", "."], "ArmedClash") == []


@pytest.mark.parametrize(
    "words, tags, deps, heads, head, expected",
    [
        # wire copy: "An armed group attacked traders ."
        (["An", "armed", "group", "attacked", "traders", "."], ["DT", "JJ", "NN", "VBD", "NNS", "."], ["det", "amod", "nsubj", "ROOT", "dobj", "punct"], [2, 2, 3, 3, 3, 3], 2, "actor:unidentified-armed-group"),
        # encyclopaedia prose: "Unknown armed men raided the farm ."
        (["Unknown", "armed", "men", "raided", "the", "farm", "."], ["JJ", "JJ", "NNS", "VBD", "DT", "NN", "."], ["amod", "amod", "nsubj", "ROOT", "det", "dobj", "punct"], [2, 2, 3, 3, 5, 3, 3], 2, "actor:unidentified-armed-group"),
        # analysis: "No group claimed the blast ." names nobody
        (["No", "group", "claimed", "the", "blast", "."], ["DT", "NN", "VBD", "DT", "NN", "."], ["det", "nsubj", "ROOT", "det", "dobj", "punct"], [1, 2, 2, 4, 2, 2], 1, None),
    ],
)
def test_an_armed_group_nobody_names_is_the_unidentified_one(k, words, tags, deps, heads, head, expected):
    from builder.extraction.events.roles import np_actor

    doc, sent = parsed_sentence(words, heads, deps, tags, date(2022, 5, 1))
    doc._.armedkg_focus = "NG"
    assert np_actor(doc, k, doc[head], sent) == expected


def test_the_armed_group_refers_back_and_is_no_unidentified_one(k):
    from builder.extraction.events.roles import np_actor

    words = ["The", "armed", "group", "killed", "12", "people", "."]
    doc, sent = parsed_sentence(words, [2, 2, 3, 3, 5, 3, 3], ["det", "amod", "nsubj", "ROOT", "nummod", "dobj", "punct"], ["DT", "JJ", "NN", "VBD", "CD", "NNS", "."], date(2022, 5, 1))
    doc._.armedkg_focus = "NG"
    assert np_actor(doc, k, doc[2], sent) != "actor:unidentified-armed-group"


@pytest.mark.parametrize(
    "words, tags, deps, heads, head, expected",
    [
        # wire copy: "Troops fired at Azerbaijani positions ."
        (["Troops", "fired", "at", "Azerbaijani", "positions", "."], ["NNS", "VBD", "IN", "NNP", "NNS", "."], ["nsubj", "ROOT", "prep", "compound", "pobj", "punct"], [1, 1, 1, 4, 2, 1], 3, "actor:forces-az"),
        # analysis: "Rebels overran a Malian outpost ."
        (["Rebels", "overran", "a", "Malian", "outpost", "."], ["NNS", "VBD", "DT", "JJ", "NN", "."], ["nsubj", "ROOT", "det", "amod", "dobj", "punct"], [1, 1, 4, 4, 1, 1], 3, "actor:forces-ml"),
    ],
)
def test_a_nationality_before_a_thing_a_force_holds_names_the_state_forces(k, words, tags, deps, heads, head, expected):
    from builder.extraction.events.roles import np_actor

    doc, sent = parsed_sentence(words, heads, deps, tags, date(2022, 5, 1))
    assert np_actor(doc, k, doc[head], sent) == expected


def test_a_crowd_doing_the_harm_of_a_loose_trigger_noun_riots(k):
    # wire copy: "A mob beat an alleged abductor ." (the trigger noun heads no clause; the verb's doer is a crowd)
    words = ["A", "mob", "beat", "an", "alleged", "abductor", "."]
    heads, deps = [1, 2, 2, 5, 5, 2, 2], ["det", "nsubj", "ROOT", "det", "amod", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "DT", "JJ", "NN", "."]
    assert _crowd(k, words, heads, deps, tags, 5, cls="AbductionForcedDisappearance").cls == "MobViolence"
    # analysis: "Soldiers beat an alleged abductor ." (a force is no crowd)
    words = ["Soldiers", "beat", "an", "alleged", "abductor", "."]
    heads, deps = [1, 1, 4, 4, 1, 1], ["nsubj", "ROOT", "det", "amod", "dobj", "punct"]
    tags = ["NNS", "VBD", "DT", "JJ", "NN", "."]
    assert _crowd(k, words, heads, deps, tags, 4, cls="AbductionForcedDisappearance").cls == "AbductionForcedDisappearance"
