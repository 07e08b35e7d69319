"""Arms changing hands are no attack: "Iran supplied drones to the Houthis", "Russia delivered
attack helicopters to Mali" name a weapon or the word "attack" as what is handed over, and the
recipient is backed by the giver, not attacked by it. What a verb of receiving has as its object
is still an act where it is one ("the convoy received heavy mortar fire"). Sentences written for
these tests: hand-built parses (no model) for the masking, then the whole pipeline in three
styles."""

from __future__ import annotations

import datetime

import pytest

from builder.extraction.events.triggers import transfers_masked
from builder.extraction.knowledge import load_knowledge
from builder.records import Document
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "words, heads, deps, tags, masked",
    [
        # "Russia delivered attack helicopters to Mali": the object up to its head is blanked
        (["Russia", "delivered", "attack", "helicopters", "to", "Mali"], [1, 1, 3, 1, 1, 4], ["nsubj", "ROOT", "compound", "dobj", "prep", "pobj"], ["NNP", "VBD", "NN", "NNS", "IN", "NNP"], "Russia delivered __________________ to Mali"),
        # "Iran supplied drones and missiles": every conjunct of the object
        (["Iran", "supplied", "drones", "and", "missiles"], [1, 1, 1, 2, 2], ["nsubj", "ROOT", "dobj", "cc", "conj"], ["NNP", "VBD", "NNS", "CC", "NNS"], "Iran supplied ______ and ________"),
        # "The convoy received heavy mortar fire": fire is an act, nothing is blanked
        (["The", "convoy", "received", "heavy", "mortar", "fire"], [1, 2, 2, 5, 5, 2], ["det", "nsubj", "ROOT", "amod", "compound", "dobj"], ["DT", "NN", "VBD", "JJ", "NN", "NN"], "The convoy received heavy mortar fire"),
        # "The coalition provided air strikes": strikes are an act
        (["The", "coalition", "provided", "air", "strikes"], [1, 2, 2, 4, 2], ["det", "nsubj", "ROOT", "compound", "dobj"], ["DT", "NN", "VBD", "NN", "NNS"], "The coalition provided air strikes"),
        # "Rebels attacked a convoy": no verb of handing over
        (["Rebels", "attacked", "a", "convoy"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"], ["NNS", "VBD", "DT", "NN"], "Rebels attacked a convoy"),
    ],
)
def test_what_is_handed_over_is_blanked(k, words, heads, deps, tags, masked):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    assert transfers_masked(k, sent, sent.text) == masked


@pytest.fixture(scope="module")
def results():
    from builder.nlp import build_pipeline, process

    texts = {
        "wire": "DUBAI, March 3 (Reuters) - Iran has supplied drones and ballistic missile parts to the Houthis since 2015, U.N. investigators said on Tuesday.",
        "encyclopaedia": "In 2023 Russia delivered attack helicopters and radar systems to the Malian Armed Forces.",
        "analysis": "The Houthis almost certainly received drone components from Iran's Revolutionary Guards, though the volume is hard to judge.",
        "fire": "GAO, Mali, May 4 - A Malian army convoy received heavy mortar fire near Gao on Sunday, killing two soldiers, the army said.",
    }
    documents = [Document(id=key, text=text, published=datetime.date(2024, 6, 1)) for key, text in texts.items()]
    return {d.id: r for d, r in zip(documents, process(build_pipeline(), documents))}


@pytest.mark.parametrize("style", ["wire", "encyclopaedia", "analysis"])
def test_arms_handed_over_make_no_attack(results, style):
    r = results[style]
    assert not r.events, [(e.cls, e.perpetrators, e.targets) for e in r.events]
    assert not [x for x in r.relations if x.prop.endswith("fightingAgainst")]


@pytest.mark.parametrize("style, backed, backer", [("wire", "actor:houthis", "country:IR"), ("encyclopaedia", "actor:forces-ml", "country:RU")])
def test_the_recipient_is_backed_by_the_giver(results, style, backed, backer):
    assert any(x.prop.endswith("backedBy") and x.subject == backed and x.object == backer for x in results[style].relations)


def test_fire_received_is_still_an_attack(results):
    events = results["fire"].events
    assert len(events) == 1 and events[0].cls.endswith("ShellingArtilleryMissileAttack")
