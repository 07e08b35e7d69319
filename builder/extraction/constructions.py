"""Affiliations read from constructions: spaCy ``DependencyMatcher`` patterns kept as data
(``affiliation_constructions`` in ``data/lexicons/constructions.json``), interpreted here.

A match binds tokens to the nodes of a pattern; the entry says which node is the subject of
the relation and which its object, and how each node is read (see the file's ``about``). A
relation is found only where a grammatical path joins the two names; it records the
construction's id and the dependency path between the two tokens (:class:`Found`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from . import terms as T
from .doc_columns import has_any
from .extensions import text_of
from .frames import Frame, is_verb
from .lexicon import Lexicon
from .phrases import Named, PhraseReader, dependency_path, first_conjunct
from .treematch import TreeMatcher

# Classes that can be a side of a fight (a country stands for its armed forces).
ARMED = frozenset((*T.ARMED_CLASSES, T.ARMED_ACTOR, T.UNIDENTIFIED_ARMED_GROUP))


@dataclass(frozen=True)
class Found:
    """One relation read from one construction."""

    prop: str
    subject: Named
    object: Named
    construction: str
    path: str
    status: str = "Current"
    role: str | None = None
    confidence: float = 0.7


@dataclass(frozen=True)
class Construction:
    """One entry of ``affiliation_constructions``."""

    id: str
    relation: str
    subject: str
    object: str
    person_relation: str | None = None
    country_relation: str | None = None
    actor_relation: str | None = None
    subject_via: str = "phrase"
    object_via: str = "phrase"
    spread: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    subject_kinds: tuple[str, ...] = ()
    object_kinds: tuple[str, ...] = ()
    confidence: float = 0.7
    status: str = "Current"
    check: str | None = None  # a named test of the two names (CHECKS)

    @classmethod
    def from_entry(cls, entry: dict) -> "Construction":
        fields = {k: entry[k] for k in cls.__dataclass_fields__ if k in entry}
        for key in ("spread", "states", "owners", "subject_kinds", "object_kinds"):
            fields[key] = tuple(entry.get(key, ()))
        return cls(**fields)

    def relation_for(self, subject_kind: str) -> str:
        by_kind = {"person": self.person_relation, "country": self.country_relation, "actor": self.actor_relation}
        return by_kind.get(subject_kind) or self.relation


def refusing_verbs(lex: Lexicon) -> frozenset[str]:
    """The forms of the verbs that end or deny what their object names ("ended its alliance",
    "denied any cooperation"): the constructions' check and the frame relations share them."""
    return frozenset(lex.forms("ending_verbs")) | frozenset(lex.forms("negating_verbs"))


@dataclass(frozen=True)
class AffiliationWords:
    former: frozenset[str]
    deputy: frozenset[str]
    splinter: frozenset[str]
    until: frozenset[str]
    echelons: dict  # echelon word -> rank, smallest first ("platoon" 1 ... "army" 7)
    refusing: frozenset[str]  # forms of verbs that end or deny what their object names

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> "AffiliationWords":
        echelons = {w.lower(): rank for rank, level in enumerate(lex.table("echelons").values(), 1) for w in level}
        return cls(lex.words("former_modifiers"), lex.words("deputy_words"), frozenset(lex.forms("splinter_nouns")), lex.words("end_markers"), echelons, refusing_verbs(lex))

    def echelon(self, name: str) -> int:
        """The echelon of a numbered unit's name ("3rd Battalion" -> 3); 0 for any other name."""
        if not any(ch.isdigit() for ch in name):
            return 0
        ranks = [self.echelons[w] for w in name.lower().replace(",", " ").split() if w in self.echelons]
        return ranks[-1] if ranks else 0


def _surface(reader: PhraseReader, named: Named) -> str:
    m = reader.at.get(named.token)
    return text_of(reader.doc)[m.start : m.end] if m is not None else reader.doc[named.token].text


