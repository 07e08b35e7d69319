"""Persons: the model's person entities (which may be places, warships, ranked officers or
holders of a title), short forms of a name seen in full ("Al-Hariri" after "Mahmoud
al-Hariri") and noms de guerre ("X, also known as Abu Y")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ...gazetteer import name_key, slug
from .. import terms as T
from ..knowledge import Knowledge
from ..state import Mention, add_entity, add_mention, focus_hint, overlaps, redirect, remove_overlapping
from .places import choose, place_from_text
from .provinces import divisions_beside
from ..doc_columns import columns
from ..extensions import ents, ext


def person(doc: Doc, k: Knowledge, ent: Span) -> None:
    """A person entity of the model (or a place, a warship, a bare single name it may be)."""
    text = re.sub(r"[’']s$", "", ent.text.strip()).strip()
    if len(text) < 3 or not text[0].isupper():
        return
    if name_key(text) in k.gaz.country_by_name or k.gaz.country_of_adjective(text):
        return
    if k.rx("warship_prefix").match(text):
        return  # a warship, not a person
    if _a_place(doc, k, ent, text):
        return
    _named_person(doc, k, ent, text)


def _a_place(doc: Doc, k: Knowledge, ent: Span, text: str) -> bool:
    """Places the model took for people: after "the hamlet of", before a province in brackets,
    at the start of a strike list ("Near X, three strikes ..."), a town the gazetteer knows."""
    full = ext(doc, "armedkg_text")
    near = k.rx("place_preposition_start").match(text)
    cue = k.rx("place_cue_before").search(full[max(0, ent.start_char - 25) : ent.start_char])
    if cue:
        if ent.root.dep_ == "compound" and ent.root.head.tag_ in ("NN", "NNS"):
            return True  # "the company town of the Grasberg copper mine": the name of a thing, neither the town nor a person
        place_from_text(doc, k, ent, forced=True, cue_word=cue[cue.lastindex])
        return True  # "the hamlet of Umm X"
    # After "in", "near": a spelling the gazetteer lacks is tried by how it sounds ("in Ras al Ain").
    in_place = k.rx("locative_before").search(full[max(0, ent.start_char - 8) : ent.start_char])
    paren = k.rx("bracketed_region_after").match(full[ent.end_char : ent.end_char + 72])
    particles = k.rx("arabic_name_particles")
    if paren and (
        any(e.label_ in ("PLACE", "GPE", "COUNTRY") and e.start_char >= ent.end_char + paren.start(1) and e.end_char <= ent.end_char + paren.end(1) for e in ents(doc))
        or divisions_beside(doc, k, ent)
    ):
        # "shelled Horlivka (Donetsk)", "near Kani (Sagaing)": a town followed by its province
        if len(text.split()) <= 3 and not particles.search(text):
            place_from_text(doc, k, ent, forced=True)
            return True
    if (in_place or k.rx("at_before").search(full[max(0, ent.start_char - 8) : ent.start_char])) and _country_follows(doc, k, ent):
        place_from_text(doc, k, ent, forced=True)
        return True  # "an army post at Boulkessi in Mali", "near Tillia, Niger"
    if in_place and len(ent) == 1 and not particles.search(text) and ent.end < len(doc) and doc[ent.end].tag_ != "POS":
        place_from_text(doc, k, ent, forced=True)
        return True  # "struck a vehicle near Elwak": one name after "near" or "in" is a place, known or not (not "in Abdi's house")
    if near or (
        len(text.split()) <= 3
        and not particles.search(text)
        and (in_place or not k.rx("speaker_verb_after").match(full[ent.end_char : ent.end_char + 80]))  # "Cook said": a person, not the town; "officials in Goma said": the town
        and (
            # a subject is a place only in a country the document names ("Kismayo was", not "Smith agreed")
            [c for c in choose(doc, k, ent, k.gaz.lookup_place(text, focus_hint(doc))) if in_place or ent.root.dep_ not in ("nsubj", "nsubjpass") or c.country in ext(doc, "armedkg_named_countries")]
            or (in_place and choose(doc, k, ent, k.gaz.lookup_place(text, focus_hint(doc), fuzzy=True), fuzzy=True))
        )
    ):
        span = doc.char_span(ent.start_char + (near.start(1) if near else 0), ent.end_char, alignment_mode="contract")
        if span is not None:
            place_from_text(doc, k, span, forced=True)
        return True
    return False


def _country_follows(doc: Doc, k: Knowledge, ent: Span) -> bool:
    """Whether the next entity after ``ent`` is a country or a place the gazetteers know, with
    only a comma or "in" (and a point of the compass) between: "Boulkessi in Mali", "Tillia,
    Niger", "Maradun in Zamfara"."""
    after = next((e for e in ents(doc) if e.start_char >= ent.end_char), None)
    if after is None or after.label_ not in ("COUNTRY", "PLACE"):
        return False
    return k.rx("country_follows").match(ext(doc, "armedkg_text")[ent.end_char : after.start_char]) is not None


