"""``armedkg eval``: score the extraction against gold data in the format of
``docs/evaluation.md`` (entity mentions and relations with offsets, ACLED events, PLOVER roles,
a hand-coded article). Every figure comes with its count ``n``.

Scoring functions take plain records so that they can be unit-tested on hand-made cases.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, InputLineError
from .gazetteer import Gazetteer, name_key, place_key
from .geo import haversine_km, locate
from .readers import parse_date
from .records import GAZETTEER_RULE, DocResult, Document, Entity, Evidence

# Project classes -> re3d mention types.
RE3D_TYPE = {
    "StateForce": "Organisation",
    "NonStateArmedGroup": "Organisation",
    "Militia": "Organisation",
    "RebelGroup": "Organisation",
    "JihadistGroup": "Organisation",
    "UnidentifiedArmedGroup": "Organisation",
    "Organisation": "Organisation",
    "MediaOutlet": "Organisation",
    "ArmedActor": "Organisation",
    "CivilianGroup": "Organisation",
    "Person": "Person",
    "Country": "Location",
    "Location": "Location",
    "AdminRegion": "Location",
    "PopulatedPlace": "Location",
    "Facility": "Location",
    "NaturalFeature": "Location",
    "Area": "Location",
}
RE3D_RELATION = {
    "fightingAgainst": "FightingAgainst",
    "memberOf": "BelongsTo",
    "partOf": "BelongsTo",
    "commanderOf": "InChargeOf",
    "formerCommanderOf": "InChargeOf",
    "alliedWith": "AlliesOf",
    "backedBy": "AlliesOf",  # re3d's allies include a backer and those it supports ("the Coalition supports the SDF")
    "controls": "InChargeOf",
    "usesWeapon": "InChargeOf",
    "holdsWeapon": "BelongsTo",
}
SEED_RELATION = {
    "backedBy": "backed_by",
    "alliedWith": "allied_with",
    "fightingAgainst": "fighting_against",
    "partOf": "part_of",
    "memberOf": "member_of",
    "commanderOf": "commander_of",
    "formerCommanderOf": "former_commander_of",
    "operatesIn": "operates_in",
    "locatedIn": "located_in",
}
DEICTIC = {
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "our",
    "here", "there", "this", "that", "these", "those", "who", "which", "whom", "itself", "themselves",
}
GENERIC_ACLED = re.compile(
    r"^(Unidentified|Civilians|Protesters|Rioters|Prisoners|Refugees|Farmers|Teachers|Labou?r Group|Students|Journalists|"
    r"Health Workers|Lawyers|Women|Militia \(|Islamist Militia|Sectarian|Communal|Tribal|.*Ethnic Group|.*Religious Group|"
    r"Private Security|Government of)",
    re.I,
)
ACLED_STATE = re.compile(r"^(Military|Police) Forces of (?:the )?(.+?) \(\d{4}-\d{0,4}\)", re.I)


@dataclass
class Figure:
    value: float | None
    n: int

    def as_dict(self) -> dict:
        return {"value": None if self.value is None else round(self.value, 4), "n": self.n}


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Figure]:
    """Precision, recall and F1 with their counts."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    f = (2 * p * r / (p + r)) if p and r else (0.0 if (p is not None and r is not None) else None)
    return {"precision": Figure(p, n_pred), "recall": Figure(r, n_gold), "f1": Figure(f, n_gold)}


# --------------------------------------------------------------------------- mentions
@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str


def match_spans(pred: Iterable[Span], gold: Iterable[Span], relaxed: bool) -> int:
    """Count gold spans matched one-to-one by predicted spans (exact, or overlapping with the same type)."""
    pred = list(pred)
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i in used or p.type != g.type:
                continue
            ok = (p.start == g.start and p.end == g.end) if not relaxed else (p.start < g.end and g.start < p.end)
            if ok:
                used.add(i)
                tp += 1
                break
    return tp


