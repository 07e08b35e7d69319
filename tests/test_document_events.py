"""Sentence rules that read an event against the rest of its document (issue 17): claims made
by saying what one's fighters did, arrests followed by killings, places named for an earlier
event (hand-built docs, no model)."""

from __future__ import annotations

import pytest

from builder.extraction import terms as T
from builder.extraction.events.places import _earlier_event_names
from builder.extraction.events.sentence import _killed_after_arrest
from builder.extraction.knowledge import load_knowledge
from builder.records import Event, Evidence
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _sentence(words, heads=None, deps=None, tags=None):
    return parsed_sentence(words, heads, deps, tags)


@pytest.mark.parametrize(
    "sentence",
    [
        "In a statement on Thursday, the rebels' regional command said its fighters had carried out the ambush.",
        "Islamic State said its fighters had attacked the checkpoint and killed two soldiers.",
        "The defence ministry said on Monday that its forces had struck a depot in the city.",
        "The group said its men stormed the barracks at dawn.",
        "Rebel commanders told reporters their fighters had ambushed a convoy on the highway.",
        "The militia said its units shelled enemy positions in response.",
    ],
)
def test_saying_what_ones_own_fighters_did_is_a_claim(k, sentence):
    assert k.rx("claim").search(sentence)


def test_a_claim_that_tells_the_act_has_a_trigger_a_bare_claim_none(k):
    from builder.extraction.events.triggers import trigger

    told = k.rx("claim").search("The militia said its units shelled enemy positions in response.")
    bare = k.rx("claim").search("The militia claimed responsibility for the attack.")
    assert trigger(k, told.group(0)) is not None  # dated like the act it tells (context date)
    assert trigger(k, bare.group(0)) is None


@pytest.mark.parametrize(
    "sentence",
    ["Residents said the fighters had attacked the checkpoint.", "The army said militants had attacked its post."],
)
def test_saying_what_others_did_is_no_claim(k, sentence):
    assert not k.rx("claim").search(sentence)


def test_men_rounded_up_and_executed_is_an_attack(k):
    # "Soldiers rounded up men at a market and executed fifteen of them ."
    words = ["Soldiers", "rounded", "up", "men", "at", "a", "market", "and", "executed", "fifteen", "of", "them", "."]
    heads = [1, 1, 1, 1, 1, 6, 4, 1, 1, 8, 9, 10, 1]
    deps = ["nsubj", "ROOT", "prt", "dobj", "prep", "det", "pobj", "cc", "conj", "dobj", "prep", "pobj", "punct"]
    tags = ["NNS", "VBD", "RP", "NNS", "IN", "DT", "NN", "CC", "VBD", "CD", "IN", "PRP", "."]
    doc, sent = _sentence(words, heads, deps, tags)
    tm = k.rx("trigger_arrests").search(sent.text)
    killing = _killed_after_arrest(doc, k, sent, tm)
    assert killing is not None and killing.group(0) == "executed"


def test_men_arrested_over_a_killing_is_an_arrest(k):
    # "Police arrested two men over the killing of a teacher ."
    words = ["Police", "arrested", "two", "men", "over", "the", "killing", "of", "a", "teacher", "."]
    heads = [1, 1, 3, 1, 1, 6, 4, 6, 9, 7, 1]
    deps = ["nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj", "prep", "det", "pobj", "punct"]
    tags = ["NNS", "VBD", "CD", "NNS", "IN", "DT", "NN", "IN", "DT", "NN", "."]
    doc, sent = _sentence(words, heads, deps, tags)
    assert _killed_after_arrest(doc, k, sent, k.rx("trigger_arrests").search(sent.text)) is None


def test_a_place_named_for_an_earlier_event_is_not_this_ones(k):
    doc, sent = _sentence("Two days after the Bela assault , fighters stormed a police station in Kulachi .".split())
    at = sent.text.index("stormed")
    frame = Event(1, T.ATTACK, [Evidence("d", sent.text, 0, at, at + 7, "stormed", "event_trigger:Attack", 0.7)])
    names = _earlier_event_names(k, sent, frame)
    assert [sent.text[a:b] for a, b in names] == ["the Bela assault"]
    # the description is the sentence's own trigger: its place is the event's
    doc, sent = _sentence("The Bela assault killed four soldiers .".split())
    frame = Event(1, T.ATTACK, [Evidence("d", sent.text, 0, 9, 16, "assault", "event_trigger:Attack", 0.7)])
    assert _earlier_event_names(k, sent, frame) == []


@pytest.mark.parametrize(
    "earlier, later, agree",
    [
        ("ArmedClash", "AbductionForcedDisappearance", False),  # "The kidnapping was first reported by ..." after a clash
        ("AirDroneStrike", "AbductionForcedDisappearance", False),
        ("Attack", "AbductionForcedDisappearance", True),  # "gunmen raided the village ... the kidnapping": a generic attack
        ("AbductionForcedDisappearance", "AbductionForcedDisappearance", True),
        ("Attack", "SuicideBomb", True),  # "the Balad bombing" in a toll sentence
        ("ArmedClash", "ShellingArtilleryMissileAttack", True),
    ],
)
def test_an_event_told_again_merges_across_violent_types_but_an_abduction_keeps_its_own(k, earlier, later, agree):
    from builder.extraction.events.coreference import _types_agree

    a, b = Event(n=1, cls=earlier, paragraph=0), Event(n=2, cls=later, paragraph=2)
    assert _types_agree(k, a, b, told_again=True) is agree
