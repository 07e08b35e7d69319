"""Actors named by cue words rather than by name: a nationality and a force noun ("Russian
troops"), a military formation ("Combined Task Force 150"), the group whose positions are
named ("Karen guerrilla camps"), the name of a group the gazetteers lack ("Jaysh al-Mahdi",
"the 3rd Infantry Regiment")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ...gazetteer import name_key, slug
from .. import terms as T
from ..knowledge import Knowledge
from ..state import Mention, add_entity, add_mention, focus_hint, overlaps
from ..doc_columns import columns
from ..extensions import ents, ext


def nationality_forces(doc: Doc, k: Knowledge) -> None:
    """"Russian troops" and "Sudan's army" are the country's armed forces; "Israeli special
    services" a force of their own."""
    text = ext(doc, "armedkg_text")
    for m in k.force_re.finditer(text):
        iso = adjective_country(doc, k, m[1])
        if iso is None and not re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2]):
            iso = k.gaz.country_by_name.get(name_key(m[1]))  # "the Kenya Defence Forces"; not "the United States Army Reserve", a name of its own
        if not iso or _another_actor_of_the_gazetteers(doc, k, m, iso) or _inside_a_longer_name(doc, m):
            continue
        if k.rx("service_nouns").fullmatch(m[2].lower()):
            key = f"actor:{slug(m.group(0))}"
            add_entity(doc, key, T.STATE_FORCE, m.group(0).strip(), country=iso, inter=1)
        else:
            key = k.forces_of(iso)
        add_mention(doc, k, Mention(key, m.start(), m.end(), m.group(0), "actor", "nationality_force", 0.85))
        _shared_force_noun(doc, k, m)
    # "Sudan's army": a possessive in every match (many documents have none), then a force noun
    found = k.gated_finditer(k.country_force_re, text) if "'s" in text or "’s" in text else ()
    for m in found:
        iso = k.gaz.country_by_name.get(name_key(m[1]))
        if iso:
            add_mention(doc, k, Mention(k.forces_of(iso), m.start(), m.end(), m.group(0), "actor", "nationality_force", 0.85))


def _another_actor_of_the_gazetteers(doc: Doc, k: Knowledge, m: re.Match, iso: str) -> bool:
    """Whether the gazetteers name another actor over the words: a longer name around them ("Free
    Syrian Army"), or these very words as an actor other than the country's armed forces ("the
    Syrian National Army"). A name of the gazetteers is its own."""
    overlapping = (e for e in ents(doc) if e.label_ == "ACTOR" and e.start_char < m.end() and m.start() < e.end_char)
    return any((e.start_char, e.end_char) != m.span() or e.ent_id_ != k.forces_of(iso) for e in overlapping)


def adjective_country(doc: Doc, k: Knowledge, word: str) -> str | None:
    """The country of a nationality adjective; one two countries share ("Congolese") is that of
    the country in focus where it is one of them, and nobody's otherwise."""
    iso = k.gaz.country_of_adjective(word)
    if iso is None and (shared := k.gaz.adjectives_in_focus.get(name_key(word))):
        focus = focus_hint(doc)
        iso = focus if focus in shared else None
    return iso


def _inside_a_longer_name(doc: Doc, m: re.Match) -> bool:
    """"Free Syrian Army", "the Syrian Army of Liberation": a force noun written as a name is the
    state's own only when the adjective starts the name (the gazetteers' names are read by
    :func:`_another_actor_of_the_gazetteers`)."""
    text = ext(doc, "armedkg_text")
    if not m[2][:1].isupper():
        return False
    before = re.search(r"([A-Z][\w'-]*)\s+$", text[max(0, m.start() - 30) : m.start()])
    return bool(before) and before[1] != "The"