def _action_phrase(prep: Token) -> bool:
    """"in shelling ISIL positions", "in the offensive on Hajin": an action, not a date or a place."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "for"):
        return False
    for obj in prep.children:
        if obj.dep_ == "pcomp" or (obj.dep_ == "pobj" and obj.tag_ in ("NN", "NNS", "VBG") and not obj.ent_type_):
            return True
    return False


def _whole_named(verb: Token, o: Named, reader: PhraseReader) -> bool:
    """Whether the subject of "Y include(s) A" names the whole A belongs to: a name ("the SDF
    include"), or a noun of its parts with the whole as owner ("NATO members include", "coalition
    nations that flew missions include", "whose factions include"); not what else an actor has
    ("Iran's allies include", "ISIS targets included", "the group's clients include"), nor a
    description of a set ("groups fighting the junta include")."""
    tok = next((c for c in first_conjunct(verb).children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if tok is None:
        return False
    m = reader.at.get(tok.i)
    if tok.lower_ in reader.words.collective:
        return o.token != tok.i or (m is not None and not m.generic and tok.tag_.startswith("NNP"))
    return (m is not None and not m.generic) or tok.lower_ in reader.words.relative


def _one_of_several(role: Token) -> bool:
    """Whether a title names one of several holders: "a commander of", "commanders", "one of the leaders"."""
    if role.tag_ in ("NNS", "NNPS") or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in role.children):
        return True
    return role.dep_ == "pobj" and role.head.lower_ == "of" and role.head.head.lower_ == "one"


def _checked(c: Construction, s: Named, o: Named, reader: PhraseReader, words: AffiliationWords, bound: dict[str, Token]) -> bool:
    """The construction's named test: ``smaller_unit`` (a unit is part only of a larger one),
    ``not_bracketed`` (a name in brackets after another is its second name, not its container),
    ``not_joined_in_action`` ("joined X in shelling" is acting together, not joining X),
    ``whole_named`` (:func:`_whole_named`), ``named_whole`` (the whole of "W, including A" is a
    name or a description read as one actor), ``definite_title`` / ``indefinite_title`` (a title
    names the head, or one of several holders: :func:`_one_of_several`), ``not_refused`` (the
    verb over a noun of acting together neither ends nor denies it), ``armed_sides`` (both names
    are armed: an anti-ISIS coalition fights, anti-government protesters do not),
    ``armed_object`` (the object is: Haftar's Libyan National Army, not Anderson's iron
    company)."""
    if c.check in ("armed_sides", "armed_object"):
        sides = (s, o) if c.check == "armed_sides" else (o,)
        return all(n.kind == "country" or reader.classes.get(n.key, "") in ARMED for n in sides)
    if c.check == "whole_named":
        return _whole_named(bound[c.object], o, reader)
    if c.check == "named_whole":  # "the international community, including China", not "Western countries, including France"
        whole = reader.at.get(bound[c.object].i)
        return bound[c.object].tag_.startswith("NNP") or (whole is not None and not whole.generic)
    if c.check == "not_bracketed":
        doc = reader.doc
        return not any(t.text == "(" for t in doc[min(s.token, o.token) : max(s.token, o.token)])  # "Gare (Chiya-e Gara)": a second name
    if c.check == "not_joined_in_action":
        # "joined Iraqi troops in shelling": acting together, not joining the organisation
        verb = bound[c.object].head  # the verb of the object's node (the name may sit inside it: "Iraqi army troops")
        return not any(_action_phrase(child) for child in verb.children)
    if c.check in ("definite_title", "indefinite_title"):  # "a Hezbollah commander" is one of several, a member
        return _one_of_several(bound[c.subject]) == (c.check == "indefinite_title")
    if c.check == "not_refused":  # "denied any cooperation with X", "ended its alliance with X"
        noun = bound["noun"]
        return noun.head.lower_ not in words.refusing and noun.head.head.lower_ not in words.refusing
    if c.check == "smaller_unit":
        small, large = words.echelon(_surface(reader, s)), words.echelon(_surface(reader, o))
        return 0 < small < large
    return True


def ended(tok: Token, until: frozenset[str]) -> bool:
    """Whether the clause of a token says when it ended: "led the group until his death",
    "headed until August 2023 by X" (on the token or on the verb it is coordinated with)."""
    if not has_any(tok.doc, until):
        return False  # no such word in the document (most): its children need not be read
    for node in (tok, tok.head if tok.dep_ == "conj" else tok):
        if any(c.lower_ in until for c in node.children) or any(g.lower_ in until for c in node.children if c.dep_ in ("advcl",) for g in c.children):
            return True
    return False


class ConstructionMatcher:
    """The dependency patterns of every construction, compiled once per pipeline (matched by
    :class:`TreeMatcher`: spaCy's matches, in spaCy's order, without its cost)."""

    def __init__(self, vocab: Vocab, lex: Lexicon, name: str = "affiliation_constructions") -> None:
        self.matcher = TreeMatcher(vocab)
        self.constructions: dict[str, Construction] = {}
        self.nodes: dict[str, list[str]] = {}
        for entry in lex.dependency_patterns(name):
            self.matcher.add(entry["id"], [entry["pattern"]])
            self.constructions[entry["id"]] = Construction.from_entry(entry)
            self.nodes[entry["id"]] = [node["RIGHT_ID"] for node in entry["pattern"]]
        self.words = AffiliationWords.from_lexicon(lex)

    def __call__(self, doc: Doc, reader: PhraseReader, frames: dict[int, Frame]) -> list[Found]:
        out: list[Found] = []
        vocab = doc.vocab
        for match_id, token_ids in self.matcher(doc):
            cid = vocab.strings[match_id]
            bound = {name: doc[i] for name, i in zip(self.nodes[cid], token_ids)}
            out += _interpret(self.constructions[cid], bound, reader, frames, self.words)
        return unique(out)


def unique(found: Iterable[Found], key: Callable[[Found], tuple] = lambda f: (f.prop, f.subject.key, f.object.key, f.construction)) -> list[Found]:
    """The relations found, each once by ``key`` (by default: once per construction)."""
    seen: set[tuple] = set()
    out = []
    for f in found:
        key_of = key(f)
        if key_of not in seen:
            seen.add(key_of)
            out.append(f)
    return out


def passive_subject(tok: Token) -> Token | None:
    """What a participle is said of: its passive subject, the noun it modifies, or the subject of
    the copula it complements ("the militia is allied with ...")."""
    tok = first_conjunct(tok)
    for child in tok.children:
        if child.dep_ in ("nsubjpass", "nsubj") and child.tag_ != "EX":
            return child
    before = tok.doc[tok.left_edge.i - 2] if tok.left_edge.i >= 2 and tok.doc[tok.left_edge.i - 1].text == "," else None
    if tok.dep_ == "advcl" and before is not None and before.tag_.startswith("NN") and before.ent_type_ not in ("DATE", "TIME"):
        return before  # "manned by the Ma'awisley, allied with the army": the phrase describes the noun before it
    if tok.dep_ == "advcl" and tok.i < tok.head.i:
        subject = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > tok.i), None)
        if subject is not None:
            return subject  # "Made up of A and B, the PMF answer to ...": the phrase describes the subject after it
    if tok.dep_ in ("acl", "amod", "appos", "relcl", "advcl") and tok.head.i != tok.i:
        if tok.dep_ == "advcl" and is_verb(tok.head):
            # "the brigades are, in most accounts, recruited and paid by X": said of the subject
            # of the clause the participle hangs on
            return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ != "EX"), None)
        return tok.head
    if tok.dep_ in ("acomp", "attr", "oprd") and tok.head.i != tok.i:
        return next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def clause_subjects(tok: Token, frames: dict[int, Frame]) -> list[Token]:
    """The subject of a verb's clause, active or passive, shared through coordination."""
    frame = frames.get(tok.i)
    doc = tok.doc
    if frame is not None and (frame.agents or frame.patients):
        heads = frame.patients if frame.passive else frame.agents
        return [doc[i] for i in heads]
    subject = passive_subject(tok)
    return [subject] if subject is not None else []


def agents_of(tok: Token, frames: dict[int, Frame]) -> list[Token]:
    """Who acts in the clause a phrase is attached to: the agents of the verb (or the patients of
    a passive verb without a 'by' phrase: "the town was taken with Russian support"), or the
    noun itself when the phrase modifies a noun ("Syrian troops, with Russian support")."""
    frame = frames.get(tok.i)
    doc = tok.doc
    if frame is not None and frame.kind == "verb":
        if frame.agents:
            return [doc[i] for i in frame.agents]
        if frame.passive and frame.patients:
            return [doc[i] for i in frame.patients]
    elif frame is not None and frame.agents:
        return [doc[i] for i in frame.agents]
    if is_verb(tok):
        # "Founded in 1982 with the help of Iran, Hezbollah grew": a participle without a subject
        # of its own is said of the subject of the clause it modifies
        participle = tok.tag_ in ("VBN", "VBD", "VB") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)  # "Set up in 2014 ...": the tagger's VB
        said_of = passive_subject(tok) if participle and tok.dep_ in ("advcl", "acl") else None
        return [said_of] if said_of is not None and not is_verb(said_of) else []
    return [tok]


