"""The province written beside a town chooses among its namesakes (GeoNames divisions of every
country, builder.admin; no model)."""

from __future__ import annotations

import pytest
import spacy

from builder.extraction import extensions
from builder.extraction.mentions.provinces import in_provinces, provinces_beside
from builder.gazetteer import PlaceEntry
from builder.records import Document

# Two real namesakes: Valencia in Spain (region of Valencia) and Valencia in Venezuela (Carabobo).
VALENCIA_ES = PlaceEntry("gn:2509954", "Valencia", "PopulatedPlace", "ES", lat=39.47, lon=-0.38, population=800000)
VALENCIA_VE = PlaceEntry("gn:3625549", "Valencia", "PopulatedPlace", "VE", lat=10.16, lon=-68.00, population=1400000)


@pytest.fixture(scope="module")
def k():
    from builder.extraction.knowledge import load_knowledge

    return load_knowledge(None, False, None)


def _span(text: str, name: str):
    extensions.register()
    doc = spacy.blank("en").make_doc(text)
    doc._.armedkg_document = Document(id="t", text=text)
    extensions.reset(doc)
    start = text.index(name)
    return doc, doc.char_span(start, start + len(name))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Workers marched in Valencia (Carabobo) on Monday.", ["Carabobo"]),
        ("Workers marched in Valencia city (Valencia, Carabobo) on Monday.", ["Valencia", "Carabobo"]),
        ("In Valencia, Carabobo, workers marched.", ["Carabobo"]),
        ("Workers marched in Valencia on Monday.", []),
    ],
)
def test_the_names_beside_a_town(k, text, expected):
    doc, span = _span(text, "Valencia")
    assert provinces_beside(doc, k, span) == expected


def test_only_the_namesake_in_the_named_province_is_kept():
    assert in_provinces([VALENCIA_ES, VALENCIA_VE], ["Carabobo"]) == [VALENCIA_VE]
    assert in_provinces([VALENCIA_ES, VALENCIA_VE], ["Valencia Region"]) == [VALENCIA_ES]  # GeoNames: "Valencia"
    assert in_provinces([VALENCIA_ES, VALENCIA_VE], ["Atlantis"]) == []


def test_a_town_the_gazetteers_lack_is_placed_in_the_province_beside_it(k):
    from builder.extraction.mentions.provinces import province_of_unknown_town

    doc, span = _span("Residents of Ibafo (Obafemi-Owode, Ogun) protested on Monday.", "Ibafo")
    province = province_of_unknown_town(doc, k, span, None)
    assert province is not None and province.label == "Ogun" and province.country == "NG"
    assert 6.0 < province.lat < 7.8 and 2.7 < province.lon < 4.6  # Ogun State lies there


def test_a_province_name_of_two_countries_needs_the_focus(k):
    from builder.extraction.mentions.provinces import province_of_unknown_town

    doc, span = _span("Farmers marched in Kotli Khas (Punjab) on Monday.", "Kotli Khas")
    assert province_of_unknown_town(doc, k, span, None) is None  # Punjab of India or of Pakistan
    assert province_of_unknown_town(doc, k, span, "PK").country == "PK"


def test_a_dateline_votes_for_its_country(k):
    from builder.extraction.mentions.votes import _hinted_country, vote_for_focus

    assert _hinted_country(k, "Mozambique") == "MZ"
    assert _hinted_country(k, None) is None
    text = "PEMBA, Mozambique, Aug 9 (Coastline Wire) - Insurgents raided a fishing village on Sunday."
    doc, _span_unused = _span(text, "Insurgents")
    vote_for_focus(doc, k)
    assert doc._.armedkg_focus == "MZ" and doc._.armedkg_place_votes.get("MZ", 0) >= 3
