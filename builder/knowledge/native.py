"""The armedkg knowledge format (``docs/knowledge.md``): JSONL, or CSV as a spreadsheet exports it.

One entry a line (a row): ``kind`` is ``actor`` (the default), ``person`` or ``place``. Every
malformed entry is reported with its line and a coded error (E086); the readers never stop at
the first one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import KnowledgeError
from ..gazetteer import slug
from ..readers import decode_bytes
from . import fields
from .records import ActorRecord, Knowledge, PersonRecord, PlaceRecord, Problem, Role, SourceInfo

KINDS = ("actor", "person", "place")
COMMON = ("kind", "id", "name", "aliases", "country", "source", "note", "notes", "comment")
COLUMNS = {
    "actor": COMMON + ("class", "parent", "backers", "inter", "qid", "valid_from", "valid_to"),
    "person": COMMON + ("noms_de_guerre", "roles", "role", "organisation", "start", "end"),
    "place": COMMON + ("alternate_names", "lat", "lon", "admin1", "admin2", "feature_class", "feature_code", "population", "geonames_id"),
}
#: Other spellings of column names a spreadsheet may use.
SYNONYMS = {
    "type": "class",
    "alias": "aliases",
    "alternatenames": "alternate_names",
    "latitude": "lat",
    "longitude": "lon",
    "organization": "organisation",
    "nom_de_guerre": "noms_de_guerre",
    "inter_code": "inter",
    "wikidata": "qid",
    "from": "valid_from",
    "to": "valid_to",
    "citation": "source",
}
HINT = "See docs/knowledge.md for the columns and their values."


def _column(name: str) -> str:
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return SYNONYMS.get(key, key)


def rows_of(path: Path) -> Iterator[tuple[int, dict | None, str | None]]:
    """(line, row, error) of a JSONL or CSV file; a row that cannot be parsed has an error."""
    try:
        text = decode_bytes(path.read_bytes(), path)
    except OSError as exc:
        raise KnowledgeError(f"cannot read the knowledge file {path}: {exc.strerror or exc}.", "Give the path of a .jsonl or .csv file.") from None
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        yield from _jsonl_rows(text)
    elif suffix in (".csv", ".tsv"):
        yield from _csv_rows(text, "\t" if suffix == ".tsv" else None)
    else:
        raise KnowledgeError(f"{path} is neither JSONL nor CSV.", "Save it as .jsonl or .csv (a spreadsheet's 'CSV' export works).")


def _jsonl_rows(text: str) -> Iterator[tuple[int, dict | None, str | None]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield number, None, f"not JSON ({exc.msg})"
            continue
        if not isinstance(row, dict):
            yield number, None, "not a JSON object"
            continue
        yield number, {_column(k): v for k, v in row.items()}, None


def _csv_rows(text: str, delimiter: str | None) -> Iterator[tuple[int, dict | None, str | None]]:
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","  # European spreadsheets export ';'
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_column(h) for h in next(reader, [])]
    for row in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            yield number, None, f"has {len(row)} columns, the header has {len(header)} (quote cells that contain the delimiter)"
            continue
        yield number, {key: value for key, value in zip(header, row) if key}, None


def _actor(row: dict) -> ActorRecord:
    valid_from, valid_to = fields.day(row.get("valid_from")), fields.day(row.get("valid_to"), end=True)
    if valid_from and valid_to and valid_to < valid_from:
        raise ValueError(f"valid_to {valid_to} is before valid_from {valid_from}")
    return ActorRecord(
        id=str(row.get("id") or slug(row["name"])),
        name=row["name"],
        cls=fields.actor_class(row.get("class"), default=None),
        aliases=fields.names(row.get("aliases")),
        country=fields.country(row.get("country")),
        parent=str(row.get("parent") or "").strip() or None,
        backers=[fields.country(b) or "" for b in fields.names(row.get("backers"))],
        inter=fields.inter(row.get("inter")),
        qid=fields.qid(row.get("qid")),
        valid_from=valid_from,
        valid_to=valid_to,
        citation=str(row.get("source") or "").strip() or None,
    )


def _roles(row: dict) -> list[Role]:
    raw = row.get("roles")
    if isinstance(raw, str) and raw.strip():
        try:
            raw = json.loads(raw)
        except ValueError:
            raise ValueError("roles is not a JSON list of {role, organisation, start, end}") from None
    items = list(raw) if isinstance(raw, list) else []
    if row.get("role") or row.get("organisation"):
        items.append({k: row.get(k) for k in ("role", "organisation", "start", "end")})
    roles = []
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("each role is an object with role, organisation, start, end")
        start, end = fields.day(item.get("start")), fields.day(item.get("end"), end=True)
        if start and end and end < start:
            raise ValueError(f"a role ends ({end}) before it starts ({start})")
        roles.append(Role(role=str(item.get("role") or "member").strip(), organisation=str(item.get("organisation") or "").strip() or None, start=start, end=end))
    return roles


def _person(row: dict) -> PersonRecord:
    return PersonRecord(
        id=str(row.get("id") or slug(row["name"])),
        name=row["name"],
        aliases=fields.names(row.get("aliases")),
        noms_de_guerre=fields.names(row.get("noms_de_guerre")),
        country=fields.country(row.get("country")),
        roles=_roles(row),
        citation=str(row.get("source") or "").strip() or None,
    )


def _place(row: dict) -> PlaceRecord:
    lat, lon = fields.coordinate(row.get("lat"), 90, "latitude"), fields.coordinate(row.get("lon"), 180, "longitude")
    if (lat is None) != (lon is None):
        raise ValueError("give both lat and lon, or neither")
    return PlaceRecord(
        id=str(row.get("id") or row.get("geonames_id") or slug(row["name"])),
        name=row["name"],
        alternate_names=fields.names(row.get("alternate_names")) + fields.names(row.get("aliases")),
        lat=lat,
        lon=lon,
        country=fields.country(row.get("country")),
        admin1=str(row.get("admin1") or "").strip() or None,
        admin2=str(row.get("admin2") or "").strip() or None,
        feature_class=fields.feature_class(row.get("feature_class")),
        feature_code=str(row.get("feature_code") or "").strip().upper() or None,
        population=fields.population(row.get("population")),
        geonames_id=str(row.get("geonames_id") or "").strip() or None,
    )


PARSERS: dict[str, Callable[[dict], object]] = {"actor": _actor, "person": _person, "place": _place}


def parse_row(row: dict) -> ActorRecord | PersonRecord | PlaceRecord:
    """One entry from a row; ``ValueError`` says what is wrong with it."""
    kind = str(row.get("kind") or "actor").strip().lower()
    if kind not in KINDS:
        raise ValueError(f"kind '{kind}' is not one of {', '.join(KINDS)}")
    unknown = sorted(k for k, v in row.items() if k not in COLUMNS[kind] and v not in (None, "", []))
    if unknown:
        raise ValueError(f"unknown column(s) for a {kind}: {', '.join(unknown)}")
    name = str(row.get("name") or "").strip()
    if not name:
        raise ValueError(f"a {kind} needs a name")
    row = {**row, "name": name}
    return PARSERS[kind](row)  # type: ignore[return-value]


def read_native(path: Path, info: SourceInfo) -> Knowledge:
    """Every entry of a file in the armedkg format, and a coded problem for each bad line."""
    knowledge = Knowledge(info=info)
    seen: dict[str, PersonRecord | ActorRecord | PlaceRecord] = {}
    for number, row, error in rows_of(path):
        try:
            if error:
                raise ValueError(error)
            entry = parse_row(row or {})
            entry.line = number
            _add(knowledge, seen, entry)
        except ValueError as exc:
            knowledge.problems.append(Problem.at(path, number, str(exc), HINT))
    knowledge.tag()
    return knowledge


def _add(knowledge: Knowledge, seen: dict, entry: ActorRecord | PersonRecord | PlaceRecord) -> None:
    """Add an entry; a person repeated with the same id and name adds roles (one role a row)."""
    kind = type(entry).__name__
    previous = seen.get(f"{kind}:{entry.id}")
    if previous is not None:
        if isinstance(entry, PersonRecord) and previous.name == entry.name:
            previous.roles.extend(entry.roles)
            previous.aliases.extend(a for a in entry.aliases if a not in previous.aliases)
            return
        raise ValueError(f"id '{entry.id}' was used on line {previous.line}")
    seen[f"{kind}:{entry.id}"] = entry
    target = {"ActorRecord": knowledge.actors, "PersonRecord": knowledge.persons, "PlaceRecord": knowledge.places}[kind]
    target.append(entry)


def _row_of(entry: ActorRecord | PersonRecord | PlaceRecord) -> dict:
    """The JSONL row of an entry (the inverse of :func:`parse_row`)."""
    if isinstance(entry, ActorRecord):
        row = {"kind": "actor", "id": entry.id, "name": entry.name, "class": entry.cls or None, "aliases": entry.aliases, "country": entry.country,
               "parent": entry.parent, "backers": entry.backers, "inter": entry.inter, "qid": entry.qid,
               "valid_from": entry.valid_from and entry.valid_from.isoformat(), "valid_to": entry.valid_to and entry.valid_to.isoformat(), "source": entry.citation}
    elif isinstance(entry, PersonRecord):
        roles = [{"role": r.role, "organisation": r.organisation, "start": r.start and r.start.isoformat(), "end": r.end and r.end.isoformat()} for r in entry.roles]
        row = {"kind": "person", "id": entry.id, "name": entry.name, "aliases": entry.aliases, "noms_de_guerre": entry.noms_de_guerre,
               "country": entry.country, "roles": roles, "source": entry.citation}
    else:
        row = {"kind": "place", "id": entry.id, "name": entry.name, "alternate_names": entry.alternate_names, "lat": entry.lat, "lon": entry.lon,
               "country": entry.country, "admin1": entry.admin1, "admin2": entry.admin2, "feature_class": entry.feature_class,
               "feature_code": entry.feature_code, "population": entry.population or None, "geonames_id": entry.geonames_id}
    return {k: v for k, v in row.items() if v not in (None, [], "")}


def write_native(knowledge: Knowledge, path: Path) -> None:
    """Write a source's actors, persons and places as armedkg JSONL (how a library stores them)."""
    with path.open("w", encoding="utf-8") as out:
        for entry in (*knowledge.actors, *knowledge.persons, *knowledge.places):
            out.write(json.dumps(_row_of(entry), ensure_ascii=False) + "\n")
