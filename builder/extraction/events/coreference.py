"""One event per real event in a document: event mentions that tell the same act are merged.

The sentence rules start an event for each sentence with a trigger of its own; across
paragraphs the same attack comes back as "the raid", "the Olumbe attack", "that fighting", a
later sentence with a higher death toll, "the attackers fled", or a claim of responsibility. A
later event is merged into the nearest earlier one when something in its text points back to it
and nothing contradicts:

- pointing back (:func:`told_again`): its first sentence claims an event, names one by a
  definite description that is not a time ("the ambush", "the Bela assault", but not "the day
  after the raid" in a sentence with a trigger of its own), gives only a toll, has the doers
  of an event told as its subject ("the attackers", "They"), or what a bombing was done with as
  its subject or object ("the device had been detonated by phone"); or it is the same sub-event type,
  day and place (by key or name: ACLED's one event per type, place and day); or the same day
  and the same named perpetrator;
- nothing contradicts (:func:`compatible`): types (the same ACLED event type; any two violent
  types for an event told again), dates (two days are the same day; an event named only by its
  description may be dated up to a week later: the day of a later death or count), places (the same place,
  one within the other, or within ``SAME_PLACE_KM``; for an event told again, also two places
  whose distance is unknown) and participants (when both name perpetrators the gazetteer
  knows, one is shared).

A claim goes to the event its object names ("claimed the killings in Kisima": the event at that
place, told with that word), else to the last event the claimant could have done; the claimant
is that event's first perpetrator. The merged event keeps every sentence as evidence, the union
of participants and sources, the most precise date, the place first given, the highest toll.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from ...dates import resolve_dates
from ...gazetteer import place_key
from ...geo import haversine_km
from ...literals import lowered
from ...records import Claim, Event, Evidence
from .. import terms as T
from ..doc_columns import string_ids, tree
from ..facts import UNIDENTIFIED
from ..knowledge import Knowledge
from ..extensions import char_span, ext

SAME_PLACE_KM = 25.0
QUOTE_MARKS = "\"“‘'"


def _kind(k: Knowledge, event: Event) -> str | None:
    return k.event_type_of.get(event.cls)


def _types_agree(k: Knowledge, a: Event, b: Event, told_again: bool) -> bool:
    """Same ACLED event type; or, for an event told again ("the Balad bombing" in a toll
    sentence), any two violent types but an abduction and another specific act (taking people
    is an act of its own, told with its own words); for a claim told again, also a strategic
    development (what the claimant says it took); or one of them generic."""
    kinds = {_kind(k, a), _kind(k, b)}
    if len(kinds) == 1:
        return True
    if told_again and (T.LOOTING in (a.cls, b.cls) or T.DISRUPTED_WEAPONS_USE in (a.cls, b.cls)) and not kinds & {T.PROTESTS, T.RIOTS}:
        return True  # looting, or weapons seized, during an attack or a capture is coded as that event (ACLED)
    if told_again and b.claims and T.STRATEGIC in kinds and not kinds & {T.PROTESTS, T.RIOTS}:
        return True  # "claimed the raid, saying its fighters had seized weapons": the raid claimed, not a seizure
    if kinds & {T.STRATEGIC, T.PROTESTS, T.RIOTS}:
        return False
    specific = min(k.specificity(a.cls), k.specificity(b.cls)) > 1
    if specific and T.ABDUCTION in (a.cls, b.cls):
        return False  # "The kidnapping was first reported by ..." after a raid and a clash: its own act
    return told_again or not specific


def _dates_agree(a: Event, b: Event, later: bool = False) -> bool:
    """Two days are the same day; a day and a vaguer date, within a week. An event named only by
    its description (``later``: :func:`described`) may be dated up to a week after it: "A sixth
    victim died in hospital on Sunday, bringing the toll from the shooting to six" dates the
    death, not the shooting."""
    if a.date is None or b.date is None:
        return True
    if later and 0 <= (b.date - a.date).days <= 7:
        return True
    if a.time_precision == 1 and b.time_precision == 1:
        return a.date == b.date
    return abs((a.date - b.date).days) <= 7


def _chain(doc: Doc, key: str) -> list[str]:
    entities, out = ext(doc, "armedkg_entities"), []
    while key and key in entities and key not in out:
        out.append(key)
        key = entities[key].parent
        if key and key not in entities and f"place:{key}" in entities:
            key = f"place:{key}"  # a gazetteer entry names its division without the entity prefix ("adm1:CO.09")
    return out


def where(event: Event) -> str | None:
    """The event's place, else the place it is near ("north of Ménaka": until the events are
    finalised, such a place is only the event's ``near``)."""
    return event.place or event.near


