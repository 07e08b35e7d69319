"""An act that is planned, expected, feared or threatened, read from its clause frame, tells no
event where nobody was killed or hurt: "The army is planning an offensive on the town",
"Officials expect the militants to attack Djibo", "ahead of an expected assault", "reports of a
planned suicide bombing". "The army launched an offensive" tells one, and so does "Militants who
had vowed to attack the town killed five civilians" (the killing happened). Sentences written
for these tests, parsed by hand (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.events.modality import unrealised
from builder.extraction.frames import ClauseWords, read_frames
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence

K = load_knowledge(None, False, None)
WORDS = ClauseWords.from_lexicon(K.lex)


def _unrealised(words, heads, deps, tags, trigger):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    doc._.armedkg_frames = read_frames(doc, WORDS)
    tok = doc[trigger]
    return unrealised(doc, K, sent, tok.idx, tok.idx + len(tok))


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire: "The army is planning an offensive on the town."
        (["The", "army", "is", "planning", "an", "offensive", "on", "the", "town", "."], [1, 3, 3, 3, 5, 3, 5, 8, 6, 3], ["det", "nsubj", "aux", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"], ["DT", "NN", "VBZ", "VBG", "DT", "NN", "IN", "DT", "NN", "."], 5),
        # analysis: "Officials expect the militants to attack Djibo again."
        (["Officials", "expect", "the", "militants", "to", "attack", "Djibo", "again", "."], [1, 1, 3, 5, 5, 1, 5, 5, 1], ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "dobj", "advmod", "punct"], ["NNS", "VBP", "DT", "NNS", "TO", "VB", "NNP", "RB", "."], 5),
        # feature: "Troops dug trenches ahead of an expected assault."
        (["Troops", "dug", "trenches", "ahead", "of", "an", "expected", "assault", "."], [1, 1, 1, 1, 3, 7, 7, 4, 1], ["nsubj", "ROOT", "dobj", "advmod", "prep", "det", "amod", "pobj", "punct"], ["NNS", "VBD", "NNS", "RB", "IN", "DT", "JJ", "NN", "."], 7),
        # wire: "Ukrainian officials expect strikes on border towns to intensify ." (the act is the subject of the expected clause)
        (['Ukrainian', 'officials', 'expect', 'strikes', 'on', 'border', 'towns', 'to', 'intensify', '.'], [1, 2, 2, 8, 3, 6, 4, 8, 2, 2], ['amod', 'nsubj', 'ROOT', 'nsubj', 'prep', 'compound', 'pobj', 'aux', 'ccomp', 'punct'], ['JJ', 'NNS', 'VBP', 'NNS', 'IN', 'NN', 'NNS', 'TO', 'VB', '.'], 3),
        # analysis: "Analysts expect the raids on border villages to continue ."
        (['Analysts', 'expect', 'the', 'raids', 'on', 'border', 'villages', 'to', 'continue', '.'], [1, 1, 3, 8, 3, 6, 4, 8, 1, 1], ['nsubj', 'ROOT', 'det', 'nsubj', 'prep', 'compound', 'pobj', 'aux', 'ccomp', 'punct'], ['NNS', 'VBP', 'DT', 'NNS', 'IN', 'NN', 'NNS', 'TO', 'VB', '.'], 3),
        # brief: "Police were put on alert after reports of a planned suicide bombing."
        (["Police", "were", "put", "on", "alert", "after", "reports", "of", "a", "planned", "suicide", "bombing", "."], [2, 2, 2, 2, 3, 2, 5, 6, 11, 11, 11, 7, 2], ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "pobj", "prep", "det", "amod", "compound", "pobj", "punct"], ["NNS", "VBD", "VBN", "IN", "NN", "IN", "NNS", "IN", "DT", "VBN", "NN", "NN", "."], 11),
    ],
)
def test_a_planned_or_expected_act_is_no_event(words, heads, deps, tags, trigger):
    assert _unrealised(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # feature: "Relatives of one of the dead men said he had wanted to surrender."
        (['Relatives', 'of', 'one', 'of', 'the', 'dead', 'men', 'said', 'he', 'had', 'wanted', 'to', 'surrender', '.'], [7, 0, 1, 2, 6, 6, 3, 7, 10, 10, 7, 12, 10, 7], ['nsubj', 'prep', 'pobj', 'prep', 'det', 'amod', 'pobj', 'ROOT', 'nsubj', 'aux', 'ccomp', 'aux', 'xcomp', 'punct'], ['NNS', 'IN', 'CD', 'IN', 'DT', 'JJ', 'NNS', 'VBD', 'PRP', 'VBD', 'VBN', 'TO', 'VB', '.'], 12),
        # wire: "The wounded soldiers said the militants planned to attack the base again."
        (['The', 'wounded', 'soldiers', 'said', 'the', 'militants', 'planned', 'to', 'attack', 'the', 'base', 'again', '.'], [2, 2, 3, 3, 5, 6, 3, 8, 6, 10, 8, 8, 3], ['det', 'amod', 'nsubj', 'ROOT', 'det', 'nsubj', 'ccomp', 'aux', 'xcomp', 'det', 'dobj', 'advmod', 'punct'], ['DT', 'JJ', 'NNS', 'VBD', 'DT', 'NNS', 'VBD', 'TO', 'VB', 'DT', 'NN', 'RB', '.'], 8),
    ],
)
def test_a_plan_beside_people_described_as_dead_or_wounded_is_no_event(words, heads, deps, tags, trigger):
    """"the dead men", "the wounded soldiers" describe people; they tell no harm done, so the
    wish or plan of the sentence stays unrealised."""
    assert _unrealised(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire: "The army launched an offensive on the town."
        (["The", "army", "launched", "an", "offensive", "on", "the", "town", "."], [1, 2, 2, 4, 2, 2, 7, 5, 2], ["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"], ["DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NN", "."], 4),
        # wire: "Militants who had vowed to attack the town killed five civilians." (the threat came true)
        (["Militants", "who", "had", "vowed", "to", "attack", "the", "town", "killed", "five", "civilians", "."], [8, 3, 3, 0, 5, 3, 7, 5, 8, 10, 8, 8], ["nsubj", "nsubj", "aux", "relcl", "aux", "xcomp", "det", "dobj", "ROOT", "nummod", "dobj", "punct"], ["NNS", "WP", "VBD", "VBN", "TO", "VB", "DT", "NN", "VBD", "CD", "NNS", "."], 5),
    ],
)
def test_an_act_that_happened_is_an_event(words, heads, deps, tags, trigger):
    assert not _unrealised(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "sentence, cls",
    [
        # a threat that came true: the act, not the threat
        ("Militants who had vowed to attack the town killed five civilians on Sunday.", "Attack"),
        ("Having threatened to strike the base for weeks, the rebels shelled it on Friday, wounding four soldiers.", "ShellingArtilleryMissileAttack"),
        ("The group, which warned in March that it would target the mines, ambushed a convoy near the pit and killed three guards.", "ArmedClash"),
        # a threat alone stays a threat (a development, not the act it names)
        ("The rebels threatened to shell the airport if flights resumed.", "OtherDevelopment"),
        ("The militia vowed to retaliate with drone strikes on the capital.", "OtherDevelopment"),
    ],
)
def test_a_threat_that_came_true_is_the_act(sentence, cls):
    from builder.extraction.events.triggers import trigger

    assert trigger(K, sentence)[0] == cls


@pytest.mark.parametrize(
    "sentence, cls",
    [
        # verbs of mass killing and the aircraft that strike, in three styles
        ("ADF rebels massacred at least 35 people in Lubero territory overnight, civil society leaders said.", "Attack"),
        ("The militia slaughtered dozens of herders near the river, survivors said.", "Attack"),
        ("Pakistani jets bombed suspected militant hideouts in Paktika province, officials said.", "AirDroneStrike"),
        ("Military jets pounded rebel positions along the ridge for a second day.", "AirDroneStrike"),
    ],
)
def test_massacres_and_jets_are_triggers(sentence, cls):
    from builder.extraction.events.triggers import trigger

    found = trigger(K, sentence)
    assert found is not None and found[0] == cls


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # brief: "The institute expects the rebels to attempt further ambushes in the north."
        (['The', 'institute', 'expects', 'the', 'rebels', 'to', 'attempt', 'further', 'ambushes', 'in', 'the', 'north', '.'], [1, 2, 2, 4, 6, 6, 2, 8, 6, 6, 11, 9, 2], ['det', 'nsubj', 'ROOT', 'det', 'nsubj', 'aux', 'ccomp', 'amod', 'dobj', 'prep', 'det', 'pobj', 'punct'], ['DT', 'NN', 'VBZ', 'DT', 'NNS', 'TO', 'VB', 'JJ', 'NNS', 'IN', 'DT', 'NN', '.'], 8),
        # analysis: "Analysts expect the group to try to seize Gao before the rains."
        (['Analysts', 'expect', 'the', 'group', 'to', 'try', 'to', 'seize', 'Gao', 'before', 'the', 'rains', '.'], [1, 1, 3, 5, 5, 1, 7, 5, 7, 7, 11, 9, 1], ['nsubj', 'ROOT', 'det', 'nsubj', 'aux', 'ccomp', 'aux', 'xcomp', 'dobj', 'prep', 'det', 'pobj', 'punct'], ['NNS', 'VBP', 'DT', 'NN', 'TO', 'VB', 'TO', 'VB', 'NNP', 'IN', 'DT', 'NNS', '.'], 7),
    ],
)
def test_an_attempt_that_is_only_expected_is_no_event(words, heads, deps, tags, trigger):
    """An attempt governed by a verb of expectation or plan has not been tried yet: the plan
    decides, not the attempt nearer the act."""
    assert _unrealised(words, heads, deps, tags, trigger)


def test_an_attempted_capture_is_an_attempt_not_a_change_of_hands():
    """"Rebels tried to capture the town of Butembo but were pushed back": the frame of
    "capture" is an attempt (the events read it as the fighting, not the capture)."""
    from builder.extraction.events.modality import attempted

    words = ['Rebels', 'tried', 'to', 'capture', 'the', 'town', 'of', 'Butembo', 'but', 'were', 'pushed', 'back', '.']
    heads = [1, 1, 3, 1, 5, 3, 5, 6, 1, 10, 1, 10, 1]
    deps = ['nsubj', 'ROOT', 'aux', 'xcomp', 'det', 'dobj', 'prep', 'pobj', 'cc', 'auxpass', 'conj', 'advmod', 'punct']
    tags = ['NNS', 'VBD', 'TO', 'VB', 'DT', 'NN', 'IN', 'NNP', 'CC', 'VBD', 'VBN', 'RB', '.']
    doc, sent = parsed_sentence(words, heads, deps, tags)
    doc._.armedkg_frames = read_frames(doc, WORDS)
    tok = doc[3]
    assert attempted(doc, sent, tok.idx, tok.idx + len(tok)) and not _unrealised(words, heads, deps, tags, 3)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # feature (a quotation): "If we go to the field, we may be shot."
        (["If", "we", "go", "to", "the", "field", ",", "we", "may", "be", "shot", "."], [2, 2, 10, 2, 5, 3, 10, 10, 10, 10, 10, 10], ["mark", "nsubj", "advcl", "prep", "det", "pobj", "punct", "nsubjpass", "aux", "auxpass", "ROOT", "punct"], ["IN", "PRP", "VBP", "IN", "DT", "NN", ",", "PRP", "MD", "VB", "VBN", "."], 10),
        # analysis: "Analysts say the group may attack polling stations."
        (["Analysts", "say", "the", "group", "may", "attack", "polling", "stations", "."], [1, 1, 3, 5, 5, 1, 7, 5, 1], ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "compound", "dobj", "punct"], ["NNS", "VBP", "DT", "NN", "MD", "VB", "NN", "NNS", "."], 5),
        # wire: "Residents said the army might shell the town again."
        (["Residents", "said", "the", "army", "might", "shell", "the", "town", "again", "."], [1, 1, 3, 5, 5, 1, 7, 5, 5, 1], ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "det", "dobj", "advmod", "punct"], ["NNS", "VBD", "DT", "NN", "MD", "VB", "DT", "NN", "RB", "."], 5),
    ],
)
def test_an_act_that_may_or_might_happen_is_no_event(words, heads, deps, tags, trigger):
    """A modal of possibility ("may", "might") states no fact: the act is not told as done."""
    assert _unrealised(words, heads, deps, tags, trigger)


RUNNING_TOTALS = [
    # feature: coordinated with the outbreak, which is dated
    ((["Violence", "between", "the", "two", "communities", "erupted", "on", "3", "May", "and", "has", "killed", "more", "than", "170", "people", "."], [5, 0, 4, 4, 1, 5, 5, 8, 6, 5, 11, 5, 14, 14, 15, 11, 5], ["nsubj", "prep", "det", "nummod", "pobj", "ROOT", "prep", "nummod", "pobj", "cc", "aux", "conj", "amod", "quantmod", "nummod", "dobj", "punct"], ["NN", "IN", "DT", "CD", "NNS", "VBD", "IN", "CD", "NNP", "CC", "VBZ", "VBN", "JJR", "IN", "CD", "NNS", "."]), True),
    # encyclopaedia
    ((["The", "insurgency", "has", "killed", "thousands", "of", "civilians", "since", "2009", "."], [1, 3, 3, 3, 3, 4, 5, 3, 7, 3], ["det", "nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "prep", "pobj", "punct"], ["DT", "NN", "VBZ", "VBN", "NNS", "IN", "NNS", "IN", "CD", "."]), True),
    # wire: one act told in the present perfect is an event
    ((["A", "bombing", "at", "a", "mosque", "has", "killed", "12", "people", ",", "police", "said", "."], [1, 6, 1, 4, 2, 6, 11, 8, 6, 11, 11, 11, 11], ["det", "nsubj", "prep", "det", "pobj", "aux", "ccomp", "nummod", "dobj", "punct", "nsubj", "ROOT", "punct"], ["DT", "NN", "IN", "DT", "NN", "VBZ", "VBN", "CD", "NNS", ",", "NNS", "VBD", "."]), False),
]


@pytest.mark.parametrize("parse, total", RUNNING_TOTALS)
def test_the_running_total_of_violence_in_general_is_no_event(parse, total):
    from builder.extraction.events.modality import running_total

    doc, sent = parsed_sentence(*parse)
    assert running_total(doc, K, sent) is total


@pytest.mark.parametrize(
    "day, precision, background",
    [
        # analysis: "In August 2022, clashes in Tripoli killed 32 people ..." in June 2025
        ("2022-08-01", 3, True),
        # wire: "In March this year 23 soldiers were killed in an ambush" in June
        ("2025-03-01", 3, True),
        # feature: "Last month gunmen killed four farmers" in June: told as news
        ("2025-05-01", 3, False),
        # "Earlier this month"
        ("2025-06-01", 3, False),
        # a day named, however long ago: a report published months later may be an act's first
        ("2025-03-14", 1, False),
    ],
)
def test_an_act_dated_only_to_a_month_long_past_is_background(day, precision, background):
    from datetime import date

    from builder.extraction.events.modality import month_long_before
    from builder.records import Event
    from tests.handbuilt import parsed_doc

    doc = parsed_doc(["Gunmen", "killed", "four", "farmers", "."], published=date(2025, 6, 18))
    event = Event(1, "Attack", [], date.fromisoformat(day), precision)
    assert month_long_before(doc, event) is background
