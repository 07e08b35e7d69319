"""The names a document defines for itself (builder.extraction.mentions.aliases), on hand-built
parsed docs (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.knowledge import load_knowledge
from builder.extraction.mentions.aliases import bracketed_abbreviations, initials_fit, named_subunits
from .test_event_clauses import _parsed


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "abbreviation, name, fits",
    [
        ("PDF", "People's Defence Force", True),
        ("KDF", "Kenya Defence Forces", True),
        ("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", True),
        ("ISSP", "Islamic State Sahel Province", True),
        ("Radaa", "Special Deterrence Force", False),
        ("UN", "Islamic State", False),
        ("FP", "People's Defence Force", False),
    ],
)
def test_initials_of_a_bracketed_abbreviation(abbreviation, name, fits):
    assert initials_fit(abbreviation, name) is fits


def test_a_bracketed_abbreviation_names_its_actor_later_in_the_document(k):
    # "the People 's Defence Force ( PDF ) said PDF fighters raided a post ."
    words = ["the", "People", "'s", "Defence", "Force", "(", "PDF", ")", "said", "PDF", "fighters", "raided", "a", "post", "."]
    heads = [4, 3, 1, 4, 8, 6, 4, 6, 8, 10, 11, 8, 13, 11, 8]
    deps = ["det", "poss", "case", "compound", "nsubj", "punct", "appos", "punct", "ROOT", "compound", "nsubj", "ccomp", "det", "dobj", "punct"]
    tags = ["DT", "NNP", "POS", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "NNP", "NNS", "VBD", "DT", "NN", "."]
    spaces = [True, False, True, True, True, False, False, True, True, True, True, True, True, False, False]
    doc, _ = _parsed(words, heads, deps, tags, mentions=[("actor", "actor:pdf-myanmar", 1, 4)], spaces=spaces)
    assert doc.text.startswith("the People's Defence Force (PDF) said PDF fighters")
    bracketed_abbreviations(doc, k)
    later = [m for m in doc._.armedkg_mentions if m.rule == "document_abbreviation"]
    assert [(m.key, m.text, m.start) for m in later] == [("actor:pdf-myanmar", "PDF", doc[9].idx)]  # not the bracket itself: after it


def test_a_unit_named_as_a_faction_of_an_actor_is_a_group_of_that_actor(k):
    # "troops clashed with the Dagoberto Ramos column , a faction of the FARC dissidents ."
    words = ["troops", "clashed", "with", "the", "Dagoberto", "Ramos", "column", ",", "a", "faction", "of", "the", "FARC", "dissidents", "."]
    heads = [1, 1, 1, 6, 5, 6, 2, 6, 9, 6, 9, 13, 13, 10, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "compound", "compound", "pobj", "punct", "det", "appos", "prep", "det", "compound", "pobj", "punct"]
    tags = ["NNS", "VBD", "IN", "DT", "NNP", "NNP", "NN", ",", "DT", "NN", "IN", "DT", "NNP", "NNS", "."]
    doc, _ = _parsed(words, heads, deps, tags, mentions=[("actor", "actor:farc-dissidents", 12, 13)])
    named_subunits(doc, k)
    column = doc._.armedkg_entities["actor:dagoberto-ramos-column"]
    assert column.parent == "actor:farc-dissidents" and column.label == "Dagoberto Ramos column"
    assert [m.text for m in doc._.armedkg_mentions if m.key == column.key] == ["Dagoberto Ramos column"]
