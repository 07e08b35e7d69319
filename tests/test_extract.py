"""Extraction rules on small hand-written inputs (not the gold texts)."""

from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.slow  # loads the spaCy model and GeoNames once per session


def rels(result, prop):
    return {(r.subject, r.object) for r in result.relations if r.prop == prop}


def test_extract_backing_prefix_and_apposition(extract):
    r = extract(
        "The Iranian-backed Liwa Zainebiyoun deployed fighters to Aleppo. "
        "Asa'ib Ahl al-Haq, an Iraqi pro-Iranian militia, fired rockets at a base near Baghdad."
    )
    backed = rels(r, "backedBy")
    assert ("actor:liwa-zainebiyoun", "country:IR") in backed
    assert ("actor:asaib-ahl-al-haq", "country:IR") in backed
    # The nationality adjective is a backing, not an actor named "Iranian".
    assert not any(e.label.lower() in ("iranian", "pro-iranian") for e in r.entities.values())


def test_extract_claim_via_outlet_with_dates_and_casualties(extract):
    r = extract(
        "On March 12, an IED killed three soldiers and wounded two others near the town of al-Mayadin. "
        "On March 13, ISIS claimed the bombing in a statement carried by its Amaq news agency.",
        published=date(2021, 3, 14),
    )
    assert len(r.events) == 1
    ev = r.events[0]
    assert ev.cls == "RemoteExplosiveLandmineIED"
    assert ev.date == date(2021, 3, 12)
    assert (ev.fatalities, ev.injured) == (3, 2)
    assert ev.claims and ev.claims[0].claimant == "actor:islamic-state"
    assert ev.claims[0].via == "actor:amaq" and ev.claims[0].date == date(2021, 3, 13)
    assert r.entities[ev.place].label == "Al Mayādīn"
    assert ("actor:amaq", "actor:islamic-state") in rels(r, "partOf")


def test_extract_former_commander_nom_de_guerre_and_short_form(extract):
    r = extract(
        "Gunmen shot dead Mahmoud al-Hariri, once a commander of the Free Syrian Army, in the town of Jasim on May 4. "
        "Al-Hariri, also known as \"Abu Hassan\", had refused to join the 5th Corps.",
        published=date(2021, 5, 6),
    )
    person = r.entities["person:mahmoud-al-hariri"]
    assert person.nom_de_guerre == "Abu Hassan"
    assert "Al-Hariri" in person.aliases
    assert not any(k == "person:al-hariri" for k in r.entities)
    assert ("person:mahmoud-al-hariri", "actor:fsa") in rels(r, "formerCommanderOf")
    # "refused to join" is not a membership.
    assert ("person:mahmoud-al-hariri", "actor:fifth-corps") not in rels(r, "memberOf")
    ev = r.events[0]
    assert ev.victims == ["person:mahmoud-al-hariri"] and ev.fatalities == 1
    assert ev.perpetrators == ["actor:unidentified-armed-group"]


def test_extract_state_force_in_focus_and_place_containment(extract):
    r = extract(
        "Regime forces pounded the hamlet of Deir Sunbul in the southern Idlib countryside with artillery on Friday, "
        "killing two civilians, according to the White Helmets.",
        published=date(2021, 3, 16),
    )
    ev = r.events[0]
    assert ev.cls == "ShellingArtilleryMissileAttack"
    assert ev.perpetrators == ["actor:forces-sy"]
    assert "actor:civilians-sy" in ev.targets
    assert ev.fatalities == 2 and ev.date == date(2021, 3, 12)
    place = r.entities[ev.place]
    assert place.label == "Deir Sunbul"
    assert any(r.prop == "locatedIn" and r.subject == ev.place and r.object == "place:adm1:SY.12" for r in r.relations)
    assert "actor:white-helmets" in ev.according_to or any("white" in s for s in ev.according_to)


def test_extract_negated_claim_makes_no_claim(extract):
    r = extract("A car bomb exploded in Azaz on Sunday, killing five people. No group claimed responsibility.", published=date(2021, 3, 16))
    assert len(r.events) == 1 and r.events[0].claims == []
    assert r.events[0].cls == "RemoteExplosiveLandmineIED" and r.events[0].fatalities == 5


def test_extract_boilerplate_never_becomes_actor(extract):
    r = extract(
        "Turkish drones struck a car near Qamishli on January 3.\n\n"
        "DONATE TO OUR DESK:\nPayPal: gifts@example.org\nDisclaimer: Example Research is not responsible for the opinions of its writers.",
        published=date(2021, 1, 5),
    )
    labels = {e.label for e in r.entities.values()}
    assert not labels & {"PayPal", "Example Research"}
    assert r.events[0].cls == "AirDroneStrike" and r.events[0].perpetrators == ["actor:forces-tr"]


def test_extract_every_fact_has_evidence_offsets(extract):
    text = "Houthi rebels attacked Saudi border posts in Jizan on Tuesday, the Saudi-led coalition said."
    r = extract(text, published=date(2021, 3, 16))
    for ent in r.entities.values():
        assert ent.mentions
        for ev in ent.mentions:
            assert 0 <= ev.start <= ev.end <= len(text) and ev.sentence in text and ev.rule and 0 < ev.confidence <= 1
    for rel in r.relations:
        assert text[rel.evidence.start : rel.evidence.end] == rel.evidence.text


@pytest.mark.parametrize(
    "text,cls,actor",
    [
        ("Security measures: On 14 March 2023, a column of Turkish military trucks drove into Idlib through a border crossing.", "ChangeToGroupActivity", "actor:forces-tr"),
        ("On 2 February 2023, hundreds of nurses protested in Basra over unpaid wages.", "PeacefulProtest", "actor:protesters-iq"),
        ("On 19 June 2023, masked gunmen killed a shepherd near Tafas in Daraa.", "Attack", "actor:unidentified-armed-group"),
        ("On 19 June 2023, masked gunmen killed a soldier of the regime forces near Tafas in Daraa.", "ArmedClash", "actor:unidentified-armed-group"),
        ("On 11 April 2023, Turkish warplanes bombed PKK hideouts in the mountains of Duhok.", "AirDroneStrike", "actor:forces-tr"),
        ("On 27 July 2023, the SDF detained four men in Raqqa accused of ties to ISIS.", "AbductionForcedDisappearance", "actor:sdf"),
    ],
)
def test_extract_acled_codebook_distinctions(extract, text, cls, actor):
    r = extract(text, published=None)
    ev = r.events[0]
    assert ev.cls == cls and actor in ev.perpetrators, (ev.cls, ev.perpetrators)


def test_extract_unknown_fatalities_stay_unknown(extract):
    r = extract("On 9 October 2023, regime artillery hit Kafr Nabl in Idlib, causing an unknown number of casualties.", published=None)
    assert r.events[0].fatalities is None


def test_extract_place_unknown_to_gazetteer_is_anchored(extract):
    r = extract("On 30 August 2023, Turkish artillery hit the hamlet of Umm Khazna near Tell Abiad in Raqqa.", published=None)
    ev = r.events[0]
    from builder.geo import locate

    where = locate(r, ev.place)
    assert r.entities[ev.place].label == "Umm Khazna"
    assert where.admin1 is not None and where.admin1.label == "Raqqa" and where.lat is not None


def test_extract_nationality_of_a_country_outside_the_curated_list_names_its_state_force(extract):
    """"Sri Lankan troops" is Sri Lanka's state force (the adjective comes from demonyms.jsonl, for
    countries without a curated entry), not an unidentified group and not an actor named "Sri Lankan"."""
    r = extract("Sri Lankan troops shelled rebel positions near Kilinochchi on Tuesday, killing four fighters.", published=date(2008, 11, 20))
    ev = r.events[0]
    force = r.entities[ev.perpetrators[0]]
    assert force.cls == "StateForce" and force.country == "LK" and force.label == "Military Forces of Sri Lanka"
    assert not any(e.label == "Sri Lankan" for e in r.entities.values())


def test_extract_office_holders_keep_the_organisation_they_name(extract):
    """An office named with its country or organisation ("the Iraqi Foreign Minister", "the U.S.
    Central Command commander") is a person, and the organisation inside it keeps its mention."""
    text = "The Iraqi Foreign Minister met the U.S. Central Command commander in Baghdad on Monday, and the prime minister said talks would continue."
    r = extract(text, published=date(2021, 3, 16))
    persons = {e.label for e in r.entities.values() if e.cls == "Person"}
    assert {"Iraqi Foreign Minister", "U.S. Central Command commander", "prime minister"} <= persons
    start = text.index("U.S. Central Command")
    org = next(e for e in r.entities.values() if e.label == "U.S. Central Command")
    assert org.cls != "Person" and any((m.start, m.end) == (start, start + len("U.S. Central Command")) for m in org.mentions)


