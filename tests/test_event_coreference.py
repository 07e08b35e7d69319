"""Events of one document that tell the same act are merged; claims go to the event they name
(hand-built events, no model)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from builder.extraction import extensions
from builder.extraction import terms as T
from builder.extraction.events.coreference import merge_coreferent
from builder.extraction.knowledge import load_knowledge
from builder.records import Claim, Document, Entity, Event, Evidence

SUNDAY = date(2022, 8, 7)


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _ev(sentence: str, word: str, rule: str = "event_trigger:Attack", start: int = 0) -> Evidence:
    at = sentence.index(word)
    return Evidence("d", sentence, start, start + at, start + at + len(word), word, rule, 0.7)


def _doc(events: list[Event], places: dict[str, tuple[float, float]]):
    extensions.register()
    doc = spacy.blank("en").make_doc("x")
    doc._.armedkg_document = Document(id="d", text="x")
    extensions.reset(doc)
    for name, (lat, lon) in places.items():
        key = f"place:{name.lower()}"
        doc._.armedkg_entities[key] = Entity(key, T.POPULATED_PLACE, name, lat=lat, lon=lon, country="MZ")
    doc._.armedkg_events = events
    return doc


def test_a_later_toll_of_the_raid_is_the_same_event_with_the_highest_toll(k):
    raid = Event(1, T.ATTACK, [_ev("Gunmen raided the village of Olumbe on Sunday, killing four people.", "raided")], SUNDAY, 1, "place:olumbe", fatalities=4)
    toll = Event(2, T.ATTACK, [_ev("By Monday evening the death toll from the raid had risen to six.", "raid", start=200)], fatalities=6, paragraph=2)
    doc = _doc([raid, toll], {"Olumbe": (-10.72, 40.45)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 1
    merged = doc._.armedkg_events[0]
    assert merged.fatalities == 6 and merged.date == SUNDAY and len(merged.evidence) == 2


def test_an_event_dated_after_the_raid_is_another_event(k):
    raid = Event(1, T.ATTACK, [_ev("Gunmen raided the village of Olumbe on Sunday.", "raided")], SUNDAY, 1, "place:olumbe")
    clash = Event(2, T.ARMED_CLASH, [_ev("Troops clashed with the insurgents near Quionga the day after the raid.", "clashed", start=300)], date(2022, 8, 8), 1, "place:quionga")
    doc = _doc([raid, clash], {"Olumbe": (-10.72, 40.45), "Quionga": (-10.58, 40.53)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


def test_the_same_words_for_an_attack_far_away_are_another_event(k):
    first = Event(1, T.ATTACK, [_ev("Gunmen attacked Olumbe on Sunday.", "attacked")], SUNDAY, 1, "place:olumbe")
    second = Event(2, T.ATTACK, [_ev("The attack on Montepuez was the second that day.", "attack", start=100)], SUNDAY, 1, "place:montepuez")
    doc = _doc([first, second], {"Olumbe": (-10.72, 40.45), "Montepuez": (-13.12, 39.00)})
    merge_coreferent(doc, k)
    assert len(doc._.armedkg_events) == 2


def test_a_claim_goes_to_the_event_its_object_names(k):
    massacre = Event(1, T.ATTACK, [_ev("Rebels killed fourteen villagers in Kisima on Tuesday.", "killed")], date(2023, 6, 13), 1, "place:kisima")
    sentence = "The group claimed the killings in Kisima, a pattern it has followed near Beni."
    claim = Claim("actor:islamic-state", _ev(sentence, "claimed", "claim_of_responsibility", start=500))
    raid = Event(2, T.ARMED_CLASH, [_ev("Troops attacked a rebel camp near Beni on Thursday.", "attacked", start=400), _ev(sentence, "claimed", start=500)], date(2023, 6, 15), 1, "place:beni", perpetrators=["actor:islamic-state"], claims=[claim])
    doc = _doc([massacre, raid], {"Kisima": (0.70, 29.50), "Beni": (0.49, 29.47)})
    merge_coreferent(doc, k)
    events = doc._.armedkg_events
    assert [c.claimant for c in events[0].claims] == ["actor:islamic-state"]
    assert events[1].claims == [] and "actor:islamic-state" not in events[1].perpetrators
