"""The "by" phrase of a passive verb names who acted, also where the parser hung it on the object
of a phrase after the verb (builder.extraction.frame_phrases.agent_phrases). Sentences written
for these tests, parsed by hand (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.frame_phrases import agent_phrases, pobjs
from tests.handbuilt import parsed_doc


@pytest.mark.parametrize(
    "words, heads, deps, tags, verb, agents",
    [
        # feature: "A man was beaten to death last week in Mabayi commune by members of the Imbonerakure." ("by" hung on "commune")
        (["A", "man", "was", "beaten", "to", "death", "last", "week", "in", "Mabayi", "commune", "by", "members", "of", "the", "Imbonerakure", "."], [1, 3, 3, 3, 3, 4, 7, 3, 3, 10, 8, 10, 11, 12, 15, 13, 3], ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "amod", "npadvmod", "prep", "compound", "pobj", "prep", "pobj", "prep", "det", "pobj", "punct"], ["DT", "NN", "VBD", "VBN", "IN", "NN", "JJ", "NN", "IN", "NNP", "NN", "IN", "NNS", "IN", "DT", "NN", "."], 3, ["members"]),
        # wire: "The convoy was ambushed near the bridge by fighters." (the verb's own agent)
        (["The", "convoy", "was", "ambushed", "near", "the", "bridge", "by", "fighters", "."], [1, 3, 3, 3, 3, 6, 4, 3, 7, 3], ["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "agent", "pobj", "punct"], ["DT", "NN", "VBD", "VBN", "IN", "DT", "NN", "IN", "NNS", "."], 3, ["fighters"]),
        # brief: "Gunmen stabbed to death two traders." (no "by" phrase)
        (["Gunmen", "stabbed", "to", "death", "two", "traders", "."], [1, 1, 1, 2, 5, 1, 1], ["nsubj", "ROOT", "prep", "pobj", "nummod", "dobj", "punct"], ["NNS", "VBN", "IN", "NN", "CD", "NNS", "."], 1, []),
    ],
)
def test_the_by_phrase_of_a_passive_verb_names_who_acted(words, heads, deps, tags, verb, agents):
    doc = parsed_doc(words, heads, deps, tags)
    assert [t.text for by in agent_phrases(doc[verb]) for t in pobjs(by)] == agents
