"""Issue 15, the endpoint: no request makes `armedkg serve` fetch from another host (items 3), and
its limits hold (item 10). A recorder on 127.0.0.1 stands for the other host: it must receive
nothing, whatever the spelling of SERVICE or LOAD.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from builder.build import build
from builder.store import Store

from .test_endpoint import http, start_server

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
TOKEN = "t0ken-for-tests"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class Recorder:
    """An HTTP server on 127.0.0.1 that notes every request and answers with Turtle (so that a
    fetch, had it happened, would have changed the store)."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                recorder.requests.append(f"{self.command} {self.path}")
                body = b"<http://recorded/s> <http://recorded/p> <http://recorded/o> ."
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, nlp) -> Path:
    return make_store(tmp_path_factory.mktemp("guard") / "store", nlp)


def make_store(path: Path, nlp) -> Path:  # noqa: ANN001
    corpus = path.parent / "docs.jsonl"
    sentences = [
        "Islamic State militants ambushed a patrol of the Iraqi army near Tikrit on Wednesday, killing three soldiers.",
        "Houthi forces fired a missile at Marib city on Sunday, killing four civilians, officials said.",
        "Hezbollah fighters and the Syrian army attacked rebel positions near Idlib on Monday.",
    ]
    corpus.write_text("".join(json.dumps({"id": f"g{i}", "text": t, "published": "2022-05-02"}) + "\n" for i, t in enumerate(sentences)), encoding="utf-8")
    store = Store(path)
    build([corpus], store, progress=False, nlp=nlp)
    del store
    return path


@pytest.fixture(scope="module")
def recorder():
    rec = Recorder()
    yield rec
    rec.close()


@pytest.fixture(scope="module")
def guarded_server(small_store, recorder):
    proc, url = start_server(small_store, "--allow-update", "--timeout", "20", env={"ARMEDKG_TOKEN": TOKEN})
    yield url
    proc.terminate()
    proc.wait(10)


def spellings(r: str) -> list[tuple[str, str]]:
    """(kind, text): at least 20 ways to ask for a fetch from the recorder ``r``."""
    host = r.replace("http://", "")
    escaped = "".join(f"\\u{ord(c):04x}" for c in r)
    return [
        ("query", f"SELECT * WHERE {{ SERVICE <{r}/plain> {{ ?s ?p ?o }} }}"),
        ("query", f"select * where {{ service <{r}/lower> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * WHERE {{ SeRvIcE <{r}/mixed> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * WHERE {{ FILTER(1<2)SERVICE#>\n<{r}/comment> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * WHERE {{ SERVICE#\n#\nSILENT#x\n<{r}/silent> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * WHERE {{ ?s <http://x.example/\\u0061> ?o . SERVICE <{r}/escape-before> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * WHERE {{ SERVICE <{escaped}/escaped-iri> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * WHERE {{ \\u0053ERVICE <{r}/escaped-keyword> {{ ?s ?p ?o }} }}"),
        ("query", f'SELECT * WHERE {{ ?s ?p """a\\"""" . SERVICE <{r}/long-literal> {{ ?s ?p ?o }} }}'),
        ("query", f"SELECT * WHERE {{ ?s ?p '''x\\'''' . SERVICE <{r}/long-literal-2> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * WHERE {{ OPTIONAL {{ {{ {{ SERVICE <{r}/nested> {{ ?s ?p ?o }} }} }} }} }}"),
        ("query", f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{r}/subquery> {{ ?s ?p ?o }} }} }} }}"),
        ("query", f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE <{r}/union> {{ ?s ?p ?o }} }} }}"),
        ("query", f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{r}/exists> {{ ?s ?p ?o }} }} }}"),
        ("query", f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ SERVICE <{r}/minus> {{ ?s ?p ?o }} }} }}"),
        ("query", f"SELECT * WHERE {{ VALUES ?svc {{ <{r}/variable> }} SERVICE ?svc {{ ?s ?p ?o }} }}"),
        ("query", f"PREFIX rec: <{r}/> SELECT * WHERE {{ SERVICE rec:prefixed {{ ?s ?p ?o }} }}"),
        ("query", f"BASE <{r}/> SELECT * WHERE {{ SERVICE <relative> {{ ?s ?p ?o }} }}"),
        ("query", f"SELECT * WHERE {{ ?a ?b ?c LATERAL {{ SERVICE <{r}/lateral> {{ ?s ?p ?o }} }} }}"),
        ("query", f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{r}/construct> {{ ?s ?p ?o }} }}"),
        ("query", f"ASK {{ SERVICE <{r}/ask> {{ ?s ?p ?o }} }}"),
        ("query", f"LOAD <{r}/load-as-query>"),
        ("update", f"LOAD <{r}/load>"),
        ("update", f"load silent <{r}/load-silent> into graph <http://g.example/1>"),
        ("update", f"LOAD#comment\n<{r}/load-comment>"),
        ("update", f"LOAD <http://{host}/\\u006c\\u006f\\u0061\\u0064>"),
        ("update", f"INSERT {{ GRAPH <http://g.example/2> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <{r}/insert-where> {{ ?s ?p ?o }} }}"),
        ("update", f"INSERT DATA {{ GRAPH <http://g.example/3> {{ <http://a.example/s> <http://a.example/p> 1 }} }} ;\nLOAD <{r}/second-operation>"),
        ("update", f"DELETE {{ ?s ?p ?o }} WHERE {{ OPTIONAL {{ SERVICE SILENT <{r}/delete-where> {{ ?s ?p ?o }} }} }}"),
    ]