def _places_agree(doc: Doc, a: Event, b: Event, told_again: bool) -> bool:
    """The same place, one within the other, or within ``SAME_PLACE_KM``; for an event told
    again, also two places whose distance is unknown (the place of a witness may be named)."""
    wa, wb = where(a), where(b)
    if wa is None or wb is None or wa == wb:
        return True
    if wa in _chain(doc, wb) or wb in _chain(doc, wa):
        return True
    pa, pb = ext(doc, "armedkg_entities").get(wa), ext(doc, "armedkg_entities").get(wb)
    if pa is None or pb is None:
        return told_again
    if T.ADMIN_REGION in (pa.cls, pb.cls) or T.COUNTRY in (pa.cls, pb.cls):
        return told_again and (pa.country is None or pb.country is None or pa.country == pb.country)  # a region holds the town
    if None in (pa.lat, pa.lon, pb.lat, pb.lon):
        return told_again
    return haversine_km(pa.lat, pa.lon, pb.lat, pb.lon) <= SAME_PLACE_KM


def _named(k: Knowledge, keys: list[str]) -> set[str]:
    """The actors of ``keys`` the gazetteer knows (named groups and state forces), not the
    descriptions a sentence gives ("the group", "his men", "people")."""
    return {x for x in keys if x != UNIDENTIFIED and x.startswith("actor:") and (_armed(k, x.split(":", 1)[1]) or x.startswith("actor:forces-"))}


def _armed(k: Knowledge, ident: str) -> bool:
    entry = k.gaz.actors.get(ident)
    return entry is not None and entry.cls != T.MEDIA_OUTLET  # an outlet read as a doer is a misread source


def _participants_agree(k: Knowledge, a: Event, b: Event) -> bool:
    """When both name perpetrators the gazetteer knows, one is shared, or one is part of the
    other ("Islamic State claimed the ambush" of its Sahel province's fighters; not two
    provinces of one parent)."""
    pa, pb = _named(k, a.perpetrators + a.assoc_perpetrators), _named(k, b.perpetrators + b.assoc_perpetrators)
    if not pa or not pb or pa & pb:
        return True
    if any(x in k.actor_parents(y) or y in k.actor_parents(x) for x in pa for y in pb):
        return True
    both_a, both_b = pa | _named(k, a.targets), pb | _named(k, b.targets)
    return bool(both_a & both_b) and not (pa & _named(k, b.targets))


def compatible(doc: Doc, k: Knowledge, a: Event, b: Event, told_again: bool = False, later: bool = False) -> bool:
    """Whether the later event ``b`` may be the earlier ``a`` told again (``later``: named only
    by its description, see :func:`_dates_agree`)."""
    types = _types_agree(k, a, b, told_again) or (later and _described_with_its_word(k, a, b))
    return types and _dates_agree(a, b, later) and _places_agree(doc, a, b, told_again) and _participants_agree(k, a, b)