def predicted_mentions(result: DocResult) -> list[Span]:
    out = set()
    for ent in result.entities.values():
        kind = RE3D_TYPE.get(ent.cls)
        if kind is None:
            continue
        for ev in ent.mentions:
            if ev.rule.startswith("implied") or ev.rule in ("unnamed_perpetrator", GAZETTEER_RULE, "attribution"):
                continue
            if ev.rule == "country_attributive":
                out.add(Span(ev.start, ev.end, "Organisation"))  # "U.S. airstrikes": the state, not the place
                continue
            out.add(Span(ev.start, ev.end, kind))
            if ev.rule == "country_as_actor":
                # A country that acts (subject, object, possessor) is also an organisation in re3d.
                out.add(Span(ev.start, ev.end, "Organisation"))
    return sorted(out, key=lambda s: (s.start, s.end))


def gold_mentions(gold: dict) -> list[Span]:
    out = []
    for e in gold.get("entities", []):
        if e.get("type") not in ("Organisation", "Person", "Location") or "start" not in e:
            continue
        if e["text"].strip().lower() in DEICTIC:
            continue
        out.append(Span(e["start"], e["end"], e["type"]))
    return out


# --------------------------------------------------------------------------- relations
@dataclass(frozen=True)
class RelSpan:
    type: str
    source: tuple[int, int]
    target: tuple[int, int]
    rule: str = field(default="", compare=False)  # the construction or rule that predicted it
    # Document-level gold (Re-DocRED) relates entities: every mention of each side may match.
    sources: tuple[tuple[int, int], ...] = field(default=(), compare=False)
    targets: tuple[tuple[int, int], ...] = field(default=(), compare=False)


def _mentions_or_country(result: DocResult, ent: Entity) -> list[Evidence]:
    """An entity's mentions; for a state force also its country's ("Russia attacked Ukraine",
    "closed its borders with Turkey": the country named stands for its forces)."""
    mentions = list(ent.mentions)
    if ent.cls == "StateForce" and f"country:{ent.country}" in result.entities:
        mentions += result.entities[f"country:{ent.country}"].mentions
    return mentions


def predicted_relations(result: DocResult) -> list[RelSpan]:
    """re3d-typed relations, with subject and object spans taken from the mentions inside the evidence."""
    out = []
    for rel in result.relations:
        kind = RE3D_RELATION.get(rel.prop)
        if kind is None:
            continue
        ev = rel.evidence

        def span_of(key: str) -> tuple[int, int] | None:
            ent = result.entities.get(key)
            if ent is None:
                return None
            mentions = _mentions_or_country(result, ent)
            inside = [m for m in mentions if m.sentence_start == ev.sentence_start and ev.start <= m.start < ev.end + 1 and not m.rule.startswith("implied")]
            if not inside:
                inside = [m for m in mentions if m.sentence_start == ev.sentence_start and not m.rule.startswith("implied")]
            return (inside[0].start, inside[0].end) if inside else None

        s, o = span_of(rel.subject), span_of(rel.object)
        if s and o:
            out.append(RelSpan(kind, s, o, ev.rule))
    return out


def entity_relations(result: DocResult) -> list[RelSpan]:
    """re3d-typed relations between entities, once per pair, each side with all its mentions:
    Re-DocRED states a relation between two entities and names only their closest mentions, so a
    relation read from "He joined the Legion" two sentences later is the same relation."""
    out: dict[tuple[str, str, str], RelSpan] = {}
    for rel in result.relations:
        kind = RE3D_RELATION.get(rel.prop)
        s, o = result.entities.get(rel.subject), result.entities.get(rel.object)
        if kind is None or s is None or o is None or (kind, rel.subject, rel.object) in out:
            continue
        spans = [tuple((m.start, m.end) for m in _mentions_or_country(result, e) if not m.rule.startswith("implied")) for e in (s, o)]
        if spans[0] and spans[1]:
            out[(kind, rel.subject, rel.object)] = RelSpan(kind, spans[0][0], spans[1][0], rel.evidence.rule, spans[0], spans[1])
    return list(out.values())


