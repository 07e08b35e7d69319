"""Named SPARQL queries: discovery, safe parameter binding, execution and formatting.

Each ``queries/*.rq`` file starts with a header::

    # name: actors_backed_by
    # purpose: ...
    # param: backer (string, optional): ...
    # example: backer=Iran
    # columns: actor, actorLabel, ...

``# example:`` lines give parameter values for the example of the query on ``armedkg serve``'s page.

A parameter is bound as an RDF term in a ``VALUES`` block (see ``builder.store.bind_values``),
never pasted into the query text as text: a ``string`` parameter ``backer`` binds ``?backerName`` to a plain
literal and ``?backerKey`` to its lookup key (``akg:nameKey``, see ``builder.gazetteer.name_key``);
``date`` binds ``?since`` to an ``xsd:date`` literal (validated); ``integer`` binds an
``xsd:integer``; ``iri`` binds an IRI (validated against the IRI grammar's forbidden characters).

The bindings go at the top of the outer group and of every ``WHERE { ... }`` subquery, so a
query may resolve a name once in a subquery (fast: matched once, not once per row) and still
filter on another parameter in its outer group.

A query that can return thousands of rows pages them: its header says ``# page: 200`` and its
text has one ``LIMIT 200 OFFSET 0  # page`` (in the subquery that picks the rows, before their
lookups). It then takes two more parameters, ``limit`` (rows per page; 0 for all) and
``offset``; validated integers, they are the only values written into the query text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from builder.errors import NameNotFound, QueryError
from builder.gazetteer import name_key
from builder.store import Store

QUERY_DIR = Path(__file__).resolve().parent
_PARAM_RE = re.compile(r"^#\s*param:\s*(\w+)\s*\((\w+)(?:,\s*(optional|required))?\)\s*:?\s*(.*)$")
MAX_LITERAL = 1000


@dataclass
class QueryParam:
    name: str
    type: str
    required: bool
    description: str
    page: bool = False  # ``limit`` / ``offset`` of a paged query: written into the text, not bound

    @property
    def variable(self) -> str:
        return f"{self.name}Name" if self.type == "string" else self.name


@dataclass
class NamedQuery:
    name: str
    path: Path
    purpose: str = ""
    params: list[QueryParam] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    page: int | None = None  # default rows per page of a paged query
    examples: dict[str, str] = field(default_factory=dict)  # parameter values of the query page's example

    @property
    def text(self) -> str:
        return read_rq(self.path)


def read_rq(path: Path) -> str:
    """The text of a ``.rq`` file (UTF-8).

    Raises:
        QueryError: the file cannot be read or is not UTF-8.
    """
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path} is not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}).", "Save the query file as UTF-8.") from None
    except OSError as exc:
        raise QueryError(f"cannot read {path}: {exc.strerror or exc}.", "Check the path and its permissions.") from None


def parse_header(path: Path) -> NamedQuery:
    """Read the comment header of a ``.rq`` file."""
    query = NamedQuery(name=path.stem, path=path)
    for line in read_rq(path).splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _PARAM_RE.match(line)
        if m:
            query.params.append(QueryParam(m[1], m[2].lower(), (m[3] or "optional") == "required", m[4].strip()))
        elif line.startswith("# name:"):
            query.name = line.split(":", 1)[1].strip()
        elif line.startswith("# purpose:"):
            query.purpose = line.split(":", 1)[1].strip()
        elif line.startswith("# example:") and "=" in line:
            key, value = line.split(":", 1)[1].strip().split("=", 1)
            query.examples[key.strip()] = value.strip()
        elif line.startswith("# columns:"):
            query.columns = [c.strip() for c in line.split(":", 1)[1].split(",") if c.strip()]
        elif line.startswith("# page:"):
            if not re.fullmatch(r"\s*\d{1,9}\s*", line.split(":", 1)[1]):
                raise QueryError(f"{path}: '# page:' needs a whole number, got {line.split(':', 1)[1].strip()!r}.", "Fix the .rq header.")
            query.page = int(line.split(":", 1)[1].strip())
            query.params.append(QueryParam("limit", "integer", False, f"rows per page (default {query.page}; 0 for all rows)", page=True))
            query.params.append(QueryParam("offset", "integer", False, "rows to skip (default 0): the next page starts at offset + limit", page=True))
    return query


_PAGE_RE = re.compile(r"LIMIT\s+\d+\s+OFFSET\s+\d+(?=\s*#\s*page\b)")


def page_of(query: NamedQuery, params: dict[str, str]) -> tuple[int, int] | None:
    """(limit, offset) of a paged query from its parameters (checked), or ``None``."""
    if query.page is None:
        return None
    values = []
    for name, default in (("limit", query.page), ("offset", 0)):
        value = params.get(name) or str(default)
        if not re.fullmatch(r"\d{1,9}", value):
            raise QueryError(f"parameter '{name}' must be a whole number >= 0, got {value!r}.", f"Example: --param {name}={default or 100}.")
        values.append(int(value))
    return values[0], values[1]


def paged_text(query: NamedQuery, page: tuple[int, int] | None) -> str:
    """The query text with the page's LIMIT and OFFSET written in (no LIMIT for limit 0)."""
    text = query.text
    if page is None:
        return text
    if len(_PAGE_RE.findall(text)) != 1:
        raise QueryError(f"query '{query.name}' declares '# page:' but has no single 'LIMIT n OFFSET n  # page' line.", "Fix the .rq file.")
    limit, offset = page
    return _PAGE_RE.sub(f"LIMIT {limit} OFFSET {offset}" if limit else f"OFFSET {offset}", text)


