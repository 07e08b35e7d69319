"""Answers that do not hide problems: an unknown name is a coded error with suggestions, the short
IRIs the tables print are accepted, a build of nothing fails before loading the model, progress
is a bar on a terminal and sane lines in a pipe, ``show`` takes a store path."""

from __future__ import annotations

import io
import logging

import pytest
from typer.testing import CliRunner

from builder.errors import NameNotFound, UnsupportedInput
from queries.runner import run_query

from .handmade import handmade_store


def test_answers_unknown_actor_and_place_are_coded_with_suggestions():
    store = handmade_store()
    with pytest.raises(NameNotFound, match=r"E044\] no actor named 'Boko Haram' in the store"):
        run_query(store, "actor_profile", {"actor": "Boko Haram"})
    with pytest.raises(NameNotFound, match=r"no place named 'Atlantis'"):
        run_query(store, "events_in_place", {"place": "Atlantis"})
    with pytest.raises(NameNotFound, match=r"Did you mean: Islamic State\?"):
        run_query(store, "actor_profile", {"actor": "Islamic Stat"})
    with pytest.raises(NameNotFound, match=r"Did you mean: Tafas\?"):
        run_query(store, "place_hierarchy", {"place": "Tafs"})
    with pytest.raises(NameNotFound, match=r"no backer named 'Atlantis'"):
        run_query(store, "actors_backed_by", {"backer": "Atlantis"})


def test_answers_a_known_name_with_nothing_to_show_is_an_empty_answer():
    result = run_query(handmade_store(), "events_in_place", {"place": "Daraa", "since": "2030-01-01"})
    assert result.rows == []
    assert run_query(handmade_store(), "actor_profile", {"actor": "isis"}).rows  # an alias, any case


def test_answers_cli_exits_non_zero_on_an_unknown_name(tmp_path):
    from builder.cli import app

    handmade_store(tmp_path / "store")  # written to disk, and closed as the unreferenced store goes
    result = CliRunner().invoke(app, ["query", "actor_profile", "-p", "actor=Boko Haram", "--store", str(tmp_path / "store")])
    assert result.exit_code == 2 and "[E044] no actor named 'Boko Haram'" in result.output


def test_answers_evidence_of_node_takes_the_short_iri_a_table_prints():
    store = handmade_store()
    short = run_query(store, "evidence_of_node", {"node": "place/gn-163806"})
    full = run_query(store, "evidence_of_node", {"node": "https://w3id.org/armedkg/id/place/gn-163806"})
    assert short.rows == full.rows and len(short.rows) == 1


def test_answers_build_of_nothing_fails_before_loading_the_model(tmp_path, monkeypatch):
    import builder.build as build_module

    def no_model(*args, **kwargs):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(build_module, "build_pipeline", no_model)
    with pytest.raises(UnsupportedInput, match=r"E011\] no such file or folder: .*no_such_folder"):
        build_module.build([tmp_path / "no_such_folder"], tmp_path / "store", progress=False)
    assert not (tmp_path / "store").exists()
    (tmp_path / "empty").mkdir()
    report = build_module.build([tmp_path / "empty"], tmp_path / "store", progress=False)  # nothing to read: no model either
    assert report.documents_built == 0


def test_answers_progress_lines_in_a_pipe_are_sane(caplog):
    from builder.build import Progress

    now = [0.0]
    caplog.set_level(logging.INFO, logger="armedkg.build")
    progress = Progress(20, True, every=5.0, stream=io.StringIO(), clock=lambda: now[0])
    now[0] = 8.0  # the model takes 8 s to load
    progress.update(1)
    for _ in range(9):
        now[0] += 1.0
        progress.update(1)
    now[0] += 1.0
    progress.close()
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "build: first document done after 8.0 s (the model loads first)"
    assert "build: 6 of ~20 documents, 1.0 docs/s, about 14 s left" in lines  # rate from the first document, not from the start
    assert lines[-1] == "build: 10 document(s) done in 18.0 s"


def test_answers_progress_is_a_bar_on_a_terminal():
    from builder.build import Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    progress = Progress(6, True, stream=screen)
    for _ in range(6):
        progress.update(1)
    progress.close()
    assert "build: 100%" in screen.getvalue() and "6/6" in screen.getvalue()


def test_answers_show_takes_a_store_path(tmp_path):
    from queries.view import GraphView, show

    handmade_store(tmp_path / "store")  # written to disk, and closed as the unreferenced store goes
    view = show(str(tmp_path / "store"), focus="Islamic State", hops=1)
    assert isinstance(view, GraphView) and "Armed clash by Wagner Group" in {d["label"] for _, d in view.graph.nodes(data=True)}
    assert show(handmade_store(), focus="ISIS", hops=1).graph.number_of_nodes() == view.graph.number_of_nodes()
