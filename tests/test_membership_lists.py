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
