"""A country named only as who backs or leads an actor ("Iran-backed militias", "a Rwanda-backed
rebel group") is no side of the sentence's events and casts no vote for the country in focus
(the full pipeline; sentences written for these tests in three styles)."""

from __future__ import annotations

import pytest

from builder.evaluate import main_event


@pytest.mark.parametrize(
    ("text", "backer_forces", "place_country"),
    [
        # wire copy, an event note, analysis
        ("Iran-backed militias shelled Kurdish-held positions near Dhiban on Monday, residents said.", "actor:forces-ir", "SY"),
        ("On 2 May 2024, Rwanda-backed rebels attacked an army post near Rutshuru (North Kivu). Three soldiers were killed.", "actor:forces-rw", "CD"),
        ("Russia-backed fighters ambushed a patrol outside Bakhmut last week, in what analysts describe as a probe of the new defensive line.", "actor:forces-ru", "UA"),
    ],
)
def test_a_backer_named_in_a_compound_is_no_side_and_no_focus(extract, text, backer_forces, place_country):
    result = extract(text)
    ev = main_event(result)
    assert ev is not None, text
    assert backer_forces not in ev.perpetrators + ev.assoc_perpetrators + ev.targets, (ev.perpetrators, ev.targets)
    assert not any(r.prop == "fightingAgainst" and backer_forces in (r.subject, r.object) for r in result.relations)
    place = result.entities.get(ev.place) if ev.place else None
    assert place is not None and place.country == place_country, (ev.place, place and place.country)


@pytest.mark.parametrize(
    ("text", "backed", "backer"),
    [
        ("U.S.-backed Syrian Democratic Forces said on Friday they had detained a senior Islamic State official near Shadadi.", "actor:sdf", "country:US"),
        ("The Kurdish-led fighters, long U.S.-backed, have held Raqqa since 2017; the U.K.-trained commandos of the Iraqi army are another matter.", None, None),
    ],
)
def test_a_hyphen_after_an_abbreviation_is_a_word_of_its_own(nlp, extract, text, backed, backer):
    """"U.S.-backed" is read as "Iran-backed" is: the abbreviation, a hyphen, the participle."""
    words = [t.text for t in nlp.make_doc(text)]
    assert "U.S." in words and "backed" in words
    if backed:
        result = extract(text)
        assert any(r.prop == "backedBy" and r.subject == backed and r.object == backer for r in result.relations)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Joint US-British strikes hit Houthi radar sites near Hodeidah overnight, the Pentagon said.", {"actor:forces-us", "actor:forces-gb"}),
        ("On 3 February 2024, joint U.S.-British air strikes targeted Houthi missile depots near Sanaa.", {"actor:forces-us", "actor:forces-gb"}),
    ],
)
def test_states_joined_in_a_modifier_of_the_act_are_one_side(extract, text, sides):
    """"joint US-British strikes": both states struck; neither fought the other."""
    result = extract(text)
    assert not any(r.prop == "fightingAgainst" and {r.subject, r.object} == sides for r in result.relations)
    hit = {r.subject for r in result.relations if r.prop == "fightingAgainst" and r.object == "actor:houthis"}
    assert sides <= hit, hit
