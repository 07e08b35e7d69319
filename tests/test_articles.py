"""The test articles (tests/fixtures/articles) and their expected events agree with each other."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

from builder.readers import iter_documents

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
EXPECTED = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))["articles"]
SUB_EVENT_TYPES = {
    "Armed clash", "Attack", "Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb",
    "Remote explosive/landmine/IED", "Abduction/forced disappearance", "Grenade",
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
STYLES = {"wire", "feature", "brief", "html"}


def _ids(entry: dict) -> str:
    return entry["file"]


def test_articles_set_is_large_and_varied():
    assert len(EXPECTED) >= 12
    assert {a["style"] for a in EXPECTED} == STYLES
    assert sorted(p.name for p in ARTICLES.iterdir() if p.suffix in (".md", ".txt", ".html")) == sorted(a["file"] for a in EXPECTED)


@pytest.mark.parametrize("article", EXPECTED, ids=_ids)
def test_articles_expected_phrases_are_in_the_article(article):
    raw = (ARTICLES / article["file"]).read_text(encoding="utf-8")
    doc = next(iter_documents([ARTICLES / article["file"]]))
    assert doc.id == article["id"]
    for event in article["events"]:
        assert len(event["mentions"]) >= 1
        for phrase in event["mentions"]:
            assert phrase in doc.text, phrase
    for zone in article["not_events"]:
        assert zone["text"] in doc.text or zone["text"] in raw, zone["text"]
    for name in [t["name"] for t in article["homonym_traps"]] + article["not_places"]:
        assert name in doc.text, name


@pytest.mark.parametrize("article", EXPECTED, ids=_ids)
def test_articles_events_are_well_formed(article):
    reference = date.fromisoformat(article["reference_date"])
    assert article["events"] and len(article["focus_countries"]) >= 1
    for event in article["events"]:
        assert event["sub_event_type"] in SUB_EVENT_TYPES
        when = date.fromisoformat(event["date"])
        assert when <= reference and (reference - when).days < 60
        assert event["time_precision"] in (1, 2, 3)
        assert (event["time_precision"] == 1) == ("date_range" not in event)
        if event["fatalities"] is not None:
            assert event["fatalities"] == max(event["fatality_figures"])
        cue = event["date_cue"].lower()
        named = [d for d in WEEKDAYS if re.search(rf"\b{d}\b", cue)]
        if named and "after" not in cue:
            assert WEEKDAYS[when.weekday()] == named[0], (event["date"], cue)


def test_articles_claims_come_after_the_first_telling():
    """Each article claims one of its events in a later paragraph than the one that first tells it."""
    for article in EXPECTED:
        text = next(iter_documents([ARTICLES / article["file"]])).text
        claimed = [e for e in article["events"] if e["claimant"]]
        assert claimed, article["file"]
        for event in claimed:
            first, claim = text.index(event["mentions"][0]), text.index(event["claim_phrase"])
            assert first < claim and "\n\n" in text[first:claim], article["file"]


def test_articles_front_matter_dates_are_the_reference_dates():
    for article in EXPECTED:
        if article["reference_date_from"] == "front matter":
            doc = next(iter_documents([ARTICLES / article["file"]]))
            assert doc.published == date.fromisoformat(article["reference_date"])


def test_articles_date_cues_resolve_to_the_expected_dates():
    """builder.dates resolves each event's own date words (against the reference date) to the
    expected day or span; words counted from another event come back with their offset."""
    from builder.dates import resolve_date, shift

    anchored = 0
    for article in EXPECTED:
        reference = date.fromisoformat(article["reference_date"])
        for event in article["events"]:
            found = resolve_date(event["date_cue"], reference)
            expected = date.fromisoformat(event["date"])
            if found.kind == "relative_to_event":
                # counted from the article's other event: as many days from it as the words say
                (anchor,) = [date.fromisoformat(e["date"]) for e in article["events"] if e is not event]
                assert abs(found.offset) == abs((expected - anchor).days)
                assert shift(found, anchor).value == anchor + timedelta(days=found.offset)
                anchored += 1
            elif "date_range" in event:
                assert (found.first, found.last) == tuple(date.fromisoformat(d) for d in event["date_range"])
            else:
                assert found.value == expected, (article["file"], event["date_cue"])
    assert anchored == 5
