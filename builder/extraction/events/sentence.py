"""The event rules of one sentence: find its trigger, claim, anaphor and casualties; refine the
class (ACLED codebook); leave out background and habitual mentions; add the sentence to the
last event or start a new one; then its date, claim, roles, civilians, place, target places
and casualties."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from ...dates import ResolvedDate
from ...literals import lowered
from ...records import Claim, Event
from .. import terms as T
from ..facts import UNIDENTIFIED, last_event, new_event
from ..knowledge import Knowledge
from ..phrases import PhraseReader
from ..mentions.collective import civilians_named
from ..sentences import SentenceInfo, evidence
from ..state import Mention, as_force, overlaps
from . import roles as R
from .assembly import gathering
from .casualties import casualties, parsed_count
from .claims import ClaimCue, claim_cue
from .claims import claimant as who_claims
from .coreference import definite_descriptions
from .dating import context_date, dates_a_statement, names_the_act_only, sentence_dates, words_and_verb
from .modality import attempted, generic_mention, habitual_present, planned, running_total, tells_harm, trigger_denied, unrealised
from .modality import not_an_event as statement_not_event
from .places import event_place, target_places
from .triggers import anchors_masked, compatible, descriptions_masked, transfers_masked, trigger
from .crowds import MOB_VIOLENCE, crowd_violence, side
from .custody import custodian
from .harm import harm_clause
from .victims import civilian_patients, told_civilians
from ..extensions import char_span, ext
from ..zones import reference_date


@dataclass
class Cues:
    """What one sentence says of an event (read once, used by the steps below)."""

    cls: str
    spec: int
    tm: re.Match | None
    claim: ClaimCue | None
    anaphor: re.Match | None
    prefix: re.Match | None
    dates: list
    day_dates: list


def sentence_events(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str], phrases: PhraseReader | None = None, fresh: bool = False) -> None:
    """Add what the sentence says to the document's events; ``fresh``: a clause that tells an
    event of its own (:mod:`.clauses`) starts one unless it refers back to one."""
    cues = _cues(doc, k, sent, actors)
    claimant = who_claims(doc, k, sent, actors, cues.claim, phrases) if cues is not None and cues.claim else None
    if cues is not None and cues.claim is not None and cues.claim.reported and claimant is None:
        cues.claim = None  # "the army said its troops repelled the attack": a report, no claim
    if cues is None or _not_an_event(doc, k, sent, cues, actors):
        return
    last = last_event(doc)
    if cues.tm is None and not cues.anaphor and not cues.claim:
        if last and (last.paragraph == sent.paragraph or _names_an_event(doc, k, sent) or _bodies_found_after(k, sent, last)):
            casualties(k, sent, last, actors)  # a casualty-only sentence: the toll of the last event of this paragraph, or of the one it names
            told_civilians(doc, k, sent, last)
        return
    frame = _frame(doc, k, sent, actors, cues, None if fresh and not cues.anaphor else last, claimant)
    if frame is None:
        return
    _record(doc, k, sent, frame, cues, sources, claimant, actors)
    background = (
        bool(cues.anaphor)
        and k.rx("background_anaphor_before").search(sent.text[: cues.anaphor.start()])
        and not (cues.tm is not None and cues.tm.end() <= cues.anaphor.start() and frame is not last)
    )
    # "... after the attack": the anaphor names an earlier event, so the sentence's actors are
    # not its roles, unless the sentence's own trigger comes before that clause.
    if not re.search(r"\b(denied|denies|deny)\b", sent.text, re.I) and not background:
        R.roles(doc, k, sent, frame, actors, cues.tm, claimant, phrases)
        custodian(doc, k, sent, frame, actors)
        words = (sent.start + cues.tm.start(), sent.start + cues.tm.end()) if cues.tm else None
        if not cues.prefix:  # a note's own label ("Looting: ...") tells its class; a crowd does not change it
            crowd_violence(doc, k, sent, frame, words)
        civilian_patients(doc, k, sent, frame, words)
    _civilians(doc, k, sent, frame)
    event_place(doc, k, sent, frame, places)
    target_places(doc, k, frame, places + [m for m in actors if m.kind == "country"])
    casualties(k, sent, frame, actors)


def _names_an_event(doc: Doc, k: Knowledge, sent: SentenceInfo) -> bool:
    """Whether the sentence names an event told before by a definite description ("raising the
    death toll from the Sunday night massacre to 14" paragraphs after the massacre)."""
    whole = evidence(doc, sent, sent.start, sent.start + len(sent.text), "toll", 0.0)
    return bool(definite_descriptions(doc, k, whole))


def _bodies_found_after(k: Knowledge, sent: SentenceInfo, last: Event) -> bool:
    """Whether the sentence counts bodies in the paragraph after the last event's ("By Tuesday,
    volunteers had recovered 16 bodies from the rubble" after a paragraph on the strike): the
    dead of that event, as bodies are found after one."""
    return sent.paragraph == last.paragraph + 1 and not sent.words.isdisjoint(k.lex.words("corpse_nouns")) and parsed_count(k, sent) is not None


def _cues(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention]) -> Cues | None:
    """The sentence's cues, or None where it adds nothing but (perhaps) a toll to the last event."""
    text = sent.text
    masked = anchors_masked(k, sent, descriptions_masked(sent, transfers_masked(k, sent, names_masked(sent, actors))))
    if (label := k.note_prefix_re.match(text)) is not None:
        masked = " " * label.end() + masked[label.end() :]  # "Looting: ... militiamen looted cows": the act, not the note's label
    trig = _realised_trigger(doc, k, sent, masked, trigger(k, masked))
    if trig is None or trig[0] == T.ATTACK and _names_the_doers(doc, sent, trig[2]):
        trig = harm_clause(doc, k, sent) or trig  # "unknown attackers burned down huts": what they did
    low = sent.lowered  # a pattern whose words the sentence lacks is not searched (builder.literals)
    claim = claim_cue(doc, k, sent)
    anaphor = k.search("anaphor", text, low)
    hurt = tells_harm(k, sent) or k.search("toll_words", text, low) or parsed_count(k, sent) is not None
    last = last_event(doc)
    protest = k.search("protest", text, low) or gathering(k, sent)
    if protest and _protest_as_setting(doc, k, sent) and (violent := trigger(k, masked, T.VIOLENT_TYPES)):
        trig, protest = violent, None  # "gunmen attacked a bus during a general strike": the attack
    crowd = protest or k.search("riot", text, low)  # a protest may have no violent trigger
    if trig is None and not crowd and not k.note_prefix_re.match(text) and (label := k.rx("note_label").match(text)) is not None:
        trig = (T.OTHER_DEVELOPMENT, 0, label)  # "Recruitment: On 3 May ...": a labelled development of a kind not listed
    if trig is None and not claim and not anaphor and not hurt and not crowd and not k.note_prefix_re.match(text):
        if last is not None and last.paragraph == sent.paragraph:
            if k.search("no_casualties_reported", text, low):
                casualties(k, sent, last, actors)  # "No casualties reported."
            told_civilians(doc, k, sent, last)  # "Houses were damaged."
        return None
    dates = sentence_dates(doc, k, sent, _anchor(doc, k, sent))
    day_dates = [d for d in dates if d.precision == 1]
    report = k.rx("casualty_report").match(text) if last is not None and not claim and not day_dates else None
    if report is not None and (last.paragraph == sent.paragraph or last.paragraph == sent.paragraph - 1 and (trig is None or trig[2].start() < report.end())):
        # "33 soldiers were killed and 14 wounded." after the attack, or opening the next
        # paragraph with no act of its own: its toll, not a new event.
        casualties(k, sent, last, actors)
        told_civilians(doc, k, sent, last)
        for m in actors:
            key = m.key if m.kind == "actor" else as_force(doc, k, m.key) if m.kind == "country" else None
            if key and key != UNIDENTIFIED and key not in last.perpetrators + last.assoc_perpetrators + last.targets:
                last.targets.append(key)  # "3 soldiers of the Yemeni army were killed": whose toll
        return None
    if trig is None and not protest and (act := _crowd_riot(doc, k, sent)) is not None:
        trig = (MOB_VIOLENCE, 2, act)  # "about 20 people hurled petrol bombs at a police station"
    cls, spec, tm = trig if trig else (T.ATTACK, -1, None)
    cls, tm = _refine(k, text, cls, tm, masked)
    if cls in (T.GOVERNMENT_REGAINS, T.NON_STATE_OVERTAKES) and tm is not None and attempted(doc, sent, tm.start(), tm.end()):
        cls = T.ARMED_CLASH  # "tried to capture Butembo but were pushed back": the fight, no change of hands
    if cls == T.ARRESTS and tm is not None and (killing := _killed_after_arrest(doc, k, sent, tm)) is not None:
        cls, tm = T.ATTACK, killing
    prefix = k.note_prefix_re.match(text)
    if prefix:
        cls, spec = k.note_prefixes[prefix.group(1).lower()], 5
        tm = tm or prefix
    elif protest and not k.rx("violence_before_protest").search(text[: protest.start()]):
        cls, spec, tm = _protest_class(k, text), 4, tm or protest
    if cls == T.ARMED_CLASH and any(m.kind == "person" for m in actors) and k.search("person_killed_verbs", text, low) and not k.search("fighting_words", text, low):
        cls = T.ATTACK
    act = R.trigger_token(doc, sent, tm)
    dates = [d for d in dates if act is None or not names_the_act_only(doc, sent, d, act)]
    return Cues(cls, spec, tm, claim, anaphor, prefix, dates, [d for d in dates if d.precision == 1])


