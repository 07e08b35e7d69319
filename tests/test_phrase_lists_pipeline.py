"""End-to-end (with the model) cases of test_phrase_lists.py: the rules read by the whole pipeline on
sentences written for these tests, in several styles."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, allies, enemy",
    [
        # wire copy
        ("GAZA, May 2 (Reuters) - Hamas and Islamic Jihad fighters fired rockets at Israeli forces near Khan Younis on Monday, the army said.", ("hamas", "pij"), "forces-il"),
        # encyclopaedia prose
        ("In 2019 Ansar Dine and JNIM fighters attacked Malian soldiers near Boni.", ("ansar-dine", "jnim"), "forces-ml"),
        # analysis
        ("Yet when JNIM and Ansar Dine militants attacked Malian army posts near Boni in 2019, the pattern of the insurgency shifted.", ("jnim", "ansar-dine"), "forces-ml"),
    ],
)
def test_fighters_of_two_groups_are_one_side_of_the_attack(extract, text, allies, enemy):
    found = {(r.prop, r.subject.split(":")[1], r.object.split(":")[1]) for r in extract(text).relations}
    assert {("fightingAgainst", a, enemy) for a in allies} <= found
    assert ("alliedWith", *allies) in found or ("alliedWith", *reversed(allies)) in found
