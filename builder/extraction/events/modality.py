"""Statements that tell no event: a hypothetical or future act ("the fighters could return",
"further attacks are to be expected"), a negated one ("denied that his fighters had been
there"), a habitual or summarised past ("has been hit many times", "hundreds of air strikes
since the coup"), the running total of violence in general ("the conflict has killed more than
170 people"), a kind of act named by a noun ("attacks on farmers tend to rise") and
background dated long before the story ("the town insurgents overran in March 2021", "Baga was
overrun in 2015"). A sentence that dates its act to a day near the reference date always tells
an event.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from spacy.tokens import Doc, Token

from ...records import Event
from ..frames import Frame
from ..knowledge import Knowledge
from ..sentences import SentenceInfo
from ..zones import reference_date
from ..extensions import char_span, ext
from .dating import verb_above

BACKGROUND_DAYS = 31  # a period that ended this long before the reference date is background


def dated_long_before(doc: Doc, sent: SentenceInfo) -> bool:
    """Whether every date expression of the sentence names a month, a year or longer that ended
    well before the reference date (and there is one); a day named is never background (a report
    published months later may be the first to tell an act)."""
    reference = reference_date(doc)
    if reference is None:
        return False
    found = sent.dates(reference)
    if any(d.precision == 1 or d.kind == "range" for d in found):
        return False  # a day or a few days named: an event, however long ago
    ends = [d.last for d in found if d.last is not None]
    return bool(ends) and len(ends) == len(found) and all(e < reference - timedelta(days=BACKGROUND_DAYS) for e in ends)


def month_long_before(doc: Doc, event: Event) -> bool:
    """Whether the event is dated only to a month or longer (ACLED's time precision 3) that ended
    well before the reference date ("In March this year 23 soldiers were killed in an ambush",
    in November; "In August 2022, clashes in Tripoli killed 32 people, and in May 2025 ...": a
    sentence whose other date is recent is not background as a whole, but this act is). The
    event's date is at most the span's first day, so a month ended ``BACKGROUND_DAYS`` before
    the reference date lies ``2 * BACKGROUND_DAYS`` before it."""
    reference = reference_date(doc)
    if reference is None or event.date is None or event.time_precision != 3:
        return False
    return event.date < reference - timedelta(days=2 * BACKGROUND_DAYS)


def not_an_event(doc: Doc, k: Knowledge, sent: SentenceInfo, has_day_date: bool) -> bool:
    """Whether the sentence states no event (see the module docstring)."""
    text, low = sent.text, sent.lowered  # k.search: a pattern whose words the sentence lacks is not searched
    if k.search("negated_event", text, low):
        return True
    if dated_long_before(doc, sent):
        return True
    if has_day_date:
        return False
    return bool(k.search("hypothetical_statement", text, low) or k.search("generic_statement", text, low))


def running_total(doc: Doc, k: Knowledge, sent: SentenceInfo) -> bool:
    """Whether the sentence gives the running total of violence in general: a verb of killing in
    the present perfect whose subject (or that of the verb it is coordinated with) is a noun of
    conflict ("Violence between the two communities erupted on 3 May and has killed more than 170
    people", "the insurgency has killed thousands"); "a bombing has killed 12" tells an event."""
    deaths, conflict = k.lex.forms("death_verbs"), k.lex.words("violence_nouns")
    if sent.words.isdisjoint(deaths) or sent.words.isdisjoint(conflict):
        return False  # no verb of killing or no noun of violence (most sentences): not walked token by token
    span = char_span(doc, sent.start, sent.start + len(sent.text))
    for tok in span or []:
        if tok.lower_ not in deaths or not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in tok.children):
            continue
        clause = tok.head if tok.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in tok.children) else tok
        if any(c.dep_ == "nsubj" and c.lower_ in conflict for c in clause.children):
            return True
    return False