def _shared_force_noun(doc: Doc, k: Knowledge, m: re.Match) -> None:
    """"the Armenian and Azerbaijani forces": two nationalities sharing one force noun are two
    states' forces."""
    text = ext(doc, "armedkg_text")
    first = re.search(r"\b(" + k.adj + r")\s+(?:and|or|,)\s+$", text[max(0, m.start() - 40) : m.start()])
    iso = adjective_country(doc, k, first[1]) if first else None
    if iso and not k.rx("service_nouns").fullmatch(m[2].lower()):
        start = m.start() - len(first.group(0))
        add_mention(doc, k, Mention(k.forces_of(iso), start, start + len(first[1]), first[1], "actor", "nationality_force", 0.8))


def formations(doc: Doc, k: Knowledge) -> None:
    """Named military formations: "Combined Task Force 150", "Special Operations Joint Task
    Force", "CTF 50"; a formation the gazetteer knows keeps its entry."""
    for m in k.rx("military_formation").finditer(ext(doc, "armedkg_text")):
        if overlaps(doc, m.start(), m.end(), kinds=("actor", "country")) or any(
            e.label_ in ("ACTOR", "COUNTRY") and e.start_char < m.end() and m.start() < e.end_char for e in ents(doc)
        ):
            continue
        label = m.group(0)
        key = f"actor:{slug(label)}"
        add_entity(doc, key, T.STATE_FORCE, label)
        add_mention(doc, k, Mention(key, m.start(), m.end(), label, "actor", "military_formation", 0.7))


def outlets_by_apposition(doc: Doc, k: Knowledge) -> None:
    """A proper name that a noun of news outlets calls an outlet: read before the model's guess can
    make it a place; a name the gazetteers know keeps its entry. Three constructions:

    - the noun heads the name's apposition: "Saba, the Houthi-run news agency, quoted ...",
      "Amaq, the group's mouthpiece";
    - the name is the noun's apposition, or the noun stands before it: "the government newspaper
      Le Sahel reported", "the pro-government daily Al-Thawra";
    - the name stands before a possessed noun: "through its Shahada news outlet", "in the group's
      Naba weekly" (without the possessor, "the Mogadishu radio" names where the radio is)."""
    for i in columns(doc).with_lower(frozenset(k.lex.forms("outlet_nouns"))):
        noun = doc[i].head if doc[i].dep_ == "compound" else doc[i]  # "news agency", "the rebels' radio station"
        for name in _outlet_names(doc, noun, doc[i]):
            if overlaps(doc, name.start_char, name.end_char) or any(e.label_ in ("ACTOR", "COUNTRY") and e.start_char < name.end_char and name.start_char < e.end_char for e in ents(doc)):
                continue
            key = f"actor:{slug(name.text)}"
            add_entity(doc, key, T.MEDIA_OUTLET, name.text)
            add_mention(doc, k, Mention(key, name.start_char, name.end_char, name.text, "actor", "outlet_apposition", 0.7))


def _outlet_names(doc: Doc, noun: Token, word: Token) -> list[Span]:
    """The proper names the outlet noun ``noun`` (``word`` itself or the head of its compound)
    calls an outlet, by the constructions of :func:`outlets_by_apposition`."""
    def name_at(head: Token) -> Span:
        return doc[head.left_edge.i if head.left_edge.tag_.startswith("NNP") else head.i : head.i + 1]

    if word.dep_ == "compound" and word.head.tag_.startswith("NNP") and not word.text[:1].isupper():
        return [doc[word.i + 1 : word.head.i + 1]]  # "the pro-government daily Al-Thawra" (not "Radio Mogadishu": the noun is in the name)
    if noun.tag_ not in ("NN", "NNS"):
        return []
    if noun.dep_ == "appos" and noun.head.tag_.startswith("NNP"):
        return [name_at(noun.head)]  # "Saba, the Houthi-run news agency"
    if noun.i != word.i:
        return []  # "the television series Lost": the name is the series', no outlet's
    # "the newspaper Le Sahel"; not a short name in brackets, the phrase's own ("Ukraine's military intelligence agency (HUR)")
    named = [c for c in noun.children if c.dep_ == "appos" and c.tag_.startswith("NNP") and doc[c.left_edge.i - 1].text != "("]
    possessed = any(c.dep_ == "poss" for c in noun.children)
    named += [c for c in noun.children if possessed and c.dep_ == "compound" and c.tag_.startswith("NNP") and c.i < word.i]  # "its Shahada news outlet"
    return [doc[c.i : c.i + 1] if c.head.i == noun.i and c.dep_ == "compound" else doc[max(c.left_edge.i, word.i + 1) : c.i + 1] for c in named]


