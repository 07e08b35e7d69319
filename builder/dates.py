"""Dates in reporting: absolute ("9 May 2020", "August 21", "2020-08-17") and relative to the
publication date ("on Monday", "yesterday", "last week"), each with an ACLED time precision
(1 day, 2 week, 3 month)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

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

_MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_PATTERNS = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy", re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+(\d{4}))?\b", re.I)),
    ("mdy", re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", re.I)),
    ("weekday", re.compile(r"\b(?:on|last|this|early|late)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("relday", re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|this evening|last night|the day before yesterday)\b", re.I)),
    ("relweek", re.compile(r"\b(last week|this week|earlier this week|past week|previous week)\b", re.I)),
    ("relmonth", re.compile(r"\b(last month|this month|earlier this month|past month)\b", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    """A resolved date expression: its value, precision and character span in the text."""

    value: date
    precision: int
    start: int
    end: int
    text: str


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    if published is None:
        return None
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        return None
    if candidate > published + timedelta(days=2):
        year -= 1
    return year


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """All date expressions in ``text`` resolved against ``published``, in text order.

    Relative expressions need ``published``; without it they are skipped. A day-month
    without a year takes the publication year (the previous year if that would lie after
    publication).
    """
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            value: date | None = None
            precision = 1
            try:
                if kind == "iso":
                    value = date(int(m[1]), int(m[2]), int(m[3]))
                elif kind in ("dmy", "mdy"):
                    if kind == "dmy":
                        day, month = int(m[1]), MONTHS[m[2].lower().rstrip(".")]
                    else:
                        month, day = MONTHS[m[1].lower().rstrip(".")], int(m[2])
                    if kind == "mdy" and m[1].lower() == "may" and not m[3]:
                        # "may 5" could be the verb; require capital M.
                        if not m.group(0)[0].isupper():
                            continue
                    year = int(m[3]) if m[3] else _infer_year(month, day, published)
                    if year is None:
                        continue
                    value = date(year, month, day)
                elif published is None:
                    continue
                elif kind == "weekday":
                    target = WEEKDAYS[m[1].lower()]
                    delta = (published.weekday() - target) % 7
                    value = published - timedelta(days=delta)
                elif kind == "relday":
                    word = m[1].lower()
                    offset = {"yesterday": 1, "last night": 1, "the day before yesterday": 2}.get(word, 0)
                    value = published - timedelta(days=offset)
                elif kind == "relweek":
                    value = published - timedelta(days=7 if "last" in m[1].lower() or "past" in m[1].lower() or "previous" in m[1].lower() else 0)
                    precision = 2
                elif kind == "relmonth":
                    back = 30 if "last" in m[1].lower() or "past" in m[1].lower() else 0
                    value = published - timedelta(days=back)
                    precision = 3
            except (ValueError, KeyError):
                continue
            if value is None:
                continue
            found.append(DateMention(value, precision, m.start(), m.end(), m.group(0).strip()))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)
