"""Phrases a clause frame reads beside its roles (:mod:`builder.extraction.frames`): the objects
of a preposition, whose side an actor fights on ("alongside X", "on the side of X", "in a
joint operation with X"), a "between" phrase hung on the verb that says a fight happened, an
"against" phrase hung on the means of fighting."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .phrases import first_conjunct

if TYPE_CHECKING:
    from .frames import ClauseWords, Frame

TELL = frozenset(("tell", "tells", "told", "telling", "inform", "informs", "informed", "informing", "brief", "briefs", "briefed", "briefing"))  # verbs of saying whose object is the one told
HELPING = frozenset(("join", "joined", "joins", "joining", "help", "helped", "helps", "assist", "assisted", "aid", "aided"))  # "joined X in shelling": both act
_JOINT_NOUNS = frozenset(("operation", "operations", "coordination", "cooperation", "alliance", "partnership", "conjunction", "concert", "tandem", "league", "collaboration", "coalition"))


def pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition. Where the parser made a bracketed place the object and hung
    the real one on it ("clashed with the SDF near the dam (Manbij, Aleppo)"), the real one."""
    out = []
    for obj in (c for c in prep.children if c.dep_ in ("pobj", "pcomp")):
        bracketed = any(c.dep_ == "punct" and c.text == "(" for c in obj.children)
        hung = [c for c in obj.children if c.dep_ in ("nmod", "compound") and bracketed and c.i < obj.i and any(p.text == "(" for p in obj.doc[c.i : obj.i])]
        out += hung or [obj]
    return out


def agent_phrases(verb: Token) -> list[Token]:
    """The "by" phrases of a passive verb: its own, else one the parser hung on the object of a
    phrase after it ("was beaten to death in Mabayi commune by members of X", "killed in an attack
    by militants")."""
    own = [c for c in verb.children if c.dep_ == "agent"]
    if own:
        return own
    return [g for c in verb.children if c.dep_ == "prep" and c.i > verb.i for obj in c.children if obj.dep_ == "pobj" for g in obj.children if g.dep_ == "prep" and g.lower_ == "by"]


def on_side(prep: Token) -> bool:
    """"on the side of X", "on X's side": whose side one fights on, not whom one fights."""
    return prep.lower_ == "on" and any(c.dep_ == "pobj" and c.lower_ in ("side", "sides") for c in prep.children)


def ally_phrase(prep: Token, words: ClauseWords) -> list[Token]:
    """The heads an alliance phrase names: "alongside X", "beside X", "together with X", "jointly with X",
    "in a joint operation with X", "in coordination with X", "in alliance with X", "fought for X"."""
    word = prep.lower_
    objs = pobjs(prep)
    if word in ("alongside", "beside") or (word == "for" and prep.head.lower_ in words.side_taking):
        return objs
    if word == "of" and prep.head.lower_ in ("support", "behalf", "aid", "defence", "defense", "side") and prep.head.dep_ == "pobj" and prep.head.head.lower_ in ("in", "on"):
        return objs  # "strikes in support of the Peshmerga", "on behalf of the government", "on the side of X"
    if word == "on" and on_side(prep):
        return [c for o in objs for c in o.children if c.dep_ == "poss"]  # "fought on Russia's side"
    if word == "with":
        before = " ".join(t.lower_ for t in prep.doc[max(prep.i - 3, 0) : prep.i])
        together = any(c.lower_ in ("together", "jointly", "along") for c in prep.children) or before.endswith(("together", "jointly", "along", "side by side", "shoulder to shoulder", "hand in hand", "in tandem"))
        joint = prep.head.lower_ in _JOINT_NOUNS and prep.head.dep_ == "pobj"
        return objs if together or joint else []
    return []


