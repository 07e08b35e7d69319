"""Dates: absolute and relative to the publication date, with ACLED time precision."""

from __future__ import annotations

from datetime import date

import pytest

from builder.dates import find_dates

PUB = date(2020, 8, 22)  # a Saturday


@pytest.mark.parametrize(
    "text,expected,precision",
    [
        ("On August 19, the column moved north.", date(2020, 8, 19), 1),
        ("On 3 July 2020, a drone hit a truck.", date(2020, 7, 3), 1),
        ("The attack took place on 2020-08-18.", date(2020, 8, 18), 1),
        ("On December 30, a bomb exploded.", date(2019, 12, 30), 1),  # after publication: last year
        ("Gunmen attacked a checkpoint on Monday.", date(2020, 8, 17), 1),
        ("Clashes broke out yesterday.", date(2020, 8, 21), 1),
        ("Strikes continued last week.", date(2020, 8, 15), 2),
    ],
)
def test_dates_resolved(text, expected, precision):
    found = find_dates(text, PUB)
    assert found and found[0].value == expected and found[0].precision == precision


def test_dates_relative_need_publication_date():
    assert find_dates("Clashes broke out yesterday.", None) == []
    assert find_dates("On 3 July 2020, a drone hit a truck.", None)[0].value == date(2020, 7, 3)


def test_dates_may_as_verb_is_not_a_date():
    assert find_dates("Fighters may 3 times attack.", PUB) == []
