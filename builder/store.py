"""The graph store: Oxigraph embedded on disk (default ``./armedkg-store``).

One named graph per document, so that a document built again replaces its own assertions and
nothing else; the ontology lives in its own named graph. Queries see the union of all graphs.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import Graph

from ontology.namespace import GRAPH

from .errors import RemoteStoreError, StoreDamaged, StoreError

DEFAULT_STORE = "./armedkg-store"
ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
ONTOLOGY_GRAPH = GRAPH["ontology"]
INFERRED_GRAPH = GRAPH["inferred"]
DESCRIPTIONS_GRAPH = GRAPH["descriptions"]  # entity descriptions shared by all documents
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: rdflib.term.Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """rdflib term -> pyoxigraph term."""
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def from_ox(term: object) -> rdflib.term.Node:
    """pyoxigraph term -> rdflib term."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:  # RDF 1.1: a simple literal is an xsd:string
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise TypeError(f"unsupported term {term!r}")


def bind_values(sparql: str, bindings: dict[str, rdflib.term.Node]) -> str:
    """``sparql`` with a ``VALUES`` block binding variables to RDF terms at the top of the outer
    group and of every ``WHERE { ... }`` subquery (a subquery does not see the outer group's
    bindings, and the outer group does not see what a subquery leaves unprojected).

    Each value is an RDF term serialised by pyoxigraph (N-Triples escaping), so a parameter can
    never add query syntax: ``x" } ; DROP ALL ; #`` stays one string literal. (Oxigraph's own
    ``substitutions`` only binds projected variables, which filters are not.)
    """
    names = [n for n in bindings if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n)]
    if len(names) != len(bindings):
        raise StoreError("invalid variable name in bindings.", "Use letters, digits and _.")
    values = "VALUES (" + " ".join(f"?{n}" for n in names) + ") { (" + " ".join(str(to_ox(bindings[n])) for n in names) + ") }"
    first = sparql.find("{")
    if first < 0:
        raise StoreError("the query has no group to bind parameters in.", "Add WHERE { ... }.")
    positions = {first + 1} | {m.end() for m in re.finditer(r"\bWHERE\s*\{", sparql, re.IGNORECASE)}
    for pos in sorted(positions, reverse=True):
        sparql = sparql[:pos] + "\n  " + values + "\n" + sparql[pos:]
    return sparql


def _drop_and_insert(graph_names: list[str], groups: dict[str, list[str]]) -> str:
    """The update text: ``DROP SILENT GRAPH`` for each name, then one ``INSERT DATA`` of the
    triple lines grouped by graph."""
    inserts = [f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in groups.items() if lines]
    parts = [f"DROP SILENT GRAPH {name}" for name in graph_names]
    if inserts:
        parts.append("INSERT DATA {\n" + "\n".join(inserts) + "\n}")
    return " ;\n".join(parts)


def replace_update(graphs: Iterable[tuple[rdflib.URIRef, Graph]]) -> tuple[str, int]:
    """One SPARQL Update that replaces each named graph by its new content, and the triple count.

    Terms are written by pyoxigraph in N-Triples syntax, so no text from a document can add
    update syntax.
    """
    names: list[str] = []
    groups: dict[str, list[str]] = {}
    for graph_iri, graph in graphs:
        name = str(ox.NamedNode(str(graph_iri)))
        names.append(name)
        groups.setdefault(name, []).extend(f"{to_ox(s)} {to_ox(p)} {to_ox(o)} ." for s, p, o in graph)
    return _drop_and_insert(names, groups), sum(len(lines) for lines in groups.values())


_OX_TERMS = (ox.NamedNode, ox.BlankNode, ox.Literal)


def document_nquads(graph_iri: rdflib.URIRef, triples: Iterable[tuple], shared: Iterable[tuple]) -> tuple[bytes, bytes]:
    """N-Quads of one document: its triples in its own graph, and the ``shared`` ones in the
    descriptions graph (two byte strings, one quad per line). Triples are of pyoxigraph terms
    (what emission makes) or rdflib ones; either way pyoxigraph writes them (N-Triples escaping)."""
    name = str(ox.NamedNode(str(graph_iri)))
    descriptions = str(ox.NamedNode(str(DESCRIPTIONS_GRAPH)))
    cache: dict = {}

    def term(t: object) -> str:
        text = cache.get(t)
        if text is None:
            text = cache[t] = str(t if isinstance(t, _OX_TERMS) else to_ox(t))
        return text

    own = "".join(f"{term(s)} {term(p)} {term(o)} {name} .\n" for s, p, o in triples)
    described = "".join(f"{term(s)} {term(p)} {term(o)} {descriptions} .\n" for s, p, o in shared)
    return own.encode("utf-8"), described.encode("utf-8")


