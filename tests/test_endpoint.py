"""`armedkg serve` as a real process, spoken to over HTTP with standard SPARQL clients."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
AKG = "https://w3id.org/armedkg/ontology#"
ACTORS = f"PREFIX akg: <{AKG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?a ?label WHERE {{ ?a a/rdfs:subClassOf* akg:Actor ; rdfs:label ?label }}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Path, *args: str, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    port = free_port()
    cmd = [sys.executable, "-m", "builder.cli", "serve", "--store", str(store), "--port", str(port), *args]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/", timeout=1).read()
            return proc, url
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None:
                raise AssertionError(proc.stdout.read().decode())
            time.sleep(0.1)
    proc.kill()
    raise AssertionError("the server did not start")


@pytest.fixture(scope="module")
def server(sample_store):
    proc, url = start_server(sample_store.location, "--timeout", "3", "--limit", "50")
    yield url
    proc.terminate()
    proc.wait(10)


def http(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get(url: str, query: str, accept: str = "*/*") -> tuple[int, dict, bytes]:
    return http(url + "/sparql?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})


def test_endpoint_sparqlwrapper_select_and_construct(server):
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(ACTORS)
    client.setReturnFormat(JSON)
    labels = {b["label"]["value"] for b in client.query().convert()["results"]["bindings"]}
    assert {"Kata'ib Hezbollah", "National Defence Forces", "Islamic State"} <= labels
    client.setMethod("POST")
    client.setQuery(f"PREFIX akg: <{AKG}> CONSTRUCT {{ ?a akg:backedBy ?b }} WHERE {{ ?a akg:backedBy ?b }}")
    client.setReturnFormat(TURTLE)
    g = Graph().parse(data=client.query().convert(), format="turtle")
    assert len(g) > 0


def test_endpoint_rdflib_sparqlstore(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(server + "/sparql", returnFormat="json")
    labels = {str(row.label) for row in store.query(ACTORS)}
    assert "Ansar Allah" in labels


@pytest.mark.parametrize(
    "accept,check",
    [
        ("application/sparql-results+xml", lambda body: b"<sparql" in body and b"Ansar Allah" in body),
        ("text/csv", lambda body: body.decode().splitlines()[0].strip() == "a,label" and "Ansar Allah" in body.decode()),
        ("text/tab-separated-values", lambda body: body.decode().splitlines()[0].strip() == "?a\t?label"),
        ("application/sparql-results+json", lambda body: json.loads(body)["head"]["vars"] == ["a", "label"]),
    ],
)
def test_endpoint_content_negotiation_select(server, accept, check):
    status, headers, body = get(server, ACTORS, accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert check(body)


def test_endpoint_construct_as_turtle_and_jsonld(server):
    query = f"PREFIX akg: <{AKG}> CONSTRUCT {{ ?a akg:backedBy ?b }} WHERE {{ ?a akg:backedBy ?b }}"
    _, h1, turtle = get(server, query, "text/turtle")
    _, h2, jsonld = get(server, query, "application/ld+json")
    assert h1["Content-Type"].startswith("text/turtle") and h2["Content-Type"].startswith("application/ld+json")
    a, b = Graph().parse(data=turtle, format="turtle"), Graph().parse(data=jsonld, format="json-ld")
    assert len(a) == len(b) > 0


def test_endpoint_post_body_and_ask(server):
    status, _, body = http(server + "/sparql", b"ASK { ?s ?p ?o }", {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert status == 200 and json.loads(body)["boolean"] is True


def test_endpoint_result_limit(server):
    status, headers, body = get(server, "SELECT ?s WHERE { ?s ?p ?o }", "application/sparql-results+json")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 50
    assert headers["X-ArmedKG-Truncated"] == "true"


def count(server: str) -> int:
    _, _, body = get(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "application/sparql-results+json")
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize(
    "kind,payload",
    [
        ("update", "DROP ALL"),
        ("update", 'INSERT DATA { <http://evil/s> <http://evil/p> "x" }'),
        ("query", "DROP ALL"),
        ("query", 'INSERT DATA { <http://evil/s> <http://evil/p> "x" }'),
        ("query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"),
        ("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1 } ; DROP ALL ; #"),
        ("query", 'SELECT * WHERE { ?s ?p "' + "x" * 2_000_000 + '" }'),
    ],
)
def test_endpoint_refuses_writes_service_and_junk(server, kind, payload):
    before = count(server)
    status, _, body = http(server + "/sparql", urllib.parse.urlencode({kind: payload}).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
    assert status in (400, 403, 413), (status, body[:200])
    assert body.startswith(b"[E04")
    assert count(server) == before


def test_endpoint_service_word_inside_a_string_is_fine(server):
    status, _, _ = get(server, 'SELECT * WHERE { ?s ?p "SERVICE <http://x>" }')
    assert status == 200


def test_endpoint_timeout_cuts_a_long_query_and_keeps_serving(server):
    started = time.monotonic()
    status, _, body = get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert status == 503 and body.startswith(b"[E043]")
    assert time.monotonic() - started < 10
    assert count(server) > 1000


def test_endpoint_binds_to_localhost_by_default(sample_store):
    from queries.endpoint import ServerConfig, make_server

    server = make_server(ServerConfig(location=str(sample_store.location), workers=1), port=0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.pool.close()
        server.server_close()


def test_endpoint_updates_need_flag_and_token(tmp_path):
    from builder.store import Store

    store = Store(tmp_path / "s")
    store.ensure_ontology()
    del store
    proc, url = start_server(tmp_path / "s", "--allow-update", env={"ARMEDKG_TOKEN": "s3cret"})
    try:
        update = urllib.parse.urlencode({"update": "INSERT DATA { GRAPH <http://t/g> { <http://t/a> <http://t/p> 1 } }"}).encode()
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        assert http(url + "/sparql", update, form)[0] == 401
        assert http(url + "/sparql", update, {**form, "Authorization": "Bearer wrong"})[0] == 401
        assert http(url + "/sparql", update, {**form, "Authorization": "Bearer s3cret"})[0] == 204
        _, _, body = get(url, "ASK { <http://t/a> <http://t/p> 1 }", "application/sparql-results+json")
        assert json.loads(body)["boolean"] is True
        service = urllib.parse.urlencode({"update": "LOAD <http://example.org/data.ttl>"}).encode()
        assert http(url + "/sparql", service, {**form, "Authorization": "Bearer s3cret"})[0] == 400
    finally:
        proc.terminate()
        proc.wait(10)


def test_endpoint_is_a_store_for_the_named_queries(server, sample_store):
    from builder.store import open_store
    from queries.runner import run_query

    remote = run_query(open_store(server, read_only=True), "actors_backed_by", {"backer": "Iran"}).as_dicts()
    local = run_query(sample_store, "actors_backed_by", {"backer": "Iran"}).as_dicts()
    assert sorted(r["actorLabel"] for r in remote) == sorted(r["actorLabel"] for r in local)
