"""Functions over a document's entities and mentions (kept in the ``Doc`` extensions, see
:mod:`builder.extraction.extensions`): add an entity, make sure an actor, country or place
exists, add a mention, test overlaps, redirect one entity to another.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..gazetteer import PlaceEntry
from ..records import Entity
from . import terms as T
from .actor_compounds import backer_by_agent, in_actor_compound
from .grievance import in_grievance
from .knowledge import Knowledge
from .extensions import char_span, ext


@dataclass
class Mention:
    """One mention of an entity in the document, before emission."""

    key: str
    start: int
    end: int
    text: str
    kind: str  # actor | person | place | country | source
    rule: str
    confidence: float
    cue: str = ""  # for places: the word before ("in", "near", "east of", "town of") or after ("province")


def add_entity(doc: Doc, key: str, cls: str, label: str, **attrs: object) -> Entity:
    """The entity ``key`` (created if new); attributes not yet set take the values given."""
    entities = ext(doc, "armedkg_entities")
    ent = entities.get(key)
    if ent is None:
        ent = Entity(key=key, cls=cls, label=label)
        entities[key] = ent
    for name, value in attrs.items():
        if value is not None and getattr(ent, name) in (None, set()):
            setattr(ent, name, value)
    return ent


def ensure_actor(doc: Doc, k: Knowledge, key: str) -> Entity:
    """The actor ``key``, from the gazetteer where it knows it."""
    entities = ext(doc, "armedkg_entities")
    if key in entities:
        return entities[key]
    entry = k.gaz.actors.get(key.split(":", 1)[1])
    if entry is None:
        return add_entity(doc, key, T.NON_STATE_ARMED_GROUP, key.split(":", 1)[1])
    ent = add_entity(doc, key, entry.cls, entry.name, country=entry.country, qid=entry.qid, inter=entry.inter)
    ent.aliases.update(a for a in entry.aliases if a != entry.name)
    if entry.country:
        ensure_country(doc, k, entry.country)
    return ent


def ensure_country(doc: Doc, k: Knowledge, iso: str) -> Entity:
    key = f"country:{iso}"
    entities = ext(doc, "armedkg_entities")
    if key in entities:
        return entities[key]
    c = k.gaz.countries.get(iso)
    ent = add_entity(doc, key, T.COUNTRY, c.name if c else iso, qid=c.qid if c else None, country=iso, admin_level=0)
    if c:
        ent.aliases.update(c.aliases)
    return ent


def ensure_place(doc: Doc, k: Knowledge, entry: PlaceEntry) -> Entity:
    key = entry.key if entry.key.startswith("country:") else f"place:{entry.key}"
    if entry.cls == T.COUNTRY:
        return ensure_country(doc, k, entry.country or "")
    ent = add_entity(
        doc,
        key,
        entry.cls,
        entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.geonames_id,
        admin_level=entry.admin_level,
        parent=entry.admin1,
    )
    if entry.country:
        ensure_country(doc, k, entry.country)
    return ent


def as_force(doc: Doc, k: Knowledge, key: str) -> str:
    """A country acting militarily is its armed forces."""
    if key.startswith("country:"):
        iso = key.split(":", 1)[1]
        if iso in k.gaz.countries:
            forces = k.forces_of(iso)
            ensure_actor(doc, k, forces)
            return forces
    return key


def add_place_mention(doc: Doc, k: Knowledge, key: str, span: Span, rule: str, conf: float, cue: str = "") -> None:
    """A mention of gazetteer place ``key``; a division that is also a city (or a city that
    names its province) is read from the words around it."""
    entry = k.gaz.places.get(key)
    if entry is None:
        return
    if entry.cls == T.COUNTRY:
        add_mention(doc, k, Mention(entry.key, span.start_char, span.end_char, span.text, "country", rule, conf))
        return
    text = ext(doc, "armedkg_text")
    after = text[span.end_char : span.end_char + 15].lower()
    before = text[max(0, span.start_char - 20) : span.start_char].lower()
    if entry.cls == T.ADMIN_REGION and (k.rx("city_of_before").search(before) or k.rx("city_after").match(after)):
        cities = [p for p in k.gaz.lookup_place(span.text, entry.country) if p.cls == T.POPULATED_PLACE]
        if cities:
            entry = cities[0]
    if entry.cls == T.POPULATED_PLACE and k.rx("province_after").match(after):
        admins = [p for p in k.gaz.lookup_place(span.text, entry.country) if p.cls == T.ADMIN_REGION]
        if admins:
            entry = admins[0]
    ent = ensure_place(doc, k, entry)
    add_mention(doc, k, Mention(ent.key, span.start_char, span.end_char, span.text, "place", rule, conf, cue))


def _vote(votes: dict[str, int], iso: str, weight: int = 1) -> None:
    votes[iso] = votes.get(iso, 0) + weight


def add_mention(doc: Doc, k: Knowledge, mention: Mention) -> None:
    """Add a mention (with the Arabic article before it, without a function word the model's
    span swallowed), making sure its entity exists; votes for the entity's country."""
    text = ext(doc, "armedkg_text")
    art = k.rx("article_before").search(text[max(0, mention.start - 4) : mention.start])  # "Ar-Raqqa": the ruler matched "Raqqa"
    if art and mention.kind in ("place", "actor", "country"):
        mention.start -= len(art.group(1))
        mention.text = text[mention.start : mention.end]
    trail = k.rx("trailing_function_word").search(mention.text)  # "Kafrnaya in"
    if trail and mention.kind in ("place", "actor"):
        mention.end -= len(trail.group(0))
        mention.text = mention.text[: -len(trail.group(0))]
    votes = _casts_vote(doc, k, mention)
    _ensure_entity_of(doc, k, mention, votes)
    if overlaps(doc, mention.start, mention.end, exact_key=mention.key):
        return
    ext(doc, "armedkg_mentions").append(mention)
    ent = ext(doc, "armedkg_entities").get(mention.key)
    if ent is not None:
        if ent.country and ent.cls != T.COUNTRY and votes:
            _vote(ext(doc, "armedkg_country_votes"), ent.country)
        surface = k.rx("the_start").sub("", mention.text.strip())
        if surface and surface != ent.label and mention.kind in ("actor", "person", "place"):
            ent.aliases.add(surface)


