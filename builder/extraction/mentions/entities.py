"""Mentions from the entities of the model and of the gazetteer ruler: gazetteer actors,
persons, countries and places as they are; the model's organisations, persons and toponyms
read by the words around them (an organisation may be a place, a country, an armed group, a
media outlet; a "person" may be a town, a ranked officer, a warship)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...admin import load_admin1_index
from ...gazetteer import name_key, place_key, slug
from .. import terms as T
from ..knowledge import Knowledge
from ..state import Mention, add_entity, add_mention, add_place_mention, focus_hint, overlaps, vote
from .persons import person
from ..actor_compounds import in_actor_compound
from ..phrases import first_conjunct
from .places import acts, place_from_text, whole_name
from .provinces import placed_beside
from ..extensions import ents, ext, set_ents, text_of


def split_parentheses(doc: Doc) -> list[Span]:
    """The model's entities, with those it ran across an opening parenthesis cut in two:
    "Tame (Arauca" is the town and its department ("in Tame (Arauca)")."""
    out = []
    for ent in ents(doc):
        cut = ent.text.find("(")
        if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON") and cut > 0 and ")" not in ent.text:
            left = doc.char_span(ent.start_char, ent.start_char + cut, label=ent.label_, alignment_mode="contract")
            right = doc.char_span(ent.start_char + cut + 1, ent.end_char, label=ent.label_, alignment_mode="contract")
            out.extend(part for part in (left, right) if part is not None and part.text.strip())
        else:
            out.append(ent)
    return out


def entity_mentions(doc: Doc, k: Knowledge) -> None:
    """One mention (or none) for every entity of the model and the ruler."""
    for ent in split_parentheses(doc):
        label = ent.label_
        if label == "ACTOR":
            add_mention(doc, k, Mention(ent.ent_id_, ent.start_char, ent.end_char, ent.text, "actor", "gazetteer_actor", 0.95))
        elif label == "GENERIC_ACTOR":
            ext(doc, "armedkg_generic").append(ent)
        elif label == "PERSON_GAZ":
            row = k.gaz.persons.get(ent.ent_id_.split(":", 1)[1], {})
            record = add_entity(doc, ent.ent_id_, T.PERSON, row.get("name", ent.text), country=row.get("country"))
            record.aliases.update(row.get("aliases", []))
            add_mention(doc, k, Mention(ent.ent_id_, ent.start_char, ent.end_char, ent.text, "person", "gazetteer_person", 0.9))
        elif label == "COUNTRY" and (_capital_named_after(doc, k, ent) or _town_named_like_a_country(doc, k, ent)):
            continue
        elif label == "COUNTRY":
            _country(doc, k, ent)
        elif label in ("PLACE", "GPE", "LOC", "FAC") and in_actor_compound(k, ent) and not k.gaz.country_by_name.get(name_key(ent.text)):
            continue  # "a London-based monitor": where an actor is based, no place of the text's events
        elif label == "PLACE" and whole_name(doc, k, ent) is not ent:
            place_from_text(doc, k, ent)  # "Oaxaca de Juarez": a town named after its division
        elif label == "PLACE" and _far_from_focus(doc, k, ent):
            place_from_text(doc, k, ent, in_focus=True)
        elif label == "PLACE":
            add_place_mention(doc, k, ent.ent_id_, ent, "gazetteer_place", 0.9)
        elif label in ("GPE", "LOC", "FAC") and (_agent_of_hostility(k, ent) or _part_of_organisation(k, ent)):
            organisation(doc, k, ent)  # "The Nyatura CMC, part of the Wazalendo coalition, clashed": a known place stays one
        elif label in ("GPE", "LOC", "FAC"):
            place_from_text(doc, k, ent)
        elif label in ("ORG", "PERSON") and overlaps(doc, ent.start_char, ent.end_char, kinds=("place",)):
            continue  # "Ras al Ain in Hasakah" was read as a place before the model's guess
        elif label == "ORG":
            organisation(doc, k, ent)
        elif label == "PERSON" and _organisation_as_person(k, ent):
            organisation(doc, k, ent)
        elif label == "PERSON":
            person(doc, k, ent)
        elif label == "NORP":
            iso = k.gaz.country_of_adjective(ent.text)
            if iso:
                vote(ext(doc, "armedkg_country_votes"), iso)


def drop_name_fragments(doc: Doc, k: Knowledge) -> None:
    """Remove the ruler's one-word actor names that are only a word of a longer proper name
    ("the Citizens Coalition for Change" is no "Coalition" of the gazetteer), before anything
    reads the entities (the focus votes, the mentions)."""
    kept = [ent for ent in ents(doc) if not (ent.label_ == "ACTOR" and _inside_longer_name(doc, k, ent))]
    longer = {ent.start: _longer_place(doc, k, ent, ent.label_ in ("COUNTRY", "PLACE")) for ent in kept if ent.label_ in ("COUNTRY", "PLACE", "GPE", "LOC", "PERSON")}
    wider = [span for span in longer.values() if span is not None]
    if wider:
        kept = [ent for ent in kept if not any(w.start < ent.end and ent.start < w.end for w in wider)] + wider
    if len(kept) != len(ents(doc)) or wider:
        for token in (t for span in wider for t in span):
            token.ent_id_ = ""  # the model's place now, no gazetteer key of its last word
        set_ents(doc, sorted(kept, key=lambda e: e.start))


def _longer_place(doc: Doc, k: Knowledge, ent: Span, ruler: bool) -> Span | None:
    """The longer place name a ruler's country or division ends ("Fort-de-France" is no France,
    "Alto Parana" no Parana of Brazil, "New Delhi" the town), or a name of the model ends ("Santo
    Antonio de Padua" where the model took "Antonio de Padua" for a person): a town or any
    country's division of that whole name; for a ruler's name, a name joined to it by a particle
    ("Santa Rita del Parana") even where the gazetteers lack it. The whole name as the model's
    place, read as any toponym is."""
    text = ext(doc, "armedkg_text")
    m = k.rx("name_head_before").search(text, max(0, ent.start_char - 40), ent.start_char)
    if m is None:
        return None
    words = m.group(1)
    heads = [words, words.split(" ", 1)[1]] if " " in words else [words]
    for head in heads:
        start = m.start(1) + len(words) - len(head)
        longer = doc.char_span(start, ent.end_char, label="GPE")
        if longer is None or longer.start == 0 and head in ("The", "In", "On", "At"):
            continue
        name = longer.text
        key = place_key(name)
        if any(p.cls == T.POPULATED_PLACE and place_key(p.name) == key for p in k.gaz.lookup_place(name)) or load_admin1_index().named(name):
            return longer
    particle = m.group(2).strip().strip("-")
    return doc.char_span(m.start(1), ent.end_char, label="GPE") if ruler and particle and m.group(2)[:1].isspace() else None


def _inside_longer_name(doc: Doc, k: Knowledge, ent: Span) -> bool:
    """Whether a one-word gazetteer name is only a word of a longer proper name: a capitalised
    name word before it that is no nationality or country ("Citizens Coalition"), and "for" or
    "of" with a capitalised word after it ("Coalition for Change"), or a capitalised noun that
    ends an organisation's name ("the Islamic Coalition Party")."""
    if len(ent) != 1 or ent.start == 0 or ent.end >= len(doc) - 1:
        return False
    before, after, then = doc[ent.start - 1], doc[ent.end], doc[ent.end + 1]
    named_before = before.tag_ in ("NNP", "NNPS") and before.text[:1].isupper() and k.gaz.country_of_adjective(before.text) is None and not k.gaz.country_by_name.get(name_key(before.text))
    return named_before and ((after.lower_ in ("for", "of") and then.text[:1].isupper()) or (after.text[:1].isupper() and after.lower_ in k.organisation_heads))


def _far_from_focus(doc: Doc, k: Knowledge, ent: Span) -> bool:
    """Whether the place the gazetteers name lies in a country far from the document's focus,
    neither next to it nor named by the document: then the name is resolved as any other
    (a namesake in the focus, or a place the gazetteers lack), not taken as that place ("Dara
    district" in a report on Afghanistan is not Daraa in Syria)."""
    entry = k.gaz.places.get(ent.ent_id_)
    focus = focus_hint(doc)
    if entry is None or not entry.country or not focus or entry.country == focus:
        return False
    return entry.country not in k.gaz.neighbours.get(focus, ()) and entry.country not in ext(doc, "armedkg_named_countries")


def _capital_named_after(doc: Doc, k: Knowledge, ent: Span) -> bool:
    """"Guatemala City", "Kuwait City": a town of the country named after it, read as that town
    (the ruler took the country's name for the whole)."""
    if not ext(doc, "armedkg_text").startswith(" City", ent.end_char):
        return False
    whole = doc.char_span(ent.start_char, ent.end_char + 5, label="GPE")
    iso = ent.ent_id_.split(":", 1)[1]
    towns = [p for p in k.gaz.lookup_place(ent.text + " City") if p.cls == T.POPULATED_PLACE and p.country == iso and p.name.endswith("City")]
    if whole is None or not towns:
        return False
    add_place_mention(doc, k, towns[0].key, whole, "capital_named_after_country", 0.85)
    return True


def _town_named_like_a_country(doc: Doc, k: Knowledge, ent: Span) -> bool:
    """"Albania municipality (La Guajira)", "Armenia, Quindio": a town that bears a country's
    name, written with a division of another country it lies in, is that town."""
    iso = ent.ent_id_.split(":", 1)[1]
    towns = [p for p in k.gaz.lookup_place(ent.text) if p.cls == T.POPULATED_PLACE and p.country != iso]
    inside = placed_beside(doc, k, ent, towns) if towns else None
    if not inside:
        return False
    add_place_mention(doc, k, inside[0].key, ent, "town_named_like_a_country", 0.8)
    return True


def _country(doc: Doc, k: Knowledge, ent: Span) -> None:
    """A country of the ruler: part of an organisation's name ("<Country> Army Command"), or a
    country acting, named attributively or as a place."""
    text = ext(doc, "armedkg_text")
    org = k.rx("country_org_suffix").match(text[ent.end_char : ent.end_char + 40])
    if org:
        whole = text[ent.start_char : ent.end_char + org.end()]
        key = f"actor:{slug(whole)}"
        cls = T.STATE_FORCE if k.rx("state_force_org_words").search(whole) else T.ORGANISATION
        add_entity(doc, key, cls, whole, country=ent.ent_id_.split(":", 1)[1])
        add_mention(doc, k, Mention(key, ent.start_char, ent.end_char + org.end(), whole, "actor", "country_org_name", 0.75))
        return
    role = acts(k, ent)
    rule = {"actor": "country_as_actor", "attributive": "country_attributive"}.get(role or "", "gazetteer_country")
    add_mention(doc, k, Mention(ent.ent_id_, ent.start_char, ent.end_char, ent.text, "country", rule, 0.95))


def _facility_of_town(doc: Doc, k: Knowledge, text: str) -> bool:
    """A facility named after a known town ("Dadaab Refugee Camp", "Bagram Airfield"): a place."""
    m = k.rx("town_facility_name").match(text)
    return m is not None and any(p.cls == T.POPULATED_PLACE for p in k.gaz.lookup_place(m.group(1), focus_hint(doc)))


def organisation(doc: Doc, k: Knowledge, ent: Span) -> None:
    """An organisation of the model: a ranked person, an office and a name, a country, a place,
    an armed group, a media outlet or an organisation."""
    trail = k.rx("org_trailing_word").search(ent.text)
    if trail:
        # "the Mexican National Guard near" once the place after it is cut out: the name ends before
        ent = ent.doc.char_span(ent.start_char, ent.start_char + trail.start(), label=ent.label_, alignment_mode="contract")
        if ent is None:
            return
    text = k.rx("the_start").sub("", ent.text).strip()
    if k.ranked_name_re.match(text):
        person(doc, k, ent)  # "Rear Adm. Brad Cooper": a ranked name the model took for an organisation
        return
    if len(text) < 2 or k.rx("not_org_names").match(text) or k.fighting_line(text):
        return
    if _office_and_name(doc, k, ent):
        return
    iso = k.gaz.country_by_name.get(name_key(text))
    if iso:
        add_mention(doc, k, Mention(f"country:{iso}", ent.start_char, ent.end_char, ent.text, "country", "model_org_country", 0.8))
        return
    cue = k.rx("place_cue_before").search(ext(doc, "armedkg_text")[max(0, ent.start_char - 25) : ent.start_char])
    armed = k.rx("armed_cues").search(text)
    # An organisation written in capitals ("BJP", "CGT") is no place the gazetteers know by that
    # code (GeoNames keeps airport codes among a town's names) unless a place word comes before it.
    known_place = not _acronym(text) and (k.gaz.lookup_place(text, focus_hint(doc)) or _facility_of_town(doc, k, text))
    if not armed and (known_place or cue or k.rx("arabic_article_name").match(text)):
        place_from_text(doc, k, ent, forced=True, cue_word=cue[cue.lastindex] if cue else "")
        return
    if _nationality_force(doc, k, ent, text):
        return
    adj = k.adj_start_re.match(text)
    country = k.gaz.country_of_adjective(adj[1]) if adj else None
    key = f"actor:{slug(text)}"
    if armed:
        cls = T.STATE_FORCE if country and k.rx("state_force_words").search(text) else T.NON_STATE_ARMED_GROUP
        rule, conf = "model_org_armed", 0.7
    elif k.rx("media_cues").search(text):
        cls, rule, conf = T.MEDIA_OUTLET, "model_org_media", 0.6
    else:
        cls, rule, conf = T.ORGANISATION, "model_org", 0.5
    add_entity(doc, key, cls, text, country=country)
    add_mention(doc, k, Mention(key, ent.start_char, ent.end_char, ent.text, "actor", rule, conf))


def _agent_of_hostility(k: Knowledge, ent: Span) -> bool:
    """The name is who attacks or fights: the subject of an active verb of hostility ("the Nyatura
    CMC clashed with M23", "X and Y ambushed a convoy") or its "by" agent ("a convoy ambushed by
    X"). A town does not clash; :func:`organisation` still reads a place or country the gazetteers
    know ("Israel struck", "Gaza fired rockets") as one."""
    tok = first_conjunct(ent.root)
    hostile = k.lex.forms("hostile_verbs")
    if tok.dep_ == "nsubj":
        return tok.head.lower_ in hostile
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent" and tok.head.head.lower_ in hostile


def _part_of_organisation(k: Knowledge, ent: Span) -> bool:
    """The name stands in apposition to a part of an organisation: "the Ngumino, an armed wing of
    the Twirwaneho", "the Nyatura CMC, part of the Wazalendo coalition" (a noun of a part whose
    "of" names an organisation by its name or by a noun of organisation; "Goma, part of North
    Kivu" is a town)."""
    parts = k.lex.words("subunit_nouns")
    heads = k.organisation_heads  # lower-case words
    for noun in ent.root.children:
        if noun.dep_ != "appos" or noun.lower_ not in parts:
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                if any(o.dep_ == "pobj" and (o.lower_ in heads or o.ent_type_ in ("ORG", "ACTOR")) for o in prep.children):
                    return True
    return False


def _organisation_as_person(k: Knowledge, ent: Span) -> bool:
    """A name the model took for a person that is an organisation's: it ends in a noun of
    organisation ("Kestrel Force", "the Rural Workers League") or stands in apposition to one
    ("the Maoist organisation, Sendero Luminoso"), or it takes the article, which a person's name
    does not ("he joined the Schutztruppe"; a title is no name: "the President"; after "in" the
    name may be a region's: "in the Sahel")."""
    if not ent[0].text[:1].isupper():
        return False  # "into the bush": no name at all
    heads = k.organisation_heads
    if ent[-1].lower_ in heads:
        return True
    root = ent.root  # "the Maoist organization, Sendero Luminoso"; "Tears for Fears, a British band"
    described = [root.head] if root.dep_ == "appos" else [c for c in root.children if c.dep_ == "appos"]
    if any(t.tag_ in ("NN", "NNS") and t.lower_ in heads for t in described):
        return True
    the = ent.doc[ent.start - 1] if ent.start else None
    if the is None or the.lower_ != "the" or the.head.i not in range(ent.start, ent.end):
        return False
    if k.rx("locative_before").search(text_of(ent.doc)[max(0, the.idx - 12) : the.idx]):
        return False  # "in the Sahel": a region takes the article too
    return not (k.rx("title_before_name").match(ent.text) or k.rank_start_re.match(ent.text) or k.ranked_name_re.match(ent.text))


def _acronym(text: str) -> bool:
    """A name written as one word in capitals (digits and hyphens allowed): "BJP", "CGT-FO"."""
    return " " not in text and any(c.isalpha() for c in text) and text == text.upper()


def _nationality_force(doc: Doc, k: Knowledge, ent: Span, text: str) -> bool:
    """"the Ukrainian Armed Forces", "the Azerbaijani Army": a nationality and a force noun, named
    as the model's organisation, are the state's forces."""
    whole = k.force_re.fullmatch(text)
    iso = k.gaz.country_of_adjective(whole[1]) if whole and not k.rx("service_nouns").fullmatch(whole[2].lower()) else None
    if iso is None:
        return False
    add_mention(doc, k, Mention(k.forces_of(iso), ent.start_char, ent.end_char, ent.text, "actor", "nationality_force", 0.85))
    return True


def _office_and_name(doc: Doc, k: Knowledge, ent: Span) -> bool:
    """"Envoy for the Horn of Africa Jane Doe": the model took office and name for one organisation."""
    window = ext(doc, "armedkg_text")[max(0, ent.start_char - 30) : ent.start_char]
    if not k.rx("office_and_name_before").search(window):
        return False
    tail = re.search(r"((?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+)$", ent.text)
    if not (tail and len(tail.group(1).split()) >= 2):
        return False
    name = " ".join(tail.group(1).split()[-2:])
    start = ent.end_char - len(name)
    key = f"person:{slug(name)}"
    add_entity(doc, key, T.PERSON, name)
    add_mention(doc, k, Mention(key, start, ent.end_char, name, "person", "office_and_name", 0.7))
    return True
