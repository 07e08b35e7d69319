"""Write data/world_110m.geojson: country outlines for the offline map (``armedkg map``).

Source: Natural Earth 1:110m Admin 0 countries (public domain, https://www.naturalearthdata.com),
as shipped in the geopandas 0.14.4 wheel (geopandas/datasets/naturalearth_lowres). Run once by a
maintainer, with the pyshp package (not a dependency of armedkg):

    pip download --no-deps geopandas==0.14.4 && unzip geopandas-0.14.4-*.whl 'geopandas/datasets/*'
    pip install pyshp && python data/scripts/build_world.py geopandas/datasets/naturalearth_lowres/naturalearth_lowres

Coordinates are rounded to 0.01 degree (about 1 km), enough for a background map.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile  # pyshp

OUT = Path(__file__).resolve().parents[1] / "world_110m.geojson"


def rounded(coords: object) -> object:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    return [rounded(c) for c in coords]


def main(path: str) -> None:
    reader = shapefile.Reader(path)
    features = []
    for shape_record in reader.shapeRecords():
        rec = shape_record.record.as_dict()
        geometry = shape_record.shape.__geo_interface__
        features.append(
            {
                "type": "Feature",
                "properties": {"name": rec["name"], "iso_a3": rec["iso_a3"]},
                "geometry": {"type": geometry["type"], "coordinates": rounded(geometry["coordinates"])},
            }
        )
    data = {"type": "FeatureCollection", "source": "Natural Earth 1:110m Admin 0 countries (public domain)", "features": features}
    OUT.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({len(features)} countries, {OUT.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main(sys.argv[1])
