"""A noun that names a kind of act states no event: a bare plural under a verb in the simple
present ("Attacks on farmers tend to rise in the dry season") or one that says what such acts
are ("Drone attacks have become a routine threat"), an indefinite singular under a verb in the
simple present ("The sequence fits a familiar cycle: a separatist strike on a post"). A lead's
"A suicide attack has killed ten people" or "Clashes have killed 27 people" tells one.
Sentences written for these tests, parsed by hand (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.events.modality import generic_mention
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence

K = load_knowledge(None, False, None)


def _generic(words, heads, deps, tags, trigger):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    tok = doc[trigger]
    return generic_mention(doc, K, sent, tok.idx, tok.idx + len(tok))


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # analysis: "Attacks on farmers tend to rise in the dry season."
        (["Attacks", "on", "farmers", "tend", "to", "rise", "in", "the", "dry", "season", "."], [3, 0, 1, 3, 5, 3, 5, 9, 9, 6, 3], ["nsubj", "prep", "pobj", "ROOT", "aux", "xcomp", "prep", "det", "amod", "pobj", "punct"], ["NNS", "IN", "NNS", "VBP", "TO", "VB", "IN", "DT", "JJ", "NN", "."], 0),
        # feature: "Drone attacks have become a routine threat."
        (["Drone", "attacks", "have", "become", "a", "routine", "threat", "."], [1, 3, 3, 3, 6, 6, 3, 3], ["compound", "nsubj", "aux", "ROOT", "det", "amod", "attr", "punct"], ["NN", "NNS", "VBP", "VBN", "DT", "JJ", "NN", "."], 1),
        # brief: "The sequence fits a familiar cycle: a separatist strike on a post."
        (["The", "sequence", "fits", "a", "familiar", "cycle", ":", "a", "separatist", "strike", "on", "a", "post", "."], [1, 2, 2, 5, 5, 2, 5, 9, 9, 5, 9, 12, 10, 2], ["det", "nsubj", "ROOT", "det", "amod", "dobj", "punct", "det", "amod", "appos", "prep", "det", "pobj", "punct"], ["DT", "NN", "VBZ", "DT", "JJ", "NN", ":", "DT", "JJ", "NN", "IN", "DT", "NN", "."], 9),
        # encyclopaedia: "Ambushes remain the group's favoured tactic."
        (["Ambushes", "remain", "the", "group", "'s", "favoured", "tactic", "."], [1, 1, 4, 6, 3, 6, 1, 1], ["nsubj", "ROOT", "det", "poss", "case", "amod", "attr", "punct"], ["NNS", "VBP", "DT", "NN", "POS", "JJ", "NN", "."], 0),
    ],
)
def test_a_kind_of_act_named_by_a_noun_is_no_event(words, heads, deps, tags, trigger):
    assert _generic(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire lead: "A suicide attack has killed ten people."
        (["A", "suicide", "attack", "has", "killed", "ten", "people", "."], [2, 2, 4, 4, 4, 6, 4, 4], ["det", "compound", "nsubj", "aux", "ROOT", "nummod", "dobj", "punct"], ["DT", "NN", "NN", "VBZ", "VBN", "CD", "NNS", "."], 2),
        # wire lead: "Clashes have killed 27 people in Tripoli."
        (["Clashes", "have", "killed", "27", "people", "in", "Tripoli", "."], [2, 2, 2, 4, 2, 2, 5, 2], ["nsubj", "aux", "ROOT", "nummod", "dobj", "prep", "pobj", "punct"], ["NNS", "VBP", "VBN", "CD", "NNS", "IN", "NNP", "."], 0),
        # the past: "Attacks on farmers rose last week."
        (["Attacks", "on", "farmers", "rose", "last", "week", "."], [3, 0, 1, 3, 5, 3, 3], ["nsubj", "prep", "pobj", "ROOT", "amod", "npadvmod", "punct"], ["NNS", "IN", "NNS", "VBD", "JJ", "NN", "."], 0),
        # a definite plural is the acts told: "The attacks tend to be at night."
        (["The", "attacks", "tend", "to", "be", "at", "night", "."], [1, 2, 2, 4, 2, 4, 5, 2], ["det", "nsubj", "ROOT", "aux", "xcomp", "prep", "pobj", "punct"], ["DT", "NNS", "VBP", "TO", "VB", "IN", "NN", "."], 1),
    ],
)
def test_one_act_named_by_a_noun_is_an_event(words, heads, deps, tags, trigger):
    assert not _generic(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # feature: "She keeps a list of every strike on the town."
        (["She", "keeps", "a", "list", "of", "every", "strike", "on", "the", "town", "."], [1, 1, 3, 1, 3, 6, 4, 6, 9, 7, 1], ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "det", "pobj", "punct"], ["PRP", "VBZ", "DT", "NN", "IN", "DT", "NN", "IN", "DT", "NN", "."], 6),
        # analysis, in the past: "Each raid left the village poorer."
        (["Each", "raid", "left", "the", "village", "poorer", "."], [1, 2, 2, 4, 2, 2, 2], ["det", "nsubj", "ROOT", "det", "dobj", "advmod", "punct"], ["DT", "NN", "VBD", "DT", "NN", "RBR", "."], 1),
    ],
)
def test_an_event_noun_under_every_or_each_ranges_over_acts(words, heads, deps, tags, trigger):
    assert _generic(words, heads, deps, tags, trigger)

