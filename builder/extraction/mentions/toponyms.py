"""Places found by the words around a capitalised name, where the model missed them: a name
right before "in <a known place>" or before "town"/"airbase", a local name with its town in
brackets, a name after "the town of" or after a locative preposition with the Arabic article,
"the X district"."""

from __future__ import annotations

from spacy.tokens import Doc

from ...gazetteer import place_key
from ...literals import lowered

from .. import terms as T
from ..knowledge import Knowledge
from ..state import Mention, add_mention, add_place_mention, focus_hint, free_span, overlaps
from .places import choose, place_from_text
from .provinces import TOWN_OF_THE_NAME, chain_readings, container_entity, divisions_beside, readings
from ..extensions import ents, ext

TOWN_WORDS = ("city", "town", "airbase", "air base", "airport")


def _known_places(doc: Doc) -> list[tuple[int, int]]:
    return sorted((e.start_char, e.end_char) for e in ents(doc) if e.label_ == "PLACE")


def bracketed_local_names(doc: Doc, k: Knowledge, known: list[tuple[int, int]]) -> None:
    """"Metina (Amadiya) region of Duhok": a local name and, in brackets, the town it is known by."""
    for m in k.rx("local_name_bracketed").finditer(ext(doc, "armedkg_text")):
        if not any(abs(a - m.end()) <= 4 for a, _ in known):
            continue
        for group, forced in ((2, False), (1, True)):
            span = doc.char_span(m.start(group), m.end(group), alignment_mode="contract")
            if span is not None and not overlaps(doc, span.start_char, span.end_char):
                place_from_text(doc, k, span, forced=forced)
                if overlaps(doc, span.start_char, span.end_char, kinds=("place",)):
                    break


def city_districts(doc: Doc, k: Knowledge) -> None:
    """"in London - Camden", "(Seoul City - Mapo)": a city and one of its districts after a spaced
    dash. The whole name is a mention of the city (the district is no town of its own, and
    neither part is another place: not the country in "Ciudad de Mexico", not a namesake of the
    district elsewhere)."""
    text = ext(doc, "armedkg_text")
    for m in k.rx("city_district").finditer(text):
        if k.rx("street_after").match(text[m.end() :]) or k.month_word_re.match(m.group(1).split()[0]):
            continue
        whole = doc.char_span(m.start(1), m.end(2), alignment_mode="contract")
        city = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if whole is None or city is None or overlaps(doc, whole.start_char, whole.end_char):
            continue
        found = _city(doc, k, city)
        if found is not None:
            add_place_mention(doc, k, found, whole, "city_district", 0.85, "in")


def _city(doc: Doc, k: Knowledge, span) -> str | None:
    """The town ``span`` names ("Seoul City" is Seoul), chosen as any toponym is."""
    name = span.text
    for candidate in (name, name[: -len(" City")] if name.endswith(" City") else None):
        if candidate:
            towns = [p for p in choose(doc, k, span, k.gaz.lookup_place(candidate, focus_hint(doc))) if p.cls == T.POPULATED_PLACE and p.lat is not None]
            if towns:
                return towns[0].key
    return None


def names_before_places(doc: Doc, k: Knowledge) -> None:
    """A capitalised name right before "in <a known place>" ("shelled X in Hama", "the hamlet
    of X in the countryside of Y") is a place inside it; so is a name before "town", "city",
    "airbase" ("3 km east of Tal Abyad town")."""
    text = ext(doc, "armedkg_text")
    known = _known_places(doc)
    before_known = k.rx("name_before_known_place").finditer(text)
    before_town = k.finditer("name_before_town", text, lowered(text))
    bracketed_local_names(doc, k, known)
    not_first = k.lex.exact("not_place_first_words")
    for m in (*before_known, *before_town):
        if m.group(2).strip().lower() not in TOWN_WORDS and not any(abs(a - m.end()) <= 4 for a, _ in known):
            continue
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if span is None or overlaps(doc, span.start_char, span.end_char) or span[0].is_sent_start and span[0].lower_ in ("on", "in", "around", "as", "the"):
            continue
        if span.text.split()[0] in not_first:
            continue
        if any(
            (e.label_ in ("ACTOR", "DATE", "COUNTRY", "GENERIC_ACTOR", "PLACE") or (e.label_ == "NORP" and k.gaz.country_of_adjective(e.text)))
            and e.start_char < span.end_char
            and span.start_char < e.end_char
            for e in ents(doc)
        ):
            continue  # (a name the model calls a nationality, "Tal Tamer", may still be a town)
        place_from_text(doc, k, span, forced=True, cue_word=(m.group(2) or "").strip().split(" ")[0] if m.group(2) else "")


