"""ACLED codebook distinctions read from whole notes and reports: the words of a sub-event type
and what a paragraph goes on to tell. Sentences written for these tests in three styles (a
coder's note, wire copy, analysis prose); none is taken from an evaluation file."""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2022, 6, 20)


@pytest.mark.parametrize(
    "text,cls",
    [
        # a shoot-out is a clash, however it is spelt
        ("On 3 May 2022, in Recife (Pernambuco), a shoot-out between rival gangs took place in the Ibura neighbourhood.", "ArmedClash"),
        ("Police said a shootout between two criminal factions rocked a suburb of Guayaquil on Sunday.", "ArmedClash"),
        # a bomb that went off, a mine that hit a vehicle
        ("On 9 June 2022, a bomb went off near a market in Narathiwat, wounding two rubber tappers.", "RemoteExplosiveLandmineIED"),
        ("Two deminers were hit by a mine on 14 June 2022 while clearing a field near Aghdam.", "RemoteExplosiveLandmineIED"),
        # firing in the direction of positions is fighting
        ("Georgian border guards said soldiers on the far bank had fired in the direction of their posts near Kazbegi on 12 June 2022.", "ArmedClash"),
        # a seizure of weapons, however many, is a disrupted use
        ("On 2 May 2022, gendarmes seized a large number of weapons and explosives belonging to the PKK in Mardin.", "DisruptedWeaponsUse"),
        # a surrender is an agreement (ACLED codebook)
        ("On 8 April 2022, 30 fighters of the Allied Democratic Forces surrendered to the army in Beni.", "Agreement"),
        # ACLED's own labels at the head of a note
        ("Weapons seizure: On 5 May 2022, police found a cache of rifles in a farmhouse near Tumaco.", "DisruptedWeaponsUse"),
        ("Displacement: On 11 April 2022, 400 people were evacuated from villages around Kharkiv.", "OtherDevelopment"),
    ],
)
def test_words_of_a_sub_event_type(extract, text, cls):
    r = extract(text, published=PUBLISHED)
    assert r.events and r.events[0].cls == cls, [(e.cls, e.evidence[0].text) for e in r.events]


@pytest.mark.parametrize(
    "text,cls",
    [
        # the intervention is told in the next sentence of the same note
        ("On 4 April 2022, nurses protested outside the health ministry in Nairobi over unpaid wages. Police intervened and detained six protesters.", "ProtestWithIntervention"),
        ("Hundreds of teachers demonstrated in Rabat on Tuesday to demand permanent contracts. Police later used baton charges to clear the square.", "ProtestWithIntervention"),
        # what the crowd did, told after the protest
        ("On 6 June 2022, students demonstrated in Pietermaritzburg against a rise in fees. Some of them pelted stones at passing cars.", "ViolentDemonstration"),
        ("Farmers held a rally in Lahore on 2 May 2022 against the price of fertiliser; some protesters set tyres alight on the ring road.", "ViolentDemonstration"),
        # nothing more happened
        ("On 2 February 2022, hundreds of nurses protested in Basra over unpaid wages. The protest ended peacefully.", "PeacefulProtest"),
    ],
)
def test_a_protest_is_coded_by_what_its_paragraph_tells(extract, text, cls):
    r = extract(text, published=PUBLISHED)
    assert [e.cls for e in r.events] == [cls]


@pytest.mark.parametrize(
    "text",
    [
        "On 10 March 2022, in Belem (Para), two men on a motorcycle killed a police sergeant who was off-duty at the time.",
        "Gunmen shot and killed a bus driver in Kaduna on 4 May 2022, police said.",
        "On 21 March 2022, suspected militants shot a village official in Pulwama district.",
    ],
)
def test_killing_a_civilian_or_an_off_duty_officer_is_an_attack(extract, text):
    r = extract(text, published=PUBLISHED)
    assert r.events and r.events[0].cls == "Attack", [(e.cls, e.targets) for e in r.events]


def test_killing_a_soldier_on_duty_stays_a_clash(extract):
    r = extract("On 19 June 2022, masked gunmen killed a soldier of the regime forces near Tafas in Daraa.", published=PUBLISHED)
    assert r.events[0].cls == "ArmedClash"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2022, about 200 residents blocked the main highway outside Oruro to demand a new water supply.",
        "SANTIAGO, June 16 (Reuters) - Students walked out of classes in Santiago on Thursday in solidarity with striking teachers.",
        "The grievances are old: on 9 March 2022 parents occupied a primary school in Tegucigalpa to denounce its leaking roof.",
    ],
)
def test_a_crowd_that_gathers_with_a_demand_protests(extract, text):
    r = extract(text, published=PUBLISHED)
    assert [e.cls for e in r.events] == ["PeacefulProtest"]


