"""Event triggers: the most specific trigger of a sentence, and whether a sentence may add to
the event of an earlier one (ACLED codebook: one event per type, place and day)."""

from __future__ import annotations

import re

from ...records import Event
from .. import terms as T
from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from .modality import present_tense
from ...literals import lowered, may_match


def trigger(k: Knowledge, text: str, types: tuple[str, ...] | None = None) -> tuple[str, int, re.Match] | None:
    """The most specific trigger of a sentence: (class, specificity, match). Movements of forces
    (patrols, convoys) count only when nothing violent happened to them; "X threatened to strike
    Y", "vowed to retaliate with missiles" is a threat, not the attack it names, unless somebody
    was hurt (then the act is the event, not the threat). A strike of work is a protest, no
    trigger of a strike from the air. ``types``: only triggers of these event types."""
    # The first match among the most specific first is the first match of the highest
    # specificity in the lexicon's order; the movement kept is the last one that matches. A
    # pattern whose required words the text lacks is not searched (it would find nothing).
    low = lowered(text)
    if k.may_hold("labour_strike", low):
        text = k.rx("labour_strike").sub(lambda m: "_" * len(m.group()), text)  # "a general strike" strikes nothing
        low = lowered(text)
    ranked, movements = k.triggers_by_specificity
    if types is not None:
        ranked = [t for t in ranked if k.event_type_of.get(t.cls) in types]
        movements = [t for t in movements if k.event_type_of.get(t.cls) in types]
    if low is not None and not k.trigger_words.search(low):
        # none of the triggers' words (most sentences): only the triggers that need none may match
        ranked, movements = [t for t in ranked if t.literals is None], [t for t in movements if t.literals is None]
    best = next(((t.cls, t.specificity, m) for t in ranked if may_match(t.literals, low) and (m := t.pattern.search(text))), None)
    if best is None:
        return next(((t.cls, t.specificity, m) for t in movements if may_match(t.literals, low) and (m := t.pattern.search(text))), None)
    hurt = k.search("kill_words", text, low) or k.search("injure_words", text, low)
    if best[0] != T.OTHER_DEVELOPMENT:
        threat = k.rx("threat").search(text)
        if threat and threat.start() < best[2].start() and not hurt:
            return (T.OTHER_DEVELOPMENT, 0, threat)
    elif hurt and k.rx("threat").match(text, best[2].start()) and types is None:
        return trigger(k, text, T.VIOLENT_TYPES) or best  # "militants who had vowed to attack the town killed five": what they did
    return best


def transfers_masked(k: Knowledge, sent: SentenceInfo, text: str) -> str:
    """``text`` (the sentence, same length) with what a verb of handing over or receiving moves
    blanked out: "Iran supplied drones to the Houthis", "Russia delivered attack helicopters",
    "the group received drone components from X" tell of arms changing hands, not of a strike;
    the noun phrase up to its head is blanked, what follows it ("drones that later struck X")
    is not. An act as the object ("provided air strikes") stays, and so does a sentence that
    tells of fire after the verb ("received heavy mortar fire", however the parser hung it)."""
    supplying, receiving = k.lex.forms("supplying_verbs"), k.lex.forms("receiving_verbs")
    if not any(w in supplying or w in receiving for w in sent.words):
        return text
    hostile, fire = k.lex.forms("hostile_nouns"), k.lex.words("fire_nouns")
    moved: list[tuple[int, int]] = []
    for verb in sent.span:
        if not (verb.lower_ in supplying or verb.lower_ in receiving) or not verb.tag_.startswith("VB"):
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            things = (obj, *obj.conjuncts)
            if any(t.lower_ in hostile and not k.weapons.words.fullmatch(t.text) for t in things) or any(t.lower_ in fire for t in sent.span.doc[obj.left_edge.i : sent.span.end]):
                continue  # an act, not a thing handed over ("received machine gun and rocket fire")
            moved += [(thing.left_edge.idx, thing.idx + len(thing)) for thing in things]
    return _blanked(sent, text, moved)


def descriptions_masked(sent: SentenceInfo, text: str) -> str:
    """``text`` (the sentence, same length) with its descriptive relative clauses blanked out: a
    clause set off by a comma, opened by "which" or "who" and in the present or present perfect
    describes who it is about ("The BLA, which is banned in Pakistan, has stepped up attacks";
    "the ADF, which has killed thousands since 2013, attacked Mamove"), it tells no act of the
    story. A clause in the past ("the ADF, which attacked Mamove on Sunday, ...") stays."""
    if "," not in text or not sent.parsed:
        return text
    clauses: list[tuple[int, int]] = []
    for verb in sent.span:
        if verb.dep_ != "relcl" or not present_tense(verb):
            continue
        pronoun = next((c for c in verb.children if c.lower_ in ("which", "who") and c.i < verb.i), None)
        if pronoun is None or pronoun.i == 0 or pronoun.nbor(-1).text != ",":
            continue
        clauses.append((verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)))
    return _blanked(sent, text, clauses)


def anchors_masked(k: Knowledge, sent: SentenceInfo, text: str) -> str:
    """``text`` (the sentence, same length) with an earlier or later event it is dated against
    blanked out: "Earlier this month, days before the air strike, fighters overran a police
    outpost", "two days after the ambush, troops raided a camp": "before"/"after"/"following"/
    "since" with a definite event noun names another event, not this sentence's act."""
    anchoring = k.lex.words("anchoring_prepositions")
    if not sent.parsed or sent.words.isdisjoint(anchoring):
        return text
    nouns = k.lex.any_forms("event_nouns", "hostile_nouns")
    anchors = []
    for prep in sent.span:
        if prep.lower_ not in anchoring or prep.dep_ != "prep":
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lower_ in nouns):
            if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in noun.children):
                anchors.append((prep.idx, noun.right_edge.idx + len(noun.right_edge)))
    return _blanked(sent, text, anchors)


def _blanked(sent: SentenceInfo, text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` (the sentence's, same length) with the document offsets ``spans`` blanked out."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        lo, hi = max(start - sent.start, 0), end - sent.start
        chars[lo:hi] = "_" * (hi - lo)
    return "".join(chars)


def compatible(k: Knowledge, last: Event, cls: str, spec: int, claimant: str | None, dates: list, has_claim: bool) -> bool:
    """Whether a sentence of class ``cls`` may belong to the ``last`` event."""
    kind, last_kind = k.event_type_of.get(cls), k.event_type_of.get(last.cls)
    last_spec = k.specificity(last.cls)
    crowd = {kind, last_kind} <= {T.PROTESTS, T.RIOTS}  # a protest that turns violent stays one event
    if last_kind in (T.STRATEGIC, T.PROTESTS, T.RIOTS) and kind != last_kind and not crowd:
        return False
    if claimant and claimant in last.targets:
        return False
    if spec >= 2 and last_spec >= 2 and kind != last_kind and not crowd:
        return False
    if spec >= 1 and last_spec >= 1 and kind != last_kind and not (spec == 3 or last_spec == 3) and not crowd:
        return False
    if not has_claim and dates and last.date and last.time_precision == 1 and all(d.value != last.date for d in dates):
        return False
    return True
