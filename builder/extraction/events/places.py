"""Where an event happened (the most specific place of its sentences, ACLED's geo precision)
and the places the action was directed at (PLOVER's target location)."""

from __future__ import annotations

from spacy.tokens import Doc

from ...records import Event
from .. import terms as T
from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from ..actor_compounds import mention_in_actor_compound
from ..grievance import in_grievance
from ..mentions.provinces import divisions_beside
from ..phrases import first_conjunct
from .dating import in_later_death
from ..state import Mention
from ..extensions import char_span, ext

BESIDE_BONUS = 0.5  # a place written with its division comes before another as specific
CODED_FIRST = -1  # the place a note says its event is coded to comes before every other


def event_place(doc: Doc, k: Knowledge, sent: SentenceInfo, frame: Event, places: list[Mention]) -> None:
    """The most specific place of the sentence, unless it is where something was said, where a
    victim came from, or a point a direction is taken from ("10 km north of X": ``near``)."""
    text = ext(doc, "armedkg_text")
    rank = k.lex.table("event_place_rank")
    entities = ext(doc, "armedkg_entities")
    best = None
    earlier = _earlier_event_names(k, sent, frame)
    others = [p for p in places if not mention_in_actor_compound(doc, k, p.start, p.end)]
    if len(others) > 1:  # "sailed from Charleston to Norfolk": where it went, not where it came from
        others = _without_origins(doc, k, others)
    for p in others:
        ent = entities.get(p.key)
        if ent is None or any(a <= p.start - sent.start and p.end - sent.start <= b for a, b in earlier):
            continue
        pre = text[max(sent.start, p.start - 30) : p.start].lower()
        if k.rx("said_in_before").search(text[_clause_start(doc, sent, p) : p.start]):
            continue  # "..., police told reporters in Islamabad": where it was said, not where it happened
        if _in_source(doc, k, p):
            continue  # "according to a security source in Ouallam": where the source is
        if in_later_death(doc, k, sent, p.start - sent.start, p.end - sent.start):
            continue  # "a second officer died in a hospital in Popayan": where a wounded man died
        if k.rx("origin_from_before").search(pre) and len(places) > 1:
            continue  # "shot a shepherd from Nawa in Tafas": where he came from, not where it happened
        if _beside_the_event(doc, k, p, others):
            continue
        if _home_of_dwellers(doc, k, p) and any(q is not p and rank.get(getattr(entities.get(q.key), "cls", ""), 9) <= 2 for q in others):
            continue  # "Uzgen residents protested in Osh": where they live; not "residents of X in Aleppo held a vigil"
        if k.rx("direction_of_place_before").search(pre):
            if frame.near is None:
                frame.near = p.key
            continue
        score = rank.get(ent.cls, 2)
        beside = _division_beside(doc, k, p) or _list_beside(doc, k, p, others)
        order = score - (BESIDE_BONUS if score <= 2 and beside and not _later_in_bracket(text, sent, p, others) else 0)
        if k.rx("coded_place_before").search(pre) and ent.lat is not None:
            order = CODED_FIRST  # "in Zulia state (coded to Machiques, Zulia)": the note says where it is coded
        if best is None or order < best[0]:
            best = (order, score, p, pre)
    if best is None:
        return
    _, score, p, pre = best
    current = entities.get(frame.place) if frame.place else None
    current_rank = rank.get(current.cls, 2) if current else 9
    if score < current_rank or frame.place is None:
        if frame.place and frame.near is None and current is not None and current.cls != T.ADMIN_REGION:
            frame.near = frame.place
        frame.place = p.key
        near = bool(k.rx("near_before").search(pre))
        frame.geo_precision = 2 if near else (1 if score == 1 else (2 if score == 2 else 3))


def _in_source(doc: Doc, k: Knowledge, p: Mention) -> bool:
    """Whether the place is part of the phrase of whoever reports the sentence: under "according
    to" ("according to a security source in Ouallam") or in the subject of a verb of saying ("a
    doctor in Popayan said")."""
    span = char_span(doc, p.start, p.end)
    if span is None or not span.root.dep_:  # unparsed (has_annotation walks the whole document)
        return False
    saying = k.lex.words("date_reporting_verbs")
    for tok in span.root.ancestors:
        if tok.lower_ == "according" or (tok.lower_ == "to" and tok.head.lower_ == "according"):
            return True
        if tok.dep_ == "nsubj" and tok.head.lower_ in saying:
            return True
        if tok.dep_ in ("ROOT", "ccomp", "advcl", "relcl"):
            return False  # the clause of the event itself
    return False


