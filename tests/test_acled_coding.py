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
        ("On 12 June 2022, Armenian forces fired in the direction of Azerbaijani positions near Lachin.", "ArmedClash"),
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
        ("On 6 June 2022, students demonstrated in Durban against a rise in fees. The demonstrators pelted stones at passing cars.", "ViolentDemonstration"),
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
        "On 10 March 2022, in Belem (Para), an off-duty police officer was shot dead by two men on a motorcycle.",
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
        "The grievances are old: on 9 March 2022 parents occupied a primary school in Tegucigalpa to denounce the lack of teachers.",
    ],
)
def test_a_crowd_that_gathers_with_a_demand_protests(extract, text):
    r = extract(text, published=PUBLISHED)
    assert [e.cls for e in r.events] == ["PeacefulProtest"]


def test_troops_that_gather_to_defend_a_town_do_not_protest(extract):
    r = extract("Government troops gathered near the border town of Moyale on Sunday to defend it against an expected raid.", published=PUBLISHED)
    assert all(e.cls != "PeacefulProtest" for e in r.events)