def _realised_trigger(doc: Doc, k: Knowledge, sent: SentenceInfo, masked: str, trig: tuple | None) -> tuple | None:
    """The first trigger of the sentence whose clause tells a fact, where one before it is only
    planned: "Gunmen who had vowed to attack the town killed five people" tells the killing. A
    force's activity named as the subject of a denied clause tells nothing done ("the patrol did
    not make it past the second bend"), nor does an act's noun that qualifies a thing ("murder
    rates"); with no other trigger the sentence tells no event."""
    for _ in range(3):
        if trig is None:
            return None
        denied = _activity_denied(doc, sent, trig) or _qualifies_a_thing(doc, k, sent, trig)
        if not denied and not planned(doc, sent, trig[2].start(), trig[2].end()):
            return trig
        masked = masked[: trig[2].start()] + " " * (trig[2].end() - trig[2].start()) + masked[trig[2].end() :]
        later = trigger(k, masked)
        if later is None:
            return None if denied else trig
        trig = later
    return trig


def _qualifies_a_thing(doc: Doc, k: Knowledge, sent: SentenceInfo, trig: tuple) -> bool:
    """Whether the trigger is a noun that only qualifies another noun naming no act ("one of the
    highest murder rates", "sent a ceasefire committee", "protest leaders said", "attack
    helicopters"): a kind of thing or people, not an event told. An act qualifying an act ("a
    bomb attack", "mortar fire") or a written agreement ("a ceasefire protocol") and a weapon's
    name ("a mortar round hit") stay triggers."""
    span = char_span(doc, sent.start + trig[2].start(), sent.start + trig[2].end())
    if span is None or not sent.parsed:
        return False
    word, head = span.root, span.root.head
    if word.dep_ != "compound" or word.tag_ not in ("NN", "NNS") or head.i in range(span.start, span.end) or head.tag_ not in ("NN", "NNS"):
        return False  # a gerund the parser hung on its object ("spent Monday looting shops") is a verb
    acts = k.lex.any_forms("event_nouns", "hostile_nouns", "agreement_document_nouns") | k.lex.words("fire_nouns")
    return head.lower_ not in acts and not k.weapons.words.fullmatch(word.text) and not k.weapons.find(head.text)


