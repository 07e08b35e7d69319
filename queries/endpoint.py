"""``armedkg serve``: a SPARQL 1.1 Protocol endpoint over the embedded store.

- ``GET /sparql?query=...``, ``POST /sparql`` (form ``query=`` or ``application/sparql-query``);
  ``/query`` is an alias, so ``--store http://HOST:PORT`` works against this server too.
- Results by content negotiation: SPARQL JSON, XML, CSV, TSV for ``SELECT``/``ASK``; Turtle,
  JSON-LD, N-Triples, RDF/XML for ``CONSTRUCT``/``DESCRIBE``.
- Read-only unless started with ``--allow-update`` and a token; an update must then carry
  ``Authorization: Bearer TOKEN`` (compared in constant time).
- Nothing a request says makes this machine fetch from another host: ``SERVICE`` and ``LOAD``
  are refused on the parsed request, and the processes that run requests have no network
  (:mod:`queries.sparql_guard`).
- Limits (:mod:`queries.workers`): time per request (waiting for a worker included), memory per
  worker, rows and bytes per answer (the ``X-ArmedKG-Truncated`` header says when cut); an idle
  connection, or one that sends its request too slowly, is closed.
- ``OPTIONS`` is answered; cross-origin use from a browser (CORS) only for the origins given
  with ``--cors``.
- The default graph is the union of all named graphs, as for the named queries.
"""

from __future__ import annotations

import hmac
import html
import ipaddress
import logging
import json
import shlex
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from builder.errors import ArmedKGError, QueryRefused, QueryTimeout, QueryTooBig, StoreError

from .workers import GRAPH_TYPES, RESULT_TYPES, Limits, WorkerPool

log = logging.getLogger("armedkg.serve")

MAX_REQUEST_BYTES = 1_000_000
DRAIN_LIMIT_BYTES = 64_000_000  # a refused body is read (and dropped) up to this size before the 413


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


