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
