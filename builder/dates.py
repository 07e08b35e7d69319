"""Dates in reporting: absolute ("9 May 2020", "August 21", "2020-08-17") and relative to the
publication date ("on Monday", "yesterday", "last week"), each with an ACLED time precision
(1 day, 2 week, 3 month).

:func:`resolve_dates` is the resolver (spans, ranges, parts of months, expressions counted
from another event, unresolved expressions with their reason); the extraction reads event dates
with it (``builder/extraction/events/dating.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .literals import lowered, may_match

MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}


# ---------------------------------------------------------------------------------------------
# Resolution of date expressions against a reference date (issue 17).
#
# Every expression found in a text becomes a :class:`ResolvedDate`: its character span, the span
# of days it allows (``first`` .. ``last``), the day an ACLED coder would write (``value``: the
# day itself, or the middle of a span of a few days or a month) and the ACLED time precision
# (1 a day, 2 a few days up to ten or a week, 3 up to a month). A span longer than a month ("late
# 2021", "last year") keeps ``first`` and ``last`` but has no ``value``: it dates a background
# statement, not an event. An expression that cannot be resolved (no reference date, an impossible
# day, a day counted from another event) says why in ``reason``.
#
# Decisions, for a reference date R (the publication date):
# - A day and month without a year take the year that puts them on or before R + 3 days (an
#   article can announce something for the next days), else the year before.
# - "on Sunday" is the last Sunday on or before R: in an article published on a Sunday it is R
#   itself, as wire style names the day of publication by its weekday rather than "today";
#   "last Sunday" on a Sunday is a week before.
# - "last night" and "overnight" begin on the evening of the day before R: "last night" is that
#   day (precision 1); "overnight" spans that day and R (precision 2, value the day before R).
# - "last week" is Monday to Sunday of the week before R's; "this week"/"earlier this week" is
#   Monday of R's week to R; "the past week" is R - 7 to R; "last month" the calendar month
#   before R's; "earlier this month" the 1st of R's month to the day before R.
# - "early", "mid" and "late" parts of a month are its days 1-10, 11-20 and 21 to the end; of a
#   year its months 1-4, 5-8 and 9-12.
# - "the next day", "two days later", "the day before" are counted from another event's date:
#   they come back unresolved with ``offset`` set (see :func:`shift`).
# ---------------------------------------------------------------------------------------------

FUTURE_TOLERANCE_DAYS = 3
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a couple of": 2, "several": None}
# Each month's name with its abbreviations as one branch, the longest first: the same matches as the
# alternation of every name and then every abbreviation ("January|...|Jan|...|Sept|Sep|..."),
# preferred in the same order, but a text is tried against twelve branches, not twenty-four
# (month names are looked for in every sentence: a third of the time of resolve_dates).
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember|t)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = _DAY.replace("?P<day>", "?P<day2>")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|and)\s*"


@dataclass(frozen=True)
class ResolvedDate:
    """One date expression of a text, resolved against a reference date.

    Attributes:
        start: Offset of the expression in the text.
        end: Offset just past it.
        text: The expression as written.
        kind: What it is: ``absolute``, ``no_year``, ``numeric``, ``range``, ``month``,
            ``part_of_month``, ``year``, ``part_of_year``, ``weekday``, ``relative_day``,
            ``relative_week``, ``relative_month``, ``relative_year``, ``relative_to_event``,
            ``years`` (a span of whole years).
        value: The day to code (``None`` when unresolved or longer than a month).
        first: First day the expression allows.
        last: Last day it allows.
        precision: ACLED time precision (1 day, 2 a few days or a week, 3 a month), or ``None``.
        reason: Why ``value`` is ``None``.
        offset: For ``relative_to_event``: days after (+) or before (-) the anchor event.
    """

    start: int
    end: int
    text: str
    kind: str
    value: date | None = None
    first: date | None = None
    last: date | None = None
    precision: int | None = None
    reason: str | None = None
    offset: int | None = None

    @property
    def resolved(self) -> bool:
        """Whether the expression gives a day to code."""
        return self.value is not None


def precision_of(first: date, last: date) -> int | None:
    """ACLED time precision of a span of days: 1 one day, 2 up to ten days, 3 up to a month."""
    days = (last - first).days + 1
    if days <= 1:
        return 1
    if days <= 10:
        return 2
    if days <= 31:
        return 3
    return None


def _span(match: re.Match, kind: str, first: date, last: date) -> ResolvedDate:
    """A resolved expression covering ``first`` .. ``last`` (its value the middle day)."""
    if last < first:
        first, last = last, first
    precision = precision_of(first, last)
    if precision is None:
        return ResolvedDate(match.start(), match.end(), match.group(0), kind, None, first, last, None, "longer than a month")
    value = first + timedelta(days=(last - first).days // 2)
    return ResolvedDate(match.start(), match.end(), match.group(0), kind, value, first, last, precision)


def _unresolved(match: re.Match, kind: str, reason: str, offset: int | None = None) -> ResolvedDate:
    return ResolvedDate(match.start(), match.end(), match.group(0), kind, reason=reason, offset=offset)


def _month_number(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def infer_year(month: int, day: int, reference: date) -> int | None:
    """The year of a day and month written without one: on or before ``reference`` plus a few days."""
    for year in range(reference.year, reference.year - 5, -1):  # 29 February: back to a leap year
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + timedelta(days=FUTURE_TOLERANCE_DAYS):
            return year
    return None


def _day_month(day: int, month: int, year: int | None, reference: date | None) -> tuple[date | None, str | None]:
    """The date of a day and month, with a year written or inferred; else why not."""
    if year is None:
        if reference is None:
            return None, "no year and no reference date"
        year = infer_year(month, day, reference)
        if year is None:
            return None, "impossible date"
    try:
        return date(year, month, day), None
    except ValueError:
        return None, "impossible date"


def _capitalised(match: re.Match, *groups: str) -> bool:
    """Month and weekday names count only when capitalised ("may 3" is not a date)."""
    return all(match.group(g) is None or match.group(g)[0].isupper() for g in groups if g in match.re.groupindex)


def _h_range(m: re.Match, reference: date | None) -> ResolvedDate | None:
    """ "between 3 and 5 May", "3-5 May 2023", "May 3-5", "30 April to 2 May"."""
    if not _capitalised(m, "month", "month2"):
        return None
    year = int(m["year"]) if m["year"] else None
    month = _month_number(m["month"])
    two_months = "month2" in m.re.groupindex and m["month2"] is not None
    last_month = _month_number(m["month2"]) if two_months else month
    last, why = _day_month(int(m["day2"]), last_month, year, reference)
    if last is None:
        return _unresolved(m, "range", why or "impossible date")
    first_year = last.year - (1 if month > last_month else 0)
    first, why = _day_month(int(m["day"]), month, first_year, None)
    if first is None or first > last:
        return _unresolved(m, "range", why or "range ends before it starts")
    return _span(m, "range", first, last)


def _h_iso(m: re.Match, reference: date | None) -> ResolvedDate | None:
    try:
        day = date(int(m["year"]), int(m["mm"]), int(m["day"]))
    except ValueError:
        return _unresolved(m, "absolute", "impossible date")
    return _span(m, "absolute", day, day)


def _h_numeric(m: re.Match, reference: date | None) -> ResolvedDate | None:
    """ "17/08/2020": day first, as outside the United States; "08/17/2020" when the day is over 12."""
    a, b, year = int(m["day"]), int(m["mm"]), int(m["year"])
    if a <= 12 and b <= 12 and a != b:
        return _unresolved(m, "numeric", "day and month cannot be told apart")
    day, month = (b, a) if b > 12 else (a, b)
    try:
        value = date(year, month, day)
    except ValueError:
        return _unresolved(m, "numeric", "impossible date")
    return _span(m, "numeric", value, value)


def _h_day_month(m: re.Match, reference: date | None) -> ResolvedDate | None:
    """ "3 May 2023", "May 3, 2023", "Tuesday, 13 June", "Aug. 9"."""
    if not _capitalised(m, "month", "weekday"):
        return None
    kind = "absolute" if m["year"] else "no_year"
    value, why = _day_month(int(m["day"]), _month_number(m["month"]), int(m["year"]) if m["year"] else None, reference)
    if value is None:
        return _unresolved(m, kind, why or "impossible date")
    return _span(m, kind, value, value)


def _h_month_year(m: re.Match, reference: date | None) -> ResolvedDate | None:
    if not _capitalised(m, "month"):
        return None
    year, month = int(m["year"]), _month_number(m["month"])
    return _span(m, "month", date(year, month, 1), _month_end(year, month))


def _month_of(month: int, reference: date | None, year: int | None) -> tuple[int, int] | None:
    """(year, month) of a month named without a year: the latest not after the reference's month."""
    if year is not None:
        return year, month
    if reference is None:
        return None
    return (reference.year if month <= reference.month else reference.year - 1), month


