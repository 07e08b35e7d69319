"""Who backs an actor is no place of the text's events and casts no vote for the country in
focus, whether written as a compound adjective ("Iran-backed") or as the 'by' agent of a
participle of backing ("a paramilitary force funded by the United Arab Emirates"). And a
nationality with a force noun that the gazetteers know as another actor ("the Syrian National
Army") is that actor, not the country's armed forces. Sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from builder.extraction.actor_compounds import backer_by_agent
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_doc

K = load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "words, heads, deps, tags, name, backer",
    [
        # wire: "The RSF, a paramilitary force funded by the United Arab Emirates, shelled El Fasher."
        (['The', 'RSF', ',', 'a', 'paramilitary', 'force', 'funded', 'by', 'the', 'United', 'Arab', 'Emirates', ',', 'shelled', 'El', 'Fasher', '.'], [1, 13, 1, 5, 5, 1, 5, 6, 11, 11, 11, 7, 1, 13, 15, 13, 13], ['det', 'nsubj', 'punct', 'det', 'amod', 'appos', 'acl', 'agent', 'det', 'compound', 'compound', 'pobj', 'punct', 'ROOT', 'compound', 'dobj', 'punct'], ['DT', 'NNP', ',', 'DT', 'JJ', 'NN', 'VBN', 'IN', 'DT', 'NNP', 'NNP', 'NNP', ',', 'VBD', 'NNP', 'NNP', '.'], (9, 12), True),
        # encyclopaedia: "The Houthis, a movement backed by Iran, fired missiles at Marib."
        (['The', 'Houthis', ',', 'a', 'movement', 'backed', 'by', 'Iran', ',', 'fired', 'missiles', 'at', 'Marib', '.'], [1, 9, 1, 4, 1, 4, 5, 6, 1, 9, 9, 9, 11, 9], ['det', 'nsubj', 'punct', 'det', 'appos', 'acl', 'agent', 'pobj', 'punct', 'ROOT', 'dobj', 'prep', 'pobj', 'punct'], ['DT', 'NNP', ',', 'DT', 'NN', 'VBN', 'IN', 'NNP', ',', 'VBD', 'NNS', 'IN', 'NNP', '.'], (7, 8), True),
        # the place of the same sentence is no backer
        (['The', 'Houthis', ',', 'a', 'movement', 'backed', 'by', 'Iran', ',', 'fired', 'missiles', 'at', 'Marib', '.'], [1, 9, 1, 4, 1, 4, 5, 6, 1, 9, 9, 9, 11, 9], ['det', 'nsubj', 'punct', 'det', 'appos', 'acl', 'agent', 'pobj', 'punct', 'ROOT', 'dobj', 'prep', 'pobj', 'punct'], ['DT', 'NNP', ',', 'DT', 'NN', 'VBN', 'IN', 'NNP', ',', 'VBD', 'NNS', 'IN', 'NNP', '.'], (12, 13), False),
        # analysis: "Troops from Kenya patrolled the border." (where they come from, not who backs them)
        (['Troops', 'from', 'Kenya', 'patrolled', 'the', 'border', '.'], [3, 0, 1, 3, 5, 3, 3], ['nsubj', 'prep', 'pobj', 'ROOT', 'det', 'dobj', 'punct'], ['NNS', 'IN', 'NNP', 'VBD', 'DT', 'NN', '.'], (2, 3), False),
    ],
)
def test_the_agent_of_a_participle_of_backing_is_a_backer(words, heads, deps, tags, name, backer):
    doc = parsed_doc(words, heads, deps, tags)
    assert backer_by_agent(K, doc[name[0] : name[1]]) is backer


def test_a_backer_casts_no_vote_and_is_no_place(extract):
    r = extract("The RSF, a paramilitary force funded by the United Arab Emirates, shelled El Fasher on Monday.")
    assert r.focus_country == "SD"
    assert any(e.perpetrators == ["actor:rsf-sudan"] for e in r.events)


def test_a_force_the_gazetteers_know_by_its_own_name_is_not_the_state(extract):
    r = extract("Fighters of the Syrian National Army, a coalition backed by Turkey, entered the town on Monday.")
    assert any(x.prop == "backedBy" and x.subject == "actor:sna" for x in r.relations) or "actor:sna" in r.entities
    assert not any("actor:forces-sy" in (x.subject, x.object) for x in r.relations)