def _activity_denied(doc: Doc, sent: SentenceInfo, trig: tuple) -> bool:
    """Whether a trigger of a force's activity ("patrol", "convoy of", "reinforcements") is a noun,
    the subject of a denied verb ("the patrol did not make it past the bend", "no reinforcements
    have reached the town": "the convoy left Gao" tells a movement)."""
    if trig[0] != T.CHANGE_TO_GROUP_ACTIVITY:
        return False
    span = char_span(doc, sent.start + trig[2].start(), sent.start + trig[2].end())
    if span is None or span.root.tag_ not in ("NN", "NNS") or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    noun, verb = span.root, span.root.head
    return any(c.dep_ == "neg" for c in verb.children) or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _anchor(doc: Doc, k: Knowledge, sent: SentenceInfo) -> date | None:
    """The day "two days later" or "the day before" counts from: the last dated event's, else
    the day the text last named ("M23 entered Goma on 27 January. Two days later, ...")."""
    anchor = next((e.date for e in reversed(ext(doc, "armedkg_events")) if e.date), None)
    if anchor is not None or not any(d.kind == "relative_to_event" for d in sent.dates(reference_date(doc))):
        return anchor  # the day the text last named is read only for a day counted from another
    told = context_date(doc, k, sent)
    return told.value if told is not None and told.precision == 1 else None


