"""Records of the knowledge layer: actors, persons, places and agent nouns, each keeping the
source it came from, and the bundle a knowledge source yields.

The file format these records are read from is documented in ``docs/knowledge.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: Source kinds, highest precedence first: a user's own file outranks the curated gazetteers,
#: which outrank imported dictionaries (``docs/knowledge.md``, "Precedence").
KINDS = ("user", "curated", "imported")
PRECEDENCE = {kind: rank for rank, kind in enumerate(KINDS)}

#: Flags of an alias that needs context to fire (``builder.knowledge.gate``).
SHORT = "short"  # fewer than four letters
COMMON_WORD = "common_word"  # a single English dictionary word
LONE_NAME = "lone_name"  # a person's lone first name or surname
FLAGS = (SHORT, COMMON_WORD, LONE_NAME)


@dataclass(frozen=True)
class SourceInfo:
    """One knowledge source: its name (unique in a library), kind, format and origin."""

    name: str
    kind: str  # one of KINDS
    format: str  # the plugin that read it: "armedkg", "phoenix", "geonames", "curated"
    origin: tuple[str, ...] = ()  # file names it was read from
    sha256: str = ""  # of its entries as stored: two sources with the same entries share it
    licence: str = ""
    description: str = ""


@dataclass
class ActorRecord:
    """An organisation: armed group, state force, party, outlet."""

    id: str
    name: str
    cls: str | None = "NonStateArmedGroup"  # None: the entry does not say (another source's class, else NonStateArmedGroup)
    aliases: list[str] = field(default_factory=list)
    country: str | None = None  # ISO 3166-1 alpha-2
    parent: str | None = None  # id of the parent actor
    backers: list[str] = field(default_factory=list)  # ISO alpha-2 codes
    inter: int | None = None  # ACLED inter code 1-8
    qid: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    citation: str | None = None  # the row's own "source" field: where the researcher has it from
    source: str = ""  # name of the knowledge source
    line: int | None = None
    flags: dict[str, list[str]] = field(default_factory=dict)  # alias -> FLAGS it needs context for


@dataclass
class Role:
    """A time-scoped affiliation of a person: a post or membership in an organisation."""

    role: str  # "commander", "member", "government", "military", ...
    organisation: str | None = None  # actor id (or name, resolved when merged)
    start: date | None = None
    end: date | None = None
    code: str | None = None  # the CAMEO code it was read from, if any


@dataclass
class PersonRecord:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    noms_de_guerre: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    citation: str | None = None
    source: str = ""
    line: int | None = None
    flags: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class PlaceRecord:
    """A place, with GeoNames-style codes."""

    id: str
    name: str
    alternate_names: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None  # GeoNames admin1 code within the country ("07")
    admin2: str | None = None
    feature_class: str | None = None  # GeoNames feature class: A, H, L, P, R, S, T, U, V
    feature_code: str | None = None  # PPL, ADM1, ...
    population: int = 0
    geonames_id: str | None = None
    source: str = ""
    line: int | None = None


@dataclass
class AgentRecord:
    """A generic agent noun ("soldier", "militant") with the kind of actor it names."""

    noun: str
    plural: str | None
    code: str  # CAMEO agent code, e.g. "~MIL"
    cls: str | None  # ontology class it maps to, if any
    inter: int | None = None
    source: str = ""
    line: int | None = None


@dataclass
class Problem:
    """An entry that could not be read: where, and the coded error."""

    path: str
    line: int | None
    error: str

    @classmethod
    def at(cls, path: object, line: int, message: str, hint: str) -> "Problem":
        """The coded problem (E086) of one line: ``[E086] FILE line N: MESSAGE. Hint: HINT``."""
        from ..errors import KnowledgeLineError

        name = getattr(path, "name", str(path))
        return cls(str(path), line, str(KnowledgeLineError(f"{name} line {line}: {message}.", hint)))


@dataclass
class Knowledge:
    """What one knowledge source yields."""

    info: SourceInfo
    actors: list[ActorRecord] = field(default_factory=list)
    persons: list[PersonRecord] = field(default_factory=list)
    places: list[PlaceRecord] = field(default_factory=list)
    agents: list[AgentRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # what a reader counted (synonyms, roles...)
    place_index: str | None = None  # path of an SQLite place index (GeoNames imports)

    def tag(self) -> None:
        """Stamp every entry with this source's name."""
        for entry in (*self.actors, *self.persons, *self.places, *self.agents):
            entry.source = self.info.name
