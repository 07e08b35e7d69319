"""Relation and event rules over a parsed spaCy Doc.

Input: a Doc with entities from the model and the gazetteer ruler. Output: a :class:`DocResult`
of resolved entities (with every mention as evidence), affiliations and events. Every record
carries an :class:`Evidence` naming the rule that produced it and a confidence.

Rules are general knowledge of how conflict reporting is written (appositions such as "X, a
Turkish-funded faction", "Iranian-backed X", "X claimed responsibility", casualty phrases),
not keyed to any document.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from types import SimpleNamespace

from spacy.tokens import Doc, Span

from .dates import find_dates
from .gazetteer import Gazetteer, PlaceEntry, name_key, place_key, slug
from .geo import BEARINGS, haversine_km, offset, place_chain
from .records import (
    GAZETTEER_RULE,
    Claim,
    DocResult,
    Document,
    Entity,
    Event,
    Evidence,
    Relation,
)
from .weapons import find_weapons

# --------------------------------------------------------------------------- lexicons
# Coarse part of speech from the tagger's Penn tag: the build leaves out spaCy's attribute
# ruler and lemmatizer (a fifth of the model's time) because the rules read only these few
# distinctions; a pipeline that does set ``pos_`` is read as is.
PENN_UPOS = {
    "NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
    "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "WDT": "PRON", "EX": "PRON",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "CD": "NUM",
}


def upos(tok: object) -> str:
    """The token's universal part of speech: ``pos_`` when set, else mapped from ``tag_``."""
    return tok.pos_ or PENN_UPOS.get(tok.tag_, "X")


# Verbs whose direct object is a place, not an opponent ("visited Syria"), in their inflected forms.
PLACE_OBJECT_VERBS = frozenset(
    "include includes included including comprise comprises comprised comprising visit visits visited visiting "
    "enter enters entered entering leave leaves left leaving cross crosses crossed crossing reach reaches reached reaching".split()
)


RANKS = {
    "field marshal": "Field Marshal",
    "maj. gen.": "Major General",
    "maj gen": "Major General",
    "major general": "Major General",
    "brig. gen.": "Brigadier General",
    "brig gen": "Brigadier General",
    "brigadier general": "Brigadier General",
    "brigadier": "Brigadier",
    "lt. gen.": "Lieutenant General",
    "lt gen": "Lieutenant General",
    "lieutenant general": "Lieutenant General",
    "lt. col.": "Lieutenant Colonel",
    "lieutenant colonel": "Lieutenant Colonel",
    "gen.": "General",
    "general": "General",
    "col.": "Colonel",
    "colonel": "Colonel",
    "maj.": "Major",
    "major": "Major",
    "capt.": "Captain",
    "captain": "Captain",
    "lt.": "Lieutenant",
    "lieutenant": "Lieutenant",
    "sgt.": "Sergeant",
    "sergeant": "Sergeant",
    "cpl.": "Corporal",
    "corporal": "Corporal",
    "adm.": "Admiral",
    "admiral": "Admiral",
    "rear adm.": "Rear Admiral",
    "vice adm.": "Vice Admiral",
    "commander": "Commander",
    "cmdr.": "Commander",
    "brig.": "Brigadier",
}
_RANKED_NAME_RE = re.compile(r"(?:" + "|".join(re.escape(k) for k in sorted(RANKS, key=len, reverse=True) if "." in k) + r")\s+[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'-]+$", re.I)
_RANK_RE = re.compile(
    r"(?:^|\s)(" + "|".join(re.escape(k) for k in sorted(RANKS, key=len, reverse=True)) + r")\s*$", re.I
)

FORCE_NOUNS = (
    r"army|armed forces|military|forces|troops|soldiers|soldier|patrols?|service ?members|servicemen|personnel|"
    r"warplanes|jets|aircraft|helicopters?|drones?|navy|air force|marines|units?|convoy|contingent|battalions?|"
    r"tanks|artillery|gunboats|warships|bulldozers|air ?strikes|strikes|raids|shelling|bombardment"
)
PEOPLE_HEADS = re.compile(
    r"^(forces|troops|soldiers|police|policemen|army|military|rebels|guerrillas?|militants|fighters|insurgents|gunmen|"
    r"militia|militias|separatists|jihadists|terrorists|students|protesters|demonstrators|workers|civilians|prisoners?|"
    r"villagers|residents|leaders?|officials|government|authorities|regime|helicopters|tanks|warplanes|jets|bulldozers|"
    r"group|groups|faction|factions|movement|party|servicemen|advisers|settlers|refugees|tribesmen|mob|crowd|president|"
    r"minister|king|commander|council|junta|administration|coalition|alliance|nato|forces|immigrants|migrants|youths|"
    r"population|inhabitants|administrators|detainees?|hackers|bombers|officers|agents|journalists?|newspaper|"
    r"villagers|pilgrims|worshippers|shoppers|passengers|children|women|men|people|civilians|advisers|refugees|"
    r"parliament|cabinet|farmers|settlers|guerillas|militiamen|party|parties|police|reservists|army|navy|forces|"
    r"opposition|candidates|supporters|activists|lawmakers|politicians|loyalists|partisans)$",
    re.I,
)
SERVICE_NOUNS = r"special services|intelligence services|intelligence|security services|secret services|police|border guards?"
ARMED_CUES = re.compile(
    r"\b(army|forces|force|brigades?|battalions?|regiments?|divisions?|corps|militias?|liwa|kata.?ib|jaysh|jaish|"
    r"harakat|saraya|ansar|front|jabhat|guards?|units|movement|mujahideen|fighters|rebels|commandos?|legion|"
    r"squadrons?|hezbollah|hizb\w*|tahrir|resistance|mobili[sz]ation)\b",
    re.I,
)
MEDIA_CUES = re.compile(r"\b(news|agency|tv|television|media|observatory|press|radio|channel|times|post|daily)\b", re.I)
STATE_GENERIC = re.compile(
    r"\b(?:the\s+)?(?:(army|military|armed forces|regime forces|regime troops|regime positions|government forces|government troops|"
    r"government soldiers|government positions|army positions|security forces|state forces|regime(?:'s|’s)?(?= \w)|regime|soldiers|"
    r"police(?: forces| officers?| personnel|men)?|policem[ae]n|border guards?))\b",
    re.I,
)
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a few": 3,
    "several": 3,
}
PERSON_NOUNS = (
    r"people|persons?|civilians?|soldiers?|fighters?|members?|militants?|men|man|women|woman|children|child|"
    r"troops|personnel|servicemen|service ?members|officers?|policem[ae]n|guards?|commanders?|insurgents?|"
    r"rebels?|gunmen|jihadists?|terrorists?|militiamen|recruits|workers|shepherds?|farmers?|residents|"
    r"wife|husband|son|daughter|brother|sister|father|mother|boys?|girls?|individuals|operatives|elements|"
    r"conscripts|volunteers|mercenaries|agents|journalists?|doctors?|detainees|passengers?|drivers?|others|"
    r"mukhtar|sheikh|colonel|lieutenant|sergeant|captain|major|officials?|employees?|teachers?|students?|nurses?|cleric|"
    r"worshippers|villagers|pupils|herders|traders|miners|fishermen|peacekeepers|protesters|demonstrators|police officers"
)
_NUM = r"(\d+|" + "|".join(sorted((re.escape(k) for k in NUMBER_WORDS), key=len, reverse=True)) + r")"

# Event triggers: (ontology class, specificity, pattern). The first match of the highest
# specificity wins. ACLED codebook conventions: a bomb planted or remotely detonated is an
# IED; strikes by ground forces are shelling; air and drone strikes are remote violence.
TRIGGERS: list[tuple[str, int, re.Pattern]] = [
    ("SuicideBomb", 3, re.compile(r"\bsuicide[- ](bomb\w*|attack\w*|car bomb|vest|blast|truck bomb|svbied)|\bsvbied\b|\bblew (himself|herself|themselves) up\b", re.I)),
    # acts, not the subject of policy ("preventing sexual violence")
    ("SexualViolence", 3, re.compile(r"\b((?:gang-?)?rap(ed|ing)|sexually (?:assault|abus)(ed|ing)|(?:committed|perpetrated) (?:acts of )?sexual violence)\b", re.I)),
    ("ChemicalWeapon", 3, re.compile(r"\b(chemical (weapons?|attack)|chlorine|sarin|poison gas|toxic gas)\b", re.I)),
    ("RemoteExplosiveLandmineIED", 3, re.compile(r"\b(improvised explosive devices?|ieds?|vbieds?|roadside bombs?|car bombs?|landmines?|land mines?|explosive devices?|booby[- ]trap\w*|sticky bombs?|magnetic bombs?|mine explo\w+|bomb explo\w+|explosions?|blasts?|detonat\w+)\b", re.I)),
    ("AirDroneStrike", 3, re.compile(r"\b(air ?strikes?|air raids?|aerial (bombardment|attacks?)|drone (strikes?|attacks?)|warplanes?|fighter jets?|(?<!anti-)aircraft|helicopter gunships?|bombed from the air|drones?|(?:Predator|Reaper|Bayraktar) (?:strikes?|attacks?)|air force(?! intelligence))\b", re.I)),
    ("ShellingArtilleryMissileAttack", 3, re.compile(r"\b(shell(ed|ing|s)?|artillery|mortars?|rockets?|missiles?|atgms?|anti-tank (guided )?missiles?|barrages?|bombard\w*|grad|katyusha|strikes?|struck)\b", re.I)),
    ("GrenadeAttack", 3, re.compile(r"\b(grenades?)\b", re.I)),
    ("AbductionForcedDisappearance", 2, re.compile(r"\b(abduct\w*|kidnap\w*|forcibly disappeared|seized (a|two|three|\d+) (civilians?|people|men))\b", re.I)),
    ("Arrests", 2, re.compile(r"\b(arrest\w*|detain\w*|rounded up|raid\w* .{0,30}\barrest\w*)\b", re.I)),
    ("GovernmentRegainsTerritory", 2, re.compile(r"\b(recaptur\w+|regain\w* control|retook|retaken|liberat\w+)\b(?= (?:the |several |a )?(?:village|town|city|hill|area|district|region|positions?|points?|base|airport|checkpoint|control|neighbou?rhood)| (?:[A-Z]|al-))", re.I)),
    ("NonStateActorOvertakesTerritory", 2, re.compile(r"\b(captur\w+|seiz\w+|took over)\b(?= (?:the |several |a )?(?:village|town|city|hill|area|district|region|positions?|points?|base|airport|checkpoint|neighbou?rhood)"
     # "captured Zaranj, the capital of Nimroz", "seized Kunduz from the army": a name, then what it is or whom it was taken from
     r"|\s+(?:(?:al|ad|as|ash|ar|an|at|el)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|ad|as|ash|ar|an|at|el)-)?[A-Z][\w'’-]*){0,2}(?:,\s+(?:the\s+|a\s+)?(?:\w+\s+)?(?:capital|town|city|village|district|stronghold)\b|\s+from\s+(?!\d)))|\b(seiz\w+ control|took control|overr[au]n|stormed)\b", re.I)),
    ("ChangeToGroupActivity", 2, re.compile(r"\b(mobili[sz]\w+|on (high )?alert|called up|massed|patrols?|reinforcements|military (column|convoy)|convoy of|column (of|with)|deployed|redeploy\w*|withdr[ae]w\w*|withdrawal|curfew|set up (a )?checkpoints?|military build-?up)\b", re.I)),
    ("Attack", 1, re.compile(r"\b(bod(y|ies) of|gunshot wounds|tortur\w+|ill[- ]treatment|beaten to death|lynched)\b", re.I)),
    ("HeadquartersOrBaseEstablished", 2, re.compile(r"\b(fortifications?|fortif(y|ies|ied|ying)|entrench\w*|established (a |new )?(base|headquarters|position|outpost|checkpoint)s?|set up (a |new )?(base|headquarters|position|outpost|checkpoint)s?)\b", re.I)),
    ("ViolentDemonstration", 2, re.compile(r"\b(riot\w*|violent (protest|demonstration)s?)\b", re.I)),
    # ACLED "Mob violence": a crowd that attacks or lynches someone (a riot, not an armed group's attack)
    ("MobViolence", 2, re.compile(r"\b(mob|lynch\w*|vigilante mob)\b", re.I)),
    ("LootingPropertyDestruction", 2, re.compile(r"\b(loot\w*|burn(ed|t) (down )?(houses|homes|crops|property)|demolish\w*|torched|set (?:on )?fire to|set ablaze|blew up|blown up|blowing up)\b", re.I)),
    ("DisruptedWeaponsUse", 2, re.compile(r"\b(defus\w+|dismantl\w+|intercept\w+|shot down|seized (a )?(weapons?|arms|ammunition|explosives))\b", re.I)),
    ("Agreement", 2, re.compile(r"\b(agreement|ceasefire|truce|reconciliation deal|prisoner exchange|swap)\b", re.I)),
    ("ProtestWithIntervention", 2, re.compile(r"\b(protest\w*|demonstrat\w+|rall(y|ies))\b.{0,80}\b(dispers\w+|tear gas|arrest\w*|beat\w*)\b", re.I)),
    ("PeacefulProtest", 1, re.compile(r"\b(protest(ed|ers|ing|s)?|demonstrat(ed|ing|ion|ions|ors)|sit-in|rall(y|ies|ied))\b", re.I)),
    ("ArmedClash", 3, re.compile(r"\b(clash(es|ed)?|firefights?|exchange of fire|exchanged fire|gun ?battles?)\b", re.I)),
    ("ArmedClash", 1, re.compile(r"\b(clash\w*|fighting|fought|battl\w+|firefights?|gunfights?|exchange of fire|exchanged fire|raids?|raided|ambush\w*|offensive|assault\w*|attacked .{0,40}positions?|skirmish\w*|engaged|infiltrat\w+|snipers?|sniped|sniping|gunfire|shot|shooting|opened fire|fired\s+(?:[\w-]+\s+){0,3}?(?:at|towards)|fired on|operations? against|repelled|captured (?:\d+|a|an|two|three|four|five|several) (?:\w+ )?(?:rebels|fighters|members|soldiers|militants|operatives))\b", re.I)),
    ("OtherDevelopment", 0, re.compile(r"\b(threaten\w*|warn(ed|s)?|vow(ed|s)?|boycott\w*|impos(ed|es|ing)|declar(ed|es)|bann?(ed|s)?|blockad\w*|expel\w*|deport\w*|sanction\w*|ultimatum|state of (siege|emergency)|curfew|besieg\w*|evict\w*|forced out|forcibly displac\w+|outlaw\w*|suspend\w*|shut down|closed down|sworn to|pledged to)\b", re.I)),
    ("DisruptedWeaponsUse", 1, re.compile(r"\b(confiscat\w+|seized (weapons|arms|explosives|ammunition))\b", re.I)),
    ("Attack", 0, re.compile(r"\b((?<!heart )(?<!panic )(?<!asthma )attack\w*|assassinat\w+|killed|killing|murder\w*|execut\w+|shot dead|gunned down|stabbed|beheaded|kills|incident)\b", re.I)),
]
EVENT_TYPE_OF = {
    "SuicideBomb": "ExplosionsRemoteViolence",
    "ChemicalWeapon": "ExplosionsRemoteViolence",
    "RemoteExplosiveLandmineIED": "ExplosionsRemoteViolence",
    "AirDroneStrike": "ExplosionsRemoteViolence",
    "ShellingArtilleryMissileAttack": "ExplosionsRemoteViolence",
    "GrenadeAttack": "ExplosionsRemoteViolence",
    "ArmedClash": "Battles",
    "GovernmentRegainsTerritory": "Battles",
    "NonStateActorOvertakesTerritory": "Battles",
    "Attack": "ViolenceAgainstCivilians",
    "AbductionForcedDisappearance": "ViolenceAgainstCivilians",
    "SexualViolence": "ViolenceAgainstCivilians",
    "PeacefulProtest": "Protests",
    "ProtestWithIntervention": "Protests",
    "ExcessiveForceAgainstProtesters": "Protests",
    "ViolentDemonstration": "Riots",
    "MobViolence": "Riots",
    "Arrests": "StrategicDevelopments",
    "Agreement": "StrategicDevelopments",
    "ChangeToGroupActivity": "StrategicDevelopments",
    "DisruptedWeaponsUse": "StrategicDevelopments",
    "HeadquartersOrBaseEstablished": "StrategicDevelopments",
    "LootingPropertyDestruction": "StrategicDevelopments",
    "NonViolentTransferOfTerritory": "StrategicDevelopments",
    "OtherDevelopment": "StrategicDevelopments",
}
KILL_RE = re.compile(r"\b(kill\w*|dead|died|die|dies|death|deaths|fatalit\w+|slain|lost their lives|perished|assassinated|executed|shot dead|gunned down|beheaded)\b", re.I)
INJURE_RE = re.compile(r"\b(injur\w+|wound\w+|hurt)\b", re.I)
CLAIM_RE = re.compile(r"\b(claim(ed|s|ing)? (responsibility|credit)|claimed (that|the|a|an)|claim of responsibility|took responsibility|responsibility was claimed)\b", re.I)
ANAPHOR_RE = re.compile(
    r"\b(the|this|that|these|its|his|their)\s+((recent|latest|deadly|same|first|second|third|fourth|fifth|ied|suicide|explosive|bomb|drone|car bomb)\s+)*"
    r"(attack|attacks|incident|explosion|blast|strike|strikes|bombing|assassination|ambush|operation|raid|shelling|clash|clashes|fighting|killing|killings|offensive)\b",
    re.I,
)
def _country_as_place(text: str, sent_start: int, m: "Mention") -> bool:
    """A country named as a place: "in Syria", "across Iraq", "in Syria and Iraq", "in Anbar, Iraq"."""
    return m.kind == "country" and bool(
        re.search(
            r"\b(?:in|across|into|inside|throughout|over|from|to|of)\s+(?:the\s+)?$|\b(?:in|across|inside|throughout)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s+province)?\s*(?:,|\band\b|\bor\b)\s*$",
            text[max(sent_start, m.start - 45) : m.start],
            re.I,
        )
    )


# Relations in which a country named in the sentence acts as a state, not a place (see relate()).
ACTOR_RELATIONS = {"memberOf", "partOf", "alliedWith", "backedBy", "fightingAgainst"}
# Members of the Arab League (Arabic an official language).
ARABIC_SPEAKING = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE"}


@lru_cache(maxsize=8)
def _count_patterns(pattern_words: str) -> tuple[re.Pattern, re.Pattern, list[re.Pattern]]:
    """The casualty-count patterns for one set of words ("killed|dead|...", "injured|..."), compiled once."""
    q = r"(?:at least|some|about|around|nearly|approximately|more than|over|up to)?\s*"
    noun_gap = r"(?:other\s+|more\s+)?(?:(?!and\b|or\b)[\w'’-]+\s+){0,3}?"
    long_gap = r"(?:\s+(?!and\b|or\b|were\b|was\b)[\w'’-]+){0,7}?"
    summed = re.compile(
        r"\b" + q + _NUM + r"\s+" + noun_gap + r"(?:" + PERSON_NOUNS + r")\s+(?:and|as well as)\s+" + q + _NUM + r"\s+" + noun_gap + r"(?:" + PERSON_NOUNS + r")\s+(?:were|have been|had been|are)\s+(?:\w+ly\s+)?(?:" + pattern_words + r")",
        re.I,
    )
    left = re.compile(r"\b(?:left|leaving)\s+" + q + _NUM + r"\s+" + noun_gap + r"(?:" + PERSON_NOUNS + r")(?:\s+(?:and|,)\s+" + _NUM + r"\s+" + noun_gap + r"(?:" + PERSON_NOUNS + r"))?\s+(?:" + pattern_words + r")", re.I)
    pats = [
        r"\b" + q + _NUM + r"\s+" + noun_gap + r"(?:" + PERSON_NOUNS + r")" + long_gap + r"\s+(?:were|was|have been|had been)\s+(?:\w+ly\s+)?(?:(?:shot|stabbed|beaten|tortured|abducted|kidnapped|executed)(?: dead)?\s+and\s+)?(?:" + pattern_words + r")",
        r"\b(?:" + pattern_words + r")\s+" + q + _NUM + r"\b(?!\s*(?:km|kilomet|mile|meter|metre|hour|day|week|month|year|rockets?|missiles?|shells?|mortars?))",
        r"\b" + q + _NUM + r"\s+" + noun_gap + r"(?:" + PERSON_NOUNS + r")\s+(?:(?!and\b)\w+\s+){0,3}?(?:were|was|have been|had been|are|got)?\s*(?:\w+ly\s+)?(?:" + pattern_words + r")",
        r"\b" + _NUM + r"\s+(?:" + pattern_words + r")\b",
        r"\b(?:" + pattern_words + r")\s+(?:(?:a|an|one|his|her|their|the)\s+)?(?:[\w-]+\s+){0,2}?(?:" + PERSON_NOUNS + r")\b",
    ]
    return summed, left, [re.compile(p, re.I) for p in pats]


