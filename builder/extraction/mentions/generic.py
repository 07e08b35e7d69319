"""Generic actors, read once the country in focus is decided: "the Coalition" is the
Saudi-led one in Yemen; "the army", "regime forces", "the police" are the state forces of the
country in focus; a generic noun right after a named actor belongs to it ("Islamic State
militants")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...gazetteer import actor_key, name_key
from ...literals import lowered
from ..knowledge import Knowledge
from ..state import Mention, add_mention, ensure_actor, overlaps
from ..extensions import char_span, ext


def generic_actors(doc: Doc, k: Knowledge) -> None:
    _saudi_coalition(doc, k)
    for ent in ext(doc, "armedkg_generic"):
        _generic(doc, k, ent)
    state_forces_in_focus(doc, k)


def _saudi_coalition(doc: Doc, k: Knowledge) -> None:
    """In Yemen "the Coalition" is the Saudi-led one."""
    saudi = k.gaz.actors.get("saudi-led-coalition")
    if saudi is not None and ext(doc, "armedkg_focus") in saudi.focus_countries:
        for m in ext(doc, "armedkg_mentions"):
            if m.key == "actor:us-led-coalition" and re.match(r"(?i)^(the )?coalition\b", m.text):
                m.key = saudi.key
                ensure_actor(doc, k, saudi.key)


def _generic(doc: Doc, k: Knowledge, ent: object) -> None:
    text = ext(doc, "armedkg_text")
    focus = ext(doc, "armedkg_focus")
    prev = [m for m in ext(doc, "armedkg_mentions") if m.kind == "actor" and m.end <= ent.start_char and not text[m.end : ent.start_char].strip() and "\n" not in text[m.end : ent.start_char]]
    if prev:
        # "Islamic State militants": the generic noun belongs to the named actor (on its line:
        # a headline's last name is no owner of the next paragraph's "Gunmen")
        prev[-1].end = ent.end_char
        prev[-1].text = text[prev[-1].start : ent.end_char]
        return

    def acceptable(entry: object) -> bool:
        # a generic word ("rebels", "the army") names one country's actor only where the
        # document is about that country: with no country in focus it names none of them
        if entry.focus_countries:
            return focus in entry.focus_countries
        return not entry.country or entry.country == focus

    entry = k.gaz.actors.get(ent.ent_id_.split(":", 1)[1])
    if entry is None:
        return
    if not acceptable(entry):
        # "the Coalition" is the Saudi-led one only in Yemen; elsewhere try the other readings: one
        # that fits the focus, else one whose own name it is ("Al-Shabaab" names Mozambique's
        # Islamic State province only in Mozambique, and the Somali group anywhere else)
        candidates = k.gaz.generic_candidates(ent.text)
        entry = next((e for e in candidates if acceptable(e)), None) or next((e for e in candidates if _own_name(e, ent.text)), None)
        if entry is None:
            return
    add_mention(doc, k, Mention(entry.key, ent.start_char, ent.end_char, ent.text, "actor", "generic_actor_in_focus", 0.6))


def _own_name(entry: object, text: str) -> bool:
    """Whether ``text`` is the actor's name or one of its aliases, not a word it shares with
    other actors (its generic aliases)."""
    key = actor_key(text)
    return any(actor_key(n) == key for n in (entry.name, *entry.aliases))


def state_forces_in_focus(doc: Doc, k: Knowledge) -> None:
    """"the army", "regime forces", "security forces": the armed forces of the country in focus."""
    focus = ext(doc, "armedkg_focus")
    if not (focus and focus in k.gaz.countries):
        return
    forces = k.forces_of(focus)
    text = ext(doc, "armedkg_text")
    for m in k.finditer("state_generic", text, lowered(text)):
        word = m[1].lower()
        prefix = text[max(0, m.start() - 25) : m.start()].lower()
        if k.rx("not_state_prefix").search(prefix):
            continue
        if word in ("soldiers",) and not re.search(r"\b(government|regime|army)\b", prefix):
            continue
        if word.startswith("regime") and re.match(r"-(controlled|held|backed)", text[m.end() : m.end() + 12]):
            continue
        if word in ("army", "military") and not m.group(0).lower().startswith("the"):
            continue
        span = char_span(doc, m.start(), m.end())
        if span is not None and span.end < len(doc) and k.upos(doc[span.end]) in ("NOUN", "PROPN", "ADJ") and not _owned_object(k, doc[span.end]):
            continue
        if overlaps(doc, m.start(), m.end()):
            continue
        named = _of_country(k, text, m.end())
        if named is not None:  # "the Armed Forces of Ukraine", "the army of Mali": that country's, whatever the focus
            iso, end = named
            add_mention(doc, k, Mention(k.forces_of(iso), m.start(), end, text[m.start() : end], "actor", "state_force_of_country", 0.8))
            continue
        add_mention(doc, k, Mention(forces, m.start(), m.end(), m.group(0), "actor", "state_force_in_focus", 0.6))


def _of_country(k: Knowledge, text: str, at: int) -> tuple[str, int] | None:
    """The country an "of" phrase right after a force word names, and where the phrase ends."""
    after = re.match(r"\s+of\s+((?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+the\s+|of\s+)?[A-Z][\w'’.-]*){0,4})", text[at : at + 60])
    if after is None:
        return None
    words = list(re.finditer(r"\S+", after[1]))
    for n in range(len(words), 0, -1):  # the longest name first: "Democratic Republic of the Congo"
        iso = k.gaz.country_by_name.get(name_key(re.sub(r"^the\s+", "", after[1][: words[n - 1].end()])))
        if iso:
            return iso, at + after.start(1) + words[n - 1].end()
    return None


def _owned_object(k: Knowledge, tok: object) -> bool:
    """Whether the noun after a force word is a thing the force holds ("a police station",
    "police vehicles", "army posts"): the force word names the force that owns it."""
    return k.upos(tok) == "NOUN" and (tok.lower_ in k.lex.forms("owned_nouns") or tok.lower_ in k.lex.forms("force_property_nouns"))
