"""Every export format of DESIGN.md, read back with the tool a researcher would use."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF

from queries.export import export

from .conftest import FIXTURES, SAMPLES

pytestmark = pytest.mark.slow
AKG = "https://w3id.org/armedkg/ontology#"

# The column list of DESIGN.md, typed out again here on purpose (not imported from the code).
DESIGN_COLUMNS = (
    "event_id, doc_id, event_date, time_precision, event_type, sub_event_type, actor1, assoc_actor_1, inter1, "
    "actor2, assoc_actor_2, inter2, country, admin1, admin2, location, latitude, longitude, geo_precision, "
    "fatalities, injured, claimed_by, according_to, evidence"
).split(", ")


@pytest.fixture(scope="module")
def reference(sample_store):
    return sample_store.union_graph(include_ontology=True)


@pytest.mark.parametrize("fmt,parse_as", [("turtle", "turtle"), ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_export_rdf_round_trip_is_isomorphic(sample_store, reference, tmp_path, fmt, parse_as):
    path = tmp_path / f"out.{fmt}"
    export(sample_store, fmt, path)
    back = Graph().parse(path, format=parse_as)
    if fmt == "rdfxml":  # the Protégé export adds owl:NamedIndividual declarations and writes dates as midnight xsd:dateTime
        from ontology.reasoning import owl2_datatypes

        reference = owl2_datatypes(reference)
        for node in list(back.subjects(RDF.type, OWL.NamedIndividual)):
            if str(node).startswith("https://w3id.org/armedkg/id/"):
                back.remove((node, RDF.type, OWL.NamedIndividual))
    from rdflib.compare import graph_diff

    _, only_back, only_ref = graph_diff(back, reference)
    assert isomorphic(back, reference), (sorted(only_back)[:3], sorted(only_ref)[:3])


def test_export_nquads_keeps_one_graph_per_document(sample_store, reference, tmp_path):
    path = tmp_path / "out.nq"
    export(sample_store, "nquads", path)
    ds = Dataset()
    ds.parse(path, format="nquads")
    from builder.emit import doc_graph

    names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert {str(doc_graph(d)) for d in ("sample-daraa-assassination", "sample-iraq-rocket-attack")} <= names
    union = Graph()
    for c in ds.graphs():
        for t in c:
            union.add(t)
    assert isomorphic(union, reference)


@pytest.mark.parametrize("fmt,read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_networks_load_in_networkx_with_labels_and_types(sample_store, tmp_path, fmt, read):
    path = tmp_path / f"out.{fmt}"
    n = export(sample_store, fmt, path)
    g = read(path)
    assert g.number_of_nodes() == n > 50 and g.number_of_edges() > 50
    by_label = {d["label"]: d for _, d in g.nodes(data=True)}
    assert by_label["Kata'ib Hezbollah"]["type"] == "Militia"
    assert by_label["Iran"]["type"] == "Country"
    kh = next(node for node, d in g.nodes(data=True) if d["label"] == "Kata'ib Hezbollah")
    iran = next(node for node, d in g.nodes(data=True) if d["label"] == "Iran")
    assert any(d.get("label") == "backed by" for d in g.get_edge_data(kh, iran).values())


def test_export_geojson_carries_events_and_places(sample_store, tmp_path):
    path = tmp_path / "out.geojson"
    export(sample_store, "geojson", path)
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection"
    for f in data["features"]:
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    kinds = {f["properties"]["kind"] for f in data["features"]}
    assert kinds == {"event", "place"}
    # Tafas (Daraa, Syria) lies near 32.74 N 36.07 E: the killing there is placed within 0.1 degree.
    tafas = [f for f in data["features"] if f["properties"]["kind"] == "event" and f["properties"]["doc_id"] == "sample-daraa-assassination"]
    lon, lat = tafas[0]["geometry"]["coordinates"]
    assert abs(lat - 32.74) < 0.1 and abs(lon - 36.07) < 0.1


def test_export_events_csv_follows_design_columns(sample_store, tmp_path):
    path = tmp_path / "events.csv"
    export(sample_store, "events-csv", path)
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert set(DESIGN_COLUMNS) <= set(reader.fieldnames)  # beside ACLED's own (tests/test_export_formats.py)
        rows = list(reader)
    daraa = [r for r in rows if r["doc_id"] == "sample-daraa-assassination"]
    assert len(daraa) == 1
    row = daraa[0]
    # Checked by hand against data/samples/06_daraa_assassination.md.
    assert (row["event_type"], row["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert (row["event_date"], row["country"], row["admin1"], row["fatalities"]) == ("2021-06-01", "Syria", "Daraa", "1")
    assert row["according_to"] == "local activists"
    assert "Khaled al-Zoubi" in row["evidence"]
    idlib = [r for r in rows if r["doc_id"] == "sample-idlib-airstrikes" and r["sub_event_type"] == "Air/drone strike"]
    assert idlib[0]["actor1"] == "Russian Armed Forces" and idlib[0]["inter1"] == "1" and idlib[0]["fatalities"] == "3"
    for r in rows:  # ACLED inter codes 1-8, 0 for no actor, or empty (an actor whose code is unknown)
        assert r["inter1"] in {"", *map(str, range(0, 9))} and r["inter2"] in {"", *map(str, range(0, 9))}


def test_export_mentions_jsonl_offsets_point_at_the_text(sample_store, tmp_path):
    from builder.readers import ReadReport, iter_documents

    texts = {d.id: d.text for d in iter_documents([SAMPLES, FIXTURES / "articles.jsonl"], ReadReport())}
    path = tmp_path / "mentions.jsonl"
    n = export(sample_store, "mentions-jsonl", path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == n == len(texts)
    ontology = Graph().parse(str(SAMPLES.parents[1] / "ontology" / "armed_actors.ttl"))
    declared = {str(s) for s in ontology.subjects(RDF.type, None)}
    for rec in lines:
        assert set(rec) == {"doc_id", "entities", "relations"}
        text = texts[rec["doc_id"]]
        for e in rec["entities"]:
            assert set(e) == {"text", "start", "end", "type", "iri", "label"}
            assert text[e["start"] : e["end"]] == e["text"]
            assert AKG + e["type"] in declared
        for r in rec["relations"]:
            assert set(r) == {"type", "source", "target", "source_iri", "target_iri", "evidence"}
            assert AKG + r["type"] in declared and r["evidence"] in text
    iraq = next(rec for rec in lines if rec["doc_id"] == "sample-iraq-rocket-attack")
    assert ("backedBy", "Kata'ib Hezbollah", "Iran") in {(r["type"], r["source"], r["target"]) for r in iraq["relations"]}


def test_export_unknown_format_is_a_coded_error(sample_store, tmp_path):
    from builder.errors import ExportError

    with pytest.raises(ExportError, match=r"\[E070\].*graphml"):
        export(sample_store, "xlsx", tmp_path / "x")


def test_export_an_event_with_its_own_point_is_drawn_there(tmp_path):
    """An event in "the southern countryside of Idlib" at a village the gazetteer lacks has its
    own estimated point: the CSV and GeoJSON rows carry it, and it is not drawn again as a place."""
    from builder.build import build
    from builder.geo import haversine_km
    from builder.store import Store

    text = tmp_path / "note.txt"
    text.write_text("On 3 May 2021, regime artillery shelled Hazarin village in the southern countryside of Idlib.\n", encoding="utf-8")
    store = Store(tmp_path / "store")
    build([text], store, progress=False)
    out = tmp_path / "out.geojson"
    export(store, "geojson", out)
    features = json.loads(out.read_text())["features"]
    events = [f for f in features if f["properties"]["kind"] == "event"]
    assert len(events) == 1
    lon, lat = events[0]["geometry"]["coordinates"]
    idlib = next(f for f in features if f["properties"]["kind"] == "place" and f["properties"]["label"] == "Idlib")
    ilon, ilat = idlib["geometry"]["coordinates"]
    assert haversine_km(lat, lon, ilat, ilon) == pytest.approx(20, abs=0.5) and lat < ilat
    assert not any(f["properties"]["kind"] == "place" and f["properties"].get("id") == events[0]["properties"]["event_id"] for f in features)
    csv_path = tmp_path / "events.csv"
    export(store, "events-csv", csv_path)
    row = next(csv.DictReader(csv_path.open(encoding="utf-8")))
    assert (float(row["latitude"]), float(row["longitude"])) == pytest.approx((lat, lon), abs=1e-3)