def _named_person(doc: Doc, k: Knowledge, ent: Span, text: str) -> None:
    """A person with the rank inside or just before the span, or the title before it."""
    full = ext(doc, "armedkg_text")
    window = full[max(0, ent.start_char - 40) : ent.start_char]
    title = k.rx("title_before_name").search(window)
    before = full[max(0, ent.start_char - 30) : ent.start_char]
    rank = None
    inner = k.rank_start_re.match(text)
    start = ent.start_char
    if inner:
        rank = k.ranks[inner[1].lower()]
        text = inner[2]
    else:
        m = k.rank_re.search(before)
        if m:
            rank = k.ranks[m[1].lower()]
            start = ent.start_char - (len(before) - before.rfind(m[1]))
    if len(text.split()) == 1 and not rank and not k.rx("kunya_start").match(text):
        if not (k.upos(ent[0]) == "PROPN" and not ent[0].is_sent_start and text.istitle()):
            # A bare single name at a sentence start may be anything: keep it only if the full name was seen.
            ext(doc, "armedkg_single_names").append(ent)
            return
    if title and not rank:
        start = ent.start_char - (len(window) - title.start(1))
    key = f"person:{slug(text)}"
    add_entity(doc, key, T.PERSON, text, rank=rank)
    surface = full[start : ent.end_char]
    add_mention(doc, k, Mention(key, start, ent.end_char, surface, "person", "model_person" if not rank else "rank_person", 0.8))
    if rank:
        ext(doc, "armedkg_entities")[key].aliases.add(surface.strip())


# Mentions a post or role given to the name overrides: the model's organisation, and a place the
# gazetteers do not know ("Abu Jihad, a spokesman for the BIFF": the model's GPE).
MODEL_GUESSES = frozenset(("model_org", "toponym_unresolved"))


def persons_by_role(doc: Doc, k: Knowledge) -> None:
    """A name the model missed or took for an organisation is a person's where the clause gives
    it a person's post or role: in apposition to one ("Twan Mrat Naing, commander-in-chief of the
    Arakan Army"; "founded by Mamadou Sow Keita, a former army captain"), or as the subject it is
    said of ("Naim Qassem was named secretary-general", "X served as commander of Y"), or an age
    between commas ("Rosendo Quinones, 52, ..."), or as whom an organisation is led, headed or
    founded by ("the Arakan Army, led by Twan Mrat Naing, said ..."). The name
    is two to four capitalised words, none of them a word of a group's name; a name the
    gazetteers know, or a place they know, stays what it is."""
    heads = []
    for i in columns(doc).with_lower(k.lex.words("person_role_nouns")):  # read once per document
        tok = doc[i]
        if tok.tag_.startswith("NN") and not tok.tag_.startswith("NNP"):
            heads += _named_by_role(tok)
    named = [(head, 2) for head in heads + _named_with_age(doc) + _leaders_by_agent(doc, k)]
    for head, fewest in named + [(head, 1) for head in _described_with_age(doc)]:
        span = _person_name(k, head, fewest)
        if span is None or overlaps(doc, span.start_char, span.end_char, kinds=("person",)):
            continue
        if any(m.start < span.end_char and span.start_char < m.end and m.rule not in MODEL_GUESSES for m in ext(doc, "armedkg_mentions")):
            continue  # a name of the gazetteers, a known place, a country: not the model's guess
        inner = k.rank_start_re.match(span.text)  # "Marshal Villeroi": the rank is no part of the name
        name, rank = (inner[2], k.ranks[inner[1].lower()]) if inner else (span.text, None)
        key = f"person:{slug(name)}"
        remove_overlapping(doc, span.start_char, span.end_char)
        add_entity(doc, key, T.PERSON, name, rank=rank)
        add_mention(doc, k, Mention(key, span.start_char, span.end_char, span.text, "person", "person_by_role", 0.7))