def exposure_warning(host: str) -> str | None:
    """A warning when ``host`` is not a loopback address: other machines can then query."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if loopback:
        return None
    return (
        f"warning: listening on {host}: every machine that can reach this one can query the store"
        " (and, with --allow-update, write to it with the token). Use --host 127.0.0.1 unless you mean that,"
        " and put a TLS proxy in front for other networks."
    )


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
    max_bytes: int = 20_000_000
    memory_mb: int = 1024
    idle_timeout: float = 10.0  # seconds a connection may stay silent
    request_timeout: float = 30.0  # seconds to send a whole request (headers and body)
    cors: tuple[str, ...] = ()  # origins allowed to call from a browser ("*": any)

    @property
    def limits(self) -> Limits:
        return Limits(rows=self.limit, bytes=self.max_bytes, seconds=self.timeout, memory_mb=self.memory_mb)


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
    writer: WorkerPool | None = None

    def setup(self) -> None:
        self.timeout = self.config.idle_timeout  # each read of the socket: an idle connection is closed
        super().setup()

    def handle_one_request(self) -> None:
        # The whole request (headers and body) must arrive within request_timeout: a client
        # sending a byte a second is cut off, although no single read waits long.
        self._deadline = threading.Timer(self.config.request_timeout, self._cut)
        self._deadline.daemon = True
        self._deadline.start()
        try:
            super().handle_one_request()
        finally:
            self._deadline.cancel()

    def _cut(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _received(self) -> float:
        """The request is in: stop its read deadline; when it arrived (for the time limit)."""
        self._deadline.cancel()
        return getattr(self, "_arrived", time.monotonic())

    def parse_request(self) -> bool:
        self._arrived = time.monotonic()
        return super().parse_request()

    def log_message(self, fmt: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), fmt % args)

    # -- responses
    def _cors_headers(self) -> dict[str, str]:
        origin = self.headers.get("Origin") if self.headers else None
        allowed = self.config.cors
        if not origin or not allowed or ("*" not in allowed and origin not in allowed):
            return {}
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin", "Access-Control-Expose-Headers": "X-ArmedKG-Truncated"}

    def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in {**self._cors_headers(), **(extra or {})}.items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, exc: Exception) -> None:
        self._send(status, (str(exc) + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # -- routing
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        arrived = self._received()
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
                self._query(params["query"][0], params, arrived)
        else:
            self._error(404, QueryRefused(f"nothing at {url.path}.", "The endpoint is /sparql."))

    do_HEAD = do_GET

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._received()
        extra = {"Allow": "GET, HEAD, POST, OPTIONS"}
        if self._cors_headers():
            extra.update(
                {
                    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
                    "Access-Control-Allow-Headers": "Content-Type, Accept, Authorization",
                    "Access-Control-Max-Age": "600",
                }
            )
        self._send(204, b"", "text/plain", extra)

    def _length(self) -> int | None:
        """The request's Content-Length (0 when absent); ``None`` (after a 400/411) when unusable."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            self._error(411, QueryRefused("chunked requests are not accepted.", "Send a Content-Length."))
            return None
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not raw.isdigit() or not raw.isascii():
            self.close_connection = True
            self._error(400, QueryRefused(f"Content-Length {raw[:40]!r} is not a number of bytes.", "Send the body's length in bytes."))
            return None
        return int(raw)

    def _refuse_large(self, length: int) -> None:
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

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        length = self._length()
        if length is None:
            return
        if length > MAX_REQUEST_BYTES:
            self._refuse_large(length)
            return
        try:
            raw = self.rfile.read(length)
        except OSError:  # the client went silent past the idle timeout, or too slow: cut off
            self.close_connection = True
            return
        if len(raw) < length:
            self.close_connection = True  # the connection closed (or was cut) before the body was in
            return
        body = raw.decode("utf-8", "replace")
        arrived = self._received()
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
            self._update(params["update"][0], arrived)
        elif "query" in params:
            self._query(params["query"][0], params, arrived)
        else:
            self._error(400, QueryRefused("no query or update in the request.", "POST query=... or an application/sparql-query body."))

    # -- work
    def _run(self, pool: WorkerPool, job: tuple, arrived: float) -> tuple | None:
        """The pool's answer, or ``None`` after answering the coded error."""
        try:
            return pool.run(job, arrived)
        except (QueryTimeout, QueryTooBig) as exc:
            self._error(503, exc)
        except QueryRefused as exc:
            self._error(400, exc)
        except (StoreError, ArmedKGError) as exc:
            self._error(500, exc)
        return None

    def _query(self, text: str, params: dict[str, list[str]], arrived: float) -> None:
        if len(text.encode("utf-8")) > MAX_REQUEST_BYTES:
            self._error(413, QueryRefused("the query is too long.", "Send a shorter query."))
            return
        accept = FORMAT_PARAM.get((params.get("format") or [""])[0], "") or self.headers.get("Accept", "*/*")
        result_type = negotiate(accept, RESULT_TYPES, "application/sparql-results+json")
        graph_type = negotiate(accept, GRAPH_TYPES, "text/turtle")
        answer = self._run(self.pool, (text, result_type, graph_type, self.config.limits), arrived)
        if answer is None:
            return
        content_type, data, truncated = answer
        charset = "" if content_type.endswith("json") else "; charset=utf-8"
        self._send(200, data, content_type + charset, {"X-ArmedKG-Truncated": "true" if truncated else "false"})

    def _authorised(self) -> bool:
        expected = f"Bearer {self.config.token}".encode("utf-8")
        given = (self.headers.get("Authorization") or "").encode("utf-8", "replace")
        return hmac.compare_digest(given, expected)

    def _update(self, text: str, arrived: float) -> None:
        if not self.config.allow_update or self.writer is None:
            self._error(403, QueryRefused("this endpoint is read-only.", "Start 'armedkg serve --allow-update --token TOKEN' to accept updates."))
            return
        if not self._authorised():
            self._error(401, QueryRefused("the update lacks the right token.", "Send 'Authorization: Bearer TOKEN'."))
            return
        if self._run(self.writer, (text,), arrived) is not None:
            self.pool.newest = time.time()  # the next query sees this update
            self._send(204, b"", "text/plain")


class QuietServer(ThreadingHTTPServer):
    """The HTTP server; a connection that breaks (a client gone, a cut-off slow client) is one
    log line, not a traceback."""

    def handle_error(self, request: object, client_address: tuple) -> None:
        import sys

        exc = sys.exc_info()[1]
        log.info("connection from %s ended: %s", client_address[0] if client_address else "?", f"{type(exc).__name__}: {exc}" if exc else "?")


def make_server(config: ServerConfig, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    """A ready HTTP server (call ``serve_forever``); the store must exist."""
    from builder.store import check_location

    check_location(Path(config.location), read_only=True)
    if config.allow_update and not config.token:
        raise QueryRefused("--allow-update needs --token.", "Choose a secret token; clients send it as 'Authorization: Bearer TOKEN'.")
    _probe(config.location)
    writer = WorkerPool(config.location, workers=1, timeout=config.timeout, memory_mb=config.memory_mb, updates=True) if config.allow_update else None
    pool = WorkerPool(config.location, workers=config.workers, timeout=config.timeout, refresh=0.0 if writer else config.refresh, memory_mb=config.memory_mb)
    handler = type("Handler", (SparqlHandler,), {"config": config, "pool": pool, "writer": writer})
    try:
        server = QuietServer((host, port), handler)
    except OSError:
        pool.close()
        if writer is not None:
            writer.close()
        raise
    server.daemon_threads = True
    server.pool = pool  # type: ignore[attr-defined]
    server.writer = writer  # type: ignore[attr-defined]
    return server


def _probe(location: str) -> None:
    """Open the store read-only once, so that a damaged store is refused at start (coded), not
    on every query."""
    import pyoxigraph as ox

    from builder.store import store_error

    try:
        probe = ox.Store.read_only(location)
        del probe
    except (OSError, RuntimeError, ValueError) as exc:
        raise store_error(Path(location), exc, "open") from None
