"""Lists of members after a whole: "W, including A and B" names parts of W where W is one actor
(a name, or a description the document reads as one actor), not where W is a class whose
examples follow. Sentences written for this test."""

import pytest


def _members(result):
    return {(result.entities[x.subject].label, result.entities[x.object].label) for x in result.relations if x.prop in ("memberOf", "partOf")}


@pytest.mark.parametrize(
    "text,member,whole",
    [
        ("The international community, including China and India, must press both sides for a ceasefire.", "China", "International community"),
        ("The Axis of Resistance, including Hezbollah and the Houthis, vowed on Sunday to respond.", "Hezbollah", "Axis of Resistance"),
    ],
)
def test_members_listed_after_a_whole(extract, text, member, whole):
    assert (member, whole) in _members(extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "Western countries, including France and Germany, sent observers to the vote.",
        "Armed groups, including the Arakan Army, signed the truce in 2015.",
        "Iran's allies in the region include Hezbollah and the Houthis, analysts say.",
    ],
)
def test_no_members_of_a_class_or_of_what_an_actor_has(extract, text):
    assert _members(extract(text)) == set()


def _groups(result):
    return {(result.entities[x.subject].label, result.entities[x.object].label) for x in result.relations if x.evidence.rule == "unnamed_members"}


@pytest.mark.parametrize(
    "text,group,whole",
    [
        # wire copy: armed members named by their kind, of/from/joined an organisation
        ("Hundreds of local Arab fighters have joined the Syrian Democratic Forces since March.", "local Arab fighters", "Syrian Democratic Forces"),
        ("Fighters of the Free Syrian Army entered Jarablus on Wednesday.", "Fighters", "Free Syrian Army"),
        ("Militants from Boko Haram raided the village of Dikwa overnight.", "Militants", "Boko Haram"),
        # encyclopaedia prose
        ("In 2016, airmen from the 380th Air Expeditionary Wing were deployed to Qatar.", "airmen", "380th Air Expeditionary Wing"),
    ],
)
def test_a_group_of_armed_members_is_a_member_of_its_organisation(extract, text, group, whole):
    r = extract(text)
    assert (group, whole) in _groups(r)
    key = next(x.subject for x in r.relations if x.evidence.rule == "unnamed_members")
    assert key.startswith("actor:t-")  # the group is the document's own, like an unnamed individual
    assert r.entities[key].mentions and r.entities[key].mentions[0].text == group


@pytest.mark.parametrize(
    "text",
    [
        # officials or envoys of an organisation are no unit of it; acting together is no joining
        "Senior officials of the European Union met Iranian envoys in Vienna on Monday.",
        "Kurdish fighters joined the Iraqi army in shelling ISIS positions near Kirkuk.",
        # a denied or planned joining states nothing
        "Local fighters denied that they had joined the Islamic State.",
    ],
)
def test_no_group_membership_from_officials_joint_action_or_denial(extract, text):
    assert _groups(extract(text)) == set()