# A sentence that only reports the toll of what came before: "3 soldiers were killed.", "At least
# 12 people were killed and dozens wounded.", "Two civilians died of their wounds."
CASUALTY_REPORT_RE = re.compile(
    r"^\s*(?:(?:at least|about|around|some|nearly|more than|over|up to|another|a further)\s+)?(?:\d+|an?|a dozen|dozens|several|"
    + "|".join(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty"])
    + r")\s+(?:[\w'’-]+\s+){0,6}?(?:were|was|have been|had been|are)\s+(?:reportedly\s+|reported\s+|also\s+)?(?:killed|wounded|injured|dead|hurt)\b"
    r"|^\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w'’-]+\s+){0,4}?died\b",
    re.I,
)
# Words between two actors that put them on one side: support, training, joining, leading,
# membership, coming from a unit ("soldiers visiting from 3rd Battalion"; not "fire from X"),
# being named together.
SAME_SIDE_BETWEEN_RE = re.compile(
    r"^\s*(?:,|and|,\s*and)\s*(?:the\s+)?$|^\s*(?:visiting\s+|deployed\s+)?from\s|\b(?:support\w*|aid(?:ed|ing|s)?|assist\w*|train\w*|equip\w*|advis\w*|join\w*|led|lead\w*|alongside|together with|part of|members? of|backed|partner\w*|and other)\b",
    re.I,
)
LINKING_VERBS = {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "working", "works", "worked", "serving", "serves", "served", "operating", "operates", "acting", "acts", "fighting", "fights"}
FRIENDLY_PROPS = {"partOf", "memberOf", "alliedWith", "backedBy", "commanderOf", "formerCommanderOf"}
# A person said to speak: "X said", "X, the envoy, told reporters".
SPEAKER_VERB_AFTER_RE = re.compile(r"^[’'s]*\s*(?:,[^,.;]{0,60},\s*)?(?:has\s+|had\s+)?(?:said|says|added|adds|stated|told|explained|wrote|declared|noted|responded|remarked)\b")
# "the town of X", "the hamlet of X", "rural X": the name that follows is a place.
PLACE_CUE_BEFORE_RE = re.compile(
    r"\b(town|village|hamlet|city|area|outskirts|countryside|region|district|province|governorate|suburb|camp|neighbou?rhoods?|vicinity)\s+of\s+(?:the\s+)?$|\b(rural)\s+$", re.I
)
MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
MONTH_WORD_RE = re.compile(r"(?:" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")$")
CIVILIAN_RE = re.compile(
    r"\b(civilians?|residents?|child(ren)?|women|woman|man|men|boys?|girls?|baby|infant|elderly|sheikh|shepherds?|farmers?|"
    r"teachers?|doctors?|journalists?|activists?|families|family|villagers|displaced|mukhtar|worker|workers|people)\b(?! (?:fighters|members|militants))",
    re.I,
)
PAIR_FIGHT_RE = re.compile(r"\b(defeat\w*|destroy\w*|fight\w*|fought|against|attack\w*|strikes? on|struck|target\w*|kill\w*|engag\w*|clash\w*|combat\w*|counter\w*|degrad\w*|battl\w*|war (on|with|against)|bomb\w*|shell\w*|assault\w*|ambush\w*|liberat\w*|expel\w*|push\w* back|drove out)\b")
# "X, (which is) (currently) led by PERSON"
LED_BY_RE = re.compile(r"\s*,?\s*(?:(?:which|that|who)\s+)?(?:is|are|was|were|has been|had been|will be)?\s*(?:currently\s+|now\s+|jointly\s+|formerly\s+)?(?:led|commanded|headed)\s+by\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}?", re.I)
# military echelons, smallest first: a unit is part of a larger one named right after it
ECHELONS = [("squad", "section", "platoon"), ("company", "battery", "troop"), ("battalion", "squadron"), ("regiment", "brigade", "group", "wing"), ("division",), ("corps",), ("army", "fleet", "command")]
ECHELON_RE = re.compile(r"\b(" + "|".join(w for level in ECHELONS for w in level) + r")\b\s*(?:\(\w+\)\s*)?(?:\d+\s*)?$", re.I)


SUPPORT_RE = re.compile(r"\b(?:in support of|supporting|on behalf of|with the support of|alongside|coordinated with)\b")


def supports_last(between: str) -> bool:
    """Whether the words between two actors end in support rather than in a fight: "strikes against
    ISIL targets in support of the SDF" makes ISIL and the SDF no enemies; "strikes in support of
    the government against ISIL" makes the strikers ISIL's."""
    support = _last_match(SUPPORT_RE, between)
    fight = _last_match(PAIR_FIGHT_RE, between)
    return support is not None and (fight is None or fight.start() < support.start())


def _last_match(pattern: re.Pattern, text: str) -> re.Match | None:
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def _echelon(label: str) -> int:
    """The echelon of a unit named like "3rd Battalion" or "158th Fighter Wing" (1 = smallest); 0 if the name is not a unit's."""
    m = ECHELON_RE.search(label)
    if not m or not re.search(r"\d", label):
        return 0
    word = m[1].lower()
    return next(i for i, level in enumerate(ECHELONS, 1) if word in level)


_FORMATION_SUFFIX = r"(?:\s+\d+\b|\s*[–-]\s*(?:Operation\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
# a formation with a qualifier or a number / name ("Task Force 51", "Joint Task Force"), never a bare "the Task Force"
MILITARY_UNIT_RE = re.compile(
    r"\b(?:(?:Combined|Joint|Multinational|Multi-National|Special Operations|Naval|Expeditionary|Amphibious|Maritime)\s+)+"
    r"(?:Task Force|Task Group|Component Command)" + _FORMATION_SUFFIX + "?"
    r"|\b(?:Task Force|Task Group)" + _FORMATION_SUFFIX + r"|\bC?TF[- ]\d+\b|\bCombined Maritime Forces\b"
)
# "Karen guerrilla camps", "Houthi rebel positions", "Albanian rebel-held territory"
GROUP_OBJECT_RE = re.compile(
    r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\s+(rebel|guerrilla|guerilla|militant|insurgent|separatist|militia)(?:\s+|-)"
    r"(?:camps?|strongholds?|positions?|bases?|hideouts?|targets?|territory|held|bastions?|posts?|fighters|groups?|units?)\b"
)
NOT_GROUP_NAMES = {"The", "A", "An", "Its", "Their", "Our", "These", "Those", "Some", "Other", "Several", "Many", "Former", "Suspected", "Armed", "Islamist", "Jihadist", "Salafist", "Unidentified", "Local"}
# who a threat is aimed at: "... unless X", "... against X", "blows to the X"
THREATENED_RE = re.compile(r"(?:\b(?:unless|if)\s+(?:the\s+)?|\b(?:against|on|to|with|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2})$", re.I)
ATTRIBUTION_TAIL_RE = re.compile(r"\s*(?:(?:military|security|police|government|diplomatic|official|army)\s+)?(?:sources?|officials?|spokes(?:man|woman|person)|police|authorities)?\s*(?:here\s+|today\s+)?(?:said|says|reported|announced|told|claimed)\b")
# An actor named as the subject of a passive verb of harm: "Two Iraqi soldiers were hit by a
# roadside bomb", "An Iraqi army officer was wounded when ...": it suffered the attack (a target), whatever
# comes before the trigger. The rest of its noun phrase may come between ("servicemen", "army
# officer"), not a verb of saying or a clause ("the SDF said two soldiers were killed").
PASSIVE_HARM_RE = re.compile(
    r"(?:\s+(?!(?:said|says|say|reported|reports|announced|stated|claimed|confirmed|added|that|and|or|who|which|after|as|when|while|where|but)\b)[\w’'-]+){0,3}?"
    r"\s+(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?"
    r"(?:killed|wounded|injured|targeted|attacked|hit|struck|ambushed|abducted|kidnapped|shot|executed|shelled|bombed)\b",
    re.I,
)
SPEAKER_AFTER_RE = re.compile(r"(?:’s|'s)?\s+(?:press\s+)?(?:spokes(?:man|woman|person)|secretary|officials?|sources?|statement|said|says|told|reported|announced)\b", re.I)
# A place named right after another that it lies in or near: "Kisima near Beni", "the Jacarezinho
# favela in Rio de Janeiro", "Ufania in the countryside of Quneitra".
ANCHOR_AFTER_RE = re.compile(
    r"(?:\s+(?:favela|neighbou?rhood|district|suburb|village|town|area|camp|quarter|market|countryside))?"
    r"\s+(?:in|near|outside|close to|on the outskirts of)\s+(?:the\s+)?(?:(?:western|eastern|northern|southern|rural|central)\s+)?"
    r"(?:(?:city|town|province|governorate|state|district|region|countryside|outskirts)\s+of\s+)?"
)
ANCHOR_KM = 50  # how far a place may lie from the town it is said to be in or near
UNIDENTIFIED = "actor:unidentified-armed-group"  # ACLED's unidentified armed group
# Words of an action directed at a place (PLOVER's target location): the town shelled, the
# district under curfew, the country invaded, the city where bombs went off, the area reinforced.
DIRECTED_AT_PLACE_RE = re.compile(
    r"(?:shell|bomb|bombard|attack|strike|struck|hit|target|raid|storm|invade|invasion|blockade|besiege|siege|"
    r"assault|occupy|occupied|occupation|overrun|overran|explode|blew|blow|blown|airstrike|air ?raid|curfew|"
    r"law|emergency|ban|cut|lockdown|seal|deploy|deployment|reinforce|strengthen|alert)"
    r"(?:s|es|ed|d|ing|ment|ments)?",
    re.I,
)
CUSTODY_RE = re.compile(r"\b(?:in|under|while in|in the)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:custody|detention|prisons?|jails?|detention cent(?:er|re)s?)\b", re.I)
# "the southern countryside of Idlib", "northern Latakia countryside", "the eastern outskirts of Hama"
_DIRECTION = r"(?P<{}>(?:north|south)[- ]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?)"
COUNTRYSIDE_RE = re.compile(
    r"\b" + _DIRECTION.format("d1") + r"\s+(?:countryside|outskirts|suburbs|rural areas|parts|part|areas|desert)\s+of\s+(?:the\s+)?(?:city\s+of\s+|province\s+of\s+)?(?P<a>[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*)?)"
    r"|\b" + _DIRECTION.format("d2") + r"\s+(?:rural\s+)?(?P<b>[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*)?)\s+(?:countryside|outskirts|suburbs|desert)\b",
    re.I,
)
# Which of the places of a sentence is an event's: the most specific (also ACLED's geo precision).
EVENT_PLACE_RANK = {"PopulatedPlace": 1, "Facility": 1, "NaturalFeature": 2, "Area": 2, "Location": 2, "AdminRegion": 3, "Country": 4}
COUNTRYSIDE_KM = 20  # a village "in the X countryside" of a town: typically 10-40 km out

# Names of agreements and processes, which the model may call organisations: supported, not allied.
AGREEMENT_NAME_RE = re.compile(r"\b(?:Cessation of Hostilities|Ceasefire|Cease-fire|Truce|Agreement|Accords?|Roadmap|Road Map|Peace Process|Initiative|Resolution \d+)\b", re.I)

# Verbs of judging or reacting to an event: their subject is not its perpetrator.
JUDGING_VERB_RE = re.compile(
    r"\b(?:condemn|denounc|deplor|decr[iy]|welcom|mourn|regret|lament|criticiz|criticis|blam|accus|urg|investigat|probe|"
    r"review|commemorat|remember|salut|prais|congratulat)\w*",
    re.I,
)
# Verbs whose object is a weapon the subject uses or holds.
WEAPON_USE_RE = re.compile(
    r"(?:use|uses|used|using|employ\w*|fire|fires|fired|firing|launch\w*|drop\w*|deploy\w*|seiz\w*|captur\w*|acquir\w*|"
    r"obtain\w*|possess\w*|operat\w*|fly|flies|flew|flown|flying|detonat\w*|plant\w*|lob\w*|wield\w*|carr(?:y|ies|ied|ying))",
    re.I,
)
# Nouns a weapon word may modify and still name the weapon ("machine gun fire", "mortar systems").
WEAPON_HEAD_RE = re.compile(r"(?:fire|systems?|launchers?|rounds?|shells?|attacks?|strikes?|barrages?|salvos?|vehicles?|batter(?:y|ies)|pieces?|munitions?)", re.I)
# Nouns that stand for the place named after them ("the town of Cizre", "the capital Juba").
PLACE_NOUNS = frozenset("town city village capital region province district area republic governorate countryside camp".split())
# The start of a place name in Arabic: the article, or a common word of place names (spring,
# hill, monastery, village, mountain, valley, cape, well, fort, ruin, mother, father, house)
ARABIC_TOPONYM_START = r"(?:(?:al|el|ar|as|ash|ad|adh|az|at|an)[-‐ ]|(?:ain|ayn|ein|tal|tall|tell|deir|dayr|kafr|kfar|jabal|jebel|wadi|ras|bir|qasr|khirbet|khirbat|umm|beit|bayt|marj|qalaat|qalat)\s)"
# "<place> (which is) still held by X", "<place>, the largest city controlled by X"
CONTROLLED_BY_RE = re.compile(
    r"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:is|was|remains?|remained)\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|area|territory|region|province|district|stronghold)\s+)?"
    r"(?:is|was|were|are|has been|had been|have been|remains?|remained)?\s*"
    r"(?:still\s+|now\s+|currently\s+|largely\s+|partly\s+|partially\s+|fully\s+|firmly\s+)?"
    r"(?:controlled|held|seized|captured|taken|overrun|occupied|retaken|recaptured|run)\s+by\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?",
    re.I,
)
# "liberate <place> from X": X held it (until then)
FREED_FROM_RE = re.compile(r"\b(liberat\w*|free(?:d|ing)?|retak\w*|retook|recaptur\w*|clear(?:ed|ing)?|wrest\w*|expel\w*|drove|driv\w+|push\w*)\s+(?:the\s+)?(?:(?:\w+\s+)?(?:city|town|village|province|district|area|region) of\s+)?$", re.I)
# "X's capture of <place>", "X's self-proclaimed capital, <place>"
CAPTURE_OF_RE = re.compile(
    r"\s*(?:’s|'s)\s+(?:(?:capture|seizure|takeover|occupation|control|siege)\s+of|(?:self-(?:proclaimed|declared|styled)\s+|de facto\s+)?(?:capital|stronghold|bastion)\s*,?)\s+(?:the\s+)?(?:(?:city|town|village|province|district) of\s+)?",
    re.I,
)
PAIR_ALLY_RE = re.compile(r"\b(supports?|supported|supporting|support (?:of|for|to)|assist(?:s|ed|ing)?|in support of|coordinated with|together with|alongside|allied with|allies of|ally|partners? of|in partnership with|backed by|aided by|supported by|with the support of|jointly with|joint (?:operation|patrol|offensive)s? with|in cooperation with|cooperat\w+ with|working with|stands? by)\b")
NOT_ORG_RE = re.compile(r"^(?:S?V?B?IEDs?|RPGs?|ATGMs?|MANPADS|HMS .*|USS .*|FS .*|State|Islam|Justice|West|East|South|North|Passcode.*|@\w+|Operations? [A-Z].*)$")
NOTE_PREFIXES = {
    "movement of forces": "ChangeToGroupActivity",
    "security measures": "ChangeToGroupActivity",
    "non-violent activity": "ChangeToGroupActivity",
    "change to group/activity": "ChangeToGroupActivity",
    "other": "OtherDevelopment",
    "property destruction": "LootingPropertyDestruction",
    "looting": "LootingPropertyDestruction",
    "arrests": "Arrests",
    "agreement": "Agreement",
    "headquarters or base established": "HeadquartersOrBaseEstablished",
    "disrupted weapons use": "DisruptedWeaponsUse",
    "non-violent transfer of territory": "NonViolentTransferOfTerritory",
}
# ACLED notes of strategic developments often start with their kind ("Security measures: ...").
NOTE_PREFIX_RE = re.compile(r"^\s*(" + "|".join(re.escape(k) for k in NOTE_PREFIXES) + r")\s*:", re.I)
PROTEST_RE = re.compile(r"\b(protest(ed|ers|s|ing)?|demonstrat(ed|ion|ions|ors|ing)|vigil|sit-in|rall(y|ies|ied)|marched|took to the streets|gathered .{0,60}(demand|denounc|against|protest)\w*)\b", re.I)
RIOT_RE = re.compile(r"\b(riot\w*|burn(ed|t|ing) tires|blocked (the |several |main )?roads?|threw stones|stone-throwing|set fire to|stormed|torched|clashed with (the )?(security|police))\b", re.I)
THREAT_RE = re.compile(r"\b(threaten(?:ed|s|ing)?|warn(?:ed|s|ing)?|vow(?:ed|s)?|pledg(?:ed|es)|swore|sworn)\b(?:\s+(?!and\b)[\w,]+){0,3}?\s+(?:to|that)\b", re.I)
NEGATED_CLAIM_RE = re.compile(r"\b(no (group|one|party|faction)|nobody|none)\b[^.]{0,30}\bclaim|\b(has|have|had) not (yet )?claimed|\bnot (been )?claimed|\bdenied (responsibility|involvement)", re.I)
NEW_EVENT_RE = re.compile(r"\b(separately|meanwhile|elsewhere|in another|in a separate|also|later|earlier|the next day|the following day|in response|in retaliation|retaliat\w+|in the south|in the north|in the east|in the west)\b", re.I)
HABITUAL_RE = re.compile(r"\b(on a regular basis|regularly|string of|series of|wave of|continues?|often|frequently|usually|such)\b", re.I)
SOURCE_RE = re.compile(r"\baccording to\s+(?:the\s+)?([^,.;:]+)", re.I)
SAID_RE = re.compile(r"\b((?:pro|anti)-[\w-]+ sources|(?:local|activist|opposition|government|military|security|medical|official|media|tribal|kurdish|turkish|syrian|iraqi|russian|western|israeli|iranian|us|u\.s\.) (?:sources|officials|activists|media)|sources|activists|residents|witnesses|officials)\s+(said|reported|told|stated|claimed|confirmed)\b", re.I)


@dataclass
class Mention:
    """One mention of an entity in the document, before emission."""

    key: str
    start: int
    end: int
    text: str
    kind: str  # actor | person | place | country | source
    rule: str
    confidence: float
    cue: str = ""  # for places: the word before ("in", "near", "east of", "town of") or after ("province")


@dataclass
class SentenceInfo:
    index: int
    span: Span
    paragraph: int
    mentions: list[Mention] = field(default_factory=list)

    @cached_property
    def text(self) -> str:
        return self.span.text

    @property
    def start(self) -> int:
        return self.span.start_char


def _index_sentences(doc: Doc) -> None:
    """Make ``span.sent`` a lookup: spaCy's own walks every token of the document on each call,
    which made sentence lookups the slowest step of the whole build (seconds per 100 articles)."""
    sentences = list(doc.sents)
    starts = [s.start for s in sentences]

    def sent_of(span: Span) -> Span:
        return sentences[max(bisect.bisect_right(starts, span.start) - 1, 0)]

    doc.user_span_hooks["sent"] = sent_of


def _directed_words(gov: object) -> list:
    """The word an action is named by, and for a verb what it imposes: "imposed a curfew",
    "declared a state of siege", "remained on alert", "under curfew"."""
    words = [gov]
    if upos(gov) == "VERB":
        for c in gov.children:
            if c.dep_ == "dobj":
                words.append(c)
                words += [g for p in c.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ in ("on", "under"):
                words += [g for g in c.children if g.dep_ == "pobj"]
    return words


class Extractor:
    """Turns a parsed Doc into a :class:`DocResult` (entities, affiliations, events)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        adjectives = sorted({a for c in gazetteer.countries.values() for a in c.adjectives}, key=len, reverse=True)
        adj = "|".join(re.escape(a) for a in adjectives)
        self._adj = adj
        self.force_re = re.compile(
            r"\b(?:pro-)?(" + adj + r")(?:\s+(?:special|security|government|regime|armed|military|ground|elite|air|naval|coalition))*\s+(" + SERVICE_NOUNS + "|" + FORCE_NOUNS + r")\b"
        )
        self.backed_before_re = re.compile(
            r"(?:\b(" + adj + r")|\b((?!(?:The|A|An|Its|Their)\b)[A-Z][\w.'’]+(?: [A-Z][\w.'’]+)?))[-‐ ](backed|supported|sponsored|funded|financed|armed|aligned|allied|affiliated|linked|controlled|led)\s+(?:[\w’'-]+\s+){0,2}$"
        )
        self.pro_after_re = re.compile(r"^\s*,\s*(?:the|an?|which is an?|a local)\s+(?:([\w’'-]+)\s+){0,3}?pro[-‐ ](" + adj + r"|[A-Z]\w+)\b")
        self.adj_after_re = re.compile(r"^\s*,\s*(?:the|an?)\s+(" + adj + r")\b")

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc, document: Document) -> DocResult:
        _index_sentences(doc)
        state = _DocState(self.gaz, doc, document)
        self._collect_mentions(state)
        state.decide_focus()
        self._generic_actors(state)
        self._person_short_forms(state)
        state.finalise_mentions()
        for sent in state.sentences:
            self._sentence_rules(state, sent)
        self._gazetteer_hierarchy(state)
        return state.result()

    # ------------------------------------------------------------------ mentions
    def _collect_mentions(self, st: "_DocState") -> None:
        doc = st.doc
        text = doc.text
        # Votes for the country in focus before any place is resolved.
        # Places say where things happen; actors and adjectives only who is involved.
        for ent in doc.ents:
            iso, weight = None, 1
            if ent.label_ == "COUNTRY":
                iso, weight = ent.ent_id_.split(":", 1)[1], 2
                st.named_countries.add(iso)
            elif ent.label_ in ("ACTOR", "PLACE"):
                ident = ent.ent_id_.split(":", 1)[1] if ent.label_ == "ACTOR" else ent.ent_id_
                entry = self.gaz.actors.get(ident) if ent.label_ == "ACTOR" else self.gaz.places.get(ident)
                iso = entry.country if entry is not None else None
                weight = 3 if ent.label_ == "PLACE" else 1
            elif ent.label_ == "NORP":
                iso = self.gaz.country_of_adjective(ent.text)
            elif ent.label_ == "GPE":
                iso = self.gaz.country_by_name.get(name_key(ent.text))
                if iso:
                    st.named_countries.add(iso)
                    weight = 2
            if iso:
                st.country_votes[iso] = st.country_votes.get(iso, 0) + weight
                if weight >= 2:
                    st.place_votes[iso] = st.place_votes.get(iso, 0) + weight
        st.decide_focus()
        st.country_votes = {}
        # Nationality + force noun ("Russian troops", "Israeli special services").
        for m in self.force_re.finditer(text):
            iso = self.gaz.country_of_adjective(m[1])
            if not iso:
                continue
            noun = m[2].lower()
            if re.fullmatch(SERVICE_NOUNS, noun):
                key = f"actor:{slug(m.group(0))}"
                st.add_entity(key, "StateForce", m.group(0).strip(), country=iso, inter=1)
            else:
                key = self.gaz.countries[iso].forces_key
            st.add_mention(Mention(key, m.start(), m.end(), m.group(0), "actor", "nationality_force", 0.85))
        # Named military formations: "Combined Task Force 150", "Special Operations Joint Task Force",
        # "the Amphibious Task Group", "CTF 50".
        for m in MILITARY_UNIT_RE.finditer(text):
            if st.overlaps(m.start(), m.end(), kinds=("actor", "country")) or any(e.label_ in ("ACTOR", "COUNTRY") and e.start_char < m.end() and m.start() < e.end_char for e in doc.ents):
                continue  # a formation the gazetteer knows keeps its entry
            label = m.group(0)
            key = f"actor:{slug(label)}"
            st.add_entity(key, "StateForce", label)
            st.add_mention(Mention(key, m.start(), m.end(), label, "actor", "military_formation", 0.7))
        # "Karen guerrilla camps", "Albanian rebel-held territory": the group whose positions they are.
        for m in GROUP_OBJECT_RE.finditer(text):
            name, noun = m[1], m[2].lower()
            if name in NOT_GROUP_NAMES or st.overlaps(m.start(1), m.end(2)) or self.gaz.country_by_name.get(name_key(name)):
                continue
            label = f"{name} {noun}s"
            iso = self.gaz.country_of_adjective(name)
            if iso and noun in ("militia", "militant"):
                continue  # "Iranian militia positions": a nationality's militias are its proxies, coded elsewhere
            key = f"actor:{slug(label)}"
            st.add_entity(key, "RebelGroup" if noun in ("rebel", "guerrilla", "guerilla", "insurgent", "separatist") else "NonStateArmedGroup", label, inter=2, **({"country": iso} if iso else {}))
            st.add_mention(Mention(key, m.start(1), m.end(2), m.group(1) + " " + m.group(2), "actor", "group_of_positions", 0.6))
        # A capitalised name right before "in <a known place>" ("shelled X in Hama", "the hamlet of X in
        # the countryside of Y") is a place inside it.
        known = sorted((e.start_char, e.end_char) for e in doc.ents if e.label_ == "PLACE")
        before_known = re.finditer(
            r"(?<![\w'’-])((?:(?:al|el|ad|as|ar|ash|az)[-‐ ])?[A-Z][\w'’]+(?:[- ](?:(?:al|el|ad|as|Al|El)[-‐ ])?[A-Z][\w'’]+){0,3})"
            r"(\s+(?:and (?:its|the) (?:vicinity|surroundings|surrounding areas?)\s+|and surrounding areas\s+)?(?:village|hamlet|town|city|area|neighbou?rhood|camp|district|desert|front|crossing|road|hill|region)?\s*"
            r"(?:in|near|west of|east of|north of|south of|on the outskirts of|in the vicinity of)\s+(?:the\s+)?(?:rural\s+|(?:(?:north|south|east|west)(?:ern)?\s+)?countryside of\s+)?)",
            text,
        )
        # ... or named a town by the word after it: "3 km east of Tal Abyad town"
        before_town = re.finditer(r"(?<![\w'’-])((?:(?:al|el|ad|as|ar|ash|az)[-‐ ])?[A-Z][\w'’]+(?:[- ](?:(?:al|el|ad|as|Al|El)[-‐ ])?[A-Z][\w'’]+){0,3})(\s+(?:city|town|[Aa]irbase|[Aa]ir [Bb]ase|[Aa]irport))\b", text)
        # "Metina (Amadiya) region of Duhok": a local name and, in brackets, the town it is known by
        for m in re.finditer(r"(?<![\w'’-])([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2})\s*\(([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})\)\s+(?:region|area|district|subdistrict)\s+(?:of|in)\s+(?:the\s+)?", text):
            if not any(abs(a - m.end()) <= 4 for a, _ in known):
                continue
            for group, forced in ((2, False), (1, True)):
                span = doc.char_span(m.start(group), m.end(group), alignment_mode="contract")
                if span is not None and not st.overlaps(span.start_char, span.end_char):
                    self._place_from_text(st, span, forced=forced)
                    if st.overlaps(span.start_char, span.end_char, kinds=("place",)):
                        break
        for m in (*before_known, *before_town):
            follows = m.end()
            if m.group(2).strip().lower() not in ("city", "town", "airbase", "air base", "airport") and not any(abs(a - follows) <= 4 for a, _ in known):
                continue
            span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
            if span is None or st.overlaps(span.start_char, span.end_char) or span[0].is_sent_start and span[0].lower_ in ("on", "in", "around", "as", "the"):
                continue
            if span.text.split()[0] in ("On", "In", "Around", "As", "The", "Other", "Movement", "Security", "Looting", "Regime", "Turkish", "Russian", "Israeli", "Iraqi", "Syrian", "US", "Coalition"):
                continue
            if any(
                (e.label_ in ("ACTOR", "DATE", "COUNTRY", "GENERIC_ACTOR", "PLACE") or (e.label_ == "NORP" and self.gaz.country_of_adjective(e.text)))
                and e.start_char < span.end_char
                and span.start_char < e.end_char
                for e in doc.ents
            ):
                continue  # (a name the model calls a nationality, "Tal Tamer", may still be a town)
            self._place_from_text(st, span, forced=True, cue_word=(m.group(2) or "").strip().split(" ")[0] if m.group(2) else "")
        for ent in self._split_parentheses(doc):
            label = ent.label_
            if label == "ACTOR":
                st.add_mention(Mention(ent.ent_id_, ent.start_char, ent.end_char, ent.text, "actor", "gazetteer_actor", 0.95))
            elif label == "GENERIC_ACTOR":
                st.generic.append(ent)
            elif label == "PERSON_GAZ":
                row = self.gaz.persons.get(ent.ent_id_.split(":", 1)[1], {})
                ent_rec = st.add_entity(ent.ent_id_, "Person", row.get("name", ent.text), country=row.get("country"))
                ent_rec.aliases.update(row.get("aliases", []))
                st.add_mention(Mention(ent.ent_id_, ent.start_char, ent.end_char, ent.text, "person", "gazetteer_person", 0.9))
            elif label == "COUNTRY":
                after = text[ent.end_char : ent.end_char + 40]
                org = re.match(r"^\s+((?:[A-Z][\w.&-]*\s+){0,3}(?:Command|Department|Government|Embassy|Ministry|Office|Council|Agency|Navy|Air Force|Army|Marine Corps|Congress|Senate|Parliament|Administration))\b", after)
                if org:
                    # "<Country> Army Command": the country name is part of an organisation's name.
                    whole = text[ent.start_char : ent.end_char + org.end()]
                    key = f"actor:{slug(whole)}"
                    cls = "StateForce" if re.search(r"Command|Navy|Air Force|Army|Marine", whole) else "Organisation"
                    st.add_entity(key, cls, whole, country=ent.ent_id_.split(":", 1)[1])
                    st.add_mention(Mention(key, ent.start_char, ent.end_char + org.end(), whole, "actor", "country_org_name", 0.75))
                    continue
                role = self._acts(ent)
                rule = {"actor": "country_as_actor", "attributive": "country_attributive"}.get(role or "", "gazetteer_country")
                st.add_mention(Mention(ent.ent_id_, ent.start_char, ent.end_char, ent.text, "country", rule, 0.95))
            elif label == "PLACE":
                st.add_place_mention(ent.ent_id_, ent, "gazetteer_place", 0.9)
            elif label in ("GPE", "LOC", "FAC"):
                self._place_from_text(st, ent)
            elif label in ("ORG", "PERSON") and st.overlaps(ent.start_char, ent.end_char, kinds=("place",)):
                continue  # "Ras al Ain in Hasakah" was read as a place before the model's guess
            elif label == "ORG":
                self._org(st, ent)
            elif label == "PERSON":
                self._person(st, ent)
            elif label == "NORP":
                iso = self.gaz.country_of_adjective(ent.text)
                if iso:
                    st.country_votes[iso] = st.country_votes.get(iso, 0) + 1
        for m in re.finditer(r"\b(?:the\s+)?(?:[Gg]overnment|[Rr]egime|[Pp]arliament|[Mm]inistry of \w+) of (?:the )?([A-Z][\w.]+(?: [A-Z][\w.]+)?)|\bthe ([A-Z][a-z]+) (?:government|regime)\b", text):
            word = m.group(1) or m.group(2)
            iso = self.gaz.country_by_name.get(name_key(word)) or self.gaz.country_of_adjective(word)
            if iso:
                key = f"actor:government-{iso.lower()}"
                st.add_entity(key, "Organisation", f"Government of {self.gaz.countries[iso].name}" if iso in self.gaz.countries else m.group(0), country=iso)
                st.remove_overlapping(m.start(), m.end())
                st.add_mention(Mention(key, m.start(), m.end(), m.group(0), "actor", "government_of", 0.8))
                if m.group(1) and iso in self.gaz.countries:
                    # the country named inside ("the government of Iraq") is mentioned too
                    st.inner_countries.append((f"country:{iso}", m.start(1), m.end(1)))
        # Collective actors: "civilians", "the Syrian people", "Iraqis", "the international community".
        for m in re.finditer(r"\b(?:the\s+)?(" + self._adj + r")\s+people\b|\b(Syrians|Iraqis|Yemenis|Afghans|Libyans|Lebanese|Kurds|Palestinians)\b|\b(?:the\s+)?international community\b|\bcivilians\b|\b(?:our|international|regional|local|Coalition|coalition)\s+(?:partners|allies)\b|\ball parties\b", text):
            if st.overlaps(m.start(), m.end()):
                continue
            word = m.group(0).lower()
            if "international community" in word:
                key = st.add_entity("actor:international-community", "Organisation", "International community").key
            elif word == "civilians":
                st.focus = st.focus or st.focus_hint()
                key = self._civilians_named(st, text[max(0, m.start() - 40) : m.start()])
            else:
                label = re.sub(r"^the\s+", "", m.group(0), flags=re.I)
                key = st.add_entity(f"actor:{slug(label)}", "CivilianGroup", label, inter=7).key
            st.add_mention(Mention(key, m.start(), m.end(), m.group(0), "actor", "collective_actor", 0.6))
        # Office holders named by their office: "The Defence Minister told reporters ...".
        office = (
            r"\b[Tt]he\s+((?:(?:[A-Z][\w.]*|U\.S\.)\s+){0,2}(?:(?:Foreign|Defen[cs]e|Home|Prime|Deputy|Vice|Interior)\s+(?:Secretary|Minister)|(?:foreign|defen[cs]e|prime|interior)\s+minister)|Secretary(?:-General)?|secretary(?:-general)?|President|Prime Minister|Minister for (?:the )?[A-Z][\w]+(?: [A-Z][\w]+)?)\b(?! of State\b)"
            r"|\b((?:[A-Z0-9][\w.-]*\s+){1,4}(?:commander|Commander|spokes(?:man|person|woman)|commanding general))\b"
            r"|\b((?:[Tt]he\s+)?(?:commander|spokes(?:man|person|woman)|chief of staff|director) of (?:the )?(?:[A-Z0-9][\w.-]*\s*){1,4})"
        )
        # Unnamed individuals: "a soldier", "the wounded pilot" (one person each, per document).
        for m in re.finditer(r"\b(?:a|an|the|one|this|that)\s+(?:(?!and\b)[\w-]+\s+){0,2}?(soldier|service ?member|officer|pilot|sailor|airman|marine|hero|sniper|gunman|bomber|suicide bomber)\b(?!s)", text):
            if st.overlaps(m.start(), m.end()):
                continue
            label = re.sub(r"(?i)^(a|an|the|one|this|that)\s+", "", m.group(0))
            key = f"person:{slug(st.document.id)}-{slug(label)}"
            st.add_entity(key, "Person", label)
            st.add_mention(Mention(key, m.start(), m.end(), m.group(0), "person", "unnamed_individual", 0.5))
        for m in re.finditer(office, text):
            # An office may contain the organisation or place it belongs to ("U.S. Central Command
            # commander", "Minister for the Middle East"); only a person already found there stops it.
            if st.overlaps(m.start(), m.end(), kinds=("person",)) or any(x.start <= m.start() and m.end() <= x.end for x in st.mentions):
                continue
            if re.search(r"(?i)\b(?:a|an|once(?: a)?|former|formerly(?: a)?|ex)[\s-]*$", text[max(0, m.start() - 14) : m.start()]):
                continue  # "X, once a commander of Y": the office describes a person already named
            named = next((x for x in st.mentions if x.kind == "person" and (
                (x.end <= m.start() and re.fullmatch(r"\s*,\s*", text[x.end : m.start()]))
                or (x.start >= m.end() and re.fullmatch(r"\s*,\s*(?:[A-Z][\w.]*\.?\s+){0,3}", text[m.end() : x.start])))), None)
            if named is not None:
                # "Brad Cooper, commander of ...", "The X commander, Lt. Gen. Paul Funk": the office
                # names that person: its title is one more mention of them (not a second person),
                # and the organisation in it keeps its own mention
                role = re.search(r"(?i)commanding general|commander|spokes(?:man|person|woman)|chief of staff|director|secretary(?:-general)?|minister|president", m.group(0))
                if role:
                    st.add_mention(Mention(named.key, m.start() + role.start(), m.start() + role.end(), role.group(0), "person", "office_of_named_person", 0.6))
                continue
            label = (m.group(1) or m.group(2) or m.group(3)).strip()
            if re.match(r"(?i)^(a|an|the|its|their|his|her|former)\s*$", label):
                continue
            key = f"person:{slug(st.document.id)}-{slug(label)}"  # an office holder of this document, not merged across documents
            st.add_entity(key, "Person", label)
            st.add_mention(Mention(key, m.start(), m.end(), m.group(0), "person", "office_holder", 0.55))
        # Toponyms the model missed: "the town of X", "al-X" after a locative preposition.
        for m in re.finditer(
            r"\b(?:(town|village|hamlet|city|area|outskirts?|countryside|region|district|province|governorate|suburb|neighbou?rhood|camp|base|airport|crossing) of|in|near|at|around|to|from|of|rural|east of|west of|north of|south of|between|and)\s+((?:(?:al|Al|el|El|as|As|ad|Ad|ash|Ash|az|Az|ar|Ar|at|At)[-‐ ])?[A-Z][\w'’]+(?:[- ](?:al-|el-|ad-|as-)?[A-Z][\w'’]+){0,2})",
            text,
        ):
            span = self._free_span(st, m.start(2), m.end(2))
            if span is None:
                continue
            word = span.text
            if not re.match(r"(?:al|el|as|ad|ash|az|ar|at)[-‐ ]", word, re.I) and not m.group(1):
                if not MONTH_WORD_RE.match(word.split()[0]) and self._choose(st, span, self.gaz.lookup_place(word, st.focus_hint())):
                    self._place_from_text(st, span, forced=True, cue_word="")
                continue
            self._place_from_text(st, span, forced=True, cue_word=(m.group(1) or ""))
        for m in re.finditer(
            r"\b(?:in|near|at|around|of|from)\s+the\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(district|sub-?district|area|region|valley|plain|countryside|province|governorate|desert|mountains?)\b",
            text,
        ):
            span = self._free_span(st, m.start(1), m.end(1))
            if span is not None:
                self._place_from_text(st, span, forced=True, cue_word=m.group(2))

    @staticmethod
    def _free_span(st: "_DocState", start: int, end: int) -> Span | None:
        """The token span of ``start:end`` if no mention covers it yet."""
        span = st.doc.char_span(start, end, alignment_mode="expand")
        if span is None or st.overlaps(span.start_char, span.end_char):
            return None
        return span

    @staticmethod
    def _acts(span: Span) -> str | None:
        """How a country name is used: "actor" (subject, object, possessor of an action), "attributive"
        ("U.S. drones", "French Defence Ministry") or None (a place: "in Syria")."""
        tok = span.root
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
            return "attributive"
        while tok.dep_ == "conj" and tok.head is not tok:
            tok = tok.head
        if tok.dep_ == "dobj" and tok.head.lower_ in PLACE_OBJECT_VERBS:
            return None
        if tok.dep_ == "poss":
            return None if re.match(r"(?i)(province|governorate|city|town|territory|territories|border|north|south|east|west|capital|region|countryside|desert|coast|airspace|soil|interior)", tok.head.text) else "actor"
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "iobj", "agent", "dative"):
            return "actor"
        if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "with", "against", "for", "between", "among"):
            return "actor"
        return None

    def _place_from_text(self, st: "_DocState", span: Span, forced: bool = False, cue_word: str = "") -> None:
        text = span.text
        stripped = re.sub(r"\s+(?:in|of|on|at|near|and|the)$", "", re.sub(r"^(?:the|The)\s+", "", text))
        iso = self.gaz.country_by_name.get(name_key(stripped))
        if iso:
            st.add_mention(Mention(f"country:{iso}", span.start_char, span.end_char, text, "country", "model_gpe_country", 0.9))
            return
        if self.gaz.country_of_adjective(stripped):
            return
        if re.match(r"\s+(?:rockets?|missiles?|launchers?|shells?|mortars?|rifles?|drones?|systems?)\b", st.text[span.end_char : span.end_char + 12], re.I):
            return  # "Grad rockets", "Scud missiles": a weapon's name, not the town
        # Actor names tagged as places by the model ("Hezbollah" as GPE) are left to the ruler.
        if re.fullmatch(r"[A-Z]{2,5}", stripped):
            return  # acronyms (QSD, HTS, AAS) are actors, not places
        candidates = self._choose(st, span, self.gaz.lookup_place(stripped, st.focus_hint()))
        if not candidates:
            candidates = self._choose(st, span, self.gaz.lookup_place(stripped, st.focus_hint(), fuzzy=True), fuzzy=True)
        for iso in sorted(st.country_votes, key=lambda k: -st.country_votes[k])[1:3] if not candidates else ():
            # the other countries the actors point to ("Russian forces shelled ... Ukrainian positions near X")
            candidates = self._choose(st, span, self.gaz.lookup_place(stripped, iso, fuzzy=True), fuzzy=True)
            if candidates:
                break
        if candidates:
            st.add_place_mention(candidates[0].key, span, "geonames_or_curated", 0.8 if not forced else 0.7, cue_word)
            return
        # Compound areas: "Hama-Idlib countryside", "Raqqa-Tabqa road".
        parts = self._split_compound(stripped, st.focus_hint())
        if len(parts) >= 2:
            area_label = stripped
            key = f"place:{(st.focus_hint() or 'xx').lower()}:{slug(area_label)}"
            admins = [self._admin1_of(p) for p in parts]
            admins = [a for a in admins if a]
            parent = max(set(admins), key=admins.count) if admins else None
            st.add_entity(key, "Area", area_label, country=st.focus_hint(), parent=parent)
            st.add_mention(Mention(key, span.start_char, span.end_char, text, "place", "compound_area", 0.7, cue_word))
            for part_text, entry in parts:
                pos = text.find(part_text)
                st.add_mention(
                    Mention(entry.key, span.start_char + max(pos, 0), span.start_char + max(pos, 0) + len(part_text), part_text, "place", "compound_area_part", 0.7, "in")
                )
                st.ensure_place(entry)
            return
        if forced or span.label_ in ("GPE", "LOC", "FAC"):
            if len(stripped) < 3 or not stripped[0].isupper() and not re.match(r"(?:al|el|as|ad|ash|az|ar|at)[-‐ ]", stripped, re.I):
                return
            if re.search(r"\b(sources?|news|agency)\b", stripped, re.I):
                return
            if not cue_word:
                prior = re.search(r"\b(town|village|city|suburb|hamlet)\s+of\s+(?:the\s+)?$", st.text[max(0, span.start_char - 20) : span.start_char], re.I)
                following = re.match(r"^\s+(town|village|city|hamlet)\b", st.text[span.end_char : span.end_char + 10], re.I)
                cue_word = (prior or following).group(1) if (prior or following) else ""
            cls = "PopulatedPlace" if cue_word.lower() in ("town", "village", "hamlet", "city", "suburb") else ("NaturalFeature" if re.search(r"\b(mount|mountains?|jabal|jebel|valley|desert|river|plain)\b", stripped, re.I) else "Location")
            key = f"place:{(st.focus_hint() or 'xx').lower()}:{slug(stripped)}"
            st.add_entity(key, cls, stripped, country=st.focus_hint())
            st.add_mention(Mention(key, span.start_char, span.end_char, text, "place", "toponym_unresolved", 0.6, cue_word))

    def _choose(self, st: "_DocState", span: Span, candidates: list[PlaceEntry], fuzzy: bool = False) -> list[PlaceEntry]:
        """Disambiguate place candidates: the country in focus (a neighbour only if that country's
        own name appears in the document), then the governorate named in the same sentence. A fuzzy
        (consonant skeleton) match must lie in that governorate. Without a focus, only large towns
        or places in a country the document names are accepted."""
        # A province named in the same sentence decides first ("Palma (Cabo Delgado)", "Bijapur,
        # Chhattisgarh"): a namesake elsewhere, however large, is not meant.
        context = {e.ent_id_ for e in span.sent.ents if e.label_ == "PLACE" and e.ent_id_.startswith("adm1:")}
        in_context = [c for c in candidates if c.admin1 in context or c.key in context]
        if in_context:
            return in_context
        # A place said to be in or near another: only namesakes there ("the Jacarezinho favela in
        # Rio de Janeiro" is not Jacarezinho in Parana); none there, and it is a place the
        # gazetteer lacks.
        anchors = self._anchors(span)
        if anchors:
            return [
                c
                for c in candidates
                if any(
                    (a.cls == "AdminRegion" and c.admin1 == a.key)
                    or (a.cls != "AdminRegion" and a.lat is not None and c.lat is not None and haversine_km(a.lat, a.lon, c.lat, c.lon) <= ANCHOR_KM)
                    for a in anchors
                )
            ]
        # Only places and country names decide where a document is; actors (Turkish forces,
        # the IRGC) act abroad too.
        focus = max(st.place_votes.items(), key=lambda kv: kv[1])[0] if st.place_votes else None
        if focus:
            in_focus = [c for c in candidates if c.country == focus or c.country is None]
            if in_focus:
                candidates = in_focus
            elif fuzzy:
                candidates = []
            else:
                # a neighbour the document names, else a major city of a country the document names
                # or whose people it names ("Afghan rebels ... in Kabul")
                candidates = [c for c in candidates if c.country in st.named_countries and c.country in self.gaz.neighbours.get(focus, ())] or [
                    c for c in candidates if c.cls == "PopulatedPlace" and c.population >= 500_000 and (c.country in st.named_countries or c.country in st.country_votes)
                ][:1]
        else:
            # No country in focus: places in the conflict countries the gazetteer covers, large towns
            # elsewhere, or places in a country the document names.
            # A town far from the countries the document's actors point to (theirs and their
            # neighbours) is taken only if large ("ADF rebels attacked Kisima": not Kissimmee, Florida;
            # "Turkish forces closed Afrin": Syria is next door).
            near = set(st.country_votes) | st.named_countries
            near |= {n for iso in near for n in self.gaz.neighbours.get(iso, ())}
            if st.country_votes:
                candidates = [c for c in candidates if c.country is None or c.country in near or c.population >= 100_000]
            covered = [c for c in candidates if c.country in near or c.country in self.gaz.curated_countries or c.cls != "PopulatedPlace"]
            biggest = max(candidates, key=lambda c: c.population, default=None)
            if (
                biggest is not None
                and biggest not in covered
                and biggest.population >= 100_000
                and biggest.population >= 10 * max((c.population for c in covered if c.cls == "PopulatedPlace"), default=0)
                and not any(c.cls != "PopulatedPlace" for c in covered)
            ):
                # a city far larger than the namesakes of the conflict countries: Bogota is Bogotá, not
                # the town in New Jersey; Cali is Cali, not Derbent (which also bears the name)
                covered = [biggest]
            candidates = covered or [c for c in candidates if c.population >= 100_000]
            arabic = re.match(ARABIC_TOPONYM_START, span.text, re.I)
            if arabic:
                # a name written with the Arabic article or a word of Arabic place names ("al-Dabaat",
                # "Ain Issa", "Kafr Nabl") is in an Arabic-speaking country (or one the document points
                # to), not Dabat in Ethiopia or Inisa in Nigeria
                candidates = [c for c in candidates if c.country in ARABIC_SPEAKING or c.country in near]
                if fuzzy and len(candidates) == 1:
                    return candidates
        if fuzzy:
            if context:
                return []  # a province is named, and no place spelt like this lies in it
            # No governorate to check against: one sizeable town, or one far larger than the others
            # (Nasiriyah in Iraq, not the small namesakes in Libya and Egypt).
            sizeable = sorted((c for c in candidates if c.population >= 20_000), key=lambda c: -c.population)
            if len(sizeable) == 1 or (sizeable and sizeable[0].population >= 5 * sizeable[1].population):
                return sizeable[:1]
            return []
        if len(candidates) > 1 and place_key(candidates[0].name) != place_key(span.text):
            # a town of that very name before a namesake of like size found under another name:
            # "Tafas" is Ţafas in Syria, not Talas in Turkey (which GeoNames also calls Tafas)
            key = place_key(span.text)
            named = next((c for c in candidates[1:] if place_key(c.name) == key and 2 * c.population >= candidates[0].population), None)
            if named is not None:
                candidates = [named] + [c for c in candidates if c is not named]
        return candidates

    def _anchors(self, span: Span) -> list[PlaceEntry]:
        """Every reading (town or province) of the place named right after ``span`` as the one it
        lies in or near; none if no such place follows or the gazetteer does not know it."""
        m = ANCHOR_AFTER_RE.match(span.doc.text, span.end_char)
        if not m:
            return []
        nxt = next((e for e in span.sent.ents if e.start_char == m.end() and e.label_ in ("GPE", "LOC", "FAC", "PLACE")), None)
        if nxt is None:
            return []
        return [p for p in self.gaz.lookup_place(nxt.text, None) if p.cls in ("PopulatedPlace", "AdminRegion") and (p.lat is not None or p.cls == "AdminRegion")]

    def _split_compound(self, text: str, focus: str | None) -> list[tuple[str, PlaceEntry]]:
        core = re.sub(r"\s+(countryside|triangle|region|area|axis|road|highway|front|desert)$", "", text, flags=re.I)
        pieces = re.split(r"(?<=[a-z])-(?=[A-Z])", core)
        if len(pieces) < 2:
            return []
        out: list[tuple[str, PlaceEntry]] = []
        i = 0
        while i < len(pieces):
            found = False
            for j in range(len(pieces), i, -1):
                cand = "-".join(pieces[i:j])
                hits = self.gaz.lookup_place(cand, focus)
                if hits:
                    out.append((cand, hits[0]))
                    i = j
                    found = True
                    break
            if not found:
                return []
        return out

    @staticmethod
    def _split_parentheses(doc: Doc) -> list[Span]:
        """The model's entities, with those it ran across an opening parenthesis cut in two:
        "Tame (Arauca" is the town and its department ("in Tame (Arauca)")."""
        out = []
        for ent in doc.ents:
            cut = ent.text.find("(")
            if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON") and cut > 0 and ")" not in ent.text:
                left = doc.char_span(ent.start_char, ent.start_char + cut, label=ent.label_, alignment_mode="contract")
                right = doc.char_span(ent.start_char + cut + 1, ent.end_char, label=ent.label_, alignment_mode="contract")
                out.extend(part for part in (left, right) if part is not None and part.text.strip())
            else:
                out.append(ent)
        return out

    def _admin1_of(self, part: tuple[str, PlaceEntry]) -> str | None:
        entry = part[1]
        if entry.cls == "AdminRegion":
            return entry.key
        return entry.admin1

    def _org(self, st: "_DocState", ent: Span) -> None:
        trail = re.search(r"\s+(?:near|in|of|at|on|from|and|with|to|by|outside|around)$", ent.text)
        if trail:
            # "the Mexican National Guard near" once the place after it is cut out: the name ends before
            ent = ent.doc.char_span(ent.start_char, ent.start_char + trail.start(), label=ent.label_, alignment_mode="contract")
            if ent is None:
                return
        text = re.sub(r"^(?:the|The)\s+", "", ent.text).strip()
        if _RANKED_NAME_RE.match(text):
            self._person(st, ent)  # "Rear Adm. Brad Cooper": a ranked name the model took for an organisation
            return
        if len(text) < 2 or NOT_ORG_RE.match(text):
            return
        window = st.text[max(0, ent.start_char - 30) : ent.start_char]
        if re.search(r"\b(Minister|Secretary|Envoy|Representative|Commissioner|Ambassador|Coordinator)\s+(?:for|to|of)\s+$", window):
            # "Envoy for the Horn of Africa Jane Doe": the model took office and name for one organisation.
            tail = re.search(r"((?:[A-Z][a-z]+\s+){1,2}[A-Z][a-z]+)$", ent.text)
            if tail and len(tail.group(1).split()) >= 2:
                words = tail.group(1).split()
                name = " ".join(words[-2:])
                start = ent.end_char - len(name)
                key = f"person:{slug(name)}"
                st.add_entity(key, "Person", name)
                st.add_mention(Mention(key, start, ent.end_char, name, "person", "office_and_name", 0.7))
                return
        iso = self.gaz.country_by_name.get(name_key(text))
        if iso:
            st.add_mention(Mention(f"country:{iso}", ent.start_char, ent.end_char, ent.text, "country", "model_org_country", 0.8))
            return
        before = st.text[max(0, ent.start_char - 25) : ent.start_char]
        cue = PLACE_CUE_BEFORE_RE.search(before)
        if not ARMED_CUES.search(text) and (
            self.gaz.lookup_place(text, st.focus_hint()) or cue or re.match(r"(?:al|el|as|ad|ash|az|ar|at)[-‐ ][A-Z]", text)
        ):
            self._place_from_text(st, ent, forced=True, cue_word=cue[cue.lastindex] if cue else "")
            return
        adj = re.match(r"(?:pro-)?(" + self._adj + r")\s+(.*)$", text)
        country = self.gaz.country_of_adjective(adj[1]) if adj else None
        if ARMED_CUES.search(text):
            cls = "StateForce" if country and re.search(r"\b(army|armed forces|air force|navy|guard)\b", text, re.I) else "NonStateArmedGroup"
            key = f"actor:{slug(text)}"
            st.add_entity(key, cls, text, country=country)
            st.add_mention(Mention(key, ent.start_char, ent.end_char, ent.text, "actor", "model_org_armed", 0.7))
        elif MEDIA_CUES.search(text):
            key = f"actor:{slug(text)}"
            st.add_entity(key, "MediaOutlet", text, country=country)
            st.add_mention(Mention(key, ent.start_char, ent.end_char, ent.text, "actor", "model_org_media", 0.6))
        else:
            key = f"actor:{slug(text)}"
            st.add_entity(key, "Organisation", text, country=country)
            st.add_mention(Mention(key, ent.start_char, ent.end_char, ent.text, "actor", "model_org", 0.5))

    def _person(self, st: "_DocState", ent: Span) -> None:
        text = ent.text.strip()
        text = re.sub(r"[’']s$", "", text).strip()
        if len(text) < 3 or not text[0].isupper():
            return
        if name_key(text) in st.gaz.country_by_name or self.gaz.country_of_adjective(text):
            return
        if re.match(r"(?:HMS|USS|FS|HMAS|HMCS|INS|RFS|TCG)\s", text):
            return  # a warship, not a person
        near = re.match(r"^(?:Near|In|At|Around|Outside)\s+(.+)$", text)
        cue = PLACE_CUE_BEFORE_RE.search(st.text[max(0, ent.start_char - 25) : ent.start_char])
        if cue:
            self._place_from_text(st, ent, forced=True, cue_word=cue[cue.lastindex])
            return  # "the hamlet of Umm X": a place the model took for a person
        # After "in", "near": a spelling the gazetteer lacks is tried by how it sounds ("in Ras al Ain").
        in_place = re.search(r"\b(?:in|near|around|outside)\s+$", st.text[max(0, ent.start_char - 8) : ent.start_char])
        paren = re.match(r"\s*(?:township|district|town|village|city)?\s*\(([^()]{2,60})\)", st.text[ent.end_char : ent.end_char + 72])
        if paren and any(e.label_ in ("PLACE", "GPE", "COUNTRY") and e.start_char >= ent.end_char + paren.start(1) and e.end_char <= ent.end_char + paren.end(1) for e in st.doc.ents):
            # "shelled Horlivka (Donetsk)", "near Kani (Sagaing)": a town followed by its province,
            # a place even where the gazetteers lack it
            if len(text.split()) <= 3 and not re.search(r"\b(Abu|Umm|bin|ibn)\b", text):
                self._place_from_text(st, ent, forced=True)
                return
        if near or (
            len(text.split()) <= 3
            and not re.search(r"\b(Abu|Umm|bin|ibn)\b", text)
            and not SPEAKER_VERB_AFTER_RE.match(st.text[ent.end_char : ent.end_char + 80])  # "Cook said": a person, not the town
            and (
                # a subject is a place only in a country the document names ("Kismayo was", not "Smith agreed")
                [c for c in self._choose(st, ent, self.gaz.lookup_place(text, st.focus_hint())) if in_place or ent.root.dep_ not in ("nsubj", "nsubjpass") or c.country in st.named_countries]
                or (in_place and self._choose(st, ent, self.gaz.lookup_place(text, st.focus_hint(), fuzzy=True), fuzzy=True))
            )
        ):
            # Strike lists that start with a place ("Near X, three strikes ...") and places the model took for people.
            span = st.doc.char_span(ent.start_char + (near.start(1) if near else 0), ent.end_char, alignment_mode="contract")
            if span is not None:
                self._place_from_text(st, span, forced=True)
            return
        window = st.text[max(0, ent.start_char - 40) : ent.start_char]
        title = re.search(r"(?:^|\s)((?:Prime Minister|Foreign Minister|Defen[cs]e Minister|Foreign Secretary|Defen[cs]e Secretary|Secretary of State|Minister(?: for [A-Z][\w ]+?)?|President|Vice President|King|Crown Prince|Emir|Sheikh|Ayatollah|Imam|Senator|Ambassador|Mayor|Governor))\s*$", window)
        # Rank words inside or just before the span.
        before = st.text[max(0, ent.start_char - 30) : ent.start_char]
        rank = None
        inner = re.match(r"^(" + "|".join(re.escape(k) for k in sorted(RANKS, key=len, reverse=True)) + r")\s+(.+)$", text, re.I)
        start = ent.start_char
        if inner:
            rank = RANKS[inner[1].lower()]
            text = inner[2]
        else:
            m = _RANK_RE.search(before)
            if m:
                rank = RANKS[m[1].lower()]
                start = ent.start_char - (len(before) - before.rfind(m[1]))
        if len(text.split()) == 1 and not rank and not re.match(r"(?:Abu|Abou|Umm|Al)[-‐ ]", text):
            if not (upos(ent[0]) == "PROPN" and not ent[0].is_sent_start and text.istitle()):
                # A bare single name at a sentence start may be anything: keep it only if the full name was seen.
                st.single_names.append(ent)
                return
        if title and not rank:
            start = ent.start_char - (len(window) - title.start(1))
        key = f"person:{slug(text)}"
        st.add_entity(key, "Person", text, rank=rank)
        surface = st.text[start : ent.end_char]
        st.add_mention(Mention(key, start, ent.end_char, surface, "person", "model_person" if not rank else "rank_person", 0.8))
        if rank:
            st.entities[key].aliases.add(surface.strip())

    def _generic_actors(self, st: "_DocState") -> None:
        focus = st.focus
        saudi = self.gaz.actors.get("saudi-led-coalition")
        if saudi is not None and focus in saudi.focus_countries:
            # In Yemen "the Coalition" is the Saudi-led one.
            for m in st.mentions:
                if m.key == "actor:us-led-coalition" and re.match(r"(?i)^(the )?coalition\b", m.text):
                    m.key = saudi.key
                    st.ensure_actor(saudi.key)
        for ent in st.generic:
            prev = [m for m in st.mentions if m.kind == "actor" and m.end <= ent.start_char and not st.text[m.end : ent.start_char].strip()]
            if prev:
                # "Islamic State militants": the generic noun belongs to the named actor.
                prev[-1].end = ent.end_char
                prev[-1].text = st.text[prev[-1].start : ent.end_char]
                continue
            def acceptable(entry) -> bool:
                if entry.focus_countries:
                    return focus in entry.focus_countries
                return not (entry.country and focus and entry.country != focus)

            entry = self.gaz.actors.get(ent.ent_id_.split(":", 1)[1])
            if entry is None:
                continue
            if not acceptable(entry):
                # "the Coalition" is the Saudi-led one only in Yemen; elsewhere try the other readings.
                entry = next((e for e in self.gaz.generic_candidates(ent.text) if acceptable(e)), None)
                if entry is None:
                    continue
            st.add_mention(Mention(entry.key, ent.start_char, ent.end_char, ent.text, "actor", "generic_actor_in_focus", 0.6))
        if focus and focus in self.gaz.countries:
            forces = self.gaz.countries[focus].forces_key
            for m in STATE_GENERIC.finditer(st.text):
                word = m[1].lower()
                prefix = st.text[max(0, m.start() - 25) : m.start()].lower()
                if re.search(r"(pro-|anti-|opposition|rebel|kurdish|coalition|\bnot\b)\s*$", prefix):
                    continue
                if word in ("soldiers",) and not re.search(r"\b(government|regime|army)\b", prefix):
                    continue
                if word.startswith("regime") and re.match(r"-(controlled|held|backed)", st.text[m.end() : m.end() + 12]):
                    continue
                if word in ("army", "military") and not m.group(0).lower().startswith("the"):
                    continue
                span = st.doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and span.end < len(st.doc) and upos(st.doc[span.end]) in ("NOUN", "PROPN", "ADJ"):
                    continue
                if st.overlaps(m.start(), m.end()):
                    continue
                st.add_mention(Mention(forces, m.start(), m.end(), m.group(0), "actor", "state_force_in_focus", 0.6))

    def _person_short_forms(self, st: "_DocState") -> None:
        # A short person mention ("Al-Hariri") after the full name resolves to the full name.
        persons = [e for e in st.entities.values() if e.cls == "Person"]
        for short in persons:
            words = short.label.split()
            folded = [w.lower() for w in words]
            longer = [p for p in persons if p is not short and len(p.label.split()) > len(words) and [w.lower() for w in p.label.split()[-len(words):]] == folded]
            if longer:
                st.redirect(short.key, longer[0].key)
        # Noms de guerre: "X, nom de guerre 'Abu Y'", "X, also known as Abu Y", "X ('Abu Y')".
        for m in list(st.mentions):
            if m.kind != "person":
                continue
            window = st.text[m.end : m.end + 120]
            mn = re.match(
                r"^[^.;]{0,60}?\b(?:nom de guerre|also known as|known as|alias|aka|a\.k\.a\.|nicknamed|better known as)\s*,?\s*[\"“‘'(]?\s*((?:Abu|Abou|Umm|Sheikh|Haji|Mullah)?[\s-]?[A-Z][\w'’-]+(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,3})",
                window,
            ) or re.match(r"^\s*\(\s*[\"“‘']?((?:Abu|Abou|Umm)\s+[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+){0,2})[\"”’']?\s*\)", window)
            if not mn:
                continue
            alias = mn[1].strip().strip("\"“”‘’'")
            person = st.entities.get(m.key)
            if person is None or name_key(alias) == name_key(person.label):
                continue
            person.nom_de_guerre = person.nom_de_guerre or alias
            person.aliases.add(alias)
            alias_key = f"person:{slug(alias)}"
            if alias_key in st.entities and alias_key != m.key:
                st.redirect(alias_key, m.key)
            start = m.end + mn.start(1) + (len(mn[1]) - len(mn[1].lstrip()))
            st.remove_overlapping(start, start + len(alias))
            st.add_mention(Mention(m.key, start, start + len(alias), alias, "person", "nom_de_guerre", 0.8))
        persons = [e for e in st.entities.values() if e.cls == "Person"]
        forms: dict[str, str] = {}
        for person in persons:
            words = person.label.split()
            if len(words) >= 2:
                forms[" ".join(words[1:])] = person.key
                forms[words[-1]] = person.key
                last = words[-1]
                if re.match(r"(?:al|el|Al|El)[-‐]", last):
                    forms[last.split("-", 1)[1]] = person.key
        for form, key in sorted(forms.items(), key=lambda kv: -len(kv[0])):
            if len(form) < 3:
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", st.text):
                # The model's guess that the surname alone is an organisation ("Votel said") yields.
                guessed = next((x for x in st.mentions if x.rule == "model_org" and (x.start, x.end) == (m.start(), m.end())), None)
                if guessed is not None and st.entities.get(guessed.key) is not None and st.entities[guessed.key].label == form:
                    st.redirect(guessed.key, key)
                    guessed.kind, guessed.rule = "person", "person_short_form"
                    continue
                if st.overlaps(m.start(), m.end(), kinds=("person", "actor", "country")):
                    continue
                st.remove_overlapping(m.start(), m.end())
                st.add_mention(Mention(key, m.start(), m.end(), m.group(0), "person", "person_short_form", 0.75))

    # ------------------------------------------------------------------ sentence rules
    def _sentence_rules(self, st: "_DocState", sent: SentenceInfo) -> None:
        text = sent.text
        base = sent.start
        ment = sent.mentions
        sources = self._sources(st, sent)
        actors = [m for m in ment if m.kind in ("actor", "person", "country")]
        places = [m for m in ment if m.kind == "place"]

        def ev(m_start: int, m_end: int, rule: str, conf: float) -> Evidence:
            return st.evidence(sent, m_start, m_end, rule, conf)

        # Backing: "<Adjective>-backed X", "X, a <nationality> pro-<adjective> militia", "X backed by Y".
        for m in actors:
            if m.kind not in ("actor",):
                continue
            before = st.text[max(base, m.start - 60) : m.start]
            mb = self.backed_before_re.search(before)
            if mb:
                backer = self._backer_key(st, mb[1] or mb[2], sent)
                verb = mb[3].lower()
                if backer and backer != m.key:
                    prop = "alliedWith" if verb in ("aligned", "allied", "affiliated", "linked") else "backedBy"
                    if verb in ("controlled", "led"):
                        prop = "backedBy"
                    st.relate(prop, m.key, backer, ev(m.start - len(before) + mb.start(), m.end, f"{verb}_prefix", 0.85), sources)
            after = st.text[m.end : min(sent.span.end_char, m.end + 80)]
            ma = self.pro_after_re.match(after)
            if ma:
                backer = self._backer_key(st, ma[2], sent)
                if backer and backer != m.key:
                    st.relate("backedBy", m.key, backer, ev(m.start, m.end + ma.end(), "apposition_pro", 0.8), sources)
            mc = self.adj_after_re.match(after)
            if mc:
                iso = self.gaz.country_of_adjective(mc[1])
                ent = st.entities.get(m.key)
                if iso and ent is not None and ent.cls not in ("Country",) and not ent.country:
                    ent.country = iso
            mby = re.match(r"^\s*,?\s*(?:which is |who are |that is |are |is )?(?:backed|supported|sponsored|funded|financed|armed|trained)\s+by\s+", after)
            if mby:
                target = next((o for o in actors if o.start >= m.end + mby.end() - 1 and o.key != m.key), None)
                if target and target.start - (m.end + mby.end()) < 20:
                    st.relate("backedBy", m.key, target.key, ev(m.start, target.end, "backed_by_phrase", 0.8), sources)

        # Pairwise patterns on the text between two consecutive mentions.
        for a, b in zip(actors, actors[1:]):
            between = st.text[a.end : b.start]
            if len(between) > 90:
                continue
            low = between.lower()
            if re.search(r"^\W*(backs?|sponsors?|funds?|arms|finances|supports?|trains?)\b", low) and a.kind == "country":
                st.relate("backedBy", b.key, a.key, ev(a.start, b.end, "backs_verb", 0.75), sources)
            elif re.search(r"\b(allied with|in alliance with|alongside|together with|allies of|ally of|reinforced by|backed up by|supported by reinforcements from|joined by|jointly with)\b", low):
                st.relate("alliedWith", a.key, b.key, ev(a.start, b.end, "alliance_phrase", 0.75), sources)
            elif re.search(r"\b(reinforc\w+|join\w*)\b", low) and re.search(r"^\W*(has |have |had )?(reinforc\w+|join\w*)\b", low) and a.kind == "actor" and b.kind == "actor":
                st.relate("alliedWith", a.key, b.key, ev(a.start, b.end, "reinforce_verb", 0.7), sources)
            elif (
                re.search(r"\b(clash\w* (with|between)|fight\w* (against|with)|battl\w+|against|attack\w*|target\w*|ambush\w*|war (on|with|against)|offensive (on|against)|fought)\b", low)
                and a.kind in ("actor", "country")
                and b.kind in ("actor", "country")
                and not re.search(r"\b(and|,)\b", low[-6:])
                and not re.search(r"\b(claim\w*|denied|blamed|accused|its|their)\b", low)
                and not supports_last(low)
                and not (_country_as_place(st.text, base, a) or _country_as_place(st.text, base, b))
                and all(st.entities.get(k) is not None and st.entities[k].cls not in ("MediaOutlet", "Organisation", "Source") for k in (a.key, b.key))
            ):
                st.relate("fightingAgainst", self._as_force(st, a.key), self._as_force(st, b.key), ev(a.start, b.end, "hostility_phrase", 0.65), sources)
            # "its media wing, X" -> X part of the actor "its" refers to.
        for m in actors:
            pre = st.text[max(base, m.start - 60) : m.start]
            mp = re.search(r"\bits\s+(news agency|media (?:arm|wing|outlet|office)|propaganda (?:arm|outlet|agency)|mouthpiece|(?:armed |military |media )?wing|branch|affiliate|franchise|province|sub-unit|unit)\s*,?\s*(?:the\s+)?$", pre, re.I)
            if mp:
                owners = [o for o in actors if o.key != m.key and o.kind == "actor" and st.entities.get(o.key) and st.entities[o.key].cls != "MediaOutlet"]
                owners.sort(key=lambda o: (0 if st.is_subject(o) else 1, abs(o.start - m.start)))
                owner = owners[0] if owners else None
                if owner:
                    st.relate("partOf", m.key, owner.key, ev(m.start - len(pre) + mp.start(), m.end, "its_wing_apposition", 0.8), sources)
            mx = re.match(r"^\s*(?:news agency|media (?:arm|wing|outlet)|propaganda (?:arm|outlet)|armed wing|military wing|branch|affiliate)\b", st.text[m.end : m.end + 40], re.I)
            media = st.entities.get(m.key) is not None and st.entities[m.key].cls == "MediaOutlet"
            if (mx or media) and re.search(r"\bits\s+$", pre):
                owners = [o for o in actors if o.key != m.key and o.kind == "actor" and o.start < m.start and st.entities.get(o.key) and st.entities[o.key].cls != "MediaOutlet"]
                if owners:
                    st.relate("partOf", m.key, owners[-1].key, ev(m.start - 4, m.end + (mx.end() if mx else 0), "its_wing_prefix", 0.8), sources)
            nxt = next((o for o in actors if o.start > m.end and o.kind == "actor"), None)
            ma = re.fullmatch(r"\s*,\s*(?:the|an?)\s+", st.text[m.end : nxt.start]) if nxt else None
            if ma and nxt:
                if nxt and re.match(r"^\s*(affiliate|branch|franchise|wing|offshoot|faction|province|brigade|unit|division)\b", st.text[nxt.end : nxt.end + 15], re.I):
                    st.relate("partOf", m.key, nxt.key, ev(m.start, nxt.end, "apposition_affiliate", 0.75), sources)
            # "anti-X operations" marks hostility with the sentence's acting subject.
        for m in re.finditer(r"\banti-([A-Z][\w'’]*)", text):
            target = next((o for o in actors if o.start == base + m.start(1)), None)
            subject = next((o for o in actors if o.start < base + m.start() and o.kind in ("actor", "country") and (target is None or o.key != target.key)), None)
            if target and subject:
                st.relate("fightingAgainst", self._as_force(st, subject.key), target.key, ev(subject.start, target.end, "anti_prefix", 0.7), sources)

        # Anaphoric alliance: "their operations were backed by fighters from X".
        if re.search(r"\b(these|those|their|the) (efforts|operations|raids|attacks|forces|offensive)\b.{0,60}\b(support\w*|assist\w*|reinforc\w*|back\w*)\b", text, re.I):
            helpers = [m for m in actors if m.kind == "actor" and re.search(r"\b(by|from|of)\s+([\w’'-]+\s+){0,5}$", st.text[max(base, m.start - 60) : m.start])]
            last = st.last_event()
            if helpers and last and last.perpetrators:
                for h in helpers:
                    if h.key not in last.perpetrators:
                        st.relate("alliedWith", h.key, last.perpetrators[0], ev(h.start, h.end, "anaphoric_support", 0.6), sources)
                        if h.key not in last.assoc_perpetrators:
                            last.assoc_perpetrators.append(h.key)

        # Operates in: positions, deployments, control, presence.
        for m in actors:
            if m.kind not in ("actor", "country"):
                continue
            after_places = [p for p in places if p.start > m.end]
            for p in after_places:
                between = st.text[m.end : p.start]
                if len(between) > 120 or any(o.start > m.end and o.end <= p.start and o.kind in ("actor", "country") and o.key != m.key and not re.match(r"(?:’s|'s)", st.text[o.end : o.end + 2]) for o in actors):
                    break
                if re.search(r"\b(positions?|presence|deploy\w*|station\w*|based|operat\w+|active|shelter\w*|hid\w*|hideouts?|control\w*|occup\w+|hold\w*|held|entrench\w*|reinforc\w*|fortif\w+|bases?|garrison\w*|headquarter\w*|took refuge|remain\w*|advanc\w+|captur\w+|seiz\w+|fighting)\b", between, re.I):
                    st.relate("operatesIn", self._as_force(st, m.key), p.key, ev(m.start, p.end, "presence_phrase", 0.7), sources)
            # "X-controlled PLACE"
        for m in re.finditer(r"\b([A-Z][\w'’]+)-(controlled|held|occupied)\b", text):
            owner = next((o for o in actors if o.start == base + m.start(1)), None)
            place = next((p for p in places if p.start > base + m.end()), None)
            if owner and place and place.start - (base + m.end()) < 30:
                st.relate("controls", self._as_force(st, owner.key), place.key, ev(owner.start, place.end, "controlled_prefix", 0.7), sources)

        # Located in: "X in (northern) Y", "X, which is located in rural Y", "X and other villages in Y".
        directional = r"\b(?:east|west|north|south|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+(?:the\s+)?(?:\w+\s+of\s+)?$"
        for idx, (a, b) in enumerate(zip(places, places[1:])):
            between = st.text[a.end : b.start]
            if re.search(r"\b(east|west|north|south)(ern)?\s+of\b|\bnear\b|\bclose to\b|\bbetween\b|\bfrom\b|\bto\b", between, re.I):
                continue
            subject = a
            if re.search(directional, st.text[max(base, a.start - 40) : a.start], re.I):
                if idx == 0:
                    continue
                subject = places[idx - 1]
            if re.fullmatch(
                r"\s*(?:(?:province|governorate|countryside|district|village|town|city|area|oil ?field|region)\s*)?(?:,\s*(?:which is|located|situated|lying)[^,]{0,60}?)?,?\s*(?:and other (?:areas|villages|towns|parts) )?(?:in|inside|within|of|in the)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?(?:[- ]?(?:north|south|east|west)(?:ern)?)?\s+|(?:rural|central|southern|northern|eastern|western)\s+)?(?:countryside of |province of |governorate of |outskirts of )?",
                between,
                re.I,
            ) and subject.key != b.key:
                st.relate("locatedIn", subject.key, b.key, ev(subject.start, b.end, "place_in_place", 0.75), [])
        for m in ment:
            if m.kind == "country":
                nxt = st.text[m.end : m.end + 3]
                if re.match(r"(?:’s|'s)", nxt):
                    place = next((p for p in places if 0 <= p.start - m.end < 40), None)
                    if place and place.key != m.key:
                        st.relate("locatedIn", place.key, m.key, ev(m.start, place.end, "country_possessive", 0.8), [])

        # Commanders, members, aliases.
        self._people_rules(st, sent, actors, sources)
        self._pair_rules(st, sent, actors, places, sources)
        self._control_rules(st, sent, actors, places, sources)
        # Events and claims.
        self._event_rules(st, sent, actors, places, sources)
        self._weapon_rules(st, sent, actors, sources)

    def _pair_rules(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str]) -> None:
        """Relations between two mentions of one sentence from the words between them (lower confidence)."""
        text = st.text
        agents = [m for m in actors if st.entities.get(m.key) is not None and st.entities[m.key].cls not in ("MediaOutlet", "Source")]

        def ev(a: Mention, b: Mention, rule: str, conf: float) -> Evidence:
            return st.evidence(sent, min(a.start, b.start), max(a.end, b.end), rule, conf)

        def as_place(m: Mention) -> bool:
            """A country named as a place: "in Syria", "near Palmyra, Syria", "Syria's Idlib province"."""
            if m.kind != "country":
                return False
            after = re.match(r"(?:’s|'s)\s+(?:[\w-]+\s+)?", text[m.end : m.end + 30])
            return (
                _country_as_place(text, sent.start, m)
                or any(p.end <= m.start and re.fullmatch(r",\s*", text[p.end : m.start]) for p in places)
                or (after is not None and any(p.start == m.end + after.end() for p in places))
            )

        def speaker(m: Mention) -> bool:
            """The organisation of a speaker: "Pentagon spokesman X", "a Defense Department official"."""
            return bool(SPEAKER_AFTER_RE.match(text[m.end : m.end + 30]))

        def attacked(m: Mention) -> bool:
            """The object of an attack: "strikes against ISIL", "to defeat Daesh"."""
            return bool(re.search(r"\b(?:against|on|defeat\w*|destroy\w*|strik\w*|struck|attack\w*|target\w*|fight\w*|fought)\s+(?:the\s+)?(?:[\w-]+\s+)?$", text[max(sent.start, m.start - 30) : m.start], re.I))

        for i, a in enumerate(agents):
            for b in agents[i + 1 :]:
                if a.key == b.key:
                    continue
                between = text[a.end : b.start]
                if len(between) > 110 or ";" in between:
                    continue
                low = between.lower()
                if b.kind == "person" and a.kind == "actor" and LED_BY_RE.fullmatch(between):
                    # "Task Force 51 is led by Rear Adm. X"
                    st.relate("commanderOf", b.key, a.key, ev(a, b, "led_by_phrase", 0.7), sources)
                elif a.kind != "person" and b.kind == "actor" and (unit := _echelon(st.entities[a.key].label)) and unit < _echelon(st.entities[b.key].label) and re.fullmatch(r"\s*,\s*(?:the\s+)?|\s+of\s+the\s+", between):
                    # "2nd Battalion, 75th Ranger Regiment": a unit within the larger unit named next
                    st.relate("partOf", a.key, b.key, ev(a, b, "unit_echelon", 0.8), sources)
                elif b.kind == "actor" and re.fullmatch(r"\s*,?\s*(?:who|which|that)?\s*(?:has|have|had|will|would|continue to|continued to|continues to)?\s*(?:(?:was|were|is|are)\s+)?(?:joined|joins?|joining|assigned to|attached to|integrated (?:with|into)|enlisted in)\s+(?:the\s+)?", between, re.I) and not re.search(r"\b(refused|declined|denied|not)\b", low):
                    # "Tribal fighters joined the SDF", "X was assigned to 2nd Battalion"
                    st.relate("memberOf" if a.kind == "person" else "partOf" if _echelon(st.entities[a.key].label) else "memberOf", a.key, b.key, ev(a, b, "joined_phrase", 0.65), sources)
                elif a.kind in ("country", "actor") and b.kind == "actor" and st.entities[b.key].cls == "Organisation" and re.fullmatch(r"\s+within\s+(?:the\s+)?", between):
                    # "working with Turkey within NATO"
                    st.relate("memberOf", a.key, b.key, ev(a, b, "within_alliance", 0.6), sources)
                elif (
                    (ally := _last_match(PAIR_ALLY_RE, low))
                    and re.fullmatch(r"\s*(?:(?:the|our|its|their|his|a|an)\s+)?(?:[\w-]+\s+){0,2}", low[ally.end() :])
                    and not (as_place(a) or as_place(b) or attacked(a))
                    and "person" not in (a.kind, b.kind)  # a minister who "reiterates support for Iraq" is no ally of it
                    and not any(AGREEMENT_NAME_RE.search(st.entities[m.key].label) for m in (a, b))
                ):
                    # the phrase leads up to B ("A ... in support of (our) B"); A neither a country named as a
                    # place ("in Syria, ...") nor the one attacked ("strikes on A in support of B")
                    st.relate("alliedWith", a.key, b.key, ev(a, b, "pair_alliance", 0.55), sources)
                elif (
                    PAIR_FIGHT_RE.search(low)
                    and not re.search(r"\b(and|or)\s*$", low)
                    and b.kind != "place"
                    and "person" not in (a.kind, b.kind)
                    and not re.search(r",\s*(?:and|but|while|where|which|who|whose|as|after|before|when)\b", low)
                    and not (as_place(a) or as_place(b) or speaker(b))
                    and not supports_last(low)
                    and not re.fullmatch(r"\s+to\s+(?:Counter|Defeat|Fight|Combat|Degrade)\s+(?:the\s+)?", between)  # "a Coalition to Defeat ISIS" named as such: a name
                    and not (st.entities[a.key].cls == "CivilianGroup" and re.match(r"(?:Civilians\b|all parties)", st.entities[a.key].label))  # those attacked, not a side
                ):
                    # (officials and spokesmen named beside a fight are not its parties; nor are actors of two clauses)
                    if not re.search(r"\b(claim\w*|said|says|according|reported|denied|blamed)\b", low) and not JUDGING_VERB_RE.search(low):
                        st.relate("fightingAgainst", self._as_force(st, a.key), self._as_force(st, b.key), ev(a, b, "pair_hostility", 0.5), sources)
                elif (
                    re.fullmatch(r"\s*(?:,\s*(?:the\s+)?(?:wider\s+)?|and\s+(?:the\s+)?|,\s*and\s+(?:the\s+)?)", between)
                    and PAIR_FIGHT_RE.search(text[b.end : sent.span.end_char].lower()[:120])
                    and "person" not in (a.kind, b.kind)
                    and not (as_place(a) or as_place(b) or attacked(a))
                    and (st.is_subject(a) or st.is_subject(b))
                ):
                    # "A, B and C vowed to defeat ...": actors named together against an enemy are allied.
                    st.relate("alliedWith", a.key, b.key, ev(a, b, "pair_conjoined_allies", 0.5), sources)
                elif re.fullmatch(r"\s*,?\s*(?:an?|the)?\s*(?:[\w-]+\s+){0,3}(?:member|part|unit|element|component|faction|brigade|wing|crew chief|soldier|fighter|officer|spokes(?:man|person))s?\s+(?:of|in|with|from|within)\s+(?:the\s+)?", between, re.I):
                    span = st.doc.char_span(a.end, b.start, alignment_mode="contract")
                    # a verb that kills or captures "members of" a group is no membership; "has been part of" is
                    if span is None or not any(t.tag_.startswith("VB") and t.lower_ not in LINKING_VERBS for t in span):
                        st.relate("memberOf" if a.kind == "person" else "partOf", a.key, b.key, ev(a, b, "pair_belongs", 0.6), sources)
                elif re.fullmatch(r"\s*,\s*(?:which|that|who)\s+(?:includes?|comprises?|incorporates?|is made up of)\s+(?:the\s+)?", between, re.I):
                    # "X, which includes Y": Y is part of X
                    st.relate("partOf", b.key, a.key, ev(a, b, "which_includes", 0.6), sources)
                elif a.kind == "person" and re.fullmatch(r"\s*,\s*(?:an?|the)\s+", between) and re.match(r"^(?:'s|’s)?\s*(?:[\w-]+\s+){0,2}(leader|commander|emir|chief|member|fighter|official|operative|militant|spokesman)\b", text[b.end : b.end + 40], re.I):
                    # "PERSON, an <actor> field commander"
                    role = re.match(r"^(?:'s|’s)?\s*(?:[\w-]+\s+){0,2}(\w+)", text[b.end : b.end + 40]).group(1).lower()
                    prop = "commanderOf" if role in ("leader", "commander", "emir", "chief") else "memberOf"
                    st.relate(prop, a.key, b.key, ev(a, b, "person_apposition_role", 0.6), sources)
        # "Member states of X include A, B and C" -> each belongs to the group.
        for a in agents:
            tail = text[a.end : sent.span.end_char]
            inc = re.match(r"^\s*(?:nations|members|partners|countries|forces|states|factions|groups)\b[^.]{0,60}?\b(?:include|includes|including|comprise|comprises|consisting of|made up of)\b", tail)
            if inc:
                listed = [b for b in agents if b.start > a.end + inc.end() - 1 and b.kind in ("country", "actor") and b.key != a.key]
                if len(listed) >= 2:
                    for b in listed:
                        st.relate("memberOf", b.key, a.key, ev(a, b, "list_membership", 0.55), sources)
        # Territorial control: "X took control of <place>", "X holds <place>".
        for a in agents:
            for p in places:
                if p.start <= a.end:
                    continue
                between = text[a.end : p.start]
                if len(between) < 60 and re.search(r"\b(control(?:s|led)?(?: of)?|(?:claims?|claimed|declared|announced|took|has|have|had|gained|retains?) (?:full |complete |total )?control (?:of|over)|seized|captured|took over|holds?|held|overran|retook|recaptured|liberated)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", between, re.I) and not re.search(
                    r"\b(?:near|outside|around|from|in|at|on|close to)\s+(?:the\s+)?$", between, re.I
                ):  # "equipment captured near Palmyra": the place of the capture, not the place captured
                    st.relate("controls", self._as_force(st, a.key), p.key, ev(a, p, "territorial_control", 0.6), sources)
                    break

    def _control_rules(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str]) -> None:
        """Territorial control stated the other way round: "<place> was seized by X", "the fall of
        <place> to X", "liberate <place> from X", "<place>, X's self-proclaimed capital"."""
        text = st.text
        base = sent.start
        owners = [m for m in actors if m.kind == "actor" and st.entities.get(m.key) is not None and st.entities[m.key].cls not in ("MediaOutlet", "Source")]
        for p in places:
            before = text[max(base, p.start - 60) : p.start]
            for o in owners:
                if o.start < p.end:
                    continue
                between = text[p.end : o.start]
                if len(between) > 70:
                    break
                status, rule = "Current", None
                if CONTROLLED_BY_RE.fullmatch(between):
                    rule = "controlled_by_phrase"
                elif re.search(r"\bfall of\s+(?:the\s+)?(?:(?:city|town|village|province|district) of\s+)?$", before, re.I) and re.fullmatch(r"\s+to\s+(?:the\s+)?", between):
                    rule = "fall_to_phrase"
                elif (verb := FREED_FROM_RE.search(before)) and re.fullmatch(r"\s+from\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?", between):
                    rule = "freed_from_phrase"
                    if re.match(r"(?:liberated|freed|retook|recaptured|cleared|wrested|expelled|drove|pushed)", verb[1], re.I):
                        status = "Former"
                elif re.fullmatch(r"\s*,\s*(?:(?:the|a|an)\s+)?(?:self-(?:proclaimed|declared|styled)\s+|de facto\s+|former\s+)?", between) and re.match(r"\s*(?:’s|'s)?\s*(?:self-(?:proclaimed|declared|styled)\s+|de facto\s+)?(?:capital|stronghold|bastion)\b", text[o.end : o.end + 40], re.I):
                    rule = "capital_apposition"
                    if "former" in between.lower():
                        status = "Former"  # "<place>, the former IS capital"
                if rule:
                    st.relate("controls", self._as_force(st, o.key), p.key, st.evidence(sent, p.start, o.end, rule, 0.65), sources, status=status)
                    break
        # "X's self-proclaimed capital, <place>" / "X's capture of <place>"
        for o in owners:
            for p in places:
                if p.start <= o.end:
                    continue
                between = text[o.end : p.start]
                if len(between) <= 60 and CAPTURE_OF_RE.fullmatch(between):
                    st.relate("controls", self._as_force(st, o.key), p.key, st.evidence(sent, o.start, p.end, "possessive_capture", 0.65), sources)
                break

    def _people_rules(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
        text = st.text
        base = sent.start
        persons = [m for m in actors if m.kind == "person"]
        for p in persons:
            window = text[p.end : sent.span.end_char]
            # Role phrase after the person, up to the organisation.
            m = re.match(
                r"^(?:[^.;]{0,80}?)\b(former|ex-|used to be|was once|was formerly|previously|once|later|current|now|senior|top|local|field|military|deputy|prominent|notorious)?\s*"
                r"(?:(?:a|the|an)\s+)?((?:former|ex-|senior|top|local|field|military|deputy|prominent|notorious|rebel|security|leading)\s+)*"
                r"(commander|leader|chief of staff|chief|head|emir|amir|founder|co-founder|spokes(?:man|person|woman)|official|member|fighter|militant|officer|operative|cleric)s?"
                r"(?:\s+(?:of|in|with|from|for|within|at)\s+|(?<=commander),\s+|(?<=head),\s+)(?:the\s+)?",
                window,
                re.I,
            )
            if m:
                org = next((o for o in actors if o.start == p.end + m.end() and o.kind == "actor"), None)
                if org is None:
                    org = next((o for o in actors if o.kind == "actor" and 0 <= o.start - (p.end + m.end()) <= 4), None)
                if org:
                    role = m[3].lower()
                    phrase = window[: m.end()].lower()
                    former = bool(re.search(r"\b(former|ex-|used to be|was once|was formerly|previously|once)\b", phrase))
                    if role in ("commander", "leader", "chief", "chief of staff", "head", "emir", "amir", "founder", "co-founder"):
                        prop = "formerCommanderOf" if former else "commanderOf"
                    else:
                        prop = "memberOf"
                    st.relate(
                        prop,
                        p.key,
                        org.key,
                        st.evidence(sent, p.start, org.end, "role_phrase", 0.8),
                        sources,
                        status="Former" if former else "Current",
                    )
            # Nom de guerre / alias.
            mn = re.match(
                r"^[^.;]{0,60}?\b(?:nom de guerre|also known as|known as|alias|aka|a\.k\.a\.|nicknamed|better known as)\s*,?\s*[\"“‘'(]?\s*((?:Abu|Abou|Umm|Sheikh|Haji|Mullah)?[\s-]?[A-Z][\w'’-]+(?:\s+(?:al-|el-)?[A-Z][\w'’-]+){0,3})",
                window,
            ) or re.match(r"^\s*\(\s*[\"“‘']?((?:Abu|Abou|Umm)\s+[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+){0,2})[\"”’']?\s*\)", window)
            if mn:
                alias = mn[1].strip().strip("\"“”‘’'")
                ent = st.entities.get(p.key)
                if ent is not None and alias and name_key(alias) != name_key(ent.label):
                    ent.nom_de_guerre = ent.nom_de_guerre or alias
                    ent.aliases.add(alias)
                    start = p.end + mn.start(1)
                    st.add_mention(Mention(p.key, start, start + len(mn[1].strip()), alias, "person", "nom_de_guerre", 0.8))
                    st.mention_evidence(p.key, st.evidence(sent, start, start + len(alias), "nom_de_guerre", 0.8))
        # "X commander PERSON", "the leader of X, PERSON" (a title already taken as the person's
        # own mention does not come between them)
        named = [m for m in actors if m.rule != "office_of_named_person"]
        for a, b in zip(named, named[1:]):
            if a.kind == "actor" and b.kind == "person":
                between = text[a.end : b.start]
                # ("Senior Chief Petty Officer", "Chief Warrant Officer": ranks, not the head of the force)
                m = re.fullmatch(r"(?:’s|'s)?\s*(former\s+|senior\s+|top\s+|deputy\s+)?(commander|leader|chief(?!\s+(?:petty|warrant|master|mate)\b)|emir|head|spokesman|member|fighter|official)\s*,?\s*(?:[A-Z][\w.]+\.?\s+)*", between, re.I)
                if m:
                    role = m[2].lower()
                    former = bool(m[1] and "former" in m[1].lower())
                    prop = ("formerCommanderOf" if former else "commanderOf") if role in ("commander", "leader", "chief", "emir", "head") else "memberOf"
                    st.relate(prop, b.key, a.key, st.evidence(sent, a.start, b.end, "org_role_person", 0.75), sources, status="Former" if former else "Current")
                elif re.fullmatch(r"\s*(?:[A-Z][\w.]*\s+){1,4}", between) and _RANK_RE.search(between.rstrip()):
                    # "Navy Senior Chief Petty Officer X": a member of that force with that rank
                    st.relate("memberOf", b.key, a.key, st.evidence(sent, a.start, b.end, "org_rank_person", 0.7), sources)
        # "A commander of the NDF, Col. X", "the leader of HTS, X".
        for a, b in zip(named, named[1:]):
            if a.kind == "actor" and b.kind == "person" and re.fullmatch(r"\s*,\s*(?:[A-Z][\w.]*\.?\s+)*", text[a.end : b.start]):
                pre = text[max(base, a.start - 40) : a.start]
                mr = re.search(r"\b(former\s+)?(commander|leader|chief|head|emir|founder|member|fighter|official|spokesman)\s+(?:of|in)\s+(?:the\s+)?$", pre, re.I)
                if mr:
                    role = mr[2].lower()
                    former = bool(mr[1])
                    prop = ("formerCommanderOf" if former else "commanderOf") if role in ("commander", "leader", "chief", "head", "emir", "founder") else "memberOf"
                    st.relate(prop, b.key, a.key, st.evidence(sent, a.start - len(pre) + mr.start(), b.end, "role_of_org_apposition", 0.75), sources, status="Former" if former else "Current")
        # "X joined / defected to / enlisted in Y" (not when refused or denied).
        for p in persons:
            for o in actors:
                if o.kind != "actor" or o.start < p.end:
                    continue
                between = text[p.end : o.start]
                if len(between) < 120 and re.search(r"\b(joined|defected to|enlisted in|joined the ranks of|pledged allegiance to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", between, re.I) and not re.search(r"\b(refused|declined|denied|not)\b", between, re.I):
                    st.relate("memberOf", p.key, o.key, st.evidence(sent, p.start, o.end, "joined_phrase", 0.7), sources)
                    break
        # Ranked person and "other <nationality> service members" in the same sentence -> member of those forces.
        for p in persons:
            ent = st.entities.get(p.key)
            if ent is None or not ent.rank:
                continue
            m = re.search(r"\bother\s+(" + self._adj + r")\s+(" + FORCE_NOUNS + r")", sent.text)
            if m:
                iso = self.gaz.country_of_adjective(m[1])
                if iso:
                    st.relate("memberOf", p.key, self.gaz.countries[iso].forces_key, st.evidence(sent, p.start, base + m.end(), "rank_other_members", 0.75), sources)
            before = text[max(base, p.start - 25) : p.start]
            mb = re.search(r"\b(" + self._adj + r")\s*$", before)
            if mb:
                iso = self.gaz.country_of_adjective(mb[1])
                if iso:
                    st.relate("memberOf", p.key, self.gaz.countries[iso].forces_key, st.evidence(sent, p.start - len(before) + mb.start(), p.end, "nationality_rank", 0.75), sources)

    # ------------------------------------------------------------------ events
    def _trigger(self, text: str) -> tuple[str, int, re.Match] | None:
        """The most specific trigger of a sentence. Movements of forces (patrols, convoys)
        count only when nothing violent happened to them."""
        best = None
        movement = None
        for cls, spec, pattern in TRIGGERS:
            m = pattern.search(text)
            if not m:
                continue
            if cls == "ChangeToGroupActivity":
                movement = (cls, spec, m)
                continue
            if best is None or spec > best[1]:
                best = (cls, spec, m)
        if best is not None and best[0] != "OtherDevelopment":
            # "X threatened to strike Y", "vowed to retaliate with missiles": a threat, not the
            # attack it names, unless somebody was hurt.
            threat = THREAT_RE.search(text)
            if threat and threat.start() < best[2].start() and not KILL_RE.search(text) and not INJURE_RE.search(text):
                return ("OtherDevelopment", 0, threat)
        return best or movement

    def _event_rules(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], places: list[Mention], sources: list[str]) -> None:
        text = sent.text
        base = sent.start
        trig = self._trigger(text)
        claim = CLAIM_RE.search(text)
        if claim and NEGATED_CLAIM_RE.search(text):
            claim = None
        anaphor = ANAPHOR_RE.search(text)
        kills = KILL_RE.search(text)
        injures = INJURE_RE.search(text)
        if trig is None and not claim and not anaphor and not (kills or injures) and not NOTE_PREFIX_RE.match(text):
            last = st.last_event()
            if last is not None and last.paragraph == sent.paragraph and re.search(r"\b(?:no|neither|without)\s+(?:casualties|fatalities|deaths)\b", text, re.I):
                self._casualties(st, sent, last, actors)  # "No casualties reported."
            return
        dates = find_dates(text, st.document.published)
        day_dates = [d for d in dates if d.precision == 1]
        last = st.last_event()
        if last is not None and last.paragraph == sent.paragraph and not claim and not day_dates and CASUALTY_REPORT_RE.match(text):
            # "33 soldiers were killed and 14 wounded." after the attack: its toll, not a new event.
            self._casualties(st, sent, last, actors)
            for m in actors:
                key = m.key if m.kind == "actor" else self._as_force(st, m.key) if m.kind == "country" else None
                if key and key != UNIDENTIFIED and key not in last.perpetrators + last.assoc_perpetrators + last.targets:
                    last.targets.append(key)  # "3 soldiers of the Yemeni army were killed": whose toll
            return
        cls, spec, tm = trig if trig else ("Attack", -1, None)
        # Refinements (ACLED codebook): strikes from the air are air strikes; "air base" is not air.
        air = re.search(r"\b(air(?!\s*(?:base|port|field|force base))|air ?strikes?|air ?raids?|aerial|warplanes?|jets?|aircraft|drones?)\b", text, re.I)
        if cls == "ShellingArtilleryMissileAttack" and air and not re.search(r"\b(rockets?|mortars?|artillery|shell(ed|s|ing)?)\b", text, re.I):
            cls = "AirDroneStrike"
        if cls == "AirDroneStrike" and not air:
            cls = "ShellingArtilleryMissileAttack"
        if cls in ("AirDroneStrike", "ShellingArtilleryMissileAttack") and re.search(r"\b(anti-aircraft|shot down|intercept\w*)\b", text, re.I):
            cls = "DisruptedWeaponsUse"
        if cls in ("RemoteExplosiveLandmineIED", "GrenadeAttack", "SuicideBomb") and re.search(r"\b(defus\w+|dismantl\w+|foil\w+|thwart\w+|disarm\w+|neutrali[sz]\w+)\b", text, re.I) and not (KILL_RE.search(text) or INJURE_RE.search(text)):
            cls = "DisruptedWeaponsUse"  # "security forces defused 2 explosive devices": a use prevented
        if cls == "ArmedClash":
            # "regained control of Diffa after clashes with Boko Haram": ACLED codes the change of hands
            taken = next(((c, m) for c, _, rx in TRIGGERS if c in ("GovernmentRegainsTerritory", "NonStateActorOvertakesTerritory") and (m := rx.search(text))), None)
            if taken:
                cls, tm = taken
        prefix = NOTE_PREFIX_RE.match(text)
        if prefix:
            cls, spec = NOTE_PREFIXES[prefix.group(1).lower()], 5
            tm = tm or prefix
        elif PROTEST_RE.search(text) and not re.search(r"\b(clash\w*|shell\w*|air ?strikes?|explo\w+)\b", text[: PROTEST_RE.search(text).start()], re.I):
            riot = RIOT_RE.search(text)
            intervention = re.search(r"\b(dispers\w+|tear gas|live (fire|ammunition)|rubber bullets|water cannon|opened fire on|fired (?:\w+ )?(?:at|on|into))\b", text, re.I)
            killed = KILL_RE.search(text) or INJURE_RE.search(text)
            cls = "ViolentDemonstration" if riot else ("ExcessiveForceAgainstProtesters" if intervention and killed else ("ProtestWithIntervention" if intervention else "PeacefulProtest"))
            spec = 4
            tm = tm or PROTEST_RE.search(text)
        person_victim = any(m.kind == "person" for m in actors) and re.search(r"\b(shot dead|gunned down|assassinat\w+|executed|killed|murdered|stabbed)\b", text, re.I)
        if cls == "ArmedClash" and person_victim and not re.search(r"\b(clash\w*|fighting|battl\w+|firefight)\b", text, re.I):
            cls = "Attack"
        # Background mentions: "after the 2018 reconciliation agreement", "despite the truce".
        if tm is not None and not day_dates and re.search(r"\b(after|since|under|before|following|despite|amid|during|of)\s+(the|a|an)\s+([\w-]+\s+){0,3}$", text[: tm.start()], re.I) and spec >= 2 and EVENT_TYPE_OF.get(cls) == "StrategicDevelopments":
            return
        if re.search(r"\b(denied|denies|deny|refused to|did not|didn't)\b", text, re.I) and not day_dates and tm is not None and spec <= 1:
            return
        # Plural, habitual mentions with nothing concrete are not events.
        concrete = bool(day_dates) or bool(re.search(_NUM + r"\s+(?:\w+\s+){0,3}(?:" + PERSON_NOUNS + r")\b", text, re.I)) or any(m.kind == "person" for m in actors)
        if tm is not None and tm.group(0).lower().endswith("s") and HABITUAL_RE.search(text) and not concrete:
            return
        if tm is None and not anaphor and not claim:
            # Casualty-only sentence: update the last event of this paragraph.
            if last and last.paragraph == sent.paragraph:
                self._casualties(st, sent, last, actors)
            return
        is_anaphoric = bool(anaphor) and (tm is None or anaphor.start() <= tm.start() <= anaphor.end() + 1 or spec <= 1 or anaphor.end() >= tm.start() - 12)
        claimant = self._claimant(st, sent, actors, claim) if claim else None
        frame: Event | None = None
        if last is not None and (sent.paragraph - last.paragraph) <= 1:
            compatible = self._compatible(last, cls, spec, claimant, day_dates, claim is not None)
            same_claim = claim and last.claims and claimant in {c.claimant for c in last.claims} and sent.paragraph == last.paragraph
            subjects = self._subjects(st, sent, actors, tm)
            continuation = (
                sent.paragraph == last.paragraph
                and (not subjects or bool(subjects & set(last.perpetrators + last.assoc_perpetrators)))
                and (cls == last.cls or spec <= 1 or self._specificity(last.cls) <= 1)
                and tm is not None
                and EVENT_TYPE_OF.get(cls) == EVENT_TYPE_OF.get(last.cls)
                and not NEW_EVENT_RE.search(text)
                and not (day_dates and last.date and day_dates[0].value != last.date)
            )
            # "ISWAP claimed responsibility." right after the attack: that attack's claim
            claim_only = claim is not None and tm is None and sent.paragraph == last.paragraph
            if compatible and (is_anaphoric or same_claim or continuation or claim_only):
                frame = last
        if frame is None:
            if tm is None and not claim:
                return
            if cls == "ChangeToGroupActivity" and not prefix and not day_dates:
                return  # "supported by reinforcements" in news is context, not a dated movement of forces
            if spec < 0 and claim is None:
                return
            frame = st.new_event(cls if spec >= 0 else "Attack", sent.paragraph)
        elif spec > self._specificity(frame.cls):
            frame.cls = cls
        trigger_span = (base + tm.start(), base + tm.end()) if tm else (base + claim.start(), base + claim.end()) if claim else (base + anaphor.start(), base + anaphor.end())
        frame.evidence.append(st.evidence(sent, trigger_span[0], trigger_span[1], f"event_trigger:{cls}" if tm else "event_anaphor", 0.7 if tm else 0.6))
        if re.search(r"\bassassinat\w+", text, re.I):
            frame.assassination = True
        for s in sources:
            if s not in frame.according_to:
                frame.according_to.append(s)

        # Dates: in a claim sentence, the date is the claim's unless it says when the attack took place.
        event_dates = dates
        if claim:
            event_dates = [d for d in dates if re.search(r"took place|occurred|carried out|happened", text[max(0, d.start - 40) : d.start], re.I)]
        if event_dates and (frame.date is None or (frame.time_precision or 9) > event_dates[0].precision):
            frame.date = event_dates[0].value
            frame.time_precision = event_dates[0].precision

        if claim and claimant:
            via = None
            outlets = [m for m in actors if m.kind == "actor" and st.entities.get(m.key) and st.entities[m.key].cls == "MediaOutlet" and m.key != claimant]
            if outlets:
                via = outlets[0].key
            claim_date = dates[0].value if dates and (not event_dates or dates[0] != event_dates[0]) else None
            existing = next((c for c in frame.claims if c.claimant == claimant), None)
            if existing is None:
                frame.claims.append(Claim(claimant, st.evidence(sent, base + claim.start(), base + claim.end(), "claim_of_responsibility", 0.85), via, claim_date))
            else:
                existing.via = existing.via or via
                existing.date = existing.date or claim_date
            if claimant in frame.perpetrators:
                frame.perpetrators.remove(claimant)
            frame.perpetrators.insert(0, claimant)
        # "... after the attack": the anaphor names an earlier event, so the sentence's actors are
        # not its roles, unless the sentence's own trigger comes before that clause ("settlers
        # set fire to offices following the killing of ...").
        background = (
            bool(anaphor)
            and frame is not None
            and re.search(r"\b(after|following|before|since|in response to|despite|during)\s+$", text[: anaphor.start()], re.I)
            and not (tm is not None and tm.end() <= anaphor.start() and frame is not last)
        )
        if not re.search(r"\b(denied|denies|deny)\b", text, re.I) and not background:
            self._roles(st, sent, frame, actors, tm, claimant)
            self._custodian(st, sent, frame, actors)
        # Civilians as targets ("killing three civilians").
        civ = CIVILIAN_RE.search(text)
        if civ and (kills or injures or EVENT_TYPE_OF.get(frame.cls) in ("ViolenceAgainstCivilians", "ExplosionsRemoteViolence") or frame.cls == "LootingPropertyDestruction"):
            key = self._civilians_named(st, text[: civ.start()])
            if key and key not in frame.targets:
                frame.targets.append(key)
            # The civilians named in the text ("twelve displaced civilians") are a mention of that actor.
            span = st.doc.char_span(base + civ.start(), base + civ.end(), alignment_mode="expand")
            if span is not None:
                head = span.root
                left = head.left_edge if head.left_edge.i >= span.sent.start else head
                start = min(left.idx, span.start_char)
                if not st.overlaps(start, span.end_char, kinds=("actor", "person", "country")):
                    ev_ = st.evidence(sent, start, span.end_char, "civilian_mention", 0.6)
                    ent = st.entities[key]
                    if ev_ not in ent.mentions:
                        ent.mentions.append(ev_)
        self._event_place(st, sent, frame, places)
        self._target_places(st, sent, frame, places + [m for m in actors if m.kind == "country"])
        self._casualties(st, sent, frame, actors)

    def _custodian(self, st: "_DocState", sent: SentenceInfo, frame: Event, actors: list[Mention]) -> None:
        """"A prisoner died under torture in Israeli police custody", "detainees killed in regime
        prisons": who held them did it, and those who died are the victims, whatever the
        grammatical subject."""
        m = CUSTODY_RE.search(sent.text)
        if m is None or not (KILL_RE.search(sent.text) or re.search(r"\b(tortur\w*|beat(en|ing)?|abus\w*)\b", sent.text, re.I)):
            return
        lo, hi = sent.start + m.start(), sent.start + m.end()
        holder = next((a for a in actors if lo <= a.start and a.end <= hi and a.kind in ("actor", "country")), None)
        focus = st.focus_hint()
        if holder is not None:
            key = self._as_force(st, holder.key)
        elif re.search(r"\b(regime|government|army|military|police|security)\b", m.group(0), re.I) and focus in self.gaz.countries:
            key = self.gaz.countries[focus].forces_key  # "in regime prisons"
            st.ensure_actor(key)
        else:
            return
        if frame.cls in ("Arrests", "AbductionForcedDisappearance") and KILL_RE.search(sent.text):
            frame.cls = "Attack"  # a death in custody, not the detention
        held = [k for k in frame.perpetrators if k != key]
        for a in actors:  # "A detainee died ... in X custody": the one who died, named before it
            ent = st.entities.get(a.key)
            if a.end <= lo and ent is not None and ent.cls in ("CivilianGroup", "Person") and a.key not in held:
                held.append(a.key)
        frame.perpetrators[:] = [key] + [k for k in frame.perpetrators if k not in held and k != key]
        frame.targets[:] = held + [k for k in frame.targets if k != key and k not in held]

    def _weapon_rules(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], sources: list[str]) -> None:
        """Who uses or holds a weapon or platform: the subject of a verb of use ("conducted strikes
        using attack and bomber aircraft", "ISIS seized tanks"), the side the fire came from
        ("machine gun fire from IS fighters"), the one involved in its use, the group named
        with it ("ISIS-held tank", "Hezbollah's rockets"). A weapon that was hit ("destroyed
        three tanks") belongs to nobody the sentence names as its user."""
        owners = [m for m in actors if st.entities.get(m.key) is not None and st.entities[m.key].cls not in ("MediaOutlet", "Source", "CivilianGroup")]
        if not owners:
            return
        for w in find_weapons(sent.text):
            start, end = sent.start + w.start, sent.start + w.end
            if any(m.start < end and start < m.end for m in sent.mentions):
                continue  # inside an actor's or a place's name ("Tank Battalion", "Drone Unit 12")
            span = st.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            owner, rule = self._weapon_owner(st, sent, owners, span)
            if owner is None:
                continue
            ent = st.add_entity(w.key, "Weapon", w.label)
            mention = st.evidence(sent, start, end, "weapon_lexicon", 0.7)
            if mention not in ent.mentions:
                ent.mentions.append(mention)
            named = [m for m in owners if m.key == owner or self._as_force(st, m.key) == owner]
            o = min(named, key=lambda m: abs(m.start - start)) if named else None  # the mention that owns it, not an earlier one
            lo, hi = (min(start, o.start), max(end, o.end)) if o is not None else (start, end)
            prop = "holdsWeapon" if rule == "weapon_of_actor" else "usesWeapon"
            st.relate(prop, owner, w.key, st.evidence(sent, lo, hi, rule, 0.6), sources)

    def _weapon_owner(self, st: "_DocState", sent: SentenceInfo, owners: list[Mention], span: Span) -> tuple[str | None, str]:
        tok = span.root
        if tok.dep_ in ("compound", "amod", "nmod") and not WEAPON_HEAD_RE.fullmatch(tok.head.text) and not find_weapons(tok.head.text):
            return None, ""  # "a VBIED facility", "an artillery crewmember", "the UN chemical weapons report"
        # the noun phrase the weapon heads or modifies: "machine gun ... fire", "the tanks and other
        # hardware"; a conjunct with its own article or number is a phrase of its own ("an
        # ISIS-held building, a VBIED")
        chain = [tok]
        for _ in range(10):
            own = any(t.dep_ in ("det", "nummod", "poss") for t in tok.subtree if t.i < tok.i)
            if ((tok.dep_ == "conj" and not own) or tok.dep_ in ("compound", "amod", "nmod")) and tok.head is not tok and upos(tok.head) in ("NOUN", "PROPN", "ADJ"):
                tok = tok.head
                chain.append(tok)
            else:
                break
        # "ISIS-held tank", "Hezbollah's rockets", "ISIL tanks": the owner modifies the weapon's
        # own noun phrase (not a neighbour in a list: "an ISIS-held building, and a grenade launcher")
        modifiers = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for t in chain for c in t.children if c.i < t.i and c.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod")]
        named = [m for m in owners if m.end <= span.start_char and any(a <= m.start and m.end <= b for a, b in modifiers)]
        if named:
            return self._as_force(st, named[-1].key), "weapon_of_actor"
        # "machine gun and RPG fire from IS fighters" (read from the words: parsers split it oddly)
        fire = re.match(r"[\w ,-]{0,50}?\b(?:fire|barrages?|attacks?|shelling)\s+from\s+(?:the\s+)?", st.text[span.end_char : span.end_char + 80])
        if fire:
            at = span.end_char + fire.end()
            o = next((m for m in owners if m.start == at), None)
            if o is not None:
                return self._as_force(st, o.key), "weapon_fire_from"
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and re.fullmatch(r"dozens|scores|hundreds|thousands|number|barrage|volley|salvo|rounds|series|pair|couple", tok.head.head.lower_):
            tok = tok.head.head  # "fired dozens of rockets"
        head = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "with"):
            head = tok.head.head  # "the use of IEDs", "armed with rifles"
            if head.lower_ == "armed" and head.dep_ in ("acl", "amod") and upos(head.head) in ("NOUN", "PROPN"):
                key = self._actor_of(st, sent, owners, head.head, True)
                return (key, "armed_with") if key else (None, "")
            if head.lower_ not in ("use", "usage", "armed", "equipped"):
                return None, ""
        elif tok.dep_ != "dobj" or not WEAPON_USE_RE.fullmatch(head.text):
            return None, ""
        verb = head
        for _ in range(5):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent") or (c.dep_ == "nsubjpass" and verb.lower_ == "involved")]
            if any(c.dep_ == "nsubjpass" for c in verb.children) and not subjects:
                return None, ""  # "three tanks were destroyed"
            if subjects:
                subj = subjects[0] if subjects[0].dep_ != "agent" else next((c for c in subjects[0].children if c.dep_ == "pobj"), subjects[0])
                if upos(subj) == "PRON":
                    return None, ""
                key = self._actor_of(st, sent, owners, subj, True)
                return (key, "weapon_use") if key else (None, "")
            if verb.head is verb:
                break
            verb = verb.head
        return None, ""

    def _claimant(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], claim: re.Match) -> str | None:
        base = sent.start
        before = [m for m in actors if m.end <= base + claim.start() and m.kind == "actor" and st.entities.get(m.key) is not None and st.entities[m.key].cls != "MediaOutlet"]
        subjects = [m for m in before if st.is_subject(m)]
        if subjects:
            return subjects[0].key
        if before:
            return before[-1].key
        mby = re.search(r"claimed by\s+", sent.text, re.I)
        if mby:
            nxt = next((m for m in actors if m.start >= base + mby.end()), None)
            return nxt.key if nxt else None
        return None

    def _subjects(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], tm: re.Match | None, violent: bool = True) -> set[str]:
        """Actors that are the grammatical subject (or passive agent) of the trigger's verb. A country
        that acts violently is its armed forces; one that threatens or bans is the state itself."""
        keys: set[str] = set()
        verb = self._trigger_token(st, sent, tm)
        if verb is None:
            return keys
        for _ in range(6):
            # Walk up to the nearest verb with a subject: "X warned it would resume ... shelling";
            # a pronoun subject ("it would pull out") sends us on to the reporting clause ("X said").
            if upos(verb) in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "agent") and upos(c) != "PRON" for c in verb.children):
                break
            if upos(verb) == "VERB" and any(c.dep_ == "nsubjpass" for c in verb.children):
                # "The army said that five soldiers were killed in an attack by militants": the
                # passive clause has its own subject (those hit); who speaks above it did not act
                return keys
            if verb.head is verb:
                break
            verb = verb.head
        if verb is not self._trigger_token(st, sent, tm) and JUDGING_VERB_RE.fullmatch(verb.text):
            return keys  # "The United States condemns the attack": who judges it did not do it
        for child in verb.children:
            if child.dep_ in ("nsubj", "agent") and upos(child) != "PRON":
                head = child if child.dep_ == "nsubj" else next((c for c in child.children if c.dep_ == "pobj"), child)
                key = self._actor_of(st, sent, actors, head, violent)
                if key:
                    keys.add(key)
                for conj in head.conjuncts:  # "Wagner mercenaries and FAMa soldiers executed ..."
                    key = self._actor_of(st, sent, actors, conj, violent)
                    if key:
                        keys.add(key)
        return keys

    def _trigger_token(self, st: "_DocState", sent: SentenceInfo, tm: re.Match | None) -> object | None:
        """The syntactic head of the trigger's words, or None."""
        if tm is None:
            return None
        span = st.doc.char_span(sent.start + tm.start(), sent.start + tm.end(), alignment_mode="expand")
        return span.root if span is not None else None

    def _actor_of(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], head: object, violent: bool) -> str | None:
        """The actor a noun phrase names: a mention inside it, else a noun-phrase actor."""
        lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
        hits = [m for m in actors if m.start < hi and lo < m.end and m.kind in ("actor", "country", "person")]
        # "gunmen of the Sinaloa Cartel": the group named, not the unidentified gunmen
        # "fighters loyal to Syria's HTS leader": the group, not the country in its name
        hit = next((m for m in hits if m.key != UNIDENTIFIED and m.kind == "actor"), None) or next((m for m in hits if m.key != UNIDENTIFIED), hits[0] if hits else None)
        if hit is not None:
            return self._as_force(st, hit.key) if violent else hit.key
        return self._np_actor(st, head, sent)

    def _objects(self, st: "_DocState", sent: SentenceInfo, actors: list[Mention], tm: re.Match | None, violent: bool = True) -> list[str]:
        """Actors (or noun phrases naming people) that are the object of the trigger's verb."""
        keys: list[str] = []
        verb = self._trigger_token(st, sent, tm)
        if verb is None:
            return keys
        for _ in range(3):
            if upos(verb) in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        # Objects of the verb, of verbs it governs ("vowed to cut ties with X") and of their nouns
        # ("measures against X"), nearest first; the subject side is left out.
        heads = []
        frontier = [(verb, 0)]
        while frontier:
            tok, depth = frontier.pop(0)
            for c in tok.children:
                if c.dep_ in ("nsubj", "agent", "advcl", "relcl", "punct", "cc", "mark", "npadvmod"):
                    continue
                if c.dep_ in ("dobj", "nsubjpass", "attr", "dative") or (c.dep_ == "pobj" and tok.lower_ in ("against", "on", "at", "with", "to", "of", "upon", "toward", "towards", "in", "from", "into")):
                    heads.append(c)
                if depth < 3 and c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "pobj", "conj", "acomp", "advmod", "dative", "nsubjpass"):
                    frontier.append((c, depth + 1))
        heads = heads + [c for h in heads for c in h.conjuncts if c not in heads]
        owned = []
        for head in heads:
            if re.match(r"(?i)^(positions?|strongholds?|camps?|bases?|posts?|checkpoints?|territory|areas?|homes?|houses?|offices?|headquarters|convoys?|vehicles?|hideouts?|fighters|members)$", head.text):
                # "positions of X", "an X stronghold", "X-held territory"
                for c in head.children:
                    if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < head.i:
                        owned.append(c)
                    if c.dep_ == "prep" and c.lower_ == "of":
                        owned.extend(g for g in c.children if g.dep_ == "pobj")
        heads = heads + owned
        for head in heads:
            if head.dep_ == "pobj" and head.head.head.lower_ in ("according", "said", "reported"):
                continue  # "according to the Observatory" names a source, not a target
            key = self._actor_of(st, sent, actors, head, violent)
            ent = st.entities.get(key) if key else None
            if ent is not None and ent.cls in ("MediaOutlet", "Source"):
                continue
            if key and key not in keys:
                keys.append(key)
        return keys

    def _np_actor(self, st: "_DocState", head: object, sent: SentenceInfo) -> str | None:
        """An actor named by a noun phrase the gazetteers and the model do not know ("Burmese troops",
        "Irish nationalist guerrillas", "students"), kept with a low confidence."""
        if not PEOPLE_HEADS.match(head.lower_) and not (upos(head) == "PROPN" and head.ent_type_ in ("ORG", "NORP", "PERSON", "GPE")):
            return None
        left = head.left_edge
        while left.i < head.i and (left.dep_ in ("det", "predet", "nummod", "quantmod", "advmod") or left.is_punct or left.like_num):
            left = st.doc[left.i + 1]
        span = st.doc[left.i : head.i + 1]
        if not span.text.strip() or st.overlaps(span.start_char, span.end_char, kinds=("place",)):
            return None
        label = span.text
        low = label.lower()
        adj = re.match(r"(?:pro-)?(" + self._adj + r")\b", label)
        iso = self.gaz.country_of_adjective(adj.group(1)) if adj else None
        if re.search(r"\b(forces|troops|soldiers|army|military|police|helicopters|tanks|warplanes|jets|bulldozers|navy)\b", low):
            cls = "StateForce" if iso or re.search(r"\b(government|regime|state)\b", low) else "NonStateArmedGroup"
            if iso and iso in self.gaz.countries:
                key = self.gaz.countries[iso].forces_key
                st.add_mention(Mention(key, span.start_char, span.end_char, label, "actor", "np_actor", 0.5))
                return key
        elif re.search(r"\b(rebels|guerrillas?|militants|fighters|insurgents|gunmen|militias?|separatists|jihadists|terrorists)\b", low):
            cls = "NonStateArmedGroup"
        elif re.search(r"\b(government|authorities|regime|officials|leaders?|president|minister|king|council|junta|administration)\b", low):
            cls = "Organisation"
        elif head.ent_type_ == "PERSON":
            cls = "Person"
        elif head.ent_type_ in ("ORG", "NORP"):
            cls = "Organisation"
        else:
            cls = "CivilianGroup"
        key = f"{'person' if cls == 'Person' else 'actor'}:{slug(label)}"
        st.add_entity(key, cls, label, country=iso)
        st.add_mention(Mention(key, span.start_char, span.end_char, label, "person" if cls == "Person" else "actor", "np_actor", 0.5))
        ent = st.entities[key]
        ev = st.evidence(sent, span.start_char, span.end_char, "np_actor", 0.5)
        if ev not in ent.mentions:
            ent.mentions.append(ev)
        return key

    def _roles(self, st: "_DocState", sent: SentenceInfo, frame: Event, actors: list[Mention], tm: re.Match | None, claimant: str | None) -> None:
        """Perpetrators, targets and victims of the event from one sentence."""
        text = sent.text
        base = sent.start
        tpos = base + (tm.start() if tm else 0)
        violent = EVENT_TYPE_OF.get(frame.cls) in ("Battles", "ExplosionsRemoteViolence", "ViolenceAgainstCivilians")
        subject_keys = self._subjects(st, sent, actors, tm, violent)
        threat = THREAT_RE.search(text) if frame.cls == "OtherDevelopment" else None
        threatened: list[Mention] = []
        for m in actors:
            if threat and m.start >= base + threat.end() and m.key not in subject_keys and (
                THREATENED_RE.search(text[threat.end() : m.start - base])
                or (threatened and re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or)\s+(?:the\s+)?", text[threatened[-1].end - base : m.start - base]))
            ):
                # "threatened to strike ... against X", "... unless X withdraws": X is threatened (a
                # country as itself: a threat to a state is not a clash with its army)
                key = m.key if m.kind == "country" else self._as_force(st, m.key)
                if key not in frame.targets and key not in frame.perpetrators:
                    frame.targets.append(key)
                threatened.append(m)  # "attacks against the United States and Kenya": both
                continue
            if m.kind == "country" and not re.search(r"\b(occup\w+|strike\w*|bomb\w*|attack\w*|shell\w*|launch\w*|raid\w*|target\w*)\b", text[m.end - base : m.end - base + 30], re.I):
                continue
            key = self._as_force(st, m.key)
            ent = st.entities.get(key)
            if ent is None or ent.cls in ("MediaOutlet", "Organisation", "Source"):
                continue
            if m.start < tpos and key not in subject_keys and re.match(r"(?:’s|'s)?\s+(?:said|says|told|reported|announced|stated)\b", text[m.end - base :]):
                continue  # "The Pakistani army said (that) ...": who reports it
            if key == UNIDENTIFIED and re.match(r"\s+(?:of|from|belonging to|loyal to|affiliated with)\s+(?:the\s+)?[A-Z]", text[m.end - base :]):
                continue  # "gunmen of the Sinaloa Cartel": the group named is who they are
            if key in frame.perpetrators or key in frame.targets or key in frame.victims or key in frame.assoc_perpetrators or m.key == claimant:
                continue
            left = text[: m.start - base]
            right = text[m.end - base : m.end - base + 25]
            tail = ATTRIBUTION_TAIL_RE.match(text[m.end - base :])
            if tail and m.start > tpos and len(text) - (m.end - base) - tail.end() < 90:
                continue  # ", Thai military sources said today.": who reports the event, not a party to it
            if key in subject_keys or any(o.key in subject_keys and o.end <= m.start and re.fullmatch(r"\s*(?:'s|’s)\s+", st.text[o.end - 2 if st.text[o.end - 2 : o.end] in ("'s", "’s") else o.end : m.start]) for o in actors):
                # the subject, or what the subject owns ("the Taliban's Haqqani network threatened")
                frame.perpetrators.append(key)
                continue
            if re.match(r"^\s*(affiliate|branch|franchise|offshoot)\b|^-(linked|affiliated|aligned)", right, re.I):
                continue
            # Organisations named only to describe a person ("a former commander of the FSA").
            if re.search(r"\b(commander|member|leader|fighter|official|chief|head|emir|officer|spokesman|mercenaries|affiliate)s?\s+(of|in|from|with)\s+(the\s+)?$", left, re.I):
                continue
            if re.search(r"\b(allied with|backed by|supported by|alongside|affiliated with)\s+(the\s+)?$", left, re.I):
                continue
            if re.search(r"\b(in support of|supporting|on behalf of|coordinated with|in coordination with)\s+(?:(?:the|our|its|their)\s+)?(?:[\w-]+\s+)?$", left, re.I):
                # "strikes against X in support of Y": Y is on the side of those who strike
                frame.assoc_perpetrators.append(key)
                continue
            if m.kind == "person":
                if re.search(r"\b(killed|assassinated|executed|targeted|shot|shot dead|wounded|injured|kidnapped|abducted|gunned down|murdered)\s+(?:(?:the|a|an)\s+)?(?:[\w.]+\s+){0,3}$", left, re.I) or re.match(r"^\s*(?:,[^,]*,\s*)?(was|were|has been|had been)\s+(\w+ly\s+)?(killed|assassinated|shot|executed|wounded|injured|kidnapped|abducted)", right, re.I) or re.match(r"^\s+died\b", right):
                    frame.victims.append(key)
                continue
            if (tm is None or m.end - base <= tm.start()) and PASSIVE_HARM_RE.match(text, m.end - base):
                frame.targets.append(key)  # "Two Iraqi soldiers were hit by a roadside bomb": who was hit
                continue
            if subject_keys:
                if re.search(r"\b(and|with|alongside)\s+(the\s+)?$", left, re.I) and any(k in frame.perpetrators for k in subject_keys) and m.start < tpos:
                    frame.assoc_perpetrators.append(key)
                else:
                    frame.targets.append(key)
                continue
            if tm is not None and m.end - base <= tm.start() and not text[m.end - base : tm.start()].strip(" ’'s"):
                frame.perpetrators.append(key)
                continue
            if re.search(r"\b(on|against|targeting|at|toward|towards|hit|struck|targeted|attacked|ambushed|killed|killing|wounding|injuring|with|between)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", left, re.I) or (re.match(r"^\s*(positions?|posts?|checkpoints?|patrols?|convoys?|soldiers|fighters|members|troops|bases?|facilities)\b", right, re.I) and m.start > tpos):
                frame.targets.append(key)
            elif re.search(r"\bby\s+(?:the\s+)?(?:\w+\s+){0,2}$", left, re.I) or m.start <= tpos:
                frame.perpetrators.append(key)
            else:
                frame.targets.append(key)
        # "anti-X" marks X as the target.
        for ma in re.finditer(r"\banti-([A-Z][\w'’]*)", text):
            t = next((m for m in actors if m.start == base + ma.start(1)), None)
            if t:
                if t.key in frame.perpetrators:
                    frame.perpetrators.remove(t.key)
                if t.key not in frame.targets:
                    frame.targets.append(t.key)
        for key in sorted(subject_keys):
            if key not in frame.perpetrators and key not in frame.targets and key != claimant:
                frame.perpetrators.append(key)
        if not frame.targets:
            for key in self._objects(st, sent, actors, tm, violent):
                if key not in frame.perpetrators:
                    frame.targets.append(key)
        # Battles with no named perpetrator: the first side named is actor 1.
        if EVENT_TYPE_OF.get(frame.cls) == "Battles" and not frame.perpetrators and len(frame.targets) >= 2:
            frame.perpetrators.append(frame.targets.pop(0))

    def _specificity(self, cls: str) -> int:
        for c, spec, _ in TRIGGERS:
            if c == cls:
                return spec
        return 0

    def _compatible(self, last: Event, cls: str, spec: int, claimant: str | None, dates: list, has_claim: bool) -> bool:
        if EVENT_TYPE_OF.get(last.cls) in ("StrategicDevelopments", "Protests", "Riots") and EVENT_TYPE_OF.get(cls) != EVENT_TYPE_OF.get(last.cls):
            return False
        if claimant and claimant in last.targets:
            return False
        if spec >= 2 and self._specificity(last.cls) >= 2 and EVENT_TYPE_OF.get(cls) != EVENT_TYPE_OF.get(last.cls):
            return False
        if spec >= 1 and self._specificity(last.cls) >= 1 and EVENT_TYPE_OF.get(cls) != EVENT_TYPE_OF.get(last.cls) and not (spec == 3 or self._specificity(last.cls) == 3):
            return False
        if not has_claim and dates and last.date and last.time_precision == 1 and all(d.value != last.date for d in dates):
            return False
        return True

    def _event_place(self, st: "_DocState", sent: SentenceInfo, frame: Event, places: list[Mention]) -> None:
        text = st.text
        rank = EVENT_PLACE_RANK
        best = None
        for p in places:
            ent = st.entities.get(p.key)
            if ent is None:
                continue
            pre = text[max(sent.start, p.start - 30) : p.start].lower()
            if re.search(r"\b(?:told|said|says|briefed|reporters|journalists|statement|conference|speaking|spoke)\b[^.;]{0,30}?\b(?:in|from)\s+(?:the\s+)?$", text[max(sent.start, p.start - 60) : p.start], re.I):
                continue  # "..., police told reporters in Islamabad": where it was said, not where it happened
            if re.search(r"\b(?:civilian|man|woman|boy|girl|resident|member|fighter|family|people|native|shepherd|farmer)s?\s+(?:originally\s+)?from\s+(?:the\s+)?(?:village\s+of\s+|town\s+of\s+)?$", pre) and len(places) > 1:
                continue  # "shot a shepherd from Nawa in Tafas": where he came from, not where it happened
            if re.search(r"\b(east|west|north|south|north-?east|north-?west|south-?east|south-?west)(ern)? of\s+(the\s+)?(\w+\s+of\s+)?$", pre):
                if frame.near is None:
                    frame.near = p.key
                continue
            score = rank.get(ent.cls, 2)
            if best is None or score < best[0]:
                best = (score, p, pre)
        if best is None:
            return
        score, p, pre = best
        current = st.entities.get(frame.place) if frame.place else None
        current_rank = rank.get(current.cls, 2) if current else 9
        if score < current_rank or frame.place is None:
            if frame.place and frame.near is None and current is not None and current.cls != "AdminRegion":
                frame.near = frame.place
            frame.place = p.key
            near = bool(re.search(r"\b(near|outskirts of|around|close to|vicinity of|outside)\s+(the\s+)?(\w+\s+of\s+)?$", pre))
            frame.geo_precision = 2 if near else (1 if score == 1 else (2 if score == 2 else 3))

    def _target_places(self, st: "_DocState", sent: SentenceInfo, frame: Event, places: list[Mention]) -> None:
        """Places the action was directed at: the object of a directed word ("shelled Juba", "the
        invasion of South Lebanon", "a curfew imposed on Sirte", "bombs in the capital
        Kabul"), reached through at most two prepositions. Not a place the action came from or
        passed near ("withdrew from Chad", "near Rafah"), nor a country whose own forces act."""
        for m in places:
            span = st.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or m.key in frame.target_places:
                continue
            tok = span.root
            if m.kind == "country" and (tok.dep_ in ("nsubj", "poss", "amod") or tok.tag_ == "POS"):
                continue  # "Israel threatened ...", "Israel's forces": the actor, not the target
            for _ in range(2):  # "the capital Kabul", "the town of Cizre"
                if tok.dep_ in ("appos", "compound") and tok.head.lower_.rstrip("s") in PLACE_NOUNS:
                    tok = tok.head
                elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_.rstrip("s") in PLACE_NOUNS:
                    tok = tok.head.head
            hit = False
            for _ in range(3):
                if tok.dep_ in ("dobj", "nsubjpass") or (tok.dep_ == "conj" and tok.head.dep_ == "dobj"):
                    gov = tok.head if tok.dep_ != "conj" else tok.head.head
                elif tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into", "on", "at", "against", "of", "to", "inside"):
                    gov = tok.head.head
                else:
                    break
                if any(DIRECTED_AT_PLACE_RE.fullmatch(w.text) for w in _directed_words(gov)):
                    hit = True
                    break
                if upos(gov) == "VERB":
                    break  # a verb that is not directed at it ("died in Kabul", "fled to Chad")
                tok = gov  # "fired at targets in Jericho": on through the noun
            if hit:
                frame.target_places.append(m.key)

    def _casualties(self, st: "_DocState", sent: SentenceInfo, frame: Event, actors: list[Mention]) -> None:
        text = sent.text
        if re.search(r"\b(no|neither|without)\s+(fatalities|casualties|deaths|injuries|one was (killed|hurt))\b|\bno (one|body) was (killed|hurt|injured)\b", text, re.I):
            if frame.fatalities is None and re.search(r"fatalit|casualt|death|killed", text, re.I):
                frame.fatalities = 0
            return
        coded = re.search(r"\bfatalities (?:were |are )?coded as " + _NUM, text, re.I)
        if coded:
            # ACLED notes may state the coding convention itself ("... fatalities coded as N").
            word = coded.group(1).lower()
            frame.fatalities = int(word) if word.isdigit() else NUMBER_WORDS.get(word, frame.fatalities)
            return
        if re.search(r"\bunknown (number of )?(fatalities|casualties)\b", text, re.I):
            return
        between = re.search(r"\b(?:killing|killed|leaving|left)\s+between\s+" + _NUM + r"\s+(?:to|and)\s+" + _NUM, text, re.I)
        if between:
            word = between.group(1).lower()
            frame.fatalities = max(frame.fatalities or 0, int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0))
        selfkill = re.search(r"\bkill(?:ing|ed)\s+(?:himself|herself)\s+and\s+(?:at least\s+)?" + _NUM + r"\b", text, re.I)
        if selfkill:
            # "blew himself up ..., killing himself and 4 worshippers": ACLED counts every death
            word = selfkill.group(1).lower()
            n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
            if n is not None:
                frame.fatalities = max(frame.fatalities or 0, n + 1)
        bodies = re.search(r"\b(?:the )?bod(?:y|ies) of\s+(?:" + _NUM + r"\s+)?", text, re.I)
        if bodies and re.search(r"\b(found|discovered|recovered|dumped)\b", text, re.I):
            word = (bodies.group(1) or "1").lower()
            frame.fatalities = max(frame.fatalities or 0, int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1))

        def count(pattern_words: str) -> int | None:
            if not re.search(pattern_words, text, re.I):
                return None  # every pattern below needs one of the words
            total = None
            summed_re, left_re, pats = _count_patterns(pattern_words)
            summed = summed_re.search(text)
            if summed:
                a = summed.group(1).lower()
                b = summed.group(2).lower()
                na = int(a) if a.isdigit() else NUMBER_WORDS.get(a)
                nb = int(b) if b.isdigit() else NUMBER_WORDS.get(b)
                if na is not None and nb is not None:
                    return na + nb
            left = left_re.search(text)
            if left:
                a = left.group(1).lower()
                b = (left.group(2) or "0").lower()
                na = int(a) if a.isdigit() else NUMBER_WORDS.get(a, 0)
                nb = int(b) if b.isdigit() else NUMBER_WORDS.get(b, 0)
                return na + nb
            for i, pat in enumerate(pats):
                for m in pat.finditer(text):
                    word = m.group(1).lower() if i != 4 else "1"
                    if i == 4:
                        noun = m.group(0).split()[-1].lower()
                        if noun.endswith("s") and noun not in ("others",):
                            continue
                    n = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
                    if n is None or n > 100000:
                        continue
                    total = max(total or 0, n)
                if total is not None:
                    return total
            return total

        kill_words = r"killed|dead|died|slain|perished|executed|assassinated|lost their lives|killing"
        injure_words = r"injured|wounded|hurt|injuring|wounding"
        k = count(kill_words)
        if re.search(r"\b(his|her)\s+(wife|husband|son|daughter|brother|child)\s+(was|were)\s+(\w+ly\s+)?(injured|wounded|hurt)", text, re.I):
            frame.injured = max(frame.injured or 0, 1)
        i = count(injure_words)
        killed_people = [m for m in actors if m.kind == "person" and m.key in frame.victims and re.search(r"\b(killed|assassinated|executed|shot dead|died|dead)\b", text, re.I)]
        if killed_people:
            k = max(k or 0, len({m.key for m in killed_people}))
        if k is not None:
            frame.fatalities = max(frame.fatalities or 0, k)
        if i is not None:
            frame.injured = max(frame.injured or 0, i)

    # ------------------------------------------------------------------ sources & helpers
    def _sources(self, st: "_DocState", sent: SentenceInfo) -> list[str]:
        out = []
        for m in SOURCE_RE.finditer(sent.text):
            label = m[1].strip()
            label = re.split(r"\s+(?:who|which|that|on|in)\s+", label)[0].strip()
            if 2 < len(label) < 60:
                out.append(st.source(label, sent, sent.start + m.start(1), sent.start + m.start(1) + len(label)))
        for m in SAID_RE.finditer(sent.text):
            label = m[1].strip()
            out.append(st.source(label, sent, sent.start + m.start(1), sent.start + m.end(1)))
        for mention in sent.mentions:
            if mention.kind == "actor":
                ent = st.entities.get(mention.key)
                after = st.text[mention.end : mention.end + 30]
                verb = re.match(r"^\s*(said|reported|stated|announced|told|confirmed)\b", after)
                if ent is not None and verb:
                    # Only a main-clause "X said" is the source of the sentence, not "which X said it intercepted".
                    tok = st.doc.char_span(mention.end + verb.start(1), mention.end + verb.end(1), alignment_mode="expand")
                    if tok is not None and (tok.root.dep_ == "ROOT" or (tok.root.dep_ in ("conj", "parataxis", "ccomp") and tok.root.head.dep_ == "ROOT")):
                        out.append(st.source(ent.label, sent, mention.start, mention.end, key=mention.key))
        return list(dict.fromkeys(out))

    def _civilians_named(self, st: "_DocState", before: str) -> str:
        """The civilians of the nationality named before the word ("20 Syrian civilians"),
        wherever the report comes from; else those of the country in focus."""
        adjective = re.search(r"\b([A-Z][a-z]+)\s+(?:(?:innocent|unarmed|displaced)\s+)?$", before)
        iso = self.gaz.country_of_adjective(adjective[1]) if adjective else None
        if iso and iso in self.gaz.countries:
            key = st.group("civilians", iso=iso)
            st.by_nationality.add(key)  # ACLED codes foreign civilians by their nationality
            return key
        return st.civilians()

    def _backer_key(self, st: "_DocState", word: str, sent: SentenceInfo) -> str | None:
        iso = self.gaz.country_of_adjective(word) or self.gaz.country_by_name.get(name_key(word))
        if iso:
            st.ensure_country(iso)
            return f"country:{iso}"
        hit = next((m for m in sent.mentions if m.text == word or m.text.startswith(word)), None)
        return hit.key if hit and hit.kind in ("actor", "country") else None

    def _as_force(self, st: "_DocState", key: str) -> str:
        """A country acting militarily is its armed forces."""
        if key.startswith("country:"):
            iso = key.split(":", 1)[1]
            if iso in self.gaz.countries:
                forces = self.gaz.countries[iso]
                st.ensure_actor(forces.forces_key)
                return forces.forces_key
        return key

    def _gazetteer_hierarchy(self, st: "_DocState") -> None:
        """Places resolved to GeoNames or curated entries: admin1 and country containment."""
        for key in list(st.entities):
            ent = st.entities[key]
            if not ent.mentions or ent.cls not in ("PopulatedPlace", "AdminRegion", "Facility", "NaturalFeature", "Area", "Location"):
                continue
            entry = self.gaz.places.get(key.split(":", 1)[1] if key.startswith("place:") and key.count(":") == 1 else key.replace("place:", "", 1))
            parent = ent.parent
            if entry is not None:
                parent = entry.admin1 or (f"country:{entry.country}" if entry.country else None)
                if entry.cls == "AdminRegion":
                    parent = f"country:{entry.country}"
            if parent:
                parent_key = parent if parent.startswith("country:") else f"place:{parent}"
                if parent_key.startswith("country:"):
                    st.ensure_country(parent_key.split(":", 1)[1])
                else:
                    st.ensure_place(self.gaz.places[parent])
                first = _implied(ent.mentions[0], GAZETTEER_RULE)
                st.relate("locatedIn", key, parent_key, first, [])
                # Admin1 of a populated place: also up to the country.
                pentry = self.gaz.places.get(parent)
                if pentry is not None and pentry.cls == "AdminRegion" and pentry.country:
                    st.ensure_country(pentry.country)
                    st.relate("locatedIn", parent_key, f"country:{pentry.country}", first, [])


