"""A researcher's knowledge through the whole pipeline: ``armedkg kb add`` with a spreadsheet's CSV,
the actors typed and sourced in ``actor_profile`` and in the view, SHACL provenance, and removing
the source gives back the graph built without it (graphs compared as graphs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from builder.build import build
from builder.errors import KnowledgeChanged
from builder.knowledge.api import add_file, remove
from builder.store import Store

# Three actors written for this test: Macawisley (Ma'awisley), clan militias of central Somalia
# that fought al-Shabaab beside the Somali army in 2022; the Danab brigade of the Somali National
# Army; Ahlu Sunna Wal Jama'a, a Sufi militia of Galmudug. None is in data/gazetteers.
ACTORS_CSV = """name,aliases,class,country,inter,parent,source
Macawisley,Ma'awisley; Macawisley militia,Militia,Somalia,4,,researcher's list of Somali clan militias
Danab Brigade,Danab,StateForce,SO,1,Somali Armed Forces,researcher's list
Ahlu Sunna Wal Jama'a,ASWJ,Militia,SO,3,,researcher's list
"""
# News-style paragraphs written for this test; the events are illustrative, not reports.
ARTICLE = """Clan fighters join offensive in central Somalia

Macawisley militiamen fought alongside the Somali National Army against al-Shabaab near Bulo Burte
in Hiiraan region on Monday, elders said. Soldiers of the Danab Brigade joined the operation later.

In Galmudug, fighters of Ahlu Sunna Wal Jama'a clashed with al-Shabaab in Guriel, residents said.
"""
OTHER = """Shelling in Idlib

Syrian government forces shelled the town of Kafr Nabl in southern Idlib on Tuesday, killing two civilians.
"""


def _graphs(store: Store) -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    for quad in store.iter_quads():
        from builder.store import from_ox

        graph = out.setdefault(quad.graph_name.value, Graph())
        graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    return out


def _profile(store: Store, name: str) -> set[tuple[str, str]]:
    from queries.runner import run_query

    return {(row[0], str(row[2])) for row in run_query(store, "actor_profile", {"actor": name}).rows}


def _read_in_text(store: Store) -> list[str]:
    """Labels of the actors whose description no knowledge source gives (read in a document)."""
    sparql = (
        "SELECT DISTINCT ?label WHERE { ?x <https://w3id.org/armedkg/ontology#extractedFrom> ?d ; "
        "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label } ORDER BY ?label"
    )
    return [row["label"].value for row in store.query(sparql)]


def _same(a: dict[str, Graph], b: dict[str, Graph]) -> bool:
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "somalia.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "idlib.md").write_text(OTHER, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_knowledge_user_csv_typed_and_sourced_then_removed(nlp, corpus, tmp_path, monkeypatch):
    from builder.nlp import build_pipeline
    from ontology.reasoning import validate
    from queries.view import write_view

    monkeypatch.setenv("ARMEDKG_KB_DIR", str(tmp_path / "library"))
    store = Store(tmp_path / "store")
    build([corpus], store, nlp=nlp, progress=False, kb=("*",))
    before = _graphs(store)

    csv = tmp_path / "somali actors.csv"
    csv.write_text(ACTORS_CSV, encoding="utf-8")
    report = add_file(csv)
    assert report.stored and report.counts["actors"] == 3
    with_kb = build([corpus], store, nlp=build_pipeline(kb=("*",)), progress=False, kb=("*",))
    assert with_kb.documents_built == 2  # the knowledge changed: every document extracted again
    assert not _same(_graphs(store), before)

    for name, cls in (("Macawisley", "Militia"), ("Danab Brigade", "State force"), ("ASWJ", "Militia")):
        rows = _profile(store, name)
        assert ("type", cls) in rows, rows
        assert ("source", "somali-actors (User knowledge)") in rows, rows
    assert ("citation", "researcher's list") in _profile(store, "Danab")
    assert ("source", "curated (Curated knowledge)") in _profile(store, "al-Shabaab")
    read = _read_in_text(store)
    assert read, "no actor of these articles is read in the text alone"
    assert any(aspect == "source" and label.startswith("read in document") for aspect, label in _profile(store, read[0]))

    page = tmp_path / "view.html"
    write_view(store, page)
    html = page.read_text(encoding="utf-8")
    for label in ("Macawisley", "Danab Brigade", "Ahlu Sunna Wal Jama'a"):
        assert label in html
    assert "source: somali-actors" in html
    assert validate(store.union_graph()).conforms

    remove("somali-actors")
    build([corpus], store, nlp=nlp, progress=False, kb=("*",))
    assert _same(_graphs(store), before)  # removing the source gives back the graph without it


@pytest.mark.slow
def test_knowledge_change_with_documents_not_given_is_refused(nlp, corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("ARMEDKG_KB_DIR", str(tmp_path / "library"))
    store = Store(tmp_path / "store")
    build([corpus], store, nlp=nlp, progress=False)
    csv = tmp_path / "k.csv"
    csv.write_text(ACTORS_CSV, encoding="utf-8")
    add_file(csv)
    with pytest.raises(KnowledgeChanged, match=r"\[E089\].*1 document"):
        build([corpus / "somalia.md"], store, nlp=nlp, progress=False, kb=("*",))
    build([corpus / "somalia.md"], store, nlp=nlp, progress=False, kb=("*",), rebuild=True)
    assert [g for g in store.named_graphs() if "/graph/doc/" in g] == [g for g in store.named_graphs() if g.endswith("doc/somalia")]
