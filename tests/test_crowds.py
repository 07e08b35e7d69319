"""Who a side of a fight is (builder.extraction.events.crowds): a crowd of civilians, a state's
force, armed people, or someone the phrase does not say; a fight whose sides include a crowd
and nobody armed is a riot. Hand-built parsed sentences written for these tests (no model)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extraction.events.crowds import crowd_fight, riot, side
from builder.extraction.knowledge import load_knowledge
from builder.records import Event, Evidence
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


# Each subject phrase before "clashed ." with its parse: (words, heads, deps, tags), heads absolute.
SUBJECTS = {
    # wire copy: a crowd named by its people
    "Villagers": (["Villagers"], [1], ["nsubj"], ["NNS"]),
    # a crowd counted as one: read by its "of" phrase
    "A group of men": (["A", "group", "of", "men"], [1, 4, 1, 2], ["det", "nsubj", "prep", "pobj"], ["DT", "NN", "IN", "NNS"]),
    # people named one by one are no crowd ("two men on a motorbike")
    "Two men": (["Two", "men"], [1, 2], ["nummod", "nsubj"], ["CD", "NNS"]),
    # a group that says nothing of who is in it
    "An unidentified group": (["An", "unidentified", "group"], [2, 2, 3], ["det", "amod", "nsubj"], ["DT", "JJ", "NN"]),
    # members of an organisation nobody knows may be an armed group's
    "Members of Los Tigres": (["Members", "of", "Los", "Tigres"], [4, 0, 3, 1], ["nsubj", "prep", "compound", "pobj"], ["NNS", "IN", "NNP", "NNP"]),
    # its supporters are civilians whoever it is
    "Supporters of Los Tigres": (["Supporters", "of", "Los", "Tigres"], [4, 0, 3, 1], ["nsubj", "prep", "compound", "pobj"], ["NNS", "IN", "NNP", "NNP"]),
    # a gang's members are armed people
    "Gang members": (["Gang", "members"], [1, 2], ["compound", "nsubj"], ["NN", "NNS"]),
    "The police": (["The", "police"], [1, 2], ["det", "nsubj"], ["DT", "NNS"]),
}


def _subject_side(k, phrase):
    words, heads, deps, tags = SUBJECTS[phrase]
    n = len(words)
    doc, _ = parsed_sentence(
        [*words, "clashed", "."],
        [*heads, n, n],
        [*deps, "ROOT", "punct"],
        [*tags, "VBD", "."],
        date(2022, 5, 1),
    )
    subject = next(t for t in doc if t.dep_ == "nsubj")
    return side(doc, k, subject)


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Villagers", "crowd"),
        ("A group of men", "crowd"),
        ("Two men", None),
        ("An unidentified group", None),
        ("Members of Los Tigres", None),
        ("Supporters of Los Tigres", "crowd"),
        ("Gang members", "armed"),
        ("The police", "state"),
    ],
)
def test_a_side_is_read_from_its_head_noun(k, phrase, expected):
    assert _subject_side(k, phrase) == expected


def test_a_riot_needs_a_crowd_and_nobody_armed():
    assert riot(["crowd", "state"])  # villagers against the police
    assert riot(["crowd", "crowd"])  # two parties' supporters
    assert not riot(["crowd", "armed"])  # villagers against gunmen: a battle
    assert not riot(["state", None])


def _clash_event(k, words, heads, deps, tags, trigger):
    doc, sent = parsed_sentence(words, heads, deps, tags, date(2022, 5, 1))
    tok = doc[trigger]
    ev = Evidence("d", doc.text, 0, tok.idx, tok.idx + len(tok), tok.text, "event_trigger", 0.9)
    return doc, Event(n=1, cls="ArmedClash", evidence=[ev])


def test_a_clash_between_villagers_and_police_is_a_riot_and_an_armed_one_is_not(k):
    # analysis: "A clash broke out between villagers and police ."
    words = ["A", "clash", "broke", "out", "between", "villagers", "and", "police", "."]
    heads = [1, 2, 2, 2, 1, 4, 5, 5, 2]
    deps = ["det", "nsubj", "ROOT", "prt", "prep", "pobj", "cc", "conj", "punct"]
    tags = ["DT", "NN", "VBD", "RP", "IN", "NNS", "CC", "NNS", "."]
    doc, event = _clash_event(k, words, heads, deps, tags, 1)
    assert crowd_fight(doc, k, event)
    # encyclopaedia: "An armed clash broke out between villagers and police ." (told as armed)
    words = ["An", "armed", "clash", "broke", "out", "between", "villagers", "and", "police", "."]
    heads = [2, 2, 3, 3, 3, 2, 5, 6, 6, 3]
    deps = ["det", "amod", "nsubj", "ROOT", "prt", "prep", "pobj", "cc", "conj", "punct"]
    tags = ["DT", "JJ", "NN", "VBD", "RP", "IN", "NNS", "CC", "NNS", "."]
    doc, event = _clash_event(k, words, heads, deps, tags, 2)
    assert not crowd_fight(doc, k, event)


def test_a_crowd_that_shoots_is_an_armed_side(k):
    # wire copy: "Villagers shot at police during a clash ." : firearms make it a battle
    words = ["Villagers", "clashed", "with", "police", "and", "shot", "at", "them", "."]
    heads = [1, 1, 1, 2, 1, 1, 5, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "cc", "conj", "prep", "pobj", "punct"]
    tags = ["NNS", "VBD", "IN", "NNS", "CC", "VBD", "IN", "PRP", "."]
    doc, event = _clash_event(k, words, heads, deps, tags, 1)
    assert not crowd_fight(doc, k, event)
    words = ["Villagers", "clashed", "with", "police", "."]
    doc, event = _clash_event(k, words, [1, 1, 1, 2, 1], ["nsubj", "ROOT", "prep", "pobj", "punct"], ["NNS", "VBD", "IN", "NNS", "."], 1)
    assert crowd_fight(doc, k, event)
