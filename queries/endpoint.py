"""``armedkg serve``: a SPARQL 1.1 Protocol endpoint over the embedded store.

- ``GET /sparql?query=...``, ``POST /sparql`` (form ``query=`` or ``application/sparql-query``);
  ``/query`` is an alias, so ``--store http://HOST:PORT`` works against this server too.
- Results by content negotiation: SPARQL JSON, XML, CSV, TSV for ``SELECT``/``ASK``; Turtle,
  JSON-LD, N-Triples, RDF/XML for ``CONSTRUCT``/``DESCRIBE``.
- Read-only unless started with ``--allow-update`` and a token; an update must then carry
  ``Authorization: Bearer TOKEN``.
- ``SERVICE`` (federated queries, which would make this machine fetch from other hosts) is refused.
- Each query runs in a worker process that opens the store read-only; a query longer than the
  time limit is stopped by killing its worker, which is replaced. Results are cut at a row limit
  (the ``X-ArmedKG-Truncated`` header says so). Workers reopen the store at most every
  ``refresh`` seconds, so a running build becomes visible batch by batch: every build batch is
  one transaction, so a query sees whole batches only.
- The default graph is the union of all named graphs, as for the named queries.
"""

from __future__ import annotations

import html
import json
import logging
import multiprocessing as mp
import queue
import re
import shlex
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from builder.errors import QueryRefused, QueryTimeout, StoreError

log = logging.getLogger("armedkg.serve")

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
MAX_REQUEST_BYTES = 1_000_000
DRAIN_LIMIT_BYTES = 64_000_000  # a refused body is read (and dropped) up to this size before the 413


# --------------------------------------------------------------------------- query checks
_STRIP = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')


def check_query(text: str) -> None:
    """Refuse what a read-only public endpoint must not run: ``SERVICE`` and update operations.

    Strings, IRIs and comments are blanked first, so a literal that merely contains the word is fine.
    """
    code = _STRIP.sub(" ", text)
    if re.search(r"\bSERVICE\b", code, re.IGNORECASE):
        raise QueryRefused("SERVICE (federated query) is refused by this endpoint.", "Query the other endpoint yourself.")
    if re.search(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", code, re.IGNORECASE) and not re.search(
        r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", code, re.IGNORECASE
    ):
        raise QueryRefused("this is an update, not a query.", "Send updates as an update request to a server started with --allow-update.")


def negotiate(accept: str, options: dict[str, object], default: str) -> str:
    """The media type of ``options`` that ``accept`` prefers (q-values honoured); ``default`` for */*."""
    best, best_q = None, -1.0
    for index, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        candidates = [media] if media in options else ([default] if media in ("*/*", "application/*", "text/*", "") else [])
        for c in candidates:
            if q > best_q or (q == best_q and best is None):
                best, best_q = c, q - index * 1e-6
    return best or default


# --------------------------------------------------------------------------- workers
def _term_json(term: object) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}


def run_query(store: ox.Store, text: str, result_type: str, graph_type: str, limit: int) -> tuple[str, bytes, bool]:
    """Run one query; (content type, body, truncated)."""
    result = store.query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return result_type, result.serialize(format=RESULT_TYPES[result_type]), False
    if isinstance(result, ox.QueryTriples):
        triples = []
        for triple in result:
            if len(triples) >= limit:
                return graph_type, ox.serialize(triples, format=GRAPH_TYPES[graph_type]), True
            triples.append(triple)
        return graph_type, ox.serialize(triples, format=GRAPH_TYPES[graph_type]), False
    names = [v.value for v in result.variables]
    rows, truncated = [], False
    for solution in result:
        if len(rows) >= limit:
            truncated = True
            break
        rows.append({n: _term_json(solution[n]) for n in names if solution[n] is not None})
    data = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}}).encode("utf-8")
    fmt = RESULT_TYPES[result_type]
    if fmt != ox.QueryResultsFormat.JSON:
        data = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
    return result_type, data, truncated