def _described_with_its_word(k: Knowledge, a: Event, b: Event) -> bool:
    """Whether ``b``'s description uses the word ``a`` was told with, both violent ("fighters
    raided the village, killing nine and abducting six children" and "the toll from the Anyidi
    raid": the raid, though its first trigger made it an abduction)."""
    stem = b.evidence[0].text.lower()[:4] if b.evidence else ""
    violent = {_kind(k, a), _kind(k, b)} <= set(T.VIOLENT_TYPES)
    return violent and len(stem) == 4 and bool(a.evidence) and re.search(rf"\b{re.escape(stem)}", a.evidence[0].sentence.lower()) is not None


def _doers_told(doc: Doc, k: Knowledge, first: Evidence) -> bool:
    """Whether the subject of the sentence is the doers of an event already told ("the attackers
    opened fire", "police said the gunmen escaped", "They shot dead three men"), or the object of
    a verb of holding them off ("repelled the attackers"), not another ("clashed with the attackers")."""
    if not doc.has_annotation("DEP"):
        return False
    found = [(m.start(), m.end()) for m in (*k.rx("event_agent_definite").finditer(first.sentence), *re.finditer(r"^(?:They|It)\b", first.sentence))]
    for start, end in found:
        span = char_span(doc, first.sentence_start + start, first.sentence_start + end)
        root = span.root if span is not None else None
        if root is not None and (root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "dobj" and root.head.lower_ in k.lex.forms("defending_verbs")):
            return True
    return False


def _instrument_told(doc: Doc, k: Knowledge, first: Evidence) -> bool:
    """Whether the subject or object of the sentence is what an act already told was done with,
    named definitely ("Investigators said the device had been detonated by mobile phone"; not
    "a second bomb", nor "the same kind of device" (a modifier makes it another))."""
    span = char_span(doc, first.sentence_start, first.sentence_start + len(first.sentence)) if doc.has_annotation("DEP") else None
    nouns = k.lex.words("event_instrument_nouns")
    for tok in span or []:
        if tok.lower_ in nouns and tok.dep_ in ("nsubj", "nsubjpass", "dobj") and [c.lower_ for c in tok.lefts] in (["the"], ["this"], ["that"]):
            return True
    return False


def told_again(doc: Doc, k: Knowledge, b: Event) -> bool:
    """Whether ``b``'s first sentence refers to an event already told: it claims one, names
    one by a definite description that is not a time ("the attack", "the Olumbe raid", but not
    "the day after the raid"), or, naming no doer of its own, gives a toll or the doers' deeds."""
    first = b.evidence[0] if b.evidence else None
    if first is None:
        return False
    if b.claims or first.rule == "event_anaphor":
        return True
    if _owned_to(doc, k, first):
        return True  # "the general staff acknowledged a complex attack on a logistics column"
    toll_only = _toll_only(k, first)
    undated = b.date is None or not resolve_dates(first.sentence, None)  # no day of its own (only its context's)
    if (toll_only and not _named(k, b.perpetrators)) or (undated and _doers_told(doc, k, first)) or _instrument_told(doc, k, first):
        return True  # "A doctor later said eleven people had been killed", "the attackers fled", "the device had been hidden": the event told
    found = definite_descriptions(doc, k, first)
    if _trigger_inside(first, found):
        return True  # its only trigger is the description ("... after the attack on Baga")
    for start, end in found:
        if toll_only or not k.rx("background_anaphor_before").search(first.sentence[:start]):
            return True  # "the bodies of five soldiers were taken to the town after the attack": its toll
    return False


def _toll_only(k: Knowledge, first: Evidence) -> bool:
    """Whether the trigger is a word of death or of an attack's aftermath: the sentence tells a toll."""
    return bool(k.rx("kill_words").fullmatch(first.text) or k.rx("trigger_attack_aftermath").fullmatch(first.text))


def described(doc: Doc, k: Knowledge, b: Event) -> bool:
    """Whether ``b``'s only trigger is a definite description of an event ("bringing the toll
    from the shooting to six", "... after the attack on Baga")."""
    first = b.evidence[0] if b.evidence else None
    return first is not None and _trigger_inside(first, definite_descriptions(doc, k, first))


