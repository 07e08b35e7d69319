"""Dates: absolute and relative to the publication date, with ACLED time precision."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from builder.dates import resolve_dates

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
        ("Strikes continued last week.", date(2020, 8, 13), 2),  # Monday 10 to Sunday 16 August: the middle day
    ],
)
def test_dates_resolved(text, expected, precision):
    found = resolve_dates(text, PUB)
    assert found and found[0].value == expected and found[0].precision == precision


def test_dates_relative_need_publication_date():
    assert [d.value for d in resolve_dates("Clashes broke out yesterday.", None)] == [None]
    assert resolve_dates("On 3 July 2020, a drone hit a truck.", None)[0].value == date(2020, 7, 3)


def test_dates_may_as_verb_is_not_a_date():
    assert resolve_dates("Fighters may 3 times attack.", PUB) == []


# ---------------------------------------------------------------------------------------------
# resolve_dates: expressions resolved against a reference date (issue 17). Expected values are
# counted by hand on a calendar.
from builder.dates import precision_of, resolve_date, resolve_dates, shift  # noqa: E402

TUE = date(2023, 3, 14)  # a Tuesday
SUN = date(2022, 8, 7)  # a Sunday
NEW_YEAR = date(2024, 1, 2)  # a Tuesday, two days into a year
D = date


@pytest.mark.parametrize(
    "text,reference,value,first,last,precision",
    [
        # absolute dates, all common formats
        ("On 3 July 2020, a drone hit a truck.", TUE, D(2020, 7, 3), D(2020, 7, 3), D(2020, 7, 3), 1),
        ("on July 3, 2020", TUE, D(2020, 7, 3), D(2020, 7, 3), D(2020, 7, 3), 1),
        ("on the 3rd of July 2020", TUE, D(2020, 7, 3), D(2020, 7, 3), D(2020, 7, 3), 1),
        ("dated 2020-07-03", TUE, D(2020, 7, 3), D(2020, 7, 3), D(2020, 7, 3), 1),
        ("on 17/08/2020", TUE, D(2020, 8, 17), D(2020, 8, 17), D(2020, 8, 17), 1),
        ("on Sunday, 12 March 2023", TUE, D(2023, 3, 12), D(2023, 3, 12), D(2023, 3, 12), 1),
        # without a year: on or before the reference (plus three days), else the year before
        ("the 5th of March", TUE, D(2023, 3, 5), D(2023, 3, 5), D(2023, 3, 5), 1),
        ("on March 16", TUE, D(2023, 3, 16), D(2023, 3, 16), D(2023, 3, 16), 1),
        ("on March 20", TUE, D(2022, 3, 20), D(2022, 3, 20), D(2022, 3, 20), 1),
        ("On December 30, a bomb exploded.", TUE, D(2022, 12, 30), D(2022, 12, 30), D(2022, 12, 30), 1),
        ("after nightfall on Tuesday, 13 June", TUE, D(2022, 6, 13), D(2022, 6, 13), D(2022, 6, 13), 1),
        ("PEMBA, Mozambique, Aug. 9", TUE, D(2022, 8, 9), D(2022, 8, 9), D(2022, 8, 9), 1),
        ("on Sept 9", TUE, D(2022, 9, 9), D(2022, 9, 9), D(2022, 9, 9), 1),
        ("on 29 February", TUE, D(2020, 2, 29), D(2020, 2, 29), D(2020, 2, 29), 1),
        ("on December 28", NEW_YEAR, D(2023, 12, 28), D(2023, 12, 28), D(2023, 12, 28), 1),
        ("on January 4", NEW_YEAR, D(2024, 1, 4), D(2024, 1, 4), D(2024, 1, 4), 1),
        ("on January 6", NEW_YEAR, D(2023, 1, 6), D(2023, 1, 6), D(2023, 1, 6), 1),
        # weekdays: the last such day on or before the reference
        ("Gunmen attacked a checkpoint on Sunday.", TUE, D(2023, 3, 12), D(2023, 3, 12), D(2023, 3, 12), 1),
        ("on Tuesday", TUE, TUE, TUE, TUE, 1),
        ("last Tuesday", TUE, D(2023, 3, 7), D(2023, 3, 7), D(2023, 3, 7), 1),
        ("late on Monday", TUE, D(2023, 3, 13), D(2023, 3, 13), D(2023, 3, 13), 1),
        ("on Saturday night", TUE, D(2023, 3, 11), D(2023, 3, 11), D(2023, 3, 11), 1),
        ("on Sunday", SUN, SUN, SUN, SUN, 1),
        ("last Sunday", SUN, D(2022, 7, 31), D(2022, 7, 31), D(2022, 7, 31), 1),
        ("on Saturday", SUN, D(2022, 8, 6), D(2022, 8, 6), D(2022, 8, 6), 1),
        # days relative to the reference
        ("Clashes broke out yesterday.", TUE, D(2023, 3, 13), D(2023, 3, 13), D(2023, 3, 13), 1),
        ("fighting today", TUE, TUE, TUE, TUE, 1),
        ("shelling this morning", TUE, TUE, TUE, TUE, 1),
        ("an attack last night", TUE, D(2023, 3, 13), D(2023, 3, 13), D(2023, 3, 13), 1),
        ("strikes overnight", TUE, D(2023, 3, 13), D(2023, 3, 13), TUE, 2),
        ("the day before yesterday", TUE, D(2023, 3, 12), D(2023, 3, 12), D(2023, 3, 12), 1),
        # weeks and weekends (ACLED precision 2)
        ("Strikes continued last week.", TUE, D(2023, 3, 9), D(2023, 3, 6), D(2023, 3, 12), 2),
        ("earlier this week", TUE, D(2023, 3, 13), D(2023, 3, 13), TUE, 2),
        ("over the weekend", TUE, D(2023, 3, 11), D(2023, 3, 11), D(2023, 3, 12), 2),
        ("at the weekend", SUN, D(2022, 8, 6), D(2022, 8, 6), SUN, 2),
        ("last weekend", SUN, D(2022, 7, 30), D(2022, 7, 30), D(2022, 7, 31), 2),
        ("last week", NEW_YEAR, D(2023, 12, 28), D(2023, 12, 25), D(2023, 12, 31), 2),
        # months (precision 3) and parts of months
        ("earlier this month", TUE, D(2023, 3, 7), D(2023, 3, 1), D(2023, 3, 13), 3),
        ("last month", TUE, D(2023, 2, 14), D(2023, 2, 1), D(2023, 2, 28), 3),
        ("last month", NEW_YEAR, D(2023, 12, 16), D(2023, 12, 1), D(2023, 12, 31), 3),
        ("in March", TUE, D(2023, 3, 7), D(2023, 3, 1), TUE, 3),
        ("in April", TUE, D(2022, 4, 15), D(2022, 4, 1), D(2022, 4, 30), 3),
        ("in December", NEW_YEAR, D(2023, 12, 16), D(2023, 12, 1), D(2023, 12, 31), 3),
        ("in March 2021", TUE, D(2021, 3, 16), D(2021, 3, 1), D(2021, 3, 31), 3),
        ("in mid-April", TUE, D(2022, 4, 15), D(2022, 4, 11), D(2022, 4, 20), 2),
        ("early March", TUE, D(2023, 3, 5), D(2023, 3, 1), D(2023, 3, 10), 2),
        ("late February 2022", TUE, D(2022, 2, 24), D(2022, 2, 21), D(2022, 2, 28), 2),
        # ranges
        ("between 3 and 5 May", TUE, D(2022, 5, 4), D(2022, 5, 3), D(2022, 5, 5), 2),
        ("Between 3 and 5 March, fighters", TUE, D(2023, 3, 4), D(2023, 3, 3), D(2023, 3, 5), 2),
        ("from 28 February to 2 March", TUE, D(2023, 3, 1), D(2023, 2, 28), D(2023, 3, 2), 2),
        ("on March 1-3, 2021", TUE, D(2021, 3, 2), D(2021, 3, 1), D(2021, 3, 3), 2),
        ("1-20 March 2021", TUE, D(2021, 3, 10), D(2021, 3, 1), D(2021, 3, 20), 3),
        ("from December 30 to January 2", NEW_YEAR, D(2023, 12, 31), D(2023, 12, 30), D(2024, 1, 2), 2),
        # absolute dates need no reference
        ("On 3 May 2022 a drone hit a truck.", None, D(2022, 5, 3), D(2022, 5, 3), D(2022, 5, 3), 1),
    ],
)
def test_dates_resolve(text, reference, value, first, last, precision):
    found = resolve_date(text, reference)
    assert (found.value, found.first, found.last, found.precision) == (value, first, last, precision)
    assert found.resolved and found.reason is None
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    "text,reference,reason,first,last",
    [
        ("late 2021", TUE, "longer than a month", D(2021, 9, 1), D(2021, 12, 31)),
        ("in 2019", TUE, "longer than a month", D(2019, 1, 1), D(2019, 12, 31)),
        ("last year", TUE, "longer than a month", D(2022, 1, 1), D(2022, 12, 31)),
        # spans of whole years: a war's or an insurgency's background, never one day
        ("The war killed 450,000 people between 1985 and 2018.", TUE, "longer than a month", D(1985, 1, 1), D(2018, 12, 31)),
        ("From 2014 to 2017 the group held the city.", TUE, "longer than a month", D(2014, 1, 1), D(2017, 12, 31)),
        ("the 2012-2014 offensive", TUE, "longer than a month", D(2012, 1, 1), D(2014, 12, 31)),
        # a year before the noun it dates
        ("The 2014 massacre of Yazidis still shapes politics.", TUE, "longer than a month", D(2014, 1, 1), D(2014, 12, 31)),
        ("since the 2021 coup", TUE, "longer than a month", D(2021, 1, 1), D(2021, 12, 31)),
        ("on 31 April", TUE, "impossible date", None, None),
        ("on 03/07/2020", TUE, "day and month cannot be told apart", None, None),
        ("Clashes broke out yesterday.", None, "no reference date", None, None),
        ("on Sunday", None, "no reference date", None, None),
        ("on 3 May", None, "no year and no reference date", None, None),
        ("two days later", TUE, "counted from another event's date", None, None),
    ],
)
def test_dates_unresolved_say_why(text, reference, reason, first, last):
    found = resolve_date(text, reference)
    assert not found.resolved and found.value is None and found.precision is None
    assert (found.reason, found.first, found.last) == (reason, first, last)


@pytest.mark.parametrize(
    "text", ["Fighters may 3 times attack.", "next Sunday", "every Friday", "3 to 5 soldiers were hurt", "a march on the city", "the Mar Elias camp"]
)
def test_dates_not_date_expressions(text):
    assert resolve_dates(text, TUE) == []
    assert resolve_date(text, TUE).kind == "none"


@pytest.mark.parametrize(
    "text,offset",
    [("the next day", 1), ("The following day", 1), ("two days later", 2), ("3 days after", 3), ("a day before the raid", -1), ("the previous day", -1), ("later that day", 0), ("the same day", 0)],
)
def test_dates_relative_to_event_count_from_the_anchor(text, offset):
    found = resolve_date(text, TUE)
    assert found.kind == "relative_to_event" and found.offset == offset and not found.resolved
    anchored = shift(found, D(2023, 3, 12))
    assert anchored.value == D(2023, 3, 12) + timedelta(days=offset) and anchored.precision == 1


def test_dates_several_in_text_order_without_overlap():
    text = "Rebels attacked on Sunday; two days later, between 14 and 16 March, the army hit back. In March 2021 too."
    found = resolve_dates(text, TUE)
    assert [f.kind for f in found] == ["weekday", "relative_to_event", "range", "month"]
    assert [f.text for f in found] == ["on Sunday", "two days later", "between 14 and 16 March", "March 2021"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.mark.parametrize("days,precision", [(1, 1), (2, 2), (7, 2), (10, 2), (11, 3), (31, 3), (32, None)])
def test_dates_precision_of_a_span(days, precision):
    start = D(2023, 1, 1)
    assert precision_of(start, start + timedelta(days=days - 1)) == precision


@pytest.mark.parametrize(
    "text, found",
    [
        ("Security forces fired on worshippers after Friday prayers in Zahedan.", []),  # a weekly service
        ("Gunmen attacked villagers leaving Sunday Mass.", []),
        ('Rights groups call the massacre "Bloody Friday".', []),  # a name
        ("Gunmen fired on worshippers on Friday, after prayers.", ["on Friday"]),
        ("Two soldiers were killed in Kabul Friday.", ["Friday"]),  # wire style without "on"
    ],
)
def test_a_weekday_that_names_a_service_or_an_incident_is_no_date(text, found):
    assert [d.text for d in resolve_dates(text, date(2025, 10, 16))] == found