def test_endpoint_guard_no_spelling_of_service_or_load_fetches(guarded_server, recorder):
    """Item 3: 29 spellings of SERVICE and LOAD (comments after keywords, \\u escapes, case,
    nesting, long literals with escaped quotes, updates with the token): each refused with a
    coded error, the recorder receives nothing, nothing is written."""
    cases = spellings(recorder.url)
    assert len(cases) >= 20
    auth = {**FORM, "Authorization": f"Bearer {TOKEN}"}
    for kind, text in cases:
        status, _, body = http(guarded_server + "/sparql", urllib.parse.urlencode({kind: text}).encode(), auth)
        assert status == 400 and body.startswith(b"[E04"), (text, status, body[:300])
    status, _, body = http(guarded_server + "/sparql?" + urllib.parse.urlencode({"query": cases[3][1]}))
    assert status == 400
    time.sleep(1.0)
    assert recorder.requests == []
    _, _, body = http(guarded_server + "/sparql?" + urllib.parse.urlencode({"query": "ASK { GRAPH ?g { ?s <http://recorded/p> ?o } }"}), headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["boolean"] is False
    _, _, body = http(guarded_server + "/sparql?" + urllib.parse.urlencode({"query": "ASK { GRAPH <http://g.example/3> { ?s ?p ?o } }"}), headers={"Accept": "application/sparql-results+json"})
    assert json.loads(body)["boolean"] is False  # the update with LOAD was refused whole


def test_endpoint_guard_words_in_strings_and_named_queries_still_run(guarded_server):
    """The check refuses what fetches, not what mentions: a literal with the word SERVICE, and the
    named queries (written with Oxigraph's LATERAL, which rdflib does not parse), run."""
    from queries.runner import list_queries

    status, _, _ = http(guarded_server + "/sparql?" + urllib.parse.urlencode({"query": 'SELECT * WHERE { ?s ?p "SERVICE <http://x>" }'}))
    assert status == 200
    for query in list_queries():
        status, _, body = http(guarded_server + "/sparql", query.text.encode("utf-8"), {"Content-Type": "application/sparql-query"})
        assert status == 200, (query.name, body[:300])


def test_endpoint_guard_workers_have_no_network(recorder):
    """Item 3, second layer: a process isolated as the query workers are cannot reach an HTTP
    client even if a SERVICE query got past the check."""
    from queries.sparql_guard import isolate

    code = (
        "import sys, pyoxigraph as ox\n"
        "from queries.sparql_guard import isolate\n"
        "ok = isolate(512)\n"
        "try:\n"
        "    list(ox.Store().query('SELECT * WHERE { SERVICE <' + sys.argv[1] + '/isolated> { ?s ?p ?o } }'))\n"
        "    print(ok, 'fetched')\n"
        "except Exception as exc:\n"
        "    print(ok, 'failed', type(exc).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, recorder.url], cwd=ROOT, capture_output=True, text=True, timeout=60).stdout.split()
    if out[0] != "True":
        pytest.skip("this system does not allow a process its own network namespace")
    assert out[1] == "failed" and recorder.requests == []
    assert isolate  # the function the workers call


# --------------------------------------------------------------------------- item 10
def raw(url: str, payload: bytes, wait: float = 10.0) -> bytes:
    host, port = urllib.parse.urlsplit(url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as s:
        s.sendall(payload)
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except (TimeoutError, ConnectionError):
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def test_endpoint_guard_bad_content_length_and_failing_update(guarded_server):
    """Item 10: Content-Length 'abc' or -1 is answered 400 at once; an update that fails is
    answered 500, not a dropped connection."""
    for length in (b"abc", b"-1"):
        started = time.monotonic()
        answer = raw(guarded_server, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: " + length + b"\r\n\r\nASK {}")
        assert answer.startswith(b"HTTP/1.0 400") and b"[E042]" in answer and time.monotonic() - started < 5
    auth = {**FORM, "Authorization": f"Bearer {TOKEN}"}
    create = urllib.parse.urlencode({"update": "CREATE GRAPH <http://g.example/twice>"}).encode()
    assert http(guarded_server + "/sparql", create, auth)[0] == 204
    status, _, body = http(guarded_server + "/sparql", create, auth)
    assert status == 500 and body.startswith(b"[E030]")


def test_endpoint_guard_token_compared_in_constant_time(tmp_path, nlp, monkeypatch):
    """Item 10: the token is checked with hmac.compare_digest (constant time), not `!=`."""
    import hmac

    from queries import endpoint

    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(endpoint.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    config = endpoint.ServerConfig(location=str(make_store(tmp_path / "store", nlp)), workers=1, allow_update=True, token=TOKEN)
    server = endpoint.make_server(config, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        update = urllib.parse.urlencode({"update": "INSERT DATA { GRAPH <http://g.example/t> { <http://a.example/s> <http://a.example/p> 2 } }"}).encode()
        assert http(url, update, {**FORM, "Authorization": "Bearer wrong"})[0] == 401
        assert http(url, update, {**FORM, "Authorization": f"Bearer {TOKEN}"})[0] == 204
    finally:
        server.shutdown()
        server.pool.close()
        server.writer.close()
        server.server_close()
    assert [b for _, b in calls] == [f"Bearer {TOKEN}".encode()] * 2


def test_endpoint_guard_limits(small_store):
    """Item 10: time queued counts against --timeout; a query past --memory is stopped (E044);
    --max-bytes cuts answers; idle and byte-a-second connections are closed; OPTIONS is
    answered, CORS only for the origins given."""
    proc, url = start_server(
        small_store, "--workers", "1", "--timeout", "4", "--memory", "400", "--max-bytes", "3000",
        "--idle-timeout", "2", "--request-timeout", "3", "--cors", "https://editor.example",
    )  # fmt: skip
    try:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        blocker = threading.Thread(target=http, args=(url + "/sparql?" + urllib.parse.urlencode({"query": heavy}),))
        blocker.start()
        time.sleep(0.5)
        started = time.monotonic()
        status, _, _ = http(url + "/sparql?" + urllib.parse.urlencode({"query": "ASK { }"}))
        waited = time.monotonic() - started
        blocker.join()
        assert waited < 4 + 2.0 and status in (200, 503)

        hungry = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"
        status, _, body = http(url + "/sparql?" + urllib.parse.urlencode({"query": hungry}))
        assert status == 503 and body.startswith((b"[E044]", b"[E043]")), body[:200]
        assert http(url + "/sparql?" + urllib.parse.urlencode({"query": "ASK { }"}))[0] == 200  # serving on

        status, headers, body = http(url + "/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}), headers={"Accept": "application/sparql-results+xml"})
        assert status == 200 and len(body) <= 3000 and headers["X-ArmedKG-Truncated"] == "true" and body.rstrip().endswith(b"</sparql>")

        started = time.monotonic()
        assert raw(url, b"", wait=15) == b"" and time.monotonic() - started < 6  # idle: closed
        host, port = urllib.parse.urlsplit(url).netloc.split(":")
        with socket.create_connection((host, int(port)), timeout=15) as s:
            stop = threading.Event()

            def trickle() -> None:  # a byte every 0.3 s: no read waits long, the request never ends
                for byte in b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n" * 4:
                    if stop.is_set():
                        return
                    try:
                        s.sendall(bytes([byte]))
                    except OSError:
                        return
                    time.sleep(0.3)

            sender = threading.Thread(target=trickle, daemon=True)
            started = time.monotonic()
            sender.start()
            try:
                assert s.recv(100) == b""  # closed by the server
            except ConnectionError:
                pass
            finally:
                stop.set()
            assert time.monotonic() - started < 8  # cut off by --request-timeout 3

        request = {"Origin": "https://editor.example", "Access-Control-Request-Method": "POST"}
        answer = raw(url, b"OPTIONS /sparql HTTP/1.1\r\nHost: x\r\n" + b"".join(f"{k}: {v}\r\n".encode() for k, v in request.items()) + b"\r\n")
        assert answer.startswith(b"HTTP/1.0 204") and b"Access-Control-Allow-Origin: https://editor.example" in answer
        other = raw(url, b"OPTIONS /sparql HTTP/1.1\r\nHost: x\r\nOrigin: https://elsewhere.example\r\n\r\n")
        assert other.startswith(b"HTTP/1.0 204") and b"Access-Control-Allow-Origin" not in other
    finally:
        proc.terminate()
        proc.wait(10)


def test_endpoint_guard_warns_when_listening_beyond_this_machine(tmp_path):
    """Item 10: --host 0.0.0.0 prints a warning (checked on a missing store, so nothing listens)."""
    out = subprocess.run([sys.executable, "-m", "builder.cli", "serve", "--host", "0.0.0.0", "--store", str(tmp_path / "none")], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "warning: listening on 0.0.0.0" in out.stderr and out.returncode == 2
