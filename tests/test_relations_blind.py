"""Relations read by the whole pipeline (names recognised by the model and the gazetteers, not
given) on 120 sentences a helper wrote from the task alone, without reading the rules
(``fixtures/relations_written_blind.jsonl``: wire copy, encyclopaedia prose, analysis and event
notes; facts expected and facts that must not be read, each side an exact substring of its
sentence). Floors a change must not fall under, measured when they were set (2026-12-06):
recall 109 of 288 facts, 2 forbidden facts read of 90 (an alleged affiliation is not read)."""

from __future__ import annotations

import json
from pathlib import Path

PROPS = {
    "memberOf": ("memberOf", "partOf"),
    "commands": ("commanderOf", "formerCommanderOf"),
    "backedBy": ("backedBy",),
    "alliedWith": ("alliedWith",),
    "fightingAgainst": ("fightingAgainst",),
}
SYMMETRIC = {"alliedWith", "fightingAgainst"}


def _refers(result, key: str, text: str, phrase: str) -> bool:
    """Whether the entity is named by the phrase: a mention overlapping it, or a name sharing it."""
    ent = result.entities.get(key)
    if ent is None:
        return False
    pos = text.find(phrase)
    if pos >= 0 and any(m.start < pos + len(phrase) and pos < m.end for m in ent.mentions):
        return True
    country = result.entities.get(f"country:{ent.country}") if ent.country and ent.cls == "StateForce" else None
    if country is not None and pos >= 0 and any(m.start < pos + len(phrase) and pos < m.end for m in country.mentions):
        return True
    lowered = phrase.lower()
    return any(n and (n in lowered or lowered in n) for n in {ent.label.lower(), *(a.lower() for a in ent.aliases)})


def _holds(result, text: str, fact: dict):
    for rel in result.relations:
        if rel.prop not in PROPS[fact["type"]]:
            continue
        pairs = [(rel.subject, rel.object)] + ([(rel.object, rel.subject)] if fact["type"] in SYMMETRIC else [])
        if any(_refers(result, s, text, fact["subject"]) and _refers(result, o, text, fact["object"]) for s, o in pairs):
            return rel
    return None


def test_relations_carry_to_sentences_written_blind(nlp):
    from builder.nlp import process
    from builder.records import Document

    items = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "relations_written_blind.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    results = process(nlp, [Document(id=item["id"], text=item["text"]) for item in items])
    expected = hit = forbidden = read = 0
    for item, result in zip(items, results):
        for fact in item["expect"]:
            expected += 1
            hit += _holds(result, item["text"], fact) is not None
        for fact in item.get("forbid", []):
            forbidden += 1
            rel = _holds(result, item["text"], fact) if fact.get("type") in PROPS else None
            read += rel is not None and rel.status != "Alleged"
    assert expected == 288 and forbidden == 90
    assert hit >= 104, hit
    assert read <= 4, read
