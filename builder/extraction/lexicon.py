"""The extraction's knowledge of English, as data: word lists, mappings and matcher patterns.

Every vocabulary the rules read (trigger words, ranks, number words, force and people nouns,
place cues, Arabic articles, ACLED note prefixes, weapons, token patterns for spaCy's
``Matcher`` and dependency patterns for its ``DependencyMatcher``) lives in one JSON file of
``data/lexicons/`` and is loaded and validated here, in one place (:func:`load_lexicon`).

A file holds::

    {"about": "...", "source": "...",
     "vocabularies": {
        "NAME": {"kind": "words", "about": "...", "entries": ["word", ...]},
        "NAME": {"kind": "map", "about": "...", "entries": {"key": "value", ...}},
        "NAME": {"kind": "regex", "about": "...", "entries": ["alternative", ...], "flags": "i",
                 "template": "optional: the expression around the alternatives, which stand at {}"},
        "NAME": {"kind": "token_patterns", "about": "...", "entries": [{"label": "...", "pattern": [...]}, ...]},
        "NAME": {"kind": "dependency_patterns", "about": "...", "entries": [{"id": "...", "pattern": [...]}, ...]}}}

Validation fails with a coded error (:class:`LexiconError`, E022) on a malformed file, a name
defined twice, two word lists with the same words (one copy of each vocabulary), a pattern
spaCy's matchers reject, and an ontology term (``class``, ``relation``, ``event`` keys of
pattern entries, or of the object values of a ``map``) that ``ontology/armed_actors.ttl`` does
not define.

A ``regex`` may name another vocabulary instead of repeating it: ``{{NAME}}`` in its entries or
template stands for ``(?:w1|w2|...)``, the words of list ``NAME`` (escaped, in their order) or
the alternatives of expression ``NAME``; ``{{NAME:Cased}}`` adds each word capitalised after it
(``al|Al|el|El``), for expressions that are case-sensitive. An unknown name fails (E022).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import ArmedKGError
from ..literals import looking_ahead

DEFAULT_LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicons"
KINDS = ("words", "map", "regex", "token_patterns", "dependency_patterns")
# Keys of pattern entries whose values are ontology terms (class or property local names).
ONTOLOGY_KEYS = ("class", "relation", "person_relation", "country_relation", "actor_relation", "event")


class LexiconError(ArmedKGError):
    """A lexicon or pattern file under data/lexicons is malformed."""

    code = "E022"


@dataclass(frozen=True)
class Vocabulary:
    """One named vocabulary of a lexicon file."""

    name: str
    kind: str
    about: str
    entries: Any
    file: str
    flags: str = ""
    template: str = ""


@dataclass(frozen=True)
class Lexicon:
    """All vocabularies, by name. Read-only; regular expressions built from word lists are
    compiled once per lexicon (:meth:`regex`)."""

    vocabularies: Mapping[str, Vocabulary]
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def _get(self, name: str, kind: str) -> Vocabulary:
        voc = self.vocabularies.get(name)
        if voc is None:
            raise LexiconError(f"no vocabulary named '{name}' in the lexicons", f"Add it to a file of {DEFAULT_LEXICON_DIR}.")
        if voc.kind != kind:
            raise LexiconError(f"vocabulary '{name}' is of kind {voc.kind}, not {kind}", "Use the accessor of its kind.")
        return voc

    def words(self, name: str) -> frozenset[str]:
        """A word list, lower-cased."""
        key = ("words", name)
        if key not in self._cache:
            self._cache[key] = frozenset(w.lower() for w in self._get(name, "words").entries)
        return self._cache[key]

    def mapping(self, name: str) -> Mapping[str, Any]:
        """A mapping; keys are lower-cased."""
        key = ("map", name)
        if key not in self._cache:
            self._cache[key] = {k.lower(): v for k, v in self._get(name, "map").entries.items()}
        return self._cache[key]

    def forms(self, name: str) -> Mapping[str, str]:
        """Every inflected form of the lemmas of a word list, mapped to its lemma ("fought" ->
        "fight"), with the irregular forms of ``irregular_forms``."""
        key = ("forms", name)
        if key not in self._cache:
            from .morphology import inflect

            irregular = self.mapping("irregular_forms") if "irregular_forms" in self.vocabularies else {}
            self._cache[key] = inflect(self.words(name), irregular)
        return self._cache[key]

    def any_forms(self, *names: str) -> frozenset[str]:
        """Every inflected form of the lemmas of several word lists, one set (a quick test of
        whether a word can be any of them)."""
        key = ("any_forms", names)
        if key not in self._cache:
            self._cache[key] = frozenset(form for name in names for form in self.forms(name))
        return self._cache[key]

    def pattern(self, name: str) -> re.Pattern:
        """A regular expression kept as data: its alternatives joined with ``|``, compiled once."""
        key = ("pattern", name)
        if key not in self._cache:
            self._cache[key] = _compile(self._get(name, "regex"), self.vocabularies)
        return self._cache[key]

    def source(self, name: str) -> str:
        """The text of a regular expression as written (its alternatives joined, references
        expanded), to build a larger one from: the compiled :meth:`pattern` may hold a look-ahead
        around it (:func:`builder.literals.looking_ahead`)."""
        return _source(self._get(name, "regex"), self.vocabularies)

    def table(self, name: str) -> Mapping[str, Any]:
        """A mapping as written (keys keep their case: ontology class names, Penn tags)."""
        return self._get(name, "map").entries

    def exact(self, name: str) -> frozenset[str]:
        """A word list as a set, case kept (names, ISO codes)."""
        key = ("exact", name)
        if key not in self._cache:
            self._cache[key] = frozenset(self._get(name, "words").entries)
        return self._cache[key]

    def listed(self, name: str) -> list[str]:
        """A word list in its order, as written."""
        return list(self._get(name, "words").entries)

    def alternation(self, name: str, longest_first: bool = False) -> str:
        """The words of a list (or the keys of a mapping) escaped and joined with ``|``, in their
        order or longest first (by escaped length; the first written wins a tie)."""
        voc = self.vocabularies.get(name)
        if voc is None or voc.kind not in ("words", "map"):
            raise LexiconError(f"no word list or mapping named '{name}' in the lexicons", f"Add it to a file of {DEFAULT_LEXICON_DIR}.")
        alts = [re.escape(w) for w in voc.entries]
        return "|".join(sorted(alts, key=len, reverse=True) if longest_first else alts)

    def token_patterns(self, name: str) -> list[dict]:
        """Token patterns, with every ``"@list"`` reference replaced by the forms of that list."""
        return [resolve_references(e, self) for e in self._get(name, "token_patterns").entries]

    def dependency_patterns(self, name: str) -> list[dict]:
        """Dependency patterns, with every ``"@list"`` reference replaced by the forms of that list."""
        return [resolve_references(e, self) for e in self._get(name, "dependency_patterns").entries]

    def regex(self, name: str, template: str = r"\b(?:{})\b", flags: int = re.I) -> re.Pattern:
        """The words of a list (or the keys of a mapping) as one alternation, longest first,
        each word escaped except where the entry is written as a regular-expression fragment
        (entries of a list whose ``about`` says so start with ``re:``)."""
        key = ("regex", name, template, flags)
        if key not in self._cache:
            voc = self.vocabularies[name]
            items = voc.entries if voc.kind == "words" else list(voc.entries)
            alts = sorted((_fragment(w) for w in items), key=len, reverse=True)
            self._cache[key] = re.compile(template.format("|".join(alts)), flags)
        return self._cache[key]

    @cached_property
    def names(self) -> list[str]:
        return sorted(self.vocabularies)


def resolve_references(value: Any, lex: "Lexicon") -> Any:
    """A pattern with each ``{"IN": "@name"}`` (or ``NOT_IN``) replaced by the inflected forms of
    the word list ``name``, and each ``"@=name"`` by its words as written (names and nouns that
    must not be inflected as verbs): a pattern refers to a vocabulary instead of copying it."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if k in ("IN", "NOT_IN") and isinstance(v, str) and v.startswith("@="):
                out[k] = sorted(lex.words(v[2:]))
            elif k in ("IN", "NOT_IN") and isinstance(v, str) and v.startswith("@"):
                out[k] = sorted(lex.forms(v[1:]))
            else:
                out[k] = resolve_references(v, lex)
        return out
    if isinstance(value, list):
        return [resolve_references(v, lex) for v in value]
    return value