NAME_LINKS = frozenset(("of", "de", "du", "des", "la", "el"))  # small words inside a name: "Voice of Ituri", "Radio de la Paz"


def outlets_addressed(doc: Doc, k: Knowledge) -> None:
    """A proper name that a speaker tells or briefs ("the official told Caribbean Line on
    Monday"), which the model did not read as a person or an organisation: a news outlet, read
    before the model's guess can make it a place; a name the gazetteers know keeps its entry."""
    for i in columns(doc).with_lower(frozenset(k.lex.forms("addressing_verbs"))):
        for tok in doc[i].children:
            if tok.dep_ not in ("dobj", "dative") or not tok.tag_.startswith("NNP"):
                continue
            whole = doc[tok.left_edge.i : tok.right_edge.i + 1]  # "Caribbean Line" (the tagger's JJ), "Voice of Ituri"
            name = whole if whole[0].text[:1].isupper() and all(t.text[:1].isupper() or t.lower_ in NAME_LINKS for t in whole) else doc[tok.i : tok.i + 1]
            if overlaps(doc, name.start_char, name.end_char) or any(e.label_ not in ("GPE", "LOC", "FAC") and e.start_char < name.end_char and name.start_char < e.end_char for e in ents(doc)):
                continue  # a person, an organisation, an actor or country the gazetteers know
            key = f"actor:{slug(name.text)}"
            add_entity(doc, key, T.MEDIA_OUTLET, name.text)
            add_mention(doc, k, Mention(key, name.start_char, name.end_char, name.text, "actor", "outlet_addressed", 0.65))


def defined_groups(doc: Doc, k: Knowledge) -> None:
    """A proper name defined as an armed body by its copula or apposition ("Katiba Serma is a
    jihadist group", "the AUC was a paramilitary umbrella organisation", "Forces Nouvelles, an
    armed coalition, ..."): an armed group (a militia where the noun says so), read before the
    model's guess (a person, a place) can be taken; a name the gazetteers know keeps its entry."""
    modifiers, copulas, kinds = k.lex.words("armed_kind_modifiers"), k.lex.forms("copulas"), k.lex.forms("armed_kind_nouns")
    for i in columns(doc).with_lower(kinds):
        noun = doc[i]
        armed = kinds[noun.lower_] in ("militia", "gang") or any(c.dep_ in ("amod", "compound") and c.lower_ in modifiers for c in noun.children)
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
            noun = noun.head.head  # "Los Lobos, one of the country's largest gangs"
        if not armed or noun.dep_ not in ("attr", "appos"):
            continue
        subject = noun.head if noun.dep_ == "appos" else next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is None or not subject.tag_.startswith("NNP") or noun.dep_ == "attr" and noun.head.lower_ not in copulas:
            continue
        start = next((t.i for t in doc[subject.left_edge.i : subject.i + 1] if t.text[:1].isupper() and t.lower_ != "the"), subject.i)
        name = doc[start : subject.i + 1]
        if overlaps(doc, name.start_char, name.end_char) or any(e.label_ in ("ACTOR", "COUNTRY", "PLACE", "PERSON_GAZ") and e.start_char < name.end_char and name.start_char < e.end_char for e in ents(doc)):
            continue
        key = f"actor:{slug(name.text)}"
        add_entity(doc, key, T.MILITIA if kinds[doc[i].lower_] == "militia" else T.NON_STATE_ARMED_GROUP, name.text)
        add_mention(doc, k, Mention(key, name.start_char, name.end_char, name.text, "actor", "defined_armed_group", 0.7))


