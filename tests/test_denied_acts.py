"""An act the text denies or reports only as someone's claim that is rejected tells no event:
"The army denied carrying out the air strike", "rejected allegations that its fighters
massacred civilians", "dismissed reports that its drones had struck the power station", "described reports that a
village had been raided as false", and an
act under "no" ("heard no gunfire or explosions"); an act told and then denied by somebody in a
relative clause stays told. Sentences written for these tests, parsed by hand (no model)."""

from __future__ import annotations

import pytest

from builder.extraction.events.modality import trigger_denied
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence

K = load_knowledge(None, False, None)


def _denied(words, heads, deps, tags, trigger):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    tok = doc[trigger]
    return trigger_denied(doc, K, sent, tok.idx, tok.idx + len(tok))


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire: "The army denied carrying out the air strike on the market."
        (["The", "army", "denied", "carrying", "out", "the", "air", "strike", "on", "the", "market", "."], [1, 2, 2, 2, 3, 7, 7, 3, 7, 10, 8, 2], ["det", "nsubj", "ROOT", "xcomp", "prt", "det", "compound", "dobj", "prep", "det", "pobj", "punct"], ["DT", "NN", "VBD", "VBG", "RP", "DT", "NN", "NN", "IN", "DT", "NN", "."], 7),
        # encyclopaedia: "The group has consistently rejected allegations that its fighters massacred civilians in the village."
        (["The", "group", "has", "consistently", "rejected", "allegations", "that", "its", "fighters", "massacred", "civilians", "in", "the", "village", "."], [1, 4, 4, 4, 4, 4, 9, 8, 9, 5, 9, 9, 13, 11, 4], ["det", "nsubj", "aux", "advmod", "ROOT", "dobj", "mark", "poss", "nsubj", "acl", "dobj", "prep", "det", "pobj", "punct"], ["DT", "NN", "VBZ", "RB", "VBN", "NNS", "IN", "PRP$", "NNS", "VBD", "NNS", "IN", "DT", "NN", "."], 9),
        # analysis: "Moscow dismissed reports that its drones had struck the power station." (the trigger: the drones, subject of the reported clause)
        (["Moscow", "dismissed", "reports", "that", "its", "drones", "had", "struck", "the", "power", "station", "."], [1, 1, 1, 7, 5, 7, 7, 2, 10, 10, 7, 1], ["nsubj", "ROOT", "dobj", "mark", "poss", "nsubj", "aux", "acl", "det", "compound", "dobj", "punct"], ["NNP", "VBD", "NNS", "IN", "PRP$", "NNS", "VBD", "VBN", "DT", "NN", "NN", "."], 5),
        # the same, the verb of the reported clause as the trigger
        (["Moscow", "dismissed", "reports", "that", "its", "drones", "had", "struck", "the", "power", "station", "."], [1, 1, 1, 7, 5, 7, 7, 2, 10, 10, 7, 1], ["nsubj", "ROOT", "dobj", "mark", "poss", "nsubj", "aux", "acl", "det", "compound", "dobj", "punct"], ["NNP", "VBD", "NNS", "IN", "PRP$", "NNS", "VBD", "VBN", "DT", "NN", "NN", "."], 7),
        # feature: "Witnesses said they had heard no gunfire or explosions in the town during the night." ("no" on the first conjunct)
        (["Witnesses", "said", "they", "had", "heard", "no", "gunfire", "or", "explosions", "in", "the", "town", "during", "the", "night", "."], [1, 1, 4, 4, 1, 6, 4, 6, 6, 6, 11, 9, 4, 14, 12, 1], ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj", "cc", "conj", "prep", "det", "pobj", "prep", "det", "pobj", "punct"], ["NNS", "VBD", "PRP", "VBD", "VBN", "DT", "NN", "CC", "NNS", "IN", "DT", "NN", "IN", "DT", "NN", "."], 8),
        # wire: "The front denied involvement in the attack on the police station."
        (["The", "front", "denied", "involvement", "in", "the", "attack", "on", "the", "police", "station", "."], [1, 2, 2, 2, 3, 6, 4, 6, 10, 10, 7, 2], ["det", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "det", "compound", "pobj", "punct"], ["DT", "NN", "VBD", "NN", "IN", "DT", "NN", "IN", "DT", "NN", "NN", "."], 6),
        # analysis: "The army rejected any role in the killings at the market."
        (["The", "army", "rejected", "any", "role", "in", "the", "killings", "at", "the", "market", "."], [1, 2, 2, 4, 2, 4, 7, 5, 4, 10, 8, 2], ["det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "det", "pobj", "punct"], ["DT", "NN", "VBD", "DT", "NN", "IN", "DT", "NNS", "IN", "DT", "NN", "."], 7),
        # wire: "The army rejected a rebel statement that its fighters had overrun a military post near Kiunga." (the content clause parsed as a relative one: "that" only marks it)
        (['The', 'army', 'rejected', 'a', 'rebel', 'statement', 'that', 'its', 'fighters', 'had', 'overrun', 'a', 'military', 'post', 'near', 'Kiunga', '.'], [1, 2, 2, 5, 5, 2, 10, 8, 10, 10, 5, 13, 13, 10, 13, 14, 2], ['det', 'nsubj', 'ROOT', 'det', 'amod', 'dobj', 'mark', 'poss', 'nsubj', 'aux', 'relcl', 'det', 'amod', 'dobj', 'prep', 'pobj', 'punct'], ['DT', 'NN', 'VBD', 'DT', 'JJ', 'NN', 'IN', 'PRP$', 'NNS', 'VBD', 'VBN', 'DT', 'JJ', 'NN', 'IN', 'NNP', '.'], 10),
        # feature: "The governor dismissed messages circulating on social media that a second village had been attacked on Sunday."
        (['The', 'governor', 'dismissed', 'messages', 'circulating', 'on', 'social', 'media', 'that', 'a', 'second', 'village', 'had', 'been', 'attacked', 'on', 'Sunday', '.'], [1, 2, 2, 2, 3, 4, 7, 5, 14, 11, 11, 14, 14, 14, 3, 14, 15, 2], ['det', 'nsubj', 'ROOT', 'dobj', 'acl', 'prep', 'amod', 'pobj', 'mark', 'det', 'amod', 'nsubjpass', 'aux', 'auxpass', 'acl', 'prep', 'pobj', 'punct'], ['DT', 'NN', 'VBD', 'NNS', 'VBG', 'IN', 'JJ', 'NNS', 'IN', 'DT', 'JJ', 'NN', 'VBD', 'VBN', 'VBN', 'IN', 'NNP', '.'], 14),
        # analysis: "The ministry denied an account that soldiers had beaten the detainees."
        (['The', 'ministry', 'denied', 'an', 'account', 'that', 'soldiers', 'had', 'beaten', 'the', 'detainees', '.'], [1, 2, 2, 4, 2, 8, 8, 8, 4, 10, 8, 2], ['det', 'nsubj', 'ROOT', 'det', 'dobj', 'mark', 'nsubj', 'aux', 'relcl', 'det', 'dobj', 'punct'], ['DT', 'NN', 'VBD', 'DT', 'NN', 'IN', 'NNS', 'VBD', 'VBN', 'DT', 'NNS', '.'], 8),
        # wire: "Police described reports that a nearby village had been raided as false." ("as false" hung on the reported verb)
        (['Police', 'described', 'reports', 'that', 'a', 'nearby', 'village', 'had', 'been', 'raided', 'as', 'false', '.'], [1, 1, 1, 9, 6, 6, 9, 9, 9, 2, 9, 10, 1], ['nsubj', 'ROOT', 'dobj', 'mark', 'det', 'amod', 'nsubjpass', 'aux', 'auxpass', 'acl', 'prep', 'amod', 'punct'], ['NNS', 'VBD', 'NNS', 'IN', 'DT', 'JJ', 'NN', 'VBD', 'VBN', 'VBN', 'IN', 'JJ', '.'], 9),
        # analysis: "The army branded claims that its troops had shot civilians as baseless propaganda."
        (['The', 'army', 'branded', 'claims', 'that', 'its', 'troops', 'had', 'shot', 'civilians', 'as', 'baseless', 'propaganda', '.'], [1, 2, 2, 2, 8, 6, 8, 8, 3, 8, 8, 12, 10, 2], ['det', 'nsubj', 'ROOT', 'dobj', 'mark', 'poss', 'nsubj', 'aux', 'acl', 'dobj', 'prep', 'amod', 'pobj', 'punct'], ['DT', 'NN', 'VBD', 'NNS', 'IN', 'PRP$', 'NNS', 'VBD', 'VBN', 'NNS', 'IN', 'JJ', 'NN', '.'], 8),
    ],
)
def test_a_denied_act_is_no_event(words, heads, deps, tags, trigger):
    assert _denied(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire: "Police said the gunmen attacked the checkpoint, which the group denied." (told, then denied by the other side)
        (["Police", "said", "the", "gunmen", "attacked", "the", "checkpoint", ",", "which", "the", "group", "denied", "."], [1, 1, 3, 4, 1, 6, 4, 6, 11, 10, 11, 6, 1], ["nsubj", "ROOT", "det", "nsubj", "ccomp", "det", "dobj", "punct", "dobj", "det", "nsubj", "relcl", "punct"], ["NNS", "VBD", "DT", "NNS", "VBD", "DT", "NN", ",", "WDT", "DT", "NN", "VBD", "."], 4),
        # analysis: "Kyiv said its drones struck the depot." (a report, not a rejected one)
        (["Kyiv", "said", "its", "drones", "struck", "the", "depot", "."], [1, 1, 3, 4, 1, 6, 4, 1], ["nsubj", "ROOT", "poss", "nsubj", "ccomp", "det", "dobj", "punct"], ["NNP", "VBD", "PRP$", "NNS", "VBD", "DT", "NN", "."], 3),
        # wire: "The rebels issued a statement that their fighters had overrun a military post." (a statement nobody rejects)
        (['The', 'rebels', 'issued', 'a', 'statement', 'that', 'their', 'fighters', 'had', 'overrun', 'a', 'military', 'post', '.'], [1, 2, 2, 4, 2, 9, 7, 9, 9, 4, 12, 12, 9, 2], ['det', 'nsubj', 'ROOT', 'det', 'dobj', 'mark', 'poss', 'nsubj', 'aux', 'acl', 'det', 'amod', 'dobj', 'punct'], ['DT', 'NNS', 'VBD', 'DT', 'NN', 'IN', 'PRP$', 'NNS', 'VBD', 'VBN', 'DT', 'JJ', 'NN', '.'], 9),
        # analysis: "Officials described reports that gunmen had killed five villagers as accurate." (a report confirmed)
        (['Officials', 'described', 'reports', 'that', 'gunmen', 'had', 'killed', 'five', 'villagers', 'as', 'accurate', '.'], [1, 1, 1, 6, 6, 6, 2, 8, 6, 6, 9, 1], ['nsubj', 'ROOT', 'dobj', 'mark', 'nsubj', 'aux', 'acl', 'nummod', 'dobj', 'prep', 'amod', 'punct'], ['NNS', 'VBD', 'NNS', 'IN', 'NNS', 'VBD', 'VBN', 'CD', 'NNS', 'IN', 'JJ', '.'], 6),
    ],
)
def test_a_told_act_stays_an_event(words, heads, deps, tags, trigger):
    assert not _denied(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire: "The talks in Doha ended without agreement on Sunday."
        (['The', 'talks', 'in', 'Doha', 'ended', 'without', 'agreement', 'on', 'Sunday', '.'], [1, 4, 1, 2, 4, 4, 5, 6, 7, 4], ['det', 'nsubj', 'prep', 'pobj', 'ROOT', 'prep', 'pobj', 'prep', 'pobj', 'punct'], ['DT', 'NNS', 'IN', 'NNP', 'VBD', 'IN', 'NN', 'IN', 'NNP', '.'], 6),
        # feature: "The convoy reached Goma without attack."
        (['The', 'convoy', 'reached', 'Goma', 'without', 'attack', '.'], [1, 2, 2, 2, 2, 4, 2], ['det', 'nsubj', 'ROOT', 'dobj', 'prep', 'pobj', 'punct'], ['DT', 'NN', 'VBD', 'NNP', 'IN', 'NN', '.'], 5),
    ],
)
def test_an_act_under_without_did_not_happen(words, heads, deps, tags, trigger):
    """"ended without agreement", "reached Goma without attack": "without" denies its object."""
    assert _denied(words, heads, deps, tags, trigger)


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire: "There were no reports of clashes in Jenin overnight, residents said."
        (['There', 'were', 'no', 'reports', 'of', 'clashes', 'in', 'Jenin', 'overnight', ',', 'residents', 'said', '.'], [1, 11, 3, 1, 3, 4, 5, 6, 1, 11, 11, 11, 11], ['expl', 'ccomp', 'det', 'attr', 'prep', 'pobj', 'prep', 'pobj', 'advmod', 'punct', 'nsubj', 'ROOT', 'punct'], ['EX', 'VBD', 'DT', 'NNS', 'IN', 'NNS', 'IN', 'NNP', 'RB', ',', 'NNS', 'VBD', '.'], 5),
        # feature: "Monitors saw no sign of fighting near the front line on Sunday."
        (['Monitors', 'saw', 'no', 'sign', 'of', 'fighting', 'near', 'the', 'front', 'line', 'on', 'Sunday', '.'], [1, 1, 3, 1, 3, 4, 5, 9, 9, 6, 1, 10, 1], ['nsubj', 'ROOT', 'det', 'dobj', 'prep', 'pobj', 'prep', 'det', 'amod', 'pobj', 'prep', 'pobj', 'punct'], ['NNS', 'VBD', 'DT', 'NN', 'IN', 'NN', 'IN', 'DT', 'JJ', 'NN', 'IN', 'NNP', '.'], 5),
        # brief: "The mission found no evidence of shelling in the district."
        (['The', 'mission', 'found', 'no', 'evidence', 'of', 'shelling', 'in', 'the', 'district', '.'], [1, 2, 2, 4, 2, 4, 5, 6, 9, 7, 2], ['det', 'nsubj', 'ROOT', 'det', 'dobj', 'prep', 'pcomp', 'prep', 'det', 'pobj', 'punct'], ['DT', 'NN', 'VBD', 'DT', 'NN', 'IN', 'VBG', 'IN', 'DT', 'NN', '.'], 6),
    ],
)
def test_an_act_of_which_there_is_no_report_or_sign_is_no_event(words, heads, deps, tags, trigger):
    """"no reports of clashes", "no sign of fighting": "no" on the noun the act is said of."""
    assert _denied(words, heads, deps, tags, trigger)


