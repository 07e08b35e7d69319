"""Whom a passive clause names is acted on, whatever else the sentence says. "A convoy of
Congolese soldiers and allied Wazalendo militiamen was ambushed": both are targets, the attackers
are unknown (a battle's first side is actor 1 only where the clause does not say who was acted
on). "The base was overrun by X": the tagger may call a passive participle a noun; its passive
auxiliary and its "by" agent make it the verb it is, and X the one who acted. Sentences written
for these tests, end-to-end with the model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, targets",
    [
        # wire copy
        ("GOMA, Congo, March 7 - A convoy of Congolese soldiers and allied Wazalendo militiamen was ambushed near Sake on Friday, leaving nine dead, officials said.", {"actor:forces-cd", "actor:wazalendo"}),
        # a brief's note
        ("A patrol of Somali troops and Kenyan soldiers was attacked near Kismayo on Tuesday, leaving five dead.", {"actor:forces-so", "actor:forces-ke"}),
        # analysis
        ("A column of Ugandan soldiers and Congolese troops was ambushed near Beni last month, an episode that analysts say exposed the limits of their joint operation.", {"actor:forces-ug"}),
    ],
)
def test_those_a_passive_clause_acts_on_are_targets(extract, text, targets):
    events = extract(text).events
    assert events
    for event in events:
        assert not targets & set(event.perpetrators), (event.perpetrators, event.targets)
    assert targets <= {t for e in events for t in e.targets}


@pytest.mark.parametrize(
    "text, doer, done_to",
    [
        ("An al-Shabaab base in Middle Shabelle was overrun by Macawisley clan militias backed by the Somali army, officials said.", "actor:macawisley", "actor:al-shabaab"),
    ],
)
def test_a_passive_participle_the_tagger_calls_a_noun_is_a_verb(extract, text, doer, done_to):
    events = extract(text).events
    assert any(doer in e.perpetrators for e in events), [(e.perpetrators, e.targets) for e in events]
    assert done_to is None or not any(done_to in e.perpetrators for e in events)
