"""GeoNames dump files (``SY.txt``, ``allCountries.txt``, ``cities500.txt``, or their ``.zip``) into an
indexed SQLite file, so that a village lookup among millions of rows stays a few microseconds.

Columns (tab-separated, the GeoNames ``readme.txt``): geonameid, name, asciiname, alternatenames
(comma-separated), latitude, longitude, feature class, feature code, country code, cc2, admin1
code, admin2 code, admin3 code, admin4 code, population, elevation, dem, timezone,
modification date.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import KnowledgeError
from ..gazetteer import place_key, skeleton
from .fields import FEATURE_CLASSES
from .records import Knowledge, PlaceRecord, Problem, SourceInfo

COLUMNS = 19
SCHEMA = """
CREATE TABLE places (geonameid TEXT PRIMARY KEY, name TEXT, lat REAL, lon REAL, feature_class TEXT,
                     feature_code TEXT, country TEXT, admin1 TEXT, admin2 TEXT, population INTEGER);
CREATE TABLE names (key TEXT, geonameid TEXT);
CREATE TABLE skeletons (key TEXT, geonameid TEXT);
"""
INDEXES = "CREATE INDEX names_key ON names(key); CREATE INDEX skeletons_key ON skeletons(key);"
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\s'’ʿʾ‘-]+$")


def _lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith(".txt") and not member.lower().startswith("readme"):
                    with archive.open(member) as raw:
                        yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as handle:
        yield from handle


def parse_line(line: str) -> PlaceRecord:
    """One row of a dump; ``ValueError`` says what is wrong."""
    cells = line.rstrip("\n").split("\t")
    if len(cells) != COLUMNS:
        raise ValueError(f"has {len(cells)} tab-separated columns, a GeoNames row has {COLUMNS}")
    gid, name, ascii_name, alternates, lat, lon, fclass, fcode, country, _, admin1, admin2 = cells[:12]
    if not gid.isdigit():
        raise ValueError(f"geonameid '{gid}' is not a number")
    if fclass and fclass not in FEATURE_CLASSES:
        raise ValueError(f"feature class '{fclass}' is not a GeoNames class")
    names = [n for n in dict.fromkeys([ascii_name, *alternates.split(",")]) if n and n != name]
    return PlaceRecord(
        id=gid,
        name=name,
        alternate_names=names,
        lat=float(lat),
        lon=float(lon),
        country=country or None,
        admin1=admin1 or None,
        admin2=admin2 or None,
        feature_class=fclass or None,
        feature_code=fcode or None,
        population=int(cells[14] or 0),
        geonames_id=gid,
    )


def _index_rows(place: PlaceRecord) -> tuple[list[tuple[str, str]], tuple[str, str]]:
    keys = {place_key(n) for n in (place.name, *place.alternate_names) if _LATIN.match(n)}
    return [(k, place.id) for k in keys if len(k) >= 3], (skeleton(place_key(place.name)), place.id)


def import_dump(paths: list[Path], target: Path, info: SourceInfo, classes: str | None = None) -> Knowledge:
    """Read dump files into the SQLite index ``target``; returns the counts and the bad lines."""
    knowledge = Knowledge(info=info, place_index=str(target))
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    counts = {"places": 0, "names": 0, "skipped": 0}
    try:
        for path in paths:
            if not path.exists():
                raise KnowledgeError(f"{path} does not exist.", "Give GeoNames dump files such as SY.txt or SY.zip (download.geonames.org/export/dump/).")
            _load(con, path, knowledge.problems, counts, classes)
        con.executescript(INDEXES)
        con.commit()
    finally:
        con.close()
    os.replace(tmp, target)
    knowledge.counts = counts
    return knowledge


def _load(con: sqlite3.Connection, path: Path, problems: list[Problem], counts: dict[str, int], classes: str | None) -> None:
    places, names, skeletons = [], [], []
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            place = parse_line(line)
        except ValueError as exc:
            problems.append(Problem.at(path, number, str(exc), "The row is skipped."))
            continue
        if classes and (place.feature_class or "") not in classes:
            counts["skipped"] += 1
            continue
        places.append((place.id, place.name, place.lat, place.lon, place.feature_class, place.feature_code, place.country, place.admin1, place.admin2, place.population))
        keys, skel = _index_rows(place)
        names += keys
        skeletons.append(skel)
        if len(places) >= 50_000:
            _flush(con, places, names, skeletons, counts)
            places, names, skeletons = [], [], []
    _flush(con, places, names, skeletons, counts)


def _flush(con: sqlite3.Connection, places: list, names: list, skeletons: list, counts: dict[str, int]) -> None:
    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?)", names)
    con.executemany("INSERT INTO skeletons VALUES (?,?)", skeletons)
    counts["places"] += len(places)
    counts["names"] += len(names)


class PlaceIndex:
    """Read-only lookups in an imported GeoNames index; the connection opens on first use in each
    process (a connection must not cross a fork)."""

    def __init__(self, path: str | Path, source: str = "geonames") -> None:
        self.path = str(path)
        self.source = source
        self._con: sqlite3.Connection | None = None
        self._pid = -1

    def _connection(self) -> sqlite3.Connection:
        if self._con is None or self._pid != os.getpid():
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._con

    def ids(self, key: str) -> list[str]:
        """GeoNames ids of the places a place key names."""
        return [row[0] for row in self._connection().execute("SELECT geonameid FROM names WHERE key = ?", (key,))]

    def ids_by_skeleton(self, key: str) -> list[str]:
        return [row[0] for row in self._connection().execute("SELECT geonameid FROM skeletons WHERE key = ?", (key,))]

    def place(self, gid: str) -> tuple | None:
        """(name, lat, lon, feature class, feature code, country, admin1, admin2, population) of a place."""
        return self._connection().execute(
            "SELECT name, lat, lon, feature_class, feature_code, country, admin1, admin2, population FROM places WHERE geonameid = ?", (gid,)
        ).fetchone()

    def lookup(self, name: str) -> list[tuple]:
        """Rows of every place a name may be (by its place key), most populous first."""
        rows = self._connection().execute(
            "SELECT p.geonameid, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country, p.admin1, p.admin2, p.population "
            "FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.key = ? ORDER BY p.population DESC",
            (place_key(name),),
        )
        return rows.fetchall()

    def __len__(self) -> int:
        return self._connection().execute("SELECT COUNT(*) FROM places").fetchone()[0]


def read_geonames(paths: list[Path], info: SourceInfo, target: Path, classes: str | None = None) -> Knowledge:
    """The GeoNames plugin's entry point: index the dumps into ``target``."""
    return import_dump(paths, target, info, classes)
