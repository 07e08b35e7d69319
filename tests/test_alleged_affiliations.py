"""What an accusation says is alleged, not established: an affiliation or a weapon use read
from the complement of "accuse", "blame", "allege", "suspect" gets the status Alleged (the full
pipeline; sentences written for these tests in several styles)."""

from __future__ import annotations

import pytest


def _status(result, prop, subject, obj):
    return {r.status for r in result.relations if r.prop == prop and r.subject == subject and r.object == obj}


@pytest.mark.parametrize(
    ("text", "prop", "subject", "obj"),
    [
        ("ISLAMABAD, May 4 - Pakistan on Sunday accused India of backing the Balochistan Liberation Army.", "backedBy", "actor:bla", "country:IN"),
        ("Kinshasa has repeatedly accused Rwanda of arming the M23, a charge Kigali rejects.", "backedBy", "actor:m23", "country:RW"),
        ("Human Rights Watch accused the Syrian army of using barrel bombs on residential districts of Aleppo.", "usesWeapon", "actor:forces-sy", "weapon:barrel-bomb"),
    ],
)
def test_an_accusation_is_alleged(extract, text, prop, subject, obj):
    assert _status(extract(text), prop, subject, obj) == {"Alleged"}


def test_the_same_fact_stated_is_current(extract):
    result = extract("Rwanda has armed the M23 since 2021, according to a UN report.")
    assert _status(result, "backedBy", "actor:m23", "country:RW") == {"Current"}