def _tokens(via: str, tok: Token, frames: dict[int, Frame]) -> list[Token]:
    if via == "passive_subject":
        found = passive_subject(tok)
        return [found] if found is not None else []
    if via == "clause_subject":
        return clause_subjects(tok, frames)
    if via == "agents":
        return agents_of(tok, frames)
    return [tok]


def _read(c: Construction, node: str, via: str, bound: dict[str, Token], reader: PhraseReader, frames: dict[int, Frame]) -> list[Named]:
    out: list[Named] = []
    for tok in _tokens(via, bound[node], frames):
        read = reader.spread if node in c.spread else reader.entities
        owners = node in c.owners or via in ("clause_subject", "agents")  # "Arakan Army fighters took ..."
        for named in read(tok, owners=owners, states=node in c.states):
            if named.key not in {n.key for n in out}:
                out.append(named)
    return out


def _status(c: Construction, bound: dict[str, Token], words: AffiliationWords) -> tuple[str, str | None]:
    """Former where a matched noun or participle is modified by "former", "ex-", "once";
    a splinter is a former part; a deputy's post is a command with the role "deputy"."""
    status, role = c.status, None
    for tok in bound.values():
        around = list(tok.children) + (list(tok.head.children) if tok.dep_ in ("attr", "acomp") else [])  # "was once the leader"
        if tok.dep_ in ("attr", "acomp") and tok.head.dep_ == "xcomp" and tok.head.head.lower_ == "used":
            status = "Former"  # "used to be a commander"
        mods = [m.lower_ for m in around if m.dep_ in ("amod", "advmod", "compound", "nmod", "npadvmod")]
        if any(m in words.former or m.rstrip("-") in words.former for m in mods):
            status = "Former"
        if any(m in words.deputy for m in mods) and c.relation == "commanderOf":
            role = "deputy"
        if tok.lower_ in words.splinter or ended(tok, words.until):
            status = "Former"
    return status, role


def _interpret(c: Construction, bound: dict[str, Token], reader: PhraseReader, frames: dict[int, Frame], words: AffiliationWords) -> list[Found]:
    anchor = frames.get(bound[next(iter(bound))].i)
    if anchor is not None and not anchor.achieved:
        return []  # "denied being backed by Iran", "plans to join the alliance"
    subjects = _read(c, c.subject, c.subject_via, bound, reader, frames)
    objects = _read(c, c.object, c.object_via, bound, reader, frames) if subjects else []
    if not objects:
        return []  # most matches: a side names nobody
    status, role = _status(c, bound, words)
    out = []
    for s in subjects:
        if c.subject_kinds and s.kind not in c.subject_kinds:
            continue
        for o in objects:
            if s.key == o.key or (c.object_kinds and o.kind not in c.object_kinds):
                continue
            if o.kind == "place" and c.relation not in ("controls", "locatedIn", "operatesIn"):
                continue
            if not _checked(c, s, o, reader, words, bound):
                continue
            prop = c.relation_for(s.kind)
            path = dependency_path(reader.doc[s.token], reader.doc[o.token])
            out.append(Found(prop, s, o, c.id, path, status, role if prop == "commanderOf" else None, c.confidence))
    return out