def _implied(ev: Evidence, rule: str) -> Evidence:
    """Evidence for an entity that is named only through another fact (lower confidence)."""
    return Evidence(ev.doc_id, ev.sentence, ev.sentence_start, ev.start, ev.end, ev.text, rule, round(ev.confidence * 0.8, 3))


class _DocState:
    """Working state of one document's extraction."""

    def __init__(self, gaz: Gazetteer, doc: Doc, document: Document) -> None:
        self.gaz = gaz
        self.doc = doc
        self.document = document
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.generic: list[Span] = []
        self.single_names: list[Span] = []
        self.country_votes: dict[str, int] = {}
        self.named_countries: set[str] = set()
        self.inner_countries: list[tuple[str, int, int]] = []  # countries named inside an organisation's name
        self.by_nationality: set[str] = set()  # civilians named by their nationality ("Russian civilians")
        self.place_votes: dict[str, int] = {}
        self.focus: str | None = None
        self.sentences: list[SentenceInfo] = []
        self.events: list[Event] = []
        self.result_relations: list[Relation] = []
        self.sources: dict[str, Entity] = {}
        self.text = doc.text  # spaCy rebuilds Doc.text from every token on each access
        self._paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]

    # entities and mentions -------------------------------------------------
    def add_entity(self, key: str, cls: str, label: str, **attrs: object) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(key=key, cls=cls, label=label)
            self.entities[key] = ent
        for name, value in attrs.items():
            if value is not None and getattr(ent, name) in (None, set()):
                setattr(ent, name, value)
        return ent

    def ensure_actor(self, key: str) -> Entity:
        if key in self.entities:
            return self.entities[key]
        entry = self.gaz.actors.get(key.split(":", 1)[1])
        if entry is None:
            return self.add_entity(key, "NonStateArmedGroup", key.split(":", 1)[1])
        ent = self.add_entity(key, entry.cls, entry.name, country=entry.country, qid=entry.qid, inter=entry.inter)
        ent.aliases.update(a for a in entry.aliases if a != entry.name)
        if entry.country:
            self.ensure_country(entry.country)
        return ent

    def ensure_country(self, iso: str) -> Entity:
        key = f"country:{iso}"
        if key in self.entities:
            return self.entities[key]
        c = self.gaz.countries.get(iso)
        ent = self.add_entity(key, "Country", c.name if c else iso, qid=c.qid if c else None, country=iso, admin_level=0)
        if c:
            ent.aliases.update(c.aliases)
        return ent

    def ensure_place(self, entry: PlaceEntry) -> Entity:
        key = entry.key if entry.key.startswith("country:") else f"place:{entry.key}"
        if entry.cls == "Country":
            return self.ensure_country(entry.country or "")
        ent = self.add_entity(
            key,
            entry.cls,
            entry.name,
            country=entry.country,
            lat=entry.lat,
            lon=entry.lon,
            geonames_id=entry.geonames_id,
            admin_level=entry.admin_level,
            parent=entry.admin1,
        )
        if entry.country:
            self.ensure_country(entry.country)
        return ent

    def add_place_mention(self, key: str, span: Span, rule: str, conf: float, cue: str = "") -> None:
        entry = self.gaz.places.get(key)
        if entry is None:
            return
        if entry.cls == "Country":
            self.add_mention(Mention(entry.key, span.start_char, span.end_char, span.text, "country", rule, conf))
            return
        # A division name that is also a city: the words around decide.
        after = self.text[span.end_char : span.end_char + 15].lower()
        before = self.text[max(0, span.start_char - 20) : span.start_char].lower()
        if entry.cls == "AdminRegion" and (re.search(r"\b(city|town) of\s+(the\s+)?$", before) or re.match(r"^\s*(city|town)\b", after)):
            cities = [p for p in self.gaz.lookup_place(span.text, entry.country) if p.cls == "PopulatedPlace"]
            if cities:
                entry = cities[0]
        if entry.cls == "PopulatedPlace" and re.match(r"^\s*(province|governorate|countryside)\b", after):
            admins = [p for p in self.gaz.lookup_place(span.text, entry.country) if p.cls == "AdminRegion"]
            if admins:
                entry = admins[0]
        ent = self.ensure_place(entry)
        self.add_mention(Mention(ent.key, span.start_char, span.end_char, span.text, "place", rule, conf, cue))

    def add_mention(self, mention: Mention) -> None:
        # "Ar-Raqqa": the ruler matched "Raqqa"; the mention includes the article.
        before = self.text[max(0, mention.start - 4) : mention.start]
        art = re.search(r"(?:^|[^\w])((?:al|el|ar|as|ad|ash|az|at|an)[-‐])$", before, re.I)
        if art and mention.kind in ("place", "actor", "country"):
            mention.start -= len(art.group(1))
            mention.text = self.text[mention.start : mention.end]
        # "Kafrnaya in": the model's span swallowed a function word.
        trail = re.search(r"\s+(in|of|on|at|near|and|the)$", mention.text)
        if trail and mention.kind in ("place", "actor"):
            mention.end -= len(trail.group(0))
            mention.text = mention.text[: -len(trail.group(0))]
        if mention.key.startswith("actor:"):
            self.ensure_actor(mention.key)
        elif mention.key.startswith("country:"):
            self.ensure_country(mention.key.split(":", 1)[1])
            iso = mention.key.split(":", 1)[1]
            self.country_votes[iso] = self.country_votes.get(iso, 0) + 1
        elif mention.kind == "place" and not mention.key.startswith("place:"):
            entry = self.gaz.places.get(mention.key)
            if entry is not None:
                ent = self.ensure_place(entry)
                mention.key = ent.key
        if self.overlaps(mention.start, mention.end, exact_key=mention.key):
            return
        self.mentions.append(mention)
        ent = self.entities.get(mention.key)
        if ent is not None:
            if ent.country and ent.cls != "Country":
                self.country_votes[ent.country] = self.country_votes.get(ent.country, 0) + 1
            surface = re.sub(r"^(?:the|The)\s+", "", mention.text.strip())
            if surface and surface != ent.label and mention.kind in ("actor", "person", "place"):
                ent.aliases.add(surface)

    def overlaps(self, start: int, end: int, kinds: tuple[str, ...] | None = None, exact_key: str | None = None) -> bool:
        for m in self.mentions:
            if m.start < end and start < m.end and (kinds is None or m.kind in kinds):
                if m.rule == "office_holder" and m.key != exact_key and (m.start, m.end) != (start, end):
                    continue  # an office keeps what it names inside ("U.S. Central Command" in "U.S. Central Command commander")
                if exact_key is not None and m.key != exact_key and not (m.start == start and m.end == end):
                    # A different entity overlaps: keep the longer one.
                    if (end - start) > (m.end - m.start):
                        continue
                return True
        return False

    def redirect(self, old: str, new: str) -> None:
        """Resolve every mention of entity ``old`` to entity ``new`` (same real-world person or actor)."""
        if old == new or old not in self.entities:
            return
        gone = self.entities.pop(old)
        target = self.entities[new]
        target.mentions += [m for m in gone.mentions if m not in target.mentions]
        target.aliases.add(gone.label)
        target.aliases.update(gone.aliases)
        target.rank = target.rank or gone.rank
        for m in self.mentions:
            if m.key == old:
                m.key = new

    def remove_overlapping(self, start: int, end: int) -> None:
        self.mentions = [m for m in self.mentions if not (m.start < end and start < m.end)]

    def is_subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def decide_focus(self) -> None:
        if self.country_votes and (self.focus is None or sum(self.country_votes.values()) >= 3):
            self.focus = max(self.country_votes.items(), key=lambda kv: kv[1])[0]

    def focus_hint(self) -> str | None:
        if self.focus:
            return self.focus
        if self.country_votes:
            return max(self.country_votes.items(), key=lambda kv: kv[1])[0]
        return None

    def finalise_mentions(self) -> None:
        # Longest mention wins where two overlap.
        kept: list[Mention] = []
        for m in sorted(self.mentions, key=lambda m: (-(m.end - m.start), m.start)):
            if any(k.start < m.end and m.start < k.end for k in kept):
                continue
            kept.append(m)
        self.mentions = sorted(kept, key=lambda m: m.start)
        for i, sent in enumerate(self._sentences()):
            para = sum(1 for p in self._paragraph_starts if p <= sent.start_char) - 1
            info = SentenceInfo(i, sent, para)
            info.mentions = [m for m in self.mentions if sent.start_char <= m.start < sent.end_char]
            self.sentences.append(info)
            for m in info.mentions:
                ent = self.entities.get(m.key)
                if ent is not None:
                    ent.mentions.append(self.evidence(info, m.start, m.end, m.rule, m.confidence))
            for key, start, end in self.inner_countries:
                if sent.start_char <= start < sent.end_char:
                    self.ensure_country(key.split(":", 1)[1])
                    self.entities[key].mentions.append(self.evidence(info, start, end, "country_in_name", 0.8))

    def _sentences(self) -> list[Span]:
        """The parser's sentences, re-joined where a boundary falls inside a mention or an entity
        (the small model splits at words it mis-tags, e.g. inside "Kata'ib Hezbollah")."""
        spans = [(s.start, s.end) for s in self.doc.sents]
        inside = set()
        for m in self.mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                inside.update(range(span.start + 1, span.end))
        for ent in self.doc.ents:
            inside.update(range(ent.start + 1, ent.end))
        merged: list[list[int]] = []
        for start, end in spans:
            prev_text = self.doc[merged[-1][0] : merged[-1][1]].text.strip() if merged else ""
            if merged and (start in inside or (prev_text and not re.search(r"[.!?:;\"”’)\]]$", prev_text) and "\n\n" not in self.doc[merged[-1][1] - 1 : start + 1].text_with_ws and self.doc[start].is_lower)):
                merged[-1][1] = end
            else:
                merged.append([start, end])
        out = []
        for a, b in merged:
            while a < b and self.doc[a].is_space:
                a += 1
            while b > a and self.doc[b - 1].is_space:
                b -= 1
            if a < b:
                out.append(self.doc[a:b])
        return out

    def mention_evidence(self, key: str, evidence: Evidence) -> None:
        ent = self.entities.get(key)
        if ent is not None and evidence not in ent.mentions:
            ent.mentions.append(evidence)

    def evidence(self, sent: SentenceInfo, start: int, end: int, rule: str, conf: float) -> Evidence:
        start = max(start, sent.start)
        end = min(max(end, start), sent.span.end_char)
        return Evidence(
            doc_id=self.document.id,
            sentence=sent.text,
            sentence_start=sent.start,
            start=start,
            end=end,
            text=self.text[start:end],
            rule=rule,
            confidence=conf,
        )

    # relations, events, sources --------------------------------------------
    def relate(self, prop: str, subject: str, obj: str, evidence: Evidence, sources: list[str], status: str = "Current") -> None:
        if subject == obj or (subject not in self.entities and not subject.startswith(("country:", "actor:"))):
            return
        if obj.startswith("country:"):
            self.ensure_country(obj.split(":", 1)[1])
        for key in (subject, obj):
            if key.startswith("actor:"):
                self.ensure_actor(key)
        for rel in self.result_relations:
            if rel.prop == prop and rel.subject == subject and rel.object == obj and rel.evidence.sentence_start == evidence.sentence_start:
                return
        for key in (subject, obj):
            ent = self.entities.get(key)
            if ent is not None and not ent.mentions:
                ent.mentions.append(Evidence(evidence.doc_id, evidence.sentence, evidence.sentence_start, evidence.start, evidence.end, evidence.text, f"implied:{evidence.rule}", evidence.confidence * 0.8))
        self.result_relations.append(Relation(prop, subject, obj, evidence, status=status, according_to=sources[0] if sources else None))
        if prop in ACTOR_RELATIONS:
            # A country that is a member, ally, backer or enemy in the sentence acts as a state there
            # ("Coalition nations include Australia, Bahrain ..."), not as a place.
            for key in (subject, obj):
                ent = self.entities.get(key) if key.startswith("country:") else None
                if ent is not None:
                    ent.mentions[:] = [
                        replace(m, rule="country_as_actor") if m.rule == "gazetteer_country" and m.sentence_start == evidence.sentence_start and evidence.start <= m.start < evidence.end else m for m in ent.mentions
                    ]

    def civilians(self) -> str:
        """The ACLED-style civilian actor of the country in focus, e.g. "Civilians (Syria)"."""
        return self.group("civilians")

    # ACLED's collective actors: kind -> label, class, inter code
    GROUPS = {"civilians": ("Civilians", "CivilianGroup", 7), "protesters": ("Protesters", "CivilianGroup", 6), "rioters": ("Rioters", "CivilianGroup", 5)}

    def group(self, kind: str, iso: str | None = None) -> str:
        """An ACLED-style collective actor of the country in focus (or of ``iso``): "Protesters (Iraq)" (6), "Rioters (Syria)" (5)."""
        label, cls, inter = self.GROUPS[kind]
        iso = iso or self.focus
        name = self.gaz.countries[iso].name if iso and iso in self.gaz.countries else None
        key = f"actor:{kind}-{iso.lower()}" if iso else f"actor:{kind}"
        self.add_entity(key, cls, f"{label} ({name})" if name else label, country=iso, inter=inter)
        return key

    def new_event(self, cls: str, paragraph: int) -> Event:
        event = Event(n=len(self.events) + 1, cls=cls, paragraph=paragraph)
        self.events.append(event)
        return event

    def last_event(self) -> Event | None:
        return self.events[-1] if self.events else None

    def source(self, label: str, sent: SentenceInfo, start: int, end: int, key: str | None = None) -> str:
        key = key or f"source:{slug(label)}"
        if key not in self.entities:
            if key.startswith("source:"):
                self.entities[key] = Entity(key=key, cls="Source", label=label)
        ent = self.entities[key]
        ev = self.evidence(sent, start, end, "attribution", 0.8)
        if ev not in ent.mentions:
            ent.mentions.append(ev)
        return key

    def _reclassify(self, event: Event) -> None:
        """ACLED codebook distinctions that depend on who was targeted and by whom."""
        text = " ".join(ev.sentence for ev in event.evidence)
        targets = [self.entities[k] for k in event.targets + event.victims if k in self.entities]
        perps = [self.entities[k] for k in event.perpetrators if k in self.entities]
        # Words for armed people count unless they name the perpetrators ("ENDF soldiers killed 12 civilians").
        perp_spans = {(m.sentence_start, m.start, m.end) for p in perps for m in p.mentions}
        armed_words = [
            (ev.sentence_start, ev.sentence_start + w.start(), ev.sentence_start + w.end())
            for ev in {e.sentence_start: e for e in event.evidence}.values()
            for w in re.finditer(
                r"\b(?<!former )(?<!ex-)(member|fighter|soldier|officer|militant|operative|colonel|commander|lieutenant|sergeant|guard|policem[ae]n|police officer|recruit|conscript)s?\b(?! (?:who|that) (?:had )?(?:defected|left))", ev.sentence, re.I
            )
        ]
        armed_target = any(t.cls in ("StateForce", "NonStateArmedGroup", "Militia", "RebelGroup", "JihadistGroup") for t in targets) or any(
            not any(ss == s0 and a <= w0 <= b + 1 for ss, a, b in perp_spans) for s0, w0, w1 in armed_words  # in or right after the name
        )
        civilian_target = any(t.cls == "CivilianGroup" for t in targets) or re.search(
            r"\b(civilians?|man|woman|child(ren)?|boy|girl|baby|teenager|\d+-year-old|sheikh|doctor|teacher|shepherd|farmer|journalist|activist|resident|family|former (?:[\w-]+ ){0,2}?(commander|fighter|member))\b", text, re.I
        )
        if event.cls in ("Attack", "ArmedClash") and not re.search(r"\b(clash\w*|firefights?|exchange of fire|battles?)\b", text, re.I):
            if civilian_target and not (armed_target and not re.search(r"\bformer\b", text, re.I)):
                event.cls = "Attack"
            elif armed_target:
                event.cls = "ArmedClash"
        if event.cls == "Arrests" and perps and all(p.cls not in ("StateForce",) for p in perps):
            event.cls = "AbductionForcedDisappearance"
        if event.cls == "ProtestWithIntervention" and event.fatalities:
            event.cls = "ExcessiveForceAgainstProtesters"  # the toll came in a later sentence

    def _located_in(self, key: str) -> str | None:
        """The place this one was said or found to lie in (its first ``locatedIn``), if any."""
        return next((r.object for r in self.result_relations if r.prop == "locatedIn" and r.subject == key), None)

    def _has_coordinates(self, key: str) -> bool:
        seen = set()
        while key and key not in seen:
            seen.add(key)
            ent = self.entities.get(key)
            if ent is None:
                return False
            if ent.lat is not None:
                return True
            parent = self._located_in(key)
            if parent is None and ent.parent:
                parent = ent.parent if ent.parent.startswith(("place:", "country:")) else f"place:{ent.parent}"
            key = parent
        return False

    def _anchor_place(self, event: Event) -> None:
        """A place the gazetteers lack ("the hamlet of X ... in Hama") is tied to the
        governorate or town named in the same sentence, so that it can be mapped (ACLED geo
        precision 2-3)."""
        if not event.place or self._has_coordinates(event.place):
            return
        starts = {ev.sentence_start for ev in event.evidence}
        for sent in self.sentences:
            if sent.start not in starts:
                continue
            candidates = [m for m in sent.mentions if m.kind == "place" and m.key != event.place and self._has_coordinates(m.key)]
            candidates.sort(key=lambda m: (self.entities[m.key].cls != "PopulatedPlace", m.start))
            if candidates:
                anchor = candidates[0]
                self.relate("locatedIn", event.place, anchor.key, self.evidence(sent, anchor.start, anchor.end, "sentence_anchor", 0.5), [])
                return

    def _crowd_mention(self, event: Event, key: str) -> None:
        """The protesters named in the event's sentence ("Islamist demonstrators") are a mention
        of the protesters of the event's country."""
        if not event.evidence:
            return
        ent = self.ensure_actor(key)
        trigger = event.evidence[0]
        sent = trigger.sentence
        m = re.search(r"\b(?:protesters|demonstrators|marchers|crowds?)\b", sent)
        if m is None:
            return
        span = self.doc.char_span(trigger.sentence_start + m.start(), trigger.sentence_start + m.end(), alignment_mode="expand")
        if span is None:
            return
        start, end = min(span.root.left_edge.idx, span.start_char), span.end_char
        named = next((m for m in self.mentions if m.start < end and start < m.end and m.kind in ("actor", "person", "country")), None)
        if named is not None and self.entities.get(named.key) is not None and self.entities[named.key].cls == "CivilianGroup" and named.key != key:
            # "Islamist demonstrators" read as a group of their own: they are the protesters here
            start, end = named.start, named.end
            for roles in (event.perpetrators, event.targets, event.victims, event.assoc_perpetrators):
                roles[:] = [k for k in roles if k != named.key]
            ent.aliases.add(self.entities[named.key].label)
        elif named is not None:
            start = span.start_char
        mention = Evidence(trigger.doc_id, sent, trigger.sentence_start, start, end, self.text[start:end], "crowd_mention", 0.6)
        if mention not in ent.mentions:
            ent.mentions.append(mention)

    def _place_from_paragraph(self, event: Event) -> None:
        """An event whose sentences name no place ("As a result, 43 people were killed.") took
        place where the sentence before it in the same paragraph says: "a fuel tanker
        exploded in the market of Afrin"."""
        first = min((ev.sentence_start for ev in event.evidence), default=None)
        if first is None:
            return
        here = next((s for s in self.sentences if s.start == first), None)
        if here is None:
            return
        rank = {cls: r for cls, r in EVENT_PLACE_RANK.items() if cls != "Country"}
        for sent in reversed([s for s in self.sentences if s.paragraph == here.paragraph and s.start < first]):
            found = [
                m
                for m in sent.mentions
                if m.kind == "place"
                and self.entities.get(m.key) is not None
                and self.entities[m.key].cls in rank
                and not re.match(r"\s+(?:street|road|avenue|highway|bridge)\b", self.text[m.end : m.end + 12], re.I)  # "Raju street of Afrin"
            ]
            if found:
                best = min(found, key=lambda m: (rank[self.entities[m.key].cls], m.start))
                event.place = best.key
                event.geo_precision = 1 if rank[self.entities[best.key].cls] == 1 else rank[self.entities[best.key].cls]
                return

    def _point_from_direction(self, event: Event) -> None:
        """"X in the southern countryside of Idlib", "in northern Latakia countryside": the
        event lies that way from the town named, not at it. Where the place itself has no
        coordinates of its own (a village the gazetteer lacks) or is that town, the event's
        point is COUNTRYSIDE_KM from the town in that direction (ACLED geo precision 2)."""
        if not event.place or not event.evidence:
            return
        place = self.entities.get(event.place)
        if place is None or (place.lat is not None and place.cls not in ("AdminRegion", "PopulatedPlace")):
            return
        if not any(COUNTRYSIDE_RE.search(ev.sentence) for ev in event.evidence):
            return
        chain = place_chain(SimpleNamespace(entities=self.entities, relations=self.result_relations), event.place)
        # the first place up the chain with coordinates: where the direction starts
        anchor_ent = next((e for e in chain if e.lat is not None), None)
        if anchor_ent is None:
            return
        keys = {e.key for e in chain}
        chain_names = {name_key(n) for e in chain for n in (e.label, *e.aliases)} | {name_key(m.text) for m in self.mentions if m.key in keys}  # as written ("Lattakia")
        for ev in event.evidence:
            for m in COUNTRYSIDE_RE.finditer(ev.sentence):
                anchor = name_key(m["a"] or m["b"] or "")
                if anchor and (anchor in chain_names or any(anchor in n or n in anchor for n in chain_names if len(n) > 3)):
                    if place.lat is not None and name_key(place.label) != anchor and anchor not in {name_key(a) for a in place.aliases}:
                        return  # a town with coordinates of its own, not the one the direction is from
                    bearing = BEARINGS[re.sub(r"ern|[- ]", "", (m["d1"] or m["d2"]).lower())]
                    event.lat, event.lon = offset(anchor_ent.lat, anchor_ent.lon, bearing, COUNTRYSIDE_KM)
                    event.geo_precision = max(event.geo_precision or 2, 2)
                    return

    def _local_groups(self, event: Event) -> None:
        """Civilians, protesters and rioters are those of the country where the event happened
        (ACLED's coding), not of the document's country in focus: a bombing in Kabul reported
        from Pakistan has Afghan civilians as victims."""
        place = self.entities.get(event.place) if event.place else None
        iso = place.country if place is not None else None
        if place is not None and place.lat is None:
            # a village the gazetteers lack is in the country of the town it was tied to
            anchor = self.entities.get(self._located_in(place.key) or "")
            iso = anchor.country if anchor is not None and anchor.country else iso
        if not iso or iso not in self.gaz.countries:
            return
        for roles in (event.perpetrators, event.targets, event.victims, event.assoc_perpetrators):
            for i, key in enumerate(roles):
                kind = key.split(":", 1)[1].rsplit("-", 1)[0] if key.startswith("actor:") else ""
                ent = self.entities.get(key)
                if kind in self.GROUPS and ent is not None and ent.country and ent.country != iso and key not in self.by_nationality:
                    roles[i] = self.group(kind, iso=iso)
                    if not any(key in e.perpetrators + e.targets + e.victims + e.assoc_perpetrators for e in self.events):
                        self.redirect(key, roles[i])  # named for the wrong country only
            roles[:] = list(dict.fromkeys(roles))

    def result(self) -> DocResult:
        for event in self.events:
            self._reclassify(event)
            if event.place is None and event.near is not None:
                # "10 km north of X": ACLED codes the named town with precision 2.
                event.place, event.near, event.geo_precision = event.near, None, 2
            if event.place is None:
                self._place_from_paragraph(event)
            self._anchor_place(event)
            self._point_from_direction(event)
            near = self.entities.get(event.near) if event.near else None
            place = self.entities.get(event.place) if event.place else None
            if event.lat is None and place is not None and place.lat is None and near is not None and near.lat is not None and near.cls == "PopulatedPlace":
                # "the hamlet of X west of Tall Abyad": a village the gazetteer lacks is by that town
                event.lat, event.lon, event.geo_precision = near.lat, near.lon, 2
            self._local_groups(event)
            kind = EVENT_TYPE_OF.get(event.cls)
            if event.cls == "ExcessiveForceAgainstProtesters" and any(self.entities.get(k) is not None and self.entities[k].cls == "StateForce" for k in event.perpetrators):
                # "police opened fire on demonstrators, killing one": the force acted (ACLED actor 1),
                # the protesters were hit
                crowd = self.group("protesters")
                event.perpetrators[:] = [k for k in event.perpetrators if k != crowd]
                if crowd not in event.targets:
                    event.targets.insert(0, crowd)
                self._crowd_mention(event, crowd)
            elif kind == "Protests" and not any(self.entities.get(k) is not None and self.entities[k].inter == 6 for k in event.perpetrators):
                event.perpetrators.insert(0, self.group("protesters"))
                self._crowd_mention(event, event.perpetrators[0])
            elif kind == "Riots" and not any(self.entities.get(k) is not None and self.entities[k].inter == 5 for k in event.perpetrators):
                event.perpetrators.insert(0, self.group("rioters"))
        # Events without a perpetrator that are attacks by someone unnamed.
        for event in self.events:
            unnamed_only = bool(event.perpetrators) and all(
                self.entities.get(k) is not None and self.entities[k].cls == "Person" and all(m.rule == "unnamed_individual" for m in self.entities[k].mentions) for k in event.perpetrators
            )
            if (not event.perpetrators or unnamed_only) and EVENT_TYPE_OF.get(event.cls) in ("ExplosionsRemoteViolence", "ViolenceAgainstCivilians", "Battles"):
                # nobody named, or only "a gunman", "a suicide bomber": an unidentified armed group (ACLED)
                self.ensure_actor(UNIDENTIFIED)
                event.perpetrators.insert(0, UNIDENTIFIED)
                if event.evidence:
                    ev = event.evidence[0]
                    self.mention_evidence(UNIDENTIFIED, Evidence(ev.doc_id, ev.sentence, ev.sentence_start, ev.start, ev.end, ev.text, "unnamed_perpetrator", 0.5))
            if not event.targets and event.victims:
                event.targets = list(event.victims)
            for key in event.perpetrators + event.targets + event.victims + event.assoc_perpetrators:
                if key.startswith("actor:"):
                    self.ensure_actor(key)
                ent = self.entities.get(key)
                if ent is not None and not ent.mentions and event.evidence:
                    ev = event.evidence[0]
                    ent.mentions.append(Evidence(ev.doc_id, ev.sentence, ev.sentence_start, ev.start, ev.end, ev.text, "implied:event_participant", 0.5))
            # Perpetrator against target is hostility.
            if event.evidence:
                trigger = event.evidence[0]

                def named_here(key: str) -> Evidence | None:
                    """The entity's own mention in the trigger's sentence (an actor carried over from an
                    earlier sentence, or one only implied, is not evidence of hostility here)."""
                    ent = self.entities.get(key)
                    if ent is None:
                        return None
                    mentions = list(ent.mentions)
                    if ent.cls == "StateForce" and f"country:{ent.country}" in self.entities:
                        mentions += self.entities[f"country:{ent.country}"].mentions  # "Israel struck ...": the country stands for its forces
                    here = [m for m in mentions if m.sentence_start == trigger.sentence_start and not m.rule.startswith(("implied", "unnamed"))]
                    return min(here, key=lambda m: abs(m.start - trigger.start)) if here else None

                violent = EVENT_TYPE_OF.get(event.cls) in ("Battles", "ExplosionsRemoteViolence", "ViolenceAgainstCivilians")
                for p in event.perpetrators if violent else ():  # an agreement or an arrest is no hostility
                    for t in event.targets:
                        if p == t or p == UNIDENTIFIED or self.entities.get(p) is None or self.entities.get(t) is None or self.entities[p].cls in ("Person", "CivilianGroup", "Organisation", "MediaOutlet", "Source") or self.entities[t].cls in ("Person", "Organisation", "MediaOutlet", "Source"):
                            continue  # an unarmed organisation ("UN chemical weapons report") is no side
                        ep, et = self.entities[p], self.entities[t]
                        if ep.cls == et.cls == "StateForce" and ep.country and ep.country == et.country:
                            continue  # two commands of one state's forces ("U.S. Army ... U.S. Central Command")
                        mp, mt = named_here(p), named_here(t)
                        if mp is None or mt is None:
                            continue
                        # Roles read wrongly from a sentence that ties the two together ("soldiers
                        # visiting from 3rd Battalion", "the Coalition supports the SDF", "A and
                        # other B forces"), or that already relates them as friends, are no hostility.
                        first, second = sorted((mp, mt), key=lambda m: m.start)
                        if SAME_SIDE_BETWEEN_RE.search(self.text[first.end : second.start]) or any(
                            r.prop in FRIENDLY_PROPS and {r.subject, r.object} == {p, t} for r in self.result_relations
                        ):
                            continue
                        span = (min(mp.start, mt.start, trigger.start), max(mp.end, mt.end, trigger.end))
                        evidence = Evidence(trigger.doc_id, trigger.sentence, trigger.sentence_start, span[0], span[1], self.text[span[0] : span[1]], trigger.rule, trigger.confidence)
                        self.relate("fightingAgainst", p, t, evidence, event.according_to[:1])
                # Perpetrators operate where they strike.
                if event.place:
                    for p in event.perpetrators:
                        if p != UNIDENTIFIED:
                            self.relate("operatesIn", p, event.place, event.evidence[-1], event.according_to[:1])
                # A ranked victim of an attack on a state force belongs to it.
                for v in event.victims:
                    ent = self.entities.get(v)
                    if ent is not None and ent.rank:
                        for t in event.targets:
                            tent = self.entities.get(t)
                            if tent is not None and tent.cls == "StateForce":
                                self.relate("memberOf", v, t, event.evidence[0], [], status="Current")
        # Drop entities never mentioned and never referenced.
        referenced = set()
        for rel in self.result_relations:
            referenced.update((rel.subject, rel.object))
        for event in self.events:
            referenced.update(event.perpetrators + event.assoc_perpetrators + event.targets + event.victims)
            referenced.update(k for k in (event.place, event.near) if k)
            for claim in event.claims:
                referenced.update(k for k in (claim.claimant, claim.via) if k)
            referenced.update(event.according_to)
        entities = {k: e for k, e in self.entities.items() if e.mentions or k in referenced}
        # The home country of an actor is part of its description: it needs the same evidence.
        for ent in list(entities.values()):
            if ent.country and ent.key.startswith(("actor:", "person:")) and ent.mentions:
                country = self.ensure_country(ent.country)
                entities[country.key] = country
                if not country.mentions:
                    country.mentions.append(_implied(ent.mentions[0], "implied:actor_country"))
        # Anything still without a mention is reached through a relation or an event that names it.
        for rel in self.result_relations:
            for key in (rel.subject, rel.object):
                ent = entities.get(key)
                if ent is not None and not ent.mentions:
                    ent.mentions.append(_implied(rel.evidence, f"implied:{rel.evidence.rule}"))
        for event in self.events:
            for key in event.perpetrators + event.assoc_perpetrators + event.targets + event.victims + [event.place, event.near]:
                ent = entities.get(key) if key else None
                if ent is not None and not ent.mentions and event.evidence:
                    ent.mentions.append(_implied(event.evidence[0], "implied:event_participant"))
        return DocResult(self.document, entities, self.result_relations, self.events, self.focus)
