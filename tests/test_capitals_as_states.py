"""A capital the text names as who backs an actor stands for its state, though the town is a
place the gazetteers know (the full pipeline; sentences written for these tests)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "backed", "backer"),
    [
        ("The Kurdish-led SDF, backed by Washington, pushed into the last Islamic State enclave on Saturday.", "actor:sdf", "country:US"),
        ("Hezbollah, armed and funded by Tehran since the 1980s, is the most powerful non-state force in Lebanon.", "actor:hezbollah", "country:IR"),
    ],
)
def test_a_capital_backing_an_actor_is_its_state(extract, text, backed, backer):
    result = extract(text)
    assert any(r.prop == "backedBy" and r.subject == backed and r.object == backer for r in result.relations), [(r.prop, r.subject, r.object) for r in result.relations]