def list_queries(directory: Path = QUERY_DIR) -> list[NamedQuery]:
    """The named queries shipped in ``queries/``, sorted by name."""
    return sorted((parse_header(p) for p in directory.glob("*.rq")), key=lambda q: q.name)


def find_query(name_or_file: str) -> NamedQuery:
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.exists():
        if not path.is_file():
            raise QueryError(f"{path} is not a file.", "Give a .rq file or the name of a query ('armedkg queries' lists them).")
        return parse_header(path)
    for query in list_queries():
        if query.name == name_or_file:
            return query
    names = ", ".join(q.name for q in list_queries())
    raise QueryError(f"no query named '{name_or_file}'.", f"Run 'armedkg queries' to list them: {names}.")


_IRI_FORBIDDEN = re.compile(r'[\s<>"{}|\\^`]')
ID = "https://w3id.org/armedkg/id/"


def bind(query: NamedQuery, params: dict[str, str]) -> dict[str, object]:
    """Turn user parameters into RDF terms, checking names, types and required ones."""
    known = {p.name: p for p in query.params}
    for name in params:
        if name not in known:
            raise QueryError(
                f"query '{query.name}' has no parameter '{name}'.",
                f"Its parameters: {', '.join(known) or 'none'}.",
            )
    bindings: dict[str, object] = {}
    for p in query.params:
        if p.page:
            continue  # see page_of
        value = params.get(p.name)
        if value is None or value == "":
            if p.required:
                raise QueryError(f"query '{query.name}' needs --param {p.name}=VALUE ({p.type}).", p.description)
            continue
        if len(value) > MAX_LITERAL:
            raise QueryError(f"parameter '{p.name}' is longer than {MAX_LITERAL} characters.", "Shorten it.")
        if p.type == "string":
            bindings[p.variable] = Literal(value)
            bindings[f"{p.name}Key"] = Literal(name_key(value))
        elif p.type == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or not _is_date(value):
                raise QueryError(f"parameter '{p.name}' must be a date YYYY-MM-DD, got {value!r}.", "Example: 2020-08-17.")
            bindings[p.variable] = Literal(value, datatype=XSD.date)
        elif p.type == "integer":
            if not re.fullmatch(r"-?\d{1,12}", value):
                raise QueryError(f"parameter '{p.name}' must be an integer, got {value!r}.", "Example: 25.")
            bindings[p.variable] = Literal(int(value), datatype=XSD.integer)
        elif p.type == "decimal":
            if not re.fullmatch(r"-?\d{1,9}(\.\d{1,9})?", value):
                raise QueryError(f"parameter '{p.name}' must be a number, got {value!r}.", "Example: 35.3.")
            bindings[p.variable] = Literal(value, datatype=XSD.decimal)
        elif p.type == "iri":
            if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value):
                value = ID + value.lstrip("/")  # the short form the tables print: place/sy/al-shula
            if _IRI_FORBIDDEN.search(value):
                raise QueryError(f"parameter '{p.name}' is not a valid IRI: {value!r}.", "Give an IRI without spaces or <>, or the short form a table prints (actor/islamic-state).")
            bindings[p.variable] = URIRef(value)
        else:
            raise QueryError(f"query '{query.name}' declares an unknown parameter type '{p.type}'.", "Fix the .rq header.")
    return bindings


