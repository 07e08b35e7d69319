"""The query and update processes of ``armedkg serve``.

Each query runs in a worker process that opens the store read-only; updates run in one writer
process. Every one of them is cut off the network and has a memory cap (see
:mod:`queries.sparql_guard`), checks its request on the parsed algebra before running it, and is
killed and replaced when its request outlives the time limit, counted from when the request
arrived (time spent waiting for a free worker included). Results are cut at a row limit and at a
byte limit. Workers reopen the store at most every ``refresh`` seconds, so a running build becomes
visible batch by batch: every build batch is one transaction, so a query sees whole batches only.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import queue
import sys
import time
from dataclasses import dataclass

import pyoxigraph as ox

from builder.errors import QueryRefused, QueryTimeout, QueryTooBig, StoreError

from .sparql_guard import check_request, isolate

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


@dataclass(frozen=True)
class Limits:
    """What one request may use: rows (or triples), bytes of the answer, seconds, megabytes."""

    rows: int = 10_000
    bytes: int = 20_000_000
    seconds: float = 30.0
    memory_mb: int = 1024


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


def _collect(items: object, size: object, rows: int, max_bytes: int) -> tuple[list, bool]:
    """Items of an iterator up to ``rows`` of them and about ``max_bytes`` (``size`` measures one)."""
    out, total = [], 0
    for item in items:  # type: ignore[attr-defined]
        if len(out) >= rows or total > max_bytes:
            return out, True
        out.append(item)
        total += size(item)  # type: ignore[operator]
    return out, False


def _fit(items: list, serialize: object, max_bytes: int, truncated: bool) -> tuple[bytes, bool]:
    """The serialized answer, with fewer items until it holds at most ``max_bytes`` bytes."""
    data = serialize(items)  # type: ignore[operator]
    while len(data) > max_bytes and items:
        items = items[: max(0, int(len(items) * max_bytes / len(data) * 0.9) - 1)]
        data, truncated = serialize(items), True  # type: ignore[operator]
    return data, truncated


def run_query(store: ox.Store, text: str, result_type: str, graph_type: str, limits: Limits) -> tuple[str, bytes, bool]:
    """Run one query; (content type, body, truncated). The body holds at most ``limits.rows``
    rows (or triples) and ``limits.bytes`` bytes."""
    result = store.query(text, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return result_type, result.serialize(format=RESULT_TYPES[result_type]), False
    if isinstance(result, ox.QueryTriples):
        triples, truncated = _collect(result, lambda t: len(str(t)) + 3, limits.rows, limits.bytes)
        data, truncated = _fit(triples, lambda ts: ox.serialize(ts, format=GRAPH_TYPES[graph_type]), limits.bytes, truncated)
        return graph_type, data, truncated
    names = [v.value for v in result.variables]
    rows, truncated = _collect(({n: _term_json(s[n]) for n in names if s[n] is not None} for s in result), lambda r: len(json.dumps(r)), limits.rows, limits.bytes)
    fmt = RESULT_TYPES[result_type]

    def serialize(chosen: list) -> bytes:
        data = json.dumps({"head": {"vars": names}, "results": {"bindings": chosen}}).encode("utf-8")
        return data if fmt == ox.QueryResultsFormat.JSON else ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)

    data, truncated = _fit(rows, serialize, limits.bytes, truncated)
    return result_type, data, truncated


def _open_read_only(location: str) -> ox.Store:
    """The store opened read-only; a writer compacting its files can make an open fail, so try
    a few times."""
    for attempt in range(5):
        try:
            return ox.Store.read_only(location)
        except (OSError, RuntimeError):
            if attempt == 4:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _answer(store: ox.Store | None, opened: float, location: str, refresh: float, job: tuple, newest: float) -> tuple[ox.Store, float, tuple]:
    """Check and run one query; the store (reopened when its snapshot is old), when it was opened, the answer."""
    text, result_type, graph_type, limits = job
    check_request(text)
    # Reopen when the snapshot is old, or older than one another worker already served (so that
    # a client never sees the store go back in time between two queries).
    if store is None or time.time() - opened > refresh or opened < newest:
        store, opened = _open_read_only(location), time.time()
    for attempt in range(4):
        try:
            return store, opened, run_query(store, text, result_type, graph_type, limits)
        except (OSError, RuntimeError):
            # A build writing meanwhile compacted files this snapshot still read: answer from a
            # fresh one (a few times, backing off: on a loaded machine compaction takes longer;
            # a fourth failure is the client's answer).
            if attempt == 3:
                raise
            time.sleep(0.1 * attempt)
            store, opened = _open_read_only(location), time.time()
    raise AssertionError("unreachable")


def _status(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, QueryRefused):
        return "refused", exc.message + ("\t" + exc.hint if exc.hint else "")
    if isinstance(exc, SyntaxError):
        return "syntax", str(exc)
    if isinstance(exc, MemoryError):
        return "memory", "MemoryError"
    return "error", f"{type(exc).__name__}: {exc}"


def _query_worker(location: str, refresh: float, memory_mb: int, conn: object) -> None:
    """Worker process: cut off the network, open the store read-only, answer queries from ``conn``."""
    if not isolate(memory_mb):
        print("armedkg serve: could not cut the query worker off the network; SERVICE is refused by the query check only", file=sys.stderr)
    check_request("ASK { }")  # load the parser now, not on the first client's time
    store, opened = None, 0.0
    while True:
        try:
            *job, newest = conn.recv()  # type: ignore[attr-defined]
        except EOFError:
            return
        try:
            store, opened, answer = _answer(store, opened, location, refresh, tuple(job), newest)
            conn.send(("ok", opened) + answer)  # type: ignore[attr-defined]
        except BaseException as exc:  # noqa: BLE001 - reported to the client, the worker lives on
            conn.send(_status(exc))  # type: ignore[attr-defined]


def _update_worker(location: str, refresh: float, memory_mb: int, conn: object) -> None:
    """Writer process: cut off the network, open the store for writing, apply checked updates."""
    from builder.store import Store

    isolate(memory_mb)
    try:
        store = Store(location).ox
    except Exception as exc:  # noqa: BLE001
        store, failure = None, _status(exc)
    while True:
        try:
            text, *_ = conn.recv()  # type: ignore[attr-defined]
        except EOFError:
            return
        try:
            if store is None:
                conn.send(failure)  # type: ignore[attr-defined]
                continue
            check_request(text, update=True)
            store.update(text)
            store.flush()
            conn.send(("ok", time.time()))  # type: ignore[attr-defined]
        except BaseException as exc:  # noqa: BLE001
            conn.send(_status(exc))  # type: ignore[attr-defined]


class _Worker:
    def __init__(self, ctx: mp.context.BaseContext, target: object, location: str, refresh: float, memory_mb: int) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=target, args=(location, refresh, memory_mb, child), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Worker processes for queries (or one for updates). A request past its time limit, counted
    from when it arrived, kills its worker, and a fresh one replaces it; so does a worker that
    died (past its memory cap)."""

    def __init__(self, location: str, workers: int = 2, timeout: float = 30.0, refresh: float = 1.0, memory_mb: int = 1024, updates: bool = False) -> None:
        self.location, self.timeout, self.refresh, self.memory_mb = location, timeout, refresh, memory_mb
        self.target = _update_worker if updates else _query_worker
        self.ctx = mp.get_context("spawn")
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.newest = 0.0  # the most recent snapshot any worker answered from
        for _ in range(max(1, workers)):
            self.idle.put(self._new())

    def _new(self) -> _Worker:
        return _Worker(self.ctx, self.target, self.location, self.refresh, self.memory_mb)

    def run(self, job: tuple, arrived: float | None = None) -> tuple:
        """The answer to ``job``; raises the request's coded error."""
        deadline = (arrived or time.monotonic()) + self.timeout
        try:
            worker = self.idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise QueryTimeout(f"no worker came free within the time limit of {self.timeout:g} s.", "The server is busy: try again, or start it with more --workers.") from None
        try:
            worker.conn.send((*job, self.newest))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                worker.kill()
                worker = self._new()
                raise QueryTimeout(f"the request took longer than {self.timeout:g} s (waiting included) and was stopped.", "Add LIMIT, narrow the patterns, or start the server with a larger --timeout.")
            try:
                status, *payload = worker.conn.recv()
            except (EOFError, OSError):
                worker.kill()
                worker = self._new()
                status, payload = "memory", ["worker died"]
        finally:
            self.idle.put(worker)
        return self._result(status, payload)

    def _result(self, status: str, payload: list) -> tuple:
        if status == "ok":
            self.newest = max(self.newest, payload[0])
            return tuple(payload[1:])
        if status == "refused":
            message, _, hint = payload[0].partition("\t")
            raise QueryRefused(message, hint)
        if status == "syntax":
            raise QueryRefused(f"the request does not parse: {payload[0]}", "Check the SPARQL syntax.")
        if status == "memory":
            raise QueryTooBig(f"the request needed more than the {self.memory_mb} MB a request may use.", "Add LIMIT or narrow the patterns, or start the server with a larger --memory.")
        raise StoreError(f"the request failed: {payload[0]}", "Check the request and the store.")

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get().kill()
