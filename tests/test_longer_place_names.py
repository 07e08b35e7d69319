"""A ruler's country or division that only ends a longer place name ("Fort-de-France", "Alto
Parana") gives way to the whole name, read as the model's place (hand-built entities, no model)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from builder.extraction.mentions.entities import drop_name_fragments
from tests.handbuilt import parsed_doc


@pytest.fixture(scope="module")
def k():
    from builder.extraction.knowledge import load_knowledge

    return load_knowledge()


def _with_ruler_name(text: str, name: str, label: str, key: str):
    doc = parsed_doc(text.split())
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label=label, span_id=key)
    doc.ents = [span]
    return doc


def _ents(doc):
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents]


@pytest.mark.parametrize(
    ("text", "name", "label", "key", "whole"),
    [
        # wire copy: a town whose name ends in a country's
        ("Dockworkers walked out in Fort-de-France on Monday .", "France", "COUNTRY", "country:FR", "Fort-de-France"),
        # an event note: a division of another country whose name ends in a Brazilian state's
        ("Farmers blocked a bridge near Hernandarias ( Alto Parana ) at dawn .", "Parana", "PLACE", "adm1:BR.18", "Alto Parana"),
        # encyclopaedia prose: a town named with a particle, unknown to the gazetteers
        ("The cooperative was founded in Santa Rita del Parana in 1968 .", "Parana", "PLACE", "adm1:BR.18", "Santa Rita del Parana"),
        # analysis: the capital, not the state of its name
        ("Talks resumed in New Delhi after the border incident .", "Delhi", "PLACE", "adm1:IN.07", "New Delhi"),
        # the model took the end of a Brazilian town's name for a person
        ("Squatters occupied a farm near Santo Antonio de Padua ( Rio de Janeiro ) .", "Antonio de Padua", "PERSON", "", "Santo Antonio de Padua"),
    ],
)
def test_the_whole_name_is_the_place(k, text, name, label, key, whole):
    doc = _with_ruler_name(text, name, label, key)
    drop_name_fragments(doc, k)
    assert _ents(doc) == [(whole, "GPE", "")]


@pytest.mark.parametrize(
    ("text", "name", "label", "key"),
    [
        ("Aid convoys reached France and Spain last week .", "France", "COUNTRY", "country:FR"),
        # a compound area of two divisions is no longer name
        ("Shelling hit villages of the Hama-Idlib countryside overnight .", "Idlib", "PLACE", "adm1:SY.12"),
        # a word before that makes no place with it
        ("Militants attacked Northern Idlib again .", "Idlib", "PLACE", "adm1:SY.12"),
        # a person's title: no town, and the particle rule is the ruler's only
        ("The Minister Maria da Silva resigned .", "Silva", "PERSON", ""),
        ("Guards detained Ahmed Jesus at the gate .", "Jesus", "PERSON", ""),
    ],
)
def test_a_name_no_longer_place_ends_stays(k, text, name, label, key):
    doc = _with_ruler_name(text, name, label, key)
    drop_name_fragments(doc, k)
    assert _ents(doc) == [(name, label, key)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fishermen blocked a bridge in A Estrada on Tuesday.", "A Estrada"),
        ("A march ended near O Barco de Valdeorras at noon.", "O Barco"),
        ("Police dispersed a rally in Ourense overnight.", "Ourense"),
    ],
)
def test_a_galician_or_portuguese_article_begins_a_name_after_a_preposition(k, text, name):
    found = [m.group(2) for m in k.rx("toponym_after_cue").finditer(text)]
    assert any(f.startswith(name) for f in found)
    assert "A march" not in found  # the English article at the start of a sentence is no name's


def test_a_estrada_is_the_galician_town(k):
    from builder.extraction.mentions.toponyms import missed_toponyms

    doc = parsed_doc("Farmers blocked a bridge in A Estrada on Tuesday .".split())
    for token in doc:
        token.is_sent_start = token.i == 0  # one sentence
    missed_toponyms(doc, k)
    places = [(m.text, m.key) for m in doc._.armedkg_mentions if m.kind == "place"]
    assert places == [("A Estrada", "place:gn:3119746")]  # A Estrada (Pontevedra), GeoNames 3119746


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dadaab Refugee Camp", True),
        ("Kandahar International Airport", True),
        ("Mosul Dam", True),
        ("Dadaab Camp", True),
        ("Kandahar Provincial Council", False),  # no facility
        ("Zzyzxq Airport", False),  # no town of that name
    ],
)
def test_a_facility_named_after_a_known_town_is_a_place(k, text, expected):
    from builder.extraction.mentions.entities import _facility_of_town

    doc = parsed_doc(text.split())
    assert _facility_of_town(doc, k, text) is expected


def test_a_facility_named_after_its_town_is_placed_at_the_town(extract):
    from builder.evaluate import main_event
    from builder.geo import haversine_km, locate

    result = extract("On 3 April 2022, unknown gunmen shot dead two traders in Dadaab Refugee Camp (Fafi, Garissa).")
    ev = main_event(result)
    where = locate(result, ev.place)
    assert haversine_km(where.lat, where.lon, 0.05, 40.31) < 10  # Dadaab, not the middle of Garissa county


def test_a_headline_and_the_dateline_below_it_are_no_one_name(k):
    import spacy

    from builder.extraction import extensions
    from builder.records import Document

    extensions.register()
    text = "Gunmen ambush a convoy near Palmyra\n\nDamascus, 20 April: gunmen ambushed a convoy."
    doc = spacy.blank("en").make_doc(text)
    doc._.armedkg_document = Document(id="d", text=text)
    extensions.reset(doc)
    start = text.index("Damascus")
    doc.ents = [doc.char_span(start, start + len("Damascus"), label="PLACE", span_id="adm1:SY.13")]
    drop_name_fragments(doc, k)
    assert _ents(doc) == [("Damascus", "PLACE", "adm1:SY.13")]
