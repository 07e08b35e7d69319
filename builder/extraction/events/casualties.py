"""Casualty counts of an event from one sentence: "killing three civilians", "12 soldiers were
killed and 14 wounded", "left 5 dead", "no casualties", "fatalities coded as 3" (ACLED notes),
"killing himself and 4 worshippers", "the bodies of 7 men were found"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from spacy.tokens import Token

from ...literals import looking_ahead, lowered, may_match, required_literals
from ...records import Event
from ..knowledge import Knowledge
from ..lexicon import Lexicon
from ..sentences import SentenceInfo
from ..state import Mention
from .harm import to_death


@lru_cache(maxsize=8)
def count_patterns(k: Knowledge, words: str) -> tuple[re.Pattern, re.Pattern, list[re.Pattern]]:
    """The casualty-count patterns for one alternation of words (killed or injured), compiled
    once: two counts summed, "left N dead", then five forms in order of trust."""
    q, num, nouns = k.src("casualty_quantifier"), k.num, "(?:" + k.src("person_nouns") + ")"
    noun_gap = r"(?:other\s+|more\s+)?(?:(?!and\b|or\b)[\w'’-]+\s+){0,3}?"
    long_gap = r"(?:\s+(?!and\b|or\b|were\b|was\b)[\w'’-]+){0,7}?"
    counted = num + r"\s+" + noun_gap + nouns
    summed = looking_ahead(re.compile(
        r"\b" + q + counted + r"\s+(?:and|as well as)\s+" + q + counted + r"\s+(?:were|have been|had been|are)\s+(?:\w+ly\s+)?(?:" + words + r")",
        re.I,
    ))
    left = looking_ahead(re.compile(r"\b(?:left|leaving)\s+" + q + counted + r"(?:\s+(?:and|,)\s+" + counted + r")?\s+(?:" + words + r")", re.I))
    pats = [
        r"\b" + q + counted + long_gap + r"\s+(?:were|was|have been|had been)\s+(?:\w+ly\s+)?" + k.src("harm_and") + r"(?:" + words + r")",
        r"\b(?:" + words + r")\s+" + q + num + r"\b" + k.src("not_casualty_units"),
        r"\b" + q + counted + r"\s+(?:(?!and\b)\w+\s+){0,3}?" + k.src("count_auxiliaries") + r"\s*(?:\w+ly\s+)?(?:" + words + r")",
        r"\b" + num + r"\s+(?:" + words + r")\b",
        r"\b(?:" + words + r")\s+" + k.src("count_determiners") + r"(?:[\w-]+\s+){0,2}?" + nouns + r"\b",
    ]
    return summed, left, [looking_ahead(re.compile(p, re.I)) for p in pats]


@lru_cache(maxsize=8)
def words_pattern(words: str) -> tuple[re.Pattern, frozenset[str] | None]:
    """An alternation of words (killed or injured) compiled once, with the strings one of which
    every match holds (:mod:`builder.literals`)."""
    pattern = re.compile(words, re.I)
    return pattern, required_literals(pattern)


@lru_cache(maxsize=8)
def sentence_patterns(k: Knowledge) -> dict[str, tuple[re.Pattern, frozenset[str] | None]]:
    """The fixed patterns of :func:`casualties` and :func:`_special_counts`, compiled once, each
    with the strings one of which every match holds (:mod:`builder.literals`)."""
    num = k.num
    sources = {
        "harm_told": r"fatalit|casualt|death|killed",
        "coded": r"\bfatalities (?:were |are )?coded as " + num,
        "unknown": r"\bunknown (number of )?(fatalities|casualties)\b",
        "between": r"\b(?:killing|killed|leaving|left)\s+between\s+" + num + r"\s+(?:to|and)\s+" + num,
        "selfkill": r"\bkill(?:ing|ed)\s+(?:himself|herself)\s+and\s+(?:at least\s+)?" + num + r"\b",
        "toll": r"\b(?:" + k.src("toll_words") + r")\b[^.;]{0,80}?\b(?:to|at|reached)\s+(?:at least\s+)?" + num + r"\b",
        "bodies": r"\b(?:the )?bod(?:y|ies) of\s+(?:" + num + r"\s+)?",
        "bodies_found": r"\b(found|discovered|recovered|dumped)\b",
    }
    compiled = {name: looking_ahead(re.compile(source, re.I)) for name, source in sources.items()}
    return {name: (pattern, required_literals(pattern)) for name, pattern in compiled.items()}


def _search(k: Knowledge, name: str, text: str, low: str | None) -> re.Match | None:
    """One of :func:`sentence_patterns` searched in ``text``; not tried (fast path) where ``low``,
    the text as :func:`builder.literals.lowered` gives it, holds none of the strings it needs."""
    pattern, needed = sentence_patterns(k)[name]
    return pattern.search(text) if may_match(needed, low) else None


def casualties(k: Knowledge, sent: SentenceInfo, frame: Event, actors: list[Mention]) -> None:
    """Set the event's fatalities and injured from one sentence (the highest count seen)."""
    text = sent.text
    nobody = k.rx("no_casualties").search(text)
    unhurt = nobody is not None and k.rx("injure_words").search(nobody.group(0)) is not None
    if nobody and not unhurt:
        if frame.fatalities is None and _search(k, "harm_told", text, lowered(text)):
            frame.fatalities = 0
        return
    if unhurt:  # "Gunmen killed one man; nobody was wounded": the dead are still counted
        text = text[: nobody.start()] + text[nobody.end() :]
    low = lowered(text)
    coded = _search(k, "coded", text, low)
    if coded:
        # ACLED notes may state the coding convention itself ("... fatalities coded as N").
        frame.fatalities = k.number(coded.group(1), frame.fatalities)
        return
    if _search(k, "unknown", text, low):
        return
    _special_counts(k, text, frame, low)
    killed = count(k, text, k.src("count_kill_words"))
    if k.rx("relative_injured").search(text):
        frame.injured = max(frame.injured or 0, 1)
    injured = count(k, text, k.src("count_injure_words"))
    told = parsed_count(k, sent)
    if told is not None:
        killed = max(killed or 0, told)
    killed_people = [m for m in actors if m.kind == "person" and m.key in frame.victims and k.rx("person_killed").search(text)]
    if killed_people:
        killed = max(killed or 0, len({m.key for m in killed_people}))
    if killed is not None:
        frame.fatalities = max(frame.fatalities or 0, killed)
    if injured is not None:
        frame.injured = max(frame.injured or 0, injured)