def test_reports_of_an_act_still_tell_it():
    # wire: "Reports of clashes in Jenin emerged on Sunday."
    assert not _denied(['Reports', 'of', 'clashes', 'in', 'Jenin', 'emerged', 'on', 'Sunday', '.'], [5, 0, 1, 2, 3, 5, 5, 6, 5], ['nsubj', 'prep', 'pobj', 'prep', 'pobj', 'ROOT', 'prep', 'pobj', 'punct'], ['NNS', 'IN', 'NNS', 'IN', 'NNP', 'VBD', 'IN', 'NNP', '.'], 2)


@pytest.mark.parametrize(
    "words, heads, deps, tags, word, denied",
    [
        # feature: "On Wednesday, the patrol did not make it past the second bend."
        (["On", "Wednesday", ",", "the", "patrol", "did", "not", "make", "it", "past", "the", "second", "bend", "."], [7, 0, 7, 4, 7, 7, 7, 7, 7, 7, 12, 12, 9, 7], ["prep", "pobj", "punct", "det", "nsubj", "aux", "neg", "ROOT", "dobj", "prep", "det", "amod", "pobj", "punct"], ["IN", "NNP", ",", "DT", "NN", "VBD", "RB", "VB", "PRP", "IN", "DT", "JJ", "NN", "."], "patrol", True),
        # wire: "The convoy never reached Menaka."
        (["The", "convoy", "never", "reached", "Menaka", "."], [1, 3, 3, 3, 3, 3], ["det", "nsubj", "neg", "ROOT", "dobj", "punct"], ["DT", "NN", "RB", "VBD", "NNP", "."], "convoy", True),
        # brief: "A military convoy left Gao on Tuesday.": a movement told
        (["A", "military", "convoy", "left", "Gao", "on", "Tuesday", "."], [2, 2, 3, 3, 3, 3, 5, 3], ["det", "amod", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], ["DT", "JJ", "NN", "VBD", "NNP", "IN", "NNP", "."], "convoy", False),
    ],
)
def test_a_forces_activity_as_the_subject_of_a_denied_verb_is_no_act(words, heads, deps, tags, word, denied):
    import re

    from builder.extraction import terms as T
    from builder.extraction.events.sentence import _activity_denied

    doc, sent = parsed_sentence(words, heads, deps, tags)
    found = re.search(word, sent.text)
    assert _activity_denied(doc, sent, (T.CHANGE_TO_GROUP_ACTIVITY, 2, found)) is denied


