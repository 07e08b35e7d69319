"""Who does what a verb of saying governs: the subject of "X claims to be building bombs" is the
doer of the building (subject control), not only its speaker; a group pronoun subject of a
reported clause stands for the speaker where no name is nearer ("a militant cell says it is
arming"). Sentences written for this test, in wire and analysis styles."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _dyads(result):
    return {(result.entities[i.source].label if i.source in result.entities else i.source, result.entities[i.target].label if i.target in result.entities else i.target) for i in result.interactions}


@pytest.mark.parametrize(
    "text,target",
    [
        # wire copy: the claimant is the doer of the infinitive it governs
        ("An armed group based in Guyana claims to be producing crude bombs to use against Venezuela and Brazil, a newspaper reported on Sunday.", "Venezuela"),
        # analysis: a pronoun subject of the reported clause is the speaker
        ("A little-known armed group in the Sahel says it has fired mortars at the French base in Gao.", "French Armed Forces"),
    ],
)
def test_the_speaker_of_a_claim_is_the_doer_of_what_it_claims(extract, text, target):
    dyads = _dyads(extract(text))
    assert any(t == target for _, t in dyads), dyads


def test_a_claimed_killing_has_its_claimant_as_perpetrator(extract):
    r = extract("On 3 May, the Islamic State claimed to have killed twelve soldiers near Palmyra.")
    assert any("actor:islamic-state" in e.perpetrators for e in r.events)