def test_extract_a_threat_of_attack_is_not_an_attack(extract):
    """"threatened to strike ... with missiles" names an attack that did not happen: a threat
    (OtherDevelopment) by the subject; an attack that hurt somebody stays an attack."""
    r = extract("Iran threatened on Sunday to strike American bases with ballistic missiles if the sanctions stay.", published=date(2020, 1, 6))
    assert [e.cls for e in r.events] == ["OtherDevelopment"]
    assert r.events[0].perpetrators == ["country:IR"]
    r = extract("Militants vowed to continue after their rockets killed two soldiers near Kirkuk on Sunday.", published=date(2020, 1, 6))
    assert r.events[0].cls == "ShellingArtilleryMissileAttack"


def test_extract_blowing_up_property_is_property_destruction_by_the_subject(extract):
    r = extract("Taliban fighters blew up two electricity pylons near Pul-e Khumri on Tuesday, officials said.", published=date(2021, 3, 16))
    ev = r.events[0]
    assert ev.cls == "LootingPropertyDestruction"
    assert any(r.entities[k].label == "Taliban" for k in ev.perpetrators)


def test_extract_roles_of_an_event_followed_by_a_background_clause(extract):
    """"X set fire to Y following the killing of Z": the killing is background, but the arson
    before it still has its perpetrator."""
    r = extract("Armed tribesmen set fire to the offices of the district council on Monday following the killing of a local elder, residents said.", published=date(2021, 3, 16))
    ev = next(e for e in r.events if e.cls == "LootingPropertyDestruction")
    assert [r.entities[k].label for k in ev.perpetrators] == ["Armed tribesmen"]


def labelled(result, prop):
    """(subject label, object label, status) of each relation of one property."""
    return {(result.entities[r.subject].label, result.entities[r.object].label, r.status) for r in result.relations if r.prop == prop}


@pytest.mark.parametrize(
    ("text", "owner", "place", "status"),
    [
        ("For years Kismayo was the largest town controlled by al-Shabaab in southern Somalia.", "al-Shabaab", "Kismayo", "Current"),
        ("Two years after the fall of Palmyra to Islamic State militants, the ruins lie empty.", "Islamic State", "Tadmur", "Current"),
        ("Kurdish-led fighters encircled Raqqa, the de facto Islamic State capital, in June.", "Islamic State", "Raqqa", "Current"),
        ("Kurdish-led fighters held a parade in Raqqa, the former Islamic State capital, on Sunday.", "Islamic State", "Raqqa", "Former"),
        ("The town of Manbij was captured by the Syrian Democratic Forces in August.", "Syrian Democratic Forces", "Manbij", "Current"),
        ("Houthi-held Hodeidah was shelled on Tuesday.", "Ansar Allah", "Al Hudaydah", "Current"),
        ("The Taliban retook Kunduz from government forces on Monday.", "Afghan National Security Forces", "Kunduz", "Former"),
    ],
)
def test_extract_territorial_control_in_passive_and_nominal_forms(extract, text, owner, place, status):
    """Control is stated from the place's side too ("<place> was captured by X", "the fall of
    <place> to X", "<place>, X's capital"); who a place was retaken from held it before."""
    assert (owner, place, status) in labelled(extract(text, published=date(2021, 3, 16)), "controls")


def test_extract_order_of_battle_and_command_phrases(extract):
    r = extract(
        "Sgt. Mark Dillon was assigned to 3rd Battalion, 1st Special Forces Group, based in Washington state. "
        "Gen. Kenneth McKenzie, commander, U.S. Central Command, visited Baghdad on Monday. "
        "The Houthis, led by Abdul-Malik al-Houthi, rejected the truce.",
        published=date(2021, 3, 16),
    )
    assert ("3rd Battalion", "1st Special Forces Group", "Current") in labelled(r, "partOf")
    assert ("Mark Dillon", "3rd Battalion", "Current") in labelled(r, "memberOf")
    commands = labelled(r, "commanderOf")
    assert ("Kenneth McKenzie", "U.S. Central Command", "Current") in commands
    assert ("Abdul-Malik al-Houthi", "Ansar Allah", "Current") in commands
    # A larger unit is never made part of a smaller one.
    assert not any(s == "1st Special Forces Group" for s, _, _ in labelled(r, "partOf"))


def test_extract_no_alliance_or_hostility_from_mere_proximity(extract):
    """A country named as a place, the target of a strike, or an official beside a fight is no
    party to an alliance or a hostility; "A ... in support of B" is an alliance."""
    r = extract(
        "In Iraq, coalition aircraft carried out nine air strikes on Islamic State positions in support of the Peshmerga, Pentagon spokesman John Kirby said.",
        published=date(2021, 3, 16),
    )
    allied = labelled(r, "alliedWith")
    assert any({s, o} == {"Global Coalition against Daesh", "Peshmerga"} for s, o, _ in allied)
    assert not any("Iraq" in (s, o) or "Islamic State" in (s, o) for s, o, _ in allied)
    hostile = labelled(r, "fightingAgainst")
    assert ("Global Coalition against Daesh", "Islamic State", "Current") in hostile
    assert not any("John Kirby" in (s, o) or "Pentagon" in (s, o) for s, o, _ in hostile)
    assert not any("Peshmerga" in (s, o) for s, o, _ in hostile)


def test_extract_who_a_threat_is_aimed_at(extract):
    """The one threatened is the country or actor of "unless X ..." / "if X ..." / "against X"."""
    r = extract("Russia threatened on Monday to halt the arms talks if the United States deploys new missiles in Europe.", published=date(2021, 3, 16))
    threat = r.events[0]
    assert threat.cls == "OtherDevelopment" and threat.perpetrators == ["country:RU"]
    assert threat.targets == ["country:US"]


def test_extract_the_reporting_tail_names_no_party(extract):
    """", Thai military sources said." reports the shelling; Thailand's forces took no part."""
    r = extract(
        "Burmese troops shelled Karen guerrilla camps near the border on Monday, killing 12, Thai military sources said.",
        published=date(2021, 3, 16),
    )
    ev = r.events[0]
    labels = {r.entities[k].label for k in ev.perpetrators + ev.targets + ev.victims}
    assert "Military Forces of Thailand" not in labels
    # "Karen guerrilla camps": the camps' group is the target.
    assert [r.entities[k].label for k in ev.targets] == ["Karen guerrillas"]


def test_extract_civilians_are_those_of_the_country_where_the_event_happened(extract):
    r = extract(
        "A suicide bomber killed four civilians in Kabul on Sunday, Afghan police told reporters in Islamabad, where Pakistan's government condemned the attack.",
        published=date(2021, 3, 16),
    )
    ev = r.events[0]
    assert r.entities[ev.place].label == "Kabul" and r.entities[ev.place].country == "AF"
    assert [r.entities[k].label for k in ev.targets] == ["Civilians (Afghanistan)"]
    assert not any(e.label == "Civilians (Pakistan)" for e in r.entities.values())


def test_extract_palestinian_names_palestine(extract):
    r = extract("Israeli artillery hit a post of the Palestinian security forces near Jenin on Monday.", published=date(2021, 3, 16))
    assert "Military Forces of Palestine" in {r.entities[k].label for k in r.events[0].targets}


def test_extract_a_threat_to_several_and_what_the_subject_owns(extract):
    """"threatened to carry out attacks against the United States and Pakistan" threatens both; in
    "the PMF's Kata'ib Hezbollah ambushed ..." the group the subject owns acts, not is attacked."""
    r = extract("The Taliban's Haqqani network threatened on Monday to carry out attacks against the United States and Pakistan.", published=date(2021, 3, 16))
    assert r.events[0].targets == ["country:US", "country:PK"]
    r = extract("The PMF's Kata'ib Hezbollah ambushed an Islamic State cell near Baiji on Sunday.", published=date(2021, 3, 16))
    ev = r.events[0]
    assert {r.entities[k].label for k in ev.perpetrators} == {"Popular Mobilization Forces", "Kata'ib Hezbollah"}
    assert [r.entities[k].label for k in ev.targets] == ["Islamic State"]