def _crowd_riot(doc: Doc, k: Knowledge, sent: SentenceInfo) -> re.Match | None:
    """The words of a riot ("hurled petrol bombs", "burned tyres") whose clause has a crowd of
    civilians as its subject and nobody armed: what the crowd did is the act, mob violence (a
    sentence that also tells a protest is read as one, with its riot words, by ``_protest_class``)."""
    for m in k.rx("riot").finditer(sent.text):
        tok = R.trigger_token(doc, sent, m)
        verb = tok if tok is None or tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") else tok.head
        while verb is not None and verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "blocked traffic and burned tyres": the subject of the first verb
        subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
        if subjects and all(side(doc, k, s) == "crowd" for s in subjects):
            return m
    return None


def _names_the_doers(doc: Doc, sent: SentenceInfo, tm: re.Match) -> bool:
    """Whether the trigger word is the subject of its clause ("the attackers burned ..."): it
    names who acted, and the verb tells what they did (a crowd named "rioters" or "protesters"
    keeps its own event type)."""
    tok = R.trigger_token(doc, sent, tm)
    return tok is not None and tok.dep_ == "nsubj" and tok.tag_ in ("NNS", "NNPS")


def _protest_as_setting(doc: Doc, k: Knowledge, sent: SentenceInfo) -> bool:
    """Whether every protest of the sentence is only named as the setting of its act: in a
    "during" or "amid" phrase ("gunmen attacked a bus during a general strike"), with no crowd
    gathering in the clause itself ("hundreds gathered ... during a vigil" is the protest) and
    no intervention against a crowd told (police dispersing it is the protest's own event)."""
    if k.rx("intervention").search(sent.text) or gathering(k, sent) is not None:
        return False
    settings = k.lex.words("setting_prepositions")
    return all(_in_phrase_of(R.trigger_token(doc, sent, m), settings) for m in k.rx("protest").finditer(sent.text))


def _in_phrase_of(tok: Token | None, prepositions: frozenset[str]) -> bool:
    """Whether ``tok`` is inside a phrase headed by one of ``prepositions``."""
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in prepositions:
            return True
        tok = tok.head
    return False


def names_masked(sent: SentenceInfo, actors: list[Mention]) -> str:
    """The sentence with the capitalised words of its actors' names blanked out (same length, so
    offsets hold): a trigger word inside a name is no trigger ("the National Liberation Army
    attacked ..."); a common noun in a mention still is ("Israeli artillery hit ...")."""
    chars = list(sent.text)
    for m in actors:
        if m.kind not in ("actor", "person"):
            continue
        lo = max(0, m.start - sent.start)
        for word in re.finditer(r"\S+", sent.text[lo : max(lo, m.end - sent.start)]):
            if word.group()[0].isupper():  # a word of the name; "Israeli artillery" keeps its weapon
                chars[lo + word.start() : lo + word.end()] = "_" * len(word.group())
    return "".join(chars)


def _refine(k: Knowledge, text: str, cls: str, tm: re.Match | None, masked: str | None = None) -> tuple[str, re.Match | None]:
    """ACLED codebook refinements: strikes from the air are air strikes ("air base" is not air);
    shooting down or defusing is a disrupted use; a change of hands after clashes is coded as such,
    read in ``masked`` (the text with its actors' names blanked: "the National Liberation Army
    ambushed a patrol" regains nothing)."""
    air = k.rx("air_words").search(text)
    if cls == T.SHELLING and air and not k.rx("ground_fire_words").search(text):
        cls = T.AIR_DRONE_STRIKE
    if cls == T.AIR_DRONE_STRIKE and not air:
        cls = T.SHELLING
    if cls in (T.AIR_DRONE_STRIKE, T.SHELLING) and k.rx("downed_words").search(text):
        cls = T.DISRUPTED_WEAPONS_USE
    if cls in (T.EXPLOSIVE_IED, T.GRENADE_ATTACK, T.SUICIDE_BOMB) and k.rx("defused_words").search(text) and not (k.rx("kill_words").search(text) or k.rx("injure_words").search(text)):
        cls = T.DISRUPTED_WEAPONS_USE  # "security forces defused 2 explosive devices": a use prevented
    if cls in (T.EXPLOSIVE_IED, T.GRENADE_ATTACK) and not (k.rx("kill_words").search(text) or k.rx("injure_words").search(text)):
        seized = k.rx("trigger_disrupted_weapons_use").search(text)
        if seized:
            cls, tm = T.DISRUPTED_WEAPONS_USE, seized  # "seized 400 rifles and 30 grenade launchers": weapons taken, none used
    if cls == T.ARMED_CLASH:
        # "regained control of Diffa after clashes with Boko Haram": ACLED codes the change of hands
        taken = next(((t.cls, m) for t in k.triggers if t.cls in (T.GOVERNMENT_REGAINS, T.NON_STATE_OVERTAKES) and (m := t.pattern.search(masked or text))), None)
        if taken:
            cls, tm = taken
    return cls, tm


