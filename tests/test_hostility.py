"""Hostility read end-to-end, with the model. An event's perpetrators fight its targets, but a
country named only as the place of the act ("the attacks in Iraq claimed by X") is no side of
it; forces named beside the place still are ("ambushed an army patrol in Syria"). A fight told
again in a later sentence is read again there. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _hostile(result) -> set[tuple[str, str]]:
    return {(r.subject, r.object) for r in result.relations if r.prop == "fightingAgainst"}


@pytest.mark.parametrize(
    "text, doer, isos",
    [
        # wire copy
        ("Al-Shabaab claimed the attack in Kenya on Tuesday.", "actor:al-shabaab", ["ke"]),
        # encyclopaedia prose
        ("Boko Haram carried out attacks in Nigeria and Niger throughout 2015.", "actor:boko-haram", ["ng", "ne"]),
        # analysis
        ("The suicide attacks in Nigeria were carried out by Boko Haram, the report concludes.", "actor:boko-haram", ["ng"]),
    ],
)
def test_country_of_the_place_is_no_target(extract, text, doer, isos):
    result = extract(text)
    assert any(e.perpetrators for e in result.events)
    for iso in isos:
        assert (doer, f"actor:forces-{iso}") not in _hostile(result)


def test_forces_named_beside_the_place_are_the_target(extract):
    result = extract("ISIS fighters ambushed an army patrol in Syria on Monday, the monitor said.")
    assert ("actor:islamic-state", "actor:forces-sy") in _hostile(result)


def test_a_fight_told_again_is_read_again(extract):
    """Each sentence that tells the two sides fighting is evidence of its own (wire copy often
    tells the same pair's fighting in every paragraph)."""
    result = extract(
        "Hezbollah, a sworn enemy of Israel, was founded in 1982. "
        "Since then the conflict has pitted Hezbollah against Israel again and again."
    )
    starts = {r.evidence.sentence_start for r in result.relations if r.prop == "fightingAgainst" and {r.subject, r.object} == {"actor:hezbollah", "actor:forces-il"}}
    assert len(starts) == 2


@pytest.mark.parametrize(
    "text",
    [
        # wire copy
        "Gunmen stopped a minibus outside Quetta on Monday and shot four of them dead, officials said.",
        # a short news brief
        "Gunmen ambushed a convoy of traders near Gao on Sunday and killed five of them.",
        # analysis
        "Militants pulled travellers from their cars near Bannu and killed three of them, police told reporters.",
    ],
)
def test_a_number_of_them_is_no_armed_side(extract, text):
    """"shot six of them dead": "them" are the people just named, not the group a clause's
    pronoun stands for; the speaker's force is no target."""
    result = extract(text)
    events = [e for e in result.events if e.perpetrators]
    assert events
    assert not any(t.startswith("actor:forces-") for e in events for t in e.targets), [(e.cls, e.perpetrators, e.targets) for e in events]


def test_wounded_in_the_fighting_is_no_side_doing_it(extract):
    """"X was wounded in the fighting" tells who was hurt; only "killed in clashes with Y" (a side
    named) puts X on a side of the fight."""
    result = extract("Islamic State fighters attacked army positions near Palmyra on Sunday. A commander of the National Defence Forces was wounded in the fighting.")
    assert result.events
    assert not any("actor:ndf" in e.perpetrators for e in result.events), [(e.cls, e.perpetrators, e.targets) for e in result.events]


@pytest.mark.parametrize(
    "text, owners",
    [
        # wire copy
        ("The raids hit Hezbollah depots and Hamas offices overnight, residents said.", ("actor:hezbollah", "actor:hamas")),
        # analysis
        ("In effect, the raids destroyed Houthi warehouses and al-Qaeda training camps, the report notes.", ("actor:houthis", "actor:al-qaeda")),
        # encyclopaedia prose
        ("The air raids of 2014 struck Hamas tunnels and Islamic Jihad workshops across Gaza.", ("actor:hamas", "actor:palestinian-islamic-jihad")),
    ],
)
def test_owners_of_what_was_hit_are_no_sides_of_each_other(extract, text, owners):
    """A battle with no named perpetrator makes the first side named actor 1 ("clashes between
    A and B"), but groups named only as the owners of what was hit were both hit: neither fought
    the other."""
    result = extract(text)
    hostile = _hostile(result)
    assert (owners[0], owners[1]) not in hostile and (owners[1], owners[0]) not in hostile
    assert any(owners[0] in e.targets for e in result.events)


def test_sides_of_a_clash_still_fight_each_other(extract):
    result = extract("Clashes between Hezbollah fighters and Hamas militants were reported in the camp on Friday.")
    hostile = _hostile(result)
    assert ("actor:hezbollah", "actor:hamas") in hostile or ("actor:hamas", "actor:hezbollah") in hostile


@pytest.mark.parametrize(
    "text, speaker",
    [
        # wire copy: the parser hangs the "after" phrase on the speaker's verb
        ("M23 rebels entered the town on Monday, U.N. officials said, after days of fighting with government troops.", "actor:un"),
        # analysis
        ("Al-Shabaab regained the port, the African Union said in a statement, following clashes with Somali forces.", "actor:african-union"),
        # encyclopaedia prose
        ("The rebels held the city until 2016, NATO reported, after months of fighting with the army.", "actor:nato"),
    ],
)
def test_a_speaker_is_no_side_of_the_fighting_told_beside_it(extract, text, speaker):
    """A fight told in an adjunct that the parser hung on the verb of saying is not the
    speaker's: the speaker's subject is no perpetrator (a clause under the verb of saying with a
    pronoun subject still sends its act to the speaker: "X said it would resume shelling")."""
    result = extract(text)
    assert all(speaker not in e.perpetrators for e in result.events)
    assert all(speaker != s for s, _ in _hostile(result))


@pytest.mark.parametrize(
    "text, joined, doer, target",
    [
        # wire copy
        ("Kurdish Peshmerga joined US special forces in a raid on an al-Qaeda compound, the Pentagon said.", "actor:forces-us", "actor:peshmerga", "actor:al-qaeda"),
        # encyclopaedia prose
        ("During the campaign the MILF joined Philippine army troops in an offensive against Abu Sayyaf.", "actor:forces-ph", "actor:milf", "actor:abu-sayyaf"),
        # analysis
        ("That the Peshmerga joined Iraqi troops in an assault on the Islamic State in Mosul shows how far ties had come.", "actor:forces-iq", "actor:peshmerga", "actor:islamic-state"),
    ],
)
def test_who_is_joined_in_an_attack_attacks_with_the_joiner(extract, text, joined, doer, target):
    """"X joined Y in an offensive against Z": Y acts with X (an associate perpetrator), it is
    no target of the offensive, and the two are allies."""
    result = extract(text)
    event = next(e for e in result.events if target in e.targets)
    assert doer in event.perpetrators and joined in event.assoc_perpetrators and joined not in event.targets
    assert any(r.prop == "alliedWith" and {r.subject, r.object} == {doer, joined} for r in result.relations)


@pytest.mark.parametrize(
    "text, partner, doer",
    [
        # wire copy
        ("Hezbollah coordinated rocket fire with Hamas against northern Israel on Tuesday, the group said.", "actor:hamas", "actor:hezbollah"),
        # encyclopaedia prose
        ("At Manbij the Syrian Democratic Forces coordinated their assault on Islamic State positions with United States special forces.", "actor:forces-us", "actor:sdf"),
        # analysis
        ("That Lashkar-e-Taiba coordinated the raid on the army camp with Jaish-e-Mohammed surprised few analysts.", "actor:jaish-e-mohammed", "actor:lashkar-e-taiba"),
    ],
)
def test_who_an_attack_is_coordinated_with_attacks_with_the_doer(extract, text, partner, doer):
    """"X coordinated the raid with Y": Y, in the "with" phrase of a verb of acting together
    (on the verb or inside its object), acts with X; it is no target of the raid, and X does
    not fight it."""
    result = extract(text)
    event = next(e for e in result.events if doer in e.perpetrators)
    assert partner in event.assoc_perpetrators and partner not in event.targets
    assert not any(r.prop == "fightingAgainst" and {r.subject, r.object} == {doer, partner} for r in result.relations)