def occurring_between(prep: Token, by_head: dict[int, Frame]) -> Frame | None:
    """The frame of the fighting a "between" phrase names the sides of, where the parser hung
    the phrase on the verb that says it happened: "clashes erupted between A and B", "fighting
    broke out between A and B", "fierce battles raged between A and B", "fighting took place
    between A and B". The verb is not itself hostile and has no object but "place"."""
    verb = by_head.get(prep.head.i)
    if prep.lower_ != "between" or verb is None or verb.kind != "verb" or verb.hostile:
        return None
    if any(c.dep_ == "dobj" and c.lower_ != "place" for c in prep.head.children):
        return None
    nouns = [by_head.get(c.i) for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next((f for f in nouns if f is not None and f.kind == "noun" and f.symmetric), None)


def opposed_means(prep: Token, by_head: dict[int, Frame], words: ClauseWords) -> Frame | None:
    """The frame of the verb that is not hostile whose object, a means of fighting, a stance or
    an ally, an "against" phrase hangs on: "held their lines against X", "used drones against
    X", "stood firm against X", "allied with the army against X", "brought in drones and then
    heavy mortars against X" (on the last of the objects)."""
    noun = prep.head
    if prep.lower_ != "against" or noun.i in by_head:
        return None
    first = first_conjunct(noun)
    means = first.dep_ == "dobj" and noun.lower_ in words.opposing
    stance = noun.dep_ in ("acomp", "advmod", "prt")  # "stood firm against X"
    ally = noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.lower_ in words.alliance  # "allied with the army against M23"
    if not (means or stance or ally):
        return None
    frame = by_head.get(noun.head.head.i if ally else first.head.i)
    return frame if frame is not None and frame.kind == "verb" and not frame.hostile else None


def object_controller(verb: Token, reporting: frozenset[str]) -> list[Token]:
    """Who does what a gerund or infinitive says where the verb above names a doer besides its
    own subject: its object ("blamed Hamas for firing", "prevented the convoy from crossing"),
    the noun its "of" hangs on when that noun is the object of a verb of saying ("accused the
    army of shelling"), the object of its "on" phrase ("called on Russia to stop"), the subject
    of a passive verb above ("was accused of firing", "is believed to have used"), the subject
    of an adjective's clause ("was responsible for using", "is capable of firing"). Empty where
    the subject of the verb above is the doer."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for", "from"):
        above = head.head
        if above.dep_ == "dobj" and above.head.lower_ in reporting:
            return [above]
        if above.tag_.startswith("VB") and above.lower_ not in HELPING:
            return [c for c in above.children if c.dep_ in ("dobj", "nsubjpass")]  # "was accused of firing"
        if above.dep_ == "acomp" and above.tag_.startswith("JJ"):
            return [c for c in above.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "the regime was responsible for using sarin"
    if verb.dep_ == "xcomp" and not any(c.dep_ == "dobj" for c in head.children):
        passive = [c for c in head.children if c.dep_ == "nsubjpass"]
        if passive and (verb.tag_ != "VBN" or any(c.lower_ == "to" for c in verb.children)):  # not "was found killed"
            return passive  # "troops were ordered to fire", "Russia is believed to have used"
        on = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < verb.i]
        return [o for p in on for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")]
    return []


def alleged(verb: Token, accusations: Collection[str]) -> bool:
    """Whether the clause of ``verb`` is what an accusation says ("accused India of backing the
    BLA", "blamed the army for firing", "X was accused of using", "is alleged to have armed"):
    a claim, not an established fact. ``accusations``: the forms of the verbs of accusing."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
        above = head.head.head if head.head.dep_ == "dobj" else head.head  # "accused India of": the "of" may hang on the object
        return above.lower_ in accusations
    return verb.dep_ == "xcomp" and head.lower_ in accusations


def counted(tok: Token) -> int:
    """What a number counts: "dozens of civilians", "hundreds of fighters" (the number itself
    where it has no "of" phrase, or one of a pronoun: in "shot six of them dead" they are the
    people just named, "labourers", not the group a pronoun of a subject stands for)."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj.i if obj is not None and obj.tag_ != "PRP" else tok.i


def with_conjuncts(tok: Token) -> list[int]:
    """The token and the tokens coordinated with it ("A, B and C")."""
    return [tok.i] + [c.i for c in tok.conjuncts if c.i != tok.i]