def _killed_after_arrest(doc: Doc, k: Knowledge, sent: SentenceInfo, tm: re.Match) -> re.Match | None:
    """The killing verb conjoined with an arrest verb ("rounded up men at a market and executed
    fifteen of them", "detained and shot dead two farmers"): ACLED codes the killing (an attack),
    not the arrest; "arrested two men over the killing" is an arrest."""
    span = char_span(doc, sent.start + tm.start(), sent.start + tm.end())
    if span is None or not span.root.dep_:  # unparsed (has_annotation walks the whole document)
        return None
    for verb in span.root.conjuncts:
        if verb.tag_.startswith("VB") and (found := k.rx("kill_words").match(sent.text, verb.idx - sent.start)) is not None:
            return found
    return None


def _protest_class(k: Knowledge, text: str) -> str:
    low = lowered(text)  # k.search: a pattern whose words the text lacks is not searched
    riot = k.search("riot", text, low)
    intervention = k.search("intervention", text, low)
    killed = k.search("kill_words", text, low) or k.search("injure_words", text, low)
    if riot:
        return T.VIOLENT_DEMONSTRATION
    if intervention:
        return T.EXCESSIVE_FORCE if killed else T.PROTEST_WITH_INTERVENTION
    return T.PEACEFUL_PROTEST


def _not_an_event(doc: Doc, k: Knowledge, sent: SentenceInfo, cues: Cues, actors: list[Mention]) -> bool:
    """Background mentions ("after the 2018 reconciliation agreement", "despite the truce"),
    denials, plural habitual mentions with nothing concrete; hypothetical, negated, generic and
    long-past statements (:mod:`.modality`), unless the sentence claims an act."""
    tm, spec, text = cues.tm, cues.spec, sent.text
    if not cues.claim and (statement_not_event(doc, k, sent, bool(cues.day_dates)) or running_total(doc, k, sent)):
        return True
    if tm is not None and not cues.day_dates and not cues.prefix and (habitual_present(doc, sent, tm.start(), tm.end()) or generic_mention(doc, k, sent, tm.start(), tm.end())):
        return True
    if tm is not None and not cues.day_dates and k.rx("background_before").search(text[: tm.start()]) and spec >= 2 and k.event_type_of.get(cues.cls) == T.STRATEGIC:
        return True
    if k.search("denial", text, sent.lowered) and not cues.day_dates and tm is not None and spec <= 1:
        return True
    if tm is not None and not cues.claim and trigger_denied(doc, k, sent, tm.start(), tm.end()):
        return True  # "the army denied shelling the town on Tuesday"
    if tm is not None and not cues.claim and not cues.day_dates and unrealised(doc, k, sent, tm.start(), tm.end()):
        return True  # "the army is planning an offensive on the town"
    if tm is None or not tm.group(0).lower().endswith("s") or not k.search("habitual", text, sent.lowered):
        return False
    concrete = bool(cues.day_dates) or bool(re.search(k.num + r"\s+(?:\w+\s+){0,3}(?:" + k.src("person_nouns") + r")\b", text, re.I)) or any(m.kind == "person" for m in actors)
    return not concrete


