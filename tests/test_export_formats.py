"""Exports on the hand-made graph: the events CSV has every column of ACLED's public export in its
order and types (then armedkg's own), GeoJSON numbers are numbers and events and places come as
separate layers, JSON-LD has an @context, GraphML and GEXF carry confidence, coordinates, QIDs,
fatalities and edge dates, and no networkx_key."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from queries.export import export

from .handmade import handmade_store

# ACLED's public export, typed out here from its codebook (2023 columns), not imported from the code.
ACLED = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 inter1 "
    "actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 location latitude "
    "longitude geo_precision source source_scale notes fatalities tags timestamp"
).split()
INTEGERS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities", "timestamp"}
DECIMALS = {"latitude", "longitude"}


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    path = tmp_path_factory.mktemp("csv") / "events.csv"
    assert export(handmade_store(), "events-csv", path) == 2
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        return header, {r["event_id"]: r for r in reader}


def test_export_events_csv_has_every_acled_column_in_order_and_type(rows):
    header, by_id = rows
    assert header[: len(ACLED)] == ACLED
    assert {"event_id", "doc_id", "claimed_by", "according_to", "evidence", "fatalities_known"} <= set(header[len(ACLED) :])
    for row in by_id.values():
        for column in INTEGERS:
            assert re.fullmatch(r"-?\d+|", row[column]), (column, row[column])
        for column in DECIMALS:
            assert re.fullmatch(r"-?\d+\.\d+|", row[column]), (column, row[column])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}|", row["event_date"])
        assert row["fatalities"] != ""  # ACLED writes 0 when no figure is reported


def test_export_events_csv_values_of_the_hand_made_events(rows):
    _, by_id = rows
    attack, clash = by_id["event/d1/1"], by_id["event/d2/1"]
    expected = {
        "event_date": "2021-03-01", "year": "2021", "time_precision": "1", "disorder_type": "Political violence",
        "event_type": "Violence against civilians", "sub_event_type": "Attack", "actor1": "Islamic State", "inter1": "2",
        "actor2": "Civilians (Syria)", "inter2": "7", "interaction": "27", "civilian_targeting": "Civilian targeting",
        "iso": "760", "region": "Middle East", "country": "Syria", "admin1": "Daraa", "location": "Tafas",
        "latitude": "32.73", "longitude": "36.07", "geo_precision": "1", "source": "Desk Wire", "fatalities": "3",
        "timestamp": str(int(datetime(2021, 3, 2, tzinfo=timezone.utc).timestamp())), "doc_id": "d1", "fatalities_known": "true",
    }  # fmt: skip
    assert {k: attack[k] for k in expected} == expected
    assert re.fullmatch(r"SYR\d+", attack["event_id_cnty"])
    assert attack["notes"].startswith("Fighters of ISIS attacked civilians in Tafas")
    # The undated clash: no figure reported, so 0 as ACLED writes it, and fatalities_known says so.
    assert (clash["fatalities"], clash["fatalities_known"], clash["event_date"], clash["year"]) == ("0", "false", "", "")
    assert (clash["inter1"], clash["inter2"], clash["interaction"], clash["civilian_targeting"]) == ("8", "2", "28", "")
    assert clash["latitude"] == "" and clash["disorder_type"] == "Political violence"


def test_export_geojson_numbers_and_layers(tmp_path):
    store = handmade_store()
    for fmt in ("geojson", "geojson-events", "geojson-places"):
        export(store, fmt, tmp_path / f"{fmt}.json")
    both = json.loads((tmp_path / "geojson.json").read_text())
    events = json.loads((tmp_path / "geojson-events.json").read_text())["features"]
    places = json.loads((tmp_path / "geojson-places.json").read_text())["features"]
    assert {f["properties"]["kind"] for f in events} == {"event"} and {f["properties"]["kind"] for f in places} == {"place"}
    assert len(both["features"]) == len(events) + len(places) == 1 + 2  # the undated clash has no place
    attack = events[0]["properties"]
    assert attack["fatalities"] == 3 and attack["geo_precision"] == 1 and attack["iso"] == 760 and attack["fatalities_known"] is True
    assert attack["injured"] is None and all(isinstance(c, float) for c in events[0]["geometry"]["coordinates"])
    daraa = next(f["properties"] for f in places if f["properties"]["label"] == "Daraa")
    assert daraa["admin_level"] == 1 and daraa["geonames_id"] is None


def test_export_jsonld_has_a_context_and_reads_back(tmp_path):
    store = handmade_store()
    path = tmp_path / "g.jsonld"
    export(store, "jsonld", path)
    data = json.loads(path.read_text())
    assert data["@context"]["akg"] == "https://w3id.org/armedkg/ontology#"
    assert "akg:fightingAgainst" in path.read_text()  # compact keys, not full IRIs
    assert isomorphic(Graph().parse(path, format="json-ld"), store.union_graph(include_ontology=True))


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_networks_carry_confidence_coordinates_qids_fatalities_dates(tmp_path, fmt, read):
    path = tmp_path / f"g.{fmt}"
    export(handmade_store(), fmt, path)
    assert "networkx_key" not in path.read_text()
    g = read(path)
    by_label = {d["label"]: (n, d) for n, d in g.nodes(data=True)}
    state = by_label["Islamic State"][1]
    assert state["qid"] == "Q2429253" and state["confidence"] == pytest.approx(0.9)
    tafas = by_label["Tafas"][1]
    assert (tafas["lat"], tafas["lon"]) == pytest.approx((32.73, 36.07))
    attack = by_label["Attack by Islamic State at Tafas on 2021-03-01"][1]
    assert attack["fatalities"] == 3 and attack["date"] == "2021-03-01" and attack["lat"] == pytest.approx(32.73)
    assert "fatalities" not in by_label["Armed clash by Wagner Group"][1]  # unknown, not 0
    hostile = g.get_edge_data(by_label["Islamic State"][0], by_label["Syrian Arab Army"][0])
    edge = next(d for d in (hostile.values() if g.is_multigraph() else [hostile]) if d.get("label") == "fighting against")
    assert edge["start_date"] == "2020-01-01" and edge["confidence"] == pytest.approx(0.8) and edge["status"] == "current"
    ids = [e.get("id") for e in ET.parse(path).getroot().iter() if e.tag.endswith("}edge")]
    assert len(set(ids)) == len(ids) == g.number_of_edges()  # one id per edge
