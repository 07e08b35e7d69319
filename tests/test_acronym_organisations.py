"""A word in capitals whose members or cadres are named, or that is called a party or union, is
an organisation (builder.extraction.mentions.acronyms), on hand-built parsed sentences (no
model). Sentences written for these tests."""

from __future__ import annotations

import pytest

from builder.extraction.knowledge import load_knowledge
from builder.extraction.mentions.acronyms import acronym_organisations
from tests.handbuilt import parsed_doc


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


# wire copy: "ERC and PNV councillors walked out of the session ."
COUNCILLORS = (
    ["ERC", "and", "PNV", "councillors", "walked", "out", "of", "the", "session", "."],
    [3, 0, 0, 4, 4, 4, 4, 8, 6, 4],
    ["nmod", "cc", "conj", "nsubj", "ROOT", "prt", "prep", "det", "pobj", "punct"],
    ["NNP", "CC", "NNP", "NNS", "VBD", "RP", "IN", "DT", "NN", "."],
)
# encyclopaedia prose: "Members of the UNT founded the movement in 1995 ."
MEMBERS_OF = (
    ["Members", "of", "the", "UNT", "founded", "the", "movement", "in", "1995", "."],
    [4, 0, 3, 1, 4, 6, 4, 4, 7, 4],
    ["nsubj", "prep", "det", "pobj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
    ["NNS", "IN", "DT", "NNP", "VBD", "DT", "NN", "IN", "CD", "."],
)
# analysis: "Support for the LPF union has grown ."
UNION = (
    ["Support", "for", "the", "LPF", "union", "has", "grown", "."],
    [6, 0, 4, 4, 1, 6, 6, 6],
    ["nsubj", "prep", "det", "compound", "pobj", "aux", "ROOT", "punct"],
    ["NN", "IN", "DT", "NNP", "NN", "VBZ", "VBN", "."],
)


@pytest.mark.parametrize("parse, names", [(COUNCILLORS, {"ERC", "PNV"}), (MEMBERS_OF, {"UNT"}), (UNION, {"LPF"})])
def test_a_body_named_in_capitals(k, parse, names):
    doc = parsed_doc(*parse)
    acronym_organisations(doc, k)
    found = {e.label for e in doc._.armedkg_entities.values() if e.cls == "Organisation"}
    assert found == names
    assert {m.rule for m in doc._.armedkg_mentions} == {"acronym_of_a_body"}


def test_common_nouns_in_capitals_and_other_heads_are_not(k):
    # "NGO members met UN staff at the IDP camp ."
    doc = parsed_doc(
        ["NGO", "members", "met", "UN", "staff", "at", "the", "IDP", "camp", "."],
        [1, 2, 2, 4, 2, 2, 8, 8, 5, 2],
        ["compound", "nsubj", "ROOT", "compound", "dobj", "prep", "det", "compound", "pobj", "punct"],
        ["NNP", "NNS", "VBD", "NNP", "NN", "IN", "DT", "NNP", "NN", "."],
    )
    acronym_organisations(doc, k)
    assert doc._.armedkg_entities == {}