def _frame(doc: Doc, k: Knowledge, sent: SentenceInfo, actors: list[Mention], cues: Cues, last: Event | None, claimant: str | None) -> Event | None:
    """The event the sentence adds to: the last one where it refers back to it, claims it, goes
    on with it or only claims it; else a new event (none for a sentence without a trigger or
    claim, or an undated movement of forces, which news mention as context)."""
    tm, spec, claim, anaphor = cues.tm, cues.spec, cues.claim, cues.anaphor
    after_it = bool(anaphor) and tm is not None and not (anaphor.start() <= tm.start() < anaphor.end()) and bool(k.rx("background_anaphor_before").search(sent.text[: anaphor.start()]))
    is_anaphoric = bool(anaphor) and not after_it and (tm is None or anaphor.start() <= tm.start() <= anaphor.end() + 1 or spec <= 1 or anaphor.end() >= tm.start() - 12)
    frame: Event | None = None
    if last is not None and (sent.paragraph - last.paragraph) <= 1:
        fits = compatible(k, last, cues.cls, spec, claimant, cues.day_dates, claim is not None)
        same_claim = claim and last.claims and claimant in {c.claimant for c in last.claims} and sent.paragraph == last.paragraph
        subjects = R.subjects(doc, k, sent, actors, tm)
        continuation = (
            sent.paragraph == last.paragraph
            and (not subjects or bool(subjects & set(last.perpetrators + last.assoc_perpetrators)))
            and (cues.cls == last.cls or spec <= 1 or k.specificity(last.cls) <= 1)
            and tm is not None
            and k.event_type_of.get(cues.cls) == k.event_type_of.get(last.cls)
            and not k.search("new_event", sent.text, sent.lowered)
            and not (cues.day_dates and last.date and cues.day_dates[0].value != last.date)
        )
        claim_only = claim is not None and tm is None and sent.paragraph == last.paragraph  # "ISWAP claimed responsibility." after the attack
        if fits and (is_anaphoric or same_claim or continuation or claim_only or _same_gathering(k, sent, last, cues)):
            frame = last
    if frame is None:
        if tm is None and not claim:
            return None
        if cues.cls == T.CHANGE_TO_GROUP_ACTIVITY and not cues.prefix and not cues.day_dates:
            return None  # "supported by reinforcements" in news is context, not a dated movement of forces
        if spec < 0 and claim is None:
            return None
        frame = new_event(doc, cues.cls if spec >= 0 else T.ATTACK, sent.paragraph)
    elif spec > k.specificity(frame.cls):
        frame.cls = cues.cls
    return frame


def _same_gathering(k: Knowledge, sent: SentenceInfo, last: Event, cues: Cues) -> bool:
    """A crowd's event told on in its paragraph ("Police intervened and detained six
    protesters."): one protest or riot a place and day (ACLED), whoever is the subject."""
    crowd_kinds = (T.PROTESTS, T.RIOTS)
    return (
        sent.paragraph == last.paragraph
        and k.event_type_of.get(last.cls) in crowd_kinds
        and k.event_type_of.get(cues.cls) in crowd_kinds
        and not (cues.day_dates and last.date and cues.day_dates[0].value != last.date)
    )


def _record(doc: Doc, k: Knowledge, sent: SentenceInfo, frame: Event, cues: Cues, sources: list[str], claimant: str | None, actors: list[Mention]) -> None:
    """The sentence's trigger as evidence, its sources, its date (in a claim sentence, the date
    is the claim's unless it says when the attack took place or lies in the act a group says
    its people did) and its claim."""
    text, base, tm, claim = sent.text, sent.start, cues.tm, cues.claim
    hit = (tm.start(), tm.end()) if tm else (claim.start, claim.end) if claim else (cues.anaphor.start(), cues.anaphor.end())
    frame.evidence.append(evidence(doc, sent, base + hit[0], base + hit[1], f"event_trigger:{cues.cls}" if tm else "event_anaphor", 0.7 if tm else 0.6))
    if re.search(r"\bassassinat\w+", text, re.I):
        frame.assassination = True
    for s in sources:
        if s not in frame.according_to:
            frame.according_to.append(s)
    dates = cues.dates
    event_dates = dates
    if claim:  # a date in what a group says its people did dates the act ("said it had seized the town after overrunning its last outpost on Sunday"); "said on Tuesday", the saying
        act = claim.doer.head if claim.doer is not None else None  # the clause in which its people act
        told = [d for d in dates if (act is not None and act.left_edge.idx <= sent.start + d.start < act.right_edge.idx + len(act.right_edge) or _in_clause_of_claimed(doc, k, sent, claim, d) or _in_clause_before_claim(doc, sent, claim, d)) and not dates_a_statement(doc, k, sent, d)]
        event_dates = [d for d in dates if d in told or k.rx("took_place_before").search(text[max(0, d.start - 40) : d.start])]
    # a claim that tells the act ("said its fighters shelled army positions") is dated like it
    tells_act = claim is not None and trigger(k, claim.text(sent)) is not None
    if not event_dates and frame.date is None and (not claim or tells_act):
        event_dates = [d for d in [context_date(doc, k, sent)] if d is not None]
    if not event_dates and frame.date is None and tells_act:
        # "On 21 October, the army said it had retaken the port": the act told has no date of
        # its own; it happened that day or before it, as a report dates it (precision 2)
        event_dates = [replace(d, precision=max(d.precision or 2, 2)) for d in dates]
    if event_dates and (frame.date is None or (frame.time_precision or 9) > event_dates[0].precision):
        frame.date = event_dates[0].value
        frame.time_precision = event_dates[0].precision
    if claim and claimant:
        entities = ext(doc, "armedkg_entities")
        outlets = [m for m in actors if m.kind == "actor" and entities.get(m.key) and entities[m.key].cls == T.MEDIA_OUTLET and m.key != claimant]
        via = outlets[0].key if outlets else None
        claim_date = dates[0].value if dates and (not event_dates or dates[0] != event_dates[0]) else None
        existing = next((c for c in frame.claims if c.claimant == claimant), None)
        if existing is None:
            frame.claims.append(Claim(claimant, evidence(doc, sent, base + claim.start, base + claim.end, "claim_of_responsibility", 0.85), via, claim_date))
        else:
            existing.via = existing.via or via
            existing.date = existing.date or claim_date
        if claimant in frame.perpetrators:
            frame.perpetrators.remove(claimant)
        frame.perpetrators.insert(0, claimant)


