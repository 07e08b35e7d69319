"""A country named as the doer of a violent act is its armed forces ("the Myanmar military
troops burned houses": the perpetrators are the state's forces, not the country as a place).
End-to-end with the model. Sentences written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, iso",
    [
        # wire copy
        ("On 7 April 2021, the Myanmar military troops burned houses in a village of Sagaing region.", "MM"),
        # encyclopaedia prose
        ("On 12 March 2019 the Myanmar army units torched the granaries of a hamlet in Rakhine.", "MM"),
        # analysis
        ("On 2 May 2021, the Nigeria army troops set fire to a market in Borno, residents said.", "NG"),
    ],
)
def test_country_doer_is_its_forces(extract, text, iso):
    result = extract(text)
    doers = [result.entities[x] for e in result.events for x in e.perpetrators if x in result.entities]
    assert doers and all(not d.key.startswith("country:") for d in doers)
    assert any(d.cls == "StateForce" and d.country == iso for d in doers)


@pytest.mark.parametrize(
    "text, forces, not_forces",
    [
        # wire copy from Moscow: the focus is Russia, the forces named are Ukraine's
        ("MOSCOW, May 3 (Reuters) - Russia's defence ministry said the Armed Forces of Ukraine shelled Belgorod and Kursk overnight, and that Russian air defences downed 12 drones over Moscow.", "actor:forces-ua", None),
        # encyclopaedia prose: a battle between a country's forces and another side
        ("The Battle of Bakhmut was fought between the Armed Forces of Ukraine and the Wagner Group, whose founder often accused the Russian army of starving his men of shells.", "actor:forces-ua", None),
        # analysis: a country's long name after the force word
        ("The army of the Democratic Republic of the Congo has rarely held ground against M23 without foreign help.", "actor:forces-cd", None),
    ],
)
def test_a_force_word_with_its_country_is_that_countrys(extract, text, forces, not_forces):
    result = extract(text)
    start = text.index(" of ", text.lower().index("forces of") if "forces of" in text.lower() else text.lower().index("army of")) + 4
    assert any(m.start < start < m.end for m in result.entities[forces].mentions), [(k, [(m.start, m.end) for m in e.mentions]) for k, e in result.entities.items()]
    assert not_forces is None or not_forces not in result.entities