def _described_with_age(doc: Doc) -> list[Token]:
    """The names in apposition to a noun with an age ("said Faustin, a 34-year-old digger",
    "Amina, a 19-year-old student, was wounded"): a person's, even a single word."""
    out = []
    for i in columns(doc).with_lower(frozenset(("old",))):
        tok = doc[i]
        if tok.dep_ == "amod" and any(c.lower_ in ("year", "years") for c in tok.children):
            noun = tok.head
            if noun.dep_ == "appos" and noun.head.i < noun.i:
                out.append(noun.head)
    return out


def _leaders_by_agent(doc: Doc, k: Knowledge) -> list[Token]:
    """The heads of the 'by' agents of a participle of leading or founding ("led by Twan Mrat
    Naing", "founded in 1982 by Hashim Salamat"): who leads is a person where the name is one
    (:func:`_person_name` leaves out a group's name, an article a state's or a body's: "led by
    the Arakan Army", "established by the United Nations")."""
    out = []
    for i in columns(doc).with_lower(k.lex.forms("leading_participles")):
        verb = doc[i]
        if verb.tag_ == "VBN":
            # a person's name takes no article: "established by the United Nations" names none
            out += [t for agent in verb.children if agent.dep_ == "agent" for t in agent.children if t.dep_ == "pobj" and not any(c.dep_ == "det" for c in t.children)]
    return out


def _named_with_age(doc: Doc) -> list[Token]:
    """The heads of names followed by an age between commas, as the news gives a person's
    ("fired at Rosendo Quinones, 52, as he closed his shop")."""
    out = []
    for ent in doc.ents:  # the model takes an age for a number or a date: only those are looked at
        tok = ent[0]
        if len(ent) != 1 or not 2 <= tok.i < len(doc) - 1 or not tok.text.isdecimal() or not 10 <= int(tok.text) <= 110:
            continue
        if doc[tok.i - 1].text == "," and doc[tok.i + 1].text in (",", ".") and doc[tok.i - 2].tag_ == "NNP":
            out.append(doc[tok.i - 2])
    return out


def _named_by_role(role: Token) -> list[Token]:
    """The heads of the phrases a noun of a post or role is said of: its apposition either way,
    the name it stands before as a title, the subject of the copula or naming verb it
    complements, of "served as" it is the object of."""
    out = [role.head] if role.dep_ == "appos" or (role.dep_ in ("compound", "nmod") and role.i < role.head.i) else []  # "under commander Twan Mrat Naing"
    out += [c for c in role.children if c.dep_ == "appos"]
    verb = role.head.head if role.dep_ == "pobj" and role.head.lower_ == "as" else role.head if role.dep_ in ("attr", "oprd") else None
    if verb is not None:
        out += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def _person_name(k: Knowledge, head: Token, fewest: int = 2) -> Span | None:
    """The name ending at ``head``: it and the capitalised compounds right before it, ``fewest``
    (two unless an age says it is a person's) to four words of letters (a hyphen or an
    apostrophe inside), none a word of a group's name."""
    if head.tag_ != "NNP":
        return None
    start = head.i
    while start > 0 and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].head.i in range(start, head.i + 1) and head.doc[start - 1].tag_ == "NNP":
        start -= 1
    span = head.doc[start : head.i + 1]
    group = k.lex.words("group_nouns")
    if not fewest <= len(span) <= 4 or any(not (t.text[:1].isupper() and t.text.replace("-", "").replace("'", "").isalpha() and not t.text.isupper()) or t.lower_ in group or t.lower_ in k.organisation_heads for t in span):
        return None
    return span


def nom_de_guerre(k: Knowledge, window: str) -> re.Match | None:
    """"X, nom de guerre 'Abu Y'", "X, also known as Abu Y", "X ('Abu Y')": the alias in group 1."""
    return k.rx("nom_de_guerre_after").match(window) or k.rx("nom_de_guerre_bracketed").match(window)


def person_short_forms(doc: Doc, k: Knowledge) -> None:
    """A short person mention ("Al-Hariri") after the full name resolves to the full name; so
    do noms de guerre and surnames alone."""
    _shorter_names(doc)
    _noms_de_guerre(doc, k)
    _surnames(doc, k)


