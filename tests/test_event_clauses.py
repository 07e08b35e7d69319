"""Sentences that tell two events (builder.extraction.events.clauses), on hand-built parsed docs
(no model)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extraction.events.clauses import Clause, event_parts
from builder.extraction.facts import new_event
from builder.extraction.knowledge import load_knowledge
from builder.extraction.sentences import evidence
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _parsed(words, heads, deps, tags, mentions=(), spaces=None):
    """A one-sentence Doc with the given parse; ``mentions``: (kind, key, first word, last word)."""
    return parsed_sentence(words, heads, deps, tags, date(2024, 3, 6), spaces, mentions)


# "The strike came a day after rebels ambushed a convoy ."  (feature prose)
STRIKE = (
    ["The", "strike", "came", "a", "day", "after", "rebels", "ambushed", "a", "convoy", "."],
    [1, 2, 2, 4, 2, 7, 7, 2, 9, 7, 2],
    ["det", "nsubj", "ROOT", "det", "npadvmod", "mark", "nsubj", "advcl", "det", "dobj", "punct"],
    ["DT", "NN", "VBD", "DT", "NN", "IN", "NNS", "VBD", "DT", "NN", "."],
)


def test_a_sequence_tells_the_event_told_before_and_a_second_one_dated_from_it(k):
    doc, sent = _parsed(*STRIKE)
    main, sub = event_parts(doc, k, sent)
    assert main.sent.text == "The strike came" and not main.fresh
    assert sub.sent.text == "rebels ambushed a convoy" and sub.fresh
    strike = new_event(doc, "AirDroneStrike", 0)
    strike.date, strike.time_precision = date(2024, 3, 3), 1
    main.after(doc, strike)
    ambush = new_event(doc, "ArmedClash", 0)
    sub.after(doc, ambush)
    assert (ambush.date, ambush.time_precision) == (date(2024, 3, 2), 1)  # a day after the ambush: the ambush a day before


def test_a_clause_cites_its_whole_sentence(k):
    doc, sent = _parsed(*STRIKE)
    sub = event_parts(doc, k, sent)[1].sent
    assert isinstance(sub, Clause)
    ev = evidence(doc, sub, sub.start, sub.start + 6, "test", 0.5)
    assert ev.sentence == doc.text.strip() and ev.sentence_start == 0 and ev.text == "rebels"


def test_before_counts_the_other_way_and_a_told_event_without_date_takes_the_last_dated(k):
    # "Police said the bombing happened two days before gunmen raided a village ."  (wire copy)
    words = ["Police", "said", "the", "bombing", "happened", "two", "days", "before", "gunmen", "raided", "a", "village", "."]
    heads = [1, 1, 3, 4, 1, 6, 9, 9, 9, 4, 11, 9, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "nummod", "npadvmod", "mark", "nsubj", "advcl", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "VBD", "CD", "NNS", "IN", "NNS", "VBD", "DT", "NN", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    main, sub = event_parts(doc, k, sent)
    assert main.sent.text == "Police said the bombing happened"
    earlier = new_event(doc, "RemoteExplosiveLandmineIED", 0)
    earlier.date, earlier.time_precision = date(2024, 3, 1), 1
    told = new_event(doc, "RemoteExplosiveLandmineIED", 1)  # told again, not yet merged
    main.after(doc, told)
    raid = new_event(doc, "Attack", 1)
    sub.after(doc, raid)
    assert raid.date == date(2024, 3, 3)


def test_no_split_without_an_event_noun_as_subject_or_a_sequence_mark(k):
    # "Reinforcements came after rebels ambushed a convoy ."
    words = ["Reinforcements", "came", "after", "rebels", "ambushed", "a", "convoy", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "advcl", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "NNS", "VBD", "DT", "NN", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert [p.sent for p in event_parts(doc, k, sent)] == [sent]
    # "The strike came as rebels ambushed a convoy ."
    words = ["The", "strike", "came", "as", "rebels", "ambushed", "a", "convoy", "."]
    heads = [1, 2, 2, 5, 5, 2, 7, 5, 2]
    deps = ["det", "nsubj", "ROOT", "mark", "nsubj", "advcl", "det", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "NNS", "VBD", "DT", "NN", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert len(event_parts(doc, k, sent)) == 1


def test_a_sequence_without_a_measure_of_time_splits_and_is_left_undated(k):
    # "The bombing came after militants stormed a checkpoint ."  (wire copy; no "a day", no npadvmod)
    words = ["The", "bombing", "came", "after", "militants", "stormed", "a", "checkpoint", "."]
    heads = [1, 2, 2, 5, 5, 2, 7, 5, 2]
    deps = ["det", "nsubj", "ROOT", "mark", "nsubj", "advcl", "det", "dobj", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "NNS", "VBD", "DT", "NN", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    main, sub = event_parts(doc, k, sent)
    assert main.sent.text == "The bombing came" and sub.sent.text == "militants stormed a checkpoint"
    bombing = new_event(doc, "RemoteExplosiveLandmineIED", 0)
    bombing.date, bombing.time_precision = date(2024, 3, 3), 1
    main.after(doc, bombing)
    raid = new_event(doc, "Attack", 0)
    sub.after(doc, raid)
    assert raid.date is None  # before the bombing, by how much the text does not say


# "Officials reported an attack near Hulugho and a raid at Ijara on Tuesday ."  (brief)
TWO = (
    ["Officials", "reported", "an", "attack", "near", "Hulugho", "and", "a", "raid", "at", "Ijara", "on", "Tuesday", "."],
    [1, 1, 3, 1, 3, 4, 3, 8, 3, 8, 9, 8, 11, 1],
    ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "cc", "det", "conj", "prep", "pobj", "prep", "pobj", "punct"],
    ["NNS", "VBD", "DT", "NN", "IN", "NNP", "CC", "DT", "NN", "IN", "NNP", "IN", "NNP", "."],
)


def test_coordinated_event_nouns_at_different_places_are_two_events_dated_alike(k):
    doc, sent = _parsed(*TWO, mentions=[("place", "place:a", 5, 5), ("place", "place:b", 10, 10)])
    one, two = event_parts(doc, k, sent)
    assert one.sent.text == "Officials reported an attack near Hulugho" and [m.key for m in one.sent.mentions] == ["place:a"]
    assert two.sent.text == "a raid at Ijara on Tuesday ." and two.fresh and [m.key for m in two.sent.mentions] == ["place:b"]
    first = new_event(doc, "Attack", 0)
    one.after(doc, first)
    assert first.date == date(2024, 3, 5)  # "on Tuesday" dates both


def test_coordinated_event_nouns_naming_the_same_place_or_nothing_stay_one_event(k):
    doc, sent = _parsed(*TWO, mentions=[("place", "place:a", 5, 5), ("place", "place:a", 10, 10)])
    assert len(event_parts(doc, k, sent)) == 1
    doc, sent = _parsed(*TWO)
    assert len(event_parts(doc, k, sent)) == 1


def test_an_event_noun_the_parser_hung_on_a_noun_of_the_first_phrase_is_split_and_takes_the_shared_date(k):
    # "Two incidents were reported on Sunday : an attack on a market in Tillia , in Tahoua region ,
    # and an ambush near Ouallam ."  (the parser joined 'ambush' to 'region')
    words = ["Two", "incidents", "were", "reported", "on", "Sunday", ":", "an", "attack", "on", "a", "market", "in", "Tillia", ",", "in", "Tahoua", "region", ",", "and", "an", "ambush", "near", "Ouallam", "."]
    heads = [1, 3, 3, 3, 3, 4, 3, 8, 1, 8, 11, 9, 11, 12, 8, 8, 17, 15, 17, 17, 21, 17, 21, 22, 3]
    deps = ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct", "det", "appos", "prep", "det", "pobj", "prep", "pobj", "punct", "prep", "compound", "pobj", "punct", "cc", "det", "conj", "prep", "pobj", "punct"]
    tags = ["CD", "NNS", "VBD", "VBN", "IN", "NNP", ":", "DT", "NN", "IN", "DT", "NN", "IN", "NNP", ",", "IN", "NNP", "NN", ",", "CC", "DT", "NN", "IN", "NNP", "."]
    doc, sent = _parsed(words, heads, deps, tags, mentions=[("place", "place:tillia", 13, 13), ("place", "place:ouallam", 23, 23)])
    one, two = event_parts(doc, k, sent)
    assert one.sent.text.endswith("in Tahoua region") and two.sent.text == "an ambush near Ouallam ."
    ambush = new_event(doc, "ArmedClash", 0)
    two.after(doc, ambush)
    assert ambush.date == date(2024, 3, 3)  # the Sunday before the reference date (Wednesday 6 March)


def test_the_event_a_sequence_counts_from_is_the_one_dated_to_a_day():
    """"The blast came two days after ...": of the bombings told before, the one dated to a day,
    not a later statement that carries only the day it was made (precision 2)."""
    from builder.extraction.events.clauses import _last_of_class
    from builder.records import Event

    bombing = Event(1, "RemoteExplosiveLandmineIED", [], date(2024, 3, 6), 1)
    statement = Event(2, "RemoteExplosiveLandmineIED", [], date(2024, 3, 7), 2)
    clash = Event(3, "ArmedClash", [], date(2024, 3, 7), 1)
    assert _last_of_class([bombing, statement, clash], "RemoteExplosiveLandmineIED") is bombing
    assert _last_of_class([bombing, clash], "AirDroneStrike") is clash  # none of the class: the last dated
    assert _last_of_class([Event(4, "Attack", [])], "Attack") is None