@pytest.mark.parametrize(
    "words, heads, deps, tags, trigger",
    [
        # wire: "Nobody has been arrested over the killing."
        (["Nobody", "has", "been", "arrested", "over", "the", "killing", "."], [3, 3, 3, 3, 3, 6, 4, 3], ["nsubjpass", "aux", "auxpass", "ROOT", "prep", "det", "pobj", "punct"], ["NN", "VBZ", "VBN", "VBN", "IN", "DT", "NN", "."], 3),
        # feature: "Police said no one was detained."
        (["Police", "said", "no", "one", "was", "detained", "."], [1, 1, 3, 5, 5, 1, 1], ["nsubj", "ROOT", "det", "nsubjpass", "auxpass", "ccomp", "punct"], ["NNS", "VBD", "DT", "NN", "VBD", "VBN", "."], 5),
        # brief: "None of the attackers was arrested."
        (["None", "of", "the", "attackers", "was", "arrested", "."], [5, 0, 3, 1, 5, 5, 5], ["nsubjpass", "prep", "det", "pobj", "auxpass", "ROOT", "punct"], ["NN", "IN", "DT", "NNS", "VBD", "VBN", "."], 5),
    ],
)
def test_an_act_done_to_nobody_is_no_event(words, heads, deps, tags, trigger):
    assert _denied(words, heads, deps, tags, trigger)