def _fragment(word: str) -> str:
    return word[3:] if word.startswith("re:") else re.escape(word)


_REFERENCE = re.compile(r"\{\{(\w+)(:Cased)?\}\}")


def _expand(text: str, voc: Vocabulary, vocabularies: Mapping[str, Vocabulary], depth: int = 0) -> str:
    """``{{NAME}}`` references replaced by the alternatives of the vocabulary named."""

    def one(m: re.Match) -> str:
        ref = vocabularies.get(m[1])
        if ref is None or ref.kind not in ("words", "regex") or depth > 4:
            raise LexiconError(f"{voc.file}: '{voc.name}' refers to '{m[1]}', which is no word list or expression", "Name a vocabulary of kind words or regex.")
        if ref.kind == "regex":
            return "(?:" + _source(ref, vocabularies, depth + 1) + ")"
        words = [re.escape(w) for w in ref.entries]
        if m[2]:
            words = [v for w in words for v in (w, w[:1].upper() + w[1:])]
        return "(?:" + "|".join(words) + ")"

    return _REFERENCE.sub(one, text)


def _source(voc: Vocabulary, vocabularies: Mapping[str, Vocabulary], depth: int = 0) -> str:
    """The text of a ``regex`` vocabulary: its alternatives joined with ``|`` (inside its template)."""
    joined = "|".join(voc.entries)
    text = voc.template.replace("{}", joined, 1) if voc.template else joined
    return _expand(text, voc, vocabularies, depth)


