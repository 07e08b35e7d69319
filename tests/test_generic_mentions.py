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



@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # brief: "Attacks on the Ouagadougou-Kaya road have doubled this year, according to aid agencies."
        (["Attacks", "on", "the", "Ouagadougou", "-", "Kaya", "road", "have", "doubled", "this", "year", ",", "according", "to", "aid", "agencies", "."], [8, 0, 6, 5, 5, 6, 1, 8, 8, 10, 8, 8, 8, 12, 15, 13, 8], ["nsubj", "prep", "det", "compound", "punct", "compound", "pobj", "aux", "ROOT", "det", "npadvmod", "punct", "prep", "prep", "compound", "pobj", "punct"], ["NNS", "IN", "DT", "NNP", "HYPH", "NNP", "NN", "VBP", "VBN", "DT", "NN", ",", "VBG", "IN", "NN", "NNS", "."], 0),
        # wire: "The Pakistani Taliban has stepped up attacks on security forces in Khyber Pakhtunkhwa."
        (["The", "Pakistani", "Taliban", "has", "stepped", "up", "attacks", "on", "security", "forces", "in", "Khyber", "Pakhtunkhwa", "."], [2, 2, 4, 4, 4, 4, 4, 6, 9, 7, 6, 12, 10, 4], ["det", "compound", "nsubj", "aux", "ROOT", "prt", "dobj", "prep", "compound", "pobj", "prep", "compound", "pobj", "punct"], ["DT", "NNP", "NNP", "VBZ", "VBN", "RP", "NNS", "IN", "NN", "NNS", "IN", "NNP", "NNP", "."], 6),
        # analysis: "Russian glide-bomb attacks on Kharkiv have intensified in recent weeks."
        (["Russian", "glide", "-", "bomb", "attacks", "on", "Kharkiv", "have", "intensified", "in", "recent", "weeks", "."], [4, 3, 3, 4, 8, 4, 5, 8, 8, 8, 11, 9, 8], ["amod", "compound", "punct", "compound", "nsubj", "prep", "pobj", "aux", "ROOT", "prep", "amod", "pobj", "punct"], ["JJ", "NN", "HYPH", "NN", "NNS", "IN", "NNP", "VBP", "VBN", "IN", "JJ", "NNS", "."], 4),
        # feature: "Only one side in this war has aircraft." (a means held, not used)
        (["Only", "one", "side", "in", "this", "war", "has", "aircraft", "."], [1, 2, 6, 2, 5, 3, 6, 6, 6], ["advmod", "nummod", "nsubj", "prep", "det", "pobj", "ROOT", "dobj", "punct"], ["RB", "CD", "NN", "IN", "DT", "NN", "VBZ", "NN", "."], 7),
        # encyclopaedia: "The rebels now possess armed drones capable of reaching the capital."
        (["The", "rebels", "now", "possess", "armed", "drones", "capable", "of", "reaching", "the", "capital", "."], [1, 3, 3, 3, 5, 3, 5, 6, 7, 10, 8, 3], ["det", "nsubj", "advmod", "ROOT", "amod", "dobj", "amod", "prep", "pcomp", "det", "dobj", "punct"], ["DT", "NNS", "RB", "VBP", "JJ", "NNS", "JJ", "IN", "VBG", "DT", "NN", "."], 5),
    ],
)
def test_a_trend_of_acts_or_a_means_held_is_no_event(words, heads, deps, tags, trigger):
    assert _generic(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire, in the past: "The army stepped up air strikes on Jilib, killing 12 militants."
        (["The", "army", "stepped", "up", "air", "strikes", "on", "Jilib", ",", "killing", "12", "militants", "."], [1, 2, 2, 2, 5, 2, 2, 6, 2, 2, 11, 9, 2], ["det", "nsubj", "ROOT", "prt", "compound", "dobj", "prep", "pobj", "punct", "advcl", "nummod", "dobj", "punct"], ["DT", "NN", "VBD", "RP", "NN", "NNS", "IN", "NNP", ",", "VBG", "CD", "NNS", "."], 5),
        # wire: "Government aircraft bombed the market." (the means acting)
        (["Government", "aircraft", "bombed", "the", "market", "."], [1, 2, 2, 4, 2, 2], ["compound", "nsubj", "ROOT", "det", "dobj", "punct"], ["NN", "NN", "VBD", "DT", "NN", "."], 1),
    ],
)
def test_acts_stepped_up_on_a_day_or_a_means_used_stay_events(words, heads, deps, tags, trigger):
    assert not _generic(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # brief: "Kidnappings for ransom increased sharply during the first half of the year."
        (['Kidnappings', 'for', 'ransom', 'increased', 'sharply', 'during', 'the', 'first', 'half', 'of', 'the', 'year', '.'], [3, 0, 1, 3, 3, 3, 8, 8, 5, 8, 11, 9, 3], ['nsubj', 'prep', 'pobj', 'ROOT', 'advmod', 'prep', 'det', 'amod', 'pobj', 'prep', 'det', 'pobj', 'punct'], ['NNS', 'IN', 'NN', 'VBD', 'RB', 'IN', 'DT', 'JJ', 'NN', 'IN', 'DT', 'NN', '.'], 0),
        # wire: "Civilian casualties from roadside bombs fell last year, the mission said."
        (['Civilian', 'casualties', 'from', 'roadside', 'bombs', 'fell', 'last', 'year', ',', 'the', 'mission', 'said', '.'], [1, 5, 1, 4, 2, 11, 7, 5, 11, 10, 11, 11, 11], ['amod', 'nsubj', 'prep', 'compound', 'pobj', 'ccomp', 'amod', 'npadvmod', 'punct', 'det', 'nsubj', 'ROOT', 'punct'], ['JJ', 'NNS', 'IN', 'NN', 'NNS', 'VBD', 'JJ', 'NN', ',', 'DT', 'NN', 'VBD', '.'], 4),
        # feature: "Families say relatives were killed in air strikes over the past two years."
        (['Families', 'say', 'relatives', 'were', 'killed', 'in', 'air', 'strikes', 'over', 'the', 'past', 'two', 'years', '.'], [1, 1, 4, 4, 1, 4, 7, 5, 4, 12, 12, 12, 8, 1], ['nsubj', 'ROOT', 'nsubjpass', 'auxpass', 'ccomp', 'prep', 'compound', 'pobj', 'prep', 'det', 'amod', 'nummod', 'pobj', 'punct'], ['NNS', 'VBP', 'NNS', 'VBD', 'VBN', 'IN', 'NN', 'NNS', 'IN', 'DT', 'JJ', 'CD', 'NNS', '.'], 7),
    ],
)
def test_acts_counted_in_a_trend_or_over_months_are_no_one_event(words, heads, deps, tags, trigger):
    """Acts counted over a span of months or years: the subject (or inside the subject) of a
    verb of trend in any tense ("Kidnappings increased ... during the first half of the year",
    "casualties from roadside bombs fell last year"), or a bare plural ("killed in air strikes
    over the past two years"). "Attacks on farmers rose last week" may tell acts of that week."""
    assert _generic(words, heads, deps, tags, trigger)


