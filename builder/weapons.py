"""Weapons and military platforms named in conflict reporting, and who uses or holds them.

The lexicon is general military vocabulary (weapon classes, platform types and a few widely
reported system names); each entry maps the ways reporting writes a weapon to one canonical
label, so that "RPGs", "rocket-propelled grenades" and "an RPG-7 launcher"
are one node of the graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (canonical label, pattern). Patterns match whole words, case-insensitively; where two could
# start at one place the longer comes first ("rocket-propelled grenade" before "rocket").
_LEXICON: list[tuple[str, str]] = [
    ("attack aircraft", r"(?:ground[- ])?attack aircraft"),
    ("bomber aircraft", r"bombers?(?: aircraft)?|bomber"),
    ("fighter aircraft", r"fighter(?:[- ]bomber)? (?:jets?|aircraft|planes?)"),
    ("remotely piloted aircraft", r"remotely[- ]piloted aircraft"),
    ("drone", r"(?:armed |combat |suicide |kamikaze |attack )?drones?|UAVs?|unmanned aerial vehicles?"),
    ("helicopter", r"(?:attack |combat |military )?helicopters?|helicopter gunships?|gunships?"),
    ("warplane", r"warplanes?|military aircraft|war ?planes?"),
    ("rocket-propelled grenade", r"rocket[- ]propelled[- ]grenades?(?: launchers?)?|RPGs?(?:-7s?)?"),
    ("rocket artillery", r"rocket artillery|multiple rocket launchers?|MLRS|HIMARS"),
    ("artillery", r"(?:heavy |ground-based )?artillery(?: systems?| pieces?| guns?)?|howitzers?"),
    ("mortar", r"mortars?(?: shells?| rounds?| bombs?)?"),
    ("rocket", r"(?:Grad |Katyusha )?rockets?|Katyushas?"),
    ("missile", r"(?:ballistic |cruise |guided |anti-tank |surface-to-air |air-to-surface |anti-aircraft )?missiles?|ATGMs?|MANPADS"),
    ("machine gun", r"(?:heavy |light )?machine[- ]?guns?"),
    ("rifle", r"(?:assault |sniper )rifles?|rifles|Kalashnikovs?|AK-47s?"),
    ("grenade", r"(?:hand )?grenades?"),
    ("improvised explosive device", r"IEDs?|improvised explosive devices?|roadside bombs?"),
    ("vehicle-borne improvised explosive device", r"S?VBIEDs?|car bombs?|vehicle[- ]borne (?:improvised explosive devices?|IEDs?)|suicide (?:vehicles?|car bombs?|truck bombs?)"),
    ("suicide vest", r"suicide (?:vests?|belts?)|explosive (?:vests?|belts?)"),
    ("landmine", r"(?:land ?mines?|anti-personnel mines?|anti-tank mines?)"),
    ("barrel bomb", r"barrel bombs?"),
    ("cluster munition", r"cluster (?:munitions?|bombs?)"),
    ("chemical weapon", r"chemical weapons?|chlorine gas|sarin(?: gas)?|mustard gas|nerve agents?"),
    ("munition", r"(?:precision[- ]guided )?munitions"),
    ("tank", r"(?:battle )?tanks?"),
    ("armoured vehicle", r"armou?red (?:personnel carriers?|vehicles?)|APCs?"),
    ("technical vehicle", r"technical vehicles?|technicals"),
    ("heavy weapons", r"heavy weapons|military hardware|weapon systems"),
]
# Aircraft and systems named by designation ("F-16", "Su-24", "MQ-9 Reaper"): case matters.
_DESIGNATION = re.compile(r"\b(?:F|Su|MiG|B|MQ|AH|Mi|Ka|A|AV|F/A)-\d{1,3}[A-Z]?(?:\s+(?:Reaper|Predator|Apache|Hind|Super Hornet|Hornet|Falcon|Raptor|Lightning|Flanker|Frogfoot))?\b|\bBayraktar(?: TB2)?\b|\bShahed(?:-\d+)?\b|\bTomahawks?\b|\bKornets?\b|\bIskanders?\b")
_WORDS = re.compile(r"\b(?:" + "|".join(f"(?P<w{i}>{p})" for i, (_, p) in enumerate(_LEXICON)) + r")\b", re.I)
# Words before "tank" or "mines" that make them something else.
_NOT_A_WEAPON_BEFORE = re.compile(r"\b(?:think|water|fuel|oil|storage|septic|gas|coal|gold|salt|phosphate)\s*$", re.I)
# "with fighter, bomber and unmanned aircraft": kinds of aircraft sharing one noun
AIRCRAFT_LIST = re.compile(
    r"\b((?:(?:ground[- ])?attack|bomber|fighter(?:[- ]bomber)?|remotely[- ]piloted|unmanned|rotary[- ]wing|fixed[- ]wing)"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+))+(?:(?:ground[- ])?attack|bomber|fighter|remotely[- ]piloted|unmanned|rotary[- ]wing|fixed[- ]wing)\s+aircraft\b",
    re.I,
)
_AIRCRAFT_KIND = re.compile(r"(?:ground[- ])?attack|bomber|fighter(?:[- ]bomber)?|remotely[- ]piloted aircraft|remotely[- ]piloted|unmanned|rotary[- ]wing|fixed[- ]wing", re.I)
_KIND_LABEL = {"attack": "attack aircraft", "bomber": "bomber aircraft", "fighter": "fighter aircraft", "remotely piloted": "remotely piloted aircraft", "unmanned": "drone"}


@dataclass(frozen=True)
class WeaponSpan:
    start: int  # offsets into the text searched
    end: int
    label: str  # canonical label

    @property
    def key(self) -> str:
        return "weapon:" + re.sub(r"[^a-z0-9]+", "-", self.label.lower()).strip("-")


def _kind_label(word: str) -> str:
    w = re.sub(r"[- ]+", " ", word.lower()).replace(" aircraft", "")
    w = "attack" if w.endswith("attack") else w
    w = "fighter" if w.startswith("fighter") else w
    return _KIND_LABEL.get(w, f"{w} aircraft")


# Words one of the patterns needs: a sentence without any is skipped at once (most are).
_ANY = re.compile(
    r"\b(?:aircraft|bomber|fighter|drone|uav|unmanned|helicop|gunship|plane|artiller|launcher|mlrs|himars|howitzer|mortar|rocket|"
    r"katyusha|missile|atgm|manpads|rpg|grenade|gun|rifle|kalashnikov|ak-47|ied|explosive|bomb|vest|belt|mine|munition|"
    r"chemical|chlorine|sarin|nerve|tank|armou?red|apc|technical|weapon|hardware|bayraktar|shahed|tomahawk|kornet|iskander|mustard|warplane|s?v?b?ieds?\b|[A-Z]{1,3}-\d)|(?:land|anti-personnel |anti-tank )mines?\b",
    re.I,
)


def find_weapons(text: str) -> list[WeaponSpan]:
    """Weapon and platform mentions in ``text``, a list of aircraft kinds split into one
    mention each ("attack, bomber and fighter aircraft": three)."""
    if not _ANY.search(text):
        return []
    out: list[WeaponSpan] = []
    taken: list[tuple[int, int]] = []
    for m in AIRCRAFT_LIST.finditer(text):
        for k in _AIRCRAFT_KIND.finditer(text, m.start(), m.end()):
            if k.group(0).lower() in ("and", "or"):
                continue
            end = k.end()
            out.append(WeaponSpan(k.start(), end, _kind_label(k.group(0))))
        taken.append((m.start(), m.end()))
    for m in _DESIGNATION.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            out.append(WeaponSpan(m.start(), m.end(), m.group(0)))
            taken.append((m.start(), m.end()))
    for m in _WORDS.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        label = _LEXICON[int(m.lastgroup[1:])][0]  # the one alternative that matched
        if label in ("tank", "landmine") and _NOT_A_WEAPON_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        if label == "bomber aircraft" and re.search(r"\bsuicide\s*$", text[max(0, m.start() - 10) : m.start()], re.I):
            continue  # a suicide bomber is a person
        out.append(WeaponSpan(m.start(), m.end(), label))
        taken.append((m.start(), m.end()))
    return sorted(out, key=lambda w: w.start)
