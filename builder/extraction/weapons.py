"""Weapons and military platforms named in conflict reporting.

The lexicon (``data/lexicons/weapons.json``) is general military vocabulary: weapon classes,
platform types and a few widely reported system names; each entry maps the ways reporting
writes a weapon to one canonical label, so that "RPGs", "rocket-propelled grenades" and "an
RPG-7 launcher" are one node of the graph. Who uses or holds a weapon is read by
:mod:`builder.extraction.relations.weapons`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..literals import looking_ahead, lowered, may_match, required_literals
from .lexicon import Lexicon, load_lexicon


@dataclass(frozen=True)
class WeaponSpan:
    start: int  # offsets into the text searched
    end: int
    label: str  # canonical label

    @property
    def key(self) -> str:
        return "weapon:" + re.sub(r"[^a-z0-9]+", "-", self.label.lower()).strip("-")


@dataclass(frozen=True)
class WeaponFinder:
    """The weapon lexicon compiled once: labels with their patterns (longer names first where
    two could start at one place), designations ("F-16"), lists of aircraft kinds."""

    lex: Lexicon

    @cached_property
    def labels(self) -> list[str]:
        return list(self.lex.table("weapon_patterns"))

    @cached_property
    def words(self) -> re.Pattern:
        patterns = self.lex.table("weapon_patterns").values()
        return looking_ahead(re.compile(r"\b(?:" + "|".join(f"(?P<w{i}>{p})" for i, p in enumerate(patterns)) + r")\b", re.I))

    @cached_property
    def _cue_literals(self) -> frozenset[str] | None:
        """The strings one of which every match of ``weapon_cue`` holds (:mod:`builder.literals`):
        a sentence without any is not searched (the cue's search, an alternation of some fifty
        words, cost four times the look for them)."""
        return required_literals(self.lex.pattern("weapon_cue"))

    @cached_property
    def kind_labels(self) -> dict[str, str]:
        return dict(self.lex.table("aircraft_kind_labels"))

    def kind_label(self, word: str) -> str:
        w = re.sub(r"[- ]+", " ", word.lower()).replace(" aircraft", "")
        w = "attack" if w.endswith("attack") else w
        w = "fighter" if w.startswith("fighter") else w
        return self.kind_labels.get(w, f"{w} aircraft")

    def find(self, text: str) -> list[WeaponSpan]:
        """Weapon and platform mentions in ``text``, a list of aircraft kinds split into one
        mention each ("attack, bomber and fighter aircraft": three)."""
        cue = self.lex.pattern("weapon_cue")
        if not may_match(self._cue_literals, lowered(text)) or not cue.search(text):
            return []  # a sentence without any word a pattern needs is skipped at once (most are)
        out: list[WeaponSpan] = []
        taken: list[tuple[int, int]] = []
        for m in self.lex.pattern("aircraft_list").finditer(text):
            for kind in self.lex.pattern("aircraft_kind").finditer(text, m.start(), m.end()):
                if kind.group(0).lower() in ("and", "or"):
                    continue
                out.append(WeaponSpan(kind.start(), kind.end(), self.kind_label(kind.group(0))))
            taken.append((m.start(), m.end()))
        for m in self.lex.pattern("weapon_designation").finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append(WeaponSpan(m.start(), m.end(), m.group(0)))
                taken.append((m.start(), m.end()))
        for m in self.words.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            label = self.labels[int(m.lastgroup[1:])]  # the one alternative that matched
            if label in ("tank", "landmine") and self.lex.pattern("not_a_weapon_before").search(text[max(0, m.start() - 12) : m.start()]):
                continue
            if label == "bomber aircraft" and re.search(r"\bsuicide\s*$", text[max(0, m.start() - 10) : m.start()], re.I):
                continue  # a suicide bomber is a person
            out.append(WeaponSpan(m.start(), m.end(), label))
            taken.append((m.start(), m.end()))
        return sorted(out, key=lambda w: w.start)


@lru_cache(maxsize=1)
def default_finder() -> WeaponFinder:
    """The finder of the repository's lexicons (loaded on first use, once)."""
    return WeaponFinder(load_lexicon())


def find_weapons(text: str, finder: WeaponFinder | None = None) -> list[WeaponSpan]:
    """Weapon and platform mentions in ``text`` (see :meth:`WeaponFinder.find`)."""
    return (finder or default_finder()).find(text)