def _open_read_only(location: str) -> ox.Store:
    """The store opened read-only; a writer compacting its files can make an open fail, so try
    a few times."""
    for attempt in range(5):
        try:
            return ox.Store.read_only(location)
        except OSError:
            if attempt == 4:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _worker(location: str, refresh: float, conn: object) -> None:
    """Worker process: open the store read-only, answer queries sent over ``conn``."""
    store, opened = None, 0.0
    while True:
        try:
            *job, newest = conn.recv()
        except EOFError:
            return
        try:
            # Reopen when the snapshot is old, or older than one another worker already served
            # (so that a client never sees the store go back in time between two queries).
            if store is None or time.time() - opened > refresh or opened < newest:
                store, opened = _open_read_only(location), time.time()
            for attempt in range(4):
                try:
                    answer = run_query(store, *job)
                    break
                except OSError:
                    # A build writing meanwhile compacted files this snapshot still read: answer
                    # from a fresh one (a few times, backing off: on a loaded machine compaction
                    # takes longer; a fourth failure is the client's answer).
                    if attempt == 3:
                        raise
                    time.sleep(0.1 * attempt)
                    store, opened = _open_read_only(location), time.time()
            conn.send(("ok", opened) + answer)
        except SyntaxError as exc:
            conn.send(("syntax", str(exc)))
        except Exception as exc:  # noqa: BLE001 - reported to the client, the worker lives on
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, ctx: mp.context.BaseContext, location: str, refresh: float) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(location, refresh, child), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Query workers; a query past ``timeout`` seconds kills its worker and a fresh one replaces it."""

    def __init__(self, location: str, workers: int = 2, timeout: float = 30.0, refresh: float = 1.0) -> None:
        self.location, self.timeout, self.refresh = location, timeout, refresh
        self.ctx = mp.get_context("spawn")
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.newest = 0.0  # the most recent snapshot any worker answered from
        for _ in range(max(1, workers)):
            self.idle.put(_Worker(self.ctx, location, refresh))

    def run(self, job: tuple) -> tuple[str, bytes, bool]:
        worker = self.idle.get()
        try:
            worker.conn.send((*job, self.newest))
            if not worker.conn.poll(self.timeout):
                worker.kill()
                worker = _Worker(self.ctx, self.location, self.refresh)
                raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped.", "Add LIMIT, narrow the patterns, or start the server with a larger --timeout.")
            status, *payload = worker.conn.recv()
        finally:
            self.idle.put(worker)
        if status == "ok":
            self.newest = max(self.newest, payload[0])
            return tuple(payload[1:])  # type: ignore[return-value]
        if status == "syntax":
            raise QueryRefused(f"the query does not parse: {payload[0]}", "Check the SPARQL syntax.")
        raise StoreError(f"the query failed: {payload[0]}", "Check the query and the store.")

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get().kill()


# --------------------------------------------------------------------------- HTTP
@dataclass
class ServerConfig:
    location: str
    timeout: float = 30.0
    limit: int = 10_000
    workers: int = 2
    refresh: float = 1.0
    allow_update: bool = False
    token: str | None = None


EXAMPLE = """PREFIX akg: <https://w3id.org/armedkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
# Armed actors. Their superclasses are inferred by 'armedkg reason'; without it write a/rdfs:subClassOf* akg:ArmedActor.
SELECT ?actor ?label WHERE { ?actor a akg:ArmedActor ; rdfs:label ?label } LIMIT 20"""
ASSETS = Path(__file__).resolve().parent / "assets"
# What the query page loads from this server (YASGUI vendored by scripts/vendor_yasgui.py), and nothing else.
PAGE_ASSETS = {
    "yasgui.min.js": "text/javascript; charset=utf-8",
    "yasgui.min.css": "text/css; charset=utf-8",
    "query-page.js": "text/javascript; charset=utf-8",
}


def examples() -> list[dict[str, str]]:
    """The query page's examples: the page's own, then every named query with its example
    parameters bound (as ``armedkg query`` binds them)."""
    from builder.store import bind_values

    from .runner import bind, list_queries, page_of, paged_text

    out = [{"title": "Armed actors (after armedkg reason)", "query": EXAMPLE}]
    for query in list_queries():
        params = " ".join(f"-p {k}={shlex.quote(v)}" for k, v in query.examples.items())
        bindings = bind(query, query.examples)
        text = paged_text(query, page_of(query, {}))
        text = bind_values(text, bindings) if bindings else text
        out.append({"title": f"{query.name}: {query.purpose}"[:110], "query": f"# armedkg query {query.name} {params}".rstrip() + "\n" + text})
    return out


def query_page(config: "ServerConfig") -> bytes:
    """The query page: YASGUI on /sparql, the named queries as examples (a plain form without
    JavaScript)."""
    config_json = json.dumps({"endpoint": "/sparql", "examples": examples()}, ensure_ascii=False).replace("</", "<\\/")
    page = (ASSETS / "query.html").read_text(encoding="utf-8")
    page = page.replace("__UPDATE__", ", updates need the token" if config.allow_update else "").replace("__TIMEOUT__", f"{config.timeout:g}")
    page = page.replace("__LIMIT__", str(config.limit)).replace("__EXAMPLE__", html.escape(EXAMPLE)).replace("__CONFIG__", config_json)
    return page.encode("utf-8")
FORMAT_PARAM = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
}


class SparqlHandler(BaseHTTPRequestHandler):
    server_version = "armedkg-sparql/1"
    config: ServerConfig
    pool: WorkerPool
    writer: object | None = None
    write_lock = threading.Lock()

    def log_message(self, fmt: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), fmt % args)

    # -- responses
    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, exc: Exception) -> None:
        self._send(status, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # -- routing
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/":
            self._send(200, query_page(self.config), "text/html; charset=utf-8")
        elif url.path.startswith("/assets/") and url.path[len("/assets/") :] in PAGE_ASSETS:
            name = url.path[len("/assets/") :]
            self._send(200, (ASSETS / name).read_bytes(), PAGE_ASSETS[name], {"Cache-Control": "max-age=3600"})
        elif url.path in ("/ontology", "/ontology.html"):
            # The ontology reference, generated from ontology/armed_actors.ttl (scripts/build_ontology_doc.py).
            page = (ASSETS / "ontology.html").read_bytes()
            self._send(200, page, "text/html; charset=utf-8")
        elif url.path in ("/sparql", "/query"):
            if "update" in params:
                self._error(405, QueryRefused("updates are never accepted over GET.", "POST them."))
            elif "query" not in params:
                self._error(400, QueryRefused("no 'query' parameter.", "GET /sparql?query=SELECT..."))
            else:
                self._query(params["query"][0], params)
        else:
            self._error(404, QueryRefused(f"nothing at {url.path}.", "The endpoint is /sparql."))

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            # Read the body before refusing it: a client still sending would otherwise see the
            # connection reset (a broken pipe) instead of the 413 answer.
            left = min(length, DRAIN_LIMIT_BYTES)
            while left > 0:
                chunk = self.rfile.read(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
            self.close_connection = True
            self._error(413, QueryRefused(f"the request has {length} bytes; the limit is {MAX_REQUEST_BYTES}.", "Send a shorter query."))
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        params = parse_qs(url.query, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            params.update(parse_qs(body, keep_blank_values=True))
        elif content_type == "application/sparql-query":
            params["query"] = [body]
        elif content_type == "application/sparql-update":
            params["update"] = [body]
        if url.path not in ("/sparql", "/query", "/update"):
            self._error(404, QueryRefused(f"nothing at {url.path}.", "The endpoint is /sparql."))
        elif "update" in params:
            self._update(params["update"][0])
        elif "query" in params:
            self._query(params["query"][0], params)
        else:
            self._error(400, QueryRefused("no query or update in the request.", "POST query=... or an application/sparql-query body."))

    # -- work
    def _query(self, text: str, params: dict[str, list[str]]) -> None:
        if len(text.encode("utf-8")) > MAX_REQUEST_BYTES:
            self._error(413, QueryRefused("the query is too long.", "Send a shorter query."))
            return
        accept = FORMAT_PARAM.get((params.get("format") or [""])[0], "") or self.headers.get("Accept", "*/*")
        result_type = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
        graph_type = negotiate(accept, GRAPH_TYPES, "text/turtle")
        try:
            check_query(text)
            content_type, data, truncated = self.pool.run((text, result_type, graph_type, self.config.limit))
        except QueryTimeout as exc:
            self._error(503, exc)
            return
        except QueryRefused as exc:
            self._error(400, exc)
            return
        except StoreError as exc:
            self._error(500, exc)
            return
        charset = "" if content_type.endswith("json") else "; charset=utf-8"
        self._send(200, data, content_type + charset, {"X-ArmedKG-Truncated": "true" if truncated else "false"})

    def _update(self, text: str) -> None:
        if not self.config.allow_update or self.writer is None:
            self._error(403, QueryRefused("this endpoint is read-only.", "Start 'armedkg serve --allow-update --token TOKEN' to accept updates."))
            return
        if self.headers.get("Authorization", "") != f"Bearer {self.config.token}":
            self._error(401, QueryRefused("the update lacks the right token.", "Send 'Authorization: Bearer TOKEN'."))
            return
        if re.search(r"\b(SERVICE|LOAD)\b", _STRIP.sub(" ", text), re.IGNORECASE):
            self._error(400, QueryRefused("SERVICE and LOAD are refused: they fetch from other hosts.", "Send the data itself."))
            return
        try:
            with self.write_lock:
                self.writer.update(text)  # type: ignore[union-attr]
                self.writer.flush()  # type: ignore[union-attr]
        except SyntaxError as exc:
            self._error(400, QueryRefused(f"the update does not parse: {exc}", "Check the SPARQL syntax."))
            return
        self._send(204, b"", "text/plain")


def make_server(config: ServerConfig, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """A ready HTTP server (call ``serve_forever``); the store must exist."""
    if not Path(config.location).exists():
        raise StoreError(f"no store at {config.location}.", "Run 'armedkg build PATH' first or pass --store.")
    if config.allow_update and not config.token:
        raise QueryRefused("--allow-update needs --token.", "Choose a secret token; clients send it as 'Authorization: Bearer TOKEN'.")
    writer = ox.Store(config.location) if config.allow_update else None
    pool = WorkerPool(config.location, workers=config.workers, timeout=config.timeout, refresh=0.0 if writer else config.refresh)
    handler = type("Handler", (SparqlHandler,), {"config": config, "pool": pool, "writer": writer, "write_lock": threading.Lock()})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    server.pool = pool  # type: ignore[attr-defined]
    return server