def _in_clause_before_claim(doc: Doc, sent: SentenceInfo, claim: ClaimCue, found: ResolvedDate) -> bool:
    """Whether the date ``found`` dates a clause of its own before the claim ("A bomb killed nine
    passengers on 19 May; ISKP claimed it"): the act's date, not the claim's ("On Tuesday, ISKP
    claimed the attack" dates the claim, its verb being the claim's)."""
    if found.end > claim.start:
        return False
    found_at = words_and_verb(doc, sent, found.start, found.end)
    # not a clause modifying a noun ("In a statement carried by Amaq on Monday, X said ...")
    return found_at is not None and found_at[1].idx - sent.start < claim.start and found_at[1].dep_ not in ("acl", "relcl", "advcl")


def _in_clause_of_claimed(doc: Doc, k: Knowledge, sent: SentenceInfo, claim: ClaimCue, found: ResolvedDate) -> bool:
    """Whether the date ``found`` lies in a relative clause of the act claimed ("claimed
    responsibility for a car bomb that exploded outside a restaurant on 9 July"): it dates the
    act, not the claim ("in a statement carried by Amaq on Tuesday" dates the claim)."""
    found_at = words_and_verb(doc, sent, found.start, found.end)
    verb = found_at[1] if found_at is not None else None
    if verb is None or verb.dep_ not in ("relcl", "acl") or not claim.start <= verb.head.idx - sent.start < claim.end:
        return False
    noun = verb.head
    return trigger(k, doc[noun.left_edge.i : noun.i + 1].text) is not None


def _civilians(doc: Doc, k: Knowledge, sent: SentenceInfo, frame: Event) -> None:
    """Civilians as targets ("killing three civilians"); the civilians named ("twelve displaced
    civilians") are a mention of that actor."""
    text = sent.text
    civ = k.search("civilian_words", text, sent.lowered)
    hurt = k.search("kill_words", text, sent.lowered) or k.search("injure_words", text, sent.lowered)
    if not (civ and (hurt or k.event_type_of.get(frame.cls) in (T.VIOLENCE_AGAINST_CIVILIANS, T.EXPLOSIONS) or frame.cls == T.LOOTING)):
        return
    span = char_span(doc, sent.start + civ.start(), sent.start + civ.end())
    if span is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in span.root.children):
        return  # "their men", "our people": a group's own fighters, not civilians
    key = civilians_named(doc, k, text[: civ.start()])
    if key and key not in frame.targets:
        frame.targets.append(key)
    if span is not None:
        head = span.root
        left = head.left_edge if head.left_edge.i >= span.sent.start else head
        start = min(left.idx, span.start_char)
        if not overlaps(doc, start, span.end_char, kinds=("actor", "person", "country")):
            ev = evidence(doc, sent, start, span.end_char, "civilian_mention", 0.6)
            ent = ext(doc, "armedkg_entities")[key]
            if ev not in ent.mentions:
                ent.mentions.append(ev)
