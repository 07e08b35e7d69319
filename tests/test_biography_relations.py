"""Relations of encyclopaedic prose read by the whole pipeline: "he" in a biography stays the
person the text is about when a sentence about him names others ("He was the son of A and his
wife B"); names of organisations the model takes for persons ("Kestrel Force", "the
Schutztruppe") are organisations; "the President of Estonia, X" names X as the office holder.
Sentences written for these tests (wire copy, encyclopaedia prose, analysis)."""

from __future__ import annotations

import pytest


def _facts(result, prop: str) -> set[tuple[str, str]]:
    return {(result.entities[r.subject].label, result.entities[r.object].label) for r in result.relations if r.prop == prop and r.subject in result.entities and r.object in result.entities}


@pytest.mark.parametrize(
    "text, person, org, other",
    [
        # encyclopaedia
        ("Karl Mehring was born in Bremen in 1871. He was the son of Otto Mehring and his wife Anna Berger. He joined the Imperial German Navy in 1889.", "Karl Mehring", "Navy", "Anna Berger"),
        # wire-style profile
        ("Colonel Ibrahim Sow, who was arrested on Monday, grew up in Kayes. He is the nephew of the former minister Amadou Diallo. He joined the Malian Army in 1998, officials said.", "Ibrahim Sow", "Malian", "Amadou Diallo"),
        # analysis
        ("Viktor Hale rose quickly through the ranks. He was a protege of the party boss Ilya Petrov and his deputy Sergei Orlov. He joined the Wagner Group in 2016, according to leaked files.", "Viktor Hale", "Wagner", "Sergei Orlov"),
    ],
)
def test_he_stays_the_person_the_biography_is_about(extract, text, person, org, other):
    result = extract(text)
    members = _facts(result, "memberOf")
    assert any(p.endswith(person.split()[-1]) and org in o for p, o in members), members
    assert not any(other.split()[-1] in p for p, _ in members), members


@pytest.mark.parametrize(
    "text, name",
    [
        ("Kestrel Force was raised in March 1941 and sent to Rabaul.", "Kestrel Force"),  # encyclopaedia
        ("In 1891 he joined the Schutztruppe and sailed for Dar es Salaam.", "Schutztruppe"),  # encyclopaedia
        ("Delegates of the Rural Workers League marched on the capital on Tuesday, police said.", "Rural Workers League"),  # wire
    ],
)
def test_organisation_names_are_no_persons(extract, text, name):
    result = extract(text)
    classes = {ent.label: ent.cls for ent in result.entities.values()}
    assert name in classes and classes[name] != "Person", classes


@pytest.mark.parametrize(
    "text, person, country",
    [
        ("The memorial was opened by the President of Estonia, Toomas Ilves, in 2008.", "Toomas Ilves", "Estonia"),  # encyclopaedia
        ("The Prime Minister of Pakistan, Shehbaz Sharif, condemned the attack on Sunday.", "Shehbaz Sharif", "Pakistan"),  # wire
        ("Talks stalled after the President of Kenya, William Ruto, withdrew his envoy.", "William Ruto", "Kenya"),  # analysis
    ],
)
def test_office_of_a_country_in_apposition_names_its_holder(extract, text, person, country):
    result = extract(text)
    heads = _facts(result, "commanderOf")
    assert any(person.split()[-1] in p and c == country for p, c in heads), heads


@pytest.mark.parametrize(
    "text, person, org",
    [
        # encyclopaedia
        ("Henrik Larsen (1860 - 1930) was a Danish officer. He was the son of Ole Peter Larsen and his wife Marie Holm. Larsen joined the Danish Army in 1880.", "Henrik Larsen", "Denmark"),
        # wire-style profile
        ("Fatima Hassan, 41, was named the new envoy on Monday. Her mother, Amina Hassan, was a teacher. Hassan joined the Rapid Support Forces in 2013.", "Fatima Hassan", "Rapid Support Forces"),
        # analysis
        ("Arturo Vega built the network from scratch. His cousin Luis Vega handled the money. Vega joined the Sinaloa Cartel in the 1990s, prosecutors say.", "Arturo Vega", "Sinaloa Cartel"),
    ],
)
def test_a_surname_shared_by_two_persons_is_the_first_named(extract, text, person, org):
    result = extract(text)
    members = _facts(result, "memberOf")
    assert any(p == person and org in o for p, o in members), members


@pytest.mark.parametrize(
    "text, name",
    [
        ("He fought in the Second Barbary War and was promoted to captain in 1816.", "Second Barbary War"),  # encyclopaedia
        ("The ceasefire collapsed weeks after the Lake Kivu Agreement was signed, officials said.", "Lake Kivu Agreement"),  # wire
        ("Veterans awarded the Distinguished Conduct Medal are now courted by both parties.", "Distinguished Conduct Medal"),  # analysis
    ],
)
def test_wars_treaties_and_medals_are_no_organisations(extract, text, name):
    result = extract(text)
    assert not any(name in ent.label for ent in result.entities.values() if ent.cls != "Person"), {e.label: e.cls for e in result.entities.values()}


@pytest.mark.parametrize(
    "text, party, wrong",
    [
        ("Ahmad Karimi was the chairman of the Islamic Coalition Party from 1990 until his death.", "Islamic Coalition Party", "actor:us-led-coalition"),  # encyclopaedia
        ("Supporters of the Unity Coalition Party blocked the road on Friday, police said.", "Unity Coalition Party", "actor:us-led-coalition"),  # wire
        ("The Rural Coalition Party has little support outside the north.", "Rural Coalition Party", "actor:us-led-coalition"),  # analysis
    ],
)
def test_a_party_named_with_a_gazetteer_word_is_the_party(extract, text, party, wrong):
    result = extract(text)
    assert wrong not in result.entities, sorted(result.entities)
    assert any(party in ent.label for ent in result.entities.values()), sorted(result.entities)


@pytest.mark.parametrize(
    "text",
    [
        "JNIM, the al-Qaeda affiliate in the Sahel, claimed the attack on Tuesday.",  # wire
        "The group has expanded its operations in the Sahel since 2015.",  # analysis
        "Gunmen took the women and children into the bush, a local official said.",  # wire: no name at all
    ],
)
def test_a_region_or_a_common_noun_after_the_is_no_organisation(extract, text):
    result = extract(text)
    assert not any(ent.label.lower() in ("sahel", "bush") and ent.cls not in ("Person",) and not ent.key.startswith("place:") for ent in result.entities.values()), {e.key: e.cls for e in result.entities.values()}
    assert not any(r.prop == "partOf" and "sahel" in r.object for r in result.relations)


@pytest.mark.parametrize(
    "text, full, short",
    [
        ("Henrik August Larsen (1860 - 1930) was a Danish officer. Henrik Larsen joined the Danish Army in 1880.", "Henrik August Larsen", "Henrik Larsen"),  # encyclopaedia
        ("Police named the suspect as Omar Ahmed Warsame, 34. Omar Warsame had been released in May, officials said.", "Omar Ahmed Warsame", "Omar Warsame"),  # wire
        ("Ali Hosseini Khamenei has ruled since 1989. Ali Khamenei has never left the country since.", "Ali Hosseini Khamenei", "Ali Khamenei"),  # analysis
    ],
)
def test_a_name_without_its_middle_names_is_the_same_person(extract, text, full, short):
    result = extract(text)
    persons = [e for e in result.entities.values() if e.cls == "Person" and e.label in (full, short)]
    assert len(persons) == 1, [(e.key, e.label) for e in persons]