def nquads_update(documents: list[tuple[rdflib.URIRef, bytes, int]]) -> str:
    """One SPARQL Update replacing each document graph by its N-Quads (and adding the shared
    descriptions): ``DROP SILENT GRAPH`` each, then one ``INSERT DATA``."""
    groups: dict[str, list[str]] = {}
    for _, data, _ in documents:
        for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
            groups.setdefault(str(quad.graph_name), []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    return _drop_and_insert([str(ox.NamedNode(str(g))) for g, _, _ in documents], groups)



# --------------------------------------------------------------------------- store files
_STORE_FILE = re.compile(r"^(CURRENT|IDENTITY|LOCK|LOG(\.old\.\d+)?|MANIFEST-\d+|OPTIONS-\d+|\d+\.(sst|log|blob))$")
_RECOVER = "Nothing in the folder was changed. Restore it from a backup, or build into a new folder (--store NEW) from your files."


def _newest_manifest(names: list[str]) -> str | None:
    manifests = [n for n in names if re.fullmatch(r"MANIFEST-\d+", n)]
    return max(manifests, key=lambda n: int(n.split("-")[1])) if manifests else None


def check_location(location: Path, read_only: bool) -> bool:
    """Refuse a location that must not be opened, before RocksDB touches it; ``True`` when it
    holds store files.

    RocksDB opened for writing on a folder whose ``CURRENT`` file is lost creates a new, empty
    database and deletes the old data files: that never happens here.

    Raises:
        StoreError: the location is a file, holds other files and no store, or (read-only)
            has no store.
        StoreDamaged: store files without ``CURRENT``, with the command that recovers them.
    """
    if location.exists() and not location.is_dir():
        raise StoreError(f"{location} is a file, not a store folder.", "Pass the folder of a store with --store ('armedkg build' creates one in a new folder).")
    if not location.exists():
        if read_only:
            raise StoreError(f"no store at {location}.", "Run 'armedkg build PATH' first or pass --store.")
        return False
    try:
        names = os.listdir(location)
    except OSError as exc:
        raise StoreError(f"cannot read the folder {location}: {exc.strerror}.", "Check its permissions.") from None
    store_files = [n for n in names if _STORE_FILE.match(n)]
    if not store_files:
        if read_only:
            raise StoreError(f"{location} holds no armedkg store.", "Run 'armedkg build PATH --store DIR' first, or pass the store's folder.")
        if names:
            raise StoreError(f"{location} holds other files and no armedkg store.", "Pass a new or empty folder for the store.")
        return False
    if "CURRENT" not in names:
        manifest = _newest_manifest(names)
        hint = (
            f"Nothing was changed. Recover it by writing the newest MANIFEST name into CURRENT: "
            f"printf '{manifest}\\n' > '{location / 'CURRENT'}' (then run the command again)."
            if manifest
            else _RECOVER
        )
        raise StoreDamaged(f"the store at {location} is damaged: its CURRENT file is missing.", hint)
    return True


def store_error(location: Path | None, exc: BaseException, doing: str) -> StoreError:
    """A coded error for a failure of the store's engine, with a hint that fits its cause."""
    text = str(exc)
    lower = text.lower()
    where = f"the store at {location}"
    if "no space left" in lower or "file too large" in lower or "quota" in lower:
        return StoreError(f"cannot {doing} {where}: the disk is full ({text[:200]}).", "Free some space. Batches written before are kept: run the build again to resume.")
    if "corruption" in lower or "no such file" in lower or "manifest" in lower:
        return StoreDamaged(f"{where} is damaged: {text[:300]}", _RECOVER)
    if "permission denied" in lower or "read-only file system" in lower:
        return StoreError(f"cannot {doing} {where}: permission denied ({text[:200]}).", "Check the folder's permissions.")
    if "lock" in lower or "resource temporarily unavailable" in lower:
        return StoreError(f"cannot {doing} {where}: another process is writing to it ({text[:200]}).", "Wait for the other build (or server with --allow-update) to finish.")
    return StoreError(f"cannot {doing} {where}: {text[:300]}", "Check the folder; 'armedkg build PATH --store DIR' creates a store in a new folder.")


# --------------------------------------------------------------------------- entities no document mentions
_KEEP_GRAPHS = "<{desc}>, <{onto}>, <{inferred}>"


def graph_terms(store: object, graph_iri: rdflib.URIRef) -> set[str]:
    """The IRIs of one named graph's subjects and objects (entities it mentions among them)."""
    sparql = f"SELECT DISTINCT ?t WHERE {{ GRAPH <{graph_iri}> {{ {{ ?t ?p ?o }} UNION {{ ?s ?p ?t }} }} FILTER(isIRI(?t)) }}"
    return {row["t"].value for row in store.query(sparql)}  # type: ignore[attr-defined]


def drop_orphans(store: object, candidates: Iterable[str]) -> int:
    """Remove from the shared descriptions graph the entities (of ``candidates``) that no
    document mentions any more, and the places only they lay in; returns how many.

    A changed document replaces its named graph, so what it no longer says is gone from it; its
    entities' descriptions are shared by all documents and stay while another document (or a kept
    entity's description, as a place's container) still refers to them.
    """
    desc = str(DESCRIPTIONS_GRAPH)
    skip = _KEEP_GRAPHS.format(desc=desc, onto=ONTOLOGY_GRAPH, inferred=INFERRED_GRAPH)
    todo, removed = sorted(set(candidates)), 0
    while todo:
        iri = ox.NamedNode(todo.pop())
        described = f"ASK {{ GRAPH <{desc}> {{ {iri} ?p ?o }} }}"
        used = (
            f"ASK {{ {{ GRAPH ?g {{ {iri} ?p ?o }} FILTER(?g NOT IN ({skip})) }} UNION "
            f"{{ GRAPH ?g {{ ?s ?p {iri} }} FILTER(?g NOT IN ({skip}) || (?g = <{desc}> && ?s != {iri})) }} }}"
        )
        if not bool(store.query(described)) or bool(store.query(used)):  # type: ignore[attr-defined]
            continue
        objects = [row["o"].value for row in store.query(f"SELECT DISTINCT ?o WHERE {{ GRAPH <{desc}> {{ {iri} ?p ?o }} FILTER(isIRI(?o)) }}")]  # type: ignore[attr-defined]
        store.update(f"DELETE WHERE {{ GRAPH <{desc}> {{ {iri} ?p ?o }} }}")  # type: ignore[attr-defined]
        removed += 1
        todo.extend(o for o in objects if o not in todo)
    return removed


class Store:
    """The armedkg store over Oxigraph.

    Args:
        location: folder of the embedded store, or ``None`` for an in-memory store (tests).
        read_only: open an existing store for reading only (several readers may share it).
        create: make a new store when there is none (otherwise: StoreError).
    """

    def __init__(self, location: str | Path | None = DEFAULT_STORE, read_only: bool = False, create: bool = True) -> None:
        self.location = Path(location) if location is not None else None
        if self.location is None:
            self.ox = ox.Store()
            return
        has_store = check_location(self.location, read_only or not create)
        try:
            if read_only:
                self.ox = ox.Store.read_only(str(self.location))
                return
            if has_store:
                # Open read-only first: it changes no file, and a damaged store fails here,
                # before RocksDB, opened for writing, would "repair" or replace its files.
                probe = ox.Store.read_only(str(self.location))
                del probe
            else:
                self.location.mkdir(parents=True, exist_ok=True)
            self.ox = ox.Store(str(self.location))
        except (OSError, RuntimeError, ValueError) as exc:
            raise store_error(self.location, exc, "open") from None

    # ------------------------------------------------------------------ writing
    def ensure_ontology(self) -> None:
        """Load ``ontology/armed_actors.ttl`` into its named graph (replacing an older copy)."""
        g = Graph().parse(ONTOLOGY_DIR / "armed_actors.ttl", format="turtle")
        self.replace_graph(ONTOLOGY_GRAPH, g)

    def replace_graph(self, graph_iri: rdflib.URIRef, graph: Graph) -> None:
        """Replace the content of one named graph, in one transaction."""
        self.write_batch([(graph_iri, graph)])

    def write_batch(self, graphs: Iterable[tuple[rdflib.URIRef, Graph]]) -> int:
        """Replace several named graphs in one transaction (one SPARQL Update, which Oxigraph
        applies atomically); returns the number of triples written."""
        text, count = replace_update(graphs)
        if text:
            self.update(text)
        return count

    def write_documents(self, documents: list[tuple[rdflib.URIRef, bytes, int]]) -> int:
        """Write a batch of documents given as (graph IRI, N-Quads, quad count), in one transaction.

        New documents are one ``load`` of the concatenated N-Quads; if any of them is already
        stored, the batch is one SPARQL Update that drops and re-inserts their graphs. Either way
        Oxigraph applies it atomically. Returns the number of quads written.
        """
        count = sum(n for _, _, n in documents)
        try:
            if not any(self.ox.contains_named_graph(ox.NamedNode(str(g))) for g, _, _ in documents):
                self.ox.load(b"".join(data for _, data, _ in documents), format=ox.RdfFormat.N_QUADS)
                return count
        except (OSError, RuntimeError) as exc:
            raise store_error(self.location, exc, "write") from None
        self.update(nquads_update(documents))
        return count

    def update(self, sparql_update: str) -> None:
        try:
            self.ox.update(sparql_update)
        except (OSError, RuntimeError) as exc:
            raise store_error(self.location, exc, "write") from None

    def document_hash(self, graph_iri: rdflib.URIRef) -> str | None:
        """The text hash recorded for a document graph, or ``None`` if the document is not stored."""
        name = ox.NamedNode(str(graph_iri))
        if not self.ox.contains_named_graph(name):
            return None
        pred = ox.NamedNode("https://w3id.org/armedkg/ontology#textSha256")
        for quad in self.ox.quads_for_pattern(None, pred, None, name):
            return quad.object.value
        return None

    def document_source_file(self, graph_iri: rdflib.URIRef) -> str | None:
        """The file a stored document was read from, when its id is that file's name."""
        pred = ox.NamedNode("http://purl.org/dc/terms/source")
        for quad in self.ox.quads_for_pattern(None, pred, None, ox.NamedNode(str(graph_iri))):
            return quad.object.value
        return None

    def flush(self) -> None:
        try:
            self.ox.flush()
        except (OSError, RuntimeError) as exc:
            raise store_error(self.location, exc, "write") from None

    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, bindings: dict[str, rdflib.term.Node] | None = None) -> object:
        """Run a SPARQL query over the union of all graphs, with variables bound as RDF terms.

        Bindings become a ``VALUES`` block at the start of the outer ``WHERE`` group. Each value
        is an RDF term serialised by pyoxigraph (N-Triples escaping), so a parameter can never
        add query syntax: ``x" } ; DROP ALL ; #`` stays one string literal. (Oxigraph's own
        ``substitutions`` only binds projected variables, which filters are not.)
        """
        if bindings:
            sparql = bind_values(sparql, bindings)
        return self.ox.query(sparql, use_default_graph_as_union=True)

    def __len__(self) -> int:
        return len(self.ox)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs())

    def union_graph(self, include_ontology: bool = False, include_inferred: bool = True) -> Graph:
        """All triples (document graphs, optionally the ontology and inferred facts) as one rdflib Graph."""
        g = Graph()
        skip = set()
        if not include_ontology:
            skip.add(str(ONTOLOGY_GRAPH))
        if not include_inferred:
            skip.add(str(INFERRED_GRAPH))
        for quad in self.iter_quads():
            if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name.value in skip:
                continue
            g.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        return g

    def iter_quads(self) -> Iterator[ox.Quad]:
        return iter(self.ox.quads_for_pattern(None, None, None, None))

    def dump(self, fmt: ox.RdfFormat, from_graph: object | None = None) -> bytes:
        out = io.BytesIO()
        if from_graph is None:
            self.ox.dump(out, format=fmt)
        else:
            self.ox.dump(out, format=fmt, from_graph=from_graph)
        return out.getvalue()