def _beside_the_event(doc: Doc, k: Knowledge, p: Mention, places: list[Mention]) -> bool:
    """The place is what a protest is about ("rallied in Lakeview against the closure of a mill
    in Ashford") or where people come from, named among examples ("farmers from villages such as
    Elmwood marched in Ashford"), and another place of the sentence is neither: that one is
    where the event happened; not a division alone ("families from Kafr Nubl in Idlib held a
    vigil": their home is where they gathered)."""
    span = char_span(doc, p.start, p.end)
    if span is None or not (_from_people(k, span.root) or in_grievance(k, span)):
        return False
    entities = ext(doc, "armedkg_entities")
    for q in places:
        other = char_span(doc, q.start, q.end) if q is not p else None
        if other is None or getattr(entities.get(q.key), "cls", None) in (T.ADMIN_REGION, T.COUNTRY):
            continue
        if not _from_people(k, other.root) and not in_grievance(k, other):
            return True
    return False


def _from_people(k: Knowledge, tok: object) -> bool:
    """A place that says where people come from, named in the "from" phrase of a noun (not of a
    verb of movement, nor of a route with a "to"): "herders from X", "traders (from the town of
    X)", a list of examples "from the border villages, such as X and Y"."""
    tok = first_conjunct(tok)
    if tok.dep_ != "pobj":
        return False
    marker = tok.head
    markers = k.lex.words("list_markers")
    if marker.lower_ == "of" and marker.head.lower_.rstrip("s") in k.lex.words("place_nouns"):
        noun = marker.head  # "traders from the area of X"
    elif marker.lower_ in markers or any(c.lower_ in markers for c in marker.children):
        noun = marker.head
    else:
        noun = tok  # "herders from X"
    if noun.dep_ != "pobj" or noun.head.lower_ != "from":
        return False
    owner = noun.head.head
    destinations = k.lex.words("destination_prepositions")
    return k.upos(owner) in ("NOUN", "PROPN", "PRON") and not any(c.dep_ == "prep" and c.lower_ in destinations for c in owner.children)


def _division_beside(doc: Doc, k: Knowledge, p: Mention) -> bool:
    """Whether the place is written with the division it lies in ("in Raleigh (North Carolina)",
    "at Ravelo (Potosi)"): the place a report locates, before another of the sentence."""
    span = char_span(doc, p.start, p.end)
    return span is not None and divisions_beside(doc, k, span)


def _list_beside(doc: Doc, k: Knowledge, p: Mention, places: list[Mention]) -> bool:
    """Whether the place is one of a list whose last place is written with its division
    ("between Lakeview and Ashford (Hill County)": the bracket says where both lie), so that the
    first of the list is not put behind the last."""
    span = char_span(doc, p.start, p.end)
    if span is None:
        return False
    conjuncts = {t.i for t in span.root.conjuncts if t.i > span.root.i}
    text = ext(doc, "armedkg_text")
    for q in places:
        other = char_span(doc, q.start, q.end) if q.start > p.end else None
        joined = other is not None and (other.root.i in conjuncts or k.rx("place_list_joint").fullmatch(text[p.end : q.start]) is not None)
        if joined and _division_beside(doc, k, q):
            return True
    return False


def _later_in_bracket(text: str, sent: SentenceInfo, p: Mention, places: list[Mention]) -> bool:
    """The place is a later name of a bracket of containers, after another place of it ("(Chauk
    township, Magway district, Magway region)"): beside the next container only as the chain
    goes on, no more specific than the first name."""
    opening = text.rfind("(", sent.start, p.start)
    if opening < 0 or ")" in text[opening : p.start]:
        return False
    return any(opening < q.start < p.start for q in places if q is not p)


def _clause_start(doc: Doc, sent: SentenceInfo, p: Mention) -> int:
    """Where the words that may say the place is where something was said begin: up to 60
    characters before it, from the verb that governs it when that verb comes first ("said gunmen
    killed four people in X": the killing, not the saying, is in X)."""
    start = max(sent.start, p.start - 60)
    span = char_span(doc, p.start, p.end)
    tok = span.root if span is not None else None
    while tok is not None and tok.head.i != tok.i and tok.pos_ != "VERB" and tok.tag_[:2] != "VB":
        tok = tok.head
    if tok is not None and tok.idx < p.start and (tok.pos_ == "VERB" or tok.tag_[:2] == "VB"):
        start = max(start, tok.idx)
    return start


def _home_of_dwellers(doc: Doc, k: Knowledge, p: Mention) -> bool:
    """The place says where people live: a modifier of a noun of dwellers ("Uzgen district
    residents", "the Kibera villagers") or the "of" phrase of one ("residents of Xinyi")."""
    span = char_span(doc, p.start, p.end)
    if span is None:
        return False
    dwellers = k.lex.forms("dweller_words")
    tok = span.root
    while tok.dep_ == "compound" and tok.head.i != tok.i and tok.head.lower_ not in dwellers:
        tok = tok.head  # "Uzgen district residents": on through "district"
    if tok.dep_ in ("compound", "nmod", "amod") and tok.head.lower_ in dwellers:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in dwellers