def missed_toponyms(doc: Doc, k: Knowledge) -> None:
    """Toponyms the model missed: "the town of X", "al-X" after a locative preposition, "the X
    district", a name after a locative preposition that the gazetteers know or that has a known
    division written beside it ("in Mahiyanganaya (Badulla, Uva)")."""
    text = ext(doc, "armedkg_text")
    for m in k.rx("toponym_after_cue").finditer(text):
        span = free_span(doc, m.start(2), m.end(2))
        if span is None:
            continue
        word = span.text
        if not k.rx("arabic_article_start").match(word) and not m.group(1):
            if not k.month_word_re.match(word.split()[0]) and (choose(doc, k, span, k.gaz.lookup_place(word, focus_hint(doc))) or divisions_beside(doc, k, span)):
                place_from_text(doc, k, span, forced=True, cue_word="")  # a known name, or one with its division beside it
            continue
        place_from_text(doc, k, span, forced=True, cue_word=(m.group(1) or ""))
    for m in k.rx("toponym_with_descriptor").finditer(text):
        span = free_span(doc, m.start(1), m.end(1))
        if span is not None:
            place_from_text(doc, k, span, forced=True, cue_word=m.group(2))
    for m in k.rx("name_before_rank_bracket").finditer(text):  # "Chauk township (Magway district, ...)"
        span = free_span(doc, m.start(1), m.end(1))
        if span is not None and (choose(doc, k, span, k.gaz.lookup_place(span.text, focus_hint(doc))) or divisions_beside(doc, k, span)):
            place_from_text(doc, k, span, forced=True, cue_word=m.group(2))


def bracketed_places(doc: Doc, k: Knowledge) -> None:
    """Names in brackets that the gazetteers know as any country's division or as a town: the
    place a thing or a town lies in ("picketed the Provincial Office of Education (Chuncheon)",
    "in Vigo (Pontevedra, Galicia)"), where the model took them for something else. A name that
    is a division of one country (in the country the other names of the bracket agree on) is
    that division, not a town of its name ("Ballyporeen (Tipperary)")."""
    text = ext(doc, "armedkg_text")
    for m in k.rx("bracketed_place_names").finditer(text):
        g = 1 if m.group(1) is not None else 2  # round brackets, or a note's square ones ("[coded to X, Y]")
        parts = _bracket_parts(k, m.group(g).split(";")[0], m.start(g))
        chain = chain_readings(k, [name for name, _ in parts], focus_hint(doc))
        for (name, start), found in zip(parts, chain):
            span = free_span(doc, start, start + len(name))
            if span is None or span.text != name or any(t.ent_type_ in ("PLACE", "COUNTRY", "ACTOR", "PERSON_GAZ") for t in span):
                continue  # the gazetteer ruler's names are read as it found them
            towns = k.gaz.lookup_place(name, focus_hint(doc))
            if len({r.country for r in found}) > 1:
                found = _of_the_actors_countries(doc, k, found) or [r for r in found if r.level == 1]  # "(San Pedro)": the one first-level division of the name
            if len({r.country for r in found}) == 1 and found[0].point is not None and not _town_of_the_name(name, towns, found[0].country):
                ent = container_entity(doc, k, found[0])  # first-level readings come first
                add_mention(doc, k, Mention(ent.key, span.start_char, span.end_char, name, "place", "bracketed_division", 0.7, "in"))
            elif (found and len({r.country for r in found}) == 1) or (not found and not readings(k, name) and choose(doc, k, span, towns)):  # "(Kikuube, Western)": no town Western
                place_from_text(doc, k, span, forced=False, cue_word="in")


def _of_the_actors_countries(doc: Doc, k: Knowledge, found: list) -> list:
    """The readings of an ambiguous division in the one country among them that the document's
    actors are of ("militants clashed with VDP near X (Ouo, Comoe)": the Comoe province of
    Burkina Faso, whose militia the VDP is, not the Comoe district of Cote d'Ivoire)."""
    countries = set()
    for ent in ents(doc):
        if ent.label_ == "ACTOR":
            entry = k.gaz.actors.get(ent.ent_id_.split(":", 1)[-1])
            countries.add(entry.country if entry is not None else None)
        elif ent.label_ == "GENERIC_ACTOR":
            homes = {c.country for c in k.gaz.generic_candidates(ent.text)}
            countries |= homes if len(homes) == 1 else set()
    inside = [r for r in found if r.country in countries]
    return inside if len({r.country for r in inside}) == 1 else []


def _town_of_the_name(name: str, candidates: list, country: str) -> bool:
    """A sizeable town of the division's country called by that very name ("(Potosi)"): the
    bracket may name the town, and the town's reading is left to the toponym rules."""
    key = place_key(name)
    return any(c.cls == T.POPULATED_PLACE and c.country == country and place_key(c.name) == key and c.population >= TOWN_OF_THE_NAME for c in candidates)


def _bracket_parts(k: Knowledge, inside: str, offset: int) -> list[tuple[str, int]]:
    """The names of a bracket, without the words of their rank, each with where it starts."""
    out = []
    for part in inside.split(","):
        start = offset + len(part) - len(part.lstrip())
        offset += len(part) + 1
        noise = k.rx("division_chain_noise").match(part.strip())  # "(coded to Waza, Logone-et-Chari)"
        if noise is not None:
            start += noise.end()
        name = k.rx("division_descriptor_trailing").sub("", part.strip()[noise.end() if noise else 0 :]).strip()
        if name and name[0].isupper() and name.lower() not in k.lex.words("place_kind_words"):
            out.append((name, start))  # not "(Hill)": the kind of the place, no division
    return out