def _persons(doc: Doc) -> list:
    return [e for e in ext(doc, "armedkg_entities").values() if e.cls == T.PERSON]


def _shorter_names(doc: Doc) -> None:
    """A person named by the last words of a longer name is that person ("Al-Hariri"), and so is
    one named by its first and last words ("Henrik Larsen" after "Henrik August Larsen")."""
    persons = _persons(doc)
    for short in persons:
        words = short.label.split()
        folded = [w.lower() for w in words]
        longer = [p for p in persons if p is not short and len(p.label.split()) > len(words) and ([w.lower() for w in p.label.split()[-len(words) :]] == folded or _without_middle(folded, [w.lower() for w in p.label.split()]))]
        if longer:
            redirect(doc, short.key, longer[0].key)


def _without_middle(short: list[str], full: list[str]) -> bool:
    """Whether a name of two words is a longer name without its middle names."""
    return len(short) == 2 and short[0] == full[0] and short[1] == full[-1]


def _noms_de_guerre(doc: Doc, k: Knowledge) -> None:
    text = ext(doc, "armedkg_text")
    entities = ext(doc, "armedkg_entities")
    for m in list(ext(doc, "armedkg_mentions")):
        if m.kind != "person":
            continue
        mn = nom_de_guerre(k, text[m.end : m.end + 120])
        if not mn:
            continue
        alias = mn[1].strip().strip("\"“”‘’'")
        named = entities.get(m.key)
        if named is None or name_key(alias) == name_key(named.label):
            continue
        named.nom_de_guerre = named.nom_de_guerre or alias
        named.aliases.add(alias)
        alias_key = f"person:{slug(alias)}"
        if alias_key in entities and alias_key != m.key:
            redirect(doc, alias_key, m.key)
        start = m.end + mn.start(1) + (len(mn[1]) - len(mn[1].lstrip()))
        remove_overlapping(doc, start, start + len(alias))
        add_mention(doc, k, Mention(m.key, start, start + len(alias), alias, "person", "nom_de_guerre", 0.8))


def _surnames(doc: Doc, k: Knowledge) -> None:
    """Every later use of a surname (or of the name after the first word) is that person; the
    model's guess that the surname alone is an organisation ("Votel said") yields. Two persons
    of one surname: the first named keeps it ("Henrik Larsen ... the son of Ole Larsen ... Larsen
    joined": a text goes on about the person it began with)."""
    forms: dict[str, str] = {}
    for p in _persons(doc):
        words = p.label.split()
        if len(words) >= 2:
            forms.setdefault(" ".join(words[1:]), p.key)
            forms.setdefault(words[-1], p.key)
            last = words[-1]
            if k.rx("surname_article").match(last):
                forms.setdefault(last.split("-", 1)[1], p.key)
    text = ext(doc, "armedkg_text")
    for form, key in sorted(forms.items(), key=lambda kv: -len(kv[0])):
        if len(form) < 3:
            continue
        for start, end in _standalone(text, form):
            guessed = next((x for x in ext(doc, "armedkg_mentions") if x.rule == "model_org" and (x.start, x.end) == (start, end)), None)
            if guessed is not None and ext(doc, "armedkg_entities").get(guessed.key) is not None and ext(doc, "armedkg_entities")[guessed.key].label == form:
                redirect(doc, guessed.key, key)
                guessed.kind, guessed.rule = "person", "person_short_form"
                continue
            if overlaps(doc, start, end, kinds=("person", "actor", "country")):
                continue
            remove_overlapping(doc, start, end)
            add_mention(doc, k, Mention(key, start, end, form, "person", "person_short_form", 0.75))


def _standalone(text: str, form: str) -> Iterator[tuple[int, int]]:
    """The offsets of ``form`` in ``text`` where no word character or hyphen touches it, in order
    and without overlap: the matches of ``re.finditer(r"(?<![\\w-])" + re.escape(form) +
    r"(?![\\w-])", text)``, found without compiling an expression for each surname of each
    document (re keeps only the last 512; each compile cost more than the search). A word
    character is what ``\\w`` matches in a ``str`` pattern: ``isalnum()`` or the underscore."""
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if not (at > 0 and _joins(text[at - 1])) and not (end < len(text) and _joins(text[end])):
            yield at, end
            at = text.find(form, end)
        else:
            at = text.find(form, at + 1)


def _joins(char: str) -> bool:
    return char.isalnum() or char in "_-"