class RemoteStore:
    """A store behind a SPARQL 1.1 server (Protocol for queries and updates), e.g. ``oxigraph serve``.

    ``URL`` is the server root (``http://127.0.0.1:7878``, whose ``/query`` and ``/update`` are
    used) or a query endpoint ending in ``/query`` or ``/sparql``. Writes are the same single
    SPARQL Update per batch as the embedded store, so the server applies each batch atomically.
    Queries ask for the union of the named graphs (``union-default-graph``, which Oxigraph
    understands) so that named queries behave as on the embedded store.
    """

    def __init__(self, url: str, read_only: bool = False, timeout: float = 300.0) -> None:
        root = url.rstrip("/")
        for suffix in ("/query", "/sparql"):
            if root.endswith(suffix):
                root = root[: -len(suffix)]
        self.location = url
        self.query_url = root + "/query"
        self.update_url = root + "/update"
        self.read_only = read_only
        self.timeout = timeout
        try:
            self.query("ASK { }")
        except StoreError as exc:
            raise RemoteStoreError(f"no SPARQL server answers at {url}: {exc.message}", "Start one, e.g. 'oxigraph serve --location DIR --bind 127.0.0.1:7878'.") from None

    def _post(self, url: str, body: bytes, content_type: str, accept: str) -> tuple[str, bytes]:
        """POST to the server; the response's content type and body."""
        import urllib.error
        import urllib.request

        request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type, "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise RemoteStoreError(f"{url} answered {exc.code}: {detail}", "Check the request and the server log.") from None
        except (urllib.error.URLError, OSError) as exc:
            raise RemoteStoreError(f"cannot reach {url}: {exc}", "Is the server running?") from None

    # the same interface as Store --------------------------------------------------------
    def ensure_ontology(self) -> None:
        Store.ensure_ontology(self)  # type: ignore[arg-type]

    def replace_graph(self, graph_iri: rdflib.URIRef, graph: Graph) -> None:
        self.write_batch([(graph_iri, graph)])

    def write_batch(self, graphs: Iterable[tuple[rdflib.URIRef, Graph]]) -> int:
        text, count = replace_update(graphs)
        if text:
            self.update(text)
        return count

    def write_documents(self, documents: list[tuple[rdflib.URIRef, bytes, int]]) -> int:
        self.update(nquads_update(documents))
        return sum(n for _, _, n in documents)

    def update(self, sparql_update: str) -> None:
        if self.read_only:
            raise RemoteStoreError("this remote store was opened read-only.", "Open it for writing.")
        self._post(self.update_url, sparql_update.encode("utf-8"), "application/sparql-update", "*/*")

    def document_hash(self, graph_iri: rdflib.URIRef) -> str | None:
        sparql = f"SELECT ?h WHERE {{ GRAPH {ox.NamedNode(str(graph_iri))} {{ ?d <https://w3id.org/armedkg/ontology#textSha256> ?h }} }} LIMIT 1"
        for row in self.query(sparql):
            return row["h"].value
        return None

    def document_source_file(self, graph_iri: rdflib.URIRef) -> str | None:
        sparql = f"SELECT ?f WHERE {{ GRAPH {ox.NamedNode(str(graph_iri))} {{ ?d <http://purl.org/dc/terms/source> ?f }} }} LIMIT 1"
        for row in self.query(sparql):
            return row["f"].value
        return None

    def flush(self) -> None:
        """Nothing to do: the server persists each update."""

    def query(self, sparql: str, bindings: dict[str, rdflib.term.Node] | None = None) -> object:
        from urllib.parse import urlencode

        if bindings:
            sparql = bind_values(sparql, bindings)
        body = urlencode({"query": sparql, "union-default-graph": ""}).encode()
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        content_type, data = self._post(self.query_url, body, "application/x-www-form-urlencoded", accept)
        if "n-triples" in content_type:
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    def __len__(self) -> int:
        rows = list(self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"))
        return int(rows[0]["n"].value) if rows else 0

    def named_graphs(self) -> list[str]:
        return sorted(row["g"].value for row in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"))

    def iter_quads(self) -> Iterator[ox.Quad]:
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in rows:
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def union_graph(self, include_ontology: bool = False, include_inferred: bool = True) -> Graph:
        return Store.union_graph(self, include_ontology, include_inferred)  # type: ignore[arg-type]

    def dump(self, fmt: ox.RdfFormat, from_graph: object | None = None) -> bytes:
        quads = [q for q in self.iter_quads() if from_graph is None or q.graph_name == from_graph]
        if from_graph is not None or not fmt.supports_datasets:
            return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=fmt)
        return ox.serialize(quads, format=fmt)


def open_store(location: str | Path | None = DEFAULT_STORE, read_only: bool = False, create: bool = True) -> Store | RemoteStore:
    """The store at ``location``: an ``http(s)://`` URL is a remote SPARQL server, anything else
    a folder (a new store is made there unless ``read_only`` or not ``create``)."""
    if isinstance(location, str) and re.match(r"https?://", location):
        return RemoteStore(location, read_only=read_only)
    return Store(location, read_only=read_only, create=create)