def test_extract_ambiguous_short_names_only_in_their_country(extract):
    """"ADF" is the Allied Democratic Forces in a report from eastern Congo, not in one from
    Australia (where it is the Australian Defence Force)."""
    r = extract("ADF rebels killed 12 civilians near Beni in North Kivu on Tuesday, local officials said.", published=date(2021, 3, 16))
    assert "Allied Democratic Forces" in {r.entities[k].label for k in r.events[0].perpetrators}
    r = extract("The ADF sent two frigates to Darwin on Tuesday, officials in Canberra said.", published=date(2021, 3, 16))
    assert "Allied Democratic Forces" not in {e.label for e in r.entities.values()}


def test_extract_commanders_of_named_formations(extract):
    """Military formations ("Combined Task Force 150") are actors; a ranked name the model takes
    for an organisation is a person; an office beside a named person is that person's title, and
    the formation named in it keeps its own mention."""
    r = extract(
        "Combined Task Force 150, which is led by Capt. James Hale, patrols the Gulf of Oman. "
        "Rear Adm. Brad Cooper, commander of the Combined Maritime Forces, visited Bahrain on Monday. "
        "Maj. Gen. John Brennan, commander, Special Operations Joint Task Force, spoke to reporters.",
        published=date(2021, 3, 16),
    )
    commands = labelled(r, "commanderOf")
    assert ("James Hale", "Combined Task Force 150", "Current") in commands
    assert ("Brad Cooper", "Combined Maritime Forces", "Current") in commands
    assert ("John Brennan", "Special Operations Joint Task Force", "Current") in commands
    persons = {e.label for e in r.entities.values() if e.cls == "Person"}
    assert persons == {"James Hale", "Brad Cooper", "John Brennan"}


@pytest.mark.parametrize(
    "text,place,country,cls",
    [
        # a town the model tags as a person, after "rural", resolved by how it sounds (Ra's al-'Ayn)
        ("On 3 June 2021, gunmen looted grain from a farm in rural Ras al Ain, al-Hasakeh province.", "Ra’s al ‘Ayn", "SY", "PopulatedPlace"),
        # "Ein" and "Ayn" are one word; the village's governorate confirms the match
        ("On 3 June 2021, a landmine exploded on a farm road in rural Ein Issa, Ar-Raqqa governorate, wounding a shepherd.", "‘Ayn ‘Īsá", "SY", "PopulatedPlace"),
        # "X city": the city, not the governorate of the same name
        ("On 3 June 2021, teachers protested outside the education office in Basra city.", "Basrah", "IQ", "PopulatedPlace"),
        # no governorate to check against: the one large town of that sound, not its small namesakes abroad
        ("On 3 June 2021, unemployed engineers staged a protest outside the oil company office in Nassriya city.", "Nasiriyah", "IQ", "PopulatedPlace"),
    ],
)
def test_extract_place_variants_the_gazetteer_spells_otherwise(extract, text, place, country, cls):
    r = extract(text, published=date(2021, 6, 4))
    hits = [e for e in r.entities.values() if e.label == place]
    assert hits and hits[0].country == country and hits[0].cls == cls
    assert not any(e.cls == "Person" for e in r.entities.values())  # the town is not a person (nor a target)
    ev = r.events[0]
    assert r.entities[ev.place].label == place or any(rel.prop == "locatedIn" and rel.subject == ev.place and r.entities[rel.object].label == place for rel in r.relations)


def test_gazetteer_fuzzy_match_needs_a_similar_sound():
    """A shared consonant skeleton is not enough: "Shadadah" is Ash Shaddadah (Syria), not
    Ash Shuhada' (Egypt), whose skeleton is the same."""
    from builder.gazetteer import load_gazetteer

    hits = load_gazetteer().lookup_place("Shadadah", None, fuzzy=True)
    assert [h.name for h in hits] == ["Ash Shaddādah"]


def test_extract_a_surname_alone_is_the_person_named_before(extract):
    """The surname alone, which the model takes for an organisation ("Votel said"), is the general."""
    r = extract("Gen. Joseph Votel visited the base on Monday. Votel said the mission was going well.")
    votel = next(e for e in r.entities.values() if e.label == "Joseph Votel")
    assert [m.rule for m in votel.mentions if m.text == "Votel"] == ["person_short_form"]
    assert not any(e.cls == "Organisation" for e in r.entities.values())


def test_extract_a_surname_that_speaks_is_not_a_town(extract):
    """"Cook said": a person, though GeoNames has towns named Cook; the subject "Smith" is no town either."""
    r = extract('"We will not stop," Cook said. Smith agreed with him.')
    assert "Cook" in {e.label for e in r.entities.values() if e.cls == "Person"}
    assert not any(e.cls in ("PopulatedPlace", "Country") for e in r.entities.values())


@pytest.mark.parametrize(
    "text,not_hostile",
    [
        # the one that supports, joins, aids or comes from the other is on its side, whatever roles the event took
        ("The Coalition supports the Iraqi army with airstrikes against ISIL fighters west of Mosul.", {"Global Coalition against Daesh", "Iraqi Security Forces"}),
        ("On Sunday, soldiers from the 1st Armored Division joined Iraqi troops in shelling ISIL positions near Qayyarah.", {"Armored Division", "Iraqi Security Forces"}),
        ("Syrian rebels, aided by Turkish artillery, attacked ISIL positions in al-Bab on Monday.", {"Syrian opposition fighters", "Turkish Armed Forces"}),
        # an unarmed organisation named beside the weapon is no side of the attack
        ("The UN chemical weapons report says the regime dropped sarin on Khan Sheikhoun.", {"UN", "Syrian Arab Army"}),
    ],
)
def test_extract_no_hostility_between_sides_the_sentence_ties_together(extract, text, not_hostile):
    r = extract(text)
    hostile = {frozenset((r.entities[x.subject].label, r.entities[x.object].label)) for x in r.relations if x.prop == "fightingAgainst"}
    assert frozenset(not_hostile) not in hostile
    assert hostile or "UN" in not_hostile  # the real enemy is still there


def test_extract_precision_of_control_and_membership_phrases(extract):
    # the place where equipment was captured is not a place captured
    r = extract("On Friday, coalition jets destroyed 11 ISIL trucks captured near Deir ez-Zor, Syria.")
    assert not labelled(r, "controls")
    # killing members of a tribe makes nobody a member of it; serving as part of a coalition does
    r = extract("ISIL militants have killed 40 members of the Shaitat tribe in Deir ez-Zor province.")
    assert not [x for x in r.relations if x.prop in ("partOf", "memberOf")]
    assert labelled(r, "fightingAgainst") == {("Islamic State", "Shaitat", "Current")}
    r = extract("Denmark has been part of the Global Coalition since 2014.")
    assert ("Denmark", "Global Coalition against Daesh", "Current") in labelled(r, "partOf") | labelled(r, "memberOf")


@pytest.mark.parametrize(
    "text,cls,fatalities,place,country",
    [
        # the toll in the next sentence belongs to the attack before it, not to a new event
        ("On 15 March 2021, JNIM militants ambushed a Malian army convoy near Tessit (Gao). 33 soldiers were killed and 14 wounded.", "ArmedClash", 33, "Tessit", "ML"),
        ("On 8 April 2021, NPA rebels ambushed a patrol of the Philippine Army in Las Navas (Northern Samar). A soldier was killed.", "ArmedClash", 1, "Las Navas", "PH"),
        ("On 5 April 2021, LNA forces shelled GNA positions south of Tripoli with Grad rockets. No casualties reported.", "ShellingArtilleryMissileAttack", 0, "Tripoli", "LY"),
        # a protest fired upon, the deaths reported after: excessive force
        ("On 17 March 2021, soldiers opened fire on protesters in Mandalay. At least 12 people were killed.", "ExcessiveForceAgainstProtesters", 12, "Mandalay", "MM"),
        # the soldiers are the perpetrators' own word: civilians were attacked, nobody clashed
        ("On 3 April 2021, ENDF soldiers killed 12 civilians in Adwa town (Tigray).", "Attack", 12, "Adwa", "ET"),
        # "Tame (Arauca": the model's span across the parenthesis is the town and its department
        ("On 7 April 2021, ELN guerrillas attacked a military base in Tame (Arauca) with explosives, wounding 2 soldiers.", None, None, "Tame", "CO"),
        # a village the gazetteer lacks, near a known town: not a namesake on another continent
        ("On 19 March 2021, ADF rebels attacked the village of Kisima near Beni (North Kivu), killing 8 civilians with machetes.", "Attack", 8, None, "CD"),
    ],
)
def test_extract_acled_notes_from_other_wars(extract, text, cls, fatalities, place, country):
    from builder.geo import locate

    r = extract(text, published=date(2021, 4, 20))
    assert len(r.events) == 1
    ev = r.events[0]
    assert cls is None or ev.cls == cls
    assert ev.fatalities == fatalities
    where = locate(r, ev.place)
    assert where.country is not None and where.country.country == country
    assert place is None or r.entities[ev.place].label.startswith(place)
    assert not any(e.cls == "Organisation" and "(" in e.label for e in r.entities.values())


