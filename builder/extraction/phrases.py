"""Which entity a noun phrase of the parse names.

Constructions relate tokens ("backed" modifies "militia"); facts relate entities. A
:class:`PhraseReader` reads the entity a token's phrase names, through the grammar only:

- a mention of the document that covers the token ("Hayat Tahrir al-Sham");
- a relative pronoun: the noun its clause modifies ("the group, which controls ...");
- a describing noun ("militia", "leader", "ally") in apposition to a name, as the complement of a
  copula ("X is an Iranian-backed militia"), or as a title before a name ("HTS leader Abu X");
- a plural noun followed by its examples ("factions such as A and B", "groups including A");
- with ``owners``: what belongs to an actor stands for it ("ISIS positions", "the positions of
  the army", "Al-Shabaab fighters", "Somali troops": the forces of Somalia);
- a nationality or a capital used for its state ("Iranian-backed", "Tehran-backed"), when asked.

:func:`dependency_path` writes the path between two tokens that every relation records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .terms import ARMED_CLASSES, STATE_FORCE
from .lexicon import Lexicon
from .extensions import char_span

KINDS = ("actor", "person", "country", "place")
NON_STATE = frozenset(ARMED_CLASSES) - {STATE_FORCE}
HYPHENS = frozenset(("-", "\u2010", "\u2013"))


NAME_AFTER_TITLE = 12  # tokens: "the head of the Guards of the Hills, Hassan Dirar"


@dataclass(frozen=True)
class Named:
    """An entity a phrase names, and the token that names it."""

    key: str
    kind: str  # actor | person | country | place
    token: int


@dataclass(frozen=True)
class PhraseWords:
    """Vocabularies the reader uses, inflected once per pipeline."""

    describing: frozenset[str]
    owned: frozenset[str]
    list_markers: frozenset[str]
    copulas: frozenset[str]
    relative: frozenset[str]
    collective: frozenset[str]
    place_nouns: frozenset[str]
    person_nouns: frozenset[str]
    titles: frozenset[str]  # ranks and command nouns, written before a name
    part_nouns: frozenset[str]
    anaphoric: frozenset[str]  # "the group": a named non-state group referred back to
    name_heads: frozenset[str] = frozenset()  # "the front": the group last named "... Front"
    relating: frozenset[str] = frozenset()  # prepositions after which "the front" still refers back
    stances: frozenset[str] = frozenset()  # "anti-", "pro-": a name after one is not an owner

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> "PhraseWords":
        describing: set[str] = set()
        for name in ("group_nouns", "command_nouns", "member_nouns", "office_nouns", "subunit_nouns", "umbrella_nouns", "ally_nouns", "enemy_nouns", "proxy_nouns"):
            describing |= set(lex.forms(name))
        ranks = {w for r in lex.words("rank_head_nouns") for w in (r, r + "s")}
        return cls(
            describing=frozenset(describing | ranks),
            owned=frozenset(lex.forms("owned_nouns")),
            list_markers=lex.words("list_markers"),
            copulas=frozenset(lex.forms("copulas")),
            relative=lex.words("relative_pronouns"),
            collective=frozenset(lex.forms("collective_members")),
            place_nouns=frozenset(lex.forms("place_head_nouns")),
            person_nouns=frozenset(lex.forms("command_nouns")) | frozenset(lex.forms("member_nouns")) | frozenset(lex.forms("office_nouns")) | ranks,
            titles=frozenset(lex.forms("command_nouns")) | ranks,
            part_nouns=frozenset(lex.forms("subunit_nouns")),
            anaphoric=lex.words("anaphoric_group_nouns"),
            name_heads=lex.words("name_head_anaphors"),
            relating=lex.words("anaphor_relating_prepositions"),
            stances=lex.words("stance_prefixes"),
        )


@dataclass(frozen=True)
class MentionAt:
    """A mention reduced to what the reader needs: its characters, entity key and kind."""

    start: int
    end: int
    key: str
    kind: str
    cls: str = ""  # ontology class of the entity
    generic: bool = False  # a description standing for someone ("a commander", "the spokesman")


class PhraseReader:
    """Reads entities from tokens of one parsed document (built per document, read-only)."""

    def __init__(
        self,
        doc: Doc,
        mentions: Iterable[MentionAt],
        words: PhraseWords,
        state_of: Callable[[str], str | None] = lambda text: None,
        forces_of: Callable[[str], str | None] = lambda iso: None,
    ) -> None:
        self.doc, self.words = doc, words
        self.state_of, self.forces_of = state_of, forces_of
        self.at: dict[int, MentionAt] = {}
        self.classes: dict[str, str] = {}
        self.antecedent: dict[int, int] = {}  # pronoun token -> the token of the phrase it stands for
        self._read: dict[tuple, list[Named]] = {}  # readings made (see :meth:`entities`)
        for m in sorted(mentions, key=lambda m: m.end - m.start):
            span = char_span(doc, m.start, m.end)
            if span is None or m.kind not in KINDS:
                continue
            self.classes.setdefault(m.key, m.cls)
            for tok in span:
                self.at.setdefault(tok.i, m)

    def mention(self, tok: Token) -> Named | None:
        m = self.at.get(tok.i)
        return Named(m.key, m.kind, tok.i) if m is not None else None

    def entities(self, tok: Token, owners: bool = False, states: bool = False, depth: int = 0) -> list[Named]:
        """The entities the phrase headed by ``tok`` names (several for a list of examples).
        Each reading is made once per document (the phrases a reading passes through branch at
        every apposition and list: a long run of them would be read again and again)."""
        if depth > 4:
            return []
        key = (tok.i, owners, states, depth, len(self.antecedent))  # a pronoun resolved since changes readings
        if key not in self._read:
            self._read[key] = self._entities(tok, owners, states, depth)
        return list(self._read[key])

    def _entities(self, tok: Token, owners: bool, states: bool, depth: int) -> list[Named]:
        m = self.at.get(tok.i)
        if m is not None and m.generic and tok.lower_ in self.words.describing:
            described = self._described(tok, owners, states, depth)  # "A commander of the NDF, Col. X"
            if described:
                return described
        named = self.mention(tok) or self._name_head(tok)
        if named is not None and named.kind == "place" and states and (iso := self.state_of(tok.text)):
            return [Named(f"country:{iso}", "country", tok.i)]  # "backed by Washington": the state, not the town
        if named is not None:
            return [named]
        if tok.lower_ in self.words.relative:
            clause = next((t for t in (tok, *tok.ancestors) if t.dep_ == "relcl"), None)  # "which", "whose members"
            if clause is not None:
                return self.entities(clause.head, owners, states, depth + 1)
        if tok.i in self.antecedent:
            # the pronoun names them where it stands: the relation is stated in its own sentence
            return [replace(n, token=tok.i) for n in self.entities(self.doc[self.antecedent[tok.i]], owners, states, depth + 1)]
        listed = self._examples(tok, owners, depth)
        if listed:
            return listed
        lower = tok.lower_
        if lower in self.words.place_nouns:
            place = self._place_named(tok, depth)
            if place:
                return place
        if lower in self.words.describing:
            described = self._described(tok, owners, states, depth)
            if described:
                return described
        if lower in self.words.collective and tok.tag_ in ("NNS", "NNPS"):
            possessor = next((c for c in tok.children if c.dep_ == "poss"), None)
            if possessor is not None:
                return self.entities(possessor, owners, states, depth + 1)  # "whose members include A"
        if owners and (lower in self.words.owned or tok.tag_ in ("NN", "NNS")):
            owned = self._owner(tok, depth)
            if owned:
                return owned
        if states:
            iso = self.state_of(tok.text)
            if iso:
                return [Named(f"country:{iso}", "country", tok.i)]
        return []

    def spread(self, tok: Token, owners: bool = False, states: bool = False) -> list[Named]:
        """The entities of a phrase and of the phrases coordinated with it ("A, B and C")."""
        out: list[Named] = []
        for t in (tok, *tok.conjuncts, *listed_on(tok), *_list_read_as_apposition(tok)):
            for named in self.entities(t, owners, states):
                if named.key not in {n.key for n in out}:
                    out.append(named)
        return out

    def _name_head(self, tok: Token) -> Named | None:
        """A proper name whose mention stops before its head word ("Jaysh al-Ahrar al-Jadid" found
        as "Jaysh al-Ahrar"): the mention of the name's first words."""
        if not tok.tag_.startswith("NNP") or tok.lower_ in self.words.titles:
            return None  # "U.S. Army General": a title after a force's name is no part of the name
        for child in tok.children:
            if child.dep_ == "compound" and child.i < tok.i and not self._after_stance(child):
                named = self.mention(child)
                if named is not None and named.kind in ("actor", "person"):
                    return Named(named.key, named.kind, tok.i)
        return None

    def _examples(self, tok: Token, owners: bool, depth: int) -> list[Named]:
        """"factions such as A and B", "groups including A", "groups like A"."""
        for prep in tok.children:
            if prep.dep_ != "prep":
                continue
            if self._list_marker(prep):
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                return [n for o in objs for t in (o, *o.conjuncts) for n in self.entities(t, owners, False, depth + 1)]
        return []

    def _place_named(self, tok: Token, depth: int) -> list[Named]:
        """"Kherson city", "Paletwa township", "the town of Hajin", "the capital, Juba", "Raqqa,
        the group's capital", "Kismayo was the largest town"."""
        for child in tok.children:
            if child.dep_ in ("compound", "appos", "nmod") or (child.dep_ == "prep" and child.lower_ == "of"):
                targets = [child] if child.dep_ != "prep" else [o for o in child.children if o.dep_ == "pobj"]
                found = [n for t in targets for n in self.entities(t, depth=depth + 1) if n.kind in ("place", "country")]
                if found:
                    return found
        named_by = tok.head if tok.dep_ == "appos" else copula_subject(tok.head) if tok.dep_ == "attr" and tok.head.lower_ in self.words.copulas else None
        if named_by is not None:
            return [n for n in self.entities(named_by, depth=depth + 1) if n.kind in ("place", "country")]
        return []

    def _list_marker(self, prep: Token) -> bool:
        if prep.lower_ in self.words.list_markers:
            return True
        before = prep.doc[prep.i - 1] if prep.i > 0 else None
        return prep.lower_ == "as" and (any(c.lower_ == "such" for c in prep.children) or (before is not None and before.lower_ == "such"))

    def _described(self, tok: Token, owners: bool, states: bool, depth: int) -> list[Named]:
        """The name a describing noun stands beside: apposition, copula, title before a name,
        a name before it ("the Tribal Shield militia", "the Wagner group")."""
        person_noun = tok.lower_ in self.words.person_nouns
        # "an Australian Army formation": the name before a part noun with "a" is whose part it is
        owner_before = tok.lower_ in self.words.part_nouns and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
        # "the Tribal Shield militia"; of people only in the plural, not of a title: "MILF fighters",
        # "Philippine army troops" are that actor's forces, "a Hezbollah commander" is a person
        forces = tok.tag_ == "NNS" and tok.lower_ not in self.words.titles
        for child in tok.children:
            if child.dep_ in ("compound", "nmod") and child.i < tok.i and (child.tag_.startswith("NNP") or forces) and not ((person_noun and not forces) or owner_before or self._after_stance(child)):
                named = self.mention(child)
                if named is not None and named.kind == "actor":
                    also = [m for c in child.conjuncts if (m := self.mention(c)) is not None and m.kind == "actor"]
                    return [named, *also]  # "Hamas and PIJ fighters": the fighters of both
        for child in tok.children:
            if child.dep_ == "appos":
                found = self.entities(child, owners, states, depth + 1)
                if person_noun:
                    found = [n for n in found if n.kind == "person"]  # "X, commander, U.S. Central Command"
                if found:
                    return found
        if person_noun:
            people = self._name_hung_below(tok, depth)
            if people:
                return people
        head = tok.head
        if tok.dep_ == "conj" and head.tag_ in ("NN", "NNS") and (head.lower_ in self.words.describing or head.dep_ in ("attr", "appos")) and self.mention(head) is None:
            return self._described(head, owners, states, depth + 1)  # "X is a lawyer and a member of Y"
        before = comma_antecedent(tok)
        if before is not None:
            return self.entities(before, owners, states, depth + 1)  # "al-Hariri, once a commander of the FSA"
        if tok.dep_ == "appos" or (tok.dep_ == "compound" and self.mention(head) is not None and head.i > tok.i):
            return self.entities(head, owners, states, depth + 1)
        if tok.dep_ in ("attr", "acomp") and head.lower_ in self.words.copulas:
            subject = copula_subject(head)
            if subject is not None:
                return self.entities(subject, owners, states, depth + 1)
        if tok.dep_ == "nsubj" and head.lower_ in self.words.copulas:
            named = next((c for c in head.children if c.dep_ == "attr"), None)  # "its first commander was X"
            if named is not None and named.tag_.startswith("NNP"):
                return self.entities(named, owners, states, depth + 1)
        if tok.dep_ == "oprd":  # "X was elected chairman of Y", "named him head of Y": said of the one named
            said_of = next((c for c in head.children if c.dep_ in ("nsubjpass", "dobj")), None)
            if said_of is not None:
                return self.entities(said_of, owners, states, depth + 1)
        if tok.dep_ == "pobj" and head.lower_ == "as" and head.head.i != head.i:
            # "regard X as a proxy of Y", "X is seen as a proxy of Y", "X served as a member of Y"
            verb = head.head
            said_of = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None) or next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if said_of is not None:
                return self.entities(said_of, owners, states, depth + 1)
        return []

    def _name_hung_below(self, tok: Token, depth: int) -> list[Named]:
        """"A former commander of the LRA, Dominic Ongwen", "the head of the Guards of the Hills,
        Hassan Dirar": the parser hangs the person's name on the organisation after the title."""
        for prep in (c for c in tok.children if c.dep_ == "prep"):
            for inner in prep.subtree:  # the name comes a few words after the title, never far away
                if inner.dep_ == "appos" and inner.head.i != tok.i and inner.i - tok.i <= NAME_AFTER_TITLE:
                    people = [n for n in self.entities(inner, depth=depth + 1) if n.kind == "person"]
                    if people:
                        return people
        return []

    def _after_stance(self, tok: Token) -> bool:
        """Whether a name follows a prefix of stance and a hyphen ("anti-Taliban", "pro-Turkish"):
        the noun it modifies is for or against it, not its own."""
        doc, m = self.doc, self.at.get(tok.i)
        first = tok.i
        while m is not None and first > 0 and self.at.get(first - 1) is m:
            first -= 1  # "anti-Boko Haram": the hyphen stands before the name's first word
        return first >= 2 and doc[first - 1].text in HYPHENS and doc[first - 2].lower_ in self.words.stances

    def _owner(self, tok: Token, depth: int) -> list[Named]:
        """Whose a thing is: "ISIS positions", "the army's positions", "positions of the army",
        "Somali troops" (a nationality: that state's forces)."""
        for child in tok.children:
            if child.dep_ in ("compound", "poss", "nmod", "amod", "npadvmod") and child.i < tok.i and not self._after_stance(child):
                # "Al-Shabaab and ISIS fighters": the fighters of both
                found = [n for c in (child, *child.conjuncts) for n in self.entities(c, False, False, depth + 1)]
                if not found and child.dep_ == "compound":
                    found = self._owner(child, depth + 1)  # "Ma'awisley clan fighters"
                if found:
                    return found
                iso = self.state_of(child.text) if child.dep_ in ("amod", "compound", "nmod") else None
                forces = self.forces_of(iso) if iso else None
                if forces:
                    return [Named(forces, "actor", child.i)]
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "belonging"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.entities(obj, False, False, depth + 1)
        return []