def test_troops_that_gather_to_defend_a_town_do_not_protest(extract):
    r = extract("Government troops gathered near the border town of Moyale on Sunday to defend it against an expected raid.", published=PUBLISHED)
    assert all(e.cls != "PeacefulProtest" for e in r.events)


@pytest.mark.parametrize(
    "text,cls",
    [
        # a side of the fight is a crowd of civilians: a riot (ACLED), not a battle
        ("Angry villagers fought with police outside a polling station near Cuttack on 4 March 2022 after voting was suspended.", "MobViolence"),
        ("During the vote count on 20 May 2022, a clash erupted between supporters of two rival parties in Birgunj.", "MobViolence"),
        ("Palestinian youths clashed with Israeli troops in Nablus on Friday during a protest against settlement expansion.", "ViolentDemonstration"),
        # both sides armed, or a side named by a name we do not know: a clash
        ("Soldiers clashed with Islamic State fighters near Tal Afar on 3 May 2022.", "ArmedClash"),
        ("On 5 May 2022, members of the Sinaloa Cartel clashed with police in Culiacan.", "ArmedClash"),
        ("On 15 July 2022, members of Los Viagras fought gunmen of a rival cartel for hours near Apatzingan.", "ArmedClash"),
        # a crowd that shoots is an armed side
        ("On 4 May 2020, two civilians were killed in shooting during clashes between two families in Idlib.", "ArmedClash"),
    ],
)
def test_a_fight_of_a_crowd_is_a_riot(extract, text, cls):
    r = extract(text, published=PUBLISHED)
    assert r.events and r.events[0].cls == cls, [(e.cls, e.perpetrators) for e in r.events]


def test_riot_police_are_no_riot(extract):
    r = extract("TBILISI, March 8 (Reuters) - Riot police used water cannon late on Tuesday to clear thousands of demonstrators outside parliament.", published=date(2023, 3, 8))
    assert [e.cls for e in r.events] == ["ProtestWithIntervention"]


@pytest.mark.parametrize(
    "text,cls",
    [
        # a riot named as a past event, a human barricade: no violence of this crowd
        ("On 30 June 2022, about 80 people gathered in Leeds to remember the victims of the 1981 riots and to demand a public inquiry.", "PeacefulProtest"),
        ("Mothers of the missing formed a human barricade around the governor's office in Culiacan on 8 May 2022, protesting the slow search.", "PeacefulProtest"),
        # obstacles set on fire, furniture burned: a violent demonstration
        ("Truckers cut the ring road around Cordoba on 5 February 2022, setting pallets on fire to demand cheaper diesel.", "ViolentDemonstration"),
        ("Residents held a demonstration in Salvador on 26 April 2022 calling for justice for a boy shot by police. Some of them burned old furniture across the avenue.", "ViolentDemonstration"),
    ],
)
def test_a_protest_is_violent_by_the_crowd_s_own_acts(extract, text, cls):
    r = extract(text, published=PUBLISHED)
    assert [e.cls for e in r.events] == [cls]


@pytest.mark.parametrize(
    "text,cls",
    [
        # an off-duty or former member of a force is a civilian target (ACLED)
        ("Two gunmen killed an off-duty soldier outside a bakery in Fortaleza on 19 February 2022, state police said.", "Attack"),
        ("Soldiers opened fire on two journalists near Kharkiv on 6 March 2022, wounding one of them.", "Attack"),
        # a killing with abductions is coded as the attack
        ("On 16 February 2022, bandits attacked Idon in Kaduna, killed two villagers and abducted 20 others.", "Attack"),
        ("ELN guerrillas seized a cattle rancher near Saravena on 1 January 2022 and killed him the same night, the army said.", "Attack"),
        # an abduction alone stays one
        ("On 10 August 2022, armed men abducted a family of four on a highway near Reynosa.", "AbductionForcedDisappearance"),
    ],
)
def test_whom_an_attack_hurt_codes_it(extract, text, cls):
    r = extract(text, published=PUBLISHED)
    assert r.events and r.events[0].cls == cls, [(e.cls, e.targets) for e in r.events]


