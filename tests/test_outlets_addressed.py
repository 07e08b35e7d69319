"""Whom a speaker tells or briefs is a person or a news outlet, never a place: "the official told
Caribbean Line on Monday" makes Caribbean Line an outlet (the model tends to read such a name as
a place). Common nouns ("told reporters in Bunia") are left alone. Sentences written for these
tests, parsed by hand (no model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from builder.extraction.knowledge import load_knowledge
from builder.extraction.mentions.cues import outlets_addressed
from tests.handbuilt import parsed_doc

K = load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "words, heads, deps, tags, ent, name",
    [
        # wire copy: "The official told Caribbean Line on Monday that seven people died." (the model read a place)
        (['The', 'official', 'told', 'Caribbean', 'Line', 'on', 'Monday', 'that', 'seven', 'people', 'died', '.'], [1, 2, 2, 4, 2, 2, 5, 10, 9, 10, 2, 2], ['det', 'nsubj', 'ROOT', 'compound', 'dobj', 'prep', 'pobj', 'mark', 'nummod', 'nsubj', 'ccomp', 'punct'], ['DT', 'NN', 'VBD', 'JJ', 'NNP', 'IN', 'NNP', 'IN', 'CD', 'NNS', 'VBD', '.'], (3, 5, "LOC"), "Caribbean Line"),
        # feature: "A police commander briefed Voice of Ituri on the attack." (no entity read)
        (['A', 'police', 'commander', 'briefed', 'Voice', 'of', 'Ituri', 'on', 'the', 'attack', '.'], [2, 2, 3, 3, 3, 4, 5, 3, 9, 7, 3], ['det', 'compound', 'nsubj', 'ROOT', 'dobj', 'prep', 'pobj', 'prep', 'det', 'pobj', 'punct'], ['DT', 'NN', 'NN', 'VBD', 'NNP', 'IN', 'NNP', 'IN', 'DT', 'NN', '.'], None, "Voice of Ituri"),
    ],
)
def test_a_name_a_speaker_tells_is_an_outlet(words, heads, deps, tags, ent, name):
    doc = parsed_doc(words, heads, deps, tags)
    if ent:
        doc.ents = [Span(doc, ent[0], ent[1], label=ent[2])]
    outlets_addressed(doc, K)
    found = [(m.text, m.kind, doc._.armedkg_entities[m.key].cls) for m in doc._.armedkg_mentions]
    assert found == [(name, "actor", "MediaOutlet")]


def test_reporters_told_and_a_person_told_are_no_outlet():
    # analysis: "The spokesman told reporters in Bunia that the rebels had fled."
    doc = parsed_doc(['The', 'spokesman', 'told', 'reporters', 'in', 'Bunia', 'that', 'the', 'rebels', 'had', 'fled', '.'], [1, 2, 2, 2, 2, 4, 10, 8, 10, 10, 2, 2], ['det', 'nsubj', 'ROOT', 'dobj', 'prep', 'pobj', 'mark', 'det', 'nsubj', 'aux', 'ccomp', 'punct'], ['DT', 'NN', 'VBD', 'NNS', 'IN', 'NNP', 'IN', 'DT', 'NNS', 'VBD', 'VBN', '.'])
    outlets_addressed(doc, K)
    assert not doc._.armedkg_mentions
    # wire: "The governor told Amina Yusuf the road was closed." (the model read a person)
    doc = parsed_doc(['The', 'governor', 'told', 'Amina', 'Yusuf', 'the', 'road', 'was', 'closed', '.'], [1, 2, 2, 4, 2, 6, 8, 8, 2, 2], ['det', 'nsubj', 'ROOT', 'compound', 'dative', 'det', 'nsubjpass', 'auxpass', 'ccomp', 'punct'], ['DT', 'NN', 'VBD', 'NNP', 'NNP', 'DT', 'NN', 'VBD', 'VBN', '.'])
    doc.ents = [Span(doc, 3, 5, label="PERSON")]
    outlets_addressed(doc, K)
    assert not doc._.armedkg_mentions