def first_conjunct(tok: Token) -> Token:
    """The first of the phrases coordinated with ``tok`` ("A, B and C": A), which holds the role
    in the clause the others share; ``tok`` itself when it is no conjunct."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _list_read_as_apposition(tok: Token) -> list[Token]:
    """The items of a list the parser hung on its first name as an apposition ("FARDC, the FDLR
    and Wazalendo fighters": "the FDLR" an apposition of FARDC with "fighters" its conjunct): a
    proper name in apposition that is itself coordinated, and its conjuncts. An apposition of a
    common noun ("Ahmed, the commander and founder of X") stays a description of the name."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ == "appos" and child.tag_ in ("NNP", "NNPS") and any(g.dep_ == "cc" for g in child.children):
            out += [child, *child.conjuncts]
    return out


def listed_on(tok: Token) -> list[Token]:
    """The rest of a list after "including" or "such as" that the parser hung on the noun before
    as appositions ("the Forces, including the Army, the Navy and the Air Force": "Navy" an
    apposition of "Forces"), with their conjuncts."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("including", "as", "like") or prep.head.i == prep.i:
        return []
    owner = prep.head.head if prep.lower_ == "as" and prep.head.lower_ == "such" else prep.head
    after = [c for c in owner.children if c.dep_ == "appos" and c.i > tok.i]
    return [t for c in after for t in (c, *c.conjuncts)]


def comma_antecedent(tok: Token) -> Token | None:
    """The noun a phrase set off by a comma right after it describes, where the parser hung the
    phrase on the verb instead ("shot dead X, once a commander of Y", "manned by X, allied with Y")."""
    if tok.dep_ not in ("advcl", "npadvmod", "dep", "conj", "oprd", "advmod") or tok.left_edge.i < 2:
        return None
    comma = tok.doc[tok.left_edge.i - 1]
    before = tok.doc[tok.left_edge.i - 2]
    return before if comma.text == "," and before.tag_.startswith("NN") else None


def copula_subject(copula: Token) -> Token | None:
    """The subject of a copula, or of the verb it completes ("X used to be a commander", "X is
    said to be the leader"), or of the verb it is coordinated with."""
    node = copula
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.dep_ not in ("xcomp", "conj", "ccomp") or node.head.i == node.i:
            return None
        node = node.head
    return None


def dependency_path(a: Token, b: Token) -> str:
    """The path between two tokens through their lowest common head, e.g.
    ``Houthis >appos> movement >amod> backed >npadvmod> Iranian`` or
    ``council <nsubjpass< run >agent> by >pobj> Ali``."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    common = next((t for t in up_a if t in up_b), None)
    if common is None:
        return f"{a.text} ~ {b.text}"
    left = up_a[: up_a.index(common)]
    right = list(reversed(up_b[: up_b.index(common)]))
    parts = [a.text]
    for tok in left:
        parts.append(f"<{tok.dep_}< {tok.head.text}")
    for tok in right:
        parts.append(f">{tok.dep_}> {tok.text}")
    return " ".join(parts)
