"""Dyads read with the whole pipeline (builder.extraction.interactions): the sides of a dyad are
entities of the result, with evidence where the text names them. Sentences written for these
tests, in wire, encyclopaedia and analysis styles (the model is loaded: slow tier)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text, source, target",
    [
        # wire copy
        ("Moscow expelled two Polish diplomats on Thursday in a tit-for-tat move.", "Moscow", "Polish"),
        # encyclopaedia prose
        ("In 1994 the United Nations imposed an embargo on Haiti, and Venezuela later closed its border with Colombia.", "Venezuela", "Colombia"),
        # think-tank analysis
        ("Beijing has repeatedly warned Taiwan that any declaration of independence would mean war.", "Beijing", "Taiwan"),
    ],
)
def test_dyad_sides_are_entities_of_the_result_with_evidence_where_named(extract, text, source, target):
    """A side named by a capital or a nationality is an entity of the result, with evidence at
    the word that names it, so that a coder of dyads finds it in the text."""
    result = extract(text)
    at = {name: text.index(name) for name in (source, target)}

    def named_at(key: str, name: str) -> bool:
        ent = result.entities.get(key)
        return ent is not None and any(m.start <= at[name] < m.end for m in ent.mentions)

    assert any(named_at(d.source, source) and named_at(d.target, target) for d in result.interactions)


@pytest.mark.parametrize(
    "text, source, target",
    [
        # wire copy: the source named by a description only
        ("Armed separatists threatened to attack Nigeria's oil installations.", "Armed separatists", "Nigeria"),
        # encyclopaedia prose: the target named by a description only
        ("In 1989 the Chinese army dispersed student protesters in Beijing.", "Chinese army", "student protesters"),
        # think-tank analysis
        ("Iran has long warned opposition activists that dissent will be punished.", "Iran", "opposition activists"),
    ],
)
def test_a_side_named_by_a_description_keeps_only_implied_evidence(extract, text, source, target):
    """Where a dyad's other side is named, a side that a noun phrase only describes is read as
    the event rules read it, with implied evidence: it claims no name of the text."""
    result = extract(text)
    at = {name: text.index(name) for name in (source, target)}

    def found(key: str, name: str) -> bool:
        ent = result.entities.get(key)
        return ent is not None and any(m.start <= at[name] + len(name) - 1 and at[name] < m.end for m in ent.mentions)

    assert any(found(d.source, source) and found(d.target, target) for d in result.interactions)
    described = [m for e in result.entities.values() for m in e.mentions if m.rule == "implied:described_side"]
    assert described and not any(m.rule == "np_actor" and m.start == d.start for e in result.entities.values() for m in e.mentions for d in described)


@pytest.mark.parametrize(
    "text, source, target",
    [
        # wire copy
        ("FMLN guerrillas attacked an army garrison in eastern El Salvador overnight.", "FMLN", "army garrison"),
        # encyclopaedia prose
        ("In 1994 Tanzanian troops shelled militia camps across the border.", "Tanzanian", "militia camps"),
        # think-tank analysis
        ("Turkey will likely continue striking militia positions in northern Syria.", "Turkey", "militia positions"),
    ],
)
def test_the_owner_a_description_of_a_military_thing_names(extract, text, source, target):
    """What belongs to an armed side that only a description names ("an army garrison") is
    that side, read as the event rules read the description."""
    result = extract(text)
    at = {name: text.index(name) for name in (source, target)}

    def found(key: str, name: str) -> bool:
        ent = result.entities.get(key)
        return ent is not None and any(m.start < at[name] + len(name) and at[name] < m.end for m in ent.mentions)

    assert any(found(d.source, source) and found(d.target, target) for d in result.interactions)