_PARTS = {"early": (1, 10), "the beginning of": (1, 10), "the start of": (1, 10), "mid": (11, 20), "the middle of": (11, 20), "late": (21, 31), "the end of": (21, 31)}
_YEAR_PARTS = {"early": (1, 4), "the beginning of": (1, 4), "the start of": (1, 4), "mid": (5, 8), "the middle of": (5, 8), "late": (9, 12), "the end of": (9, 12)}


def _h_part_of_month(m: re.Match, reference: date | None) -> ResolvedDate | None:
    """ "mid-April", "late March 2021", "the end of May"."""
    if not _capitalised(m, "month"):
        return None
    ym = _month_of(_month_number(m["month"]), reference, int(m["year"]) if m["year"] else None)
    if ym is None:
        return _unresolved(m, "part_of_month", "no year and no reference date")
    low, high = _PARTS[m["part"].lower()]
    end = _month_end(*ym)
    return _span(m, "part_of_month", date(ym[0], ym[1], low), min(end, date(ym[0], ym[1], min(high, end.day))))


def _h_month(m: re.Match, reference: date | None) -> ResolvedDate | None:
    """ "in March" (the latest March not after the reference's month)."""
    if not _capitalised(m, "month"):
        return None
    ym = _month_of(_month_number(m["month"]), reference, None)
    if ym is None:
        return _unresolved(m, "month", "no year and no reference date")
    end = _month_end(*ym)
    found = _span(m, "month", date(ym[0], ym[1], 1), min(end, reference) if reference else end)
    # a month named is never more precise than a month, even when the reference cuts it short
    return replace(found, precision=3) if found.precision is not None else found


