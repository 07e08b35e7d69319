"""Scores of the extraction on hand-coded articles (``tests/fixtures/articles/expected.json``):
event nodes per real event, events dated right, events read from non-story zones or from
background and outlook sentences, claims on their events, event places outside the focus.

An extracted event is matched to the expected event one of whose ``mentions`` phrases lies in a
sentence the extracted event cites as evidence; an expected event's date is judged on the
extracted event that cites most of its phrases (of those citing as many, the one whose
triggers lie in most of them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .document import read_document
from .geo import locate
from .records import DocResult, Event


@dataclass
class ArticleScores:
    """Counts over a set of articles; the figures are properties."""

    real_events: int = 0
    event_nodes: int = 0
    matched_nodes: int = 0
    dated_right: int = 0
    zone_events: list[str] = field(default_factory=list)  # "doc: sentence" of events from non-story zones
    not_event_events: list[str] = field(default_factory=list)  # events from background/outlook text
    claims_expected: int = 0
    claims_right: int = 0
    claims_elsewhere: list[str] = field(default_factory=list)
    places_outside: list[str] = field(default_factory=list)
    outlets_as_places: list[str] = field(default_factory=list)  # names of outlets, bases, people read as places
    wrong_dates: list[str] = field(default_factory=list)
    tolls_expected: int = 0
    tolls_right: int = 0  # the highest toll reported, on the event that cites the most of its phrases

    @property
    def nodes_per_event(self) -> float:
        return self.event_nodes / self.real_events if self.real_events else 0.0

    @property
    def dated_share(self) -> float:
        return self.dated_right / self.real_events if self.real_events else 0.0

    def lines(self) -> list[str]:
        """The figures, one a line."""
        return [
            f"event nodes per real event   {self.nodes_per_event:.2f}  ({self.event_nodes} nodes, {self.matched_nodes} matched, {self.real_events} real events)",
            f"real events dated right      {self.dated_share:.2f}  ({self.dated_right}/{self.real_events})",
            f"events from non-story zones  {len(self.zone_events)}",
            f"events from background/outlook sentences  {len(self.not_event_events)}",
            f"claims on their events       {self.claims_right}/{self.claims_expected} (claims on other events: {len(self.claims_elsewhere)})",
            f"highest tolls right          {self.tolls_right}/{self.tolls_expected}",
            f"event places outside focus   {len(self.places_outside)}",
            f"outlets/people read as places {len(self.outlets_as_places)}",
        ]


def _matches(event: Event, phrases: Iterable[str]) -> int:
    """How many of ``phrases`` lie in a sentence the event cites."""
    return sum(1 for p in phrases if any(p in ev.sentence for ev in event.evidence))


def _anchored(event: Event, phrases: Iterable[str]) -> int:
    """How many of ``phrases`` hold the trigger of the event's evidence (of two events told by
    one sentence, 'the raid came two days after a bomb hit a truck', both cite the sentence; the
    bomb's phrase holds the trigger of the bomb's event only)."""
    return sum(
        1
        for p in phrases
        for ev in event.evidence
        if (at := ev.sentence.find(p)) >= 0 and at <= ev.start - ev.sentence_start < at + len(p)
    )


def _date_right(event: Event, expected: dict) -> bool:
    """The event's date falls in the span the text allows; an event the text leaves undated
    (``date`` null) is right only when it carries no date either."""
    if expected["date"] is None or event.date is None:
        return expected["date"] is None and event.date is None
    first = date.fromisoformat(expected["date"])
    last = date.fromisoformat(expected.get("date_range", [expected["date"]] * 2)[-1])
    return first <= event.date <= last


def score_article(result: DocResult, expected: dict, scores: ArticleScores) -> None:
    """Add one article's counts to ``scores``."""
    name = expected["id"]
    reading = read_document(result.document.text, result.document)
    scores.real_events += len(expected["events"])
    scores.event_nodes += len(result.events)
    for event in result.events:
        if any(ev.sentence_start >= 0 and not reading.is_content(ev.start, ev.end) for ev in event.evidence):
            scores.zone_events.append(f"{name}: {event.evidence[0].sentence[:80]}")
        if any(z["text"] in ev.sentence or ev.sentence in z["text"] for z in expected["not_events"] for ev in event.evidence[:1]):
            scores.not_event_events.append(f"{name}: {event.evidence[0].sentence[:80]}")
        if event.place:
            where = locate(result, event.place)
            iso = where.country.country if where.country is not None else where.country_code
            if iso and iso not in expected["focus_countries"]:
                scores.places_outside.append(f"{name}: {result.entities[event.place].label} ({iso})")
    not_places = {n.lower() for n in expected["not_places"]}
    for key, ent in result.entities.items():
        if key.startswith("place:") and ent.label.lower() in not_places:
            scores.outlets_as_places.append(f"{name}: {ent.label}")
    claimed_right: list[Event] = []  # the claimed events that are an expected claimed event
    for gold in expected["events"]:
        mine = sorted((e for e in result.events if _matches(e, gold["mentions"])), key=lambda e: (-_matches(e, gold["mentions"]), -_anchored(e, gold["mentions"])))
        scores.matched_nodes += len(mine)
        if mine and _date_right(mine[0], gold):
            scores.dated_right += 1
        else:
            scores.wrong_dates.append(f"{name}: {gold['date']} got {mine[0].date if mine else 'no event'}")
        if gold["fatalities"] is not None:
            scores.tolls_expected += 1
            scores.tolls_right += bool(mine) and (mine[0].fatalities or 0) == gold["fatalities"]
        if gold.get("claimant"):
            scores.claims_expected += 1
            claimed = [e for e in result.events if e.claims and e in mine]
            scores.claims_right += bool(claimed)
            claimed_right += claimed
    scores.claims_elsewhere += [f"{name}: {e.evidence[0].sentence[:60]}" for e in result.events if e.claims and e not in claimed_right]
