"""An actor's standing at the time of the events told: a gazetteer entry may give the actor a
role for a span of days (``roles`` of ``data/gazetteers/actors.jsonl``: the Taliban are
Afghanistan's state forces from 15 August 2021). Applied before the events are coded, since
the ACLED sub-event depends on whether the doers are state forces (an arrest by them is an
arrest, by anyone else an abduction)."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from ..knowledge import Knowledge
from ..zones import reference_date
from ..extensions import ext


def apply_roles_in_time(doc: Doc, k: Knowledge) -> None:
    """Each actor of the gazetteers with roles in time takes the role it holds on the day of the
    events it takes part in (else of any event of the document, else the reference date)."""
    for key, ent in ext(doc, "armedkg_entities").items():
        entry = k.gaz.actors.get(key.split(":", 1)[1]) if key.startswith("actor:") else None
        if entry is None or not entry.roles:
            continue
        day = _day_of(doc, key)
        role = entry.role_on(day) if day is not None else None
        if role is not None:
            ent.cls, ent.country, ent.inter = role.cls, role.country or ent.country, role.inter


def _day_of(doc: Doc, key: str) -> date | None:
    """The latest day of the events naming ``key``, else of any event, else the reference date."""
    events = ext(doc, "armedkg_events")
    own = [e.date for e in events if e.date and key in e.perpetrators + e.assoc_perpetrators + e.targets + e.victims]
    days = own or [e.date for e in events if e.date]
    return max(days) if days else reference_date(doc)