def _compile(voc: Vocabulary, vocabularies: Mapping[str, Vocabulary]) -> re.Pattern:
    flags = re.I if "i" in voc.flags else 0
    try:
        # the positions where no match can begin are skipped at a test of one character
        return looking_ahead(re.compile(_source(voc, vocabularies), flags))
    except re.error as exc:
        raise LexiconError(f"{voc.file}: regular expression '{voc.name}' does not compile: {exc}", "Fix the expression.") from None


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise LexiconError(f"cannot read the lexicon file {path}: {exc}", "Fix the JSON of the file.") from None
    if not isinstance(data, dict) or not isinstance(data.get("vocabularies"), dict) or "source" not in data:
        raise LexiconError(f"{path} has no 'vocabularies' object or no 'source'", "See builder/extraction/lexicon.py for the format.")
    return data


def _vocabulary(path: Path, name: str, raw: object) -> Vocabulary:
    if not isinstance(raw, dict) or raw.get("kind") not in KINDS or "entries" not in raw:
        raise LexiconError(f"{path}: vocabulary '{name}' needs 'kind' (one of {', '.join(KINDS)}) and 'entries'", "Fix the entry.")
    kind, entries = raw["kind"], raw["entries"]
    expected = dict if kind == "map" else list
    if kind == "regex" and not all(isinstance(a, str) for a in entries if isinstance(entries, list)):
        raise LexiconError(f"{path}: alternatives of '{name}' must be strings", "Fix the entry.")
    if not isinstance(entries, expected):
        raise LexiconError(f"{path}: entries of '{name}' must be a JSON {'object' if expected is dict else 'array'}", "Fix the entry.")
    if kind == "words" and (not all(isinstance(w, str) and w.strip() for w in entries) or len({w.lower() for w in entries}) != len(entries)):
        raise LexiconError(f"{path}: word list '{name}' has an empty, non-string or repeated word", "Each word once.")
    template = raw.get("template", "")
    if not isinstance(template, str) or (template and "{}" not in template):
        raise LexiconError(f"{path}: the template of '{name}' must be a string with {{}} where the alternatives go", "Fix the entry.")
    return Vocabulary(name, kind, str(raw.get("about", "")), entries, path.name, str(raw.get("flags", "")), template)


