"""Events of one document that tell the same act are merged; claims go to the event they name
(hand-built events, no model)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extraction import extensions
from builder.extraction import terms as T
from builder.extraction.events.coreference import merge_coreferent
from builder.extraction.knowledge import load_knowledge
from builder.records import Claim, Document, Entity, Event, Evidence
from tests.handbuilt import blank, parsed_doc

SUNDAY = date(2022, 8, 7)


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _ev(sentence: str, word: str, rule: str = "event_trigger:Attack", start: int = 0) -> Evidence:
    at = sentence.index(word)
    return Evidence("d", sentence, start, start + at, start + at + len(word), word, rule, 0.7)


def _doc(events: list[Event], places: dict[str, tuple[float, float]]):
    extensions.register()
    doc = blank().make_doc("x")
    doc._.armedkg_document = Document(id="d", text="x")
    extensions.reset(doc)
    for name, (lat, lon) in places.items():
        key = f"place:{name.lower()}"
        doc._.armedkg_entities[key] = Entity(key, T.POPULATED_PLACE, name, lat=lat, lon=lon, country="MZ")
    doc._.armedkg_events = events
    return doc


def test_a_later_toll_of_the_raid_is_the_same_event_with_the_highest_toll(k):
    raid = Event(1, T.ATTACK, [_ev("Gunmen raided the village of Olumbe on Sunday, killing four people.", "raided")], SUNDAY, 1, "place:olumbe", fatalities=4)
    toll = Event(2, T.ATTACK, [_ev("By Monday evening the death toll from the raid had risen to six.", "raid", start=200)], fatalities=6, paragraph=2)
    doc = _doc([raid, toll], {"Olumbe": (-10.72, 40.45)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1
    merged = doc._.armedkg_events[0]
    assert merged.fatalities == 6 and merged.date == SUNDAY and len(merged.evidence) == 2


def test_an_event_dated_after_the_raid_is_another_event(k):
    raid = Event(1, T.ATTACK, [_ev("Gunmen raided the village of Olumbe on Sunday.", "raided")], SUNDAY, 1, "place:olumbe")
    clash = Event(2, T.ARMED_CLASH, [_ev("Troops clashed with the insurgents near Quionga the day after the raid.", "clashed", start=300)], date(2022, 8, 8), 1, "place:quionga")
    doc = _doc([raid, clash], {"Olumbe": (-10.72, 40.45), "Quionga": (-10.58, 40.53)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


def test_the_same_words_for_an_attack_far_away_are_another_event(k):
    first = Event(1, T.ATTACK, [_ev("Gunmen attacked Olumbe on Sunday.", "attacked")], SUNDAY, 1, "place:olumbe")
    second = Event(2, T.ATTACK, [_ev("The attack on Montepuez was the second that day.", "attack", start=100)], SUNDAY, 1, "place:montepuez")
    doc = _doc([first, second], {"Olumbe": (-10.72, 40.45), "Montepuez": (-13.12, 39.00)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


def test_a_claim_goes_to_the_event_its_object_names(k):
    massacre = Event(1, T.ATTACK, [_ev("Rebels killed fourteen villagers in Kisima on Tuesday.", "killed")], date(2023, 6, 13), 1, "place:kisima")
    sentence = "The group claimed the killings in Kisima, a pattern it has followed near Beni."
    claim = Claim("actor:islamic-state", _ev(sentence, "claimed", "claim_of_responsibility", start=500))
    raid = Event(2, T.ARMED_CLASH, [_ev("Troops attacked a rebel camp near Beni on Thursday.", "attacked", start=400), _ev(sentence, "claimed", start=500)], date(2023, 6, 15), 1, "place:beni", perpetrators=["actor:islamic-state"], claims=[claim])
    doc = _doc([massacre, raid], {"Kisima": (0.70, 29.50), "Beni": (0.49, 29.47)})
    merge_coreferent(doc, k)
    events = doc._.armedkg_events
    assert [c.claimant for c in events[0].claims] == ["actor:islamic-state"]
    assert events[1].claims == [] and "actor:islamic-state" not in events[1].perpetrators


def test_fighting_around_a_town_and_fighting_north_of_it_the_same_days_are_one_event(k):
    # a summary bullet names the town; the section says "north of" it (until finalised, only ``near``)
    week = date(2022, 2, 15)
    bullet = Event(1, T.ARMED_CLASH, [_ev("Fighting between the two groups around Menaka continued through mid-February.", "Fighting")], week, 2, "place:menaka")
    section = Event(2, T.ARMED_CLASH, [_ev("Between 14 and 16 February, fighters of both groups fought for villages north of Menaka.", "fought", start=400)], week, 2, None, near="place:menaka", paragraph=3)
    doc = _doc([bullet, section], {"Menaka": (15.92, 2.40)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1 and len(doc._.armedkg_events[0].evidence) == 2


def test_the_clashes_are_the_fighting_told_last_not_the_last_event_first_told(k):
    # three events in a summary, then a section on the first: "The clashes ..." is about that one
    fighting = Event(1, T.ARMED_CLASH, [_ev("Fighting broke out between two brigades in the capital on 14 August.", "Fighting")], date(2023, 8, 14), 1, "place:tripoli")
    checkpoint = Event(2, T.ATTACK, [_ev("Gunmen attacked a checkpoint south of Sabha on 27 August.", "attacked", start=100)], date(2023, 8, 27), 1, "place:sabha")
    fighting.evidence.append(_ev("Within hours the two brigades were fighting with heavy weapons.", "fighting", "event_trigger:ArmedClash", start=300))
    clashes = Event(3, T.ARMED_CLASH, [_ev("The clashes were about checkpoints and smuggling routes.", "clashes", "event_trigger:ArmedClash", start=400)], paragraph=4)
    doc = _doc([fighting, checkpoint, clashes], {"Tripoli": (32.89, 13.19), "Sabha": (27.04, 14.43)})
    merge_coreferent(doc, k)
    events = doc._.armedkg_events
    assert len(events) == 2 and len(events[0].evidence) == 3 and len(events[1].evidence) == 1


def _parsed_doc(words, heads, deps, tags):
    """A parsed Doc (heads are absolute token indices) with the extensions reset."""
    return parsed_doc(words, heads, deps, tags)


def _evidence_in(doc, sentence: str, word: str, rule: str) -> Evidence:
    start = doc.text.index(sentence)
    return _ev(sentence, word, rule, start=start)


# "Rebels attacked the army post on Saturday . The post was looted ."
LOOTED = (
    ["Rebels", "attacked", "the", "army", "post", "on", "Saturday", ".", "The", "post", "was", "looted", "."],
    [1, 1, 4, 4, 1, 1, 5, 1, 9, 11, 11, 11, 11],
    ["nsubj", "ROOT", "det", "compound", "dobj", "prep", "pobj", "punct", "det", "nsubjpass", "auxpass", "ROOT", "punct"],
    ["NNS", "VBD", "DT", "NN", "NN", "IN", "NNP", ".", "DT", "NN", "VBD", "VBN", "."],
)


def test_looting_of_what_the_attack_hit_goes_on_telling_the_attack(k):
    doc = _parsed_doc(*LOOTED)
    attack = Event(1, T.ATTACK, [_evidence_in(doc, "Rebels attacked the army post on Saturday .", "attacked", "event_trigger:Attack")], SUNDAY, 1)
    looting = Event(2, T.LOOTING, [_evidence_in(doc, "The post was looted .", "looted", "event_trigger:LootingPropertyDestruction")], SUNDAY, 1)
    doc._.armedkg_events = [attack, looting]
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1 and len(doc._.armedkg_events[0].evidence) == 2


def test_looting_of_something_else_is_its_own_event(k):
    words = list(LOOTED[0])
    words[9] = "market"  # "The market was looted .": nothing the attack's sentence named
    doc = _parsed_doc(words, *LOOTED[1:])
    attack = Event(1, T.ATTACK, [_evidence_in(doc, "Rebels attacked the army post on Saturday .", "attacked", "event_trigger:Attack")], SUNDAY, 1)
    looting = Event(2, T.LOOTING, [_evidence_in(doc, "The market was looted .", "looted", "event_trigger:LootingPropertyDestruction")], SUNDAY, 1)
    doc._.armedkg_events = [attack, looting]
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


# "Militants stormed a police post . About 30 gunmen fired on the post for hours ."  (wire copy)
FIRED_ON = (
    ["Militants", "stormed", "a", "police", "post", ".", "About", "30", "gunmen", "fired", "on", "the", "post", "for", "hours", "."],
    [1, 1, 4, 4, 1, 1, 7, 8, 9, 9, 9, 12, 10, 9, 13, 9],
    ["nsubj", "ROOT", "det", "compound", "dobj", "punct", "advmod", "nummod", "nsubj", "ROOT", "prep", "det", "pobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "DT", "NN", "NN", ".", "RB", "CD", "NNS", "VBD", "IN", "DT", "NN", "IN", "NNS", "."],
)


@pytest.mark.parametrize("noun, same", [("post", True), ("market", False)])
def test_an_undated_sentence_acting_on_what_the_attack_hit_goes_on_telling_it(k, noun, same):
    words = list(FIRED_ON[0])
    words[12] = noun
    doc = _parsed_doc(words, *FIRED_ON[1:])
    storm = Event(1, T.ATTACK, [_evidence_in(doc, "Militants stormed a police post .", "stormed", "event_trigger:Attack")], SUNDAY, 1)
    fire = Event(2, T.ARMED_CLASH, [_evidence_in(doc, f"About 30 gunmen fired on the {noun} for hours .", "fired", "event_trigger:ArmedClash")], paragraph=1)
    doc._.armedkg_events = [storm, fire]
    merge_coreferent(doc, k)
    assert (len(doc._.armedkg_events) == 1) is same


def test_the_bodies_taken_away_after_the_attack_are_its_toll(k):
    attack = Event(1, T.ARMED_CLASH, [_ev("Jihadists attacked a military base in Baga on Monday.", "attacked")], date(2023, 5, 1), 1, "place:baga", perpetrators=["actor:iswap"])
    sentence = "A militia member said on Wednesday that the bodies of five soldiers had been taken away after the attack on Baga."
    toll = Event(2, T.ATTACK, [_ev(sentence, "bodies of", start=300)], date(2023, 5, 3), 2, fatalities=5, paragraph=3)
    doc = _doc([attack, toll], {"Baga": (13.11, 13.83)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1 and doc._.armedkg_events[0].fatalities == 5
    # a new act of its own after "after the attack" is another event
    other = Event(2, T.ATTACK, [_ev("Gunmen killed two farmers near Kukawa after the attack on Baga.", "killed", start=300)], date(2023, 5, 2), 1, "place:kukawa", fatalities=2, paragraph=3)
    doc = _doc([Event(1, T.ARMED_CLASH, list(attack.evidence[:1]), date(2023, 5, 1), 1, "place:baga"), other], {"Baga": (13.11, 13.83), "Kukawa": (12.92, 13.57)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


def _with_region(doc, town: str, region_code: str, region: str) -> None:
    """The town lies in a first-level division, named as the gazetteers name it ("adm1:CO.09",
    without the entity prefix), and the division is an entity of the document too."""
    doc._.armedkg_entities[f"place:{town.lower()}"].parent = f"adm1:{region_code}"
    key = f"place:adm1:{region_code}"
    doc._.armedkg_entities[key] = Entity(key, T.ADMIN_REGION, region, lat=2.4, lon=-76.8, country="CO")


def test_an_attack_in_a_town_and_one_in_its_region_the_same_day_are_one_event(k):
    sunday = date(2024, 6, 16)
    town = Event(1, T.ATTACK, [_ev("A community leader was shot dead late on Sunday in Balboa.", "shot")], sunday, 1, "place:balboa")
    region = Event(2, T.ATTACK, [_ev("Two men on a motorcycle fired at him as he closed his shop.", "fired", start=100)], sunday, 1, "place:adm1:CO.09")
    doc = _doc([town, region], {"Balboa": (2.04, -77.22)})
    _with_region(doc, "Balboa", "CO.09", "Cauca")
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1 and doc._.armedkg_events[0].place == "place:balboa"


def test_an_attack_in_a_region_another_day_is_another_event(k):
    town = Event(1, T.ATTACK, [_ev("A community leader was shot dead late on Sunday in Balboa.", "shot")], date(2024, 6, 16), 1, "place:balboa")
    region = Event(2, T.ATTACK, [_ev("Gunmen killed a farmer in Cauca on Wednesday.", "killed", start=100)], date(2024, 6, 19), 1, "place:adm1:CO.09")
    doc = _doc([town, region], {"Balboa": (2.04, -77.22)})
    _with_region(doc, "Balboa", "CO.09", "Cauca")
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


def test_a_toll_of_the_attack_told_in_its_region_is_the_same_event(k):
    # the division is found through the town's parent as the gazetteers write it ("adm1:CO.09")
    strike = Event(1, T.AIR_DRONE_STRIKE, [_ev("Explosives dropped from a drone hit the police station in Argelia on Monday.", "hit")], date(2024, 6, 17), 1, "place:argelia", fatalities=1)
    toll = Event(2, strike.cls, [_ev("A second officer died, bringing the number of dead from the attack in Cauca to two.", "attack", start=100)], None, None, "place:adm1:CO.09", fatalities=2)
    doc = _doc([strike, toll], {"Argelia": (2.26, -77.25)})
    _with_region(doc, "Argelia", "CO.09", "Cauca")
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1 and doc._.armedkg_events[0].fatalities == 2


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("The group claimed responsibility on Wednesday, saying its fighters had captured the post and seized weapons.", "seized"),
        ("In a statement, the rebels claimed the raid and said they took two rifles from the guards.", "took"),
        ("Islamic State claimed the assault through Amaq, saying its men had captured the checkpoint.", "captured"),
    ],
)
def test_a_claim_telling_what_was_taken_is_the_claimed_raid_not_a_seizure(k, sentence, word):
    raid = Event(1, T.ARMED_CLASH, [_ev("Militants stormed a police checkpost in Karak late on Tuesday, killing three policemen.", "stormed")], date(2025, 1, 14), 1, "place:karak", fatalities=3)
    claim = Claim("actor:ttp", _ev(sentence, word, "claim_of_responsibility", start=300))
    seizure = Event(2, T.DISRUPTED_WEAPONS_USE, [_ev(sentence, word, start=300)], None, None, None, perpetrators=["actor:ttp"], claims=[claim], paragraph=3)
    doc = _doc([raid, seizure], {"Karak": (33.12, 71.09)})
    merge_coreferent(doc, k)
    events = doc._.armedkg_events
    assert len(events) == 1 and events[0].cls == T.ARMED_CLASH and [c.claimant for c in events[0].claims] == ["actor:ttp"]


def test_a_seizure_told_again_without_a_claim_stays_a_strategic_development(k):
    raid = Event(1, T.ARMED_CLASH, [_ev("Militants stormed a police checkpost in Karak late on Tuesday.", "stormed")], date(2025, 1, 14), 1, "place:karak")
    seizure = Event(2, T.DISRUPTED_WEAPONS_USE, [_ev("After the raid, police seized weapons from a house in Karak.", "seized", start=300)], None, None, "place:karak", paragraph=3)
    doc = _doc([raid, seizure], {"Karak": (33.12, 71.09)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


@pytest.mark.parametrize(
    "summary, detail, day, same",
    [
        # brief: a summary's undated act, then its paragraph with the day
        ("JNIM overran an army post in Nampala in one of its deadliest attacks this year.", "Late on Friday, some 200 JNIM fighters attacked the army post in Nampala.", date(2025, 5, 16), True),
        # wire: the lead names the act, a later paragraph dates it
        ("JNIM fighters have attacked an army camp in Nampala, security sources said.", "The assault on the camp began at dawn on Friday, when JNIM fighters fired mortars.", date(2025, 5, 16), True),
    ],
)
def test_a_summary_and_its_dated_detail_by_the_same_group_at_the_same_place_are_one_event(k, summary, detail, day, same):
    first = Event(1, T.ATTACK, [_ev(summary, "attack")], None, None, "place:nampala", perpetrators=["actor:jnim"])
    later = Event(2, T.ATTACK, [_ev(detail, "attacked" if "attacked" in detail else "assault", start=400)], day, 1, "place:nampala", perpetrators=["actor:jnim"], paragraph=3)
    doc = _doc([first, later], {"Nampala": (14.63, -5.78)})
    merge_coreferent(doc, k)
    assert (len(doc._.armedkg_events) == 1) == same
    assert doc._.armedkg_events[0].date == day


def test_an_undated_act_elsewhere_or_by_another_group_stays_apart(k):
    summary = Event(1, T.ATTACK, [_ev("JNIM overran an army post in Nampala.", "overran")], None, None, "place:nampala", perpetrators=["actor:jnim"])
    elsewhere = Event(2, T.ATTACK, [_ev("Late on Friday, JNIM fighters attacked the army post in Diafarabe.", "attacked", start=400)], date(2025, 5, 16), 1, "place:diafarabe", perpetrators=["actor:jnim"], paragraph=3)
    other = Event(3, T.ATTACK, [_ev("On Friday, IS Sahel fighters attacked a camp in Nampala.", "attacked", start=800)], date(2025, 5, 16), 1, "place:nampala", perpetrators=["actor:isgs"], paragraph=4)
    doc = _doc([summary, elsewhere, other], {"Nampala": (14.63, -5.78), "Diafarabe": (14.15, -4.99)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 3


@pytest.mark.parametrize(
    "later, word",
    [
        # wire: the weapons seized in the assault the sentence names
        ("An officer said around 40 rebels had taken part in the assault on the Eringeti position and that soldiers had seized two rifles.", "seized"),
        # brief
        ("Troops recovered rifles and a machine gun left behind in the attack, the army said.", "recovered"),
        # feature
        ("In the ambush, the fighters captured two armoured vehicles and a mortar.", "captured"),
    ],
)
def test_weapons_seized_in_the_event_named_go_on_telling_it(k, later, word):
    clash = Event(1, T.ARMED_CLASH, [_ev("ADF fighters attacked an army position near Eringeti on Monday, killing six.", "attacked")], SUNDAY, 1, "place:eringeti")
    seized = Event(2, T.DISRUPTED_WEAPONS_USE, [_ev(later, word, rule="event_trigger:DisruptedWeaponsUse", start=300)], paragraph=1)
    doc = _doc([clash, seized], {"Eringeti": (0.63, 29.6)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1 and doc._.armedkg_events[0].cls == T.ARMED_CLASH


def test_weapons_seized_with_no_event_named_stay_their_own(k):
    clash = Event(1, T.ARMED_CLASH, [_ev("ADF fighters attacked an army position near Eringeti on Monday.", "attacked")], SUNDAY, 1, "place:eringeti")
    seized = Event(2, T.DISRUPTED_WEAPONS_USE, [_ev("Police seized 40 rifles at a checkpoint in Beni on Thursday.", "seized", rule="event_trigger:DisruptedWeaponsUse", start=300)], date(2022, 8, 11), 1, "place:beni", paragraph=3)
    doc = _doc([clash, seized], {"Eringeti": (0.63, 29.6), "Beni": (0.49, 29.47)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


@pytest.mark.parametrize(
    "claimant, same",
    [
        ("actor:islamic-state", True),  # the parent claims its province's act (the gazetteer says ISGS is part of IS)
        ("actor:iswap", False),  # another province of the same parent did not do it
    ],
)
def test_a_claim_by_the_group_the_perpetrator_is_part_of_is_a_claim_of_its_act(k, claimant, same):
    ambush = Event(1, T.ARMED_CLASH, [_ev("ISGS fighters ambushed an army patrol near Banibangou on 12 May.", "ambushed")], date(2024, 5, 12), 1, "place:banibangou", perpetrators=["actor:isgs"])
    sentence = "The group claimed the Banibangou ambush through its news agency."
    claim = Claim(claimant, _ev(sentence, "claimed", "claim_of_responsibility", start=300))
    claimed = Event(2, T.ARMED_CLASH, [_ev(sentence, "ambush", start=300)], None, None, "place:banibangou", perpetrators=[claimant], claims=[claim], paragraph=3)
    doc = _doc([ambush, claimed], {"Banibangou": (15.04, 2.70)})
    merge_coreferent(doc, k)
    assert (len(doc._.armedkg_events) == 1) == same


@pytest.mark.parametrize(
    "cls_later, same",
    [
        (T.AIR_DRONE_STRIKE, True),  # the same strike, told as reported that day, then with its day
        (T.ARMED_CLASH, False),  # another kind of act at the same place
    ],
)
def test_an_act_reported_on_a_day_and_the_same_act_told_on_that_day_are_one_event(k, cls_later, same):
    reported = Event(1, T.AIR_DRONE_STRIKE, [_ev("The army reported killing 30 fighters in a drone strike near Tillia on 27 May.", "drone strike")], date(2024, 5, 27), 2, "place:tillia")
    told = Event(2, cls_later, [_ev("On the morning of 27 May, an army drone struck a gathering of fighters near Tillia.", "struck", start=600)], date(2024, 5, 27), 1, "place:tillia", paragraph=5)
    doc = _doc([reported, told], {"Tillia": (16.14, 4.79)})
    merge_coreferent(doc, k)
    assert (len(doc._.armedkg_events) == 1) == same


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("A sixth victim, a waiter, died in hospital on Monday, bringing the toll from the shooting to six.", "shooting"),  # wire
        ("One of the wounded died on Monday, which raised the toll of the raid to six.", "raid"),  # feature
        ("On Monday the number killed in the attack rose to six as two of the injured died.", "attack"),  # brief
    ],
)
def test_a_toll_named_by_its_event_and_dated_days_later_is_that_event(k, sentence, word):
    """The day in a sentence whose only trigger is the event's description is the day of the
    later death or count, not of the act: the two are one event, dated as first told."""
    raid = Event(1, T.ATTACK, [_ev("Gunmen raided the village of Olumbe on Sunday, killing five people.", "raided")], SUNDAY, 1, "place:olumbe", fatalities=5)
    later = Event(2, T.ATTACK, [_ev(sentence, word, start=200)], date(2022, 8, 8), 1, "place:olumbe", fatalities=6, paragraph=2)
    doc = _doc([raid, later], {"Olumbe": (-10.72, 40.45)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1
    merged = doc._.armedkg_events[0]
    assert merged.date == SUNDAY and merged.fatalities == 6


def test_an_act_of_its_own_told_the_day_after_is_not_merged(k):
    raid = Event(1, T.ATTACK, [_ev("Gunmen raided the village of Olumbe on Sunday, killing five people.", "raided")], SUNDAY, 1, "place:olumbe", fatalities=5)
    later = Event(2, T.ATTACK, [_ev("On Monday gunmen shot dead two farmers in Olumbe.", "shot dead", start=200)], date(2022, 8, 8), 1, "place:olumbe", fatalities=2, paragraph=2)
    doc = _doc([raid, later], {"Olumbe": (-10.72, 40.45)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


INSTRUMENT_CASES = [
    # wire: the device of a bombing already told, as a passive subject
    ((["Investigators", "said", "the", "device", "had", "been", "detonated", "by", "mobile", "phone", "."], [1, 1, 3, 6, 6, 6, 1, 6, 9, 7, 1], ["nsubj", "ROOT", "det", "nsubjpass", "aux", "auxpass", "ccomp", "agent", "amod", "pobj", "punct"], ["NNS", "VBD", "DT", "NN", "VBD", "VBN", "VBN", "IN", "JJ", "NN", "."]), "detonated", True),
    # feature: the bomb as an object
    ((["Soldiers", "found", "the", "bomb", "under", "a", "bridge", "."], [1, 1, 3, 1, 1, 6, 4, 1], ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"], ["NNS", "VBD", "DT", "NN", "IN", "DT", "NN", "."]), "found", True),
    # "a second bomb": another one
    ((["Police", "defused", "a", "second", "bomb", "at", "the", "market", "."], [1, 1, 4, 4, 1, 1, 7, 5, 1], ["nsubj", "ROOT", "det", "amod", "dobj", "prep", "det", "pobj", "punct"], ["NNS", "VBD", "DT", "JJ", "NN", "IN", "DT", "NN", "."]), "defused", False),
    # analysis: "the same kind of device" names a kind, not the device
    ((["The", "army", "said", "it", "had", "found", "the", "same", "kind", "of", "device", "in", "2019", "."], [1, 2, 2, 5, 5, 2, 8, 8, 5, 8, 9, 5, 11, 2], ["det", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "amod", "dobj", "prep", "pobj", "prep", "pobj", "punct"], ["DT", "NN", "VBD", "PRP", "VBD", "VBN", "DT", "JJ", "NN", "IN", "NN", "IN", "CD", "."]), "found", False),
]


@pytest.mark.parametrize("parse, word, told", INSTRUMENT_CASES)
def test_the_device_named_definitely_refers_to_the_act_told(k, parse, word, told):
    from builder.extraction.events.coreference import _instrument_told

    doc = parsed_doc(*parse)
    assert _instrument_told(doc, k, _ev(doc.text, word)) is told


@pytest.mark.parametrize(
    "parse, word, reported",
    [
        # "Police said the gang had attacked Liancourt.": an act before the statement
        ((["Police", "said", "the", "gang", "had", "attacked", "Liancourt", "."], [1, 1, 3, 5, 5, 1, 5, 1], ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "dobj", "punct"], ["NNS", "VBD", "DT", "NN", "VBD", "VBN", "NNP", "."]), "attacked", True),
        # "Police said the gang attacked Liancourt.": the simple past may tell a new act
        ((["Police", "said", "the", "gang", "attacked", "Liancourt", "."], [1, 1, 3, 4, 1, 4, 1], ["nsubj", "ROOT", "det", "nsubj", "ccomp", "dobj", "punct"], ["NNS", "VBD", "DT", "NN", "VBD", "NNP", "."]), "attacked", False),
    ],
)
def test_an_act_in_the_past_perfect_under_a_verb_of_saying_is_reported_as_before(k, parse, word, reported):
    from builder.extraction.events.coreference import _reported_as_before

    doc = parsed_doc(*parse)
    event = Event(2, T.ATTACK, [_ev(doc.text, word)])
    assert _reported_as_before(doc, k, event) is reported


@pytest.mark.parametrize(
    "parse, word, told",
    [
        # feature: the doers named definitely, the sentence dated only by its context
        ((['Several', 'houses', 'were', 'set', 'alight', 'before', 'the', 'attackers', 'withdrew', 'towards', 'the', 'forest', '.'], [1, 3, 3, 3, 3, 8, 7, 8, 3, 8, 11, 9, 3], ['amod', 'nsubjpass', 'auxpass', 'ROOT', 'advmod', 'mark', 'det', 'nsubj', 'advcl', 'prep', 'det', 'pobj', 'punct'], ['JJ', 'NNS', 'VBD', 'VBN', 'RB', 'IN', 'DT', 'NNS', 'VBD', 'IN', 'DT', 'NN', '.']), "attackers", True),
        # wire copy, under a verb of saying
        ((['The', 'attackers', 'fled', 'towards', 'the', 'border', ',', 'police', 'said', '.'], [1, 2, 8, 2, 5, 3, 8, 8, 8, 8], ['det', 'nsubj', 'ccomp', 'prep', 'det', 'pobj', 'punct', 'nsubj', 'ROOT', 'punct'], ['DT', 'NNS', 'VBD', 'IN', 'DT', 'NN', ',', 'NNS', 'VBD', '.']), "fled", True),
        # a day of its own: the same doers' next act
        ((['On', 'Wednesday', 'the', 'attackers', 'struck', 'a', 'police', 'post', 'in', 'Dadaab', '.'], [4, 0, 3, 4, 4, 7, 7, 4, 7, 8, 4], ['prep', 'pobj', 'det', 'nsubj', 'ROOT', 'det', 'compound', 'dobj', 'prep', 'pobj', 'punct'], ['IN', 'NNP', 'DT', 'NNS', 'VBD', 'DT', 'NN', 'NN', 'IN', 'NNP', '.']), "struck", False),
    ],
)
def test_the_doers_named_definitely_without_a_day_of_their_own_tell_the_act_told(k, parse, word, told):
    """The event of such a sentence has its context's day (the sentence before dates it): that
    day is no sign of another act."""
    from builder.extraction.events.coreference import told_again

    doc = parsed_doc(*parse)
    event = Event(2, T.ATTACK, [_ev(doc.text, word)], SUNDAY, 1)
    assert told_again(doc, k, event) is told


# "Militants stormed a police post . Its troops repelled the attackers ." (a brief)
REPELLED = (
    ['Militants', 'stormed', 'a', 'police', 'post', '.', 'Its', 'troops', 'repelled', 'the', 'attackers', '.'],
    [1, 1, 4, 4, 1, 1, 7, 8, 8, 10, 8, 8],
    ['nsubj', 'ROOT', 'det', 'compound', 'dobj', 'punct', 'poss', 'nsubj', 'ROOT', 'det', 'dobj', 'punct'],
    ['NNS', 'VBD', 'DT', 'NN', 'NN', '.', 'PRP$', 'NNS', 'VBD', 'DT', 'NNS', '.'],
)


@pytest.mark.parametrize("verb, same", [("repelled", True), ("clashed", False)])
def test_holding_off_the_attackers_tells_their_attack_again(k, verb, same):
    words, heads, deps, tags = (list(x) for x in REPELLED)
    words[8] = verb
    doc = _parsed_doc(words, heads, deps, tags)
    storm = Event(1, T.ATTACK, [_evidence_in(doc, "Militants stormed a police post .", "stormed", "event_trigger:Attack")], SUNDAY, 1)
    defence = Event(2, T.ARMED_CLASH, [_evidence_in(doc, f"Its troops {verb} the attackers .", verb, "event_trigger:ArmedClash")], paragraph=1)
    doc._.armedkg_events = [storm, defence]
    merge_coreferent(doc, k)
    assert (len(doc._.armedkg_events) == 1) is same


@pytest.mark.parametrize("sentence, same", [
    # wire copy: the claim gives no day of its own; the one its context lent it is a day later
    ("JNIM, through its media outlet, claimed to have killed 30 soldiers at Sokolo.", True),
    # a claim with its own day, a week after: another act's
    ("On 2 April, JNIM claimed to have killed 30 soldiers at Sokolo.", False),
])
def test_an_undated_claim_dated_by_its_context_goes_to_the_attack_before(k, sentence, same):
    attack = Event(1, T.ARMED_CLASH, [_ev("On Sunday, JNIM fighters attacked the military camp at Sokolo.", "attacked")], date(2024, 3, 24), 1, "place:sokolo", perpetrators=["actor:jnim"])
    claim = Claim("actor:jnim", _ev(sentence, "claimed", "claim_of_responsibility", start=400))
    told = Event(2, T.ARMED_CLASH, [_ev(sentence, "killed", start=400)], date(2024, 3, 25) if same else date(2024, 4, 2), 1, "place:sokolo", perpetrators=["actor:jnim"], claims=[claim], paragraph=2)
    doc = _doc([attack, told], {"Sokolo": (14.73, -6.12)})
    merge_coreferent(doc, k)
    assert (len(doc._.armedkg_events) == 1) is same