def _h_part_of_year(m: re.Match, reference: date | None) -> ResolvedDate | None:
    low, high = _YEAR_PARTS[m["part"].lower()]
    year = int(m["year"])
    return _span(m, "part_of_year", date(year, low, 1), _month_end(year, high))


def _h_year(m: re.Match, reference: date | None) -> ResolvedDate | None:
    """ "in 2015", "the 2014 massacre"; whole years: "between 1985 and 2018", "2012-2014"."""
    first = int(m["year"])
    last = int(m["year2"]) if "year2" in m.re.groupindex else first
    if last < first:
        return _unresolved(m, "years", "range ends before it starts")
    return _span(m, "years" if "year2" in m.re.groupindex else "year", date(first, 1, 1), date(last, 12, 31))


def _h_weekday(m: re.Match, reference: date | None) -> ResolvedDate | None:
    """ "on Sunday", "late on Sunday", "last Sunday", "Sunday night": the last such day on or before
    the reference ("last Sunday" on a Sunday: a week before)."""
    if not _capitalised(m, "weekday"):
        return None
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    if re.search(r"\b(next|coming|following|every|each)\s*$", before):
        return None  # a future or habitual day, not a date
    if not m["mod"] and re.match(r"\s+(?:prayers?|services?|mass|sermons?|school|market)\b", m.string[m.end() :], re.I):
        return None  # "after Friday prayers", "Sunday Mass": a weekly service, not a date
    if not m["mod"] and re.search(r"[\"“‘']\s*[A-Z][a-z]+\s+$", m.string[max(0, m.start() - 20) : m.start()]):
        return None  # an incident called "Bloody Friday": a name
    if reference is None:
        return _unresolved(m, "weekday", "no reference date")
    delta = (reference.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
    if delta == 0 and (m["mod"] or "").lower() in ("last", "this past", "past"):
        delta = 7
    day = reference - timedelta(days=delta)
    return _span(m, "weekday", day, day)


_RELATIVE_DAYS = {
    "the day before yesterday": (2, 2),
    "yesterday": (1, 1),
    "last night": (1, 1),
    "overnight": (1, 0),
    "today": (0, 0),
    "earlier today": (0, 0),
    "tonight": (0, 0),
    "this morning": (0, 0),
    "this afternoon": (0, 0),
    "this evening": (0, 0),
}


def _h_relative_day(m: re.Match, reference: date | None) -> ResolvedDate | None:
    if reference is None:
        return _unresolved(m, "relative_day", "no reference date")
    back_first, back_last = _RELATIVE_DAYS[re.sub(r"\s+", " ", m.group(0).lower())]
    first, last = reference - timedelta(days=back_first), reference - timedelta(days=back_last)
    resolved = _span(m, "relative_day", first, last)
    return ResolvedDate(resolved.start, resolved.end, resolved.text, resolved.kind, first, first, last, resolved.precision)


def _weekend_before(reference: date) -> date:
    """The Saturday of the latest weekend that began on or before ``reference``."""
    return reference - timedelta(days=(reference.weekday() - 5) % 7)


def _h_relative_week(m: re.Match, reference: date | None) -> ResolvedDate | None:
    if reference is None:
        return _unresolved(m, "relative_week", "no reference date")
    words = re.sub(r"\s+", " ", m.group(0).lower())
    monday = reference - timedelta(days=reference.weekday())
    if "weekend" in words:
        saturday = _weekend_before(reference)
        if words.startswith("last") and reference.weekday() >= 5:
            saturday -= timedelta(days=7)
        return _span(m, "relative_week", saturday, min(saturday + timedelta(days=1), reference))
    if words in ("last week", "previous week", "the previous week"):
        return _span(m, "relative_week", monday - timedelta(days=7), monday - timedelta(days=1))
    if "past" in words:
        return _span(m, "relative_week", reference - timedelta(days=7), reference)
    return _span(m, "relative_week", monday, reference)  # this week, earlier this week


def _h_relative_month(m: re.Match, reference: date | None) -> ResolvedDate | None:
    if reference is None:
        return _unresolved(m, "relative_month", "no reference date")
    words = re.sub(r"\s+", " ", m.group(0).lower())
    first_of_month = reference.replace(day=1)
    if words in ("last month", "previous month", "the previous month"):
        end = first_of_month - timedelta(days=1)
        return _span(m, "relative_month", end.replace(day=1), end)
    if "past" in words:
        return _span(m, "relative_month", reference - timedelta(days=30), reference)
    if "earlier" in words and reference.day > 1:
        return _span(m, "relative_month", first_of_month, reference - timedelta(days=1))
    return _span(m, "relative_month", first_of_month, reference)


def _h_relative_year(m: re.Match, reference: date | None) -> ResolvedDate | None:
    if reference is None:
        return _unresolved(m, "relative_year", "no reference date")
    year = reference.year - (1 if m.group(0).lower().startswith("last") else 0)
    return _span(m, "relative_year", date(year, 1, 1), min(date(year, 12, 31), reference))


def _h_relative_to_event(m: re.Match, reference: date | None) -> ResolvedDate | None:
    """ "the next day", "two days later", "a day before the raid": counted from another event."""
    words = re.sub(r"\s+", " ", m.group(0).lower())
    sign = -1 if re.search(r"\b(before|earlier|previous|prior)\b", words) else 1
    if re.search(r"\b(same day|later that day|hours later|that day)\b", words):
        return _unresolved(m, "relative_to_event", "counted from another event's date", 0)
    count = re.search(r"\b(\d+|a couple of|a|one|two|three|four|five|six|seven)\b(?= days?\b)", words)
    number = 1 if count is None else (int(count[1]) if count[1].isdigit() else NUMBER_WORDS[count[1]])
    return _unresolved(m, "relative_to_event", "counted from another event's date", sign * (number or 1))


_OPT_YEAR = r"(?:,?\s+" + _YEAR + r")?"
_RANGE_WITH = r"(?:between|from)\s+"  # "between 3 and 5 May": "and" joins two days only after these
_JOIN_WITH = r"\s*(?:-|–|—|and|to|until)\s*"
_JOIN = r"\s*(?:-|–|—|to|until)\s*"
_JOIN_TIGHT = r"\s*(?:-|–)\s*"  # "3 to 5 May" could be a count; "3-5 May" is not
# What the first character of every match of a pattern must be, tested before the pattern (a
# look-ahead: the matches do not change): most patterns begin with a word boundary and optional
# words, so re tried the whole pattern at every word of every sentence; now only at the words
# whose first letter (or digit) can begin a match (half the search time of the patterns below).
# Each class holds the first letters of the pattern's leading words, as the pattern, ignoring case.
_STARTS_DAY = r"(?=\d)"  # _DAY
_STARTS_MONTH = r"(?=[adfjmnos])"  # _MONTH: January ... December and their abbreviations
_STARTS_WEEKDAY_OR_MONTH = r"(?=[adfjmnostw])"  # and Monday ... Sunday
_STARTS_WEEKDAY_THE_OR_DAY = r"(?=[\dfmstw])"  # Monday ... Sunday, "the", _DAY
_STARTS_PART = r"(?=[elmt])"  # early, mid, late, the ...
_STARTS_YEAR = r"(?=[12])"  # _YEAR: 19.. or 20..


def _range_res() -> tuple[tuple[str, str], ...]:
    """Patterns of day ranges: across two months ("30 April to 2 May", "April 30 to May 2") and
    within one ("3-5 May", "May 3-5"), with and without "between"/"from"; each with the name
    that says what a text needs for it (:data:`_NEED_TWO_MONTHS`, :data:`_WORD_GATES`)."""
    bodies = (
        (lambda j: _DAY + r"\s+" + _MONTH + j + _DAY2 + r"\s+" + _MONTH2, _JOIN, "range_months", _STARTS_DAY),
        (lambda j: _MONTH + r"\s+" + _DAY + j + _MONTH2 + r"\s+" + _DAY2, _JOIN, "range_months", _STARTS_MONTH),
        (lambda j: _DAY + j + _DAY2 + r"\s+(?:of\s+)?" + _MONTH, _JOIN_TIGHT, "range_tight", _STARTS_DAY),
        (lambda j: _MONTH + r"\s+" + _DAY + j + _DAY2, _JOIN_TIGHT, "range_tight", _STARTS_MONTH),
    )
    out = []
    for body, bare_join, bare_name, first in bodies:
        with_name = "range_from_months" if bare_name == "range_months" else "range_from"
        out.append((with_name, r"(?=[bf])\b" + _RANGE_WITH + body(_JOIN_WITH) + r"\b" + _OPT_YEAR))
        out.append((bare_name, first + r"\b" + body(bare_join) + r"\b" + _OPT_YEAR))
    return tuple(out)


_PATTERNS_RESOLVE: tuple[tuple[str, re.Pattern, object], ...] = tuple(
    (name, re.compile(rx, re.I), handler)
    for name, rx, handler in (
        *((name, rx, _h_range) for name, rx in _range_res()),
        ("iso", _STARTS_YEAR + r"\b" + _YEAR + r"-(?P<mm>[01]\d)-(?P<day>[0-3]\d)\b", _h_iso),
        ("numeric", _STARTS_DAY + r"\b(?P<day>[0-3]?\d)[/.](?P<mm>[0-3]?\d)[/.]" + _YEAR + r"\b", _h_numeric),
        ("dmy", _STARTS_WEEKDAY_THE_OR_DAY + r"\b(?:(?P<weekday>" + _WEEKDAY + r"),?\s+)?(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?![a-z])" + _OPT_YEAR, _h_day_month),
        ("mdy", _STARTS_WEEKDAY_OR_MONTH + r"\b(?:(?P<weekday>" + _WEEKDAY + r"),?\s+)?" + _MONTH + r"\s+" + _DAY + r"\b(?!\s*(?:-|–|%|per\s*cent|percent))" + _OPT_YEAR, _h_day_month),
        ("part_of_month", _STARTS_PART + r"\b(?P<part>early|mid|late|the beginning of|the start of|the middle of|the end of)[-\s]+" + _MONTH + r"\b(?:\s+" + _YEAR + r")?", _h_part_of_month),
        ("part_of_year", _STARTS_PART + r"\b(?P<part>early|mid|late|the beginning of|the start of|the middle of|the end of)[-\s]+" + _YEAR + r"\b", _h_part_of_year),
        ("month_year", _STARTS_MONTH + r"\b" + _MONTH + r"\s+(?:of\s+)?" + _YEAR + r"\b", _h_month_year),
        ("relative_day", r"\b(?:the\s+day\s+before\s+yesterday|yesterday|last\s+night|overnight|earlier\s+today|today|tonight|this\s+(?:morning|afternoon|evening))\b", _h_relative_day),
        ("relative_to_event", r"\b(?:the\s+(?:next|following|previous|same)\s+(?:day|morning|evening|night)|the\s+day\s+(?:after|before)|later\s+that\s+day|hours\s+later|(?:\d+|a\s+couple\s+of|a|one|two|three|four|five|six|seven)\s+days?\s+(?:later|earlier|after|before|previously|prior))\b", _h_relative_to_event),
        ("weekday", r"\b(?:(?P<mod>last|this\s+past|past|on|early\s+on|late\s+on|early|late)\s+)?(?P<weekday>" + _WEEKDAY + r")(?:\s+(?:night|morning|afternoon|evening))?\b", _h_weekday),
        ("relative_week", r"\b(?:earlier\s+this\s+week|this\s+week|last\s+week|(?:the\s+)?previous\s+week|(?:the\s+|in\s+the\s+)?past\s+week|last\s+weekend|this\s+weekend|(?:over|at|during)\s+the\s+weekend)\b", _h_relative_week),
        ("relative_month", r"\b(?:earlier\s+this\s+month|earlier\s+in\s+the\s+month|this\s+month|last\s+month|(?:the\s+)?previous\s+month|(?:the\s+|in\s+the\s+)?past\s+month)\b", _h_relative_month),
        ("relative_year", r"\b(?:earlier\s+this\s+year|this\s+year|last\s+year)\b", _h_relative_year),
        ("month", r"(?=[bdiosu])\b(?:in|during|since|until|by|of)\s+" + _MONTH + r"\b(?!\s+\d)", _h_month),
        ("years", r"(?=[bdfisu12])\b(?:(?:between|from|in|during|since|until|by)\s+)?" + _YEAR + r"(?:\s*[-–]\s*|\s+(?:and|to|until)\s+)" + _YEAR.replace("<year>", "<year2>") + r"\b", _h_year),
        ("year", r"(?=[bdisu12])(?:\b(?:in|during|since|until|by)\s+|(?<=\bthe ))" + _YEAR + r"\b(?!\s*(?:-|–|%|per\s*cent|percent))", _h_year),  # "in 2015", "the 2014 massacre"
    )
)


# Patterns that cannot match without a digit (a day or a year is part of every match), or
# without a month's name: most sentences have neither, and these patterns are most of the
# search time. A text without one is not searched for them (same matches, fewer searches).
_RANGES = ("range_months", "range_from_months", "range_tight", "range_from")
_NEED_DIGIT = frozenset((*_RANGES, "iso", "numeric", "dmy", "mdy", "part_of_year", "month_year", "years", "year"))
_NEED_MONTH = frozenset((*_RANGES, "dmy", "mdy", "part_of_month", "month_year", "month"))
# A range across two months names two, each a match of _MONTH_WORD of its own (a month's name
# is preceded by a space, a digit, a dash or "to"/"until", none of which a month's name can
# take in): a text with fewer is not searched for them.
_NEED_TWO_MONTHS = frozenset(("range_months", "range_from_months"))
_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(_MONTH.replace("(?P<month>", "(?:"), re.I)
# The same for the words without which the relative expressions cannot match: every weekday
# ends in "day"; each alternative of the others holds one of its words ("hours later", "the
# next morning", "last weekend"). Looked for in the lower-cased text (builder.literals).
_WORD_GATES: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset(("day",)), "weekday"),
    (frozenset(("week",)), "relative_week"),
    (frozenset(("month",)), "relative_month"),
    (frozenset(("year",)), "relative_year"),
    (frozenset(("day", "night", "morning", "afternoon", "evening")), "relative_day"),
    (frozenset(("day", "morning", "evening", "night", "hours")), "relative_to_event"),
    # the day ranges opened by "between" or "from", and those joined by a dash only
    (frozenset(("between", "from")), "range_from"),
    (frozenset(("between", "from")), "range_from_months"),
    (frozenset(("-", "–")), "range_tight"),
)