def match_relations(pred: list[RelSpan], gold: list[RelSpan]) -> int:
    """Gold relations matched one-to-one by predicted ones (relaxed spans; symmetric types either way)."""
    return len(matched_relations(pred, gold))


def matched_relations(pred: list[RelSpan], gold: list[RelSpan]) -> set[int]:
    """Indices of the predicted relations that match a gold relation, each gold used once."""
    used: set[int] = set()
    symmetric = {"FightingAgainst", "AlliesOf"}

    def overlap(spans: tuple[tuple[int, int], ...], b: tuple[int, int]) -> bool:
        return any(a[0] < b[1] and b[0] < a[1] for a in spans)

    for g in gold:
        for i, p in enumerate(pred):
            if i in used or p.type != g.type:
                continue
            ps, pt = p.sources or (p.source,), p.targets or (p.target,)
            direct = overlap(ps, g.source) and overlap(pt, g.target)
            flipped = p.type in symmetric and overlap(ps, g.target) and overlap(pt, g.source)
            if direct or flipped:
                used.add(i)
                break
    return used


def gold_relations(gold: dict) -> list[RelSpan]:
    out = []
    for r in gold.get("relations", []):
        if r.get("type") in ("FightingAgainst", "BelongsTo", "InChargeOf", "AlliesOf") and "source_start" in r:
            out.append(RelSpan(r["type"], (r["source_start"], r["source_end"]), (r["target_start"], r["target_end"])))
    return out


# --------------------------------------------------------------------------- actors
def _name_keys(ent: Entity) -> set[str]:
    """The name keys of an entity's label and aliases."""
    return {n for n in (name_key(ent.label), *(name_key(a) for a in ent.aliases)) if n}


def actor_names(result: DocResult, keys: Iterable[str] | None = None) -> list[tuple[set[str], object]]:
    """(name keys, entity) of the actors of a result (all, or those in ``keys``)."""
    out = []
    for key, ent in result.entities.items():
        if keys is not None and key not in keys:
            continue
        if ent.cls in ("Source", "Weapon") or ent.key.startswith("place:"):
            continue
        out.append((_name_keys(ent), ent))
    return out


def gold_alternatives(name: str) -> tuple[set[str], str | None]:
    """Name keys a gold actor may be matched by, and the ISO country of an ACLED state force."""
    name = name.strip()
    m = ACLED_STATE.match(name)
    if m:
        return set(), m[2]
    alts = {name}
    if ":" in name:
        abbr, full = name.split(":", 1)
        alts |= {abbr.strip(), full.strip()}
    alts |= {re.sub(r"\s*\(.*?\)\s*", " ", a).strip() for a in list(alts)}
    alts |= {re.sub(r"\s+-\s+.*$", "", a).strip() for a in list(alts)}
    return {name_key(a) for a in alts if a}, None


def actor_matches(gold_name: str, candidates: list[tuple[set[str], object]], gaz: Gazetteer | None) -> bool:
    keys, state_country = gold_alternatives(gold_name)
    if state_country is not None:
        iso = None
        if gaz is not None:
            iso = gaz.country_by_name.get(name_key(state_country))
        for _, ent in candidates:
            if ent.cls == "StateForce" and (iso is None or ent.country == iso):
                return True
        return False
    for names, _ in candidates:
        for k in keys:
            if not k:
                continue
            for n in names:
                if n == k or (len(k) >= 5 and len(n) >= 5 and (k in n or n in k)):
                    return True
    return False


def inter_code(ent: object, event_country: str | None) -> int | None:
    inter = getattr(ent, "inter", None)
    cls = getattr(ent, "cls", "")
    if cls == "StateForce":
        return 1 if (event_country is None or getattr(ent, "country", None) in (None, event_country)) else 8
    if inter is not None:
        return inter
    return {"RebelGroup": 2, "JihadistGroup": 2, "NonStateArmedGroup": 2, "Militia": 3, "UnidentifiedArmedGroup": 3, "CivilianGroup": 7, "Person": 7}.get(cls)


