"""A name nobody's gazetteer knows that attacks or fights is an actor, not a place: the model
often tags an unfamiliar group's name as a facility or a place ("The Nyatura CMC ... clashed with
M23"), and a place does not clash. A place the gazetteers know keeps its reading ("Israel struck
Gaza"). Sentences written for these tests: hand-built parses (no model) for the rule, then the
whole pipeline in three styles."""

from __future__ import annotations

import pytest

from builder.extraction.knowledge import load_knowledge
from builder.extraction.mentions.entities import _agent_of_hostility, _part_of_organisation
from tests.handbuilt import parsed_doc


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "words, heads, deps, name, agent",
    [
        # "The Kivu Brigade clashed with rebels": subject of a verb of hostility
        (["The", "Kivu", "Brigade", "clashed", "with", "rebels"], [2, 2, 3, 3, 3, 4], ["det", "compound", "nsubj", "ROOT", "prep", "pobj"], (0, 3), True),
        # "Gunmen and the Kivu Brigade ambushed a convoy": the second of two subjects
        (["Gunmen", "and", "the", "Kivu", "Brigade", "ambushed", "a", "convoy"], [5, 0, 4, 4, 0, 5, 7, 5], ["nsubj", "cc", "det", "compound", "conj", "ROOT", "det", "dobj"], (2, 5), True),
        # "A convoy was ambushed by the Kivu Brigade": the agent of a passive verb of hostility
        (["A", "convoy", "was", "ambushed", "by", "the", "Kivu", "Brigade"], [1, 3, 3, 3, 3, 7, 7, 4], ["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "compound", "pobj"], (5, 8), True),
        # "Kivu Town was attacked": what is attacked may well be a place
        (["Kivu", "Town", "was", "attacked"], [1, 3, 3, 3], ["compound", "nsubjpass", "auxpass", "ROOT"], (0, 2), False),
        # "Kivu Town lies on the river": a subject, but of no act of hostility
        (["Kivu", "Town", "lies", "on", "the", "river"], [1, 2, 2, 2, 5, 3], ["compound", "nsubj", "ROOT", "prep", "det", "pobj"], (0, 2), False),
        # "fighting near Kivu Town": a place of the fighting
        (["fighting", "near", "Kivu", "Town"], [0, 0, 3, 1], ["ROOT", "prep", "compound", "pobj"], (2, 4), False),
    ],
)
def test_the_agent_of_an_act_of_hostility(k, words, heads, deps, name, agent):
    doc = parsed_doc(words, heads, deps)
    assert _agent_of_hostility(k, doc[name[0] : name[1]]) is agent


@pytest.mark.parametrize(
    "words, heads, deps, ents, part",
    [
        # "the Ngumino, an armed wing of the Twirwaneho": a wing of a named organisation
        (["the", "Ngumino", ",", "an", "armed", "wing", "of", "the", "Twirwaneho"], [1, 1, 1, 5, 5, 1, 5, 8, 6], ["det", "ROOT", "punct", "det", "amod", "appos", "prep", "det", "pobj"], {8: "ORG"}, True),
        # "Nyatura CMC, part of the Wazalendo coalition": a part of what a noun of organisation names
        (["Nyatura", "CMC", ",", "part", "of", "the", "Wazalendo", "coalition"], [1, 1, 1, 1, 3, 7, 7, 4], ["compound", "ROOT", "punct", "appos", "prep", "det", "compound", "pobj"], {}, True),
        # "Goma, part of North Kivu": a part of a province is a town
        (["Goma", ",", "part", "of", "North", "Kivu"], [0, 0, 0, 2, 5, 3], ["ROOT", "punct", "appos", "prep", "compound", "pobj"], {5: "GPE"}, False),
    ],
)
def test_a_name_beside_a_part_of_an_organisation(k, words, heads, deps, ents, part):
    doc = parsed_doc(words, heads, deps)
    for i, label in ents.items():
        doc[i].ent_type_ = label
    root = next(t for t in doc if t.dep_ == "ROOT")
    start = min(t.i for t in root.subtree if t.dep_ in ("det", "compound") and t.head == root or t == root)
    assert _part_of_organisation(k, doc[start : root.i + 1]) is part