def _trigger_inside(first: Evidence, descriptions: list[tuple[int, int]]) -> bool:
    """Whether the trigger of ``first`` lies inside one of the descriptions (offsets in its sentence)."""
    trigger_at = first.start - first.sentence_start
    return any(start <= trigger_at < end for start, end in descriptions)


def _owned_to(doc: Doc, k: Knowledge, first: Evidence) -> bool:
    """Whether the trigger is an act a party owns to: the object of a verb of acknowledging
    (lexicon ``acknowledging_verbs``: "acknowledged an attack", "confirmed the clash")."""
    span = char_span(doc, first.start, first.end) if doc.has_annotation("DEP") else None
    if span is None:
        return False
    tok = span.root
    return tok.dep_ == "dobj" and tok.head.lower_ in k.lex.forms("acknowledging_verbs")


def definite_descriptions(doc: Doc, k: Knowledge, first: Evidence) -> list[tuple[int, int]]:
    """The definite descriptions of an event in the sentence of ``first`` (offsets in the
    sentence): those of ``event_definite`` ("the attack", "the Olumbe raid", "Sunday's attack")
    and, from the parse, an event noun with a definite determiner or a possessor and noun or
    adjective modifiers between ("the checkpoint attack", "the army's assault", "the aerial
    attack"; not "the second attack", ``new_event_modifiers``)."""
    found = [(m.start(), m.end()) for m in k.finditer("event_definite", first.sentence, lowered(first.sentence))]
    span = doc.char_span(first.sentence_start, first.sentence_start + len(first.sentence), alignment_mode="contract") if doc.has_annotation("DEP") else None
    nouns, new = k.lex.words("event_nouns"), k.lex.words("new_event_modifiers")
    lower, noun_ids = tree(doc).lower, string_ids(nouns)
    # only the words that are event nouns are made Tokens (doc_columns.tree)
    for tok in (doc[i] for i in (range(span.start, span.end) if span is not None else ()) if lower[i] in noun_ids):
        if tok.tag_ not in ("NN", "NNS") or tok.lower_ not in nouns:
            continue
        left = [c for c in tok.lefts]
        if any(c.dep_ not in ("det", "poss", "compound", "nmod", "case", "punct", "amod") or (c.dep_ == "amod" and (c.lower_ in new or c.tag_ == "CD")) for c in left):
            continue  # "the second attack", "a new raid": another act
        if any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")) or c.dep_ == "poss" for c in left):
            start = min(c.left_edge.idx for c in left) - first.sentence_start
            found.append((start, tok.idx + len(tok) - first.sentence_start))
    return sorted(set(found))


def elaborates(doc: Doc, k: Knowledge, earlier: list[Event], b: Event) -> bool:
    """Whether ``b``'s first sentence goes on describing the event told just before it: in the
    same or the next paragraph, with no date of its own and no new named doer, whose subject or
    verb's object is a definite common noun the earlier event's sentences name ("... attacked the
    army post at Léré. The post was looted.", "... killing three soldiers. The soldiers were
    walking along a track when the rebels set off a landmine", "... stormed a police post. About
    30 gunmen ... fired on the post for two hours"), or that opens with a quotation (what a
    witness or an official says of it: '... killed 11 farmers. "They tied some of them up before
    they started shooting," he said.')."""
    first = b.evidence[0] if b.evidence else None
    if first is None or not earlier or not doc.has_annotation("DEP") or _named(k, b.perpetrators):
        return False
    a = max(earlier, key=lambda e: max((ev.sentence_start for ev in e.evidence), default=-1))
    paragraphs = {s.start: s.paragraph for s in ext(doc, "armedkg_sentences")}
    last_told = paragraphs.get(max(ev.sentence_start for ev in a.evidence), a.paragraph)
    if not 0 <= paragraphs.get(first.sentence_start, b.paragraph) - last_told <= 1 or k.rx("new_event").search(first.sentence) or resolve_dates(first.sentence, None):
        return False
    if first.sentence[:1] in QUOTE_MARKS:
        return True  # a witness's or an official's words after the lead: "The car exploded at the gate," a captain said.
    span = doc.char_span(first.sentence_start, first.sentence_start + len(first.sentence), alignment_mode="contract")
    if span is not None and _witnesses_say(k, span.root):
        return True  # "Survivors said about two dozen armed men arrived on motorcycles before dawn"
    told = " ".join(ev.sentence for ev in a.evidence).lower()
    for tok in span or []:
        if _participant(tok) and tok.tag_ in ("NN", "NNS") and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            if re.search(rf"\b{re.escape(tok.lower_)}\b", told):
                return True
    return False


