"""Dyads from clause frames: who acts on whom in each clause, whatever its mood.

Event coders of the CAMEO/PLOVER kind code a threat, a plan or a demand as an interaction
between a source and a target ("Iran threatened to close the strait to U.S. ships"); the graph
does not (an act threatened is not an event). :func:`read_interactions` gives every frame's
named agents against its named patients, "against" phrases, destinations and sources, with the
frame's mood, for a caller that codes such dyads (``DocResult.interactions``). A denied clause
and a speaker's "said" give none. Besides the frame's own roles, a dyad reads:

- the one a coercive verb of saying is aimed at: "warned Taiwan that ...", "demanded that India
  withdraw", "threatened to boycott unless Egypt apologised" (``coercive_speech_verbs``);
- the "on"/"against"/"to" phrase of the verb's object: "imposed sanctions on Belarus", "issued
  an ultimatum to Ecuador" (``imposition_prepositions``), the verb's own "on" phrase, the place
  a measure is declared in (``imposing_verbs``), the other side of talks or ties
  (``relation_nouns``), "in response to X" (``response_nouns``);
- the other side of a border: "closed its border with Colombia", "the Libyan border";
- a name in apposition to the object, whose a thing is ("the computers of X", "a march by X"),
  the people a number counts ("thousands of refugees");
- a capital or a seat of government standing for its state ("Moscow expelled ...", "the White
  House warned"), a nationality before what is not a force ("two Polish diplomats", "French
  farmers": the state, not its armed forces) or before an act of force ("the Iraqi invasion":
  its forces), the state of a town a clause is aimed at;
- both directions of a symmetric predicate ("A clashed with B": B fought A too), its sides named
  on the verb ("fighting broke out between A and B") or as coordinated nationalities ("Indian
  and Pakistani troops exchanged fire");
- a side that a noun phrase only describes ("a terror group", "an army garrison"), read as the
  event rules read it, where the other side is named.

Each side is named at a token of the sentence; :func:`name_sides` gives an entity named only
there (a country read from a nationality or a capital) implied evidence at that token, so that
the dyad points at an entity of the result without claiming a new name of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..records import Interaction
from .extensions import ext, text_of
from .frames import Frame
from .lexicon import Lexicon
from .phrases import Named, PhraseReader
from .pronouns import GROUP_PRONOUNS

if TYPE_CHECKING:
    from .knowledge import Knowledge

SIDES = ("actor", "country", "person")
TARGETS = ("actor", "country", "person", "place")


@dataclass(frozen=True)
class DyadWords:
    """The vocabularies dyads are read with, inflected once per pipeline."""

    coercive: frozenset[str]
    seats: dict
    imposing: frozenset[str]
    imposing_verbs: frozenset[str]
    relation_nouns: frozenset[str]
    response_nouns: frozenset[str]
    conditions: frozenset[str]
    borders: frozenset[str]
    military: frozenset[str]
    forces: re.Pattern

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> "DyadWords":
        return cls(
            coercive=frozenset(lex.forms("coercive_speech_verbs")),
            seats=dict(lex.mapping("seats_of_government")),
            imposing=lex.words("imposition_prepositions"),
            imposing_verbs=frozenset(lex.forms("imposing_verbs")),
            relation_nouns=frozenset(lex.forms("relation_nouns")),
            response_nouns=frozenset(lex.forms("response_nouns")),
            conditions=lex.words("hypothetical_markers"),
            borders=frozenset(lex.forms("border_nouns")),
            military=frozenset(lex.forms("owned_nouns")),
            forces=lex.pattern("force_nouns"),
        )


class _Sides:
    """Reads the entities of a frame's phrases for dyads (one per document)."""

    def __init__(self, doc: Doc, reader: PhraseReader, words: DyadWords | None) -> None:
        self.doc, self.reader, self.words = doc, reader, words
        self.used: list[Named] = []
        self.hostile: set[str] = set()  # the words of the document's hostile nouns that head a frame

    def _state(self, tok: Token) -> str | None:
        """The state a name stands for: a capital's or a country's mention, or a nationality
        ("South Korean": the words before the adjective that modify it count)."""
        m = self.reader.at.get(tok.i)
        text = text_of(self.doc)[m.start : m.end] if m is not None else self.doc[tok.left_edge.i : tok.i + 1].text
        return self._seat(text) or self.reader.state_of(text) or self.reader.state_of(tok.text)

    def _seat(self, text: str) -> str | None:
        """The state whose government sits in a building or street named for it ("the White
        House warned", "Downing Street said")."""
        words = text.lower().split()
        return self.words.seats.get(" ".join(words[1:] if words[:1] == ["the"] else words)) if self.words is not None else None

    def _keep(self, out: list[Named], named: Named) -> None:
        if named.key not in {n.key for n in out}:
            out.append(named)
        self.used.append(named)  # every word that names the side ("the West Bank and Gaza": Palestine twice)

    def agents(self, heads: list[int]) -> list[Named]:
        out: list[Named] = []
        for i in heads:
            tok = self.doc[i]
            seat = self._seat(self.doc[tok.left_edge.i : tok.i + 1].text) if tok.tag_.startswith("NNP") else None
            stated = [Named(f"country:{seat}", "country", i)] if seat else self._stated(tok) if self.words is not None else []
            for named in stated or self.reader.spread(tok, owners=True) or self._acting_nationality(tok):
                if named.kind == "place" and self.words is not None:
                    iso = self._state(self.doc[named.token])
                    named = Named(f"country:{iso}", "country", named.token) if iso else named  # "Moscow expelled"
                if named.kind in SIDES:
                    self._keep(out, named)
        return out

    def described(self, heads: list[int], describe: Callable[[Token], Named | None]) -> list[str]:
        """The actors the phrases that name nobody describe ("a terror group", "students")."""
        out: list[Named] = []
        for i in heads:
            for tok in (self.doc[i], *self.doc[i].conjuncts):
                if self.reader.entities(tok, owners=True):
                    continue
                tok = _own_speaker(tok, self.reader)  # "a militant cell says it is building bombs": the cell
                named = describe(tok)
                if named is None and self.words is not None and self._military(tok):
                    # "an army garrison", "guerrilla camps", "the positions of the rebels": whose they are
                    owners = [c for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i]
                    owners += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in _objects(p)]
                    named = next((n for n in map(describe, owners) if n is not None), None)
                if named is not None:
                    self._keep(out, named)
        return [n.key for n in out]

    def paired(self, heads: list[int]) -> list[str]:
        """The states of coordinated nationalities before one noun, the sides of a symmetric
        predicate ("fighting between Ethiopian and Eritrean troops"): their forces where the
        noun is a force."""
        out: list[Named] = []
        for tok in (self.doc[i] for i in heads):
            first = next((c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and c.conjuncts), None)
            if first is None:
                continue
            for c in (first, *first.conjuncts):
                iso = self._state(c)
                forces = self.reader.forces_of(iso) if iso and self._military(tok) else None
                if iso:
                    self._keep(out, Named(forces, "actor", c.i) if forces else Named(f"country:{iso}", "country", c.i))
        return [n.key for n in out] if len(out) > 1 else []

    def _acting_nationality(self, tok: Token) -> list[Named]:
        """A nationality that modifies an act of force ("the Iraqi invasion of Kuwait", "an
        Israeli raid on Gaza"): that state's forces acted."""
        if self.words is None or tok.dep_ not in ("amod", "compound") or tok.head.lower_ not in self.hostile:
            return []
        iso = self._state(tok)
        forces = self.reader.forces_of(iso) if iso else None
        return [Named(forces, "actor", tok.i) if forces else Named(f"country:{iso}", "country", tok.i)] if iso else []

    def _stated(self, tok: Token) -> list[Named]:
        """"two Polish diplomats", "Israeli cities", "French farmers": a nationality before a noun
        that names nobody and no force stands for the state, not for its armed forces."""
        if self.reader.mention(tok) is not None or self._military(tok):
            return []
        return [Named(f"country:{iso}", "country", c.i) for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i and (iso := self._state(c))]

    def targets(self, heads: list[int]) -> list[Named]:
        out: list[Named] = []
        for i in heads:
            tok = self.doc[i]
            for t in (tok, *tok.conjuncts):
                for named in self._target(t):
                    self._keep(out, named)
        return out

    def _target(self, tok: Token, depth: int = 0) -> list[Named]:
        words = self.words
        if words is None:
            return [n for n in self.reader.entities(tok, owners=True) if n.kind in TARGETS]
        if tok.lower_ in words.borders:
            return self._across(tok)
        unnamed = self.reader.mention(tok) is None
        if unnamed and depth < 3:
            # "the opposition newspaper La Prensa": the name in apposition
            named = [n for c in tok.children if c.dep_ == "appos" for n in self._target(c, depth + 1)]
            if named:
                return named
        states = self._stated(tok)
        if states:
            return states
        out = []
        for named in self.reader.entities(tok, owners=True):
            if named.kind not in TARGETS:
                continue
            out.append(named)
            iso = self._country_of_place(named) if named.kind == "place" else None
            if iso:
                # "suspended talks with Washington", "threatened to attack Goma": coders code a town by its state
                out.append(Named(f"country:{iso}", "country", named.token))
        if not out and unnamed and depth < 3:
            # "the laptops of Japanese naval officers": whose they are ("the waters off X":
            # where they are); "a march organised by X": who holds it
            out = [n for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "off") for o in _objects(p) for n in self._target(o, depth + 1)]
            out = out or [n for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent" for o in _objects(a) for n in self._target(o, depth + 1)]
            out = out or [n for p in tok.children if p.dep_ == "prep" and p.lower_ == "by" for o in _objects(p) for n in self._target(o, depth + 1)]  # "a protest by X"
        return out

    def _country_of_place(self, named: Named) -> str | None:
        place = ext(self.doc, "armedkg_entities").get(named.key)
        return self._state(self.doc[named.token]) or (place.country if place is not None else None)

    def _military(self, tok: Token) -> bool:
        return tok.lower_ in self.words.military or bool(self.words.forces.fullmatch(tok.lower_))

    def _across(self, border: Token) -> list[Named]:
        """The state on the other side of a border: "its border with Colombia", "the Libyan
        border", "Ukraine's border"."""
        out: list[Named] = []
        for c in border.children:
            if c.dep_ == "prep" and c.lower_ == "with":
                for obj in (o for o in c.children if o.dep_ == "pobj"):
                    out += [n for n in self.reader.spread(obj, owners=True) if n.kind in ("actor", "country")]
            elif c.dep_ in ("amod", "compound", "poss") and c.i < border.i:
                iso = self._state(c)
                out += [Named(f"country:{iso}", "country", c.i)] if iso else [n for n in self.reader.entities(c) if n.kind in ("actor", "country")]
        return out


def _extra_targets(doc: Doc, f: Frame, words: DyadWords | None) -> list[int]:
    """Heads of the phrases a dyad reads besides the frame's roles (see the module's notes)."""
    if words is None or f.kind != "verb" or f.negated:
        return []
    verb = doc[f.head]
    coercive, imposing = verb.lower_ in words.coercive, verb.lower_ in words.imposing_verbs
    threat = coercive or (verb.dep_ == "xcomp" and verb.head.lower_ in words.coercive)
    on_object = words.imposing | ({"in"} if imposing else set())  # "declared a state of siege in Haiti"
    out: list[int] = [i for i in f.places if doc[i].lower_ in words.borders]  # "massed troops along the border with X"
    border = any(c.dep_ == "dobj" and c.lower_ in words.borders for c in verb.children)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "with" and border:
            out += [o.i for o in _objects(c)]  # "closed its border with X", the parser hanging "with X" on the verb
        elif c.dep_ == "dobj":
            out += [o.i for p in c.children if p.dep_ == "prep" and (p.lower_ in on_object or (p.lower_ == "with" and c.lower_ in words.relation_nouns)) for o in _objects(p)]
            out += _counted(c)  # "expelled thousands of X"
        elif c.dep_ == "nsubjpass":
            out += _counted(c)  # "hundreds of X were driven from their homes"
        elif c.dep_ == "advcl" and threat and any(m.dep_ == "mark" and m.lower_ in words.conditions for m in c.children):
            out += [s.i for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]  # "threatened to boycott unless X apologised"
        elif c.dep_ == "dative" and c.tag_ == "IN":
            out += [o.i for o in _objects(c)]  # "deployed warplanes to the border", "issued an ultimatum to X"
        elif c.dep_ == "prep" and (c.lower_ in ("on", "upon") or (imposing and c.lower_ == "in")):
            out += [o.i for o in _objects(c)]
        elif c.dep_ == "prep" and c.lower_ == "in":
            # "in response to X", "in retaliation for X", "in protest against X"
            out += [o.i for n in _objects(c) if n.lower_ in words.response_nouns for p in n.children if p.dep_ == "prep" for o in _objects(p)]
        elif c.dep_ == "ccomp" and coercive:
            out += [s.i for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]  # "demanded that India withdraw"
    if coercive or any(c.dep_ == "xcomp" for c in verb.children):
        out += f.addressees  # "warned X", "told X to leave"
    return out


def _between(doc: Doc, f: Frame, symmetric: set[int]) -> list[int]:
    """The sides a verb names for a symmetric noun that is its subject: "fighting broke out
    between A and B", "clashes erupted between A and B"."""
    verb = doc[f.head]
    if f.kind != "verb" or not any(c.dep_ == "nsubj" and c.i in symmetric for c in verb.children):
        return []
    return [t.i for p in verb.children if p.dep_ == "prep" and p.lower_ == "between" for o in _objects(p) for t in (o, *o.conjuncts)]


def _own_speaker(tok: Token, reader: PhraseReader) -> Token:
    """The subject of the verb of saying whose clause a group pronoun is the subject of, where
    the pronoun stands for no name ("a militant cell says it is building bombs": the cell); the
    token itself otherwise."""
    if tok.lower_ not in GROUP_PRONOUNS or tok.i in reader.antecedent or tok.dep_ != "nsubj" or tok.head.dep_ != "ccomp":
        return tok
    said = tok.head.head
    speaker = next((c for c in said.children if c.dep_ == "nsubj" and c.tag_.startswith("NN")), None)
    return speaker if speaker is not None else tok


def _counted(tok: Token) -> list[int]:
    """The people a number stands before ("thousands of refugees"): the model's CARDINAL is no
    role of the frame, those it counts are."""
    if tok.ent_type_ != "CARDINAL" and not tok.like_num:
        return []
    return [o.i for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in _objects(p)]


def _objects(prep: Token) -> list[Token]:
    return [o for o in prep.children if o.dep_ == "pobj"]


def read_interactions(
    doc: Doc, frames: list[Frame], reader: PhraseReader, words: DyadWords | None = None, describe: Callable[[Token], Named | None] | None = None
) -> tuple[list[Interaction], list[Named]]:
    """The dyads of every frame that is not denied and not a plain report of speech, and the
    named sides they were read from. ``describe``: the actor a noun phrase that names nobody
    describes ("a terror group", "opposition supporters"), asked only for the side a frame
    lacks where the other side is named."""
    out: list[Interaction] = []
    seen: set[tuple[str, str, str]] = set()
    sides = _Sides(doc, reader, words)

    def add(s: str, t: str, f: Frame) -> None:
        if s != t and (s, t, f.lemma) not in seen:
            seen.add((s, t, f.lemma))
            out.append(Interaction(s, t, f.lemma, f.modality, doc[f.head].sent.start_char))

    symmetric = {f.head for f in frames if f.symmetric}
    sides.hostile = {doc[f.head].lower_ for f in frames if f.kind == "noun"}
    for f in frames:
        coercive = words is not None and doc[f.head].lower_ in words.coercive
        telling = f.reporting and bool(f.addressees) and any(c.dep_ == "xcomp" for c in doc[f.head].children)  # "told X to leave"
        if f.negated or (f.reporting and not coercive and not telling):
            continue
        patients = f.patients + f.opposed + f.destinations + f.sources + _extra_targets(doc, f, words)
        sources = [n.key for n in sides.agents(f.agents)]
        targets = [n.key for n in sides.targets(patients)] if sources or describe else []
        if describe is not None and (sources or targets):
            sources += [key for key in sides.described(f.agents, describe) if key not in sources] if targets else []
            targets += [key for key in sides.described(patients, describe) if key not in targets] if sources else []
        between = _between(doc, f, symmetric) if words is not None else []
        if between:
            # "fighting broke out between A and B": the parser hangs the sides on the verb
            named = [n.key for n in sides.agents(between)]
            named += [key for key in sides.described(between, describe) if key not in named] if describe is not None and named else []
            sources, targets = sources + named, targets + named
        if (f.symmetric or between) and words is not None:
            paired = sides.paired(f.agents + f.patients + between)  # "Indian and Pakistani troops exchanged fire"
            if not targets and len(sources) > 1:
                paired += sources  # "A and B fought a fierce battle": each side fought the other
            sources, targets = sources + paired, targets + paired
        for s in sources:
            for t in targets:
                add(s, t, f)
                if (f.symmetric or between) and words is not None and not t.startswith("place:"):
                    add(t, s, f)  # "A clashed with B": B fought A
    return out, sides.used


def describer(doc: Doc, k: "Knowledge") -> Callable[[Token], Named | None]:
    """The actor a noun phrase describes, as the event rules read it (``events.roles.np_actor``)."""
    from .events.roles import np_actor

    sentences = ext(doc, "armedkg_sentences")

    def describe(tok: Token) -> Named | None:
        info = next((s for s in sentences if s.span.start <= tok.i < s.span.end), None)
        if info is None:
            return None
        # np_actor records a mention of what it reads (and a country vote); a dyad's side keeps
        # only implied evidence, so that the mentions the later rules see stay as they were
        mentions, votes = ext(doc, "armedkg_mentions"), ext(doc, "armedkg_country_votes")
        kept_mentions, kept_votes = len(mentions), dict(votes)
        key = np_actor(doc, k, tok, info)
        del mentions[kept_mentions:]
        votes.clear()
        votes.update(kept_votes)
        ent = ext(doc, "armedkg_entities").get(key) if key else None
        if ent is None:
            return None
        end = tok.idx + len(tok.text)
        ent.mentions[:] = [replace(m, rule="implied:described_side") if m.rule == "np_actor" and m.end == end else m for m in ent.mentions]
        return Named(key, "person" if key.startswith("person:") else "actor", tok.i)

    return describe


def name_sides(doc: Doc, k: "Knowledge", interactions: list[Interaction], used: list[Named]) -> None:
    """Evidence for the sides of the dyads at each word that names them, where their entity has
    no mention there (a state named by a nationality or a capital, forces named by what they
    own; never a pronoun): an ``implied`` mention, so no new name of the text is claimed."""
    from .sentences import evidence
    from .state import ensure_actor, ensure_country

    keys = {i.source for i in interactions} | {i.target for i in interactions}
    sentences = ext(doc, "armedkg_sentences")
    entities = ext(doc, "armedkg_entities")
    for named in used:
        tok = doc[named.token]
        if named.key not in keys or named.kind not in SIDES or tok.tag_ in ("PRP", "PRP$", "WP", "WP$", "WDT"):
            continue  # a pronoun names nobody: its antecedent has its own evidence
        start, end = tok.idx, tok.idx + len(tok.text)
        ent = ensure_country(doc, k, named.key.split(":", 1)[1]) if named.kind == "country" else entities.get(named.key) or ensure_actor(doc, k, named.key)
        if any(m.start < end and start < m.end for m in ent.mentions):
            continue
        info = next((s for s in sentences if s.span.start_char <= start < s.span.end_char), None)
        if info is not None:
            ent.mentions.append(evidence(doc, info, start, end, "implied:interaction_side", 0.5))