def test_a_bare_plural_on_a_day_is_still_an_act():
    """"Air strikes killed 12 people in Idlib on Sunday": no trend, no span of months."""
    words = ["Air", "strikes", "killed", "12", "people", "in", "Idlib", "on", "Sunday", "."]
    heads = [1, 2, 2, 4, 2, 2, 5, 2, 7, 2]
    deps = ["compound", "nsubj", "ROOT", "nummod", "dobj", "prep", "pobj", "prep", "pobj", "punct"]
    tags = ["NN", "NNS", "VBD", "CD", "NNS", "IN", "NNP", "IN", "NNP", "."]
    assert not _generic(words, heads, deps, tags, 1)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger, generic",
    [
        # analysis: "The town has seen repeated fighting between local armed groups." (many acts, present perfect)
        (['The', 'town', 'has', 'seen', 'repeated', 'fighting', 'between', 'local', 'armed', 'groups', '.'], [1, 3, 3, 3, 5, 3, 5, 9, 9, 6, 3], ['det', 'nsubj', 'aux', 'ROOT', 'amod', 'dobj', 'prep', 'amod', 'amod', 'pobj', 'punct'], ['DT', 'NN', 'VBZ', 'VBN', 'VBN', 'NN', 'IN', 'JJ', 'JJ', 'NNS', '.'], 5, True),
        # feature: "Frequent raids have emptied the villages along the river."
        (['Frequent', 'raids', 'have', 'emptied', 'the', 'villages', 'along', 'the', 'river', '.'], [1, 3, 3, 3, 5, 3, 5, 8, 6, 3], ['amod', 'nsubj', 'aux', 'ROOT', 'det', 'dobj', 'prep', 'det', 'pobj', 'punct'], ['JJ', 'NNS', 'VBP', 'VBN', 'DT', 'NNS', 'IN', 'DT', 'NN', '.'], 1, True),
        # encyclopaedia: "Tribal fighting is centuries old in the highlands." (a bare mass noun a present copula describes)
        (['Tribal', 'fighting', 'is', 'centuries', 'old', 'in', 'the', 'highlands', '.'], [1, 2, 2, 2, 3, 3, 7, 5, 2], ['amod', 'nsubj', 'ROOT', 'attr', 'amod', 'prep', 'det', 'pobj', 'punct'], ['JJ', 'NN', 'VBZ', 'NNS', 'JJ', 'IN', 'DT', 'NNS', '.'], 1, True),
        # wire: "Heavy fighting is under way near the town." (fighting going on now: an event)
        (['Heavy', 'fighting', 'is', 'under', 'way', 'near', 'the', 'town', '.'], [1, 2, 2, 2, 3, 2, 7, 5, 2], ['amod', 'nsubj', 'ROOT', 'prep', 'pobj', 'prep', 'det', 'pobj', 'punct'], ['JJ', 'NN', 'VBZ', 'IN', 'NN', 'IN', 'DT', 'NN', '.'], 1, False),
        # wire: "Gunmen carried out repeated attacks on the village on Sunday." (the past: the acts of a day)
        (['Gunmen', 'carried', 'out', 'repeated', 'attacks', 'on', 'the', 'village', 'on', 'Sunday', '.'], [1, 1, 1, 4, 1, 4, 7, 5, 1, 8, 1], ['nsubj', 'ROOT', 'prt', 'amod', 'dobj', 'prep', 'det', 'pobj', 'prep', 'pobj', 'punct'], ['NNS', 'VBD', 'RP', 'VBN', 'NNS', 'IN', 'DT', 'NN', 'IN', 'NNP', '.'], 4, False),
    ],
)
def test_acts_said_to_recur_and_a_kind_of_fighting_described_are_no_event(words, heads, deps, tags, trigger, generic):
    assert _generic(words, heads, deps, tags, trigger) is generic
