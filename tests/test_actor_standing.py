"""An actor's standing in time and its parent group, facts of the gazetteers
(builder.extraction.events.standing, builder.extraction.containment.actor_hierarchy), on
hand-built documents (no model). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extraction import terms as T
from builder.extraction.containment import actor_hierarchy
from builder.extraction.events.standing import apply_roles_in_time
from builder.extraction.knowledge import load_knowledge
from builder.extraction.state import ensure_actor
from builder.records import Event, Evidence
from tests.handbuilt import parsed_doc


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _doc_with_event(k, words, actor, day, role="perpetrators", published=None):
    doc = parsed_doc(words, published=published)
    ensure_actor(doc, k, actor)
    ev = Evidence("d", doc.text, 0, 0, len(doc.text), doc.text, "test", 0.9)
    event = Event(n=1, cls=T.ARRESTS, evidence=[ev], date=day)
    getattr(event, role).append(actor)
    doc._.armedkg_events.append(event)
    return doc


def test_taliban_hold_the_state_from_the_fall_of_kabul(k):
    entry = k.gaz.actors["taliban"]
    assert entry.role_on(date(2021, 8, 15)).cls == T.STATE_FORCE
    assert entry.role_on(date(2023, 2, 1)).country == "AF"
    assert entry.role_on(date(2021, 8, 14)) is None


@pytest.mark.parametrize(
    "words, day, cls",
    [
        # wire copy, after the takeover: the doers are the state's forces
        (["Taliban", "fighters", "detained", "two", "reporters", "in", "Kunduz", "."], date(2022, 4, 2), T.STATE_FORCE),
        # encyclopaedia prose, before it: an insurgency
        (["The", "Taliban", "seized", "the", "district", "centre", "in", "2019", "."], date(2019, 7, 1), "RebelGroup"),
        # analysis, no date at all: the entry's own class
        (["The", "Taliban", "are", "said", "to", "hold", "several", "suspects", "."], None, "RebelGroup"),
    ],
)
def test_role_follows_the_day_of_the_events(k, words, day, cls):
    doc = _doc_with_event(k, words, "actor:taliban", day)
    apply_roles_in_time(doc, k)
    ent = doc._.armedkg_entities["actor:taliban"]
    assert ent.cls == cls
    if cls == T.STATE_FORCE:
        assert (ent.country, ent.inter) == ("AF", 1)


def test_role_from_the_reference_date_without_a_dated_event(k):
    doc = _doc_with_event(k, ["Taliban", "officials", "closed", "the", "girls'", "school", "."], "actor:taliban", None, published=date(2022, 3, 23))
    apply_roles_in_time(doc, k)
    assert doc._.armedkg_entities["actor:taliban"].cls == T.STATE_FORCE


@pytest.mark.parametrize("actor", ["actor:dpr-militia", "actor:lpr-militia"])
def test_donbas_militias_are_part_of_the_novorossiya_forces(k, actor):
    doc = parsed_doc(["Separatist", "gunners", "fired", "on", "the", "village", "overnight", "."])
    ent = ensure_actor(doc, k, actor)
    ent.mentions.append(Evidence("d", doc.text, 0, 0, 18, "Separatist gunners", "test", 0.9))
    actor_hierarchy(doc, k)
    rels = [(r.prop, r.subject, r.object) for r in doc._.armedkg_relations]
    assert (T.PART_OF, actor, "actor:naf") in rels
    assert doc._.armedkg_entities["actor:naf"].label == "United Armed Forces of Novorossiya"


def test_an_actor_never_mentioned_gets_no_parent(k):
    doc = parsed_doc(["Shelling", "resumed", "near", "the", "front", "."])
    ensure_actor(doc, k, "actor:dpr-militia")
    actor_hierarchy(doc, k)
    assert doc._.armedkg_relations == []


def test_imbonerakure_are_the_ruling_party_youth_wing(k):
    doc = parsed_doc(["Youth", "league", "members", "beat", "a", "trader", "."])
    ent = ensure_actor(doc, k, "actor:imbonerakure")
    ent.mentions.append(Evidence("d", doc.text, 0, 0, 19, "Youth league members", "test", 0.9))
    actor_hierarchy(doc, k)
    assert (T.PART_OF, "actor:imbonerakure", "actor:cndd-fdd") in [(r.prop, r.subject, r.object) for r in doc._.armedkg_relations]
    assert (ent.cls, ent.country, ent.inter) == ("Militia", "BI", 3)


@pytest.mark.parametrize("name, focus", [("NRF", ["AF"]), ("NAF", ["UA"]), ("DPR", ["UA"])])
def test_short_names_shared_with_others_are_read_only_in_their_country(k, name, focus):
    (entry,) = [e for e in k.gaz.actors.values() if name in e.generic_aliases]
    assert entry.focus_countries == focus and name not in entry.aliases
