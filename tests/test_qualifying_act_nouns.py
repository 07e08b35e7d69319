"""An act's noun that only qualifies a noun naming no act tells no event ("one of the highest
murder rates", "a ceasefire committee", "attack helicopters"); a bomb attack and the weapon of
an act stay events (builder.extraction.events.sentence._realised_trigger). Sentences written for
these tests in several styles, parsed by hand (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.events.sentence import _realised_trigger
from builder.extraction.events.triggers import trigger
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "words, heads, deps, tags, told",
    [
        # encyclopaedia: "Jamaica has one of the highest murder rates in the world ." -> no event
        (['Jamaica', 'has', 'one', 'of', 'the', 'highest', 'murder', 'rates', 'in', 'the', 'world', '.'], [1, 1, 1, 2, 7, 7, 7, 3, 7, 10, 8, 1], ['nsubj', 'ROOT', 'dobj', 'prep', 'det', 'amod', 'compound', 'pobj', 'prep', 'det', 'pobj', 'punct'], ['NNP', 'VBZ', 'CD', 'IN', 'DT', 'JJS', 'NN', 'NNS', 'IN', 'DT', 'NN', '.'], None),
        # wire: "Officials said they had sent a ceasefire committee to the villages ." -> no agreement
        (['Officials', 'said', 'they', 'had', 'sent', 'a', 'ceasefire', 'committee', 'to', 'the', 'villages', '.'], [1, 1, 4, 4, 1, 7, 7, 4, 4, 10, 8, 1], ['nsubj', 'ROOT', 'nsubj', 'aux', 'ccomp', 'det', 'compound', 'dobj', 'prep', 'det', 'pobj', 'punct'], ['NNS', 'VBD', 'PRP', 'VBD', 'VBN', 'DT', 'NN', 'NN', 'IN', 'DT', 'NNS', '.'], None),
        # wire: "Suspected militants killed two people in a bomb attack on Monday ." -> the attack
        (['Suspected', 'militants', 'killed', 'two', 'people', 'in', 'a', 'bomb', 'attack', 'on', 'Monday', '.'], [1, 2, 2, 4, 2, 2, 8, 8, 5, 8, 9, 2], ['amod', 'nsubj', 'ROOT', 'nummod', 'dobj', 'prep', 'det', 'compound', 'pobj', 'prep', 'pobj', 'punct'], ['JJ', 'NNS', 'VBD', 'CD', 'NNS', 'IN', 'DT', 'NN', 'NN', 'IN', 'NNP', '.'], "told"),
        # wire: "... signed a ceasefire protocol on Wednesday ." -> a written agreement: the agreement
        (['Government', 'negotiators', 'and', 'the', 'faction', 'signed', 'a', 'ceasefire', 'protocol', 'on', 'Wednesday', '.'], [1, 5, 1, 4, 1, 5, 8, 8, 5, 5, 9, 5], ['compound', 'nsubj', 'cc', 'det', 'conj', 'ROOT', 'det', 'compound', 'dobj', 'prep', 'pobj', 'punct'], ['NN', 'NNS', 'CC', 'DT', 'NN', 'VBD', 'DT', 'NN', 'NN', 'IN', 'NNP', '.'], "ceasefire"),
        # feature: "Residents said RSF fighters spent Monday looting shops in the main market ." (a gerund hung on its object)
        (['Residents', 'said', 'RSF', 'fighters', 'spent', 'Monday', 'looting', 'shops', 'in', 'the', 'main', 'market', '.'], [1, 1, 3, 4, 1, 4, 7, 4, 4, 11, 11, 8, 1], ['nsubj', 'ROOT', 'compound', 'nsubj', 'ccomp', 'npadvmod', 'compound', 'dobj', 'prep', 'det', 'amod', 'pobj', 'punct'], ['NNS', 'VBD', 'NNP', 'NNS', 'VBD', 'NNP', 'VBG', 'NNS', 'IN', 'DT', 'JJ', 'NN', '.'], "looting"),
        # analysis: "Attack helicopters fired on the convoy ." -> the firing, not "Attack"
        (['Attack', 'helicopters', 'fired', 'on', 'the', 'convoy', '.'], [1, 2, 2, 2, 5, 3, 2], ['compound', 'nsubj', 'ROOT', 'prep', 'det', 'pobj', 'punct'], ['NN', 'NNS', 'VBD', 'IN', 'DT', 'NN', '.'], "fired"),
    ],
)
def test_an_act_noun_qualifying_a_thing_tells_no_event(k, words, heads, deps, tags, told):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    found = _realised_trigger(doc, k, sent, sent.text, trigger(k, sent.text))
    if told is None:
        assert found is None
    elif told == "told":
        assert found is not None
    else:
        assert found is not None and found[2].group().lower().startswith(told)
