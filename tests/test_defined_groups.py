"""A proper name that its copula or apposition defines as an armed body is an armed group, read
before the model's guess (a person, a place): "Katiba Serma is a jihadist group", "the AUC was a
paramilitary umbrella organisation", "Hizbul Mujahideen, a separatist militant group, ...". A
group not said to be armed ("a rights group") and a member of a group are not. Sentences written
for these tests (encyclopaedia, wire, analysis), parsed by hand (no model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from builder.extraction.knowledge import load_knowledge
from builder.extraction.mentions.cues import defined_groups
from tests.handbuilt import parsed_doc

K = load_knowledge(None, False, None)


def _groups(words, heads, deps, tags, ent=None):
    doc = parsed_doc(words, heads, deps, tags)
    if ent:
        doc.ents = [Span(doc, ent[0], ent[1], label=ent[2])]
    defined_groups(doc, K)
    return [(m.text, doc._.armedkg_entities[m.key].cls) for m in doc._.armedkg_mentions]


@pytest.mark.parametrize(
    "words, heads, deps, tags, ent, expected",
    [
        # encyclopaedia: "Katiba Serma is a jihadist group active in central Mali." (the model read a person)
        (['Katiba', 'Serma', 'is', 'a', 'jihadist', 'group', 'active', 'in', 'central', 'Mali', '.'], [1, 2, 2, 5, 5, 2, 5, 6, 9, 7, 2], ['compound', 'nsubj', 'ROOT', 'det', 'compound', 'attr', 'amod', 'prep', 'amod', 'pobj', 'punct'], ['NNP', 'NNP', 'VBZ', 'DT', 'NNP', 'NN', 'JJ', 'IN', 'JJ', 'NNP', '.'], (0, 2, "PERSON"), [("Katiba Serma", "NonStateArmedGroup")]),
        # encyclopaedia: "The Autodefensas Unidas de Colombia was a paramilitary umbrella organisation." (read as a place)
        (['The', 'Autodefensas', 'Unidas', 'de', 'Colombia', 'was', 'a', 'paramilitary', 'umbrella', 'organisation', '.'], [4, 4, 4, 4, 5, 5, 9, 9, 9, 5, 5], ['det', 'compound', 'compound', 'nmod', 'nsubj', 'ROOT', 'det', 'amod', 'compound', 'attr', 'punct'], ['DT', 'NNP', 'NNP', 'NNP', 'NNP', 'VBD', 'DT', 'JJ', 'NN', 'NN', '.'], (1, 5, "GPE"), [("Autodefensas Unidas de Colombia", "NonStateArmedGroup")]),
        # wire: "Hizbul Mujahideen, a separatist militant group, claimed the attack."
        (['Hizbul', 'Mujahideen', ',', 'a', 'separatist', 'militant', 'group', ',', 'claimed', 'the', 'attack', '.'], [1, 8, 1, 6, 6, 6, 1, 1, 8, 10, 8, 8], ['compound', 'nsubj', 'punct', 'det', 'amod', 'amod', 'appos', 'punct', 'ROOT', 'det', 'dobj', 'punct'], ['NNP', 'NNP', ',', 'DT', 'JJ', 'JJ', 'NN', ',', 'VBD', 'DT', 'NN', '.'], None, [("Hizbul Mujahideen", "NonStateArmedGroup")]),
        # analysis: "Human Rights Watch is a rights group based in New York." (not armed)
        (['Human', 'Rights', 'Watch', 'is', 'a', 'rights', 'group', 'based', 'in', 'New', 'York', '.'], [1, 2, 3, 3, 6, 6, 3, 6, 7, 10, 8, 3], ['compound', 'compound', 'nsubj', 'ROOT', 'det', 'compound', 'attr', 'acl', 'prep', 'compound', 'pobj', 'punct'], ['NNP', 'NNPS', 'NNP', 'VBZ', 'DT', 'NNS', 'NN', 'VBN', 'IN', 'NNP', 'NNP', '.'], None, []),
        # wire: "Tom Smith is a member of the group."
        (['Tom', 'Smith', 'is', 'a', 'member', 'of', 'the', 'group', '.'], [1, 2, 2, 4, 2, 4, 7, 5, 2], ['compound', 'nsubj', 'ROOT', 'det', 'attr', 'prep', 'det', 'pobj', 'punct'], ['NNP', 'NNP', 'VBZ', 'DT', 'NN', 'IN', 'DT', 'NN', '.'], (0, 2, "PERSON"), []),
    ],
)
def test_a_name_defined_as_an_armed_body_is_an_armed_group(words, heads, deps, tags, ent, expected):
    assert _groups(words, heads, deps, tags, ent) == expected


@pytest.mark.parametrize(
    "words, heads, deps, tags, ent, expected",
    [
        # wire: "The killers belonged to Los Lobos, one of the country's largest gangs." (read as a place)
        (["The", "killers", "belonged", "to", "Los", "Lobos", ",", "one", "of", "the", "country", "'s", "largest", "gangs", "."], [1, 2, 2, 2, 5, 3, 5, 5, 7, 10, 13, 10, 13, 8, 2], ["det", "nsubj", "ROOT", "prep", "compound", "pobj", "punct", "appos", "prep", "det", "poss", "case", "amod", "pobj", "punct"], ["DT", "NNS", "VBD", "IN", "NNP", "NNP", ",", "CD", "IN", "DT", "NN", "POS", "JJS", "NNS", "."], (4, 6, "GPE"), [("Los Lobos", "NonStateArmedGroup")]),
        # encyclopaedia: "Gran Grif is a gang based in Artibonite."
        (["Gran", "Grif", "is", "a", "gang", "based", "in", "Artibonite", "."], [1, 2, 2, 4, 2, 4, 5, 6, 2], ["compound", "nsubj", "ROOT", "det", "attr", "acl", "prep", "pobj", "punct"], ["NNP", "NNP", "VBZ", "DT", "NN", "VBN", "IN", "NNP", "."], None, [("Gran Grif", "NonStateArmedGroup")]),
        # analysis: "Its fighters joined Ba Ndaw, one of several militias in the region."
        (["Its", "fighters", "joined", "Ba", "Ndaw", ",", "one", "of", "several", "militias", "in", "the", "region", "."], [1, 2, 2, 4, 2, 4, 4, 6, 9, 7, 9, 12, 10, 2], ["poss", "nsubj", "ROOT", "compound", "dobj", "punct", "appos", "prep", "amod", "pobj", "prep", "det", "pobj", "punct"], ["PRP$", "NNS", "VBD", "NNP", "NNP", ",", "CD", "IN", "JJ", "NNS", "IN", "DT", "NN", "."], (3, 5, "PERSON"), [("Ba Ndaw", "Militia")]),
    ],
)
def test_a_gang_and_one_of_several_militias_are_armed_bodies(words, heads, deps, tags, ent, expected):
    assert _groups(words, heads, deps, tags, ent) == expected