def _without_origins(doc: Doc, k: Knowledge, places: list[Mention]) -> list[Mention]:
    """The places without those a movement came from: always when the same verb names where it
    went; else only when a town or a place smaller than a division is left ("the convoy left
    Ottawa and stopped in X", not "expelled IS from Raqqa, Syria")."""
    entities = ext(doc, "armedkg_entities")
    kinds = {p.key: _origin(doc, k, p) for p in places}
    left = [p for p in places if kinds[p.key] != "sure"] or places
    rest = [p for p in left if not kinds[p.key]]
    small = [p for p in rest if p.kind == "place" and getattr(entities.get(p.key), "cls", None) not in (T.ADMIN_REGION, T.COUNTRY)]
    return rest if small else left


def _origin(doc: Doc, k: Knowledge, p: Mention) -> str | None:
    """The place a movement or a shot came from: "from X" of a verb, or the object of a verb of
    departure ("left Ottawa"); "sure" when the same verb names where it went ("fired from Gaza at
    Ashkelon", "sailed from X to Y", "left Ottawa for Kingston")."""
    span = char_span(doc, p.start, p.end)
    if span is None:
        return None
    tok = first_conjunct(span.root)
    if tok.dep_ == "pobj" and tok.head.lower_ == "from":
        verb = tok.head.head
    elif tok.dep_ == "dobj" and tok.head.lower_ in k.lex.forms("departure_verbs"):
        verb = tok.head
    else:
        return None
    destinations = k.lex.words("destination_prepositions")
    if any(c.dep_ == "prep" and c.lower_ in destinations and c.i > tok.i for c in verb.children):
        return "sure"
    return "loose" if k.upos(verb) == "VERB" else None


def _earlier_event_names(k: Knowledge, sent: SentenceInfo, frame: Event) -> list[tuple[int, int]]:
    """The descriptions of an earlier event in a time clause of the sentence ("two days after the
    Bela assault, fighters stormed a police station in Kulachi"): a place named in one is that
    event's, not this one's (unless the sentence's own trigger is that description)."""
    at = frame.evidence[-1].start - sent.start if frame.evidence and frame.evidence[-1].sentence_start == sent.start else -1
    out = []
    for m in k.finditer("event_definite", sent.text, sent.lowered):
        if not (m.start() <= at < m.end()) and k.rx("background_anaphor_before").search(sent.text[: m.start()]):
            out.append((m.start(), m.end()))
    return out


def directed_words(k: Knowledge, gov: object) -> list:
    """The word an action is named by, and for a verb what it imposes: "imposed a curfew",
    "declared a state of siege", "remained on alert", "under curfew"."""
    words = [gov]
    if k.upos(gov) == "VERB":
        for c in gov.children:
            if c.dep_ == "dobj":
                words.append(c)
                words += [g for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ in ("on", "under"):
                words += [g for g in c.children if g.dep_ == "pobj"]
    return words


def target_places(doc: Doc, k: Knowledge, frame: Event, places: list[Mention]) -> None:
    """Places the action was directed at: the object of a directed word ("shelled Juba", "the
    invasion of South Lebanon", "a curfew imposed on Sirte", "bombs in the capital
    Kabul"), reached through at most two prepositions. Not a place the action came from or
    passed near ("withdrew from Chad", "near Rafah"), nor a country whose own forces act."""
    place_nouns = k.lex.words("place_nouns")
    for m in places:
        span = char_span(doc, m.start, m.end)
        if span is None or m.key in frame.target_places:
            continue
        tok = span.root
        if m.kind == "country" and (tok.dep_ in ("nsubj", "poss", "amod") or tok.tag_ == "POS"):
            continue  # "Israel threatened ...", "Israel's forces": the actor, not the target
        for _ in range(2):  # "the capital Kabul", "the town of Cizre"
            if tok.dep_ in ("appos", "compound") and tok.head.lower_.rstrip("s") in place_nouns:
                tok = tok.head
            elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_.rstrip("s") in place_nouns:
                tok = tok.head.head
        if _directed_at(k, tok):
            frame.target_places.append(m.key)


def _directed_at(k: Knowledge, tok: object) -> bool:
    directed = k.rx("directed_at_place")
    for _ in range(3):
        if tok.dep_ in ("dobj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ == "dobj"):
            gov = tok.head if tok.dep_ != "conj" else tok.head.head
        elif tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into", "on", "at", "against", "of", "to", "inside"):
            gov = tok.head.head
        else:
            return False
        if any(directed.fullmatch(w.text) for w in directed_words(k, gov)):
            return True
        if k.upos(gov) == "VERB":
            return False  # a verb that is not directed at it ("died in Kabul", "fled to Chad")
        tok = gov  # "fired at targets in Jericho": on through the noun
    return False