def _casts_vote(doc: Doc, k: Knowledge, mention: Mention) -> bool:
    """A mention votes for its country unless it names what a protest is about or who backs,
    leads or hosts an actor ("Iran-backed militias", "a force funded by the UAE")."""
    if mention.kind not in ("actor", "country", "place"):
        return True
    span = char_span(doc, mention.start, mention.end)
    return span is None or not (in_grievance(k, span) or in_actor_compound(k, span) or backer_by_agent(k, span))


def _ensure_entity_of(doc: Doc, k: Knowledge, mention: Mention, votes: bool = True) -> None:
    if mention.key.startswith("actor:"):
        ensure_actor(doc, k, mention.key)
    elif mention.key.startswith("country:"):
        iso = mention.key.split(":", 1)[1]
        ensure_country(doc, k, iso)
        if votes:
            _vote(ext(doc, "armedkg_country_votes"), iso)
    elif mention.kind == "place" and not mention.key.startswith("place:"):
        entry = k.gaz.places.get(mention.key)
        if entry is not None:
            mention.key = ensure_place(doc, k, entry).key


def overlaps(doc: Doc, start: int, end: int, kinds: tuple[str, ...] | None = None, exact_key: str | None = None) -> bool:
    """Whether a mention (of one of ``kinds``) overlaps ``start:end``. With ``exact_key``, a
    mention of another entity does not count where the new one is longer."""
    for m in ext(doc, "armedkg_mentions"):
        if m.start < end and start < m.end and (kinds is None or m.kind in kinds):
            if m.rule == "office_holder" and m.key != exact_key and (m.start, m.end) != (start, end):
                continue  # an office keeps what it names inside ("U.S. Central Command" in "U.S. Central Command commander")
            if exact_key is not None and m.key != exact_key and not (m.start == start and m.end == end):
                if (end - start) > (m.end - m.start):
                    continue
            return True
    return False


def redirect(doc: Doc, old: str, new: str) -> None:
    """Resolve every mention of entity ``old`` to entity ``new`` (same real-world person or actor)."""
    entities = ext(doc, "armedkg_entities")
    if old == new or old not in entities:
        return
    gone = entities.pop(old)
    target = entities[new]
    target.mentions += [m for m in gone.mentions if m not in target.mentions]
    target.aliases.add(gone.label)
    target.aliases.update(gone.aliases)
    target.rank = target.rank or gone.rank
    for m in ext(doc, "armedkg_mentions"):
        if m.key == old:
            m.key = new


def remove_overlapping(doc: Doc, start: int, end: int) -> None:
    doc._.armedkg_mentions = [m for m in ext(doc, "armedkg_mentions") if not (m.start < end and start < m.end)]


def free_span(doc: Doc, start: int, end: int) -> Span | None:
    """The token span of ``start:end`` if no mention covers it yet."""
    span = char_span(doc, start, end)
    if span is None or overlaps(doc, span.start_char, span.end_char):
        return None
    return span


def is_subject(doc: Doc, mention: Mention) -> bool:
    span = char_span(doc, mention.start, mention.end)
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def decide_focus(doc: Doc) -> None:
    """The country in focus: the one most voted for (re-decided once three votes are in)."""
    votes = ext(doc, "armedkg_country_votes")
    if votes and (ext(doc, "armedkg_focus") is None or sum(votes.values()) >= 3):
        doc._.armedkg_focus = max(votes.items(), key=lambda kv: kv[1])[0]


def focus_hint(doc: Doc) -> str | None:
    """The country in focus, else the one most voted for so far."""
    focus = ext(doc, "armedkg_focus")
    if focus:
        return focus
    votes = ext(doc, "armedkg_country_votes")
    if votes:
        return max(votes.items(), key=lambda kv: kv[1])[0]
    return None


def vote(votes: dict[str, int], iso: str, weight: int = 1) -> None:
    """One more ``weight`` of votes for ``iso``."""
    _vote(votes, iso, weight)
