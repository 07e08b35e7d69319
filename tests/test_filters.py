"""--min-confidence, --source, --doc, --since and --until on query, view, map and export, on the
hand-made graph (d1: the Tafas attack, confidence 0.9; d2: the undated Wagner clash, 0.4, and
Wagner's Russian backing, 0.5)."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from typer.testing import CliRunner

from builder.cli import app
from builder.errors import NameNotFound, QueryError
from queries.filters import Filter, apply_filter
from queries.runner import run_query
from queries.view import load_graph

from .handmade import handmade_store


def labels(store) -> set[str]:
    return {d["label"] for _, d in load_graph(store).nodes(data=True)}


def test_filters_empty_filter_is_the_store_itself():
    store = handmade_store()
    assert apply_filter(store, Filter()) == (store, None)


def test_filters_doc_and_source_keep_their_documents_only():
    store = handmade_store()
    d1, report = apply_filter(store, Filter(docs=["d1"]))
    assert (report.documents, report.documents_kept) == (2, 1)
    assert {"Islamic State", "Tafas", "Daraa", "Syria", "Attack by Islamic State at Tafas on 2021-03-01"} <= labels(d1)
    assert not {"Wagner Group", "Russia", "Armed clash by Wagner Group"} & labels(d1)
    d2, _ = apply_filter(store, Filter(sources=["other POST"]))  # a part of the source's name, any case
    assert {"Wagner Group", "Russia", "Islamic State"} <= labels(d2) and "Tafas" not in labels(d2)
    with pytest.raises(QueryError, match="no document passes"):
        apply_filter(store, Filter(docs=["nope"]))


def test_filters_min_confidence_drops_weak_facts_and_what_only_they_mention():
    kept, report = apply_filter(handmade_store(), Filter(min_confidence=0.6))
    assert report.events_left_out == 1
    assert {"Islamic State", "Syrian Arab Army", "Civilians (Syria)", "Tafas"} <= labels(kept)
    assert not {"Wagner Group", "Russia", "Armed clash by Wagner Group"} & labels(kept)
    backed = run_query(kept, "actors_backed_by", {})
    assert backed.rows == []  # the 0.5 backing is gone, and so is its direct edge
    assert not bool(kept.query("ASK { ?s <https://w3id.org/armedkg/ontology#backedBy> ?o }"))


def test_filters_dates_leave_out_undated_events_and_count_them():
    kept, report = apply_filter(handmade_store(), Filter(since=date(2021, 1, 1)))
    assert (report.events_left_out, report.undated_left_out) == (1, 1)
    assert "Armed clash by Wagner Group" not in labels(kept) and "Wagner Group" in labels(kept)  # still mentioned in d2
    none, report = apply_filter(handmade_store(), Filter(until=date(2021, 2, 1)))
    assert report.events_left_out == 2 and not any("Attack" in label for label in labels(none))


def test_filters_on_a_named_query():
    kept, _ = apply_filter(handmade_store(), Filter(docs=["d2"]))
    events = run_query(kept, "events_by_actor", {"actor": "ISIS"})
    assert [row[events.columns.index("event")] for row in events.rows] == ["https://w3id.org/armedkg/id/event/d2/1"]
    with pytest.raises(NameNotFound):  # Tafas is only in d1
        run_query(kept, "events_in_place", {"place": "Tafas"})


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "store"
    handmade_store(path)
    return str(path)


def test_filters_on_the_command_line(disk_store, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["query", "events_by_actor", "-p", "actor=ISIS", "--min-confidence", "0.6", "--store", disk_store, "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("event/") == 1 and "event/d1/1" in result.stdout
    result = runner.invoke(app, ["view", "--doc", "d2", "--store", disk_store, "-o", str(tmp_path / "v.html")])
    assert result.exit_code == 0 and "Tafas" not in (tmp_path / "v.html").read_text() and "Wagner Group" in (tmp_path / "v.html").read_text()
    result = runner.invoke(app, ["map", "--source", "Other Post", "--store", disk_store, "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 0 and "(0 events, 0 places; 1 event without coordinates" in result.stdout
    result = runner.invoke(app, ["export", "-f", "events-csv", "--since", "2021-01-01", "--store", disk_store, "-o", str(tmp_path / "e.csv")])
    assert result.exit_code == 0 and "1 undated" in result.output
    assert [r["event_id"] for r in csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8"))] == ["event/d1/1"]
    result = runner.invoke(app, ["export", "-f", "nquads", "--doc", "nope", "--store", disk_store, "-o", str(tmp_path / "x.nq")])
    assert result.exit_code == 2 and "E040" in result.output
