"""Property-based tests (hypothesis) on the extraction path: arbitrary Unicode, lengths,
punctuation and numbers never crash, and every graph produced passes SHACL validation.

Each example runs the whole path a document takes in a build: boilerplate removal, spaCy,
the rules, geocoding and RDF emission; then ``armedkg validate``'s check on the result.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.emit import emit
from builder.nlp import process
from builder.records import Document
from ontology.reasoning import validate

pytestmark = pytest.mark.slow

# Pieces of conflict prose mixed into the random text, so the rules fire on odd surroundings.
PHRASES = [
    "Islamic State", "the Syrian army", "Hezbollah", "killed", "at least", "2", "dozens of", "on Monday",
    "in Idlib", "near al-Bab", "claimed responsibility", "Iranian-backed", "commander", "Abu", "Col.",
    "an IED", "airstrikes", "according to", "Amaq", "(", ")", '"', "'", "—", "…", "%", "1,000", "3.5",
    "-12", "\n\n", "Gen.", "al-", "ISIS's", "U.S.-led", "on August 17", "last week", "2020-13-45",
]  # fmt: skip
EXAMPLES = int(os.environ.get("ARMEDKG_HYPOTHESIS_EXAMPLES", "60"))  # more for a thorough run
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

mixed_text = st.lists(st.one_of(st.sampled_from(PHRASES), st.text(min_size=0, max_size=12)), min_size=0, max_size=40).map(" ".join)
unicode_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=400)
numbers_text = st.lists(
    st.one_of(st.integers(-10**12, 10**12).map(str), st.floats(allow_nan=True, allow_infinity=True).map(str), st.sampled_from(PHRASES)),
    max_size=30,
).map(" ".join)
punctuation_text = st.text(alphabet=".,;:!?-—–()[]{}\"'«»“”‘’/\\|@#$%^&*_+=~`<>\n\t ", max_size=300)


def run_path(nlp, text: str, published: date | None) -> None:
    result = next(process(nlp, [Document(id="prop", text=text, published=published)]))
    assert result.error is None, result.error
    graph = emit(result)
    report = validate(graph)
    assert report.conforms, report.text


@SETTINGS
@given(text=mixed_text, published=st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_property_conflict_prose_fragments(nlp, text, published):
    run_path(nlp, text, published)


@SETTINGS
@given(text=unicode_text)
def test_property_arbitrary_unicode(nlp, text):
    run_path(nlp, text, date(2021, 5, 1))


@SETTINGS
@given(text=numbers_text)
def test_property_numbers(nlp, text):
    run_path(nlp, text, date(2021, 5, 1))


@SETTINGS
@given(text=punctuation_text)
def test_property_punctuation(nlp, text):
    run_path(nlp, text, None)


@settings(max_examples=max(10, EXAMPLES // 6), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=st.tuples(mixed_text, unicode_text).map(lambda parts: " ".join(parts) * (6000 // (len(" ".join(parts)) + 1) + 1)))
def test_property_long_texts(nlp, text):
    run_path(nlp, text, date(2021, 5, 1))