def unlisted_groups(doc: Doc, k: Knowledge) -> None:
    """Armed groups and units the gazetteers lack, named by the form of their name: "Liwa
    Fatemiyoun", "Jaysh al-Mahdi", "the 3rd Infantry Regiment", "the Hamza Division", "the Oromo
    Liberation Army". A name ending in "Front", "Movement" or "Council" is an armed group only
    with an armed cue inside ("Popular Resistance Front"), else an organisation; "the Western
    Front" is a line of fighting. A name another rule or the gazetteer already read is left to it."""
    political = k.lex.words("political_head_nouns")
    armed = k.rx("armed_cues")
    named_gang = doc.vocab.strings.add("named_gang")
    for label, start, end in k.group_names(doc.vocab)(doc):
        span = doc[start:end]
        head = span[-1].lower_
        if len(span) < 2 or span[0].is_sent_start and len(span) == 2 and head in political:
            continue
        if label == named_gang and _names_no_gang(k, span[:-1]):
            continue  # "Haitian gangs", "Local militia": no name before the noun
        if k.fighting_line(span.text):
            continue
        if overlaps(doc, span.start_char, span.end_char) or any(e.label_ in ("ACTOR", "COUNTRY", "GPE") and e.start_char < span.end_char and span.start_char < e.end_char and not _starts_rebel_name(k, e, span) for e in ents(doc)):
            continue
        cls = T.MILITIA if head == "militia" else T.NON_STATE_ARMED_GROUP
        if head in political and not armed.search(span[:-1].text):
            cls = T.ORGANISATION
        key = f"actor:{slug(span.text)}"
        add_entity(doc, key, cls, span.text)
        add_mention(doc, k, Mention(key, span.start_char, span.end_char, span.text, "actor", "unlisted_group_name", 0.65))


def _starts_rebel_name(k: Knowledge, ent: Span, name: Span) -> bool:
    """Whether a country's name only begins the name of a rebellion against it ("the Sudan
    Liberation Movement", "the Niger Patriotic Liberation Front"): two words or more follow it,
    one of them a word of rebellion; a state's own body ("Nigeria Police Force") keeps its
    country."""
    if ent.label_ not in ("COUNTRY", "GPE") or ent.start != name.start:
        return False
    rest = name[ent.end - name.start :]
    return len(rest) >= 2 and any(t.lower_ in k.lex.words("rebellion_name_words") for t in rest)


def _names_no_gang(k: Knowledge, words: Span) -> bool:
    """Whether the capitalised words before a gang noun name no group: nationalities, states and
    capitals ("Haitian gangs", "Venezuelan gangs"), or words that start no group's name ("Local
    militia")."""
    not_names = k.lex.words("not_group_names")
    return all(t.is_punct or t.lower_ in not_names or k.state_of(t.text) for t in words)


def group_positions(doc: Doc, k: Knowledge) -> None:
    """"Karen guerrilla camps", "Albanian rebel-held territory": the group whose positions they are."""
    not_names = k.lex.exact("not_group_names")
    rebels = k.lex.exact("rebel_nouns")
    for m in k.rx("group_object").finditer(ext(doc, "armedkg_text")):
        name, noun = m[1], m[2].lower()
        if name in not_names or overlaps(doc, m.start(1), m.end(2)) or k.gaz.country_by_name.get(name_key(name)):
            continue
        label = f"{name} {noun}s"
        iso = k.gaz.country_of_adjective(name)
        if iso and noun in ("militia", "militant"):
            continue  # "Iranian militia positions": a nationality's militias are its proxies, coded elsewhere
        key = f"actor:{slug(label)}"
        cls = T.REBEL_GROUP if noun in rebels else T.NON_STATE_ARMED_GROUP
        add_entity(doc, key, cls, label, inter=2, **({"country": iso} if iso else {}))
        add_mention(doc, k, Mention(key, m.start(1), m.end(2), m.group(1) + " " + m.group(2), "actor", "group_of_positions", 0.6))