def test_a_rejected_claim_whose_clause_the_parser_made_relative_is_denied():
    # feature: "The chief rejected claims on social media that police had shot dead a man at the market." ('that' parsed as the object beside 'a man')
    assert _denied(['The', 'chief', 'rejected', 'claims', 'on', 'social', 'media', 'that', 'police', 'had', 'shot', 'dead', 'a', 'man', 'at', 'the', 'market', '.'], [1, 2, 2, 2, 3, 6, 4, 10, 10, 10, 3, 10, 13, 10, 13, 16, 14, 2], ['det', 'nsubj', 'ROOT', 'dobj', 'prep', 'amod', 'pobj', 'dobj', 'nsubj', 'aux', 'relcl', 'oprd', 'det', 'dobj', 'prep', 'det', 'pobj', 'punct'], ['DT', 'NN', 'VBD', 'NNS', 'IN', 'JJ', 'NNS', 'WDT', 'NNS', 'VBD', 'VBN', 'JJ', 'DT', 'NN', 'IN', 'DT', 'NN', '.'], 10)
    # analysis: "Nili rejected the report that police wrote." (a true relative clause: 'that' is the object)
    doc, sent = parsed_sentence(['Nili', 'rejected', 'the', 'report', 'that', 'police', 'wrote', '.'], [1, 1, 3, 1, 6, 6, 3, 1], ['nsubj', 'ROOT', 'det', 'dobj', 'dobj', 'nsubj', 'relcl', 'punct'], ['NN', 'VBD', 'DT', 'NN', 'WDT', 'NN', 'VBD', '.'])
    from builder.extraction.events.modality import _content_clause

    assert not _content_clause(doc[6])
