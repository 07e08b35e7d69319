""""The group" refers back to the last non-state armed group named before it, as a subject, an
owner, an object or after a preposition (builder.extraction.pronouns). Sentences written for
these tests in wire, encyclopaedia and analysis styles, parsed by hand (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.knowledge import load_knowledge
from builder.extraction.phrases import MentionAt, PhraseReader, PhraseWords
from builder.extraction.pronouns import resolve_pronouns
from builder.extraction.terms import NON_STATE_ARMED_GROUP
from tests.handbuilt import parsed_doc


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _reader(k, words, heads, deps, tags, named):
    doc = parsed_doc(words, heads, deps, tags)
    mentions = [MentionAt(doc[a].idx, doc[b].idx + len(doc[b]), key, kind, cls) for kind, key, cls, a, b in named]
    reader = PhraseReader(doc, mentions, PhraseWords.from_lexicon(k.lex), k.state_of, k.state_forces)
    resolve_pronouns(reader, [], [doc[:]])
    return doc, reader


ARAKAN = ("actor", "actor:arakan-army", NON_STATE_ARMED_GROUP)


@pytest.mark.parametrize(
    "words, heads, deps, tags, named, anaphor",
    [
        # wire: "The Arakan Army took the town . The group 's deputy commander , Nyo Twan Awng , said officers were captured ."
        (['The', 'Arakan', 'Army', 'took', 'the', 'town', '.', 'The', 'group', "'s", 'deputy', 'commander', ',', 'Nyo', 'Twan', 'Awng', ',', 'said', 'officers', 'were', 'captured', '.'], [2, 2, 3, 3, 5, 3, 3, 8, 11, 8, 11, 17, 11, 15, 15, 11, 17, 17, 20, 20, 17, 17], ['det', 'compound', 'nsubj', 'ROOT', 'det', 'dobj', 'punct', 'det', 'poss', 'case', 'compound', 'nsubj', 'punct', 'compound', 'compound', 'appos', 'punct', 'ROOT', 'nsubjpass', 'auxpass', 'ccomp', 'punct'], ['DT', 'NNP', 'NNP', 'VBD', 'DT', 'NN', '.', 'DT', 'NN', 'POS', 'NN', 'NN', ',', 'NNP', 'NNP', 'NNP', ',', 'VBD', 'NNS', 'VBD', 'VBN', '.'], [ARAKAN + (1, 2)], 8),
        # encyclopaedia: "Hezbollah was founded in 1982 . Hassan Nasrallah led the group until 2024 ."
        (['Hezbollah', 'was', 'founded', 'in', '1982', '.', 'Hassan', 'Nasrallah', 'led', 'the', 'group', 'until', '2024', '.'], [2, 2, 2, 2, 3, 2, 7, 8, 8, 10, 8, 8, 11, 8], ['nsubjpass', 'auxpass', 'ROOT', 'prep', 'pobj', 'punct', 'compound', 'nsubj', 'ROOT', 'det', 'dobj', 'prep', 'pobj', 'punct'], ['NNP', 'VBD', 'VBN', 'IN', 'CD', '.', 'NNP', 'NNP', 'VBD', 'DT', 'NN', 'IN', 'CD', '.'], [("actor", "actor:hezbollah", NON_STATE_ARMED_GROUP, 0, 0), ("person", "person:hassan-nasrallah", "Person", 6, 7)], 10),
        # analysis: "The Arakan Army grew fast . Many commanders of the movement trained abroad ."
        (['The', 'Arakan', 'Army', 'grew', 'fast', '.', 'Many', 'commanders', 'of', 'the', 'movement', 'trained', 'abroad', '.'], [2, 2, 3, 3, 3, 3, 7, 11, 7, 10, 8, 11, 11, 11], ['det', 'compound', 'nsubj', 'ROOT', 'advmod', 'punct', 'amod', 'nsubj', 'prep', 'det', 'pobj', 'ROOT', 'advmod', 'punct'], ['DT', 'NNP', 'NNP', 'VBD', 'RB', '.', 'JJ', 'NNS', 'IN', 'DT', 'NN', 'VBD', 'RB', '.'], [ARAKAN + (1, 2)], 10),
    ],
)
def test_the_group_refers_back_to_the_last_armed_group_named(k, words, heads, deps, tags, named, anaphor):
    doc, reader = _reader(k, words, heads, deps, tags, named)
    assert [n.key for n in reader.entities(doc[anaphor])] == [named[0][1]]


def test_the_group_an_armed_group_acts_on_is_another_group(k):
    # wire: "Al-Shabaab attacked the base . Jubaland forces said ISIS fighters attacked the group ." -> not ISIS
    words = ['Al-Shabaab', 'attacked', 'the', 'base', '.', 'Jubaland', 'forces', 'said', 'ISIS', 'fighters', 'attacked', 'the', 'group', '.']
    heads = [1, 1, 3, 1, 1, 6, 7, 7, 9, 10, 7, 12, 10, 7]
    deps = ['nsubj', 'ROOT', 'det', 'dobj', 'punct', 'compound', 'nsubj', 'ROOT', 'compound', 'nsubj', 'ccomp', 'det', 'dobj', 'punct']
    tags = ['NNP', 'VBD', 'DT', 'NN', '.', 'NNP', 'NNS', 'VBD', 'NNP', 'NNS', 'VBD', 'DT', 'NN', '.']
    named = [("actor", "actor:al-shabaab", NON_STATE_ARMED_GROUP, 0, 0), ("actor", "actor:islamic-state", NON_STATE_ARMED_GROUP, 8, 8)]
    doc, reader = _reader(k, words, heads, deps, tags, named)
    assert [n.key for n in reader.entities(doc[12])] == ["actor:al-shabaab"]


def test_a_described_group_refers_to_nobody_named_before(k):
    # analysis: "The Arakan Army grew . The army joined a group of rebels ." / "... the group of rebels"
    words = ['The', 'Arakan', 'Army', 'grew', '.', 'Soldiers', 'fought', 'the', 'group', 'of', 'rebels', '.']
    heads = [2, 2, 3, 3, 3, 6, 6, 8, 6, 8, 9, 6]
    deps = ['det', 'compound', 'nsubj', 'ROOT', 'punct', 'nsubj', 'ROOT', 'det', 'dobj', 'prep', 'pobj', 'punct']
    tags = ['DT', 'NNP', 'NNP', 'VBD', '.', 'NNS', 'VBD', 'DT', 'NN', 'IN', 'NNS', '.']
    doc, reader = _reader(k, words, heads, deps, tags, [ARAKAN + (1, 2)])
    assert reader.entities(doc[8]) == []


def test_a_name_inside_another_groups_apposition_is_not_referred_back_to(k):
    # wire: "Troops clashed with the Estado Mayor Central , a faction of the FARC . The faction 's commander was absent ."
    words = ['Troops', 'clashed', 'with', 'the', 'Estado', 'Mayor', 'Central', ',', 'a', 'faction', 'of', 'the', 'FARC', '.', 'The', 'faction', "'s", 'commander', 'was', 'absent', '.']
    heads = [1, 1, 1, 6, 6, 6, 2, 6, 9, 6, 9, 12, 10, 1, 15, 17, 15, 18, 18, 18, 18]
    deps = ['nsubj', 'ROOT', 'prep', 'det', 'compound', 'compound', 'pobj', 'punct', 'det', 'appos', 'prep', 'det', 'pobj', 'punct', 'det', 'poss', 'case', 'nsubj', 'ROOT', 'acomp', 'punct']
    tags = ['NNS', 'VBD', 'IN', 'DT', 'NNP', 'NNP', 'NNP', ',', 'DT', 'NN', 'IN', 'DT', 'NNP', '.', 'DT', 'NN', 'POS', 'NN', 'VBD', 'JJ', '.']
    named = [("actor", "actor:emc", NON_STATE_ARMED_GROUP, 4, 6), ("actor", "actor:farc", NON_STATE_ARMED_GROUP, 12, 12)]
    doc, reader = _reader(k, words, heads, deps, tags, named)
    assert [n.key for n in reader.entities(doc[15])] == ["actor:emc"]


def test_a_group_inside_a_persons_apposition_is_referred_back_to(k):
    # analysis: "Abubakar Shekau , leader of Boko Haram , died in 2021 . His loyalist Bakura Doro now heads the faction ."
    words = ['Abubakar', 'Shekau', ',', 'leader', 'of', 'Boko', 'Haram', ',', 'died', 'in', '2021', '.', 'His', 'loyalist', 'Bakura', 'Doro', 'now', 'heads', 'the', 'faction', '.']
    heads = [1, 8, 1, 1, 3, 6, 4, 8, 8, 8, 9, 8, 13, 17, 15, 13, 17, 17, 19, 17, 17]
    deps = ['compound', 'nsubj', 'punct', 'appos', 'prep', 'compound', 'pobj', 'punct', 'ROOT', 'prep', 'pobj', 'punct', 'poss', 'nsubj', 'compound', 'appos', 'advmod', 'ROOT', 'det', 'dobj', 'punct']
    tags = ['NNP', 'NNP', ',', 'NN', 'IN', 'NNP', 'NNP', ',', 'VBD', 'IN', 'CD', '.', 'PRP$', 'NN', 'NNP', 'NNP', 'RB', 'VBZ', 'DT', 'NN', '.']
    named = [("person", "person:shekau", "Person", 0, 1), ("actor", "actor:boko-haram", NON_STATE_ARMED_GROUP, 5, 6), ("person", "person:doro", "Person", 14, 15)]
    doc, reader = _reader(k, words, heads, deps, tags, named)
    assert [n.key for n in reader.entities(doc[19])] == ["actor:boko-haram"]


STC = ("actor", "actor:stc", "Organisation")
FLA = ("actor", "actor:fla", NON_STATE_ARMED_GROUP)


@pytest.mark.parametrize(
    "words, heads, deps, tags, named, anaphor, key",
    [
        # wire: "Rebels of the Azawad Liberation Front said the front 's local commander , Ahmed Ag Bouba , had been wounded ."
        (['Rebels', 'of', 'the', 'Azawad', 'Liberation', 'Front', 'said', 'the', 'front', "'s", 'local', 'commander', ',', 'Ahmed', 'Ag', 'Bouba', ',', 'had', 'been', 'wounded', '.'], [6, 0, 5, 4, 5, 1, 6, 8, 11, 8, 11, 19, 11, 15, 15, 11, 19, 19, 19, 6, 6], ['nsubj', 'prep', 'det', 'compound', 'compound', 'pobj', 'ROOT', 'det', 'poss', 'case', 'amod', 'nsubjpass', 'punct', 'compound', 'compound', 'appos', 'punct', 'aux', 'auxpass', 'ccomp', 'punct'], ['NNPS', 'IN', 'DT', 'NNP', 'NNP', 'NNP', 'VBD', 'DT', 'NN', 'POS', 'JJ', 'NN', ',', 'NNP', 'NNP', 'NNP', ',', 'VBD', 'VBN', 'VBN', '.'], [FLA + (3, 5)], 8, "actor:fla"),
        # encyclopaedia: "The Security Belt Forces are part of the Southern Transitional Council . The council itself is headed by Aidarus al-Zubaidi ." (a political body too)
        (['The', 'Security', 'Belt', 'Forces', 'are', 'part', 'of', 'the', 'Southern', 'Transitional', 'Council', '.', 'The', 'council', 'itself', 'is', 'headed', 'by', 'Aidarus', 'al', '-', 'Zubaidi', '.'], [3, 2, 3, 4, 4, 4, 5, 10, 10, 10, 6, 4, 13, 16, 13, 16, 16, 16, 19, 21, 21, 17, 16], ['det', 'compound', 'compound', 'nsubj', 'ROOT', 'attr', 'prep', 'det', 'compound', 'compound', 'pobj', 'punct', 'det', 'nsubjpass', 'appos', 'auxpass', 'ROOT', 'agent', 'compound', 'compound', 'punct', 'pobj', 'punct'], ['DT', 'NNP', 'NNP', 'NNPS', 'VBP', 'NN', 'IN', 'DT', 'NNP', 'NNP', 'NNP', '.', 'DT', 'NN', 'PRP', 'VBZ', 'VBN', 'IN', 'NNP', 'NNP', 'NNP', 'NNP', '.'], [("actor", "actor:security-belt", NON_STATE_ARMED_GROUP, 1, 3), STC + (8, 10)], 13, "actor:stc"),
    ],
)
def test_the_head_noun_of_a_name_refers_back_to_the_group_so_named(k, words, heads, deps, tags, named, anaphor, key):
    doc, reader = _reader(k, words, heads, deps, tags, named)
    assert [n.key for n in reader.entities(doc[anaphor])] == [key]


def test_a_front_one_goes_to_is_a_line_not_the_group(k):
    # analysis: "The Azawad Liberation Front attacked Anefis . Soldiers later returned to the front ."
    words = ['The', 'Azawad', 'Liberation', 'Front', 'attacked', 'Anefis', '.', 'Soldiers', 'later', 'returned', 'to', 'the', 'front', '.']
    heads = [3, 3, 3, 4, 4, 4, 4, 9, 9, 9, 9, 12, 10, 9]
    deps = ['det', 'compound', 'compound', 'nsubj', 'ROOT', 'dobj', 'punct', 'nsubj', 'advmod', 'ROOT', 'prep', 'det', 'pobj', 'punct']
    tags = ['DT', 'NNP', 'NNP', 'NNP', 'VBD', 'NNP', '.', 'NNS', 'RB', 'VBD', 'IN', 'DT', 'NN', '.']
    doc, reader = _reader(k, words, heads, deps, tags, [FLA + (1, 3)])
    assert reader.entities(doc[12]) == []


def test_the_group_after_a_preposition_is_the_subject_named_before_not_its_object(k):
    # wire: "Jaysh al-Ahrar joined the National Front in 2019 , a spokesman for the faction said ."
    words = ['Jaysh', 'al', '-', 'Ahrar', 'joined', 'the', 'National', 'Front', 'in', '2019', ',', 'a', 'spokesman', 'for', 'the', 'faction', 'said', '.']
    heads = [3, 3, 3, 4, 16, 7, 7, 4, 4, 8, 16, 12, 16, 12, 15, 13, 16, 16]
    deps = ['compound', 'compound', 'compound', 'nsubj', 'ccomp', 'det', 'compound', 'dobj', 'prep', 'pobj', 'punct', 'det', 'nsubj', 'prep', 'det', 'pobj', 'ROOT', 'punct']
    tags = ['NNP', 'NNP', 'NNP', 'NNP', 'VBD', 'DT', 'NNP', 'NNP', 'IN', 'CD', ',', 'DT', 'NN', 'IN', 'DT', 'NN', 'VBD', '.']
    named = [("actor", "actor:jaysh-al-ahrar", NON_STATE_ARMED_GROUP, 0, 3), ("actor", "actor:national-front", NON_STATE_ARMED_GROUP, 6, 7)]
    doc, reader = _reader(k, words, heads, deps, tags, named)
    assert [n.key for n in reader.entities(doc[15])] == ["actor:jaysh-al-ahrar"]