def _is_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[str | None]]
    page: tuple[int, int] | None = None  # (limit, offset) of a paged query

    @property
    def more(self) -> bool:
        """Whether a paged query may have rows after this page (it came back full)."""
        return self.page is not None and self.page[0] > 0 and len(self.rows) >= self.page[0]

    def as_dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def _value(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term.value
    return str(term)


def run_query(store: Store, name_or_file: str, params: dict[str, str] | None = None) -> QueryResult:
    """Run a named query (or a .rq file) with parameters; returns columns and rows of strings."""
    query = find_query(name_or_file)
    bindings = bind(query, params or {})
    page = page_of(query, params or {})
    try:
        solutions = store.query(paged_text(query, page), bindings)
        if isinstance(solutions, (bool, ox.QueryBoolean)):
            return QueryResult(["ask"], [["true" if solutions else "false"]])
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError(f"query '{query.name}' is not a SELECT or ASK query.", "Use 'armedkg export' for graphs.")
        columns = [v.value for v in solutions.variables]
        rows = [[_value(sol[c]) for c in columns] for sol in solutions]
    except SyntaxError as exc:
        raise QueryError(f"query '{query.name}' does not parse: {exc}", "Check the query text.") from None
    except (ValueError, OSError, RuntimeError) as exc:
        raise QueryError(f"query '{query.name}' failed: {exc}", "Check the query text; if the store is damaged, rebuild it into a new folder.") from None
    if not rows:
        check_names(store, query, params or {})
    return QueryResult(columns, rows, page)


def _name_params(query: NamedQuery, params: dict[str, str]) -> list[tuple[QueryParam, str]]:
    """The given parameters that name an entity ("name or alias of ..." in the header)."""
    return [(p, params[p.name]) for p in query.params if p.type == "string" and p.description.startswith("name or alias") and params.get(p.name)]


def check_names(store: Store, query: NamedQuery, params: dict[str, str]) -> None:
    """Raise :class:`NameNotFound` (E044) if a name parameter matches no entity of the store, with
    the closest names the store has (what an empty result would otherwise hide)."""
    for param, value in _name_params(query, params):
        if list(store.query("SELECT ?x WHERE { ?x <https://w3id.org/armedkg/ontology#nameKey> ?key } LIMIT 1", {"key": Literal(name_key(value))})):
            continue
        place = "place" in param.description.split(" of ", 1)[-1]
        close = suggestions(store, value, place)
        hint = f"Did you mean: {', '.join(close)}?" if close else "Check the spelling; 'armedkg view' or the query page list the names the store has."
        raise NameNotFound(f"no {param.name} named '{value}' in the store.", hint)


def suggestions(store: Store, name: str, place: bool, most: int = 3) -> list[str]:
    """Names in the store close to ``name``: places only for a place, any other entity otherwise."""
    import difflib

    kind = "akg:Location" if place else "akg:Actor"
    sparql = f"""PREFIX akg: <https://w3id.org/armedkg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT DISTINCT ?name WHERE {{ ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* {kind} . {{ ?x skos:prefLabel ?name }} UNION {{ ?x skos:altLabel ?name }} }}"""
    names = sorted({_value(row["name"]) for row in store.query(sparql)} - {None})
    wanted = name_key(name)
    contains = [n for n in names if len(wanted) >= 3 and (wanted in name_key(n) or (len(name_key(n)) >= 4 and name_key(n) in wanted))]
    by_key: dict[str, str] = {}
    for n in names:
        by_key.setdefault(name_key(n), n)
    close = [by_key[k] for k in difflib.get_close_matches(wanted, list(by_key), n=most, cutoff=0.6)]
    return list(dict.fromkeys(contains + close))[:most]


def format_result(result: QueryResult, fmt: str = "table", max_width: int = 60) -> str:
    """Render as an aligned text table, CSV or JSON."""
    if fmt == "json":
        return json.dumps(result.as_dicts(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if v is None else v for v in row])
        return out.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown format '{fmt}'.", "Use table, csv or json.")

    def cell(v: str | None) -> str:
        text = "" if v is None else re.sub(r"\s+", " ", v)
        text = text.replace("https://w3id.org/armedkg/id/", "")
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(), "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    if result.more:
        limit, offset = result.page
        lines.append(f"(one page of {limit}; --param offset={offset + limit} for the next, --param limit=0 for all)")
    return "\n".join(lines)
