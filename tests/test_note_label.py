"""A labelled note of a kind the list of note prefixes does not name ("Recruitment: On 3 May
...") tells a development (builder.extraction.events.sentence, ``note_label``). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from builder.extraction.knowledge import load_knowledge


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


@pytest.mark.parametrize("text", [
    "Recruitment: On 3 May 2022, the group opened an office in the district.",
    "Weapons training: Around 4 June 2021 (as reported), fighters completed a course near the border.",
    "Court ruling: Between 1 and 3 March 2020, a tribunal sentenced two commanders.",
])
def test_a_label_before_a_dated_note_is_read(k, text):
    assert k.rx("note_label").match(text)


@pytest.mark.parametrize("text", [
    "Update: the minister resigned on Monday.",  # a heading, no note's date after it
    "The army said: On Monday its troops withdrew.",  # a quotation, the words before it no label
    "In short: on the whole the truce held.",
])
def test_other_colons_are_no_label(k, text):
    assert not k.rx("note_label").match(text)