def _special_counts(k: Knowledge, text: str, frame: Event, low: str | None) -> None:
    """"killing between 5 and 8", "killing himself and 4 worshippers" (ACLED counts every
    death), a toll that rose to a figure, "the bodies of 7 men were found"."""
    between = _search(k, "between", text, low)
    if between:
        frame.fatalities = max(frame.fatalities or 0, k.number(between.group(1), 0))
    selfkill = _search(k, "selfkill", text, low)
    if selfkill:
        n = k.number(selfkill.group(1))
        if n is not None:
            frame.fatalities = max(frame.fatalities or 0, n + 1)
    toll = _search(k, "toll", text, low)
    if toll:  # "the death toll had risen to six", "raised the number of soldiers killed ... to seven"
        frame.fatalities = max(frame.fatalities or 0, k.number(toll.group(1), 0))
    bodies = _search(k, "bodies", text, low)
    if bodies and _search(k, "bodies_found", text, low):
        frame.fatalities = max(frame.fatalities or 0, k.number(bodies.group(1) or "1", 1))


def count(k: Knowledge, text: str, words: str) -> int | None:
    """The count of people the sentence says were killed (or injured): two summed, "left N
    dead", else the highest of the first form that matches."""
    words_re, needed = words_pattern(words)
    if not may_match(needed, lowered(text)) or not words_re.search(text):
        return None  # every pattern below needs one of the words (most sentences lack every string they need: no search)
    summed_re, left_re, pats = count_patterns(k, words)
    summed = summed_re.search(text)
    if summed:
        na, nb = k.number(summed.group(1)), k.number(summed.group(2))
        if na is not None and nb is not None:
            return na + nb
    left = left_re.search(text)
    if left:
        return k.number(left.group(1), 0) + k.number(left.group(2) or "0", 0)
    total = None
    for i, pat in enumerate(pats):
        for m in pat.finditer(text):
            if i == 4:
                noun = m.group(0).split()[-1].lower()
                if noun.endswith("s") and noun not in ("others",):
                    continue
            n = k.number(m.group(1) if i != 4 else "1")
            if n is None or n > 100000:
                continue
            total = max(total or 0, n)
        if total is not None:
            return total
    return total


