"""Toponym resolution: a name the model or a cue found becomes a country, a gazetteer place
(candidates chosen by the province named beside it, the place it is said to lie near, the
country in focus), a compound area ("Hama-Idlib countryside") or a place the gazetteers lack."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...gazetteer import PlaceEntry, name_key, place_key, slug
from ...admin import load_admin1_index
from ...geo import haversine_km
from .. import terms as T
from ..extensions import char_span, ents, ext, text_of
from ..grievance import in_grievance
from ..knowledge import Knowledge
from ..phrases import first_conjunct
from ..state import Mention, add_entity, add_mention, add_place_mention, ensure_place, focus_hint
from .provinces import division_named, division_written_beside, placed_beside, province_of_unknown_town

ANCHOR_KM = 50
CITY_ABROAD = 100_000  # a city this large outside the country in focus may be meant by its name
RENOWN_LEAD = 5  # a town this many times better known than its namesakes is the one meant
KNOWN_TOWN = 5_000  # ... when it has at least this many people (a name the model read as a place)
LARGE_TOWN = 50_000  # ... or these many (a name the model read as something else)
NAMESAKE = 10_000  # ... unless a namesake of this size exists  # how far a place may lie from the town it is said to be in or near


def acts(k: Knowledge, span: Span) -> str | None:
    """How a country name is used: "actor" (subject, object, possessor of an action), "attributive"
    ("U.S. drones", "French Defence Ministry") or None (a place: "in Syria")."""
    tok = span.root
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
        return "attributive"
    tok = first_conjunct(tok)
    if tok.dep_ == "dobj" and tok.head.lower_ in k.lex.words("place_object_verbs"):
        return None
    if tok.dep_ == "poss":
        return None if k.rx("possessed_place_parts").match(tok.head.text) else "actor"
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "iobj", "agent", "dative"):
        return "actor"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "with", "against", "for", "between", "among"):
        return "actor"
    return None


def place_from_text(doc: Doc, k: Knowledge, span: Span, forced: bool = False, cue_word: str = "", in_focus: bool = False) -> None:
    """A place (or country) named by ``span``; with ``forced`` (a cue said it is a place) one
    the gazetteers lack becomes a place of the document. ``in_focus``: a name the gazetteers
    place far from the document's focus is read only in the focus (no namesake in the other
    countries voted for, which that very name voted for), else as a place they lack."""
    span = whole_name(doc, k, span)
    text = span.text
    stripped = k.rx("trailing_function_word").sub("", k.rx("the_start").sub("", text))
    iso = k.gaz.country_by_name.get(name_key(stripped))
    if iso:
        add_mention(doc, k, Mention(f"country:{iso}", span.start_char, span.end_char, text, "country", "model_gpe_country", 0.9))
        return
    if k.gaz.country_of_adjective(stripped):
        return
    shared = k.gaz.country_names_in_focus.get(name_key(stripped))
    if shared:
        # "eastern Congo": a country's name another country shares, that of the one the document
        # points to; no town, whatever the gazetteers hold by that name
        votes = ext(doc, "armedkg_country_votes")
        iso = max((i for i in shared if votes.get(i)), key=lambda i: votes[i], default=None)
        if iso is not None:
            add_mention(doc, k, Mention(f"country:{iso}", span.start_char, span.end_char, text, "country", "country_name_in_focus", 0.8))
        return
    if k.rx("weapon_name_after").match(ext(doc, "armedkg_text")[span.end_char : span.end_char + 12]):
        return  # "Grad rockets", "Scud missiles": a weapon's name, not the town
    if re.fullmatch(r"[A-Z]{2,5}", stripped):
        return  # acronyms (QSD, HTS, AAS) are actors, not places; actor names the model tagged as places are left to the ruler
    exact = k.gaz.lookup_place(stripped, focus_hint(doc))
    if not exact:
        stripped, exact = _without_rank_word(doc, k, stripped, exact)
    division = division_named(doc, k, stripped, exact)
    if division is not None:
        add_mention(doc, k, Mention(division.key, span.start_char, span.end_char, text, "place", "world_division", 0.75, cue_word))
        return
    candidates = _candidates(doc, k, span, stripped, focus_hint(doc) if in_focus else None)
    if candidates:
        add_place_mention(doc, k, candidates[0].key, span, "geonames_or_curated", 0.8 if not forced else 0.7, cue_word)
        town = ext(doc, "armedkg_entities").get(f"place:{candidates[0].key}")
        if town is not None and town.cls == T.POPULATED_PLACE and not town.parent:
            division = division_written_beside(doc, k, span, candidates[0])
            town.parent = division.key if division is not None else None
        return
    if _compound_area(doc, k, span, stripped, cue_word) or _part_of_town(doc, k, span, stripped, cue_word):
        return
    if forced or in_focus or span.label_ in ("GPE", "LOC", "FAC"):
        _unresolved(doc, k, span, stripped, cue_word)


def _without_rank_word(doc: Doc, k: Knowledge, name: str, exact: list[PlaceEntry]) -> tuple[str, list[PlaceEntry]]:
    """A name the gazetteers lack as written, without the word of its rank the model read with it
    ("Anka LGA", "Tsafe local government area", "Ashford county"), when the gazetteers know the
    rest; else the name as written."""
    short = k.rx("division_descriptor_trailing").sub("", name).strip()
    found = k.gaz.lookup_place(short, focus_hint(doc)) if short and short != name and short[0].isupper() else []
    return (short, found) if found else (name, exact)


def whole_name(doc: Doc, k: Knowledge, span: Span) -> Span:
    """The town's whole name where the model took a part of it for the whole ("Campos" of
    "Campos dos Goytacazes", "Neustadt" of "Neustadt in Holstein"): the longest continuation
    after ``span`` that makes the name of a town the gazetteers know; else ``span`` itself."""
    m = k.rx("name_continuation").match(ext(doc, "armedkg_text"), span.end_char)
    if m is None:
        return span
    base = place_key(span.text)
    for end in sorted({m.end(g) for g in (1, 2, 3) if m.group(g)}, reverse=True):
        longer = doc.char_span(span.start_char, end, label=span.label_)
        if longer is None or place_key(longer.text) == base:
            continue
        name = k.rx("the_start").sub("", longer.text)
        if any(p.cls == T.POPULATED_PLACE for p in k.gaz.lookup_place(name)):
            return longer
    return span


def _candidates(doc: Doc, k: Knowledge, span: Span, stripped: str, focus: str | None = None) -> list[PlaceEntry]:
    """Gazetteer readings of the name: exact, else by sound, else by sound in the other
    countries the actors point to ("Russian forces shelled ... Ukrainian positions near X").
    ``focus``: read in that country only (see :func:`place_from_text`)."""
    candidates = choose(doc, k, span, k.gaz.lookup_place(stripped, focus_hint(doc)), focus=focus)
    if not candidates:
        candidates = choose(doc, k, span, _sounding(doc, k, stripped), fuzzy=True, focus=focus)
    votes = ext(doc, "armedkg_country_votes")
    for iso in sorted(votes, key=lambda c: -votes[c])[1:3] if not candidates and focus is None else ():
        candidates = choose(doc, k, span, k.gaz.lookup_place(stripped, iso, fuzzy=True), fuzzy=True)
        if candidates:
            break
    return candidates


def _sounding(doc: Doc, k: Knowledge, stripped: str) -> list[PlaceEntry]:
    """Places whose names sound like ``stripped``: in the country in focus; with none, only in an
    Arabic-speaking country (where one name has many spellings: "Mayadeen", "Mayadin") or one the
    document points to; "Loilen" is no spelling of Lalian in Pakistan."""
    focus = focus_hint(doc)
    found = k.gaz.lookup_place(stripped, focus, fuzzy=True)
    if focus is None:
        pointed = set(ext(doc, "armedkg_country_votes")) | set(ext(doc, "armedkg_place_votes"))
        arabic = k.lex.exact("arabic_speaking_countries")
        found = [c for c in found if c.country in arabic or c.country in pointed]
    return found


def _compound_area(doc: Doc, k: Knowledge, span: Span, stripped: str, cue_word: str) -> bool:
    """Compound areas: "Hama-Idlib countryside", "Raqqa-Tabqa road" (an area and its parts)."""
    parts = split_compound(k, stripped, focus_hint(doc))
    if len(parts) < 2:
        return False
    key = f"place:{(focus_hint(doc) or 'xx').lower()}:{slug(stripped)}"
    admins = [a for a in (admin1_of(p) for p in parts) if a]
    parent = max(set(admins), key=admins.count) if admins else None
    add_entity(doc, key, T.AREA, stripped, country=focus_hint(doc), parent=parent)
    text = span.text
    add_mention(doc, k, Mention(key, span.start_char, span.end_char, text, "place", "compound_area", 0.7, cue_word))
    for part_text, entry in parts:
        pos = max(text.find(part_text), 0)
        add_mention(doc, k, Mention(entry.key, span.start_char + pos, span.start_char + pos + len(part_text), part_text, "place", "compound_area_part", 0.7, "in"))
        ensure_place(doc, k, entry)
    return True


def _part_of_town(doc: Doc, k: Knowledge, span: Span, stripped: str, cue_word: str) -> bool:
    """A part of a town named with the town ("Port-au-Prince - Delmas", "North Mitrovica") or a
    town and its state the model took as one name ("Gomez Palacio, Durango"), which the
    gazetteers lack as a whole: the whole name is a mention of the town (chosen as the town's own
    name would be)."""
    m = k.rx("town_part_name").match(stripped)
    head = next((g for g in m.groups() if g), None) if m else None
    at = span.text.find(head) if head else -1
    if at < 0:
        return False
    part = doc.char_span(span.start_char + at, span.start_char + at + len(head), label=span.label_)
    if part is None:
        return False
    towns = [c for c in _candidates(doc, k, part, head) if c.cls == T.POPULATED_PLACE]
    if not towns:
        return False
    add_place_mention(doc, k, towns[0].key, span, "geonames_or_curated", 0.7, cue_word)  # the whole name, as written
    return True


def _unresolved(doc: Doc, k: Knowledge, span: Span, stripped: str, cue_word: str) -> None:
    """A place of the document that the gazetteers lack, classed by the cue word around it."""
    if len(stripped) < 3 or not stripped[0].isupper() and not k.rx("arabic_article_start").match(stripped):
        return
    if k.rx("source_words").search(stripped):
        return
    if stripped.split()[-1].lower() in k.lex.words("body_name_heads"):
        return  # "The Sahel Conflict Observatory", "the Kivu Security Institute": a body, not a place
    if not cue_word and _speaks(k, span):
        return  # "local officials and the Red Cross said": a place the gazetteers lack does not speak
    text = ext(doc, "armedkg_text")
    if not cue_word:
        prior = k.rx("settlement_of_before").search(text[max(0, span.start_char - 20) : span.start_char])
        following = k.rx("settlement_after").match(text[span.end_char : span.end_char + 10])
        cue_word = (prior or following).group(1) if (prior or following) else ""
    if cue_word.lower() in k.lex.words("settlement_words"):
        cls = T.POPULATED_PLACE
    else:
        cls = T.NATURAL_FEATURE if k.rx("natural_feature_words").search(stripped) else T.LOCATION
    province = province_of_unknown_town(doc, k, span, focus_hint(doc))
    country = province.country if province is not None else focus_hint(doc)  # "Lale (Bane, Boulgou)" is in Burkina Faso, whoever's note it is
    key = f"place:{(country or 'xx').lower()}:{slug(stripped)}"
    add_entity(doc, key, cls, stripped, country=country, parent=province.key.split(":", 1)[1] if province is not None else None)
    add_mention(doc, k, Mention(key, span.start_char, span.end_char, span.text, "place", "toponym_unresolved", 0.6, cue_word))


def _speaks(k: Knowledge, span: Span) -> bool:
    """Whether the name is the subject of a verb of saying, or a conjunct of it ("officials and the
    Red Cross said"): a body or a person (a capital standing for its government, "Washington
    said", is a place the gazetteers know and never reaches here)."""
    root = first_conjunct(span.root)
    return root.dep_ == "nsubj" and root.head.lower_ in k.lex.forms("reporting_verbs")


def choose(doc: Doc, k: Knowledge, span: Span, candidates: list[PlaceEntry], fuzzy: bool = False, focus: str | None = None) -> list[PlaceEntry]:
    """Disambiguate place candidates: the province named in the same sentence, the place it is
    said to lie in or near, then the country in focus (a neighbour only if that country's own
    name appears in the document). A fuzzy (consonant skeleton) match must lie in that province.
    Without a focus, only large towns or places in a country the document names are accepted.
    ``focus``: the country in focus as decided (else the one most places voted for)."""
    # The divisions written beside it decide first: "Belem (Para)", "Cuernavaca, Morelos",
    # "Lale (Bane, Boulgou)" (any country's first- and second-level divisions); a namesake
    # elsewhere, however large, is not meant.
    beside = placed_beside(doc, k, span, candidates)
    if beside is not None:
        return beside
    # Then a province named in the same sentence ("Palma ... in Cabo Delgado").
    context = _divisions_named(k, span)
    in_context = [c for c in candidates if c.admin1 in context or c.key in context]
    if in_context:
        return in_context
    if _elsewhere_in_country(k, candidates, context):
        return []  # "Ganeshpur village ... (Lohardaga, Jharkhand)": not the Ganeshpur of Maharashtra
    # A place said to be in or near another: only namesakes there ("the Jacarezinho favela in
    # Rio de Janeiro" is not Jacarezinho in Parana); none there, and it is a place the gazetteer lacks.
    found = anchors(k, span)
    if found:
        return [c for c in candidates if any(_near_anchor(a, c) for a in found)]
    place_votes = ext(doc, "armedkg_place_votes")
    focus = focus or (max(place_votes.items(), key=lambda kv: kv[1])[0] if place_votes else None)
    if focus:
        candidates = _in_focus(doc, k, span, candidates, focus, fuzzy)
    else:
        every = candidates
        candidates = _without_focus(doc, k, span, candidates)
        if not candidates and not fuzzy and len(every) == 1 and not ext(doc, "armedkg_country_votes") and not _division_abroad_in_sentence(k, span, every):
            candidates = every  # one town of that name in the world, and nothing points elsewhere
        if fuzzy and len(candidates) == 1 and k.rx("arabic_toponym_start").match(span.text):
            return candidates
    if fuzzy:
        return _fuzzy_pick(_in_divisions_of_sentence(doc, span, candidates), context)
    return _named_first(span, candidates)


def _in_divisions_of_sentence(doc: Doc, span: Span, candidates: list[PlaceEntry]) -> list[PlaceEntry]:
    """The sound-alike candidates that lie in a first-level division of any country the sentence
    names ("Simboro district (Mamuju regency, West Sulawesi province)": not Sumber in West Java);
    all of them when it names none."""
    sent, entities = span.sent, ext(doc, "armedkg_entities")
    named = {
        (ent.country, place_key(ent.label))
        for m in ext(doc, "armedkg_mentions")
        if m.key.startswith("place:adm1w:") and sent.start_char <= m.start < sent.end_char and (ent := entities.get(m.key)) is not None
    }
    if not named:
        return candidates
    index = load_admin1_index()
    out = []
    for c in candidates:
        division = index.at(c.lat, c.lon, c.country) if c.lat is not None else None
        if division is not None and {(c.country, place_key(division.name)), (c.country, place_key(division.geonames_name))} & named:
            out.append(c)
    return out


def _elsewhere_in_country(k: Knowledge, candidates: list[PlaceEntry], context: set[str]) -> bool:
    """Every candidate lies in another division of the country whose division the sentence
    names: the town meant is one the gazetteers lack."""
    divisions = [k.gaz.places.get(key) for key in context]
    countries = {d.country for d in divisions if d is not None and d.cls == T.ADMIN_REGION}
    return bool(candidates) and len(countries) == 1 and all(c.cls == T.POPULATED_PLACE and c.admin1 and c.country in countries for c in candidates)


def _near_anchor(a: PlaceEntry, c: PlaceEntry) -> bool:
    if a.cls == T.ADMIN_REGION:
        return c.admin1 == a.key
    return a.lat is not None and c.lat is not None and haversine_km(a.lat, a.lon, c.lat, c.lon) <= ANCHOR_KM


def _in_focus(doc: Doc, k: Knowledge, span: Span, candidates: list[PlaceEntry], focus: str, fuzzy: bool) -> list[PlaceEntry]:
    """Candidates in the country in focus; else a neighbour the document names, else a major
    city of a country the document names or whose people it names ("Afghan rebels ... in Kabul")."""
    in_focus = [c for c in candidates if c.country == focus or c.country is None]
    if in_focus:
        return in_focus
    if fuzzy:
        return []
    named = ext(doc, "armedkg_named_countries")
    votes = ext(doc, "armedkg_country_votes")
    return (
        [c for c in candidates if c.country in named and c.country in k.gaz.neighbours.get(focus, ())]
        or [c for c in candidates if c.cls == T.POPULATED_PLACE and c.population >= 500_000 and (c.country in named or c.country in votes)][:1]
        or (_city_abroad(span, candidates) if not k.rx("arabic_toponym_start").match(span.text) else [])
    )


def _city_abroad(span: Span, candidates: list[PlaceEntry]) -> list[PlaceEntry]:
    """A city outside the country in focus that its name can only mean: "marched in Dresden
    against the war in Ukraine". Only a large one called by that very name (not another
    spelling, nor a name written with the Arabic article: "al-Malaqa" is no Malaga), with no
    namesake of any size (a local name the gazetteers lack may well be a small town's abroad)."""
    key = place_key(span.text)
    towns = [c for c in candidates if c.cls == T.POPULATED_PLACE and place_key(c.name) == key]
    big = [c for c in towns if c.population >= CITY_ABROAD]
    if len(big) == 1 and not any(c is not big[0] and c.population >= NAMESAKE for c in candidates):
        return big
    return []


def _without_focus(doc: Doc, k: Knowledge, span: Span, candidates: list[PlaceEntry]) -> list[PlaceEntry]:
    """No country in focus: places in the conflict countries the gazetteer covers, large towns
    elsewhere, or places in a country the document names. A town far from the countries the
    document's actors point to (theirs and their neighbours) is taken only if large ("ADF rebels
    attacked Kisima": not Kissimmee, Florida; "Turkish forces closed Afrin": Syria is next door).
    A place far better known than those namesakes is meant (Geneva in Switzerland, not the town
    in Illinois; Cadiz in Spain, not the larger town in the Philippines that few know by it)."""
    votes = ext(doc, "armedkg_country_votes")
    near = set(votes) | ext(doc, "armedkg_named_countries")
    near |= {n for iso in near for n in k.gaz.neighbours.get(iso, ())}
    if votes:
        candidates = [c for c in candidates if c.country is None or c.country in near or c.population >= 100_000]
    covered = [c for c in candidates if c.country in near or c.country in k.gaz.conflict_countries or c.cls != T.POPULATED_PLACE]
    best = _best_known(span, candidates, votes)
    if best is not None and best not in covered and not any(c.cls != T.POPULATED_PLACE for c in covered):
        if renown(best) >= RENOWN_LEAD * max((renown(c) for c in covered if c.cls == T.POPULATED_PLACE), default=0):
            covered = [best]
    if not covered and not votes and len({c.country for c in candidates}) == 1 and not _division_abroad_in_sentence(k, span, candidates):
        covered = candidates  # every namesake in one country, and nothing points elsewhere
    candidates = covered or [c for c in candidates if c.population >= 100_000]
    if k.rx("arabic_toponym_start").match(span.text):
        # a name written with the Arabic article or a word of Arabic place names ("al-Dabaat",
        # "Ain Issa", "Kafr Nabl") is in an Arabic-speaking country (or one the document points
        # to), not Dabat in Ethiopia or Inisa in Nigeria
        arabic = k.lex.exact("arabic_speaking_countries")
        candidates = [c for c in candidates if c.country in arabic or c.country in near]
    return candidates


def _division_abroad_in_sentence(k: Knowledge, span: Span, candidates: list[PlaceEntry]) -> bool:
    """The sentence names a first-level division of one country other than the candidates' ("a
    union branch in North Chungcheong ... a plant (Maepo-eup, Danyang)": South Korea's, not the
    Danyang of China): something points elsewhere, though no vote was cast yet."""
    index = load_admin1_index()
    countries = {c.country for c in candidates}
    for ent in span.sent.ents:
        if ent.label_ in ("GPE", "LOC", "PLACE") and ent.start_char != span.start_char:
            found = {d.country for d in index.named(ent.text)}
            if len(found) == 1 and not found & countries:
                return True
    return False


def renown(c: PlaceEntry) -> int:
    """How widely a town is known: its population, times the names other languages give it."""
    return c.population * (1 + c.names)


def _best_known(span: Span, candidates: list[PlaceEntry], votes: dict[str, int]) -> PlaceEntry | None:
    """The town called by that very name (else by any) that is far better known than every
    namesake of that name and not far less known than a town bearing the name as another name
    ("Buchen" of Buchen in Odenwald, not Büchen): a city when the document's actors point
    elsewhere, a large town when the model did not read the name as a place, any town of some
    size when nothing points anywhere."""
    key = place_key(span.text)
    towns = [c for c in candidates if c.cls == T.POPULATED_PLACE]
    named = [c for c in towns if place_key(c.name) == key] or towns
    if not named:
        return None
    best = max(named, key=renown)
    least = CITY_ABROAD if votes else KNOWN_TOWN if span.label_ == "GPE" else LARGE_TOWN
    if best.population < least or any(renown(best) < RENOWN_LEAD * renown(c) for c in named if c is not best):
        return None
    if any(RENOWN_LEAD * renown(best) < renown(c) for c in towns if c not in named):
        return None
    return best


def _fuzzy_pick(candidates: list[PlaceEntry], context: set[str]) -> list[PlaceEntry]:
    """A fuzzy match without a province to check against: one sizeable town, or one far larger
    than the others (Nasiriyah in Iraq, not the small namesakes in Libya and Egypt)."""
    if context:
        return []  # a province is named, and no place spelt like this lies in it
    sizeable = sorted((c for c in candidates if c.population >= 20_000), key=lambda c: -c.population)
    if len(sizeable) == 1 or (sizeable and sizeable[0].population >= 5 * sizeable[1].population):
        return sizeable[:1]
    return []


def _divisions_named(k: Knowledge, span: Span) -> set[str]:
    """The ids of the first-level divisions the gazetteer ruler found in ``span``'s sentence
    outside ``span`` (a name is no context of its own), but for those named in what a protest
    is about ("a protest in Poonch over a killing in Rajasthan"). Not from ``span.sent.ents``,
    which builds every entity of the document again on each call: the document's are read
    once, kept in ``doc._.armedkg_division_ents``."""
    doc, sent = span.doc, span.sent
    kept = Doc.has_extension("armedkg_division_ents")
    found = ext(doc, "armedkg_division_ents") if kept else None
    if found is None:
        found = [(e.start, e.end, e.ent_id_) for e in ents(doc) if e.label_ == "PLACE" and e.ent_id_.startswith("adm1:") and not in_grievance(k, e)]
        if kept:
            doc._.armedkg_division_ents = found
    return {key for start, end, key in found if sent.start <= start and end <= sent.end and not (start < span.end and span.start < end)}  # not the name itself


def _named_first(span: Span, candidates: list[PlaceEntry]) -> list[PlaceEntry]:
    """A town of that very name before a namesake of like size found under another name:
    "Tafas" is Ţafas in Syria, not Talas in Turkey (which GeoNames also calls Tafas)."""
    if len(candidates) > 1 and place_key(candidates[0].name) != place_key(span.text):
        key = place_key(span.text)
        named = next((c for c in candidates[1:] if place_key(c.name) == key and 2 * c.population >= candidates[0].population), None)
        if named is not None:
            candidates = [named] + [c for c in candidates if c is not named]
    return candidates


def anchors(k: Knowledge, span: Span) -> list[PlaceEntry]:
    """Every reading (town or province) of the place named right after ``span`` as the one it
    lies in or near; none if no such place follows or the gazetteer does not know it."""
    m = k.rx("anchor_after").match(text_of(span.doc), span.end_char)
    if not m:
        return []
    nxt = _entity_at(span.doc, m.end())
    if nxt is None or nxt.label_ not in ("GPE", "LOC", "FAC", "PLACE"):
        return []
    return [p for p in k.gaz.lookup_place(nxt.text, None) if p.cls in (T.POPULATED_PLACE, T.ADMIN_REGION) and (p.lat is not None or p.cls == T.ADMIN_REGION)]


def _entity_at(doc: Doc, char: int) -> Span | None:
    """The entity that begins at character ``char`` (read from the tokens' IOB tags: ``doc.ents``
    rebuilds every entity of the document on each call)."""
    tok = char_span(doc, char, char + 1)
    tok = tok[0] if tok is not None and len(tok) else None
    if tok is None or tok.idx != char or tok.ent_iob_ != "B":
        return None
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, tok.i, end, label=tok.ent_type_)


def split_compound(k: Knowledge, text: str, focus: str | None) -> list[tuple[str, PlaceEntry]]:
    """The places of a compound name ("Hama-Idlib"), longest first; none unless every part is one."""
    core = k.rx("compound_area_suffix").sub("", text)
    pieces = re.split(r"(?<=[a-z])-(?=[A-Z])", core)
    if len(pieces) < 2:
        return []
    out: list[tuple[str, PlaceEntry]] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            cand = "-".join(pieces[i:j])
            hits = k.gaz.lookup_place(cand, focus)
            if hits:
                out.append((cand, hits[0]))
                i = j
                break
        else:
            return []
    return out


def admin1_of(part: tuple[str, PlaceEntry]) -> str | None:
    entry = part[1]
    if entry.cls == T.ADMIN_REGION:
        return entry.key
    return entry.admin1