def test_extract_claim_sentence_after_the_attack_is_its_claim(extract):
    r = extract("On 13 April 2021, ISWAP fighters overran an army base in Mainok, killing at least 20 soldiers. ISWAP claimed responsibility.", published=date(2021, 4, 20))
    assert len(r.events) == 1 and [r.entities[c.claimant].label for c in r.events[0].claims] == ["Islamic State West Africa Province"]


def test_extract_a_name_with_the_arabic_article_stays_in_the_arabic_speaking_world(extract):
    """"al-Dabaat" is no spelling of Dabat in Ethiopia; the Iraqi town named after it is then found."""
    r = extract("On 2 June 2021, a roadside bomb went off by al-Dabaat, west of Ar Rutba, wounding a shepherd.", published=date(2021, 6, 3))
    assert {e.country for e in r.entities.values() if e.cls in ("PopulatedPlace", "Country")} == {"IQ"}


@pytest.mark.parametrize(
    "text,perpetrators,fatalities,place",
    [
        # a town the model takes for a person, followed by its province: the town
        ("On 14 May 2021, Ukrainian forces shelled Horlivka (Donetsk), killing a civilian.", {"Military Forces of Ukraine"}, 1, "Horlivka"),
        # both conjoined subjects act; soldiers named as perpetrators do not make it a clash
        ("On 9 May 2021, Wagner mercenaries and FAMa soldiers executed 12 civilians in Moura (Mopti).", {"Wagner Group", "Malian Armed Forces"}, 12, None),
        # "Israeli airstrikes" are Israel's forces, and air strikes
        ("On 13 May 2021, Israeli airstrikes hit a residential tower in Gaza City, killing 10 civilians.", {"Israel Defense Forces"}, 10, None),
        # the bomber is among the dead
        ("On 8 May 2021, a suicide bomber blew himself up near a mosque in Konduga (Borno), killing himself and 4 worshippers.", None, 5, "Konduga"),
    ],
)
def test_extract_acled_notes_roles_tolls_and_towns(extract, text, perpetrators, fatalities, place):
    r = extract(text, published=date(2021, 5, 20))
    ev = r.events[0]
    assert perpetrators is None or {r.entities[k].label for k in ev.perpetrators} == perpetrators
    assert ev.fatalities == fatalities
    assert place is None or r.entities[ev.place].label == place
    assert "Israeli" not in text or ev.cls == "AirDroneStrike"
    assert "Wagner" not in text or ev.cls == "Attack"


def test_extract_countries_as_states_and_inside_names(extract):
    # listed as members of an alliance, countries act as states there
    r = extract("Coalition nations that flew missions over Syria this week include Norway, Belgium and Greece.")
    norway = r.entities["country:NO"]
    assert [m.rule for m in norway.mentions if m.text == "Norway"] == ["country_as_actor"]
    assert ("Norway", "Global Coalition against Daesh", "Current") in labelled(r, "memberOf")
    assert [m.rule for m in r.entities["country:SY"].mentions] == ["gazetteer_country"]  # where they flew: a place
    # "the government of Iraq" mentions Iraq as well as its government
    r = extract("The United States will keep supporting the government of Iraq against ISIL.")
    assert [m.rule for m in r.entities["country:IQ"].mentions if m.text == "Iraq"] == ["country_in_name"]
    assert "Government of Iraq" in {e.label for e in r.entities.values()}


def test_extract_a_country_named_as_a_place_takes_no_side(extract):
    """"across Syria and Iraq" names where, not who: no hostility between Iraq's forces and Britain's."""
    r = extract("Britain flies missions against ISIL across Syria and Iraq and keeps up attacks against those who threaten Britain.")
    hostile = {(r.entities[x.subject].label, r.entities[x.object].label) for x in r.relations if x.prop == "fightingAgainst"}
    assert ("British Armed Forces", "Islamic State") in hostile
    assert not any("Iraq" in a or "Iraq" in b or "Syria" in a or "Syria" in b for a, b in hostile)


def test_emit_gazetteer_containment_is_a_description_text_containment_an_affiliation(extract):
    """That a town lies in its province is known from GeoNames, not read in a sentence: it is part
    of the town's shared description (no affiliation node, no evidence citing a sentence that does
    not say it). Containment the text states ("in the X countryside") keeps its affiliation."""
    from builder.emit import emit_triples, entity_iri

    r = extract("On May 2, an IED exploded in Saraqib, killing two soldiers. Later, clashes broke out in Ufania in the Quneitra countryside.")
    rels = {(rel.subject, rel.object): rel.evidence.rule for rel in r.relations if rel.prop == "locatedIn"}
    town = next(k for k, e in r.entities.items() if e.label == "Saraqib")
    village = next(k for k, e in r.entities.items() if e.label == "Ufania")
    assert rels[(town, "place:adm1:SY.12")] == "gazetteer_hierarchy"  # Idlib Governorate
    assert rels[(village, "place:adm1:SY.03")] in ("place_in_place", "place_then_place", "adjacent_place_in_place")  # Quneitra, as the text says
    triples = emit_triples(r)
    shared, own = triples.shared(), triples.document()
    iri = lambda key: str(entity_iri(key))  # noqa: E731
    located = {(t[0].value, t[2].value) for t in shared if t[1].value.endswith("#locatedIn")}
    assert (iri(town), iri("place:adm1:SY.12")) in located and (iri("place:adm1:SY.12"), iri("country:SY")) in located
    affiliations = {t[0].value for t in own if t[1].value.endswith("#relation") and t[2].value.endswith("#locatedIn")}
    subjects = {t[2].value for t in own if t[0].value in affiliations and t[1].value.endswith("#subjectActor")}
    assert subjects == {iri(village)}
    assert (iri(village), iri("place:adm1:SY.03")) in {(t[0].value, t[2].value) for t in own if t[1].value.endswith("#locatedIn")}


@pytest.mark.parametrize(
    "text,perpetrator,target",
    [
        ("Two Iraqi soldiers were killed by a roadside bomb near Tikrit on Monday.", "Unidentified armed group", "Iraqi Security Forces"),
        ("A Turkish soldier was wounded when an IED struck his patrol near Afrin on 3 May.", "Unidentified armed group", "Turkish Armed Forces"),
        ("Russian military police were targeted by an IED on the M4 highway near Ariha on Sunday.", "Unidentified armed group", "Russian Military Police"),  # the gazetteer's name of the actor
        ("On 4 May, five ISIS fighters were killed by SDF forces in Hajin.", "Syrian Democratic Forces", "Islamic State"),
    ],
)
def test_extract_passive_subject_of_harm_is_the_target(extract, text, perpetrator, target):
    """Those a passive verb of harm says were hit are its target, not its perpetrator, though
    they come before the trigger; with only a weapon as agent the perpetrator is unidentified."""
    r = extract(text)
    ev = r.events[0]
    label = lambda keys: [r.entities[k].label for k in keys]  # noqa: E731
    assert label(ev.perpetrators) == [perpetrator]
    assert target in label(ev.targets) and target not in label(ev.perpetrators)


@pytest.mark.parametrize(
    "text,country,province,near,km",
    [
        # the province in parentheses decides against a larger namesake elsewhere
        ("On 3 April 2021, insurgents attacked Palma (Cabo Delgado), killing 12 civilians.", "MZ", "Cabo Delgado", None, None),
        ("On 3 April 2021, Maoists ambushed CRPF personnel near Bijapur (Chhattisgarh), killing 5.", "IN", "Chhattisgarh", (18.79, 80.82), 25),
        # a village said to be near a town lies near it (not Kissimmee, Florida)
        ("On 9 March 2021, ADF rebels killed 8 civilians in Kisima near Beni (North Kivu).", "CD", "Nord-Kivu", (0.49, 29.47), 50),
        # a favela in a city is not its namesake town in another state
        ("On 2 May 2021, police killed 3 men in the Jacarezinho favela in Rio de Janeiro.", "BR", "Rio de Janeiro", (-22.91, -43.18), 25),
    ],
)
def test_extract_place_named_with_its_province_or_town(extract, text, country, province, near, km):
    from builder.geo import haversine_km, locate

    r = extract(text)
    ev = r.events[0]
    where = locate(r, ev.place)
    assert where.country is not None and where.country.key == f"country:{country}"
    assert where.admin1 is not None and where.admin1.label == province
    if near:
        assert haversine_km(where.lat, where.lon, *near) <= km


