"""A detention after which the detainees' whereabouts are unknown is a forced disappearance
(ACLED codebook), read by ``disappearance_words`` (data/lexicons/events.json). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from builder.extraction.knowledge import load_knowledge


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "text, found",
    [
        ("Gunmen in uniform took the lawyer from his office; his whereabouts remain unknown.", True),  # wire copy
        ("Many of those detained in the sweep were forcibly disappeared for months.", True),  # encyclopaedia prose
        ("Relatives say the men have been held incommunicado since the raid.", True),  # analysis
        ("Police detained the suspects and took them to the central prison.", False),
        ("The whereabouts of the convoy were reported by a drone.", False),
    ],
)
def test_disappearance_words(k, text, found):
    assert bool(k.rx("disappearance_words").search(text)) is found
