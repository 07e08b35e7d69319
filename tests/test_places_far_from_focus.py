"""A name the gazetteers give to a division or town far from the document's focus is read in
the focus first: "Dara district" in a report on Afghanistan is not Daraa in Syria, whatever the
gazetteer ruler matched, and a name is no context of its own (the division the ruler found in
the name itself does not place it). Where Syria is the focus, or is named, Dara stays Daraa.
Sentences written for these tests (wire copy, a brief, a feature)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # wire copy with a dateline
        "KABUL, Afghanistan - Taliban forces detained at least 30 men in villages of Dara district in Panjshir on Monday, relatives said.",
        # brief
        "Afghanistan, May 2022. Taliban fighters arrested dozens of men in Dara after clashes with the National Resistance Front in Panjshir province.",
        # feature
        "In the Panjshir valley of Afghanistan, families in Dara say Taliban soldiers detained their sons on Monday.",
    ],
)
def test_a_namesake_far_from_the_focus_is_not_taken(extract, text):
    r = extract(text)
    places = [e.place for e in r.events if e.place]
    assert places, r.events
    assert all(r.entities[p].country != "SY" for p in places if p in r.entities), [(p, r.entities[p].country) for p in places]


def test_the_namesake_in_focus_stays(extract):
    r = extract("Syrian government forces shelled Dara on Monday, the Syrian Observatory for Human Rights said.")
    assert any(e.place and r.entities[e.place].country == "SY" for e in r.events)
