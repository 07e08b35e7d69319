"""Affiliations read from clause frames (:mod:`builder.extraction.frames`): who acts against
whom, who acts with whom, who holds or leaves a place, who operates where, who backs or leads
whom, from the roles of one predicate.

- ``agent_patient_hostility``: the agents and the patients of a hostile predicate that states a
  fact ("militants ambushed the patrol", "the insurgents' raid on a peacekeepers' camp",
  "clashes between A and B") are on opposite sides; coordinated agents are on one side.
- ``armed_against_civilians``: an armed agent of a hostile predicate acts against the civilians
  that are its patients ("the regime shelled civilians", "militants killed villagers"), as an
  event's perpetrators do against its civilian targets; civilians are never an agent here.
- ``taken_from``: "X retook the town from Y": X against Y, and Y held the town until then.
- ``repelled_attack_by``: a hostile predicate whose patient is a hostile noun with its own agent
  ("repelled an attack by Y").
- ``fought_alongside``: "X fought alongside Y", "together with Y", "in a joint operation with Y".
- ``one_side_of_verb``: agents coordinated as the subject of a hostile predicate with a patient,
  or of an act against a side ("A and B launched joint operations against X"; a hostile noun's
  agents through its verb: "A and B mounted a raid on X"), never of a symmetric noun.
- ``against_phrase``: the armed agent of a predicate that is not itself hostile, with an
  "against" phrase ("held its lines against IS", "allied with the army against M23").
- ``pitted_against``: the object of "pit" against its "against" phrase ("the war pits the
  Houthis against the coalition", "rebels were pitted against the army").
- ``inflicted_on``: "X inflicted heavy losses on Y", "dealt a blow to Y", "handed Y a defeat".
- ``exchanged_fire``: "A and B traded fire": the two sides fight each other.
- ``control_verb`` / ``loss_verb``: the agent of "seized", "holds", "retook" controls the place
  that is the verb's patient; of "withdrew from", "lost" it no longer does.
- ``presence_verb``: the agent of "deployed", "operates", "is based" ... in a place, and of any
  factual hostile predicate, operates where the clause's place phrase says.
- ``backing_verb``, ``command_verb``: "Iran arms the Houthis", "Z leads W".
- ``supported_action_of``: the agent of a verb of backing whose object is a side's undertaking
  ("X supported Y's offensive", "the army's campaign was backed by X", "these efforts were
  supported by X" after a sentence whose subject is Y) is Y's ally.

A speaker or someone told is never a role (frames drop them), and a clause that is denied,
planned, threatened or conditional states no relation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from .frame_phrases import alleged
from .frames import Frame
from .lexicon import Lexicon
from .phrases import Named, PhraseReader, dependency_path
from .constructions import ARMED, Found, ended, refusing_verbs

# An organisation the text shows acting with violence is a side too (an acronym the gazetteer lacks).
SIDES = ARMED | {"Organisation"}
UNIDENTIFIED_KEY = "actor:unidentified-armed-group"
CIVILIANS = "CivilianGroup"


@dataclass(frozen=True)
class FrameWords:
    """Inflected forms of the verbs that decide a frame's relation."""

    control: frozenset[str]
    loss: frozenset[str]
    expulsion: frozenset[str]
    presence: frozenset[str]
    backing: frozenset[str]
    command: frozenset[str]
    remote: frozenset[str]
    until: frozenset[str]
    exchange: frozenset[str]
    fire: frozenset[str]
    alliance: frozenset[str]
    actions: frozenset[str]
    pitting: frozenset[str]
    infliction: frozenset[str]
    harm: frozenset[str]
    accusation: frozenset[str]
    alliance_nouns: frozenset[str]
    refusing: frozenset[str]

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> "FrameWords":
        return cls(
            frozenset(lex.forms("control_verbs")),
            frozenset(lex.forms("loss_verbs")),
            frozenset(lex.forms("expulsion_verbs")),
            frozenset(lex.forms("presence_verbs")),
            frozenset(lex.forms("backing_verbs")),
            frozenset(lex.forms("command_verbs")),
            frozenset(lex.forms("remote_violence")),
            lex.words("end_markers"),
            frozenset(lex.forms("exchange_verbs")),
            lex.words("fire_nouns"),
            frozenset(lex.forms("alliance_verbs")) | frozenset(lex.forms("alliance_words")),
            frozenset(lex.forms("action_nouns")) | frozenset(lex.forms("hostile_nouns")),
            frozenset(lex.forms("pitting_verbs")),
            frozenset(lex.forms("infliction_verbs")),
            frozenset(lex.forms("harm_nouns")),
            frozenset(lex.forms("accusation_verbs")),
            frozenset(lex.forms("alliance_nouns")),
            refusing_verbs(lex),
        )