def _witnesses_say(k: Knowledge, verb) -> bool:
    """Whether ``verb`` is a verb of saying whose subject is people who saw or lived through what
    happened ("Survivors said ...", "Residents told reporters ...")."""
    if verb.lower_ not in k.lex.forms("reporting_verbs"):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in k.lex.forms("witness_nouns") for c in verb.children)


def _participant(tok) -> bool:
    """A subject, or the object of a verb ("fired on the post", "shelled the town")."""
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.tag_.startswith("VB")


def _same_day_and_place(doc: Doc, k: Knowledge, a: Event, b: Event) -> bool:
    """The same sub-event type (or one of them generic) on the same date at the same precision
    (or the same sub-event type on a day and on a few days from that day),
    at the same place by key or by name (a curated Léré and GeoNames' Léré) or at a town and the
    region it lies in: ACLED's one event per type, place and day; the same sub-event type the
    same day where one of them has no place."""
    wa, wb = where(a), where(b)
    if a.date is None or a.date != b.date:
        return False
    if a.time_precision != b.time_precision and not (a.cls == b.cls and {a.time_precision, b.time_precision} == {1, 2}):
        return False  # "reported killing 30 fighters in a drone strike on 27 May" (that day or before) and "On 27 May, a drone struck": one strike
    if wa is None or wb is None:
        return a.cls == b.cls and a.time_precision == 1  # "its aircraft carried out strikes on Monday" after Monday's strike on the market
    if a.cls != b.cls and min(k.specificity(a.cls), k.specificity(b.cls)) > 1:
        return False
    if wa == wb or wa in _chain(doc, wb) or wb in _chain(doc, wa):
        return True  # the same place, or the town and the region it lies in told of the same day's act
    pa, pb = ext(doc, "armedkg_entities").get(wa), ext(doc, "armedkg_entities").get(wb)
    return pa is not None and pb is not None and place_key(pa.label) == place_key(pb.label)


def _same_day_and_doer(k: Knowledge, a: Event, b: Event) -> bool:
    """The same day and a perpetrator the gazetteer knows in both ("JNIM overran an army post at
    Léré on 12 February" and "On 12 February, a large JNIM column attacked the army post")."""
    same_day = a.date is not None and a.date == b.date and a.time_precision == b.time_precision == 1
    return same_day and bool(_named(k, a.perpetrators) & _named(k, b.perpetrators))


def _undated_same_place_and_doer(k: Knowledge, a: Event, b: Event) -> bool:
    """One of the two undated, the same place and a perpetrator the gazetteer knows in both: a
    brief's summary ("JNIM overran an army post in Nampala") and its detail ("Late on Friday,
    some 200 JNIM fighters attacked the army post in Nampala")."""
    if (a.date is not None and b.date is not None) or where(a) is None or where(a) != where(b):
        return False
    return bool(_named(k, a.perpetrators) & _named(k, b.perpetrators))


def _reported_as_before(doc: Doc, k: Knowledge, b: Event) -> bool:
    """Whether ``b``'s trigger is a verb in the past perfect that a verb of saying reports ("a man
    presenting himself as a commander said the gang had attacked Liancourt to punish residents"):
    an act before the statement, told again where it names the place of an event already told."""
    first = b.evidence[0] if b.evidence else None
    span = char_span(doc, first.start, first.end) if first is not None and doc.has_annotation("DEP") else None
    if span is None:
        return False
    verb = span.root
    perfect = any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)
    return perfect and verb.dep_ == "ccomp" and verb.head.lower_ in k.lex.forms("reporting_verbs")