def test_extract_a_town_taken_by_name_and_a_heart_attack_is_no_attack(extract):
    """'captured Zaranj, the capital of Nimroz' takes territory though no word such as 'town'
    follows the verb; a death from a heart attack during a strike is not a second attack."""
    r = extract("On 7 August 2021, Taliban fighters captured Zaranj, the capital of Nimroz province, from Afghan government forces.", published=date(2021, 8, 9))
    assert [e.cls for e in r.events] == ["NonStateActorOvertakesTerritory"]
    assert r.entities[r.events[0].place].label == "Zaranj" and r.entities[r.events[0].perpetrators[0]].label == "Taliban"
    r = extract("On 3 March 2021, militants fired rockets at Ain al-Asad airbase in Anbar. A US contractor died of a heart attack while sheltering.", published=date(2021, 3, 5))
    assert [e.cls for e in r.events] == ["ShellingArtilleryMissileAttack"]


@pytest.mark.parametrize(
    "text,cls,perpetrator,country",
    [
        # a capital far larger than a namesake in a curated country (Bogota, New Jersey)
        ("On 9 May 2021, police fired tear gas to disperse students protesting in Bogota against the tax reform.", "ProtestWithIntervention", "Protesters (Colombia)", "CO"),
        ("On 11 May 2021, rioters torched a police station in Cali after a protester was shot.", "ViolentDemonstration", "Rioters (Colombia)", "CO"),
        ("On 14 May 2021, a mob lynched a man accused of theft in Bhagalpur in Bihar.", "MobViolence", "Rioters (India)", "IN"),
        ("On 15 May 2021, a woman was raped by armed men in the village of Kilwa (Haut-Katanga).", "SexualViolence", "Unidentified armed group", "CD"),
        ("On 17 May 2021, security forces defused 2 explosive devices on a road in Kirkuk.", "DisruptedWeaponsUse", None, "IQ"),
        ("On 13 May 2021, government forces regained control of the town of Diffa after clashes with Boko Haram.", "GovernmentRegainsTerritory", "Niger Armed Forces", "NE"),
        ("On 22 April 2021, a suicide bomber detonated a vest at a checkpoint in Mogadishu, killing 3 soldiers.", "SuicideBomb", "Unidentified armed group", "SO"),
        ("On 5 May 2021, gunmen of the Sinaloa Cartel clashed with police in Culiacan (Sinaloa), leaving 4 dead.", "ArmedClash", "Sinaloa Cartel", "MX"),
        ("On 2 June 2021, al-Shabaab militants attacked a police station in Mocimboa da Praia, Cabo Delgado, killing 3 police officers.", None, "Islamic State Mozambique Province", "MZ"),
        ("On 16 August 2021, Al Shabaab fired mortars at a base in Mogadishu. No casualties were reported.", "ShellingArtilleryMissileAttack", "al-Shabaab", "SO"),
        # an Arabic place name is in the Arabic-speaking world (not Inisa, Nigeria)
        ("On 2 May 2021, Turkish-backed factions looted homes in the village of Ain Issa after residents fled.", "LootingPropertyDestruction", None, "SY"),
        # a name in Spanish without its accents is still the cartel; "near" is not part of a name
        ("On 12 March 2021, members of the Cartel Jalisco Nueva Generacion ambushed a patrol of the Mexican National Guard near Aguililla (Michoacan), killing 5.", "ArmedClash", "Jalisco New Generation Cartel", "MX"),
    ],
)
def test_extract_acled_sub_events_and_places_of_other_wars(extract, text, cls, perpetrator, country):
    from builder.geo import locate

    r = extract(text, published=date(2021, 8, 20))
    ev = r.events[0]
    assert cls is None or ev.cls == cls
    assert perpetrator is None or r.entities[ev.perpetrators[0]].label == perpetrator
    where = locate(r, ev.place)
    assert where.country is not None and where.country.country == country
    assert not any(e.label.endswith(" near") for e in r.entities.values())


def test_extract_who_reports_a_passive_toll_and_a_border_take_no_side(extract):
    """'The army said that five soldiers were killed in an attack by militants': the army reports
    the attack on its soldiers; 'a 17-year-old' is a civilian."""
    r = extract("The Pakistani army said on Wednesday that five soldiers were killed in an attack by militants on a checkpoint in North Waziristan.", published=date(2022, 6, 15))
    ev = r.events[0]
    assert "Pakistan Armed Forces" not in [r.entities[k].label for k in ev.perpetrators]
    r = extract("Israeli troops shot dead a 17-year-old Palestinian during a raid in the Jenin refugee camp on Monday.", published=date(2022, 6, 15))
    assert r.events[0].cls == "Attack"


@pytest.mark.parametrize(
    "text,cls,actor",
    [
        # "SNA" is the Syrian National Army in Syria and the Somali National Army in Somalia
        ("On 5 November 2020, the SNA shelled SDF positions near Ain Issa with mortars. No casualties reported.", "ShellingArtilleryMissileAttack", "Syrian National Army"),
        ("On 6 November 2020, al-Shabaab militants attacked an SNA base in Afgooye, killing 4 soldiers.", "ArmedClash", "Somali Armed Forces"),
        # a former commander shot dead is a civilian attacked, whatever group he once led
        ("On 11 November 2020, unidentified gunmen shot dead a former FSA commander in Muzayrib (Daraa).", "Attack", "Free Syrian Army"),
    ],
)
def test_extract_acronym_of_two_countries_and_a_former_commander(extract, text, cls, actor):
    r = extract(text, published=date(2020, 11, 20))
    ev = r.events[0]
    assert ev.cls == cls
    assert actor in [r.entities[k].label for k in ev.perpetrators + ev.targets]


def test_extract_a_town_of_that_name_before_a_namesake_under_another_name(extract):
    """GeoNames lists Talas in Turkey under the alternate name "Tafas" too; with nothing else to go
    by, the Syrian town whose own name is Tafas (of like size) is meant."""
    from builder.geo import locate

    r = extract("On 8 May 2020, unidentified gunmen killed a man in Tafas.", published=date(2020, 5, 10))
    where = locate(r, r.events[0].place)
    assert where.country is not None and where.country.country == "SY"


@pytest.mark.parametrize(
    "text,aimed",
    [
        ("Rebels shelled the provincial capital Juba on Sunday, killing 20 people.", ["Juba"]),
        ("Police imposed a night curfew on Cizre on 2 May after a protest.", ["Cizre"]),
        ("Israeli tanks fired four shells at targets in Jericho on 12 March, witnesses said.", ["Jericho"]),
        ("On 3 May, Russian warplanes bombed Saraqib, killing 4 civilians.", ["Saraqib"]),
        # a place where people died, or that fighters came from, was not aimed at
        ("On 4 May, two soldiers died in Kandahar when gunmen attacked their checkpoint.", []),
        ("On 5 May, Boko Haram fighters who came from Niger attacked soldiers in Maiduguri.", ["Maiduguri"]),
    ],
)
def test_extract_places_an_action_was_directed_at(extract, text, aimed):
    """PLOVER's target location: the town shelled, put under curfew or fired at is the event's
    targeted place; a place named for another reason is not."""
    r = extract(text)
    got = sorted(r.entities[k].label for ev in r.events for k in ev.target_places)
    assert got == aimed


def test_extract_excessive_force_hits_the_protesters_and_custody_names_the_culprit(extract):
    """Police who fire on demonstrators are ACLED's actor 1 and the protesters (their mention the
    crowd named in the text) the target; who held a prisoner who died under torture did it."""
    r = extract("Police opened fire to disperse Islamist demonstrators in Cairo on 3 May, killing two people.")
    ev = r.events[0]
    label = lambda keys: [r.entities[k].label for k in keys]  # noqa: E731
    assert ev.cls == "ExcessiveForceAgainstProtesters"
    assert "Protesters (Egypt)" in label(ev.targets) and "Protesters (Egypt)" not in label(ev.perpetrators)
    crowd = next(e for e in r.entities.values() if e.label == "Protesters (Egypt)")
    assert any(m.text == "Islamist demonstrators" for m in crowd.mentions)
    r = extract("A Palestinian detainee died under torture in Israeli police custody on 4 May, a rights group said.")
    ev = r.events[0]
    assert ev.cls == "Attack"
    assert label(ev.perpetrators) == ["Israeli police"]
    assert label(ev.targets) == ["Palestinian detainee"]
    r = extract("On 6 May, three detainees died under torture in regime prisons in Homs, SOHR reported.")
    ev = r.events[0]
    assert ev.cls == "Attack" and label(ev.perpetrators) == ["Syrian Arab Army"]


