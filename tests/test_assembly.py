"""A gathering with a stated demand is a protest (builder.extraction.events.assembly), on
hand-built parsed sentences (no model). Sentences written for these tests."""

from __future__ import annotations

import pytest

from builder.extraction.events.assembly import gathering
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


# coder's note: "Residents blocked the highway to demand water ."
BLOCKED_TO_DEMAND = (
    ["Residents", "blocked", "the", "highway", "to", "demand", "water", "."],
    [1, 1, 3, 1, 5, 1, 5, 1],
    ["nsubj", "ROOT", "det", "dobj", "aux", "advcl", "dobj", "punct"],
    ["NNS", "VBD", "DT", "NN", "TO", "VB", "NN", "."],
)
# wire copy: "Hundreds of farmers gathered outside the ministry , demanding subsidies ."
GATHERED_DEMANDING = (
    ["Hundreds", "of", "farmers", "gathered", "outside", "the", "ministry", ",", "demanding", "subsidies", "."],
    [3, 0, 1, 3, 3, 6, 4, 3, 3, 8, 3],
    ["nsubj", "prep", "pobj", "ROOT", "prep", "det", "pobj", "punct", "advcl", "dobj", "punct"],
    ["NNS", "IN", "NNS", "VBD", "IN", "DT", "NN", ",", "VBG", "NNS", "."],
)
# analysis: "Students walked out in solidarity with teachers ."
WALKED_OUT_IN_SOLIDARITY = (
    ["Students", "walked", "out", "in", "solidarity", "with", "teachers", "."],
    [1, 1, 1, 1, 3, 4, 5, 1],
    ["nsubj", "ROOT", "prt", "prep", "pobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "RP", "IN", "NN", "IN", "NNS", "."],
)
# "Drivers cut traffic against fuel prices ."
CUT_AGAINST = (
    ["Drivers", "cut", "traffic", "against", "fuel", "prices", "."],
    [1, 1, 1, 1, 5, 3, 1],
    ["nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "punct"],
    ["NNS", "VBD", "NN", "IN", "NN", "NNS", "."],
)


@pytest.mark.parametrize("parse,verb", [(BLOCKED_TO_DEMAND, "blocked"), (GATHERED_DEMANDING, "gathered"), (WALKED_OUT_IN_SOLIDARITY, "walked"), (CUT_AGAINST, "cut")])
def test_a_crowd_gathering_with_a_demand_is_a_protest(k, parse, verb):
    doc, sent = parsed_sentence(*parse)
    m = gathering(k, sent)
    assert m is not None and m.group(0) == verb


def test_troops_gathering_to_defend_a_town_are_no_protest(k):
    # "Troops gathered near the town to defend it ."
    doc, sent = parsed_sentence(
        ["Troops", "gathered", "near", "the", "town", "to", "defend", "it", "."],
        [1, 1, 1, 4, 2, 6, 1, 6, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "aux", "advcl", "dobj", "punct"],
        ["NNS", "VBD", "IN", "DT", "NN", "TO", "VB", "PRP", "."],
    )
    assert gathering(k, sent) is None


def test_a_gathering_without_a_demand_is_no_protest(k):
    # "Residents gathered at the mosque for the funeral ."
    doc, sent = parsed_sentence(
        ["Residents", "gathered", "at", "the", "mosque", "for", "the", "funeral", "."],
        [1, 1, 1, 4, 2, 1, 7, 5, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "punct"],
        ["NNS", "VBD", "IN", "DT", "NN", "IN", "DT", "NN", "."],
    )
    assert gathering(k, sent) is None


def test_a_particle_verb_needs_its_particle(k):
    # "Parents took the children to school to demand nothing ." : "take" without "over" is no occupation
    doc, sent = parsed_sentence(
        ["Parents", "took", "the", "children", "to", "school", "to", "demand", "places", "."],
        [1, 1, 3, 1, 1, 4, 7, 1, 7, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "aux", "advcl", "dobj", "punct"],
        ["NNS", "VBD", "DT", "NNS", "IN", "NN", "TO", "VB", "NNS", "."],
    )
    assert gathering(k, sent) is None


def test_a_crowd_told_by_its_size_gathers_and_a_group_of_soldiers_does_not(k):
    # wire copy: "A group of about 40 gathered outside the court , demanding a retrial ."
    words = ["A", "group", "of", "about", "40", "gathered", "outside", "the", "court", ",", "demanding", "a", "retrial", "."]
    heads = [1, 5, 1, 4, 2, 5, 5, 8, 6, 5, 5, 12, 10, 5]
    deps = ["det", "nsubj", "prep", "advmod", "pobj", "ROOT", "prep", "det", "pobj", "punct", "advcl", "det", "dobj", "punct"]
    tags = ["DT", "NN", "IN", "RB", "CD", "VBD", "IN", "DT", "NN", ",", "VBG", "DT", "NN", "."]
    doc, sent = parsed_sentence(words, heads, deps, tags)
    m = gathering(k, sent)
    assert m is not None and m.group(0) == "gathered"
    # analysis: "A group of soldiers gathered outside the court , demanding a retrial ." (a force)
    words[3:5] = ["soldiers"]
    heads = [1, 4, 1, 2, 4, 4, 7, 5, 4, 4, 11, 9, 4]
    deps = ["det", "nsubj", "prep", "pobj", "ROOT", "prep", "det", "pobj", "punct", "advcl", "det", "dobj", "punct"]
    tags = ["DT", "NN", "IN", "NNS", "VBD", "IN", "DT", "NN", ",", "VBG", "DT", "NN", "."]
    doc, sent = parsed_sentence(words, heads, deps, tags)
    assert gathering(k, sent) is None


@pytest.mark.parametrize(
    "text, protest",
    [
        ("Nurses organized a march to the health ministry on Monday.", True),  # wire copy
        ("Some 300 people formed a human chain around the old harbour.", True),  # encyclopaedia prose
        ("Party members burnt tyres to demonstrate against the fuel price.", True),  # analysis
        ("Thousands held a silent 'Justice for Ana' march in the capital.", True),
        ("The army held a victory march through the capital.", False),  # a parade of troops
    ],
)
def test_words_of_a_protest(k, text, protest):
    assert bool(k.rx("protest").search(text)) is protest


def _two_sentences(words, heads, deps, tags, split, paragraphs=(0, 0)):
    from builder.extraction.sentences import SentenceInfo

    doc, _ = parsed_sentence(words, heads, deps, tags)
    first, second = SentenceInfo(0, doc[:split], paragraphs[0]), SentenceInfo(1, doc[split:], paragraphs[1])
    doc._.armedkg_sentences = [first, second]
    return first


# wire copy: "Farmers gathered in the square . They called for higher prices ."
TOLD_NEXT = (
    ["Farmers", "gathered", "in", "the", "square", ".", "They", "called", "for", "higher", "prices", "."],
    [1, 1, 1, 4, 2, 1, 7, 7, 7, 10, 8, 7],
    ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "nsubj", "ROOT", "prep", "amod", "pobj", "punct"],
    ["NNS", "VBD", "IN", "DT", "NN", ".", "PRP", "VBD", "IN", "JJR", "NNS", "."],
)
# encyclopaedia prose: "Villagers gathered at the market . They bought grain ."
TOLD_NEXT_NO_DEMAND = (
    ["Villagers", "gathered", "at", "the", "market", ".", "They", "bought", "grain", "."],
    [1, 1, 1, 4, 2, 1, 7, 7, 7, 7],
    ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
    ["NNS", "VBD", "IN", "DT", "NN", ".", "PRP", "VBD", "NN", "."],
)


def test_a_demand_told_in_the_next_sentence_makes_the_gathering_a_protest(k):
    assert gathering(k, _two_sentences(*TOLD_NEXT, split=6)) is not None
    assert gathering(k, _two_sentences(*TOLD_NEXT_NO_DEMAND, split=6)) is None
    # analysis: the demand told in another paragraph is another story
    assert gathering(k, _two_sentences(*TOLD_NEXT, split=6, paragraphs=(0, 1))) is None


# wire copy: "Hundreds of residents staged a silent ' No to Mining ' march to the governorate ."
STAGED_MARCH = (
    ["Hundreds", "of", "residents", "staged", "a", "silent", "'", "No", "to", "Mining", "'", "march", "to", "the", "governorate", "."],
    [3, 0, 1, 3, 11, 11, 7, 11, 7, 8, 7, 3, 11, 14, 12, 3],
    ["nsubj", "prep", "pobj", "ROOT", "det", "amod", "punct", "nmod", "prep", "pobj", "punct", "dobj", "prep", "det", "pobj", "punct"],
    ["NNS", "IN", "NNS", "VBD", "DT", "JJ", "``", "NN", "IN", "NNP", "''", "NN", "IN", "DT", "NN", "."],
)
# encyclopaedia: "In 1989 the movement organised a human chain across the three republics ."
ORGANISED_CHAIN = (
    ["In", "1989", "the", "movement", "organised", "a", "human", "chain", "across", "the", "three", "republics", "."],
    [4, 0, 3, 4, 4, 7, 7, 4, 7, 11, 11, 8, 4],
    ["prep", "pobj", "det", "nsubj", "ROOT", "det", "amod", "dobj", "prep", "det", "nummod", "pobj", "punct"],
    ["IN", "CD", "DT", "NN", "VBD", "DT", "JJ", "NN", "IN", "DT", "CD", "NNS", "."],
)


@pytest.mark.parametrize("parse,noun", [(STAGED_MARCH, "march"), (ORGANISED_CHAIN, "chain")])
def test_a_protest_staged_as_an_object_is_a_protest(k, parse, noun):
    doc, sent = parsed_sentence(*parse)
    m = gathering(k, sent)
    assert m is not None and m.group(0) == noun


def test_soldiers_staging_a_march_are_no_protest(k):
    # analysis: "Soldiers staged a march through the town ."
    doc, sent = parsed_sentence(
        ["Soldiers", "staged", "a", "march", "through", "the", "town", "."],
        [1, 1, 3, 1, 3, 6, 4, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
        ["NNS", "VBD", "DT", "NN", "IN", "DT", "NN", "."],
    )
    assert gathering(k, sent) is None


def test_a_gathering_verb_read_as_a_participle_of_a_verbless_sentence(k):
    # "A group of nurses of a clinic gathered outside the ministry ( location unclear ) against unpaid wages ."
    # parsed with ROOT "group", "gathered" an acl of "clinic" and "against" hung on "ministry"
    words = ["A", "group", "of", "nurses", "of", "a", "clinic", "gathered", "outside", "the", "ministry", "against", "unpaid", "wages", "."]
    heads = [1, 1, 1, 2, 3, 6, 4, 6, 7, 10, 8, 10, 13, 11, 1]
    deps = ["det", "ROOT", "prep", "pobj", "prep", "det", "pobj", "acl", "prep", "det", "pobj", "prep", "amod", "pobj", "punct"]
    tags = ["DT", "NN", "IN", "NNS", "IN", "DT", "NN", "VBN", "IN", "DT", "NN", "IN", "JJ", "NNS", "."]
    doc, sent = parsed_sentence(words, heads, deps, tags)
    m = gathering(k, sent)
    assert m is not None and m.group(0) == "gathered"
    # the same words without a demand are no protest
    doc, sent = parsed_sentence(words[:11] + ["."], heads[:11] + [1], deps[:11] + ["punct"], tags[:11] + ["."])
    assert gathering(k, sent) is None


def test_taking_part_in_a_march_is_a_protest(k):
    # wire copy: "Hundreds of people took part in a march against pension reform ."
    doc, sent = parsed_sentence(
        ["Hundreds", "of", "people", "took", "part", "in", "a", "march", "against", "pension", "reform", "."],
        [3, 0, 1, 3, 3, 3, 7, 5, 7, 10, 8, 3],
        ["nsubj", "prep", "pobj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "compound", "pobj", "punct"],
        ["NNS", "IN", "NNS", "VBD", "NN", "IN", "DT", "NN", "IN", "NN", "NN", "."],
    )
    m = gathering(k, sent)
    assert m is not None and m.group(0) == "march"


def test_a_crowd_holding_a_sit_down_to_press_a_demand_is_a_protest(k):
    # analysis: "Farmers held a sit-down outside the office to press for land titles ."
    doc, sent = parsed_sentence(
        ["Farmers", "held", "a", "sit-down", "outside", "the", "office", "to", "press", "for", "land", "titles", "."],
        [1, 1, 3, 1, 1, 6, 4, 8, 1, 8, 11, 9, 1],
        ["nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "aux", "advcl", "prep", "compound", "pobj", "punct"],
        ["NNS", "VBD", "DT", "NN", "IN", "DT", "NN", "TO", "VB", "IN", "NN", "NNS", "."],
    )
    assert gathering(k, sent) is not None


# wire copy: "Farmers drove tractors through the town to denounce fuel prices ."
DROVE_TO_DENOUNCE = (
    ["Farmers", "drove", "tractors", "through", "the", "town", "to", "denounce", "fuel", "prices", "."],
    [1, 1, 1, 1, 5, 3, 7, 1, 9, 7, 1],
    ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "aux", "advcl", "compound", "dobj", "punct"],
    ["NNS", "VBD", "NNS", "IN", "DT", "NN", "TO", "VB", "NN", "NNS", "."],
)
# analysis: "Activists unfurled a banner in support of the strikers ."
BANNER_IN_SUPPORT = (
    ["Activists", "unfurled", "a", "banner", "in", "support", "of", "the", "strikers", "."],
    [1, 1, 3, 1, 1, 4, 5, 8, 6, 1],
    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "det", "pobj", "punct"],
    ["NNS", "VBD", "DT", "NN", "IN", "NN", "IN", "DT", "NNS", "."],
)


@pytest.mark.parametrize("parse,verb", [(DROVE_TO_DENOUNCE, "drove"), (BANNER_IN_SUPPORT, "unfurled")])
def test_any_act_of_a_crowd_to_press_a_demand_is_a_protest(k, parse, verb):
    doc, sent = parsed_sentence(*parse)
    m = gathering(k, sent)
    assert m is not None and m.group(0) == verb


def test_a_crowd_travelling_to_seek_care_is_no_protest(k):
    # encyclopaedia: "Residents travelled to the capital to seek care ."
    doc, sent = parsed_sentence(
        ["Residents", "travelled", "to", "the", "capital", "to", "seek", "care", "."],
        [1, 1, 1, 4, 2, 6, 1, 6, 1],
        ["nsubj", "ROOT", "prep", "det", "pobj", "aux", "advcl", "dobj", "punct"],
        ["NNS", "VBD", "IN", "DT", "NN", "TO", "VB", "NN", "."],
    )
    assert gathering(k, sent) is None
