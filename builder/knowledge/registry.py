"""Knowledge formats: small plugin classes behind a registry keyed by name (rdflib ``plugin.py``
style). Built in: ``armedkg`` (the documented JSONL/CSV format of a user's own files), ``curated``
(a folder laid out like ``data/gazetteers``), ``phoenix`` (TABARI/PETRARCH dictionaries) and
``geonames`` (GeoNames dumps). Others are found through the ``armedkg.knowledge`` entry points: a
class with ``name``, ``kind``, ``description`` and ``read(paths, info, folder) -> Knowledge``.
"""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from ..errors import KnowledgeError, UnknownKnowledgeFormat
from ..gazetteer import slug
from .records import ActorRecord, Knowledge, PersonRecord, SourceInfo


class KnowledgeFormat(Protocol):
    """What a knowledge plugin provides."""

    name: str
    kind: str  # the precedence tier of what it reads: "user", "curated" or "imported"
    description: str

    def read(self, paths: list[Path], info: SourceInfo, folder: Path) -> Knowledge:
        """Read ``paths`` into records (``folder``: where the source may keep an index)."""
        ...


class ArmedkgFormat:
    name = "armedkg"
    kind = "user"
    description = "the armedkg knowledge format: JSONL or CSV with actors, persons and places (docs/knowledge.md)"

    def read(self, paths: list[Path], info: SourceInfo, folder: Path) -> Knowledge:
        from .native import read_native

        out = Knowledge(info=info)
        for path in paths:
            part = read_native(path, info)
            out.actors += part.actors
            out.persons += part.persons
            out.places += part.places
            out.problems += part.problems
        out.counts = {"actors": len(out.actors), "persons": len(out.persons), "places": len(out.places)}
        return out


class CuratedFormat:
    name = "curated"
    kind = "curated"
    description = "a folder laid out like data/gazetteers (actors.jsonl, persons.jsonl)"

    def read(self, paths: list[Path], info: SourceInfo, folder: Path) -> Knowledge:
        return read_curated(paths[0], info)


class PhoenixFormat:
    name = "phoenix"
    kind = "imported"
    description = "TABARI/PETRARCH .actors and .agents dictionaries (CAMEO codes)"

    def read(self, paths: list[Path], info: SourceInfo, folder: Path) -> Knowledge:
        from .phoenix import read_phoenix

        return read_phoenix(paths, info)


class GeonamesFormat:
    name = "geonames"
    kind = "imported"
    description = "GeoNames dump files (SY.txt, allCountries.txt, or .zip), indexed in SQLite"

    def read(self, paths: list[Path], info: SourceInfo, folder: Path, classes: str | None = None) -> Knowledge:
        """``classes``: GeoNames feature classes to keep (e.g. "PAS"), all by default."""
        from .geonames import read_geonames

        return read_geonames(paths, info, folder / "places.sqlite", classes)


def read_curated(folder: Path, info: SourceInfo) -> Knowledge:
    """Actors and persons of a gazetteer folder (``actors.jsonl``, ``persons.jsonl``)."""
    out = Knowledge(info=info)
    for row in _jsonl(folder / "actors.jsonl"):
        aliases = [*row.get("aliases", []), *row.get("generic_aliases", [])]
        out.actors.append(
            ActorRecord(id=row["id"], name=row["name"], cls=row.get("type", "NonStateArmedGroup"), aliases=aliases, country=row.get("country"),
                        parent=row.get("parent"), backers=row.get("backers", []), inter=row.get("inter"), qid=row.get("qid"))
        )
    for row in _jsonl(folder / "persons.jsonl"):
        out.persons.append(PersonRecord(id=row["id"], name=row["name"], aliases=row.get("aliases", []), country=row.get("country")))
    out.tag()
    return out


def _jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except ValueError as exc:
        raise KnowledgeError(f"{path} is not JSONL: {exc}.", "Each line of a gazetteer file is one JSON object.") from None


def formats() -> dict[str, KnowledgeFormat]:
    """Every knowledge format by name: the built-ins, then the ``armedkg.knowledge`` entry points."""
    found: dict[str, KnowledgeFormat] = {f.name: f for f in (ArmedkgFormat(), CuratedFormat(), PhoenixFormat(), GeonamesFormat())}
    for ep in entry_points(group="armedkg.knowledge"):
        found[ep.name.lower()] = ep.load()()
    return found


def get_format(name: str) -> KnowledgeFormat:
    """The plugin reading format ``name`` (E088 if none does)."""
    found = formats()
    plugin = found.get(name.lower())
    if plugin is None:
        raise UnknownKnowledgeFormat(f"no knowledge plugin reads '{name}'.", f"Known formats: {', '.join(sorted(found))}.")
    return plugin


def default_name(fmt: str, paths: list[Path]) -> str:
    """A source's name when none is given: the format for a dictionary import, else the file's stem."""
    if fmt == "phoenix":
        return "phoenix"
    stem = slug(paths[0].stem if paths else fmt)
    return f"geonames-{stem}" if fmt == "geonames" else stem