def present_tense(verb: Token) -> bool:
    """Whether ``verb`` is in the simple present ("tend", "fits") or, with "has"/"have", the
    present perfect; a modal or a past auxiliary makes it neither."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("VBD", "MD") for a in aux):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in aux)


def generic_mention(doc: Doc, k: Knowledge, sent: SentenceInfo, start: int, end: int) -> bool:
    """Whether the trigger at ``start`` .. ``end`` of the sentence is a noun naming a kind of act,
    not one act: a bare plural whose verb is in the simple present ("Attacks on farmers tend to
    rise in the dry season") or states what such acts are ("Drone attacks have become a routine
    threat"), or an indefinite singular under a verb in the simple present ("the sequence fits a
    familiar cycle: a separatist strike on a post, then ..."). A lead's "A suicide attack has
    killed ten" or "Clashes have killed 27" (an object, not a description) tells an event. A noun
    under a quantifying determiner ranges over acts ("the date of every strike he has heard
    of"); a bare plural with a verb of trend in the present or present perfect speaks of acts as
    a class ("attacks on the road have doubled", "has stepped up attacks"); a means of attack
    held is not used ("only one side has aircraft", "the rebels possess armed drones"). So too
    acts said to recur under a verb in the present or present perfect ("the town has seen
    repeated fighting") and a bare mass noun a present copula describes ("Tribal fighting is
    centuries old")."""
    span = char_span(doc, sent.start + start, sent.start + end)
    if span is None or not span.root.dep_:  # unparsed (has_annotation walks the whole document)
        return False
    noun = span.root
    if noun.tag_ not in ("NN", "NNS"):
        return False
    if any(c.dep_ == "det" and c.lower_ in k.lex.words("quantifying_determiners") for c in noun.children):
        return True
    if noun.dep_ == "dobj" and noun.head.lower_ in k.lex.forms("possession_verbs"):
        return True  # "only one side has aircraft": a means held, not used
    determiners = [c for c in noun.children if c.dep_ in ("det", "poss", "nummod", "predet")]
    bare_plural = noun.tag_ == "NNS" and not determiners
    if bare_plural and noun.dep_ in ("nsubj", "dobj") and noun.head.lower_ in k.lex.forms("trend_verbs") and present_tense(noun.head):
        return True  # "attacks on the road have doubled", "has stepped up attacks"
    if k.search("aggregate_span", sent.text, sent.lowered) and (bare_plural or _counted_in_a_trend(k, noun)):
        # "civilians killed in drone strikes over the past two years", "casualties from IEDs fell
        # last year": many acts counted over months, no one ("attacks rose last week" may be one)
        return True
    indefinite = noun.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in determiners)
    repeated = any(c.dep_ == "amod" and c.lower_ in k.lex.words("iterative_modifiers") for c in noun.children)
    bare_mass = noun.tag_ == "NN" and not determiners
    verb = verb_above(noun, sent.span.start, sent.span.end) if bare_plural or indefinite or repeated or bare_mass else None
    if verb is None or not present_tense(verb):
        return False
    if repeated:
        return True  # "Zawiya has seen repeated fighting between local groups": many acts
    simple = not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    described = any(c.dep_ in ("attr", "acomp") for c in verb.children)
    if bare_mass:
        return simple and described and noun.dep_ == "nsubj"  # "Tribal fighting is centuries old"; not "Fighting is under way"
    return simple or (bare_plural and described)


def _counted_in_a_trend(k: Knowledge, noun: Token) -> bool:
    """Whether the noun, or the bare plural whose phrase holds it ("casualties from improvised
    explosive devices"), is the subject of a verb of trend, in any tense ("Kidnappings increased
    markedly during the first half of the year")."""
    head = noun
    while head.dep_ in ("pobj", "compound", "amod") and head.head.i != head.i:
        head = head.head.head if head.dep_ == "pobj" else head.head  # "from IEDs" -> "casualties"
    bare = head.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in head.children)
    return bare and head.dep_ == "nsubj" and head.head.lower_ in k.lex.forms("trend_verbs")


def habitual_present(doc: Doc, sent: SentenceInfo, start: int, end: int) -> bool:
    """Whether the trigger at ``start`` .. ``end`` of the sentence is a verb in the simple present
    ("JNIM isolates posts, then strikes them"): reporting tells events in the past; the present
    states a habit or a pattern (headlines, which use it for the past, are read as zones)."""
    span = char_span(doc, sent.start + start, sent.start + end)
    if span is None or not doc.has_annotation("TAG"):
        return False
    verb = span[0]
    return verb.tag_ in ("VBZ", "VBP") and not any(child.dep_ in ("aux", "auxpass") for child in verb.children)


def trigger_denied(doc: Doc, k: Knowledge, sent: SentenceInfo, start: int, end: int) -> bool:
    """Whether the trigger at ``start`` .. ``end`` of the sentence is itself negated ("did not
    shell", "no arrests", "heard no gunfire or explosions": the first of its conjuncts) or denied
    (``_denied``); a doubt over it ("it is unclear whether the commander died") leaves the act
    reported."""
    span = char_span(doc, sent.start + start, sent.start + end)
    if span is None:
        return False
    tok = first = span.root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")) for c in (*tok.children, *first.children)):
        return True  # "did not shell", "no arrests have been made", "no new offensive has begun"
    if any(c.dep_ in ("nsubj", "nsubjpass") and _nobody(k, c) for c in tok.children):
        return True  # "nobody has been arrested", "no one was detained", "none of the attackers was caught"
    if first.dep_ in ("pobj", "pcomp") and first.head.lower_ == "without":
        return True  # "the talks ended without agreement", "the convoy passed without attack"
    if first.dep_ in ("pobj", "pcomp") and first.head.lower_ == "of" and any(c.dep_ == "det" and c.lower_ == "no" for c in first.head.head.children):
        return True  # "there were no reports of clashes", "no sign of fighting"
    return _denied(tok, k.lex.forms("negating_verbs"), k.lex.forms("report_nouns"), k.lex.words("falsity_words"))


def _nobody(k: Knowledge, subject: Token) -> bool:
    """Whether a subject names nobody: "nobody", "none (of ...)", "no one", "no group"."""
    return subject.lower_ in k.lex.words("nobody_words") or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _denied(tok: Token, denying: Mapping[str, str], reports: Mapping[str, str], falsity: frozenset[str] = frozenset()) -> bool:
    """Whether ``tok`` is governed by a verb of denial through the clause that holds it: its
    object ("denied shelling the town"), a verb phrase around it ("denied carrying out the
    strike"), the part it denies in it ("denied involvement in the attack") or the clause of a
    claim or report it rejects ("rejected claims that they had fired missiles", "denied
    Moscow's claim that drones had hit a hospital")."""
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return False
        if tok.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and head.lower_ in denying:
            return True
        if tok.dep_ == "dobj" and tok.lower_ in reports and _called_false(head, falsity):
            return True  # "police described reports that a village had been raided as false"
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "dobj" and head.head.head.lower_ in denying:
            return True  # "denied involvement in the attack", "rejected any role in the killings"
        verb_phrase = tok.dep_ in ("dobj", "xcomp", "pcomp", "ccomp") and head.tag_.startswith("VB")
        reported = _content_clause(tok) and head.lower_ in reports
        subject = tok.dep_ in ("nsubj", "nsubjpass") and _content_clause(head) and head.head.lower_ in reports
        if subject:
            head = head.head  # "claim that drones had hit": from the subject through its clause to the claim
        elif not (verb_phrase or reported):
            return False
        tok = head
    return False


def _called_false(verb: Token, falsity: frozenset[str]) -> bool:
    """Whether the verb whose object is a report calls it untrue with "as" ("described reports that
    a village had been raided as false", "branded the claims as baseless propaganda"); the parser
    hangs "as" on the verb or on the verb of the report's clause, both in the verb's phrase."""
    return any(t.dep_ == "prep" and t.lower_ == "as" and any(w.lower_ in falsity for w in t.subtree) for t in verb.subtree)


def _content_clause(verb: Token) -> bool:
    """Whether ``verb`` heads the clause that says what its noun holds ("claims that they had
    fired", "messages that a village had been attacked"), which the parser also attaches as a
    relative clause when "that" is no argument of the verb: only its mark ("a statement that its
    fighters had overrun a post"), or an object or subject beside another ("claims that police
    had shot dead a man": 'that' read as the object, with 'a man' there)."""
    if verb.dep_ in ("acl", "ccomp"):
        return True
    that = next((c for c in verb.children if c.lower_ == "that"), None)
    if verb.dep_ != "relcl" or that is None:
        return False
    roles = ("nsubj", "nsubjpass") if that.dep_ in ("nsubj", "nsubjpass") else (that.dep_,)
    return that.dep_ == "mark" or any(c.dep_ in roles and c.i != that.i for c in verb.children)


def unrealised(doc: Doc, k: Knowledge, sent: SentenceInfo, start: int, end: int) -> bool:
    """Whether the clause frame (:mod:`..frames`) of the trigger at ``start`` .. ``end`` of the
    sentence states no fact: a plan, threat, fear or condition ("the army is planning an
    offensive", "officials expect the militants to attack", "ahead of an expected assault",
    "warned of a heightened risk of attacks"), in a sentence where nobody was killed or hurt
    ("gunmen who had vowed to attack the town killed five" tells an attack)."""
    # negation is read by trigger_denied ("has not commented on the clash" tells a clash)
    return planned(doc, sent, start, end) and not _harm_told(doc, k, sent)


def _harm_told(doc: Doc, k: Knowledge, sent: SentenceInfo) -> bool:
    """Whether the sentence tells that somebody was killed or hurt: a word of harm that is not
    only a modifier of a noun ("relatives of one of the dead men said he had wanted to surrender"
    describes people, it tells no harm done in that clause)."""
    for name in ("kill_words", "injure_words"):
        if not k.search(name, sent.text, sent.lowered):
            continue
        for m in k.rx(name).finditer(sent.text):
            span = char_span(doc, sent.start + m.start(), sent.start + m.end())
            if span is None or span.root.dep_ != "amod":
                return True
    return False


def planned(doc: Doc, sent: SentenceInfo, start: int, end: int) -> bool:
    """Whether the clause frame of the trigger at ``start`` .. ``end`` of the sentence is a plan,
    threat, wish, condition or possibility ("who had vowed to attack the town", "we may be shot"),
    whatever else the sentence tells."""
    frame = _trigger_frame(doc, sent, start, end)
    return frame is not None and frame.modality in ("intention", "hypothetical", "future", "possible")


def attempted(doc: Doc, sent: SentenceInfo, start: int, end: int) -> bool:
    """Whether the clause frame of the trigger at ``start`` .. ``end`` of the sentence is an
    attempt ("tried to capture the town", "attempted to overrun the post"): the fighting took
    place, the capture did not."""
    frame = _trigger_frame(doc, sent, start, end)
    return frame is not None and frame.modality == "attempt"


def _trigger_frame(doc: Doc, sent: SentenceInfo, start: int, end: int) -> Frame | None:
    """The clause frame (:mod:`..frames`) headed by the trigger at ``start`` .. ``end`` of the
    sentence, if one was read."""
    span = char_span(doc, sent.start + start, sent.start + end)
    if span is None:
        return None
    return next((f for f in ext(doc, "armedkg_frames") if f.head == span.root.i), None)


def tells_harm(k: Knowledge, sent: SentenceInfo) -> bool:
    """Whether the sentence says somebody was killed or hurt."""
    return bool(k.search("kill_words", sent.text, sent.lowered) or k.search("injure_words", sent.text, sent.lowered))