def test_weapons_lexicon_names_one_kind_per_mention():
    """Kinds of aircraft sharing one noun are one mention each; the longer name wins where two
    start together; a suicide bomber, a water tank and a think tank are no weapons."""
    from builder.extraction.weapons import find_weapons

    def labels(text):
        return [(text[w.start : w.end], w.label) for w in find_weapons(text)]

    assert labels("raids by fighter, attack, bomber and remotely piloted aircraft") == [
        ("fighter", "fighter aircraft"),
        ("attack", "attack aircraft"),
        ("bomber", "bomber aircraft"),
        ("remotely piloted aircraft", "remotely piloted aircraft"),
    ]
    assert labels("rocket propelled grenade fire and Grad rockets") == [("rocket propelled grenade", "rocket-propelled grenade"), ("Grad rockets", "rocket")]
    assert labels("RPGs, SVBIEDs and an MQ-9 Reaper") == [("RPGs", "rocket-propelled grenade"), ("SVBIEDs", "vehicle-borne improvised explosive device"), ("MQ-9 Reaper", "MQ-9 Reaper")]
    assert labels("A suicide bomber hit a water tank near a think tank.") == []


@pytest.mark.parametrize(
    "text,uses",
    [
        (
            "On 3 May, coalition forces flew 9 sorties over Iraq using fighter, attack and remotely piloted aircraft against IS positions.",
            {("attack aircraft", "Global Coalition against Daesh"), ("fighter aircraft", "Global Coalition against Daesh"), ("remotely piloted aircraft", "Global Coalition against Daesh")},
        ),
        ("Iraqi troops came under machine gun and RPG fire from ISIS fighters near Mosul on 3 May.", {("machine gun", "Islamic State"), ("rocket-propelled grenade", "Islamic State")}),
        ("Hezbollah fired dozens of rockets at northern Israel on 3 May.", {("rocket", "Hezbollah")}),
        ("On 3 May, ISIS seized tanks from the Syrian army near Palmyra.", {("tank", "Islamic State")}),
        ("Near Raqqa, one strike destroyed an ISIS-held tank on 3 May.", {("tank", "Islamic State")}),
        # what was hit, a facility and a crewman's trade are no use of a weapon
        ("On 3 May, a coalition strike destroyed three tanks near Mosul.", set()),
        ("On 3 May, a strike destroyed an ISIS-held depot, a VBIED and a VBIED workshop near Mosul.", set()),
        ("On 3 May, strikes destroyed two trucks, an ISIS-held depot, and one rocket-propelled grenade launcher near Mosul.", set()),
        ("On 3 May, the SDF destroyed ISIS heavy weapons, VBIEDs and armored vehicles near Raqqa.", {("heavy weapons", "Islamic State"), ("vehicle-borne improvised explosive device", "Islamic State"), ("armoured vehicle", "Islamic State")}),
        ("Spc. Ann Lee, an artillery crewmember with the 82nd Airborne Division, said the drills went well.", set()),
    ],
)
def test_extract_who_uses_or_holds_a_weapon(extract, text, uses):
    r = extract(text)
    got = {(r.entities[x.object].label, r.entities[x.subject].label) for x in r.relations if x.prop in ("usesWeapon", "holdsWeapon")}
    assert got == uses
    for x in r.relations:
        if x.prop in ("usesWeapon", "holdsWeapon"):
            # named with the actor ("an ISIS-held tank") it is held; the object of a verb of use, used
            assert (x.prop == "holdsWeapon") == (x.evidence.rule == "weapon_of_actor")
            assert r.entities[x.object].cls == "Weapon" and x.evidence.text in text


def test_extract_hostility_not_from_judges_names_or_places(extract):
    """Who condemns an attack did not carry it out; a coalition named "to Counter ISIS" is no
    statement of a fight; a country after a town ("Palmyra, Syria") is a place, not a side; the
    civilians an attack killed are its target."""
    def hostile(r):
        return {frozenset((r.entities[x.subject].label, r.entities[x.object].label)) for x in r.relations if x.prop == "fightingAgainst"}

    r = extract("Washington firmly condemned the ISIS suicide bombing in Tel Tamer on 3 May that killed 20 Syrian civilians.")
    ev = r.events[0]
    labels = [r.entities[k].label for k in ev.perpetrators]
    assert "Islamic State" in labels and not any("United States" in x for x in labels)
    assert frozenset(("Islamic State", "Civilians (Syria)")) in hostile(r)
    assert not any("United States" in x for pair in hostile(r) for x in pair)
    r = extract("The envoy of the Coalition to Counter ISIS will meet ministers in Berlin on 3 May.")
    assert hostile(r) == set()
    r = extract("On 3 May, US aircraft struck al-Qaeda operatives near Sarmada, Syria, killing 20 militants.")
    assert not any("Syria" in x for pair in hostile(r) for x in pair)


@pytest.mark.parametrize(
    "text,bearing",
    [
        ("On 3 May 2021, regime artillery shelled Hazarin village in the southern countryside of Idlib.", 180),
        ("On 3 May 2021, Turkish forces shelled Umm al-Kaif in northern al-Hasakah countryside, wounding a civilian.", 0),
        ("On 3 May 2021, opposition fighters shelled regime positions in northern Latakia countryside.", 0),
    ],
)
def test_extract_a_village_in_the_countryside_lies_that_way_from_the_town(extract, text, bearing):
    """A village the gazetteer lacks "in the southern countryside of Idlib" is placed 20 km south
    of Idlib's point (ACLED geo precision 2 or worse), not at it; a town with coordinates of its
    own keeps them."""
    from builder.geo import haversine_km, locate, offset

    r = extract(text)
    ev = r.events[0]
    anchor = locate(r, ev.place)
    assert ev.lat is not None and ev.geo_precision >= 2
    assert haversine_km(ev.lat, ev.lon, anchor.lat, anchor.lon) == pytest.approx(20, abs=0.1)
    assert (ev.lat, ev.lon) == offset(anchor.lat, anchor.lon, bearing, 20)
    assert (ev.lat > anchor.lat) == (bearing == 0)


@pytest.mark.parametrize(
    "text,town",
    [
        ("On 3 May 2021, an IED went off near Hajin in the eastern Deir ez-Zor countryside, wounding two men.", "Hajīn"),
        # names the language model takes for a person or a nationality, before "in <province>"
        ("On 4 May 2021, SDF fighters were ambushed near Ras al Ain in al-Hasakah.", "Ra’s al ‘Ayn"),
        ("On 5 May 2021, IS militants attacked a checkpoint near Tal Tamer in al-Hasakah, killing a soldier.", "Tall Tamr"),
    ],
)
def test_extract_a_town_before_its_province_keeps_its_own_point(extract, text, town):
    r = extract(text)
    ev = r.events[0]
    assert r.entities[ev.place].label == town and r.entities[ev.place].lat is not None
    assert ev.lat is None


def test_geo_offset_moves_the_given_distance_and_direction():
    from builder.geo import haversine_km, offset

    lat, lon = offset(35.93, 36.63, 90, 20)
    assert haversine_km(35.93, 36.63, lat, lon) == pytest.approx(20, abs=0.05)
    assert lon > 36.63 and abs(lat - 35.93) < 0.01


@pytest.mark.parametrize(
    "text,cls,town",
    [
        # the place is in the sentence before the toll that makes it an event
        ("On 3 May 2021, a fuel truck caught fire beside the vegetable market in Azaz. As a result, 7 people were killed and 20 were injured.", "Attack", "I‘zāz"),
        # a capitalised name before "town" or "city" is looked up whole ("Tal Abyad", not "At Tall")
        ("On 6 May 2021, unidentified gunmen killed a trader 4 km south of Tal Abyad town.", "Attack", "Tall Abyaḑ"),
        # fire aimed at somebody is an attack on them
        ("On 4 May 2021, IS fighters fired an RPG at an SDF checkpoint in Hajin. No casualties were reported.", "ArmedClash", "Hajīn"),
        # a spelling another country has exactly ("Mansura", Egypt) yields to a like one in the country in focus
        ("On 3 May 2021, the SDF detained six men in Mansura in Raqqa on charges of working with IS.", "AbductionForcedDisappearance", "Al Manşūrah"),
    ],
)
def test_extract_event_places_from_context_and_spelling(extract, text, cls, town):
    r = extract(text)
    ev = r.events[0]
    assert ev.cls == cls
    assert r.entities[ev.place].label == town and r.entities[ev.place].country == "SY"