@pytest.mark.parametrize(
    "text,cls",
    [
        # a strike of work is a protest; named as the setting of an attack, the attack is the event
        ("Nurses went on strike in Lilongwe on 7 June 2022 over unpaid allowances.", "PeacefulProtest"),
        ("Gunmen attacked a minibus near Bauchi on 7 June 2022 during a general strike called by the unions.", "Attack"),
        # police who shoot protesters use excessive force
        ("Riot police shot dead three demonstrators in Kassala on 7 June 2022, a doctors' committee said.", "ExcessiveForceAgainstProtesters"),
        # acts told by what a verb does to its object
        ("A mob beat a suspected pickpocket to death in Onitsha on 7 June 2022.", "MobViolence"),
        ("Unknown attackers burned down a dozen huts near Kasai on 7 June 2022.", "LootingPropertyDestruction"),
        # the armed words of the perpetrators' own phrase make no armed target
        ("On 7 June 2022, fighters of the Allied Democratic Forces hacked six farmers to death near Eringeti.", "Attack"),
    ],
)
def test_acts_read_from_their_clause(extract, text, cls):
    r = extract(text, published=PUBLISHED)
    assert r.events and r.events[0].cls == cls, [(e.cls, e.perpetrators) for e in r.events]


@pytest.mark.parametrize(
    "text,cls",
    [
        ("A herder lost a leg on 9 June 2022 when he stepped on an anti-personnel mine near Kidal.", "RemoteExplosiveLandmineIED"),
        ("Customs officers seized 60 pistols and 12 grenade launchers from a lorry near Ciudad Juarez on 9 June 2022.", "DisruptedWeaponsUse"),
        ("The two sides swapped 30 detainees near Taiz on 9 June 2022 under a deal brokered by elders.", "Agreement"),
        ("Militants set up a new camp in the hills above Palma on 9 June 2022, villagers said.", "HeadquartersOrBaseEstablished"),
        ("Demonstrators pelted riot police with rocks in central Nairobi on 9 June 2022.", "ViolentDemonstration"),
        ("The report documents the rape of three girls by militiamen in Djugu on 9 June 2022.", "SexualViolence"),
    ],
)
def test_acts_named_by_their_objects(extract, text, cls):
    r = extract(text, published=PUBLISHED)
    assert r.events and r.events[0].cls == cls, [(e.cls, e.perpetrators) for e in r.events]


def test_a_denied_act_is_no_event(extract):
    assert extract("The defence ministry on 9 June 2022 denied bombing a market in Gedaref.", published=PUBLISHED).events == []
    assert extract("Rebels did not attack the convoy near Bambari on 9 June 2022, their spokesman said.", published=PUBLISHED).events == []


@pytest.mark.parametrize(
    "text",
    [
        # a coder's note: the label names the act, the sentence tells whom it was done to
        "Looting: On 4 May 2022, armed herders looted more than 200 goats in a village near Bunia.",
        # wire copy with the label of a note
        "Property destruction: On 9 May 2022, unknown attackers set fire to 30 huts near Malakal, officials said.",
        # analysis prose under a label: the crowd of the label's act does not make it a riot
        "Looting: On 2 June 2022, a councillor and his supporters looted building materials from a road project in Gazipur.",
    ],
)
def test_a_note_label_gives_the_class_and_the_sentence_the_civilians(extract, text):
    r = extract(text, published=PUBLISHED)
    ev = r.events[0]
    assert ev.cls == "LootingPropertyDestruction"
    assert any(r.entities[t].label.startswith("Civilians") for t in ev.targets), ev.targets


@pytest.mark.parametrize(
    "text,riot",
    [
        # a coder's note: a crowd's act of riot with no word of protest or violence besides
        ("On 7 May 2022, about 30 youths hurled petrol bombs at a police post in Patras.", True),
        # wire copy
        ("Angry villagers burned tyres on the highway near Kisumu on Monday, police said.", True),
        # analysis prose: troops who throw stones are no crowd
        ("Troops threw stones at the crowd in Kisumu on 9 May 2022.", False),
    ],
)
def test_a_crowd_act_of_riot_is_an_event(extract, text, riot):
    r = extract(text, published=PUBLISHED)
    found = [e.cls for e in r.events]
    assert (found == ["MobViolence"]) is riot, found