class FrameRelations:
    """Reads the relations of every frame of one document."""

    def __init__(self, doc: Doc, frames: list[Frame], reader: PhraseReader, words: FrameWords) -> None:
        self.doc, self.frames, self.reader, self.words = doc, frames, reader, words
        self.by_head = {f.head: f for f in frames}
        self.current: Frame | None = None

    def __call__(self) -> list[Found]:
        out: list[Found] = []
        for frame in self.frames:
            if frame.factual and not frame.reporting:
                self.current = frame
                out += list(self._frame(frame))
        self.current = None
        return out

    # ------------------------------------------------------------------ roles to entities
    def _side(self, heads: list[int], owners: bool = True, spread: bool = True) -> list[Named]:
        out: list[Named] = []
        read = self.reader.spread if spread else self.reader.entities
        for i in heads:
            for named in read(self.doc[i], owners=owners):
                if named.key not in {n.key for n in out}:
                    out.append(named)
        return out

    def _word(self, f: Frame) -> str:
        return self.doc[f.head].lower_

    def _armed(self, named: Named) -> bool:
        if named.kind == "country":
            return True
        return named.kind == "actor" and self.reader.classes.get(named.key, "") in SIDES and named.key != UNIDENTIFIED_KEY

    def _civilians(self, named: Named) -> bool:
        """A collective of civilians ("innocent civilians", "the Syrian people"): an armed side that
        kills, targets or attacks them acts against them (as an event's perpetrators do against its
        civilian targets)."""
        return named.kind == "actor" and self.reader.classes.get(named.key, "") == CIVILIANS

    def _found(self, prop: str, s: Named, o: Named, construction: str, confidence: float, status: str = "Current", path: str | None = None) -> Found:
        if self.current is not None and ended(self.doc[self.current.head], self.words.until):
            status = "Former"  # "governed Tigray until 2023"
        if self.current is not None and alleged(self.doc[self.current.head], self.words.accusation):
            status = "Alleged"  # "accused India of backing the BLA": what the accuser says
        path = path or dependency_path(self.doc[s.token], self.doc[o.token])
        return Found(prop, s, o, construction, path, status, None, confidence)

    # ------------------------------------------------------------------ one frame
    def _frame(self, f: Frame) -> Iterator[Found]:
        agents = self._side(f.agents, spread=not f.paired)
        if f.hostile:
            yield from self._hostility(f, agents)
        elif f.opposed:
            yield from self._opposition(f, agents)
        if not f.achieved:
            return  # "tried to seize the town from X": X was fought; the town is not held
        yield from self._exchange(f, agents)
        yield from self._inflicted(f, agents)
        yield from self._alliance(f, agents)
        yield from self._places(f, agents)
        if f.kind == "verb" and self._word(f) in self.words.backing:
            yield from self._supported_action(f, agents)
            for backed in [] if f.passive else self._side(f.patients, owners=False):
                for backer in agents:
                    if backed.kind == "actor" and backer.kind in ("actor", "country") and backed.key != backer.key:
                        yield self._found("backedBy", backed, backer, "backing_verb", 0.7)
        if f.kind == "verb" and self._word(f) in self.words.command and not f.passive:
            for led in self._side(f.patients, owners=False):
                for leader in agents:
                    if leader.kind == "person" and led.kind == "actor":
                        yield self._found("commanderOf", leader, led, "command_verb", 0.7)

    def _supported_action(self, f: Frame, agents: list[Named]) -> Iterator[Found]:
        """"X supported Y's offensive", "these efforts are backed by reinforcements from X": who
        supports a side's undertaking is that side's ally. The undertaking's own agents (its
        possessor, its "by" phrase), or, for "these efforts", the subject of the sentence before
        (the path then ends in ``~this~`` and that subject)."""
        backers = [a for a in agents if a.kind in ("actor", "country")]
        for i in f.patients:
            noun = self.doc[i]
            if noun.lower_ not in self.words.actions:
                continue
            inner = self.by_head.get(i)
            sides = self._side(inner.agents) if inner is not None and inner.agents else self._side([c.i for c in noun.children if c.dep_ == "poss"])
            anaphor = not sides
            sides = sides or self._previous_subjects(noun)
            for side in (s for s in sides if s.kind in ("actor", "country")):
                for backer in backers:
                    if backer.key != side.key:
                        path = f"{dependency_path(self.doc[backer.token], noun)} ~this~ {self.doc[side.token].text}" if anaphor else None
                        yield self._found("alliedWith", backer, side, "supported_action_of", 0.6, path=path)

    def _previous_subjects(self, noun: object) -> list[Named]:
        """The actors subject of the sentence before, for an undertaking named by a demonstrative
        ("these efforts", "this operation")."""
        if not any(c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those") for c in noun.children):
            return []
        start = noun.sent.start
        if start == 0:
            return []
        before = self.doc[start - 1].sent
        return [n for t in before if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" for n in self.reader.spread(t)]

    def _hostility(self, f: Frame, agents: list[Named]) -> Iterator[Found]:
        patients = [p for p in self._side(f.patients, spread=not f.paired) if p.kind in ("actor", "country")]
        sources = [p for p in self._side(f.sources) if p.kind in ("actor", "country")]
        # "repelled an attack by Y": the attackers of the noun the verb acts on
        for i in f.patients:
            inner = self.by_head.get(i)
            if inner is not None and inner.hostile and inner.kind == "noun":
                patients += [p for p in self._side(inner.agents) if p.kind in ("actor", "country")]
        agents = agents + [a for a in self._side(f.allies) if a.key not in {n.key for n in agents}]
        side = {n.key for n in agents}
        for a in agents:
            if not self._armed(a):
                continue
            for p in patients:
                if p.key in side:
                    continue
                if self._armed(p):
                    yield self._found("fightingAgainst", a, p, "agent_patient_hostility", 0.7)
                elif self._civilians(p):
                    yield self._found("fightingAgainst", a, p, "armed_against_civilians", 0.65)
            for s in sources:
                if s.key not in side and self._armed(s):
                    yield self._found("fightingAgainst", a, s, "taken_from", 0.65)
        for s in sources:
            for place in (p for p in self._side(f.patients, owners=False) if p.kind == "place"):
                if self._word(f) in self.words.control and f.achieved:
                    yield self._found("controls", s, place, "taken_from", 0.6, status="Former")

    def _opposition(self, f: Frame, agents: list[Named]) -> Iterator[Found]:
        """An armed agent of a predicate with an "against" phrase is against its actors ("Kurdish
        units held their lines against IS", "the army used drones against the rebels"); of a verb of
        backing, those backed are ("Iran armed the Houthis against Riyadh")."""
        opposed = [p for p in self._side(f.opposed) if self._armed(p)]
        construction = "against_phrase"
        if f.kind == "verb" and self._word(f) in self.words.backing:
            agents = self._side(f.patients, owners=False)  # "Iran armed the Houthis against Riyadh": the armed fight
        elif f.kind == "verb" and self._word(f) in self.words.pitting:
            agents, construction = self._side(f.patients), "pitted_against"  # "the war pits the Houthis against the coalition"
        elif not agents and f.passive:
            agents = self._side(f.patients)  # "the FDLR, long allied with the army against M23"
        if self._word(f) in self.words.alliance:
            agents = agents + self._side(f.instruments)  # ... and the army it is allied with
        agents = agents + self._side(f.allies)
        side = {n.key for n in agents}
        for a in agents:
            if a.kind == "country" or self.reader.classes.get(a.key, "") in ARMED:
                for p in opposed:
                    if p.key not in side:
                        yield self._found("fightingAgainst", a, p, construction, 0.6)

    def _exchange(self, f: Frame, agents: list[Named]) -> Iterator[Found]:
        """"A and B traded artillery fire": the coordinated subjects of an exchange of fire fight
        each other."""
        if f.kind != "verb" or self._word(f) not in self.words.exchange or not any(self.doc[i].lower_ in self.words.fire for i in f.patients):
            return
        armed = [a for a in agents if self._armed(a)]
        for i, a in enumerate(armed):
            for b in armed[i + 1 :]:
                if a.key != b.key:
                    yield self._found("fightingAgainst", a, b, "exchanged_fire", 0.65)

    def _inflicted(self, f: Frame, agents: list[Named]) -> Iterator[Found]:
        """"X inflicted heavy losses on Y", "X dealt a major blow to Y", "X handed Y a decisive
        defeat": who brings a military harm upon a side fights it."""
        if f.kind != "verb" or f.passive or self._word(f) not in self.words.infliction:
            return
        harms = [self.doc[i] for i in f.patients if self.doc[i].lower_ in self.words.harm]
        if not harms:
            return
        verb = self.doc[f.head]
        heads = [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.tag_ != "IN"]
        for prep in (c for t in (verb, *harms) for c in t.children if c.lower_ in ("on", "upon", "to") and c.dep_ in ("prep", "dative")):
            heads += [c for c in prep.children if c.dep_ == "pobj"]
        targets = [n for t in heads for n in self.reader.spread(t, owners=True) if self._armed(n) or self._civilians(n)]
        for a in (a for a in agents if self._armed(a)):
            for t in (t for t in targets if t.key != a.key):
                yield self._found("fightingAgainst", a, t, "inflicted_on", 0.65)

    def _alliance(self, f: Frame, agents: list[Named]) -> Iterator[Found]:
        allies = [a for a in self._side(f.allies) if a.kind in ("actor", "country")]
        for a in agents:
            for b in allies:
                if a.key != b.key and a.kind in ("actor", "country"):
                    yield self._found("alliedWith", a, b, "fought_alongside", 0.7)
        distributive = any(c.dep_ == "preconj" and c.lower_ in ("both", "each", "either") for i in f.agents for c in self.doc[i].children)
        if f.kind == "verb" and self._word(f) not in self.words.refusing and any(self.doc[i].lower_ in self.words.alliance_nouns and not any(c.lower_ == "with" for c in self.doc[i].children) for i in f.patients):
            # "A and B announced an alliance": the subjects of a verb whose object is their alliance
            sides = [a for a in agents if a.kind in ("actor", "country")]
            for i, a in enumerate(sides):
                for b in sides[i + 1 :]:
                    if a.key != b.key:
                        yield self._found("alliedWith", a, b, "formed_alliance", 0.65)
        # agents of one hostile act ("A and B shelled X") or of one act against a side ("A and B
        # launched joint operations against X") act together
        # ("A and B launched a joint raid on X": the raid's agents, through its verb); never the
        # sides of a symmetric noun ("clashes between A and B")
        one_act = f.kind == "verb" or not f.symmetric
        if ((f.hostile and f.patients) or f.opposed) and one_act and not distributive:
            armed = [a for a in agents if self._armed(a)]
            for i, a in enumerate(armed):
                for b in armed[i + 1 :]:
                    if a.key != b.key:
                        yield self._found("alliedWith", a, b, "one_side_of_verb", 0.55)

    def _places(self, f: Frame, agents: list[Named]) -> Iterator[Found]:
        holders = [a for a in agents if a.kind in ("actor", "country") and a.key != UNIDENTIFIED_KEY]
        if f.passive and self._word(f) in self.words.presence:
            # "based in", "deployed to": the one sent is there; "mines planted by X near Y": X was
            present = [p for p in self._side(f.patients) if p.kind in ("actor", "country")]
            holders = present or holders
        if f.hostile:
            holders += [p for p in self._side(f.patients) if self._armed(p) and p.kind == "actor"]  # those attacked there are there too
        if not holders:
            return
        if f.kind == "verb" and self._word(f) in self.words.control and not f.passive:
            for place in (p for p in self._side(f.patients, owners=False) if p.kind == "place"):
                for h in holders:
                    yield self._found("controls", h, place, "control_verb", 0.7)
        if f.kind == "verb" and self._word(f) in self.words.expulsion and not f.passive:
            # "X ousted the Taliban from Kabul": X holds it now, the Taliban no longer
            for place in (p for p in self._side(f.sources, owners=False) if p.kind == "place"):
                for h in holders:
                    yield self._found("controls", h, place, "expelled_from", 0.6)
                for lost in (p for p in self._side(f.patients, owners=False) if p.kind in ("actor", "country")):
                    yield self._found("controls", lost, place, "expelled_from", 0.6, status="Former")
        if f.kind == "verb" and self._word(f) in self.words.loss:
            for place in (p for p in self._side(f.sources + f.patients, owners=False) if p.kind == "place"):
                for h in holders:
                    yield self._found("controls", h, place, "loss_verb", 0.6, status="Former")
            return
        if self._word(f) in self.words.presence:
            # "deployed to Gao", "entered Kidal", "patrolled the outskirts of Gao"
            heads = f.destinations + ([] if f.passive else f.patients)
            for place in (p for p in self._side(heads, owners=False) if p.kind in ("place", "country")):
                for h in holders:
                    yield self._found("operatesIn", h, place, "presence_verb", 0.65)
        if self._word(f) in self.words.presence or (f.hostile and self._word(f) not in self.words.remote):
            for place in (p for p in self._side(f.places, owners=False) if p.kind in ("place", "country")):
                for h in holders:
                    if place.kind == "place" or self.doc[place.token].head.lower_ in ("in", "inside", "across", "throughout"):
                        yield self._found("operatesIn", h, place, "presence_verb" if not f.hostile else "acts_in_place", 0.65)
