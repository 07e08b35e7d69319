"""A relative clause set off by a comma, opened by "which" or "who" and in the present or the
present perfect describes who it is about: its words are no trigger of the story's act ("The
BLA, which is banned in Pakistan, has stepped up attacks": no ban). A clause in the past tells
an act ("The ADF, which attacked Mamove on Sunday, ..."). Sentences written for these tests,
parsed by hand (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.events.triggers import descriptions_masked
from tests.handbuilt import parsed_sentence


def _masked(words, heads, deps, tags):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    return descriptions_masked(sent, sent.text)


@pytest.mark.parametrize(
    "words, heads, deps, tags, hidden, kept",
    [
        # wire: "The BLA, which is banned in Pakistan, has stepped up attacks on security forces this year."
        (["The", "BLA", ",", "which", "is", "banned", "in", "Pakistan", ",", "has", "stepped", "up", "attacks", "on", "security", "forces", "this", "year", "."], [1, 10, 1, 5, 5, 1, 5, 6, 1, 10, 10, 10, 10, 12, 15, 13, 17, 10, 10], ["det", "nsubj", "punct", "nsubjpass", "auxpass", "relcl", "prep", "pobj", "punct", "aux", "ROOT", "prt", "dobj", "prep", "compound", "pobj", "det", "npadvmod", "punct"], ["DT", "NNP", ",", "WDT", "VBZ", "VBN", "IN", "NNP", ",", "VBZ", "VBN", "RP", "NNS", "IN", "NN", "NNS", "DT", "NN", "."], "banned", "attacks"),
        # encyclopaedia: "The ADF, which has killed thousands of civilians since 2013, attacked Mamove on Sunday."
        (["The", "ADF", ",", "which", "has", "killed", "thousands", "of", "civilians", "since", "2013", ",", "attacked", "Mamove", "on", "Sunday", "."], [1, 12, 1, 5, 5, 1, 5, 6, 7, 5, 9, 1, 12, 12, 12, 14, 12], ["det", "nsubj", "punct", "nsubj", "aux", "relcl", "dobj", "prep", "pobj", "prep", "pobj", "punct", "ROOT", "dobj", "prep", "pobj", "punct"], ["DT", "NNP", ",", "WDT", "VBZ", "VBN", "NNS", "IN", "NNS", "IN", "CD", ",", "VBD", "NNP", "IN", "NNP", "."], "killed", "attacked"),
        # analysis: "Boko Haram, who are active around Lake Chad, have attacked fishermen."
        (["Boko", "Haram", ",", "who", "are", "active", "around", "Lake", "Chad", ",", "have", "attacked", "fishermen", "."], [1, 11, 1, 4, 1, 4, 5, 8, 6, 1, 11, 11, 11, 11], ["compound", "nsubj", "punct", "nsubj", "relcl", "acomp", "prep", "compound", "pobj", "punct", "aux", "ROOT", "dobj", "punct"], ["NNP", "NNP", ",", "WP", "VBP", "JJ", "IN", "NNP", "NNP", ",", "VBP", "VBN", "NNS", "."], "active", "attacked"),
    ],
)
def test_a_descriptive_relative_clause_is_masked(words, heads, deps, tags, hidden, kept):
    masked = _masked(words, heads, deps, tags)
    assert hidden not in masked and kept in masked and len(masked) == len(" ".join(words))


def test_a_relative_clause_in_the_past_tells_an_act():
    # "The ADF, which attacked Mamove on Sunday, has pledged allegiance to Islamic State."
    words = ["The", "ADF", ",", "which", "attacked", "Mamove", "on", "Sunday", ",", "has", "pledged", "allegiance", "to", "Islamic", "State", "."]
    heads = [1, 10, 1, 4, 1, 4, 4, 6, 1, 10, 10, 10, 11, 14, 12, 10]
    deps = ["det", "nsubj", "punct", "nsubj", "relcl", "dobj", "prep", "pobj", "punct", "aux", "ROOT", "dobj", "prep", "compound", "pobj", "punct"]
    tags = ["DT", "NNP", ",", "WDT", "VBD", "NNP", "IN", "NNP", ",", "VBZ", "VBN", "NN", "IN", "NNP", "NNP", "."]
    assert "attacked Mamove on Sunday" in _masked(words, heads, deps, tags)


@pytest.mark.parametrize(
    "words, heads, deps, tags, hidden, kept",
    [
        # feature: "Days before the air strike, fighters overran a police outpost in Yinmabin."
        (['Days', 'before', 'the', 'air', 'strike', ',', 'fighters', 'overran', 'a', 'police', 'outpost', 'in', 'Yinmabin', '.'], [7, 7, 4, 4, 1, 7, 7, 7, 10, 10, 7, 7, 11, 7], ['npadvmod', 'prep', 'det', 'compound', 'pobj', 'punct', 'nsubj', 'ROOT', 'det', 'compound', 'dobj', 'prep', 'pobj', 'punct'], ['NNS', 'IN', 'DT', 'NN', 'NN', ',', 'NNS', 'VBD', 'DT', 'NN', 'NN', 'IN', 'NNP', '.'], "air strike", "overran"),
        # wire: "Two days after the ambush, troops raided a rebel camp."
        (['Two', 'days', 'after', 'the', 'ambush', ',', 'troops', 'raided', 'a', 'rebel', 'camp', '.'], [1, 2, 7, 4, 2, 7, 7, 7, 10, 10, 7, 7], ['nummod', 'npadvmod', 'prep', 'det', 'pobj', 'punct', 'nsubj', 'ROOT', 'det', 'compound', 'dobj', 'punct'], ['CD', 'NNS', 'IN', 'DT', 'NN', ',', 'NNS', 'VBD', 'DT', 'NN', 'NN', '.'], "ambush", "raided"),
    ],
)
def test_an_event_the_act_is_dated_against_is_masked(words, heads, deps, tags, hidden, kept):
    """"Days before the air strike, fighters overran a post": the strike named after "before" is
    another event; the trigger of the sentence is "overran"."""
    from builder.extraction.events.triggers import anchors_masked
    from builder.extraction.knowledge import load_knowledge

    doc, sent = parsed_sentence(words, heads, deps, tags)
    masked = anchors_masked(load_knowledge(None, False, None), sent, sent.text)
    assert hidden not in masked and kept in masked and len(masked) == len(sent.text)