def test_extract_fired_from_a_job_is_no_attack(extract):
    assert extract("The company fired the manager on Monday.").events == []


def test_extract_places_named_by_an_airbase_a_bracketed_town_or_a_nearby_town(extract):
    """"Quamishli Airbase" names the town; "Metina (Amadiya) region of Duhok" is by the town in
    brackets; a village the gazetteer lacks said to be west of a town gets that town's point
    (precision 2), not its province's; where a victim came from is not where he was killed."""
    r = extract("On 3 May 2021, an IED hit a patrol leaving Quamishli Airbase, killing 2 soldiers.")
    assert r.entities[r.events[0].place].label == "Al Qāmishlī"
    r = extract("On 3 May 2021, Turkish warplanes struck PKK positions in Metina (Amadiya) region of Duhok, Northern Iraq.")
    assert r.entities[r.events[0].place].label == "Al ‘Amādīyah"
    r = extract("On 3 May 2021, regime artillery hit the hamlet of Umm Tuwaynah west of Tall Abyad in Raqqa.")
    ev = r.events[0]
    town = r.entities[ev.near]
    assert r.entities[ev.place].lat is None and town.label == "Tall Abyaḑ"
    assert (ev.lat, ev.lon, ev.geo_precision) == (town.lat, town.lon, 2)
    r = extract("On 3 May 2021, gunmen killed a shepherd from Nawa in Tafas.")
    assert r.entities[r.events[0].place].label == "Ţafas"


def test_extract_no_alliance_with_a_person_or_an_agreement(extract):
    """A minister who reiterates support for Iraq is no ally of it, and a ceasefire that states
    work to support is no party; the states that support each other still are."""
    def allied(r):
        return {frozenset((r.entities[x.subject].label, r.entities[x.object].label)) for x in r.relations if x.prop == "alliedWith"}

    r = extract("On 3 May, Minister Jane Doe pledged continued support for Iraq against ISIS.")
    assert not any("Jane Doe" in x for pair in allied(r) for x in pair)
    r = extract("Russia and Turkey said they would back a Cessation of Hostilities across Idlib.")
    assert not any("Cessation" in x for pair in allied(r) for x in pair)
    r = extract("The Coalition supports the SDF with airstrikes and advisers near Raqqa.")
    backed = {(r.entities[x.subject].label, r.entities[x.object].label) for x in r.relations if x.prop == "backedBy"}
    assert any("Syrian Democratic Forces" in pair for pair in allied(r)) or ("Syrian Democratic Forces", "Global Coalition against Daesh") in backed


def test_extract_relations_of_an_event_told_over_several_sentences(extract):
    """The perpetrator operates where the event happened, read in the sentence that names both
    (here the province of the claim, not the oil field of the later sentence); a ranked officer
    killed in an attack on his country's troops is one of them, read where he is named."""
    r = extract(
        "On Monday, the Islamic State claimed responsibility for an attack on Russian troops in Deir Ezzor province. "
        "The attack, which took place on Saturday near the al-Omar oil field, killed Colonel Ivan Petrov and wounded three other Russian soldiers."
    )
    rels = {(x.prop, x.subject, x.object) for x in r.relations}
    assert ("operatesIn", "actor:islamic-state", "place:adm1:SY.07") in rels
    petrov = next(k for k in r.entities if k.startswith("person:") and "petrov" in k)
    assert ("memberOf", petrov, "actor:forces-ru") in rels


def test_extract_support_for_the_efforts_of_the_sentence_before(extract):
    """"These efforts are supported by X" after a sentence whose subject is Y: X is Y's ally
    (supported_action_of), not its enemy, and the path records the anaphor."""
    r = extract(
        "The Iraqi Army stepped up its operations against Islamic State cells in the Hamrin mountains on Sunday. "
        "These efforts were supported by fighters from the Popular Mobilisation Forces, officials said."
    )
    allied = [x for x in r.relations if x.prop == "alliedWith" and {x.subject, x.object} == {"actor:forces-iq", "actor:pmf"}]
    assert allied and allied[0].evidence.construction == "supported_action_of" and "~this~" in allied[0].evidence.path
    assert not any(x.prop == "fightingAgainst" and {x.subject, x.object} == {"actor:forces-iq", "actor:pmf"} for x in r.relations)


def test_extract_a_trigger_word_inside_a_name_is_no_trigger(extract):
    """"Liberation" in "the Arakan Liberation Army" is a name, not territory regained."""
    r = extract("The Arakan Liberation Army attacked a police post near Paletwa on Monday.")
    assert r.events and all(e.cls not in ("GovernmentRegainsTerritory", "NonStateActorOvertakesTerritory") for e in r.events)


def test_extract_deputy_commander_in_apposition(extract):
    """"X, the deputy commander of Y": the office is X's (no second, unnamed person), and Y keeps
    its whole name ("Hayat Tahrir al-Sham", not an office "commander of Hayat Tahrir")."""
    r = extract("Abu Maria al-Qahtani, the deputy commander of Hayat Tahrir al-Sham, said the group would respond.")
    rels = [x for x in r.relations if x.prop == "commanderOf" and x.object == "actor:hts"]
    assert rels and rels[0].subject == "person:abu-maria-al-qahtani" and rels[0].role == "deputy"
    assert [k for k in r.entities if k.startswith("person:")] == ["person:abu-maria-al-qahtani"]


@pytest.mark.parametrize(
    "text,precision",
    [
        ("A drone struck the al-Omar oil field on Sunday, killing two guards.", 3),  # a facility of Deir ez-Zor, no point of its own
        ("Militants stormed the al-Tanf garrison overnight, the coalition said on Monday.", 3),
        ("Gunmen killed three farmers in the village of Zwarbekedi on Sunday, police in Nigeria said.", 3),  # in no division the text names
    ],
)
def test_extract_event_without_coordinates_never_has_precision_1(extract, text, precision):
    """Issue 17: an event at a place without coordinates of its own is mapped by what contains
    it (ACLED geo precision 2 or 3), never with precision 1."""
    r = extract(text)
    ev = r.events[0]
    assert ev.place is not None and r.entities[ev.place].lat is None and ev.lat is None
    assert ev.geo_precision == precision


@pytest.mark.parametrize(
    "text,city,country",
    [
        ("On 4 May 2022, nurses demonstrated in London - Camden against pay cuts.", "London", "GB"),  # note style
        ("Students rallied outside the parliament (Seoul City - Mapo) on Thursday against tuition fees.", "Seoul", "KR"),
        ("On 3 May 2022, in Ciudad de Mexico - Tlalpan, teachers protested outside the education ministry.", "Mexico City", "MX"),
        ("Police fired tear gas at hundreds of protesters in Nairobi - Kibera on Tuesday, witnesses said.", "Nairobi", "KE"),  # wire copy
    ],
)
def test_extract_city_and_district_after_a_spaced_dash(extract, text, city, country):
    """"City - District" is a place inside the city: the event is at the city, not at the country
    inside its name ("Ciudad de Mexico") nor at a namesake of the district elsewhere."""
    r = extract(text)
    place = r.entities[r.events[0].place]
    assert (place.label, place.country, place.cls) == (city, country, "PopulatedPlace")
    assert any(ev.rule == "city_district" for ev in place.mentions)


def test_extract_spaced_dash_between_towns_or_dates_is_no_district(extract):
    """A road between two towns and a span of dates are not a city and its district."""
    r = extract("Farmers blocked the Sucre - Oruro highway on Monday in protest at fuel prices.")
    assert not any(m.rule == "city_district" for e in r.entities.values() for m in e.mentions)
    r = extract("Strikes went on in Lima from March - May, organisers said.")
    assert not any(m.rule == "city_district" for e in r.entities.values() for m in e.mentions)