def _names_place_of(doc: Doc, a: Event, sentence: str) -> bool:
    """Whether ``sentence`` names the place of ``a`` (or the place it lies in)."""
    entities = ext(doc, "armedkg_entities")
    for key in [x for x in (a.place, a.near) if x]:
        ent = entities.get(key)
        if ent is not None and any(name and name in sentence for name in {ent.label, *ent.aliases}):
            return True
    return False


def antecedent(doc: Doc, k: Knowledge, earlier: list[Event], b: Event) -> Event | None:
    """The earlier event ``b`` tells again, or None: of the compatible ones, one of the same ACLED
    event type first ("the strike" after an ambush and an air strike), then the one mentioned
    last (not the one first told last: "The clashes were ..." after a summary of three events
    and a paragraph on the fighting in the capital)."""
    again = told_again(doc, k, b) or elaborates(doc, k, earlier, b)
    later = described(doc, k, b) or bool(b.claims and b.evidence and not resolve_dates(b.evidence[0].sentence, None))  # an undated claim: its day is its context's
    ordered = sorted(earlier, key=lambda a: (_kind(k, a) != _kind(k, b), -max((ev.sentence_start for ev in a.evidence), default=-1)))
    candidates = [a for a in ordered if (again or _same_day_and_place(doc, k, a, b)) and compatible(doc, k, a, b, again, later)]
    if not candidates and _reported_as_before(doc, k, b):  # what a speaker says had been done at the place of an event told
        candidates = [a for a in ordered if _names_place_of(doc, a, b.evidence[0].sentence) and compatible(doc, k, a, b, True)]
    if not candidates:  # the same group on the same day where the places cannot be told apart
        candidates = [a for a in ordered if _same_day_and_doer(k, a, b) and compatible(doc, k, a, b, True)]
    if not candidates:  # a summary's undated act, then told with its day: the same group at the same place
        candidates = [a for a in ordered if _undated_same_place_and_doer(k, a, b) and compatible(doc, k, a, b, True)]
    if not candidates:
        return None
    sentence = claim_object(b.claims[0].evidence) if b.claims else b.evidence[0].sentence
    named = [a for a in candidates if _names_place_of(doc, a, sentence)]
    if named:
        return named[-1] if b.claims else named[0]  # a claim is about the first event told there
    if b.claims:
        claimants = {c.claimant for c in b.claims}
        done = [a for a in candidates if claimants & set(a.perpetrators + a.assoc_perpetrators)]
        return (done or [a for a in candidates if not a.claims] or candidates)[0]
    return candidates[0]


def _union(into: list[str], more: list[str], exclude: Iterable[str] = ()) -> None:
    for x in more:
        if x not in into and x not in exclude:
            into.append(x)


def _claimant_first(event: Event, claimant: str) -> None:
    """Who claims an event is its first perpetrator (a target by a misread role is moved)."""
    for roles in (event.perpetrators, event.targets, event.assoc_targets):
        if claimant in roles:
            roles.remove(claimant)
    event.perpetrators.insert(0, claimant)


