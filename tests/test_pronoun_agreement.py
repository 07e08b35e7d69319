"""Group pronouns with the model: "they" after a subject whose verb is singular in the same
sentence is someone else, but in a later sentence a group is "it" and "they" by turns, and its
positions are still its own. Sentences written for these tests."""

from __future__ import annotations

import pytest

from builder.gazetteer import place_key


def _presence(result) -> set[tuple[str, str]]:
    """(actor, place key of the place's label) of every presence."""
    labels = {key: place_key(ent.label) for key, ent in result.entities.items()}
    return {(r.subject, labels.get(r.object, r.object)) for r in result.relations if r.prop == "operatesIn"}


@pytest.mark.parametrize(
    "text",
    [
        # wire copy
        "Kata'ib Hezbollah is moving heavy weapons into eastern Syria. Its fighters are digging trenches around their positions in Mayadin, residents said.",
        # analysis
        "Hezbollah has expanded its footprint along the border. Over the past year they have fortified their positions in Qusayr.",
    ],
)
def test_their_in_a_later_sentence_is_the_group(extract, text):
    result = extract(text)
    places = {place for actor, place in _presence(result) if actor in ("actor:kataib-hezbollah", "actor:hezbollah")}
    assert places & {place_key("Mayadin"), place_key("Qusayr")}, _presence(result)
