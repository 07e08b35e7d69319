"""Plain records passed between the builder stages. Only ``builder.emit`` turns them into IRIs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Document:
    """One input document, with the fields of DESIGN.md."""

    id: str
    text: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None  # file (and line) it came from
    source_file: str | None = None  # the file whose name gave the id (set only for ids taken from file names)
    # What the file said about itself besides the text: front matter keys, or HTML metadata
    # (og:title, article:published_time, JSON-LD datePublished/dateline, <time datetime>), with
    # "from" naming which ("front matter", "html"); read by builder.document.read_document.
    metadata: dict[str, str] = field(default_factory=dict)


# The rule of a place's containment taken from the gazetteer (GeoNames or curated entries)
# rather than read in a sentence: emitted as part of the place's description, not as an
# affiliation with evidence.
GAZETTEER_RULE = "gazetteer_hierarchy"


@dataclass(frozen=True)
class Evidence:
    """Where an extracted fact comes from: sentence, offsets into the document text, rule, confidence."""

    doc_id: str
    sentence: str
    sentence_start: int
    start: int
    end: int
    text: str
    rule: str
    confidence: float
    construction: str | None = None  # the construction of English a relation was read from
    path: str | None = None  # the dependency path between its two names ("X >appos> militia >amod> backed")


@dataclass
class Entity:
    """A resolved real-world entity as seen in one document.

    ``key`` is stable across documents (the cross-document resolution key), e.g.
    ``actor:islamic-state``, ``person:issa-al-janati``, ``country:SY``, ``place:gn:170063``.
    """

    key: str
    cls: str  # ontology class local name
    label: str
    aliases: set[str] = field(default_factory=set)
    country: str | None = None  # ISO 3166-1 alpha-2
    qid: str | None = None
    inter: int | None = None
    rank: str | None = None
    nom_de_guerre: str | None = None
    geonames_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    admin_level: int | None = None
    parent: str | None = None  # key of the containing place (places) or parent unit (actors)
    mentions: list[Evidence] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # knowledge sources of its description; none: read in the text
    citation: str | None = None  # where a user's knowledge entry says it has the entity from


@dataclass
class Relation:
    """A dated, sourced link between two entities (an affiliation)."""

    prop: str  # ontology property local name, e.g. "backedBy"
    subject: str  # entity key
    object: str  # entity key
    evidence: Evidence
    status: str = "Current"  # Current | Former | Alleged
    start: date | None = None
    end: date | None = None
    according_to: str | None = None  # source label
    role: str | None = None  # the post of a command: "deputy"


@dataclass
class Claim:
    """A claim of responsibility for an event."""

    claimant: str
    evidence: Evidence
    via: str | None = None
    date: date | None = None


@dataclass
class Event:
    """One violent event (ACLED-style) extracted from a document."""

    n: int
    cls: str  # ontology class local name of the sub-event type (or event type)
    evidence: list[Evidence] = field(default_factory=list)
    date: date | None = None
    time_precision: int | None = None
    place: str | None = None
    near: str | None = None
    geo_precision: int | None = None
    lat: float | None = None  # the event's own point where estimated from a direction ("the southern countryside of X")
    lon: float | None = None
    perpetrators: list[str] = field(default_factory=list)
    assoc_perpetrators: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    assoc_targets: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    target_places: list[str] = field(default_factory=list)  # places the action was directed at
    fatalities: int | None = None
    injured: int | None = None
    claims: list[Claim] = field(default_factory=list)
    according_to: list[str] = field(default_factory=list)
    assassination: bool = False
    paragraph: int = 0


@dataclass(frozen=True)
class Interaction:
    """Who acts on whom in one clause, whatever its mood: the named agents and patients of a
    predicate (threats and plans included: "X threatened to strike Y"), as event coders such as
    CAMEO/PLOVER code dyads. Not written to the graph (an act threatened is not an event)."""

    source: str
    target: str
    predicate: str
    mood: str | None = None  # None (stated as done), or "intention", "future", "hypothetical"
    sentence_start: int = 0


@dataclass
class DocResult:
    """Everything extracted from one document."""

    document: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    focus_country: str | None = None
    error: str | None = None  # set when extraction failed: nothing of this document is written
    interactions: list[Interaction] = field(default_factory=list)
