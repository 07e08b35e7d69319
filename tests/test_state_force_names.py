"""A nationality and a force noun are that state's forces, also when written as a name ("the
Ukrainian Armed Forces", "the Azerbaijani Army") or when two nationalities share the noun ("the
Armenian and Azerbaijani forces"); a longer name that holds them ("Free Syrian Army") is not.
End-to-end with the model. Sentences written for these tests."""

from __future__ import annotations

import pytest


def _forces(result):
    return {e.country for e in result.entities.values() if e.cls == "StateForce"}


@pytest.mark.parametrize(
    "text, countries",
    [
        # wire copy
        ("Kenyan Army units repulsed an assault on a camp near Mandera on Tuesday, officials said.", {"KE"}),
        # encyclopaedia prose
        ("In 2016 the Turkish Gendarmerie took over the border posts along the river.", {"TR"}),
        # analysis
        ("Skirmishes between the Indian and Pakistani troops have grown rarer since the ceasefire.", {"IN", "PK"}),
    ],
)
def test_nationality_force_names(extract, text, countries):
    assert countries <= _forces(extract(text))


def test_a_longer_name_is_not_the_state(extract):
    result = extract("The Free Syrian Army ambushed a patrol near Azaz on Monday.")
    assert "SY" not in _forces(result)
