"""Claims of responsibility read from the clause (builder.extraction.events.claims): who claims
is the subject of the verb of claiming, the agent of its passive, or a party saying its own
people acted. Hand-built parsed sentences written for these tests (no model), in the styles of
wire copy, encyclopaedia prose and analysis."""

from __future__ import annotations

import pytest

from builder.extraction.events.claims import claim_cue
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _cue(k, words, heads, deps, tags):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    cue = claim_cue(doc, k, sent)
    if cue is None:
        return None
    return cue.text(sent), cue.who.text if cue.who is not None else None, cue.doer.text if cue.doer is not None else None


CLAIMED = [
    # wire copy: the object is responsibility
    (["Al", "-", "Shabaab", "claimed", "responsibility", "for", "the", "bombing", "."],
     [2, 2, 3, 3, 3, 4, 7, 5, 3],
     ["compound", "punct", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
     ["NNP", "HYPH", "NNP", "VBD", "NN", "IN", "DT", "NN", "."],
     ("claimed responsibility for the bombing", "Shabaab", None)),
    # encyclopaedia: the object is the act
    (["The", "group", "claimed", "the", "ambush", "in", "a", "statement", "."],
     [1, 2, 2, 4, 2, 2, 7, 5, 2],
     ["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"],
     ["DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NN", "."],
     ("claimed the ambush", "group", None)),
    # analysis: a verb of owning with credit
    (["JNIM", "quickly", "took", "credit", "for", "the", "raid", "."],
     [2, 2, 2, 2, 2, 6, 4, 2],
     ["nsubj", "advmod", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
     ["NNP", "RB", "VBD", "NN", "IN", "DT", "NN", "."],
     ("took credit for the raid", "JNIM", None)),
]

PASSIVE = [
    (["Responsibility", "for", "the", "blast", "was", "claimed", "by", "ISWAP", "."],
     [5, 0, 3, 1, 5, 5, 5, 6, 5],
     ["nsubjpass", "prep", "det", "pobj", "auxpass", "ROOT", "agent", "pobj", "punct"],
     ["NN", "IN", "DT", "NN", "VBD", "VBN", "IN", "NNP", "."],
     "ISWAP"),
    (["The", "attack", "was", "claimed", "by", "the", "Islamic", "State", "."],
     [1, 3, 3, 3, 3, 7, 7, 4, 3],
     ["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "compound", "pobj", "punct"],
     ["DT", "NN", "VBD", "VBN", "IN", "DT", "NNP", "NNP", "."],
     "State"),
]

SAID_OWN = [
    # wire copy: "its fighters" did it
    (["The", "militia", "said", "its", "fighters", "had", "stormed", "the", "barracks", "."],
     [1, 2, 2, 4, 6, 6, 2, 8, 6, 2],
     ["det", "nsubj", "ROOT", "poss", "nsubj", "aux", "ccomp", "det", "dobj", "punct"],
     ["DT", "NN", "VBD", "PRP$", "NNS", "VBD", "VBN", "DT", "NNS", "."],
     ("militia", "fighters")),
    # analysis: the clause hangs on the statement ("said in a statement that it had ...")
    (["The", "group", "said", "in", "a", "statement", "that", "it", "had", "shelled", "the", "airport", "."],
     [1, 2, 2, 2, 5, 3, 9, 9, 9, 2, 11, 9, 2],
     ["det", "nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "aux", "ccomp", "det", "dobj", "punct"],
     ["DT", "NN", "VBD", "IN", "DT", "NN", "IN", "PRP", "VBD", "VBN", "DT", "NN", "."],
     ("group", "it")),
    # encyclopaedia: "one of its units"
    (["ISWAP", "said", "one", "of", "its", "units", "ambushed", "a", "patrol", "."],
     [1, 1, 6, 2, 5, 3, 1, 8, 6, 1],
     ["nsubj", "ROOT", "nsubj", "prep", "poss", "pobj", "ccomp", "det", "dobj", "punct"],
     ["NNP", "VBD", "CD", "IN", "PRP$", "NNS", "VBD", "DT", "NN", "."],
     ("ISWAP", "one")),
    # analysis: the act in a clause joined to the first ("... and that it had seized rifles")
    (["The", "group", "said", "seven", "soldiers", "were", "killed", "and", "that", "it", "had", "seized", "rifles", "."],
     [1, 2, 2, 4, 6, 6, 2, 6, 11, 11, 11, 6, 11, 2],
     ["det", "nsubj", "ROOT", "nummod", "nsubjpass", "auxpass", "ccomp", "cc", "mark", "nsubj", "aux", "conj", "dobj", "punct"],
     ["DT", "NN", "VBD", "CD", "NNS", "VBD", "VBN", "CC", "IN", "PRP", "VBD", "VBN", "NNS", "."],
     ("group", "it")),
]

NO_CLAIM = [
    # analysis: claiming a standing state of things, no act ("claims to control the town")
    (['The', 'group', 'claims', 'to', 'control', 'the', 'town', '.'],
     [1, 2, 2, 4, 2, 6, 4, 2],
     ['det', 'nsubj', 'ROOT', 'aux', 'xcomp', 'det', 'dobj', 'punct'],
     ['DT', 'NN', 'VBZ', 'TO', 'VB', 'DT', 'NN', '.']),
    # wire copy: holding off another's attack is no act one claims
    (['The', 'army', 'said', 'its', 'troops', 'had', 'repelled', 'the', 'attackers', '.'],
     [1, 2, 2, 4, 6, 6, 2, 8, 6, 2],
     ['det', 'nsubj', 'ROOT', 'poss', 'nsubj', 'aux', 'ccomp', 'det', 'dobj', 'punct'],
     ['DT', 'NN', 'VBD', 'PRP$', 'NNS', 'VBD', 'VBN', 'DT', 'NNS', '.']),
    # wire copy: denying that its own people acted
    (['A', 'spokesman', 'for', 'the', 'RSF', 'denied', 'that', 'its', 'forces', 'had', 'shelled', 'the', 'market', '.'],
     [1, 5, 1, 4, 2, 5, 10, 8, 10, 10, 5, 12, 10, 5],
     ['det', 'nsubj', 'prep', 'det', 'pobj', 'ROOT', 'mark', 'poss', 'nsubj', 'aux', 'ccomp', 'det', 'dobj', 'punct'],
     ['DT', 'NN', 'IN', 'DT', 'NNP', 'VBD', 'IN', 'PRP$', 'NNS', 'VBD', 'VBN', 'DT', 'NN', '.']),
    # analysis: the same, in the present perfect
    (['The', 'Houthis', 'have', 'denied', 'that', 'their', 'drones', 'struck', 'the', 'tanker', '.'],
     [1, 3, 3, 3, 7, 6, 7, 3, 9, 7, 3],
     ['det', 'nsubj', 'aux', 'ROOT', 'mark', 'poss', 'nsubj', 'ccomp', 'det', 'dobj', 'punct'],
     ['DT', 'NNP', 'VBP', 'VBN', 'IN', 'PRP$', 'NNS', 'VBD', 'DT', 'NN', '.']),
    # a claim denied
    (["No", "group", "has", "claimed", "the", "bombing", "."],
     [1, 3, 3, 3, 5, 3, 3],
     ["det", "nsubj", "aux", "ROOT", "det", "dobj", "punct"],
     ["DT", "NN", "VBZ", "VBN", "DT", "NN", "."]),
    (["The", "insurgents", "did", "not", "claim", "the", "attack", "."],
     [1, 4, 4, 4, 4, 6, 4, 4],
     ["det", "nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"],
     ["DT", "NNS", "VBD", "RB", "VB", "DT", "NN", "."]),
    # "claimed" with an object that is no act, or a clause that tells none
    (["The", "flood", "claimed", "the", "lives", "of", "six", "people", "."],
     [1, 2, 2, 4, 2, 4, 7, 5, 2],
     ["det", "nsubj", "ROOT", "det", "dobj", "prep", "nummod", "pobj", "punct"],
     ["DT", "NN", "VBD", "DT", "NNS", "IN", "CD", "NNS", "."]),
    (["The", "party", "claimed", "that", "the", "vote", "was", "rigged", "."],
     [1, 2, 2, 7, 5, 7, 7, 2, 2],
     ["det", "nsubj", "ROOT", "mark", "det", "nsubjpass", "auxpass", "ccomp", "punct"],
     ["DT", "NN", "VBD", "IN", "DT", "NN", "VBD", "VBN", "."]),
    # a record, not one act
    (["The", "group", "has", "claimed", "most", "large", "attacks", "since", "2019", "."],
     [1, 3, 3, 3, 5, 6, 3, 3, 7, 3],
     ["det", "nsubj", "aux", "ROOT", "advmod", "amod", "dobj", "prep", "pobj", "punct"],
     ["DT", "NN", "VBZ", "VBN", "RBS", "JJ", "NNS", "IN", "CD", "."]),
    # an act to come, an act denied
    (["The", "rebels", "said", "they", "would", "attack", "the", "town", "."],
     [1, 2, 2, 5, 5, 2, 7, 5, 2],
     ["det", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj", "punct"],
     ["DT", "NNS", "VBD", "PRP", "MD", "VB", "DT", "NN", "."]),
    (["The", "rebels", "said", "they", "had", "not", "attacked", "the", "town", "."],
     [1, 2, 2, 6, 6, 6, 2, 8, 6, 2],
     ["det", "nsubj", "ROOT", "nsubj", "aux", "neg", "ccomp", "det", "dobj", "punct"],
     ["DT", "NNS", "VBD", "PRP", "VBD", "RB", "VBN", "DT", "NN", "."]),
    # its people were acted on, not acting
    (["The", "rebels", "said", "their", "posts", "were", "targeted", "."],
     [1, 2, 2, 4, 6, 6, 2, 2],
     ["det", "nsubj", "ROOT", "poss", "nsubjpass", "auxpass", "ccomp", "punct"],
     ["DT", "NNS", "VBD", "PRP$", "NNS", "VBD", "VBN", "."]),
    # others did it
    (["Residents", "said", "the", "fighters", "had", "attacked", "the", "checkpoint", "."],
     [1, 1, 3, 5, 5, 1, 7, 5, 1],
     ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "det", "dobj", "punct"],
     ["NNS", "VBD", "DT", "NNS", "VBD", "VBN", "DT", "NN", "."]),
    # its troops acted against another's attack
    (["The", "army", "said", "its", "troops", "repelled", "the", "attack", "."],
     [1, 2, 2, 4, 5, 2, 7, 5, 2],
     ["det", "nsubj", "ROOT", "poss", "nsubj", "ccomp", "det", "dobj", "punct"],
     ["DT", "NN", "VBD", "PRP$", "NNS", "VBD", "DT", "NN", "."]),
    # wire: "MILF officials said they had sent a ceasefire committee to the village." (an agreement is no deed one claims)
    (['MILF', 'officials', 'said', 'they', 'had', 'sent', 'a', 'ceasefire', 'committee', 'to', 'the', 'village', '.'], [1, 2, 2, 5, 5, 2, 8, 8, 5, 5, 11, 9, 2], ['compound', 'nsubj', 'ROOT', 'nsubj', 'aux', 'ccomp', 'det', 'compound', 'dobj', 'prep', 'det', 'pobj', 'punct'], ['NNP', 'NNS', 'VBD', 'PRP', 'VBD', 'VBN', 'DT', 'NN', 'NN', 'IN', 'DT', 'NN', '.']),
    # feature: "Organisers said their members had marched peacefully through the town." (nor a protest)
    (['Organisers', 'said', 'their', 'members', 'had', 'marched', 'peacefully', 'through', 'the', 'town', '.'], [1, 1, 3, 5, 5, 1, 5, 5, 9, 7, 1], ['nsubj', 'ROOT', 'poss', 'nsubj', 'aux', 'ccomp', 'advmod', 'prep', 'det', 'pobj', 'punct'], ['NNS', 'VBD', 'PRP$', 'NNS', 'VBD', 'VBN', 'RB', 'IN', 'DT', 'NN', '.']),
]


@pytest.mark.parametrize("words,heads,deps,tags,expected", CLAIMED)
def test_the_subject_of_claiming_responsibility_or_an_act_claims_it(k, words, heads, deps, tags, expected):
    assert _cue(k, words, heads, deps, tags) == expected


@pytest.mark.parametrize("words,heads,deps,tags,agent", PASSIVE)
def test_in_the_passive_the_by_agent_claims(k, words, heads, deps, tags, agent):
    text, who, doer = _cue(k, words, heads, deps, tags)
    assert text.startswith("claimed") and who == agent and doer is None


@pytest.mark.parametrize("words,heads,deps,tags,expected", SAID_OWN)
def test_saying_ones_own_people_did_an_act_is_a_claim_by_the_speaker(k, words, heads, deps, tags, expected):
    text, who, doer = _cue(k, words, heads, deps, tags)
    assert text.startswith("said") and (who, doer) == expected


def test_an_object_the_parser_left_after_an_adjunct_is_still_claimed(k):
    # "The group claimed , through its agency , the attack ." with the act attached as "dep"
    words = ["The", "group", "claimed", ",", "through", "its", "agency", ",", "the", "attack", "."]
    heads = [1, 2, 2, 2, 2, 6, 4, 2, 9, 2, 2]
    deps = ["det", "nsubj", "ROOT", "punct", "prep", "poss", "pobj", "punct", "det", "dep", "punct"]
    tags = ["DT", "NN", "VBD", ",", "IN", "PRP$", "NN", ",", "DT", "NN", "."]
    assert _cue(k, words, heads, deps, tags) == ("claimed , through its agency , the attack", "group", None)


@pytest.mark.parametrize("that", ["mark", "dobj"])
def test_a_that_the_parser_hung_on_the_reported_verb_is_no_object(k, that):
    """"Al-Shabaab said in a statement on its radio station that its fighters had carried out
    the operation against the base": the parser sometimes hangs the "that" of a statement's
    clause on the reported verb as its object; the act carried out is still the operation."""
    words = ["Al", "-", "Shabaab", "said", "in", "a", "statement", "on", "its", "radio", "station", "that", "its", "fighters", "had", "carried", "out", "the", "operation", "against", "the", "base", "."]
    heads = [2, 2, 3, 3, 3, 6, 4, 6, 10, 10, 7, 15, 13, 15, 15, 3, 15, 18, 15, 18, 21, 19, 3]
    deps = ["compound", "punct", "nsubj", "ROOT", "prep", "det", "pobj", "prep", "poss", "compound", "pobj", that, "poss", "nsubj", "aux", "ccomp", "prt", "det", "dobj", "prep", "det", "pobj", "punct"]
    tags = ["NNP", "NNP", "NNP", "VBD", "IN", "DT", "NN", "IN", "PRP$", "NN", "NN", "IN" if that == "mark" else "WDT", "PRP$", "NNS", "VBD", "VBN", "RP", "DT", "NN", "IN", "DT", "NN", "."]
    cue = _cue(k, words, heads, deps, tags)
    assert cue is not None and cue[0].startswith("said") and cue[1:] == ("Shabaab", "fighters")


def test_admitting_an_act_is_a_claim(k):
    words = ["The", "rebels", "admitted", "carrying", "out", "the", "killings", "."]
    assert _cue(k, words, [1, 2, 2, 2, 3, 6, 3, 2], ["det", "nsubj", "ROOT", "xcomp", "prt", "det", "dobj", "punct"], ["DT", "NNS", "VBD", "VBG", "RP", "DT", "NNS", "."]) == ("admitted carrying out the killings", "rebels", None)


@pytest.mark.parametrize("words,heads,deps,tags", NO_CLAIM)
def test_denials_deaths_accusations_records_threats_and_others_deeds_are_no_claim(k, words, heads, deps, tags):
    assert _cue(k, words, heads, deps, tags) is None


def test_without_a_parse_the_lexicon_pattern_is_read(k):
    doc, sent = parsed_sentence("The group issued a claim of responsibility on Monday .".split())
    cue = claim_cue(doc, k, sent)
    assert cue is not None and cue.text(sent) == "claim of responsibility" and cue.who is None


@pytest.mark.parametrize(
    "words, heads, deps, tags, expected",
    [
        # brief: "A bomb killed nine passengers on 19 May; ISKP claimed it."
        (['A', 'bomb', 'killed', 'nine', 'passengers', 'on', '19', 'May', ';', 'ISKP', 'claimed', 'it', '.'], [1, 2, 10, 4, 2, 2, 7, 5, 10, 10, 10, 10, 10], ['det', 'nsubj', 'ccomp', 'nummod', 'dobj', 'prep', 'nummod', 'pobj', 'punct', 'nsubj', 'ROOT', 'dobj', 'punct'], ['DT', 'NN', 'VBD', 'CD', 'NNS', 'IN', 'CD', 'NNP', ':', 'NNP', 'VBD', 'PRP', '.'], ("claimed it", "ISKP", None)),
        # wire: "Gunmen attacked the post and JNIM later claimed it." (parsed by hand: two coordinated clauses)
        (['Gunmen', 'attacked', 'the', 'post', 'and', 'JNIM', 'later', 'claimed', 'it', '.'], [1, 1, 3, 1, 1, 7, 7, 1, 7, 1], ['nsubj', 'ROOT', 'det', 'dobj', 'cc', 'nsubj', 'advmod', 'conj', 'dobj', 'punct'], ['NNS', 'VBD', 'DT', 'NN', 'CC', 'NNP', 'RB', 'VBD', 'PRP', '.'], ("claimed it", "JNIM", None)),
        # encyclopaedia: "The flood claimed six lives." (no act claimed)
        (['The', 'flood', 'claimed', 'six', 'lives', '.'], [1, 2, 2, 4, 2, 2], ['det', 'nsubj', 'ROOT', 'nummod', 'dobj', 'punct'], ['DT', 'NN', 'VBD', 'CD', 'NNS', '.'], None),
    ],
)
def test_claimed_it_claims_the_act_told_before(k, words, heads, deps, tags, expected):
    assert _cue(k, words, heads, deps, tags) == expected



HABITS = [
    # analysis: an adverb of frequency and the simple present
    (["The", "BRN", "rarely", "claims", "its", "operations", "."], [1, 3, 3, 3, 5, 3, 3], ["det", "nsubj", "advmod", "ROOT", "poss", "dobj", "punct"], ["DT", "NNP", "RB", "VBZ", "PRP$", "NNS", "."]),
    # encyclopaedia: an adverb of frequency in the past
    (["The", "group", "usually", "claimed", "its", "attacks", "within", "hours", "."], [1, 3, 3, 3, 5, 3, 5, 6, 3], ["det", "nsubj", "advmod", "ROOT", "poss", "dobj", "prep", "pobj", "punct"], ["DT", "NN", "RB", "VBD", "PRP$", "NNS", "IN", "NNS", "."]),
    # brief: the simple present states a pattern
    (["Islamic", "State", "claims", "most", "attacks", "in", "the", "province", "."], [1, 2, 2, 4, 2, 4, 7, 5, 2], ["compound", "nsubj", "ROOT", "amod", "dobj", "prep", "det", "pobj", "punct"], ["NNP", "NNP", "VBZ", "JJS", "NNS", "IN", "DT", "NN", "."]),
]


@pytest.mark.parametrize("words, heads, deps, tags", HABITS)
def test_a_habit_of_claiming_is_no_claim(k, words, heads, deps, tags):
    assert _cue(k, words, heads, deps, tags) is None


def test_one_claim_in_the_past_is_still_read(k):
    words = ["Islamic", "State", "claimed", "the", "attack", "on", "Saturday", "."]
    found = _cue(k, words, [1, 2, 2, 4, 2, 4, 5, 2], ["compound", "nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"], ["NNP", "NNP", "VBD", "DT", "NN", "IN", "NNP", "."])
    assert found is not None and found[1] == "State"


def test_claiming_to_have_done_an_act_is_a_claim_by_the_claimant(k):
    # wire copy: "JNIM , through its media outlet , claimed to have killed 30 soldiers ."
    words = ['JNIM', ',', 'through', 'its', 'media', 'outlet', ',', 'claimed', 'to', 'have', 'killed', '30', 'soldiers', '.']
    heads = [7, 7, 7, 5, 5, 2, 7, 7, 10, 10, 7, 12, 10, 7]
    deps = ['nsubj', 'punct', 'prep', 'poss', 'compound', 'pobj', 'punct', 'ROOT', 'aux', 'aux', 'xcomp', 'nummod', 'dobj', 'punct']
    tags = ['NNP', ',', 'IN', 'PRP$', 'NN', 'NN', ',', 'VBD', 'TO', 'VB', 'VBN', 'CD', 'NNS', '.']
    assert _cue(k, words, heads, deps, tags) == ("claimed to have killed 30 soldiers", "JNIM", "JNIM")
