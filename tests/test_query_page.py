"""``armedkg serve``'s pages: the query editor at / and the ontology reference at /ontology."""

from __future__ import annotations

import pytest

from .handmade import handmade_store
from .test_endpoint import http, start_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page_server(tmp_path_factory):
    """``armedkg serve`` over the hand-made graph, on disk."""
    path = tmp_path_factory.mktemp("pages") / "store"
    handmade_store(path)  # written to disk, and closed as the unreferenced store goes
    proc, url = start_server(path, "--workers", "1")
    yield url
    proc.terminate()
    proc.wait(10)


def test_query_page_serves_the_ontology_reference(page_server):
    status, headers, body = http(page_server + "/ontology")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    text = body.decode("utf-8")
    assert "<h3>akg:JihadistGroup</h3>" in text and "transnational jihadist ideology" in text
    assert "default-src 'none'" in text  # the page runs no script
    status, _, body = http(page_server + "/")
    assert b'href="/ontology"' in body


def test_query_page_lists_the_named_queries_as_examples(page_server):
    import json
    import re

    from queries.runner import list_queries

    _, headers, body = http(page_server + "/")
    text = body.decode("utf-8")
    config = json.loads(re.search(r'<script type="application/json" id="akg-config">(.*?)</script>', text, re.S).group(1))
    titles = [e["title"].split(":")[0] for e in config["examples"][1:]]
    assert titles == [q.name for q in list_queries()]
    assert "VALUES (?backerName ?backerKey)" in next(e["query"] for e in config["examples"] if e["title"].startswith("actors_backed_by"))
    for name in ("yasgui.min.js", "yasgui.min.css", "query-page.js"):
        status, _, asset = http(page_server + "/assets/" + name)
        assert status == 200 and len(asset) > 100
    assert http(page_server + "/assets/../../setup.cfg")[0] == 404


@pytest.mark.skipif(__import__("queries.browser").browser.chromium_path() is None, reason="Debian chromium not installed")
def test_query_page_editor_runs_a_query_offline_and_shows_a_table(page_server):
    from queries.browser import offline_page

    with offline_page(page_server + "/", allow=(page_server,)) as (page, record):
        assert page.evaluate("document.querySelectorAll('.CodeMirror').length") == 1  # the editor
        assert page.evaluate("document.querySelectorAll('#examples option').length") >= 18
        page.evaluate(
            """akgYasgui.getTab().getYasqe().setValue(
                 'PREFIX akg: <https://w3id.org/armedkg/ontology#>\\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\\n' +
                 'SELECT ?actor ?label WHERE { ?actor a/rdfs:subClassOf* akg:ArmedActor ; rdfs:label ?label } ORDER BY ?label')"""
        )
        assert page.evaluate("document.querySelectorAll('.CodeMirror .cm-keyword').length") >= 3  # SPARQL highlighted
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr table tbody tr td", timeout=20_000)
        cells = page.evaluate("[...document.querySelectorAll('.yasr table tbody td')].map(td => td.textContent)")
        assert any("Islamic State" in c for c in cells) and any("Wagner Group" in c for c in cells)
        assert page.evaluate("document.querySelectorAll('.yasr table tbody tr').length") == 3
        assert record["blocked"] == [], record["blocked"]  # nothing fetched from another host
        assert not [e for e in record["errors"] if "Content Security Policy" in e], record["errors"]
