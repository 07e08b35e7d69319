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


@pytest.mark.parametrize(
    "words, heads, deps, tags, name, spaces",
    [
        # wire: "The government newspaper Le Sahel reported the ambush on Wednesday." (the name is the noun's apposition)
        (['The', 'government', 'newspaper', 'Le', 'Sahel', 'reported', 'the', 'ambush', 'on', 'Wednesday', '.'], [2, 2, 5, 4, 2, 5, 7, 5, 5, 8, 5], ['det', 'compound', 'nsubj', 'compound', 'appos', 'ROOT', 'det', 'dobj', 'prep', 'pobj', 'punct'], ['DT', 'NN', 'NN', 'NNP', 'NNP', 'VBD', 'DT', 'NN', 'IN', 'NNP', '.'], "Le Sahel", None),
        # analysis: "Al-Shabaab claimed the blast through its Shahada news outlet." (a possessed outlet: the name before it)
        (['Al', '-', 'Shabaab', 'claimed', 'the', 'blast', 'through', 'its', 'Shahada', 'news', 'outlet', '.'], [2, 2, 3, 3, 5, 3, 3, 10, 10, 10, 6, 3], ['compound', 'punct', 'nsubj', 'ROOT', 'det', 'dobj', 'prep', 'poss', 'compound', 'compound', 'pobj', 'punct'], ['NNP', 'NNP', 'NNP', 'VBD', 'DT', 'NN', 'IN', 'PRP$', 'NNP', 'NN', 'NN', '.'], "Shahada", None),
        # feature: "The pro-government daily Al-Thawra carried the story." (the noun before the name)
        (['The', 'pro', '-', 'government', 'daily', 'Al', '-', 'Thawra', 'carried', 'the', 'story', '.'], [7, 7, 7, 7, 7, 7, 7, 8, 8, 10, 8, 8], ['det', 'amod', 'amod', 'amod', 'compound', 'compound', 'punct', 'nsubj', 'ROOT', 'det', 'dobj', 'punct'], ['DT', 'JJ', 'JJ', 'JJ', 'JJ', 'NNP', 'HYPH', 'NNP', 'VBD', 'DT', 'NN', '.'], "Al-Thawra", [True, False, False, True, True, False, False, True, True, True, False, False]),
        # wire: "The group claimed the attack in its Naba weekly."
        (['The', 'group', 'claimed', 'the', 'attack', 'in', 'its', 'Naba', 'weekly', '.'], [1, 2, 2, 4, 2, 4, 8, 8, 5, 2], ['det', 'nsubj', 'ROOT', 'det', 'dobj', 'prep', 'poss', 'compound', 'pobj', 'punct'], ['DT', 'NN', 'VBD', 'DT', 'NN', 'IN', 'PRP$', 'NNP', 'NN', '.'], "Naba", None),
    ],
)
def test_a_name_a_noun_of_outlets_calls_so_is_an_outlet(words, heads, deps, tags, name, spaces):
    from builder.extraction.mentions.cues import outlets_by_apposition

    doc = parsed_doc(words, heads, deps, tags, spaces=spaces)
    outlets_by_apposition(doc, K)
    found = [(m.text, doc._.armedkg_entities[m.key].cls) for m in doc._.armedkg_mentions]
    assert found == [(name, "MediaOutlet")]


def test_no_outlet_named_by_a_town_before_an_unowned_outlet_a_bracketed_short_name_or_a_series():
    from builder.extraction.mentions.cues import outlets_by_apposition

    # feature: "Fighting reached the Mogadishu radio station." (no possessor: Mogadishu is where it is)
    doc = parsed_doc(['Fighting', 'reached', 'the', 'Mogadishu', 'radio', 'station', '.'], [1, 1, 5, 5, 5, 1, 1], ['nsubj', 'ROOT', 'det', 'compound', 'compound', 'dobj', 'punct'], ['NN', 'VBD', 'DT', 'NNP', 'NN', 'NN', '.'])
    outlets_by_apposition(doc, K)
    assert not doc._.armedkg_mentions
    # analysis: "The corps is armed by Ukraine's military intelligence agency (HUR)." (the bracket holds the phrase's own short name)
    doc = parsed_doc(['The', 'corps', 'is', 'armed', 'by', 'Ukraine', "'s", 'military', 'intelligence', 'agency', '(', 'HUR', ')', '.'], [1, 3, 3, 3, 3, 9, 5, 9, 9, 4, 9, 9, 9, 3], ['det', 'nsubjpass', 'auxpass', 'ROOT', 'agent', 'poss', 'case', 'amod', 'compound', 'pobj', 'punct', 'appos', 'punct', 'punct'], ['DT', 'NN', 'VBZ', 'VBN', 'IN', 'NNP', 'POS', 'JJ', 'NN', 'NN', '-LRB-', 'NNP', '-RRB-', '.'])
    outlets_by_apposition(doc, K)
    assert not doc._.armedkg_mentions
    # encyclopaedia: "He wrote the music for the television series Lost." (the noun of outlets only qualifies the series)
    doc = parsed_doc(['He', 'wrote', 'the', 'music', 'for', 'the', 'television', 'series', 'Lost', '.'], [1, 1, 3, 1, 3, 7, 7, 4, 7, 1], ['nsubj', 'ROOT', 'det', 'dobj', 'prep', 'det', 'compound', 'pobj', 'appos', 'punct'], ['PRP', 'VBD', 'DT', 'NN', 'IN', 'DT', 'NN', 'NN', 'NNP', '.'])
    outlets_by_apposition(doc, K)
    assert not doc._.armedkg_mentions


def test_a_name_no_gazetteer_knows_that_speaks_is_no_place():
    from builder.extraction.mentions.places import _unresolved

    # wire: "Local officials and the Red Cross said 14 people were killed." (the model's place, a conjunct of the speakers)
    doc = parsed_doc(['Local', 'officials', 'and', 'the', 'Red', 'Cross', 'said', '14', 'people', 'were', 'killed', '.'], [1, 6, 1, 5, 5, 1, 6, 8, 10, 10, 6, 6], ['amod', 'nsubj', 'cc', 'det', 'compound', 'conj', 'ROOT', 'nummod', 'nsubjpass', 'auxpass', 'ccomp', 'punct'], ['JJ', 'NNS', 'CC', 'DT', 'NNP', 'NNP', 'VBD', 'CD', 'NNS', 'VBD', 'VBN', '.'])
    _unresolved(doc, K, doc[4:6], "Red Cross", "")
    assert not doc._.armedkg_mentions
    # feature: "Fighters entered Lokana on Sunday." (acted on: a place the gazetteers lack)
    doc = parsed_doc(['Fighters', 'entered', 'Lokana', 'on', 'Sunday', '.'], [1, 1, 1, 1, 3, 1], ['nsubj', 'ROOT', 'dobj', 'prep', 'pobj', 'punct'], ['NNS', 'VBD', 'NNP', 'IN', 'NNP', '.'])
    _unresolved(doc, K, doc[2:3], "Lokana", "")
    assert [m.rule for m in doc._.armedkg_mentions] == ["toponym_unresolved"]