# --------------------------------------------------------------------------- evaluation
@dataclass
class Tally:
    """Accumulates hits and counts for one figure."""

    hits: float = 0
    n: int = 0

    def add(self, ok: bool | float, count: bool = True) -> None:
        if count:
            self.n += 1
            self.hits += float(ok)

    def figure(self) -> Figure:
        return Figure(self.hits / self.n if self.n else None, self.n)


@dataclass
class Scores:
    tallies: dict[str, Tally] = field(default_factory=dict)
    prf_counts: dict[str, list[int]] = field(default_factory=dict)

    def tally(self, name: str) -> Tally:
        return self.tallies.setdefault(name, Tally())

    def add_prf(self, name: str, tp: int, n_pred: int, n_gold: int) -> None:
        c = self.prf_counts.setdefault(name, [0, 0, 0])
        c[0] += tp
        c[1] += n_pred
        c[2] += n_gold

    def figures(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for name, (tp, n_pred, n_gold) in sorted(self.prf_counts.items()):
            for metric, fig in prf(tp, n_pred, n_gold).items():
                out[f"{name}.{metric}"] = fig.as_dict()
        for name, t in sorted(self.tallies.items()):
            out[name] = t.figure().as_dict()
        return out


def main_event(result: DocResult):
    """The event an ACLED note is about: the first one with a date, else the first one."""
    dated = [e for e in result.events if e.date]
    return (dated or result.events or [None])[0]


def score_acled(result: DocResult, gold_event: dict, scores: Scores, gaz: Gazetteer | None) -> None:
    from .emit import acled_labels
    from .extraction.knowledge import event_types

    labels = acled_labels()
    ev = main_event(result)
    scores.tally("events.found").add(ev is not None)
    sub = labels.get(ev.cls) if ev else None
    etype = labels.get(event_types().get(ev.cls, ""), None) if ev else None
    scores.tally("events.event_type").add(etype == gold_event.get("event_type"))
    scores.tally("events.sub_event_type").add(sub == gold_event.get("sub_event_type"))
    gold_date = gold_event.get("date")
    scores.tally("events.date_exact").add(bool(ev and ev.date and gold_date and ev.date.isoformat() == gold_date))
    lat, lon = gold_event.get("latitude"), gold_event.get("longitude")
    where = locate(result, ev.place) if ev and ev.place else None
    dist = None
    point = (ev.lat, ev.lon) if ev and ev.lat is not None else (where.lat, where.lon) if where else (None, None)
    if point[0] is not None and lat is not None:
        dist = haversine_km(float(point[0]), float(point[1]), float(lat), float(lon))
    if lat is not None:
        scores.tally("events.location_25km").add(dist is not None and dist <= 25)
        scores.tally("events.location_161km").add(dist is not None and dist <= 161)
    if gold_event.get("admin1"):
        ours = where.admin1.label if where and where.admin1 else None
        ok = False
        if ours:
            ok = place_key(ours) == place_key(gold_event["admin1"])
            if not ok and where and where.admin1 is not None:
                ok = any(place_key(a) == place_key(gold_event["admin1"]) for a in where.admin1.aliases)
            if not ok and gaz is not None:
                hits = [p for p in gaz.lookup_place(gold_event["admin1"]) if p.cls == "AdminRegion"]
                ok = any(h.name == ours for h in hits)
        scores.tally("events.admin1").add(ok)
    gold_f = gold_event.get("fatalities")
    if gold_f is not None:
        ours_f = (ev.fatalities or 0) if ev else None
        scores.tally("events.fatalities_exact").add(ours_f is not None and int(ours_f) == int(gold_f))
    # Actors: named ones by name; generic ACLED actors through the inter code.
    iso = None
    if gaz is not None and gold_event.get("country"):
        iso = gaz.country_by_name.get(name_key(gold_event["country"]))
    everyone = actor_names(result)
    event_keys = set(ev.perpetrators + ev.assoc_perpetrators + ev.targets + ev.victims) if ev else set()
    codes = {inter_code(ent, iso) for _, ent in actor_names(result, event_keys)}
    for field_name, inter_field in (("actor1", "inter1"), ("assoc_actor_1", "inter1"), ("actor2", "inter2"), ("assoc_actor_2", "inter2")):
        for name in (gold_event.get(field_name) or "").split(";"):
            name = name.strip()
            if not name:
                continue
            if GENERIC_ACLED.match(name):
                inter = gold_event.get(inter_field)
                if field_name.startswith("assoc") or not inter:
                    continue
                scores.tally("events.actor_recall").add(int(inter) in codes)
            else:
                scores.tally("events.actor_recall").add(actor_matches(name, everyone, gaz))


def score_plover(result: DocResult, gold_event: dict, scores: Scores, gaz: Gazetteer | None) -> None:
    sources, targets = set(), set()
    for ev in result.events:
        sources.update(ev.perpetrators + ev.assoc_perpetrators)
        targets.update(ev.targets + ev.victims)
    for interaction in result.interactions:  # dyads of every clause, threats and plans included
        sources.add(interaction.source)
        targets.add(interaction.target)
    src = actor_names(result, sources)
    tgt = actor_names(result, targets)
    # PLOVER's targets include locations ("shelled Juba"): the places an event was directed at
    # (a place is not among ``tgt`` even where a dyad named it: actor_names leaves places out)
    aimed = {key for ev in result.events for key in ev.target_places}
    listed = {e.key for _, e in tgt}
    tgt += [(_name_keys(e), e) for key, e in result.entities.items() if key in aimed and key not in listed]
    for name in gold_event.get("source_actors", []):
        scores.tally("roles.source_recall").add(_loose_match(name, src, result))
    for name in gold_event.get("target_actors", []):
        scores.tally("roles.target_recall").add(_loose_match(name, tgt, result))


def _loose_match(gold_text: str, candidates: list[tuple[set[str], object]], result: DocResult) -> bool:
    """A gold role filler (a text span such as "Burmese troops") is matched by an actor whose
    mention overlaps it in the text, or whose name shares a content word with it."""
    text = result.document.text
    pos = text.find(gold_text)
    for _, ent in candidates:
        for m in _mentions_or_country(result, ent):
            if pos >= 0 and m.start < pos + len(gold_text) and pos < m.end:
                return True
    gk = name_key(gold_text)
    for names, _ in candidates:
        if any(n and (n in gk or gk in n) for n in names):
            return True
    return False


def score_seed(result: DocResult, gold: dict, scores: Scores, gaz: Gazetteer | None) -> None:
    everyone = actor_names(result)
    places = [({name_key(e.label), *(name_key(a) for a in e.aliases), place_key(e.label), *(place_key(a) for a in e.aliases)}, e) for e in result.entities.values() if e.key.startswith(("place:", "country:"))]

    def find(name: str, aliases: list[str] = ()) -> list:
        keys = {name_key(name), *(name_key(a) for a in aliases)}
        pkeys = {place_key(name), *(place_key(a) for a in aliases)}
        hits = [e for names, e in everyone + places if names & keys or names & pkeys]
        return hits

    matched = set()
    for ent in gold.get("entities", []):
        if "name" not in ent:
            continue
        hits = find(ent["name"], ent.get("aliases", []))
        scores.tally("seed.entity_recall").add(bool(hits))
        matched.update(h.key for h in hits)
    predicted = [e for e in result.entities.values() if e.cls not in ("Source",) and any(not m.rule.startswith("implied") for m in e.mentions)]
    scores.tally("seed.entity_precision").n += len(predicted)
    scores.tally("seed.entity_precision").hits += sum(1 for e in predicted if e.key in matched)
    bad = 0
    for name in gold.get("not_entities", []):
        bad += bool(find(name))
    scores.tally("seed.boilerplate_actors").add(bad, count=True)
    scores.tally("seed.boilerplate_actors").n = max(1, len(gold.get("not_entities", [])))
    scores.tally("seed.boilerplate_actors").hits = bad

    def keys_for(name: str) -> set[str]:
        g = next((e for e in gold.get("entities", []) if e.get("name") == name or name in e.get("aliases", [])), None)
        hits = find(name, g.get("aliases", []) if g else [])
        return {h.key for h in hits}

    ours = {(SEED_RELATION.get(r.prop), r.subject, r.object) for r in result.relations}
    for nick in (e for e in result.entities.values() if e.nom_de_guerre):
        ours.add(("alias_of", f"alias:{name_key(nick.nom_de_guerre)}", nick.key))
    for rel in gold.get("relations", []):
        s, o = keys_for(rel["source"]), keys_for(rel["target"])
        if rel["type"] == "alias_of":
            s = {f"alias:{name_key(rel['source'])}"}
        ok = any((rel["type"], a, b) in ours for a in s for b in o)
        if not ok and rel["type"] in ("fighting_against", "allied_with"):
            ok = any((rel["type"], b, a) in ours for a in s for b in o)
        if not ok and rel["type"] in ("located_in", "operates_in"):
            ok = _transitive(result, rel["type"], s, o)
        scores.tally("seed.relation_recall").add(ok)
    for gev in gold.get("events", []):
        ok = False
        for ev in result.events:
            from .emit import acled_labels

            if acled_labels().get(ev.cls) != gev.get("sub_event_type"):
                continue
            if gev.get("date") and (not ev.date or ev.date.isoformat() != gev["date"]):
                continue
            actors = keys_for(gev.get("actor1", "")) if gev.get("actor1") else set()
            if actors and not (actors & set(ev.perpetrators)) and gev.get("actor1") != "Unidentified armed group":
                continue
            ok = True
            break
        scores.tally("seed.event_recall").add(ok)


def _transitive(result: DocResult, kind: str, subjects: set[str], objects: set[str]) -> bool:
    up: dict[str, set[str]] = {}
    for r in result.relations:
        if r.prop == "locatedIn":
            up.setdefault(r.subject, set()).add(r.object)

    def ancestors(k: str) -> set[str]:
        seen, todo = set(), [k]
        while todo:
            x = todo.pop()
            for y in up.get(x, ()):
                if y not in seen:
                    seen.add(y)
                    todo.append(y)
        return seen

    if kind == "located_in":
        return any(objects & ancestors(s) for s in subjects)
    # akg:controls is a sub-property of akg:operatesIn: a group that holds a place operates there
    places = {r.object for r in result.relations if r.prop in ("operatesIn", "controls") and r.subject in subjects and r.status != "Former"}
    return any(p in objects or objects & ancestors(p) for p in places)


def load_gold(path: Path) -> list[tuple[Document, dict]]:
    """Records of a gold JSONL file (``docs/evaluation.md``): a missing file or a malformed
    line is a coded error that names the file and line, not a traceback."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the gold file {path}: {exc}", "Give the path of a gold JSONL file; make bench-quality reads them from EVAL=../shared/eval.") from None
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            doc = Document(id=rec["id"], text=rec["text"], published=parse_date(rec.get("published")), source=rec.get("source"))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputLineError(f"{path}:{n}: not a gold record ({type(exc).__name__}: {exc}).", "Each line is one JSON object with id, text and gold (see FORMAT.md).") from None
        out.append((doc, rec.get("gold", {})))
    return out


SPLITS = ("all", "tune", "check", "both")


def split_of(doc_id: str) -> str:
    """The half of a gold file a document belongs to, by a hash of its id: ``tune`` (rules may be
    developed on it) or ``check`` (only measured). Stable across runs, machines and file order."""
    return "tune" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def _halves(split: str) -> list[str]:
    if split not in SPLITS:
        raise InputError(f"unknown split '{split}'", f"Use one of: {', '.join(SPLITS)}.")
    return ["tune", "check"] if split == "both" else [split]


def _score_document(result: DocResult, gold: dict, scores: Scores, gaz: Gazetteer) -> None:
    """Every figure one gold document contributes to."""
    if any("start" in e for e in gold.get("entities", [])):
        pm, gm = predicted_mentions(result), gold_mentions(gold)
        for kind in ("Organisation", "Person", "Location", "all"):
            p = [s for s in pm if kind in ("all", s.type)]
            g = [s for s in gm if kind in ("all", s.type)]
            scores.add_prf(f"entities.exact.{kind}", match_spans(p, g, relaxed=False), len(p), len(g))
            scores.add_prf(f"entities.relaxed.{kind}", match_spans(p, g, relaxed=True), len(p), len(g))
    gr = gold_relations(gold)
    if gr or any("source_start" in r for r in gold.get("relations", [])):
        document_level = any("wikidata_property" in r for r in gold.get("relations", []))
        pr = entity_relations(result) if document_level else predicted_relations(result)
        for kind in ("FightingAgainst", "BelongsTo", "InChargeOf", "AlliesOf", "all"):
            p = [r for r in pr if kind in ("all", r.type)]
            g = [r for r in gr if kind in ("all", r.type)]
            hits = matched_relations(p, g)
            scores.add_prf(f"relations.relaxed.{kind}", len(hits), len(p), len(g))
            if kind == "all":
                for i, rel in enumerate(p):
                    scores.tally(f"rules.{rel.rule or '?'}.precision").add(i in hits)
    events = gold.get("events", [])
    if events and "plover_event" in events[0]:
        score_plover(result, events[0], scores, gaz)
    elif events and "event_type" in events[0] and "not_entities" not in gold and "latitude" in events[0]:
        score_acled(result, events[0], scores, gaz)
    if "not_entities" in gold:
        score_seed(result, gold, scores, gaz)


def evaluate(
    paths: list[str | Path], nlp: object | None = None, limit: int | None = None, model: str | None = None, split: str = "all", kb: tuple[str, ...] = ()
) -> dict:
    """Score the extraction on gold files; returns ``{file: {figure: {value, n}}}``.

    ``split`` chooses the documents by :func:`split_of`: ``all`` (every document), ``tune`` or
    ``check`` (one half), ``both`` (each half reported on its own, as ``file [tune]`` and
    ``file [check]``). Relation figures come with a per-rule precision table (``rules.NAME``):
    how many relations each construction predicted and the share that matched gold.

    Every gold file is read first, so a missing or malformed one fails (E010, E012) before the
    pipeline (``nlp``, or ``model`` loaded here) takes seconds to load. ``kb``: knowledge sources
    to use besides the curated gazetteers (stored source names or knowledge files), so that their
    effect can be measured; none by default, whatever the user's library holds."""
    from .gazetteer import load_gazetteer
    from .nlp import DEFAULT_MODEL, build_pipeline, process

    halves = _halves(split)
    golds_of = [(Path(raw), load_gold(Path(raw))) for raw in paths]
    nlp = nlp or build_pipeline(model or DEFAULT_MODEL, kb=tuple(kb))
    gaz = load_gazetteer(None, True)  # the yardstick (country and division names) stays the same with or without kb
    report: dict[str, dict] = {}
    for path, all_gold in golds_of:
        gold_docs = all_gold[:limit] if limit else all_gold
        scores = {half: Scores() for half in halves}
        golds = {d.id: g for d, g in gold_docs}
        chosen = [d for d, _ in gold_docs if split == "all" or split_of(d.id) in halves]
        for result in process(nlp, chosen):
            half = split if split == "all" else split_of(result.document.id)
            _score_document(result, golds[result.document.id], scores[half], gaz)
        for half, sc in scores.items():
            report[path.name if split == "all" else f"{path.name} [{half}]"] = sc.figures()
    return report


def format_report(report: dict) -> str:
    lines = []
    for file, figures in report.items():
        lines.append(file)
        for name, fig in figures.items():
            value = "-" if fig["value"] is None else f"{fig['value']:.3f}"
            lines.append(f"  {name:<44} {value:>7}   n={fig['n']}")
    return "\n".join(lines)