def resolve_dates(text: str, reference: date | None = None) -> list[ResolvedDate]:
    """Every date expression of ``text`` resolved against ``reference`` (the publication date), in
    text order; expressions that cannot be resolved are kept with their ``reason``.

    Args:
        text: A sentence, a paragraph or a whole document.
        reference: The date relative expressions count from; ``None`` leaves them unresolved.

    Returns:
        Non-overlapping expressions, the longest reading first (a range before its days, "3 May
        2023" before "May 2023").
    """
    found: list[ResolvedDate] = []
    taken: list[tuple[int, int]] = []
    skipped = (set() if _DIGIT.search(text) else set(_NEED_DIGIT)) | (set() if (month := _MONTH_WORD.search(text)) else _NEED_MONTH)
    low = lowered(text)
    skipped |= {name for words, name in _WORD_GATES if not may_match(words, low)}
    if "range_months" not in skipped and _MONTH_WORD.search(text, month.end()) is None:  # fewer than two months named (a range needs one: month is set)
        skipped |= _NEED_TWO_MONTHS
    for name, pattern, handler in _PATTERNS_RESOLVE:
        if name in skipped:
            continue
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            resolved = handler(match, reference)  # type: ignore[operator]
            if resolved is None:
                continue
            found.append(resolved)
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda r: r.start)


def resolve_date(expression: str, reference: date | None = None) -> ResolvedDate:
    """The first date expression of ``expression``; an unresolved one (kind ``none``) when it holds none."""
    found = resolve_dates(expression, reference)
    if found:
        return found[0]
    return ResolvedDate(0, len(expression), expression, "none", reason="not a date expression")


def shift(expression: ResolvedDate, anchor: date) -> ResolvedDate:
    """A ``relative_to_event`` expression ("two days later") counted from the anchor event's date."""
    if expression.offset is None:
        return expression
    day = anchor + timedelta(days=expression.offset)
    return ResolvedDate(expression.start, expression.end, expression.text, expression.kind, day, day, day, 1, None, expression.offset)