def merge_into(k: Knowledge, a: Event, b: Event) -> None:
    """Merge ``b`` into ``a`` (see the module docstring for what is kept)."""
    a.evidence.extend(ev for ev in b.evidence if ev not in a.evidence)
    _union(a.perpetrators, b.perpetrators, a.targets)
    _union(a.assoc_perpetrators, b.assoc_perpetrators, a.targets + a.perpetrators)
    _union(a.targets, b.targets, a.perpetrators)
    _union(a.assoc_targets, b.assoc_targets, a.perpetrators)
    _union(a.victims, b.victims)
    _union(a.target_places, b.target_places)
    _union(a.according_to, b.according_to)
    for claim in b.claims:
        if claim.claimant not in {c.claimant for c in a.claims}:
            a.claims.append(claim)
        _claimant_first(a, claim.claimant)
    if UNIDENTIFIED in a.perpetrators and len(a.perpetrators) > 1:
        a.perpetrators.remove(UNIDENTIFIED)
    tolls = [x for x in (a.fatalities, b.fatalities) if x is not None]
    a.fatalities = max(tolls) if tolls else None
    hurt = [x for x in (a.injured, b.injured) if x is not None]
    a.injured = max(hurt) if hurt else None
    if b.date is not None and (a.date is None or (b.time_precision or 9) < (a.time_precision or 9)):
        a.date, a.time_precision = b.date, b.time_precision
    if a.place is None and b.place is not None:
        a.place, a.near, a.geo_precision, a.lat, a.lon = b.place, b.near, b.geo_precision, b.lat, b.lon
    if k.specificity(b.cls) > k.specificity(a.cls) and k.event_type_of.get(b.cls) == k.event_type_of.get(a.cls):
        a.cls = b.cls
    a.assassination = a.assassination or b.assassination


def claim_object(ev: Evidence) -> str:
    """What a claim is of: from the claim's verb up to the next comma ("claimed the killings
    in Kisima on Thursday through its Amaq agency")."""
    return ev.sentence[ev.start - ev.sentence_start :].split(",")[0][:100]


def _told_as(k: Knowledge, event: Event, phrase: str) -> bool:
    """Whether the event's first sentence uses the verb of the event noun of ``phrase`` ("the
    raid near Mora" and "fighters raided a village")."""
    noun = k.rx("event_definite").search(phrase)
    stem = noun.group(0).split()[-1][:4].lower() if noun else None
    return bool(stem) and bool(event.evidence) and stem in event.evidence[0].sentence.lower()


def _claimed_event(doc: Doc, k: Knowledge, events: list[Event], event: Event, claim: Claim) -> Event | None:
    """The event a claim on ``event`` is really about, when that is another one."""
    phrase = claim_object(claim.evidence)
    named = [a for a in events if _names_place_of(doc, a, phrase) and claim.claimant not in a.targets]
    told = [a for a in named if _told_as(k, a, phrase)] or named
    if not told or event in told[:1] or (event in told and not _told_as(k, told[0], phrase)):
        return None
    return told[0]


def _move_claim(event: Event, target: Event, claim: Claim) -> None:
    event.claims.remove(claim)
    if claim.claimant in event.perpetrators:
        event.perpetrators.remove(claim.claimant)
    moved = [ev for ev in event.evidence if ev.sentence_start == claim.evidence.sentence_start]
    if len(moved) < len(event.evidence):  # the claim's sentence goes with it, unless it is all the event has
        event.evidence[:] = [ev for ev in event.evidence if ev not in moved]
        target.evidence.extend(ev for ev in moved if ev not in target.evidence)
    target.claims.append(claim)
    _claimant_first(target, claim.claimant)


def rehome_claims(doc: Doc, k: Knowledge, events: list[Event]) -> None:
    """A claim the sentence rules put on the event told just before it goes to the event its
    object names ("claimed the killings in Kisima", "claimed the raid near Mora": the event
    at that place told with that word, else the first at that place)."""
    for event in events:
        for claim in list(event.claims):
            target = _claimed_event(doc, k, events, event, claim)
            if target is not None:
                _move_claim(event, target, claim)


def merge_coreferent(doc: Doc, k: Knowledge) -> None:
    """Merge the events of ``doc`` that tell the same act (see the module docstring)."""
    kept: list[Event] = []
    for event in ext(doc, "armedkg_events"):
        target = antecedent(doc, k, kept, event)
        if target is None:
            kept.append(event)
        else:
            merge_into(k, target, event)
    rehome_claims(doc, k, kept)
    for n, event in enumerate(kept, start=1):
        event.n = n
    doc._.armedkg_events = kept