def _check_unique_lists(vocabularies: Iterable[Vocabulary]) -> None:
    seen: dict[frozenset, str] = {}
    for voc in vocabularies:
        if voc.kind != "words":
            continue
        words = frozenset(w.lower() for w in voc.entries)
        if words in seen:
            raise LexiconError(f"word lists '{seen[words]}' and '{voc.name}' are the same list", "Keep one copy of each vocabulary and refer to it by name.")
        seen[words] = voc.name


def _check_terms(voc: Vocabulary, known: set[str]) -> None:
    if voc.kind not in ("token_patterns", "dependency_patterns", "map"):
        return
    for entry in voc.entries.values() if voc.kind == "map" else voc.entries:
        for key in ONTOLOGY_KEYS:
            value = entry.get(key) if isinstance(entry, dict) else None
            if value is not None and value not in known:
                raise LexiconError(f"{voc.file}: '{voc.name}' names '{value}' ({key}), which the ontology does not define", "Use a class or property of ontology/armed_actors.ttl.")


# The named tests a construction may ask of its two names (``check``; constructions._checked).
CONSTRUCTION_CHECKS = frozenset(("armed_sides", "armed_object", "whole_named", "named_whole", "not_bracketed", "not_joined_in_action", "definite_title", "indefinite_title", "not_refused", "smaller_unit"))


def _check_patterns(voc: Vocabulary, lex: "Lexicon") -> None:
    """Compile every pattern with spaCy's validating matchers: a malformed one fails here."""
    if voc.kind not in ("token_patterns", "dependency_patterns"):
        return
    from spacy.lang.en import English
    from spacy.matcher import DependencyMatcher, Matcher

    vocab = English().vocab
    for i, raw in enumerate(voc.entries):
        try:
            entry = resolve_references(raw, lex)
        except LexiconError as exc:
            raise LexiconError(f"{voc.file}: pattern {i} of '{voc.name}' refers to an unknown list: {exc.message}", "Refer to a word list by its name, as '@name'.") from None
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), list):
            raise LexiconError(f"{voc.file}: entry {i} of '{voc.name}' has no 'pattern' list", "Each entry is an object with a pattern.")
        if entry.get("check") is not None and entry["check"] not in CONSTRUCTION_CHECKS:
            raise LexiconError(f"{voc.file}: pattern {entry.get('id', i)} of '{voc.name}' names an unknown check '{entry['check']}'", f"Use one of: {', '.join(sorted(CONSTRUCTION_CHECKS))}.")
        try:
            if voc.kind == "token_patterns":
                Matcher(vocab, validate=True).add(f"p{i}", [entry["pattern"]])
            else:
                DependencyMatcher(vocab, validate=True).add(f"p{i}", [entry["pattern"]])
        except (ValueError, KeyError, TypeError) as exc:
            raise LexiconError(f"{voc.file}: pattern {entry.get('id', i)} of '{voc.name}' is malformed: {exc}", "Fix the pattern (spaCy Matcher/DependencyMatcher syntax).") from None


def ontology_terms() -> set[str]:
    """Local names of every class and property of the ontology."""
    from ontology.namespace import AKG

    return {name for name in AKG.__annotations__}


def load_lexicon(directory: str | Path | None = None, validate: bool = True) -> Lexicon:
    """Read and validate every ``*.json`` file of ``directory`` (default ``data/lexicons``)."""
    root = Path(directory) if directory else DEFAULT_LEXICON_DIR
    files = sorted(root.glob("*.json"))
    if not files:
        raise LexiconError(f"no lexicon files in {root}", "The extraction needs data/lexicons/*.json from the repository.")
    vocabularies: dict[str, Vocabulary] = {}
    for path in files:
        for name, raw in _read(path)["vocabularies"].items():
            if name in vocabularies:
                raise LexiconError(f"vocabulary '{name}' is defined in {vocabularies[name].file} and in {path.name}", "Keep one copy of each vocabulary.")
            vocabularies[name] = _vocabulary(path, name, raw)
    lexicon = Lexicon(vocabularies)
    if validate:
        _check_unique_lists(vocabularies.values())
        known = ontology_terms()
        for voc in vocabularies.values():
            _check_terms(voc, known)
            _check_patterns(voc, lexicon)
            if voc.kind == "regex":
                _compile(voc, vocabularies)
    return lexicon