def parsed_count(k: Knowledge, sent: SentenceInfo) -> int | None:
    """A toll the parse tells without a noun of people: a number of bodies whatever is done with
    them ("rescuers had pulled 16 bodies from the rubble", "residents counted nine bodies",
    "12 bodies were found"); a bare number as the dead subject of a verb of death ("an
    official said 15 had been killed", "at least 30 died"); the people a verb puts to death
    ("hacked to death at least 11 farmers", "two women were stoned to death"); the rank of the dead
    ("A third soldier has died of his wounds": three); none where the verb is denied or to
    come ("no bodies were found", "dozens could die"), nor an addition to it ("three more bodies")."""
    lex, found = k.lex, []
    corpses, deaths, modals, ordinals = lex.words("corpse_nouns"), lex.forms("death_verbs"), lex.words("modal_auxiliaries"), lex.mapping("ordinal_numbers")
    if not sent.parsed or sent.words.isdisjoint(corpses) and sent.words.isdisjoint(deaths) and "death" not in sent.words:
        return None  # no body, no verb of death, no "to death": nothing to read (the rule runs on every sentence)
    for tok in sent.span:
        if tok.lower_ in corpses and not any(c.dep_ == "compound" for c in tok.children):  # not "two UN bodies"
            number, verb = next((c for c in tok.children if c.dep_ == "nummod" and c.tag_ == "CD"), None), tok.head
        elif tok.tag_ == "CD" and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lower_ in deaths:
            number, verb = tok, tok.head
        elif tok.dep_ in ("dobj", "nsubjpass") and any(to_death(v) for v in (tok.head, *tok.head.conjuncts)):  # "shot and hacked to death eleven farmers"
            number, verb = next((c for c in tok.children if c.dep_ == "nummod" and c.tag_ == "CD"), None), tok.head
        elif _the_dead(lex, tok, deaths):  # "A third soldier has died of his wounds": the rank is the toll
            number, verb = next((c for c in tok.children if c.dep_ == "amod" and c.lower_ in ordinals), None), tok.head
        else:
            continue
        if number is None or any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
            continue
        if any(c.lower_ in lex.words("count_increments") for c in (*tok.children, *number.children)):
            continue  # "three more bodies were found, raising the toll to 14": an addition, not the toll
        n = ordinals.get(number.lower_) or k.number(number.text)
        if n is not None and n <= 100000:
            found.append(n)
    return max(found, default=None)


def _the_dead(lex: Lexicon, tok: Token, deaths: Mapping[str, str]) -> bool:
    """Whether ``tok`` is who died: the subject of a verb of dying, or the passive subject of any
    verb of death ("a second officer was killed"; not "a second bomb killed two")."""
    return (tok.dep_ == "nsubj" and tok.head.lower_ in lex.forms("dying_verbs")) or (tok.dep_ == "nsubjpass" and tok.head.lower_ in deaths)