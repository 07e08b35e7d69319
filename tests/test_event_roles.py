"""Roles of an event read from the clause frame of its trigger (builder.extraction.events.
frame_roles), on Docs built by hand from sentences written for these tests
(``fixtures/event_role_cases.jsonl``, frozen by ``scripts/make_construction_fixtures.py``; no
model). Each case names the trigger word and the actors expected in each role; a role the case
does not list must stay empty of the names it lists elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.extraction import extensions
from builder.extraction.events.frame_roles import frame_roles
from builder.extraction.knowledge import load_knowledge
from builder.records import Event
from tests.test_constructions import read

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "event_role_cases.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
ROLES = ("perpetrators", "assoc_perpetrators", "targets")


def _roles_of(item: dict) -> Event:
    extensions.register()
    doc, _, phrases, frames = read(item, with_frames=True)
    doc._.armedkg_entities = {}
    doc._.armedkg_frames = frames
    trigger = next(t for t in doc if t.text == item["trigger"])
    event = Event(n=1, cls="Attack")
    frame_roles(doc, load_knowledge(None, False, None), event, trigger, phrases, lambda tok: None)
    return event


def _names(keys: list[str], item: dict) -> set[str]:
    """Keys back to the names of the case ("actor:iraqi army" -> "iraqi army"; a country's
    forces -> the country's name as the case wrote it, or "actor:forces-sa" for forces named
    by a nationality word)."""
    out = set()
    for key in keys:
        name = key.split(":", 1)[1]
        if key.startswith("actor:forces-"):  # a country's name as the case wrote it, else the forces' key
            name = next((m["key"].split(":", 1)[1] for m in item["mentions"] if m["kind"] == "country"), key)
        out.add(name)
    return out


@pytest.mark.parametrize("item", CASES, ids=[c["id"] for c in CASES])
def test_event_roles_from_the_trigger_frame(item):
    event = _roles_of(item)
    for role in ROLES:
        expected = {n.lower() for n in item["roles"].get(role, [])}
        assert _names(getattr(event, role), item) == expected, (role, getattr(event, role))


def test_event_roles_cases_cover_several_styles():
    assert len({c["style"] for c in CASES}) >= 3 and len(CASES) >= 8


def test_the_doer_of_another_act_named_by_a_noun_is_left_out_of_the_event():
    # analysis: "The car bomb, which killed seven soldiers in Balcad, has raised fears of a new al-Shabaab offensive."
    from builder.extraction.events.frame_roles import roles_of_other_clauses

    item = next(c for c in CASES if c["id"] == "roles-relcl-harm-analysis")
    extensions.register()
    doc, _, _, frames = read(item, with_frames=True)
    doc._.armedkg_frames = frames
    trigger = next(t for t in doc if t.text == "bomb")
    aside = roles_of_other_clauses(doc, load_knowledge(None, False, None), trigger)
    shabaab = next(t for t in doc if t.text == "Shabaab")
    soldiers = next(t for t in doc if t.text == "soldiers")
    assert shabaab.idx in aside and soldiers.idx not in aside