@pytest.mark.parametrize(
    "text,label,country",
    [
        ("A London-based monitor said gunmen killed four people in Idlib on Tuesday.", "Idlib", "SY"),  # wire copy
        ("Clashes broke out between Tehran-backed militias and tribal fighters in Deir Ezzor on Sunday.", "Deir ez-Zor", "SY"),
        ("A Moscow-funded militia attacked a village near Bambari on Friday, killing six civilians.", "Bambari", "CF"),  # the backer's city casts no vote for the focus
        ("In an analysis, the Paris-based institute notes that troops raided a market in Gao in March 2022.", "Gao", "ML"),  # analysis prose
    ],
)
def test_extract_the_place_in_an_actor_compound_is_not_the_events(extract, text, label, country):
    """"X-based", "X-backed", "X-led", "X-funded": the compound says where an actor is based or
    who backs it; the place phrase of the event's clause is where it happened."""
    r = extract(text)
    place = r.entities[r.events[0].place]
    assert (place.label, place.country) == (label, country)


@pytest.mark.parametrize(
    "text,label,country",
    [
        ("The convoy left Ottawa for Kingston on Monday, where truckers blocked the main bridge.", "Kingston", "CA"),
        ("Protesters sailed from Charleston to Norfolk and rallied outside the naval base on Saturday.", "Norfolk", "US"),
        ("Militants fired rockets from Gaza at Ashkelon on Tuesday, wounding three people.", "Ashkelon", "IL"),  # wire copy
        ("Hundreds of farmers marched from Nakuru to Nairobi on Wednesday to protest fuel prices.", "Nairobi", "KE"),
    ],
)
def test_extract_where_a_movement_came_from_is_not_the_events_place(extract, text, label, country):
    """"from X to Y", "from X at Y", "left X for Y": the other place is where it happened; a
    "from" place alone stays the event's ("withdrew from Kherson")."""
    r = extract(text)
    place = r.entities[r.events[0].place]
    assert (place.label, place.country) == (label, country)
    r = extract("Russian forces withdrew from Kherson on Friday.")
    assert r.entities[r.events[0].place].label == "Kherson"


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2022, militiamen attacked the town of Meka, Amhara, killing three civilians.",  # note style
        "Security forces clashed with gunmen in Meka, Amhara, on 4 May 2022.",
        "Fighting was reported in the town of Meka (Amhara region) on Monday, aid workers said.",  # wire copy
    ],
)
def test_extract_a_town_not_in_the_division_named_beside_it_is_a_town_of_that_division(extract, text):
    """"A, B" / "A (B)": a namesake that bears A only as another name of its own and lies outside
    B's country (Makkah, also written "Meka") is not meant; A is a town of B that the gazetteers lack."""
    r = extract(text)
    place = r.entities[r.events[0].place]
    assert place.label == "Meka" and place.country == "ET"
    assert place.parent is not None and "amhara" in place.parent.lower()


def test_extract_a_list_of_cities_keeps_each_city(extract):
    """A list is no town and its division: "Paris, Berlin and Rome" stays Paris (Berlin is also a
    German state, and Paris is called by its very name)."""
    r = extract("Paris, Berlin and Rome saw protests against fuel prices on Saturday.")
    assert r.entities[r.events[0].place].country == "FR"


def test_extract_a_place_left_is_not_the_event_s_when_the_sentence_goes_on_elsewhere(extract):
    """A verb of departure's object is where a movement began: "left Ottawa ... and stopped in
    Cornwall" happened on the way, not in Ottawa; a 'from' place with only its province or
    country beside it stays the event's place."""
    r = extract("A convoy of protesters left Ottawa on Saturday and stopped in Cornwall before rallying in Kingston.")
    place = r.entities[r.events[0].place]
    assert place.label in ("Cornwall", "Kingston") and place.country == "CA"
    r = extract("Troops expelled the militants from Raqqa, Syria, on Tuesday.")
    assert r.entities[r.events[0].place].label == "Raqqa"


@pytest.mark.parametrize(
    "text, day",
    [
        # wire: the act's date in a relative clause of what is claimed
        ("Al-Shabaab on Monday claimed responsibility for a car bomb that exploded outside a restaurant in Mogadishu on 9 June, killing eight people.", date(2025, 6, 9)),
        # brief
        ("JNIM claimed an ambush which killed six soldiers near Boni on Friday, in a statement released on Sunday.", date(2025, 6, 13)),
        # encyclopaedia
        ("The Islamic State claimed the bombing of a church that took place in Mindanao on 3 June.", date(2025, 6, 3)),
    ],
)
def test_extract_a_date_in_the_clause_of_what_is_claimed_dates_the_act(extract, text, day):
    r = extract(text, published=date(2025, 6, 18))
    assert r.events and r.events[0].date == day and r.events[0].claims


@pytest.mark.parametrize(
    "text",
    [
        # wire
        "A suicide bomber drove a car packed with explosives into a base in Balcad on Friday, killing 40 soldiers.\n\nMore than 20 people were wounded and taken to hospitals in the capital.",
        # feature
        "The drone struck the market in Lere on Wednesday morning, killing 15 herders.\n\nAt least 30 others were injured, several of them children.",
        # brief
        "JNIM fighters overran an army post in Nampala on Saturday, killing 12 soldiers.\n\nTwo more soldiers died of their wounds.",
    ],
)
def test_extract_a_casualty_report_opening_the_next_paragraph_is_the_events_toll(extract, text):
    r = extract(text, published=date(2025, 6, 18))
    assert len(r.events) == 1


@pytest.mark.parametrize(
    "text, day",
    [
        # encyclopaedia: the day before is counted from a day the text named, not an event's
        ("M23 fighters entered the city on 27 January. Two days later, the rebels attacked an army camp at Katindo.", date(2025, 1, 29)),
        # feature
        ("The burial was held on Wednesday. The day before, the boy's father had been shot dead at a checkpoint in Sennar.", date(2025, 6, 17)),
        # wire
        ("Schools in the town reopened on 3 June. The next day, gunmen attacked a bus on the road to Kaya, killing two drivers.", date(2025, 6, 4)),
    ],
)
def test_extract_a_day_counted_from_a_day_the_text_named(extract, text, day):
    r = extract(text, published=date(2025, 6, 20))
    assert [e.date for e in r.events] == [day]


@pytest.mark.parametrize(
    "text, backed, backer",
    [
        # wire: a government named by its nationality at the start of a sentence
        ("The Nigerian government is arming and paying the Civilian Joint Task Force in Borno, officials said.", None, "actor:government-ng"),
        # analysis: an adjective two countries share, read by the document's focus (Uvira is in DR Congo)
        ("Wazalendo militias, which are armed and paid by the Congolese government, clashed with M23 rebels near Uvira on Saturday.", "actor:wazalendo", "actor:government-cd"),
        # encyclopaedia
        ("The Wazalendo militias near Uvira are funded by the Congolese government.", "actor:wazalendo", "actor:government-cd"),
    ],
)
def test_extract_the_government_named_by_a_nationality(extract, text, backed, backer):
    r = extract(text, published=date(2025, 6, 18))
    assert backer in r.entities
    if backed:
        assert any(x.prop == "backedBy" and x.subject == backed and x.object == backer for x in r.relations)


@pytest.mark.parametrize(
    "text, place, not_place",
    [
        # wire: a town after "in" before a verb of saying is the town, not a speaker
        ("The militia is armed by the provincial government, officials in Goma said.", "Goma", None),
        # feature: a common noun opening the sentence is no place, the town after "near" is
        ("Residents near Kidal told reporters the army had left the camp.", "Kidal", "Residents"),
        # brief
        ("Traders in Gao said the road to Ansongo was closed after an ambush.", "Gao", "Traders"),
    ],
)
def test_extract_a_town_before_a_verb_of_saying_and_a_capitalised_common_noun(extract, text, place, not_place):
    r = extract(text, published=date(2025, 6, 18))
    labels = {e.label for e in r.entities.values() if e.cls in ("PopulatedPlace", "AdminRegion")}
    assert place in labels and not_place not in labels
    assert not any(e.cls == "Person" and e.label == place for e in r.entities.values())


@pytest.mark.parametrize(
    "text, cls",
    [
        ("Gunmen who had vowed to attack the town killed five people on Monday.", "Attack"),  # wire
        ("Fighters who had threatened to storm the village shot dead three farmers there on 4 March.", "Attack"),  # feature
    ],
)
def test_extract_a_planned_act_before_the_act_told_does_not_hide_it(extract, text, cls):
    """The first trigger of the sentence is only planned ("who had vowed to attack"); the act the
    sentence tells comes after it ("killed five people")."""
    r = extract(text)
    assert [e.cls for e in r.events] == [cls]
